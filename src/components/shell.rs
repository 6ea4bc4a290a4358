//! The page frame around every route: skip link, header, storage notices, footer.

use crate::domain::settings::Theme;
use crate::i18n::{fill, Key, Lang};
use crate::state::{use_i18n, use_settings, use_storage};
use crate::storage::{Recovery, StorageError};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The official program site, linked wherever the app states program facts.
pub const OFFICIAL_SITE: &str = "https://mvp.microsoft.com";

/// "Skip to main content" link, first in tab order.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    // Handled here: with <base href> a plain "#main" would point at the home page.
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        web::focus_main();
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {move || i18n.t(Key::SkipToContent)}
        </a>
    }
}

/// Moves focus to the new page's heading after each client-side navigation, once the
/// new page is there: a lazy page renders only when its chunk has arrived, so this waits
/// while the router is still loading (`routing`), or while the page has no heading yet (a
/// part it downloads itself, such as an explainer step), frame by frame, for at most 20 s.
#[component]
pub fn RouteFocus(routing: RwSignal<bool>) -> impl IntoView {
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| focus_when_routed(routing, 1200),
        false,
    );
}

fn focus_when_routed(routing: RwSignal<bool>, frames_left: u32) {
    request_animation_frame(move || {
        if (routing.get_untracked() || !web::has_main_heading()) && frames_left > 0 {
            focus_when_routed(routing, frames_left - 1);
        } else {
            web::focus_main_heading();
        }
    });
}

/// What a page shows while a part of it downloads (an explainer step, the journal's list):
/// "Loading…", announced politely. A part that cannot be downloaded is reported by
/// [`RouteStatus`], as a page is.
pub fn part_loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="route-loading" role="status" data-testid="part-loading">
            {move || i18n.t(Key::RouteLoading)}
        </p>
    }
}

/// What the shell shows while a page's code is on its way, and when it could not come.
#[component]
pub fn RouteStatus(routing: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let failed = RwSignal::new(false);
    // Where the reader was going: the router moves the address bar only once the page
    // has loaded, so Reload opens this address rather than the previous page.
    let target = StoredValue::new(String::new());
    // scripts/build/split.mjs makes the chunk loader announce a failed download with
    // this event instead of reporting it to the app, which cannot recover from it.
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let path = location.pathname.get_untracked();
        let base = web::base_path();
        let path = if path.starts_with(&base) {
            path
        } else {
            format!("{base}{path}")
        };
        target.set_value(format!(
            "{path}{}{}",
            location.search.get_untracked(),
            location.hash.get_untracked()
        ));
        failed.set(true);
    });
    if let Some(w) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ = w
            .add_event_listener_with_callback("mvp-chunk-error", listener.as_ref().unchecked_ref());
    }
    listener.forget();
    // A short wait before "Loading…", so fast loads do not flash it.
    let slow = RwSignal::new(false);
    Effect::watch(
        move || routing.get(),
        move |now, _, _| {
            if *now {
                set_timeout(
                    move || slow.set(routing.get_untracked()),
                    std::time::Duration::from_millis(400),
                );
            } else {
                slow.set(false);
            }
        },
        false,
    );
    view! {
        <Show when=move || failed.get()>
            <div class="notice notice--error chunk-error" role="alert" data-testid="chunk-error">
                <p>{move || i18n.t(Key::ChunkFailed)}</p>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| web::open_address(&target.get_value())
                >
                    {move || i18n.t(Key::Reload)}
                </button>
            </div>
        </Show>
        <Show when=move || slow.get() && !failed.get()>
            <p class="route-loading" role="status" data-testid="route-loading">
                {move || i18n.t(Key::RouteLoading)}
            </p>
        </Show>
        {move || {
            i18n.load_error
                .get()
                .filter(|(_, reason)| !reason.is_empty())
                .map(|(lang, reason)| {
                    view! {
                        <div class="notice notice--error" role="alert" data-testid="lang-error">
                            <p>
                                {fill(
                                    i18n.t(Key::LangLoadFailed),
                                    &[("language", lang.native_name()), ("reason", &reason)],
                                )}
                            </p>
                        </div>
                    }
                })
        }}
    }
}

/// Header navigation, in the order a newcomer would take the parts.
const NAV_ITEMS: [(&str, Key); 8] = [
    ("/", Key::NavHome),
    ("/explainer", Key::NavExplainer),
    ("/checklist", Key::NavChecklist),
    ("/journal", Key::NavJournal),
    ("/story", Key::NavStory),
    ("/faq", Key::NavFaq),
    ("/events", Key::NavEvents),
    ("/about", Key::NavAbout),
];

/// Site header: product name, navigation, language and theme choices.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=web::app_href("/") attr:class="brand">
                    <span class="brand__mark" aria-hidden="true">"◆"</span>
                    {move || i18n.t(Key::AppName)}
                </A>
                <nav class="site-nav" aria-label=move || i18n.t(Key::NavLabel)>
                    <ul>
                        {NAV_ITEMS
                            .into_iter()
                            .map(|(path, key)| {
                                view! {
                                    <li>
                                        <A href=web::app_href(path) exact=path == "/">
                                            {move || i18n.t(key)}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <div class="site-prefs">
                    <LanguageSwitch/>
                    <ThemeSwitch/>
                </div>
            </div>
        </header>
    }
}

/// Language picker; changing it keeps the user on the same page.
#[component]
pub fn LanguageSwitch(
    /// Element id, so that a page can show a second switch besides the header's.
    #[prop(default = "pref-language")]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    view! {
        <label class="pref">
            <span class="pref__label">{move || i18n.t(Key::PrefLanguage)}</span>
            <select
                id=id
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        // A `?lang=` in the address would win over the choice: it now
                        // names the chosen language, so the page and its link agree.
                        if i18n.url_lang.get_untracked().is_some() {
                            i18n.url_lang.set(None);
                            web::replace_query_param("lang", lang.code());
                        }
                        settings.update(|s| s.lang = Some(lang));
                    }
                }
                prop:value=move || i18n.lang.get().code()
            >
                {Lang::ALL
                    .iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() lang=lang.code()>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Light / dark / follow-the-system switch, remembered in settings.
#[component]
pub fn ThemeSwitch(
    /// Element id, so that a page can show a second switch besides the header's.
    #[prop(default = "pref-theme")]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let name = move |theme: Theme| match theme {
        Theme::Auto => i18n.t(Key::ThemeAuto),
        Theme::Light => i18n.t(Key::ThemeLight),
        Theme::Dark => i18n.t(Key::ThemeDark),
    };
    view! {
        <label class="pref">
            <span class="pref__label">{move || i18n.t(Key::PrefTheme)}</span>
            <select
                id=id
                on:change=move |ev| {
                    if let Some(theme) = Theme::from_code(&event_target_value(&ev)) {
                        settings.update(|s| s.theme = theme);
                    }
                }
                prop:value=move || settings.get().theme.code()
            >
                {Theme::ALL
                    .into_iter()
                    .map(|theme| view! { <option value=theme.code()>{move || name(theme)}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The recovery download: each unreadable document's key, problem, backup key and exact
/// text, as indented JSON (written with the browser's JSON printer, see `browser_json`).
fn recovery_file(list: &[Recovery]) -> String {
    use crate::storage::browser_json::{object, pretty};
    use wasm_bindgen::JsValue;
    let items: js_sys::Array = list
        .iter()
        .map(|r| {
            object(&[
                ("key", JsValue::from_str(&r.key)),
                ("problem", JsValue::from_str(&r.problem.to_string())),
                (
                    "backup_key",
                    r.backup_key
                        .as_deref()
                        .map_or(JsValue::NULL, JsValue::from_str),
                ),
                ("raw", JsValue::from_str(&r.raw)),
            ])
        })
        .collect();
    pretty(&items)
}

/// What a failed save tells the person: the storage banner's text for `error`.
pub fn save_error_key(error: &StorageError) -> Key {
    match error {
        StorageError::QuotaExceeded => Key::StorageErrorQuota,
        StorageError::Protected => Key::StorageErrorProtected,
        _ => Key::StorageErrorWrite,
    }
}

/// Notices about storage: memory-only mode, failed saves, data set aside for recovery.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let error_text = move |e: &StorageError| i18n.t(save_error_key(e));
    let download_raw = move |_| {
        let text = storage
            .recoveries
            .with_untracked(|list| recovery_file(list));
        let _ = web::download("mvp-pathway-recovered-data.json", "application/json", &text);
    };
    view! {
        <div class="notices">
            <Show when=move || storage.memory_only.with(Option::is_some)>
                <div class="notice notice--info" role="status" data-testid="memory-notice">
                    <p>{move || i18n.t(Key::StorageMemoryOnly)}</p>
                </div>
            </Show>
            {move || {
                storage
                    .save_error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="notice notice--error" role="alert" data-testid="save-error">
                                <p>{error_text(&e)}</p>
                            </div>
                        }
                    })
            }}
            <Show when=move || storage.recoveries.with(|r| !r.is_empty())>
                <div class="notice notice--warning" role="alert" data-testid="recovery-notice">
                    <p>
                        {move || {
                            let count = storage.recoveries.with(Vec::len).to_string();
                            fill(i18n.t(Key::StorageRecovered), &[("count", &count)])
                        }}
                    </p>
                    <div class="notice__actions">
                        <button type="button" class="button" on:click=download_raw>
                            {move || i18n.t(Key::StorageDownloadRaw)}
                        </button>
                        <button
                            type="button"
                            class="button button--quiet"
                            on:click=move |_| {
                                let dismissed = storage.recoveries.get_untracked();
                                storage.recoveries.set(Vec::new());
                                storage.with_store(|s| dismissed.iter().for_each(|r| s.release(&r.key)));
                            }
                        >
                            {move || i18n.t(Key::Dismiss)}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// Site footer: the unofficial notice and the official site.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>
                {move || i18n.t(Key::FooterUnofficial)} " "
                <a href=OFFICIAL_SITE rel="noopener">{move || i18n.t(Key::FooterOfficialLink)}</a>
            </p>
            <p>
                {move || i18n.t(Key::FooterPrivacy)} " "
                <A href=web::app_href("/about")>{move || i18n.t(Key::FooterAboutLink)}</A>
                " · "
                <A href=web::app_href("/embed")>{move || i18n.t(Key::NavEmbed)}</A>
                " · "
                <A href=web::app_href("/settings")>{move || i18n.t(Key::FooterSettingsLink)}</A>
            </p>
        </footer>
    }
}
