//! The journal's entry card (built straight with the DOM): the reader's text stays text,
//! a new language builds the card again in place, and Delete deletes.

use crate::{container, tick, window_flag};
use chrono::NaiveDate;
use leptos::prelude::*;
use mvp_pathway::components::entry_card::EntryCard;
use mvp_pathway::domain::journal::{ActivityType, Entry, Figure};
use mvp_pathway::i18n::{tr, Key, Lang};
use mvp_pathway::journal_state::JournalState;
use mvp_pathway::state::{provide_app_state, use_i18n, use_storage, AppStorage};
use mvp_pathway::storage::{MemoryBackend, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const HOSTILE_TITLE: &str = r#"<img src=x onerror="window.__cardPwned=1">Talk & demo"#;

fn hostile_entry() -> Entry {
    let mut e = Entry::new(
        "e1",
        ActivityType::Blog,
        NaiveDate::from_ymd_opt(2026, 3, 17).unwrap(),
    );
    e.title = HOSTILE_TITLE.to_string();
    e.description =
        "**Bold** <script>window.__cardPwned=2</script> [x](javascript:alert(1))".to_string();
    e.url = Some("https://example.org/a?b=1&c=\"2\"".to_string());
    e.areas = vec!["azure".to_string()];
    e.figures.set(Figure::Views, Some(1234));
    e.high_impact = true;
    e
}

#[component]
fn List(state: JournalState) -> impl IntoView {
    let storage = use_storage();
    let i18n = use_i18n();
    view! {
        <ol>
            <For
                each=move || state.journal.with(|j| j.entries().to_vec())
                key=|e: &Entry| e.id.clone()
                children=move |e: Entry| view! { <EntryCard entry=e i18n=i18n state=state storage=storage/> }
            />
        </ol>
    }
}

fn pwned() -> bool {
    window_flag("__cardPwned")
}

#[wasm_bindgen_test]
async fn the_card_shows_text_as_text_follows_the_language_and_deletes() {
    let root = container();
    let state = StoredValue::new(None::<JournalState>);
    let lang = StoredValue::new(None::<RwSignal<Lang>>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let storage = AppStorage::from_store(Store::new(MemoryBackend::default()), None);
        provide_app_state(storage);
        let journal = JournalState::new(storage);
        journal
            .commit(storage, |j| j.insert(hostile_entry()))
            .expect("saved");
        state.set_value(Some(journal));
        lang.set_value(Some(use_i18n().lang));
        view! { <List state=journal/> }
    });
    tick().await;
    let one = |selector: &str| root.query_selector(selector).unwrap();
    let all = |selector: &str| root.query_selector_all(selector).unwrap().length();

    // The title is text, and names the card.
    let heading = one(".journal-entry h2").expect("a heading");
    assert_eq!(heading.text_content().as_deref(), Some(HOSTILE_TITLE));
    assert_eq!(heading.id(), "entry-e1");
    assert_eq!(
        one(".journal-entry article")
            .unwrap()
            .get_attribute("aria-labelledby")
            .as_deref(),
        Some("entry-e1")
    );
    assert_eq!(all(".journal-entry img, .journal-entry script"), 0);
    // The description went through the safe renderer: bold kept, script and link target gone.
    assert_eq!(all(".journal-entry__description strong"), 1);
    assert_eq!(all(".journal-entry a[href^='javascript']"), 0);
    // The web address is the link's address and its text, exactly.
    let url = one(".journal-entry__url a").expect("the entry's link");
    assert_eq!(
        url.get_attribute("href").as_deref(),
        Some("https://example.org/a?b=1&c=\"2\"")
    );
    assert_eq!(
        url.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    // Facts: type, date, area, the high-impact mark and the figure.
    let meta = one(".journal-entry__meta").unwrap().text_content().unwrap();
    assert!(
        meta.starts_with(tr(Lang::En, ActivityType::Blog.key())),
        "{meta}"
    );
    assert!(meta.contains("2026"), "{meta}");
    assert_eq!(all(".journal-entry__meta .badge"), 1);
    let figures = one(".journal-entry__figures")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(figures.contains("1,234"), "{figures}");
    // Each action names the entry it acts on.
    let edit = one(".journal-entry__actions a").unwrap();
    assert!(edit
        .get_attribute("href")
        .unwrap()
        .ends_with("/journal/e1/edit"));
    assert_eq!(
        edit.text_content().as_deref(),
        Some(format!("{} {HOSTILE_TITLE}", tr(Lang::En, Key::JournalEdit)).as_str())
    );

    // A new language: the same one card, in German.
    lang.get_value().unwrap().set(Lang::De);
    tick().await;
    assert_eq!(all(".journal-entry article"), 1);
    let edit = one(".journal-entry__actions a").unwrap();
    assert!(
        edit.text_content()
            .unwrap()
            .starts_with(tr(Lang::De, Key::JournalEdit)),
        "{:?}",
        edit.text_content()
    );
    assert!(one(".journal-entry__figures")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("1.234"));

    // Delete, clicked on the hidden title inside the button, deletes the entry.
    let inside: web_sys::HtmlElement = one(".journal-entry__delete bdi").unwrap().unchecked_into();
    inside.click();
    tick().await;
    let journal = state.get_value().unwrap();
    assert_eq!(journal.journal.with_untracked(|j| j.len()), 0);
    assert_eq!(all(".journal-entry"), 0);
    assert!(!pwned());
    root.remove();
}
