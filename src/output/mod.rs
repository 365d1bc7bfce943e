//! Answers → bytes. Every format implements [`Render`]; nothing here evaluates.

mod dot;
pub mod json;
mod layered;
mod picture;
mod scene;
mod svg;
mod text;
pub mod wrap;

pub use dot::Dot;
pub use json::Json;
pub use scene::Scene;
pub use svg::{DEFAULT_DOT_TIMEOUT, Engine, Graphviz, GraphvizStopped, Svg};
pub use text::Text;

use crate::graph::Atlas;
use crate::graph::model::{Direction, Fact, Relation};
use crate::query::{Answer, Query};
use std::io::{self, Write};

/// The most structures one picture (DOT or SVG) draws unless the caller says otherwise
/// (the binary reads [`MAX_PICTURE_VAR`]): laying out 100,000 took minutes and gigabytes, and no one reads it.
pub const DEFAULT_MAX_PICTURE: usize = 5_000;
/// The environment variable from which the binary reads the picture limit (structures).
pub const MAX_PICTURE_VAR: &str = "FASCIA_MAX_PICTURE";

/// Whether `answer` drawn as a picture stays within the default picture limit.
pub fn check_picture(
    atlas: &Atlas,
    answer: &Answer,
) -> Result<(), crate::query::error::QueryError> {
    check_picture_within(atlas, answer, DEFAULT_MAX_PICTURE)
}

/// Whether `answer` drawn as a picture stays within `limit` structures; checked before
/// any layout work is done.
pub fn check_picture_within(
    atlas: &Atlas,
    answer: &Answer,
    limit: usize,
) -> Result<(), crate::query::error::QueryError> {
    let structures = Scene::of(atlas, answer, None).nodes.len();
    if structures > limit {
        return Err(crate::query::error::QueryError::PictureTooLarge { structures, limit });
    }
    Ok(())
}

impl Format {
    /// Whether answers in this format are pictures (laid out, and limited in size).
    pub fn is_picture(self) -> bool {
        matches!(self, Format::Dot | Format::Svg)
    }
}

/// A way to write an answer.
pub trait Render {
    /// Writes `answer` to `out`.
    fn render(&self, atlas: &Atlas, answer: &Answer, out: &mut dyn Write) -> io::Result<()>;

    /// Renders the answer to `query`; pictures take the query as their title.
    fn render_query(
        &self,
        atlas: &Atlas,
        query: &Query,
        answer: &Answer,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let _ = query;
        self.render(atlas, answer, out)
    }
}

/// The formats the CLI and REPL offer by name.
///
/// ```
/// use fascia::{Format, render_to_string};
///
/// let atlas = fascia::bundled()?;
/// let (_, answer) = fascia::run(&atlas, "nerves branch-of sciatic")?;
/// let dot = render_to_string(&atlas, &answer, Format::Dot);
/// assert!(dot.starts_with("digraph"));
/// let text = render_to_string(&atlas, &answer, Format::Text);
/// assert!(text.contains("Tibial nerve"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Aligned tables and reference cards, as the command line prints them.
    #[default]
    Text,
    /// JSON for scripts, in the shapes the README documents.
    Json,
    /// A Graphviz graph in DOT.
    Dot,
    /// An SVG picture, laid out by Graphviz's `dot` where it runs, else by fascia.
    Svg,
}

impl Format {
    /// The formats' names, in the order of the variants.
    pub const NAMES: [&'static str; 4] = ["text", "json", "dot", "svg"];

    /// The format a name names, in any case: `json`, `SVG`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "dot" => Some(Format::Dot),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// The format's name: `text`, `json`, `dot`, `svg`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
        }
    }

    /// A renderer for this format, with no width limit and the default picture layout.
    pub fn renderer(self) -> Box<dyn Render> {
        self.renderer_for(None)
    }

    /// A renderer for a terminal `width` columns wide (`None`: no limit, as in a pipe).
    pub fn renderer_for(self, width: Option<usize>) -> Box<dyn Render> {
        self.renderer_with(width, &Engine::Auto)
    }

    /// [`Format::renderer_for`], with SVG pictures laid out by `engine`.
    pub fn renderer_with(self, width: Option<usize>, engine: &Engine) -> Box<dyn Render> {
        match self {
            Format::Text => Box::new(Text { width }),
            Format::Json => Box::new(Json),
            Format::Dot => Box::new(Dot),
            Format::Svg => Box::new(Svg {
                engine: engine.clone(),
            }),
        }
    }
}

/// Renders `answer` in `format` into a string.
pub fn render_to_string(atlas: &Atlas, answer: &Answer, format: Format) -> String {
    let mut buf = Vec::new();
    // writing to a Vec cannot fail
    let _ = format.renderer().render(atlas, answer, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Renders the answer to `query` in `format` into a string.
pub fn render_query_to_string(
    atlas: &Atlas,
    query: &Query,
    answer: &Answer,
    format: Format,
) -> String {
    let mut buf = Vec::new();
    // writing to a Vec cannot fail
    let _ = format
        .renderer()
        .render_query(atlas, query, answer, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// A relation as read from the structure at one end: the forward name from the
/// subject, the inverse name from the object.
pub(crate) fn reading(relation: Relation, forward: bool) -> &'static str {
    relation.name(if forward {
        Direction::Forward
    } else {
        Direction::Inverse
    })
}

/// "S1, S2" for a fact's root levels.
pub(crate) fn root_levels(atlas: &Atlas, fact: &Fact) -> Vec<String> {
    names(atlas, &fact.roots)
}

/// The names of some structures, in the order given.
pub(crate) fn names(atlas: &Atlas, nodes: &[crate::graph::StructureId]) -> Vec<String> {
    nodes
        .iter()
        .map(|r| atlas.node(*r).name.to_string())
        .collect()
}

/// Levels as the texts print them: "C5, C6 (C7)", the contributing ones in parentheses.
pub(crate) fn levels_text(
    atlas: &Atlas,
    principal: &[crate::graph::StructureId],
    contributing: &[crate::graph::StructureId],
) -> String {
    let mut text = names(atlas, principal).join(", ");
    if !contributing.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!("({})", names(atlas, contributing).join(", ")));
    }
    text
}

/// One fact as read from a structure: the fact, the structure at its other end, and
/// the part of the structure that states it (`None` when the structure states it
/// itself).
pub(crate) type ReadFact = (
    crate::graph::FactId,
    crate::graph::StructureId,
    Option<crate::graph::StructureId>,
);

/// The facts of one relation read one way from a structure.
pub(crate) type FactGroup = (Relation, Direction, Vec<ReadFact>);

/// A structure's facts grouped by relation as read from it: forward relations first
/// (what it states), then inverse ones (what others state of it), in relation order.
/// The facts of its parts (a muscle's heads, a nerve's divisions, a vessel's unnamed
/// branches) are facts of the whole, listed after its own with the part named.
pub(crate) fn grouped_facts(atlas: &Atlas, node: crate::graph::StructureId) -> Vec<FactGroup> {
    let parts = constituent_parts(atlas, node);
    let mut groups = Vec::new();
    for direction in [Direction::Forward, Direction::Inverse] {
        for relation in Relation::ALL {
            let mut facts: Vec<ReadFact> = Vec::new();
            for (who, part) in
                std::iter::once((node, None)).chain(parts.iter().map(|p| (*p, Some(*p))))
            {
                if part.is_some() && relation == Relation::PartOf {
                    continue;
                }
                let mut own: Vec<ReadFact> = atlas
                    .neighbours(who, relation, direction)
                    .map(|(e, n)| (e, n, part))
                    .collect();
                // stable: file order for what the structure states, names for the rest
                if direction == Direction::Inverse {
                    own.sort_by_cached_key(|(_, n, _)| atlas.node(*n).name.to_lowercase());
                } else {
                    own.sort_by_key(|(e, _, _)| *e);
                }
                facts.extend(own);
            }
            if !facts.is_empty() {
                groups.push((relation, direction, facts));
            }
        }
    }
    groups
}

/// The parts whose facts a card shows as the whole's: a muscle's heads and parts, and
/// the parts of a nerve, artery or vein; sorted by name. A bone's landmarks are not
/// among them: they have cards of their own and would bury the bone's.
fn constituent_parts(
    atlas: &Atlas,
    node: crate::graph::StructureId,
) -> Vec<crate::graph::StructureId> {
    use crate::graph::model::Kind;
    let kind = atlas.node(node).kind;
    let wanted = |k: Kind| match kind {
        Kind::Muscle => k == Kind::MusclePart,
        Kind::Nerve | Kind::Artery | Kind::Vein => k == kind,
        _ => false,
    };
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(at) = stack.pop() {
        for (_, part) in atlas.neighbours(at, Relation::PartOf, Direction::Inverse) {
            if wanted(atlas.node(part).kind) && !out.contains(&part) && part != node {
                out.push(part);
                stack.push(part);
            }
        }
    }
    out.sort_by_cached_key(|p| atlas.node(*p).name.to_lowercase());
    out
}

/// Sources strongest first: the canon's, then secondary ones, weak ones last, each
/// tier in the order given.
pub(crate) fn ordered_sources(
    atlas: &Atlas,
    sources: &[crate::graph::model::SourceId],
) -> Vec<crate::graph::model::SourceId> {
    let mut out = sources.to_vec();
    out.sort_by_key(|s| atlas.tier(*s));
    out
}
