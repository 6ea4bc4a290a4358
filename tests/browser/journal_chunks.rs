//! Two tabs and the chunked journal: another tab's save reloads only the months it changed.

use crate::{container, tick};
use chrono::NaiveDate;
use leptos::prelude::*;
use mvp_pathway::domain::journal::{ActivityType, Entry, Journal};
use mvp_pathway::journal_state::JournalState;
use mvp_pathway::state::{provide_app_state, use_storage, AppStorage};
use mvp_pathway::storage::{LocalStorageBackend, Store};
use wasm_bindgen_test::wasm_bindgen_test;

#[component]
fn Titles() -> impl IntoView {
    let storage = use_storage();
    let state = JournalState::new(storage);
    view! {
        <p id="titles">{move || state.journal.with(|j| j.entries().iter().map(|e| e.title.clone()).collect::<Vec<_>>().join("|"))}</p>
        <p id="recoveries">{move || storage.recoveries.with(Vec::len)}</p>
    }
}

fn entry(id: &str, month: u32, day: u32) -> Entry {
    let mut e = Entry::new(
        id,
        ActivityType::Blog,
        NaiveDate::from_ymd_opt(2026, month, day).unwrap(),
    );
    e.title = id.to_string();
    e
}

fn storage_event(key: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn another_tabs_save_of_one_month_reloads_only_that_month() {
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    // Two months saved, January and February.
    let other_tab = Store::new(LocalStorageBackend::open().expect("localStorage"));
    let mut journal = Journal::from_entries(vec![entry("jan", 1, 10), entry("feb", 2, 10)]);
    let changed = journal.take_changed();
    other_tab.save_journal(&journal, changed).unwrap();

    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let store = Store::new(LocalStorageBackend::open().expect("localStorage"));
        provide_app_state(AppStorage::from_store(store, None));
        view! { <Titles/> }
    });
    tick().await;
    let text = |id: &str| {
        root.query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(text("titles"), "feb|jan");

    // The other tab adds an entry to February: a new February chunk, then the index.
    journal.insert(entry("feb-2", 2, 20));
    let changed = journal.take_changed();
    other_tab.save_journal(&journal, changed).unwrap();
    // January's chunk is unreadable from now on: reading it again would show up as a
    // recovery and drop "jan" from the list.
    local
        .set_item("mvp-pathway:journal:2026-01:1", "not a chunk")
        .unwrap();
    // A chunk's own event changes nothing yet: the index names what is current.
    storage_event("mvp-pathway:journal:2026-02:2");
    tick().await;
    assert_eq!(text("titles"), "feb|jan");
    storage_event("mvp-pathway:journal:index");
    tick().await;
    assert_eq!(text("titles"), "feb-2|feb|jan");
    assert_eq!(text("recoveries"), "0", "January was not read again");

    // Another tab deletes January's only entry: its month goes from the list.
    journal.remove("jan");
    let changed = journal.take_changed();
    other_tab.save_journal(&journal, changed).unwrap();
    storage_event("mvp-pathway:journal:index");
    tick().await;
    assert_eq!(text("titles"), "feb-2|feb");
    local.clear().unwrap();
    root.remove();
}
