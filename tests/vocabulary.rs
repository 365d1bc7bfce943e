//! The grammar spells relation and kind words itself (pest needs literals); the model
//! and the AST spell them too. These tests hold the spellings together, so a relation
//! added to the model and forgotten in the grammar (or the other way) fails here.

use fascia::graph::model::Relation;
use fascia::query::ast::Selector;
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
