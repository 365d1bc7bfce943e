//! fascia: a knowledge graph of human anatomy with its own query language.
//!
//! Layers, each with one job: [`graph`] loads data files into a checked petgraph
//! graph; [`query`] parses a query into a typed AST, resolves names and evaluates it;
//! [`clinical`] reasons over lesions for `lesion` and `localize`; [`output`] renders
//! answers as text, JSON, DOT or SVG; [`export`] writes the graph for other tools (RDF,
//! GraphML, Neo4j, a JSON dump) and reads RDF and dumps back. The CLI and REPL are thin
//! shells.

// User input and data files must never crash fascia: no unwrap, expect or panic
// outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod bundled;
pub mod clinical;
pub mod export;
pub mod graph;
pub mod output;
pub mod query;
pub mod suggest;

/// The library's error values, from the layers that make them: data errors from
/// [`graph`], query errors from [`query`].
pub mod error {
    pub use crate::graph::error::{DataError, DataErrors, LoadError};
    pub use crate::query::error::QueryError;
}

pub use bundled::{bundled, bundled_files, check_bundled};
pub use error::{DataError, DataErrors, LoadError, QueryError};
pub use export::load_path;
pub use graph::{Atlas, load_dir, load_files};
