//! `localize`: the candidate single lesions and how well each explains the findings.

use super::{
    Candidate, Deficit, Effect, Finding, LOCALIZE_LIMIT, Lesion, Ranking, Sign, lesion, sites,
};
use crate::graph::Atlas;
use crate::graph::model::{Direction, Kind, Relation};
use petgraph::graph::NodeIndex;
use std::collections::HashSet;

/// A top-level nerve with several branches or parts: a whole plexus, not a single
/// lesion `localize` proposes.
fn is_plexus(atlas: &Atlas, nerve: NodeIndex) -> bool {
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
/// cords and trunks (not whole plexuses), roots, and nerves at their common sites.
pub fn candidates(atlas: &Atlas) -> Vec<Lesion> {
    let nerves = atlas
        .of_kind(Kind::Nerve)
        .iter()
        .filter(|n| !is_plexus(atlas, **n));
    let roots = atlas.of_kind(Kind::Root).iter();
    nerves
        .chain(roots)
        .map(|n| Lesion::Node(*n))
        .chain(sites::sites(atlas).into_iter().map(Lesion::Site))
        .collect()
}

/// How a finding counts for a candidate, in hundredths: a weakness explained by a lost or
/// weakened muscle or movement, numbness by a numb area and a lost reflex by a lost one
/// count 100 (partly numb, reduced: 50); a structure found spared counts 100 when the
/// lesion leaves it alone and −100 (a contradiction) when it does not.
fn weigh(sign: Sign, effect: Option<Effect>) -> (Verdict, i64) {
    match (sign, effect) {
        (Sign::Spared, None) => (Verdict::Explains, 100),
        (Sign::Spared, Some(_)) => (Verdict::Contradicts, -100),
        (_, None) => (Verdict::Misses, 0),
        (Sign::Weak, Some(_)) => (Verdict::Explains, 100),
        (Sign::Numb | Sign::ReflexLost, Some(Effect::Lost)) => (Verdict::Explains, 100),
        (Sign::Numb | Sign::ReflexLost, Some(Effect::Weakened)) => (Verdict::Explains, 50),
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
        let (verdict, points) = weigh(f.sign, deficit.effect_of(atlas, f.node, disputed));
        c.score += points;
        match verdict {
            Verdict::Explains => c.explains.push(f.node),
            Verdict::Misses => c.misses.push(f.node),
            Verdict::Contradicts => c.contradicts.push(f.node),
        }
    }
    let named: HashSet<NodeIndex> = findings.iter().map(|f| f.node).collect();
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
    let positive: HashSet<NodeIndex> = findings
        .iter()
        .filter(|f| f.sign != Sign::Spared)
        .map(|f| f.node)
        .collect();
    // what one deficit reads: every muscle and its facts
    let muscles = atlas.of_kind(Kind::Muscle);
    let cost = muscles.iter().fold(1u64, |sum, m| {
        sum.saturating_add(1 + atlas.graph().edges(*m).count() as u64)
    });
    let mut scored: Vec<(Candidate, Deficit)> = Vec::new();
    for l in &lesions {
        spend(cost)?;
        let d = lesion(atlas, l, disputed);
        // and a step per nerve the lesion cuts off: a long tree's trunk reaches them all
        spend(d.nerves.len() as u64)?;
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
    Ok(Ranking {
        findings: findings.to_vec(),
        candidates: scored.into_iter().map(|(c, _)| c).collect(),
        best,
    })
}
