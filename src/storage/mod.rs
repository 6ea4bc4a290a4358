//! Everything the app saves goes through here: one versioned envelope per document,
//! a backend trait (browser localStorage, or memory when storage is blocked), and the
//! rules that keep saved data safe when it cannot be read.
//!
//! Usage:
//!
//! ```
//! use mvp_pathway::storage::{Document, Loaded, MemoryBackend, Store};
//! #[derive(serde::Serialize, serde::Deserialize, Default, PartialEq, Debug)]
//! struct Notes { text: String }
//! impl Document for Notes {
//!     const KEY: &'static str = "notes";
//!     const VERSION: u32 = 1;
//! }
//! let store = Store::new(MemoryBackend::default());
//! store.save(&Notes { text: "hi".into() }).unwrap();
//! assert!(matches!(store.load::<Notes>(), Loaded::Stored(n) if n.text == "hi"));
//! ```

mod backup;
pub mod browser_json;
mod checklist;
mod documents;
mod explainer;
mod journal;
pub mod json_out;
mod local;
mod memory;
mod read_only;
mod story;
mod transfer;

pub use backup::{StoredBackupStatus, BACKUP_RECORD_KEY};
pub use checklist::StoredChecklist;
pub use documents::StoredSettings;
pub use explainer::StoredExplainer;
pub use journal::{
    index_full_key, is_journal_key, month_via_serde, type_at, type_counts, ChunkRef, JournalIndex,
    JournalSave, OpenedJournal, StoredJournal, CHUNKED_VERSION, INDEX_KEY,
};
pub use local::LocalStorageBackend;
pub use memory::MemoryBackend;
pub use read_only::ReadOnlyBackend;
pub use story::StoredStory;
pub use transfer::{
    apply_import, export_document, parse_import, used_kb, DocumentKind, ImportError, ImportPlan,
    DOCUMENTS, EXPORT_APP, IMPORT_MAX_BYTES,
};

use serde::de::DeserializeOwned;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::rc::Rc;

/// Prefix of every key the app writes, so that it never touches a host site's data.
pub const PREFIX: &str = "mvp-pathway:";
/// Prefix of the keys that hold unreadable data set aside for recovery.
pub const BACKUP_PREFIX: &str = "mvp-pathway:backup:";

/// Ways a storage operation can fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser does not let this page use storage (blocked, sandboxed, disabled).
    #[error("storage is not available: {0}")]
    Unavailable(String),
    /// Reading a key failed.
    #[error("reading saved data failed: {0}")]
    ReadFailed(String),
    /// The browser's storage quota is used up.
    #[error("storage is full")]
    QuotaExceeded,
    /// Writing a key failed for another reason.
    #[error("saving failed: {0}")]
    WriteFailed(String),
    /// The saved text is not a valid envelope for this document.
    #[error("saved data could not be read: {0}")]
    DecodeFailed(String),
    /// The saved data was written by a newer version of the app.
    #[error(
        "saved data comes from a newer version (format {found}, this app reads up to {supported})"
    )]
    FutureVersion { found: u32, supported: u32 },
    /// The key holds data that could not be read nor set aside; saving would destroy it.
    #[error("saving is paused so that unreadable data is not overwritten")]
    Protected,
}

/// Where data lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// The browser's localStorage: survives reloads.
    Local,
    /// Memory only: lost when the page closes.
    Memory,
}

/// Raw string storage under string keys.
pub trait Backend {
    /// What kind of storage this is.
    fn kind(&self) -> BackendKind;
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key present.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// A saved document: its stored shape (a versioned DTO) and how to upgrade old versions.
pub trait Document: Serialize + DeserializeOwned + Default {
    /// Key under [`PREFIX`].
    const KEY: &'static str;
    /// Current format version; bump it and extend [`Document::migrate`] when the shape changes.
    const VERSION: u32;

    /// The oldest format whose data the document's own `Deserialize` reads as it is, so
    /// [`decode`] reads it straight into the document, not through serde_json's `Value`
    /// (whose code would be in the page's download); older formats are refused as
    /// [`Document::migrate`] would refuse them. `None`: every format goes through `Value`
    /// and `migrate`. The default: direct while there is only one format.
    const DIRECT_FROM: Option<u32> = if Self::VERSION == 1 { Some(1) } else { None };

    /// Upgrades `data` written in format `from` (< VERSION) to the current format.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no upgrade from format {from}"))
    }

    /// Reads the stored text (an envelope). The default goes through serde_json
    /// ([`decode`]); the settings (read by the main Wasm module), the checklist and the
    /// explainer's answers (read by widgets) use the browser's JSON parser there instead,
    /// so serde_json stays out of those downloads.
    fn from_stored(raw: &str) -> Result<Self, StorageError> {
        decode::<Self>(raw)
    }

    /// The stored text of the document in the current format (an envelope).
    fn to_stored(&self) -> Result<String, StorageError> {
        serde_json::to_string(&Envelope {
            v: Self::VERSION,
            data: self,
        })
        .map_err(|e| StorageError::WriteFailed(e.to_string()))
    }
}

/// What is stored under a key: `{"v": version, "data": ...}`.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    v: u32,
    data: T,
}

/// Result of loading a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nothing saved yet: a default value.
    Empty(T),
    /// The saved value (upgraded if it was older).
    Stored(T),
    /// The saved text could not be used. It was kept, and the app starts from a default.
    Recovered { value: T, recovery: Recovery },
    /// Storage could not be read at all; a default value.
    Failed { value: T, error: StorageError },
}

impl<T> Loaded<T> {
    /// The value to use, whatever happened.
    pub fn into_value(self) -> T {
        match self {
            Loaded::Empty(v) | Loaded::Stored(v) => v,
            Loaded::Recovered { value, .. } | Loaded::Failed { value, .. } => value,
        }
    }
}

/// Unreadable saved data, and where a copy of it was put.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The document key (without prefix).
    pub key: String,
    /// Why it could not be read.
    pub problem: StorageError,
    /// The exact text that was stored.
    pub raw: String,
    /// The backup key holding a copy, or `None` if the copy could not be written
    /// (then the original key is left untouched and saving to it is paused).
    pub backup_key: Option<String>,
}

/// Loads and saves [`Document`]s through a [`Backend`].
#[derive(Clone)]
pub struct Store {
    backend: Rc<dyn Backend>,
    protected: Rc<std::cell::RefCell<Vec<String>>>,
}

impl Store {
    /// A store on `backend`.
    pub fn new(backend: impl Backend + 'static) -> Self {
        Store {
            backend: Rc::new(backend),
            protected: Rc::default(),
        }
    }

    /// The browser's localStorage when it works, else memory, with the reason it fell back.
    pub fn open_browser() -> (Self, Option<StorageError>) {
        match LocalStorageBackend::open() {
            Ok(local) => (Store::new(local), None),
            Err(e) => (Store::new(MemoryBackend::default()), Some(e)),
        }
    }

    /// What kind of storage is in use.
    pub fn kind(&self) -> BackendKind {
        self.backend.kind()
    }

    /// Full key for a document key.
    pub fn full_key(key: &str) -> String {
        format!("{PREFIX}{key}")
    }

    /// Loads document `D`, setting aside whatever cannot be read.
    pub fn load<D: Document>(&self) -> Loaded<D> {
        let key = Self::full_key(D::KEY);
        let raw = match self.backend.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Loaded::Empty(D::default()),
            Err(error) => {
                return Loaded::Failed {
                    value: D::default(),
                    error,
                }
            }
        };
        match D::from_stored(&raw) {
            Ok(value) => Loaded::Stored(value),
            Err(problem) => {
                let backup_key = self.set_aside(D::KEY, &raw);
                if backup_key.is_none() {
                    self.protected.borrow_mut().push(key);
                }
                Loaded::Recovered {
                    value: D::default(),
                    recovery: Recovery {
                        key: D::KEY.to_string(),
                        problem,
                        raw,
                        backup_key,
                    },
                }
            }
        }
    }

    /// Saves document `D` in the current format.
    pub fn save<D: Document>(&self, doc: &D) -> Result<(), StorageError> {
        let key = Self::full_key(D::KEY);
        if self.protected.borrow().contains(&key) {
            return Err(StorageError::Protected);
        }
        self.backend.set(&key, &doc.to_stored()?)
    }

    /// Lets saves overwrite `key` again after the user was shown its unreadable data.
    pub fn release(&self, key: &str) {
        let full = Self::full_key(key);
        self.protected.borrow_mut().retain(|k| *k != full);
    }

    /// Removes every key of the app, backups included.
    pub fn clear_all(&self) -> Result<(), StorageError> {
        for key in self.app_keys()? {
            self.backend.remove(&key)?;
        }
        self.protected.borrow_mut().clear();
        Ok(())
    }

    /// Every key the app has written, in order.
    pub fn app_keys(&self) -> Result<Vec<String>, StorageError> {
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(PREFIX))
            .collect();
        crate::domain::order::sort_by(&mut keys, String::cmp);
        Ok(keys)
    }

    /// The stored text of every backup key.
    pub fn backups(&self) -> Vec<(String, String)> {
        self.app_keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .filter_map(|k| self.backend.get(&k).ok().flatten().map(|raw| (k, raw)))
            .collect()
    }

    /// Total characters stored by the app (keys and values), as browsers count quota.
    pub fn used_chars(&self) -> usize {
        self.app_keys()
            .unwrap_or_default()
            .iter()
            .map(|k| {
                k.chars().count()
                    + self
                        .backend
                        .get(k)
                        .ok()
                        .flatten()
                        .map_or(0, |v| v.chars().count())
            })
            .sum()
    }

    /// Copies `raw` to a new backup key that does not exist yet; never overwrites one.
    /// The same text already set aside (the document was loaded again) is not copied twice.
    fn set_aside(&self, key: &str, raw: &str) -> Option<String> {
        let prefix = format!("{BACKUP_PREFIX}{key}:");
        let existing = self
            .backups()
            .into_iter()
            .find(|(k, v)| k.starts_with(&prefix) && v == raw);
        if let Some((existing, _)) = existing {
            return Some(existing);
        }
        (1..=1000)
            .map(|n| format!("{BACKUP_PREFIX}{key}:{n}"))
            .find(|candidate| matches!(self.backend.get(candidate), Ok(None)))
            .filter(|candidate| self.backend.set(candidate, raw).is_ok())
    }
}

/// Refuses an envelope's format version `found` unless this app can read it (`supported`
/// or older, upgraded by [`Document::migrate`]).
pub fn check_version(found: u32, supported: u32) -> Result<(), StorageError> {
    if found > supported {
        return Err(StorageError::FutureVersion { found, supported });
    }
    if found == 0 {
        return Err(StorageError::DecodeFailed(
            "format version 0 does not exist".into(),
        ));
    }
    Ok(())
}

/// Reads an envelope, upgrading older formats and refusing newer ones.
pub fn decode<D: Document>(raw: &str) -> Result<D, StorageError> {
    if let Some(oldest) = D::DIRECT_FROM {
        return decode_directly(raw, oldest);
    }
    let envelope: Envelope<Value> =
        serde_json::from_str(raw).map_err(|e| StorageError::DecodeFailed(e.to_string()))?;
    let mut data = envelope.data;
    check_version(envelope.v, D::VERSION)?;
    for from in envelope.v..D::VERSION {
        data = D::migrate(from, data).map_err(StorageError::DecodeFailed)?;
    }
    serde_json::from_value(data).map_err(|e| StorageError::DecodeFailed(e.to_string()))
}

/// [`decode`] for a document whose formats `oldest..=VERSION` its `Deserialize` reads:
/// straight into `D`, not through serde_json's `Value`, whose code was in every page's
/// chunk. The version is checked as [`decode`] checks it.
fn decode_directly<D: Document>(raw: &str, oldest: u32) -> Result<D, StorageError> {
    let version = |v: u32| {
        check_version(v, D::VERSION)?;
        if v < oldest {
            return Err(StorageError::DecodeFailed(format!(
                "no upgrade from format {v}"
            )));
        }
        Ok(())
    };
    match serde_json::from_str::<Envelope<D>>(raw) {
        Ok(envelope) => {
            version(envelope.v)?;
            Ok(envelope.data)
        }
        Err(error) => {
            // Written by a newer version, whose data this one cannot read: say that, not
            // why the data did not fit.
            if let Ok(envelope) = serde_json::from_str::<Envelope<IgnoredAny>>(raw) {
                version(envelope.v)?;
            }
            Err(StorageError::DecodeFailed(error.to_string()))
        }
    }
}
