//! From data files to a checked [`Atlas`]: parse every file, then resolve and validate
//! every reference, collecting all problems before reporting, as a compiler does.

use super::files::{self, Document, Entry, FactRef, Problem};
use super::model::{
    Direction, Fact, Kind, Location, Quality, Relation, Role, Source, SourceId, Status, Structure,
    Text, Xref,
};
use super::{Atlas, normalize};
use crate::error::{DataError, DataErrors, LoadError};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// Loads every `.toml` file below `dir`, in sorted path order.
pub fn load_dir(dir: &Path) -> Result<Atlas, LoadError> {
    if super::tsv::is_tsv_dir(dir) {
        return super::tsv::load_tsv_dir(dir);
    }
    let mut paths = Vec::new();
    collect_toml(dir, &mut paths)?;
    if paths.is_empty() {
        return Err(LoadError::NoFiles(dir.to_path_buf()));
    }
    paths.sort();
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
        texts.push((path.display().to_string(), text));
    }
    let atlas = load_files(
        texts.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        &dir.display().to_string(),
    )?;
    Ok(atlas)
}

fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loads files given as `(name, text)` pairs; `origin` says where they came from.
pub fn load_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    origin: &str,
) -> Result<Atlas, DataErrors> {
    let mut loader = Loader::default();
    let parsed: Vec<(FileText, Document)> = files
        .into_iter()
        .filter_map(|(name, text)| loader.parse(name, text))
        .collect();
    loader.declare_sources(&parsed);
    let pending = loader.declare_structures(&parsed);
    loader.add_facts(&parsed, &pending);
    loader.check_hierarchies();
    loader.check_muscles_complete();
    loader.check_shared_names();
    if loader.errors.is_empty() {
        let mut atlas = Atlas::new(loader.graph, loader.sources, origin.to_string(), None);
        // a standard level outside the nerve's roots is an error; a minority one is kept
        // with its sources, and only warned about
        let (errors, warnings) = levels_outside_nerves(&atlas);
        if errors.is_empty() {
            atlas.set_warnings(warnings);
            return Ok(atlas);
        }
        Err(DataErrors(errors))
    } else {
        loader.errors.sort_by(|a, b| {
            (&a.location.file, a.location.line, a.location.column).cmp(&(
                &b.location.file,
                b.location.line,
                b.location.column,
            ))
        });
        loader.errors.dedup();
        Err(DataErrors(loader.errors))
    }
}

/// Muscles given root levels that their nerve does not have: standard levels, then
/// minority ones.
fn levels_outside_nerves(atlas: &Atlas) -> (Vec<DataError>, Vec<DataError>) {
    let found = super::agreement::levels_outside_nerves(atlas.graph(), atlas.agreement());
    let (standard, minority): (Vec<_>, Vec<_>) = found.into_iter().partition(|p| p.standard);
    (level_errors(atlas, standard), level_errors(atlas, minority))
}

fn level_errors(atlas: &Atlas, found: Vec<super::agreement::LevelOutsideNerve>) -> Vec<DataError> {
    let mut out: Vec<DataError> = found
        .into_iter()
        .map(|p| {
            let (subject, _) = atlas.ends(p.edge);
            DataError {
                location: atlas.fact(p.edge).location.clone(),
                message: format!(
                    "`{}` is given root level {} ({}) by this innervated-by fact, but the \
                     roots of `{}` (its own has-root, or its nearest ancestor's) do not include it",
                    atlas.node(subject).id,
                    atlas.node(p.root).name,
                    if p.standard { "standard" } else { "minority" },
                    atlas.node(p.nerve).id,
                ),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.location.file, a.location.line, a.location.column).cmp(&(
            &b.location.file,
            b.location.line,
            b.location.column,
        ))
    });
    out.dedup();
    out
}

/// A file's name and the byte offsets where its lines start, to turn spans into
/// line:column.
struct FileText {
    name: String,
    line_starts: Vec<usize>,
    text_len: usize,
}

impl FileText {
    fn new(name: &str, text: &str) -> FileText {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileText {
            name: name.to_string(),
            line_starts,
            text_len: text.len(),
        }
    }

    fn locate(&self, offset: usize) -> Location {
        let offset = offset.min(self.text_len);
        let line = self.line_starts.partition_point(|s| *s <= offset);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        Location {
            file: self.name.clone().into(),
            line: line.max(1),
            column: offset - start + 1,
        }
    }
}

/// A structure's entry, kept until its facts are added.
struct Pending {
    file: usize,
    entry: usize,
    node: NodeIndex,
}

#[derive(Default)]
struct Loader {
    graph: DiGraph<Structure, Fact>,
    sources: Vec<Source>,
    source_ids: HashMap<String, SourceId>,
    node_ids: HashMap<String, NodeIndex>,
    errors: Vec<DataError>,
}

impl Loader {
    fn error(&mut self, location: Location, message: impl Into<String>) {
        self.errors.push(DataError {
            location,
            message: message.into(),
        });
    }

    fn parse(&mut self, name: &str, text: &str) -> Option<(FileText, Document)> {
        let file = FileText::new(name, text);
        match files::parse_document(text) {
            Ok(doc) => {
                let problems = doc.problems.iter().chain(
                    doc.entries
                        .iter()
                        .flat_map(|(_, e)| e.get_ref().problems.iter()),
                );
                for Problem { span, message } in problems {
                    self.errors.push(DataError {
                        location: file.locate(span.start),
                        message: message.clone(),
                    });
                }
                Some((file, doc))
            }
            Err(e) => {
                let location = file.locate(e.span().map_or(0, |s| s.start));
                // toml's message repeats the position and a snippet; keep the reason only
                let message = e.message().trim().to_string();
                self.error(location, message);
                None
            }
        }
    }

    fn declare_sources(&mut self, parsed: &[(FileText, Document)]) {
        for (file, doc) in parsed {
            for s in &doc.sources {
                let span = s.span();
                let s = s.get_ref();
                let id = s.id.get_ref();
                if self.source_ids.contains_key(id) {
                    self.error(
                        file.locate(s.id.span().start),
                        format!("duplicate source id `{id}`"),
                    );
                    continue;
                }
                if s.title.trim().is_empty() || s.publisher.trim().is_empty() {
                    self.error(
                        file.locate(span.start),
                        format!("source `{id}` needs a title and a publisher"),
                    );
                }
                let index = SourceId(self.sources.len() as u32);
                self.source_ids.insert(id.clone(), index);
                self.sources.push(Source {
                    id: id.into(),
                    title: (&s.title).into(),
                    publisher: (&s.publisher).into(),
                    url: s.url.as_ref().map(Text::from),
                    read: s.read.as_ref().map(Text::from),
                    quality: s.quality.map(Quality::from).unwrap_or_default(),
                });
            }
        }
    }

    fn declare_structures(&mut self, parsed: &[(FileText, Document)]) -> Vec<Pending> {
        let mut pending = Vec::new();
        for (fi, (file, doc)) in parsed.iter().enumerate() {
            for (ei, (kind, entry)) in doc.entries.iter().enumerate() {
                let at = file.locate(entry.span().start);
                let e = entry.get_ref();
                let Some(id) = &e.id else {
                    self.error(at, format!("{} without an `id`", kind.data_key()));
                    continue;
                };
                let id_at = file.locate(id.span().start);
                let id = id.get_ref();
                if !is_valid_id(id) {
                    self.error(
                        id_at,
                        format!("id `{id}` must be kebab-case: lower-case letters, digits and `-`"),
                    );
                    continue;
                }
                let Some(name) = &e.name else {
                    self.error(at, format!("`{id}` has no `name`"));
                    continue;
                };
                if let Some(first) = self.node_ids.get(id) {
                    let first = self.graph[*first].location.clone();
                    self.error(
                        id_at,
                        format!("duplicate id `{id}` (first declared at {first})"),
                    );
                    continue;
                }
                let sources = self.source_list(file, &e.sources);
                let node = self.graph.add_node(Structure {
                    id: id.into(),
                    kind: *kind,
                    name: name.get_ref().into(),
                    latin: e.latin.as_ref().map(Text::from),
                    aliases: e.aliases.iter().map(|a| a.get_ref().into()).collect(),
                    notes: e.notes.iter().map(Text::from).collect(),
                    xref: Xref {
                        fma: e.xref.fma.as_ref().map(|v| v.to_string().into()),
                        uberon: e.xref.uberon.as_ref().map(|v| v.to_string().into()),
                        wikidata: e.xref.wikidata.as_ref().map(|v| v.to_string().into()),
                    },
                    sources,
                    location: at,
                });
                self.node_ids.insert(id.clone(), node);
                pending.push(Pending {
                    file: fi,
                    entry: ei,
                    node,
                });
            }
        }
        pending
    }

    /// Resolves source ids, reporting the unknown ones.
    fn source_list(&mut self, file: &FileText, ids: &[toml::Spanned<String>]) -> Vec<SourceId> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            match self.source_ids.get(id.get_ref()) {
                Some(s) => out.push(*s),
                None => {
                    let hint = crate::suggest::closest(
                        id.get_ref(),
                        self.source_ids.keys().map(String::as_str),
                    )
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                    self.error(
                        file.locate(id.span().start),
                        format!("unknown source `{}`{hint}", id.get_ref()),
                    );
                }
            }
        }
        out
    }

    fn add_facts(&mut self, parsed: &[(FileText, Document)], pending: &[Pending]) {
        for p in pending {
            let (file, doc) = &parsed[p.file];
            let entry: &Entry = doc.entries[p.entry].1.get_ref();
            for group in &entry.facts {
                for (span, target) in &group.targets {
                    self.add_fact(
                        file,
                        entry,
                        p.node,
                        group.relation,
                        group.direction,
                        span,
                        target,
                    );
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn add_fact(
        &mut self,
        file: &FileText,
        entry: &Entry,
        subject: NodeIndex,
        relation: Relation,
        direction: Direction,
        span: &Range<usize>,
        target: &FactRef,
    ) {
        let at = file.locate(span.start);
        let Some(object) = self.lookup(&target.id, &at) else {
            return;
        };
        // facts are stored forward: `contains = [...]` on a compartment becomes
        // `x located-in compartment`
        let (from, to) = match direction {
            Direction::Forward => (subject, object),
            Direction::Inverse => (object, subject),
        };
        if let Some(message) = fact_kind_problem(&self.graph, relation, direction, from, to) {
            self.error(at, message);
            return;
        }
        let name = relation.name(direction);
        let sources = if target.sources.is_empty() {
            self.source_list(file, &entry.sources)
        } else {
            self.source_list(file, &target.sources)
        };
        if sources.is_empty() && self.all_sources_known(entry, target) {
            self.error(
                at.clone(),
                format!(
                    "fact `{} {} {}` has no source: add `sources` to the entry or to the fact",
                    self.graph[from].id, relation, self.graph[to].id
                ),
            );
        }
        let mut roots = Vec::new();
        if !target.roots.is_empty()
            && !matches!(relation, Relation::InnervatedBy | Relation::MediatedBy)
        {
            self.error(
                at.clone(),
                format!("`roots` only belong to innervated-by and mediated-by, not {name}"),
            );
        }
        for root in &target.roots {
            let root_at = file.locate(root.span().start);
            let key = root.get_ref().to_ascii_lowercase();
            match self.lookup(&key, &root_at) {
                Some(r) if self.graph[r].kind == Kind::Root => roots.push(r),
                Some(r) => self.error(
                    root_at,
                    format!(
                        "`{}` is {}, not a spinal root",
                        key,
                        self.graph[r].kind.with_article()
                    ),
                ),
                None => {}
            }
        }
        let role = match (relation, target.role) {
            (Relation::Performs, role) => Some(role.map_or(Role::Prime, Role::from)),
            (_, Some(_)) => {
                self.error(
                    at.clone(),
                    format!("`role` only belongs to performs, not {name}"),
                );
                None
            }
            (_, None) => None,
        };
        self.graph.add_edge(
            from,
            to,
            Fact {
                relation,
                sources,
                roots,
                role,
                note: target.note.as_ref().map(Text::from),
                status: target.status.map(Status::from),
                location: at,
            },
        );
    }

    /// Whether every source named for this fact resolved (so a missing-source error
    /// is not reported on top of an unknown-source one).
    fn all_sources_known(&self, entry: &Entry, target: &FactRef) -> bool {
        let named = if target.sources.is_empty() {
            &entry.sources
        } else {
            &target.sources
        };
        named
            .iter()
            .all(|s| self.source_ids.contains_key(s.get_ref()))
    }

    fn lookup(&mut self, id: &str, at: &Location) -> Option<NodeIndex> {
        if let Some(n) = self.node_ids.get(id) {
            return Some(*n);
        }
        let hint = crate::suggest::closest(id, self.node_ids.keys().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        self.error(at.clone(), format!("unknown id `{id}`{hint}"));
        None
    }

    /// A nerve cannot be a branch of its own branch; a bone cannot be part of its part.
    fn check_hierarchies(&mut self) {
        let found = hierarchy_cycles(&self.graph);
        self.errors.extend(found);
    }

    /// Every muscle needs an origin, insertion, innervation, arterial supply and an
    /// action, stated on itself or on each of its heads.
    fn check_muscles_complete(&mut self) {
        const REQUIRED: [(Relation, &str); 5] = [
            (Relation::OriginatesFrom, "an origin"),
            (Relation::InsertsInto, "an insertion"),
            (Relation::InnervatedBy, "an innervation"),
            (Relation::SuppliedBy, "an arterial supply"),
            (Relation::Performs, "an action"),
        ];
        let muscles: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|n| self.graph[*n].kind == Kind::Muscle)
            .collect();
        for m in muscles {
            let parts: Vec<NodeIndex> = self
                .graph
                .neighbors_directed(m, petgraph::Direction::Incoming)
                .filter(|p| {
                    self.graph[*p].kind == Kind::MusclePart
                        && self
                            .graph
                            .edges_connecting(*p, m)
                            .any(|e| e.weight().relation == Relation::PartOf)
                })
                .collect();
            for (relation, what) in REQUIRED {
                let states = |n: NodeIndex| {
                    self.graph
                        .edges_directed(n, petgraph::Direction::Outgoing)
                        .any(|e| e.weight().relation == relation)
                };
                let covered = states(m) || (!parts.is_empty() && parts.iter().all(|p| states(*p)));
                if !covered {
                    let s = &self.graph[m];
                    let message = format!("muscle `{}` has no {relation} fact ({what})", s.id);
                    let at = s.location.clone();
                    self.error(at, message);
                }
            }
        }
        let parts: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|n| self.graph[*n].kind == Kind::MusclePart)
            .collect();
        for p in parts {
            let whole = self
                .graph
                .edges_directed(p, petgraph::Direction::Outgoing)
                .any(|e| {
                    e.weight().relation == Relation::PartOf
                        && self.graph[petgraph::visit::EdgeRef::target(&e)].kind == Kind::Muscle
                });
            if !whole {
                let s = &self.graph[p];
                let (id, at) = (s.id.clone(), s.location.clone());
                self.error(at, format!("muscle part `{id}` is not part-of a muscle"));
            }
        }
    }

    /// A name or alias must point at one structure, or queries could not tell them apart.
    fn check_shared_names(&mut self) {
        let mut owner: HashMap<String, NodeIndex> = HashMap::new();
        let mut clashes = Vec::new();
        for n in self.graph.node_indices() {
            let s = &self.graph[n];
            let written = std::iter::once(&s.name).chain(s.aliases.iter());
            for w in written {
                let key = normalize(w);
                match owner.get(&key) {
                    Some(first) if *first != n => clashes.push((n, w.clone(), *first)),
                    Some(_) => {}
                    None => {
                        owner.insert(key, n);
                    }
                }
            }
        }
        for (n, written, first) in clashes {
            let (s, f) = (&self.graph[n], &self.graph[first]);
            let message = format!(
                "name or alias `{written}` of `{}` is also a name or alias of `{}` ({})",
                s.id, f.id, f.location
            );
            let at = s.location.clone();
            self.error(at, message);
        }
    }
}

/// Why a fact `from relation to` (stated in `direction`) cannot join these two
/// structures' kinds, if it cannot: the domain, range and part-whole rules.
pub(super) fn fact_kind_problem(
    graph: &DiGraph<Structure, Fact>,
    relation: Relation,
    direction: Direction,
    from: NodeIndex,
    to: NodeIndex,
) -> Option<String> {
    let (from_kind, to_kind) = (graph[from].kind, graph[to].kind);
    let name = relation.name(direction);
    if !relation.domain().contains(from_kind) {
        let (who, expected) = match direction {
            Direction::Forward => (from, relation.domain()),
            Direction::Inverse => (from, relation.domain()),
        };
        let s = &graph[who];
        let message = match direction {
            Direction::Forward => format!(
                "`{}` is {}, but {name} is stated of {}",
                s.id,
                s.kind.with_article(),
                expected.describe()
            ),
            Direction::Inverse => format!(
                "`{}` is {}; {name} takes {}",
                s.id,
                s.kind.with_article(),
                expected.describe()
            ),
        };
        return Some(message);
    }
    if !relation.range().contains(to_kind) {
        let s = &graph[to];
        let message = match direction {
            Direction::Forward => format!(
                "`{}` is {}; {name} takes {}",
                s.id,
                s.kind.with_article(),
                relation.range().describe()
            ),
            Direction::Inverse => format!(
                "`{}` is {}, but {name} is stated of {}",
                s.id,
                s.kind.with_article(),
                relation.range().describe()
            ),
        };
        return Some(message);
    }
    if !relation.joins(from_kind, to_kind) {
        return Some(format!(
            "`{}` is {} and `{}` is {}: {name} joins a part to a whole of its own kind",
            graph[from].id,
            from_kind.with_article(),
            graph[to].id,
            to_kind.with_article()
        ));
    }
    if from == to {
        return Some(format!("`{}` cannot be {name} itself", graph[from].id));
    }
    None
}

/// A nerve cannot be a branch of its own branch; a bone cannot be part of its part.
pub(super) fn hierarchy_cycles(graph: &DiGraph<Structure, Fact>) -> Vec<DataError> {
    let mut errors = Vec::new();
    // one pass over the facts, then a small graph per hierarchy: walking the whole graph
    // once per relation through a filter cost seconds at a million facts
    let hierarchies: Vec<Relation> = Relation::ALL
        .into_iter()
        .filter(|r| r.is_hierarchy())
        .collect();
    let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); hierarchies.len()];
    for e in graph.edge_references() {
        if let Some(i) = hierarchies.iter().position(|r| *r == e.weight().relation) {
            lists[i].push((e.source().index() as u32, e.target().index() as u32));
        }
    }
    for (relation, list) in hierarchies.into_iter().zip(lists) {
        let view: DiGraph<(), ()> = DiGraph::from_edges(list);
        for scc in petgraph::algo::tarjan_scc(&view) {
            let is_cycle = scc.len() > 1;
            if is_cycle {
                let mut members: Vec<&Structure> = scc.iter().map(|n| &graph[*n]).collect();
                members.sort_by(|a, b| a.id.cmp(&b.id));
                let ids: Vec<&str> = members.iter().map(|s| s.id.as_str()).collect();
                let at = members[0].location.clone();
                errors.push(DataError {
                    location: at,
                    message: format!("cycle in {relation}: {}", ids.join(" → ")),
                });
            }
        }
    }
    errors
}

pub(super) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = r#"
[[source]]
id = "t"
title = "Test"
publisher = "Tests"
"#;

    fn load(text: &str) -> Result<Atlas, DataErrors> {
        load_files([("s.toml", SOURCES), ("d.toml", text)], "test")
    }

    fn messages(text: &str) -> Vec<String> {
        match load(text) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    const MINI: &str = r#"
[[nerve]]
id = "tibial-nerve"
name = "Tibial nerve"
sources = ["t"]

[[artery]]
id = "posterior-tibial-artery"
name = "Posterior tibial artery"

[[bone]]
id = "tibia"
name = "Tibia"

[[movement]]
id = "ankle-plantarflexion"
name = "Plantarflexion"

[[root]]
id = "s1"
name = "S1"

[[muscle]]
id = "soleus"
name = "Soleus"
sources = ["t"]
originates-from = "tibia"
inserts-into = "tibia"
innervated-by = [{ id = "tibial-nerve", roots = ["S1"] }]
supplied-by = "posterior-tibial-artery"
performs = "ankle-plantarflexion"
"#;

    #[test]
    fn loads_a_small_graph_with_roots_and_roles() {
        let atlas = load(MINI).unwrap();
        let soleus = atlas.by_id("soleus").unwrap();
        let tibial = atlas.by_id("tibial-nerve").unwrap();
        let (edge, nerve) = atlas
            .neighbours(soleus, Relation::InnervatedBy, Direction::Forward)
            .next()
            .unwrap();
        assert_eq!(nerve, tibial);
        let fact = atlas.fact(edge);
        assert_eq!(atlas.node(fact.roots[0]).id, "s1");
        assert_eq!(atlas.source(fact.sources[0]).id, "t");
        let (edge, _) = atlas
            .neighbours(soleus, Relation::Performs, Direction::Forward)
            .next()
            .unwrap();
        assert_eq!(atlas.fact(edge).role, Some(Role::Prime));
        assert_eq!(atlas.named("tibial"), &[tibial]);
    }

    #[test]
    fn reports_unknown_ids_wrong_kinds_and_missing_sources_together() {
        let text = MINI
            .replace(
                "supplied-by = \"posterior-tibial-artery\"",
                "supplied-by = \"tibia\"",
            )
            .replace("originates-from = \"tibia\"", "originates-from = \"tibai\"");
        assert_eq!(
            messages(&text),
            [
                "d.toml:23:1: muscle `soleus` has no originates-from fact (an origin)",
                "d.toml:23:1: muscle `soleus` has no supplied-by fact (an arterial supply)",
                "d.toml:27:19: unknown id `tibai`; did you mean `tibia`?",
                "d.toml:30:15: `tibia` is a bone; supplied-by takes an artery",
            ]
        );
    }

    #[test]
    fn locates_toml_syntax_errors() {
        let got = messages("[[muscle]]\nid = \"x\nname = \"X\"\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("d.toml:2:"), "{got:?}");
    }

    #[test]
    fn finds_cycles_duplicates_and_shared_aliases() {
        let text = r#"
[[nerve]]
id = "a"
name = "A"
sources = ["t"]
branch-of = "b"

[[nerve]]
id = "b"
name = "B"
aliases = ["A"]
sources = ["t"]
branch-of = "a"

[[nerve]]
id = "a"
name = "Another"
"#;
        let got = messages(text);
        assert!(
            got.contains(
                &"d.toml:16:6: duplicate id `a` (first declared at d.toml:2:1)".to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.contains(&"d.toml:2:1: cycle in branch-of: a → b".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"d.toml:8:1: name or alias `A` of `b` is also a name or alias of `a` (d.toml:2:1)"
                    .to_string()
            ),
            "{got:?}"
        );
    }

    #[test]
    fn fact_without_any_source_is_an_error() {
        let text = MINI.replace(
            "[[muscle]]\nid = \"soleus\"\nname = \"Soleus\"\nsources = [\"t\"]",
            "[[muscle]]\nid = \"soleus\"\nname = \"Soleus\"",
        );
        let got = messages(&text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[0].contains("has no source"), "{got:?}");
    }

    #[test]
    fn rejects_bad_ids() {
        assert!(!is_valid_id("Soleus"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(is_valid_id("l5"));
        assert!(is_valid_id("flexor-hallucis-longus"));
    }
}
