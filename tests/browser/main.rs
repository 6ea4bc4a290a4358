//! Component and storage tests in headless Chromium (wasm-bindgen-test).
//! Run: `cargo test --target wasm32-unknown-unknown --test browser` (see scripts/test).
#![cfg(target_arch = "wasm32")]

mod browser_json;
mod components;
mod entry_card;
mod explainer;
mod faq;
mod intl;
mod journal_chunks;
mod journal_json;
mod journal_sync;
mod local_storage;
mod story;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Lets Leptos run its scheduled effects and re-renders.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A fresh, attached container for one component test.
pub fn container() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Whether a script set `window[name]`: hostile content in a test sets one if it ever runs.
pub fn window_flag(name: &str) -> bool {
    js_sys::Reflect::get(&web_sys::window().expect("window"), &name.into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false)
}
