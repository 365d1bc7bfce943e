//! [`Plan`] → [`Answer`]: traversals over the graph. Never parses, never prints.

use super::budget::{Budget, Stop};
pub use super::error::SET_WORK;
use super::resolve::{PCond, PSet, PTarget, Plan};
use crate::clinical::{self, Deficit, Ranking};
use crate::graph::Atlas;
pub use crate::graph::descent::descent_steps;
use crate::graph::descent::{Walk, descent_steps_by};
use crate::graph::model::{Direction, Kind, KindSet, Relation};
use crate::graph::{FactId, StructureId};
use fixedbitset::FixedBitSet;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};

/// At most this many paths are listed by `paths`.
pub const PATHS_LIMIT: usize = 50;
/// `around` stops growing past this many structures.
pub const AROUND_LIMIT: usize = 500;

/// What a query answers.
///
/// ```
/// use fascia::Answer;
///
/// let atlas = fascia::bundled()?;
/// let (_, answer) = fascia::run(&atlas, "count muscles innervated-by tibial")?;
/// assert!(matches!(answer, Answer::Count(n) if n > 5));
/// let (_, answer) = fascia::run(&atlas, "show soleus")?;
/// match answer {
///     Answer::Show(node) => assert_eq!(atlas.node(node).name, "Soleus"),
///     other => panic!("not a card: {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Answer {
    /// The structures a set query finds.
    Set(SetAnswer),
    /// How many structures `count` finds.
    Count(usize),
    /// `show soleus`: the structure to describe.
    Show(StructureId),
    /// A bedside sign and the findings it stands for.
    BedsideSign(crate::graph::clinical::SignDef),
    /// `path A to B`: one chain of facts between two structures. `None`: the two
    /// structures are not connected (through the allowed relations).
    Path {
        /// The structure the path starts at.
        from: StructureId,
        /// The structure the path ends at.
        to: StructureId,
        /// The cheapest chain of facts between them, the one that best explains the
        /// connection.
        path: Option<Path>,
    },
    /// `paths A to B max N`: every simple path between two structures, shortest first.
    Paths {
        /// The structure the paths start at.
        from: StructureId,
        /// The structure the paths end at.
        to: StructureId,
        /// The paths found, shortest first; at most [`PATHS_LIMIT`].
        paths: Vec<Path>,
        /// Whether there were more than [`PATHS_LIMIT`] paths, and the rest were left
        /// out.
        truncated: bool,
    },
    /// The facts behind one structure's relation to another.
    Why(WhyAnswer),
    /// A structure's neighbourhood.
    Around(Subgraph),
    /// What a lesion takes away.
    Lesion(Deficit),
    /// Candidate lesions for a set of findings, best first.
    Localize(Ranking),
}

/// A set of structures, sorted by name, and what a picture of it should also show.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct SetAnswer {
    /// The structures found, sorted by name; at most `limit` of them.
    pub nodes: Vec<StructureId>,
    /// For each node: how it answers when it answers only through parts (a muscle
    /// through its head, a fact stated on a division of the nerve asked about).
    pub via: Vec<Vec<Through>>,
    /// How many matched before `limit`.
    pub total: usize,
    /// The named targets and the closures met on the way to them, from which
    /// [`SetAnswer::context`] computes what a picture shows beside the answer.
    pub context: Context,
    /// How many more structures `including disputed` would add (0 when it was given).
    pub more_disputed: usize,
    /// How many more `including contributing` would add: structures for which a root
    /// level of the query is contributing rather than principal.
    pub more_contributing: usize,
    /// The same query with `*` and how many it finds, when that is more than this
    /// answer has (`muscles innervated-by radial` → `muscles innervated-by* radial`).
    pub hint: Option<(String, usize)>,
}

impl SetAnswer {
    /// The named targets and the structures a `*` passed through on the way to them:
    /// what a picture of the answer shows beside it. Computed when asked for (only
    /// pictures ask), not when the query is answered.
    pub fn context(&self, atlas: &Atlas) -> Vec<StructureId> {
        self.context.nodes(atlas, &self.nodes)
    }

    /// What the answer stands on: the targets, and for each structure listed, the parts
    /// of it whose facts (or whose facts' root levels) reach a target or what lies under
    /// it, with the chains that join them, part to whole and division to target. An
    /// export of these, with the facts among them, answers the query again.
    pub fn grounds(&self, atlas: &Atlas) -> Vec<StructureId> {
        self.context.grounds(atlas, &self.nodes)
    }
}

/// The targets of a set query, each with what lies under it: enough to compute the
/// context of a picture later, for the structures finally listed.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Context {
    closures: Vec<(StructureId, Closure)>,
}

impl Context {
    /// Targets, plus the chain from each result's neighbour in a closure up to its top.
    /// Membership goes through hash sets and each closure's chains are walked once, so
    /// a listed answer of thousands costs about what counting it does.
    fn nodes(&self, atlas: &Atlas, results: &[StructureId]) -> Vec<StructureId> {
        let answered: FxHashSet<StructureId> = results.iter().copied().collect();
        let mut kept = FxHashSet::default();
        let mut keep: Vec<StructureId> = Vec::new();
        let mut push = |n: StructureId, keep: &mut Vec<StructureId>| {
            if !answered.contains(&n) && kept.insert(n) {
                keep.push(n);
            }
        };
        for (top, closure) in &self.closures {
            push(*top, &mut keep);
            if closure.len() == 1 {
                continue;
            }
            let parents = closure.parents();
            // a chain met before in this closure has been walked up to its top
            let mut walked = FxHashSet::default();
            for r in results {
                // the compact arrays, not petgraph's edge lists: thousands of answers
                // meant a cache miss per fact
                let facts = atlas.facts_at(*r, Direction::Forward);
                let facts = facts
                    .into_iter()
                    .chain(atlas.facts_at(*r, Direction::Inverse));
                for (_, _, other) in facts {
                    let mut at = other;
                    while let Some(parent) = parents.get(&at) {
                        if !walked.insert(at) {
                            break;
                        }
                        push(at, &mut keep);
                        at = *parent;
                    }
                }
            }
        }
        keep
    }
}

impl Context {
    /// See [`SetAnswer::grounds`].
    fn grounds(&self, atlas: &Atlas, results: &[StructureId]) -> Vec<StructureId> {
        let mut kept = FxHashSet::default();
        let mut keep = Vec::new();
        let mut push = |n: StructureId, keep: &mut Vec<StructureId>| {
            if kept.insert(n) {
                keep.push(n);
            }
        };
        for (top, closure) in &self.closures {
            push(*top, &mut keep);
            let parents = closure.parents();
            for r in results {
                // each part below the result, with the whole it was reached from
                let mut above: FxHashMap<StructureId, StructureId> = FxHashMap::default();
                let mut stack = vec![*r];
                while let Some(p) = stack.pop() {
                    let facts = atlas
                        .facts_at(p, Direction::Forward)
                        .into_iter()
                        .chain(atlas.facts_at(p, Direction::Inverse));
                    for (e, _, other) in facts {
                        let mut reached: Vec<StructureId> = Vec::new();
                        if closure.contains(other) {
                            reached.push(other);
                        }
                        // a root level under the target, listed by the fact
                        let roots = atlas.fact(e).roots.iter();
                        reached.extend(roots.filter(|x| closure.contains(**x)).copied());
                        if reached.is_empty() {
                            continue;
                        }
                        push(other, &mut keep);
                        let mut at = p;
                        push(at, &mut keep);
                        while let Some(whole) = above.get(&at) {
                            at = *whole;
                            push(at, &mut keep);
                        }
                        for x in reached {
                            let mut at = x;
                            push(at, &mut keep);
                            while let Some(parent) = parents.get(&at) {
                                at = *parent;
                                push(at, &mut keep);
                            }
                        }
                    }
                    for (_, part) in atlas.neighbours(p, Relation::PartOf, Direction::Inverse) {
                        if part != *r && !above.contains_key(&part) {
                            above.insert(part, p);
                            stack.push(part);
                        }
                    }
                }
            }
        }
        keep
    }
}

/// One way a structure answers through parts: the part of the answer that states the
/// fact (`None`: the answer itself) and the part of the target the fact reaches
/// (`None`: the target itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Through {
    /// The part of the answer that states the fact; `None`: the answer itself.
    pub part: Option<StructureId>,
    /// The part of the target the fact reaches; `None`: the target itself.
    pub reaching: Option<StructureId>,
    /// The supply is a minor share (a twig to a small part of the structure).
    pub minor: bool,
}

impl Through {
    /// The structures named, part first.
    pub fn nodes(&self) -> impl Iterator<Item = StructureId> {
        self.part.into_iter().chain(self.reaching)
    }
}

/// One step of a path: the fact used and which way it was walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Step {
    /// The fact.
    pub edge: FactId,
    /// Its relation.
    pub relation: Relation,
    /// True when walked from subject to object (as the fact is stated).
    pub forward: bool,
}

/// A chain of facts between two structures, in either direction.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Path {
    /// The structures along the path, from its start to its end.
    pub nodes: Vec<StructureId>,
    /// The facts between them, one fewer than the structures: `steps[i]` joins
    /// `nodes[i]` to `nodes[i + 1]`.
    pub steps: Vec<Step>,
}

/// The facts behind `subject relation target`: asserted directly, or inferred through
/// a chain, or not at all.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WhyAnswer {
    /// The structure asked about.
    pub subject: StructureId,
    /// The relation asked about.
    pub relation: Relation,
    /// Which way the relation was read: forward (`inserts-into`) or inverse.
    pub direction: Direction,
    /// The structure at its other end.
    pub target: StructureId,
    /// Facts that state it directly (for a root level: the innervation facts listing it).
    pub asserted: Vec<FactId>,
    /// When not asserted: the first fact, then the facts that put its object under the
    /// target (`branch-of`, `part-of`, `attaches-to`, …), as a path from subject to target.
    pub inferred: Option<Path>,
}

/// A structure's neighbourhood, for `around`: the structures within a depth and the
/// facts among them.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Subgraph {
    /// The structure at the centre (`None` only in an empty subgraph).
    pub center: Option<StructureId>,
    /// The structures, the centre first and the others by name; at most
    /// [`AROUND_LIMIT`].
    pub nodes: Vec<StructureId>,
    /// Every fact among them.
    pub edges: Vec<FactId>,
    /// Whether the neighbourhood grew past [`AROUND_LIMIT`] and the rest was left out.
    pub truncated: bool,
}

/// Runs a plan, spending from `budget` for every structure and fact looked at, and
/// stopping when it runs out or is cancelled.
pub fn evaluate(atlas: &Atlas, plan: &Plan, budget: &mut Budget) -> Result<Answer, Stop> {
    Ok(match plan {
        Plan::Set {
            expr,
            disputed,
            contributing,
            limit,
        } => {
            let mut meter = Meter::new(budget, SET_WORK);
            let flags = (*disputed, *contributing);
            Answer::Set(set_answer(atlas, expr, flags, *limit, &mut meter)?)
        }
        Plan::Count {
            expr,
            disputed,
            contributing,
            limit,
        } => {
            let mut meter = Meter::new(budget, "count");
            let n = Evaluator::new(atlas, *disputed)
                .with_contributing(*contributing)
                .answer(expr, &mut meter)?
                .count();
            Answer::Count(limit.map_or(n, |l| n.min(l)))
        }
        Plan::Show(n) => Answer::Show(*n),
        Plan::BedsideSign(sign) => Answer::BedsideSign(sign.clone()),
        Plan::Path { from, to, via } => Answer::Path {
            from: *from,
            to: *to,
            path: shortest_path(atlas, *from, *to, via, &mut Meter::new(budget, "path"))?,
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
        } => {
            let mut meter = Meter::new(budget, "why");
            let asked = (*subject, *relation, *direction, *star, *target);
            Answer::Why(why(atlas, asked, &mut meter)?)
        }
        Plan::Around { center, depth } => Answer::Around(around(atlas, *center, *depth, budget)?),
        Plan::Lesion { lesion, disputed } => {
            let spend = |steps| budget.spend("lesion", steps);
            Answer::Lesion(clinical::lesion_within(atlas, lesion, *disputed, spend)?)
        }
        Plan::Localize { findings, disputed } => {
            let spend = |steps| budget.spend("localize", steps);
            Answer::Localize(clinical::localize_within(
                atlas, findings, *disputed, spend,
            )?)
        }
    })
}

/// The budget of one evaluation, with the name its work stops under.
struct Meter<'b> {
    budget: &'b mut Budget,
    what: &'static str,
}

impl<'b> Meter<'b> {
    fn new(budget: &'b mut Budget, what: &'static str) -> Meter<'b> {
        Meter { budget, what }
    }

    #[inline]
    fn spend(&mut self, steps: usize) -> Result<(), Stop> {
        self.budget.spend(self.what, steps as u64)
    }
}

/// A set query's answer: the structures (sorted, at most `limit`), how each answers,
/// and what `including disputed` / `including contributing` would add.
fn set_answer(
    atlas: &Atlas,
    expr: &PSet,
    (disputed, contributing): (bool, bool),
    limit: Option<usize>,
    meter: &mut Meter<'_>,
) -> Result<SetAnswer, Stop> {
    let mut ev = Evaluator::new(atlas, disputed)
        .with_contributing(contributing)
        .with_territory();
    let set = ev.answer(expr, meter)?;
    // sorting and the ways each answers: a few steps per structure listed
    meter.spend(set.count())?;
    let mut nodes = sorted(atlas, &set);
    let total = nodes.len();
    if let Some(limit) = limit {
        nodes.truncate(limit);
    }
    let minor = MinorShare::new(atlas, expr, disputed, meter)?;
    meter.spend(nodes.len())?;
    let via = nodes
        .iter()
        .map(|n| {
            let mut via = ev.via_of(*n);
            if minor.as_ref().is_some_and(|m| m.of(*n)) {
                via.push(Through {
                    part: None,
                    reaching: None,
                    minor: true,
                });
            }
            via
        })
        .collect();
    // a level's contributing muscles, when the query reads root levels at all
    let weighted = if disputed || contributing || !atlas.has_contributing() || !reads_levels(expr) {
        None
    } else {
        let mut all = Evaluator::new(atlas, false)
            .with_contributing(true)
            .answer(expr, meter)?;
        all.union_with(&set);
        Some(all)
    };
    let more_contributing = weighted.as_ref().map_or(0, |w| w.count() - set.count());
    // with nothing disputed in the data, counting again would find nothing more;
    // what `including contributing` adds is not counted twice
    let more_disputed = if disputed || !atlas.has_disputed() {
        0
    } else {
        let mut all = Evaluator::new(atlas, true).answer(expr, meter)?;
        all.difference_with(weighted.as_ref().unwrap_or(&set));
        all.count()
    };
    Ok(SetAnswer {
        nodes,
        via,
        total,
        context: Context {
            closures: ev.context,
        },
        more_disputed,
        more_contributing,
        hint: None,
    })
}

/// A set of structures: a short sorted list while small (most answers are a few
/// structures, and a bitset the size of the graph would be cleared and scanned for
/// them), a bitset over the graph once it grows.
#[derive(Debug, Clone)]
struct NodeSet {
    /// The graph's size, for the bitset.
    capacity: usize,
    small: Vec<u32>,
    bits: Option<FixedBitSet>,
}

/// Past this many structures, a set keeps a bitset.
const SMALL_SET: usize = 64;

impl NodeSet {
    fn new() -> NodeSet {
        NodeSet::with_capacity(0)
    }

    fn with_capacity(capacity: usize) -> NodeSet {
        NodeSet {
            capacity,
            small: Vec::new(),
            bits: None,
        }
    }

    fn grow(&mut self) {
        let mut bits = FixedBitSet::with_capacity(self.capacity);
        for i in self.small.drain(..) {
            bits.grow(i as usize + 1);
            bits.insert(i as usize);
        }
        self.bits = Some(bits);
    }

    #[inline]
    fn insert(&mut self, i: usize) {
        if let Some(bits) = &mut self.bits {
            bits.grow(i + 1);
            bits.insert(i);
            return;
        }
        let v = i as u32;
        if let Err(at) = self.small.binary_search(&v) {
            self.small.insert(at, v);
            if self.small.len() > SMALL_SET {
                self.grow();
            }
        }
    }

    fn contains(&self, i: usize) -> bool {
        match &self.bits {
            Some(bits) => bits.contains(i),
            None => self.small.binary_search(&(i as u32)).is_ok(),
        }
    }

    fn set(&mut self, i: usize, on: bool) {
        if on {
            self.insert(i);
        } else if let Some(bits) = &mut self.bits {
            if i < bits.len() {
                bits.set(i, false);
            }
        } else if let Ok(at) = self.small.binary_search(&(i as u32)) {
            self.small.remove(at);
        }
    }

    /// The members in increasing order.
    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        let small = self.small.iter().map(|i| *i as usize);
        let bits = self.bits.iter().flat_map(|b| b.ones());
        small.chain(bits)
    }

    fn count(&self) -> usize {
        match &self.bits {
            Some(bits) => bits.count_ones(..),
            None => self.small.len(),
        }
    }

    /// The work of combining with this set: its members while a list, its words (64
    /// structures each) once a bitset.
    fn cost(&self) -> usize {
        match &self.bits {
            Some(bits) => 1 + bits.len() / 64,
            None => 1 + self.small.len(),
        }
    }

    fn intersect_with(&mut self, other: &NodeSet) {
        match (&mut self.bits, &other.bits) {
            (Some(a), Some(b)) => a.intersect_with(b),
            (Some(a), None) => {
                let kept: Vec<u32> = other
                    .small
                    .iter()
                    .copied()
                    .filter(|i| a.contains(*i as usize))
                    .collect();
                self.small = kept;
                self.bits = None;
            }
            (None, _) => self.small.retain(|i| other.contains(*i as usize)),
        }
    }

    fn union_with(&mut self, other: &NodeSet) {
        match (&mut self.bits, &other.bits) {
            (Some(a), Some(b)) => {
                a.grow(b.len());
                a.union_with(b);
            }
            (None, Some(b)) => {
                let mut b = b.clone();
                for i in &self.small {
                    b.grow(*i as usize + 1);
                    b.insert(*i as usize);
                }
                self.small.clear();
                self.bits = Some(b);
            }
            (_, None) => {
                for i in &other.small {
                    self.insert(*i as usize);
                }
            }
        }
    }

    fn difference_with(&mut self, other: &NodeSet) {
        match (&mut self.bits, &other.bits) {
            (Some(a), Some(b)) => a.difference_with(b),
            (Some(a), None) => {
                for i in &other.small {
                    if (*i as usize) < a.len() {
                        a.set(*i as usize, false);
                    }
                }
            }
            (None, _) => self.small.retain(|i| !other.contains(*i as usize)),
        }
    }
}

/// Structures sorted by name (case-insensitive), then id.
fn sorted(atlas: &Atlas, set: &NodeSet) -> Vec<StructureId> {
    let mut keyed: Vec<(Cow<'_, str>, StructureId)> = set
        .ones()
        .map(StructureId::new)
        .map(|n| (lowercase(&atlas.node(n).name), n))
        .collect();
    keyed.sort_unstable_by(|(a, m), (b, n)| {
        a.cmp(b)
            .then_with(|| atlas.node(*m).id.as_str().cmp(atlas.node(*n).id.as_str()))
    });
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// `text` in lower case, borrowed when it already is (most names), so that sorting a
/// large answer does not allocate a string per structure.
fn lowercase(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() {
        Cow::Owned(text.to_lowercase())
    } else if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// Everything under `top` (itself included), each with the fact that led to it from
/// the structure above it; a step of work per structure and per fact followed.
fn descend(
    atlas: &Atlas,
    top: StructureId,
    disputed: bool,
    only: &[Relation],
    meter: &mut Meter<'_>,
) -> Result<Closure, Stop> {
    let mut closure = Closure::of(top);
    let walk = Walk::new(only);
    // breadth first: the closure's own list is the queue
    let mut next = 0;
    while let Some(&(n, _)) = closure.order.get(next) {
        next += 1;
        let mut looked = 1;
        for (edge, child) in descent_steps_by(atlas, n, disputed, walk) {
            looked += 1;
            if !closure.contains(child) {
                closure.push(child, (n, edge), atlas.structure_count());
            }
        }
        meter.spend(looked)?;
    }
    Ok(closure)
}

/// Everything under a structure in the order reached, each with the structure above
/// it and the fact between them (`None` for the top). Membership is a scan while the
/// closure is small (most are one structure) and a bitset over the graph once it grows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closure {
    order: Vec<(StructureId, Option<(StructureId, FactId)>)>,
    member: FixedBitSet,
}

impl Closure {
    /// Past this many structures, membership is kept in a bitset.
    const SCAN: usize = 16;

    fn of(top: StructureId) -> Closure {
        Closure {
            order: vec![(top, None)],
            member: FixedBitSet::new(),
        }
    }

    fn len(&self) -> usize {
        self.order.len()
    }

    fn contains(&self, n: StructureId) -> bool {
        if self.member.is_empty() {
            self.order.iter().any(|(m, _)| *m == n)
        } else {
            self.member.contains(n.index())
        }
    }

    /// Adds `n`, reached from a structure by a fact; `count` is the graph's size.
    fn push(&mut self, n: StructureId, from: (StructureId, FactId), count: usize) {
        if self.member.is_empty() && self.order.len() >= Self::SCAN {
            self.member = FixedBitSet::with_capacity(count);
            for (m, _) in &self.order {
                self.member.grow_and_insert(m.index());
            }
        }
        if !self.member.is_empty() {
            self.member.grow_and_insert(n.index());
        }
        self.order.push((n, Some(from)));
    }

    /// The structures, top first.
    fn nodes(&self) -> impl Iterator<Item = StructureId> + '_ {
        self.order.iter().map(|(n, _)| *n)
    }

    /// The structure above each one and the fact between them (none for the top).
    fn steps(&self) -> FxHashMap<StructureId, (StructureId, FactId)> {
        self.order
            .iter()
            .filter_map(|(n, from)| from.map(|f| (*n, f)))
            .collect()
    }

    /// The structure above each one.
    fn parents(&self) -> FxHashMap<StructureId, StructureId> {
        self.order
            .iter()
            .filter_map(|(n, from)| from.map(|(p, _)| (*n, p)))
            .collect()
    }
}

struct Evaluator<'a> {
    atlas: &'a Atlas,
    /// Whether minority, variant and single-source facts count.
    disputed: bool,
    /// Whether contributing root levels count as well as principal ones.
    contributing: bool,
    /// Named targets and the `*` closures met while evaluating, for pictures.
    context: Vec<(StructureId, Closure)>,
    /// Structures that answered only through parts, with those parts.
    via: FxHashMap<StructureId, Vec<Through>>,
    /// Structures that answered through a fact of their own about the target itself.
    direct: FxHashSet<StructureId>,
    /// A buffer for the structures a hit answers as, kept between hits.
    wholes: Vec<StructureId>,
    /// Each part's wholes of another kind than a given one, once worked out.
    wholes_memo: FxHashMap<(StructureId, Kind), std::rc::Rc<[StructureId]>>,
    /// Whether a `*` over innervation or supply records the branch each answer is
    /// reached through (for a listed answer's `through`; a count needs none).
    territory: bool,
}

/// The relations that keep a `*` over a hierarchy within it: `arteries branch-of*
/// femoral` is the femoral artery's whole tree, its continuation included.
const TREE: [Relation; 2] = [Relation::ContinuesAs, Relation::PartOf];

impl Evaluator<'_> {
    fn new(atlas: &Atlas, disputed: bool) -> Evaluator<'_> {
        Evaluator {
            atlas,
            // with nothing disputed in the data every fact and level is standard: the
            // walks need not look each one up (a cache miss per fact)
            disputed: disputed || !atlas.has_disputed(),
            contributing: false,
            context: Vec::new(),
            via: FxHashMap::default(),
            direct: FxHashSet::default(),
            wholes: Vec::new(),
            wholes_memo: FxHashMap::default(),
            territory: false,
        }
    }

    /// Records, for `*` over innervation and supply, the branch each answer is reached
    /// through (`Extensor indicis` through the posterior interosseous nerve).
    fn with_territory(mut self) -> Self {
        self.territory = true;
        self
    }

    /// Notes that `y` answers a `*` over a territory through `t` (or its part `x`).
    fn through_branch(&mut self, y: StructureId, x: StructureId, t: StructureId, top: StructureId) {
        if y == x && t == top {
            self.direct.insert(y);
        } else {
            self.via.entry(y).or_default().push(Through {
                part: (y != x).then_some(x),
                reaching: (t != top).then_some(t),
                minor: false,
            });
        }
    }

    fn with_contributing(mut self, contributing: bool) -> Self {
        self.contributing = contributing;
        self
    }

    /// Whether `root` counts among `subject`'s levels in this evaluation.
    fn level_counts(&self, subject: StructureId, root: StructureId) -> bool {
        match self.atlas.level_weight(subject, root) {
            _ if self.disputed => true,
            Some(crate::graph::agreement::Weight::Principal) => true,
            Some(crate::graph::agreement::Weight::Contributing) => self.contributing,
            None => false,
        }
    }

    fn empty(&self) -> NodeSet {
        NodeSet::with_capacity(self.atlas.structure_count())
    }

    fn of_kinds(&self, kinds: KindSet, meter: &mut Meter<'_>) -> Result<NodeSet, Stop> {
        let mut set = self.empty();
        for k in kinds.iter() {
            let of_kind = self.atlas.of_kind(k);
            meter.spend(of_kind.len())?;
            for n in of_kind {
                set.insert(n.index());
            }
        }
        Ok(set)
    }

    /// A subquery's answer as the target of a relation: a whole that answered only
    /// through some of its parts stands for those parts (adductor magnus, a hamstring
    /// by its hamstring part, is not a target for the nerves of its adductor part).
    fn target_set(&mut self, expr: &PSet, meter: &mut Meter<'_>) -> Result<Vec<StructureId>, Stop> {
        let set = self.set(expr, meter)?;
        meter.spend(set.count())?;
        let targets = set
            .ones()
            .map(StructureId::new)
            .filter(|n| {
                if self.direct.contains(n) {
                    return true;
                }
                let via = self.via.get(n).map(Vec::as_slice).unwrap_or(&[]);
                let through_parts = !via.is_empty()
                    && via
                        .iter()
                        .all(|t| t.part.is_some_and(|p| set.contains(p.index())));
                !through_parts
            })
            .collect();
        Ok(targets)
    }

    /// A whole query's set: a part whose whole (of another kind) is also in the answer
    /// is shown through its whole, not beside it (a head under its muscle).
    fn answer(&mut self, expr: &PSet, meter: &mut Meter<'_>) -> Result<NodeSet, Stop> {
        let mut set = self.set(expr, meter)?;
        meter.spend(set.count())?;
        let mut wholes = Vec::new();
        let mut shown_through_whole = Vec::new();
        for n in set.ones().map(StructureId::new) {
            if !self.atlas.is_part(n) {
                continue;
            }
            wholes.clear();
            self.wholes_of_other_kind(n, &mut wholes);
            if wholes.iter().any(|w| set.contains(w.index())) {
                shown_through_whole.push(n.index());
            }
        }
        for i in shown_through_whole {
            set.set(i, false);
        }
        Ok(set)
    }

    /// The parts and the parts of parts of `n` (all kinds), each with its parent.
    fn parts_closure(&self, top: StructureId, meter: &mut Meter<'_>) -> Result<Closure, Stop> {
        descend(self.atlas, top, self.disputed, &[Relation::PartOf], meter)
    }

    /// The wholes above `n` whose kind differs from its own (a head's muscle, a
    /// landmark's bone), reached through part-of; same-kind wholes are passed through
    /// but not returned (a nerve's division answers as itself).
    /// They are appended to `out`.
    #[inline]
    fn wholes_of_other_kind(&mut self, n: StructureId, out: &mut Vec<StructureId>) {
        // most structures are part of nothing: no look at their facts
        if self.atlas.is_part(n) {
            self.wholes_of_part(n, out);
        }
    }

    /// [`Evaluator::wholes_of_other_kind`] of a structure that is a part.
    fn wholes_of_part(&mut self, n: StructureId, out: &mut Vec<StructureId>) {
        let kind = self.atlas.kind(n);
        let found = self.wholes_above(n, kind);
        out.extend(found.iter().copied());
    }

    /// The wholes above `start` (through standing part-of facts) whose kind is not
    /// `kind`, remembered for each structure passed: a chain of `n` parts costs `n`
    /// steps in all, not `n` per part (a walk from every part of an 8,000-link chain
    /// was cubic). The walk keeps its own stack, so a chain of any length is walked.
    fn wholes_above(&mut self, start: StructureId, kind: Kind) -> std::rc::Rc<[StructureId]> {
        let (atlas, disputed) = (self.atlas, self.disputed);
        let standing = move |at: StructureId| {
            atlas
                .neighbours(at, Relation::PartOf, Direction::Forward)
                .filter(move |(e, _)| disputed || atlas.is_standard(*e))
                .map(|(_, whole)| whole)
        };
        let memo = &mut self.wholes_memo;
        let mut stack = vec![(start, false)];
        while let Some((at, expanded)) = stack.pop() {
            if memo.contains_key(&(at, kind)) {
                continue;
            }
            if !expanded {
                stack.push((at, true));
                stack.extend(
                    standing(at)
                        .filter(|w| !memo.contains_key(&(*w, kind)))
                        .map(|w| (w, false)),
                );
                continue;
            }
            let mut found = Vec::new();
            for whole in standing(at) {
                if atlas.kind(whole) != kind {
                    found.push(whole);
                }
                // absent only on a cycle, which the loader refuses
                if let Some(above) = memo.get(&(whole, kind)) {
                    found.extend(above.iter().copied());
                }
            }
            if found.len() > 1 {
                let mut seen = FxHashSet::default();
                found.retain(|w| seen.insert(*w));
            }
            memo.insert((at, kind), found.into());
        }
        memo.get(&(start, kind))
            .cloned()
            .unwrap_or_else(|| [].into())
    }

    /// The parts through which `n` answered, if it did not answer directly.
    fn via_of(&self, n: StructureId) -> Vec<Through> {
        let mut via = self.via.get(&n).cloned().unwrap_or_default();
        if self.direct.contains(&n) {
            // a territory's answer stated of the nerve and of its branch too (a source
            // naming the radial nerve, another its posterior interosseous branch) is
            // shown through the branch, the more precise of the two
            if !self.territory {
                return Vec::new();
            }
            via.retain(|t| t.part.is_none() && t.reaching.is_some());
        }
        let name = |n: Option<StructureId>| n.map(|n| self.atlas.node(n).name.to_lowercase());
        via.sort_by_cached_key(|t| (name(t.part), name(t.reaching)));
        via.dedup();
        // a part that states the fact of the target itself says all there is to say
        let whole_target: Vec<Option<StructureId>> = via
            .iter()
            .filter(|t| t.reaching.is_none())
            .map(|t| t.part)
            .collect();
        via.retain(|t| t.reaching.is_none() || !whole_target.contains(&t.part));
        via
    }

    fn set(&mut self, expr: &PSet, meter: &mut Meter<'_>) -> Result<NodeSet, Stop> {
        Ok(match expr {
            PSet::Select { kinds, condition } => match condition {
                Some(c) if !negates(c) => {
                    // without `not`, the universe is only a filter: check the kinds of
                    // the matches instead of setting a bit for every muscle
                    // an empty universe: a condition without `not` never reads it
                    let mut matched = self.cond(c, &NodeSet::new(), meter)?;
                    meter.spend(matched.count())?;
                    let other: Vec<usize> = matched
                        .ones()
                        .filter(|i| !kinds.contains(self.atlas.kind(StructureId::new(*i))))
                        .collect();
                    for i in other {
                        matched.set(i, false);
                    }
                    matched
                }
                Some(c) => {
                    let universe = self.of_kinds(*kinds, meter)?;
                    let mut matched = self.cond(c, &universe, meter)?;
                    meter.spend(universe.cost())?;
                    matched.intersect_with(&universe);
                    matched
                }
                None => self.of_kinds(*kinds, meter)?,
            },
            PSet::And(a, b) => {
                let mut a = self.set(a, meter)?;
                let b = self.set(b, meter)?;
                meter.spend(a.cost() + b.cost())?;
                a.intersect_with(&b);
                a
            }
            PSet::Or(a, b) => {
                let mut a = self.set(a, meter)?;
                let b = self.set(b, meter)?;
                meter.spend(a.cost() + b.cost())?;
                a.union_with(&b);
                a
            }
            PSet::Except(a, b) => {
                let mut a = self.set(a, meter)?;
                let b = self.set(b, meter)?;
                meter.spend(a.cost() + b.cost())?;
                a.difference_with(&b);
                a
            }
        })
    }

    fn cond(
        &mut self,
        cond: &PCond,
        universe: &NodeSet,
        meter: &mut Meter<'_>,
    ) -> Result<NodeSet, Stop> {
        Ok(match cond {
            PCond::Atom {
                relation,
                direction,
                star,
                target,
            } => {
                let targets: Vec<StructureId> = match target {
                    PTarget::Node(n) => vec![*n],
                    PTarget::Set(q) => self.target_set(q, meter)?,
                };
                self.atom(*relation, *direction, *star, &targets, meter)?
            }
            PCond::Not(c) => {
                let mut out = universe.clone();
                let c = self.cond(c, universe, meter)?;
                meter.spend(out.cost() + c.cost())?;
                out.difference_with(&c);
                out
            }
            PCond::And(a, b) => {
                let mut a = self.cond(a, universe, meter)?;
                let b = self.cond(b, universe, meter)?;
                meter.spend(a.cost() + b.cost())?;
                a.intersect_with(&b);
                a
            }
            PCond::Or(a, b) => {
                let mut a = self.cond(a, universe, meter)?;
                let b = self.cond(b, universe, meter)?;
                meter.spend(a.cost() + b.cost())?;
                a.union_with(&b);
                a
            }
            PCond::Except(a, b) => {
                let mut a = self.cond(a, universe, meter)?;
                let b = self.cond(b, universe, meter)?;
                meter.spend(a.cost() + b.cost())?;
                a.difference_with(&b);
                a
            }
        })
    }

    /// The structures `x` with `x relation t` for a target `t`: a fact stated on a part
    /// of `t` or of `x` counts as a fact of the whole (`*` reaches anything under `t`).
    fn atom(
        &mut self,
        relation: Relation,
        direction: Direction,
        star: bool,
        targets: &[StructureId],
        meter: &mut Meter<'_>,
    ) -> Result<NodeSet, Stop> {
        let mut out = self.empty();
        for &top in targets {
            let closure = if star {
                descend(self.atlas, top, self.disputed, &[], meter)?
            } else if relation == Relation::PartOf {
                // part-of read directly is one step: the parts of a part are for `*`
                Closure::of(top)
            } else {
                self.parts_closure(top, meter)?
            };
            if star && relation.descent() == Some(direction.flip()) {
                // a hierarchy read downwards: everything in the target's tree answers,
                // continuations and parts included
                let mut tree_relations = TREE.to_vec();
                tree_relations.push(relation);
                let tree = descend(self.atlas, top, self.disputed, &tree_relations, meter)?;
                meter.spend(tree.len())?;
                for n in tree.nodes() {
                    if n != top {
                        self.hit(relation, n, top, top, star, &mut out);
                    }
                }
            }
            let atlas = self.atlas;
            for t in closure.nodes() {
                let mut looked = 1;
                for (e, x) in atlas.neighbours(t, relation, direction.flip()) {
                    looked += 1;
                    if self.disputed || atlas.is_standard(e) {
                        self.hit(relation, x, t, top, star, &mut out);
                    }
                }
                let levels = self.root_levels(relation, direction, t);
                meter.spend(looked + levels.len())?;
                for x in levels {
                    self.hit(relation, x, t, top, star, &mut out);
                }
            }
            self.context.push((top, closure));
        }
        Ok(out)
    }

    /// Records that `x` answers through a fact reaching `t` under `top`, and lifts the
    /// answer to the wholes of `x` of another kind.
    #[allow(clippy::too_many_arguments)]
    fn hit(
        &mut self,
        relation: Relation,
        x: StructureId,
        t: StructureId,
        top: StructureId,
        star: bool,
        out: &mut NodeSet,
    ) {
        let territory = star
            && self.territory
            && matches!(relation, Relation::InnervatedBy | Relation::SuppliedBy);
        // a `*` answer that is part of nothing answers as itself alone (most do)
        if star && !self.atlas.is_part(x) {
            out.insert(x.index());
            if territory {
                self.through_branch(x, x, t, top);
            }
            return;
        }
        let mut answering = std::mem::take(&mut self.wholes);
        answering.clear();
        answering.push(x);
        // a part's whole is not part of what its part is part of
        if relation != Relation::PartOf {
            self.wholes_of_other_kind(x, &mut answering);
        }
        for &y in &answering {
            out.insert(y.index());
            if star {
                if territory {
                    self.through_branch(y, x, t, top);
                }
                continue;
            }
            if y == x && t == top {
                self.direct.insert(y);
                continue;
            }
            self.via.entry(y).or_default().push(Through {
                part: (y != x).then_some(x),
                reaching: (t != top).then_some(t),
                minor: false,
            });
        }
        self.wholes = answering;
    }

    /// Root levels are attributes of innervation and reflex facts: `muscles innervated-by
    /// l5` finds the muscles whose innervation lists L5 as a principal level (or a
    /// contributing one, with `including contributing`); `roots innervates soleus` the
    /// principal levels listed for soleus; `roots mediates "patellar reflex"` a reflex's.
    fn root_levels(
        &self,
        relation: Relation,
        direction: Direction,
        t: StructureId,
    ) -> Vec<StructureId> {
        if !matches!(relation, Relation::InnervatedBy | Relation::MediatedBy) {
            return Vec::new();
        }
        match direction {
            Direction::Forward if self.atlas.kind(t) == Kind::Root => {
                let facts = if self.contributing && !self.disputed {
                    self.atlas.facts_listing_root_weighted(t)
                } else {
                    self.atlas.facts_listing_root(t, self.disputed)
                };
                facts
                    .iter()
                    .filter(|e| self.atlas.fact(**e).relation == relation)
                    .map(|e| self.atlas.ends(*e).0)
                    .collect()
            }
            Direction::Inverse => self
                .atlas
                .neighbours(t, relation, Direction::Forward)
                .flat_map(|(e, _)| self.atlas.fact(e).roots.iter().copied())
                .filter(|r| self.level_counts(t, *r))
                .collect(),
            Direction::Forward => Vec::new(),
        }
    }
}

/// For one direct relation (`muscles innervated-by radial-nerve`, or its `*` form): the
/// objects that count as the target, so [`MinorShare::of`] can ask whether every fact
/// that makes a structure answer is a minor share (the radial twig to brachialis).
struct MinorShare<'a> {
    atlas: &'a Atlas,
    relation: Relation,
    targets: FxHashSet<StructureId>,
    disputed: bool,
}

impl<'a> MinorShare<'a> {
    fn new(
        atlas: &'a Atlas,
        expr: &PSet,
        disputed: bool,
        meter: &mut Meter<'_>,
    ) -> Result<Option<MinorShare<'a>>, Stop> {
        let PSet::Select {
            condition:
                Some(PCond::Atom {
                    relation,
                    direction: Direction::Forward,
                    star,
                    target: PTarget::Node(t),
                }),
            ..
        } = expr
        else {
            return Ok(None);
        };
        let mut targets: FxHashSet<StructureId> = std::iter::once(*t).collect();
        if *star {
            // the tree `*` reaches under the target: its branches, at any depth
            let walk = Walk::new(&[]);
            let mut stack = vec![*t];
            while let Some(x) = stack.pop() {
                let mut looked = 1;
                for (_, child) in descent_steps_by(atlas, x, disputed, walk) {
                    looked += 1;
                    if targets.insert(child) {
                        stack.push(child);
                    }
                }
                meter.spend(looked)?;
            }
        }
        Ok(Some(MinorShare {
            atlas,
            relation: *relation,
            targets,
            disputed,
        }))
    }

    /// Every fact by which `n` (or a part of it) answers is a minor share.
    fn of(&self, n: StructureId) -> bool {
        let atlas = self.atlas;
        let parts = atlas
            .neighbours(n, Relation::PartOf, Direction::Inverse)
            .map(|(_, p)| p);
        let facts: Vec<FactId> = std::iter::once(n)
            .chain(parts)
            .flat_map(|s| atlas.neighbours(s, self.relation, Direction::Forward))
            .filter(|(e, o)| self.targets.contains(o) && (self.disputed || atlas.is_standard(*e)))
            .map(|(e, _)| e)
            .collect();
        !facts.is_empty() && facts.iter().all(|e| atlas.fact(*e).minor)
    }
}

/// Whether a set expression reads root levels: a relation that carries them, to or from
/// anything (a root, or a muscle whose levels are asked).
fn reads_levels(expr: &PSet) -> bool {
    fn cond(c: &PCond) -> bool {
        match c {
            PCond::Atom { relation, .. } => {
                matches!(relation, Relation::InnervatedBy | Relation::MediatedBy)
            }
            PCond::Not(a) => cond(a),
            PCond::And(a, b) | PCond::Or(a, b) | PCond::Except(a, b) => cond(a) || cond(b),
        }
    }
    match expr {
        PSet::Select { condition, .. } => condition.as_ref().is_some_and(cond),
        PSet::And(a, b) | PSet::Or(a, b) | PSet::Except(a, b) => reads_levels(a) || reads_levels(b),
    }
}

/// Whether a condition reads its universe (a `not` outside any subquery).
fn negates(cond: &PCond) -> bool {
    match cond {
        PCond::Atom { .. } => false,
        PCond::Not(_) => true,
        PCond::And(a, b) | PCond::Or(a, b) | PCond::Except(a, b) => negates(a) || negates(b),
    }
}

/// How much a step costs a path, in 64ths of an ordinary step: facts that explain a
/// connection (attachments, innervation, supply, branching, parts, roots, location,
/// membership, reflexes) cost one step; movements, joints and articulation cost a
/// thousand, so a path uses them only when nothing else connects; a fact that is not the
/// standard statement costs fifty steps more; and a fact with fewer than four
/// standard-quality sources costs a little more (never as much as a step), so that among
/// equally short chains the better-supported one wins.
pub fn step_cost(atlas: &Atlas, step: &Step) -> u32 {
    const STEP: u32 = 64;
    let base = match step.relation {
        Relation::Performs | Relation::OccursAt | Relation::Articulates => 1_000 * STEP,
        _ => STEP,
    };
    let disputed = if atlas.is_standard(step.edge) {
        0
    } else {
        50 * STEP
    };
    let thin = 4 - u32::from(atlas.support(step.edge).min(4));
    base + disputed + thin
}

/// The cheapest chain of facts in either direction (see [`step_cost`]), limited to
/// `via` when given; among equally cheap ones, the one found first.
fn shortest_path(
    atlas: &Atlas,
    from: StructureId,
    to: StructureId,
    via: &[Relation],
    meter: &mut Meter<'_>,
) -> Result<Option<Path>, Stop> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    // arrays indexed by node, not hash maps: a path across a large graph touches most
    // of it, and a lookup per fact dominated the search
    let count = atlas.structure_count();
    meter.spend(count / 64)?;
    let mut best: Vec<u32> = vec![u32::MAX; count];
    let mut parent: Vec<Option<(StructureId, Step)>> = vec![None; count];
    let Some(start) = best.get_mut(from.index()) else {
        return Ok(None);
    };
    *start = 0;
    let mut heap = BinaryHeap::from([(Reverse(0u32), Reverse(0usize), from)]);
    let mut order = 0usize;
    while let Some((Reverse(cost), _, n)) = heap.pop() {
        if n == to {
            break;
        }
        if best[n.index()] < cost {
            continue;
        }
        // every parallel fact is offered, so the standard version of a fact wins
        let mut looked = 1;
        for (step, next) in steps_at(atlas, n, via) {
            looked += 1;
            let c = cost.saturating_add(step_cost(atlas, &step));
            if c < best[next.index()] {
                best[next.index()] = c;
                parent[next.index()] = Some((n, step));
                order += 1;
                heap.push((Reverse(c), Reverse(order), next));
            }
        }
        meter.spend(looked)?;
    }
    if best.get(to.index()).is_none_or(|b| *b == u32::MAX) {
        return Ok(None);
    }
    let (mut nodes, mut steps) = (vec![to], Vec::new());
    let mut at = to;
    while let Some(Some((prev, step))) = parent.get(at.index()) {
        nodes.push(*prev);
        steps.push(*step);
        at = *prev;
    }
    nodes.reverse();
    steps.reverse();
    Ok(Some(Path { nodes, steps }))
}

/// Every fact at `n` in both directions, as steps to the structure at the other end.
fn steps_at<'a>(
    atlas: &'a Atlas,
    n: StructureId,
    via: &'a [Relation],
) -> impl Iterator<Item = (Step, StructureId)> + 'a {
    // the compact arrays, in petgraph's order: a path search reads most of the graph
    let out = atlas
        .facts_at(n, Direction::Forward)
        .into_iter()
        .map(|f| (f, true));
    let inc = atlas
        .facts_at(n, Direction::Inverse)
        .into_iter()
        .map(|f| (f, false));
    out.chain(inc)
        .filter_map(move |((edge, relation, next), forward)| {
            if !via.is_empty() && !via.contains(&relation) {
                return None;
            }
            let step = Step {
                edge,
                relation,
                forward,
            };
            Some((step, next))
        })
}

/// Every fact at `n` (both directions), as steps to the structure at the other end,
/// without repeating the same relation to the same neighbour twice.
fn walk<'a>(
    atlas: &'a Atlas,
    n: StructureId,
    via: &'a [Relation],
) -> impl Iterator<Item = (Step, StructureId)> + 'a {
    let mut seen = HashSet::new();
    steps_at(atlas, n, via)
        .filter(move |(step, next)| seen.insert((step.relation, step.forward, *next)))
}

/// Simple paths of at most `max` facts, shortest first, at most [`PATHS_LIMIT`]. Each
/// fact looked at costs a step of `budget`: the search is exponential in `max`.
fn all_paths(
    atlas: &Atlas,
    from: StructureId,
    to: StructureId,
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
    to: StructureId,
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
        let steps: Vec<(Step, StructureId)> = walk(self.atlas, at, self.via).collect();
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

/// `why subject relation target`: its subject, relation, direction, `*` and target.
type WhyAsked = (StructureId, Relation, Direction, bool, StructureId);

fn why(atlas: &Atlas, asked: WhyAsked, meter: &mut Meter<'_>) -> Result<WhyAnswer, Stop> {
    let (subject, relation, direction, _, target) = asked;
    let mut asserted: Vec<FactId> = atlas
        .neighbours(subject, relation, direction)
        .filter(|(_, other)| *other == target)
        .map(|(e, _)| e)
        .collect();
    // a root level is asserted by the innervation facts that list it, read either way
    if relation == Relation::InnervatedBy {
        let (muscle, root) = match direction {
            Direction::Forward => (subject, target),
            Direction::Inverse => (target, subject),
        };
        asserted.extend(
            atlas
                .neighbours(muscle, relation, Direction::Forward)
                .filter(|(e, _)| atlas.fact(*e).roots.contains(&root))
                .map(|(e, _)| e),
        );
    }
    // the best-supported version first
    asserted.sort_by_key(|e| {
        (
            !atlas.is_standard(*e),
            std::cmp::Reverse(atlas.support(*e)),
            *e,
        )
    });
    let inferred = if !asserted.is_empty() {
        None
    } else if let Some(chain) = best_chain(atlas, asked, false, meter)? {
        Some(chain)
    } else {
        best_chain(atlas, asked, true, meter)?
    };
    Ok(WhyAnswer {
        subject,
        relation,
        direction,
        target,
        asserted,
        inferred,
    })
}

/// The shortest chain that makes `subject relation target` true through parts (of the
/// subject or of the target) or, with `star`, through anything under the target; among
/// equally short chains, the best supported. Standard facts only unless `disputed`.
fn best_chain(
    atlas: &Atlas,
    (subject, relation, direction, star, target): WhyAsked,
    disputed: bool,
    meter: &mut Meter<'_>,
) -> Result<Option<Path>, Stop> {
    let under = if star {
        descend(atlas, target, disputed, &[], meter)?
    } else {
        descend(atlas, target, disputed, &[Relation::PartOf], meter)?
    };
    let starts = descend(atlas, subject, disputed, &[Relation::PartOf], meter)?;
    meter.spend(starts.len())?;
    let (up, down) = (under.steps(), starts.steps());
    // a member of the `*` tree by the tree's own steps (what an artery continues as is
    // in its tree of branches): the chain is the way up the tree
    if star && subject != target && up.contains_key(&subject) {
        let (mut nodes, mut steps) = (vec![subject], Vec::new());
        let mut at = subject;
        while let Some((parent, edge)) = up.get(&at) {
            steps.push(step_towards(atlas, *edge, at));
            nodes.push(*parent);
            at = *parent;
        }
        return Ok(Some(Path { nodes, steps }));
    }
    let mut best: Option<(Path, u32)> = None;
    for from in starts.nodes() {
        for (first, object) in atlas.neighbours(from, relation, direction) {
            if !(disputed || atlas.is_standard(first)) || !under.contains(object) {
                continue;
            }
            // down from the subject to the part that states the fact
            let mut nodes = vec![from];
            let mut steps = Vec::new();
            let mut at = from;
            while let Some((parent, edge)) = down.get(&at) {
                steps.push(step_towards(atlas, *edge, *parent));
                nodes.push(*parent);
                at = *parent;
            }
            nodes.reverse();
            steps.reverse();
            steps.push(Step {
                edge: first,
                relation,
                forward: direction == Direction::Forward,
            });
            nodes.push(object);
            // up from the fact's object to the target
            let mut at = object;
            while let Some((parent, edge)) = up.get(&at) {
                steps.push(step_towards(atlas, *edge, at));
                nodes.push(*parent);
                at = *parent;
            }
            if steps.len() < 2 {
                continue;
            }
            let support: u32 = steps.iter().map(|s| u32::from(atlas.support(s.edge))).sum();
            let better = best.as_ref().is_none_or(|(b, bs)| {
                (steps.len(), std::cmp::Reverse(support)) < (b.steps.len(), std::cmp::Reverse(*bs))
            });
            if better {
                best = Some((Path { nodes, steps }, support));
            }
        }
    }
    Ok(best.map(|(p, _)| p))
}

/// The step along `edge` that leaves `from`.
fn step_towards(atlas: &Atlas, edge: FactId, from: StructureId) -> Step {
    let (s, _) = atlas.ends(edge);
    Step {
        edge,
        relation: atlas.fact(edge).relation,
        forward: s == from,
    }
}

/// The structures within `depth` facts of `center`, at most [`AROUND_LIMIT`]; each fact
/// looked at costs a step of `budget`.
fn around(
    atlas: &Atlas,
    center: StructureId,
    depth: usize,
    budget: &mut Budget,
) -> Result<Subgraph, Stop> {
    let mut dist: HashMap<StructureId, usize> = HashMap::from([(center, 0)]);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closure_knows_its_members_before_and_after_it_grows_a_bitset() {
        let mut closure = Closure::of(StructureId::new(5));
        let edge = FactId::new(0);
        // every third structure of 300, past the point where membership moves to a bitset
        for i in (8..300).step_by(3) {
            assert!(!closure.contains(StructureId::new(i)));
            closure.push(StructureId::new(i), (StructureId::new(5), edge), 300);
            assert!(closure.contains(StructureId::new(i)));
        }
        assert!(closure.len() > Closure::SCAN);
        assert!(closure.contains(StructureId::new(5)));
        assert!(!closure.contains(StructureId::new(9)));
        assert!(!closure.contains(StructureId::new(298)));
        let members: Vec<usize> = closure.nodes().map(|n| n.index()).collect();
        assert_eq!(members[0], 5);
        assert_eq!(members.len(), 1 + (8..300).step_by(3).count());
        assert_eq!(closure.parents().len(), members.len() - 1);
    }

    #[test]
    fn a_node_set_answers_alike_as_a_list_and_as_a_bitset() {
        use std::collections::BTreeSet;
        // sets of every size around the point where a list becomes a bitset
        let make = |step: usize, n: usize| {
            let mut set = NodeSet::with_capacity(1000);
            let mut model = BTreeSet::new();
            for i in (0..n).map(|k| (k * step) % 997) {
                set.insert(i);
                model.insert(i);
            }
            (set, model)
        };
        for (n, m) in [(10, 20), (10, 200), (200, 20), (200, 300)] {
            let (a, ma) = make(7, n);
            let (b, mb) = make(3, m);
            assert!(a.ones().eq(ma.iter().copied()));
            assert_eq!(a.count(), ma.len());
            assert!((0..1000).all(|i| a.contains(i) == ma.contains(&i)));
            let mut x = a.clone();
            x.intersect_with(&b);
            assert!(x.ones().eq(ma.intersection(&mb).copied()), "{n} and {m}");
            let mut x = a.clone();
            x.union_with(&b);
            assert!(x.ones().eq(ma.union(&mb).copied()), "{n} or {m}");
            let mut x = a.clone();
            x.difference_with(&b);
            assert!(x.ones().eq(ma.difference(&mb).copied()), "{n} but {m}");
            let mut x = a.clone();
            let first = ma.iter().next().copied().unwrap_or(0);
            x.set(first, false);
            assert!(!x.contains(first) && x.count() == ma.len() - 1);
        }
        assert_eq!(NodeSet::new().count(), 0);
    }

    #[test]
    fn lowercase_borrows_only_what_is_already_lower_case() {
        assert!(matches!(lowercase("nerve 12"), Cow::Borrowed(_)));
        assert_eq!(lowercase("Nerve 12"), "nerve 12");
        assert_eq!(lowercase("Ärmel"), "ärmel");
    }
}
