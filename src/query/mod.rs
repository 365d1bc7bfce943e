//! The query language: [`parser`] (text → AST), [`resolve`] (names → nodes, kinds
//! checked), [`eval`] (plan → answer).

pub mod ast;
pub mod eval;
pub mod parser;
pub mod resolve;

use crate::error::QueryError;
use crate::graph::Atlas;
pub use ast::Query;
pub use eval::Answer;
pub use parser::parse;
pub use resolve::Plan;

/// Parses, resolves and evaluates one query.
pub fn run(atlas: &Atlas, text: &str) -> Result<(Query, Answer), QueryError> {
    let query = parse(text)?;
    let plan = resolve::resolve(atlas, &query)?;
    let answer = eval::evaluate(atlas, &plan);
    Ok((query, answer))
}

#[cfg(test)]
mod tests;
