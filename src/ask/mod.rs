//! Questions in a student's own words, read as queries: "what does the radial nerve
//! supply?" is `muscles innervated-by* "radial nerve"`. The reading is deterministic (word
//! patterns and the names in the data, nothing learnt or downloaded) and stops before the
//! query language: it yields query text, which parses, resolves and evaluates as if typed,
//! so a question is answered exactly as its query is.
//!
//! It also widens a query that names a group where its members would fit (`nerves
//! innervates hamstrings`) and a name that hand and foot share (`lumbricals`), and reads
//! relations spelt as words (`muscles innervated by tibial`).

mod clinical;
mod movement;
mod names;
mod question;
mod words;

use crate::graph::Atlas;
use crate::graph::model::Kind;
use crate::query::{QueryError, parse, resolve};
pub use question::Mapped;

/// How to run what was typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Run it as typed: a query, or text whose error as a query is the one to show.
    Typed,
    /// Run these queries in turn, each shown with the query it is (`= …`).
    Asked(Vec<String>),
    /// A question no form fits: this line, which names the nearest forms.
    Refused(String),
}

/// How many times a query is widened at most (each pass fixes one name).
const MAX_WIDENINGS: usize = 4;

/// Reads what a user typed: a query as it is, or the queries a question or a loosely
/// worded query stands for.
pub fn read(atlas: &Atlas, text: &str) -> Reading {
    let text = text.trim();
    if text.is_empty() {
        return Reading::Typed;
    }
    match parse(text) {
        Ok(query) => match resolve::resolve(atlas, &query) {
            Ok(_) => Reading::Typed,
            Err(error) => match widen(atlas, text, &error) {
                Some(queries) => Reading::Asked(queries),
                None => Reading::Typed,
            },
        },
        // parentheses and stars are the query language's: a query with a mistake
        Err(_) if text.contains(['(', ')', '*']) => Reading::Typed,
        Err(_) => match question::map(atlas, &words::words(text)) {
            Mapped::Queries(queries) => Reading::Asked(
                queries
                    .into_iter()
                    .flat_map(|q| widened(atlas, q))
                    .collect(),
            ),
            Mapped::Refused(line) => Reading::Refused(line),
            Mapped::NotAQuestion => match spelt_relations(atlas, text) {
                Some(query) => Reading::Asked(vec![query]),
                None => Reading::Typed,
            },
        },
    }
}

/// The query, widened when it names a group or a name of both limbs.
fn widened(atlas: &Atlas, query: String) -> Vec<String> {
    let error = match parse(&query) {
        Ok(parsed) => match resolve::resolve(atlas, &parsed) {
            Ok(_) => return vec![query],
            Err(e) => e,
        },
        Err(_) => return vec![query],
    };
    widen(atlas, &query, &error).unwrap_or(vec![query])
}

/// A query that failed on a name, rewritten so that the name stands for what it means:
/// a group as a target of a muscle's relation stands for its members, a name of both
/// limbs for each limb's (one query each). `None` when that does not make it resolve.
fn widen(atlas: &Atlas, text: &str, error: &QueryError) -> Option<Vec<String>> {
    let mut queries = vec![text.to_string()];
    let mut error = error.clone();
    for _ in 0..MAX_WIDENINGS {
        let replaced = replacements(atlas, &error)?;
        let span = error.span()?;
        let mut next = Vec::new();
        for query in &queries {
            for replacement in &replaced {
                let mut q = query.clone();
                q.get(span.start..span.end)?;
                q.replace_range(span.start..span.end, replacement);
                next.push(q);
            }
        }
        queries = next;
        // every query resolves now, or the first names the next thing to widen (all
        // of them alike, so the same span)
        match queries
            .iter()
            .map(|q| {
                parse(q)
                    .map_err(|e| e.clone())
                    .and_then(|p| resolve::resolve(atlas, &p))
            })
            .find_map(Result::err)
        {
            None => return Some(queries),
            Some(e) => error = e,
        }
    }
    None
}

/// What to put in place of the name an error points at.
fn replacements(atlas: &Atlas, error: &QueryError) -> Option<Vec<String>> {
    match error {
        QueryError::WrongKind {
            name,
            kind: Kind::Group,
            expected,
            ..
        } if expected.contains(Kind::Muscle) => {
            let group = atlas
                .of_kind(Kind::Group)
                .iter()
                .find(|n| atlas.node(**n).name.as_ref() == name.as_str())?;
            Some(vec![format!(
                "(muscles member-of {})",
                names::quoted(atlas, *group)
            )])
        }
        QueryError::Ambiguous { candidates, .. } => {
            let nodes = names::one_per_limb(atlas, candidates)?;
            Some(nodes.iter().map(|n| names::quoted(atlas, *n)).collect())
        }
        _ => None,
    }
}

/// Relations written as words (`muscles innervated by tibial`, `nerves that supply
/// soleus`) as the query they spell, when it then resolves.
fn spelt_relations(atlas: &Atlas, text: &str) -> Option<String> {
    const SPELLINGS: &[(&str, &str)] = &[
        (" that are ", " "),
        (" which are ", " "),
        (" that ", " "),
        (" which ", " "),
        ("innervated by", "innervated-by"),
        ("supplied by", "supplied-by"),
        ("drained by", "drained-by"),
        ("originating from", "originates-from"),
        ("originate from", "originates-from"),
        ("originates from", "originates-from"),
        ("inserting into", "inserts-into"),
        ("insert into", "inserts-into"),
        ("inserts into", "inserts-into"),
        ("branch of", "branch-of"),
        ("branches of", "branch-of"),
        ("tributary of", "tributary-of"),
        ("tributaries of", "tributary-of"),
        ("continues as", "continues-as"),
        ("continuation of", "continuation-of"),
        ("root of", "root-of"),
        ("roots of", "root-of"),
        ("part of", "part-of"),
        ("parts of", "part-of"),
        ("attached to", "attaches-to"),
        ("attaches to", "attaches-to"),
        ("located in", "located-in"),
        ("member of", "member-of"),
        ("members of", "member-of"),
        ("performed by", "performed-by"),
        ("involved in", "involved-in"),
        ("mediated by", "mediated-by"),
        ("occurs at", "occurs-at"),
        ("articulates in", "articulates-in"),
        ("innervating", "innervates"),
        ("supplying", "supplies"),
        ("draining", "drains"),
    ];
    let mut query = format!(" {} ", text.trim().trim_end_matches('?'));
    for (words, relation) in SPELLINGS {
        query = query.replace(words, &format!(" {relation} "));
        query = query.replace(&words.to_uppercase(), &format!(" {relation} "));
    }
    let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
    if query == text.trim() {
        return None;
    }
    let parsed = parse(&query).ok()?;
    match resolve::resolve(atlas, &parsed) {
        Ok(_) => Some(query),
        Err(e) => {
            let by_kind = supply_by_kind(&query, &e).unwrap_or(query.clone());
            let widened = widened(atlas, by_kind);
            let [one] = widened.as_slice() else {
                return None;
            };
            let parsed = parse(one).ok()?;
            resolve::resolve(atlas, &parsed).ok()?;
            Some(one.clone())
        }
    }
}

/// `supplies` where the other end is a nerve means `innervates` (and `supplied-by`,
/// `innervated-by`): "supply" in a student's words is a nerve's as much as an artery's.
fn supply_by_kind(query: &str, error: &QueryError) -> Option<String> {
    let nerve_end = match error {
        QueryError::WrongKind { kind, .. } => matches!(kind, Kind::Nerve | Kind::Root),
        QueryError::NeverRelated { .. } => true,
        _ => false,
    };
    let swapped = query
        .replace("supplied-by ", "innervated-by* ")
        .replace("supplies ", "innervates ");
    (nerve_end && swapped != query).then_some(swapped)
}

#[cfg(test)]
mod tests;
