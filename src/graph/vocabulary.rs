//! One vocabulary: every kind of structure and every relation, in two tables. A kind
//! has its key in data files, its noun, the words a query selects it by and a help
//! line; a relation has its forward and inverse words, the kinds at each end, how `*`
//! follows it and a help line. The loaders, the query parser and resolver, the shell's
//! completion and help and the README's tables all read these tables;
//! `tests/vocabulary.rs` checks that the grammar (which spells the words itself, as
//! pest needs) and the README agree with them.
//!
//! A new kind is a variant of [`Kind`], a row of [`KINDS`] and a row of [`KIND_WORDS`]
//! (and the word in the grammar); a new relation a variant of [`Relation`] and a row of
//! [`RELATIONS`]. Sets of kinds grow with them.

use serde::Serialize;
use std::fmt;

/// What a structure is. Data files and queries name kinds by the words of [`KINDS`];
/// the engine only ever compares these values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Muscle,
    MusclePart,
    Bone,
    Landmark,
    Tendon,
    Ligament,
    Nerve,
    Root,
    Artery,
    Vein,
    Compartment,
    Group,
    Joint,
    Movement,
    SkinArea,
    Dermatome,
    Reflex,
    Region,
}

/// One row of [`KINDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindEntry {
    pub kind: Kind,
    /// The table name in data files (`[[muscle-part]]`), the kind in TSV files and
    /// exports.
    pub key: &'static str,
    /// How a person says it in a sentence: "muscle part", "membrane or ligament".
    pub noun: &'static str,
    /// Trailing words a user may add to or drop from a name of this kind
    /// (`tibial` = `tibial nerve`).
    pub suffixes: &'static [&'static str],
}

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

/// The words a set query starts with, each selecting some kinds: `muscles`, `nerve`,
/// `heads`. One row of [`KIND_WORDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindWord {
    /// The canonical spelling: `muscles`.
    pub plural: &'static str,
    /// The singular, where the language takes one: `muscle`.
    pub singular: Option<&'static str>,
    /// Other spellings accepted: `membranes` for `ligaments`.
    pub also: &'static [&'static str],
    /// The kinds the word selects: `muscles` includes heads and parts.
    pub kinds: KindSet,
    /// One line for `help kinds`.
    pub help: &'static str,
}

impl KindWord {
    /// The canonical spelling, plural: `muscles`.
    pub const fn word(&self) -> &'static str {
        self.plural
    }

    /// Every spelling accepted: the plural, the singular, the others.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + use<> {
        std::iter::once(self.plural)
            .chain(self.singular)
            .chain(self.also.iter().copied())
    }
}

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
        help: "bones, and the bones one is made of (the ilium of the hip bone)",
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
];

impl Kind {
    /// Every kind, in the order of [`KINDS`].
    pub const ALL: [Kind; KINDS.len()] = {
        let mut all = [Kind::Muscle; KINDS.len()];
        let mut i = 0;
        while i < KINDS.len() {
            all[i] = KINDS[i].kind;
            i += 1;
        }
        all
    };

    /// The kind's row in [`KINDS`].
    pub const fn info(self) -> &'static KindEntry {
        &KINDS[self as usize]
    }

    /// Position in [`Kind::ALL`], for per-kind indexes.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The table name used in data files (`[[muscle]]`).
    pub fn data_key(self) -> &'static str {
        self.info().key
    }

    pub fn from_data_key(key: &str) -> Option<Kind> {
        KINDS.iter().find(|k| k.key == key).map(|k| k.kind)
    }

    /// How a person says it: "a muscle part", "a membrane or ligament".
    pub fn noun(self) -> &'static str {
        self.info().noun
    }

    /// "a" or "an" + noun, for error messages.
    pub fn with_article(self) -> String {
        let noun = self.noun();
        let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {noun}")
    }

    /// Trailing words a user may add to or drop from a name of this kind
    /// (`tibial` = `tibial nerve`).
    pub fn name_suffixes(self) -> &'static [&'static str] {
        self.info().suffixes
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.data_key())
    }
}

/// How many 64-bit words a [`KindSet`] needs for every kind: it grows with [`KINDS`].
const KIND_WORDS_IN_SET: usize = KINDS.len().div_ceil(64);

/// A set of kinds as a bit mask, for relation signatures and query selectors. It has a
/// bit for every kind of [`KINDS`], however many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet([u64; KIND_WORDS_IN_SET]);

impl KindSet {
    pub const EMPTY: KindSet = KindSet([0; KIND_WORDS_IN_SET]);
    pub const ALL: KindSet = KindSet::of(&Kind::ALL);

    pub const fn of(kinds: &[Kind]) -> KindSet {
        let mut bits = [0u64; KIND_WORDS_IN_SET];
        let mut i = 0;
        while i < kinds.len() {
            let k = kinds[i] as usize;
            bits[k / 64] |= 1 << (k % 64);
            i += 1;
        }
        KindSet(bits)
    }

    pub const fn contains(self, kind: Kind) -> bool {
        let k = kind as usize;
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    pub const fn union(self, other: KindSet) -> KindSet {
        let mut bits = self.0;
        let mut i = 0;
        while i < KIND_WORDS_IN_SET {
            bits[i] |= other.0[i];
            i += 1;
        }
        KindSet(bits)
    }

    pub const fn intersect(self, other: KindSet) -> KindSet {
        let mut bits = self.0;
        let mut i = 0;
        while i < KIND_WORDS_IN_SET {
            bits[i] &= other.0[i];
            i += 1;
        }
        KindSet(bits)
    }

    pub fn is_empty(self) -> bool {
        self == KindSet::EMPTY
    }

    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.contains(*k))
    }

    /// "a nerve or spinal root".
    pub fn describe(self) -> String {
        let words: Vec<String> = self.iter().map(Kind::with_article).collect();
        match words.as_slice() {
            [] => "nothing".to_string(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }

    /// The kinds' nouns, joined by commas: "muscle, muscle part".
    pub fn nouns(self) -> String {
        self.iter().map(Kind::noun).collect::<Vec<_>>().join(", ")
    }
}

/// The kind of a fact. Each has a forward name (as stated from its subject) and an
/// inverse name (as read from its object); both are accepted in data files and queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    OriginatesFrom,
    InsertsInto,
    InnervatedBy,
    SuppliedBy,
    DrainedBy,
    BranchOf,
    TributaryOf,
    ContinuesAs,
    RootOf,
    PartOf,
    AttachesTo,
    LocatedIn,
    MemberOf,
    Performs,
    OccursAt,
    Articulates,
    Involves,
    MediatedBy,
}

/// Which way a relation is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Forward,
    Inverse,
}

impl Direction {
    pub fn flip(self) -> Direction {
        match self {
            Direction::Forward => Direction::Inverse,
            Direction::Inverse => Direction::Forward,
        }
    }

    /// The petgraph direction of the edges to follow from the node being read.
    pub fn outgoing(self) -> petgraph::Direction {
        match self {
            Direction::Forward => petgraph::Direction::Outgoing,
            Direction::Inverse => petgraph::Direction::Incoming,
        }
    }
}

/// How `*` follows a relation down from a structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Descent {
    /// `Inverse` steps from X to the subjects of facts `? rel X` (the branches of a
    /// nerve), `Forward` to the objects of `X rel ?` (what an artery continues as).
    pub direction: Direction,
    /// The kinds it steps to; others at the far end are not under X.
    pub to: KindSet,
}

/// `*` steps from an object to its subjects of these kinds.
const fn down_to(to: KindSet) -> Option<Descent> {
    Some(Descent {
        direction: Direction::Inverse,
        to,
    })
}

/// One row of [`RELATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationEntry {
    pub relation: Relation,
    /// The name as stated from the subject: `innervated-by`.
    pub forward: &'static str,
    /// The name as read from the object: `innervates`.
    pub inverse: &'static str,
    /// Kinds allowed as the subject of the forward fact.
    pub domain: KindSet,
    /// Kinds allowed as the object of the forward fact.
    pub range: KindSet,
    /// Where only some subject kinds join some object kinds: for each subject kind, the
    /// objects it may have (a nerve is part of a nerve, never of an artery). Empty: any
    /// subject of the domain may join any object of the range.
    pub pairs: &'static [(Kind, KindSet)],
    /// How `*` walks through this relation from a structure to what lies under it, if
    /// at all.
    pub descent: Option<Descent>,
    /// Whether subject and object may be of the same kind and must not form a cycle.
    pub hierarchy: bool,
    /// Whether both ends are always of the same kind (a nerve's branch is a nerve).
    pub same_kind: bool,
    /// Whether a subject's facts of this relation to two structures of the same kind are
    /// rival claims (a muscle has one nerve) rather than complements (several origins).
    pub rivals: bool,
    /// One line for `help relations`.
    pub help: &'static str,
}

const MUSCLES: KindSet = KindSet::of(&[Kind::Muscle, Kind::MusclePart]);
const ATTACHMENTS: KindSet = KindSet::of(&[
    Kind::Bone,
    Kind::Landmark,
    Kind::Tendon,
    Kind::Ligament,
    Kind::Muscle,
    Kind::MusclePart,
]);
const SUPPLIED: KindSet = KindSet::of(&[
    Kind::Muscle,
    Kind::MusclePart,
    Kind::Bone,
    Kind::Nerve,
    Kind::Tendon,
    Kind::Joint,
    Kind::Compartment,
]);
const NERVES_AND_ROOTS: KindSet = KindSet::of(&[Kind::Nerve, Kind::Root]);
const NERVES_AND_ARTERIES: KindSet = KindSet::of(&[Kind::Nerve, Kind::Artery]);
const TRUNKS: KindSet = KindSet::of(&[Kind::Nerve, Kind::Artery, Kind::Vein]);
const VEINS: KindSet = KindSet::of(&[Kind::Vein]);
const PARTS: KindSet = KindSet::of(&[
    Kind::Landmark,
    Kind::MusclePart,
    Kind::Bone,
    Kind::Compartment,
    Kind::Nerve,
    Kind::Artery,
    Kind::Vein,
    Kind::Region,
]);

/// A relation with no special rules: not a hierarchy, no rivals, no `*` step.
const PLAIN: RelationEntry = RelationEntry {
    relation: Relation::OriginatesFrom,
    forward: "",
    inverse: "",
    domain: KindSet::EMPTY,
    range: KindSet::EMPTY,
    pairs: &[],
    descent: None,
    hierarchy: false,
    same_kind: false,
    rivals: false,
    help: "",
};

/// Every relation, in the order of [`Relation`] (a compile-time check holds them
/// together).
pub const RELATIONS: &[RelationEntry] = &[
    RelationEntry {
        relation: Relation::OriginatesFrom,
        forward: "originates-from",
        inverse: "origin-of",
        domain: MUSCLES,
        range: ATTACHMENTS,
        help: "where a muscle arises: the bone, landmark, tendon or ligament of its origin",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::InsertsInto,
        forward: "inserts-into",
        inverse: "insertion-of",
        domain: MUSCLES,
        range: ATTACHMENTS,
        help: "where a muscle ends: the bone, landmark, tendon or ligament it pulls on",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::InnervatedBy,
        forward: "innervated-by",
        inverse: "innervates",
        domain: MUSCLES.union(KindSet::of(&[
            Kind::Joint,
            Kind::Bone,
            Kind::SkinArea,
            Kind::Dermatome,
        ])),
        range: NERVES_AND_ROOTS,
        rivals: true,
        help: "the nerve (with its spinal roots) that supplies a muscle, joint, bone or skin",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::SuppliedBy,
        forward: "supplied-by",
        inverse: "supplies",
        domain: SUPPLIED,
        range: KindSet::of(&[Kind::Artery]),
        help: "the artery that brings a structure its blood",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::DrainedBy,
        forward: "drained-by",
        inverse: "drains",
        domain: SUPPLIED,
        range: VEINS,
        help: "the vein that takes a structure's blood away",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::BranchOf,
        forward: "branch-of",
        inverse: "has-branch",
        domain: NERVES_AND_ARTERIES,
        range: NERVES_AND_ARTERIES,
        descent: down_to(NERVES_AND_ARTERIES),
        hierarchy: true,
        same_kind: true,
        rivals: true,
        help: "the nerve or artery a branch leaves; `*` walks down to every branch",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::TributaryOf,
        forward: "tributary-of",
        inverse: "receives",
        domain: VEINS,
        range: VEINS,
        descent: down_to(VEINS),
        hierarchy: true,
        same_kind: true,
        rivals: true,
        help: "the larger vein a vein drains into; `*` walks to every tributary",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::ContinuesAs,
        forward: "continues-as",
        inverse: "continuation-of",
        domain: TRUNKS,
        range: TRUNKS,
        // the femoral artery continues as the popliteal: the popliteal is "under" it
        descent: Some(Descent {
            direction: Direction::Forward,
            to: TRUNKS,
        }),
        hierarchy: true,
        same_kind: true,
        rivals: true,
        help: "the name a nerve or vessel takes further along; `*` follows it on",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::RootOf,
        forward: "root-of",
        inverse: "has-root",
        domain: KindSet::of(&[Kind::Root]),
        range: KindSet::of(&[Kind::Nerve]),
        help: "a spinal root that gives fibres to a nerve",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::PartOf,
        forward: "part-of",
        inverse: "has-part",
        domain: PARTS,
        range: KindSet::of(&[
            Kind::Bone,
            Kind::Muscle,
            Kind::Compartment,
            Kind::Landmark,
            Kind::Nerve,
            Kind::Artery,
            Kind::Vein,
            Kind::Region,
        ]),
        pairs: &[
            (Kind::Landmark, KindSet::of(&[Kind::Bone, Kind::Landmark])),
            (Kind::MusclePart, KindSet::of(&[Kind::Muscle])),
            (Kind::Bone, KindSet::of(&[Kind::Bone])),
            (
                Kind::Compartment,
                KindSet::of(&[Kind::Compartment, Kind::Region]),
            ),
            (Kind::Nerve, KindSet::of(&[Kind::Nerve])),
            (Kind::Artery, KindSet::of(&[Kind::Artery])),
            (Kind::Vein, KindSet::of(&[Kind::Vein])),
            (Kind::Region, KindSet::of(&[Kind::Region])),
        ],
        descent: down_to(PARTS),
        hierarchy: true,
        rivals: true,
        help: "the whole a part belongs to, of its own family; `*` walks to every part",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::AttachesTo,
        forward: "attaches-to",
        inverse: "attachment-of",
        domain: KindSet::of(&[Kind::Tendon, Kind::Ligament]),
        range: KindSet::of(&[Kind::Landmark, Kind::Bone]),
        // a tendon carries its muscle to the bone; a ligament spans two bones and
        // belongs to neither, so a muscle arising from the sacrotuberous ligament does
        // not arise from the ischial tuberosity
        descent: down_to(KindSet::of(&[Kind::Tendon])),
        help: "where a tendon or ligament is fixed; `*` walks from a bone to its tendons",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::LocatedIn,
        forward: "located-in",
        inverse: "contains",
        domain: KindSet::of(&[
            Kind::Muscle,
            Kind::MusclePart,
            Kind::Nerve,
            Kind::Artery,
            Kind::Vein,
            Kind::Tendon,
            Kind::Bone,
            Kind::Joint,
            Kind::SkinArea,
            Kind::Dermatome,
        ]),
        range: KindSet::of(&[Kind::Compartment, Kind::Region]),
        rivals: true,
        help: "the compartment or region a structure lies in",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::MemberOf,
        forward: "member-of",
        inverse: "has-member",
        domain: MUSCLES,
        range: KindSet::of(&[Kind::Group]),
        help: "a group a muscle belongs to",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::Performs,
        forward: "performs",
        inverse: "performed-by",
        domain: MUSCLES,
        range: KindSet::of(&[Kind::Movement]),
        help: "a movement a muscle makes, as prime mover or assisting",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::OccursAt,
        forward: "occurs-at",
        inverse: "allows",
        domain: KindSet::of(&[Kind::Movement]),
        range: KindSet::of(&[Kind::Joint]),
        descent: down_to(KindSet::of(&[Kind::Movement])),
        help: "the joint a movement happens at; `*` walks from a joint to its movements",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::Articulates,
        forward: "articulates",
        inverse: "articulates-in",
        domain: KindSet::of(&[Kind::Joint]),
        range: KindSet::of(&[Kind::Bone, Kind::Landmark]),
        help: "the bones and surfaces a joint joins",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::Involves,
        forward: "involves",
        inverse: "involved-in",
        domain: KindSet::of(&[Kind::Reflex]),
        range: MUSCLES.union(KindSet::of(&[Kind::Tendon])),
        help: "the muscles and tendon a reflex tests",
        ..PLAIN
    },
    RelationEntry {
        relation: Relation::MediatedBy,
        forward: "mediated-by",
        inverse: "mediates",
        domain: KindSet::of(&[Kind::Reflex]),
        range: NERVES_AND_ROOTS,
        help: "the nerve and spinal roots a reflex runs through",
        ..PLAIN
    },
];

// Row i of RELATIONS is the relation numbered i: `Relation::info` indexes by it.
const _: () = {
    let mut i = 0;
    while i < RELATIONS.len() {
        assert!(
            RELATIONS[i].relation as usize == i,
            "RELATIONS is not in the order of Relation"
        );
        i += 1;
    }
};

impl Relation {
    /// Every relation, in the order of [`RELATIONS`].
    pub const ALL: [Relation; RELATIONS.len()] = {
        let mut all = [Relation::OriginatesFrom; RELATIONS.len()];
        let mut i = 0;
        while i < RELATIONS.len() {
            all[i] = RELATIONS[i].relation;
            i += 1;
        }
        all
    };

    /// The relation's row in [`RELATIONS`].
    pub const fn info(self) -> &'static RelationEntry {
        &RELATIONS[self as usize]
    }

    pub fn forward_name(self) -> &'static str {
        self.info().forward
    }

    pub fn inverse_name(self) -> &'static str {
        self.info().inverse
    }

    pub fn name(self, direction: Direction) -> &'static str {
        match direction {
            Direction::Forward => self.forward_name(),
            Direction::Inverse => self.inverse_name(),
        }
    }

    /// Parses either spelling.
    pub fn from_name(name: &str) -> Option<(Relation, Direction)> {
        RELATIONS.iter().find_map(|r| {
            if r.forward == name {
                Some((r.relation, Direction::Forward))
            } else if r.inverse == name {
                Some((r.relation, Direction::Inverse))
            } else {
                None
            }
        })
    }

    /// Every accepted spelling, forward then inverse, for completion and errors.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        RELATIONS
            .iter()
            .map(|r| r.forward)
            .chain(RELATIONS.iter().map(|r| r.inverse))
    }

    /// Kinds allowed as the subject of the forward fact.
    pub fn domain(self) -> KindSet {
        self.info().domain
    }

    /// Kinds allowed as the object of the forward fact.
    pub fn range(self) -> KindSet {
        self.info().range
    }

    /// Whether a subject's facts of this relation to two structures of the same kind are
    /// rival claims (a muscle has one nerve, a branch one parent) rather than complements
    /// (a muscle has several origins, a reflex several muscles).
    pub fn has_rivals(self) -> bool {
        self.info().rivals
    }

    /// Whether a fact may join these two kinds, beyond the domain and range: a part is
    /// part of a whole of its own family (a nerve's division is part of a nerve, never
    /// of an artery).
    pub fn joins(self, subject: Kind, object: Kind) -> bool {
        let pairs = self.info().pairs;
        pairs.is_empty()
            || pairs
                .iter()
                .any(|(s, objects)| *s == subject && objects.contains(object))
    }

    /// Whether subject and object may be of the same kind and must not form a cycle.
    pub fn is_hierarchy(self) -> bool {
        self.info().hierarchy
    }

    /// Whether both ends are always of the same kind (a nerve's branch is a nerve).
    pub fn same_kind_only(self) -> bool {
        self.info().same_kind
    }

    /// How a `*` query descends from a target to what lies "under" it, if at all.
    /// `Inverse` means: from X, step to the subjects of facts `? rel X`.
    pub fn descent(self) -> Option<Direction> {
        self.info().descent.map(|d| d.direction)
    }

    /// The kinds that lie under `kind` through this relation's `*` step: the wholes a
    /// part of this kind belongs to, the trunks a branch leaves (empty when `*` does
    /// not step to this kind through it).
    pub fn above(self, kind: Kind) -> KindSet {
        let info = self.info();
        let Some(descent) = info.descent else {
            return KindSet::EMPTY;
        };
        if !descent.to.contains(kind) {
            return KindSet::EMPTY;
        }
        let (others, joins): (KindSet, &dyn Fn(Kind) -> bool) = match descent.direction {
            Direction::Inverse => (info.range, &|o| self.joins(kind, o)),
            Direction::Forward => (info.domain, &|s| self.joins(s, kind)),
        };
        others
            .iter()
            .filter(|k| joins(*k) && (!info.same_kind || *k == kind))
            .fold(KindSet::EMPTY, |set, k| set.union(KindSet::of(&[k])))
    }

    /// One line for `help relations`.
    pub fn help(self) -> &'static str {
        self.info().help
    }

    /// Which kinds a fact joins, as a person reads it: "muscle, muscle part → bone,
    /// landmark"; where the subject decides the object, one arrow for each
    /// ("nerve → nerve; artery → artery").
    pub fn ends(self) -> String {
        let info = self.info();
        let mut groups: Vec<(KindSet, KindSet)> = Vec::new();
        for subject in info.domain.iter() {
            let objects = info
                .range
                .iter()
                .filter(|o| self.joins(subject, *o) && (!info.same_kind || *o == subject));
            let objects = objects.fold(KindSet::EMPTY, |set, o| set.union(KindSet::of(&[o])));
            match groups.iter_mut().find(|(_, o)| *o == objects) {
                Some((subjects, _)) => *subjects = subjects.union(KindSet::of(&[subject])),
                None => groups.push((KindSet::of(&[subject]), objects)),
            }
        }
        groups
            .iter()
            .map(|(subjects, objects)| format!("{} → {}", subjects.nouns(), objects.nouns()))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.forward_name())
    }
}

/// The kind word a word spells (any accepted spelling, in any case): its row in
/// [`KIND_WORDS`].
pub fn kind_word(word: &str) -> Option<usize> {
    KIND_WORDS
        .iter()
        .position(|k| k.words().any(|w| w.eq_ignore_ascii_case(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_names_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for name in Relation::all_names() {
            assert!(seen.insert(name), "{name} used twice");
            let (rel, dir) = Relation::from_name(name).unwrap();
            assert_eq!(rel.name(dir), name);
        }
        assert_eq!(seen.len(), 2 * Relation::ALL.len());
    }

    #[test]
    fn kind_keys_round_trip_index_matches_position_and_serde_agrees() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(Kind::from_data_key(kind.data_key()), Some(kind));
            assert_eq!(kind.index(), i);
            // exports write kinds through serde: the same word as data files
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.data_key()));
        }
        for relation in Relation::ALL {
            let json = serde_json::to_string(&relation).unwrap();
            assert_eq!(json, format!("\"{}\"", relation.forward_name()));
        }
    }

    #[test]
    fn kind_sets_describe_themselves() {
        let set = KindSet::of(&[Kind::Nerve, Kind::Root]);
        assert_eq!(set.describe(), "a nerve or a spinal root");
        assert!(set.contains(Kind::Root));
        assert!(!set.contains(Kind::Bone));
        assert_eq!(KindSet::ALL.iter().count(), Kind::ALL.len());
        assert_eq!(set.union(KindSet::of(&[Kind::Bone])).iter().count(), 3);
        assert_eq!(
            set.intersect(KindSet::of(&[Kind::Root])),
            KindSet::of(&[Kind::Root])
        );
        assert!(set.intersect(KindSet::of(&[Kind::Bone])).is_empty());
    }

    #[test]
    fn every_kind_has_a_word_and_every_word_selects_something() {
        for kind in Kind::ALL {
            assert!(
                KIND_WORDS.iter().any(|w| w.kinds.contains(kind)),
                "no query word selects {kind}"
            );
        }
        let mut seen = std::collections::HashSet::new();
        for entry in KIND_WORDS {
            assert!(!entry.kinds.is_empty(), "{} selects nothing", entry.word());
            assert!(!entry.help.is_empty(), "{} has no help", entry.word());
            for word in entry.words() {
                assert!(seen.insert(word), "{word} used twice");
                assert_eq!(
                    kind_word(&word.to_uppercase()).map(|i| KIND_WORDS[i]),
                    Some(*entry)
                );
            }
        }
    }

    #[test]
    fn every_relation_is_described_and_joins_within_its_ends() {
        for r in Relation::ALL {
            assert!(!r.help().is_empty(), "{r} has no help");
            for (subject, objects) in r.info().pairs {
                assert!(
                    r.domain().contains(*subject),
                    "{r}: {subject} outside the domain"
                );
                assert_eq!(
                    objects.intersect(r.range()),
                    *objects,
                    "{r}: outside the range"
                );
            }
            // `*` follows hierarchies only within themselves or down to what hangs on them
            if r.same_kind_only() {
                assert!(r.is_hierarchy() && r.descent().is_some(), "{r}");
            }
            // and steps only to kinds that can stand at that end
            if let Some(d) = r.info().descent {
                let end = match d.direction {
                    Direction::Inverse => r.domain(),
                    Direction::Forward => r.range(),
                };
                assert_eq!(d.to.intersect(end), d.to, "{r}: `*` steps outside its ends");
            }
        }
        assert_eq!(Relation::BranchOf.ends(), "nerve → nerve; artery → artery");
        assert_eq!(Relation::RootOf.ends(), "spinal root → nerve");
        assert!(Relation::PartOf.joins(Kind::MusclePart, Kind::Muscle));
        assert!(!Relation::PartOf.joins(Kind::Nerve, Kind::Artery));
        assert!(Relation::LocatedIn.joins(Kind::Nerve, Kind::Region));
        // what lies above: a tendon under the bone it attaches to, a ligament under none
        let bone_or_landmark = KindSet::of(&[Kind::Bone, Kind::Landmark]);
        assert_eq!(Relation::AttachesTo.above(Kind::Tendon), bone_or_landmark);
        assert!(Relation::AttachesTo.above(Kind::Ligament).is_empty());
        assert_eq!(Relation::PartOf.above(Kind::Landmark), bone_or_landmark);
        assert_eq!(
            Relation::ContinuesAs.above(Kind::Artery),
            KindSet::of(&[Kind::Artery])
        );
        assert!(Relation::InnervatedBy.above(Kind::Muscle).is_empty());
    }

    #[test]
    fn a_kind_set_has_room_for_every_kind() {
        // the mask is sized from the table: one bit for each kind, none left over
        // unused by a kind beyond the last word
        assert_eq!(KIND_WORDS_IN_SET, Kind::ALL.len().div_ceil(64));
        let last = Kind::ALL[Kind::ALL.len() - 1];
        assert!(KindSet::of(&[last]).contains(last));
        assert_eq!(
            KindSet::ALL
                .0
                .iter()
                .map(|w| w.count_ones() as usize)
                .sum::<usize>(),
            Kind::ALL.len()
        );
    }
}
