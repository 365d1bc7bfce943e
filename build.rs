//! Embeds the bundled data. Every `.toml` file under `data/` is embedded as text, and
//! the graph crate's loader (`fascia-graph`, src/graph) checks it and stores the checked
//! graph as a compact snapshot (src/graph/snapshot.rs), so the binary starts without
//! parsing TOML.
//! Data with problems builds fine: the snapshot is left empty and fascia reports the
//! problems at run time (`fascia check`).

use fascia_graph as graph;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("data");
    // the graph crate is a build dependency: cargo reruns this script when it changes
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();

    let mut listing = String::from(
        "/// `(path under the crate, contents)` of every bundled data file.\n\
         pub const FILES: &[(&str, &str)] = &[\n",
    );
    let mut texts = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path.strip_prefix(&root).unwrap_or(path);
        let name = format!("data/{}", rel.display());
        listing.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((name, text)),
            Err(e) => fail(&format!("cannot read {}: {e}", path.display())),
        }
    }
    listing.push_str("];\n");

    let snapshot = match graph::load_files(
        texts.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        "bundled data",
    ) {
        Ok(atlas) => graph::snapshot::encode(&atlas),
        Err(problems) => {
            println!(
                "cargo:warning=data/ has {} problem(s); run `cargo run -- check` to list them",
                problems.0.len()
            );
            Vec::new()
        }
    };

    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    write(&out.join("bundled_files.rs"), listing.as_bytes());
    write(&out.join("bundled.snapshot"), &snapshot);
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    println!("cargo:warning={message}");
    std::process::exit(1)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
