//! The table of relations: each relation's words, the kinds at its ends, how `*`
//! follows it and its help line.

use super::{Descent, Direction, Kind, KindSet, Relation, RelationEntry};

/// `*` steps from an object to its subjects of these kinds.
const fn down_to(to: KindSet) -> Option<Descent> {
    Some(Descent {
        direction: Direction::Inverse,
        to,
    })
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
    Kind::Gland,
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
            Kind::Gland,
            Kind::Sense,
        ])),
        range: NERVES_AND_ROOTS,
        rivals: true,
        help: "the nerve (with its spinal roots) that supplies a muscle, joint, bone, skin, gland or sense",
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
            Kind::Gland,
        ]),
        range: KindSet::of(&[Kind::Compartment, Kind::Region, Kind::Gland]),
        rivals: true,
        help: "the compartment, region or gland a structure lies in",
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
    RelationEntry {
        relation: Relation::PassesThrough,
        forward: "passes-through",
        inverse: "transmits",
        domain: KindSet::of(&[
            Kind::Nerve,
            Kind::Root,
            Kind::Artery,
            Kind::Vein,
            Kind::Muscle,
            Kind::MusclePart,
            Kind::Tendon,
            Kind::Ligament,
        ]),
        range: KindSet::of(&[Kind::Landmark, Kind::Region, Kind::Compartment]),
        help: "an opening or passage a structure runs through: a foramen, canal or fissure",
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
