//! Signals: in a one-shot run SIGINT and SIGTERM remove a half-written `-o` file and
//! exit (130, 143), Ctrl-C aside while a pager shows the answers; in the REPL Ctrl-C
//! cancels the running query instead of the shell.

use fascia::query::Cancel;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Whether a pager is showing an answer: Ctrl-C is then the pager's key, not a reason
/// to end the run under it.
static PAGING: AtomicBool = AtomicBool::new(false);

/// Says that a pager starts (`true`) or has ended.
pub fn paging(on: bool) {
    PAGING.store(on, Ordering::SeqCst);
}

/// The temporary `-o` file an interrupted run must not leave behind.
#[derive(Debug, Clone, Default)]
pub struct Cleanup(Arc<Mutex<Option<PathBuf>>>);

impl Cleanup {
    /// Remembers `path` for removal if the run is interrupted.
    pub fn watch(&self, path: PathBuf) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(path);
    }

    /// Runs `done` (the rename into place, or the removal) with signals held off, then
    /// forgets the file.
    pub fn finish<T>(&self, done: impl FnOnce() -> T) -> T {
        let mut guard = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let out = done();
        *guard = None;
        out
    }

    #[cfg(unix)]
    fn remove(&self) {
        let guard = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(path) = guard.as_ref() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// One-shot runs: on SIGINT or SIGTERM remove the watched file and exit with 128 + the
/// signal's number (130 for Ctrl-C), as a shell reports a killed command.
#[cfg(unix)]
pub fn exit_on_signal(cleanup: Cleanup) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGINT && PAGING.load(Ordering::SeqCst) {
                continue;
            }
            cleanup.remove();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub fn exit_on_signal(_cleanup: Cleanup) {}

/// The REPL: Ctrl-C while a query runs raises `cancel` (the query stops and the prompt
/// comes back); while a line is edited the editor reads it as a key.
#[cfg(unix)]
pub fn cancel_on_interrupt(cancel: &Cancel) {
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, cancel.flag());
}

#[cfg(not(unix))]
pub fn cancel_on_interrupt(_cancel: &Cancel) {}
