//! Answer sets for typical exam questions on the bundled data: the muscles of each
//! nerve (directly and through its branches), of each compartment, attached to each
//! major bone, and performing each main movement. Each expected set was checked
//! against the references the data cites. Answers name whole muscles (a head answers
//! through its muscle) and give the standard facts; where references disagree the data
//! keeps both versions, and `including disputed` adds the others (tested at the end).

mod common;

exam! {
    // ---- nerves, directly
    femoral_nerve: "muscles innervated-by femoral" => [
        "articularis-genus", "iliacus", "pectineus", "rectus-femoris", "sartorius",
        "vastus-intermedius", "vastus-lateralis", "vastus-medialis",
    ];
    superior_gluteal_nerve: "muscles innervated-by superior-gluteal" => [
        "gluteus-medius", "gluteus-minimus", "tensor-fasciae-latae",
    ];
    inferior_gluteal_nerve: "muscles innervated-by inferior-gluteal" => ["gluteus-maximus"];
    nerve_to_obturator_internus: "muscles innervated-by nerve-to-obturator-internus" => [
        "obturator-internus", "superior-gemellus",
    ];
    nerve_to_quadratus_femoris: "muscles innervated-by nerve-to-quadratus-femoris" => [
        "inferior-gemellus", "quadratus-femoris",
    ];
    tibial_division_of_sciatic: "muscles innervated-by tibial-division-of-sciatic-nerve" => [
        "adductor-magnus", "biceps-femoris", "semimembranosus", "semitendinosus",
    ];
    common_fibular_division_of_sciatic: "muscles innervated-by common-fibular-division-of-sciatic-nerve" => [
        "biceps-femoris",
    ];
    tibial_nerve: "muscles innervated-by tibial" => [
        "flexor-digitorum-longus", "flexor-hallucis-longus", "gastrocnemius", "plantaris",
        "popliteus", "soleus", "tibialis-posterior",
    ];
    // with its minor twig to the first and second dorsal interossei (Complete Anatomy,
    // Wikipedia)
    deep_fibular_nerve: "muscles innervated-by deep-fibular" => [
        "dorsal-interossei-of-foot", "extensor-digitorum-brevis", "extensor-digitorum-longus",
        "extensor-hallucis-brevis", "extensor-hallucis-longus", "fibularis-tertius",
        "tibialis-anterior",
    ];
    deep_fibular_nerve_including_disputed:
        "muscles innervated-by deep-fibular including disputed" => [
        "dorsal-interossei-of-foot", "extensor-digitorum-brevis", "extensor-digitorum-longus",
        "extensor-hallucis-brevis", "extensor-hallucis-longus", "fibularis-tertius",
        "tibialis-anterior",
    ];
    superficial_fibular_nerve: "muscles innervated-by superficial-fibular" => [
        "fibularis-brevis", "fibularis-longus",
    ];
    medial_plantar_nerve: "muscles innervated-by medial-plantar" => [
        "abductor-hallucis", "flexor-digitorum-brevis", "flexor-hallucis-brevis",
        "lumbricals-of-foot",
    ];

    // ---- nerves with their divisions and unnamed branches, asked directly
    obturator_nerve_directly: "muscles innervated-by \"obturator nerve\"" => [
        "adductor-brevis", "adductor-longus", "adductor-magnus", "gracilis",
        "obturator-externus",
    ];
    // pectineus's obturator supply is a variation
    obturator_nerve_including_disputed: "muscles innervated-by obturator including disputed" => [
        "adductor-brevis", "adductor-longus", "adductor-magnus", "gracilis",
        "obturator-externus", "pectineus",
    ];
    lateral_plantar_nerve_directly: "muscles innervated-by \"lateral plantar nerve\"" => [
        "abductor-digiti-minimi-of-foot", "adductor-hallucis", "dorsal-interossei-of-foot",
        "flexor-digiti-minimi-brevis-of-foot", "lumbricals-of-foot", "plantar-interossei",
        "quadratus-plantae",
    ];
    sciatic_nerve_directly: "muscles innervated-by sciatic" => [
        "adductor-magnus", "biceps-femoris", "semimembranosus", "semitendinosus",
    ];
    nerves_of_biceps_femoris: "nerves innervates \"biceps femoris\"" => [
        "common-fibular-division-of-sciatic-nerve", "tibial-division-of-sciatic-nerve",
    ];
    nerve_of_its_short_head: "nerves innervates \"biceps femoris, short head\"" => [
        "common-fibular-division-of-sciatic-nerve",
    ];
    // the heads arise from the condyles and just above them
    origins_of_gastrocnemius: "landmarks origin-of gastrocnemius" => [
        "lateral-condyle-of-femur", "lateral-supracondylar-line-of-femur",
        "medial-condyle-of-femur", "popliteal-surface-of-femur",
    ];
    posterior_compartment_of_leg: "muscles located-in \"posterior compartment of leg\"" => [
        "flexor-digitorum-longus", "flexor-hallucis-longus", "gastrocnemius", "plantaris",
        "popliteus", "soleus", "tibialis-posterior",
    ];
    // the S2 myotome: standard levels only, not a nerve's range copied onto its muscles
    s2_myotome_excludes_the_anterior_leg: "muscles innervated-by s2 and located-in* \"anterior compartment of leg\"" => [];

    // ---- nerves, through their branches
    obturator_nerve_and_divisions: "muscles innervated-by* obturator" => [
        "adductor-brevis", "adductor-longus", "adductor-magnus", "gracilis",
        "obturator-externus",
    ];
    lateral_plantar_nerve_and_branches: "muscles innervated-by* lateral-plantar" => [
        "abductor-digiti-minimi-of-foot", "adductor-hallucis", "dorsal-interossei-of-foot",
        "flexor-digiti-minimi-brevis-of-foot", "lumbricals-of-foot", "plantar-interossei",
        "quadratus-plantae",
    ];
    common_fibular_nerve_and_branches: "muscles innervated-by* common-fibular" => [
        "dorsal-interossei-of-foot", "extensor-digitorum-brevis", "extensor-digitorum-longus", "extensor-hallucis-brevis",
        "extensor-hallucis-longus", "fibularis-brevis", "fibularis-longus", "fibularis-tertius",
        "tibialis-anterior",
    ];
    foot_drop_muscles: "muscles innervated-by* common-fibular and performs ankle-dorsiflexion" => [
        "extensor-digitorum-longus", "extensor-hallucis-longus", "fibularis-tertius",
        "tibialis-anterior",
    ];

    // ---- compartments
    anterior_thigh: "muscles located-in anterior-compartment-of-thigh" => [
        "articularis-genus", "pectineus", "rectus-femoris", "sartorius", "vastus-intermedius",
        "vastus-lateralis", "vastus-medialis",
    ];
    posterior_thigh: "muscles located-in posterior-compartment-of-thigh" => [
        "adductor-magnus", "biceps-femoris", "semimembranosus", "semitendinosus",
    ];
    anterior_leg: "muscles located-in anterior-compartment-of-leg" => [
        "extensor-digitorum-longus", "extensor-hallucis-longus", "fibularis-tertius",
        "tibialis-anterior",
    ];
    lateral_leg: "muscles located-in lateral-compartment-of-leg" => [
        "fibularis-brevis", "fibularis-longus",
    ];
    superficial_posterior_leg: "muscles located-in superficial-posterior-compartment-of-leg" => [
        "gastrocnemius", "plantaris", "soleus",
    ];
    deep_posterior_leg: "muscles located-in deep-posterior-compartment-of-leg" => [
        "flexor-digitorum-longus", "flexor-hallucis-longus", "popliteus", "tibialis-posterior",
    ];
    whole_posterior_leg: "muscles located-in* posterior-compartment-of-leg" => [
        "flexor-digitorum-longus", "flexor-hallucis-longus", "gastrocnemius", "plantaris",
        "popliteus", "soleus", "tibialis-posterior",
    ];
    dorsum_of_foot: "muscles located-in dorsum-of-foot" => [
        "extensor-digitorum-brevis", "extensor-hallucis-brevis",
    ];

    // ---- bones
    inserting_on_the_calcaneus: "muscles inserts-into* calcaneus" => [
        "gastrocnemius", "plantaris", "soleus",
        // a slip to the sustentaculum tali
        "tibialis-posterior",
    ];
    inserting_on_the_fibula: "muscles inserts-into* fibula" => ["biceps-femoris"];
    inserting_on_the_greater_trochanter: "muscles inserts-into* greater-trochanter" => [
        "gluteus-medius", "gluteus-minimus", "inferior-gemellus", "obturator-externus",
        "obturator-internus", "piriformis", "superior-gemellus",
    ];
    inserting_on_the_lesser_trochanter: "muscles inserts-into* lesser-trochanter" => [
        "iliacus", "psoas-major",
    ];
    // with two perineal muscles from its inner surface
    arising_from_the_ischial_tuberosity: "muscles originates-from* ischial-tuberosity" => [
        "adductor-magnus", "biceps-femoris", "inferior-gemellus", "ischiocavernosus",
        "quadratus-femoris", "semimembranosus", "semitendinosus",
        "superficial-transverse-perineal",
    ];
    arising_from_the_fibula: "muscles originates-from* fibula" => [
        "extensor-digitorum-longus", "extensor-hallucis-longus", "fibularis-brevis",
        "fibularis-longus", "fibularis-tertius", "flexor-hallucis-longus", "soleus",
        "tibialis-posterior",
    ];
    inserting_on_the_first_metatarsal: "muscles inserts-into* first-metatarsal" => [
        "fibularis-longus", "tibialis-anterior",
    ];

    // ---- movements
    dorsiflexors: "muscles performs ankle-dorsiflexion" => [
        "extensor-digitorum-longus", "extensor-hallucis-longus", "fibularis-tertius",
        "tibialis-anterior",
    ];
    plantarflexors: "muscles performs ankle-plantarflexion" => [
        "fibularis-brevis", "fibularis-longus", "flexor-digitorum-longus", "flexor-hallucis-longus",
        "gastrocnemius", "plantaris", "soleus", "tibialis-posterior",
    ];
    evertors: "muscles performs foot-eversion" => [
        "extensor-digitorum-longus", "fibularis-brevis", "fibularis-longus", "fibularis-tertius",
    ];
    knee_extensors: "muscles performs knee-extension" => [
        "rectus-femoris", "vastus-intermedius", "vastus-lateralis", "vastus-medialis",
    ];
    knee_flexors: "muscles performs knee-flexion" => [
        "biceps-femoris", "gastrocnemius", "gracilis", "plantaris", "popliteus", "sartorius",
        "semimembranosus", "semitendinosus",
    ];
    hip_extensors: "muscles performs hip-extension" => [
        "adductor-magnus", "biceps-femoris", "gluteus-maximus", "gluteus-medius",
        "semimembranosus", "semitendinosus",
    ];

    // ---- principal root levels, as the canon prints them
    levels_of_tensor_fasciae_latae: "roots innervates \"tensor fasciae latae\"" => ["l4", "l5", "s1"];
    levels_of_superior_gemellus: "roots innervates \"superior gemellus\"" => ["l5", "s1", "s2"];
    levels_of_quadratus_femoris: "roots innervates \"quadratus femoris\"" => ["l4", "l5", "s1"];
    levels_of_iliacus: "roots innervates iliacus" => ["l2", "l3"];
    levels_of_rectus_femoris: "roots innervates \"rectus femoris\"" => ["l2", "l3", "l4"];
    levels_of_gluteus_maximus: "roots innervates \"gluteus maximus\"" => ["l5", "s1", "s2"];
    levels_of_tibialis_posterior: "roots innervates \"tibialis posterior\"" => ["l4", "l5"];
    levels_of_gastrocnemius: "roots innervates gastrocnemius" => ["s1", "s2"];
    levels_of_flexor_digitorum_longus: "roots innervates \"flexor digitorum longus\"" => ["l5", "s1", "s2"];

    // ---- the reflexes of the lower limb and their levels
    levels_of_the_knee_jerk: "roots mediates \"patellar reflex\"" => ["l3", "l4"];
    levels_of_the_ankle_jerk: "roots mediates \"achilles reflex\"" => ["s1", "s2"];
    levels_of_the_adductor_reflex: "roots mediates \"adductor reflex\"" => ["l2", "l3", "l4"];
}

/// Each muscle a myotome query must answer (its level is principal for the muscle) and
/// each it must leave out, as the texts teach the lower limb's myotomes.
fn myotome(level: &str, has: &[&str], lacks: &[&str]) {
    let query = format!("muscles innervated-by {level}");
    let got = common::ids(&query);
    for m in has {
        assert!(got.iter().any(|g| g == m), "{query} lacks {m}: {got:?}");
    }
    for m in lacks {
        assert!(!got.iter().any(|g| g == m), "{query} has {m}: {got:?}");
    }
}

#[test]
fn l2_myotome_is_the_hip_flexors_and_adductors() {
    myotome(
        "l2",
        &[
            "iliacus",
            "psoas-major",
            "sartorius",
            "pectineus",
            "adductor-longus",
            "adductor-brevis",
            "gracilis",
        ],
        &["gluteus-medius", "tibialis-anterior", "gastrocnemius"],
    );
}

#[test]
fn l3_myotome_is_the_knee_extensors_and_adductors() {
    myotome(
        "l3",
        &[
            "rectus-femoris",
            "vastus-lateralis",
            "vastus-medialis",
            "vastus-intermedius",
            "adductor-longus",
            "adductor-magnus",
        ],
        &["tibialis-anterior", "gluteus-maximus", "gastrocnemius"],
    );
}

#[test]
fn l4_myotome_is_the_quadriceps_and_the_ankle_dorsiflexor() {
    myotome(
        "l4",
        &[
            "tibialis-anterior",
            "vastus-lateralis",
            "vastus-medialis",
            "gluteus-medius",
            "tensor-fasciae-latae",
            "tibialis-posterior",
        ],
        &["iliacus", "psoas-major", "gastrocnemius", "soleus"],
    );
}

#[test]
fn l5_myotome_is_the_toe_extensors_and_hip_abductors() {
    myotome(
        "l5",
        &[
            "extensor-hallucis-longus",
            "extensor-digitorum-longus",
            "gluteus-medius",
            "gluteus-minimus",
            "tensor-fasciae-latae",
            "tibialis-posterior",
            "semitendinosus",
            "biceps-femoris",
        ],
        &[
            "iliacus",
            "rectus-femoris",
            "vastus-lateralis",
            "gastrocnemius",
            "soleus",
        ],
    );
}

#[test]
fn s1_myotome_is_the_plantarflexors_evertors_and_gluteus_maximus() {
    myotome(
        "s1",
        &[
            "gastrocnemius",
            "soleus",
            "gluteus-maximus",
            "fibularis-longus",
            "fibularis-brevis",
            "biceps-femoris",
            "semimembranosus",
        ],
        &[
            "iliacus",
            "rectus-femoris",
            "vastus-medialis",
            "tibialis-posterior",
            "adductor-longus",
        ],
    );
}

#[test]
fn s2_myotome_is_the_calf_hamstrings_and_intrinsic_foot_muscles() {
    myotome(
        "s2",
        &[
            "gastrocnemius",
            "soleus",
            "gluteus-maximus",
            "flexor-hallucis-longus",
            "biceps-femoris",
            "adductor-hallucis",
            "plantar-interossei",
        ],
        &[
            "tibialis-anterior",
            "tibialis-posterior",
            "gluteus-medius",
            "vastus-lateralis",
            "fibularis-longus",
        ],
    );
}
