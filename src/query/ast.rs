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
    /// Where the range starts: the byte offset of its first character.
    pub start: usize,
    /// Where the range ends: the byte offset just past its last character.
    pub end: usize,
}

impl Span {
    /// The range from `start` up to, not including, `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A parsed query: a statement, and whether it is to be drawn as DOT.
///
/// ```
/// let query = fascia::parse("muscles   innervated-by*  sciatic")?;
/// assert!(!query.dot);
/// // printed in its canonical spelling, which parses back to itself (spans aside)
/// let printed = query.to_string();
/// assert_eq!(printed, "muscles innervated-by* sciatic");
/// assert_eq!(fascia::parse(&printed)?.to_string(), printed);
/// # Ok::<(), fascia::QueryError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// `dot …`: the user asked for Graphviz output for this query.
    pub dot: bool,
    /// What the query asks.
    pub statement: Statement,
}

/// What a query asks: a set of structures, a count, one structure, paths, a
/// neighbourhood, a lesion or findings to localize.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    /// `muscles innervated-by tibial limit 5`: the structures a set expression finds.
    Set {
        /// The structures to find.
        expr: SetExpr,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
        /// `including contributing`: contributing root levels count as well as principal ones.
        contributing: bool,
        /// `limit 5`: list at most this many of them (the answer still says how many
        /// there are).
        limit: Option<usize>,
    },
    /// `count muscles innervated-by tibial`: how many structures a set expression
    /// finds.
    Count {
        /// The structures to count.
        expr: SetExpr,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
        /// `including contributing`: contributing root levels count as well as
        /// principal ones.
        contributing: bool,
        /// `limit 5`: count no higher than this.
        limit: Option<usize>,
    },
    /// `show soleus`: everything about one structure.
    Show(Name),
    /// `path soleus to sciatic via innervated-by, branch-of`: the chain of facts that
    /// best explains how two structures connect.
    Path {
        /// The structure the path starts at.
        from: Name,
        /// The structure the path ends at.
        to: Name,
        /// `via R, R…`: the only relations the path may use; any relation when empty.
        via: Vec<RelationRef>,
    },
    /// `paths soleus to sciatic max 4`: every simple path of up to `max` facts.
    Paths {
        /// The structure the paths start at.
        from: Name,
        /// The structure the paths end at.
        to: Name,
        /// `max N`: the most facts in a path, 1 to [`LARGEST_PATHS_MAX`];
        /// [`DEFAULT_PATHS_MAX`] when not given.
        max: Option<usize>,
        /// `via R, R…`: the only relations the paths may use; any relation when empty.
        via: Vec<RelationRef>,
    },
    /// `why soleus inserts-into* calcaneus`: the chain of facts behind an answer.
    Why {
        /// The structure the answer is about.
        subject: Name,
        /// The relation asked about.
        relation: RelationRef,
        /// `*`: the relation also reaches what lies under its target: branches, parts,
        /// continuations.
        star: bool,
        /// The structure at the relation's other end.
        target: Name,
    },
    /// `around soleus depth 2`: a structure's neighbourhood.
    Around {
        /// The structure at the centre.
        center: Name,
        /// `depth N`: how many facts away to look, 1 to [`LARGEST_DEPTH`];
        /// [`DEFAULT_DEPTH`] when not given.
        depth: Option<usize>,
    },
    /// `lesion radial at "spiral groove"`: what a lesion of a nerve or root takes away.
    Lesion {
        /// The nerve, division, cord, trunk or spinal root injured.
        target: Name,
        /// `at "spiral groove"`: a common site of injury along the nerve.
        at: Option<Name>,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
    },
    /// `localize weak "tibialis anterior" spared "tibialis posterior"`: the single
    /// lesions that best explain the findings.
    Localize {
        /// The signs found and the structures each names, in the order written.
        findings: Vec<FindingGroup>,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
    },
}

/// One sign of `localize` and the structures it names: `weak a, b`.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingGroup {
    /// What was found: weak, spared, numb, a reflex lost, or a bedside sign shown.
    pub sign: Sign,
    /// The structures it was found of, in the order written.
    pub names: Vec<Name>,
    /// Where the sign and its names stand in the query.
    pub span: Span,
}

/// The `max` of `paths` when none is given.
pub const DEFAULT_PATHS_MAX: usize = 4;
/// The largest `max` for `paths`.
pub const LARGEST_PATHS_MAX: usize = 8;
/// The `depth` of `around` when none is given.
pub const DEFAULT_DEPTH: usize = 1;
/// The largest `depth` for `around`.
pub const LARGEST_DEPTH: usize = 4;

/// A set of structures.
#[derive(Debug, Clone, PartialEq)]
pub enum SetExpr {
    /// `muscles innervated-by tibial`: the structures of some kinds, with a condition
    /// on them or none.
    Select {
        /// The kind word: which kinds of structure to start from.
        selector: Selector,
        /// Where the selection (kind word and condition) stands in the query.
        span: Span,
        /// What the structures must satisfy; every structure of the kinds when `None`.
        condition: Option<Condition>,
    },
    /// `A and B`: the structures in both.
    And(Box<SetExpr>, Box<SetExpr>),
    /// `A or B`: the structures in either.
    Or(Box<SetExpr>, Box<SetExpr>),
    /// `A except B`: the structures in `A` and not in `B`.
    Except(Box<SetExpr>, Box<SetExpr>),
}

/// A condition on the structures of one selection.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `innervated-by* sciatic`: the structures that have the relation to the target.
    Atom {
        /// The relation, read the way it was written.
        relation: RelationRef,
        /// `*`: the relation also reaches what lies under its target: branches, parts,
        /// continuations.
        star: bool,
        /// The other end of the relation: one structure, or every structure of a
        /// subquery.
        target: Target,
    },
    /// `not C`: the structures that do not satisfy `C`.
    Not(Box<Condition>),
    /// `C and D`: the structures that satisfy both.
    And(Box<Condition>, Box<Condition>),
    /// `C or D`: the structures that satisfy either.
    Or(Box<Condition>, Box<Condition>),
    /// `C except D`: the structures that satisfy `C` and not `D`.
    Except(Box<Condition>, Box<Condition>),
}

/// The other end of a relation in a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// `sciatic`: one structure, by name.
    Name(Name),
    /// `(muscles located-in lateral-compartment-of-leg)`: every structure a set
    /// expression finds.
    Query(Box<SetExpr>),
}

/// A relation as the user spelled it: which relation, read which way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelationRef {
    /// Which relation.
    pub relation: Relation,
    /// Read forward (`innervated-by`) or inverse (`innervates`).
    pub direction: Direction,
    /// Where the relation word stands in the query.
    pub span: Span,
}

/// A structure name as written: resolved later against the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The name without its quotes.
    pub text: String,
    /// Whether it was written in quotes: keywords, kind words and relation names inside
    /// it are then part of the name.
    pub quoted: bool,
    /// Where the name, quotes included, stands in the query.
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
