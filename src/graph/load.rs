//! From data files to a checked [`Atlas`]: parse every file, then resolve and validate
//! every reference, collecting all problems before reporting, as a compiler does.

use super::error::{DataError, DataErrors, LoadError};
use super::files::{self, Document, Entry, FactRef, Problem, XrefEntry};
use super::model::{
    Direction, Fact, Kind, Location, Quality, Relation, Role, Source, SourceId, Status, Structure,
    Text, Tier, Work, WorkId, Xref, XrefScheme,
};
use super::{Atlas, StructureId, normalize};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The largest data file read by default (bytes); see [`LoadOptions::max_file_size`].
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;
/// The environment variable from which the binary reads the size limit of one data
/// file (bytes).
pub const MAX_FILE_SIZE_VAR: &str = "FASCIA_MAX_FILE_SIZE";

/// The limits of loading, passed in by the caller: the library reads no environment
/// (the `fascia` binary reads them from `FASCIA_MAX_FILE_SIZE`, `FASCIA_MAX_TSV_SIZE`
/// and `FASCIA_CACHE_SIZE`). [`LoadOptions::default`] has the documented defaults.
///
/// ```
/// use fascia_graph::{LoadOptions, error::LoadError, load_dir_with};
///
/// let dir = std::env::temp_dir().join(format!("fascia-options-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("big.toml"), "# ".repeat(600))?;
/// // a file over the limit is refused before it is read, by name
/// let options = LoadOptions { max_file_size: 1024, ..LoadOptions::default() };
/// let error = load_dir_with(&dir, &options).unwrap_err();
/// assert!(matches!(error, LoadError::TooLarge { .. }), "{error}");
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// The largest `.toml`, `.nt` or `.json` data file read (bytes); 16 MiB by default.
    pub max_file_size: u64,
    /// The largest `nodes.tsv` or `edges.tsv` read (bytes); 1 GiB by default.
    pub max_tsv_size: u64,
    /// The cache directory's size cap (bytes); 1 GiB by default. A larger cache file
    /// is not read.
    pub max_cache_size: u64,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_tsv_size: super::tsv::MAX_FILE_BYTES,
            max_cache_size: super::cache::DEFAULT_CACHE_SIZE,
        }
    }
}

/// Loads every `.toml` file below `dir`, in sorted path order, within the default
/// [`LoadOptions`].
pub fn load_dir(dir: &Path) -> Result<Atlas, LoadError> {
    load_dir_with(dir, &LoadOptions::default())
}

/// Loads every `.toml` file below `dir` (or a TSV directory), in sorted path order.
///
/// Only regular files are read, each at most [`LoadOptions::max_file_size`] bytes.
/// Symbolic links are followed, but each real directory and file is read once, so a
/// link loop (`ln -s . data/loop`) adds nothing.
pub fn load_dir_with(dir: &Path, options: &LoadOptions) -> Result<Atlas, LoadError> {
    if super::tsv::is_tsv_dir(dir) {
        return super::tsv::load_tsv_dir(dir, options.max_tsv_size);
    }
    let max_size = options.max_file_size;
    let mut walk = Walk::default();
    walk.dir(dir)?;
    let mut paths = walk.files;
    if paths.is_empty() {
        return Err(LoadError::NoFiles(dir.to_path_buf()));
    }
    paths.sort();
    let mut inputs = Vec::with_capacity(paths.len());
    let mut errors = Vec::new();
    for path in paths {
        let (bytes, modified) = read_data_file(&path, max_size)?;
        let name = path.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => inputs.push(FileInput {
                name,
                text,
                modified,
            }),
            Err(e) => errors.push(invalid_utf8(&name, e.as_bytes(), e.utf8_error())),
        }
    }
    let atlas = load_inputs(&inputs, &dir.display().to_string(), errors)?;
    Ok(atlas)
}

/// [`super::disk::read_bounded`] with its errors as load errors naming `path`; `setting`
/// is the variable that raises `max`.
pub fn read_limited(path: &Path, max: u64, setting: &'static str) -> Result<Vec<u8>, LoadError> {
    use super::disk::ReadError;
    super::disk::read_bounded(path, max).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            path: path.to_path_buf(),
            source,
        },
        ReadError::NotRegular(what) => LoadError::NotRegular {
            path: path.to_path_buf(),
            what,
        },
        ReadError::TooLarge(limit) => LoadError::TooLarge {
            path: path.to_path_buf(),
            limit,
            setting,
        },
    })
}

/// The `.toml` files under a directory, each real directory and file visited once.
#[derive(Default)]
struct Walk {
    seen_dirs: std::collections::HashSet<PathBuf>,
    seen_files: std::collections::HashSet<PathBuf>,
    files: Vec<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) -> Result<(), LoadError> {
        let io = |source| LoadError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let real = std::fs::canonicalize(dir).map_err(io)?;
        if !self.seen_dirs.insert(real) {
            return Ok(());
        }
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            entries.push(entry.map_err(io)?.path());
        }
        entries.sort();
        for path in entries {
            // follows a symbolic link; a dangling one is not data
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                self.dir(&path)?;
            } else if path.extension().is_some_and(|e| e == "toml") {
                if !meta.is_file() {
                    return Err(LoadError::NotRegular {
                        path,
                        what: file_type_name(&meta.file_type()),
                    });
                }
                let real = std::fs::canonicalize(&path).map_err(|source| LoadError::Io {
                    path: path.clone(),
                    source,
                })?;
                if self.seen_files.insert(real) {
                    self.files.push(path);
                }
            }
        }
        Ok(())
    }
}

pub use super::disk::file_type_name;

/// One data file (an exported `.nt` or `.json`) as text, with the same bounds as the
/// data walk: a regular file only, at most `max` bytes, UTF-8 checked.
pub fn read_text_file(path: &Path, max: u64) -> Result<String, LoadError> {
    let (bytes, _) = read_data_file(path, max)?;
    let name = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let error = invalid_utf8(&name, e.as_bytes(), e.utf8_error());
            Err(LoadError::Invalid(DataErrors(vec![error])))
        }
    }
}

/// A data file's bytes and when it was last changed, reading no more than `max` bytes
/// (a file that grows while read, or a device, cannot eat memory).
fn read_data_file(
    path: &Path,
    max: u64,
) -> Result<(Vec<u8>, Option<std::time::SystemTime>), LoadError> {
    let bytes = read_limited(path, max, MAX_FILE_SIZE_VAR)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok((bytes, modified))
}

/// Where a file stops being UTF-8, as a data error at its line and column.
fn invalid_utf8(name: &str, bytes: &[u8], e: std::str::Utf8Error) -> DataError {
    let valid = &bytes[..e.valid_up_to()];
    // the valid prefix is UTF-8 by definition
    let prefix = std::str::from_utf8(valid).unwrap_or_default();
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
    DataError {
        location: Location {
            file: name.to_string().into(),
            line: prefix.matches('\n').count() + 1,
            column: prefix[line_start..].chars().count() + 1,
        },
        message: format!("invalid UTF-8 (byte 0x{byte:02x}); data files are UTF-8 text"),
    }
}

/// One data file to load.
struct FileInput {
    name: String,
    text: String,
    /// When it was last changed, to blame the newer of two files that declare one id.
    modified: Option<std::time::SystemTime>,
}

/// Loads files given as `(name, text)` pairs; `origin` says where they came from.
pub fn load_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    origin: &str,
) -> Result<Atlas, DataErrors> {
    let inputs: Vec<FileInput> = files
        .into_iter()
        .map(|(name, text)| FileInput {
            name: name.to_string(),
            text: text.to_string(),
            modified: None,
        })
        .collect();
    load_inputs(&inputs, origin, Vec::new())
}

/// Loads files; `errors` holds problems already found (files that did not read).
fn load_inputs(
    files: &[FileInput],
    origin: &str,
    errors: Vec<DataError>,
) -> Result<Atlas, DataErrors> {
    let mut loader = Loader {
        errors,
        ..Loader::default()
    };
    let parsed: Vec<(FileText, Document)> = files.iter().filter_map(|f| loader.parse(f)).collect();
    loader.declare_works(&parsed);
    loader.declare_sources(&parsed);
    let pending = loader.declare_structures(&parsed);
    loader.add_facts(&parsed, &pending);
    loader.clinical = super::clinical::check(&mut loader, &parsed);
    loader.finish(origin, true)
}

/// Muscles given root levels that their nerve does not have: standard levels, then
/// minority ones.
fn levels_outside_nerves(atlas: &Atlas) -> (Vec<DataError>, Vec<DataError>) {
    let found = super::agreement::levels_outside_nerves(atlas.graph(), atlas.agreement());
    let (standard, minority): (Vec<_>, Vec<_>) = found.into_iter().partition(|p| p.standard);
    (level_errors(atlas, standard), level_errors(atlas, minority))
}

/// Muscles whose levels are their nerve's whole range, as warnings.
fn levels_copying_nerve_range(atlas: &Atlas) -> Vec<DataError> {
    super::agreement::levels_copying_nerve_range(atlas.graph())
        .into_iter()
        .map(|(edge, nerve)| {
            let (subject, _) = atlas.ends(edge);
            DataError {
                location: atlas.location(edge),
                message: format!(
                    "the root levels of `{}` here are the whole range of `{}`: give the levels \
                     a reference states for this muscle, or mark this version `status = \"minority\"`",
                    atlas.node(subject).id,
                    atlas.node(nerve).id
                ),
            }
        })
        .collect()
}

fn level_errors(atlas: &Atlas, found: Vec<super::agreement::LevelOutsideNerve>) -> Vec<DataError> {
    let mut out: Vec<DataError> = found
        .into_iter()
        .map(|p| {
            let (subject, _) = atlas.ends(p.edge);
            DataError {
                location: atlas.location(p.edge),
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
pub(super) struct FileText {
    name: String,
    line_starts: Vec<usize>,
    text_len: usize,
    modified: Option<std::time::SystemTime>,
}

impl FileText {
    fn new(input: &FileInput) -> FileText {
        let text = &input.text;
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileText {
            name: input.name.clone(),
            line_starts,
            text_len: text.len(),
            modified: input.modified,
        }
    }

    pub(super) fn locate(&self, offset: usize) -> Location {
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

/// Builds the graph and collects every problem; the TOML reader here and the other
/// readers (through [`super::build::Builder`]) share its checks.
#[derive(Default)]
pub(super) struct Loader {
    graph: DiGraph<Structure, Fact>,
    works: Vec<Work>,
    /// Each work's id, and the addresses whose pages belong to it.
    work_ids: HashMap<String, WorkId>,
    work_urls: Vec<(String, WorkId)>,
    sources: Vec<Source>,
    /// The file names and notes the facts refer to.
    pub(super) texts: super::FactTexts,
    source_ids: HashMap<String, SourceId>,
    node_ids: HashMap<String, NodeIndex>,
    /// When the file declaring each node (by index) was last changed.
    node_modified: Vec<Option<std::time::SystemTime>>,
    /// Every declared id, for "did you mean" without comparing against each of them.
    id_index: Option<crate::suggest::Index>,
    errors: Vec<DataError>,
    /// The clinical tables, checked once every structure is declared.
    pub(super) clinical: super::clinical::Tables,
}

impl Loader {
    /// Runs the checks that need the whole graph and builds the [`Atlas`], or returns
    /// every problem found. `curated` adds the checks meant for the bundled data's
    /// authors (every muscle complete), which an imported graph need not pass.
    pub(super) fn finish(mut self, origin: &str, curated: bool) -> Result<Atlas, DataErrors> {
        self.check_hierarchies();
        if curated {
            self.check_muscles_complete();
        }
        self.check_shared_names();
        if self.errors.is_empty() {
            let mut atlas = Atlas::new(
                self.graph,
                self.works,
                self.sources,
                self.texts,
                origin.to_string(),
                None,
            );
            atlas.set_clinical(self.clinical);
            // a standard level outside the nerve's roots is an error; a minority one is
            // kept with its sources, and only warned about
            let (errors, mut warnings) = levels_outside_nerves(&atlas);
            if errors.is_empty() {
                warnings.extend(levels_copying_nerve_range(&atlas));
                atlas.set_warnings(warnings);
                return Ok(atlas);
            }
            return Err(DataErrors(errors));
        }
        self.errors.sort_by(|a, b| {
            (&a.location.file, a.location.line, a.location.column).cmp(&(
                &b.location.file,
                b.location.line,
                b.location.column,
            ))
        });
        self.errors.dedup();
        Err(DataErrors(self.errors))
    }

    pub(super) fn error(&mut self, location: Location, message: impl Into<String>) {
        self.errors.push(DataError {
            location,
            message: message.into(),
        });
    }

    fn parse(&mut self, input: &FileInput) -> Option<(FileText, Document)> {
        let file = FileText::new(input);
        match files::parse_document(&input.text) {
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

    fn declare_works(&mut self, parsed: &[(FileText, Document)]) {
        for (file, doc) in parsed {
            for w in &doc.works {
                let at = file.locate(w.span().start);
                let w = w.get_ref();
                let id = w.id.get_ref();
                self.check_text(&at, "title", id, &w.title);
                if !is_valid_id(id) {
                    let id_at = file.locate(w.id.span().start);
                    self.error(id_at, format!("work id `{id}` must be kebab-case"));
                    continue;
                }
                if self.work_ids.contains_key(id) {
                    let id_at = file.locate(w.id.span().start);
                    self.error(id_at, format!("duplicate work id `{id}`"));
                    continue;
                }
                // the index the work gets below
                let index = WorkId(self.works.len() as u32);
                for url in &w.urls {
                    let key = address_key(url.get_ref());
                    if key.is_empty() {
                        let url_at = file.locate(url.span().start);
                        self.error(url_at, format!("work `{id}`: an empty address"));
                    } else if let Some((_, other)) = self.work_urls.iter().find(|(k, _)| *k == key)
                    {
                        let url_at = file.locate(url.span().start);
                        let other = self.works[other.0 as usize].id.to_string();
                        self.error(
                            url_at,
                            format!("address `{key}` is already work `{other}`'s"),
                        );
                    } else {
                        self.work_urls.push((key, index));
                    }
                }
                let work = Work {
                    id: id.into(),
                    title: (&w.title).into(),
                    tier: Tier::from(*w.tier.get_ref()),
                };
                self.declare_work(work, &at);
            }
        }
        // the longest address first, so a section of a site can be another work
        self.work_urls
            .sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    }

    /// Adds a work unless its id is taken.
    pub(super) fn declare_work(&mut self, work: Work, at: &Location) {
        let id = work.id.to_string();
        if self.work_ids.contains_key(&id) {
            self.error(at.clone(), format!("duplicate work id `{id}`"));
            return;
        }
        self.work_ids.insert(id, WorkId(self.works.len() as u32));
        self.works.push(work);
    }

    /// A declared work by id, or an error at `at`.
    pub(super) fn work(&mut self, id: &str, at: &Location) -> Option<WorkId> {
        let found = self.work_ids.get(id).copied();
        if found.is_none() {
            let known: Vec<&str> = self.works.iter().map(|w| w.id.as_str()).collect();
            let mut message = format!("unknown work `{id}`");
            if let Some(best) = crate::suggest::closest(id, known) {
                message.push_str(&format!("; did you mean `{best}`?"));
            }
            self.error(at.clone(), message);
        }
        found
    }

    /// The work a source belongs to: the one it names, or the one whose address its
    /// `url` starts with.
    fn work_of(&mut self, file: &FileText, s: &files::SourceEntry) -> Option<WorkId> {
        if let Some(named) = &s.work {
            let at = file.locate(named.span().start);
            return self.work(named.get_ref(), &at);
        }
        let url = address_key(s.url.as_deref()?);
        // a whole address or a path above the page: `kenhub.com` is not `kenhub.community`
        self.work_urls
            .iter()
            .find(|(k, _)| {
                url.strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#', ':']))
            })
            .map(|(_, w)| *w)
    }

    fn declare_sources(&mut self, parsed: &[(FileText, Document)]) {
        for (file, doc) in parsed {
            for s in &doc.sources {
                let span = s.span();
                let s = s.get_ref();
                let id = s.id.get_ref();
                let source_at = file.locate(span.start);
                for (field, text) in [
                    ("title", Some(&s.title)),
                    ("publisher", Some(&s.publisher)),
                    ("url", s.url.as_ref()),
                    ("read", s.read.as_ref()),
                ] {
                    if let Some(text) = text {
                        self.check_text(&source_at, field, id, text);
                    }
                }
                let source = Source {
                    id: id.into(),
                    title: (&s.title).into(),
                    publisher: (&s.publisher).into(),
                    url: s.url.as_ref().map(Text::from),
                    read: s.read.as_ref().map(Text::from),
                    quality: s.quality.map(Quality::from).unwrap_or_default(),
                    work: self.work_of(file, s),
                };
                self.declare_source(
                    source,
                    file.locate(s.id.span().start),
                    file.locate(span.start),
                );
            }
        }
    }

    /// Adds a source unless its id is taken; `id_at` and `at` locate its id and entry.
    pub(super) fn declare_source(&mut self, source: Source, id_at: Location, at: Location) {
        let id = source.id.to_string();
        if self.source_ids.contains_key(&id) {
            self.error(id_at, format!("duplicate source id `{id}`"));
            return;
        }
        if source.title.trim().is_empty() || source.publisher.trim().is_empty() {
            self.error(at, format!("source `{id}` needs a title and a publisher"));
        }
        let index = SourceId(self.sources.len() as u32);
        self.source_ids.insert(id, index);
        self.sources.push(source);
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
                if !self.is_new_id(id, id_at.clone(), file.modified) {
                    continue;
                }
                self.check_entry_text(file, id, e, &at);
                let sources = self.source_list(file, &e.sources);
                let xref = self.xref(file, id, &e.xref, &at);
                let node = self.declare_structure(
                    Structure {
                        id: id.into(),
                        kind: *kind,
                        name: name.get_ref().into(),
                        latin: e.latin.as_ref().map(Text::from),
                        aliases: e.aliases.iter().map(|a| a.get_ref().into()).collect(),
                        notes: e.notes.iter().map(Text::from).collect(),
                        xref,
                        sources,
                        location: at,
                    },
                    file.modified,
                );
                pending.push(Pending {
                    file: fi,
                    entry: ei,
                    node,
                });
            }
        }
        self.id_index = Some(crate::suggest::Index::new(
            self.node_ids.keys().map(String::as_str),
        ));
        pending
    }

    /// Whether `id` is well formed and not yet declared; reports it when not. Of two
    /// declarations of one id, the one in the more recently modified file is blamed:
    /// that file most likely brought the second in.
    pub(super) fn is_new_id(
        &mut self,
        id: &str,
        id_at: Location,
        modified: Option<std::time::SystemTime>,
    ) -> bool {
        if !is_valid_id(id) {
            self.error(
                id_at,
                format!("id `{id}` must be kebab-case: lower-case letters, digits and `-`"),
            );
            return false;
        }
        if let Some(first) = self.node_ids.get(id) {
            let first_modified = self.node_modified.get(first.index()).copied().flatten();
            let first = self.graph[*first].location.clone();
            let this_is_older = matches!(
                (modified, first_modified),
                (Some(this), Some(other)) if this < other
            );
            if this_is_older {
                self.error(
                    first,
                    format!("duplicate id `{id}` (also declared at {id_at}, in an older file)"),
                );
            } else {
                self.error(
                    id_at,
                    format!("duplicate id `{id}` (first declared at {first})"),
                );
            }
            return false;
        }
        true
    }

    /// Adds a structure whose id [`Loader::is_new_id`] accepted; `modified` is when its
    /// file last changed, if known.
    pub(super) fn declare_structure(
        &mut self,
        structure: Structure,
        modified: Option<std::time::SystemTime>,
    ) -> NodeIndex {
        let id = structure.id.to_string();
        let node = self.graph.add_node(structure);
        self.node_ids.insert(id, node);
        self.node_modified.push(modified);
        node
    }

    /// Text that fascia prints must not drive the terminal (ESC, CR, NUL …), and an
    /// alias must say something.
    fn check_entry_text(&mut self, file: &FileText, id: &str, e: &Entry, at: &Location) {
        if let Some(name) = &e.name {
            let name_at = file.locate(name.span().start);
            self.check_text(&name_at, "name", id, name.get_ref());
        }
        for alias in &e.aliases {
            let alias_at = file.locate(alias.span().start);
            if alias.get_ref().trim().is_empty() {
                self.error(alias_at, format!("empty alias of `{id}`"));
            } else {
                self.check_text(&alias_at, "alias", id, alias.get_ref());
            }
        }
        if let Some(latin) = &e.latin {
            self.check_text(at, "latin", id, latin);
        }
        for note in &e.notes {
            self.check_text(at, "notes", id, note);
        }
        for group in &e.facts {
            for (span, target) in &group.targets {
                if let Some(note) = &target.note {
                    self.check_text(&file.locate(span.start), "note", id, note);
                }
            }
        }
    }

    /// Reports the first character that text may not hold (see [`super::text`]).
    pub(super) fn check_text(&mut self, at: &Location, field: &str, owner: &str, text: &str) {
        if let Some(message) = super::text::problem(field, owner, text) {
            self.error(at.clone(), message);
        }
    }

    /// Resolves source ids, reporting the unknown ones.
    fn source_list(&mut self, file: &FileText, ids: &[toml::Spanned<String>]) -> Vec<SourceId> {
        ids.iter()
            .filter_map(|id| self.source(id.get_ref(), file.locate(id.span().start)))
            .collect()
    }

    /// Cross-reference ids checked for their resource's form, with the source they
    /// were read in; ids without a source are an error, since every id must be
    /// traceable to the reference that shows it.
    fn xref(&mut self, file: &FileText, id: &str, e: &XrefEntry, at: &Location) -> Xref {
        let mut xref = Xref::default();
        for scheme in XrefScheme::ALL {
            let Some(value) = e.get(scheme) else { continue };
            let value = value.to_string();
            if scheme.accepts(&value) {
                xref.set(scheme, Some(value.into()));
            } else {
                self.error(
                    at.clone(),
                    format!(
                        "`{id}`: `{value}` is not of the form of a {} id (xref.{})",
                        scheme.label(),
                        scheme.key()
                    ),
                );
            }
        }
        if let Some(src) = &e.uberon_source {
            xref.uberon_source = self.source(src.get_ref(), file.locate(src.span().start));
            if xref.uberon.is_none() {
                self.error(
                    at.clone(),
                    format!("`{id}`: `uberon-source` names the source of an `uberon` id it lacks"),
                );
            }
        }
        // the ids that `source` must cover: all but an UBERON id with its own source
        let covered = XrefScheme::ALL.into_iter().any(|scheme| {
            xref.get(scheme).is_some()
                && !(scheme == XrefScheme::Uberon && e.uberon_source.is_some())
        });
        match &e.source {
            Some(src) => {
                xref.source = self.source(src.get_ref(), file.locate(src.span().start));
            }
            None if covered => self.error(
                at.clone(),
                format!(
                    "`{id}`: cross-reference ids need `source`, the reference they were read in"
                ),
            ),
            None => {}
        }
        xref
    }

    /// One source by id, or an error at `at` with the nearest known id.
    pub(super) fn source(&mut self, id: &str, at: Location) -> Option<SourceId> {
        if let Some(s) = self.source_ids.get(id) {
            return Some(*s);
        }
        let hint = crate::suggest::closest(id, self.source_ids.keys().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        self.error(at, format!("unknown source `{id}`{hint}"));
        None
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
        if !self.check_ends(from, to, relation, direction, &at) {
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
        if !target.contributing.is_empty()
            && !matches!(relation, Relation::InnervatedBy | Relation::MediatedBy)
        {
            self.error(
                at.clone(),
                format!("`contributing` only belongs to innervated-by and mediated-by, not {name}"),
            );
        }
        for root in target.roots.iter().chain(&target.contributing) {
            let root_at = file.locate(root.span().start);
            let key = root.get_ref().to_ascii_lowercase();
            if let Some(r) = self.root(&key, root_at.clone()) {
                if roots.contains(&r) {
                    self.error(root_at, format!("level `{key}` is listed twice"));
                } else {
                    roots.push(r);
                }
            }
        }
        let contributing = target
            .contributing
            .len()
            .min(roots.len())
            .min(u8::MAX as usize) as u8;
        if target.minor
            && !matches!(
                relation,
                Relation::InnervatedBy | Relation::SuppliedBy | Relation::DrainedBy
            )
        {
            self.error(
                at.clone(),
                format!(
                    "`minor` only belongs to innervated-by, supplied-by and drained-by, not {name}"
                ),
            );
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
        let note = target.note.as_ref().map(|n| self.texts.note(Text::from(n)));
        let position = self.texts.position(&at);
        self.add_edge(
            from,
            to,
            Fact {
                relation,
                sources: sources.into(),
                roots: roots.into_iter().map(StructureId::of).collect(),
                contributing,
                minor: target.minor,
                role,
                note,
                status: target.status.map(Status::from),
                position,
            },
        );
    }

    /// A spinal root by id, or an error at `at`.
    pub(super) fn root(&mut self, id: &str, at: Location) -> Option<NodeIndex> {
        match self.lookup(id, &at) {
            Some(r) if self.graph[r].kind == Kind::Root => Some(r),
            Some(r) => {
                let kind = self.graph[r].kind.with_article();
                self.error(at, format!("`{id}` is {kind}, not a spinal root"));
                None
            }
            None => None,
        }
    }

    /// Adds a fact stated forward whose ends [`Loader::check_ends`] accepted.
    pub(super) fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, fact: Fact) {
        self.graph.add_edge(from, to, fact);
    }

    /// Whether the subject and object kinds fit the relation and differ; reports why
    /// not, worded for the direction the fact was written in.
    pub(super) fn check_ends(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        relation: Relation,
        direction: Direction,
        at: &Location,
    ) -> bool {
        match fact_kind_problem(&self.graph, relation, direction, from, to) {
            Some(message) => {
                self.error(at.clone(), message);
                false
            }
            None => true,
        }
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

    /// The kind of a declared structure.
    pub(super) fn kind_of(&self, node: NodeIndex) -> Kind {
        self.graph[node].kind
    }

    pub(super) fn lookup(&mut self, id: &str, at: &Location) -> Option<NodeIndex> {
        if let Some(n) = self.node_ids.get(id) {
            return Some(*n);
        }
        // facts are added after every structure is declared, so the index is complete
        if self.id_index.is_none() {
            self.id_index = Some(crate::suggest::Index::new(
                self.node_ids.keys().map(String::as_str),
            ));
        }
        let hint = self
            .id_index
            .as_ref()
            .and_then(|index| index.closest(id))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        self.error(
            at.clone(),
            format!("unknown id `{}`{hint}", super::text::quoted(id)),
        );
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

/// How many members of a cycle its message names; a cycle of 100,000 is not listed whole.
const CYCLE_IDS_SHOWN: usize = 20;

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
        // Kosaraju walks with an explicit stack: Tarjan recurses once per link of a chain
        for scc in petgraph::algo::kosaraju_scc(&view) {
            let is_cycle = scc.len() > 1;
            if is_cycle {
                let mut members: Vec<&Structure> = scc.iter().map(|n| &graph[*n]).collect();
                members.sort_by(|a, b| a.id.cmp(&b.id));
                let ids: Vec<&str> = members
                    .iter()
                    .take(CYCLE_IDS_SHOWN)
                    .map(|s| s.id.as_str())
                    .collect();
                let more = match members.len() - ids.len() {
                    0 => String::new(),
                    n => format!(" → … ({n} more, {} in all)", members.len()),
                };
                let at = members[0].location.clone();
                errors.push(DataError {
                    location: at,
                    message: format!("cycle in {relation}: {}{more}", ids.join(" → ")),
                });
            }
        }
    }
    errors
}

/// An address without its scheme, `www.` or trailing slash, lower-cased: how a
/// source's `url` is matched against a work's addresses.
fn address_key(url: &str) -> String {
    let url = url.trim();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/').to_ascii_lowercase()
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
