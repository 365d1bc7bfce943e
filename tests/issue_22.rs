//! Regressions for issue 22: every way in (TSV, N-Triples, a JSON dump, TOML) refuses
//! text that drives or fools the terminal, deep and cyclic hierarchies load without
//! recursion, and long chains cost near-linear work.

mod harness;

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
    // put at the structure's entry in the dump, with where it was first stated
    let entry = planted[..planted.find("\"id\": \"femur\"").unwrap()]
        .rfind('{')
        .unwrap();
    let line = planted[..entry].matches('\n').count() + 1;
    assert_eq!(
        got[0],
        format!(
            "g.json:{line}:5: control character U+001B in the name of `femur` (character 3); \
             text in data files may not hold control characters (stated at d.toml:6:1)"
        )
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

// ------------------------------------------------------------------ files read and written

/// Exit status, standard output and standard error.
fn run(cmd: &mut std::process::Command) -> (Option<i32>, String, String) {
    let r = harness::run(cmd);
    (r.code, r.stdout, r.stderr)
}

const SMALL_NODES: &str = "id\tkind\tname\nsoleus\tmuscle\tSoleus\ntibial\tnerve\tTibial nerve\n";
const SMALL_EDGES: &str = "subject\tpredicate\tobject\nsoleus\tinnervated-by\ttibial\n";

fn small_tsv() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nodes.tsv"), SMALL_NODES).unwrap();
    std::fs::write(dir.path().join("edges.tsv"), SMALL_EDGES).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn an_edges_file_that_is_a_fifo_or_dev_zero_is_refused_without_reading() {
    for (what, plant) in [
        ("a FIFO", None),
        (
            "a character device",
            Some(std::path::Path::new("/dev/zero")),
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("nodes.tsv"), SMALL_NODES).unwrap();
        let edges = dir.path().join("edges.tsv");
        match plant {
            Some(device) => std::os::unix::fs::symlink(device, &edges).unwrap(),
            None => {
                let made = std::process::Command::new("mkfifo")
                    .arg(&edges)
                    .status()
                    .unwrap();
                assert!(made.success());
            }
        }
        let (code, _, stderr) = run(harness::fascia().arg("check").arg(dir.path()));
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: {} is {what}; data files must be regular files\n",
                edges.display()
            )
        );
    }
}

#[cfg(unix)]
#[test]
fn a_history_file_that_is_a_fifo_is_passed_over_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&history)
            .status()
            .unwrap()
            .success()
    );
    let mut session = rexpect::session::spawn_command(
        {
            let mut cmd = harness::fascia_on_terminal("dumb");
            cmd.args(["--data", "tests/fixtures/mini"])
                .env("FASCIA_HISTORY", &history);
            cmd
        },
        Some(20_000),
    )
    .unwrap();
    session
        .exp_string(&format!(
            "history file {}: it is a FIFO, not a regular file",
            history.display()
        ))
        .unwrap();
    session.send_line(":quit").unwrap();
    session.exp_eof().unwrap();
}

#[cfg(unix)]
#[test]
fn exports_to_a_directory_and_generate_refuse_planted_links() {
    let data = small_tsv();
    let out = tempfile::tempdir().unwrap();
    let victim = out.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    std::os::unix::fs::symlink(&victim, out.path().join("nodes.csv")).unwrap();
    let (code, _, stderr) = run(harness::fascia()
        .arg("--no-cache")
        .arg("--data")
        .arg(data.path())
        .args(["export", "--format", "neo4j", "-o"])
        .arg(out.path()));
    assert_ne!(code, Some(0));
    assert!(
        stderr.contains("it is a symbolic link; only a regular file or a new path is written"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");

    let generated = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&victim, generated.path().join("nodes.tsv")).unwrap();
    let (code, _, stderr) = run(harness::fascia()
        .args(["generate", "--structures", "100"])
        .arg(generated.path()));
    assert_ne!(code, Some(0));
    assert!(stderr.contains("it is a symbolic link"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    // without the link both write whole files, and nothing temporary is left
    std::fs::remove_file(generated.path().join("nodes.tsv")).unwrap();
    let (code, _, stderr) = run(harness::fascia()
        .args(["generate", "--structures", "100"])
        .arg(generated.path()));
    assert_eq!(code, Some(0), "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(generated.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["edges.tsv", "nodes.tsv"]);
}

fn cached_run(data: &std::path::Path, cache: &std::path::Path) -> (Option<i32>, String, String) {
    run(harness::fascia()
        .env("FASCIA_CACHE_DIR", cache)
        .arg("--data")
        .arg(data)
        .args(["-e", "count muscles innervated-by tibial"]))
}

#[cfg(unix)]
#[test]
fn the_cache_is_private_and_sees_an_edit_that_keeps_size_and_time() {
    use std::os::unix::fs::PermissionsExt;
    let data = small_tsv();
    let base = tempfile::tempdir().unwrap();
    let cache = base.path().join("cache");
    assert_eq!(cached_run(data.path(), &cache).1, "1\n");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cache), 0o700);
    let files: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(mode(&files[0]), 0o600);
    // the same size, the modification time set back: `soleus` no longer innervated
    let edges = data.path().join("edges.tsv");
    let before = std::fs::metadata(&edges).unwrap().modified().unwrap();
    let edited = SMALL_EDGES.replace("innervated-by", "innervated_by");
    let edited = edited.replace("tibial\n", "tibia1\n");
    assert_eq!(edited.len(), SMALL_EDGES.len());
    std::fs::write(&edges, &edited).unwrap();
    std::fs::File::options()
        .append(true)
        .open(&edges)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let (code, _, stderr) = cached_run(data.path(), &cache);
    assert_eq!(
        code,
        Some(2),
        "read afresh, and `tibia1` is unknown: {stderr}"
    );
    assert!(stderr.contains("unknown id `tibia1`"), "{stderr}");
}

#[test]
fn fascia_cache_takes_on_or_off_and_names_itself_otherwise() {
    let data = small_tsv();
    let cache = tempfile::tempdir().unwrap();
    for value in ["OFF", "0", "no"] {
        let (code, _, stderr) = run(harness::fascia()
            .env("FASCIA_CACHE", value)
            .env("FASCIA_CACHE_DIR", cache.path())
            .arg("check")
            .arg(data.path()));
        assert_eq!(code, Some(2));
        assert_eq!(
            stderr,
            format!("error: FASCIA_CACHE must be `on` or `off`, not `{value}`\n")
        );
    }
    let (code, _, _) = run(harness::fascia()
        .env("FASCIA_CACHE", "off")
        .env("FASCIA_CACHE_DIR", cache.path())
        .arg("check")
        .arg(data.path()));
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0);
}

#[test]
fn old_cache_files_are_evicted_beyond_the_size_cap() {
    let cache = tempfile::tempdir().unwrap();
    let (first, second) = (small_tsv(), small_tsv());
    for data in [&first, &second] {
        let (code, out, stderr) = run(harness::fascia()
            .env("FASCIA_CACHE_DIR", cache.path())
            // room for one cache file of this size, not two
            .env("FASCIA_CACHE_SIZE", "1000")
            .arg("--data")
            .arg(data.path())
            .args(["-e", "count muscles"]));
        assert_eq!((code, out.as_str()), (Some(0), "1\n"), "{stderr}");
    }
    let left: Vec<_> = std::fs::read_dir(cache.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

/// The one file a cache directory holds after one run.
#[cfg(unix)]
fn only_file_in(dir: &std::path::Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

#[cfg(unix)]
#[test]
fn a_cache_file_larger_than_the_cap_is_not_read() {
    let data = small_tsv();
    let cache = tempfile::tempdir().unwrap();
    assert_eq!(cached_run(data.path(), cache.path()).1, "1\n");
    let file = only_file_in(cache.path());
    // a sparse file of 2 GiB costs no disk and would cost 2 GiB of memory to read
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let (code, out, _) = run(harness::fascia()
        .env("FASCIA_CACHE_DIR", cache.path())
        .env("FASCIA_CACHE_SIZE", "1000000")
        .arg("--data")
        .arg(data.path())
        .args(["-e", "count muscles innervated-by tibial"]));
    assert_eq!((code, out.as_str()), (Some(0), "1\n"));
}

// ------------------------------------------------------------------ costs

/// A generated graph of `structures`, loaded from its TSV files.
fn generated(structures: usize) -> Atlas {
    let graph = fascia::graph::synthetic::Synthetic::generate(structures, None, 1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    graph.write_tsv(dir.path()).unwrap();
    fascia::load_dir(dir.path()).unwrap()
}

#[test]
fn localize_spends_from_the_work_budget_and_stops_on_cancel() {
    use fascia::query::budget::{Budget, Cancel};
    let atlas = generated(20_000);
    let query = "localize weak muscle-1";
    let stopped = fascia::query::run_within(&atlas, query, &mut Budget::new(200_000));
    assert_eq!(
        stopped.map(|_| ()).unwrap_err().to_string(),
        "`localize` stopped after 200000 steps of work, the work limit"
    );
    let cancel = Cancel::new();
    cancel.cancel();
    let mut budget = Budget::new(u64::MAX).with_cancel(cancel);
    let cancelled = fascia::query::run_within(&atlas, query, &mut budget);
    assert_eq!(
        cancelled.map(|_| ()).unwrap_err().to_string(),
        "query cancelled"
    );
    // the bundled data localizes within the default budget
    let bundled = fascia::bundled().unwrap();
    let mut budget = Budget::default();
    let ranked = fascia::query::run_within(
        &bundled,
        "localize weak deltoid, supraspinatus, infraspinatus, \"biceps brachii\" reflex-lost \"biceps reflex\"",
        &mut budget,
    );
    assert!(ranked.is_ok(), "{ranked:?}");
}

#[test]
fn a_picture_larger_than_the_limit_is_refused_before_it_is_laid_out() {
    let (code, out, stderr) = run(harness::fascia()
        .env("FASCIA_MAX_PICTURE", "50")
        .env("FASCIA_SVG", "builtin")
        .args(["--format", "svg", "-e", "around soleus depth 4"]));
    assert_eq!((code, out.as_str()), (Some(1), ""));
    let drawn = fascia::output::Scene::of(
        &fascia::bundled().unwrap(),
        &fascia::run(&fascia::bundled().unwrap(), "around soleus depth 4")
            .unwrap()
            .1,
        None,
    )
    .nodes
    .len();
    assert_eq!(
        stderr,
        format!(
            "error: the picture would draw {drawn} structures, more than the 50 one picture \
             may draw\n  = narrow the query (`limit N`, a smaller `depth`) or raise the limit \
             with the environment variable FASCIA_MAX_PICTURE\n"
        )
    );
    let (code, _, stderr) = run(harness::fascia()
        .env("FASCIA_MAX_PICTURE", "lots")
        .args(["-e", "soleus"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "fascia: FASCIA_MAX_PICTURE must be a positive whole number of structures, not `lots`\n"
    );
}

#[test]
fn facts_stated_many_times_are_one_fact() {
    let mut edges = String::from(EDGES);
    for _ in 0..300_000 {
        edges.push_str("soleus\tinnervated-by\ttibial\n");
    }
    let atlas = load_tsv(("nodes.tsv", SMALL_NODES), ("edges.tsv", &edges), "test").unwrap();
    assert_eq!(atlas.fact_count(), 1);
    // kept at the line it was first stated on
    let fact = atlas.facts().next().unwrap();
    assert_eq!(atlas.location(fact).line, 2);
}

#[test]
fn an_unknown_id_a_megabyte_long_gets_an_error_without_a_suggestion() {
    let long = "tibial".repeat(200_000);
    let edges = format!("{EDGES}soleus\tinnervated-by\t{long}\n");
    let got = tsv(SMALL_NODES, &edges);
    let start = "tibial".repeat(10);
    assert_eq!(
        got,
        [format!(
            "edges.tsv:2:22: unknown id `{start}… (1200000 characters)`"
        )]
    );
}

// ------------------------------------------------------------------ exports load back

#[test]
fn a_tsv_graph_exported_to_json_or_n_triples_loads_back() {
    let atlas = load_tsv(
        ("nodes.tsv", SMALL_NODES),
        ("edges.tsv", SMALL_EDGES),
        "imported",
    )
    .unwrap();
    let query = "count muscles innervated-by tibial";
    for format in [ExportFormat::Json, ExportFormat::NTriples] {
        let mut out = Vec::new();
        fascia::export::write(&atlas, &Selection::whole(&atlas), format, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back = match format {
            ExportFormat::Json => dump::load("g.json", &text),
            _ => rdf::read("g.nt", &text),
        };
        let back = back.unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(set_total(&back, query), 1, "{format:?}");
        assert_eq!(back.fact_count(), atlas.fact_count());
        // each fact cites the import it came from, named after the data
        let fact = back.facts().next().unwrap();
        let source = back.source(back.fact(fact).sources[0]);
        assert_eq!(
            (source.id.as_str(), source.title.as_str()),
            ("imported", "Facts imported from imported")
        );
    }
}

// ------------------------------------------------------------------ smaller

#[cfg(unix)]
#[test]
fn a_dumb_terminal_gets_no_colour() {
    let on_terminal = |term: &str| {
        let mut cmd = harness::fascia_on_terminal(term);
        cmd.args([
            "--data",
            "tests/fixtures/mini",
            "-e",
            "show nosuch-structure",
        ]);
        let mut session = rexpect::session::spawn_command(cmd, Some(20_000)).unwrap();
        session.exp_eof().unwrap()
    };
    assert!(on_terminal("xterm").contains('\u{1b}'));
    let dumb = on_terminal("dumb");
    assert!(dumb.contains("error: "), "{dumb}");
    assert!(!dumb.contains('\u{1b}'), "{dumb:?}");
}

#[test]
fn problems_in_a_json_dump_name_the_json_file_and_where_the_fact_was_stated() {
    let atlas = load_tsv(
        ("nodes.tsv", SMALL_NODES),
        ("edges.tsv", SMALL_EDGES),
        "imported",
    )
    .unwrap();
    let mut out = Vec::new();
    let whole = Selection::whole(&atlas);
    fascia::export::write(&atlas, &whole, ExportFormat::Json, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let broken = text.replace("\"object\": \"tibial\"", "\"object\": \"tibia\"");
    // the fact's entry: the `{` before its subject
    let subject = broken.find("\"subject\": \"soleus\"").unwrap();
    let brace = broken[..subject].rfind('{').unwrap();
    let line = broken[..brace].matches('\n').count() + 1;
    let column = brace - broken[..brace].rfind('\n').map_or(0, |i| i + 1) + 1;
    assert_eq!(
        messages(dump::load("g.json", &broken)),
        [format!(
            "g.json:{line}:{column}: unknown id `tibia`; did you mean `tibial`? (stated at \
             edges.tsv:2:1)"
        )]
    );
}

#[cfg(unix)]
#[test]
fn sigint_while_an_export_loads_stops_it_and_leaves_the_target() {
    let data = tempfile::tempdir().unwrap();
    fascia::graph::synthetic::Synthetic::generate(50_000, None, 1)
        .unwrap()
        .write_tsv(data.path())
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("graph.json");
    std::fs::write(&target, "old").unwrap();
    // as a shell starts a background job: with SIGINT ignored until fascia says otherwise
    let mut child = harness::command("sh")
        .arg("-c")
        .arg("trap '' INT; exec \"$0\" \"$@\"")
        .arg(harness::BIN)
        .arg("--no-cache")
        .arg("--data")
        .arg(data.path())
        .args(["export", "--format", "json", "-o"])
        .arg(&target)
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(child.wait().unwrap().code(), Some(130));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn localize_pays_for_the_nerves_each_lesion_cuts_off() {
    use fascia::query::budget::Budget;
    // one muscle at the end of a 20,000-branch chain: few muscles, but each candidate
    // high in the chain cuts off the whole tree below it
    let count = 20_000;
    let (mut nodes, mut edges) = (
        String::from("id\tkind\tname\nm\tmuscle\tM\n"),
        String::from(EDGES),
    );
    for i in 0..count {
        nodes.push_str(&format!("n-{i}\tnerve\tN {i}\n"));
        if i > 0 {
            edges.push_str(&format!("n-{i}\tbranch-of\tn-{}\n", i - 1));
        }
    }
    edges.push_str(&format!("m\tinnervated-by\tn-{}\n", count - 1));
    let atlas = load_tsv(("nodes.tsv", &nodes), ("edges.tsv", &edges), "test").unwrap();
    let stopped = fascia::query::run_within(&atlas, "localize weak m", &mut Budget::new(300_000));
    assert_eq!(
        stopped.map(|_| ()).unwrap_err().to_string(),
        "`localize` stopped after 300000 steps of work, the work limit"
    );
}

#[cfg(unix)]
#[test]
fn a_cache_file_that_is_a_fifo_is_passed_over_and_left_alone() {
    let data = small_tsv();
    let cache = tempfile::tempdir().unwrap();
    assert_eq!(cached_run(data.path(), cache.path()).1, "1\n");
    let file = only_file_in(cache.path());
    std::fs::remove_file(&file).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, out, stderr) = cached_run(data.path(), cache.path());
    assert_eq!((code, out.as_str()), (Some(0), "1\n"), "{stderr}");
    // not replaced: the cache writes only over a regular file
    let is_fifo = std::os::unix::fs::FileTypeExt::is_fifo(
        &std::fs::symlink_metadata(&file).unwrap().file_type(),
    );
    assert!(is_fifo);
}
