//! MVP Pathway: an unofficial, fully client-side guide to the Microsoft MVP Program.
//!
//! `App` wires the router, context providers and the page shell; see ARCHITECTURE.md.

pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod storage;
pub mod web;

use components::shell::{Footer, Header, RouteFocus, SkipLink, StorageBanner};
use i18n::Key;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use state::{provide_app_state, use_i18n, use_settings, AppStorage};

/// The whole app, with browser storage (or memory where storage is blocked).
#[component]
pub fn App() -> impl IntoView {
    provide_app_state(AppStorage::open());
    view! { <Shell/> }
}

/// Document attributes, header, routed pages and footer; expects app state in context.
#[component]
pub fn Shell() -> impl IntoView {
    provide_meta_context();
    let i18n = use_i18n();
    let settings = use_settings();
    let app_name = move || i18n.t(Key::AppName);
    view! {
        <Html
            {..}
            lang=move || i18n.lang.get().code()
            dir=move || i18n.lang.get().dir()
            data-theme=move || settings.get().theme.code()
        />
        <Title formatter=move |text: String| {
            if text.is_empty() { app_name().to_string() } else { format!("{text} · {}", app_name()) }
        }/>
        <Router base=web::base_path()>
            <RouteFocus/>
            <SkipLink/>
            <Header/>
            <StorageBanner/>
            <main id="main" class="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/about") view=pages::about::About/>
                    <Route path=path!("/checklist") view=pages::checklist::ChecklistPage/>
                    <Route path=path!("/settings") view=pages::settings::SettingsPage/>
                    <Route path=path!("/story") view=pages::story::StoryPage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
