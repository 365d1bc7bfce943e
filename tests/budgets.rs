//! The work budget covers every evaluation (issue 21): set algebra, `*`, `path`, `why`,
//! `lesion` and `localize` stop at the work limit with an error naming it, and a raised
//! cancel flag stops them; a `*` over a generated graph of 100,000 structures stops at a
//! small limit through the real binary.

use fascia::QueryError;
use fascia::graph::synthetic::Synthetic;
use fascia::query::{Budget, Cancel, run_within};
use std::process::{Command, Stdio};

fn bundled() -> fascia::Atlas {
    fascia::bundled().expect("the bundled data loads")
}

/// Each kind of statement, with the name its work stops under.
const STATEMENTS: [(&str, &str); 9] = [
    ("muscles innervated-by* sciatic", "query"),
    ("muscles innervated-by tibial", "query"),
    (
        "muscles innervated-by* sciatic and not located-in* posterior-compartment-of-leg",
        "query",
    ),
    (
        "muscles (innervated-by* femoral or innervated-by* obturator)",
        "query",
    ),
    (
        "count muscles except muscles innervated-by* sciatic",
        "count",
    ),
    ("path soleus to sciatic", "path"),
    ("why soleus innervated-by* sciatic", "why"),
    ("lesion common-fibular-nerve", "lesion"),
    ("localize weak \"tibialis anterior\"", "localize"),
];

#[test]
fn every_statement_stops_at_a_small_work_limit_and_names_it() {
    let atlas = bundled();
    for (query, what) in STATEMENTS {
        // the default limit answers it: what stops it below is the limit, not an error
        assert!(
            run_within(&atlas, query, &mut Budget::default()).is_ok(),
            "{query}"
        );
        let stopped = run_within(&atlas, query, &mut Budget::new(10)).unwrap_err();
        assert_eq!(
            stopped,
            QueryError::WorkLimit { what, limit: 10 },
            "{query}"
        );
    }
}

#[test]
fn every_statement_stops_when_cancelled() {
    let atlas = bundled();
    for (query, _) in STATEMENTS {
        let cancel = Cancel::new();
        cancel.cancel();
        let mut budget = Budget::new(u64::MAX).with_cancel(cancel);
        let stopped = run_within(&atlas, query, &mut budget).unwrap_err();
        assert_eq!(stopped, QueryError::Cancelled, "{query}");
    }
}

#[test]
fn a_set_query_at_the_limit_says_which_limit_and_how_to_raise_it() {
    let atlas = bundled();
    let e = run_within(
        &atlas,
        "muscles innervated-by* sciatic",
        &mut Budget::new(50),
    );
    let e = e.unwrap_err();
    assert_eq!(
        e.to_string(),
        "the query stopped after 50 steps of work, the work limit"
    );
    assert_eq!(
        e.help(),
        vec![
            "narrow the query (a kind or a target further down, fewer `*`) or raise the limit \
             with the environment variable FASCIA_WORK_LIMIT"
                .to_string()
        ]
    );
}

fn fascia() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fascia"));
    cmd.env_remove("NO_COLOR")
        .env_remove("FASCIA_WORK_LIMIT")
        .env("FASCIA_CACHE", "off")
        .stdin(Stdio::null());
    cmd
}

#[test]
fn a_star_over_a_generated_graph_of_100000_structures_stops_at_a_small_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("generated");
    let g = Synthetic::generate(100_000, None, 7).unwrap();
    g.write_tsv(&dir).unwrap();
    let top = g.nerve_tops()[0];
    let tree = g.muscles_innervated_by_tree(top);
    let query = format!("count muscles innervated-by* {}", g.id(top));

    let stopped = fascia()
        .arg("--data")
        .arg(&dir)
        .args(["-e", &query])
        .env("FASCIA_WORK_LIMIT", "1000")
        .output()
        .unwrap();
    assert_eq!(stopped.status.code(), Some(1), "{stopped:?}");
    assert_eq!(String::from_utf8_lossy(&stopped.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&stopped.stderr),
        "error: `count` stopped after 1000 steps of work, the work limit\n  \
         = narrow the query (a kind or a target further down, fewer `*`) or raise the limit \
         with the environment variable FASCIA_WORK_LIMIT\n"
    );

    // within the default limit the same query answers, as the generator counts
    let answered = fascia()
        .arg("--data")
        .arg(&dir)
        .args(["-e", &query])
        .output()
        .unwrap();
    assert!(answered.status.success(), "{answered:?}");
    assert_eq!(
        String::from_utf8_lossy(&answered.stdout).trim(),
        tree.to_string()
    );
}

/// A `dot` on the PATH that never answers: the picture stops at its time limit, the
/// process is killed, and the error says how to draw it anyway.
#[cfg(unix)]
#[test]
fn a_dot_that_hangs_is_killed_at_its_time_limit() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let pid_file = tmp.path().join("dot.pid");
    let dot = tmp.path().join("dot");
    std::fs::write(
        &dot,
        format!(
            "#!/bin/sh\necho $$ > '{}'\nexec sleep 600\n",
            pid_file.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(std::iter::once(tmp.path().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let out = fascia()
        .args(["-e", "muscles innervated-by tibial", "--format", "svg"])
        .env("PATH", &path)
        .env_remove("FASCIA_SVG")
        .env("FASCIA_DOT_TIMEOUT", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: Graphviz's `dot` did not lay the picture out within 1 s, its time limit\n  \
         = draw it with the built-in layout (FASCIA_SVG=builtin) or raise the limit with the \
         environment variable FASCIA_DOT_TIMEOUT (seconds)\n"
    );
    // the fake dot ran, and is gone
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let alive = Command::new("kill")
        .args(["-0", pid.trim()])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(!alive.success(), "dot ({}) still runs", pid.trim());

    // asked for the built-in layout, the same query never runs dot
    std::fs::remove_file(&pid_file).unwrap();
    let builtin = fascia()
        .args(["-e", "muscles innervated-by tibial", "--format", "svg"])
        .env("PATH", &path)
        .env("FASCIA_SVG", "builtin")
        .output()
        .unwrap();
    assert!(builtin.status.success(), "{builtin:?}");
    assert!(String::from_utf8_lossy(&builtin.stdout).contains("<svg"));
    assert!(!pid_file.exists());
    // text answers never run it either
    let text = fascia()
        .args(["-e", "muscles innervated-by tibial"])
        .env("PATH", &path)
        .env_remove("FASCIA_SVG")
        .output()
        .unwrap();
    assert!(text.status.success(), "{text:?}");
    assert!(!pid_file.exists());
}

#[test]
fn a_bad_dot_timeout_is_a_usage_error() {
    let out = fascia()
        .args(["-e", "count muscles"])
        .env("FASCIA_DOT_TIMEOUT", "soon")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fascia: FASCIA_DOT_TIMEOUT must be a positive whole number of seconds, not `soon`\n"
    );
}
