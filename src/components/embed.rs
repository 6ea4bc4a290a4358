//! The frame of an embedded widget: no site header or footer, the host's options applied,
//! and the content height reported to the parent page.

use crate::components::meta::{root_attributes, Title};
use crate::domain::embed::{accent_css, EmbedOptions};
use crate::i18n::Key;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Identifies the widget's messages to the host page.
pub const MESSAGE_SOURCE: &str = "mvp-pathway";

/// Document attributes, notices and footer around an embedded widget.
#[component]
pub fn EmbedFrame(options: EmbedOptions, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(accent) = options.accent {
        adopt_stylesheet(&accent_css(accent));
    }
    let compact = options.compact;
    let storage = crate::state::use_storage();
    Effect::new(|_| start_resize_reporter());
    root_attributes(&[
        ("data-embed", Some("")),
        ("data-compact", compact.then_some("")),
    ]);
    view! {
        <div class="embed">
            <crate::components::shell::StorageBanner/>
            // Labelled landmarks: the host page around the iframe has its own main and footer.
            <main id="main" class="main" tabindex="-1" aria-label=move || i18n.t(Key::AppName)>
                {children()}
            </main>
            <footer class="embed-footer" aria-label=move || i18n.t(Key::AppName)>
                <p>
                    {move || i18n.t(Key::EmbedUnofficial)} " "
                    <a href=web::app_href("/") target="_blank" rel="noopener">
                        {move || i18n.t(Key::EmbedOpenFullApp)}
                        <span class="visually-hidden">{move || i18n.t(Key::OpensInNewTab)}</span>
                    </a>
                </p>
                <p>
                    {move || i18n.t(Key::EmbedDataSeparate)} " "
                    <button
                        type="button"
                        class="button button--quiet button--small"
                        on:click=move |_| {
                            leptos::task::spawn_local(async move {
                                let _ = crate::components::backup::download_everything(storage).await;
                            });
                        }
                    >
                        {move || i18n.t(Key::EmbedExport)}
                    </button>
                </p>
            </footer>
        </div>
    }
}

/// Adds `css` to the document as a constructed stylesheet. The Content Security Policy
/// allows no inline `<style>` (`style-src 'self'`); a constructed sheet is not inline.
fn adopt_stylesheet(css: &str) -> Option<()> {
    use js_sys::{Array, Function, Reflect};
    let window = web_sys::window()?;
    let document = window.document()?;
    let constructor: Function = Reflect::get(&window, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = Reflect::construct(&constructor, &Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())
        .ok()?
        .dyn_into()
        .ok()?;
    replace.call1(&sheet, &css.into()).ok()?;
    let adopted = Reflect::get(&document, &"adoptedStyleSheets".into()).ok()?;
    // An ObservableArray in current browsers: array-like, but not created by this realm's Array.
    let adopted: Array = if Array::is_array(&adopted) {
        adopted.unchecked_into()
    } else {
        Array::new()
    };
    let sheets = adopted.concat(&Array::of1(&sheet));
    Reflect::set(&document, &"adoptedStyleSheets".into(), &sheets).ok()?;
    Some(())
}

/// Posts `{source, type: "resize", height}` to the parent whenever the content height
/// changes. Only the height is sent; nothing of the host page is read.
pub fn start_resize_reporter() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let last = std::cell::Cell::new(0i32);
    let measured = body.clone();
    let report = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as i32;
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"source".into(), &MESSAGE_SOURCE.into());
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The host's origin is unknown to the widget; the message carries only a number.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    report.forget();
}

/// Shown when a link inside a widget leads to a part that is not embedded: offers the
/// full app in a new tab instead of a dead end.
#[component]
pub fn OutsideWidget() -> impl IntoView {
    let i18n = use_i18n();
    let full = web::app_href(&web::route_path());
    view! {
        <Title text=move || i18n.t(Key::EmbedOutsideTitle)/>
        <h1>{move || i18n.t(Key::EmbedOutsideTitle)}</h1>
        <p>{move || i18n.t(Key::EmbedOutsideBody)}</p>
        <p>
            <a href=full target="_blank" rel="noopener" class="button">
                {move || i18n.t(Key::EmbedOpenFullApp)}
                <span class="visually-hidden">{move || i18n.t(Key::OpensInNewTab)}</span>
            </a>
        </p>
        <p>
            <button type="button" class="button button--quiet" on:click=|_| web::go_back()>
                {move || i18n.t(Key::EmbedOutsideBack)}
            </button>
        </p>
    }
}
