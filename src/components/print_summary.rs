//! "Print or save as PDF" on the 12-month overview, and the high-impact entries the
//! printed page carries with their links written out in full (a printed link cannot be
//! clicked). The one-page layout is the `@media print` part of `style/main.css`.

use crate::domain::journal::stats::in_window;
use crate::domain::journal::Journal;
use crate::i18n::{fill, Key};
use crate::state::use_i18n;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Most high-impact entries listed, so that the summary stays on one page.
pub const PRINTED_ENTRIES: usize = 10;

/// The print button and the high-impact entries of the window ending `today`.
#[component]
pub fn PrintSummary(journal: RwSignal<Journal>, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let picked = Memo::new(move |_| {
        journal.with(|j| {
            j.entries()
                .iter()
                .filter(|e| e.high_impact && in_window(e, today))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="print-actions">
            <button type="button" class="button" on:click=print aria-describedby="print-hint">{t(Key::PrintButton)}</button>
            <p class="hint" id="print-hint">{t(Key::PrintHint)}</p>
        </div>
        <section class="print-highlights" aria-labelledby="print-highlights-heading" data-testid="print-highlights">
            <h2 id="print-highlights-heading">{t(Key::PrintHighlightsHeading)}</h2>
            {move || {
                let entries = picked.get();
                if entries.is_empty() {
                    return view! { <p>{t(Key::PrintNoHighlights)}</p> }.into_any();
                }
                let more = entries.len().saturating_sub(PRINTED_ENTRIES);
                view! {
                    <ol class="print-highlights__list">
                        {entries.into_iter().take(PRINTED_ENTRIES).map(|e| {
                            let kind = e.kind;
                            let date = e.date;
                            view! {
                                <li>
                                    <span class="print-highlights__title">{e.title.clone()}</span>
                                    " · " <span>{move || i18n.t(kind.key())}</span>
                                    " · " <time datetime=e.date.to_string()>{move || crate::intl::long_date(i18n.lang.get(), date)}</time>
                                    {e.url.clone().map(|u| view! { <br/><span class="print-highlights__url">{u}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {(more > 0).then(|| view! { <p>{move || fill(i18n.t(Key::PrintMore), &[("n", &more.to_string())])}</p> })}
                }.into_any()
            }}
        </section>
    }
}
