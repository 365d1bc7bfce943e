//! What lies "under" a structure for `*`: the branches of a nerve, the parts of a bone,
//! the tendons attached to a landmark. The query's `*` and the clinical reasoning's
//! nerve trees both walk these steps.

use super::Atlas;
use super::model::Relation;
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
        .filter_map(|r| r.info().descent.map(|d| (r, d)))
        .flat_map(move |(relation, descent)| {
            atlas
                .neighbours(node, relation, descent.direction)
                .filter(move |(e, _)| disputed || atlas.is_standard(*e))
                // only to the kinds the vocabulary says lie under (tendons, not
                // ligaments, under the bone they attach to)
                .filter(move |(_, child)| descent.to.contains(atlas.node(*child).kind))
        })
}
