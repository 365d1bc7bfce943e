//! Clinical questions: what a lesion takes away ("what is lost if the radial nerve is
//! cut at the spiral groove") and which lesion explains the signs ("which nerve is
//! damaged in foot drop", "… if tibialis anterior is weak").

use super::names::{Named, quoted, typed};
use super::question::{Asking, NERVES};
use super::words::matches;
use crate::clinical::Sign;
use crate::graph::clinical::SignDef;
use crate::graph::model::Kind;
use crate::graph::{Atlas, normalize};

/// The bedside sign a clause names, by its name or an alias, articles aside
/// (`winging of scapula`, `a positive trendelenburg sign`).
fn bedside_sign<'a>(atlas: &'a Atlas, clause: &[String]) -> Option<&'a SignDef> {
    let bare = |text: &str| -> String {
        normalize(text)
            .split(' ')
            .filter(|w| !matches!(*w, "the" | "a" | "an" | "positive"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let said = bare(&clause.join(" "));
    atlas
        .clinical()
        .signs
        .iter()
        .find(|s| bare(&s.name) == said || s.aliases.iter().any(|a| bare(a) == said))
}

impl Asking<'_> {
    /// "what is lost if the radial nerve is cut at the spiral groove", "ulnar nerve lesion
    /// at the elbow".
    pub(super) fn lesion(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        const CUT: &str = "cut|damaged|injured|severed|lesioned|transected|divided|compressed|torn|trapped|entrapped|lost|destroyed";
        const AT: &str = "at|in|near|behind|around|above|below";
        let with_site = [
            format!(
                "what|which is|are lost|affected|weak|paralysed|paralyzed if|when {{}} is|are|gets {CUT} {AT} {{}}"
            ),
            format!("what|which happens|happen if|when {{}} is|are|gets {CUT} {AT} {{}}"),
            format!("what if {{}} is|are {CUT} {AT} {{}}"),
            format!("lesion|injury|damage|palsy|section [of|to] {{}} {AT} {{}}"),
            format!("{{}} lesion|injury|damage|palsy {AT} {{}}"),
            format!("effect|effects|result of cutting|damaging|injuring {{}} {AT} {{}}"),
        ];
        let without = [
            format!(
                "what|which is|are lost|affected|weak|paralysed|paralyzed if|when {{}} is|are|gets {CUT}"
            ),
            format!("what|which happens|happen if|when {{}} is|are|gets {CUT}"),
            format!("what if {{}} is|are {CUT}"),
            "lesion|injury|damage|palsy|section of|to {}".to_string(),
            "{} lesion|injury|damage|palsy".to_string(),
            "effect|effects|result of cutting|damaging|injuring {}".to_string(),
        ];
        let with_site: Vec<&str> = with_site.iter().map(String::as_str).collect();
        let without: Vec<&str> = without.iter().map(String::as_str).collect();
        let (nerve, site) = match Self::first(&with_site, words)
            .or_else(|| Self::first(&with_site, bare))
        {
            Some(slots) => (slots[0].clone(), Some(slots[1].clone())),
            None => {
                let slots = Self::first(&without, words).or_else(|| Self::first(&without, bare))?;
                (slots[0].clone(), None)
            }
        };
        let site = site.map(|words| {
            let words: Vec<&str> = words
                .iter()
                .map(String::as_str)
                .skip_while(|w| matches!(*w, "level" | "of"))
                .collect();
            typed(&words.join(" "))
        });
        self.build(&nerve, NERVES, Kind::Nerve, |n, _| {
            Some(match &site {
                Some(site) => format!("lesion {n} at {site}"),
                None => format!("lesion {n}"),
            })
        })
    }

    /// "which nerve is damaged in foot drop", "which nerve is injured if tibialis anterior
    /// is weak and tibialis posterior is spared".
    pub(super) fn localize(&self, words: &[String], _: &[String]) -> Option<Vec<String>> {
        const WHO: &str = "nerve|nerves|root|roots|lesion|injury|structure|level";
        const HURT: &str =
            "damaged|injured|affected|lesioned|responsible|involved|cut|compressed|at|to";
        let patterns = [
            format!(
                "which|what {WHO} is|are|was|were {HURT} [fault|blame] in|with|for|if|when|by {{*}}"
            ),
            format!("which|what {WHO} [lesion|injury|damage] causes|cause|gives|produces {{*}}"),
            format!("where is|the {WHO} in|if|with|when {{*}}"),
            "what causes|cause {*}".to_string(),
            "cause|causes of {*}".to_string(),
            "localize|localise|locate {*}".to_string(),
        ];
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let slots = Self::first(&patterns, words)?;
        let findings = self.findings(&slots[0])?;
        Some(vec![format!("localize {findings}")])
    }

    /// Signs in words (`foot drop`, `weak soleus and gracilis`, `tibialis posterior is
    /// spared`, `loss of the ankle jerk`, `numbness over the dorsum of the foot`) as the
    /// findings of `localize`.
    fn findings(&self, words: &[String]) -> Option<String> {
        let mut clauses: Vec<Vec<String>> = vec![Vec::new()];
        for w in words {
            if matches!(w.as_str(), "," | "and" | "but" | "with" | "plus") {
                clauses.push(Vec::new());
            } else if let Some(last) = clauses.last_mut() {
                last.push(w.clone());
            }
        }
        let mut found: Vec<(Sign, String)> = Vec::new();
        let mut sign = None;
        for clause in clauses.iter().filter(|c| !c.is_empty()) {
            // a bedside sign of the data (`foot drop`, `winged scapula`) stands for its
            // findings: `shows`
            if let Some(named) = bedside_sign(self.atlas, clause) {
                found.push((Sign::Shows, typed(&named.name.to_lowercase())));
                sign = None;
                continue;
            }
            let (s, name) = Self::sign_of(clause).or_else(|| sign.map(|s| (s, clause.clone())))?;
            sign = Some(s);
            let named = match self.named(&name, s.kinds()) {
                Named::Nodes(nodes) => nodes.iter().map(|n| quoted(self.atlas, *n)).collect(),
                Named::Typed(text) if !text.is_empty() => vec![typed(&text)],
                Named::Typed(_) => return None,
            };
            for n in named {
                found.push((s, n));
            }
        }
        if found.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut last = None;
        for (s, name) in found {
            if last == Some(s) {
                out.push_str(", ");
            } else {
                if last.is_some() {
                    out.push(' ');
                }
                out.push_str(s.word());
                out.push(' ');
            }
            out.push_str(&name);
            last = Some(s);
        }
        Some(out)
    }

    /// The sign a clause states and the words naming what it is about.
    fn sign_of(clause: &[String]) -> Option<(Sign, Vec<String>)> {
        // a reflex first: `the ankle jerk is lost` is no weakness
        let patterns: &[(&str, Sign)] = &[
            ("loss of {} reflex|jerk", Sign::ReflexLost),
            (
                "lost|absent|reduced|diminished|no {} reflex|jerk",
                Sign::ReflexLost,
            ),
            (
                "{} reflex|jerk is|are lost|absent|reduced|diminished|gone",
                Sign::ReflexLost,
            ),
            ("weak|weakened|paralysed|paralyzed {}", Sign::Weak),
            ("weakness|paralysis|palsy of|in {}", Sign::Weak),
            (
                "{} is|are weak|weakened|paralysed|paralyzed|lost",
                Sign::Weak,
            ),
            ("{} weakness", Sign::Weak),
            ("spared|normal|intact|preserved {}", Sign::Spared),
            (
                "{} is|are spared|normal|intact|preserved|fine|ok",
                Sign::Spared,
            ),
            ("numb|anaesthetic|anesthetic {}", Sign::Numb),
            (
                "numbness|anaesthesia|anesthesia|paraesthesia|paresthesia of|over|in|on {}",
                Sign::Numb,
            ),
            ("loss of sensation|feeling of|over|in|on {}", Sign::Numb),
            ("sensory loss of|over|in|on {}", Sign::Numb),
            ("{} is|are numb", Sign::Numb),
        ];
        for (pattern, sign) in patterns {
            if let Some(slots) = matches(pattern, clause) {
                let mut name = slots[0].clone();
                if *sign == Sign::ReflexLost {
                    // the reflex's own word is part of its name: `ankle jerk`
                    let word = clause
                        .iter()
                        .find(|w| matches!(w.as_str(), "reflex" | "jerk"))
                        .cloned()
                        .unwrap_or_else(|| "reflex".to_string());
                    name.push(word);
                }
                return Some((*sign, name));
            }
        }
        None
    }
}
