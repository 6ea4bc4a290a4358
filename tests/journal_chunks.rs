//! The journal in chunks: one key per month plus an index; saves rewrite only what changed,
//! stay all or nothing when any write fails, migrate format 1, and keep "export everything"
//! and the JSON backup exactly as they were.

use chrono::NaiveDate;
use mvp_pathway::domain::journal::formats::export_json;
use mvp_pathway::domain::journal::{ActivityType, Entry, Figure, Journal, Month};
use mvp_pathway::storage::{
    apply_import, export_document, parse_import, Backend, BackendKind, MemoryBackend, StorageError,
    Store, StoredJournal, INDEX_KEY,
};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A memory backend shared between stores (two tabs), that can fail its Nth write or
/// removal, records the keys written, and can alter what it reads back.
#[derive(Clone, Default)]
struct Fake {
    inner: Rc<MemoryBackend>,
    writes: Rc<Cell<usize>>,
    fail_at: Rc<Cell<Option<usize>>>,
    written: Rc<RefCell<Vec<String>>>,
    /// Reads of keys containing this text come back with one entry fewer.
    lossy: Rc<RefCell<Option<String>>>,
    /// The failed write was a removal (its key stays behind).
    failed_removal: Rc<Cell<bool>>,
}

impl Fake {
    fn with_capacity(chars: usize) -> Fake {
        Fake {
            inner: Rc::new(MemoryBackend::with_capacity(chars)),
            ..Fake::default()
        }
    }

    fn count(&self) -> Result<(), StorageError> {
        let n = self.writes.get() + 1;
        self.writes.set(n);
        if self.fail_at.get() == Some(n) {
            return Err(StorageError::QuotaExceeded);
        }
        Ok(())
    }

    fn snapshot(&self) -> BTreeMap<String, String> {
        self.inner
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| {
                let v = self.inner.get(&k).unwrap().unwrap();
                (k, v)
            })
            .collect()
    }
}

impl Backend for Fake {
    fn kind(&self) -> BackendKind {
        BackendKind::Local
    }
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value = self.inner.get(key)?;
        match (&*self.lossy.borrow(), value) {
            (Some(part), Some(v)) if key.contains(part.as_str()) => {
                let mut doc: serde_json::Value = serde_json::from_str(&v).unwrap();
                doc["data"]["entries"].as_array_mut().unwrap().pop();
                Ok(Some(doc.to_string()))
            }
            (_, v) => Ok(v),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.count()?;
        self.written.borrow_mut().push(key.to_string());
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.count()
            .inspect_err(|_| self.failed_removal.set(true))?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn entry(id: &str, kind: ActivityType, date: NaiveDate) -> Entry {
    let mut e = Entry::new(id, kind, date);
    e.title = format!("Entry {id}");
    e.description = "Some *Markdown*".into();
    e.url = Some(format!("https://example.org/{id}"));
    e.created_ms = 1_700_000_000_000;
    e.updated_ms = 1_700_000_000_000;
    e
}

/// Entries in three months, one spanning into the next month.
fn sample() -> Journal {
    let mut video = entry("v", ActivityType::Video, day(2026, 1, 30));
    video.end_date = Some(day(2026, 2, 2));
    video.figures.set(Figure::LiveViews, Some(40));
    Journal::from_entries(vec![
        entry("a", ActivityType::Blog, day(2026, 3, 1)),
        entry("b", ActivityType::Podcast, day(2026, 3, 9)),
        entry("c", ActivityType::Blog, day(2026, 2, 14)),
        video,
        entry("d", ActivityType::Mentorship, day(2025, 11, 5)),
    ])
}

fn saved(fake: &Fake, journal: &mut Journal) -> Store {
    let store = Store::new(fake.clone());
    let changed = journal.take_changed();
    store.save_journal(journal, changed).unwrap();
    store
}

fn app_keys(fake: &Fake) -> Vec<String> {
    fake.snapshot().into_keys().collect()
}

#[test]
fn one_key_per_month_and_an_index_with_counts() {
    let fake = Fake::default();
    let mut journal = sample();
    let store = saved(&fake, &mut journal);
    assert_eq!(
        app_keys(&fake),
        [
            "mvp-pathway:journal:2025-11:1",
            "mvp-pathway:journal:2026-01:1",
            "mvp-pathway:journal:2026-02:1",
            "mvp-pathway:journal:2026-03:1",
            "mvp-pathway:journal:index",
        ]
    );
    let index = store.journal_index().unwrap().unwrap();
    assert_eq!(index.generation, 1);
    let months: Vec<String> = index.chunks.iter().map(|c| c.month.to_string()).collect();
    assert_eq!(months, ["2026-03", "2026-02", "2026-01", "2025-11"]);
    assert_eq!(index.total(), 5);
    let march = &index.chunks[0];
    assert_eq!(march.count, 2);
    assert_eq!(march.types[ActivityType::Blog as usize], 1);
    assert_eq!(march.types[ActivityType::Podcast as usize], 1);
    // The January chunk knows its video reaches into February (for the overview).
    assert_eq!(index.chunks[2].last, day(2026, 2, 2));
    let (loaded, recoveries, error) = store.load_journal();
    assert_eq!(loaded, journal);
    assert!(recoveries.is_empty() && error.is_none());
}

#[test]
fn a_save_rewrites_only_the_changed_month_and_the_index() {
    let fake = Fake::default();
    let mut journal = sample();
    let store = saved(&fake, &mut journal);
    fake.written.borrow_mut().clear();
    let mut edited = journal.get("c").unwrap().clone();
    edited.title = "Edited".into();
    journal.insert(edited);
    let index = store
        .save_journal(&journal, journal.clone().take_changed())
        .unwrap();
    assert_eq!(
        *fake.written.borrow(),
        ["mvp-pathway:journal:2026-02:2", "mvp-pathway:journal:index"]
    );
    // The replaced chunk is gone; the other months keep the keys of generation 1.
    assert!(!app_keys(&fake).contains(&"mvp-pathway:journal:2026-02:1".to_string()));
    assert_eq!(
        index
            .chunk(Month::parse("2026-03").unwrap())
            .unwrap()
            .generation,
        1
    );
    assert_eq!(store.load_journal().0, journal);
    // Deleting the last entry of a month removes its chunk from the index.
    journal.take_changed();
    journal.remove("d");
    let index = store
        .save_journal(&journal, journal.clone().take_changed())
        .unwrap();
    assert_eq!(index.chunks.len(), 3);
    assert!(!app_keys(&fake).iter().any(|k| k.contains("2025-11")));
    assert_eq!(store.load_journal().0, journal);
}

/// Every position of a failing write (or removal), for a save that adds a month, changes
/// two and empties one: afterwards storage reads as the old journal (save failed) or the new
/// one (save done), never a mix; a failed save leaves no key behind.
#[test]
fn a_failure_at_any_write_leaves_the_previous_journal_readable() {
    let mut before = sample();
    let mut after = before.clone();
    after.take_changed();
    after.insert(entry("new-month", ActivityType::Blog, day(2026, 4, 2)));
    after.insert(entry("march-2", ActivityType::Article, day(2026, 3, 20)));
    let mut moved = after.get("c").unwrap().clone();
    moved.date = day(2026, 1, 3);
    after.insert(moved);
    after.remove("d");
    let changed = after.clone().take_changed();
    assert_eq!(changed.len(), 5);

    // Count the writes of a save that works.
    let fake = Fake::default();
    let store = saved(&fake, &mut before);
    let writes_before = fake.writes.get();
    store.save_journal(&after, changed.clone()).unwrap();
    let total = fake.writes.get() - writes_before;
    assert!(total >= 8, "chunks, index and removals: {total}");

    for n in 1..=total {
        let fake = Fake::default();
        let mut base = sample();
        let store = saved(&fake, &mut base);
        let snapshot = fake.snapshot();
        fake.fail_at.set(Some(fake.writes.get() + n));
        let result = store.save_journal(&after, changed.clone());
        fake.fail_at.set(None);
        // What a fresh tab would read now.
        let reread = Store::new(fake.clone()).load_journal();
        assert!(reread.1.is_empty(), "write {n}: nothing unreadable");
        match result {
            Err(e) => {
                assert_eq!(e, StorageError::QuotaExceeded);
                assert_eq!(reread.0, before, "write {n} failed: the previous journal");
                assert_eq!(
                    fake.snapshot(),
                    snapshot,
                    "write {n} failed: no key left behind"
                );
            }
            Ok(_) => assert_eq!(reread.0, after, "write {n} was a removal after the switch"),
        }
    }
}

#[test]
fn another_tabs_save_of_other_months_is_kept() {
    let fake = Fake::default();
    let mut journal = sample();
    saved(&fake, &mut journal);
    let (tab_a, tab_b) = (Store::new(fake.clone()), Store::new(fake.clone()));
    let mut in_a = journal.clone();
    in_a.insert(entry("from-a", ActivityType::Blog, day(2026, 3, 25)));
    tab_a
        .save_journal(&in_a, in_a.clone().take_changed())
        .unwrap();
    // Tab B has not heard of it yet and saves another month.
    let mut in_b = journal.clone();
    in_b.insert(entry("from-b", ActivityType::Blog, day(2025, 11, 25)));
    tab_b
        .save_journal(&in_b, in_b.clone().take_changed())
        .unwrap();
    let ids: Vec<String> = Store::new(fake.clone())
        .load_journal()
        .0
        .entries()
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert!(ids.contains(&"from-a".to_string()) && ids.contains(&"from-b".to_string()));
    assert_eq!(ids.len(), 7);
}

fn format_1(journal: &Journal) -> String {
    serde_json::to_string(&serde_json::json!({"v": 1, "data": StoredJournal(journal.clone())}))
        .unwrap()
}

/// Storage holding `journal` in format 1 and `room` characters more.
fn format_1_with_room(journal: &Journal, room: usize) -> Fake {
    let old = format_1(journal);
    let fake = Fake::with_capacity(old.len() + room);
    fake.inner.set("mvp-pathway:journal", &old).unwrap();
    fake
}

/// Whether the format-1 key is still there.
fn has_old_key(fake: &Fake) -> bool {
    app_keys(fake).contains(&"mvp-pathway:journal".to_string())
}

#[test]
fn format_1_migrates_and_the_old_key_goes_only_after_the_read_back() {
    let fake = Fake::default();
    let journal = sample();
    fake.inner
        .set("mvp-pathway:journal", &format_1(&journal))
        .unwrap();
    let store = Store::new(fake.clone());
    let opened = store.open_journal();
    assert!(opened.error.is_none() && opened.recovery.is_none());
    assert_eq!(opened.decoded.as_ref(), Some(&journal));
    assert_eq!(opened.index.total(), 5);
    let keys = app_keys(&fake);
    assert!(
        !keys.contains(&"mvp-pathway:journal".to_string()),
        "{keys:?}"
    );
    assert!(keys.contains(&format!("mvp-pathway:{INDEX_KEY}")));
    // A fresh tab reads the chunks.
    assert_eq!(Store::new(fake.clone()).load_journal().0, journal);
}

#[test]
fn a_migration_that_does_not_read_back_keeps_the_old_key_and_nothing_else() {
    let fake = Fake::default();
    let journal = sample();
    let old = format_1(&journal);
    fake.inner.set("mvp-pathway:journal", &old).unwrap();
    // Storage that loses an entry of the March chunk.
    *fake.lossy.borrow_mut() = Some("2026-03".into());
    let opened = Store::new(fake.clone()).open_journal();
    assert!(matches!(opened.error, Some(StorageError::WriteFailed(_))));
    // The app goes on with the journal it read, and will write every month again.
    let mut decoded = opened.decoded.unwrap();
    assert_eq!(decoded, journal);
    assert_eq!(decoded.take_changed().len(), 4);
    *fake.lossy.borrow_mut() = None;
    let snapshot = fake.snapshot();
    assert_eq!(
        snapshot.into_iter().collect::<Vec<_>>(),
        [("mvp-pathway:journal".to_string(), old)]
    );
}

/// The stored index's format version and its months still read from the format-1 key.
fn index_state(fake: &Fake) -> Option<(u64, Vec<String>)> {
    let raw = fake
        .inner
        .get(&format!("mvp-pathway:{INDEX_KEY}"))
        .unwrap()?;
    let doc: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let legacy = doc["data"]["legacy"]
        .as_array()
        .map(|a| a.iter().map(|m| m.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    Some((doc["v"].as_u64().unwrap(), legacy))
}

#[test]
fn without_room_for_the_journal_twice_the_migration_goes_month_by_month() {
    let journal = sample();
    // The old key takes 1,446 characters, the chunks and their index 2,134, the largest
    // month 618: room for the chunks and one month twice, not for the chunks beside the
    // whole old key.
    let fake = format_1_with_room(&journal, 1400);
    let opened = Store::new(fake.clone()).open_journal();
    assert_eq!(opened.error, None);
    assert_eq!(opened.decoded.as_ref(), Some(&journal));
    assert_eq!(opened.index.total(), 5);
    assert!(opened.index.legacy.is_empty());
    assert!(!has_old_key(&fake), "{:?}", app_keys(&fake));
    // Finished: an index of format 2, as any other.
    assert_eq!(index_state(&fake), Some((2, vec![])));
    assert_eq!(Store::new(fake.clone()).load_journal().0, journal);
}

#[test]
fn without_room_for_one_month_the_old_key_stays_and_the_journal_is_whole() {
    let journal = sample();
    // Not even the first index: storage keeps format 1 alone, and the next save writes
    // every month (one month alone would leave the others out of the index).
    let fake = format_1_with_room(&journal, 40);
    let opened = Store::new(fake.clone()).open_journal();
    assert_eq!(opened.error, Some(StorageError::QuotaExceeded));
    let mut decoded = opened.decoded.unwrap();
    assert_eq!(decoded, journal);
    assert_eq!(decoded.take_changed().len(), 4);
    assert_eq!(app_keys(&fake), ["mvp-pathway:journal"]);
    assert_eq!(Store::new(fake.clone()).load_journal().0, journal);

    // Room for the first index, not for a month: it lists every month under `legacy`, as
    // format 3, and each load tries again.
    let fake = format_1_with_room(&journal, 250);
    let opened = Store::new(fake.clone()).open_journal();
    assert_eq!(opened.error, Some(StorageError::QuotaExceeded));
    let mut decoded = opened.decoded.unwrap();
    assert_eq!(decoded, journal);
    assert!(decoded.take_changed().is_empty());
    assert_eq!(
        index_state(&fake),
        Some((
            3,
            vec![
                "2026-03".into(),
                "2026-02".into(),
                "2026-01".into(),
                "2025-11".into()
            ]
        ))
    );
    assert!(has_old_key(&fake));
    assert_eq!(Store::new(fake.clone()).load_journal().0, journal);
}

#[test]
fn a_save_during_a_migration_month_by_month_writes_its_month_and_keeps_the_rest() {
    let journal = sample();
    let fake = Fake::default();
    fake.inner
        .set("mvp-pathway:journal", &format_1(&journal))
        .unwrap();
    // A migration stopped after its first index: every month is in the old key.
    let partial = r#"{"v":3,"data":{"generation":1,"chunks":[],"legacy":["2026-03","2026-02","2026-01","2025-11"]}}"#;
    fake.inner
        .set(&format!("mvp-pathway:{INDEX_KEY}"), partial)
        .unwrap();
    let mut edited = journal.clone();
    edited.take_changed();
    let mut changed = edited.get("a").unwrap().clone();
    changed.title = "Edited".into();
    edited.insert(changed);
    let months = edited.take_changed();
    assert_eq!(months.len(), 1);
    Store::new(fake.clone())
        .save_journal(&edited, months)
        .unwrap();
    assert_eq!(
        index_state(&fake),
        Some((
            3,
            vec!["2026-02".into(), "2026-01".into(), "2025-11".into()]
        ))
    );
    // March comes from its chunk (the old key's March is stale), the rest from the old key;
    // the load finishes the migration.
    let (reread, recoveries, error) = Store::new(fake.clone()).load_journal();
    assert!(recoveries.is_empty() && error.is_none());
    assert_eq!(reread, edited);
    assert_eq!(reread.get("a").unwrap().title, "Edited");
    assert_eq!(index_state(&fake), Some((2, vec![])));
    assert!(!has_old_key(&fake));
    assert_eq!(Store::new(fake.clone()).load_journal().0, edited);
}

#[test]
fn a_failure_at_any_write_of_a_migration_month_by_month_loses_nothing() {
    let journal = sample();
    // Count the writes of a migration that works.
    let fake = format_1_with_room(&journal, 1400);
    let base = fake.writes.get();
    assert_eq!(Store::new(fake.clone()).open_journal().error, None);
    let total = fake.writes.get() - base;
    assert!(
        total >= 12,
        "index, chunk, index and old key per month: {total}"
    );

    for n in 1..=total {
        let fake = format_1_with_room(&journal, 1400);
        fake.fail_at.set(Some(fake.writes.get() + n));
        let opened = Store::new(fake.clone()).open_journal();
        fake.fail_at.set(None);
        assert_eq!(
            opened.decoded.as_ref(),
            Some(&journal),
            "write {n}: the app's journal"
        );
        // What a fresh tab reads (and it goes on with the migration).
        let (reread, recoveries, error) = Store::new(fake.clone()).load_journal();
        assert!(recoveries.is_empty(), "write {n}: nothing unreadable");
        assert_eq!(reread, journal, "write {n} failed: the whole journal, once");
        // A removal that failed leaves an unreferenced key taking room (nothing reads it),
        // which may keep the migration from finishing; else the next load finishes it.
        if !fake.failed_removal.get() {
            assert_eq!(error, None, "write {n}: the next load finishes");
            assert_eq!(
                index_state(&fake).map(|(_, l)| l),
                Some(vec![]),
                "write {n}"
            );
            assert!(!has_old_key(&fake), "write {n}");
        }
    }
}

#[test]
fn a_format_1_key_left_next_to_the_index_goes_once_every_month_is_read() {
    let fake = Fake::default();
    let mut journal = sample();
    saved(&fake, &mut journal);
    fake.inner
        .set("mvp-pathway:journal", &format_1(&Journal::default()))
        .unwrap();
    let store = Store::new(fake.clone());
    assert!(store.open_journal().legacy_left);
    assert_eq!(store.load_journal().0, journal);
    assert!(!app_keys(&fake).contains(&"mvp-pathway:journal".to_string()));
}

#[test]
fn an_unreadable_month_is_set_aside_and_the_others_still_load() {
    let fake = Fake::default();
    let mut journal = sample();
    saved(&fake, &mut journal);
    let bad = r#"{"v":2,"data":{"month":"2026-02","entries":[{"id":"x","type":"rocket","title":"t","date":"2026-02-01"}]}}"#;
    fake.inner
        .set("mvp-pathway:journal:2026-02:1", bad)
        .unwrap();
    let (loaded, recoveries, _) = Store::new(fake.clone()).load_journal();
    assert_eq!(loaded.len(), 4);
    assert_eq!(recoveries.len(), 1);
    assert_eq!(
        recoveries[0].backup_key.as_deref(),
        Some("mvp-pathway:backup:journal:2026-02:1:1")
    );
    assert_eq!(
        fake.inner
            .get("mvp-pathway:backup:journal:2026-02:1:1")
            .unwrap()
            .as_deref(),
        Some(bad)
    );
}

#[test]
fn a_month_in_a_format_months_never_had_is_set_aside_not_read() {
    // Months are read straight into their type from format 2 on (`DIRECT_FROM`): a month
    // marked format 1 is refused as an upgrade from it would be, and kept for recovery.
    let fake = Fake::default();
    let mut journal = sample();
    saved(&fake, &mut journal);
    let key = "mvp-pathway:journal:2026-02:1";
    let month = fake.inner.get(key).unwrap().unwrap();
    let old = month.replacen(r#"{"v":2,"#, r#"{"v":1,"#, 1);
    assert_ne!(old, month);
    fake.inner.set(key, &old).unwrap();
    let (loaded, recoveries, _) = Store::new(fake.clone()).load_journal();
    assert_eq!(loaded.len(), 4, "the other months still load");
    assert_eq!(recoveries.len(), 1);
    assert_eq!(
        fake.inner
            .get("mvp-pathway:backup:journal:2026-02:1:1")
            .unwrap()
            .as_deref(),
        Some(old.as_str())
    );
}

#[test]
fn backups_are_byte_identical_whatever_the_storage_format() {
    let journal = sample();
    let today = day(2026, 11, 27);
    // Format 1, read as before.
    let old = Store::new(MemoryBackend::default());
    old.save(&StoredJournal::from(&journal)).unwrap();
    let from_format_1 = Journal::from(old.load::<StoredJournal>().into_value());
    // Chunks.
    let fake = Fake::default();
    let mut j = journal.clone();
    let store = saved(&fake, &mut j);
    let from_chunks = store.load_journal().0;
    assert_eq!(
        export_json(&from_chunks, today),
        export_json(&from_format_1, today)
    );
    assert_eq!(
        export_json(&from_chunks, today),
        export_json(&journal, today)
    );
}

#[test]
fn export_everything_holds_the_journal_as_one_document_and_import_writes_chunks() {
    let fake = Fake::default();
    let mut journal = sample();
    let store = saved(&fake, &mut journal);
    // What an export of the same entries held before the journal was chunked: the stored
    // format-1 envelope, parsed and pretty-printed.
    let envelope: serde_json::Value = serde_json::from_str(&format_1(&journal)).unwrap();
    let expected = serde_json::to_string_pretty(&serde_json::json!({
        "app": "mvp-pathway", "format": 1, "exported_at": "t",
        "documents": {"journal": envelope}, "backups": {},
    }))
    .unwrap();

    let file = export_document(&store, "t").unwrap();
    assert_eq!(file, expected);
    assert!(!file.contains("journal:index"));

    let fresh = Fake::default();
    let target = Store::new(fresh.clone());
    let plan = parse_import(&file).unwrap();
    assert_eq!(apply_import(&target, &plan), Ok(1));
    let keys = app_keys(&fresh);
    assert!(keys.contains(&format!("mvp-pathway:{INDEX_KEY}")));
    assert!(!keys.contains(&"mvp-pathway:journal".to_string()));
    assert_eq!(target.load_journal().0, journal);
    // Importing again over it replaces the months (no duplicate keys are left).
    assert_eq!(apply_import(&target, &plan), Ok(1));
    assert_eq!(app_keys(&fresh).len(), keys.len());
    assert_eq!(target.load_journal().0, journal);
}

#[test]
fn an_import_that_runs_out_of_room_changes_nothing() {
    let fake = Fake::default();
    let mut journal = sample();
    let store = saved(&fake, &mut journal);
    let mut bigger = journal.clone();
    for i in 0..40 {
        bigger.insert(entry(
            &format!("n{i}"),
            ActivityType::Blog,
            day(2024, 1 + i % 12, 3),
        ));
    }
    let source = Store::new(MemoryBackend::default());
    source.save(&StoredJournal::from(&bigger)).unwrap();
    let plan = parse_import(&export_document(&source, "t").unwrap()).unwrap();
    let snapshot = fake.snapshot();
    let total = fake.writes.get();
    for n in 1..=12 {
        fake.fail_at.set(Some(total + n));
        let result = apply_import(&store, &plan);
        fake.fail_at.set(None);
        assert_eq!(result, Err(StorageError::QuotaExceeded), "write {n}");
        assert_eq!(fake.snapshot(), snapshot, "write {n}");
        fake.writes.set(total);
    }
    assert_eq!(Store::new(fake.clone()).load_journal().0, journal);
}

/// Entries of the shape `scripts/bench-journal.mjs` seeds (about 430 characters each),
/// spread over 1,700 days from January 2022.
fn bench_entries(n: usize, prefix: &str) -> Vec<Entry> {
    let areas = [
        "azure",
        "security",
        "developer-technologies",
        "m365",
        "data-platform",
    ];
    let kinds = [
        ActivityType::Blog,
        ActivityType::Podcast,
        ActivityType::Video,
        ActivityType::OpenSource,
        ActivityType::Mentorship,
        ActivityType::SpeakerThirdParty,
    ];
    (0..n)
        .map(|i| {
            let date = day(2022, 1, 1) + chrono::Days::new((i % 1700) as u64);
            let kind = kinds[i % 6];
            let mut e = Entry::new(format!("{prefix}{i}"), kind, date);
            e.title = format!("Contribution number {i} about {} and community", areas[i % 5]);
            e.description = format!("A **description** of contribution {i}, with a [link](https://example.org/{i}) and some more words to search through.");
            e.url = Some(format!("https://example.org/{prefix}/{i}"));
            e.areas = vec![areas[i % 5].to_string()];
            if let Some(f) = kind.figures().first() {
                e.figures.set(*f, Some((i as u64 * 37) % 5000));
            }
            e.created_ms = 1_700_000_000_000 + i as i64;
            e.updated_ms = e.created_ms;
            e
        })
        .collect()
}

/// The known limit (ARCHITECTURE.md): importing 5,000 entries into a journal of 5,000 that
/// touches every month needs room for both copies, which a ~5 M-character quota does not
/// have. The import is refused as a full quota (the banner's "storage is full" message),
/// storage holds exactly what it held, and a fresh tab reads the previous journal whole.
#[test]
fn an_import_of_5000_into_5000_without_room_is_refused_whole() {
    use mvp_pathway::domain::journal::formats::{plan_import, ImportMode};
    let fake = Fake::with_capacity(5_000_000);
    let mut journal = Journal::from_entries(bench_entries(5_000, "e"));
    let store = saved(&fake, &mut journal);
    let snapshot = fake.snapshot();
    let used: usize = snapshot.iter().map(|(k, v)| k.len() + v.len()).sum();
    assert!(
        (2_000_000..2_500_000).contains(&used),
        "{used} characters saved"
    );

    let incoming = bench_entries(5_000, "i").into_iter().map(Ok).collect();
    let plan = plan_import(&journal, incoming, ImportMode::Merge);
    assert_eq!(plan.added.len(), 5_000);
    let mut imported = journal.clone();
    imported.apply_plan(&plan, ImportMode::Merge);
    let changed = imported.take_changed();
    assert_eq!(changed.len(), journal.months().len(), "every month changes");
    // The import's own path: a save begun, then carried out step by step.
    let mut save = store.begin_journal_save(changed).unwrap();
    let result = loop {
        match store.step_journal_save(&mut save, &imported) {
            Ok(false) => {}
            other => break other,
        }
    };
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(fake.snapshot(), snapshot, "nothing written is left behind");
    let (reread, recoveries, error) = Store::new(fake.clone()).load_journal();
    assert!(recoveries.is_empty() && error.is_none());
    assert_eq!(reread, journal, "the previous journal, whole");
}
