//! Learning from the graph: quiz questions drawn from its standard facts ([`Generator`]),
//! typed answers graded member by member ([`grade`](mod@grade)), spaced repetition ([`schedule`]),
//! and the same questions as a paper quiz, JSON or an Anki deck ([`paper`], [`anki`]).
//! Never reads the terminal and never touches files: the shell and the command line
//! do that.
//!
//! Every question is a query: its key is what that query, run by fascia, answers (see
//! [`answer_of`]), and a question is made only where no disputed fact would change that
//! key (`including disputed` gives the same answer, and the facts at the subject are
//! all standard).

pub mod anki;
mod generate;
pub mod grade;
pub mod paper;
pub mod schedule;

use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::{KindSet, SourceId};
use crate::query::Answer;
use std::fmt;

pub use generate::{Generator, LOCALIZE_NERVE_LIMIT, answer_of};
pub use grade::{Grade, Verdict, grade};
pub use schedule::{Card, Progress, ProgressError};

/// What a question asks about. The words are those the shell, the command line and a
/// deck's tags use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    /// Which nerve supplies a muscle.
    Innervation,
    /// A muscle's spinal root levels.
    Roots,
    /// Where a muscle arises.
    Origin,
    /// Where a muscle inserts.
    Insertion,
    /// Which artery supplies a muscle.
    Supply,
    /// Which muscles perform a movement.
    Action,
    /// What a nerve or vessel becomes further along.
    Continuation,
    /// The named branches of a nerve or artery.
    Branches,
    /// What lies in a compartment.
    Contents,
    /// Which muscles a nerve lesion at a common site takes away.
    Lesion,
    /// Which single lesion explains a set of findings.
    Localize,
}

impl Topic {
    /// Every topic, in the order they are listed.
    pub const ALL: [Topic; 11] = [
        Topic::Innervation,
        Topic::Roots,
        Topic::Origin,
        Topic::Insertion,
        Topic::Supply,
        Topic::Action,
        Topic::Continuation,
        Topic::Branches,
        Topic::Contents,
        Topic::Lesion,
        Topic::Localize,
    ];

    /// The topic's word: `innervation`, `roots`, `localize`.
    pub fn word(self) -> &'static str {
        match self {
            Topic::Innervation => "innervation",
            Topic::Roots => "roots",
            Topic::Origin => "origin",
            Topic::Insertion => "insertion",
            Topic::Supply => "supply",
            Topic::Action => "action",
            Topic::Continuation => "continuation",
            Topic::Branches => "branches",
            Topic::Contents => "contents",
            Topic::Lesion => "lesion",
            Topic::Localize => "localize",
        }
    }

    /// The topic a word names, forgiving case and a plural or singular `s`.
    pub fn from_word(word: &str) -> Option<Topic> {
        let w = word.trim().to_ascii_lowercase();
        Topic::ALL.into_iter().find(|t| {
            let own = t.word();
            w == own
                || w.strip_suffix('s') == Some(own)
                || own.strip_suffix('s') == Some(w.as_str())
        })
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A region or a topic a user named that the data does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LearnError {
    /// `quiz upper-lmb`
    #[error("unknown region `{word}`{}; the regions are {}", hint(.suggestion), .known.join(", "))]
    UnknownRegion {
        /// The word as typed.
        word: String,
        /// The region whose id is closest to it, if one is close.
        suggestion: Option<String>,
        /// The ids of the regions there are.
        known: Vec<String>,
    },
    /// `quiz inervation`
    #[error("unknown topic `{word}`{}; the topics are {}", hint(.suggestion), .known.join(", "))]
    UnknownTopic {
        /// The word as typed.
        word: String,
        /// The topic whose word is closest to it, if one is close.
        suggestion: Option<String>,
        /// The topics' words.
        known: Vec<String>,
    },
}

fn hint(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None => String::new(),
    }
}

/// Which questions to draw from: a region of the body and some topics (none: all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only questions of this region; any region when `None`.
    pub region: Option<StructureId>,
    /// Only questions of these topics; every topic when empty.
    pub topics: Vec<Topic>,
}

impl Filter {
    /// Whether the filter lets through a question of `topic`.
    pub fn admits_topic(&self, topic: Topic) -> bool {
        self.topics.is_empty() || self.topics.contains(&topic)
    }

    /// Whether the filter lets through a question of `region` (a question with no
    /// region only when no region is asked for).
    pub fn admits_region(&self, region: Option<StructureId>) -> bool {
        self.region.is_none() || self.region == region
    }
}

/// The region a word names: a top region's id (`upper-limb`) or name (`upper limb`).
pub fn region_named(atlas: &Atlas, word: &str) -> Result<StructureId, LearnError> {
    let key = word.trim().to_lowercase().replace([' ', '_'], "-");
    let regions = atlas.top_regions();
    let found = regions.iter().copied().find(|r| {
        let s = atlas.node(*r);
        s.id.as_str() == key || s.name.to_lowercase().replace(' ', "-") == key
    });
    found.ok_or_else(|| {
        let known: Vec<String> = regions
            .iter()
            .map(|r| atlas.node(*r).id.to_string())
            .collect();
        LearnError::UnknownRegion {
            word: word.to_string(),
            suggestion: crate::suggest::closest(&key, known.iter().map(String::as_str))
                .map(str::to_string),
            known,
        }
    })
}

/// The topic a word names, or an error listing the topics.
pub fn topic_named(word: &str) -> Result<Topic, LearnError> {
    Topic::from_word(word).ok_or_else(|| LearnError::UnknownTopic {
        word: word.to_string(),
        suggestion: crate::suggest::closest(
            &word.to_ascii_lowercase(),
            Topic::ALL.iter().map(|t| t.word()),
        )
        .map(str::to_string),
        known: Topic::ALL.iter().map(|t| t.word().to_string()).collect(),
    })
}

/// One question, its key and where the key comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Names the fact asked about, not its place in any list: `innervation/soleus`,
    /// `lesion/median-nerve-at-wrist`. Stable while the ids in the data are; a deck's
    /// GUIDs and the saved progress use it.
    pub key: String,
    /// What the question asks about.
    pub topic: Topic,
    /// The region of the body the question belongs to, where the data places it.
    pub region: Option<StructureId>,
    /// The question as a person reads it.
    pub text: String,
    /// The query whose answer is the key.
    pub query: String,
    /// The structures the query answers, in its order.
    pub answer: Vec<StructureId>,
    /// The sources of the facts behind the key, best known first.
    pub sources: Vec<SourceId>,
    /// The kinds a typed answer is read as.
    pub accepts: KindSet,
}

impl Question {
    /// The region's id (`lower-limb`), for tags and JSON.
    pub fn region_id<'a>(&self, atlas: &'a Atlas) -> Option<&'a str> {
        self.region.map(|r| atlas.node(r).id.as_str())
    }

    /// The key's names, joined: `Deep fibular nerve, Superficial fibular nerve`.
    pub fn answer_names(&self, atlas: &Atlas) -> String {
        self.answer
            .iter()
            .map(|n| atlas.node(*n).name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Whether `answer`, the result of running a question's query, still gives its key.
pub fn answers_question(question: &Question, answer: &Answer) -> bool {
    answer_of(answer).as_deref() == Some(question.answer.as_slice())
}

/// A small, fixed pseudo-random generator (SplitMix64): the same seed gives the same
/// quiz on every platform and in every version of fascia, which a crate's generator
/// does not promise.
#[derive(Debug, Clone)]
pub struct Shuffle(u64);

impl Shuffle {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Shuffle {
        Shuffle(seed)
    }

    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0), without the bias of a plain modulo.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_read_back_from_their_words() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_word(t.word()), Some(t));
        }
        assert_eq!(Topic::from_word("Root"), Some(Topic::Roots));
        assert_eq!(Topic::from_word("origins"), Some(Topic::Origin));
        let error = topic_named("inervation").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("unknown topic `inervation` (did you mean `innervation`?); the topics are innervation, roots,"),
            "{error}"
        );
    }

    #[test]
    fn the_shuffle_is_fixed_by_its_seed() {
        let deal = |seed| {
            let mut v: Vec<u32> = (0..20).collect();
            Shuffle::new(seed).shuffle(&mut v);
            v
        };
        assert_eq!(deal(7), deal(7));
        assert_ne!(deal(7), deal(8));
        let mut sorted = deal(7);
        sorted.sort();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        // the first values of SplitMix64 from 0, as published with the algorithm
        assert_eq!(Shuffle::new(0).next_u64(), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn regions_are_named_by_id_or_name() {
        let atlas = crate::bundled().unwrap();
        let upper = region_named(&atlas, "upper-limb").unwrap();
        assert_eq!(region_named(&atlas, "Upper limb").unwrap(), upper);
        let error = region_named(&atlas, "upper-lmb").unwrap_err();
        assert!(
            error.to_string().contains("did you mean `upper-limb`?"),
            "{error}"
        );
    }
}
