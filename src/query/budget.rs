//! How much work one query may do, and how it is cancelled from outside (Ctrl-C).
//!
//! Every evaluation spends a step for each structure and each fact it looks at (set
//! algebra, `*` descents, `path`, `paths`, `around`, `why`, `lesion`, `localize`); when
//! the budget runs out, or when the [`Cancel`] flag is raised, the evaluation stops
//! with a [`Stop`] instead of running on. Spending is a counter and a comparison; the
//! flag is read once per [`CHECK_EVERY`] steps, so the common case pays almost nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Steps of work a query may take by default: about half a second in a release build.
pub const DEFAULT_WORK_LIMIT: u64 = 5_000_000;
/// The environment variable that raises (or lowers) the work limit.
pub const WORK_LIMIT_VAR: &str = "FASCIA_WORK_LIMIT";
/// How many steps may pass between two looks at the [`Cancel`] flag: a few
/// microseconds of work, so Ctrl-C is still immediate.
pub const CHECK_EVERY: u64 = 4096;

/// A flag another thread (a signal handler) raises to stop the running query.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A flag not yet raised.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// The shared flag, for a signal handler to set.
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.0)
    }

    /// Raises the flag: the running query stops within [`CHECK_EVERY`] steps.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Lowers the flag before the next query; returns whether it was raised.
    pub fn reset(&self) -> bool {
        self.0.swap(false, Ordering::SeqCst)
    }

    /// Whether the flag is raised.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Why a search stopped before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The work limit was reached while answering `what` (`paths`, `around`).
    Limit {
        /// The statement's keyword, or [`SET_WORK`](super::error::SET_WORK) for a set
        /// query as a whole.
        what: &'static str,
        /// The work limit, in steps.
        limit: u64,
    },
    /// The [`Cancel`] flag was raised.
    Cancelled,
}

/// The work left to one query.
#[derive(Debug, Clone)]
pub struct Budget {
    limit: u64,
    spent: u64,
    /// When `spent` reaches this, the flag and the limit are looked at: at most
    /// [`CHECK_EVERY`] steps ahead, and never past the limit.
    next_check: u64,
    cancel: Option<Cancel>,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::new(DEFAULT_WORK_LIMIT)
    }
}

impl Budget {
    /// A budget of `limit` steps.
    pub fn new(limit: u64) -> Budget {
        Budget {
            limit,
            spent: 0,
            next_check: 0,
            cancel: None,
        }
    }

    /// The same budget, stopped early when `cancel` is raised.
    pub fn with_cancel(mut self, cancel: Cancel) -> Budget {
        self.cancel = Some(cancel);
        self
    }

    /// The steps of work this budget allows.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// The steps of work spent so far.
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// Spends `steps` of work on `what`, or says why the search must stop: past the
    /// limit at once, and within [`CHECK_EVERY`] steps of the flag being raised.
    #[inline]
    pub fn spend(&mut self, what: &'static str, steps: u64) -> Result<(), Stop> {
        self.spent = self.spent.saturating_add(steps);
        if self.spent < self.next_check {
            return Ok(());
        }
        self.check(what)
    }

    #[cold]
    fn check(&mut self, what: &'static str) -> Result<(), Stop> {
        if self.cancel.as_ref().is_some_and(Cancel::is_cancelled) {
            return Err(Stop::Cancelled);
        }
        if self.spent > self.limit {
            return Err(Stop::Limit {
                what,
                limit: self.limit,
            });
        }
        self.next_check = self
            .spent
            .saturating_add(CHECK_EVERY)
            .min(self.limit.saturating_add(1));
        Ok(())
    }
}

/// Reads a work limit as written in [`WORK_LIMIT_VAR`]: a positive whole number, with
/// `_` allowed between digits (`20_000_000`).
pub fn parse_limit(text: &str) -> Option<u64> {
    let digits: String = text.trim().chars().filter(|c| *c != '_').collect();
    digits.parse().ok().filter(|n| *n > 0)
}

impl From<Stop> for super::error::QueryError {
    fn from(stop: Stop) -> Self {
        match stop {
            Stop::Limit { what, limit } => super::error::QueryError::WorkLimit { what, limit },
            Stop::Cancelled => super::error::QueryError::Cancelled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_when_spent_and_when_cancelled() {
        let mut b = Budget::new(10);
        assert_eq!(b.spend("paths", 10), Ok(()));
        assert_eq!(
            b.spend("paths", 1),
            Err(Stop::Limit {
                what: "paths",
                limit: 10
            })
        );
        let cancel = Cancel::new();
        let mut b = Budget::new(u64::MAX).with_cancel(cancel.clone());
        assert_eq!(b.spend("around", 1), Ok(()));
        cancel.cancel();
        // the flag is looked at within CHECK_EVERY steps, not at every step
        let stopped = (0..=CHECK_EVERY).find_map(|_| b.spend("around", 1).err());
        assert_eq!(stopped, Some(Stop::Cancelled));
        assert!(cancel.reset());
        assert!(!cancel.is_cancelled());
    }

    #[test]
    fn the_limit_holds_exactly_however_the_steps_are_batched() {
        for batch in [1, 3, 1000, CHECK_EVERY + 1] {
            let mut b = Budget::new(10_000);
            let mut stopped_at = None;
            for _ in 0..20_000 {
                if b.spend("query", batch).is_err() {
                    stopped_at = Some(b.spent());
                    break;
                }
            }
            let spent = stopped_at.unwrap_or(0);
            assert!(
                spent > 10_000 && spent <= 10_000 + batch,
                "{batch}: {spent}"
            );
        }
    }

    #[test]
    fn a_cancel_raised_before_the_first_step_stops_it() {
        let cancel = Cancel::new();
        cancel.cancel();
        let mut b = Budget::new(10).with_cancel(cancel);
        assert_eq!(b.spend("query", 1), Err(Stop::Cancelled));
    }

    #[test]
    fn limits_parse_with_underscores() {
        assert_eq!(parse_limit("20_000_000"), Some(20_000_000));
        assert_eq!(parse_limit(" 7 "), Some(7));
        assert_eq!(parse_limit("0"), None);
        assert_eq!(parse_limit("lots"), None);
    }
}
