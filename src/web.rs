//! Small browser helpers shared by components.

use wasm_bindgen::JsCast;

/// The path the site is served under, from the document's `<base href>`, without the
/// trailing slash: `""` at a domain root, `"/pathway"` under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

thread_local! {
    static BASE: String = base_path();
    static EMBEDDED: bool = route_path().starts_with("/embed/");
}

/// Parts of the app that also run as embedded widgets under `/embed`.
const WIDGET_PATHS: [&str; 3] = ["/explainer", "/checklist", "/faq"];

/// True when this page view is an embedded widget (`/embed/<widget>`).
pub fn is_embedded() -> bool {
    EMBEDDED.with(|e| *e)
}

/// The route for `path` in this page view: inside an embedded widget, the widget's own
/// pages live under `/embed` (`/explainer/q/age` becomes `/embed/explainer/q/age`).
pub fn widget_path(path: &str) -> String {
    let in_widget = WIDGET_PATHS.iter().any(|w| {
        path.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
    });
    if in_widget && is_embedded() {
        format!("/embed{path}")
    } else {
        path.to_string()
    }
}

/// An in-app link target: `path` (starting with `/`) under the path the site is served
/// from. Leptos' `<A>` leaves absolute paths as they are, so every in-app link uses this.
pub fn app_href(path: &str) -> String {
    BASE.with(|base| format!("{base}{}", widget_path(path)))
}

/// Offers `content` to the user as a file download.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Moves keyboard focus to the main region (the skip link's target).
pub fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// Moves keyboard focus to the first heading of the main region, so that screen
/// readers announce the new page after client-side navigation.
pub fn focus_main_heading() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(heading)) = document.query_selector("#main h1") {
        let _ = heading.set_attribute("tabindex", "-1");
        if let Some(el) = heading.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Copies `text` to the clipboard; `Err` when the browser refuses (no permission, insecure page).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let promise = write_clipboard(text).ok_or("no clipboard API")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// `navigator.clipboard.writeText(text)`, or `None` where the browser has no clipboard API
/// (pages that are not a secure context): calling it there would throw.
pub fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    Some(navigator.clipboard().write_text(text))
}

/// The app's absolute URL at its base path, with a trailing slash
/// (`https://example.org/pathway/`).
pub fn app_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", app_href("/"))
}

/// The current path relative to the base path (`/embed/faq` under `/pathway/embed/faq`).
pub fn route_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    BASE.with(|base| {
        path.strip_prefix(base.as_str())
            .map(str::to_string)
            .unwrap_or(path.clone())
    })
}

/// The current query string's pairs, decoded.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Goes one step back in the browser history.
pub fn go_back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Calls `done` once `promise` settles.
pub fn when_settled(
    promise: js_sys::Promise,
    done: impl FnOnce(Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>) + 'static,
) {
    let slot = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_error = slot.clone();
    let resolve = wasm_bindgen::closure::Closure::once(move |v: wasm_bindgen::JsValue| {
        if let Some(f) = slot.borrow_mut().take() {
            f(Ok(v));
        }
    });
    let reject = wasm_bindgen::closure::Closure::once(move |e: wasm_bindgen::JsValue| {
        if let Some(f) = on_error.borrow_mut().take() {
            f(Err(e));
        }
    });
    let _ = promise.then2(&resolve, &reject);
    // The browser owns the callbacks from here; they are called at most once.
    resolve.forget();
    reject.forget();
}

/// Prefix of this tab's kept form drafts in sessionStorage (never part of saved data).
const DRAFT_PREFIX: &str = "mvp-pathway-draft:";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps `text` for this tab under `name`, so that a reload does not lose an unsaved form.
/// Where the browser refuses, the form simply is not kept.
pub fn stash_draft(name: &str, text: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(&format!("{DRAFT_PREFIX}{name}"), text);
    }
}

/// The text kept by [`stash_draft`], if any.
pub fn stashed_draft(name: &str) -> Option<String> {
    session_storage()?
        .get_item(&format!("{DRAFT_PREFIX}{name}"))
        .ok()
        .flatten()
}

/// Forgets the text kept under `name`.
pub fn drop_draft(name: &str) {
    if let Some(s) = session_storage() {
        let _ = s.remove_item(&format!("{DRAFT_PREFIX}{name}"));
    }
}
