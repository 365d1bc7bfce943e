//! Questions in a student's own words (issue 20): each question in
//! `tests/fixtures/questions.txt` with the queries it becomes and their answers, as the
//! snapshot `tests/snapshots/questions__answers.snap`, and the command line answering a
//! question exactly as it answers its query, in text and JSON. After a deliberate change,
//! review the snapshot's difference and accept it (README, Development).

mod common;
mod harness;

use common::ATLAS;
use fascia::ask::{Reading, read};
use fascia::output::Format;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/questions.txt";

/// The questions of the file, from its `?? question` lines; `## ` lines are comments.
fn questions(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.strip_prefix("?? ")).collect()
}

/// What fascia gives for a question: each query it became after `= `, then the
/// query's answer as text (a pipe's, with no width) or its error.
fn answer(question: &str) -> String {
    let queries = match read(&ATLAS, question) {
        Reading::Asked(queries) => queries,
        Reading::Refused(line) => return format!("error: {line}"),
        Reading::Typed => vec![question.to_string()],
    };
    let mut out = String::new();
    for query in queries {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("= {query}\n"));
        match fascia::query::run(&ATLAS, &query) {
            Ok((parsed, answer)) => {
                let mut buf = Vec::new();
                Format::Text
                    .renderer_for(None)
                    .render_query(&ATLAS, &parsed, &answer, &mut buf)
                    .unwrap();
                out.push_str(&String::from_utf8(buf).unwrap());
            }
            Err(e) => {
                out.push_str(&e.report(&query).to_string());
                out.push('\n');
            }
        }
    }
    out.trim_end().to_string()
}

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).unwrap()
}

/// The file with each question's answer after it: the snapshot's text.
fn answered(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        match line.strip_prefix("?? ") {
            Some(question) => out.push_str(&format!("?? {question}\n{}\n\n", answer(question))),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn questions_get_the_answers_of_the_queries_they_become() {
    let text = fixture();
    assert!(
        questions(&text).len() >= 60,
        "only {} questions",
        questions(&text).len()
    );
    insta::assert_snapshot!("answers", answered(&text));
}

/// Every form the issue names has a question in the file, and both limbs are asked about.
#[test]
fn the_file_asks_every_form_of_question() {
    let text = fixture();
    let asked: Vec<String> = questions(&text)
        .into_iter()
        .map(str::to_lowercase)
        .collect();
    let forms = [
        "what does",
        "supply of",
        "blood supply",
        "origin",
        "insertion",
        "action",
        "attaches to",
        "flex",
        "compartment",
        "branches of",
        "become",
        "contents of",
        "passes through",
        "root value",
        "myotome",
        "dermatome",
        "is lost if",
        "damaged in",
        "path between",
        "what is",
        "m. ",
        "n. ",
        "?",
    ];
    for form in forms {
        assert!(
            asked.iter().any(|q| q.contains(form)),
            "no question with `{form}`"
        );
    }
    let answers = answered(&text).to_lowercase();
    for limb in [
        "radial nerve",
        "tibial nerve",
        "biceps brachii",
        "soleus",
        "carpal tunnel",
        "tarsal tunnel",
    ] {
        assert!(answers.contains(limb), "nothing about the {limb}");
    }
    // refusals say which forms are near, and never answer
    let refusals = questions(&text)
        .into_iter()
        .filter(|q| answer(q).starts_with("error: cannot read this question"))
        .count();
    assert!(refusals >= 3, "{refusals} refusals");
}

fn fascia(args: &[String]) -> (String, String) {
    let r = harness::run(harness::fascia().args(args));
    (r.stdout, r.stderr)
}

/// The command line answers each question as it answers the query it became: the same
/// text after the `= query` line, the same JSON documents.
#[test]
fn the_command_line_answers_a_question_as_its_query() {
    let text = fixture();
    let mut questions = Vec::new();
    let mut queries = Vec::new();
    for question in self::questions(&text) {
        if let Reading::Asked(asked) = read(&ATLAS, question) {
            questions.push(question.to_string());
            queries.extend(asked);
        }
    }
    assert!(questions.len() >= 60, "{}", questions.len());
    let args = |texts: &[String], json: bool| {
        let mut args: Vec<String> = texts
            .iter()
            .flat_map(|t| ["-e".to_string(), t.clone()])
            .collect();
        if json {
            args.extend(["--format".to_string(), "json".to_string()]);
        }
        args
    };
    let (asked, errors) = fascia(&args(&questions, false));
    let (direct, _) = fascia(&args(&queries, false));
    // each query is shown before its answer, or before its error on standard error
    let shown: Vec<&str> = asked
        .lines()
        .chain(errors.lines())
        .filter_map(|l| l.strip_prefix("= "))
        .collect();
    assert_eq!(shown.len(), queries.len());
    for query in &queries {
        assert!(shown.contains(&query.as_str()), "{query} not shown");
    }
    let answers: String = asked
        .lines()
        .filter(|l| !l.starts_with("= "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(answers, direct);
    let (asked, _) = fascia(&args(&questions, true));
    let (direct, _) = fascia(&args(&queries, true));
    assert_eq!(asked, direct);
}
