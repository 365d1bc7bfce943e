//! Error values of the library. They are data: rendering to a terminal happens in the
//! CLI and the REPL.

use crate::graph::model::Location;
use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// One problem in the data files, located at a file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataError {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Every problem found in one load, sorted by file and position.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })
    }
}

/// Why a data directory could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// `--data /nowhere`
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `--data` pointing at a directory with no `.toml` files.
    #[error("no .toml data files in {}", .0.display())]
    NoFiles(PathBuf),
    #[error("{0}")]
    Invalid(#[from] DataErrors),
}
