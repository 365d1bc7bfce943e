//! AST → [`Plan`]: structure names resolved to nodes, directed by the kinds each
//! position accepts, and relations checked against the kinds they connect.

use super::ast::*;
use super::error::QueryError;
use crate::clinical::{Finding, Lesion, Sign, Site};
use crate::graph::StructureId;
use crate::graph::clinical::SignDef;
use crate::graph::model::{Direction, Kind, KindSet, Relation};
use crate::graph::{Atlas, normalize, strip_kind_word};

/// A query with every name resolved: what the evaluator runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// `muscles innervated-by tibial limit 5`: the structures a set expression finds.
    Set {
        /// The structures to find.
        expr: PSet,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
        /// `including contributing`: contributing root levels count as well as
        /// principal ones.
        contributing: bool,
        /// `limit 5`: list at most this many of them.
        limit: Option<usize>,
    },
    /// `count muscles innervated-by tibial`: how many structures a set expression
    /// finds.
    Count {
        /// The structures to count.
        expr: PSet,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
        /// `including contributing`: contributing root levels count as well as
        /// principal ones.
        contributing: bool,
        /// `limit 5`: count no higher than this.
        limit: Option<usize>,
    },
    /// `show soleus`: everything about one structure.
    Show(StructureId),
    /// `show "wrist drop"`: a bedside sign and the findings it stands for.
    BedsideSign(SignDef),
    /// `path soleus to sciatic`: the chain of facts that best explains how two
    /// structures connect.
    Path {
        /// The structure the path starts at.
        from: StructureId,
        /// The structure the path ends at.
        to: StructureId,
        /// The only relations the path may use, in either direction; any relation when
        /// empty.
        via: Vec<Relation>,
    },
    /// `paths soleus to sciatic max 4`: every simple path of up to `max` facts.
    Paths {
        /// The structure the paths start at.
        from: StructureId,
        /// The structure the paths end at.
        to: StructureId,
        /// The most facts in a path, 1 to [`LARGEST_PATHS_MAX`]: as the query gave it,
        /// else [`DEFAULT_PATHS_MAX`].
        max: usize,
        /// The only relations the paths may use, in either direction; any relation when
        /// empty.
        via: Vec<Relation>,
    },
    /// `why soleus inserts-into* calcaneus`: the chain of facts behind an answer.
    Why {
        /// The structure the answer is about.
        subject: StructureId,
        /// The relation asked about.
        relation: Relation,
        /// Which way the relation was read: forward (`inserts-into`) or inverse.
        direction: Direction,
        /// `*`: the relation also reaches what lies under its target.
        star: bool,
        /// The structure at the relation's other end.
        target: StructureId,
    },
    /// `around soleus depth 2`: a structure's neighbourhood.
    Around {
        /// The structure at the centre.
        center: StructureId,
        /// How many facts away to look, 1 to [`LARGEST_DEPTH`]: as the query gave it,
        /// else [`DEFAULT_DEPTH`].
        depth: usize,
    },
    /// `lesion radial at "spiral groove"`: what a lesion takes away.
    Lesion {
        /// The nerve or root injured, or a known site of injury along a nerve.
        lesion: Lesion,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
    },
    /// `localize weak "tibialis anterior"`: the single lesions that best explain the
    /// findings.
    Localize {
        /// Each structure found and its sign; a bedside sign replaced by the findings
        /// it stands for.
        findings: Vec<Finding>,
        /// `including disputed`: minority, variant and single-source facts count too.
        disputed: bool,
    },
}

/// A set expression with its names resolved: a [`SetExpr`] the evaluator runs.
#[derive(Debug, Clone, PartialEq)]
pub enum PSet {
    /// `muscles innervated-by tibial`: the structures of some kinds, with a condition
    /// on them or none.
    Select {
        /// The kinds the kind word selects (`muscles` includes heads and parts).
        kinds: KindSet,
        /// What the structures must satisfy; every structure of the kinds when `None`.
        condition: Option<PCond>,
    },
    /// `A and B`: the structures in both.
    And(Box<PSet>, Box<PSet>),
    /// `A or B`: the structures in either.
    Or(Box<PSet>, Box<PSet>),
    /// `A except B`: the structures in `A` and not in `B`.
    Except(Box<PSet>, Box<PSet>),
}

/// A condition with its names resolved: a [`Condition`] the evaluator runs.
#[derive(Debug, Clone, PartialEq)]
pub enum PCond {
    /// `innervated-by* sciatic`: the structures that have the relation to the target.
    Atom {
        /// Which relation.
        relation: Relation,
        /// Which way it is read: forward (`innervated-by`) or inverse (`innervates`).
        direction: Direction,
        /// `*`: the relation also reaches what lies under its target: branches, parts,
        /// continuations.
        star: bool,
        /// The other end of the relation: one structure, or every structure of a set.
        target: PTarget,
    },
    /// `not C`: the structures that do not satisfy `C`.
    Not(Box<PCond>),
    /// `C and D`: the structures that satisfy both.
    And(Box<PCond>, Box<PCond>),
    /// `C or D`: the structures that satisfy either.
    Or(Box<PCond>, Box<PCond>),
    /// `C except D`: the structures that satisfy `C` and not `D`.
    Except(Box<PCond>, Box<PCond>),
}

/// The other end of a relation in a resolved condition.
#[derive(Debug, Clone, PartialEq)]
pub enum PTarget {
    /// One structure.
    Node(StructureId),
    /// Every structure a subquery finds.
    Set(Box<PSet>),
}

/// Resolves a parsed query against the atlas: every name to the one structure it means
/// among the kinds its place accepts. An unknown or ambiguous name, a structure of the
/// wrong kind, or a relation never said of the kinds selected is an error.
pub fn resolve(atlas: &Atlas, query: &Query) -> Result<Plan, QueryError> {
    let any = |name: &Name| resolve_name(atlas, name, KindSet::ALL, None);
    Ok(match &query.statement {
        Statement::Set {
            expr,
            disputed,
            contributing,
            limit,
        } => Plan::Set {
            expr: resolve_set(atlas, expr)?,
            disputed: *disputed,
            contributing: *contributing,
            limit: *limit,
        },
        Statement::Count {
            expr,
            disputed,
            contributing,
            limit,
        } => Plan::Count {
            expr: resolve_set(atlas, expr)?,
            disputed: *disputed,
            contributing: *contributing,
            limit: *limit,
        },
        Statement::Show(name) => match any(name) {
            Ok(node) => Plan::Show(node),
            // a name no structure has may be a bedside sign: `show "wrist drop"`
            Err(e) => match bedside_sign(atlas, &name.text) {
                Some(sign) => Plan::BedsideSign(sign.clone()),
                None => return Err(e),
            },
        },
        Statement::Path { from, to, via } => Plan::Path {
            from: any(from)?,
            to: any(to)?,
            via: via.iter().map(|r| r.relation).collect(),
        },
        Statement::Paths { from, to, max, via } => Plan::Paths {
            from: any(from)?,
            to: any(to)?,
            max: max.unwrap_or(DEFAULT_PATHS_MAX).clamp(1, LARGEST_PATHS_MAX),
            via: via.iter().map(|r| r.relation).collect(),
        },
        Statement::Why {
            subject,
            relation,
            star,
            target,
        } => {
            let (subject_kinds, target_kinds) = sides(relation);
            let subject_node = resolve_name(atlas, subject, subject_kinds, Some(relation))
                .map_err(|e| why_of_kind(subject, relation, *star, target).unwrap_or(e))?;
            let target_kinds = if *star {
                with_ancestors(target_kinds)
            } else {
                target_kinds
            };
            Plan::Why {
                subject: subject_node,
                relation: relation.relation,
                direction: relation.direction,
                star: *star,
                target: resolve_name(atlas, target, target_kinds, Some(relation))?,
            }
        }
        Statement::Around { center, depth } => Plan::Around {
            center: any(center)?,
            depth: depth.unwrap_or(DEFAULT_DEPTH).clamp(1, LARGEST_DEPTH),
        },
        Statement::Lesion {
            target,
            at,
            disputed,
        } => {
            let node = resolve_for(atlas, target, LESIONED, "lesion")?;
            let lesion = match at {
                None => Lesion::Node(node),
                Some(at) => Lesion::Site(resolve_site(atlas, node, at)?),
            };
            Plan::Lesion {
                lesion,
                disputed: *disputed,
            }
        }
        Statement::Localize { findings, disputed } => Plan::Localize {
            findings: resolve_findings(atlas, findings)?,
            disputed: *disputed,
        },
    })
}

/// The findings of `localize`, each name resolved to a structure of the kinds its sign
/// takes; a bedside sign (`shows`) becomes the findings it stands for.
fn resolve_findings(atlas: &Atlas, groups: &[FindingGroup]) -> Result<Vec<Finding>, QueryError> {
    let mut resolved = Vec::new();
    for group in groups {
        for name in &group.names {
            if group.sign == Sign::Shows {
                let sign = resolve_bedside_sign(atlas, name)?;
                resolved.extend(sign.findings.iter().map(|(f, node)| Finding {
                    sign: Sign::of_finding(*f),
                    node: *node,
                }));
                continue;
            }
            resolved.push(Finding {
                sign: group.sign,
                node: resolve_for(atlas, name, group.sign.kinds(), group.sign.word())?,
            });
        }
    }
    Ok(resolved)
}

/// [`resolve_name`] for a clinical word: a name that exists with another kind is a
/// wrong-kind error naming the word (`lesion soleus`: soleus is a muscle).
fn resolve_for(
    atlas: &Atlas,
    name: &Name,
    allowed: KindSet,
    word: &'static str,
) -> Result<StructureId, QueryError> {
    resolve_name(atlas, name, allowed, None).map_err(|e| match e {
        QueryError::UnknownName { .. } => {
            match exact_matches(atlas, &normalize(&name.text)).first() {
                Some((other, _)) => {
                    let s = atlas.node(*other);
                    QueryError::WrongKind {
                        span: name.span,
                        name: s.name.to_string(),
                        kind: s.kind,
                        relation: word,
                        expected: allowed,
                    }
                }
                None => e,
            }
        }
        other => other,
    })
}

/// What `lesion` accepts: a nerve (trunk, division, cord, branch) or a spinal root.
const LESIONED: KindSet = KindSet::of(&[Kind::Nerve, Kind::Root]);

/// The known lesion site of `nerve` that `at` names: by a name of the structure the
/// site lies at, by one of the site's aliases (`cubital tunnel`) or by words of the
/// site's own name (`wrist`, `fibular neck`). The sites of a nerve's continuation count
/// as its own (`lesion "posterior interosseous nerve" at supinator`). An exact name
/// wins over words that merely occur in a site's name.
fn resolve_site(atlas: &Atlas, nerve: StructureId, at: &Name) -> Result<Site, QueryError> {
    let typed = normalize(&at.text);
    let words: Vec<&str> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let all_words_in = |name: &str| {
        let key = normalize(name);
        let theirs: Vec<&str> = key.split(|c: char| !c.is_alphanumeric()).collect();
        !words.is_empty()
            && words
                .iter()
                .all(|w| theirs.iter().any(|t| t.starts_with(w)))
    };
    let line = continuation_line(atlas, nerve);
    let of_nerve: Vec<Site> = crate::clinical::sites::sites(atlas)
        .into_iter()
        .filter(|s| line.contains(&s.nerve))
        .collect();
    let exact = |s: &&Site| {
        atlas.node(s.at).names().any(|n| normalize(n) == typed)
            || s.id == at.text
            || s.aliases.iter().any(|a| normalize(a) == typed)
    };
    let by_words = |s: &&Site| {
        all_words_in(&s.name)
            || s.aliases.iter().any(|a| all_words_in(a))
            || atlas.node(s.at).names().any(all_words_in)
    };
    // the nerve's own sites before those of its continuations
    let own_first = |pick: &dyn Fn(&&Site) -> bool| {
        of_nerve
            .iter()
            .filter(|s| s.nerve == nerve)
            .find(|s| pick(s))
            .or_else(|| of_nerve.iter().find(|s| pick(s)))
    };
    match own_first(&exact).or_else(|| own_first(&by_words)) {
        Some(site) => Ok(site.clone()),
        None => Err(QueryError::NoLesionSite {
            span: at.span,
            nerve: atlas.node(nerve).name.to_string(),
            at: at.text.clone(),
            known: of_nerve.iter().map(|s| site_place(atlas, s)).collect(),
        }),
    }
}

/// The bedside sign a name means, by its id, name or an alias.
pub fn bedside_sign<'a>(atlas: &'a Atlas, text: &str) -> Option<&'a SignDef> {
    let typed = normalize(text);
    atlas.clinical().signs.iter().find(|s| {
        s.id == text
            || normalize(&s.name) == typed
            || s.aliases.iter().any(|a| normalize(a) == typed)
    })
}

/// [`bedside_sign`], or an error suggesting the nearest sign names.
fn resolve_bedside_sign<'a>(atlas: &'a Atlas, name: &Name) -> Result<&'a SignDef, QueryError> {
    bedside_sign(atlas, &name.text).ok_or_else(|| {
        let names = atlas.clinical().signs.iter().map(|s| s.name.as_str());
        QueryError::UnknownName {
            span: name.span,
            name: name.text.clone(),
            what: "bedside sign".to_string(),
            suggestions: crate::suggest::closest(&name.text, names)
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    })
}

/// How a site is offered in an error: its first alias, or the structure it lies at.
fn site_place(atlas: &Atlas, site: &Site) -> String {
    match site.aliases.first() {
        Some(a) => a.clone(),
        None => atlas.node(site.at).name.to_string(),
    }
}

/// A nerve with the nerves it continues from and as (the deep branch of the radial
/// nerve and the posterior interosseous nerve): one line a lesion may lie along.
fn continuation_line(atlas: &Atlas, nerve: StructureId) -> Vec<StructureId> {
    let mut line = vec![nerve];
    let mut i = 0;
    while let Some(&n) = line.get(i) {
        let next = atlas
            .neighbours(n, Relation::ContinuesAs, Direction::Forward)
            .chain(atlas.neighbours(n, Relation::ContinuesAs, Direction::Inverse))
            .map(|(_, m)| m);
        for m in next {
            if !line.contains(&m) {
                line.push(m);
            }
        }
        i += 1;
    }
    line
}

/// The kinds a relation, read as written, accepts before and after it.
/// Relations of like meaning said of different kinds: what an artery supplies a nerve
/// innervates and a vein drains; a vein's tributary is an artery's or nerve's branch.
const KINDRED: &[&[Relation]] = &[
    &[
        Relation::SuppliedBy,
        Relation::InnervatedBy,
        Relation::DrainedBy,
    ],
    &[Relation::BranchOf, Relation::TributaryOf],
    &[
        Relation::OriginatesFrom,
        Relation::InsertsInto,
        Relation::AttachesTo,
    ],
];

/// For a relation not said of the selector's kinds: the same relation read the other
/// way, or one of like meaning, that is (`nerves supplies` → `innervates`, `roots
/// has-root` → `root-of`).
fn fitting_instead(relation: &RelationRef, kinds: KindSet) -> Option<&'static str> {
    let fits = |r: Relation, d: Direction| {
        let subjects = match d {
            Direction::Forward => r.domain(),
            Direction::Inverse => r.range(),
        };
        !kinds.intersect(subjects).is_empty()
    };
    let (r, d) = (relation.relation, relation.direction);
    let kindred = KINDRED
        .iter()
        .find(|group| group.contains(&r))
        .map_or(&[][..], |group| *group);
    kindred
        .iter()
        .filter(|k| **k != r)
        .map(|k| (*k, d))
        .chain(std::iter::once((r, d.flip())))
        .find(|(r, d)| fits(*r, *d))
        .map(|(r, d)| r.name(d))
}

fn sides(relation: &RelationRef) -> (KindSet, KindSet) {
    let r = relation.relation;
    match relation.direction {
        Direction::Forward => (r.domain(), r.range()),
        Direction::Inverse => (r.range(), r.domain()),
    }
}

/// Kinds that a `*` target may also be: the things the targets lie "under" (a bone
/// above its landmarks, a joint above its movements, a muscle above its heads), as the
/// vocabulary's `*` steps say.
pub fn with_ancestors(kinds: KindSet) -> KindSet {
    let above = |k: Kind| {
        Relation::ALL
            .into_iter()
            .fold(KindSet::of(&[k]), |set, r| set.union(r.above(k)))
    };
    let mut set = kinds;
    loop {
        let next = set.iter().fold(set, |acc, k| acc.union(above(k)));
        if next == set {
            return set;
        }
        set = next;
    }
}

fn resolve_set(atlas: &Atlas, expr: &SetExpr) -> Result<PSet, QueryError> {
    let pair = |a: &SetExpr, b: &SetExpr| -> Result<(Box<PSet>, Box<PSet>), QueryError> {
        Ok((
            Box::new(resolve_set(atlas, a)?),
            Box::new(resolve_set(atlas, b)?),
        ))
    };
    Ok(match expr {
        SetExpr::Select {
            selector,
            span,
            condition,
        } => {
            let kinds = selector.kinds();
            let condition = match condition {
                Some(c) => Some(resolve_cond(atlas, c, *selector, *span)?),
                None => None,
            };
            PSet::Select { kinds, condition }
        }
        SetExpr::And(a, b) => {
            let (a, b) = pair(a, b)?;
            PSet::And(a, b)
        }
        SetExpr::Or(a, b) => {
            let (a, b) = pair(a, b)?;
            PSet::Or(a, b)
        }
        SetExpr::Except(a, b) => {
            let (a, b) = pair(a, b)?;
            PSet::Except(a, b)
        }
    })
}

fn resolve_cond(
    atlas: &Atlas,
    cond: &Condition,
    selector: Selector,
    selector_span: Span,
) -> Result<PCond, QueryError> {
    let go = |c: &Condition| resolve_cond(atlas, c, selector, selector_span).map(Box::new);
    Ok(match cond {
        Condition::Atom {
            relation,
            star,
            target,
        } => {
            let (subject_kinds, target_kinds) = sides(relation);
            if !selector.kinds().iter().any(|k| subject_kinds.contains(k)) {
                return Err(QueryError::NeverRelated {
                    span: Span::new(selector_span.start, relation.span.end),
                    selector: selector.word(),
                    relation: relation.relation.name(relation.direction),
                    expected: subject_kinds,
                    instead: fitting_instead(relation, selector.kinds())
                        .map(|name| (name, relation.span)),
                });
            }
            // branch-of, continues-as and tributary-of join structures of one kind:
            // `nerves branch-of lateral-plantar` names the nerve, not the artery
            let target_kinds = match relation.relation.same_kind_only() {
                true => {
                    let narrowed = target_kinds.intersect(selector.kinds());
                    if narrowed == KindSet::EMPTY {
                        target_kinds
                    } else {
                        narrowed
                    }
                }
                false => target_kinds,
            };
            let target_kinds = if *star {
                with_ancestors(target_kinds)
            } else {
                target_kinds
            };
            let target = match target {
                Target::Name(name) => {
                    PTarget::Node(resolve_name(atlas, name, target_kinds, Some(relation))?)
                }
                Target::Query(q) => {
                    check_query_kinds(q, target_kinds, relation)?;
                    PTarget::Set(Box::new(resolve_set(atlas, q)?))
                }
            };
            PCond::Atom {
                relation: relation.relation,
                direction: relation.direction,
                star: *star,
                target,
            }
        }
        Condition::Not(c) => PCond::Not(go(c)?),
        Condition::And(a, b) => PCond::And(go(a)?, go(b)?),
        Condition::Or(a, b) => PCond::Or(go(a)?, go(b)?),
        Condition::Except(a, b) => PCond::Except(go(a)?, go(b)?),
    })
}

/// A subquery must be able to hold a structure of a kind the relation takes, as a
/// named target must (`muscles innervated-by (muscles)` is refused like
/// `muscles innervated-by femur`).
fn check_query_kinds(
    q: &SetExpr,
    allowed: KindSet,
    relation: &RelationRef,
) -> Result<(), QueryError> {
    let kinds = possible_kinds(q);
    if kinds.intersect(allowed) != KindSet::EMPTY {
        return Ok(());
    }
    let (_, expected) = sides(relation);
    let mut words = Vec::new();
    selector_words(q, &mut words);
    words.dedup();
    let found = match words.as_slice() {
        [] => "these".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    Err(QueryError::WrongKindQuery {
        span: set_span(q),
        found,
        relation: relation.relation.name(relation.direction),
        expected: if allowed == expected {
            expected
        } else {
            allowed
        },
    })
}

/// The kinds a set expression's answers can have.
fn possible_kinds(q: &SetExpr) -> KindSet {
    match q {
        SetExpr::Select { selector, .. } => selector.kinds(),
        SetExpr::And(a, b) => possible_kinds(a).intersect(possible_kinds(b)),
        SetExpr::Or(a, b) => possible_kinds(a).union(possible_kinds(b)),
        SetExpr::Except(a, _) => possible_kinds(a),
    }
}

fn selector_words(q: &SetExpr, out: &mut Vec<&'static str>) {
    match q {
        SetExpr::Select { selector, .. } => out.push(selector.word()),
        SetExpr::And(a, b) | SetExpr::Or(a, b) | SetExpr::Except(a, b) => {
            selector_words(a, out);
            selector_words(b, out);
        }
    }
}

/// From the first selection of a set expression to the end of its last.
fn set_span(q: &SetExpr) -> Span {
    fn ends(q: &SetExpr) -> (usize, usize) {
        match q {
            SetExpr::Select { span, .. } => (span.start, span.end),
            SetExpr::And(a, b) | SetExpr::Or(a, b) | SetExpr::Except(a, b) => {
                (ends(a).0.min(ends(b).0), ends(a).1.max(ends(b).1))
            }
        }
    }
    let (start, end) = ends(q);
    Span::new(start, end)
}

/// Finds the one structure a name means among the `allowed` kinds.
///
/// In order: an exact id, name, alias or Latin name (also with the kind word added or
/// dropped: `tibial` = `tibial nerve`); then names containing every word typed as a
/// word prefix. More than one match at the first tier that has any is an error listing
/// them; none at all is an error with the nearest names.
pub fn resolve_name(
    atlas: &Atlas,
    name: &Name,
    allowed: KindSet,
    relation: Option<&RelationRef>,
) -> Result<StructureId, QueryError> {
    if let Some(n) = atlas.by_id(&name.text) {
        if allowed.contains(atlas.node(n).kind) {
            return Ok(n);
        }
    }
    let key = normalize(&name.text);
    let exact = exact_matches(atlas, &key);
    let fitting: Vec<(StructureId, u8)> = exact
        .iter()
        .copied()
        .filter(|(n, _)| allowed.contains(atlas.node(*n).kind))
        .collect();
    // the strongest way of naming wins: a name beats an alias beats a name less its
    // kind word (`sciatic` is the sciatic nerve, not the "sciatic artery")
    if let Some(best) = fitting.iter().map(|(_, r)| *r).min() {
        let top = fitting
            .iter()
            .filter(|(_, r)| *r == best)
            .map(|(n, _)| *n)
            .collect();
        return one_of(atlas, name, top);
    }
    let partial = partial_matches(atlas, &key, allowed);
    if !partial.is_empty() {
        return one_of(atlas, name, partial);
    }
    if let (Some((wrong, _)), Some(relation)) = (exact.first(), relation) {
        let s = atlas.node(*wrong);
        let (_, expected) = sides(relation);
        return Err(QueryError::WrongKind {
            span: name.span,
            name: s.name.to_string(),
            kind: s.kind,
            relation: relation.relation.name(relation.direction),
            expected: if allowed == expected {
                expected
            } else {
                allowed
            },
        });
    }
    Err(QueryError::UnknownName {
        span: name.span,
        name: name.text.clone(),
        what: if allowed == KindSet::ALL {
            "name".to_string()
        } else {
            allowed.describe_plain()
        },
        suggestions: suggestions(atlas, &name.text, allowed),
    })
}

/// Nodes named exactly `key` with their rank (see [`Atlas::named_ranked`]); a kind word
/// the user added (`soleus muscle`) is dropped at the weakest rank.
fn exact_matches(atlas: &Atlas, key: &str) -> Vec<(StructureId, u8)> {
    let mut out: Vec<(StructureId, u8)> = atlas.named_ranked(key).collect();
    for kind in Kind::ALL {
        if let Some(short) = strip_kind_word(key, kind) {
            for (n, _) in atlas.named_ranked(short) {
                if atlas.node(n).kind == kind && !out.iter().any(|(m, _)| *m == n) {
                    out.push((n, 3));
                }
            }
        }
    }
    out
}

/// Nodes of the allowed kinds with a name in which every typed word starts a word.
fn partial_matches(atlas: &Atlas, key: &str, allowed: KindSet) -> Vec<StructureId> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<StructureId> = Vec::new();
    for (candidate, nodes) in atlas.name_keys() {
        let mut their: Vec<&str> = candidate.split(' ').collect();
        let all_found = words
            .iter()
            .all(|w| match their.iter().position(|t| t.starts_with(w)) {
                Some(i) => {
                    their.remove(i);
                    true
                }
                None => false,
            });
        if all_found {
            for n in nodes {
                if allowed.contains(atlas.node(*n).kind) && !out.contains(n) {
                    out.push(*n);
                }
            }
        }
    }
    out
}

fn one_of(
    atlas: &Atlas,
    name: &Name,
    mut nodes: Vec<StructureId>,
) -> Result<StructureId, QueryError> {
    if let [one] = nodes.as_slice() {
        return Ok(*one);
    }
    nodes.sort_by(|a, b| atlas.node(*a).name.cmp(&atlas.node(*b).name));
    Err(QueryError::Ambiguous {
        span: name.span,
        name: name.text.clone(),
        total: nodes.len(),
        candidates: nodes
            .iter()
            .take(12)
            .map(|n| {
                let s = atlas.node(*n);
                (s.id.to_string(), s.name.to_string(), s.kind)
            })
            .collect(),
    })
}

/// The closest names of the allowed kinds, as normalized keys (`tibial`).
fn suggestions(atlas: &Atlas, typed: &str, allowed: KindSet) -> Vec<String> {
    let keys = atlas
        .name_keys()
        .filter(|(_, nodes)| nodes.iter().any(|n| allowed.contains(atlas.node(*n).kind)))
        .map(|(k, _)| k);
    let typed = normalize(typed);
    // one spelling per structure: `soleus`, not also `soleus muscle`
    let mut named = Vec::new();
    let mut out = Vec::new();
    for key in crate::suggest::nearest(&typed, keys, 12) {
        let nodes = atlas.named(key);
        if nodes.iter().all(|n| named.contains(n)) {
            continue;
        }
        named.extend_from_slice(nodes);
        out.push(key.to_string());
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// `why muscles innervated-by tibial`: a kind word where `why` wants one structure.
fn why_of_kind(
    subject: &Name,
    relation: &RelationRef,
    star: bool,
    target: &Name,
) -> Option<QueryError> {
    if subject.quoted {
        return None;
    }
    Selector::from_word(&subject.text)?;
    let target_text = if target.quoted {
        format!("\"{}\"", target.text)
    } else {
        target.text.clone()
    };
    let tail = format!(
        "{}{} {target_text}",
        relation.relation.name(relation.direction),
        if star { "*" } else { "" }
    );
    Some(QueryError::WhyOfKind {
        span: subject.span,
        word: subject.text.clone(),
        listing: format!("{} {tail}", subject.text),
        one: format!("why NAME {tail}"),
    })
}
