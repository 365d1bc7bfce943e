//! `fascia check` as a library call: each broken fixture directory gives exactly the
//! located problems expected of it, and the bundled data and the mini fixture pass.

use std::path::Path;

/// Every problem found in a fixture directory, as `file:line:col: message` lines with
/// the fixture's path prefix removed.
fn problems(case: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken").join(case);
    match fascia::load_dir(&dir) {
        Ok(_) => Vec::new(),
        Err(fascia::LoadError::Invalid(errors)) => {
            let prefix = format!("{}/", dir.display());
            errors.0.iter().map(|e| e.to_string().replace(&prefix, "")).collect()
        }
        Err(other) => vec![other.to_string()],
    }
}

macro_rules! check_case {
    ($name:ident, $dir:literal, [$($line:literal),* $(,)?]) => {
        #[test]
        fn $name() {
            assert_eq!(problems($dir), vec![$($line.to_string()),*] as Vec<String>);
        }
    };
}

check_case!(unknown_id, "unknown-id", [
    "muscles.toml:7:17: unknown id `tibial-nerv`; did you mean `tibial-nerve`?",
    "muscles.toml:1:1: muscle `soleus` has no innervated-by fact (an innervation)",
]);

#[test]
#[ignore]
fn print_all() {
    for case in ["attributes", "cycle", "duplicate-id", "missing-facts", "shared-alias", "sources", "syntax", "unknown-id", "unknown-keys", "wrong-kind"] {
        println!("== {case}");
        for p in problems(case) {
            println!("{p}");
        }
    }
}
