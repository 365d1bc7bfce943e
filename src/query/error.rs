//! Errors in queries, with spans into the query text. They are data: rendering to a
//! terminal happens in the CLI and the REPL.

use super::ast::Span;
use crate::graph::model::{Kind, KindSet};
use std::fmt;
use thiserror::Error;

/// Why a query could not be answered. Spans are byte ranges in the query text; render
/// them with [`QueryError::render`].
///
/// ```
/// let atlas = fascia::bundled()?;
/// let query = "muscles innervated-by tibail";
/// let error = fascia::run(&atlas, query).unwrap_err();
/// assert!(matches!(error, fascia::QueryError::UnknownName { .. }));
/// // the message, the query with a caret under the name, and what would fit
/// let text = error.render(query);
/// assert!(text.contains("                      ^^^^^^"), "{text}");
/// assert!(text.contains("tibial"), "{text}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Error)]
// more reasons may come: a match outside fascia needs a `_` arm
#[non_exhaustive]
pub enum QueryError {
    /// `` (nothing but spaces)
    #[error("empty query")]
    Empty,
    /// `muscles innervated-by` (no target)
    #[error("syntax error: expected {}", join_or(expected))]
    Syntax {
        /// Where the parser stopped: the word it could not take, or the end of the
        /// query.
        span: Span,
        /// What would have fitted there, in words a user knows: "a structure name",
        /// "`*`".
        expected: Vec<&'static str>,
        /// The word found there, if any.
        found: Option<String>,
        /// A word of those expected that is close to the one found: `muscles` for
        /// `musles`.
        suggestion: Option<String>,
    },
    /// `muscles innervated-by tibail`
    #[error("unknown {what} `{name}`")]
    UnknownName {
        /// Where the name stands in the query.
        span: Span,
        /// The name as written.
        name: String,
        /// "name" or "nerve or spinal root": what was being looked for.
        what: String,
        /// The nearest known names, best first.
        suggestions: Vec<String>,
    },
    /// `show femoral` (the nerve, the artery or the vein?)
    #[error("`{name}` could name {total} structures")]
    Ambiguous {
        /// Where the name stands in the query.
        span: Span,
        /// The name as written.
        name: String,
        /// `(id, name, kind)` of the first candidates by name (not all of them when
        /// there are many).
        candidates: Vec<(String, String, Kind)>,
        /// How many structures the name could mean.
        total: usize,
    },
    /// `why muscles innervated-by tibial`: `why` explains one structure's fact, and a
    /// kind word names a set.
    #[error("`why` explains one structure's fact, and `{word}` is a kind")]
    WhyOfKind {
        /// The kind word where `why` wants a structure's name.
        span: Span,
        /// The kind word: `muscles`.
        word: String,
        /// The set query that lists them: `muscles innervated-by tibial`.
        listing: String,
        /// The same `why` for one structure: `why NAME innervated-by tibial`.
        one: String,
    },
    /// `muscles innervated-by femur`
    #[error("`{name}` is {}; {relation} takes {}", kind.with_article(), expected.describe())]
    WrongKind {
        /// Where the name stands in the query.
        span: Span,
        /// The name of the structure it means.
        name: String,
        /// That structure's kind.
        kind: Kind,
        /// The relation (`innervated-by`) or clinical word (`lesion`, `weak`) that
        /// takes other kinds.
        relation: &'static str,
        /// The kinds it takes.
        expected: KindSet,
    },
    /// `muscles innervated-by (muscles)`: a subquery of the wrong kinds, like
    /// `muscles innervated-by femur`.
    #[error("{found} are never what {relation} takes: it takes {}", expected.describe())]
    WrongKindQuery {
        /// Where the subquery stands in the query.
        span: Span,
        /// The subquery's kind words: "muscles", "bones or nerves".
        found: String,
        /// The relation, as written.
        relation: &'static str,
        /// The kinds it takes.
        expected: KindSet,
    },
    /// `bones innervated-by tibial`; `nerves supplies deltoid` (a nerve `innervates`)
    #[error("`{relation}` is said of {}, never of {selector}", expected.describe())]
    NeverRelated {
        /// The kind word and the relation.
        span: Span,
        /// The kind word: `bones`.
        selector: &'static str,
        /// The relation, as written.
        relation: &'static str,
        /// The kinds the relation is said of.
        expected: KindSet,
        /// The relation of like meaning that is said of the selector's kind, and where
        /// the relation was written: `innervates` for `nerves supplies`.
        instead: Option<(&'static str, Span)>,
    },
    /// `lesion radial at knee` (no known site of injury there)
    #[error("no known lesion site of the {nerve} at `{at}`")]
    NoLesionSite {
        /// Where the site's name stands in the query.
        span: Span,
        /// The nerve's name.
        nerve: String,
        /// The site as written.
        at: String,
        /// Where the nerve's known sites lie.
        known: Vec<String>,
    },
    /// A query longer than the parser accepts.
    #[error("query too long ({len} bytes; the limit is {max})")]
    TooLong {
        /// The query's length in bytes.
        len: usize,
        /// The longest query accepted, in bytes.
        max: usize,
    },
    /// `((((…muscles…))))` nested deeper than the limit.
    #[error("parentheses nested too deeply (the limit is {max})")]
    TooDeep {
        /// The first parenthesis past the limit.
        span: Span,
        /// The deepest nesting accepted.
        max: usize,
    },
    /// `show "soleus` (a quote that is never closed).
    #[error("unclosed quote: this `{quote}` has no closing `{quote}`")]
    UnclosedQuote {
        /// The quote that opens the name.
        span: Span,
        /// Which quote it is: `"` or `'`.
        quote: char,
    },
    /// `paths soleus to sciatic max 99`, `count muscles limit 99999999999`
    #[error("number too {}: `{clause}` takes a number from {min} to {max}",
            if *too_large { "large" } else { "small" })]
    NumberOutOfRange {
        /// Where the number stands in the query.
        span: Span,
        /// The clause's keyword: `max`, `depth`, `limit`.
        clause: &'static str,
        /// The smallest number the clause takes.
        min: u64,
        /// The largest number the clause takes.
        max: u64,
        /// Whether the number is above the range (else below it).
        too_large: bool,
    },
    /// `paths s1 to thoracolumbar-fascia max 8` on a large graph, or `structures
    /// part-of* body` on one of 100,000: the evaluation looked at more structures and
    /// facts than the work limit allows.
    #[error(
        "{} stopped after {limit} steps of work, the work limit",
        stopped_work(what)
    )]
    WorkLimit {
        /// What stopped: a statement's keyword (`paths`, `around`), or [`SET_WORK`] for
        /// a set query as a whole.
        what: &'static str,
        /// The work limit, in steps.
        limit: u64,
    },
    /// `structures` as a picture (`--format svg`) on a graph of 100,000: more
    /// structures than one picture draws.
    #[error(
        "the picture would draw {structures} structures, more than the {limit} one picture may draw"
    )]
    PictureTooLarge {
        /// How many structures the picture would draw.
        structures: usize,
        /// The most one picture may draw.
        limit: usize,
    },
    /// Ctrl-C while a query runs.
    #[error("query cancelled")]
    Cancelled,
    /// `muscles --format svg` where Graphviz's `dot` runs past its time limit: it was
    /// killed.
    #[error("Graphviz's `dot` did not lay the picture out within {seconds} s, its time limit")]
    DotTimeout {
        /// The time limit, in seconds.
        seconds: u64,
    },
    /// A bug in fascia, not in the query: the parse tree did not have the shape the
    /// grammar promises.
    #[error("internal error: {what}")]
    Internal {
        /// The part of the query the parser was lowering.
        span: Span,
        /// What went wrong.
        what: &'static str,
    },
}

/// What the work of a set query is called when it runs out: the query as a whole.
pub const SET_WORK: &str = "query";

/// Who stopped at the work limit: a statement by its keyword, a set query as a whole.
fn stopped_work(what: &str) -> String {
    if what == SET_WORK {
        "the query".to_string()
    } else {
        format!("`{what}`")
    }
}

impl QueryError {
    /// The part of the query the error is about, if any.
    pub fn span(&self) -> Option<Span> {
        match self {
            QueryError::Empty
            | QueryError::TooLong { .. }
            | QueryError::WorkLimit { .. }
            | QueryError::PictureTooLarge { .. }
            | QueryError::DotTimeout { .. }
            | QueryError::Cancelled => None,
            QueryError::Syntax { span, .. }
            | QueryError::UnknownName { span, .. }
            | QueryError::Ambiguous { span, .. }
            | QueryError::WrongKind { span, .. }
            | QueryError::WhyOfKind { span, .. }
            | QueryError::NeverRelated { span, .. }
            | QueryError::NoLesionSite { span, .. }
            | QueryError::WrongKindQuery { span, .. }
            | QueryError::UnclosedQuote { span, .. }
            | QueryError::NumberOutOfRange { span, .. }
            | QueryError::TooDeep { span, .. }
            | QueryError::Internal { span, .. } => Some(*span),
        }
    }

    /// Lines of advice under the caret: suggestions, candidates, what was found.
    pub fn help(&self) -> Vec<String> {
        match self {
            QueryError::Syntax {
                found, suggestion, ..
            } => {
                let mut lines = Vec::new();
                match (found, suggestion) {
                    (Some(f), Some(s)) => lines.push(format!("found `{f}`; did you mean `{s}`?")),
                    (Some(f), None) => lines.push(format!("found `{f}`")),
                    (None, _) => {}
                }
                lines
            }
            QueryError::UnknownName { suggestions, .. } if !suggestions.is_empty() => {
                let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                vec![format!("did you mean {}?", join_or_strings(&quoted))]
            }
            QueryError::WhyOfKind { listing, one, .. } => {
                vec![format!("`{listing}` lists them; `{one}` explains one")]
            }
            QueryError::Ambiguous {
                candidates, total, ..
            } => {
                let mut lines = vec!["say which one, by its name or id:".to_string()];
                lines.extend(
                    candidates
                        .iter()
                        .map(|(id, name, kind)| format!("  {id:<34} {name} ({})", kind.noun())),
                );
                if *total > candidates.len() {
                    lines.push(format!("  … and {} more", total - candidates.len()));
                }
                lines
            }
            QueryError::WorkLimit {
                what: "paths" | "around" | "localize",
                ..
            } => vec![format!(
                "narrow the search (`via`, a smaller `max` or `depth`) or raise the limit \
                 with the environment variable FASCIA_WORK_LIMIT"
            )],
            QueryError::WorkLimit { .. } => vec![format!(
                "narrow the query (a kind or a target further down, fewer `*`) or raise the \
                 limit with the environment variable FASCIA_WORK_LIMIT"
            )],
            QueryError::PictureTooLarge { .. } => vec![
                "narrow the query (`limit N`, a smaller `depth`) or raise the limit with the \
                 environment variable FASCIA_MAX_PICTURE"
                    .to_string(),
            ],
            QueryError::DotTimeout { .. } => vec![
                "draw it with the built-in layout (FASCIA_SVG=builtin) or raise the limit with \
                 the environment variable FASCIA_DOT_TIMEOUT (seconds)"
                    .to_string(),
            ],
            QueryError::TooLong { .. } => vec!["split it into smaller queries".to_string()],
            QueryError::NoLesionSite { known, .. } if known.is_empty() => {
                vec!["no sites are known along this nerve; leave out `at …`".to_string()]
            }
            QueryError::NoLesionSite { known, .. } => {
                let quoted: Vec<String> = known.iter().map(|s| format!("`{s}`")).collect();
                vec![format!("known sites: {}", join_or_strings(&quoted))]
            }
            _ => Vec::new(),
        }
    }

    /// The error laid out for a reader: the message, the line of the query with the
    /// offending part marked, and help lines. The CLI and the REPL draw it.
    pub fn report(&self, query: &str) -> Report {
        let excerpt = self.span().map(|span| {
            // one line of the query: the line holding the span's start
            let start = span.start.min(query.len());
            let line_start = query[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = query[start..].find('\n').map_or(query.len(), |i| start + i);
            let end = span.end.clamp(start, line_end);
            Excerpt {
                line: query[line_start..line_end].to_string(),
                column: query[line_start..start].chars().count(),
                width: query[start..end].chars().count().max(1),
            }
        });
        let mut help = self.help();
        if let QueryError::NeverRelated {
            selector,
            instead: Some((relation, span)),
            ..
        } = self
        {
            let mut fixed = query.to_string();
            if fixed.get(span.start..span.end).is_some() {
                fixed.replace_range(span.start..span.end, relation);
                help.push(format!("of {selector}, ask `{}`", fixed.trim()));
            }
        }
        Report {
            message: self.to_string(),
            excerpt,
            help,
        }
    }

    /// The error as plain text: the message, the query with a caret under the
    /// offending part, and help lines.
    pub fn render(&self, query: &str) -> String {
        self.report(query).to_string()
    }
}

/// An error ready to be drawn: what went wrong, where in the query, and what to do.
/// Its `Display` is the plain text; a terminal front end may colour the parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What went wrong, in one line: the error's `Display`.
    pub message: String,
    /// The line of the query with the part at fault, when the error has a span.
    pub excerpt: Option<Excerpt>,
    /// Lines of advice: suggestions, candidates, how to raise a limit.
    pub help: Vec<String>,
}

/// One line of the query, and the columns (in characters) of the part at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line of the query that holds the start of the part at fault.
    pub line: String,
    /// The column, in characters, where the part at fault starts.
    pub column: usize,
    /// How many characters to mark (at least one, and no further than the line's end).
    pub width: usize,
}

impl Report {
    /// The report with its query line cut to what fits `width` columns beside its
    /// gutter (`  | `): a window around the part at fault, cut at spaces and marked
    /// `…` where text is left out, so the carets stay under it and no word is split.
    pub fn cropped(mut self, width: usize) -> Report {
        const GUTTER: usize = 4;
        let Some(e) = &mut self.excerpt else {
            return self;
        };
        let room = width.saturating_sub(GUTTER + 2);
        let chars: Vec<char> = e.line.chars().collect();
        if chars.len() + GUTTER <= width || room < 20 {
            return self;
        }
        // start a third of the room before the fault, at the start of a word
        let ideal = e.column.saturating_sub(room / 3);
        let mut start = ideal;
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        if start > 0 && e.column - start + e.width.min(room) > room {
            start = ideal;
            while start < e.column && chars[start - 1] != ' ' {
                start += 1;
            }
        }
        let mut end = (start + room).min(chars.len());
        if end < chars.len() {
            while end > e.column + e.width.min(room) && chars[end] != ' ' {
                end -= 1;
            }
        }
        let mut line: String = chars[start..end].iter().collect::<String>();
        line = line.trim_end().to_string();
        let mut column = e.column - start;
        if start > 0 {
            line.insert(0, '…');
            column += 1;
        }
        if end < chars.len() {
            line.push('…');
        }
        e.width = e
            .width
            .min(line.chars().count().saturating_sub(column))
            .max(1);
        e.line = line;
        e.column = column;
        self
    }

    /// A message with nothing to point at and no help.
    pub fn plain(message: impl Into<String>) -> Report {
        Report {
            message: message.into(),
            excerpt: None,
            help: Vec::new(),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)?;
        if let Some(e) = &self.excerpt {
            write!(
                f,
                "\n  | {}\n  | {}{}",
                e.line,
                " ".repeat(e.column),
                "^".repeat(e.width)
            )?;
        }
        for line in &self.help {
            write!(f, "\n  = {line}")?;
        }
        Ok(())
    }
}

fn join_or(items: &[&str]) -> String {
    let owned: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    join_or_strings(&owned)
}

fn join_or_strings(items: &[String]) -> String {
    match items {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_query_is_cropped_around_its_fault_at_spaces() {
        let query = "muscles innervated-by tibial and originates-from* fibula and not located-in \
                     lateral-compartment-of-leg and performs plantarflexion-of-the-ankle and \
                     inserts-into calcaneus and member-of tricepz";
        let column = query.find("tricepz").unwrap_or(0);
        let report = Report {
            message: "unknown name `tricepz`".to_string(),
            excerpt: Some(Excerpt {
                line: query.to_string(),
                column,
                width: 7,
            }),
            help: Vec::new(),
        }
        .cropped(60);
        let Some(e) = &report.excerpt else { panic!() };
        assert!(e.line.chars().count() + 4 <= 60, "{}", e.line);
        assert!(e.line.starts_with('…'), "{}", e.line);
        let under: String = e.line.chars().skip(e.column).take(e.width).collect();
        assert_eq!(under, "tricepz");
        // whole words only, besides the marks
        for word in e.line.trim_matches('…').split_whitespace() {
            assert!(query.split_whitespace().any(|w| w == word), "{word}");
        }
        // a query that fits is left as it is
        let short = Report {
            message: String::new(),
            excerpt: Some(Excerpt {
                line: "show tricepz".to_string(),
                column: 5,
                width: 7,
            }),
            help: Vec::new(),
        };
        assert_eq!(short.clone().cropped(60), short);
    }
}
