//! Per-relation adjacency in flat arrays (compressed sparse rows), built once at load
//! next to the petgraph graph, so reading one relation at a node is a slice: no walk
//! along petgraph's linked edge lists, no look at facts of other relations.

use super::model::{Fact, Relation, Structure};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

/// One fact seen from one end: 12 bytes where a petgraph edge with its fact is >100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    relation: u8,
    other: u32,
    edge: u32,
}

/// The facts at each node in one direction: node `n`'s are
/// `entries[offsets[n]..offsets[n + 1]]`, sorted by relation, then newest fact first
/// (the order petgraph lists them in, so answers keep their order).
#[derive(Debug, Clone, Default, PartialEq)]
struct Csr {
    offsets: Vec<u32>,
    entries: Vec<Entry>,
}

impl Csr {
    /// `ends` gives, per edge, the node it is listed at and the node at the other end.
    fn build(
        graph: &DiGraph<Structure, Fact>,
        ends: impl Fn(NodeIndex, NodeIndex) -> (NodeIndex, NodeIndex),
    ) -> Csr {
        let n = graph.node_count();
        let mut offsets = vec![0u32; n + 1];
        for e in graph.edge_references() {
            let (at, _) = ends(e.source(), e.target());
            offsets[at.index() + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let blank = Entry {
            relation: 0,
            other: 0,
            edge: 0,
        };
        let mut entries = vec![blank; graph.edge_count()];
        // newest first within a node, then a stable sort by relation keeps that order
        for (i, e) in graph.raw_edges().iter().enumerate().rev() {
            let (at, other) = ends(e.source(), e.target());
            let slot = &mut fill[at.index()];
            entries[*slot as usize] = Entry {
                relation: e.weight.relation as u8,
                other: other.index() as u32,
                edge: i as u32,
            };
            *slot += 1;
        }
        for w in offsets.windows(2) {
            entries[w[0] as usize..w[1] as usize].sort_by_key(|e| e.relation);
        }
        Csr { offsets, entries }
    }

    #[inline]
    fn get(&self, node: NodeIndex, relation: Relation) -> &[Entry] {
        let i = node.index();
        let (Some(&start), Some(&end)) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return &[];
        };
        let all = &self.entries[start as usize..end as usize];
        let r = relation as u8;
        let lo = all.partition_point(|e| e.relation < r);
        let hi = all.partition_point(|e| e.relation <= r);
        &all[lo..hi]
    }
}

/// The bit of a relation in a set of relations (none past the 64th).
pub(super) fn relation_bit(relation: Relation) -> u64 {
    1u64.checked_shl(relation as u32).unwrap_or(0)
}

/// Adjacency read forward (subject → object) and inverse (object → subject).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Adjacency {
    forward: Csr,
    inverse: Csr,
    /// The structures that state a part-of fact: most state none, and asking this small
    /// set first spares a look into the arrays (a cache miss) per structure answered.
    /// One bit per structure, 64 to a word.
    parts: Vec<u64>,
}

impl Adjacency {
    pub(super) fn build(graph: &DiGraph<Structure, Fact>) -> Adjacency {
        let mut parts = vec![0u64; graph.node_count().div_ceil(64)];
        for e in graph.edge_references() {
            let i = e.source().index();
            if let (Relation::PartOf, Some(word)) = (e.weight().relation, parts.get_mut(i / 64)) {
                *word |= 1 << (i % 64);
            }
        }
        Adjacency {
            forward: Csr::build(graph, |s, o| (s, o)),
            inverse: Csr::build(graph, |s, o| (o, s)),
            parts,
        }
    }

    /// Whether `node` states a part-of fact.
    #[inline]
    pub(super) fn is_part(&self, node: NodeIndex) -> bool {
        let i = node.index();
        self.parts
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    /// Every fact at `node` read forward (`inverse` false) or inverse, grouped by
    /// relation, with its relation and the node at the other end.
    #[inline]
    pub(super) fn all(
        &self,
        node: NodeIndex,
        inverse: bool,
    ) -> impl Iterator<Item = (EdgeIndex, Relation, NodeIndex)> + '_ {
        let csr = if inverse {
            &self.inverse
        } else {
            &self.forward
        };
        let i = node.index();
        let range = match (csr.offsets.get(i), csr.offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        csr.entries[range].iter().filter_map(|e| {
            let relation = *Relation::ALL.get(e.relation as usize)?;
            Some((
                EdgeIndex::new(e.edge as usize),
                relation,
                NodeIndex::new(e.other as usize),
            ))
        })
    }

    /// The facts at `node` read forward (`inverse` false) or inverse whose relation is
    /// in `relations` (bit `r` for the relation at position `r` of [`Relation::ALL`]),
    /// grouped by relation: one pass over the node's facts, for walks that follow
    /// several relations at once.
    #[inline]
    pub(super) fn masked(
        &self,
        node: NodeIndex,
        inverse: bool,
        relations: u64,
    ) -> impl Iterator<Item = (EdgeIndex, Relation, NodeIndex)> + '_ {
        self.all(node, inverse)
            .filter(move |(_, r, _)| relations & relation_bit(*r) != 0)
    }

    /// The facts of `relation` at `node` read forward (`inverse` false) or inverse, with
    /// the node at the other end.
    #[inline]
    pub(super) fn get(
        &self,
        node: NodeIndex,
        relation: Relation,
        inverse: bool,
    ) -> impl ExactSizeIterator<Item = (EdgeIndex, NodeIndex)> + '_ {
        let csr = if inverse {
            &self.inverse
        } else {
            &self.forward
        };
        csr.get(node, relation).iter().map(|e| {
            (
                EdgeIndex::new(e.edge as usize),
                NodeIndex::new(e.other as usize),
            )
        })
    }
}
