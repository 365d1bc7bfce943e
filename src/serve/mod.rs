//! `fascia serve`: the explorer in the browser and its JSON API, read-only, on a local
//! address. The page, its style and its script are in the binary; every query runs
//! under the work budget and a time limit; requests are bounded in size.

mod answers;
mod api;
mod deadline;
mod http;

use crate::term::Error;
use fascia::Atlas;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::time::Duration;

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct Options {
    pub bind: IpAddr,
    /// 0: any free port, which is printed.
    pub port: u16,
    /// Requests answered at the same time.
    pub workers: usize,
    /// Steps of work each query may take.
    pub work_limit: u64,
    /// How long one query may run before it is stopped.
    pub time_limit: Duration,
}

/// Binds, prints the address, and serves until the process is stopped.
pub fn run(atlas: &Atlas, options: &Options) -> Result<(), Error> {
    // Ctrl-C and SIGTERM end it as they end a one-shot run: status 130 and 143
    crate::signals::exit_on_signal(crate::signals::Cleanup::default());
    let address = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(address).map_err(|source| Error::Io {
        context: format!("cannot listen on {address}"),
        source,
    })?;
    let bound = listener.local_addr().map_err(|source| Error::Io {
        context: "cannot read the address listened on".to_string(),
        source,
    })?;
    let loopback = bound.ip().is_loopback();
    if !loopback {
        let _ = writeln!(
            std::io::stderr(),
            "fascia serve: listening on {} beyond this machine: anyone who can reach it \
             can query the data",
            bound.ip()
        );
    }
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "fascia serve: http://{bound}/  (Ctrl-C stops it)").map_err(Error::Output)?;
        out.flush().map_err(Error::Output)?;
    }
    let deadlines = deadline::Deadlines::default();
    let engine = answers::Engine {
        atlas,
        work_limit: options.work_limit,
        time_limit: options.time_limit,
        deadlines: &deadlines,
    };
    let handle = |request: &http::Request| {
        if loopback && !local_host(request.host.as_deref()) {
            // a page elsewhere that renamed itself to this address (DNS rebinding)
            return http::Response::error(
                421,
                "this server answers requests addressed to localhost or 127.0.0.1 only",
            );
        }
        api::route(&engine, request)
    };
    std::thread::scope(|scope| {
        scope.spawn(|| deadlines.watch());
        http::serve(&listener, options.workers, &handle)
    })
    .map_err(|source| Error::Io {
        context: format!("cannot serve on {bound}"),
        source,
    })
}

/// Whether a `Host` header names this machine (or is absent, as HTTP/1.0 allows).
fn local_host(host: Option<&str>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The statements of a request's text, as the command line splits them; an empty text
/// is one empty statement, for the parser to say so.
fn statements_of(text: &str) -> Vec<String> {
    let statements: Vec<String> = crate::statements::split(text)
        .into_iter()
        .map(|s| s.text)
        .collect();
    if statements.is_empty() {
        vec![text.to_string()]
    } else {
        statements
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_are_local_hosts() {
        for host in [
            "localhost",
            "localhost:8765",
            "127.0.0.1:80",
            "[::1]:8765",
            "LOCALHOST",
        ] {
            assert!(local_host(Some(host)), "{host}");
        }
        for host in [
            "example.com",
            "evil.example:8765",
            "10.0.0.2:8765",
            "[::2]:1",
            "",
        ] {
            assert!(!local_host(Some(host)), "{host}");
        }
        assert!(local_host(None));
    }
}
