//! A layered layout for the built-in SVG: structures in rows, top to bottom, each line
//! drawn down from an upper structure to a lower one. Rows wider than the page wrap
//! into several; a line that skips a row passes through a gap kept for it in that row,
//! and between rows it runs only through the empty band between them, so it never
//! crosses a structure it does not join.

use std::collections::HashMap;

/// A structure to place: its size and, optionally, the group (a compartment) whose
/// members should sit side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub width: f64,
    pub height: f64,
    pub group: Option<usize>,
}

/// A line from an upper item to a lower one (indices into the items).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub upper: usize,
    pub lower: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    pub fn union(self, o: Rect) -> Rect {
        Rect::new(
            self.x0.min(o.x0),
            self.y0.min(o.y0),
            self.x1.max(o.x1),
            self.y1.max(o.y1),
        )
    }

    pub fn overlaps(self, o: Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// Where everything went.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub rects: Vec<Rect>,
    /// Per link: its points from the upper item's bottom to the lower item's top.
    pub routes: Vec<Vec<(f64, f64)>>,
    /// Per link: a point on its last stretch between rows, where a label goes.
    pub label_at: Vec<(f64, f64)>,
    pub width: f64,
    pub height: f64,
}

/// Room between structures in a row, and between rows (for labels and box frames).
pub const GAP_X: f64 = 18.0;
pub const GAP_Y: f64 = 64.0;
/// The width of the gap a line passes through in a row it skips.
const PASS: f64 = 8.0;

/// A slot in a row: an item, or the passage of a link through the row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Item(usize),
    Pass(usize),
}

/// Lays `items` out in rows no wider than `max_width` (where the items allow).
pub fn layout(items: &[Item], links: &[Link], max_width: f64) -> Layout {
    let links: Vec<Link> = links
        .iter()
        .copied()
        .filter(|l| l.upper != l.lower && l.upper < items.len() && l.lower < items.len())
        .collect();
    let layer = layers(items.len(), &links);
    let rows = rows(items, &links, &layer, max_width);
    place(items, &links, rows, max_width)
}

/// Each item's layer: one below the lowest of the items above it; links that would
/// close a cycle are read upwards instead, for layering only.
fn layers(n: usize, links: &[Link]) -> Vec<usize> {
    let mut below: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in links {
        below[l.upper].push(l.lower);
    }
    // a depth-first search keeps the links that go down the search
    let mut state = vec![0u8; n];
    let mut order = Vec::with_capacity(n);
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); n];
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&w) = below[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        forward[v].push(w);
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => forward[v].push(w),
                    _ => {} // a link back up: left out of the layering
                }
            } else {
                state[v] = 2;
                order.push(v);
                stack.pop();
            }
        }
    }
    let mut layer = vec![0usize; n];
    for &v in order.iter().rev() {
        for &w in &forward[v] {
            layer[w] = layer[w].max(layer[v] + 1);
        }
    }
    layer
}

/// The rows, top first, each an ordered list of slots: layers ordered to keep lines
/// short and groups together, wrapped where too wide, with passages for the lines that
/// skip a row.
fn rows(items: &[Item], links: &[Link], layer: &[usize], max_width: f64) -> Vec<Vec<Slot>> {
    let layers = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut by_layer: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (i, l) in layer.iter().enumerate() {
        by_layer[*l].push(i);
    }
    // the x of each item and passage placed so far, as a fraction of its row
    let mut at: HashMap<usize, f64> = HashMap::new();
    let mut pass_at: HashMap<usize, f64> = HashMap::new();
    let mut rows: Vec<Vec<Slot>> = Vec::new();
    let mut row_of: HashMap<usize, usize> = HashMap::new();
    for members in by_layer {
        // where the lines from above come from
        let from_above = |i: usize| -> Option<f64> {
            let xs: Vec<f64> = links
                .iter()
                .enumerate()
                .filter(|(_, l)| (l.lower == i || l.upper == i) && l.upper != l.lower)
                .filter_map(|(k, l)| {
                    let other = if l.lower == i { l.upper } else { l.lower };
                    pass_at.get(&k).or_else(|| at.get(&other)).copied()
                })
                .collect();
            (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
        };
        let mut keyed: Vec<(f64, usize)> = members
            .iter()
            .enumerate()
            .map(|(k, i)| {
                (
                    from_above(*i).unwrap_or(k as f64 / members.len() as f64),
                    *i,
                )
            })
            .collect();
        // a group sits at the mean of its members
        let mut group_key: HashMap<usize, (f64, usize)> = HashMap::new();
        for (x, i) in &keyed {
            if let Some(g) = items[*i].group {
                let e = group_key.entry(g).or_insert((0.0, 0));
                e.0 += x;
                e.1 += 1;
            }
        }
        let key = |x: f64, i: usize| match items[i].group {
            Some(g) => {
                let (sum, count) = group_key[&g];
                (sum / count as f64, g as f64, x)
            }
            None => (x, -1.0, x),
        };
        keyed.sort_by(|a, b| {
            key(a.0, a.1)
                .partial_cmp(&key(b.0, b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        // wrap: a new row where the next item (or its whole group) would not fit
        let mut chunks: Vec<Vec<usize>> = vec![Vec::new()];
        let mut width = 0.0;
        for (k, (_, i)) in keyed.iter().enumerate() {
            let mut need = items[*i].width + GAP_X;
            if let Some(g) = items[*i].group {
                let starts_group = k == 0 || items[keyed[k - 1].1].group != Some(g);
                if starts_group {
                    need = keyed[k..]
                        .iter()
                        .take_while(|(_, j)| items[*j].group == Some(g))
                        .map(|(_, j)| items[*j].width + GAP_X)
                        .sum::<f64>()
                        .min(max_width);
                } else {
                    need = 0.0;
                }
            }
            let current = chunks.last_mut().map(|c| c.is_empty()).unwrap_or(true);
            if !current && width + need > max_width {
                chunks.push(Vec::new());
                width = 0.0;
            }
            // a group wider than a row is split where it must be
            if items[*i].group.is_some() && need == 0.0 && width + items[*i].width > max_width {
                chunks.push(Vec::new());
                width = 0.0;
            }
            width += if need > 0.0 {
                need
            } else {
                items[*i].width + GAP_X
            };
            if let Some(c) = chunks.last_mut() {
                c.push(*i);
            }
        }
        for chunk in chunks.into_iter().filter(|c| !c.is_empty()) {
            let r = rows.len();
            let count = chunk.len();
            for (k, i) in chunk.iter().enumerate() {
                row_of.insert(*i, r);
                at.insert(*i, (k as f64 + 0.5) / count as f64);
            }
            rows.push(chunk.into_iter().map(Slot::Item).collect());
        }
    }
    // passages: every row strictly between a link's two ends
    for (k, l) in links.iter().enumerate() {
        let (a, b) = (row_of[&l.upper], row_of[&l.lower]);
        let (top, bottom) = (a.min(b), a.max(b));
        if bottom <= top + 1 {
            continue;
        }
        let (from, to) = if a <= b {
            (at[&l.upper], at[&l.lower])
        } else {
            (at[&l.lower], at[&l.upper])
        };
        for (r, row) in rows.iter_mut().enumerate().take(bottom).skip(top + 1) {
            let t = (r - top) as f64 / (bottom - top) as f64;
            let x = from + (to - from) * t;
            pass_at.insert(k, x);
            // among the row's slots, where x falls, keeping groups whole
            let count = row.len().max(1) as f64;
            let mut index = ((x * count).round() as usize).min(row.len());
            while index > 0 && index < row.len() {
                let group = |s: &Slot| match s {
                    Slot::Item(i) => items[*i].group,
                    Slot::Pass(_) => None,
                };
                match (group(&row[index - 1]), group(&row[index])) {
                    (Some(g), Some(h)) if g == h => index += 1,
                    _ => break,
                }
            }
            row.insert(index.min(row.len()), Slot::Pass(k));
        }
    }
    rows
}

/// Positions: rows stacked with a band between them for the lines; in each row the
/// slots left to right, each pulled towards what it joins above, never overlapping.
fn place(items: &[Item], links: &[Link], mut rows: Vec<Vec<Slot>>, max_width: f64) -> Layout {
    let size = |s: &Slot| match s {
        Slot::Item(i) => (items[*i].width, items[*i].height),
        Slot::Pass(_) => (PASS, 0.0),
    };
    let mut rects = vec![Rect::new(0.0, 0.0, 0.0, 0.0); items.len()];
    // per link, per row it passes: x
    let mut passes: HashMap<(usize, usize), f64> = HashMap::new();
    let mut centre: HashMap<usize, f64> = HashMap::new();
    let mut bands: Vec<(f64, f64)> = Vec::new();
    let mut y = 0.0;
    let mut widest: f64 = 0.0;
    for (r, row) in rows.iter_mut().enumerate() {
        let height = row.iter().map(|s| size(s).1).fold(0.0, f64::max);
        // desired centres: the mean of what each slot joins above
        let want: Vec<Option<f64>> = row
            .iter()
            .map(|s| match s {
                Slot::Item(i) => {
                    let xs: Vec<f64> = links
                        .iter()
                        .enumerate()
                        .filter(|(_, l)| l.lower == *i || l.upper == *i)
                        .filter_map(|(k, l)| {
                            let other = if l.lower == *i { l.upper } else { l.lower };
                            r.checked_sub(1)
                                .and_then(|up| passes.get(&(k, up)))
                                .or_else(|| centre.get(&other))
                                .copied()
                        })
                        .collect();
                    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
                }
                Slot::Pass(k) => {
                    let l = links[*k];
                    r.checked_sub(1)
                        .and_then(|up| passes.get(&(*k, up)))
                        .or_else(|| centre.get(&l.upper))
                        .or_else(|| centre.get(&l.lower))
                        .copied()
                }
            })
            .collect();
        // in the order of their wishes, a group at the mean of its members' (the first
        // row, wishing nothing, keeps its order)
        let mut group_want: HashMap<usize, (f64, usize)> = HashMap::new();
        for (s, w) in row.iter().zip(&want) {
            if let (Slot::Item(i), Some(w)) = (s, w) {
                if let Some(g) = items[*i].group {
                    let e = group_want.entry(g).or_insert((0.0, 0));
                    e.0 += w;
                    e.1 += 1;
                }
            }
        }
        let mut keyed: Vec<((f64, f64), Slot, Option<f64>)> = Vec::with_capacity(row.len());
        let mut last = 0.0;
        for (s, w) in row.iter().zip(&want) {
            let own = w.unwrap_or(last);
            last = own;
            let group = match s {
                Slot::Item(i) => items[*i].group.and_then(|g| group_want.get(&g)),
                Slot::Pass(_) => None,
            };
            let key = group.map_or((own, own), |(sum, n)| (sum / *n as f64, own));
            keyed.push((key, *s, *w));
        }
        keyed.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        *row = keyed.iter().map(|k| k.1).collect();
        let want: Vec<Option<f64>> = keyed.iter().map(|k| k.2).collect();
        // left to right, each at its wish or just right of its neighbour
        // (passages crowd closer than structures: they hold no text)
        let gap = |k: usize| match (k.checked_sub(1).map(|p| row[p]), row[k]) {
            (Some(Slot::Item(_)), Slot::Item(_)) => GAP_X,
            (Some(Slot::Pass(_)), Slot::Pass(_)) => 4.0,
            _ => 8.0,
        };
        let mut xs: Vec<f64> = Vec::with_capacity(row.len());
        let mut right_edge = f64::NEG_INFINITY;
        for (k, (s, w)) in row.iter().zip(&want).enumerate() {
            let half = size(s).0 / 2.0;
            let least = right_edge + gap(k) + half;
            let x = match w {
                Some(w) => w.max(least),
                None => least.max(half),
            };
            xs.push(x);
            right_edge = x + half;
        }
        // a row pushed wider than the page by its wishes is packed from the left
        if right_edge > max_width {
            let mut edge = 0.0;
            for (k, s) in row.iter().enumerate() {
                let w = size(s).0;
                edge += if k == 0 { 0.0 } else { gap(k) };
                xs[k] = edge + w / 2.0;
                edge += w;
            }
        }
        for (s, x) in row.iter().zip(&xs) {
            let (w, h) = size(s);
            match s {
                Slot::Item(i) => {
                    rects[*i] = Rect::new(x - w / 2.0, y, x + w / 2.0, y + h);
                    centre.insert(*i, *x);
                }
                Slot::Pass(k) => {
                    passes.insert((*k, r), *x);
                }
            }
            widest = widest.max(x + w / 2.0);
        }
        bands.push((y, y + height));
        y += height + GAP_Y;
    }
    // everything moved right so that nothing is left of 0
    let left = rects
        .iter()
        .map(|r| r.x0)
        .chain(passes.values().map(|x| x - PASS / 2.0))
        .fold(f64::INFINITY, f64::min);
    let shift = if left.is_finite() { -left } else { 0.0 };
    for r in &mut rects {
        r.x0 += shift;
        r.x1 += shift;
    }
    for x in passes.values_mut() {
        *x += shift;
    }
    let row_of: HashMap<usize, usize> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter().filter_map(move |s| match s {
                Slot::Item(i) => Some((*i, r)),
                Slot::Pass(_) => None,
            })
        })
        .collect();
    let mut routes = Vec::with_capacity(links.len());
    let mut label_at = Vec::with_capacity(links.len());
    for (k, l) in links.iter().enumerate() {
        let (mut a, mut b) = (l.upper, l.lower);
        if row_of[&a] > row_of[&b] {
            std::mem::swap(&mut a, &mut b);
        }
        let (ra, rb) = (rects[a], rects[b]);
        let (top, bottom) = (row_of[&a], row_of[&b]);
        let xa = (ra.x0 + ra.x1) / 2.0;
        let mut points = vec![(xa, ra.y1), (xa, bands[top].1)];
        for (r, band) in bands.iter().enumerate().take(bottom).skip(top + 1) {
            let x = passes.get(&(k, r)).copied().unwrap_or(xa);
            points.push((x, band.0));
            points.push((x, band.1));
        }
        let xb = (rb.x0 + rb.x1) / 2.0;
        points.push((xb, rb.y0));
        points.dedup();
        let n = points.len();
        let (p, q) = (points[n - 2], points[n - 1]);
        // seven tenths of the way down, where lines into one structure have spread
        // apart and an arrowhead at either end stays clear
        label_at.push((p.0 + (q.0 - p.0) * 0.7, p.1 + (q.1 - p.1) * 0.7));
        if l.upper != a {
            points.reverse();
        }
        routes.push(points);
    }
    let height = bands.last().map_or(0.0, |b| b.1);
    Layout {
        rects,
        routes,
        label_at,
        width: widest + shift,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(width: f64) -> Item {
        Item {
            width,
            height: 30.0,
            group: None,
        }
    }

    #[test]
    fn a_wide_row_wraps_and_lines_pass_the_rows_they_skip() {
        // one structure above thirty: the thirty wrap into rows of at most 600
        let mut items = vec![item(100.0)];
        let mut links = Vec::new();
        for i in 1..=30 {
            items.push(item(100.0));
            links.push(Link { upper: 0, lower: i });
        }
        let done = layout(&items, &links, 600.0);
        // six rows of five, each wider only by the lines passing it
        let mut tops: Vec<i64> = done.rects.iter().map(|r| r.y0 as i64).collect();
        tops.sort_unstable();
        tops.dedup();
        assert_eq!(tops.len(), 7);
        assert!(done.width <= 900.0, "{}", done.width);
        for (k, route) in done.routes.iter().enumerate() {
            for pair in route.windows(2) {
                for (i, r) in done.rects.iter().enumerate() {
                    if i == 0 || i == links[k].lower {
                        continue;
                    }
                    assert!(!crosses(pair[0], pair[1], *r), "line {k} crosses {i}");
                }
            }
        }
    }

    /// Whether the segment a–b enters the rectangle (shrunk by half a pixel).
    fn crosses(a: (f64, f64), b: (f64, f64), r: Rect) -> bool {
        let r = Rect::new(r.x0 + 0.5, r.y0 + 0.5, r.x1 - 0.5, r.y1 - 0.5);
        (0..=100).any(|i| {
            let t = i as f64 / 100.0;
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1
        })
    }

    #[test]
    fn a_cycle_is_laid_out_without_looping() {
        let items = vec![item(50.0), item(50.0), item(50.0)];
        let links = [
            Link { upper: 0, lower: 1 },
            Link { upper: 1, lower: 2 },
            Link { upper: 2, lower: 0 },
        ];
        let done = layout(&items, &links, 600.0);
        assert_eq!(done.routes.len(), 3);
        assert!(done.rects[0].y1 < done.rects[1].y0 && done.rects[1].y1 < done.rects[2].y0);
    }
}
