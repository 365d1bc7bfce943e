//! What the tests over the bundled data share: the atlas, answer sets by id, the
//! completeness of a muscle, and the `exam!` macro for exact answer sets.

// each test crate uses some of these, not all
#![allow(dead_code)]

use fascia::Atlas;
use fascia::graph::StructureId;
use fascia::graph::model::{Direction, Kind, Relation};
use std::sync::LazyLock;

pub static ATLAS: LazyLock<Atlas> =
    LazyLock::new(|| fascia::bundled().unwrap_or_else(|e| panic!("bundled data: {e}")));

/// The ids a set query answers, in answer order.
pub fn ids(query: &str) -> Vec<String> {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, fascia::query::Answer::Set(set))) => set
            .nodes
            .iter()
            .map(|n| ATLAS.node(*n).id.to_string())
            .collect(),
        Ok((_, other)) => panic!("{query}: not a set: {other:?}"),
        Err(e) => panic!("{}", e.render(query)),
    }
}

/// The heads and parts of a muscle.
pub fn parts(m: StructureId) -> Vec<StructureId> {
    ATLAS
        .neighbours(m, Relation::PartOf, Direction::Inverse)
        .map(|(_, p)| p)
        .filter(|p| ATLAS.node(*p).kind == Kind::MusclePart)
        .collect()
}

/// Whether a muscle states the relation itself or on every one of its parts.
pub fn covered(m: StructureId, relation: Relation) -> bool {
    let parts = parts(m);
    ATLAS.has_fact(m, relation)
        || (!parts.is_empty() && parts.iter().all(|p| ATLAS.has_fact(*p, relation)))
}

/// What every muscle must have: an origin, an insertion, an innervation, an arterial
/// supply and an action.
pub const REQUIRED: [Relation; 5] = [
    Relation::OriginatesFrom,
    Relation::InsertsInto,
    Relation::InnervatedBy,
    Relation::SuppliedBy,
    Relation::Performs,
];

/// Each listed muscle that is missing, not a muscle, lacks a required fact or has no
/// Latin name, said in a line.
pub fn muscle_problems(muscles: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for m in muscles {
        let Some(n) = ATLAS.by_id(m) else {
            problems.push(format!("{m} is missing"));
            continue;
        };
        if ATLAS.node(n).kind != Kind::Muscle {
            problems.push(format!("{m} is not a muscle"));
        }
        for r in REQUIRED {
            if !covered(n, r) {
                problems.push(format!("{m} lacks {r}"));
            }
        }
        if ATLAS.node(n).latin.is_none() {
            problems.push(format!("{m} has no Latin name"));
        }
    }
    problems
}

/// One test per exam question: the query's answer, as a set of ids, is exactly the
/// set given.
#[macro_export]
macro_rules! exam {
    ($($name:ident: $query:literal => [$($id:literal),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let mut want: Vec<String> = vec![$($id.to_string()),*];
                want.sort();
                let mut got = common::ids($query);
                got.sort();
                assert_eq!(got, want, "{}", $query);
            }
        )*
    };
}
