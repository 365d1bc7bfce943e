use super::*;

#[test]
fn relation_names_are_unique_and_round_trip() {
    let mut seen = std::collections::HashSet::new();
    for name in Relation::all_names() {
        assert!(seen.insert(name), "{name} used twice");
        let (rel, dir) = Relation::from_name(name).unwrap();
        assert_eq!(rel.name(dir), name);
    }
    assert_eq!(seen.len(), 2 * Relation::ALL.len());
}

#[test]
fn kind_keys_round_trip_index_matches_position_and_serde_agrees() {
    for (i, kind) in Kind::ALL.into_iter().enumerate() {
        assert_eq!(Kind::from_data_key(kind.data_key()), Some(kind));
        assert_eq!(kind.index(), i);
        // exports write kinds through serde: the same word as data files
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.data_key()));
    }
    for relation in Relation::ALL {
        let json = serde_json::to_string(&relation).unwrap();
        assert_eq!(json, format!("\"{}\"", relation.forward_name()));
    }
}

#[test]
fn kind_sets_describe_themselves() {
    let set = KindSet::of(&[Kind::Nerve, Kind::Root]);
    assert_eq!(set.describe(), "a nerve or a spinal root");
    assert!(set.contains(Kind::Root));
    assert!(!set.contains(Kind::Bone));
    assert_eq!(KindSet::ALL.iter().count(), Kind::ALL.len());
    assert_eq!(set.union(KindSet::of(&[Kind::Bone])).iter().count(), 3);
    assert_eq!(
        set.intersect(KindSet::of(&[Kind::Root])),
        KindSet::of(&[Kind::Root])
    );
    assert!(set.intersect(KindSet::of(&[Kind::Bone])).is_empty());
}

#[test]
fn every_kind_has_a_word_and_every_word_selects_something() {
    for kind in Kind::ALL {
        assert!(
            KIND_WORDS.iter().any(|w| w.kinds.contains(kind)),
            "no query word selects {kind}"
        );
    }
    let mut seen = std::collections::HashSet::new();
    for entry in KIND_WORDS {
        assert!(!entry.kinds.is_empty(), "{} selects nothing", entry.word());
        assert!(!entry.help.is_empty(), "{} has no help", entry.word());
        for word in entry.words() {
            assert!(seen.insert(word), "{word} used twice");
            assert_eq!(
                kind_word(&word.to_uppercase()).map(|i| KIND_WORDS[i]),
                Some(*entry)
            );
        }
    }
}

#[test]
fn every_relation_is_described_and_joins_within_its_ends() {
    for r in Relation::ALL {
        assert!(!r.help().is_empty(), "{r} has no help");
        for (subject, objects) in r.info().pairs {
            assert!(
                r.domain().contains(*subject),
                "{r}: {subject} outside the domain"
            );
            assert_eq!(
                objects.intersect(r.range()),
                *objects,
                "{r}: outside the range"
            );
        }
        // `*` follows hierarchies only within themselves or down to what hangs on them
        if r.same_kind_only() {
            assert!(r.is_hierarchy() && r.descent().is_some(), "{r}");
        }
        // and steps only to kinds that can stand at that end
        if let Some(d) = r.info().descent {
            let end = match d.direction {
                Direction::Inverse => r.domain(),
                Direction::Forward => r.range(),
            };
            assert_eq!(d.to.intersect(end), d.to, "{r}: `*` steps outside its ends");
        }
    }
    assert_eq!(Relation::BranchOf.ends(), "nerve → nerve; artery → artery");
    assert_eq!(Relation::RootOf.ends(), "spinal root → nerve");
    assert!(Relation::PartOf.joins(Kind::MusclePart, Kind::Muscle));
    assert!(!Relation::PartOf.joins(Kind::Nerve, Kind::Artery));
    assert!(Relation::LocatedIn.joins(Kind::Nerve, Kind::Region));
    // what lies above: a tendon under the bone it attaches to, a ligament under none
    let bone_or_landmark = KindSet::of(&[Kind::Bone, Kind::Landmark]);
    assert_eq!(Relation::AttachesTo.above(Kind::Tendon), bone_or_landmark);
    assert!(Relation::AttachesTo.above(Kind::Ligament).is_empty());
    assert_eq!(Relation::PartOf.above(Kind::Landmark), bone_or_landmark);
    assert_eq!(
        Relation::ContinuesAs.above(Kind::Artery),
        KindSet::of(&[Kind::Artery])
    );
    assert!(Relation::InnervatedBy.above(Kind::Muscle).is_empty());
}

#[test]
fn a_kind_set_has_room_for_every_kind() {
    // the mask is sized from the table: one bit for each kind, none left over
    // unused by a kind beyond the last word
    assert_eq!(KIND_WORDS_IN_SET, Kind::ALL.len().div_ceil(64));
    let last = Kind::ALL[Kind::ALL.len() - 1];
    assert!(KindSet::of(&[last]).contains(last));
    assert_eq!(
        KindSet::ALL
            .0
            .iter()
            .map(|w| w.count_ones() as usize)
            .sum::<usize>(),
        Kind::ALL.len()
    );
}
