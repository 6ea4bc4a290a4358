//! "What's your MVP story?": the person's answers to four reflection prompts, the journal
//! highlights they picked, and the Markdown draft built from both.
//!
//! ```
//! use mvp_pathway::domain::story::{build_markdown, Prompt, StoryDraft, StoryText};
//! let mut draft = StoryDraft::default();
//! draft.set_answer(Prompt::WhyStarted, "A *local* meetup needed a host.");
//! let text = StoryText {
//!     title: "My MVP story",
//!     headings: ["Why I started", "Who I helped", "What I learned", "What comes next"],
//!     highlights_heading: "Highlights",
//!     reach: "{n} reached",
//!     high_impact: "high impact",
//! };
//! let md = build_markdown(&draft, &[], &text);
//! assert_eq!(md, "# My MVP story\n\n## Why I started\n\nA \\*local\\* meetup needed a host.\n");
//! ```

use crate::domain::activity::StoryHighlight;
use crate::domain::markdown::is_safe_url;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// Longest answer kept per prompt, in characters.
pub const ANSWER_MAX_CHARS: usize = 4000;
/// How many of the strongest journal entries are offered.
pub const HIGHLIGHT_LIMIT: usize = 10;

/// The reflection prompts, in the order the draft follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    WhyStarted,
    WhoHelped,
    Learned,
    Next,
}

impl Prompt {
    /// Every prompt, in order.
    pub const ALL: [Prompt; 4] = [
        Prompt::WhyStarted,
        Prompt::WhoHelped,
        Prompt::Learned,
        Prompt::Next,
    ];

    /// Stable name used in element ids.
    pub fn code(self) -> &'static str {
        match self {
            Prompt::WhyStarted => "why",
            Prompt::WhoHelped => "helped",
            Prompt::Learned => "learned",
            Prompt::Next => "next",
        }
    }

    fn index(self) -> usize {
        match self {
            Prompt::WhyStarted => 0,
            Prompt::WhoHelped => 1,
            Prompt::Learned => 2,
            Prompt::Next => 3,
        }
    }
}

/// The person's draft: one answer per prompt and the ids of the highlights they picked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryDraft {
    pub answers: [String; 4],
    /// [`highlight_id`]s of picked journal entries.
    pub picked: BTreeSet<String>,
}

impl StoryDraft {
    /// The answer to `prompt` ("" when none).
    pub fn answer(&self, prompt: Prompt) -> &str {
        &self.answers[prompt.index()]
    }

    /// Replaces an answer, cut to [`ANSWER_MAX_CHARS`].
    pub fn set_answer(&mut self, prompt: Prompt, text: &str) {
        self.answers[prompt.index()] = text.chars().take(ANSWER_MAX_CHARS).collect();
    }

    /// Picks or unpicks a highlight.
    pub fn set_picked(&mut self, highlight: &StoryHighlight, picked: bool) {
        let id = highlight_id(highlight);
        if picked {
            self.picked.insert(id);
        } else {
            self.picked.remove(&id);
        }
    }

    /// Whether a highlight is picked.
    pub fn is_picked(&self, highlight: &StoryHighlight) -> bool {
        self.picked.contains(&highlight_id(highlight))
    }
}

/// A stable identity for a journal entry seen through [`StoryHighlight`]: date, title, URL.
pub fn highlight_id(h: &StoryHighlight) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}",
        h.date,
        h.title,
        h.url.as_deref().unwrap_or("")
    )
}

/// The strongest entries first: high-impact ones, then by reach, then the most recent;
/// at most `limit`.
pub fn strongest(highlights: &[StoryHighlight], limit: usize) -> Vec<StoryHighlight> {
    let mut sorted = highlights.to_vec();
    crate::domain::order::sort_by(&mut sorted, |a, b| {
        (
            Reverse(a.high_impact),
            Reverse(a.reach),
            Reverse(&a.date),
            &a.title,
        )
            .cmp(&(
                Reverse(b.high_impact),
                Reverse(b.reach),
                Reverse(&b.date),
                &b.title,
            ))
    });
    sorted.truncate(limit);
    sorted
}

/// Translated text the draft is made of.
#[derive(Debug, Clone, Copy)]
pub struct StoryText<'a> {
    pub title: &'a str,
    /// One heading per [`Prompt`], in [`Prompt::ALL`] order.
    pub headings: [&'a str; 4],
    pub highlights_heading: &'a str,
    /// Template with `{n}`, e.g. "{n} reached".
    pub reach: &'a str,
    pub high_impact: &'a str,
}

/// The Markdown draft: a title, one section per answered prompt, then the picked
/// highlights (in the order given). The person's text appears exactly as typed: Markdown
/// characters in it are escaped, and only http/https URLs become links.
pub fn build_markdown(
    draft: &StoryDraft,
    highlights: &[StoryHighlight],
    text: &StoryText,
) -> String {
    build_markdown_at(draft, highlights, text, 1)
}

/// [`build_markdown`] with the title at heading level `level` (1 to 5) and sections one
/// below, so that a preview can sit inside a page's own outline.
pub fn build_markdown_at(
    draft: &StoryDraft,
    highlights: &[StoryHighlight],
    text: &StoryText,
    level: usize,
) -> String {
    let level = level.clamp(1, 5);
    let title = "#".repeat(level);
    let section = "#".repeat(level + 1);
    let mut out = format!("{title} {}\n", escape_inline(text.title));
    for prompt in Prompt::ALL {
        let body = escape_block(draft.answer(prompt));
        if !body.is_empty() {
            out.push_str(&format!(
                "\n{section} {}\n\n{body}\n",
                escape_inline(text.headings[prompt.index()])
            ));
        }
    }
    let picked: Vec<&StoryHighlight> = highlights.iter().filter(|h| draft.is_picked(h)).collect();
    if !picked.is_empty() {
        out.push_str(&format!(
            "\n{section} {}\n\n",
            escape_inline(text.highlights_heading)
        ));
        for h in picked {
            out.push_str(&highlight_line(h, text));
            out.push('\n');
        }
    }
    out
}

fn highlight_line(h: &StoryHighlight, text: &StoryText) -> String {
    let title = escape_inline(one_line(&h.title));
    let mut line = match h.url.as_deref().and_then(link_destination) {
        Some(url) => format!("- [{title}]({url})"),
        None => format!("- {title}"),
    };
    let mut details: Vec<String> = Vec::new();
    for part in [one_line(&h.kind), one_line(&h.date)] {
        if !part.is_empty() {
            details.push(escape_inline(part));
        }
    }
    if h.reach > 0 {
        details.push(escape_inline(
            &text.reach.replace("{n}", &h.reach.to_string()),
        ));
    }
    if h.high_impact {
        details.push(escape_inline(text.high_impact));
    }
    if !details.is_empty() {
        line.push_str(" — ");
        line.push_str(&details.join(", "));
    }
    line
}

fn one_line(s: &str) -> &str {
    s.lines().next().unwrap_or("").trim()
}

/// A URL fit for a Markdown link: http or https only, with the characters that could end
/// the link destination percent-encoded. `None` for anything else.
pub fn link_destination(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once(':')?;
    let scheme_ok = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    if !scheme_ok
        || !rest.starts_with("//")
        || rest.len() <= 2
        || url.chars().any(char::is_control)
        || !is_safe_url(url)
    {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            '"' => out.push_str("%22"),
            _ => out.push(c),
        }
    }
    Some(out)
}

/// Escapes the characters that Markdown would read as formatting inside a line.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // Only an entity-like "&name;" or "&#12;" would be decoded.
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

fn looks_like_entity(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

/// Escapes free text as Markdown paragraphs: blank lines separate paragraphs, single line
/// breaks are kept as hard breaks, and nothing at a line start can open a heading, list,
/// quote or code block.
pub fn escape_block(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\\\n"));
                current.clear();
            }
        } else {
            current.push(escape_line_start(escape_inline(line)));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\\\n"));
    }
    paragraphs.join("\n\n")
}

fn escape_line_start(mut line: String) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        line.insert(0, '\\');
        return line;
    }
    // "12. " or "3) " would start an ordered list.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        line.insert(digits, '\\');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::markdown::render_markdown;

    const TEXT: StoryText = StoryText {
        title: "My MVP story",
        headings: [
            "Why I started",
            "Who I helped",
            "What I learned",
            "What comes next",
        ],
        highlights_heading: "Highlights",
        reach: "{n} reached",
        high_impact: "high impact",
    };

    fn hl(title: &str, date: &str, reach: u64, high: bool, url: Option<&str>) -> StoryHighlight {
        StoryHighlight {
            title: title.into(),
            date: date.into(),
            kind: "Talk".into(),
            url: url.map(Into::into),
            reach,
            high_impact: high,
        }
    }

    #[test]
    fn a_preview_can_start_at_a_lower_heading_level() {
        let mut d = StoryDraft::default();
        d.set_answer(Prompt::Next, "More talks.");
        assert_eq!(
            build_markdown_at(&d, &[], &TEXT, 4),
            "#### My MVP story\n\n##### What comes next\n\nMore talks.\n"
        );
        assert!(build_markdown_at(&d, &[], &TEXT, 9).starts_with("##### "));
    }

    #[test]
    fn an_empty_draft_is_just_the_title() {
        assert_eq!(
            build_markdown(&StoryDraft::default(), &[], &TEXT),
            "# My MVP story\n"
        );
    }

    #[test]
    fn answered_prompts_become_sections_in_order() {
        let mut d = StoryDraft::default();
        d.set_answer(Prompt::Next, "Start a study group.");
        d.set_answer(
            Prompt::WhyStarted,
            "Nobody answered my question,\nso I wrote it up.\n\nThen more.",
        );
        let md = build_markdown(&d, &[], &TEXT);
        assert_eq!(
            md,
            "# My MVP story\n\n## Why I started\n\nNobody answered my question,\\\nso I wrote it up.\n\nThen more.\n\n## What comes next\n\nStart a study group.\n"
        );
        let html = render_markdown(&md);
        assert!(html.contains("<h2>Why I started</h2>"), "{html}");
        assert!(html.contains("question,<br />"), "{html}");
        assert!(
            !html.contains("Who I helped"),
            "unanswered prompts are left out"
        );
    }

    #[test]
    fn markdown_in_answers_shows_as_typed() {
        let typed = "# not a heading\n- not a list\n1. not ordered\n> no quote\n    no code\n**no bold** _x_ `y` [z](https://e.org) <b>tag</b> ~~s~~ a|b \\ R&D &amp;";
        let mut d = StoryDraft::default();
        d.set_answer(Prompt::Learned, typed);
        let html = render_markdown(&build_markdown(&d, &[], &TEXT));
        for tag in [
            "<h1>",
            "<ul>",
            "<ol>",
            "<blockquote>",
            "<pre>",
            "<code>",
            "<strong>",
            "<em>",
            "<a ",
            "<b>",
            "<del>",
        ] {
            // Only the title is a heading of level 1.
            if tag == "<h1>" {
                assert_eq!(html.matches(tag).count(), 1, "{html}");
            } else {
                assert!(!html.contains(tag), "{tag} in {html}");
            }
        }
        for shown in ["# not a heading", "- not a list", "1. not ordered", "&gt; no quote", "no code", "**no bold** _x_ `y` [z](https://e.org) &lt;b&gt;tag&lt;/b&gt; ~~s~~ a|b \\ R&amp;D &amp;amp;"] {
            assert!(html.contains(shown), "{shown} missing in {html}");
        }
    }

    #[test]
    fn setext_underlines_cannot_turn_a_line_into_a_heading() {
        let mut d = StoryDraft::default();
        d.set_answer(Prompt::Learned, "Title\n===\nOther\n---");
        let html = render_markdown(&build_markdown(&d, &[], &TEXT));
        assert_eq!(html.matches("<h").count(), 2, "{html}"); // h1 title + h2 section
        assert!(!html.contains("<hr"), "{html}");
    }

    #[test]
    fn picked_highlights_are_listed_with_safe_links_only() {
        let items = vec![
            hl(
                "Intro to [Blazor]",
                "2026-03-01",
                1200,
                true,
                Some("https://e.org/a_(b)"),
            ),
            hl(
                "Sneaky",
                "2026-02-01",
                0,
                false,
                Some("javascript:alert(1)"),
            ),
            hl(
                "Not picked",
                "2026-01-01",
                5,
                false,
                Some("https://e.org/n"),
            ),
            hl("Mail", "2026-01-02", 0, false, Some("mailto:me@e.org")),
        ];
        let mut d = StoryDraft::default();
        d.set_picked(&items[0], true);
        d.set_picked(&items[1], true);
        d.set_picked(&items[3], true);
        let md = build_markdown(&d, &items, &TEXT);
        assert!(md.ends_with(
            "## Highlights\n\n- [Intro to \\[Blazor\\]](https://e.org/a_%28b%29) — Talk, 2026-03-01, 1200 reached, high impact\n- Sneaky — Talk, 2026-02-01\n- Mail — Talk, 2026-01-02\n"
        ), "{md}");
        let html = render_markdown(&md);
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
        assert!(
            html.contains("<a href=\"https://e.org/a_%28b%29\">Intro to [Blazor]</a>"),
            "{html}"
        );
        assert!(!html.contains("Not picked"));
    }

    #[test]
    fn link_destinations_are_http_or_https_only() {
        assert_eq!(
            link_destination(" https://e.org/x y "),
            Some("https://e.org/x%20y".into())
        );
        assert_eq!(
            link_destination("HTTP://e.org"),
            Some("HTTP://e.org".into())
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://e.org",
            "/relative",
            "https:",
            "https://",
            "https://e.org/\u{0}",
            "mailto:a@b.c",
            "e.org",
        ] {
            assert_eq!(link_destination(bad), None, "{bad}");
        }
    }

    #[test]
    fn titles_with_line_breaks_stay_on_their_list_line() {
        let items = vec![hl(
            "Line one\n# Injected heading",
            "2026-03-01",
            0,
            false,
            None,
        )];
        let mut d = StoryDraft::default();
        d.set_picked(&items[0], true);
        let md = build_markdown(&d, &items, &TEXT);
        assert!(!md.contains("Injected"), "{md}");
    }

    #[test]
    fn strongest_puts_high_impact_then_reach_then_recent_first() {
        let items = vec![
            hl("small old", "2025-01-01", 10, false, None),
            hl("big", "2025-06-01", 5000, false, None),
            hl("flagged", "2025-02-01", 3, true, None),
            hl("small new", "2026-01-01", 10, false, None),
        ];
        let titles: Vec<String> = strongest(&items, 3).into_iter().map(|h| h.title).collect();
        assert_eq!(titles, ["flagged", "big", "small new"]);
    }

    #[test]
    fn picking_survives_reordering_and_unpicking_works() {
        let a = hl("A", "2026-01-01", 1, false, Some("https://e.org/a"));
        let mut d = StoryDraft::default();
        d.set_picked(&a, true);
        assert!(d.is_picked(&a.clone()));
        let same_title_other_date = hl("A", "2026-02-01", 1, false, Some("https://e.org/a"));
        assert!(!d.is_picked(&same_title_other_date));
        d.set_picked(&a, false);
        assert!(d.picked.is_empty());
    }

    #[test]
    fn answers_are_cut_to_the_limit() {
        let mut d = StoryDraft::default();
        d.set_answer(Prompt::WhoHelped, &"ü".repeat(ANSWER_MAX_CHARS + 1));
        assert_eq!(
            d.answer(Prompt::WhoHelped).chars().count(),
            ANSWER_MAX_CHARS
        );
    }
}
