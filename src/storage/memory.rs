//! In-memory backend: used where the browser blocks storage, and in native tests.

use super::{Backend, BackendKind, StorageError};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Keeps keys in memory; optionally limited to `capacity` characters like a browser quota.
#[derive(Default)]
pub struct MemoryBackend {
    entries: RefCell<BTreeMap<String, String>>,
    capacity: Option<usize>,
}

impl MemoryBackend {
    /// A backend that refuses writes beyond `chars` characters of keys and values.
    pub fn with_capacity(chars: usize) -> Self {
        MemoryBackend {
            entries: RefCell::default(),
            capacity: Some(chars),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Memory
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(capacity) = self.capacity {
            if self.used_without(key) + key.chars().count() + value.chars().count() > capacity {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
