//! Questions and the queries they become, on the bundled data.

use super::*;

fn asked(question: &str) -> Vec<String> {
    let atlas = crate::bundled().unwrap();
    match read(&atlas, question) {
        Reading::Asked(queries) => queries,
        other => panic!("{question}: {other:?}"),
    }
}

#[test]
fn a_query_is_read_as_typed() {
    let atlas = crate::bundled().unwrap();
    assert_eq!(read(&atlas, "muscles innervated-by tibial"), Reading::Typed);
    assert_eq!(read(&atlas, "show solues"), Reading::Typed);
}

#[test]
fn the_issue_example() {
    assert_eq!(
        asked("what does the radial nerve supply"),
        ["muscles innervated-by* \"radial nerve\""]
    );
}
