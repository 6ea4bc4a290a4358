//! The one place the app inserts HTML, through the one Trusted Types policy (which also
//! vouches for the one script URL the app loads: its service worker).
//!
//! The HTML comes only from the app's safe Markdown renderer (`domain::markdown`), at run
//! time (journal descriptions, the story preview) or at build time (FAQ answers). The page
//! policy (`require-trusted-types-for 'script'; trusted-types mvp-pathway-html`, written by
//! `scripts/build/security.mjs`) makes the browser refuse any other string put into
//! `innerHTML`, so a later `inner_html=` elsewhere fails loudly instead of opening a hole.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Name of the policy; the build's Content Security Policy allows only this one.
pub const POLICY_NAME: &str = "mvp-pathway-html";

/// A `<div>` whose content is `html`, which must come from the safe Markdown renderer.
#[component]
pub fn RenderedHtml(
    /// Output of `domain::markdown` (or the FAQ's build-time HTML).
    html: String,
    /// Class of the `<div>`.
    #[prop(into, optional)]
    class: String,
    /// `data-testid` of the `<div>`, for tests.
    #[prop(into, default = None)]
    testid: Option<&'static str>,
) -> impl IntoView {
    html_div(class, testid, html)
}

/// The `<div>` itself. Its HTML is set as the element is built (a directive), not by an
/// effect a frame later, and not with `inner_html=`: Leptos would assign a plain string,
/// which the policy refuses.
fn html_div(class: String, testid: Option<&'static str>, html: String) -> impl IntoView {
    view! { <div class=class data-testid=testid use:trusted_html=html></div> }
}

/// Markdown the reader wrote (a journal description, the story draft), shown as HTML from
/// the safe renderer (`domain::markdown`). The renderer (pulldown-cmark: about 58 KB brotli)
/// is its own chunk in the split build, downloaded when the browser is idle after the first
/// non-empty text asks for it, so a page with nothing to render never downloads it, and no
/// page's first paint waits for it; until it is there, the text shows as written, as plain
/// text.
///
/// One reactive closure follows both the text and the renderer; there is no memo or
/// effect of its own.
#[component]
pub fn Markdown(
    /// The Markdown source.
    #[prop(into)]
    source: Signal<String>,
    /// Class of the `<div>`.
    #[prop(into, optional)]
    class: String,
    /// `data-testid` of the `<div>`, for tests.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    move || match source.with(|md| markdown_html(md)) {
        Some(html) => html_div(class.clone(), testid, html).into_any(),
        None => view! {
            <div class=class.clone() data-testid=testid>
                <p class="md-plain">{source.get()}</p>
            </div>
        }
        .into_any(),
    }
}

/// `source` as safe HTML, or `None` while the renderer has not arrived (then starting its
/// download when there is text to render). Reads the renderer reactively, so a view that
/// calls it is built again when the renderer arrives.
pub fn markdown_html(source: &str) -> Option<String> {
    let render = RENDERER.with(|r| r.get());
    match render {
        Some(render) => Some(render(source)),
        None => {
            if !source.trim().is_empty() {
                load_renderer();
            }
            None
        }
    }
}

/// Renders Markdown to safe HTML.
type Render = fn(&str) -> String;

thread_local! {
    /// The Markdown renderer, once its chunk is there (compiled in with `eager`).
    static RENDERER: ArcRwSignal<Option<Render>> = ArcRwSignal::new(compiled_renderer());
    /// True once the renderer's download has started.
    static RENDERER_LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The renderer where it is compiled in (a reference here would put it in the main module).
#[cfg(any(feature = "eager", not(target_arch = "wasm32")))]
fn compiled_renderer() -> Option<Render> {
    Some(crate::domain::markdown::render_markdown)
}

#[cfg(not(any(feature = "eager", not(target_arch = "wasm32"))))]
fn compiled_renderer() -> Option<Render> {
    None
}

/// Starts the renderer's download, once, when the browser is idle after the page is shown:
/// Markdown is never what a page shows first (the text shows as written until then), so
/// the renderer does not compete with the page's own code and text.
fn load_renderer() {
    if RENDERER_LOADING.replace(true) {
        return;
    }
    leptos::task::spawn_local(async {
        crate::web::idle().await;
        let render = markdown_renderer().await;
        RENDERER.with(|r| r.set(Some(render)));
    });
}

lazy_fn! {
    /// The renderer, from its own chunk.
    fn markdown_renderer() -> Render {
        crate::domain::markdown::render_markdown
    }
}

thread_local! {
    /// The policy, created once; `None` where the browser has no Trusted Types.
    static POLICY: Option<JsValue> = create_policy();
}

fn create_policy() -> Option<JsValue> {
    let window = web_sys::window()?;
    let factory = js_sys::Reflect::get(&window, &"trustedTypes".into())
        .ok()
        .filter(|f| f.is_object())?;
    let options = js_sys::Object::new();
    // The renderer's output is already safe; the policy marks it as such, nothing more.
    let identity = Closure::<dyn Fn(String) -> String>::new(|html| html).into_js_value();
    js_sys::Reflect::set(&options, &"createHTML".into(), &identity).ok()?;
    // The one script URL the app loads itself: its service worker (`src/pwa.rs`).
    let worker_only = Closure::<dyn Fn(String) -> String>::new(|url: String| {
        if url == worker_url() {
            url
        } else {
            String::new()
        }
    })
    .into_js_value();
    js_sys::Reflect::set(&options, &"createScriptURL".into(), &worker_only).ok()?;
    let create: js_sys::Function = js_sys::Reflect::get(&factory, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    create.call2(&factory, &POLICY_NAME.into(), &options).ok()
}

/// The address of the app's service worker, `sw.js` at the base path.
pub fn worker_url() -> String {
    format!("{}sw.js", crate::web::app_href("/"))
}

/// The service worker's address as a TrustedScriptURL where the browser knows Trusted
/// Types (the policy refuses plain strings for `serviceWorker.register`), else as text.
pub fn trusted_worker_url() -> JsValue {
    let url = worker_url();
    POLICY
        .with(|policy| {
            let policy = policy.as_ref()?;
            let create: js_sys::Function = js_sys::Reflect::get(policy, &"createScriptURL".into())
                .ok()?
                .dyn_into()
                .ok()?;
            create.call1(policy, &url.as_str().into()).ok()
        })
        .unwrap_or_else(|| url.into())
}

/// Sets `element.innerHTML`, as TrustedHTML where the browser knows Trusted Types (the
/// directive of [`html_div`]).
fn trusted_html(element: web_sys::Element, html: String) {
    set_trusted_html(&element, &html);
}

thread_local! {
    /// The policy's `createHTML`, looked up once (a page of journal cards calls it 25 times).
    static CREATE_HTML: Option<(JsValue, js_sys::Function)> = POLICY.with(|policy| {
        let policy = policy.as_ref()?;
        let create = js_sys::Reflect::get(policy, &"createHTML".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some((policy.clone(), create))
    });
}

/// Sets `element.innerHTML` to `html`, which must come from the safe Markdown renderer, as
/// TrustedHTML where the browser knows Trusted Types.
pub(crate) fn set_trusted_html(element: &web_sys::Element, html: &str) {
    let value = CREATE_HTML.with(|create| {
        let (policy, create) = create.as_ref()?;
        create.call1(policy, &html.into()).ok()
    });
    let value = value.unwrap_or_else(|| html.into());
    // Through Reflect, so that a refusal is an error here, not an exception through Wasm.
    if js_sys::Reflect::set(element, &"innerHTML".into(), &value).is_err() {
        leptos::logging::error!("mvp-pathway: HTML refused by the Trusted Types policy");
    }
}
