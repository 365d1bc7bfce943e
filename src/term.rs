//! What the command line, the REPL and the timings share: exit codes, the error that
//! stops a run, the terminal's width, and the drawing of errors in colour.

use anstyle::{AnsiColor, Style};
use std::io;

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

/// Colours a rendered error (see `QueryError::render`): the `error:` word, the gutter,
/// the carets and the help marks. Plain text passes through unchanged.
pub fn paint_error(rendered: &str, color: bool) -> String {
    if !color {
        return rendered.to_string();
    }
    let mut lines = Vec::new();
    for (i, line) in rendered.lines().enumerate() {
        let drawn = if i == 0 {
            match line.strip_prefix("error:") {
                Some(rest) => format!(
                    "{}{}",
                    paint(&RED, "error:", true),
                    paint(&BOLD, rest, true)
                ),
                None => line.to_string(),
            }
        } else if let Some(rest) = line.strip_prefix("  | ") {
            let carets = !rest.trim().is_empty() && rest.chars().all(|c| c == ' ' || c == '^');
            let rest = if carets {
                paint(&RED, rest, true)
            } else {
                rest.to_string()
            };
            format!("  {} {rest}", paint(&BLUE, "|", true))
        } else if let Some(rest) = line.strip_prefix("  = ") {
            format!("  {} {rest}", paint(&BLUE, "=", true))
        } else {
            line.to_string()
        };
        lines.push(drawn);
    }
    lines.join("\n")
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
    fn plain_errors_pass_through_and_coloured_ones_keep_their_text() {
        let rendered = "error: unknown name `x`\n  | show x\n  |      ^\n  = did you mean `y`?";
        assert_eq!(paint_error(rendered, false), rendered);
        let coloured = paint_error(rendered, true);
        assert!(coloured.contains("\u{1b}["));
        let stripped: String = strip_ansi(&coloured);
        assert_eq!(stripped, rendered);
    }
}
