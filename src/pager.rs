//! Long answers on a terminal go through a pager: `$PAGER`, else `less -FRX` when it is
//! installed, else straight to the terminal. A table's header stays in view: `less`
//! from version 600 keeps it with `--header=1`; for any other pager it is repeated at
//! the top of every screenful.

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};

/// The pager when `PAGER` is not set.
const DEFAULT: &str = "less";
const DEFAULT_ARGS: &[&str] = &["-FRX"];
/// The first version of `less` with `--header`.
const LESS_HEADER_VERSION: u32 = 600;

/// How to page: the command, and whether it keeps a header itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    program: String,
    args: Vec<String>,
    /// `less --header=1` keeps the header in view; otherwise it is repeated.
    keeps_header: bool,
}

impl Pager {
    /// The pager `PAGER` names, its words split at spaces (`None` when it is set but
    /// empty: no pager), else the default.
    pub fn from_env() -> Option<Pager> {
        let (program, args) = match std::env::var("PAGER") {
            Ok(command) => {
                let mut words = command.split_whitespace().map(str::to_string);
                (words.next()?, words.collect())
            }
            Err(_) => (
                DEFAULT.to_string(),
                DEFAULT_ARGS.iter().map(|a| a.to_string()).collect(),
            ),
        };
        let is_less = std::path::Path::new(&program)
            .file_name()
            .is_some_and(|name| name == "less");
        let keeps_header = is_less && less_has_header(&program);
        Some(Pager {
            program,
            args,
            keeps_header,
        })
    }

    fn command(&self, header: bool) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args).stdin(Stdio::piped());
        if header && self.keeps_header {
            cmd.arg("--header=1");
        }
        cmd
    }

    /// Shows `text` on a terminal of `height` rows and `width` columns: through the
    /// pager when it is taller than the screen, else (or when the pager cannot be
    /// started) written to `out`. `header` is the first line of a table.
    pub fn show(
        &self,
        text: &[u8],
        header: bool,
        height: usize,
        width: Option<usize>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if rows(text, width) < height {
            return out.write_all(text);
        }
        let paged = if header && !self.keeps_header {
            repeat_header(text, height)
        } else {
            text.to_vec()
        };
        out.flush()?;
        let Ok(child) = self.command(header).spawn() else {
            return out.write_all(text);
        };
        // a pager that started but failed (`PAGER=false`, a wrapper that cannot find
        // its program) showed nothing: the answer is written here instead of lost
        if !wait_for(child, &paged)? {
            return out.write_all(text);
        }
        Ok(())
    }
}

/// Writes to the pager and waits for it; a pager left before the end (`q` in less) is
/// no error. Whether the pager succeeded.
fn wait_for(mut child: Child, text: &[u8]) -> io::Result<bool> {
    crate::signals::paging(true);
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                crate::signals::paging(false);
                let _ = child.wait();
                return Err(e);
            }
            _ => {}
        }
    }
    let status = child.wait();
    crate::signals::paging(false);
    status.map(|s| s.success())
}

/// Whether this `less` takes `--header` (`less --version` says `less 643 …`).
fn less_has_header(program: &str) -> bool {
    let Ok(output) = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
    else {
        return false;
    };
    less_version(&String::from_utf8_lossy(&output.stdout)).is_some_and(|v| v >= LESS_HEADER_VERSION)
}

/// The version number in `less --version`'s first line.
fn less_version(text: &str) -> Option<u32> {
    let rest = text.lines().next()?.strip_prefix("less ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The rows `text` takes on a terminal `width` columns wide (long lines wrap).
fn rows(text: &[u8], width: Option<usize>) -> usize {
    let text = String::from_utf8_lossy(text);
    text.lines()
        .map(|line| match width {
            Some(w) if w > 0 => line.chars().count().div_ceil(w).max(1),
            _ => 1,
        })
        .sum()
}

/// The table with its header (its first line) again at the top of each screenful of a
/// pager that shows `height - 1` lines and its prompt.
fn repeat_header(text: &[u8], height: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    let mut lines = text.split_inclusive('\n');
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let per_screen = height.saturating_sub(2).max(1);
    let mut out = String::with_capacity(text.len() * 2);
    out.push_str(header);
    for (i, line) in lines.enumerate() {
        if i > 0 && i % per_screen == 0 {
            out.push_str(header);
        }
        out.push_str(line);
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_heads_every_screenful() {
        let table = "name\na\nb\nc\nd\ne\n(5)\n";
        // 4 rows: 3 lines and the pager's prompt, so a header and two rows a screen
        assert_eq!(
            String::from_utf8(repeat_header(table.as_bytes(), 4)).unwrap(),
            "name\na\nb\nname\nc\nd\nname\ne\n(5)\n"
        );
        assert_eq!(
            String::from_utf8(repeat_header(table.as_bytes(), 100)).unwrap(),
            table
        );
    }

    #[test]
    fn rows_count_wrapped_lines() {
        assert_eq!(rows(b"ab\n\ncdefg\n", None), 3);
        assert_eq!(rows(b"ab\n\ncdefg\n", Some(2)), 1 + 1 + 3);
    }

    #[test]
    fn less_versions_are_read() {
        assert_eq!(
            less_version("less 590 (GNU regular expressions)\nCopyright"),
            Some(590)
        );
        assert_eq!(less_version("less 643x"), Some(643));
        assert_eq!(less_version("more from util-linux"), None);
    }

    #[test]
    fn a_short_answer_is_written_directly_and_a_missing_pager_is_no_error() {
        let pager = Pager {
            program: "/nonexistent/pager".to_string(),
            args: Vec::new(),
            keeps_header: false,
        };
        let mut out = Vec::new();
        pager
            .show(b"one\ntwo\n", true, 24, Some(80), &mut out)
            .unwrap();
        assert_eq!(out, b"one\ntwo\n");
        let long = "x\n".repeat(30);
        let mut out = Vec::new();
        pager
            .show(long.as_bytes(), true, 24, Some(80), &mut out)
            .unwrap();
        assert_eq!(out, long.as_bytes());
        // one that starts and fails shows nothing: the answer comes here
        let failing = Pager {
            program: "false".to_string(),
            args: Vec::new(),
            keeps_header: false,
        };
        let mut out = Vec::new();
        failing
            .show(long.as_bytes(), false, 24, Some(80), &mut out)
            .unwrap();
        assert_eq!(out, long.as_bytes());
    }
}
