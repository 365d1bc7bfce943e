//! The command line: arguments, the one-shot and script runs, `check` and `export`.

use crate::pager::Pager;
use crate::repl;
use crate::signals::{self, Cleanup};
use crate::statements::{self, Splitter};
use crate::term::{
    BOLD, Error, FATAL, QUERY_FAILED, SUCCESS, counted, draw_error, paint, terminal_height,
    terminal_width,
};
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use fascia::ask::Reading;
use fascia::export::{ExportFormat, Selection};
use fascia::graph::disk::Replacing;
use fascia::output::Format;
use fascia::query::budget::{self, Budget};
use fascia::{Atlas, Report};
use std::fs;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  fascia                                      the interactive shell (on a terminal)
  fascia 'show soleus'                        one query (or -e 'show soleus')
  fascia 'count muscles; count nerves' --echo  several, each shown before its answer
  fascia help relations                       the help on a topic
  fascia -e 'muscles innervated-by tibial' --format json
  fascia -e 'count muscles' -e 'dot around soleus' -o answers.txt
  fascia -f queries.fa                        queries ended by newlines or `;`; # comments
  echo 'why soleus inserts-into* calcaneus' | fascia
  fascia check data/                          validate a data directory
  fascia export --format turtle -o fascia.ttl the whole graph as RDF
  fascia export --format graphml 'muscles innervated-by* sciatic'
  fascia generate --structures 100000 big/    a synthetic graph, then --data big/
  fascia quiz --count 20 --seed 7             a paper quiz with its answer key
  fascia export --format anki -o fascia.txt   an Anki deck of every question
  fascia serve                                the explorer at http://127.0.0.1:8765/

Exit status: 0 when every query was answered, 1 when a query failed (the others still
run), 2 for usage errors and data that does not load.";

/// A knowledge graph of human anatomy with its own query language.
#[derive(Debug, Parser)]
#[command(
    name = "fascia",
    version,
    about,
    after_help = EXAMPLES,
    disable_help_subcommand = true
)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,

    /// Queries to run, as with -e (all run in the order given)
    #[arg(value_name = "QUERY")]
    positional: Vec<String>,

    /// Run QUERY (repeatable; runs in order with -f)
    #[arg(short = 'e', long = "query", value_name = "QUERY")]
    queries: Vec<String>,

    /// Run the queries in FILE, ended by newlines or `;` (`-` reads standard input; repeatable)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    files: Vec<PathBuf>,

    /// How to write answers (`dot …` queries are always DOT)
    #[arg(long, value_name = "FORMAT", default_value = "text",
          value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    format: String,

    /// Load the data files below DIR (or an exported .nt or .json file) instead of the bundled data
    #[arg(long, value_name = "DIR|FILE", global = true)]
    data: Option<PathBuf>,

    /// Write answers to FILE, replaced only when every query succeeded (`-`: standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,

    /// Print each query (`> query`) before its answer; in JSON, {"query": …, "answer": …}
    #[arg(long)]
    echo: bool,

    /// When to colour errors and the REPL
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    color: ColorChoice,

    /// Report on stderr how long loading and each query's evaluation took
    #[arg(long)]
    timings: bool,

    /// Never page long answers on a terminal (default: through $PAGER, else less -FRX)
    #[arg(long)]
    no_pager: bool,

    /// Read a TSV --data directory afresh, not from the cache of checked directories
    #[arg(long, global = true)]
    no_cache: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a data directory (or --data, or the bundled data) and list every problem
    Check {
        /// The directory to check
        dir: Option<PathBuf>,
    },
    /// Write the whole graph, or the part a query's answer shows, for other tools
    Export(ExportArgs),
    /// Write a synthetic anatomy-shaped graph (nodes.tsv, edges.tsv) for --data
    Generate {
        /// How many structures
        #[arg(long, value_name = "N")]
        structures: usize,
        /// How many facts (default ten per structure)
        #[arg(long, value_name = "M")]
        facts: Option<usize>,
        /// The same seed gives the same graph
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// The directory to write (created if needed)
        dir: PathBuf,
    },
    /// Print a quiz drawn from the graph's standard facts, with its answer key
    Quiz(QuizArgs),
    /// Serve the explorer and its JSON API on a local address (read-only; opens nothing)
    Serve(ServeArgs),
    /// Print the help on the query language (with its list of topics), or on TOPIC
    Help {
        /// relations, kinds, names, show, path, why, around, count, output, data …
        topic: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// turtle or ntriples (RDF), graphml, json (a dump --data can load), neo4j (CSV
    /// files), anki (a deck of quiz questions in Anki's text import format)
    #[arg(long, value_name = "FORMAT",
          value_parser = clap::builder::PossibleValuesParser::new(
              ExportFormat::NAMES.into_iter().chain([ANKI])))]
    format: String,

    /// Write to FILE (a directory for neo4j) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE|DIR")]
    output: Option<PathBuf>,

    /// anki: only the questions of REGION (upper-limb, lower-limb)
    #[arg(long, value_name = "REGION")]
    region: Option<String>,

    /// anki: only the questions of TOPIC (repeatable: innervation, roots, origin, …)
    #[arg(long, value_name = "TOPIC")]
    topic: Vec<String>,

    /// Export only what the answer to QUERY shows (its structures and the facts among them)
    #[arg(value_name = "QUERY", num_args = 0.., trailing_var_arg = true)]
    query: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// The port to listen on (0: any free one, printed)
    #[arg(long, value_name = "N", default_value_t = 8765)]
    port: u16,
    /// The address to listen on; another than 127.0.0.1 or ::1 opens the server to
    /// the network
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Seconds one query may run before it is stopped (1 to 600)
    #[arg(long, value_name = "SECS", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    time_limit: u64,
    /// Requests answered at the same time (1 to 64)
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u16).range(1..=64))]
    workers: u16,
}

/// `fascia export --format anki`: the quiz questions as an Anki deck.
const ANKI: &str = "anki";

#[derive(Debug, clap::Args)]
struct QuizArgs {
    /// How many questions
    #[arg(long, value_name = "N", default_value_t = 10)]
    count: usize,
    /// The same seed gives the same quiz
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// text (the questions, then an answer key) or json
    #[arg(long, value_name = "FORMAT", default_value = "text",
          value_parser = clap::builder::PossibleValuesParser::new(["text", "json"]))]
    format: String,
    /// Only questions of REGION (upper-limb, lower-limb)
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// Only questions of TOPIC (repeatable: innervation, roots, origin, insertion, supply,
    /// action, continuation, branches, contents, lesion, localize)
    #[arg(long, value_name = "TOPIC")]
    topic: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Even when writing to a file or a pipe
    Always,
    /// Never
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color(),
        }
    }
}

/// <https://no-color.org>: set and not empty; or a terminal that says it shows no
/// escapes (`TERM=dumb`).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// Parses the arguments and runs what they ask for.
pub fn run() -> Result<ExitCode, Error> {
    let matches = match Args::command().try_get_matches() {
        Ok(m) => m,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => return version(),
        Err(e) => {
            // --help and --version land here too, with status 0
            let _ = e.print();
            return Ok(ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(FATAL)));
        }
    };
    let args = match Args::from_arg_matches(&matches) {
        Ok(a) => {
            crate::settings::set_no_cache(a.no_cache);
            a
        }
        Err(e) => {
            let _ = e.print();
            return Ok(ExitCode::from(FATAL));
        }
    };
    let err_color = args.color.enabled(io::stderr().is_terminal());
    let no_queries = args.queries.is_empty() && args.files.is_empty() && args.positional.is_empty();
    if let Some(Command::Help { topic }) = &args.command {
        return help(args.data.as_deref(), &topic.join(" "), err_color);
    }
    if let Some(Command::Check { dir }) = &args.command {
        if !no_queries || args.output.is_some() {
            return Err(Error::Usage(
                "check takes a directory, not queries (-e, -f) or -o".to_string(),
            ));
        }
        return check(dir.as_deref().or(args.data.as_deref()));
    }
    if let Some(Command::Export(export_args)) = &args.command {
        if !no_queries || args.output.is_some() {
            return Err(Error::Usage(
                "export takes its query and -o after `export`, not -e, -f or -o before it"
                    .to_string(),
            ));
        }
        // from the start: a signal while the data loads stops the export too
        let cleanup = Cleanup::default();
        signals::exit_on_signal(cleanup.clone());
        let Some(atlas) = load(args.data.as_deref(), err_color) else {
            return Ok(ExitCode::from(FATAL));
        };
        return export(&atlas, export_args, err_color, cleanup);
    }
    if let Some(Command::Quiz(quiz_args)) = &args.command {
        if !no_queries || args.output.is_some() {
            return Err(Error::Usage(
                "quiz takes its options after `quiz`, not queries (-e, -f) or -o".to_string(),
            ));
        }
        let Some(atlas) = load(args.data.as_deref(), err_color) else {
            return Ok(ExitCode::from(FATAL));
        };
        return quiz(&atlas, quiz_args);
    }
    if let Some(Command::Serve(serve)) = &args.command {
        if !no_queries || args.output.is_some() {
            return Err(Error::Usage(
                "serve takes its options after `serve`, not queries (-e, -f) or -o".to_string(),
            ));
        }
        let options = crate::serve::Options {
            bind: serve.bind,
            port: serve.port,
            workers: usize::from(serve.workers),
            work_limit: work_limit()?,
            time_limit: std::time::Duration::from_secs(serve.time_limit),
        };
        let Some(atlas) = load(args.data.as_deref(), err_color) else {
            return Ok(ExitCode::from(FATAL));
        };
        crate::serve::run(&atlas, &options)?;
        return Ok(ExitCode::from(SUCCESS));
    }
    if let Some(Command::Generate {
        structures,
        facts,
        seed,
        dir,
    }) = &args.command
    {
        return crate::timings::generate(*structures, *facts, *seed, dir);
    }
    let format = Format::from_name(&args.format).unwrap_or_default();
    let config = crate::execute::Config::from_env().map_err(Error::Usage)?;
    let mut inputs = inputs_in_order(&matches, &args);
    if inputs.is_empty() {
        if io::stdin().is_terminal() {
            if args.output.is_some() {
                return Err(Error::Usage(
                    "-o needs queries: give -e, -f or standard input".to_string(),
                ));
            }
            let atlas = match timed_load(args.data.as_deref(), err_color, args.timings) {
                Some(a) => a,
                None => return Ok(ExitCode::from(FATAL)),
            };
            let color = args.color.enabled(io::stdout().is_terminal());
            let pager = if args.no_pager || !io::stdout().is_terminal() {
                None
            } else {
                Pager::from_env()
            };
            return repl::run(atlas, format, color, config, pager);
        }
        inputs.push(Input::File(PathBuf::from("-")));
    }
    let cleanup = Cleanup::default();
    signals::exit_on_signal(cleanup.clone());
    let atlas = match timed_load(args.data.as_deref(), err_color, args.timings) {
        Some(a) => a,
        None => return Ok(ExitCode::from(FATAL)),
    };
    let several = inputs.len() > 1 || inputs.iter().any(|i| matches!(i, Input::File(_)));
    let to_stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    // text fits the terminal it is read on; a pipe or a file takes lines of any length
    let terminal = to_stdout && io::stdout().is_terminal();
    let width = terminal.then(terminal_width).flatten();
    // answers read from standard input stream out as they come, unpaged
    let reads_stdin = inputs
        .iter()
        .any(|i| matches!(i, Input::File(p) if p.as_os_str() == "-"));
    let pager = match terminal_height() {
        Some(height) if terminal && !args.no_pager && !reads_stdin => {
            Pager::from_env().map(|p| (p, height))
        }
        _ => None,
    };
    let mut runner = Runner {
        atlas: &atlas,
        format,
        color: err_color,
        several,
        config,
        answered: 0,
        failed: 0,
        last_json: false,
        timings: args.timings,
        echo: args.echo,
        width,
        table: false,
    };
    let file = args.output.as_deref().filter(|_| !to_stdout);
    runner.write_answers(&inputs, file, pager.as_ref(), cleanup)?;
    Ok(ExitCode::from(if runner.failed == 0 {
        SUCCESS
    } else {
        QUERY_FAILED
    }))
}

/// The work limit of each query: [`budget::WORK_LIMIT_VAR`] or the default.
fn work_limit() -> Result<u64, Error> {
    let limit = crate::execute::whole_number(budget::WORK_LIMIT_VAR, "steps");
    Ok(limit
        .map_err(Error::Usage)?
        .unwrap_or(budget::DEFAULT_WORK_LIMIT))
}

/// `fascia check [DIR]`: "ok: N structures, M facts", or every problem and status 2.
fn check(dir: Option<&Path>) -> Result<ExitCode, Error> {
    match load_quietly(dir) {
        Ok(atlas) => {
            let mut err = io::stderr().lock();
            for w in atlas.warnings() {
                let _ = writeln!(err, "warning: {w}");
            }
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "ok: {}, {}",
                counted(atlas.structure_count(), "structure"),
                counted(atlas.fact_count(), "fact")
            )
            .map_err(Error::Output)?;
            Ok(ExitCode::from(SUCCESS))
        }
        Err(NotLoaded::Problems(problems)) => {
            let _ = writeln!(io::stderr(), "{problems}");
            Ok(ExitCode::from(FATAL))
        }
        Err(NotLoaded::Unreadable(why)) => {
            let _ = writeln!(io::stderr(), "error: {why}");
            Ok(ExitCode::from(FATAL))
        }
    }
}

/// `fascia export`: the selection in the format asked for, to standard output, a file
/// (replaced whole) or, for neo4j, a directory.
fn export(
    atlas: &Atlas,
    args: &ExportArgs,
    color: bool,
    cleanup: Cleanup,
) -> Result<ExitCode, Error> {
    if args.format == ANKI {
        return anki(atlas, args, cleanup);
    }
    if args.region.is_some() || !args.topic.is_empty() {
        return Err(Error::Usage(
            "--region and --topic choose questions for `--format anki`".to_string(),
        ));
    }
    let format = ExportFormat::from_name(&args.format)
        .ok_or_else(|| Error::Usage(format!("unknown export format `{}`", args.format)))?;
    let query = args.query.join(" ");
    let selection = if query.trim().is_empty() {
        Selection::whole(atlas)
    } else {
        match fascia::query::run(atlas, &query) {
            Ok((_, answer)) => Selection::of_answer(atlas, &answer),
            Err(e) => {
                let report = crate::scope::report_error(atlas, &e, &query);
                let _ = writeln!(io::stderr(), "{}", draw_error(&report, color));
                return Ok(ExitCode::from(QUERY_FAILED));
            }
        }
    };
    let io_error = |target: &Path| {
        let context = format!("cannot write {}", target.display());
        move |source| Error::Io { context, source }
    };
    match (&args.output, format.is_directory()) {
        (None, true) => {
            return Err(Error::Usage(
                "the neo4j export is two CSV files: give a directory with -o".to_string(),
            ));
        }
        (Some(dir), true) => {
            fascia::export::write_dir(atlas, &selection, format, dir).map_err(io_error(dir))?
        }
        (Some(file), false) => {
            let mut target = AtomicFile::create(file, cleanup)?;
            target.write_with(|out| {
                fascia::export::write(atlas, &selection, format, out).map_err(Error::Output)
            })?;
            target.commit()?;
        }
        (None, false) => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            fascia::export::write(atlas, &selection, format, &mut out).map_err(Error::Output)?;
            out.flush().map_err(Error::Output)?;
        }
    }
    Ok(ExitCode::from(SUCCESS))
}

/// The questions `--region` and `--topic` ask for.
fn learn_filter(
    atlas: &Atlas,
    region: Option<&str>,
    topics: &[String],
) -> Result<fascia::learn::Filter, Error> {
    let usage = |e: fascia::learn::LearnError| Error::Usage(e.to_string());
    Ok(fascia::learn::Filter {
        region: region
            .map(|r| fascia::learn::region_named(atlas, r))
            .transpose()
            .map_err(usage)?,
        topics: topics
            .iter()
            .flat_map(|t| t.split(','))
            .map(fascia::learn::topic_named)
            .collect::<Result<_, _>>()
            .map_err(usage)?,
    })
}

/// `fascia quiz`: COUNT questions for SEED, as JSON or as a paper quiz.
fn quiz(atlas: &Atlas, args: &QuizArgs) -> Result<ExitCode, Error> {
    let filter = learn_filter(atlas, args.region.as_deref(), &args.topic)?;
    let questions = fascia::learn::Generator::new(atlas).quiz(&filter, args.count, args.seed);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format == "json" {
        fascia::learn::paper::write_json(atlas, &questions, &mut out).map_err(Error::Output)?;
    } else {
        let heading = format!(
            "fascia quiz: {} (seed {})",
            counted(questions.len(), "question"),
            args.seed
        );
        fascia::learn::paper::write_text(atlas, &questions, &heading, &mut out)
            .map_err(Error::Output)?;
    }
    out.flush().map_err(Error::Output)?;
    Ok(ExitCode::from(SUCCESS))
}

/// `fascia export --format anki`: every question the filters admit, as a deck.
fn anki(atlas: &Atlas, args: &ExportArgs, cleanup: Cleanup) -> Result<ExitCode, Error> {
    if !args.query.is_empty() {
        return Err(Error::Usage(
            "an anki deck takes --region and --topic, not a query".to_string(),
        ));
    }
    let filter = learn_filter(atlas, args.region.as_deref(), &args.topic)?;
    let questions = fascia::learn::Generator::new(atlas).all(&filter);
    let write = |out: &mut dyn Write| {
        fascia::learn::anki::write_deck(atlas, &questions, out).map_err(Error::Output)
    };
    match args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(file) => {
            let mut target = AtomicFile::create(file, cleanup)?;
            target.write_with(write)?;
            target.commit()?;
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush().map_err(Error::Output)?;
        }
    }
    Ok(ExitCode::from(SUCCESS))
}

/// Why data did not load, as text: a list of problems, or why nothing could be read.
enum NotLoaded {
    Problems(String),
    Unreadable(String),
}

fn load_quietly(dir: Option<&Path>) -> Result<Atlas, NotLoaded> {
    match dir {
        Some(path) => crate::settings::load_data(path).map_err(|e| match e {
            fascia::LoadError::Invalid(problems) => NotLoaded::Problems(problems.to_string()),
            other => NotLoaded::Unreadable(other.to_string()),
        }),
        None => fascia::bundled().map_err(|e| NotLoaded::Problems(e.to_string())),
    }
}

/// The bundled data or `--data DIR`; on failure the problems are on stderr.
fn load(dir: Option<&Path>, color: bool) -> Option<Atlas> {
    let message = match load_quietly(dir) {
        Ok(atlas) => return Some(atlas),
        Err(NotLoaded::Unreadable(why)) => Report::plain(why),
        Err(NotLoaded::Problems(problems)) => {
            let origin = dir.map_or("the bundled data".to_string(), |d| d.display().to_string());
            Report::plain(format!("{origin} does not load:\n{problems}"))
        }
    };
    let _ = writeln!(io::stderr(), "{}", draw_error(&message, color));
    None
}

/// [`load`], reporting its time with `--timings`.
fn timed_load(dir: Option<&Path>, color: bool, timings: bool) -> Option<Atlas> {
    let start = std::time::Instant::now();
    let atlas = load(dir, color);
    if timings && atlas.is_some() {
        crate::timings::report_load(start.elapsed());
    }
    atlas
}

/// `--version`: the program's version, and what the bundled data covers.
fn version() -> Result<ExitCode, Error> {
    let mut out = io::stdout().lock();
    writeln!(out, "fascia {}", env!("CARGO_PKG_VERSION")).map_err(Error::Output)?;
    if let Ok(atlas) = fascia::bundled() {
        let scope = crate::scope::regions(&atlas).map_or(String::new(), |s| format!("{s}; "));
        // the same count rule as `count structures` and `help kinds`
        let wholes = fascia::run(&atlas, "count structures")
            .ok()
            .and_then(|(_, answer)| answer.count())
            .unwrap_or(atlas.structure_count());
        writeln!(
            out,
            "data: {scope}{wholes} structures ({} with their parts), {} facts, {} sources",
            atlas.structure_count(),
            atlas.fact_count(),
            atlas.sources().len()
        )
        .map_err(Error::Output)?;
        let coverage =
            fascia::graph::model::XrefCoverage::of(atlas.structures().map(|n| atlas.node(n)));
        writeln!(out, "identifiers: {coverage}").map_err(Error::Output)?;
    }
    Ok(ExitCode::from(SUCCESS))
}

/// `fascia help [TOPIC]`: the help on standard output, status 0; an unknown topic is a
/// usage error.
fn help(data: Option<&Path>, topic: &str, color: bool) -> Result<ExitCode, Error> {
    let Some(atlas) = load(data, color) else {
        return Ok(ExitCode::from(FATAL));
    };
    let mut text = Vec::new();
    match repl::write_help(&atlas, topic, &mut text).map_err(Error::Output)? {
        Ok(()) => {
            // on a terminal, fitted to its width at spaces; never through a pager
            if io::stdout().is_terminal() {
                if let Some(width) = terminal_width() {
                    text = fascia::output::wrap::fit(&String::from_utf8_lossy(&text), width)
                        .into_bytes();
                }
            }
            let mut out = io::stdout().lock();
            out.write_all(&text).map_err(Error::Output)?;
            Ok(ExitCode::from(SUCCESS))
        }
        Err(message) => Err(Error::Usage(message)),
    }
}

/// Where queries come from, in the order given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    /// Queries given as arguments: how an error names them (`-e 2`, `query 1`) and the text.
    Query(String, String),
    /// `-f FILE`; `-` is standard input.
    File(PathBuf),
}

fn inputs_in_order(matches: &ArgMatches, args: &Args) -> Vec<Input> {
    let mut indexed: Vec<(usize, Input)> = Vec::new();
    let query_indices = matches.indices_of("queries").into_iter().flatten();
    for (n, (i, text)) in query_indices.zip(&args.queries).enumerate() {
        indexed.push((i, Input::Query(format!("-e {}", n + 1), text.clone())));
    }
    let positional = matches.indices_of("positional").into_iter().flatten();
    for (n, (i, text)) in positional.zip(&args.positional).enumerate() {
        indexed.push((i, Input::Query(format!("query {}", n + 1), text.clone())));
    }
    let file_indices = matches.indices_of("files").into_iter().flatten();
    for (i, path) in file_indices.zip(&args.files) {
        indexed.push((i, Input::File(path.clone())));
    }
    indexed.sort_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, input)| input).collect()
}

/// Runs queries one after the other, writing answers and reporting failures.
struct Runner<'a> {
    atlas: &'a Atlas,
    format: Format,
    color: bool,
    /// Whether errors need to say which query failed.
    several: bool,
    /// The work limit, the picture limit and who lays pictures out.
    config: crate::execute::Config,
    answered: usize,
    failed: usize,
    last_json: bool,
    /// `--timings`: report each query's evaluation time on stderr.
    timings: bool,
    /// Whether each query is printed before its answer (`--echo`).
    echo: bool,
    /// The terminal's width, when text goes to one.
    width: Option<usize>,
    /// Whether all that was written is one table, its header on the first line.
    table: bool,
}

impl Runner<'_> {
    fn run_all(&mut self, inputs: &[Input], out: &mut dyn Write) -> Result<(), Error> {
        for input in inputs {
            match input {
                Input::Query(label, text) => {
                    let statements = statements::split(text);
                    let label = (self.several || statements.len() > 1).then_some(label.as_str());
                    if statements.is_empty() {
                        // `-e ''` is an empty query, for the parser to say so
                        self.one(label, text, out)?;
                    }
                    for statement in statements {
                        self.one(label, &statement.text, out)?;
                    }
                }
                Input::File(path) if path.as_os_str() == "-" => {
                    // streamed, so a program can feed queries and read answers
                    let stdin = io::stdin();
                    self.script("<stdin>", stdin.lock(), out)?;
                }
                Input::File(path) => {
                    let file = open_script(path)?;
                    self.script(&path.display().to_string(), io::BufReader::new(file), out)?;
                }
            }
        }
        Ok(())
    }

    /// Runs the queries and writes their answers: through the pager, to standard
    /// output, or to `file` (replaced only when every query succeeded).
    fn write_answers(
        &mut self,
        inputs: &[Input],
        file: Option<&Path>,
        pager: Option<&(Pager, usize)>,
        cleanup: Cleanup,
    ) -> Result<(), Error> {
        match (file, pager) {
            (None, Some((pager, height))) => {
                let mut answers = Vec::new();
                let ran = self.run_all(inputs, &mut answers);
                let stdout = io::stdout();
                let mut out = stdout.lock();
                pager
                    .show(&answers, self.table, *height, self.width, &mut out)
                    .map_err(Error::Output)?;
                out.flush().map_err(Error::Output)?;
                ran?;
            }
            (None, None) => {
                let stdout = io::stdout();
                let mut out = BufWriter::new(stdout.lock());
                self.run_all(inputs, &mut out)?;
                out.flush().map_err(Error::Output)?;
            }
            (Some(target), _) => {
                let mut file = AtomicFile::create(target, cleanup)?;
                file.write_with(|out| self.run_all(inputs, out))?;
                if self.failed == 0 {
                    file.commit()?;
                } else {
                    file.discard();
                    let _ = writeln!(
                        io::stderr(),
                        "fascia: {} left unchanged: {} quer{} failed",
                        target.display(),
                        self.failed,
                        if self.failed == 1 { "y" } else { "ies" }
                    );
                }
            }
        }
        Ok(())
    }

    /// Statements ended by newlines or `;` (see [`statements`]); an open parenthesis or
    /// quote continues one on the next line. A line that is not UTF-8 fails alone; one
    /// longer than [`MAX_LINE`] ends the script (it is not a file of queries:
    /// `-f /dev/zero`).
    fn script(
        &mut self,
        name: &str,
        mut reader: impl BufRead,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let mut buf = Vec::new();
        let mut splitter = Splitter::new();
        for number in 1.. {
            let label = format!("{name}:{number}");
            let read = read_line(&mut reader, &mut buf).map_err(|source| Error::Io {
                context: format!("cannot read {name}"),
                source,
            })?;
            match read {
                LineRead::End => break,
                LineRead::TooLong => {
                    let message = Report::plain(format!(
                        "line longer than {MAX_LINE} bytes, the limit for a line \
                         of queries; the rest of {name} is skipped"
                    ));
                    self.fail(Some(&label), None, &message, out)?;
                    return Ok(());
                }
                LineRead::Line => {}
            }
            let line = match std::str::from_utf8(&buf) {
                Ok(line) => line,
                Err(e) => {
                    let column = String::from_utf8_lossy(&buf[..e.valid_up_to()])
                        .chars()
                        .count()
                        + 1;
                    let message = Report::plain(format!(
                        "invalid UTF-8 at column {column}; queries are UTF-8 text"
                    ));
                    // the line still counts, so the next one keeps its number
                    splitter.push_line("");
                    self.fail(Some(&label), None, &message, out)?;
                    continue;
                }
            };
            for statement in splitter.push_line(line) {
                let label = format!("{name}:{}", statement.line);
                self.one(Some(&label), &statement.text, out)?;
            }
        }
        if let Some(statement) = splitter.finish() {
            let label = format!("{name}:{}", statement.line);
            self.one(Some(&label), &statement.text, out)?;
        }
        Ok(())
    }

    fn one(&mut self, label: Option<&str>, text: &str, out: &mut dyn Write) -> Result<(), Error> {
        if let Some(topic) = crate::statements::help_topic(text) {
            return self.help(label, text, topic, out);
        }
        match fascia::ask::read(self.atlas, text) {
            Reading::Typed => self.run_query(label, text, text, false, out),
            Reading::Asked(queries) => {
                for query in &queries {
                    self.run_query(label, text, query, true, out)?;
                }
                Ok(())
            }
            Reading::Refused(line) => {
                let report = Report::plain(line.clone());
                self.fail(label, Some((text, line)), &report, out)
            }
        }
    }

    /// Runs one query; `asked`: it is what a question became, shown as `= query` before
    /// its text answer (JSON, DOT and SVG answers are the query's own).
    fn run_query(
        &mut self,
        label: Option<&str>,
        typed: &str,
        text: &str,
        asked: bool,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let mut budget = Budget::new(self.config.work_limit);
        let show = crate::execute::Show {
            format: self.format,
            width: self.width,
            timings: self.timings,
            engine: &self.config.engine,
            max_picture: self.config.max_picture,
        };
        let executed = crate::execute::execute(self.atlas, text, &mut budget, &show);
        match executed.map_err(Error::Output)? {
            Ok(crate::execute::Answered {
                answer,
                format,
                mut rendered,
                ..
            }) => {
                let json = format == Format::Json;
                if json && self.echo {
                    let total = match &answer {
                        fascia::query::Answer::Set(set) => Some(set.total),
                        _ => None,
                    };
                    rendered = echoed_json(typed, &rendered, total);
                }
                let table = format == Format::Text
                    && !self.echo
                    && matches!(answer, fascia::query::Answer::Set(_));
                if asked && format == Format::Text {
                    let mut shown = format!("= {text}\n").into_bytes();
                    shown.extend_from_slice(&rendered);
                    rendered = shown;
                }
                if format == Format::Text {
                    rendered = self.fitted(&rendered);
                }
                self.write_answer(typed, &rendered, json, out)?;
                self.table = table && self.answered == 1;
            }
            Err(crate::execute::Failed { error, report }) => {
                if asked && self.format != Format::Json {
                    let _ = writeln!(io::stderr(), "= {text}");
                }
                let error = Some((text, error.to_string()));
                self.fail(label, error, &report, out)?;
            }
        }
        Ok(())
    }

    /// Text fitted to the terminal's width, broken at spaces; as it is in a pipe.
    fn fitted(&self, text: &[u8]) -> Vec<u8> {
        match self.width {
            Some(width) => {
                fascia::output::wrap::fit(&String::from_utf8_lossy(text), width).into_bytes()
            }
            None => text.to_vec(),
        }
    }

    /// `help [TOPIC]` as a statement: the help as an answer (a JSON string in JSON).
    fn help(
        &mut self,
        label: Option<&str>,
        text: &str,
        topic: &str,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let mut rendered = Vec::new();
        match repl::write_help(self.atlas, topic, &mut rendered).map_err(Error::Output)? {
            Ok(()) => {
                let json = self.format == Format::Json;
                if !json {
                    rendered = self.fitted(&rendered);
                }
                if json {
                    let help = String::from_utf8_lossy(&rendered).into_owned();
                    rendered = json_document(&serde_json::json!({ "help": help }));
                    if self.echo {
                        rendered = echoed_json(text, &rendered, None);
                    }
                }
                self.write_answer(text, &rendered, json, out)?;
                self.table = false;
                Ok(())
            }
            Err(message) => {
                let report = Report::plain(message.clone());
                self.fail(label, Some((text, message)), &report, out)
            }
        }
    }

    /// Writes one answer: after a blank line when another answer came before (JSON
    /// documents follow each other as they are), and after `> query` with `--echo`
    /// (JSON carries its query inside).
    fn write_answer(
        &mut self,
        text: &str,
        rendered: &[u8],
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        if self.answered > 0 && !(json && self.last_json) {
            writeln!(out).map_err(Error::Output)?;
        }
        if self.echo && !json {
            writeln!(out, "> {text}").map_err(Error::Output)?;
        }
        out.write_all(rendered).map_err(Error::Output)?;
        out.flush().map_err(Error::Output)?;
        self.answered += 1;
        self.last_json = json;
        Ok(())
    }

    /// Reports a failed query (a rendered error) under its label on standard error. In
    /// JSON the answers also get an error document in its place, so that each query
    /// still has one document: `{"error": {"message": …, "query": …, "help": […]}}`
    /// (`query` is null for a line that could not be read; `help` only when there is some).
    fn fail(
        &mut self,
        label: Option<&str>,
        query: Option<(&str, String)>,
        report: &Report,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        self.failed += 1;
        self.table = false;
        let cropped = self.width.map(|width| report.clone().cropped(width));
        let mut drawn = draw_error(cropped.as_ref().unwrap_or(report), self.color);
        if let Some(label) = label {
            drawn = format!("{}: {drawn}", paint(&BOLD, label, self.color));
        }
        let drawn = String::from_utf8_lossy(&self.fitted(drawn.as_bytes())).into_owned();
        let _ = writeln!(io::stderr(), "{drawn}");
        if self.format == Format::Json {
            let (query, message) = match query {
                Some((text, message)) => (Some(text), message),
                None => (None, report.message.clone()),
            };
            let error = crate::term::json_error(query, &message, report);
            let document = serde_json::json!({ "error": error });
            if self.answered > 0 && !self.last_json {
                writeln!(out).map_err(Error::Output)?;
            }
            out.write_all(&json_document(&document))
                .map_err(Error::Output)?;
            out.flush().map_err(Error::Output)?;
            self.answered += 1;
            self.last_json = true;
        }
        Ok(())
    }
}

/// A JSON value as fascia writes documents: pretty, one newline after.
fn json_document(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `--echo` in JSON: `{"query": "…", "answer": …}` around a rendered answer, and for a
/// set `"total"`: how many structures matched before `limit` (the answer itself stays
/// the array it is without `--echo`).
fn echoed_json(query: &str, rendered: &[u8], total: Option<usize>) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(rendered) {
        Ok(answer) => {
            /// The query first, as it was asked.
            #[derive(serde::Serialize)]
            struct Echoed<'a> {
                query: &'a str,
                answer: serde_json::Value,
                #[serde(skip_serializing_if = "Option::is_none")]
                total: Option<usize>,
            }
            let mut bytes = serde_json::to_vec_pretty(&Echoed {
                query,
                answer,
                total,
            })
            .unwrap_or_else(|_| rendered.to_vec());
            bytes.push(b'\n');
            bytes
        }
        Err(_) => rendered.to_vec(),
    }
}

/// The longest line a script of queries may have; a query itself may be at most
/// `fascia::query::parser::MAX_QUERY_LEN` bytes, but a comment may run on.
pub const MAX_LINE: usize = 64 * 1024;

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// A line (without its end of line) is in the buffer.
    Line,
    /// The line was longer than [`MAX_LINE`]; no more than that was read.
    TooLong,
    /// Nothing more to read.
    End,
}

/// Reads one line as bytes into `buf`, holding at most [`MAX_LINE`] bytes of it.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<LineRead> {
    buf.clear();
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if buf.is_empty() {
                LineRead::End
            } else {
                LineRead::Line
            });
        }
        let newline = available.iter().position(|b| *b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        if buf.len() + chunk.len() > MAX_LINE {
            return Ok(LineRead::TooLong);
        }
        buf.extend_from_slice(chunk);
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(LineRead::Line);
        }
    }
}

/// `-o FILE`: answers go to a temporary file beside the target, renamed over it only
/// when the run succeeds, so the target is never half-written (see
/// [`fascia::graph::disk::Replacing`]). Only a regular file or a new path is a target:
/// a rename would replace a device, a FIFO, or a symbolic link itself rather than the
/// file it points to. Every error names the target, never the temporary file.
struct AtomicFile {
    target: PathBuf,
    temp: Replacing,
    cleanup: Cleanup,
}

impl AtomicFile {
    fn create(target: &Path, cleanup: Cleanup) -> Result<AtomicFile, Error> {
        check_output_target(target)?;
        // the result gets the permissions a plain create would give (or the old file's),
        // not a temporary file's private 0600
        let temp = Replacing::create(target, None).map_err(|e| write_error(target, e))?;
        cleanup.watch(temp.temp_path().to_path_buf());
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            cleanup,
        })
    }

    /// Runs `write` on the file; a failure to write is the target's.
    fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
    ) -> Result<(), Error> {
        write(self.temp.writer()).map_err(|e| match e {
            Error::Output(source) => write_error(&self.target, source),
            other => other,
        })
    }

    fn commit(self) -> Result<(), Error> {
        let AtomicFile {
            target,
            temp,
            cleanup,
        } = self;
        // the target may have changed while the queries ran
        check_output_target(&target)?;
        cleanup
            .finish(|| temp.commit())
            .map_err(|e| write_error(&target, e))
    }

    /// Leaves the target as it was and removes the temporary file.
    fn discard(self) {
        let AtomicFile { temp, cleanup, .. } = self;
        cleanup.finish(|| drop(temp));
    }
}

/// A script to read: a regular file, or a pipe (`-f <(…)`); a device such as
/// `/dev/zero` or a socket is refused before it is read.
fn open_script(path: &Path) -> Result<fs::File, Error> {
    let context = || format!("cannot read {}", path.display());
    let meta = fs::metadata(path).map_err(|source| Error::Io {
        context: context(),
        source,
    })?;
    #[cfg(unix)]
    let is_pipe = std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type());
    #[cfg(not(unix))]
    let is_pipe = false;
    if !(meta.is_file() || is_pipe) {
        let what = fascia::graph::load::file_type_name(&meta.file_type());
        return Err(Error::Usage(format!(
            "{}: it is {what}; a script is a regular file or a pipe",
            context()
        )));
    }
    fs::File::open(path).map_err(|source| Error::Io {
        context: context(),
        source,
    })
}

/// `cannot write TARGET: why`.
fn write_error(target: &Path, source: io::Error) -> Error {
    Error::Io {
        context: format!("cannot write {}", target.display()),
        source,
    }
}

/// Refuses an `-o` target that is not a regular file or a new path.
fn check_output_target(target: &Path) -> Result<(), Error> {
    let meta = match fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Io {
                context: format!("cannot write {}", target.display()),
                source,
            });
        }
    };
    let what = fascia::graph::load::file_type_name(&meta.file_type());
    if meta.file_type().is_file() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "will not write to {}: it is {what}; -o writes only to a regular file or a new path",
        target.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_targets_must_be_regular_files_or_new_paths() {
        // checked without writing: a rename over /dev/null would replace the device
        #[cfg(unix)]
        assert_eq!(
            check_output_target(Path::new("/dev/null"))
                .unwrap_err()
                .to_string(),
            "will not write to /dev/null: it is a character device; -o writes only to a \
             regular file or a new path"
        );
        let dir = tempfile::tempdir().unwrap();
        assert!(check_output_target(dir.path()).is_err());
        assert!(check_output_target(&dir.path().join("new.txt")).is_ok());
        let file = dir.path().join("old.txt");
        fs::write(&file, "x").unwrap();
        assert!(check_output_target(&file).is_ok());
    }

    #[test]
    fn lines_are_read_within_the_limit() {
        let mut input = io::Cursor::new(b"one\r\ntwo\nthree".to_vec());
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while read_line(&mut input, &mut buf).unwrap() == LineRead::Line {
            lines.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(lines, ["one", "two", "three"]);
        let long = vec![b'x'; MAX_LINE + 1];
        let mut input = io::Cursor::new(long);
        assert_eq!(read_line(&mut input, &mut buf).unwrap(), LineRead::TooLong);
        let exact = [vec![b'x'; MAX_LINE], b"\nok\n".to_vec()].concat();
        let mut input = io::BufReader::with_capacity(1000, io::Cursor::new(exact));
        assert_eq!(read_line(&mut input, &mut buf).unwrap(), LineRead::Line);
        assert_eq!(buf.len(), MAX_LINE);
        assert_eq!(read_line(&mut input, &mut buf).unwrap(), LineRead::Line);
        assert_eq!(buf, b"ok");
    }

    #[test]
    fn colour_follows_the_choice() {
        assert!(ColorChoice::Always.enabled(false));
        assert!(!ColorChoice::Never.enabled(true));
        assert!(!ColorChoice::Auto.enabled(false));
    }

    #[test]
    fn arguments_parse_and_keep_their_order() {
        let cmd = Args::command();
        cmd.clone().debug_assert();
        let matches = cmd
            .try_get_matches_from(["fascia", "-e", "a", "-f", "q.fa", "-e", "b"])
            .unwrap();
        let args = Args::from_arg_matches(&matches).unwrap();
        assert_eq!(
            inputs_in_order(&matches, &args),
            vec![
                Input::Query("-e 1".into(), "a".into()),
                Input::File("q.fa".into()),
                Input::Query("-e 2".into(), "b".into()),
            ]
        );
    }
}
