//! `lesion` and `localize` on the trunk (issue 24): the places along the phrenic,
//! intercostal, iliohypogastric, ilioinguinal and pudendal nerves with exactly what each
//! takes and spares, the spinal levels T2–S5 with their dermatomes, muscles and reflexes,
//! and the rankings for the trunk's bedside signs. Computed by the library on the bundled
//! data, so a wrong or missing fact fails.

use fascia::clinical::{Candidate, Deficit, Effect, Lesion};
use fascia::query::Answer;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static ATLAS: LazyLock<fascia::Atlas> =
    LazyLock::new(|| fascia::bundled().unwrap_or_else(|e| panic!("{e}")));

fn answer(query: &str) -> Answer {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, answer)) => answer,
        Err(e) => panic!("{}", e.render(query)),
    }
}

fn deficit(query: &str) -> Deficit {
    match answer(query) {
        Answer::Lesion(d) => d,
        other => panic!("{query}: not a lesion: {other:?}"),
    }
}

fn candidates(query: &str) -> Vec<Candidate> {
    match answer(query) {
        Answer::Localize(r) => r.candidates,
        other => panic!("{query}: not a ranking: {other:?}"),
    }
}

/// The ids ranked first (ties included).
fn firsts(query: &str) -> Vec<String> {
    candidates(query)
        .iter()
        .filter(|c| c.rank == 1)
        .map(|c| c.lesion.id(&ATLAS).to_string())
        .collect()
}

fn rank_of(query: &str, id: &str) -> usize {
    candidates(query)
        .iter()
        .find(|c| c.lesion.id(&ATLAS) == id)
        .map_or(usize::MAX, |c| c.rank)
}

fn id(n: fascia::graph::StructureId) -> String {
    ATLAS.node(n).id.to_string()
}

/// What a lesion does: muscles, skin (areas and dermatomes) and reflexes, by id.
#[derive(Debug, PartialEq)]
struct Pattern {
    muscles: BTreeMap<String, Effect>,
    skin: BTreeMap<String, Effect>,
    reflexes: BTreeMap<String, Effect>,
}

fn pattern(query: &str) -> Pattern {
    let d = deficit(query);
    Pattern {
        muscles: d.muscles.iter().map(|m| (id(m.muscle), m.effect)).collect(),
        skin: d.skin.iter().map(|a| (id(a.node), a.effect)).collect(),
        reflexes: d.reflexes.iter().map(|a| (id(a.node), a.effect)).collect(),
    }
}

fn map(pairs: &[(&str, Effect)]) -> BTreeMap<String, Effect> {
    pairs.iter().map(|(i, e)| (i.to_string(), *e)).collect()
}

/// The site a query names and what it spares, by id.
fn site(query: &str) -> (String, Vec<String>) {
    match deficit(query).lesion {
        Lesion::Site(s) => (s.id, s.spares.iter().map(|n| id(*n)).collect()),
        Lesion::Node(n) => panic!("{query}: names the whole of {}", id(n)),
        other => panic!("{query}: {other:?}"),
    }
}

use Effect::{Lost, Weakened};

#[test]
fn the_phrenic_nerve_in_the_neck_or_the_thorax_paralyses_its_half_of_the_diaphragm() {
    for (query, place) in [
        (
            "lesion phrenic at \"interscalene block\"",
            "phrenic-nerve-in-neck",
        ),
        (
            "lesion phrenic at \"scalenus anterior\"",
            "phrenic-nerve-in-neck",
        ),
        (
            "lesion phrenic at \"cardiac surgery\"",
            "phrenic-nerve-in-thorax",
        ),
        (
            "lesion \"phrenic nerve\" at mediastinum",
            "phrenic-nerve-in-thorax",
        ),
    ] {
        assert_eq!(site(query), (place.to_string(), Vec::new()), "{query}");
        let p = pattern(query);
        assert_eq!(p.muscles, map(&[("diaphragm", Lost)]), "{query}");
        assert!(p.skin.is_empty() && p.reflexes.is_empty(), "{query}");
    }
    // the roots C3–C5 share it: each weakens, none paralyses
    for root in ["c3", "c4", "c5"] {
        let p = pattern(&format!("lesion {root}"));
        assert_eq!(p.muscles.get("diaphragm"), Some(&Weakened), "{root}");
    }
}

const INTERCOSTAL_MUSCLES: [(&str, Effect); 8] = [
    ("external-intercostal-muscles", Lost),
    ("internal-intercostal-muscles", Lost),
    ("innermost-intercostal-muscles", Lost),
    ("transversus-thoracis", Lost),
    ("external-oblique", Lost),
    ("internal-oblique", Weakened),
    ("rectus-abdominis", Weakened),
    ("transversus-abdominis", Weakened),
];

#[test]
fn an_intercostal_lesion_beyond_the_midaxillary_line_spares_the_lateral_skin() {
    let behind = "lesion intercostal at thoracotomy";
    assert_eq!(
        site(behind),
        ("intercostal-nerves-behind-midaxillary-line".into(), vec![])
    );
    assert_eq!(
        pattern(behind),
        Pattern {
            // and the muscles of the back of the chest the nerves reach behind the line
            muscles: map(&INTERCOSTAL_MUSCLES)
                .into_iter()
                .chain(map(&[
                    ("serratus-posterior-inferior", Weakened),
                    ("serratus-posterior-superior", Lost),
                    ("subcostales", Lost),
                ]))
                .collect(),
            skin: map(&[
                ("skin-of-anterior-thoracic-wall", Lost),
                ("skin-of-lateral-thoracic-wall", Lost),
                // the thoracoabdominal nerves share it with the subcostal nerve
                ("skin-of-anterolateral-abdominal-wall", Weakened),
            ]),
            reflexes: BTreeMap::new(),
        }
    );
    let beyond = "lesion \"intercostal nerves\" at \"midaxillary line\"";
    assert_eq!(
        site(beyond),
        (
            "intercostal-nerves-beyond-midaxillary-line".into(),
            vec![
                "skin-of-lateral-thoracic-wall".into(),
                "serratus-posterior-superior".into(),
                "serratus-posterior-inferior".into(),
                "subcostales".into(),
            ]
        )
    );
    assert_eq!(
        pattern(beyond),
        Pattern {
            muscles: map(&INTERCOSTAL_MUSCLES),
            skin: map(&[
                ("skin-of-anterior-thoracic-wall", Lost),
                ("skin-of-anterolateral-abdominal-wall", Weakened),
            ]),
            reflexes: BTreeMap::new(),
        }
    );
}

#[test]
fn the_iliohypogastric_nerve_loses_less_the_further_along_the_incision() {
    let muscles = map(&[
        ("internal-oblique", Weakened),
        ("transversus-abdominis", Weakened),
    ]);
    let kidney = "lesion iliohypogastric at nephrectomy";
    assert_eq!(
        site(kidney),
        ("iliohypogastric-nerve-behind-kidney".into(), vec![])
    );
    assert_eq!(
        pattern(kidney),
        Pattern {
            muscles: muscles.clone(),
            skin: map(&[
                ("skin-above-pubis", Lost),
                ("skin-of-lateral-gluteal-region", Lost),
            ]),
            reflexes: BTreeMap::new(),
        }
    );
    let asis = "lesion iliohypogastric at appendicectomy";
    assert_eq!(
        site(asis),
        (
            "iliohypogastric-nerve-near-asis".into(),
            vec!["skin-of-lateral-gluteal-region".into()]
        )
    );
    assert_eq!(
        pattern(asis),
        Pattern {
            muscles,
            skin: map(&[("skin-above-pubis", Lost)]),
            reflexes: BTreeMap::new(),
        }
    );
    let pfannenstiel = "lesion iliohypogastric at \"pfannenstiel incision\"";
    assert_eq!(
        site(pfannenstiel).1,
        [
            "skin-of-lateral-gluteal-region",
            "internal-oblique",
            "transversus-abdominis"
        ]
    );
    assert_eq!(
        pattern(pfannenstiel),
        Pattern {
            muscles: BTreeMap::new(),
            skin: map(&[("skin-above-pubis", Lost)]),
            reflexes: BTreeMap::new(),
        }
    );
}

#[test]
fn the_ilioinguinal_nerve_in_the_canal_numbs_the_thigh_and_takes_the_cremasteric_reflex_only() {
    let asis = "lesion ilioinguinal at asis";
    assert_eq!(site(asis), ("ilioinguinal-nerve-near-asis".into(), vec![]));
    let reflex = map(&[("cremasteric-reflex", Weakened)]);
    // the anterior scrotal skin is shared with the genitofemoral nerve's genital branch
    let skin = map(&[
        ("skin-of-upper-medial-thigh", Lost),
        ("skin-of-root-of-penis-and-anterior-scrotum", Weakened),
    ]);
    assert_eq!(
        pattern(asis),
        Pattern {
            // its twigs to the conjoint fibres, beside the thoracoabdominal nerves' supply
            muscles: map(&[("transversus-abdominis", Weakened)]),
            skin: skin.clone(),
            reflexes: reflex.clone(),
        }
    );
    let canal = "lesion ilioinguinal at \"hernia repair\"";
    assert_eq!(
        site(canal),
        (
            "ilioinguinal-nerve-in-inguinal-canal".into(),
            vec!["internal-oblique".into(), "transversus-abdominis".into()]
        )
    );
    assert_eq!(
        pattern(canal),
        Pattern {
            muscles: BTreeMap::new(),
            skin,
            reflexes: reflex,
        }
    );
}

#[test]
fn the_pudendal_nerve_at_the_ischial_spine_or_in_alcocks_canal_takes_the_anal_sphincter_skin_and_wink()
 {
    for (query, place) in [
        (
            "lesion pudendal at \"ischial spine\"",
            "pudendal-nerve-at-ischial-spine",
        ),
        (
            "lesion pudendal at childbirth",
            "pudendal-nerve-at-ischial-spine",
        ),
        (
            "lesion pudendal at \"alcock's canal\"",
            "pudendal-nerve-in-pudendal-canal",
        ),
        (
            "lesion \"pudendal nerve\" at \"cyclist's syndrome\"",
            "pudendal-nerve-in-pudendal-canal",
        ),
    ] {
        assert_eq!(site(query), (place.to_string(), Vec::new()), "{query}");
        assert_eq!(
            pattern(query),
            Pattern {
                // S4 reaches the sphincter directly too, the coccygeal plexus levator ani
                muscles: map(&[
                    ("bulbospongiosus", Lost),
                    ("deep-transverse-perineal", Lost),
                    ("external-anal-sphincter", Weakened),
                    ("external-urethral-sphincter", Lost),
                    ("ischiocavernosus", Lost),
                    ("levator-ani", Weakened),
                    ("superficial-transverse-perineal", Lost),
                ]),
                skin: map(&[("perianal-skin", Lost)]),
                reflexes: map(&[("anal-reflex", Lost)]),
            },
            "{query}"
        );
    }
}

/// Each thoracic root numbs its own dermatome and no other.
#[test]
fn each_thoracic_root_numbs_its_dermatome() {
    for level in 2..=12 {
        let root = format!("t{level}");
        let p = pattern(&format!("lesion {root}"));
        assert_eq!(
            p.skin,
            map(&[(format!("{root}-dermatome").as_str(), Lost)]),
            "{root}"
        );
    }
}

#[test]
fn the_lower_thoracic_roots_take_the_abdominal_wall_and_reflex() {
    let wall = [
        ("external-oblique", Weakened),
        ("internal-oblique", Weakened),
        ("rectus-abdominis", Weakened),
        ("transversus-abdominis", Weakened),
    ];
    // each muscle's own levels (the intercostal muscles are given none of their own)
    let back: [(&str, std::ops::RangeInclusive<u32>); 5] = [
        ("levatores-costarum", 2..=11),
        ("rotatores", 2..=11),
        ("serratus-posterior-superior", 2..=5),
        ("transversus-thoracis", 2..=6),
        ("serratus-posterior-inferior", 9..=12),
    ];
    for level in 2..=12 {
        let root = format!("t{level}");
        let p = pattern(&format!("lesion {root}"));
        let mut muscles = match level {
            2..=6 => map(&[]),
            7..=11 => map(&wall),
            _ => map(&[
                ("internal-oblique", Weakened),
                ("pyramidalis", Lost),
                ("quadratus-lumborum", Weakened),
                ("rectus-abdominis", Weakened),
                ("transversus-abdominis", Weakened),
            ]),
        };
        for (muscle, levels) in &back {
            if levels.contains(&level) {
                muscles.insert(muscle.to_string(), Weakened);
            }
        }
        assert_eq!(p.muscles, muscles, "{root}");
        // T8–T12; T7 is a minority level
        let reflexes = if level >= 8 {
            map(&[("superficial-abdominal-reflex", Weakened)])
        } else {
            map(&[])
        };
        assert_eq!(p.reflexes, reflexes, "{root}");
    }
}

#[test]
fn the_lumbar_and_sacral_roots_carry_the_cremasteric_and_anal_reflexes() {
    for root in ["l1", "l2"] {
        let p = pattern(&format!("lesion {root}"));
        assert_eq!(
            p.reflexes.get("cremasteric-reflex"),
            Some(&Weakened),
            "{root}"
        );
        assert!(p.muscles.contains_key("cremaster"), "{root}");
    }
    for root in ["s2", "s3", "s4"] {
        let p = pattern(&format!("lesion {root}"));
        assert_eq!(p.reflexes.get("anal-reflex"), Some(&Weakened), "{root}");
        assert_eq!(p.skin.get(&format!("{root}-dermatome")), Some(&Lost));
    }
    // S1 and S5 are minority levels of the anal reflex
    for root in ["s1", "s5"] {
        assert!(
            !pattern(&format!("lesion {root}"))
                .reflexes
                .contains_key("anal-reflex"),
            "{root}"
        );
    }
    assert_eq!(
        pattern("lesion s4").muscles,
        map(&[
            ("coccygeus", Weakened),
            ("deep-transverse-perineal", Weakened),
            ("external-anal-sphincter", Lost),
            ("external-urethral-sphincter", Weakened),
            ("levator-ani", Weakened),
        ])
    );
    let s5 = pattern("lesion s5");
    assert_eq!(s5.muscles, map(&[("coccygeus", Weakened)]));
    assert_eq!(s5.skin, map(&[("s5-dermatome", Lost)]));
    assert!(s5.reflexes.is_empty());
}

#[test]
fn numb_umbilicus_with_absent_abdominal_reflexes_is_t10() {
    let q = "localize numb \"T10 dermatome\" shows \"absent abdominal reflexes\"";
    assert_eq!(firsts(q), ["t10"]);
    // the reflex's other roots follow, before any nerve
    for other in ["t8", "t9", "t11", "t12"] {
        assert!((2..=5).contains(&rank_of(q, other)), "{other}");
    }
}

#[test]
fn beevors_sign_with_absent_abdominal_reflexes_is_a_root_from_t8_to_t12() {
    let q = "localize shows \"beevor's sign\", \"absent abdominal reflexes\"";
    // the five roots within a hundredth of each other (a root with fewer muscles is the
    // more specific answer), every nerve after them
    for root in ["t8", "t9", "t10", "t11", "t12"] {
        assert!(rank_of(q, root) <= 5, "{root}");
    }
    assert!(rank_of(q, "thoracoabdominal-nerves") > 5);
}

#[test]
fn saddle_anaesthesia_with_a_lost_anal_wink_is_a_low_sacral_root() {
    let q = "localize shows \"saddle anaesthesia\", \"loss of the anal wink\"";
    assert_eq!(firsts(q), ["s4"]);
    assert_eq!(rank_of(q, "s3"), 2);
    assert_eq!(rank_of(q, "pudendal-nerve"), 3);
    // the same with the names clinicians use
    assert_eq!(
        firsts("localize shows \"saddle anesthesia\", \"absent anal wink\""),
        ["s4"]
    );
}

#[test]
fn perianal_numbness_a_weak_sphincter_and_no_anal_wink_is_the_pudendal_nerve() {
    let q = "localize numb \"perianal skin\" weak \"external anal sphincter\" \
             shows \"loss of the anal wink\"";
    assert_eq!(firsts(q), ["pudendal-nerve"]);
    // S4 paralyses the sphincter and reduces the wink but leaves the perianal skin (a
    // nerve's territory); the inferior rectal nerve numbs the skin, and the data names
    // the reflex's arc in the pudendal nerve
    assert_eq!(rank_of(q, "s4"), 2);
    assert_eq!(rank_of(q, "inferior-rectal-nerve"), 3);
}

#[test]
fn a_paradoxical_hemidiaphragm_is_the_phrenic_nerve_before_its_roots() {
    let q = "localize shows \"paradoxical movement of the hemidiaphragm\"";
    assert_eq!(firsts(q), ["phrenic-nerve"]);
    // C4 is the nerve's chief root
    assert!(rank_of(q, "c4") < rank_of(q, "c3"));
    assert!(rank_of(q, "c3") < rank_of(q, "c5"));
}

#[test]
fn groin_numbness_with_a_lost_cremasteric_reflex_is_the_ilioinguinal_nerve_in_the_canal() {
    let q = "localize numb \"skin of the upper medial thigh\" \
             shows \"loss of the cremasteric reflex\"";
    assert_eq!(firsts(q), ["ilioinguinal-nerve-in-inguinal-canal"]);
    assert_eq!(rank_of(q, "ilioinguinal-nerve"), 2);
}

#[test]
fn suprapubic_numbness_with_internal_oblique_normal_is_a_pfannenstiel_lesion() {
    let q = "localize numb \"skin above the pubis\" spared \"internal oblique\"";
    assert_eq!(firsts(q), ["iliohypogastric-nerve-above-superficial-ring"]);
    assert_eq!(rank_of(q, "iliohypogastric-nerve-near-asis"), 2);
}

#[test]
fn front_of_chest_numb_with_the_side_spared_is_an_intercostal_nerve_beyond_the_midaxillary_line() {
    let q = "localize numb \"skin of the anterior thoracic wall\" \
             spared \"skin of the lateral thoracic wall\"";
    // the anterior cutaneous branch alone, or the nerve beyond the lateral branch, which
    // also takes the muscles of the space
    assert_eq!(
        firsts(q),
        ["anterior-cutaneous-branches-of-intercostal-nerves"]
    );
    assert_eq!(rank_of(q, "intercostal-nerves-beyond-midaxillary-line"), 2);
}

#[test]
fn every_trunk_sign_names_findings_and_two_sources() {
    for sign in [
        "paradoxical movement of the hemidiaphragm",
        "beevor's sign",
        "absent abdominal reflexes",
        "loss of the cremasteric reflex",
        "loss of the anal wink",
        "saddle anaesthesia",
    ] {
        let signs = &ATLAS.clinical().signs;
        let def = signs
            .iter()
            .find(|s| s.name.to_lowercase() == sign)
            .unwrap_or_else(|| panic!("no sign {sign}"));
        assert!(!def.findings.is_empty(), "{sign}");
        assert!(def.sources.len() >= 2, "{sign}");
    }
}
