//! Text fitted to a terminal's width: a line that is too long breaks at spaces, never
//! inside a word, and its continuation lines hang under its text (after its indentation
//! and a list mark such as `- `, `= ` or `1. `). Colour codes take no columns. A query
//! shown in an error (`  | …` and the carets under it) is left as it is, so the carets
//! stay under the part they mark.

/// `text` with every line at most `width` columns where its words allow.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        fit_line(line, width, &mut out);
    }
    out
}

/// The columns a piece of text takes on the screen: its characters less colour codes.
pub fn columns(text: &str) -> usize {
    let mut n = 0;
    let mut escape = false;
    for c in text.chars() {
        match (escape, c) {
            (false, '\u{1b}') => escape = true,
            (true, 'm') => escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

fn fit_line(line: &str, width: usize, out: &mut String) {
    let plain = strip(line);
    if columns(line) <= width || width < 20 || plain.trim_start().starts_with("| ") {
        out.push_str(line);
        return;
    }
    let hang = " ".repeat(hanging(&plain).min(width / 2));
    let mut rest = line;
    let mut first = true;
    while !rest.is_empty() {
        let room = if first {
            width
        } else {
            width - hang.chars().count()
        };
        let (head, tail) = split_at_room(rest, room);
        if !first {
            out.push('\n');
            out.push_str(&hang);
        }
        out.push_str(head.trim_end());
        rest = tail.trim_start_matches(' ');
        first = false;
    }
}

/// The longest start of `text` that fits `room` columns and ends before a space, and
/// the rest; a first word longer than `room` is kept whole.
fn split_at_room(text: &str, room: usize) -> (&str, &str) {
    if columns(text) <= room {
        return (text, "");
    }
    let mut used = 0;
    let mut escape = false;
    let mut last_space = None;
    for (i, c) in text.char_indices() {
        match (escape, c) {
            (false, '\u{1b}') => escape = true,
            (true, 'm') => escape = false,
            (true, _) => {}
            (false, _) => {
                if c == ' ' && used > 0 && !text[..i].trim().is_empty() {
                    last_space = Some(i);
                }
                used += 1;
                if used > room {
                    break;
                }
            }
        }
    }
    match last_space {
        Some(i) => (&text[..i], &text[i..]),
        // no space within the room: the word runs on to its end
        None => match text
            .char_indices()
            .skip(1)
            .find(|(i, c)| *c == ' ' && !text[..*i].trim().is_empty())
        {
            Some((i, _)) => (&text[..i], &text[i..]),
            None => (text, ""),
        },
    }
}

/// Where a line's continuation starts: under its text, after its indentation and any
/// list mark (`- `, `= `, `* `, `1. `, `1= `).
fn hanging(plain: &str) -> usize {
    let indent = plain.len() - plain.trim_start().len();
    let body = &plain[indent..];
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let mark = if ["- ", "= ", "* "].iter().any(|m| body.starts_with(m)) {
        2
    } else if digits > 0 && body[digits..].starts_with(['.', '=']) {
        let after = &body[digits + 1..];
        digits + 1 + (after.len() - after.trim_start().len())
    } else if body.starts_with("error: ") {
        7
    } else {
        2
    };
    indent + mark
}

fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut escape = false;
    for c in text.chars() {
        match (escape, c) {
            (false, '\u{1b}') => escape = true,
            (true, 'm') => escape = false,
            (true, _) => {}
            (false, _) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_stay_as_they_are() {
        let text = "Muscles (2)\n  Soleus         lost\n  Gastrocnemius  lost\n";
        assert_eq!(fit(text, 40), text);
    }

    #[test]
    fn long_lines_break_at_spaces_and_hang_under_their_text() {
        let line =
            "  spares what leaves above it: Triceps brachii, Posterior cutaneous nerve of arm";
        assert_eq!(
            fit(line, 40),
            "  spares what leaves above it: Triceps\n    brachii, Posterior cutaneous nerve\n    of arm"
        );
        assert_eq!(
            fit(
                "  = did you mean `soleus`, `solar plexus` or `sural nerve`?",
                30
            ),
            "  = did you mean `soleus`,\n    `solar plexus` or `sural\n    nerve`?"
        );
        assert_eq!(
            fit("1.  Deep fibular nerve (nerve)  score 0.88 explains", 30),
            "1.  Deep fibular nerve (nerve)\n    score 0.88 explains"
        );
    }

    #[test]
    fn no_word_is_split_and_no_line_is_wider_than_it_must_be() {
        let text =
            "error: unknown name `flexor-digiti-minimi-brevis-of-foot-and-more` in the query";
        let fitted = fit(text, 24);
        let words: Vec<&str> = fitted.split_whitespace().collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        for line in fitted.lines() {
            assert!(
                columns(line) <= 24 || !line.trim().contains(' '),
                "{line:?} in {fitted}"
            );
        }
    }

    #[test]
    fn a_query_under_an_error_keeps_its_carets() {
        let text = "  | muscles innervated-by tibail and something long enough to pass the width\n  |                       ^^^^^^";
        assert_eq!(fit(text, 30), text);
    }

    #[test]
    fn colour_codes_take_no_room() {
        let red = "\u{1b}[1;31merror:\u{1b}[0m";
        assert_eq!(columns(red), 6);
        let line = format!("{red} unknown name here");
        assert_eq!(fit(&line, 24), line);
    }
}
