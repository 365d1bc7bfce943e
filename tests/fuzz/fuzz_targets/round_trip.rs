//! parse → print → parse: a query that parses prints as text that parses again to the
//! same tree (spans and whether a name was quoted aside), and prints the same again.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The tree without spans (positions in the text) and quoting (how a name was
/// written), which printing may change.
fn shape(query: &fascia::query::Query) -> String {
    let debug = format!("{query:?}");
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug.as_str();
    while let Some(i) = rest.find("Span {") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = rest.find('}').map_or("", |j| &rest[j + 1..]);
    }
    out.push_str(rest);
    out.replace("quoted: true", "").replace("quoted: false", "")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(query) = fascia::query::parse(text) else {
        return;
    };
    let printed = query.to_string();
    let again = match fascia::query::parse(&printed) {
        Ok(q) => q,
        // quotes and spaces may lengthen a query past the limit on its length, which
        // is a limit on what is typed, not a fault of the printer
        Err(fascia::QueryError::TooLong { .. })
            if printed.len() > fascia::query::parser::MAX_QUERY_LEN =>
        {
            return;
        }
        Err(e) => panic!("{text:?} printed as {printed:?}, which does not parse: {e}"),
    };
    assert_eq!(shape(&query), shape(&again), "{text:?} printed as {printed:?}");
    assert_eq!(printed, again.to_string());
});
