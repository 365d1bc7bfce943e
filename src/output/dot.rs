//! Graphviz DOT: the query as title, the answer's structures and the facts among them,
//! one colour and line style per relation, a shape and fill per kind, muscles boxed by
//! compartment and heads by muscle, and a legend for all of it.

use super::Render;
use super::picture::{Line, Picture};
use super::scene::Scene;
use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::{Kind, Relation};
use crate::query::{Answer, Query};
use std::collections::HashSet;
use std::io::{self, Write};

/// A Graphviz graph in DOT: the answer's structures and the facts among them, with a
/// legend.
pub struct Dot;

impl Render for Dot {
    fn render(&self, atlas: &Atlas, answer: &Answer, out: &mut dyn Write) -> io::Result<()> {
        let picture = Picture::of(atlas, Scene::of(atlas, answer, None), true);
        write_dot(atlas, &picture, out)
    }

    fn render_query(
        &self,
        atlas: &Atlas,
        query: &Query,
        answer: &Answer,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let title = query.statement.to_string();
        let picture = Picture::of(atlas, Scene::of(atlas, answer, Some(&title)), true);
        write_dot(atlas, &picture, out)
    }
}

/// Writes a picture as a DOT digraph.
pub(crate) fn write_dot(atlas: &Atlas, picture: &Picture, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph fascia {{")?;
    let title = match &picture.subtitle {
        Some(sub) => format!("{}\\n{}", esc(&picture.title), esc(sub)),
        None => esc(&picture.title),
    };
    writeln!(out, "  label=\"{title}\";")?;
    writeln!(out, "  labelloc=t; fontname=\"Helvetica\"; fontsize=14;")?;
    // trees (a nerve and its branches, a muscle's supply) read top to bottom
    writeln!(
        out,
        "  rankdir=TB; newrank=true; compound=true; nodesep=0.25; ranksep=0.5;"
    )?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    let mut drawn: HashSet<StructureId> = HashSet::new();
    for cluster in &picture.clusters {
        let c = cluster.compartment;
        writeln!(out, "  subgraph cluster_{} {{", c.index())?;
        writeln!(out, "    label=\"{}\";", esc(&atlas.node(c).name))?;
        let pen = if picture.answer.contains(&c) {
            " penwidth=2.5;"
        } else {
            ""
        };
        writeln!(
            out,
            "    style=\"rounded,filled\"; fillcolor=\"#f4f4fc\"; color=\"#9999bb\"; fontcolor=\"#555577\";{pen}"
        )?;
        for n in &cluster.members {
            if drawn.insert(*n) {
                write_node(atlas, picture, *n, "    ", out)?;
            }
        }
        for (whole, heads) in &cluster.muscles {
            writeln!(
                out,
                "    subgraph cluster_{}_{} {{",
                c.index(),
                whole.index()
            )?;
            writeln!(out, "      label=\"{}\";", esc(&atlas.node(*whole).name))?;
            writeln!(
                out,
                "      style=\"rounded,filled\"; fillcolor=\"#fdf0f0\"; color=\"#cc9999\"; fontcolor=\"#885555\";"
            )?;
            if picture.is_drawn_whole(*whole) && drawn.insert(*whole) {
                write_node(atlas, picture, *whole, "      ", out)?;
            }
            for n in heads {
                if drawn.insert(*n) {
                    write_node(atlas, picture, *n, "      ", out)?;
                }
            }
            writeln!(out, "    }}")?;
        }
        writeln!(out, "  }}")?;
    }
    for n in &picture.loose {
        if drawn.insert(*n) {
            write_node(atlas, picture, *n, "  ", out)?;
        }
    }
    // a line to a compartment drawn as a box ends at the box's edge, through one of
    // the structures inside it
    let mut anchors: std::collections::HashMap<StructureId, StructureId> = Default::default();
    for cluster in &picture.clusters {
        let first = picture
            .drawn_nodes_of(cluster)
            .into_iter()
            .find(|n| drawn.contains(n));
        if let (true, Some(member)) = (picture.boxed.contains(&cluster.compartment), first) {
            anchors.insert(cluster.compartment, member);
        }
    }
    for line in &picture.lines {
        write_line(line, &drawn, &anchors, out)?;
    }
    write_legend(picture, out)?;
    writeln!(out, "}}")
}

fn write_line(
    line: &Line,
    drawn: &HashSet<StructureId>,
    anchors: &std::collections::HashMap<StructureId, StructureId>,
    out: &mut dyn Write,
) -> io::Result<()> {
    // (node to draw from or to, the box it stands for)
    let end = |n: StructureId| match anchors.get(&n) {
        Some(member) if !drawn.contains(&n) => Some((*member, Some(n))),
        _ => drawn.contains(&n).then_some((n, None)),
    };
    let (Some(subject), Some(object)) = (end(line.subject), end(line.object)) else {
        return Ok(());
    };
    let (color, style) = relation_style(line.relation);
    // a line no reference agreement stands behind is dashed and says so
    let (style, words) = if line.disputed {
        let word = "disputed";
        let words = match line.label.as_deref() {
            Some(l) => format!("{l} ({word})"),
            None => format!("({word})"),
        };
        ("dashed", Some(words))
    } else {
        (style, line.label.clone())
    };
    let label = words
        .as_deref()
        .map(|l| format!(", label=\"{}\", fontcolor=\"{color}\"", esc(l)))
        .unwrap_or_default();
    // the object drawn above: write the edge upwards and draw its arrow backwards
    let (a, b, dir) = if line.object_above() {
        (object, subject, ", dir=back")
    } else {
        (subject, object, "")
    };
    let clip = |(_, boxed): (StructureId, Option<StructureId>), end: &str| {
        boxed
            .map(|c| format!(", {end}=cluster_{}", c.index()))
            .unwrap_or_default()
    };
    writeln!(
        out,
        "  n{} -> n{} [color=\"{color}\", style={style}{dir}{label}{}{}, tooltip=\"{}\"];",
        a.0.index(),
        b.0.index(),
        clip(a, "ltail"),
        clip(b, "lhead"),
        line.relation.forward_name()
    )
}

fn write_node(
    atlas: &Atlas,
    picture: &Picture,
    n: StructureId,
    indent: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = atlas.node(n);
    let (shape, fill) = kind_style(s.kind);
    let pen = if picture.answer.contains(&n) {
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

/// Node kinds (shape and fill) and the answer's bold border in a row of sample
/// nodes; under them a table of each relation's line and what brackets around a root
/// level mean.
fn write_legend(picture: &Picture, out: &mut dyn Write) -> io::Result<()> {
    if picture.kinds.is_empty() && picture.relations.is_empty() {
        return Ok(());
    }
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(
        out,
        "    label=\"legend\"; style=dashed; color=\"#bbbbbb\"; fontsize=11;"
    )?;
    writeln!(out, "    node [fontsize=9, height=0.25];")?;
    let mut row = Vec::new();
    for (i, kind) in picture.kinds.iter().enumerate() {
        let (shape, fill) = kind_style(*kind);
        writeln!(
            out,
            "    legend_k{i} [label=\"{}\", shape={shape}, style=\"filled\", fillcolor=\"{fill}\"];",
            kind.noun()
        )?;
        row.push(format!("legend_k{i}"));
    }
    if !picture.answer.is_empty() {
        writeln!(
            out,
            "    legend_answer [label=\"the answer\", shape=box, penwidth=2.5];"
        )?;
        row.push("legend_answer".to_string());
    }
    if row.len() > 1 {
        // one row, in kind order
        writeln!(out, "    {{ rank=same; {}; }}", row.join("; "))?;
        for pair in row.windows(2) {
            writeln!(out, "    {} -> {} [style=invis];", pair[0], pair[1])?;
        }
    }
    let mut cells = String::new();
    for r in &picture.relations {
        let (color, style) = relation_style(*r);
        // a line drawn in characters: heavy for bold, broken for dashed and dotted
        let line = match style {
            "bold" => "\u{2501}\u{2501}\u{2501}",
            "dashed" => "\u{2505}\u{2505}\u{2505}",
            "dotted" => "\u{2509}\u{2509}\u{2509}",
            _ => "\u{2500}\u{2500}\u{2500}",
        };
        cells.push_str(&format!(
            "<tr><td align=\"left\"><font color=\"{color}\">{line}&#9654; {}</font></td></tr>",
            r.forward_name()
        ));
    }
    if picture.lines.iter().any(|l| l.disputed) {
        cells.push_str(
            "<tr><td align=\"left\">dashed, (disputed): no fact on the line<br align=\"left\"/>is the standard statement<br align=\"left\"/></td></tr>",
        );
    }
    if picture.partial_roots {
        cells.push_str(
            "<tr><td align=\"left\">L4, L5, [S1]: spinal root levels;<br align=\"left\"/>[S1]: a minority level, given by fewer references<br align=\"left\"/></td></tr>",
        );
    }
    if !cells.is_empty() {
        writeln!(
            out,
            "    legend_lines [shape=plaintext, label=<<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">{cells}</table>>];"
        )?;
        if let Some(first) = row.first() {
            writeln!(out, "    {first} -> legend_lines [style=invis];")?;
        }
    }
    writeln!(out, "  }}")
}

/// Escapes a string for a double-quoted DOT id or label.
fn esc(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

pub(crate) fn kind_style(kind: Kind) -> (&'static str, &'static str) {
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
        Kind::Gland => ("cylinder", "#d9f2d0"),
        Kind::Sense => ("component", "#f2d0ec"),
        // the vocabulary may grow ahead of the pictures; a test keeps each kind's own
        _ => ("box", "#ffffff"),
    }
}

pub(crate) fn relation_style(relation: Relation) -> (&'static str, &'static str) {
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
        Relation::PassesThrough => ("#5b5b5b", "dashed"),
        // the vocabulary may grow ahead of the pictures; a test keeps each relation's own
        _ => ("#000000", "solid"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_kind_and_every_relation_is_drawn_its_own_way() {
        // two kinds drawn alike would be one drawn with the fallback for new kinds
        let kinds: HashSet<_> = Kind::ALL.iter().map(|k| kind_style(*k)).collect();
        assert_eq!(kinds.len(), Kind::ALL.len());
        let relations: HashSet<_> = Relation::ALL.iter().map(|r| relation_style(*r)).collect();
        assert_eq!(relations.len(), Relation::ALL.len());
        assert!(!relations.contains(&("#000000", "solid")));
    }
}
