//! Per-relation adjacency in flat arrays (compressed sparse rows), built once at load
//! next to the petgraph graph, so reading one relation at a node is a slice: no walk
//! along petgraph's linked edge lists, no look at facts of other relations.

use super::model::{Fact, Relation, Structure};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

/// One fact seen from one end: 12 bytes where a petgraph edge with its fact is >100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) relation: u8,
    pub(super) other: u32,
    pub(super) edge: u32,
}

/// The facts at each node in one direction: node `n`'s are
/// `entries[offsets[n]..offsets[n + 1]]`, sorted by relation, then newest fact first
/// (the order petgraph lists them in, so answers keep their order).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Csr {
    pub(super) offsets: Vec<u32>,
    pub(super) entries: Vec<Entry>,
}

impl Csr {
    /// Whether arrays read from a snapshot can be used without a panic or a wrong
    /// slice: one offset per node and one more, starting at 0, never decreasing, ending
    /// at the last entry (one per fact); each entry's relation, node and fact in range,
    /// and each node's entries grouped by relation (what [`Csr::get`]'s search needs).
    fn is_valid(&self, nodes: usize, facts: usize) -> bool {
        self.offsets.len() == nodes + 1
            && self.offsets.first() == Some(&0)
            && self.offsets.last().map(|l| *l as usize) == Some(self.entries.len())
            && self.entries.len() == facts
            && self.offsets.windows(2).all(|w| {
                self.entries
                    .get(w[0] as usize..w[1] as usize)
                    .is_some_and(|es| es.windows(2).all(|p| p[0].relation <= p[1].relation))
            })
            && self.entries.iter().all(|e| {
                (e.relation as usize) < Relation::ALL.len()
                    && (e.other as usize) < nodes
                    && (e.edge as usize) < facts
            })
    }

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
    /// The arrays, for a snapshot: forward, inverse, and the part-of bits.
    pub(super) fn parts(&self) -> (&Csr, &Csr, &[u64]) {
        (&self.forward, &self.inverse, &self.parts)
    }

    /// Adjacency read back from a snapshot of a graph of `nodes` structures and `facts`
    /// facts; `None` if the arrays do not fit it (see [`Csr::is_valid`]).
    pub(super) fn from_parts(
        forward: Csr,
        inverse: Csr,
        parts: Vec<u64>,
        nodes: usize,
        facts: usize,
    ) -> Option<Adjacency> {
        let fits = forward.is_valid(nodes, facts)
            && inverse.is_valid(nodes, facts)
            && parts.len() == nodes.div_ceil(64);
        fits.then_some(Adjacency {
            forward,
            inverse,
            parts,
        })
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> crate::Atlas {
        let mini = include_str!("../../tests/fixtures/mini/mini.toml");
        crate::load_files([("mini.toml", mini)], "mini").unwrap()
    }

    fn arrays(atlas: &crate::Atlas) -> (Csr, Csr, Vec<u64>, usize, usize) {
        let (f, i, p) = atlas.adjacency.parts();
        let (n, e) = (atlas.structure_count(), atlas.fact_count());
        (f.clone(), i.clone(), p.to_vec(), n, e)
    }

    #[test]
    fn arrays_of_a_graph_are_taken_back_as_they_are() {
        let atlas = mini();
        let (f, i, p, n, e) = arrays(&atlas);
        assert_eq!(
            Adjacency::from_parts(f, i, p, n, e).as_ref(),
            Some(&atlas.adjacency)
        );
    }

    #[test]
    fn arrays_that_do_not_fit_the_graph_are_refused() {
        let atlas = mini();
        let (f, i, p, n, e) = arrays(&atlas);
        let refused = |f: Csr, i: Csr, p: Vec<u64>| Adjacency::from_parts(f, i, p, n, e).is_none();
        // a node too many or too few, a fact too many
        assert!(Adjacency::from_parts(f.clone(), i.clone(), p.clone(), n + 1, e).is_none());
        assert!(Adjacency::from_parts(f.clone(), i.clone(), p.clone(), n, e + 1).is_none());
        let mut bad = f.clone();
        bad.offsets[1] = u32::MAX;
        assert!(refused(bad, i.clone(), p.clone()), "offset past the end");
        let mut bad = f.clone();
        let k = bad.offsets.iter().position(|o| *o > 0).unwrap();
        bad.offsets[k - 1] = bad.offsets[k] + 1;
        assert!(refused(bad, i.clone(), p.clone()), "offsets decrease");
        let mut bad = f.clone();
        bad.offsets[0] = 1;
        assert!(refused(bad, i.clone(), p.clone()), "offsets start past 0");
        let mut bad = f.clone();
        bad.entries[0].other = n as u32;
        assert!(refused(bad, i.clone(), p.clone()), "a node out of range");
        let mut bad = i.clone();
        bad.entries[0].edge = e as u32;
        assert!(refused(f.clone(), bad, p.clone()), "a fact out of range");
        let mut bad = f.clone();
        bad.entries[0].relation = Relation::ALL.len() as u8;
        assert!(refused(bad, i.clone(), p.clone()), "no such relation");
        let mut bad = f.clone();
        bad.entries.pop();
        assert!(refused(bad, i.clone(), p.clone()), "an entry short");
        assert!(refused(f.clone(), i.clone(), Vec::new()), "no part-of bits");
        // a node whose entries are not grouped by relation
        let mut bad = f.clone();
        let w = bad
            .offsets
            .windows(2)
            .find(|w| {
                let es = &bad.entries[w[0] as usize..w[1] as usize];
                es.first().map(|e| e.relation) != es.last().map(|e| e.relation)
            })
            .map(|w| (w[0] as usize, w[1] as usize))
            .unwrap();
        bad.entries[w.0..w.1].reverse();
        assert!(refused(bad, i, p), "relations out of order");
    }
}
