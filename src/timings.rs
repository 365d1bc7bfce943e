//! `--timings` lines and the `generate` command: the binary's side of measuring fascia.
//! The `timings:` spellings are a public contract: scripts read them.

use crate::term::{Error, FATAL, SUCCESS};
use fascia::graph::synthetic::Synthetic;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `timings: load_ms=<float>`, after the data is loaded and checked.
pub fn report_load(elapsed: Duration) {
    let _ = writeln!(io::stderr(), "timings: load_ms={:.3}", ms(elapsed));
}

/// `timings: query_ms=<float> query=<text>`: parse, resolve and evaluate, not printing.
pub fn report_query(elapsed: Duration, text: &str) {
    let _ = writeln!(
        io::stderr(),
        "timings: query_ms={:.3} query={}",
        ms(elapsed),
        text.trim()
    );
}

/// `fascia generate --structures N [--facts M] [--seed S] DIR`.
pub fn generate(
    structures: usize,
    facts: Option<usize>,
    seed: u64,
    dir: &Path,
) -> Result<ExitCode, Error> {
    let graph = match Synthetic::generate(structures, facts, seed) {
        Ok(g) => g,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            return Ok(ExitCode::from(FATAL));
        }
    };
    graph.write_tsv(dir).map_err(|source| Error::Io {
        context: format!("cannot write {}", dir.display()),
        source,
    })?;
    writeln!(
        io::stdout(),
        "wrote {} and {} to {}",
        crate::term::counted(graph.structure_count(), "structure"),
        crate::term::counted(graph.fact_count(), "fact"),
        dir.display()
    )
    .map_err(Error::Output)?;
    Ok(ExitCode::from(SUCCESS))
}
