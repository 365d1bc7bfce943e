//! The anatomy graph: structures as nodes, sourced facts as typed edges, and the
//! indexes (by id, by kind, by name) that queries start from.
//!
//! This is the lowest layer of fascia, a crate of its own so that it cannot use the
//! layers above it (query, clinical reasoning, outputs, exports): it reads and checks
//! the data sources (TOML, TSV, snapshots, the cache) and keeps the checked graph.
//! The `fascia` crate builds on it, and shows only its ids, `Atlas` and model types.

// Data files must never crash fascia: no unwrap, expect or panic outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![deny(missing_docs)]

mod adjacency;
pub mod agreement;
pub mod build;
pub mod cache;
pub mod clinical;
pub mod descent;
pub mod disk;
pub mod error;
pub mod files;
mod id;
pub mod load;
pub mod model;
mod region;
pub mod snapshot;
pub mod suggest;
pub mod synthetic;
pub mod text;
pub mod tsv;
pub mod vocabulary;

use model::{
    Direction, Fact, Kind, Location, NoteId, Position, Relation, Source, SourceId, Structure, Text,
    Tier, Work,
};
use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

pub use id::{FactId, StructureId};
pub use load::{LoadOptions, load_dir, load_dir_with, load_files};

/// A loaded, validated graph with its indexes. Immutable once built, so it can be
/// shared freely; there is no global instance.
///
/// ```
/// use fascia_graph::model::{Direction, Relation};
///
/// let data = r#"
/// [[source]]
/// id = "gray"
/// title = "Anatomy of the Human Body"
/// publisher = "Lea & Febiger"
///
/// [[root]]
/// id = "l4"
/// name = "L4"
/// sources = ["gray"]
///
/// [[nerve]]
/// id = "sciatic-nerve"
/// name = "Sciatic nerve"
/// sources = ["gray"]
/// has-root = { id = "l4", sources = ["gray"] }
///
/// [[nerve]]
/// id = "tibial-nerve"
/// name = "Tibial nerve"
/// sources = ["gray"]
/// branch-of = { id = "sciatic-nerve", sources = ["gray"] }
/// "#;
/// let atlas = fascia_graph::load_files([("leg.toml", data)], "example")?;
/// let tibial = atlas.by_id("tibial-nerve").ok_or("no tibial nerve")?;
/// let trunks: Vec<&str> = atlas
///     .neighbours(tibial, Relation::BranchOf, Direction::Forward)
///     .map(|(_, nerve)| &*atlas.node(nerve).name)
///     .collect();
/// assert_eq!(trunks, ["Sciatic nerve"]);
/// // names are looked up by their normalized key: case, spacing, hyphens and the
/// // kind word do not matter
/// assert_eq!(atlas.named(&fascia_graph::normalize("The  Tibial-Nerve")), [tibial]);
/// assert_eq!(atlas.named(&fascia_graph::normalize("tibial")), [tibial]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Atlas {
    graph: DiGraph<Structure, Fact>,
    /// The reference works sources belong to, with their standing in the canon.
    works: Vec<Work>,
    sources: Vec<Source>,
    /// The file names and notes that facts refer to by index.
    texts: FactTexts,
    by_id: FxHashMap<Text, StructureId>,
    /// Each structure's kind, in one compact array: filters by kind read this instead
    /// of the structures themselves.
    kinds: Vec<Kind>,
    /// Each relation's facts at each node, in flat arrays: what `neighbours` reads.
    adjacency: adjacency::Adjacency,
    by_kind: Vec<Vec<StructureId>>,
    /// Normalized name, alias, id or Latin name (with and without a trailing kind word)
    /// → the structures it names; sorted by key for binary search.
    by_name: NameIndex,
    /// Spinal root → the innervated-by facts that list it among their root levels.
    root_levels: HashMap<StructureId, Vec<FactId>>,
    /// The same, keeping only the levels that are principal for the fact's subject.
    standard_root_levels: HashMap<StructureId, Vec<FactId>>,
    /// The same, keeping the levels that are principal or contributing.
    weighted_root_levels: HashMap<StructureId, Vec<FactId>>,
    /// Which facts are the standard statement.
    agreement: agreement::Agreement,
    /// Problems that do not stop loading (`fascia check` prints them).
    warnings: Vec<error::DataError>,
    /// Whether any fact or root level is not the standard statement, so that
    /// `including disputed` can change an answer.
    disputed: bool,
    /// Where the data came from ("bundled" or a directory), for `:data` and the banner.
    origin: String,
    /// Lesion sites, plexus routes and bedside signs, checked against the graph.
    clinical: clinical::Tables,
}

/// What facts refer to by index rather than hold: the names of the files they were
/// stated in, and their notes (few facts have one).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FactTexts {
    files: Vec<Text>,
    notes: Vec<Text>,
}

impl FactTexts {
    /// The compact position of `location`, its file name kept once.
    pub(crate) fn position(&mut self, location: &Location) -> Position {
        // few files, and consecutive facts share one: the search ends at once
        let file = match self.files.iter().rposition(|f| *f == location.file) {
            Some(i) => i,
            None => {
                self.files.push(location.file.clone());
                self.files.len() - 1
            }
        };
        Position {
            file: file as u32,
            line: u32::try_from(location.line).unwrap_or(u32::MAX),
            column: u32::try_from(location.column).unwrap_or(u32::MAX),
        }
    }

    /// Keeps a fact's note and returns its index.
    pub(crate) fn note(&mut self, note: Text) -> NoteId {
        self.notes.push(note);
        NoteId(self.notes.len() as u32 - 1)
    }

    /// The full location of a position.
    pub(crate) fn location(&self, position: Position) -> Location {
        Location {
            file: self
                .files
                .get(position.file as usize)
                .cloned()
                .unwrap_or_default(),
            line: position.line as usize,
            column: position.column as usize,
        }
    }

    pub(crate) fn note_text(&self, note: NoteId) -> Option<&Text> {
        self.notes.get(note.0 as usize)
    }
}

/// Folds case, punctuation and spacing so that `Flexor-hallucis  Longus` and
/// `flexor hallucis longus` are the same key; in Unicode normal form C, so that one
/// name typed two ways is one key.
pub fn normalize(text: &str) -> String {
    let text = text::nfc(text);
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | ',' | '.'))
        .filter(|w| !w.is_empty())
    {
        // an apostrophe joins its word (`Guyon's` and `Guyons` are one word)
        let letters = word.chars().filter(|c| !matches!(c, '\'' | '’'));
        let mut lower = letters.flat_map(char::to_lowercase).peekable();
        if lower.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(lower);
    }
    if let Some(rest) = out.strip_prefix("the ") {
        out = rest.to_string();
    }
    out
}

/// The key with a trailing kind word removed (`tibial nerve` → `tibial`), if it has one.
pub fn strip_kind_word(key: &str, kind: Kind) -> Option<&str> {
    kind.name_suffixes().iter().find_map(|suffix| {
        key.strip_suffix(suffix)
            .and_then(|rest| rest.strip_suffix(' '))
            .filter(|rest| !rest.is_empty())
    })
}

/// Sorted name keys, each with a range into one flat list of structures (one
/// allocation for the whole index, not one per key).
#[derive(Debug, Clone, Default, PartialEq)]
struct NameIndex {
    keys: Vec<(Text, u32, u32)>,
    nodes: Vec<StructureId>,
    /// For each entry of `nodes`, how the key names it: see [`Atlas::named_ranked`].
    ranks: Vec<u8>,
}

impl NameIndex {
    fn get(&self, key: &str) -> &[StructureId] {
        match self.keys.binary_search_by(|(k, _, _)| k.as_str().cmp(key)) {
            Ok(i) => self.slice(i),
            Err(_) => &[],
        }
    }

    fn range(&self, key: &str) -> std::ops::Range<usize> {
        match self.keys.binary_search_by(|(k, _, _)| k.as_str().cmp(key)) {
            Ok(i) => self.keys[i].1 as usize..self.keys[i].2 as usize,
            Err(_) => 0..0,
        }
    }

    fn slice(&self, i: usize) -> &[StructureId] {
        let (_, start, end) = &self.keys[i];
        self.nodes
            .get(*start as usize..*end as usize)
            .unwrap_or(&[])
    }
}

/// Spinal root → the innervated-by facts that list it among their root levels.
pub(crate) type RootLevels = HashMap<StructureId, Vec<FactId>>;

/// The indexes that cost most to derive from a graph: a snapshot stores them, so a
/// start from one reads them instead of building them again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Derived {
    by_kind: Vec<Vec<StructureId>>,
    by_name: NameIndex,
    adjacency: adjacency::Adjacency,
    /// Every root level, the standard ones, and the principal or contributing ones.
    root_levels: [RootLevels; 3],
    agreement: agreement::Agreement,
    disputed: bool,
}

impl Derived {
    /// Builds them; the name index is computed unless a snapshot brings it.
    fn build(
        graph: &DiGraph<Structure, Fact>,
        works: &[Work],
        sources: &[Source],
        names: Option<NameIndex>,
    ) -> Derived {
        let mut by_kind = vec![Vec::new(); Kind::ALL.len()];
        for idx in graph.node_indices() {
            by_kind[graph[idx].kind.index()].push(StructureId::of(idx));
        }
        let by_name = names.unwrap_or_else(|| name_index(graph));
        let agreement = agreement::Agreement::compute(graph, works, sources);
        let mut root_levels: RootLevels = HashMap::new();
        let mut standard_root_levels: RootLevels = HashMap::new();
        let mut weighted_root_levels: RootLevels = HashMap::new();
        for edge in graph.edge_indices() {
            let Some((subject, _)) = graph.edge_endpoints(edge) else {
                continue;
            };
            let (subject, e) = (StructureId::of(subject), FactId::of(edge));
            for root in &graph[edge].roots {
                root_levels.entry(*root).or_default().push(e);
                match agreement.level_weight(subject, *root) {
                    Some(agreement::Weight::Principal) => {
                        standard_root_levels.entry(*root).or_default().push(e);
                        weighted_root_levels.entry(*root).or_default().push(e);
                    }
                    Some(agreement::Weight::Contributing) => {
                        weighted_root_levels.entry(*root).or_default().push(e);
                    }
                    None => {}
                }
            }
        }
        for list in &mut by_kind {
            // names beside their structures: a comparison reads two names, not two
            // structures and then their names (a stable sort: ties stay in graph order)
            let mut named: Vec<(&str, StructureId)> = list
                .iter()
                .map(|n| (graph[n.node()].name.as_str(), *n))
                .collect();
            named.sort_by(|a, b| a.0.cmp(b.0));
            *list = named.into_iter().map(|(_, n)| n).collect();
        }
        let adjacency = adjacency::Adjacency::build(graph);
        let disputed = graph
            .edge_indices()
            .any(|e| agreement.standing(FactId::of(e)) != agreement::Standing::Standard)
            || root_levels.values().map(Vec::len).sum::<usize>()
                != standard_root_levels.values().map(Vec::len).sum::<usize>();
        Derived {
            by_kind,
            by_name,
            adjacency,
            root_levels: [root_levels, standard_root_levels, weighted_root_levels],
            agreement,
            disputed,
        }
    }
}

impl Atlas {
    /// Builds the indexes; the name index is computed unless a snapshot brings it.
    fn new(
        graph: DiGraph<Structure, Fact>,
        works: Vec<Work>,
        sources: Vec<Source>,
        texts: FactTexts,
        origin: String,
        names: Option<NameIndex>,
    ) -> Atlas {
        let derived = Derived::build(&graph, &works, &sources, names);
        Atlas::with_derived(graph, works, sources, texts, origin, derived)
    }

    /// An atlas of a graph and the indexes derived from it (built, or read back from a
    /// snapshot that stored them); only the cheap ones are built here.
    fn with_derived(
        graph: DiGraph<Structure, Fact>,
        works: Vec<Work>,
        sources: Vec<Source>,
        texts: FactTexts,
        origin: String,
        derived: Derived,
    ) -> Atlas {
        let mut by_id = FxHashMap::with_capacity_and_hasher(graph.node_count(), Default::default());
        let mut kinds = Vec::with_capacity(graph.node_count());
        for idx in graph.node_indices() {
            let s = &graph[idx];
            kinds.push(s.kind);
            by_id.insert(s.id.clone(), StructureId::of(idx));
        }
        let Derived {
            by_kind,
            by_name,
            adjacency,
            root_levels: [root_levels, standard_root_levels, weighted_root_levels],
            agreement,
            disputed,
        } = derived;
        Atlas {
            graph,
            works,
            sources,
            texts,
            by_id,
            kinds,
            adjacency,
            by_kind,
            by_name,
            root_levels,
            standard_root_levels,
            weighted_root_levels,
            agreement,
            warnings: Vec::new(),
            disputed,
            origin,
            clinical: clinical::Tables::default(),
        }
    }

    pub(crate) fn set_clinical(&mut self, tables: clinical::Tables) {
        self.clinical = tables;
    }

    /// The clinical tables loaded with the graph (none for an imported graph).
    #[doc(hidden)]
    pub fn clinical(&self) -> &clinical::Tables {
        &self.clinical
    }

    pub(crate) fn set_warnings(&mut self, warnings: Vec<error::DataError>) {
        self.warnings = warnings;
    }

    /// Problems found while loading that did not stop it.
    pub fn warnings(&self) -> &[error::DataError] {
        &self.warnings
    }

    /// Whether `including disputed` can change any answer: some fact or root level is
    /// not the standard statement.
    pub fn has_disputed(&self) -> bool {
        self.disputed
    }

    /// How a fact stands among the references.
    #[inline]
    pub fn standing(&self, edge: FactId) -> agreement::Standing {
        self.agreement.standing(edge)
    }

    /// Whether a fact is the standard statement.
    #[inline]
    pub fn is_standard(&self, edge: FactId) -> bool {
        self.agreement.standing(edge) == agreement::Standing::Standard
    }

    /// How many standard-quality sources stand behind a fact.
    #[inline]
    pub fn support(&self, edge: FactId) -> u16 {
        self.agreement.support(edge)
    }

    /// Whether `root` is one of the standard root levels of `subject`.
    #[inline]
    pub fn is_standard_level(&self, subject: StructureId, root: StructureId) -> bool {
        self.agreement.is_standard_level(subject, root)
    }

    pub(crate) fn agreement(&self) -> &agreement::Agreement {
        &self.agreement
    }

    /// The petgraph graph itself, for the readers and checks of this crate.
    pub(crate) fn graph(&self) -> &DiGraph<Structure, Fact> {
        &self.graph
    }

    /// Every structure, in id order.
    pub fn structures(&self) -> impl ExactSizeIterator<Item = StructureId> + use<> {
        (0..self.graph.node_count()).map(StructureId::new)
    }

    /// Every fact, in id order (the order they were stated).
    pub fn facts(&self) -> impl ExactSizeIterator<Item = FactId> + use<> {
        (0..self.graph.edge_count()).map(FactId::new)
    }

    /// The structure `id` names, an id this atlas gave out (from [`Atlas::by_id`], an
    /// answer, a neighbour …). An id from elsewhere that names none gives a
    /// placeholder with an empty id and name; [`Atlas::structure`] returns `None`
    /// instead.
    #[inline]
    pub fn node(&self, id: StructureId) -> &Structure {
        self.structure(id).unwrap_or_else(|| &placeholders().0)
    }

    /// The structure `id` names, or `None` for an id that names none in this atlas.
    #[inline]
    pub fn structure(&self, id: StructureId) -> Option<&Structure> {
        self.graph.node_weight(id.node())
    }

    /// The fact `id` names, an id this atlas gave out. An id from elsewhere that names
    /// none gives a placeholder (a `part-of` fact with no sources);
    /// [`Atlas::fact_at`] returns `None` instead.
    #[inline]
    pub fn fact(&self, id: FactId) -> &Fact {
        self.fact_at(id).unwrap_or_else(|| &placeholders().1)
    }

    /// The fact `id` names, or `None` for an id that names none in this atlas.
    #[inline]
    pub fn fact_at(&self, id: FactId) -> Option<&Fact> {
        self.graph.edge_weight(id.edge())
    }

    /// Where a fact was stated.
    pub fn location(&self, id: FactId) -> Location {
        self.texts.location(self.fact(id).position)
    }

    /// A fact's note, if it has one.
    pub fn note(&self, id: FactId) -> Option<&Text> {
        self.fact(id).note.and_then(|n| self.texts.note_text(n))
    }

    /// The kind of a structure (what `node(idx).kind` says, read from a compact array).
    #[inline]
    pub fn kind(&self, idx: StructureId) -> Kind {
        self.kinds
            .get(idx.index())
            .copied()
            .unwrap_or_else(|| self.node(idx).kind)
    }

    /// Whether a structure states a part-of fact (is a part of something).
    #[inline]
    pub fn is_part(&self, idx: StructureId) -> bool {
        self.adjacency.is_part(idx.node())
    }

    /// The structure with this exact id: `soleus`.
    #[inline]
    pub fn by_id(&self, id: &str) -> Option<StructureId> {
        self.by_id.get(id).copied()
    }

    /// Structures of one kind, sorted by name.
    #[inline]
    pub fn of_kind(&self, kind: Kind) -> &[StructureId] {
        &self.by_kind[kind.index()]
    }

    /// Structures whose normalized name, alias or id is exactly `key`.
    #[inline]
    pub fn named(&self, key: &str) -> &[StructureId] {
        self.by_name.get(key)
    }

    /// Structures whose normalized name, alias or id is exactly `key`, each with how
    /// strongly the key names it: 0 its id or name, 1 an alias or its Latin name, 2 its
    /// name less the kind word (`tibial` for the tibial nerve), 3 an alias less it.
    pub fn named_ranked(&self, key: &str) -> impl Iterator<Item = (StructureId, u8)> + '_ {
        let range = self.by_name.range(key);
        let nodes = self.by_name.nodes.get(range.clone()).unwrap_or(&[]);
        let ranks = self.by_name.ranks.get(range).unwrap_or(&[]);
        nodes.iter().copied().zip(ranks.iter().copied())
    }

    /// Every normalized name key, sorted, for completion, suggestions and partial
    /// matching.
    pub fn name_keys(&self) -> impl Iterator<Item = (&str, &[StructureId])> {
        (0..self.by_name.keys.len())
            .map(|i| (self.by_name.keys[i].0.as_str(), self.by_name.slice(i)))
    }

    /// Every source, in [`SourceId`] order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source `id` stands for, an id this atlas gave out; one from elsewhere that
    /// names none gives a placeholder with an empty id and title.
    pub fn source(&self, id: SourceId) -> &Source {
        self.sources
            .get(id.0 as usize)
            .unwrap_or_else(|| &placeholders().2)
    }

    /// The reference works the sources belong to.
    pub fn works(&self) -> &[Work] {
        &self.works
    }

    /// The work a source is part of, where the canon table names one.
    pub fn work_of(&self, id: SourceId) -> Option<&Work> {
        let w = self.sources.get(id.0 as usize)?.work?;
        self.works.get(w.0 as usize)
    }

    /// Where a source stands: weak when marked so, else its work's tier; a source of no
    /// declared work is secondary.
    pub fn tier(&self, id: SourceId) -> Tier {
        agreement::tier_of(&self.works, &self.sources, id)
    }

    /// How many structures the graph holds.
    #[inline]
    pub fn structure_count(&self) -> usize {
        self.graph.node_count()
    }

    /// How many facts the graph holds.
    #[inline]
    pub fn fact_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Where the data came from ("bundled" or a directory), for `:data` and the banner.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The facts of one relation read from `node` in `direction`, with the node at the
    /// other end: `(soleus, InnervatedBy, Forward)` yields the tibial nerve.
    #[inline]
    pub fn neighbours(
        &self,
        node: StructureId,
        relation: Relation,
        direction: Direction,
    ) -> impl ExactSizeIterator<Item = (FactId, StructureId)> + '_ {
        self.adjacency
            .get(node.node(), relation, direction == Direction::Inverse)
            .map(|(e, n)| (FactId::of(e), StructureId::of(n)))
    }

    /// The facts at `node` read in `direction` whose relation is among `relations`,
    /// grouped by relation, with the node at the other end: one pass over the node's
    /// facts however many relations are asked for.
    #[inline]
    #[doc(hidden)]
    pub fn neighbours_among<'a>(
        &'a self,
        node: StructureId,
        relations: &[Relation],
        direction: Direction,
    ) -> impl Iterator<Item = (FactId, Relation, StructureId)> + use<'a> {
        let mask = relations
            .iter()
            .fold(0, |m, r| m | adjacency::relation_bit(*r));
        self.adjacency
            .masked(node.node(), direction == Direction::Inverse, mask)
            .map(|(e, r, n)| (FactId::of(e), r, StructureId::of(n)))
    }

    /// [`Atlas::neighbours_among`] with the relations as a set of bits (bit `r` for
    /// the relation at position `r` of [`Relation::ALL`]).
    pub(crate) fn neighbours_masked(
        &self,
        node: StructureId,
        relations: u64,
        direction: Direction,
    ) -> impl Iterator<Item = (FactId, Relation, StructureId)> + '_ {
        self.adjacency
            .masked(node.node(), direction == Direction::Inverse, relations)
            .map(|(e, r, n)| (FactId::of(e), r, StructureId::of(n)))
    }

    /// Every fact at `node` read in `direction` (of any relation), with its relation and
    /// the node at the other end, newest fact first: the order of the petgraph graph's own lists, read
    /// from the compact arrays.
    #[inline]
    pub fn facts_at(
        &self,
        node: StructureId,
        direction: Direction,
    ) -> Vec<(FactId, Relation, StructureId)> {
        let mut facts: Vec<(FactId, Relation, StructureId)> = self
            .adjacency
            .all(node.node(), direction == Direction::Inverse)
            .map(|(e, r, n)| (FactId::of(e), r, StructureId::of(n)))
            .collect();
        facts.sort_unstable_by_key(|f| std::cmp::Reverse(f.0));
        facts
    }

    /// How many facts `node` states (`Forward`) or is the object of (`Inverse`).
    pub fn degree(&self, node: StructureId, direction: Direction) -> usize {
        self.adjacency
            .all(node.node(), direction == Direction::Inverse)
            .count()
    }

    /// The innervated-by facts that list `root` among their root levels; with
    /// `disputed` false, only where it is a standard level of the fact's subject.
    #[inline]
    #[doc(hidden)]
    pub fn facts_listing_root(&self, root: StructureId, disputed: bool) -> &[FactId] {
        let index = if disputed {
            &self.root_levels
        } else {
            &self.standard_root_levels
        };
        index.get(&root).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The facts that list `root` as a principal or contributing level of their subject.
    #[inline]
    #[doc(hidden)]
    pub fn facts_listing_root_weighted(&self, root: StructureId) -> &[FactId] {
        self.weighted_root_levels
            .get(&root)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// How much `root` counts among `subject`'s levels: principal, contributing, or
    /// `None` for a minority level or none at all.
    #[inline]
    pub fn level_weight(
        &self,
        subject: StructureId,
        root: StructureId,
    ) -> Option<agreement::Weight> {
        self.agreement.level_weight(subject, root)
    }

    /// A structure's root levels as the texts print them: the principal ones, then the
    /// contributing ones, each sorted; minority levels left out.
    pub fn levels_of(&self, subject: StructureId) -> (Vec<StructureId>, Vec<StructureId>) {
        let mut principal = Vec::new();
        let mut contributing = Vec::new();
        for e in self.graph.edges(subject.node()) {
            for r in e.weight().roots.iter() {
                let list = match self.agreement.level_weight(subject, *r) {
                    Some(agreement::Weight::Principal) => &mut principal,
                    Some(agreement::Weight::Contributing) => &mut contributing,
                    None => continue,
                };
                if !list.contains(r) {
                    list.push(*r);
                }
            }
        }
        principal.sort_unstable();
        contributing.sort_unstable();
        (principal, contributing)
    }

    /// Whether some structure has a contributing level, so that `including
    /// contributing` can change an answer.
    pub fn has_contributing(&self) -> bool {
        self.agreement.has_contributing()
    }

    /// The two ends of a fact, subject first.
    #[inline]
    pub fn ends(&self, edge: FactId) -> (StructureId, StructureId) {
        self.graph
            .edge_endpoints(edge.edge())
            .map(|(a, b)| (StructureId::of(a), StructureId::of(b)))
            .unwrap_or((StructureId::NONE, StructureId::NONE))
    }

    /// Every fact whose two ends are both among `nodes`, in edge order.
    pub fn facts_among(&self, nodes: &[StructureId]) -> Vec<FactId> {
        let members: std::collections::HashSet<StructureId> = nodes.iter().copied().collect();
        let mut edges: Vec<FactId> = nodes
            .iter()
            .flat_map(|n| {
                self.graph
                    .edges_directed(n.node(), petgraph::Direction::Outgoing)
            })
            .filter(|e| members.contains(&StructureId::of(e.target())))
            .map(|e| FactId::of(e.id()))
            .collect();
        edges.sort();
        edges.dedup();
        edges
    }

    /// Whether `node` states at least one fact of `relation` in its forward direction.
    #[inline]
    pub fn has_fact(&self, node: StructureId, relation: Relation) -> bool {
        self.neighbours(node, relation, Direction::Forward)
            .next()
            .is_some()
    }

    /// The regions the data covers in depth: regions that are divided into parts and
    /// are not part of another region, by name (a region declared only to hold a few
    /// structures, like the back for the limb's muscles on it, is not among them).
    pub fn top_regions(&self) -> Vec<StructureId> {
        self.of_kind(Kind::Region)
            .iter()
            .copied()
            .filter(|r| {
                self.neighbours(*r, Relation::PartOf, Direction::Forward)
                    .all(|(_, w)| self.kind(w) != Kind::Region)
                    && self
                        .neighbours(*r, Relation::PartOf, Direction::Inverse)
                        .next()
                        .is_some()
            })
            .collect()
    }

    /// The muscle a head or part belongs to.
    pub fn whole_of(&self, part: StructureId) -> Option<StructureId> {
        self.neighbours(part, Relation::PartOf, Direction::Forward)
            .map(|(_, n)| n)
            .find(|n| self.kind(*n) == Kind::Muscle)
    }
}

/// What [`Atlas::node`], [`Atlas::fact`] and [`Atlas::source`] give for an id that
/// names nothing: an empty structure, a sourceless fact and an empty source, made once.
fn placeholders() -> &'static (Structure, Fact, Source) {
    static PLACEHOLDERS: std::sync::OnceLock<(Structure, Fact, Source)> =
        std::sync::OnceLock::new();
    PLACEHOLDERS.get_or_init(|| {
        let structure = Structure {
            id: Text::default(),
            kind: Kind::Region,
            name: Text::default(),
            latin: None,
            aliases: Vec::new(),
            notes: Vec::new(),
            xref: model::Xref::default(),
            sources: Vec::new(),
            location: Location {
                file: Text::default(),
                line: 0,
                column: 0,
            },
        };
        let fact = Fact {
            relation: Relation::PartOf,
            sources: Box::new([]),
            roots: Box::new([]),
            contributing: 0,
            minor: false,
            role: None,
            note: None,
            status: None,
            position: Position::default(),
        };
        let source = Source {
            id: Text::default(),
            title: Text::default(),
            publisher: Text::default(),
            url: None,
            read: None,
            quality: model::Quality::Weak,
            work: None,
        };
        (structure, fact, source)
    })
}

/// Normalized key → structures, sorted by key; under a key, structures in graph order,
/// each with its strongest rank.
fn name_index(graph: &DiGraph<Structure, Fact>) -> NameIndex {
    // one flat list sorted once: a map of lists would allocate a list per key
    let mut entries: Vec<(String, StructureId, u8)> = Vec::with_capacity(graph.node_count() * 3);
    for node in graph.node_indices() {
        let (s, idx) = (&graph[node], StructureId::of(node));
        let proper = [s.id.as_str(), s.name.as_str()].into_iter().map(|w| (w, 0));
        let other = s
            .aliases
            .iter()
            .map(Text::as_str)
            .chain(s.latin.as_deref())
            .map(|w| (w, 1));
        for (written, rank) in proper.chain(other) {
            let key = normalize(written);
            if let Some(short) = strip_kind_word(&key, s.kind) {
                entries.push((short.to_string(), idx, rank + 2));
            }
            entries.push((key, idx, rank));
        }
    }
    entries.sort_unstable();
    // the strongest rank of each structure under a key is the first after sorting
    entries.dedup_by(|later, first| later.0 == first.0 && later.1 == first.1);
    let mut index = NameIndex::default();
    index.nodes.reserve(entries.len());
    index.ranks.reserve(entries.len());
    let mut entries = entries.into_iter().peekable();
    while let Some((key, node, rank)) = entries.next() {
        let start = index.nodes.len() as u32;
        index.nodes.push(node);
        index.ranks.push(rank);
        while let Some((_, node, rank)) = entries.next_if(|(k, _, _)| *k == key) {
            index.nodes.push(node);
            index.ranks.push(rank);
        }
        index
            .keys
            .push((Text::from(key), start, index.nodes.len() as u32));
    }
    index
}

impl Structure {
    /// The id, name, aliases and Latin name: every way the data spells it.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(std::iter::once(self.name.as_str()))
            .chain(self.aliases.iter().map(Text::as_str))
            .chain(self.latin.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_from_another_atlas_is_none_or_a_placeholder_not_a_panic() {
        let mini = include_str!("../../tests/fixtures/mini/mini.toml");
        let atlas = load_files([("mini.toml", mini)], "mini").unwrap();
        let soleus = atlas.by_id("soleus").unwrap();
        assert_eq!(atlas.structure(soleus).map(|s| &*s.id), Some("soleus"));
        let beyond = StructureId::new(atlas.structure_count());
        assert!(atlas.structure(beyond).is_none());
        // the infallible accessor gives an empty placeholder, not a panic
        assert_eq!(&*atlas.node(beyond).id, "");
        assert_eq!(atlas.kind(beyond), Kind::Region);
        let (edge, _) = atlas
            .neighbours(soleus, Relation::InnervatedBy, Direction::Forward)
            .next()
            .unwrap();
        assert_eq!(
            atlas.fact_at(edge).map(|f| f.relation),
            Some(Relation::InnervatedBy)
        );
        let beyond = FactId::new(atlas.fact_count());
        assert!(atlas.fact_at(beyond).is_none());
        assert!(atlas.fact(beyond).sources.is_empty());
        assert_eq!(&*atlas.source(SourceId(u32::MAX)).id, "");
        assert!(atlas.note(beyond).is_none());
        assert_eq!(atlas.ends(beyond), (StructureId::NONE, StructureId::NONE));
        assert!(atlas.structure(atlas.ends(beyond).0).is_none());
    }

    #[test]
    fn normalize_folds_case_punctuation_and_articles() {
        assert_eq!(
            normalize("  Flexor-hallucis  Longus "),
            "flexor hallucis longus"
        );
        assert_eq!(
            normalize("Biceps femoris, short head"),
            "biceps femoris short head"
        );
        assert_eq!(normalize("The Achilles tendon"), "achilles tendon");
        assert_eq!(normalize("Achilles' tendon"), "achilles tendon");
        assert_eq!(normalize("Guyon's canal"), normalize("guyons canal"));
        assert_eq!(normalize("Guyon’s canal"), "guyons canal");
    }

    #[test]
    fn strips_only_the_kinds_own_word() {
        assert_eq!(strip_kind_word("tibial nerve", Kind::Nerve), Some("tibial"));
        assert_eq!(strip_kind_word("tibial nerve", Kind::Artery), None);
        assert_eq!(strip_kind_word("nerve", Kind::Nerve), None);
        assert_eq!(strip_kind_word("l5 root", Kind::Root), Some("l5"));
    }
}
