//! Lesions, scoring and ties on a small graph written for these tests.

use super::*;
use std::sync::LazyLock;

const FIXTURE: &str = r#"
[[source]]
id = "ref"
title = "Test reference"
publisher = "fascia tests"

[[root]]
id = "l4"
name = "L4"
sources = ["ref"]

[[root]]
id = "l5"
name = "L5"
sources = ["ref"]

[[root]]
id = "s1"
name = "S1"
sources = ["ref"]

[[nerve]]
id = "plexus"
name = "Test plexus"
sources = ["ref"]
has-root = ["l4", "l5", "s1"]

[[nerve]]
id = "nerve-a"
name = "Nerve A"
sources = ["ref"]
branch-of = "plexus"
has-root = ["l4", "l5"]

[[nerve]]
id = "nerve-a2"
name = "Nerve A2"
sources = ["ref"]
branch-of = "nerve-a"
has-root = ["l5"]

[[nerve]]
id = "nerve-b"
name = "Nerve B"
sources = ["ref"]
branch-of = "plexus"
has-root = ["l5", "s1"]

[[nerve]]
id = "zeta"
name = "Zeta nerve"
sources = ["ref"]
branch-of = "nerve-b"

[[nerve]]
id = "alpha"
name = "Alpha branch"
sources = ["ref"]
part-of = "zeta"

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m1"
name = "Muscle one"
sources = ["ref"]
innervated-by = { id = "nerve-a", roots = ["l4", "l5"] }
performs = "mv"

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m2"
name = "Muscle two"
sources = ["ref"]
innervated-by = { id = "nerve-a2", roots = ["l5"] }
performs = "mv2"

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m3"
name = "Muscle three"
sources = ["ref"]
innervated-by = { id = "nerve-b", roots = ["l5", "s1"] }
performs = "mv"

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m4"
name = "Muscle four"
sources = ["ref"]
innervated-by = [{ id = "nerve-a", roots = ["l4"] }, { id = "nerve-b", roots = ["s1"] }]
performs = "mv2"

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m5"
name = "Muscle five"
sources = ["ref"]
innervated-by = { id = "alpha", roots = ["s1"] }
performs = "mv2"

[[bone]]
id = "bone"
name = "Test bone"
sources = ["ref"]

[[artery]]
id = "artery"
name = "Test artery"
sources = ["ref"]

[[movement]]
id = "mv"
name = "Test movement"
sources = ["ref"]

[[movement]]
id = "mv2"
name = "Second test movement"
sources = ["ref"]

[[skin-area]]
id = "sk"
name = "Test skin"
sources = ["ref"]
innervated-by = "nerve-a2"

[[gland]]
id = "gl"
name = "Test gland"
sources = ["ref"]
innervated-by = "nerve-a2"

[[sense]]
id = "taste"
name = "Test taste"
sources = ["ref"]
innervated-by = "alpha"

[[reflex]]
id = "rx"
name = "Test reflex"
sources = ["ref"]
involves = "m1"
mediated-by = { id = "nerve-a", roots = ["l4"] }
"#;

static ATLAS: LazyLock<Atlas> = LazyLock::new(|| {
    crate::load_files([("clinical.toml", FIXTURE)], "clinical fixture")
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"))
});

fn node(id: &str) -> StructureId {
    ATLAS
        .by_id(id)
        .unwrap_or_else(|| panic!("no {id} in the fixture"))
}

fn muscles(d: &Deficit) -> Vec<(String, Effect)> {
    d.muscles
        .iter()
        .map(|m| (ATLAS.node(m.muscle).id.to_string(), m.effect))
        .collect()
}

fn pairs(list: &[(&str, Effect)]) -> Vec<(String, Effect)> {
    list.iter().map(|(i, e)| (i.to_string(), *e)).collect()
}

#[test]
fn a_nerve_lesion_takes_its_branches_and_leaves_second_supplies() {
    let d = lesion(&ATLAS, &Lesion::Node(node("nerve-a")), false);
    assert_eq!(
        muscles(&d),
        pairs(&[
            ("m4", Effect::Weakened),
            ("m1", Effect::Lost),
            ("m2", Effect::Lost)
        ])
    );
    let mv = d
        .movements
        .iter()
        .find(|m| m.movement == node("mv"))
        .expect("the movement is affected");
    assert_eq!(mv.effect, Effect::Weakened);
    assert_eq!(mv.remaining, vec![node("m3")]);
    assert_eq!(
        d.skin,
        vec![Affected {
            node: node("sk"),
            effect: Effect::Lost
        }]
    );
    assert_eq!(
        d.reflexes,
        vec![Affected {
            node: node("rx"),
            effect: Effect::Lost
        }]
    );
}

#[test]
fn a_root_lesion_weakens_muscles_with_other_levels() {
    let d = lesion(&ATLAS, &Lesion::Node(node("l5")), false);
    assert_eq!(
        muscles(&d),
        pairs(&[
            ("m1", Effect::Weakened),
            ("m3", Effect::Weakened),
            ("m2", Effect::Lost)
        ])
    );
    // skin areas are peripheral territories; the reflex runs on L4 only
    assert!(d.skin.is_empty());
    assert!(d.reflexes.is_empty());
}

#[test]
fn a_site_spares_what_leaves_above_it() {
    let site = Site {
        id: "nerve-a-at-test".to_string(),
        name: "Nerve A at the test point".to_string(),
        aliases: Vec::new(),
        nerve: node("nerve-a"),
        at: node("nerve-a2"),
        spares: vec![node("m1")],
        note: None,
        sources: Vec::new(),
    };
    let d = lesion(&ATLAS, &Lesion::Site(site), false);
    assert_eq!(
        muscles(&d),
        pairs(&[("m4", Effect::Weakened), ("m2", Effect::Lost)])
    );
    // its muscle spared, the reflex is spared with it
    assert!(d.reflexes.is_empty());
}

fn ranked(findings: &[(Sign, &str)]) -> Vec<(usize, String, i64)> {
    let findings: Vec<Finding> = findings
        .iter()
        .map(|(sign, id)| Finding {
            sign: *sign,
            node: node(id),
        })
        .collect();
    localize(&ATLAS, &findings, false)
        .candidates
        .iter()
        .map(|c| (c.rank, c.lesion.id(&ATLAS).to_string(), c.score))
        .collect()
}

#[test]
fn scores_count_findings_and_prefer_the_smaller_lesion() {
    let r = ranked(&[(Sign::Weak, "m2"), (Sign::Numb, "sk")]);
    // A2 explains both and nothing else; A explains both and two muscles more; L5 the
    // weakness only (a root does not numb a peripheral skin area) and two muscles more
    assert_eq!(
        r,
        vec![
            (1, "nerve-a2".to_string(), 200),
            (2, "nerve-a".to_string(), 196),
            (3, "l5".to_string(), 96),
        ]
    );
}

#[test]
fn a_spared_finding_contradicts_the_lesions_that_take_it() {
    let findings = [
        Finding {
            sign: Sign::Weak,
            node: node("m1"),
        },
        Finding {
            sign: Sign::Spared,
            node: node("m3"),
        },
    ];
    let r = localize(&ATLAS, &findings, false);
    let l5 = r
        .candidates
        .iter()
        .find(|c| c.lesion.node() == node("l5"))
        .expect("L5 is a candidate");
    assert_eq!(l5.contradicts, vec![node("m3")]);
    assert_eq!(l5.explains, vec![node("m1")]);
    let a = r
        .candidates
        .iter()
        .find(|c| c.lesion.node() == node("nerve-a"))
        .expect("nerve A is a candidate");
    assert_eq!(a.explains, vec![node("m1"), node("m3")]);
    assert!(a.contradicts.is_empty());
    assert!(a.rank < l5.rank);
}

#[test]
fn equal_scores_share_a_rank_in_name_order() {
    // Zeta is declared before its part Alpha; both supply only muscle five
    let r = ranked(&[(Sign::Weak, "m5")]);
    assert_eq!(r[0], (1, "alpha".to_string(), 100));
    assert_eq!(r[1], (1, "zeta".to_string(), 100));
    assert!(r[2..].iter().all(|(rank, _, _)| *rank == 3));
}

#[test]
fn a_whole_plexus_is_not_a_candidate() {
    assert!(
        !candidates(&ATLAS)
            .iter()
            .any(|l| l.node() == node("plexus"))
    );
}

#[test]
fn the_penalty_for_a_larger_lesion_stays_under_half_a_finding() {
    let mut last = 0;
    for extra in [0, 1, 2, 10, 100, 10_000, usize::MAX] {
        let p = super::localize::parsimony_for_tests(extra);
        assert!(p >= last && p < 50, "{extra}: {p}");
        last = p;
    }
}

#[test]
fn a_lesion_takes_the_glands_and_senses_its_nerves_carry() {
    let lost = |id: &str| Affected {
        node: node(id),
        effect: Effect::Lost,
    };
    let a = lesion(&ATLAS, &Lesion::Node(node("nerve-a")), false);
    assert_eq!(a.glands, vec![lost("gl")]);
    assert!(a.senses.is_empty(), "{:?}", a.senses);
    let b = lesion(&ATLAS, &Lesion::Node(node("nerve-b")), false);
    assert!(b.glands.is_empty(), "{:?}", b.glands);
    assert_eq!(b.senses, vec![lost("taste")]);
    assert_eq!(
        b.effect_of(&ATLAS, node("taste"), false),
        Some(Effect::Lost)
    );
}

#[test]
fn localize_weighs_a_lost_gland_or_sense_like_numb_skin() {
    let findings = [
        Finding {
            sign: Sign::Lost,
            node: node("gl"),
        },
        Finding {
            sign: Sign::Spared,
            node: node("taste"),
        },
    ];
    let ranking = localize(&ATLAS, &findings, false);
    let best = &ranking.candidates[0];
    assert!(best.explains.contains(&node("gl")), "{best:?}");
    assert!(best.contradicts.is_empty(), "{best:?}");
    let b = ranking
        .candidates
        .iter()
        .find(|c| c.lesion.node() == node("nerve-b"));
    assert!(b.is_none_or(|c| c.rank > best.rank), "{b:?}");
}

/// A reflex stated as the trunk's are: its nerves named without levels and its levels
/// as root facts of their own, one nerve carrying only the sensory limb.
const ARC: &str = r#"
[[source]]
id = "ref"
title = "Test reference"
publisher = "fascia tests"

[[root]]
id = "s3"
name = "S3"
sources = ["ref"]

[[root]]
id = "s4"
name = "S4"
sources = ["ref"]

[[nerve]]
id = "motor"
name = "Motor nerve"
sources = ["ref"]
has-root = ["s3", "s4"]

[[nerve]]
id = "sensory"
name = "Sensory nerve"
sources = ["ref"]
has-root = ["s3", "s4"]

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m"
name = "Muscle"
sources = ["ref"]
innervated-by = { id = "motor", roots = ["s3", "s4"] }
performs = "mv"

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m-other"
name = "Other muscle"
sources = ["ref"]
innervated-by = { id = "sensory", roots = ["s3"] }
performs = "mv"

[[bone]]
id = "bone"
name = "Test bone"
sources = ["ref"]

[[artery]]
id = "artery"
name = "Test artery"
sources = ["ref"]

[[movement]]
id = "mv"
name = "Test movement"
sources = ["ref"]

[[reflex]]
id = "rx"
name = "Test reflex"
sources = ["ref"]
involves = "m"
mediated-by = ["sensory", "motor", "s3", "s4"]
"#;

#[test]
fn a_root_reaches_a_reflex_whose_nerves_state_no_levels_and_a_sensory_nerve_takes_it() {
    let atlas = crate::load_files([("arc.toml", ARC)], "arc fixture")
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"));
    let id = |s: &str| atlas.by_id(s).unwrap_or_else(|| panic!("no {s}"));
    let reflexes = |l: &str| {
        lesion(&atlas, &Lesion::Node(id(l)), false)
            .reflexes
            .iter()
            .map(|a| (atlas.node(a.node).id.to_string(), a.effect))
            .collect::<Vec<_>>()
    };
    // one of its two levels: reduced, through both nerves
    assert_eq!(reflexes("s4"), [("rx".to_string(), Effect::Weakened)]);
    // the sensory limb alone, its muscle untouched
    assert_eq!(reflexes("sensory"), [("rx".to_string(), Effect::Weakened)]);
    let muscles = |d: &Deficit| -> Vec<String> {
        d.muscles
            .iter()
            .map(|m| atlas.node(m.muscle).id.to_string())
            .collect()
    };
    assert_eq!(
        muscles(&lesion(&atlas, &Lesion::Node(id("sensory")), false)),
        ["m-other"]
    );
    let site = |nerve: &str, spares: &str| Site {
        id: format!("{nerve}-low"),
        name: format!("{nerve} low"),
        aliases: Vec::new(),
        nerve: id(nerve),
        at: id(nerve),
        spares: vec![id(spares)],
        note: None,
        sources: Vec::new(),
    };
    // a site that spares the muscle spares the reflex
    let low_motor = lesion(&atlas, &Lesion::Site(site("motor", "m")), false);
    assert!(low_motor.reflexes.is_empty());
    // one that spares another muscle still cuts the sensory limb
    let low_sensory = lesion(&atlas, &Lesion::Site(site("sensory", "m-other")), false);
    assert!(low_sensory.muscles.is_empty());
    assert_eq!(low_sensory.reflexes.len(), 1);
}

#[test]
fn a_site_that_spares_a_skin_area_leaves_it_its_feeling() {
    let site = |spares: Vec<StructureId>| Site {
        id: "nerve-a-low".to_string(),
        name: "Nerve A low".to_string(),
        aliases: Vec::new(),
        nerve: node("nerve-a"),
        at: node("nerve-a"),
        spares,
        note: None,
        sources: Vec::new(),
    };
    let whole = lesion(&ATLAS, &Lesion::Site(site(Vec::new())), false);
    assert_eq!(whole.skin.len(), 1);
    let spared = lesion(&ATLAS, &Lesion::Site(site(vec![node("sk")])), false);
    assert!(spared.skin.is_empty());
    // the muscles of the same branch are still taken
    assert_eq!(muscles(&spared), muscles(&whole));
}

/// A muscle whose levels its second nerve does not carry at all (transversus abdominis,
/// T7–T12, and the ilioinguinal nerve, L1).
const FOREIGN_LEVELS: &str = r#"
[[source]]
id = "ref"
title = "Test reference"
publisher = "fascia tests"

[[root]]
id = "t12"
name = "T12"
sources = ["ref"]

[[root]]
id = "l1"
name = "L1"
sources = ["ref"]

[[nerve]]
id = "upper"
name = "Upper nerve"
sources = ["ref"]
has-root = ["t12"]

[[nerve]]
id = "lower"
name = "Lower nerve"
sources = ["ref"]
has-root = ["l1"]

[[muscle]]
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
id = "m"
name = "Muscle"
sources = ["ref"]
innervated-by = [{ id = "upper", roots = ["t12"] }, "lower"]
performs = "mv"

[[bone]]
id = "bone"
name = "Test bone"
sources = ["ref"]

[[artery]]
id = "artery"
name = "Test artery"
sources = ["ref"]

[[movement]]
id = "mv"
name = "Test movement"
sources = ["ref"]
"#;

#[test]
fn a_nerve_that_carries_none_of_a_muscles_levels_still_supplies_it() {
    let atlas = crate::load_files([("foreign.toml", FOREIGN_LEVELS)], "fixture")
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"));
    let id = |s: &str| atlas.by_id(s).unwrap_or_else(|| panic!("no {s}"));
    let effect = |l: &str| {
        lesion(&atlas, &Lesion::Node(id(l)), false)
            .muscles
            .iter()
            .map(|m| m.effect)
            .collect::<Vec<_>>()
    };
    assert_eq!(effect("lower"), [Effect::Weakened]);
    assert_eq!(effect("upper"), [Effect::Weakened]);
    // the lower nerve carries no T12 fibres: a T12 root lesion leaves them, and the
    // muscle is weakened, not lost
    assert_eq!(effect("t12"), [Effect::Weakened]);
    assert!(effect("l1").is_empty());
}

/// A root the reflex names as a fact of its own counts as a principal level in
/// `localize`, as the levels its nerve facts list do.
#[test]
fn a_reflex_root_stated_as_its_own_fact_counts_fully_for_its_root_lesion() {
    let atlas = crate::load_files([("arc.toml", ARC)], "arc fixture")
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"));
    let id = |s: &str| atlas.by_id(s).unwrap_or_else(|| panic!("no {s}"));
    let finding = [Finding {
        sign: Sign::ReflexLost,
        node: id("rx"),
    }];
    let d = lesion(&atlas, &Lesion::Node(id("s4")), false);
    assert_eq!(d.reflexes[0].effect, Effect::Weakened);
    let extra = d.muscles.len() + d.skin.len();
    assert_eq!(
        score(&atlas, &d, &finding, false).score,
        100 - localize::parsimony_for_tests(extra)
    );
}
