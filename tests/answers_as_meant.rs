//! Answers that mean what a student asks, on the bundled data: a whole answers through
//! its parts, a nerve through its divisions, standard facts come first and the others
//! are marked, and paths explain.

use fascia::output::{Format, render_to_string};
use std::sync::LazyLock;

static ATLAS: LazyLock<fascia::Atlas> =
    LazyLock::new(|| fascia::bundled().unwrap_or_else(|e| panic!("{e}")));

fn text(query: &str) -> String {
    answer(query, Format::Text)
}

fn answer(query: &str, format: Format) -> String {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, a)) => render_to_string(&ATLAS, &a, format),
        Err(e) => panic!("{}", e.render(query)),
    }
}

/// The lines of one section of a card, from its heading to the next blank line.
fn section<'a>(card: &'a str, heading: &str) -> Vec<&'a str> {
    card.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with("      "))
        .map(str::trim)
        .collect()
}

#[test]
fn the_gastrocnemius_card_lists_its_origins_under_its_heads() {
    let card = text("show gastrocnemius");
    let origins = section(&card, "Originates from");
    assert!(
        origins
            .iter()
            .any(|l| l.starts_with("Lateral head: Lateral condyle of femur")),
        "{card}"
    );
    assert!(
        origins
            .iter()
            .any(|l| l.starts_with("Medial head: Medial condyle of femur")),
        "{card}"
    );
}

#[test]
fn the_biceps_femoris_card_names_the_nerve_of_each_head() {
    let card = text("show \"biceps femoris\"");
    let nerves = section(&card, "Innervated by");
    assert!(
        nerves
            .iter()
            .any(|l| l.starts_with("Long head: Tibial division of sciatic nerve")),
        "{card}"
    );
    assert!(
        nerves
            .iter()
            .any(|l| l.starts_with("Short head: Common fibular division of sciatic nerve")),
        "{card}"
    );
    assert!(
        nerves
            .iter()
            .all(|l| l.starts_with("Long head: ") || l.starts_with("Short head: ")),
        "{card}"
    );
}

#[test]
fn cards_and_json_mark_facts_that_are_not_the_standard_statement() {
    let card = text("show soleus");
    let minority = section(&card, "Innervated by")
        .into_iter()
        .filter(|l| l.ends_with("(minority)"))
        .count();
    assert_eq!(minority, 1, "{card}");
    let json: serde_json::Value =
        serde_json::from_str(&answer("show soleus", Format::Json)).expect("JSON");
    let statuses: Vec<&str> = json["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .filter(|f| f["relation"] == "innervated-by")
        .map(|f| f["status"].as_str().expect("a status"))
        .collect();
    assert!(statuses.contains(&"standard") && statuses.contains(&"minority"));
}

#[test]
fn why_cites_the_best_supported_version_and_not_the_blog() {
    let why = text("why soleus innervated-by* sciatic");
    let first = why.lines().nth(1).expect("a first fact");
    assert!(
        first.starts_with("  Soleus innervated-by Tibial nerve"),
        "{why}"
    );
    assert!(!first.contains("(minority)"), "{why}");
}

#[test]
fn a_path_from_a_muscle_to_a_bone_goes_through_its_attachment() {
    let path = text("path gastrocnemius to femur");
    assert!(path.contains("originates-from"), "{path}");
    assert!(!path.contains("performs"), "{path}");
    let path = text("path \"biceps femoris\" to fibula");
    assert!(path.contains("inserts-into  Head of fibula"), "{path}");
}

#[test]
fn a_direct_question_through_divisions_says_which_division() {
    let table = text("muscles innervated-by \"obturator nerve\"");
    assert!(
        table.lines().any(|l| l.starts_with("Adductor longus ")
            && l.ends_with("Anterior division of obturator nerve")),
        "{table}"
    );
}

#[test]
fn star_over_an_artery_includes_its_continuation() {
    let table = text("arteries branch-of* \"femoral artery\"");
    assert!(
        table.lines().any(|l| l.starts_with("Popliteal artery ")),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Anterior tibial artery ")),
        "{table}"
    );
}

#[test]
fn an_empty_direct_answer_points_at_its_star_form() {
    let table = text("muscles supplied-by \"external iliac artery\"");
    assert!(
        table
            .starts_with("(no structures; `muscles supplied-by* \"external iliac artery\"` finds "),
        "{table}"
    );
}

#[test]
fn unlocking_the_knee_is_popliteus() {
    assert_eq!(
        text("muscles performs \"unlocking of the knee\""),
        "name       kind    id\nPopliteus  muscle  popliteus\n(1 structure)\n"
    );
    assert!(
        !text("muscles performs knee-extension").contains("Articularis genus"),
        "articularis genus retracts the suprapatellar bursa; it does not extend the knee"
    );
}
