//! The page shown for any address the app does not know.

use crate::components::meta::Title;
use crate::i18n::Key;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found", with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    view! {
        <Title text=t(Key::NotFoundTitle)/>
        <h1>{t(Key::NotFoundTitle)}</h1>
        <p>{t(Key::NotFoundBody)}</p>
        <p><A href=web::app_href("/")>{t(Key::NotFoundHome)}</A></p>
    }
}
