//! The query language: [`parser`] (text → AST), [`resolve`] (names → nodes, kinds
//! checked), [`eval`] (plan → answer).

pub mod ast;
pub mod budget;
pub mod error;
pub mod eval;
pub mod parser;
pub mod resolve;

use crate::graph::Atlas;
use crate::graph::model::Structure;
pub use ast::Query;
pub use budget::{Budget, Cancel};
pub use error::{QueryError, Report};
pub use eval::Answer;
pub use parser::parse;
pub use resolve::Plan;

/// Parses, resolves and evaluates one query within the default work limit.
pub fn run(atlas: &Atlas, text: &str) -> Result<(Query, Answer), QueryError> {
    run_within(atlas, text, &mut Budget::default())
}

/// Parses, resolves and evaluates one query, stopping when `budget` runs out or is
/// cancelled.
pub fn run_within(
    atlas: &Atlas,
    text: &str,
    budget: &mut Budget,
) -> Result<(Query, Answer), QueryError> {
    let query = parse(text)?;
    let plan = resolve::resolve(atlas, &query)?;
    let mut answer = eval::evaluate(atlas, &plan, budget)?;
    if let Answer::Set(set) = &mut answer {
        // what the `*` form would add, for every answer to one direct relation
        set.hint = starred_hint(atlas, &query, budget).filter(|(_, n)| *n > set.total);
    }
    Ok((query, answer))
}

/// Typed readings of an answer that need no graph indexes: the structures themselves.
impl Answer {
    /// The structures an answer is about, in its order: those a set answer lists (up
    /// to its `limit`), the one `show` describes, the steps of a path from start to end,
    /// a neighbourhood's structures; empty for the other answers.
    pub fn structures<'a>(&self, atlas: &'a Atlas) -> Vec<&'a Structure> {
        let nodes = match self {
            Answer::Set(set) => set.nodes.as_slice(),
            Answer::Show(n) => std::slice::from_ref(n),
            Answer::Path {
                path: Some(path), ..
            } => path.nodes.as_slice(),
            Answer::Around(subgraph) => subgraph.nodes.as_slice(),
            _ => &[],
        };
        nodes.iter().map(|n| atlas.node(*n)).collect()
    }

    /// How many structures a set or `count` answer found, before any `limit`.
    pub fn count(&self) -> Option<usize> {
        match self {
            Answer::Set(set) => Some(set.total),
            Answer::Count(n) => Some(*n),
            _ => None,
        }
    }
}

/// For an answer to one direct relation (`muscles located-in X`): the same query with
/// `*`, and how many it finds, when that is not empty. It is counted, not listed, and
/// not at all when the target has nothing under it for `*` to reach.
fn starred_hint(atlas: &Atlas, query: &Query, budget: &mut Budget) -> Option<(String, usize)> {
    use ast::{Condition, SetExpr, Statement};
    let mut starred = query.clone();
    starred.dot = false;
    let Statement::Set {
        expr:
            SetExpr::Select {
                condition: Some(Condition::Atom { star, .. }),
                ..
            },
        limit,
        ..
    } = &mut starred.statement
    else {
        return None;
    };
    if *star {
        return None;
    }
    *star = true;
    *limit = None;
    let plan = resolve::resolve(atlas, &starred).ok()?;
    let resolve::Plan::Set {
        expr:
            resolve::PSet::Select {
                condition:
                    Some(resolve::PCond::Atom {
                        target: resolve::PTarget::Node(target),
                        ..
                    }),
                ..
            },
        ..
    } = &plan
    else {
        return None;
    };
    // a leaf (most targets at scale): `*` reaches nothing more
    let walk = crate::graph::descent::Walk::new(&[]);
    crate::graph::descent::descent_steps_by(atlas, *target, true, walk).next()?;
    let resolve::Plan::Set {
        expr,
        disputed,
        contributing,
        ..
    } = plan
    else {
        return None;
    };
    let counted = resolve::Plan::Count {
        expr,
        disputed,
        contributing,
        limit: None,
    };
    match eval::evaluate(atlas, &counted, budget) {
        Ok(Answer::Count(n)) if n > 0 => Some((starred.to_string(), n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
