//! The clinical tables of a data directory: where along each nerve a lesion may lie
//! (`[[nerve-course]]`, `[[lesion-site]]`), how the brachial plexus divisions regroup
//! into cords (`[[plexus-route]]`) and the bedside signs (`[[bedside-sign]]`). Read with
//! the structures, checked against them (file:line:column for an unknown key, id or
//! source) and kept in the [`Atlas`](super::Atlas) they were loaded with.

use super::files::{CourseEntry, Document, RouteEntry, SignEntry, SiteEntry};
use super::load::{FileText, Loader};
use super::model::{Kind, Location, SourceId, Text};
use crate::id::StructureId;
use std::collections::HashSet;
use toml::Spanned;

/// A site of injury along a nerve, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteDef {
    /// The site's id, unique among the clinical tables:
    /// `radial-nerve-at-spiral-groove`.
    pub id: Text,
    /// The site's name: `Radial nerve at the spiral groove`.
    pub name: Text,
    /// How clinicians name the site: `saturday night palsy`.
    pub aliases: Vec<Text>,
    /// The nerve injured.
    pub nerve: StructureId,
    /// The structure the site lies at: a landmark, or the nerve itself.
    pub at: StructureId,
    /// What leaves the nerve above the site and so escapes.
    pub spares: Vec<StructureId>,
    /// A remark on the site.
    pub note: Option<Text>,
    /// The references for the site (for a course's place, the course's and its own).
    pub sources: Vec<SourceId>,
}

/// A plexus route, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteDef {
    /// A division of a plexus trunk.
    pub division: StructureId,
    /// The cord the division's fibres run on in.
    pub cord: StructureId,
    /// The references for the route.
    pub sources: Vec<SourceId>,
}

/// What a finding of a bedside sign says of its structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignFinding {
    /// A muscle, head, group or movement found weak (`weak`).
    Weak,
    /// A structure found working normally (`spared`).
    Spared,
    /// A skin area or dermatome found numb (`numb`).
    Numb,
    /// A reflex found lost (`reflex-lost`).
    ReflexLost,
    /// A gland that no longer secretes or a sense that is gone (`lost`).
    Lost,
}

impl SignFinding {
    /// Every sort of finding, in the order a sign's keys are read.
    pub const ALL: [SignFinding; 5] = [
        SignFinding::Weak,
        SignFinding::Spared,
        SignFinding::Numb,
        SignFinding::ReflexLost,
        SignFinding::Lost,
    ];

    /// The kinds a finding of this sort can name.
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            SignFinding::Weak => &[Kind::Muscle, Kind::MusclePart, Kind::Group, Kind::Movement],
            SignFinding::Spared => &[
                Kind::Muscle,
                Kind::MusclePart,
                Kind::Group,
                Kind::Movement,
                Kind::SkinArea,
                Kind::Dermatome,
                Kind::Reflex,
                Kind::Gland,
                Kind::Sense,
            ],
            SignFinding::Numb => &[Kind::SkinArea, Kind::Dermatome],
            SignFinding::ReflexLost => &[Kind::Reflex],
            SignFinding::Lost => &[Kind::Gland, Kind::Sense],
        }
    }
}

/// A bedside sign, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SignDef {
    /// The sign's id, unique among the clinical tables: `froments-sign`.
    pub id: Text,
    /// The sign's name: `Froment's sign`.
    pub name: Text,
    /// Other names it is found by: `froment sign`.
    pub aliases: Vec<Text>,
    /// What the sign finds, each with the structure it names.
    pub findings: Vec<(SignFinding, StructureId)>,
    /// A remark on the sign.
    pub note: Option<Text>,
    /// The references for the sign.
    pub sources: Vec<SourceId>,
}

/// Every clinical table of a loaded graph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    /// Lesion sites: each `[[lesion-site]]`, and each place of a `[[nerve-course]]`.
    pub sites: Vec<SiteDef>,
    /// Plexus routes: a division and the cord its fibres run on in.
    pub routes: Vec<RouteDef>,
    /// Bedside signs.
    pub signs: Vec<SignDef>,
}

impl Tables {
    /// Whether there are no clinical data at all, as for an imported graph.
    pub fn is_empty(&self) -> bool {
        self.sites.is_empty() && self.routes.is_empty() && self.signs.is_empty()
    }
}

/// Checks every clinical table of the parsed files against the declared structures and
/// sources, reporting each problem at its position, and returns the tables that hold.
pub(super) fn check(loader: &mut Loader, parsed: &[(FileText, Document)]) -> Tables {
    let mut c = Checker {
        loader,
        ids: HashSet::new(),
        tables: Tables::default(),
    };
    for (file, doc) in parsed {
        let w = &doc.clinical;
        for e in &w.sites {
            c.site(file, e);
        }
        for e in &w.routes {
            c.route(file, e);
        }
        for e in &w.courses {
            c.course(file, e);
        }
        for e in &w.signs {
            c.sign(file, e);
        }
    }
    c.tables
}

struct Checker<'a> {
    loader: &'a mut Loader,
    /// The site and sign ids declared so far: each names one thing.
    ids: HashSet<String>,
    tables: Tables,
}

impl Checker<'_> {
    fn at(file: &FileText, s: &Spanned<String>) -> Location {
        file.locate(s.span().start)
    }

    /// A structure by id, of one of `kinds` (any kind when empty).
    fn node(
        &mut self,
        file: &FileText,
        id: &Spanned<String>,
        kinds: &[Kind],
        what: &str,
    ) -> Option<StructureId> {
        let at = Self::at(file, id);
        let node = self.loader.lookup(id.get_ref(), &at)?;
        let kind = self.loader.kind_of(node);
        if kinds.is_empty() || kinds.contains(&kind) {
            return Some(StructureId::of(node));
        }
        let allowed: Vec<&str> = kinds.iter().map(|k| k.noun()).collect();
        let allowed = match allowed.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => allowed.join(""),
        };
        self.loader.error(
            at,
            format!(
                "`{}` is a {}; {what} takes a {allowed}",
                id.get_ref(),
                kind.noun(),
            ),
        );
        None
    }

    fn nodes(
        &mut self,
        file: &FileText,
        ids: &[Spanned<String>],
        kinds: &[Kind],
        what: &str,
    ) -> Option<Vec<StructureId>> {
        let found: Vec<Option<StructureId>> = ids
            .iter()
            .map(|id| self.node(file, id, kinds, what))
            .collect();
        found.into_iter().collect()
    }

    /// The sources cited, each known; at least one is required of every entry.
    fn sources(
        &mut self,
        file: &FileText,
        ids: &[&Spanned<String>],
        entry_at: usize,
    ) -> Option<Vec<SourceId>> {
        if ids.is_empty() {
            self.loader.error(
                file.locate(entry_at),
                "this entry cites no source: add `sources`",
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for id in ids {
            match self.loader.source(id.get_ref(), Self::at(file, id)) {
                Some(s) if !out.contains(&s) => out.push(s),
                Some(_) => {}
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn new_id(&mut self, file: &FileText, id: &Spanned<String>) -> bool {
        let at = Self::at(file, id);
        if !super::load::is_valid_id(id.get_ref()) {
            self.loader.error(
                at,
                format!(
                    "`{}` is not a valid id: use lowercase letters, digits and hyphens",
                    id.get_ref()
                ),
            );
            return false;
        }
        if !self.ids.insert(id.get_ref().clone()) {
            self.loader.error(
                at,
                format!(
                    "`{}` is declared twice among the clinical tables",
                    id.get_ref()
                ),
            );
            return false;
        }
        true
    }

    fn site(&mut self, file: &FileText, e: &Spanned<SiteEntry>) {
        let start = e.span().start;
        let e = e.get_ref();
        let fresh = self.new_id(file, &e.id);
        let nerve = self.node(file, &e.nerve, &[Kind::Nerve], "a lesion site's `nerve`");
        let at = self.node(file, &e.at, &[], "`at`");
        let spares = self.nodes(file, &e.spares, &SPARED, "`spares`");
        let sources = self.sources(file, &e.sources.iter().collect::<Vec<_>>(), start);
        if let (true, Some(nerve), Some(at), Some(spares), Some(sources)) =
            (fresh, nerve, at, spares, sources)
        {
            self.tables.sites.push(SiteDef {
                id: Text::from(e.id.get_ref().clone()),
                name: Text::from(e.name.clone()),
                aliases: e.aliases.iter().map(|a| Text::from(a.clone())).collect(),
                nerve,
                at,
                spares,
                note: e.note.clone().map(Text::from),
                sources,
            });
        }
    }

    fn route(&mut self, file: &FileText, e: &Spanned<RouteEntry>) {
        let start = e.span().start;
        let e = e.get_ref();
        let division = self.node(file, &e.division, &[Kind::Nerve], "`division`");
        let cord = self.node(file, &e.cord, &[Kind::Nerve], "`cord`");
        let sources = self.sources(file, &e.sources.iter().collect::<Vec<_>>(), start);
        if let (Some(division), Some(cord), Some(sources)) = (division, cord, sources) {
            self.tables.routes.push(RouteDef {
                division,
                cord,
                sources,
            });
        }
    }

    /// Each place of a course becomes a site that spares what leaves above it.
    fn course(&mut self, file: &FileText, e: &Spanned<CourseEntry>) {
        let e = e.get_ref();
        let nerve = self.node(file, &e.nerve, &[Kind::Nerve], "a course's `nerve`");
        let mut spares: Vec<StructureId> = Vec::new();
        let mut broken = nerve.is_none();
        for place in &e.place {
            let start = place.span().start;
            let p = place.get_ref();
            let fresh = self.new_id(file, &p.id);
            let at = match &p.at {
                Some(at) => self.node(file, at, &[], "`at`"),
                None => nerve,
            };
            match self.nodes(file, &p.above, &SPARED, "`above`") {
                // a place may name again what an earlier place spares: it is spared once
                Some(above) => {
                    for n in above {
                        if !spares.contains(&n) {
                            spares.push(n);
                        }
                    }
                }
                None => broken = true,
            }
            let cited: Vec<&Spanned<String>> = e.sources.iter().chain(&p.sources).collect();
            let sources = self.sources(file, &cited, start);
            if let (false, true, Some(nerve), Some(at), Some(sources)) =
                (broken, fresh, nerve, at, sources)
            {
                self.tables.sites.push(SiteDef {
                    id: Text::from(p.id.get_ref().clone()),
                    name: Text::from(p.name.clone()),
                    aliases: p.aliases.iter().map(|a| Text::from(a.clone())).collect(),
                    nerve,
                    at,
                    spares: spares.clone(),
                    note: p.note.clone().map(Text::from),
                    sources,
                });
            }
        }
    }

    fn sign(&mut self, file: &FileText, e: &Spanned<SignEntry>) {
        let start = e.span().start;
        let e = e.get_ref();
        let fresh = self.new_id(file, &e.id);
        let mut findings = Vec::new();
        let mut broken = false;
        let lists = [
            (SignFinding::Weak, &e.weak, "`weak`"),
            (SignFinding::Spared, &e.spared, "`spared`"),
            (SignFinding::Numb, &e.numb, "`numb`"),
            (SignFinding::ReflexLost, &e.reflex_lost, "`reflex-lost`"),
            (SignFinding::Lost, &e.lost, "`lost`"),
        ];
        for (sort, ids, what) in lists {
            match self.nodes(file, ids, sort.kinds(), what) {
                Some(nodes) => findings.extend(nodes.into_iter().map(|n| (sort, n))),
                None => broken = true,
            }
        }
        if findings.is_empty() && !broken {
            self.loader.error(
                Self::at(file, &e.id),
                format!(
                    "bedside sign `{}` names no finding: add `weak`, `spared`, `numb`, `reflex-lost` or `lost`",
                    e.id.get_ref()
                ),
            );
            broken = true;
        }
        let sources = self.sources(file, &e.sources.iter().collect::<Vec<_>>(), start);
        if let (false, true, Some(sources)) = (broken, fresh, sources) {
            self.tables.signs.push(SignDef {
                id: Text::from(e.id.get_ref().clone()),
                name: Text::from(e.name.clone()),
                aliases: e.aliases.iter().map(|a| Text::from(a.clone())).collect(),
                findings,
                note: e.note.clone().map(Text::from),
                sources,
            });
        }
    }
}

/// What a site may spare: branches, muscles, heads, skin areas, glands and senses.
const SPARED: [Kind; 6] = [
    Kind::Nerve,
    Kind::Muscle,
    Kind::MusclePart,
    Kind::SkinArea,
    Kind::Gland,
    Kind::Sense,
];

#[cfg(test)]
mod tests {
    use super::super::load_files;

    const GRAPH: &str = r#"
[[source]]
id = "a"
title = "A"
publisher = "Tests"

[[source]]
id = "b"
title = "B"
publisher = "Tests"

[[nerve]]
id = "n"
name = "N"
sources = ["a"]

[[nerve]]
id = "n-branch"
name = "N branch"
sources = ["a"]
branch-of = "n"

[[bone]]
id = "bone"
name = "Bone"

[[artery]]
id = "artery"
name = "Artery"

[[movement]]
id = "movement"
name = "Movement"

[[muscle]]
id = "m"
name = "M"
sources = ["a"]
innervated-by = "n"
originates-from = "bone"
inserts-into = "bone"
supplied-by = "artery"
performs = "movement"
"#;

    fn messages(clinical: &str) -> Vec<String> {
        match load_files([("g.toml", GRAPH), ("c.toml", clinical)], "test") {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    /// A place spares what leaves above it and everything above the places before, each
    /// once even where a place names again what an earlier one spares.
    #[test]
    fn a_course_makes_one_site_per_place_sparing_what_leaves_above() {
        let text = r#"
[[nerve-course]]
nerve = "n"
sources = ["a", "b"]

[[nerve-course.place]]
id = "n-high"
name = "N high"
aliases = ["high"]

[[nerve-course.place]]
id = "n-low"
name = "N low"
above = ["m"]

[[nerve-course.place]]
id = "n-lowest"
name = "N lowest"
above = ["m", "n-branch"]
"#;
        let atlas = load_files([("g.toml", GRAPH), ("c.toml", text)], "test").expect("loads");
        let sites = &atlas.clinical().sites;
        let spares: Vec<(&str, usize)> = sites
            .iter()
            .map(|s| (s.id.as_str(), s.spares.len()))
            .collect();
        assert_eq!(spares, [("n-high", 0), ("n-low", 1), ("n-lowest", 2)]);
        assert_eq!(sites[0].at, atlas.by_id("n").expect("n"));
        assert_eq!(sites[0].aliases, ["high"]);
        assert_eq!(sites[2].sources.len(), 2);
    }

    #[test]
    fn unknown_ids_wrong_kinds_and_missing_sources_are_located() {
        let text = r#"
[[nerve-course]]
nerve = "m"
sources = ["a"]

[[nerve-course.place]]
id = "x-site"
name = "X"
above = ["nn"]

[[bedside-sign]]
id = "sign"
name = "Sign"
weak = ["n"]

[[plexus-route]]
division = "n"
cord = "n-branch"
sources = ["zz"]
"#;
        assert_eq!(
            messages(text),
            [
                "c.toml:3:9: `m` is a muscle; a course's `nerve` takes a nerve",
                "c.toml:9:10: unknown id `nn`",
                "c.toml:11:1: this entry cites no source: add `sources`",
                "c.toml:14:9: `n` is a nerve; `weak` takes a muscle, muscle part, muscle group or movement",
                "c.toml:19:12: unknown source `zz`",
            ]
        );
    }

    #[test]
    fn an_unknown_key_stops_the_file_at_its_position() {
        let text = "[[lesion-site]]\nid = \"s\"\nname = \"S\"\nnerve = \"n\"\nat = \"n\"\nspare = [\"m\"]\n";
        let found = messages(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("c.toml:6:1: unknown field `spare`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_site_id_declared_twice_is_an_error() {
        let text = "[[lesion-site]]\nid = \"s\"\nname = \"S\"\nnerve = \"n\"\nat = \"n\"\nsources = [\"a\"]\n\n\
                    [[lesion-site]]\nid = \"s\"\nname = \"S\"\nnerve = \"n\"\nat = \"n\"\nsources = [\"a\"]\n";
        assert_eq!(
            messages(text),
            ["c.toml:9:6: `s` is declared twice among the clinical tables"]
        );
    }
}
