//! What the command line, the REPL and the timings share: exit codes, the error that
//! stops a run, the terminal's width, and the drawing of errors in colour.

use anstyle::{AnsiColor, Style};
use fascia::Report;
use std::io;

/// `n` and the noun, plural unless `n` is one: "1 fact", "2 facts". The digits are
/// not grouped: scripts read them.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Every query answered.
pub const SUCCESS: u8 = 0;
/// At least one query failed (parse, resolution or type error); the others still ran.
pub const QUERY_FAILED: u8 = 1;
/// Bad arguments, unreadable input, or data that does not load.
pub const FATAL: u8 = 2;

/// What stops a run before or between queries. Query errors are not here: they are
/// reported as they happen and only change the exit status.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Usage(String),
    #[error("{context}: {source}")]
    Io { context: String, source: io::Error },
    /// Writing answers failed; a closed pipe lands here and is not reported.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
}

impl Error {
    /// `fascia -e muscles | head -1`: the reader left, which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// The width of the terminal on standard output, if it is one.
pub fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// The height of the terminal on standard output, if it is one.
pub fn terminal_height() -> Option<usize> {
    terminal_size::terminal_size().map(|(_, h)| usize::from(h.0))
}

pub const BOLD: Style = Style::new().bold();
const RED: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const BLUE: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));

/// `text` in `style`, or plain.
pub fn paint(style: &Style, text: &str, color: bool) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// Draws an error: the `error:` word in red and its message in bold, the query's line
/// behind a blue gutter with red carets under the part at fault, and the help lines.
/// Without colour it is the report's plain text.
pub fn draw_error(report: &Report, color: bool) -> String {
    if !color {
        return report.to_string();
    }
    // a message of several lines (data problems) is bold on its first line only
    let (headline, rest) = match report.message.split_once('\n') {
        Some((first, rest)) => (first, Some(rest)),
        None => (report.message.as_str(), None),
    };
    let mut out = format!(
        "{} {}",
        paint(&RED, "error:", true),
        paint(&BOLD, headline, true)
    );
    if let Some(rest) = rest {
        out.push('\n');
        out.push_str(rest);
    }
    let gutter = |mark: &str| format!("\n  {} ", paint(&BLUE, mark, true));
    if let Some(e) = &report.excerpt {
        out.push_str(&gutter("|"));
        out.push_str(&e.line);
        out.push_str(&gutter("|"));
        out.push_str(&" ".repeat(e.column));
        out.push_str(&paint(&RED, &"^".repeat(e.width), true));
    }
    for line in &report.help {
        out.push_str(&gutter("="));
        out.push_str(line);
    }
    out
}

/// A failed query as a JSON `error` object: `{"message", "query", "column", "width",
/// "help"}`. `query` is null for a line that could not be read; `column` (from 1, in
/// characters of the query's line) and `width` say where the error is, when it is at a
/// place; `help`, the lines shown under the error, only when there are some.
pub fn json_error(query: Option<&str>, message: &str, report: &Report) -> serde_json::Value {
    let mut error = serde_json::json!({ "message": message, "query": query });
    if let Some(e) = &report.excerpt {
        error["column"] = serde_json::json!(e.column + 1);
        error["width"] = serde_json::json!(e.width);
    }
    if !report.help.is_empty() {
        error["help"] = serde_json::json!(report.help);
    }
    error
}

/// Text without its ANSI colour codes, for tests that compare coloured output.
#[cfg(test)]
pub(crate) fn strip_ansi(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "fact"), "1 fact");
        assert_eq!(counted(0, "fact"), "0 facts");
        assert_eq!(counted(4665, "structure"), "4665 structures");
    }

    #[test]
    fn plain_errors_are_the_report_and_coloured_ones_keep_its_text() {
        let report = Report {
            message: "unknown name `x`".to_string(),
            excerpt: Some(fascia::error::Excerpt {
                line: "show x".to_string(),
                column: 5,
                width: 1,
            }),
            help: vec!["did you mean `y`?".to_string()],
        };
        let plain = "error: unknown name `x`\n  | show x\n  |      ^\n  = did you mean `y`?";
        assert_eq!(draw_error(&report, false), plain);
        let coloured = draw_error(&report, true);
        assert!(coloured.contains("\u{1b}["));
        assert_eq!(strip_ansi(&coloured), plain);
        let data = Report::plain("data does not load:\na.toml:1:1: bad");
        assert_eq!(strip_ansi(&draw_error(&data, true)), data.to_string());
    }
}
