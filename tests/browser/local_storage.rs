//! The real localStorage backend in Chromium.

use mvp_pathway::storage::{
    Backend, Loaded, LocalStorageBackend, StorageError, Store, StoredSettings,
};
use wasm_bindgen_test::wasm_bindgen_test;

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn local_storage_opens_and_round_trips() {
    clear();
    let backend = LocalStorageBackend::open().expect("localStorage is available in a normal page");
    backend.set("mvp-pathway:t", "value").unwrap();
    assert_eq!(
        backend.get("mvp-pathway:t").unwrap().as_deref(),
        Some("value")
    );
    assert!(backend
        .keys()
        .unwrap()
        .contains(&"mvp-pathway:t".to_string()));
    backend.remove("mvp-pathway:t").unwrap();
    assert_eq!(backend.get("mvp-pathway:t").unwrap(), None);
    assert!(
        !backend
            .keys()
            .unwrap()
            .iter()
            .any(|k| k == "mvp-pathway:probe"),
        "probe key is cleaned up"
    );
}

#[wasm_bindgen_test]
fn a_full_quota_is_recognised_as_such() {
    clear();
    let backend = LocalStorageBackend::open().unwrap();
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    let error = loop {
        match backend.set(&format!("filler-{n}"), &chunk) {
            Ok(()) => n += 1,
            Err(e) => break e,
        }
        assert!(
            n < 400,
            "Chromium's quota should be reached well before 100 MB"
        );
    };
    assert_eq!(error, StorageError::QuotaExceeded);
    clear();
}

#[wasm_bindgen_test]
fn corrupted_settings_in_local_storage_are_backed_up() {
    clear();
    let backend = LocalStorageBackend::open().unwrap();
    backend.set("mvp-pathway:settings", "{broken").unwrap();
    let store = Store::new(LocalStorageBackend::open().unwrap());
    assert!(matches!(
        store.load::<StoredSettings>(),
        Loaded::Recovered { .. }
    ));
    assert_eq!(
        backend
            .get("mvp-pathway:backup:settings:1")
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    clear();
}
