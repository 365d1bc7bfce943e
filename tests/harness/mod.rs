//! The one way the tests run the `fascia` binary (or a shell that runs it): from the
//! package root, with none of the caller's settings. Every variable whose name starts
//! with `FASCIA_` is removed, and so are the others that change what fascia prints
//! (colour, terminal, width, pager), so a developer's environment never changes a
//! result; a test sets what it needs explicitly, after this.

// each test crate uses some of these, not all
#![allow(dead_code)]

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_fascia");

/// Variables outside fascia's own that change its output: colour (no-color.org and the
/// `CLICOLOR` convention), the terminal's kind and size, the pager and its options.
pub const OUTSIDE: [&str; 8] = [
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLUMNS",
    "LINES",
    "PAGER",
    "LESS",
];

/// The package root, where the fixtures' relative paths start.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether a variable of this name is removed from every command the tests run.
pub fn is_cleared(name: &OsString) -> bool {
    name.as_encoded_bytes().starts_with(b"FASCIA_") || OUTSIDE.iter().any(|o| name == o)
}

/// Removes from `cmd`'s environment every variable [`is_cleared`] names, as this
/// process has them now.
pub fn hermetic(cmd: &mut Command) -> &mut Command {
    for (name, _) in std::env::vars_os() {
        if is_cleared(&name) {
            cmd.env_remove(name);
        }
    }
    // removed whether set here or not: a variable set later in this process (a test
    // running beside this one) is not inherited either
    for name in OUTSIDE {
        cmd.env_remove(name);
    }
    cmd
}

/// `program` (a shell, say) run from the package root with a hermetic environment and
/// nothing on standard input.
pub fn command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(program);
    hermetic(&mut cmd).current_dir(root()).stdin(Stdio::null());
    cmd
}

/// The binary, as [`command`] runs a program.
pub fn fascia() -> Command {
    command(BIN)
}

/// `program` for a pseudo-terminal (rexpect): as [`command`], but with `TERM` set and
/// standard input left to the terminal the child is given.
pub fn command_on_terminal(program: impl AsRef<std::ffi::OsStr>, term: &str) -> Command {
    let mut cmd = command(program);
    cmd.env("TERM", term).stdin(Stdio::inherit());
    cmd
}

/// The binary, as [`command_on_terminal`] runs a program.
pub fn fascia_on_terminal(term: &str) -> Command {
    command_on_terminal(BIN, term)
}

/// What a run left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code(),
            stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
        }
    }
}

impl Run {
    /// Exit code, standard output and standard error, for one `assert_eq!`.
    pub fn triple(&self) -> (Option<i32>, &str, &str) {
        (self.code, &self.stdout, &self.stderr)
    }
}

/// Runs `cmd` to its end.
pub fn run(cmd: &mut Command) -> Run {
    cmd.output().expect("the command runs").into()
}

/// The binary with these arguments, run to its end.
pub fn fascia_run(args: &[&str]) -> Run {
    run(fascia().args(args))
}

/// Runs `cmd` with `input` on its standard input.
pub fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Run {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // a child that exits before reading all of it closes the pipe: not this test's error
    let _ = stdin.write_all(input);
    drop(stdin);
    child
        .wait_with_output()
        .expect("the command finishes")
        .into()
}
