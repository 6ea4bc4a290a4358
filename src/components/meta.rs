//! The document's title and root attributes, set straight on the document: each page
//! names itself with [`Title`], the shells keep `<html>`'s language, direction and theme
//! with [`root_attributes`]. The app never needed leptos_meta's registry of head tags,
//! which every page's first download carried.

use crate::i18n::{tr, Key};
use crate::state::{use_i18n, use_settings};
use leptos::prelude::*;

/// The titles of the pages mounted, newest last, each with its id: the newest names the
/// document. A page kept mounted behind another (the journal's hidden list) names it again
/// when the other one goes.
struct Titles {
    next: u64,
    stack: Vec<(u64, TextProp)>,
}

thread_local! {
    static TITLES: std::cell::RefCell<Titles> =
        const { std::cell::RefCell::new(Titles { next: 0, stack: Vec::new() }) };
}

/// Sets `document.title` from the newest title: its text, then the product's name (the
/// name alone for an empty text, as on the home page).
fn show_title(name: &str) {
    let text = TITLES.with(|t| t.borrow().stack.last().map(|(_, text)| text.clone()));
    let Some(text) = text else {
        return;
    };
    let text = text.get();
    let title = if text.is_empty() {
        name.to_string()
    } else {
        format!("{text} · {name}")
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

/// The document's title while this page is shown: its `text`, then the product's name.
/// It follows the language.
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    let i18n = use_i18n();
    let id = TITLES.with(|t| {
        let mut t = t.borrow_mut();
        t.next += 1;
        let id = t.next;
        t.stack.push((id, text));
        id
    });
    Effect::new(move |_| show_title(i18n.t(Key::AppName)));
    on_cleanup(move || {
        TITLES.with(|t| t.borrow_mut().stack.retain(|(i, _)| *i != id));
        // Untracked: the cleanup runs inside whatever removes the page (the router's
        // outlet), which must not start following the remaining title.
        untrack(|| {
            if let Some(lang) = i18n.lang.try_get_untracked() {
                show_title(tr(lang, Key::AppName));
            }
        });
    });
}

/// Keeps `<html>`'s `lang`, `dir` and `data-theme` on the reader's language and theme,
/// and sets each of `fixed` (name, value; `None`: absent), for as long as the calling
/// shell is mounted.
pub fn root_attributes(fixed: &[(&str, Option<&str>)]) {
    let i18n = use_i18n();
    let settings = use_settings();
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        set_root_attribute("lang", Some(lang.code()));
        set_root_attribute("dir", Some(lang.dir()));
    });
    Effect::new(move |_| set_root_attribute("data-theme", Some(settings.get().theme.code())));
    for (name, value) in fixed {
        set_root_attribute(name, *value);
    }
}

/// Sets `name` on `<html>` to `value`, or removes it for `None`.
fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match value {
        Some(value) => root.set_attribute(name, value),
        None => root.remove_attribute(name),
    };
}
