//! SVG pictures that need nothing installed: the answer laid out in rows by
//! [`super::layered`], under the query as title and above a legend, in SVG 1.1 (plain
//! markers, one font family) so that every renderer draws it alike. A compartment's
//! muscles are placed side by side and boxed. Where Graphviz's `dot` is installed it
//! draws the DOT picture instead (it clusters by compartment itself), unless the caller
//! asks for [`Engine::Builtin`]; `dot` runs under a time limit and is killed when it
//! runs out or the query is cancelled.

use super::Render;
use super::dot::{kind_style, relation_style, write_dot};
use super::layered::{Item, Link, Rect, layout};
use super::picture::Picture;
use super::scene::Scene;
use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::{Direction, Kind, Relation};
use crate::query::{Answer, Cancel, Query};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long `dot` may take to lay out one picture by default.
pub const DEFAULT_DOT_TIMEOUT: Duration = Duration::from_secs(20);

/// Who lays the picture out.
#[derive(Debug, Clone, Default)]
pub enum Engine {
    /// Graphviz when `dot` runs, else the built-in layout, within
    /// [`DEFAULT_DOT_TIMEOUT`].
    #[default]
    Auto,
    /// The built-in layout, always.
    Builtin,
    /// Graphviz when `dot` runs, else the built-in layout, within these limits.
    Graphviz(Graphviz),
}

impl Engine {
    /// The same engine, with `dot` (if it runs) stopped when `cancel` is raised.
    pub fn with_cancel(self, cancel: Cancel) -> Engine {
        match self {
            Engine::Builtin => Engine::Builtin,
            Engine::Auto => Engine::Graphviz(Graphviz {
                cancel: Some(cancel),
                ..Graphviz::default()
            }),
            Engine::Graphviz(limits) => Engine::Graphviz(Graphviz {
                cancel: Some(cancel),
                ..limits
            }),
        }
    }
}

/// The limits `dot` runs under: a time limit, and the query's cancel flag (Ctrl-C, a
/// server's deadline). Either one kills it.
#[derive(Debug, Clone)]
pub struct Graphviz {
    /// How long `dot` may run before it is killed.
    pub timeout: Duration,
    /// A flag that kills `dot` when raised; none when `None`.
    pub cancel: Option<Cancel>,
}

impl Default for Graphviz {
    fn default() -> Graphviz {
        Graphviz {
            timeout: DEFAULT_DOT_TIMEOUT,
            cancel: None,
        }
    }
}

/// Why `dot` was stopped; carried inside the [`io::Error`] a render returns (see
/// [`GraphvizStopped::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GraphvizStopped {
    /// `dot` ran past its time limit and was killed.
    #[error("Graphviz's `dot` did not lay the picture out within {} s", .0.as_secs_f64())]
    TimedOut(Duration),
    /// The query was cancelled while `dot` ran; it was killed.
    #[error("query cancelled")]
    Cancelled,
}

impl GraphvizStopped {
    /// The reason a render failed, when it failed because `dot` was stopped.
    pub fn of(error: &io::Error) -> Option<GraphvizStopped> {
        error.get_ref()?.downcast_ref::<GraphvizStopped>().copied()
    }

    fn into_io(self) -> io::Error {
        let kind = match self {
            GraphvizStopped::TimedOut(_) => io::ErrorKind::TimedOut,
            GraphvizStopped::Cancelled => io::ErrorKind::Interrupted,
        };
        io::Error::new(kind, self)
    }
}

/// An SVG picture, laid out by Graphviz's `dot` or by fascia's own layout.
#[derive(Debug, Clone, Default)]
pub struct Svg {
    /// Which layout draws it.
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
        let limits = match &self.engine {
            Engine::Builtin => None,
            Engine::Auto => Some(Graphviz::default()),
            Engine::Graphviz(limits) => Some(limits.clone()),
        };
        if let Some(limits) = limits {
            let mut dot = Vec::new();
            write_dot(atlas, &Picture::of(atlas, scene.clone(), true), &mut dot)?;
            if let Some(svg) = graphviz(&dot, &limits).map_err(GraphvizStopped::into_io)? {
                return out.write_all(&svg);
            }
        }
        let picture = Picture::of(atlas, scene, false);
        out.write_all(builtin(atlas, &picture)?.as_bytes())
    }
}

/// How often a running `dot` is looked at for its end, its time limit and Ctrl-C.
const DOT_POLL: Duration = Duration::from_millis(10);

/// `dot -Tsvg`, if Graphviz is installed and accepts the picture (`None`: the built-in
/// layout draws it); killed when it runs past `limits`.
fn graphviz(dot: &[u8], limits: &Graphviz) -> Result<Option<Vec<u8>>, GraphvizStopped> {
    let Ok(mut child) = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return Ok(None);
    };
    // writing and reading on their own threads: `dot` may fill its output pipe before
    // it has read all of its input, and neither may hold up the clock
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        stop(&mut child);
        return Ok(None);
    };
    let input = dot.to_vec();
    std::thread::spawn(move || stdin.write_all(&input));
    let reader = std::thread::spawn(move || {
        let mut svg = Vec::new();
        io::Read::read_to_end(&mut stdout, &mut svg).map(|_| svg)
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(_) => {
                stop(&mut child);
                return Ok(None);
            }
        }
        if limits.cancel.as_ref().is_some_and(Cancel::is_cancelled) {
            stop(&mut child);
            return Err(GraphvizStopped::Cancelled);
        }
        if start.elapsed() >= limits.timeout {
            stop(&mut child);
            return Err(GraphvizStopped::TimedOut(limits.timeout));
        }
        std::thread::sleep(DOT_POLL);
    };
    let svg = reader.join().ok().and_then(Result::ok);
    Ok(svg.filter(|svg| status.success() && !svg.is_empty()))
}

/// Kills `dot` and reaps it, so no process is left behind.
fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

const FONT: usize = 13;
const TITLE_HEIGHT: f64 = 56.0;
const MARGIN: f64 = 16.0;
const LEGEND_ROW: f64 = 20.0;

/// The picture laid out in rows, framed by a title and a legend.
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

/// The structures and lines laid out in rows (see [`super::layered`]), with the
/// compartments' boxes behind them, and the drawing's width and height.
fn layered(
    atlas: &Atlas,
    picture: &Picture,
    nodes: &[StructureId],
) -> io::Result<(String, f64, f64)> {
    let mut order: Vec<StructureId> = Vec::with_capacity(nodes.len());
    for n in nodes {
        if !order.contains(n) {
            order.push(*n);
        }
    }
    let groups = compartment_groups(atlas, &order);
    let group_of: HashMap<StructureId, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, members))| members.iter().map(move |m| (*m, g)))
        .collect();
    let index: HashMap<StructureId, usize> =
        order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let names: Vec<Vec<String>> = order
        .iter()
        .map(|n| {
            wrap(&atlas.node(*n).name, 18)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .collect();
    let items: Vec<Item> = order
        .iter()
        .zip(&names)
        .map(|(n, lines)| {
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1);
            Item {
                width: (longest as f64 * CHAR_WIDTH + 2.0 * NODE_PAD).ceil(),
                height: lines.len() as f64 * LINE_HEIGHT + NODE_PAD,
                group: group_of.get(n).copied(),
            }
        })
        .collect();
    // each line drawn from the structure above to the one below
    let mut drawn_lines = Vec::new();
    let mut links = Vec::new();
    for line in &picture.lines {
        let (Some(&s), Some(&o)) = (index.get(&line.subject), index.get(&line.object)) else {
            continue;
        };
        if s == o {
            continue;
        }
        let (upper, lower) = if line.object_above() { (o, s) } else { (s, o) };
        links.push(Link { upper, lower });
        drawn_lines.push(line);
    }
    let done = layout(&items, &links, MAX_WIDTH);
    let room = BOX_PAD + BOX_LABEL + 2.0;
    let mut body = String::new();
    let mut colours: Vec<&str> = drawn_lines
        .iter()
        .map(|l| relation_style(l.relation).0)
        .collect();
    colours.sort_unstable();
    colours.dedup();
    // SVG 1.1 markers, one per colour: every renderer draws them
    body.push_str("<defs>\n");
    for (k, colour) in colours.iter().enumerate() {
        let _ = writeln!(
            body,
            r#"<marker id="arrow-{k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>"#
        );
    }
    body.push_str("</defs>\n");
    let _ = writeln!(body, r#"<g transform="translate({room},{room})">"#);
    let rects: HashMap<StructureId, Rect> = order
        .iter()
        .zip(&done.rects)
        .map(|(n, r)| (*n, *r))
        .collect();
    body.push_str(&boxes(atlas, &groups, &rects));
    for (k, line) in drawn_lines.iter().enumerate() {
        lines_path(&mut body, atlas, line, &done.routes[k], &colours);
    }
    for (i, n) in order.iter().enumerate() {
        structure(&mut body, atlas, picture, *n, done.rects[i], &names[i]);
    }
    // labels last, on a white ground, in the band between rows, clear of arrowheads
    for (k, line) in drawn_lines.iter().enumerate() {
        let label = match (&line.label, line.disputed) {
            (Some(l), true) => format!("{l} (disputed)"),
            (Some(l), false) => l.clone(),
            (None, true) => "(disputed)".to_string(),
            (None, false) => continue,
        };
        let (colour, _) = relation_style(line.relation);
        let (x, y) = done.label_at[k];
        let w = label.chars().count() as f64 * LABEL_CHAR_WIDTH + 4.0;
        let _ = writeln!(
            body,
            r##"<g class="label"><rect x="{:.1}" y="{:.1}" width="{w:.1}" height="{LABEL_HEIGHT}" fill="#ffffff" fill-opacity="0.85"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{LABEL_FONT}" fill="{colour}">{}</text></g>"##,
            x - w / 2.0,
            y - LABEL_HEIGHT / 2.0,
            y + 3.5,
            xml(&label)
        );
    }
    body.push_str("</g>\n");
    Ok((body, done.width + 2.0 * room, done.height + 2.0 * room))
}

/// One line as a polyline ending in an arrowhead at its object.
fn lines_path(
    body: &mut String,
    atlas: &Atlas,
    line: &super::picture::Line,
    route: &[(f64, f64)],
    colours: &[&str],
) {
    let (colour, style) = relation_style(line.relation);
    let marker = colours.iter().position(|c| *c == colour).unwrap_or(0);
    // the route runs from the upper structure down; the arrow points at the object
    let mut points = route.to_vec();
    if line.object_above() {
        points.reverse();
    }
    let points: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    let dash = match (line.disputed, style) {
        (true, _) | (_, "dashed") => r#" stroke-dasharray="6,4""#,
        (_, "dotted") => r#" stroke-dasharray="2,3""#,
        _ => "",
    };
    let width = if style == "bold" { 2 } else { 1 };
    let _ = writeln!(
        body,
        r#"<polyline class="line" data-subject="{}" data-object="{}" points="{}" fill="none" stroke="{colour}" stroke-width="{width}"{dash} marker-end="url(#arrow-{marker})"><title>{}</title></polyline>"#,
        xml(&atlas.node(line.subject).id),
        xml(&atlas.node(line.object).id),
        points.join(" "),
        line.relation.forward_name()
    );
}

/// One structure: a box filled by its kind, thick when it is the answer, its name in
/// lines inside.
fn structure(
    body: &mut String,
    atlas: &Atlas,
    picture: &Picture,
    n: StructureId,
    r: Rect,
    name: &[String],
) {
    let s = atlas.node(n);
    let (_, fill) = kind_style(s.kind);
    let (stroke, stroke_width) = if picture.answer.contains(&n) {
        ("#000000", 3)
    } else {
        ("#666666", 1)
    };
    let rx = if s.kind == Kind::Nerve { 12 } else { 4 };
    let _ = write!(
        body,
        r#"<g class="structure" data-id="{}"><title>{} ({})</title><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"/><text text-anchor="middle" font-size="{FONT}">"#,
        xml(&s.id),
        xml(&s.id),
        s.kind.noun(),
        r.x0,
        r.y0,
        r.x1 - r.x0,
        r.y1 - r.y0,
    );
    let cx = (r.x0 + r.x1) / 2.0;
    for (k, line) in name.iter().enumerate() {
        let y = r.y0 + NODE_PAD / 2.0 + LINE_HEIGHT * (k as f64 + 1.0) - 3.5;
        let _ = write!(
            body,
            r#"<tspan x="{cx:.1}" y="{y:.1}">{}</tspan>"#,
            xml(line)
        );
    }
    body.push_str("</text></g>\n");
}

/// The widest a drawing's rows grow before they wrap: a laptop screen's width.
const MAX_WIDTH: f64 = 1000.0;
/// Average widths of a character in the structures' and the labels' fonts.
const CHAR_WIDTH: f64 = 7.0;
const LABEL_CHAR_WIDTH: f64 = 5.6;
const LABEL_FONT: usize = 10;
const LABEL_HEIGHT: f64 = 13.0;
const LINE_HEIGHT: f64 = 15.0;
const NODE_PAD: f64 = 10.0;

const BOX_CLASS: &str = "compartment-box";
/// Room between a box and the structures in it, and above them for its name.
const BOX_PAD: f64 = 8.0;
const BOX_LABEL: f64 = 14.0;

/// Muscles (and heads, by their muscle's compartment) grouped by a compartment that is
/// not itself drawn: what DOT would cluster.
fn compartment_groups(
    atlas: &Atlas,
    nodes: &[StructureId],
) -> Vec<(StructureId, Vec<StructureId>)> {
    let drawn: std::collections::HashSet<StructureId> = nodes.iter().copied().collect();
    let compartment_of = |n: StructureId| {
        atlas
            .neighbours(n, Relation::LocatedIn, Direction::Forward)
            .map(|(_, c)| c)
            .find(|c| atlas.node(*c).kind == Kind::Compartment)
    };
    let mut groups: BTreeMap<StructureId, Vec<StructureId>> = BTreeMap::new();
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
    groups: &[(StructureId, Vec<StructureId>)],
    rects: &HashMap<StructureId, Rect>,
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
        let dash = match style {
            "dashed" => r#" stroke-dasharray="6,4""#,
            "dotted" => r#" stroke-dasharray="2,3""#,
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
        let side_by_side: HashMap<StructureId, Rect> = [
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
