//! One vocabulary: every kind of structure and every relation, in tables. A kind has
//! its key in data files and its noun ([`KINDS`]); the words a query selects kinds by
//! have a help line each ([`KIND_WORDS`]); a relation ([`RELATIONS`]) has its forward
//! and inverse words, the kinds at each end, how `*` follows it and a help line. The
//! loaders, the query parser and resolver, the shell's completion and help and the
//! README's tables all read these tables; `tests/vocabulary.rs` checks that the grammar
//! (which spells the words itself, as pest needs) and the README agree with them.
//!
//! A new kind is a variant of [`Kind`], a row of [`KINDS`] and a row of [`KIND_WORDS`]
//! (and the word in the grammar); a new relation a variant of [`Relation`] and a row of
//! [`RELATIONS`]. Sets of kinds grow with them.

mod kinds;
mod relations;

pub use kinds::{KIND_WORDS, KINDS};
pub use relations::RELATIONS;
use serde::Serialize;
use std::fmt;

/// What a structure is. Data files and queries name kinds by the words of [`KINDS`];
/// the engine only ever compares these values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Kind {
    /// A whole muscle: `soleus`, `biceps-brachii`.
    Muscle,
    /// A head or part of a muscle, `part-of` it: the long head of biceps brachii.
    MusclePart,
    /// A bone, whole (the hip bone) or one of its parts (the ilium).
    Bone,
    /// A named place on a bone: a condyle, line, tuberosity, surface or foramen.
    Landmark,
    /// A tendon that carries a muscle to its bone: the calcaneal tendon.
    Tendon,
    /// A ligament or membrane between bones (`[[ligament]]`, or `[[membrane]]` in data
    /// files).
    Ligament,
    /// A nerve or one of its branches; also a plexus and its trunks, divisions and
    /// cords.
    Nerve,
    /// A spinal root, one segmental level (`c5`, `l4`, `s1`): the levels nerves carry.
    Root,
    /// An artery or one of its branches.
    Artery,
    /// A vein or one of its tributaries.
    Vein,
    /// A fascial compartment of a limb segment: the superficial posterior compartment
    /// of the leg.
    Compartment,
    /// Muscles grouped by action or place: the hamstrings, the extraocular muscles.
    Group,
    /// A joint, with the bones it joins.
    Joint,
    /// A movement at a joint: flexion of the knee, elevation of the eyeball.
    Movement,
    /// An area of skin a cutaneous nerve supplies (`[[skin-area]]`, or `[[skin]]` in
    /// data files).
    SkinArea,
    /// The skin supplied by one spinal root: the L4 dermatome.
    Dermatome,
    /// A reflex — a tendon reflex (the ankle jerk), a superficial one (the abdominal)
    /// or a cranial one (the corneal) — with the muscles it tests and the nerves and
    /// roots it runs through.
    Reflex,
    /// A region of the body: a limb, the femoral triangle, the axilla.
    Region,
    /// A gland a nerve makes secrete: the lacrimal, parotid or submandibular gland.
    Gland,
    /// A sense a nerve carries beyond the skin: taste, hearing, vision, smell.
    Sense,
}

/// One row of [`KINDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindEntry {
    /// The kind this row describes.
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

    /// The kind whose table name in data files is `key` (`muscle-part`), if any.
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
    /// No kind at all.
    pub const EMPTY: KindSet = KindSet([0; KIND_WORDS_IN_SET]);
    /// Every kind.
    pub const ALL: KindSet = KindSet::of(&Kind::ALL);

    /// The set of exactly these kinds; usable in constants.
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

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: Kind) -> bool {
        let k = kind as usize;
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    /// The kinds in either set.
    pub const fn union(self, other: KindSet) -> KindSet {
        let mut bits = self.0;
        let mut i = 0;
        while i < KIND_WORDS_IN_SET {
            bits[i] |= other.0[i];
            i += 1;
        }
        KindSet(bits)
    }

    /// The kinds in both sets.
    pub const fn intersect(self, other: KindSet) -> KindSet {
        let mut bits = self.0;
        let mut i = 0;
        while i < KIND_WORDS_IN_SET {
            bits[i] &= other.0[i];
            i += 1;
        }
        KindSet(bits)
    }

    /// Whether the set holds no kind.
    pub fn is_empty(self) -> bool {
        self == KindSet::EMPTY
    }

    /// The kinds in the set, in the order of [`KINDS`].
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

    /// "nerve or spinal root", without articles, for "unknown nerve or spinal root".
    pub fn describe_plain(self) -> String {
        let words: Vec<&str> = self.iter().map(Kind::noun).collect();
        match words.as_slice() {
            [] => "structure".to_string(),
            [one] => one.to_string(),
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
#[non_exhaustive]
pub enum Relation {
    /// A muscle or head arises from a bone, landmark, tendon or ligament
    /// (`originates-from`, inverse `origin-of`).
    OriginatesFrom,
    /// A muscle or head ends on what it pulls on: a bone, landmark, tendon or ligament
    /// (`inserts-into`, inverse `insertion-of`).
    InsertsInto,
    /// A muscle, joint, bone, skin area, dermatome, gland or sense is supplied by a
    /// nerve or spinal root (`innervated-by`, inverse `innervates`); the fact may give
    /// root levels.
    InnervatedBy,
    /// A structure gets its blood from an artery (`supplied-by`, inverse `supplies`).
    SuppliedBy,
    /// A structure's blood leaves it by a vein (`drained-by`, inverse `drains`).
    DrainedBy,
    /// A nerve or artery leaves a larger one of its kind (`branch-of`, inverse
    /// `has-branch`).
    BranchOf,
    /// A vein drains into a larger vein (`tributary-of`, inverse `receives`).
    TributaryOf,
    /// A nerve or vessel takes another name further along: the femoral artery continues
    /// as the popliteal (`continues-as`, inverse `continuation-of`).
    ContinuesAs,
    /// A spinal root gives fibres to a nerve (`root-of`, inverse `has-root`).
    RootOf,
    /// A part belongs to a whole of its own family: a landmark to its bone, a head to
    /// its muscle, a division to its nerve (`part-of`, inverse `has-part`).
    PartOf,
    /// A tendon or ligament is fixed to a bone or landmark (`attaches-to`, inverse
    /// `attachment-of`).
    AttachesTo,
    /// A structure lies in a compartment, region or gland (`located-in`, inverse
    /// `contains`).
    LocatedIn,
    /// A muscle belongs to a muscle group (`member-of`, inverse `has-member`).
    MemberOf,
    /// A muscle makes a movement, as prime mover or assisting (`performs`, inverse
    /// `performed-by`).
    Performs,
    /// A movement happens at a joint (`occurs-at`, inverse `allows`).
    OccursAt,
    /// A joint joins bones or their articular surfaces (`articulates`, inverse
    /// `articulates-in`).
    Articulates,
    /// A reflex tests muscles and a tendon (`involves`, inverse `involved-in`).
    Involves,
    /// A reflex runs through a nerve and spinal roots (`mediated-by`, inverse
    /// `mediates`).
    MediatedBy,
    /// A structure runs through an opening or passage: a foramen, canal, fissure,
    /// region or compartment (`passes-through`, inverse `transmits`).
    PassesThrough,
}

/// Which way a relation is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// As stated from the subject: `soleus innervated-by tibial-nerve`.
    Forward,
    /// As read from the object: `tibial-nerve innervates soleus`.
    Inverse,
}

impl Direction {
    /// The other direction.
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

/// One row of [`RELATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationEntry {
    /// The relation this row describes.
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

    /// The name as stated from the subject: `innervated-by`.
    pub fn forward_name(self) -> &'static str {
        self.info().forward
    }

    /// The name as read from the object: `innervates`.
    pub fn inverse_name(self) -> &'static str {
        self.info().inverse
    }

    /// The name read in `direction`.
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
mod tests;
