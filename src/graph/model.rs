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
    // no `skip_serializing_if` here: the build-time snapshot format needs every field
    pub fma: Option<Text>,
    pub uberon: Option<Text>,
    pub wikidata: Option<Text>,
}

impl Xref {
    pub fn is_empty(&self) -> bool {
        self.fma.is_none() && self.uberon.is_none() && self.wikidata.is_none()
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
