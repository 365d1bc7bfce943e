//! Consistency of the bundled data: every muscle complete, every nerve rooted, every
//! landmark on a bone, every fact sourced, and the whole lower limb present.

mod common;

use common::{ATLAS, REQUIRED, covered, muscle_problems, parts};
use fascia::graph::StructureId;
use fascia::graph::model::{Direction, Kind, Relation};
use std::collections::HashSet;

fn id(n: StructureId) -> String {
    ATLAS.node(n).id.to_string()
}

fn node(id: &str) -> StructureId {
    ATLAS
        .by_id(id)
        .unwrap_or_else(|| panic!("no structure `{id}` in the bundled data"))
}

#[test]
fn the_embedded_texts_check_clean_and_match_the_snapshot() {
    let fresh = fascia::check_bundled().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fresh.structure_count(), ATLAS.structure_count());
    assert_eq!(fresh.fact_count(), ATLAS.fact_count());
}

#[test]
fn every_muscle_has_origin_insertion_innervation_supply_and_action() {
    let mut missing = Vec::new();
    for m in ATLAS.of_kind(Kind::Muscle) {
        for r in REQUIRED {
            if !covered(*m, r) {
                missing.push(format!("{} lacks {r}", id(*m)));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_muscle_part_belongs_to_a_muscle() {
    for p in ATLAS.of_kind(Kind::MusclePart) {
        assert!(
            ATLAS.whole_of(*p).is_some(),
            "{} is part of no muscle",
            id(*p)
        );
    }
}

/// Cranial nerves leave the brainstem, not the spinal cord: they have no spinal root.
const CRANIAL_NERVES: [&str; 12] = [
    "olfactory-nerve",
    "optic-nerve",
    "oculomotor-nerve",
    "trochlear-nerve",
    "trigeminal-nerve",
    "abducens-nerve",
    "facial-nerve",
    "vestibulocochlear-nerve",
    "glossopharyngeal-nerve",
    "vagus-nerve",
    "accessory-nerve",
    "hypoglossal-nerve",
];

/// The cervical sympathetic trunk: its preganglionic fibres come from the thoracic cord
/// through the trunk below, which the data does not follow.
const SYMPATHETIC: [&str; 1] = ["cervical-sympathetic-trunk"];

#[test]
fn every_nerve_reaches_a_spinal_root() {
    let mut unrooted = Vec::new();
    for n in ATLAS.of_kind(Kind::Nerve) {
        // walk up branch-of and part-of, back along continues-as, and look for root-of
        let mut seen = HashSet::from([*n]);
        let mut stack = vec![*n];
        let mut rooted = false;
        while let Some(at) = stack.pop() {
            // a cranial nerve's branches reach the brain, not a spinal root
            let exempt = [CRANIAL_NERVES.as_slice(), SYMPATHETIC.as_slice()].concat();
            if exempt.contains(&id(at).as_str())
                || ATLAS
                    .neighbours(at, Relation::RootOf, Direction::Inverse)
                    .next()
                    .is_some()
            {
                rooted = true;
                break;
            }
            let up = ATLAS
                .neighbours(at, Relation::BranchOf, Direction::Forward)
                .chain(ATLAS.neighbours(at, Relation::PartOf, Direction::Forward))
                .chain(ATLAS.neighbours(at, Relation::ContinuesAs, Direction::Inverse));
            for (_, next) in up {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        if !rooted {
            unrooted.push(id(*n));
        }
    }
    assert!(
        unrooted.is_empty(),
        "nerves with no path to a root: {unrooted:?}"
    );
}

#[test]
fn every_landmark_is_part_of_a_bone() {
    let mut loose = Vec::new();
    for l in ATLAS.of_kind(Kind::Landmark) {
        let mut at = vec![*l];
        let mut seen = HashSet::new();
        let mut on_bone = false;
        while let Some(x) = at.pop() {
            for (_, up) in ATLAS.neighbours(x, Relation::PartOf, Direction::Forward) {
                if ATLAS.node(up).kind == Kind::Bone {
                    on_bone = true;
                }
                if seen.insert(up) {
                    at.push(up);
                }
            }
        }
        if !on_bone {
            loose.push(id(*l));
        }
    }
    assert!(loose.is_empty(), "landmarks on no bone: {loose:?}");
}

#[test]
fn every_fact_and_every_structure_has_a_source() {
    for e in ATLAS.facts() {
        let fact = ATLAS.fact(e);
        assert!(
            !fact.sources.is_empty(),
            "unsourced fact at {}",
            ATLAS.location(e)
        );
    }
    for n in ATLAS.structures() {
        assert!(
            !ATLAS.node(n).sources.is_empty(),
            "{} has no sources",
            id(n)
        );
    }
    // every source cited is declared with a title, a publisher and an address
    for s in ATLAS.sources() {
        assert!(!s.title.is_empty() && !s.publisher.is_empty(), "{}", s.id);
        assert!(
            s.url.as_ref().is_some_and(|u| u.starts_with("http")),
            "{} has no URL",
            s.id
        );
    }
}

#[test]
fn the_seed_errors_are_not_in_the_data() {
    // 002 says soleus shares gastrocnemius's origin on the femur: it does not
    let soleus = node("soleus");
    let femur = node("femur");
    for (_, o) in ATLAS.neighbours(soleus, Relation::OriginatesFrom, Direction::Forward) {
        let on_femur = ATLAS
            .neighbours(o, Relation::PartOf, Direction::Forward)
            .any(|(_, b)| b == femur);
        assert!(
            !on_femur && o != femur,
            "soleus must not originate from the femur ({})",
            id(o)
        );
    }
    // 000 puts plantaris's action under "Insertion": its insertion is a structure, and it
    // plantarflexes the ankle
    let plantaris = node("plantaris");
    let inserts: Vec<String> = ATLAS
        .neighbours(plantaris, Relation::InsertsInto, Direction::Forward)
        .map(|(_, n)| id(n))
        .collect();
    assert!(
        inserts.contains(&"calcaneal-tendon".to_string()),
        "{inserts:?}"
    );
    assert!(
        ATLAS
            .neighbours(plantaris, Relation::Performs, Direction::Forward)
            .any(|(_, m)| id(m) == "ankle-plantarflexion")
    );
}

/// Issue 5: the whole lower limb, each muscle with its facts.
const LOWER_LIMB_MUSCLES: &[&str] = &[
    // gluteal region
    "gluteus-maximus",
    "gluteus-medius",
    "gluteus-minimus",
    "tensor-fasciae-latae",
    "piriformis",
    "superior-gemellus",
    "inferior-gemellus",
    "obturator-internus",
    "quadratus-femoris",
    // iliopsoas
    "psoas-major",
    "psoas-minor",
    "iliacus",
    // anterior thigh
    "sartorius",
    "rectus-femoris",
    "vastus-lateralis",
    "vastus-medialis",
    "vastus-intermedius",
    "articularis-genus",
    // medial thigh
    "pectineus",
    "adductor-longus",
    "adductor-brevis",
    "adductor-magnus",
    "gracilis",
    "obturator-externus",
    // posterior thigh
    "biceps-femoris",
    "semitendinosus",
    "semimembranosus",
    // anterior leg
    "tibialis-anterior",
    "extensor-digitorum-longus",
    "extensor-hallucis-longus",
    "fibularis-tertius",
    // lateral leg
    "fibularis-longus",
    "fibularis-brevis",
    // posterior leg
    "gastrocnemius",
    "soleus",
    "plantaris",
    "popliteus",
    "flexor-hallucis-longus",
    "flexor-digitorum-longus",
    "tibialis-posterior",
    // dorsum of foot
    "extensor-digitorum-brevis",
    "extensor-hallucis-brevis",
    // sole, four layers
    "abductor-hallucis",
    "flexor-digitorum-brevis",
    "abductor-digiti-minimi-of-foot",
    "quadratus-plantae",
    "lumbricals-of-foot",
    "flexor-hallucis-brevis",
    "adductor-hallucis",
    "flexor-digiti-minimi-brevis-of-foot",
    "plantar-interossei",
    "dorsal-interossei-of-foot",
];

#[test]
fn every_lower_limb_muscle_is_present_with_all_its_facts() {
    let problems = muscle_problems(LOWER_LIMB_MUSCLES);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn heads_that_references_distinguish_are_parts() {
    for (muscle, heads) in [
        (
            "gastrocnemius",
            [
                "medial-head-of-gastrocnemius",
                "lateral-head-of-gastrocnemius",
            ],
        ),
        (
            "biceps-femoris",
            [
                "long-head-of-biceps-femoris",
                "short-head-of-biceps-femoris",
            ],
        ),
    ] {
        let m = node(muscle);
        let mut got: Vec<String> = parts(m).into_iter().map(id).collect();
        got.sort();
        let mut want: Vec<String> = heads.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{muscle}");
    }
    assert_eq!(parts(node("adductor-magnus")).len(), 2);
}

#[test]
fn the_nerves_arteries_and_veins_of_issue_5_are_present() {
    for id in [
        "l1",
        "l2",
        "l3",
        "l4",
        "l5",
        "s1",
        "s2",
        "s3",
        "s4",
        "femoral-nerve",
        "saphenous-nerve",
        "obturator-nerve",
        "anterior-division-of-obturator-nerve",
        "posterior-division-of-obturator-nerve",
        "lateral-femoral-cutaneous-nerve",
        "superior-gluteal-nerve",
        "inferior-gluteal-nerve",
        "nerve-to-piriformis",
        "nerve-to-obturator-internus",
        "nerve-to-quadratus-femoris",
        "posterior-femoral-cutaneous-nerve",
        "sciatic-nerve",
        "tibial-division-of-sciatic-nerve",
        "common-fibular-division-of-sciatic-nerve",
        "tibial-nerve",
        "common-fibular-nerve",
        "sural-nerve",
        "medial-sural-cutaneous-nerve",
        "lateral-sural-cutaneous-nerve",
        "deep-fibular-nerve",
        "superficial-fibular-nerve",
        "medial-plantar-nerve",
        "lateral-plantar-nerve",
        "external-iliac-artery",
        "femoral-artery",
        "deep-femoral-artery",
        "medial-circumflex-femoral-artery",
        "lateral-circumflex-femoral-artery",
        "perforating-arteries",
        "popliteal-artery",
        "sural-arteries",
        "anterior-tibial-artery",
        "dorsalis-pedis-artery",
        "arcuate-artery",
        "deep-plantar-artery",
        "posterior-tibial-artery",
        "fibular-artery",
        "medial-plantar-artery",
        "lateral-plantar-artery",
        "plantar-arch",
        "superior-gluteal-artery",
        "inferior-gluteal-artery",
        "obturator-artery",
        "great-saphenous-vein",
        "small-saphenous-vein",
        "femoral-vein",
        "popliteal-vein",
        "anterior-tibial-veins",
        "posterior-tibial-veins",
        "fibular-veins",
        "soleal-venous-plexus",
        "hip-bone",
        "ilium",
        "ischium",
        "pubis",
        "femur",
        "patella",
        "tibia",
        "fibula",
        "talus",
        "calcaneus",
        "navicular",
        "cuboid",
        "medial-cuneiform",
        "intermediate-cuneiform",
        "lateral-cuneiform",
        "first-metatarsal",
        "fifth-metatarsal",
        "hip-joint",
        "knee-joint",
        "ankle-joint",
        "subtalar-joint",
        "transverse-tarsal-joint",
        "metatarsophalangeal-joints",
        "interphalangeal-joints-of-foot",
    ] {
        node(id);
    }
}

/// Issue 18: `why` explains every member of a `*` answer, continuations included.
#[test]
fn why_explains_every_member_of_a_star_answer() {
    use fascia::query::Answer;
    for (query, relation, target) in [
        (
            "arteries branch-of* \"axillary artery\"",
            "branch-of*",
            "axillary-artery",
        ),
        ("nerves branch-of* sciatic", "branch-of*", "sciatic-nerve"),
        (
            "muscles innervated-by* radial",
            "innervated-by*",
            "radial-nerve",
        ),
    ] {
        let (_, answer) = fascia::run(&ATLAS, query).unwrap_or_else(|e| panic!("{query}: {e}"));
        let members = answer.structures(&ATLAS);
        assert!(members.len() > 3, "{query}: {} members", members.len());
        for m in members {
            let why = format!("why {} {relation} {target}", m.id);
            let (_, answer) = fascia::run(&ATLAS, &why).unwrap_or_else(|e| panic!("{why}: {e}"));
            let Answer::Why(w) = answer else {
                panic!("{why}: not a why answer");
            };
            assert!(
                !w.asserted.is_empty() || w.inferred.is_some(),
                "{why}: no chain of facts"
            );
        }
    }
}

/// Issue 18: a minor twig (the radial nerve's to brachialis) is shown as minor wherever
/// the muscle appears in an answer, and never as a plain supply.
#[test]
fn a_minor_supply_is_marked_in_answers() {
    use fascia::output::{Format, render_to_string};
    let (_, answer) =
        fascia::run(&ATLAS, "muscles innervated-by radial").unwrap_or_else(|e| panic!("{e}"));
    let text = render_to_string(&ATLAS, &answer, Format::Text);
    let line = text
        .lines()
        .find(|l| l.starts_with("Brachialis "))
        .unwrap_or_else(|| panic!("no brachialis in\n{text}"));
    assert!(line.ends_with("minor share"), "{line}");
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("Triceps brachii") && l.contains("minor"))
    );
    let json = render_to_string(&ATLAS, &answer, Format::Json);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let brachialis = rows
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == "brachialis"))
        .unwrap_or_else(|| panic!("no brachialis in {json}"));
    assert_eq!(brachialis["minor"], true);
    let (_, card) = fascia::run(&ATLAS, "show brachialis").unwrap_or_else(|e| panic!("{e}"));
    let card = render_to_string(&ATLAS, &card, Format::Text);
    assert!(
        card.lines()
            .any(|l| l.contains("Radial nerve") && l.contains("minor share")),
        "{card}"
    );
}

/// Issue 18: a whole that answers only through a part stands for that part as a
/// target: the hamstrings' nerves are not adductor magnus's obturator supply.
#[test]
fn a_whole_answering_through_its_part_stands_for_the_part_as_a_target() {
    let (_, answer) = fascia::run(&ATLAS, "nerves innervates (muscles member-of hamstrings)")
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = answer
        .structures(&ATLAS)
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    assert!(
        ids.contains(&"tibial-division-of-sciatic-nerve".to_string()),
        "{ids:?}"
    );
    assert!(!ids.iter().any(|id| id.contains("obturator")), "{ids:?}");
}

/// A `*` territory marks a minor share as the one-hop form does, and a structure a
/// source gives to the nerve and another to its branch is shown through the branch.
#[test]
fn a_territory_marks_minor_shares_and_prefers_the_branch() {
    use fascia::output::{Format, render_to_string};
    let (_, answer) = fascia::run(&ATLAS, "muscles innervated-by* radial-nerve")
        .unwrap_or_else(|e| panic!("{e}"));
    let text = render_to_string(&ATLAS, &answer, Format::Text);
    let row = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} in\n{text}"))
            .to_string()
    };
    assert!(row("Brachialis ").ends_with("minor share"), "{text}");
    assert!(!row("Triceps brachii").contains("minor"), "{text}");
    assert!(
        row("Extensor digitorum ").ends_with("Posterior interosseous nerve"),
        "{text}"
    );
}

/// An UBERON id matched in an Uberon release cites that release, not the page the other
/// ids were read in, in the card and in JSON.
#[test]
fn an_uberon_id_cites_the_release_it_was_matched_in() {
    use fascia::output::{Format, render_to_string};
    let (_, card) = fascia::run(&ATLAS, "show soleus").unwrap_or_else(|e| panic!("{e}"));
    let text = render_to_string(&ATLAS, &card, Format::Text);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Identifiers:"))
        .unwrap_or_else(|| panic!("no identifiers in\n{text}"));
    let mark = line
        .rsplit("UBERON:0001389  [")
        .next()
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or_else(|| panic!("the UBERON id carries no mark: {line}"));
    let cited = text
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("[{mark}]")))
        .unwrap_or_else(|| panic!("no source [{mark}] in\n{text}"));
    assert!(cited.contains("(uberon-2026-04-01)"), "{cited}");
    assert!(line.contains("TA2 2660  [1]"), "{line}");
    let json = render_to_string(&ATLAS, &card, Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        value["xref"]["uberon_source"], "uberon-2026-04-01",
        "{json}"
    );
}

#[test]
fn bundled_muscles_lie_in_their_regions() {
    let limb = |name: &str| ATLAS.region_of(node(name)).map(id);
    assert_eq!(limb("soleus").as_deref(), Some("lower-limb"));
    assert_eq!(limb("biceps-brachii").as_deref(), Some("upper-limb"));
    assert_eq!(limb("lower-limb").as_deref(), Some("lower-limb"));
    assert_eq!(limb("upper-limb").as_deref(), Some("upper-limb"));
    assert_eq!(limb("masseter").as_deref(), Some("head-and-neck"));
    assert_eq!(limb("diaphragm").as_deref(), Some("trunk"));
}
