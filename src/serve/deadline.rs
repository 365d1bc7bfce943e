//! The time limit of a request: one watchdog thread raises the [`Cancel`] flag of
//! every query still running at its deadline, and the evaluator stops at its next step.

use fascia::query::Cancel;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The queries running, each with its deadline.
#[derive(Debug, Default)]
pub struct Deadlines {
    running: Mutex<Running>,
}

#[derive(Debug, Default)]
struct Running {
    next: u64,
    queries: Vec<(u64, Instant, Cancel)>,
}

/// Forgets its query's deadline when the query is done.
pub struct Guard<'a> {
    deadlines: &'a Deadlines,
    id: u64,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.deadlines
            .lock()
            .queries
            .retain(|(id, _, _)| *id != self.id);
    }
}

impl Deadlines {
    fn lock(&self) -> std::sync::MutexGuard<'_, Running> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A flag raised `limit` from now unless the guard is dropped first.
    pub fn start(&self, limit: Duration) -> (Cancel, Guard<'_>) {
        let cancel = Cancel::new();
        let mut running = self.lock();
        let id = running.next;
        running.next += 1;
        running
            .queries
            .push((id, Instant::now() + limit, cancel.clone()));
        (
            cancel,
            Guard {
                deadlines: self,
                id,
            },
        )
    }

    /// Raises the flags whose deadline has passed; returns how many.
    pub fn expire(&self, now: Instant) -> usize {
        let mut running = self.lock();
        let before = running.queries.len();
        running.queries.retain(|(_, deadline, cancel)| {
            let late = *deadline <= now;
            if late {
                cancel.cancel();
            }
            !late
        });
        before - running.queries.len()
    }

    /// Watches the deadlines for as long as the process runs.
    pub fn watch(&self) -> ! {
        loop {
            std::thread::sleep(Duration::from_millis(25));
            self.expire(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_query_is_cancelled_and_a_finished_one_forgotten() {
        let deadlines = Deadlines::default();
        let (late, _guard) = deadlines.start(Duration::ZERO);
        let (done, guard) = deadlines.start(Duration::ZERO);
        drop(guard);
        let (early, _early_guard) = deadlines.start(Duration::from_secs(3600));
        assert_eq!(deadlines.expire(Instant::now()), 1);
        assert!(late.is_cancelled());
        assert!(!done.is_cancelled());
        assert!(!early.is_cancelled());
    }
}
