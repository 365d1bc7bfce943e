//! fascia: a knowledge graph of human anatomy with its own query language.
//!
//! Layers, each with one job: [`graph`] loads data files into a checked petgraph
//! graph; [`query`] parses a query into a typed AST, resolves names and evaluates it;
//! [`output`] renders answers as text, JSON or DOT. The CLI and REPL are thin shells.

pub mod error;
pub mod graph;
pub mod output;
pub mod query;
pub mod suggest;

pub use error::{DataError, DataErrors, LoadError, QueryError};
pub use graph::{Atlas, bundled, load_dir, load_files};
