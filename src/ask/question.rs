//! The forms of question a student asks, each turned into the query that answers it.
//! A form is a few word patterns (see [`super::words`]) and a builder that chooses the
//! query by the kind of structure named: "what does X supply" is the muscles a nerve
//! innervates, or everything an artery supplies.

use super::names::{self, Named, quoted, typed};
use super::words::matches;
use crate::clinical::Sign;
use crate::graph::Atlas;
use crate::graph::model::{Kind, KindSet};
use petgraph::graph::NodeIndex;

/// What a question became.
#[derive(Debug, Clone, PartialEq)]
pub enum Mapped {
    /// The queries that answer it, in turn (more than one for a name both limbs share).
    Queries(Vec<String>),
    /// A question, but none of the forms fits: the line to show instead.
    Refused(String),
    /// Not worded as a question: the query's own error stands.
    NotAQuestion,
}

const NERVES: KindSet = KindSet::of(&[Kind::Nerve, Kind::Root]);
const SUPPLIERS: KindSet = KindSet::of(&[Kind::Nerve, Kind::Root, Kind::Artery, Kind::Vein]);
const VESSELS_AND_NERVES: KindSet = KindSet::of(&[Kind::Nerve, Kind::Artery, Kind::Vein]);
const MUSCLES: KindSet = KindSet::of(&[Kind::Muscle, Kind::MusclePart]);
const PLACES: KindSet = KindSet::of(&[
    Kind::Group,
    Kind::Compartment,
    Kind::Region,
    Kind::Joint,
    Kind::Bone,
    Kind::Landmark,
    Kind::Nerve,
]);
const CONTAINERS: KindSet = KindSet::of(&[Kind::Compartment, Kind::Region]);
const BONY: KindSet = KindSet::of(&[Kind::Bone, Kind::Landmark, Kind::Tendon, Kind::Ligament]);

/// Words that open a question.
const QUESTION_WORDS: &[&str] = &[
    "what", "what's", "whats", "which", "where", "how", "who", "whom", "does", "do", "is", "are",
    "can", "tell", "list", "name", "give", "describe", "explain",
];

/// Words before a question's subject that add nothing: "what are the branches of X" is
/// "branches of X".
const PREFIXES: &[&str] = &[
    "what is",
    "what are",
    "what's",
    "whats",
    "which is",
    "which are",
    "tell me about",
    "tell me",
    "give me",
    "show me",
    "list",
    "name",
    "can you tell me",
    "can you list",
    "do you know",
    "i want to know",
    "i need",
];

/// Examples of each form, for the line shown when a question fits none.
const EXAMPLES: &[&str] = &[
    "what does the radial nerve supply",
    "nerve supply of deltoid",
    "blood supply of soleus",
    "origin of biceps brachii",
    "insertion of soleus",
    "actions of gluteus medius",
    "what attaches to the calcaneus",
    "which muscles flex the elbow",
    "muscles of the anterior compartment of the leg",
    "branches of the femoral artery",
    "what does the femoral artery become",
    "contents of the carpal tunnel",
    "root value of the sciatic nerve",
    "myotome of L5",
    "what is lost if the radial nerve is cut at the spiral groove",
    "which nerve is damaged in foot drop",
    "path between soleus and the sciatic nerve",
    "what is the soleus",
];

/// Named signs and the findings they stand for.
const NAMED_SIGNS: &[(&str, Sign, &str)] = &[
    ("foot drop", Sign::Weak, "dorsiflexion of the ankle"),
    ("drop foot", Sign::Weak, "dorsiflexion of the ankle"),
    ("wrist drop", Sign::Weak, "extension of the wrist"),
    ("drop wrist", Sign::Weak, "extension of the wrist"),
    ("winged scapula", Sign::Weak, "serratus anterior"),
    ("winging of scapula", Sign::Weak, "serratus anterior"),
    ("scapular winging", Sign::Weak, "serratus anterior"),
    ("trendelenburg sign", Sign::Weak, "abduction of the hip"),
    (
        "positive trendelenburg sign",
        Sign::Weak,
        "abduction of the hip",
    ),
    ("trendelenburg gait", Sign::Weak, "abduction of the hip"),
];

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

/// The most words a question may have: longer text is not read as one (and the work
/// of matching stays small).
pub const MAX_QUESTION_WORDS: usize = 40;

/// Reads a question. `words` are the question's words (see [`super::words::words`]).
pub fn map(atlas: &Atlas, words: &[String]) -> Mapped {
    if words.is_empty() || words.len() > MAX_QUESTION_WORDS {
        return Mapped::NotAQuestion;
    }
    let asking = Asking { atlas };
    let bare = strip_prefix(words);
    // the forms in order: the more particular first, "what is X" last
    let found = asking
        .whole_name(words, bare)
        .or_else(|| asking.localize(words, bare))
        .or_else(|| asking.lesion(words, bare))
        .or_else(|| asking.path(words, bare))
        .or_else(|| asking.supply_of(words, bare))
        .or_else(|| asking.supplied_by(words, bare))
        .or_else(|| asking.branches(words, bare))
        .or_else(|| asking.attachments(words, bare))
        .or_else(|| asking.actions(words, bare))
        .or_else(|| asking.movers(words, bare))
        .or_else(|| asking.contents(words, bare))
        .or_else(|| asking.roots(words, bare))
        .or_else(|| asking.what_is(words, bare));
    if let Some(queries) = found {
        return Mapped::Queries(queries);
    }
    let asked = QUESTION_WORDS.contains(&words[0].as_str());
    if asked {
        return Mapped::Refused(refusal(words));
    }
    match asking.named(words, KindSet::ALL) {
        Named::Nodes(nodes) => Mapped::Queries(each(atlas, &nodes, |n, _| format!("show {n}"))),
        Named::Typed(_) => Mapped::NotAQuestion,
    }
}

/// The question's words less a prefix that adds nothing.
fn strip_prefix(words: &[String]) -> &[String] {
    for prefix in PREFIXES {
        let prefix: Vec<&str> = prefix.split(' ').collect();
        if words.len() > prefix.len() && words.iter().zip(&prefix).all(|(w, p)| w == p) {
            return &words[prefix.len()..];
        }
    }
    words
}

/// The one line for a question no form fits: the forms nearest it by the words they share.
fn refusal(words: &[String]) -> String {
    let mut scored: Vec<(usize, usize, &str)> = EXAMPLES
        .iter()
        .enumerate()
        .map(|(i, example)| {
            let shared = example
                .split(' ')
                .filter(|w| w.len() > 3 && words.iter().any(|t| t == w))
                .count();
            (shared, i, *example)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let nearest: Vec<String> = scored
        .iter()
        .take(3)
        .map(|(_, _, e)| format!("`{e}`"))
        .collect();
    format!(
        "cannot read this question; questions fascia reads are like {}; or write a query \
         (`help queries`)",
        nearest.join(", ")
    )
}

/// One query per structure, built from its name as a query writes it and its kind; one
/// with the name as typed when it names nothing for certain (the query reports it).
fn each(
    atlas: &Atlas,
    nodes: &[NodeIndex],
    build: impl Fn(&str, Option<Kind>) -> String,
) -> Vec<String> {
    nodes
        .iter()
        .map(|n| build(&quoted(atlas, *n), Some(atlas.node(*n).kind)))
        .collect()
}

struct Asking<'a> {
    atlas: &'a Atlas,
}

impl Asking<'_> {
    fn named(&self, words: &[String], kinds: KindSet) -> Named {
        names::name(self.atlas, words, kinds)
    }

    /// The queries for the structure the words name, by its kind; for a name that names
    /// nothing for certain, the query for `fallback` with the name as typed.
    fn build(
        &self,
        words: &[String],
        kinds: KindSet,
        fallback: Kind,
        build: impl Fn(&str, Kind) -> Option<String>,
    ) -> Option<Vec<String>> {
        match self.named(words, kinds) {
            Named::Nodes(nodes) => {
                let mut out = Vec::new();
                for n in nodes {
                    out.push(build(&quoted(self.atlas, n), self.atlas.node(n).kind)?);
                }
                Some(out)
            }
            Named::Typed(text) if !text.is_empty() => Some(vec![build(&typed(&text), fallback)?]),
            Named::Typed(_) => None,
        }
    }

    /// The first of `patterns` that matches, and its slots.
    fn first(patterns: &[&str], words: &[String]) -> Option<Vec<Vec<String>>> {
        patterns.iter().find_map(|p| matches(p, words))
    }

    /// A name and nothing else, when it names a structure exactly: `nerve to
    /// obturator internus`, `L5 dermatome`.
    fn whole_name(&self, words: &[String], _: &[String]) -> Option<Vec<String>> {
        let key = crate::graph::normalize(&words.join(" "));
        let nodes = self.atlas.named(&key);
        let [node] = nodes else { return None };
        if self.atlas.node(*node).kind == Kind::Group
            && words.last().is_some_and(|w| w == "muscles")
        {
            return Some(vec![format!(
                "muscles member-of {}",
                quoted(self.atlas, *node)
            )]);
        }
        Some(vec![format!("show {}", quoted(self.atlas, *node))])
    }

    /// "what is lost if the radial nerve is cut at the spiral groove", "ulnar nerve lesion
    /// at the elbow".
    fn lesion(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
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
    fn localize(&self, words: &[String], _: &[String]) -> Option<Vec<String>> {
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
            let text = clause.join(" ");
            if let Some((_, s, name)) = NAMED_SIGNS.iter().find(|(n, _, _)| *n == text) {
                found.push((*s, typed(name)));
                sign = Some(*s);
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

    /// "path between soleus and the sciatic nerve", "how is X connected to Y".
    fn path(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let patterns = [
            "path|paths|route|connection|connections|link|links between|from {} and|to {}",
            "how is|are {} connected|related|linked to|with {}",
            "how are {} and {} connected|related|linked",
            "what connects|links {} and|to|with {}",
            "how do|does {} and {} connect|relate",
            "how do|does {} connect|relate to|with {}",
        ];
        let slots = Self::first(&patterns, words).or_else(|| Self::first(&patterns, bare))?;
        let from = self.single(&slots[0])?;
        let to = self.single(&slots[1])?;
        Some(vec![format!("path {from} to {to}")])
    }

    /// One name for a statement that takes one structure: the first of several limbs'.
    fn single(&self, words: &[String]) -> Option<String> {
        match self.named(words, KindSet::ALL) {
            Named::Nodes(nodes) => nodes.first().map(|n| quoted(self.atlas, *n)),
            Named::Typed(text) if !text.is_empty() => Some(typed(&text)),
            Named::Typed(_) => None,
        }
    }

    /// What supplies a structure: "nerve supply of deltoid", "blood supply of soleus",
    /// "what innervates the soleus", "which roots supply tibialis anterior".
    fn supply_of(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let nerve = [
            "nerve|nerves|motor supply|supplies|innervation of|to {}",
            "innervation|innervations of|to {}",
            "nerve|nerves to {}",
            "what|which nerve|nerves supply|supplies|innervate|innervates|supplying|innervating|serve|serves {}",
            "what|which nerve|nerves is|are {} supplied|innervated|served by",
            "what innervates|innervate {}",
            "what is|are {} innervated by",
            "{} nerve|nerves|motor supply|supplies",
            "{} innervation",
            "who innervates|supplies {}",
            "[what|which] nerve|nerves [that|which] supply|supplies|innervate|innervates|supplying|innervating {}",
        ];
        let sensory = [
            "sensory|cutaneous|skin supply|supplies|innervation of|to {}",
            "what|which nerve|nerves supply|supplies|innervate|innervates skin|sensation of|over|to {}",
            "{} sensory|cutaneous supply|innervation",
        ];
        let blood = [
            "blood|arterial supply|supplies of|to {}",
            "what|which artery|arteries supply|supplies|supplying|feed|feeds {}",
            "what|which artery|arteries is|are {} supplied by",
            "{} blood|arterial supply",
            "what supplies|supply blood to {}",
            "[what|which] artery|arteries [that|which] supply|supplies|supplying|feed|feeds {}",
        ];
        let veins = [
            "venous drainage of {}",
            "what|which vein|veins drain|drains {}",
            "[what|which] vein|veins [that|which] drain|drains|draining {}",
            "{} venous drainage",
        ];
        let either = [
            "what supplies|supply {}",
            "supply|supplies of|to {}",
            "{} supply",
        ];
        let find = |patterns: &[&str]| {
            Self::first(patterns, words).or_else(|| Self::first(patterns, bare))
        };
        let group_aware = |relation: &'static str, kind: &'static str| {
            move |n: &str, k: Kind| {
                Some(if k == Kind::Group {
                    format!("{kind} {relation} (muscles member-of {n})")
                } else {
                    format!("{kind} {relation} {n}")
                })
            }
        };
        if let Some(slots) = find(&sensory) {
            return self.build(&slots[0], KindSet::ALL, Kind::SkinArea, |n, k| {
                Some(match k {
                    Kind::Nerve | Kind::Root => format!("skin-areas innervated-by* {n}"),
                    _ => format!("nerves innervates {n}"),
                })
            });
        }
        if let Some(slots) = find(&nerve) {
            return self.build(
                &slots[0],
                KindSet::ALL,
                Kind::Muscle,
                group_aware("innervates", "nerves"),
            );
        }
        if let Some(slots) = find(&blood) {
            return self.build(
                &slots[0],
                KindSet::ALL,
                Kind::Muscle,
                group_aware("supplies", "arteries"),
            );
        }
        if let Some(slots) = find(&veins) {
            return self.build(
                &slots[0],
                KindSet::ALL,
                Kind::Muscle,
                group_aware("drains", "veins"),
            );
        }
        let slots = find(&either)?;
        // "supply" alone: both, nerves first
        let nerves = self.build(
            &slots[0],
            KindSet::ALL,
            Kind::Muscle,
            group_aware("innervates", "nerves"),
        )?;
        let arteries = self.build(
            &slots[0],
            KindSet::ALL,
            Kind::Muscle,
            group_aware("supplies", "arteries"),
        )?;
        Some(nerves.into_iter().chain(arteries).collect())
    }

    /// What a nerve, root or artery supplies: "what does the radial nerve supply",
    /// "muscles innervated by the tibial nerve", "myotome of L5".
    fn supplied_by(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        const SUPPLY: &str = "supply|supplies|innervate|innervates|serve|serves|feed|feeds";
        let anything = [
            format!("what|which does|do {{}} {SUPPLY}"),
            "what|which is|are {} supplied|innervated|served|fed by".to_string(),
            "what|which is|are supplied|innervated|served|fed by {}".to_string(),
            "territory of {}".to_string(),
            "{} territory".to_string(),
            format!("what|which structure|structures does|do {{}} {SUPPLY}"),
        ];
        let muscles = [
            format!("what|which muscle|muscles does|do {{}} {SUPPLY}"),
            "[what|which] muscle|muscles [is|are] [that|which] [is|are] supplied|innervated|served by {}".to_string(),
            "myotome|myotomes of {}".to_string(),
            "{} myotome|myotomes".to_string(),
            format!("{{}} {SUPPLY} what|which muscle|muscles"),
        ];
        let skin = [
            format!("what|which skin|skin-areas|skin-area|area|areas does|do {{}} {SUPPLY}"),
            "[what|which] skin|skin-areas|skin-area|area|areas [is|are] [that|which] [is|are] supplied|innervated by {}".to_string(),
            "dermatome|dermatomes of {}".to_string(),
        ];
        let find = |patterns: &[String]| {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            Self::first(&patterns, words).or_else(|| Self::first(&patterns, bare))
        };
        if let Some(slots) = find(&skin) {
            return self.build(&slots[0], SUPPLIERS, Kind::Nerve, |n, k| {
                Some(match k {
                    Kind::Root => format!("dermatomes innervated-by {n}"),
                    Kind::Artery => format!("structures supplied-by* {n}"),
                    _ => format!("skin-areas innervated-by* {n}"),
                })
            });
        }
        if let Some(slots) = find(&muscles) {
            return self.build(&slots[0], SUPPLIERS.union(MUSCLES), Kind::Nerve, |n, k| {
                Some(match k {
                    Kind::Root => format!("muscles innervated-by {n}"),
                    Kind::Artery => format!("muscles supplied-by* {n}"),
                    Kind::Vein => format!("muscles drained-by* {n}"),
                    Kind::Muscle | Kind::MusclePart => format!("roots innervates {n}"),
                    _ => format!("muscles innervated-by* {n}"),
                })
            });
        }
        let slots = find(&anything)?;
        self.build(&slots[0], SUPPLIERS, Kind::Nerve, |n, k| {
            Some(match k {
                Kind::Root => format!("muscles innervated-by {n}"),
                Kind::Artery => format!("structures supplied-by* {n}"),
                Kind::Vein => format!("structures drained-by* {n}"),
                _ => format!("muscles innervated-by* {n}"),
            })
        })
    }

    /// "origin of biceps brachii", "where does soleus insert", "what attaches to the
    /// calcaneus".
    fn attachments(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let origin = [
            "origin|origins of {}",
            "proximal attachment|attachments of {}",
            "where does|do {} originate|arise|start|begin",
            "where does|do {} originate|arise|come from",
            "what does|do {} originate|arise from",
            "{} origin|origins",
        ];
        let insertion = [
            "insertion|insertions of {}",
            "distal attachment|attachments of {}",
            "where does|do {} insert|end|attach",
            "what does|do {} insert into|onto|on|to",
            "{} insertion|insertions",
        ];
        let on = [
            "what|which attaches|attach|inserts|insert|originates|originate to|on|onto|into|from|at {}",
            "what|which muscle|muscles attach|attaches|insert|inserts|originate|originates to|on|onto|into|from|at {}",
            "[what|which] muscle|muscles [that|which] [are] attached|attaching|inserting|originating to|on|onto|into|from|at {}",
            "attachments|attachment on|to {}",
            "attachments of {}",
        ];
        let find = |patterns: &[&str]| {
            Self::first(patterns, words).or_else(|| Self::first(patterns, bare))
        };
        if let Some(slots) = find(&origin) {
            return self.build(&slots[0], MUSCLES, Kind::Muscle, |n, _| {
                Some(format!("structures origin-of {n}"))
            });
        }
        if let Some(slots) = find(&insertion) {
            return self.build(&slots[0], MUSCLES, Kind::Muscle, |n, _| {
                Some(format!("structures insertion-of {n}"))
            });
        }
        let slots = find(&on)?;
        self.build(&slots[0], BONY.union(MUSCLES), Kind::Bone, |n, k| {
            Some(match k {
                Kind::Muscle | Kind::MusclePart => {
                    format!("structures origin-of {n} or insertion-of {n}")
                }
                _ => format!("muscles originates-from* {n} or inserts-into* {n}"),
            })
        })
    }

    /// "actions of gluteus medius", "what does the soleus do".
    fn actions(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let patterns = [
            "action|actions|function|functions|movement|movements of {}",
            "what does|do {} do",
            "what movement|movements does|do {} perform|produce|cause|do",
            "{} action|actions|function|functions",
        ];
        let slots = Self::first(&patterns, words).or_else(|| Self::first(&patterns, bare))?;
        self.build(
            &slots[0],
            MUSCLES.union(KindSet::of(&[Kind::Group])),
            Kind::Muscle,
            |n, k| {
                Some(if k == Kind::Group {
                    format!("movements performed-by (muscles member-of {n})")
                } else {
                    format!("movements performed-by {n}")
                })
            },
        )
    }

    /// "which muscles flex the elbow", "what dorsiflexes the ankle", "flexors of the
    /// knee".
    fn movers(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
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

    /// "muscles of the anterior compartment of the leg", "rotator cuff muscles",
    /// "contents of the carpal tunnel", "what passes through the tarsal tunnel".
    fn contents(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let muscles = [
            "muscle|muscles of|in|within|inside {}",
            "what|which muscle|muscles are|is|lie|lies in|within|inside {}",
            "what|which muscle|muscles make|makes up|form|forms {}",
            "{} muscle|muscles",
        ];
        let contents = [
            "content|contents of {}",
            "what|which passes|pass|runs|run|goes|go|travels|travel|lies|lie|is|are through|in|within|inside {}",
            "what|which structure|structures pass|passes|run|runs|lie|lies through|in|within {}",
            "what|which is|are found|located|contained in|within {}",
            "what|which is|are inside {}",
            "what does|do {} contain",
            "{} content|contents",
        ];
        let find = |patterns: &[&str]| {
            Self::first(patterns, words).or_else(|| Self::first(patterns, bare))
        };
        if let Some(slots) = find(&muscles) {
            return self.build(&slots[0], PLACES, Kind::Compartment, |n, k| {
                Some(match k {
                    Kind::Group => format!("muscles member-of {n}"),
                    Kind::Joint => format!("muscles performs* {n}"),
                    Kind::Bone | Kind::Landmark => {
                        format!("muscles originates-from* {n} or inserts-into* {n}")
                    }
                    Kind::Nerve => format!("muscles innervated-by* {n}"),
                    _ => format!("muscles located-in* {n}"),
                })
            });
        }
        let slots = find(&contents)?;
        self.build(
            &slots[0],
            CONTAINERS.union(KindSet::of(&[Kind::Group])),
            Kind::Region,
            |n, k| {
                Some(if k == Kind::Group {
                    format!("muscles member-of {n}")
                } else {
                    format!("structures located-in* {n}")
                })
            },
        )
    }

    /// "branches of the femoral artery", "what does the femoral artery become", "where
    /// does the tibial nerve come from".
    fn branches(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        let branches = [
            "branch|branches|tributary|tributaries of {}",
            "what|which branch|branches does|do {} give|have",
            "what|which branch|branches does|do {} give off",
            "what does|do {} branch|divide|split into",
            "what does|do {} give off",
            "{} branch|branches|tributaries",
        ];
        let becomes = [
            "what does|do {} become|becomes",
            "what does|do {} continue as|into",
            "what does|do {} turn into",
            "continuation|continuations of {}",
            "{} continues|continue as",
            "{} becomes|become what",
        ];
        let from = [
            "where does|do {} come|branch|arise from",
            "what does|do {} come|branch|arise from",
            "what is|are {} branch|branches of",
            "what|which nerve|nerves|artery|arteries does|do {} come|branch|arise from",
        ];
        let plural = |k: Kind| match k {
            Kind::Artery => "arteries",
            Kind::Vein => "veins",
            _ => "nerves",
        };
        let find = |patterns: &[&str]| {
            Self::first(patterns, words).or_else(|| Self::first(patterns, bare))
        };
        if let Some(slots) = find(&branches) {
            return self.build(&slots[0], VESSELS_AND_NERVES, Kind::Nerve, |n, k| {
                Some(match k {
                    Kind::Vein => format!("veins tributary-of {n}"),
                    _ => format!("{} branch-of {n}", plural(k)),
                })
            });
        }
        if let Some(slots) = find(&becomes) {
            return self.build(&slots[0], VESSELS_AND_NERVES, Kind::Nerve, |n, k| {
                Some(format!("{} continuation-of {n}", plural(k)))
            });
        }
        // where a nerve or vessel comes from; a muscle's origin is another form
        let slots = find(&from)?;
        let Named::Nodes(nodes) = self.named(&slots[0], VESSELS_AND_NERVES) else {
            return None;
        };
        Some(each(self.atlas, &nodes, |n, k| match k {
            Some(Kind::Vein) => format!("veins receives {n}"),
            Some(k) => format!("{} has-branch {n} or continues-as {n}", plural(k)),
            None => format!("nerves has-branch {n}"),
        }))
    }

    /// "root value of the sciatic nerve", "roots of tibialis anterior", "which roots
    /// mediate the knee jerk".
    fn roots(&self, words: &[String], bare: &[String]) -> Option<Vec<String>> {
        const ROOTS: &str = "root|roots|value|values|level|levels|segment|segments|segmental|spinal|nerve|supply|innervation";
        let patterns = [
            "[nerve|spinal|segmental|cord] root|roots|segment|segments|level|levels [value|values|level|levels|supply|innervation] of|for {}".to_string(),
            "root-value|root-values|segmental supply|innervation of|for {}".to_string(),
            "{} root|roots [value|values|level|levels]".to_string(),
            "{} root-value|root-values".to_string(),
            format!("what|which {ROOTS} supply|supplies|innervate|innervates|form|forms|mediate|mediates|serve|serves {{}}"),
            format!("what|which {ROOTS} {ROOTS} supply|supplies|innervate|innervates|form|forms|mediate|mediates|serve|serves {{}}"),
            "what|which roots|segments does|do {} come|arise from".to_string(),
            "what|which roots|segments make|makes up {}".to_string(),
        ];
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let slots = Self::first(&patterns, words).or_else(|| Self::first(&patterns, bare))?;
        self.build(&slots[0], KindSet::ALL, Kind::Muscle, |n, k| {
            Some(match k {
                Kind::Nerve => format!("roots root-of {n}"),
                Kind::Reflex => format!("roots mediates {n}"),
                Kind::Root => format!("show {n}"),
                Kind::Group => format!("roots innervates (muscles member-of {n})"),
                _ => format!("roots innervates {n}"),
            })
        })
    }

    /// "what is the soleus", "tell me about the femoral triangle", "describe L5".
    fn what_is(&self, words: &[String], _: &[String]) -> Option<Vec<String>> {
        let patterns = [
            "what|who|where is|are {}",
            "what's|whats {}",
            "tell me about {}",
            "describe|explain {}",
            "show me {}",
            "information|info on|about {}",
            "what do you know about {}",
        ];
        let slots = Self::first(&patterns, words)?;
        match self.named(&slots[0], KindSet::ALL) {
            Named::Nodes(nodes) => Some(each(self.atlas, &nodes, |n, _| format!("show {n}"))),
            // "what is ..." that names nothing may be another form: refuse rather than guess
            Named::Typed(text) if slots[0].len() <= 2 => {
                Some(vec![format!("show {}", typed(&text))])
            }
            Named::Typed(_) => None,
        }
    }
}
