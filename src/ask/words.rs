//! A question as words, and patterns over them: `what does {x} supply` matches "What
//! does the radial nerve suply?" with `x` = `radial nerve`.

/// The words of a question: lower case, without articles, its final `?`, `.` or `!`,
/// possessive `'s` and commas (which stay as their own word, for lists).
pub fn words(text: &str) -> Vec<String> {
    let text = text
        .trim()
        .trim_end_matches(['?', '!', '.', ' ', '\t'])
        .replace('’', "'");
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let lower = raw.to_lowercase();
        let (word, comma) = match lower.strip_suffix(',') {
            Some(w) => (w.to_string(), true),
            None => (lower, false),
        };
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("s'"))
            .map_or(word.clone(), str::to_string);
        if !word.is_empty() && !matches!(word.as_str(), "the" | "a" | "an" | "please") {
            out.push(word);
        }
        if comma {
            out.push(",".to_string());
        }
    }
    out
}

/// Words of a question that no name has, so a slot never takes them.
const NOT_IN_NAMES: &[&str] = &[
    "what", "which", "does", "do", "did", "is", "are", "how", "where", "who", "when", "if",
    "count", "show", "around", "paths",
];

/// Whether a word typed matches a word of a pattern: the same, or one typo away in a word
/// of four letters or more (`suply`, `orgin`, `waht`).
fn same(typed: &str, literal: &str) -> bool {
    if typed == literal {
        return true;
    }
    let (t, l) = (typed.chars().count(), literal.chars().count());
    t >= 4 && l >= 4 && strsim::damerau_levenshtein(typed, literal) <= 1
}

/// Matches `words` against a pattern of space-separated parts: a word, alternatives
/// `a|b`, an optional word `[a|b]`, or a slot `{}` of one or more words (`{*}`: which
/// may hold question words). Returns the
/// slots' words in order.
pub fn matches(pattern: &str, words: &[String]) -> Option<Vec<Vec<String>>> {
    let parts: Vec<&str> = pattern.split(' ').collect();
    let mut slots = Vec::new();
    step(&parts, words, &mut slots).then_some(slots)
}

fn step(parts: &[&str], words: &[String], slots: &mut Vec<Vec<String>>) -> bool {
    let Some((part, rest)) = parts.split_first() else {
        return words.is_empty();
    };
    if *part == "{}" || *part == "{*}" {
        // the shortest slot that lets the rest match; a name has no question words, a
        // slot `{*}` (of findings: `soleus is weak`) may
        let most = match *part {
            "{}" => words
                .iter()
                .position(|w| NOT_IN_NAMES.contains(&w.as_str()))
                .unwrap_or(words.len()),
            _ => words.len(),
        };
        for n in 1..=most {
            slots.push(words[..n].to_vec());
            if step(rest, &words[n..], slots) {
                return true;
            }
            slots.pop();
        }
        return false;
    }
    if let Some(optional) = part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
        if let Some((first, after)) = words.split_first() {
            if optional.split('|').any(|l| same(first, l)) && step(rest, after, slots) {
                return true;
            }
        }
        return step(rest, words, slots);
    }
    match words.split_first() {
        Some((first, after)) if part.split('|').any(|l| same(first, l)) => step(rest, after, slots),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(pattern: &str, text: &str) -> Option<Vec<String>> {
        matches(pattern, &words(text)).map(|s| s.iter().map(|w| w.join(" ")).collect())
    }

    #[test]
    fn articles_marks_and_possessives_go() {
        assert_eq!(
            words("What does the Radial nerve's branch supply?"),
            ["what", "does", "radial", "nerve", "branch", "supply"]
        );
        assert_eq!(
            words("weak soleus, gracilis"),
            ["weak", "soleus", ",", "gracilis"]
        );
    }

    #[test]
    fn slots_take_the_words_between() {
        assert_eq!(
            slots(
                "what does|do {} supply|innervate",
                "what does the radial nerve supply"
            ),
            Some(vec!["radial nerve".to_string()])
        );
        assert_eq!(
            slots(
                "path [between|from] {} and|to {}",
                "path from soleus to sciatic nerve"
            ),
            Some(vec!["soleus".to_string(), "sciatic nerve".to_string()])
        );
        assert_eq!(slots("origin of {}", "insertion of soleus"), None);
        assert_eq!(slots("origin of {}", "origin of"), None);
    }

    #[test]
    fn one_typo_in_a_long_word_is_forgiven() {
        assert!(slots("what does {} supply", "waht does radial suply").is_some());
        assert!(slots("origin of {}", "orgin of soleus").is_some());
        // short words must be exact: `of` is not `or`
        assert!(slots("origin of {}", "origin or soleus").is_none());
    }
}
