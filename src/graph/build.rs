//! Building an [`Atlas`] from readers other than the TOML files (N-Triples, a JSON
//! dump): structures, sources and facts named by id, in any order, checked by the same
//! code that checks the data files.

use super::error::DataErrors;
use super::load::Loader;
use super::model::{
    Direction, Fact, Kind, Location, Relation, Role, Source, Status, Structure, Text, Work, Xref,
};
use super::{Atlas, StructureId};

/// A structure as a reader found it; sources are ids.
#[derive(Debug, Clone, PartialEq)]
pub struct StructureSpec {
    /// The structure's id, unique in the atlas.
    pub id: String,
    /// What the structure is.
    pub kind: Kind,
    /// Its English name.
    pub name: String,
    /// Its Latin name, if known.
    pub latin: Option<String>,
    /// Other names it is found by.
    pub aliases: Vec<String>,
    /// Free-text remarks.
    pub notes: Vec<String>,
    /// Its ids in other anatomy resources; their sources are `xref_source` and
    /// `uberon_source`.
    pub xref: Xref,
    /// The source the cross-reference ids were read in, by id.
    pub xref_source: Option<String>,
    /// The source of the UBERON id, where it is not `xref_source`.
    pub uberon_source: Option<String>,
    /// The ids of the sources for its descriptive fields.
    pub sources: Vec<String>,
    /// Where the reader found it, for error messages.
    pub location: Location,
}

/// A fact stated forward, its ends, roots and sources named by id.
#[derive(Debug, Clone, PartialEq)]
pub struct FactSpec {
    /// The id of the subject.
    pub subject: String,
    /// The relation, read forward from the subject.
    pub relation: Relation,
    /// The id of the object.
    pub object: String,
    /// The ids of the sources the fact cites; at least one.
    pub sources: Vec<String>,
    /// Spinal root levels by id, principal and contributing, for `innervated-by` and
    /// `mediated-by`.
    pub roots: Vec<String>,
    /// Of `roots`, the ones the reference gives as contributing.
    pub contributing: Vec<String>,
    /// A minor share of the supply: a twig to a small part of the structure.
    pub minor: bool,
    /// For `performs`: prime mover or assisting (prime when `None`).
    pub role: Option<Role>,
    /// A remark on the fact.
    pub note: Option<String>,
    /// The data's judgment of the fact, if it states one.
    pub status: Option<Status>,
    /// Where the reader found it, for error messages.
    pub location: Location,
}

/// Collects sources, structures and facts, then checks them all at once in
/// [`Builder::finish`]; facts may name structures declared after them.
#[derive(Default)]
pub struct Builder {
    works: Vec<(Work, Location)>,
    /// Each source with the id of the work it belongs to.
    sources: Vec<(Source, Option<String>, Location)>,
    structures: Vec<StructureSpec>,
    facts: Vec<FactSpec>,
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A reference work that sources belong to (see [`Builder::source_in_work`]).
    pub fn work(&mut self, work: Work, location: Location) {
        self.works.push((work, location));
    }

    /// A source of no declared work.
    pub fn source(&mut self, source: Source, location: Location) {
        self.sources.push((source, None, location));
    }

    /// A source that is part of the work with id `work`.
    pub fn source_in_work(&mut self, source: Source, work: Option<String>, location: Location) {
        self.sources.push((source, work, location));
    }

    /// A structure, checked in [`Builder::finish`].
    pub fn structure(&mut self, structure: StructureSpec) {
        self.structures.push(structure);
    }

    /// A fact, checked in [`Builder::finish`]: its ends may be declared after it.
    pub fn fact(&mut self, fact: FactSpec) {
        self.facts.push(fact);
    }

    /// The checked graph, or every problem found. An imported graph is not held to
    /// the bundled data's completeness rules (every muscle with an origin …), so that
    /// a query's subgraph can be exported and loaded again.
    pub fn finish(self, origin: &str) -> Result<Atlas, DataErrors> {
        let mut loader = Loader::default();
        for (work, at) in self.works {
            loader.declare_work(work, &at);
        }
        for (mut source, work, at) in self.sources {
            for (field, text) in [("title", &source.title), ("publisher", &source.publisher)] {
                loader.check_text(&at, field, &source.id, text);
            }
            source.work = work.and_then(|id| loader.work(&id, &at));
            loader.declare_source(source, at.clone(), at);
        }
        for s in self.structures {
            if !loader.is_new_id(&s.id, s.location.clone(), None) {
                continue;
            }
            if s.name.trim().is_empty() {
                loader.error(s.location, format!("`{}` has no `name`", s.id));
                continue;
            }
            check_structure_text(&mut loader, &s);
            let sources = s
                .sources
                .iter()
                .filter_map(|id| loader.source(id, s.location.clone()))
                .collect();
            let mut xref = s.xref;
            xref.source = s
                .xref_source
                .as_deref()
                .and_then(|id| loader.source(id, s.location.clone()));
            xref.uberon_source = s
                .uberon_source
                .as_deref()
                .and_then(|id| loader.source(id, s.location.clone()));
            loader.declare_structure(
                Structure {
                    id: s.id.into(),
                    kind: s.kind,
                    name: s.name.into(),
                    latin: s.latin.map(Text::from),
                    aliases: s.aliases.into_iter().map(Text::from).collect(),
                    notes: s.notes.into_iter().map(Text::from).collect(),
                    xref,
                    sources,
                    location: s.location,
                },
                None,
            );
        }
        for f in self.facts {
            add_fact(&mut loader, f);
        }
        loader.finish(origin, false)
    }
}

/// The checks every way in makes of the text it prints (see [`super::text`]).
fn check_structure_text(loader: &mut Loader, s: &StructureSpec) {
    let at = &s.location;
    loader.check_text(at, "name", &s.id, &s.name);
    for alias in &s.aliases {
        if alias.trim().is_empty() {
            loader.error(at.clone(), format!("empty alias of `{}`", s.id));
        }
        loader.check_text(at, "alias", &s.id, alias);
    }
    if let Some(latin) = &s.latin {
        loader.check_text(at, "latin", &s.id, latin);
    }
    for note in &s.notes {
        loader.check_text(at, "notes", &s.id, note);
    }
}

fn add_fact(loader: &mut Loader, f: FactSpec) {
    let at = f.location;
    if let Some(note) = &f.note {
        loader.check_text(&at, "note", &f.subject, note);
    }
    let (Some(from), Some(to)) = (
        loader.lookup(&f.subject, &at),
        loader.lookup(&f.object, &at),
    ) else {
        return;
    };
    if !loader.check_ends(from, to, f.relation, Direction::Forward, &at) {
        return;
    }
    let sources: Vec<_> = f
        .sources
        .iter()
        .filter_map(|id| loader.source(id, at.clone()))
        .collect();
    if f.sources.is_empty() {
        loader.error(
            at.clone(),
            format!(
                "fact `{} {} {}` has no source",
                f.subject, f.relation, f.object
            ),
        );
    }
    if !f.roots.is_empty() && !matches!(f.relation, Relation::InnervatedBy | Relation::MediatedBy) {
        let message = format!(
            "`roots` only belong to innervated-by and mediated-by, not {}",
            f.relation
        );
        loader.error(at.clone(), message);
    }
    let principal = f.roots.iter().filter(|r| !f.contributing.contains(r));
    let contributing = f.roots.iter().filter(|r| f.contributing.contains(r));
    let roots: Box<[_]> = principal
        .chain(contributing)
        .filter_map(|id| loader.root(id, at.clone()))
        .map(StructureId::of)
        .collect();
    let contributing = f
        .roots
        .iter()
        .filter(|r| f.contributing.contains(r))
        .count()
        .min(u8::MAX as usize) as u8;
    let role = match (f.relation, f.role) {
        (Relation::Performs, role) => Some(role.unwrap_or(Role::Prime)),
        (_, Some(_)) => {
            let message = format!("`role` only belongs to performs, not {}", f.relation);
            loader.error(at.clone(), message);
            None
        }
        (_, None) => None,
    };
    let note = f.note.map(|n| loader.texts.note(Text::from(n)));
    let position = loader.texts.position(&at);
    loader.add_edge(
        from,
        to,
        Fact {
            relation: f.relation,
            sources: sources.into(),
            roots,
            contributing,
            minor: f.minor,
            role,
            note,
            status: f.status,
            position,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize) -> Location {
        Location {
            file: "t.nt".into(),
            line,
            column: 1,
        }
    }

    fn structure(id: &str, kind: Kind, line: usize) -> StructureSpec {
        StructureSpec {
            id: id.to_string(),
            kind,
            name: id.to_uppercase(),
            latin: None,
            aliases: Vec::new(),
            notes: Vec::new(),
            xref: Xref::default(),
            xref_source: None,
            uberon_source: None,
            sources: vec!["s".to_string()],
            location: at(line),
        }
    }

    fn fact(subject: &str, relation: Relation, object: &str, line: usize) -> FactSpec {
        FactSpec {
            subject: subject.to_string(),
            relation,
            object: object.to_string(),
            sources: vec!["s".to_string()],
            roots: Vec::new(),
            contributing: Vec::new(),
            minor: false,
            role: None,
            note: None,
            status: None,
            location: at(line),
        }
    }

    fn builder() -> Builder {
        let mut b = Builder::new();
        let source = Source {
            id: "s".into(),
            title: "Source".into(),
            publisher: "Tests".into(),
            url: None,
            read: None,
            quality: Default::default(),
            work: None,
        };
        b.source(source, at(1));
        b.structure(structure("soleus", Kind::Muscle, 2));
        b.structure(structure("tibial-nerve", Kind::Nerve, 3));
        b.structure(structure("femur", Kind::Bone, 4));
        b
    }

    #[test]
    fn builds_a_graph_whose_facts_come_before_their_structures() {
        let mut b = Builder::new();
        b.fact(fact("soleus", Relation::InnervatedBy, "tibial-nerve", 9));
        let mut rest = builder();
        rest.facts.append(&mut b.facts);
        let atlas = rest.finish("test").unwrap();
        assert_eq!((atlas.structure_count(), atlas.fact_count()), (3, 1));
        // an imported muscle need not state an origin, an insertion …
        assert!(atlas.by_id("soleus").is_some());
    }

    #[test]
    fn checks_as_data_files_are_checked() {
        let mut b = builder();
        b.structure(structure("soleus", Kind::Muscle, 5));
        b.fact(fact("soleus", Relation::InnervatedBy, "femur", 6));
        b.fact(fact("soleus", Relation::InnervatedBy, "tibial", 7));
        let mut unsourced = fact("femur", Relation::BranchOf, "femur", 8);
        unsourced.sources.clear();
        b.fact(unsourced);
        let errors: Vec<String> = b
            .finish("test")
            .unwrap_err()
            .0
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            [
                "t.nt:5:1: duplicate id `soleus` (first declared at t.nt:2:1)",
                "t.nt:6:1: `femur` is a bone; innervated-by takes a nerve or a spinal root",
                "t.nt:7:1: unknown id `tibial`; did you mean `tibial-nerve`?",
                "t.nt:8:1: `femur` is a bone, but branch-of is stated of a nerve or an artery",
            ]
        );
    }
}
