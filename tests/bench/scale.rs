//! Benchmarks at scale: a generated anatomy-shaped graph in TSV, loaded through
//! `--data`'s loader, and the same queries answered by a plain petgraph program that
//! reads the same two files into `Graph<Node, Pred>` (the floor), in the same run.
//!
//! `cargo bench --bench scale` runs at 10,000 structures;
//! `FASCIA_BENCH_SCALE=100000 cargo bench --bench scale` at 100,000 structures and
//! 1,000,000 facts; `FASCIA_BENCH_SCALE=bundled` on the bundled data written as TSV.
//! Under `cargo test` (criterion's test mode) each function runs once at 2,000.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use fascia::Atlas;
use fascia::graph::model::{Direction, Kind, Relation};
use fascia::graph::synthetic::Synthetic;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, VecDeque};
use std::hint::black_box;
use std::path::Path;

/// What the floor keeps per structure: what a plain program needs to answer.
struct Node {
    id: String,
    kind: Kind,
    name: String,
}

type Floor = (DiGraph<Node, Relation>, HashMap<String, NodeIndex>);

/// The floor's loader: read both files, split on tabs, build the graph and an id map.
fn floor_load(dir: &Path) -> Floor {
    let nodes = std::fs::read_to_string(dir.join("nodes.tsv")).unwrap_or_default();
    let edges = std::fs::read_to_string(dir.join("edges.tsv")).unwrap_or_default();
    let mut graph = DiGraph::new();
    let mut ids = HashMap::new();
    for line in nodes.lines().skip(1) {
        let mut f = line.split('\t');
        let (Some(id), Some(kind), Some(name)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let Some(kind) = Kind::from_data_key(kind) else {
            continue;
        };
        let n = graph.add_node(Node {
            id: id.to_string(),
            kind,
            name: name.to_string(),
        });
        ids.insert(id.to_string(), n);
    }
    for line in edges.lines().skip(1) {
        let mut f = line.split('\t');
        let (Some(s), Some(p), Some(o)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let (Some(s), Some((p, _)), Some(o)) = (ids.get(s), Relation::from_name(p), ids.get(o))
        else {
            continue;
        };
        graph.add_edge(*s, *o, p);
    }
    (graph, ids)
}

/// Muscles innervated by any nerve in `nerves`, sorted by name (or only counted).
fn floor_innervated(graph: &DiGraph<Node, Relation>, nerves: &[NodeIndex]) -> Vec<NodeIndex> {
    let mut seen = vec![false; graph.node_count()];
    let mut out = Vec::new();
    for &n in nerves {
        for e in graph.edges_directed(n, petgraph::Direction::Incoming) {
            let m = e.source();
            if *e.weight() == Relation::InnervatedBy
                && graph[m].kind == Kind::Muscle
                && !seen[m.index()]
            {
                seen[m.index()] = true;
                out.push(m);
            }
        }
    }
    out
}

/// The nerve and every branch below it.
fn floor_tree(graph: &DiGraph<Node, Relation>, top: NodeIndex) -> Vec<NodeIndex> {
    let mut tree = vec![top];
    let mut i = 0;
    while let Some(&n) = tree.get(i) {
        i += 1;
        for e in graph.edges_directed(n, petgraph::Direction::Incoming) {
            if *e.weight() == Relation::BranchOf {
                tree.push(e.source());
            }
        }
    }
    tree
}

fn sort_by_name(graph: &DiGraph<Node, Relation>, mut nodes: Vec<NodeIndex>) -> Vec<NodeIndex> {
    nodes.sort_by_cached_key(|n| graph[*n].name.to_lowercase());
    nodes
}

/// Fewest facts between two structures, either direction (breadth first).
fn floor_path(graph: &DiGraph<Node, Relation>, from: NodeIndex, to: NodeIndex) -> Vec<NodeIndex> {
    let mut parent = vec![u32::MAX; graph.node_count()];
    parent[from.index()] = from.index() as u32;
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        let out = graph.edges_directed(n, petgraph::Direction::Outgoing);
        let inc = graph.edges_directed(n, petgraph::Direction::Incoming);
        for e in out.chain(inc) {
            let m = if e.source() == n {
                e.target()
            } else {
                e.source()
            };
            if parent[m.index()] == u32::MAX {
                parent[m.index()] = n.index() as u32;
                queue.push_back(m);
            }
        }
    }
    let mut path = vec![to];
    let mut at = to;
    while at != from && parent[at.index()] != u32::MAX {
        at = NodeIndex::new(parent[at.index()] as usize);
        path.push(at);
    }
    path
}

/// The bundled data as the TSV files `--data` reads.
fn write_bundled(atlas: &Atlas, dir: &Path) -> std::io::Result<()> {
    use std::fmt::Write;
    let mut nodes = String::from("id\tkind\tname\n");
    for n in atlas.structures().map(|n| atlas.node(n)) {
        let _ = writeln!(nodes, "{}\t{}\t{}", n.id, n.kind, n.name);
    }
    let mut edges = String::from("subject\tpredicate\tobject\n");
    for e in atlas.facts() {
        let (s, o) = atlas.ends(e);
        let (s, o) = (&atlas.node(s).id, &atlas.node(o).id);
        let _ = writeln!(edges, "{s}\t{}\t{o}", atlas.fact(e).relation);
    }
    std::fs::write(dir.join("nodes.tsv"), nodes)?;
    std::fs::write(dir.join("edges.tsv"), edges)
}

/// The queries of one scale: a nerve for one hop, a tree's top for `*`, two ends of a
/// path. At generated scales, the nerve whose muscles number closest to 12.
struct Targets {
    hop: String,
    top: String,
    path: (String, String),
}

fn targets(atlas: &Atlas, generated: bool) -> Targets {
    if !generated {
        return Targets {
            hop: "tibial-nerve".into(),
            top: "sciatic-nerve".into(),
            path: ("soleus".into(), "sciatic-nerve".into()),
        };
    }
    let nerves = atlas.of_kind(Kind::Nerve);
    let hop = nerves
        .iter()
        .min_by_key(|n| {
            let c = atlas
                .neighbours(**n, Relation::InnervatedBy, Direction::Inverse)
                .count();
            (c as i64 - 12).abs()
        })
        .map_or(String::new(), |n| atlas.node(*n).id.to_string());
    // the last nerve is a deep branch of the last tree, far from the first tree's top
    let last = nerves
        .iter()
        .max_by_key(|n| n.index())
        .map_or(String::new(), |n| atlas.node(*n).id.to_string());
    Targets {
        hop,
        top: "nerve-0".into(),
        path: (last, "nerve-0".into()),
    }
}

/// `FASCIA_BENCH_PEAK=floor:DIR` or `fascia:DIR`: load DIR and count the muscles under
/// `nerve-0` with the floor or with fascia, print the answer and the process's peak
/// resident memory, and run no benchmark (run it under `/usr/bin/time -v` too).
fn peak(setting: &str) {
    let Some((who, dir)) = setting.split_once(':') else {
        eprintln!("FASCIA_BENCH_PEAK is floor:DIR or fascia:DIR");
        return;
    };
    let dir = Path::new(dir);
    // peak and current memory, read while what was loaded is still held
    let memory = || {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let line = |key: &str| {
            let found = status.lines().find(|l| l.starts_with(key));
            found
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        format!("{}; {}", line("VmHWM"), line("VmRSS"))
    };
    let (count, hwm) = if who == "floor" {
        let (graph, ids) = floor_load(dir);
        let top = ids.get("nerve-0").copied().unwrap_or(NodeIndex::end());
        let n = floor_innervated(&graph, &floor_tree(&graph, top)).len();
        (n, memory())
    } else {
        let atlas = fascia::load_dir(dir);
        let answer = atlas
            .as_ref()
            .map(|a| fascia::query::run(a, "count muscles innervated-by* nerve-0"));
        let n = match answer {
            Ok(Ok((_, fascia::query::Answer::Count(n)))) => n,
            _ => usize::MAX,
        };
        (n, memory())
    };
    eprintln!("peak {who}: {count} counted; {hwm}");
}

fn scale(c: &mut Criterion) {
    if let Ok(setting) = std::env::var("FASCIA_BENCH_PEAK") {
        peak(&setting);
        return;
    }
    // `cargo bench` passes --bench; without it criterion runs each function once
    let test_mode = !std::env::args().any(|a| a == "--bench");
    let setting = std::env::var("FASCIA_BENCH_SCALE").unwrap_or_default();
    let Ok(tmp) = tempfile::tempdir() else {
        eprintln!("no temporary directory");
        return;
    };
    let dir = tmp.path();
    let (label, generated) = if setting == "bundled" {
        let Ok(atlas) = fascia::bundled() else {
            eprintln!("bundled data does not load; run `fascia check`");
            return;
        };
        if write_bundled(&atlas, dir).is_err() {
            return;
        }
        ("bundled".to_string(), false)
    } else {
        let structures = match setting.parse::<usize>() {
            Ok(n) => n,
            Err(_) if test_mode => 2_000,
            Err(_) => 10_000,
        };
        let Ok(g) = Synthetic::generate(structures, None, 1) else {
            eprintln!("cannot generate {structures} structures");
            return;
        };
        if g.write_tsv(dir).is_err() {
            return;
        }
        (format!("{structures}"), true)
    };
    let Ok(atlas) = fascia::load_dir(dir) else {
        eprintln!("the generated graph does not load");
        return;
    };
    let (floor, ids) = floor_load(dir);
    let t = targets(&atlas, generated);
    let id = |s: &str| ids.get(s).copied().unwrap_or(NodeIndex::end());
    eprintln!(
        "scale {label}: {} structures, {} facts; one hop {}, tree {}, path {} to {}",
        atlas.structure_count(),
        atlas.fact_count(),
        t.hop,
        t.top,
        t.path.0,
        t.path.1
    );

    let mut group = c.benchmark_group(format!("scale {label}"));
    group.sample_size(if label == "10000" || !generated {
        50
    } else {
        10
    });
    let pair = |name: &str, who: &str| BenchmarkId::new(name, who);

    group.bench_function(pair("load tsv", "fascia"), |b| {
        b.iter(|| fascia::load_dir(black_box(dir)).is_ok())
    });
    // the second start: the checked directory read back from its cache
    if let Ok(cache) = tempfile::tempdir() {
        let cached = fascia::graph::cache::load_dir(dir, Some(cache.path()));
        if cached.is_ok_and(|a| a.fact_count() == atlas.fact_count()) {
            group.bench_function(pair("load cached", "fascia"), |b| {
                b.iter(|| {
                    fascia::graph::cache::load_dir(black_box(dir), Some(cache.path())).is_ok()
                })
            });
        }
    }
    group.bench_function(pair("load tsv", "floor"), |b| {
        b.iter(|| floor_load(black_box(dir)).0.edge_count())
    });

    let show = format!("show {}", t.hop);
    group.bench_function(pair("resolve name", "fascia"), |b| {
        let Ok(query) = fascia::query::parse(&show) else {
            return;
        };
        b.iter(|| fascia::query::resolve::resolve(&atlas, black_box(&query)).is_ok())
    });
    group.bench_function(pair("resolve name", "floor"), |b| {
        b.iter(|| ids.contains_key(black_box(t.hop.as_str())))
    });

    // where one hop's time goes: parsing the text, resolving names, evaluating the plan
    let hop = format!("muscles innervated-by {}", t.hop);
    group.bench_function(pair("one hop parse", "fascia"), |b| {
        b.iter(|| fascia::query::parse(black_box(&hop)).is_ok())
    });
    if let Ok(query) = fascia::query::parse(&hop) {
        group.bench_function(pair("one hop resolve", "fascia"), |b| {
            b.iter(|| fascia::query::resolve::resolve(&atlas, black_box(&query)).is_ok())
        });
        if let Ok(plan) = fascia::query::resolve::resolve(&atlas, &query) {
            group.bench_function(pair("one hop evaluate", "fascia"), |b| {
                b.iter(|| {
                    let mut budget = fascia::query::Budget::default();
                    fascia::query::eval::evaluate(&atlas, black_box(&plan), &mut budget).is_ok()
                })
            });
        }
    }

    let queries = [
        ("one hop", format!("muscles innervated-by {}", t.hop)),
        ("star listed", format!("muscles innervated-by* {}", t.top)),
        (
            "star counted",
            format!("count muscles innervated-by* {}", t.top),
        ),
        ("path", format!("path {} to {}", t.path.0, t.path.1)),
    ];
    for (name, text) in &queries {
        group.bench_function(pair(name, "fascia"), |b| {
            b.iter(|| fascia::query::run(&atlas, black_box(text)).is_ok())
        });
        group.bench_function(pair(name, "floor"), |b| match *name {
            "one hop" => b.iter(|| {
                let found = floor_innervated(&floor, &[id(black_box(&t.hop))]);
                sort_by_name(&floor, found).len()
            }),
            "star listed" => b.iter(|| {
                let tree = floor_tree(&floor, id(black_box(&t.top)));
                sort_by_name(&floor, floor_innervated(&floor, &tree)).len()
            }),
            "star counted" => b.iter(|| {
                let tree = floor_tree(&floor, id(black_box(&t.top)));
                floor_innervated(&floor, &tree).len()
            }),
            _ => b.iter(|| floor_path(&floor, id(black_box(&t.path.0)), id(&t.path.1)).len()),
        });
    }
    group.finish();
    // the answers' sizes, to read beside the times
    for (name, text) in &queries {
        let size = match fascia::query::run(&atlas, text) {
            Ok((_, fascia::query::Answer::Set(s))) => format!("{} answers", s.total),
            Ok((_, fascia::query::Answer::Count(n))) => format!("{n} counted"),
            Ok((_, fascia::query::Answer::Path { path, .. })) => {
                format!("{} steps", path.map_or(0, |p| p.steps.len()))
            }
            Ok(_) => "answered".to_string(),
            Err(e) => format!("error: {e}"),
        };
        eprintln!("scale {label}: {name}: {size}");
    }
    let _ = floor.node_weights().map(|n| n.id.len()).sum::<usize>();
}

criterion_group!(benches, scale);
criterion_main!(benches);
