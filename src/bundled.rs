//! The data shipped inside the binary. build.rs checks `data/` when fascia is built and
//! stores the checked graph as a snapshot, so loading it costs no TOML parsing; the TOML
//! texts are embedded too, for `fascia check` and for reporting problems.

use crate::graph::error::DataErrors;
use crate::graph::{Atlas, load_files, snapshot};

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));
}

const SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.snapshot"));

const ORIGIN: &str = "bundled data";

/// The bundled data, from the build-time snapshot.
pub fn bundled() -> Result<Atlas, DataErrors> {
    match snapshot::decode(SNAPSHOT, ORIGIN) {
        Some(atlas) => Ok(atlas),
        // no snapshot: the data did not pass its checks at build time; say why
        None => check_bundled(),
    }
}

/// Parses and checks the embedded TOML texts from scratch, as `fascia check` does.
pub fn check_bundled() -> Result<Atlas, DataErrors> {
    load_files(files::FILES.iter().map(|(n, t)| (*n, *t)), ORIGIN)
}

/// `(path, text)` of every bundled data file, for `:data` and exports.
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_decodes_when_the_build_wrote_one() {
        if !SNAPSHOT.is_empty() {
            assert!(snapshot::decode(SNAPSHOT, ORIGIN).is_some());
        }
    }

    #[test]
    fn snapshot_matches_a_fresh_load_of_the_texts() {
        match (bundled(), check_bundled()) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.structure_count(), b.structure_count());
                assert_eq!(a.fact_count(), b.fact_count());
                assert!(
                    a.structures()
                        .map(|n| a.node(n))
                        .eq(b.structures().map(|n| b.node(n)))
                );
                assert!(
                    a.facts()
                        .map(|e| a.fact(e))
                        .eq(b.facts().map(|e| b.fact(e)))
                );
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            (a, b) => panic!(
                "snapshot and texts disagree: {:?} / {:?}",
                a.is_ok(),
                b.is_ok()
            ),
        }
    }
}
