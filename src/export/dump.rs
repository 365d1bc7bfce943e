//! fascia's own JSON dump: every source, structure and fact with all their fields and
//! the file positions they were read from, so that dump → load → dump gives the same
//! bytes. `--data FILE.json` loads one.

use super::Selection;
use crate::graph::Atlas;
use crate::graph::build::{Builder, FactSpec, StructureSpec};
use crate::graph::error::{DataError, DataErrors};
use crate::graph::model::{Kind, Location, Relation, Role, Source, Text, Tier, Work, Xref};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// What the `format` field holds; a later, incompatible layout gets a new version.
pub const FORMAT: &str = "fascia-dump-1";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Dump {
    format: String,
    /// The reference works sources belong to, with their tier in the canon.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    works: Vec<DumpWork>,
    sources: Vec<DumpSource>,
    structures: Vec<DumpStructure>,
    facts: Vec<DumpFact>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DumpSource {
    id: String,
    title: String,
    publisher: String,
    url: Option<String>,
    read: Option<String>,
    quality: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    work: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DumpWork {
    id: String,
    title: String,
    tier: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DumpStructure {
    id: String,
    kind: String,
    name: String,
    latin: Option<String>,
    aliases: Vec<String>,
    notes: Vec<String>,
    fma: Option<String>,
    #[serde(default)]
    ta98: Option<String>,
    #[serde(default)]
    ta2: Option<String>,
    uberon: Option<String>,
    wikidata: Option<String>,
    /// The source the cross-reference ids were read in.
    #[serde(default)]
    xref_source: Option<String>,
    /// The source the UBERON id was read in, where it is not `xref_source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    uberon_source: Option<String>,
    sources: Vec<String>,
    at: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DumpFact {
    subject: String,
    relation: String,
    object: String,
    roots: Vec<String>,
    /// Of `roots`, those the reference gives as contributing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    contributing: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    minor: bool,
    role: Option<String>,
    note: Option<String>,
    status: Option<String>,
    sources: Vec<String>,
    at: String,
}

fn text(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(ToString::to_string)
}

/// Writes the selection as a dump, pretty-printed JSON that loads back.
pub fn write(atlas: &Atlas, selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let imported = super::imported_source(atlas, selection);
    let imported_entry = imported.as_ref().map(|s| DumpSource {
        id: s.id.to_string(),
        title: s.title.to_string(),
        publisher: s.publisher.to_string(),
        url: None,
        read: None,
        quality: super::quality_word(s.quality).to_string(),
        work: None,
    });
    let sources = selection
        .sources
        .iter()
        .map(|id| {
            let s = atlas.source(*id);
            DumpSource {
                id: s.id.to_string(),
                title: s.title.to_string(),
                publisher: s.publisher.to_string(),
                url: text(&s.url),
                read: text(&s.read),
                quality: super::quality_word(s.quality).to_string(),
                work: atlas.work_of(*id).map(|w| w.id.to_string()),
            }
        })
        .chain(imported_entry)
        .collect();
    // the works of the sources written, in the atlas's order
    let mut used: Vec<bool> = vec![false; atlas.works().len()];
    for id in &selection.sources {
        if let Some(w) = atlas.source(*id).work {
            if let Some(u) = used.get_mut(w.0 as usize) {
                *u = true;
            }
        }
    }
    let works = atlas
        .works()
        .iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(w, _)| DumpWork {
            id: w.id.to_string(),
            title: w.title.to_string(),
            tier: w.tier.word().to_string(),
        })
        .collect();
    let source_ids = |ids: &[crate::graph::model::SourceId]| {
        ids.iter()
            .map(|s| atlas.source(*s).id.to_string())
            .collect::<Vec<_>>()
    };
    let structures = selection
        .nodes
        .iter()
        .map(|n| {
            let s = atlas.node(*n);
            DumpStructure {
                id: s.id.to_string(),
                kind: s.kind.data_key().to_string(),
                name: s.name.to_string(),
                latin: text(&s.latin),
                aliases: s.aliases.iter().map(ToString::to_string).collect(),
                notes: s.notes.iter().map(ToString::to_string).collect(),
                fma: text(&s.xref.fma),
                ta98: text(&s.xref.ta98),
                ta2: text(&s.xref.ta2),
                uberon: text(&s.xref.uberon),
                wikidata: text(&s.xref.wikidata),
                xref_source: s.xref.source.map(|id| atlas.source(id).id.to_string()),
                uberon_source: s
                    .xref
                    .uberon_source
                    .map(|id| atlas.source(id).id.to_string()),
                sources: source_ids(&s.sources),
                at: s.location.to_string(),
            }
        })
        .collect();
    let facts = selection
        .edges
        .iter()
        .map(|e| {
            let (s, o) = atlas.ends(*e);
            let f = atlas.fact(*e);
            DumpFact {
                subject: atlas.node(s).id.to_string(),
                relation: f.relation.forward_name().to_string(),
                object: atlas.node(o).id.to_string(),
                roots: f
                    .roots
                    .iter()
                    .map(|r| atlas.node(*r).id.to_string())
                    .collect(),
                contributing: f
                    .contributing_roots()
                    .iter()
                    .map(|r| atlas.node(*r).id.to_string())
                    .collect(),
                minor: f.minor,
                role: f.role.map(|r| match r {
                    Role::Prime => "prime".to_string(),
                    Role::Assisting => "assisting".to_string(),
                }),
                note: atlas.note(*e).map(ToString::to_string),
                status: f.status.map(|s| s.word().to_string()),
                sources: if f.sources.is_empty() && imported.is_some() {
                    vec![super::IMPORTED_SOURCE.to_string()]
                } else {
                    source_ids(&f.sources)
                },
                at: atlas.location(*e).to_string(),
            }
        })
        .collect();
    let dump = Dump {
        format: FORMAT.to_string(),
        works,
        sources,
        structures,
        facts,
    };
    serde_json::to_writer_pretty(&mut *out, &dump)?;
    writeln!(out)
}

/// `file:line:column`, as [`Location`] prints it; the file name may hold colons.
fn location(text: &str, fallback: &Location) -> Location {
    let mut parts = text.rsplitn(3, ':');
    let column = parts.next().and_then(|c| c.parse().ok());
    let line = parts.next().and_then(|l| l.parse().ok());
    match (parts.next(), line, column) {
        (Some(file), Some(line), Some(column)) => Location {
            file: Text::from(file.to_string()),
            line,
            column,
        },
        _ => fallback.clone(),
    }
}

/// Loads a dump written by [`write()`].
pub fn load(name: &str, json: &str) -> Result<Atlas, DataErrors> {
    let whole_file = Location {
        file: Text::from(name.to_string()),
        line: 1,
        column: 1,
    };
    let fail =
        |location: Location, message: String| DataErrors(vec![DataError { location, message }]);
    let dump: Dump = serde_json::from_str(json).map_err(|e| {
        let at = Location {
            file: Text::from(name.to_string()),
            line: e.line(),
            column: e.column(),
        };
        fail(at, format!("not a fascia JSON dump: {e}"))
    })?;
    if dump.format != FORMAT {
        let message = format!("format `{}` is not `{FORMAT}`", dump.format);
        return Err(fail(whole_file, message));
    }
    let places = entry_places(name, json, &dump);
    let mut builder = Builder::new();
    let mut errors = Vec::new();
    for w in dump.works {
        let Some(tier) = Tier::ALL.into_iter().find(|t| t.word() == w.tier) else {
            errors.push(DataError {
                location: whole_file.clone(),
                message: format!("work `{}`: unknown tier `{}`", w.id, w.tier),
            });
            continue;
        };
        let work = Work {
            id: w.id.into(),
            title: w.title.into(),
            tier,
        };
        builder.work(work, whole_file.clone());
    }
    for s in dump.sources {
        let Some(quality) = super::quality_from_word(&s.quality) else {
            errors.push(DataError {
                location: whole_file.clone(),
                message: format!("source `{}`: unknown quality `{}`", s.id, s.quality),
            });
            continue;
        };
        let source = Source {
            id: s.id.into(),
            title: s.title.into(),
            publisher: s.publisher.into(),
            url: s.url.map(Text::from),
            read: s.read.map(Text::from),
            quality,
            work: None,
        };
        builder.source_in_work(source, s.work, whole_file.clone());
    }
    for s in dump.structures {
        let at = location(&s.at, &whole_file);
        let Some(kind) = Kind::from_data_key(&s.kind) else {
            errors.push(DataError {
                location: at,
                message: format!("unknown kind `{}`", s.kind),
            });
            continue;
        };
        builder.structure(StructureSpec {
            id: s.id,
            kind,
            name: s.name,
            latin: s.latin,
            aliases: s.aliases,
            notes: s.notes,
            xref: Xref {
                fma: s.fma.map(Text::from),
                ta98: s.ta98.map(Text::from),
                ta2: s.ta2.map(Text::from),
                uberon: s.uberon.map(Text::from),
                wikidata: s.wikidata.map(Text::from),
                source: None,
                uberon_source: None,
            },
            xref_source: s.xref_source,
            uberon_source: s.uberon_source,
            sources: s.sources,
            location: at,
        });
    }
    for f in dump.facts {
        let at = location(&f.at, &whole_file);
        let relation = match Relation::from_name(&f.relation) {
            Some((r, crate::graph::model::Direction::Forward)) => r,
            _ => {
                errors.push(DataError {
                    location: at,
                    message: format!("unknown relation `{}`", f.relation),
                });
                continue;
            }
        };
        let role = match f.role.as_deref() {
            None => None,
            Some("prime") => Some(Role::Prime),
            Some("assisting") => Some(Role::Assisting),
            Some(other) => {
                errors.push(DataError {
                    location: at,
                    message: format!("unknown role `{other}`"),
                });
                continue;
            }
        };
        let status = match f.status.as_deref().map(super::status_from_word) {
            None => None,
            Some(Some(status)) => Some(status),
            Some(None) => {
                errors.push(DataError {
                    location: at,
                    message: format!("unknown status `{}`", f.status.unwrap_or_default()),
                });
                continue;
            }
        };
        builder.fact(FactSpec {
            subject: f.subject,
            relation,
            object: f.object,
            sources: f.sources,
            roots: f.roots,
            contributing: f.contributing,
            minor: f.minor,
            role,
            note: f.note,
            status,
            location: at,
        });
    }
    let result = match builder.finish(name) {
        Ok(atlas) if errors.is_empty() => Ok(atlas),
        Ok(_) => Err(DataErrors(errors)),
        Err(mut e) => {
            e.0.extend(errors);
            Err(e)
        }
    };
    // a problem is this file's: put at its entry here, saying where it was first stated
    result.map_err(|DataErrors(found)| {
        DataErrors(
            found
                .into_iter()
                .map(|mut e| {
                    if let Some(here) = places.get(&e.location.to_string()) {
                        e.message = format!("{} (stated at {})", e.message, e.location);
                        e.location = here.clone();
                    }
                    e
                })
                .collect(),
        )
    })
}

/// Each structure's and fact's `at` → where its entry starts in this file.
fn entry_places(
    name: &str,
    json: &str,
    dump: &Dump,
) -> std::collections::HashMap<String, Location> {
    #[derive(Deserialize)]
    struct Entries<'a> {
        #[serde(borrow, default)]
        structures: Vec<&'a serde_json::value::RawValue>,
        #[serde(borrow, default)]
        facts: Vec<&'a serde_json::value::RawValue>,
    }
    let mut places = std::collections::HashMap::new();
    let Ok(entries) = serde_json::from_str::<Entries>(json) else {
        return places;
    };
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(json.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let locate = |raw: &serde_json::value::RawValue| {
        // the raw text is a slice of `json`: its address says where
        let offset = (raw.get().as_ptr() as usize).saturating_sub(json.as_ptr() as usize);
        let line = line_starts.partition_point(|start| *start <= offset);
        let start = line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        Location {
            file: Text::from(name.to_string()),
            line,
            column: json.get(start..offset).map_or(1, |t| t.chars().count() + 1),
        }
    };
    let ats = dump.structures.iter().map(|s| &s.at);
    let raws = entries.structures.iter();
    for (at, raw) in ats.zip(raws) {
        places.entry(at.clone()).or_insert_with(|| locate(raw));
    }
    for (at, raw) in dump.facts.iter().map(|f| &f.at).zip(entries.facts.iter()) {
        places.entry(at.clone()).or_insert_with(|| locate(raw));
    }
    places
}
