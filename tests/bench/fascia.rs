//! Benchmarks: loading the bundled data, and parse + resolve + evaluate for a one-hop,
//! a `*` and a path query. Run with `cargo bench --bench fascia`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    // what fascia does at start-up: decode the build-time snapshot
    c.bench_function("load bundled data", |b| {
        b.iter(|| black_box(fascia::bundled()).is_ok())
    });
    // what `fascia check` and `--data DIR` do: parse and check every TOML file
    c.bench_function("parse and check bundled TOML", |b| {
        b.iter(|| black_box(fascia::check_bundled()).is_ok())
    });
}

fn queries(c: &mut Criterion) {
    let Ok(atlas) = fascia::bundled() else {
        eprintln!("bundled data does not load; run `fascia check`");
        return;
    };
    let mut group = c.benchmark_group("query");
    for (name, text) in [
        ("one-hop", "muscles innervated-by tibial"),
        ("star", "muscles innervated-by* sciatic"),
        ("path", "path soleus to sciatic"),
        (
            "boolean",
            "muscles innervated-by* sciatic and not located-in* posterior-compartment-of-leg",
        ),
        (
            "parse only",
            "muscles innervated-by tibial and originates-from* fibula",
        ),
    ] {
        if name == "parse only" {
            group.bench_function(name, |b| {
                b.iter(|| fascia::query::parse(black_box(text)).is_ok())
            });
        } else {
            group.bench_function(name, |b| {
                b.iter(|| fascia::query::run(&atlas, black_box(text)).is_ok())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, load, queries);
criterion_main!(benches);
