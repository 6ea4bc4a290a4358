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

/// Moves keyboard focus to the first heading of the main region that is shown (the journal
/// keeps its list in the page, hidden, while another journal page shows), so that screen
/// readers announce the new page after client-side navigation.
pub fn focus_main_heading() {
    if let Some(heading) = main_heading() {
        let _ = heading.set_attribute("tabindex", "-1");
        if let Some(el) = heading.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Asks the chunk loader to download lazy helper `name`'s code ahead of its use, quietly:
/// a failed download is tried again, and reported, only when the helper is used
/// (scripts/build/split.mjs, `prefetchHelper`). Nothing happens without the splitter.
pub fn prefetch_helper(name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(state) = js_sys::Reflect::get(&window, &"__mvp".into()) else {
        return;
    };
    let prefetch = js_sys::Reflect::get(&state, &"prefetchHelper".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(prefetch) = prefetch {
        let _ = prefetch.call1(&state, &name.into());
    }
}

/// Whether the page shown has its heading (a lazy part may still be on its way).
pub fn has_main_heading() -> bool {
    main_heading().is_some()
}

/// The shown page's heading (`#main h1`, not one in a hidden part).
fn main_heading() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document.query_selector("#main h1:not([hidden] h1)").ok()?
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

/// Waits until the page's heading is there (a lazy page's code may still be on its way;
/// at most 20 seconds), then until the browser is idle: for work that must never compete
/// with the first page's own downloads.
pub async fn after_page_shown() {
    for _ in 0..200 {
        if has_main_heading() {
            break;
        }
        sleep_ms(100).await;
    }
    idle().await;
}

/// Waits `ms` milliseconds (at once without a window).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser is idle after the current page is shown
/// (`requestIdleCallback`, at most one second; a short timer where the browser has no idle
/// callback), for work the first paint does not need.
pub async fn idle() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let on_idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let scheduled = on_idle.is_some_and(|request| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            request.call2(&window, &resolve, &options).is_ok()
        });
        if !scheduled {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A watch started by [`when_near_viewport`]; dropping it stops the watch.
pub struct NearViewport {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Watches `element` until it comes within `margin` (a CSS length, such as `"200px"`) of
/// the viewport, then calls `near` once. Where the browser has no `IntersectionObserver`,
/// `near` runs at once.
pub fn when_near_viewport(
    element: &web_sys::Element,
    margin: &str,
    near: impl FnOnce() + 'static,
) -> Option<NearViewport> {
    let near = std::rc::Rc::new(std::cell::Cell::new(Some(near)));
    let call = {
        let near = near.clone();
        move || {
            if let Some(near) = near.take() {
                near();
            }
        }
    };
    let on_change = {
        let call = call.clone();
        move |entries: js_sys::Array| {
            let shown = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if shown {
                call();
            }
        }
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(on_change);
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    match web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) {
        Ok(observer) => {
            observer.observe(element);
            Some(NearViewport {
                observer,
                _callback: callback,
            })
        }
        Err(_) => {
            call();
            None
        }
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

/// The address of a file of this build's per-build folder (`pkg-<hash>/`), which the
/// loader in `index.html` announces as `window.__mvp.pkg`; relative to the base otherwise.
pub fn pkg_url(file: &str) -> String {
    let announced = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__mvp".into()).ok())
        .filter(|v| v.is_object())
        .and_then(|mvp| js_sys::Reflect::get(&mvp, &"pkg".into()).ok())
        .and_then(|v| v.as_string());
    match announced {
        Some(pkg) => format!("{pkg}{file}"),
        None => format!("{}/pkg/{file}", BASE.with(|b| b.clone())),
    }
}

/// The promise the loader in `index.html` started for `name` (`window.__mvp[name]`), if
/// any: it fetches the reader's language file while the Wasm downloads.
pub fn take_prefetched(name: &str) -> Option<js_sys::Promise> {
    let mvp = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__mvp".into()).ok())
        .filter(|v| v.is_object())?;
    let value = js_sys::Reflect::get(&mvp, &name.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(mvp.unchecked_ref::<js_sys::Object>(), &name.into());
    value.dyn_into::<js_sys::Promise>().ok()
}

/// Fetches a text file of this site; an HTTP error or a network failure is an `Err` with
/// a short reason.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| js_reason(&e))?;
    response_text(response).await
}

/// The text of a fetch `Response` (as a `JsValue`), or why not.
pub async fn response_text(response: wasm_bindgen::JsValue) -> Result<String, String> {
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|e| js_reason(&e))?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|e| js_reason(&e))?
        .as_string()
        .ok_or_else(|| "not text".to_string())
}

/// A short, readable reason from a JS error value.
pub fn js_reason(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The request for `code`'s language file that the loader in `index.html` started while
/// the Wasm downloaded (`window.__mvp[slot]` for `window.__mvp.lang`: `text` for the main
/// texts, `page-<module>` for the texts of the lazy page opened), taken once.
pub fn take_prefetched_text(code: &str, slot: &str) -> Option<js_sys::Promise> {
    let mvp = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__mvp".into()).ok())
        .filter(|v| v.is_object())?;
    let lang = js_sys::Reflect::get(&mvp, &"lang".into())
        .ok()?
        .as_string()?;
    if lang != code {
        return None;
    }
    take_prefetched(slot)
}

/// The text of `url`, from the request the loader in `index.html` started for `slot` when
/// it was for language `code` (see [`take_prefetched_text`]), else fetched now.
pub async fn prefetched_text_or_fetch(code: &str, slot: &str, url: &str) -> Result<String, String> {
    match take_prefetched_text(code, slot) {
        Some(promise) => {
            let response = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(|e| js_reason(&e))?;
            response_text(response).await
        }
        None => fetch_text(url).await,
    }
}

/// Tells the page that a part of the app could not be downloaded (the same event the
/// chunk loader sends), so the shell shows its message with a Reload button.
pub fn announce_download_failure() {
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("mvp-chunk-error") {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// Replaces the page with a short message and a Reload button, for when the app's own
/// files could not be loaded. Plain English: no language file could be had.
pub fn show_load_failure(reason: &str) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    // Built with text nodes only: `reason` comes from the network layer.
    let Some(document) = body.owner_document() else {
        return;
    };
    let make = |tag: &str, text: &str| {
        document
            .create_element(tag)
            .ok()
            .inspect(|el| el.set_text_content(Some(text)))
    };
    let (Some(main), Some(h1), Some(p), Some(button)) = (
        make("main", ""),
        make("h1", "MVP Pathway could not load"),
        make(
            "p",
            &format!("Part of the app could not be downloaded ({reason}). Check your connection and reload the page."),
        ),
        make("button", "Reload"),
    ) else {
        return;
    };
    let _ = main.set_attribute("class", "load-failure");
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("class", "button button--primary");
    let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(reload);
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
    let _ = main.append_child(&h1);
    let _ = main.append_child(&p);
    let _ = main.append_child(&button);
    let _ = body.append_child(&main);
}

/// Reloads the page (after a failed download, or to start a new version).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Sets `name=value` in the address's query, keeping the path, the other parameters and
/// the fragment, without a navigation or a new history entry.
pub fn replace_query_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&window.location().href().unwrap_or_default()) else {
        return;
    };
    url.search_params().set(name, value);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// Loads `address` (a path on this site, with its query and fragment) as a new page; an
/// empty address reloads the current page.
pub fn open_address(address: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if address.is_empty() {
        let _ = window.location().reload();
    } else {
        let _ = window.location().assign(address);
    }
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

/// The file chosen in the `<input type="file">` that sent `ev`, if there is one.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

/// Reads `file` as text in the background and hands the text to `done`, or `None` when the
/// browser cannot read it. The bytes are read and decoded here, as the browser would
/// ([`crate::domain::decode_file_text`]).
pub fn read_text(file: &web_sys::File, done: impl Fn(Option<String>) + 'static) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let done = std::rc::Rc::new(done);
    let on_read = done.clone();
    let r = reader.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
        let bytes = r
            .result()
            .ok()
            .filter(|v| v.is_instance_of::<js_sys::ArrayBuffer>())
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        on_read(bytes.map(crate::domain::decode_file_text));
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    if reader.read_as_array_buffer(file).is_err() {
        done(None);
    }
}
