//! Offline and updates: registers the service worker (`sw.js`, generated at build time by
//! `scripts/build/pwa.mjs`) and shows "A new version is ready" when a newer one waits.
//! The registration and the update watch run when the browser is idle after the first
//! page is shown, from their own chunk (`start_updates`).
//!
//! - Release builds of the full app only: never inside an embedded widget (see
//!   ARCHITECTURE.md, "Service worker"), never in debug builds (`trunk serve`).
//! - Never reloads by itself: the page reloads only after the person presses Reload, and
//!   what is typed in the journal's entry form is kept for this tab (`web::stash_draft`);
//!   the checklist's notes and the story are saved as they are typed.

use crate::components::rendered_html::trusted_worker_url;
use crate::i18n::Key;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open page asks the server for a newer version.
const UPDATE_CHECK: Duration = Duration::from_secs(60 * 60);

/// `navigator.serviceWorker`, where the browser has it (secure contexts only).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| navigator.service_worker())
}

/// Whether this page view should have a service worker at all.
fn wanted() -> bool {
    !cfg!(debug_assertions) && !web::is_embedded()
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Update state of this page.
#[derive(Clone, Copy)]
struct Updates {
    /// A newer version is installed (waiting) or already took over from another tab.
    ready: RwSignal<bool>,
    /// The person pressed Reload: the next controller change reloads the page.
    reloading: StoredValue<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl Updates {
    fn new() -> Self {
        Updates {
            ready: RwSignal::new(false),
            reloading: StoredValue::new(false),
            registration: StoredValue::new_local(None),
        }
    }

    /// Registers `sw.js` at the base path, with the base path as its scope.
    fn register(self, sw: &ServiceWorkerContainer) {
        let base = web::app_href("/");
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&base);
        options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
        // Whether an older worker already controls this page (else the first install
        // taking control is not an update).
        let had_controller = sw.controller().is_some();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if self.reloading.try_get_value() == Some(true) {
                reload();
            } else if had_controller {
                // Another tab accepted the update: this page runs the older version.
                self.ready.try_set(true);
            }
        });
        sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        // Through Reflect: under Trusted Types the address must be a TrustedScriptURL.
        let register = js_sys::Reflect::get(sw, &"register".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(promise) = register
            .and_then(|f| f.call2(sw, &trusted_worker_url(), &options).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        else {
            return;
        };
        web::when_settled(promise, move |result| {
            let Ok(registration) = result.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
            else {
                return;
            };
            self.watch(&registration);
            if had_controller {
                // Ask for a newer version on every page load, as browsers do on navigation
                // (Chromium may skip its own check when the last one was recent).
                if let Ok(p) = registration.update() {
                    web::when_settled(p, |_| {});
                }
            }
            self.registration.try_set_value(Some(registration));
        });
        set_interval(
            move || {
                if let Some(Some(r)) = self.registration.try_get_value() {
                    if let Ok(p) = r.update() {
                        // Offline, the check fails; the next one tries again.
                        web::when_settled(p, |_| {});
                    }
                }
            },
            UPDATE_CHECK,
        );
    }

    /// Shows the banner when a new worker has installed while an older one controls the page.
    fn watch(self, registration: &ServiceWorkerRegistration) {
        let controlled = || container().and_then(|c| c.controller()).is_some();
        if registration.waiting().is_some() && controlled() {
            self.ready.try_set(true);
        }
        let reg = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    self.ready.try_set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    }

    /// Lets the waiting worker take over, then reloads (on the controller change); reloads
    /// at once when there is no waiting worker (another tab already let it take over).
    fn apply(self) {
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        match waiting {
            Some(worker) => {
                self.reloading.set_value(true);
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                if worker.post_message(&message).is_err() {
                    reload();
                }
            }
            None => reload(),
        }
    }
}

lazy_fn! {
    /// Registers the worker and watches for a newer one: its own chunk in the split build,
    /// downloaded when the browser is idle after the first page is shown.
    fn start_updates(updates: Updates) -> () {
        if let Some(sw) = container() {
            updates.register(&sw);
        }
    }
}

/// `start_updates`, for the widgets' binary to reference without calling (see
/// `src/bin/widget.rs`): a lazy function no code of a binary calls stays in that binary's
/// main module.
#[doc(hidden)]
pub fn worker_chunk() -> impl std::future::Future<Output = ()> {
    start_updates(Updates::new())
}

/// Registers the service worker and shows the "new version" banner when one is ready.
/// Part of the full app's shell only.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let updates = Updates::new();
    if wanted() && container().is_some() {
        // Once the first page is shown and the browser is idle: the worker serves later
        // visits, and the first page's download does without this code (`start_updates`).
        leptos::task::spawn_local(async move {
            web::after_page_shown().await;
            start_updates(updates).await;
        });
    }
    view! {
        // A polite live region (not role=status, which pages use for their own messages).
        <div class="notices" aria-live="polite" data-testid="update-status">
            <Show when=move || updates.ready.get()>
                <div class="notice notice--info update-banner" data-testid="update-banner">
                    <p>
                        {move || i18n.t(Key::UpdateReady)} " "
                        {move || i18n.t(Key::UpdateKeeps)}
                    </p>
                    <div class="notice__actions">
                        <button type="button" class="button" on:click=move |_| updates.apply()>
                            {move || i18n.t(Key::UpdateReload)}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
