//! Any bytes as data, through every way in: the first byte chooses a TOML file loaded
//! beside a small valid one (so ids can resolve and clash), a TSV pair (`nodes.tsv` and
//! `edges.tsv`, split at the first NUL), N-Triples, or a JSON dump. Each loader reports
//! problems; none panics, recurses or reads without bound.

#![no_main]

use libfuzzer_sys::fuzz_target;

const MINI: &str = include_str!("../../fixtures/mini/mini.toml");

fuzz_target!(|data: &[u8]| {
    let Some((&way, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let loaded = match way % 4 {
        0 => fascia::load_files([("mini.toml", MINI), ("fuzz.toml", &text)], "fuzz"),
        1 => {
            let (nodes, edges) = text.split_once('\0').unwrap_or((&text, ""));
            fascia::graph::tsv::load_tsv(("nodes.tsv", nodes), ("edges.tsv", edges), "fuzz")
        }
        2 => fascia::export::rdf::read("fuzz.nt", &text),
        _ => fascia::export::dump::load("fuzz.json", &text),
    };
    match loaded {
        Ok(atlas) => {
            // what loaded has printable names: no character the loaders refuse
            for n in atlas.structures() {
                let s = atlas.node(n);
                assert!(fascia::graph::text::first_refused(&s.name).is_none());
            }
        }
        Err(problems) => {
            let _ = problems.to_string();
        }
    }
});
