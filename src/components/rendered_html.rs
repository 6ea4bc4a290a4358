//! The one place the app inserts HTML, through the one Trusted Types policy (which also
//! vouches for the one script URL the app loads: its service worker).
//!
//! The HTML comes only from the app's safe Markdown renderer (`domain::markdown`), at run
//! time (journal descriptions, the story preview) or at build time (FAQ answers). The page
//! policy (`require-trusted-types-for 'script'; trusted-types mvp-pathway-html`, written by
//! `scripts/build/security.mjs`) makes the browser refuse any other string put into
//! `innerHTML`, so a later `inner_html=` elsewhere fails loudly instead of opening a hole.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Name of the policy; the build's Content Security Policy allows only this one.
pub const POLICY_NAME: &str = "mvp-pathway-html";

/// A `<div>` whose content is `html`, which must come from the safe Markdown renderer.
#[component]
pub fn RenderedHtml(
    /// Output of `domain::markdown` (or the FAQ's build-time HTML).
    #[prop(into)]
    html: Signal<String>,
    /// Class of the `<div>`.
    #[prop(into, optional)]
    class: String,
    /// `data-testid` of the `<div>`, for tests.
    #[prop(into, default = None)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // An effect, not `inner_html=`: Leptos would assign a plain string, which the policy refuses.
    Effect::new(move |_| {
        let html = html.get();
        if let Some(div) = node.get() {
            set_inner_html(&div, &html);
        }
    });
    view! { <div class=class data-testid=testid node_ref=node></div> }
}

/// Markdown the reader wrote (a journal description, the story draft), shown as HTML from
/// the safe renderer (`domain::markdown`). The renderer (pulldown-cmark: about 58 KB brotli)
/// is its own chunk in the split build, downloaded the first time a non-empty text needs
/// it, so a page with nothing to render never downloads it; until it is there, the text
/// shows as written, as plain text.
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
    let renderer = RENDERER.with(Clone::clone);
    let html = Memo::new(move |_| {
        let render = renderer.get()?;
        Some(source.with(|md| render(md)))
    });
    Effect::new(move |_| {
        if html.with(Option::is_none) && source.with(|md| !md.trim().is_empty()) {
            load_renderer();
        }
    });
    move || match html.get() {
        Some(html) => {
            view! { <RenderedHtml class=class.clone() testid=testid html=html/> }.into_any()
        }
        None => view! {
            <div class=class.clone() data-testid=testid>
                <p class="md-plain">{move || source.get()}</p>
            </div>
        }
        .into_any(),
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

/// Starts the renderer's download, once.
fn load_renderer() {
    if RENDERER_LOADING.replace(true) {
        return;
    }
    leptos::task::spawn_local(async {
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

/// Sets `element.innerHTML`, as TrustedHTML where the browser knows Trusted Types.
fn set_inner_html(element: &web_sys::Element, html: &str) {
    let value = POLICY.with(|policy| {
        let policy = policy.as_ref()?;
        let create: js_sys::Function = js_sys::Reflect::get(policy, &"createHTML".into())
            .ok()?
            .dyn_into()
            .ok()?;
        create.call1(policy, &html.into()).ok()
    });
    let value = value.unwrap_or_else(|| html.into());
    // Through Reflect, so that a refusal is an error here, not an exception through Wasm.
    if js_sys::Reflect::set(element, &"innerHTML".into(), &value).is_err() {
        leptos::logging::error!("mvp-pathway: HTML refused by the Trusted Types policy");
    }
}
