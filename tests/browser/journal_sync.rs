//! The two-tab mechanism: a `storage` event reloads the document's signal.

use crate::{container, tick};
use leptos::prelude::*;
use mvp_pathway::domain::journal::Journal;
use mvp_pathway::state::{provide_app_state, use_storage, AppStorage};
use mvp_pathway::storage::{LocalStorageBackend, Store, StoredJournal};
use mvp_pathway::sync::sync_from_other_tabs;
use wasm_bindgen_test::wasm_bindgen_test;

#[component]
fn Count() -> impl IntoView {
    let storage = use_storage();
    let journal = RwSignal::new(Journal::from(storage.load::<StoredJournal>()));
    sync_from_other_tabs::<StoredJournal, _>(journal, Journal::from);
    view! { <p id="journal-count">{move || journal.with(Journal::len)}</p> }
}

#[wasm_bindgen_test]
async fn another_tabs_save_reloads_the_signal() {
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let store = Store::new(LocalStorageBackend::open().expect("localStorage"));
        provide_app_state(AppStorage::from_store(store, None));
        view! { <Count/> }
    });
    tick().await;
    let text = || {
        root.query_selector("#journal-count")
            .unwrap()
            .unwrap()
            .text_content()
    };
    assert_eq!(text().as_deref(), Some("0"));
    // What another tab leaves in storage; the browser then fires `storage` here.
    local
        .set_item(
            "mvp-pathway:journal",
            r#"{"v":1,"data":{"entries":[{"id":"a","type":"blog","title":"From tab B","date":"2026-01-02"},{"id":"b","type":"podcast","title":"Also","date":"2026-01-03"}]}}"#,
        )
        .unwrap();
    let event = web_sys::StorageEvent::new("storage").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    tick().await;
    assert_eq!(text().as_deref(), Some("2"));
    local.clear().unwrap();
    root.remove();
}
