//! "Did you mean …?": the nearest spellings to a word the user or a data file got wrong.

/// The single closest candidate, if it is close enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(word, candidates, 1).into_iter().next()
}

/// Up to `n` candidates close to `word`, nearest first, without repeats.
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let mut scored: Vec<(f64, &'a str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let score = similarity(&word, &c.to_lowercase());
            (score >= 0.75).then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<&str> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(c)) {
            out.push(c);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// Jaro-Winkler, boosted for a prefix typed in full (`gastroc` → gastrocnemius).
fn similarity(word: &str, candidate: &str) -> f64 {
    let jw = strsim::jaro_winkler(word, candidate);
    if word.len() >= 4 && candidate.starts_with(word) {
        jw.max(0.9)
    } else {
        let edits = strsim::damerau_levenshtein(word, candidate);
        // one or two typos in a longer word are still the same word
        let typo = if edits <= 2 && word.len() >= 5 {
            0.85
        } else {
            0.0
        };
        jw.max(typo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_typo_and_ignores_strangers() {
        let names = ["tibial", "soleus", "sciatic", "femur"];
        assert_eq!(closest("tibail", names), Some("tibial"));
        assert_eq!(closest("solues", names), Some("soleus"));
        assert_eq!(closest("xyzzy", names), None);
    }

    #[test]
    fn nearest_orders_by_closeness() {
        let names = ["popliteus", "popliteal artery", "plantaris"];
        let got = nearest("poplitues", names, 2);
        assert_eq!(got.first(), Some(&"popliteus"));
    }
}
