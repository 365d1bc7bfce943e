//! `fascia serve` against its baselines: one query answered as JSON in the process
//! (the library's own cost), through an HTTP request to a running server, and by
//! starting `fascia -e … --format json`; and the whole process, `fascia -e 'muscles
//! innervated-by tibial'`, against a plain Rust program that starts, reads the same
//! embedded bytes and prints an answer (this bench's own binary, run with
//! `FASCIA_BENCH_FLOOR=1`). Run with `cargo bench --bench serve`.

// the tests' way of running the binary, so a setting of the caller's is not measured
#[path = "../harness/mod.rs"]
mod harness;

use criterion::{Criterion, criterion_group};
use fascia::output::{Format, render_query_to_string};
use std::hint::black_box;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};

/// The server, stopped when the bench ends.
struct Server(Child, SocketAddr);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start() -> Option<Server> {
    let mut child = harness::fascia()
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take()?)
        .read_line(&mut line)
        .ok()?;
    let addr = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))?
        .trim_end_matches('/')
        .parse()
        .ok()?;
    Some(Server(child, addr))
}

/// One GET, the whole response read; its length.
fn get(addr: SocketAddr, target: &str) -> usize {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return 0;
    };
    let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let _ = stream.write_all(request.as_bytes());
    let mut body = Vec::new();
    let _ = stream.read_to_end(&mut body);
    body.len()
}

fn serve(c: &mut Criterion) {
    let Ok(atlas) = fascia::bundled() else {
        eprintln!("bundled data does not load; run `fascia check`");
        return;
    };
    let Some(server) = start() else {
        eprintln!("fascia serve did not start");
        return;
    };
    let query = "muscles innervated-by* sciatic";
    let target = "/api/query?q=muscles%20innervated-by*%20sciatic";
    let mut group = c.benchmark_group("serve: muscles innervated-by* sciatic as JSON");
    group.sample_size(30);
    group.bench_function("in process (baseline)", |b| {
        b.iter(|| match fascia::query::run(&atlas, black_box(query)) {
            Ok((q, answer)) => render_query_to_string(&atlas, &q, &answer, Format::Json).len(),
            Err(_) => 0,
        })
    });
    group.bench_function("GET /api/query", |b| {
        b.iter(|| get(server.1, black_box(target)))
    });
    group.bench_function("GET /api/svg", |b| {
        b.iter(|| get(server.1, "/api/svg?q=muscles%20innervated-by*%20sciatic"))
    });
    group.bench_function("fascia -e (a process)", |b| {
        b.iter(|| {
            harness::fascia()
                .args(["-e", query, "--format", "json"])
                .output()
                .map_or(0, |o| o.stdout.len())
        })
    });
    group.finish();
}

/// The plain program: the bundled snapshot fascia embeds, embedded here too, every byte
/// read (fascia decodes them all), and seven names printed.
fn floor() {
    const SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.snapshot"));
    let sum = black_box(SNAPSHOT)
        .iter()
        .fold(0u32, |h, b| h.rotate_left(5) ^ u32::from(*b));
    let mut out = std::io::stdout().lock();
    for name in [
        "Flexor digitorum longus",
        "Flexor hallucis longus",
        "Gastrocnemius",
        "Plantaris",
        "Popliteus",
        "Soleus",
        "Tibialis posterior",
    ] {
        let _ = writeln!(out, "{name}");
    }
    let _ = writeln!(out, "({} bytes, {sum:08x})", SNAPSHOT.len());
}

/// Starting fascia to answer one question, against starting the plain program.
fn process(c: &mut Criterion) {
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    let mut group = c.benchmark_group("whole process: muscles innervated-by tibial");
    group.sample_size(50);
    group.bench_function("fascia -e", |b| {
        b.iter(|| {
            harness::fascia()
                .args(["-e", "muscles innervated-by tibial"])
                .output()
                .map_or(0, |o| o.stdout.len())
        })
    });
    group.bench_function("plain Rust program (floor)", |b| {
        b.iter(|| {
            harness::command(&me)
                .env("FASCIA_BENCH_FLOOR", "1")
                .output()
                .map_or(0, |o| o.stdout.len())
        })
    });
    group.finish();
}

criterion_group!(benches, serve, process);

fn main() {
    if std::env::var_os("FASCIA_BENCH_FLOOR").is_some() {
        floor();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
