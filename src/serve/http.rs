//! HTTP/1.1 for a read-only server: a request read within [`MAX_HEAD`] bytes and
//! parsed by httparse, a response written whole, one request per connection, and a
//! fixed pool of workers taking connections from a bounded queue.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The most a request's line and headers may take: a query is at most 4,096 bytes,
/// three times that when every byte is percent-encoded.
pub const MAX_HEAD: usize = 16 * 1024;
/// The most headers a request may have.
pub const MAX_HEADERS: usize = 48;
/// How long a client may take to send its whole request, and each read or write may
/// wait.
pub const IO_TIMEOUT: Duration = Duration::from_secs(10);
const READ_WAIT: Duration = Duration::from_secs(5);
/// Connections waiting for a worker; beyond them a client is told to come back later.
pub const QUEUE: usize = 64;

/// The methods served: everything is read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
}

/// A request, its target split into a decoded path and query pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    /// The path, percent-decoded (`/api/show/soleus`).
    pub path: String,
    /// The query string's pairs, decoded (`+` is a space).
    pub query: Vec<(String, String)>,
    /// The `Host` header, when there is one.
    pub host: Option<String>,
}

impl Request {
    /// The first value of a query parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A response, written whole with its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Whether a browser may keep it: the embedded page and its files may, answers not
    /// (the data behind them can be another on the next start).
    pub cacheable: bool,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            body: body.into(),
            cacheable: false,
        }
    }

    /// A JSON document, pretty-printed with a final newline as the command line prints it.
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        let mut body = serde_json::to_vec_pretty(value).unwrap_or_default();
        body.push(b'\n');
        Response::new(status, JSON, body)
    }

    /// `{"error": {"message": …}}` with `status`.
    pub fn error(status: u16, message: &str) -> Response {
        Response::json(
            status,
            &serde_json::json!({ "error": { "message": message } }),
        )
    }
}

pub const JSON: &str = "application/json; charset=utf-8";
pub const HTML: &str = "text/html; charset=utf-8";
pub const CSS: &str = "text/css; charset=utf-8";
pub const JS: &str = "text/javascript; charset=utf-8";
pub const SVG: &str = "image/svg+xml; charset=utf-8";

/// The page may load its own files and ask its own server, nothing else: no inline
/// script or style, so no name from a data file can run or restyle anything.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Writes `response` (its headers alone for HEAD) and closes the exchange.
pub fn write_response(out: &mut impl Write, response: &Response, head: bool) -> io::Result<()> {
    let mut text = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {POLICY}\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nCache-Control: {}\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len(),
        if response.cacheable {
            "max-age=300"
        } else {
            "no-store"
        },
    );
    if response.status == 405 {
        text.push_str("Allow: GET, HEAD\r\n");
    }
    text.push_str("\r\n");
    out.write_all(text.as_bytes())?;
    if !head {
        out.write_all(&response.body)?;
    }
    out.flush()
}

/// Why a request is not served; each is answered with its status and a JSON error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The client closed the connection before a whole request (nothing to answer).
    Closed,
    /// The request's line and headers run past [`MAX_HEAD`] bytes, or its headers past
    /// [`MAX_HEADERS`].
    TooLarge,
    /// A request with a body: nothing here reads one.
    Body,
    /// A method other than GET and HEAD.
    Method(String),
    /// Not HTTP/1.x, or not well formed.
    Malformed(String),
    /// The request did not arrive whole within [`IO_TIMEOUT`].
    Slow,
}

impl Refusal {
    pub fn response(&self) -> Option<Response> {
        let (status, message) = match self {
            Refusal::Closed => return None,
            Refusal::TooLarge => (
                431,
                format!(
                    "request too large: its line and headers may take {MAX_HEAD} bytes \
                     and {MAX_HEADERS} headers (the request size limit)"
                ),
            ),
            Refusal::Body => (
                413,
                "a request to fascia carries no body: use GET with the query in the address"
                    .to_string(),
            ),
            Refusal::Method(m) => (405, format!("method {m} is not served: use GET or HEAD")),
            Refusal::Malformed(why) => (400, format!("malformed request: {why}")),
            Refusal::Slow => (
                408,
                format!(
                    "the request did not arrive within {} s, the time a client has to send it",
                    IO_TIMEOUT.as_secs()
                ),
            ),
        };
        Some(Response::error(status, &message))
    }
}

/// Reads one request: no more than [`MAX_HEAD`] bytes, whatever the client sends, and
/// (when each read waits at most [`READ_WAIT`]) in not much more than [`IO_TIMEOUT`].
pub fn read_request(input: &mut impl Read) -> Result<Request, Refusal> {
    let deadline = Instant::now() + IO_TIMEOUT;
    let mut buf = vec![0u8; MAX_HEAD];
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            return Err(Refusal::TooLarge);
        }
        let n = match input.read(&mut buf[filled..]) {
            Ok(0) => return Err(Refusal::Closed),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(Refusal::Slow);
            }
            Err(_) => return Err(Refusal::Closed),
        };
        if Instant::now() > deadline {
            return Err(Refusal::Slow);
        }
        filled += n;
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&buf[..filled]) {
            Ok(httparse::Status::Complete(_)) => return request_of(&parsed),
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => return Err(Refusal::TooLarge),
            Err(e) => return Err(Refusal::Malformed(e.to_string())),
        }
    }
}

fn request_of(parsed: &httparse::Request) -> Result<Request, Refusal> {
    let method = match parsed.method.unwrap_or_default() {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        other => return Err(Refusal::Method(other.chars().take(20).collect())),
    };
    let header = |name: &str| {
        parsed
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let has_body =
        header("transfer-encoding").is_some() || header("content-length").is_some_and(|v| v != "0");
    if has_body {
        return Err(Refusal::Body);
    }
    let target = parsed.path.unwrap_or("/");
    // an absolute form (`http://host/path`) is allowed by HTTP/1.1; take its path
    let target = match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => target,
    };
    if !target.starts_with('/') {
        return Err(Refusal::Malformed(
            "the target must be a path starting with /".to_string(),
        ));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = percent_decode(path)
        .ok_or_else(|| Refusal::Malformed("the path is not UTF-8".to_string()))?;
    let query = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    Ok(Request {
        method,
        path,
        query,
        host: header("host"),
    })
}

/// `%2F` and the like decoded; `None` when the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(h), Some(l)) if hex(*h).is_some() && hex(*l).is_some() => {
                let value = hex(*h).unwrap_or(0) * 16 + hex(*l).unwrap_or(0);
                out.push(u8::try_from(value).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Serves connections from `listener` with `workers` threads until the process ends:
/// each reads one request, answers it with `handle`, and closes. When every worker is
/// busy and [`QUEUE`] connections wait, a new one is told 503 at once.
pub fn serve(
    listener: &TcpListener,
    workers: usize,
    handle: &(dyn Fn(&Request) -> Response + Sync),
) -> io::Result<()> {
    let (sender, receiver) = sync_channel::<TcpStream>(QUEUE);
    let receiver = Mutex::new(receiver);
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| work(&receiver, handle));
        }
        accept(listener, &sender);
        // the listener failed: let the workers finish what is queued and stop
        drop(sender);
    });
    Ok(())
}

fn accept(listener: &TcpListener, sender: &SyncSender<TcpStream>) {
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // a connection reset before it was accepted, or too many open files: go on
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        let _ = stream.set_read_timeout(Some(READ_WAIT));
        let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
        match sender.try_send(stream) {
            Ok(()) => {}
            Err(TrySendError::Full(s)) => {
                stream = s;
                let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                let busy = Response::error(503, "the server is busy; try again in a moment");
                let _ = write_response(&mut stream, &busy, false);
            }
            Err(TrySendError::Disconnected(_)) => return,
        }
    }
}

fn work(receiver: &Mutex<Receiver<TcpStream>>, handle: &(dyn Fn(&Request) -> Response + Sync)) {
    loop {
        let next = receiver
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv();
        let Ok(mut stream) = next else {
            return;
        };
        exchange(&mut stream, handle);
    }
}

/// One request and its response; a client that goes away is no error.
fn exchange(stream: &mut TcpStream, handle: &(dyn Fn(&Request) -> Response + Sync)) {
    let (response, head) = match read_request(stream) {
        Ok(request) => {
            // a fault in answering one request must not take a worker with it
            let answered =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle(&request)));
            let response = answered.unwrap_or_else(|_| {
                Response::error(
                    500,
                    "fascia failed to answer this request; please report it",
                )
            });
            (response, request.method == Method::Head)
        }
        Err(refusal) => match refusal.response() {
            Some(response) => (response, false),
            None => return,
        },
    };
    let _ = write_response(stream, &response, head);
    // the client reads to the end: say there is no more, and let unread bytes go
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut rest = [0u8; 1024];
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    for _ in 0..16 {
        match stream.read(&mut rest) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Request, Refusal> {
        read_request(&mut io::Cursor::new(bytes.to_vec()))
    }

    #[test]
    fn a_get_is_split_into_path_and_decoded_parameters() {
        let request = read(
            b"GET /api/query?q=muscles%20innervated-by+tibial&x=%C3%A9 HTTP/1.1\r\n\
              Host: 127.0.0.1:8765\r\n\r\n",
        )
        .unwrap();
        assert_eq!(request.method, Method::Get);
        assert_eq!(request.path, "/api/query");
        assert_eq!(request.param("q"), Some("muscles innervated-by tibial"));
        assert_eq!(request.param("x"), Some("é"));
        assert_eq!(request.host.as_deref(), Some("127.0.0.1:8765"));
        let encoded = read(b"HEAD /api/show/a%2Db HTTP/1.0\r\n\r\n").unwrap();
        assert_eq!(
            (encoded.method, encoded.path.as_str()),
            (Method::Head, "/api/show/a-b")
        );
    }

    #[test]
    fn requests_out_of_bounds_are_refused() {
        let long = [
            b"GET /?q=".as_slice(),
            &vec![b'a'; MAX_HEAD],
            b" HTTP/1.1\r\n\r\n",
        ]
        .concat();
        assert_eq!(read(&long), Err(Refusal::TooLarge));
        let many: String = (0..MAX_HEADERS + 1)
            .map(|i| format!("X-{i}: y\r\n"))
            .collect();
        let many = format!("GET / HTTP/1.1\r\n{many}\r\n");
        assert_eq!(read(many.as_bytes()), Err(Refusal::TooLarge));
        assert_eq!(
            read(b"POST /api/query HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"),
            Err(Refusal::Method("POST".to_string()))
        );
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"),
            Err(Refusal::Body)
        );
        assert!(matches!(
            read(b"GET / HTTP/9.9\r\n\r\n"),
            Err(Refusal::Malformed(_))
        ));
        assert!(matches!(
            read(b"\x00\x01garbage\r\n\r\n"),
            Err(Refusal::Malformed(_))
        ));
        assert_eq!(read(b"GET / HTT"), Err(Refusal::Closed));
        assert!(matches!(
            read(b"GET /%FF HTTP/1.1\r\n\r\n"),
            Err(Refusal::Malformed(_))
        ));
        // a client that stops sending before the end of its request
        struct Stalled(bool);
        impl Read for Stalled {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    return Err(io::ErrorKind::WouldBlock.into());
                }
                buf[..4].copy_from_slice(b"GET ");
                Ok(4)
            }
        }
        assert_eq!(read_request(&mut Stalled(false)), Err(Refusal::Slow));
        assert_eq!(Refusal::Slow.response().map(|r| r.status), Some(408));
    }

    #[test]
    fn a_response_carries_its_length_and_policy_and_head_has_no_body() {
        let response = Response::new(200, JSON, "hello");
        let mut out = Vec::new();
        write_response(&mut out, &response, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("\r\nContent-Length: 5\r\n"), "{text}");
        assert!(text.contains("script-src 'self';"), "{text}");
        assert!(text.ends_with("\r\n\r\nhello"), "{text}");
        let mut out = Vec::new();
        write_response(&mut out, &response, true).unwrap();
        assert!(String::from_utf8(out).unwrap().ends_with("\r\n\r\n"));
    }
}
