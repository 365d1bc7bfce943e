//! The vocabulary table (`fascia::graph::vocabulary`) is the one place relation and kind
//! words are spelled. The grammar spells them again (pest needs literals) and the README
//! shows them: these tests hold those to the table, so a relation added to the table and
//! forgotten in the grammar (or the other way) fails here. After a deliberate change to
//! the table, `INSTA_UPDATE=always cargo test --test vocabulary` rewrites the README's
//! relation table.

mod readme;

use fascia::graph::model::Relation;
use fascia::graph::vocabulary::{KIND_WORDS, RELATIONS};
use fascia::query::ast::{Selector, Sign};
use std::collections::BTreeSet;

const GRAMMAR: &str = include_str!("../grammar/fascia.pest");

/// The `^"word"` literals of one rule, in the grammar's order.
fn words_of(rule: &str) -> Vec<String> {
    let start = GRAMMAR
        .find(&format!("\n{rule} = "))
        .unwrap_or_else(|| panic!("no rule `{rule}` in the grammar"));
    let body = &GRAMMAR[start..];
    let body = &body[..body.find("\n}").expect("the rule ends")];
    body.split("^\"")
        .skip(1)
        .filter_map(|w| w.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_grammar_has_every_relation_name_and_no_other() {
    let grammar: BTreeSet<String> = words_of("relation").into_iter().collect();
    let model: BTreeSet<String> = Relation::all_names().map(str::to_string).collect();
    assert_eq!(grammar, model);
}

#[test]
fn the_grammar_has_every_kind_word_of_the_table_and_no_other() {
    let grammar: BTreeSet<String> = words_of("kind_word").into_iter().collect();
    let table: BTreeSet<String> = KIND_WORDS
        .iter()
        .flat_map(|k| k.words())
        .map(str::to_string)
        .collect();
    assert_eq!(grammar, table);
}

#[test]
fn the_grammar_has_every_sign_and_no_other() {
    let start = GRAMMAR.find("\nsign = ").expect("a `sign` rule");
    let line = &GRAMMAR[start + 1..];
    let line = &line[..line.find('\n').expect("the rule ends")];
    let grammar: BTreeSet<&str> = line
        .split("^\"")
        .skip(1)
        .filter_map(|w| w.split('"').next())
        .collect();
    let signs: BTreeSet<&str> = Sign::ALL.into_iter().map(Sign::word).collect();
    assert_eq!(grammar, signs);
}

#[test]
fn the_grammar_has_every_kind_word_and_the_ast_reads_them_all() {
    let grammar = words_of("kind_word");
    for word in &grammar {
        assert!(
            Selector::from_word(word).is_some(),
            "the grammar accepts `{word}` but the AST cannot read it"
        );
    }
    for selector in Selector::ALL {
        assert!(
            grammar.iter().any(|w| w == selector.word()),
            "`{}` is missing from the grammar",
            selector.word()
        );
    }
}

#[test]
fn a_longer_spelling_comes_before_its_prefix() {
    // pest takes the first alternative that matches and does not come back to the
    // others: `articulates` before `articulates-in`, or `muscle` before `muscles`,
    // would leave the rest unread and the word unparsed
    for rule in ["relation", "kind_word"] {
        let words = words_of(rule);
        for (i, short) in words.iter().enumerate() {
            for long in &words[i + 1..] {
                assert!(
                    !long.starts_with(short.as_str()),
                    "in `{rule}`, `{long}` must come before `{short}`"
                );
            }
        }
    }
}

const README: &str = include_str!("../README.md");

/// The README's relation table, as the table says it: words, help line, ends.
fn relation_rows() -> String {
    let mut rows =
        String::from("| forward | inverse | what it says | from → to |\n|---|---|---|---|\n");
    for r in RELATIONS {
        rows.push_str(&format!(
            "| `{}` | `{}` | {} | {} |\n",
            r.forward,
            r.inverse,
            r.help,
            r.relation.ends()
        ));
    }
    rows
}

/// Where the relation table is in a README: from its header to the blank line after it.
fn relation_table(readme: &str) -> std::ops::Range<usize> {
    let header = "| forward | inverse | what it says | from → to |\n";
    let start = readme
        .find(header)
        .expect("README has the relation table under `### Relations`");
    let len = readme[start..]
        .find("\n\n")
        .map_or(readme.len() - start, |i| i + 1);
    start..start + len
}

#[test]
fn the_readme_relation_table_is_the_vocabulary() {
    let shown = &README[relation_table(README)];
    let wanted = relation_rows();
    let differences = if shown == wanted {
        vec![]
    } else {
        vec![format!("--- README\n{shown}--- the vocabulary\n{wanted}")]
    };
    readme::settle("the relation table", &differences, |now| {
        let at = relation_table(now);
        format!("{}{wanted}{}", &now[..at.start], &now[at.end..])
    });
}

#[test]
fn the_readme_pairs_every_forward_word_with_its_inverse() {
    // the tour's four-column table of forward and inverse words
    let start = README
        .find("| forward | inverse | forward | inverse |")
        .expect("README has the tour's table of inverse words");
    let table = &README[start..];
    let table = &table[..table.find("\n\n").unwrap_or(table.len())];
    let mut pairs = BTreeSet::new();
    for row in table.lines().skip(2) {
        let cells: Vec<&str> = row
            .split('|')
            .map(|c| c.trim().trim_matches('`'))
            .filter(|c| !c.is_empty())
            .collect();
        for pair in cells.chunks(2) {
            pairs.insert((pair[0].to_string(), pair[1].to_string()));
        }
    }
    let table: BTreeSet<(String, String)> = RELATIONS
        .iter()
        .map(|r| (r.forward.to_string(), r.inverse.to_string()))
        .collect();
    assert_eq!(pairs, table);
}

#[test]
fn the_readme_names_every_kind_word() {
    let start = README.find("\nKinds: ").expect("README lists the kinds");
    let paragraph = &README[start..];
    let paragraph = &paragraph[..paragraph[1..].find("\n\n").unwrap_or(paragraph.len())];
    let named: BTreeSet<&str> = paragraph.split('`').skip(1).step_by(2).collect();
    for kind in KIND_WORDS {
        assert!(
            named.contains(kind.plural),
            "README does not name `{}`",
            kind.plural
        );
    }
    for word in named {
        assert!(
            Selector::from_word(word).is_some(),
            "README names `{word}` as a kind, and the table has no such word"
        );
    }
}
