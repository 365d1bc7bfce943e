//! The data-file schema: what a TOML file under `data/` may hold, with byte spans kept
//! so that every later check can point at the line and column it is about.
//!
//! Unknown table names and unknown keys are not fatal here: they are collected as
//! [`Problem`]s so that one run of `fascia check` reports all of them.

use super::model::{Direction, Kind, Quality, Relation, Role, Status, Tier};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::ops::Range;
use toml::Spanned;

/// A problem found while reading a file that did not stop the reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The bytes of the file the problem is about.
    pub span: Range<usize>,
    /// What is wrong: "unknown key `insert-into`; did you mean `inserts-into`?".
    pub message: String,
}

/// One data file: sources and structures, in the order written.
#[derive(Debug, Default)]
pub struct Document {
    /// `[[work]]` tables: the reference works and their tiers.
    pub works: Vec<Spanned<WorkEntry>>,
    /// `[[source]]` tables.
    pub sources: Vec<Spanned<SourceEntry>>,
    /// Structure tables (`[[muscle]]`, `[[nerve]]`, …), each with its kind.
    pub entries: Vec<(Kind, Spanned<Entry>)>,
    /// Lesion sites, nerve courses, plexus routes and bedside signs.
    pub clinical: Written,
    /// Unknown tables, collected rather than fatal.
    pub problems: Vec<Problem>,
}

/// `[[source]]`: a reference work, declared once and cited by id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// The id facts cite it by: `wp-plantaris`.
    pub id: Spanned<String>,
    /// The title of the page or section: `Plantaris muscle`.
    pub title: String,
    /// Publisher or author.
    pub publisher: String,
    /// Its address, where it is on the web; it can tie the source to a `[[work]]`.
    #[serde(default)]
    pub url: Option<String>,
    /// The date the source was read, `YYYY-MM-DD`.
    #[serde(default)]
    pub read: Option<String>,
    /// `weak` for blogs, abstracts and forums.
    #[serde(default)]
    pub quality: Option<QualityEntry>,
    /// The reference work this source is a page, section or copy of (a `[[work]]` id),
    /// where its address does not already say so.
    #[serde(default)]
    pub work: Option<Spanned<String>>,
}

/// `[[work]]`: a reference work and where it stands in the canon; its sources are the
/// pages and copies of it that facts cite.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkEntry {
    /// The id sources name it by (`work = "gray-1918"`).
    pub id: Spanned<String>,
    /// The work as it is cited: title, edition.
    pub title: String,
    /// `canon`, `secondary` or `weak`: where the work stands.
    pub tier: Spanned<TierEntry>,
    /// Addresses whose pages are this work (`teachmeanatomy.info/`): a source whose
    /// `url` starts with one of them, after its scheme and `www.`, belongs to it.
    #[serde(default)]
    pub urls: Vec<Spanned<String>>,
}

/// A `[[work]]`'s `tier`, as written (see [`Tier`]).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TierEntry {
    /// `canon`: a standard text students are examined on.
    Canon,
    /// `secondary`: an encyclopedia, dictionary, course page or specialist site.
    Secondary,
    /// `weak`: a blog, an abstract, a forum or an unsourced mirror.
    Weak,
}

impl From<TierEntry> for Tier {
    fn from(t: TierEntry) -> Tier {
        match t {
            TierEntry::Canon => Tier::Canon,
            TierEntry::Secondary => Tier::Secondary,
            TierEntry::Weak => Tier::Weak,
        }
    }
}

/// A `[[source]]`'s `quality`, as written (see [`Quality`]).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QualityEntry {
    /// `standard`: a textbook, atlas or reviewed teaching site (the default).
    Standard,
    /// `weak`: a blog, an abstract, a forum or an unsourced mirror.
    Weak,
}

impl From<QualityEntry> for Quality {
    fn from(q: QualityEntry) -> Quality {
        match q {
            QualityEntry::Standard => Quality::Standard,
            QualityEntry::Weak => Quality::Weak,
        }
    }
}

/// Cross-reference ids; numbers or strings are both accepted.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XrefEntry {
    /// The Foundational Model of Anatomy id: `22542`.
    #[serde(default)]
    pub fma: Option<IdText>,
    /// The Terminologia Anatomica 1998 id: `A04.7.02.047`.
    #[serde(default)]
    pub ta98: Option<IdText>,
    /// The Terminologia Anatomica 2nd edition term number: `2660`.
    #[serde(default)]
    pub ta2: Option<IdText>,
    /// The UBERON id: `UBERON:0001389`.
    #[serde(default)]
    pub uberon: Option<IdText>,
    /// The Wikidata item: `Q1637551`.
    #[serde(default)]
    pub wikidata: Option<IdText>,
    /// The source (an id in sources.toml) the ids were read in.
    #[serde(default)]
    pub source: Option<toml::Spanned<String>>,
    /// The source the `uberon` id was read in, where it is not `source`.
    #[serde(default, rename = "uberon-source")]
    pub uberon_source: Option<toml::Spanned<String>>,
}

impl XrefEntry {
    /// The id written for one resource, if any.
    pub fn get(&self, scheme: super::model::XrefScheme) -> Option<&IdText> {
        use super::model::XrefScheme as S;
        match scheme {
            S::Fma => self.fma.as_ref(),
            S::Ta98 => self.ta98.as_ref(),
            S::Ta2 => self.ta2.as_ref(),
            S::Uberon => self.uberon.as_ref(),
            S::Wikidata => self.wikidata.as_ref(),
        }
    }
}

/// An identifier written as a string or a bare integer (`fma = 22542`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum IdText {
    /// Written as a string: `"A04.7.02.047"`.
    Text(String),
    /// Written as a bare integer: `22542`.
    Number(i64),
}

impl fmt::Display for IdText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdText::Text(s) => f.write_str(s),
            IdText::Number(n) => write!(f, "{n}"),
        }
    }
}

/// `[[muscle]]`, `[[nerve]]`, …: one structure and the facts stated from it.
#[derive(Debug, Default)]
pub struct Entry {
    /// `id`: the structure's id (`None` when left out, which is reported later).
    pub id: Option<Spanned<String>>,
    /// `name`: its English name (`None` when left out, which is reported later).
    pub name: Option<Spanned<String>>,
    /// `latin`: its Latin name.
    pub latin: Option<String>,
    /// `aliases`: other names it is found by.
    pub aliases: Vec<Spanned<String>>,
    /// `notes`: free-text remarks.
    pub notes: Vec<String>,
    /// `xref`: its ids in other anatomy resources.
    pub xref: XrefEntry,
    /// Default sources for the entry's fields and for facts that name none.
    pub sources: Vec<Spanned<String>>,
    /// The relation keys, each with its facts, in the order written.
    pub facts: Vec<FactGroup>,
    /// Unknown keys, collected rather than fatal.
    pub problems: Vec<Problem>,
}

/// All the facts under one relation key of an entry (`inserts-into = [...]`).
#[derive(Debug)]
pub struct FactGroup {
    /// The relation the key names.
    pub relation: Relation,
    /// `Forward` when the key is the forward name (the entry is the subject), `Inverse`
    /// when it is the inverse (`innervates`: the entry is the object).
    pub direction: Direction,
    /// The bytes of the key.
    pub key_span: Range<usize>,
    /// Each fact's other end, with the bytes it was written in.
    pub targets: Vec<(Range<usize>, FactRef)>,
}

/// One fact's object: a bare id, or a table with the fact's own attributes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactRef {
    /// The id of the structure at the other end of the fact.
    pub id: String,
    /// The sources of this fact; the entry's `sources` when none are given.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    /// Spinal root levels, for `innervated-by` and `mediated-by`: the principal ones
    /// the reference gives.
    #[serde(default)]
    pub roots: Vec<Spanned<String>>,
    /// Levels the reference gives as contributing (printed in parentheses or as minor).
    #[serde(default)]
    pub contributing: Vec<Spanned<String>>,
    /// A minor share of the supply: a twig to a small part of the structure.
    #[serde(default)]
    pub minor: bool,
    /// For `performs`: `prime` (the default) or `assisting`.
    #[serde(default)]
    pub role: Option<RoleEntry>,
    /// A remark on this fact.
    #[serde(default)]
    pub note: Option<String>,
    /// `standard`, `minority` or `variant`: the data's judgment of this fact.
    #[serde(default)]
    pub status: Option<StatusEntry>,
}

/// A fact's `status`, as written (see [`Status`]).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatusEntry {
    /// `standard`: the standard statement, even with a single source.
    Standard,
    /// `minority`: a claim fewer or weaker references make, beside a standard version.
    Minority,
    /// `variant`: an anatomical variation stated as a fact.
    Variant,
}

impl From<StatusEntry> for Status {
    fn from(s: StatusEntry) -> Status {
        match s {
            StatusEntry::Standard => Status::Standard,
            StatusEntry::Minority => Status::Minority,
            StatusEntry::Variant => Status::Variant,
        }
    }
}

/// A `performs` fact's `role`, as written (see [`Role`]).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleEntry {
    /// `prime`: the muscle is a prime mover of the movement.
    Prime,
    /// `assisting`: the muscle assists the movement.
    Assisting,
}

impl From<RoleEntry> for Role {
    fn from(r: RoleEntry) -> Role {
        match r {
            RoleEntry::Prime => Role::Prime,
            RoleEntry::Assisting => Role::Assisting,
        }
    }
}

/// The property keys an entry may have besides relations, for error messages.
pub const PROPERTY_KEYS: [&str; 7] = ["id", "name", "latin", "aliases", "notes", "xref", "sources"];

/// Tables that hold clinical data about the graph (lesion sites, nerve courses, plexus
/// routes, bedside signs) rather than structures (checked by [`super::clinical`]).
pub const CLINICAL_TABLES: [&str; 4] = [
    "lesion-site",
    "plexus-route",
    "nerve-course",
    "bedside-sign",
];

/// Parses one file. A syntax or type error stops the file; unknown names do not.
pub fn parse_document(text: &str) -> Result<Document, toml::de::Error> {
    toml::from_str(text)
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DocVisitor;
        impl<'de> Visitor<'de> for DocVisitor {
            type Value = Document;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of [[source]] and structure tables")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
                let mut doc = Document::default();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    if key.get_ref() == "source" {
                        doc.sources
                            .extend(map.next_value::<Vec<Spanned<SourceEntry>>>()?);
                    } else if key.get_ref() == "work" {
                        doc.works
                            .extend(map.next_value::<Vec<Spanned<WorkEntry>>>()?);
                    } else if key.get_ref() == "lesion-site" {
                        doc.clinical.sites.extend(map.next_value::<Vec<_>>()?);
                    } else if key.get_ref() == "plexus-route" {
                        doc.clinical.routes.extend(map.next_value::<Vec<_>>()?);
                    } else if key.get_ref() == "nerve-course" {
                        doc.clinical.courses.extend(map.next_value::<Vec<_>>()?);
                    } else if key.get_ref() == "bedside-sign" {
                        doc.clinical.signs.extend(map.next_value::<Vec<_>>()?);
                    } else if let Some(kind) = kind_from_table_name(key.get_ref()) {
                        let entries = map.next_value::<Vec<Spanned<Entry>>>()?;
                        doc.entries.extend(entries.into_iter().map(|e| (kind, e)));
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                        let tables: Vec<&str> = ["source", "work"]
                            .into_iter()
                            .chain(Kind::ALL.into_iter().map(Kind::data_key))
                            .chain(CLINICAL_TABLES)
                            .collect();
                        doc.problems.push(Problem {
                            span: key.span(),
                            message: format!(
                                "unknown table `{}`; expected one of: {}",
                                key.get_ref(),
                                tables.join(", ")
                            ),
                        });
                    }
                }
                Ok(doc)
            }
        }
        d.deserialize_map(DocVisitor)
    }
}

fn kind_from_table_name(name: &str) -> Option<Kind> {
    match name {
        "membrane" => Some(Kind::Ligament),
        "skin" => Some(Kind::SkinArea),
        other => Kind::from_data_key(other),
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a structure table with an id and a name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                let mut e = Entry::default();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    match key.get_ref().as_str() {
                        "id" => e.id = Some(map.next_value()?),
                        "name" => e.name = Some(map.next_value()?),
                        "latin" => e.latin = Some(map.next_value()?),
                        "aliases" => e.aliases = map.next_value()?,
                        "notes" => e.notes = map.next_value()?,
                        "xref" => e.xref = map.next_value()?,
                        "sources" => e.sources = map.next_value()?,
                        other => match Relation::from_name(other) {
                            Some((relation, direction)) => {
                                let targets = map.next_value::<Spanned<OneOrMany>>()?;
                                let outer = targets.span();
                                let targets = targets
                                    .into_inner()
                                    .0
                                    .into_iter()
                                    .map(|(span, r)| (span.unwrap_or_else(|| outer.clone()), r))
                                    .collect();
                                e.facts.push(FactGroup {
                                    relation,
                                    direction,
                                    key_span: key.span(),
                                    targets,
                                });
                            }
                            None => {
                                map.next_value::<de::IgnoredAny>()?;
                                e.problems.push(Problem {
                                    span: key.span(),
                                    message: unknown_key_message(other),
                                });
                            }
                        },
                    }
                }
                Ok(e)
            }
        }
        d.deserialize_map(EntryVisitor)
    }
}

fn unknown_key_message(key: &str) -> String {
    let mut message = format!("unknown key `{key}`");
    let candidates = PROPERTY_KEYS.into_iter().chain(Relation::all_names());
    if let Some(best) = crate::suggest::closest(key, candidates) {
        message.push_str(&format!("; did you mean `{best}`?"));
    } else {
        message.push_str(&format!(
            "; expected a property ({}) or a relation such as `inserts-into`",
            PROPERTY_KEYS.join(", ")
        ));
    }
    message
}

/// A relation's value: one target or a list of them.
#[derive(Debug)]
struct OneOrMany(Vec<(Option<Range<usize>>, FactRef)>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id, a table with an `id`, or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![(None, FactRef::plain(v))]))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OneOrMany, A::Error> {
                let r = FactRef::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(OneOrMany(vec![(None, r)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<FactItem>>()? {
                    let span = item.span();
                    out.push((Some(span), item.into_inner().0));
                }
                Ok(OneOrMany(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// One element of a relation list: a bare id or a fact table.
struct FactItem(FactRef);

impl<'de> Deserialize<'de> for FactItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FactItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id or a table with an `id`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FactItem, E> {
                Ok(FactItem(FactRef::plain(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FactItem, A::Error> {
                FactRef::deserialize(de::value::MapAccessDeserializer::new(map)).map(FactItem)
            }
        }
        d.deserialize_any(V)
    }
}

impl FactRef {
    fn plain(id: &str) -> FactRef {
        FactRef {
            id: id.to_string(),
            ..FactRef::default()
        }
    }
}

// ---------------------------------------------------------------- clinical tables

/// The clinical tables of one file, as written (checked by [`super::clinical`]).
#[derive(Debug, Default)]
pub struct Written {
    /// `[[lesion-site]]` tables.
    pub sites: Vec<Spanned<SiteEntry>>,
    /// `[[plexus-route]]` tables.
    pub routes: Vec<Spanned<RouteEntry>>,
    /// `[[nerve-course]]` tables.
    pub courses: Vec<Spanned<CourseEntry>>,
    /// `[[bedside-sign]]` tables.
    pub signs: Vec<Spanned<SignEntry>>,
}

/// `[[lesion-site]]`: one site of injury with what it spares listed outright.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteEntry {
    /// The site's id, unique among the clinical tables.
    pub id: Spanned<String>,
    /// The site's name: `Radial nerve at the spiral groove`.
    pub name: String,
    /// How clinicians name the site: `saturday night palsy`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The id of the nerve injured.
    pub nerve: Spanned<String>,
    /// The id of the structure the site lies at: a landmark, or the nerve itself.
    pub at: Spanned<String>,
    /// What leaves the nerve above the site and so escapes: branches, muscles, heads,
    /// skin areas, glands, senses.
    #[serde(default)]
    pub spares: Vec<Spanned<String>>,
    /// A remark on the site.
    #[serde(default)]
    pub note: Option<String>,
    /// The references for the site; at least one.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// `[[plexus-route]]`: a division of a trunk and the cord its fibres run on in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteEntry {
    /// The id of a division of a plexus trunk: `anterior-division-of-upper-trunk`.
    pub division: Spanned<String>,
    /// The id of the cord its fibres run on in: `lateral-cord-of-brachial-plexus`.
    pub cord: Spanned<String>,
    /// The references for the route; at least one.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// `[[nerve-course]]`: a nerve's course from above down, as the places a lesion may lie
/// and what leaves the nerve above each.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseEntry {
    /// The id of the nerve whose course this is.
    pub nerve: Spanned<String>,
    /// The references for the order in which the branches leave.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    /// The places along the course, from above down.
    #[serde(default)]
    pub place: Vec<Spanned<PlaceEntry>>,
}

/// `[[nerve-course.place]]`: one place along the course.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    /// The place's id, unique among the clinical tables: the id of its lesion site.
    pub id: Spanned<String>,
    /// The place's name: `Radial nerve at the elbow`.
    pub name: String,
    /// How clinicians name the place (`cubital tunnel`, `guyon's canal`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The landmark the place lies at; the nerve itself when none is named.
    #[serde(default)]
    pub at: Option<Spanned<String>>,
    /// Branches, muscles and heads that leave the nerve between the place before and
    /// this one: a lesion here spares them and everything listed before.
    #[serde(default)]
    pub above: Vec<Spanned<String>>,
    /// A remark on the place.
    #[serde(default)]
    pub note: Option<String>,
    /// References for this place beyond the course's own.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// `[[bedside-sign]]`: a sign named at the bedside and the findings it stands for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignEntry {
    /// The sign's id, unique among the clinical tables: `froments-sign`.
    pub id: Spanned<String>,
    /// The sign's name: `Froment's sign`.
    pub name: String,
    /// Other names it is found by: `froment sign`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Muscles, heads, groups or movements the sign finds weak.
    #[serde(default)]
    pub weak: Vec<Spanned<String>>,
    /// What the sign finds working normally.
    #[serde(default)]
    pub spared: Vec<Spanned<String>>,
    /// Skin areas or dermatomes the sign finds numb.
    #[serde(default)]
    pub numb: Vec<Spanned<String>>,
    /// `reflex-lost`: reflexes the sign finds lost.
    #[serde(default, rename = "reflex-lost")]
    pub reflex_lost: Vec<Spanned<String>>,
    /// Glands that no longer secrete and senses that are gone.
    #[serde(default)]
    pub lost: Vec<Spanned<String>>,
    /// A remark on the sign.
    #[serde(default)]
    pub note: Option<String>,
    /// The references for the sign; at least one.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_table_facts_with_spans() {
        let text = r#"
[[muscle]]
id = "soleus"
name = "Soleus"
inserts-into = "calcaneal-tendon"
innervated-by = [{ id = "tibial-nerve", roots = ["s1", "s2"], sources = ["x"] }]
performs = ["ankle-plantarflexion", { id = "knee-flexion", role = "assisting" }]
innervates = []
"#;
        let doc = parse_document(text).unwrap();
        assert!(doc.problems.is_empty());
        let (kind, entry) = &doc.entries[0];
        assert_eq!(*kind, Kind::Muscle);
        let entry = entry.get_ref();
        assert_eq!(entry.id.as_ref().unwrap().get_ref(), "soleus");
        assert_eq!(entry.facts.len(), 4);
        let ins = &entry.facts[0];
        assert_eq!(ins.relation, Relation::InsertsInto);
        assert_eq!(&text[ins.targets[0].0.clone()], "\"calcaneal-tendon\"");
        let inn = &entry.facts[1].targets[0];
        assert_eq!(inn.1.id, "tibial-nerve");
        assert_eq!(inn.1.roots.len(), 2);
        assert!(text[inn.0.clone()].starts_with("{ id = \"tibial-nerve\""));
        let perf = &entry.facts[2].targets;
        assert_eq!(&text[perf[0].0.clone()], "\"ankle-plantarflexion\"");
        assert!(matches!(perf[1].1.role, Some(RoleEntry::Assisting)));
        assert_eq!(entry.facts[3].direction, Direction::Inverse);
    }

    #[test]
    fn unknown_tables_and_keys_are_collected_with_spans() {
        let text =
            "[[muscel]]\nid = \"x\"\n\n[[muscle]]\nid = \"y\"\nname = \"Y\"\ninsert-into = \"z\"\n";
        let doc = parse_document(text).unwrap();
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(&text[doc.problems[0].span.clone()], "muscel");
        let entry = doc.entries[0].1.get_ref();
        assert_eq!(entry.problems.len(), 1);
        assert_eq!(&text[entry.problems[0].span.clone()], "insert-into");
        assert_eq!(
            entry.problems[0].message,
            "unknown key `insert-into`; did you mean `inserts-into`?"
        );
    }

    #[test]
    fn bad_fact_table_is_a_located_error() {
        let text = "[[muscle]]\nid = \"y\"\nperforms = [{ id = \"a\", rol = \"prime\" }]\n";
        let err = parse_document(text).unwrap_err();
        assert!(
            err.message().contains("unknown field `rol`"),
            "{}",
            err.message()
        );
        assert!(err.span().is_some());
    }
}
