//! Storage safeguards shown on the settings page and the journal: when the last backup was
//! downloaded, why browsers may delete site data, and a once-only reminder to back up.

use crate::domain::backup::{fingerprint, BackupStatus};
use crate::domain::journal::Journal;
use crate::i18n::{fill, Key};
use crate::intl;
use crate::state::{use_i18n, AppStorage};
use crate::storage::{StoredBackupStatus, BACKUP_RECORD_KEY};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;

/// The backup record of this page view, shared by the parts of one page.
#[derive(Clone, Copy)]
pub struct BackupState {
    pub status: RwSignal<BackupStatus>,
    /// Whether this page view shows the reminder (decided once, when the page opens).
    pub remind: RwSignal<bool>,
}

impl BackupState {
    /// Loads the record and decides whether to remind, for a journal of `entries` with
    /// `journal_fingerprint`. Deciding marks the reminder as shown, so it comes once.
    pub fn open(storage: AppStorage, journal_fingerprint: u64, entries: usize) -> Self {
        let state = Self::load(storage);
        state.decide(storage, journal_fingerprint, entries);
        state
    }

    /// The record, with no reminder (yet).
    fn load(storage: AppStorage) -> Self {
        BackupState {
            status: RwSignal::new(load_record(storage)),
            remind: RwSignal::new(false),
        }
    }

    /// Decides whether this page view reminds, for a journal of `entries` with
    /// `journal_fingerprint`, and marks the reminder as shown if so. Nothing happens once
    /// the page is gone.
    fn decide(&self, storage: AppStorage, journal_fingerprint: u64, entries: usize) {
        let now = js_sys::Date::now() as i64;
        let due = self
            .status
            .try_with_untracked(|s| s.reminder_due(now, journal_fingerprint, entries));
        if due == Some(true) {
            self.status.update(|s| s.mark_reminded(now));
            self.status.with_untracked(|s| save_record(storage, s));
            self.remind.set(true);
        }
    }

    /// A backup file holding `journal` was just downloaded.
    pub fn record(&self, storage: AppStorage, journal: &Journal) {
        self.record_fingerprint(storage, fingerprint(journal));
    }

    /// A backup file holding the journal with `journal_fingerprint` was just downloaded.
    pub fn record_fingerprint(&self, storage: AppStorage, journal_fingerprint: u64) {
        let now = js_sys::Date::now() as i64;
        self.status
            .update(|s| s.record_backup(now, journal_fingerprint));
        self.remind.set(false);
        self.status.with_untracked(|s| save_record(storage, s));
    }
}

/// Browser localStorage, unless the app keeps data in memory only (then the record is not
/// kept either: there is nothing on disk to remind about).
fn record_storage(storage: AppStorage) -> Option<web_sys::Storage> {
    if storage.memory_only.with_untracked(Option::is_some) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_record(storage: AppStorage) -> BackupStatus {
    record_storage(storage)
        .and_then(|s| s.get_item(BACKUP_RECORD_KEY).ok().flatten())
        .map(|text| StoredBackupStatus::decode(&text))
        .unwrap_or_default()
}

fn save_record(storage: AppStorage, status: &BackupStatus) {
    if let Some(s) = record_storage(storage) {
        let _ = s.set_item(
            BACKUP_RECORD_KEY,
            &StoredBackupStatus::from(status).encode(),
        );
    }
}

/// Removes the record ("delete everything").
pub fn forget_backup_record() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(BACKUP_RECORD_KEY);
    }
}

/// Provides [`BackupState`] for a page that does not hold the journal itself (settings).
/// The record is there at once; the reminder is decided when the journal's fingerprint
/// arrives from its own chunk, so the page carries none of the journal's storage code.
pub fn provide_backup_state_from_storage(storage: AppStorage) -> BackupState {
    let state = BackupState::load(storage);
    provide_context(state);
    crate::journal_state::with_saved_journal(storage, false, move |journal| {
        state.decide(storage, fingerprint(&journal), journal.len());
    });
    state
}

lazy_fn! {
    /// Downloads every saved document as one JSON file, from its own chunk (the journal's
    /// storage and the export format with it): the file's name and the fingerprint of the
    /// journal it holds, or `None` on failure. Settings and the widgets' "Export" use it.
    pub fn download_everything(storage: AppStorage) -> Option<(String, u64)> {
        let stamp: String = js_sys::Date::new_0().to_iso_string().into();
        let file = format!(
            "mvp-pathway-data-{}.json",
            stamp.get(..10).unwrap_or("export")
        );
        let text = storage
            .with_store(|s| crate::storage::export_document(s, &stamp))
            .ok()?;
        web::download(&file, "application/json", &text).ok()?;
        Some((file, fingerprint(&crate::journal_state::saved_journal(storage))))
    }
}

/// The backup state of this page.
pub fn use_backup() -> BackupState {
    expect_context::<BackupState>()
}

/// Why backups matter (browsers that delete site data), then "Last backup downloaded: ...".
/// In this order, and before the reminder where a page has one: the loader in `index.html`
/// draws `/journal/data` down to the first paragraph, which is the same for everyone.
#[component]
pub fn BackupFacts() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_backup();
    view! {
        <p data-testid="eviction-note">{move || i18n.t(Key::BackupEviction)}</p>
        <p data-testid="last-backup">
            {move || match state.status.with(|s| s.last_backup_ms) {
                Some(ms) => {
                    fill(
                        i18n.t(Key::BackupLast),
                        &[("date", &intl::long_date_of_ms(i18n.lang.get(), ms))],
                    )
                }
                None => i18n.t(Key::BackupNever).to_string(),
            }}
        </p>
    }
}

/// The once-only reminder; `link` (an app path) is where backups are downloaded, if that
/// is another page.
#[component]
pub fn BackupReminder(#[prop(optional)] link: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_backup();
    let text = move || match state.status.with(|s| s.last_backup_ms) {
        Some(ms) => fill(
            i18n.t(Key::BackupReminderOld),
            &[("date", &intl::long_date_of_ms(i18n.lang.get(), ms))],
        ),
        None => i18n.t(Key::BackupReminderNever).to_string(),
    };
    view! {
        <Show when=move || state.remind.get()>
            <div class="notice notice--info" data-testid="backup-reminder">
                <p>{text}</p>
                <div class="notice__actions">
                    {link.map(|path| view! {
                        <A href=web::app_href(path) attr:class="button">{move || i18n.t(Key::BackupReminderLink)}</A>
                    })}
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| state.remind.set(false)
                    >
                        {move || i18n.t(Key::BackupReminderHide)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
