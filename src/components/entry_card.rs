//! One entry of the journal's list (`/journal`), built straight with the DOM.
//!
//! The list builds a page of 25 cards on every visit, after every save and on every
//! keystroke that changes what matches. As ordinary Leptos views (each attribute a boxed
//! `AnyAttribute` under `erase_components`, each translated text an effect) a card cost
//! about 0.75 ms, most of a keystroke's 16 ms budget at 25 cards. Here a card is a copy of
//! a skeleton made once per language (its fixed text and classes included), filled with
//! the entry's own text through `textContent` and `setAttribute`, which never parse
//! markup: the only HTML is the description, from the safe Markdown renderer.
//!
//! The card is one reactive closure: it is built again when the language changes or the
//! Markdown renderer arrives. Delete is handled by the card's one click listener.

use crate::components::rendered_html::{markdown_html, set_trusted_html};
use crate::domain::journal::areas::area;
use crate::domain::journal::Entry;
use crate::i18n::{Key, Lang};
use crate::intl;
use crate::journal_state::JournalState;
use crate::state::{AppStorage, I18n};
use crate::web;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Class of the Delete button, which the card's click listener looks for.
const DELETE_CLASS: &str = "journal-entry__delete";

/// One entry in the list: title, facts, description (safe Markdown), actions.
#[component]
pub fn EntryCard(
    entry: Entry,
    i18n: I18n,
    state: JournalState,
    storage: AppStorage,
) -> impl IntoView {
    let entry = Arc::new(entry);
    let id = entry.id.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let on_delete = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(&format!(".{DELETE_CLASS}")).ok().flatten())
            .is_some();
        if on_delete {
            if let Err(error) = state.delete(storage, &id) {
                // Beside the Undo offer, where the person is (the banner is at the top).
                let key = crate::components::shell::save_error_key(&error);
                state.announce(i18n.t(key).to_string());
            }
        }
    };
    move || {
        let lang = i18n.lang.get();
        // Tracks the renderer: the card is built again once it has arrived.
        let html = markdown_html(&entry.description);
        let content = Card {
            entry: Arc::clone(&entry),
            lang,
            html,
        };
        view! { <li class="journal-entry" on:click=on_click.clone() use:fill_card=content></li> }
    }
}

/// What a card shows: the entry, in `lang`, with its description as HTML when the
/// renderer is there.
#[derive(Clone)]
struct Card {
    entry: Arc<Entry>,
    lang: Lang,
    html: Option<String>,
}

thread_local! {
    /// The skeleton of a card, per language.
    static SKELETONS: RefCell<Vec<(Lang, Element)>> = const { RefCell::new(Vec::new()) };
}

/// The directive that fills the `<li>`, when it is built and when it is built again.
fn fill_card(li: Element, card: Card) {
    let Some(document) = li.owner_document() else {
        return;
    };
    let Some(article) = skeleton(&document, card.lang)
        .and_then(|s| s.clone_node_with_deep(true).ok())
        .and_then(|n| n.dyn_into::<Element>().ok())
    else {
        return;
    };
    let _ = fill(&document, &article, &card);
    // Built again (a new language, the renderer's arrival), the `<li>` is the same element.
    li.set_text_content(None);
    let _ = li.append_child(&article);
}

/// The skeleton for `lang`, made the first time.
fn skeleton(document: &Document, lang: Lang) -> Option<Element> {
    if let Some(found) =
        SKELETONS.with_borrow(|s| s.iter().find(|(l, _)| *l == lang).map(|(_, el)| el.clone()))
    {
        return Some(found);
    }
    let made = make_skeleton(document, lang).ok()?;
    SKELETONS.with_borrow_mut(|s| s.push((lang, made.clone())));
    Some(made)
}

type Dom<T> = Result<T, wasm_bindgen::JsValue>;

/// `<tag class=class>`.
fn element(document: &Document, tag: &str, class: &str) -> Dom<Element> {
    let el = document.create_element(tag)?;
    if !class.is_empty() {
        el.set_attribute("class", class)?;
    }
    Ok(el)
}

/// A new `<tag class=class>` at the end of `parent`.
fn child(document: &Document, parent: &Element, tag: &str, class: &str) -> Dom<Element> {
    let el = element(document, tag, class)?;
    parent.append_child(&el)?;
    Ok(el)
}

/// ```html
/// <article>
///   <h2 class="journal-entry__title"><bdi></bdi></h2>
///   <p class="journal-entry__meta"><span></span> · <time></time></p>
///   <div class="md journal-entry__description"></div>
///   <div class="journal-entry__actions">
///     <a>Edit <bdi class="visually-hidden"></bdi></a>
///     <a>Duplicate <bdi class="visually-hidden"></bdi></a>
///     <button type="button" class="button button--quiet journal-entry__delete">Delete <bdi class="visually-hidden"></bdi></button>
///   </div>
/// </article>
/// ```
fn make_skeleton(document: &Document, lang: Lang) -> Dom<Element> {
    let t = |key| crate::i18n::tr(lang, key);
    let article = element(document, "article", "")?;
    let h2 = child(document, &article, "h2", "journal-entry__title")?;
    child(document, &h2, "bdi", "")?;
    let meta = child(document, &article, "p", "journal-entry__meta")?;
    child(document, &meta, "span", "")?;
    meta.append_with_str_1(" · ")?;
    child(document, &meta, "time", "")?;
    child(document, &article, "div", "md journal-entry__description")?;
    let actions = child(document, &article, "div", "journal-entry__actions")?;
    for (tag, class, label) in [
        ("a", "", t(Key::JournalEdit)),
        ("a", "", t(Key::JournalDuplicate)),
        (
            "button",
            "button button--quiet journal-entry__delete",
            t(Key::JournalDelete),
        ),
    ] {
        let action = child(document, &actions, tag, class)?;
        if tag == "button" {
            action.set_attribute("type", "button")?;
        }
        action.append_with_str_1(&format!("{label} "))?;
        child(document, &action, "bdi", "visually-hidden")?;
    }
    Ok(article)
}

/// The element after `el`.
fn next(el: &Element) -> Dom<Element> {
    el.next_element_sibling().ok_or_else(|| "card".into())
}

/// The first element in `el`.
fn first(el: &Element) -> Dom<Element> {
    el.first_element_child().ok_or_else(|| "card".into())
}

/// Fills a copy of the skeleton with the card's entry; all text goes in as text.
fn fill(document: &Document, article: &Element, card: &Card) -> Dom<()> {
    let (e, lang) = (&*card.entry, card.lang);
    let t = |key| crate::i18n::tr(lang, key);
    let heading_id = format!("entry-{}", e.id);
    article.set_attribute("aria-labelledby", &heading_id)?;
    let h2 = first(article)?;
    h2.set_attribute("id", &heading_id)?;
    first(&h2)?.set_text_content(Some(&e.title));

    let meta = next(&h2)?;
    let kind = first(&meta)?;
    kind.set_text_content(Some(t(e.kind.key())));
    let time = next(&kind)?;
    time.set_attribute("datetime", &e.date.to_string())?;
    time.set_text_content(Some(&intl::long_date_range(
        lang,
        e.date,
        e.end_date.filter(|d| *d != e.date),
    )));
    let names: Vec<&str> = e
        .areas
        .iter()
        .filter_map(|c| area(c))
        .map(|a| t(a.key))
        .collect();
    if !names.is_empty() {
        meta.append_with_str_1(&format!(" · {}", names.join(", ")))?;
    }
    if e.high_impact {
        meta.append_with_str_1(" ")?;
        child(document, &meta, "strong", "badge")?
            .set_text_content(Some(t(Key::JournalHighImpact)));
    }

    let description = next(&meta)?;
    if e.figures.iter().next().is_some() {
        let list = element(document, "ul", "journal-entry__figures")?;
        list.set_attribute("role", "list")?;
        for (figure, value) in e.figures.iter() {
            let item = child(document, &list, "li", "")?;
            item.append_with_str_1(&format!("{}: ", t(figure.key())))?;
            child(document, &item, "strong", "")?
                .set_text_content(Some(&intl::number(lang, value)));
        }
        article.insert_before(&list, Some(&description))?;
    }
    match &card.html {
        Some(html) => set_trusted_html(&description, html),
        None => {
            child(document, &description, "p", "md-plain")?.set_text_content(Some(&e.description));
        }
    }

    let actions = next(&description)?;
    if let Some(url) = &e.url {
        let p = element(document, "p", "journal-entry__url")?;
        let a = child(document, &p, "a", "")?;
        a.set_attribute("href", url)?;
        a.set_attribute("rel", "noopener noreferrer")?;
        a.set_text_content(Some(url));
        article.insert_before(&p, Some(&actions))?;
    }
    let edit = first(&actions)?;
    edit.set_attribute("href", &web::app_href(&format!("/journal/{}/edit", e.id)))?;
    let duplicate = next(&edit)?;
    duplicate.set_attribute(
        "href",
        &web::app_href(&format!("/journal/new?from={}", e.id)),
    )?;
    let delete = next(&duplicate)?;
    for action in [&edit, &duplicate, &delete] {
        first(action)?.set_text_content(Some(&e.title));
    }
    Ok(())
}
