//! Questions from the graph: for each topic, the structures it can ask about, the query
//! that answers, and the checks that keep a disputed fact from ever being the key.

use super::{Filter, Question, Shuffle, Topic};
use crate::clinical::{Effect, Lesion, Site};
use crate::graph::Atlas;
use crate::graph::model::{Direction, Kind, KindSet, Relation, SourceId};
use crate::graph::normalize;
use crate::graph::{FactId, StructureId};
use crate::query::Answer;
use std::collections::BTreeMap;

/// `localize` questions are made only on a graph of at most this many nerves: making
/// one ranks every nerve, root and site as the lesion, so the topic's work grows with
/// the square of the nerves (the bundled data has under a hundred).
pub const LOCALIZE_NERVE_LIMIT: usize = 500;

/// What a question is about: a structure, or a lesion site of the clinical tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Node(StructureId),
    Site(usize),
}

/// A question not yet built: its topic and subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seed {
    topic: Topic,
    subject: Subject,
}

/// How a topic over one relation asks: the kind word of the query, the relation and
/// the direction it is read in from the subject, the kinds of its answers, and how
/// many answers a question may have.
struct SetTopic {
    kind_word: &'static str,
    relation: Relation,
    from_subject: Direction,
    accepts: KindSet,
    min: usize,
    max: usize,
}

const MUSCLES: KindSet = KindSet::of(&[Kind::Muscle, Kind::MusclePart]);
const ATTACHMENTS: KindSet = KindSet::of(&[
    Kind::Bone,
    Kind::Landmark,
    Kind::Tendon,
    Kind::Ligament,
    Kind::Muscle,
    Kind::MusclePart,
]);

fn set_topic(topic: Topic, subject_kind: Kind) -> Option<SetTopic> {
    let plain = |kind_word, relation, from_subject, accepts, max| SetTopic {
        kind_word,
        relation,
        from_subject,
        accepts,
        min: 1,
        max,
    };
    let trunk_word = match subject_kind {
        Kind::Artery => "arteries",
        Kind::Vein => "veins",
        _ => "nerves",
    };
    let nerves = KindSet::of(&[Kind::Nerve]);
    Some(match topic {
        Topic::Innervation => plain(
            "nerves",
            Relation::InnervatedBy,
            Direction::Forward,
            nerves,
            4,
        ),
        Topic::Origin => plain(
            "structures",
            Relation::OriginatesFrom,
            Direction::Forward,
            ATTACHMENTS,
            6,
        ),
        Topic::Insertion => plain(
            "structures",
            Relation::InsertsInto,
            Direction::Forward,
            ATTACHMENTS,
            6,
        ),
        Topic::Supply => plain(
            "arteries",
            Relation::SuppliedBy,
            Direction::Forward,
            KindSet::of(&[Kind::Artery]),
            4,
        ),
        Topic::Action => plain(
            "muscles",
            Relation::Performs,
            Direction::Inverse,
            MUSCLES,
            8,
        ),
        Topic::Continuation => plain(
            trunk_word,
            Relation::ContinuesAs,
            Direction::Forward,
            KindSet::of(&[subject_kind]),
            3,
        ),
        Topic::Branches => SetTopic {
            min: 2,
            ..plain(
                trunk_word,
                Relation::BranchOf,
                Direction::Inverse,
                KindSet::of(&[subject_kind]),
                8,
            )
        },
        Topic::Contents => plain(
            "structures",
            Relation::LocatedIn,
            Direction::Inverse,
            KindSet::ALL,
            10,
        ),
        Topic::Roots | Topic::Lesion | Topic::Localize => return None,
    })
}

/// The structures a question's query answers, read as its key: a set answer's
/// structures; for `lesion`, the muscles it marks lost; for `localize`, the candidates
/// ranked first (`None` when one of them is a site rather than a structure). `None` for
/// answers that are not one of these.
pub fn answer_of(answer: &Answer) -> Option<Vec<StructureId>> {
    match answer {
        Answer::Set(set) if set.total == set.nodes.len() => Some(set.nodes.clone()),
        Answer::Lesion(deficit) => Some(
            deficit
                .muscles
                .iter()
                .filter(|m| m.effect == Effect::Lost)
                .map(|m| m.muscle)
                .collect(),
        ),
        Answer::Localize(ranking) => ranking
            .candidates
            .iter()
            .filter(|c| c.rank == 1)
            .map(|c| match c.lesion {
                Lesion::Node(n) => Some(n),
                Lesion::Site(_) => None,
            })
            .collect(),
        _ => None,
    }
}

/// Draws questions from one atlas.
pub struct Generator<'a> {
    atlas: &'a Atlas,
    sites: Vec<Site>,
}

impl<'a> Generator<'a> {
    /// A generator over `atlas`, with the lesion sites of its data.
    pub fn new(atlas: &'a Atlas) -> Generator<'a> {
        Generator {
            atlas,
            sites: crate::clinical::sites::sites(atlas),
        }
    }

    /// `count` questions for `filter`, the same for the same seed: the topics take
    /// turns (in an order the seed shuffles), each asking about its structures in an
    /// order the seed shuffles. Fewer when the filter admits fewer.
    pub fn quiz(&self, filter: &Filter, count: usize, seed: u64) -> Vec<Question> {
        self.quiz_preferring(filter, count, seed, &|_| true)
    }

    /// As [`Generator::quiz`], but within each topic the questions whose key `prefer`
    /// accepts come first (the shell prefers those never answered or due again).
    pub fn quiz_preferring(
        &self,
        filter: &Filter,
        count: usize,
        seed: u64,
        prefer: &dyn Fn(&str) -> bool,
    ) -> Vec<Question> {
        let mut shuffle = Shuffle::new(seed);
        let mut topics: Vec<Topic> = Topic::ALL
            .into_iter()
            .filter(|t| filter.admits_topic(*t))
            .collect();
        shuffle.shuffle(&mut topics);
        let mut queues: Vec<std::vec::IntoIter<Seed>> = topics
            .iter()
            .map(|t| {
                let mut seeds = self.seeds(*t);
                shuffle.shuffle(&mut seeds);
                // stable: the seed's order within each group
                seeds.sort_by_key(|s| !prefer(&self.key_of(*s)));
                seeds.into_iter()
            })
            .collect();
        let mut out = Vec::new();
        while out.len() < count && !queues.is_empty() {
            queues.retain_mut(|queue| {
                if out.len() >= count {
                    return true;
                }
                for seed in queue.by_ref() {
                    if let Some(q) = self.build(seed).filter(|q| filter.admits_region(q.region)) {
                        out.push(q);
                        return true;
                    }
                }
                false
            });
        }
        out
    }

    /// Every question `filter` admits, by topic and then by key.
    pub fn all(&self, filter: &Filter) -> Vec<Question> {
        Topic::ALL
            .into_iter()
            .filter(|t| filter.admits_topic(*t))
            .flat_map(|t| self.seeds(t))
            .filter_map(|s| self.build(s))
            .filter(|q| filter.admits_region(q.region))
            .collect()
    }

    /// The question a key names, if the data still makes one of it.
    pub fn by_key(&self, key: &str) -> Option<Question> {
        let (topic, id) = key.split_once('/')?;
        let topic = Topic::ALL.into_iter().find(|t| t.word() == topic)?;
        let subject = match topic {
            Topic::Lesion => Subject::Site(self.sites.iter().position(|s| s.id == id)?),
            _ => Subject::Node(self.atlas.by_id(id)?),
        };
        self.build(Seed { topic, subject })
    }

    /// The key a seed's question will have.
    fn key_of(&self, seed: Seed) -> String {
        let id = match seed.subject {
            Subject::Node(n) => self.atlas.node(n).id.as_str(),
            Subject::Site(i) => self.sites.get(i).map_or("", |s| s.id.as_str()),
        };
        format!("{}/{id}", seed.topic.word())
    }

    /// What a topic can ask about, in the data's order.
    fn seeds(&self, topic: Topic) -> Vec<Seed> {
        let atlas = self.atlas;
        let nodes = |kinds: &[Kind]| -> Vec<StructureId> {
            kinds
                .iter()
                .flat_map(|k| atlas.of_kind(*k).iter().copied())
                .collect()
        };
        let subjects: Vec<StructureId> = match topic {
            Topic::Innervation
            | Topic::Roots
            | Topic::Origin
            | Topic::Insertion
            | Topic::Supply => nodes(&[Kind::Muscle]),
            Topic::Action => nodes(&[Kind::Movement]),
            Topic::Continuation => nodes(&[Kind::Nerve, Kind::Artery, Kind::Vein])
                .into_iter()
                .filter(|n| {
                    atlas
                        .neighbours(*n, Relation::ContinuesAs, Direction::Forward)
                        .len()
                        > 0
                })
                .collect(),
            Topic::Branches => nodes(&[Kind::Nerve, Kind::Artery])
                .into_iter()
                .filter(|n| {
                    atlas
                        .neighbours(*n, Relation::BranchOf, Direction::Inverse)
                        .len()
                        > 1
                })
                .collect(),
            Topic::Contents => nodes(&[Kind::Compartment]),
            // each question ranks every candidate lesion: on a larger graph the
            // topic would take hours, and asks nothing
            Topic::Localize if atlas.of_kind(Kind::Nerve).len() > LOCALIZE_NERVE_LIMIT => {
                Vec::new()
            }
            Topic::Localize => nodes(&[Kind::Nerve]),
            Topic::Lesion => {
                return (0..self.sites.len())
                    .map(|i| Seed {
                        topic,
                        subject: Subject::Site(i),
                    })
                    .collect();
            }
        };
        subjects
            .into_iter()
            .map(|n| Seed {
                topic,
                subject: Subject::Node(n),
            })
            .collect()
    }

    fn build(&self, seed: Seed) -> Option<Question> {
        match (seed.topic, seed.subject) {
            (Topic::Lesion, Subject::Site(i)) => self.lesion(self.sites.get(i)?),
            (Topic::Localize, Subject::Node(n)) => self.localize(n),
            (Topic::Roots, Subject::Node(n)) => self.roots(n),
            (topic, Subject::Node(n)) => self.set_question(topic, n),
            _ => None,
        }
    }

    /// A question over one relation: which nerve, artery, origin, … of the subject.
    fn set_question(&self, topic: Topic, subject: StructureId) -> Option<Question> {
        let atlas = self.atlas;
        let spec = set_topic(topic, atlas.kind(subject))?;
        let family = with_parts(atlas, subject);
        // every connection asked about is the texts' standard statement: facts joining
        // the same two structures are versions of one connection (differing in root
        // levels or notes), and one standard version makes the connection standard
        let facts: Vec<(FactId, StructureId, StructureId)> = family
            .iter()
            .flat_map(|n| {
                atlas
                    .neighbours(*n, spec.relation, spec.from_subject)
                    .map(move |(e, other)| (e, *n, other))
            })
            .collect();
        let standard = |from: StructureId, to: StructureId| {
            facts
                .iter()
                .any(|(e, f, t)| *f == from && *t == to && atlas.is_standard(*e))
        };
        if facts.is_empty() || !facts.iter().all(|(_, f, t)| standard(*f, *t)) {
            return None;
        }
        let query = format!(
            "{} {} {}",
            spec.kind_word,
            spec.relation.name(spec.from_subject.flip()),
            query_name(atlas, subject)
        );
        let (answer, full) = self.key(&query)?;
        if answer.len() < spec.min || answer.len() > spec.max {
            return None;
        }
        let Answer::Set(set) = &full else {
            return None;
        };
        // the facts between the subject and the answer, through the parts that carry them
        let mut involved = family;
        involved.extend(answer.iter().copied());
        involved.extend(set.via.iter().flatten().flat_map(|t| t.nodes()));
        let edges: Vec<FactId> = atlas
            .facts_among(&involved)
            .into_iter()
            .filter(|e| atlas.fact(*e).relation == spec.relation && atlas.is_standard(*e))
            .collect();
        let text = set_text(atlas, topic, subject, answer.len());
        Some(self.question(topic, subject, text, query, answer, &edges, spec.accepts))
    }

    /// A muscle's root value: its standard levels.
    fn roots(&self, muscle: StructureId) -> Option<Question> {
        let atlas = self.atlas;
        let family = with_parts(atlas, muscle);
        let facts: Vec<FactId> = family
            .iter()
            .flat_map(|n| atlas.neighbours(*n, Relation::InnervatedBy, Direction::Forward))
            .map(|(e, _)| e)
            .filter(|e| !atlas.fact(*e).roots.is_empty())
            .collect();
        if facts.is_empty() || !facts.iter().all(|e| atlas.is_standard(*e)) {
            return None;
        }
        let query = format!("roots innervates {}", query_name(atlas, muscle));
        let (answer, _) = self.key(&query)?;
        if answer.is_empty() || !answer.iter().all(|r| atlas.is_standard_level(muscle, *r)) {
            return None;
        }
        let edges: Vec<FactId> = facts
            .into_iter()
            .filter(|e| atlas.fact(*e).roots.iter().any(|r| answer.contains(r)))
            .collect();
        let text = format!("What is the root value of {}?", display_name(atlas, muscle));
        Some(self.question(
            Topic::Roots,
            muscle,
            text,
            query,
            answer,
            &edges,
            KindSet::of(&[Kind::Root]),
        ))
    }

    /// Which muscles a nerve lesion at one of the clinical tables' sites takes away.
    fn lesion(&self, site: &Site) -> Option<Question> {
        let atlas = self.atlas;
        let query = format!(
            "lesion {} at {}",
            query_name(atlas, site.nerve),
            query_name(atlas, site.at)
        );
        let (answer, full) = self.key(&query)?;
        let Answer::Lesion(deficit) = &full else {
            return None;
        };
        if !matches!(&deficit.lesion, Lesion::Site(s) if s.id == site.id)
            || answer.is_empty()
            || answer.len() > 14
        {
            return None;
        }
        let mut edges = innervation_facts(atlas, &answer);
        edges.retain(|e| deficit.nerves.contains(&atlas.ends(*e).1));
        let text = format!(
            "Which muscles are lost in a lesion of the {}?",
            lower_first(&site.name)
        );
        let mut q = self.question(
            Topic::Lesion,
            site.nerve,
            text,
            query,
            answer,
            &edges,
            MUSCLES,
        );
        q.key = format!("{}/{}", Topic::Lesion.word(), site.id);
        let mut sources = site.sources.clone();
        sources.extend(
            q.sources
                .iter()
                .copied()
                .filter(|s| !site.sources.contains(s)),
        );
        q.sources = sources;
        Some(q)
    }

    /// Which single lesion explains the muscles a nerve's lesion takes away and the
    /// skin it leaves numb: asked only when `localize` ranks that nerve alone first.
    fn localize(&self, nerve: StructureId) -> Option<Question> {
        let atlas = self.atlas;
        let (_, full) = self.key(&format!("lesion {}", query_name(atlas, nerve)))?;
        let Answer::Lesion(deficit) = &full else {
            return None;
        };
        let weak: Vec<StructureId> = deficit
            .muscles
            .iter()
            .filter(|m| m.effect == Effect::Lost && atlas.kind(m.muscle) == Kind::Muscle)
            .map(|m| m.muscle)
            .take(3)
            .collect();
        let numb: Vec<StructureId> = deficit
            .skin
            .iter()
            .filter(|s| s.effect == Effect::Lost && atlas.kind(s.node) == Kind::SkinArea)
            .map(|s| s.node)
            .take(1)
            .collect();
        if weak.is_empty() || weak.len() + numb.len() < 2 {
            return None;
        }
        let list = |nodes: &[StructureId]| {
            nodes
                .iter()
                .map(|n| quoted(&atlas.node(*n).name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut query = format!("localize weak {}", list(&weak));
        if !numb.is_empty() {
            query.push_str(&format!(" numb {}", list(&numb)));
        }
        let (answer, _) = self.key(&query)?;
        if answer != [nerve] {
            return None;
        }
        let names = |nodes: &[StructureId]| {
            let names: Vec<String> = nodes.iter().map(|n| display_name(atlas, *n)).collect();
            join_and(&names)
        };
        let mut text = format!("Weak {}", names(&weak));
        if !numb.is_empty() {
            text.push_str(&format!("; numb {}", lower_first(&names(&numb))));
        }
        text.push_str(". Which single lesion explains these findings?");
        let mut findings = weak.clone();
        findings.extend(numb.iter().copied());
        let edges = innervation_facts(atlas, &findings);
        let mut q = self.question(
            Topic::Localize,
            nerve,
            text,
            query,
            answer,
            &edges,
            KindSet::of(&[Kind::Nerve, Kind::Root]),
        );
        // a nerve placed in no region belongs where its findings are
        q.region = q.region.or_else(|| region_of(atlas, nerve, &findings));
        Some(q)
    }

    /// A query's key, and its answer, when the key is the same with `including
    /// disputed`: no disputed fact changes it.
    fn key(&self, query: &str) -> Option<(Vec<StructureId>, Answer)> {
        let (_, answer) = crate::query::run(self.atlas, query).ok()?;
        let key = answer_of(&answer)?;
        let (_, disputed) =
            crate::query::run(self.atlas, &format!("{query} including disputed")).ok()?;
        (answer_of(&disputed)? == key).then_some((key, answer))
    }

    #[allow(clippy::too_many_arguments)]
    fn question(
        &self,
        topic: Topic,
        subject: StructureId,
        text: String,
        query: String,
        answer: Vec<StructureId>,
        edges: &[FactId],
        accepts: KindSet,
    ) -> Question {
        let atlas = self.atlas;
        let region = region_of(atlas, subject, &answer);
        Question {
            key: format!("{}/{}", topic.word(), atlas.node(subject).id),
            topic,
            region,
            text,
            query,
            answer,
            sources: sources_of(atlas, edges),
            accepts,
        }
    }
}

/// The region a question belongs to: its subject's, else that of the joint a movement
/// occurs at, else the one most of its answer lies in (more than half of it).
fn region_of(atlas: &Atlas, subject: StructureId, answer: &[StructureId]) -> Option<StructureId> {
    if let Some(r) = atlas.region_of(subject) {
        return Some(r);
    }
    let joints: Vec<StructureId> = atlas
        .neighbours(subject, Relation::OccursAt, Direction::Forward)
        .filter(|(e, _)| atlas.is_standard(*e))
        .filter_map(|(_, joint)| atlas.region_of(joint))
        .collect();
    if let [first, rest @ ..] = joints.as_slice() {
        if rest.iter().all(|r| r == first) {
            return Some(*first);
        }
    }
    let mut counts: BTreeMap<StructureId, usize> = BTreeMap::new();
    for r in answer.iter().filter_map(|n| atlas.region_of(*n)) {
        *counts.entry(r).or_default() += 1;
    }
    counts
        .into_iter()
        .find(|(_, n)| 2 * n > answer.len())
        .map(|(r, _)| r)
}

/// A structure and its parts (a muscle's heads), which carry facts of the whole.
fn with_parts(atlas: &Atlas, node: StructureId) -> Vec<StructureId> {
    let mut out = vec![node];
    out.extend(
        atlas
            .neighbours(node, Relation::PartOf, Direction::Inverse)
            .filter(|(e, p)| atlas.is_standard(*e) && atlas.kind(*p) == Kind::MusclePart)
            .map(|(_, p)| p),
    );
    out
}

/// The standard innervation facts of these structures and their parts.
fn innervation_facts(atlas: &Atlas, nodes: &[StructureId]) -> Vec<FactId> {
    nodes
        .iter()
        .flat_map(|n| with_parts(atlas, *n))
        .flat_map(|n| atlas.neighbours(n, Relation::InnervatedBy, Direction::Forward))
        .map(|(e, _)| e)
        .filter(|e| atlas.is_standard(*e))
        .collect()
}

/// The sources of these facts, those cited most often first, then in the data's order.
fn sources_of(atlas: &Atlas, edges: &[FactId]) -> Vec<SourceId> {
    let mut counts: BTreeMap<SourceId, (usize, usize)> = BTreeMap::new();
    let mut order = 0;
    for e in edges {
        for s in atlas.fact(*e).sources.iter() {
            let entry = counts.entry(*s).or_insert((0, order));
            entry.0 += 1;
            order += 1;
        }
    }
    let mut out: Vec<(SourceId, (usize, usize))> = counts.into_iter().collect();
    out.sort_by_key(|(_, (count, first))| (std::cmp::Reverse(*count), *first));
    out.into_iter().map(|(s, _)| s).collect()
}

/// How a query names a structure: its name when that names it alone, else its id.
fn query_name(atlas: &Atlas, node: StructureId) -> String {
    let s = atlas.node(node);
    let exact: Vec<StructureId> = atlas
        .named_ranked(&normalize(&s.name))
        .filter(|(_, rank)| *rank == 0)
        .map(|(n, _)| n)
        .collect();
    if exact == [node] {
        quoted(&s.name.to_lowercase())
    } else {
        quoted(&s.id)
    }
}

fn quoted(name: &str) -> String {
    if name.contains('"') {
        format!("'{name}'")
    } else {
        format!("\"{name}\"")
    }
}

/// A name inside a sentence: muscles keep their capital (`Soleus`), other names are
/// lowered (`the deep fibular nerve`) unless they start with an abbreviation (`L5`).
fn display_name(atlas: &Atlas, node: StructureId) -> String {
    let s = atlas.node(node);
    match s.kind {
        Kind::Muscle | Kind::MusclePart => s.name.to_string(),
        _ => lower_first(&s.name),
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

/// `A`, `A and B`, `A, B and C`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn set_text(atlas: &Atlas, topic: Topic, subject: StructureId, count: usize) -> String {
    let name = display_name(atlas, subject);
    let several = count > 1;
    let how_many = if several {
        format!(" (name {count})")
    } else {
        String::new()
    };
    match topic {
        Topic::Innervation if several => format!("Which nerves supply {name}?{how_many}"),
        Topic::Innervation => format!("Which nerve supplies {name}?"),
        Topic::Origin => format!("Where does {name} arise?{how_many}"),
        Topic::Insertion => format!("Where does {name} insert?{how_many}"),
        Topic::Supply if several => format!("Which arteries supply {name}?{how_many}"),
        Topic::Supply => format!("Which artery supplies {name}?"),
        Topic::Action if several => format!("Which muscles perform {name}?{how_many}"),
        Topic::Action => format!("Which muscle performs {name}?"),
        Topic::Continuation => format!("What does the {name} become?{how_many}"),
        Topic::Branches => format!("Which named branches leave the {name}?{how_many}"),
        Topic::Contents => format!("What lies in the {name}?{how_many}"),
        Topic::Roots | Topic::Lesion | Topic::Localize => format!("{name}?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_its_querys_answer_for_several_seeds() {
        let atlas = crate::bundled().unwrap();
        let generator = Generator::new(&atlas);
        for seed in [1, 2, 3, 42, 1000] {
            let quiz = generator.quiz(&Filter::default(), 15, seed);
            assert_eq!(quiz.len(), 15, "seed {seed}");
            for q in &quiz {
                let (_, answer) = crate::query::run(&atlas, &q.query).unwrap();
                assert!(super::super::answers_question(q, &answer), "{q:?}");
                assert!(!q.answer.is_empty() && !q.sources.is_empty(), "{q:?}");
            }
            assert_eq!(quiz, generator.quiz(&Filter::default(), 15, seed));
        }
        assert_ne!(
            generator.quiz(&Filter::default(), 5, 1),
            generator.quiz(&Filter::default(), 5, 2)
        );
    }

    #[test]
    fn questions_preferred_come_first_and_keys_are_known_before_building() {
        let atlas = crate::bundled().unwrap();
        let generator = Generator::new(&atlas);
        let filter = Filter {
            region: None,
            topics: vec![Topic::Innervation],
        };
        let first = generator.quiz(&filter, 5, 3);
        let asked: Vec<String> = first.iter().map(|q| q.key.clone()).collect();
        let next = generator.quiz_preferring(&filter, 5, 3, &|key| !asked.iter().any(|a| a == key));
        assert_eq!(next.len(), 5);
        assert!(next.iter().all(|q| !asked.contains(&q.key)));
        for seed in generator
            .seeds(Topic::Lesion)
            .into_iter()
            .chain(generator.seeds(Topic::Roots))
        {
            if let Some(q) = generator.build(seed) {
                assert_eq!(generator.key_of(seed), q.key);
            }
        }
    }

    #[test]
    fn every_topic_asks_questions_of_the_bundled_data() {
        let atlas = crate::bundled().unwrap();
        let generator = Generator::new(&atlas);
        for topic in Topic::ALL {
            let filter = Filter {
                region: None,
                topics: vec![topic],
            };
            let quiz = generator.quiz(&filter, 3, 5);
            assert_eq!(quiz.len(), 3, "{topic}");
            for q in quiz {
                assert_eq!(q.topic, topic);
                assert_eq!(generator.by_key(&q.key).as_ref(), Some(&q));
            }
        }
    }

    #[test]
    fn a_disputed_fact_is_never_the_key() {
        let atlas = crate::bundled().unwrap();
        let generator = Generator::new(&atlas);
        // pectineus's innervation is disputed (femoral, and the obturator nerve in
        // some texts): no innervation question about it
        let pectineus = atlas.by_id("pectineus").unwrap();
        assert!(
            atlas
                .neighbours(pectineus, Relation::InnervatedBy, Direction::Forward)
                .any(|(e, _)| !atlas.is_standard(e))
        );
        assert_eq!(generator.by_key("innervation/pectineus"), None);
        // soleus's is not
        let soleus = generator.by_key("innervation/soleus").unwrap();
        assert_eq!(soleus.text, "Which nerve supplies Soleus?");
        assert_eq!(soleus.query, "nerves innervates \"soleus\"");
        assert_eq!(soleus.answer_names(&atlas), "Tibial nerve");
        assert_eq!(soleus.region_id(&atlas), Some("lower-limb"));
    }

    #[test]
    fn questions_about_structures_in_no_region_take_their_answers_region() {
        let atlas = crate::bundled().unwrap();
        let generator = Generator::new(&atlas);
        for key in ["action/shoulder-adduction", "localize/axillary-nerve"] {
            let q = generator.by_key(key).unwrap();
            let subject = atlas.by_id(key.split_once('/').unwrap().1).unwrap();
            assert_eq!(atlas.region_of(subject), None, "{key}");
            assert_eq!(q.region_id(&atlas), Some("upper-limb"), "{key}");
        }
        // the psoas lies on the posterior abdominal wall, in no region of the limbs
        let psoas = generator.by_key("origin/psoas-major").unwrap();
        assert_eq!(psoas.region, None);
    }

    #[test]
    fn names_in_sentences() {
        assert_eq!(lower_first("Deep fibular nerve"), "deep fibular nerve");
        assert_eq!(lower_first("L5"), "L5");
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
