//! Which facts are the standard statement, and which root levels are principal or
//! contributing: decided by the reference canon (see README, "The canon"), or by the
//! data's own judgment where it states one.

use super::model::{
    Direction, Fact, Kind, Relation, Source, SourceId, Status, Structure, Tier, Work,
};
use crate::id::{FactId, StructureId};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How a fact stands among the references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// What the canon teaches (or, where no canon work speaks, the secondary works).
    Standard,
    /// Marked `status = "minority"` in the data, or a rival connection that fewer
    /// canon works state (see `Agreement::compute`).
    Minority,
    /// Marked `status = "variant"` in the data.
    Variant,
    /// No source that counts: only weak ones.
    SingleSource,
}

impl Standing {
    /// The standing's word: `standard`, `minority`, `variant`, `single-source`.
    pub fn word(self) -> &'static str {
        match self {
            Standing::Standard => "standard",
            Standing::Minority => "minority",
            Standing::Variant => "variant",
            Standing::SingleSource => "single-source",
        }
    }
}

/// How much a spinal level counts in a structure's supply, as the texts print it:
/// "C5, C6 (C7)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weight {
    /// A level the references give as principal: C5 and C6 in "C5, C6 (C7)".
    Principal,
    /// A level they give as contributing, printed in parentheses: C7 in "C5, C6 (C7)".
    Contributing,
}

impl Weight {
    /// The weight's word: `principal` or `contributing`.
    pub fn word(self) -> &'static str {
        match self {
            Weight::Principal => "principal",
            Weight::Contributing => "contributing",
        }
    }
}

/// Where a source stands: weak when marked so, else its work's tier; a source of no
/// declared work is secondary.
pub fn tier_of(works: &[Work], sources: &[Source], id: SourceId) -> Tier {
    let Some(s) = sources.get(id.0 as usize) else {
        return Tier::Weak;
    };
    if s.quality == super::model::Quality::Weak {
        return Tier::Weak;
    }
    s.work
        .and_then(|w| works.get(w.0 as usize))
        .map_or(Tier::Secondary, |w| w.tier)
}

/// The distinct works behind some sources, by tier: a work's pages count once, and a
/// source of no declared work is a work of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Works {
    canon: HashSet<u64>,
    secondary: HashSet<u64>,
}

impl Works {
    fn add(&mut self, works: &[Work], sources: &[Source], ids: &[SourceId]) {
        for id in ids {
            let key = match sources.get(id.0 as usize).and_then(|s| s.work) {
                Some(w) => u64::from(w.0),
                None => (1 << 32) | u64::from(id.0),
            };
            match tier_of(works, sources, *id) {
                Tier::Canon => self.canon.insert(key),
                Tier::Secondary => self.secondary.insert(key),
                Tier::Weak => false,
            };
        }
    }

    fn extend(&mut self, other: &Works) {
        self.canon.extend(other.canon.iter().copied());
        self.secondary.extend(other.secondary.iter().copied());
    }

    /// The works of the tier that decides: the canon where it speaks, else the
    /// secondary works.
    fn deciding(&self) -> &HashSet<u64> {
        if self.canon.is_empty() {
            &self.secondary
        } else {
            &self.canon
        }
    }
}

/// Per-fact standing and support, and each subject's root levels with their weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Agreement {
    standing: Vec<Standing>,
    /// Distinct canon and secondary works behind each fact.
    support: Vec<u16>,
    /// `(subject, root)` → the level's weight; a level the references give that is
    /// not here is a minority level.
    levels: HashMap<(StructureId, StructureId), Weight>,
}

impl Agreement {
    /// The rule, in one place:
    ///
    /// - a fact the data marks `standard`, `minority` or `variant` stands so;
    /// - a fact with only weak sources is single-source;
    /// - a fact of a relation whose values compete (`rivals`) is standard when the
    ///   works stating it are more than half as many as those stating its best-supported
    ///   rival, counting canon works where any rival has one, else secondary works; the
    ///   others are minority;
    /// - any other fact is standard.
    pub(crate) fn compute(
        graph: &DiGraph<Structure, Fact>,
        works: &[Work],
        sources: &[Source],
    ) -> Agreement {
        let mut own: Vec<Works> = Vec::with_capacity(graph.edge_count());
        for f in graph.edge_weights() {
            let mut w = Works::default();
            w.add(works, sources, &f.sources);
            own.push(w);
        }
        let support = own
            .iter()
            .map(|w| (w.canon.len() + w.secondary.len()).min(u16::MAX as usize) as u16)
            .collect();
        let levels = root_levels(graph, &own);
        // when every fact states its standing (an imported graph), there is nothing to
        // weigh: no maps over all the facts
        if graph.edge_weights().all(|f| f.status.is_some()) {
            return Agreement {
                standing: graph.edge_weights().map(|f| stated(f.status)).collect(),
                support,
                levels,
            };
        }
        // facts joining the same two structures are versions of one connection (they
        // differ in root levels or notes) and pool their works; connections to other
        // structures of the same kind are its rivals
        let mut groups: HashMap<(NodeIndex, Relation, Kind), HashMap<NodeIndex, Works>> =
            HashMap::new();
        for e in graph.edge_references() {
            if rivals(graph, e.source(), e.target(), e.weight().relation) {
                let key = (e.source(), e.weight().relation, graph[e.target()].kind);
                let pooled = groups
                    .entry(key)
                    .or_default()
                    .entry(e.target())
                    .or_default();
                pooled.extend(&own[e.id().index()]);
            }
        }
        let mut verdicts: HashMap<(NodeIndex, Relation, NodeIndex), Standing> = HashMap::new();
        for ((subject, relation, _), connections) in &groups {
            for (object, standing) in judge_rivals(graph, connections) {
                verdicts.insert((*subject, *relation, object), standing);
            }
        }
        let standing = graph
            .edge_references()
            .map(|e| {
                let f = e.weight();
                if f.status.is_some() {
                    return stated(f.status);
                }
                let mine = &own[e.id().index()];
                if mine.canon.is_empty() && mine.secondary.is_empty() {
                    return Standing::SingleSource;
                }
                verdicts
                    .get(&(e.source(), f.relation, e.target()))
                    .copied()
                    .unwrap_or(Standing::Standard)
            })
            .collect();
        Agreement {
            standing,
            support,
            levels,
        }
    }

    /// How a fact stands; standard for an index these facts do not include.
    pub fn standing(&self, edge: FactId) -> Standing {
        self.standing
            .get(edge.index())
            .copied()
            .unwrap_or(Standing::Standard)
    }

    /// Distinct canon and secondary works behind a fact.
    pub fn support(&self, edge: FactId) -> u16 {
        self.support.get(edge.index()).copied().unwrap_or(0)
    }

    /// The weight of `root` among `subject`'s levels; `None` for a minority level or a
    /// level not given at all.
    pub fn level_weight(&self, subject: StructureId, root: StructureId) -> Option<Weight> {
        self.levels.get(&(subject, root)).copied()
    }

    /// Whether `root` is a principal level of `subject`.
    pub fn is_standard_level(&self, subject: StructureId, root: StructureId) -> bool {
        self.level_weight(subject, root) == Some(Weight::Principal)
    }

    /// Whether some level is contributing rather than principal.
    pub fn has_contributing(&self) -> bool {
        self.levels.values().any(|w| *w == Weight::Contributing)
    }

    /// What a snapshot stores: per fact its standing (its position in
    /// [`Standing::ALL`]) and support; each level with its weight.
    pub(crate) fn parts(&self) -> AgreementParts<'_> {
        AgreementParts {
            standing: &self.standing,
            support: &self.support,
            levels: &self.levels,
        }
    }

    /// An agreement read back from a snapshot; `None` unless there is one standing and
    /// one support per fact.
    pub(crate) fn from_parts(
        facts: usize,
        standing: Vec<Standing>,
        support: Vec<u16>,
        levels: HashMap<(StructureId, StructureId), Weight>,
    ) -> Option<Agreement> {
        (standing.len() == facts && support.len() == facts).then_some(Agreement {
            standing,
            support,
            levels,
        })
    }
}

/// An [`Agreement`]'s contents, borrowed for a snapshot.
pub(crate) struct AgreementParts<'a> {
    pub(crate) standing: &'a [Standing],
    pub(crate) support: &'a [u16],
    pub(crate) levels: &'a HashMap<(StructureId, StructureId), Weight>,
}

impl Standing {
    /// Every standing, in the order a snapshot numbers them.
    pub(crate) const ALL: [Standing; 4] = [
        Standing::Standard,
        Standing::Minority,
        Standing::Variant,
        Standing::SingleSource,
    ];
}

impl Weight {
    /// Both weights, in the order a snapshot numbers them.
    pub(crate) const ALL: [Weight; 2] = [Weight::Principal, Weight::Contributing];
}

fn stated(status: Option<Status>) -> Standing {
    match status {
        Some(Status::Minority) => Standing::Minority,
        Some(Status::Variant) => Standing::Variant,
        _ => Standing::Standard,
    }
}

/// Whether a subject's facts of this relation to two structures of the same kind are
/// rival claims. A muscle lies in one compartment, but a vessel or nerve runs through
/// several spaces, and a muscle of the back that moves the arm lies in both regions:
/// `located-in` has rivals only between the compartments of a muscle.
fn rivals(
    graph: &DiGraph<Structure, Fact>,
    subject: NodeIndex,
    object: NodeIndex,
    relation: Relation,
) -> bool {
    relation.has_rivals()
        && (relation != Relation::LocatedIn
            || (matches!(graph[subject].kind, Kind::Muscle | Kind::MusclePart)
                && graph[object].kind == Kind::Compartment))
}

/// The standing of each connection among its rivals. Connections to structures of one
/// lineage (a nerve and its branch, an artery and what it continues as) agree at
/// different precision and pool their works; the others are rivals. The canon decides
/// where any connection has a canon work, else the secondary works: a connection is
/// standard when its works are more than half as many as its best rival's.
fn judge_rivals(
    graph: &DiGraph<Structure, Fact>,
    connections: &HashMap<NodeIndex, Works>,
) -> Vec<(NodeIndex, Standing)> {
    let objects: Vec<NodeIndex> = connections.keys().copied().collect();
    if objects.len() < 2 {
        return Vec::new();
    }
    let lineage: Vec<HashSet<NodeIndex>> = objects.iter().map(|o| ancestors(graph, *o)).collect();
    let related = |i: usize, j: usize| {
        i == j || lineage[i].contains(&objects[j]) || lineage[j].contains(&objects[i])
    };
    let canon = connections.values().any(|w| !w.canon.is_empty());
    let agreeing: Vec<usize> = (0..objects.len())
        .map(|i| {
            let mut pooled: HashSet<u64> = HashSet::new();
            for j in (0..objects.len()).filter(|j| related(i, *j)) {
                let w = &connections[&objects[j]];
                pooled.extend(if canon { &w.canon } else { &w.secondary });
            }
            pooled.len()
        })
        .collect();
    (0..objects.len())
        .map(|i| {
            let best_rival = (0..objects.len())
                .filter(|j| !related(i, *j))
                .map(|j| agreeing[j])
                .max()
                .unwrap_or(0);
            let n = agreeing[i];
            let standing = if n > 0 && 2 * n > best_rival {
                Standing::Standard
            } else {
                Standing::Minority
            };
            (objects[i], standing)
        })
        .collect()
}

/// What a structure branches from, is part of, continues or drains into, however far
/// up: its lineage.
fn ancestors(graph: &DiGraph<Structure, Fact>, node: NodeIndex) -> HashSet<NodeIndex> {
    let mut seen = HashSet::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        let up = graph
            .edges_directed(n, petgraph::Direction::Outgoing)
            .filter(|e| {
                matches!(
                    e.weight().relation,
                    Relation::BranchOf | Relation::PartOf | Relation::TributaryOf
                )
            })
            .map(|e| e.target())
            .chain(
                graph
                    .edges_directed(n, petgraph::Direction::Incoming)
                    .filter(|e| e.weight().relation == Relation::ContinuesAs)
                    .map(|e| e.source()),
            );
        for u in up {
            if u != node && seen.insert(u) {
                stack.push(u);
            }
        }
    }
    seen
}

/// Every subject's levels with their weights. Each version of a subject's levels (an
/// `innervated-by` or `mediated-by` fact with `roots`), unless the data marks it
/// minority or variant, is a vote of the works behind it; the canon's works decide
/// where any gives levels, else the secondary works. A level is principal when more
/// than half of the deciding works give it as principal; contributing when fewer do,
/// or when they give it only as contributing or through a minor supply; a level only
/// lower tiers give is a minority level.
fn root_levels(
    graph: &DiGraph<Structure, Fact>,
    own: &[Works],
) -> HashMap<(StructureId, StructureId), Weight> {
    // subject → (works giving levels, root → (works giving it as principal, works
    // giving it at all))
    type Votes = HashMap<StructureId, (HashSet<u64>, HashSet<u64>)>;
    let mut tally: HashMap<NodeIndex, (Works, Vec<(EdgeIndex, bool)>)> = HashMap::new();
    for e in graph.edge_references() {
        let f = e.weight();
        if f.roots.is_empty() || matches!(f.status, Some(Status::Minority | Status::Variant)) {
            continue;
        }
        let (all, versions) = tally.entry(e.source()).or_default();
        all.extend(&own[e.id().index()]);
        versions.push((e.id(), f.minor));
    }
    let mut out = HashMap::new();
    for (subject, (all, versions)) in tally {
        let deciding = all.deciding();
        if deciding.is_empty() {
            continue;
        }
        let mut votes: Votes = HashMap::new();
        for (edge, minor) in versions {
            let f = &graph[edge];
            let mine = &own[edge.index()];
            let voters: Vec<u64> = mine
                .canon
                .iter()
                .chain(&mine.secondary)
                .filter(|w| deciding.contains(*w))
                .copied()
                .collect();
            for r in f.principal_roots() {
                let (principal, any) = votes.entry(*r).or_default();
                if !minor {
                    principal.extend(voters.iter().copied());
                }
                any.extend(voters.iter().copied());
            }
            for r in f.contributing_roots() {
                votes
                    .entry(*r)
                    .or_default()
                    .1
                    .extend(voters.iter().copied());
            }
        }
        let subject = StructureId::of(subject);
        for (root, (principal, any)) in votes {
            if 2 * principal.len() > deciding.len() {
                out.insert((subject, root), Weight::Principal);
            } else if !any.is_empty() {
                out.insert((subject, root), Weight::Contributing);
            }
        }
    }
    out
}

/// A muscle's root level that is not among the roots of the nerve its fact names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LevelOutsideNerve {
    /// The innervation fact.
    pub edge: FactId,
    /// The level the nerve's own roots do not include.
    pub root: StructureId,
    /// The nerve the fact names.
    pub nerve: StructureId,
    /// Whether the level is one of the muscle's principal or contributing levels.
    pub standard: bool,
}

/// Every innervation fact whose root levels reach beyond the nerve's own roots (its
/// `has-root`, or those of its nearest ancestors through part-of, branch-of and
/// continuation-of).
pub(crate) fn levels_outside_nerves(
    graph: &DiGraph<Structure, Fact>,
    agreement: &Agreement,
) -> Vec<LevelOutsideNerve> {
    let mut cache: HashMap<NodeIndex, HashSet<StructureId>> = HashMap::new();
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
                    edge: FactId::of(e.id()),
                    root: *r,
                    nerve: StructureId::of(nerve),
                    standard: agreement
                        .level_weight(StructureId::of(e.source()), *r)
                        .is_some(),
                });
            }
        }
    }
    out
}

/// Innervation facts, not marked minority or variant, whose root levels are exactly the
/// whole range of their nerve over four or more levels: most likely the nerve's range
/// copied onto the muscle rather than the muscle's own levels. A fact whose source also
/// gives the muscle levels through another nerve is not flagged.
pub(crate) fn levels_copying_nerve_range(
    graph: &DiGraph<Structure, Fact>,
) -> Vec<(FactId, StructureId)> {
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
        let own: HashSet<StructureId> = graph
            .edges_directed(e.target(), petgraph::Direction::Incoming)
            .filter(|r| r.weight().relation == Relation::RootOf)
            .map(|r| StructureId::of(r.source()))
            .collect();
        let levels: HashSet<StructureId> = f.roots.iter().copied().collect();
        // A reference that gives the muscle levels through other nerves too stated them for
        // the muscle: a collective nerve (the thoracoabdominal nerves, T7–T11) plus the
        // subcostal's T12 is the muscle's own range, not a copy of the nerve's.
        let stated_with_other_nerves = graph
            .edges_directed(e.source(), petgraph::Direction::Outgoing)
            .filter(|o| {
                o.id() != e.id()
                    && o.weight().relation == Relation::InnervatedBy
                    && o.target() != e.target()
                    && !o.weight().roots.is_empty()
            })
            .any(|o| o.weight().sources.iter().any(|s| f.sources.contains(s)));
        if levels == own && !stated_with_other_nerves {
            out.push((FactId::of(e.id()), StructureId::of(e.target())));
        }
    }
    out
}

/// The roots of a nerve, or of the nearest nerves above it that have roots.
fn nerve_roots(graph: &DiGraph<Structure, Fact>, nerve: NodeIndex) -> HashSet<StructureId> {
    let mut level = vec![nerve];
    let mut seen = HashSet::from([nerve]);
    while !level.is_empty() {
        let roots: HashSet<StructureId> = level
            .iter()
            .flat_map(|n| graph.edges_directed(*n, petgraph::Direction::Incoming))
            .filter(|e| e.weight().relation == Relation::RootOf)
            .map(|e| StructureId::of(e.source()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Atlas, load_files};

    /// Works A and B are canon, W secondary; `x`, `y`, `z` are pages of them.
    const WORKS: &str = r#"
[[work]]
id = "a"
title = "Atlas A"
tier = "canon"
urls = ["a.example"]

[[work]]
id = "b"
title = "Text B"
tier = "canon"
urls = ["b.example"]

[[work]]
id = "w"
title = "Encyclopedia W"
tier = "secondary"
urls = ["w.example"]

[[source]]
id = "a1"
title = "A, page 1"
publisher = "A"
url = "https://a.example/1"

[[source]]
id = "a2"
title = "A, page 2"
publisher = "A"
url = "https://www.a.example/2"

[[source]]
id = "b1"
title = "B, page 1"
publisher = "B"
url = "https://b.example/1"

[[source]]
id = "w1"
title = "W, page 1"
publisher = "W"
url = "https://w.example/1"

[[source]]
id = "w2"
title = "W, page 2"
publisher = "W"
url = "https://w.example/2"

[[source]]
id = "copy"
title = "Text B, a copy read elsewhere"
publisher = "a mirror"
url = "https://mirror.example/b"
work = "b"

[[root]]
id = "c5"
name = "C5"
sources = ["a1"]

[[root]]
id = "c6"
name = "C6"
sources = ["a1"]

[[root]]
id = "c7"
name = "C7"
sources = ["a1"]

[[nerve]]
id = "n"
name = "N"
sources = ["a1"]
has-root = ["c5", "c6", "c7"]

[[nerve]]
id = "branch"
name = "Branch of N"
sources = ["a1"]
branch-of = "n"

[[nerve]]
id = "other"
name = "Other nerve"
sources = ["a1"]
has-root = ["c5", "c6", "c7"]
"#;

    fn atlas(muscle: &str) -> Atlas {
        let text = format!(
            "{WORKS}\n[[skin-area]]\nid = \"m\"\nname = \"M\"\nsources = [\"a1\"]\n{muscle}"
        );
        match load_files([("t.toml", text.as_str())], "test") {
            Ok(atlas) => atlas,
            Err(e) => panic!("{e:?}"),
        }
    }

    fn levels(atlas: &Atlas) -> (Vec<String>, Vec<String>) {
        let m = atlas.by_id("m").unwrap_or_else(|| panic!("no m"));
        let (p, c) = atlas.levels_of(m);
        let ids = |v: Vec<StructureId>| v.iter().map(|n| atlas.node(*n).id.to_string()).collect();
        (ids(p), ids(c))
    }

    fn standing(atlas: &Atlas, object: &str) -> Standing {
        let m = atlas.by_id("m").unwrap_or_else(|| panic!("no m"));
        let o = atlas.by_id(object).unwrap_or_else(|| panic!("no {object}"));
        let e = atlas
            .neighbours(m, Relation::InnervatedBy, Direction::Forward)
            .find(|(_, x)| *x == o)
            .map(|(e, _)| e)
            .unwrap_or_else(|| panic!("no fact to {object}"));
        atlas.standing(e)
    }

    #[test]
    fn sources_belong_to_works_by_address_or_by_name() {
        let atlas = atlas("innervated-by = \"n\"");
        let work = |id: &str| {
            let s = atlas.sources().iter().position(|s| s.id == id).unwrap_or(0);
            atlas.work_of(SourceId(s as u32)).map(|w| w.id.to_string())
        };
        assert_eq!(work("a2").as_deref(), Some("a"));
        assert_eq!(work("copy").as_deref(), Some("b"));
        assert_eq!(work("w1").as_deref(), Some("w"));
    }

    #[test]
    fn principal_levels_are_those_most_canon_works_give_and_the_rest_contribute() {
        // A gives C5, C6; B gives C5, C6 (C7); W (secondary) adds C7 as principal
        let atlas = atlas(
            r#"innervated-by = [
  { id = "n", roots = ["c5", "c6"], sources = ["a1"] },
  { id = "n", roots = ["c5", "c6"], contributing = ["c7"], sources = ["b1"] },
  { id = "n", roots = ["c5", "c6", "c7"], sources = ["w1"] },
]"#,
        );
        assert_eq!(
            levels(&atlas),
            (vec!["c5".into(), "c6".into()], vec!["c7".into()])
        );
    }

    #[test]
    fn pages_of_one_work_vote_once_and_secondary_works_decide_only_without_the_canon() {
        // two pages of A against B: one work each, so C7 is contributing
        let split = atlas(
            r#"innervated-by = [
  { id = "n", roots = ["c5", "c6", "c7"], sources = ["a1", "a2"] },
  { id = "n", roots = ["c5", "c6"], sources = ["copy"] },
]"#,
        );
        assert_eq!(
            levels(&split),
            (vec!["c5".into(), "c6".into()], vec!["c7".into()])
        );
        // only secondary works: they decide; a level no work of the deciding tier gives
        // at all is a minority level, left out
        let secondary = atlas(
            r#"innervated-by = [
  { id = "n", roots = ["c6", "c7"], sources = ["w1"] },
]"#,
        );
        assert_eq!(levels(&secondary), (vec!["c6".into(), "c7".into()], vec![]));
    }

    #[test]
    fn a_minor_supply_only_contributes() {
        let atlas = atlas(
            r#"innervated-by = [
  { id = "n", roots = ["c5", "c6"], sources = ["a1", "b1"] },
  { id = "other", roots = ["c7"], minor = true, sources = ["a1", "b1"] },
]"#,
        );
        assert_eq!(
            levels(&atlas),
            (vec!["c5".into(), "c6".into()], vec!["c7".into()])
        );
        assert_eq!(standing(&atlas, "other"), Standing::Standard);
    }

    #[test]
    fn rivals_stated_by_fewer_canon_works_are_minority_but_a_branch_agrees() {
        let atlas = atlas(
            r#"innervated-by = [
  { id = "n", sources = ["a1", "b1"] },
  { id = "branch", sources = ["w1"] },
  { id = "other", sources = ["a2", "w2"] },
]"#,
        );
        assert_eq!(standing(&atlas, "n"), Standing::Standard);
        // the branch of N agrees with N at another precision
        assert_eq!(standing(&atlas, "branch"), Standing::Standard);
        // one canon work against two: fewer than half as many more
        assert_eq!(standing(&atlas, "other"), Standing::Minority);
    }

    #[test]
    fn a_fact_with_only_weak_sources_is_single_source() {
        let text = format!(
            "{WORKS}\n[[source]]\nid = \"blog\"\ntitle = \"Blog\"\npublisher = \"X\"\nquality = \"weak\"\n\n[[skin-area]]\nid = \"m\"\nname = \"M\"\nsources = [\"a1\"]\ninnervated-by = [{{ id = \"n\", sources = [\"blog\"] }}]\n"
        );
        let atlas =
            load_files([("t.toml", text.as_str())], "test").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(standing(&atlas, "n"), Standing::SingleSource);
    }
}
