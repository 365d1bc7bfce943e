//! Spaced repetition with SM-2 (Woźniak, 1990): each question keeps an ease factor, an
//! interval and a count of right answers in a row. A right answer (grade 5) or a partly
//! right one (grade 3) passes and the interval grows: 1 day, 6 days, then the previous
//! interval times the ease. A wrong answer (grade 1) starts the question over and makes
//! it due at once, so the next `quiz review` asks it again. The ease moves by SM-2's
//! formula, never below 1.3.
//!
//! [`Progress`] is every question's card, read from and written to JSON text; the shell
//! keeps it in a file.

use super::Verdict;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const DAY: i64 = 24 * 60 * 60;
/// The version of the saved progress this fascia writes and reads.
pub const PROGRESS_VERSION: u32 = 1;

/// One question's schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// SM-2's E-Factor: 2.5 for a new question.
    pub ease: f64,
    /// Days until it is asked again, after its last answer.
    pub interval: u32,
    /// Passing answers in a row.
    pub streak: u32,
    /// Wrong answers in all.
    pub lapses: u32,
    /// When it is due, in seconds since 1970.
    pub due: i64,
    /// When it was last answered, in seconds since 1970.
    pub answered: i64,
}

impl Default for Card {
    fn default() -> Card {
        Card {
            ease: 2.5,
            interval: 0,
            streak: 0,
            lapses: 0,
            due: 0,
            answered: 0,
        }
    }
}

/// The grade SM-2 gives an answer, from 0 to 5.
pub fn quality(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Right => 5,
        Verdict::Partly => 3,
        Verdict::Wrong => 1,
    }
}

impl Card {
    /// The card after an answer given at `now` (seconds since 1970).
    pub fn answer(&self, verdict: Verdict, now: i64) -> Card {
        let q = f64::from(quality(verdict));
        let ease = (self.ease + 0.1 - (5.0 - q) * (0.08 + (5.0 - q) * 0.02)).max(1.3);
        let mut next = Card {
            ease,
            answered: now,
            ..self.clone()
        };
        if verdict == Verdict::Wrong {
            next.streak = 0;
            next.interval = 0;
            next.lapses = self.lapses.saturating_add(1);
            next.due = now;
            return next;
        }
        next.interval = match self.streak {
            0 => 1,
            1 => 6,
            _ => {
                let days = (f64::from(self.interval.max(1)) * self.ease).round();
                // a year of years is far enough
                days.clamp(1.0, 36_500.0) as u32
            }
        };
        next.streak = self.streak.saturating_add(1);
        next.due = now.saturating_add(i64::from(next.interval) * DAY);
        next
    }

    /// Whether the question is due at `now` (seconds since 1970).
    pub fn is_due(&self, now: i64) -> bool {
        self.due <= now
    }
}

/// Every answered question's card, by question key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The version of the format it was written in: [`PROGRESS_VERSION`] for this
    /// fascia.
    pub version: u32,
    /// Each answered question's card, by question key.
    pub cards: BTreeMap<String, Card>,
}

/// Saved progress that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProgressError {
    /// The text is not saved progress: not JSON, or not of its shape.
    #[error("not fascia quiz progress: {0}")]
    Syntax(#[from] serde_json::Error),
    /// The progress was written in a later version of the format than this fascia
    /// reads.
    #[error("written by a newer fascia (version {0}; this one reads version {PROGRESS_VERSION})")]
    Version(u32),
}

impl Progress {
    /// Progress with no card yet, in this fascia's version.
    pub fn new() -> Progress {
        Progress {
            version: PROGRESS_VERSION,
            cards: BTreeMap::new(),
        }
    }

    /// Reads progress saved by [`Progress::to_json`], in this version of the format or
    /// an earlier one.
    pub fn from_json(text: &str) -> Result<Progress, ProgressError> {
        let progress: Progress = serde_json::from_str(text)?;
        if progress.version > PROGRESS_VERSION {
            return Err(ProgressError::Version(progress.version));
        }
        Ok(progress)
    }

    /// The progress as pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Records an answer to the question `key` and returns its new card.
    pub fn record(&mut self, key: &str, verdict: Verdict, now: i64) -> Card {
        let card = self
            .cards
            .get(key)
            .cloned()
            .unwrap_or_default()
            .answer(verdict, now);
        self.cards.insert(key.to_string(), card.clone());
        card
    }

    /// The keys due at `now`, those due longest first.
    pub fn due(&self, now: i64) -> Vec<&str> {
        let mut due: Vec<(&String, &Card)> =
            self.cards.iter().filter(|(_, c)| c.is_due(now)).collect();
        due.sort_by_key(|(key, c)| (c.due, key.as_str()));
        due.into_iter().map(|(k, _)| k.as_str()).collect()
    }

    /// When the next question falls due after `now`, if one does.
    pub fn next_due(&self, now: i64) -> Option<i64> {
        self.cards
            .values()
            .map(|c| c.due)
            .filter(|d| *d > now)
            .min()
    }

    /// These cards laid over `self`: what this session answered, over what another
    /// session may have saved meanwhile.
    pub fn merge(&mut self, answered: &BTreeMap<String, Card>) {
        for (key, card) in answered {
            self.cards.insert(key.clone(), card.clone());
        }
        self.version = PROGRESS_VERSION;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn right_answers_space_out_as_sm2_says() {
        let mut card = Card::default();
        let mut intervals = Vec::new();
        let mut now = NOW;
        for _ in 0..4 {
            card = card.answer(Verdict::Right, now);
            intervals.push(card.interval);
            assert_eq!(card.due, now + i64::from(card.interval) * DAY);
            now = card.due;
        }
        // 1, 6, then 6 × 2.7 = 16.2, then 16 × 2.8 = 44.8
        assert_eq!(intervals, vec![1, 6, 16, 45]);
        assert!((card.ease - 2.9).abs() < 1e-9, "{}", card.ease);
    }

    #[test]
    fn a_wrong_answer_comes_back_at_once_and_lowers_the_ease() {
        let card = Card::default()
            .answer(Verdict::Right, NOW)
            .answer(Verdict::Right, NOW + DAY);
        let lapsed = card.answer(Verdict::Wrong, NOW + 7 * DAY);
        assert_eq!((lapsed.streak, lapsed.interval, lapsed.lapses), (0, 0, 1));
        assert!(lapsed.is_due(NOW + 7 * DAY));
        assert!((lapsed.ease - (card.ease - 0.54)).abs() < 1e-9);
        // after a lapse it climbs again from one day
        assert_eq!(lapsed.answer(Verdict::Right, NOW + 8 * DAY).interval, 1);
        // the ease never falls below 1.3
        let mut worst = Card::default();
        for _ in 0..10 {
            worst = worst.answer(Verdict::Wrong, NOW);
        }
        assert_eq!(worst.ease, 1.3);
    }

    #[test]
    fn partly_right_passes_with_a_lower_ease() {
        let card = Card::default().answer(Verdict::Partly, NOW);
        assert_eq!((card.interval, card.streak), (1, 1));
        assert!((card.ease - 2.36).abs() < 1e-9);
        assert!(!card.is_due(NOW + DAY - 1) && card.is_due(NOW + DAY));
    }

    #[test]
    fn progress_round_trips_and_lists_what_is_due() {
        let mut p = Progress::new();
        p.record("innervation/soleus", Verdict::Right, NOW);
        p.record("roots/soleus", Verdict::Wrong, NOW);
        p.record("origin/soleus", Verdict::Wrong, NOW - 10);
        assert_eq!(p.due(NOW), vec!["origin/soleus", "roots/soleus"]);
        assert_eq!(p.next_due(NOW), Some(NOW + DAY));
        let back = Progress::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        assert!(matches!(
            Progress::from_json("{\"version\": 9, \"cards\": {}}"),
            Err(ProgressError::Version(9))
        ));
        assert!(matches!(
            Progress::from_json("my notes"),
            Err(ProgressError::Syntax(_))
        ));
        let mut other = Progress::new();
        other.record("contents/x", Verdict::Right, NOW);
        other.merge(&p.cards);
        assert_eq!(other.cards.len(), 4);
    }
}
