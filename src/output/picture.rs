//! A [`Scene`] arranged for drawing, shared by DOT and SVG: facts between the same two
//! structures merged into one line, root levels merged and marked where references
//! differ, muscles boxed by compartment and heads by their muscle, and which way each
//! line should point so that trees read top to bottom.

use super::Scene;
use crate::graph::Atlas;
use crate::graph::model::{Direction, Kind, Relation};
use crate::graph::{FactId, StructureId};
use std::collections::{BTreeMap, HashSet};

/// One line between two structures: every fact of one relation between them.
pub struct Line {
    pub subject: StructureId,
    pub object: StructureId,
    pub relation: Relation,
    /// What the colour cannot say: root levels, a muscle's assisting role.
    pub label: Option<String>,
    /// No fact on the line is the standard statement (minority, variant or single-source).
    pub disputed: bool,
}

impl Line {
    /// Whether the object is drawn above the subject: a nerve above its branches and
    /// the muscles it supplies, a bone above its landmarks, a compartment above what
    /// it contains.
    pub fn object_above(&self) -> bool {
        matches!(
            self.relation,
            Relation::BranchOf
                | Relation::PartOf
                | Relation::TributaryOf
                | Relation::InnervatedBy
                | Relation::SuppliedBy
                | Relation::DrainedBy
                | Relation::LocatedIn
                | Relation::MemberOf
        )
    }
}

/// A compartment's box: its muscles, each muscle with its heads in a box of its own.
pub struct Cluster {
    pub compartment: StructureId,
    /// Structures in the compartment that are not heads of a boxed muscle.
    pub members: Vec<StructureId>,
    /// A muscle (drawn when it is in the scene) and its heads in the scene.
    pub muscles: BTreeMap<StructureId, Vec<StructureId>>,
}

pub struct Picture {
    pub title: String,
    pub subtitle: Option<String>,
    pub clusters: Vec<Cluster>,
    /// Structures in no box.
    pub loose: Vec<StructureId>,
    pub lines: Vec<Line>,
    pub answer: HashSet<StructureId>,
    /// Whether the compartment of a cluster is also in the scene (then the box stands
    /// for it and it is not drawn again as a node).
    pub boxed: HashSet<StructureId>,
    /// Kinds and relations drawn, for the legend, in their usual order.
    pub kinds: Vec<Kind>,
    pub relations: Vec<Relation>,
    /// Whether some line lists a root level that only some references give.
    pub partial_roots: bool,
    shown: HashSet<StructureId>,
}

impl Picture {
    /// `boxes`: whether the drawing arranges its own boxes (DOT); the built-in SVG
    /// boxes compartments after placing them side by side.
    pub fn of(atlas: &Atlas, scene: Scene, boxes: bool) -> Picture {
        let in_scene: HashSet<StructureId> = scene.nodes.iter().copied().collect();
        let (clusters, loose, boxed) = if boxes {
            arrange(atlas, &scene.nodes, &in_scene)
        } else {
            (Vec::new(), scene.nodes.clone(), HashSet::new())
        };
        let shown_by_box = |s: StructureId, o: StructureId, relation: Relation| {
            // a box says "located in" and "head of" already
            (relation == Relation::LocatedIn && boxed.contains(&o) && in_box(&clusters, o, s))
                || (relation == Relation::PartOf
                    && atlas.node(s).kind == Kind::MusclePart
                    && clusters
                        .iter()
                        .any(|c| c.muscles.get(&o).is_some_and(|heads| heads.contains(&s))))
        };
        let mut grouped: BTreeMap<(StructureId, StructureId, Relation), Vec<FactId>> =
            BTreeMap::new();
        for e in &scene.edges {
            let (s, o) = atlas.ends(*e);
            let relation = atlas.fact(*e).relation;
            if !shown_by_box(s, o, relation) {
                grouped.entry((s, o, relation)).or_default().push(*e);
            }
        }
        let mut partial_roots = false;
        let lines: Vec<Line> = grouped
            .into_iter()
            .map(|((subject, object, relation), facts)| {
                let (label, partial) = line_label(atlas, subject, &facts);
                partial_roots |= partial;
                let disputed = facts.iter().all(|e| !atlas.is_standard(*e));
                Line {
                    subject,
                    object,
                    relation,
                    label,
                    disputed,
                }
            })
            .collect();
        let mut kinds: Vec<Kind> = scene
            .nodes
            .iter()
            .filter(|n| !boxed.contains(n))
            .map(|n| atlas.node(*n).kind)
            .collect();
        kinds.sort();
        kinds.dedup();
        let mut relations: Vec<Relation> = lines.iter().map(|l| l.relation).collect();
        relations.sort();
        relations.dedup();
        Picture {
            title: scene.title,
            subtitle: scene.subtitle,
            clusters,
            loose,
            lines,
            answer: scene.answer,
            boxed,
            kinds,
            relations,
            partial_roots,
            shown: in_scene,
        }
    }

    /// Every structure drawn as a node, boxed or not.
    pub fn drawn_nodes(&self) -> Vec<StructureId> {
        let mut out = Vec::new();
        for c in &self.clusters {
            out.extend(c.members.iter().copied());
            for (whole, heads) in &c.muscles {
                if self.is_drawn_whole(*whole) {
                    out.push(*whole);
                }
                out.extend(heads.iter().copied());
            }
        }
        out.extend(self.loose.iter().copied());
        out
    }

    /// The structures drawn inside one box.
    pub fn drawn_nodes_of(&self, cluster: &Cluster) -> Vec<StructureId> {
        let mut out = cluster.members.clone();
        for (whole, heads) in &cluster.muscles {
            if self.is_drawn_whole(*whole) {
                out.push(*whole);
            }
            out.extend(heads.iter().copied());
        }
        out
    }

    /// A muscle with heads is drawn inside its box only when it is in the scene.
    pub fn is_drawn_whole(&self, whole: StructureId) -> bool {
        self.shown.contains(&whole)
    }
}

fn in_box(clusters: &[Cluster], compartment: StructureId, n: StructureId) -> bool {
    clusters.iter().any(|c| {
        c.compartment == compartment
            && (c.members.contains(&n)
                || c.muscles.contains_key(&n)
                || c.muscles.values().any(|heads| heads.contains(&n)))
    })
}

/// Muscles by compartment (heads by their muscle's, when they state none), and
/// anything else located in a compartment that is itself in the scene.
fn arrange(
    atlas: &Atlas,
    nodes: &[StructureId],
    in_scene: &HashSet<StructureId>,
) -> (Vec<Cluster>, Vec<StructureId>, HashSet<StructureId>) {
    // a muscle's box is its compartment, never a passage its tendon crosses (flexor
    // hallucis longus is in the deep posterior compartment, its tendon in the tarsal
    // tunnel); anything else is boxed in what it is located in, where that is drawn
    let compartment_of = |n: StructureId| {
        let mut places = atlas
            .neighbours(n, Relation::LocatedIn, Direction::Forward)
            .map(|(_, c)| c);
        match atlas.kind(n) {
            Kind::Muscle | Kind::MusclePart => places.find(|c| atlas.kind(*c) == Kind::Compartment),
            _ => places.find(|c| in_scene.contains(c)),
        }
    };
    let mut by_compartment: BTreeMap<StructureId, Cluster> = BTreeMap::new();
    let mut loose = Vec::new();
    for &n in nodes {
        let kind = atlas.node(n).kind;
        let whole = (kind == Kind::MusclePart)
            .then(|| atlas.whole_of(n))
            .flatten();
        let compartment = compartment_of(n).or_else(|| whole.and_then(compartment_of));
        let boxed = match compartment {
            Some(c) if matches!(kind, Kind::Muscle | Kind::MusclePart) => Some(c),
            // nerves and vessels run through several regions: boxed only when the
            // compartment is itself drawn, where the box stands for it
            Some(c) if in_scene.contains(&c) && c != n => Some(c),
            _ => None,
        };
        let Some(c) = boxed else {
            loose.push(n);
            continue;
        };
        let cluster = by_compartment.entry(c).or_insert_with(|| Cluster {
            compartment: c,
            members: Vec::new(),
            muscles: BTreeMap::new(),
        });
        match whole {
            Some(w) => cluster.muscles.entry(w).or_default().push(n),
            None => cluster.members.push(n),
        }
    }
    // a muscle whose heads are boxed is drawn in its heads' box
    for cluster in by_compartment.values_mut() {
        let wholes: Vec<StructureId> = cluster.muscles.keys().copied().collect();
        cluster.members.retain(|m| !wholes.contains(m));
    }
    let boxed: HashSet<StructureId> = by_compartment
        .keys()
        .copied()
        .filter(|c| in_scene.contains(c))
        .collect();
    let wholes: HashSet<StructureId> = by_compartment
        .values()
        .flat_map(|c| c.muscles.keys().copied())
        .collect();
    loose.retain(|n| !boxed.contains(n) && !wholes.contains(n));
    (by_compartment.into_values().collect(), loose, boxed)
}

/// Root levels of every innervation fact on the line, the subject's minority levels in
/// brackets; `assisting` for an assisting action.
fn line_label(atlas: &Atlas, subject: StructureId, facts: &[FactId]) -> (Option<String>, bool) {
    let versions: Vec<&[StructureId]> = facts
        .iter()
        .map(|e| &*atlas.fact(*e).roots)
        .filter(|r| !r.is_empty())
        .collect();
    let mut words = Vec::new();
    let mut partial = false;
    if !versions.is_empty() {
        let mut all: Vec<StructureId> = versions.iter().flat_map(|v| v.iter().copied()).collect();
        all.sort_by_key(|r| atlas.node(*r).id.to_string());
        all.sort_by_key(|r| root_order(atlas.node(*r).id.as_str()));
        all.dedup();
        let levels: Vec<String> = all
            .iter()
            .map(|r| {
                let name = atlas.node(*r).name.to_string();
                if atlas.is_standard_level(subject, *r) {
                    name
                } else {
                    partial = true;
                    format!("[{name}]")
                }
            })
            .collect();
        words.push(levels.join(", "));
    }
    let assisting = facts
        .iter()
        .all(|e| atlas.fact(*e).role == Some(crate::graph::model::Role::Assisting));
    if assisting {
        words.push("assisting".to_string());
    }
    ((!words.is_empty()).then(|| words.join(" ")), partial)
}

/// Spinal levels in body order: L1 … L5 before S1 … S4.
fn root_order(id: &str) -> (u8, u32) {
    let region = match id.chars().next() {
        Some('c') => 0,
        Some('t') => 1,
        Some('l') => 2,
        Some('s') => 3,
        _ => 4,
    };
    (
        region,
        id.get(1..).and_then(|n| n.parse().ok()).unwrap_or(0),
    )
}
