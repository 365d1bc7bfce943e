//! The REPL driven through a pseudo-terminal, as a person would: completion, history
//! across sessions, Ctrl-C, Ctrl-D, errors. Every wait is on output, never on time
//! (one short pause aside, explained where it is); the timeout only ends a hung test.

#![cfg(unix)]

mod harness;

use harness::root;
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use std::path::Path;

const PROMPT: &str = "fascia> ";
const CONTINUATION: &str = "   ...> ";
/// Generous: CI is a loaded two-core machine.
const TIMEOUT_MS: u64 = 90_000;

/// A shell on the mini fixture, its history in `history`, waiting at its first prompt.
fn start(history: &Path, extra: &[&str]) -> PtySession {
    let mut cmd = harness::fascia_on_terminal("xterm");
    cmd.args(["--data", "tests/fixtures/mini"])
        .args(extra)
        .env("FASCIA_HISTORY", history)
        .env("NO_COLOR", "1")
        // a long answer goes through this "pager", which prints it
        .env("PAGER", "cat");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
    let atlas = fascia::load_dir(&root().join("tests/fixtures/mini")).expect("fixture loads");
    let welcome = format!(
        "fascia {}: {} structures and {} facts from tests/fixtures/mini. Type `help` for help",
        env!("CARGO_PKG_VERSION"),
        atlas.structure_count(),
        atlas.fact_count()
    );
    p.exp_string(&welcome).unwrap();
    p.exp_string(PROMPT).unwrap();
    p
}

/// Types `keys` (no Enter) as a person would.
fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Ctrl-D on an empty line: the shell ends with status 0.
fn leave(mut p: PtySession) {
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
}

/// The card of `show tibialis anterior`, which the typed line never contains.
const TA_CARD: &str = "Tibialis anterior  (muscle, id tibialis-anterior)";

#[test]
fn tab_completes_a_partial_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    // `abd` is only the start of "Abductor hallucis": Tab writes the quoted name
    send(&mut p, "show abd\t");
    p.exp_string("show \"abductor hallucis\" ").unwrap();
    send(&mut p, "\r");
    p.exp_string("Abductor hallucis  (muscle, id abductor-hallucis)")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    // two words towards one name, then a relation completed after a kind
    send(&mut p, "count muscles innervated-b\t");
    p.exp_string("innervated-by").unwrap();
    send(&mut p, " deep fib\t");
    p.exp_string("\"deep fibular nerve\" ").unwrap();
    send(&mut p, "\r");
    p.exp_string("\n1\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn history_carries_over_to_the_next_session() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("fascia").join("history");
    let mut p = start(&history, &[]);
    send(&mut p, "show tibialis anterior\r");
    p.exp_string(TA_CARD).unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
    let saved = std::fs::read_to_string(&history).expect("history file written");
    assert!(
        saved.lines().any(|l| l == "show tibialis anterior"),
        "{saved}"
    );

    // Up recalls the last session's line
    let mut p = start(&history, &[]);
    send(&mut p, "\x1b[A");
    p.exp_string("show tibialis anterior").unwrap();
    send(&mut p, "\r");
    p.exp_string(TA_CARD).unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn ctrl_c_clears_the_line_and_ctrl_d_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    send(&mut p, "show nothing-like-this");
    // seen on screen, so typed before the Ctrl-C
    p.exp_string("show nothing-like-this").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "show tibialis anterior\r");
    // had the first line survived, this would be a syntax error
    let before = p.exp_string(TA_CARD).unwrap();
    assert!(!before.contains("error"), "{before}");
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn a_bad_query_then_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    send(&mut p, "show tibail\r");
    p.exp_string("error: unknown name `tibail`").unwrap();
    p.exp_string("= did you mean `tibial`, `tibia` or `tibialis anterior`?")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "show tibialis anterior\r");
    p.exp_string(TA_CARD).unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn an_open_parenthesis_continues_on_the_next_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    send(&mut p, "count muscles innervated-by (nerves branch-of\r");
    // the next line is asked for with a continuation prompt
    p.exp_string(CONTINUATION).unwrap();
    send(&mut p, "sciatic nerve)\r");
    // soleus (tibial nerve) and biceps femoris (its long head from the tibial nerve, its
    // short head from the common fibular nerve)
    p.exp_string("\n2\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    // a last operator continues too, and so does an open quote
    send(&mut p, "count muscles or\r");
    p.exp_string(CONTINUATION).unwrap();
    send(&mut p, "nerves\r");
    p.exp_string("\n13\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "show \"tibialis\r");
    p.exp_string(CONTINUATION).unwrap();
    send(&mut p, "anterior\"\r");
    p.exp_string(TA_CARD).unwrap();
    p.exp_string(PROMPT).unwrap();
    // Ctrl-C abandons the unfinished statement
    send(&mut p, "count (muscles\r");
    p.exp_string(CONTINUATION).unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "count nerves\r");
    let before = p.exp_string("\n8\r\n").unwrap();
    assert!(!before.contains("error"), "{before}");
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn meta_commands_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &["--format", "json"]);
    send(&mut p, "count muscles\r");
    p.exp_string("\"count\": 5").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, ":format text\r");
    p.exp_string("format: text").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "help path\r");
    p.exp_string("Examples:").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, ":data\r");
    p.exp_string("structures, ").unwrap();
    p.exp_string(" facts, 3 sources").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, ":quit\r");
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
}

/// `:data` loads as `--data` does: a TSV directory goes through the cache, so a second
/// `:data` of it is read from there; `--no-cache` reads afresh.
#[test]
fn data_loaded_in_the_shell_goes_through_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("nodes.tsv"),
        "id\tkind\tname\nsoleus\tmuscle\tSoleus\ntibial\tnerve\tTibial nerve\n",
    )
    .unwrap();
    std::fs::write(
        data.join("edges.tsv"),
        "subject\tpredicate\tobject\nsoleus\tinnervated-by\ttibial\n",
    )
    .unwrap();
    let cached = || std::fs::read_dir(&cache).map_or(0, |d| d.count());
    for (extra, files) in [(&[][..], 1), (&["--no-cache"][..], 0)] {
        let _ = std::fs::remove_dir_all(&cache);
        let mut cmd = harness::fascia_on_terminal("xterm");
        cmd.args(["--data", "tests/fixtures/mini"])
            .args(extra)
            .env("FASCIA_HISTORY", dir.path().join("history"))
            .env("FASCIA_CACHE_DIR", &cache)
            .env("NO_COLOR", "1");
        let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
        p.exp_string(PROMPT).unwrap();
        send(&mut p, &format!(":data {}\r", data.display()));
        p.exp_string("2 structures, 1 fact\r\n").unwrap();
        p.exp_string(PROMPT).unwrap();
        assert_eq!(cached(), files, "{extra:?}");
        send(&mut p, "count muscles innervated-by tibial\r");
        p.exp_string("1").unwrap();
        p.exp_string(PROMPT).unwrap();
        leave(p);
    }
}

#[test]
fn an_unwritable_history_file_warns_and_the_shell_works() {
    let dir = tempfile::tempdir().unwrap();
    // a file where the history's directory should be
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let mut cmd = harness::fascia_on_terminal("xterm");
    cmd.args(["--data", "tests/fixtures/mini"])
        .env("FASCIA_HISTORY", blocker.join("history"))
        .env("NO_COLOR", "1")
        // a long answer goes through this "pager", which prints it
        .env("PAGER", "cat");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
    p.exp_string("fascia: warning: history file ").unwrap();
    p.exp_string("history will not be saved").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "show tibialis anterior\r");
    p.exp_string(TA_CARD).unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn colour_and_hints_on_a_terminal_unless_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = harness::fascia_on_terminal("xterm");
    cmd.args(["--data", "tests/fixtures/mini"])
        .env("FASCIA_HISTORY", dir.path().join("history"))
        .env_remove("NO_COLOR")
        // a long answer goes through this "pager", which prints it
        .env("PAGER", "cat");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
    p.exp_string(PROMPT).unwrap();
    // a dimmed hint finishes the name
    send(&mut p, "show tibialis a");
    p.exp_string("\x1b[2mnterior").unwrap();
    send(&mut p, "\x1b[C\r");
    p.exp_string(TA_CARD).unwrap();
    p.exp_string(PROMPT).unwrap();
    // after a kind, the hint is a relation that applies to it: muscles are
    // innervated-by, nerves innervate
    send(&mut p, "count muscles inn");
    p.exp_string("\x1b[2mervated-by").unwrap();
    send(&mut p, "\x1b[C tibial\r");
    p.exp_string("\n2\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "count nerves inn");
    p.exp_string("\x1b[2mervates").unwrap();
    send(&mut p, "\x1b[C soleus\r");
    p.exp_string("\n1\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn on_a_terminal_without_queries_output_and_broken_data_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (args, message) in [
        (
            &["--data", "tests/fixtures/mini", "-o", "answers.txt"][..],
            "fascia: -o needs queries: give -e, -f or standard input",
        ),
        (
            &["--data", "tests/fixtures/cli-broken"][..],
            "error: tests/fixtures/cli-broken does not load:",
        ),
    ] {
        let mut cmd = harness::fascia_on_terminal("xterm");
        cmd.args(args)
            .env("FASCIA_HISTORY", dir.path().join("history"))
            .env("NO_COLOR", "1")
            // a long answer goes through this "pager", which prints it
            .env("PAGER", "cat");
        let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
        let before = p.exp_string(message).unwrap();
        assert!(!before.contains(PROMPT), "{before}");
        p.exp_eof().unwrap();
        let status = p.process().wait().unwrap();
        assert!(matches!(status, WaitStatus::Exited(_, 2)), "{status:?}");
    }
    assert!(!root().join("answers.txt").exists());
}

/// A shell on the bundled data with no work limit to speak of.
fn start_unbounded(history: &Path) -> PtySession {
    let mut cmd = harness::fascia_on_terminal("xterm");
    cmd.env("FASCIA_HISTORY", history)
        .env("FASCIA_WORK_LIMIT", "1000000000000")
        .env("NO_COLOR", "1")
        // a long answer goes through this "pager", which prints it
        .env("PAGER", "cat");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
    p.exp_string(PROMPT).unwrap();
    p
}

#[test]
fn ctrl_c_cancels_a_running_query_and_the_shell_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start_unbounded(&dir.path().join("history"));
    // seconds of work at the least, minutes on a slow machine
    send(&mut p, "paths s1 to thoracolumbar-fascia max 8\r");
    p.exp_string("max 8").unwrap();
    // the editor leaves raw mode once the line is entered; give it that moment so the
    // key reaches the query as a signal rather than the editor as a key
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    p.exp_string("error: query cancelled").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "count muscles limit 3\r");
    p.exp_string("\n3\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn bytes_that_are_not_utf8_do_not_end_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    let mut tty = p.process().get_file_handle().unwrap();
    std::io::Write::write_all(&mut tty, b"show \xff\xfe\r").unwrap();
    p.exp_string("error: the line held bytes that are not UTF-8 text; it was dropped")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "count muscles\r");
    p.exp_string("\n5\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn several_statements_typed_or_pasted_each_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    // `;` separates statements on one line; a trailing one is fine
    send(&mut p, "count muscles; count nerves;\r");
    p.exp_string("fascia> count muscles\r\n5\r\n").unwrap();
    p.exp_string("fascia> count nerves\r\n8\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    // a bracketed paste of lines copied from the README, prompts and all
    send(&mut p, "\x1b[200~> count bones\n> count nerves\x1b[201~");
    send(&mut p, "\r");
    p.exp_string("fascia> count bones\r\n5\r\n").unwrap();
    p.exp_string("fascia> count nerves\r\n8\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

/// `fascia ARGS` on a pseudo-terminal `cols` columns wide: its output, until it ends.
fn on_a_terminal_of(cols: u16, args: &str) -> String {
    let mut cmd = harness::command_on_terminal("sh", "xterm");
    cmd.env("NO_COLOR", "1").env("PAGER", "cat").args([
        "-c",
        &format!(
            "stty cols {cols} rows 24 && exec '{}' --data tests/fixtures/mini {args}",
            harness::BIN
        ),
    ]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
    p.exp_eof().unwrap()
}

#[test]
fn text_fits_the_width_of_the_terminal() {
    // the widest line of this table is 96 columns in a pipe
    let fitted = on_a_terminal_of(60, "structures");
    let widest = fitted.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!((30..=60).contains(&widest), "{widest}:\n{fitted}");
    let wide = on_a_terminal_of(200, "structures");
    let widest = wide.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest > 60, "{widest}:\n{wide}");
}

#[test]
fn every_structure_fits_an_80_column_terminal_without_a_split_word() {
    let mut cmd = harness::command_on_terminal("sh", "xterm");
    cmd.env("NO_COLOR", "1").args([
        "-c",
        &format!(
            "stty cols 80 rows 24 && exec '{}' --no-pager structures",
            harness::BIN
        ),
    ]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
    let table = p.exp_eof().unwrap();
    let widest = table.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 80, "a line of {widest} columns");
    // a word broken across lines would leave two fragments and lose the word
    let words: std::collections::HashSet<&str> = table.split_whitespace().collect();
    let atlas = fascia::bundled().expect("the bundled data loads");
    let (_, answer) = fascia::query::run(&atlas, "structures").expect("an answer");
    let fascia::query::Answer::Set(set) = answer else {
        panic!("a set query gives a set");
    };
    assert!(set.nodes.len() > 400);
    for n in &set.nodes {
        let name = &atlas.node(*n).name;
        for word in name.split_whitespace() {
            assert!(words.contains(word), "`{word}` of {name} was split");
        }
    }
}

#[test]
fn lines_typed_ahead_are_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(&dir.path().join("history"), &[]);
    // three lines arrive at once, as a paste without bracketed paste does
    send(&mut p, "count muscles\rcount nerves\rcount bones\r");
    p.exp_string("5\r\n").unwrap();
    p.exp_string("8\r\n").unwrap();
    p.exp_string("5\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

#[test]
fn the_shell_fits_answers_to_the_terminal() {
    let mut cmd = harness::command_on_terminal("sh", "xterm");
    cmd.env("NO_COLOR", "1")
        .env("FASCIA_HISTORY", "")
        // a long answer goes through this "pager", which prints it
        .env("PAGER", "cat")
        .args([
            "-c",
            &format!(
                "stty cols 60 rows 24 && exec '{}' --data tests/fixtures/mini",
                harness::BIN
            ),
        ]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "structures\r");
    let answer = p.exp_string(" structures)\r\n").unwrap();
    // 96 columns in a pipe; the line echoed with its prompt aside, none is wider than 60
    let widest = answer
        .lines()
        .filter(|l| !l.contains(PROMPT))
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!((30..=60).contains(&widest), "{widest}:\n{answer}");
    p.exp_string(PROMPT).unwrap();
    leave(p);
}

/// A pager that records what it was given in `record` and says so on the screen.
fn recording_pager(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("pager.sh");
    let record = dir.join("paged.txt");
    std::fs::write(
        &script,
        format!("#!/bin/sh\ncat >> '{}'\necho '[paged]'\n", record.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, record)
}

/// `fascia ARGS` on a 60×24 pseudo-terminal with `pager` as `PAGER`.
fn spawn_paged(pager: &Path, args: &str) -> PtySession {
    let mut cmd = harness::command_on_terminal("sh", "xterm");
    cmd.env("NO_COLOR", "1")
        .env("FASCIA_HISTORY", "")
        .env("PAGER", pager)
        .args([
            "-c",
            &format!(
                "stty cols 60 rows 24 && exec '{}' --data tests/fixtures/mini {args}",
                harness::BIN
            ),
        ]);
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty")
}

/// What the pager got: a table with its header again at the top of each screenful
/// (23 lines above the pager's prompt on 24 rows), and no other copy of it.
fn assert_paged_table(paged: &str) {
    let lines: Vec<&str> = paged.lines().collect();
    let header = lines[0];
    assert!(header.starts_with("name "), "{paged}");
    // taller than one screen, so the header comes again at least once
    assert!(lines.len() > 24, "{paged}");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(*line == header, i % 23 == 0, "line {i}:\n{paged}");
    }
    assert!(lines[lines.len() - 1].ends_with(" structures)"), "{paged}");
}

#[test]
fn a_long_answer_goes_through_the_pager_with_its_header_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let (pager, record) = recording_pager(dir.path());
    let mut p = spawn_paged(&pager, "");
    p.exp_string(PROMPT).unwrap();
    // a short answer is printed as it is
    send(&mut p, "count muscles\r");
    p.exp_string("\n5\r\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    assert!(!record.exists());
    // more structures than 24 rows hold: paged
    send(&mut p, "structures\r");
    p.exp_string("[paged]").unwrap();
    p.exp_string(PROMPT).unwrap();
    let paged = std::fs::read_to_string(&record).unwrap();
    assert_paged_table(&paged);
    // and not after `:pager off`
    send(&mut p, ":pager off\r");
    p.exp_string("pager: off").unwrap();
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "structures\r");
    let shown = p.exp_string(" structures)\r\n").unwrap();
    assert!(!shown.contains("[paged]"), "{shown}");
    p.exp_string(PROMPT).unwrap();
    assert_eq!(std::fs::read_to_string(&record).unwrap(), paged);
    leave(p);

    // a one-shot run on a terminal pages too, unless --no-pager
    std::fs::remove_file(&record).unwrap();
    let mut p = spawn_paged(&pager, "structures");
    p.exp_string("[paged]").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(std::fs::read_to_string(&record).unwrap(), paged);
    std::fs::remove_file(&record).unwrap();
    let mut p = spawn_paged(&pager, "--no-pager structures");
    let shown = p.exp_eof().unwrap();
    assert!(shown.ends_with(" structures)\r\n"), "{shown}");
    assert!(!record.exists());
}

#[test]
fn without_a_pager_a_long_answer_is_printed() {
    let mut p = spawn_paged(Path::new("/nonexistent/pager"), "structures");
    let shown = p.exp_eof().unwrap();
    assert!(shown.ends_with(" structures)\r\n"), "{shown}");
}

#[test]
fn a_less_that_keeps_a_header_is_asked_to() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // a `less` of version 643 (which has --header) that records how it was called
    let less = dir.path().join("less");
    let args = dir.path().join("args.txt");
    let record = dir.path().join("paged.txt");
    std::fs::write(
        &less,
        format!(
            "#!/bin/sh\n[ \"$1\" = --version ] && {{ echo 'less 643 (POSIX regular expressions)'; exit 0; }}\n\
             echo \"$@\" > '{}'\ncat > '{}'\necho '[paged]'\n",
            args.display(),
            record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&less, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pager = format!("{} -R", less.display());
    let mut p = spawn_paged(Path::new(&pager), "structures");
    p.exp_string("[paged]").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(std::fs::read_to_string(&args).unwrap(), "-R --header=1\n");
    // the header once: less keeps it in view
    let paged = std::fs::read_to_string(&record).unwrap();
    let header = paged.lines().next().unwrap();
    assert!(header.starts_with("name "), "{paged}");
    assert_eq!(paged.lines().filter(|l| *l == header).count(), 1, "{paged}");
    assert!(paged.lines().count() > 24, "{paged}");
}

/// Issue 20: a student types questions at an 80-column terminal and reads each answer
/// after the query it became, and a lesion report; no line is wider than 80 columns and
/// no word is split across lines.
#[test]
fn questions_and_a_lesion_report_fit_an_80_column_terminal() {
    const QUESTIONS: &[(&str, &str)] = &[
        (
            "What does the radial nerve supply?",
            "= muscles innervated-by* \"radial nerve\"",
        ),
        (
            "nerve supply of the lumbricals",
            "= nerves innervates \"lumbricals of hand\"",
        ),
        (
            "which muscles dorsiflex the ankle",
            "= muscles performs \"dorsiflexion of the ankle\"",
        ),
        (
            "what is lost if the radial nerve is cut at the spiral groove",
            "= lesion \"radial nerve\" at \"spiral groove\"",
        ),
        (
            "which nerve is damaged in foot drop",
            "= localize shows \"foot drop\"",
        ),
    ];
    let mut cmd = harness::command_on_terminal("sh", "xterm");
    cmd.env("NO_COLOR", "1").env("FASCIA_HISTORY", "").args([
        "-c",
        &format!("stty cols 80 rows 24 && exec '{}' --no-pager", harness::BIN),
    ]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
    p.exp_string(PROMPT).unwrap();
    let mut screen = String::new();
    for (question, query) in QUESTIONS {
        send(&mut p, &format!("{question}\r"));
        p.exp_string(query).unwrap();
        screen.push_str(&p.exp_string(PROMPT).unwrap());
    }
    assert!(
        screen.contains("Lesion of Radial nerve at the spiral groove"),
        "{screen}"
    );
    assert!(screen.contains("Lumbrical"), "{screen}");
    leave(p);
    // the answers as a pipe gets them, each line as long as it needs
    let pipe = harness::fascia()
        .args(QUESTIONS.iter().flat_map(|(q, _)| ["-e", q]))
        .output()
        .unwrap();
    let piped = String::from_utf8(pipe.stdout).unwrap();
    let widest = piped.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest > 80,
        "the answers fit 80 columns even in a pipe: {widest}"
    );
    let whole: std::collections::HashSet<&str> = piped.split_whitespace().collect();
    for line in without_controls(&screen).lines() {
        let line = line.trim_end_matches('\r');
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
        for word in line.split_whitespace() {
            // a fragment of a split word is no word of the answers
            assert!(
                whole.contains(word),
                "`{word}` is not a whole word:\n{line}"
            );
        }
    }
}

/// Text less the terminal's control sequences (`ESC [ … letter`), as a screen shows it.
fn without_controls(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Issue 20: `help` on a terminal shorter than it (24 rows, 60 columns) is printed, its
/// lines fitted at spaces; a newcomer's first screen is never a pager's prompt.
#[test]
fn help_is_never_paged_and_fits_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (pager, record) = recording_pager(dir.path());
    let mut p = spawn_paged(&pager, "");
    p.exp_string(PROMPT).unwrap();
    send(&mut p, "help\r");
    let shown = p
        .exp_string("data       where the facts come from")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    assert!(!record.exists(), "help went through the pager");
    assert!(!shown.contains("[paged]"), "{shown}");
    let shown = without_controls(&shown);
    assert!(shown.contains("Topics (help TOPIC):"), "{shown}");
    for line in shown.lines().filter(|l| !l.contains(PROMPT)) {
        let line = line.trim_end_matches('\r');
        assert!(line.chars().count() <= 60, "{line}");
    }
    leave(p);
}
