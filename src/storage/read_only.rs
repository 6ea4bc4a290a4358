//! A backend that reads the browser's localStorage and never writes to it: writes stay in
//! memory for this page view. Used by the peer's read-only page (`/peer/view`), which must
//! leave the peer's storage exactly as it found it (no probe key, no set-aside copy).

use super::{Backend, BackendKind, MemoryBackend, StorageError};
use std::cell::RefCell;

/// Reads through to localStorage (when the browser allows it); writes go to memory.
#[derive(Default)]
pub struct ReadOnlyBackend {
    storage: Option<web_sys::Storage>,
    written: MemoryBackend,
    /// Keys removed in this page view (few: a Vec keeps set code out of the main module).
    removed: RefCell<Vec<String>>,
}

impl ReadOnlyBackend {
    /// Opens localStorage for reading only; without it, reads find nothing.
    pub fn open() -> Self {
        ReadOnlyBackend {
            storage: web_sys::window().and_then(|w| w.local_storage().ok().flatten()),
            ..Default::default()
        }
    }
}

impl Backend for ReadOnlyBackend {
    // Reported as local so that no "storage blocked" notice appears: the page says itself
    // that it saves nothing.
    fn kind(&self) -> BackendKind {
        BackendKind::Local
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if let Some(value) = self.written.get(key)? {
            return Ok(Some(value));
        }
        if self.removed.borrow().iter().any(|k| k == key) {
            return Ok(None);
        }
        Ok(self
            .storage
            .as_ref()
            .and_then(|s| s.get_item(key).ok().flatten()))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.removed.borrow_mut().retain(|k| k != key);
        self.written.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let mut removed = self.removed.borrow_mut();
        if !removed.iter().any(|k| k == key) {
            removed.push(key.to_string());
        }
        self.written.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let mut keys = self.written.keys()?;
        if let Some(s) = &self.storage {
            let n = s.length().unwrap_or(0);
            keys.extend((0..n).filter_map(|i| s.key(i).ok().flatten()));
        }
        crate::domain::order::sort_by(&mut keys, String::cmp);
        keys.dedup();
        let removed = self.removed.borrow();
        keys.retain(|k| !removed.contains(k));
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_removals_stay_in_this_page_view() {
        let backend = ReadOnlyBackend::default();
        backend.set("b", "2").unwrap();
        backend.set("a", "1").unwrap();
        backend.set("a", "1").unwrap();
        assert_eq!(backend.keys().unwrap(), ["a", "b"]);
        backend.remove("a").unwrap();
        backend.remove("a").unwrap();
        assert_eq!(backend.get("a").unwrap(), None);
        assert_eq!(backend.keys().unwrap(), ["b"]);
        backend.set("a", "3").unwrap();
        assert_eq!(backend.get("a").unwrap().as_deref(), Some("3"));
        assert_eq!(backend.keys().unwrap(), ["a", "b"]);
    }
}
