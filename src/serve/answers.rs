//! What a request's text means: its statements, each a query, a question read as the
//! queries it becomes, or `help`; every query run within the work budget and the time
//! limit, as the command line runs it.

use super::deadline::Deadlines;
use fascia::Atlas;
use fascia::ask::Reading;
use fascia::output::{Format, Render};
use fascia::query::budget::Budget;
use fascia::query::{Answer, Query, QueryError};
use serde_json::{Value, json};
use std::time::Duration;

/// The most statements one request may hold (`count muscles; count nerves; …`).
pub const MAX_STATEMENTS: usize = 32;

/// How a request's queries are run: the work each may do and the time it may take.
pub struct Engine<'a> {
    pub atlas: &'a Atlas,
    pub work_limit: u64,
    pub time_limit: Duration,
    pub deadlines: &'a Deadlines,
}

/// One statement's outcome, or one of the queries a question became.
pub enum Outcome {
    /// The query (as run) and its answer.
    Answered {
        query: String,
        parsed: Query,
        answer: Box<Answer>,
    },
    /// `help [TOPIC]`: its text.
    Help { query: String, text: String },
    /// The query (or question) and its error, as a JSON `error` object.
    Failed { query: String, error: Value },
}

impl Outcome {
    pub fn failed(&self) -> bool {
        matches!(self, Outcome::Failed { .. })
    }

    /// The query run (or the statement that failed before it became one).
    pub fn query(&self) -> &str {
        match self {
            Outcome::Answered { query, .. }
            | Outcome::Help { query, .. }
            | Outcome::Failed { query, .. } => query,
        }
    }
}

impl Engine<'_> {
    /// Every statement of `text` run in turn; `Err` when there are too many.
    pub fn run_all(&self, text: &str) -> Result<Vec<Outcome>, String> {
        let pieces = super::statements_of(text);
        if pieces.len() > MAX_STATEMENTS {
            return Err(format!(
                "{} statements in one request; at most {MAX_STATEMENTS} are run \
                 (the statement limit of a request)",
                pieces.len()
            ));
        }
        Ok(pieces.iter().flat_map(|p| self.statement(p)).collect())
    }

    /// One statement: `help`, a question (each query it becomes) or a query.
    pub fn statement(&self, text: &str) -> Vec<Outcome> {
        if let Some(topic) = crate::statements::help_topic(text) {
            let mut out = Vec::new();
            let failed = |message: String| failure(text, message);
            return vec![match crate::repl::write_help(self.atlas, topic, &mut out) {
                Ok(Ok(())) => Outcome::Help {
                    query: text.to_string(),
                    text: String::from_utf8_lossy(&out).into_owned(),
                },
                Ok(Err(message)) => failed(message),
                Err(e) => failed(e.to_string()),
            }];
        }
        if text.len() > fascia::query::parser::MAX_QUERY_LEN {
            // too long for a query, and so for a question: the parser says so at once
            return vec![self.query(text)];
        }
        match fascia::ask::read(self.atlas, text) {
            Reading::Typed => vec![self.query(text)],
            Reading::Asked(queries) => queries.iter().map(|q| self.query(q)).collect(),
            Reading::Refused(line) => vec![failure(text, line)],
        }
    }

    /// One query within the work limit and the time limit.
    pub fn query(&self, text: &str) -> Outcome {
        let (cancel, _guard) = self.deadlines.start(self.time_limit);
        let mut budget = Budget::new(self.work_limit).with_cancel(cancel);
        match fascia::query::run_within(self.atlas, text, &mut budget) {
            Ok((parsed, answer)) => Outcome::Answered {
                query: text.to_string(),
                parsed,
                answer: Box::new(answer),
            },
            Err(QueryError::Cancelled) => failure(
                text,
                format!(
                    "the query ran longer than {} s, the time limit of a request",
                    self.time_limit.as_secs_f64()
                ),
            ),
            Err(e) => {
                let report = crate::scope::report_error(self.atlas, &e, text);
                Outcome::Failed {
                    query: text.to_string(),
                    error: crate::term::json_error(Some(text), &e.to_string(), &report),
                }
            }
        }
    }
}

/// A failure with no place in the query: a question not read, an unknown help topic.
fn failure(text: &str, message: String) -> Outcome {
    let report = fascia::Report::plain(message.clone());
    Outcome::Failed {
        query: text.to_string(),
        error: crate::term::json_error(Some(text), &message, &report),
    }
}

/// The outcomes as the command line prints them with `--format json`: one document
/// each, back to back (a `dot` query's answer is DOT, as there).
pub fn cli_documents(atlas: &Atlas, outcomes: &[Outcome]) -> Vec<u8> {
    let mut out = Vec::new();
    for outcome in outcomes {
        let document = match outcome {
            Outcome::Answered { parsed, answer, .. } => {
                let format = if parsed.dot {
                    Format::Dot
                } else {
                    Format::Json
                };
                let _ = format
                    .renderer()
                    .render_query(atlas, parsed, answer, &mut out);
                continue;
            }
            Outcome::Help { text, .. } => json!({ "help": text }),
            Outcome::Failed { error, .. } => json!({ "error": error }),
        };
        out.extend(serde_json::to_vec_pretty(&document).unwrap_or_default());
        out.push(b'\n');
    }
    out
}

/// The outcomes for the explorer: `{"query","type","answer"}` each, a set with a
/// `note` (how many matched, what `*`, `including disputed` and `including
/// contributing` would add), an error as `{"query","error"}`.
pub fn entries(atlas: &Atlas, outcomes: &[Outcome]) -> Value {
    Value::Array(
        outcomes
            .iter()
            .map(|outcome| match outcome {
                Outcome::Answered {
                    query,
                    parsed,
                    answer,
                } => answered(atlas, query, parsed, answer),
                Outcome::Help { query, text } => {
                    json!({ "query": query, "type": "help", "answer": text })
                }
                Outcome::Failed { query, error } => json!({ "query": query, "error": error }),
            })
            .collect(),
    )
}

fn answered(atlas: &Atlas, query: &str, parsed: &Query, answer: &Answer) -> Value {
    if parsed.dot {
        let mut dot = Vec::new();
        let _ = fascia::output::Dot.render_query(atlas, parsed, answer, &mut dot);
        let dot = String::from_utf8_lossy(&dot);
        return json!({ "query": query, "type": "dot", "answer": dot });
    }
    let mut entry = json!({
        "query": query,
        "type": kind_of(answer),
        "answer": fascia::output::json::to_value(atlas, answer),
    });
    if let Answer::Set(set) = answer {
        entry["note"] = json!({
            "total": set.total,
            "more_disputed": set.more_disputed,
            "more_contributing": set.more_contributing,
            "starred": set.hint.as_ref().map(|(q, n)| json!({ "query": q, "count": n })),
        });
    }
    entry
}

/// The word the explorer draws an answer by.
fn kind_of(answer: &Answer) -> &'static str {
    match answer {
        Answer::Set(_) => "set",
        Answer::Count(_) => "count",
        Answer::Show(_) => "show",
        Answer::Path { .. } => "path",
        Answer::Paths { .. } => "paths",
        Answer::Why(_) => "why",
        Answer::Around(_) => "around",
        Answer::Lesion(_) => "lesion",
        Answer::Localize(_) => "localize",
        Answer::BedsideSign(_) => "sign",
        // an answer the page has no drawing for: it shows the JSON
        _ => "other",
    }
}
