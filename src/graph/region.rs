//! Which region of the body a structure lies in, as the data states it: a structure is
//! `located-in` a compartment or region, a part is `part-of` its whole, a compartment
//! or region `part-of` a larger one. Nothing is guessed: a structure whose facts reach
//! no region has none.

use super::Atlas;
use super::StructureId;
use super::model::{Direction, Kind, Relation};
use std::collections::{HashSet, VecDeque};

/// The facts that lead from a structure to what contains it.
const UPWARDS: [Relation; 2] = [Relation::LocatedIn, Relation::PartOf];

impl Atlas {
    /// The regions `node` lies in through standard `located-in` and `part-of` facts,
    /// nearest first (soleus: the posterior compartment of the leg is a compartment;
    /// the lower limb is the region). A region is not among its own regions.
    pub fn regions_of(&self, node: StructureId) -> Vec<StructureId> {
        let mut seen = HashSet::from([node]);
        let mut queue = VecDeque::from([node]);
        let mut regions = Vec::new();
        while let Some(n) = queue.pop_front() {
            for relation in UPWARDS {
                for (edge, up) in self.neighbours(n, relation, Direction::Forward) {
                    if self.is_standard(edge) && seen.insert(up) {
                        if self.node(up).kind == Kind::Region {
                            regions.push(up);
                        }
                        queue.push_back(up);
                    }
                }
            }
        }
        regions
    }

    /// The outermost region `node` lies in (the upper or the lower limb), or the node
    /// itself when it is a region within no other; `None` when the data places it in no
    /// region.
    pub fn region_of(&self, node: StructureId) -> Option<StructureId> {
        let regions = self.regions_of(node);
        let outermost = regions.iter().copied().find(|r| {
            self.neighbours(*r, Relation::PartOf, Direction::Forward)
                .all(|(e, w)| !self.is_standard(e) || self.node(w).kind != Kind::Region)
        });
        match outermost.or(regions.last().copied()) {
            Some(region) => Some(region),
            None if self.node(node).kind == Kind::Region => Some(node),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    const REGIONS: &str = r#"
[[source]]
id = "s"
title = "T"
publisher = "P"

[[region]]
id = "limb"
name = "Limb"
sources = ["s"]

[[region]]
id = "fossa"
name = "Fossa"
sources = ["s"]
part-of = { id = "limb", sources = ["s"] }

[[compartment]]
id = "box"
name = "Box"
sources = ["s"]
part-of = { id = "limb", sources = ["s"] }

[[bone]]
id = "b"
name = "B"
sources = ["s"]
located-in = { id = "box", sources = ["s"] }

[[landmark]]
id = "l"
name = "L"
sources = ["s"]
part-of = { id = "b", sources = ["s"] }

[[nerve]]
id = "n"
name = "N"
sources = ["s"]
located-in = { id = "fossa", sources = ["s"] }

[[bone]]
id = "b2"
name = "B2"
sources = ["s"]
"#;

    #[test]
    fn a_structure_knows_the_regions_its_facts_place_it_in() {
        let atlas = crate::load_files([("regions.toml", REGIONS)], "test")
            .unwrap_or_else(|e| panic!("{e}"));
        let id = |id: &str| atlas.by_id(id).unwrap();
        let names = |nodes: Vec<crate::StructureId>| -> Vec<String> {
            nodes
                .iter()
                .map(|n| atlas.node(*n).id.to_string())
                .collect()
        };
        // through its compartment, and a landmark through its bone
        assert_eq!(names(atlas.regions_of(id("b"))), ["limb"]);
        assert_eq!(atlas.region_of(id("l")), Some(id("limb")));
        // nearest first: the fossa, then the limb it is part of
        assert_eq!(names(atlas.regions_of(id("n"))), ["fossa", "limb"]);
        assert_eq!(atlas.region_of(id("n")), Some(id("limb")));
        // a region within no other is its own; a bone the data places nowhere has none
        assert_eq!(atlas.region_of(id("limb")), Some(id("limb")));
        assert!(atlas.regions_of(id("limb")).is_empty());
        assert_eq!(atlas.region_of(id("b2")), None);
    }
}
