//! "Export everything" and its import: one JSON file holding the envelope of every document
//! the app saved, validated in full before anything is written.
//!
//! ```json
//! {"app": "mvp-pathway", "format": 1, "exported_at": "2026-11-27T18:00:00.000Z",
//!  "documents": {"settings": {"v": 1, "data": {...}}, "checklist": {...}},
//!  "backups": {"backup:settings:1": "raw text set aside"}}
//! ```
//!
//! Usage:
//!
//! ```
//! use mvp_pathway::storage::{apply_import, export_document, parse_import, MemoryBackend, Store, StoredSettings};
//! let store = Store::new(MemoryBackend::default());
//! store.save(&StoredSettings { theme: "dark".into(), lang: None }).unwrap();
//! let file = export_document(&store, "2026-11-27T18:00:00Z").unwrap();
//! store.clear_all().unwrap();
//! let plan = parse_import(&file).unwrap();
//! assert_eq!(apply_import(&store, &plan), Ok(1));
//! assert_eq!(store.load::<StoredSettings>().into_value().theme, "dark");
//! ```

use super::{
    decode, is_journal_key, Document, Envelope, StorageError, Store, StoredChecklist,
    StoredExplainer, StoredJournal, StoredSettings, StoredStory, BACKUP_PREFIX, PREFIX,
};
use serde_json::{json, Map, Value};

/// The `app` field of an export file.
pub const EXPORT_APP: &str = "mvp-pathway";
/// The export format this app writes and reads.
pub const EXPORT_FORMAT: u64 = 1;
/// Largest file accepted for import, in bytes.
pub const IMPORT_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Longest key name or date shown back to the user from an imported file.
const SHOWN_MAX_CHARS: usize = 60;

/// A document the app knows how to import: its key, and how to read an envelope of it
/// completely and write it again in the current format.
pub struct DocumentKind {
    pub key: &'static str,
    check: fn(&str) -> Result<String, StorageError>,
}

fn check<D: Document>(raw: &str) -> Result<String, StorageError> {
    let doc = decode::<D>(raw)?;
    serde_json::to_string(&Envelope {
        v: D::VERSION,
        data: doc,
    })
    .map_err(|e| StorageError::DecodeFailed(e.to_string()))
}

/// Every document an import may write. Adding a document to the app is adding a line here.
pub static DOCUMENTS: &[DocumentKind] = &[
    DocumentKind {
        key: StoredSettings::KEY,
        check: check::<StoredSettings>,
    },
    DocumentKind {
        key: StoredChecklist::KEY,
        check: check::<StoredChecklist>,
    },
    DocumentKind {
        key: StoredStory::KEY,
        check: check::<StoredStory>,
    },
    DocumentKind {
        key: StoredJournal::KEY,
        check: check::<StoredJournal>,
    },
    DocumentKind {
        key: StoredExplainer::KEY,
        check: check::<StoredExplainer>,
    },
];

/// Why an import file was refused. Nothing is written when any of these happens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("the file is not JSON")]
    NotJson,
    #[error("the file was not exported by this app")]
    WrongApp,
    #[error("the file uses a newer export format ({0})")]
    NewerFormat(u64),
    #[error("the file's structure is not an export: {0}")]
    Malformed(&'static str),
    #[error("document `{0}` comes from a newer version of the app")]
    NewerDocument(String),
    #[error("document `{0}` could not be read")]
    BadDocument(String),
    #[error("the file holds nothing this app can import")]
    NothingToImport,
}

/// A checked import file: what would be written, and what is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// `exported_at` as written in the file (cut short), if it is text.
    pub exported_at: Option<String>,
    /// Known documents: key (without prefix) and envelope text, checked and in the
    /// current format (older formats are upgraded).
    pub documents: Vec<(String, String)>,
    /// Keys this app does not know (cut short for display); they are not imported.
    pub ignored: Vec<String>,
    /// Backup copies in the file; they stay in the file and are not imported.
    pub backups: usize,
}

impl ImportPlan {
    /// Keys of the documents that would be replaced.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.documents.iter().map(|(k, _)| k.as_str())
    }
}

/// Writes the export file: every app key's envelope, and backup copies as raw text.
/// The journal, saved in chunks, is written as one format-1 document (`journal`), as older
/// versions of the app wrote and read it.
pub fn export_document(store: &Store, exported_at: &str) -> Result<String, StorageError> {
    let mut documents = Map::new();
    let mut backups = Map::new();
    let (journal, _, _) = store.load_journal();
    if !journal.is_empty() {
        let envelope = serde_json::to_value(Envelope {
            v: StoredJournal::VERSION,
            data: StoredJournal(journal),
        })
        .map_err(|e| StorageError::WriteFailed(e.to_string()))?;
        documents.insert(StoredJournal::KEY.to_string(), envelope);
    }
    for key in store.app_keys()? {
        let Some(name) = key.strip_prefix(PREFIX) else {
            continue;
        };
        if is_journal_key(name) {
            continue;
        }
        let Some(raw) = store.backend.get(&key)? else {
            continue;
        };
        let parsed = serde_json::from_str::<Value>(&raw)
            .ok()
            .filter(|v| v.is_object() && !key.starts_with(BACKUP_PREFIX));
        match parsed {
            Some(envelope) => {
                documents.insert(name.to_string(), envelope);
            }
            // Backups, and text that is not an envelope, are kept exactly as stored.
            None => {
                backups.insert(name.to_string(), Value::String(raw));
            }
        }
    }
    let file = json!({
        "app": EXPORT_APP,
        "format": EXPORT_FORMAT,
        "exported_at": exported_at,
        "documents": documents,
        "backups": backups,
    });
    serde_json::to_string_pretty(&file).map_err(|e| StorageError::WriteFailed(e.to_string()))
}

/// Checks an import file completely; writes nothing.
pub fn parse_import(text: &str) -> Result<ImportPlan, ImportError> {
    if text.len() > IMPORT_MAX_BYTES {
        return Err(ImportError::TooLarge);
    }
    // Editors on Windows start files with a byte-order mark; JSON has no place for one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let root = root
        .as_object()
        .ok_or(ImportError::Malformed("not an object"))?;
    if root.get("app").and_then(Value::as_str) != Some(EXPORT_APP) {
        return Err(ImportError::WrongApp);
    }
    match root.get("format").and_then(Value::as_u64) {
        Some(EXPORT_FORMAT) => {}
        Some(newer) if newer > EXPORT_FORMAT => return Err(ImportError::NewerFormat(newer)),
        _ => return Err(ImportError::Malformed("format")),
    }
    let documents = root
        .get("documents")
        .and_then(Value::as_object)
        .ok_or(ImportError::Malformed("documents"))?;
    let mut plan = ImportPlan {
        exported_at: root
            .get("exported_at")
            .and_then(Value::as_str)
            .map(|s| cut(s.trim())),
        documents: Vec::new(),
        ignored: Vec::new(),
        backups: match root.get("backups") {
            None | Some(Value::Null) => 0,
            Some(Value::Object(b)) => b.len(),
            Some(_) => return Err(ImportError::Malformed("backups")),
        },
    };
    for (name, envelope) in documents {
        let Some(kind) = DOCUMENTS.iter().find(|d| d.key == name) else {
            plan.ignored.push(cut(name));
            continue;
        };
        let raw =
            serde_json::to_string(envelope).map_err(|_| ImportError::BadDocument(name.clone()))?;
        match (kind.check)(&raw) {
            Ok(current) => plan.documents.push((name.clone(), current)),
            Err(StorageError::FutureVersion { .. }) => {
                return Err(ImportError::NewerDocument(name.clone()))
            }
            Err(_) => return Err(ImportError::BadDocument(name.clone())),
        }
    }
    if plan.documents.is_empty() {
        return Err(ImportError::NothingToImport);
    }
    Ok(plan)
}

/// Replaces the plan's documents. All or nothing: if one write fails, the documents
/// already written get their previous text back. The journal is written last, in chunks
/// (its own save is all or nothing: the index switches over in one write). Returns how
/// many documents were written.
pub fn apply_import(store: &Store, plan: &ImportPlan) -> Result<usize, StorageError> {
    let journal_text = plan
        .documents
        .iter()
        .find(|(k, _)| k == StoredJournal::KEY)
        .map(|(_, raw)| raw.as_str());
    let others: Vec<&(String, String)> = plan
        .documents
        .iter()
        .filter(|(k, _)| k != StoredJournal::KEY)
        .collect();
    let keys: Vec<String> = others.iter().map(|(k, _)| Store::full_key(k)).collect();
    let mut guarded = keys.clone();
    if journal_text.is_some() {
        guarded.push(Store::full_key(super::INDEX_KEY));
    }
    if guarded.iter().any(|k| store.protected.borrow().contains(k)) {
        return Err(StorageError::Protected);
    }
    let journal = journal_text
        .map(decode::<StoredJournal>)
        .transpose()?
        .map(|StoredJournal(j)| j);
    let previous = keys
        .iter()
        .map(|k| store.backend.get(k).map(|v| (k.clone(), v)))
        .collect::<Result<Vec<_>, _>>()?;
    // Undoes the writes: every written key is removed first, so that restoring an older,
    // longer text never runs into the quota the new texts still hold (the previous state
    // fitted, so it fits again).
    let put_back = || {
        for (k, _) in &previous {
            let _ = store.backend.remove(k);
        }
        for (k, old) in &previous {
            if let Some(text) = old {
                let _ = store.backend.set(k, text);
            }
        }
    };
    for (key, (_, raw)) in keys.iter().zip(&others) {
        if let Err(e) = store.backend.set(key, raw) {
            put_back();
            return Err(e);
        }
    }
    if let Some(journal) = journal {
        let mut months: std::collections::BTreeSet<_> = journal.months().into_iter().collect();
        if let Ok(Some(index)) = store.journal_index() {
            // Every month it names goes: those of its chunks and those it still reads
            // from the format-1 key (a migration month by month was under way).
            months.extend(index.chunks.iter().map(|c| c.month));
            months.extend(index.legacy);
        }
        if let Err(e) = store.save_journal(&journal, months) {
            put_back();
            return Err(e);
        }
        store.drop_legacy_journal();
    }
    Ok(plan.documents.len())
}

/// Storage used, in whole kilobytes rounded up (browsers allow about 5 MB per site).
pub fn used_kb(chars: usize) -> usize {
    chars.div_ceil(1024)
}

fn cut(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_control())
        .take(SHOWN_MAX_CHARS)
        .collect();
    if s.chars().count() > SHOWN_MAX_CHARS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::Checklist;
    use crate::storage::{Loaded, MemoryBackend};
    use chrono::NaiveDate;

    fn filled_store() -> Store {
        let store = Store::new(MemoryBackend::default());
        store
            .save(&StoredSettings {
                theme: "dark".into(),
                lang: Some("es".into()),
            })
            .unwrap();
        let mut c = Checklist::default();
        c.set_done(
            "gather-links",
            true,
            NaiveDate::from_ymd_opt(2026, 3, 17).unwrap(),
        );
        c.set_note("gather", "Slides from the March meetup");
        store.save(&StoredChecklist::from(&c)).unwrap();
        store
            .backend
            .set("mvp-pathway:backup:settings:1", "{\"v\":1,")
            .unwrap();
        store.backend.set("someone-else", "not ours").unwrap();
        store
    }

    fn file(documents: Value) -> String {
        json!({"app": "mvp-pathway", "format": 1, "exported_at": "2026-11-27T10:00:00Z", "documents": documents})
            .to_string()
    }

    #[test]
    fn export_holds_every_app_key_and_nothing_else() {
        let store = filled_store();
        let text = export_document(&store, "2026-11-27T10:00:00Z").unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["app"], "mvp-pathway");
        assert_eq!(v["format"], 1);
        assert_eq!(v["exported_at"], "2026-11-27T10:00:00Z");
        assert_eq!(
            v["documents"]["settings"],
            json!({"v": 1, "data": {"theme": "dark", "lang": "es"}})
        );
        assert_eq!(
            v["documents"]["checklist"]["data"]["done"]["gather-links"],
            "2026-03-17"
        );
        assert_eq!(v["backups"]["backup:settings:1"], "{\"v\":1,");
        assert_eq!(v["documents"].as_object().unwrap().len(), 2);
        assert!(!text.contains("someone-else"));
    }

    #[test]
    fn export_then_clear_then_import_restores_the_same_documents() {
        let store = filled_store();
        let before = (
            store.load::<StoredSettings>(),
            store.load::<StoredChecklist>(),
        );
        let text = export_document(&store, "t").unwrap();
        store.clear_all().unwrap();
        assert!(matches!(store.load::<StoredChecklist>(), Loaded::Empty(_)));
        let plan = parse_import(&text).unwrap();
        assert_eq!(plan.keys().collect::<Vec<_>>(), ["checklist", "settings"]);
        assert_eq!(plan.backups, 1);
        assert!(plan.ignored.is_empty());
        assert_eq!(apply_import(&store, &plan), Ok(2));
        // Written exactly as the app itself writes it.
        assert_eq!(
            store
                .backend
                .get("mvp-pathway:settings")
                .unwrap()
                .as_deref(),
            Some(r#"{"v":1,"data":{"theme":"dark","lang":"es"}}"#)
        );
        assert_eq!(
            (
                store.load::<StoredSettings>(),
                store.load::<StoredChecklist>()
            ),
            before
        );
    }

    #[test]
    fn import_replaces_only_the_documents_it_holds() {
        let store = filled_store();
        let plan = parse_import(&file(
            json!({"settings": {"v": 1, "data": {"theme": "light", "lang": null}}}),
        ))
        .unwrap();
        apply_import(&store, &plan).unwrap();
        assert_eq!(store.load::<StoredSettings>().into_value().theme, "light");
        assert!(matches!(store.load::<StoredChecklist>(), Loaded::Stored(c) if !c.done.is_empty()));
    }

    #[test]
    fn unknown_keys_are_ignored_and_named() {
        let plan = parse_import(&file(json!({
            "settings": {"v": 1, "data": {"theme": "dark"}},
            "__proto__": {"v": 1, "data": {}},
            "x".repeat(500): 1,
        })))
        .unwrap();
        assert_eq!(plan.documents.len(), 1);
        assert_eq!(plan.ignored.len(), 2);
        assert!(plan.ignored.contains(&"__proto__".to_string()));
        assert!(plan.ignored.iter().all(|k| k.chars().count() <= 61));
    }

    #[test]
    fn hostile_or_foreign_files_are_refused() {
        let ok_doc = json!({"settings": {"v": 1, "data": {"theme": "dark"}}});
        let cases: Vec<(String, ImportError)> = vec![
            ("not json at all".into(), ImportError::NotJson),
            ("[1,2,3]".into(), ImportError::Malformed("not an object")),
            (
                json!({"app": "other-app", "format": 1, "documents": ok_doc}).to_string(),
                ImportError::WrongApp,
            ),
            (
                json!({"format": 1, "documents": ok_doc}).to_string(),
                ImportError::WrongApp,
            ),
            (
                json!({"app": "mvp-pathway", "format": 2, "documents": ok_doc}).to_string(),
                ImportError::NewerFormat(2),
            ),
            (
                json!({"app": "mvp-pathway", "format": "1", "documents": ok_doc}).to_string(),
                ImportError::Malformed("format"),
            ),
            (
                json!({"app": "mvp-pathway", "format": 1, "documents": []}).to_string(),
                ImportError::Malformed("documents"),
            ),
            (
                json!({"app": "mvp-pathway", "format": 1, "documents": ok_doc, "backups": "x"})
                    .to_string(),
                ImportError::Malformed("backups"),
            ),
            (
                file(json!({"settings": {"v": 7, "data": {}}})),
                ImportError::NewerDocument("settings".into()),
            ),
            (
                file(json!({"settings": {"v": 1, "data": {"theme": 42}}})),
                ImportError::BadDocument("settings".into()),
            ),
            (
                file(json!({"checklist": {"v": 1, "data": {"done": {"a": "not a date"}}}})),
                ImportError::BadDocument("checklist".into()),
            ),
            (
                file(json!({"story": "just text"})),
                ImportError::BadDocument("story".into()),
            ),
            (file(json!({})), ImportError::NothingToImport),
            (
                file(json!({"journal-from-the-future": {"v": 1, "data": {}}})),
                ImportError::NothingToImport,
            ),
            (
                format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000)),
                ImportError::NotJson,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_import(&text),
                Err(expected),
                "{}",
                &text[..text.len().min(80)]
            );
        }
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let huge =
            file(json!({"story": {"v": 1, "data": {"learned": "a".repeat(IMPORT_MAX_BYTES)}}}));
        assert_eq!(parse_import(&huge), Err(ImportError::TooLarge));
    }

    #[test]
    fn a_huge_string_within_the_limit_is_read_but_shown_cut() {
        let text = json!({
            "app": "mvp-pathway", "format": 1,
            "exported_at": "9".repeat(100_000),
            "documents": {"story": {"v": 1, "data": {"learned": "a".repeat(1_000_000)}}},
        })
        .to_string();
        let plan = parse_import(&text).unwrap();
        assert!(plan.exported_at.unwrap().chars().count() <= 61);
    }

    #[test]
    fn a_failed_write_puts_back_what_was_there() {
        let capacity = 200;
        let store = Store::new(MemoryBackend::with_capacity(capacity));
        store
            .save(&StoredSettings {
                theme: "dark".into(),
                lang: None,
            })
            .unwrap();
        let before = store.backend.get("mvp-pathway:settings").unwrap();
        // Settings fit; the story that follows does not.
        let plan = parse_import(&file(json!({
            "settings": {"v": 1, "data": {"theme": "light"}},
            "story": {"v": 1, "data": {"learned": "a".repeat(capacity)}},
        })))
        .unwrap();
        assert_eq!(
            apply_import(&store, &plan),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.backend.get("mvp-pathway:settings").unwrap(), before);
        assert_eq!(store.backend.get("mvp-pathway:story").unwrap(), None);
    }

    #[test]
    fn used_storage_rounds_up_to_whole_kilobytes() {
        assert_eq!(used_kb(0), 0);
        assert_eq!(used_kb(1), 1);
        assert_eq!(used_kb(1024), 1);
        assert_eq!(used_kb(12_300), 13);
    }
}

/// Property tests (proptest), [`properties::CASES`] generated cases each.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::journal::arbitrary::{damage, journal, json_value, text};
    use crate::domain::journal::Journal;
    use crate::storage::MemoryBackend;
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    pub const CASES: u32 = 256;

    /// What a person may have saved: each document or not, backups, another site's keys.
    #[derive(Debug, Clone)]
    struct Saved {
        settings: Option<StoredSettings>,
        checklist: Option<StoredChecklist>,
        story: Option<StoredStory>,
        journal: Option<Journal>,
        explainer: Option<StoredExplainer>,
        backups: Vec<String>,
    }

    fn saved() -> impl Strategy<Value = Saved> {
        let settings = (
            prop::sample::select(&["auto", "light", "dark"][..]),
            prop::option::of(prop::sample::select(&["en", "es"][..])),
        )
            .prop_map(|(theme, lang)| StoredSettings {
                theme: theme.into(),
                lang: lang.map(Into::into),
            });
        // Ticks from 1900 to the year 9839: a tick's date is the day it was ticked, and
        // the checklist reads four-digit years only (`date_text::parse_iso_date`).
        let checklist = (
            prop::collection::btree_map(text(10), 0u64..2_900_000, 0..4),
            prop::collection::btree_map(text(10), text(60), 0..4),
        )
            .prop_map(|(done, notes)| StoredChecklist {
                done: done
                    .into_iter()
                    .map(|(k, d)| {
                        let day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
                            + chrono::Days::new(d);
                        (k, day)
                    })
                    .collect(),
                notes,
            });
        let story = (
            text(60),
            text(60),
            text(60),
            text(60),
            prop::collection::vec(text(8), 0..3),
        )
            .prop_map(
                |(why_started, who_helped, learned, next, picked)| StoredStory {
                    why_started,
                    who_helped,
                    learned,
                    next,
                    picked,
                },
            );
        let explainer =
            prop::collection::btree_map(text(8), prop::collection::vec(text(8), 0..3), 0..4)
                .prop_map(|answers| StoredExplainer { answers });
        (
            prop::option::of(settings),
            prop::option::of(checklist),
            prop::option::of(story),
            prop::option::of(journal(4)),
            prop::option::of(explainer),
            prop::collection::vec(text(40), 0..3),
        )
            .prop_map(
                |(settings, checklist, story, journal, explainer, backups)| Saved {
                    settings,
                    checklist,
                    story,
                    journal,
                    explainer,
                    backups,
                },
            )
    }

    fn fill(store: &Store, saved: &Saved) {
        let results = [
            saved.settings.as_ref().map(|d| store.save(d)),
            saved.checklist.as_ref().map(|d| store.save(d)),
            saved.story.as_ref().map(|d| store.save(d)),
            // The journal as the app saves it now: in monthly chunks with an index.
            saved.journal.as_ref().map(|j| {
                let mut j = j.clone();
                let changed = j.take_changed();
                store.save_journal(&j, changed).map(|_| ())
            }),
            saved.explainer.as_ref().map(|d| store.save(d)),
        ];
        assert!(results.iter().flatten().all(Result::is_ok), "{results:?}");
        for (i, raw) in saved.backups.iter().enumerate() {
            let _ = store.backend.set(&format!("{BACKUP_PREFIX}story:{i}"), raw);
        }
        let _ = store.backend.set("another-site", "theirs");
    }

    /// A key of the journal: its format-1 key, its index or one of its months.
    fn is_journal_key(key: &str) -> bool {
        key.strip_prefix(PREFIX)
            .is_some_and(crate::storage::journal::is_journal_key)
    }

    /// Every key and its text.
    fn snapshot(store: &Store) -> BTreeMap<String, Option<String>> {
        let keys = store.backend.keys().unwrap_or_default();
        keys.into_iter()
            .map(|k| {
                let v = store.backend.get(&k).ok().flatten();
                (k, v)
            })
            .collect()
    }

    /// What an import does from the settings page: check the whole file, then write.
    fn import_text(store: &Store, text: &str) -> Result<usize, String> {
        let plan = parse_import(text).map_err(|e| e.to_string())?;
        apply_import(store, &plan).map_err(|e| e.to_string())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(CASES))]

        #[test]
        fn export_then_import_restores_every_document(saved in saved()) {
            let store = Store::new(MemoryBackend::default());
            fill(&store, &saved);
            // The journal is one document in several keys (its months and index, whose
            // names change with each save): compared by its entries, the rest key by key.
            let documents: BTreeMap<_, _> = snapshot(&store)
                .into_iter()
                .filter(|(k, _)| k.starts_with(PREFIX) && !k.starts_with(BACKUP_PREFIX))
                .filter(|(k, _)| !is_journal_key(k))
                .collect();
            let journal_before = store.load_journal().0;
            // An empty journal is not exported (there is nothing of it to restore).
            let journal_saved = !journal_before.entries().is_empty();
            let file = export_document(&store, "2026-11-27T10:00:00Z")
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            store.clear_all().map_err(|e| TestCaseError::fail(e.to_string()))?;
            let expected = documents.len() + usize::from(journal_saved);
            match import_text(&store, &file) {
                Ok(n) => prop_assert_eq!(n, expected),
                Err(e) => prop_assert!(expected == 0, "refused its own file: {}", e),
            }
            let after = snapshot(&store);
            prop_assert_eq!(after.get("another-site"), Some(&Some("theirs".to_string())));
            let restored: BTreeMap<_, _> = after
                .into_iter()
                .filter(|(k, _)| k.starts_with(PREFIX) && !is_journal_key(k))
                .collect();
            prop_assert_eq!(restored, documents);
            let journal_after = store.load_journal().0;
            prop_assert_eq!(journal_after.entries(), journal_before.entries());
        }

        #[test]
        fn a_refused_or_failed_import_changes_nothing(
            saved in saved(),
            incoming in saved(),
            cut in any::<prop::sample::Index>(),
            insert in text(4),
            room in 0usize..4000,
        ) {
            let source = Store::new(MemoryBackend::default());
            fill(&source, &incoming);
            let file = damage(&export_document(&source, "t").unwrap_or_default(), cut, &insert);
            let probe = Store::new(MemoryBackend::default());
            fill(&probe, &saved);
            let used: usize = snapshot(&probe)
                .iter()
                .map(|(k, v)| k.chars().count() + v.as_deref().map_or(0, |v| v.chars().count()))
                .sum();
            // A quota just above what is saved, so that some imports do not fit.
            let store = Store::new(MemoryBackend::with_capacity(used + room));
            fill(&store, &saved);
            let before = snapshot(&store);
            let plan = parse_import(&file);
            match import_text(&store, &file) {
                Err(_) => prop_assert_eq!(snapshot(&store), before),
                Ok(_) => {
                    let written: Vec<String> =
                        plan.iter().flat_map(|p| p.keys().map(Store::full_key)).collect();
                    // An imported journal replaces the journal's month and index keys.
                    let journal_written = written.contains(&Store::full_key(StoredJournal::KEY));
                    let after = snapshot(&store);
                    for (key, text) in &before {
                        let replaced = written.contains(key) || (journal_written && is_journal_key(key));
                        if !replaced {
                            prop_assert_eq!(after.get(key), Some(text));
                        }
                    }
                }
            }
        }

        #[test]
        fn any_file_is_checked_without_panicking(
            file in any::<String>(),
            documents in json_value(),
            backups in json_value(),
        ) {
            let _ = parse_import(&file);
            let shaped = serde_json::json!({
                "app": EXPORT_APP, "format": EXPORT_FORMAT, "documents": documents, "backups": backups,
            })
            .to_string();
            if let Ok(plan) = parse_import(&shaped) {
                for (key, raw) in &plan.documents {
                    prop_assert!(DOCUMENTS.iter().any(|d| d.key == key));
                    prop_assert!(serde_json::from_str::<Value>(raw).is_ok());
                }
            }
        }
    }
}
