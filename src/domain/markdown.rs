//! The one Markdown renderer for everything the app shows: user text and compiled-in
//! content alike. Raw HTML is shown as text, images become links (the app loads nothing
//! from elsewhere), and only http, https, mailto and relative links survive.
//!
//! ```
//! use mvp_pathway::domain::markdown::render_markdown;
//! assert_eq!(render_markdown("<b>hi</b>"), "<p>&lt;b&gt;hi&lt;/b&gt;</p>\n");
//! assert_eq!(render_markdown("[x](javascript:alert(1))"), "<p>x</p>\n");
//! ```

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// Renders `source` to HTML that cannot run script.
pub fn render_markdown(source: &str) -> String {
    let parser = Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH);
    // For each open link or image: whether its start tag was kept.
    let mut kept: Vec<bool> = Vec::new();
    let events = parser.filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        })
        | Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = is_safe_url(&dest_url);
            kept.push(safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => kept
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        other => Some(other),
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// True for http, https and mailto URLs and for relative references.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            matches!(&cleaned[..i], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markdown_renders() {
        assert_eq!(
            render_markdown("**Talk** at [meetup](https://example.org/x) ~~old~~"),
            "<p><strong>Talk</strong> at <a href=\"https://example.org/x\">meetup</a> <del>old</del></p>\n"
        );
        assert_eq!(
            render_markdown("- a\n- b"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let out = render_markdown("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
    }

    #[test]
    fn dangerous_links_keep_their_text_but_lose_the_link() {
        for src in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](jav&#x61;script:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
        ] {
            let out = render_markdown(src);
            assert!(!out.contains("<a"), "{src} -> {out}");
            assert!(
                !out.to_ascii_lowercase().contains("href=\"javascript"),
                "{src} -> {out}"
            );
        }
    }

    #[test]
    fn safe_links_survive() {
        for (src, href) in [
            ("[a](https://x.org)", "https://x.org"),
            ("[a](http://x.org)", "http://x.org"),
            ("[a](mailto:me@x.org)", "mailto:me@x.org"),
            ("[a](/faq#q)", "/faq#q"),
            ("[a](faq?x=a:b)", "faq?x=a:b"),
            ("<https://x.org>", "https://x.org"),
        ] {
            assert!(
                render_markdown(src).contains(&format!("href=\"{href}\"")),
                "{src}"
            );
        }
    }

    #[test]
    fn images_become_links_and_load_nothing() {
        let out = render_markdown("![chart](https://x.org/c.png) ![bad](javascript:x)");
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains("<a href=\"https://x.org/c.png\">chart</a>"),
            "{out}"
        );
        assert!(
            out.contains("bad") && out.matches("<a").count() == 1,
            "{out}"
        );
    }

    #[test]
    fn attributes_cannot_be_broken_out_of() {
        let out = render_markdown("[a](https://x.org/\"onmouseover=alert(1) \"t\")");
        assert!(!out.contains("\" onmouseover"), "{out}");
    }
}
