//! End to end at scale: `fascia generate` writes a 10,000-structure graph, the real
//! binary loads it through `--data`, and one hop, `*` and a path agree with the counts
//! the generator computes from its own facts.

mod harness;

use fascia::graph::synthetic::Synthetic;
use serde_json::Value;
use std::process::Command;

const STRUCTURES: usize = 10_000;
const SEED: u64 = 5;

fn fascia() -> Command {
    let mut cmd = harness::fascia();
    // no cache of checked directories under the user's home from a test
    cmd.env("FASCIA_CACHE", "off");
    cmd
}

/// The JSON documents a run printed, one per query.
fn documents(stdout: &[u8]) -> Vec<Value> {
    serde_json::Deserializer::from_slice(stdout)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .expect("the answers are JSON")
}

#[test]
fn a_generated_graph_answers_as_the_generator_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("generated");
    let out = fascia()
        .args(["generate", "--structures", "10000", "--seed", "5"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "wrote 10000 structures and 100000 facts to {}",
            dir.display()
        )
    );

    // the same seed in the library: the same files, and the counts to expect
    let g = Synthetic::generate(STRUCTURES, None, SEED).unwrap();
    let again = tmp.path().join("again");
    g.write_tsv(&again).unwrap();
    for file in ["nodes.tsv", "edges.tsv"] {
        let a = std::fs::read(dir.join(file)).unwrap();
        let b = std::fs::read(again.join(file)).unwrap();
        assert!(a == b, "{file} differs between two runs with one seed");
    }

    let top = g.nerve_tops()[0];
    let hop = (0..STRUCTURES as u32)
        .filter(|n| g.id(*n).starts_with("nerve-"))
        .take(50)
        .max_by_key(|n| g.muscles_innervated_by(*n))
        .unwrap();
    let leaf = (0..STRUCTURES as u32)
        .rev()
        .find(|n| g.id(*n).starts_with("nerve-"))
        .unwrap();
    let (one, tree) = (
        g.muscles_innervated_by(hop),
        g.muscles_innervated_by_tree(top),
    );
    let steps = g.path_length(leaf, top).unwrap();
    assert!(one > 1 && tree > 100 * one.min(10) && steps >= 2);

    let queries = [
        format!("muscles innervated-by {}", g.id(hop)),
        format!("muscles innervated-by* {}", g.id(top)),
        format!("count muscles innervated-by* {}", g.id(top)),
        format!("path {} to {}", g.id(leaf), g.id(top)),
    ];
    let run = |cmd: &mut Command| {
        cmd.arg("--data")
            .arg(&dir)
            .args(["--format", "json", "--timings"]);
        for q in &queries {
            cmd.args(["-e", q]);
        }
        cmd.output().unwrap()
    };
    let out = run(&mut fascia());
    assert!(out.status.success(), "{out:?}");

    // with a cache: the first run writes it, the second reads it, and both answer as
    // the directory read afresh does
    let cache = tmp.path().join("cache");
    for pass in ["writes", "reads"] {
        let cached = run(fascia()
            .env("FASCIA_CACHE", "on")
            .env("FASCIA_CACHE_DIR", &cache));
        assert!(cached.status.success(), "{pass}: {cached:?}");
        assert_eq!(
            String::from_utf8_lossy(&cached.stdout),
            String::from_utf8_lossy(&out.stdout),
            "the run that {pass} the cache"
        );
        let files = std::fs::read_dir(&cache).unwrap().count();
        assert_eq!(files, 1, "one cache file after the run that {pass} it");
    }
    let fresh = run(fascia()
        .env("FASCIA_CACHE", "on")
        .env("FASCIA_CACHE_DIR", &cache)
        .arg("--no-cache"));
    assert_eq!(fresh.stdout, out.stdout);
    let docs = documents(&out.stdout);
    let listed = |v: &Value| v.as_array().map(Vec::len);
    assert_eq!(listed(&docs[0]), Some(one));
    assert!(
        docs[0]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["kind"] == "muscle")
    );
    assert_eq!(listed(&docs[1]), Some(tree));
    assert_eq!(docs[2]["count"], tree);
    assert_eq!(docs[3]["edges"].as_array().map(Vec::len), Some(steps));

    // the --timings lines are a contract: one after loading, one per query
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(lines[0].starts_with("timings: load_ms="), "{stderr}");
    let (ms, query) = lines[4]
        .strip_prefix("timings: query_ms=")
        .and_then(|rest| rest.split_once(" query="))
        .unwrap();
    assert!(ms.parse::<f64>().is_ok_and(|ms| ms >= 0.0), "{stderr}");
    assert_eq!(query, format!("path {} to {}", g.id(leaf), g.id(top)));
}

#[test]
fn a_broken_tsv_directory_is_reported_with_positions() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("nodes.tsv"),
        "id\tkind\tname\nsoleus\tmuscle\tSoleus\ntibial\tnerve\tTibial nerve\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("edges.tsv"),
        "subject\tpredicate\tobject\nsoleus\tinnervated by\ttibail\n",
    )
    .unwrap();
    let out = fascia().arg("check").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let edges = tmp.path().join("edges.tsv");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "{}:2:22: unknown id `tibail`; did you mean `tibial`?\n1 problem found\n",
            edges.display()
        )
    );
    // without the mistake, the same directory checks clean: no action, origin or
    // supply is required of an imported muscle
    std::fs::write(
        &edges,
        "subject\tpredicate\tobject\nsoleus\tinnervated by\ttibial\n",
    )
    .unwrap();
    let out = fascia().arg("check").arg(tmp.path()).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok: 2 structures, 1 fact\n"
    );
}
