//! Splitting input into statements, as the command line (`-e`, `-f`, standard input) and
//! the REPL read it: a newline or a `;` ends a statement, unless it is inside a quoted
//! name or an open parenthesis, or follows `and`, `or`, `not`, `except` or a comma,
//! which continue the statement on the next line. `#`
//! starts a comment; a byte-order mark, carriage returns and a pasted `> ` prompt are
//! dropped.

/// One statement and the line (1-based) of its input where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub text: String,
    pub line: usize,
}

/// Reads lines one at a time and yields each statement as soon as it is complete, so a
/// program can feed queries on standard input and read each answer before the next.
#[derive(Debug, Default)]
pub struct Splitter {
    /// The statement being read.
    text: String,
    /// Its first line.
    start: usize,
    /// Lines read so far.
    lines: usize,
    /// Parentheses open in `text`.
    depth: usize,
    /// The quote open in `text`, if any.
    quote: Option<char>,
}

impl Splitter {
    pub fn new() -> Splitter {
        Splitter::default()
    }

    /// Whether a statement is open: an unclosed parenthesis or quote awaits more lines.
    pub fn is_open(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// Reads one line (without its newline) and returns the statements it completes.
    pub fn push_line(&mut self, line: &str) -> Vec<Statement> {
        self.lines += 1;
        let mut line = line.strip_suffix('\r').unwrap_or(line);
        if self.lines == 1 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        let mut done = Vec::new();
        let mut rest = line;
        if self.is_open() {
            // a continuation line's indentation is not part of the statement
            rest = rest.trim_start();
        } else {
            rest = strip_prompt(rest);
        }
        let mut prev: Option<char> = None;
        let mut start_of_statement = !self.is_open();
        let mut taken = 0;
        for (i, c) in rest.char_indices() {
            if start_of_statement && !c.is_whitespace() {
                start_of_statement = false;
                self.start = self.lines;
            }
            match self.quote {
                Some(q) if c == q => self.quote = None,
                Some(_) => {}
                None => match c {
                    '"' => self.quote = Some(c),
                    '\'' if !prev.is_some_and(is_word_char) => self.quote = Some(c),
                    '(' => self.depth += 1,
                    ')' => self.depth = self.depth.saturating_sub(1),
                    '#' => {
                        // a comment: the rest of the line is not part of the statement
                        self.text.push_str(&rest[taken..i]);
                        taken = rest.len();
                        break;
                    }
                    ';' if self.depth == 0 => {
                        self.text.push_str(&rest[taken..i]);
                        taken = i + 1;
                        done.extend(self.take());
                        start_of_statement = true;
                        prev = None;
                        continue;
                    }
                    _ => {}
                },
            }
            prev = Some(c);
        }
        self.text.push_str(&rest[taken.min(rest.len())..]);
        if self.quote.is_none() && self.depth == 0 && !ends_in_operator(&self.text) {
            done.extend(self.take());
        } else {
            // the statement goes on: the line break reads as a space
            self.text.push(' ');
        }
        done
    }

    /// Ends the input: the statement left open (an unclosed parenthesis or quote, a
    /// last operator), for the parser to report.
    pub fn finish(&mut self) -> Option<Statement> {
        self.depth = 0;
        self.quote = None;
        self.take()
    }

    fn take(&mut self) -> Option<Statement> {
        let text = std::mem::take(&mut self.text);
        let text = text.trim();
        (!text.is_empty()).then(|| Statement {
            text: text.to_string(),
            line: self.start.max(1),
        })
    }
}

/// `help` or `help TOPIC` as a statement: the topic (empty for the overview).
pub fn help_topic(text: &str) -> Option<&str> {
    let rest = text.trim().strip_prefix("help")?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// Every statement of `text`, complete or not.
pub fn split(text: &str) -> Vec<Statement> {
    let mut splitter = Splitter::new();
    let mut all = Vec::new();
    for line in text.split('\n') {
        all.extend(splitter.push_line(line));
    }
    all.extend(splitter.finish());
    all
}

/// A line copied from the README or the REPL keeps its prompt: `> count muscles`,
/// `fascia> count muscles`.
fn strip_prompt(line: &str) -> &str {
    let trimmed = line.trim_start();
    for prompt in ["fascia> ", "> "] {
        if let Some(rest) = trimmed.strip_prefix(prompt) {
            return rest;
        }
    }
    if trimmed == ">" || trimmed == "fascia>" {
        return "";
    }
    line
}

/// Whether a statement so far ends in an operator that needs what follows (`muscles
/// innervated-by tibial and`) or a comma (`via innervated-by,`).
fn ends_in_operator(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with(',') {
        return true;
    }
    let last = text.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
    // the whole statement `not` or `and` is a name for the parser to look up
    last.len() < text.len()
        && ["and", "or", "not", "except"]
            .iter()
            .any(|op| last.eq_ignore_ascii_case(op))
}

/// The characters that continue a bare name (the grammar's `word_char`): a `'` after
/// one is part of the name (`o'brien`), not a quote.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        split(input).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn newlines_and_semicolons_end_statements() {
        assert_eq!(
            texts("count muscles\nshow soleus; show tibialis anterior;\n\n"),
            ["count muscles", "show soleus", "show tibialis anterior"]
        );
        assert_eq!(texts("count muscles;"), ["count muscles"]);
        assert_eq!(texts(" ; ;; "), Vec::<String>::new());
    }

    #[test]
    fn quotes_and_parentheses_hold_statements_together() {
        assert_eq!(
            texts("show \"a; b\"; count (muscles\n  or nerves)\ncount muscles"),
            [
                "show \"a; b\"",
                "count (muscles or nerves)",
                "count muscles"
            ]
        );
        // `;` inside parentheses is the parser's to report
        assert_eq!(
            texts("count (muscles; nerves)"),
            ["count (muscles; nerves)"]
        );
        // an apostrophe in a bare name opens no quote
        assert_eq!(
            texts("show o'brien; count nerves"),
            ["show o'brien", "count nerves"]
        );
        assert_eq!(texts("show 'it''s'; x"), ["show 'it''s'", "x"]);
        // an unclosed parenthesis at the end is still a statement, for the parser
        assert_eq!(texts("count (muscles"), ["count (muscles"]);
    }

    #[test]
    fn a_last_operator_or_comma_continues_the_statement() {
        assert_eq!(
            texts("muscles innervated-by tibial AND\n  located-in x\ncount nerves"),
            [
                "muscles innervated-by tibial AND located-in x",
                "count nerves"
            ]
        );
        assert_eq!(
            texts("path a to b via innervated-by,\nbranch-of"),
            ["path a to b via innervated-by, branch-of"]
        );
        // a word that only ends in an operator's letters, and an operator alone
        assert_eq!(
            texts("show tendon\nshow hand\nand"),
            ["show tendon", "show hand", "and"]
        );
        assert_eq!(texts("count muscles or"), ["count muscles or"]);
    }

    #[test]
    fn comments_prompts_bom_and_crlf_are_dropped() {
        assert_eq!(
            texts("\u{feff}count muscles\r\n# a comment\r\nshow soleus # the calf\r\n"),
            ["count muscles", "show soleus"]
        );
        assert_eq!(
            texts("> count muscles\nfascia> show \"#1\"\n>\n  > count nerves"),
            ["count muscles", "show \"#1\"", "count nerves"]
        );
        // a `>` inside a statement is not a prompt
        assert_eq!(texts("count (muscles\n> x)"), ["count (muscles > x)"]);
    }

    #[test]
    fn statements_know_their_first_line() {
        let lines: Vec<usize> = split("a\n\n(b\nc)\nd; e").iter().map(|s| s.line).collect();
        assert_eq!(lines, [1, 3, 5, 5]);
    }

    #[test]
    fn lines_are_answered_as_they_complete() {
        let mut s = Splitter::new();
        assert_eq!(s.push_line("count (muscles"), []);
        assert!(s.is_open());
        let done = s.push_line("or nerves); count nerves");
        assert_eq!(done.len(), 2);
        assert!(!s.is_open());
        assert_eq!(s.finish(), None);
    }
}
