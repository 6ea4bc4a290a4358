//! The journal in storage.
//!
//! **Format 2 (chunked)**, what the app writes: one key per calendar month that has entries,
//! `mvp-pathway:journal:<YYYY-MM>:<generation>` = `{"v":2,"data":{"month","entries":[...]}}`,
//! and a small index, `mvp-pathway:journal:index` = `{"v":2,"data":{"generation","chunks":[...]}}`,
//! that lists every chunk (month, generation, entry count, last day, count per type), newest
//! first. The list's first screen and the type menu need only the index and the newest chunk.
//!
//! **All or nothing across keys**: a save never overwrites a key the index refers to. Changed
//! months are written under new keys (the next generation), then the index (one key, so
//! one atomic write) switches to them, and only then are the replaced keys removed. A failure
//! or a crash before the index is written leaves the previous index and every chunk it names
//! untouched; keys written by the failed save are removed again (a crash may leave them as
//! unreferenced leftovers, which nothing reads).
//!
//! **Format 1**, `mvp-pathway:journal` = `{"v":1,"data":{"entries":[...]}}` ([`StoredJournal`]):
//! what older versions wrote and what "export everything" files hold. On first load it is
//! migrated; the old key stays until the chunks have been read back and match.
//!
//! **A migration that frees room as it goes**: writing every chunk beside the old key needs
//! room for the journal twice, which a journal over half the ~5 M-character quota does not
//! have. When the whole migration fails for want of room, it goes month by month: the index
//! first lists every month under `legacy` (those months are read from the format-1 key),
//! then for each month its chunk is written and read back and the index moves the month
//! from `legacy` to `chunks`; when room runs out, the format-1 key is rewritten without the
//! months moved so far (smaller each time), and the month is tried again.
//! At every point the index and the keys it names hold the whole journal once: a month in
//! `chunks` is never read from the old key, which may still hold it until its rewrite. An
//! index with a `legacy` list is written as format 3, so an older version of the app sees
//! a newer format and leaves it alone rather than reading half a journal; without one it
//! stays format 2.
//!
//! Reading checks every entry with the same rules as the entry form; an unreadable chunk is
//! set aside under a backup key (nothing is dropped silently) and the user is offered recovery.

use super::json_out;
use super::{BackendKind, Document, Loaded, Recovery, StorageError, Store, PREFIX};
use crate::domain::journal::formats::EntryRecord;
use crate::domain::journal::{ActivityType, Entry, Journal, Month};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;

/// The journal as saved under `mvp-pathway:journal` in format 1 (older versions, and the
/// journal's part of an "export everything" file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredJournal(pub Journal);

#[derive(Serialize)]
struct Out {
    entries: Vec<EntryRecord>,
}

#[derive(Deserialize)]
struct In {
    entries: Vec<EntryRecord>,
}

impl Serialize for StoredJournal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Out {
            entries: self.0.entries().iter().map(EntryRecord::from).collect(),
        }
        .serialize(s)
    }
}

fn entries_from(records: Vec<EntryRecord>) -> Result<Vec<Entry>, String> {
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| Entry::try_from(r).map_err(|e| format!("entry {}: {e}", i + 1)))
        .collect()
}

impl<'de> Deserialize<'de> for StoredJournal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        StoredJournal::from_records(In::deserialize(d)?.entries).map_err(serde::de::Error::custom)
    }
}

impl StoredJournal {
    /// The journal of a format-1 key's records, each checked.
    pub(super) fn from_records(records: Vec<EntryRecord>) -> Result<Self, String> {
        Ok(StoredJournal(Journal::from_saved(entries_from(records)?)))
    }
}

impl Document for StoredJournal {
    const KEY: &'static str = "journal";
    const VERSION: u32 = 1;

    fn to_stored(&self) -> Result<String, StorageError> {
        Ok(json_out::legacy_text(self.0.entries().iter()))
    }

    /// In the browser, read with its JSON parser (`browser_json`), so the journal's pages
    /// download no serde_json; the browser tests check it against the serde_json path.
    #[cfg(target_arch = "wasm32")]
    fn from_stored(raw: &str) -> Result<Self, StorageError> {
        super::browser_json::decode_legacy_journal(raw)
    }
}

impl From<&Journal> for StoredJournal {
    fn from(j: &Journal) -> Self {
        StoredJournal(j.clone())
    }
}

impl From<StoredJournal> for Journal {
    fn from(s: StoredJournal) -> Self {
        s.0
    }
}

/// Key (without prefix) of the chunked journal's index.
pub const INDEX_KEY: &str = "journal:index";
/// The chunked format's version (format 1 is [`StoredJournal`]).
pub const CHUNKED_VERSION: u32 = 2;
/// The index's version while a migration is moving months out of the format-1 key.
pub const PARTIAL_INDEX_VERSION: u32 = 3;

/// One month's chunk as the index lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkRef {
    pub month: Month,
    /// Part of its key: the generation of the save that wrote it (or the next free number
    /// if another tab's save took that key meanwhile).
    pub generation: u64,
    pub count: usize,
    /// The latest day any of its entries reaches (end dates included).
    pub last: NaiveDate,
    /// Entries per activity type, in [`ActivityType::ALL`] order.
    pub types: [usize; 12],
}

impl ChunkRef {
    /// Its key, without prefix.
    pub fn key(&self) -> String {
        chunk_key(self.month, self.generation)
    }

    fn of(month: Month, generation: u64, entries: &[Entry]) -> ChunkRef {
        let mut types = [0usize; 12];
        for e in entries {
            types[e.kind as usize] += 1;
        }
        ChunkRef {
            month,
            generation,
            count: entries.len(),
            last: entries
                .iter()
                .map(Entry::last_date)
                .max()
                .unwrap_or_default(),
            types,
        }
    }
}

/// Sorts chunks newest month first, as the index lists them.
fn newest_first(chunks: &mut [ChunkRef]) {
    crate::domain::order::sort_by(chunks, |a, b| b.month.cmp(&a.month));
}

fn chunk_key(month: Month, generation: u64) -> String {
    format!("journal:{month}:{generation}")
}

/// Whether `key` (without prefix) is a key of the chunked journal (index or chunk).
pub fn is_journal_chunk_key(key: &str) -> bool {
    key == INDEX_KEY
        || key.strip_prefix("journal:").is_some_and(|rest| {
            rest.split_once(':').is_some_and(|(m, g)| {
                Month::parse(m).is_some() && !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit())
            })
        })
}

/// Whether `key` (without prefix) holds the journal: its format-1 key, its index or a month.
pub fn is_journal_key(key: &str) -> bool {
    key == StoredJournal::KEY || is_journal_chunk_key(key)
}

/// The chunked journal's index: every chunk, newest month first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalIndex {
    /// The save that wrote it (0: nothing saved yet).
    pub generation: u64,
    pub chunks: Vec<ChunkRef>,
    /// Months still read from the format-1 key: a migration that frees room as it goes is
    /// under way (see the module's documentation). Never a month of `chunks`.
    pub legacy: Vec<Month>,
}

impl JournalIndex {
    /// Entries in every chunk.
    pub fn total(&self) -> usize {
        self.chunks.iter().map(|c| c.count).sum()
    }

    /// The chunk of `month`.
    pub fn chunk(&self, month: Month) -> Option<&ChunkRef> {
        self.chunks.iter().find(|c| c.month == month)
    }

    /// The ones of `entries` in a month still read from the format-1 key.
    fn in_legacy<'a>(&'a self, entries: &'a [Entry]) -> impl Iterator<Item = &'a Entry> {
        entries
            .iter()
            .filter(|e| self.legacy.contains(&Month::of(e.date)))
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct ChunkRefDto {
    pub(super) month: String,
    #[serde(rename = "gen")]
    pub(super) generation: u64,
    pub(super) count: usize,
    pub(super) last: String,
    pub(super) types: Vec<usize>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct IndexDto {
    pub(super) generation: u64,
    pub(super) chunks: Vec<ChunkRefDto>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) legacy: Vec<String>,
}

impl Serialize for JournalIndex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        IndexDto {
            generation: self.generation,
            chunks: self
                .chunks
                .iter()
                .map(|c| ChunkRefDto {
                    month: c.month.to_string(),
                    generation: c.generation,
                    count: c.count,
                    last: c.last.to_string(),
                    types: c.types.to_vec(),
                })
                .collect(),
            legacy: self.legacy.iter().map(Month::to_string).collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for JournalIndex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IndexDto::deserialize(d)?
            .index()
            .map_err(serde::de::Error::custom)
    }
}

impl IndexDto {
    /// The index, each chunk reference checked, newest month first, no month twice.
    pub(super) fn index(self) -> Result<JournalIndex, String> {
        let mut chunks = Vec::with_capacity(self.chunks.len());
        for c in self.chunks {
            let month = Month::parse(&c.month).ok_or_else(|| String::from("bad month"))?;
            let last = crate::domain::journal::parse_iso_date(&c.last)
                .ok_or_else(|| String::from("bad last date"))?;
            let types: [usize; 12] = c
                .types
                .try_into()
                .map_err(|_| String::from("bad type counts"))?;
            if c.count == 0 {
                return Err("bad chunk reference".into());
            }
            chunks.push(ChunkRef {
                month,
                generation: c.generation,
                count: c.count,
                last,
                types,
            });
        }
        newest_first(&mut chunks);
        if chunks.windows(2).any(|w| w[0].month == w[1].month) {
            return Err("a month is listed twice".into());
        }
        let mut legacy = Vec::with_capacity(self.legacy.len());
        for m in &self.legacy {
            let month = Month::parse(m).ok_or_else(|| String::from("bad month"))?;
            if chunks.iter().any(|c| c.month == month) || legacy.contains(&month) {
                return Err("a month is listed twice".into());
            }
            legacy.push(month);
        }
        Ok(JournalIndex {
            generation: self.generation,
            chunks,
            legacy,
        })
    }
}

impl Document for JournalIndex {
    const KEY: &'static str = INDEX_KEY;
    const VERSION: u32 = PARTIAL_INDEX_VERSION;
    /// Format 2 is format 3 without a `legacy` list, which reads as empty.
    const DIRECT_FROM: Option<u32> = Some(CHUNKED_VERSION);

    fn to_stored(&self) -> Result<String, StorageError> {
        Ok(json_out::index_text(self))
    }

    /// In the browser, read with its JSON parser (`browser_json`), so the journal's pages
    /// download no serde_json; the browser tests check it against the serde_json path.
    #[cfg(target_arch = "wasm32")]
    fn from_stored(raw: &str) -> Result<Self, StorageError> {
        super::browser_json::decode_journal_index(raw)
    }
}

/// One month's entries as stored.
#[derive(Default)]
struct Chunk(Vec<Entry>);

/// A stored month as read: its month and entry records.
#[derive(Deserialize)]
pub(super) struct ChunkIn {
    pub(super) month: String,
    pub(super) entries: Vec<EntryRecord>,
}

impl ChunkIn {
    /// The month's entries, each checked, all in the month the chunk names.
    pub(super) fn entries(self) -> Result<Vec<Entry>, String> {
        let month = Month::parse(&self.month).ok_or("bad month")?;
        let entries = entries_from(self.entries)?;
        if let Some(i) = entries.iter().position(|e| Month::of(e.date) != month) {
            return Err(format!("entry {} is not in {month}", i + 1));
        }
        Ok(entries)
    }
}

/// What [`Document`] requires; the app writes chunks with [`json_out::month_text`], the
/// same text.
impl Serialize for Chunk {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct ChunkOut {
            month: String,
            entries: Vec<EntryRecord>,
        }
        ChunkOut {
            month: self
                .0
                .first()
                .map(|e| Month::of(e.date).to_string())
                .unwrap_or_default(),
            entries: self.0.iter().map(EntryRecord::from).collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Chunk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = ChunkIn::deserialize(d)?.entries();
        entries.map(Chunk).map_err(serde::de::Error::custom)
    }
}

/// A month's stored text read through serde_json, as the native build reads it: what the
/// browser tests compare the browser's reader with.
#[doc(hidden)]
pub fn month_via_serde(raw: &str) -> Result<Vec<Entry>, StorageError> {
    super::decode::<Chunk>(raw).map(|c| c.0)
}

impl Document for Chunk {
    // Chunks have one key per month; this one names them in messages only.
    const KEY: &'static str = "journal:<month>";
    const VERSION: u32 = CHUNKED_VERSION;
    /// There never were chunks in format 1.
    const DIRECT_FROM: Option<u32> = Some(CHUNKED_VERSION);

    fn to_stored(&self) -> Result<String, StorageError> {
        Ok(json_out::month_text(&self.0))
    }

    /// In the browser, read with its JSON parser (`browser_json`), so the journal's pages
    /// download no serde_json; the browser tests check it against the serde_json path.
    #[cfg(target_arch = "wasm32")]
    fn from_stored(raw: &str) -> Result<Self, StorageError> {
        super::browser_json::decode_month(raw).map(Chunk)
    }
}

/// What opening the journal found.
#[derive(Debug, Default)]
pub struct OpenedJournal {
    /// The index to read chunks from (empty when nothing is saved in format 2).
    pub index: JournalIndex,
    /// Entries already decoded: a format-1 journal just migrated (or that could not be
    /// migrated: then every month counts as changed, so the next save writes it all).
    pub decoded: Option<Journal>,
    /// Unreadable data that was set aside.
    pub recovery: Option<Recovery>,
    /// Reading failed, or the migration could not be written (the old key is kept).
    pub error: Option<StorageError>,
    /// A format-1 key is still there next to the index (a migration was interrupted before
    /// the read-back): remove it once every chunk has been read.
    pub legacy_left: bool,
}

/// A save of changed months, carried out one step at a time: chunks first, the index last.
#[derive(Debug)]
pub struct JournalSave {
    base: JournalIndex,
    next: JournalIndex,
    /// Months still to write (their chunk of the new generation), newest first.
    todo: Vec<Month>,
    /// Keys this save wrote so far (removed again if it fails).
    written: Vec<String>,
    /// The chunk keys of a completed save.
    committed: Vec<String>,
    /// The months it covers (to mark them changed again if it fails).
    pub months: BTreeSet<Month>,
    generation: u64,
}

impl JournalSave {
    /// The index this save writes (or wrote).
    pub fn index(&self) -> JournalIndex {
        self.next.clone()
    }

    /// How many writes are left, and how many there are in all (chunks plus the index).
    pub fn progress(&self) -> (usize, usize) {
        let total = self.months.len() + 1;
        (total - self.todo.len() - 1, total)
    }
}

impl Store {
    /// False only when no journal key is saved (any format), so that a page can skip the
    /// journal's code for a reader who has none; true when the keys cannot be listed.
    pub fn may_have_journal(&self) -> bool {
        self.app_keys().map_or(true, |keys| {
            keys.iter()
                .any(|k| k.strip_prefix(PREFIX).is_some_and(is_journal_key))
        })
    }

    /// The chunked journal's index as saved, if any. Unreadable text is an error (the caller
    /// decides whether to set it aside); `Ok(None)` when nothing is saved in format 2.
    pub fn journal_index(&self) -> Result<Option<JournalIndex>, StorageError> {
        match self.backend.get(&Store::full_key(INDEX_KEY))? {
            None => Ok(None),
            Some(raw) => JournalIndex::from_stored(&raw).map(Some),
        }
    }

    /// Opens the journal: the index, or a format-1 journal migrated to chunks.
    pub fn open_journal(&self) -> OpenedJournal {
        let legacy_key = Store::full_key(StoredJournal::KEY);
        match self.load::<JournalIndex>() {
            Loaded::Stored(index) if !index.legacy.is_empty() => {
                return self.resume_migration(index);
            }
            Loaded::Stored(index) => {
                let legacy_left = matches!(self.backend.get(&legacy_key), Ok(Some(_)));
                return OpenedJournal {
                    index,
                    legacy_left,
                    ..OpenedJournal::default()
                };
            }
            Loaded::Recovered { recovery, .. } => {
                return OpenedJournal {
                    recovery: Some(recovery),
                    ..OpenedJournal::default()
                }
            }
            Loaded::Failed { error, .. } => {
                return OpenedJournal {
                    error: Some(error),
                    ..OpenedJournal::default()
                }
            }
            Loaded::Empty(_) => {}
        }
        match self.load::<StoredJournal>() {
            Loaded::Empty(_) => OpenedJournal::default(),
            Loaded::Recovered { recovery, .. } => OpenedJournal {
                recovery: Some(recovery),
                ..OpenedJournal::default()
            },
            Loaded::Failed { error, .. } => OpenedJournal {
                error: Some(error),
                ..OpenedJournal::default()
            },
            Loaded::Stored(StoredJournal(journal)) => match self.migrate_journal(&journal) {
                Ok(index) => OpenedJournal {
                    index,
                    decoded: Some(journal),
                    ..OpenedJournal::default()
                },
                Err(error) => self.migration_stopped(journal, error),
            },
        }
    }

    /// A migration that could not finish: the app goes on with `journal` (read whole), and
    /// storage holds it whole, in format 1 or part way through a migration month by month.
    fn migration_stopped(&self, mut journal: Journal, error: StorageError) -> OpenedJournal {
        let index = match self.journal_index() {
            Ok(Some(index)) => index,
            // Still format 1 alone: a save of one month would write an index that leaves
            // the other months out, so the next save writes every month.
            _ => {
                journal.mark_all_changed();
                JournalIndex::default()
            }
        };
        OpenedJournal {
            index,
            decoded: Some(journal),
            error: Some(error),
            ..OpenedJournal::default()
        }
    }

    /// Goes on with a migration month by month (the index lists `legacy` months): the
    /// journal is the index's chunks plus the format-1 key's entries of those months.
    fn resume_migration(&self, index: JournalIndex) -> OpenedJournal {
        let rest = match self.load::<StoredJournal>() {
            Loaded::Stored(StoredJournal(rest)) => rest,
            Loaded::Empty(_) => Journal::default(),
            Loaded::Recovered { recovery, .. } => {
                return OpenedJournal {
                    index,
                    recovery: Some(recovery),
                    ..OpenedJournal::default()
                }
            }
            Loaded::Failed { error, .. } => {
                return OpenedJournal {
                    index,
                    error: Some(error),
                    ..OpenedJournal::default()
                }
            }
        };
        let mut entries = Vec::with_capacity(index.total() + rest.len());
        for chunk in &index.chunks {
            match self.read_chunk(chunk) {
                Ok(e) => entries.extend(e),
                Err(recovery) => {
                    return OpenedJournal {
                        index,
                        recovery: Some(recovery),
                        ..OpenedJournal::default()
                    }
                }
            }
        }
        entries.extend(index.in_legacy(rest.entries()).cloned());
        let journal = Journal::from_saved(entries);
        match self.migrate_month_by_month(&journal) {
            Ok(index) => OpenedJournal {
                index,
                decoded: Some(journal),
                ..OpenedJournal::default()
            },
            Err(error) => self.migration_stopped(journal, error),
        }
    }

    /// Migrates a format-1 journal: at once, or month by month when there is no room for
    /// it twice.
    fn migrate_journal(&self, journal: &Journal) -> Result<JournalIndex, StorageError> {
        match self.migrate_at_once(journal) {
            Err(StorageError::QuotaExceeded) => self.migrate_month_by_month(journal),
            done => done,
        }
    }

    /// Moves the months of the format-1 key into chunks one at a time, freeing the room
    /// each takes in the old key before the next (see the module's documentation). Each
    /// chunk is read back before the index names it. An error leaves storage holding the
    /// whole journal: the index with what was moved, the old key with the rest.
    fn migrate_month_by_month(&self, journal: &Journal) -> Result<JournalIndex, StorageError> {
        // Whether the old key may hold months the index reads from chunks (room to give
        // back): after a month moved, or when going on with an earlier migration.
        let mut moved_since_rewrite = true;
        let mut index = match self.journal_index()? {
            Some(index) if !index.legacy.is_empty() => index,
            _ => {
                moved_since_rewrite = false;
                // Every month is still read from the old key.
                let start = JournalIndex {
                    generation: 1,
                    chunks: Vec::new(),
                    legacy: journal.months(),
                };
                if !start.legacy.is_empty() {
                    self.backend
                        .set(&Store::full_key(INDEX_KEY), &json_out::index_text(&start))?;
                }
                start
            }
        };
        // The old key is rewritten only when room runs out: each rewrite costs the whole
        // rest of the journal, and giving back room month by month would rewrite it once
        // per month.
        while let Some(&month) = index.legacy.first() {
            match self.move_month(journal, month) {
                Ok(next) => {
                    index = next;
                    moved_since_rewrite = true;
                }
                Err(StorageError::QuotaExceeded) if moved_since_rewrite => {
                    self.rewrite_legacy(journal, &index)?;
                    moved_since_rewrite = false;
                }
                Err(e) => return Err(e),
            }
        }
        self.drop_legacy_journal();
        Ok(index)
    }

    /// Writes the chunk of `month`, reads it back, then the index that reads the month from
    /// it (and no longer from the old key). Returns that index.
    fn move_month(&self, journal: &Journal, month: Month) -> Result<JournalIndex, StorageError> {
        let mut save = self.begin_journal_save(crate::domain::order::set_of(Some(month)))?;
        // The chunk (none for a month the journal no longer holds), read back.
        self.step_journal_save(&mut save, journal)?;
        let written = save.next.chunk(month).cloned();
        if let Some(chunk) = written {
            if self.read_chunk(&chunk).ok().as_deref() != Some(journal.month_entries(month)) {
                self.discard(&mut save);
                return Err(StorageError::WriteFailed(
                    "the journal read back differs from what was written".into(),
                ));
            }
        }
        while !self.step_journal_save(&mut save, journal)? {}
        Ok(save.next)
    }

    /// The old key with only the months `index` still reads from it (a smaller text, so
    /// it always fits where the larger one did), or no old key when there are none.
    fn rewrite_legacy(&self, journal: &Journal, index: &JournalIndex) -> Result<(), StorageError> {
        let rest: Vec<&Entry> = index.in_legacy(journal.entries()).collect();
        if rest.is_empty() {
            self.drop_legacy_journal();
            return Ok(());
        }
        let text = json_out::legacy_text(rest.iter().copied());
        self.backend
            .set(&Store::full_key(StoredJournal::KEY), &text)
    }

    /// Writes a format-1 journal as chunks, reads them back, and only when they match
    /// removes the format-1 key. On any failure the chunks are removed and the old key stays.
    fn migrate_at_once(&self, journal: &Journal) -> Result<JournalIndex, StorageError> {
        let months = crate::domain::order::set_of(journal.months());
        let mut save = self.begin_journal_save(months)?;
        while !self.step_journal_save(&mut save, journal)? {}
        let index = save.next.clone();
        let back = self
            .journal_index()
            .ok()
            .flatten()
            .filter(|i| *i == index)
            .and_then(|i| {
                let mut entries = Vec::with_capacity(journal.len());
                for c in &i.chunks {
                    entries.extend(self.read_chunk(c).ok()?);
                }
                Some(entries)
            });
        if back.as_deref() != Some(journal.entries()) {
            let _ = self.backend.remove(&Store::full_key(INDEX_KEY));
            for key in &save.committed {
                let _ = self.backend.remove(&Store::full_key(key));
            }
            return Err(StorageError::WriteFailed(
                "the journal read back differs from what was written".into(),
            ));
        }
        let _ = self.backend.remove(&Store::full_key(StoredJournal::KEY));
        Ok(index)
    }

    /// Removes a format-1 key left next to a fully readable chunked journal.
    pub fn drop_legacy_journal(&self) {
        let _ = self.backend.remove(&Store::full_key(StoredJournal::KEY));
    }

    /// The entries of one chunk. Unreadable text is set aside and reported (the chunk's
    /// entries are then missing until the user recovers them); a missing key reads empty.
    pub fn read_chunk(&self, chunk: &ChunkRef) -> Result<Vec<Entry>, Recovery> {
        let key = chunk.key();
        let raw = match self.backend.get(&Store::full_key(&key)) {
            Ok(Some(raw)) => raw,
            Ok(None) | Err(_) => return Ok(Vec::new()),
        };
        match Chunk::from_stored(&raw) {
            Ok(Chunk(entries)) => Ok(entries),
            Err(problem) => {
                let backup_key = self.set_aside(&key, &raw);
                if backup_key.is_none() {
                    // Saving would drop the month this chunk holds: refuse until dismissed.
                    self.protected.borrow_mut().push(Store::full_key(INDEX_KEY));
                }
                Err(Recovery {
                    key: INDEX_KEY.to_string(),
                    problem,
                    raw,
                    backup_key,
                })
            }
        }
    }

    /// Starts a save of `months` (their entries are read from the journal at each step).
    /// The base is the index as stored now, so months another tab saved meanwhile are kept.
    pub fn begin_journal_save(&self, months: BTreeSet<Month>) -> Result<JournalSave, StorageError> {
        if self
            .protected
            .borrow()
            .contains(&Store::full_key(INDEX_KEY))
        {
            return Err(StorageError::Protected);
        }
        let base = self.journal_index()?.unwrap_or_default();
        let generation = base.generation + 1;
        let mut next = base.clone();
        next.generation = generation;
        Ok(JournalSave {
            todo: months.iter().rev().copied().collect(),
            base,
            next,
            written: Vec::new(),
            committed: Vec::new(),
            months,
            generation,
        })
    }

    /// Writes the next chunk of `save` (or, when none is left, the index and then removes
    /// the replaced keys). `Ok(true)` when the save is complete. On an error the keys this
    /// save wrote are removed again, so storage holds exactly what it held before.
    pub fn step_journal_save(
        &self,
        save: &mut JournalSave,
        journal: &Journal,
    ) -> Result<bool, StorageError> {
        let result = self.step(save, journal);
        if result.is_err() {
            self.discard(save);
        }
        result
    }

    /// Removes the keys `save` wrote so far (it failed, or what it wrote did not read back).
    fn discard(&self, save: &mut JournalSave) {
        for key in save.written.drain(..) {
            let _ = self.backend.remove(&Store::full_key(&key));
        }
    }

    fn step(&self, save: &mut JournalSave, journal: &Journal) -> Result<bool, StorageError> {
        if let Some(month) = save.todo.pop() {
            let entries = journal.month_entries(month);
            save.next.chunks.retain(|c| c.month != month);
            // From this save on, the month is what the journal holds, not the old key's.
            save.next.legacy.retain(|m| *m != month);
            if !entries.is_empty() {
                let mut chunk = ChunkRef::of(month, save.generation, entries);
                // Never overwrite a key: another tab may be saving the same month.
                while self.backend.get(&Store::full_key(&chunk.key()))?.is_some() {
                    chunk.generation += 1;
                }
                let key = chunk.key();
                let text = json_out::month_text(entries);
                self.backend.set(&Store::full_key(&key), &text)?;
                save.written.push(key);
                save.next.chunks.push(chunk);
            }
            return Ok(false);
        }
        // Another tab may have saved since this save began: keep its other months.
        let stored = self.journal_index()?.unwrap_or_default();
        if stored != save.base {
            let mine: Vec<ChunkRef> = save
                .next
                .chunks
                .iter()
                .filter(|c| save.months.contains(&c.month))
                .cloned()
                .collect();
            save.next.chunks = stored
                .chunks
                .iter()
                .filter(|c| !save.months.contains(&c.month))
                .cloned()
                .chain(mine)
                .collect();
            save.next.legacy = stored
                .legacy
                .iter()
                .filter(|m| !save.months.contains(m))
                .copied()
                .collect();
            save.next.generation = stored.generation.max(save.base.generation) + 1;
            save.base = stored;
        }
        newest_first(&mut save.next.chunks);
        let text = json_out::index_text(&save.next);
        self.backend.set(&Store::full_key(INDEX_KEY), &text)?;
        // Committed. Keys the new index no longer names are left over; removing them may
        // fail without harm.
        save.committed = std::mem::take(&mut save.written);
        for old in &save.base.chunks {
            if save.next.chunk(old.month) != Some(old) {
                let _ = self.backend.remove(&Store::full_key(&old.key()));
            }
        }
        Ok(true)
    }

    /// Saves the `changed` months of `journal` at once. Returns the new index.
    pub fn save_journal(
        &self,
        journal: &Journal,
        changed: BTreeSet<Month>,
    ) -> Result<JournalIndex, StorageError> {
        let mut save = self.begin_journal_save(changed)?;
        while !self.step_journal_save(&mut save, journal)? {}
        Ok(save.next)
    }

    /// The whole journal, read at once (the explainer, the story, exports): every chunk, or
    /// a format-1 journal (migrated on the way).
    pub fn load_journal(&self) -> (Journal, Vec<Recovery>, Option<StorageError>) {
        let opened = self.open_journal();
        let mut recoveries: Vec<Recovery> = opened.recovery.into_iter().collect();
        if let Some(journal) = opened.decoded {
            return (journal, recoveries, opened.error);
        }
        let mut entries = Vec::with_capacity(opened.index.total());
        for c in &opened.index.chunks {
            match self.read_chunk(c) {
                Ok(e) => entries.extend(e),
                Err(r) => recoveries.push(r),
            }
        }
        if opened.legacy_left && recoveries.is_empty() {
            self.drop_legacy_journal();
        }
        (Journal::from_saved(entries), recoveries, opened.error)
    }

    /// Whether this store keeps data only in memory.
    pub fn is_memory(&self) -> bool {
        self.kind() == BackendKind::Memory
    }
}

/// Full key of the chunked journal's index (what a `storage` event names).
pub fn index_full_key() -> String {
    format!("{PREFIX}{INDEX_KEY}")
}

/// Entries per activity type of the chunks in `chunks`.
pub fn type_counts<'a>(chunks: impl IntoIterator<Item = &'a ChunkRef>) -> [usize; 12] {
    let mut counts = [0usize; 12];
    for c in chunks {
        for (n, m) in counts.iter_mut().zip(c.types) {
            *n += m;
        }
    }
    counts
}

/// [`ActivityType`] of a position in [`ChunkRef::types`].
pub fn type_at(i: usize) -> Option<ActivityType> {
    ActivityType::ALL.get(i).copied()
}
