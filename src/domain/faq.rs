//! FAQ rules in plain Rust: the content files' front matter, the checks every entry must
//! pass, and the search (accent- and case-insensitive) with match ranges for highlighting.
//!
//! `build.rs` includes this very file to parse `content/faq/<lang>/*.md` at build time,
//! so it uses nothing but `std`.
//!
//! ```
//! use mvp_pathway::domain::faq::parse_entry;
//! let entry = parse_entry(
//!     "id: what-it-is\ntopic: program\nquestion: What is it?\nsource: Official FAQ | https://mvp.microsoft.com\nreviewed: 2026-11-27\n---\nAn award.\n",
//! ).unwrap();
//! assert_eq!(entry.id, "what-it-is");
//! assert_eq!(entry.sources[0].url, "https://mvp.microsoft.com");
//! assert_eq!(entry.body.trim(), "An award.");
//! ```

use std::fmt;

/// Topics that group the questions, in page order.
pub const TOPICS: [&str; 7] = [
    "program",
    "eligibility",
    "contributions",
    "nomination",
    "award",
    "related",
    "app",
];

/// One FAQ content file, parsed but not yet rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqSource {
    /// Stable anchor: the same in every language, never derived from the question text.
    pub id: String,
    /// One of [`TOPICS`].
    pub topic: String,
    pub question: String,
    /// The sources the answer relies on, at least one, each with its link.
    pub sources: Vec<Source>,
    /// Date the answer was last checked against its sources, `YYYY-MM-DD`.
    pub reviewed: String,
    /// The answer, in Markdown.
    pub body: String,
}

/// One source of an answer: `source: <name> | <url>` in the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What the reader sees, e.g. `Official MVP FAQ (mvp.microsoft.com)`.
    pub name: String,
    /// `https://…`, or a path inside the app starting with `/` (e.g. `/about`).
    pub url: String,
}

impl Source {
    /// True for a path inside the app (`/about`), which the page puts under its base path.
    pub fn is_app_path(&self) -> bool {
        self.url.starts_with('/')
    }
}

/// What is wrong with a `source:` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceProblem {
    /// Nothing before the `|`.
    NoName,
    /// No `| <url>` part, or nothing after the `|`.
    NoUrl,
    /// The URL is neither `https://<host>…` nor a path starting with a single `/`.
    BadUrl,
}

/// Why a content file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaqError {
    MissingSeparator,
    BadLine(String),
    UnknownField(String),
    Missing(&'static str),
    BadId(String),
    BadTopic(String),
    BadDate(String),
    EmptyAnswer,
    /// A `source:` line without a name or a usable link; `line` counts from 1 in the file.
    BadSource {
        line: usize,
        text: String,
        problem: SourceProblem,
    },
}

impl fmt::Display for FaqError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaqError::MissingSeparator => write!(f, "no `---` line after the front matter"),
            FaqError::BadLine(l) => write!(f, "expected `field: value`, found `{l}`"),
            FaqError::UnknownField(k) => write!(f, "unknown field `{k}`"),
            FaqError::Missing(k) => write!(f, "missing `{k}:`"),
            FaqError::BadId(id) => write!(
                f,
                "id `{id}` must be lower-case letters, digits and single hyphens"
            ),
            FaqError::BadTopic(t) => write!(f, "topic `{t}` is not one of {TOPICS:?}"),
            FaqError::BadDate(d) => write!(f, "reviewed `{d}` is not a real YYYY-MM-DD date"),
            FaqError::EmptyAnswer => write!(f, "the answer is empty"),
            FaqError::BadSource {
                line,
                text,
                problem,
            } => {
                let what = match problem {
                    SourceProblem::NoName => "has no name before the `|`",
                    SourceProblem::NoUrl => "has no URL",
                    SourceProblem::BadUrl => {
                        "has a URL that is neither `https://…` nor a path starting with `/`"
                    }
                };
                write!(
                    f,
                    "line {line}: source `{text}` {what}; write `source: <name> | https://…` or `source: <name> | /<path>`"
                )
            }
        }
    }
}

/// Parses one content file: `field: value` lines (`id`, `topic`, `question`, one or more
/// `source: <name> | <url>`, `reviewed`), a `---` line, then the Markdown answer.
pub fn parse_entry(text: &str) -> Result<FaqSource, FaqError> {
    let text = text.replace("\r\n", "\n");
    let (head, body) = text
        .split_once("\n---\n")
        .ok_or(FaqError::MissingSeparator)?;
    let (mut id, mut topic, mut question, mut reviewed) = (None, None, None, None);
    let mut sources = Vec::new();
    for (index, line) in head.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| FaqError::BadLine(line.to_string()))?;
        let value = value.trim().to_string();
        match key.trim() {
            "id" => id = Some(value),
            "topic" => topic = Some(value),
            "question" => question = Some(value),
            "source" => {
                sources.push(parse_source(&value).map_err(|problem| FaqError::BadSource {
                    line: index + 1,
                    text: value.clone(),
                    problem,
                })?)
            }
            "reviewed" => reviewed = Some(value),
            other => return Err(FaqError::UnknownField(other.to_string())),
        }
    }
    let id = id
        .filter(|v| !v.is_empty())
        .ok_or(FaqError::Missing("id"))?;
    if !is_slug(&id) {
        return Err(FaqError::BadId(id));
    }
    let topic = topic
        .filter(|v| !v.is_empty())
        .ok_or(FaqError::Missing("topic"))?;
    if !TOPICS.contains(&topic.as_str()) {
        return Err(FaqError::BadTopic(topic));
    }
    let question = question
        .filter(|v| !v.is_empty())
        .ok_or(FaqError::Missing("question"))?;
    if sources.is_empty() {
        return Err(FaqError::Missing("source"));
    }
    let reviewed = reviewed
        .filter(|v| !v.is_empty())
        .ok_or(FaqError::Missing("reviewed"))?;
    if parse_iso_date(&reviewed).is_none() {
        return Err(FaqError::BadDate(reviewed));
    }
    if body.trim().is_empty() {
        return Err(FaqError::EmptyAnswer);
    }
    Ok(FaqSource {
        id,
        topic,
        question,
        sources,
        reviewed,
        body: body.trim().to_string() + "\n",
    })
}

/// Splits a `source:` value, `<name> | <url>`, at its last `|` and checks both parts.
pub fn parse_source(value: &str) -> Result<Source, SourceProblem> {
    if value.trim().is_empty() {
        return Err(SourceProblem::NoName);
    }
    let (name, url) = value.rsplit_once('|').ok_or(SourceProblem::NoUrl)?;
    let (name, url) = (name.trim(), url.trim());
    if name.is_empty() {
        return Err(SourceProblem::NoName);
    }
    if url.is_empty() {
        return Err(SourceProblem::NoUrl);
    }
    if !is_source_url(url) {
        return Err(SourceProblem::BadUrl);
    }
    Ok(Source {
        name: name.to_string(),
        url: url.to_string(),
    })
}

/// True for `https://<host>…` and for paths inside the app (`/about`). Refused: other
/// schemes, `//host` (which leaves the site), and spaces, control characters, quotes,
/// angle brackets or backslashes anywhere.
pub fn is_source_url(url: &str) -> bool {
    let clean = url.chars().all(|c| {
        !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '\'' | '<' | '>' | '\\')
    });
    let https_host = url
        .strip_prefix("https://")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let app_path = url.starts_with('/') && !url.starts_with("//");
    clean && (https_host || app_path)
}

/// True for anchors like `twelve-month-window`: safe in a URL fragment and an HTML id.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.as_bytes()[0].is_ascii_lowercase()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Year, month, day of a real calendar date written `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = s[0..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// Checks a whole language's entries: no anchor twice.
pub fn duplicate_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::BTreeSet::new();
    ids.into_iter().filter(|id| !seen.insert(*id)).collect()
}

/// A piece of text, marked when it matches the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub matched: bool,
}

/// Lower-cases and removes accents, one char for one char, so positions map back.
/// Covers ASCII and the Latin letters of the shipped languages by hand: `char::to_lowercase`
/// would bring Unicode case tables (about 14 KB) into the Wasm.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        other => other,
    }
}

/// The words of a query, folded; empty when the query is blank.
pub fn query_terms(query: &str) -> Vec<Vec<char>> {
    query
        .split_whitespace()
        .map(|w| w.chars().map(fold).collect::<Vec<char>>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Byte ranges of `text` where any term occurs, merged and in order.
pub fn match_ranges(text: &str, terms: &[Vec<char>]) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |(i, _)| *i);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms {
        if term.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - term.len() {
            if chars[start..start + term.len()]
                .iter()
                .zip(term)
                .all(|((_, a), b)| a == b)
            {
                ranges.push((chars[start].0, end_of(start + term.len())));
            }
        }
    }
    super::order::sort_by(&mut ranges, Ord::cmp);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// True when every term occurs somewhere in `fields`.
pub fn matches_all(fields: &[&str], terms: &[Vec<char>]) -> bool {
    terms.iter().all(|term| {
        fields
            .iter()
            .any(|f| !match_ranges(f, std::slice::from_ref(term)).is_empty())
    })
}

/// Splits `text` into marked and unmarked pieces for the given terms.
pub fn highlight<'a>(text: &'a str, terms: &[Vec<char>]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in match_ranges(text, terms) {
        if s > at {
            out.push(Segment {
                text: &text[at..s],
                matched: false,
            });
        }
        out.push(Segment {
            text: &text[s..e],
            matched: true,
        });
        at = e;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment {
            text: &text[at..],
            matched: false,
        });
    }
    out
}

/// A short excerpt of `text` around its first match (about `width` chars), with an
/// ellipsis where it was cut; `None` when nothing matches.
pub fn excerpt(text: &str, terms: &[Vec<char>], width: usize) -> Option<String> {
    let (first, _) = *match_ranges(text, terms).first()?;
    let before: Vec<(usize, char)> = text[..first].char_indices().collect();
    let start = before
        .len()
        .checked_sub(width / 3)
        .map_or(0, |k| before[k].0);
    // Start at a word boundary when cut.
    let start = if start == 0 {
        0
    } else {
        text[start..first]
            .find(' ')
            .map_or(start, |sp| start + sp + 1)
    };
    let end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| start + i);
    let end = if end == text.len() {
        end
    } else {
        text[..end]
            .rfind(' ')
            .filter(|&sp| sp > first)
            .unwrap_or(end)
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id: twelve-month-window\ntopic: eligibility\nquestion: Which period counts?\nsource: Official FAQ | https://mvp.microsoft.com\nsource: This app's About page | /about\nreviewed: 2026-11-27\n---\nThe previous **12 months**.\n";

    fn source(name: &str, url: &str) -> Source {
        Source {
            name: name.into(),
            url: url.into(),
        }
    }

    #[test]
    fn parses_front_matter_and_body() {
        let e = parse_entry(GOOD).unwrap();
        assert_eq!(e.id, "twelve-month-window");
        assert_eq!(e.topic, "eligibility");
        assert_eq!(e.question, "Which period counts?");
        assert_eq!(
            e.sources,
            [
                source("Official FAQ", "https://mvp.microsoft.com"),
                source("This app's About page", "/about")
            ]
        );
        assert!(!e.sources[0].is_app_path());
        assert!(e.sources[1].is_app_path());
        assert_eq!(e.reviewed, "2026-11-27");
        assert_eq!(e.body, "The previous **12 months**.\n");
        assert_eq!(parse_entry(&GOOD.replace('\n', "\r\n")).unwrap(), e);
    }

    #[test]
    fn refuses_entries_without_source_date_or_valid_anchor() {
        let without = |field: &str| {
            GOOD.lines()
                .filter(|l| !l.starts_with(field))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            parse_entry(&without("source")),
            Err(FaqError::Missing("source"))
        );
        assert_eq!(
            parse_entry(&without("reviewed")),
            Err(FaqError::Missing("reviewed"))
        );
        assert_eq!(parse_entry(&without("id")), Err(FaqError::Missing("id")));
        assert_eq!(
            parse_entry(&GOOD.replace("2026-11-27", "2026-02-30")),
            Err(FaqError::BadDate("2026-02-30".into()))
        );
        assert_eq!(
            parse_entry(&GOOD.replace("twelve-month-window", "Twelve months")),
            Err(FaqError::BadId("Twelve months".into()))
        );
        assert_eq!(
            parse_entry(&GOOD.replace("eligibility", "misc")),
            Err(FaqError::BadTopic("misc".into()))
        );
        assert_eq!(
            parse_entry(&GOOD.replace("---", "--")),
            Err(FaqError::MissingSeparator)
        );
        assert_eq!(
            parse_entry(&GOOD.replace("source: Official", "sorce: Official")),
            Err(FaqError::UnknownField("sorce".into()))
        );
        assert!(matches!(
            parse_entry(&GOOD.replace("The previous **12 months**.", " ")),
            Err(FaqError::EmptyAnswer)
        ));
    }

    /// The line and problem of the bad source `text` is refused for, if it is.
    fn source_problem(text: &str) -> Option<(usize, SourceProblem)> {
        match parse_entry(text) {
            Err(FaqError::BadSource { line, problem, .. }) => Some((line, problem)),
            _ => None,
        }
    }

    #[test]
    fn a_source_without_a_url_is_refused_with_its_line() {
        let text = GOOD.replace(
            "source: Official FAQ | https://mvp.microsoft.com",
            "source: Official FAQ",
        );
        let err = parse_entry(&text).unwrap_err();
        assert_eq!(
            err,
            FaqError::BadSource {
                line: 4,
                text: "Official FAQ".into(),
                problem: SourceProblem::NoUrl
            }
        );
        let message = err.to_string();
        assert!(
            message.starts_with("line 4: source `Official FAQ`"),
            "{message}"
        );
        assert!(message.contains("has no URL"), "{message}");
        // An empty link after the bar, a name missing before it, and a blank source line.
        let blank_url = GOOD.replace("| /about", "|  ");
        assert_eq!(source_problem(&blank_url), Some((5, SourceProblem::NoUrl)));
        let no_name = GOOD.replace("This app's About page | /about", "| /about");
        assert_eq!(source_problem(&no_name), Some((5, SourceProblem::NoName)));
        let blank = GOOD.replace("This app's About page | /about", "");
        assert_eq!(source_problem(&blank), Some((5, SourceProblem::NoName)));
        // Lines count from the top of the file, blank lines included.
        let spaced = format!("\n\n{}", GOOD.replace("| /about", ""));
        assert!(matches!(
            parse_entry(&spaced),
            Err(FaqError::BadSource { line: 7, .. })
        ));
    }

    #[test]
    fn source_links_are_https_or_app_paths() {
        for good in [
            "https://mvp.microsoft.com",
            "https://en.wikipedia.org/wiki/Microsoft_Most_Valuable_Professional",
            "https://www.troyhunt.com/",
            "/about",
            "/faq#move-data",
        ] {
            assert!(is_source_url(good), "{good}");
        }
        for bad in [
            "http://mvp.microsoft.com",
            "mvp.microsoft.com",
            "about",
            "//evil.example",
            "https://",
            "https:///path",
            "javascript:alert(1)",
            "data:text/html,x",
            "HTTPS://mvp.microsoft.com",
            "https://mvp.microsoft.com/a b",
            "/about\"onclick",
            "/<script>",
            "https://x\\y",
        ] {
            assert!(!is_source_url(bad), "{bad}");
        }
        let text = GOOD.replace("https://mvp.microsoft.com", "http://mvp.microsoft.com");
        let err = parse_entry(&text).unwrap_err();
        assert_eq!(
            err,
            FaqError::BadSource {
                line: 4,
                text: "Official FAQ | http://mvp.microsoft.com".into(),
                problem: SourceProblem::BadUrl
            }
        );
        assert!(err.to_string().contains("neither `https://…`"), "{err}");
        // The name may contain a bar: the link is what follows the last one.
        assert_eq!(
            parse_source("A | B | https://mvp.microsoft.com"),
            Ok(source("A | B", "https://mvp.microsoft.com"))
        );
    }

    #[test]
    fn slugs_and_dates() {
        assert!(is_slug("a-b-2"));
        for bad in ["", "-a", "a-", "a--b", "2a", "a_b", "a b", "<x>", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(parse_iso_date("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(parse_iso_date("2027-02-29"), None);
        assert_eq!(parse_iso_date("2027-13-01"), None);
        assert_eq!(parse_iso_date("27-11-2026"), None);
        assert_eq!(duplicate_ids(["a", "b", "a", "c", "b"]), ["a", "b"]);
    }

    #[test]
    fn search_ignores_case_and_accents_and_needs_every_word() {
        let terms = query_terms("  nominacion  MVP ");
        assert_eq!(terms.len(), 2);
        assert!(matches_all(
            &["¿Cómo funciona la nominación?", "Un MVP o un empleado"],
            &terms
        ));
        assert!(!matches_all(&["¿Cómo funciona la nominación?"], &terms));
        assert!(query_terms("   ").is_empty());
    }

    #[test]
    fn highlight_splits_text_at_matches_without_losing_any() {
        let terms = query_terms("ren");
        let parts = highlight("Renewals: when renewal happens", &terms);
        assert_eq!(
            parts,
            vec![
                Segment {
                    text: "Ren",
                    matched: true
                },
                Segment {
                    text: "ewals: when ",
                    matched: false
                },
                Segment {
                    text: "ren",
                    matched: true
                },
                Segment {
                    text: "ewal happens",
                    matched: false
                },
            ]
        );
        // Overlapping terms merge; accented text keeps its original spelling.
        assert!(matches_all(
            &["ÚLTIMA REVISIÓN"],
            &query_terms("ultima revision")
        ));
        let parts = highlight("Categorías", &query_terms("categor goria"));
        assert_eq!(
            parts,
            vec![
                Segment {
                    text: "Categoría",
                    matched: true
                },
                Segment {
                    text: "s",
                    matched: false
                }
            ]
        );
        let joined: String = highlight("no match here", &terms)
            .iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(joined, "no match here");
    }

    #[test]
    fn excerpt_shows_the_first_match_in_context() {
        let text = "The award lasts one year. Since 2017 new MVPs are awarded every month and all renewals happen on July 1 each year.";
        let ex = excerpt(text, &query_terms("july"), 40).unwrap();
        assert!(ex.contains("July"), "{ex}");
        assert!(ex.starts_with('…'), "{ex}");
        assert!(excerpt(text, &query_terms("zebra"), 40).is_none());
        assert_eq!(
            excerpt("Short July", &query_terms("july"), 40).unwrap(),
            "Short July"
        );
    }
}
