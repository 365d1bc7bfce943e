//! DOT output is valid Graphviz: checked structurally always, and by Graphviz itself
//! where `dot` is installed (CI installs it).

use fascia::graph::model::{Direction, Kind, Relation};
use fascia::output::{Format, render_query_to_string};
use std::collections::HashSet;
use std::io::Write;
use std::process::{Command, Stdio};

fn dot_of(query: &str) -> String {
    let atlas = fascia::bundled().unwrap_or_else(|e| panic!("{e}"));
    let (parsed, answer) =
        fascia::query::run(&atlas, query).unwrap_or_else(|e| panic!("{}", e.render(query)));
    render_query_to_string(&atlas, &parsed, &answer, Format::Dot)
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
    // the query is the title, what it found the second line
    assert!(
        dot.contains("label=\"muscles innervated-by tibial\\n7 structures\";"),
        "{dot}"
    );
    // the target nerve is drawn above the muscles; the colour says innervated-by, so
    // only the root levels are written on the line
    assert!(dot.contains("label=\"Tibial nerve\""), "{dot}");
    let plantaris = dot
        .lines()
        .find(|l| l.contains("-> n") && l.contains("label=\"S1, S2\""))
        .unwrap_or_else(|| panic!("no line labelled with plantaris's levels:\n{dot}"));
    assert!(plantaris.contains("dir=back"), "{plantaris}");
    assert!(
        !dot.lines()
            .any(|l| l.trim_start().starts_with('n') && l.contains("label=\"innervated-by")),
        "{dot}"
    );
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
fn root_levels_are_merged_per_pair_and_explained() {
    let dot = dot_of("show soleus");
    // three versions: one line, the standard levels plain, the minority ones in
    // brackets, and the legend says what brackets mean
    let lines: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains("tooltip=\"innervated-by\""))
        .collect();
    assert_eq!(lines.len(), 1, "{dot}");
    assert!(
        lines[0].contains("label=\"[L4], [L5], S1, S2\""),
        "{}",
        lines[0]
    );
    assert!(!dot.contains(" | "), "{dot}");
    assert!(
        dot.contains("a minority level, given by fewer references"),
        "{dot}"
    );
}

#[test]
fn the_legend_explains_kinds_answers_and_lines() {
    let dot = dot_of("muscles innervated-by tibial");
    let legend = dot
        .split("subgraph cluster_legend")
        .nth(1)
        .unwrap_or_else(|| panic!("no legend:\n{dot}"));
    for entry in [
        "label=\"muscle\"",
        "label=\"nerve\"",
        "label=\"the answer\", shape=box, penwidth=2.5",
        "innervated-by</font>",
        "a minority level, given by fewer references",
    ] {
        assert!(legend.contains(entry), "{entry} missing from\n{legend}");
    }
}

#[test]
fn heads_sit_inside_their_muscles_box() {
    let dot = dot_of("muscles member-of hamstrings");
    let muscle_box = dot
        .split("subgraph cluster_")
        .find(|c| c.contains("label=\"Adductor magnus\";"))
        .unwrap_or_else(|| panic!("no box for adductor magnus:\n{dot}"));
    assert!(
        muscle_box.contains("label=\"Adductor magnus, hamstring part\""),
        "{muscle_box}"
    );
}

#[test]
fn around_draws_each_fact_once_and_a_compartment_once() {
    let dot = dot_of("around soleus");
    let (declared, edges) = declared_and_used(&dot);
    let mut pairs: Vec<&(String, String)> =
        edges.iter().filter(|(f, _)| f.starts_with('n')).collect();
    let before = pairs.len();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs.len(), before, "a pair drawn twice:\n{dot}");
    // the compartment is the box around soleus, not a node beside it
    assert!(dot.contains("label=\"Superficial posterior compartment of leg\";"));
    assert!(
        !dot.contains("label=\"Superficial posterior compartment of leg\", shape"),
        "{dot}"
    );
    assert!(declared.iter().any(|d| d.starts_with("legend_")));
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
    // branches hang below their nerve: drawn from the nerve, the arrow backwards
    let branch = dot
        .lines()
        .find(|l| l.contains("tooltip=\"branch-of\""))
        .unwrap_or_else(|| panic!("branch-of lines missing:\n{dot}"));
    assert!(branch.contains("dir=back"), "{branch}");
    assert!(dot.contains("rankdir=TB"), "{dot}");
}

/// Each muscle drawn in a DOT picture, by id, with the label of the outermost cluster
/// it is drawn in (`None`: in no cluster).
fn muscles_by_cluster(dot: &str) -> Vec<(String, Option<String>)> {
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut out = Vec::new();
    for line in dot.lines().map(str::trim) {
        if line.starts_with("subgraph cluster_") {
            stack.push(None);
        } else if line == "}" {
            stack.pop();
        } else if let Some(label) = line.strip_prefix("label=\"") {
            if let Some(top) = stack.last_mut().filter(|t| t.is_none()) {
                *top = Some(label.trim_end_matches("\";").to_string());
            }
        } else if line.contains("tooltip=\"") && line.contains(" (muscle)\"") {
            let id = line.split("tooltip=\"").nth(1).unwrap();
            let id = id.split(" (muscle)").next().unwrap().to_string();
            out.push((id, stack.first().cloned().flatten()));
        }
    }
    out
}

#[test]
fn the_dot_clusters_are_the_muscles_compartments() {
    // issue 26: flexor hallucis longus was boxed in the tarsal tunnel its tendon
    // crosses, not in its compartment
    let atlas = fascia::bundled().unwrap();
    let compartment = |id: &str| {
        let n = atlas.by_id(id).unwrap();
        atlas
            .neighbours(n, Relation::LocatedIn, Direction::Forward)
            .map(|(_, c)| c)
            .find(|c| atlas.node(*c).kind == Kind::Compartment)
            .map(|c| atlas.node(c).name.to_string())
    };
    let mut checked = 0;
    for query in [
        "muscles innervated-by tibial",
        "muscles innervated-by* sciatic",
        "muscles innervated-by* \"median nerve\"",
        "muscles inserts-into* tibia",
        "muscles innervated-by* femoral",
    ] {
        let dot = dot_of(query);
        let drawn = muscles_by_cluster(&dot);
        assert!(!drawn.is_empty(), "{query}");
        for (id, cluster) in drawn {
            assert_eq!(cluster, compartment(&id), "{query}: {id}");
            checked += 1;
        }
    }
    assert!(checked > 40);
    let fhl = muscles_by_cluster(&dot_of("muscles innervated-by tibial"));
    assert!(fhl.contains(&(
        "flexor-hallucis-longus".to_string(),
        Some("Deep posterior compartment of leg".to_string())
    )));
}
