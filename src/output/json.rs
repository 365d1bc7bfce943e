//! JSON for scripts. The shapes are a public contract (see README): a set is an array
//! of `{"id","name","kind"}`; a path is `{"nodes":[…],"edges":[{"relation","forward"}…]}`;
//! `show` is one object with the structure's fields and its facts.

use super::{Render, grouped_facts, names, ordered_sources, reading, root_levels};
use crate::clinical::{Deficit, Effect, Lesion, Ranking};
use crate::graph::Atlas;
use crate::graph::model::{Direction, SourceId};
use crate::graph::{FactId, StructureId};
use crate::query::Answer;
use crate::query::eval::Path;
use serde_json::{Value, json};
use std::io::{self, Write};

/// JSON, in the shapes the README documents: a set as `[{"id","name","kind"}…]`.
pub struct Json;

impl Render for Json {
    fn render(&self, atlas: &Atlas, answer: &Answer, out: &mut dyn Write) -> io::Result<()> {
        let value = to_value(atlas, answer);
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)
    }
}

/// The answer as a JSON value.
pub fn to_value(atlas: &Atlas, answer: &Answer) -> Value {
    match answer {
        Answer::Set(set) => Value::Array(
            set.nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let mut v = brief(atlas, *n);
                    let via = set.via.get(i).map(Vec::as_slice).unwrap_or(&[]);
                    let minor = via.iter().any(|t| t.minor);
                    let via: Vec<_> = via.iter().filter(|t| !t.minor).collect();
                    if let (Value::Object(map), false) = (&mut v, via.is_empty()) {
                        let mut parts: Vec<StructureId> =
                            via.iter().flat_map(|t| t.nodes()).collect();
                        parts.sort_by_cached_key(|p| atlas.node(*p).name.to_lowercase());
                        parts.dedup();
                        let parts = parts.into_iter().map(|p| brief(atlas, p)).collect();
                        map.insert("via".to_string(), Value::Array(parts));
                    }
                    // a minor share: the supply reaches only a small part of it
                    if let (Value::Object(map), true) = (&mut v, minor) {
                        map.insert("minor".to_string(), Value::Bool(true));
                    }
                    v
                })
                .collect(),
        ),
        Answer::Count(n) => json!({ "count": n }),
        Answer::Show(n) => show(atlas, *n),
        Answer::Path { path, .. } => path.as_ref().map_or(Value::Null, |p| path_value(atlas, p)),
        Answer::Paths {
            paths, truncated, ..
        } => {
            let _ = truncated;
            Value::Array(paths.iter().map(|p| path_value(atlas, p)).collect())
        }
        Answer::Why(w) => json!({
            "subject": brief(atlas, w.subject),
            "relation": w.relation.name(w.direction),
            "target": brief(atlas, w.target),
            "asserted": w.asserted.iter().map(|e| fact(atlas, *e)).collect::<Vec<_>>(),
            "inferred": w.inferred.as_ref().map(|p| {
                p.steps.iter().map(|s| fact(atlas, s.edge)).collect::<Vec<_>>()
            }),
        }),
        Answer::Around(g) => json!({
            "center": g.center.map(|c| brief(atlas, c)),
            "nodes": g.nodes.iter().map(|n| brief(atlas, *n)).collect::<Vec<_>>(),
            "edges": g.edges.iter().map(|e| {
                let (s, o) = atlas.ends(*e);
                json!({
                    "subject": atlas.node(s).id,
                    "relation": atlas.fact(*e).relation.forward_name(),
                    "object": atlas.node(o).id,
                })
            }).collect::<Vec<_>>(),
            "truncated": g.truncated,
        }),
        Answer::Lesion(d) => lesion(atlas, d),
        Answer::Localize(r) => localize(atlas, r),
        Answer::BedsideSign(sign) => bedside_sign(atlas, sign),
    }
}

/// `{"id","name","kind"}`.
pub fn brief(atlas: &Atlas, n: StructureId) -> Value {
    let s = atlas.node(n);
    json!({ "id": s.id, "name": s.name, "kind": s.kind })
}

fn path_value(atlas: &Atlas, p: &Path) -> Value {
    json!({
        "nodes": p.nodes.iter().map(|n| brief(atlas, *n)).collect::<Vec<_>>(),
        "edges": p.steps.iter().map(|s| json!({
            "relation": s.relation.forward_name(),
            "forward": s.forward,
            "reads": reading(s.relation, s.forward),
            "sources": source_ids(atlas, &atlas.fact(s.edge).sources),
        })).collect::<Vec<_>>(),
    })
}

fn source_ids(atlas: &Atlas, sources: &[SourceId]) -> Vec<String> {
    ordered_sources(atlas, sources)
        .iter()
        .map(|s| atlas.source(*s).id.to_string())
        .collect()
}

/// One fact with both ends, its attributes, its sources and where it is written.
fn fact(atlas: &Atlas, e: FactId) -> Value {
    let (s, o) = atlas.ends(e);
    let f = atlas.fact(e);
    json!({
        "subject": brief(atlas, s),
        "relation": f.relation.forward_name(),
        "object": brief(atlas, o),
        "roots": root_levels(atlas, f),
        "contributing": names(atlas, f.contributing_roots()),
        "minor": f.minor,
        "sources": source_ids(atlas, &f.sources),
        "status": atlas.standing(e).word(),
        "location": atlas.location(e).to_string(),
    })
}

/// Cross-reference ids, only those known, and the source they were read in.
fn xref(atlas: &Atlas, x: &crate::graph::model::Xref) -> Value {
    let mut map = serde_json::Map::new();
    for (scheme, id) in x.ids() {
        map.insert(scheme.key().to_string(), Value::String(id.to_string()));
    }
    if let Some(src) = x.source {
        let id = atlas.source(src).id.to_string();
        map.insert("source".to_string(), Value::String(id));
    }
    if let Some(src) = x.uberon_source {
        let id = atlas.source(src).id.to_string();
        map.insert("uberon_source".to_string(), Value::String(id));
    }
    Value::Object(map)
}

/// A source with the work it belongs to and where that work stands.
fn source(atlas: &Atlas, id: crate::graph::model::SourceId) -> Value {
    let mut value = serde_json::to_value(atlas.source(id)).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert(
            "work".to_string(),
            atlas.work_of(id).map_or(Value::Null, |w| json!(w.id)),
        );
        map.insert("tier".to_string(), json!(atlas.tier(id).word()));
    }
    value
}

fn show(atlas: &Atlas, n: StructureId) -> Value {
    let (principal, contributing) = atlas.levels_of(n);
    let s = atlas.node(n);
    let mut cited: Vec<SourceId> = s.sources.clone();
    for src in [s.xref.source, s.xref.uberon_source].into_iter().flatten() {
        if !cited.contains(&src) {
            cited.push(src);
        }
    }
    let mut facts = Vec::new();
    for (relation, direction, list) in grouped_facts(atlas, n) {
        for (e, other, part) in list {
            let f = atlas.fact(e);
            for src in &f.sources {
                if !cited.contains(src) {
                    cited.push(*src);
                }
            }
            facts.push(json!({
                "relation": relation.name(direction),
                "forward": direction == Direction::Forward,
                "structure": brief(atlas, other),
                "roots": root_levels(atlas, f),
                "contributing": names(atlas, f.contributing_roots()),
                "minor": f.minor,
                "role": f.role,
                "note": atlas.note(e),
                "sources": source_ids(atlas, &f.sources),
                "status": atlas.standing(e).word(),
                "part": part.map(|p| brief(atlas, p)),
            }));
        }
    }
    json!({
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "latin": s.latin,
        "aliases": s.aliases,
        "notes": s.notes,
        "xref": xref(atlas, &s.xref),
        "facts": facts,
        "levels": {
            "principal": names(atlas, &principal),
            "contributing": names(atlas, &contributing),
        },
        "sources": cited.iter().map(|id| source(atlas, *id)).collect::<Vec<_>>(),
    })
}

// ---------------------------------------------------------------- clinical reasoning

/// `{"id","name","kind"}` of a lesion; a site adds its nerve, point and what it spares.
fn lesion_brief(atlas: &Atlas, lesion: &Lesion) -> Value {
    match lesion {
        Lesion::Node(n) => brief(atlas, *n),
        Lesion::Site(site) => json!({
            "id": site.id,
            "name": site.name,
            "kind": "lesion-site",
            "nerve": brief(atlas, site.nerve),
            "at": brief(atlas, site.at),
            "spares": site.spares.iter().map(|n| brief(atlas, *n)).collect::<Vec<_>>(),
            "note": site.note,
            "sources": source_ids(atlas, &site.sources),
        }),
    }
}

/// `{"id","name","kind":"bedside-sign","aliases","findings":[{…,"finding"}],"note","sources"}`.
fn bedside_sign(atlas: &Atlas, sign: &crate::graph::clinical::SignDef) -> Value {
    let findings: Vec<Value> = sign
        .findings
        .iter()
        .map(|(f, n)| {
            let mut v = brief(atlas, *n);
            if let Value::Object(map) = &mut v {
                let word = crate::clinical::Sign::of_finding(*f).word();
                map.insert("finding".to_string(), Value::from(word));
            }
            v
        })
        .collect();
    json!({
        "id": sign.id,
        "name": sign.name,
        "kind": "bedside-sign",
        "aliases": sign.aliases,
        "findings": findings,
        "note": sign.note,
        "sources": sign.sources.iter().map(|id| source(atlas, *id)).collect::<Vec<_>>(),
    })
}

/// A structure's brief with an `effect` field.
fn with_effect(atlas: &Atlas, n: StructureId, effect: &str) -> Value {
    let mut v = brief(atlas, n);
    if let Value::Object(map) = &mut v {
        map.insert("effect".to_string(), Value::from(effect));
    }
    v
}

fn effect_word(effect: Effect) -> &'static str {
    match effect {
        Effect::Lost => "lost",
        Effect::Weakened => "weakened",
    }
}

/// `{"lesion":{…},"muscles":[…],"movements":[…],"skin":[…],"reflexes":[…],"glands":[…],
/// "senses":[…]}`.
fn lesion(atlas: &Atlas, d: &Deficit) -> Value {
    let muscles: Vec<Value> = d
        .muscles
        .iter()
        .map(|m| {
            let mut v = with_effect(atlas, m.muscle, effect_word(m.effect));
            if let (Value::Object(map), false) = (&mut v, m.parts.is_empty()) {
                let parts = m
                    .parts
                    .iter()
                    .map(|(p, e)| with_effect(atlas, *p, effect_word(*e)))
                    .collect();
                map.insert("parts".to_string(), Value::Array(parts));
            }
            v
        })
        .collect();
    let movements: Vec<Value> = d
        .movements
        .iter()
        .map(|m| {
            let mut v = with_effect(atlas, m.movement, effect_word(m.effect));
            if let Value::Object(map) = &mut v {
                let still = m.remaining.iter().map(|n| brief(atlas, *n)).collect();
                map.insert("still-performed-by".to_string(), Value::Array(still));
            }
            v
        })
        .collect();
    // each structure with its effect, in the words for (lost, reduced)
    let affected = |list: &[crate::clinical::Affected], (lost, reduced): (&str, &str)| {
        list.iter()
            .map(|a| {
                let effect = match a.effect {
                    Effect::Lost => lost,
                    Effect::Weakened => reduced,
                };
                with_effect(atlas, a.node, effect)
            })
            .collect::<Vec<Value>>()
    };
    json!({
        "lesion": lesion_brief(atlas, &d.lesion),
        "muscles": muscles,
        "movements": movements,
        "skin": affected(&d.skin, ("numb", "partly-numb")),
        "reflexes": affected(&d.reflexes, ("lost", "reduced")),
        "glands": affected(&d.glands, ("lost", "reduced")),
        "senses": affected(&d.senses, ("lost", "reduced")),
    })
}

/// An array of candidates, best first: `{"id","name","kind","rank","score","explains",
/// "misses","contradicts"}`; equal scores share a rank.
/// An array of candidates, best first; the first carries `tells-apart`, the
/// examination that best separates it from the second.
fn localize(atlas: &Atlas, r: &Ranking) -> Value {
    let briefs =
        |nodes: &[StructureId]| -> Vec<Value> { nodes.iter().map(|n| brief(atlas, *n)).collect() };
    let tells_apart = r.separator.map(|sep| {
        let kind = atlas.node(sep.node).kind;
        json!({
            "structure": brief(atlas, sep.node),
            "here": crate::output::text::finding_word(kind, sep.first),
            "next": crate::output::text::finding_word(kind, sep.second),
        })
    });
    Value::Array(
        r.candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut v = lesion_brief(atlas, &c.lesion);
                if let Value::Object(map) = &mut v {
                    map.insert("rank".to_string(), Value::from(c.rank));
                    let score = c.score as f64 / 100.0;
                    map.insert("score".to_string(), Value::from(score));
                    map.insert("explains".to_string(), Value::from(briefs(&c.explains)));
                    map.insert("misses".to_string(), Value::from(briefs(&c.misses)));
                    map.insert(
                        "contradicts".to_string(),
                        Value::from(briefs(&c.contradicts)),
                    );
                    if let (0, Some(t)) = (i, &tells_apart) {
                        map.insert("tells-apart".to_string(), t.clone());
                    }
                }
                v
            })
            .collect(),
    )
}
