//! SVG pictures that need nothing installed: the answer laid out in layers by the
//! layout-rs crate, under the query as title and above a legend drawn here. layout-rs
//! has no clusters, so muscles are boxed by compartment after the layout, wherever a
//! compartment's muscles came out side by side. Where Graphviz's `dot` is installed it
//! draws the DOT picture instead (it clusters by compartment itself), unless
//! `FASCIA_SVG=builtin`.

use super::Render;
use super::dot::{kind_style, relation_style, write_dot};
use super::picture::Picture;
use super::scene::Scene;
use crate::graph::Atlas;
use crate::graph::model::{Direction, Kind, Relation};
use crate::query::{Answer, Query};
use layout::adt::dag::NodeHandle;
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Who lays the picture out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when `dot` runs, else the built-in layout; `FASCIA_SVG=builtin`
    /// forces the built-in one.
    #[default]
    Auto,
    /// layout-rs, always.
    Builtin,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Svg {
    pub engine: Engine,
}

impl Render for Svg {
    fn render(&self, atlas: &Atlas, answer: &Answer, out: &mut dyn Write) -> io::Result<()> {
        self.draw(atlas, Scene::of(atlas, answer, None), out)
    }

    fn render_query(
        &self,
        atlas: &Atlas,
        query: &Query,
        answer: &Answer,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let title = query.statement.to_string();
        self.draw(atlas, Scene::of(atlas, answer, Some(&title)), out)
    }
}

impl Svg {
    fn draw(&self, atlas: &Atlas, scene: Scene, out: &mut dyn Write) -> io::Result<()> {
        let forced = std::env::var("FASCIA_SVG").is_ok_and(|v| v == "builtin");
        if self.engine == Engine::Auto && !forced {
            let mut dot = Vec::new();
            write_dot(atlas, &Picture::of(atlas, scene.clone(), true), &mut dot)?;
            if let Some(svg) = graphviz(&dot) {
                return out.write_all(&svg);
            }
        }
        let picture = Picture::of(atlas, scene, false);
        out.write_all(builtin(atlas, &picture)?.as_bytes())
    }
}

/// `dot -Tsvg`, if Graphviz is installed and accepts the picture.
fn graphviz(dot: &[u8]) -> Option<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot).ok()?;
    let done = child.wait_with_output().ok()?;
    (done.status.success() && !done.stdout.is_empty()).then_some(done.stdout)
}

const FONT: usize = 13;
const TITLE_HEIGHT: f64 = 56.0;
const MARGIN: f64 = 16.0;
const LEGEND_ROW: f64 = 20.0;

/// The picture laid out by layout-rs, framed by a title and a legend.
fn builtin(atlas: &Atlas, picture: &Picture) -> io::Result<String> {
    let nodes = picture.drawn_nodes();
    let (graph, width, height) = if nodes.is_empty() {
        (String::new(), 0.0, 0.0)
    } else {
        layered(atlas, picture, &nodes)?
    };
    let legend_rows = picture.kinds.len()
        + usize::from(!picture.answer.is_empty())
        + usize::from(graph.contains(BOX_CLASS))
        + picture.relations.len()
        + usize::from(picture.partial_roots);
    let legend_height = if legend_rows == 0 {
        0.0
    } else {
        legend_rows as f64 * LEGEND_ROW + 2.0 * MARGIN
    };
    let title_width = 8.0 * picture.title.chars().count() as f64;
    let total_w = (width.max(320.0).max(title_width) + 2.0 * MARGIN).ceil();
    let total_h = (TITLE_HEIGHT + height + legend_height + MARGIN).ceil();
    let mut svg = String::new();
    let _ = writeln!(svg, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{total_w}" height="{total_h}" viewBox="0 0 {total_w} {total_h}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(svg, r#"<title>{}</title>"#, xml(&picture.title));
    let _ = writeln!(
        svg,
        r##"<rect x="0" y="0" width="{total_w}" height="{total_h}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        svg,
        r#"<text x="{MARGIN}" y="26" font-size="16" font-weight="bold">{}</text>"#,
        xml(&picture.title)
    );
    if let Some(sub) = &picture.subtitle {
        let _ = writeln!(
            svg,
            r##"<text x="{MARGIN}" y="46" font-size="12" fill="#555555">{}</text>"##,
            xml(sub)
        );
    }
    if !graph.is_empty() {
        let _ = writeln!(
            svg,
            r#"<svg x="{MARGIN}" y="{TITLE_HEIGHT}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
        );
        svg.push_str(&graph);
        svg.push_str("</svg>\n");
    }
    legend(
        &mut svg,
        picture,
        graph.contains(BOX_CLASS),
        TITLE_HEIGHT + height + MARGIN,
    );
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// layout-rs's drawing of the structures and lines (without its XML declaration and
/// outer element), with its width and height.
fn layered(
    atlas: &Atlas,
    picture: &Picture,
    nodes: &[NodeIndex],
) -> io::Result<(String, f64, f64)> {
    // layout-rs asserts its own invariants, and its crossing reduction trips some of
    // them on a few graphs: try again without it, and never let it take fascia down
    // (its panic message would only confuse, so it is silenced while it runs)
    let reporter = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut laid_out = None;
    let groups = compartment_groups(atlas, nodes);
    // layout-rs keeps the order nodes are added in where crossings do not decide it:
    // a compartment's muscles added together tend to come out side by side, boxable
    let mut first_of_group: HashMap<NodeIndex, usize> = HashMap::new();
    for (members, at) in groups
        .iter()
        .map(|(_, m)| m)
        .zip(0..)
        .flat_map(|(m, g)| m.iter().map(move |n| (n, g)))
    {
        first_of_group.insert(*members, at);
    }
    let mut ordered: Vec<(usize, NodeIndex)> = Vec::with_capacity(nodes.len());
    let mut group_at: HashMap<usize, usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let key = match first_of_group.get(n) {
            Some(g) => *group_at.entry(*g).or_insert(i),
            None => i,
        };
        ordered.push((key, *n));
    }
    ordered.sort_by_key(|(key, _)| *key);
    let ordered: Vec<NodeIndex> = ordered.into_iter().map(|(_, n)| n).collect();
    let nodes = ordered.as_slice();
    for disable_optimizations in [false, true] {
        let (mut graph, handles) = visual_graph(atlas, picture, nodes);
        let groups = &groups;
        let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let mut writer = SVGWriter::new();
            graph.do_it(false, disable_optimizations, false, &mut writer);
            // layout-rs's canvas reserves room below the last row; the boxes end here
            let bottom = graph
                .iter_nodes()
                .map(|n| graph.pos(n).bbox(false).1.y)
                .fold(0.0, f64::max);
            let rects: HashMap<NodeIndex, Rect> = handles
                .iter()
                .map(|(n, h)| {
                    let (a, b) = graph.pos(*h).bbox(false);
                    (*n, Rect::new(a.x, a.y, b.x, b.y))
                })
                .collect();
            (writer.finalize(), bottom, boxes(atlas, groups, &rects))
        }));
        if let Ok(done) = attempt {
            laid_out = Some(done);
            break;
        }
    }
    std::panic::set_hook(reporter);
    let (doc, bottom, boxes) =
        laid_out.ok_or_else(|| io::Error::other("the built-in layout failed on this picture"))?;
    let (body, width, height) = inner_svg(&doc);
    let height = if bottom > 0.0 {
        height.min(bottom + 2.0 * MARGIN)
    } else {
        height
    };
    if boxes.is_empty() {
        return Ok((body, width, height));
    }
    // the boxes go first, so that the structures and lines are drawn over them, and
    // the drawing moves in by a box's margin so that boxes at its edges show whole
    let room = BOX_PAD + BOX_LABEL;
    let (head, rest) = match body.find("</style>") {
        Some(at) => body.split_at(at + "</style>".len()),
        None => ("", body.as_str()),
    };
    let body = format!("{head}\n<g transform=\"translate({room},{room})\">\n{boxes}{rest}</g>\n");
    Ok((body, width + 2.0 * room, height + 2.0 * room))
}

const BOX_CLASS: &str = "compartment-box";
/// Room between a box and the structures in it, and above them for its name.
const BOX_PAD: f64 = 8.0;
const BOX_LABEL: f64 = 14.0;

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    fn union(self, o: Rect) -> Rect {
        Rect::new(
            self.x0.min(o.x0),
            self.y0.min(o.y0),
            self.x1.max(o.x1),
            self.y1.max(o.y1),
        )
    }

    fn overlaps(self, o: Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// Muscles (and heads, by their muscle's compartment) grouped by a compartment that is
/// not itself drawn: what DOT would cluster.
fn compartment_groups(atlas: &Atlas, nodes: &[NodeIndex]) -> Vec<(NodeIndex, Vec<NodeIndex>)> {
    let drawn: std::collections::HashSet<NodeIndex> = nodes.iter().copied().collect();
    let compartment_of = |n: NodeIndex| {
        atlas
            .neighbours(n, Relation::LocatedIn, Direction::Forward)
            .map(|(_, c)| c)
            .find(|c| atlas.node(*c).kind == Kind::Compartment)
    };
    let mut groups: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    for &n in nodes {
        let compartment = match atlas.node(n).kind {
            Kind::Muscle => compartment_of(n),
            Kind::MusclePart => {
                compartment_of(n).or_else(|| atlas.whole_of(n).and_then(compartment_of))
            }
            _ => None,
        };
        if let Some(c) = compartment.filter(|c| !drawn.contains(c)) {
            let members = groups.entry(c).or_default();
            if !members.contains(&n) {
                members.push(n);
            }
        }
    }
    groups.into_iter().collect()
}

/// A labelled box around each compartment's structures, where they came out side by
/// side: a box that would take in any other structure, or cross another box, is left
/// out rather than mislead.
fn boxes(
    atlas: &Atlas,
    groups: &[(NodeIndex, Vec<NodeIndex>)],
    rects: &HashMap<NodeIndex, Rect>,
) -> String {
    let mut drawn: Vec<Rect> = Vec::new();
    let mut out = String::new();
    for (compartment, members) in groups {
        let Some(inner) = members
            .iter()
            .filter_map(|m| rects.get(m).copied())
            .reduce(Rect::union)
        else {
            continue;
        };
        let frame = Rect::new(
            inner.x0 - BOX_PAD,
            inner.y0 - BOX_PAD - BOX_LABEL,
            inner.x1 + BOX_PAD,
            inner.y1 + BOX_PAD,
        );
        let takes_in_another = rects
            .iter()
            .any(|(n, r)| !members.contains(n) && frame.overlaps(*r));
        if takes_in_another || drawn.iter().any(|d| d.overlaps(frame)) {
            continue;
        }
        drawn.push(frame);
        let _ = writeln!(
            out,
            r##"<g class="{BOX_CLASS}"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="#f7f7f7" stroke="#999999" stroke-dasharray="4,3"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#555555">{}</text></g>"##,
            frame.x0,
            frame.y0,
            frame.x1 - frame.x0,
            frame.y1 - frame.y0,
            frame.x0 + 6.0,
            frame.y0 + BOX_LABEL - 2.0,
            xml(&atlas.node(*compartment).name)
        );
    }
    out
}

/// The structures as boxes and the lines between them, for layout-rs.
fn visual_graph(
    atlas: &Atlas,
    picture: &Picture,
    nodes: &[NodeIndex],
) -> (VisualGraph, HashMap<NodeIndex, NodeHandle>) {
    let dir = Orientation::TopToBottom;
    let mut graph = VisualGraph::new(dir);
    let mut handles = HashMap::new();
    for n in nodes {
        if handles.contains_key(n) {
            continue;
        }
        let s = atlas.node(*n);
        let (_, fill) = kind_style(s.kind);
        let answer = picture.answer.contains(n);
        let shape = ShapeKind::new_box(&wrap(&s.name, 20));
        let look = StyleAttr::new(
            Color::fast(if answer { "#000000" } else { "#666666" }),
            if answer { 3 } else { 1 },
            Some(Color::fast(fill)),
            if matches!(s.kind, crate::graph::model::Kind::Nerve) {
                12
            } else {
                4
            },
            FONT,
        );
        let size = get_shape_size(dir, &shape, FONT, false);
        handles.insert(*n, graph.add_node(Element::create(shape, look, dir, size)));
    }
    // lines in the order of their lower ends, which keeps the nodes' order
    let rank: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut lines: Vec<&super::picture::Line> = picture.lines.iter().collect();
    lines.sort_by_key(|l| {
        let (a, b) = (rank.get(&l.subject), rank.get(&l.object));
        (a.max(b).copied(), a.min(b).copied())
    });
    for line in lines {
        let (Some(&s), Some(&o)) = (handles.get(&line.subject), handles.get(&line.object)) else {
            continue;
        };
        let (color, style) = relation_style(line.relation);
        let look = StyleAttr::new(
            Color::fast(color),
            if style == "bold" { 2 } else { 1 },
            None,
            0,
            FONT - 2,
        );
        let line_style = match style {
            "dashed" => LineStyleKind::Dashed,
            "dotted" => LineStyleKind::Dotted,
            _ => LineStyleKind::Normal,
        };
        let text = line.label.as_deref().unwrap_or("");
        // as in DOT: the object above, the arrow still pointing at it
        let (from, to, start, end) = if line.object_above() {
            (o, s, LineEndKind::Arrow, LineEndKind::None)
        } else {
            (s, o, LineEndKind::None, LineEndKind::Arrow)
        };
        let arrow = Arrow::new(start, end, line_style, text, &look, &None, &None);
        graph.add_edge(arrow, from, to);
    }
    (graph, handles)
}

/// The body of layout-rs's SVG document and its size.
fn inner_svg(doc: &str) -> (String, f64, f64) {
    let attr = |name: &str| {
        doc.split_once(&format!("{name}=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .and_then(|(v, _)| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (width, height) = (attr("width"), attr("height"));
    let body = doc
        .split_once("<svg")
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(_, body)| body)
        .unwrap_or("");
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    (sorted_styles(body), width, height)
}

/// layout-rs writes its font classes in hash order; sorted, the same picture is the
/// same bytes every time.
fn sorted_styles(body: &str) -> String {
    let Some((before, rest)) = body.split_once("<style>\n") else {
        return body.to_string();
    };
    let Some((styles, after)) = rest.split_once("</style>") else {
        return body.to_string();
    };
    let mut lines: Vec<&str> = styles.lines().collect();
    lines.sort_unstable();
    format!("{before}<style>\n{}\n</style>{after}", lines.join("\n"))
}

/// Kinds as filled boxes, the answer's thick border, each relation's line, and what
/// brackets around a root level mean.
fn legend(svg: &mut String, picture: &Picture, with_boxes: bool, top: f64) {
    let mut y = top + MARGIN;
    let x = MARGIN;
    if picture.kinds.is_empty() && picture.relations.is_empty() {
        return;
    }
    let _ = writeln!(
        svg,
        r##"<text x="{x}" y="{}" font-size="12" font-weight="bold" fill="#555555">legend</text>"##,
        y - 4.0
    );
    for kind in &picture.kinds {
        let (_, fill) = kind_style(*kind);
        let _ = writeln!(
            svg,
            r##"<rect x="{x}" y="{}" width="28" height="14" rx="3" fill="{fill}" stroke="#666666"/><text x="{}" y="{}" font-size="11">{}</text>"##,
            y + 2.0,
            x + 36.0,
            y + 13.0,
            kind.noun()
        );
        y += LEGEND_ROW;
    }
    if !picture.answer.is_empty() {
        let _ = writeln!(
            svg,
            r##"<rect x="{x}" y="{}" width="28" height="14" rx="3" fill="#ffffff" stroke="#000000" stroke-width="3"/><text x="{}" y="{}" font-size="11">the answer</text>"##,
            y + 2.0,
            x + 36.0,
            y + 13.0
        );
        y += LEGEND_ROW;
    }
    if with_boxes {
        let _ = writeln!(
            svg,
            r##"<rect x="{x}" y="{}" width="28" height="14" rx="3" fill="#f7f7f7" stroke="#999999" stroke-dasharray="4,3"/><text x="{}" y="{}" font-size="11">a compartment: the muscles in it</text>"##,
            y + 2.0,
            x + 36.0,
            y + 13.0
        );
        y += LEGEND_ROW;
    }
    for relation in &picture.relations {
        let (color, style) = relation_style(*relation);
        // as layout-rs draws them: dotted lines come out dashed, told apart by colour
        let dash = match style {
            "dashed" | "dotted" => r#" stroke-dasharray="5,5""#,
            _ => "",
        };
        let width = if style == "bold" { 2 } else { 1 };
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{}" y2="{}" stroke="{color}" stroke-width="{width}"{dash}/><text x="{}" y="{}" font-size="11" fill="{color}">{}</text>"#,
            y + 9.0,
            x + 28.0,
            y + 9.0,
            x + 36.0,
            y + 13.0,
            relation.forward_name()
        );
        y += LEGEND_ROW;
    }
    if picture.partial_roots {
        let _ = writeln!(
            svg,
            r#"<text x="{x}" y="{}" font-size="11">L4, L5, [S1]: spinal root levels; [S1]: given by only some references</text>"#,
            y + 13.0
        );
    }
}

/// Breaks a long name into lines of about `width` characters, so that a row of
/// answers stays narrow.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split(' ') {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}

/// Escapes text for XML content and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_that_would_take_in_another_structure_is_left_out() {
        let atlas = crate::bundled().unwrap();
        let id = |s: &str| atlas.by_id(s).unwrap_or_else(|| panic!("{s}"));
        let compartment = id("superficial-posterior-compartment-of-leg");
        let (soleus, plantaris, popliteus) = (id("soleus"), id("plantaris"), id("popliteus"));
        let groups = vec![(compartment, vec![soleus, plantaris])];
        let side_by_side: HashMap<NodeIndex, Rect> = [
            (soleus, Rect::new(0.0, 100.0, 80.0, 120.0)),
            (plantaris, Rect::new(100.0, 100.0, 180.0, 120.0)),
            (popliteus, Rect::new(300.0, 100.0, 380.0, 120.0)),
        ]
        .into_iter()
        .collect();
        let drawn = boxes(&atlas, &groups, &side_by_side);
        assert!(drawn.contains("Superficial posterior compartment of leg"));
        // popliteus (deep compartment) between the two: no box
        let mut apart = side_by_side.clone();
        apart.insert(popliteus, Rect::new(90.0, 100.0, 95.0, 120.0));
        apart.insert(plantaris, Rect::new(200.0, 100.0, 280.0, 120.0));
        assert_eq!(boxes(&atlas, &groups, &apart), "");
    }
}
