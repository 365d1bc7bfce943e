//! A directory of two tab-separated files → a checked [`Atlas`]: `nodes.tsv` (header
//! `id kind name`) and `edges.tsv` (header `subject predicate object`), fields
//! separated by tabs. Kinds and
//! predicates are fascia's words, with `_`, `-` and space alike; a predicate may be read
//! either way (`innervates` is stored as `innervated-by` turned round). The checks are the
//! TOML loader's (ids, kinds, domains, cycles); the bundled atlas's completeness rules
//! (every muscle has an action…) do not apply to an imported graph.

use super::Atlas;
use super::error::{DataError, DataErrors, LoadError};
use super::load::{fact_kind_problem, hierarchy_cycles, is_valid_id};
use super::model::{
    Direction, Fact, Kind, Location, Position, Relation, Role, Status, Structure, Text,
};
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use std::path::Path;

/// The structures file of a TSV directory.
pub const NODES: &str = "nodes.tsv";
/// The facts file of a TSV directory.
pub const EDGES: &str = "edges.tsv";
/// Larger files are refused before reading (about 25 million facts), unless the caller
/// says otherwise (the binary reads [`MAX_FILE_SIZE_VAR`]).
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// The environment variable from which the binary reads the size limit of a TSV file
/// (bytes).
pub const MAX_FILE_SIZE_VAR: &str = "FASCIA_MAX_TSV_SIZE";
/// Reading stops after this many problems: the first ones say what is wrong.
pub const MAX_ERRORS: usize = 100;

/// Whether `dir` is a TSV directory (it holds `nodes.tsv`).
pub fn is_tsv_dir(dir: &Path) -> bool {
    dir.join(NODES).is_file()
}

/// Loads `nodes.tsv` and `edges.tsv` from `dir`, each at most `max` bytes.
pub fn load_tsv_dir(dir: &Path, max: u64) -> Result<Atlas, LoadError> {
    let read = |name: &str| -> Result<(String, String), LoadError> {
        let path = dir.join(name);
        let bytes = super::load::read_limited(&path, max, MAX_FILE_SIZE_VAR)?;
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Io {
            path: path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
        })?;
        Ok((path.display().to_string(), text))
    };
    let (nodes_name, nodes) = read(NODES)?;
    let (edges_name, edges) = read(EDGES)?;
    let graph = read_tsv((&nodes_name, &nodes), (&edges_name, &edges))?;
    // the files' texts go before the indexes are built: at a million facts they are
    // tens of megabytes of the peak
    drop((nodes, edges));
    Ok(Atlas::new(
        graph,
        Vec::new(),
        Vec::new(),
        edges_texts(),
        dir.display().to_string(),
        None,
    ))
}

/// Loads the two files given as `(name, text)`; `origin` says where they came from.
pub fn load_tsv(
    nodes: (&str, &str),
    edges: (&str, &str),
    origin: &str,
) -> Result<Atlas, DataErrors> {
    let graph = read_tsv(nodes, edges)?;
    Ok(Atlas::new(
        graph,
        Vec::new(),
        Vec::new(),
        edges_texts(),
        origin.to_string(),
        None,
    ))
}

/// The side tables of a TSV graph's facts: one file, no notes.
fn edges_texts() -> super::FactTexts {
    let mut texts = super::FactTexts::default();
    texts.position(&stored(EDGES, 1, 1));
    texts
}

/// The checked graph of the two files given as `(name, text)`.
fn read_tsv(
    nodes: (&str, &str),
    edges: (&str, &str),
) -> Result<DiGraph<Structure, Fact>, DataErrors> {
    let mut reader = Reader::default();
    reader.nodes(nodes.0, nodes.1);
    reader.edges(edges.0, edges.1);
    // each file's problems in line order, the nodes file first
    reader.errors.sort_by_key(|e| {
        let l = &e.location;
        (l.file.as_str() != nodes.0, l.line, l.column)
    });
    if reader.errors.is_empty() {
        reader.errors = hierarchy_cycles(&reader.graph);
    }
    if !reader.errors.is_empty() {
        return Err(DataErrors(reader.errors));
    }
    Ok(reader.graph)
}

/// Kind and predicate words: lower case, with `_` and space read as `-`.
fn word(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn parse_kind(text: &str) -> Option<Kind> {
    let w = word(text);
    Kind::from_data_key(&w).or_else(|| Kind::ALL.into_iter().find(|k| word(k.noun()) == w))
}

#[derive(Default)]
struct Reader<'a> {
    graph: DiGraph<Structure, Fact>,
    ids: FxHashMap<&'a str, NodeIndex>,
    /// The facts read so far, so that one stated again is read once.
    facts: rustc_hash::FxHashSet<(u32, Relation, u32)>,
    errors: Vec<DataError>,
}

/// One line split into its three fields, each with its 1-based column, or how many
/// fields it has when that is not three.
type Row<'a> = (usize, Result<[(usize, &'a str); 3], usize>);

/// The data lines of a file after its header, read as they are used (a million facts
/// are a million lines: no list of them is built), or `None` if the header is wrong.
fn lines<'a>(text: &'a str, header: [&str; 3]) -> Option<impl Iterator<Item = Row<'a>> + 'a> {
    let mut numbered = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    // a byte-order mark, as some editors and spreadsheets write, is not the header's
    let first = numbered
        .next()
        .map(|(_, l)| l.trim_end_matches('\r'))
        .map(|l| l.strip_prefix('\u{feff}').unwrap_or(l));
    let found: Vec<&str> = first.unwrap_or("").split('\t').map(str::trim).collect();
    if found != header {
        return None;
    }
    Some(numbered.filter_map(|(number, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            return None;
        }
        // no allocation per line
        let mut fields = [(0, ""); 3];
        let mut count = 0;
        let mut column = 1;
        for field in line.split('\t') {
            if let Some(slot) = fields.get_mut(count) {
                *slot = (column, field.trim());
            }
            count += 1;
            column += field.len() + 1;
        }
        Some((number, if count == 3 { Ok(fields) } else { Err(count) }))
    }))
}

/// Lines in `text` (an upper bound on its rows, to reserve room once).
fn line_count(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count() + 1
}

fn at(file: &str, line: usize, column: usize) -> Location {
    Location {
        file: Text::from(file.to_string()),
        line,
        column,
    }
}

/// Where a structure or fact is kept: the file's own name, shared rather than copied
/// for each of a million facts.
fn stored(file: &'static str, line: usize, column: usize) -> Location {
    Location {
        file: Text::from(file),
        line,
        column,
    }
}

impl<'a> Reader<'a> {
    fn error(&mut self, file: &str, line: usize, column: usize, message: String) {
        self.errors.push(DataError {
            location: at(file, line, column),
            message,
        });
    }

    fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    /// The rows of a file with three fields; the header and lines with another number of
    /// fields are errors.
    fn rows(
        &mut self,
        file: &str,
        text: &'a str,
        header: [&str; 3],
    ) -> Option<impl Iterator<Item = Row<'a>> + 'a> {
        let rows = lines(text, header);
        if rows.is_none() {
            self.error(
                file,
                1,
                1,
                format!("expected the header `{}`", header.join("<TAB>")),
            );
        }
        rows
    }

    /// The error for a line with `count` fields.
    fn field_count(&mut self, file: &str, number: usize, header: [&str; 3], count: usize) {
        self.error(
            file,
            number,
            1,
            format!(
                "expected 3 tab-separated fields ({}), found {}",
                header.join(", "),
                count
            ),
        );
    }

    fn nodes(&mut self, file: &str, text: &'a str) {
        const HEADER: [&str; 3] = ["id", "kind", "name"];
        let Some(rows) = self.rows(file, text, HEADER) else {
            return;
        };
        self.graph.reserve_nodes(line_count(text));
        self.ids.reserve(line_count(text));
        // each spelling of a kind is read once
        let mut kinds: FxHashMap<&str, Option<Kind>> = FxHashMap::default();
        for (number, fields) in rows {
            if self.full() {
                return;
            }
            let fields = match fields {
                Ok(fields) => fields,
                Err(count) => {
                    self.field_count(file, number, HEADER, count);
                    continue;
                }
            };
            let [(id_col, id), (kind_col, kind), (name_col, name)] = fields;
            if !is_valid_id(id) {
                self.error(
                    file,
                    number,
                    id_col,
                    format!("id `{id}` must be kebab-case: lower-case letters, digits and `-`"),
                );
                continue;
            }
            let Some(kind) = *kinds.entry(kind).or_insert_with(|| parse_kind(kind)) else {
                let hint =
                    crate::suggest::closest(&word(kind), Kind::ALL.into_iter().map(Kind::data_key))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                self.error(
                    file,
                    number,
                    kind_col,
                    format!("unknown kind `{kind}`{hint}"),
                );
                continue;
            };
            if name.is_empty() {
                self.error(file, number, 1, format!("`{id}` has no `name`"));
                continue;
            }
            if let Some(message) = super::text::problem("name", id, name) {
                self.error(file, number, name_col, message);
                continue;
            }
            if let Some(first) = self.ids.get(id) {
                let first = self.graph[*first].location.line;
                self.error(
                    file,
                    number,
                    id_col,
                    format!("duplicate id `{id}` (first declared at {file}:{first}:1)"),
                );
                continue;
            }
            let node = self.graph.add_node(Structure {
                id: Text::from(id.to_string()),
                kind,
                name: Text::from(name.to_string()),
                latin: None,
                aliases: Vec::new(),
                notes: Vec::new(),
                xref: Default::default(),
                sources: Vec::new(),
                location: stored(NODES, number, 1),
            });
            self.ids.insert(id, node);
        }
    }

    fn lookup(&mut self, file: &str, number: usize, column: usize, id: &str) -> Option<NodeIndex> {
        if let Some(n) = self.ids.get(id) {
            return Some(*n);
        }
        // a hint scans every id: only for the first few problems
        let hint = if self.errors.len() < 10 {
            crate::suggest::closest(id, self.ids.keys().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default()
        } else {
            String::new()
        };
        self.error(
            file,
            number,
            column,
            format!("unknown id `{}`{hint}", super::text::quoted(id)),
        );
        None
    }

    fn edges(&mut self, file: &str, text: &'a str) {
        const HEADER: [&str; 3] = ["subject", "predicate", "object"];
        let Some(rows) = self.rows(file, text, HEADER) else {
            return;
        };
        self.graph.reserve_edges(line_count(text));
        // a file of a million facts names a few predicates: each spelling is read once
        let mut predicates: FxHashMap<&str, Option<(Relation, Direction)>> = FxHashMap::default();
        for (number, fields) in rows {
            if self.full() {
                return;
            }
            let fields = match fields {
                Ok(fields) => fields,
                Err(count) => {
                    self.field_count(file, number, HEADER, count);
                    continue;
                }
            };
            let [(s_col, s), (p_col, p), (o_col, o)] = fields;
            let predicate = *predicates
                .entry(p)
                .or_insert_with(|| Relation::from_name(&word(p)));
            let Some((relation, direction)) = predicate else {
                let hint = crate::suggest::closest(&word(p), Relation::all_names())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.error(
                    file,
                    number,
                    p_col,
                    format!("unknown predicate `{p}`{hint}"),
                );
                continue;
            };
            let subject = self.lookup(file, number, s_col, s);
            let object = self.lookup(file, number, o_col, o);
            let (Some(subject), Some(object)) = (subject, object) else {
                continue;
            };
            let (from, to) = match direction {
                Direction::Forward => (subject, object),
                Direction::Inverse => (object, subject),
            };
            if let Some(message) = fact_kind_problem(&self.graph, relation, direction, from, to) {
                self.error(file, number, p_col, message);
                continue;
            }
            // a fact stated again (300,000 times over) is one fact, kept at its first line
            if !self
                .facts
                .insert((from.index() as u32, relation, to.index() as u32))
            {
                continue;
            }
            self.graph.add_edge(
                from,
                to,
                Fact {
                    relation,
                    sources: Box::default(),
                    roots: Box::default(),
                    contributing: 0,
                    minor: false,
                    role: (relation == Relation::Performs).then_some(Role::Prime),
                    note: None,
                    // imported facts carry no sources to weigh: each is the statement
                    status: Some(Status::Standard),
                    // the edges file is the only file facts are stated in (file 0)
                    position: Position {
                        file: 0,
                        line: u32::try_from(number).unwrap_or(u32::MAX),
                        column: 1,
                    },
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODES_TSV: &str = "id\tkind\tname\n\
        sciatic\tnerve\tSciatic nerve\n\
        tibial\tNerve\tTibial nerve\n\
        soleus\tmuscle\tSoleus\n\
        head\tmuscle_part\tA head\n";

    fn load(nodes: &str, edges: &str) -> Result<Atlas, Vec<String>> {
        load_tsv(("n.tsv", nodes), ("e.tsv", edges), "test")
            .map_err(|e| e.0.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn loads_kinds_and_predicates_in_any_spelling() {
        let edges = "subject\tpredicate\tobject\n\
            tibial\tbranch of\tsciatic\n\
            tibial\tINNERVATES\tsoleus\n\
            \n\
            head\tpart-of\tsoleus\r\n";
        let atlas = load(NODES_TSV, edges).unwrap();
        assert_eq!((atlas.structure_count(), atlas.fact_count()), (4, 3));
        let soleus = atlas.by_id("soleus").unwrap();
        let (edge, nerve) = atlas
            .neighbours(soleus, Relation::InnervatedBy, Direction::Forward)
            .next()
            .unwrap();
        assert_eq!(atlas.node(nerve).id, "tibial");
        assert!(atlas.is_standard(edge));
        assert_eq!(atlas.location(edge).to_string(), "edges.tsv:3:1");
    }

    #[test]
    fn locates_every_problem_by_file_line_and_column() {
        let nodes = format!(
            "{NODES_TSV}Bad\tnerve\tX\nsural\tnerv\tSural\ntibial\tnerve\tAgain\nx\tbone\n"
        );
        let edges = "subject\tpredicate\tobject\n\
            soleus\tinnervated-by\ttibail\n\
            soleus\tsupplied-by\ttibial\n\
            tibial\tbranches\tsciatic\n\
            sciatic\tbranch-of\ttibial\n\
            tibial\tbranch-of\tsciatic\n";
        assert_eq!(
            load(&nodes, edges).unwrap_err(),
            [
                "n.tsv:6:1: id `Bad` must be kebab-case: lower-case letters, digits and `-`",
                "n.tsv:7:7: unknown kind `nerv`; did you mean `nerve`?",
                "n.tsv:8:1: duplicate id `tibial` (first declared at n.tsv:3:1)",
                "n.tsv:9:1: expected 3 tab-separated fields (id, kind, name), found 2",
                "e.tsv:2:22: unknown id `tibail`; did you mean `tibial`?",
                "e.tsv:3:8: `tibial` is a nerve; supplied-by takes an artery",
                "e.tsv:4:8: unknown predicate `branches`; did you mean `branch-of`?",
            ]
        );
    }

    #[test]
    fn finds_cycles_and_bad_headers() {
        let edges = "subject\tpredicate\tobject\n\
            sciatic\tbranch-of\ttibial\n\
            tibial\tbranch-of\tsciatic\n";
        assert_eq!(
            load(NODES_TSV, edges).unwrap_err(),
            ["nodes.tsv:2:1: cycle in branch-of: sciatic → tibial"]
        );
        assert_eq!(
            load("id,kind,name\n", "subject\tpredicate\tobject\n").unwrap_err(),
            ["n.tsv:1:1: expected the header `id<TAB>kind<TAB>name`"]
        );
    }

    #[test]
    fn a_muscle_needs_no_action_when_imported() {
        let edges = "subject\tpredicate\tobject\n";
        assert!(load(NODES_TSV, edges).is_ok());
    }
}
