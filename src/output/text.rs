//! Plain text for people: aligned tables, reference cards, one fact per line.

use super::{Render, grouped_facts, levels_text, ordered_sources, reading};
use crate::clinical::{Affected, Deficit, Effect, Lesion, Ranking};
use crate::graph::Atlas;
use crate::graph::agreement::Standing;
use crate::graph::model::{Direction, Role, SourceId, Tier};
use crate::graph::{FactId, StructureId};
use crate::query::Answer;
use crate::query::ast::Sign;
use crate::query::eval::{Path, Subgraph, Through, WhyAnswer};
use std::io::{self, Write};

/// Plain text; `width`, when given, is the terminal's: tables and notes fit it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Text {
    /// The terminal's width in columns; `None`: no limit, as in a pipe.
    pub width: Option<usize>,
}

impl Render for Text {
    fn render(&self, atlas: &Atlas, answer: &Answer, out: &mut dyn Write) -> io::Result<()> {
        match answer {
            Answer::Set(set) => {
                table(atlas, &set.nodes, &set.via, self.width, out)?;
                let mut footer = match (set.nodes.len(), set.total) {
                    (0, _) => "no structures".to_string(),
                    (n, total) if n < total => format!("{n} of {total} structures"),
                    (1, _) => "1 structure".to_string(),
                    (n, _) => format!("{n} structures"),
                };
                if set.more_contributing > 0 {
                    footer.push_str(&format!(
                        "; {} more `including contributing`",
                        set.more_contributing
                    ));
                }
                match &set.hint {
                    Some((query, n)) if set.total == 0 => {
                        footer.push_str(&format!("; `{query}` finds {n}"));
                    }
                    Some((query, n)) => {
                        footer.push_str(&format!("; {} more with `{query}`", n - set.total));
                    }
                    None => {}
                }
                if set.more_disputed > 0 {
                    footer.push_str(&format!(
                        "; {} more `including disputed`",
                        set.more_disputed
                    ));
                }
                writeln!(out, "({footer})")
            }
            Answer::Count(n) => writeln!(out, "{n}"),
            Answer::Show(n) => card(atlas, *n, self.width, out),
            Answer::Path { from, to, path } => match path {
                Some(p) => {
                    path_lines(atlas, p, out)?;
                    let n = p.steps.len();
                    writeln!(out, "({n} step{})", if n == 1 { "" } else { "s" })
                }
                None => writeln!(
                    out,
                    "no path from {} to {}",
                    atlas.node(*from).name,
                    atlas.node(*to).name
                ),
            },
            Answer::Paths {
                from,
                to,
                paths,
                truncated,
            } => {
                if paths.is_empty() {
                    return writeln!(
                        out,
                        "no path from {} to {} within the limit",
                        atlas.node(*from).name,
                        atlas.node(*to).name
                    );
                }
                for (i, p) in paths.iter().enumerate() {
                    writeln!(out, "{}. {}", i + 1, one_line(atlas, p))?;
                }
                if *truncated {
                    writeln!(
                        out,
                        "(first {} paths; narrow with `max` or `via`)",
                        paths.len()
                    )?;
                }
                Ok(())
            }
            Answer::Why(w) => why(atlas, w, out),
            Answer::Around(g) => around(atlas, g, self.width, out),
            Answer::Lesion(d) => lesion(atlas, d, out),
            Answer::Localize(r) => localize(atlas, r, out),
            Answer::BedsideSign(sign) => bedside_sign(atlas, sign, self.width, out),
        }
    }
}

/// A table of structures; `via` (when any row has it) says which parts each answered
/// through.
fn table(
    atlas: &Atlas,
    nodes: &[StructureId],
    via: &[Vec<Through>],
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if nodes.is_empty() {
        return Ok(());
    }
    let through: Vec<String> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let ways = via.get(i).map(Vec::as_slice).unwrap_or(&[]);
            let ways: Vec<String> = ways
                .iter()
                .map(|t| match (t.part, t.reaching) {
                    _ if t.minor => "minor share".to_string(),
                    (Some(p), Some(r)) => {
                        format!("{} → {}", part_name(atlas, *n, p), atlas.node(r).name)
                    }
                    (Some(p), None) => part_name(atlas, *n, p).to_string(),
                    (None, Some(r)) => atlas.node(r).name.to_string(),
                    (None, None) => String::new(),
                })
                .collect();
            ways.join("; ")
        })
        .collect();
    let with_via = through.iter().any(|t| !t.is_empty());
    let rows: Vec<Vec<String>> = nodes
        .iter()
        .zip(&through)
        .map(|(n, via)| {
            let s = atlas.node(*n);
            let mut row = vec![
                s.name.to_string(),
                s.kind.noun().to_string(),
                s.id.to_string(),
            ];
            if with_via {
                row.push(via.clone());
            }
            row
        })
        .collect();
    let headers: &[&str] = if with_via {
        &["name", "kind", "id", "through"]
    } else {
        &["name", "kind", "id"]
    };
    write_table(headers, rows, width, out)
}

/// The narrowest a `through` column is wrapped to before it is dropped.
const MIN_THROUGH: usize = 16;

/// The longest word in column `i`.
fn longest_word(rows: &[Vec<String>], i: usize) -> usize {
    rows.iter()
        .filter_map(|r| r.get(i))
        .flat_map(|c| c.split(' '))
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// Writes aligned columns two spaces apart. Given a width, a table that would be wider
/// drops its id column (the third), then wraps its `through` column at spaces, or drops
/// it when that leaves it too narrow, and only then wraps the name; a word longer than
/// its column is never split.
fn write_table(
    headers: &[&str],
    mut rows: Vec<Vec<String>>,
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut headers: Vec<&str> = headers.to_vec();
    let natural = |headers: &[&str], rows: &[Vec<String>]| -> Vec<usize> {
        (0..headers.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                    .chain(std::iter::once(headers[i].chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    };
    let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    let mut widths = natural(&headers, &rows);
    if let Some(max) = width {
        if total(&widths) > max && headers.len() > 2 {
            headers.remove(2);
            for r in &mut rows {
                if r.len() > 2 {
                    r.remove(2);
                }
            }
            widths = natural(&headers, &rows);
        }
        // `through` wraps first, and goes when even wrapped it leaves the names too
        // little room; only then does the name wrap
        let through = headers.last() == Some(&"through");
        if total(&widths) > max && through {
            let last = headers.len() - 1;
            let others = total(&widths) - widths[last];
            let room = max.saturating_sub(others);
            if room >= longest_word(&rows, last).max(MIN_THROUGH) {
                widths[last] = room;
            } else {
                headers.pop();
                for r in &mut rows {
                    r.truncate(last);
                }
                widths = natural(&headers, &rows);
            }
        }
        if total(&widths) > max {
            let others: usize = total(&widths) - widths[0];
            widths[0] = max
                .saturating_sub(others)
                .max(longest_word(&rows, 0))
                .max(headers[0].chars().count());
        }
    }
    let header: Vec<String> = headers.iter().map(ToString::to_string).collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<Vec<String>> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| wrap_words(c, *w))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let mut text = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                let part = cell.get(line).map_or("", String::as_str);
                if i + 1 < cells.len() {
                    text.push_str(&format!("{part:<w$}  "));
                } else {
                    text.push_str(part);
                }
            }
            writeln!(out, "{}", text.trim_end())?;
        }
    }
    Ok(())
}

/// A paragraph after `first` and under `rest`, fitted to `width` at spaces.
fn write_hanging(
    out: &mut dyn Write,
    first: &str,
    rest: &str,
    text: &str,
    width: Option<usize>,
) -> io::Result<()> {
    let Some(width) = width else {
        return writeln!(out, "{first}{text}");
    };
    let room = width.saturating_sub(first.chars().count()).max(20);
    for (i, line) in wrap_words(text, room).iter().enumerate() {
        writeln!(out, "{}{line}", if i == 0 { first } else { rest })?;
    }
    Ok(())
}

/// `text` in lines of at most `width` characters, broken at spaces only.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let Some(line) = lines.last_mut() else { break };
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if len > 0 {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// A part's name as read beside its whole: "short head" beside Biceps femoris
/// ("Biceps femoris, short head"), the full name otherwise.
fn part_name(atlas: &Atlas, whole: StructureId, part: StructureId) -> &str {
    let (w, p) = (
        atlas.node(whole).name.as_str(),
        atlas.node(part).name.as_str(),
    );
    p.strip_prefix(w)
        .and_then(|rest| rest.strip_prefix(", "))
        .unwrap_or(p)
}

/// A reference card: names, every fact grouped by relation with its sources, notes,
/// cross-references and the sources cited.
fn card(
    atlas: &Atlas,
    node: StructureId,
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = atlas.node(node);
    let mut cited: Vec<SourceId> = Vec::new();
    writeln!(out, "{}  ({}, id {})", s.name, s.kind.noun(), s.id)?;
    if let Some(latin) = &s.latin {
        writeln!(out, "  Latin: {latin}")?;
    }
    if !s.aliases.is_empty() {
        writeln!(out, "  Also called: {}", s.aliases.join(", "))?;
    }
    // sources are numbered in order of first citation, as footnotes
    let number = |src: SourceId, cited: &mut Vec<SourceId>| -> usize {
        match cited.iter().position(|c| *c == src) {
            Some(i) => i + 1,
            None => {
                cited.push(src);
                cited.len()
            }
        }
    };
    if !s.xref.is_empty() {
        // each run of ids read in one reference ends with that reference's mark
        let ids: Vec<(String, Option<SourceId>)> = s
            .xref
            .ids()
            .map(|(scheme, id)| (format!("{} {id}", scheme.label()), s.xref.source_of(scheme)))
            .collect();
        let mut line = String::new();
        for (i, (text, src)) in ids.iter().enumerate() {
            if i > 0 {
                line.push_str(" · ");
            }
            line.push_str(text);
            let run_ends = ids.get(i + 1).is_none_or(|(_, next)| next != src);
            if let (true, Some(src)) = (run_ends, src) {
                line.push_str(&format!("  [{}]", number(*src, &mut cited)));
            }
        }
        writeln!(out, "  Identifiers: {line}")?;
    }
    for (relation, direction, facts) in grouped_facts(atlas, node) {
        writeln!(out)?;
        writeln!(out, "{}", heading(relation.name(direction)))?;
        let mut lines: Vec<(String, String, Option<String>)> = Vec::new();
        for (e, other, part) in &facts {
            let fact = atlas.fact(*e);
            let mut text = match part {
                Some(p) => format!(
                    "{}: {}",
                    capitalised(part_name(atlas, node, *p)),
                    atlas.node(*other).name
                ),
                None => atlas.node(*other).name.to_string(),
            };
            if !fact.roots.is_empty() {
                let levels = levels_text(atlas, fact.principal_roots(), fact.contributing_roots());
                text.push_str(&format!(" ({levels})"));
            }
            if fact.minor {
                text.push_str(", minor share");
            }
            match (fact.role, direction) {
                (Some(Role::Assisting), _) => text.push_str(", assisting"),
                (Some(Role::Prime), Direction::Forward) => text.push_str(", prime mover"),
                _ => {}
            }
            let mut marks: Vec<usize> = fact
                .sources
                .iter()
                .map(|src| number(*src, &mut cited))
                .collect();
            marks.sort_unstable();
            let marks: Vec<String> = marks.iter().map(ToString::to_string).collect();
            let note = atlas.note(*e).map(ToString::to_string);
            let standing = match atlas.standing(*e) {
                Standing::Standard => String::new(),
                other => format!("  ({})", other.word()),
            };
            lines.push((text, format!("[{}]{standing}", marks.join(", ")), note));
        }
        let column = lines.iter().map(|l| l.0.chars().count()).max().unwrap_or(0);
        for (text, marks, note) in lines {
            writeln!(out, "  {text:<column$}  {marks}")?;
            if let Some(note) = note {
                write_hanging(out, "      ", "      ", &note, width)?;
            }
        }
    }
    let (principal, contributing) = atlas.levels_of(node);
    if !principal.is_empty() || !contributing.is_empty() {
        writeln!(out)?;
        writeln!(out, "Root levels")?;
        let text = levels_text(atlas, &principal, &contributing);
        let legend = if contributing.is_empty() {
            "as the references teach them"
        } else {
            "principal, (contributing), as the references teach them"
        };
        writeln!(out, "  {text}  {legend}")?;
    }
    if !s.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "Notes")?;
        for note in &s.notes {
            write_hanging(out, "  - ", "    ", note, width)?;
        }
    }
    for src in &s.sources {
        number(*src, &mut cited);
    }
    sources_block(atlas, &cited, out)
}

/// A bedside sign's card: its names, the findings it stands for, its note and sources.
fn bedside_sign(
    atlas: &Atlas,
    sign: &crate::graph::clinical::SignDef,
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}  (bedside sign, id {})", sign.name, sign.id)?;
    if !sign.aliases.is_empty() {
        let aliases: Vec<&str> = sign.aliases.iter().map(|a| a.as_str()).collect();
        writeln!(out, "  Also called: {}", aliases.join(", "))?;
    }
    let rows: Vec<(String, String)> = sign
        .findings
        .iter()
        .map(|(f, n)| {
            let word = crate::clinical::Sign::of_finding(*f).word();
            (word.to_string(), atlas.node(*n).name.to_string())
        })
        .collect();
    effect_rows("Findings", &rows, out)?;
    writeln!(out, "  (localize shows \"{}\" weighs them)", sign.name)?;
    if let Some(note) = &sign.note {
        writeln!(out, "\nNotes")?;
        write_hanging(out, "  - ", "    ", note, width)?;
    }
    sources_block(atlas, &sign.sources, out)
}

/// The numbered list of the sources cited, as footnotes.
fn sources_block(atlas: &Atlas, cited: &[SourceId], out: &mut dyn Write) -> io::Result<()> {
    if !cited.is_empty() {
        writeln!(out)?;
        writeln!(out, "Sources")?;
        for (i, id) in cited.iter().enumerate() {
            let src = atlas.source(*id);
            let url = src
                .url
                .as_deref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            // where the reference stands: a canon work named, a weak one said so
            let tier = match (atlas.tier(*id), atlas.work_of(*id)) {
                (Tier::Canon, Some(work)) => format!("; canon: {}", work.title),
                (Tier::Weak, _) => "; weak".to_string(),
                _ => String::new(),
            };
            writeln!(
                out,
                "  [{}] {}, {}{url} ({}{tier})",
                i + 1,
                src.title,
                src.publisher,
                src.id
            )?;
        }
    }
    Ok(())
}

fn heading(relation_name: &str) -> String {
    capitalised(&relation_name.replace('-', " "))
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn source_tags(atlas: &Atlas, sources: &[SourceId]) -> String {
    let ids: Vec<&str> = ordered_sources(atlas, sources)
        .iter()
        .map(|s| atlas.source(*s).id.as_str())
        .collect();
    format!("[{}]", ids.join(", "))
}

fn path_lines(atlas: &Atlas, path: &Path, out: &mut dyn Write) -> io::Result<()> {
    let Some(first) = path.nodes.first() else {
        return Ok(());
    };
    writeln!(out, "{}", atlas.node(*first).name)?;
    let width = path
        .steps
        .iter()
        .map(|s| reading(s.relation, s.forward).len())
        .max()
        .unwrap_or(0);
    for (step, node) in path.steps.iter().zip(path.nodes.iter().skip(1)) {
        writeln!(
            out,
            "  {:<width$}  {}",
            reading(step.relation, step.forward),
            atlas.node(*node).name
        )?;
    }
    Ok(())
}

fn one_line(atlas: &Atlas, path: &Path) -> String {
    let mut line = path
        .nodes
        .first()
        .map(|n| atlas.node(*n).name.to_string())
        .unwrap_or_default();
    for (step, node) in path.steps.iter().zip(path.nodes.iter().skip(1)) {
        line.push_str(&format!(
            " —{}→ {}",
            reading(step.relation, step.forward),
            atlas.node(*node).name
        ));
    }
    line
}

fn fact_line(atlas: &Atlas, edge: FactId) -> String {
    let (s, o) = atlas.ends(edge);
    let fact = atlas.fact(edge);
    let roots = if fact.roots.is_empty() {
        String::new()
    } else {
        let levels = levels_text(atlas, fact.principal_roots(), fact.contributing_roots());
        format!(" ({levels})")
    };
    let standing = match atlas.standing(edge) {
        Standing::Standard => String::new(),
        other => format!("  ({})", other.word()),
    };
    format!(
        "{} {} {}{roots}  {}{standing}  ({})",
        atlas.node(s).name,
        fact.relation,
        atlas.node(o).name,
        source_tags(atlas, &fact.sources),
        atlas.location(edge)
    )
}

fn why(atlas: &Atlas, w: &WhyAnswer, out: &mut dyn Write) -> io::Result<()> {
    let claim = format!(
        "{} {} {}",
        atlas.node(w.subject).name,
        w.relation.name(w.direction),
        atlas.node(w.target).name
    );
    if !w.asserted.is_empty() {
        writeln!(out, "{claim}: asserted")?;
        for e in &w.asserted {
            writeln!(out, "  {}", fact_line(atlas, *e))?;
        }
        return Ok(());
    }
    match &w.inferred {
        Some(path) => {
            let n = path.steps.len();
            let facts = if n == 1 { "fact" } else { "facts" };
            writeln!(out, "{claim}: inferred through {n} {facts}")?;
            for step in &path.steps {
                writeln!(out, "  {}", fact_line(atlas, step.edge))?;
            }
            Ok(())
        }
        None => writeln!(out, "{claim}: no such fact, stated or inferred"),
    }
}

fn around(
    atlas: &Atlas,
    g: &Subgraph,
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    table(atlas, &g.nodes, &[], width, out)?;
    writeln!(out)?;
    for e in &g.edges {
        let (s, o) = atlas.ends(*e);
        writeln!(
            out,
            "{} {} {}",
            atlas.node(s).name,
            atlas.fact(*e).relation,
            atlas.node(o).name
        )?;
    }
    if g.truncated {
        writeln!(out, "(stopped at {} structures)", g.nodes.len())?;
    }
    Ok(())
}

// ---------------------------------------------------------------- clinical reasoning

fn effect_word(effect: Effect) -> &'static str {
    match effect {
        Effect::Lost => "lost",
        Effect::Weakened => "weakened",
    }
}

/// Name and effect in two aligned columns, under a heading.
fn effect_rows(heading: &str, rows: &[(String, String)], out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{heading}")?;
    let width = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    for (name, effect) in rows {
        writeln!(out, "  {name:<width$}  {effect}")?;
    }
    Ok(())
}

fn lesion(atlas: &Atlas, d: &Deficit, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Lesion of {}", lesion_title(atlas, &d.lesion))?;
    if let Lesion::Site(site) = &d.lesion
        && !site.spares.is_empty()
    {
        let spared: Vec<&str> = site
            .spares
            .iter()
            .map(|n| atlas.node(*n).name.as_str())
            .collect();
        writeln!(out, "  spares what leaves above it: {}", spared.join(", "))?;
    }
    let muscles: Vec<(String, String)> = d
        .muscles
        .iter()
        .map(|m| {
            let mut effect = effect_word(m.effect).to_string();
            if !m.parts.is_empty() {
                let parts: Vec<String> = m
                    .parts
                    .iter()
                    .map(|(p, e)| format!("{} {}", part_name(atlas, m.muscle, *p), effect_word(*e)))
                    .collect();
                effect.push_str(&format!(" ({})", parts.join("; ")));
            }
            (atlas.node(m.muscle).name.to_string(), effect)
        })
        .collect();
    effect_rows(&format!("Muscles ({})", d.muscles.len()), &muscles, out)?;
    let movements: Vec<(String, String)> = d
        .movements
        .iter()
        .map(|m| {
            let effect = match m.effect {
                Effect::Lost => "lost".to_string(),
                Effect::Weakened => {
                    let still: Vec<&str> = m
                        .remaining
                        .iter()
                        .map(|n| atlas.node(*n).name.as_str())
                        .collect();
                    format!("weakened; still performed by {}", still.join(", "))
                }
            };
            (atlas.node(m.movement).name.to_string(), effect)
        })
        .collect();
    effect_rows(
        &format!("Movements ({})", d.movements.len()),
        &movements,
        out,
    )?;
    let skin = affected_rows(atlas, &d.skin, ("numb", "partly numb"));
    effect_rows(&format!("Skin ({})", d.skin.len()), &skin, out)?;
    let reflexes = affected_rows(atlas, &d.reflexes, ("lost", "reduced"));
    effect_rows(&format!("Reflexes ({})", d.reflexes.len()), &reflexes, out)?;
    let glands = affected_rows(atlas, &d.glands, ("no secretion", "less secretion"));
    effect_rows(&format!("Glands ({})", d.glands.len()), &glands, out)?;
    let senses = affected_rows(atlas, &d.senses, ("lost", "reduced"));
    effect_rows(&format!("Senses ({})", d.senses.len()), &senses, out)?;
    if d.is_empty() {
        writeln!(
            out,
            "(no muscle, skin area or reflex depends on it in the data)"
        )?;
    }
    Ok(())
}

/// Name and effect of each structure, in the words for (lost, reduced).
fn affected_rows(atlas: &Atlas, list: &[Affected], words: (&str, &str)) -> Vec<(String, String)> {
    list.iter()
        .map(|a| {
            let effect = match a.effect {
                Effect::Lost => words.0,
                Effect::Weakened => words.1,
            };
            (atlas.node(a.node).name.to_string(), effect.to_string())
        })
        .collect()
}

/// "Radial nerve at the spiral groove", "L5 (spinal root)".
fn lesion_title(atlas: &Atlas, lesion: &Lesion) -> String {
    match lesion {
        Lesion::Node(n) => {
            let s = atlas.node(*n);
            format!("{} ({})", s.name, s.kind.noun())
        }
        Lesion::Site(site) => site.name.clone(),
    }
}

/// A score in hundredths as a decimal: `5.91`, `-0.40`.
fn score_text(score: i64) -> String {
    let sign = if score < 0 { "-" } else { "" };
    let abs = score.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn localize(atlas: &Atlas, r: &Ranking, out: &mut dyn Write) -> io::Result<()> {
    if r.candidates.is_empty() {
        return writeln!(
            out,
            "(no single lesion in the data explains these findings)"
        );
    }
    let names = |nodes: &[StructureId]| -> String {
        let names: Vec<&str> = nodes.iter().map(|n| atlas.node(*n).name.as_str()).collect();
        names.join(", ")
    };
    for (i, c) in r.candidates.iter().enumerate() {
        let tied = r
            .candidates
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && o.rank == c.rank);
        let rank = format!("{}{}", c.rank, if tied { "=" } else { "." });
        writeln!(
            out,
            "{rank:<4}{}  score {}",
            lesion_title(atlas, &c.lesion),
            score_text(c.score)
        )?;
        // a spared finding the lesion leaves alone reads better as "spares"
        let spared: Vec<StructureId> = r
            .findings
            .iter()
            .filter(|f| f.sign == Sign::Spared)
            .map(|f| f.node)
            .collect();
        let (spares, explains): (Vec<StructureId>, Vec<StructureId>) =
            c.explains.iter().partition(|n| spared.contains(n));
        for (label, nodes) in [
            ("explains", &explains),
            ("spares", &spares),
            ("misses", &c.misses),
            ("contradicts", &c.contradicts),
        ] {
            if !nodes.is_empty() {
                writeln!(out, "      {label}: {}", names(nodes))?;
            }
        }
    }
    if let (Some(sep), [first, second, ..]) = (&r.separator, r.candidates.as_slice()) {
        let kind = atlas.node(sep.node).kind;
        writeln!(
            out,
            "To tell the first two apart, test {}: {} in {}, {} in {}",
            atlas.node(sep.node).name,
            finding_word(kind, sep.first),
            lesion_title(atlas, &first.lesion),
            finding_word(kind, sep.second),
            lesion_title(atlas, &second.lesion),
        )?;
    }
    writeln!(
        out,
        "(a teaching aid over textbook anatomy, not a diagnostic device)"
    )
}

/// What an examiner finds of a structure a lesion affects so: "weak", "numb", "lost".
pub(crate) fn finding_word(
    kind: crate::graph::model::Kind,
    effect: Option<Effect>,
) -> &'static str {
    use crate::graph::model::Kind as K;
    match (kind, effect) {
        (_, None) => "normal",
        (K::SkinArea | K::Dermatome, Some(Effect::Lost)) => "numb",
        (K::SkinArea | K::Dermatome, Some(Effect::Weakened)) => "partly numb",
        (K::Reflex | K::Gland | K::Sense, Some(Effect::Lost)) => "lost",
        (K::Reflex | K::Gland | K::Sense, Some(Effect::Weakened)) => "reduced",
        (_, Some(Effect::Lost)) => "paralysed",
        (_, Some(Effect::Weakened)) => "weak",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_text(headers: &[&str], rows: &[&[&str]], width: Option<usize>) -> String {
        let rows = rows
            .iter()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect();
        let mut out = Vec::new();
        write_table(headers, rows, width, &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    const ROWS: &[&[&str]] = &[
        &[
            "Flexor digitorum longus",
            "muscle",
            "flexor-digitorum-longus",
        ],
        &["Soleus", "muscle", "soleus"],
    ];

    #[test]
    fn a_table_that_fits_keeps_every_column() {
        assert_eq!(
            table_text(&["name", "kind", "id"], ROWS, Some(80)),
            "name                     kind    id\n\
             Flexor digitorum longus  muscle  flexor-digitorum-longus\n\
             Soleus                   muscle  soleus\n"
        );
    }

    #[test]
    fn a_narrow_terminal_drops_the_id_then_wraps_at_spaces() {
        assert_eq!(
            table_text(&["name", "kind", "id"], ROWS, Some(40)),
            "name                     kind\n\
             Flexor digitorum longus  muscle\n\
             Soleus                   muscle\n"
        );
        assert_eq!(
            table_text(&["name", "kind", "id"], ROWS, Some(20)),
            "name          kind\n\
             Flexor        muscle\n\
             digitorum\n\
             longus\n\
             Soleus        muscle\n"
        );
    }

    const THROUGH: &[&[&str]] = &[
        &[
            "Abductor digiti minimi of foot",
            "muscle",
            "abductor-digiti-minimi-of-foot",
            "Superficial branch of lateral plantar nerve",
        ],
        &["Soleus", "muscle", "soleus", ""],
    ];

    #[test]
    fn a_narrow_terminal_wraps_through_then_drops_it_before_squeezing_names() {
        let headers = &["name", "kind", "id", "through"];
        // the id goes, `through` wraps: the name stays whole
        assert_eq!(
            table_text(headers, THROUGH, Some(64)),
            "name                            kind    through\n\
             Abductor digiti minimi of foot  muscle  Superficial branch of\n\
             \x20                                       lateral plantar nerve\n\
             Soleus                          muscle\n"
                .replace("\\x20", " ")
        );
        // too narrow for it wrapped: `through` goes, and the names are whole
        assert_eq!(
            table_text(headers, THROUGH, Some(44)),
            "name                            kind\n\
             Abductor digiti minimi of foot  muscle\n\
             Soleus                          muscle\n"
        );
    }

    #[test]
    fn words_longer_than_the_column_are_never_split() {
        assert_eq!(
            wrap_words("a extraordinarily b", 5),
            ["a", "extraordinarily", "b"]
        );
    }
}
