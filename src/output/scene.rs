//! What a picture of an answer shows: the structures, the facts among them, which
//! structures are the answer itself, and a title. DOT, SVG and the exports of a
//! query's subgraph all start here.

use crate::graph::Atlas;
use crate::graph::model::Direction;
use crate::graph::{FactId, StructureId};
use crate::query::Answer;
use std::collections::HashSet;

/// What to draw: structures, the facts between them, and which structures are the
/// answer itself (drawn bold).
#[derive(Debug, Clone)]
pub struct Scene {
    /// The query when known, else what the answer is ("33 structures").
    pub title: String,
    /// What the answer is, when the title is the query.
    pub subtitle: Option<String>,
    /// The structures to draw.
    pub nodes: Vec<StructureId>,
    /// The facts among them to draw.
    pub edges: Vec<FactId>,
    /// The structures that are the answer itself, drawn bold.
    pub answer: HashSet<StructureId>,
}

impl Scene {
    /// The scene of `answer`, titled with `query` when given.
    pub fn of(atlas: &Atlas, answer: &Answer, query: Option<&str>) -> Scene {
        let mut scene = Scene::described(atlas, answer);
        if let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) {
            let summary = std::mem::replace(&mut scene.title, q.to_string());
            scene.subtitle = Some(summary).filter(|s| !s.is_empty() && s != q);
        }
        scene
    }

    fn described(atlas: &Atlas, answer: &Answer) -> Scene {
        match answer {
            Answer::Set(set) => {
                let mut nodes = set.nodes.clone();
                // the heads and divisions an answer holds through, so that the facts
                // stated on them are drawn
                nodes.extend(set.via.iter().flatten().flat_map(|t| t.nodes()));
                nodes.extend(set.context(atlas));
                let title = match set.nodes.len() {
                    1 => "1 structure".to_string(),
                    n => format!("{n} structures"),
                };
                Scene::induced(atlas, &title, nodes, set.nodes.iter().copied().collect())
            }
            Answer::Count(n) => Scene {
                title: format!("count: {n}"),
                subtitle: None,
                nodes: Vec::new(),
                edges: Vec::new(),
                answer: HashSet::new(),
            },
            Answer::Show(n) => {
                // newest first each way, as the structure's own lists hold them
                let edges: Vec<FactId> = atlas
                    .facts_at(*n, Direction::Forward)
                    .into_iter()
                    .chain(atlas.facts_at(*n, Direction::Inverse))
                    .map(|(e, _, _)| e)
                    .collect();
                let mut nodes = vec![*n];
                for e in &edges {
                    let (s, o) = atlas.ends(*e);
                    for x in [s, o] {
                        if !nodes.contains(&x) {
                            nodes.push(x);
                        }
                    }
                }
                Scene {
                    title: atlas.node(*n).name.to_string(),
                    subtitle: None,
                    nodes,
                    edges,
                    answer: HashSet::from([*n]),
                }
            }
            Answer::Path { path, from, to } => {
                let paths: Vec<_> = path.iter().cloned().collect();
                Scene::paths(atlas, *from, *to, &paths)
            }
            Answer::Paths {
                paths, from, to, ..
            } => Scene::paths(atlas, *from, *to, paths),
            Answer::Why(w) => {
                let mut edges: Vec<FactId> = w.asserted.clone();
                if let Some(p) = &w.inferred {
                    edges.extend(p.steps.iter().map(|s| s.edge));
                }
                let mut nodes = vec![w.subject, w.target];
                for e in &edges {
                    let (s, o) = atlas.ends(*e);
                    nodes.extend([s, o]);
                }
                dedup(&mut nodes);
                Scene {
                    subtitle: None,
                    title: format!(
                        "why {} {} {}",
                        atlas.node(w.subject).name,
                        w.relation.name(w.direction),
                        atlas.node(w.target).name
                    ),
                    nodes,
                    edges,
                    answer: HashSet::from([w.subject, w.target]),
                }
            }
            Answer::Around(g) => Scene {
                subtitle: None,
                title: g
                    .center
                    .map(|c| format!("around {}", atlas.node(c).name))
                    .unwrap_or_default(),
                nodes: g.nodes.clone(),
                edges: g.edges.clone(),
                answer: g.center.into_iter().collect(),
            },
            Answer::Lesion(_) | Answer::Localize(_) => Scene::clinical(atlas, answer),
            Answer::BedsideSign(sign) => {
                let nodes: Vec<StructureId> = sign.findings.iter().map(|(_, n)| *n).collect();
                Scene {
                    subtitle: None,
                    title: sign.name.to_string(),
                    edges: Vec::new(),
                    answer: nodes.iter().copied().collect(),
                    nodes,
                }
            }
        }
    }

    /// A lesion's territory on the nerve tree: the nerves it interrupts and the muscles
    /// and skin areas they supply, those wholly lost drawn bold. For `localize`, the
    /// best candidate's territory.
    fn clinical(atlas: &Atlas, answer: &Answer) -> Scene {
        let (title, deficit) = match answer {
            Answer::Lesion(d) => (format!("lesion of {}", d.lesion.name(atlas)), Some(d)),
            Answer::Localize(r) => match &r.best {
                Some(d) => (format!("best candidate: {}", d.lesion.name(atlas)), Some(d)),
                None => ("no candidate".to_string(), None),
            },
            _ => (String::new(), None),
        };
        let Some(d) = deficit else {
            return Scene::induced(atlas, &title, Vec::new(), HashSet::new());
        };
        let mut nodes = vec![d.lesion.node()];
        nodes.extend(d.nerves.iter().copied());
        nodes.extend(d.muscles.iter().map(|m| m.muscle));
        nodes.extend(d.skin.iter().map(|s| s.node));
        let lost: HashSet<StructureId> = d
            .muscles
            .iter()
            .filter(|m| m.effect == crate::clinical::Effect::Lost)
            .map(|m| m.muscle)
            .chain(
                d.skin
                    .iter()
                    .filter(|s| s.effect == crate::clinical::Effect::Lost)
                    .map(|s| s.node),
            )
            .collect();
        Scene::induced(atlas, &title, nodes, lost)
    }

    /// The given structures and every fact among them.
    fn induced(
        atlas: &Atlas,
        title: &str,
        mut nodes: Vec<StructureId>,
        answer: HashSet<StructureId>,
    ) -> Scene {
        dedup(&mut nodes);
        let edges = atlas.facts_among(&nodes);
        Scene {
            title: title.to_string(),
            subtitle: None,
            nodes,
            edges,
            answer,
        }
    }

    fn paths(
        atlas: &Atlas,
        from: StructureId,
        to: StructureId,
        paths: &[crate::query::eval::Path],
    ) -> Scene {
        let mut nodes = vec![from, to];
        let mut edges = Vec::new();
        for p in paths {
            nodes.extend(p.nodes.iter().copied());
            edges.extend(p.steps.iter().map(|s| s.edge));
        }
        dedup(&mut nodes);
        edges.sort();
        edges.dedup();
        Scene {
            title: format!("{} to {}", atlas.node(from).name, atlas.node(to).name),
            subtitle: None,
            nodes,
            edges,
            answer: HashSet::from([from, to]),
        }
    }
}

fn dedup(nodes: &mut Vec<StructureId>) {
    let mut seen = HashSet::new();
    nodes.retain(|n| seen.insert(*n));
}
