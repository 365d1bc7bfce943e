//! What lies "under" a structure for `*`: the branches of a nerve, the parts of a bone,
//! the tendons attached to a landmark. The query's `*` and the clinical reasoning's
//! nerve trees both walk these steps.

use super::Atlas;
use super::model::{Direction, Relation};
use super::{FactId, StructureId};

/// Which way `*` walks from a structure to what lies under it, over standard facts
/// (and the others too with `disputed`), through the relations `only` allows (all
/// descent relations when empty).
pub fn descent_steps<'a>(
    atlas: &'a Atlas,
    node: StructureId,
    disputed: bool,
    only: &'a [Relation],
) -> impl Iterator<Item = (FactId, StructureId)> + 'a {
    descent_steps_by(atlas, node, disputed, Walk::new(only))
}

/// The relations a `*` walk follows, as sets of relations read each way: worked out
/// once per walk, not once per structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    /// Relations read inverse (object → subject) to go down.
    down: u64,
    /// Relations read forward to go down.
    up: u64,
}

impl Walk {
    /// The descent relations among `only` (all of them when it is empty).
    pub fn new(only: &[Relation]) -> Walk {
        let mut walk = Walk { down: 0, up: 0 };
        for r in Relation::ALL {
            if !only.is_empty() && !only.contains(&r) {
                continue;
            }
            match r.info().descent.map(|d| d.direction) {
                Some(Direction::Inverse) => walk.down |= super::adjacency::relation_bit(r),
                Some(Direction::Forward) => walk.up |= super::adjacency::relation_bit(r),
                None => {}
            }
        }
        walk
    }
}

/// [`descent_steps`] with the relations already worked out.
pub fn descent_steps_by(
    atlas: &Atlas,
    node: StructureId,
    disputed: bool,
    walk: Walk,
) -> impl Iterator<Item = (FactId, StructureId)> + '_ {
    // one pass over the node's facts each way, not a look-up per relation
    let inverse = atlas.neighbours_masked(node, walk.down, Direction::Inverse);
    let forward = atlas.neighbours_masked(node, walk.up, Direction::Forward);
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
