//! End-to-end tests of `fascia serve` (issue 27): the real binary on an ephemeral port,
//! real HTTP requests from a small client over std::net, and, where Chromium is
//! installed, the page as a headless browser draws it and as a student uses it (clicks,
//! typing, forms, back and forward, driven through the DevTools protocol).

mod harness;
mod readme;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// What the server printed on standard error before its address.
    stderr: std::process::ChildStderr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `fascia serve --port 0 ARGS…`, once it has printed the address it listens on.
fn serve(args: &[&str]) -> Server {
    serve_with_work_limit(args, None)
}

/// [`serve`] with `FASCIA_WORK_LIMIT` set (or unset).
fn serve_with_work_limit(args: &[&str], work_limit: Option<&str>) -> Server {
    let mut command = harness::fascia();
    if let Some(limit) = work_limit {
        command.env("FASCIA_WORK_LIMIT", limit);
    }
    let mut child = command
        .args(["serve", "--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fascia serve");
    let stdout = child.stdout.take().expect("stdout");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = send.send(line);
    });
    let line = receive
        .recv_timeout(Duration::from_secs(120))
        .expect("the server prints its address");
    println!("{}", line.trim_end());
    let url = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let addr = url.trim_end_matches('/').parse().expect("an address");
    let stderr = child.stderr.take().expect("stderr");
    Server {
        child,
        addr,
        stderr,
    }
}

/// A response as read off the wire.
#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (key, value) = l.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends `request` as it is and reads the whole response.
fn raw(addr: SocketAddr, request: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    // the server may answer and close before it has read all of an oversize request
    let _ = stream.write_all(request);
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(&bytes)));
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    Reply {
        status,
        head,
        body: bytes[split + 4..].to_vec(),
    }
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    raw(
        addr,
        format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

/// A query's text as it goes in an address.
fn encoded(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.*".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The queries and questions of the README's ```fascia examples.
fn readme_queries() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut inside = false;
    let mut queries = Vec::new();
    for line in readme.lines() {
        match line.trim_end() {
            "```fascia" => inside = true,
            "```" => inside = false,
            _ if inside => {
                if let Some(q) = line.strip_prefix("> ") {
                    queries.push(q.trim_end().to_string());
                }
            }
            _ => {}
        }
    }
    queries
}

#[test]
fn the_api_answers_every_readme_example_as_the_command_line_does() {
    let server = serve(&[]);
    let queries = readme_queries();
    assert!(queries.len() > 20, "{}", queries.len());
    let mut script = tempfile::NamedTempFile::new().expect("temp file");
    script
        .write_all(queries.join("\n").as_bytes())
        .expect("write");
    let cli = harness::fascia()
        .args(["--format", "json", "-f"])
        .arg(script.path())
        .output()
        .expect("run fascia");
    let mut served = Vec::new();
    let mut failed = 0;
    for q in &queries {
        let reply = get(server.addr, &format!("/api/query?q={}", encoded(q)));
        assert!(reply.status == 200 || reply.status == 400, "{q}: {reply:?}");
        failed += usize::from(reply.status == 400);
        assert_eq!(
            reply.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        served.extend(reply.body);
    }
    // the same documents, byte for byte, and the same failures
    assert_eq!(
        String::from_utf8_lossy(&served),
        String::from_utf8_lossy(&cli.stdout)
    );
    assert_eq!(cli.status.code(), Some(if failed > 0 { 1 } else { 0 }));
    assert!(failed >= 1, "the README shows a refused question");
}

/// The README's `$ curl -s 'http://127.0.0.1:8765/…'` examples: the target and the
/// body shown under it.
fn readme_requests() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut examples: Vec<(String, String)> = Vec::new();
    let mut inside = false;
    let mut shown = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            inside = line == "```sh";
            shown = false;
            continue;
        }
        if !inside {
            continue;
        }
        if let Some(rest) = line.strip_prefix("$ curl -s 'http://127.0.0.1:8765") {
            examples.push((rest.trim_end_matches('\'').to_string(), String::new()));
            shown = true;
        } else if let Some((_, body)) = examples.last_mut().filter(|_| shown) {
            body.push_str(line);
            body.push('\n');
        }
    }
    examples
}

#[test]
fn the_readme_examples_of_the_api_give_what_they_show() {
    let server = serve(&[]);
    let examples = readme_requests();
    assert!(examples.len() >= 2, "{examples:?}");
    for (target, shown) in examples {
        let reply = get(server.addr, &target);
        assert_eq!(reply.text(), shown, "{target}");
    }
}

#[test]
fn a_card_a_completion_an_answer_and_a_picture() {
    let server = serve(&[]);
    let card = get(server.addr, "/api/show/soleus").json();
    assert_eq!(card["id"], "soleus");
    assert_eq!(card["name"], "Soleus");
    let facts = card["facts"].as_array().expect("facts");
    assert!(
        facts.iter().any(|f| f["relation"] == "innervated-by"
            && f["structure"]["id"] == "tibial-nerve"
            && f["roots"].as_array().is_some_and(|r| !r.is_empty())),
        "{card}"
    );
    let sources = card["sources"].as_array().expect("sources");
    assert!(
        sources
            .iter()
            .any(|s| s["url"].as_str().is_some_and(|u| u.starts_with("https://")))
    );
    assert!(sources.iter().all(|s| s["tier"].is_string()));
    let unknown = get(server.addr, "/api/show/solues");
    assert_eq!(unknown.status, 404);
    assert_eq!(
        unknown.json()["error"]["help"][0],
        "did you mean `soleus`, `soleal-venous-plexus`?"
    );

    let completed = get(server.addr, "/api/complete?q=muscles%20innervated-by%20fem").json();
    let lines: Vec<&str> = completed["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert!(
        lines.contains(&"muscles innervated-by \"femoral nerve\""),
        "{completed}"
    );
    // names of the kinds the relation takes: the femur is no nerve
    assert!(!lines.iter().any(|l| l.contains("Femur")), "{completed}");
    assert_eq!(completed["start"], 22);

    // a question: the query it became, and a set whose every structure has an id
    let asked = get(
        server.addr,
        "/api/answer?q=what%20does%20the%20axillary%20nerve%20supply%3F",
    );
    assert_eq!(asked.status, 200);
    let asked = asked.json();
    assert_eq!(asked["asked"], true);
    let entry = &asked["answers"][0];
    assert_eq!(entry["query"], "muscles innervated-by* \"axillary nerve\"");
    assert_eq!(entry["type"], "set");
    assert_eq!(entry["note"]["total"], 2);
    let ids: Vec<&str> = entry["answer"]
        .as_array()
        .expect("a set")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, ["deltoid", "teres-minor"]);
    let hinted = get(
        server.addr,
        "/api/answer?q=muscles%20innervated-by%20tibial",
    )
    .json();
    assert_eq!(
        hinted["answers"][0]["note"]["starred"],
        serde_json::json!({ "query": "muscles innervated-by* tibial", "count": 17 })
    );

    // as on the command line, `dot` answers in DOT and `help` in a JSON string
    let dot = get(server.addr, "/api/query?q=dot%20around%20soleus");
    assert_eq!(
        dot.header("content-type"),
        Some("text/vnd.graphviz; charset=utf-8")
    );
    assert!(dot.text().starts_with("digraph"), "{}", dot.text());
    let help = get(server.addr, "/api/query?q=help%20relations").json();
    assert!(
        help["help"]
            .as_str()
            .is_some_and(|h| h.contains("innervated-by")),
        "{help}"
    );
    let unknown_topic = get(server.addr, "/api/answer?q=help%20nothing");
    assert_eq!(unknown_topic.status, 400);
    assert_eq!(unknown_topic.json()["answers"][0]["query"], "help nothing");

    let svg = get(server.addr, "/api/svg?q=muscles%20innervated-by%20tibial");
    assert_eq!(svg.status, 200);
    assert_eq!(
        svg.header("content-type"),
        Some("image/svg+xml; charset=utf-8")
    );
    let text = svg.text();
    let doc = roxmltree::Document::parse(&text).expect("SVG is XML");
    let linked: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("structure"))
        .filter_map(|n| n.attribute("data-id"))
        .collect();
    // every structure drawn carries its id, for the page to link it to its card
    assert!(
        linked.contains(&"soleus") && linked.contains(&"tibial-nerve"),
        "{linked:?}"
    );
    let atlas = fascia::bundled().expect("bundled data");
    assert!(linked.iter().all(|id| atlas.by_id(id).is_some()));
}

#[test]
fn the_quiz_is_drawn_and_graded_and_every_lesion_site_is_asked_as_the_form_asks() {
    let server = serve(&[]);
    let atlas = fascia::bundled().expect("bundled data");
    let quiz = get(server.addr, "/api/quiz?count=3&seed=7").json();
    let questions = quiz.as_array().expect("an array");
    assert_eq!(questions.len(), 3, "{quiz}");
    assert_eq!(get(server.addr, "/api/quiz?count=3&seed=7").json(), quiz);
    let generator = fascia::learn::Generator::new(&atlas);
    for q in questions {
        let key = q["key"].as_str().expect("a key");
        // the answer stays on the server until the student answers
        assert!(q.get("answer").is_none(), "{q}");
        let question = generator.by_key(key).expect("a question of the data");
        let names = question.answer_names(&atlas);
        let right = get(
            server.addr,
            &format!("/api/grade?key={}&answer={}", encoded(key), encoded(&names)),
        )
        .json();
        assert_eq!(right["verdict"], "right", "{right}");
        assert_eq!(right["query"], question.query.as_str());
        let wrong = get(
            server.addr,
            &format!("/api/grade?key={}&answer=", encoded(key)),
        )
        .json();
        assert_eq!(wrong["verdict"], "wrong");
        assert_eq!(wrong["missing"], right["answer"]);
    }
    assert_eq!(get(server.addr, "/api/quiz?count=51").status, 400);
    assert_eq!(
        get(server.addr, "/api/grade?key=innervation/nothing").status,
        404
    );

    // the lesion form asks `lesion "NERVE" at "AT"` with the names a site gives
    let sites = get(server.addr, "/api/sites").json();
    let sites = sites.as_array().expect("an array");
    assert!(!sites.is_empty(), "{sites:?}");
    for site in sites {
        let query = format!(
            "lesion \"{}\" at \"{}\"",
            site["nerve"]["name"].as_str().expect("a nerve"),
            site["at"]["name"].as_str().expect("a place")
        );
        let answer = get(server.addr, &format!("/api/answer?q={}", encoded(&query))).json();
        assert_eq!(
            answer["answers"][0]["answer"]["lesion"]["id"], site["id"],
            "{query}: {answer}"
        );
    }
}

#[test]
fn errors_are_json_documents_with_their_status() {
    let server = serve(&[]);
    let bad = get(server.addr, "/api/query?q=muscles%20innervated-by%20tibail");
    assert_eq!(bad.status, 400);
    assert_eq!(
        bad.json(),
        serde_json::json!({ "error": {
            "message": "unknown nerve or spinal root `tibail`",
            "query": "muscles innervated-by tibail",
            "column": 23,
            "width": 6,
            "help": ["did you mean `tibial`, `tibial communicating` or `tibial part of sciatic`?"],
        }})
    );
    let syntax = get(
        server.addr,
        "/api/answer?q=muscles%20innervated-by%20(tibial",
    )
    .json();
    let error = &syntax["answers"][0]["error"];
    assert!(error["column"].as_u64().is_some(), "{syntax}");

    let missing = get(server.addr, "/api/query");
    assert_eq!(missing.status, 400);
    assert_eq!(missing.json()["error"]["message"], "give the query as ?q=…");
    let nowhere = get(server.addr, "/no/such/page");
    assert_eq!(nowhere.status, 404);
    assert_eq!(
        nowhere.json()["error"]["message"],
        "nothing at /no/such/page"
    );

    let posted = raw(
        server.addr,
        b"POST /api/query?q=count%20muscles HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!(posted.status, 405);
    assert_eq!(posted.header("allow"), Some("GET, HEAD"));
    let with_body = raw(
        server.addr,
        b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello",
    );
    assert_eq!(with_body.status, 413);

    // far more than a request may take: refused once the limit is read, not stored
    let huge = format!(
        "GET /api/query?q={} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "a".repeat(1 << 20)
    );
    let refused = raw(server.addr, huge.as_bytes());
    assert_eq!(refused.status, 431);
    assert!(
        refused.json()["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("the request size limit")),
        "{refused:?}"
    );
    let long_query = get(
        server.addr,
        &format!("/api/query?q=show%20{}", "a".repeat(5000)),
    );
    assert_eq!(long_query.status, 400);
    assert!(long_query.text().contains("4096"), "{}", long_query.text());
    // a name as long as a query may be is compared with the names in the data quickly
    // enough to answer, and is no typo of any of them
    let long_name = get(
        server.addr,
        &format!("/api/query?q=show%20{}", "a".repeat(4000)),
    );
    assert_eq!(long_name.status, 400);
    let error = long_name.json();
    assert!(
        error["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("unknown name"))
    );
    let help = error["error"]["help"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        !help
            .iter()
            .any(|l| l.as_str().is_some_and(|l| l.contains("did you mean"))),
        "{error}"
    );
    let statements = get(
        server.addr,
        &format!("/api/query?q={}", "count%20muscles%3B".repeat(40)),
    );
    assert_eq!(statements.status, 400);
    assert!(
        statements
            .text()
            .contains("the statement limit of a request")
    );

    // a page elsewhere cannot reach a loopback server by renaming itself to it
    let rebound = raw(
        server.addr,
        b"GET /api/query?q=count%20muscles HTTP/1.1\r\nHost: attacker.example\r\n\r\n",
    );
    assert_eq!(rebound.status, 421);
    let garbage = raw(
        server.addr,
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
    );
    assert_eq!(garbage.status, 400);
    // and after all that, it still answers
    assert_eq!(
        get(server.addr, "/api/query?q=count%20muscles").text(),
        "{\n  \"count\": 209\n}\n"
    );
}

#[test]
fn the_page_and_its_files_are_served_with_a_strict_policy() {
    let server = serve(&[]);
    let page = get(server.addr, "/?q=muscles%20innervated-by%20tibial");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let policy = page.header("content-security-policy").expect("a policy");
    assert!(
        policy.starts_with("default-src 'none'; script-src 'self';"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"));
    let html = page.text();
    // every script is a file of the server's: nothing inline, nothing from elsewhere
    for script in html.split("<script").skip(1) {
        assert!(
            script.trim_start().starts_with("src=\"/static/"),
            "{script}"
        );
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("id=\"q\"") && html.contains("name=\"q\""));
    for (path, kind) in [
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/icon.svg", "image/svg+xml; charset=utf-8"),
    ] {
        let file = get(server.addr, path);
        assert_eq!(
            (file.status, file.header("content-type")),
            (200, Some(kind))
        );
        assert!(!file.text().contains("https://cdn"), "{path}");
    }
    let script = get(server.addr, "/static/app.js").text();
    // names from the data are set as text, never parsed as markup
    assert!(!script.contains("innerHTML") && !script.contains("eval("));
    let head = raw(
        server.addr,
        b"HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length").and_then(|l| l.parse().ok()),
        Some(html.len())
    );
}

#[test]
fn only_a_loopback_address_unless_another_is_asked_for() {
    let local = serve(&[]);
    assert!(local.addr.ip().is_loopback(), "{}", local.addr);
    let mut open = serve(&["--bind", "0.0.0.0"]);
    assert!(open.addr.ip().is_unspecified(), "{}", open.addr);
    // a server opened to the network answers whatever name it is reached by
    let addr = SocketAddr::from(([127, 0, 0, 1], open.addr.port()));
    let named = raw(
        addr,
        b"GET /api/query?q=count%20muscles HTTP/1.1\r\nHost: anatomy.example\r\n\r\n",
    );
    assert_eq!(named.status, 200);
    let _ = open.child.kill();
    let mut warning = String::new();
    let _ = open.stderr.read_to_string(&mut warning);
    assert!(
        warning.contains("beyond this machine: anyone who can reach it can query the data"),
        "{warning}"
    );
}

#[test]
fn every_query_is_stopped_at_the_work_limit_or_the_time_limit() {
    // a search that runs for minutes with no limit on its work
    let search = "/api/query?q=paths%20soleus%20to%20radius%20max%208";
    let budgeted = serve_with_work_limit(&[], Some("1000"));
    let stopped = get(budgeted.addr, search);
    assert_eq!(stopped.status, 400);
    assert_eq!(
        stopped.json()["error"]["message"],
        "`paths` stopped after 1000 steps of work, the work limit"
    );
    let timed = serve_with_work_limit(&["--time-limit", "1"], Some("1000000000000"));
    let stopped = get(timed.addr, search);
    assert_eq!(stopped.status, 400);
    assert_eq!(
        stopped.json()["error"]["message"],
        "the query ran longer than 1 s, the time limit of a request"
    );
    // and the server goes on answering
    assert_eq!(get(timed.addr, "/api/query?q=count%20muscles").status, 200);
}

#[test]
fn a_port_in_use_is_an_error_naming_it() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("its address").port();
    let run = harness::fascia()
        .args(["serve", "--port", &port.to_string()])
        .output()
        .expect("run fascia serve");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.starts_with(&format!("fascia: cannot listen on 127.0.0.1:{port}: ")),
        "{stderr}"
    );
    assert!(run.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn sigterm_and_ctrl_c_stop_it_as_they_stop_a_run() {
    for (signal, status) in [("-TERM", 143), ("-INT", 130)] {
        let mut server = serve(&[]);
        let sent = Command::new("kill")
            .arg(signal)
            .arg(server.child.id().to_string())
            .status()
            .expect("run kill");
        assert!(sent.success());
        let stopped = server.child.wait().expect("the server ends");
        assert_eq!(stopped.code(), Some(status), "{signal}");
    }
}

#[test]
fn many_requests_at_once_some_hostile_are_all_answered() {
    let server = serve(&["--workers", "4"]);
    let addr = server.addr;
    let threads: Vec<_> = (0..32)
        .map(|t| {
            std::thread::spawn(move || {
                let mut statuses = Vec::new();
                for i in 0..8 {
                    let reply = match (t + i) % 4 {
                        0 => get(addr, "/api/query?q=muscles%20innervated-by*%20sciatic"),
                        1 => get(addr, "/api/svg?q=around%20soleus"),
                        2 => raw(addr, b"NONSENSE\r\n\r\n"),
                        _ => get(addr, "/api/query?q=paths%20soleus%20to%20femur%20max%206"),
                    };
                    statuses.push(reply.status);
                }
                statuses
            })
        })
        .collect();
    let statuses: Vec<u16> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a client thread"))
        .collect();
    assert_eq!(statuses.len(), 256);
    // answered, refused as bad, or told to come back: never a dropped connection
    assert!(
        statuses.iter().all(|s| matches!(s, 200 | 400 | 503)),
        "{statuses:?}"
    );
    assert!(
        statuses.iter().filter(|s| **s == 200).count() > 100,
        "{statuses:?}"
    );
}

/// Chromium, where it is installed (`.ci/run` installs it).
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The page as headless Chromium leaves it once its script has run.
fn browse(browser: &str, url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
            "--dump-dom",
            url,
        ])
        .output()
        .expect("run chromium");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_browser_draws_answers_cards_pictures_paths_and_lesions() {
    let Some(browser) = chromium() else {
        println!("chromium is not installed: the page is tested through its API only");
        return;
    };
    let server = serve(&[]);
    let base = format!("http://{}/", server.addr);
    let set = browse(
        browser,
        &format!("{base}?q=muscles%20innervated-by%20tibial"),
    );
    // a table whose every structure links to its card, and the picture beside it
    assert!(
        set.contains(
            r#"<a href="/?q=show%20%22soleus%22" data-q="show &quot;soleus&quot;">Soleus</a>"#
        ),
        "{set}"
    );
    assert!(set.contains("17 with"), "{set}");
    assert!(
        set.contains(r#"<g class="structure" data-id="tibial-nerve" tabindex="0" role="link""#),
        "{set}"
    );
    let card = browse(browser, &format!("{base}?q=show%20plantaris"));
    for shown in [
        "<h2>Plantaris</h2>",
        "Musculus plantaris",
        "Innervated by",
        "Root levels",
        "https://en.wikipedia.org/wiki/Plantaris_muscle",
    ] {
        assert!(card.contains(shown), "{shown}: {card}");
    }
    let path = browse(browser, &format!("{base}?q=path%20soleus%20to%20sciatic"));
    assert!(
        path.contains("—innervated-by→") && path.contains(">Sciatic nerve</a>"),
        "{path}"
    );
    let lesion = browse(
        browser,
        &format!("{base}?q=lesion%20%22common%20fibular%22"),
    );
    assert!(
        lesion.contains("Lesion of") && lesion.contains(">Tibialis anterior</a>"),
        "{lesion}"
    );
    let localized = browse(
        browser,
        &format!("{base}?q=localize%20weak%20%22dorsiflexion%20of%20the%20ankle%22"),
    );
    assert!(
        localized.contains(">Deep fibular nerve</a><span class=\"score\"> score 0.88</span>"),
        "{localized}"
    );
    let sign = browse(browser, &format!("{base}?q=show%20%22wrist%20drop%22"));
    assert!(
        sign.contains("<h2>Wrist drop</h2>") && sign.contains(">Extension of the wrist</a>"),
        "{sign}"
    );
    let told = browse(
        browser,
        &format!("{base}?q=localize%20weak%20%22extensor%20digitorum%22"),
    );
    assert!(told.contains("to tell it from the next: test "), "{told}");
    // the README's picture of the page, taken again when README's snapshots are
    // accepted (`INSTA_UPDATE=always cargo test --test serve`; see tests/readme/mod.rs)
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pictures/explorer.png");
    if readme::updating() {
        let taken = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .args(["--virtual-time-budget=10000", "--window-size=1200,760"])
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("{base}?q=show%20soleus"))
            .output()
            .expect("run chromium");
        assert!(taken.status.success(), "{taken:?}");
    }
    let png = std::fs::read(&shot).expect("tests/pictures/explorer.png, shown in the README");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    let error = browse(
        browser,
        &format!("{base}?q=muscles%20innervated-by%20tibail"),
    );
    assert!(
        error.contains("muscles innervated-by tibail\n                      ^^^^^^"),
        "{error}"
    );
}

/// Headless Chromium driven through the DevTools protocol, over a WebSocket client
/// small enough to write here: the page is clicked, typed into and sent back, as a
/// student would.
struct Driven {
    child: Child,
    socket: TcpStream,
    session: String,
    next: u64,
    _profile: tempfile::TempDir,
}

impl Driven {
    fn start(browser: &str) -> Driven {
        let profile = tempfile::tempdir().expect("a profile directory");
        let mut child = Command::new(browser)
            .args(["--headless", "--no-sandbox", "--disable-gpu"])
            .args(["--remote-debugging-port=0", "--window-size=1200,900"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().expect("stderr");
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ws://") {
                    let _ = send.send(url.to_string());
                }
            }
        });
        let url = receive
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium's DevTools address");
        let (host, path) = url.split_once('/').expect("ws://HOST/PATH");
        let mut socket = TcpStream::connect(host).expect("connect to DevTools");
        socket
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let handshake = format!(
            "GET /{path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        );
        socket.write_all(handshake.as_bytes()).expect("handshake");
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            socket.read_exact(&mut byte).expect("handshake answer");
            head.push(byte[0]);
        }
        assert!(
            head.starts_with(b"HTTP/1.1 101"),
            "{}",
            String::from_utf8_lossy(&head)
        );
        let mut driven = Driven {
            child,
            socket,
            session: String::new(),
            next: 0,
            _profile: profile,
        };
        let target = driven.call(
            "Target.createTarget",
            serde_json::json!({ "url": "about:blank" }),
        );
        let attached = driven.call(
            "Target.attachToTarget",
            serde_json::json!({ "targetId": target["targetId"], "flatten": true }),
        );
        driven.session = attached["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        driven
    }

    /// One text frame, masked with a zero key (the payload as it is).
    fn write_frame(&mut self, payload: &[u8]) {
        let mut frame = vec![0x81];
        match payload.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n < 65536 => {
                frame.push(0x80 | 126);
                frame.extend((n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend((n as u64).to_be_bytes());
            }
        }
        frame.extend([0, 0, 0, 0]);
        frame.extend(payload);
        self.socket.write_all(&frame).expect("send to DevTools");
    }

    /// One message, its fragments joined.
    fn read_message(&mut self) -> Vec<u8> {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.socket
                .read_exact(&mut head)
                .expect("a frame from DevTools");
            let mut len = u64::from(head[1] & 0x7f);
            if len == 126 {
                let mut b = [0u8; 2];
                self.socket.read_exact(&mut b).expect("length");
                len = u64::from(u16::from_be_bytes(b));
            } else if len == 127 {
                let mut b = [0u8; 8];
                self.socket.read_exact(&mut b).expect("length");
                len = u64::from_be_bytes(b);
            }
            let mut payload = vec![0u8; usize::try_from(len).expect("a frame that fits")];
            self.socket.read_exact(&mut payload).expect("payload");
            match head[0] & 0x0f {
                0x9 | 0xa => continue,
                0x8 => return message,
                _ => message.extend(payload),
            }
            if head[0] & 0x80 != 0 {
                return message;
            }
        }
    }

    /// A command and its result; events that come between are passed over.
    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let mut command =
            serde_json::json!({ "id": self.next, "method": method, "params": params });
        if !self.session.is_empty() {
            command["sessionId"] = serde_json::json!(self.session);
        }
        self.write_frame(command.to_string().as_bytes());
        loop {
            let reply: serde_json::Value =
                serde_json::from_slice(&self.read_message()).expect("JSON from DevTools");
            if reply["id"] == self.next {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
        }
    }

    /// Runs `script` in the page and returns its value (a promise is awaited).
    fn run(&mut self, script: &str) -> serde_json::Value {
        let result = self.call(
            "Runtime.evaluate",
            serde_json::json!({ "expression": script, "awaitPromise": true, "returnByValue": true }),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{script}: {result}"
        );
        result["result"]["value"].clone()
    }

    /// The value of `expression` once it is truthy (null after ten seconds).
    fn wait_for(&mut self, expression: &str) -> serde_json::Value {
        self.run(&format!(
            "new Promise((done) => {{ const start = Date.now(); (function poll() {{ \
             let v = null; try {{ v = ({expression}); }} catch (e) {{}} \
             if (v) done(v); else if (Date.now() - start > 10000) done(null); \
             else setTimeout(poll, 25); }})(); }})"
        ))
    }

    fn open(&mut self, url: &str) {
        self.call("Page.navigate", serde_json::json!({ "url": url }));
    }
}

impl Drop for Driven {
    fn drop(&mut self) {
        // the browser ends itself (its launcher may not pass a kill on to it)
        self.session.clear();
        self.next += 1;
        let close = serde_json::json!({ "id": self.next, "method": "Browser.close" });
        self.write_frame(close.to_string().as_bytes());
        let _ = self.child.wait();
    }
}

#[test]
fn a_student_clicks_types_and_goes_back_in_a_real_browser() {
    let Some(browser) = chromium() else {
        println!("chromium is not installed: the page is tested through its API only");
        return;
    };
    let server = serve(&[]);
    let base = format!("http://{}/", server.addr);
    let mut page = Driven::start(browser);
    page.open(&format!("{base}?q=muscles%20innervated-by%20tibial"));
    let node = r#"document.querySelector('#drawing g.structure[data-id="soleus"]')"#;
    // when the answer and its picture were drawn, from the start of navigation (shown,
    // not asserted: a measure, not a test)
    let drawn = page.wait_for(&format!("{node} && performance.now()"));
    println!("answer and picture drawn {drawn} ms after navigation began");
    assert!(drawn.is_number(), "{drawn}");

    // a node of the picture leads to its card, and the address bar follows
    page.run(&format!(
        "{node}.dispatchEvent(new MouseEvent('click', {{ bubbles: true }}))"
    ));
    let card = "document.querySelector('#answer h2')";
    assert_eq!(
        page.wait_for(&format!("{card} && {card}.textContent")),
        "Soleus"
    );
    assert_eq!(page.run("location.search"), "?q=show%20%22soleus%22");
    assert_eq!(
        page.run("document.querySelector('#q').value"),
        "show \"soleus\""
    );

    // back to the table, and forward again
    page.run("history.back()");
    let table = "document.querySelector('#answer table')";
    assert!(
        page.wait_for(&format!(
            "{table} && {table}.textContent.includes('Tibialis posterior')"
        )) == true
    );
    assert_eq!(
        page.run("location.search"),
        "?q=muscles%20innervated-by%20tibial"
    );
    page.run("history.forward()");
    assert_eq!(
        page.wait_for(&format!("{card} && {card}.textContent")),
        "Soleus"
    );

    // completion as the shell gives it; Tab takes the first
    page.run(
        "const q = document.querySelector('#q'); q.focus(); \
         q.value = 'muscles innervated-by fem'; q.dispatchEvent(new Event('input'))",
    );
    let offered = page.wait_for(
        "[...document.querySelectorAll('#completions li')].map((li) => li.textContent).join('|')",
    );
    assert_eq!(
        offered,
        "\"femoral branch of genitofemoral nerve\"|\"femoral nerve\""
    );
    page.run(
        "document.querySelector('#q').dispatchEvent(new KeyboardEvent('keydown', \
         { key: 'ArrowDown', bubbles: true })); \
         document.querySelector('#q').dispatchEvent(new KeyboardEvent('keydown', \
         { key: 'Tab', bubbles: true }))",
    );
    assert_eq!(
        page.run("document.querySelector('#q').value"),
        "muscles innervated-by \"femoral branch of genitofemoral nerve\" "
    );

    // a path between two structures, from the form
    page.run(
        "document.querySelector('nav button[data-panel=path-panel]').click(); \
         const f = document.querySelector('#path-form'); f.from.value = 'Soleus'; \
         f.to.value = 'Sciatic nerve'; f.requestSubmit()",
    );
    let chain = page.wait_for("document.querySelector('#answer .chain')?.textContent");
    assert_eq!(
        chain,
        "Soleus —innervated-by→ Tibial nerve —branch-of→ Sciatic nerve (2 steps)"
    );
    assert_eq!(
        page.run("location.search"),
        "?q=path%20%22Soleus%22%20to%20%22Sciatic%20nerve%22"
    );

    // a lesion at a common site, the site picked from the list the nerve offers
    page.run(
        "document.querySelector('nav button[data-panel=lesion-panel]').click(); \
         const l = document.querySelector('#lesion-form'); l.nerve.value = 'Common fibular nerve'; \
         l.nerve.dispatchEvent(new Event('change'))",
    );
    let site = page.wait_for(
        "[...document.querySelector('#lesion-form').at.options].map((o) => o.textContent)[1]",
    );
    assert_eq!(site, "Common fibular nerve at the neck of the fibula");
    page.run(
        "const l2 = document.querySelector('#lesion-form'); l2.at.selectedIndex = 1; l2.requestSubmit()",
    );
    let title = page.wait_for("document.querySelector('#answer .lesion h2')?.textContent");
    assert_eq!(
        title,
        "Lesion of Common fibular nerve at the neck of the fibula (Common fibular nerve at Neck of fibula)"
    );

    // findings picked one by one, then localized
    page.run(
        "document.querySelector('nav button[data-panel=localize-panel]').click(); \
         const z = document.querySelector('#localize-form'); z.sign.value = 'weak'; \
         z.what.value = 'Dorsiflexion of the ankle'; document.querySelector('#add-finding').click(); \
         z.requestSubmit()",
    );
    let best = page.wait_for("document.querySelector('#answer .candidates li')?.textContent");
    assert!(
        best.as_str()
            .is_some_and(|b| b.starts_with("1. Deep fibular nerve score 0.88")),
        "{best}"
    );
    assert_eq!(
        page.run("location.search"),
        "?q=localize%20weak%20%22Dorsiflexion%20of%20the%20ankle%22"
    );

    // the picture zooms
    let width = "Number(document.querySelector('#drawing svg').getAttribute('width'))";
    let before = page.wait_for(width);
    page.run("document.querySelector('button[data-zoom=in]').click()");
    let after = page.run(width);
    assert!(after.as_f64() > before.as_f64(), "{before} → {after}");
}

#[test]
fn names_from_a_data_file_are_shown_as_text_never_run() {
    let dir = tempfile::tempdir().expect("a data directory");
    std::fs::write(
        dir.path().join("nodes.tsv"),
        "id\tkind\tname\n\
         evil\tmuscle\t<img src=x onerror=\"document.title='owned'\">Evil</b>\n\
         nerve-x\tnerve\tNerve <script>document.title='owned'</script>\n",
    )
    .expect("nodes.tsv");
    std::fs::write(
        dir.path().join("edges.tsv"),
        "subject\tpredicate\tobject\nevil\tinnervated-by\tnerve-x\n",
    )
    .expect("edges.tsv");
    let data = dir.path().to_str().expect("a UTF-8 path");
    let server = serve(&["--data", data, "--no-cache"]);
    // the picture draws the names as text: no element but its own
    let svg = get(server.addr, "/api/svg?q=show%20evil").text();
    let doc = roxmltree::Document::parse(&svg).expect("SVG is XML");
    assert!(
        !doc.descendants()
            .any(|n| matches!(n.tag_name().name(), "img" | "script" | "b")),
        "{svg}"
    );
    assert!(svg.contains("&lt;img src=x"), "{svg}");
    let Some(browser) = chromium() else {
        println!("chromium is not installed: the page is tested through its API only");
        return;
    };
    let base = format!("http://{}/", server.addr);
    for q in ["show%20evil", "muscles", "nerves%20innervates%20evil"] {
        let page = browse(browser, &format!("{base}?q={q}"));
        let answer = &page[page.find("<main").expect("the answer")..];
        assert!(
            !answer.contains("<img") && !answer.contains("<script"),
            "{answer}"
        );
        assert!(!page.contains("owned</title>"), "{page}");
        assert!(
            answer.contains("&lt;img src=x onerror=\"document.title='owned'\"&gt;Evil&lt;/b&gt;")
                || answer.contains("Nerve &lt;script&gt;"),
            "{answer}"
        );
    }
}
