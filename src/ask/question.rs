//! The forms of question a student asks, each turned into the query that answers it.
//! A form is a few word patterns (see [`super::words`]) and a builder that chooses the
//! query by the kind of structure named: "what does X supply" is the muscles a nerve
//! innervates, or everything an artery supplies.

use super::names::{self, Named, quoted, typed};
use super::words::matches;
use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::{Kind, KindSet};

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

pub(super) const NERVES: KindSet = KindSet::of(&[Kind::Nerve, Kind::Root]);
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

/// What supplies X with nerves: "nerve supply of deltoid".
const NERVE_SUPPLY: &[&str] = &[
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

/// What supplies X's skin: "sensory supply of the dorsum of the foot".
const SENSORY_SUPPLY: &[&str] = &[
    "sensory|cutaneous|skin supply|supplies|innervation of|to {}",
    "what|which nerve|nerves supply|supplies|innervate|innervates skin|sensation of|over|to {}",
    "{} sensory|cutaneous supply|innervation",
];

/// What supplies X with blood: "blood supply of soleus".
const BLOOD_SUPPLY: &[&str] = &[
    "blood|arterial supply|supplies of|to {}",
    "what|which artery|arteries supply|supplies|supplying|feed|feeds {}",
    "what|which artery|arteries is|are {} supplied by",
    "{} blood|arterial supply",
    "what supplies|supply blood to {}",
    "[what|which] artery|arteries [that|which] supply|supplies|supplying|feed|feeds {}",
];

/// What drains X: "venous drainage of the hand".
const VENOUS_DRAINAGE: &[&str] = &[
    "venous drainage of {}",
    "what|which vein|veins drain|drains {}",
    "[what|which] vein|veins [that|which] drain|drains|draining {}",
    "{} venous drainage",
];

/// "Supply" alone: "what supplies the deltoid", nerves and arteries both.
const ANY_SUPPLY: &[&str] = &[
    "what supplies|supply {}",
    "supply|supplies of|to {}",
    "{} supply",
];

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
    nodes: &[StructureId],
    build: impl Fn(&str, Option<Kind>) -> String,
) -> Vec<String> {
    nodes
        .iter()
        .map(|n| build(&quoted(atlas, *n), Some(atlas.node(*n).kind)))
        .collect()
}

pub(super) struct Asking<'a> {
    pub(super) atlas: &'a Atlas,
}

impl Asking<'_> {
    pub(super) fn named(&self, words: &[String], kinds: KindSet) -> Named {
        names::name(self.atlas, words, kinds)
    }

    /// The queries for the structure the words name, by its kind; for a name that names
    /// nothing for certain, the query for `fallback` with the name as typed.
    pub(super) fn build(
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
    pub(super) fn first(patterns: &[&str], words: &[String]) -> Option<Vec<Vec<String>>> {
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
        if let Some(slots) = find(SENSORY_SUPPLY) {
            return self.build(&slots[0], KindSet::ALL, Kind::SkinArea, |n, k| {
                Some(match k {
                    Kind::Nerve | Kind::Root => format!("skin-areas innervated-by* {n}"),
                    _ => format!("nerves innervates {n}"),
                })
            });
        }
        if let Some(slots) = find(NERVE_SUPPLY) {
            return self.build(
                &slots[0],
                KindSet::ALL,
                Kind::Muscle,
                group_aware("innervates", "nerves"),
            );
        }
        if let Some(slots) = find(BLOOD_SUPPLY) {
            return self.build(
                &slots[0],
                KindSet::ALL,
                Kind::Muscle,
                group_aware("supplies", "arteries"),
            );
        }
        if let Some(slots) = find(VENOUS_DRAINAGE) {
            return self.build(
                &slots[0],
                KindSet::ALL,
                Kind::Muscle,
                group_aware("drains", "veins"),
            );
        }
        let slots = find(ANY_SUPPLY)?;
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
        ];
        let dermatome = [
            "dermatome|dermatomes of {}".to_string(),
            "what|which dermatome|dermatomes is|are {}".to_string(),
            "{} dermatome|dermatomes".to_string(),
        ];
        let find = |patterns: &[String]| {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            Self::first(&patterns, words).or_else(|| Self::first(&patterns, bare))
        };
        // the dermatome of a root is its skin; of a skin area (a digit), its root
        if let Some(slots) = find(&dermatome) {
            let kinds = SUPPLIERS.union(KindSet::of(&[Kind::SkinArea]));
            // a name that is no one structure (`middle finger`: palmar or dorsal) is
            // asked back by the query as a skin area
            return self.build(&slots[0], kinds, Kind::SkinArea, |n, k| {
                Some(match k {
                    Kind::Root => format!("dermatomes innervated-by {n}"),
                    Kind::SkinArea => format!("roots innervates {n}"),
                    Kind::Artery => format!("structures supplied-by* {n}"),
                    _ => format!("skin-areas innervated-by* {n}"),
                })
            });
        }
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
