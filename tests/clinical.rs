//! `lesion` and `localize` on the bundled data: the textbook patterns of nerve, plexus
//! and root lesions of both limbs, each with the first-ranked answer asserted, and the
//! shapes of the JSON and DOT answers.

mod harness;

use fascia::clinical::{Candidate, Deficit, Effect, Lesion};
use fascia::output::{Format, render_to_string};
use fascia::query::Answer;
use std::sync::LazyLock;

static ATLAS: LazyLock<fascia::Atlas> =
    LazyLock::new(|| fascia::bundled().unwrap_or_else(|e| panic!("{e}")));

fn answer(query: &str) -> Answer {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, answer)) => answer,
        Err(e) => panic!("{}", e.render(query)),
    }
}

fn candidates(query: &str) -> Vec<Candidate> {
    match answer(query) {
        Answer::Localize(r) => r.candidates,
        other => panic!("{query}: not a ranking: {other:?}"),
    }
}

fn deficit(query: &str) -> Deficit {
    match answer(query) {
        Answer::Lesion(d) => d,
        other => panic!("{query}: not a lesion: {other:?}"),
    }
}

/// The id of the first-ranked candidate, which must rank alone.
fn first(query: &str) -> String {
    let c = candidates(query);
    let top = c.first().unwrap_or_else(|| panic!("{query}: no candidate"));
    assert!(
        c.get(1).is_none_or(|second| second.rank > top.rank),
        "{query}: the first place is tied"
    );
    top.lesion.id(&ATLAS).to_string()
}

fn rank_of(query: &str, id: &str) -> usize {
    candidates(query)
        .iter()
        .find(|c| c.lesion.id(&ATLAS) == id)
        .map_or(usize::MAX, |c| c.rank)
}

fn effect(d: &Deficit, id: &str) -> Option<Effect> {
    let n = ATLAS.by_id(id)?;
    d.muscles.iter().find(|m| m.muscle == n).map(|m| m.effect)
}

const FOOT_DROP: &str = "localize weak \"tibialis anterior\", \"extensor hallucis longus\", \
    \"fibularis longus\", \"fibularis brevis\" spared \"tibialis posterior\", gastrocnemius";

#[test]
fn foot_drop_with_eversion_weak_and_inversion_spared_is_the_common_fibular_nerve() {
    let top = first(FOOT_DROP);
    assert_eq!(top, "common-fibular-nerve-at-fibular-neck");
    assert!(rank_of(FOOT_DROP, "common-fibular-nerve") < rank_of(FOOT_DROP, "l5"));
    let l5 = candidates(FOOT_DROP)
        .into_iter()
        .find(|c| c.lesion.id(&ATLAS) == "l5")
        .expect("L5 is a candidate");
    let tp = ATLAS
        .by_id("tibialis-posterior")
        .expect("tibialis posterior");
    assert_eq!(l5.contradicts, vec![tp]);
}

#[test]
fn foot_drop_with_inversion_and_hip_abduction_weak_is_the_l5_root() {
    assert_eq!(
        first(
            "localize weak \"tibialis anterior\", \"extensor hallucis longus\", \
             \"tibialis posterior\", \"gluteus medius\""
        ),
        "l5"
    );
}

#[test]
fn weak_knee_extension_with_adductors_spared_and_no_knee_jerk_is_the_femoral_nerve() {
    // hip flexion is not examined: the nerve below iliacus, at the inguinal ligament, is
    // the smallest lesion; the whole nerve next
    let q = "localize weak quadriceps, sartorius spared \"adductor longus\", \
             \"adductor brevis\", \"adductor magnus\" reflex-lost \"patellar reflex\"";
    assert_eq!(first(q), "femoral-nerve-at-inguinal-ligament");
    assert_eq!(rank_of(q, "femoral-nerve"), 2);
    assert_eq!(first(&format!("{q} weak iliacus")), "femoral-nerve");
}

#[test]
fn wrist_drop_with_triceps_spared_is_the_radial_nerve_at_the_spiral_groove() {
    assert_eq!(
        first(
            "localize weak \"extensor carpi radialis longus\", \"extensor carpi radialis brevis\", \
             \"extensor carpi ulnaris\", \"extensor digitorum\", brachioradialis \
             spared \"triceps brachii\""
        ),
        "radial-nerve-at-spiral-groove"
    );
}

#[test]
fn erbs_pattern_is_the_upper_trunk() {
    let q = "localize weak deltoid, supraspinatus, infraspinatus, \"biceps brachii\" \
             reflex-lost \"biceps reflex\"";
    assert_eq!(first(q), "upper-trunk-of-brachial-plexus");
    assert!(rank_of(q, "c5") > 1 && rank_of(q, "c6") > 1);
}

const ULNAR_HAND: &str = "localize numb \"little finger\" \
     weak \"dorsal interossei of hand\", \"palmar interossei\", \"adductor pollicis\"";

#[test]
fn numb_little_finger_and_weak_intrinsics_is_the_ulnar_nerve() {
    // the forearm flexors are not examined: the nerve in the forearm, below their
    // branches, is the smallest lesion that explains it; the whole nerve next
    assert_eq!(first(ULNAR_HAND), "ulnar-nerve-in-forearm");
    assert_eq!(rank_of(ULNAR_HAND, "ulnar-nerve"), 2);
    let ulnar = rank_of(ULNAR_HAND, "ulnar-nerve");
    for other in [
        "ulnar-nerve-at-wrist",
        "medial-cord-of-brachial-plexus",
        "lower-trunk-of-brachial-plexus",
        "c8",
    ] {
        assert!(ulnar < rank_of(ULNAR_HAND, other), "{other}");
    }
}

#[test]
fn numbness_of_the_palmar_digits_alone_points_to_the_wrist() {
    // the back of the little finger (dorsal branch) is not said to be numb: the
    // smallest lesion that explains the rest is the ulnar nerve in Guyon's canal
    let q = "localize numb \"skin of the palmar side of the medial one and a half digits\" \
             weak \"dorsal interossei of hand\", \"palmar interossei\", \"adductor pollicis\"";
    assert_eq!(first(q), "ulnar-nerve-at-wrist");
    assert_eq!(
        first(&format!("{q}, \"flexor carpi ulnaris\"")),
        "ulnar-nerve"
    );
}

#[test]
fn a_root_lesion_weakens_the_muscles_of_its_myotome_and_numbs_its_dermatome() {
    let d = deficit("lesion L5");
    assert_eq!(effect(&d, "tibialis-anterior"), Some(Effect::Weakened));
    assert_eq!(effect(&d, "gluteus-medius"), Some(Effect::Weakened));
    assert_eq!(effect(&d, "gastrocnemius"), None);
    let l5 = ATLAS.by_id("l5-dermatome").expect("L5 dermatome");
    assert!(
        d.skin
            .iter()
            .any(|s| s.node == l5 && s.effect == Effect::Lost)
    );
}

#[test]
fn the_common_fibular_nerve_takes_the_anterior_and_lateral_compartments() {
    let d = deficit("lesion \"common fibular\"");
    for id in [
        "tibialis-anterior",
        "extensor-hallucis-longus",
        "extensor-digitorum-longus",
        "fibularis-longus",
        "fibularis-brevis",
    ] {
        assert_eq!(effect(&d, id), Some(Effect::Lost), "{id}");
    }
    assert_eq!(effect(&d, "tibialis-posterior"), None);
    let dorsiflexion = d
        .movements
        .iter()
        .find(|m| ATLAS.node(m.movement).name.contains("Dorsiflexion"))
        .expect("dorsiflexion is affected");
    assert_eq!(dorsiflexion.effect, Effect::Lost);
}

#[test]
fn sites_spare_the_branches_above_them() {
    let groove = deficit("lesion radial at \"spiral groove\"");
    assert_eq!(effect(&groove, "triceps-brachii"), None);
    assert_eq!(effect(&groove, "brachioradialis"), Some(Effect::Lost));
    let triceps_reflex = ATLAS.by_id("triceps-reflex").expect("triceps reflex");
    assert!(!groove.reflexes.iter().any(|r| r.node == triceps_reflex));
    let whole = deficit("lesion radial");
    assert_eq!(effect(&whole, "triceps-brachii"), Some(Effect::Lost));

    let wrist = deficit("lesion median at wrist");
    assert_eq!(effect(&wrist, "pronator-teres"), None);
    assert_eq!(effect(&wrist, "flexor-pollicis-longus"), None);
    assert_eq!(effect(&wrist, "opponens-pollicis"), Some(Effect::Lost));
    let thenar_skin = ATLAS.by_id("skin-of-lateral-palm").expect("lateral palm");
    assert!(!wrist.skin.iter().any(|s| s.node == thenar_skin));

    let guyon = deficit("lesion ulnar at \"guyon's canal\"");
    assert_eq!(effect(&guyon, "flexor-carpi-ulnaris"), None);
    assert_eq!(effect(&guyon, "adductor-pollicis"), Some(Effect::Lost));
    let dorsal_hand = ATLAS.by_id("skin-of-medial-dorsum-of-hand").expect("skin");
    assert!(!guyon.skin.iter().any(|s| s.node == dorsal_hand));

    let neck = deficit("lesion \"common fibular\" at \"fibular neck\"");
    assert!(matches!(neck.lesion, Lesion::Site(_)));
    let upper_lateral_leg = ATLAS.by_id("skin-of-upper-lateral-leg").expect("skin");
    assert!(!neck.skin.iter().any(|s| s.node == upper_lateral_leg));
    assert_eq!(effect(&neck, "biceps-femoris"), None);
}

#[test]
fn a_trunk_lesion_follows_its_fibres_into_the_cords() {
    let d = deficit("lesion \"upper trunk\"");
    assert_eq!(effect(&d, "deltoid"), Some(Effect::Lost));
    // Erb's palsy: biceps is a C5, C6 muscle (C7 only contributing), so it is lost
    assert_eq!(effect(&d, "biceps-brachii"), Some(Effect::Lost));
    assert_eq!(effect(&d, "supraspinatus"), Some(Effect::Lost));
    // its standard levels, C7 and C8, do not pass through the upper trunk
    assert_eq!(effect(&d, "palmaris-longus"), None);
    // the roots' own branches leave above the trunk
    assert_eq!(effect(&d, "serratus-anterior"), None);
    assert_eq!(effect(&d, "rhomboid-major"), None);
}

#[test]
fn an_unknown_site_is_an_error_that_lists_the_known_ones() {
    let q = "lesion radial at knee";
    let Err(e) = fascia::query::run(&ATLAS, q) else {
        panic!("{q} answered")
    };
    assert_eq!(
        e.render(q),
        "error: no known lesion site of the Radial nerve at `knee`\n  \
         | lesion radial at knee\n  \
         |                  ^^^^\n  \
         = known sites: `axilla`, `spiral groove` or `elbow`"
    );
}

#[test]
fn a_name_of_the_wrong_kind_says_what_the_word_takes() {
    let q = "lesion soleus";
    let Err(e) = fascia::query::run(&ATLAS, q) else {
        panic!("{q} answered")
    };
    assert_eq!(
        e.render(q),
        "error: `Soleus` is a muscle; lesion takes a nerve or a spinal root\n  \
         | lesion soleus\n  \
         |        ^^^^^^"
    );
    let q = "localize weak femur";
    let Err(e) = fascia::query::run(&ATLAS, q) else {
        panic!("{q} answered")
    };
    assert_eq!(
        e.render(q),
        "error: `Femur` is a bone; weak takes a muscle, a muscle part, a muscle group or a movement\n  \
         | localize weak femur\n  \
         |               ^^^^^"
    );
}

#[test]
fn json_shapes_are_the_documented_ones() {
    let ranking = render_to_string(&ATLAS, &answer(FOOT_DROP), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&ranking).expect("valid JSON");
    let first = &v[0];
    for key in [
        "id",
        "name",
        "kind",
        "score",
        "explains",
        "misses",
        "contradicts",
    ] {
        assert!(first.get(key).is_some(), "localize JSON lacks {key}");
    }
    assert_eq!(first["kind"], "lesion-site");

    let lesion = render_to_string(&ATLAS, &answer("lesion L5"), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&lesion).expect("valid JSON");
    assert_eq!(v["lesion"]["id"], "l5");
    for key in ["muscles", "movements", "skin", "reflexes"] {
        assert!(v[key].is_array(), "lesion JSON lacks {key}");
    }
    let ta = v["muscles"]
        .as_array()
        .and_then(|m| m.iter().find(|x| x["id"] == "tibialis-anterior"))
        .expect("tibialis anterior");
    assert_eq!(ta["effect"], "weakened");
    assert_eq!(ta["kind"], "muscle");
}

#[test]
fn dot_draws_the_territory_on_the_nerve_tree() {
    let dot = render_to_string(
        &ATLAS,
        &answer("dot lesion \"common fibular\""),
        Format::Dot,
    );
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("Deep fibular nerve") && dot.contains("Tibialis anterior"));
}

#[test]
fn disputed_facts_count_only_when_asked() {
    let standard = deficit("lesion sciatic");
    let all = deficit("lesion sciatic including disputed");
    assert!(all.muscles.len() >= standard.muscles.len());
}

#[test]
fn the_binary_answers_localize_in_json() {
    let out = harness::fascia()
        .args(["--format", "json", "-e", FOOT_DROP])
        .output()
        .expect("fascia runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v[0]["id"], "common-fibular-nerve-at-fibular-neck");
    assert_eq!(v[0]["rank"], 1);
    assert_eq!(v[0]["explains"][0]["id"], "tibialis-anterior");
}

#[test]
fn a_whole_nerve_lesion_numbs_all_its_skin_whatever_levels_its_branches_state() {
    // the dorsal branch of the ulnar nerve is given C7 by one reference that the ulnar
    // nerve's standard roots lack; a lesion of the ulnar nerve still cuts all of it
    let out = harness::fascia()
        .args(["-e", "lesion ulnar"])
        .output()
        .expect("fascia runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Skin of the little finger"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.trim_end().ends_with(" numb") && !line.contains("partly"),
        "{line}"
    );
}

/// What the lesion does to a reflex; `None`: nothing.
fn reflex(d: &Deficit, id: &str) -> Option<Effect> {
    let n = ATLAS.by_id(id)?;
    d.reflexes.iter().find(|r| r.node == n).map(|r| r.effect)
}

#[test]
fn the_tibial_nerve_takes_the_calf_the_deep_flexors_and_the_ankle_jerk() {
    let d = deficit("lesion tibial");
    for id in [
        "gastrocnemius",
        "soleus",
        "tibialis-posterior",
        "flexor-hallucis-longus",
        "flexor-digitorum-longus",
        "abductor-hallucis",
    ] {
        assert_eq!(effect(&d, id), Some(Effect::Lost), "{id}");
    }
    assert_eq!(effect(&d, "tibialis-anterior"), None);
    assert_eq!(effect(&d, "fibularis-longus"), None);
    assert_eq!(reflex(&d, "achilles-reflex"), Some(Effect::Lost));
    assert_eq!(reflex(&d, "patellar-reflex"), None);
}

#[test]
fn the_femoral_nerve_takes_the_quadriceps_and_the_knee_jerk_and_spares_the_adductors() {
    let d = deficit("lesion femoral");
    for id in [
        "rectus-femoris",
        "vastus-lateralis",
        "vastus-medialis",
        "vastus-intermedius",
        "sartorius",
    ] {
        assert_eq!(effect(&d, id), Some(Effect::Lost), "{id}");
    }
    assert_eq!(effect(&d, "adductor-longus"), None);
    assert_eq!(reflex(&d, "patellar-reflex"), Some(Effect::Lost));
    assert_eq!(reflex(&d, "adductor-reflex"), None);
}

#[test]
fn the_obturator_nerve_takes_the_adductors_and_the_adductor_reflex() {
    let d = deficit("lesion \"obturator nerve\"");
    for id in [
        "adductor-longus",
        "adductor-brevis",
        "gracilis",
        "obturator-externus",
    ] {
        assert_eq!(effect(&d, id), Some(Effect::Lost), "{id}");
    }
    // its hamstring part keeps the tibial nerve
    assert_eq!(effect(&d, "adductor-magnus"), Some(Effect::Weakened));
    assert_eq!(effect(&d, "rectus-femoris"), None);
    assert_eq!(reflex(&d, "adductor-reflex"), Some(Effect::Lost));
    assert_eq!(reflex(&d, "patellar-reflex"), None);
}

#[test]
fn root_lesions_reduce_the_reflexes_of_their_levels() {
    let l4 = deficit("lesion L4");
    assert_eq!(reflex(&l4, "patellar-reflex"), Some(Effect::Weakened));
    assert_eq!(reflex(&l4, "achilles-reflex"), None);
    assert_eq!(effect(&l4, "tibialis-anterior"), Some(Effect::Weakened));
    let s1 = deficit("lesion S1");
    assert_eq!(reflex(&s1, "achilles-reflex"), Some(Effect::Weakened));
    assert_eq!(reflex(&s1, "patellar-reflex"), None);
    assert_eq!(effect(&s1, "gastrocnemius"), Some(Effect::Weakened));
    assert_eq!(effect(&s1, "tibialis-posterior"), None);
    let l2 = deficit("lesion L2");
    assert_eq!(reflex(&l2, "adductor-reflex"), Some(Effect::Weakened));
    assert_eq!(effect(&l2, "iliacus"), Some(Effect::Weakened));
}

/// Issue 18: a cut contributing level alone takes nothing away; every principal level
/// cut takes the muscle.
#[test]
fn a_contributing_level_alone_does_not_weaken_a_muscle() {
    let c7 = deficit("lesion C7");
    // biceps and brachialis are C5, C6 (C7): C7 contributes only
    assert_eq!(effect(&c7, "biceps-brachii"), None);
    assert_eq!(effect(&c7, "brachialis"), None);
    // the C7 myotome is weakened
    assert_eq!(effect(&c7, "triceps-brachii"), Some(Effect::Weakened));
    let erb = deficit("lesion \"upper trunk\"");
    assert_eq!(effect(&erb, "biceps-brachii"), Some(Effect::Lost));
    // the radial nerve's twig to brachialis is a minor share: its loss weakens nothing
    let radial = deficit("lesion radial");
    assert_eq!(effect(&radial, "brachialis"), None);
}

/// What the lesion does to a skin area; `None`: nothing.
fn skin(d: &Deficit, id: &str) -> Option<Effect> {
    let n = ATLAS.by_id(id)?;
    d.skin.iter().find(|s| s.node == n).map(|s| s.effect)
}

/// Issue 18: the median nerve's digital skin carries C6, C7 (C8) fibres, so a medial
/// cord lesion (C8, T1) leaves it partly felt, while the median nerve itself takes it.
#[test]
fn a_cord_lesion_numbs_the_median_digits_only_in_part() {
    let id = "skin-of-palmar-lateral-three-and-a-half-digits";
    let medial = deficit("lesion \"medial cord\"");
    assert_eq!(skin(&medial, id), Some(Effect::Weakened));
    assert_eq!(
        skin(&medial, "skin-of-palmar-medial-one-and-a-half-digits"),
        Some(Effect::Lost)
    );
    let median = deficit("lesion median");
    assert_eq!(skin(&median, id), Some(Effect::Lost));
}
