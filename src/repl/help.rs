//! Help: the overview, the topics with their examples, and the tables of relations and kinds.

use super::{Outcome, PROMPT, Session};
use fascia::Atlas;
use fascia::graph::model::Relation;
use fascia::query::ast::Selector;
use std::io::{self, Write};

impl Session {
    pub(super) fn help(&self, topic: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        match write_help(&self.atlas, topic, out)? {
            Ok(()) => Ok(Outcome::Done),
            Err(message) => self.error(&message, out),
        }
    }
}

/// Writes the overview (an empty `topic`) or one topic's help; an unknown topic is an
/// error message naming the topics, and nothing is written.
pub fn write_help(
    atlas: &Atlas,
    topic: &str,
    out: &mut dyn Write,
) -> io::Result<Result<(), String>> {
    let topic = topic.trim().to_lowercase();
    if topic.is_empty() {
        write!(out, "{OVERVIEW}")?;
        writeln!(out, "\nTopics (help TOPIC):")?;
        for t in TOPICS {
            writeln!(out, "  {:<10} {}", t.name, t.summary)?;
        }
        return Ok(Ok(()));
    }
    let Some(t) = TOPICS.iter().find(|t| t.name == topic) else {
        let names = TOPICS.iter().map(|t| t.name);
        let hint = match fascia::suggest::closest(&topic, names) {
            Some(s) => format!("did you mean `help {s}`? "),
            None => String::new(),
        };
        let all: Vec<&str> = TOPICS.iter().map(|t| t.name).collect();
        return Ok(Err(format!(
            "no help on `{topic}`; {hint}topics: {}",
            all.join(", ")
        )));
    };
    write!(out, "{}", t.text)?;
    match t.name {
        "relations" => relation_table(out)?,
        "kinds" => kind_table(atlas, out)?,
        _ => {}
    }
    if !t.examples.is_empty() {
        writeln!(out, "\nExamples:")?;
        for e in t.examples {
            writeln!(out, "  {PROMPT}{e}")?;
        }
    }
    Ok(Ok(()))
}

/// Every kind word with how many structures it selects in the loaded data, its help
/// line and its other spellings, from the vocabulary.
fn kind_table(atlas: &Atlas, out: &mut dyn Write) -> io::Result<()> {
    for s in Selector::ALL {
        let entries: usize = s.kinds().iter().map(|k| atlas.of_kind(k).len()).sum();
        // what `count WORD` answers: a part whose whole is in the answer is counted
        // under its whole
        let rows = fascia::run(atlas, &format!("count {}", s.word()))
            .ok()
            .and_then(|(_, answer)| answer.count())
            .unwrap_or(entries);
        let entry = s.entry();
        let also = match entry.also {
            [] => String::new(),
            more => format!(" (also `{}`)", more.join("`, `")),
        };
        let parts = if rows == entries {
            String::new()
        } else {
            format!("; {entries} with the parts counted under them")
        };
        writeln!(
            out,
            "  {:<12} {rows:>5}  {}{also}{parts}",
            s.word(),
            entry.help
        )?;
    }
    Ok(())
}

/// Every relation: its two words, what it says, and which kinds it joins, from the
/// vocabulary.
fn relation_table(out: &mut dyn Write) -> io::Result<()> {
    for r in Relation::ALL {
        writeln!(out, "  {} / {}", r.forward_name(), r.inverse_name())?;
        for line in wrap(r.help(), HELP_WIDTH)
            .into_iter()
            .chain(wrap(&r.ends(), HELP_WIDTH))
        {
            writeln!(out, "      {line}")?;
        }
    }
    Ok(())
}

/// How wide the indented lines of the relation table may run.
const HELP_WIDTH: usize = 80;

/// `text` in lines of at most `width` characters, broken at spaces (a longer word
/// stands on a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub(super) struct Topic {
    pub(super) name: &'static str,
    summary: &'static str,
    text: &'static str,
    /// Lines that run as written on the bundled data (a test checks).
    examples: &'static [&'static str],
}

const OVERVIEW: &str = "\
Ask the anatomy graph questions, in your own words or as queries: a question is shown
with the query it becomes (= …) and answered as that query is. A query is one line; a
parenthesis or quote left open, or a line ending in and, or, not, except or a comma,
continues it on the next (...>). Several on one line are separated by ';'. For example:
  fascia> what does the radial nerve supply?
  fascia> show soleus
  fascia> muscles innervated-by tibial nerve
  fascia> why soleus inserts-into* calcaneus

Commands:
  help [TOPIC]            this text, or help on one topic
  :format FORMAT          text, json, dot or svg: how answers are written
  :data [PATH]            where the data came from; load a directory, .nt or .json
  :timing on|off          each query's time on stderr (timings: query_ms=…)
  :pager on|off           long answers through $PAGER (less -FRX), or printed whole
  quiz [REGION TOPIC N]   questions from the graph, graded (help quiz)
  quiz review             ask again what is due
  :quit, :q, quit, exit   leave (or Ctrl-D); Ctrl-C clears the line or stops a query
Tab completes keywords, kinds, relations and names; → accepts a hint.
";

pub(super) const TOPICS: &[Topic] = &[
    Topic {
        name: "questions",
        summary: "asking in your own words, and the queries questions become",
        text: "\
A question in plain English is read as a query and answered as that query is; the
query is shown first (= …), so the language is learnt as you go. Question marks,
capitals, articles, plurals, m./n./a./v. and a typo or two are fine. It reads:
  what does X supply / innervate     nerve supply / blood supply of X
  origin / insertion / actions of X  what attaches to X
  which muscles flex / extend … Y    muscles of the X compartment; rotator cuff muscles
  branches of X; what does X become  contents of X; what passes through X
  root value of X; myotome of L5     dermatome of L5
  what is lost if X is cut at Y      which nerve is damaged in foot drop
  path between X and Y               what is X
A group stands for its members where muscles are wanted, and a name hand and foot
share answers for each limb. What it cannot read gets one line naming the nearest forms.
",
        examples: &[
            "what does the radial nerve supply?",
            "nerve supply of the lumbricals",
            "which muscles flex the elbow",
            "what is lost if the radial nerve is cut at the spiral groove",
        ],
    },
    Topic {
        name: "queries",
        summary: "sets of structures: kinds, conditions, and, or, not, except",
        text: "\
A set query starts with a kind and may add conditions on it:
  KIND [RELATION[*] TARGET] [and|or|except|not …] [limit N]
A target is a structure name or a query in parentheses. RELATION* also follows
hierarchies under the target (branches of a nerve, parts of a bone, tendons on a
landmark). Whole sets combine with and, or, except; `not` negates a condition.
Other statements: show, path, paths, why, around, count, lesion, localize (see their
topics).
",
        examples: &[
            "muscles innervated-by tibial nerve",
            "muscles innervated-by* sciatic nerve and located-in \"lateral compartment of leg\"",
            "muscles performs plantarflexion and not innervated-by tibial nerve",
            "muscles innervated-by (nerves branch-of* common fibular nerve) limit 5",
            "count muscles innervated-by* sciatic nerve",
        ],
    },
    Topic {
        name: "relations",
        summary: "the kinds of fact, forward and inverse",
        text: "\
Each fact reads two ways: `soleus innervated-by tibial nerve` is also `tibial nerve
innervates soleus`. Both names work in queries. Add * to follow the hierarchy under the
target: muscles innervated-by* sciatic nerve includes its branches.
For each: forward / inverse, what a fact says, and the kinds it joins (from → to).
",
        examples: &[
            "muscles inserts-into* calcaneus",
            "nerves has-root l5",
            "nerves branch-of* sciatic nerve",
        ],
    },
    Topic {
        name: "kinds",
        summary: "the kinds of structure and how many are loaded",
        text: "\
A set query starts with one of these words (singular works too), with how many
structures each selects in the loaded data, as `count` counts them: a part whose whole
is in the answer (a head, a landmark) is counted under its whole.
",
        examples: &["joints", "count muscles", "groups"],
    },
    Topic {
        name: "names",
        summary: "how to name a structure",
        text: "\
A structure is named by its name, an alias, its id or its Latin name, in any case:
`flexor hallucis longus`, `FHL`, `flexor-hallucis-longus`. The kind word may be left
out (`tibial` for the tibial nerve). Quote a name that contains a keyword such as
`to` or `and`: \"nerve to piriformis\". A name that fits several structures is an error
that lists them; use the id to choose.
",
        examples: &["show FHL", "show achilles tendon", "show tibial"],
    },
    Topic {
        name: "show",
        summary: "everything about one structure",
        text: "\
show NAME prints a reference card: names, every fact grouped by relation (with the
sources behind each), notes and identifiers.
",
        examples: &["show soleus", "show \"flexor hallucis longus\""],
    },
    Topic {
        name: "path",
        summary: "how two structures are connected",
        text: "\
path A to B [via RELATION, …] finds one shortest chain of facts from A to B;
paths A to B [max N] [via …] lists every simple chain up to N facts long (N from 1 to
8, 4 by default). A search that grows past the work limit stops and says so; Ctrl-C
stops it too.
",
        examples: &[
            "path soleus to sciatic nerve",
            "path soleus to sciatic nerve via innervated-by, branch-of",
            "paths soleus to calcaneus max 3",
        ],
    },
    Topic {
        name: "why",
        summary: "the facts behind an answer",
        text: "\
why A RELATION[*] B shows the facts that make A RELATION B true: stated directly, or
through a chain (an insertion on a tendon attached to the bone). In the shell, `why`
alone explains the previous answer: each structure of `KIND RELATION[*] NAME`.
",
        examples: &[
            "why soleus inserts-into* calcaneus",
            "why soleus innervated-by tibial nerve",
        ],
    },
    Topic {
        name: "around",
        summary: "a structure's neighbourhood",
        text: "\
around NAME [depth N] lists the structures within N facts (N from 1 to 4, 1 by default)
and the facts between them; `dot around …` draws it.
",
        examples: &["around soleus", "around tibial nerve depth 2"],
    },
    Topic {
        name: "lesion",
        summary: "what a nerve or root lesion takes away",
        text: "\
lesion NERVE-OR-ROOT [at SITE] lists the muscles that lose their supply (lost, or
weakened when a head, a second nerve or a second root still supplies them), the
movements lost or weakened (with the muscles that still perform them), the skin that
goes numb (the dermatome, for a root) and the reflexes lost or reduced. `at` names a
place along the nerve's course by any of its usual names (elbow, cubital tunnel,
carpal tunnel, tarsal tunnel, interscalene block, hernia repair, Alcock's canal):
branches that leave above it are spared. A teaching aid
over textbook anatomy, not a diagnostic device.
",
        examples: &[
            "lesion \"common fibular\"",
            "lesion L5",
            "lesion radial at \"spiral groove\"",
            "lesion ulnar at \"cubital tunnel\"",
            "lesion pudendal at \"alcock's canal\"",
        ],
    },
    Topic {
        name: "localize",
        summary: "which single lesion explains the findings",
        text: "\
localize weak A, B spared C numb D reflex-lost E ranks single lesions (nerves, branches,
cords, trunks, roots, nerves at places along their course) by how well each explains
the findings: weak takes muscles, groups or movements; numb skin areas or dermatomes;
reflex-lost reflexes; lost glands that no longer secrete or senses that are gone (taste,
hearing); spared any of these found normal; shows a bedside sign (wrist drop, claw hand,
Froment's sign, saddle anaesthesia), standing for its findings. Each candidate shows what it
explains, misses and contradicts; equal scores share a rank; the last line names the
test that best tells the first two apart. Standard facts only unless `including
disputed`.
",
        examples: &[
            "localize weak \"tibialis anterior\", \"extensor hallucis longus\" spared \"tibialis posterior\"",
            "localize shows \"wrist drop\" spared \"triceps reflex\"",
            "localize shows \"saddle anaesthesia\", \"loss of the anal wink\"",
        ],
    },
    Topic {
        name: "count",
        summary: "how many structures a set query finds",
        text: "\
count QUERY prints the number of structures a set query finds.
",
        examples: &["count muscles", "count nerves branch-of* sciatic nerve"],
    },
    Topic {
        name: "output",
        summary: "text, JSON, DOT and SVG",
        text: "\
Answers are text by default. :format json switches to JSON (one document per answer),
:format dot to Graphviz, :format svg to a picture that needs nothing installed; a
query starting with `dot` is drawn whatever the format. On the command line:
fascia --format json -e QUERY, -o FILE to write a file, and fascia export for the
whole graph as RDF, GraphML, Neo4j CSV or a JSON dump.
",
        examples: &[
            ":format json",
            "muscles innervated-by tibial nerve limit 2",
            ":format text",
            "dot muscles innervated-by tibial nerve",
        ],
    },
    Topic {
        name: "data",
        summary: "where the facts come from",
        text: "\
The bundled data is built into fascia. :data shows where the loaded data came from and
its size; :data DIR loads every .toml file below DIR instead, and :data FILE an
N-Triples file (.nt) or JSON dump (.json) that `fascia export` wrote (if it has
problems they are listed and the current data stays). `fascia check DIR` validates a
directory.
",
        examples: &[":data"],
    },
    Topic {
        name: "quiz",
        summary: "questions drawn from the graph, graded and reviewed",
        text: "\
quiz [REGION] [TOPIC…] [N] [seed S] asks N questions (10 by default), words in any
order: quiz upper-limb innervation 10. Topics: innervation, roots, origin, insertion,
supply, action, continuation, branches, contents, lesion, localize. Type the answer
after `answer> `, names separated by commas (L4-S1 for root levels); it is graded
right, partly right or wrong, and the key is shown with its query and sources. `pass`
shows the answer, `stop` ends the quiz. Wrong answers are due again at once and right
ones later (SM-2); quiz review asks what is due. Progress is kept beside the history
(FASCIA_QUIZ names another file; empty: not saved). On the command line: fascia quiz
--count N --seed S --format text|json, and fascia export --format anki -o FILE.
",
        examples: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repl::tests::run_line;
    use fascia::output::Format;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("a bb ccc dd", 6), ["a bb", "ccc dd"]);
        assert_eq!(wrap("abcdefgh ij", 4), ["abcdefgh", "ij"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn the_tables_list_every_relation_and_kind_word_of_the_vocabulary() {
        let atlas = fascia::bundled().expect("bundled data loads");
        let mut out = Vec::new();
        write_help(&atlas, "relations", &mut out).unwrap().unwrap();
        let text = String::from_utf8(out).unwrap();
        for r in Relation::ALL {
            let words = format!("  {} / {}\n", r.forward_name(), r.inverse_name());
            assert!(text.contains(&words), "{words}");
        }
        for line in text.lines().filter(|l| l.starts_with("      ")) {
            assert!(line.chars().count() <= HELP_WIDTH + 6, "{line}");
        }
        let mut out = Vec::new();
        write_help(&atlas, "kinds", &mut out).unwrap().unwrap();
        let text = String::from_utf8(out).unwrap();
        // each word with what `count WORD` answers: one count rule everywhere
        for s in Selector::ALL {
            let (_, answer) = fascia::run(&atlas, &format!("count {}", s.word())).unwrap();
            let n = answer.count().unwrap();
            let row = format!("  {:<12} {n:>5}  {}", s.word(), s.entry().help);
            assert!(text.contains(&row), "{row}");
        }
    }

    #[test]
    fn every_help_example_runs_on_the_bundled_data() {
        let atlas = fascia::bundled().expect("bundled data loads");
        let mut session = Session::new(atlas, Format::Text, false);
        for example in OVERVIEW
            .lines()
            .filter_map(|l| l.strip_prefix("  fascia> "))
        {
            let (outcome, text) = run_line(&mut session, example);
            assert_eq!(outcome, Outcome::Done, "help: {example}\n{text}");
        }
        for topic in TOPICS {
            let (outcome, text) = run_line(&mut session, &format!("help {}", topic.name));
            assert_eq!(outcome, Outcome::Done, "help {}", topic.name);
            assert!(text.contains(topic.examples.first().copied().unwrap_or("")));
            for example in topic.examples {
                let (outcome, text) = run_line(&mut session, example);
                assert_eq!(
                    outcome,
                    Outcome::Done,
                    "help {}: {example}\n{text}",
                    topic.name
                );
            }
        }
    }
}
