//! What lies "under" a structure for `*`: the branches of a nerve, the parts of a bone,
//! the tendons attached to a landmark. The query's `*` and the clinical reasoning's
//! nerve trees both walk these steps.

use super::Atlas;
use super::model::{Kind, Relation};
use petgraph::graph::{EdgeIndex, NodeIndex};

/// Which way `*` walks from a structure to what lies under it, over standard facts
/// (and the others too with `disputed`), through the relations `only` allows (all
/// descent relations when empty).
pub fn descent_steps<'a>(
    atlas: &'a Atlas,
    node: NodeIndex,
    disputed: bool,
    only: &'a [Relation],
) -> impl Iterator<Item = (EdgeIndex, NodeIndex)> + 'a {
    Relation::ALL
        .into_iter()
        .filter(move |r| only.is_empty() || only.contains(r))
        .filter_map(|r| r.descent().map(|d| (r, d)))
        .flat_map(move |(relation, direction)| {
            atlas
                .neighbours(node, relation, direction)
                .filter(move |(e, _)| disputed || atlas.is_standard(*e))
                // a tendon carries its muscle to the bone; a ligament spans two bones
                // and belongs to neither, so a muscle arising from the sacrotuberous
                // ligament does not arise from the ischial tuberosity
                .filter(move |(_, child)| {
                    relation != Relation::AttachesTo || atlas.node(*child).kind == Kind::Tendon
                })
        })
}
