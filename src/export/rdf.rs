//! RDF: the graph as Turtle or N-Triples (written by oxttl), and N-Triples in that form
//! read back into an [`Atlas`].
//!
//! Identifiers live under `https://w3id.org/fascia/`: structures at `structure/{id}`,
//! sources at `source/{id}`, facts at `fact/{subject}/{relation}/{object}/{n}`, and
//! fascia's own classes and predicates at `vocab#…` (`vocab#Muscle`,
//! `vocab#innervated-by`). Every fact is stated twice over: as a plain triple with
//! fascia's predicate (and, where the OBO Relation Ontology or BFO has the relation,
//! with that predicate too), and as an `rdf:Statement` that carries its sources
//! (`dcterms:source`), root levels, role and note. Reification is plain RDF 1.1, so
//! any store and N-Triples keep it, and the statements alone rebuild the graph.

use super::Selection;
use crate::graph::Atlas;
use crate::graph::agreement::Weight;
use crate::graph::build::{Builder, FactSpec, StructureSpec};
use crate::graph::error::{DataError, DataErrors};
use crate::graph::model::{
    Kind, Location, Quality, Relation, Role, Source, Text, Xref, XrefScheme,
};
use crate::graph::{FactId, StructureId};
use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use oxttl::{NTriplesParser, NTriplesSerializer, TurtleSerializer};
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// The namespace of everything fascia names.
pub const BASE: &str = "https://w3id.org/fascia/";
/// fascia's classes and predicates.
pub const VOCAB: &str = "https://w3id.org/fascia/vocab#";
const OBO: &str = "http://purl.obolibrary.org/obo/";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const DCTERMS: &str = "http://purl.org/dc/terms/";

/// Which RDF syntax to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Turtle, with prefixes.
    Turtle,
    /// N-Triples, one triple a line.
    NTriples,
}

/// The public predicate for a relation, if there is one, and whether it reads the
/// other way (`artery supplies muscle` for `muscle supplied-by artery`).
pub fn public_predicate(relation: Relation) -> Option<(&'static str, bool)> {
    let mapped = match relation {
        Relation::OriginatesFrom => ("RO_0002372", false), // has muscle origin
        Relation::InsertsInto => ("RO_0002373", false),    // has muscle insertion
        Relation::InnervatedBy => ("RO_0002005", false),   // innervated by
        Relation::SuppliedBy => ("RO_0002178", true),      // supplies
        Relation::DrainedBy => ("RO_0002179", true),       // drains
        Relation::BranchOf => ("RO_0002380", false),       // branching part of
        Relation::TributaryOf => ("RO_0002376", false),    // tributary of
        Relation::PartOf => ("BFO_0000050", false),        // part of
        Relation::AttachesTo => ("RO_0002371", false),     // attached to
        Relation::LocatedIn => ("RO_0001025", false),      // located in
        Relation::MemberOf => ("RO_0002350", false),       // member of
        Relation::ContinuesAs
        | Relation::RootOf
        | Relation::Performs
        | Relation::OccursAt
        | Relation::Articulates
        | Relation::Involves
        | Relation::MediatedBy
        | Relation::PassesThrough => return None,
        // a relation added to the vocabulary has no public predicate until one is chosen
        _ => return None,
    };
    Some(mapped)
}

/// `vocab#MusclePart` for muscle parts, and so on.
pub fn class_name(kind: Kind) -> String {
    kind.data_key()
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn iri(text: String) -> NamedNode {
    NamedNode::new_unchecked(text)
}

fn vocab(term: &str) -> NamedNode {
    iri(format!("{VOCAB}{term}"))
}

/// A structure's IRI; ids are kebab-case, so they need no escaping.
pub fn structure_iri(id: &str) -> NamedNode {
    iri(format!("{BASE}structure/{}", encode(id)))
}

fn source_iri(id: &str) -> NamedNode {
    iri(format!("{BASE}source/{}", encode(id)))
}

fn work_iri(id: &str) -> NamedNode {
    iri(format!("{BASE}work/{}", encode(id)))
}

/// Percent-encodes anything but unreserved characters, so any id makes an IRI.
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn text(value: &str) -> Term {
    Literal::new_simple_literal(value).into()
}

/// Words written in English: names, aliases, notes.
fn english(value: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(value, "en").into()
}

/// A date as `xsd:date` when it is one (`YYYY-MM-DD`), else as it was written.
fn date(value: &str) -> Term {
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    match shaped {
        true => Literal::new_typed_literal(value, xsd::DATE).into(),
        false => text(value),
    }
}

/// The IRI of the ontology itself, which the header describes.
pub const ONTOLOGY: &str = "https://w3id.org/fascia/";
const OWL: &str = "http://www.w3.org/2002/07/owl#";

/// The header: the `owl:Ontology` with its version and licence, and a declaration of
/// each of fascia's classes and predicates with a label, a comment and, where the OBO
/// Relation Ontology or BFO has the relation, its place beside that term.
pub fn ontology(add: &mut impl FnMut(&NamedNode, NamedNode, Term)) {
    let owl = |t: &str| iri(format!("{OWL}{t}"));
    let dc = |t: &str| iri(format!("{DCTERMS}{t}"));
    let me = iri(ONTOLOGY.to_string());
    let version = env!("CARGO_PKG_VERSION");
    add(&me, rdf::TYPE.into(), owl("Ontology").into());
    add(
        &me,
        dc("title"),
        english("fascia: a knowledge graph of human anatomy"),
    );
    add(&me, owl("versionInfo"), text(version));
    add(
        &me,
        owl("versionIRI"),
        iri(format!("{BASE}{version}")).into(),
    );
    for licence in LICENCES {
        add(&me, dc("license"), iri(licence.to_string()).into());
    }
    add(&me, dc("rights"), english(RIGHTS));
    for (term, label, comment) in CLASSES {
        let class = vocab(term);
        add(&class, rdf::TYPE.into(), owl("Class").into());
        add(&class, rdfs::LABEL.into(), english(label));
        add(&class, rdfs::COMMENT.into(), english(comment));
    }
    for kind in Kind::ALL {
        let class = vocab(&class_name(kind));
        add(&class, rdf::TYPE.into(), owl("Class").into());
        add(&class, rdfs::LABEL.into(), english(kind.noun()));
        add(&class, rdfs::SUB_CLASS_OF.into(), vocab("Structure").into());
        let help = crate::graph::vocabulary::KIND_WORDS
            .iter()
            .find(|w| w.kinds.iter().eq([kind]))
            .map(|w| w.help);
        let comment = match help {
            Some(help) => help.to_string(),
            None => format!(
                "structures of the kind `{}` in fascia's data",
                kind.data_key()
            ),
        };
        add(&class, rdfs::COMMENT.into(), english(&comment));
    }
    for relation in Relation::ALL {
        let p = vocab(relation.forward_name());
        add(&p, rdf::TYPE.into(), owl("ObjectProperty").into());
        add(
            &p,
            rdfs::LABEL.into(),
            english(&relation.forward_name().replace('-', " ")),
        );
        add(&p, rdfs::COMMENT.into(), english(relation.help()));
        match public_predicate(relation) {
            Some((term, false)) => add(
                &p,
                rdfs::SUB_PROPERTY_OF.into(),
                iri(format!("{OBO}{term}")).into(),
            ),
            Some((term, true)) => add(&p, owl("inverseOf"), iri(format!("{OBO}{term}")).into()),
            None => {}
        }
    }
    for (term, kind, label, comment) in PROPERTIES {
        let p = vocab(term);
        add(&p, rdf::TYPE.into(), owl(kind).into());
        add(&p, rdfs::LABEL.into(), english(label));
        add(&p, rdfs::COMMENT.into(), english(comment));
    }
}

/// The licences of the data, as the package declares them (`MIT OR Apache-2.0`).
const LICENCES: [&str; 2] = [
    "https://spdx.org/licenses/MIT.html",
    "https://spdx.org/licenses/Apache-2.0.html",
];

const RIGHTS: &str = "The data is offered under the MIT or the Apache 2.0 licence, at your \
option. Each fact cites the references it was checked against; their texts are not \
copied and remain under their own terms. Identifiers from other resources keep those \
resources' terms: UBERON ids are from the Uberon anatomy ontology (CC BY 3.0, \
http://obophenotype.github.io/uberon/), FMA ids from the Foundational Model of Anatomy \
(CC BY 3.0), Wikidata ids from Wikidata (CC0), TA98 and TA2 codes from Terminologia \
Anatomica (FIPAT).";

/// fascia's own classes beyond the kinds: `(term, label, comment)`.
const CLASSES: [(&str, &str, &str); 3] = [
    (
        "Work",
        "work",
        "A reference work (a textbook and edition, an atlas, a teaching site) whose pages, sections or copies are sources; agreement counts works, not pages.",
    ),
    (
        "Structure",
        "anatomical structure",
        "A structure of the human body that fascia names; each kind of structure is a subclass.",
    ),
    (
        "Source",
        "source",
        "A reference a fact was checked against: a page, section or copy of a work.",
    ),
];

/// fascia's other predicates: `(term, OWL kind, label, comment)`.
const PROPERTIES: [(&str, &str, &str, &str); 21] = [
    (
        "id",
        "DatatypeProperty",
        "id",
        "fascia's identifier of a structure, as queries and data files write it.",
    ),
    (
        "latin",
        "DatatypeProperty",
        "Latin name",
        "The structure's Latin name, as Terminologia Anatomica gives it.",
    ),
    (
        "fma",
        "DatatypeProperty",
        "FMA id",
        "The structure's id in the Foundational Model of Anatomy.",
    ),
    (
        "ta98",
        "DatatypeProperty",
        "TA98 code",
        "The structure's code in Terminologia Anatomica (1998).",
    ),
    (
        "ta2",
        "DatatypeProperty",
        "TA2 code",
        "The structure's number in Terminologia Anatomica, second edition (2019).",
    ),
    (
        "uberon",
        "DatatypeProperty",
        "UBERON id",
        "The structure's id in the Uberon anatomy ontology.",
    ),
    (
        "wikidata",
        "DatatypeProperty",
        "Wikidata id",
        "The structure's Wikidata item.",
    ),
    (
        "xrefSource",
        "ObjectProperty",
        "identifier source",
        "The source the structure's identifiers in other resources were read in.",
    ),
    (
        "uberonSource",
        "ObjectProperty",
        "UBERON id source",
        "The source the structure's UBERON id was read in, where it is not its other identifiers' source.",
    ),
    (
        "url",
        "DatatypeProperty",
        "address",
        "Where a copy of the source was read.",
    ),
    (
        "read",
        "DatatypeProperty",
        "read on",
        "The date the source was read.",
    ),
    (
        "quality",
        "DatatypeProperty",
        "quality",
        "\"weak\" for a source that is cited but not counted when references disagree.",
    ),
    (
        "root",
        "ObjectProperty",
        "root level",
        "A spinal root level an innervation fact lists.",
    ),
    (
        "principalLevel",
        "ObjectProperty",
        "principal root level",
        "A root level of the fact that is one of its subject's principal levels, as the references decide them (see fascia's README, \"The canon\").",
    ),
    (
        "contributingLevel",
        "ObjectProperty",
        "contributing root level",
        "A root level of the fact that contributes to its subject's supply, as the references decide it; a level that is neither principal nor contributing is a minority level.",
    ),
    (
        "contributingRoot",
        "ObjectProperty",
        "contributing root",
        "A root level this version's references give as contributing (in brackets or parentheses).",
    ),
    (
        "minor",
        "DatatypeProperty",
        "minor",
        "\"true\" for a minor supply: a twig that contributes only.",
    ),
    (
        "tier",
        "DatatypeProperty",
        "tier",
        "A work's place when references disagree: \"canon\", \"secondary\" or \"weak\".",
    ),
    (
        "role",
        "DatatypeProperty",
        "role",
        "\"prime\" or \"assisting\": a muscle's part in a movement.",
    ),
    (
        "status",
        "DatatypeProperty",
        "status",
        "The data's own judgment of a fact: \"standard\", \"minority\" or \"variant\".",
    ),
    (
        "standing",
        "DatatypeProperty",
        "standing",
        "How the fact stands among the references: \"standard\", \"minority\", \"variant\" or \"single-source\". Plain triples state only connections with a standard version.",
    ),
];

/// Every triple of the selection, in a stable order: sources, then each structure,
/// then each fact.
pub fn triples(atlas: &Atlas, selection: &Selection) -> Vec<Triple> {
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        out.push(Triple::new(s.clone(), p, o));
    };
    ontology(&mut add);
    // the works of the selected sources, each once, in the atlas's order
    let mut works: Vec<crate::graph::model::WorkId> = selection
        .sources
        .iter()
        .filter_map(|id| atlas.source(*id).work)
        .collect();
    works.sort_unstable();
    works.dedup();
    for w in works {
        let Some(work) = atlas.works().get(w.0 as usize) else {
            continue;
        };
        let node = work_iri(&work.id);
        add(&node, rdf::TYPE.into(), vocab("Work").into());
        add(&node, iri(format!("{DCTERMS}title")), text(&work.title));
        add(&node, vocab("tier"), text(work.tier.word()));
    }
    let imported = super::imported_source(atlas, selection);
    let sources = selection
        .sources
        .iter()
        .map(|id| (atlas.source(*id), atlas.work_of(*id)));
    for (src, work) in sources.chain(imported.as_ref().map(|s| (s, None))) {
        let node = source_iri(&src.id);
        if let Some(work) = work {
            add(&node, vocab("work"), work_iri(&work.id).into());
        }
        add(&node, rdf::TYPE.into(), vocab("Source").into());
        add(&node, iri(format!("{DCTERMS}title")), text(&src.title));
        add(
            &node,
            iri(format!("{DCTERMS}publisher")),
            text(&src.publisher),
        );
        if let Some(url) = &src.url {
            let url = Literal::new_typed_literal(url.as_str(), xsd::ANY_URI);
            add(&node, vocab("url"), url.into());
        }
        if let Some(read) = &src.read {
            add(&node, vocab("read"), date(read));
        }
        if src.quality != Quality::default() {
            add(
                &node,
                vocab("quality"),
                text(super::quality_word(src.quality)),
            );
        }
    }
    for n in &selection.nodes {
        let s = atlas.node(*n);
        let node = structure_iri(&s.id);
        add(&node, rdf::TYPE.into(), vocab(&class_name(s.kind)).into());
        add(&node, vocab("id"), text(&s.id));
        add(&node, rdfs::LABEL.into(), english(&s.name));
        if let Some(latin) = &s.latin {
            let latin = Literal::new_language_tagged_literal_unchecked(latin.as_str(), "la");
            add(&node, vocab("latin"), latin.into());
        }
        for alias in &s.aliases {
            add(&node, iri(format!("{SKOS}altLabel")), english(alias));
        }
        for note in &s.notes {
            add(&node, rdfs::COMMENT.into(), english(note));
        }
        for (scheme, value) in s.xref.ids() {
            add(&node, vocab(scheme.key()), text(value));
            if let Some(link) = scheme.link(value) {
                add(&node, iri(format!("{SKOS}exactMatch")), iri(link).into());
            }
        }
        if let Some(src) = s.xref.source {
            add(
                &node,
                vocab("xrefSource"),
                iri(format!("{BASE}source/{}", encode(&atlas.source(src).id))).into(),
            );
        }
        if let Some(src) = s.xref.uberon_source {
            let src = source_iri(&atlas.source(src).id);
            add(&node, vocab("uberonSource"), src.into());
        }
        for src in &s.sources {
            add(
                &node,
                iri(format!("{DCTERMS}source")),
                source_iri(&atlas.source(*src).id).into(),
            );
        }
    }
    facts(atlas, selection, &mut add);
    out
}

/// Each connection that has a standard version once as a plain triple (per distinct
/// subject, relation and object), and every fact once as a reified statement with its
/// attributes and its standing: the plain triples are fascia's default answer, the
/// statements all that the references say.
fn facts(atlas: &Atlas, selection: &Selection, add: &mut impl FnMut(&NamedNode, NamedNode, Term)) {
    let key = |e: FactId| {
        let (s, o) = atlas.ends(e);
        (s, atlas.fact(e).relation, o)
    };
    let standard: HashSet<(StructureId, Relation, StructureId)> = selection
        .edges
        .iter()
        .filter(|e| atlas.is_standard(**e))
        .map(|e| key(*e))
        .collect();
    let mut versions: HashMap<(StructureId, Relation, StructureId), usize> = HashMap::new();
    for e in &selection.edges {
        let (s, o) = atlas.ends(*e);
        let fact = atlas.fact(*e);
        let (sid, oid) = (&atlas.node(s).id, &atlas.node(o).id);
        let (subject, object) = (structure_iri(sid), structure_iri(oid));
        let name = fact.relation.forward_name();
        let count = versions.entry(key(*e)).or_default();
        *count += 1;
        if *count == 1 && standard.contains(&key(*e)) {
            add(&subject, vocab(name), object.clone().into());
            if let Some((term, reversed)) = public_predicate(fact.relation) {
                let p = iri(format!("{OBO}{term}"));
                match reversed {
                    false => add(&subject, p, object.clone().into()),
                    true => add(&object, p, subject.clone().into()),
                }
            }
        }
        let statement = iri(format!(
            "{BASE}fact/{}/{name}/{}/{count}",
            encode(sid),
            encode(oid)
        ));
        add(&statement, rdf::TYPE.into(), rdf::STATEMENT.into());
        add(&statement, rdf::SUBJECT.into(), subject.into());
        add(&statement, rdf::PREDICATE.into(), vocab(name).into());
        add(&statement, rdf::OBJECT.into(), object.into());
        for r in &fact.roots {
            let root = structure_iri(&atlas.node(*r).id);
            add(&statement, vocab("root"), root.clone().into());
            // how the level counts among the subject's levels, as decided from all
            // the references; a level in neither is a minority level
            match atlas.level_weight(s, *r) {
                Some(Weight::Principal) => add(&statement, vocab("principalLevel"), root.into()),
                Some(Weight::Contributing) => {
                    add(&statement, vocab("contributingLevel"), root.into())
                }
                None => {}
            }
        }
        // of the roots, those the reference gives as contributing
        for r in fact.contributing_roots() {
            add(
                &statement,
                vocab("contributingRoot"),
                structure_iri(&atlas.node(*r).id).into(),
            );
        }
        if fact.minor {
            add(&statement, vocab("minor"), text("true"));
        }
        if let Some(role) = fact.role {
            add(&statement, vocab("role"), text(role_name(role)));
        }
        if let Some(note) = atlas.note(*e) {
            add(&statement, rdfs::COMMENT.into(), english(note));
        }
        if let Some(status) = fact.status {
            add(&statement, vocab("status"), text(status.word()));
        }
        add(
            &statement,
            vocab("standing"),
            text(atlas.standing(*e).word()),
        );
        for src in &fact.sources {
            let src = source_iri(&atlas.source(*src).id);
            add(&statement, iri(format!("{DCTERMS}source")), src.into());
        }
        if fact.sources.is_empty() {
            let src = source_iri(super::IMPORTED_SOURCE);
            add(&statement, iri(format!("{DCTERMS}source")), src.into());
        }
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Prime => "prime",
        Role::Assisting => "assisting",
    }
}

/// Writes the selection as Turtle (with prefixes) or N-Triples.
pub fn write(
    atlas: &Atlas,
    selection: &Selection,
    syntax: Syntax,
    out: &mut dyn Write,
) -> io::Result<()> {
    let all = triples(atlas, selection);
    match syntax {
        Syntax::NTriples => {
            let mut w = NTriplesSerializer::new().for_writer(out);
            for t in &all {
                w.serialize_triple(t)?;
            }
            w.finish();
        }
        Syntax::Turtle => {
            let prefixes = [
                ("fascia", VOCAB.to_string()),
                ("structure", format!("{BASE}structure/")),
                ("source", format!("{BASE}source/")),
                ("obo", OBO.to_string()),
                ("rdfs", "http://www.w3.org/2000/01/rdf-schema#".to_string()),
                ("skos", SKOS.to_string()),
                ("dcterms", DCTERMS.to_string()),
                ("owl", OWL.to_string()),
                ("xsd", "http://www.w3.org/2001/XMLSchema#".to_string()),
                (
                    "rdf",
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#".to_string(),
                ),
            ];
            let mut serializer = TurtleSerializer::new();
            for (name, ns) in prefixes {
                serializer = serializer
                    .with_prefix(name, ns)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
            }
            let mut w = serializer.for_writer(out);
            for t in &all {
                w.serialize_triple(t)?;
            }
            w.finish()?;
        }
    }
    Ok(())
}

/// Reads N-Triples in the form [`write()`] produces into an [`Atlas`]: sources,
/// structures and the reified facts; the plain fact triples and public predicates are
/// derived, so they are not needed. Problems are located at `name:line:1`.
pub fn read(name: &str, text: &str) -> Result<Atlas, DataErrors> {
    let mut reader = Reader::new(name);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let at = reader.at(i + 1);
        for parsed in NTriplesParser::new().for_slice(line) {
            match parsed {
                Ok(t) => reader.triple(t, at.clone()),
                Err(e) => reader.errors.push(DataError {
                    location: at.clone(),
                    message: format!("not N-Triples: {}", e.message()),
                }),
            }
        }
    }
    reader.finish(name)
}

/// What the triples say about one subject, in the order read.
#[derive(Default)]
struct Subject {
    at: Option<Location>,
    values: Vec<(String, Term)>,
}

impl Subject {
    fn all(&self, predicate: &str) -> impl Iterator<Item = &Term> {
        self.values
            .iter()
            .filter(move |(p, _)| p == predicate)
            .map(|(_, o)| o)
    }

    fn first(&self, predicate: &str) -> Option<&Term> {
        self.all(predicate).next()
    }

    fn literal(&self, predicate: &str) -> Option<String> {
        match self.first(predicate) {
            Some(Term::Literal(l)) => Some(l.value().to_string()),
            _ => None,
        }
    }

    fn literals(&self, predicate: &str) -> Vec<String> {
        self.all(predicate)
            .filter_map(|t| match t {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .collect()
    }
}

struct Reader {
    file: String,
    subjects: HashMap<String, Subject>,
    /// Subjects in the order their type was read.
    typed: Vec<(String, String)>,
    /// Subjects with text that may not be read, reported at their triple's line.
    refused: std::collections::HashSet<String>,
    errors: Vec<DataError>,
}

impl Reader {
    fn new(file: &str) -> Reader {
        Reader {
            file: file.to_string(),
            subjects: HashMap::new(),
            typed: Vec::new(),
            refused: std::collections::HashSet::new(),
            errors: Vec::new(),
        }
    }

    fn at(&self, line: usize) -> Location {
        Location {
            file: Text::from(self.file.clone()),
            line,
            column: 1,
        }
    }

    fn triple(&mut self, t: Triple, at: Location) {
        let NamedOrBlankNode::NamedNode(subject) = t.subject else {
            return;
        };
        let subject = subject.into_string();
        let predicate = t.predicate.into_string();
        if let Term::Literal(literal) = &t.object {
            // checked here, so that the error names this triple's line
            let field = match predicate.rsplit(['#', '/']).next().unwrap_or(&predicate) {
                "label" => "name",
                "altLabel" => "alias",
                "comment" => "note",
                other => other,
            };
            let owner = subject.rsplit('/').next().unwrap_or(&subject);
            let owner = decode(owner).unwrap_or_else(|| owner.to_string());
            if let Some(message) = crate::graph::text::problem(field, &owner, literal.value()) {
                self.errors.push(DataError {
                    location: at,
                    message,
                });
                // the subject is not read further: its error is this one
                self.refused.insert(subject);
                return;
            }
        }
        let entry = self.subjects.entry(subject.clone()).or_default();
        entry.at.get_or_insert(at);
        if predicate == rdf::TYPE.as_str() {
            if let Term::NamedNode(class) = &t.object {
                self.typed.push((subject, class.as_str().to_string()));
            }
        }
        entry.values.push((predicate, t.object));
    }

    fn finish(mut self, origin: &str) -> Result<Atlas, DataErrors> {
        let mut builder = Builder::new();
        let source_class = format!("{VOCAB}Source");
        let work_class = format!("{VOCAB}Work");
        for (subject, class) in &self.typed {
            let Some(s) = self
                .subjects
                .get(subject)
                .filter(|_| !self.refused.contains(subject))
            else {
                continue;
            };
            let at = s.at.clone().unwrap_or_else(|| self.at(0));
            let read = if *class == source_class {
                let prefix = format!("{BASE}work/");
                let work = s.all(&format!("{VOCAB}work")).find_map(|w| match w {
                    Term::NamedNode(n) => n.as_str().strip_prefix(&prefix).and_then(decode),
                    _ => None,
                });
                source(subject, s).map(|src| builder.source_in_work(src, work, at.clone()))
            } else if *class == work_class {
                work(subject, s).map(|w| builder.work(w, at.clone()))
            } else if class == rdf::STATEMENT.as_str() {
                fact(s, at.clone()).map(|f| builder.fact(f))
            } else if let Some(kind) = class
                .strip_prefix(VOCAB)
                .and_then(|c| Kind::ALL.into_iter().find(|k| class_name(*k) == c))
            {
                builder.structure(structure(subject, s, kind, at.clone()));
                Ok(())
            } else {
                // other classes (from other vocabularies) are not fascia's to read
                Ok(())
            };
            if let Err(message) = read {
                self.errors.push(DataError {
                    location: at,
                    message,
                });
            }
        }
        match (builder.finish(origin), self.errors.is_empty()) {
            (Ok(atlas), true) => Ok(atlas),
            (Ok(_), false) => Err(DataErrors(self.errors)),
            (Err(mut e), _) => {
                e.0.extend(self.errors);
                Err(e)
            }
        }
    }
}

fn source(subject: &str, s: &Subject) -> Result<Source, String> {
    let prefix = format!("{BASE}source/");
    let id = subject
        .strip_prefix(&prefix)
        .and_then(decode)
        .ok_or_else(|| format!("source <{subject}> is not under {prefix}"))?;
    Ok(Source {
        id: id.into(),
        title: s
            .literal(&format!("{DCTERMS}title"))
            .unwrap_or_default()
            .into(),
        publisher: s
            .literal(&format!("{DCTERMS}publisher"))
            .unwrap_or_default()
            .into(),
        url: s.literal(&format!("{VOCAB}url")).map(Text::from),
        read: s.literal(&format!("{VOCAB}read")).map(Text::from),
        quality: match s.literal(&format!("{VOCAB}quality")) {
            None => Quality::default(),
            Some(word) => super::quality_from_word(&word)
                .ok_or_else(|| format!("unknown source quality `{word}`"))?,
        },
        work: None,
    })
}

fn work(subject: &str, s: &Subject) -> Result<crate::graph::model::Work, String> {
    let prefix = format!("{BASE}work/");
    let id = subject
        .strip_prefix(&prefix)
        .and_then(decode)
        .ok_or_else(|| format!("work <{subject}> is not under {prefix}"))?;
    let word = s.literal(&format!("{VOCAB}tier")).unwrap_or_default();
    let tier = crate::graph::model::Tier::ALL
        .into_iter()
        .find(|t| t.word() == word)
        .ok_or_else(|| format!("work `{id}`: unknown tier `{word}`"))?;
    Ok(crate::graph::model::Work {
        id: id.into(),
        title: s
            .literal(&format!("{DCTERMS}title"))
            .unwrap_or_default()
            .into(),
        tier,
    })
}

fn structure(subject: &str, s: &Subject, kind: Kind, at: Location) -> StructureSpec {
    let v = |p: &str| format!("{VOCAB}{p}");
    let from_iri = subject
        .strip_prefix(&format!("{BASE}structure/"))
        .and_then(decode);
    StructureSpec {
        id: s.literal(&v("id")).or(from_iri).unwrap_or_default(),
        kind,
        name: s.literal(rdfs::LABEL.as_str()).unwrap_or_default(),
        latin: s.literal(&v("latin")),
        aliases: s.literals(&format!("{SKOS}altLabel")),
        notes: s.literals(rdfs::COMMENT.as_str()),
        xref: {
            let mut xref = Xref::default();
            for scheme in XrefScheme::ALL {
                xref.set(scheme, s.literal(&v(scheme.key())).map(Text::from));
            }
            xref
        },
        xref_source: ids_under(s.all(&v("xrefSource")), &format!("{BASE}source/"))
            .into_iter()
            .next(),
        uberon_source: ids_under(s.all(&v("uberonSource")), &format!("{BASE}source/"))
            .into_iter()
            .next(),
        sources: ids_under(
            s.all(&format!("{DCTERMS}source")),
            &format!("{BASE}source/"),
        ),
        location: at,
    }
}

fn ids_under<'a>(terms: impl Iterator<Item = &'a Term>, prefix: &str) -> Vec<String> {
    terms
        .filter_map(|t| match t {
            Term::NamedNode(n) => n.as_str().strip_prefix(prefix).and_then(decode),
            _ => None,
        })
        .collect()
}

/// A reified statement back into a fact.
fn fact(s: &Subject, at: Location) -> Result<FactSpec, String> {
    let structure_prefix = &format!("{BASE}structure/");
    let end = |p: NamedNode| {
        ids_under(s.first(p.as_str()).into_iter(), structure_prefix)
            .into_iter()
            .next()
    };
    let predicate = match s.first(rdf::PREDICATE.as_str()) {
        Some(Term::NamedNode(p)) => p.as_str().strip_prefix(VOCAB).map(str::to_string),
        _ => None,
    };
    let relation = predicate
        .as_deref()
        .and_then(Relation::from_name)
        .filter(|(_, d)| *d == crate::graph::model::Direction::Forward)
        .map(|(r, _)| r)
        .ok_or_else(|| "a statement without a fascia relation as rdf:predicate".to_string())?;
    let (Some(subject), Some(object)) = (end(rdf::SUBJECT.into()), end(rdf::OBJECT.into())) else {
        return Err("a statement without a structure as rdf:subject and rdf:object".to_string());
    };
    let role = match s.literal(&format!("{VOCAB}role")).as_deref() {
        None => None,
        Some("prime") => Some(Role::Prime),
        Some("assisting") => Some(Role::Assisting),
        Some(other) => return Err(format!("unknown role `{other}`")),
    };
    let status = match s.literal(&format!("{VOCAB}status")) {
        None => None,
        Some(word) => {
            Some(super::status_from_word(&word).ok_or_else(|| format!("unknown status `{word}`"))?)
        }
    };
    Ok(FactSpec {
        subject,
        relation,
        object,
        sources: ids_under(
            s.all(&format!("{DCTERMS}source")),
            &format!("{BASE}source/"),
        ),
        roots: ids_under(s.all(&format!("{VOCAB}root")), structure_prefix),
        contributing: ids_under(s.all(&format!("{VOCAB}contributingRoot")), structure_prefix),
        minor: s.literal(&format!("{VOCAB}minor")).as_deref() == Some("true"),
        role,
        note: s.literal(rdfs::COMMENT.as_str()),
        status,
        location: at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_encode_and_decode() {
        for id in ["soleus", "wp-de-musculus", "a b/c%", "ü"] {
            assert_eq!(decode(&encode(id)).as_deref(), Some(id));
        }
        assert_eq!(encode("l5"), "l5");
    }

    #[test]
    fn class_names_are_camel_case() {
        assert_eq!(class_name(Kind::MusclePart), "MusclePart");
        assert_eq!(class_name(Kind::Nerve), "Nerve");
    }
}
