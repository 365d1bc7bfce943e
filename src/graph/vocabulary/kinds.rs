//! The table of kinds: each kind's key in data files, its noun and the words a name
//! of it may end with; and the kind words a set query starts with.

use super::{Kind, KindEntry, KindSet, KindWord};

/// Every kind, in the order of [`Kind`] (a compile-time check holds them together).
pub const KINDS: &[KindEntry] = &[
    kind(Kind::Muscle, "muscle", "muscle", &["muscle"]),
    kind(Kind::MusclePart, "muscle-part", "muscle part", &["muscle"]),
    kind(Kind::Bone, "bone", "bone", &["bone"]),
    kind(Kind::Landmark, "landmark", "landmark", &[]),
    kind(Kind::Tendon, "tendon", "tendon", &["tendon"]),
    kind(
        Kind::Ligament,
        "ligament",
        "membrane or ligament",
        &["ligament", "membrane"],
    ),
    kind(Kind::Nerve, "nerve", "nerve", &["nerve"]),
    kind(Kind::Root, "root", "spinal root", &["root", "spinal nerve"]),
    kind(Kind::Artery, "artery", "artery", &["artery"]),
    kind(Kind::Vein, "vein", "vein", &["vein"]),
    kind(
        Kind::Compartment,
        "compartment",
        "compartment",
        &["compartment"],
    ),
    kind(Kind::Group, "group", "muscle group", &[]),
    kind(Kind::Joint, "joint", "joint", &["joint"]),
    kind(Kind::Movement, "movement", "movement", &[]),
    kind(Kind::SkinArea, "skin-area", "skin area", &[]),
    kind(Kind::Dermatome, "dermatome", "dermatome", &["dermatome"]),
    kind(Kind::Reflex, "reflex", "reflex", &["reflex", "jerk"]),
    kind(Kind::Region, "region", "region", &["region"]),
    kind(Kind::Gland, "gland", "gland", &["gland"]),
    kind(Kind::Sense, "sense", "sense", &[]),
];

const fn kind(
    kind: Kind,
    key: &'static str,
    noun: &'static str,
    suffixes: &'static [&'static str],
) -> KindEntry {
    KindEntry {
        kind,
        key,
        noun,
        suffixes,
    }
}

// Row i of KINDS is the kind numbered i: `Kind::info` indexes by the enum's value.
const _: () = {
    let mut i = 0;
    while i < KINDS.len() {
        assert!(
            KINDS[i].kind as usize == i,
            "KINDS is not in the order of Kind"
        );
        i += 1;
    }
};

/// Every kind word of the query language, as `help kinds` lists them.
pub const KIND_WORDS: &[KindWord] = &[
    KindWord {
        plural: "structures",
        singular: Some("structure"),
        also: &[],
        kinds: KindSet::ALL,
        help: "every structure, of any kind",
    },
    KindWord {
        plural: "muscles",
        singular: Some("muscle"),
        also: &[],
        kinds: KindSet::of(&[Kind::Muscle, Kind::MusclePart]),
        help: "muscles with their heads and parts",
    },
    KindWord {
        plural: "parts",
        singular: None,
        also: &["heads"],
        kinds: KindSet::of(&[Kind::MusclePart]),
        help: "the heads and parts of muscles only",
    },
    KindWord {
        plural: "bones",
        singular: Some("bone"),
        also: &[],
        kinds: KindSet::of(&[Kind::Bone]),
        help: "bones, whole (the hip bone) and in parts (the ilium)",
    },
    KindWord {
        plural: "landmarks",
        singular: Some("landmark"),
        also: &[],
        kinds: KindSet::of(&[Kind::Landmark]),
        help: "named places on bones: condyles, lines, tuberosities",
    },
    KindWord {
        plural: "tendons",
        singular: Some("tendon"),
        also: &[],
        kinds: KindSet::of(&[Kind::Tendon]),
        help: "tendons that carry a muscle to its bone",
    },
    KindWord {
        plural: "ligaments",
        singular: Some("ligament"),
        also: &["membranes", "membrane"],
        kinds: KindSet::of(&[Kind::Ligament]),
        help: "ligaments and membranes between bones",
    },
    KindWord {
        plural: "nerves",
        singular: Some("nerve"),
        also: &[],
        kinds: KindSet::of(&[Kind::Nerve]),
        help: "nerves and their branches, and a plexus with its trunks, divisions and cords",
    },
    KindWord {
        plural: "roots",
        singular: Some("root"),
        also: &[],
        kinds: KindSet::of(&[Kind::Root]),
        help: "spinal roots (L4, S1): the levels nerves carry",
    },
    KindWord {
        plural: "arteries",
        singular: Some("artery"),
        also: &[],
        kinds: KindSet::of(&[Kind::Artery]),
        help: "arteries and their branches",
    },
    KindWord {
        plural: "veins",
        singular: Some("vein"),
        also: &[],
        kinds: KindSet::of(&[Kind::Vein]),
        help: "veins and their tributaries",
    },
    KindWord {
        plural: "compartments",
        singular: Some("compartment"),
        also: &[],
        kinds: KindSet::of(&[Kind::Compartment]),
        help: "fascial compartments of a limb segment",
    },
    KindWord {
        plural: "groups",
        singular: Some("group"),
        also: &[],
        kinds: KindSet::of(&[Kind::Group]),
        help: "muscles grouped by action or place: hamstrings, adductors",
    },
    KindWord {
        plural: "joints",
        singular: Some("joint"),
        also: &[],
        kinds: KindSet::of(&[Kind::Joint]),
        help: "joints, with the bones they join",
    },
    KindWord {
        plural: "movements",
        singular: Some("movement"),
        also: &[],
        kinds: KindSet::of(&[Kind::Movement]),
        help: "movements at a joint: flexion of the knee, plantarflexion",
    },
    KindWord {
        plural: "skin-areas",
        singular: Some("skin-area"),
        also: &["skin"],
        kinds: KindSet::of(&[Kind::SkinArea]),
        help: "areas of skin a cutaneous nerve supplies",
    },
    KindWord {
        plural: "dermatomes",
        singular: Some("dermatome"),
        also: &[],
        kinds: KindSet::of(&[Kind::Dermatome]),
        help: "the skin of one spinal root",
    },
    KindWord {
        plural: "reflexes",
        singular: Some("reflex"),
        also: &[],
        kinds: KindSet::of(&[Kind::Reflex]),
        help: "tendon reflexes, with their muscles and roots",
    },
    KindWord {
        plural: "regions",
        singular: Some("region"),
        also: &[],
        kinds: KindSet::of(&[Kind::Region]),
        help: "regions of the body: a limb, the femoral triangle, the axilla",
    },
    KindWord {
        plural: "glands",
        singular: Some("gland"),
        also: &[],
        kinds: KindSet::of(&[Kind::Gland]),
        help: "glands a nerve makes secrete: the lacrimal, parotid, submandibular glands",
    },
    KindWord {
        plural: "senses",
        singular: Some("sense"),
        also: &[],
        kinds: KindSet::of(&[Kind::Sense]),
        help: "senses a nerve carries beyond the skin: taste, hearing, sight, the tongue's touch",
    },
];
