//! The interactive shell: a rustyline loop over the library, with completion, hints,
//! highlighting, continuation lines, meta-commands and help. [`Session`] does the work
//! and writes to any `Write`, so it is tested without a terminal.

use crate::cli::{self, paint, paint_error};
use anstyle::{AnsiColor, Style};
use fascia::Atlas;
use fascia::graph::model::{Kind, Relation};
use fascia::graph::{normalize, strip_kind_word};
use fascia::output::Format;
use fascia::query::ast::Selector;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::{FileHistory, History as _};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{ColorMode, CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

const PROMPT: &str = "fascia> ";

/// Runs the shell until `:quit` or Ctrl-D.
pub fn run(atlas: Atlas, format: Format, color: bool) -> Result<ExitCode, cli::Error> {
    let mut session = Session::new(atlas, format, color);
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .completion_show_all_if_ambiguous(true)
        .auto_add_history(false)
        .color_mode(if color {
            ColorMode::Enabled
        } else {
            ColorMode::Disabled
        })
        .build();
    let readline_error = |e: ReadlineError| cli::Error::Io {
        context: "cannot read the terminal".to_string(),
        source: io::Error::other(e),
    };
    let mut editor: Editor<LineHelper, FileHistory> =
        Editor::with_config(config).map_err(readline_error)?;
    editor.set_helper(Some(LineHelper::new(session.atlas.clone(), color)));
    let _ = editor.history_mut().ignore_dups(true);
    let mut history = HistoryFile::open(history_path(), &mut editor);

    let stdout = io::stdout();
    writeln!(stdout.lock(), "{}", session.welcome()).map_err(cli::Error::Output)?;
    loop {
        match editor.readline(PROMPT) {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(line.as_str());
                history.append(&mut editor);
                let mut out = stdout.lock();
                let outcome = session.handle(&line, &mut out);
                out.flush().map_err(cli::Error::Output)?;
                match outcome.map_err(cli::Error::Output)? {
                    Outcome::Quit => break,
                    Outcome::Loaded => {
                        editor.set_helper(Some(LineHelper::new(session.atlas.clone(), color)));
                    }
                    Outcome::Done | Outcome::Failed => {}
                }
            }
            // Ctrl-C abandons the line being edited; a signal (a resize) is no reason to stop
            Err(ReadlineError::Interrupted | ReadlineError::Signal(_)) => continue,
            Err(ReadlineError::Eof) => {
                // leave the terminal on a fresh line
                let _ = writeln!(stdout.lock());
                break;
            }
            Err(e) => return Err(readline_error(e)),
        }
    }
    Ok(ExitCode::from(cli::SUCCESS))
}

/// `FASCIA_HISTORY` (empty: no history), else `<data dir>/fascia/history`.
fn history_path() -> Option<PathBuf> {
    match std::env::var_os("FASCIA_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => dirs::data_dir().map(|d| d.join("fascia").join("history")),
    }
}

/// The history file; trouble with it is worth one warning, never a failure.
struct HistoryFile {
    path: Option<PathBuf>,
    warned: bool,
}

impl HistoryFile {
    fn open(path: Option<PathBuf>, editor: &mut Editor<LineHelper, FileHistory>) -> HistoryFile {
        let mut file = HistoryFile {
            path,
            warned: false,
        };
        let Some(path) = file.path.clone() else {
            return file;
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if let Err(e) = std::fs::create_dir_all(dir) {
                file.warn(&e.to_string());
                return file;
            }
        }
        match editor.load_history(&path) {
            Ok(()) => {}
            Err(ReadlineError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => file.warn(&e.to_string()),
        }
        file
    }

    fn append(&mut self, editor: &mut Editor<LineHelper, FileHistory>) {
        let Some(path) = self.path.clone() else {
            return;
        };
        if let Err(e) = editor.append_history(&path) {
            self.warn(&e.to_string());
        }
    }

    fn warn(&mut self, why: &str) {
        if self.warned {
            return;
        }
        self.warned = true;
        let path = self.path.as_deref().unwrap_or(Path::new(""));
        let _ = writeln!(
            io::stderr(),
            "fascia: warning: history file {}: {why}; history will not be saved",
            path.display()
        );
    }
}

/// What a line did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// A query or command that failed; its error was written.
    Failed,
    /// `:data DIR` replaced the data.
    Loaded,
    Quit,
}

/// The state of one shell: the data, the output format, and whether to colour.
pub struct Session {
    atlas: Rc<Atlas>,
    format: Format,
    color: bool,
}

impl Session {
    pub fn new(atlas: Atlas, format: Format, color: bool) -> Session {
        Session {
            atlas: Rc::new(atlas),
            format,
            color,
        }
    }

    pub fn welcome(&self) -> String {
        format!(
            "fascia {}: {} structures and {} facts from {}. Type `help` for help, Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION"),
            self.atlas.structure_count(),
            self.atlas.fact_count(),
            self.atlas.origin()
        )
    }

    /// Runs one entered line: a meta-command or a query.
    pub fn handle(&mut self, line: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        let trimmed = line.trim();
        let (command, rest) = match trimmed.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r.trim()),
            None => (trimmed, ""),
        };
        match command {
            "quit" | "exit" if rest.is_empty() => Ok(Outcome::Quit),
            ":quit" | ":q" | ":exit" => Ok(Outcome::Quit),
            "help" | ":help" | "?" => self.help(rest, out),
            ":format" => self.set_format(rest, out),
            ":data" => self.data(rest, out),
            c if c.starts_with(':') => {
                let commands = META_COMMANDS.iter().filter(|m| m.starts_with(':'));
                let hint = match fascia::suggest::closest(c, commands.copied()) {
                    Some(s) => format!("did you mean `{s}`? "),
                    None => String::new(),
                };
                self.error(&format!("unknown command `{c}`; {hint}see `help`"), out)
            }
            _ => self.query(line, out),
        }
    }

    fn query(&self, text: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        match fascia::query::run(&self.atlas, text) {
            Ok((query, answer)) => {
                let format = if query.dot { Format::Dot } else { self.format };
                format.renderer().render(&self.atlas, &answer, out)?;
                Ok(Outcome::Done)
            }
            Err(e) => {
                writeln!(out, "{}", paint_error(&e.render(text), self.color))?;
                Ok(Outcome::Failed)
            }
        }
    }

    fn error(&self, message: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        writeln!(
            out,
            "{}",
            paint_error(&format!("error: {message}"), self.color)
        )?;
        Ok(Outcome::Failed)
    }

    fn set_format(&mut self, name: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        if name.is_empty() {
            writeln!(
                out,
                "format: {} (choose with :format {})",
                self.format.name(),
                Format::NAMES.join("|")
            )?;
            return Ok(Outcome::Done);
        }
        match Format::from_name(name) {
            Some(format) => {
                self.format = format;
                writeln!(out, "format: {}", format.name())?;
                Ok(Outcome::Done)
            }
            None => self.error(
                &format!(
                    "unknown format `{name}`; choose {}",
                    Format::NAMES.join(", ")
                ),
                out,
            ),
        }
    }

    fn data(&mut self, dir: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        if dir.is_empty() {
            writeln!(out, "data: {}", self.atlas.origin())?;
            writeln!(
                out,
                "  {} structures, {} facts, {} sources",
                self.atlas.structure_count(),
                self.atlas.fact_count(),
                self.atlas.sources().len()
            )?;
            writeln!(out, "  load another directory with :data DIR")?;
            return Ok(Outcome::Done);
        }
        let dir = expand_home(unquote(dir));
        match fascia::load_dir(&dir) {
            Ok(atlas) => {
                writeln!(
                    out,
                    "loaded {}: {} structures, {} facts",
                    atlas.origin(),
                    atlas.structure_count(),
                    atlas.fact_count()
                )?;
                self.atlas = Rc::new(atlas);
                Ok(Outcome::Loaded)
            }
            Err(e) => {
                let why = match e {
                    fascia::LoadError::Invalid(problems) => {
                        format!("{} does not load:\n{problems}", dir.display())
                    }
                    other => other.to_string(),
                };
                self.error(&format!("{why}\nstill using {}", self.atlas.origin()), out)
            }
        }
    }

    fn help(&self, topic: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        let topic = topic.trim().to_lowercase();
        if topic.is_empty() {
            write!(out, "{OVERVIEW}")?;
            writeln!(out, "\nTopics (help TOPIC):")?;
            for t in TOPICS {
                writeln!(out, "  {:<10} {}", t.name, t.summary)?;
            }
            return Ok(Outcome::Done);
        }
        let Some(t) = TOPICS.iter().find(|t| t.name == topic) else {
            let names = TOPICS.iter().map(|t| t.name);
            let hint = match fascia::suggest::closest(&topic, names) {
                Some(s) => format!("did you mean `help {s}`? "),
                None => String::new(),
            };
            let all: Vec<&str> = TOPICS.iter().map(|t| t.name).collect();
            return self.error(
                &format!("no help on `{topic}`; {hint}topics: {}", all.join(", ")),
                out,
            );
        };
        write!(out, "{}", t.text)?;
        match t.name {
            "relations" => relation_table(out)?,
            "kinds" => self.kind_table(out)?,
            _ => {}
        }
        if !t.examples.is_empty() {
            writeln!(out, "\nExamples:")?;
            for e in t.examples {
                writeln!(out, "  {PROMPT}{e}")?;
            }
        }
        Ok(Outcome::Done)
    }

    fn kind_table(&self, out: &mut dyn Write) -> io::Result<()> {
        for s in Selector::ALL {
            let n: usize = s.kinds().iter().map(|k| self.atlas.of_kind(k).len()).sum();
            writeln!(out, "  {:<14} {n:>5}", s.word())?;
        }
        Ok(())
    }
}

fn relation_table(out: &mut dyn Write) -> io::Result<()> {
    let nouns = |kinds: fascia::graph::model::KindSet| {
        kinds.iter().map(Kind::noun).collect::<Vec<_>>().join(", ")
    };
    for r in Relation::ALL {
        writeln!(
            out,
            "  {:<32} {} → {}",
            format!("{} / {}", r.forward_name(), r.inverse_name()),
            nouns(r.domain()),
            nouns(r.range())
        )?;
    }
    Ok(())
}

fn unquote(text: &str) -> &str {
    let t = text.trim();
    for q in ['"', '\''] {
        if let Some(inner) = t.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    t
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

// ---------------------------------------------------------------- help

struct Topic {
    name: &'static str,
    summary: &'static str,
    text: &'static str,
    /// Lines that run as written on the bundled data (a test checks).
    examples: &'static [&'static str],
}

const OVERVIEW: &str = "\
Ask the anatomy graph questions. A query is one line (a parenthesis or quote left open
continues it on the next). For example:
  fascia> show soleus
  fascia> muscles innervated-by tibial nerve
  fascia> why soleus inserts-into* calcaneus

Commands:
  help [TOPIC]            this text, or help on one topic
  :format text|json|dot   how answers are written
  :data [DIR]             where the data came from; load another directory
  :quit, :q, quit, exit   leave (or Ctrl-D); Ctrl-C clears the line
Tab completes keywords, kinds, relations and names; → accepts a hint.
";

const TOPICS: &[Topic] = &[
    Topic {
        name: "queries",
        summary: "sets of structures: kinds, conditions, and, or, not, except",
        text: "\
A set query starts with a kind and may add conditions on it:
  KIND [RELATION[*] TARGET] [and|or|except|not …] [limit N]
A target is a structure name or a query in parentheses. RELATION* also follows
hierarchies under the target (branches of a nerve, parts of a bone, tendons on a
landmark). Whole sets combine with and, or, except; `not` negates a condition.
Other statements: show, path, paths, why, around, count (see their topics).
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
  forward / inverse                from → to
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
A set query starts with one of these words (singular works too; `muscles` includes
heads and parts, `parts` or `heads` only those):
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
paths A to B [max N] [via …] lists every simple chain up to N facts long.
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
through a chain (an insertion on a tendon attached to the bone).
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
around NAME [depth N] lists the structures within N facts (1 by default) and the facts
between them; `dot around …` draws it.
",
        examples: &["around soleus", "around tibial nerve depth 2"],
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
        summary: "text, JSON and DOT",
        text: "\
Answers are text by default. :format json switches to JSON (one document per answer),
:format dot to Graphviz; a query starting with `dot` is drawn whatever the format.
On the command line: fascia --format json -e QUERY, and -o FILE to write a file.
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
its size; :data DIR loads every .toml file below DIR instead (if it has problems they
are listed and the current data stays). `fascia check DIR` validates a directory.
",
        examples: &[":data"],
    },
];

/// Meta-commands offered by completion at the start of a line.
const META_COMMANDS: &[&str] = &[
    "help", ":help", ":format", ":data", ":quit", ":q", "quit", "exit",
];

// ---------------------------------------------------------------- words of a line

const STATEMENTS: &[&str] = &["show", "path", "paths", "why", "around", "count", "dot"];
const OPERATORS: &[&str] = &[
    "and", "or", "not", "except", "to", "via", "max", "limit", "depth",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Statement,
    Operator,
    Kind,
    Relation,
    Number,
    Name,
    Quoted { closed: bool },
    Star,
    Open,
    Close,
    Comma,
    Other,
}

/// A token of a line being typed: its byte range and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    class: Class,
    start: usize,
    end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

/// Splits a line the way the grammar would, without failing on incomplete input, and
/// classes each word by its position (a kind word after `show` is part of a name).
fn lex(line: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (class, end) = if c == '"' || c == '\'' {
            let mut end = line.len();
            let mut closed = false;
            for (j, d) in chars.by_ref() {
                if d == c {
                    end = j + d.len_utf8();
                    closed = true;
                    break;
                }
            }
            (Class::Quoted { closed }, end)
        } else if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let prev = tokens.last().map(|t| (t.class, &line[t.start..t.end]));
            (classify(&line[start..end], prev), end)
        } else {
            let class = match c {
                '*' => Class::Star,
                '(' => Class::Open,
                ')' => Class::Close,
                ',' => Class::Comma,
                _ => Class::Other,
            };
            (class, start + c.len_utf8())
        };
        tokens.push(Token { class, start, end });
    }
    tokens
}

fn classify(word: &str, prev: Option<(Class, &str)>) -> Class {
    let lower = word.to_lowercase();
    let prev_word = prev.map(|(_, w)| w.to_lowercase());
    let prev_word = prev_word.as_deref();
    if OPERATORS.contains(&lower.as_str()) {
        return Class::Operator;
    }
    if Relation::from_name(&lower).is_some() {
        return Class::Relation;
    }
    let at_start = match prev {
        None => true,
        Some((Class::Statement, _)) => prev_word == Some("dot"),
        _ => false,
    };
    if at_start && STATEMENTS.contains(&lower.as_str()) {
        return Class::Statement;
    }
    let selection_place = match prev {
        None | Some((Class::Open, _)) => true,
        Some((Class::Statement, _)) => matches!(prev_word, Some("count" | "dot")),
        Some((Class::Operator, _)) => matches!(prev_word, Some("and" | "or" | "except")),
        _ => false,
    };
    if selection_place && Selector::from_word(&lower).is_some() {
        return Class::Kind;
    }
    let after_number_word = matches!(prev_word, Some("max" | "limit" | "depth"));
    if after_number_word && lower.chars().all(|c| c.is_ascii_digit()) {
        return Class::Number;
    }
    Class::Name
}

// ---------------------------------------------------------------- completion

/// One completion: what is inserted and, for names, the unquoted spelling that a hint
/// may continue when the user typed it bare.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    text: String,
    bare: Option<String>,
}

/// Sorts of word, as bits: which fit at a place in a query.
type Want = u8;
const META: Want = 1;
const STATEMENT: Want = 1 << 1;
const KIND: Want = 1 << 2;
const RELATION: Want = 1 << 3;
const STARRED: Want = 1 << 4;
const OPERATOR: Want = 1 << 5;
const NAME: Want = 1 << 6;

/// What may follow a token (`None`: the start of the line).
fn wanted_after(prev: Option<(Class, &str)>) -> Want {
    let Some((class, word)) = prev else {
        return META | STATEMENT | KIND;
    };
    match (class, word.to_lowercase().as_str()) {
        (Class::Statement, "dot") => STATEMENT | KIND,
        (Class::Statement, "count") => KIND,
        (Class::Statement, _) | (Class::Operator, "to") => NAME,
        (Class::Operator, "via") | (Class::Comma, _) => RELATION,
        (Class::Operator, "max" | "limit" | "depth") => 0,
        (Class::Operator, "not") => RELATION | STARRED,
        (Class::Operator, _) | (Class::Open, _) => KIND | RELATION | STARRED | OPERATOR,
        (Class::Relation | Class::Star, _) => NAME,
        (Class::Kind | Class::Name | Class::Quoted { .. } | Class::Close | Class::Number, _) => {
            RELATION | STARRED | OPERATOR
        }
        (Class::Other, _) => KIND | RELATION | STARRED | OPERATOR | NAME,
    }
}

/// Whether a name must be quoted to parse as one name.
fn needs_quotes(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let lower = w.to_lowercase();
        OPERATORS.contains(&lower.as_str()) || Relation::from_name(&lower).is_some()
    }) || !name.chars().all(|c| is_word_char(c) || c == ' ')
        || !name.starts_with(char::is_alphanumeric)
}

fn quote(name: &str) -> String {
    if name.contains('"') {
        format!("'{name}'")
    } else {
        format!("\"{name}\"")
    }
}

/// Completes the word before `pos`; returns where the replaced text starts.
fn complete(atlas: &Atlas, line: &str, pos: usize) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let head = before.trim_start();
    let lead = before.len() - head.len();
    for (command, words) in [
        ("help ", topic_names()),
        (":help ", topic_names()),
        (":format ", Format::NAMES.to_vec()),
    ] {
        if let Some(rest) = head.strip_prefix(command) {
            let start = pos - rest.len();
            let partial = rest.trim_start();
            let start = start + (rest.len() - partial.len());
            return (start, by_prefix(words, partial));
        }
    }
    if head.starts_with(':') && !head.contains(char::is_whitespace) {
        return (lead, by_prefix(META_COMMANDS.to_vec(), head));
    }
    let tokens = lex(before);
    // inside an open quote: the whole quoted text is being typed
    if let Some(t) = tokens.last() {
        if t.class == (Class::Quoted { closed: false }) {
            return (
                t.start,
                names_matching(atlas, &before[t.start + 1..], false),
            );
        }
    }
    let typing = tokens
        .last()
        .filter(|t| t.end == pos && is_word_class(t.class));
    let (start, partial, done) = match typing {
        Some(t) => (t.start, &before[t.start..], &tokens[..tokens.len() - 1]),
        None => (pos, "", &tokens[..]),
    };
    // bare words typed so far may be the start of one long name
    let run_start = done
        .iter()
        .rev()
        .take_while(|t| t.class == Class::Name)
        .last()
        .map(|t| t.start);
    if let Some(run_start) = run_start {
        let run = &before[run_start..];
        // after a whole name and a space, what follows a name is wanted instead
        let whole = partial.is_empty() && !atlas.named(&normalize(run)).is_empty();
        if !whole {
            let found = names_matching(atlas, run, true);
            if !found.is_empty() {
                return (run_start, found);
            }
        }
    }
    let prev = done.last().map(|t| (t.class, &before[t.start..t.end]));
    let want = wanted_after(prev);
    let stars: Vec<String> = Relation::all_names().map(|r| format!("{r}*")).collect();
    let mut words: Vec<&str> = Vec::new();
    if want & META != 0 {
        words.extend(META_COMMANDS);
    }
    if want & STATEMENT != 0 {
        words.extend(STATEMENTS);
    }
    if want & KIND != 0 {
        words.extend(Selector::ALL.iter().map(|s| s.word()));
    }
    if want & OPERATOR != 0 {
        words.extend(OPERATORS);
    }
    if want & RELATION != 0 {
        // pushed one by one: `extend` would demand `'static` of `stars` too
        for r in Relation::all_names() {
            words.push(r);
        }
    }
    if want & STARRED != 0 {
        words.extend(stars.iter().map(String::as_str));
    }
    let mut found = by_prefix(words, partial);
    if want & NAME != 0 {
        found.extend(names_matching(atlas, partial, true));
    }
    (start, found)
}

fn is_word_class(class: Class) -> bool {
    matches!(
        class,
        Class::Name
            | Class::Kind
            | Class::Statement
            | Class::Operator
            | Class::Relation
            | Class::Number
    )
}

fn topic_names() -> Vec<&'static str> {
    TOPICS.iter().map(|t| t.name).collect()
}

fn by_prefix(words: Vec<&str>, partial: &str) -> Vec<Candidate> {
    let mut words: Vec<&str> = words;
    words.sort_unstable();
    words.dedup();
    words
        .into_iter()
        .filter(|w| {
            w.get(..partial.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(partial))
        })
        .map(|w| Candidate {
            text: w.to_string(),
            bare: None,
        })
        .collect()
}

/// Names and aliases that start with `partial` (compared as normalized keys), quoted
/// where needed. With `bare`, a plain single word stays unquoted.
fn names_matching(atlas: &Atlas, partial: &str, bare: bool) -> Vec<Candidate> {
    let key = normalize(partial);
    let mut found: Vec<Candidate> = Vec::new();
    for idx in atlas.graph().node_indices() {
        let s = atlas.node(idx);
        let name_key = normalize(&s.name);
        for spelling in std::iter::once(&s.name).chain(&s.aliases) {
            let spelled = normalize(spelling);
            // "flexor hallucis longus muscle" adds nothing to "flexor hallucis longus"
            let redundant = spelled != name_key
                && strip_kind_word(&spelled, s.kind).is_some_and(|short| short == name_key);
            if redundant || !spelled.starts_with(&key) {
                continue;
            }
            let lower = spelling.to_lowercase();
            let plain = !needs_quotes(&lower);
            let text = if bare && plain && !lower.contains(' ') {
                lower.clone()
            } else {
                quote(&lower)
            };
            found.push(Candidate {
                text,
                bare: plain.then_some(lower),
            });
        }
    }
    found.sort_by(|a, b| a.text.cmp(&b.text));
    found.dedup_by(|a, b| a.text == b.text);
    found
}

/// The hint for a line: the rest of the shortest candidate that continues what was
/// typed, spelled as typed (quoted or bare).
fn hint(atlas: &Atlas, line: &str, pos: usize) -> Option<String> {
    if pos != line.len() || line.trim().is_empty() || line.ends_with(char::is_whitespace) {
        return None;
    }
    let (start, candidates) = complete(atlas, line, pos);
    let typed = line.get(start..pos)?;
    candidates
        .iter()
        .flat_map(|c| [Some(c.text.as_str()), c.bare.as_deref()])
        .flatten()
        .filter(|c| c.len() > typed.len())
        .filter(|c| {
            c.get(..typed.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(typed))
        })
        .min_by_key(|c| (c.len(), *c))
        .and_then(|c| c.get(typed.len()..))
        .map(str::to_string)
}

// ---------------------------------------------------------------- the line editor's helper

/// Completion, hints, highlighting and continuation lines for rustyline.
#[derive(Helper)]
struct LineHelper {
    atlas: Rc<Atlas>,
    color: bool,
    files: FilenameCompleter,
}

impl LineHelper {
    fn new(atlas: Rc<Atlas>, color: bool) -> LineHelper {
        LineHelper {
            atlas,
            color,
            files: FilenameCompleter::new(),
        }
    }
}

impl Completer for LineHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        if line.trim_start().starts_with(":data ") {
            return self.files.complete_path(line, pos);
        }
        let (start, candidates) = complete(&self.atlas, line, pos);
        // a finished word gets its space, unless one follows already
        let space = if pos == line.len() { " " } else { "" };
        let pairs = candidates
            .into_iter()
            .map(|c| Pair {
                display: c.text.clone(),
                replacement: format!("{}{space}", c.text),
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for LineHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        // without colour a hint would look like typed text
        if !self.color {
            return None;
        }
        hint(&self.atlas, line, pos)
    }
}

const STATEMENT_STYLE: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));
const OPERATOR_STYLE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));
const KIND_STYLE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const RELATION_STYLE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const NAME_STYLE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const COMMAND_STYLE: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));
const HINT_STYLE: Style = Style::new().dimmed();

/// The line with ANSI colours on keywords, kinds, relations and names that resolve.
/// Only escape codes are added, so the width on screen is unchanged.
fn highlight(atlas: &Atlas, line: &str) -> String {
    let head = line.trim_start();
    let command = head.split(char::is_whitespace).next().unwrap_or("");
    if META_COMMANDS.contains(&command) || command.starts_with(':') {
        let at = line.len() - head.len();
        let end = at + command.len();
        return format!(
            "{}{}{}",
            &line[..at],
            paint(&COMMAND_STYLE, command, true),
            &line[end..]
        );
    }
    let tokens = lex(line);
    let mut styled: Vec<(usize, usize, Style)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let style = match t.class {
            Class::Statement => Some(STATEMENT_STYLE),
            Class::Operator => Some(OPERATOR_STYLE),
            Class::Kind => Some(KIND_STYLE),
            Class::Relation | Class::Star => Some(RELATION_STYLE),
            Class::Quoted { closed: true } => {
                let inner = &line[t.start + 1..t.end - 1];
                (!atlas.named(&normalize(inner)).is_empty()).then_some(NAME_STYLE)
            }
            Class::Name => {
                // a run of bare words is one name
                let mut j = i;
                while j + 1 < tokens.len() && tokens[j + 1].class == Class::Name {
                    j += 1;
                }
                let end = tokens[j].end;
                if !atlas.named(&normalize(&line[t.start..end])).is_empty() {
                    styled.push((t.start, end, NAME_STYLE));
                }
                i = j + 1;
                continue;
            }
            _ => None,
        };
        if let Some(style) = style {
            styled.push((t.start, t.end, style));
        }
        i += 1;
    }
    let mut out = String::with_capacity(line.len() + styled.len() * 10);
    let mut at = 0;
    for (start, end, style) in styled {
        out.push_str(&line[at..start]);
        out.push_str(&paint(&style, &line[start..end], true));
        at = end;
    }
    out.push_str(&line[at..]);
    out
}

impl Highlighter for LineHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(highlight(&self.atlas, line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        default: bool,
    ) -> Cow<'b, str> {
        if self.color && default {
            Cow::Owned(paint(&Style::new().bold(), prompt, true))
        } else {
            Cow::Borrowed(prompt)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(paint(&HINT_STYLE, hint, true))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // colours depend on the words, not on where the cursor is
        self.color && kind != CmdKind::MoveCursor
    }
}

/// Whether an entered line is finished or continues (an open parenthesis or quote).
fn is_complete(input: &str) -> bool {
    let head = input.trim_start();
    let command = head.split(char::is_whitespace).next().unwrap_or("");
    if command.starts_with(':') || command == "help" {
        return true;
    }
    let tokens = lex(input);
    if tokens
        .iter()
        .any(|t| t.class == (Class::Quoted { closed: false }))
    {
        return false;
    }
    let depth: i64 = tokens
        .iter()
        .map(|t| match t.class {
            Class::Open => 1,
            Class::Close => -1,
            _ => 0,
        })
        .sum();
    // too many closing parentheses is the parser's to report
    depth <= 0
}

impl Validator for LineHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        Ok(if is_complete(ctx.input()) {
            ValidationResult::Valid(None)
        } else {
            ValidationResult::Incomplete
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Atlas {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        fascia::load_dir(&dir).expect("the mini fixture loads")
    }

    fn run_line(session: &mut Session, line: &str) -> (Outcome, String) {
        let mut out = Vec::new();
        let outcome = session.handle(line, &mut out).unwrap();
        (outcome, String::from_utf8(out).unwrap())
    }

    fn texts(candidates: &[Candidate]) -> Vec<&str> {
        candidates.iter().map(|c| c.text.as_str()).collect()
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

    #[test]
    fn meta_commands() {
        let mut s = Session::new(mini(), Format::Text, false);
        assert_eq!(run_line(&mut s, ":q").0, Outcome::Quit);
        assert_eq!(run_line(&mut s, "  exit ").0, Outcome::Quit);
        assert_eq!(
            run_line(&mut s, ":format"),
            (
                Outcome::Done,
                "format: text (choose with :format text|json|dot)\n".to_string()
            )
        );
        assert_eq!(
            run_line(&mut s, ":format json"),
            (Outcome::Done, "format: json\n".to_string())
        );
        let (outcome, text) = run_line(&mut s, "count muscles");
        assert_eq!(
            (outcome, text.as_str()),
            (Outcome::Done, "{\n  \"count\": 6\n}\n")
        );
        assert_eq!(
            run_line(&mut s, ":format xml"),
            (
                Outcome::Failed,
                "error: unknown format `xml`; choose text, json, dot\n".to_string()
            )
        );
        assert_eq!(
            run_line(&mut s, ":fromat json"),
            (
                Outcome::Failed,
                "error: unknown command `:fromat`; did you mean `:format`? see `help`\n"
                    .to_string()
            )
        );
        assert_eq!(
            run_line(&mut s, "help relatoins").1,
            "error: no help on `relatoins`; did you mean `help relations`? topics: queries, \
             relations, kinds, names, show, path, why, around, count, output, data\n"
        );
    }

    #[test]
    fn data_command_reports_and_reloads() {
        let mut s = Session::new(mini(), Format::Text, false);
        let (outcome, text) = run_line(&mut s, ":data");
        assert_eq!(outcome, Outcome::Done);
        assert!(text.starts_with("data: "), "{text}");
        let counts = format!(
            "{} structures, {} facts",
            s.atlas.structure_count(),
            s.atlas.fact_count()
        );
        assert!(text.contains(&format!("  {counts}, 2 sources\n")), "{text}");
        let (outcome, text) = run_line(&mut s, ":data /nonexistent/fascia");
        assert_eq!(outcome, Outcome::Failed);
        assert!(
            text.starts_with("error: cannot read /nonexistent/fascia: "),
            "{text}"
        );
        let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli-broken");
        let (outcome, text) = run_line(&mut s, &format!(":data {}", broken.display()));
        assert_eq!(outcome, Outcome::Failed);
        let expected_start = format!("error: {} does not load:\n", broken.display());
        assert!(text.starts_with(&expected_start), "{text}");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let expected_end = format!(" problems found\nstill using {}\n", dir.display());
        assert!(text.ends_with(&expected_end), "{text}");
        let (outcome, text) = run_line(&mut s, &format!(":data \"{}\"", dir.display()));
        assert_eq!(outcome, Outcome::Loaded, "{text}");
        assert!(text.ends_with(&format!(": {counts}\n")), "{text}");
    }

    #[test]
    fn a_bad_query_renders_its_error_and_the_session_goes_on() {
        let mut s = Session::new(mini(), Format::Text, false);
        let (outcome, text) = run_line(&mut s, "show solues");
        assert_eq!(outcome, Outcome::Failed);
        assert_eq!(
            text,
            "error: unknown name `solues`\n  | show solues\n  |      ^^^^^^\n  = did you mean `soleus`?\n"
        );
        let (outcome, text) = run_line(
            &mut s,
            "count muscles located-in \"posterior compartment of leg\"",
        );
        assert_eq!((outcome, text.as_str()), (Outcome::Done, "1\n"));
    }

    #[test]
    fn completes_by_place_in_the_query() {
        let atlas = mini();
        let at_end = |line: &str| complete(&atlas, line, line.len());
        assert_eq!(
            at_end("sh"),
            (
                0,
                vec![Candidate {
                    text: "show".into(),
                    bare: None
                }]
            )
        );
        assert_eq!(texts(&at_end("mus").1), ["muscles"]);
        assert_eq!(
            texts(&at_end("muscles innervated-b").1),
            ["innervated-by", "innervated-by*"]
        );
        assert_eq!(texts(&at_end("show abd").1), ["\"abductor hallucis\""]);
        assert_eq!(at_end("show abd").0, 5);
        // two bare words typed towards one long name
        let (start, found) = at_end("show biceps femoris s");
        assert_eq!(
            (start, texts(&found)),
            (5, vec!["\"biceps femoris, short head\""])
        );
        let (start, found) = at_end("muscles innervated-by deep fib");
        assert_eq!((start, texts(&found)), (22, vec!["\"deep fibular nerve\""]));
        // inside an open quote
        let (start, found) = at_end("show \"tibialis");
        assert_eq!((start, texts(&found)), (5, vec!["\"tibialis anterior\""]));
        // a single plain word stays bare
        assert_eq!(
            texts(&at_end("show sol").1),
            ["\"soleal line of tibia\"", "soleus"]
        );
        assert_eq!(texts(&at_end("help rel").1), ["relations"]);
        assert_eq!(texts(&at_end(":format j").1), ["json"]);
        assert_eq!(texts(&at_end(":f").1), [":format"]);
        assert_eq!(
            texts(&at_end("path soleus to sci").1),
            ["\"sciatic artery\"", "\"sciatic nerve\""]
        );
        assert_eq!(
            texts(&at_end("path soleus via branch-of, has-").1),
            ["has-branch", "has-member", "has-part", "has-root"]
        );
        assert!(at_end("muscles limit ").1.is_empty());
    }

    #[test]
    fn names_with_keywords_are_quoted() {
        let atlas = mini();
        let (_, found) = complete(&atlas, "show nerve t", 12);
        assert_eq!(texts(&found), ["\"nerve to obturator internus\""]);
        assert_eq!(found[0].bare, None);
    }

    #[test]
    fn hints_continue_what_was_typed() {
        let atlas = mini();
        assert_eq!(
            hint(&atlas, "show tibialis a", 15).as_deref(),
            Some("nterior")
        );
        assert_eq!(
            hint(&atlas, "show \"tibialis a", 16).as_deref(),
            Some("nterior\"")
        );
        assert_eq!(
            hint(&atlas, "muscles innervated-b", 20).as_deref(),
            Some("y")
        );
        assert_eq!(hint(&atlas, "show soleus ", 12), None);
        assert_eq!(hint(&atlas, "", 0), None);
    }

    #[test]
    fn highlighting_only_adds_colour() {
        let atlas = mini();
        let line = "count muscles innervated-by* \"tibial nerve\" and not performs plantarflexion";
        let coloured = highlight(&atlas, line);
        assert_ne!(coloured, line);
        assert_eq!(strip_ansi(&coloured), line);
        // a kind word after `show` is part of a name, and is left alone when unknown
        assert_eq!(
            highlight(&atlas, "show foo nerve"),
            format!(
                "{}show{} foo nerve",
                STATEMENT_STYLE.render(),
                STATEMENT_STYLE.render_reset()
            )
        );
        assert!(highlight(&atlas, "show tibial nerve").contains(&paint(
            &NAME_STYLE,
            "tibial nerve",
            true
        )));
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn odd_input_never_panics() {
        let atlas = mini();
        let lines = [
            "",
            " ",
            "\"",
            "'",
            "(",
            ")",
            "*",
            ":",
            "::",
            "help ",
            ":format  ",
            ":data ",
            "show \"",
            "show '’x",
            "é",
            "show é",
            "ŝhow ñ’é \"ü",
            "muscles innervated-by* (",
            "count count count",
            "dot dot",
            "paths a to b max 99999999999 via ,",
            "\t\n)(\"",
            "show \"\"",
            "show ''",
            "limit 3",
            "nerves, ,",
            "show a\u{301}b",
        ];
        for line in lines {
            let mut session = Session::new(mini(), Format::Text, true);
            let _ = session.handle(line, &mut Vec::new()).unwrap();
            assert_eq!(strip_ansi(&highlight(&atlas, line)), line);
            let _ = is_complete(line);
            for (pos, _) in line.char_indices().chain([(line.len(), ' ')]) {
                let _ = complete(&atlas, line, pos);
                let _ = hint(&atlas, line, pos);
            }
        }
    }

    #[test]
    fn open_parentheses_and_quotes_continue_the_line() {
        assert!(is_complete("muscles innervated-by tibial"));
        assert!(!is_complete(
            "muscles innervated-by (nerves branch-of sciatic"
        ));
        assert!(!is_complete("show \"flexor hallucis"));
        assert!(is_complete(
            "muscles innervated-by (nerves branch-of sciatic\n)"
        ));
        assert!(is_complete("show x)"));
        assert!(is_complete(":data ~/it's here"));
        assert!(is_complete("show \"(\""));
    }
}
