//! The story editor fed with journal highlights: the strongest come first, and picking
//! one puts it into the Markdown draft and the saved document.

use crate::{container, tick};
use leptos::prelude::*;
use leptos_router::components::Router;
use mvp_pathway::domain::activity::StoryHighlight;
use mvp_pathway::pages::story::StoryEditor;
use mvp_pathway::state::{provide_app_state, AppStorage};
use mvp_pathway::storage::{MemoryBackend, Store, StoredStory};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn highlight(title: &str, reach: u64, high_impact: bool, url: &str) -> StoryHighlight {
    StoryHighlight {
        title: title.into(),
        date: "2026-03-01".into(),
        kind: "Talk".into(),
        url: Some(url.into()),
        reach,
        high_impact,
    }
}

fn checkbox(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlInputElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .expect("checkbox")
        .unchecked_into()
}

fn markdown(root: &web_sys::HtmlElement) -> String {
    root.query_selector("#story-markdown")
        .unwrap()
        .expect("markdown box")
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

#[wasm_bindgen_test]
async fn picked_highlights_go_into_the_draft_and_are_saved() {
    let root = container();
    let store = Store::new(MemoryBackend::default());
    let storage = AppStorage::from_store(store.clone(), None);
    let journal = vec![
        highlight("Small fix", 10, false, "https://e.org/fix"),
        highlight("Keynote [live]", 900, true, "javascript:alert(1)"),
    ];
    // The journal is read in a chunk of its own: until it is there, the page says so.
    let read = RwSignal::new(None::<Vec<StoryHighlight>>);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_app_state(storage);
        view! { <Router><StoryEditor highlights=read.into()/></Router> }
    });
    tick().await;
    let status = root
        .query_selector("[aria-labelledby=story-highlights-heading] [role=status]")
        .unwrap()
        .and_then(|e| e.text_content());
    assert_eq!(status.as_deref(), Some("Loading…"));
    assert!(root.query_selector("#story-highlight-0").unwrap().is_none());
    read.set(Some(journal));
    tick().await;
    assert!(root
        .query_selector("[aria-labelledby=story-highlights-heading] [role=status]")
        .unwrap()
        .is_none());
    let titles: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector(&format!(
                "label[for=story-highlight-{i}] .story-highlight__title"
            ))
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
        })
        .collect();
    assert_eq!(titles, ["Keynote [live]", "Small fix"], "high impact first");
    assert_eq!(markdown(&root), "# My MVP story\n");

    checkbox(&root, "story-highlight-0").click();
    tick().await;
    assert_eq!(
        markdown(&root),
        "# My MVP story\n\n## Highlights\n\n- Keynote \\[live\\] — Talk, 2026-03-01, 900 reached, high impact\n"
    );
    checkbox(&root, "story-highlight-1").click();
    tick().await;
    assert!(markdown(&root)
        .ends_with("- [Small fix](https://e.org/fix) — Talk, 2026-03-01, 10 reached\n"));
    let preview = root
        .query_selector(".story-preview__body")
        .unwrap()
        .unwrap();
    let html = preview.inner_html();
    assert_eq!(
        html.matches("<a ").count(),
        1,
        "the javascript: URL is not a link: {html}"
    );
    assert_eq!(store.load::<StoredStory>().into_value().picked.len(), 2);

    checkbox(&root, "story-highlight-0").click();
    tick().await;
    assert!(!markdown(&root).contains("Keynote"));
    assert_eq!(store.load::<StoredStory>().into_value().picked.len(), 1);
    drop(handle);
    root.remove();
}
