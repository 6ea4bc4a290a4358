//! The browser's localStorage, through gloo-storage, behind a web-sys probe.
//!
//! gloo's `LocalStorage::raw()` panics where storage is blocked (a sandboxed iframe), so
//! [`LocalStorageBackend::open`] first checks with web-sys that storage answers and takes a
//! write; only then is gloo used. Values are texts the store has already serialised (and
//! set-aside copies that need not be JSON), so they go through `raw()` as they are: gloo's
//! typed `get`/`set` would parse or encode each text a second time. A failed write comes back
//! as gloo's `StorageError::JsError`, whose `name` tells a full quota (`QuotaExceededError`)
//! apart from other refusals.

use super::{Backend, BackendKind, StorageError};
use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use gloo_utils::errors::JsError;
use wasm_bindgen::JsValue;

const PROBE_KEY: &str = "mvp-pathway:probe";

/// localStorage of the page's origin.
pub struct LocalStorageBackend {
    storage: web_sys::Storage,
}

impl LocalStorageBackend {
    /// Opens localStorage and checks that it answers, or says why it cannot be used.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        // web-sys first: it reports a blocked store as an error instead of panicking.
        let probe = window
            .local_storage()
            .map_err(|e| StorageError::Unavailable(js_message(e)))?
            .ok_or_else(|| StorageError::Unavailable("localStorage is disabled".into()))?;
        // A full store still reads, so only a refusal other than quota counts as unavailable.
        match probe.set_item(PROBE_KEY, "1").map_err(to_storage_error) {
            Ok(()) | Err(StorageError::QuotaExceeded) => {}
            Err(e) => return Err(StorageError::Unavailable(e.to_string())),
        }
        let _ = probe.remove_item(PROBE_KEY);
        // From here gloo's `raw()` cannot panic: the same store answered.
        Ok(LocalStorageBackend {
            storage: LocalStorage::raw(),
        })
    }
}

impl Backend for LocalStorageBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Local
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|e| StorageError::ReadFailed(js_message(e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(to_storage_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::WriteFailed(js_message(e)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let len = LocalStorage::length();
        Ok((0..len)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect())
    }
}

/// A thrown write error as gloo reports it (`StorageError::JsError`), sorted by its name.
fn to_storage_error(e: JsValue) -> StorageError {
    match JsError::try_from(e).map(GlooError::JsError) {
        Ok(GlooError::JsError(js)) if js.name == "QuotaExceededError" => {
            StorageError::QuotaExceeded
        }
        Ok(other) => StorageError::WriteFailed(other.to_string()),
        Err(not_an_error) => StorageError::WriteFailed(not_an_error.to_string()),
    }
}

fn js_message(e: JsValue) -> String {
    match JsError::try_from(e) {
        Ok(js) => format!("{}: {}", js.name, js.message),
        Err(not_an_error) => not_an_error.to_string(),
    }
}
