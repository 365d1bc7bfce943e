//! Completion and hints: the words that fit where the cursor is.

use super::META_COMMANDS;
use super::help::TOPICS;
use super::lex::{Class, OPERATORS, STATEMENTS, Token, is_word_char, lex};
use fascia::Atlas;
use fascia::graph::model::{Direction, Kind, KindSet, Relation};
use fascia::graph::normalize;
use fascia::output::Format;
use fascia::query::ast::Selector;

/// One completion: what is inserted and, for names, the unquoted spelling that a hint
/// may continue when the user typed it bare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) text: String,
    pub(crate) bare: Option<String>,
}

/// Sorts of word, as bits: which fit at a place in a query.
type Want = u8;
const META: Want = 1;
const STATEMENT: Want = 1 << 1;
const KIND: Want = 1 << 2;
const RELATION: Want = 1 << 3;
const STARRED: Want = 1 << 4;
const OPERATOR: Want = 1 << 5;
const NAME: Want = 1 << 6;

/// What may follow a token (`None`: the start of the line).
fn wanted_after(prev: Option<(Class, &str)>) -> Want {
    let Some((class, word)) = prev else {
        return META | STATEMENT | KIND;
    };
    match (class, word.to_lowercase().as_str()) {
        (Class::Statement, "dot") => STATEMENT | KIND,
        (Class::Statement, "count") => KIND,
        // `localize` is followed by a sign, a sign or `at` by a name
        (Class::Statement, "localize") => OPERATOR,
        (Class::Operator, "at" | "weak" | "spared" | "numb" | "reflex-lost" | "lost" | "shows") => {
            NAME
        }
        (Class::Statement, _) | (Class::Operator, "to") => NAME,
        (Class::Operator, "via") | (Class::Comma, _) => RELATION,
        (Class::Operator, "max" | "limit" | "depth") => 0,
        (Class::Operator, "not") => RELATION | STARRED,
        (Class::Operator, _) | (Class::Open, _) => KIND | RELATION | STARRED | OPERATOR,
        (Class::Relation | Class::Star, _) => NAME,
        (Class::Kind | Class::Name | Class::Quoted { .. } | Class::Close | Class::Number, _) => {
            RELATION | STARRED | OPERATOR
        }
        (Class::Other, _) => KIND | RELATION | STARRED | OPERATOR | NAME,
    }
}

/// Whether a name must be quoted to parse as one name.
fn needs_quotes(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let lower = w.to_lowercase();
        OPERATORS.contains(&lower.as_str()) || Relation::from_name(&lower).is_some()
    }) || !name
        .chars()
        .all(|c| is_word_char(c) || c == ' ' || c == ',')
        || !name.starts_with(char::is_alphanumeric)
}

fn quote(name: &str) -> String {
    if name.contains('"') {
        format!("'{name}'")
    } else {
        format!("\"{name}\"")
    }
}

/// Completes the word before `pos`; returns where the replaced text starts.
pub(crate) fn complete(atlas: &Atlas, line: &str, pos: usize) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let head = before.trim_start();
    let lead = before.len() - head.len();
    for (command, words) in [
        ("help ", topic_names()),
        (":help ", topic_names()),
        (":format ", Format::NAMES.to_vec()),
    ] {
        if let Some(rest) = head.strip_prefix(command) {
            let start = pos - rest.len();
            let partial = rest.trim_start();
            let start = start + (rest.len() - partial.len());
            return (start, by_prefix(words, partial));
        }
    }
    if head.starts_with(':') && !head.contains(char::is_whitespace) {
        return (lead, by_prefix(META_COMMANDS.to_vec(), head));
    }
    let tokens = lex(before);
    // inside an open quote: the whole quoted text is being typed
    if let Some(t) = tokens.last() {
        if t.class == (Class::Quoted { closed: false }) {
            let kinds = name_kinds(before, &tokens[..tokens.len() - 1]);
            return (
                t.start,
                names_matching(atlas, &before[t.start + 1..], false, kinds),
            );
        }
    }
    let typing = tokens
        .last()
        .filter(|t| t.end == pos && is_word_class(t.class));
    let (start, partial, done) = match typing {
        Some(t) => (t.start, &before[t.start..], &tokens[..tokens.len() - 1]),
        None => (pos, "", &tokens[..]),
    };
    // bare words typed so far, commas and all, may be the start of one long name
    let run: Vec<&Token> = done
        .iter()
        .rev()
        .take_while(|t| matches!(t.class, Class::Name | Class::Comma))
        .collect();
    let run_start = run
        .iter()
        .rev()
        .find(|t| t.class == Class::Name)
        .map(|t| t.start);
    if let Some(run_start) = run_start {
        let run = &before[run_start..];
        // after a whole name and a space, what follows a name is wanted instead
        let whole = partial.is_empty() && !atlas.named(&normalize(run)).is_empty();
        if !whole {
            let ahead = tokens.iter().take_while(|t| t.start < run_start).count();
            let kinds = name_kinds(before, &tokens[..ahead]);
            let found = names_matching(atlas, run, true, kinds);
            if !found.is_empty() {
                return (run_start, found);
            }
        }
    }
    let prev = done.last().map(|t| (t.class, &before[t.start..t.end]));
    let mut want = wanted_after(prev);
    let statement = statement_of(before, &tokens).to_lowercase();
    let after_name = matches!(
        prev,
        Some((Class::Name | Class::Quoted { .. } | Class::Number, _))
    );
    if after_name
        && matches!(
            statement.as_str(),
            "path" | "paths" | "around" | "show" | "lesion" | "localize"
        )
    {
        // these take no relation after a name, only their own words
        want &= !(RELATION | STARRED);
    }
    let subject = subject_kinds(before, done);
    let relations: Vec<&str> = Relation::all_names()
        .filter(|name| applies_to(name, subject))
        .collect();
    let stars: Vec<String> = relations.iter().map(|r| format!("{r}*")).collect();
    let mut words: Vec<&str> = Vec::new();
    if want & META != 0 {
        words.extend(META_COMMANDS);
    }
    if want & STATEMENT != 0 {
        words.extend(STATEMENTS);
    }
    if want & KIND != 0 {
        words.extend(Selector::ALL.iter().map(|s| s.word()));
    }
    if want & OPERATOR != 0 {
        let fitting = operators_of(&statement);
        words.extend(OPERATORS.iter().filter(|o| fitting.contains(o)));
    }
    if want & RELATION != 0 {
        words.extend(relations.iter().copied());
    }
    if want & STARRED != 0 {
        words.extend(stars.iter().map(String::as_str));
    }
    let mut found = by_prefix(words, partial);
    if want & NAME != 0 {
        found.extend(names_matching(
            atlas,
            partial,
            true,
            name_kinds(before, done),
        ));
    }
    (start, found)
}

/// The statement a line is: its first word when that is one (`dot` and `count` lead
/// to a set), else a set query.
fn statement_of<'a>(line: &'a str, tokens: &[Token]) -> &'a str {
    tokens
        .iter()
        .map(|t| &line[t.start..t.end])
        .find(|w| !matches!(w.to_lowercase().as_str(), "dot" | "count"))
        .filter(|w| STATEMENTS.contains(&w.to_lowercase().as_str()))
        .unwrap_or("")
}

/// The operators a statement takes: a set query's `and`, `or`, `limit` …, a path's
/// `to`, `via`, `max`, a lesion's `at`, a finding's signs.
fn operators_of(statement: &str) -> &'static [&'static str] {
    match statement.to_lowercase().as_str() {
        "path" => &["to", "via"],
        "paths" => &["to", "via", "max"],
        "around" => &["depth"],
        "why" | "show" => &[],
        "lesion" => &["at", "including", "disputed"],
        "localize" => &[
            "weak",
            "spared",
            "numb",
            "reflex-lost",
            "lost",
            "shows",
            "including",
            "disputed",
        ],
        _ => &[
            "and",
            "or",
            "not",
            "except",
            "limit",
            "including",
            "disputed",
        ],
    }
}

/// The kinds a name typed after `tokens` may be: a relation's targets (with what they
/// lie under after `*`; groups too where muscles are wanted, as they stand for their
/// members), a sign's findings, any kind elsewhere.
fn name_kinds(line: &str, tokens: &[Token]) -> KindSet {
    let word = |t: &Token| line[t.start..t.end].to_lowercase();
    let mut rest = tokens;
    let mut star = false;
    if let Some((last, before)) = rest.split_last() {
        if last.class == Class::Star {
            star = true;
            rest = before;
        }
    }
    let Some(last) = rest.last() else {
        return KindSet::ALL;
    };
    let kinds = match last.class {
        Class::Relation => {
            let name = word(last);
            let Some((relation, direction)) = Relation::from_name(name.trim_end_matches('*'))
            else {
                return KindSet::ALL;
            };
            star |= name.ends_with('*');
            let kinds = match direction {
                Direction::Forward => relation.range(),
                Direction::Inverse => relation.domain(),
            };
            if star {
                fascia::query::resolve::with_ancestors(kinds)
            } else {
                kinds
            }
        }
        Class::Operator => match fascia::clinical::Sign::from_word(&word(last)) {
            Some(sign) => sign.kinds(),
            None => return KindSet::ALL,
        },
        _ => return KindSet::ALL,
    };
    if kinds.contains(Kind::Muscle) {
        kinds.union(KindSet::of(&[Kind::Group]))
    } else {
        kinds
    }
}

/// The kinds a relation typed now would be read from: those of the last kind word
/// before it (`muscles … inn`), or any kind when there is none.
fn subject_kinds(line: &str, tokens: &[Token]) -> KindSet {
    tokens
        .iter()
        .rev()
        .find(|t| t.class == Class::Kind)
        .and_then(|t| Selector::from_word(&line[t.start..t.end]))
        .map_or(KindSet::ALL, Selector::kinds)
}

/// Whether the relation spelled `name` can hold of some structure of the `subject`
/// kinds: `innervated-by` of muscles, `innervates` of nerves.
fn applies_to(name: &str, subject: KindSet) -> bool {
    let Some((relation, direction)) = Relation::from_name(name) else {
        return false;
    };
    let from = match direction {
        Direction::Forward => relation.domain(),
        Direction::Inverse => relation.range(),
    };
    from.intersect(subject) != KindSet::EMPTY
}

fn is_word_class(class: Class) -> bool {
    matches!(
        class,
        Class::Name
            | Class::Kind
            | Class::Statement
            | Class::Operator
            | Class::Relation
            | Class::Number
    )
}

fn topic_names() -> Vec<&'static str> {
    TOPICS.iter().map(|t| t.name).collect()
}

fn by_prefix(words: Vec<&str>, partial: &str) -> Vec<Candidate> {
    let mut words: Vec<&str> = words;
    words.sort_unstable();
    words.dedup();
    words
        .into_iter()
        .filter(|w| {
            w.get(..partial.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(partial))
        })
        .map(|w| Candidate {
            text: w.to_string(),
            bare: None,
        })
        .collect()
}

/// Current names that start with `partial` (compared as normalized keys), quoted where
/// needed; with `bare`, a plain single word stays unquoted. When no current name does,
/// the names of the structures whose aliases or old names start with it (`peroneus l`
/// → `"fibularis longus"`): completion offers what fascia calls a structure now, never
/// an old name.
fn names_matching(atlas: &Atlas, partial: &str, bare: bool, kinds: KindSet) -> Vec<Candidate> {
    let key = normalize(partial);
    let mut by_name: Vec<Candidate> = Vec::new();
    let mut by_alias: Vec<Candidate> = Vec::new();
    if kinds.is_empty() {
        // after `shows`: the bedside signs, which are no structure's kind
        for sign in &atlas.clinical().signs {
            let lower = sign.name.to_lowercase();
            if normalize(&lower).starts_with(&key) {
                let plain = !needs_quotes(&lower);
                by_name.push(Candidate {
                    text: if bare && plain && !lower.contains(' ') {
                        lower.clone()
                    } else {
                        quote(&lower)
                    },
                    bare: plain.then_some(lower),
                });
            }
        }
    }
    for idx in atlas.structures() {
        let s = atlas.node(idx);
        if !kinds.contains(s.kind) {
            continue;
        }
        let name_key = normalize(&s.name);
        let found = if name_key.starts_with(&key) {
            &mut by_name
        } else if s.aliases.iter().any(|a| normalize(a).starts_with(&key)) {
            &mut by_alias
        } else {
            continue;
        };
        let lower = s.name.to_lowercase();
        let plain = !needs_quotes(&lower);
        let text = if bare && plain && !lower.contains(' ') {
            lower.clone()
        } else {
            quote(&lower)
        };
        found.push(Candidate {
            text,
            bare: plain.then_some(lower),
        });
    }
    let mut found = if by_name.is_empty() {
        by_alias
    } else {
        by_name
    };
    found.sort_by(|a, b| a.text.cmp(&b.text));
    found.dedup_by(|a, b| a.text == b.text);
    found
}

/// The hint for a line: the rest of the shortest candidate that continues what was
/// typed, spelled as typed (quoted or bare).
pub(super) fn hint(atlas: &Atlas, line: &str, pos: usize) -> Option<String> {
    if pos != line.len() || line.trim().is_empty() || line.ends_with(char::is_whitespace) {
        return None;
    }
    let (start, candidates) = complete(atlas, line, pos);
    let typed = line.get(start..pos)?;
    candidates
        .iter()
        .flat_map(|c| [Some(c.text.as_str()), c.bare.as_deref()])
        .flatten()
        .filter(|c| c.len() > typed.len())
        .filter(|c| {
            c.get(..typed.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(typed))
        })
        .min_by_key(|c| (c.len(), *c))
        .and_then(|c| c.get(typed.len()..))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repl::tests::mini;

    fn texts(candidates: &[Candidate]) -> Vec<&str> {
        candidates.iter().map(|c| c.text.as_str()).collect()
    }
    #[test]
    fn completes_by_place_in_the_query() {
        let atlas = mini();
        let at_end = |line: &str| complete(&atlas, line, line.len());
        assert_eq!(
            at_end("sh"),
            (
                0,
                vec![Candidate {
                    text: "show".into(),
                    bare: None
                }]
            )
        );
        assert_eq!(texts(&at_end("mus").1), ["muscles"]);
        assert_eq!(
            texts(&at_end("muscles innervated-b").1),
            ["innervated-by", "innervated-by*"]
        );
        assert_eq!(texts(&at_end("show abd").1), ["\"abductor hallucis\""]);
        assert_eq!(at_end("show abd").0, 5);
        // two bare words typed towards one long name
        let (start, found) = at_end("show biceps femoris s");
        assert_eq!(
            (start, texts(&found)),
            (5, vec!["\"biceps femoris, short head\""])
        );
        // a comma, as in the names fascia prints
        let (start, found) = at_end("show biceps femoris, sh");
        assert_eq!(
            (start, texts(&found)),
            (5, vec!["\"biceps femoris, short head\""])
        );
        assert_eq!(
            hint(&atlas, "show biceps femoris, sh", 23).as_deref(),
            Some("ort head")
        );
        let (start, found) = at_end("muscles innervated-by deep fib");
        assert_eq!((start, texts(&found)), (22, vec!["\"deep fibular nerve\""]));
        // inside an open quote
        let (start, found) = at_end("show \"tibialis");
        assert_eq!((start, texts(&found)), (5, vec!["\"tibialis anterior\""]));
        // a single plain word stays bare
        assert_eq!(
            texts(&at_end("show sol").1),
            ["\"soleal line of tibia\"", "soleus"]
        );
        assert_eq!(texts(&at_end("help rel").1), ["relations"]);
        assert_eq!(texts(&at_end(":format j").1), ["json"]);
        assert_eq!(texts(&at_end(":f").1), [":format"]);
        // "sciatic artery" is only an old name of the inferior gluteal artery
        assert_eq!(
            texts(&at_end("path soleus to sci").1),
            ["\"sciatic nerve\""]
        );
        assert_eq!(
            texts(&at_end("path soleus via branch-of, has-").1),
            ["has-branch", "has-member", "has-part", "has-root"]
        );
        assert!(at_end("muscles limit ").1.is_empty());
        assert_eq!(texts(&at_end("localize we").1), ["weak"]);
        // a finding names a muscle or movement, never the landmark of the same letters
        assert_eq!(texts(&at_end("localize weak sol").1), ["soleus"]);
        assert_eq!(texts(&at_end("lesion sci").1), ["\"sciatic nerve\""]);
    }

    #[test]
    fn relations_offered_are_those_of_the_kind_typed() {
        let atlas = mini();
        let at_end = |line: &str| texts(&complete(&atlas, line, line.len()).1).join(" ");
        assert_eq!(at_end("muscles inn"), "innervated-by innervated-by*");
        assert_eq!(at_end("nerves inn"), "innervates innervates*");
        assert_eq!(
            hint(&atlas, "muscles inn", 11).as_deref(),
            Some("ervated-by")
        );
        assert_eq!(hint(&atlas, "nerves inn", 10).as_deref(), Some("ervates"));
        // the kind that opens the selection still rules after a name and `and`
        assert_eq!(
            at_end("count muscles innervated-by tibial and not inn"),
            "innervated-by innervated-by*"
        );
        assert_eq!(
            at_end("muscles innervated-by (nerves branch"),
            "branch-of branch-of*"
        );
        // arteries are supplied by nothing, they supply; any relation fits `structures`
        assert_eq!(at_end("arteries sup"), "supplies supplies*");
        assert_eq!(
            at_end("structures sup"),
            "supplied-by supplied-by* supplies supplies*"
        );
    }

    /// Issue 20: after a relation only names of the kinds it takes are offered and
    /// hinted, and after a kind only the words a set query takes.
    #[test]
    fn names_and_words_offered_are_those_that_fit() {
        let atlas = fascia::bundled().unwrap();
        let at_end = |line: &str| texts(&complete(&atlas, line, line.len()).1).join(" ");
        // `fem` is the start of the femur, but innervated-by takes nerves and roots
        assert_eq!(
            at_end("muscles innervated-by fem"),
            "femoral \"femoral branch of genitofemoral nerve\" \"femoral nerve\""
                .replace("femoral \"", "\"")
        );
        assert_ne!(
            hint(&atlas, "muscles innervated-by fem", 25).as_deref(),
            Some("ur")
        );
        // a group stands for its members where muscles are wanted
        assert_eq!(at_end("nerves innervates hamstr"), "hamstrings");
        // after a kind: relations and the set query's words, no `at`, `depth` or `via`
        let after_kind = at_end("muscles ");
        for word in ["and", "or", "not", "except", "limit", "innervated-by"] {
            assert!(
                after_kind.split(' ').any(|w| w == word),
                "{word}: {after_kind}"
            );
        }
        for word in ["at", "depth", "max", "to", "via", "weak", "spared"] {
            assert!(
                !after_kind.split(' ').any(|w| w == word),
                "{word}: {after_kind}"
            );
        }
        assert_eq!(at_end("path soleus "), "to via");
        // after `shows`, the bedside signs
        assert_eq!(at_end("localize shows wri"), "\"wrist drop\"");
        assert_eq!(at_end("localize shows \"froment"), "\"froment's sign\"");
    }

    #[test]
    fn names_offered_are_current_names() {
        let atlas = fascia::bundled().unwrap();
        // "tibialis anticus" is an old name of tibialis anterior: no hint towards it
        assert_eq!(
            hint(&atlas, "show tibialis ant", 17).as_deref(),
            Some("erior")
        );
        let (start, found) = complete(&atlas, "show tibialis ant", 17);
        assert_eq!((start, texts(&found)), (5, vec!["\"tibialis anterior\""]));
        // an old name alone leads to the current one
        let (start, found) = complete(&atlas, "show peroneus lo", 16);
        assert_eq!(
            (start, texts(&found)),
            (
                5,
                vec!["\"fibularis longus\"", "\"tendon of fibularis longus\""]
            )
        );
        assert_eq!(hint(&atlas, "show peroneus lo", 16), None);
    }

    #[test]
    fn names_with_keywords_are_quoted() {
        let atlas = mini();
        let (_, found) = complete(&atlas, "show nerve t", 12);
        assert_eq!(texts(&found), ["\"nerve to obturator internus\""]);
        assert_eq!(found[0].bare, None);
    }

    #[test]
    fn hints_continue_what_was_typed() {
        let atlas = mini();
        assert_eq!(
            hint(&atlas, "show tibialis a", 15).as_deref(),
            Some("nterior")
        );
        assert_eq!(
            hint(&atlas, "show \"tibialis a", 16).as_deref(),
            Some("nterior\"")
        );
        assert_eq!(
            hint(&atlas, "muscles innervated-b", 20).as_deref(),
            Some("y")
        );
        assert_eq!(hint(&atlas, "show soleus ", 12), None);
        assert_eq!(hint(&atlas, "", 0), None);
    }
}
