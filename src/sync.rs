//! Keeps a document's signal in step with other tabs of the same site.
//!
//! When another tab saves a document, the browser fires a `storage` event in every other
//! tab; [`sync_from_other_tabs`] listens for the document's key and reloads the signal.
//! Forms that edit a copy of the data (a draft signal of their own) keep what the user is
//! typing, because only the document's signal changes.
//!
//! Usage (inside a component, with app state provided):
//!
//! ```text
//! let journal = RwSignal::new(Journal::from(storage.load::<StoredJournal>()));
//! sync_from_other_tabs::<StoredJournal, _>(journal, Journal::from);
//! ```

use crate::state::use_storage;
use crate::storage::{Document, Store};
use leptos::prelude::*;

/// Reloads `signal` (through `convert`) whenever another tab changes document `D`,
/// or clears the site's storage. The listener is removed with the calling component.
pub fn sync_from_other_tabs<D, T>(signal: RwSignal<T>, convert: impl Fn(D) -> T + 'static)
where
    D: Document,
    T: Send + Sync + 'static,
{
    let storage = use_storage();
    let key = Store::full_key(D::KEY);
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // `key` is null when the other tab cleared all storage.
        let relevant = ev.key().is_none_or(|k| k == key);
        if relevant && !signal.is_disposed() {
            signal.set(convert(storage.load::<D>()));
        }
    });
    on_cleanup(move || handle.remove());
}
