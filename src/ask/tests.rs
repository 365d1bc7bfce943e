//! Questions and the queries they become, on the bundled data; the questions with their
//! answers are in `tests/fixtures/questions.txt`.

use super::*;
use std::sync::LazyLock;

static ATLAS: LazyLock<Atlas> = LazyLock::new(|| crate::bundled().unwrap());

fn asked(question: &str) -> Vec<String> {
    match read(&ATLAS, question) {
        Reading::Asked(queries) => queries,
        other => panic!("{question}: {other:?}"),
    }
}

#[test]
fn a_query_is_read_as_typed_even_when_it_fails() {
    for query in [
        "muscles innervated-by tibial",
        "show solues",
        "shwo soleus",
        "count (muscles",
        "muscles innervated-by tibail",
        "nerves supplies deltoid",
        "",
    ] {
        assert_eq!(read(&ATLAS, query), Reading::Typed, "{query}");
    }
}

#[test]
fn the_issue_example() {
    assert_eq!(
        asked("what does the radial nerve supply"),
        ["muscles innervated-by* \"radial nerve\""]
    );
    // capitals, a question mark, an abbreviation and typos read the same
    for question in [
        "What does the Radial Nerve supply?",
        "what does n. radialis supply",
        "waht does the radal nerve suply",
    ] {
        assert_eq!(asked(question), asked("what does the radial nerve supply"));
    }
}

#[test]
fn supply_is_read_by_the_kind_supplying() {
    assert_eq!(asked("what does C5 supply"), ["muscles innervated-by c5"]);
    assert_eq!(
        asked("what does the femoral artery supply"),
        ["structures supplied-by* \"femoral artery\""]
    );
    assert_eq!(
        asked("what supplies the deltoid"),
        ["nerves innervates deltoid", "arteries supplies deltoid"]
    );
    assert_eq!(
        asked("nerves supplying soleus"),
        ["nerves innervates soleus"]
    );
}

#[test]
fn groups_stand_for_their_members() {
    assert_eq!(
        asked("nerves innervates hamstrings"),
        ["nerves innervates (muscles member-of hamstrings)"]
    );
    assert_eq!(
        asked("blood supply of the rotator cuff"),
        ["arteries supplies (muscles member-of \"rotator cuff\")"]
    );
}

#[test]
fn a_name_of_both_limbs_answers_for_each() {
    assert_eq!(
        asked("nerves innervates lumbricals"),
        [
            "nerves innervates \"lumbricals of foot\"",
            "nerves innervates \"lumbricals of hand\""
        ]
    );
    assert_eq!(
        asked("lumbricals"),
        ["show \"lumbricals of foot\"", "show \"lumbricals of hand\""]
    );
    // a name ambiguous within one limb is left for the query to report
    assert_eq!(read(&ATLAS, "show femoral"), Reading::Typed);
}

#[test]
fn what_cannot_be_read_is_refused_with_the_nearest_forms() {
    let Reading::Refused(line) = read(&ATLAS, "which nerve is damaged in a broken heart") else {
        panic!()
    };
    assert!(line.starts_with("cannot read this question; questions fascia reads are like `which nerve is damaged in foot drop`"), "{line}");
    assert!(!line.contains('\n'));
    // a name outside the data goes to the query, which says where it lies
    assert_eq!(
        asked("what does the vagus nerve supply"),
        ["muscles innervated-by* \"vagus nerve\""]
    );
}

#[test]
fn every_query_a_question_becomes_parses_back() {
    let fixture = include_str!("../../tests/fixtures/questions.txt");
    for question in fixture.lines().filter_map(|l| l.strip_prefix("?? ")) {
        if let Reading::Asked(queries) = read(&ATLAS, question) {
            for q in queries {
                let parsed = crate::query::parse(&q).unwrap_or_else(|e| panic!("{q}: {e}"));
                let printed = parsed.to_string();
                let again = crate::query::parse(&printed).unwrap_or_else(|e| panic!("{q}: {e}"));
                assert_eq!(again.to_string(), printed, "{q}");
            }
        }
    }
}

#[test]
fn long_text_is_not_read_as_a_question() {
    let long = "what is of ".repeat(2000);
    assert_eq!(read(&ATLAS, &long), Reading::Typed);
    let forty = format!("what does {} supply", "radial ".repeat(40));
    assert_eq!(read(&ATLAS, &forty), Reading::Typed);
}
