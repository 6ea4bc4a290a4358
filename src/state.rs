//! App-wide reactive state provided as context: storage, its status, and settings.

use crate::domain::settings::Settings;
use crate::i18n::{tr, Key, Lang, Part};
use crate::storage::{
    BackendKind, Document, Loaded, Recovery, StorageError, Store, StoredSettings,
};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};

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
    /// The language shown: its texts are loaded. A newly chosen language becomes current
    /// when its file has arrived.
    pub lang: RwSignal<Lang>,
    /// `?lang=` of the address this page was opened with: it wins over the saved
    /// preference for this page view, until the reader picks a language.
    pub url_lang: RwSignal<Option<Lang>>,
    /// A chosen language whose file could not be loaded, and why.
    pub load_error: RwSignal<Option<(Lang, String)>>,
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

/// `?lang=` of the current address, if it names a shipped language.
pub fn url_lang() -> Option<Lang> {
    crate::web::query_pairs()
        .into_iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::from_code(&v))
}

/// The language to show: `?lang=`, then the saved preference, then the browser's
/// languages, then English.
pub fn preferred_lang(url: Option<Lang>, saved: Option<Lang>) -> Lang {
    url.or(saved)
        .unwrap_or_else(|| Lang::negotiate(browser_languages().iter().map(String::as_str)))
}

/// Loads one part of `lang`'s texts unless it is already there: from the request the
/// loader in `index.html` started for it, else from this build's file.
pub async fn load_language_part(lang: Lang, part: Part) -> Result<(), String> {
    if lang.has(part) {
        return Ok(());
    }
    let slot = match part {
        Part::Main => "text".to_string(),
        Part::Page(module) => format!("page-{module}"),
    };
    let url = crate::web::pkg_url(&part.file(lang));
    let text = crate::web::prefetched_text_or_fetch(lang.code(), &slot, &url).await?;
    let texts = crate::storage::browser_json::string_array(&text)?;
    crate::i18n::install(lang, part, texts).map_err(|e| format!("{e:?}"))
}

thread_local! {
    /// The lazy pages opened so far: from then on a language is shown only with their
    /// texts too.
    static PAGES_WANTED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    /// The language shown, for code outside the reactive tree (lazy routes' `data`).
    static SHOWN: Cell<Option<Lang>> = const { Cell::new(None) };
    /// Loads of a page's texts, shared by every view that waits for them.
    static PAGE_LOADS: RefCell<Vec<(Lang, &'static str, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// True when `lang` can be shown: its main texts, and those of every lazy page opened.
pub fn texts_ready(lang: Lang) -> bool {
    lang.has(Part::Main)
        && PAGES_WANTED.with_borrow(|pages| pages.iter().all(|m| lang.has(Part::Page(m))))
}

/// Loads what [`texts_ready`] needs of `lang`.
pub async fn load_language(lang: Lang) -> Result<(), String> {
    load_language_part(lang, Part::Main).await?;
    for module in PAGES_WANTED.with_borrow(Clone::clone) {
        load_language_part(lang, Part::Page(module)).await?;
    }
    Ok(())
}

/// Waits until the shown language's texts for the lazy page `pages::<module>` are there,
/// loading them once (lazy routes start it beside the page's code, and wait for it before
/// the view). If they cannot be loaded, the shell shows the same message as for a page
/// whose code could not be downloaded.
pub async fn page_texts(module: &'static str) {
    PAGES_WANTED.with_borrow_mut(|pages| {
        if !pages.contains(&module) {
            pages.push(module);
        }
    });
    let Some(lang) = SHOWN.get() else {
        return;
    };
    if lang.has(Part::Page(module)) {
        return;
    }
    let promise = PAGE_LOADS.with_borrow_mut(|loads| {
        if let Some((_, _, promise)) = loads.iter().find(|(l, m, _)| *l == lang && *m == module) {
            return promise.clone();
        }
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            load_language_part(lang, Part::Page(module))
                .await
                .map(|()| wasm_bindgen::JsValue::UNDEFINED)
                .map_err(|e| wasm_bindgen::JsValue::from_str(&e))
        });
        loads.push((lang, module, promise.clone()));
        promise
    });
    if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
        // A later visit may try again.
        PAGE_LOADS.with_borrow_mut(|loads| loads.retain(|(l, m, _)| !(*l == lang && *m == module)));
        crate::web::announce_download_failure();
    }
}

/// Before the app mounts: loads the texts of the language the reader will see (English
/// if that fails). Returns why the preferred language could not be loaded, if it could not.
pub async fn prepare_language() -> Result<(), String> {
    let saved = {
        let (store, _) = Store::open_browser();
        Settings::from(store.load::<StoredSettings>().into_value()).lang
    };
    let lang = preferred_lang(url_lang(), saved);
    match load_language_part(lang, Part::Main).await {
        Ok(()) => Ok(()),
        Err(reason) => {
            load_language_part(Lang::En, Part::Main).await?;
            Err(reason)
        }
    }
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
    let url_lang = RwSignal::new(url_lang());
    let wanted = Memo::new(move |_| preferred_lang(url_lang.get(), settings.with(|s| s.lang)));
    let initial = wanted.get_untracked();
    // Before mounting, main() loaded the wanted language, or English if it could not.
    let shown = if texts_ready(initial) {
        initial
    } else {
        Lang::En
    };
    let i18n = I18n {
        lang: RwSignal::new(shown),
        url_lang,
        load_error: RwSignal::new((shown != initial).then(|| (initial, String::new()))),
    };
    SHOWN.set(Some(shown));
    Effect::watch(
        move || i18n.lang.get(),
        |lang, _, _| SHOWN.set(Some(*lang)),
        false,
    );
    // A newly chosen language is shown within a frame of its file arriving; if it cannot
    // be loaded, the current one stays and the shell says why.
    Effect::watch(
        move || wanted.get(),
        move |lang, _, _| {
            let lang = *lang;
            if texts_ready(lang) {
                i18n.lang.set(lang);
                i18n.load_error.set(None);
                return;
            }
            leptos::task::spawn_local(async move {
                match load_language(lang).await {
                    Ok(()) if wanted.get_untracked() == lang => {
                        i18n.lang.set(lang);
                        i18n.load_error.set(None);
                    }
                    Ok(()) => {}
                    Err(reason) => i18n.load_error.set(Some((lang, reason))),
                }
            });
        },
        false,
    );
    storage.keep_saved::<StoredSettings, _>(settings);
    provide_context(storage);
    provide_context(settings);
    provide_context(i18n);
}
