//! End-to-end tests of the command line: the real binary, exact outputs on the mini
//! fixture, exact exit codes.

mod harness;

use harness::{Run, fascia, root};
use std::path::{Path, PathBuf};
use std::process::Stdio;

const MINI: &str = "tests/fixtures/mini";
const BROKEN: &str = "tests/fixtures/cli-broken";

fn run(args: &[&str]) -> Run {
    harness::fascia_run(args)
}

/// "N structures, M facts" of a data directory, as the library counts them: the
/// fixture may grow, and these tests are about the command line, not the counting.
fn counts(dir: &str) -> String {
    let atlas = fascia::load_dir(&root().join(dir)).expect("the fixture loads");
    format!(
        "{} structures, {} facts",
        atlas.structure_count(),
        atlas.fact_count()
    )
}

fn mini(args: &[&str]) -> Run {
    let mut all = vec!["--data", MINI];
    all.extend_from_slice(args);
    run(&all)
}

fn with_stdin(args: &[&str], input: &str) -> Run {
    harness::run_with_stdin(fascia().args(args), input.as_bytes())
}

const TIBIAL_TABLE: &str = "\
name            kind    id              through
Biceps femoris  muscle  biceps-femoris  long head
Soleus          muscle  soleus
(2 structures; 1 more with `muscles innervated-by* \"tibial nerve\"`)
";

const TIBAIL_ERROR: &str = "\
error: unknown name `tibail`
  | show tibail
  |      ^^^^^^
  = did you mean `tibial`, `tibia` or `tibialis anterior`?
";

#[test]
fn one_query_prints_its_answer_as_text() {
    let r = mini(&["-e", "muscles innervated-by tibial nerve"]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), TIBIAL_TABLE, "")
    );
}

#[test]
fn text_answers_are_separated_by_a_blank_line() {
    let r = mini(&["-e", "count muscles", "-e", "path soleus to sciatic nerve"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "5\n\nSoleus\n  innervated-by  Tibial nerve\n  branch-of      Sciatic nerve\n(2 steps)\n"
    );
}

#[test]
fn json_prints_one_document_per_query() {
    let r = mini(&[
        "--format",
        "json",
        "-e",
        "muscles innervated-by tibial nerve",
        "-e",
        "count muscles",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&r.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("a stream of JSON documents");
    assert_eq!(
        docs,
        [
            serde_json::json!([
                {"id": "biceps-femoris", "kind": "muscle", "name": "Biceps femoris", "via": [
                    {"id": "long-head-of-biceps-femoris", "kind": "muscle-part", "name": "Biceps femoris, long head"}
                ]},
                {"id": "soleus", "kind": "muscle", "name": "Soleus"},
            ]),
            serde_json::json!({"count": 5}),
        ]
    );
}

#[test]
fn dot_format_and_dot_queries_draw_graphs() {
    let r = mini(&["--format", "dot", "-e", "muscles performs plantarflexion"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("digraph fascia {\n"), "{}", r.stdout);
    assert!(r.stdout.ends_with("}\n"));
    // `dot …` draws whatever the format, and the other answers keep theirs
    let r = mini(&[
        "--format",
        "json",
        "-e",
        "dot count muscles",
        "-e",
        "count muscles",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("digraph fascia {\n  label=\"count muscles\\ncount: 5\";\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with("}\n\n{\n  \"count\": 5\n}\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_failed_query_sets_status_1_and_the_others_still_run() {
    let r = mini(&[
        "-e",
        "count muscles",
        "-e",
        "show tibail",
        "-e",
        "count nerves",
    ]);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "5\n\n8\n");
    assert_eq!(r.stderr, format!("-e 2: {TIBAIL_ERROR}"));
}

#[test]
fn a_single_failed_query_is_not_labelled() {
    let r = mini(&["-e", "show tibail"]);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), ""));
    assert_eq!(r.stderr, TIBAIL_ERROR);
    let r = mini(&["-e", "muscles innervated-by"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.starts_with("error: syntax error: expected "),
        "{}",
        r.stderr
    );
    let r = mini(&["-e", ""]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (Some(1), "error: empty query\n")
    );
}

#[test]
fn a_script_file_skips_comments_and_names_the_failing_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("queries.fa");
    std::fs::write(
        &script,
        "# a comment\n\ncount muscles   # trailing comment\n  \nshow tibail\ncount nerves\n",
    )
    .unwrap();
    let path = script.to_str().unwrap();
    let r = mini(&["-f", path]);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "5\n\n8\n");
    assert_eq!(r.stderr, format!("{path}:5: {TIBAIL_ERROR}"));
}

#[test]
fn queries_and_files_run_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("q.fa");
    std::fs::write(&script, "count nerves\n").unwrap();
    let path = script.to_str().unwrap();
    let r = mini(&["-e", "count muscles", "-f", path, "-e", "count bones"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (Some(0), "5\n\n8\n\n5\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_script_file_is_a_usage_error() {
    let r = mini(&["-f", "no/such/file.fa"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .starts_with("fascia: cannot read no/such/file.fa: "),
        "{}",
        r.stderr
    );
}

#[test]
fn queries_come_from_standard_input_when_it_is_not_a_terminal() {
    let r = with_stdin(
        &["--data", MINI],
        "count muscles\n# comment\n\ncount nerves\n",
    );
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), "5\n\n8\n", "")
    );
    let r = with_stdin(&["--data", MINI], "show tibail\r\ncount nerves\r\n");
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "8\n");
    assert_eq!(r.stderr, format!("<stdin>:1: {TIBAIL_ERROR}"));
    // `-f -` is standard input too
    let r = with_stdin(
        &["--data", MINI, "-e", "count bones", "-f", "-"],
        "count nerves\n",
    );
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "5\n\n8\n"));
    // nothing to read: nothing to do
    let r = with_stdin(&["--data", MINI], "");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), "", "")
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["--bogus"][..],
        &["--format", "xml", "-e", "count muscles"],
        &["-e"],
        &["-e", "count muscles", "check"],
        &["check", "a", "b"],
    ] {
        let r = run(args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn data_that_does_not_load_exits_with_2() {
    let r = run(&["--data", "no/such/dir", "-e", "count muscles"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.starts_with("error: cannot read no/such/dir: "),
        "{}",
        r.stderr
    );
    let r = run(&["--data", BROKEN, "-e", "count muscles"]);
    assert_eq!((r.code, r.stdout.as_str()), (Some(2), ""));
    assert_eq!(
        r.stderr,
        format!("error: {BROKEN} does not load:\n{BROKEN_PROBLEMS}\n")
    );
}

const BROKEN_PROBLEMS: &str = "\
tests/fixtures/cli-broken/broken.toml:19:1: muscle `soleus` has no innervated-by fact (an innervation)
tests/fixtures/cli-broken/broken.toml:19:1: muscle `soleus` has no supplied-by fact (an arterial supply)
tests/fixtures/cli-broken/broken.toml:19:1: muscle `soleus` has no performs fact (an action)
tests/fixtures/cli-broken/broken.toml:25:17: unknown id `tibail-nerve`; did you mean `tibial-nerve`?
tests/fixtures/cli-broken/broken.toml:26:15: `calcaneus` is a bone; supplied-by takes an artery
tests/fixtures/cli-broken/broken.toml:27:12: `calcaneus` is a bone; performs takes a movement
tests/fixtures/cli-broken/typo.toml:7:1: unknown key `brunch-of`; did you mean `branch-of`?
7 problems found";

#[test]
fn check_reports_counts_on_good_data() {
    let ok = format!("ok: {}\n", counts(MINI));
    let r = run(&["check", MINI]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), ok.as_str(), "")
    );
    // --data names the directory too
    let r = run(&["--data", MINI, "check"]);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), ok.as_str()));
}

#[test]
fn check_lists_every_problem_with_file_line_and_column() {
    let r = run(&["check", BROKEN]);
    assert_eq!(r.code, Some(2));
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, format!("{BROKEN_PROBLEMS}\n"));
    let r = run(&["check", "no/such/dir"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.starts_with("error: cannot read no/such/dir: "));
}

#[test]
fn check_without_a_directory_checks_the_bundled_data() {
    let r = run(&["check"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let counts = r
        .stdout
        .strip_prefix("ok: ")
        .and_then(|s| s.strip_suffix(" facts\n"))
        .and_then(|s| s.split_once(" structures, "))
        .expect("ok: N structures, M facts");
    assert!(counts.0.parse::<usize>().unwrap() > 0);
    assert!(counts.1.parse::<usize>().unwrap() > 0);
}

#[test]
fn the_bundled_data_answers_queries() {
    let r = run(&["-e", "show soleus"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.starts_with("Soleus  (muscle, id soleus)\n"),
        "{}",
        r.stdout
    );
    let r = run(&["--format", "json", "-e", "count muscles"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(doc["count"].as_u64().unwrap() > 0);
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    all.sort();
    all
}

#[test]
fn output_file_is_written_whole_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("answers.txt");
    std::fs::write(&target, "old answers\n").unwrap();
    let r = mini(&[
        "-e",
        "count muscles",
        "-e",
        "count nerves",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), "", "")
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "5\n\n8\n");
    assert_eq!(entries(dir.path()), [target]);
}

#[test]
fn output_file_is_left_untouched_when_a_query_fails() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("answers.txt");
    std::fs::write(&target, "old answers\n").unwrap();
    let target_arg = target.to_str().unwrap();
    let r = mini(&["-e", "count muscles", "-e", "show tibail", "-o", target_arg]);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), ""));
    assert_eq!(
        r.stderr,
        format!("-e 2: {TIBAIL_ERROR}fascia: {target_arg} left unchanged: 1 query failed\n")
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old answers\n");
    // no temporary file left beside it
    assert_eq!(entries(dir.path()), std::slice::from_ref(&target));
    // and a new file is not created at all
    let fresh = dir.path().join("fresh.txt");
    let r = mini(&["-e", "show tibail", "-o", fresh.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(!fresh.exists());
    assert_eq!(entries(dir.path()), [target]);
}

#[test]
fn output_file_in_a_missing_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/answers.txt");
    let r = mini(&["-e", "count muscles", "-o", target.to_str().unwrap()]);
    // the error names the target, not the temporary file beside it
    assert_eq!(
        (r.code, r.stderr),
        (
            Some(2),
            format!(
                "fascia: cannot write {}: No such file or directory (os error 2)\n",
                target.display()
            )
        )
    );
    assert!(!target.exists());
}

/// A directory that refuses new files, for whoever runs the tests (root writes into a
/// mode 0555 directory, so that case is skipped there).
#[cfg(unix)]
fn read_only_dir() -> Option<tempfile::TempDir> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, "").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        return None;
    }
    Some(dir)
}

#[cfg(unix)]
#[test]
fn output_file_in_a_read_only_directory_names_the_target() {
    let Some(dir) = read_only_dir() else {
        return;
    };
    let target = dir.path().join("answers.txt");
    let r = mini(&["-e", "count muscles", "-o", target.to_str().unwrap()]);
    assert_eq!(
        (r.code, r.stderr),
        (
            Some(2),
            format!(
                "fascia: cannot write {}: Permission denied (os error 13)\n",
                target.display()
            )
        )
    );
}

/// A full disk, as a file size limit (`ulimit -f`, with SIGXFSZ ignored so a write past
/// it fails with EFBIG instead of killing fascia): the error names the target and
/// nothing is left behind.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_names_the_target_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("answers.txt");
    std::fs::write(&target, "old answers\n").unwrap();
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' --data {MINI} -e structures -e 'show soleus' \
         -o '{}'",
        harness::BIN,
        target.display()
    );
    let r = harness::run(harness::command("sh").args(["-c", &script]));
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr),
        (
            Some(2),
            "",
            format!(
                "fascia: cannot write {}: File too large (os error 27)\n",
                target.display()
            )
        )
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old answers\n");
    assert_eq!(entries(dir.path()), [target]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // the reader goes away before fascia writes: every write fails with EPIPE
    let mut child = fascia()
        .args(["-e", "structures", "-e", "structures", "-e", "structures"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let r: Run = child.wait_with_output().unwrap().into();
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
}

#[test]
fn help_and_version() {
    let r = run(&["--help"]);
    assert_eq!(r.code, Some(0));
    assert!(r.stdout.contains("Usage: fascia [OPTIONS]"), "{}", r.stdout);
    assert!(r.stdout.contains("\nExamples:\n  fascia "), "{}", r.stdout);
    // the version, then what the bundled data covers, counted as `count structures`
    // counts (parts under their wholes) and with the parts
    let r = run(&["--version"]);
    let atlas = fascia::bundled().expect("the bundled data loads");
    let (_, counted) = fascia::run(&atlas, "count structures").expect("count runs");
    assert_eq!(
        (r.code, r.stdout),
        (
            Some(0),
            format!(
                "fascia {}\ndata: the head and neck, the lower limb, the trunk and the upper limb; {} structures ({} with their \
                 parts), {} facts, {} sources\nidentifiers: {}\n",
                env!("CARGO_PKG_VERSION"),
                counted.count().expect("a count"),
                atlas.structure_count(),
                atlas.fact_count(),
                atlas.sources().len(),
                fascia::graph::model::XrefCoverage::of(atlas.structures().map(|n| atlas.node(n)))
            )
        )
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    // a pipe is not a terminal
    let r = mini(&["-e", "show tibail"]);
    assert!(!r.stderr.contains('\u{1b}'));
    let r = mini(&["--color", "always", "-e", "show tibail"]);
    assert!(r.stderr.starts_with("\u{1b}["), "{:?}", r.stderr);
    let r = mini(&["--color", "never", "-e", "show tibail"]);
    assert_eq!(r.stderr, TIBAIL_ERROR);
}

#[test]
fn a_name_with_a_comma_is_accepted_back_unquoted() {
    let quoted = mini(&["show \"biceps femoris, short head\""]);
    assert_eq!(quoted.code, Some(0), "{}", quoted.stderr);
    assert!(
        quoted
            .stdout
            .starts_with("Biceps femoris, short head  (muscle part, "),
        "{}",
        quoted.stdout
    );
    // as fascia prints it, and with the space before or after the comma left out
    for bare in [
        "show biceps femoris, short head",
        "show Biceps femoris,short head",
        "show biceps femoris , short head",
    ] {
        let r = mini(&[bare]);
        assert_eq!((r.code, &r.stdout), (Some(0), &quoted.stdout), "{bare}");
    }
    // commas still separate the relations of `via`
    let r = mini(&["path soleus to sciatic via innervated-by, branch-of"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (
            Some(0),
            "Soleus\n  innervated-by  Tibial nerve\n  branch-of      Sciatic nerve\n(2 steps)\n"
        )
    );
    // a name that does not resolve is reported whole, comma and all
    let r = mini(&["show soleus, short head"]);
    assert_eq!(
        (r.code, r.stderr.lines().next()),
        (Some(1), Some("error: unknown name `soleus, short head`"))
    );
}

#[cfg(unix)]
#[test]
fn answers_are_never_paged_in_a_pipe_or_a_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let pager = dir.path().join("pager.sh");
    let record = dir.path().join("paged.txt");
    std::fs::write(&pager, format!("#!/bin/sh\ncat > '{}'\n", record.display())).unwrap();
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).unwrap();
    let target = dir.path().join("answers.txt");
    for args in [
        &["--data", MINI, "structures"][..],
        &["--data", MINI, "structures", "-o", target.to_str().unwrap()][..],
    ] {
        let r = harness::run(fascia().args(args).env("PAGER", &pager));
        assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
        assert!(!record.exists(), "{args:?}");
    }
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .ends_with(" structures)\n")
    );
}

#[test]
fn a_name_outside_the_bundled_regions_says_so() {
    let r = run(&["muscles innervated-by \"thoracic duct\""]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            Some(1),
            "",
            "error: unknown nerve or spinal root `thoracic duct`\n  \
             | muscles innervated-by \"thoracic duct\"\n  \
             |                       ^^^^^^^^^^^^^^^\n  \
             = `thoracic duct` is a lymphatic vessel of the thorax and abdomen, which the \
             data does not cover yet: it covers the head and neck, the lower limb, the trunk and the upper limb\n"
        )
    );
}

/// The settings [`the_harness_keeps_the_callers_settings_from_fascia`] runs this test
/// binary with: each would change an answer below if it reached fascia.
const CALLER_SETTINGS: [(&str, &str); 5] = [
    ("FASCIA_MAX_FILE_SIZE", "1"),
    ("FASCIA_WORK_LIMIT", "1"),
    ("FASCIA_NOT_YET_INVENTED", "1"),
    ("NO_COLOR", ""),
    ("TERM", "dumb"),
];

/// A developer's environment never reaches the binary: this test binary runs its
/// ignored half again with settings that, given to fascia directly, refuse its data.
#[test]
fn the_harness_keeps_the_callers_settings_from_fascia() {
    let query = [
        "--data",
        MINI,
        "-e",
        "count muscles innervated-by* sciatic nerve",
    ];
    // given directly, the size limit refuses the data: the settings matter
    let direct = harness::run(
        std::process::Command::new(harness::BIN)
            .current_dir(root())
            .args(query)
            .envs(CALLER_SETTINGS),
    );
    assert_eq!(direct.code, Some(2), "{direct:?}");
    let again = harness::run(
        std::process::Command::new(std::env::current_exe().expect("this test binary"))
            .args([
                "--exact",
                "callers_settings_do_not_reach_fascia",
                "--ignored",
            ])
            .envs(CALLER_SETTINGS),
    );
    assert_eq!(again.code, Some(0), "{again:?}");
    assert!(again.stdout.contains("1 passed"), "{}", again.stdout);
}

#[test]
#[ignore = "run by the_harness_keeps_the_callers_settings_from_fascia, with settings"]
fn callers_settings_do_not_reach_fascia() {
    for (name, _) in CALLER_SETTINGS {
        assert!(std::env::var_os(name).is_some(), "{name} is set here");
    }
    let r = mini(&["-e", "count muscles innervated-by* sciatic nerve"]);
    assert_eq!(r.triple(), (Some(0), "4\n", ""));
    let env = harness::run(&mut harness::command("env"));
    let leaked: Vec<&str> = env
        .stdout
        .lines()
        .filter(|l| {
            CALLER_SETTINGS
                .iter()
                .any(|(n, _)| l.starts_with(&format!("{n}=")))
        })
        .collect();
    assert!(leaked.is_empty(), "{leaked:?}");
}
