//! One query from its text to rendered bytes, for the command line and the shell
//! alike: the work budget, the picture limit, the timing line, the renderer (Graphviz
//! within its limits) and the error report. Each shell then shows the result its way.

use fascia::Atlas;
use fascia::output::{Engine, Format, GraphvizStopped};
use fascia::query::{Answer, Budget, Query, QueryError, Report};
use std::io;
use std::time::Duration;

/// What every query runs under, read from the environment once by [`Config::from_env`].
#[derive(Debug, Clone)]
pub struct Config {
    /// Steps of work each query may take (`FASCIA_WORK_LIMIT`).
    pub work_limit: u64,
    /// The most structures one picture draws (`FASCIA_MAX_PICTURE`).
    pub max_picture: usize,
    /// Who lays SVG pictures out (`FASCIA_SVG`, `FASCIA_DOT_TIMEOUT`).
    pub engine: Engine,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            work_limit: fascia::query::budget::DEFAULT_WORK_LIMIT,
            max_picture: fascia::output::DEFAULT_MAX_PICTURE,
            engine: Engine::Auto,
        }
    }
}

/// The variable that sets how long Graphviz's `dot` may take (seconds).
pub const DOT_TIMEOUT_VAR: &str = "FASCIA_DOT_TIMEOUT";

impl Config {
    /// The settings from the environment; a value that is not one is a usage error
    /// naming the variable.
    pub fn from_env() -> Result<Config, String> {
        let work_limit = whole_number(fascia::query::budget::WORK_LIMIT_VAR, "steps")?
            .unwrap_or(fascia::query::budget::DEFAULT_WORK_LIMIT);
        let max_picture = whole_number(fascia::output::MAX_PICTURE_VAR, "structures")?
            .map_or(Ok(fascia::output::DEFAULT_MAX_PICTURE), usize::try_from)
            .map_err(|_| {
                format!(
                    "{} must be a positive whole number of structures",
                    fascia::output::MAX_PICTURE_VAR
                )
            })?;
        let timeout = whole_number(DOT_TIMEOUT_VAR, "seconds")?
            .map_or(fascia::output::DEFAULT_DOT_TIMEOUT, Duration::from_secs);
        let builtin = std::env::var("FASCIA_SVG").is_ok_and(|v| v == "builtin");
        let engine = if builtin {
            Engine::Builtin
        } else {
            Engine::Graphviz(fascia::output::Graphviz {
                timeout,
                cancel: None,
            })
        };
        Ok(Config {
            work_limit,
            max_picture,
            engine,
        })
    }
}

/// A positive whole number (`_` between digits allowed) from the variable `name`, if set.
pub fn whole_number(name: &str, unit: &str) -> Result<Option<u64>, String> {
    match std::env::var(name) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Ok(text) => fascia::query::budget::parse_limit(&text)
            .map(Some)
            .ok_or_else(|| {
                format!("{name} must be a positive whole number of {unit}, not `{text}`")
            }),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(format!("{name} must be a positive whole number of {unit}"))
        }
    }
}

/// A query answered and rendered.
pub struct Answered {
    pub query: Query,
    pub answer: Answer,
    /// The format it was rendered in (DOT for a query starting with `dot`).
    pub format: Format,
    pub rendered: Vec<u8>,
}

/// A query that failed: the error and its report, ready to draw.
pub struct Failed {
    pub error: QueryError,
    pub report: Report,
}

/// How one query is to be shown.
pub struct Show<'a> {
    pub format: Format,
    /// The terminal's width, for text answers.
    pub width: Option<usize>,
    /// `--timings` / `:timing on`: the query's evaluation time on stderr.
    pub timings: bool,
    pub engine: &'a Engine,
    pub max_picture: usize,
}

/// Runs `text` within `budget` and renders its answer; `Err`: the answer could not be
/// written (not the query's fault).
pub fn execute(
    atlas: &Atlas,
    text: &str,
    budget: &mut Budget,
    show: &Show<'_>,
) -> io::Result<Result<Answered, Failed>> {
    let start = std::time::Instant::now();
    let result = fascia::query::run_within(atlas, text, budget).and_then(|(q, a)| {
        if q.dot || show.format.is_picture() {
            fascia::output::check_picture_within(atlas, &a, show.max_picture)?;
        }
        Ok((q, a))
    });
    if show.timings {
        crate::timings::report_query(start.elapsed(), text);
    }
    let failed = |error: QueryError| {
        let report = crate::scope::report_error(atlas, &error, text);
        Ok(Err(Failed { error, report }))
    };
    let (query, answer) = match result {
        Ok(answered) => answered,
        Err(e) => return failed(e),
    };
    let format = if query.dot { Format::Dot } else { show.format };
    let mut rendered = Vec::new();
    let drawn = format.renderer_with(show.width, show.engine).render_query(
        atlas,
        &query,
        &answer,
        &mut rendered,
    );
    match drawn {
        Ok(()) => Ok(Ok(Answered {
            query,
            answer,
            format,
            rendered,
        })),
        Err(e) => match GraphvizStopped::of(&e) {
            Some(GraphvizStopped::Cancelled) => failed(QueryError::Cancelled),
            Some(GraphvizStopped::TimedOut(limit)) => failed(QueryError::DotTimeout {
                seconds: limit.as_secs(),
            }),
            None => Err(e),
        },
    }
}
