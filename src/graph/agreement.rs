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
    /// No standard-quality source, or a connection that fewer than two standard-quality
    /// sources state, beside a rival connection (see `Relation::has_rivals`) to another
    /// structure of the same kind that two or more state.
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
        // when every fact states its standing (an imported graph), there is nothing to
        // weigh: no maps over all the facts
        if graph.edge_weights().all(|f| f.status.is_some()) {
            return Agreement {
                standing: graph
                    .edge_weights()
                    .map(|f| match f.status {
                        Some(Status::Minority) => Standing::Minority,
                        Some(Status::Variant) => Standing::Variant,
                        _ => Standing::Standard,
                    })
                    .collect(),
                support,
                standard_levels: standard_levels(graph, &good),
            };
        }
        // facts joining the same two structures are versions of one connection (they
        // differ in root levels or notes) and pool their sources; connections to other
        // structures are its rivals
        let mut pair: HashMap<(NodeIndex, Relation, NodeIndex), HashSet<u32>> = HashMap::new();
        for e in graph.edge_references() {
            let key = (e.source(), e.weight().relation, e.target());
            pair.entry(key).or_default().extend(good(e.weight()));
        }
        // the best-supported connection of each subject, relation and kind of object
        let mut best: HashMap<(NodeIndex, Relation, Kind), usize> = HashMap::new();
        for ((subject, relation, object), sources) in &pair {
            let b = best
                .entry((*subject, *relation, graph[*object].kind))
                .or_insert(0);
            *b = (*b).max(sources.len());
        }
        let standing = graph
            .edge_references()
            .map(|e| match e.weight().status {
                Some(Status::Standard) => Standing::Standard,
                Some(Status::Minority) => Standing::Minority,
                Some(Status::Variant) => Standing::Variant,
                None => {
                    let own = support[e.id().index()];
                    let relation = e.weight().relation;
                    let joined = pair
                        .get(&(e.source(), relation, e.target()))
                        .map_or(0, HashSet::len);
                    let rival = best
                        .get(&(e.source(), relation, graph[e.target()].kind))
                        .copied()
                        .unwrap_or(0);
                    if own == 0 || (relation.has_rivals() && joined < 2 && rival >= 2) {
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
/// distinct standard-quality sources that give its levels (versions marked minority or
/// variant aside).
fn standard_levels(
    graph: &DiGraph<Structure, Fact>,
    good: &dyn Fn(&Fact) -> Vec<u32>,
) -> HashSet<(NodeIndex, NodeIndex)> {
    // subject → (sources giving levels, root → sources listing it)
    type Tally = (HashSet<u32>, HashMap<NodeIndex, HashSet<u32>>);
    let mut tally: HashMap<NodeIndex, Tally> = HashMap::new();
    for e in graph.edge_references() {
        let f = e.weight();
        // a version the data marks as minority or variant does not vote
        if f.roots.is_empty() || matches!(f.status, Some(Status::Minority | Status::Variant)) {
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

/// Innervation facts, not marked minority or variant, whose root levels are exactly the
/// whole range of their nerve over four or more levels: most likely the nerve's range
/// copied onto the muscle rather than the muscle's own levels.
pub fn levels_copying_nerve_range(graph: &DiGraph<Structure, Fact>) -> Vec<(EdgeIndex, NodeIndex)> {
    let mut out = Vec::new();
    for e in graph.edge_references() {
        let f = e.weight();
        if f.relation != Relation::InnervatedBy
            || f.roots.len() < 4
            || matches!(f.status, Some(Status::Minority | Status::Variant))
            || graph[e.target()].kind != Kind::Nerve
        {
            continue;
        }
        let own: HashSet<NodeIndex> = graph
            .edges_directed(e.target(), petgraph::Direction::Incoming)
            .filter(|r| r.weight().relation == Relation::RootOf)
            .map(|r| r.source())
            .collect();
        let levels: HashSet<NodeIndex> = f.roots.iter().copied().collect();
        if levels == own {
            out.push((e.id(), e.target()));
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
