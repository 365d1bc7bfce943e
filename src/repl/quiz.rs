//! `quiz` in the shell: asks the questions of [`fascia::learn`] one at a time, grades
//! each typed answer, and keeps every question's spaced-repetition card in a file in
//! the user's data directory, beside the history.

use super::{Outcome, Session};
use fascia::Atlas;
use fascia::learn::{self, Card, Filter, Generator, Grade, Progress, Question, Verdict};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The prompt while a quiz waits for an answer.
pub const ANSWER_PROMPT: &str = "answer> ";
/// Questions in a quiz when no number is given.
const DEFAULT_COUNT: usize = 10;
/// At most this many questions in one quiz or review.
const MAX_COUNT: usize = 200;

/// `FASCIA_QUIZ` (empty: progress not saved), else `<data dir>/fascia/quiz.json`, beside
/// the history.
pub fn progress_path() -> Option<PathBuf> {
    match std::env::var_os("FASCIA_QUIZ") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => dirs::data_dir().map(|d| d.join("fascia").join("quiz.json")),
    }
}

/// Seconds since 1970.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The saved progress and what this session answered. A file that cannot be read is
/// never written over: the session's answers are then kept only until it ends.
pub struct Store {
    path: Option<PathBuf>,
    progress: Progress,
    answered: BTreeMap<String, Card>,
    /// Why the file is not written, once said.
    unsaved: Option<String>,
    loaded: bool,
    clock: fn() -> i64,
}

impl Store {
    pub fn new(path: Option<PathBuf>) -> Store {
        Store {
            path,
            progress: Progress::new(),
            answered: BTreeMap::new(),
            unsaved: None,
            loaded: false,
            clock: now,
        }
    }

    /// Reads the file the first time it is needed; a warning if it cannot be read.
    fn load(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.loaded {
            return Ok(());
        }
        self.loaded = true;
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        match read(&path) {
            Ok(Some(progress)) => self.progress = progress,
            Ok(None) => {}
            Err(why) => self.refuse(&path, &why, out)?,
        }
        Ok(())
    }

    fn refuse(&mut self, path: &Path, why: &str, out: &mut dyn Write) -> io::Result<()> {
        let message = format!(
            "warning: quiz progress {}: {why}; it is left as it is, and this session's answers will not be saved",
            path.display()
        );
        writeln!(out, "{message}")?;
        self.unsaved = Some(message);
        Ok(())
    }

    /// Records an answer and writes the file: what another session saved meanwhile
    /// is read again and kept, and the file is replaced whole, never half-written.
    fn record(&mut self, key: &str, verdict: Verdict, out: &mut dyn Write) -> io::Result<()> {
        let card = self.progress.record(key, verdict, (self.clock)());
        self.answered.insert(key.to_string(), card);
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        if self.unsaved.is_some() {
            return Ok(());
        }
        let mut saved = match read(&path) {
            Ok(saved) => saved.unwrap_or_default(),
            Err(why) => return self.refuse(&path, &why, out),
        };
        saved.merge(&self.answered);
        if let Err(e) = write_atomically(&path, saved.to_json().as_bytes()) {
            let message = format!(
                "warning: cannot save quiz progress to {}: {e}; this session's answers will not be saved",
                path.display()
            );
            writeln!(out, "{message}")?;
            self.unsaved = Some(message);
            return Ok(());
        }
        self.progress = saved;
        Ok(())
    }
}

/// A progress file larger than this is not read (a card takes about 150 bytes).
const MAX_PROGRESS_BYTES: u64 = 16 * 1024 * 1024;

/// The saved progress; `None` when there is no file yet.
fn read(path: &Path) -> Result<Option<Progress>, String> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err("not a regular file".to_string()),
        Ok(meta) if meta.len() > MAX_PROGRESS_BYTES => {
            return Err(format!(
                "larger than {} MiB, the most quiz progress can be",
                MAX_PROGRESS_BYTES / 1024 / 1024
            ));
        }
        _ => {}
    }
    match std::fs::read_to_string(path) {
        Ok(text) => Progress::from_json(&text)
            .map(Some)
            .map_err(|e| e.to_string()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Writes a temporary file beside `path`, flushes it to disk and renames it over
/// `path` (through a symbolic link, to the file it names).
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".quiz-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A quiz under way.
pub struct Running {
    questions: Vec<Question>,
    at: usize,
    tally: [usize; 3],
    review: bool,
}

/// What `quiz …` asked for.
#[derive(Debug, Default, PartialEq)]
struct Request {
    review: bool,
    filter: Filter,
    count: Option<usize>,
    seed: Option<u64>,
}

/// `quiz [review] [REGION] [TOPIC…] [COUNT] [seed S]`, words in any order.
fn parse_request(atlas: &Atlas, words: &str) -> Result<Request, String> {
    let mut request = Request::default();
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if word.eq_ignore_ascii_case("review") {
            request.review = true;
        } else if word.eq_ignore_ascii_case("seed") {
            let seed = words.get(i + 1).and_then(|w| w.parse().ok());
            request.seed = Some(seed.ok_or("`seed` needs a number: `quiz seed 7`")?);
            i += 1;
        } else if let Ok(n) = word.parse::<usize>() {
            if n == 0 || n > MAX_COUNT {
                return Err(format!("a quiz has 1 to {MAX_COUNT} questions, not {n}"));
            }
            request.count = Some(n);
        } else if let Some(t) = learn::Topic::from_word(word) {
            request.filter.topics.push(t);
        } else {
            // a region may be written in two words: `upper limb`
            let two = words.get(i + 1).map(|next| format!("{word} {next}"));
            if let Some(r) = two.and_then(|w| learn::region_named(atlas, &w).ok()) {
                request.filter.region = Some(r);
                i += 1;
            } else {
                match learn::region_named(atlas, word) {
                    Ok(r) => request.filter.region = Some(r),
                    Err(region_error) => {
                        return Err(match learn::topic_named(word) {
                            Err(
                                e @ learn::LearnError::UnknownTopic {
                                    suggestion: Some(_),
                                    ..
                                },
                            ) => e.to_string(),
                            _ => format!(
                                "`{word}` is not a region, a topic or a number: {region_error}; the topics are {}",
                                learn::Topic::ALL.map(|t| t.word()).join(", ")
                            ),
                        });
                    }
                }
            }
        }
        i += 1;
    }
    Ok(request)
}

impl Session {
    /// Whether a quiz waits for an answer.
    pub fn in_quiz(&self) -> bool {
        self.quiz.is_some()
    }

    /// The prompt to read the next line after.
    pub fn prompt(&self) -> &'static str {
        if self.in_quiz() {
            ANSWER_PROMPT
        } else {
            super::PROMPT
        }
    }

    /// `quiz …`: starts a quiz, or a review of what is due.
    pub(super) fn start_quiz(&mut self, words: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        let request = match parse_request(&self.atlas, words) {
            Ok(r) => r,
            Err(e) => return self.error(&e, out),
        };
        self.store.load(out)?;
        let generator = Generator::new(&self.atlas);
        let questions: Vec<Question> = if request.review {
            let now = (self.store.clock)();
            self.store
                .progress
                .due(now)
                .into_iter()
                .filter_map(|key| generator.by_key(key))
                .filter(|q| {
                    request.filter.admits_topic(q.topic) && request.filter.admits_region(q.region)
                })
                .take(request.count.unwrap_or(MAX_COUNT))
                .collect()
        } else {
            let seed = request.seed.unwrap_or_else(|| now().unsigned_abs());
            // questions never answered, or due again, before those answered lately
            let now = (self.store.clock)();
            let cards = &self.store.progress.cards;
            let fresh = |key: &str| cards.get(key).is_none_or(|c| c.is_due(now));
            generator.quiz_preferring(
                &request.filter,
                request.count.unwrap_or(DEFAULT_COUNT),
                seed,
                &fresh,
            )
        };
        if questions.is_empty() {
            if request.review {
                writeln!(out, "Nothing is due for review{}.", self.next_due())?;
                return Ok(Outcome::Done);
            }
            return self.error("no questions fit: try another region or topic", out);
        }
        writeln!(
            out,
            "{} of {}: type the answer (names separated by commas), `pass` to see it, `stop` to end.",
            if request.review { "Review" } else { "Quiz" },
            crate::term::counted(questions.len(), "question")
        )?;
        self.quiz = Some(Running {
            questions,
            at: 0,
            tally: [0; 3],
            review: request.review,
        });
        self.ask(out)?;
        Ok(Outcome::Done)
    }

    fn ask(&self, out: &mut dyn Write) -> io::Result<()> {
        let Some(run) = &self.quiz else {
            return Ok(());
        };
        let Some(q) = run.questions.get(run.at) else {
            return Ok(());
        };
        let region = q
            .region
            .map(|r| format!(", {}", self.atlas.node(r).name.to_lowercase()))
            .unwrap_or_default();
        writeln!(
            out,
            "\nQuestion {} of {} ({}{region})\n{}",
            run.at + 1,
            run.questions.len(),
            q.topic,
            q.text
        )
    }

    /// A line typed while a quiz runs: an answer, `pass`, or `stop`.
    pub(super) fn quiz_answer(&mut self, line: &str, out: &mut dyn Write) -> io::Result<Outcome> {
        let typed = line.trim();
        if matches!(typed, "stop" | ":stop" | ":quit" | ":q") {
            writeln!(out, "Quiz stopped.")?;
            self.finish(out)?;
            return Ok(Outcome::Done);
        }
        let Some(q) = self
            .quiz
            .as_ref()
            .and_then(|r| r.questions.get(r.at))
            .cloned()
        else {
            self.quiz = None;
            return Ok(Outcome::Done);
        };
        let grade = if matches!(typed, "pass" | "?") {
            learn::grade(&self.atlas, &q, "")
        } else {
            learn::grade(&self.atlas, &q, typed)
        };
        self.feedback(&q, &grade, out)?;
        self.store.record(&q.key, grade.verdict, out)?;
        if let Some(run) = &mut self.quiz {
            run.tally[grade.verdict as usize] += 1;
            run.at += 1;
            if run.at < run.questions.len() {
                self.ask(out)?;
                return Ok(Outcome::Done);
            }
        }
        self.finish(out)?;
        Ok(Outcome::Done)
    }

    fn feedback(&self, q: &Question, grade: &Grade, out: &mut dyn Write) -> io::Result<()> {
        let names = |nodes: &[fascia::graph::StructureId]| {
            nodes
                .iter()
                .map(|n| self.atlas.node(*n).name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match grade.verdict {
            Verdict::Right => writeln!(out, "Right: {}.", q.answer_names(&self.atlas))?,
            Verdict::Partly => writeln!(
                out,
                "Partly right: {} of {}. The answer: {}.",
                grade.named.len(),
                q.answer.len(),
                q.answer_names(&self.atlas)
            )?,
            Verdict::Wrong => writeln!(out, "Wrong. The answer: {}.", q.answer_names(&self.atlas))?,
        }
        if grade.verdict != Verdict::Right {
            if !grade.missing.is_empty() && !grade.named.is_empty() {
                writeln!(out, "  missing: {}", names(&grade.missing))?;
            }
            if !grade.extra.is_empty() {
                writeln!(out, "  not in the answer: {}", names(&grade.extra))?;
            }
            if !grade.unknown.is_empty() {
                let unknown: Vec<String> = grade.unknown.iter().map(|u| format!("`{u}`")).collect();
                writeln!(out, "  not a name asked for: {}", unknown.join(", "))?;
            }
        }
        writeln!(out, "  query: {}", q.query)?;
        writeln!(
            out,
            "  sources: {}",
            learn::paper::source_ids(&self.atlas, &q.sources)
        )
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let Some(run) = self.quiz.take() else {
            return Ok(());
        };
        let [right, partly, wrong] = run.tally;
        let now = (self.store.clock)();
        let due = self.store.progress.due(now).len();
        writeln!(
            out,
            "\n{} done: {right} right, {partly} partly right, {wrong} wrong.",
            if run.review { "Review" } else { "Quiz" }
        )?;
        if due > 0 {
            writeln!(
                out,
                "{due} question{} due for review now: `quiz review`.",
                if due == 1 { " is" } else { "s are" }
            )?;
        } else {
            writeln!(out, "Nothing is due for review{}.", self.next_due())?;
        }
        if let Some(why) = &self.store.unsaved {
            writeln!(out, "{why}")?;
        }
        Ok(())
    }

    /// `; the next question falls due in 3 days`, or nothing.
    fn next_due(&self) -> String {
        let now = (self.store.clock)();
        match self.store.progress.next_due(now) {
            Some(at) => {
                let hours = (at - now + 3599) / 3600;
                if hours < 48 {
                    format!("; the next question falls due in {hours} hours")
                } else {
                    format!("; the next question falls due in {} days", hours / 24)
                }
            }
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run_line;
    use super::*;
    use fascia::output::Format;

    fn session(path: Option<PathBuf>) -> Session {
        let atlas = fascia::bundled().expect("the bundled data loads");
        let mut s = Session::new(atlas, Format::Text, false);
        s.store = Store::new(path);
        s.store.clock = || 1_800_000_000;
        s
    }

    #[test]
    fn requests_are_read_in_any_order() {
        let atlas = fascia::bundled().unwrap();
        let upper = learn::region_named(&atlas, "upper-limb").unwrap();
        let r = parse_request(&atlas, "innervation upper limb 5 seed 9").unwrap();
        assert_eq!(r.filter.region, Some(upper));
        assert_eq!(r.filter.topics, vec![learn::Topic::Innervation]);
        assert_eq!((r.count, r.seed, r.review), (Some(5), Some(9), false));
        assert!(parse_request(&atlas, "review").unwrap().review);
        assert_eq!(
            parse_request(&atlas, "inervation").unwrap_err(),
            "unknown topic `inervation` (did you mean `innervation`?); the topics are innervation, roots, origin, insertion, supply, action, continuation, branches, contents, lesion, localize"
        );
        assert!(parse_request(&atlas, "0").is_err());
        assert!(parse_request(&atlas, "seed x").is_err());
    }

    #[test]
    fn a_quiz_grades_saves_and_brings_the_wrong_answer_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quiz.json");
        let mut s = session(Some(path.clone()));
        let (outcome, text) = run_line(&mut s, "quiz innervation lower-limb 2 seed 4");
        assert_eq!(outcome, Outcome::Done, "{text}");
        assert!(s.in_quiz() && s.prompt() == ANSWER_PROMPT);
        let questions = s.quiz.as_ref().unwrap().questions.clone();
        let right = questions[0].answer_names(&s.atlas);
        let (_, text) = run_line(&mut s, &right);
        assert!(text.starts_with(&format!("Right: {right}.")), "{text}");
        let (_, text) = run_line(&mut s, "pass");
        assert!(text.starts_with("Wrong. The answer: "), "{text}");
        assert!(
            text.contains("Quiz done: 1 right, 0 partly right, 1 wrong."),
            "{text}"
        );
        assert!(!s.in_quiz());
        // saved: a new session reads it and reviews the wrong one
        let saved = Progress::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(saved.cards.len(), 2);
        let mut again = session(Some(path.clone()));
        let (_, text) = run_line(&mut again, "quiz review");
        assert!(text.starts_with("Review of 1 question"), "{text}");
        assert!(text.contains(&questions[1].text), "{text}");
        run_line(&mut again, "stop");
        // the same quiz again: what was answered right is not due, and others come first
        run_line(&mut again, "quiz innervation lower-limb 2 seed 4");
        let asked = again.quiz.as_ref().unwrap().questions.clone();
        assert!(asked.iter().all(|q| q.key != questions[0].key), "{asked:?}");
    }

    #[test]
    fn a_directory_in_the_way_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(Some(dir.path().to_path_buf()));
        let (_, text) = run_line(&mut s, "quiz roots 1 seed 1");
        assert!(
            text.contains(": not a regular file; it is left as it is"),
            "{text}"
        );
        let (_, text) = run_line(&mut s, "pass");
        assert!(
            text.contains("Quiz done: 0 right, 0 partly right, 1 wrong."),
            "{text}"
        );
        assert!(dir.path().is_dir());
    }

    #[test]
    fn an_unreadable_progress_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quiz.json");
        std::fs::write(&path, "my own notes\n").unwrap();
        let mut s = session(Some(path.clone()));
        let (_, text) = run_line(&mut s, "quiz roots 1 seed 1");
        assert!(text.starts_with("warning: quiz progress "), "{text}");
        assert!(text.contains("it is left as it is"), "{text}");
        run_line(&mut s, "pass");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own notes\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

/// The README's transcript of a quiz is what the shell prints, answer by answer.
#[cfg(test)]
mod readme {
    use super::super::{Outcome, PROMPT};
    use super::*;
    use fascia::output::Format;

    const OPENING: &str = "```text\nfascia> quiz";

    /// Replays the lines typed in `block` and returns the transcript the shell makes.
    fn replay(block: &str) -> String {
        let atlas = fascia::bundled().expect("the bundled data loads");
        let mut s = Session::new(atlas, Format::Text, false);
        s.store.clock = || 1_800_000_000;
        let mut transcript = String::new();
        for line in block.lines() {
            let typed = line
                .strip_prefix(PROMPT)
                .or_else(|| line.strip_prefix(ANSWER_PROMPT));
            let Some(typed) = typed else { continue };
            transcript.push_str(s.prompt());
            transcript.push_str(typed);
            transcript.push('\n');
            let mut out = Vec::new();
            let outcome = s.handle_all(typed, &mut out).expect("written");
            assert_ne!(outcome, Outcome::Failed, "{typed}");
            transcript.push_str(&String::from_utf8(out).expect("UTF-8"));
        }
        transcript
    }

    #[test]
    fn the_readme_transcript_is_real() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let readme = std::fs::read_to_string(&path).expect("README.md");
        let start = readme.find(OPENING).expect("README shows a quiz") + "```text\n".len();
        let end = start + readme[start..].find("```\n").expect("the block ends");
        let shown = &readme[start..end];
        let real = replay(shown);
        // accepted as every README snapshot is (tests/readme/mod.rs): INSTA_UPDATE=always
        if std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always") {
            let blessed = format!("{}{real}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, blessed).expect("README.md written");
            return;
        }
        assert_eq!(
            shown, real,
            "INSTA_UPDATE=always cargo test --bin fascia readme rewrites the README's transcript"
        );
    }
}
