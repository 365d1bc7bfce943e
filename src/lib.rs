//! fascia: a knowledge graph of human anatomy with its own query language.
//!
//! Load the graph, run a query, and read the answer as typed structures or draw it:
//!
//! ```
//! use fascia::output::{Format, render_to_string};
//!
//! let atlas = fascia::bundled()?;
//! let (_query, answer) = fascia::run(&atlas, "muscles innervated-by tibial nerve")?;
//! for muscle in answer.structures(&atlas) {
//!     println!("{} ({})", muscle.name, muscle.id);
//! }
//!
//! // typed answers: the structures themselves, with their ids, names and kinds
//! let muscles = answer.structures(&atlas);
//! assert!(muscles.iter().any(|m| m.id == "soleus" && m.name == "Soleus"));
//! assert_eq!(answer.count(), Some(muscles.len()));
//!
//! // or drawn as the command line draws it: text, JSON, DOT or SVG
//! let json = render_to_string(&atlas, &answer, Format::Json);
//! assert!(json.contains("\"soleus\""));
//!
//! // every structure knows its region, where the data places it in one
//! let soleus = atlas.by_id("soleus").ok_or("no soleus")?;
//! let limb = atlas.region_of(soleus).map(|r| atlas.node(r).name.to_string());
//! assert_eq!(limb.as_deref(), Some("Lower limb"));
//!
//! // errors are values: where in the query, and what would fit
//! let error = fascia::run(&atlas, "muscles innervated-by tibail").unwrap_err();
//! assert_eq!(error.span().map(|s| s.start), Some(22));
//! assert!(matches!(
//!     error,
//!     fascia::QueryError::UnknownName { suggestions, .. } if suggestions.contains(&"tibial".into())
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Layers, each with one job, each using only those before it: [`graph`] holds the
//! vocabulary of kinds and relations, reads and checks data sources (TOML, TSV,
//! snapshots) and keeps the checked petgraph graph with its indexes — a crate of its
//! own (`fascia-graph`), so it cannot use the layers above; the others are modules of
//! this crate, ranked by `tests/layout.rs`. [`clinical`] reasons over lesions for `lesion` and
//! `localize`; [`query`] parses a query into a typed AST, resolves names and evaluates
//! it; [`output`] renders answers as text, JSON, DOT or SVG; [`export`] writes the
//! graph for other tools (RDF, GraphML, Neo4j, a JSON dump) and reads RDF and dumps
//! back. The command line and the shell are thin shells over this library, in the
//! `fascia` binary (the default `cli` feature).

// User input and data files must never crash fascia: no unwrap, expect or panic
// outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![deny(missing_docs)]

pub mod ask;
mod bundled;
pub mod clinical;
pub mod export;
pub mod learn;
pub mod output;
pub mod query;

/// The graph layer, a crate of its own (`fascia-graph`, src/graph): the vocabulary of
/// kinds and relations, the data sources and the checked graph with its indexes.
pub use fascia_graph as graph;
pub use fascia_graph::suggest;

/// The library's error values, from the layers that make them: data errors from
/// [`graph`], query errors from [`query`].
pub mod error {
    pub use crate::graph::error::{DataError, DataErrors, LoadError};
    pub use crate::query::error::{Excerpt, QueryError, Report};
}

pub use bundled::{bundled, bundled_files, check_bundled};
pub use error::{DataError, DataErrors, LoadError, QueryError, Report};
pub use export::{load_path, load_path_cached, load_path_with};
pub use graph::{Atlas, LoadOptions, load_dir, load_dir_with, load_files};
pub use query::{Answer, Query, parse, run};
