//! A quiz as JSON (`[{"question","answer","query","topic","sources"}…]`) or as a paper
//! quiz: the questions, then an answer key with each answer's query and sources.

use super::Question;
use crate::graph::Atlas;
use crate::graph::model::SourceId;
use serde_json::{Value, json};
use std::io::{self, Write};

/// `{"id","title","publisher","url"}` of a source.
pub fn source_value(atlas: &Atlas, id: SourceId) -> Value {
    let s = atlas.source(id);
    json!({ "id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url })
}

/// `{"id","name","kind"}` of a structure, as answers in JSON give it.
pub fn structure_value(atlas: &Atlas, n: crate::graph::StructureId) -> Value {
    let s = atlas.node(n);
    json!({ "id": s.id, "name": s.name, "kind": s.kind })
}

/// One question as JSON: `{"question","answer","query","topic","region","sources"}`,
/// in that order; `answer` is the array of `{"id","name","kind"}` that `query` answers.
#[derive(Debug, serde::Serialize)]
pub struct JsonQuestion<'a> {
    /// The question as a person reads it.
    pub question: &'a str,
    /// The structures `query` answers, each as `{"id","name","kind"}`.
    pub answer: Vec<Value>,
    /// The query whose answer is the key.
    pub query: &'a str,
    /// The topic's word: `innervation`.
    pub topic: &'a str,
    /// The id of the question's region (`lower-limb`), if the data places it in one.
    pub region: Option<&'a str>,
    /// The sources of the facts behind the key, each as
    /// `{"id","title","publisher","url"}`.
    pub sources: Vec<Value>,
}

impl<'a> JsonQuestion<'a> {
    /// The question `q` as JSON.
    pub fn of(atlas: &'a Atlas, q: &'a Question) -> JsonQuestion<'a> {
        JsonQuestion {
            question: &q.text,
            answer: q
                .answer
                .iter()
                .map(|n| structure_value(atlas, *n))
                .collect(),
            query: &q.query,
            topic: q.topic.word(),
            region: q.region_id(atlas),
            sources: q.sources.iter().map(|s| source_value(atlas, *s)).collect(),
        }
    }
}

/// The quiz as one JSON array, pretty-printed, with a final new line.
pub fn write_json(atlas: &Atlas, quiz: &[Question], out: &mut dyn Write) -> io::Result<()> {
    let items: Vec<JsonQuestion> = quiz.iter().map(|q| JsonQuestion::of(atlas, q)).collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

/// `[wp-soleus-muscle, gray-1918]`: sources by id, as `why` cites them.
pub fn source_ids(atlas: &Atlas, sources: &[SourceId]) -> String {
    let ids: Vec<&str> = sources
        .iter()
        .map(|s| atlas.source(*s).id.as_str())
        .collect();
    format!("[{}]", ids.join(", "))
}

/// The questions numbered, then the answer key.
pub fn write_text(
    atlas: &Atlas,
    quiz: &[Question],
    heading: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{heading}")?;
    writeln!(out)?;
    let width = quiz.len().to_string().len();
    for (i, q) in quiz.iter().enumerate() {
        writeln!(out, "{:>width$}. {}", i + 1, q.text)?;
    }
    writeln!(out)?;
    writeln!(out, "Answer key")?;
    writeln!(out)?;
    let pad = " ".repeat(width + 2);
    for (i, q) in quiz.iter().enumerate() {
        writeln!(out, "{:>width$}. {}", i + 1, q.answer_names(atlas))?;
        writeln!(out, "{pad}query: {}", q.query)?;
        writeln!(out, "{pad}sources: {}", source_ids(atlas, &q.sources))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::{Filter, Generator};

    #[test]
    fn json_has_the_public_shape() {
        let atlas = crate::bundled().unwrap();
        let quiz = Generator::new(&atlas).quiz(&Filter::default(), 4, 9);
        let mut out = Vec::new();
        write_json(&atlas, &quiz, &mut out).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        let items = value.as_array().unwrap();
        assert_eq!(items.len(), 4);
        for (item, q) in items.iter().zip(&quiz) {
            for field in ["question", "answer", "query", "topic", "sources"] {
                assert!(item.get(field).is_some(), "{field} in {item}");
            }
            assert_eq!(item["query"], q.query.as_str());
            let ids: Vec<&str> = item["answer"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap())
                .collect();
            let key: Vec<&str> = q
                .answer
                .iter()
                .map(|n| atlas.node(*n).id.as_str())
                .collect();
            assert_eq!(ids, key);
        }
    }

    #[test]
    fn the_paper_quiz_has_its_answer_key_after_the_questions() {
        let atlas = crate::bundled().unwrap();
        let quiz = Generator::new(&atlas).quiz(&Filter::default(), 3, 9);
        let mut out = Vec::new();
        write_text(&atlas, &quiz, "Quiz", &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let key_at = text.find("Answer key").unwrap();
        for (i, q) in quiz.iter().enumerate() {
            let asked = text.find(&format!("{}. {}", i + 1, q.text)).unwrap();
            let answered = text.rfind(&format!("{}. {}", i + 1, q.answer_names(&atlas)));
            assert!(asked < key_at && answered.unwrap() > key_at, "{text}");
            assert!(text.contains(&format!("   query: {}\n", q.query)));
        }
    }
}
