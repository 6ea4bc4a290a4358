//! "Add a monthly reminder to your calendar": downloads the `.ics` file of
//! [`crate::domain::reminder`], linking to this app's own address.

use crate::domain::journal::stats::local_date;
use crate::domain::reminder::{monthly_reminder, ReminderText, FILE_NAME};
use crate::i18n::Key;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;

/// The reminder offer: a heading-less block with a button, a hint and the outcome.
#[component]
pub fn ReminderDownload() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let failed = RwSignal::new(false);
    let download = move |_| {
        let now = js_sys::Date::now() as i64;
        let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        let today = local_date(now, offset).unwrap_or_default();
        let stamp = chrono::DateTime::from_timestamp_millis(now)
            .map(|d| d.naive_utc())
            .unwrap_or_default();
        let text = ReminderText {
            summary: i18n.t(Key::ReminderSummary),
            description: i18n.t(Key::ReminderDescription),
        };
        let ics = monthly_reminder(&web::app_url(), today, stamp, &text);
        failed.set(web::download(FILE_NAME, "text/calendar;charset=utf-8", &ics).is_err());
    };
    view! {
        <div class="reminder">
            <button type="button" class="button button--quiet" on:click=download aria-describedby="reminder-hint">
                {t(Key::ReminderButton)}
            </button>
            <p class="hint" id="reminder-hint">{t(Key::ReminderHint)}</p>
            <Show when=move || failed.get()>
                <p class="field__error" role="alert">{t(Key::ReminderFailed)}</p>
            </Show>
        </div>
    }
}
