//! The muscles and vessels of the head and neck (issue 23): every muscle with its
//! origin, insertion, innervation, arterial supply and action, and exam answer sets
//! computed by the library from the bundled data: the external carotid's branches, the
//! arteries of the circle of Willis, and the muscles of the mandibular, facial,
//! recurrent laryngeal and hypoglossal nerves. Each expected set was checked against the
//! references the data cites.

mod common;

use common::{ids, muscle_problems};

/// Every muscle of the head and neck the data declares, by group.
const HEAD_AND_NECK_MUSCLES: &[&str] = &[
    // mastication
    "masseter",
    "temporalis",
    "medial-pterygoid",
    "lateral-pterygoid",
    // suprahyoid
    "digastric",
    "stylohyoid",
    "mylohyoid",
    "geniohyoid",
    // infrahyoid
    "sternohyoid",
    "sternothyroid",
    "thyrohyoid",
    "omohyoid",
    // side of the neck
    "sternocleidomastoid",
    "scalenus-anterior",
    "scalenus-medius",
    "scalenus-posterior",
    // orbit
    "superior-rectus",
    "inferior-rectus",
    "medial-rectus",
    "lateral-rectus",
    "superior-oblique",
    "inferior-oblique",
    "levator-palpebrae-superioris",
    // tongue
    "genioglossus",
    "hyoglossus",
    "styloglossus",
    "palatoglossus",
    "superior-longitudinal-muscle-of-tongue",
    "inferior-longitudinal-muscle-of-tongue",
    "transverse-muscle-of-tongue",
    "vertical-muscle-of-tongue",
    // soft palate
    "tensor-veli-palatini",
    "levator-veli-palatini",
    "musculus-uvulae",
    "palatopharyngeus",
    // pharynx
    "superior-pharyngeal-constrictor",
    "middle-pharyngeal-constrictor",
    "inferior-pharyngeal-constrictor",
    "stylopharyngeus",
    "salpingopharyngeus",
    // larynx
    "cricothyroid",
    "posterior-cricoarytenoid",
    "lateral-cricoarytenoid",
    "transverse-arytenoid",
    "oblique-arytenoid",
    "thyroarytenoid",
    "vocalis",
    // prevertebral
    "longus-colli",
    "longus-capitis",
    "rectus-capitis-anterior",
    "rectus-capitis-lateralis",
    // suboccipital
    "rectus-capitis-posterior-major",
    "rectus-capitis-posterior-minor",
    "obliquus-capitis-superior",
    "obliquus-capitis-inferior",
    // facial expression
    "occipitofrontalis",
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
    "auricularis-posterior",
];

#[test]
fn every_head_and_neck_muscle_is_present_with_all_its_facts() {
    let problems = muscle_problems(HEAD_AND_NECK_MUSCLES);
    assert!(problems.is_empty(), "{problems:#?}");
    // each lies in the head and neck, so the region names them
    let region = ids("muscles located-in* \"head and neck\"");
    let outside: Vec<&&str> = HEAD_AND_NECK_MUSCLES
        .iter()
        .filter(|m| !region.iter().any(|r| r == *m))
        .collect();
    assert!(outside.is_empty(), "not in the head and neck: {outside:?}");
}

exam! {
    // ---- vessels
    external_carotid_branches: "arteries branch-of \"external carotid artery\"" => [
        "superior-thyroid-artery", "ascending-pharyngeal-artery", "lingual-artery",
        "facial-artery", "occipital-artery", "posterior-auricular-artery",
        "maxillary-artery", "superficial-temporal-artery",
    ];
    // the standard account (Complete Anatomy): the middle cerebral is not a side of it
    circle_of_willis: "arteries part-of \"circle of Willis\"" => [
        "anterior-cerebral-artery", "anterior-communicating-artery",
        "internal-carotid-artery", "posterior-communicating-artery",
        "posterior-cerebral-artery",
    ];
    circle_of_willis_including_disputed:
        "arteries part-of \"circle of Willis\" including disputed" => [
        "anterior-cerebral-artery", "anterior-communicating-artery",
        "internal-carotid-artery", "posterior-communicating-artery",
        "posterior-cerebral-artery", "middle-cerebral-artery",
    ];
    internal_carotid_branches: "arteries branch-of \"internal carotid artery\"" => [
        "ophthalmic-artery", "anterior-cerebral-artery", "middle-cerebral-artery",
        "posterior-communicating-artery",
    ];
    facial_artery_branches: "arteries branch-of \"facial artery\"" => [
        "ascending-palatine-artery", "tonsillar-branch-of-facial-artery",
        "submental-artery", "inferior-labial-artery", "superior-labial-artery",
        "angular-artery",
    ];
    internal_jugular_tributaries: "veins tributary-of \"internal jugular vein\"" => [
        "common-facial-vein", "lingual-vein", "superior-thyroid-vein", "middle-thyroid-vein",
    ];

    // ---- nerves and their muscles
    // every muscle of facial expression, stapedius, and the posterior belly of
    // digastric and stylohyoid (the branches given before the parotid gland)
    facial_nerve: "muscles innervated-by* \"facial nerve\"" => [
        "occipitofrontalis", "orbicularis-oculi", "corrugator-supercilii", "procerus",
        "nasalis", "orbicularis-oris", "buccinator", "zygomaticus-major",
        "zygomaticus-minor", "levator-labii-superioris",
        "levator-labii-superioris-alaeque-nasi", "levator-anguli-oris", "risorius",
        "depressor-anguli-oris", "depressor-labii-inferioris", "mentalis", "platysma",
        "depressor-septi-nasi", "auricularis-anterior", "auricularis-superior",
        "auricularis-posterior", "stapedius", "digastric", "stylohyoid",
    ];
    temporal_branches: "muscles innervated-by \"temporal branches of the facial nerve\"" => [
        "occipitofrontalis", "orbicularis-oculi", "corrugator-supercilii", "procerus",
        "auricularis-anterior", "auricularis-superior",
    ];
    zygomatic_branches: "muscles innervated-by \"zygomatic branches of the facial nerve\"" => [
        "orbicularis-oculi", "procerus", "zygomaticus-major",
    ];
    // a zygomatic supply to levator labii superioris alaeque nasi (Complete Anatomy,
    // pacs.de) is a minority beside the buccal branch; to levator labii superioris
    // and zygomaticus minor (DocCheck) and to depressor septi nasi (Complete Anatomy) a
    // variant
    zygomatic_branches_including_disputed:
        "muscles innervated-by \"zygomatic branches of the facial nerve\" including disputed" => [
        "orbicularis-oculi", "procerus", "zygomaticus-major",
        "levator-labii-superioris-alaeque-nasi", "levator-labii-superioris",
        "zygomaticus-minor", "depressor-septi-nasi",
    ];
    buccal_branches: "muscles innervated-by \"buccal branch of the facial nerve\"" => [
        "nasalis", "orbicularis-oris", "buccinator", "zygomaticus-major",
        "zygomaticus-minor", "levator-labii-superioris",
        "levator-labii-superioris-alaeque-nasi", "levator-anguli-oris", "risorius",
        "depressor-septi-nasi",
    ];
    // a buccal supply to procerus (Anatomy.app) and depressor anguli oris (Complete
    // Anatomy) is kept as a variant
    buccal_branches_including_disputed:
        "muscles innervated-by \"buccal branch of the facial nerve\" including disputed" => [
        "nasalis", "orbicularis-oris", "buccinator", "zygomaticus-major",
        "zygomaticus-minor", "levator-labii-superioris",
        "levator-labii-superioris-alaeque-nasi", "levator-anguli-oris", "risorius",
        "depressor-septi-nasi", "procerus", "depressor-anguli-oris",
    ];
    marginal_mandibular_branch:
        "muscles innervated-by \"marginal mandibular branch of the facial nerve\"" => [
        "orbicularis-oris", "depressor-anguli-oris", "depressor-labii-inferioris", "mentalis",
    ];
    cervical_branch: "muscles innervated-by \"cervical branch of the facial nerve\"" => [
        "platysma",
    ];
    posterior_auricular_nerve: "muscles innervated-by \"posterior auricular nerve\"" => [
        "occipitofrontalis", "auricularis-posterior",
    ];
    facial_expression_group: "muscles member-of \"muscles of facial expression\"" => [
        "occipitofrontalis", "orbicularis-oculi", "corrugator-supercilii", "procerus",
        "nasalis", "orbicularis-oris", "buccinator", "zygomaticus-major",
        "zygomaticus-minor", "levator-labii-superioris",
        "levator-labii-superioris-alaeque-nasi", "levator-anguli-oris", "risorius",
        "depressor-anguli-oris", "depressor-labii-inferioris", "mentalis", "platysma",
        "depressor-septi-nasi", "auricularis-anterior", "auricularis-superior",
        "auricularis-posterior",
    ];
    smiling: "muscles performs smiling" => ["zygomaticus-major", "levator-anguli-oris"];
    closing_the_eyes: "muscles performs \"closing the eyes\"" => ["orbicularis-oculi"];
    // the blink of the corneal reflex
    corneal_reflex_muscle: "muscles involved-in \"corneal reflex\"" => ["orbicularis-oculi"];
    mandibular_nerve: "muscles innervated-by* \"mandibular nerve\"" => [
        "masseter", "temporalis", "medial-pterygoid", "lateral-pterygoid",
        "mylohyoid", "digastric", "tensor-veli-palatini",
    ];
    trochlear_nerve: "muscles innervated-by \"trochlear nerve\"" => ["superior-oblique"];
    abducens_nerve: "muscles innervated-by \"abducens nerve\"" => ["lateral-rectus"];
    oculomotor_nerve: "muscles innervated-by* \"oculomotor nerve\"" => [
        "superior-rectus", "inferior-rectus", "medial-rectus", "inferior-oblique",
        "levator-palpebrae-superioris",
    ];
    // every tongue muscle but palatoglossus
    hypoglossal_nerve: "muscles innervated-by* \"hypoglossal nerve\"" => [
        "genioglossus", "hyoglossus", "styloglossus",
        "superior-longitudinal-muscle-of-tongue", "inferior-longitudinal-muscle-of-tongue",
        "transverse-muscle-of-tongue", "vertical-muscle-of-tongue",
    ];
    // the intrinsic laryngeal muscles but cricothyroid; the inferior constrictor receives
    // a twig to its cricopharyngeal part (Stedman's, Wikipedia)
    recurrent_laryngeal_nerve: "muscles innervated-by* \"recurrent laryngeal nerve\"" => [
        "posterior-cricoarytenoid", "lateral-cricoarytenoid", "transverse-arytenoid",
        "oblique-arytenoid", "thyroarytenoid", "vocalis", "inferior-pharyngeal-constrictor",
    ];
    external_laryngeal_nerve: "muscles innervated-by* \"external laryngeal nerve\"" => [
        "cricothyroid", "inferior-pharyngeal-constrictor",
    ];
    glossopharyngeal_nerve: "muscles innervated-by* \"glossopharyngeal nerve\"" => [
        "stylopharyngeus",
    ];
    // the pharynx and the palate but stylopharyngeus and tensor veli palatini
    pharyngeal_branch_of_vagus: "muscles innervated-by \"pharyngeal branch of the vagus nerve\"" => [
        "palatoglossus", "levator-veli-palatini", "musculus-uvulae", "palatopharyngeus",
        "superior-pharyngeal-constrictor", "middle-pharyngeal-constrictor",
        "inferior-pharyngeal-constrictor", "salpingopharyngeus",
    ];
    accessory_nerve_in_the_neck: "muscles innervated-by \"accessory nerve\"" => [
        "sternocleidomastoid", "trapezius",
    ];

    // the infrahyoid muscles but thyrohyoid (C1 fibres with the hypoglossal nerve)
    ansa_cervicalis: "muscles innervated-by* \"ansa cervicalis\"" => [
        "sternohyoid", "sternothyroid", "omohyoid",
    ];
    // the C1 myotome: the ansa's muscles by their levels, geniohyoid and thyrohyoid
    // (C1 with the hypoglossal), the prevertebral muscles at the top of the neck and
    // the suboccipital muscles (its posterior ramus)
    c1_muscles: "muscles innervated-by c1" => [
        "geniohyoid", "thyrohyoid", "sternohyoid", "sternothyroid", "omohyoid",
        "longus-capitis", "rectus-capitis-anterior", "rectus-capitis-lateralis",
        "rectus-capitis-posterior-major", "rectus-capitis-posterior-minor",
        "obliquus-capitis-superior", "obliquus-capitis-inferior",
    ];

    // ---- what passes through the foramina
    foramen_spinosum: "structures passes-through \"foramen spinosum\"" => [
        "middle-meningeal-artery", "meningeal-branch-of-mandibular-nerve",
    ];
    jugular_foramen: "structures passes-through \"jugular foramen\"" => [
        "internal-jugular-vein", "glossopharyngeal-nerve", "vagus-nerve", "accessory-nerve",
    ];
    carotid_canal: "arteries passes-through \"carotid canal\"" => ["internal-carotid-artery"];
    optic_canal: "arteries passes-through \"optic canal\"" => ["ophthalmic-artery"];
    carotid_sheath: "structures located-in \"carotid sheath\"" => [
        "common-carotid-artery", "internal-carotid-artery", "internal-jugular-vein",
        "vagus-nerve",
    ];

    suboccipital_muscles: "muscles member-of \"suboccipital muscles\"" => [
        "rectus-capitis-posterior-major", "rectus-capitis-posterior-minor",
        "obliquus-capitis-superior", "obliquus-capitis-inferior",
    ];
    nodding_the_head: "muscles performs \"flexion of the head\"" => [
        "longus-capitis", "rectus-capitis-anterior", "rectus-capitis-lateralis",
    ];

    // ---- groups and actions
    muscles_of_mastication: "muscles member-of \"muscles of mastication\"" => [
        "masseter", "temporalis", "medial-pterygoid", "lateral-pterygoid",
    ];
    closing_the_jaw: "muscles performs \"elevation of the mandible\"" => [
        "masseter", "temporalis", "medial-pterygoid",
    ];
    abducting_the_vocal_folds: "muscles performs \"abduction of the vocal folds\"" => [
        "posterior-cricoarytenoid",
    ];
    elevating_the_hyoid: "muscles performs \"elevation of the hyoid\"" => [
        "digastric", "stylohyoid", "mylohyoid", "geniohyoid",
    ];
}
