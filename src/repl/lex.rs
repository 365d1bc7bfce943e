//! The words of a line: a forgiving lexer that classes each word by its place.

use fascia::graph::model::Relation;
use fascia::query::ast::Selector;

pub(super) const STATEMENTS: &[&str] = &[
    "show", "path", "paths", "why", "around", "count", "dot", "lesion", "localize",
];
pub(super) const OPERATORS: &[&str] = &[
    "and",
    "or",
    "not",
    "except",
    "to",
    "via",
    "max",
    "limit",
    "depth",
    "including",
    "disputed",
    "contributing",
    "at",
    "weak",
    "spared",
    "numb",
    "reflex-lost",
    "lost",
    "shows",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Statement,
    Operator,
    Kind,
    Relation,
    Number,
    Name,
    Quoted { closed: bool },
    Star,
    Open,
    Close,
    Comma,
    Other,
}

/// A token of a line being typed: its byte range and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) class: Class,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

/// Splits a line the way the grammar would, without failing on incomplete input, and
/// classes each word by its position (a kind word after `show` is part of a name).
pub(super) fn lex(line: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (class, end) = if c == '"' || c == '\'' {
            let mut end = line.len();
            let mut closed = false;
            for (j, d) in chars.by_ref() {
                if d == c {
                    end = j + d.len_utf8();
                    closed = true;
                    break;
                }
            }
            (Class::Quoted { closed }, end)
        } else if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let prev = tokens.last().map(|t| (t.class, &line[t.start..t.end]));
            (classify(&line[start..end], prev), end)
        } else {
            let class = match c {
                '*' => Class::Star,
                '(' => Class::Open,
                ')' => Class::Close,
                ',' => Class::Comma,
                _ => Class::Other,
            };
            (class, start + c.len_utf8())
        };
        tokens.push(Token { class, start, end });
    }
    tokens
}

fn classify(word: &str, prev: Option<(Class, &str)>) -> Class {
    let lower = word.to_lowercase();
    let prev_word = prev.map(|(_, w)| w.to_lowercase());
    let prev_word = prev_word.as_deref();
    if OPERATORS.contains(&lower.as_str()) {
        return Class::Operator;
    }
    if Relation::from_name(&lower).is_some() {
        return Class::Relation;
    }
    let at_start = match prev {
        None => true,
        Some((Class::Statement, _)) => prev_word == Some("dot"),
        _ => false,
    };
    if at_start && STATEMENTS.contains(&lower.as_str()) {
        return Class::Statement;
    }
    let selection_place = match prev {
        None | Some((Class::Open, _)) => true,
        Some((Class::Statement, _)) => matches!(prev_word, Some("count" | "dot")),
        Some((Class::Operator, _)) => matches!(prev_word, Some("and" | "or" | "except")),
        _ => false,
    };
    if selection_place && Selector::from_word(&lower).is_some() {
        return Class::Kind;
    }
    let after_number_word = matches!(prev_word, Some("max" | "limit" | "depth"));
    if after_number_word && lower.chars().all(|c| c.is_ascii_digit()) {
        return Class::Number;
    }
    Class::Name
}

#[cfg(test)]
mod tests {
    use super::*;
    use fascia::query::ast::Sign;
    use std::collections::BTreeSet;

    const GRAMMAR: &str = include_str!("../../grammar/fascia.pest");

    /// The word of every `kw_… = @{ ^"word" … }` rule, and `dot`.
    fn grammar_keywords() -> BTreeSet<String> {
        let mut words: BTreeSet<String> = GRAMMAR
            .lines()
            .filter(|l| l.starts_with("kw_"))
            .filter_map(|l| l.split("^\"").nth(1))
            .filter_map(|w| w.split('"').next())
            .map(str::to_string)
            .collect();
        words.insert("dot".to_string());
        words
    }

    #[test]
    fn the_lexer_knows_the_grammars_keywords_and_the_signs() {
        let signs: BTreeSet<String> = Sign::ALL.iter().map(|s| s.word().to_string()).collect();
        let lexer: BTreeSet<String> = STATEMENTS
            .iter()
            .chain(OPERATORS)
            .map(|w| w.to_string())
            .filter(|w| !signs.contains(w))
            .collect();
        assert_eq!(lexer, grammar_keywords());
        for sign in &signs {
            assert!(OPERATORS.contains(&sign.as_str()), "{sign}");
        }
    }

    #[test]
    fn the_lexer_classes_every_word_of_the_vocabulary() {
        for name in Relation::all_names() {
            assert_eq!(classify(name, None), Class::Relation, "{name}");
        }
        for selector in Selector::ALL {
            for word in selector.entry().words() {
                assert_eq!(classify(word, None), Class::Kind, "{word}");
            }
        }
    }
}
