//! Stored shape of the backup record (format 1), and its conversion to the model.

use super::Document;
use crate::domain::backup::BackupStatus;
use serde::{Deserialize, Serialize};

/// Stored form of [`BackupStatus`], format 1. The fingerprint is hex text: JSON numbers
/// above 2^53 do not survive every reader.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredBackupStatus {
    #[serde(default)]
    pub last_backup_ms: Option<i64>,
    #[serde(default)]
    pub fingerprint: Option<String>,
    #[serde(default)]
    pub reminded_ms: Option<i64>,
}

impl Document for StoredBackupStatus {
    const KEY: &'static str = "last-backup";
    const VERSION: u32 = 1;
}

impl From<&BackupStatus> for StoredBackupStatus {
    fn from(s: &BackupStatus) -> Self {
        StoredBackupStatus {
            last_backup_ms: s.last_backup_ms,
            fingerprint: s.fingerprint.map(|f| format!("{f:016x}")),
            reminded_ms: s.reminded_ms,
        }
    }
}

impl From<StoredBackupStatus> for BackupStatus {
    /// A fingerprint that is not hex counts as unknown (the journal then counts as changed).
    fn from(s: StoredBackupStatus) -> Self {
        BackupStatus {
            last_backup_ms: s.last_backup_ms,
            fingerprint: s.fingerprint.and_then(|f| u64::from_str_radix(&f, 16).ok()),
            reminded_ms: s.reminded_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryBackend, Store};

    #[test]
    fn round_trips_through_the_store() {
        let status = BackupStatus {
            last_backup_ms: Some(1_700_000_000_000),
            fingerprint: Some(u64::MAX - 3),
            reminded_ms: None,
        };
        let store = Store::new(MemoryBackend::default());
        store
            .save(&StoredBackupStatus::from(&status))
            .expect("memory store saves");
        let loaded = BackupStatus::from(store.load::<StoredBackupStatus>().into_value());
        assert_eq!(loaded, status);
    }

    #[test]
    fn a_bad_fingerprint_counts_as_changed() {
        let s = BackupStatus::from(StoredBackupStatus {
            last_backup_ms: Some(1),
            fingerprint: Some("zz".into()),
            reminded_ms: None,
        });
        assert!(s.changed_since_backup(0));
    }
}
