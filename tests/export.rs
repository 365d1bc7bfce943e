//! Exports read by real parsers and stores: RDF by oxttl and an in-memory oxigraph
//! store (with a SPARQL query that must agree with fascia), GraphML and SVG by an XML
//! parser, the Neo4j CSV files by a CSV reader; the JSON dump and N-Triples loaded back
//! must answer as the original does.

use fascia::Atlas;
use fascia::export::{ExportFormat, Selection, dump, rdf};
use fascia::graph::model::{Direction, Kind, Relation};
use fascia::output::{Format, Render, render_to_string};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{BTreeSet, HashSet};
use std::process::{Command, Stdio};

fn bundled() -> Atlas {
    fascia::bundled().unwrap_or_else(|e| panic!("{e}"))
}

fn export(atlas: &Atlas, selection: &Selection, format: ExportFormat) -> String {
    let mut out = Vec::new();
    fascia::export::write(atlas, selection, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn distinct<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> usize {
    items.into_iter().collect::<HashSet<_>>().len()
}

/// The triples the graph should give, counted from the graph itself (see the module
/// docs of `fascia::export::rdf` for the shape).
fn expected_triples(atlas: &Atlas) -> usize {
    let g = atlas.graph();
    let mut n = 0;
    // each work a source belongs to: type, title and tier
    let works: HashSet<_> = atlas.sources().iter().filter_map(|s| s.work).collect();
    n += 3 * works.len();
    for s in atlas.sources() {
        n += 3 + usize::from(s.url.is_some()) + usize::from(s.read.is_some());
        n += usize::from(s.quality != Default::default()) + usize::from(s.work.is_some());
    }
    for s in g.node_weights() {
        n += 3 + usize::from(s.latin.is_some());
        n += distinct(s.aliases.iter()) + distinct(s.notes.iter()) + distinct(s.sources.iter());
        // each id a literal, plus a link where its resource has IRIs; the source once
        n += s
            .xref
            .ids()
            .map(|(scheme, id)| 1 + usize::from(scheme.link(id).is_some()))
            .sum::<usize>();
        n += usize::from(s.xref.source.is_some());
    }
    let mut pairs = HashSet::new();
    for e in g.edge_indices() {
        let (s, o) = atlas.ends(e);
        let f = atlas.fact(e);
        if pairs.insert((s, f.relation, o)) {
            n += 1 + usize::from(rdf::public_predicate(f.relation).is_some());
        }
        n += 4 + distinct(f.roots.iter()) + distinct(f.sources.iter());
        n += f.contributing_roots().len() + usize::from(f.minor);
        n += usize::from(f.role.is_some()) + usize::from(f.note.is_some());
        n += usize::from(f.status.is_some());
    }
    n
}

#[test]
fn turtle_and_ntriples_parse_with_every_triple_of_the_graph() {
    let atlas = bundled();
    let all = Selection::whole(&atlas);
    let expected = expected_triples(&atlas);
    let nt = export(&atlas, &all, ExportFormat::NTriples);
    let triples: HashSet<_> = oxttl::NTriplesParser::new()
        .for_slice(&nt)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("N-Triples do not parse: {e}"));
    assert_eq!(triples.len(), expected);
    let ttl = export(&atlas, &all, ExportFormat::Turtle);
    let from_turtle: HashSet<_> = oxttl::TurtleParser::new()
        .for_slice(&ttl)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("Turtle does not parse: {e}"));
    assert_eq!(from_turtle, triples);
    // labels, aliases, cross-references and the public predicates are there
    for line in [
        "<https://w3id.org/fascia/structure/plantaris> <http://www.w3.org/2000/01/rdf-schema#label> \"Plantaris\" .",
        "<https://w3id.org/fascia/structure/plantaris> <http://www.w3.org/2004/02/skos/core#exactMatch> <http://purl.org/sig/ont/fma/fma22543> .",
        "<https://w3id.org/fascia/structure/fibularis-longus> <http://www.w3.org/2004/02/skos/core#altLabel> \"peroneus longus\" .",
        "<https://w3id.org/fascia/structure/soleus> <http://purl.obolibrary.org/obo/RO_0002005> <https://w3id.org/fascia/structure/tibial-nerve> .",
        "<https://w3id.org/fascia/structure/popliteal-artery> <http://purl.obolibrary.org/obo/RO_0002178> <https://w3id.org/fascia/structure/plantaris> .",
    ] {
        assert!(nt.lines().any(|l| l == line), "missing: {line}");
    }
    // and a store agrees
    let store = Store::new().unwrap();
    store.load_from_slice(RdfFormat::Turtle, &ttl).unwrap();
    assert_eq!(store.len().unwrap(), expected);
}

/// The body of the README's first fenced block in `language`, so that what the
/// README shows is what the tests run.
fn readme_block(language: &str) -> String {
    let readme = include_str!("../README.md");
    let fence = format!("```{language}\n");
    let start = readme
        .find(&fence)
        .unwrap_or_else(|| panic!("no {language} block in README.md"))
        + fence.len();
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_string()
}

/// fascia's own answer to `muscles innervated-by* sciatic`, as ids.
fn sciatic_muscles(atlas: &Atlas) -> BTreeSet<String> {
    let (_, answer) = fascia::query::run(atlas, "muscles innervated-by* sciatic").unwrap();
    let fascia::query::Answer::Set(set) = answer else {
        panic!("a set query gives a set");
    };
    set.nodes
        .iter()
        .map(|n| atlas.node(*n).id.to_string())
        .collect()
}

#[test]
fn sparql_over_the_export_gives_fascias_answer() {
    let atlas = bundled();
    let nt = export(&atlas, &Selection::whole(&atlas), ExportFormat::NTriples);
    let store = Store::new().unwrap();
    store.load_from_slice(RdfFormat::NTriples, &nt).unwrap();
    let results = SparqlEvaluator::new()
        .parse_query(&readme_block("sparql"))
        .unwrap()
        .on_store(&store)
        .execute()
        .unwrap();
    let QueryResults::Solutions(solutions) = results else {
        panic!("a SELECT gives solutions");
    };
    let mut from_sparql = BTreeSet::new();
    for solution in solutions {
        let solution = solution.unwrap();
        match solution.get("id") {
            Some(oxigraph::model::Term::Literal(l)) => from_sparql.insert(l.value().to_string()),
            other => panic!("unexpected {other:?}"),
        };
    }
    let from_fascia = sciatic_muscles(&atlas);
    assert_eq!(from_fascia.len(), 29);
    assert_eq!(from_sparql, from_fascia);
}

#[test]
fn graphml_parses_with_the_graphs_nodes_and_edges() {
    let atlas = bundled();
    let xml = export(&atlas, &Selection::whole(&atlas), ExportFormat::GraphMl);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not XML: {e}"));
    let count = |tag: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name(("http://graphml.graphdrawing.org/xmlns", tag)))
            .count()
    };
    assert_eq!(count("node"), atlas.structure_count());
    assert_eq!(count("edge"), atlas.fact_count());
    let soleus = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("soleus"))
        .expect("soleus is a node");
    let values: Vec<&str> = soleus.children().filter_map(|d| d.text()).collect();
    assert!(
        values.contains(&"Soleus") && values.contains(&"muscle"),
        "{values:?}"
    );
}

/// The whole graph exported for Neo4j: the rows of `nodes.csv` and
/// `relationships.csv`, headers aside.
fn neo4j_files(atlas: &Atlas) -> (Vec<csv::StringRecord>, Vec<csv::StringRecord>) {
    let dir = tempfile::tempdir().unwrap();
    fascia::export::write_dir(
        atlas,
        &Selection::whole(atlas),
        ExportFormat::Neo4j,
        dir.path(),
    )
    .unwrap();
    let rows = |file: &str| -> Vec<csv::StringRecord> {
        csv::Reader::from_path(dir.path().join(file))
            .unwrap()
            .records()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    (rows("nodes.csv"), rows("relationships.csv"))
}

#[test]
fn neo4j_csv_files_hold_every_node_and_relationship() {
    let atlas = bundled();
    let (nodes, relationships) = neo4j_files(&atlas);
    assert_eq!(nodes.len(), atlas.structure_count());
    assert!(
        nodes
            .iter()
            .any(|r| &r[0] == "soleus" && &r[8] == "Structure;Muscle")
    );
    assert_eq!(relationships.len(), atlas.fact_count());
    assert!(
        relationships
            .iter()
            .any(|r| &r[0] == "soleus" && &r[1] == "tibial-nerve" && &r[2] == "INNERVATED_BY")
    );
    assert_eq!(
        fascia::export::neo4j::relationship_type(Relation::BranchOf),
        "BRANCH_OF"
    );
}

/// No Neo4j runs here, so the README's Cypher is checked against the CSV files in
/// two halves: the relationship types and directions it walks are the ones in the
/// files, and that walk, done over the files, gives fascia's answer.
#[test]
fn the_readme_cypher_walk_over_the_neo4j_files_gives_fascias_answer() {
    let cypher = readme_block("cypher");
    for needle in [
        "{id: 'sciatic-nerve'}",
        "[r:BRANCH_OF|PART_OF|CONTINUES_AS]",
        "(startNode(r) = b AND NOT r:CONTINUES_AS) OR (r:CONTINUES_AS AND startNode(r) = a)",
        "(x)-[:INNERVATED_BY]->(nerve)",
        "(x)-[:PART_OF*0..1]->(m:Muscle)",
    ] {
        assert!(cypher.contains(needle), "the README's Cypher lost {needle}");
    }
    let atlas = bundled();
    let (nodes, relationships) = neo4j_files(&atlas);
    let muscles: HashSet<String> = nodes
        .iter()
        .filter(|r| r[8].split(';').any(|label| label == "Muscle"))
        .map(|r| r[0].to_string())
        .collect();
    let rels: Vec<(String, String, String)> = relationships
        .iter()
        .map(|r| (r[0].to_string(), r[1].to_string(), r[2].to_string()))
        .collect();
    // down the tree: branch-of and part-of against their direction, continues-as along it
    let mut nerves: BTreeSet<String> = BTreeSet::from(["sciatic-nerve".to_string()]);
    let mut frontier = vec!["sciatic-nerve".to_string()];
    while let Some(at) = frontier.pop() {
        for (start, end, ty) in &rels {
            let next = match ty.as_str() {
                "BRANCH_OF" | "PART_OF" if *end == at => start,
                "CONTINUES_AS" if *start == at => end,
                _ => continue,
            };
            if nerves.insert(next.clone()) {
                frontier.push(next.clone());
            }
        }
    }
    let innervated: Vec<&String> = rels
        .iter()
        .filter(|(_, end, ty)| ty == "INNERVATED_BY" && nerves.contains(end))
        .map(|(start, _, _)| start)
        .collect();
    let mut from_cypher = BTreeSet::new();
    for x in innervated {
        if muscles.contains(x) {
            from_cypher.insert(x.clone());
        }
        for (start, end, ty) in &rels {
            if start == x && ty == "PART_OF" && muscles.contains(end) {
                from_cypher.insert(end.clone());
            }
        }
    }
    assert_eq!(from_cypher, sciatic_muscles(&atlas));
}

#[test]
fn json_dump_loads_and_dumps_the_same_bytes() {
    let atlas = bundled();
    let first = export(&atlas, &Selection::whole(&atlas), ExportFormat::Json);
    let loaded = dump::load("dump.json", &first).unwrap_or_else(|e| panic!("{e}"));
    let second = export(&loaded, &Selection::whole(&loaded), ExportFormat::Json);
    assert!(first == second, "dump → load → dump changed the dump");
    assert!(
        loaded
            .graph()
            .node_weights()
            .eq(atlas.graph().node_weights())
    );
    assert!(
        loaded
            .graph()
            .edge_weights()
            .eq(atlas.graph().edge_weights())
    );
}

/// Queries of every kind whose answers print no file positions.
const QUERIES: &[&str] = &[
    "muscles innervated-by tibial",
    "count muscles innervated-by* sciatic",
    "muscles inserts-into* calcaneus",
    "muscles performs* knee-joint limit 5",
    "roots innervates \"tibialis anterior\"",
    "count muscles innervated-by s2",
    "muscles innervated-by* common-fibular except located-in* anterior-compartment-of-leg",
    "muscles innervated-by (nerves branch-of lateral-plantar)",
    "show plantaris",
    "show peroneus longus",
    "path soleus to sciatic",
    "paths soleus to sciatic max 3",
    "around calcaneal-tendon",
    "nerves innervates soleus",
];

fn answers(atlas: &Atlas, format: Format) -> Vec<String> {
    QUERIES
        .iter()
        .map(|q| {
            let (_, answer) = fascia::query::run(atlas, q).unwrap_or_else(|e| panic!("{q}: {e}"));
            render_to_string(atlas, &answer, format)
        })
        .collect()
}

#[test]
fn ntriples_loaded_back_answer_as_the_original() {
    let atlas = bundled();
    let nt = export(&atlas, &Selection::whole(&atlas), ExportFormat::NTriples);
    let loaded = rdf::read("fascia.nt", &nt).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.structure_count(), atlas.structure_count());
    assert_eq!(loaded.fact_count(), atlas.fact_count());
    for format in [Format::Text, Format::Json, Format::Dot] {
        assert_eq!(answers(&loaded, format), answers(&atlas, format));
    }
    // the same structures and facts, but for where each was read from
    let strip = |a: &Atlas| {
        let nodes: Vec<_> = a
            .graph()
            .node_weights()
            .map(|s| {
                (
                    s.id.clone(),
                    s.name.clone(),
                    s.aliases.clone(),
                    s.notes.clone(),
                    s.sources.len(),
                )
            })
            .collect();
        let facts: Vec<_> = a
            .graph()
            .edge_indices()
            .map(|e| {
                (
                    a.ends(e),
                    a.fact(e).relation,
                    a.fact(e).roots.clone(),
                    a.note(e).cloned(),
                )
            })
            .collect();
        (nodes, facts)
    };
    assert!(strip(&loaded) == strip(&atlas));
}

#[test]
fn a_querys_subgraph_exports_and_loads_on_its_own() {
    let atlas = bundled();
    let (_, answer) = fascia::query::run(&atlas, "muscles innervated-by tibial").unwrap();
    let selection = Selection::of_answer(&atlas, &answer);
    let nt = export(&atlas, &selection, ExportFormat::NTriples);
    let part = rdf::read("part.nt", &nt).unwrap_or_else(|e| panic!("{e}"));
    // the 7 muscles, the nerve and the root levels their innervation lists
    assert!(part.by_id("soleus").is_some() && part.by_id("tibial-nerve").is_some());
    assert!(part.by_id("l5").is_some());
    let (_, again) = fascia::query::run(&part, "muscles innervated-by tibial").unwrap();
    // the same answer; what `*` would add differs, for the part holds no branches
    let direct = |mut answer: fascia::query::Answer| {
        if let fascia::query::Answer::Set(set) = &mut answer {
            set.hint = None;
        }
        answer
    };
    assert_eq!(
        render_to_string(&part, &direct(again), Format::Text),
        render_to_string(&atlas, &direct(answer), Format::Text)
    );
}

#[test]
fn broken_ntriples_are_reported_by_line() {
    let text = "<https://w3id.org/fascia/structure/a> <https://w3id.org/fascia/vocab#id> \"a\" .\nthis is not a triple\n";
    let errors = rdf::read("bad.nt", text).unwrap_err();
    assert!(errors.0.iter().any(|e| e.location.line == 2), "{errors}");
}

fn texts(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn svg_is_drawn_without_graphviz_as_xml_with_the_labels() {
    let atlas = bundled();
    let svg = fascia::output::Svg {
        engine: fascia::output::Engine::Builtin,
    };
    for query in [
        "muscles innervated-by tibial",
        "muscles innervated-by* sciatic",
        "show soleus",
        "path soleus to sciatic",
        "why soleus inserts-into* calcaneus",
        "around calcaneal-tendon depth 2",
        "count muscles",
    ] {
        let (parsed, answer) = fascia::query::run(&atlas, query).unwrap();
        let mut out = Vec::new();
        svg.render_query(&atlas, &parsed, &answer, &mut out)
            .unwrap();
        let text = texts(&String::from_utf8(out).unwrap());
        assert!(
            text.contains(&parsed.statement.to_string()),
            "{query}: no title"
        );
    }
    let (parsed, answer) = fascia::query::run(&atlas, "muscles innervated-by tibial").unwrap();
    let mut out = Vec::new();
    svg.render_query(&atlas, &parsed, &answer, &mut out)
        .unwrap();
    let text = texts(&String::from_utf8(out).unwrap());
    for label in [
        "Soleus",
        "Tibial nerve",
        "Plantaris",
        "muscle",
        "innervated-by",
        "the answer",
    ] {
        assert!(text.contains(label), "{label} missing from {text}");
    }
}

/// `(x0, y0, x1, y1)` of a `<rect>` with its `transform`-free attributes.
fn rect_of(n: roxmltree::Node) -> (f64, f64, f64, f64) {
    let num = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    let (x, y) = (num("x"), num("y"));
    (x, y, x + num("width"), y + num("height"))
}

#[test]
fn the_built_in_svg_boxes_muscles_by_compartment() {
    let atlas = bundled();
    let (parsed, answer) = fascia::query::run(&atlas, "muscles innervated-by tibial").unwrap();
    let mut out = Vec::new();
    fascia::output::Svg {
        engine: fascia::output::Engine::Builtin,
    }
    .render_query(&atlas, &parsed, &answer, &mut out)
    .unwrap();
    let svg = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // each box's rect and label, and each muscle's box by its label's text
    let boxes: Vec<(String, (f64, f64, f64, f64))> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("compartment-box"))
        .map(|g| {
            let rect = g.children().find(|c| c.has_tag_name("rect")).unwrap();
            let label = g.children().find(|c| c.has_tag_name("text")).unwrap();
            (label.text().unwrap().to_string(), rect_of(rect))
        })
        .collect();
    // the two compartments of the tibial nerve's muscles, each boxed once
    let mut names: Vec<&str> = boxes.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "Deep posterior compartment of leg",
            "Superficial posterior compartment of leg"
        ],
        "{svg}"
    );
    // a muscle's box lies inside its compartment's box, and no other muscle's does
    let muscle_box = |name: &str| {
        let text = doc
            .descendants()
            .find(|n| {
                n.has_tag_name("text")
                    && n.descendants()
                        .filter(|t| t.is_text())
                        .filter_map(|t| t.text().map(str::trim))
                        .collect::<Vec<_>>()
                        .join(" ")
                        == name
            })
            .unwrap_or_else(|| panic!("{name} not drawn"));
        let g = text.prev_siblings().find(|c| c.has_tag_name("g")).unwrap();
        rect_of(g.descendants().find(|c| c.has_tag_name("rect")).unwrap())
    };
    let inside = |(a, b, c, d): (f64, f64, f64, f64), (w, x, y, z): (f64, f64, f64, f64)| {
        a >= w && b >= x && c <= y && d <= z
    };
    for (compartment, frame) in &boxes {
        let c = *atlas
            .of_kind(Kind::Compartment)
            .iter()
            .find(|c| atlas.node(**c).name.as_str() == compartment)
            .unwrap();
        for (id, name) in [
            ("soleus", "Soleus"),
            ("plantaris", "Plantaris"),
            ("popliteus", "Popliteus"),
            ("tibialis-posterior", "Tibialis posterior"),
        ] {
            let m = atlas.by_id(id).unwrap();
            let located = atlas
                .neighbours(m, Relation::LocatedIn, Direction::Forward)
                .any(|(_, x)| x == c);
            assert_eq!(
                inside(muscle_box(name), *frame),
                located,
                "{name} and the box of {compartment}"
            );
        }
    }
}

#[test]
fn the_binary_draws_svg_with_no_graphviz_on_the_path() {
    let out = Command::new(env!("CARGO_BIN_EXE_fascia"))
        .args(["--format", "svg", "-e", "muscles innervated-by* tibial"])
        .env("PATH", "")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = texts(&String::from_utf8(out.stdout).unwrap());
    assert!(
        text.contains("Flexor hallucis longus") || text.contains("Flexor hallucis"),
        "{text}"
    );
}

#[test]
fn the_binary_exports_and_loads_its_export() {
    let dir = tempfile::tempdir().unwrap();
    let nt = dir.path().join("fascia.nt");
    let bin = env!("CARGO_BIN_EXE_fascia");
    let status = Command::new(bin)
        .args(["export", "--format", "ntriples", "-o"])
        .arg(&nt)
        .status()
        .unwrap();
    assert!(status.success());
    let out = Command::new(bin)
        .arg("--data")
        .arg(&nt)
        .args(["-e", "count muscles innervated-by* sciatic"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "29\n");
    let neo4j = Command::new(bin)
        .args(["export", "--format", "neo4j"])
        .output()
        .unwrap();
    assert_eq!(neo4j.status.code(), Some(2), "neo4j needs -o DIR");
    let bad_query = Command::new(bin)
        .args(["export", "--format", "json", "muscles innervated-by femur"])
        .output()
        .unwrap();
    assert_eq!(bad_query.status.code(), Some(1));
    assert!(bad_query.stdout.is_empty());
    assert!(String::from_utf8_lossy(&bad_query.stderr).contains("is a bone"));
}

#[test]
fn the_readme_picture_is_what_fascia_draws() {
    let atlas = bundled();
    let query = "nerves branch-of* sciatic";
    let (parsed, answer) = fascia::query::run(&atlas, query).unwrap();
    let svg = fascia::output::Svg {
        engine: fascia::output::Engine::Builtin,
    };
    let mut out = Vec::new();
    svg.render_query(&atlas, &parsed, &answer, &mut out)
        .unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/pictures/sciatic-nerve-tree.svg"
    );
    let committed = std::fs::read(path).unwrap();
    assert!(
        committed == out,
        "the README picture is out of date; redraw it with\n  \
         FASCIA_SVG=builtin cargo run -- --format svg -e '{query}' \
         -o tests/pictures/sciatic-nerve-tree.svg"
    );
}
