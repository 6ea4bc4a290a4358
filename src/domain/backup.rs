//! When the journal was last backed up, and when to remind about it.
//!
//! Browsers may delete a site's data (Safari after 7 days without a visit, others when
//! space runs low), so the app remembers when a backup file was last downloaded and
//! reminds once when the journal has changed since and that backup is old, or when there
//! never was one.
//!
//! Usage:
//!
//! ```
//! use mvp_pathway::domain::backup::{BackupStatus, DAY_MS};
//! let mut status = BackupStatus::default();
//! assert!(status.reminder_due(0, 7, 1)); // entries, never backed up
//! status.record_backup(0, 7);
//! assert!(!status.reminder_due(40 * DAY_MS, 7, 1)); // old backup, but nothing changed
//! assert!(status.reminder_due(40 * DAY_MS, 8, 1)); // changed since an old backup
//! ```

use crate::domain::journal::Journal;

/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// A backup older than this, with changes since, earns a reminder.
pub const REMIND_AFTER_DAYS: i64 = 30;

/// What the app knows about the last backup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackupStatus {
    /// When a backup file holding the journal was last downloaded.
    pub last_backup_ms: Option<i64>,
    /// The journal's [`fingerprint`] at that moment.
    pub fingerprint: Option<u64>,
    /// When the reminder was last shown.
    pub reminded_ms: Option<i64>,
}

impl BackupStatus {
    /// A backup of a journal with `fingerprint` was downloaded at `now_ms`.
    pub fn record_backup(&mut self, now_ms: i64, fingerprint: u64) {
        self.last_backup_ms = Some(now_ms);
        self.fingerprint = Some(fingerprint);
    }

    /// Whether the journal (now `fingerprint`) differs from the one last backed up.
    pub fn changed_since_backup(&self, fingerprint: u64) -> bool {
        self.fingerprint != Some(fingerprint)
    }

    /// Whether to remind now: the journal has entries, the reminder has not been shown
    /// since the last backup, and either there was no backup or the journal changed since
    /// a backup more than [`REMIND_AFTER_DAYS`] old.
    pub fn reminder_due(&self, now_ms: i64, fingerprint: u64, entries: usize) -> bool {
        if entries == 0 {
            return false;
        }
        let reminded_since_backup = match (self.reminded_ms, self.last_backup_ms) {
            (Some(reminded), Some(backup)) => reminded >= backup,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if reminded_since_backup {
            return false;
        }
        match self.last_backup_ms {
            None => true,
            Some(backup) => {
                self.changed_since_backup(fingerprint)
                    && now_ms.saturating_sub(backup) > REMIND_AFTER_DAYS * DAY_MS
            }
        }
    }

    /// The reminder was shown at `now_ms`; it is not shown again until the next backup.
    pub fn mark_reminded(&mut self, now_ms: i64) {
        self.reminded_ms = Some(now_ms);
    }
}

/// A number that changes whenever an entry is added, removed or edited: FNV-1a over the
/// entries' ids and last-change times in id order. Cheap enough for every page view.
pub fn fingerprint(journal: &Journal) -> u64 {
    let mut keys: Vec<(&str, i64)> = journal
        .entries()
        .iter()
        .map(|e| (e.id.as_str(), e.updated_ms))
        .collect();
    crate::domain::order::sort_by(&mut keys, Ord::cmp);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (id, updated) in keys {
        feed(id.as_bytes());
        feed(&[0]);
        feed(&updated.to_le_bytes());
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::{ActivityType, Entry};
    use chrono::NaiveDate;

    fn entry(id: &str, updated_ms: i64) -> Entry {
        let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        let mut e = Entry::new(id.to_string(), ActivityType::Blog, date);
        e.updated_ms = updated_ms;
        e
    }

    fn journal(entries: &[(&str, i64)]) -> Journal {
        let mut j = Journal::default();
        for (id, ms) in entries {
            j.insert(entry(id, *ms));
        }
        j
    }

    #[test]
    fn fingerprint_follows_adds_edits_and_deletes_but_not_order() {
        let base = fingerprint(&journal(&[("a", 1), ("b", 2)]));
        assert_eq!(base, fingerprint(&journal(&[("b", 2), ("a", 1)])));
        assert_ne!(base, fingerprint(&journal(&[("a", 1), ("b", 3)])));
        assert_ne!(base, fingerprint(&journal(&[("a", 1)])));
        assert_ne!(base, fingerprint(&journal(&[("a", 1), ("b", 2), ("c", 3)])));
        assert_ne!(
            fingerprint(&journal(&[])),
            fingerprint(&journal(&[("a", 1)]))
        );
    }

    #[test]
    fn no_reminder_without_entries() {
        assert!(!BackupStatus::default().reminder_due(0, 1, 0));
    }

    #[test]
    fn reminds_once_when_there_never_was_a_backup() {
        let mut s = BackupStatus::default();
        assert!(s.reminder_due(5, 1, 3));
        s.mark_reminded(5);
        assert!(!s.reminder_due(100 * DAY_MS, 2, 3));
    }

    #[test]
    fn reminds_only_after_30_days_and_a_change() {
        let mut s = BackupStatus::default();
        s.record_backup(0, 7);
        assert!(!s.reminder_due(10 * DAY_MS, 8, 1), "changed but recent");
        assert!(
            !s.reminder_due(30 * DAY_MS, 8, 1),
            "exactly 30 days is not more"
        );
        assert!(!s.reminder_due(90 * DAY_MS, 7, 1), "old but unchanged");
        assert!(s.reminder_due(30 * DAY_MS + 1, 8, 1));
    }

    #[test]
    fn a_new_backup_rearms_the_reminder() {
        let mut s = BackupStatus::default();
        s.record_backup(0, 7);
        s.mark_reminded(40 * DAY_MS);
        assert!(!s.reminder_due(50 * DAY_MS, 8, 1), "shown once");
        s.record_backup(60 * DAY_MS, 8);
        assert!(!s.reminder_due(61 * DAY_MS, 9, 1));
        assert!(s.reminder_due(91 * DAY_MS, 9, 1));
    }
}
