//! Mounts the app once the reader's language is loaded; everything else lives in the library.

fn main() {
    // Leptos's executor starts with the mount, so the language loads on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        if let Err(reason) = mvp_pathway::state::prepare_language().await {
            if !mvp_pathway::i18n::Lang::En.is_ready() {
                // Not even English could be loaded (offline on a first visit, or a
                // deploy mid-load): say so in plain text, with a way to try again.
                mvp_pathway::web::show_load_failure(&reason);
                return;
            }
        }
        leptos::mount::mount_to_body(mvp_pathway::App);
    });
}
