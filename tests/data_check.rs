//! `fascia check` as a library call: each broken fixture directory gives exactly the
//! located problems expected of it, and the bundled data and the mini fixture pass.

use std::path::Path;

/// Every problem found in a fixture directory, as `file:line:col: message` lines with
/// the fixture's path prefix removed.
fn problems(case: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(case);
    match fascia::load_dir(&dir) {
        Ok(_) => Vec::new(),
        Err(fascia::LoadError::Invalid(errors)) => {
            let prefix = format!("{}/", dir.display());
            errors
                .0
                .iter()
                .map(|e| e.to_string().replace(&prefix, ""))
                .collect()
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

check_case!(
    unknown_id,
    "unknown-id",
    [
        "muscles.toml:1:1: muscle `soleus` has no innervated-by fact (an innervation)",
        "muscles.toml:7:17: unknown id `tibial-nerv`; did you mean `tibial-nerve`?",
    ]
);

check_case!(
    wrong_kind,
    "wrong-kind",
    [
        "muscles.toml:1:1: muscle `soleus` has no innervated-by fact (an innervation)",
        "muscles.toml:7:17: `calcaneus` is a bone; innervated-by takes a nerve or a spinal root",
    ]
);

check_case!(
    duplicate_id,
    "duplicate-id",
    ["more.toml:2:6: duplicate id `calcaneus` (first declared at base.toml:11:1)",]
);

check_case!(
    cycle_in_branch_of,
    "cycle",
    ["nerves.toml:1:1: cycle in branch-of: a-nerve → b-nerve",]
);

check_case!(
    muscle_missing_facts,
    "missing-facts",
    [
        "muscles.toml:1:1: muscle `soleus` has no inserts-into fact (an insertion)",
        "muscles.toml:1:1: muscle `soleus` has no performs fact (an action)",
    ]
);

check_case!(
    shared_alias,
    "shared-alias",
    [
        "more.toml:1:1: name or alias `Heel Bone` of `talus` is also a name or alias of `calcaneus` (base.toml:11:1)",
    ]
);

check_case!(
    missing_and_unknown_sources,
    "sources",
    [
        "muscles.toml:4:19: fact `soleus originates-from calcaneus` has no source: add `sources` to the entry or to the fact",
        "muscles.toml:5:16: fact `soleus inserts-into calcaneus` has no source: add `sources` to the entry or to the fact",
        "muscles.toml:6:51: unknown source `rfe`",
        "muscles.toml:7:15: fact `soleus supplied-by posterior-tibial-artery` has no source: add `sources` to the entry or to the fact",
        "muscles.toml:8:12: fact `soleus performs ankle-plantarflexion` has no source: add `sources` to the entry or to the fact",
    ]
);

check_case!(
    toml_syntax_error,
    "syntax",
    ["muscles.toml:3:15: invalid basic string, expected `\"`",]
);

check_case!(
    unknown_keys_and_tables,
    "unknown-keys",
    [
        "muscles.toml:1:1: muscle `soleus` has no supplied-by fact (an arterial supply)",
        "muscles.toml:8:1: unknown key `suplied-by`; did you mean `supplied-by`?",
        "muscles.toml:11:3: unknown table `muscel`; expected one of: source, work, muscle, muscle-part, bone, landmark, tendon, ligament, nerve, root, artery, vein, compartment, group, joint, movement, skin-area, dermatome, reflex, region, gland, sense, lesion-site, plexus-route, nerve-course, bedside-sign",
    ]
);

check_case!(
    cross_reference_ids_of_the_wrong_form_or_without_a_source,
    "xref",
    [
        "bones.toml:7:1: `talus`: `FMA24482` is not of the form of a FMA id (xref.fma)",
        "bones.toml:7:1: `talus`: `A02.5.10.1` is not of the form of a TA98 id (xref.ta98)",
        "bones.toml:7:1: `talus`: cross-reference ids need `source`, the reference they were read in",
        "bones.toml:17:31: unknown source `rfe`",
    ]
);

check_case!(
    misplaced_attributes_and_bad_ids,
    "attributes",
    [
        "muscles.toml:6:16: `role` only belongs to performs, not inserts-into",
        "muscles.toml:7:49: `calcaneus` is a bone, not a spinal root",
        "muscles.toml:27:6: id `Talus` must be kebab-case: lower-case letters, digits and `-`",
    ]
);

#[test]
fn the_mini_fixture_and_the_bundled_texts_pass() {
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    assert!(fascia::load_dir(&mini).is_ok());
    if let Err(e) = fascia::check_bundled() {
        panic!("bundled data:\n{e}");
    }
}

#[test]
fn a_missing_directory_is_an_io_error_not_a_panic() {
    let err = fascia::load_dir(Path::new("/nonexistent/fascia-data")).err();
    assert!(matches!(err, Some(fascia::LoadError::Io { .. })), "{err:?}");
}

#[test]
fn garbage_in_a_data_file_is_reported_not_panicked_on() {
    for text in [
        "\u{0}\u{1}",
        "[[muscle]]\nid = 5",
        "[[muscle]]\n[[muscle]]",
        "x = [[[",
        "[[source]]\nid = \"a\"",
    ] {
        let got = fascia::load_files([("bad.toml", text)], "test");
        let err = got.err().unwrap_or_else(|| panic!("{text:?} loaded"));
        assert!(
            err.0
                .iter()
                .all(|e| e.location.file == "bad.toml" && e.location.line >= 1),
            "{err}"
        );
    }
}

check_case!(
    root_level_outside_the_nerves_roots,
    "root-levels",
    [
        "data.toml:69:3: `tibialis-anterior` is given root level S3 (standard) by this innervated-by fact, but the roots of `muscular-branch-of-deep-fibular-nerve` (its own has-root, or its nearest ancestor's) do not include it",
    ]
);

/// The warnings a fixture directory loads with, as `file:line:col: message` lines with
/// the directory's path removed.
fn warnings(case: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let atlas = fascia::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let prefix = format!("{}/", dir.display());
    atlas
        .warnings()
        .iter()
        .map(|w| w.to_string().replace(&prefix, ""))
        .collect()
}

#[test]
fn a_minority_root_level_outside_the_nerves_roots_is_only_a_warning() {
    assert_eq!(
        warnings("root-level-warning"),
        [
            "data.toml:70:3: `tibialis-anterior` is given root level S3 (minority) by this innervated-by fact, but the roots of `deep-fibular-nerve` (its own has-root, or its nearest ancestor's) do not include it"
        ]
    );
}

#[test]
fn root_levels_that_copy_the_nerves_whole_range_are_a_warning() {
    assert_eq!(
        warnings("range-copy"),
        [
            "data.toml:73:17: the root levels of `brachioradialis` here are the whole range of `radial-nerve`: give the levels a reference states for this muscle, or mark this version `status = \"minority\"`"
        ]
    );
}

// issue 19: the clinical tables are checked with the structures, each problem located
check_case!(
    clinical_tables,
    "clinical",
    [
        "courses.toml:2:9: unknown id `tibial-nerv`; did you mean `tibial-nerve`?",
        "courses.toml:9:10: unknown id `solues`; did you mean `soleus`?",
        "courses.toml:10:12: unknown source `reff`; did you mean `ref`?",
        "courses.toml:15:9: `soleus` is a muscle; `numb` takes a skin area or dermatome",
        "keys.toml:8:1: unknown field `spares`, expected one of `id`, `name`, `aliases`, `at`, `above`, `note`, `sources`",
    ]
);
