//! The explainer's journal prefill offer, mounted in Chromium.

use crate::{container, tick};
use leptos::prelude::*;
use mvp_pathway::domain::activity::{ActivitySummary, ContributionForm};
use mvp_pathway::domain::explainer::{Answers, QuestionId};
use mvp_pathway::pages::explainer::{ExplainerContext, JournalPrefillOffer};
use mvp_pathway::state::{provide_app_state, AppStorage};
use mvp_pathway::storage::{MemoryBackend, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

struct Mounted {
    root: web_sys::HtmlElement,
    answers: RwSignal<Answers>,
    summary: RwSignal<Option<ActivitySummary>>,
    message: RwSignal<String>,
    _handle: Box<dyn std::any::Any>,
}

fn mount(summary: Option<ActivitySummary>) -> Mounted {
    let root = container();
    let answers = RwSignal::new(Answers::default());
    let summary = RwSignal::new(summary);
    let message = RwSignal::new(String::new());
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_app_state(AppStorage::from_store(
            Store::new(MemoryBackend::default()),
            None,
        ));
        provide_context(ExplainerContext {
            answers,
            journal: summary.into(),
        });
        view! { <JournalPrefillOffer summary=summary.into() on_filled=move |m| message.set(m)/> }
    });
    Mounted {
        root,
        answers,
        summary,
        message,
        _handle: Box::new(handle),
    }
}

fn journal() -> ActivitySummary {
    ActivitySummary {
        contributions_last_12: 9,
        active_months_last_12: 4,
        forms: [ContributionForm::Speaking].into_iter().collect(),
        reach_recorded: true,
    }
}

#[wasm_bindgen_test]
async fn offer_is_hidden_without_journal_contributions() {
    let m = mount(None);
    tick().await;
    assert!(m.root.query_selector("button").unwrap().is_none());
    m.summary.set(Some(ActivitySummary::default()));
    tick().await;
    assert!(m.root.query_selector("button").unwrap().is_none());
    m.summary.set(Some(journal()));
    tick().await;
    let text = m.root.text_content().unwrap_or_default();
    assert!(text.contains("9 contributions"), "{text}");
    assert!(text.contains("4 different months"), "{text}");
    m.root.remove();
}

#[wasm_bindgen_test]
async fn filling_from_the_journal_sets_the_activity_answers() {
    let m = mount(Some(journal()));
    tick().await;
    let button: web_sys::HtmlElement = m
        .root
        .query_selector("button")
        .unwrap()
        .expect("offer shown")
        .unchecked_into();
    button.click();
    tick().await;
    let answers = m.answers.get_untracked();
    assert!(answers.is(QuestionId::Active, "yes"));
    assert!(answers.is(QuestionId::Months, "3-5"));
    assert!(answers.is(QuestionId::Forms, "speaking"));
    assert!(answers.is(QuestionId::Reach, "yes"));
    assert_eq!(
        m.message.get_untracked(),
        "4 answers were filled from your journal. You can check and change them."
    );
    m.root.remove();
}
