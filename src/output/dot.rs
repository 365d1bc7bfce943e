//! Graphviz DOT: the answer's structures, the facts among them, one style per
//! relation with a legend, a shape and colour per kind, clusters per compartment.

use super::Render;
use crate::graph::Atlas;
use crate::graph::model::{Direction, Kind, Relation};
use crate::query::Answer;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};

pub struct Dot;

impl Render for Dot {
    fn render(&self, atlas: &Atlas, answer: &Answer, out: &mut dyn Write) -> io::Result<()> {
        let drawing = Drawing::of(atlas, answer);
        drawing.write(atlas, out)
    }
}

/// What to draw: structures, the facts between them, and which structures are the
/// answer itself (drawn bold).
struct Drawing {
    title: String,
    nodes: Vec<NodeIndex>,
    edges: Vec<EdgeIndex>,
    answer: HashSet<NodeIndex>,
}

impl Drawing {
    fn of(atlas: &Atlas, answer: &Answer) -> Drawing {
        match answer {
            Answer::Set(set) => {
                let mut nodes = set.nodes.clone();
                nodes.extend(set.context.iter().copied());
                let title = match set.nodes.len() {
                    1 => "1 structure".to_string(),
                    n => format!("{n} structures"),
                };
                Drawing::induced(atlas, &title, nodes, set.nodes.iter().copied().collect())
            }
            Answer::Count(n) => Drawing {
                title: format!("count: {n}"),
                nodes: Vec::new(),
                edges: Vec::new(),
                answer: HashSet::new(),
            },
            Answer::Show(n) => {
                let g = atlas.graph();
                let edges: Vec<EdgeIndex> = g
                    .edges_directed(*n, petgraph::Direction::Outgoing)
                    .chain(g.edges_directed(*n, petgraph::Direction::Incoming))
                    .map(|e| e.id())
                    .collect();
                let mut nodes = vec![*n];
                for e in &edges {
                    let (s, o) = atlas.ends(*e);
                    for x in [s, o] {
                        if !nodes.contains(&x) {
                            nodes.push(x);
                        }
                    }
                }
                Drawing {
                    title: atlas.node(*n).name.to_string(),
                    nodes,
                    edges,
                    answer: HashSet::from([*n]),
                }
            }
            Answer::Path { path, from, to } => {
                let paths: Vec<_> = path.iter().cloned().collect();
                Drawing::paths(atlas, *from, *to, &paths)
            }
            Answer::Paths {
                paths, from, to, ..
            } => Drawing::paths(atlas, *from, *to, paths),
            Answer::Why(w) => {
                let mut edges: Vec<EdgeIndex> = w.asserted.clone();
                if let Some(p) = &w.inferred {
                    edges.extend(p.steps.iter().map(|s| s.edge));
                }
                let mut nodes = vec![w.subject, w.target];
                for e in &edges {
                    let (s, o) = atlas.ends(*e);
                    nodes.extend([s, o]);
                }
                dedup(&mut nodes);
                Drawing {
                    title: format!(
                        "why {} {} {}",
                        atlas.node(w.subject).name,
                        w.relation.name(w.direction),
                        atlas.node(w.target).name
                    ),
                    nodes,
                    edges,
                    answer: HashSet::from([w.subject, w.target]),
                }
            }
            Answer::Around(g) => Drawing {
                title: g
                    .center
                    .map(|c| format!("around {}", atlas.node(c).name))
                    .unwrap_or_default(),
                nodes: g.nodes.clone(),
                edges: g.edges.clone(),
                answer: g.center.into_iter().collect(),
            },
            Answer::Lesion(_) | Answer::Localize(_) => Drawing::clinical(atlas, answer),
        }
    }

    /// A lesion's territory on the nerve tree: the nerves it interrupts and the muscles
    /// and skin areas they supply, those wholly lost drawn bold. For `localize`, the
    /// best candidate's territory.
    fn clinical(atlas: &Atlas, answer: &Answer) -> Drawing {
        let (title, deficit) = match answer {
            Answer::Lesion(d) => (format!("lesion of {}", d.lesion.name(atlas)), Some(d)),
            Answer::Localize(r) => match &r.best {
                Some(d) => (format!("best candidate: {}", d.lesion.name(atlas)), Some(d)),
                None => ("no candidate".to_string(), None),
            },
            _ => (String::new(), None),
        };
        let Some(d) = deficit else {
            return Drawing::induced(atlas, &title, Vec::new(), HashSet::new());
        };
        let mut nodes = vec![d.lesion.node()];
        nodes.extend(d.nerves.iter().copied());
        nodes.extend(d.muscles.iter().map(|m| m.muscle));
        nodes.extend(d.skin.iter().map(|s| s.node));
        dedup(&mut nodes);
        let lost: HashSet<NodeIndex> = d
            .muscles
            .iter()
            .filter(|m| m.effect == crate::clinical::Effect::Lost)
            .map(|m| m.muscle)
            .chain(
                d.skin
                    .iter()
                    .filter(|s| s.effect == crate::clinical::Effect::Lost)
                    .map(|s| s.node),
            )
            .collect();
        Drawing::induced(atlas, &title, nodes, lost)
    }

    /// The given structures and every fact among them.
    fn induced(
        atlas: &Atlas,
        title: &str,
        mut nodes: Vec<NodeIndex>,
        answer: HashSet<NodeIndex>,
    ) -> Drawing {
        dedup(&mut nodes);
        let edges = atlas.facts_among(&nodes);
        Drawing {
            title: title.to_string(),
            nodes,
            edges,
            answer,
        }
    }

    fn paths(
        atlas: &Atlas,
        from: NodeIndex,
        to: NodeIndex,
        paths: &[crate::query::eval::Path],
    ) -> Drawing {
        let mut nodes = vec![from, to];
        let mut edges = Vec::new();
        for p in paths {
            nodes.extend(p.nodes.iter().copied());
            edges.extend(p.steps.iter().map(|s| s.edge));
        }
        dedup(&mut nodes);
        edges.sort();
        edges.dedup();
        Drawing {
            title: format!("{} to {}", atlas.node(from).name, atlas.node(to).name),
            nodes,
            edges,
            answer: HashSet::from([from, to]),
        }
    }

    fn write(&self, atlas: &Atlas, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "digraph fascia {{")?;
        writeln!(out, "  label=\"{}\";", esc(&self.title))?;
        writeln!(out, "  labelloc=t;")?;
        writeln!(out, "  rankdir=LR;")?;
        writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
        writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;

        // cluster structures by the compartment they are located in
        let mut clusters: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
        let mut loose = Vec::new();
        for n in &self.nodes {
            let compartment = atlas
                .neighbours(*n, Relation::LocatedIn, Direction::Forward)
                .map(|(_, c)| c)
                .next();
            match compartment {
                // nerves and vessels run through several regions: only muscles are boxed
                Some(c) if matches!(atlas.node(*n).kind, Kind::Muscle | Kind::MusclePart) => {
                    clusters.entry(c).or_default().push(*n)
                }
                _ => loose.push(*n),
            }
        }
        for (c, members) in &clusters {
            writeln!(out, "  subgraph cluster_{} {{", c.index())?;
            writeln!(out, "    label=\"{}\";", esc(&atlas.node(*c).name))?;
            writeln!(
                out,
                "    style=rounded; color=\"#999999\"; fontcolor=\"#555555\";"
            )?;
            for n in members {
                self.write_node(atlas, *n, "    ", out)?;
            }
            writeln!(out, "  }}")?;
        }
        for n in &loose {
            self.write_node(atlas, *n, "  ", out)?;
        }

        // facts stated more than once between the same two structures (root levels
        // that references disagree on) are drawn as one edge listing every version
        let mut merged: BTreeMap<(NodeIndex, NodeIndex, Relation), Vec<String>> = BTreeMap::new();
        let mut used: Vec<Relation> = Vec::new();
        for e in &self.edges {
            let (s, o) = atlas.ends(*e);
            let fact = atlas.fact(*e);
            let roots: Vec<String> = fact
                .roots
                .iter()
                .map(|r| atlas.node(*r).name.to_string())
                .collect();
            let versions = merged.entry((s, o, fact.relation)).or_default();
            let version = roots.join(", ");
            if !version.is_empty() && !versions.contains(&version) {
                versions.push(version);
            }
            if !used.contains(&fact.relation) {
                used.push(fact.relation);
            }
        }
        for ((s, o, relation), versions) in &merged {
            let (color, style) = relation_style(*relation);
            let label = if versions.is_empty() {
                relation.forward_name().to_string()
            } else {
                format!("{} ({})", relation.forward_name(), versions.join(" | "))
            };
            writeln!(
                out,
                "  n{} -> n{} [label=\"{}\", color=\"{color}\", fontcolor=\"{color}\", style={style}];",
                s.index(),
                o.index(),
                esc(&label)
            )?;
        }

        if !used.is_empty() {
            writeln!(out, "  subgraph cluster_legend {{")?;
            writeln!(
                out,
                "    label=\"legend\"; style=dashed; color=\"#bbbbbb\";"
            )?;
            for (i, r) in used.iter().enumerate() {
                let (color, style) = relation_style(*r);
                writeln!(
                    out,
                    "    legend_a{i} [shape=point, width=0.05, label=\"\"];"
                )?;
                writeln!(
                    out,
                    "    legend_b{i} [shape=point, width=0.05, label=\"\"];"
                )?;
                writeln!(
                    out,
                    "    legend_a{i} -> legend_b{i} [label=\"{}\", color=\"{color}\", fontcolor=\"{color}\", style={style}];",
                    r.forward_name()
                )?;
            }
            writeln!(out, "  }}")?;
        }
        writeln!(out, "}}")
    }

    fn write_node(
        &self,
        atlas: &Atlas,
        n: NodeIndex,
        indent: &str,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let s = atlas.node(n);
        let (shape, fill) = kind_style(s.kind);
        let pen = if self.answer.contains(&n) {
            ", penwidth=2.5"
        } else {
            ""
        };
        writeln!(
            out,
            "{indent}n{} [label=\"{}\", shape={shape}, style=\"filled\", fillcolor=\"{fill}\", tooltip=\"{} ({})\"{pen}];",
            n.index(),
            esc(&s.name),
            esc(&s.id),
            s.kind.noun()
        )
    }
}

fn dedup(nodes: &mut Vec<NodeIndex>) {
    let mut seen = HashSet::new();
    nodes.retain(|n| seen.insert(*n));
}

/// Escapes a string for a double-quoted DOT id or label.
fn esc(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn kind_style(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Muscle => ("box", "#f4b6b6"),
        Kind::MusclePart => ("box", "#f9d7d7"),
        Kind::Bone => ("box3d", "#efe6cf"),
        Kind::Landmark => ("note", "#f7f1e1"),
        Kind::Tendon => ("box", "#ffffff"),
        Kind::Ligament => ("box", "#e6e6e6"),
        Kind::Nerve => ("ellipse", "#fff2a8"),
        Kind::Root => ("diamond", "#ffe066"),
        Kind::Artery => ("ellipse", "#ff9999"),
        Kind::Vein => ("ellipse", "#9fc5f8"),
        Kind::Compartment => ("folder", "#e0e0f8"),
        Kind::Group => ("tab", "#d9ead3"),
        Kind::Joint => ("octagon", "#e5d3f0"),
        Kind::Movement => ("parallelogram", "#d0f0f0"),
        Kind::SkinArea => ("component", "#fde2cf"),
        Kind::Dermatome => ("component", "#f6cfae"),
        Kind::Reflex => ("hexagon", "#cfe2f3"),
        Kind::Region => ("folder", "#eeeeee"),
    }
}

fn relation_style(relation: Relation) -> (&'static str, &'static str) {
    match relation {
        Relation::OriginatesFrom => ("#7f6000", "solid"),
        Relation::InsertsInto => ("#b45f06", "solid"),
        Relation::InnervatedBy => ("#bf9000", "bold"),
        Relation::SuppliedBy => ("#cc0000", "bold"),
        Relation::DrainedBy => ("#1155cc", "bold"),
        Relation::BranchOf => ("#6aa84f", "solid"),
        Relation::TributaryOf => ("#3d85c6", "solid"),
        Relation::ContinuesAs => ("#38761d", "dashed"),
        Relation::RootOf => ("#e69138", "dashed"),
        Relation::PartOf => ("#666666", "dotted"),
        Relation::AttachesTo => ("#999999", "solid"),
        Relation::LocatedIn => ("#674ea7", "dotted"),
        Relation::MemberOf => ("#45818e", "dotted"),
        Relation::Performs => ("#a64d79", "solid"),
        Relation::OccursAt => ("#8e7cc3", "dashed"),
        Relation::Articulates => ("#783f04", "dashed"),
        Relation::Involves => ("#0b5394", "solid"),
        Relation::MediatedBy => ("#bf9000", "dashed"),
    }
}
