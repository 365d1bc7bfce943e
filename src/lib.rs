//! fascia: a knowledge graph of human anatomy with its own query language.
//!
//! Load the graph, run a query, and read the answer as typed structures or draw it:
//!
//! ```
//! use fascia::{Format, render_to_string};
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
//! # What is public
//!
//! The items documented here are the library: the [`Atlas`] with its [`StructureId`]s
//! and [`FactId`]s (plain handles, not the graph library's indexes), [`LoadOptions`]
//! and the loaders, [`Query`], [`Answer`] and the parts of an answer ([`answer`]),
//! [`QueryError`] and [`Report`], the output [`Format`]s and the [`ExportFormat`]s.
//! Enums and errors a later version may extend are `#[non_exhaustive]`.
//!
//! Behind them the code is layered, each layer using only those before it: the graph
//! (a crate of its own, `fascia-graph`: the vocabulary, the data sources and the
//! checked graph), clinical reasoning, the query (grammar → typed AST → resolved plan →
//! answer), outputs and exports. Those modules are reachable for the `fascia` binary
//! and the tests (`fascia::query`, `fascia::output` …) but hidden from the
//! documentation and not part of the API: they change with the engine.
//!
// User input and data files must never crash fascia: no unwrap, expect or panic
// outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![deny(missing_docs)]

// The layers behind the facade: public for the binary and the tests, hidden from the
// documentation, not part of the API.
#[doc(hidden)]
pub mod ask;
mod bundled;
#[doc(hidden)]
pub mod clinical;
#[doc(hidden)]
pub mod export;
#[doc(hidden)]
pub mod learn;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod query;

/// The graph layer, a crate of its own (`fascia-graph`, src/graph): the vocabulary of
/// kinds and relations, the data sources and the checked graph with its indexes.
#[doc(hidden)]
pub use fascia_graph as graph;
#[doc(hidden)]
pub use fascia_graph::suggest;

/// The library's error values, from the layers that make them: data errors from
/// the graph, query errors from the query.
#[doc(hidden)]
pub mod error {
    pub use crate::graph::error::{DataError, DataErrors, LoadError};
    pub use crate::query::error::{Excerpt, QueryError, Report};
}

/// The parts an [`Answer`] is made of: a set with how each member answers, paths and
/// their steps, the facts behind a relation, a neighbourhood, what a lesion takes away
/// and the lesions that explain a set of findings.
pub mod answer {
    pub use crate::clinical::{
        Affected, Candidate, Deficit, Effect, Finding, Lesion, MovementEffect, MuscleEffect,
        Ranking, Separator, Sign,
    };
    pub use crate::graph::clinical::SignDef;
    pub use crate::query::eval::{Context, Path, SetAnswer, Step, Subgraph, Through, WhyAnswer};
}

pub use bundled::bundled;
#[doc(hidden)]
pub use bundled::{bundled_files, check_bundled};
pub use error::{DataError, DataErrors, LoadError, QueryError, Report};
pub use export::{ExportFormat, Selection, load_path, load_path_cached, load_path_with};
pub use export::{write as write_export, write_dir as write_export_dir};
pub use graph::agreement::{Standing, Weight};
pub use graph::model::{Direction, Fact, Kind, Location, Relation, Source, Structure};
pub use graph::{Atlas, FactId, LoadOptions, StructureId, load_dir, load_dir_with, load_files};
pub use output::{Format, render_to_string};
pub use query::{Answer, Query, parse, run};
