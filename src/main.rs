//! The `fascia` binary: the command line and the REPL over the fascia library.

// Arguments, terminals and files must never crash fascia: no unwrap, expect or panic
// outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod cli;
mod execute;
mod pager;
mod repl;
mod scope;
mod serve;
mod settings;
mod signals;
mod statements;
mod term;
mod timings;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        // the reader of our output went away (`fascia -e muscles | head -1`)
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "fascia: {e}");
            ExitCode::from(term::FATAL)
        }
    }
}
