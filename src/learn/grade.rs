//! Grading a typed answer: each name read as queries read names (ids, aliases, old
//! names, the kind word optional, a unique start of a name), then compared with the key
//! member by member.

use super::Question;
use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::{Kind, KindSet};
use crate::query::QueryError;
use crate::query::ast::{Name, Span};
use crate::query::resolve::resolve_name;

/// Right, partly right or wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Every member of the key and nothing else.
    Right,
    /// Some members of the key.
    Partly,
    /// None.
    Wrong,
}

impl Verdict {
    /// The verdict's words: `right`, `partly right`, `wrong`.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Partly => "partly right",
            Verdict::Wrong => "wrong",
        }
    }
}

/// How an answer compares with the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Right, partly right or wrong.
    pub verdict: Verdict,
    /// Members of the key the answer named.
    pub named: Vec<StructureId>,
    /// Members of the key it left out.
    pub missing: Vec<StructureId>,
    /// Structures it named that are not in the key.
    pub extra: Vec<StructureId>,
    /// What it wrote that names no structure of the kinds asked for.
    pub unknown: Vec<String>,
}

/// Grades `typed` against the question's key. Names are separated by commas,
/// semicolons, `and` or new lines; a root range counts each level (`C5-C7`, `L4, 5`).
pub fn grade(atlas: &Atlas, question: &Question, typed: &str) -> Grade {
    let mut named = Vec::new();
    let mut extra = Vec::new();
    let mut unknown = Vec::new();
    let mut note = |read: Option<StructureId>, piece: String| match read {
        Some(n) if question.answer.contains(&n) => {
            if !named.contains(&n) {
                named.push(n);
            }
        }
        Some(n) => {
            if !extra.contains(&n) {
                extra.push(n);
            }
        }
        None => unknown.push(piece),
    };
    // root levels: ranges spelled out
    if question.accepts == KindSet::of(&[Kind::Root]) {
        for piece in pieces(typed, true) {
            note(read_name(atlas, question, &piece), piece);
        }
    } else {
        let atoms = atoms(typed);
        let mut i = 0;
        while i < atoms.len() {
            // a name with a comma or an `and` in it (`Gastrocnemius, lateral head`):
            // the longest run of pieces, joined as typed, that names a member of the key
            let joined = (i + 2..=atoms.len().min(i + 4)).rev().find_map(|j| {
                let text = join(&atoms[i..j]);
                read_name(atlas, question, &text)
                    .filter(|n| question.answer.contains(n))
                    .map(|n| (j, n, text))
            });
            match joined {
                Some((j, n, text)) => {
                    note(Some(n), text);
                    i = j;
                }
                None => {
                    let piece = atoms[i].1.clone();
                    note(read_name(atlas, question, &piece), piece);
                    i += 1;
                }
            }
        }
    }
    let missing: Vec<StructureId> = question
        .answer
        .iter()
        .copied()
        .filter(|n| !named.contains(n))
        .collect();
    let verdict = if missing.is_empty() && extra.is_empty() && unknown.is_empty() {
        Verdict::Right
    } else if named.is_empty() {
        Verdict::Wrong
    } else {
        Verdict::Partly
    };
    // the key's order, so that feedback reads as the answer does
    named.sort_by_key(|n| question.answer.iter().position(|a| a == n));
    Grade {
        verdict,
        named,
        missing,
        extra,
        unknown,
    }
}

/// The structure a piece of an answer names among the kinds asked for: where the name
/// could be several structures, the one in the key if only one of them is.
fn read_name(atlas: &Atlas, question: &Question, piece: &str) -> Option<StructureId> {
    let name = Name {
        text: piece.to_string(),
        quoted: true,
        span: Span::new(0, piece.len()),
    };
    match resolve_name(atlas, &name, question.accepts, None) {
        Ok(n) => Some(n),
        Err(QueryError::Ambiguous { candidates, .. }) => {
            let in_key: Vec<StructureId> = candidates
                .iter()
                .filter_map(|(id, _, _)| atlas.by_id(id))
                .filter(|n| question.answer.contains(n))
                .collect();
            match in_key.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        }
        Err(_) => None,
    }
}

/// The pieces of an answer between commas, semicolons, new lines and `and`, each with
/// the separator before it.
fn atoms(typed: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for part in typed.split([',', ';', '\n']) {
        let spaced = format!(" {part} ");
        for (k, piece) in spaced.split(" and ").enumerate() {
            let piece = piece.trim().trim_matches(['"', '\'']).trim();
            if !piece.is_empty() {
                out.push((if k == 0 { ", " } else { " and " }, piece.to_string()));
            }
        }
    }
    out
}

/// Pieces joined by the separators they were typed with.
fn join(atoms: &[(&'static str, String)]) -> String {
    let mut text = String::new();
    for (k, (separator, piece)) in atoms.iter().enumerate() {
        if k > 0 {
            text.push_str(separator);
        }
        text.push_str(piece);
    }
    text
}

/// The names in an answer, with root ranges spelled out when roots are asked for.
fn pieces(typed: &str, roots: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut letter: Option<char> = None;
    let spaced = format!(" {} ", typed.replace(['\n', ';', ','], " , "));
    for piece in spaced.split(" , ").flat_map(|p| p.split(" and ")) {
        let piece = piece.trim().trim_matches(['"', '\'']).trim();
        if piece.is_empty() || piece == "," {
            continue;
        }
        if roots {
            if let Some(levels) = root_range(piece, &mut letter) {
                out.extend(levels);
                continue;
            }
        }
        out.push(piece.to_string());
    }
    out
}

/// `C5`, `5` (after `C4`), `C5-C7`, `C5-7`, `C8–T1` as levels; `letter` carries the
/// segment letter from one piece to the next.
fn root_range(piece: &str, letter: &mut Option<char>) -> Option<Vec<String>> {
    let compact: String = piece.chars().filter(|c| !c.is_whitespace()).collect();
    let (from, to) = match compact.split_once(['-', '–', '—']) {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (compact, None),
    };
    let level = |text: &str, letter: &mut Option<char>| -> Option<(char, u32)> {
        let mut chars = text.chars();
        let first = chars.clone().next()?;
        let (l, digits) = if first.is_ascii_alphabetic() {
            chars.next();
            (first.to_ascii_uppercase(), chars.as_str())
        } else {
            ((*letter)?, text)
        };
        if !"CTLS".contains(l) || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *letter = Some(l);
        Some((l, digits.parse().ok()?))
    };
    let start = level(&from, letter)?;
    let Some(to) = to else {
        return Some(vec![format!("{}{}", start.0, start.1)]);
    };
    let end = level(&to, letter)?;
    // the segments in order, with how many levels each has
    const SEGMENTS: [(char, u32); 4] = [('C', 8), ('T', 12), ('L', 5), ('S', 5)];
    let index = |(l, n): (char, u32)| -> Option<u32> {
        let mut before = 0;
        for (seg, count) in SEGMENTS {
            if seg == l {
                return (1..=count).contains(&n).then_some(before + n);
            }
            before += count;
        }
        None
    };
    let (a, b) = (index(start)?, index(end)?);
    if b < a || b - a > 12 {
        return None;
    }
    let name = |mut i: u32| -> String {
        for (seg, count) in SEGMENTS {
            if i <= count {
                return format!("{seg}{i}");
            }
            i -= count;
        }
        String::new()
    };
    Some((a..=b).map(name).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::Generator;

    fn question(key: &str) -> (Atlas, Question) {
        let atlas = crate::bundled().unwrap();
        let q = Generator::new(&atlas).by_key(key).unwrap();
        (atlas, q)
    }

    #[test]
    fn names_are_forgiven_as_in_queries() {
        let (atlas, q) = question("innervation/soleus");
        for typed in ["tibial", "Tibial nerve", "tibial-nerve", "  TIBIAL  "] {
            assert_eq!(grade(&atlas, &q, typed).verdict, Verdict::Right, "{typed}");
        }
        let wrong = grade(&atlas, &q, "common fibular");
        assert_eq!(wrong.verdict, Verdict::Wrong);
        assert_eq!(
            wrong.extra,
            vec![atlas.by_id("common-fibular-nerve").unwrap()]
        );
        let nonsense = grade(&atlas, &q, "xyzzy");
        assert_eq!(
            (nonsense.verdict, nonsense.unknown),
            (Verdict::Wrong, vec!["xyzzy".to_string()])
        );
        assert_eq!(grade(&atlas, &q, "").verdict, Verdict::Wrong);
    }

    #[test]
    fn a_set_is_graded_member_by_member() {
        let (atlas, q) = question("innervation/biceps-femoris");
        assert_eq!(q.answer.len(), 2, "{q:?}");
        let names: Vec<String> = q
            .answer
            .iter()
            .map(|n| atlas.node(*n).name.to_string())
            .collect();
        let both = grade(&atlas, &q, &format!("{} and {}", names[1], names[0]));
        assert_eq!(both.verdict, Verdict::Right);
        let one = grade(&atlas, &q, &names[0]);
        assert_eq!(one.verdict, Verdict::Partly);
        assert_eq!(one.named, vec![q.answer[0]]);
        assert_eq!(one.missing, vec![q.answer[1]]);
        let with_extra = grade(&atlas, &q, &format!("{}, femoral", names.join("; ")));
        assert_eq!(with_extra.verdict, Verdict::Partly);
        assert_eq!(with_extra.extra.len(), 1);
    }

    #[test]
    fn a_name_with_a_comma_or_an_and_is_read_whole() {
        let atlas = crate::bundled().unwrap();
        let gastrocnemius = atlas.by_id("gastrocnemius").unwrap();
        let heads: Vec<StructureId> = atlas
            .neighbours(
                gastrocnemius,
                crate::graph::model::Relation::PartOf,
                crate::graph::model::Direction::Inverse,
            )
            .map(|(_, p)| p)
            .collect();
        assert_eq!(heads.len(), 2);
        let skin = atlas
            .of_kind(Kind::SkinArea)
            .iter()
            .copied()
            .find(|n| atlas.node(*n).name.contains(" and "))
            .unwrap();
        let mut answer = heads.clone();
        answer.push(skin);
        let q = Question {
            key: "test/heads".into(),
            topic: crate::learn::Topic::Contents,
            region: None,
            text: String::new(),
            query: String::new(),
            answer,
            sources: Vec::new(),
            accepts: KindSet::ALL,
        };
        let typed = format!(
            "{}, {}; {}",
            atlas.node(heads[1]).name,
            atlas.node(heads[0]).name,
            atlas.node(skin).name
        );
        let g = grade(&atlas, &q, &typed);
        assert_eq!(
            (g.verdict, g.unknown.len()),
            (Verdict::Right, 0),
            "{typed}: {g:?}"
        );
    }

    #[test]
    fn root_values_are_read_as_ranges() {
        let (atlas, q) = question("roots/abductor-pollicis-brevis");
        assert_eq!(q.answer_names(&atlas), "C8, T1");
        for typed in ["C8, T1", "C8-T1", "c8 - t1", "C8 and T1", "C8–T1"] {
            assert_eq!(grade(&atlas, &q, typed).verdict, Verdict::Right, "{typed}");
        }
        assert_eq!(grade(&atlas, &q, "C7-T1").verdict, Verdict::Partly);
        assert_eq!(grade(&atlas, &q, "L5").verdict, Verdict::Wrong);
        // a level without its letter takes the one before it
        assert_eq!(
            pieces("L4, 5", true),
            vec!["L4".to_string(), "L5".to_string()]
        );
        // tibialis anterior has a level that only a minority of texts give: no
        // question asks them
        assert_eq!(
            Generator::new(&atlas).by_key("roots/tibialis-anterior"),
            None
        );
        let mut letter = None;
        assert_eq!(
            root_range("C7-T1", &mut letter),
            Some(vec!["C7".into(), "C8".into(), "T1".into()])
        );
        assert_eq!(root_range("L5-L4", &mut None), None);
        assert_eq!(root_range("X1", &mut None), None);
    }
}
