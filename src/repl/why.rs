//! `why` alone: the facts behind the previous answer, one `why` per structure it gave.

use super::{Outcome, Session};
use fascia::query::Answer;
use fascia::query::ast::{Condition, SetExpr, Statement, Target};
use std::io::{self, Write};

/// How many structures of an answer a bare `why` explains.
const MAX_EXPLAINED: usize = 10;

/// The last answered query, as much of it as `why` alone needs.
#[derive(Debug, Clone, Default)]
pub(super) struct LastAnswer {
    /// The `why` queries that explain it, one per structure of the answer.
    whys: Vec<String>,
    /// How many structures the answer had.
    total: usize,
}

impl LastAnswer {
    /// What `why` alone should run after `text` answered `answer`: for `KIND RELATION
    /// NAME` (star or not), `why MEMBER RELATION NAME` for each member; for a `why`, the
    /// same again.
    pub(super) fn of(
        atlas: &fascia::Atlas,
        text: &str,
        statement: &Statement,
        answer: &Answer,
    ) -> LastAnswer {
        if matches!(statement, Statement::Why { .. }) {
            return LastAnswer {
                whys: vec![text.trim().to_string()],
                total: 1,
            };
        }
        let (Statement::Set { expr, .. }, Answer::Set(set)) = (statement, answer) else {
            return LastAnswer::default();
        };
        let SetExpr::Select {
            condition:
                Some(Condition::Atom {
                    relation,
                    target: Target::Name(name),
                    ..
                }),
            ..
        } = expr
        else {
            return LastAnswer::default();
        };
        let Some(tail) = text.get(relation.span.start..name.span.end) else {
            return LastAnswer::default();
        };
        let whys = set
            .nodes
            .iter()
            .take(MAX_EXPLAINED)
            .map(|n| format!("why \"{}\" {tail}", atlas.node(*n).name))
            .collect();
        LastAnswer {
            whys,
            total: set.nodes.len(),
        }
    }
}

impl Session {
    /// `why` alone: explains the previous answer, or says what it can explain.
    pub(super) fn why_last(&mut self, out: &mut dyn Write) -> io::Result<Outcome> {
        let last = self.last.clone();
        if last.whys.is_empty() {
            return self.error(
                "`why` alone explains the previous answer when it was `why …` or `KIND \
                 RELATION NAME` (`muscles innervated-by* sciatic`); otherwise ask `why NAME \
                 RELATION NAME`",
                out,
            );
        }
        let mut outcome = Outcome::Done;
        for (i, why) in last.whys.iter().enumerate() {
            if last.whys.len() > 1 {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}{why}", super::PROMPT)?;
            }
            if self.query(why, out)? == Outcome::Failed {
                outcome = Outcome::Failed;
            }
        }
        if last.total > last.whys.len() {
            writeln!(
                out,
                "(the first {} of {} structures; ask `why NAME …` for the others)",
                last.whys.len(),
                last.total
            )?;
        }
        // explaining is not a new answer: `why` again explains the same one
        self.last = last;
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{mini, run_line};
    use super::*;
    use fascia::output::Format;

    #[test]
    fn why_alone_explains_the_previous_answer() {
        let mut s = Session::new(mini(), Format::Text, false);
        let (outcome, text) = run_line(&mut s, "why");
        assert_eq!(outcome, Outcome::Failed);
        assert!(text.starts_with("error: `why` alone explains"), "{text}");
        let (_, answer) = run_line(&mut s, "muscles inserts-into* calcaneus");
        let (outcome, text) = run_line(&mut s, "why");
        assert_eq!(outcome, Outcome::Done, "{text}");
        // one `why` per structure of the answer, each after the prompt
        let members = answer.lines().count() - 2;
        assert!(members >= 2, "{answer}");
        assert_eq!(
            text.matches("fascia> why \"").count(),
            members.min(MAX_EXPLAINED),
            "{text}"
        );
        assert!(text.contains("\" inserts-into* calcaneus\n"), "{text}");
        // `why` again explains the same answer
        assert_eq!(run_line(&mut s, "why").1, text);
        // after a single `why`, the same `why`
        let (_, one) = run_line(&mut s, "why soleus inserts-into* calcaneus");
        assert_eq!(run_line(&mut s, "why").1, one);
        // an answer it cannot explain
        run_line(&mut s, "count muscles");
        assert_eq!(run_line(&mut s, "why").0, Outcome::Failed);
    }
}
