//! Stored shape of the backup record, and its conversion to the model.
//!
//! The record describes this browser (when a file was downloaded here), not the person's
//! content, so it is kept under its own key outside the `mvp-pathway:` documents: an export
//! does not carry it and an import does not overwrite it. "Delete everything" removes it.

use crate::domain::backup::BackupStatus;
use serde::{Deserialize, Serialize};

/// localStorage key of the record.
pub const BACKUP_RECORD_KEY: &str = "mvp-pathway-device:last-backup";

/// Stored form of [`BackupStatus`] (`v` = 1). The fingerprint is hex text: JSON numbers
/// above 2^53 do not survive every reader.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredBackupStatus {
    #[serde(default)]
    pub v: u32,
    #[serde(default)]
    pub last_backup_ms: Option<i64>,
    #[serde(default)]
    pub fingerprint: Option<String>,
    #[serde(default)]
    pub reminded_ms: Option<i64>,
}

impl StoredBackupStatus {
    /// The format this app writes.
    pub const VERSION: u32 = 1;

    /// The record as saved text (as serde_json writes it, without its code).
    pub fn encode(&self) -> String {
        super::json_out::backup_text(self)
    }

    /// The record from saved text; anything unreadable or of another format counts as no
    /// record (the worst outcome is one reminder too many).
    pub fn decode(text: &str) -> BackupStatus {
        // In the browser, its JSON parser (`browser_json`), so no serde_json is downloaded.
        #[cfg(target_arch = "wasm32")]
        let record = super::browser_json::decode_backup_record(text);
        #[cfg(not(target_arch = "wasm32"))]
        let record = serde_json::from_str::<StoredBackupStatus>(text).ok();
        record
            .filter(|s| s.v == Self::VERSION)
            .map(BackupStatus::from)
            .unwrap_or_default()
    }
}

impl From<&BackupStatus> for StoredBackupStatus {
    fn from(s: &BackupStatus) -> Self {
        StoredBackupStatus {
            v: StoredBackupStatus::VERSION,
            last_backup_ms: s.last_backup_ms,
            fingerprint: s.fingerprint.map(|f| format!("{f:016x}")),
            reminded_ms: s.reminded_ms,
        }
    }
}

/// The latest moment a date can hold (JavaScript's `Date`, and so `Intl`, go to 8.64e15
/// milliseconds either side of 1970).
const LAST_MOMENT_MS: i64 = 8_640_000_000_000_000;

impl From<StoredBackupStatus> for BackupStatus {
    /// A fingerprint that is not hex counts as unknown (the journal then counts as changed);
    /// a moment no date can hold counts as none (writing it out would fail).
    fn from(s: StoredBackupStatus) -> Self {
        let moment =
            |ms: Option<i64>| ms.filter(|ms| (-LAST_MOMENT_MS..=LAST_MOMENT_MS).contains(ms));
        BackupStatus {
            last_backup_ms: moment(s.last_backup_ms),
            fingerprint: s.fingerprint.and_then(|f| u64::from_str_radix(&f, 16).ok()),
            reminded_ms: moment(s.reminded_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_as_text() {
        let status = BackupStatus {
            last_backup_ms: Some(1_700_000_000_000),
            fingerprint: Some(u64::MAX - 3),
            reminded_ms: None,
        };
        let text = StoredBackupStatus::from(&status).encode();
        assert_eq!(StoredBackupStatus::decode(&text), status);
    }

    #[test]
    fn unreadable_or_other_formats_count_as_no_record() {
        for text in [
            "",
            "null",
            "[]",
            r#"{"v":2,"last_backup_ms":5}"#,
            r#"{"last_backup_ms":5}"#,
        ] {
            assert_eq!(
                StoredBackupStatus::decode(text),
                BackupStatus::default(),
                "{text}"
            );
        }
    }

    #[test]
    fn moments_no_date_can_hold_count_as_none() {
        for ms in [
            i64::MAX,
            i64::MIN,
            9_007_199_254_740_991,
            LAST_MOMENT_MS + 1,
        ] {
            let text = format!(r#"{{"v":1,"last_backup_ms":{ms},"reminded_ms":{ms}}}"#);
            let s = StoredBackupStatus::decode(&text);
            assert_eq!((s.last_backup_ms, s.reminded_ms), (None, None), "{ms}");
        }
        let text = format!(r#"{{"v":1,"last_backup_ms":{LAST_MOMENT_MS}}}"#);
        assert_eq!(
            StoredBackupStatus::decode(&text).last_backup_ms,
            Some(LAST_MOMENT_MS)
        );
    }

    #[test]
    fn a_bad_fingerprint_counts_as_changed() {
        let s = BackupStatus::from(StoredBackupStatus {
            v: 1,
            last_backup_ms: Some(1),
            fingerprint: Some("zz".into()),
            reminded_ms: None,
        });
        assert!(s.changed_since_backup(0));
    }
}
