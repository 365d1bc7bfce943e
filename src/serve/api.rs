//! Routes: the explorer's page and files, and the JSON API under `/api/` (a public
//! contract, see README): `query`, `answer`, `svg`, `complete`, `show/ID`, `sites`,
//! `quiz` and `grade`.

use super::answers::{Engine, Outcome, cli_documents, entries};
use super::http::{CSS, HTML, JS, JSON, Request, Response, SVG};
use fascia::output::json::brief;
use fascia::output::{Render, Svg};
use fascia::query::Answer;
use serde_json::{Value, json};

/// The page and its files, in the binary so that it works offline.
const PAGE: &str = include_str!("page/index.html");
const STYLE: &str = include_str!("page/style.css");
const SCRIPT: &str = include_str!("page/app.js");
const ICON: &str = include_str!("page/icon.svg");

/// The most completions one answer gives.
const MAX_COMPLETIONS: usize = 40;
/// The most quiz questions one request draws.
const MAX_QUIZ: usize = 50;

/// Answers one request.
pub fn route(engine: &Engine, request: &Request) -> Response {
    let path = request.path.as_str();
    match path {
        "/" | "/index.html" => asset(HTML, PAGE),
        "/static/style.css" => asset(CSS, STYLE),
        "/static/app.js" => asset(JS, SCRIPT),
        "/favicon.ico" | "/static/icon.svg" => asset(SVG, ICON),
        "/api/query" => with_query(request, |q| query(engine, q)),
        "/api/answer" => with_query(request, |q| answer(engine, q)),
        "/api/svg" => with_query(request, |q| svg(engine, q)),
        "/api/complete" => complete(engine, request.param("q").unwrap_or("")),
        "/api/sites" => sites(engine),
        "/api/quiz" => quiz(engine, request),
        "/api/grade" => grade(engine, request),
        _ => match path.strip_prefix("/api/show/") {
            Some(id) => show(engine, id),
            None => Response::error(404, &format!("nothing at {}", shorten(path))),
        },
    }
}

fn asset(content_type: &'static str, text: &'static str) -> Response {
    let mut response = Response::new(200, content_type, text);
    response.cacheable = true;
    response
}

/// A path as an error may quote it: not all of a long one.
fn shorten(path: &str) -> String {
    match path.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &path[..i]),
        None => path.to_string(),
    }
}

fn with_query(request: &Request, answer: impl FnOnce(&str) -> Response) -> Response {
    match request.param("q") {
        Some(q) => answer(q),
        None => Response::error(400, "give the query as ?q=…"),
    }
}

/// `/api/query?q=…`: what `fascia -e '…' --format json` prints, 400 when a statement
/// failed (the command line's status 1).
fn query(engine: &Engine, text: &str) -> Response {
    let outcomes = match engine.run_all(text) {
        Ok(outcomes) => outcomes,
        Err(message) => return Response::error(400, &message),
    };
    let dot = matches!(outcomes.as_slice(),
        [Outcome::Answered { parsed, .. }] if parsed.dot);
    let content_type = if dot {
        "text/vnd.graphviz; charset=utf-8"
    } else {
        JSON
    };
    let documents = cli_documents(engine.atlas, &outcomes);
    Response::new(status_of(&outcomes), content_type, documents)
}

/// 400 when a statement failed (the command line's status 1), else 200.
fn status_of(outcomes: &[Outcome]) -> u16 {
    if outcomes.iter().any(Outcome::failed) {
        400
    } else {
        200
    }
}

/// `/api/answer?q=…`: the explorer's view, one entry per query run.
fn answer(engine: &Engine, text: &str) -> Response {
    let outcomes = match engine.run_all(text) {
        Ok(outcomes) => outcomes,
        Err(message) => return Response::error(400, &message),
    };
    // a question: the queries run are not the statements typed
    let typed = super::statements_of(text);
    let asked = outcomes
        .iter()
        .any(|o| !typed.iter().any(|t| t == o.query()));
    Response::json(
        status_of(&outcomes),
        &json!({ "input": text, "asked": asked, "answers": entries(engine.atlas, &outcomes) }),
    )
}

/// `/api/svg?q=…`: the built-in picture of the first query's answer (a question's
/// first query).
fn svg(engine: &Engine, text: &str) -> Response {
    let first = super::statements_of(text).into_iter().next();
    let outcomes = engine.statement(first.as_deref().unwrap_or(text));
    match outcomes.into_iter().next() {
        Some(Outcome::Answered { parsed, answer, .. }) => {
            let mut out = Vec::new();
            let drawn = Svg {
                engine: fascia::output::Engine::Builtin,
            }
            .render_query(engine.atlas, &parsed, &answer, &mut out);
            match drawn {
                Ok(()) => Response::new(200, SVG, out),
                Err(e) => Response::error(500, &format!("cannot draw the answer: {e}")),
            }
        }
        Some(Outcome::Failed { error, .. }) => Response::json(400, &json!({ "error": error })),
        Some(Outcome::Help { .. }) | None => {
            Response::error(400, "help has no picture; give a query")
        }
    }
}

/// `/api/complete?q=…`: the shell's completions for the end of `q`: where the word
/// being completed starts (in characters), the words, and each line completed.
fn complete(engine: &Engine, text: &str) -> Response {
    if text.len() > fascia::query::parser::MAX_QUERY_LEN {
        return Response::json(200, &json!({ "start": 0, "candidates": [], "lines": [] }));
    }
    let (start, candidates) = crate::repl::complete(engine.atlas, text, text.len());
    let start = start.min(text.len());
    let head = text.get(..start).unwrap_or("");
    let words: Vec<&str> = candidates
        .iter()
        .map(|c| c.text.as_str())
        // the shell's own commands (`:format`) mean nothing here
        .filter(|w| !w.starts_with(':'))
        .take(MAX_COMPLETIONS)
        .collect();
    let lines: Vec<String> = words.iter().map(|w| format!("{head}{w}")).collect();
    Response::json(
        200,
        &json!({ "start": head.chars().count(), "candidates": words, "lines": lines }),
    )
}

/// `/api/show/ID`: what `show` gives for the structure with that id, in JSON.
fn show(engine: &Engine, id: &str) -> Response {
    let atlas = engine.atlas;
    match atlas.by_id(id) {
        Some(n) => {
            let mut out = Vec::new();
            let _ = fascia::output::Json.render(atlas, &Answer::Show(n), &mut out);
            Response::new(200, JSON, out)
        }
        None => {
            let mut error =
                json!({ "message": format!("no structure has the id `{}`", shorten(id)) });
            let ids = atlas
                .structures()
                .map(|n| atlas.node(n))
                .map(|s| s.id.as_str());
            // a long path is no typo of an id, and would be slow to compare
            let close = if id.len() <= 100 {
                fascia::suggest::nearest(id, ids, 3)
            } else {
                Vec::new()
            };
            if !close.is_empty() {
                error["help"] = json!([format!("did you mean `{}`?", close.join("`, `"))]);
            }
            Response::json(404, &json!({ "error": error }))
        }
    }
}

/// `/api/sites`: the common sites of nerve injury `lesion … at` knows.
fn sites(engine: &Engine) -> Response {
    let atlas = engine.atlas;
    let sites: Vec<Value> = fascia::clinical::sites::sites(atlas)
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "name": s.name,
                "nerve": brief(atlas, s.nerve),
                "at": brief(atlas, s.at),
            })
        })
        .collect();
    Response::json(200, &Value::Array(sites))
}

/// A whole number parameter, within `max`.
fn number(request: &Request, name: &str, default: u64, max: u64) -> Result<u64, Response> {
    match request.param(name) {
        None => Ok(default),
        Some(text) => match text.trim().parse::<u64>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(Response::error(
                400,
                &format!("{name} must be a whole number from 0 to {max}"),
            )),
        },
    }
}

/// `/api/quiz?count=N&seed=S`: questions without their answers (`/api/grade` gives
/// them), `{"key","question","topic","region"}` each.
fn quiz(engine: &Engine, request: &Request) -> Response {
    let count = match number(request, "count", 1, MAX_QUIZ as u64) {
        Ok(n) => n as usize,
        Err(response) => return response,
    };
    let seed = match number(request, "seed", 1, u64::MAX) {
        Ok(n) => n,
        Err(response) => return response,
    };
    let atlas = engine.atlas;
    let filter = fascia::learn::Filter::default();
    let questions = fascia::learn::Generator::new(atlas).quiz(&filter, count, seed);
    let items: Vec<Value> = questions
        .iter()
        .map(|q| {
            json!({
                "key": q.key,
                "question": q.text,
                "topic": q.topic.word(),
                "region": q.region_id(atlas),
            })
        })
        .collect();
    Response::json(200, &Value::Array(items))
}

/// `/api/grade?key=K&answer=TEXT`: the typed answer graded against the key, with the
/// key, its query and its sources.
fn grade(engine: &Engine, request: &Request) -> Response {
    let atlas = engine.atlas;
    let key = request.param("key").unwrap_or("");
    let Some(question) = fascia::learn::Generator::new(atlas).by_key(key) else {
        return Response::error(404, &format!("no question has the key `{}`", shorten(key)));
    };
    let typed = request.param("answer").unwrap_or("");
    if typed.len() > fascia::query::parser::MAX_QUERY_LEN {
        return Response::error(400, "the answer is longer than a query may be");
    }
    let grade = fascia::learn::grade(atlas, &question, typed);
    let briefs = |nodes: &[fascia::graph::StructureId]| -> Vec<Value> {
        nodes.iter().map(|n| brief(atlas, *n)).collect()
    };
    let paper = fascia::learn::paper::JsonQuestion::of(atlas, &question);
    Response::json(
        200,
        &json!({
            "key": question.key,
            "question": question.text,
            "verdict": grade.verdict.word(),
            "named": briefs(&grade.named),
            "missing": briefs(&grade.missing),
            "extra": briefs(&grade.extra),
            "unknown": grade.unknown,
            "answer": paper.answer,
            "query": question.query,
            "sources": paper.sources,
        }),
    )
}
