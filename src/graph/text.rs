//! What the text of a data file may hold, whichever format it came in (TOML, TSV,
//! N-Triples, a JSON dump): names, aliases and notes are printed to terminals and
//! matched by queries, so they may not drive the terminal (ESC, BEL, C1), reorder what
//! is shown (bidirectional overrides) or hide (zero-width characters), and names are
//! compared in one Unicode normal form (NFC).

use unicode_normalization::UnicodeNormalization;

/// Why a character cannot stand in a data file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// C0, DEL or C1: ESC starts terminal escape sequences, BEL rings, CR overwrites.
    Control,
    /// Marks and overrides that reorder the text around them (U+202E …).
    Bidirectional,
    /// Characters that print as nothing (U+200B …): `Soleus` and `Soleus` + U+200B
    /// would look alike and be two names.
    Invisible,
}

impl Refused {
    /// The character's class, as messages name it.
    pub fn describe(self) -> &'static str {
        match self {
            Refused::Control => "control character",
            Refused::Bidirectional => "bidirectional control character",
            Refused::Invisible => "invisible character",
        }
    }

    /// The class of `c`, if text may not hold it.
    pub fn of(c: char) -> Option<Refused> {
        if c.is_control() {
            return Some(Refused::Control);
        }
        match c {
            '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => Some(Refused::Bidirectional),
            '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}' => Some(Refused::Invisible),
            _ => None,
        }
    }
}

/// The first character of `text` that text may not hold: its class, the character
/// and its place (counted in characters from 1).
pub fn first_refused(text: &str) -> Option<(Refused, char, usize)> {
    text.chars()
        .enumerate()
        .find_map(|(n, c)| Refused::of(c).map(|why| (why, c, n + 1)))
}

/// The message for the first refused character of `text`, the `field` (name, alias,
/// note …) of the structure `owner`; `None` when the text is fine.
pub fn problem(field: &str, owner: &str, text: &str) -> Option<String> {
    let (why, c, place) = first_refused(text)?;
    Some(format!(
        "{} U+{:04X} in the {field} of `{owner}` (character {place}); text in data files \
         may not hold {}",
        why.describe(),
        c as u32,
        match why {
            Refused::Control => "control characters",
            Refused::Bidirectional => "bidirectional controls",
            Refused::Invisible => "invisible characters",
        }
    ))
}

/// `text` in Unicode normal form C, so that one name spelt with a precomposed `é` and
/// with `e` + U+0301 is one name; borrowed when it already is (nearly always).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// Text longer than this is cut short when a message quotes it.
const QUOTED_CHARS: usize = 80;

/// `text` as a message quotes it: whole when short, else its start and its length, so
/// that a megabyte-long unknown id is not printed whole.
pub fn quoted(text: &str) -> std::borrow::Cow<'_, str> {
    let count = text.chars().count();
    if count <= QUOTED_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let start: String = text.chars().take(QUOTED_CHARS - 20).collect();
    std::borrow::Cow::Owned(format!("{start}… ({count} characters)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_overrides_and_invisible_characters() {
        for (text, why, place) in [
            ("So\u{1b}]0;pwned\u{7}leus", Refused::Control, 3),
            ("Soleus\u{7f}", Refused::Control, 7),
            ("\u{9b}31m", Refused::Control, 1),
            ("Sol\u{202e}eus", Refused::Bidirectional, 4),
            ("\u{2067}x", Refused::Bidirectional, 1),
            ("Soleus\u{200b}", Refused::Invisible, 7),
            ("\u{feff}Soleus", Refused::Invisible, 1),
            ("\u{2060}", Refused::Invisible, 1),
        ] {
            let (found, _, at) = first_refused(text).unwrap();
            assert_eq!((found, at), (why, place), "{text:?}");
        }
        for fine in [
            "Soleus",
            "Muscle soléaire",
            "Μυς",
            "Flexor digitorum (longus) – 2",
        ] {
            assert_eq!(first_refused(fine), None, "{fine}");
        }
        assert_eq!(
            problem("name", "soleus", "Sol\u{202e}eus").unwrap(),
            "bidirectional control character U+202E in the name of `soleus` (character 4); \
             text in data files may not hold bidirectional controls"
        );
    }

    #[test]
    fn long_text_is_quoted_short() {
        assert_eq!(quoted("soleus"), "soleus");
        let long = "x".repeat(1000);
        assert_eq!(
            quoted(&long),
            format!("{}… (1000 characters)", "x".repeat(60))
        );
    }

    #[test]
    fn names_are_compared_in_one_normal_form() {
        assert_eq!(nfc("Sole\u{301}aire"), "Soléaire");
        assert!(matches!(nfc("Soleus"), std::borrow::Cow::Borrowed(_)));
    }
}
