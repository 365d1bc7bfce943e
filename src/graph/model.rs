//! The vocabulary of the graph: kinds of structure, kinds of fact, and their weights.

use serde::Serialize;
use std::fmt;

/// What a structure is. Data files and queries name kinds by the words below; the
/// engine only ever compares these enum values.
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

impl Kind {
    pub const ALL: [Kind; 18] = [
        Kind::Muscle,
        Kind::MusclePart,
        Kind::Bone,
        Kind::Landmark,
        Kind::Tendon,
        Kind::Ligament,
        Kind::Nerve,
        Kind::Root,
        Kind::Artery,
        Kind::Vein,
        Kind::Compartment,
        Kind::Group,
        Kind::Joint,
        Kind::Movement,
        Kind::SkinArea,
        Kind::Dermatome,
        Kind::Reflex,
        Kind::Region,
    ];

    /// Position in [`Kind::ALL`], for per-kind indexes.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The table name used in data files (`[[muscle]]`).
    pub fn data_key(self) -> &'static str {
        match self {
            Kind::Muscle => "muscle",
            Kind::MusclePart => "muscle-part",
            Kind::Bone => "bone",
            Kind::Landmark => "landmark",
            Kind::Tendon => "tendon",
            Kind::Ligament => "ligament",
            Kind::Nerve => "nerve",
            Kind::Root => "root",
            Kind::Artery => "artery",
            Kind::Vein => "vein",
            Kind::Compartment => "compartment",
            Kind::Group => "group",
            Kind::Joint => "joint",
            Kind::Movement => "movement",
            Kind::SkinArea => "skin-area",
            Kind::Dermatome => "dermatome",
            Kind::Reflex => "reflex",
            Kind::Region => "region",
        }
    }

    pub fn from_data_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.data_key() == key)
    }

    /// How a person says it: "a muscle part", "a membrane or ligament".
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Muscle => "muscle",
            Kind::MusclePart => "muscle part",
            Kind::Bone => "bone",
            Kind::Landmark => "landmark",
            Kind::Tendon => "tendon",
            Kind::Ligament => "membrane or ligament",
            Kind::Nerve => "nerve",
            Kind::Root => "spinal root",
            Kind::Artery => "artery",
            Kind::Vein => "vein",
            Kind::Compartment => "compartment",
            Kind::Group => "muscle group",
            Kind::Joint => "joint",
            Kind::Movement => "movement",
            Kind::SkinArea => "skin area",
            Kind::Dermatome => "dermatome",
            Kind::Reflex => "reflex",
            Kind::Region => "region",
        }
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
        match self {
            Kind::Muscle | Kind::MusclePart => &["muscle"],
            Kind::Bone => &["bone"],
            Kind::Tendon => &["tendon"],
            Kind::Ligament => &["ligament", "membrane"],
            Kind::Nerve => &["nerve"],
            Kind::Root => &["root", "spinal nerve"],
            Kind::Artery => &["artery"],
            Kind::Vein => &["vein"],
            Kind::Compartment => &["compartment"],
            Kind::Joint => &["joint"],
            Kind::Dermatome => &["dermatome"],
            Kind::Reflex => &["reflex", "jerk"],
            Kind::Region => &["region"],
            Kind::Landmark | Kind::Group | Kind::Movement | Kind::SkinArea => &[],
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.data_key())
    }
}

/// A set of kinds as a bit mask, for relation signatures and query selectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet(u32);

impl KindSet {
    pub const EMPTY: KindSet = KindSet(0);
    pub const ALL: KindSet = KindSet((1 << Kind::ALL.len()) - 1);

    pub const fn of(kinds: &[Kind]) -> KindSet {
        let mut bits = 0u32;
        let mut i = 0;
        while i < kinds.len() {
            bits |= 1 << kinds[i] as u32;
            i += 1;
        }
        KindSet(bits)
    }

    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    pub fn union(self, other: KindSet) -> KindSet {
        KindSet(self.0 | other.0)
    }

    pub fn intersect(self, other: KindSet) -> KindSet {
        KindSet(self.0 & other.0)
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

impl Relation {
    pub const ALL: [Relation; 18] = [
        Relation::OriginatesFrom,
        Relation::InsertsInto,
        Relation::InnervatedBy,
        Relation::SuppliedBy,
        Relation::DrainedBy,
        Relation::BranchOf,
        Relation::TributaryOf,
        Relation::ContinuesAs,
        Relation::RootOf,
        Relation::PartOf,
        Relation::AttachesTo,
        Relation::LocatedIn,
        Relation::MemberOf,
        Relation::Performs,
        Relation::OccursAt,
        Relation::Articulates,
        Relation::Involves,
        Relation::MediatedBy,
    ];

    pub fn forward_name(self) -> &'static str {
        match self {
            Relation::OriginatesFrom => "originates-from",
            Relation::InsertsInto => "inserts-into",
            Relation::InnervatedBy => "innervated-by",
            Relation::SuppliedBy => "supplied-by",
            Relation::DrainedBy => "drained-by",
            Relation::BranchOf => "branch-of",
            Relation::TributaryOf => "tributary-of",
            Relation::ContinuesAs => "continues-as",
            Relation::RootOf => "root-of",
            Relation::PartOf => "part-of",
            Relation::AttachesTo => "attaches-to",
            Relation::LocatedIn => "located-in",
            Relation::MemberOf => "member-of",
            Relation::Performs => "performs",
            Relation::OccursAt => "occurs-at",
            Relation::Articulates => "articulates",
            Relation::Involves => "involves",
            Relation::MediatedBy => "mediated-by",
        }
    }

    pub fn inverse_name(self) -> &'static str {
        match self {
            Relation::OriginatesFrom => "origin-of",
            Relation::InsertsInto => "insertion-of",
            Relation::InnervatedBy => "innervates",
            Relation::SuppliedBy => "supplies",
            Relation::DrainedBy => "drains",
            Relation::BranchOf => "has-branch",
            Relation::TributaryOf => "receives",
            Relation::ContinuesAs => "continuation-of",
            Relation::RootOf => "has-root",
            Relation::PartOf => "has-part",
            Relation::AttachesTo => "attachment-of",
            Relation::LocatedIn => "contains",
            Relation::MemberOf => "has-member",
            Relation::Performs => "performed-by",
            Relation::OccursAt => "allows",
            Relation::Articulates => "articulates-in",
            Relation::Involves => "involved-in",
            Relation::MediatedBy => "mediates",
        }
    }

    pub fn name(self, direction: Direction) -> &'static str {
        match direction {
            Direction::Forward => self.forward_name(),
            Direction::Inverse => self.inverse_name(),
        }
    }

    /// Parses either spelling.
    pub fn from_name(name: &str) -> Option<(Relation, Direction)> {
        Relation::ALL.into_iter().find_map(|r| {
            if r.forward_name() == name {
                Some((r, Direction::Forward))
            } else if r.inverse_name() == name {
                Some((r, Direction::Inverse))
            } else {
                None
            }
        })
    }

    /// Every accepted spelling, forward then inverse, for completion and errors.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        Relation::ALL
            .into_iter()
            .map(Relation::forward_name)
            .chain(Relation::ALL.into_iter().map(Relation::inverse_name))
    }

    /// Kinds allowed as the subject of the forward fact.
    pub fn domain(self) -> KindSet {
        match self {
            Relation::OriginatesFrom | Relation::InsertsInto => MUSCLES,
            Relation::InnervatedBy => MUSCLES.union(KindSet::of(&[
                Kind::Joint,
                Kind::Bone,
                Kind::SkinArea,
                Kind::Dermatome,
            ])),
            Relation::SuppliedBy => SUPPLIED,
            Relation::DrainedBy => SUPPLIED,
            Relation::BranchOf => KindSet::of(&[Kind::Nerve, Kind::Artery]),
            Relation::TributaryOf => KindSet::of(&[Kind::Vein]),
            Relation::ContinuesAs => KindSet::of(&[Kind::Nerve, Kind::Artery, Kind::Vein]),
            Relation::RootOf => KindSet::of(&[Kind::Root]),
            Relation::PartOf => KindSet::of(&[
                Kind::Landmark,
                Kind::MusclePart,
                Kind::Bone,
                Kind::Compartment,
                Kind::Nerve,
                Kind::Artery,
                Kind::Vein,
                Kind::Region,
            ]),
            Relation::AttachesTo => KindSet::of(&[Kind::Tendon, Kind::Ligament]),
            Relation::LocatedIn => KindSet::of(&[
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
            Relation::MemberOf => MUSCLES,
            Relation::Performs => MUSCLES,
            Relation::OccursAt => KindSet::of(&[Kind::Movement]),
            Relation::Articulates => KindSet::of(&[Kind::Joint]),
            Relation::Involves => KindSet::of(&[Kind::Reflex]),
            Relation::MediatedBy => KindSet::of(&[Kind::Reflex]),
        }
    }

    /// Kinds allowed as the object of the forward fact.
    pub fn range(self) -> KindSet {
        match self {
            Relation::OriginatesFrom | Relation::InsertsInto => ATTACHMENTS,
            Relation::InnervatedBy => KindSet::of(&[Kind::Nerve, Kind::Root]),
            Relation::SuppliedBy => KindSet::of(&[Kind::Artery]),
            Relation::DrainedBy => KindSet::of(&[Kind::Vein]),
            Relation::BranchOf => KindSet::of(&[Kind::Nerve, Kind::Artery]),
            Relation::TributaryOf => KindSet::of(&[Kind::Vein]),
            Relation::ContinuesAs => KindSet::of(&[Kind::Nerve, Kind::Artery, Kind::Vein]),
            Relation::RootOf => KindSet::of(&[Kind::Nerve]),
            Relation::PartOf => KindSet::of(&[
                Kind::Bone,
                Kind::Muscle,
                Kind::Compartment,
                Kind::Landmark,
                Kind::Nerve,
                Kind::Artery,
                Kind::Vein,
                Kind::Region,
            ]),
            Relation::AttachesTo => KindSet::of(&[Kind::Landmark, Kind::Bone]),
            Relation::LocatedIn => KindSet::of(&[Kind::Compartment, Kind::Region]),
            Relation::MemberOf => KindSet::of(&[Kind::Group]),
            Relation::Performs => KindSet::of(&[Kind::Movement]),
            Relation::OccursAt => KindSet::of(&[Kind::Joint]),
            Relation::Articulates => KindSet::of(&[Kind::Bone, Kind::Landmark]),
            Relation::Involves => MUSCLES.union(KindSet::of(&[Kind::Tendon])),
            Relation::MediatedBy => KindSet::of(&[Kind::Nerve, Kind::Root]),
        }
    }

    /// Whether a subject's facts of this relation to two structures of the same kind are
    /// rival claims (a muscle has one nerve, a branch one parent) rather than complements
    /// (a muscle has several origins, a reflex several muscles).
    pub fn has_rivals(self) -> bool {
        matches!(
            self,
            Relation::InnervatedBy
                | Relation::BranchOf
                | Relation::TributaryOf
                | Relation::ContinuesAs
                | Relation::PartOf
                | Relation::LocatedIn
        )
    }

    /// Whether a fact may join these two kinds, beyond the domain and range: a part is
    /// part of a whole of its own family (a nerve's division is part of a nerve, never
    /// of an artery).
    pub fn joins(self, subject: Kind, object: Kind) -> bool {
        if self != Relation::PartOf {
            return true;
        }
        match subject {
            Kind::Nerve | Kind::Artery | Kind::Vein | Kind::Bone => subject == object,
            Kind::MusclePart => object == Kind::Muscle,
            Kind::Landmark => matches!(object, Kind::Bone | Kind::Landmark),
            Kind::Compartment => matches!(object, Kind::Compartment | Kind::Region),
            Kind::Region => object == Kind::Region,
            _ => false,
        }
    }

    /// Whether subject and object may be of the same kind and must not form a cycle.
    pub fn is_hierarchy(self) -> bool {
        matches!(
            self,
            Relation::BranchOf | Relation::PartOf | Relation::TributaryOf | Relation::ContinuesAs
        )
    }

    /// Whether both ends are always of the same kind (a nerve's branch is a nerve).
    pub fn same_kind_only(self) -> bool {
        matches!(
            self,
            Relation::BranchOf | Relation::ContinuesAs | Relation::TributaryOf
        )
    }

    /// How a `*` query descends from a target to what lies "under" it, if at all.
    /// `Inverse` means: from X, step to the subjects of facts `? rel X`.
    pub fn descent(self) -> Option<Direction> {
        match self {
            // branches of a nerve or artery; parts of a bone; tendons attached to a landmark;
            // movements at a joint; veins draining into a vein
            Relation::BranchOf
            | Relation::PartOf
            | Relation::AttachesTo
            | Relation::OccursAt
            | Relation::TributaryOf => Some(Direction::Inverse),
            // the femoral artery continues as the popliteal: the popliteal is "under" it
            Relation::ContinuesAs => Some(Direction::Forward),
            _ => None,
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.forward_name())
    }
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

/// Text in the graph: borrowed from the build-time snapshot of the bundled data (no
/// allocation when fascia starts), owned when loaded from files at run time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text(std::borrow::Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(std::borrow::Cow::Owned(s))
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text(std::borrow::Cow::Owned(s.clone()))
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Text {
        Text(std::borrow::Cow::Borrowed(s))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Index of a source in [`crate::graph::Atlas::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SourceId(pub u32);

/// How much a source counts when references disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quality {
    /// A textbook, atlas, encyclopedia or reviewed teaching site.
    #[default]
    Standard,
    /// A blog, an abstract, a forum or an unsourced mirror: cited last, and never
    /// enough on its own to make a fact the standard statement.
    Weak,
}

/// A reference work a fact was checked against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    pub url: Option<Text>,
    pub read: Option<Text>,
    pub quality: Quality,
}

/// Where something was declared in a data file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: Text,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Identifiers in other anatomy resources, so others can join their data with ours.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Xref {
    /// Foundational Model of Anatomy, digits only (`22542`).
    pub fma: Option<Text>,
    /// Terminologia Anatomica 1998 (`A04.7.02.047`).
    pub ta98: Option<Text>,
    /// Terminologia Anatomica 2nd edition, its term number (`2660`).
    pub ta2: Option<Text>,
    pub uberon: Option<Text>,
    pub wikidata: Option<Text>,
    /// The reference the ids were read in.
    pub source: Option<SourceId>,
}

/// The resources a cross-reference id can belong to, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XrefScheme {
    Fma,
    Ta98,
    Ta2,
    Uberon,
    Wikidata,
}

impl XrefScheme {
    pub const ALL: [XrefScheme; 5] = [
        XrefScheme::Fma,
        XrefScheme::Ta98,
        XrefScheme::Ta2,
        XrefScheme::Uberon,
        XrefScheme::Wikidata,
    ];

    /// The key in data files, JSON, GraphML and CSV (`fma`, `ta98`, …).
    pub fn key(self) -> &'static str {
        match self {
            XrefScheme::Fma => "fma",
            XrefScheme::Ta98 => "ta98",
            XrefScheme::Ta2 => "ta2",
            XrefScheme::Uberon => "uberon",
            XrefScheme::Wikidata => "wikidata",
        }
    }

    /// How a reader names the resource (`FMA 22542`, `TA98 A04.7.02.047`).
    pub fn label(self) -> &'static str {
        match self {
            XrefScheme::Fma => "FMA",
            XrefScheme::Ta98 => "TA98",
            XrefScheme::Ta2 => "TA2",
            XrefScheme::Uberon => "UBERON",
            XrefScheme::Wikidata => "Wikidata",
        }
    }

    /// Whether `id` has this resource's form; ids of another form are data errors.
    pub fn accepts(self, id: &str) -> bool {
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
        match self {
            XrefScheme::Fma | XrefScheme::Ta2 => digits(id),
            // A, then groups of 2, 1, 2 and 3 digits: A04.7.02.047
            XrefScheme::Ta98 => id.strip_prefix('A').is_some_and(|rest| {
                let parts: Vec<&str> = rest.split('.').collect();
                parts.len() == 4
                    && parts
                        .iter()
                        .zip([2, 1, 2, 3])
                        .all(|(p, n)| p.len() == n && digits(p))
            }),
            XrefScheme::Uberon => id.strip_prefix("UBERON:").is_some_and(digits),
            XrefScheme::Wikidata => id.strip_prefix('Q').is_some_and(digits),
        }
    }

    /// The id's IRI in its own resource, where it has one.
    pub fn link(self, id: &str) -> Option<String> {
        match self {
            XrefScheme::Fma => Some(format!("http://purl.org/sig/ont/fma/fma{id}")),
            XrefScheme::Uberon => id
                .strip_prefix("UBERON:")
                .map(|n| format!("http://purl.obolibrary.org/obo/UBERON_{n}")),
            XrefScheme::Wikidata => Some(format!("http://www.wikidata.org/entity/{id}")),
            XrefScheme::Ta98 | XrefScheme::Ta2 => None,
        }
    }
}

impl Xref {
    pub fn is_empty(&self) -> bool {
        self.ids().next().is_none()
    }

    pub fn get(&self, scheme: XrefScheme) -> Option<&Text> {
        match scheme {
            XrefScheme::Fma => self.fma.as_ref(),
            XrefScheme::Ta98 => self.ta98.as_ref(),
            XrefScheme::Ta2 => self.ta2.as_ref(),
            XrefScheme::Uberon => self.uberon.as_ref(),
            XrefScheme::Wikidata => self.wikidata.as_ref(),
        }
    }

    pub fn set(&mut self, scheme: XrefScheme, id: Option<Text>) {
        let slot = match scheme {
            XrefScheme::Fma => &mut self.fma,
            XrefScheme::Ta98 => &mut self.ta98,
            XrefScheme::Ta2 => &mut self.ta2,
            XrefScheme::Uberon => &mut self.uberon,
            XrefScheme::Wikidata => &mut self.wikidata,
        };
        *slot = id;
    }

    /// The known ids, in [`XrefScheme::ALL`] order.
    pub fn ids(&self) -> impl Iterator<Item = (XrefScheme, &Text)> {
        XrefScheme::ALL
            .into_iter()
            .filter_map(|s| self.get(s).map(|id| (s, id)))
    }
}

/// A node: one anatomical structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub id: Text,
    pub kind: Kind,
    pub name: Text,
    pub latin: Option<Text>,
    pub aliases: Vec<Text>,
    pub notes: Vec<Text>,
    pub xref: Xref,
    /// Sources for the descriptive fields (name, Latin name, notes).
    pub sources: Vec<SourceId>,
    pub location: Location,
}

/// For `performs`: whether the muscle is a prime mover or assists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Prime,
    Assisting,
}

/// How a fact stands among the references, where the data states a judgment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The standard statement, even with a single source.
    Standard,
    /// A claim that fewer or weaker references make, beside a standard version.
    Minority,
    /// An anatomical variation stated as a fact.
    Variant,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Minority => "minority",
            Status::Variant => "variant",
        }
    }
}

/// An edge: one sourced fact, always stored in its forward direction.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub relation: Relation,
    pub sources: Vec<SourceId>,
    /// Spinal root levels for innervated-by and mediated-by, as node indexes of roots.
    pub roots: Vec<petgraph::graph::NodeIndex>,
    pub role: Option<Role>,
    pub note: Option<Text>,
    /// The data's judgment of this fact, if it states one; otherwise it is derived
    /// from the sources (see `graph::agreement`).
    pub status: Option<Status>,
    pub location: Location,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_reference_ids_are_held_to_their_resources_forms() {
        use XrefScheme::*;
        for (scheme, good, bad) in [
            (Fma, "22542", "FMA:22542"),
            (Ta98, "A04.7.02.047", "A04.7.2.047"),
            (Ta2, "2660", "TA2660"),
            (Uberon, "UBERON:0001389", "0001389"),
            (Wikidata, "Q1637551", "1637551"),
        ] {
            assert!(scheme.accepts(good), "{good} is a {} id", scheme.label());
            assert!(!scheme.accepts(bad), "{bad} is not a {} id", scheme.label());
        }
        assert!(!Ta98.accepts("A04.7.02.047.1") && !Fma.accepts(""));
        assert_eq!(
            Fma.link("22542").as_deref(),
            Some("http://purl.org/sig/ont/fma/fma22542")
        );
        assert_eq!(Ta98.link("A04.7.02.047"), None);
    }

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
    fn kind_keys_round_trip_and_index_matches_position() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(Kind::from_data_key(kind.data_key()), Some(kind));
            assert_eq!(kind.index(), i);
        }
    }

    #[test]
    fn kind_sets_describe_themselves() {
        let set = KindSet::of(&[Kind::Nerve, Kind::Root]);
        assert_eq!(set.describe(), "a nerve or a spinal root");
        assert!(set.contains(Kind::Root));
        assert!(!set.contains(Kind::Bone));
        assert_eq!(KindSet::ALL.iter().count(), Kind::ALL.len());
    }
}
