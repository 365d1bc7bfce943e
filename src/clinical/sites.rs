//! The clinical tables of the bundled data (`[[lesion-site]]`, `[[plexus-route]]`, see
//! data/clinical/lesion-sites.toml), read from the embedded texts and resolved against an
//! atlas by id. Entries naming structures the atlas lacks are left out.

use crate::graph::Atlas;
use crate::graph::model::SourceId;
use petgraph::graph::NodeIndex;
use serde::Deserialize;
use std::sync::LazyLock;

/// A common site of injury along one nerve.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub id: String,
    pub name: String,
    pub nerve: NodeIndex,
    pub at: NodeIndex,
    /// Branches, muscles and heads that leave the nerve above the site.
    pub spares: Vec<NodeIndex>,
    pub note: Option<String>,
    pub sources: Vec<SourceId>,
}

/// A division of a plexus trunk and the cord its fibres run on in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub division: NodeIndex,
    pub cord: NodeIndex,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Tables {
    #[serde(default)]
    lesion_site: Vec<SiteEntry>,
    #[serde(default)]
    plexus_route: Vec<RouteEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteEntry {
    id: String,
    name: String,
    nerve: String,
    at: String,
    #[serde(default)]
    spares: Vec<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteEntry {
    division: String,
    cord: String,
    #[serde(default)]
    sources: Vec<String>,
}

/// Every clinical table in the bundled texts; a file that does not parse as one is
/// skipped (the graph loader reports its problems).
static BUNDLED: LazyLock<(Vec<SiteEntry>, Vec<RouteEntry>)> = LazyLock::new(|| {
    let (mut sites, mut routes) = (Vec::new(), Vec::new());
    for (_, text) in crate::bundled::bundled_files() {
        if !crate::graph::files::CLINICAL_TABLES
            .iter()
            .any(|t| text.contains(&format!("[[{t}]]")))
        {
            continue;
        }
        if let Ok(tables) = toml::from_str::<Tables>(text) {
            sites.extend(tables.lesion_site);
            routes.extend(tables.plexus_route);
        }
    }
    (sites, routes)
});

/// The lesion sites whose nerve, point and spared structures the atlas has.
pub fn sites(atlas: &Atlas) -> Vec<Site> {
    BUNDLED
        .0
        .iter()
        .filter_map(|e| {
            let spares: Option<Vec<NodeIndex>> = e.spares.iter().map(|s| atlas.by_id(s)).collect();
            Some(Site {
                id: e.id.clone(),
                name: e.name.clone(),
                nerve: atlas.by_id(&e.nerve)?,
                at: atlas.by_id(&e.at)?,
                spares: spares?,
                note: e.note.clone(),
                sources: source_ids(atlas, &e.sources),
            })
        })
        .collect()
}

/// The plexus routes whose division and cord the atlas has.
pub fn routes(atlas: &Atlas) -> Vec<Route> {
    BUNDLED
        .1
        .iter()
        .filter_map(|e| {
            Some(Route {
                division: atlas.by_id(&e.division)?,
                cord: atlas.by_id(&e.cord)?,
                sources: source_ids(atlas, &e.sources),
            })
        })
        .collect()
}

fn source_ids(atlas: &Atlas, ids: &[String]) -> Vec<SourceId> {
    ids.iter()
        .filter_map(|id| {
            atlas
                .sources()
                .iter()
                .position(|s| s.id == id.as_str())
                .and_then(|i| u32::try_from(i).ok())
                .map(SourceId)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled entry resolves: a typo in an id would silently drop a site.
    #[test]
    fn every_bundled_entry_resolves_with_its_sources() {
        let atlas = crate::bundled().expect("bundled data loads");
        assert_eq!(sites(&atlas).len(), BUNDLED.0.len());
        assert_eq!(routes(&atlas).len(), BUNDLED.1.len());
        assert!(BUNDLED.0.len() >= 3 && BUNDLED.1.len() == 6);
        for (site, entry) in sites(&atlas).iter().zip(&BUNDLED.0) {
            assert_eq!(site.sources.len(), entry.sources.len(), "{}", site.id);
            assert!(site.sources.len() >= 2, "{}", site.id);
        }
        for (route, entry) in routes(&atlas).iter().zip(&BUNDLED.1) {
            assert_eq!(route.sources.len(), entry.sources.len());
            assert!(route.sources.len() >= 2);
        }
    }
}
