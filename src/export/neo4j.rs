//! CSV files for `neo4j-admin database import full`: `nodes.csv` (one row per
//! structure, labelled `Structure` and its kind) and `relationships.csv` (one row per
//! fact, typed by its relation: `INNERVATED_BY`). Arrays use `;`, the importer's
//! default delimiter.

use super::Selection;
use super::rdf::class_name;
use crate::graph::Atlas;
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

pub fn write_dir(atlas: &Atlas, selection: &Selection, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    write_nodes(
        atlas,
        selection,
        csv::Writer::from_path(dir.join("nodes.csv"))?,
    )?;
    write_relationships(
        atlas,
        selection,
        csv::Writer::from_path(dir.join("relationships.csv"))?,
    )
}

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
    ])?;
    for n in &selection.nodes {
        let s = atlas.node(*n);
        let aliases: Vec<&str> = s.aliases.iter().map(|a| a.as_str()).collect();
        let label = format!("Structure;{}", class_name(s.kind));
        let opt = |t: &Option<crate::graph::model::Text>| t.as_deref().unwrap_or("").to_string();
        w.write_record([
            s.id.to_string(),
            s.name.to_string(),
            s.kind.data_key().to_string(),
            opt(&s.latin),
            aliases.join(";"),
            opt(&s.xref.fma),
            opt(&s.xref.uberon),
            opt(&s.xref.wikidata),
            label,
            opt(&s.xref.ta98),
            opt(&s.xref.ta2),
        ])?;
    }
    w.flush()
}

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
    ])?;
    for e in &selection.edges {
        let (s, o) = atlas.ends(*e);
        let fact = atlas.fact(*e);
        let roots: Vec<&str> = fact
            .roots
            .iter()
            .map(|r| atlas.node(*r).id.as_str())
            .collect();
        let sources: Vec<&str> = fact
            .sources
            .iter()
            .map(|s| atlas.source(*s).id.as_str())
            .collect();
        let role = match fact.role {
            Some(Role::Prime) => "prime",
            Some(Role::Assisting) => "assisting",
            None => "",
        };
        w.write_record([
            atlas.node(s).id.as_str(),
            atlas.node(o).id.as_str(),
            &relationship_type(fact.relation),
            &roots.join(";"),
            role,
            atlas.note(*e).map_or("", |n| n.as_str()),
            fact.status.map_or("", |s| s.word()),
            &sources.join(";"),
        ])?;
    }
    w.flush()
}
