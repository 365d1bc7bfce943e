//! A deck in Anki's text import format: header lines, then one note a line with its
//! fields separated by tabs — the GUID, the front, the back and the tags. The GUID is
//! the question's key (`fascia/innervation/soleus`), so importing a newer deck updates
//! the notes it made before instead of adding copies.

use super::Question;
use crate::graph::Atlas;
use std::io::{self, Write};

/// The fields of each note, in order: the GUID, the front, the back, the tags.
pub const FIELDS: usize = 4;
/// The note type the deck asks for: Anki's own, with a Front and a Back field.
pub const NOTETYPE: &str = "Basic";
/// The deck the notes go into.
pub const DECK: &str = "fascia";

/// The note's GUID: the question's key, prefixed, so that it names the fact asked
/// about and not the row it happens to be on.
pub fn guid(question: &Question) -> String {
    field(&format!("fascia/{}", question.key))
}

/// Text made safe for an HTML field: `&`, `<`, `>` and `"` escaped, and nothing that
/// would end a field or a note (tabs become spaces, line breaks `<br>`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A field already in HTML: only what would end it is removed.
fn field(html: &str) -> String {
    html.replace(['\t', '\n', '\r'], " ")
}

/// The back of a note: the answer, the query that gives it, and its sources with their
/// titles and links.
fn back(atlas: &Atlas, q: &Question) -> String {
    let mut html = format!("<b>{}</b>", escape(&q.answer_names(atlas)));
    html.push_str(&format!("<br><br>Query: <code>{}</code>", escape(&q.query)));
    html.push_str("<br>Sources:<ul>");
    for s in &q.sources {
        let source = atlas.source(*s);
        let title = format!("{}, {}", source.title, source.publisher);
        match &source.url {
            Some(url) => html.push_str(&format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(url),
                escape(&title)
            )),
            None => html.push_str(&format!("<li>{}</li>", escape(&title))),
        }
    }
    html.push_str("</ul>");
    html
}

/// The tags of a note: `fascia`, its region and its topic (`region::lower-limb
/// topic::innervation`).
fn tags(atlas: &Atlas, q: &Question) -> String {
    let mut tags = vec!["fascia".to_string()];
    if let Some(region) = q.region_id(atlas) {
        tags.push(format!("region::{}", tag_word(region)));
    }
    tags.push(format!("topic::{}", q.topic.word()));
    tags.join(" ")
}

/// A tag has no spaces.
fn tag_word(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

/// The header lines and one note per question.
pub fn write_deck(atlas: &Atlas, questions: &[Question], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#separator:tab")?;
    writeln!(out, "#html:true")?;
    writeln!(out, "#notetype:{NOTETYPE}")?;
    writeln!(out, "#deck:{DECK}")?;
    writeln!(out, "#guid column:1")?;
    writeln!(out, "#tags column:{FIELDS}")?;
    for q in questions {
        let fields = [
            guid(q),
            field(&escape(&q.text)),
            field(&back(atlas, q)),
            field(&tags(atlas, q)),
        ];
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::{Filter, Generator, Topic};

    #[test]
    fn html_is_escaped_and_fields_stay_fields() {
        assert_eq!(
            escape("a <b> & \"c\"\tnew\nline"),
            "a &lt;b&gt; &amp; &quot;c&quot; new<br>line"
        );
        assert_eq!(field("a\tb\nc"), "a b c");
    }

    #[test]
    fn the_deck_has_its_header_and_four_fields_a_note() {
        let atlas = crate::bundled().unwrap();
        let filter = Filter {
            region: None,
            topics: vec![Topic::Innervation, Topic::Lesion],
        };
        let questions = Generator::new(&atlas).all(&filter);
        let mut out = Vec::new();
        write_deck(&atlas, &questions, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..6],
            [
                "#separator:tab",
                "#html:true",
                "#notetype:Basic",
                "#deck:fascia",
                "#guid column:1",
                "#tags column:4"
            ]
        );
        assert_eq!(lines.len(), 6 + questions.len());
        for line in &lines[6..] {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), FIELDS, "{line}");
            assert!(fields[0].starts_with("fascia/"));
            assert!(fields[3].contains("topic::"));
        }
        assert!(text.contains(
            "fascia/innervation/soleus\tWhich nerve supplies Soleus?\t<b>Tibial nerve</b>"
        ));
    }
}
