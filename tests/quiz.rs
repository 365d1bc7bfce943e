//! Quizzes end to end: `fascia quiz` as JSON and on paper, `fascia export --format
//! anki`, and `quiz` in the shell driven through a pseudo-terminal.

mod harness;

use fascia::learn::{Filter, Generator, Question, Topic, answer_of};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

fn fascia(args: &[&str]) -> Output {
    let out = harness::fascia().args(args).output().expect("fascia runs");
    assert!(
        out.status.success(),
        "fascia {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ids(structures: &Value) -> Vec<String> {
    structures
        .as_array()
        .expect("an array of structures")
        .iter()
        .map(|s| s["id"].as_str().expect("an id").to_string())
        .collect()
}

#[test]
fn every_json_key_is_what_its_query_answers_for_several_seeds() {
    let atlas = fascia::bundled().unwrap();
    for seed in ["1", "7", "2026"] {
        let out = fascia(&["quiz", "--count", "12", "--seed", seed, "--format", "json"]);
        let quiz: Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = quiz.as_array().unwrap();
        assert_eq!(items.len(), 12);
        // the fields in the order the contract names them
        let text = String::from_utf8_lossy(&out.stdout);
        let at = |field: &str| text.find(&format!("\n    \"{field}\": ")).unwrap();
        assert!(at("question") < at("answer") && at("answer") < at("query"));
        assert!(at("query") < at("topic") && at("topic") < at("sources"));
        let topics: BTreeSet<&str> = items.iter().map(|q| q["topic"].as_str().unwrap()).collect();
        assert!(topics.len() > 5, "the topics take turns: {topics:?}");
        for item in items {
            let keys: BTreeSet<&str> = item
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                BTreeSet::from(["question", "answer", "query", "topic", "region", "sources"])
            );
            let query = item["query"].as_str().unwrap();
            let key = ids(&item["answer"]);
            assert!(!key.is_empty() && !item["sources"].as_array().unwrap().is_empty());
            // the query run by the library …
            let (_, answer) = fascia::run(&atlas, query).unwrap();
            let answered: Vec<String> = answer_of(&answer)
                .unwrap()
                .iter()
                .map(|n| atlas.node(*n).id.to_string())
                .collect();
            assert_eq!(answered, key, "{query}");
            // … and a set query run by the command line gives the same structures
            if !query.starts_with("lesion") && !query.starts_with("localize") {
                let out = fascia(&["-e", query, "--format", "json"]);
                let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(ids(&answer), key, "{query}");
            }
        }
        // the same seed, the same quiz
        let again = fascia(&["quiz", "--count", "12", "--seed", seed, "--format", "json"]);
        assert_eq!(again.stdout, out.stdout);
    }
    let one = fascia(&["quiz", "--seed", "1", "--format", "json"]).stdout;
    let other = fascia(&["quiz", "--seed", "2", "--format", "json"]).stdout;
    assert_ne!(one, other);
}

#[test]
fn a_paper_quiz_lists_the_questions_then_the_key() {
    let out = fascia(&[
        "quiz",
        "--count",
        "3",
        "--seed",
        "4",
        "--topic",
        "roots",
        "--region",
        "upper-limb",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let atlas = fascia::bundled().unwrap();
    let filter = Filter {
        region: Some(fascia::learn::region_named(&atlas, "upper-limb").unwrap()),
        topics: vec![Topic::Roots],
    };
    let quiz = Generator::new(&atlas).quiz(&filter, 3, 4);
    let mut expected = String::from("fascia quiz: 3 questions (seed 4)\n\n");
    for (i, q) in quiz.iter().enumerate() {
        expected.push_str(&format!("{}. {}\n", i + 1, q.text));
    }
    expected.push_str("\nAnswer key\n\n");
    for (i, q) in quiz.iter().enumerate() {
        assert_eq!(q.region_id(&atlas), Some("upper-limb"));
        expected.push_str(&format!(
            "{}. {}\n   query: {}\n   sources: {}\n",
            i + 1,
            q.answer_names(&atlas),
            q.query,
            fascia::learn::paper::source_ids(&atlas, &q.sources)
        ));
    }
    assert_eq!(text, expected);
}

#[test]
fn a_bad_topic_or_region_is_a_usage_error() {
    let out = harness::fascia()
        .args(["quiz", "--region", "tail"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fascia: unknown region `tail`; the regions are head-and-neck, lower-limb, trunk, upper-limb\n"
    );
}

/// The deck's notes: GUID, front, back, tags.
fn notes(deck: &str) -> Vec<Vec<&str>> {
    deck.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

#[test]
fn the_anki_deck_has_its_header_fields_and_stable_guids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fascia.txt");
    let file = path.to_str().unwrap();
    fascia(&["export", "--format", "anki", "-o", file]);
    let deck = std::fs::read_to_string(&path).unwrap();
    let header: Vec<&str> = deck.lines().take_while(|l| l.starts_with('#')).collect();
    assert_eq!(
        header,
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:fascia",
            "#guid column:1",
            "#tags column:4"
        ]
    );
    let all = notes(&deck);
    let atlas = fascia::bundled().unwrap();
    let questions: Vec<Question> = Generator::new(&atlas).all(&Filter::default());
    assert_eq!(all.len(), questions.len());
    assert!(all.len() > 300, "{}", all.len());
    let mut guids = BTreeSet::new();
    for (note, q) in all.iter().zip(&questions) {
        assert_eq!(note.len(), 4, "{note:?}");
        // the GUID names the fact: the topic and the structure or site asked about
        assert_eq!(note[0], format!("fascia/{}", q.key));
        assert!(guids.insert(note[0]), "{} twice", note[0]);
        assert!(!note[1].contains(['<', '>']) || note[1].contains("&lt;"));
        assert!(note[2].starts_with("<b>") && note[2].contains("Sources:<ul><li>"));
        assert!(note[3].starts_with("fascia ") && note[3].contains(&format!("topic::{}", q.topic)));
    }
    // a filtered deck puts its notes on other rows, under the same GUIDs
    let lower = fascia(&[
        "export",
        "--format",
        "anki",
        "--region",
        "lower-limb",
        "--topic",
        "innervation,roots",
    ]);
    let lower = String::from_utf8(lower.stdout).unwrap();
    let again = fascia(&[
        "export",
        "--format",
        "anki",
        "--region",
        "lower-limb",
        "--topic",
        "innervation,roots",
    ]);
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        lower,
        "the same run, the same deck"
    );
    let some = notes(&lower);
    assert!(!some.is_empty() && some.len() < all.len() / 3);
    for note in &some {
        assert!(note[3].contains("region::lower-limb"), "{note:?}");
        let same = all
            .iter()
            .find(|n| n[0] == note[0])
            .expect("in the whole deck");
        assert_eq!(same, note);
    }
    let moved = some
        .iter()
        .enumerate()
        .any(|(i, note)| all.iter().position(|n| n[0] == note[0]) != Some(i));
    assert!(moved, "the GUID is not the row");
}

#[test]
fn anki_guids_outlive_a_change_in_the_data() {
    // the same facts loaded from a copy of the data with a structure added before
    // the others: rows and node numbers move, GUIDs do not
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    copy_dir(&data, dir.path());
    let extra = dir.path().join("aaa-extra.toml");
    std::fs::write(
        &extra,
        "[[bone]]\nid = \"aaa-test-bone\"\nname = \"Aaa test bone\"\n",
    )
    .unwrap();
    let before = fascia(&["export", "--format", "anki", "--topic", "innervation"]).stdout;
    let data_arg = dir.path().to_str().unwrap();
    let after = fascia(&[
        "--data",
        data_arg,
        "export",
        "--format",
        "anki",
        "--topic",
        "innervation",
    ])
    .stdout;
    assert_eq!(
        String::from_utf8(before).unwrap(),
        String::from_utf8(after).unwrap()
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[cfg(unix)]
mod shell {
    use super::*;
    use rexpect::session::{PtySession, spawn_command};

    const PROMPT: &str = "fascia> ";
    const ANSWER: &str = "answer> ";
    const TIMEOUT_MS: u64 = 90_000;

    fn start(dir: &Path) -> PtySession {
        let mut cmd = harness::fascia_on_terminal("xterm");
        cmd.env("FASCIA_HISTORY", dir.join("history"))
            .env("FASCIA_QUIZ", dir.join("quiz.json"))
            .env("NO_COLOR", "1")
            .env("PAGER", "cat");
        let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("fascia starts in a pty");
        p.exp_string("Type `help` for help").unwrap();
        p.exp_string(PROMPT).unwrap();
        p
    }

    fn line(p: &mut PtySession, text: &str) {
        p.send_line(text).unwrap();
        p.flush().unwrap();
    }

    /// A seed whose three origin questions suit the test: the second has several
    /// answers, and no answer has a comma or an `and` in its name.
    fn seed(atlas: &fascia::Atlas, filter: &Filter) -> (u64, Vec<Question>) {
        let generator = Generator::new(atlas);
        (1..200)
            .map(|s| (s, generator.quiz(filter, 3, s)))
            .find(|(_, quiz)| {
                quiz.len() == 3
                    && quiz[1].answer.len() >= 2
                    && quiz.iter().flat_map(|q| &q.answer).all(|n| {
                        let name = &atlas.node(*n).name;
                        !name.contains(',') && !name.contains(" and ")
                    })
            })
            .expect("a seed fits")
    }

    #[test]
    fn a_quiz_grades_answers_and_a_review_brings_the_wrong_one_back() {
        let atlas = fascia::bundled().unwrap();
        let filter = Filter {
            region: None,
            topics: vec![Topic::Origin],
        };
        let (seed, quiz) = seed(&atlas, &filter);
        let name = |q: &Question, i: usize| atlas.node(q.answer[i]).name.to_string();
        let wrong = ["Clavicle", "Calcaneus", "Patella"]
            .into_iter()
            .find(|w| !quiz[2].answer_names(&atlas).contains(w))
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut p = start(dir.path());
        line(&mut p, &format!("quiz origin 3 seed {seed}"));
        p.exp_string("Quiz of 3 questions").unwrap();
        p.exp_string(&quiz[0].text).unwrap();
        p.exp_string(ANSWER).unwrap();
        // right: every origin, in lower case
        line(&mut p, &quiz[0].answer_names(&atlas).to_lowercase());
        p.exp_string(&format!("Right: {}.", quiz[0].answer_names(&atlas)))
            .unwrap();
        p.exp_string(&format!("query: {}", quiz[0].query)).unwrap();
        p.exp_string(&quiz[1].text).unwrap();
        p.exp_string(ANSWER).unwrap();
        // partly right: one of several
        line(&mut p, &name(&quiz[1], 0));
        p.exp_string(&format!(
            "Partly right: 1 of {}. The answer: {}.",
            quiz[1].answer.len(),
            quiz[1].answer_names(&atlas)
        ))
        .unwrap();
        p.exp_string("missing: ").unwrap();
        p.exp_string(&quiz[2].text).unwrap();
        p.exp_string(ANSWER).unwrap();
        // wrong
        line(&mut p, wrong);
        p.exp_string(&format!(
            "Wrong. The answer: {}.",
            quiz[2].answer_names(&atlas)
        ))
        .unwrap();
        p.exp_string(&format!("not in the answer: {wrong}"))
            .unwrap();
        p.exp_string("Quiz done: 1 right, 1 partly right, 1 wrong.")
            .unwrap();
        p.exp_string("1 question is due for review now: `quiz review`.")
            .unwrap();
        p.exp_string(PROMPT).unwrap();
        // the review asks the wrong one, and only it
        line(&mut p, "quiz review");
        p.exp_string("Review of 1 question").unwrap();
        p.exp_string(&quiz[2].text).unwrap();
        p.exp_string(ANSWER).unwrap();
        line(&mut p, &quiz[2].answer_names(&atlas));
        p.exp_string("Right: ").unwrap();
        p.exp_string("Review done: 1 right, 0 partly right, 0 wrong.")
            .unwrap();
        p.exp_string("Nothing is due for review; the next question falls due in 24 hours.")
            .unwrap();
        p.exp_string(PROMPT).unwrap();
        p.send_control('d').unwrap();
        p.exp_eof().unwrap();
        // the progress is saved beside the history, and the answers are not history
        let saved = std::fs::read_to_string(dir.path().join("quiz.json")).unwrap();
        let progress = fascia::learn::Progress::from_json(&saved).unwrap();
        let keys: Vec<&String> = progress.cards.keys().collect();
        let mut expected: Vec<&String> = quiz.iter().map(|q| &q.key).collect();
        expected.sort();
        assert_eq!(keys, expected);
        let history = std::fs::read_to_string(dir.path().join("history")).unwrap();
        assert!(
            history.contains("quiz review") && !history.contains(wrong),
            "{history}"
        );
    }
}

#[test]
fn the_readme_shows_real_json() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let command = "fascia quiz --count 1 --seed 1 --topic innervation --format json";
    let at = readme
        .find(&format!("```sh\n{command}\n```"))
        .expect("README shows it");
    let start = at + readme[at..].find("```json\n").unwrap() + "```json\n".len();
    let end = start + readme[start..].find("```\n").unwrap();
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    let out = fascia(&args);
    assert_eq!(&readme[start..end], String::from_utf8(out.stdout).unwrap());
}

#[test]
fn no_question_has_a_key_that_a_disputed_fact_would_change() {
    let atlas = fascia::bundled().unwrap();
    let questions = Generator::new(&atlas).all(&Filter::default());
    for topic in Topic::ALL {
        assert!(questions.iter().any(|q| q.topic == topic), "{topic}");
    }
    for q in &questions {
        let (_, standard) = fascia::run(&atlas, &q.query).unwrap();
        let (_, disputed) =
            fascia::run(&atlas, &format!("{} including disputed", q.query)).unwrap();
        assert_eq!(
            answer_of(&standard).as_ref(),
            Some(&q.answer),
            "{}",
            q.query
        );
        assert_eq!(
            answer_of(&disputed).as_ref(),
            Some(&q.answer),
            "{}",
            q.query
        );
    }
}

#[test]
fn a_large_graph_asks_no_localize_questions_rather_than_run_for_hours() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("big");
    let data = data.to_str().unwrap();
    fascia(&["generate", "--structures", "10000", "--seed", "1", data]);
    let count = fascia(&["--data", data, "--no-cache", "-e", "count nerves"]);
    let nerves: usize = String::from_utf8(count.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(nerves > fascia::learn::LOCALIZE_NERVE_LIMIT, "{nerves}");
    let out = fascia(&[
        "--data",
        data,
        "--no-cache",
        "quiz",
        "--topic",
        "localize",
        "--format",
        "json",
    ]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[]\n");
    // the other topics still ask
    let out = fascia(&[
        "--data",
        data,
        "--no-cache",
        "quiz",
        "--topic",
        "innervation",
        "--count",
        "2",
        "--format",
        "json",
    ]);
    let quiz: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(quiz.as_array().unwrap().len(), 2);
}
