//! Evaluator and resolution tests over the small fixture graph in tests/fixtures/mini.

use super::error::QueryError;
use super::*;
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
        "muscles innervated-by tibial" => ["biceps-femoris", "soleus"];
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
            "abductor-hallucis", "biceps-femoris", "soleus", "tibialis-anterior"
        ];
        "muscles innervated-by* tibial" => ["abductor-hallucis", "biceps-femoris", "soleus"];
        "muscles inserts-into* calcaneus" => ["abductor-hallucis", "soleus"];
        "muscles originates-from* calcaneus" => ["abductor-hallucis"];
        // through a tendon, not through a ligament
        "muscles originates-from long-plantar-ligament" => ["biceps-femoris"];
        "muscles supplied-by* femoral-artery" => ["abductor-hallucis", "adductor-longus", "biceps-femoris", "soleus", "tibialis-anterior"];
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
        // one of soleus's two sources gives L5: a contributing level
        "roots innervates soleus" => ["s1", "s2"];
    }
}

#[test]
fn root_levels_of_innervation_facts_are_searchable() {
    answers! {
        "muscles innervated-by l4" => ["adductor-longus", "tibialis-anterior"];
        "muscles innervated-by L5" => ["biceps-femoris", "tibialis-anterior"];
    }
}

#[test]
fn boolean_combinations_and_subqueries() {
    answers! {
        "muscles innervated-by tibial and originates-from* fibula" => ["soleus"];
        "muscles innervated-by tibial or innervated-by \"deep fibular\"" => ["biceps-femoris", "soleus", "tibialis-anterior"];
        "muscles innervated-by* sciatic and not innervated-by* tibial" => ["short-head-of-biceps-femoris", "tibialis-anterior"];
        "muscles innervated-by* sciatic except innervated-by* tibial" => ["short-head-of-biceps-femoris", "tibialis-anterior"];
        "(muscles innervated-by tibial) or (nerves branch-of tibial)" => ["biceps-femoris", "medial-plantar-nerve", "soleus"];
        "muscles except muscles innervated-by* sciatic" => ["adductor-longus"];
        "muscles innervated-by (nerves branch-of common-fibular)" => ["tibialis-anterior"];
        "parts" => ["long-head-of-biceps-femoris", "short-head-of-biceps-femoris"];
        "muscles limit 2" => ["abductor-hallucis", "adductor-longus"];
    }
}

#[test]
fn count_and_limit() {
    let Ok((_, Answer::Count(n))) = run(&MINI, "count muscles innervated-by* sciatic") else {
        panic!()
    };
    assert_eq!(n, 4);
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles limit 1") else {
        panic!()
    };
    assert_eq!((set.nodes.len(), set.total), (1, 5));
}

#[test]
fn names_forgive_case_kind_words_and_aliases() {
    answers! {
        "muscles innervated-by \"Tibial Nerve\"" => ["biceps-femoris", "soleus"];
        "muscles innervated-by 'medial popliteal nerve'" => ["biceps-femoris", "soleus"];
        "muscles inserts-into \"Achilles tendon\"" => ["soleus"];
        "muscles innervated-by deep peroneal" => ["tibialis-anterior"];
        "muscles innervated-by common peroneal nerve" => ["biceps-femoris"];
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
    answers! { "muscles innervated-by tibial" => ["biceps-femoris", "soleus"]; }
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
        "`innervated-by` is said of a muscle, a muscle part, a bone, a joint, a skin area, a dermatome, a gland or a sense, never of arteries"
    );
}

/// Issue 20: a relation said of other kinds suggests the one that is said of these, in
/// the query as written; "supply" offers the relations of supply by kind.
#[test]
fn a_relation_that_does_not_fit_suggests_the_one_that_does() {
    let report = |q: &str| err(q).report(q).to_string();
    assert_eq!(
        report("nerves supplies deltoid"),
        "error: `supplies` is said of an artery, never of nerves\n  \
         | nerves supplies deltoid\n  | ^^^^^^^^^^^^^^^\n  \
         = of nerves, ask `nerves innervates deltoid`"
    );
    assert!(report("roots has-root sciatic").ends_with("= of roots, ask `roots root-of sciatic`"));
    assert!(
        report("veins branch-of femoral-vein")
            .ends_with("= of veins, ask `veins tributary-of femoral-vein`")
    );
    // nothing of like meaning fits: no suggestion
    assert!(!report("arteries innervated-by tibial").contains("ask"));
    assert!(
        report("muscles supply tibial")
            .ends_with("= found `supply`; did you mean `innervated-by` or `supplied-by`?")
    );
}

/// Issue 20: a keyword is suggested only when it is close to the word typed.
#[test]
fn keywords_are_suggested_only_when_close() {
    let help = |q: &str| err(q).help().join("\n");
    assert_eq!(
        help("muscles branches tibial"),
        "found `branches`; did you mean `branch-of`?"
    );
    assert_eq!(help("shwo soleus"), "found `shwo`; did you mean `show`?");
    assert_eq!(help("muscles contents soleus"), "found `contents`");
    assert_eq!(help("muscles knee soleus"), "found `knee`");
    assert_eq!(help("how soleus"), "found `how`");
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
        "error: unknown nerve or spinal root `tibail`\n  | muscles innervated-by tibail\n  |                       ^^^^^^\n  = did you mean `tibial`?"
    );
    // one spelling per structure: `tibial nerve` names the same nerve as `tibial`
    assert!(
        !suggestions.iter().any(|s| s == "tibial nerve"),
        "{suggestions:?}"
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
    assert_eq!(w.asserted.len(), 3);
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
fn a_whole_answers_through_its_part_and_a_part_answers_alone() {
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles innervated-by common-fibular") else {
        panic!()
    };
    let s = MINI.node(set.nodes[0]);
    assert_eq!((s.name.as_str(), s.kind), ("Biceps femoris", Kind::Muscle));
    let via: Vec<&str> = set.via[0]
        .iter()
        .flat_map(|t| t.nodes())
        .map(|n| MINI.node(n).name.as_str())
        .collect();
    assert_eq!(via, ["Biceps femoris, short head"]);
    answers! {
        "parts innervated-by common-fibular" => ["short-head-of-biceps-femoris"];
        "nerves innervates biceps-femoris" => ["common-fibular-nerve", "tibial-nerve"];
        "nerves innervates short-head-of-biceps-femoris" => ["common-fibular-nerve"];
    }
}

#[test]
fn a_nerves_divisions_answer_for_the_nerve_and_named_branches_wait_for_star() {
    answers! {
        "muscles innervated-by obturator" => ["adductor-longus"];
        "muscles innervated-by \"anterior division of obturator nerve\"" => ["adductor-longus"];
        // the tibial nerve is a named branch: only `*` reaches its muscles
        "muscles innervated-by sciatic" => [];
        "roots innervates adductor-longus" => ["l4"];
    }
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles innervated-by obturator") else {
        panic!()
    };
    let reaching = set.via[0][0].reaching.map(|n| MINI.node(n).id.as_str());
    assert_eq!(reaching, Some("anterior-division-of-obturator-nerve"));
}

#[test]
fn disputed_facts_wait_for_including_disputed() {
    answers! {
        // the L4 level of soleus rests on a weak source only
        "muscles innervated-by l4" => ["adductor-longus", "tibialis-anterior"];
        "muscles innervated-by l4 including disputed" => ["adductor-longus", "soleus", "tibialis-anterior"];
        "roots innervates soleus" => ["s1", "s2"];
        "roots innervates soleus including disputed" => ["l4", "l5", "s1", "s2"];
        "muscles member-of hamstrings" => ["biceps-femoris"];
        "muscles member-of hamstrings including disputed" => ["adductor-longus", "biceps-femoris"];
    }
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles member-of hamstrings") else {
        panic!()
    };
    assert_eq!(set.more_disputed, 1);
    let Ok((_, Answer::Count(n))) = run(&MINI, "count muscles innervated-by l4 including disputed")
    else {
        panic!()
    };
    assert_eq!(n, 3);
}

#[test]
fn star_over_a_tree_includes_its_continuations() {
    answers! {
        // the femoral artery continues as the popliteal, whose branches are under it too
        "arteries branch-of* femoral-artery" => [
            "anterior-tibial-artery", "popliteal-artery", "posterior-tibial-artery"
        ];
    }
}

#[test]
fn a_direct_answer_says_what_its_star_form_adds() {
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles innervated-by sciatic") else {
        panic!()
    };
    assert_eq!(
        set.hint,
        Some(("muscles innervated-by* sciatic".to_string(), 4))
    );
    // not only when the answer is empty (issue 20)
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles innervated-by tibial") else {
        panic!()
    };
    assert_eq!(set.total, 2);
    assert_eq!(
        set.hint,
        Some(("muscles innervated-by* tibial".to_string(), 3))
    );
    // and nothing when `*` adds nothing
    let Ok((_, Answer::Set(set))) = run(&MINI, "muscles innervated-by \"deep fibular\"") else {
        panic!()
    };
    assert_eq!(set.hint, None);
}

#[test]
fn paths_prefer_facts_that_explain() {
    // biceps femoris reaches the femur through the origin of its short head, not
    // through knee flexion and the knee joint
    let Ok((_, Answer::Path { path: Some(p), .. })) = run(&MINI, "path biceps-femoris to femur")
    else {
        panic!()
    };
    let ids: Vec<&str> = p.nodes.iter().map(|n| MINI.node(*n).id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "biceps-femoris",
            "short-head-of-biceps-femoris",
            "linea-aspera",
            "femur"
        ]
    );
}

#[test]
fn why_explains_through_parts_and_cites_the_best_supported_version_first() {
    let Ok((_, Answer::Why(w))) = run(&MINI, "why adductor-longus innervated-by obturator") else {
        panic!()
    };
    assert!(w.asserted.is_empty());
    let steps: Vec<&str> = w
        .inferred
        .iter()
        .flat_map(|p| &p.steps)
        .map(|s| s.relation.forward_name())
        .collect();
    assert_eq!(steps, ["innervated-by", "part-of"]);
    let Ok((_, Answer::Why(w))) = run(&MINI, "why soleus innervated-by tibial") else {
        panic!()
    };
    let first = MINI.fact(w.asserted[0]);
    assert_eq!(MINI.source(first.sources[0]).id.as_str(), "test-ref");
    let last = MINI.fact(w.asserted[2]);
    assert_eq!(MINI.source(last.sources[0]).id.as_str(), "test-blog");
}

#[test]
fn why_reads_a_root_level_from_either_end() {
    for text in ["why soleus innervated-by s1", "why s1 innervates soleus"] {
        let Ok((_, Answer::Why(w))) = run(&MINI, text) else {
            panic!("{text}")
        };
        assert_eq!(w.asserted.len(), 3, "{text}");
    }
}

#[test]
fn a_star_target_may_be_what_the_kinds_lie_under() {
    use super::resolve::with_ancestors;
    use crate::graph::model::KindSet;
    let of = KindSet::of;
    let cases = [
        (of(&[Kind::Landmark]), of(&[Kind::Landmark, Kind::Bone])),
        (
            of(&[Kind::Tendon]),
            of(&[Kind::Tendon, Kind::Landmark, Kind::Bone]),
        ),
        (
            of(&[Kind::MusclePart]),
            of(&[Kind::MusclePart, Kind::Muscle]),
        ),
        (of(&[Kind::Movement]), of(&[Kind::Movement, Kind::Joint])),
        (
            of(&[Kind::Compartment]),
            of(&[Kind::Compartment, Kind::Region]),
        ),
        // a ligament lies under no bone; a root under nothing
        (of(&[Kind::Ligament]), of(&[Kind::Ligament])),
        (
            of(&[Kind::Nerve, Kind::Root]),
            of(&[Kind::Nerve, Kind::Root]),
        ),
    ];
    for (kinds, wanted) in cases {
        assert_eq!(with_ancestors(kinds), wanted, "{}", kinds.describe());
    }
}

#[test]
fn an_answer_reads_as_structures_without_graph_indexes() {
    let read = |text: &str| -> (Vec<String>, Option<usize>) {
        let (_, answer) = run(&MINI, text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let ids = answer
            .structures(&MINI)
            .iter()
            .map(|s| s.id.to_string())
            .collect();
        (ids, answer.count())
    };
    // a set: the same structures, in the same order, as the answer's own nodes
    let (set, count) = read("muscles innervated-by* sciatic-nerve");
    assert_eq!(set, ids("muscles innervated-by* sciatic-nerve"));
    assert_eq!(count, Some(set.len()));
    // a path: from its start to its end
    let (path, count) = read("path tibial-nerve to sciatic-nerve");
    assert_eq!(path, ["tibial-nerve", "sciatic-nerve"]);
    assert_eq!(count, None);
    // a count has a number and no structures
    let (none, count) = read("count nerves");
    assert!(none.is_empty());
    assert!(count.is_some_and(|n| n > 0));
}
