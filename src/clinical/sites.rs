//! The lesion sites and plexus routes of the loaded data (`[[nerve-course]]`,
//! `[[lesion-site]]`, `[[plexus-route]]`, see data/clinical/), as the clinical
//! reasoning uses them; the loader has checked them (src/graph/clinical.rs).

use crate::graph::Atlas;
use crate::graph::StructureId;
use crate::graph::model::SourceId;

/// A site of injury along one nerve.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// The site's id, unique among the clinical tables:
    /// `radial-nerve-at-spiral-groove`.
    pub id: String,
    /// The site's name: `Radial nerve at the spiral groove`.
    pub name: String,
    /// How clinicians name the place (`cubital tunnel`).
    pub aliases: Vec<String>,
    /// The nerve injured.
    pub nerve: StructureId,
    /// The structure the site lies at: a landmark, or the nerve itself.
    pub at: StructureId,
    /// Branches, muscles and heads that leave the nerve above the site.
    pub spares: Vec<StructureId>,
    /// A remark on the site.
    pub note: Option<String>,
    /// The references for the site (for a course's place, the course's and its own).
    pub sources: Vec<SourceId>,
}

/// A division of a plexus trunk and the cord its fibres run on in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// A division of a plexus trunk.
    pub division: StructureId,
    /// The cord the division's fibres run on in.
    pub cord: StructureId,
    /// The references for the route.
    pub sources: Vec<SourceId>,
}

/// The lesion sites loaded with the atlas: the `[[lesion-site]]` entries and every
/// place of every `[[nerve-course]]`.
pub fn sites(atlas: &Atlas) -> Vec<Site> {
    atlas
        .clinical()
        .sites
        .iter()
        .map(|s| Site {
            id: s.id.to_string(),
            name: s.name.to_string(),
            aliases: s.aliases.iter().map(ToString::to_string).collect(),
            nerve: s.nerve,
            at: s.at,
            spares: s.spares.clone(),
            note: s.note.as_ref().map(ToString::to_string),
            sources: s.sources.clone(),
        })
        .collect()
}

/// The plexus routes loaded with the atlas.
pub fn routes(atlas: &Atlas) -> Vec<Route> {
    atlas
        .clinical()
        .routes
        .iter()
        .map(|r| Route {
            division: r.division,
            cord: r.cord,
            sources: r.sources.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snapshot keeps the clinical tables a fresh load of the texts reads.
    #[test]
    fn the_snapshot_keeps_every_site_route_and_sign() {
        let snap = crate::bundled().expect("bundled data loads");
        let fresh = crate::bundled::check_bundled().expect("bundled data checks");
        assert_eq!(snap.clinical(), fresh.clinical());
        assert_eq!(routes(&snap).len(), 6);
        assert!(sites(&snap).len() >= 4);
    }

    /// What a site spares lies in its nerve's territory (a typo or a muscle of another
    /// nerve would spare nothing), and a site takes no more than its whole nerve.
    #[test]
    fn every_site_spares_only_its_nerves_territory() {
        use crate::clinical::{Lesion, lesion};
        use crate::graph::model::{Direction, Relation};
        let atlas = crate::bundled().expect("bundled data loads");
        for site in sites(&atlas) {
            let whole = lesion(&atlas, &Lesion::Node(site.nerve), false);
            let at_site = lesion(&atlas, &Lesion::Site(site.clone()), false);
            for spared in &site.spares {
                // a minor share (the radial nerve's twig to brachialis) takes nothing
                // from the muscle, yet leaves the nerve at its own level
                let supplied = atlas
                    .neighbours(*spared, Relation::InnervatedBy, Direction::Forward)
                    .any(|(_, n)| whole.nerves.contains(&n));
                let in_territory = whole.nerves.contains(spared)
                    || supplied
                    || whole.effect_of(&atlas, *spared, false).is_some();
                assert!(in_territory, "{}: {}", site.id, atlas.node(*spared).id);
                assert!(
                    at_site.effect_of(&atlas, *spared, false).is_none()
                        || atlas.node(*spared).kind == crate::graph::model::Kind::Nerve,
                    "{} still takes {}",
                    site.id,
                    atlas.node(*spared).id
                );
            }
            assert!(at_site.muscles.len() <= whole.muscles.len(), "{}", site.id);
            assert!(at_site.skin.len() <= whole.skin.len(), "{}", site.id);
        }
    }

    /// Every site is sourced twice over (the course's references and its own).
    #[test]
    fn every_site_and_route_has_two_sources() {
        let atlas = crate::bundled().expect("bundled data loads");
        for site in sites(&atlas) {
            assert!(site.sources.len() >= 2, "{}", site.id);
        }
        for route in routes(&atlas) {
            assert!(route.sources.len() >= 2);
        }
    }
}
