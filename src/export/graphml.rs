//! GraphML for Gephi, Cytoscape, yEd and NetworkX: structures as nodes (id, name,
//! kind, Latin name, aliases), facts as directed edges (relation, root levels, role,
//! note, sources), written with quick-xml.

use super::Selection;
use crate::graph::Atlas;
use crate::graph::model::Role;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::{self, Write};

/// `(id, for, name)` of every attribute declared.
const KEYS: [(&str, &str, &str); 15] = [
    ("name", "node", "name"),
    ("kind", "node", "kind"),
    ("latin", "node", "latin"),
    ("aliases", "node", "aliases"),
    ("fma", "node", "fma"),
    ("ta98", "node", "ta98"),
    ("ta2", "node", "ta2"),
    ("uberon", "node", "uberon"),
    ("wikidata", "node", "wikidata"),
    ("relation", "edge", "relation"),
    ("roots", "edge", "roots"),
    ("role", "edge", "role"),
    ("note", "edge", "note"),
    ("status", "edge", "status"),
    ("sources", "edge", "sources"),
];

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

fn node(atlas: &Atlas, n: petgraph::graph::NodeIndex, w: &mut Xml) -> io::Result<()> {
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
                let aliases: Vec<&str> = s.aliases.iter().map(|a| a.as_str()).collect();
                data(w, "aliases", &aliases.join("; "))?;
            }
            for (scheme, id) in s.xref.ids() {
                data(w, scheme.key(), id)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn edge(atlas: &Atlas, e: petgraph::graph::EdgeIndex, w: &mut Xml) -> io::Result<()> {
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
                let roots: Vec<&str> = fact
                    .roots
                    .iter()
                    .map(|r| atlas.node(*r).id.as_str())
                    .collect();
                data(w, "roots", &roots.join(", "))?;
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
            let sources: Vec<&str> = fact
                .sources
                .iter()
                .map(|s| atlas.source(*s).id.as_str())
                .collect();
            data(w, "sources", &sources.join(", "))?;
            Ok(())
        })?;
    Ok(())
}
