//! Properties of answers on the bundled data: a fact answers both of its readings, `*`
//! only adds answers, and every path is made of real facts from where it was asked to
//! where it was asked. Stated at the level of single facts (the graph's edges and what
//! `why` finds asserted), so they hold however far a direct query reaches.

use fascia::Atlas;
use fascia::graph::model::{Direction, Kind, Relation};
use fascia::graph::{FactId, StructureId};
use fascia::query::Answer;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static ATLAS: LazyLock<Atlas> =
    LazyLock::new(|| fascia::bundled().unwrap_or_else(|e| panic!("{e}")));

/// A structure's id as a query name.
fn id(atlas: &Atlas, n: StructureId) -> String {
    format!("\"{}\"", atlas.node(n).id)
}

/// The ids a set query answers, or nothing when it does not resolve (a kind the
/// relation does not take).
fn answers(atlas: &Atlas, query: &str) -> Option<BTreeSet<StructureId>> {
    match fascia::query::run(atlas, query) {
        Ok((_, Answer::Set(set))) => Some(set.nodes.into_iter().collect()),
        Ok((_, other)) => panic!("{query}: not a set: {other:?}"),
        Err(_) => None,
    }
}

/// The facts `why` finds asserted for `subject relation target`, or nothing when the
/// query does not resolve.
fn asserted(
    atlas: &Atlas,
    subject: StructureId,
    relation: &str,
    target: StructureId,
) -> Option<BTreeSet<FactId>> {
    let query = format!(
        "why {} {relation} {}",
        id(atlas, subject),
        id(atlas, target)
    );
    match fascia::query::run(atlas, &query) {
        Ok((_, Answer::Why(why))) => Some(why.asserted.into_iter().collect()),
        Ok((_, other)) => panic!("{query}: not a why: {other:?}"),
        Err(_) => None,
    }
}

/// The edges stating `from relation to`.
fn edges(
    atlas: &Atlas,
    from: StructureId,
    relation: Relation,
    to: StructureId,
) -> BTreeSet<FactId> {
    atlas
        .neighbours(from, relation, Direction::Forward)
        .filter(|(_, object)| *object == to)
        .map(|(e, _)| e)
        .collect()
}

/// Whether an answer holds `n` itself or, folded into it, a whole `n` is part of.
fn holds(atlas: &Atlas, answer: &BTreeSet<StructureId>, n: StructureId) -> bool {
    let mut stack = vec![n];
    let mut seen = BTreeSet::new();
    while let Some(at) = stack.pop() {
        if answer.contains(&at) {
            return true;
        }
        for (_, whole) in atlas.neighbours(at, Relation::PartOf, Direction::Forward) {
            if seen.insert(whole) {
                stack.push(whole);
            }
        }
    }
    false
}

#[test]
fn every_fact_answers_its_relation_and_the_inverse() {
    let atlas = &*ATLAS;
    for edge in atlas.facts() {
        let (x, y) = atlas.ends(edge);
        let relation = atlas.fact(edge).relation;
        let forward = relation.name(Direction::Forward);
        let inverse = relation.name(Direction::Inverse);
        // every fact counts with `including disputed`; a part answers through its whole
        let got = answers(
            atlas,
            &format!("structures {forward} {} including disputed", id(atlas, y)),
        );
        assert!(
            got.as_ref().is_some_and(|s| holds(atlas, s, x)),
            "{} {forward} {} is a fact, but not an answer",
            atlas.node(x).id,
            atlas.node(y).id
        );
        for (subject, name, target) in [(x, forward, y), (y, inverse, x)] {
            let why = asserted(atlas, subject, name, target);
            assert!(
                why.as_ref().is_some_and(|w| w.contains(&edge)),
                "why {} {name} {}: {why:?} misses the fact",
                atlas.node(subject).id,
                atlas.node(target).id
            );
        }
        let got = answers(
            atlas,
            &format!("structures {inverse} {} including disputed", id(atlas, x)),
        );
        assert!(
            got.as_ref().is_some_and(|s| holds(atlas, s, y)),
            "{} {inverse} {} is a fact, but not an answer",
            atlas.node(y).id,
            atlas.node(x).id
        );
    }
}

/// Indices of structures to pick from, by position.
fn node(atlas: &Atlas, i: usize) -> StructureId {
    StructureId::new(i % atlas.structure_count())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// `why X R Y` asserts exactly the facts stating it, and `why Y inverse-R X` the same
    /// facts. Root levels are attributes of innervation facts, not facts of their own,
    /// and are left out.
    #[test]
    fn why_asserts_a_fact_in_both_readings_and_nothing_else(a in any::<usize>(), b in any::<usize>()) {
        let atlas = &*ATLAS;
        let (x, y) = (node(atlas, a), node(atlas, b));
        prop_assume!(atlas.node(x).kind != Kind::Root && atlas.node(y).kind != Kind::Root);
        for relation in Relation::ALL {
            // a name of the wrong kind resolves to another structure by its name
            if !relation.domain().contains(atlas.node(x).kind)
                || !relation.range().contains(atlas.node(y).kind)
            {
                continue;
            }
            let facts = edges(atlas, x, relation, y);
            let forward = asserted(atlas, x, relation.name(Direction::Forward), y);
            let inverse = asserted(atlas, y, relation.name(Direction::Inverse), x);
            let (x_id, y_id) = (&atlas.node(x).id, &atlas.node(y).id);
            prop_assert_eq!(forward, Some(facts.clone()), "why {} {} {}", x_id, relation, y_id);
            prop_assert_eq!(inverse, Some(facts), "why {} {} {}", y_id, relation.name(Direction::Inverse), x_id);
        }
    }

    /// `R*` reaches at least what `R` reaches, in both directions.
    #[test]
    fn star_answers_contain_the_direct_answers(a in any::<usize>()) {
        let atlas = &*ATLAS;
        let target = node(atlas, a);
        for relation in Relation::ALL {
            for direction in [Direction::Forward, Direction::Inverse] {
                let takes = match direction {
                    Direction::Forward => relation.range(),
                    Direction::Inverse => relation.domain(),
                };
                // a name of the wrong kind resolves to another structure by its name
                if !takes.contains(atlas.node(target).kind) {
                    continue;
                }
                let name = relation.name(direction);
                let direct = answers(atlas, &format!("structures {name} {}", id(atlas, target)));
                let star = answers(atlas, &format!("structures {name}* {}", id(atlas, target)));
                let target_id = &atlas.node(target).id;
                match (direct, star) {
                    (Some(direct), Some(star)) => {
                        prop_assert!(direct.is_subset(&star), "{} {}", name, target_id);
                    }
                    (None, None) => {} // e.g. `structures performed-by` of a bone
                    _ => prop_assert!(false, "{} {} resolves with or without `*` only", name, target_id),
                }
            }
        }
    }

    /// Every path starts and ends where asked, and each step is a fact joining the
    /// structures on either side of it.
    #[test]
    fn paths_are_made_of_real_facts(a in any::<usize>(), b in any::<usize>(), max in 1usize..=4) {
        let atlas = &*ATLAS;
        let (from, to) = (node(atlas, a), node(atlas, b));
        prop_assume!(from != to);
        let (f, t) = (id(atlas, from), id(atlas, to));
        let mut found = Vec::new();
        match fascia::query::run(atlas, &format!("paths {f} to {t} max {max}")) {
            Ok((_, Answer::Paths { paths, .. })) => {
                for p in &paths {
                    prop_assert!(p.steps.len() <= max);
                }
                found.extend(paths);
            }
            Ok((_, other)) => panic!("not paths: {other:?}"),
            // the work limit may stop a search; what it stops is not a wrong answer
            Err(fascia::QueryError::WorkLimit { .. }) => {}
            Err(e) => panic!("{e}"),
        }
        match fascia::query::run(atlas, &format!("path {f} to {t}")) {
            Ok((_, Answer::Path { path, .. })) => found.extend(path),
            Ok((_, other)) => panic!("not a path: {other:?}"),
            Err(e) => panic!("{e}"),
        }
        for path in found {
            prop_assert_eq!(path.nodes.first(), Some(&from));
            prop_assert_eq!(path.nodes.last(), Some(&to));
            prop_assert_eq!(path.nodes.len(), path.steps.len() + 1);
            for (i, step) in path.steps.iter().enumerate() {
                let (s, o) = atlas.ends(step.edge);
                let (a, b) = (path.nodes[i], path.nodes[i + 1]);
                let joined = if step.forward { (s, o) == (a, b) } else { (s, o) == (b, a) };
                prop_assert!(joined, "step {} of a path does not join its ends", i);
                prop_assert_eq!(atlas.fact(step.edge).relation, step.relation);
            }
        }
    }
}
