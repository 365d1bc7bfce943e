//! Text → [`Query`]. The only module that sees pest's `Rule` and `Pair`: each grammar
//! rule is lowered once, by one function, into the typed AST.

use super::ast::*;
use super::error::QueryError;
use crate::graph::model::{Direction, Relation};
use pest::Parser as _;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::LazyLock;

/// The parser pest derives from the grammar. Its `Rule` enum is public, and pest
/// generates it with no documentation beyond the grammar's `///` comments (none for
/// `Rule` itself, `EOI` or `Rule::all_rules`), so missing docs are allowed here alone.
#[allow(missing_docs)]
mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/fascia.pest"]
    pub(super) struct Grammar;
}
use grammar::Grammar;
pub use grammar::Rule;

/// Queries longer than this are refused before parsing.
pub const MAX_QUERY_LEN: usize = 4096;
/// Parentheses nested deeper than this are refused before parsing (no stack overflow).
pub const MAX_NESTING: usize = 32;

static SET_OPS: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::kw_or, Assoc::Left))
        .op(Op::infix(Rule::kw_except, Assoc::Left))
        .op(Op::infix(Rule::kw_and, Assoc::Left))
});

static COND_OPS: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::kw_or, Assoc::Left))
        .op(Op::infix(Rule::kw_except, Assoc::Left))
        .op(Op::infix(Rule::kw_and, Assoc::Left))
        .op(Op::prefix(Rule::kw_not))
});

/// Parses one query.
pub fn parse(text: &str) -> Result<Query, QueryError> {
    check_limits(text)?;
    if text.trim().is_empty() {
        return Err(QueryError::Empty);
    }
    let mut pairs = Grammar::parse(Rule::query, text).map_err(|e| syntax_error(text, e))?;
    let query = pairs.next().ok_or(QueryError::Empty)?;
    let mut dot = false;
    let mut statement = None;
    for pair in query.into_inner() {
        match pair.as_rule() {
            Rule::dot_prefix => dot = true,
            Rule::EOI => {}
            _ => statement = Some(lower_statement(pair)?),
        }
    }
    let statement = statement.ok_or(QueryError::Empty)?;
    Ok(Query { dot, statement })
}

fn check_limits(text: &str) -> Result<(), QueryError> {
    if text.len() > MAX_QUERY_LEN {
        return Err(QueryError::TooLong {
            len: text.len(),
            max: MAX_QUERY_LEN,
        });
    }
    let scan = scan_quotes(text);
    let mut depth = 0usize;
    for &(i, c) in &scan.outside {
        match c {
            '(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(QueryError::TooDeep {
                        span: Span::new(i, i + 1),
                        max: MAX_NESTING,
                    });
                }
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if let Some((i, quote)) = scan.unclosed {
        return Err(QueryError::UnclosedQuote {
            span: Span::new(i, i + quote.len_utf8()),
            quote,
        });
    }
    Ok(())
}

/// The characters of a query outside quoted names, and the quote left open, if any.
struct QuoteScan {
    outside: Vec<(usize, char)>,
    unclosed: Option<(usize, char)>,
}

/// Reads quotes as the grammar does: `"` always opens a quoted name, `'` only where a
/// word starts (in `o'brien` it is part of a bare name).
fn scan_quotes(text: &str) -> QuoteScan {
    let mut outside = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match open {
            Some((_, q)) if c == q => open = None,
            Some(_) => {}
            None if c == '"' || (c == '\'' && !prev.is_some_and(is_word_char)) => {
                open = Some((i, c));
            }
            None => outside.push((i, c)),
        }
        prev = Some(c);
    }
    QuoteScan {
        outside,
        unclosed: open,
    }
}

/// The characters that continue a bare name (the grammar's `word_char`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

/// Where a `#` comment starts in a line of a script, outside quoted names (a `'` inside
/// a bare name such as `o'brien` opens nothing).
pub fn comment_start(line: &str) -> Option<usize> {
    scan_quotes(line)
        .outside
        .into_iter()
        .find(|(_, c)| *c == '#')
        .map(|(i, _)| i)
}

fn span_of(pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

/// A pair's children; the grammar guarantees their number and order, so a missing one
/// is reported as an internal error rather than a panic.
struct Children<'i> {
    inner: pest::iterators::Pairs<'i, Rule>,
    span: Span,
}

impl<'i> Children<'i> {
    fn of(pair: Pair<'i, Rule>) -> Children<'i> {
        let span = span_of(&pair);
        Children {
            inner: pair.into_inner(),
            span,
        }
    }

    fn next(&mut self) -> Result<Pair<'i, Rule>, QueryError> {
        self.inner.next().ok_or(QueryError::Internal {
            span: self.span,
            what: "the parse tree ended early",
        })
    }

    fn rest(self) -> pest::iterators::Pairs<'i, Rule> {
        self.inner
    }
}

/// Skips the keyword pair that starts most statements.
fn after_keyword(pair: Pair<'_, Rule>) -> Result<Children<'_>, QueryError> {
    let mut c = Children::of(pair);
    c.next()?;
    Ok(c)
}

fn lower_statement(pair: Pair<Rule>) -> Result<Statement, QueryError> {
    match pair.as_rule() {
        Rule::set_stmt => {
            let (expr, (disputed, contributing), limit) = lower_set_stmt(pair)?;
            Ok(Statement::Set {
                expr,
                disputed,
                contributing,
                limit,
            })
        }
        Rule::count_stmt => {
            let mut c = after_keyword(pair)?;
            let (expr, (disputed, contributing), limit) = lower_set_stmt(c.next()?)?;
            Ok(Statement::Count {
                expr,
                disputed,
                contributing,
                limit,
            })
        }
        Rule::show_stmt => {
            let mut c = after_keyword(pair)?;
            Ok(Statement::Show(lower_name(c.next()?)?))
        }
        Rule::path_stmt | Rule::paths_stmt => {
            let is_paths = pair.as_rule() == Rule::paths_stmt;
            let mut c = after_keyword(pair)?;
            let from = lower_name(c.next()?)?;
            c.next()?; // `to`
            let to = lower_name(c.next()?)?;
            let mut max = None;
            let mut via = Vec::new();
            for p in c.rest() {
                match p.as_rule() {
                    Rule::max => max = Some(lower_number_clause(p)?),
                    Rule::via => via = lower_via(p)?,
                    _ => return Err(unexpected(&p)),
                }
            }
            Ok(if is_paths {
                Statement::Paths { from, to, max, via }
            } else {
                Statement::Path { from, to, via }
            })
        }
        Rule::why_stmt => {
            let mut c = after_keyword(pair)?;
            let subject = lower_name(c.next()?)?;
            let relation = lower_relation(&c.next()?)?;
            let mut next = c.next()?;
            let star = next.as_rule() == Rule::star;
            if star {
                next = c.next()?;
            }
            let target = lower_name(next)?;
            Ok(Statement::Why {
                subject,
                relation,
                star,
                target,
            })
        }
        Rule::around_stmt => {
            let mut c = after_keyword(pair)?;
            let center = lower_name(c.next()?)?;
            let depth = match c.rest().next() {
                Some(p) => Some(lower_number_clause(p)?),
                None => None,
            };
            Ok(Statement::Around { center, depth })
        }
        Rule::lesion_stmt => lower_lesion(pair),
        Rule::localize_stmt => lower_localize(pair),
        _ => Err(unexpected(&pair)),
    }
}

fn lower_lesion(pair: Pair<Rule>) -> Result<Statement, QueryError> {
    let mut c = after_keyword(pair)?;
    let target = lower_name(c.next()?)?;
    let (mut at, mut disputed) = (None, false);
    for p in c.rest() {
        match p.as_rule() {
            Rule::lesion_at => {
                let mut a = after_keyword(p)?;
                at = Some(lower_name(a.next()?)?);
            }
            Rule::disputed => disputed = true,
            _ => return Err(unexpected(&p)),
        }
    }
    Ok(Statement::Lesion {
        target,
        at,
        disputed,
    })
}

fn lower_localize(pair: Pair<Rule>) -> Result<Statement, QueryError> {
    let c = after_keyword(pair)?;
    let (mut findings, mut disputed) = (Vec::new(), false);
    for p in c.rest() {
        match p.as_rule() {
            Rule::finding => findings.push(lower_finding(p)?),
            Rule::disputed => disputed = true,
            _ => return Err(unexpected(&p)),
        }
    }
    Ok(Statement::Localize { findings, disputed })
}

fn lower_finding(pair: Pair<Rule>) -> Result<FindingGroup, QueryError> {
    let span = span_of(&pair);
    let mut c = Children::of(pair);
    let word = c.next()?;
    let sign = Sign::from_word(word.as_str()).ok_or_else(|| unexpected(&word))?;
    let names = c.rest().map(lower_name).collect::<Result<Vec<_>, _>>()?;
    Ok(FindingGroup { sign, names, span })
}

/// A set statement: its expression, `including disputed` and `including contributing`, its limit.
type SetStatement = (SetExpr, (bool, bool), Option<usize>);

fn lower_set_stmt(pair: Pair<Rule>) -> Result<SetStatement, QueryError> {
    let mut c = Children::of(pair);
    let expr = lower_set_expr(c.next()?)?;
    let (mut disputed, mut contributing, mut limit) = (false, false, None);
    for p in c.rest() {
        match p.as_rule() {
            Rule::disputed => disputed = true,
            Rule::contributing => contributing = true,
            Rule::limit => limit = Some(lower_number_clause(p)?),
            _ => return Err(unexpected(&p)),
        }
    }
    Ok((expr, (disputed, contributing), limit))
}

fn lower_set_expr(pair: Pair<Rule>) -> Result<SetExpr, QueryError> {
    SET_OPS
        .map_primary(|p| match p.as_rule() {
            Rule::selection => lower_selection(p),
            Rule::set_expr => lower_set_expr(p),
            _ => Err(unexpected(&p)),
        })
        .map_infix(|a, op, b| {
            let (a, b) = (Box::new(a?), Box::new(b?));
            match op.as_rule() {
                Rule::kw_and => Ok(SetExpr::And(a, b)),
                Rule::kw_or => Ok(SetExpr::Or(a, b)),
                _ => Ok(SetExpr::Except(a, b)),
            }
        })
        .parse(pair.into_inner())
}

fn lower_selection(pair: Pair<Rule>) -> Result<SetExpr, QueryError> {
    let span = span_of(&pair);
    let mut c = Children::of(pair);
    let word = c.next()?;
    let selector = Selector::from_word(word.as_str()).ok_or_else(|| unexpected(&word))?;
    let condition = match c.rest().next() {
        Some(p) => Some(lower_condition(p)?),
        None => None,
    };
    Ok(SetExpr::Select {
        selector,
        span,
        condition,
    })
}

fn lower_condition(pair: Pair<Rule>) -> Result<Condition, QueryError> {
    COND_OPS
        .map_primary(|p| match p.as_rule() {
            Rule::relation_atom => lower_atom(p),
            Rule::condition => lower_condition(p),
            _ => Err(unexpected(&p)),
        })
        .map_prefix(|_not, c| Ok(Condition::Not(Box::new(c?))))
        .map_infix(|a, op, b| {
            let (a, b) = (Box::new(a?), Box::new(b?));
            match op.as_rule() {
                Rule::kw_and => Ok(Condition::And(a, b)),
                Rule::kw_or => Ok(Condition::Or(a, b)),
                _ => Ok(Condition::Except(a, b)),
            }
        })
        .parse(pair.into_inner())
}

fn lower_atom(pair: Pair<Rule>) -> Result<Condition, QueryError> {
    let mut c = Children::of(pair);
    let relation = lower_relation(&c.next()?)?;
    let mut next = c.next()?;
    let star = next.as_rule() == Rule::star;
    if star {
        next = c.next()?;
    }
    let target = match next.as_rule() {
        Rule::subquery => {
            let mut inner = Children::of(next);
            Target::Query(Box::new(lower_set_expr(inner.next()?)?))
        }
        _ => Target::Name(lower_name(next)?),
    };
    Ok(Condition::Atom {
        relation,
        star,
        target,
    })
}

fn lower_relation(pair: &Pair<Rule>) -> Result<RelationRef, QueryError> {
    let (relation, direction) =
        Relation::from_name(&pair.as_str().to_ascii_lowercase()).ok_or_else(|| unexpected(pair))?;
    Ok(RelationRef {
        relation,
        direction,
        span: span_of(pair),
    })
}

fn lower_via(pair: Pair<Rule>) -> Result<Vec<RelationRef>, QueryError> {
    pair.into_inner()
        .filter(|p| p.as_rule() == Rule::relation)
        .map(|p| lower_relation(&p))
        .collect()
}

fn lower_name(pair: Pair<Rule>) -> Result<Name, QueryError> {
    let span = span_of(&pair);
    let mut c = Children::of(pair);
    let inner = c.next()?;
    let quoted = inner.as_rule() == Rule::quoted;
    let text = if quoted {
        inner
            .into_inner()
            .next()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default()
    } else {
        inner.as_str().to_string()
    };
    Ok(Name { text, quoted, span })
}

/// The largest `limit`.
pub const MAX_LIMIT: u64 = 999_999_999;

/// `limit 5`, `max 4`, `depth 2`: the number after the keyword, in the range its
/// clause allows (the caps on `max` and `depth` bound the work a query can ask for).
fn lower_number_clause(pair: Pair<Rule>) -> Result<usize, QueryError> {
    let (clause, min, max) = match pair.as_rule() {
        Rule::max => ("max", 1, LARGEST_PATHS_MAX as u64),
        Rule::depth => ("depth", 1, LARGEST_DEPTH as u64),
        _ => ("limit", 0, MAX_LIMIT),
    };
    let mut c = after_keyword(pair)?;
    let number = c.next()?;
    let span = span_of(&number);
    // only digits reach here, so a failed parse means too many of them
    let value: Option<u64> = number.as_str().parse().ok();
    let out_of_range = |too_large| QueryError::NumberOutOfRange {
        span,
        clause,
        min,
        max,
        too_large,
    };
    match value {
        Some(v) if v < min => Err(out_of_range(false)),
        Some(v) if v <= max => usize::try_from(v).map_err(|_| out_of_range(true)),
        _ => Err(out_of_range(true)),
    }
}

fn unexpected(pair: &Pair<Rule>) -> QueryError {
    QueryError::Internal {
        span: span_of(pair),
        what: "the parse tree has an unexpected shape",
    }
}

/// Turns pest's error into a located one, in words a user knows.
fn syntax_error(text: &str, e: pest::error::Error<Rule>) -> QueryError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let mut expected: Vec<&'static str> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| describe(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    expected.sort_unstable();
    expected.dedup();
    let found = word_at(text, pos);
    let end = (pos + found.map_or(0, str::len)).min(text.len());
    let span = Span::new(pos.min(end), end);
    let suggestion =
        found.and_then(|w| supply_for(text, w, &expected).or_else(|| suggest_for(w, &expected)));
    QueryError::Syntax {
        span,
        expected,
        found: found.map(str::to_string),
        suggestion,
    }
}

/// The word that starts at `pos`, if any.
fn word_at(text: &str, pos: usize) -> Option<&str> {
    let rest = text.get(pos..)?;
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '"'))
        .unwrap_or(rest.len());
    let word = &rest[..end];
    (!word.is_empty()).then_some(word)
}

/// "supply" where a relation is expected: the relations of supply said of the kind the
/// query selects (`muscles supply` → `innervated-by` or `supplied-by`; `nerves supply`
/// → `innervates`).
fn supply_for(text: &str, word: &str, expected: &[&'static str]) -> Option<String> {
    let w = word.to_lowercase();
    if !expected.iter().any(|e| e.starts_with("a relation"))
        || !(w.starts_with("suppl") || w.starts_with("innerv"))
    {
        return None;
    }
    let selector = text
        .split_whitespace()
        .find(|t| *t != "count" && *t != "dot")?;
    let kinds = Selector::from_word(selector)?.kinds();
    let names: Vec<&str> = [
        (Relation::InnervatedBy, Direction::Forward),
        (Relation::SuppliedBy, Direction::Forward),
        (Relation::InnervatedBy, Direction::Inverse),
        (Relation::SuppliedBy, Direction::Inverse),
    ]
    .into_iter()
    .filter(|(r, d)| {
        let subjects = match d {
            Direction::Forward => r.domain(),
            Direction::Inverse => r.range(),
        };
        !kinds.intersect(subjects).is_empty()
    })
    .map(|(r, d)| r.name(d))
    .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [init @ .., last] => Some(format!("{}` or `{last}", init.join("`, `"))),
    }
}

/// A close spelling among the words the parser would have accepted here.
fn suggest_for(word: &str, expected: &[&'static str]) -> Option<String> {
    let mut candidates: Vec<&str> = Vec::new();
    let w = word.trim_end_matches('*');
    if expected.iter().any(|e| e.starts_with("a relation")) {
        candidates.extend(Relation::all_names());
    }
    if expected.iter().any(|e| e.starts_with("a kind")) {
        candidates.extend(Selector::ALL.iter().map(|s| s.word()));
    }
    if expected.iter().any(|e| e.starts_with("a statement")) {
        candidates.extend([
            "show", "path", "paths", "why", "around", "count", "lesion", "localize",
        ]);
        candidates.extend(Selector::ALL.iter().map(|s| s.word()));
    }
    for e in expected {
        if let Some(kw) = e.strip_prefix('`').and_then(|k| k.strip_suffix('`')) {
            candidates.push(kw);
        }
    }
    let near: Vec<&str> = candidates
        .into_iter()
        .filter(|c| close_to(&w.to_lowercase(), c))
        .collect();
    crate::suggest::closest(w, near).map(str::to_string)
}

/// Whether a keyword is close enough to a word typed to be what was meant: a typo of
/// it, or its start typed out (`branches` → `branch-of`); never a short word that only
/// shares letters (`how` is not `show`, `in` not `involves`, `foot` not `roots`).
fn close_to(typed: &str, keyword: &str) -> bool {
    let len = typed.chars().count();
    let edits = strsim::damerau_levenshtein(typed, keyword);
    let prefix = typed
        .chars()
        .zip(keyword.chars())
        .take_while(|(a, b)| a == b)
        .count();
    match len {
        0..=3 => edits <= 1 && keyword.chars().count() == len,
        4 => edits <= 1,
        _ => edits <= 2 || (prefix >= 5 && prefix * 10 >= len * 6),
    }
}

/// Human words for grammar rules; `None` for rules a user never needs to hear about.
fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::name | Rule::bare_name | Rule::quoted | Rule::clinical_name | Rule::clinical_bare => {
            "a structure name"
        }
        Rule::sign | Rule::finding => "a finding: weak, spared, numb, reflex-lost, lost or shows",
        Rule::kw_at | Rule::lesion_at => "`at`",
        Rule::relation => "a relation such as innervated-by",
        Rule::kind_word | Rule::selection | Rule::set_expr | Rule::set_stmt => {
            "a kind such as muscles"
        }
        Rule::show_stmt
        | Rule::path_stmt
        | Rule::paths_stmt
        | Rule::why_stmt
        | Rule::around_stmt
        | Rule::count_stmt
        | Rule::lesion_stmt
        | Rule::localize_stmt
        | Rule::kw_lesion
        | Rule::kw_localize
        | Rule::query
        | Rule::kw_show
        | Rule::kw_path
        | Rule::kw_paths
        | Rule::kw_why
        | Rule::kw_around
        | Rule::kw_count
        | Rule::dot_prefix => "a statement such as show, path or muscles",
        Rule::number => "a number",
        Rule::star => "`*`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_not => "`not`",
        Rule::kw_except => "`except`",
        Rule::kw_to => "`to`",
        Rule::kw_via | Rule::via => "`via`",
        Rule::kw_max | Rule::max => "`max`",
        Rule::kw_depth | Rule::depth => "`depth`",
        Rule::kw_limit | Rule::limit => "`limit`",
        Rule::kw_including | Rule::kw_disputed | Rule::disputed => "`including disputed`",
        Rule::kw_contributing | Rule::contributing => "`including contributing`",
        Rule::subquery => "a structure name",
        Rule::condition | Rule::relation_atom => "a relation such as innervated-by",
        Rule::EOI => "the end of the query",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::model::Direction;

    fn round_trip(text: &str) -> String {
        let q = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let printed = q.to_string();
        let again = parse(&printed).unwrap_or_else(|e| panic!("{printed}: {e:?}"));
        assert_eq!(strip_spans_q(q), strip_spans_q(again), "{text} → {printed}");
        printed
    }

    /// Spans differ between a query and its printed form; compare the rest.
    fn strip_spans_q(q: Query) -> String {
        format!("{}", q)
    }

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(
            round_trip("muscles innervated-by tibial"),
            "muscles innervated-by tibial"
        );
        assert_eq!(
            round_trip("MUSCLES Innervated-By* Sciatic"),
            "muscles innervated-by* Sciatic"
        );
        assert_eq!(
            round_trip("nerves innervates soleus"),
            "nerves innervates soleus"
        );
        assert_eq!(
            round_trip("muscles innervated-by tibial and originates-from* fibula"),
            "muscles innervated-by tibial and originates-from* fibula"
        );
        assert_eq!(round_trip("show soleus"), "show soleus");
        assert_eq!(
            round_trip("show flexor hallucis longus"),
            "show \"flexor hallucis longus\""
        );
        assert_eq!(
            round_trip("path soleus to sciatic"),
            "path soleus to sciatic"
        );
        assert_eq!(
            round_trip("paths soleus to sciatic max 4 via innervated-by, branch-of"),
            "paths soleus to sciatic max 4 via innervated-by, branch-of"
        );
        assert_eq!(round_trip("count muscles limit 3"), "count muscles limit 3");
        assert_eq!(
            round_trip("why soleus inserts-into* calcaneus"),
            "why soleus inserts-into* calcaneus"
        );
        assert_eq!(
            round_trip("dot around soleus depth 2"),
            "dot around soleus depth 2"
        );
        assert_eq!(round_trip("muscles"), "muscles");
        assert_eq!(
            round_trip("lesion \"common fibular\""),
            "lesion \"common fibular\""
        );
        assert_eq!(round_trip("LESION L5"), "lesion L5");
        assert_eq!(
            round_trip("lesion radial at \"spiral groove\""),
            "lesion radial at \"spiral groove\""
        );
        assert_eq!(
            round_trip("lesion radial nerve at spiral groove including disputed"),
            "lesion \"radial nerve\" at \"spiral groove\" including disputed"
        );
        assert_eq!(
            round_trip(
                "localize weak \"tibialis anterior\", \"extensor hallucis longus\" spared \"tibialis posterior\""
            ),
            "localize weak \"tibialis anterior\", \"extensor hallucis longus\" spared \"tibialis posterior\""
        );
        assert_eq!(
            round_trip(
                "localize weak deltoid, biceps brachii numb 'skin over deltoid' reflex-lost biceps reflex"
            ),
            "localize weak deltoid, \"biceps brachii\" numb \"skin over deltoid\" reflex-lost \"biceps reflex\""
        );
        assert_eq!(
            round_trip(
                "muscles innervated-by \"deep fibular\" or innervated-by 'superficial fibular'"
            ),
            "muscles innervated-by \"deep fibular\" or innervated-by \"superficial fibular\""
        );
    }

    /// The shape of a condition or set expression, fully parenthesised.
    fn cond_shape(c: &Condition) -> String {
        match c {
            Condition::Atom { target, .. } => match target {
                Target::Name(n) => n.text.clone(),
                Target::Query(q) => format!("({})", set_shape(q)),
            },
            Condition::Not(c) => format!("not {}", cond_shape(c)),
            Condition::And(a, b) => format!("({} and {})", cond_shape(a), cond_shape(b)),
            Condition::Or(a, b) => format!("({} or {})", cond_shape(a), cond_shape(b)),
            Condition::Except(a, b) => format!("({} except {})", cond_shape(a), cond_shape(b)),
        }
    }

    fn set_shape(e: &SetExpr) -> String {
        match e {
            SetExpr::Select {
                selector,
                condition,
                ..
            } => match condition {
                Some(c) => format!("{}[{}]", selector.word(), cond_shape(c)),
                None => selector.word().to_string(),
            },
            SetExpr::And(a, b) => format!("({} and {})", set_shape(a), set_shape(b)),
            SetExpr::Or(a, b) => format!("({} or {})", set_shape(a), set_shape(b)),
            SetExpr::Except(a, b) => format!("({} except {})", set_shape(a), set_shape(b)),
        }
    }

    fn shape(text: &str) -> String {
        match parse(text).unwrap().statement {
            Statement::Set { expr, .. } => set_shape(&expr),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn precedence_not_and_except_or() {
        let text = "muscles not located-in a or performs b and member-of c except inserts-into d";
        assert_eq!(shape(text), "muscles[(not a or ((b and c) except d))]");
        assert_eq!(round_trip(text), text);
        let text = "(muscles performs x) or nerves and roots except bones";
        assert_eq!(
            shape(text),
            "(muscles[x] or ((nerves and roots) except bones))"
        );
        assert_eq!(
            round_trip(text),
            "muscles performs x or nerves and roots except bones"
        );
        // parentheses are printed where the tree needs them, and only there
        let text = "muscles not (performs a or performs b) and (performs c except performs d)";
        assert_eq!(shape(text), "muscles[(not (a or b) and (c except d))]");
        assert_eq!(round_trip(text), text);
        assert_eq!(
            round_trip("(muscles or nerves) and bones"),
            "(muscles or nerves) and bones"
        );
        assert_eq!(
            round_trip("muscles or (nerves or bones)"),
            "muscles or (nerves or bones)"
        );
        assert_eq!(
            round_trip("(muscles or nerves) or bones"),
            "muscles or nerves or bones"
        );
    }

    #[test]
    fn a_long_chain_prints_without_nesting() {
        // each `or` used to add a level of parentheses, past the nesting limit
        let text = format!("muscles performs a{}", " or performs a".repeat(40));
        assert_eq!(round_trip(&text), text);
        let text = format!("muscles{}", " or bones".repeat(40));
        assert_eq!(round_trip(&text), text);
    }

    #[test]
    fn subqueries_and_relation_directions() {
        let q = parse("muscles innervated-by (nerves branch-of* sciatic)").unwrap();
        let Statement::Set {
            expr:
                SetExpr::Select {
                    condition:
                        Some(Condition::Atom {
                            relation, target, ..
                        }),
                    ..
                },
            ..
        } = q.statement
        else {
            panic!("{q:?}")
        };
        assert_eq!(relation.relation, Relation::InnervatedBy);
        assert_eq!(relation.direction, Direction::Forward);
        assert!(matches!(target, Target::Query(_)));
        let q = parse("arteries supplies soleus").unwrap();
        assert!(q.to_string().starts_with("arteries supplies"));
    }

    #[test]
    fn names_stop_at_keywords_and_keep_spans() {
        let text = "path biceps femoris to common fibular nerve";
        let q = parse(text).unwrap();
        let Statement::Path { from, to, .. } = q.statement else {
            panic!()
        };
        assert_eq!(from.text, "biceps femoris");
        assert_eq!(&text[from.span.start..from.span.end], "biceps femoris");
        assert_eq!(to.text, "common fibular nerve");
    }

    #[test]
    fn rejects_with_a_located_reason() {
        let e = parse("muscles innervated-by").unwrap_err();
        let QueryError::Syntax { span, expected, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!(span.start, 21);
        assert_eq!(expected, vec!["`*`", "a structure name"]);

        let e = parse("musles innervated-by tibial").unwrap_err();
        let QueryError::Syntax {
            span, suggestion, ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!(span, Span::new(0, 6));
        assert_eq!(suggestion.as_deref(), Some("muscles"));

        let e = parse("muscles inervated-by tibial").unwrap_err();
        let QueryError::Syntax {
            span, suggestion, ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!(span.start, 8);
        assert_eq!(suggestion.as_deref(), Some("innervated-by"));

        assert!(matches!(parse("   "), Err(QueryError::Empty)));
        assert_eq!(
            parse("show \"soleus"),
            Err(QueryError::UnclosedQuote {
                span: Span::new(5, 6),
                quote: '"'
            })
        );
        assert!(matches!(
            parse("paths a to b max"),
            Err(QueryError::Syntax { .. })
        ));
    }

    #[test]
    fn refuses_deep_nesting_and_huge_input_without_overflow() {
        let deep = format!("{}muscles{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(matches!(
            parse(&deep[..MAX_QUERY_LEN.min(deep.len())]),
            Err(QueryError::TooDeep { .. })
        ));
        let nested = format!("{}muscles{}", "(".repeat(40), ")".repeat(40));
        assert!(matches!(parse(&nested), Err(QueryError::TooDeep { .. })));
        let ok = format!("{}muscles{}", "(".repeat(20), ")".repeat(20));
        assert!(parse(&ok).is_ok());
        let long = "muscles ".repeat(1000);
        assert!(matches!(parse(&long), Err(QueryError::TooLong { .. })));
    }

    #[test]
    fn any_bytes_give_an_error_not_a_panic() {
        for text in [
            "\u{0}",
            "é",
            "show \u{202e}",
            ")(",
            "\"",
            "muscles limit 99999999999",
            "why",
            "*",
            "dot",
            "paths",
        ] {
            let _ = parse(text);
        }
    }
}
