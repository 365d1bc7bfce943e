//! Questions about movement: "which muscles flex the elbow", "what dorsiflexes the
//! ankle", "flexors of the knee", each the muscles performing the movement named.

use super::names::{self, quoted, typed};
use super::question::Asking;
use super::words::matches;

/// Verbs of movement and the movement they name (`flex the elbow`: flexion of it).
const VERBS: &[(&str, &str)] = &[
    ("flex|flexes|bend|bends", "flexion"),
    ("extend|extends|straighten|straightens", "extension"),
    ("abduct|abducts", "abduction"),
    ("adduct|adducts", "adduction"),
    ("dorsiflex|dorsiflexes", "dorsiflexion"),
    (
        "plantarflex|plantarflexes|plantar-flex|plantar-flexes",
        "plantarflexion",
    ),
    ("evert|everts", "eversion"),
    ("invert|inverts", "inversion"),
    ("pronate|pronates", "pronation"),
    ("supinate|supinates", "supination"),
    ("oppose|opposes", "opposition"),
    ("elevate|elevates", "elevation"),
    ("depress|depresses", "depression"),
    ("protract|protracts", "protraction"),
    ("retract|retracts", "retraction"),
];

/// Nouns of movers (`flexors of the knee`).
const MOVERS: &[(&str, &str)] = &[
    ("flexors|flexor", "flexion"),
    ("extensors|extensor", "extension"),
    ("abductors|abductor", "abduction"),
    ("adductors|adductor", "adduction"),
    ("dorsiflexors|dorsiflexor", "dorsiflexion"),
    ("plantarflexors|plantarflexor", "plantarflexion"),
    ("evertors|evertor", "eversion"),
    ("invertors|invertor", "inversion"),
    ("pronators|pronator", "pronation"),
    ("supinators|supinator", "supination"),
];

impl Asking<'_> {
    /// "which muscles flex the elbow", "what dorsiflexes the ankle", "flexors of the
    /// knee".
    pub(super) fn movers(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let verb_forms = [
            "what|which muscle|muscles [that|which] {}",
            "muscle|muscles [that|which] {}",
            "what|which {}",
        ];
        let movement = if let Some(slots) = Self::first(&verb_forms, words) {
            Self::verb_phrase(&slots[0])?
        } else {
            let noun_forms = [
                "{} of {}",
                "muscles [that|which] perform|performing|produce|producing|cause|causing {}",
                "muscles for|of|in {}",
                "what|which muscle|muscles perform|performs|produce|produces|cause|causes {}",
            ];
            match Self::first(&noun_forms[..1], bare) {
                Some(slots) => {
                    let noun = MOVERS.iter().find_map(|(nouns, noun)| {
                        (matches(nouns, &slots[0]).is_some()).then_some(*noun)
                    })?;
                    format!("{noun} of {}", Self::joint_less(&slots[1]))
                }
                None => {
                    let slots = Self::first(&noun_forms[1..], words)?;
                    let text = slots[0].join(" ");
                    if !VERBS.iter().any(|(_, noun)| text.starts_with(noun))
                        && !text.contains("rotation")
                    {
                        return None;
                    }
                    text
                }
            }
        };
        let mut found = names::movements(self.atlas, &movement);
        if found.is_empty() {
            found = names::movements(self.atlas, &names::movement_words(self.atlas, &movement));
        }
        if found.is_empty() {
            return Some(vec![format!("muscles performs {}", typed(&movement))]);
        }
        let atoms: Vec<String> = found
            .iter()
            .map(|n| format!("performs {}", quoted(self.atlas, *n)))
            .collect();
        Some(vec![format!("muscles {}", atoms.join(" or "))])
    }

    /// `flex the elbow` → `flexion of elbow`; `rotate the hip laterally` → `lateral
    /// rotation of hip`.
    fn verb_phrase(words: &[String]) -> Option<String> {
        let (first, rest) = words.split_first()?;
        let adverb = |w: &str| match w {
            "medially" | "internally" => Some("medial"),
            "laterally" | "externally" => Some("lateral"),
            "upwardly" | "upward" | "upwards" => Some("upward"),
            "downwardly" | "downward" | "downwards" => Some("downward"),
            _ => None,
        };
        let rotates = |w: &str| matches!(w, "rotate" | "rotates");
        if let Some(adv) = adverb(first) {
            let (verb, target) = rest.split_first()?;
            return rotates(verb)
                .then(|| format!("{adv} rotation of {}", Self::joint_less(target)));
        }
        if rotates(first) {
            let (adv, target) = rest.split_last()?;
            let adv = adverb(adv)?;
            return Some(format!("{adv} rotation of {}", Self::joint_less(target)));
        }
        let noun = VERBS
            .iter()
            .find_map(|(verbs, noun)| verbs.split('|').any(|v| v == first).then_some(*noun))?;
        if rest.is_empty() {
            return None;
        }
        Some(format!("{noun} of {}", Self::joint_less(rest)))
    }

    /// The joint's name less `joint`, as movements are named (`flexion of the knee`).
    fn joint_less(words: &[String]) -> String {
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "joint" | "joints" | "at"))
            .collect();
        words.join(" ")
    }
}
