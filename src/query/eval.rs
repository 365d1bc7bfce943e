//! [`Plan`] → [`Answer`]: traversals over the graph. Never parses, never prints.

use super::budget::{Budget, Stop};
use super::resolve::{PCond, PSet, PTarget, Plan};
use crate::graph::Atlas;
use crate::graph::model::{Direction, Kind, KindSet, Relation};
use fixedbitset::FixedBitSet;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, HashSet, VecDeque};

/// At most this many paths are listed by `paths`.
pub const PATHS_LIMIT: usize = 50;
/// `around` stops growing past this many structures.
pub const AROUND_LIMIT: usize = 500;

/// What a query answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Set(SetAnswer),
    Count(usize),
    Show(NodeIndex),
    /// `None`: the two structures are not connected (through the allowed relations).
    Path {
        from: NodeIndex,
        to: NodeIndex,
        path: Option<Path>,
    },
    Paths {
        from: NodeIndex,
        to: NodeIndex,
        paths: Vec<Path>,
        truncated: bool,
    },
    Why(WhyAnswer),
    Around(Subgraph),
}

/// A set of structures, sorted by name, and what a picture of it should also show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetAnswer {
    pub nodes: Vec<NodeIndex>,
    /// How many matched before `limit`.
    pub total: usize,
    /// The named targets and the structures a `*` passed through on the way to them.
    pub context: Vec<NodeIndex>,
}

/// One step of a path: the fact used and which way it was walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Step {
    pub edge: EdgeIndex,
    pub relation: Relation,
    /// True when walked from subject to object (as the fact is stated).
    pub forward: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub nodes: Vec<NodeIndex>,
    pub steps: Vec<Step>,
}

/// The facts behind `subject relation target`: asserted directly, or inferred through
/// a chain, or not at all.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyAnswer {
    pub subject: NodeIndex,
    pub relation: Relation,
    pub direction: Direction,
    pub target: NodeIndex,
    /// Facts that state it directly (for a root level: the innervation facts listing it).
    pub asserted: Vec<EdgeIndex>,
    /// When not asserted: the first fact, then the facts that put its object under the
    /// target (`branch-of`, `part-of`, `attaches-to`, …), as a path from subject to target.
    pub inferred: Option<Path>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subgraph {
    pub center: Option<NodeIndex>,
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
    pub truncated: bool,
}

/// Runs a plan; `paths` and `around` spend from `budget` and stop when it runs out.
pub fn evaluate(atlas: &Atlas, plan: &Plan, budget: &mut Budget) -> Result<Answer, Stop> {
    let mut ev = Evaluator {
        atlas,
        context: Vec::new(),
    };
    Ok(match plan {
        Plan::Set { expr, limit } => {
            let set = ev.set(expr);
            let mut nodes = sorted(atlas, &set);
            let total = nodes.len();
            if let Some(limit) = limit {
                nodes.truncate(*limit);
            }
            let context = ev.context_for(&nodes);
            Answer::Set(SetAnswer {
                nodes,
                total,
                context,
            })
        }
        Plan::Count { expr, limit } => {
            let n = ev.set(expr).count_ones(..);
            Answer::Count(limit.map_or(n, |l| n.min(l)))
        }
        Plan::Show(n) => Answer::Show(*n),
        Plan::Path { from, to, via } => Answer::Path {
            from: *from,
            to: *to,
            path: shortest_path(atlas, *from, *to, via),
        },
        Plan::Paths { from, to, max, via } => {
            let (paths, truncated) = all_paths(atlas, *from, *to, *max, via, budget)?;
            Answer::Paths {
                from: *from,
                to: *to,
                paths,
                truncated,
            }
        }
        Plan::Why {
            subject,
            relation,
            direction,
            star,
            target,
        } => Answer::Why(why(atlas, *subject, *relation, *direction, *star, *target)),
        Plan::Around { center, depth } => Answer::Around(around(atlas, *center, *depth, budget)?),
    })
}

/// Structures sorted by name (case-insensitive), then id.
fn sorted(atlas: &Atlas, set: &FixedBitSet) -> Vec<NodeIndex> {
    let mut nodes: Vec<NodeIndex> = set.ones().map(NodeIndex::new).collect();
    nodes.sort_by_cached_key(|n| {
        let s = atlas.node(*n);
        (s.name.to_lowercase(), s.id.to_string())
    });
    nodes
}

/// Which way `*` walks from a structure to what lies under it.
pub fn descent_steps(
    atlas: &Atlas,
    node: NodeIndex,
) -> impl Iterator<Item = (EdgeIndex, NodeIndex)> + '_ {
    Relation::ALL
        .into_iter()
        .filter_map(|r| r.descent().map(|d| (r, d)))
        .flat_map(move |(relation, direction)| {
            atlas
                .neighbours(node, relation, direction)
                // a tendon carries its muscle to the bone; a ligament spans two bones
                // and belongs to neither, so a muscle arising from the sacrotuberous
                // ligament does not arise from the ischial tuberosity
                .filter(move |(_, child)| {
                    relation != Relation::AttachesTo || atlas.node(*child).kind == Kind::Tendon
                })
        })
}

/// Everything under `top` (itself included), each with the fact that led to it from
/// the structure above it.
fn descend(atlas: &Atlas, top: NodeIndex) -> Closure {
    let mut seen = HashMap::new();
    seen.insert(top, None);
    let mut queue = VecDeque::from([top]);
    while let Some(n) = queue.pop_front() {
        for (edge, child) in descent_steps(atlas, n) {
            if let std::collections::hash_map::Entry::Vacant(v) = seen.entry(child) {
                v.insert(Some((n, edge)));
                queue.push_back(child);
            }
        }
    }
    seen
}

/// Everything under a structure, each with the structure above it and the fact
/// between them (`None` for the top).
type Closure = HashMap<NodeIndex, Option<(NodeIndex, EdgeIndex)>>;

struct Evaluator<'a> {
    atlas: &'a Atlas,
    /// Named targets and the `*` closures met while evaluating, for pictures.
    context: Vec<(NodeIndex, Closure)>,
}

impl Evaluator<'_> {
    fn empty(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(self.atlas.structure_count())
    }

    fn of_kinds(&self, kinds: KindSet) -> FixedBitSet {
        let mut set = self.empty();
        for k in kinds.iter() {
            for n in self.atlas.of_kind(k) {
                set.insert(n.index());
            }
        }
        set
    }

    fn set(&mut self, expr: &PSet) -> FixedBitSet {
        match expr {
            PSet::Select { kinds, condition } => {
                let universe = self.of_kinds(*kinds);
                match condition {
                    Some(c) => {
                        let mut matched = self.cond(c, &universe);
                        matched.intersect_with(&universe);
                        matched
                    }
                    None => universe,
                }
            }
            PSet::And(a, b) => {
                let mut a = self.set(a);
                a.intersect_with(&self.set(b));
                a
            }
            PSet::Or(a, b) => {
                let mut a = self.set(a);
                a.union_with(&self.set(b));
                a
            }
            PSet::Except(a, b) => {
                let mut a = self.set(a);
                a.difference_with(&self.set(b));
                a
            }
        }
    }

    fn cond(&mut self, cond: &PCond, universe: &FixedBitSet) -> FixedBitSet {
        match cond {
            PCond::Atom {
                relation,
                direction,
                star,
                target,
            } => {
                let targets: Vec<NodeIndex> = match target {
                    PTarget::Node(n) => vec![*n],
                    PTarget::Set(q) => self.set(q).ones().map(NodeIndex::new).collect(),
                };
                self.atom(*relation, *direction, *star, &targets)
            }
            PCond::Not(c) => {
                let mut out = universe.clone();
                out.difference_with(&self.cond(c, universe));
                out
            }
            PCond::And(a, b) => {
                let mut a = self.cond(a, universe);
                a.intersect_with(&self.cond(b, universe));
                a
            }
            PCond::Or(a, b) => {
                let mut a = self.cond(a, universe);
                a.union_with(&self.cond(b, universe));
                a
            }
            PCond::Except(a, b) => {
                let mut a = self.cond(a, universe);
                a.difference_with(&self.cond(b, universe));
                a
            }
        }
    }

    /// The structures `x` with `x relation t` for a target `t` (or, with `*`, anything
    /// under a target).
    fn atom(
        &mut self,
        relation: Relation,
        direction: Direction,
        star: bool,
        targets: &[NodeIndex],
    ) -> FixedBitSet {
        let mut out = self.empty();
        for &top in targets {
            let under: Vec<NodeIndex> = if star {
                let closure = descend(self.atlas, top);
                let nodes = closure.keys().copied().collect();
                self.context.push((top, closure));
                nodes
            } else {
                self.context.push((top, HashMap::from([(top, None)])));
                vec![top]
            };
            for t in under {
                for (_, x) in self.atlas.neighbours(t, relation, direction.flip()) {
                    out.insert(x.index());
                }
                self.root_levels(relation, direction, t, &mut out);
            }
        }
        out
    }

    /// Root levels are attributes of innervation facts: `muscles innervated-by l5` finds
    /// the muscles whose innervation lists L5; `roots innervates soleus` the levels
    /// listed for soleus.
    fn root_levels(
        &self,
        relation: Relation,
        direction: Direction,
        t: NodeIndex,
        out: &mut FixedBitSet,
    ) {
        if relation != Relation::InnervatedBy {
            return;
        }
        match direction {
            Direction::Forward if self.atlas.node(t).kind == Kind::Root => {
                for e in self.atlas.facts_listing_root(t) {
                    out.insert(self.atlas.ends(*e).0.index());
                }
            }
            Direction::Inverse => {
                for (e, _) in self
                    .atlas
                    .neighbours(t, Relation::InnervatedBy, Direction::Forward)
                {
                    for r in &self.atlas.fact(e).roots {
                        out.insert(r.index());
                    }
                }
            }
            Direction::Forward => {}
        }
    }

    /// Targets, plus the chain from each result's neighbour in a closure up to its top.
    fn context_for(&self, results: &[NodeIndex]) -> Vec<NodeIndex> {
        let mut keep: Vec<NodeIndex> = Vec::new();
        let push = |n: NodeIndex, keep: &mut Vec<NodeIndex>| {
            if !keep.contains(&n) && !results.contains(&n) {
                keep.push(n);
            }
        };
        for (top, closure) in &self.context {
            push(*top, &mut keep);
            if closure.len() == 1 {
                continue;
            }
            for r in results {
                for e in self
                    .atlas
                    .graph()
                    .edges_directed(*r, petgraph::Direction::Outgoing)
                    .chain(
                        self.atlas
                            .graph()
                            .edges_directed(*r, petgraph::Direction::Incoming),
                    )
                {
                    let other = if e.source() == *r {
                        e.target()
                    } else {
                        e.source()
                    };
                    let mut at = other;
                    while let Some(Some((parent, _))) = closure.get(&at) {
                        push(at, &mut keep);
                        at = *parent;
                    }
                }
            }
        }
        keep
    }
}

/// Breadth-first over facts in both directions, limited to `via` when given.
fn shortest_path(atlas: &Atlas, from: NodeIndex, to: NodeIndex, via: &[Relation]) -> Option<Path> {
    let mut parent: HashMap<NodeIndex, Option<(NodeIndex, Step)>> = HashMap::from([(from, None)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        for (step, next) in walk(atlas, n, via) {
            if let std::collections::hash_map::Entry::Vacant(v) = parent.entry(next) {
                v.insert(Some((n, step)));
                queue.push_back(next);
            }
        }
    }
    parent.get(&to)?;
    let (mut nodes, mut steps) = (vec![to], Vec::new());
    let mut at = to;
    while let Some(Some((prev, step))) = parent.get(&at) {
        nodes.push(*prev);
        steps.push(*step);
        at = *prev;
    }
    nodes.reverse();
    steps.reverse();
    Some(Path { nodes, steps })
}

/// Every fact at `n` (both directions), as steps to the structure at the other end,
/// without repeating the same relation to the same neighbour twice.
fn walk<'a>(
    atlas: &'a Atlas,
    n: NodeIndex,
    via: &'a [Relation],
) -> impl Iterator<Item = (Step, NodeIndex)> + 'a {
    let g = atlas.graph();
    let out = g
        .edges_directed(n, petgraph::Direction::Outgoing)
        .map(|e| (e, true));
    let inc = g
        .edges_directed(n, petgraph::Direction::Incoming)
        .map(|e| (e, false));
    let mut seen = HashSet::new();
    out.chain(inc).filter_map(move |(e, forward)| {
        let relation = e.weight().relation;
        if !via.is_empty() && !via.contains(&relation) {
            return None;
        }
        let next = if forward { e.target() } else { e.source() };
        seen.insert((relation, forward, next)).then_some((
            Step {
                edge: e.id(),
                relation,
                forward,
            },
            next,
        ))
    })
}

/// Simple paths of at most `max` facts, shortest first, at most [`PATHS_LIMIT`]. Each
/// fact looked at costs a step of `budget`: the search is exponential in `max`.
fn all_paths(
    atlas: &Atlas,
    from: NodeIndex,
    to: NodeIndex,
    max: usize,
    via: &[Relation],
    budget: &mut Budget,
) -> Result<(Vec<Path>, bool), Stop> {
    let mut search = PathSearch {
        atlas,
        to,
        via,
        found: Vec::new(),
        truncated: false,
        budget,
    };
    // iterative deepening keeps the list shortest-first and the limit fair
    for depth in 1..=max {
        let mut path = Path {
            nodes: vec![from],
            steps: Vec::new(),
        };
        search.dfs(depth, &mut path)?;
        if search.truncated {
            break;
        }
    }
    Ok((search.found, search.truncated))
}

/// The state of one `paths` search.
struct PathSearch<'a, 'b> {
    atlas: &'a Atlas,
    to: NodeIndex,
    via: &'a [Relation],
    found: Vec<Path>,
    truncated: bool,
    budget: &'b mut Budget,
}

impl PathSearch<'_, '_> {
    fn dfs(&mut self, depth: usize, path: &mut Path) -> Result<(), Stop> {
        let Some(&at) = path.nodes.last() else {
            return Ok(());
        };
        if path.steps.len() == depth {
            if at == self.to {
                if self.found.len() == PATHS_LIMIT {
                    self.truncated = true;
                } else {
                    self.found.push(path.clone());
                }
            }
            return Ok(());
        }
        if at == self.to {
            return Ok(());
        }
        let steps: Vec<(Step, NodeIndex)> = walk(self.atlas, at, self.via).collect();
        self.budget.spend("paths", steps.len() as u64 + 1)?;
        for (step, next) in steps {
            if self.truncated {
                return Ok(());
            }
            if path.nodes.contains(&next) {
                continue;
            }
            path.nodes.push(next);
            path.steps.push(step);
            self.dfs(depth, path)?;
            path.nodes.pop();
            path.steps.pop();
        }
        Ok(())
    }
}

fn why(
    atlas: &Atlas,
    subject: NodeIndex,
    relation: Relation,
    direction: Direction,
    star: bool,
    target: NodeIndex,
) -> WhyAnswer {
    let mut asserted: Vec<EdgeIndex> = atlas
        .neighbours(subject, relation, direction)
        .filter(|(_, other)| *other == target)
        .map(|(e, _)| e)
        .collect();
    if relation == Relation::InnervatedBy && direction == Direction::Forward {
        asserted.extend(
            atlas
                .neighbours(subject, relation, direction)
                .filter(|(e, _)| atlas.fact(*e).roots.contains(&target))
                .map(|(e, _)| e),
        );
    }
    let mut inferred = None;
    if asserted.is_empty() && star {
        let closure = descend(atlas, target);
        let mut best: Option<Path> = None;
        for (first, object) in atlas.neighbours(subject, relation, direction) {
            if !closure.contains_key(&object) {
                continue;
            }
            let mut nodes = vec![subject, object];
            let mut steps = vec![Step {
                edge: first,
                relation,
                forward: direction == Direction::Forward,
            }];
            let mut at = object;
            while let Some(Some((parent, edge))) = closure.get(&at) {
                let fact = atlas.fact(*edge);
                let (s, _) = atlas.ends(*edge);
                steps.push(Step {
                    edge: *edge,
                    relation: fact.relation,
                    forward: s == at,
                });
                nodes.push(*parent);
                at = *parent;
            }
            if best.as_ref().is_none_or(|b| steps.len() < b.steps.len()) {
                best = Some(Path { nodes, steps });
            }
        }
        inferred = best;
    }
    WhyAnswer {
        subject,
        relation,
        direction,
        target,
        asserted,
        inferred,
    }
}

/// The structures within `depth` facts of `center`, at most [`AROUND_LIMIT`]; each fact
/// looked at costs a step of `budget`.
fn around(
    atlas: &Atlas,
    center: NodeIndex,
    depth: usize,
    budget: &mut Budget,
) -> Result<Subgraph, Stop> {
    let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(center, 0)]);
    let mut order = vec![center];
    let mut queue = VecDeque::from([center]);
    let mut truncated = false;
    'bfs: while let Some(n) = queue.pop_front() {
        let d = dist.get(&n).copied().unwrap_or(depth);
        if d == depth {
            continue;
        }
        for (_, next) in walk(atlas, n, &[]) {
            budget.spend("around", 1)?;
            if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(next) {
                if order.len() == AROUND_LIMIT {
                    truncated = true;
                    break 'bfs;
                }
                v.insert(d + 1);
                order.push(next);
                queue.push_back(next);
            }
        }
    }
    // the centre first, then the rest by name, as in every other listing
    order[1..].sort_by_cached_key(|n| atlas.node(*n).name.to_lowercase());
    let edges = atlas.facts_among(&order);
    Ok(Subgraph {
        center: Some(center),
        nodes: order,
        edges,
        truncated,
    })
}
