//! App-wide reactive state provided as context: storage, its status, and settings.

use crate::domain::settings::Settings;
use crate::i18n::{tr, Key, Lang};
use crate::storage::{
    BackendKind, Document, Loaded, Recovery, StorageError, Store, StoredSettings,
};
use leptos::prelude::*;

/// Storage plus what the user must be told about it.
#[derive(Clone, Copy)]
pub struct AppStorage {
    store: StoredValue<Store, LocalStorage>,
    /// Why the app keeps data in memory only, if it does.
    pub memory_only: RwSignal<Option<StorageError>>,
    /// The last save that failed; cleared by the next save that works.
    pub save_error: RwSignal<Option<StorageError>>,
    /// Saved data that could not be read and was set aside.
    pub recoveries: RwSignal<Vec<Recovery>>,
}

impl AppStorage {
    /// Opens browser storage, falling back to memory.
    pub fn open() -> Self {
        let (store, fallback) = Store::open_browser();
        AppStorage::from_store(store, fallback)
    }

    /// Wraps an existing store (also used by browser tests).
    pub fn from_store(store: Store, memory_reason: Option<StorageError>) -> Self {
        let memory_only = match (store.kind(), memory_reason) {
            (BackendKind::Memory, reason) => {
                Some(reason.unwrap_or_else(|| StorageError::Unavailable("memory".into())))
            }
            (BackendKind::Local, _) => None,
        };
        AppStorage {
            store: StoredValue::new_local(store),
            memory_only: RwSignal::new(memory_only),
            save_error: RwSignal::new(None),
            recoveries: RwSignal::new(Vec::new()),
        }
    }

    /// Loads a document; unreadable data is reported in [`AppStorage::recoveries`].
    pub fn load<D: Document>(&self) -> D {
        match self.store.with_value(|s| s.load::<D>()) {
            Loaded::Recovered { value, recovery } => {
                self.recoveries.update(|r| r.push(recovery));
                value
            }
            Loaded::Failed { value, error } => {
                self.save_error.set(Some(error));
                value
            }
            other => other.into_value(),
        }
    }

    /// Saves a document; a failure is kept in [`AppStorage::save_error`] for the banner.
    pub fn save<D: Document>(&self, doc: &D) -> Result<(), StorageError> {
        let result = self.store.with_value(|s| s.save(doc));
        match &result {
            Ok(()) => {
                if self.save_error.with_untracked(Option::is_some) {
                    self.save_error.set(None);
                }
            }
            Err(e) => self.save_error.set(Some(e.clone())),
        }
        result
    }

    /// Keeps `signal` saved as document `D`: every change after this call is written back.
    pub fn keep_saved<D, M>(&self, signal: RwSignal<M>)
    where
        D: Document + for<'a> From<&'a M>,
        M: Clone + Send + Sync + 'static,
    {
        let storage = *self;
        // An effect is the right tool here: it keeps the saved copy in step with the signal.
        Effect::watch(
            move || signal.get(),
            move |value, _, _| {
                let _ = storage.save(&D::from(value));
            },
            false,
        );
    }

    /// Runs `f` with the underlying store.
    pub fn with_store<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.store.with_value(f)
    }
}

/// The current language and its lookup.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Memo<Lang>,
}

impl I18n {
    /// Text of `key` in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        tr(self.lang.get(), key)
    }
}

/// The app's context handle.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The storage handle.
pub fn use_storage() -> AppStorage {
    expect_context::<AppStorage>()
}

/// The settings signal.
pub fn use_settings() -> RwSignal<Settings> {
    expect_context::<RwSignal<Settings>>()
}

/// Languages the browser prefers, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut langs: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if langs.is_empty() {
        langs.extend(nav.language());
    }
    langs
}

/// Provides storage, settings and language to the whole app, and keeps settings saved.
pub fn provide_app_state(storage: AppStorage) {
    provide_app_state_adjusted(storage, |_| {});
}

/// Like [`provide_app_state`], with the loaded settings adjusted for this page view only
/// (an embed's `lang` and `theme` parameters): the adjustment itself is never saved.
pub fn provide_app_state_adjusted(storage: AppStorage, adjust: impl FnOnce(&mut Settings)) {
    let mut loaded = Settings::from(storage.load::<StoredSettings>());
    adjust(&mut loaded);
    let settings = RwSignal::new(loaded);
    let browser_lang = Lang::negotiate(browser_languages().iter().map(String::as_str));
    let lang = Memo::new(move |_| settings.get().lang.unwrap_or(browser_lang));
    storage.keep_saved::<StoredSettings, _>(settings);
    provide_context(storage);
    provide_context(settings);
    provide_context(I18n { lang });
}
