//! The explainer's journal prefill offer, mounted in Chromium.

use crate::{container, tick};
use leptos::prelude::*;
use mvp_pathway::domain::activity::{ActivitySummary, ContributionForm};
use mvp_pathway::pages::explainer::JournalPrefillOffer;
use mvp_pathway::state::{provide_app_state, AppStorage};
use mvp_pathway::storage::{MemoryBackend, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn journal() -> ActivitySummary {
    ActivitySummary {
        contributions_last_12: 9,
        active_months_last_12: 4,
        forms: [ContributionForm::Speaking].into_iter().collect(),
        reach_recorded: true,
    }
}

#[wasm_bindgen_test]
async fn offer_shows_only_with_journal_contributions_and_hands_over_the_summary() {
    let root = container();
    let summary = RwSignal::new(None::<ActivitySummary>);
    let received = RwSignal::new(None::<ActivitySummary>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_app_state(AppStorage::from_store(
            Store::new(MemoryBackend::default()),
            None,
        ));
        view! {
            <JournalPrefillOffer summary=summary.into() on_fill=move |s| received.set(Some(s))/>
        }
    });
    tick().await;
    assert!(
        root.query_selector("button").unwrap().is_none(),
        "hidden without a journal"
    );
    summary.set(Some(ActivitySummary::default()));
    tick().await;
    assert!(
        root.query_selector("button").unwrap().is_none(),
        "hidden for an empty journal"
    );
    summary.set(Some(journal()));
    tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("9 contributions"), "{text}");
    assert!(text.contains("4 different months"), "{text}");
    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .unwrap()
        .expect("offer shown")
        .unchecked_into();
    button.click();
    tick().await;
    assert_eq!(received.get_untracked(), Some(journal()));
    root.remove();
}
