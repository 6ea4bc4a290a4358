//! The app shell rendered in Chromium with a chosen storage backend.

use crate::{container, tick};
use leptos::prelude::*;
use mvp_pathway::state::{provide_app_state, AppStorage};
use mvp_pathway::storage::{Backend, LocalStorageBackend, MemoryBackend, StorageError, Store};
use mvp_pathway::Shell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn mount_shell(
    backend: MemoryBackend,
    reason: Option<StorageError>,
) -> (web_sys::HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_app_state(AppStorage::from_store(Store::new(backend), reason));
        view! { <Shell/> }
    });
    (root, handle)
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
}

fn select(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    el.set_value(value);
    el.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn memory_mode_is_announced() {
    let (root, _handle) = mount_shell(
        MemoryBackend::default(),
        Some(StorageError::Unavailable("blocked".into())),
    );
    tick().await;
    let notice = text_of(&root, "[data-testid=memory-notice]").expect("memory notice shown");
    assert!(
        notice.contains("kept only until you close or reload"),
        "{notice}"
    );
    assert!(root.query_selector("[role=status]").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_translates_the_shell_and_sets_lang() {
    let (root, _handle) = mount_shell(MemoryBackend::default(), None);
    tick().await;
    select(&root, "#pref-language", "es");
    tick().await;
    assert_eq!(
        text_of(&root, ".skip-link").as_deref(),
        Some("Saltar al contenido principal")
    );
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("es"));
    select(&root, "#pref-language", "en");
    tick().await;
    assert_eq!(
        text_of(&root, ".skip-link").as_deref(),
        Some("Skip to main content")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn theme_choice_is_saved_to_local_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let store = Store::new(LocalStorageBackend::open().expect("localStorage"));
        provide_app_state(AppStorage::from_store(store, None));
        view! { <Shell/> }
    });
    tick().await;
    select(&root, "#pref-theme", "dark");
    tick().await;
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    let saved = storage
        .get_item("mvp-pathway:settings")
        .unwrap()
        .expect("settings saved");
    assert_eq!(saved, r#"{"v":1,"data":{"theme":"dark","lang":null}}"#);
    storage.clear().unwrap();
    root.remove();
}

#[wasm_bindgen_test]
async fn corrupted_saved_settings_show_the_recovery_notice() {
    let backend = MemoryBackend::default();
    backend.set("mvp-pathway:settings", "{\"v\":1,").unwrap();
    let (root, _handle) = mount_shell(backend, None);
    tick().await;
    let notice = text_of(&root, "[data-testid=recovery-notice]").expect("recovery notice");
    assert!(notice.contains("Nothing was deleted"), "{notice}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_failed_save_shows_an_alert_and_keeps_the_choice() {
    // Room for the settings envelope with theme "dark", one character short for "light".
    let backend = MemoryBackend::with_capacity(
        "mvp-pathway:settings".len() + r#"{"v":1,"data":{"theme":"dark","lang":null}}"#.len(),
    );
    let (root, _handle) = mount_shell(backend, None);
    tick().await;
    select(&root, "#pref-theme", "dark");
    tick().await;
    assert!(
        text_of(&root, "[data-testid=save-error]").is_none(),
        "a save that fits works"
    );
    select(&root, "#pref-theme", "light");
    tick().await;
    let alert = text_of(&root, "[data-testid=save-error]").expect("save error shown");
    assert!(alert.contains("storage for the site is full"), "{alert}");
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(
        html.get_attribute("data-theme").as_deref(),
        Some("light"),
        "the choice still applies"
    );
    select(&root, "#pref-theme", "dark");
    tick().await;
    assert!(
        text_of(&root, "[data-testid=save-error]").is_none(),
        "the next save that works clears it"
    );
    root.remove();
}
