//! How much work one query may do, and how it is cancelled from outside (Ctrl-C).
//!
//! The evaluator spends a step for each fact it looks at while searching; when the
//! budget runs out, or when the [`Cancel`] flag is raised, the search stops with a
//! [`Stop`] instead of running on. Set algebra is linear in the graph and needs no
//! budget; `paths` (exponential in `max`) and `around` do.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Steps of work a query may take by default: about half a second in a release build.
pub const DEFAULT_WORK_LIMIT: u64 = 5_000_000;
/// The environment variable that raises (or lowers) the work limit.
pub const WORK_LIMIT_VAR: &str = "FASCIA_WORK_LIMIT";

/// A flag another thread (a signal handler) raises to stop the running query.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// The shared flag, for a signal handler to set.
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.0)
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Lowers the flag before the next query; returns whether it was raised.
    pub fn reset(&self) -> bool {
        self.0.swap(false, Ordering::SeqCst)
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Why a search stopped before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The work limit was reached while answering `what` (`paths`, `around`).
    Limit { what: &'static str, limit: u64 },
    /// The [`Cancel`] flag was raised.
    Cancelled,
}

/// The work left to one query.
#[derive(Debug, Clone)]
pub struct Budget {
    limit: u64,
    spent: u64,
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
            cancel: None,
        }
    }

    /// The same budget, stopped early when `cancel` is raised.
    pub fn with_cancel(mut self, cancel: Cancel) -> Budget {
        self.cancel = Some(cancel);
        self
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// Spends `steps` of work on `what`, or says why the search must stop.
    pub fn spend(&mut self, what: &'static str, steps: u64) -> Result<(), Stop> {
        self.spent = self.spent.saturating_add(steps);
        if self.cancel.as_ref().is_some_and(Cancel::is_cancelled) {
            return Err(Stop::Cancelled);
        }
        if self.spent > self.limit {
            return Err(Stop::Limit {
                what,
                limit: self.limit,
            });
        }
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
        let mut b = Budget::new(10).with_cancel(cancel.clone());
        assert_eq!(b.spend("around", 1), Ok(()));
        cancel.cancel();
        assert_eq!(b.spend("around", 1), Err(Stop::Cancelled));
        assert!(cancel.reset());
        assert!(!cancel.is_cancelled());
    }

    #[test]
    fn limits_parse_with_underscores() {
        assert_eq!(parse_limit("20_000_000"), Some(20_000_000));
        assert_eq!(parse_limit(" 7 "), Some(7));
        assert_eq!(parse_limit("0"), None);
        assert_eq!(parse_limit("lots"), None);
    }
}
