//! Questions in a student's own words (issue 20): each question in
//! `tests/fixtures/questions.txt` with the queries it becomes and their answers, and the
//! command line answering a question exactly as it answers its query, in text and JSON.
//! `FASCIA_BLESS=1 cargo test --test questions` rewrites the answers after a deliberate
//! change (read the difference before committing it).

mod common;
mod harness;

use common::ATLAS;
use fascia::ask::{Reading, read};
use fascia::output::Format;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/questions.txt";

/// One question and what the file says it gets.
struct Case {
    question: String,
    expected: String,
}

/// `?? question` lines, each followed by its answer; `## ` lines are comments.
fn cases(text: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for line in text.lines() {
        if let Some(q) = line.strip_prefix("?? ") {
            out.push(Case {
                question: q.to_string(),
                expected: String::new(),
            });
        } else if line.starts_with("## ") || line == "##" {
            continue;
        } else if let Some(case) = out.last_mut() {
            case.expected.push_str(line);
            case.expected.push('\n');
        }
    }
    for case in &mut out {
        case.expected = case.expected.trim_end().to_string();
    }
    out
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

#[test]
fn questions_get_the_answers_of_the_queries_they_become() {
    let text = fixture();
    let cases = cases(&text);
    assert!(cases.len() >= 60, "only {} questions", cases.len());
    let mut wrong = Vec::new();
    let mut blessed = String::new();
    for line in text.lines() {
        if line.starts_with("?? ") {
            break;
        }
        blessed.push_str(line);
        blessed.push('\n');
    }
    for case in &cases {
        let got = answer(&case.question);
        if got != case.expected {
            wrong.push(format!(
                "?? {}\n--- expected\n{}\n--- got\n{got}\n",
                case.question, case.expected
            ));
        }
        blessed.push_str(&format!("?? {}\n{got}\n\n", case.question));
    }
    if !wrong.is_empty() && std::env::var_os("FASCIA_BLESS").is_some() {
        // keep the comments where they were: before the question they precede
        let mut out = String::new();
        let mut answers = cases.iter().map(|c| answer(&c.question));
        let mut skipping = false;
        for line in text.lines() {
            if let Some(q) = line.strip_prefix("?? ") {
                out.push_str(&format!(
                    "?? {q}\n{}\n\n",
                    answers.next().unwrap_or_default()
                ));
                skipping = true;
            } else if line.starts_with("## ") || line == "##" {
                out.push_str(line);
                out.push('\n');
                skipping = false;
            } else if !skipping {
                out.push_str(line);
                out.push('\n');
            }
        }
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE), out).unwrap();
        return;
    }
    assert!(
        wrong.is_empty(),
        "{} of {} questions answer otherwise (FASCIA_BLESS=1 rewrites):\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// Every form the issue names has a question in the file, and both limbs are asked about.
#[test]
fn the_file_asks_every_form_of_question() {
    let text = fixture();
    let questions: Vec<String> = cases(&text)
        .into_iter()
        .map(|c| c.question.to_lowercase())
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
            questions.iter().any(|q| q.contains(form)),
            "no question with `{form}`"
        );
    }
    let answers = text.to_lowercase();
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
    let refusals = cases(&text)
        .into_iter()
        .filter(|c| c.expected.starts_with("error: cannot read this question"))
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
    for case in cases(&text) {
        if let Reading::Asked(asked) = read(&ATLAS, &case.question) {
            questions.push(case.question);
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
