//! What the data covers: the regions it names, and what to say of a name it does not
//! know. A name from `outside.tsv` (structures of regions the bundled data leaves out)
//! is answered with its region; another unknown name with nothing close to it, with
//! the regions the data covers.

use fascia::graph::normalize;
use fascia::{Atlas, QueryError, Report};

/// Structures outside the bundled data: names, what each is, its region.
const OUTSIDE: &str = include_str!("outside.tsv");

/// The regions the data covers: "the lower limb and the upper limb" (`None`: no regions).
pub fn regions(atlas: &Atlas) -> Option<String> {
    let regions: Vec<String> = atlas
        .top_regions()
        .iter()
        .map(|r| atlas.node(*r).name.to_lowercase())
        .collect();
    match regions.as_slice() {
        [] => None,
        [one] => Some(format!("the {one}")),
        [init @ .., last] => Some(format!("the {} and the {last}", init.join(", the "))),
    }
}

/// A structure of `outside.tsv`.
#[derive(Debug, PartialEq, Eq)]
struct Outside<'a> {
    names: Vec<&'a str>,
    what: &'a str,
    region: &'a str,
}

fn outside() -> impl Iterator<Item = Outside<'static>> {
    OUTSIDE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let names = fields.next()?.split('|').collect();
            Some(Outside {
                names,
                what: fields.next()?,
                region: fields.next()?,
            })
        })
}

/// The entry of `outside.tsv` that `name` names, with or without a last kind word
/// (`vagus nerve`, `masseter muscle`).
fn find_outside(name: &str) -> Option<Outside<'static>> {
    let key = normalize(name);
    let short = ["muscle", "nerve", "artery", "vein", "bone"]
        .iter()
        .find_map(|w| key.strip_suffix(w).and_then(|k| k.strip_suffix(' ')))
        .unwrap_or(&key)
        .to_string();
    outside().find(|o| {
        o.names.iter().any(|n| {
            let n = normalize(n);
            n == key || n == short
        })
    })
}

/// A line of advice for an unknown name: where a structure outside the data lies, or,
/// when nothing in the data is close to the name, which regions the data covers.
pub fn unknown_name_note(atlas: &Atlas, error: &QueryError) -> Option<String> {
    let QueryError::UnknownName {
        name, suggestions, ..
    } = error
    else {
        return None;
    };
    let covered = regions(atlas);
    if let Some(o) = find_outside(name) {
        let tail = match &covered {
            Some(regions) => format!("which the data does not cover yet: it covers {regions}"),
            None => "which this data does not cover".to_string(),
        };
        return Some(format!("`{name}` is {} of {}, {tail}", o.what, o.region));
    }
    match covered {
        Some(regions) if suggestions.is_empty() => Some(format!(
            "nothing in the data is called that; it covers {regions}"
        )),
        _ => None,
    }
}

/// A query error as the command line and the shell report it: the library's report,
/// and for an unknown name a line on what the data covers, before any suggestions.
pub fn report_error(atlas: &Atlas, error: &QueryError, query: &str) -> Report {
    // a structure known to lie outside the data: a look-alike inside it would mislead
    // (`masseter` is not a misspelt `malleolus lateralis`)
    let mut report = match error {
        QueryError::UnknownName {
            name, suggestions, ..
        } if !suggestions.is_empty() && find_outside(name).is_some() => {
            let mut quiet = error.clone();
            if let QueryError::UnknownName { suggestions, .. } = &mut quiet {
                suggestions.clear();
            }
            quiet.report(query)
        }
        _ => error.report(query),
    };
    if let Some(note) = unknown_name_note(atlas, error) {
        report.help.insert(0, note);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(atlas: &Atlas, query: &str) -> String {
        match fascia::query::run(atlas, query) {
            Ok(_) => panic!("{query} has an answer"),
            Err(e) => report_error(atlas, &e, query).to_string(),
        }
    }

    #[test]
    fn every_structure_outside_is_unknown_to_the_bundled_data() {
        let atlas = fascia::bundled().unwrap();
        let mut count = 0;
        for o in outside() {
            assert!(!o.what.is_empty() && o.region.starts_with("the "), "{o:?}");
            for name in o.names {
                count += 1;
                assert!(
                    atlas.named(&normalize(name)).is_empty(),
                    "`{name}` is in the bundled data: take it out of outside.tsv"
                );
            }
        }
        assert!(count > 30, "{count}");
    }

    #[test]
    fn a_name_outside_the_data_says_where_it_lies() {
        let atlas = fascia::bundled().unwrap();
        let covers = "it covers the head and neck, the lower limb, the trunk and the upper limb";
        assert_eq!(
            error_of(&atlas, "show liver"),
            format!(
                "error: unknown name `liver`\n  | show liver\n  |      ^^^^^\n  \
                 = `liver` is an organ of the abdomen, which the data does not cover yet: \
                 {covers}"
            )
        );
        let duct = error_of(&atlas, "muscles innervated-by thoracic duct");
        assert!(
            duct.contains(&format!(
                "\n  = `thoracic duct` is a lymphatic vessel of the thorax and abdomen, \
                 which the data does not cover yet: {covers}"
            )),
            "{duct}"
        );
        // nothing close and not listed: what the data covers
        let nothing = error_of(&atlas, "show zzzz");
        assert!(
            nothing.ends_with(&format!(
                "\n  = nothing in the data is called that; {covers}"
            )),
            "{nothing}"
        );
        // a typo of a name in the data only gets its suggestions
        let typo = error_of(&atlas, "show solues");
        assert!(
            typo.lines()
                .last()
                .is_some_and(|l| l.starts_with("  = did you mean `soleus`")),
            "{typo}"
        );
    }
}
