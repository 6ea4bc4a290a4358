//! Text helpers for imported items: HTML stripped to plain text (never inserted as HTML),
//! HTML character references, length limits and the date formats feeds use.

use chrono::NaiveDate;

/// Elements whose content is never text a reader sees.
const HIDDEN: [&str; 5] = ["script", "style", "template", "noscript", "iframe"];
/// Elements that start a new line of text.
const BLOCKS: [&str; 16] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "figure",
];

/// Elements whose end leaves a blank line (a new paragraph in the Markdown description).
const PARAGRAPHS: [&str; 11] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "ul",
    "ol",
];

/// The text a browser would show for `html`: tags dropped, script and style content
/// dropped, character references decoded, blank runs collapsed (paragraphs kept as one
/// blank line).
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len().min(64 * 1024));
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..at]));
        let after = &rest[at + 1..];
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        if !starts_tag {
            out.push('<');
            rest = after;
            continue;
        }
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(end) = after.find('>') else {
            // An unclosed tag: what follows is not shown by browsers either.
            rest = "";
            break;
        };
        let tag = &after[..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[end + 1..];
        if !tag.starts_with('/') && HIDDEN.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
            continue;
        }
        let closing = tag.starts_with('/');
        if closing && PARAGRAPHS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if BLOCKS.contains(&name.as_str()) && !(closing && name == "li") {
            out.push('\n');
        } else if name == "td" || name == "th" || name == "img" {
            out.push(' ');
        }
    }
    out.push_str(&decode_entities(rest));
    tidy(&out)
}

/// Collapses spaces within lines and keeps at most one blank line between paragraphs.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&words.join(" "));
    }
    out
}

/// One line: every run of white space (line breaks too) becomes a single space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes HTML character references: numeric ones and the named ones feeds use.
/// Unknown names are left as they are.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| entity(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push_str(&c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(String::from);
    }
    let c = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "middot" => "·",
        "bull" => "•",
        "euro" => "€",
        _ => return None,
    };
    Some(c.to_string())
}

/// `text` cut to at most `max` characters, ending with "…" when cut (at a word end where
/// one is near).
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .filter(|i| cut[..*i].chars().count() > max * 3 / 4)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The date of an RFC 822/2822 date-time as written ("Tue, 10 Jun 2026 04:00:00 GMT"):
/// the day where the author published it.
pub fn rfc2822_date(text: &str) -> Option<NaiveDate> {
    let text = text.split_once(',').map_or(text, |(_, rest)| rest);
    let mut parts = text.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))? as u32 + 1;
    let year: i32 = parts.next()?.parse().ok()?;
    // Two-digit years of RFC 822.
    let year = if year < 100 { year + 2000 } else { year };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The date of an RFC 3339 / ISO 8601 date or date-time ("2026-06-10T04:00:00+02:00"),
/// as written.
pub fn rfc3339_date(text: &str) -> Option<NaiveDate> {
    crate::domain::journal::parse_iso_date(text.trim().get(..10)?)
}

/// The first http(s) address in `text`, if any.
pub fn first_web_url(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let url: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>' | ')' | ']'))
        .collect();
    let url = url.trim_end_matches(['.', ',', ';', ':']).to_string();
    crate::domain::journal::validation::is_web_url(&url).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_the_text_a_reader_sees() {
        let html = "<p>Hello <b>world</b> &amp; friends&nbsp;&#8212;&#x2014;</p>\
                    <script>alert(1)</script><style>p{}</style><!-- hidden -->\
                    <ul><li>one</li><li>two</li></ul>2 < 3 <img src=x onerror=alert(1)>end";
        assert_eq!(
            html_to_text(html),
            "Hello world & friends ——\n\none\ntwo\n\n2 < 3 end"
        );
        assert_eq!(html_to_text("<p>a</p><p></p><p>b<br>c</p>"), "a\n\nb\nc");
        assert_eq!(html_to_text("unclosed <a href='x"), "unclosed");
        assert_eq!(html_to_text("<SCRIPT>x</SCRIPT>ok"), "ok");
        assert_eq!(html_to_text("<script>never closed"), "");
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &#39;c&#39; &bogus; & d"),
            "a <b> 'c' &bogus; & d"
        );
        assert_eq!(decode_entities("&#0; &#xZZ;"), "&#0; &#xZZ;");
    }

    #[test]
    fn truncates_at_a_word_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        let cut = truncate("The quick brown fox jumps over the lazy dog", 20);
        assert!(cut.chars().count() <= 20, "{cut}");
        assert_eq!(cut, "The quick brown fox…");
        assert_eq!(truncate("ééééé", 3), "éé…");
    }

    #[test]
    fn feed_dates_parse() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            rfc2822_date("Tue, 10 Jun 2026 04:00:00 GMT"),
            d(2026, 6, 10)
        );
        assert_eq!(rfc2822_date("3 Feb 26 10:00 +0100"), d(2026, 2, 3));
        assert_eq!(rfc2822_date("Mon, 31 Feb 2026 00:00:00 GMT"), None);
        assert_eq!(rfc2822_date("yesterday"), None);
        assert_eq!(rfc3339_date("2026-06-10T23:30:00-05:00"), d(2026, 6, 10));
        assert_eq!(rfc3339_date("2026-06-10"), d(2026, 6, 10));
        assert_eq!(rfc3339_date("10/06/2026"), None);
    }

    #[test]
    fn finds_the_first_web_address() {
        assert_eq!(
            first_web_url("Join us: https://meetup.example/e/42. See you"),
            Some("https://meetup.example/e/42".into())
        );
        assert_eq!(first_web_url("javascript:alert(1)"), None);
    }
}
