//! A compact binary form of a checked graph, written by build.rs for the bundled data
//! and read when fascia starts.
//!
//! Every string lives in one text blob that is checked as UTF-8 once; structures and
//! facts refer to it by offset and length, so reading allocates no strings at all.
//! Reading is defensive: anything out of place gives `None` (the caller then falls back
//! to parsing the TOML texts), never a panic.

use super::FactId;
use super::StructureId;
use super::adjacency::{Adjacency, Csr, Entry};
use super::agreement::{Agreement, Standing, Weight};
use super::model::{
    Fact, Kind, Location, NoteId, Position, Quality, Relation, Role, Source, SourceId, Status,
    Structure, Text, Tier, Work, WorkId, Xref, XrefScheme,
};
use super::{Atlas, Derived, FactTexts, NameIndex, RootLevels, clinical};
use petgraph::graph::DiGraph;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"FSC8";
const NONE: u32 = u32::MAX;

/// Encodes a checked graph.
pub fn encode(atlas: &Atlas) -> Vec<u8> {
    let mut w = Writer::default();
    w.u32(atlas.works.len() as u32);
    for work in &atlas.works {
        w.text(&work.id);
        w.text(&work.title);
        w.bytes.push(tier_index(work.tier));
    }
    w.u32(atlas.sources.len() as u32);
    for s in &atlas.sources {
        w.text(&s.id);
        w.text(&s.title);
        w.text(&s.publisher);
        w.opt(s.url.as_ref());
        w.opt(s.read.as_ref());
        w.bytes.push(match s.quality {
            Quality::Standard => 0,
            Quality::Weak => 1,
        });
        w.u32(s.work.map_or(NONE, |id| id.0));
    }
    let g = &atlas.graph;
    w.u32(g.node_count() as u32);
    for s in g.node_weights() {
        w.text(&s.id);
        w.bytes.push(s.kind.index() as u8);
        w.text(&s.name);
        w.opt(s.latin.as_ref());
        w.texts(&s.aliases);
        w.texts(&s.notes);
        for scheme in XrefScheme::ALL {
            w.opt(s.xref.get(scheme));
        }
        w.u32(s.xref.source.map_or(NONE, |id| id.0));
        w.u32(s.xref.uberon_source.map_or(NONE, |id| id.0));
        w.sources(&s.sources);
        w.location(&s.location);
    }
    w.texts(&atlas.texts.files);
    w.texts(&atlas.texts.notes);
    w.u32(g.edge_count() as u32);
    for e in g.raw_edges() {
        let f = &e.weight;
        w.u32(e.source().index() as u32);
        w.u32(e.target().index() as u32);
        w.bytes.push(relation_index(f.relation));
        w.sources(&f.sources);
        w.u32(f.roots.len() as u32);
        for r in &f.roots {
            w.u32(r.index() as u32);
        }
        w.bytes.push(f.contributing);
        w.bytes.push(u8::from(f.minor));
        w.bytes.push(match f.role {
            None => 0,
            Some(Role::Prime) => 1,
            Some(Role::Assisting) => 2,
        });
        w.u32(f.note.map_or(NONE, |n| n.0));
        w.bytes.push(match f.status {
            None => 0,
            Some(Status::Standard) => 1,
            Some(Status::Minority) => 2,
            Some(Status::Variant) => 3,
        });
        w.u32(f.position.file);
        w.u32(f.position.line);
        w.u32(f.position.column);
    }
    let names = &atlas.by_name;
    w.u32(names.keys.len() as u32);
    for (key, start, end) in &names.keys {
        w.text(key);
        w.u32(*start);
        w.u32(*end);
    }
    w.u32(names.nodes.len() as u32);
    for (n, rank) in names.nodes.iter().zip(&names.ranks) {
        w.u32(n.index() as u32);
        w.bytes.push(*rank);
    }
    w.clinical(&atlas.clinical);
    w.derived(atlas);
    // the blob goes first so a reader can check it before reading offsets into it
    let mut out = Vec::with_capacity(w.blob.len() + w.bytes.len() + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(w.blob.len() as u32).to_le_bytes());
    out.extend_from_slice(w.blob.as_bytes());
    out.extend_from_slice(&w.bytes);
    out
}

/// The snapshot format's version, part of every cache key: a change to what
/// [`encode`] writes must change `MAGIC`.
pub fn format_version() -> &'static str {
    // the magic is ASCII
    std::str::from_utf8(MAGIC).unwrap_or("?")
}

/// Decodes what [`encode`] wrote; `None` if the bytes are not such a snapshot. Texts
/// are borrowed from `bytes`, which live as long as the program (the bundled data).
pub fn decode(bytes: &'static [u8], origin: &str) -> Option<Atlas> {
    let (blob, rest) = split(bytes)?;
    read(
        Reader {
            blob: Blob::Static(blob),
            bytes: rest,
            last_file: None,
        },
        origin,
    )
}

/// Decodes what [`encode`] wrote from bytes read at run time (a cache file): texts
/// are copied out, except file names, which are shared.
pub fn decode_owned(bytes: &[u8], origin: &str) -> Option<Atlas> {
    let (blob, rest) = split(bytes)?;
    read(
        Reader {
            blob: Blob::Owned(blob),
            bytes: rest,
            last_file: None,
        },
        origin,
    )
}

/// The text blob (checked as UTF-8 once) and the bytes after it.
fn split(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    let blob = std::str::from_utf8(rest.get(..len)?).ok()?;
    Some((blob, rest.get(len..)?))
}

fn read(mut r: Reader<'_>, origin: &str) -> Option<Atlas> {
    let n_works = r.count()?;
    let mut works = Vec::with_capacity(n_works);
    for _ in 0..n_works {
        works.push(Work {
            id: r.text()?,
            title: r.text()?,
            tier: *Tier::ALL.get(r.u8()? as usize)?,
        });
    }
    let n_sources = r.count()?;
    let mut sources = Vec::with_capacity(n_sources);
    for _ in 0..n_sources {
        sources.push(Source {
            id: r.text()?,
            title: r.text()?,
            publisher: r.text()?,
            url: r.opt()?,
            read: r.opt()?,
            quality: match r.u8()? {
                0 => Quality::Standard,
                1 => Quality::Weak,
                _ => return None,
            },
            work: match r.u32()? {
                NONE => None,
                n if (n as usize) < n_works => Some(WorkId(n)),
                _ => return None,
            },
        });
    }
    let n_nodes = r.count()?;
    let mut structures = Vec::with_capacity(n_nodes);
    for _ in 0..n_nodes {
        let id = r.text()?;
        let kind = *Kind::ALL.get(r.u8()? as usize)?;
        structures.push(Structure {
            id,
            kind,
            name: r.text()?,
            latin: r.opt()?,
            aliases: r.texts()?,
            notes: r.texts()?,
            xref: r.xref(sources.len())?,
            sources: r.sources(sources.len())?,
            location: r.location()?,
        });
    }
    let texts = FactTexts {
        files: r.texts()?,
        notes: r.texts()?,
    };
    let (n_files, n_notes) = (texts.files.len(), texts.notes.len());
    let n_edges = r.count()?;
    // the facts are linked into a graph of bare nodes, whose lists fit in a cache (a
    // graph of structures takes a cache miss per end of each fact), then the
    // structures move in without linking again
    let mut skeleton: DiGraph<(), Fact> = DiGraph::with_capacity(n_nodes, n_edges);
    for _ in 0..n_nodes {
        skeleton.add_node(());
    }
    for _ in 0..n_edges {
        let from = r.node(n_nodes)?;
        let to = r.node(n_nodes)?;
        let relation = *Relation::ALL.get(r.u8()? as usize)?;
        let sources = r.sources(sources.len())?;
        let n_roots = r.count()?;
        let roots = (0..n_roots)
            .map(|_| r.node(n_nodes))
            .collect::<Option<Box<[_]>>>()?;
        let contributing = r.u8()?;
        let minor = match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        if contributing as usize > roots.len() {
            return None;
        }
        let role = match r.u8()? {
            0 => None,
            1 => Some(Role::Prime),
            2 => Some(Role::Assisting),
            _ => return None,
        };
        let note = match r.u32()? {
            NONE => None,
            n if (n as usize) < n_notes => Some(NoteId(n)),
            _ => return None,
        };
        let status = match r.u8()? {
            0 => None,
            1 => Some(Status::Standard),
            2 => Some(Status::Minority),
            3 => Some(Status::Variant),
            _ => return None,
        };
        let position = Position {
            file: r.u32()?,
            line: r.u32()?,
            column: r.u32()?,
        };
        if position.file as usize >= n_files {
            return None;
        }
        let fact = Fact {
            relation,
            sources: sources.into(),
            roots,
            contributing,
            minor,
            role,
            note,
            status,
            position,
        };
        skeleton.add_edge(from.node(), to.node(), fact);
    }
    let mut structures = structures.into_iter();
    // never taken: there is one structure per node
    let graph = skeleton.map_owned(
        |_, ()| structures.next().unwrap_or_else(blank),
        |_, fact| fact,
    );
    let n_keys = r.count()?;
    let mut names = NameIndex::default();
    names.keys.reserve(n_keys);
    for _ in 0..n_keys {
        names.keys.push((r.text()?, r.u32()?, r.u32()?));
    }
    let n_entries = r.count()?;
    names.nodes.reserve(n_entries);
    names.ranks.reserve(n_entries);
    for _ in 0..n_entries {
        names.nodes.push(r.node(n_nodes)?);
        names.ranks.push(r.u8()?);
    }
    let in_range = names
        .keys
        .iter()
        .all(|(_, s, e)| s <= e && *e as usize <= n_entries);
    let clinical = r.clinical(n_nodes, sources.len())?;
    if !in_range {
        return None;
    }
    let derived = r.derived(names, n_nodes, n_edges)?;
    if !r.bytes.is_empty() {
        return None;
    }
    let mut atlas = Atlas::with_derived(graph, works, sources, texts, origin.to_string(), derived);
    atlas.set_clinical(clinical);
    Some(atlas)
}

/// A structure of nothing, where the type wants one that cannot be missing.
fn blank() -> Structure {
    Structure {
        id: Text::default(),
        kind: Kind::Muscle,
        name: Text::default(),
        latin: None,
        aliases: Vec::new(),
        notes: Vec::new(),
        xref: Xref::default(),
        sources: Vec::new(),
        location: Location {
            file: Text::default(),
            line: 0,
            column: 0,
        },
    }
}

fn tier_index(t: Tier) -> u8 {
    Tier::ALL.iter().position(|x| *x == t).unwrap_or(0) as u8
}

fn relation_index(r: Relation) -> u8 {
    Relation::ALL.iter().position(|x| *x == r).unwrap_or(0) as u8
}

#[derive(Default)]
struct Writer {
    blob: String,
    bytes: Vec<u8>,
}

impl Writer {
    fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    fn text(&mut self, t: &str) {
        let start = self.blob.len() as u32;
        self.blob.push_str(t);
        self.u32(start);
        self.u32(t.len() as u32);
    }

    fn opt(&mut self, t: Option<&Text>) {
        match t {
            Some(t) => self.text(t),
            None => {
                self.u32(NONE);
                self.u32(0);
            }
        }
    }

    fn texts(&mut self, ts: &[Text]) {
        self.u32(ts.len() as u32);
        for t in ts {
            self.text(t);
        }
    }

    fn sources(&mut self, s: &[SourceId]) {
        self.u32(s.len() as u32);
        for id in s {
            self.u32(id.0);
        }
    }

    fn location(&mut self, l: &Location) {
        self.text(&l.file);
        self.u32(l.line as u32);
        self.u32(l.column as u32);
    }

    fn nodes(&mut self, nodes: &[StructureId]) {
        self.u32(nodes.len() as u32);
        for n in nodes {
            self.u32(n.index() as u32);
        }
    }

    fn u16s(&mut self, vs: &[u16]) {
        self.u32(vs.len() as u32);
        for v in vs {
            self.bytes.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn csr(&mut self, csr: &Csr) {
        self.u32(csr.offsets.len() as u32);
        for o in &csr.offsets {
            self.u32(*o);
        }
        self.u32(csr.entries.len() as u32);
        for e in &csr.entries {
            self.bytes.push(e.relation);
            self.u32(e.other);
            self.u32(e.edge);
        }
    }

    /// Root → facts, by root so that one graph always gives the same bytes.
    fn root_levels(&mut self, levels: &RootLevels) {
        let mut roots: Vec<_> = levels.iter().collect();
        roots.sort_unstable_by_key(|(root, _)| **root);
        self.u32(roots.len() as u32);
        for (root, edges) in roots {
            self.u32(root.index() as u32);
            self.u32(edges.len() as u32);
            for e in edges {
                self.u32(e.index() as u32);
            }
        }
    }

    /// The indexes a start would otherwise build again (see [`Derived`]).
    fn derived(&mut self, atlas: &Atlas) {
        self.u32(atlas.by_kind.len() as u32);
        for list in &atlas.by_kind {
            self.nodes(list);
        }
        let (forward, inverse, parts) = atlas.adjacency.parts();
        self.csr(forward);
        self.csr(inverse);
        self.u32(parts.len() as u32);
        for word in parts {
            self.bytes.extend_from_slice(&word.to_le_bytes());
        }
        for levels in [
            &atlas.root_levels,
            &atlas.standard_root_levels,
            &atlas.weighted_root_levels,
        ] {
            self.root_levels(levels);
        }
        let a = atlas.agreement.parts();
        self.u32(a.standing.len() as u32);
        for st in a.standing {
            let i = Standing::ALL.iter().position(|x| x == st);
            self.bytes.push(i.unwrap_or(0) as u8);
        }
        self.u16s(a.support);
        let mut levels: Vec<_> = a.levels.iter().collect();
        levels.sort_unstable_by_key(|(key, _)| **key);
        self.u32(levels.len() as u32);
        for ((subject, root), weight) in levels {
            self.u32(subject.index() as u32);
            self.u32(root.index() as u32);
            let i = Weight::ALL.iter().position(|x| x == weight);
            self.bytes.push(i.unwrap_or(0) as u8);
        }
        self.bytes.push(u8::from(atlas.disputed));
    }

    fn clinical(&mut self, t: &clinical::Tables) {
        self.u32(t.sites.len() as u32);
        for s in &t.sites {
            self.text(&s.id);
            self.text(&s.name);
            self.texts(&s.aliases);
            self.nodes(&[s.nerve, s.at]);
            self.nodes(&s.spares);
            self.opt(s.note.as_ref());
            self.sources(&s.sources);
        }
        self.u32(t.routes.len() as u32);
        for r in &t.routes {
            self.nodes(&[r.division, r.cord]);
            self.sources(&r.sources);
        }
        self.u32(t.signs.len() as u32);
        for s in &t.signs {
            self.text(&s.id);
            self.text(&s.name);
            self.texts(&s.aliases);
            self.u32(s.findings.len() as u32);
            for (sort, n) in &s.findings {
                let i = clinical::SignFinding::ALL.iter().position(|x| x == sort);
                self.bytes.push(i.unwrap_or(0) as u8);
                self.u32(n.index() as u32);
            }
            self.opt(s.note.as_ref());
            self.sources(&s.sources);
        }
    }
}

/// Where texts come from: a blob that lives as long as the program, borrowed, or one
/// read at run time, copied.
enum Blob<'b> {
    Static(&'static str),
    Owned(&'b str),
}

struct Reader<'b> {
    blob: Blob<'b>,
    bytes: &'b [u8],
    /// The last file name read at run time: consecutive facts are in one file.
    last_file: Option<([u8; 8], Text)>,
}

/// A file name shared by every structure and fact it holds: kept once for the life of
/// the program (there are few), so a million facts do not copy it a million times.
fn shared_file_name(name: &str) -> Text {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let Ok(mut names) = NAMES.get_or_init(Default::default).lock() else {
        return Text::from(name.to_string());
    };
    match names.get(name) {
        Some(known) => Text::from(*known),
        None => {
            let kept: &'static str = Box::leak(name.to_string().into_boxed_str());
            names.insert(kept);
            Text::from(kept)
        }
    }
}

/// A little-endian u32 from 4 bytes (shorter input reads as zero-padded).
fn le_u32(b: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    for (w, b) in word.iter_mut().zip(b) {
        *w = *b;
    }
    u32::from_le_bytes(word)
}

impl<'b> Reader<'b> {
    fn u8(&mut self) -> Option<u8> {
        let (b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(*b)
    }

    fn u32(&mut self) -> Option<u32> {
        let (b, rest) = self.bytes.split_first_chunk::<4>()?;
        self.bytes = rest;
        Some(u32::from_le_bytes(*b))
    }

    /// A length, bounded by what is left so a corrupt count cannot reserve gigabytes.
    fn count(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        (n <= self.bytes.len()).then_some(n)
    }

    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    /// A count of records `size` bytes long, and their bytes.
    fn records(&mut self, size: usize) -> Option<&'b [u8]> {
        let n = self.u32()? as usize;
        self.take(n.checked_mul(size)?)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let bytes = self.records(4)?;
        Some(bytes.chunks_exact(4).map(le_u32).collect())
    }

    fn u16s(&mut self) -> Option<Vec<u16>> {
        let bytes = self.records(2)?;
        Some(
            bytes
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .collect(),
        )
    }

    /// Compressed sparse rows; [`Adjacency::from_parts`] checks that they fit.
    fn csr(&mut self) -> Option<Csr> {
        let offsets = self.u32s()?;
        let bytes = self.records(9)?;
        let entries = bytes
            .chunks_exact(9)
            .map(|b| Entry {
                relation: b[0],
                other: le_u32(&b[1..5]),
                edge: le_u32(&b[5..9]),
            })
            .collect();
        Some(Csr { offsets, entries })
    }

    fn edge(&mut self, n_edges: usize) -> Option<FactId> {
        let i = self.u32()? as usize;
        (i < n_edges).then(|| FactId::new(i))
    }

    fn root_levels(&mut self, n_nodes: usize, n_edges: usize) -> Option<RootLevels> {
        let n = self.count()?;
        let mut levels = HashMap::with_capacity(n);
        for _ in 0..n {
            let root = self.node(n_nodes)?;
            let edges = self.count()?;
            let edges = (0..edges)
                .map(|_| self.edge(n_edges))
                .collect::<Option<Vec<_>>>()?;
            levels.insert(root, edges);
        }
        Some(levels)
    }

    /// The indexes [`Writer::derived`] stored, each checked against the graph's size.
    fn derived(&mut self, names: NameIndex, n_nodes: usize, n_edges: usize) -> Option<Derived> {
        let n_kinds = self.count()?;
        if n_kinds != Kind::ALL.len() {
            return None;
        }
        let by_kind = (0..n_kinds)
            .map(|_| self.nodes(n_nodes))
            .collect::<Option<Vec<_>>>()?;
        let (forward, inverse) = (self.csr()?, self.csr()?);
        let parts = self.records(8)?;
        let parts = parts
            .chunks_exact(8)
            .map(|b| {
                let mut word = [0u8; 8];
                word.copy_from_slice(b);
                u64::from_le_bytes(word)
            })
            .collect();
        let adjacency = Adjacency::from_parts(forward, inverse, parts, n_nodes, n_edges)?;
        let root_levels = [
            self.root_levels(n_nodes, n_edges)?,
            self.root_levels(n_nodes, n_edges)?,
            self.root_levels(n_nodes, n_edges)?,
        ];
        let standing = self
            .records(1)?
            .iter()
            .map(|b| Standing::ALL.get(*b as usize).copied())
            .collect::<Option<Vec<_>>>()?;
        let support = self.u16s()?;
        let n_levels = self.count()?;
        let mut levels = HashMap::with_capacity(n_levels);
        for _ in 0..n_levels {
            let key = (self.node(n_nodes)?, self.node(n_nodes)?);
            levels.insert(key, *Weight::ALL.get(self.u8()? as usize)?);
        }
        let agreement = Agreement::from_parts(n_edges, standing, support, levels)?;
        let disputed = match self.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        Some(Derived {
            by_kind,
            by_name: names,
            adjacency,
            root_levels,
            agreement,
            disputed,
        })
    }

    fn nodes(&mut self, n_nodes: usize) -> Option<Vec<StructureId>> {
        let n = self.count()?;
        (0..n).map(|_| self.node(n_nodes)).collect()
    }

    fn clinical(&mut self, n_nodes: usize, n_sources: usize) -> Option<clinical::Tables> {
        let mut t = clinical::Tables::default();
        for _ in 0..self.count()? {
            let (id, name, aliases) = (self.text()?, self.text()?, self.texts()?);
            let ends = self.nodes(n_nodes)?;
            let [nerve, at] = ends[..] else { return None };
            t.sites.push(clinical::SiteDef {
                id,
                name,
                aliases,
                nerve,
                at,
                spares: self.nodes(n_nodes)?,
                note: self.opt()?,
                sources: self.sources(n_sources)?,
            });
        }
        for _ in 0..self.count()? {
            let ends = self.nodes(n_nodes)?;
            let [division, cord] = ends[..] else {
                return None;
            };
            t.routes.push(clinical::RouteDef {
                division,
                cord,
                sources: self.sources(n_sources)?,
            });
        }
        for _ in 0..self.count()? {
            let (id, name, aliases) = (self.text()?, self.text()?, self.texts()?);
            let mut findings = Vec::new();
            for _ in 0..self.count()? {
                let sort = *clinical::SignFinding::ALL.get(self.u8()? as usize)?;
                findings.push((sort, self.node(n_nodes)?));
            }
            t.signs.push(clinical::SignDef {
                id,
                name,
                aliases,
                findings,
                note: self.opt()?,
                sources: self.sources(n_sources)?,
            });
        }
        Some(t)
    }

    fn node(&mut self, n_nodes: usize) -> Option<StructureId> {
        let i = self.u32()? as usize;
        (i < n_nodes).then(|| StructureId::new(i))
    }

    fn text(&mut self) -> Option<Text> {
        self.opt()?
    }

    fn opt(&mut self) -> Option<Option<Text>> {
        self.opt_with(|s| Text::from(s.to_string()))
    }

    /// An optional text; `copy` makes a text read at run time.
    fn opt_with(&mut self, copy: impl Fn(&str) -> Text) -> Option<Option<Text>> {
        let start = self.u32()?;
        let len = self.u32()? as usize;
        if start == NONE {
            return Some(None);
        }
        let start = start as usize;
        let range = start..start.checked_add(len)?;
        // `get` also refuses a range that splits a character
        Some(Some(match self.blob {
            Blob::Static(blob) => Text::from(blob.get(range)?),
            Blob::Owned(blob) => copy(blob.get(range)?),
        }))
    }

    fn texts(&mut self) -> Option<Vec<Text>> {
        let n = self.count()?;
        (0..n).map(|_| self.text()).collect()
    }

    fn sources(&mut self, n_sources: usize) -> Option<Vec<SourceId>> {
        let n = self.count()?;
        (0..n)
            .map(|_| {
                let id = self.u32()?;
                ((id as usize) < n_sources).then_some(SourceId(id))
            })
            .collect()
    }

    fn xref(&mut self, n_sources: usize) -> Option<Xref> {
        let mut xref = Xref::default();
        for scheme in XrefScheme::ALL {
            xref.set(scheme, self.opt()?);
        }
        let mut source = || match self.u32() {
            Some(NONE) => Some(None),
            Some(id) if (id as usize) < n_sources => Some(Some(SourceId(id))),
            _ => None,
        };
        xref.source = source()?;
        xref.uberon_source = source()?;
        Some(xref)
    }

    fn location(&mut self) -> Option<Location> {
        // the same file as the last location's (consecutive facts share one): no look-up
        let head = self.bytes.first_chunk::<8>().copied();
        let file = match (head, &self.last_file) {
            (Some(head), Some((seen, text))) if head == *seen => {
                let text = text.clone();
                self.bytes = self.bytes.get(8..)?;
                text
            }
            _ => {
                let text = self.opt_with(shared_file_name)??;
                if let (Some(head), Blob::Owned(_)) = (head, &self.blob) {
                    self.last_file = Some((head, text.clone()));
                }
                text
            }
        };
        Some(Location {
            file,
            line: self.u32()? as usize,
            column: self.u32()? as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Atlas {
        crate::load_files(
            [(
                "mini.toml",
                include_str!("../../tests/fixtures/mini/mini.toml"),
            )],
            "mini",
        )
        .unwrap()
    }

    #[test]
    fn round_trips_a_graph() {
        let atlas = mini();
        let bytes: &'static [u8] = Box::leak(encode(&atlas).into_boxed_slice());
        let back = decode(bytes, "mini").unwrap();
        assert!(atlas.graph.node_weights().eq(back.graph.node_weights()));
        assert!(
            atlas
                .graph
                .raw_edges()
                .iter()
                .map(|e| (e.source(), e.target(), &e.weight))
                .eq(back
                    .graph
                    .raw_edges()
                    .iter()
                    .map(|e| (e.source(), e.target(), &e.weight)))
        );
        assert_eq!(atlas.sources, back.sources);
        assert_eq!(atlas.by_name.keys, back.by_name.keys);
        assert_eq!(back.named("tibial"), atlas.named("tibial"));
    }

    #[test]
    fn bytes_read_at_run_time_decode_to_the_same_graph() {
        let atlas = mini();
        let back = decode_owned(&encode(&atlas), "mini").unwrap();
        assert!(atlas.graph.node_weights().eq(back.graph.node_weights()));
        assert!(atlas.graph.edge_weights().eq(back.graph.edge_weights()));
        assert_eq!(atlas.by_name.keys, back.by_name.keys);
        assert_eq!(back.named("tibial"), atlas.named("tibial"));
        // file names are shared between structures, not copied for each
        let files: Vec<*const u8> = back
            .graph
            .node_weights()
            .map(|s| s.location.file.as_str().as_ptr())
            .collect();
        assert!(files.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn the_stored_indexes_are_those_the_graph_builds() {
        let atlas = mini();
        let back = decode_owned(&encode(&atlas), "mini").unwrap();
        assert_eq!(back.adjacency, atlas.adjacency);
        assert_eq!(back.agreement, atlas.agreement);
        assert_eq!(back.by_kind, atlas.by_kind);
        assert_eq!(back.root_levels, atlas.root_levels);
        assert_eq!(back.standard_root_levels, atlas.standard_root_levels);
        assert_eq!(back.weighted_root_levels, atlas.weighted_root_levels);
        assert_eq!(back.disputed, atlas.disputed);
        assert_eq!(back.kinds, atlas.kinds);
        assert_eq!(back.by_id, atlas.by_id);
        // one graph, one snapshot: maps are written in order
        assert_eq!(encode(&back), encode(&atlas));
    }

    #[test]
    fn stored_indexes_that_do_not_fit_the_graph_are_refused() {
        let atlas = mini();
        let beyond_edges = FactId::new(atlas.fact_count());
        let beyond_nodes = StructureId::new(atlas.structure_count());
        let damaged: [fn(&mut Atlas, FactId, StructureId); 5] = [
            |a, _, _| a.adjacency = Adjacency::default(),
            |a, e, _| {
                a.root_levels
                    .entry(StructureId::new(0))
                    .or_default()
                    .push(e)
            },
            |a, _, n| {
                a.weighted_root_levels
                    .insert(n, Vec::new())
                    .map_or((), drop)
            },
            |a, _, n| a.by_kind[0].push(n),
            |a, _, _| a.agreement = Agreement::default(),
        ];
        for (i, damage) in damaged.iter().enumerate() {
            let mut bad = atlas.clone();
            damage(&mut bad, beyond_edges, beyond_nodes);
            assert!(decode_owned(&encode(&bad), "x").is_none(), "damage {i}");
        }
    }

    #[test]
    fn refuses_truncated_or_corrupt_bytes_without_panicking() {
        let bytes = encode(&mini());
        for cut in [0, 3, 8, bytes.len() / 2, bytes.len() - 1] {
            let part: &'static [u8] = Box::leak(bytes[..cut].to_vec().into_boxed_slice());
            assert!(decode(part, "x").is_none(), "cut at {cut}");
        }
        for i in (0..bytes.len()).step_by(97) {
            let mut bad = bytes.clone();
            bad[i] ^= 0xA5;
            let bad: &'static [u8] = Box::leak(bad.into_boxed_slice());
            let _ = decode(bad, "x");
            let _ = decode_owned(bad, "x");
        }
        assert!(decode_owned(&bytes[..bytes.len() / 2], "x").is_none());
    }
}
