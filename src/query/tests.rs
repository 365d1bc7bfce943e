//! Evaluator and resolution tests over the small fixture graph in tests/fixtures/mini.

use super::*;
use crate::error::QueryError;
use crate::graph::model::Kind;
use std::sync::LazyLock;

static MINI: LazyLock<Atlas> = LazyLock::new(|| {
    crate::load_files(
        [(
            "mini.toml",
            include_str!("../../tests/fixtures/mini/mini.toml"),
        )],
        "mini",
    )
    .unwrap_or_else(|e| panic!("fixture does not load: {e}"))
});

/// The ids a set query answers, in answer order.
fn ids(text: &str) -> Vec<String> {
    match run(&MINI, text) {
        Ok((_, Answer::Set(set))) => set
            .nodes
            .iter()
            .map(|n| MINI.node(*n).id.to_string())
            .collect(),
        other => panic!("{text}: {other:?}"),
    }
}

fn err(text: &str) -> QueryError {
    match run(&MINI, text) {
        Err(e) => e,
        Ok(a) => panic!("{text} answered {a:?}"),
    }
}

macro_rules! answers {
    ($($query:literal => [$($id:literal),* $(,)?];)*) => {
        $( assert_eq!(ids($query), vec![$($id.to_string()),*] as Vec<String>, "{}", $query); )*
    };
}

#[test]
fn one_hop_relations_are_direct_only() {
    answers! {
        "muscles innervated-by tibial" => ["long-head-of-biceps-femoris", "soleus"];
        "muscles innervated-by \"medial plantar\"" => ["abductor-hallucis"];
        "muscles located-in posterior-compartment-of-leg" => ["soleus"];
        "muscles member-of hamstrings" => ["biceps-femoris"];
        "muscles performs plantarflexion" => ["abductor-hallucis", "soleus"];
        "muscles inserts-into calcaneus" => ["abductor-hallucis"];
    }
}

#[test]
fn star_follows_branches_parts_tendons_and_continuations() {
    answers! {
        "muscles innervated-by* sciatic" => [
            "abductor-hallucis", "long-head-of-biceps-femoris",
            "short-head-of-biceps-femoris", "soleus", "tibialis-anterior"
        ];
        "muscles innervated-by* tibial" => ["abductor-hallucis", "long-head-of-biceps-femoris", "soleus"];
        "muscles inserts-into* calcaneus" => ["abductor-hallucis", "soleus"];
        "muscles originates-from* calcaneus" => ["abductor-hallucis"];
        // through a tendon, not through a ligament
        "muscles originates-from long-plantar-ligament" => ["long-head-of-biceps-femoris"];
        "muscles supplied-by* femoral-artery" => ["abductor-hallucis", "biceps-femoris", "soleus", "tibialis-anterior"];
        "muscles performs* ankle-joint" => ["abductor-hallucis", "soleus", "tibialis-anterior"];
        "nerves branch-of* sciatic" => ["common-fibular-nerve", "deep-fibular-nerve", "medial-plantar-nerve", "nerve-to-obturator-internus", "tibial-nerve"];
    }
}

#[test]
fn inverse_relations_read_from_the_object() {
    answers! {
        "nerves innervates soleus" => ["tibial-nerve"];
        "arteries supplies soleus" => ["posterior-tibial-artery"];
        "bones has-part calcaneal-tuberosity" => ["calcaneus"];
        "movements performed-by soleus" => ["ankle-plantarflexion"];
        "roots innervates soleus" => ["l5", "s1", "s2"];
    }
}

#[test]
fn root_levels_of_innervation_facts_are_searchable() {
    answers! {
        "muscles innervated-by l4" => ["tibialis-anterior"];
        "muscles innervated-by L5" => ["long-head-of-biceps-femoris", "short-head-of-biceps-femoris", "soleus", "tibialis-anterior"];
    }
}

#[test]
fn boolean_combinations_and_subqueries() {
    answers! {
        "muscles innervated-by tibial and originates-from* fibula" => ["soleus"];
        "muscles innervated-by tibial or innervated-by \"deep fibular\"" => ["long-head-of-biceps-femoris", "soleus", "tibialis-anterior"];
        "muscles innervated-by* sciatic and not innervated-by* tibial" => ["short-head-of-biceps-femoris", "tibialis-anterior"];
        "muscles innervated-by* sciatic except innervated-by* tibial" => ["short-head-of-biceps-femoris", "tibialis-anterior"];
        "(muscles innervated-by tibial) or (nerves branch-of tibial)" => ["long-head-of-biceps-femoris", "medial-plantar-nerve", "soleus"];
        "muscles except muscles innervated-by* sciatic" => ["biceps-femoris"];
        "muscles innervated-by (nerves branch-of common-fibular)" => ["tibialis-anterior"];
        "parts" => ["long-head-of-biceps-femoris", "short-head-of-biceps-femoris"];
        "muscles limit 2" => ["abductor-hallucis", "biceps-femoris"];
    }
}

#[test]
fn count_and_limit() {
    let Ok((_, Answer::Count(n))) = run(&MINI, "count muscles innervated-by* sciatic") else {
        panic!()
    };
    assert_eq!(n, 5);
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles limit 1") else {
        panic!()
    };
    assert_eq!((set.nodes.len(), set.total), (1, 6));
}

#[test]
fn names_forgive_case_kind_words_and_aliases() {
    answers! {
        "muscles innervated-by \"Tibial Nerve\"" => ["long-head-of-biceps-femoris", "soleus"];
        "muscles innervated-by 'medial popliteal nerve'" => ["long-head-of-biceps-femoris", "soleus"];
        "muscles inserts-into \"Achilles tendon\"" => ["soleus"];
        "muscles innervated-by deep peroneal" => ["tibialis-anterior"];
        "muscles innervated-by common peroneal nerve" => ["short-head-of-biceps-femoris"];
    }
}

#[test]
fn exact_names_beat_partial_ones() {
    // `obturator` is the obturator nerve, not the nerve to obturator internus
    let Ok((_, Answer::Show(n))) = run(&MINI, "show obturator nerve") else {
        panic!()
    };
    assert_eq!(MINI.node(n).id, "obturator-nerve");
    let Ok((_, Answer::Path { from, .. })) = run(&MINI, "path obturator to sciatic") else {
        panic!()
    };
    assert_eq!(MINI.node(from).id, "obturator-nerve");
}

#[test]
fn a_name_beats_an_alias_less_its_kind_word() {
    // `sciatic` is the sciatic nerve's name less "nerve", and the "sciatic artery" alias
    // of the inferior gluteal artery less "artery": the name wins
    let Ok((_, Answer::Show(n))) = run(&MINI, "show sciatic") else {
        panic!()
    };
    assert_eq!(MINI.node(n).id, "sciatic-nerve");
    let Ok((_, Answer::Show(n))) = run(&MINI, "show sciatic artery") else {
        panic!()
    };
    assert_eq!(MINI.node(n).id, "inferior-gluteal-artery");
    let Ok((_, Answer::Show(n))) = run(&MINI, "show soleus muscle") else {
        panic!()
    };
    assert_eq!(MINI.node(n).id, "soleus");
}

#[test]
fn same_kind_relations_take_the_selectors_kind() {
    // `popliteal` alone could be any popliteal structure; after `arteries branch-of`
    // it is the artery
    answers! { "arteries branch-of popliteal" => ["anterior-tibial-artery", "posterior-tibial-artery"]; }
}

#[test]
fn kind_directs_resolution() {
    // after innervated-by, `tibial` can only be the nerve
    answers! { "muscles innervated-by tibial" => ["long-head-of-biceps-femoris", "soleus"]; }
    // a partial name that fits one structure of the right kind resolves
    answers! { "muscles supplied-by popliteal" => []; }
}

#[test]
fn wrong_kinds_are_explained() {
    let e = err("muscles innervated-by femur");
    assert_eq!(
        e.to_string(),
        "`Femur` is a bone; innervated-by takes a nerve or a spinal root"
    );
    let e = err("arteries innervated-by tibial");
    assert_eq!(
        e.to_string(),
        "arteries are never innervated-by anything: innervated-by is stated of a muscle, a muscle part, a bone, a joint, a skin area or a dermatome"
    );
}

#[test]
fn ambiguous_and_unknown_names() {
    let e = err("show tibial artery");
    let QueryError::Ambiguous { candidates, .. } = &e else {
        panic!("{e:?}")
    };
    let ids: Vec<&str> = candidates.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(ids, ["anterior-tibial-artery", "posterior-tibial-artery"]);

    let e = err("muscles innervated-by tibail");
    let QueryError::UnknownName {
        suggestions, what, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(what, "nerve or spinal root");
    assert_eq!(suggestions.first().map(String::as_str), Some("tibial"));
    assert_eq!(
        e.render("muscles innervated-by tibail"),
        "error: unknown nerve or spinal root `tibail`\n  | muscles innervated-by tibail\n  |                       ^^^^^^\n  = did you mean `tibial` or `tibial nerve`?"
    );
}

#[test]
fn show_and_why_and_paths() {
    let Ok((_, Answer::Path { path: Some(p), .. })) = run(&MINI, "path soleus to sciatic") else {
        panic!()
    };
    let names: Vec<&str> = p.nodes.iter().map(|n| MINI.node(*n).id.as_str()).collect();
    assert_eq!(names, ["soleus", "tibial-nerve", "sciatic-nerve"]);
    assert!(p.steps.iter().all(|s| s.forward));

    let Ok((_, Answer::Path { path: Some(p), .. })) =
        run(&MINI, "path sciatic to soleus via branch-of, innervated-by")
    else {
        panic!()
    };
    assert!(p.steps.iter().all(|s| !s.forward));

    let Ok((_, Answer::Path { path: None, .. })) = run(&MINI, "path soleus to femoral-vein") else {
        panic!()
    };

    let Ok((_, Answer::Paths { paths, .. })) = run(&MINI, "paths soleus to sciatic max 3") else {
        panic!()
    };
    assert_eq!(
        paths.len(),
        1,
        "the two tibial innervation facts are one step"
    );
    let Ok((
        _,
        Answer::Paths {
            paths, truncated, ..
        },
    )) = run(&MINI, "paths soleus to sciatic max 5")
    else {
        panic!()
    };
    assert!(!truncated);
    assert!(paths.len() >= 3, "{paths:?}");
    assert_eq!(paths[0].steps.len(), 2);
    assert!(
        paths
            .windows(2)
            .all(|w| w[0].steps.len() <= w[1].steps.len())
    );
    assert!(paths.iter().all(|p| {
        let mut seen = p.nodes.clone();
        seen.sort();
        seen.dedup();
        seen.len() == p.nodes.len() && p.steps.len() <= 5
    }));

    let Ok((_, Answer::Why(w))) = run(&MINI, "why soleus inserts-into* calcaneus") else {
        panic!()
    };
    assert!(w.asserted.is_empty());
    let chain: Vec<_> = w
        .inferred
        .unwrap()
        .steps
        .iter()
        .map(|s| s.relation)
        .collect();
    use crate::graph::model::Relation::*;
    assert_eq!(chain, [InsertsInto, AttachesTo, PartOf]);

    let Ok((_, Answer::Why(w))) = run(&MINI, "why soleus innervated-by tibial") else {
        panic!()
    };
    assert_eq!(w.asserted.len(), 2);
    let Ok((_, Answer::Why(w))) = run(&MINI, "why soleus inserts-into calcaneus") else {
        panic!()
    };
    assert!(w.asserted.is_empty() && w.inferred.is_none());

    let Ok((_, Answer::Around(g))) = run(&MINI, "around calcaneal-tendon depth 1") else {
        panic!()
    };
    let mut ids: Vec<&str> = g.nodes.iter().map(|n| MINI.node(*n).id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["calcaneal-tendon", "calcaneal-tuberosity", "soleus"]);
    assert_eq!(g.edges.len(), 2);
}

#[test]
fn muscles_include_heads_named_with_their_muscle() {
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles innervated-by common-fibular") else {
        panic!()
    };
    let s = MINI.node(set.nodes[0]);
    assert_eq!(
        (s.name.as_str(), s.kind),
        ("Biceps femoris, short head", Kind::MusclePart)
    );
}
