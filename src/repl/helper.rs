//! The line editor's helper: completion, hints, highlighting and continuation lines.

use super::META_COMMANDS;
use super::complete::{complete, hint};
use super::lex::{Class, lex};
use crate::terminal::paint;
use anstyle::{AnsiColor, Style};
use fascia::Atlas;
use fascia::graph::normalize;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::rc::Rc;

/// Completion, hints, highlighting and continuation lines for rustyline.
#[derive(Helper)]
pub(super) struct LineHelper {
    atlas: Rc<Atlas>,
    color: bool,
    files: FilenameCompleter,
}

impl LineHelper {
    pub(super) fn new(atlas: Rc<Atlas>, color: bool) -> LineHelper {
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
    use crate::repl::Session;
    use crate::repl::tests::mini;
    use crate::terminal::strip_ansi;
    use fascia::output::Format;

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
