//! Runs every example in README.md on the bundled data and compares the output with
//! what the README shows, so the documentation cannot drift from the program.
//!
//! Examples live in ```fascia blocks: a line `> QUERY` (or a question), then the exact
//! text output (or the rendered error; for a question, each query it became after `= `).
//! README is the snapshot of its own examples (see `tests/readme/mod.rs` for why): after
//! a deliberate change, `INSTA_UPDATE=always cargo test --test readme_examples` rewrites
//! the blocks with the current output; review the diff.
//! A ```rust block is a piece of the crate documentation's example, which runs as a
//! doctest.

mod readme;

use fascia::output::{Format, render_to_string};

struct Example {
    query: String,
    expected: String,
}

/// The README split into text outside example blocks and the examples inside them.
enum Part {
    Text(String),
    Examples(Vec<Example>),
}

fn parse_readme(readme: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut lines = readme.split_inclusive('\n');
    while let Some(line) = lines.next() {
        if line.trim_end() != "```fascia" {
            text.push_str(line);
            continue;
        }
        text.push_str(line);
        parts.push(Part::Text(std::mem::take(&mut text)));
        let mut examples: Vec<Example> = Vec::new();
        for line in lines.by_ref() {
            if line.trim_end() == "```" {
                text.push_str(line);
                break;
            }
            match line.strip_prefix("> ") {
                Some(q) => examples.push(Example {
                    query: q.trim_end().to_string(),
                    expected: String::new(),
                }),
                None => match examples.last_mut() {
                    Some(e) => e.expected.push_str(line),
                    None => panic!("README: a ```fascia block must start with `> QUERY`"),
                },
            }
        }
        parts.push(Part::Examples(examples));
    }
    parts.push(Part::Text(text));
    parts
}

/// What fascia shows for a line: a query's answer or error; for a question, each query
/// it became after `= ` and that query's answer.
fn actual(atlas: &fascia::Atlas, typed: &str) -> String {
    let answer = |query: &str| match fascia::query::run(atlas, query) {
        Ok((_, answer)) => render_to_string(atlas, &answer, Format::Text),
        Err(e) => format!("{}\n", e.render(query)),
    };
    match fascia::ask::read(atlas, typed) {
        fascia::ask::Reading::Typed => answer(typed),
        fascia::ask::Reading::Asked(queries) => queries
            .iter()
            .map(|q| format!("= {q}\n{}", answer(q)))
            .collect::<Vec<_>>()
            .join("\n"),
        fascia::ask::Reading::Refused(line) => format!("error: {line}\n"),
    }
}

/// README with each example's output as fascia gives it now, and each difference.
fn rewritten(atlas: &fascia::Atlas, readme: &str) -> (String, Vec<String>, usize) {
    let mut rewritten = String::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for part in parse_readme(readme) {
        match part {
            Part::Text(t) => rewritten.push_str(&t),
            Part::Examples(examples) => {
                for e in examples {
                    count += 1;
                    let got = actual(atlas, &e.query);
                    if got != e.expected {
                        failures.push(format!(
                            "> {}\n--- README\n{}--- actual\n{}",
                            e.query, e.expected, got
                        ));
                    }
                    rewritten.push_str(&format!("> {}\n{}", e.query, got));
                }
            }
        }
    }
    (rewritten, failures, count)
}

#[test]
fn every_readme_example_gives_the_output_shown() {
    let atlas = fascia::bundled().unwrap_or_else(|e| panic!("bundled data: {e}"));
    let (_, failures, count) = rewritten(&atlas, &readme::text());
    assert!(
        count >= 20,
        "README should hold the language tour ({count} examples found)"
    );
    readme::settle("the examples", &failures, |now| rewritten(&atlas, now).0);
}

#[test]
fn every_readme_rust_block_is_part_of_the_crate_example() {
    let readme = include_str!("../README.md");
    let lib = include_str!("../src/lib.rs");
    // the crate docs' lines, without `//! ` and their indentation
    let docs: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let mut blocks = 0;
    for block in readme.split("```rust\n").skip(1) {
        let block = &block[..block.find("```").expect("the block ends")];
        let lines: Vec<&str> = block.lines().map(str::trim).collect();
        let found = docs.windows(lines.len()).any(|w| w == lines.as_slice());
        assert!(
            found,
            "README's rust block is not in the crate example:\n{block}"
        );
        blocks += 1;
    }
    assert!(blocks > 0, "README shows the library in a rust block");
}
