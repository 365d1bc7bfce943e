//! Synthetic anatomy-shaped graphs at any scale, deterministic from a seed: nerve and
//! artery trees of realistic depth with spinal roots at their tops, landmarks part of
//! bones, movements at joints, and muscles with origins, insertions, innervation, supply,
//! actions, a compartment and a group. Written as the TSV format that `--data` reads;
//! used by the benchmarks and the scale test, which check answers against the counts
//! computed here from the generated facts.

use super::model::{Direction, Kind, Relation};
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

/// At most this many structures, so a typo in `--structures` cannot fill the disk.
pub const MAX_STRUCTURES: usize = 5_000_000;
/// At most this many facts per structure on average.
pub const MAX_FACTS_PER_STRUCTURE: usize = 50;
/// Facts per structure when not asked otherwise (the FMA has about ten to twenty).
pub const DEFAULT_FACTS_PER_STRUCTURE: usize = 10;
/// The fewest structures that still hold every kind of tree and muscle.
pub const MIN_STRUCTURES: usize = 100;

/// The spinal roots, in order, so a tree's roots can be a run of neighbours.
const ROOTS: [&str; 30] = [
    "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8",
    "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4", "S5",
];

/// A generated graph: structures in id order and facts, both as the TSV files hold them.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    nodes: Vec<(String, Kind, String)>,
    /// `(subject, relation, object)` as node positions, stated forward.
    facts: Vec<(u32, Relation, u32)>,
    /// The top nerve of each nerve tree.
    nerve_tops: Vec<u32>,
}

/// Why a graph was not generated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    /// `fascia generate --structures 10 DIR`
    #[error("--structures must be between {MIN_STRUCTURES} and {MAX_STRUCTURES}, not {0}")]
    Structures(usize),
    /// `fascia generate --structures 1000 --facts 10000000 DIR`
    #[error("--facts must be at most {MAX_FACTS_PER_STRUCTURE} per structure ({0} asked)")]
    Facts(usize),
}

/// splitmix64: small, fast and the same on every platform, so a seed names one graph.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi` (`lo` when the range is empty).
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    /// One of `items`, which must not be empty.
    fn pick(&mut self, items: &[u32]) -> u32 {
        items[self.between(0, items.len() - 1)]
    }
}

/// Builds the node and fact lists, dropping repeated facts.
struct Builder {
    rng: Rng,
    out: Synthetic,
    seen: HashSet<(u32, Relation, u32)>,
}

impl Builder {
    fn node(&mut self, kind: Kind, n: usize) -> u32 {
        let (id, name) = match kind {
            Kind::Root => (ROOTS[n].to_ascii_lowercase(), ROOTS[n].to_string()),
            _ => {
                let key = kind.data_key();
                let noun = kind.noun();
                let mut name = format!("{noun} {n}");
                name[..1].make_ascii_uppercase();
                (format!("{key}-{n}"), name)
            }
        };
        self.out.nodes.push((id, kind, name));
        (self.out.nodes.len() - 1) as u32
    }

    fn nodes(&mut self, kind: Kind, count: usize) -> Vec<u32> {
        (0..count).map(|n| self.node(kind, n)).collect()
    }

    fn fact(&mut self, subject: u32, relation: Relation, object: u32) -> bool {
        let fresh = subject != object && self.seen.insert((subject, relation, object));
        if fresh {
            self.out.facts.push((subject, relation, object));
        }
        fresh
    }

    /// Splits `members` into trees of about `per_tree` nodes, each node given two to
    /// five branches breadth first, so depth grows with the logarithm of the size (a
    /// thousand-branch tree is six to eight levels deep, as the sciatic's is).
    fn trees(&mut self, members: &[u32], per_tree: usize, relation: Relation) -> Vec<u32> {
        let mut tops = Vec::new();
        for tree in members.chunks(per_tree.max(1)) {
            let Some((&top, rest)) = tree.split_first() else {
                continue;
            };
            tops.push(top);
            let mut queue = std::collections::VecDeque::from([top]);
            let mut next = rest.iter();
            'fill: while let Some(parent) = queue.pop_front() {
                for _ in 0..self.rng.between(2, 5) {
                    let Some(&child) = next.next() else {
                        break 'fill;
                    };
                    self.fact(child, relation, parent);
                    queue.push_back(child);
                }
            }
        }
        tops
    }
}

impl Synthetic {
    /// About `structures` structures and `facts` facts (ten per structure by default),
    /// the same graph for the same arguments.
    pub fn generate(
        structures: usize,
        facts: Option<usize>,
        seed: u64,
    ) -> Result<Synthetic, GenerateError> {
        if !(MIN_STRUCTURES..=MAX_STRUCTURES).contains(&structures) {
            return Err(GenerateError::Structures(structures));
        }
        let facts = facts.unwrap_or(structures * DEFAULT_FACTS_PER_STRUCTURE);
        if facts > structures * MAX_FACTS_PER_STRUCTURE {
            return Err(GenerateError::Facts(facts));
        }
        let mut b = Builder {
            rng: Rng(seed),
            out: Synthetic {
                nodes: Vec::with_capacity(structures),
                facts: Vec::with_capacity(facts),
                nerve_tops: Vec::new(),
            },
            seen: HashSet::with_capacity(facts),
        };
        let share = |percent: usize| (structures * percent / 1000).max(2);
        let roots: Vec<u32> = (0..ROOTS.len()).map(|n| b.node(Kind::Root, n)).collect();
        let regions = b.nodes(Kind::Region, share(2));
        let compartments = b.nodes(Kind::Compartment, share(10));
        let groups = b.nodes(Kind::Group, share(10));
        let bones = b.nodes(Kind::Bone, share(40));
        let landmarks = b.nodes(Kind::Landmark, share(140));
        let joints = b.nodes(Kind::Joint, share(20));
        let movements = b.nodes(Kind::Movement, share(30));
        let nerves = b.nodes(Kind::Nerve, share(120));
        let arteries = b.nodes(Kind::Artery, share(100));
        let muscle_count = structures.saturating_sub(b.out.nodes.len()).max(2);
        let muscles = b.nodes(Kind::Muscle, muscle_count);

        for &c in &compartments {
            let r = b.rng.pick(&regions);
            b.fact(c, Relation::PartOf, r);
        }
        for &l in &landmarks {
            let bone = b.rng.pick(&bones);
            b.fact(l, Relation::PartOf, bone);
        }
        for &j in &joints {
            for _ in 0..2 {
                let bone = b.rng.pick(&bones);
                b.fact(j, Relation::Articulates, bone);
            }
        }
        for &m in &movements {
            let j = b.rng.pick(&joints);
            b.fact(m, Relation::OccursAt, j);
        }
        let nerve_tops = b.trees(&nerves, 1000, Relation::BranchOf);
        for &top in &nerve_tops {
            // a plexus takes three to five neighbouring roots
            let first = b.rng.between(0, ROOTS.len() - 5);
            for &root in &roots[first..first + b.rng.between(3, 5)] {
                b.fact(root, Relation::RootOf, top);
            }
        }
        b.trees(&arteries, 1000, Relation::BranchOf);
        let attachments: Vec<u32> = landmarks.iter().chain(&bones).copied().collect();
        for &m in &muscles {
            let o = b.rng.pick(&attachments);
            b.fact(m, Relation::OriginatesFrom, o);
            let i = b.rng.pick(&attachments);
            b.fact(m, Relation::InsertsInto, i);
            let n = b.rng.pick(&nerves);
            b.fact(m, Relation::InnervatedBy, n);
            let a = b.rng.pick(&arteries);
            b.fact(m, Relation::SuppliedBy, a);
            let mv = b.rng.pick(&movements);
            b.fact(m, Relation::Performs, mv);
            let c = b.rng.pick(&compartments);
            b.fact(m, Relation::LocatedIn, c);
            let g = b.rng.pick(&groups);
            b.fact(m, Relation::MemberOf, g);
        }
        // the rest as more attachments, supply and actions, as real muscles have
        let extra: [(Relation, &[u32]); 4] = [
            (Relation::OriginatesFrom, &attachments),
            (Relation::InsertsInto, &attachments),
            (Relation::SuppliedBy, &arteries),
            (Relation::Performs, &movements),
        ];
        let mut tries = 0usize;
        while b.out.facts.len() < facts && tries < facts.saturating_mul(2) {
            tries += 1;
            let m = b.rng.pick(&muscles);
            let (relation, objects) = extra[b.rng.between(0, extra.len() - 1)];
            let o = b.rng.pick(objects);
            b.fact(m, relation, o);
        }
        b.out.nerve_tops = nerve_tops;
        Ok(b.out)
    }

    /// How many structures were generated.
    pub fn structure_count(&self) -> usize {
        self.nodes.len()
    }

    /// How many facts were generated.
    pub fn fact_count(&self) -> usize {
        self.facts.len()
    }

    /// The id of the structure at `node`.
    pub fn id(&self, node: u32) -> &str {
        self.nodes.get(node as usize).map_or("", |n| n.0.as_str())
    }

    /// The top nerve of each nerve tree, as node positions.
    pub fn nerve_tops(&self) -> &[u32] {
        &self.nerve_tops
    }

    /// Muscles innervated by `nerve` itself: `muscles innervated-by <nerve>`.
    pub fn muscles_innervated_by(&self, nerve: u32) -> usize {
        self.muscles_innervated_by_any(&HashSet::from([nerve]))
    }

    /// Muscles innervated by `nerve` or any nerve in its tree below it:
    /// `muscles innervated-by* <nerve>`.
    pub fn muscles_innervated_by_tree(&self, nerve: u32) -> usize {
        let mut tree = HashSet::from([nerve]);
        let mut stack = vec![nerve];
        while let Some(n) = stack.pop() {
            for (s, _) in self.neighbours(n, Relation::BranchOf, Direction::Inverse) {
                if tree.insert(s) {
                    stack.push(s);
                }
            }
        }
        self.muscles_innervated_by_any(&tree)
    }

    fn muscles_innervated_by_any(&self, nerves: &HashSet<u32>) -> usize {
        let muscles: HashSet<u32> = self
            .facts
            .iter()
            .filter(|(s, r, o)| {
                *r == Relation::InnervatedBy
                    && nerves.contains(o)
                    && self.nodes[*s as usize].1 == Kind::Muscle
            })
            .map(|(s, _, _)| *s)
            .collect();
        muscles.len()
    }

    /// `(other end, relation)` of the facts at `node` read in `direction`.
    fn neighbours(
        &self,
        node: u32,
        relation: Relation,
        direction: Direction,
    ) -> impl Iterator<Item = (u32, Relation)> + '_ {
        self.facts.iter().filter_map(move |&(s, r, o)| {
            let (from, to) = match direction {
                Direction::Forward => (s, o),
                Direction::Inverse => (o, s),
            };
            (r == relation && from == node).then_some((to, r))
        })
    }

    /// The fewest facts joining two structures, in either direction, through facts
    /// that `path` counts at cost 1 (not performs, occurs-at or articulates): what
    /// `path a to b` finds when it needs none of those.
    pub fn path_length(&self, from: u32, to: u32) -> Option<usize> {
        let mut adjacent = vec![Vec::new(); self.nodes.len()];
        for &(s, r, o) in &self.facts {
            if !matches!(
                r,
                Relation::Performs | Relation::OccursAt | Relation::Articulates
            ) {
                adjacent[s as usize].push(o);
                adjacent[o as usize].push(s);
            }
        }
        let mut depth = vec![usize::MAX; self.nodes.len()];
        *depth.get_mut(from as usize)? = 0;
        let mut queue = std::collections::VecDeque::from([from]);
        while let Some(n) = queue.pop_front() {
            if n == to {
                return Some(depth[n as usize]);
            }
            for &m in &adjacent[n as usize] {
                if depth[m as usize] == usize::MAX {
                    depth[m as usize] = depth[n as usize] + 1;
                    queue.push_back(m);
                }
            }
        }
        None
    }

    /// Writes `nodes.tsv` and `edges.tsv` into `dir`, creating it if needed.
    pub fn write_tsv(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        // each file whole through a temporary file: never through a planted link
        let in_file = |name: &str| {
            let path = dir.join(name);
            move |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()))
        };
        super::disk::replace(&dir.join("nodes.tsv"), None, |out| {
            let mut nodes = io::BufWriter::new(out);
            writeln!(nodes, "id\tkind\tname")?;
            for (id, kind, name) in &self.nodes {
                writeln!(nodes, "{id}\t{}\t{name}", kind.data_key())?;
            }
            nodes.flush()
        })
        .map_err(in_file("nodes.tsv"))?;
        super::disk::replace(&dir.join("edges.tsv"), None, |out| {
            let mut edges = io::BufWriter::new(out);
            writeln!(edges, "subject\tpredicate\tobject")?;
            for &(s, r, o) in &self.facts {
                writeln!(edges, "{}\t{r}\t{}", self.id(s), self.id(o))?;
            }
            edges.flush()
        })
        .map_err(in_file("edges.tsv"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_graph() {
        let a = Synthetic::generate(500, None, 7).unwrap();
        let b = Synthetic::generate(500, None, 7).unwrap();
        let c = Synthetic::generate(500, None, 8).unwrap();
        assert_eq!(a, b);
        assert_ne!(a.facts, c.facts);
        assert_eq!(a.structure_count(), 500);
        assert_eq!(a.fact_count(), 5000);
    }

    #[test]
    fn trees_are_deep_and_cover_the_branches() {
        let g = Synthetic::generate(20_000, None, 1).unwrap();
        let top = g.nerve_tops()[0];
        assert!(g.muscles_innervated_by_tree(top) > 10 * g.muscles_innervated_by(top));
        let leaf = (0..g.structure_count() as u32)
            .rev()
            .find(|n| g.nodes[*n as usize].1 == Kind::Nerve)
            .unwrap();
        let depth = g.path_length(leaf, *g.nerve_tops().last().unwrap());
        assert!(depth.is_some_and(|d| d >= 3), "{depth:?}");
    }

    #[test]
    fn refuses_sizes_out_of_bounds() {
        assert_eq!(
            Synthetic::generate(10, None, 1),
            Err(GenerateError::Structures(10))
        );
        assert_eq!(
            Synthetic::generate(1000, Some(1_000_000), 1),
            Err(GenerateError::Facts(1_000_000))
        );
    }
}
