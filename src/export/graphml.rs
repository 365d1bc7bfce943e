//! GraphML for Gephi, Cytoscape, yEd and NetworkX: structures as nodes (id, name,
//! kind, Latin name, aliases, notes, identifiers, sources), facts as directed edges
//! (relation, root levels and which are principal or contributing, role, note,
//! status, standing, sources), written with
//! quick-xml. GraphML has no list type: a list is a JSON array of strings
//! (`["L5","S1"]`), so that no element containing a comma or `;` splits.

use super::Selection;
use crate::graph::Atlas;
use crate::graph::agreement::Weight;
use crate::graph::model::Role;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::{self, Write};

/// `(id, for, name)` of every attribute declared.
const KEYS: [(&str, &str, &str); 22] = [
    ("name", "node", "name"),
    ("kind", "node", "kind"),
    ("latin", "node", "latin"),
    ("aliases", "node", "aliases"),
    ("fma", "node", "fma"),
    ("ta98", "node", "ta98"),
    ("ta2", "node", "ta2"),
    ("uberon", "node", "uberon"),
    ("wikidata", "node", "wikidata"),
    ("notes", "node", "notes"),
    ("node_sources", "node", "sources"),
    ("xref_source", "node", "xref_source"),
    ("uberon_source", "node", "uberon_source"),
    ("relation", "edge", "relation"),
    ("roots", "edge", "roots"),
    ("principal_roots", "edge", "principal_roots"),
    ("contributing_roots", "edge", "contributing_roots"),
    ("role", "edge", "role"),
    ("note", "edge", "note"),
    ("status", "edge", "status"),
    ("standing", "edge", "standing"),
    ("sources", "edge", "sources"),
];

/// A list as a JSON array of strings.
fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    serde_json::to_string(&items).unwrap_or_default()
}

/// Writes the selection as one GraphML document.
pub fn write(atlas: &Atlas, selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
        .write_inner_content(|w| {
            for (id, target, name) in KEYS {
                w.create_element("key")
                    .with_attributes([
                        ("id", id),
                        ("for", target),
                        ("attr.name", name),
                        ("attr.type", "string"),
                    ])
                    .write_empty()?;
            }
            w.create_element("graph")
                .with_attributes([("id", "fascia"), ("edgedefault", "directed")])
                .write_inner_content(|w| {
                    for n in &selection.nodes {
                        node(atlas, *n, w)?;
                    }
                    for e in &selection.edges {
                        edge(atlas, *e, w)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    w.into_inner().write_all(b"\n")
}

type Xml<'a> = Writer<&'a mut dyn Write>;

fn data(w: &mut Xml, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

fn node(atlas: &Atlas, n: crate::graph::StructureId, w: &mut Xml) -> io::Result<()> {
    let s = atlas.node(n);
    w.create_element("node")
        .with_attribute(("id", s.id.as_str()))
        .write_inner_content(|w| {
            data(w, "name", &s.name)?;
            data(w, "kind", s.kind.data_key())?;
            if let Some(latin) = &s.latin {
                data(w, "latin", latin)?;
            }
            if !s.aliases.is_empty() {
                data(w, "aliases", &list(s.aliases.iter().map(|a| a.as_str())))?;
            }
            for (scheme, id) in s.xref.ids() {
                data(w, scheme.key(), id)?;
            }
            if !s.notes.is_empty() {
                data(w, "notes", &list(s.notes.iter().map(|a| a.as_str())))?;
            }
            let sources = s.sources.iter().map(|id| atlas.source(*id).id.as_str());
            data(w, "node_sources", &list(sources))?;
            if let Some(id) = s.xref.source {
                data(w, "xref_source", &atlas.source(id).id)?;
            }
            if let Some(id) = s.xref.uberon_source {
                data(w, "uberon_source", &atlas.source(id).id)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn edge(atlas: &Atlas, e: crate::graph::FactId, w: &mut Xml) -> io::Result<()> {
    let (s, o) = atlas.ends(e);
    let fact = atlas.fact(e);
    let id = format!("e{}", e.index());
    w.create_element("edge")
        .with_attributes([
            ("id", id.as_str()),
            ("source", atlas.node(s).id.as_str()),
            ("target", atlas.node(o).id.as_str()),
        ])
        .write_inner_content(|w| {
            data(w, "relation", fact.relation.forward_name())?;
            if !fact.roots.is_empty() {
                let roots = fact.roots.iter().map(|r| atlas.node(*r).id.as_str());
                data(w, "roots", &list(roots))?;
                // how each level counts among the subject's levels; one in neither
                // list is a minority level
                for (key, weight) in [
                    ("principal_roots", Weight::Principal),
                    ("contributing_roots", Weight::Contributing),
                ] {
                    let weighed = fact
                        .roots
                        .iter()
                        .filter(|r| atlas.level_weight(s, **r) == Some(weight))
                        .map(|r| atlas.node(*r).id.as_str());
                    data(w, key, &list(weighed))?;
                }
            }
            if let Some(role) = fact.role {
                data(
                    w,
                    "role",
                    if role == Role::Assisting {
                        "assisting"
                    } else {
                        "prime"
                    },
                )?;
            }
            if let Some(note) = atlas.note(e) {
                data(w, "note", note)?;
            }
            if let Some(status) = fact.status {
                data(w, "status", status.word())?;
            }
            data(w, "standing", atlas.standing(e).word())?;
            let sources = fact.sources.iter().map(|s| atlas.source(*s).id.as_str());
            data(w, "sources", &list(sources))?;
            Ok(())
        })?;
    Ok(())
}
