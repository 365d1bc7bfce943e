//! The trunk (issue 24): every muscle of the trunk present with its facts, and the answer
//! sets of the exam questions on the diaphragm, the abdominal wall's nerves, the deep
//! back and the thoracic wall, the pelvic floor, the perineal muscles and the pudendal
//! nerve's branches, the internal iliac artery's divisions, the aorta's and the internal
//! thoracic artery's branches, the intercostal arteries, the dermatomes and their
//! landmarks and the superficial reflexes (abdominal, cremasteric, anal). Each
//! expected set is the textbook answer, checked against two references (Complete
//! Anatomy, IMAIOS, Kenhub, Wikipedia, Anatomy.app, Medscape …). Answers give the
//! standard facts; where references disagree, `including disputed` adds the others.

mod common;

use common::{ATLAS, ids, muscle_problems};

/// The trunk's muscles in the data, by group.
const TRUNK_MUSCLES: &[&str] = &[
    // the diaphragm and the thoracic wall
    "diaphragm",
    "external-intercostal-muscles",
    "internal-intercostal-muscles",
    "innermost-intercostal-muscles",
    "subcostales",
    "transversus-thoracis",
    "levatores-costarum",
    // the anterolateral abdominal wall
    "rectus-abdominis",
    "external-oblique",
    "internal-oblique",
    "transversus-abdominis",
    "pyramidalis",
    "cremaster",
    // the posterior abdominal wall
    "quadratus-lumborum",
    // the pelvic floor
    "levator-ani",
    "coccygeus",
    // the perineum
    "external-anal-sphincter",
    "bulbospongiosus",
    "ischiocavernosus",
    "superficial-transverse-perineal",
    "deep-transverse-perineal",
    "external-urethral-sphincter",
    // the back: the serrati posteriores, the splenii, erector spinae, transversospinalis
    "serratus-posterior-superior",
    "serratus-posterior-inferior",
    "splenius-capitis",
    "splenius-cervicis",
    "erector-spinae",
    "semispinalis",
    "multifidus",
    "rotatores",
];

#[test]
fn every_trunk_muscle_is_present_with_all_its_facts() {
    let problems = muscle_problems(TRUNK_MUSCLES);
    assert!(problems.is_empty(), "{problems:#?}");
    // and they are the trunk's own muscles: those of the trunk that are not counted
    // with the upper limb (the superficial back muscles lie on the back but move the limb)
    let limb = ids("muscles located-in* \"upper limb\"");
    let mut trunk: Vec<String> = ids("muscles located-in* trunk")
        .into_iter()
        .filter(|m| !limb.contains(m))
        .collect();
    trunk.sort();
    let mut listed: Vec<String> = TRUNK_MUSCLES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(trunk, listed);
}

#[test]
fn the_trunk_is_the_outermost_region_of_its_muscles_and_spaces() {
    for id in [
        "diaphragm",
        "rectus-abdominis",
        "inguinal-canal",
        "t10-dermatome",
        "levator-ani",
        "pudendal-canal",
        "external-anal-sphincter",
        "semispinalis",
        "levatores-costarum",
        "bulbospongiosus",
        "external-urethral-sphincter",
        "anterior-intercostal-arteries",
        "s5-dermatome",
        "co1-dermatome",
        "skin-of-root-of-penis-and-anterior-scrotum",
    ] {
        let node = ATLAS.by_id(id).unwrap_or_else(|| panic!("{id} is missing"));
        let region = ATLAS.region_of(node).map(|r| ATLAS.node(r).id.to_string());
        assert_eq!(region.as_deref(), Some("trunk"), "{id}");
    }
}

exam! {
    // ---- the diaphragm: the phrenic nerve, C3, C4 and C5
    nerve_of_the_diaphragm: "nerves innervates diaphragm" => ["phrenic-nerve"];
    levels_of_the_diaphragm: "roots innervates diaphragm" => ["c3", "c4", "c5"];
    roots_of_the_phrenic_nerve: "roots root-of \"phrenic nerve\"" => ["c3", "c4", "c5"];
    muscles_of_the_phrenic_nerve: "muscles innervated-by \"phrenic nerve\"" => ["diaphragm"];
    // with the thoracoabdominal nerves, the seventh to eleventh intercostal nerves, and
    // the serrati posteriores, which lie on the back but take anterior rami
    muscles_of_the_intercostal_nerves: "muscles innervated-by \"intercostal nerves\"" => [
        "external-intercostal-muscles", "external-oblique", "innermost-intercostal-muscles",
        "internal-intercostal-muscles", "internal-oblique", "rectus-abdominis",
        "serratus-posterior-inferior", "serratus-posterior-superior", "subcostales",
        "transversus-abdominis", "transversus-thoracis",
    ];
    // quadratus lumborum assists, fixing the twelfth rib
    muscles_of_inspiration: "muscles performs inspiration" => [
        "diaphragm", "external-intercostal-muscles", "quadratus-lumborum",
    ];
    arteries_of_the_diaphragm: "arteries supplies diaphragm" => [
        "musculophrenic-artery", "superior-epigastric-artery",
    ];

    // ---- the anterolateral abdominal wall
    nerves_of_rectus_abdominis: "nerves innervates \"rectus abdominis\"" => [
        "intercostal-nerves", "subcostal-nerve", "thoracoabdominal-nerves",
    ];
    // the iliohypogastric nerve reaches the two deeper flat muscles; the ilioinguinal
    // nerve (to the conjoint tendon) in one reference alone
    nerves_of_internal_oblique: "nerves innervates \"internal oblique\"" => [
        "iliohypogastric-nerve", "subcostal-nerve", "thoracoabdominal-nerves",
    ];
    nerves_of_internal_oblique_including_disputed:
        "nerves innervates \"internal oblique\" including disputed" => [
        "ilioinguinal-nerve", "iliohypogastric-nerve", "subcostal-nerve",
        "thoracoabdominal-nerves",
    ];
    // the genitofemoral nerve in IMAIOS alone
    nerves_of_transversus_abdominis: "nerves innervates \"transversus abdominis\"" => [
        "ilioinguinal-nerve", "iliohypogastric-nerve", "subcostal-nerve",
        "thoracoabdominal-nerves",
    ];
    nerves_of_transversus_abdominis_including_disputed:
        "nerves innervates \"transversus abdominis\" including disputed" => [
        "genitofemoral-nerve", "ilioinguinal-nerve", "iliohypogastric-nerve",
        "subcostal-nerve", "thoracoabdominal-nerves",
    ];
    muscles_of_the_thoracoabdominal_nerves: "muscles innervated-by \"thoracoabdominal nerves\"" => [
        "external-oblique", "internal-oblique", "rectus-abdominis", "transversus-abdominis",
    ];
    muscles_of_the_iliohypogastric_nerve: "muscles innervated-by iliohypogastric" => [
        "internal-oblique", "transversus-abdominis",
    ];
    t12_myotome: "muscles innervated-by t12" => [
        "external-oblique", "internal-oblique", "pyramidalis", "quadratus-lumborum",
        "rectus-abdominis", "serratus-posterior-inferior", "transversus-abdominis",
    ];
    // Complete Anatomy, the one canon work giving rectus abdominis levels, adds T6; the
    // deep muscles of the thoracic wall and back whose references give levels have it
    // in their ranges (transversus thoracis T2–T6, rotatores T1–T11, levatores
    // costarum C8–T11)
    t6_myotome: "muscles innervated-by t6" => [
        "levatores-costarum", "rectus-abdominis", "rotatores", "transversus-thoracis",
    ];
    flexors_of_the_trunk: "muscles performs trunk-flexion" => [
        "external-oblique", "internal-oblique", "psoas-major", "psoas-minor",
        "rectus-abdominis",
    ];
    // T12–L3 in GPnotebook, DocCheck and Wheeless; L4 only in a translated encyclopedia
    levels_of_quadratus_lumborum: "roots innervates \"quadratus lumborum\"" => [
        "l1", "l2", "l3", "t12",
    ];
    lateral_flexors_of_the_trunk: "muscles performs lumbar-lateral-flexion" => [
        "erector-spinae", "external-oblique", "internal-oblique", "multifidus", "psoas-major",
        "quadratus-lumborum",
    ];
    extensors_of_the_trunk: "muscles performs trunk-extension" => [
        "erector-spinae", "multifidus", "rotatores", "semispinalis",
    ];
    parts_of_erector_spinae: "muscles part-of \"erector spinae\"" => [
        "iliocostalis", "longissimus", "spinalis",
    ];
    // the transversospinalis group turns the column to the opposite side
    rotators_of_the_trunk: "muscles performs trunk-rotation" => [
        "external-oblique", "internal-oblique", "multifidus", "rotatores", "semispinalis",
    ];
    parts_of_transversospinalis: "muscles member-of transversospinalis" => [
        "multifidus", "rotatores", "semispinalis",
    ];
    muscles_of_the_posterior_rami: "muscles innervated-by \"posterior rami of spinal nerves\"" => [
        "erector-spinae", "levatores-costarum", "multifidus", "rotatores", "semispinalis",
        "splenius-capitis", "splenius-cervicis",
    ];
    // the nearest intercostal nerve in one encyclopedia alone
    nerve_of_levatores_costarum: "nerves innervates \"levatores costarum\"" => [
        "posterior-rami-of-spinal-nerves",
    ];
    // C3–C4 in TeachMeAnatomy (and Loyola); C2–C3, C2–C6 in other references
    levels_of_splenius_capitis: "roots innervates \"splenius capitis\"" => ["c3", "c4"];
    levels_of_splenius_capitis_including_disputed:
        "roots innervates \"splenius capitis\" including disputed" => [
        "c2", "c3", "c4", "c5", "c6",
    ];
    // T2–T5 in TeachMeAnatomy and AnatomyZone; the first to fourth intercostals in Stedman
    levels_of_serratus_posterior_superior: "roots innervates \"serratus posterior superior\"" => [
        "t2", "t3", "t4", "t5",
    ];
    levels_of_serratus_posterior_inferior: "roots innervates \"serratus posterior inferior\"" => [
        "t9", "t10", "t11", "t12",
    ];
    elevators_of_the_ribs: "muscles performs rib-elevation" => [
        "levatores-costarum", "serratus-posterior-superior",
    ];
    muscles_of_forced_expiration: "muscles performs forced-expiration" => [
        "external-oblique", "innermost-intercostal-muscles", "internal-intercostal-muscles",
        "internal-oblique", "rectus-abdominis", "subcostales", "transversus-abdominis",
        "transversus-thoracis",
    ];
    muscles_of_the_subcostal_nerve: "muscles innervated-by \"subcostal nerve\"" => [
        "internal-oblique", "pyramidalis", "quadratus-lumborum", "rectus-abdominis",
        "serratus-posterior-inferior", "transversus-abdominis",
    ];
    arteries_of_the_rectus_sheath: "arteries located-in \"rectus sheath\"" => [
        "inferior-epigastric-artery", "superior-epigastric-artery",
    ];
    nerves_through_the_inguinal_canal: "nerves passes-through \"inguinal canal\"" => [
        "genital-branch-of-genitofemoral-nerve", "ilioinguinal-nerve",
    ];
    branches_of_the_internal_thoracic_artery: "arteries branch-of \"internal thoracic artery\"" => [
        "anterior-intercostal-arteries", "musculophrenic-artery", "superior-epigastric-artery",
    ];
    // the anterior intercostal arteries of the seventh to ninth spaces
    branches_of_the_musculophrenic_artery: "arteries branch-of \"musculophrenic artery\"" => [
        "anterior-intercostal-arteries",
    ];
    // the aorta gives the third to eleventh, the supreme intercostal the first two
    origins_of_the_posterior_intercostal_arteries:
        "arteries has-branch \"posterior intercostal arteries\"" => [
        "supreme-intercostal-artery", "thoracic-aorta",
    ];
    muscles_of_the_anterior_intercostal_arteries:
        "muscles supplied-by \"anterior intercostal arteries\"" => [
        "innermost-intercostal-muscles", "transversus-thoracis",
    ];

    // ---- dermatome landmarks: T4 the nipple, T6 the xiphoid, T10 the umbilicus
    root_of_the_nipple_line: "roots innervates \"T4 dermatome\"" => ["t4"];
    root_of_the_umbilicus: "roots innervates \"T10 dermatome\"" => ["t10"];
    // L1 in the groin, below the T12 band
    root_of_the_inguinal_region: "roots innervates \"L1 dermatome\"" => ["l1"];
    // L1 in the groin, S3–S5 and the coccygeal dermatome in rings round the anus
    trunk_dermatomes: "dermatomes located-in* trunk" => [
        "t3-dermatome", "t4-dermatome", "t5-dermatome", "t6-dermatome", "t7-dermatome",
        "t8-dermatome", "t9-dermatome", "t10-dermatome", "t11-dermatome", "t12-dermatome",
        "l1-dermatome", "s3-dermatome", "s4-dermatome", "s5-dermatome", "co1-dermatome",
    ];
    perineal_dermatomes: "dermatomes located-in perineum" => [
        "s3-dermatome", "s4-dermatome", "s5-dermatome", "co1-dermatome",
    ];
    root_of_the_innermost_anal_ring: "roots innervates \"S5 dermatome\"" => ["s5"];
    root_of_the_coccygeal_dermatome: "roots innervates \"coccygeal dermatome\"" => ["co1"];
    // the anterior scrotal (labial) branches of the ilioinguinal nerve and the genital
    // branch of the genitofemoral nerve
    nerves_of_the_anterior_scrotum:
        "nerves innervates \"skin of the root of the penis and the anterior scrotum\"" => [
        "genital-branch-of-genitofemoral-nerve", "ilioinguinal-nerve",
    ];
    // ---- the ligaments of the column
    ligaments_of_the_thoracic_vertebrae: "ligaments attaches-to* \"thoracic vertebrae\"" => [
        "anterior-longitudinal-ligament", "interspinous-ligament", "ligamentum-flavum",
        "posterior-longitudinal-ligament", "supraspinous-ligament",
    ];
    // the thoracic facets favour rotation; the lumbar ones limit it
    joints_of_trunk_rotation: "joints allows trunk-rotation" => [
        "lumbar-intervertebral-joints", "thoracic-intervertebral-joints",
    ];
    // the posterior longitudinal ligament from the axis, the anterior from the atlas (or,
    // in AnatomyZone, the occipital bone)
    upper_end_of_the_posterior_longitudinal_ligament: "ligaments attaches-to axis" => [
        "posterior-longitudinal-ligament",
    ];
    cutaneous_branches_of_the_intercostal_nerves:
        "nerves branch-of \"intercostal nerves\"" => [
        "anterior-cutaneous-branches-of-intercostal-nerves",
        "lateral-cutaneous-branches-of-intercostal-nerves",
    ];

    // ---- the superficial abdominal reflex: T8–T12 (T7 in older texts)
    levels_of_the_abdominal_reflex: "roots mediates \"abdominal reflex\"" => [
        "t8", "t9", "t10", "t11", "t12",
    ];
    levels_of_the_abdominal_reflex_including_disputed:
        "roots mediates \"abdominal reflex\" including disputed" => [
        "t7", "t8", "t9", "t10", "t11", "t12",
    ];
    muscles_of_the_abdominal_reflex: "muscles involved-in \"abdominal reflex\"" => [
        "external-oblique", "internal-oblique", "rectus-abdominis", "transversus-abdominis",
    ];

    // ---- the pelvic floor: levator ani (with its three parts) and coccygeus
    muscles_of_the_pelvic_floor: "muscles located-in pelvis" => ["coccygeus", "levator-ani"];
    parts_of_levator_ani: "muscles part-of \"levator ani\"" => [
        "iliococcygeus", "pubococcygeus", "puborectalis",
    ];
    nerves_of_levator_ani: "nerves innervates \"levator ani\"" => [
        "coccygeal-plexus", "inferior-rectal-nerve", "nerve-to-levator-ani",
    ];
    levels_of_levator_ani: "roots innervates \"levator ani\"" => ["s3", "s4"];
    // S4–S5 in Complete Anatomy and IMAIOS; S3–S4 in DocCheck and Stedman
    levels_of_coccygeus: "roots innervates coccygeus" => ["s4", "s5"];
    levels_of_coccygeus_including_disputed: "roots innervates coccygeus including disputed" => [
        "s3", "s4", "s5",
    ];

    // ---- the pudendal nerve (S2–S4) and its branches in the perineum
    roots_of_the_pudendal_nerve: "roots root-of pudendal" => ["s2", "s3", "s4"];
    branches_of_the_pudendal_nerve: "nerves branch-of pudendal" => [
        "dorsal-nerve-of-clitoris", "dorsal-nerve-of-penis", "inferior-rectal-nerve",
        "perineal-nerve",
    ];
    muscles_of_the_pudendal_nerve: "muscles innervated-by* pudendal" => [
        "bulbospongiosus", "deep-transverse-perineal", "external-anal-sphincter",
        "external-urethral-sphincter", "ischiocavernosus", "levator-ani",
        "superficial-transverse-perineal",
    ];
    // named for the pudendal nerve itself rather than one of its branches
    muscles_of_the_pudendal_nerve_itself: "muscles innervated-by pudendal" => [
        "deep-transverse-perineal", "external-anal-sphincter", "external-urethral-sphincter",
        "superficial-transverse-perineal",
    ];
    muscles_of_the_perineal_nerve: "muscles innervated-by \"perineal nerve\"" => [
        "bulbospongiosus", "deep-transverse-perineal", "external-urethral-sphincter",
        "ischiocavernosus", "superficial-transverse-perineal",
    ];
    muscles_of_the_superficial_perineal_pouch:
        "muscles located-in \"superficial perineal pouch\"" => [
        "bulbospongiosus", "ischiocavernosus", "superficial-transverse-perineal",
    ];
    muscles_of_the_deep_perineal_pouch: "muscles located-in \"deep perineal pouch\"" => [
        "deep-transverse-perineal", "external-urethral-sphincter",
    ];
    muscles_of_the_perineal_artery: "muscles supplied-by \"perineal artery\"" => [
        "bulbospongiosus", "deep-transverse-perineal", "ischiocavernosus",
        "superficial-transverse-perineal",
    ];
    muscles_of_erection: "muscles performs erection" => ["bulbospongiosus", "ischiocavernosus"];
    // S2–S4 through the pudendal nerve (Wikipedia, Britannica)
    levels_of_the_external_urethral_sphincter:
        "roots innervates \"external urethral sphincter\"" => ["s2", "s3", "s4"];
    // the perineal nerve in Complete Anatomy; the dorsal nerve of the penis in Stedman
    nerves_of_deep_transverse_perineal: "nerves innervates \"deep transverse perineal\"" => [
        "perineal-nerve", "pudendal-nerve",
    ];
    roots_of_the_pelvic_splanchnic_nerves: "roots root-of \"pelvic splanchnic nerves\"" => [
        "s2", "s3", "s4",
    ];
    nerves_in_the_deep_perineal_pouch: "nerves located-in \"deep perineal pouch\"" => [
        "dorsal-nerve-of-clitoris", "dorsal-nerve-of-penis",
    ];
    through_the_pudendal_canal: "structures passes-through \"pudendal canal\"" => [
        "internal-pudendal-artery", "pudendal-nerve",
    ];

    // ---- the internal iliac artery's two divisions and their branches
    divisions_of_the_internal_iliac: "arteries part-of \"internal iliac artery\"" => [
        "anterior-division-of-internal-iliac-artery",
        "posterior-division-of-internal-iliac-artery",
    ];
    posterior_division: "arteries branch-of \"posterior division of internal iliac artery\"" => [
        "iliolumbar-artery", "lateral-sacral-arteries", "superior-gluteal-artery",
    ];
    anterior_division: "arteries branch-of \"anterior division of internal iliac artery\"" => [
        "inferior-gluteal-artery", "inferior-vesical-artery", "internal-pudendal-artery",
        "middle-rectal-artery", "obturator-artery", "umbilical-artery", "uterine-artery",
    ];

    // ---- the aorta: the thoracic aorta's parietal branches, the abdominal aorta's
    // unpaired (coeliac, superior and inferior mesenteric) and paired branches
    branches_of_the_thoracic_aorta: "arteries branch-of \"thoracic aorta\"" => [
        "posterior-intercostal-arteries", "subcostal-artery",
    ];
    branches_of_the_abdominal_aorta: "arteries branch-of \"abdominal aorta\"" => [
        "coeliac-trunk", "common-iliac-artery", "gonadal-artery", "inferior-mesenteric-artery",
        "inferior-phrenic-artery", "lumbar-arteries", "middle-suprarenal-artery",
        "renal-artery", "superior-mesenteric-artery",
    ];
    tributaries_of_the_azygos_vein: "veins tributary-of \"azygos vein\"" => [
        "accessory-hemiazygos-vein", "hemiazygos-vein",
    ];
    tributaries_of_the_common_iliac_vein: "veins tributary-of \"common iliac vein\"" => [
        "external-iliac-vein", "internal-iliac-vein",
    ];

    // ---- the cremasteric reflex (L1–L2) and the anal reflex (S2–S4)
    levels_of_the_cremasteric_reflex: "roots mediates \"cremasteric reflex\"" => ["l1", "l2"];
    nerves_of_the_cremasteric_reflex: "nerves mediates \"cremasteric reflex\"" => [
        "genital-branch-of-genitofemoral-nerve", "ilioinguinal-nerve",
    ];
    levels_of_the_anal_reflex: "roots mediates \"anal reflex\"" => ["s2", "s3", "s4"];
    // S4–S5 in Larner and the Qpercom notes; S1–S3 in an older Wikipedia text
    levels_of_the_anal_reflex_including_disputed:
        "roots mediates \"anal reflex\" including disputed" => ["s1", "s2", "s3", "s4", "s5"];
    muscle_of_the_anal_reflex: "muscles involved-in \"anal reflex\"" => [
        "external-anal-sphincter",
    ];
}
