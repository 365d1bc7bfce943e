//! The query language: [`parser`] (text → AST), [`resolve`] (names → nodes, kinds
//! checked), [`eval`] (plan → answer).

pub mod ast;
pub mod budget;
pub mod eval;
pub mod parser;
pub mod resolve;

use crate::error::QueryError;
use crate::graph::Atlas;
pub use ast::Query;
pub use budget::{Budget, Cancel};
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
    let answer = eval::evaluate(atlas, &plan, budget)?;
    Ok((query, answer))
}

#[cfg(test)]
mod tests;
