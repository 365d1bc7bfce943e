//! The line editor's helper: completion, hints, highlighting and continuation lines.

use super::META_COMMANDS;
use super::complete::{complete, hint};
use super::lex::{Class, lex};
use crate::statements::Splitter;
use crate::term::paint;
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
                // a run of bare words is one name, commas and all when that names
                // something (`biceps femoris, short head`), else up to the comma (the
                // lists of `localize`)
                let known = |j: usize| {
                    !atlas
                        .named(&normalize(&line[t.start..tokens[j].end]))
                        .is_empty()
                };
                let mut j = i;
                while j + 1 < tokens.len() && tokens[j + 1].class == Class::Name {
                    j += 1;
                }
                let mut with_commas = j;
                while with_commas + 2 < tokens.len()
                    && tokens[with_commas + 1].class == Class::Comma
                    && tokens[with_commas + 2].class == Class::Name
                {
                    with_commas += 2;
                    while with_commas + 1 < tokens.len()
                        && tokens[with_commas + 1].class == Class::Name
                    {
                        with_commas += 1;
                    }
                }
                if with_commas > j && known(with_commas) {
                    j = with_commas;
                }
                if known(j) {
                    styled.push((t.start, tokens[j].end, NAME_STYLE));
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

/// Whether what was entered is finished, or a statement goes on at the next line: an
/// open parenthesis or quote, a last `and`, `or`, `not`, `except` or comma (as
/// [`crate::statements`] reads scripts).
pub(super) fn is_complete(input: &str) -> bool {
    let head = input.trim_start();
    let command = head.split(char::is_whitespace).next().unwrap_or("");
    if command.starts_with(':') || command == "help" {
        return true;
    }
    let mut splitter = Splitter::new();
    for line in input.split('\n') {
        splitter.push_line(line);
    }
    !splitter.is_open()
}

/// Every line is accepted as it is entered: rustyline would draw the next line of an
/// unfinished statement without a prompt, so the shell reads it itself, after
/// [`super::CONTINUATION`] (see [`is_complete`]).
impl Validator for LineHelper {
    fn validate(&self, _ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        Ok(ValidationResult::Valid(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repl::Session;
    use crate::repl::tests::mini;
    use crate::term::strip_ansi;
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
        // a name with a comma is one name; names in a list are each a name
        assert!(
            highlight(&atlas, "show biceps femoris, short head").contains(&paint(
                &NAME_STYLE,
                "biceps femoris, short head",
                true
            ))
        );
        let list = highlight(&atlas, "localize weak soleus, tibialis anterior");
        assert!(list.contains(&paint(&NAME_STYLE, "soleus", true)), "{list}");
        assert!(
            list.contains(&paint(&NAME_STYLE, "tibialis anterior", true)),
            "{list}"
        );
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
        assert!(!is_complete("muscles innervated-by tibial or"));
        assert!(!is_complete("path soleus to sciatic via branch-of,"));
        assert!(is_complete("muscles innervated-by tibial or\nnerves"));
        assert!(is_complete("show o'brien"));
    }
}
