//! Any bytes as a data file, loaded beside a small valid one (so ids can resolve and
//! clash): the loader reports problems, it never panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

const MINI: &str = include_str!("../../fixtures/mini/mini.toml");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match fascia::load_files([("mini.toml", MINI), ("fuzz.toml", &text)], "fuzz") {
        Ok(atlas) => {
            let _ = atlas.structure_count();
        }
        Err(problems) => {
            let _ = problems.to_string();
        }
    }
});
