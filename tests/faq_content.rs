//! The compiled-in FAQ, checked on the data the app ships: every entry has sources with
//! links and a real review date, anchors are unique, the same in every language and never
//! removed, every answer is exactly what the safe renderer makes of its content file, and
//! the per-language files of the split build carry the same sources and links.

use mvp_pathway::content::faq::{by_topic, entries, entry_matches, install};
use mvp_pathway::domain::faq::{
    is_slug, is_source_url, parse_entry, parse_iso_date, query_terms, FaqError, SourceProblem,
};
use mvp_pathway::domain::markdown::render_markdown;
use mvp_pathway::i18n::Lang;
use std::collections::BTreeSet;
use std::path::Path;

/// Anchors already published: links to them are out in the world, so they must stay.
/// Add new ids here when you add questions; never remove or rename one.
const PUBLISHED_ANCHORS: [&str; 26] = [
    "what-is-the-mvp-program",
    "not-a-certification",
    "mvps-are-not-microsoft-employees",
    "who-can-be-awarded",
    "microsoft-employees",
    "code-of-conduct",
    "countries",
    "expert-in-everything",
    "what-counts",
    "record-impact",
    "twelve-month-window",
    "how-nomination-works",
    "self-nomination",
    "after-recommendation",
    "how-review-works",
    "award-cycle",
    "renewal",
    "award-categories",
    "benefits",
    "paid-work",
    "criticising-microsoft",
    "related-programs",
    "live-sessions",
    "is-this-official",
    "how-data-is-stored",
    "move-data",
];

#[test]
fn every_entry_has_a_source_and_a_real_review_date() {
    for lang in Lang::ALL {
        let list = entries(*lang);
        assert!(list.len() >= 20, "{lang:?}: only {} questions", list.len());
        for e in list {
            assert!(!e.sources.is_empty(), "{lang:?} {}: no source", e.id);
            assert!(
                e.sources.iter().all(|s| !s.name.trim().is_empty()),
                "{lang:?} {}",
                e.id
            );
            assert!(
                parse_iso_date(e.reviewed).is_some(),
                "{lang:?} {}: review date {}",
                e.id,
                e.reviewed
            );
            assert!(!e.question.trim().is_empty() && !e.answer_text.trim().is_empty());
        }
    }
}

#[test]
fn every_shipped_source_has_a_link_and_the_same_links_as_english() {
    let english = entries(Lang::En);
    for lang in Lang::ALL {
        for e in entries(*lang) {
            for s in e.sources {
                assert!(
                    is_source_url(s.url),
                    "{lang:?} {}: source `{}` has link `{}`",
                    e.id,
                    s.name,
                    s.url
                );
                assert_eq!(s.is_app_path(), s.url.starts_with('/'));
            }
            let en = english
                .iter()
                .find(|en| en.id == e.id)
                .unwrap_or_else(|| panic!("{lang:?} {}: not in English", e.id));
            let links = |list: &[mvp_pathway::content::faq::SourceLink]| {
                list.iter().map(|s| s.url).collect::<Vec<_>>()
            };
            assert_eq!(
                links(e.sources),
                links(en.sources),
                "{lang:?} {}: source links differ from English",
                e.id
            );
            // Translators keep the names too, except Spanish, which translates them.
            if *lang != Lang::Es {
                assert_eq!(e.sources, en.sources, "{lang:?} {}", e.id);
            }
        }
    }
    // The official site is what every unofficial-background source links to.
    for e in english {
        for s in e.sources {
            if s.name.contains("unofficial background") {
                assert_eq!(s.url, "https://mvp.microsoft.com", "{}", e.id);
            }
        }
    }
}

#[test]
fn a_content_file_with_a_source_without_a_link_is_refused() {
    let file = "id: no-link\ntopic: app\nquestion: Q?\nsource: Official MVP FAQ (mvp.microsoft.com)\nreviewed: 2026-11-27\n---\nA.\n";
    let err = parse_entry(file).unwrap_err();
    assert!(
        matches!(
            err,
            FaqError::BadSource {
                line: 4,
                problem: SourceProblem::NoUrl,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("has no URL"), "{err}");
    for bad in [
        "http://mvp.microsoft.com",
        "mvp.microsoft.com",
        "//x.example",
    ] {
        let file = file.replace(")\nreviewed", &format!(") | {bad}\nreviewed"));
        assert!(
            matches!(
                parse_entry(&file),
                Err(FaqError::BadSource {
                    problem: SourceProblem::BadUrl,
                    ..
                })
            ),
            "{bad}"
        );
    }
}

#[test]
fn the_split_builds_faq_files_carry_the_source_links() {
    for lang in Lang::ALL {
        let path = Path::new(env!("OUT_DIR"))
            .join("text")
            .join(format!("faq-{}.json", lang.code()));
        let text = std::fs::read_to_string(&path).expect("FAQ file of the split build");
        let files: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
        let shipped = entries(*lang);
        assert_eq!(files.len(), shipped.len(), "{lang:?}");
        for (file, e) in files.iter().zip(shipped) {
            assert_eq!(file["id"], e.id);
            let sources: Vec<(&str, &str)> = file["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .map(|s| {
                    (
                        s["name"].as_str().unwrap_or_default(),
                        s["url"].as_str().unwrap_or_default(),
                    )
                })
                .collect();
            let expected: Vec<(&str, &str)> = e.sources.iter().map(|s| (s.name, s.url)).collect();
            assert_eq!(sources, expected, "{lang:?} {}", e.id);
        }
        // Installing it works (a no-op natively, where every language is compiled in).
        install(*lang, &text).expect("installable");
    }
    // A file whose link was changed after the build, or that lost a link, is refused.
    let entry = |url: &str| {
        format!(
            r#"[{{"id":"x","topic":"app","question":"Q","answer":"<p>A</p>","text":"A","sources":[{{"name":"N"{url}}}],"reviewed":"2026-11-27","fallback":false}}]"#
        )
    };
    assert!(install(Lang::En, &entry(r#","url":"https://mvp.microsoft.com""#)).is_ok());
    assert!(install(Lang::En, &entry(r#","url":"javascript:alert(1)""#)).is_err());
    assert!(install(Lang::En, &entry("")).is_err());
}

#[test]
fn anchors_are_unique_slugs_shared_by_every_language_and_stable() {
    let english: Vec<&str> = entries(Lang::En).iter().map(|e| e.id).collect();
    let unique: BTreeSet<&str> = english.iter().copied().collect();
    assert_eq!(unique.len(), english.len(), "duplicate anchor in English");
    for id in &english {
        assert!(is_slug(id), "{id}");
    }
    for lang in Lang::ALL {
        let ids: BTreeSet<&str> = entries(*lang).iter().map(|e| e.id).collect();
        assert_eq!(ids, unique, "{lang:?} has a different set of anchors");
    }
    for published in PUBLISHED_ANCHORS {
        assert!(
            unique.contains(published),
            "published anchor `{published}` is gone: old links would break"
        );
    }
}

#[test]
fn shipped_answers_are_the_safe_renderers_output_of_the_content_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/faq");
    for lang in Lang::ALL {
        let dir = root.join(lang.code());
        let mut checked = 0;
        for file in std::fs::read_dir(&dir).expect("content folder") {
            let path = file.expect("entry").path();
            let source = parse_entry(&std::fs::read_to_string(&path).expect("read"))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let shipped = entries(*lang)
                .iter()
                .find(|e| e.id == source.id)
                .unwrap_or_else(|| panic!("{} not shipped", source.id));
            assert_eq!(shipped.answer_html(), render_markdown(&source.body));
            assert_eq!(shipped.question, source.question);
            checked += 1;
        }
        assert_eq!(checked, entries(*lang).len());
    }
}

#[test]
fn shipped_answers_contain_no_script_and_only_safe_links() {
    for lang in Lang::ALL {
        for e in entries(*lang) {
            let html = e.answer_html().to_ascii_lowercase();
            for bad in ["<script", "<img", "<iframe", " on", "javascript:", "<style"] {
                if bad == " on" {
                    assert!(
                        !html.contains(" onerror") && !html.contains(" onclick"),
                        "{}",
                        e.id
                    );
                } else {
                    assert!(!html.contains(bad), "{lang:?} {}: {bad}", e.id);
                }
            }
        }
    }
}

#[test]
fn hostile_markdown_in_a_content_file_is_shown_as_text() {
    let file = "id: hostile\ntopic: app\nquestion: <img src=x onerror=alert(1)>\nsource: test | /about\nreviewed: 2026-11-27\n---\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a> ![p](data:image/svg+xml,<svg onload=alert(3)>)\n";
    let entry = parse_entry(file).expect("valid front matter");
    let html = render_markdown(&entry.body);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<a href=\"javascript"), "{html}");
    assert!(!html.contains("<img") && !html.contains("<svg"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    // The question is shown as a text node by the page, never as HTML.
    assert_eq!(entry.question, "<img src=x onerror=alert(1)>");
}

#[test]
fn the_issue_topics_are_covered_and_searchable() {
    let en = entries(Lang::En);
    let find = |q: &str| {
        let terms = query_terms(q);
        en.iter()
            .filter(|e| entry_matches(e, &terms))
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert!(find("certification").contains(&"not-a-certification"));
    assert!(find("18 or older").contains(&"who-can-be-awarded"));
    assert!(find("July").contains(&"award-cycle"));
    assert!(find("Regional Director").contains(&"related-programs"));
    assert!(find("import").contains(&"move-data"));
    assert!(find("zzzz-no-such-word").is_empty());
    // Spanish search ignores accents.
    let es = entries(Lang::Es);
    let terms = query_terms("nominacion");
    assert!(es.iter().filter(|e| entry_matches(e, &terms)).count() >= 3);
    // Every topic heading has at least one question.
    assert!(by_topic(Lang::En).iter().all(|(_, list)| !list.is_empty()));
}
