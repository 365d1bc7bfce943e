//! The handles an atlas gives out for its structures and facts.
//!
//! They are plain numbers: positions in one atlas, not petgraph's index types, so the
//! graph's storage can change without changing what a library user writes. An id is
//! meaningful only in the atlas that gave it out; the accessors that take one from
//! elsewhere return `None` (or, for the infallible ones, a placeholder), never panic.

use petgraph::graph::{EdgeIndex, NodeIndex};

/// A structure of an atlas: what [`crate::Atlas::by_id`], the name index, neighbours and
/// answers give out.
///
/// ```
/// let atlas = fascia_graph::load_files(
///     [("a.toml", "[[source]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"\n\n[[bone]]\nid = \"tibia\"\nname = \"Tibia\"\nsources = [\"s\"]\n")],
///     "example",
/// )?;
/// let tibia = atlas.by_id("tibia").ok_or("no tibia")?;
/// assert_eq!(atlas.structure(tibia).map(|s| &*s.name), Some("Tibia"));
/// // ids are positions: the first structure declared is 0
/// assert_eq!(tibia.index(), 0);
/// assert!(atlas.structure(fascia_graph::StructureId::new(7)).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct StructureId(u32);

/// A fact of an atlas: what neighbours, [`crate::Atlas::facts`] and answers give out.
///
/// ```
/// use fascia_graph::model::{Direction, Relation};
///
/// let data = "[[source]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"\n\n\
///     [[bone]]\nid = \"tibia\"\nname = \"Tibia\"\nsources = [\"s\"]\n\n\
///     [[landmark]]\nid = \"malleolus\"\nname = \"Medial malleolus\"\nsources = [\"s\"]\n\
///     part-of = { id = \"tibia\", sources = [\"s\"] }\n";
/// let atlas = fascia_graph::load_files([("a.toml", data)], "example")?;
/// let malleolus = atlas.by_id("malleolus").ok_or("no malleolus")?;
/// let (fact, whole) = atlas
///     .neighbours(malleolus, Relation::PartOf, Direction::Forward)
///     .next()
///     .ok_or("no part-of fact")?;
/// assert_eq!(atlas.node(whole).name, "Tibia");
/// assert_eq!(atlas.ends(fact), (malleolus, whole));
/// assert_eq!(atlas.fact_at(fact).map(|f| f.relation), Some(Relation::PartOf));
/// assert_eq!(atlas.location(fact).line, 15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FactId(u32);

impl StructureId {
    /// The id at position `index` (structures are numbered from 0 in the order they
    /// were declared). Ids past [`u32::MAX`] name no structure.
    #[inline]
    pub fn new(index: usize) -> StructureId {
        StructureId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// Its position among the atlas's structures, for tables indexed by structure.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// An id no atlas gives out, for a fact's missing end.
    pub(crate) const NONE: StructureId = StructureId(u32::MAX);

    #[inline]
    pub(crate) fn of(node: NodeIndex) -> StructureId {
        StructureId(node.index() as u32)
    }

    #[inline]
    pub(crate) fn node(self) -> NodeIndex {
        NodeIndex::new(self.0 as usize)
    }
}

impl FactId {
    /// The id at position `index` (facts are numbered from 0 in the order they were
    /// stated). Ids past [`u32::MAX`] name no fact.
    #[inline]
    pub fn new(index: usize) -> FactId {
        FactId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// Its position among the atlas's facts, for tables indexed by fact.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    #[inline]
    pub(crate) fn of(edge: EdgeIndex) -> FactId {
        FactId(edge.index() as u32)
    }

    #[inline]
    pub(crate) fn edge(self) -> EdgeIndex {
        EdgeIndex::new(self.0 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_petgraphs_indexes() {
        let n = StructureId::new(41);
        assert_eq!(StructureId::of(n.node()), n);
        assert_eq!(n.index(), 41);
        let e = FactId::new(7);
        assert_eq!(FactId::of(e.edge()), e);
        // an index beyond what fits names nothing, rather than wrapping to a real one
        assert_eq!(StructureId::new(usize::MAX), StructureId::NONE);
    }
}
