//! The upper limb (issue 11): every muscle present with its facts, and the answer sets of
//! the exam questions on the brachial plexus, the myotomes of C5 and T1, the rotator cuff,
//! the common flexor and extensor origins and the arteries of the axilla and arm. Each
//! expected set is the textbook answer, checked against two references (Wikipedia,
//! TeachMeAnatomy, Kenhub, Radiopaedia, IMAIOS, Gray's Anatomy …). Answers name whole
//! muscles (a head or part answers through its muscle) and give the standard facts; a
//! nerve's divisions and unnamed branches answer as the nerve, its named branches only
//! with `*`. Where references disagree, `including disputed` adds the other versions.

mod common;

use common::{ATLAS, ids, muscle_problems};

/// The muscles issue 11 names, in its order.
const UPPER_LIMB_MUSCLES: &[&str] = &[
    // connecting the limb to the trunk
    "trapezius",
    "latissimus-dorsi",
    "levator-scapulae",
    "rhomboid-major",
    "rhomboid-minor",
    "pectoralis-major",
    "pectoralis-minor",
    "subclavius",
    "serratus-anterior",
    // shoulder
    "deltoid",
    "supraspinatus",
    "infraspinatus",
    "teres-minor",
    "subscapularis",
    "teres-major",
    // arm
    "biceps-brachii",
    "brachialis",
    "coracobrachialis",
    "triceps-brachii",
    "anconeus",
    // forearm, anterior
    "pronator-teres",
    "flexor-carpi-radialis",
    "palmaris-longus",
    "flexor-carpi-ulnaris",
    "flexor-digitorum-superficialis",
    "flexor-digitorum-profundus",
    "flexor-pollicis-longus",
    "pronator-quadratus",
    // forearm, posterior
    "brachioradialis",
    "extensor-carpi-radialis-longus",
    "extensor-carpi-radialis-brevis",
    "extensor-digitorum",
    "extensor-digiti-minimi",
    "extensor-carpi-ulnaris",
    "supinator",
    "abductor-pollicis-longus",
    "extensor-pollicis-brevis",
    "extensor-pollicis-longus",
    "extensor-indicis",
    // hand
    "abductor-pollicis-brevis",
    "flexor-pollicis-brevis",
    "opponens-pollicis",
    "adductor-pollicis",
    "palmaris-brevis",
    "abductor-digiti-minimi-of-hand",
    "flexor-digiti-minimi-brevis-of-hand",
    "opponens-digiti-minimi",
    "lumbricals-of-hand",
    "dorsal-interossei-of-hand",
    "palmar-interossei",
];

#[test]
fn every_upper_limb_muscle_is_present_with_all_its_facts() {
    let problems = muscle_problems(UPPER_LIMB_MUSCLES);
    assert!(problems.is_empty(), "{problems:#?}");
    // and they are the muscles of the upper limb, no more and no fewer
    let mut limb = ids("muscles located-in* \"upper limb\"");
    limb.sort();
    let mut listed: Vec<String> = UPPER_LIMB_MUSCLES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(limb, listed);
}

/// The error a query gives, rendered.
fn error(query: &str) -> String {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, answer)) => panic!("{query}: expected an error, got {answer:?}"),
        Err(e) => e.render(query),
    }
}

fn shown(query: &str) -> String {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, fascia::query::Answer::Show(n))) => ATLAS.node(n).id.to_string(),
        Ok((_, other)) => panic!("{query}: not a structure: {other:?}"),
        Err(e) => panic!("{}", e.render(query)),
    }
}

#[test]
fn names_shared_with_the_foot_are_ambiguous_and_say_which() {
    for (name, hand, foot) in [
        (
            "abductor digiti minimi",
            "abductor-digiti-minimi-of-hand",
            "abductor-digiti-minimi-of-foot",
        ),
        (
            "ADM",
            "abductor-digiti-minimi-of-hand",
            "abductor-digiti-minimi-of-foot",
        ),
        (
            "flexor digiti minimi brevis",
            "flexor-digiti-minimi-brevis-of-hand",
            "flexor-digiti-minimi-brevis-of-foot",
        ),
        (
            "dorsal interossei",
            "dorsal-interossei-of-hand",
            "dorsal-interossei-of-foot",
        ),
        ("lumbricals", "lumbricals-of-hand", "lumbricals-of-foot"),
        (
            "abductor digiti quinti",
            "abductor-digiti-minimi-of-hand",
            "abductor-digiti-minimi-of-foot",
        ),
        (
            "flexor digiti quinti brevis",
            "flexor-digiti-minimi-brevis-of-hand",
            "flexor-digiti-minimi-brevis-of-foot",
        ),
        (
            "FDMB",
            "flexor-digiti-minimi-brevis-of-hand",
            "flexor-digiti-minimi-brevis-of-foot",
        ),
    ] {
        let query = format!("show \"{name}\"");
        let e = error(&query);
        assert!(e.contains("could name"), "{e}");
        assert!(e.contains(hand) && e.contains(foot), "{e}");
    }
    for (name, id) in [
        (
            "abductor digiti minimi of hand",
            "abductor-digiti-minimi-of-hand",
        ),
        (
            "abductor digiti minimi of foot",
            "abductor-digiti-minimi-of-foot",
        ),
        (
            "abductor digiti minimi manus",
            "abductor-digiti-minimi-of-hand",
        ),
        (
            "abductor digiti minimi pedis",
            "abductor-digiti-minimi-of-foot",
        ),
        (
            "flexor digiti minimi brevis of hand",
            "flexor-digiti-minimi-brevis-of-hand",
        ),
        (
            "flexor digiti minimi brevis pedis",
            "flexor-digiti-minimi-brevis-of-foot",
        ),
        ("dorsal interossei of hand", "dorsal-interossei-of-hand"),
        ("dorsal interossei pedis", "dorsal-interossei-of-foot"),
        ("lumbricales manus", "lumbricals-of-hand"),
        ("lumbricales pedis", "lumbricals-of-foot"),
    ] {
        assert_eq!(shown(&format!("show \"{name}\"")), id, "{name}");
    }
    // an answer names the limb
    assert_eq!(
        ids(
            "muscles innervated-by \"deep branch of ulnar nerve\" and member-of hypothenar-muscles"
        ),
        [
            "abductor-digiti-minimi-of-hand",
            "flexor-digiti-minimi-brevis-of-hand",
            "opponens-digiti-minimi",
        ]
    );
}

exam! {
    // ---- the terminal nerves, directly (their divisions and unnamed branches count as the nerve)
    musculocutaneous_nerve: "muscles innervated-by musculocutaneous" => [
        "biceps-brachii", "brachialis", "coracobrachialis",
    ];
    musculocutaneous_nerve_and_branches: "muscles innervated-by* musculocutaneous" => [
        "biceps-brachii", "brachialis", "coracobrachialis",
    ];
    axillary_nerve: "muscles innervated-by axillary" => ["deltoid", "teres-minor"];
    axillary_nerve_and_branches: "muscles innervated-by* axillary" => ["deltoid", "teres-minor"];
    // the long head of triceps from the axillary nerve: a variant (AnatomyZone alone states it)
    axillary_nerve_including_disputed: "muscles innervated-by axillary including disputed" => [
        "deltoid", "teres-minor", "triceps-brachii",
    ];
    // brachialis: its lateral part has a small radial supply beside the musculocutaneous nerve;
    // extensor carpi radialis brevis and supinator through the deep branch, which is part of
    // the nerve; the extensors of the fingers and of the ulnar side of the wrist, which
    // references give to the radial nerve, to its deep branch or to the posterior interosseous
    // nerve (one nerve at three precisions)
    radial_nerve: "muscles innervated-by radial" => [
        "anconeus", "brachialis", "brachioradialis", "extensor-carpi-radialis-brevis",
        "extensor-carpi-radialis-longus", "extensor-carpi-ulnaris", "extensor-digiti-minimi",
        "extensor-digitorum", "supinator", "triceps-brachii",
    ];
    // the deep branch continues as the posterior interosseous nerve
    radial_nerve_and_branches: "muscles innervated-by* radial" => [
        "abductor-pollicis-longus", "anconeus", "brachialis", "brachioradialis",
        "extensor-carpi-radialis-brevis", "extensor-carpi-radialis-longus",
        "extensor-carpi-ulnaris", "extensor-digiti-minimi", "extensor-digitorum",
        "extensor-indicis", "extensor-pollicis-brevis", "extensor-pollicis-longus", "supinator",
        "triceps-brachii",
    ];
    // references that give the whole radial nerve (not its posterior interosseous branch) for
    // the extensors of the fingers and of the ulnar side of the wrist
    radial_nerve_including_disputed: "muscles innervated-by radial including disputed" => [
        "anconeus", "brachialis", "brachioradialis", "extensor-carpi-radialis-brevis",
        "extensor-carpi-radialis-longus", "extensor-carpi-ulnaris", "extensor-digiti-minimi",
        "extensor-digitorum", "supinator", "triceps-brachii",
    ];
    deep_branch_of_radial_nerve: "muscles innervated-by \"deep branch of radial nerve\"" => [
        "extensor-carpi-radialis-brevis", "extensor-carpi-ulnaris", "extensor-digiti-minimi",
        "supinator",
    ];
    deep_branch_of_radial_nerve_and_its_continuation: "muscles innervated-by* \"deep branch of radial nerve\"" => [
        "abductor-pollicis-longus", "extensor-carpi-radialis-brevis", "extensor-carpi-ulnaris",
        "extensor-digiti-minimi", "extensor-digitorum", "extensor-indicis",
        "extensor-pollicis-brevis", "extensor-pollicis-longus", "supinator",
    ];
    // extensor carpi radialis brevis and supinator: most references name the deep branch,
    // which becomes the posterior interosseous nerve as it leaves supinator; two name the
    // posterior interosseous nerve itself, which is enough to make it a standard statement
    posterior_interosseous_nerve: "muscles innervated-by \"posterior interosseous\"" => [
        "abductor-pollicis-longus", "extensor-carpi-radialis-brevis", "extensor-carpi-ulnaris",
        "extensor-digiti-minimi", "extensor-digitorum", "extensor-indicis",
        "extensor-pollicis-brevis", "extensor-pollicis-longus", "supinator",
    ];
    posterior_interosseous_nerve_and_branches: "muscles innervated-by* \"posterior interosseous\"" => [
        "abductor-pollicis-longus", "extensor-carpi-radialis-brevis", "extensor-carpi-ulnaris",
        "extensor-digiti-minimi", "extensor-digitorum", "extensor-indicis",
        "extensor-pollicis-brevis", "extensor-pollicis-longus", "supinator",
    ];
    // the thenar muscles through the recurrent branch and the first and second lumbricals
    // through the palmar digital branches, both parts of the nerve
    median_nerve: "muscles innervated-by median" => [
        "abductor-pollicis-brevis", "flexor-carpi-radialis", "flexor-digitorum-superficialis",
        "flexor-pollicis-brevis", "lumbricals-of-hand", "opponens-pollicis", "palmaris-longus",
        "pronator-teres",
    ];
    // with the anterior interosseous nerve's three muscles
    median_nerve_and_branches: "muscles innervated-by* median" => [
        "abductor-pollicis-brevis", "flexor-carpi-radialis", "flexor-digitorum-profundus",
        "flexor-digitorum-superficialis", "flexor-pollicis-brevis", "flexor-pollicis-longus",
        "lumbricals-of-hand", "opponens-pollicis", "palmaris-longus", "pronator-quadratus",
        "pronator-teres",
    ];
    // the lateral part of flexor digitorum profundus
    anterior_interosseous_nerve: "muscles innervated-by \"anterior interosseous\"" => [
        "flexor-digitorum-profundus", "flexor-pollicis-longus", "pronator-quadratus",
    ];
    anterior_interosseous_nerve_and_branches: "muscles innervated-by* \"anterior interosseous\"" => [
        "flexor-digitorum-profundus", "flexor-pollicis-longus", "pronator-quadratus",
    ];
    // flexor pollicis brevis through its superficial head
    recurrent_branch_of_median_nerve: "muscles innervated-by \"recurrent branch of median nerve\"" => [
        "abductor-pollicis-brevis", "flexor-pollicis-brevis", "opponens-pollicis",
    ];
    // the medial part of flexor digitorum profundus, the deep head of flexor pollicis brevis, the
    // third and fourth lumbricals; the hand muscles through the deep and superficial branches
    ulnar_nerve: "muscles innervated-by ulnar" => [
        "abductor-digiti-minimi-of-hand", "adductor-pollicis", "dorsal-interossei-of-hand",
        "flexor-carpi-ulnaris", "flexor-digiti-minimi-brevis-of-hand",
        "flexor-digitorum-profundus", "flexor-pollicis-brevis", "lumbricals-of-hand",
        "opponens-digiti-minimi", "palmar-interossei", "palmaris-brevis",
    ];
    ulnar_nerve_and_branches: "muscles innervated-by* ulnar" => [
        "abductor-digiti-minimi-of-hand", "adductor-pollicis", "dorsal-interossei-of-hand",
        "flexor-carpi-ulnaris", "flexor-digiti-minimi-brevis-of-hand",
        "flexor-digitorum-profundus", "flexor-pollicis-brevis", "lumbricals-of-hand",
        "opponens-digiti-minimi", "palmar-interossei", "palmaris-brevis",
    ];
    // opponens pollicis 'may also' receive a twig of the deep branch: a variant
    ulnar_nerve_including_disputed: "muscles innervated-by ulnar including disputed" => [
        "abductor-digiti-minimi-of-hand", "adductor-pollicis", "dorsal-interossei-of-hand",
        "flexor-carpi-ulnaris", "flexor-digiti-minimi-brevis-of-hand",
        "flexor-digitorum-profundus", "flexor-pollicis-brevis", "lumbricals-of-hand",
        "opponens-digiti-minimi", "opponens-pollicis", "palmar-interossei", "palmaris-brevis",
    ];
    deep_branch_of_ulnar_nerve: "muscles innervated-by \"deep branch of ulnar nerve\"" => [
        "abductor-digiti-minimi-of-hand", "adductor-pollicis", "dorsal-interossei-of-hand",
        "flexor-digiti-minimi-brevis-of-hand", "flexor-pollicis-brevis", "lumbricals-of-hand",
        "opponens-digiti-minimi", "palmar-interossei",
    ];
    // the same twig to opponens pollicis
    deep_branch_of_ulnar_nerve_including_disputed: "muscles innervated-by \"deep branch of ulnar nerve\" including disputed" => [
        "abductor-digiti-minimi-of-hand", "adductor-pollicis", "dorsal-interossei-of-hand",
        "flexor-digiti-minimi-brevis-of-hand", "flexor-pollicis-brevis", "lumbricals-of-hand",
        "opponens-digiti-minimi", "opponens-pollicis", "palmar-interossei",
    ];
    superficial_branch_of_ulnar_nerve: "muscles innervated-by \"superficial branch of ulnar nerve\"" => [
        "palmaris-brevis",
    ];

    // ---- the collateral branches of the plexus and the accessory nerve
    long_thoracic_nerve: "muscles innervated-by \"long thoracic\"" => ["serratus-anterior"];
    long_thoracic_nerve_and_branches: "muscles innervated-by* \"long thoracic\"" => [
        "serratus-anterior",
    ];
    thoracodorsal_nerve: "muscles innervated-by thoracodorsal" => ["latissimus-dorsi"];
    thoracodorsal_nerve_and_branches: "muscles innervated-by* thoracodorsal" => [
        "latissimus-dorsi",
    ];
    // teres major from the thoracodorsal nerve instead of (or with) the lower subscapular:
    // a variant
    thoracodorsal_nerve_including_disputed: "muscles innervated-by thoracodorsal including disputed" => [
        "latissimus-dorsi", "teres-major",
    ];
    suprascapular_nerve: "muscles innervated-by suprascapular" => [
        "infraspinatus", "supraspinatus",
    ];
    suprascapular_nerve_and_branches: "muscles innervated-by* suprascapular" => [
        "infraspinatus", "supraspinatus",
    ];
    upper_subscapular_nerve: "muscles innervated-by \"upper subscapular\"" => ["subscapularis"];
    upper_subscapular_nerve_and_branches: "muscles innervated-by* \"upper subscapular\"" => [
        "subscapularis",
    ];
    lower_subscapular_nerve: "muscles innervated-by \"lower subscapular\"" => [
        "subscapularis", "teres-major",
    ];
    lower_subscapular_nerve_and_branches: "muscles innervated-by* \"lower subscapular\"" => [
        "subscapularis", "teres-major",
    ];
    dorsal_scapular_nerve: "muscles innervated-by \"dorsal scapular\"" => [
        "levator-scapulae", "rhomboid-major", "rhomboid-minor",
    ];
    dorsal_scapular_nerve_and_branches: "muscles innervated-by* \"dorsal scapular\"" => [
        "levator-scapulae", "rhomboid-major", "rhomboid-minor",
    ];
    // pectoralis major through its clavicular head
    lateral_pectoral_nerve: "muscles innervated-by \"lateral pectoral\"" => ["pectoralis-major"];
    lateral_pectoral_nerve_and_branches: "muscles innervated-by* \"lateral pectoral\"" => [
        "pectoralis-major",
    ];
    // pectoralis minor from the lateral pectoral nerve as well: a single reference
    lateral_pectoral_nerve_including_disputed: "muscles innervated-by \"lateral pectoral\" including disputed" => [
        "pectoralis-major", "pectoralis-minor",
    ];
    // pectoralis major through its sternocostal head
    medial_pectoral_nerve: "muscles innervated-by \"medial pectoral\"" => [
        "pectoralis-major", "pectoralis-minor",
    ];
    medial_pectoral_nerve_and_branches: "muscles innervated-by* \"medial pectoral\"" => [
        "pectoralis-major", "pectoralis-minor",
    ];
    nerve_to_subclavius: "muscles innervated-by \"nerve to subclavius\"" => ["subclavius"];
    nerve_to_subclavius_and_branches: "muscles innervated-by* \"nerve to subclavius\"" => [
        "subclavius",
    ];
    accessory_nerve: "muscles innervated-by accessory" => ["sternocleidomastoid", "trapezius"];
    accessory_nerve_and_branches: "muscles innervated-by* accessory" => ["sternocleidomastoid", "trapezius"];

    // ---- the cords, through their branches
    // the musculocutaneous and lateral pectoral nerves, and the median nerve through its
    // lateral root
    lateral_cord: "muscles innervated-by* \"lateral cord\"" => [
        "abductor-pollicis-brevis", "biceps-brachii", "brachialis", "coracobrachialis",
        "flexor-carpi-radialis", "flexor-digitorum-profundus", "flexor-digitorum-superficialis",
        "flexor-pollicis-brevis", "flexor-pollicis-longus", "lumbricals-of-hand",
        "opponens-pollicis", "palmaris-longus", "pectoralis-major", "pronator-quadratus",
        "pronator-teres",
    ];
    // the medial pectoral and ulnar nerves, and the median nerve through its medial root
    medial_cord: "muscles innervated-by* \"medial cord\"" => [
        "abductor-digiti-minimi-of-hand", "abductor-pollicis-brevis", "adductor-pollicis",
        "dorsal-interossei-of-hand", "flexor-carpi-radialis", "flexor-carpi-ulnaris",
        "flexor-digiti-minimi-brevis-of-hand", "flexor-digitorum-profundus",
        "flexor-digitorum-superficialis", "flexor-pollicis-brevis", "flexor-pollicis-longus",
        "lumbricals-of-hand", "opponens-digiti-minimi", "opponens-pollicis",
        "palmar-interossei", "palmaris-brevis", "palmaris-longus", "pectoralis-major",
        "pectoralis-minor", "pronator-quadratus", "pronator-teres",
    ];
    // the subscapular, thoracodorsal, axillary and radial nerves
    posterior_cord: "muscles innervated-by* \"posterior cord\"" => [
        "abductor-pollicis-longus", "anconeus", "brachialis", "brachioradialis", "deltoid",
        "extensor-carpi-radialis-brevis", "extensor-carpi-radialis-longus",
        "extensor-carpi-ulnaris", "extensor-digiti-minimi", "extensor-digitorum",
        "extensor-indicis", "extensor-pollicis-brevis", "extensor-pollicis-longus",
        "latissimus-dorsi", "subscapularis", "supinator", "teres-major", "teres-minor",
        "triceps-brachii",
    ];

    // ---- myotomes: each muscle's own standard levels, not its nerve's whole range
    // supinator: C7, C8 in Kenhub and IMAIOS, C6, C7 in Complete Anatomy; C5, C6 only in
    // references outside the canon
    // with splenius cervicis of the back, C5 in each reference that gives its levels
    c5_myotome: "muscles innervated-by c5" => ["biceps-brachii", "brachialis", "brachioradialis", "coracobrachialis", "deltoid", "diaphragm", "infraspinatus", "levator-scapulae", "longus-colli", "pectoralis-major", "rhomboid-major", "rhomboid-minor", "scalenus-anterior", "scalenus-posterior", "serratus-anterior", "splenius-cervicis", "subclavius", "subscapularis", "supraspinatus", "teres-major", "teres-minor"];
    // flexor carpi radialis (C6–C7 in most references) and pectoralis minor (through the
    // lateral pectoral nerve, a single reference) are given C5 by one reference each;
    // extensor carpi radialis brevis by Kenhub's key facts, against Radiopaedia's C7, C8;
    // splenius capitis by Stedman (C2–C6), against TeachMeAnatomy's C3–C4
    c5_myotome_including_disputed: "muscles innervated-by c5 including disputed" => ["biceps-brachii", "brachialis", "brachioradialis", "coracobrachialis", "deltoid", "diaphragm", "extensor-carpi-radialis-brevis", "flexor-carpi-radialis", "infraspinatus", "levator-scapulae", "longus-colli", "pectoralis-major", "pectoralis-minor", "rhomboid-major", "rhomboid-minor", "scalenus-anterior", "scalenus-medius", "scalenus-posterior", "serratus-anterior", "splenius-capitis", "splenius-cervicis", "subclavius", "subscapularis", "supinator", "supraspinatus", "teres-major", "teres-minor"];
    // anconeus: C7, C8, T1 in the Gray-based IMAIOS entry and OrthopaedicsOne, C7–C8 or C6–C8
    // elsewhere; flexor carpi ulnaris: C7–T1 in Kenhub, the one canon work that gives its
    // levels; flexor digitorum superficialis: C8, T1 in Kenhub; flexor pollicis longus is
    // C7, C8 in Kenhub, its T1 only outside the canon; of the trunk, the levatores
    // costarum (C8–T11) and the thoracic rotatores (T1–T11)
    t1_myotome: "muscles innervated-by t1" => [
        "abductor-digiti-minimi-of-hand", "abductor-pollicis-brevis", "adductor-pollicis",
        "anconeus", "dorsal-interossei-of-hand", "flexor-carpi-ulnaris",
        "flexor-digiti-minimi-brevis-of-hand", "flexor-digitorum-profundus",
        "flexor-digitorum-superficialis", "flexor-pollicis-brevis", "levatores-costarum",
        "lumbricals-of-hand", "opponens-digiti-minimi", "opponens-pollicis",
        "palmar-interossei", "palmaris-brevis", "pectoralis-major", "pectoralis-minor",
        "rotatores",
    ];
    // pronator quadratus: C7, C8 in Complete Anatomy, the one canon work that gives its
    // levels (C8, T1 in GPnotebook and Wikipedia);
    // brachioradialis only in the versions that give the radial nerve's whole range;
    // serratus posterior superior in Stedman (the first to fourth intercostal nerves)
    t1_myotome_including_disputed: "muscles innervated-by t1 including disputed" => [
        "abductor-digiti-minimi-of-hand", "abductor-pollicis-brevis", "adductor-pollicis",
        "anconeus", "brachioradialis", "dorsal-interossei-of-hand", "flexor-carpi-ulnaris",
        "flexor-digiti-minimi-brevis-of-hand", "flexor-digitorum-profundus",
        "flexor-digitorum-superficialis", "flexor-pollicis-brevis", "flexor-pollicis-longus",
        "levatores-costarum", "lumbricals-of-hand", "opponens-digiti-minimi",
        "opponens-pollicis", "palmar-interossei", "palmaris-brevis", "pectoralis-major",
        "pectoralis-minor", "pronator-quadratus", "rotatores", "serratus-posterior-superior",
    ];

    // ---- a muscle's own levels
    // two references give brachioradialis C5–T1, the radial nerve's whole range
    levels_of_brachioradialis: "roots innervates brachioradialis" => ["c5", "c6"];
    // C7 from Wheeless alone
    levels_of_opponens_digiti_minimi: "roots innervates \"opponens digiti minimi\"" => ["c8", "t1"];
    // C7, C8 in IMAIOS (the canon) and GPnotebook; C6, C7 in MedWord, outside the canon
    levels_of_abductor_pollicis_longus: "roots innervates \"abductor pollicis longus\"" => [
        "c7", "c8",
    ];

    // ---- groups and common origins
    rotator_cuff: "muscles member-of rotator-cuff" => [
        "infraspinatus", "subscapularis", "supraspinatus", "teres-minor",
    ];
    // pronator teres and flexor carpi ulnaris by their humeral heads, flexor digitorum
    // superficialis by its humero-ulnar head
    common_flexor_origin: "muscles originates-from \"common flexor tendon\"" => [
        "flexor-carpi-radialis", "flexor-carpi-ulnaris", "flexor-digitorum-superficialis",
        "palmaris-longus", "pronator-teres",
    ];
    arising_from_the_medial_epicondyle: "muscles originates-from* \"medial epicondyle of humerus\"" => [
        "flexor-carpi-radialis", "flexor-carpi-ulnaris", "flexor-digitorum-superficialis",
        "palmaris-longus", "pronator-teres",
    ];
    common_extensor_origin: "muscles originates-from \"common extensor tendon\"" => [
        "extensor-carpi-radialis-brevis", "extensor-carpi-ulnaris", "extensor-digiti-minimi",
        "extensor-digitorum",
    ];
    // with anconeus and supinator from the epicondyle itself and a few fibres of extensor
    // carpi radialis longus
    arising_from_the_lateral_epicondyle: "muscles originates-from* \"lateral epicondyle of humerus\"" => [
        "anconeus", "extensor-carpi-radialis-brevis", "extensor-carpi-radialis-longus",
        "extensor-carpi-ulnaris", "extensor-digiti-minimi", "extensor-digitorum", "supinator",
    ];

    // ---- arteries
    branches_of_axillary_artery: "arteries branch-of axillary-artery" => [
        "anterior-circumflex-humeral-artery", "lateral-thoracic-artery",
        "posterior-circumflex-humeral-artery", "subscapular-artery", "superior-thoracic-artery",
        "thoracoacromial-artery",
    ];
    // it continues as the brachial artery, so `*` reaches the whole arterial tree of the limb
    axillary_artery_and_its_branches: "arteries branch-of* axillary-artery" => [
        "acromial-branch-of-thoracoacromial-artery", "anterior-circumflex-humeral-artery",
        "anterior-interosseous-artery", "anterior-ulnar-recurrent-artery", "brachial-artery",
        "circumflex-scapular-artery", "clavicular-branch-of-thoracoacromial-artery",
        "common-interosseous-artery", "common-palmar-digital-arteries", "deep-palmar-arch",
        "deep-palmar-branch-of-ulnar-artery", "deltoid-branch-of-thoracoacromial-artery",
        "dorsal-carpal-branch-of-radial-artery", "dorsal-carpal-branch-of-ulnar-artery",
        "inferior-ulnar-collateral-artery", "lateral-thoracic-artery",
        "middle-collateral-artery", "nutrient-artery-of-humerus",
        "palmar-carpal-branch-of-radial-artery", "palmar-carpal-branch-of-ulnar-artery",
        "palmar-metacarpal-arteries",
        "pectoral-branches-of-thoracoacromial-artery", "posterior-circumflex-humeral-artery",
        "posterior-interosseous-artery", "posterior-ulnar-recurrent-artery",
        "princeps-pollicis-artery", "profunda-brachii-artery", "radial-artery",
        "radial-collateral-artery", "radial-recurrent-artery", "radialis-indicis-artery",
        "recurrent-interosseous-artery", "subscapular-artery", "superficial-palmar-arch",
        "superficial-palmar-branch-of-radial-artery", "superior-thoracic-artery",
        "superior-ulnar-collateral-artery", "thoracoacromial-artery", "thoracodorsal-artery",
        "ulnar-artery",
    ];
    // with its terminal branches, the radial and ulnar arteries
    branches_of_brachial_artery: "arteries branch-of brachial-artery" => [
        "inferior-ulnar-collateral-artery", "nutrient-artery-of-humerus",
        "profunda-brachii-artery", "radial-artery", "superior-ulnar-collateral-artery",
        "ulnar-artery",
    ];
    brachial_artery_and_its_branches: "arteries branch-of* brachial-artery" => [
        "anterior-interosseous-artery", "anterior-ulnar-recurrent-artery",
        "common-interosseous-artery", "common-palmar-digital-arteries", "deep-palmar-arch",
        "deep-palmar-branch-of-ulnar-artery", "dorsal-carpal-branch-of-radial-artery",
        "dorsal-carpal-branch-of-ulnar-artery", "inferior-ulnar-collateral-artery",
        "middle-collateral-artery", "nutrient-artery-of-humerus",
        "palmar-carpal-branch-of-radial-artery", "palmar-carpal-branch-of-ulnar-artery",
        "palmar-metacarpal-arteries",
        "posterior-interosseous-artery", "posterior-ulnar-recurrent-artery",
        "princeps-pollicis-artery", "profunda-brachii-artery", "radial-artery",
        "radial-collateral-artery", "radial-recurrent-artery", "radialis-indicis-artery",
        "recurrent-interosseous-artery", "superficial-palmar-arch",
        "superficial-palmar-branch-of-radial-artery", "superior-ulnar-collateral-artery",
        "ulnar-artery",
    ];
}

// ---- the classic sets of issue 18, as the canon teaches them

/// A muscle's effect in a lesion report: `None` when the lesion spares it.
fn lesion_effect(query: &str, muscle: &str) -> Option<fascia::clinical::Effect> {
    let n = ATLAS.by_id(muscle).unwrap_or_else(|| panic!("no {muscle}"));
    match fascia::query::run(&ATLAS, query) {
        Ok((_, fascia::query::Answer::Lesion(d))) => {
            d.muscles.iter().find(|m| m.muscle == n).map(|m| m.effect)
        }
        Ok((_, other)) => panic!("{query}: not a lesion: {other:?}"),
        Err(e) => panic!("{}", e.render(query)),
    }
}

/// Whether `level` is among a muscle's principal levels (`muscles innervated-by LEVEL`).
fn principal_at(level: &str, muscle: &str) -> bool {
    ids(&format!("muscles innervated-by {level}"))
        .iter()
        .any(|m| m == muscle)
}

#[test]
fn the_myotomes_c5_to_t1_give_each_muscle_its_principal_levels() {
    // biceps and brachialis: C5, C6, with C7 contributing (Kenhub, Complete Anatomy; IMAIOS
    // gives the lateral cord's C5–C7), so C7 does not claim them
    for m in ["biceps-brachii", "brachialis"] {
        assert!(principal_at("c5", m), "{m} at C5");
        assert!(principal_at("c6", m), "{m} at C6");
        assert!(!principal_at("c7", m), "{m} at C7");
    }
    assert_eq!(ids("roots innervates biceps"), ["c5", "c6"]);
    assert_eq!(
        ids("roots innervates biceps including disputed"),
        ["c5", "c6", "c7"]
    );
    // triceps: C7, C8 (Gray 1918), C6 contributing (Complete Anatomy gives C6–C8)
    assert_eq!(ids("roots innervates triceps"), ["c7", "c8"]);
    // deltoid and the rotator cuff at C5 and C6
    for m in ["deltoid", "supraspinatus", "infraspinatus", "teres-minor"] {
        assert!(principal_at("c5", m) && principal_at("c6", m), "{m}");
    }
    // the small muscles of the hand at C8 and T1
    for m in [
        "dorsal-interossei-of-hand",
        "palmar-interossei",
        "abductor-digiti-minimi-of-hand",
        "abductor-pollicis-brevis",
    ] {
        assert!(principal_at("c8", m) && principal_at("t1", m), "{m}");
        assert!(!principal_at("c7", m), "{m} at C7");
    }
}

#[test]
fn erbs_palsy_loses_the_c5_c6_muscles() {
    let q = "lesion \"upper trunk\"";
    for m in [
        "biceps-brachii",
        "brachialis",
        "brachioradialis",
        "deltoid",
        "supraspinatus",
        "infraspinatus",
        "teres-minor",
    ] {
        assert_eq!(
            lesion_effect(q, m),
            Some(fascia::clinical::Effect::Lost),
            "{m}"
        );
    }
    // the hand's intrinsic muscles of the ulnar nerve are C8, T1 muscles
    for m in [
        "dorsal-interossei-of-hand",
        "adductor-pollicis",
        "palmar-interossei",
    ] {
        assert_eq!(lesion_effect(q, m), None, "{m}");
    }
}

#[test]
fn klumpkes_palsy_loses_the_small_muscles_of_the_hand() {
    let q = "lesion \"lower trunk\"";
    for m in [
        "dorsal-interossei-of-hand",
        "palmar-interossei",
        "abductor-digiti-minimi-of-hand",
        "adductor-pollicis",
        "abductor-pollicis-brevis",
        "opponens-pollicis",
        "flexor-digitorum-profundus",
    ] {
        assert_eq!(
            lesion_effect(q, m),
            Some(fascia::clinical::Effect::Lost),
            "{m}"
        );
    }
    // the C5, C6 muscles are untouched
    for m in ["deltoid", "biceps-brachii", "supraspinatus"] {
        assert_eq!(lesion_effect(q, m), None, "{m}");
    }
}

#[test]
fn a_radial_lesion_at_the_spiral_groove_spares_triceps_and_anconeus() {
    let q = "lesion radial at \"spiral groove\"";
    assert_eq!(lesion_effect(q, "triceps-brachii"), None);
    assert_eq!(lesion_effect(q, "anconeus"), None);
    assert_eq!(
        lesion_effect(q, "extensor-carpi-radialis-longus"),
        Some(fascia::clinical::Effect::Lost)
    );
}

#[test]
fn an_ulnar_lesion_loses_abduction_of_the_fingers() {
    // extensor digitorum abducting the fingers is a single reference's claim (minority)
    let q = "lesion \"ulnar nerve\"";
    let f = ATLAS.by_id("finger-abduction").expect("finger abduction");
    match fascia::query::run(&ATLAS, q) {
        Ok((_, fascia::query::Answer::Lesion(d))) => {
            let m = d
                .movements
                .iter()
                .find(|m| m.movement == f)
                .unwrap_or_else(|| panic!("{q}: finger abduction untouched"));
            assert_eq!(m.effect, fascia::clinical::Effect::Lost);
        }
        other => panic!("{q}: {other:?}"),
    }
}

exam! {
    // the deep head of flexor pollicis brevis: the ulnar nerve's deep branch (Kenhub)
    deep_head_of_flexor_pollicis_brevis: "nerves innervates \"deep head of flexor pollicis brevis\"" => [
        "deep-branch-of-ulnar-nerve", "ulnar-nerve",
    ];
    // Gray 1918 and Complete Anatomy: from the inferior thyroid artery; directly from the
    // thyrocervical trunk is the variant
    origin_of_the_ascending_cervical_artery: "arteries has-branch \"ascending cervical artery\"" => [
        "inferior-thyroid-artery",
    ];
}

exam! {
    // from medial to lateral: the median nerve, the end of the brachial artery with the
    // beginnings of the radial and ulnar arteries, the biceps tendon and the radial nerve
    // with its two terminal branches
    contents_of_the_cubital_fossa: "structures located-in \"cubital fossa\"" => [
        "brachial-artery", "deep-branch-of-radial-nerve", "median-nerve", "radial-artery",
        "radial-nerve", "superficial-branch-of-radial-nerve", "tendon-of-biceps-brachii",
        "ulnar-artery",
    ];
}

/// Issue 18: the nerves' roots as the canon gives them; the lesser references' levels are
/// kept, shown `including disputed`.
#[test]
fn the_thoracodorsal_and_subscapular_nerves_have_their_textbook_roots() {
    // Kenhub (C6, C7, C8) over Gray 1918's C5–C7
    assert_eq!(
        ids("roots root-of \"thoracodorsal nerve\""),
        ["c6", "c7", "c8"]
    );
    assert_eq!(
        ids("roots root-of \"thoracodorsal nerve\" including disputed"),
        ["c5", "c6", "c7", "c8"]
    );
    // Gray 1918 and Wheeless: C5, C6
    for n in ["upper subscapular nerve", "lower subscapular nerve"] {
        assert_eq!(ids(&format!("roots root-of \"{n}\"")), ["c5", "c6"], "{n}");
    }
}

/// Kenhub, the one canon work that gives flexor digitorum superficialis's levels, has C8, T1:
/// both are principal, and the C7 of GPnotebook and Wikipedia (issue 18) is only disputed.
#[test]
fn flexor_digitorum_superficialis_follows_the_canon_c8_t1() {
    let m = "flexor-digitorum-superficialis";
    assert!(principal_at("c8", m) && principal_at("t1", m));
    assert!(!principal_at("c7", m));
    let has = |q: &str| ids(q).iter().any(|x| x == m);
    assert!(!has("muscles innervated-by c7 including contributing"));
    assert!(has("muscles innervated-by c7 including disputed"));
}
