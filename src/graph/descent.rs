//! What lies "under" a structure for `*`: the branches of a nerve, the parts of a bone,
//! the tendons attached to a landmark. The query's `*` and the clinical reasoning's
//! nerve trees both walk these steps.

use super::Atlas;
use super::model::{Direction, Relation};
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
    let mut down = [Relation::BranchOf; Relation::ALL.len()];
    let mut up = [Relation::BranchOf; Relation::ALL.len()];
    let (mut nd, mut nu) = (0, 0);
    for r in Relation::ALL {
        if !only.is_empty() && !only.contains(&r) {
            continue;
        }
        match r.info().descent.map(|d| d.direction) {
            Some(Direction::Inverse) => {
                down[nd] = r;
                nd += 1;
            }
            Some(Direction::Forward) => {
                up[nu] = r;
                nu += 1;
            }
            None => {}
        }
    }
    // one pass over the node's facts each way, not a look-up per relation
    let inverse = atlas.neighbours_among(node, &down[..nd], Direction::Inverse);
    let forward = atlas.neighbours_among(node, &up[..nu], Direction::Forward);
    inverse
        .chain(forward)
        .filter(move |(e, _, _)| disputed || atlas.is_standard(*e))
        // only to the kinds the vocabulary says lie under (tendons, not ligaments,
        // under the bone they attach to)
        .filter(move |(_, relation, child)| {
            relation
                .info()
                .descent
                .is_some_and(|d| d.to.contains(atlas.kind(*child)))
        })
        .map(|(e, _, child)| (e, child))
}
