//! Which facts are the standard statement: derived from their sources, or the data's own
//! judgment where it states one (see README, "Agreement").

use super::model::{Direction, Fact, Kind, Quality, Relation, Source, Status, Structure};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How a fact stands among the references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    Standard,
    /// Marked `status = "minority"` in the data.
    Minority,
    /// Marked `status = "variant"` in the data.
    Variant,
    /// No standard-quality source, or fewer than two beside a fact of the same subject
    /// and relation that has two or more.
    SingleSource,
}

impl Standing {
    pub fn word(self) -> &'static str {
        match self {
            Standing::Standard => "standard",
            Standing::Minority => "minority",
            Standing::Variant => "variant",
            Standing::SingleSource => "single-source",
        }
    }
}

/// Per-fact standing and support, and each muscle's standard root levels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    standing: Vec<Standing>,
    /// Standard-quality sources behind each fact.
    support: Vec<u16>,
    /// `(subject, root)`: a level that at least half of the sources giving the
    /// subject's levels list.
    standard_levels: HashSet<(NodeIndex, NodeIndex)>,
}

impl Agreement {
    pub fn compute(graph: &DiGraph<Structure, Fact>, sources: &[Source]) -> Agreement {
        let good = |f: &Fact| -> Vec<u32> {
            let mut ids: Vec<u32> = f
                .sources
                .iter()
                .filter(|s| {
                    sources
                        .get(s.0 as usize)
                        .is_some_and(|s| s.quality == Quality::Standard)
                })
                .map(|s| s.0)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let support: Vec<u16> = graph
            .edge_references()
            .map(|e| good(e.weight()).len().min(u16::MAX as usize) as u16)
            .collect();
        // the best support among each subject's facts of each relation
        let mut best: rustc_hash::FxHashMap<(NodeIndex, Relation), u16> = Default::default();
        for e in graph.edge_references() {
            let key = (e.source(), e.weight().relation);
            let s = support[e.id().index()];
            best.entry(key)
                .and_modify(|b| *b = (*b).max(s))
                .or_insert(s);
        }
        let standing = graph
            .edge_references()
            .map(|e| match e.weight().status {
                Some(Status::Standard) => Standing::Standard,
                Some(Status::Minority) => Standing::Minority,
                Some(Status::Variant) => Standing::Variant,
                None => {
                    let own = support[e.id().index()];
                    let rival = best
                        .get(&(e.source(), e.weight().relation))
                        .copied()
                        .unwrap_or(0);
                    if own == 0 || (own < 2 && rival >= 2) {
                        Standing::SingleSource
                    } else {
                        Standing::Standard
                    }
                }
            })
            .collect();
        Agreement {
            standing,
            support,
            standard_levels: standard_levels(graph, &good),
        }
    }

    pub fn standing(&self, edge: EdgeIndex) -> Standing {
        self.standing
            .get(edge.index())
            .copied()
            .unwrap_or(Standing::Standard)
    }

    pub fn support(&self, edge: EdgeIndex) -> u16 {
        self.support.get(edge.index()).copied().unwrap_or(0)
    }

    pub fn is_standard_level(&self, subject: NodeIndex, root: NodeIndex) -> bool {
        self.standard_levels.contains(&(subject, root))
    }
}

/// For every subject that states root levels: the levels listed by at least half of the
/// distinct standard-quality sources that give its levels.
fn standard_levels(
    graph: &DiGraph<Structure, Fact>,
    good: &dyn Fn(&Fact) -> Vec<u32>,
) -> HashSet<(NodeIndex, NodeIndex)> {
    // subject → (sources giving levels, root → sources listing it)
    type Tally = (HashSet<u32>, HashMap<NodeIndex, HashSet<u32>>);
    let mut tally: HashMap<NodeIndex, Tally> = HashMap::new();
    for e in graph.edge_references() {
        let f = e.weight();
        if f.roots.is_empty() {
            continue;
        }
        let (all, per_root) = tally.entry(e.source()).or_default();
        let ids = good(f);
        all.extend(ids.iter().copied());
        for r in &f.roots {
            per_root.entry(*r).or_default().extend(ids.iter().copied());
        }
    }
    let mut out = HashSet::new();
    for (subject, (all, per_root)) in tally {
        for (root, listing) in per_root {
            if !all.is_empty() && 2 * listing.len() >= all.len() {
                out.insert((subject, root));
            }
        }
    }
    out
}

/// A muscle's root level that is not among the roots of the nerve its fact names.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelOutsideNerve {
    pub edge: EdgeIndex,
    pub root: NodeIndex,
    pub nerve: NodeIndex,
    /// Whether the level is one of the muscle's standard levels.
    pub standard: bool,
}

/// Every innervation fact whose root levels reach beyond the nerve's own roots (its
/// `has-root`, or those of its nearest ancestors through part-of, branch-of and
/// continuation-of).
pub fn levels_outside_nerves(
    graph: &DiGraph<Structure, Fact>,
    agreement: &Agreement,
) -> Vec<LevelOutsideNerve> {
    let mut cache: HashMap<NodeIndex, HashSet<NodeIndex>> = HashMap::new();
    let mut out = Vec::new();
    for e in graph.edge_references() {
        let f = e.weight();
        if f.relation != Relation::InnervatedBy
            || f.roots.is_empty()
            || graph[e.target()].kind != Kind::Nerve
        {
            continue;
        }
        let nerve = e.target();
        let roots = cache
            .entry(nerve)
            .or_insert_with(|| nerve_roots(graph, nerve));
        if roots.is_empty() {
            continue;
        }
        for r in &f.roots {
            if !roots.contains(r) {
                out.push(LevelOutsideNerve {
                    edge: e.id(),
                    root: *r,
                    nerve,
                    standard: agreement.is_standard_level(e.source(), *r),
                });
            }
        }
    }
    out
}

/// The roots of a nerve, or of the nearest nerves above it that have roots.
fn nerve_roots(graph: &DiGraph<Structure, Fact>, nerve: NodeIndex) -> HashSet<NodeIndex> {
    let mut level = vec![nerve];
    let mut seen = HashSet::from([nerve]);
    while !level.is_empty() {
        let roots: HashSet<NodeIndex> = level
            .iter()
            .flat_map(|n| graph.edges_directed(*n, petgraph::Direction::Incoming))
            .filter(|e| e.weight().relation == Relation::RootOf)
            .map(|e| e.source())
            .collect();
        if !roots.is_empty() {
            return roots;
        }
        let mut next = Vec::new();
        for n in level {
            for (relation, direction) in [
                (Relation::PartOf, Direction::Forward),
                (Relation::BranchOf, Direction::Forward),
                (Relation::ContinuesAs, Direction::Inverse),
            ] {
                let edges = graph.edges_directed(n, direction.outgoing());
                for e in edges.filter(|e| e.weight().relation == relation) {
                    let up = match direction {
                        Direction::Forward => e.target(),
                        Direction::Inverse => e.source(),
                    };
                    if seen.insert(up) {
                        next.push(up);
                    }
                }
            }
        }
        level = next;
    }
    HashSet::new()
}
