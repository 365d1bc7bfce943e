//! Any text as a query: parse, resolve and evaluate it on the bundled data, then render
//! the answer in every format. Nothing may panic, and the work budget keeps each run
//! short however costly the query.

#![no_main]

use fascia::Atlas;
use fascia::output::Format;
use fascia::query::{Budget, run_within};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ATLAS: LazyLock<Option<Atlas>> = LazyLock::new(|| fascia::bundled().ok());

/// Small, so that an expensive `paths` stops quickly instead of slowing the fuzzer.
const WORK: u64 = 200_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(atlas) = ATLAS.as_ref() else {
        return;
    };
    match run_within(atlas, text, &mut Budget::new(WORK)) {
        Ok((_, answer)) => {
            // pictures within the picture limit only, as the command line draws them:
            // a picture too slow to lay out under it is a finding
            let pictures = fascia::output::check_picture(atlas, &answer).is_ok();
            for name in Format::NAMES {
                if let Some(format) = Format::from_name(name) {
                    if format.is_picture() && !pictures {
                        continue;
                    }
                    let mut out = Vec::new();
                    let _ = format.renderer().render(atlas, &answer, &mut out);
                }
            }
        }
        // errors are drawn too: the caret under a span must not slice inside a character
        Err(e) => {
            let _ = e.render(text);
        }
    }
});
