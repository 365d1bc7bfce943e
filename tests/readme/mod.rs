//! README.md as a snapshot of itself. The examples, tables and figures it shows are
//! compared with what fascia gives now, and a difference is accepted the way insta's
//! snapshots are, so one command accepts every snapshot of the project:
//!
//! - `INSTA_UPDATE=always` rewrites README.md with what fascia gives (review `git diff
//!   README.md` before committing it);
//! - otherwise, and always where `CI` is set, README.md is never written and a
//!   difference fails the test, saying what differs and what it should be;
//! - `INSTA_FORCE_PASS=1` prints the differences and passes.
//!
//! Why README itself and not a `.snap` file beside the tests: README is what a reader
//! reads, so it must show the real outputs anyway; a separate snapshot would be a second
//! copy of the same text, to be checked against README and updated with it.

// each test crate uses some of these, not all
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Mutex;

/// README.md at the package root.
pub fn path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
}

/// README.md as it is now on disk.
pub fn text() -> String {
    std::fs::read_to_string(path()).expect("README.md")
}

/// Whether differences are written into README.md: `INSTA_UPDATE=always` (insta's
/// `always`, or its older spelling `overwrite`), as insta writes snapshots.
pub fn updating() -> bool {
    std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always" || v == "overwrite")
}

/// Whether differences pass, printed only (insta's `INSTA_FORCE_PASS`).
fn forced() -> bool {
    std::env::var("INSTA_FORCE_PASS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Tests in one binary run in threads: one rewrite of README.md at a time.
static WRITING: Mutex<()> = Mutex::new(());

/// Settles the differences one test found in README.md (`what`: the part it checks,
/// for the message). With none, nothing happens. When [`updating`], `rewrite` is given
/// README.md as it is then and returns it corrected, which is written back; otherwise
/// the differences fail the test (or are printed, when forced).
pub fn settle(what: &str, differences: &[String], rewrite: impl Fn(&str) -> String) {
    if differences.is_empty() {
        return;
    }
    let report = format!(
        "README.md: {} of {what} differ{}:\n\n{}\n\nAfter checking that the change is \
         meant, `INSTA_UPDATE=always cargo test --test {}` rewrites README.md.",
        differences.len(),
        if differences.len() == 1 { "s" } else { "" },
        differences.join("\n"),
        test_target(),
    );
    if updating() {
        let _one = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        let before = text();
        std::fs::write(path(), rewrite(&before)).expect("README.md written");
        eprintln!("README.md rewritten: {} of {what}", differences.len());
    } else if forced() {
        eprintln!("{report}\n(INSTA_FORCE_PASS: passed anyway)");
    } else {
        panic!("{report}");
    }
}

/// The name of the running test binary's target (`readme_examples-1a2b…` →
/// `readme_examples`).
fn test_target() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .and_then(|s| s.rsplit_once('-').map(|(name, _)| name.to_string()))
        .unwrap_or_else(|| "NAME".to_string())
}

/// A part of README.md between the first line that is exactly `start` and the next
/// line that is exactly `end` (the lines themselves excluded), as a byte range.
pub fn between(readme: &str, start: &str, end: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    let mut from = None;
    for line in readme.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        match from {
            None if bare == start => from = Some(offset + line.len()),
            Some(f) if bare == end => return Some(f..offset),
            _ => {}
        }
        offset += line.len();
    }
    None
}
