//! The journal as stored: round trip, and unreadable entries set aside instead of dropped.

use chrono::NaiveDate;
use mvp_pathway::domain::journal::{ActivityType, Entry, Figure, Journal};
use mvp_pathway::storage::{Backend, Loaded, MemoryBackend, Store, StoredJournal};
use std::rc::Rc;

struct Shared(Rc<MemoryBackend>);

impl Backend for Shared {
    fn kind(&self) -> mvp_pathway::storage::BackendKind {
        self.0.kind()
    }
    fn get(&self, key: &str) -> Result<Option<String>, mvp_pathway::storage::StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), mvp_pathway::storage::StorageError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), mvp_pathway::storage::StorageError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, mvp_pathway::storage::StorageError> {
        self.0.keys()
    }
}

fn sample() -> Journal {
    let mut a = Entry::new(
        "a",
        ActivityType::Video,
        NaiveDate::from_ymd_opt(2026, 2, 3).unwrap(),
    );
    a.title = "Live coding".into();
    a.description = "With **Markdown**".into();
    a.end_date = NaiveDate::from_ymd_opt(2026, 2, 4);
    a.figures.set(Figure::LiveViews, Some(40));
    a.url = Some("https://video.example/x".into());
    a.created_ms = 5;
    a.updated_ms = 9;
    let mut b = Entry::new(
        "b",
        ActivityType::Mentorship,
        NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
    );
    b.title = "Mentoring".into();
    Journal::from_entries(vec![a, b])
}

#[test]
fn the_journal_round_trips_through_storage() {
    let store = Store::new(MemoryBackend::default());
    assert!(matches!(store.load::<StoredJournal>(), Loaded::Empty(_)));
    store.save(&StoredJournal::from(&sample())).unwrap();
    match store.load::<StoredJournal>() {
        Loaded::Stored(s) => assert_eq!(Journal::from(s), sample()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unreadable_entry_sets_the_whole_journal_aside() {
    let backend = Rc::new(MemoryBackend::default());
    let raw = r#"{"v":1,"data":{"entries":[{"id":"a","type":"blog","title":"ok","date":"2026-01-01"},{"id":"b","type":"blog","title":"bad","date":"2026-01-01","url":"javascript:alert(1)"}]}}"#;
    backend.set("mvp-pathway:journal", raw).unwrap();
    let store = Store::new(Shared(backend.clone()));
    match store.load::<StoredJournal>() {
        Loaded::Recovered { value, recovery } => {
            assert!(value.0.is_empty());
            assert_eq!(recovery.raw, raw);
            assert_eq!(
                recovery.backup_key.as_deref(),
                Some("mvp-pathway:backup:journal:1")
            );
            assert!(
                recovery.problem.to_string().contains("entry 2"),
                "{}",
                recovery.problem
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        backend
            .get("mvp-pathway:backup:journal:1")
            .unwrap()
            .as_deref(),
        Some(raw)
    );
}

#[test]
fn a_journal_from_a_newer_app_is_kept() {
    let backend = Rc::new(MemoryBackend::default());
    backend
        .set("mvp-pathway:journal", r#"{"v":2,"data":{"entries":[]}}"#)
        .unwrap();
    let store = Store::new(Shared(backend.clone()));
    assert!(matches!(
        store.load::<StoredJournal>(),
        Loaded::Recovered { .. }
    ));
    assert!(backend
        .get("mvp-pathway:backup:journal:1")
        .unwrap()
        .is_some());
}

#[test]
fn a_page_skips_the_journal_only_when_no_journal_key_is_saved() {
    let backend = Rc::new(MemoryBackend::default());
    let store = Store::new(Shared(backend.clone()));
    assert!(!store.may_have_journal(), "nothing saved");
    backend.set("mvp-pathway:settings", "{}").unwrap();
    backend.set("mvp-pathway:journalist", "{}").unwrap();
    assert!(
        !store.may_have_journal(),
        "other documents are not a journal"
    );
    // Format 1 (one key), and format 2 (months and an index, written by a save).
    backend.set("mvp-pathway:journal", "{}").unwrap();
    assert!(store.may_have_journal());
    backend.remove("mvp-pathway:journal").unwrap();
    store
        .save_journal(&sample(), sample().take_changed())
        .unwrap();
    assert!(store.may_have_journal());
    let (read, _, error) = store.load_journal();
    assert_eq!((read, error), (sample(), None));
}
