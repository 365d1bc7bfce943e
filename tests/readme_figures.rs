//! README's figures of the data, checked against the data: every count of structures,
//! facts, sources, triples and answers that README quotes, the regions its Scope names,
//! and the counts its timings were measured on. A change of data that changes a figure
//! fails here, naming the figure and what it should be; after checking the change,
//! `INSTA_UPDATE=always cargo test --test readme_figures` writes the exact figures into
//! README.md (see `tests/readme/mod.rs`). The figures come from the binary, as a reader
//! would get them.
//!
//! Timings cannot be checked by a test. Each table of them says what the data held when
//! it was measured; those counts are never rewritten, and when the data has moved more
//! than a tenth from them the test asks for the timings to be measured again.

mod harness;
mod readme;

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One place in README that quotes figures of the data.
struct Figure {
    /// What the figures are, for a message.
    what: &'static str,
    /// README's words with `{}` for each figure; a space matches any run of whitespace,
    /// since a sentence may wrap.
    words: &'static str,
    /// Each figure as README should write it.
    values: Vec<String>,
}

/// A number as README writes it in prose: thousands grouped with commas.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The number README shows, without its commas.
fn parse(shown: &str) -> f64 {
    shown.replace(',', "").parse().expect("a number")
}

/// `fascia ARGS` on the bundled data: its standard output, checked to succeed.
fn fascia(args: &[&str]) -> String {
    let run = harness::fascia_run(args);
    assert_eq!(run.code, Some(0), "fascia {args:?}: {}", run.stderr);
    run.stdout
}

/// What `fascia --version` says of the bundled data.
struct Version {
    /// "the lower limb and the upper limb"
    regions: String,
    /// structures counted as `count structures` counts them, and with their parts
    counted: u64,
    structures: u64,
    facts: u64,
    /// the `identifiers: …` line
    identifiers: String,
}

static VERSION: LazyLock<Version> = LazyLock::new(|| {
    let out = fascia(&["--version"]);
    let data = out
        .lines()
        .find_map(|l| l.strip_prefix("data: "))
        .unwrap_or_else(|| panic!("--version names the data:\n{out}"));
    let (regions, counts) = data.split_once("; ").expect("regions; counts");
    let n = numbers(counts);
    assert_eq!(n.len(), 4, "{counts}");
    Version {
        regions: regions.to_string(),
        counted: n[0],
        structures: n[1],
        facts: n[2],
        identifiers: out
            .lines()
            .find(|l| l.starts_with("identifiers: "))
            .expect("--version counts identifiers")
            .to_string(),
    }
});

/// The whole numbers of a line, in order.
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().expect("digits"))
        .collect()
}

/// `count QUERY` on the bundled data.
fn count(query: &str) -> u64 {
    let out = fascia(&["-e", &format!("count {query}")]);
    out.trim()
        .parse()
        .unwrap_or_else(|_| panic!("{query}: {out}"))
}

/// The steps of `path …` on the bundled data.
fn steps(query: &str) -> u64 {
    let out = fascia(&["-e", query]);
    let last = out.lines().last().unwrap_or_default();
    last.strip_prefix('(')
        .and_then(|l| l.strip_suffix(" steps)"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{query}: {out}"))
}

/// `fascia ARGS` on the graph the scale benchmark generates (100,000 structures, seed
/// 1), for the counts its timings table quotes.
fn generated(dir: &std::path::Path, query: &str) -> String {
    let data = dir.to_str().expect("a UTF-8 path");
    fascia(&["--no-cache", "--data", data, "-e", query])
}

/// The figures README quotes, worked out once for the tests that need them.
static FIGURES: LazyLock<Vec<Figure>> = LazyLock::new(figures);

/// The figures of the bundled data that README quotes, and the counts of the answers
/// the scale benchmark times on its generated graph.
fn figures() -> Vec<Figure> {
    let v = &*VERSION;
    let nt = fascia(&["export", "--format", "ntriples"]);
    let big = tempfile::tempdir().expect("a temporary directory");
    let data = big.path().to_str().expect("a UTF-8 path");
    fascia(&["generate", "--structures", "100000", "--seed", "1", data]);
    let big_path = generated(big.path(), "path nerve-11999 to nerve-0");
    let big_steps = big_path
        .lines()
        .last()
        .and_then(|l| l.strip_prefix('('))
        .and_then(|l| l.strip_suffix(" steps)"))
        .unwrap_or_else(|| panic!("{big_path}"))
        .to_string();
    let big_count = |query: &str| {
        let n: u64 = generated(big.path(), &format!("count {query}"))
            .trim()
            .parse()
            .expect("a count");
        grouped(n)
    };
    vec![
        Figure {
            what: "the answers of the generated graph's timed queries",
            words: "one hop, `muscles innervated-by nerve-11036` ({} answers, listed)",
            values: vec![big_count("muscles innervated-by nerve-11036")],
        },
        Figure {
            what: "the answers of the generated graph's timed queries",
            words: "`muscles innervated-by* nerve-0` ({} answers, listed)",
            values: vec![big_count("muscles innervated-by* nerve-0")],
        },
        Figure {
            what: "the answers of the generated graph's timed queries",
            words: "`path nerve-11999 to nerve-0` ({} steps)",
            values: vec![big_steps],
        },
        Figure {
            what: "the identifiers line of `--version`",
            words: "`identifiers: {} of {} structures (FMA {}, TA98 {}, TA2 {}, UBERON {})`",
            // the counts, not the digits of a resource's name (TA98)
            values: v
                .identifiers
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| c == ',' || c == '(' || c == ')'))
                .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
                .collect(),
        },
        Figure {
            what: "the structures `--version` counts",
            words: "`{} structures ({} with their parts)`",
            values: vec![v.counted.to_string(), v.structures.to_string()],
        },
        Figure {
            what: "the size of the bundled graph in Exports",
            words: "bundled graph ({} structures, {} facts)",
            values: vec![grouped(v.structures), grouped(v.facts)],
        },
        Figure {
            what: "the size of the RDF export",
            words: "is {} triples as RDF, {} MB of N-Triples",
            values: vec![
                grouped(nt.lines().count() as u64),
                format!("{:.1}", nt.len() as f64 / 1e6),
            ],
        },
        Figure {
            what: "the muscles of the SPARQL example",
            words: "fascia's {} muscles",
            values: vec![count("muscles innervated-by* sciatic").to_string()],
        },
        Figure {
            what: "the bundled data's size beside the timings",
            words: "the bundled data now holds {} structures and {} facts",
            values: vec![grouped(v.structures), grouped(v.facts)],
        },
        Figure {
            what: "the answers of the bundled data's timed queries",
            words: "| `muscles innervated-by tibial-nerve` ({}) |",
            values: vec![count("muscles innervated-by tibial-nerve").to_string()],
        },
        Figure {
            what: "the answers of the bundled data's timed queries",
            words: "| `muscles innervated-by* sciatic-nerve` ({}, listed) |",
            values: vec![count("muscles innervated-by* sciatic-nerve").to_string()],
        },
        Figure {
            what: "the answers of the bundled data's timed queries",
            words: "| `path soleus to sciatic-nerve` ({} steps) |",
            values: vec![steps("path soleus to sciatic-nerve").to_string()],
        },
    ]
}

/// README's words as a pattern, each figure a group.
fn pattern(words: &str) -> Regex {
    let mut re = String::new();
    for (i, piece) in words.split("{}").enumerate() {
        if i > 0 {
            re.push_str(r"([0-9][0-9,]*(?:\.[0-9]+)?)");
        }
        let escaped: Vec<String> = piece.split(' ').map(regex::escape).collect();
        re.push_str(&escaped.join(r"\s+"));
    }
    Regex::new(&re).expect("a pattern")
}

/// Where each figure README shows differs from its value: the message and the
/// replacement. Words README no longer has fail the test at once, since no rewrite can
/// put them back.
fn compare(readme: &str, figures: &[Figure]) -> (Vec<String>, Vec<(Range<usize>, String)>) {
    let mut messages = Vec::new();
    let mut replacements = Vec::new();
    for figure in figures {
        let re = pattern(figure.words);
        let found: Vec<_> = re.captures_iter(readme).collect();
        assert!(
            !found.is_empty(),
            "README no longer says `{}` ({}): change tests/readme_figures.rs with it",
            figure.words,
            figure.what
        );
        for caps in found {
            assert_eq!(
                caps.len() - 1,
                figure.values.len(),
                "{}: {:?}",
                figure.what,
                figure.values
            );
            let context = caps[0].split_whitespace().collect::<Vec<_>>().join(" ");
            for (i, value) in figure.values.iter().enumerate() {
                let shown = caps.get(i + 1).expect("every group takes part");
                if shown.as_str() != value {
                    messages.push(format!(
                        "{}: README shows {}, the data gives {value}\n    in “{context}”",
                        figure.what,
                        shown.as_str()
                    ));
                    replacements.push((shown.range(), value.clone()));
                }
            }
        }
    }
    (messages, replacements)
}

/// README with each figure replaced by its value.
fn rewritten(readme: &str, figures: &[Figure]) -> String {
    let (_, mut replacements) = compare(readme, figures);
    replacements.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = readme.to_string();
    for (range, value) in replacements {
        out.replace_range(range, &value);
    }
    out
}

#[test]
fn every_figure_of_the_data_in_readme_is_the_datas() {
    let (messages, _) = compare(&readme::text(), &FIGURES);
    readme::settle("the figures of the data", &messages, |now| {
        rewritten(now, &FIGURES)
    });
}

/// What a table of timings says the data held when it was measured.
struct Measured {
    what: &'static str,
    /// README's words, `{}` for its count of structures and then of facts
    words: &'static str,
    /// the data's counts now: structures, facts
    now: [u64; 2],
}

/// How far the data may move from what the timings were measured on before they are
/// measured again: a tenth, about what changes a load's or a walk's cost visibly.
const TIMINGS_HOLD_WITHIN: f64 = 0.1;

fn measured() -> Vec<Measured> {
    let v = &*VERSION;
    vec![
        Measured {
            what: "the bundled data's timings",
            words: "Timings of the bundled data, measured {}-{}-{} when it held {} structures and {} facts",
            now: [v.structures, v.facts],
        },
        Measured {
            what: "the timings of the exports",
            words: "Timings of the exports, measured {}-{}-{} when the bundled data held {} structures and {} facts",
            now: [v.structures, v.facts],
        },
        Measured {
            what: "the timings of the bundled data as TSV",
            words: "| bundled data as TSV ({} structures, {} facts) |",
            now: [v.structures, v.facts],
        },
    ]
}

#[test]
fn the_timings_were_measured_on_data_near_the_datas() {
    let readme = readme::text();
    let mut stale = Vec::new();
    for m in measured() {
        let caps = pattern(m.words)
            .captures(&readme)
            .unwrap_or_else(|| panic!("README no longer says `{}` ({})", m.words, m.what));
        // the counts are the last two figures (a date may come first)
        let shown: Vec<&str> = caps.iter().skip(1).flatten().map(|g| g.as_str()).collect();
        let then = [shown[shown.len() - 2], shown[shown.len() - 1]];
        for ((then, now), noun) in then.iter().zip(m.now).zip(["structures", "facts"]) {
            let moved = (now as f64 - parse(then)).abs() / parse(then);
            if moved > TIMINGS_HOLD_WITHIN {
                stale.push(format!(
                    "{}: measured on {then} {noun}, the data now holds {} ({:.0}% apart)",
                    m.what,
                    grouped(now),
                    moved * 100.0
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "README's timings were measured on other data; measure them again \
         (README, Performance, says how) and give the table its date and the \
         counts it was measured on:\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_scope_names_the_regions_of_the_data() {
    let readme = readme::text();
    let start = readme
        .find("**Scope.**")
        .expect("README has a Scope paragraph");
    // the paragraph and its list, up to the next heading
    let paragraph = &readme[start..start + readme[start..].find("\n## ").unwrap_or(0)];
    let named: Vec<String> = paragraph
        .split("**")
        .skip(1)
        .step_by(2)
        .filter(|b| *b != "Scope.")
        .map(str::to_string)
        .collect();
    let mut named_sorted = named.clone();
    named_sorted.sort();
    // "the lower limb and the upper limb", as --version and the REPL say it
    let regions = VERSION.regions.replace(" and the ", ", the ");
    let mut covered: Vec<String> = regions
        .split(", ")
        .map(|r| r.trim_start_matches("the ").to_string())
        .collect();
    covered.sort();
    assert_eq!(
        named_sorted, covered,
        "README's Scope names {named:?} in bold; the data covers {} (`fascia --version`)",
        VERSION.regions
    );
    // and what it says is not yet covered is none of them
    let missing = paragraph
        .split_once("not yet")
        .and_then(|(before, _)| before.rsplit([';', '.']).next())
        .unwrap_or_default()
        .to_lowercase();
    for region in &covered {
        assert!(
            !missing.contains(region.as_str()),
            "README's Scope says `{}` is not yet covered, but it is",
            region
        );
    }
}

#[test]
fn the_example_of_a_name_outside_the_data_is_what_fascia_prints() {
    let readme = readme::text();
    let block = readme
        .split("```text\n")
        .skip(1)
        .map(|b| &b[..b.find("```").expect("the block ends")])
        .find(|b| b.starts_with("$ fascia 'muscles innervated-by "))
        .expect("README shows a name outside the data");
    let (command, shown) = block.split_once('\n').expect("a command, then its output");
    let query = command
        .strip_prefix("$ fascia '")
        .and_then(|q| q.strip_suffix('\''))
        .expect("the command is one quoted query");
    let run = harness::fascia_run(&[query]);
    assert_eq!(run.code, Some(1), "{command}");
    // README's lines are as a pipe gets them, not wrapped to a terminal
    let differences = if run.stderr == shown {
        vec![]
    } else {
        vec![format!(
            "{command}\n--- README\n{shown}--- fascia\n{}",
            run.stderr
        )]
    };
    readme::settle(
        "the example of a name outside the data",
        &differences,
        |now| now.replacen(shown, &run.stderr, 1),
    );
}

/// Each count of structures, facts, sources, triples, answers … in README's prose is one of the
/// figures checked above, or a number that is not of the bundled data (a limit, a
/// generated graph); a new figure fails here until it is checked.
#[test]
fn every_count_in_readme_is_checked() {
    let readme = readme::text();
    let counts =
        Regex::new(r"\b[0-9][0-9,]*\s+(structures|facts|sources|triples|muscles|nerves|bones|arteries|veins|joints|regions|signs|sites|answers|steps|questions)\b")
            .expect("a pattern");
    let mut checked: Vec<Range<usize>> = Vec::new();
    for words in FIGURES
        .iter()
        .map(|f| f.words)
        .chain(measured().iter().map(|m| m.words))
    {
        checked.extend(pattern(words).find_iter(&readme).map(|m| m.range()));
    }
    let fences = fenced(&readme);
    let unchecked: Vec<String> = counts
        .find_iter(&readme)
        .filter(|m| !fences.iter().any(|f| f.contains(&m.start())))
        .filter(|m| !checked.iter().any(|c| c.contains(&m.start())))
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|text| !NOT_OF_THE_BUNDLED_DATA.contains(&text.as_str()))
        .collect();
    assert!(
        unchecked.is_empty(),
        "README quotes counts no test checks: {unchecked:?}; add each to \
         tests/readme_figures.rs (or, if it is not a figure of the bundled data, to \
         NOT_OF_THE_BUNDLED_DATA)"
    );
}

/// Counts in README that are not figures of the bundled data: limits and the size of
/// the benchmark's generated graph.
const NOT_OF_THE_BUNDLED_DATA: &[&str] = &[
    // the limits of a picture, of `around` and of the quiz's `localize` questions
    "5,000 structures",
    "500 structures",
    "500 nerves",
    // the benchmark's generated graph
    "100,000 structures",
    "1,000,000 facts",
    // a query's set is a short list up to this size
    "64 structures",
    // the work limit, and how many questions a quiz asks when not told
    "5,000,000 steps",
    "10 questions",
];

/// The byte ranges of README's fenced blocks (their outputs are checked by
/// tests/readme_examples.rs and the quiz's transcript test).
fn fenced(readme: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    let mut offset = 0;
    for line in readme.split_inclusive('\n') {
        if line.starts_with("```") {
            match open.take() {
                None => open = Some(offset),
                Some(start) => out.push(start..offset + line.len()),
            }
        }
        offset += line.len();
    }
    out
}
