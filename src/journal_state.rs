//! The journal's reactive state, shared by the journal's pages and the entry form: the
//! entries read so far, the list's filter, Undo, status messages, and the chunked storage
//! behind them (`storage::journal`).
//!
//! Opening the journal reads the index and only the newest months, enough for the first
//! screen; older months are read afterwards, one per task (the page stays responsive), or at
//! once when something needs all of them (a filter, an export, a save). A save writes only
//! the months that changed. Another tab's save reloads only the months it changed.

use crate::domain::journal::formats::{ImportMode, ImportPlan};
use crate::domain::journal::query::Filter;
use crate::domain::journal::stats::local_date;
use crate::domain::journal::{Entry, Journal, Month};
use crate::state::AppStorage;
use crate::storage::{index_full_key, type_counts, ChunkRef, JournalIndex, StorageError};
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Entries shown at first, and added by each "Show more".
pub const PAGE: usize = 25;
/// How long the Undo offer stays (it stays longer while it has keyboard focus).
const UNDO_MS: u64 = 15_000;
/// A long save shows its progress after this long.
const PROGRESS_AFTER_MS: f64 = 500.0;
/// Work done between two yields to the browser while reading or writing many months.
const SLICE_MS: f64 = 8.0;

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date where the user is.
pub fn today() -> NaiveDate {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    local_date(now_ms(), offset).unwrap_or_default()
}

lazy_fn! {
    /// The whole saved journal, read in its own chunk (with the journal's storage code), for
    /// pages that show only a summary of it: the story's highlights and the settings page's
    /// backup reminder. With `report`, unreadable parts are reported as on the journal's
    /// own pages.
    pub fn read_journal_lazily(storage: AppStorage, report: bool) -> Journal {
        if report {
            load_whole_journal(storage)
        } else {
            saved_journal(storage)
        }
    }
}

/// Calls `then` with the whole saved journal: at once with an empty one when nothing may be
/// saved (no chunk is downloaded), else once [`read_journal_lazily`] has read it.
pub fn with_saved_journal(storage: AppStorage, report: bool, then: impl FnOnce(Journal) + 'static) {
    if storage.with_store(|s| s.may_have_journal()) {
        leptos::task::spawn_local(async move {
            then(read_journal_lazily(storage, report).await);
        });
    } else {
        then(Journal::default());
    }
}

/// The whole journal as saved, read without reporting problems (the journal's own pages
/// do that).
pub fn saved_journal(storage: AppStorage) -> Journal {
    Journal::from(storage.with_store(|s| s.load::<crate::storage::StoredJournal>().into_value()))
}

/// The whole journal, read at once (for the explainer's prefill and the story), with
/// unreadable parts reported like any other document's.
pub fn load_whole_journal(storage: AppStorage) -> Journal {
    let (journal, recoveries, error) = storage.with_store(|s| s.load_journal());
    report(storage, recoveries, error);
    journal
}

fn report(
    storage: AppStorage,
    recoveries: Vec<crate::storage::Recovery>,
    error: Option<StorageError>,
) {
    if !recoveries.is_empty() {
        storage.recoveries.update(|r| r.extend(recoveries));
    }
    if let Some(e) = error {
        storage.save_error.set(Some(e));
    }
}

/// An entry that was just deleted and can be brought back.
#[derive(Clone, Debug)]
pub struct Undo {
    pub entry: Entry,
    generation: u64,
}

/// What this tab knows of the journal's storage.
#[derive(Default)]
struct Tracker {
    /// The index as this tab last read or wrote it.
    index: JournalIndex,
    /// Months not read yet, newest first (always the oldest months).
    pending: Vec<ChunkRef>,
    /// A save runs over several tasks (an import); other saves wait for it.
    busy: bool,
    /// Another tab saved while a save was running.
    resync: bool,
    /// A format-1 key is left to remove once every month has been read.
    legacy_left: bool,
    /// A month could not be read (then the format-1 key is kept).
    unreadable: bool,
}

/// State shared by the journal's pages.
#[derive(Clone, Copy)]
pub struct JournalState {
    /// The entries read so far (every entry once [`JournalState::complete`] is true).
    pub journal: RwSignal<Journal>,
    pub filter: RwSignal<Filter>,
    pub shown: RwSignal<usize>,
    pub undo: RwSignal<Option<Undo>>,
    /// The latest message for the status region ("Saved ...").
    pub status: RwSignal<String>,
    /// Whether every saved month has been read.
    pub complete: RwSignal<bool>,
    /// Entries in the months not read yet, and their count per type ([`ActivityType`] order).
    ///
    /// [`ActivityType`]: crate::domain::journal::ActivityType
    pub unread: RwSignal<(usize, [usize; 12])>,
    /// A long save's progress (months written, months in all), once it takes over half a second.
    pub progress: RwSignal<Option<(usize, usize)>>,
    storage: AppStorage,
    tracker: StoredValue<Tracker>,
    generation: StoredValue<u64>,
}

impl JournalState {
    /// Opens the journal (migrating format 1), reads what the first screen needs, reads the
    /// rest in the background, and keeps it in step with other tabs.
    pub fn new(storage: AppStorage) -> Self {
        let opened = storage.with_store(|s| s.open_journal());
        report(storage, opened.recovery.into_iter().collect(), opened.error);
        let mut tracker = Tracker {
            index: opened.index,
            legacy_left: opened.legacy_left,
            ..Tracker::default()
        };
        let journal = match opened.decoded {
            Some(journal) => journal,
            None => {
                // The first screen: the newest months until a page of entries is there.
                let mut entries = Vec::new();
                let mut chunks = tracker.index.chunks.iter();
                for chunk in chunks.by_ref() {
                    match storage.with_store(|s| s.read_chunk(chunk)) {
                        Ok(e) => entries.extend(e),
                        Err(r) => {
                            tracker.unreadable = true;
                            report(storage, vec![r], None);
                        }
                    }
                    if entries.len() >= PAGE {
                        break;
                    }
                }
                tracker.pending = chunks.cloned().collect();
                Journal::from_saved(entries)
            }
        };
        let unread = unread_of(&tracker.pending);
        let complete = tracker.pending.is_empty();
        let state = JournalState {
            journal: RwSignal::new(journal),
            filter: RwSignal::new(Filter::default()),
            shown: RwSignal::new(PAGE),
            undo: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            complete: RwSignal::new(complete),
            unread: RwSignal::new(unread),
            progress: RwSignal::new(None),
            storage,
            tracker: StoredValue::new(tracker),
            generation: StoredValue::new(0),
        };
        if complete {
            state.finish_reading();
        } else {
            state.read_rest_in_background();
        }
        state.sync_from_other_tabs();
        state
    }

    fn read_rest_in_background(self) {
        leptos::task::spawn_local(async move {
            let mut buffer: Vec<Entry> = Vec::new();
            loop {
                next_task().await;
                if self.journal.is_disposed() {
                    return;
                }
                let started = js_sys::Date::now();
                while js_sys::Date::now() - started < SLICE_MS {
                    match self.read_next_pending() {
                        Some(entries) => buffer.extend(entries),
                        None => break,
                    }
                }
                let done = self.tracker.with_value(|t| t.pending.is_empty());
                if done || buffer.len() >= 2_000 {
                    let older = std::mem::take(&mut buffer);
                    self.journal.update(|j| j.append_saved(older));
                    self.unread
                        .set(self.tracker.with_value(|t| unread_of(&t.pending)));
                }
                if done {
                    self.finish_reading();
                    return;
                }
            }
        });
    }

    /// Reads the newest month not read yet; `None` when every month is read.
    fn read_next_pending(&self) -> Option<Vec<Entry>> {
        let chunk = self
            .tracker
            .try_update_value(|t| (!t.pending.is_empty()).then(|| t.pending.remove(0)))??;
        match self.storage.with_store(|s| s.read_chunk(&chunk)) {
            Ok(entries) => Some(entries),
            Err(r) => {
                self.tracker.update_value(|t| t.unreadable = true);
                report(self.storage, vec![r], None);
                Some(Vec::new())
            }
        }
    }

    fn finish_reading(&self) {
        let drop_legacy = self
            .tracker
            .try_update_value(|t| {
                let drop = t.legacy_left && !t.unreadable;
                t.legacy_left = false;
                drop
            })
            .unwrap_or(false);
        if drop_legacy {
            self.storage.with_store(|s| s.drop_legacy_journal());
        }
        if !self.complete.get_untracked() {
            self.complete.set(true);
        }
    }

    /// Reads every month not read yet, now (a filter, an export or a save needs them all).
    pub fn ensure_all(&self) {
        self.ensure_while(|_| true);
    }

    /// Reads, now, every month that may hold an entry reaching `date` or later (the
    /// overview's 12 months).
    pub fn ensure_since(&self, date: NaiveDate) {
        self.ensure_while(move |pending| pending.iter().any(|c| c.last >= date));
    }

    fn ensure_while(&self, needed: impl Fn(&[ChunkRef]) -> bool) {
        let mut older = Vec::new();
        while self
            .tracker
            .with_value(|t| !t.pending.is_empty() && needed(&t.pending))
        {
            if let Some(entries) = self.read_next_pending() {
                older.extend(entries);
            }
        }
        if !older.is_empty() {
            self.journal.update(|j| j.append_saved(older));
        }
        let unread = self.tracker.with_value(|t| unread_of(&t.pending));
        if self.unread.get_untracked() != unread {
            self.unread.set(unread);
        }
        if unread.0 == 0 && self.tracker.with_value(|t| t.pending.is_empty()) {
            self.finish_reading();
        }
    }

    /// Changes the journal and saves the months that changed; a failed save is shown by
    /// the storage banner, and the change stays on screen (and is saved with the next one).
    pub fn commit(
        &self,
        storage: AppStorage,
        change: impl FnOnce(&mut Journal),
    ) -> Result<(), StorageError> {
        self.ensure_all();
        self.journal.update(change);
        self.save(storage)
    }

    fn save(&self, storage: AppStorage) -> Result<(), StorageError> {
        if self.tracker.with_value(|t| t.busy) {
            // The running save writes these months too when it ends.
            return Ok(());
        }
        let mut changed = self
            .journal
            .try_update_untracked(Journal::take_changed)
            .unwrap_or_default();
        // Also any month whose saved count differs, or that is gone: a journal replaced as a
        // whole (`*j = ...`) does not know which months it dropped.
        let known = self.tracker.with_value(|t| t.index.clone());
        self.journal.with_untracked(|j| {
            for c in &known.chunks {
                if j.month_range(c.month).len() != c.count {
                    changed.insert(c.month);
                }
            }
        });
        if changed.is_empty() {
            return Ok(());
        }
        let result = self
            .journal
            .with_untracked(|j| storage.with_store(|s| s.save_journal(j, changed.clone())));
        self.after_save(storage, result.map(Some), changed)
    }

    fn after_save(
        &self,
        storage: AppStorage,
        result: Result<Option<JournalIndex>, StorageError>,
        months: std::collections::BTreeSet<Month>,
    ) -> Result<(), StorageError> {
        match result {
            Ok(index) => {
                if let Some(index) = index {
                    self.tracker.update_value(|t| t.index = index);
                }
                if storage.save_error.with_untracked(Option::is_some) {
                    storage.save_error.set(None);
                }
                Ok(())
            }
            Err(e) => {
                self.journal
                    .try_update_untracked(|j| j.mark_changed(months));
                storage.save_error.set(Some(e.clone()));
                Err(e)
            }
        }
    }

    /// Carries out an import: the journal changes at once, and the changed months are
    /// written a few at a time, yielding to the browser in between; [`JournalState::progress`]
    /// shows how far it is when it takes longer than half a second. `done` runs at the end.
    pub fn import(
        &self,
        storage: AppStorage,
        plan: &ImportPlan,
        mode: ImportMode,
        done: impl FnOnce(Result<(), StorageError>) + 'static,
    ) {
        self.ensure_all();
        if self.tracker.with_value(|t| t.busy) {
            done(Err(StorageError::WriteFailed(
                "another import is being saved".into(),
            )));
            return;
        }
        self.journal.update(|j| j.apply_plan(plan, mode));
        let changed = self
            .journal
            .try_update_untracked(Journal::take_changed)
            .unwrap_or_default();
        let mut save = match storage.with_store(|s| s.begin_journal_save(changed.clone())) {
            Ok(save) => save,
            Err(e) => {
                done(self.after_save(storage, Err(e), changed));
                return;
            }
        };
        self.tracker.update_value(|t| t.busy = true);
        let state = *self;
        leptos::task::spawn_local(async move {
            let started = js_sys::Date::now();
            let result = loop {
                let slice = js_sys::Date::now();
                let mut finished = None;
                while finished.is_none() && js_sys::Date::now() - slice < SLICE_MS {
                    let step = state.journal.with_untracked(|j| {
                        storage.with_store(|s| s.step_journal_save(&mut save, j))
                    });
                    match step {
                        Ok(false) => {}
                        Ok(true) => finished = Some(Ok(())),
                        Err(e) => finished = Some(Err(e)),
                    }
                }
                if let Some(result) = finished {
                    break result;
                }
                if js_sys::Date::now() - started > PROGRESS_AFTER_MS {
                    state.progress.set(Some(save.progress()));
                }
                next_task().await;
            };
            if state.journal.is_disposed() {
                return;
            }
            state.progress.set(None);
            let resync = state.tracker.try_update_value(|t| {
                t.busy = false;
                std::mem::take(&mut t.resync)
            });
            let months = save.months.clone();
            let outcome = state.after_save(storage, result.map(|()| Some(save.index())), months);
            if resync == Some(true) {
                state.reload_changed_months();
            }
            // Changes made while it ran (an edit, an Undo) are saved now.
            let _ = state.save(storage);
            done(outcome);
        });
    }

    /// Puts `message` in the status region.
    pub fn announce(&self, message: String) {
        self.status.set(message);
    }

    /// Deletes an entry and offers to undo it for at least [`UNDO_MS`]. A failed save is
    /// returned (the entry stays off the list, and is saved as gone with the next change),
    /// for the caller to say so beside the offer.
    pub fn delete(&self, storage: AppStorage, id: &str) -> Result<(), StorageError> {
        let mut removed = None;
        let saved = self.commit(storage, |j| removed = j.remove(id));
        let Some(entry) = removed else { return saved };
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.status.set(String::new());
        self.undo.set(Some(Undo { entry, generation }));
        self.expire_undo_later(generation);
        // The Delete button is gone: keyboard focus goes to the Undo offer.
        request_animation_frame(|| {
            let button = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("#journal-undo button").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
        });
        saved
    }

    fn expire_undo_later(&self, generation: u64) {
        let state = *self;
        set_timeout(
            move || {
                if state.undo.is_disposed() {
                    return;
                }
                let current = state
                    .undo
                    .with_untracked(|u| u.as_ref().map(|u| u.generation));
                if current != Some(generation) {
                    return;
                }
                if focus_in("journal-undo") {
                    state.expire_undo_later(generation);
                } else {
                    state.undo.set(None);
                }
            },
            Duration::from_millis(UNDO_MS),
        );
    }

    /// Puts the deleted entry back and says `message`; a failed save is returned instead
    /// (the entry is back on the list, and saved with the next change).
    pub fn undo(&self, storage: AppStorage, message: String) -> Result<(), StorageError> {
        let Some(undo) = self.undo.get_untracked() else {
            return Ok(());
        };
        let saved = self.commit(storage, |j| j.insert(undo.entry));
        self.undo.set(None);
        if saved.is_ok() {
            self.status.set(message);
        }
        web::focus_main_heading();
        saved
    }

    /// When another tab saves the journal, the browser fires `storage` for each key it
    /// wrote; the index is written last, so its event reloads the months whose chunk changed
    /// (and only those). The listener goes with the calling component.
    fn sync_from_other_tabs(&self) {
        let state = *self;
        let index_key = index_full_key();
        let handle =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                // `key` is null when the other tab cleared all storage.
                let relevant = ev.key().is_none_or(|k| k == index_key);
                if !relevant || state.journal.is_disposed() {
                    return;
                }
                if state.tracker.with_value(|t| t.busy) {
                    state.tracker.update_value(|t| t.resync = true);
                } else {
                    state.reload_changed_months();
                }
            });
        on_cleanup(move || handle.remove());
    }

    /// Brings the months another tab changed in from storage.
    pub fn reload_changed_months(&self) {
        let stored = match self.storage.with_store(|s| s.journal_index()) {
            Ok(index) => index.unwrap_or_default(),
            Err(_) => return,
        };
        let known = self.tracker.with_value(|t| t.index.clone());
        if stored == known {
            return;
        }
        let mut reload: Vec<(Month, Option<ChunkRef>)> = Vec::new();
        for chunk in &stored.chunks {
            if known.chunk(chunk.month) != Some(chunk) {
                reload.push((chunk.month, Some(chunk.clone())));
            }
        }
        for chunk in &known.chunks {
            if stored.chunk(chunk.month).is_none() {
                reload.push((chunk.month, None));
            }
        }
        for (month, chunk) in reload {
            let pending = self.tracker.with_value(|t| {
                t.pending
                    .first()
                    .is_some_and(|newest| month <= newest.month)
            });
            if pending {
                // Not read yet: read the new chunk when its turn comes.
                self.tracker.update_value(|t| {
                    t.pending.retain(|c| c.month != month);
                    if let Some(c) = chunk {
                        t.pending.push(c);
                        crate::domain::order::sort_by(&mut t.pending, |a, b| b.month.cmp(&a.month));
                    }
                });
                continue;
            }
            let entries = match &chunk {
                Some(c) => match self.storage.with_store(|s| s.read_chunk(c)) {
                    Ok(e) => e,
                    Err(r) => {
                        report(self.storage, vec![r], None);
                        continue;
                    }
                },
                None => Vec::new(),
            };
            self.journal
                .update(|j| j.replace_saved_month(month, entries));
        }
        self.tracker.update_value(|t| t.index = stored);
        self.unread
            .set(self.tracker.with_value(|t| unread_of(&t.pending)));
    }
}

fn unread_of(pending: &[ChunkRef]) -> (usize, [usize; 12]) {
    (pending.iter().map(|c| c.count).sum(), type_counts(pending))
}

/// Resolves in a new task: lets the browser paint and handle input in between. A message
/// to itself rather than `setTimeout(0)`, which browsers delay to 4 ms once timers nest.
async fn next_task() {
    // Held until the message arrives, so the channel cannot be collected before.
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(channel);
}

fn focus_in(id: &str) -> bool {
    let doc = web_sys::window().and_then(|w| w.document());
    let (Some(active), Some(region)) = (
        doc.as_ref().and_then(|d| d.active_element()),
        doc.as_ref().and_then(|d| d.get_element_by_id(id)),
    ) else {
        return false;
    };
    region.contains(Some(active.unchecked_ref()))
}

/// The journal's state (inside `/journal` routes).
pub fn use_journal() -> JournalState {
    expect_context::<JournalState>()
}
