//! Regressions for issue 22: every way in (TSV, N-Triples, a JSON dump, TOML) refuses
//! text that drives or fools the terminal, deep and cyclic hierarchies load without
//! recursion, and long chains cost near-linear work.

use fascia::export::{ExportFormat, Selection, dump, rdf};
use fascia::graph::tsv::load_tsv;
use fascia::{Answer, Atlas};

fn messages(result: Result<Atlas, fascia::DataErrors>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

fn tsv(nodes: &str, edges: &str) -> Vec<String> {
    messages(load_tsv(("nodes.tsv", nodes), ("edges.tsv", edges), "test"))
}

const EDGES: &str = "subject\tpredicate\tobject\n";

#[test]
fn tsv_names_with_escapes_overrides_or_invisible_characters_are_refused() {
    let nodes = "id\tkind\tname\n\
                 a\tbone\tA\u{1b}]0;title\u{7}\n\
                 b\tbone\tB\u{7}\n\
                 c\tbone\tC\u{9b}2J\n\
                 d\tbone\tD\u{7f}\n\
                 e\tbone\tSol\u{202e}eus\n\
                 f\tbone\tSoleus\u{200b}\n\
                 g\tbone\t\u{200b}\u{200b}\n\
                 h\tbone\t\u{2066}H\n";
    assert_eq!(
        tsv(nodes, EDGES),
        [
            "nodes.tsv:2:8: control character U+001B in the name of `a` (character 2); text in \
             data files may not hold control characters",
            "nodes.tsv:3:8: control character U+0007 in the name of `b` (character 2); text in \
             data files may not hold control characters",
            "nodes.tsv:4:8: control character U+009B in the name of `c` (character 2); text in \
             data files may not hold control characters",
            "nodes.tsv:5:8: control character U+007F in the name of `d` (character 2); text in \
             data files may not hold control characters",
            "nodes.tsv:6:8: bidirectional control character U+202E in the name of `e` \
             (character 4); text in data files may not hold bidirectional controls",
            "nodes.tsv:7:8: invisible character U+200B in the name of `f` (character 7); text \
             in data files may not hold invisible characters",
            "nodes.tsv:8:8: invisible character U+200B in the name of `g` (character 1); text \
             in data files may not hold invisible characters",
            "nodes.tsv:9:8: bidirectional control character U+2066 in the name of `h` \
             (character 1); text in data files may not hold bidirectional controls",
        ]
    );
}

#[test]
fn a_byte_order_mark_before_the_tsv_header_is_accepted() {
    let nodes = "\u{feff}id\tkind\tname\nfemur\tbone\tFemur\n";
    let edges = "\u{feff}subject\tpredicate\tobject\n";
    assert_eq!(tsv(nodes, edges), Vec::<String>::new());
}

const SOURCES: &str = "[[source]]\nid = \"t\"\ntitle = \"T\"\npublisher = \"P\"\n";

fn toml(text: &str) -> Vec<String> {
    messages(fascia::load_files(
        [("s.toml", SOURCES), ("d.toml", text)],
        "test",
    ))
}

#[test]
fn toml_refuses_overrides_and_invisible_characters_too() {
    let text = "[[bone]]\nid = \"a\"\nname = \"A\\u202Eb\"\nsources = [\"t\"]\n\n\
                [[bone]]\nid = \"b\"\nname = \"B\"\naliases = [\"\\u200B\"]\nsources = [\"t\"]\n";
    assert_eq!(
        toml(text),
        [
            "d.toml:3:8: bidirectional control character U+202E in the name of `a` \
             (character 2); text in data files may not hold bidirectional controls",
            "d.toml:9:12: invisible character U+200B in the alias of `b` (character 1); text \
             in data files may not hold invisible characters",
        ]
    );
}

#[test]
fn names_are_compared_after_normalisation() {
    // a precomposed é and an e with a combining acute are one name
    let text = "[[bone]]\nid = \"a\"\nname = \"Sol\u{e9}aire\"\nsources = [\"t\"]\n\n\
                [[bone]]\nid = \"b\"\nname = \"Sole\u{301}aire\"\nsources = [\"t\"]\n";
    assert_eq!(
        toml(text),
        [
            "d.toml:6:1: name or alias `Sole\u{301}aire` of `b` is also a name or alias of `a` \
          (d.toml:1:1)"
        ]
    );
    // and a query typed either way finds it
    let atlas = fascia::load_files(
        [
            ("s.toml", SOURCES),
            (
                "d.toml",
                "[[bone]]\nid = \"a\"\nname = \"Sol\u{e9}aire\"\nsources = [\"t\"]\n",
            ),
        ],
        "test",
    )
    .unwrap();
    let typed = fascia::graph::normalize("Sole\u{301}aire");
    assert_eq!(atlas.named(&typed), [atlas.by_id("a").unwrap()]);
}

/// A small graph, exported in `format`.
fn exported(format: ExportFormat) -> String {
    let data = "[[nerve]]\nid = \"tibial-nerve\"\nname = \"Tibial nerve\"\nsources = [\"t\"]\n\n\
                [[bone]]\nid = \"femur\"\nname = \"Femur\"\naliases = [\"Thigh bone\"]\n\
                sources = [\"t\"]\n";
    let atlas = fascia::load_files([("s.toml", SOURCES), ("d.toml", data)], "test").unwrap();
    let mut out = Vec::new();
    fascia::export::write(&atlas, &Selection::whole(&atlas), format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn n_triples_refuse_escapes_at_the_triples_line() {
    let text = exported(ExportFormat::NTriples);
    let planted = text
        .replace("\"Femur\"@en", "\"Fe\\u001B[2Jmur\"@en")
        .replace("\"Thigh bone\"@en", "\"Thigh\\u200Bbone\"@en");
    let line_of = |needle: &str| {
        planted
            .lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .unwrap()
    };
    let (name_line, alias_line) = (line_of("Fe\\u001B"), line_of("Thigh\\u200B"));
    assert_eq!(
        messages(rdf::read("g.nt", &planted)),
        [
            format!(
                "g.nt:{name_line}:1: control character U+001B in the name of `femur` \
                 (character 3); text in data files may not hold control characters"
            ),
            format!(
                "g.nt:{alias_line}:1: invisible character U+200B in the alias of `femur` \
                 (character 6); text in data files may not hold invisible characters"
            ),
        ]
    );
}

#[test]
fn json_dumps_refuse_escapes() {
    let text = exported(ExportFormat::Json);
    let planted = text.replace("\"Femur\"", "\"Fe\\u001b]52;c;eA==\\u0007mur\"");
    let got = messages(dump::load("g.json", &planted));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].ends_with(
            "control character U+001B in the name of `femur` (character 3); text in data \
             files may not hold control characters"
        ),
        "{got:?}"
    );
}

fn set_total(atlas: &Atlas, query: &str) -> usize {
    match fascia::run(atlas, query) {
        Ok((_, Answer::Set(s))) => s.total,
        Ok((_, Answer::Count(n))) => n,
        other => panic!("{query}: {other:?}"),
    }
}

/// `count` of links, each `prefix-i predicate prefix-(i+1)`, ending in a cycle if asked.
fn chain(kind: &str, predicate: &str, count: usize, cycle: bool) -> (String, String) {
    let mut nodes = String::from("id\tkind\tname\n");
    let mut edges = String::from(EDGES);
    for i in 0..count {
        nodes.push_str(&format!("n-{i}\t{kind}\tN {i}\n"));
    }
    for i in 0..count - 1 {
        edges.push_str(&format!("n-{i}\t{predicate}\tn-{}\n", i + 1));
    }
    if cycle {
        edges.push_str(&format!("n-{}\t{predicate}\tn-0\n", count - 1));
    }
    (nodes, edges)
}

const LONG: usize = 100_000;

#[test]
fn a_hundred_thousand_long_chain_loads_and_is_walked() {
    // `continues-as*` follows a vessel or nerve down what it becomes; the others
    // gather what runs into the end of the chain
    for (kind, predicate, kinds, target) in [
        ("nerve", "continues-as", "nerves", 0),
        ("vein", "tributary-of", "veins", LONG - 1),
        ("nerve", "branch-of", "nerves", LONG - 1),
    ] {
        let (nodes, edges) = chain(kind, predicate, LONG, false);
        let atlas = load_tsv(("nodes.tsv", &nodes), ("edges.tsv", &edges), "test").unwrap();
        assert_eq!(atlas.fact_count(), LONG - 1, "{predicate}");
        let query = format!("count {kinds} {predicate}* n-{target}");
        assert_eq!(set_total(&atlas, &query), LONG - 1, "{query}");
    }
}

#[test]
fn a_hundred_thousand_long_cycle_is_a_data_error_naming_some_of_it() {
    let (nodes, edges) = chain("nerve", "branch-of", LONG, true);
    let got = tsv(&nodes, &edges);
    assert_eq!(got.len(), 1, "{got:?}");
    let shown: Vec<String> = {
        let mut ids: Vec<String> = (0..LONG).map(|i| format!("n-{i}")).collect();
        ids.sort();
        ids.truncate(20);
        ids
    };
    assert_eq!(
        got[0],
        format!(
            "nodes.tsv:2:1: cycle in branch-of: {} → … ({} more, {LONG} in all)",
            shown.join(" → "),
            LONG - 20
        )
    );
}

#[test]
fn every_part_of_a_long_part_of_chain_answers_with_its_bone() {
    // landmarks, each part of the next, the last part of a bone: each answer's wholes
    // are worked out once for the whole chain
    let count = 20_000;
    let mut nodes = String::from("id\tkind\tname\nb\tbone\tB\n");
    let mut edges = String::from(EDGES);
    for i in 0..count {
        nodes.push_str(&format!("l-{i}\tlandmark\tL {i}\n"));
        let whole = if i + 1 == count {
            "b".to_string()
        } else {
            format!("l-{}", i + 1)
        };
        edges.push_str(&format!("l-{i}\tpart-of\t{whole}\n"));
    }
    let atlas = load_tsv(("nodes.tsv", &nodes), ("edges.tsv", &edges), "test").unwrap();
    assert_eq!(set_total(&atlas, "landmarks part-of* b"), count);
    assert_eq!(set_total(&atlas, "structures part-of* l-10"), 10);
}
