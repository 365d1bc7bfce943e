//! "Did you mean …?": the nearest spellings to a word the user or a data file got wrong.

/// Words longer than this get no suggestion: no id or name is a typo away from them,
/// and scoring costs the product of the two lengths (a 1 MiB unknown id against every
/// id took minutes).
pub const MAX_WORD_CHARS: usize = 128;

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
    if word.chars().count() > MAX_WORD_CHARS {
        return Vec::new();
    }
    let word = word.to_lowercase();
    let mut scored: Vec<(f64, &'a str)> = candidates
        .into_iter()
        .filter(|c| c.len() <= 4 * MAX_WORD_CHARS)
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

/// Candidates indexed by their trigrams, so that suggesting for many words costs about
/// the same per word however many candidates there are (`fascia check` on data with
/// thousands of unknown ids). Only candidates that share a rare trigram with the word
/// are scored.
#[derive(Debug, Default)]
pub struct Index {
    candidates: Vec<String>,
    postings: std::collections::HashMap<[char; 3], Vec<u32>>,
}

/// Trigrams found in more candidates than this say little about a word and are skipped,
/// which bounds the work of one look-up.
const COMMON_TRIGRAM: usize = 64;
/// How many of the candidates sharing the most trigrams are scored in full.
const SHORTLIST: usize = 32;

impl Index {
    /// Indexes the candidates by their trigrams.
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index::default();
        for c in candidates {
            let n = index.candidates.len() as u32;
            let mut grams = trigrams(&c.to_lowercase());
            grams.sort_unstable();
            grams.dedup();
            for g in grams {
                index.postings.entry(g).or_default().push(n);
            }
            index.candidates.push(c.to_string());
        }
        index
    }

    /// The single closest candidate, as [`closest`] would find it among those that
    /// share a telling trigram with `word`.
    pub fn closest(&self, word: &str) -> Option<&str> {
        if word.chars().count() > MAX_WORD_CHARS {
            return None;
        }
        let mut shared: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        let mut grams = trigrams(&word.to_lowercase());
        grams.sort_unstable();
        grams.dedup();
        for g in grams {
            match self.postings.get(&g) {
                Some(list) if list.len() <= COMMON_TRIGRAM => {
                    for c in list {
                        *shared.entry(*c).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        let mut shortlist: Vec<(u32, u32)> = shared.into_iter().collect();
        shortlist.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        shortlist.truncate(SHORTLIST);
        let names = shortlist
            .iter()
            .filter_map(|(c, _)| self.candidates.get(*c as usize))
            .map(String::as_str);
        closest(word, names)
    }
}

/// The trigrams of a word padded with a space at each end (`tib`, ` ti`, `al `).
fn trigrams(word: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// Jaro-Winkler, boosted for a prefix typed in full (`gastroc` → gastrocnemius).
fn similarity(word: &str, candidate: &str) -> f64 {
    if word.len() >= 4 && candidate.starts_with(word) {
        return strsim::jaro_winkler(word, candidate).max(0.9);
    }
    // Jaro is at most (n/m + 2)/3 for lengths n ≤ m, and Winkler's boost applies only
    // above 0.7: lengths over ten times apart are never close, and a word thousands of
    // characters long would cost its length times each candidate's to compare
    let (w, c) = (word.chars().count(), candidate.chars().count());
    if w > 10 * c.max(1) || c > 10 * w.max(1) {
        return 0.0;
    }
    let jw = strsim::jaro_winkler(word, candidate);
    // one or two typos in a longer word are still the same word; lengths further apart
    // take more edits than that
    let typo =
        w.abs_diff(c) <= 2 && word.len() >= 5 && strsim::damerau_levenshtein(word, candidate) <= 2;
    if typo { jw.max(0.85) } else { jw }
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
    fn a_word_far_longer_than_any_name_is_close_to_none() {
        let names = ["tibial", "soleus", "tibialis anterior"];
        let long = "tibial".repeat(700);
        assert_eq!(nearest(&long, names, 3), Vec::<&str>::new());
        assert_eq!(
            closest("tibialis anterior muscle", names),
            Some("tibialis anterior")
        );
    }

    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let names = ["tibial", "soleus", "sciatic", "femur", "tibia"];
        let index = Index::new(names);
        for word in ["tibail", "solues", "xyzzy", "tibai", "femr"] {
            assert_eq!(index.closest(word), closest(word, names), "{word}");
        }
    }

    #[test]
    fn a_word_too_long_to_be_a_typo_gets_no_suggestion() {
        let names = ["tibial", "soleus"];
        let long = "tibial".repeat(200_000);
        assert_eq!(closest(&long, names), None);
        assert_eq!(Index::new(names).closest(&long), None);
        let at_limit = format!("{}x", "t".repeat(MAX_WORD_CHARS - 1));
        assert_eq!(
            closest(&at_limit, [at_limit.as_str()]),
            Some(at_limit.as_str())
        );
    }

    #[test]
    fn nearest_orders_by_closeness() {
        let names = ["popliteus", "popliteal artery", "plantaris"];
        let got = nearest("poplitues", names, 2);
        assert_eq!(got.first(), Some(&"popliteus"));
    }
}
