//! DOT output is valid Graphviz: checked structurally always, and by Graphviz itself
//! where `dot` is installed (CI installs it).

use fascia::output::{Format, render_to_string};
use std::collections::HashSet;
use std::io::Write;
use std::process::{Command, Stdio};

fn dot_of(query: &str) -> String {
    let atlas = fascia::bundled().unwrap_or_else(|e| panic!("{e}"));
    let (_, answer) =
        fascia::query::run(&atlas, query).unwrap_or_else(|e| panic!("{}", e.render(query)));
    render_to_string(&atlas, &answer, Format::Dot)
}

/// Node ids declared (`n12 [label=…]`) and used in edges (`n12 -> n3`).
fn declared_and_used(dot: &str) -> (HashSet<String>, Vec<(String, String)>) {
    let mut declared = HashSet::new();
    let mut edges = Vec::new();
    for line in dot.lines().map(str::trim) {
        if let Some((from, rest)) = line.split_once(" -> ") {
            let to = rest
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            edges.push((from.to_string(), to));
        } else if let Some((id, _)) = line.split_once(" [") {
            declared.insert(id.to_string());
        }
    }
    (declared, edges)
}

fn graphviz_accepts(dot: &str) -> Option<bool> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let svg = String::from_utf8_lossy(&out.stdout);
    Some(out.status.success() && svg.contains("<svg") && out.stderr.is_empty())
}

#[test]
fn every_answer_kind_draws_as_valid_graphviz() {
    for query in [
        "muscles innervated-by* sciatic",
        "muscles innervated-by tibial and originates-from* fibula",
        "show soleus",
        "path soleus to sciatic",
        "paths soleus to sciatic max 3",
        "why soleus inserts-into* calcaneus",
        "around calcaneal-tendon depth 2",
        "count muscles",
    ] {
        let dot = dot_of(query);
        assert!(
            dot.starts_with("digraph fascia {") && dot.trim_end().ends_with('}'),
            "{query}"
        );
        assert_eq!(
            dot.matches('{').count(),
            dot.matches('}').count(),
            "{query}: braces"
        );
        let (declared, edges) = declared_and_used(&dot);
        for (from, to) in &edges {
            assert!(
                declared.contains(from) && declared.contains(to),
                "{query}: {from} -> {to} undeclared"
            );
        }
        if edges.iter().any(|(f, _)| f.starts_with('n')) {
            assert!(
                dot.contains("subgraph cluster_legend"),
                "{query}: no legend"
            );
        }
        if let Some(ok) = graphviz_accepts(&dot) {
            assert!(ok, "Graphviz rejects the DOT of `{query}`:\n{dot}");
        }
    }
}

#[test]
fn a_set_is_drawn_with_its_target_clustered_by_compartment() {
    let dot = dot_of("muscles innervated-by tibial");
    // the target nerve is drawn, and the answer's edges to it are labelled
    assert!(dot.contains("label=\"Tibial nerve\""), "{dot}");
    assert!(dot.contains("label=\"innervated-by (S1, S2)\""), "{dot}");
    // soleus sits in its compartment's cluster, drawn bold as part of the answer
    let cluster = dot
        .split("subgraph cluster_")
        .find(|c| c.contains("label=\"Superficial posterior compartment of leg\""))
        .unwrap_or_else(|| panic!("no compartment cluster:\n{dot}"));
    assert!(
        cluster.contains("label=\"Soleus\"") && cluster.contains("penwidth=2.5"),
        "{cluster}"
    );
}

#[test]
fn star_answers_draw_the_chain_up_to_the_target() {
    let dot = dot_of("muscles innervated-by* sciatic");
    for nerve in ["Sciatic nerve", "Tibial nerve", "Medial plantar nerve"] {
        assert!(
            dot.contains(&format!("label=\"{nerve}\"")),
            "{nerve} missing"
        );
    }
    assert!(
        dot.contains("label=\"branch-of\""),
        "branch-of edges missing"
    );
}
