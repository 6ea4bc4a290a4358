//! MVP Pathway: an unofficial, fully client-side guide to the Microsoft MVP Program.
//!
//! `App` wires the router, context providers and the page shell; see ARCHITECTURE.md.

/// A function whose code is its own chunk in the split build, loaded on its first call
/// (`#[leptos::lazy]`, so callers `.await` it). With the `eager` feature, which has no
/// splitter, it is a plain `async fn` with the same body.
macro_rules! lazy_fn {
    ($(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(not(feature = "eager"))]
        #[leptos::lazy]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        $(#[$doc])*
        #[cfg(feature = "eager")]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}

pub mod components;
pub mod compress;
pub mod content;
pub mod domain;
pub mod i18n;
pub mod intl;
pub mod journal_state;
pub mod pages;
pub mod pwa;
pub mod routes;
pub mod state;
pub mod storage;
pub mod sync;
pub mod web;

use components::embed::EmbedFrame;
use components::meta::root_attributes;
use components::shell::{Footer, Header, RouteFocus, RouteStatus, SkipLink, StorageBanner};
use domain::embed::EmbedOptions;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use routes::*;
use state::{provide_app_state, provide_app_state_adjusted, AppStorage};

/// The whole app, with browser storage (or memory where storage is blocked). Pages under
/// `/embed/<widget>` are widgets for other sites: in the release build `index.html` runs the
/// widgets' own binary for them (the generator's preview too), so only builds without the
/// splitter (`eager`) show them from here, in the embed frame instead of the shell. Leaving
/// the frame and its router out of this binary makes every page's first load smaller.
#[component]
pub fn App() -> impl IntoView {
    #[cfg(feature = "eager")]
    if web::route_path().starts_with("/embed/") {
        return view! { <WidgetApp/> }.into_any();
    }
    if web::route_path().starts_with("/peer/view") {
        // A peer's read-only page leaves their storage exactly as it was.
        let store = storage::Store::new(storage::ReadOnlyBackend::open());
        provide_app_state(AppStorage::from_store(store, None));
        view! { <Shell/> }.into_any()
    } else {
        provide_app_state(AppStorage::open());
        view! { <Shell/> }.into_any()
    }
}

/// An embedded widget (`/embed/<widget>`), with the options of its address. The release
/// build mounts it from its own binary (`src/bin/widget.rs`), whose main module holds no
/// page or shell of the full app; `App` shows it only in builds without the splitter.
#[component]
pub fn WidgetApp() -> impl IntoView {
    let pairs = web::query_pairs();
    let options = EmbedOptions::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let (lang, theme) = (options.lang, options.theme);
    provide_app_state_adjusted(AppStorage::open(), move |s| {
        s.lang = lang.or(s.lang);
        s.theme = theme;
    });
    view! { <EmbedShell options/> }
}

/// Mounts `app` once the reader's language is loaded (each binary's `main`).
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    // Leptos's executor starts with the mount, so the language loads on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        if let Err(reason) = state::prepare_language().await {
            if !i18n::Lang::En.is_ready() {
                // Not even English could be loaded (offline on a first visit, or a
                // deploy mid-load): say so in plain text, with a way to try again.
                web::show_load_failure(&reason);
                return;
            }
        }
        leptos::mount::mount_to_body(app);
    });
}

/// Router and frame of an embedded widget.
#[component]
pub fn EmbedShell(options: EmbedOptions) -> impl IntoView {
    let routing = RwSignal::new(false);
    view! {
        <Router base=web::base_path() set_is_routing=routing>
            <EmbedFrame options>
                <RouteStatus routing/>
                <Routes fallback=components::embed::OutsideWidget>
                    <Route path=path!("/embed/explainer/*rest") view={Page::of::<ExplainerWidgetRoute>()}/>
                    <Route path=path!("/embed/checklist") view={Page::of::<ChecklistRoute>()}/>
                    <Route path=path!("/embed/faq") view={Page::of::<FaqRoute>()}/>
                </Routes>
            </EmbedFrame>
        </Router>
    }
}

/// Document attributes, header, routed pages and footer; expects app state in context.
#[component]
pub fn Shell() -> impl IntoView {
    root_attributes(&[]);
    let routing = RwSignal::new(false);
    view! {
        <Router base=web::base_path() set_is_routing=routing>
            <RouteFocus routing/>
            <SkipLink/>
            <Header/>
            <StorageBanner/>
            <RouteStatus routing/>
            <pwa::UpdateBanner/>
            <main id="main" class="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/about") view={Page::of::<AboutRoute>()}/>
                    <Route path=path!("/embed") view={Page::of::<EmbedGeneratorRoute>()}/>
                    <Route path=path!("/faq") view={Page::of::<FaqRoute>()}/>
                    <Route path=path!("/events") view={Page::of::<EventsRoute>()}/>
                    <Route path=path!("/explainer/*rest") view={Page::of::<ExplainerRoute>()}/>
                    <ParentRoute path=path!("/journal") view={Page::of::<JournalLayoutRoute>()}>
                        <Route path=path!("") view={Page::of::<JournalEntriesRoute>()}/>
                        <Route path=path!("overview") view={Page::of::<JournalOverviewRoute>()}/>
                        <Route path=path!("data") view={Page::of::<JournalDataRoute>()}/>
                        <Route path=path!("new") view={Page::of::<JournalNewRoute>()}/>
                        <Route path=path!(":id/edit") view={Page::of::<JournalEditRoute>()}/>
                    </ParentRoute>
                    <Route path=path!("/checklist") view={Page::of::<ChecklistRoute>()}/>
                    <Route path=path!("/settings") view={Page::of::<SettingsRoute>()}/>
                    <Route path=path!("/story") view={Page::of::<StoryRoute>()}/>
                    <Route path=path!("/peer/*rest") view={Page::of::<PeerRoute>()}/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
