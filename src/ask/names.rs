//! The structures a question names, found as a query finds them, with what a student
//! adds: `m.`, `n.`, `a.` and `v.` abbreviations, a typo or two, and a name shared by
//! hand and foot standing for both.

use crate::graph::StructureId;
use crate::graph::model::{Kind, KindSet};
use crate::graph::{Atlas, normalize};
use crate::query::QueryError;
use crate::query::ast::{Name, Span};
use crate::query::resolve::resolve_name;

/// What a name in a question stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Named {
    /// One structure, or one of each limb for a name both share (`lumbricals`).
    Nodes(Vec<StructureId>),
    /// Nothing certain: the words as typed, for the query to report (an unknown or
    /// ambiguous name, with its suggestions).
    Typed(String),
}

/// Abbreviations before or after a name, the kinds they mean and their Latin word.
const ABBREVIATIONS: &[(&str, Kind, &str)] = &[
    ("m.", Kind::Muscle, "musculus"),
    ("mm.", Kind::Muscle, "musculi"),
    ("n.", Kind::Nerve, "nervus"),
    ("nn.", Kind::Nerve, "nervi"),
    ("a.", Kind::Artery, "arteria"),
    ("aa.", Kind::Artery, "arteriae"),
    ("v.", Kind::Vein, "vena"),
    ("vv.", Kind::Vein, "venae"),
];

/// The structure the words name among `kinds`.
pub fn name(atlas: &Atlas, words: &[String], kinds: KindSet) -> Named {
    let mut words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| *w != ",")
        .collect();
    let mut kinds = kinds;
    let mut latin = None;
    let abbreviation = |w: &str| ABBREVIATIONS.iter().find(|(a, _, _)| *a == w);
    if let Some(&(_, kind, word)) = words.first().and_then(|w| abbreviation(w)) {
        words.remove(0);
        latin = Some(word);
        kinds = narrowed(kinds, kind);
    } else if let Some(&(_, kind, _)) = words.last().and_then(|w| abbreviation(w)) {
        words.pop();
        kinds = narrowed(kinds, kind);
    }
    let text = words.join(" ");
    if text.is_empty() {
        return Named::Typed(String::new());
    }
    let mut tries = vec![text.clone()];
    if let Some(latin) = latin {
        tries.push(format!("{latin} {text}"));
    }
    for typed in &tries {
        if let Some(nodes) = find(atlas, typed, kinds) {
            return Named::Nodes(nodes);
        }
    }
    Named::Typed(text)
}

/// Only `kind` (and its parts, for a muscle) when `kinds` allows it.
fn narrowed(kinds: KindSet, kind: Kind) -> KindSet {
    let wanted = if kind == Kind::Muscle {
        KindSet::of(&[Kind::Muscle, Kind::MusclePart])
    } else {
        KindSet::of(&[kind])
    };
    let both = kinds.intersect(wanted);
    if both.is_empty() { kinds } else { both }
}

fn find(atlas: &Atlas, typed: &str, kinds: KindSet) -> Option<Vec<StructureId>> {
    let name = Name {
        text: typed.to_string(),
        quoted: false,
        span: Span::default(),
    };
    match resolve_name(atlas, &name, kinds, None) {
        Ok(n) => Some(vec![n]),
        Err(QueryError::Ambiguous { candidates, .. }) => one_per_limb(atlas, &candidates),
        Err(QueryError::UnknownName { suggestions, .. }) => {
            // a typo or two in a name of some length: the nearest name, shown in the
            // query the question became
            let key = normalize(typed);
            let near = suggestions.first()?;
            if key.chars().count() < 5 || strsim::damerau_levenshtein(&key, near) > 2 {
                return None;
            }
            let name = Name {
                text: near.clone(),
                ..name
            };
            resolve_name(atlas, &name, kinds, None)
                .ok()
                .map(|n| vec![n])
        }
        Err(_) => None,
    }
}

/// The wholes among the candidates for an ambiguous name, when each lies in another limb
/// (`lumbricals`: of hand, of foot); `None` when it is ambiguous otherwise.
pub fn one_per_limb(
    atlas: &Atlas,
    candidates: &[(String, String, Kind)],
) -> Option<Vec<StructureId>> {
    let wholes: Vec<StructureId> = candidates
        .iter()
        .filter_map(|(id, _, _)| atlas.by_id(id))
        .filter(|n| !atlas.is_part(*n))
        .collect();
    if wholes.len() < 2 {
        return None;
    }
    let mut limbs = Vec::new();
    for n in &wholes {
        let limb = atlas.region_of(*n)?;
        if limbs.contains(&limb) {
            return None;
        }
        limbs.push(limb);
    }
    Some(wholes)
}

/// Every movement the words could name (`flexion of fingers`: at each joint of them).
pub fn movements(atlas: &Atlas, typed: &str) -> Vec<StructureId> {
    let name = Name {
        text: typed.to_string(),
        quoted: false,
        span: Span::default(),
    };
    let kinds = KindSet::of(&[Kind::Movement]);
    match resolve_name(atlas, &name, kinds, None) {
        Ok(n) => vec![n],
        Err(QueryError::Ambiguous {
            candidates, total, ..
        }) if total == candidates.len() => candidates
            .iter()
            .filter_map(|(id, _, _)| atlas.by_id(id))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// A movement's words with each typo put right by the words movements are named with
/// (`flexion of elbw` → `flexion of elbow`).
pub fn movement_words(atlas: &Atlas, typed: &str) -> String {
    let mut known: Vec<String> = atlas
        .of_kind(Kind::Movement)
        .iter()
        .flat_map(|n| {
            normalize(&atlas.node(*n).name)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    known.sort();
    known.dedup();
    let fixed: Vec<String> = normalize(typed)
        .split(' ')
        .map(|w| {
            if known.iter().any(|k| k == w) || w.chars().count() < 4 {
                return w.to_string();
            }
            known
                .iter()
                .filter(|k| strsim::damerau_levenshtein(w, k) <= 1 + usize::from(w.len() >= 7))
                .min_by_key(|k| strsim::damerau_levenshtein(w, k))
                .cloned()
                .unwrap_or_else(|| w.to_string())
        })
        .collect();
    fixed.join(" ")
}

/// A structure as a query names it: one word bare, more in quotes, lower case (`soleus`,
/// `"radial nerve"`); by its id when its name is not its own.
pub fn quoted(atlas: &Atlas, node: StructureId) -> String {
    let s = atlas.node(node);
    let name = s.name.to_lowercase();
    if name.contains('"') || atlas.named(&normalize(&name)) != [node] {
        return s.id.to_string();
    }
    if name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-'))
    {
        name
    } else {
        format!("\"{name}\"")
    }
}

/// A name as typed, for a query: quoted.
pub fn typed(text: &str) -> String {
    format!("\"{}\"", text.replace('"', ""))
}
