//! Lesions of the cranial nerves on the bundled data (issue 23): the facial nerve at each
//! place of its course, with taste, tearing, stapedius and the muscles of the face lost
//! or spared in the textbook pattern, and the oculomotor, trochlear, abducens, recurrent
//! laryngeal, accessory and hypoglossal nerves, each by `lesion` (what it takes) and by
//! `localize` on its bedside sign (which lesion ranks first).

use fascia::clinical::{Candidate, Deficit, Effect};
use fascia::query::Answer;
use std::sync::LazyLock;

static ATLAS: LazyLock<fascia::Atlas> =
    LazyLock::new(|| fascia::bundled().unwrap_or_else(|e| panic!("{e}")));

fn answer(query: &str) -> Answer {
    match fascia::query::run(&ATLAS, query) {
        Ok((_, answer)) => answer,
        Err(e) => panic!("{}", e.render(query)),
    }
}

fn deficit(query: &str) -> Deficit {
    match answer(query) {
        Answer::Lesion(d) => d,
        other => panic!("{query}: not a lesion: {other:?}"),
    }
}

fn candidates(query: &str) -> Vec<Candidate> {
    match answer(query) {
        Answer::Localize(r) => r.candidates,
        other => panic!("{query}: not a ranking: {other:?}"),
    }
}

/// The id of the first-ranked candidate, which must rank alone.
fn first(query: &str) -> String {
    let c = candidates(query);
    let top = c.first().unwrap_or_else(|| panic!("{query}: no candidate"));
    assert!(
        c.get(1).is_none_or(|second| second.rank > top.rank),
        "{query}: the first place is tied"
    );
    top.lesion.id(&ATLAS).to_string()
}

fn node(id: &str) -> fascia::graph::StructureId {
    ATLAS
        .by_id(id)
        .unwrap_or_else(|| panic!("{id} is not in the data"))
}

fn muscle(d: &Deficit, id: &str) -> Option<Effect> {
    let n = node(id);
    d.muscles.iter().find(|m| m.muscle == n).map(|m| m.effect)
}

fn gland(d: &Deficit, id: &str) -> Option<Effect> {
    let n = node(id);
    d.glands.iter().find(|g| g.node == n).map(|g| g.effect)
}

fn sense(d: &Deficit, id: &str) -> Option<Effect> {
    let n = node(id);
    d.senses.iter().find(|s| s.node == n).map(|s| s.effect)
}

fn reflex(d: &Deficit, id: &str) -> Option<Effect> {
    let n = node(id);
    d.reflexes.iter().find(|r| r.node == n).map(|r| r.effect)
}

/// The muscles of facial expression: every one is lost wherever along its course the
/// facial nerve is cut, down to the parotid gland.
const FACE: &[&str] = &[
    "orbicularis-oculi",
    "corrugator-supercilii",
    "procerus",
    "nasalis",
    "orbicularis-oris",
    "buccinator",
    "zygomaticus-major",
    "zygomaticus-minor",
    "levator-labii-superioris",
    "levator-labii-superioris-alaeque-nasi",
    "levator-anguli-oris",
    "risorius",
    "depressor-anguli-oris",
    "depressor-labii-inferioris",
    "mentalis",
    "platysma",
    "depressor-septi-nasi",
    "auricularis-anterior",
    "auricularis-superior",
];

/// What the facial nerve at one place of its course does to tearing, stapedius and
/// taste (true: lost), beside the face, which it always takes.
fn facial_pattern(place: &str, tearing: bool, stapedius: bool, taste: bool) {
    let q = format!("lesion facial at \"{place}\"");
    let d = deficit(&q);
    for m in FACE {
        assert_eq!(muscle(&d, m), Some(Effect::Lost), "{q}: {m}");
    }
    let lost = |yes: bool| yes.then_some(Effect::Lost);
    assert_eq!(gland(&d, "lacrimal-gland"), lost(tearing), "{q}: tearing");
    assert_eq!(muscle(&d, "stapedius"), lost(stapedius), "{q}: stapedius");
    assert_eq!(
        sense(&d, "taste-anterior-two-thirds-of-tongue"),
        lost(taste),
        "{q}: taste"
    );
    // the chorda tympani carries the secretomotor fibres with the taste
    assert_eq!(gland(&d, "submandibular-gland"), lost(taste), "{q}");
    assert_eq!(gland(&d, "sublingual-gland"), lost(taste), "{q}");
    // the blink of the corneal reflex goes with orbicularis oculi; its sensory limb
    // (the ophthalmic nerve) is kept, so the reflex is reduced, not abolished
    assert_eq!(reflex(&d, "corneal-reflex"), Some(Effect::Weakened), "{q}");
}

#[test]
fn at_the_internal_acoustic_meatus_the_facial_nerve_loses_everything() {
    facial_pattern("internal acoustic meatus", true, true, true);
}

#[test]
fn below_the_geniculate_ganglion_tearing_is_spared() {
    facial_pattern("below the geniculate ganglion", false, true, true);
}

#[test]
fn below_the_nerve_to_stapedius_hearing_is_spared_but_taste_lost() {
    facial_pattern("below the nerve to stapedius", false, false, true);
}

#[test]
fn at_the_stylomastoid_foramen_only_the_face_is_lost() {
    facial_pattern("stylomastoid foramen", false, false, false);
    let d = deficit("lesion facial at \"stylomastoid foramen\"");
    // the posterior auricular, digastric and stylohyoid branches still go
    assert_eq!(muscle(&d, "stylohyoid"), Some(Effect::Lost));
    assert_eq!(muscle(&d, "digastric"), Some(Effect::Weakened));
    assert_eq!(muscle(&d, "occipitofrontalis"), Some(Effect::Lost));
}

#[test]
fn in_the_parotid_gland_the_branches_given_before_it_are_spared() {
    facial_pattern("parotid gland", false, false, false);
    let d = deficit("lesion facial at parotid");
    assert_eq!(muscle(&d, "stylohyoid"), None);
    assert_eq!(muscle(&d, "digastric"), None);
    // the frontal belly (temporal branches) is lost, the occipital belly (posterior
    // auricular nerve) spared
    assert_eq!(muscle(&d, "occipitofrontalis"), Some(Effect::Weakened));
    let m = d
        .muscles
        .iter()
        .find(|m| m.muscle == node("occipitofrontalis"))
        .expect("occipitofrontalis");
    assert_eq!(
        m.parts,
        vec![(node("frontal-belly-of-occipitofrontalis"), Effect::Lost)]
    );
}

#[test]
fn a_terminal_branch_takes_only_its_own_muscles() {
    let d = deficit("lesion \"marginal mandibular branch of the facial nerve\"");
    for m in [
        "depressor-anguli-oris",
        "depressor-labii-inferioris",
        "mentalis",
    ] {
        assert_eq!(muscle(&d, m), Some(Effect::Lost), "{m}");
    }
    // orbicularis oris keeps its buccal supply
    assert_eq!(muscle(&d, "orbicularis-oris"), Some(Effect::Weakened));
    assert_eq!(muscle(&d, "zygomaticus-major"), None);
    assert_eq!(muscle(&d, "platysma"), None);
    let d = deficit("lesion \"cervical branch of the facial nerve\"");
    assert_eq!(muscle(&d, "platysma"), Some(Effect::Lost));
    assert_eq!(d.muscles.len(), 1);
}

/// Bell's palsy with taste, hearing and tearing each found lost or kept: the place in
/// the facial canal ranks first.
#[test]
fn bells_palsy_with_its_companions_places_the_lesion_along_the_canal() {
    let bell = "localize shows \"bell's palsy\"";
    // the face alone: a facial nerve lesion, every candidate of the first rank one of
    // its places
    let c = candidates(bell);
    assert!(!c.is_empty(), "{bell}: no candidate");
    for top in c.iter().filter(|c| c.rank == 1) {
        let id = top.lesion.id(&ATLAS);
        assert!(id.starts_with("facial-nerve-"), "{bell}: {id}");
    }
    assert_eq!(
        first(&format!(
            "{bell} lost \"taste, anterior two-thirds of the tongue\" spared stapedius"
        )),
        "facial-nerve-below-nerve-to-stapedius"
    );
    assert_eq!(
        first(&format!(
            "{bell} lost \"taste, anterior two-thirds of the tongue\" weak stapedius \
             spared \"lacrimal gland\""
        )),
        "facial-nerve-below-geniculate-ganglion"
    );
    // tearing lost too: the nerve above every branch, standing for the internal acoustic
    // meatus (a cranial nerve is a single lesion, not a plexus)
    assert_eq!(
        first(&format!(
            "{bell} lost \"taste, anterior two-thirds of the tongue\", \"lacrimal gland\" \
             weak stapedius"
        )),
        "facial-nerve"
    );
}

#[test]
fn the_oculomotor_nerve_takes_the_lid_and_four_muscles_of_the_eye() {
    let d = deficit("lesion oculomotor");
    for m in [
        "levator-palpebrae-superioris",
        "superior-rectus",
        "inferior-rectus",
        "medial-rectus",
        "inferior-oblique",
    ] {
        assert_eq!(muscle(&d, m), Some(Effect::Lost), "{m}");
    }
    assert_eq!(muscle(&d, "lateral-rectus"), None);
    assert_eq!(muscle(&d, "superior-oblique"), None);
    assert!(reflex(&d, "pupillary-light-reflex").is_some());
    assert_eq!(first("localize shows \"down and out\""), "oculomotor-nerve");
}

#[test]
fn the_trochlear_nerve_takes_superior_oblique_alone() {
    let d = deficit("lesion trochlear");
    assert_eq!(muscle(&d, "superior-oblique"), Some(Effect::Lost));
    assert_eq!(d.muscles.len(), 1);
    assert_eq!(
        first("localize shows \"vertical diplopia\""),
        "trochlear-nerve"
    );
}

#[test]
fn the_abducens_nerve_takes_lateral_rectus_alone() {
    let d = deficit("lesion abducens");
    assert_eq!(muscle(&d, "lateral-rectus"), Some(Effect::Lost));
    assert_eq!(d.muscles.len(), 1);
    assert_eq!(
        first("localize shows \"failure of abduction\""),
        "abducens-nerve"
    );
}

#[test]
fn the_recurrent_laryngeal_nerve_takes_the_larynx_but_cricothyroid() {
    let d = deficit("lesion \"recurrent laryngeal nerve\"");
    for m in [
        "posterior-cricoarytenoid",
        "lateral-cricoarytenoid",
        "transverse-arytenoid",
        "oblique-arytenoid",
        "thyroarytenoid",
        "vocalis",
    ] {
        assert_eq!(muscle(&d, m), Some(Effect::Lost), "{m}");
    }
    assert_eq!(muscle(&d, "cricothyroid"), None);
    assert_eq!(
        first("localize shows hoarseness"),
        "recurrent-laryngeal-nerve"
    );
}

#[test]
fn the_accessory_nerve_in_the_posterior_triangle_spares_sternocleidomastoid() {
    let whole = deficit("lesion accessory");
    assert_eq!(muscle(&whole, "sternocleidomastoid"), Some(Effect::Lost));
    assert!(muscle(&whole, "trapezius").is_some());
    let triangle = deficit("lesion accessory at \"posterior triangle\"");
    assert_eq!(muscle(&triangle, "sternocleidomastoid"), None);
    assert_eq!(
        muscle(&triangle, "trapezius"),
        muscle(&whole, "trapezius"),
        "the trapezius loses as much in the triangle as from the whole nerve"
    );
    assert_eq!(
        first("localize shows \"shoulder drop\""),
        "accessory-nerve-in-posterior-triangle"
    );
    // with sternocleidomastoid weak too, the whole nerve
    assert_eq!(
        first("localize weak trapezius, sternocleidomastoid"),
        "accessory-nerve"
    );
}

#[test]
fn the_hypoglossal_nerve_takes_the_tongue_but_palatoglossus() {
    let d = deficit("lesion hypoglossal");
    for m in [
        "genioglossus",
        "hyoglossus",
        "styloglossus",
        "superior-longitudinal-muscle-of-tongue",
        "inferior-longitudinal-muscle-of-tongue",
        "transverse-muscle-of-tongue",
        "vertical-muscle-of-tongue",
    ] {
        assert_eq!(muscle(&d, m), Some(Effect::Lost), "{m}");
    }
    assert_eq!(muscle(&d, "palatoglossus"), None);
    assert_eq!(
        first("localize shows \"tongue deviation\""),
        "hypoglossal-nerve"
    );
}
