//! Answers → bytes. Every format implements [`Render`]; nothing here evaluates.

mod dot;
mod json;
mod picture;
mod scene;
mod svg;
mod text;

pub use dot::Dot;
pub use json::Json;
pub use scene::Scene;
pub use svg::{Engine, Svg};
pub use text::Text;

use crate::graph::Atlas;
use crate::graph::model::{Direction, Fact, Relation};
use crate::query::{Answer, Query};
use std::io::{self, Write};

/// A way to write an answer.
pub trait Render {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Dot,
    Svg,
}

impl Format {
    pub const NAMES: [&'static str; 4] = ["text", "json", "dot", "svg"];

    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "dot" => Some(Format::Dot),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
        }
    }

    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            Format::Text => Box::new(Text),
            Format::Json => Box::new(Json),
            Format::Dot => Box::new(Dot),
            Format::Svg => Box::new(Svg::default()),
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
    fact.roots
        .iter()
        .map(|r| atlas.node(*r).name.to_string())
        .collect()
}

/// The facts of one relation read one way from a structure: each fact with the
/// structure at its other end.
pub(crate) type FactGroup = (
    Relation,
    Direction,
    Vec<(petgraph::graph::EdgeIndex, petgraph::graph::NodeIndex)>,
);

/// A structure's facts grouped by relation as read from it: forward relations first
/// (what it states), then inverse ones (what others state of it), in relation order.
pub(crate) fn grouped_facts(atlas: &Atlas, node: petgraph::graph::NodeIndex) -> Vec<FactGroup> {
    let mut groups = Vec::new();
    for direction in [Direction::Forward, Direction::Inverse] {
        for relation in Relation::ALL {
            let mut facts: Vec<_> = atlas.neighbours(node, relation, direction).collect();
            if facts.is_empty() {
                continue;
            }
            // stable: file order for what the structure states, names for the rest
            if direction == Direction::Inverse {
                facts.sort_by_cached_key(|(_, n)| atlas.node(*n).name.to_lowercase());
            } else {
                facts.sort_by_key(|(e, _)| *e);
            }
            groups.push((relation, direction, facts));
        }
    }
    groups
}
