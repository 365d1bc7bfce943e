//! Errors in data: a problem in a data file, located at its file, line and column, and
//! why a data directory could not be loaded. They are data: rendering to a terminal
//! happens in the CLI and the REPL.

use super::model::Location;
use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;
/// One problem in the data files, located at a file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataError {
    /// Where the problem is: file, line and column.
    pub location: Location,
    /// What is wrong: "unknown id `nn`".
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
// more reasons may come: a match outside fascia needs a `_` arm
#[non_exhaustive]
pub enum LoadError {
    /// `--data /nowhere`
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or directory that could not be read.
        path: PathBuf,
        /// Why it could not be read.
        source: std::io::Error,
    },
    /// `--data` pointing at a directory with no `.toml` files.
    #[error("no .toml data files in {}", .0.display())]
    NoFiles(PathBuf),
    /// `--data notes.txt`: a file that is neither N-Triples (`.nt`) nor a JSON dump.
    #[error("{}: not a data directory, an .nt file or a .json dump", .0.display())]
    NotData(PathBuf),
    /// A FIFO or a link to a device named `x.toml`: data files are regular files.
    #[error("{} is {what}; data files must be regular files", path.display())]
    NotRegular {
        /// The file named like a data file.
        path: PathBuf,
        /// What it is instead: "a FIFO", "a character device" …
        what: &'static str,
    },
    /// A data file larger than the limit (`FASCIA_MAX_FILE_SIZE` raises it).
    #[error("{} is larger than {limit} bytes, the limit for one data file (raise it with the environment variable {setting})", path.display())]
    TooLarge {
        /// The file that is too large.
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
        /// The environment variable that raises the limit: `FASCIA_MAX_FILE_SIZE`.
        setting: &'static str,
    },
    /// `FASCIA_MAX_FILE_SIZE=lots`
    #[error("{name} must be {expected}, not `{value}`")]
    BadSetting {
        /// The environment variable: `FASCIA_MAX_FILE_SIZE`.
        name: &'static str,
        /// The value it holds.
        value: String,
        /// What it must be: "a positive number of bytes".
        expected: &'static str,
    },
    /// The data was read but holds problems: every one found, located.
    #[error("{0}")]
    Invalid(#[from] DataErrors),
}
