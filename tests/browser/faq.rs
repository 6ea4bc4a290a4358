//! The FAQ page in Chromium: answers and search highlights cannot run script.

use crate::{container, tick, window_flag};
use leptos::prelude::*;
use leptos_router::components::Router;
use mvp_pathway::pages::faq::Faq;
use mvp_pathway::state::{provide_app_state, AppStorage};
use mvp_pathway::storage::{MemoryBackend, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn mount_faq() -> (web_sys::HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_app_state(AppStorage::from_store(
            Store::new(MemoryBackend::default()),
            None,
        ));
        view! { <Router><Faq/></Router> }
    });
    (root, handle)
}

fn pwned() -> bool {
    window_flag("__pwned")
}

#[wasm_bindgen_test]
async fn answers_hold_no_script_and_only_safe_links() {
    let (root, _handle) = mount_faq();
    tick().await;
    // The live DOM, serialised: what the answers really became.
    let html = root.inner_html();
    let questions = html.matches("<details class=\"faq-item\"").count();
    assert!(questions >= 20, "{questions} questions");
    for selector in ["script", "img", "iframe", "style", "[onerror]", "[onclick]"] {
        assert!(
            root.query_selector(selector).unwrap().is_none(),
            "{selector} found in the FAQ"
        );
    }
    let hrefs: Vec<&str> = html
        .split(" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(hrefs.len() > questions, "{} links", hrefs.len());
    for href in hrefs {
        assert!(
            mvp_pathway::domain::markdown::is_safe_url(href),
            "unsafe link {href}"
        );
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_hostile_search_is_shown_as_text_and_runs_nothing() {
    let (root, _handle) = mount_faq();
    tick().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("#faq-search")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let hostile = "<img src=x onerror=\"window.__pwned=1\">";
    input.set_value(hostile);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    tick().await;
    assert!(root.query_selector("img").unwrap().is_none());
    let status = root
        .query_selector("#faq-status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(status.contains(hostile), "{status}");
    // A query that matches: the highlight is a real <mark> element around plain text.
    input.set_value("July");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let mark = root
        .query_selector("details.faq-item:not([hidden]) mark")
        .unwrap();
    assert_eq!(mark.and_then(|m| m.text_content()).as_deref(), Some("July"));
    assert!(!pwned());
    root.remove();
}

/// A language's FAQ file as the release build reads it (the browser's JSON parser): a
/// well-formed file installs, and each kind of damage is refused with a reason.
#[wasm_bindgen_test]
fn faq_files_are_read_by_the_browser_parser() {
    use mvp_pathway::content::faq::install;
    use mvp_pathway::i18n::Lang;
    let entry = |sources: &str, fallback: &str| {
        format!(
            r#"[{{"id":"q","topic":"program","question":"Q?","answer":"<p>A</p>","text":"A","sources":{sources},"reviewed":"2026-01-01","fallback":{fallback}}}]"#
        )
    };
    let good = entry(
        r#"[{"name":"Program site","url":"https://mvp.microsoft.com/"}]"#,
        "false",
    );
    assert_eq!(install(Lang::Ja, &good), Ok(()));
    for bad in [
        "[]".to_string(),
        "{}".into(),
        "not json".into(),
        r#"[{"id":"q"}]"#.into(),
        entry(r#"[{"name":"x","url":"javascript:alert(1)"}]"#, "false"),
        entry(r#"[{"name":"x"}]"#, "false"),
        entry(
            r#"{"name":"x","url":"https://mvp.microsoft.com/"}"#,
            "false",
        ),
        entry(
            r#"[{"name":"x","url":"https://mvp.microsoft.com/"}]"#,
            r#""no""#,
        ),
        "[1]".into(),
    ] {
        assert!(install(Lang::Ja, &bad).is_err(), "refused: {bad}");
    }
}

/// The shipped German FAQ file, read by the browser's parser, gives exactly the entries
/// compiled from the same Markdown (what the native build and this test build show).
#[wasm_bindgen_test]
fn the_shipped_faq_file_reads_as_the_compiled_entries() {
    use mvp_pathway::content::faq::{entries, install, installed};
    use mvp_pathway::i18n::Lang;
    let file = include_str!(concat!(env!("OUT_DIR"), "/text/faq-de.json"));
    assert_eq!(install(Lang::De, file), Ok(()));
    let read = installed(Lang::De).expect("installed");
    let compiled = entries(Lang::De);
    assert!(compiled.len() >= 20);
    assert_eq!(read.len(), compiled.len());
    for (a, b) in read.iter().zip(compiled) {
        assert_eq!(
            (
                a.id,
                a.topic,
                a.question,
                a.answer_text,
                a.reviewed,
                a.fallback
            ),
            (
                b.id,
                b.topic,
                b.question,
                b.answer_text,
                b.reviewed,
                b.fallback
            )
        );
        assert_eq!(a.answer_html(), b.answer_html(), "{}", a.id);
        assert_eq!(a.sources, b.sources, "{}", a.id);
    }
}
