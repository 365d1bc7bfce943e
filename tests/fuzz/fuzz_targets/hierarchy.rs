//! Deep and cyclic hierarchies: the bytes describe chains of `branch-of`, `part-of`,
//! `tributary-of` and `continues-as` up to tens of thousands of links long, closed into
//! cycles or joined to each other, written as TSV and loaded; what loads is walked by
//! the queries that follow hierarchies. Nothing may overflow the stack or panic, and
//! the work budget keeps each run short.

#![no_main]

use fascia::query::{Budget, run_within};
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;

/// `(predicate, kind, plural)` of each hierarchy.
const HIERARCHIES: [(&str, &str, &str); 4] = [
    ("branch-of", "nerve", "nerves"),
    ("part-of", "landmark", "landmarks"),
    ("tributary-of", "vein", "veins"),
    ("continues-as", "artery", "arteries"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let (predicate, kind, plural) = HIERARCHIES[usize::from(head % 4)];
    // a chain's length: up to 65,535 links from the next two bytes
    let length = match rest {
        [a, b, ..] => usize::from(u16::from_le_bytes([*a, *b])).max(2),
        _ => 2,
    };
    let mut nodes = String::from("id\tkind\tname\n");
    let mut edges = String::from("subject\tpredicate\tobject\n");
    for i in 0..length {
        let _ = writeln!(nodes, "n-{i}\t{kind}\tN {i}");
    }
    for i in 0..length - 1 {
        let _ = writeln!(edges, "n-{i}\t{predicate}\tn-{}", i + 1);
    }
    // each further pair of bytes is a link from one link to another: back (a cycle),
    // forward (a shortcut) or onto itself
    for pair in rest.get(2..).unwrap_or_default().chunks_exact(2) {
        let from = usize::from(pair[0]) * length / 256;
        let to = usize::from(pair[1]) * length / 256;
        let _ = writeln!(edges, "n-{from}\t{predicate}\tn-{to}");
    }
    let loaded = fascia::graph::tsv::load_tsv(("nodes.tsv", &nodes), ("edges.tsv", &edges), "fuzz");
    let Ok(atlas) = loaded else {
        return;
    };
    let last = length - 1;
    for query in [
        format!("count {plural} {predicate}* n-0"),
        format!("count {plural} {predicate}* n-{last}"),
        format!("{plural} {predicate}* n-{last} limit 5"),
        format!("path n-0 to n-{last}"),
        format!("around n-{} depth 2", length / 2),
        format!("show n-{}", length / 2),
    ] {
        let _ = run_within(&atlas, &query, &mut Budget::new(200_000));
    }
});
