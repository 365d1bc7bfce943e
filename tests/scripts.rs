//! End-to-end tests of the command line as scripts use it (issue 13): several statements
//! per argument, line or file, positional queries, `help`, `--echo`, JSON error documents,
//! `-o -`. The real binary on the mini fixture, exact outputs and exit codes.

mod harness;

use std::process::Command;

const MINI: &str = "tests/fixtures/mini";

/// What a run left behind: exit code, standard output, standard error.
type Run = (Option<i32>, String, String);

fn fascia(args: &[&str]) -> Command {
    let mut cmd = harness::fascia();
    cmd.args(["--data", MINI]).args(args);
    cmd
}

fn output(r: harness::Run) -> Run {
    (r.code, r.stdout, r.stderr)
}

fn run(args: &[&str]) -> Run {
    output(harness::run(&mut fascia(args)))
}

fn with_stdin(args: &[&str], input: &[u8]) -> Run {
    output(harness::run_with_stdin(&mut fascia(args), input))
}

fn ok(stdout: &str) -> Run {
    (Some(0), stdout.to_string(), String::new())
}

#[test]
fn semicolons_and_newlines_separate_statements_in_e() {
    assert_eq!(run(&["-e", "count muscles; count nerves;"]), ok("5\n\n8\n"));
    assert_eq!(run(&["-e", "count muscles\ncount nerves"]), ok("5\n\n8\n"));
    assert_eq!(run(&["-e", "count muscles;"]), ok("5\n"));
    // a `;` inside a quoted name is part of it; the failing statement is labelled
    let (code, stdout, stderr) = run(&["-e", "show \"a;b\"; count nerves"]);
    assert_eq!((code, stdout.as_str()), (Some(1), "8\n"));
    assert!(
        stderr.starts_with("-e 1: error: unknown name `a;b`\n"),
        "{stderr}"
    );
}

#[test]
fn scripts_continue_open_parentheses_and_accept_bom_crlf_and_prompts() {
    let script = "\u{feff}> count muscles\r\n# a comment\r\ncount (muscles\r\n  or nerves)\r\n\
                  fascia> count nerves; show solues\r\n";
    let (code, stdout, stderr) = with_stdin(&[], script.as_bytes());
    assert_eq!(
        (code, stdout.as_str()),
        (Some(1), "5\n\n13\n\n8\n"),
        "{stderr}"
    );
    // the error names the line where its statement starts
    assert!(
        stderr.starts_with("<stdin>:5: error: unknown name `solues`\n"),
        "{stderr}"
    );
    // an unclosed parenthesis at the end is reported, not lost
    let (code, _, stderr) = with_stdin(&[], b"count nerves\ncount (muscles\n");
    assert_eq!(code, Some(1));
    assert!(stderr.starts_with("<stdin>:2: error: "), "{stderr}");
}

#[test]
fn queries_may_be_given_as_arguments() {
    assert_eq!(run(&["count muscles"]), ok("5\n"));
    assert_eq!(
        run(&["-e", "count muscles", "count nerves; count bones"]),
        ok("5\n\n8\n\n5\n")
    );
    let (code, _, stderr) = run(&["count nerves", "show solues"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("query 2: error: unknown name `solues`\n"),
        "{stderr}"
    );
}

#[test]
fn help_is_a_subcommand_and_a_statement() {
    let (code, stdout, stderr) = run(&["help"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert!(stdout.contains("\nTopics (help TOPIC):\n"), "{stdout}");
    let (code, relations, _) = run(&["help", "relations"]);
    assert_eq!(code, Some(0));
    assert!(relations.contains("innervated-by"), "{relations}");
    // the same text as a statement, between other answers
    assert_eq!(
        run(&["-e", "count muscles; help relations"]),
        ok(&format!("5\n\n{relations}"))
    );
    let (code, _, stderr) = run(&["help", "relatoins"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("no help on `relatoins`; did you mean `help relations`?"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["-e", "help relatoins"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("error: no help on `relatoins`"),
        "{stderr}"
    );
}

#[test]
fn echo_prints_each_query_before_its_answer() {
    assert_eq!(
        run(&["--echo", "count muscles; count nerves"]),
        ok("> count muscles\n5\n\n> count nerves\n8\n")
    );
}

#[test]
fn json_gives_every_query_one_document_even_when_it_fails() {
    let (code, stdout, _) = run(&[
        "--format",
        "json",
        "count muscles; show solues; count nerves",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        "{\n  \"count\": 5\n}\n\
         {\n  \"error\": {\n    \"column\": 6,\n    \"help\": [\n      \"did you mean `soleus`?\"\n    ],\n    \"message\": \"unknown name `solues`\",\n    \"query\": \"show solues\",\n    \"width\": 6\n  }\n}\n\
         {\n  \"count\": 8\n}\n"
    );
    // with --echo each answer carries its query
    let (code, stdout, _) = run(&["--format", "json", "--echo", "count muscles"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "{\n  \"query\": \"count muscles\",\n  \"answer\": {\n    \"count\": 5\n  }\n}\n"
    );
    // a set cut by `limit` keeps its total beside the array
    let (_, stdout, _) = run(&["--format", "json", "--echo", "muscles limit 2"]);
    let echoed: serde_json::Value = serde_json::from_str(&stdout).expect("one document");
    assert_eq!(echoed["query"], "muscles limit 2");
    assert_eq!(echoed["answer"].as_array().map(Vec::len), Some(2));
    assert_eq!(echoed["total"], 5);
    // a line that cannot be read still has its document
    let (code, stdout, _) = with_stdin(&["--format", "json"], b"count nerves\n\xff\n");
    assert_eq!(code, Some(1));
    let documents: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("a JSON stream");
    assert_eq!(documents.len(), 2);
    assert_eq!(documents[1]["error"]["query"], serde_json::Value::Null);
    assert_eq!(documents[1]["error"].get("help"), None);
    // what the text shows under an error is in the document too
    let (code, stdout, _) = run(&["--format", "json", "show solues"]);
    assert_eq!(code, Some(1));
    let failed: serde_json::Value = serde_json::from_str(&stdout).expect("one document");
    assert_eq!(failed["error"]["query"], "show solues");
    let help = failed["error"]["help"].as_array().expect("help lines");
    assert!(
        help.iter()
            .any(|h| h.as_str().is_some_and(|h| h.contains("`soleus`"))),
        "{failed}"
    );
}

#[test]
fn dash_o_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = harness::run(
        harness::fascia()
            .current_dir(dir.path())
            .args(["--data"])
            .arg(harness::root().join(MINI))
            .args(["-e", "count muscles", "-o", "-"]),
    );
    assert_eq!(output(out), ok("5\n"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn errors_name_kinds_as_tables_do() {
    // "muscle part", as the kind column says, not the data files' `muscle-part`
    assert_eq!(
        run(&["show head"]),
        (
            Some(1),
            String::new(),
            "error: `head` could name 3 structures\n  | show head\n  |      ^^^^\n  \
             = say which one, by its name or id:\n  \
             =   long-head-of-biceps-femoris        Biceps femoris, long head (muscle part)\n  \
             =   short-head-of-biceps-femoris       Biceps femoris, short head (muscle part)\n  \
             =   head-of-fibula                     Head of fibula (landmark)\n"
                .to_string()
        )
    );
}

#[test]
fn why_of_a_kind_says_how_to_list_and_how_to_explain() {
    assert_eq!(
        run(&["why muscles innervated-by tibial"]),
        (
            Some(1),
            String::new(),
            "error: `why` explains one structure's fact, and `muscles` is a kind\n  \
             | why muscles innervated-by tibial\n  |     ^^^^^^^\n  \
             = `muscles innervated-by tibial` lists them; `why NAME innervated-by tibial` \
             explains one\n"
                .to_string()
        )
    );
}

#[test]
fn a_last_operator_continues_a_statement_in_a_script() {
    let script = "count muscles or\n  nerves\nshow tibail and\n  x\ncount bones,\n";
    let (code, stdout, stderr) = with_stdin(&["--echo"], script.as_bytes());
    assert_eq!(
        (code, stdout.as_str()),
        (Some(1), "> count muscles or nerves\n13\n")
    );
    // each failure is labelled with the line its statement starts on
    let labels: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("<stdin>:"))
        .map(|l| l.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(labels, ["<stdin>:3", "<stdin>:5"], "{stderr}");
}
