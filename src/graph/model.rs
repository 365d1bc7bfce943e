//! The parts of the graph: structures, sourced facts, their sources and positions.
//! Kinds and relations, with their words, are in [`super::vocabulary`].

pub use super::vocabulary::{Direction, Kind, KindSet, Relation};
use serde::Serialize;
use std::fmt;

/// Text in the graph: borrowed from the build-time snapshot of the bundled data (no
/// allocation when fascia starts), owned when loaded from files at run time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text(std::borrow::Cow<'static, str>);

impl Text {
    /// The text as a string slice.
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

/// Index of a source in [`crate::Atlas::sources`].
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

/// Where a reference work stands when references disagree (see README, "The canon").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// A standard text: the textbooks, atlases and teaching references students are
    /// examined on. What the canon teaches is the default answer.
    Canon,
    /// An encyclopedia, dictionary, course page or specialist site: it decides only
    /// where no canon work speaks.
    Secondary,
    /// A blog, an abstract, a forum or an unsourced mirror: cited, never counted.
    Weak,
}

impl Tier {
    /// Every tier, from the one that counts most.
    pub const ALL: [Tier; 3] = [Tier::Canon, Tier::Secondary, Tier::Weak];

    /// The tier's word in data files and outputs: `canon`, `secondary`, `weak`.
    pub fn word(self) -> &'static str {
        match self {
            Tier::Canon => "canon",
            Tier::Secondary => "secondary",
            Tier::Weak => "weak",
        }
    }
}

/// Index of a work in [`crate::Atlas::works`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct WorkId(pub u32);

/// A reference work (a textbook and edition, an atlas, a teaching site) that sources are
/// pages, sections or copies of: agreement counts works, not pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Work {
    /// The work's id, unique among works, that a source names with `work`: `gray-1918`.
    pub id: Text,
    /// The work as it is cited: title, edition.
    pub title: Text,
    /// Where the work stands in the canon.
    pub tier: Tier,
}

/// A reference a fact was checked against: a page, section or copy of a work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The source's id, unique among sources, that facts cite: `wp-plantaris`.
    pub id: Text,
    /// The title of the page or section: `Plantaris muscle`.
    pub title: Text,
    /// Publisher or author: `Wikipedia`.
    pub publisher: Text,
    /// Its address, where it is on the web.
    pub url: Option<Text>,
    /// The date the source was read, `YYYY-MM-DD`.
    pub read: Option<Text>,
    /// Whether the source counts as standard or weak.
    pub quality: Quality,
    /// The work this source is part of, where the canon table names it (an index into
    /// the atlas's works: serialised by the output layer, which knows them).
    #[serde(skip)]
    pub work: Option<WorkId>,
}

/// Where something was declared in a data file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The name of the file, as the loader was given it.
    pub file: Text,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in bytes from the start of the line.
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
    /// UBERON, the cross-species anatomy ontology (`UBERON:0001389`).
    pub uberon: Option<Text>,
    /// Wikidata, its item (`Q1637551`).
    pub wikidata: Option<Text>,
    /// The reference the ids were read in.
    pub source: Option<SourceId>,
    /// The reference the UBERON id was read in, where it is not `source` (an id
    /// matched in an Uberon release beside ids read in a page).
    pub uberon_source: Option<SourceId>,
}

/// The resources a cross-reference id can belong to, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XrefScheme {
    /// The Foundational Model of Anatomy (`fma`).
    Fma,
    /// Terminologia Anatomica 1998 (`ta98`).
    Ta98,
    /// Terminologia Anatomica, 2nd edition (`ta2`).
    Ta2,
    /// UBERON, the cross-species anatomy ontology (`uberon`).
    Uberon,
    /// Wikidata (`wikidata`).
    Wikidata,
}

impl XrefScheme {
    /// Every resource, in the order they are shown.
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
    /// Whether no id is known.
    pub fn is_empty(&self) -> bool {
        self.ids().next().is_none()
    }

    /// The id in one resource, if known.
    pub fn get(&self, scheme: XrefScheme) -> Option<&Text> {
        match scheme {
            XrefScheme::Fma => self.fma.as_ref(),
            XrefScheme::Ta98 => self.ta98.as_ref(),
            XrefScheme::Ta2 => self.ta2.as_ref(),
            XrefScheme::Uberon => self.uberon.as_ref(),
            XrefScheme::Wikidata => self.wikidata.as_ref(),
        }
    }

    /// Sets the id in one resource, or clears it with `None`.
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

    /// The reference a scheme's id was read in.
    pub fn source_of(&self, scheme: XrefScheme) -> Option<SourceId> {
        match scheme {
            XrefScheme::Uberon => self.uberon_source.or(self.source),
            _ => self.source,
        }
    }

    /// The known ids, in [`XrefScheme::ALL`] order.
    pub fn ids(&self) -> impl Iterator<Item = (XrefScheme, &Text)> {
        XrefScheme::ALL
            .into_iter()
            .filter_map(|s| self.get(s).map(|id| (s, id)))
    }
}

/// How many structures carry a cross-reference id: any at all, and each resource's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XrefCoverage {
    /// How many structures were counted.
    pub structures: usize,
    /// How many of them have at least one id.
    pub any: usize,
    /// In [`XrefScheme::ALL`] order.
    pub by_scheme: [usize; XrefScheme::ALL.len()],
}

impl XrefCoverage {
    /// Counts the ids of these structures.
    pub fn of<'a>(structures: impl IntoIterator<Item = &'a Structure>) -> XrefCoverage {
        let mut c = XrefCoverage::default();
        for s in structures {
            c.structures += 1;
            c.any += usize::from(!s.xref.is_empty());
            for (i, scheme) in XrefScheme::ALL.into_iter().enumerate() {
                c.by_scheme[i] += usize::from(s.xref.get(scheme).is_some());
            }
        }
        c
    }
}

/// `341 of 922 structures (FMA 320, TA98 308, TA2 235, UBERON 14)`: resources no
/// structure has an id in are left out.
impl fmt::Display for XrefCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {} structures", self.any, self.structures)?;
        let each: Vec<String> = XrefScheme::ALL
            .into_iter()
            .zip(self.by_scheme)
            .filter(|(_, n)| *n > 0)
            .map(|(scheme, n)| format!("{} {n}", scheme.label()))
            .collect();
        if !each.is_empty() {
            write!(f, " ({})", each.join(", "))?;
        }
        Ok(())
    }
}

/// A node: one anatomical structure.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Structure {
    /// The structure's id, unique in the atlas: `soleus`.
    pub id: Text,
    /// What the structure is.
    pub kind: Kind,
    /// Its English name, as shown: `Soleus`.
    pub name: Text,
    /// Its Latin name, where the data gives one: `Musculus soleus`.
    pub latin: Option<Text>,
    /// Other names it is found by: `plantaris muscle`.
    pub aliases: Vec<Text>,
    /// Free-text remarks shown with it: `Absent in about 8–12% of people.`
    pub notes: Vec<Text>,
    /// Its ids in other anatomy resources.
    pub xref: Xref,
    /// Sources for the descriptive fields (name, Latin name, notes).
    pub sources: Vec<SourceId>,
    /// Where it was declared.
    pub location: Location,
}

/// For `performs`: whether the muscle is a prime mover or assists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A prime mover: a muscle mainly responsible for the movement.
    Prime,
    /// A muscle that assists the movement.
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
    /// The status's word in data files: `standard`, `minority`, `variant`.
    pub fn word(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Minority => "minority",
            Status::Variant => "variant",
        }
    }
}

/// Where a fact was stated, compactly: the file as an index into the atlas's file
/// names, and the 1-based line and column. [`crate::Atlas::location`] gives the
/// full [`Location`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Position {
    /// The file, as an index into the atlas's file names.
    pub file: u32,
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1.
    pub column: u32,
}

/// Index of a fact's note among the atlas's notes: [`crate::Atlas::note`]
/// gives its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoteId(pub u32);

/// An edge: one sourced fact, always stored in its forward direction. Kept small (a
/// million facts are a million of these): texts are indexes into the atlas's side
/// tables, lists are boxed slices (no allocation when empty).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Fact {
    /// What the fact states, read from its subject.
    pub relation: Relation,
    /// The references the fact was checked against.
    pub sources: Box<[SourceId]>,
    /// Spinal root levels for innervated-by and mediated-by, as node indexes of roots:
    /// the principal levels the reference gives, then the `contributing` ones.
    pub roots: Box<[crate::id::StructureId]>,
    /// How many of the last `roots` the reference gives as contributing levels.
    pub contributing: u8,
    /// A minor share of the supply (a twig to a small part of the structure).
    pub minor: bool,
    /// For `performs`: prime mover or assisting; `None` for other relations.
    pub role: Option<Role>,
    /// The fact's note, if it has one: read it with [`crate::Atlas::note`].
    pub note: Option<NoteId>,
    /// The data's judgment of this fact, if it states one; otherwise it is derived
    /// from the sources (see `graph::agreement`).
    pub status: Option<Status>,
    /// Where the fact was stated: read it with [`crate::Atlas::location`].
    pub position: Position,
}

impl Fact {
    /// The levels the reference gives as principal.
    pub fn principal_roots(&self) -> &[crate::id::StructureId] {
        let n = self.roots.len().saturating_sub(self.contributing as usize);
        &self.roots[..n]
    }

    /// The levels the reference gives as contributing.
    pub fn contributing_roots(&self) -> &[crate::id::StructureId] {
        let n = self.roots.len().saturating_sub(self.contributing as usize);
        &self.roots[n..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_counts_structures_with_ids_and_each_resources_ids() {
        let structure = |fma: Option<&str>, ta98: Option<&str>| Structure {
            id: "x".into(),
            kind: Kind::Muscle,
            name: "X".into(),
            latin: None,
            aliases: Vec::new(),
            notes: Vec::new(),
            xref: Xref {
                fma: fma.map(|s| Text::from(s.to_string())),
                ta98: ta98.map(|s| Text::from(s.to_string())),
                ..Xref::default()
            },
            sources: Vec::new(),
            location: Location {
                file: "t".into(),
                line: 1,
                column: 1,
            },
        };
        let all = [
            structure(Some("1"), Some("A04.7.02.047")),
            structure(Some("2"), None),
            structure(None, None),
        ];
        let c = XrefCoverage::of(&all);
        assert_eq!((c.structures, c.any), (3, 2));
        assert_eq!(c.to_string(), "2 of 3 structures (FMA 2, TA98 1)");
        assert_eq!(XrefCoverage::of(&all[2..]).to_string(), "0 of 1 structures");
    }

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
}
