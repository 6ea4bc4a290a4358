//! The fixed hostile corpus in `tests/data/hostile/`: every file goes through the journal
//! backup import and the export-everything import, as the pages do. Each must be read
//! without a panic; a refused file must leave storage exactly as it was; what is accepted
//! must be valid. The expected outcome of each file is listed below, so a new file without
//! an expectation fails the test.

use mvp_pathway::domain::journal::formats::{
    apply_import as apply_backup, parse_backup, plan_import, ImportError as BackupError,
    ImportMode, SkipReason, MAX_IMPORT_BYTES,
};
use mvp_pathway::domain::journal::validation::check_entry;
use mvp_pathway::domain::journal::Journal;
use mvp_pathway::storage::{
    apply_import, export_document, parse_import, ImportError, MemoryBackend, Store, StoredJournal,
    StoredSettings, StoredStory, IMPORT_MAX_BYTES,
};
use std::path::Path;

/// How the journal import treats a file.
#[derive(Debug)]
enum Backup {
    Refused(fn(&BackupError) -> bool),
    /// Accepted: how many entries would be added, and how many skipped as invalid or duplicate.
    Read {
        added: usize,
        invalid: usize,
        duplicate: usize,
    },
}

/// How the export-everything import treats a file.
#[derive(Debug, PartialEq)]
enum Everything {
    Refused(ImportError),
    Written(usize),
}

fn not_json(e: &BackupError) -> bool {
    matches!(e, BackupError::NotJson(_))
}

fn expected(name: &str) -> (Option<Backup>, Option<Everything>) {
    use Backup::*;
    let bad = |n: &str| Everything::Refused(ImportError::BadDocument(n.into()));
    match name {
        "journal-deep-nesting.json" => (
            Some(Refused(not_json)),
            Some(Everything::Refused(ImportError::NotJson)),
        ),
        "journal-wrong-types.json" => (
            Some(Read {
                added: 1,
                invalid: 9,
                duplicate: 0,
            }),
            Some(Everything::Refused(ImportError::WrongApp)),
        ),
        "journal-duplicate-ids.json" => (
            Some(Read {
                added: 1,
                invalid: 0,
                duplicate: 2,
            }),
            None,
        ),
        "journal-future-version.json" => (
            Some(Refused(|e| *e == BackupError::FutureVersion(99))),
            None,
        ),
        "journal-bom.json" => (
            Some(Read {
                added: 1,
                invalid: 0,
                duplicate: 0,
            }),
            None,
        ),
        "journal-nan-infinity.json" => (
            Some(Refused(not_json)),
            Some(Everything::Refused(ImportError::NotJson)),
        ),
        // Out of serde_json's number range: the file is not readable JSON for the app.
        "journal-huge-number.json" => (Some(Refused(not_json)), None),
        "journal-control-characters.json" => (
            Some(Read {
                added: 1,
                invalid: 0,
                duplicate: 0,
            }),
            None,
        ),
        "journal-lone-surrogate.json" => (
            Some(Refused(not_json)),
            Some(Everything::Refused(ImportError::NotJson)),
        ),
        // The title is kept (shown isolated); a link with a direction override is refused.
        "journal-bidi-override.json" => (
            Some(Read {
                added: 1,
                invalid: 1,
                duplicate: 0,
            }),
            None,
        ),
        // Read as the browser's FileReader does: invalid bytes become U+FFFD.
        "journal-invalid-utf8.json" => (
            Some(Read {
                added: 1,
                invalid: 0,
                duplicate: 0,
            }),
            None,
        ),
        "export-future-format.json" => {
            (None, Some(Everything::Refused(ImportError::NewerFormat(2))))
        }
        "export-future-document.json" => (
            None,
            Some(Everything::Refused(ImportError::NewerDocument(
                "journal".into(),
            ))),
        ),
        "export-wrong-types.json" => (
            Some(Refused(|e| *e == BackupError::NotABackup)),
            Some(bad("settings")),
        ),
        "export-deep-nesting.json" => (None, Some(Everything::Refused(ImportError::NotJson))),
        // serde_json keeps the last of two equal keys; the last one here is invalid.
        "export-duplicate-keys.json" => (None, Some(bad("settings"))),
        "export-bom.json" => (None, Some(Everything::Written(1))),
        "export-nan.json" => (None, Some(Everything::Refused(ImportError::NotJson))),
        "export-lone-surrogate.json" => (None, Some(Everything::Refused(ImportError::NotJson))),
        "export-bidi-and-controls.json" => (None, Some(Everything::Written(1))),
        other => panic!("no expectation for tests/data/hostile/{other}: add one"),
    }
}

/// A store with something in every place an import could touch.
fn filled_store() -> Store {
    let store = Store::new(MemoryBackend::default());
    let journal = Journal::default();
    store
        .save(&StoredSettings {
            theme: "light".into(),
            lang: Some("es".into()),
        })
        .expect("save settings");
    store
        .save(&StoredStory {
            learned: "Mine, before the import".into(),
            ..StoredStory::default()
        })
        .expect("save story");
    store
        .save(&StoredJournal::from(&journal))
        .expect("save journal");
    store
}

fn snapshot(store: &Store) -> String {
    export_document(store, "fixed").expect("export")
}

fn check_backup(name: &str, text: &str, expected: &Backup) {
    let current = Journal::default();
    match (parse_backup(text), expected) {
        (Err(e), Backup::Refused(is)) => {
            assert!(is(&e), "{name}: refused for another reason: {e:?}")
        }
        (
            Ok(parsed),
            Backup::Read {
                added,
                invalid,
                duplicate,
            },
        ) => {
            let plan = plan_import(&current, parsed, ImportMode::Merge);
            let count = |r: SkipReason| plan.skipped.iter().filter(|s| s.reason == r).count();
            assert_eq!(
                (
                    plan.added.len(),
                    count(SkipReason::Invalid),
                    count(SkipReason::Duplicate)
                ),
                (*added, *invalid, *duplicate),
                "{name}: {plan:?}"
            );
            let after = apply_backup(&current, &plan, ImportMode::Merge);
            assert!(
                after.entries().iter().all(|e| check_entry(e).is_ok()),
                "{name}"
            );
            for skipped in &plan.skipped {
                assert!(
                    skipped.title.chars().count() <= 120,
                    "{name}: shown title is cut"
                );
            }
        }
        (got, want) => panic!("{name}: expected {want:?}, got {:?}", got.map(|v| v.len())),
    }
}

fn check_everything(name: &str, text: &str, expected: &Everything) {
    let store = filled_store();
    let before = snapshot(&store);
    let outcome = match parse_import(text) {
        Err(e) => Everything::Refused(e),
        Ok(plan) => Everything::Written(apply_import(&store, &plan).expect("write")),
    };
    assert_eq!(&outcome, expected, "{name}");
    if matches!(outcome, Everything::Refused(_)) {
        assert_eq!(
            snapshot(&store),
            before,
            "{name}: a refused file changed storage"
        );
    }
}

#[test]
fn every_hostile_file_is_refused_or_read_safely() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/hostile")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus is in place");
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let bytes = std::fs::read(&path).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        let (backup, everything) = expected(&name);
        // Every file goes through both imports; where no outcome is listed, only "no panic
        // and a refusal changes nothing" is checked.
        match backup {
            Some(want) => check_backup(&name, &text, &want),
            None => drop(parse_backup(&text)),
        }
        match everything {
            Some(want) => check_everything(&name, &text, &want),
            None => {
                let store = filled_store();
                let before = snapshot(&store);
                if parse_import(&text).is_err() {
                    assert_eq!(snapshot(&store), before, "{name}");
                }
            }
        }
    }
}

#[test]
fn a_file_just_over_5_mb_is_refused_before_it_is_read() {
    // Generated here rather than committed: a valid backup padded to one byte over the limit.
    let head = r#"{"format":"mvp-pathway-journal","version":1,"entries":[],"pad":""#;
    let tail = r#""}"#;
    let pad = MAX_IMPORT_BYTES + 1 - head.len() - tail.len();
    let text = format!("{head}{}{tail}", "x".repeat(pad));
    assert_eq!(text.len(), MAX_IMPORT_BYTES + 1);
    assert_eq!(parse_backup(&text).unwrap_err(), BackupError::TooLarge);
    let at_limit = format!("{head}{}{tail}", "x".repeat(pad - 1));
    assert!(
        parse_backup(&at_limit).is_ok(),
        "exactly 5 MB is still read"
    );

    let head = r#"{"app":"mvp-pathway","format":1,"documents":{"story":{"v":1,"data":{"learned":""#;
    let tail = r#""}}}}"#;
    let pad = IMPORT_MAX_BYTES + 1 - head.len() - tail.len();
    let text = format!("{head}{}{tail}", "y".repeat(pad));
    let store = filled_store();
    let before = snapshot(&store);
    assert_eq!(parse_import(&text), Err(ImportError::TooLarge));
    assert_eq!(snapshot(&store), before);
    let at_limit = format!("{head}{}{tail}", "y".repeat(pad - 1));
    assert!(
        parse_import(&at_limit).is_ok(),
        "exactly 5 MB is still read"
    );
}
