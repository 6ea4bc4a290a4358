//! The browser's localStorage, through web-sys.
//!
//! gloo-storage is not used: its `LocalStorage::raw()` panics where storage is blocked
//! (a sandboxed iframe), and its errors do not tell a full quota from other failures.

use super::{Backend, BackendKind, StorageError};
use wasm_bindgen::{JsCast, JsValue};

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
        let storage = window
            .local_storage()
            .map_err(|e| StorageError::Unavailable(js_message(&e)))?
            .ok_or_else(|| StorageError::Unavailable("localStorage is disabled".into()))?;
        let backend = LocalStorageBackend { storage };
        // A full store still reads, so only a refusal other than quota counts as unavailable.
        match backend.set(PROBE_KEY, "1") {
            Ok(()) | Err(StorageError::QuotaExceeded) => {}
            Err(e) => return Err(StorageError::Unavailable(e.to_string())),
        }
        let _ = backend.remove(PROBE_KEY);
        Ok(backend)
    }
}

impl Backend for LocalStorageBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Local
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|e| StorageError::ReadFailed(js_message(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                StorageError::QuotaExceeded
            } else {
                StorageError::WriteFailed(js_message(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::WriteFailed(js_message(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let len = self
            .storage
            .length()
            .map_err(|e| StorageError::ReadFailed(js_message(&e)))?;
        Ok((0..len)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect())
    }
}

fn is_quota_error(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22)
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
