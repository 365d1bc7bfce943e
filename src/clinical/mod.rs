//! Clinical reasoning over the nerve trees: what a lesion takes away ([`lesion`]) and
//! which single lesion best explains a set of findings (`localize`). A teaching aid
//! over textbook anatomy, not a diagnostic device. Never parses, never prints.
//!
//! The model: a muscle (or head, skin area, dermatome, reflex) is supplied through
//! *channels*, one per nerve and spinal level of its standard innervation facts. A lesion
//! cuts the channels whose nerve lies in its territory (the nerve, its branches, parts and
//! continuations, and for a trunk or division the cords its fibres run on in) at a level
//! the fibres on the way carry; a root lesion cuts every channel of its level. A structure
//! is *lost* when every channel is cut and *weakened* when some are.

mod localize;
pub mod sites;

use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::clinical::SignFinding;
use crate::graph::descent::descent_steps;
use crate::graph::model::{Direction, Kind, KindSet, Relation};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

pub use localize::{candidates, localize, localize_within, score};
pub use sites::{Route, Site};

/// What was found on examination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Sign {
    /// `weak`: a muscle, group or movement is weak.
    Weak,
    /// `spared`: a muscle, group, movement, skin area, dermatome or reflex is normal.
    Spared,
    /// `numb`: a skin area or dermatome has lost sensation.
    Numb,
    /// `reflex-lost`: a tendon reflex is absent or reduced.
    ReflexLost,
    /// `lost`: a gland no longer secretes or a sense is gone (taste, tearing).
    Lost,
    /// `shows`: a bedside sign (wrist drop, Froment's sign), which stands for the
    /// findings of the other words; resolving a query replaces it by them.
    Shows,
}

impl Sign {
    /// Every sign, in the order of their words.
    pub const ALL: [Sign; 6] = [
        Sign::Weak,
        Sign::Spared,
        Sign::Numb,
        Sign::ReflexLost,
        Sign::Lost,
        Sign::Shows,
    ];

    /// The sign's word in a query: `weak`, `spared`, `numb`, `reflex-lost`, `lost`,
    /// `shows`.
    pub fn word(self) -> &'static str {
        match self {
            Sign::Weak => "weak",
            Sign::Spared => "spared",
            Sign::Numb => "numb",
            Sign::ReflexLost => "reflex-lost",
            Sign::Lost => "lost",
            Sign::Shows => "shows",
        }
    }

    /// The sign a word names, in any case: `Weak` for `WEAK`.
    pub fn from_word(word: &str) -> Option<Sign> {
        let w = word.to_ascii_lowercase();
        Sign::ALL.into_iter().find(|s| s.word() == w)
    }

    /// The kinds a finding of this sign can name (none for `shows`, which names
    /// bedside signs).
    pub fn kinds(self) -> KindSet {
        self.finding()
            .map_or(KindSet::of(&[]), |f| KindSet::of(f.kinds()))
    }

    /// The same finding as a bedside sign's data states it; `None` for `shows`.
    pub fn finding(self) -> Option<SignFinding> {
        match self {
            Sign::Weak => Some(SignFinding::Weak),
            Sign::Spared => Some(SignFinding::Spared),
            Sign::Numb => Some(SignFinding::Numb),
            Sign::ReflexLost => Some(SignFinding::ReflexLost),
            Sign::Lost => Some(SignFinding::Lost),
            Sign::Shows => None,
        }
    }

    /// The finding word for what a bedside sign's data states.
    pub fn of_finding(f: SignFinding) -> Sign {
        match f {
            SignFinding::Weak => Sign::Weak,
            SignFinding::Spared => Sign::Spared,
            SignFinding::Numb => Sign::Numb,
            SignFinding::ReflexLost => Sign::ReflexLost,
            SignFinding::Lost => Sign::Lost,
        }
    }
}

/// `localize` lists at most this many ranks (candidates tied at the last one stay).
pub const LOCALIZE_LIMIT: usize = 10;

/// Where the damage is: a nerve or root as a whole, or a nerve at a known site.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Lesion {
    /// A nerve or root as a whole: `lesion L5`.
    Node(StructureId),
    /// A nerve at a known site of injury: `lesion radial at "spiral groove"`.
    Site(Site),
}

impl Lesion {
    /// The nerve or root injured.
    pub fn node(&self) -> StructureId {
        match self {
            Lesion::Node(n) => *n,
            Lesion::Site(s) => s.nerve,
        }
    }

    /// How the lesion is named, for sorting and display.
    pub fn name<'a>(&'a self, atlas: &'a Atlas) -> &'a str {
        match self {
            Lesion::Node(n) => &atlas.node(*n).name,
            Lesion::Site(s) => &s.name,
        }
    }

    /// How the lesion is identified: the structure's id, or the site's.
    pub fn id<'a>(&'a self, atlas: &'a Atlas) -> &'a str {
        match self {
            Lesion::Node(n) => &atlas.node(*n).id,
            Lesion::Site(s) => &s.id,
        }
    }
}

/// How much of a structure's supply is gone. For skin: numb or partly numb; for a
/// reflex: lost or reduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Effect {
    /// Every channel of its supply is cut: paralysed, numb, absent.
    Lost,
    /// Some channels are cut and others still supply it: weak, partly numb, reduced.
    Weakened,
}

/// A muscle that loses supply, and which of its heads or parts do.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MuscleEffect {
    /// The muscle.
    pub muscle: StructureId,
    /// Whether it is lost or weakened as a whole.
    pub effect: Effect,
    /// Its heads and parts with their own effects, named only when they fare
    /// differently from the whole; empty otherwise.
    pub parts: Vec<(StructureId, Effect)>,
}

/// A movement that some of its muscles can no longer perform; `remaining` are the
/// muscles that still perform it (weakened ones included).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MovementEffect {
    /// The movement.
    pub movement: StructureId,
    /// Lost when every muscle that performs it is lost, weakened otherwise.
    pub effect: Effect,
    /// The muscles that still perform it, weakened ones included.
    pub remaining: Vec<StructureId>,
}

/// A skin area, dermatome or reflex and what the lesion does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Affected {
    /// The structure.
    pub node: StructureId,
    /// Whether it is lost or weakened.
    pub effect: Effect,
}

/// Everything a lesion takes away, each list sorted by name.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Deficit {
    /// The lesion.
    pub lesion: Lesion,
    /// The nerves whose fibres the lesion interrupts, wholly or at some levels.
    pub nerves: Vec<StructureId>,
    /// The muscles that lose supply, wholly or in part.
    pub muscles: Vec<MuscleEffect>,
    /// The movements some of whose muscles lose supply.
    pub movements: Vec<MovementEffect>,
    /// Skin areas, and for a root lesion its dermatome.
    pub skin: Vec<Affected>,
    /// The reflexes lost or reduced.
    pub reflexes: Vec<Affected>,
    /// Glands that lose their secretomotor supply (the lacrimal gland above the
    /// geniculate ganglion), wholly or in part.
    pub glands: Vec<Affected>,
    /// Senses beyond the skin that are lost or reduced (taste, hearing).
    pub senses: Vec<Affected>,
    /// Every structure above (muscles, heads, movements, skin, reflexes, glands,
    /// senses) with its effect.
    effects: HashMap<StructureId, Effect>,
}

impl Deficit {
    /// What the lesion does to a muscle, head, group, movement, skin area, dermatome or
    /// reflex; `None`: nothing.
    pub fn effect_of(&self, atlas: &Atlas, node: StructureId, disputed: bool) -> Option<Effect> {
        if atlas.node(node).kind != Kind::Group {
            return self.effects.get(&node).copied();
        }
        let members: Vec<StructureId> = atlas
            .neighbours(node, Relation::MemberOf, Direction::Inverse)
            .filter(|(e, _)| disputed || atlas.is_standard(*e))
            .map(|(_, m)| m)
            .collect();
        let effects: Vec<Option<Effect>> = members
            .iter()
            .map(|m| self.effects.get(m).copied())
            .collect();
        if effects.iter().all(|e| *e == Some(Effect::Lost)) && !effects.is_empty() {
            Some(Effect::Lost)
        } else if effects.iter().any(Option::is_some) {
            Some(Effect::Weakened)
        } else {
            None
        }
    }

    /// How many muscles, skin areas and dermatomes the lesion affects.
    fn extent(&self) -> usize {
        self.muscles.len() + self.skin.len()
    }

    /// Whether the lesion takes nothing: no muscle, skin, reflex, gland or sense.
    pub fn is_empty(&self) -> bool {
        self.muscles.is_empty()
            && self.skin.is_empty()
            && self.reflexes.is_empty()
            && self.glands.is_empty()
            && self.senses.is_empty()
    }
}

/// One finding of `localize`: a sign and the structure it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// What was found: weak, spared, numb, a reflex lost, or a gland or sense lost.
    pub sign: Sign,
    /// The structure it was found of.
    pub node: StructureId,
}

/// A candidate lesion and how well it fits the findings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Candidate {
    /// The lesion.
    pub lesion: Lesion,
    /// 1 + the number of candidates with a higher score: equal scores share a rank.
    pub rank: usize,
    /// In hundredths (see [`score`]).
    pub score: i64,
    /// The findings' structures it accounts for: those it takes that were found weak,
    /// numb, lost or without their reflex, and those it leaves alone that were found
    /// spared.
    pub explains: Vec<StructureId>,
    /// The findings' structures it leaves alone though they were found weak, numb,
    /// lost or without their reflex.
    pub misses: Vec<StructureId>,
    /// The findings' structures it takes though they were found spared.
    pub contradicts: Vec<StructureId>,
}

/// The answer to `localize`: candidates best first, the best one's deficit for
/// pictures, and the examination that would best tell the first two apart.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Ranking {
    /// The findings weighed, bedside signs replaced by the findings they stand for.
    pub findings: Vec<Finding>,
    /// The candidates that explain at least one weak, numb or reflex finding, best
    /// first, up to [`LOCALIZE_LIMIT`] ranks.
    pub candidates: Vec<Candidate>,
    /// What the best candidate takes away, for pictures; `None` when there is no
    /// candidate.
    pub best: Option<Deficit>,
    /// The examination that would best tell the first two candidates apart, if any.
    pub separator: Option<Separator>,
}

/// A structure not among the findings that the first two candidates affect most
/// differently: "test tibialis posterior: weak in L5, normal in a common fibular
/// lesion".
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Separator {
    /// The structure to examine.
    pub node: StructureId,
    /// What the first candidate does to it, and the second.
    pub first: Option<Effect>,
    /// What the second candidate does to it.
    pub second: Option<Effect>,
}

/// Spinal levels the fibres on the way to a nerve carry; `None`: every level.
type Levels = Option<BTreeSet<StructureId>>;

/// The channels a lesion cuts.
struct Cut {
    /// A root lesion: every channel of this level.
    root: Option<StructureId>,
    /// Nerves in the territory, with the levels interrupted there.
    reach: HashMap<StructureId, Levels>,
    /// Muscles, heads, glands and senses a site spares.
    spared: HashSet<StructureId>,
    /// Nerves in the territory that also receive the same fibres from a parent outside
    /// it (the sural nerve from the tibial side): every channel through them is cut
    /// only in part.
    partial: HashSet<StructureId>,
    /// Nerves the lesion reaches at only some of their levels (a trunk lesion reaching
    /// the radial nerve): a channel through them whose level is not stated is cut only
    /// in part.
    narrowed: HashSet<StructureId>,
}

impl Cut {
    fn new(atlas: &Atlas, lesion: &Lesion, disputed: bool) -> Cut {
        let start = lesion.node();
        if atlas.node(start).kind == Kind::Root {
            return Cut {
                root: Some(start),
                reach: HashMap::new(),
                spared: HashSet::new(),
                partial: HashSet::new(),
                narrowed: HashSet::new(),
            };
        }
        let spared: HashSet<StructureId> = match lesion {
            Lesion::Site(s) => s.spares.iter().copied().collect(),
            Lesion::Node(_) => HashSet::new(),
        };
        let routes = sites::routes(atlas);
        let mut reach: HashMap<StructureId, Levels> = HashMap::new();
        reach.insert(start, narrow(None, &roots_of(atlas, start, disputed)));
        // nerves reached through a plexus route (a division into a cord): only there does
        // a lesion carry fewer levels than a nerve's own roots; below a peripheral nerve
        // every fibre is cut, whatever levels its branches state
        let mut routed: HashSet<StructureId> = HashSet::new();
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            let Some(carried) = reach.get(&n).cloned() else {
                continue;
            };
            let tree = descent_steps(atlas, n, disputed, &NERVE_TREE)
                .map(|(_, c)| (c, routed.contains(&n)));
            let via_routes = routes
                .iter()
                .filter(|r| r.division == n)
                .map(|r| (r.cord, true));
            let children: Vec<(StructureId, bool)> = tree
                .chain(via_routes)
                .filter(|(c, _)| atlas.node(*c).kind == Kind::Nerve && !spared.contains(c))
                .collect();
            for (child, through_route) in children {
                if through_route {
                    routed.insert(child);
                }
                let levels = narrow(carried.clone(), &roots_of(atlas, child, disputed));
                if levels.as_ref().is_some_and(BTreeSet::is_empty) {
                    continue;
                }
                let grown = match reach.get_mut(&child) {
                    None => {
                        reach.insert(child, levels);
                        true
                    }
                    Some(old) => widen(old, levels),
                };
                if grown {
                    queue.push_back(child);
                }
            }
        }
        let partial = partly_cut(atlas, start, &reach, disputed);
        let narrowed = narrowed(atlas, &reach, &routed, disputed);
        Cut {
            root: None,
            reach,
            spared,
            partial,
            narrowed,
        }
    }

    /// Whether the channel through `nerve` at `level` (`None`: levels not stated) is
    /// cut, and if so whether wholly.
    fn cuts(&self, nerve: StructureId, level: Option<StructureId>) -> Option<bool> {
        if let Some(root) = self.root {
            return (level == Some(root) || nerve == root).then_some(true);
        }
        let whole = !self.partial.contains(&nerve);
        match (self.reach.get(&nerve), level) {
            (None, _) => None,
            (Some(None), _) => Some(whole),
            (Some(Some(_)), None) => Some(whole && !self.narrowed.contains(&nerve)),
            (Some(Some(levels)), Some(l)) => levels.contains(&l).then_some(whole),
        }
    }
}

/// The nerves of `reach`, past a plexus route, that carry fewer levels than their own
/// roots (a trunk lesion reaching the radial nerve), and the nerves below them that
/// state no roots.
fn narrowed(
    atlas: &Atlas,
    reach: &HashMap<StructureId, Levels>,
    routed: &HashSet<StructureId>,
    disputed: bool,
) -> HashSet<StructureId> {
    let mut stack: Vec<StructureId> = reach
        .iter()
        .filter(|(n, _)| routed.contains(*n))
        .filter(|(n, levels)| {
            let own = roots_of(atlas, **n, disputed);
            levels
                .as_ref()
                .is_some_and(|l| !own.is_empty() && l.len() < own.len())
        })
        .map(|(n, _)| *n)
        .collect();
    let mut out: HashSet<StructureId> = stack.iter().copied().collect();
    while let Some(n) = stack.pop() {
        for (_, child) in descent_steps(atlas, n, disputed, &NERVE_TREE) {
            if reach.contains_key(&child)
                && roots_of(atlas, child, disputed).is_empty()
                && out.insert(child)
            {
                stack.push(child);
            }
        }
    }
    out
}

/// The nerves of `reach` with a parent (a nerve they branch from or continue) outside
/// it that may carry the same levels, and everything below them.
fn partly_cut(
    atlas: &Atlas,
    start: StructureId,
    reach: &HashMap<StructureId, Levels>,
    disputed: bool,
) -> HashSet<StructureId> {
    let mut partial: Vec<StructureId> = Vec::new();
    for (&n, levels) in reach {
        if n == start {
            continue;
        }
        let parents = atlas
            .neighbours(n, Relation::BranchOf, Direction::Forward)
            .chain(atlas.neighbours(n, Relation::ContinuesAs, Direction::Inverse))
            .filter(|(e, _)| disputed || atlas.is_standard(*e))
            .map(|(_, p)| p);
        let shared = |p: StructureId| {
            let theirs = roots_of(atlas, p, disputed);
            match levels {
                None => true,
                Some(ours) => theirs.is_empty() || theirs.iter().any(|r| ours.contains(r)),
            }
        };
        // a parent above the lesion sends its fibres through it (the posterior
        // interosseous nerve, a branch of the radial nerve, continues the deep branch)
        let outside =
            |p: &StructureId| !reach.contains_key(p) && !is_above(atlas, *p, start, disputed);
        if parents.filter(outside).any(shared) {
            partial.push(n);
        }
    }
    let mut out: HashSet<StructureId> = partial.iter().copied().collect();
    while let Some(n) = partial.pop() {
        for (_, child) in descent_steps(atlas, n, disputed, &NERVE_TREE) {
            if reach.contains_key(&child) && out.insert(child) {
                partial.push(child);
            }
        }
    }
    out
}

/// The relations that make a nerve's territory: its branches, parts and continuations.
const NERVE_TREE: [Relation; 3] = [Relation::BranchOf, Relation::PartOf, Relation::ContinuesAs];

/// Levels carried on into a nerve that states its roots.
fn narrow(carried: Levels, roots: &[StructureId]) -> Levels {
    if roots.is_empty() {
        return carried;
    }
    let own: BTreeSet<StructureId> = roots.iter().copied().collect();
    Some(match carried {
        None => own,
        Some(c) => c.intersection(&own).copied().collect(),
    })
}

/// Adds levels reached by another way; whether anything was added.
fn widen(old: &mut Levels, new: Levels) -> bool {
    match (old.as_mut(), new) {
        (None, _) => false,
        (Some(_), None) => {
            *old = None;
            true
        }
        (Some(o), Some(n)) => {
            let before = o.len();
            o.extend(n);
            o.len() > before
        }
    }
}

/// The roots a nerve states (`has-root`).
fn roots_of(atlas: &Atlas, nerve: StructureId, disputed: bool) -> Vec<StructureId> {
    atlas
        .neighbours(nerve, Relation::RootOf, Direction::Inverse)
        .filter(|(e, _)| disputed || atlas.is_standard(*e))
        .map(|(_, r)| r)
        .collect()
}

/// One way a structure is supplied: a nerve (or root) at a level (`None`: the level
/// is not stated), and whether that level is principal or only contributing.
type Channel = (StructureId, Option<StructureId>, bool);

/// The channels of one structure's innervation: `(nerve or root, level, principal)`,
/// the levels of each nerve being the subject's principal and contributing levels
/// (all the levels given, with `including disputed`). A minor supply's channels only
/// contribute. Skin areas carry levels the same way, where their facts state them.
fn channels(
    atlas: &Atlas,
    subject: StructureId,
    relation: Relation,
    disputed: bool,
) -> Vec<Channel> {
    use crate::graph::agreement::Weight;
    // the nerves of the standard facts, whether any of their facts is a full supply;
    // the levels of each from every fact naming it, judged level by level (a level is
    // standard by agreement even when the one fact that lists it is single-source)
    let mut by_nerve: Vec<(StructureId, bool, BTreeMap<StructureId, bool>)> = Vec::new();
    for (e, nerve) in atlas.neighbours(subject, relation, Direction::Forward) {
        if !(disputed || atlas.is_standard(e)) {
            continue;
        }
        let full = !atlas.fact(e).minor;
        match by_nerve.iter_mut().find(|(n, _, _)| *n == nerve) {
            Some(entry) => entry.1 |= full,
            None => by_nerve.push((nerve, full, BTreeMap::new())),
        }
    }
    for (e, nerve) in atlas.neighbours(subject, relation, Direction::Forward) {
        let Some((_, _, levels)) = by_nerve.iter_mut().find(|(n, _, _)| *n == nerve) else {
            continue;
        };
        let fact = atlas.fact(e);
        for r in fact.roots.iter() {
            let principal = match atlas.level_weight(subject, *r) {
                Some(Weight::Principal) => !fact.minor,
                Some(Weight::Contributing) => false,
                None if disputed => false,
                None => continue,
            };
            let slot = levels.entry(*r).or_insert(false);
            *slot |= principal;
        }
    }
    // a nerve named beside one of its own branches (the radial nerve and the posterior
    // interosseous nerve for extensor digitorum) names the same fibres at a higher
    // level: they reach the subject through the branch, and are cut where it is
    let below: Vec<StructureId> = by_nerve.iter().map(|(n, _, _)| *n).collect();
    by_nerve.retain(|(n, _, _)| {
        !below
            .iter()
            .any(|b| b != n && is_above(atlas, *n, *b, disputed))
    });
    // a nerve named without levels carries the subject's own levels, where it has any:
    // the fibres to a muscle are its levels whichever version names the nerve
    let (principal, contributing) = atlas.levels_of(subject);
    let mut out = Vec::new();
    for (nerve, full, mut levels) in by_nerve {
        if atlas.node(nerve).kind == Kind::Root {
            out.push((nerve, Some(nerve), full));
            continue;
        }
        // unless the nerve carries none of them (the ilioinguinal nerve, L1, named for
        // transversus abdominis, T7–T12): then its level is not stated
        let own = roots_of(atlas, nerve, disputed);
        let carries_one = own.is_empty()
            || principal
                .iter()
                .chain(&contributing)
                .any(|r| own.contains(r));
        if levels.is_empty() && carries_one {
            levels.extend(principal.iter().map(|r| (*r, true)));
            levels.extend(contributing.iter().map(|r| (*r, false)));
        }
        if levels.is_empty() {
            out.push((nerve, None, full));
        } else {
            out.extend(levels.into_iter().map(|(l, p)| (nerve, Some(l), p && full)));
        }
    }
    out
}

/// Whether `upper` lies above `lower` in a nerve tree: `lower` is one of its branches,
/// parts or continuations, at any depth.
fn is_above(atlas: &Atlas, upper: StructureId, lower: StructureId, disputed: bool) -> bool {
    if atlas.node(upper).kind != Kind::Nerve || atlas.node(lower).kind != Kind::Nerve {
        return false;
    }
    let mut seen: HashSet<StructureId> = HashSet::from([lower]);
    let mut stack = vec![lower];
    while let Some(n) = stack.pop() {
        let parents = atlas
            .neighbours(n, Relation::BranchOf, Direction::Forward)
            .chain(atlas.neighbours(n, Relation::PartOf, Direction::Forward))
            .chain(atlas.neighbours(n, Relation::ContinuesAs, Direction::Inverse))
            .filter(|(e, _)| disputed || atlas.is_standard(*e))
            .map(|(_, p)| p);
        for p in parents {
            if p == upper {
                return true;
            }
            if atlas.node(p).kind == Kind::Nerve && seen.insert(p) {
                stack.push(p);
            }
        }
    }
    false
}

/// Lost when every principal channel is cut wholly, weakened when some principal channel
/// is cut; a cut contributing level alone takes nothing away. A structure whose every
/// channel only contributes (a minor supply) is judged on all of them.
fn effect(channels: &[Channel], cut: &Cut) -> Option<Effect> {
    let any_principal = channels.iter().any(|(_, _, p)| *p);
    let counted: Vec<&Channel> = channels
        .iter()
        .filter(|(_, _, p)| *p || !any_principal)
        .collect();
    let cut_ones: Vec<bool> = counted
        .iter()
        .filter_map(|(nv, l, _)| cut.cuts(*nv, *l))
        .collect();
    if cut_ones.is_empty() {
        None
    } else if cut_ones.len() == counted.len() && cut_ones.iter().all(|whole| *whole) {
        Some(Effect::Lost)
    } else {
        Some(Effect::Weakened)
    }
}

fn by_name(atlas: &Atlas, nodes: &mut [StructureId]) {
    nodes.sort_by_cached_key(|n| {
        let s = atlas.node(*n);
        (s.name.to_lowercase(), s.id.to_string())
    });
}

/// [`lesion`], paying `spend` for its work: a step per muscle and per fact of one (a
/// deficit reads them all), then a step per nerve the lesion cuts off. The query's
/// work budget pays, and a Ctrl-C stops it.
pub fn lesion_within<E>(
    atlas: &Atlas,
    cut: &Lesion,
    disputed: bool,
    spend: impl FnMut(u64) -> Result<(), E>,
) -> Result<Deficit, E> {
    lesion_costing(atlas, cut, disputed, deficit_cost(atlas), spend)
}

/// [`lesion_within`] with the [`deficit_cost`] worked out once for many lesions.
pub(super) fn lesion_costing<E>(
    atlas: &Atlas,
    cut: &Lesion,
    disputed: bool,
    cost: u64,
    mut spend: impl FnMut(u64) -> Result<(), E>,
) -> Result<Deficit, E> {
    spend(cost)?;
    let deficit = lesion(atlas, cut, disputed);
    // a long tree's trunk reaches every nerve below it
    spend(deficit.nerves.len() as u64)?;
    Ok(deficit)
}

/// What working out one deficit reads: every muscle and its facts, a step each.
fn deficit_cost(atlas: &Atlas) -> u64 {
    let muscles = atlas.of_kind(Kind::Muscle);
    muscles.iter().fold(1u64, |sum, m| {
        sum.saturating_add(1 + atlas.degree(*m, Direction::Forward) as u64)
    })
}

/// Everything the lesion takes away.
pub fn lesion(atlas: &Atlas, lesion: &Lesion, disputed: bool) -> Deficit {
    let cut = Cut::new(atlas, lesion, disputed);
    let mut effects: HashMap<StructureId, Effect> = HashMap::new();
    let muscles = muscle_effects(atlas, &cut, disputed, &mut effects);
    let movements = movement_effects(atlas, disputed, &mut effects);
    let skin = skin_effects(atlas, &cut, disputed, &mut effects);
    let reflexes = reflex_effects(atlas, &cut, disputed, &mut effects);
    let glands = supplied_effects(atlas, &cut, Kind::Gland, disputed, &mut effects);
    let senses = supplied_effects(atlas, &cut, Kind::Sense, disputed, &mut effects);
    let mut nerves: Vec<StructureId> = cut.reach.keys().copied().collect();
    by_name(atlas, &mut nerves);
    Deficit {
        lesion: lesion.clone(),
        nerves,
        muscles,
        movements,
        skin,
        reflexes,
        glands,
        senses,
        effects,
    }
}

/// Glands and senses: what their nerves carry is lost when every channel of their
/// supply is cut, reduced when some are, as for skin. One a site spares keeps the
/// channels through the nerve itself: its fibres left above the site (the lacrimal
/// gland's in the greater petrosal nerve, above a lesion at the stylomastoid foramen).
fn supplied_effects(
    atlas: &Atlas,
    cut: &Cut,
    kind: Kind,
    disputed: bool,
    effects: &mut HashMap<StructureId, Effect>,
) -> Vec<Affected> {
    let mut out = Vec::new();
    for &node in atlas.of_kind(kind) {
        let mut c = channels(atlas, node, Relation::InnervatedBy, disputed);
        if cut.spared.contains(&node) {
            c.retain(|(n, _, _)| !cut.reach.contains_key(n));
        }
        if let Some(e) = effect(&c, cut) {
            effects.insert(node, e);
            out.push(Affected { node, effect: e });
        }
    }
    out.sort_by_cached_key(|a| atlas.node(a.node).name.to_lowercase());
    out
}

fn muscle_effects(
    atlas: &Atlas,
    cut: &Cut,
    disputed: bool,
    effects: &mut HashMap<StructureId, Effect>,
) -> Vec<MuscleEffect> {
    let mut out = Vec::new();
    for &muscle in atlas.of_kind(Kind::Muscle) {
        let parts: Vec<StructureId> = atlas
            .neighbours(muscle, Relation::PartOf, Direction::Inverse)
            .filter(|(e, p)| {
                (disputed || atlas.is_standard(*e)) && atlas.node(*p).kind == Kind::MusclePart
            })
            .map(|(_, p)| p)
            .collect();
        let spared_whole = cut.spared.contains(&muscle);
        let mut all = Vec::new();
        let mut part_effects = Vec::new();
        let subject_channels = |s: StructureId| {
            let mut c = channels(atlas, s, Relation::InnervatedBy, disputed);
            if spared_whole || cut.spared.contains(&s) {
                c.retain(|(n, _, _)| !cut.reach.contains_key(n));
            }
            c
        };
        let own = subject_channels(muscle);
        all.extend(own.iter().copied());
        for &p in &parts {
            let mut c = subject_channels(p);
            if c.is_empty() {
                // a head with no supply of its own shares its muscle's
                c = own.clone();
            } else {
                all.extend(c.iter().copied());
            }
            if let Some(e) = effect(&c, cut) {
                effects.insert(p, e);
                part_effects.push((p, e));
            }
        }
        if let Some(e) = effect(&all, cut) {
            effects.insert(muscle, e);
            part_effects.sort_by_cached_key(|(p, _)| atlas.node(*p).name.to_lowercase());
            out.push(MuscleEffect {
                muscle,
                effect: e,
                // heads worth naming only when they fare differently from the whole
                parts: if parts.iter().all(|p| effects.get(p) == Some(&e)) {
                    Vec::new()
                } else {
                    part_effects
                },
            });
        }
    }
    out.sort_by_cached_key(|m| atlas.node(m.muscle).name.to_lowercase());
    out
}

fn movement_effects(
    atlas: &Atlas,
    disputed: bool,
    effects: &mut HashMap<StructureId, Effect>,
) -> Vec<MovementEffect> {
    let mut out = Vec::new();
    for &movement in atlas.of_kind(Kind::Movement) {
        // each performer counted as its muscle: a head performs for its muscle
        let mut performers: Vec<(StructureId, Option<Effect>)> = Vec::new();
        for (e, p) in atlas.neighbours(movement, Relation::Performs, Direction::Inverse) {
            if !(disputed || atlas.is_standard(e)) {
                continue;
            }
            let whole = match atlas.node(p).kind {
                Kind::MusclePart => atlas.whole_of(p).unwrap_or(p),
                _ => p,
            };
            let eff = effects.get(&p).copied();
            if !performers.iter().any(|(w, _)| *w == whole) {
                performers.push((whole, eff));
            }
        }
        if performers.iter().all(|(_, e)| e.is_none()) {
            continue;
        }
        let mut remaining: Vec<StructureId> = performers
            .iter()
            .filter(|(_, e)| *e != Some(Effect::Lost))
            .map(|(w, _)| *w)
            .collect();
        by_name(atlas, &mut remaining);
        let effect = if remaining.is_empty() {
            Effect::Lost
        } else {
            Effect::Weakened
        };
        effects.insert(movement, effect);
        out.push(MovementEffect {
            movement,
            effect,
            remaining,
        });
    }
    out.sort_by_cached_key(|m| atlas.node(m.movement).name.to_lowercase());
    out
}

fn skin_effects(
    atlas: &Atlas,
    cut: &Cut,
    disputed: bool,
    effects: &mut HashMap<StructureId, Effect>,
) -> Vec<Affected> {
    // a root lesion numbs its dermatome, and the skin areas taught as lying in it (a
    // digit: the middle finger is C7); a skin area's root names its dermatome, not a
    // second supply, so a nerve lesion weighs its nerves alone
    let by_root = cut.root.is_some();
    let kinds: &[Kind] = if by_root {
        &[Kind::Dermatome, Kind::SkinArea]
    } else {
        &[Kind::SkinArea]
    };
    let is_root = |(n, _, _): &Channel| atlas.node(*n).kind == Kind::Root;
    let mut out = Vec::new();
    for &kind in kinds {
        for &area in atlas.of_kind(kind) {
            let mut c = channels(atlas, area, Relation::InnervatedBy, disputed);
            if kind == Kind::SkinArea {
                c.retain(|ch| is_root(ch) == by_root);
            }
            // skin a site spares keeps its fibres in the nerve: its branch left above the
            // site (the lateral cutaneous branch of an intercostal nerve)
            if cut.spared.contains(&area) {
                c.retain(|(n, _, _)| !cut.reach.contains_key(n));
            }
            if let Some(e) = effect(&c, cut) {
                effects.insert(area, e);
                out.push(Affected {
                    node: area,
                    effect: e,
                });
            }
        }
    }
    out.sort_by_cached_key(|a| atlas.node(a.node).name.to_lowercase());
    out
}

/// Whether a site spares the muscle: names it, or a nerve that supplies it or lies above
/// one that does.
fn site_spares(atlas: &Atlas, cut: &Cut, muscle: StructureId, disputed: bool) -> bool {
    if cut.spared.contains(&muscle) {
        return true;
    }
    channels(atlas, muscle, Relation::InnervatedBy, disputed)
        .iter()
        .any(|(n, _, _)| {
            cut.spared
                .iter()
                .any(|s| s == n || is_above(atlas, *s, *n, disputed))
        })
}

/// The channels of a reflex arc. The nerve facts carry the arc's levels; the root facts
/// alone stand in when no nerve is named, and give their levels to a nerve named without
/// any (the anal reflex: the pudendal nerve, and S2–S4 as facts of their own), so that a
/// root lesion reaches the arc through its nerve.
fn reflex_arc(atlas: &Atlas, all: Vec<Channel>) -> Vec<Channel> {
    let (nerves, roots): (Vec<Channel>, Vec<Channel>) = all
        .into_iter()
        .partition(|(n, _, _)| atlas.node(*n).kind == Kind::Nerve);
    if nerves.is_empty() {
        return roots;
    }
    let mut arc = Vec::new();
    for (nerve, level, principal) in nerves {
        if level.is_some() || roots.is_empty() {
            arc.push((nerve, level, principal));
        } else {
            arc.extend(
                roots
                    .iter()
                    .map(|(r, _, p)| (nerve, Some(*r), principal && *p)),
            );
        }
    }
    arc
}

fn reflex_effects(
    atlas: &Atlas,
    cut: &Cut,
    disputed: bool,
    effects: &mut HashMap<StructureId, Effect>,
) -> Vec<Affected> {
    let mut out = Vec::new();
    for &reflex in atlas.of_kind(Kind::Reflex) {
        let arc = reflex_arc(
            atlas,
            channels(atlas, reflex, Relation::MediatedBy, disputed),
        );
        let involved: Vec<StructureId> = atlas
            .neighbours(reflex, Relation::Involves, Direction::Forward)
            .filter(|(e, _)| disputed || atlas.is_standard(*e))
            .map(|(_, m)| m)
            .collect();
        // the arc needs its muscle: a site that spares the muscle spares the reflex. A
        // lesion that cuts the arc and leaves a muscle it never reached takes the reflex
        // (the sensory limb of the cremasteric reflex in the ilioinguinal nerve; a sacral
        // root the anal reflex runs through)
        if !involved.iter().any(|m| effects.contains_key(m))
            && involved
                .iter()
                .any(|m| site_spares(atlas, cut, *m, disputed))
        {
            continue;
        }
        if let Some(e) = effect(&arc, cut) {
            effects.insert(reflex, e);
            out.push(Affected {
                node: reflex,
                effect: e,
            });
        }
    }
    out.sort_by_cached_key(|a| atlas.node(a.node).name.to_lowercase());
    out
}

#[cfg(test)]
mod tests;
