//! Native tests of the storage rules: envelopes, versions, recovery, quota.

use mvp_pathway::domain::settings::{Settings, Theme};
use mvp_pathway::i18n::Lang;
use mvp_pathway::storage::{
    decode, Backend, Document, Loaded, MemoryBackend, StorageError, Store, StoredSettings,
    BACKUP_PREFIX,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::rc::Rc;

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
struct Note {
    text: String,
}

impl Document for Note {
    const KEY: &'static str = "note";
    const VERSION: u32 = 1;
}

/// Format 2 of the same document: `text` became `body` plus a `pinned` flag.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
struct NoteV2 {
    body: String,
    pinned: bool,
}

impl Document for NoteV2 {
    const KEY: &'static str = "note";
    const VERSION: u32 = 2;
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        match from {
            1 => Ok(json!({ "body": data["text"], "pinned": false })),
            _ => Err(format!("unknown format {from}")),
        }
    }
}

/// A backend shared between a test and the store, to look at raw keys.
#[derive(Clone, Default)]
struct Shared(Rc<MemoryBackend>);

impl Backend for Shared {
    fn kind(&self) -> mvp_pathway::storage::BackendKind {
        self.0.kind()
    }
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
}

fn shared_store() -> (Shared, Store) {
    let backend = Shared::default();
    (backend.clone(), Store::new(backend))
}

fn raw(backend: &Shared, key: &str) -> Option<String> {
    backend.get(key).unwrap()
}

#[test]
fn nothing_saved_gives_an_empty_default() {
    let (_, store) = shared_store();
    assert_eq!(store.load::<Note>(), Loaded::Empty(Note::default()));
}

#[test]
fn saved_documents_load_back_inside_a_versioned_envelope() {
    let (backend, store) = shared_store();
    store
        .save(&Note {
            text: "first talk".into(),
        })
        .unwrap();
    assert_eq!(
        store.load::<Note>(),
        Loaded::Stored(Note {
            text: "first talk".into()
        })
    );
    let stored: Value = serde_json::from_str(&raw(&backend, "mvp-pathway:note").unwrap()).unwrap();
    assert_eq!(stored, json!({ "v": 1, "data": { "text": "first talk" } }));
}

#[test]
fn older_formats_are_upgraded_by_migrations() {
    let (backend, store) = shared_store();
    backend
        .set("mvp-pathway:note", r#"{"v":1,"data":{"text":"meetup"}}"#)
        .unwrap();
    assert_eq!(
        store.load::<NoteV2>(),
        Loaded::Stored(NoteV2 {
            body: "meetup".into(),
            pinned: false
        })
    );
}

#[test]
fn unreadable_text_is_copied_to_a_backup_key_and_the_original_is_kept_until_the_next_save() {
    let (backend, store) = shared_store();
    let broken = r#"{"v":1,"data":{"text":"cut off"#;
    backend.set("mvp-pathway:note", broken).unwrap();
    let Loaded::Recovered { value, recovery } = store.load::<Note>() else {
        panic!("expected a recovery")
    };
    assert_eq!(value, Note::default());
    assert_eq!(recovery.raw, broken);
    assert!(matches!(recovery.problem, StorageError::DecodeFailed(_)));
    let backup_key = recovery.backup_key.expect("a backup key");
    assert!(backup_key.starts_with(BACKUP_PREFIX));
    assert_eq!(raw(&backend, &backup_key).as_deref(), Some(broken));
    assert_eq!(raw(&backend, "mvp-pathway:note").as_deref(), Some(broken));
    store.save(&Note { text: "new".into() }).unwrap();
    assert_eq!(raw(&backend, &backup_key).as_deref(), Some(broken));
    assert_eq!(store.backups(), vec![(backup_key, broken.to_string())]);
}

#[test]
fn data_from_a_newer_version_is_set_aside_not_read() {
    // Data this version could read, and data in a shape it cannot: both are a newer
    // version's, and said so (a first-format document is read without serde_json's Value).
    for future in [
        r#"{"v":7,"data":{"text":"from the future","extra":true}}"#,
        r#"{"data":{"text":["now","a","list"]},"v":7}"#,
    ] {
        let (backend, store) = shared_store();
        backend.set("mvp-pathway:note", future).unwrap();
        let Loaded::Recovered { recovery, .. } = store.load::<Note>() else {
            panic!("expected a recovery: {future}")
        };
        assert_eq!(
            recovery.problem,
            StorageError::FutureVersion {
                found: 7,
                supported: 1
            },
            "{future}"
        );
        assert_eq!(
            raw(&backend, recovery.backup_key.as_deref().unwrap()).as_deref(),
            Some(future)
        );
    }
}

#[test]
fn backups_never_overwrite_earlier_backups() {
    let (backend, store) = shared_store();
    backend.set("mvp-pathway:backup:note:1", "older").unwrap();
    backend.set("mvp-pathway:note", "garbage 2").unwrap();
    let Loaded::Recovered { recovery, .. } = store.load::<Note>() else {
        panic!("expected a recovery")
    };
    assert_eq!(
        recovery.backup_key.as_deref(),
        Some("mvp-pathway:backup:note:2")
    );
    assert_eq!(
        raw(&backend, "mvp-pathway:backup:note:1").as_deref(),
        Some("older")
    );
}

#[test]
fn when_no_backup_can_be_written_saving_is_refused_so_the_original_survives() {
    let original = "not json at all";
    let backend = MemoryBackend::with_capacity("mvp-pathway:note".len() + original.len() + 5);
    backend.set("mvp-pathway:note", original).unwrap();
    let store = Store::new(backend);
    let Loaded::Recovered { recovery, .. } = store.load::<Note>() else {
        panic!("expected a recovery")
    };
    assert_eq!(recovery.backup_key, None);
    assert_eq!(
        store.save(&Note { text: "x".into() }),
        Err(StorageError::Protected)
    );
    assert_eq!(
        store.app_keys().unwrap(),
        vec!["mvp-pathway:note".to_string()]
    );
    assert!(
        matches!(store.load::<Note>(), Loaded::Recovered { recovery, .. } if recovery.raw == original)
    );
}

#[test]
fn a_full_quota_is_reported_and_the_previous_value_stays() {
    let backend = MemoryBackend::with_capacity(60);
    let store = Store::new(backend);
    store
        .save(&Note {
            text: "short".into(),
        })
        .unwrap();
    let long = Note {
        text: "a much longer note that does not fit in the quota".into(),
    };
    assert_eq!(store.save(&long), Err(StorageError::QuotaExceeded));
    assert_eq!(
        store.load::<Note>(),
        Loaded::Stored(Note {
            text: "short".into()
        })
    );
}

#[test]
fn version_zero_and_non_envelopes_are_rejected() {
    assert!(matches!(
        decode::<Note>(r#"{"v":0,"data":{"text":""}}"#),
        Err(StorageError::DecodeFailed(_))
    ));
    assert!(matches!(
        decode::<Note>(r#"{"text":"no envelope"}"#),
        Err(StorageError::DecodeFailed(_))
    ));
    assert!(matches!(
        decode::<Note>(r#"{"v":1,"data":{"text":5}}"#),
        Err(StorageError::DecodeFailed(_))
    ));
}

#[test]
fn clear_all_removes_only_the_apps_keys() {
    let (backend, store) = shared_store();
    backend.set("someone-elses-key", "keep me").unwrap();
    store.save(&Note { text: "x".into() }).unwrap();
    backend.set("mvp-pathway:backup:note:1", "old").unwrap();
    assert_eq!(
        store.used_chars(),
        "mvp-pathway:note".len()
            + r#"{"v":1,"data":{"text":"x"}}"#.len()
            + "mvp-pathway:backup:note:1old".len()
    );
    store.clear_all().unwrap();
    assert_eq!(
        backend.keys().unwrap(),
        vec!["someone-elses-key".to_string()]
    );
}

#[test]
fn settings_round_trip_and_unknown_values_fall_back() {
    let settings = Settings {
        theme: Theme::Dark,
        lang: Some(Lang::Es),
    };
    let (_, store) = shared_store();
    store.save(&StoredSettings::from(&settings)).unwrap();
    assert_eq!(
        Settings::from(store.load::<StoredSettings>().into_value()),
        settings
    );

    let odd: StoredSettings = decode(r#"{"v":1,"data":{"theme":"neon","lang":"xx"}}"#).unwrap();
    assert_eq!(Settings::from(odd), Settings::default());
    let partial: StoredSettings = decode(r#"{"v":1,"data":{}}"#).unwrap();
    assert_eq!(Settings::from(partial), Settings::default());
}

#[test]
fn releasing_a_protected_key_lets_saves_through_again() {
    let original = "not json at all";
    let backend = MemoryBackend::with_capacity(220);
    backend
        .set("mvp-pathway:backup:note:1", &"x".repeat(150))
        .unwrap();
    backend.set("mvp-pathway:note", original).unwrap();
    let store = Store::new(backend);
    assert!(
        matches!(store.load::<Note>(), Loaded::Recovered { recovery, .. } if recovery.backup_key.is_none())
    );
    assert_eq!(store.save(&Note::default()), Err(StorageError::Protected));
    store.release("note");
    assert_eq!(store.save(&Note::default()), Ok(()));
}
