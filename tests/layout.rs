//! The module layout has stages, and a stage only uses the stages below it: data
//! sources and the builder feed the graph, the query reads the graph, outputs draw
//! answers, and the command line and the shell sit on top.
//!
//! The graph is a crate of its own (`fascia-graph`, src/graph), so it naming a layer
//! above it does not compile. Within each crate, these tests read `src/` and fail when
//! a lower module names a higher one, so a cycle cannot creep back in.

use std::collections::BTreeSet;
use std::path::Path;

/// The library's modules, lowest first: a module may use modules of a lower rank and
/// itself, never one of the same or a higher rank. The longest matching path decides;
/// `graph` itself holds the builders (TOML, TSV, snapshot) and the checked graph.
const LIBRARY: &[(&str, u32)] = &[
    // the graph crate's own, re-exported at the root of `fascia`
    ("suggest", 0),
    ("graph::suggest", 0),
    ("graph::vocabulary", 5),
    // the handles of structures and facts, named by the model
    ("graph::id", 6),
    ("graph::model", 10),
    ("graph::error", 11),
    // reading and writing files, and what text may hold: below every reader
    ("graph::disk", 11),
    ("graph::text", 11),
    // data sources and the graph's side tables, below the builder and the graph
    ("graph::files", 12),
    ("graph::synthetic", 12),
    ("graph::agreement", 12),
    ("graph::adjacency", 12),
    ("graph", 15),
    ("bundled", 18),
    ("clinical", 20),
    ("query::ast", 30),
    ("query::error", 31),
    ("query::budget", 32),
    ("query::parser", 33),
    ("query::resolve", 33),
    ("query::eval", 34),
    ("query", 35),
    ("ask", 37),
    ("output", 40),
    ("export", 50),
    ("learn", 60),
    ("", 100),
];

/// The binary's modules: the command line over the shell over what both share.
const BINARY: &[(&str, u32)] = &[
    ("statements", 0),
    ("signals", 0),
    ("term", 0),
    ("scope", 0),
    ("settings", 0),
    ("pager", 5),
    ("timings", 10),
    ("execute", 15),
    ("repl", 20),
    // the server answers as the shell completes and helps
    ("serve", 25),
    ("cli", 30),
    ("", 100),
];

/// The module a path falls in: the longest entry of `layers` it starts with.
fn unit<'a>(layers: &'a [(&'a str, u32)], path: &[String]) -> (&'a str, u32) {
    let joined = path.join("::");
    layers
        .iter()
        .filter(|(name, _)| {
            name.is_empty() || joined == *name || joined.starts_with(&format!("{name}::"))
        })
        .max_by_key(|(name, _)| name.len())
        .copied()
        .unwrap_or(("", 100))
}

/// Where the `{ … }` block opening at `open` ends (just past its `}`): braces in
/// string and character literals do not count.
fn block_end(text: &str, open: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, open);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 2,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Source without comments (a doc link is no dependency) and without its inline
/// modules of tests (`#[cfg(test)] mod …`); code after one is kept and checked.
fn code_of(text: &str) -> String {
    const TESTS: &str = "#[cfg(test)]\nmod ";
    let mut kept = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(TESTS) {
        // `#[cfg(test)] mod name {`: an inline module of tests, whatever its name
        let after = &rest[i + TESTS.len()..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let Some(open) = after[name_len..]
            .strip_prefix(" {")
            .map(|_| i + TESTS.len() + name_len + 1)
        else {
            kept.push_str(&rest[..i + TESTS.len()]);
            rest = after;
            continue;
        };
        kept.push_str(&rest[..i]);
        rest = &rest[block_end(rest, open)..];
    }
    kept.push_str(rest);
    kept.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The leading paths of the elements of a `use` group: `model::{Kind, Relation}` →
/// `model`, `self` → nothing.
fn group_heads(inner: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut element = String::new();
    for c in inner.chars().chain([',']) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                let head: String = element
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let head = head.trim_end_matches(':').to_string();
                if !head.is_empty() && head != "self" {
                    heads.push(head);
                }
                element.clear();
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            element.push(c);
        }
    }
    heads
}

/// Every module path the code names through `crate::` or `super::`, made absolute
/// from `module`, the path of the file's own module, in a crate whose root is the
/// module `root` (`graph` for the graph crate, nothing for `fascia`).
fn named_paths(root: &[String], module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start).map(|i| i + from) {
            from = i + start.len();
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
                continue;
            }
            let mut base: Vec<String> = if start == "crate::" {
                root.to_vec()
            } else {
                module[..module.len().saturating_sub(1)].to_vec()
            };
            let mut rest = &code[from..];
            while let Some(tail) = rest.strip_prefix("super::") {
                base.pop();
                rest = tail;
            }
            let mut path = base;
            loop {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if word.is_empty() {
                    break;
                }
                rest = &rest[word.len()..];
                path.push(word);
                match rest.strip_prefix("::") {
                    Some(tail) => rest = tail,
                    None => break,
                }
            }
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 1;
                let end = group
                    .char_indices()
                    .find(|(_, c)| {
                        match c {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        depth == 0
                    })
                    .map_or(group.len(), |(i, _)| i);
                for head in group_heads(&group[..end]) {
                    let mut each = path.clone();
                    each.extend(head.split("::").map(str::to_string));
                    found.push(each);
                }
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// The directory under `src/` that is a crate of its own, whose `crate::` is itself.
const GRAPH_CRATE: &str = "graph";

/// The module path of a file under `src/`: `graph/model.rs` → `graph::model`,
/// `query/mod.rs` → `query`, `lib.rs` → the root.
fn module_of(file: &str) -> Vec<String> {
    let file = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = file.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// What a file names that its rank does not allow, as `file: uses path`.
fn violations(layers: &[(&str, u32)], file: &str, text: &str) -> Vec<String> {
    let module = module_of(file);
    let (own, rank) = unit(layers, &module);
    let root: Vec<String> = match module.first() {
        Some(top) if top == GRAPH_CRATE => vec![top.clone()],
        _ => Vec::new(),
    };
    let mut bad = BTreeSet::new();
    for path in named_paths(&root, &module, &code_of(text)) {
        let (other, other_rank) = unit(layers, &path);
        if other != own && other_rank >= rank {
            bad.insert(format!("{file}: `{own}` uses `{}`", path.join("::")));
        }
    }
    bad.into_iter().collect()
}

/// Every `.rs` file under `dir`, as a path relative to `src/`, with its text.
fn sources(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path
                .strip_prefix(root)
                .expect("under src/")
                .to_string_lossy()
                .replace('\\', "/");
            // unit tests beside the code may use anything
            if name.ends_with("/tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            out.push((name, text));
        }
    }
}

/// The modules `main.rs` declares: the binary's, not the library's.
fn binary_modules(main: &str) -> BTreeSet<String> {
    main.lines()
        .filter_map(|l| l.trim().strip_prefix("mod "))
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect()
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    files
}

#[test]
fn no_module_uses_a_higher_one() {
    let files = all_sources();
    let main = files
        .iter()
        .find(|(name, _)| name == "main.rs")
        .map(|(_, text)| text.clone())
        .expect("src/main.rs");
    let binary = binary_modules(&main);
    let mut bad = Vec::new();
    for (file, text) in &files {
        let top = module_of(file).first().cloned().unwrap_or_default();
        let layers = if file == "main.rs" || binary.contains(&top) {
            BINARY
        } else {
            LIBRARY
        };
        bad.extend(violations(layers, file, text));
    }
    assert!(
        bad.is_empty(),
        "lower modules use higher ones:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_module_has_a_place_in_the_layers() {
    let files = all_sources();
    let main = &files
        .iter()
        .find(|(name, _)| name == "main.rs")
        .expect("src/main.rs")
        .1;
    let binary = binary_modules(main);
    for (file, _) in &files {
        let Some(top) = module_of(file).first().cloned() else {
            continue;
        };
        let layers = if binary.contains(&top) {
            BINARY
        } else {
            LIBRARY
        };
        assert!(
            layers.iter().any(|(name, _)| *name == top),
            "{file}: the module `{top}` has no rank; give it one in tests/layout.rs"
        );
    }
}

#[test]
fn the_build_script_depends_on_the_graph_crate_not_on_source_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("build.rs")).expect("build.rs");
    assert!(
        !build.contains("#[path"),
        "build.rs compiles source files of src/ a second time; depend on a crate instead"
    );
    assert!(
        build.contains("use fascia_graph"),
        "build.rs uses the graph crate"
    );
    // the graph crate depends on nothing of fascia's: the layers above are out of reach
    let manifest = std::fs::read_to_string(root.join("src/graph/Cargo.toml")).expect("manifest");
    let deps = manifest
        .lines()
        .skip_while(|l| l.trim() != "[dependencies]")
        .take_while(|l| !l.starts_with("[dev-dependencies]"));
    for line in deps {
        assert!(
            !line.trim_start().starts_with("fascia"),
            "the graph crate depends on `{line}`"
        );
    }
}

#[test]
fn the_check_finds_a_lower_module_naming_a_higher_one() {
    // a module that reaches up, directly, through `super` and in a group
    let up = violations(LIBRARY, "query/ast.rs", "use crate::output::text::Table;\n");
    assert_eq!(
        up,
        ["query/ast.rs: `query::ast` uses `output::text::Table`"]
    );
    let sup = violations(LIBRARY, "graph/model.rs", "use super::load::Loader;\n");
    assert_eq!(
        sup,
        ["graph/model.rs: `graph::model` uses `graph::load::Loader`"]
    );
    let grouped = violations(
        LIBRARY,
        "clinical/mod.rs",
        "use crate::{graph::Atlas, query::eval::descent_steps};\n",
    );
    assert_eq!(
        grouped,
        ["clinical/mod.rs: `clinical` uses `query::eval::descent_steps`"]
    );
    // a data source does not reach into the graph it feeds; in the graph crate,
    // `crate::` is the graph itself
    let source = violations(
        LIBRARY,
        "graph/files.rs",
        "use super::{Atlas, model::Kind};\n",
    );
    assert_eq!(
        violations(LIBRARY, "graph/files.rs", "use crate::Atlas;\n"),
        ["graph/files.rs: `graph::files` uses `graph::Atlas`"]
    );
    assert!(violations(LIBRARY, "graph/load.rs", "use crate::model::Kind;\n").is_empty());
    assert_eq!(
        source,
        ["graph/files.rs: `graph::files` uses `graph::Atlas`"]
    );
    // equal ranks do not use each other either
    let side = violations(LIBRARY, "query/parser.rs", "use super::resolve::Plan;\n");
    assert_eq!(
        side,
        ["query/parser.rs: `query::parser` uses `query::resolve::Plan`"]
    );
    // nor a lower module the root's re-exports
    let root = violations(LIBRARY, "clinical/sites.rs", "let x = crate::run(a, q);\n");
    assert_eq!(root, ["clinical/sites.rs: `clinical` uses `run`"]);
    // code after a tests module is checked; braces in the tests' strings do not hide it
    let after = "#[cfg(test)]\nmod tests {\n    const X: &str = \"}\";\n    fn f() { '{'; }\n}\n\
                 use crate::output::Text;\n";
    assert_eq!(
        violations(LIBRARY, "query/eval.rs", after),
        ["query/eval.rs: `query::eval` uses `output::Text`"]
    );
    // downwards, in comments and in the tests module are all fine
    let fine = "use crate::graph::Atlas; // see crate::output\n\
                #[cfg(test)]\nmod tests {\n    use crate::output::Text;\n}\n";
    assert!(violations(LIBRARY, "query/eval.rs", fine).is_empty());
    // the shell does not reach into the command line
    let shell = violations(BINARY, "repl/mod.rs", "use crate::cli::{self, paint};\n");
    assert_eq!(shell, ["repl/mod.rs: `repl` uses `cli::paint`"]);
}
