//! `localize`: the candidate single lesions and how well each explains the findings.

use super::{
    Candidate, Deficit, Effect, Finding, LOCALIZE_LIMIT, Lesion, Ranking, Separator, Sign, sites,
};
use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::{Direction, Kind, Relation, Role};
use std::collections::HashSet;

/// A top-level nerve fed by spinal roots, with several branches or parts: a whole plexus,
/// not a single lesion `localize` proposes. A cranial nerve has branches but no spinal
/// roots, and one lesion of its trunk (the facial nerve in the internal acoustic meatus)
/// is an answer students are asked for.
fn is_plexus(atlas: &Atlas, nerve: StructureId) -> bool {
    if atlas
        .neighbours(nerve, Relation::RootOf, Direction::Inverse)
        .next()
        .is_none()
    {
        return false;
    }
    let has_parent = [
        (Relation::BranchOf, Direction::Forward),
        (Relation::PartOf, Direction::Forward),
        (Relation::ContinuesAs, Direction::Inverse),
    ]
    .into_iter()
    .any(|(r, d)| atlas.neighbours(nerve, r, d).next().is_some());
    let children = atlas
        .neighbours(nerve, Relation::BranchOf, Direction::Inverse)
        .chain(atlas.neighbours(nerve, Relation::PartOf, Direction::Inverse))
        .count();
    !has_parent && children >= 2
}

/// Every single lesion `localize` weighs: nerves and their branches, parts, divisions,
/// cords and trunks (not whole plexuses), roots, and nerves at the places along their
/// course that spare something (a place above every branch, such as the ulnar nerve at
/// the elbow, takes what the whole nerve takes, and the nerve stands for it).
pub fn candidates(atlas: &Atlas) -> Vec<Lesion> {
    let nerves = atlas
        .of_kind(Kind::Nerve)
        .iter()
        .filter(|n| !is_plexus(atlas, **n));
    let roots = atlas.of_kind(Kind::Root).iter();
    nerves
        .chain(roots)
        .map(|n| Lesion::Node(*n))
        .chain(
            sites::sites(atlas)
                .into_iter()
                .filter(|s| !s.spares.is_empty())
                .map(Lesion::Site),
        )
        .collect()
}

/// How a finding counts for a candidate, in hundredths, and what it says of it.
///
/// - `weak`: a muscle or head the lesion paralyses counts 100 and one it weakens 90 (a
///   palsy of every muscle of Erb's pattern is explained better by the upper trunk,
///   which takes both their levels, than by one root); a movement or group counts its
///   share of members the lesion reaches (prime movers weigh twice an assisting one), so
///   a lesion that spares the main wrist extensors explains "weak wrist extension" only
///   in part.
/// - `numb`: a numb area counts 100, a partly numb one 50; `lost` likewise for a gland
///   or a sense.
/// - `reflex-lost`: a lost reflex counts 100; a reduced one 50, except for a root lesion
///   of one of its principal levels, which counts as much as its nerve (the reflex is
///   "absent or reduced").
/// - `spared`: a structure the lesion leaves alone counts 100; one it takes contradicts
///   it in proportion to how much it takes (a lost muscle −100, a weakened one −50, a
///   movement by the share of its performers lost), so elbow extension found normal
///   barely counts against a lesion that takes anconeus alone.
fn weigh(atlas: &Atlas, deficit: &Deficit, f: &Finding, disputed: bool) -> (Verdict, i64) {
    let Some(effect) = deficit.effect_of(atlas, f.node, disputed) else {
        return match f.sign {
            Sign::Spared => (Verdict::Explains, 100),
            _ => (Verdict::Misses, 0),
        };
    };
    let points = match f.sign {
        Sign::Spared => {
            let taken = share(atlas, deficit, f.node, disputed, Taken::Amount);
            return (Verdict::Contradicts, -hundredths(taken.max(0.01)));
        }
        Sign::Weak => hundredths(share(atlas, deficit, f.node, disputed, Taken::Weakness)),
        Sign::Numb | Sign::Lost => match effect {
            Effect::Lost => 100,
            Effect::Weakened => 50,
        },
        Sign::ReflexLost => match effect {
            Effect::Lost => 100,
            Effect::Weakened if principal_root_of(atlas, deficit, f.node) => 100,
            Effect::Weakened => 50,
        },
        // a bedside sign is replaced by its findings before any lesion is weighed
        Sign::Shows => return (Verdict::Misses, 0),
    };
    (Verdict::Explains, points)
}

fn hundredths(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

/// How a member taken by a lesion counts towards a share.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Taken {
    /// As a weakness: lost 1, weakened 0.9.
    Weakness,
    /// Lost 1, weakened ½: how much of it is gone?
    Amount,
}

/// The share, 0 to 1, of a structure a lesion takes: for a muscle, head, skin area or
/// reflex its own effect; for a movement its performers, prime movers weighing twice
/// an assisting one; for a group its members.
pub(super) fn share(
    atlas: &Atlas,
    deficit: &Deficit,
    node: StructureId,
    disputed: bool,
    taken: Taken,
) -> f64 {
    let amount = |e: Option<Effect>| match (e, taken) {
        (None, _) => 0.0,
        (Some(Effect::Lost), _) => 1.0,
        (Some(Effect::Weakened), Taken::Weakness) => 0.9,
        (Some(Effect::Weakened), Taken::Amount) => 0.5,
    };
    let members: Vec<(StructureId, f64)> = match atlas.node(node).kind {
        Kind::Movement => atlas
            .neighbours(node, Relation::Performs, Direction::Inverse)
            .filter(|(e, _)| disputed || atlas.is_standard(*e))
            .map(|(e, m)| {
                let weight = match atlas.fact(e).role {
                    Some(Role::Assisting) => 0.5,
                    _ => 1.0,
                };
                (m, weight)
            })
            .collect(),
        Kind::Group => atlas
            .neighbours(node, Relation::MemberOf, Direction::Inverse)
            .filter(|(e, _)| disputed || atlas.is_standard(*e))
            .map(|(_, m)| (m, 1.0))
            .collect(),
        _ => Vec::new(),
    };
    let total: f64 = members.iter().map(|(_, w)| w).sum();
    if total == 0.0 {
        return amount(deficit.effect_of(atlas, node, disputed));
    }
    let gone: f64 = members
        .iter()
        .map(|(m, w)| w * amount(deficit.effect_of(atlas, *m, disputed)))
        .sum();
    gone / total
}

/// Whether the lesion is a root lesion of one of the reflex's principal levels: a level
/// its facts' `roots` weigh as principal, or, where they give it no weight, a root the
/// reflex is mediated by in a standard fact of its own (the superficial abdominal
/// reflex's T8–T12).
fn principal_root_of(atlas: &Atlas, deficit: &Deficit, reflex: StructureId) -> bool {
    use crate::graph::agreement::Weight;
    let root = deficit.lesion.node();
    if atlas.node(root).kind != Kind::Root || !matches!(&deficit.lesion, Lesion::Node(_)) {
        return false;
    }
    match atlas.level_weight(reflex, root) {
        Some(weight) => weight == Weight::Principal,
        None => atlas
            .neighbours(reflex, Relation::MediatedBy, Direction::Forward)
            .any(|(e, r)| r == root && atlas.is_standard(e) && !atlas.fact(e).minor),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Explains,
    Misses,
    Contradicts,
}

/// A candidate's score: the findings' weights (see `weigh`) less a penalty for the
/// muscles, skin areas and dermatomes it affects that no finding names, so of two
/// lesions that explain the same findings the smaller ranks first. The penalty grows
/// with that extent but stays under half a finding, so a larger lesion that explains a
/// finding better is never outranked by a smaller one that explains it only in part.
pub fn score(atlas: &Atlas, deficit: &Deficit, findings: &[Finding], disputed: bool) -> Candidate {
    let mut c = Candidate {
        lesion: deficit.lesion.clone(),
        rank: 0,
        score: 0,
        explains: Vec::new(),
        misses: Vec::new(),
        contradicts: Vec::new(),
    };
    for f in findings {
        let (verdict, points) = weigh(atlas, deficit, f, disputed);
        c.score += points;
        match verdict {
            Verdict::Explains => c.explains.push(f.node),
            Verdict::Misses => c.misses.push(f.node),
            Verdict::Contradicts => c.contradicts.push(f.node),
        }
    }
    let named: HashSet<StructureId> = findings.iter().map(|f| f.node).collect();
    let extra = deficit.extent()
        - deficit
            .muscles
            .iter()
            .filter(|m| named.contains(&m.muscle))
            .count()
        - deficit
            .skin
            .iter()
            .filter(|s| named.contains(&s.node))
            .count();
    c.score -= parsimony(extra);
    c
}

#[cfg(test)]
pub(super) fn parsimony_for_tests(extra: usize) -> i64 {
    parsimony(extra)
}

/// The penalty, in hundredths, for `extra` structures no finding names: 0 for none,
/// rising towards (never reaching) 49.
fn parsimony(extra: usize) -> i64 {
    let extra = i64::try_from(extra).unwrap_or(i64::MAX / 64);
    49 * extra / (extra + 20)
}

/// Ranks the candidate lesions by how well each explains the findings. Candidates that
/// explain none of the weak, numb or reflex findings are left out; equal scores share a
/// rank and are ordered by name.
pub fn localize(atlas: &Atlas, findings: &[Finding], disputed: bool) -> Ranking {
    let unlimited = |_| Ok::<(), std::convert::Infallible>(());
    match localize_within(atlas, findings, disputed, unlimited) {
        Ok(ranking) => ranking,
        Err(never) => match never {},
    }
}

/// [`localize`], paying `spend` before each candidate: working out one candidate's
/// deficit reads every muscle and its facts, so each costs a step per muscle and per
/// fact of one (a generated graph of 100,000 structures has tens of thousands of
/// candidates and of muscles), and a step per nerve it cuts off. The query's work budget
/// pays, and a Ctrl-C stops it.
pub fn localize_within<E>(
    atlas: &Atlas,
    findings: &[Finding],
    disputed: bool,
    spend: impl FnMut(u64) -> Result<(), E>,
) -> Result<Ranking, E> {
    ranking(atlas, findings, candidates(atlas), disputed, spend)
}

fn ranking<E>(
    atlas: &Atlas,
    findings: &[Finding],
    lesions: Vec<Lesion>,
    disputed: bool,
    mut spend: impl FnMut(u64) -> Result<(), E>,
) -> Result<Ranking, E> {
    let positive: HashSet<StructureId> = findings
        .iter()
        .filter(|f| f.sign != Sign::Spared)
        .map(|f| f.node)
        .collect();
    let cost = super::deficit_cost(atlas);
    let mut scored: Vec<(Candidate, Deficit)> = Vec::new();
    for l in &lesions {
        let d = super::lesion_costing(atlas, l, disputed, cost, &mut spend)?;
        if d.is_empty() {
            continue;
        }
        let c = score(atlas, &d, findings, disputed);
        if c.explains.iter().any(|n| positive.contains(n)) {
            scored.push((c, d));
        }
    }
    scored.sort_by_cached_key(|(c, _)| {
        (
            std::cmp::Reverse(c.score),
            c.lesion.name(atlas).to_lowercase(),
            c.lesion.id(atlas).to_string(),
        )
    });
    let scores: Vec<i64> = scored.iter().map(|(c, _)| c.score).collect();
    for (c, _) in &mut scored {
        c.rank = 1 + scores.iter().filter(|s| **s > c.score).count();
    }
    scored.retain(|(c, _)| c.rank <= LOCALIZE_LIMIT);
    let best = scored.first().map(|(_, d)| d.clone());
    let separator = match scored.as_slice() {
        [(_, a), (_, b), ..] => separator(atlas, a, b, findings, disputed),
        _ => None,
    };
    Ok(Ranking {
        findings: findings.to_vec(),
        candidates: scored.into_iter().map(|(c, _)| c).collect(),
        best,
        separator,
    })
}

/// The muscle, reflex or skin area, not already among the findings, whose share taken
/// differs most between two lesions; a muscle before a reflex before skin at equal
/// difference (strength is the easiest to test), then by name.
fn separator(
    atlas: &Atlas,
    a: &Deficit,
    b: &Deficit,
    findings: &[Finding],
    disputed: bool,
) -> Option<Separator> {
    let named: HashSet<StructureId> = findings.iter().map(|f| f.node).collect();
    let muscles = a.muscles.iter().chain(&b.muscles).map(|m| (m.muscle, 0));
    let reflexes = a.reflexes.iter().chain(&b.reflexes).map(|r| (r.node, 1));
    let skin = a.skin.iter().chain(&b.skin).map(|s| (s.node, 2));
    let mut best: Option<(i64, u8, String, Separator)> = None;
    for (node, order) in muscles.chain(reflexes).chain(skin) {
        if named.contains(&node) {
            continue;
        }
        let (ea, eb) = (
            a.effect_of(atlas, node, disputed),
            b.effect_of(atlas, node, disputed),
        );
        let diff = hundredths(
            (share(atlas, a, node, disputed, Taken::Amount)
                - share(atlas, b, node, disputed, Taken::Amount))
            .abs(),
        );
        if diff == 0 {
            continue;
        }
        let key = (-diff, order, atlas.node(node).name.to_lowercase());
        let better = match &best {
            None => true,
            Some((d, o, n, _)) => key < (*d, *o, n.clone()),
        };
        if better {
            let found = Separator {
                node,
                first: ea,
                second: eb,
            };
            best = Some((key.0, key.1, key.2, found));
        }
    }
    best.map(|(_, _, _, s)| s)
}
