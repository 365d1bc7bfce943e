//! Regression tests for hostile input: files that are not files, inputs without end,
//! queries without bound, bytes that are not text, and messages that were wrong. Each
//! test is named after what it checks.

mod harness;

use fascia::query::{Budget, Cancel, run_within};
use fascia::{Atlas, QueryError};
use harness::{Run, fascia, root, run};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MINI: &str = "tests/fixtures/mini";

fn mini(args: &[&str]) -> Run {
    run(fascia().args(["--data", MINI]).args(args))
}

fn bundled() -> Atlas {
    fascia::bundled().expect("the bundled data loads")
}

fn query_error(atlas: &Atlas, text: &str) -> String {
    match fascia::query::run(atlas, text) {
        Ok(_) => panic!("{text} should fail"),
        Err(e) => e.render(text),
    }
}

/// A copy of the mini fixture in a fresh directory.
fn mini_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join(MINI).join("mini.toml"),
        dir.path().join("mini.toml"),
    )
    .unwrap();
    dir
}

fn counts(dir: &Path) -> String {
    let atlas = fascia::load_dir(&root().join(MINI)).unwrap();
    let _ = dir;
    format!(
        "ok: {} structures, {} facts\n",
        atlas.structure_count(),
        atlas.fact_count()
    )
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn temp_files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

// ------------------------------------------------------------------ -o

#[cfg(unix)]
#[test]
fn output_refuses_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let r = mini(&["-e", "count muscles", "-o", fifo.to_str().unwrap()]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "fascia: will not write to {}: it is a FIFO; -o writes only to a regular file or a new path\n",
            fifo.display()
        )
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(temp_files_in(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn output_refuses_a_symlink_and_leaves_it_and_its_target_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.txt");
    std::fs::write(&target, "keep me\n").unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let r = mini(&["-e", "count muscles", "-o", link.to_str().unwrap()]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("it is a symbolic link"), "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
}

#[test]
fn output_refuses_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let r = mini(&["-e", "count muscles", "-o", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("it is a directory"), "{}", r.stderr);
}

#[test]
fn output_replaces_a_regular_file_and_creates_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    std::fs::write(&old, "old\n").unwrap();
    assert_eq!(
        mini(&["-e", "count muscles", "-o", old.to_str().unwrap()]).code,
        Some(0)
    );
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "5\n");
    let new = dir.path().join("new.txt");
    assert_eq!(
        mini(&["-e", "count muscles", "-o", new.to_str().unwrap()]).code,
        Some(0)
    );
    assert_eq!(std::fs::read_to_string(&new).unwrap(), "5\n");
}

/// Starts `fascia -f - -o out` reading a pipe that never ends, waits for its temporary
/// file, signals it, and returns the exit code and what is left in the directory.
#[cfg(unix)]
fn interrupt_output_run(signal: &str) -> (Option<i32>, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let mut child = fascia()
        .args(["--data", MINI, "-f", "-", "-o", out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"count muscles\n").unwrap();
    let started = Instant::now();
    while temp_files_in(dir.path()).is_empty() {
        assert!(started.elapsed() < Duration::from_secs(60), "no temp file");
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let code = child.wait().unwrap().code();
    drop(stdin);
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    (code, left)
}

#[cfg(unix)]
#[test]
fn interrupted_output_run_exits_130_and_leaves_no_temporary_file() {
    assert_eq!(interrupt_output_run("-INT"), (Some(130), Vec::new()));
}

#[cfg(unix)]
#[test]
fn terminated_output_run_leaves_no_temporary_file() {
    assert_eq!(interrupt_output_run("-TERM"), (Some(143), Vec::new()));
}

// ------------------------------------------------------------------ data directories

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_data_directory_are_walked_once() {
    let dir = mini_copy();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("again")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    // a second name for the same file is read once, not reported as duplicate ids
    std::os::unix::fs::symlink("mini.toml", dir.path().join("same.toml")).unwrap();
    let r = run(fascia().arg("check").arg(dir.path()));
    assert_eq!(
        (r.code, r.stdout),
        (Some(0), counts(dir.path())),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_data_file_is_refused_not_waited_on() {
    let dir = mini_copy();
    let fifo = dir.path().join("x.toml");
    mkfifo(&fifo);
    let r = run(fascia().arg("check").arg(dir.path()));
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "error: {} is a FIFO; data files must be regular files\n",
            fifo.display()
        )
    );
    assert!(fascia::load_dir(dir.path()).is_err());
}

#[cfg(unix)]
#[test]
fn a_data_file_linked_to_dev_zero_is_refused() {
    let dir = mini_copy();
    let link = dir.path().join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let r = run(fascia()
        .arg("--data")
        .arg(dir.path())
        .args(["-e", "count muscles"]));
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "error: {} is a character device; data files must be regular files\n",
            link.display()
        )
    );
}

#[test]
fn a_data_file_over_the_size_limit_names_the_limit_and_how_to_raise_it() {
    let dir = mini_copy();
    let r = run(fascia()
        .arg("check")
        .arg(dir.path())
        .env("FASCIA_MAX_FILE_SIZE", "100"));
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "error: {} is larger than 100 bytes, the limit for one data file (raise it with \
             the environment variable FASCIA_MAX_FILE_SIZE)\n",
            dir.path().join("mini.toml").display()
        )
    );
}

#[test]
fn invalid_utf8_in_a_data_file_is_located_by_line_and_column() {
    let dir = mini_copy();
    std::fs::write(dir.path().join("bad.toml"), b"# ok\n# caf\xe9\n").unwrap();
    let r = run(fascia().arg("check").arg(dir.path()));
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "{}:2:6: invalid UTF-8 (byte 0xe9); data files are UTF-8 text\n1 problem found\n",
            dir.path().join("bad.toml").display()
        )
    );
}

const SOURCES: &str = "[[source]]\nid = \"t\"\ntitle = \"T\"\npublisher = \"P\"\n";

fn problems(text: &str) -> Vec<String> {
    match fascia::load_files([("s.toml", SOURCES), ("d.toml", text)], "test") {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn control_characters_in_data_strings_are_refused_with_their_position() {
    let text = "[[bone]]\nid = \"a\"\nname = \"A\\u001b[31m\"\nsources = [\"t\"]\n\n\
                [[bone]]\nid = \"b\"\nname = \"B\"\nlatin = \"x\\ry\"\nsources = [\"t\"]\n\n\
                [[bone]]\nid = \"c\"\nname = \"C\"\naliases = [\"c\\u0000\"]\nsources = [\"t\"]\n";
    assert_eq!(
        problems(text),
        [
            "d.toml:3:8: control character U+001B in the name of `a` (character 2); text in \
             data files may not hold control characters",
            "d.toml:6:1: control character U+000D in the latin of `b` (character 2); text in \
             data files may not hold control characters",
            "d.toml:15:12: control character U+0000 in the alias of `c` (character 2); text in \
             data files may not hold control characters",
        ]
    );
}

#[test]
fn control_characters_in_sources_are_refused() {
    let sources = "[[source]]\nid = \"t\"\ntitle = \"T\\u001b\"\npublisher = \"P\"\n";
    let got = match fascia::load_files([("s.toml", sources)], "test") {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        got,
        [
            "s.toml:1:1: control character U+001B in the title of `t` (character 2); text in \
          data files may not hold control characters"
        ]
    );
}

#[test]
fn an_empty_alias_is_refused() {
    let text = "[[bone]]\nid = \"a\"\nname = \"A\"\naliases = [\"\", \" \"]\nsources = [\"t\"]\n";
    assert_eq!(
        problems(text),
        [
            "d.toml:4:12: empty alias of `a`",
            "d.toml:4:16: empty alias of `a`"
        ]
    );
}

#[test]
fn a_duplicate_id_blames_the_newer_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sources.toml"), SOURCES).unwrap();
    let bone = "[[bone]]\nid = \"a\"\nname = \"A\"\nsources = [\"t\"]\n";
    // b.toml sorts last but is the older file: a.toml brought the duplicate in
    let older = dir.path().join("b.toml");
    let newer = dir.path().join("a.toml");
    std::fs::write(&older, bone).unwrap();
    std::fs::write(&newer, bone.replace("\"A\"", "\"Another\"")).unwrap();
    let now = std::time::SystemTime::now();
    let set = |p: &Path, t| {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(t)
            .unwrap()
    };
    set(&older, now - Duration::from_secs(3600));
    set(&newer, now);
    let r = run(fascia().arg("check").arg(dir.path()));
    assert_eq!(
        r.stderr,
        format!(
            "{}:1:1: duplicate id `a` (also declared at {}:2:6, in an older file)\n1 problem found\n",
            newer.display(),
            older.display()
        )
    );
    // and the other way round, the later file in path order is the newer
    set(&older, now);
    set(&newer, now - Duration::from_secs(3600));
    let r = run(fascia().arg("check").arg(dir.path()));
    assert_eq!(
        r.stderr,
        format!(
            "{}:2:6: duplicate id `a` (first declared at {}:1:1)\n1 problem found\n",
            older.display(),
            newer.display()
        )
    );
}

#[test]
fn check_with_thousands_of_unknown_ids_stays_near_linear() {
    // each unknown id used to be compared with every id for a suggestion
    let mut text = String::new();
    let n = 5000;
    for i in 0..n {
        text.push_str(&format!(
            "[[bone]]\nid = \"bone-number-{i}\"\nname = \"Bone {i}\"\nsources = [\"t\"]\n\
             part-of = \"bone-numbr-{i}\"\n"
        ));
    }
    let got = problems(&text);
    assert_eq!(got.len(), n);
    assert_eq!(
        got[7],
        "d.toml:40:11: unknown id `bone-numbr-7`; did you mean `bone-number-7`?"
    );
}

// ------------------------------------------------------------------ scripts

#[cfg(unix)]
#[test]
fn a_script_from_a_device_is_refused_before_reading() {
    // /dev/zero would stop at the line limit, /dev/urandom never (issue 22)
    for device in ["/dev/zero", "/dev/urandom"] {
        let r = mini(&["-f", device]);
        assert_eq!(r.code, Some(2));
        assert_eq!(
            r.stderr,
            format!(
                "fascia: cannot read {device}: it is a character device; a script is a \
                 regular file or a pipe\n"
            )
        );
    }
}

#[test]
fn a_huge_line_on_standard_input_is_refused_without_reading_it_whole() {
    let mut child = fascia()
        .args(["--data", MINI])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 16];
        // fascia stops reading: the pipe breaks long before 64 MiB
        for _ in 0..1024 {
            if stdin.write_all(&chunk).is_err() {
                return true;
            }
        }
        false
    });
    let r: Run = child.wait_with_output().unwrap().into();
    assert!(writer.join().unwrap(), "fascia read the whole line");
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .starts_with("<stdin>:1: error: line longer than 65536 bytes"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_in_a_script_fails_that_line_and_the_others_run() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("q.fa");
    std::fs::write(&script, b"count muscles\nshow \xff\xfe\ncount muscles\n").unwrap();
    let r = mini(&["-f", script.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "5\n\n5\n");
    assert_eq!(
        r.stderr,
        format!(
            "{}:2: error: invalid UTF-8 at column 6; queries are UTF-8 text\n",
            script.display()
        )
    );
}

#[test]
fn a_comment_after_a_name_with_an_apostrophe_is_stripped() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("q.fa");
    std::fs::write(&script, "show o'brien # no such muscle\n").unwrap();
    let r = mini(&["-f", script.to_str().unwrap()]);
    assert_eq!(
        r.stderr,
        format!(
            "{}:1: error: unknown name `o'brien`\n  | show o'brien\n  |      ^^^^^^^\n",
            script.display()
        )
    );
}

// ------------------------------------------------------------------ query messages

#[test]
fn an_ambiguous_name_counts_every_candidate() {
    let atlas = bundled();
    let e = fascia::query::run(&atlas, "show a").unwrap_err();
    let QueryError::Ambiguous {
        candidates, total, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert!(*total > candidates.len(), "{total}");
    let rendered = e.render("show a");
    assert!(
        rendered.starts_with(&format!("error: `a` could name {total} structures\n")),
        "{rendered}"
    );
    assert!(
        rendered.ends_with(&format!("\n  =   … and {} more", total - candidates.len())),
        "{rendered}"
    );
}

#[test]
fn a_number_too_large_says_so() {
    assert_eq!(
        query_error(&bundled(), "count muscles limit 99999999999"),
        "error: number too large: `limit` takes a number from 0 to 999999999\n  \
         | count muscles limit 99999999999\n  |                     ^^^^^^^^^^^"
    );
}

#[test]
fn caps_on_max_and_depth_are_reported_not_silent() {
    let atlas = bundled();
    assert_eq!(
        query_error(&atlas, "paths soleus to sciatic max 999999999"),
        "error: number too large: `max` takes a number from 1 to 8\n  \
         | paths soleus to sciatic max 999999999\n  |                             ^^^^^^^^^"
    );
    assert_eq!(
        query_error(&atlas, "around soleus depth 999999999"),
        "error: number too large: `depth` takes a number from 1 to 4\n  \
         | around soleus depth 999999999\n  |                     ^^^^^^^^^"
    );
    assert_eq!(
        query_error(&atlas, "around soleus depth 0"),
        "error: number too small: `depth` takes a number from 1 to 4\n  \
         | around soleus depth 0\n  |                     ^"
    );
}

#[test]
fn an_unclosed_quote_is_reported() {
    assert_eq!(
        query_error(&bundled(), "show 'soleus"),
        "error: unclosed quote: this `'` has no closing `'`\n  | show 'soleus\n  |      ^"
    );
}

#[test]
fn the_nesting_limit_applies_after_a_name_with_an_apostrophe() {
    let text = format!("muscles innervated-by o'brien or {}muscles", "(".repeat(40));
    let e = fascia::query::parse(&text).unwrap_err();
    assert!(matches!(e, QueryError::TooDeep { max: 32, .. }), "{e:?}");
}

#[test]
fn a_subquery_of_the_wrong_kind_is_an_error_like_a_name() {
    let atlas = bundled();
    assert_eq!(
        query_error(&atlas, "muscles innervated-by (muscles)"),
        "error: muscles are never what innervated-by takes: it takes a nerve or a spinal \
         root\n  | muscles innervated-by (muscles)\n  |                        ^^^^^^^"
    );
    assert!(query_error(&atlas, "muscles innervated-by femur").contains("is a bone"));
    // a subquery that can hold the right kind is fine, even when it is empty
    assert!(fascia::query::run(&atlas, "muscles innervated-by (structures)").is_ok());
}

// ------------------------------------------------------------------ work budgets

#[test]
fn paths_stop_at_the_work_limit_with_a_message_naming_it() {
    let r = run(fascia()
        .args(["-e", "paths s1 to thoracolumbar-fascia max 8"])
        .env("FASCIA_WORK_LIMIT", "10000"));
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "error: `paths` stopped after 10000 steps of work, the work limit\n  \
         = narrow the search (`via`, a smaller `max` or `depth`) or raise the limit with the \
         environment variable FASCIA_WORK_LIMIT\n"
    );
}

#[test]
fn a_bad_work_limit_is_a_usage_error() {
    let r = run(fascia()
        .args(["-e", "count muscles"])
        .env("FASCIA_WORK_LIMIT", "lots"));
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        "fascia: FASCIA_WORK_LIMIT must be a positive whole number of steps, not `lots`\n"
    );
}

#[test]
fn around_stops_at_the_work_limit() {
    let atlas = bundled();
    let e = run_within(&atlas, "around sciatic depth 4", &mut Budget::new(50)).unwrap_err();
    assert_eq!(
        e,
        QueryError::WorkLimit {
            what: "around",
            limit: 50
        }
    );
    assert!(run_within(&atlas, "around sciatic depth 4", &mut Budget::default()).is_ok());
}

#[test]
fn a_cancelled_query_stops() {
    let atlas = bundled();
    let cancel = Cancel::new();
    cancel.cancel();
    let mut budget = Budget::new(u64::MAX).with_cancel(cancel);
    let e = run_within(
        &atlas,
        "paths s1 to thoracolumbar-fascia max 8",
        &mut budget,
    );
    assert_eq!(e.unwrap_err(), QueryError::Cancelled);
}

#[test]
fn the_default_budget_answers_the_usual_queries() {
    let atlas = bundled();
    for q in [
        "paths soleus to sciatic",
        "paths soleus to sciatic max 6",
        "around soleus depth 2",
        "around sciatic depth 4",
    ] {
        assert!(fascia::query::run(&atlas, q).is_ok(), "{q}");
    }
}

// ------------------------------------------------------------------ printing queries

#[test]
fn names_the_grammar_does_not_take_bare_print_quoted_and_parse_back() {
    for (text, printed) in [
        ("show \"x²\"", "show \"x²\""),
        ("show \"-x\"", "show \"-x\""),
        ("show \"müller\"", "show \"müller\""),
        ("show o'brien", "show \"o'brien\""),
        ("show 'say \"a\"'", "show 'say \"a\"'"),
        ("show soleus", "show soleus"),
    ] {
        let query = fascia::query::parse(text).unwrap();
        assert_eq!(query.to_string(), printed, "{text}");
        let again = fascia::query::parse(printed).unwrap();
        assert_eq!(again.to_string(), printed, "{text}");
    }
}

/// Found by the round_trip fuzz target: a chain of 35 `or`s printed one level of
/// parentheses deeper per `or`, and the printed query broke the nesting limit.
#[test]
fn a_long_or_chain_prints_within_the_nesting_limit() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/fuzz/round-trip-or-chain.txt"))
        .unwrap();
    let query = fascia::query::parse(&text).unwrap();
    let printed = query.to_string();
    let again = fascia::query::parse(&printed).unwrap_or_else(|e| panic!("{printed}: {e}"));
    assert_eq!(again.to_string(), printed);
}

#[test]
fn an_exported_file_to_load_must_be_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("graph.nt");
    mkfifo(&fifo);
    let r = run(fascia().args(["--data", fifo.to_str().unwrap(), "-e", "count muscles"]));
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("is a FIFO; data files must be regular files"),
        "{}",
        r.stderr
    );
    let zero = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let r = run(fascia().args(["--data", zero.to_str().unwrap(), "-e", "count muscles"]));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("is a character device"), "{}", r.stderr);
}
