//! The typed syntax tree of a query, with the byte span of every part the user wrote so
//! that later errors can underline it. `Display` prints a query that parses back to the
//! same tree.

pub use crate::clinical::Sign;
use crate::graph::model::{Direction, KindSet, Relation};
use crate::graph::vocabulary::{KIND_WORDS, KindWord, kind_word};
use std::fmt;

/// A byte range in the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// `dot …`: the user asked for Graphviz output for this query.
    pub dot: bool,
    pub statement: Statement,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Set {
        expr: SetExpr,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
        /// `including contributing`: contributing root levels count as well as principal ones.
        contributing: bool,
        limit: Option<usize>,
    },
    Count {
        expr: SetExpr,
        disputed: bool,
        contributing: bool,
        limit: Option<usize>,
    },
    Show(Name),
    Path {
        from: Name,
        to: Name,
        via: Vec<RelationRef>,
    },
    Paths {
        from: Name,
        to: Name,
        max: Option<usize>,
        via: Vec<RelationRef>,
    },
    Why {
        subject: Name,
        relation: RelationRef,
        star: bool,
        target: Name,
    },
    Around {
        center: Name,
        depth: Option<usize>,
    },
    /// `lesion radial at "spiral groove"`: what a lesion of a nerve or root takes away.
    Lesion {
        target: Name,
        at: Option<Name>,
        disputed: bool,
    },
    /// `localize weak "tibialis anterior" spared "tibialis posterior"`: the single
    /// lesions that best explain the findings.
    Localize {
        findings: Vec<FindingGroup>,
        disputed: bool,
    },
}

/// One sign of `localize` and the structures it names: `weak a, b`.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingGroup {
    pub sign: Sign,
    pub names: Vec<Name>,
    pub span: Span,
}

/// Default and largest `max` for `paths`.
pub const DEFAULT_PATHS_MAX: usize = 4;
pub const LARGEST_PATHS_MAX: usize = 8;
/// Default and largest `depth` for `around`.
pub const DEFAULT_DEPTH: usize = 1;
pub const LARGEST_DEPTH: usize = 4;

/// A set of structures.
#[derive(Debug, Clone, PartialEq)]
pub enum SetExpr {
    Select {
        selector: Selector,
        span: Span,
        condition: Option<Condition>,
    },
    And(Box<SetExpr>, Box<SetExpr>),
    Or(Box<SetExpr>, Box<SetExpr>),
    Except(Box<SetExpr>, Box<SetExpr>),
}

/// A condition on the structures of one selection.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Atom {
        relation: RelationRef,
        star: bool,
        target: Target,
    },
    Not(Box<Condition>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
    Except(Box<Condition>, Box<Condition>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Name(Name),
    Query(Box<SetExpr>),
}

/// A relation as the user spelled it: which relation, read which way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelationRef {
    pub relation: Relation,
    pub direction: Direction,
    pub span: Span,
}

/// A structure name as written: resolved later against the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub text: String,
    pub quoted: bool,
    pub span: Span,
}

/// A kind word that starts a set query: `muscles`, `nerve`, `heads`. A row of the
/// vocabulary's [`KIND_WORDS`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Selector(usize);

/// `Selector("muscles")`: the word, not the row number.
impl fmt::Debug for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Selector").field(&self.word()).finish()
    }
}

impl Selector {
    /// Every kind word, in the vocabulary's order.
    pub const ALL: [Selector; KIND_WORDS.len()] = {
        let mut all = [Selector(0); KIND_WORDS.len()];
        let mut i = 0;
        while i < KIND_WORDS.len() {
            all[i] = Selector(i);
            i += 1;
        }
        all
    };

    /// The canonical (plural) spelling.
    pub fn word(self) -> &'static str {
        self.entry().word()
    }

    /// Parses any accepted spelling, singular or plural, in any case.
    pub fn from_word(word: &str) -> Option<Selector> {
        kind_word(word).map(Selector)
    }

    /// The kinds this word selects: `muscles` includes heads and parts.
    pub fn kinds(self) -> KindSet {
        self.entry().kinds
    }

    /// Its row in the vocabulary.
    pub fn entry(self) -> &'static KindWord {
        &KIND_WORDS[self.0]
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.dot {
            f.write_str("dot ")?;
        }
        write!(f, "{}", self.statement)
    }
}

impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Statement::Set {
                expr,
                disputed,
                contributing,
                limit,
            } => {
                write!(f, "{expr}")?;
                write_disputed(f, *disputed)?;
                write_contributing(f, *contributing)?;
                write_limit(f, *limit)
            }
            Statement::Count {
                expr,
                disputed,
                contributing,
                limit,
            } => {
                write!(f, "count {expr}")?;
                write_disputed(f, *disputed)?;
                write_contributing(f, *contributing)?;
                write_limit(f, *limit)
            }
            Statement::Show(name) => write!(f, "show {name}"),
            Statement::Path { from, to, via } => {
                write!(f, "path {from} to {to}")?;
                write_via(f, via)
            }
            Statement::Paths { from, to, max, via } => {
                write!(f, "paths {from} to {to}")?;
                if let Some(max) = max {
                    write!(f, " max {max}")?;
                }
                write_via(f, via)
            }
            Statement::Why {
                subject,
                relation,
                star,
                target,
            } => write!(
                f,
                "why {subject} {relation}{} {target}",
                if *star { "*" } else { "" }
            ),
            Statement::Around { center, depth } => {
                write!(f, "around {center}")?;
                if let Some(depth) = depth {
                    write!(f, " depth {depth}")?;
                }
                Ok(())
            }
            Statement::Lesion {
                target,
                at,
                disputed,
            } => {
                write!(f, "lesion {target}")?;
                if let Some(at) = at {
                    write!(f, " at {at}")?;
                }
                write_disputed(f, *disputed)
            }
            Statement::Localize { findings, disputed } => {
                f.write_str("localize")?;
                for group in findings {
                    write!(f, " {}", group.sign.word())?;
                    for (i, name) in group.names.iter().enumerate() {
                        let sep = if i == 0 { " " } else { ", " };
                        write!(f, "{sep}{name}")?;
                    }
                }
                write_disputed(f, *disputed)
            }
        }
    }
}

fn write_disputed(f: &mut fmt::Formatter<'_>, disputed: bool) -> fmt::Result {
    if disputed {
        f.write_str(" including disputed")?;
    }
    Ok(())
}

fn write_contributing(f: &mut fmt::Formatter<'_>, contributing: bool) -> fmt::Result {
    if contributing {
        f.write_str(" including contributing")?;
    }
    Ok(())
}

fn write_limit(f: &mut fmt::Formatter<'_>, limit: Option<usize>) -> fmt::Result {
    match limit {
        Some(n) => write!(f, " limit {n}"),
        None => Ok(()),
    }
}

fn write_via(f: &mut fmt::Formatter<'_>, via: &[RelationRef]) -> fmt::Result {
    if via.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = via.iter().map(ToString::to_string).collect();
    write!(f, " via {}", names.join(", "))
}

impl fmt::Display for SetExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Operands get parentheses only where the grammar needs them (a looser operator
        // below a tighter one, or on the right of its own), so a printed query nests no
        // deeper than the query it came from and stays within the nesting limit.
        let op = |f: &mut fmt::Formatter<'_>, a: &SetExpr, word: &str, b: &SetExpr| {
            let p = self.precedence();
            write!(
                f,
                "{} {word} {}",
                Operand(a, a.precedence() < p),
                Operand(b, b.precedence() <= p)
            )
        };
        match self {
            SetExpr::Select {
                selector,
                condition,
                ..
            } => match condition {
                Some(c) => write!(f, "{} {c}", selector.word()),
                None => f.write_str(selector.word()),
            },
            SetExpr::And(a, b) => op(f, a, "and", b),
            SetExpr::Or(a, b) => op(f, a, "or", b),
            SetExpr::Except(a, b) => op(f, a, "except", b),
        }
    }
}

impl SetExpr {
    /// How tightly the expression binds: `or` < `except` < `and` < a selection.
    fn precedence(&self) -> u8 {
        match self {
            SetExpr::Or(..) => 1,
            SetExpr::Except(..) => 2,
            SetExpr::And(..) => 3,
            SetExpr::Select { .. } => 4,
        }
    }
}

impl Condition {
    /// How tightly the condition binds: `or` < `except` < `and` < `not` < an atom.
    fn precedence(&self) -> u8 {
        match self {
            Condition::Or(..) => 1,
            Condition::Except(..) => 2,
            Condition::And(..) => 3,
            Condition::Not(_) => 4,
            Condition::Atom { .. } => 5,
        }
    }
}

/// A set expression or condition, in parentheses when `.1` says so.
struct Operand<'a, T>(&'a T, bool);

impl<T: fmt::Display> fmt::Display for Operand<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.1 {
            write!(f, "({})", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = |f: &mut fmt::Formatter<'_>, a: &Condition, word: &str, b: &Condition| {
            let p = self.precedence();
            write!(
                f,
                "{} {word} {}",
                Operand(a, a.precedence() < p),
                Operand(b, b.precedence() <= p)
            )
        };
        match self {
            Condition::Atom {
                relation,
                star,
                target,
            } => write!(f, "{relation}{} {target}", if *star { "*" } else { "" }),
            Condition::Not(c) => write!(f, "not {}", Operand(&**c, c.precedence() < 4)),
            Condition::And(a, b) => op(f, a, "and", b),
            Condition::Or(a, b) => op(f, a, "or", b),
            Condition::Except(a, b) => op(f, a, "except", b),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Name(n) => write!(f, "{n}"),
            Target::Query(q) => write!(f, "({q})"),
        }
    }
}

impl fmt::Display for RelationRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.relation.name(self.direction))
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Quote unless the text is one plain ASCII word, so keywords inside names
        // survive, and so does a character the grammar does not take in a bare name
        // (`x²`: `²` is numeric but not a letter)
        let plain = self
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && self
                .text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !is_reserved(&self.text);
        if plain {
            f.write_str(&self.text)
        } else if self.text.contains('"') {
            write!(f, "'{}'", self.text)
        } else {
            write!(f, "\"{}\"", self.text)
        }
    }
}

/// Words that cannot stand unquoted as a name.
fn is_reserved(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "and"
            | "or"
            | "not"
            | "except"
            | "to"
            | "via"
            | "max"
            | "limit"
            | "depth"
            | "including"
            | "at"
    ) || Relation::from_name(&w).is_some()
        || Sign::from_word(&w).is_some()
}
