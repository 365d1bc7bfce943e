//! CSV files for `neo4j-admin database import full`: `nodes.csv` (one row per
//! structure, labelled `Structure` and its kind) and `relationships.csv` (one row per
//! fact, typed by its relation: `INNERVATED_BY`). Array elements are separated by
//! U+001F, the unit separator, which no name, note or id holds (import with
//! `--array-delimiter=U+001F`): notes and aliases hold `;`, the importer's default.

use super::Selection;
use super::rdf::class_name;
use crate::graph::Atlas;
use crate::graph::agreement::Weight;
use crate::graph::disk;
use crate::graph::model::{Relation, Role};
use std::io;
use std::path::Path;

/// `innervated-by` → `INNERVATED_BY`, Neo4j's convention for relationship types.
pub fn relationship_type(relation: Relation) -> String {
    relation
        .forward_name()
        .replace('-', "_")
        .to_ascii_uppercase()
}

/// Between the elements of an array value.
pub const ARRAY_DELIMITER: char = '\u{1f}';

/// The elements of an array value, joined by [`ARRAY_DELIMITER`]; a control character
/// inside an element (never in the bundled data) becomes a space, so that no element
/// splits.
pub fn array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(ARRAY_DELIMITER);
        }
        out.extend(item.chars().map(|c| if c.is_control() { ' ' } else { c }));
    }
    out
}

/// Writes `nodes.csv` and `relationships.csv` into `dir`, each whole through a
/// temporary file (see [`crate::graph::disk`]): a link planted at either name is
/// refused, and an interrupted export leaves the old files as they were.
pub fn write_dir(atlas: &Atlas, selection: &Selection, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let in_file = |name: &str| {
        let path = dir.join(name);
        move |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()))
    };
    disk::replace(&dir.join("nodes.csv"), None, |out| {
        write_nodes(atlas, selection, csv::Writer::from_writer(out))
    })
    .map_err(in_file("nodes.csv"))?;
    disk::replace(&dir.join("relationships.csv"), None, |out| {
        write_relationships(atlas, selection, csv::Writer::from_writer(out))
    })
    .map_err(in_file("relationships.csv"))
}

/// Writes `nodes.csv`: a header, then one row per structure of the selection.
pub fn write_nodes<W: io::Write>(
    atlas: &Atlas,
    selection: &Selection,
    mut w: csv::Writer<W>,
) -> io::Result<()> {
    w.write_record([
        "id:ID",
        "name",
        "kind",
        "latin",
        "aliases:string[]",
        "fma",
        "uberon",
        "wikidata",
        ":LABEL",
        // later columns are appended, so that scripts reading by position keep working
        "ta98",
        "ta2",
        "notes:string[]",
        "sources:string[]",
        "xref_source",
        "uberon_source",
    ])?;
    for n in &selection.nodes {
        let s = atlas.node(*n);
        let label = array(["Structure", &class_name(s.kind)]);
        let opt = |t: &Option<crate::graph::model::Text>| t.as_deref().unwrap_or("").to_string();
        let source_ids = s.sources.iter().map(|id| atlas.source(*id).id.as_str());
        w.write_record([
            s.id.to_string(),
            s.name.to_string(),
            s.kind.data_key().to_string(),
            opt(&s.latin),
            array(s.aliases.iter().map(|a| a.as_str())),
            opt(&s.xref.fma),
            opt(&s.xref.uberon),
            opt(&s.xref.wikidata),
            label,
            opt(&s.xref.ta98),
            opt(&s.xref.ta2),
            array(s.notes.iter().map(|a| a.as_str())),
            array(source_ids),
            s.xref
                .source
                .map_or(String::new(), |id| atlas.source(id).id.to_string()),
            s.xref
                .uberon_source
                .map_or(String::new(), |id| atlas.source(id).id.to_string()),
        ])?;
    }
    w.flush()
}

/// Writes `relationships.csv`: a header, then one row per fact of the selection.
pub fn write_relationships<W: io::Write>(
    atlas: &Atlas,
    selection: &Selection,
    mut w: csv::Writer<W>,
) -> io::Result<()> {
    w.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "roots:string[]",
        "role",
        "note",
        "status",
        "sources:string[]",
        "standing",
        "principal_roots:string[]",
        "contributing_roots:string[]",
    ])?;
    for e in &selection.edges {
        let (s, o) = atlas.ends(*e);
        let fact = atlas.fact(*e);
        let roots = fact.roots.iter().map(|r| atlas.node(*r).id.as_str());
        // how each level counts among the subject's levels; one in neither list is a
        // minority level
        let weighed = |w: Weight| {
            fact.roots
                .iter()
                .filter(move |r| atlas.level_weight(s, **r) == Some(w))
                .map(|r| atlas.node(*r).id.as_str())
        };
        let sources = fact.sources.iter().map(|s| atlas.source(*s).id.as_str());
        let role = match fact.role {
            Some(Role::Prime) => "prime",
            Some(Role::Assisting) => "assisting",
            None => "",
        };
        w.write_record([
            atlas.node(s).id.as_str(),
            atlas.node(o).id.as_str(),
            &relationship_type(fact.relation),
            &array(roots),
            role,
            atlas.note(*e).map_or("", |n| n.as_str()),
            fact.status.map_or("", |s| s.word()),
            &array(sources),
            atlas.standing(*e).word(),
            &array(weighed(Weight::Principal)),
            &array(weighed(Weight::Contributing)),
        ])?;
    }
    w.flush()
}
