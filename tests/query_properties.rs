//! Properties of the query language over generated input: any text parses or fails with
//! an error (never a panic), and a parsed query prints as text that parses back to a
//! query printing the same way. Evaluation of whatever parses never panics either.

use proptest::prelude::*;
use std::sync::LazyLock;

static ATLAS: LazyLock<fascia::Atlas> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    fascia::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"))
});

/// Words and punctuation of the language, and a few names of the mini fixture.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("muscles"),
        Just("nerves"),
        Just("structures"),
        Just("parts"),
        Just("roots"),
        Just("innervated-by"),
        Just("innervated-by*"),
        Just("innervates"),
        Just("inserts-into*"),
        Just("branch-of"),
        Just("part-of*"),
        Just("performs"),
        Just("supplies"),
        Just("and"),
        Just("or"),
        Just("not"),
        Just("except"),
        Just("("),
        Just(")"),
        Just("show"),
        Just("path"),
        Just("paths"),
        Just("to"),
        Just("via"),
        Just(","),
        Just("max"),
        Just("limit"),
        Just("count"),
        Just("why"),
        Just("around"),
        Just("depth"),
        Just("dot"),
        Just("lesion"),
        Just("localize"),
        Just("at"),
        Just("weak"),
        Just("spared"),
        Just("numb"),
        Just("reflex-lost"),
        Just("including disputed"),
        Just("3"),
        Just("soleus"),
        Just("tibial"),
        Just("sciatic"),
        Just("\"deep fibular\""),
        Just("'Achilles tendon'"),
        Just("calcaneus"),
        Just("l5"),
        Just("*"),
        Just("\""),
    ]
    .prop_map(str::to_string)
}

/// Words of questions, mixed with the language's tokens.
fn question_word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("what"),
        Just("which"),
        Just("does"),
        Just("is"),
        Just("the"),
        Just("supply"),
        Just("nerve"),
        Just("of"),
        Just("origin"),
        Just("flex"),
        Just("cut"),
        Just("if"),
        Just("m."),
        Just("?"),
        Just("weak"),
        Just("damaged"),
        Just("in"),
        Just("between"),
        Just("muscles"),
    ]
    .prop_map(str::to_string)
}

fn question_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![question_word(), token()], 0..14).prop_map(|t| t.join(" "))
}

fn query_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..12).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn token_soup_never_panics_and_round_trips(text in query_text()) {
        if let Ok(q) = fascia::query::parse(&text) {
            let printed = q.to_string();
            let again = fascia::query::parse(&printed);
            prop_assert!(again.is_ok(), "{text:?} printed as {printed:?}, which does not parse");
            prop_assert_eq!(again.map(|q| q.to_string()).ok(), Some(printed));
        }
        let _ = fascia::query::run(&ATLAS, &text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = fascia::query::run(&ATLAS, &text);
        let _ = fascia::ask::read(&ATLAS, &text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Issue 20: reading a question never panics, and every query a question becomes
    /// parses (it may name nothing: then it fails as a query, with its own error).
    #[test]
    fn questions_never_panic_and_become_queries_that_parse(text in question_text()) {
        if let fascia::ask::Reading::Asked(queries) = fascia::ask::read(&ATLAS, &text) {
            prop_assert!(!queries.is_empty());
            for q in queries {
                prop_assert!(fascia::query::parse(&q).is_ok(), "{text:?} became {q:?}");
                let _ = fascia::query::run(&ATLAS, &q);
            }
        }
    }
}
