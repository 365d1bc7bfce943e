//! Issue 19: textbook vignettes of both limbs as a clinician states them (nerves, sites
//! along them, roots, trunks and cords; tests/fixtures/vignettes.tsv), the sites
//! clinicians name, findings of normal skin and reflexes, and the examination that tells
//! the first two candidates apart.

mod common;

use common::ATLAS;
use fascia::clinical::{Effect, Lesion, Ranking};
use fascia::query::Answer;

fn ranking(query: &str) -> Ranking {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, Answer::Localize(r))) => r,
        Ok((_, other)) => panic!("{query}: not a ranking: {other:?}"),
        Err(e) => panic!("{}", e.render(query)),
    }
}

/// The ids ranked first (several when tied).
fn first(query: &str) -> Vec<String> {
    ranking(query)
        .candidates
        .iter()
        .filter(|c| c.rank == 1)
        .map(|c| c.lesion.id(&ATLAS).to_string())
        .collect()
}

const VIGNETTES: &str = include_str!("fixtures/vignettes.tsv");

/// `(name, expected first, query)` of every vignette.
fn vignettes() -> Vec<(&'static str, &'static str, &'static str)> {
    VIGNETTES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.splitn(3, '\t');
            match (cols.next(), cols.next(), cols.next()) {
                (Some(n), Some(w), Some(q)) => (n, w, q),
                _ => panic!("a vignette needs three tab-separated columns: {l}"),
            }
        })
        .collect()
}

#[test]
fn every_vignette_ranks_its_lesion_first_and_alone() {
    let all = vignettes();
    assert!(all.len() >= 30, "{} vignettes", all.len());
    let wrong: Vec<String> = all
        .iter()
        .filter_map(|(name, want, query)| {
            let got = first(query);
            (got != [*want]).then(|| format!("{name}: want {want}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_vignettes_cover_both_limbs_and_every_level_of_the_tree() {
    let wanted: Vec<&str> = vignettes().iter().map(|(_, w, _)| *w).collect();
    for kind in ["c5", "c7", "t1", "l5", "s1"] {
        assert!(wanted.contains(&kind), "no root vignette {kind}");
    }
    for needle in [
        "trunk", "cord", "-at-", "tibial", "femoral", "ulnar", "median",
    ] {
        assert!(
            wanted.iter().any(|w| w.contains(needle)),
            "no vignette of a {needle}"
        );
    }
}

/// Each place a clinician names finds its site, by any of its usual names.
#[test]
fn the_sites_clinicians_name_answer_by_their_usual_names() {
    let cases = [
        ("ulnar", "elbow", "ulnar-nerve-at-elbow"),
        ("ulnar", "\"cubital tunnel\"", "ulnar-nerve-at-elbow"),
        ("ulnar", "\"medial epicondyle\"", "ulnar-nerve-at-elbow"),
        ("ulnar", "\"guyon's canal\"", "ulnar-nerve-at-wrist"),
        ("ulnar", "forearm", "ulnar-nerve-in-forearm"),
        (
            "median",
            "\"above the wrist\"",
            "median-nerve-in-distal-forearm",
        ),
        ("sciatic", "thigh", "sciatic-nerve-in-thigh"),
        ("median", "elbow", "median-nerve-at-elbow"),
        ("median", "supracondylar", "median-nerve-at-elbow"),
        (
            "median",
            "\"pronator teres\"",
            "median-nerve-at-pronator-teres",
        ),
        ("median", "\"carpal tunnel\"", "median-nerve-at-wrist"),
        ("radial", "axilla", "radial-nerve-in-axilla"),
        (
            "radial",
            "\"spiral groove\"",
            "radial-nerve-at-spiral-groove",
        ),
        ("radial", "elbow", "radial-nerve-at-elbow"),
        (
            "\"posterior interosseous nerve\"",
            "supinator",
            "posterior-interosseous-nerve-at-supinator",
        ),
        (
            "\"posterior interosseous nerve\"",
            "\"arcade of frohse\"",
            "posterior-interosseous-nerve-at-supinator",
        ),
        (
            "axillary",
            "\"surgical neck\"",
            "axillary-nerve-at-surgical-neck",
        ),
        (
            "axillary",
            "\"quadrangular space\"",
            "axillary-nerve-at-surgical-neck",
        ),
        (
            "suprascapular",
            "\"suprascapular notch\"",
            "suprascapular-nerve-at-suprascapular-notch",
        ),
        (
            "suprascapular",
            "\"spinoglenoid notch\"",
            "suprascapular-nerve-at-spinoglenoid-notch",
        ),
        (
            "\"long thoracic\"",
            "\"chest wall\"",
            "long-thoracic-nerve-on-chest-wall",
        ),
        ("sciatic", "hip", "sciatic-nerve-at-hip"),
        (
            "\"common fibular\"",
            "\"fibular neck\"",
            "common-fibular-nerve-at-fibular-neck",
        ),
        (
            "tibial",
            "\"popliteal fossa\"",
            "tibial-nerve-at-popliteal-fossa",
        ),
        (
            "tibial",
            "\"tarsal tunnel\"",
            "tibial-nerve-at-tarsal-tunnel",
        ),
        (
            "femoral",
            "\"inguinal ligament\"",
            "femoral-nerve-at-inguinal-ligament",
        ),
        (
            "\"lateral femoral cutaneous\"",
            "asis",
            "lateral-femoral-cutaneous-nerve-at-asis",
        ),
    ];
    for (nerve, at, want) in cases {
        let q = format!("lesion {nerve} at {at}");
        match fascia::query::run(&ATLAS, &q) {
            Ok((_, Answer::Lesion(d))) => match &d.lesion {
                Lesion::Site(s) => assert_eq!(s.id, want, "{q}"),
                other => panic!("{q}: not a site: {other:?}"),
            },
            Ok((_, other)) => panic!("{q}: {other:?}"),
            Err(e) => panic!("{}", e.render(&q)),
        }
    }
}

/// A place spares what leaves above it and takes what leaves below.
#[test]
fn a_place_spares_the_branches_that_leave_above_it() {
    let effect = |q: &str, muscle: &str| match fascia::query::run(&ATLAS, q) {
        Ok((_, Answer::Lesion(d))) => {
            let m = ATLAS.by_id(muscle).expect("muscle");
            d.muscles.iter().find(|e| e.muscle == m).map(|e| e.effect)
        }
        other => panic!("{q}: {other:?}"),
    };
    let elbow = "lesion radial at elbow";
    assert_eq!(effect(elbow, "brachioradialis"), None);
    assert_eq!(effect(elbow, "extensor-carpi-radialis-longus"), None);
    assert_eq!(effect(elbow, "extensor-digitorum"), Some(Effect::Lost));
    let pin = "lesion \"posterior interosseous nerve\" at supinator";
    assert_eq!(effect(pin, "extensor-carpi-radialis-brevis"), None);
    assert_eq!(effect(pin, "extensor-digitorum"), Some(Effect::Lost));
    assert_eq!(effect(pin, "extensor-carpi-ulnaris"), Some(Effect::Lost));
    let tunnel = "lesion tibial at \"tarsal tunnel\"";
    assert_eq!(effect(tunnel, "tibialis-posterior"), None);
    assert_eq!(effect(tunnel, "abductor-hallucis"), Some(Effect::Lost));
    let notch = "lesion suprascapular at \"spinoglenoid notch\"";
    assert_eq!(effect(notch, "supraspinatus"), None);
    assert_eq!(effect(notch, "infraspinatus"), Some(Effect::Lost));
}

/// Normal sensation tells the posterior interosseous nerve from the radial nerve, and
/// the back of the hand Guyon's canal from the cubital tunnel.
#[test]
fn spared_skin_separates_the_lesions_that_differ_only_in_it() {
    let motor = "localize weak \"extension of the fingers at the metacarpophalangeal joints\", \
                 \"extension of the thumb\"";
    let with_skin = format!("{motor} spared \"skin of the first dorsal web space of the hand\"");
    let r = ranking(&with_skin);
    let radial = r
        .candidates
        .iter()
        .find(|c| c.lesion.id(&ATLAS) == "radial-nerve-at-elbow")
        .expect("the radial nerve at the elbow is a candidate");
    let web = ATLAS
        .by_id("skin-of-first-dorsal-web-space-of-hand")
        .expect("skin");
    assert_eq!(radial.contradicts, [web]);
    assert!(radial.rank > 1);
    let ulnar = "localize weak \"dorsal interossei of hand\", \"adductor pollicis\" \
                 numb \"skin of the palmar side of the medial one and a half digits\"";
    assert_eq!(
        first(&format!(
            "{ulnar} spared \"skin of the medial dorsum of the hand\""
        )),
        ["ulnar-nerve-at-wrist"]
    );
    // the back of the hand numb: above the dorsal branch, in the forearm; with flexor
    // carpi ulnaris weak too, at or above the elbow (the whole nerve)
    let dorsal = format!("{ulnar} numb \"skin of the medial dorsum of the hand\"");
    assert_eq!(first(&dorsal), ["ulnar-nerve-in-forearm"]);
    assert_eq!(
        first(&format!("{dorsal} weak \"flexor carpi ulnaris\"")),
        ["ulnar-nerve"]
    );
}

/// A lost triceps jerk points to C7 as much as to the radial nerve.
#[test]
fn a_lost_reflex_supports_its_principal_root_as_much_as_its_nerve() {
    let r = ranking("localize reflex-lost \"triceps reflex\"");
    let score = |id: &str| {
        r.candidates
            .iter()
            .find(|c| c.lesion.id(&ATLAS) == id)
            .map(|c| c.score)
            .unwrap_or_else(|| panic!("{id} not ranked"))
    };
    // both explain it fully (100); what separates them is only how much else each
    // takes, a penalty always under 49
    let (c7, radial) = (score("c7"), score("radial-nerve"));
    assert!(
        c7 > 50 && (c7 - radial).abs() < 49,
        "C7 {c7}, radial nerve {radial}"
    );
}

/// A spared structure counts against a lesion by how much of it the lesion takes.
#[test]
fn a_spared_structure_contradicts_in_proportion() {
    let r = ranking(
        "localize weak \"extension of the wrist\", brachioradialis spared \"extension of the elbow\"",
    );
    let of = |id: &str| {
        r.candidates
            .iter()
            .find(|c| c.lesion.id(&ATLAS) == id)
            .map(|c| c.score)
            .unwrap_or(i64::MIN)
    };
    // the whole radial nerve takes triceps and anconeus; the spiral groove neither
    assert!(of("radial-nerve-at-spiral-groove") > of("radial-nerve"));
    assert_eq!(
        first(
            "localize weak \"extension of the wrist\", brachioradialis spared \"extension of the elbow\""
        ),
        ["radial-nerve-at-spiral-groove"]
    );
}

/// The answer names the structure that best tells the first two candidates apart: one
/// no finding names, affected by one and not the other.
#[test]
fn the_answer_names_the_test_that_separates_the_first_two() {
    let q = "localize weak \"tibialis anterior\", \"extensor hallucis longus\", \
             \"extensor digitorum longus\", \"fibularis longus\" numb \"L5 dermatome\"";
    let r = ranking(q);
    let ids: Vec<String> = r
        .candidates
        .iter()
        .take(2)
        .map(|c| c.lesion.id(&ATLAS).to_string())
        .collect();
    assert_eq!(ids, ["l5", "common-fibular-nerve-at-fibular-neck"]);
    let sep = r.separator.expect("a separating test");
    assert!(r.findings.iter().all(|f| f.node != sep.node));
    assert_ne!(sep.first.is_some(), sep.second.is_some(), "{sep:?}");
    // with the first choice named as a finding, the next best is offered
    let named = ATLAS.node(sep.node).name.to_string();
    let r2 = ranking(&format!("{q} spared \"{named}\""));
    if let Some(next) = r2.separator {
        assert_ne!(next.node, sep.node);
    }
    let pin = ranking(
        "localize weak \"extension of the fingers at the metacarpophalangeal joints\", \
         \"extension of the thumb\" spared \"skin of the lateral dorsum of the hand\", \
         \"extensor carpi radialis longus\"",
    );
    let sep = pin.separator.expect("a separating test");
    assert_eq!(ATLAS.node(sep.node).id, "extensor-carpi-radialis-brevis");
}

/// Each bedside sign, alone, points to the nerve the texts teach it for (the smallest
/// lesion that explains it: the motor deep branch of the ulnar nerve for its signs).
#[test]
fn each_bedside_sign_points_to_its_nerve() {
    let cases = [
        ("\"wrist drop\"", "radial-nerve-at-spiral-groove"),
        ("\"claw hand\"", "deep-branch-of-ulnar-nerve"),
        ("\"hand of benediction\"", "median-nerve-at-pronator-teres"),
        ("\"ok sign\"", "anterior-interosseous-nerve"),
        ("\"froment's sign\"", "deep-branch-of-ulnar-nerve"),
        ("\"winged scapula\"", "long-thoracic-nerve"),
        ("\"foot drop\"", "deep-fibular-nerve"),
        ("trendelenburg", "superior-gluteal-nerve"),
        // the face alone: the lowest place along the facial nerve that takes it all
        ("\"bell's palsy\"", "facial-nerve-in-parotid-gland"),
        ("\"down and out\"", "oculomotor-nerve"),
        ("\"vertical diplopia\"", "trochlear-nerve"),
        ("\"failure of abduction\"", "abducens-nerve"),
        ("hoarseness", "recurrent-laryngeal-nerve"),
        ("\"shoulder drop\"", "accessory-nerve-in-posterior-triangle"),
        ("\"tongue deviation\"", "hypoglossal-nerve"),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(sign, want)| {
            let got = first(&format!("localize shows {sign}"));
            (got != [*want]).then(|| format!("{sign}: want {want}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // the trunk's six signs point to roots as often as nerves: tests/trunk_clinical.rs
    // ranks them
    assert_eq!(ATLAS.clinical().signs.len(), cases.len() + 6);
}

/// A sign adds its findings to those written beside it.
#[test]
fn a_bedside_sign_is_its_findings() {
    let by_sign = ranking("localize shows \"wrist drop\" spared \"triceps reflex\"");
    let spelled = ranking(
        "localize weak \"extension of the wrist\", \
         \"extension of the fingers at the metacarpophalangeal joints\", \"extension of the thumb\" \
         spared \"triceps reflex\"",
    );
    assert_eq!(by_sign.findings, spelled.findings);
    assert_eq!(by_sign.candidates, spelled.candidates);
}

#[test]
fn show_answers_a_bedside_sign_and_an_unknown_one_is_an_error() {
    match fascia::query::run(&ATLAS, "show \"froment's sign\"") {
        Ok((_, Answer::BedsideSign(sign))) => {
            assert_eq!(sign.id, "froments-sign");
            let words: Vec<(&str, &str)> = sign
                .findings
                .iter()
                .map(|(f, n)| {
                    (
                        fascia::clinical::Sign::of_finding(*f).word(),
                        ATLAS.node(*n).id.as_str(),
                    )
                })
                .collect();
            assert_eq!(
                words,
                [
                    ("weak", "adductor-pollicis"),
                    ("spared", "flexor-pollicis-longus")
                ]
            );
            assert!(sign.sources.len() >= 2);
        }
        other => panic!("{other:?}"),
    }
    let q = "localize shows \"wrist dorp\"";
    let Err(e) = fascia::query::run(&ATLAS, q) else {
        panic!("{q} answered")
    };
    assert_eq!(
        e.render(q),
        "error: unknown bedside sign `wrist dorp`\n  \
         | localize shows \"wrist dorp\"\n  \
         |                ^^^^^^^^^^^^\n  \
         = did you mean `Wrist drop`?"
    );
}

/// A digit's dermatome (and the sole's, the great toe's) is one query.
#[test]
fn each_digits_dermatome_is_one_query() {
    let cases = [
        ("skin-of-palmar-thumb", "c6"),
        ("skin-of-dorsal-thumb", "c6"),
        ("skin-of-palmar-index-finger", "c6"),
        ("skin-of-dorsal-index-finger", "c6"),
        ("skin-of-palmar-middle-finger", "c7"),
        ("skin-of-dorsal-middle-finger", "c7"),
        ("skin-of-palmar-ring-finger", "c8"),
        ("skin-of-dorsal-ring-finger", "c8"),
        ("skin-of-palmar-little-finger", "c8"),
        ("skin-of-dorsal-little-finger", "c8"),
        ("skin-of-little-finger", "c8"),
        ("skin-of-sole", "s1"),
        ("skin-of-great-toe", "l5"),
    ];
    for (area, root) in cases {
        assert_eq!(
            common::ids(&format!("roots innervates {area}")),
            [root],
            "{area}"
        );
    }
}

/// Each digit has a palmar and a dorsal area, each supplied by its nerves.
#[test]
fn every_digit_has_palmar_and_dorsal_skin_with_its_nerves() {
    let nerves = |area: &str| -> Vec<String> { common::ids(&format!("nerves innervates {area}")) };
    for digit in [
        "thumb",
        "index-finger",
        "middle-finger",
        "ring-finger",
        "little-finger",
    ] {
        for side in ["palmar", "dorsal"] {
            let area = format!("skin-of-{side}-{digit}");
            assert!(!nerves(&area).is_empty(), "{area} has no nerve");
        }
    }
    assert_eq!(
        nerves("skin-of-palmar-ring-finger"),
        [
            "palmar-digital-branches-of-median-nerve",
            "palmar-digital-branches-of-ulnar-nerve"
        ]
    );
}

/// A root numbs the digits of its dermatome; a nerve lesion weighs the digits' nerves
/// alone (the root stated for a digit is its dermatome, not a second supply).
#[test]
fn roots_numb_their_digits_and_nerves_their_territory() {
    let skin = |q: &str, id: &str| match fascia::query::run(&ATLAS, q) {
        Ok((_, Answer::Lesion(d))) => {
            let n = ATLAS.by_id(id).expect("area");
            d.skin.iter().find(|a| a.node == n).map(|a| a.effect)
        }
        other => panic!("{q}: {other:?}"),
    };
    assert_eq!(
        skin("lesion C7", "skin-of-palmar-middle-finger"),
        Some(Effect::Lost)
    );
    assert_eq!(skin("lesion C7", "skin-of-palmar-thumb"), None);
    assert_eq!(
        skin("lesion C8", "skin-of-little-finger"),
        Some(Effect::Lost)
    );
    let carpal = "lesion median at \"carpal tunnel\"";
    assert_eq!(
        skin(carpal, "skin-of-palmar-index-finger"),
        Some(Effect::Lost)
    );
    assert_eq!(
        skin(carpal, "skin-of-palmar-ring-finger"),
        Some(Effect::Weakened)
    );
    assert_eq!(skin(carpal, "skin-of-dorsal-index-finger"), None);
    assert_eq!(
        skin("lesion ulnar", "skin-of-little-finger"),
        Some(Effect::Lost)
    );
    let little = ranking("localize numb \"skin of the little finger\"");
    assert!(
        little
            .candidates
            .iter()
            .any(|c| c.lesion.id(&ATLAS) == "c8"),
        "C8 explains a numb little finger"
    );
}

/// `--data DIR` answers with the sites of DIR, not the bundled ones.
#[test]
fn a_data_directory_brings_its_own_sites() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let atlas = fascia::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = atlas
        .clinical()
        .sites
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["tibial-nerve-at-ankle"]);
    match fascia::query::run(&atlas, "lesion tibial at \"tarsal tunnel\"") {
        Ok((_, Answer::Lesion(d))) => {
            let names: Vec<(&str, Effect)> = d
                .muscles
                .iter()
                .map(|m| (atlas.node(m.muscle).id.as_str(), m.effect))
                .collect();
            assert_eq!(names, [("abductor-hallucis", Effect::Lost)]);
        }
        other => panic!("{other:?}"),
    }
    let q = "localize weak \"abductor hallucis\" spared soleus";
    match fascia::query::run(&atlas, q) {
        Ok((_, Answer::Localize(r))) => {
            assert_eq!(r.candidates[0].lesion.id(&atlas), "medial-plantar-nerve");
            assert!(
                r.candidates
                    .iter()
                    .any(|c| c.lesion.id(&atlas) == "tibial-nerve-at-ankle")
            );
        }
        other => panic!("{other:?}"),
    }
}
