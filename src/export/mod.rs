//! The graph, or the part of it a query's answer shows, in the formats other tools
//! read: RDF (Turtle, N-Triples), GraphML, Neo4j's bulk-import CSV files, and a JSON
//! dump that loads back. [`rdf`] also reads N-Triples back into an [`Atlas`].

pub mod dump;
pub mod graphml;
pub mod neo4j;
pub mod rdf;

use crate::graph::Atlas;
use crate::graph::error::LoadError;
use crate::graph::load::LoadOptions;
use crate::graph::model::{Direction, Quality, Source, SourceId, Status};
use crate::graph::{FactId, StructureId};
use crate::query::Answer;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

/// The export formats by name.
///
/// ```
/// use fascia::{ExportFormat, Selection};
///
/// let atlas = fascia::bundled()?;
/// let (_, answer) = fascia::run(&atlas, "muscles innervated-by tibial")?;
/// // the answer's structures and the facts among them, as N-Triples
/// let format = ExportFormat::from_name("nt").ok_or("no such format")?;
/// let mut nt = Vec::new();
/// fascia::write_export(&atlas, &Selection::of_answer(&atlas, &answer), format, &mut nt)?;
/// assert!(String::from_utf8(nt)?.contains("soleus"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportFormat {
    /// RDF as Turtle (`turtle`, `ttl`).
    Turtle,
    /// RDF as N-Triples (`ntriples`, `nt`), which fascia also reads back.
    NTriples,
    /// GraphML, for Gephi, Cytoscape, yEd and NetworkX.
    GraphMl,
    /// A JSON dump of structures, facts and sources that loads back into fascia.
    Json,
    /// Neo4j's bulk-import CSV files, written into a directory.
    Neo4j,
}

impl ExportFormat {
    /// The formats' names, in the order of the variants.
    pub const NAMES: [&'static str; 5] = ["turtle", "ntriples", "graphml", "json", "neo4j"];

    /// The format a name names, in any case; `ttl` and `nt` name Turtle and N-Triples
    /// too.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "turtle" | "ttl" => Some(ExportFormat::Turtle),
            "ntriples" | "nt" => Some(ExportFormat::NTriples),
            "graphml" => Some(ExportFormat::GraphMl),
            "json" => Some(ExportFormat::Json),
            "neo4j" => Some(ExportFormat::Neo4j),
            _ => None,
        }
    }

    /// Whether the format is several files, written into a directory.
    pub fn is_directory(self) -> bool {
        self == ExportFormat::Neo4j
    }
}

/// What to export: structures and the facts among them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// The structures.
    pub nodes: Vec<StructureId>,
    /// The facts among them.
    pub edges: Vec<FactId>,
    /// Every source for the whole graph (so that a dump loads back the same), else
    /// those the selection cites.
    pub sources: Vec<SourceId>,
}

impl Selection {
    /// Every structure and every fact.
    pub fn whole(atlas: &Atlas) -> Selection {
        Selection {
            nodes: atlas.structures().collect(),
            edges: atlas.facts().collect(),
            sources: (0..atlas.sources().len() as u32).map(SourceId).collect(),
        }
    }

    /// What a picture of the answer shows (see [`crate::output::Scene`]), plus what the
    /// answer stands on, so that the export stands alone and answers its query again:
    /// the parts and divisions through which a structure answered (see
    /// [`crate::query::eval::SetAnswer::grounds`]), the spinal roots its innervation facts
    /// list, and the evidence that decides each fact's standing (every version that
    /// gives a subject's root levels, and the rival connections of a fact that is not
    /// the standard statement).
    pub fn of_answer(atlas: &Atlas, answer: &Answer) -> Selection {
        let scene = crate::output::Scene::of(atlas, answer, None);
        let mut nodes: BTreeSet<StructureId> = scene.nodes.iter().copied().collect();
        if let Answer::Set(set) = answer {
            nodes.extend(set.grounds(atlas));
        }
        let mut edges: BTreeSet<FactId> = scene.edges.iter().copied().collect();
        // each round adds what the facts found so far stand on; a handful of rounds
        // reaches everything that decides a standing in the bundled data
        for _ in 0..4 {
            edges.extend(atlas.facts_among(&nodes.iter().copied().collect::<Vec<_>>()));
            let before = nodes.len();
            for e in &edges {
                nodes.extend(evidence(atlas, *e));
            }
            if nodes.len() == before {
                break;
            }
        }
        let mut sources: BTreeSet<SourceId> = BTreeSet::new();
        for n in &nodes {
            let s = atlas.node(*n);
            let xref = [s.xref.source, s.xref.uberon_source];
            sources.extend(s.sources.iter().copied().chain(xref.into_iter().flatten()));
        }
        for e in &edges {
            sources.extend(atlas.fact(*e).sources.iter().copied());
        }
        Selection {
            nodes: nodes.into_iter().collect(),
            edges: edges.into_iter().collect(),
            sources: sources.into_iter().collect(),
        }
    }
}

/// The structures that, with the facts among them, decide how a fact stands: its root
/// levels and the other level-giving versions of its subject, and, for a fact that is
/// not the standard statement by the data's own mark, its subject's connections of the
/// same relation to structures of the same kind as its object.
fn evidence(atlas: &Atlas, e: FactId) -> Vec<StructureId> {
    let (subject, object) = atlas.ends(e);
    let fact = atlas.fact(e);
    let mut out: Vec<StructureId> = fact.roots.to_vec();
    let same_relation = atlas.neighbours(subject, fact.relation, Direction::Forward);
    if !fact.roots.is_empty() {
        for (other, o) in atlas.neighbours(subject, fact.relation, Direction::Forward) {
            if !atlas.fact(other).roots.is_empty() {
                out.push(o);
                out.extend(atlas.fact(other).roots.iter().copied());
            }
        }
    }
    if !atlas.is_standard(e) && fact.status.is_none() {
        let kind = atlas.kind(object);
        out.extend(
            same_relation
                .filter(|(_, o)| atlas.kind(*o) == kind)
                .map(|(_, o)| o),
        );
    }
    out
}

/// How exports spell a source's quality.
pub(crate) fn quality_word(quality: Quality) -> &'static str {
    match quality {
        Quality::Standard => "standard",
        Quality::Weak => "weak",
    }
}

pub(crate) fn quality_from_word(word: &str) -> Option<Quality> {
    [Quality::Standard, Quality::Weak]
        .into_iter()
        .find(|q| quality_word(*q) == word)
}

pub(crate) fn status_from_word(word: &str) -> Option<Status> {
    [Status::Standard, Status::Minority, Status::Variant]
        .into_iter()
        .find(|s| s.word() == word)
}

/// Writes `selection` in a single-file format.
pub fn write(
    atlas: &Atlas,
    selection: &Selection,
    format: ExportFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Turtle => rdf::write(atlas, selection, rdf::Syntax::Turtle, out),
        ExportFormat::NTriples => rdf::write(atlas, selection, rdf::Syntax::NTriples, out),
        ExportFormat::GraphMl => graphml::write(atlas, selection, out),
        ExportFormat::Json => dump::write(atlas, selection, out),
        ExportFormat::Neo4j => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the neo4j export is a directory of CSV files",
        )),
    }
}

/// The id of the source an export cites for facts that carry none (an imported TSV
/// graph's): every fact of an export names a source, so that the export loads back.
pub(crate) const IMPORTED_SOURCE: &str = "imported";

/// The source cited for facts without one, if the selection has such facts: the data
/// they were imported from.
pub(crate) fn imported_source(atlas: &Atlas, selection: &Selection) -> Option<Source> {
    selection
        .edges
        .iter()
        .any(|e| atlas.fact(*e).sources.is_empty())
        .then(|| Source {
            id: IMPORTED_SOURCE.into(),
            title: format!("Facts imported from {}", atlas.origin()).into(),
            publisher: "fascia (an import without sources)".into(),
            url: None,
            read: None,
            quality: Quality::default(),
            work: None,
        })
}

/// Writes `selection` in a directory format (neo4j) into `dir`.
pub fn write_dir(
    atlas: &Atlas,
    selection: &Selection,
    format: ExportFormat,
    dir: &Path,
) -> io::Result<()> {
    match format {
        ExportFormat::Neo4j => neo4j::write_dir(atlas, selection, dir),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "only the neo4j export is a directory",
        )),
    }
}

/// Loads a data directory (`.toml` files), or a file fascia exported: N-Triples (`.nt`)
/// or a JSON dump (`.json`), within the default [`LoadOptions`].
pub fn load_path(path: &Path) -> Result<Atlas, LoadError> {
    load_path_with(path, &LoadOptions::default())
}

/// [`load_path`] within `options`.
pub fn load_path_with(path: &Path, options: &LoadOptions) -> Result<Atlas, LoadError> {
    load_path_cached(path, None, options)
}

/// The one way in for data on disk: a directory of TOML or TSV files (a TSV directory
/// read from `cache` when a fresh copy is there and written there when not; see
/// [`crate::graph::cache`]), or a file fascia exported, N-Triples (`.nt`) or a JSON dump
/// (`.json`). Every way checks what it reads and stays within `options`.
pub fn load_path_cached(
    path: &Path,
    cache: Option<&Path>,
    options: &LoadOptions,
) -> Result<Atlas, LoadError> {
    if path.is_dir() {
        return crate::graph::cache::load_dir_with(path, cache, options);
    }
    let read = |path| crate::graph::load::read_text_file(path, options.max_file_size);
    let name = path.display().to_string();
    match path.extension().and_then(|e| e.to_str()) {
        Some("nt") => Ok(rdf::read(&name, &read(path)?)?),
        Some("json") => Ok(dump::load(&name, &read(path)?)?),
        _ if path.exists() => Err(LoadError::NotData(path.to_path_buf())),
        // as for a directory: "cannot read …: No such file or directory"
        _ => crate::graph::load::load_dir_with(path, options),
    }
}
