//! The interactive shell: a rustyline loop over the library, with completion, hints,
//! highlighting, continuation lines, meta-commands and help. [`Session`] does the work
//! and writes to any `Write`, so it is tested without a terminal.

mod complete;
mod help;
pub(crate) use complete::complete;
pub use help::write_help;
mod helper;
mod lex;
mod quiz;
mod why;

use crate::pager::Pager;
use crate::term::{self, counted, draw_error};
use fascia::Atlas;
use fascia::Report;
use fascia::output::Format;
use fascia::query::{Budget, Cancel};
use helper::LineHelper;
use rustyline::error::ReadlineError;
use rustyline::history::{FileHistory, History as _};
use rustyline::{ColorMode, CompletionType, Config, Editor};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

const PROMPT: &str = "fascia> ";
/// The prompt for the next line of an unfinished statement, as wide as [`PROMPT`].
const CONTINUATION: &str = "   ...> ";

/// After this many read errors in a row the terminal is gone, not just a bad byte.
const MAX_READ_ERRORS: usize = 100;

/// Runs the shell until `:quit` or Ctrl-D; long answers go through `pager`.
pub fn run(
    atlas: Atlas,
    format: Format,
    color: bool,
    limits: crate::execute::Config,
    pager: Option<Pager>,
) -> Result<ExitCode, term::Error> {
    let mut session = Session::new(atlas, format, color).with_config(limits);
    session.pager = pager;
    session.store = quiz::Store::new(quiz::progress_path());
    crate::signals::cancel_on_interrupt(&session.cancel);
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
    let readline_error = |e: ReadlineError| term::Error::Io {
        context: "cannot read the terminal".to_string(),
        source: io::Error::other(e),
    };
    let mut editor: Editor<LineHelper, FileHistory> =
        Editor::with_config(config).map_err(readline_error)?;
    editor.set_helper(Some(LineHelper::new(session.atlas.clone(), color)));
    let _ = editor.history_mut().ignore_dups(true);
    let mut history = HistoryFile::open(history_path(), &mut editor);

    let stdout = io::stdout();
    writeln!(stdout.lock(), "{}", session.welcome()).map_err(term::Error::Output)?;
    let mut read_errors = 0;
    loop {
        // while a quiz runs, a line is an answer: no continuation lines, no history
        let answering = session.in_quiz();
        let read = editor.readline(session.prompt());
        if matches!(read, Ok(_) | Err(ReadlineError::Interrupted)) {
            read_errors = 0;
        }
        match read {
            Ok(mut line) => {
                if !answering
                    && !read_continuation(&mut editor, &mut line).map_err(readline_error)?
                {
                    continue;
                }
                if line.trim().is_empty() {
                    continue;
                }
                if !answering {
                    let _ = editor.add_history_entry(line.as_str());
                    history.append(&mut editor);
                }
                // text fits the terminal as it is now, resized or not
                let terminal = io::stdout().is_terminal();
                session.width = terminal.then(term::terminal_width).flatten();
                session.height = terminal.then(term::terminal_height).flatten();
                let mut out = stdout.lock();
                let outcome = session.handle_all(&line, &mut out);
                out.flush().map_err(term::Error::Output)?;
                match outcome.map_err(term::Error::Output)? {
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
            // a byte that is not UTF-8, typed or pasted: drop the line, keep the shell
            Err(ReadlineError::Io(e))
                if e.kind() == io::ErrorKind::InvalidData && read_errors < MAX_READ_ERRORS =>
            {
                read_errors += 1;
                let message =
                    Report::plain("the line held bytes that are not UTF-8 text; it was dropped");
                writeln!(stdout.lock(), "{}", draw_error(&message, color))
                    .map_err(term::Error::Output)?;
            }
            Err(e) => return Err(readline_error(e)),
        }
    }
    Ok(ExitCode::from(term::SUCCESS))
}

/// Reads the next lines of an unfinished statement (an open parenthesis or quote, a last
/// operator) after [`CONTINUATION`], onto `line`. `false`: Ctrl-C or Ctrl-D abandoned it.
fn read_continuation(
    editor: &mut Editor<LineHelper, FileHistory>,
    line: &mut String,
) -> Result<bool, ReadlineError> {
    while !helper::is_complete(line) {
        match editor.readline(CONTINUATION) {
            Ok(more) => {
                line.push('\n');
                line.push_str(&more);
            }
            Err(ReadlineError::Signal(_)) => {}
            Err(ReadlineError::Interrupted | ReadlineError::Eof) => return Ok(false),
            Err(ReadlineError::Io(e)) if e.kind() == io::ErrorKind::InvalidData => {
                return Ok(false);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// `FASCIA_HISTORY` (empty: no history), else `<data dir>/fascia/history`.
fn history_path() -> Option<PathBuf> {
    match std::env::var_os("FASCIA_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => dirs::data_dir().map(|d| d.join("fascia").join("history")),
    }
}

/// The largest history file read by default (bytes): rustyline keeps the last hundred
/// lines.
const MAX_HISTORY_BYTES: u64 = 1 << 20;
/// The environment variable that sets the history file's size limit (bytes).
const MAX_HISTORY_VAR: &str = "FASCIA_MAX_HISTORY_SIZE";

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
        // a FIFO would wait for a writer, /dev/zero would never end: looked at first
        match std::fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return file,
            Err(e) => {
                file.warn(&e.to_string());
                file.path = None;
                return file;
            }
            Ok(meta) if !meta.is_file() => {
                let what = fascia::graph::load::file_type_name(&meta.file_type());
                file.warn(&format!("it is {what}, not a regular file"));
                file.path = None;
                return file;
            }
            Ok(meta) => {
                let max = crate::settings::size_setting(MAX_HISTORY_VAR, MAX_HISTORY_BYTES);
                let too_large = match max {
                    Ok(max) => (meta.len() > max).then(|| {
                        format!(
                            "larger than {max} bytes, the limit for a history file (raise it \
                             with the environment variable {MAX_HISTORY_VAR})"
                        )
                    }),
                    Err(e) => Some(e.to_string()),
                };
                if let Some(why) = too_large {
                    file.warn(&why);
                    file.path = None;
                    return file;
                }
            }
        }
        match editor.load_history(&path) {
            Ok(()) => {}
            Err(ReadlineError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => file.warn(&e.to_string()),
        }
        file
    }

    /// Saves the history whole through a fresh temporary file renamed over the old one
    /// (see [`fascia::graph::disk`]): a link planted at the history's path is refused,
    /// never written through.
    fn append(&mut self, editor: &mut Editor<LineHelper, FileHistory>) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let saved = (|| {
            let temp = fascia::graph::disk::Replacing::create(&path, Some(0o600))?;
            editor
                .save_history(temp.temp_path())
                .map_err(|e| io::Error::other(e.to_string()))?;
            // nothing new (a repeated line): the old file stays
            let written = std::fs::metadata(temp.temp_path()).map_or(0, |m| m.len());
            if written == 0 {
                return Ok(());
            }
            temp.commit()
        })();
        if let Err(e) = saved {
            self.warn(&e.to_string());
            self.path = None;
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

/// Meta-commands offered by completion at the start of a line.
const META_COMMANDS: &[&str] = &[
    "help", ":help", ":format", ":data", ":timing", ":pager", ":quit", ":q", "quit", "exit", "quiz",
];

/// The state of one shell: the data, the output format, and whether to colour.
pub struct Session {
    atlas: Rc<Atlas>,
    format: Format,
    color: bool,
    /// The work limit, the picture limit and who lays pictures out.
    config: crate::execute::Config,
    /// Raised by Ctrl-C to stop the running query.
    cancel: Cancel,
    /// `:timing on`: each query's evaluation time on stderr, as `--timings` writes it.
    timings: bool,
    /// The terminal's width, which text answers fit (`None`: any width).
    width: Option<usize>,
    /// The terminal's height: a taller answer goes through the pager.
    height: Option<usize>,
    /// The pager, if there is one (`None` in a pipe, or with `PAGER` empty).
    pager: Option<Pager>,
    /// `:pager off` turns it off.
    paging: bool,
    /// What `why` alone explains.
    last: why::LastAnswer,
    /// The quiz under way, if one is.
    quiz: Option<quiz::Running>,
    /// Saved quiz progress.
    store: quiz::Store,
}

impl Session {
    pub fn new(atlas: Atlas, format: Format, color: bool) -> Session {
        Session {
            atlas: Rc::new(atlas),
            format,
            color,
            config: crate::execute::Config::default(),
            cancel: Cancel::new(),
            timings: false,
            width: None,
            height: None,
            pager: None,
            paging: true,
            last: why::LastAnswer::default(),
            quiz: None,
            store: quiz::Store::new(None),
        }
    }

    pub fn with_config(mut self, config: crate::execute::Config) -> Session {
        self.config = config;
        self
    }

    pub fn welcome(&self) -> String {
        let scope = match crate::scope::regions(&self.atlas) {
            Some(regions) => format!(" {regions};"),
            None => String::new(),
        };
        format!(
            "fascia {}:{scope} {} and {} from {}. Type `help` for help, Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION"),
            counted(self.atlas.structure_count(), "structure"),
            counted(self.atlas.fact_count(), "fact"),
            self.atlas.origin()
        )
    }

    /// Runs what was entered or pasted: each statement in turn (see
    /// [`crate::statements`]), each after its prompt when there are several, until
    /// `:quit`. The outcome is `Quit`, else `Loaded` if any loaded data, else `Failed`
    /// if any failed.
    pub fn handle_all(&mut self, input: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        // an answer to a quiz is one line, semicolons and all
        if self.in_quiz() {
            return self.quiz_answer(input, out);
        }
        let mut outcome = Outcome::Done;
        let mut failed = false;
        let mut loaded = false;
        let statements = crate::statements::split(input);
        let several = statements.len() > 1;
        for statement in statements {
            if several {
                writeln!(out, "{PROMPT}{}", statement.text)?;
            }
            outcome = self.handle(&statement.text, out)?;
            failed |= outcome == Outcome::Failed;
            loaded |= outcome == Outcome::Loaded;
            if outcome == Outcome::Quit {
                return Ok(Outcome::Quit);
            }
        }
        Ok(if loaded {
            Outcome::Loaded
        } else if failed {
            Outcome::Failed
        } else {
            outcome
        })
    }

    /// Runs one statement: a meta-command or a query.
    pub fn handle(&mut self, line: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        let trimmed = line.trim();
        let (command, rest) = match trimmed.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r.trim()),
            None => (trimmed, ""),
        };
        if self.in_quiz() {
            return self.quiz_answer(line, out);
        }
        match command {
            "quiz" => self.start_quiz(rest, out),
            "quit" | "exit" if rest.is_empty() => Ok(Outcome::Quit),
            ":quit" | ":q" | ":exit" => Ok(Outcome::Quit),
            "help" | ":help" | "?" => {
                // never paged: a newcomer's first screen is the help, not a pager's prompt
                let mut text = Vec::new();
                let outcome = self.help(rest, &mut text)?;
                out.write_all(&self.fitted(&text))?;
                Ok(outcome)
            }
            "why" if rest.is_empty() => self.why_last(out),
            ":format" => self.set_format(rest, out),
            ":data" => self.data(rest, out),
            ":timing" => self.set_timing(rest, out),
            ":pager" => self.set_pager(rest, out),
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

    /// Runs a query, or the queries a question stands for, each after `= query`.
    fn query(&mut self, text: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        match fascia::ask::read(&self.atlas, text) {
            fascia::ask::Reading::Typed => self.run_query(text, false, out),
            fascia::ask::Reading::Asked(queries) => {
                let mut outcome = Outcome::Done;
                for query in &queries {
                    if self.run_query(query, true, out)? == Outcome::Failed {
                        outcome = Outcome::Failed;
                    }
                }
                Ok(outcome)
            }
            fascia::ask::Reading::Refused(line) => self.error(&line, out),
        }
    }

    fn run_query(&mut self, text: &str, asked: bool, out: &mut dyn Write) -> io::Result<Outcome> {
        if asked {
            out.write_all(&self.fitted(format!("= {text}\n").as_bytes()))?;
        }
        // a Ctrl-C pressed before this query is not meant for it
        self.cancel.reset();
        let mut budget = Budget::new(self.config.work_limit).with_cancel(self.cancel.clone());
        // Ctrl-C stops `dot` as it stops the evaluation
        let engine = self.config.engine.clone().with_cancel(self.cancel.clone());
        let show = crate::execute::Show {
            format: self.format,
            width: self.width,
            timings: self.timings,
            engine: &engine,
            max_picture: self.config.max_picture,
        };
        match crate::execute::execute(&self.atlas, text, &mut budget, &show)? {
            Ok(crate::execute::Answered {
                query,
                answer,
                format,
                mut rendered,
            }) => {
                if format == Format::Text {
                    rendered = self.fitted(&rendered);
                }
                let table =
                    format == Format::Text && matches!(answer, fascia::query::Answer::Set(_));
                self.page(&rendered, table, out)?;
                self.last = why::LastAnswer::of(&self.atlas, text, &query.statement, &answer);
                Ok(Outcome::Done)
            }
            Err(crate::execute::Failed { mut report, .. }) => {
                if let Some(width) = self.width {
                    report = report.cropped(width);
                }
                let drawn = format!("{}\n", draw_error(&report, self.color));
                out.write_all(&self.fitted(drawn.as_bytes()))?;
                Ok(Outcome::Failed)
            }
        }
    }

    /// Writes an answer, through the pager when it is taller than the terminal; `table`:
    /// its first line is a header to keep in view.
    fn page(&self, rendered: &[u8], table: bool, out: &mut dyn Write) -> io::Result<()> {
        match (&self.pager, self.height) {
            (Some(pager), Some(height)) if self.paging => {
                pager.show(rendered, table, height, self.width, out)
            }
            _ => out.write_all(rendered),
        }
    }

    /// Text fitted to the terminal's width, broken at spaces (as it is in a pipe).
    fn fitted(&self, text: &[u8]) -> Vec<u8> {
        match self.width {
            Some(width) => {
                fascia::output::wrap::fit(&String::from_utf8_lossy(text), width).into_bytes()
            }
            None => text.to_vec(),
        }
    }

    fn error(&self, message: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        let drawn = format!("{}\n", draw_error(&Report::plain(message), self.color));
        out.write_all(&self.fitted(drawn.as_bytes()))?;
        Ok(Outcome::Failed)
    }

    fn set_timing(&mut self, value: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        self.timings = match value {
            "on" => true,
            "off" => false,
            "" => self.timings,
            _ => return self.error(&format!("`:timing {value}`: say on or off"), out),
        };
        let state = if self.timings { "on" } else { "off" };
        writeln!(out, "timing: {state} (times go to standard error)")?;
        Ok(Outcome::Done)
    }

    fn set_pager(&mut self, value: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        self.paging = match value {
            "on" => true,
            "off" => false,
            "" => self.paging,
            _ => return self.error(&format!("`:pager {value}`: say on or off"), out),
        };
        let state = match (self.paging, &self.pager) {
            (false, _) => "off",
            (true, Some(_)) => "on (answers taller than the terminal)",
            (true, None) => "on, but there is none here (not a terminal, or PAGER is empty)",
        };
        writeln!(out, "pager: {state}")?;
        Ok(Outcome::Done)
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
                "  {}, {}, {}",
                counted(self.atlas.structure_count(), "structure"),
                counted(self.atlas.fact_count(), "fact"),
                counted(self.atlas.sources().len(), "source")
            )?;
            writeln!(
                out,
                "  load another directory (or an exported .nt or .json file) with :data PATH"
            )?;
            return Ok(Outcome::Done);
        }
        let dir = expand_home(unquote(dir));
        let loaded = crate::settings::load_data(&dir);
        match loaded {
            Ok(atlas) => {
                writeln!(
                    out,
                    "loaded {}: {}, {}",
                    atlas.origin(),
                    counted(atlas.structure_count(), "structure"),
                    counted(atlas.fact_count(), "fact")
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn mini() -> Atlas {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        fascia::load_dir(&dir).expect("the mini fixture loads")
    }

    #[test]
    fn the_welcome_says_which_regions_the_data_covers() {
        let atlas = fascia::bundled().expect("the bundled data loads");
        let s = Session::new(atlas, Format::Text, false);
        assert!(
            s.welcome()
                .contains(": the head and neck, the lower limb, the trunk and the upper limb; "),
            "{}",
            s.welcome()
        );
        // data without regions says nothing of scope
        assert!(
            Session::new(mini(), Format::Text, false)
                .welcome()
                .contains(": 50 structures")
        );
    }

    pub(super) fn run_line(session: &mut Session, line: &str) -> (Outcome, String) {
        let mut out = Vec::new();
        let outcome = session.handle(line, &mut out).unwrap();
        (outcome, String::from_utf8(out).unwrap())
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
                "format: text (choose with :format text|json|dot|svg)\n".to_string()
            )
        );
        assert_eq!(
            run_line(&mut s, ":format json"),
            (Outcome::Done, "format: json\n".to_string())
        );
        let (outcome, text) = run_line(&mut s, "count muscles");
        assert_eq!(
            (outcome, text.as_str()),
            (Outcome::Done, "{\n  \"count\": 5\n}\n")
        );
        assert_eq!(
            run_line(&mut s, ":timing on"),
            (
                Outcome::Done,
                "timing: on (times go to standard error)\n".to_string()
            )
        );
        assert_eq!(run_line(&mut s, ":timing maybe").0, Outcome::Failed);
        assert_eq!(
            run_line(&mut s, ":pager off"),
            (Outcome::Done, "pager: off\n".to_string())
        );
        assert_eq!(
            run_line(&mut s, ":pager on"),
            (
                Outcome::Done,
                "pager: on, but there is none here (not a terminal, or PAGER is empty)\n"
                    .to_string()
            )
        );
        assert_eq!(run_line(&mut s, ":pager maybe").0, Outcome::Failed);
        assert_eq!(
            run_line(&mut s, ":format xml"),
            (
                Outcome::Failed,
                "error: unknown format `xml`; choose text, json, dot, svg\n".to_string()
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
            "error: no help on `relatoins`; did you mean `help relations`? topics: questions, \
             queries, relations, kinds, names, show, path, why, around, lesion, localize, count, output, data, quiz\n"
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
        assert!(text.contains(&format!("  {counts}, 3 sources\n")), "{text}");
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
    fn data_command_loads_an_export() {
        let atlas = mini();
        let counts = format!(
            "{} structures, {} facts",
            atlas.structure_count(),
            atlas.fact_count()
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mini.nt");
        let mut nt = Vec::new();
        let all = fascia::export::Selection::whole(&atlas);
        fascia::export::write(
            &atlas,
            &all,
            fascia::export::ExportFormat::NTriples,
            &mut nt,
        )
        .unwrap();
        std::fs::write(&file, nt).unwrap();
        let mut s = Session::new(atlas, Format::Text, false);
        let (outcome, text) = run_line(&mut s, &format!(":data {}", file.display()));
        assert_eq!(outcome, Outcome::Loaded, "{text}");
        assert!(text.ends_with(&format!(": {counts}\n")), "{text}");
    }

    #[test]
    fn a_paste_runs_each_statement_after_its_prompt() {
        let mut s = Session::new(mini(), Format::Text, false);
        let mut out = Vec::new();
        let outcome = s
            .handle_all(
                "> count muscles;\ncount (nerves\n  or muscles); show x",
                &mut out,
            )
            .unwrap();
        assert_eq!(outcome, Outcome::Failed);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "fascia> count muscles\n5\nfascia> count (nerves or muscles)\n13\n\
             fascia> show x\nerror: unknown name `x`\n  | show x\n  |      ^\n"
        );
        let mut out = Vec::new();
        assert_eq!(
            s.handle_all("count muscles; :q; count nerves", &mut out)
                .unwrap(),
            Outcome::Quit
        );
        let mut out = Vec::new();
        assert_eq!(
            s.handle_all("count muscles;", &mut out).unwrap(),
            Outcome::Done
        );
        assert_eq!(out, b"5\n");
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
}
