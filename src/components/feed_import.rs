//! "Import from a feed or calendar" on the journal's data page: a file is read in the
//! browser ([`crate::domain::feeds`]), every item is listed with a checkbox, and nothing
//! is written until the person confirms.

use crate::domain::feeds::{
    entries_for, preview, read_file, FeedError, FeedFile, PreviewRow, Standing, MAX_FILE_BYTES,
};
use crate::domain::journal::formats::format_count;
use crate::domain::journal::stats::local_date;
use crate::domain::journal::{Entry, Journal};
use crate::i18n::{fill, Key};
use crate::state::use_i18n;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The browser's offset from UTC in minutes, east positive.
fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn today() -> NaiveDate {
    local_date(js_sys::Date::now() as i64, utc_offset_minutes()).unwrap_or_default()
}

/// What the feed import is showing.
#[derive(Clone, Debug, Default)]
enum Step {
    #[default]
    Idle,
    Failed(FeedError),
    Preview(Arc<FeedFile>, Arc<Vec<PreviewRow>>),
}

/// Reads a feed or calendar file and adds the ticked items through `add`, which saves
/// them with the journal's own commit path and says whether that worked.
#[component]
pub fn FeedImport(journal: RwSignal<Journal>, add: Callback<Vec<Entry>, bool>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let step = RwSignal::new(Step::Idle);
    let picked: RwSignal<Vec<bool>> = RwSignal::new(Vec::new());
    let status = RwSignal::new(String::new());
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let reset = move || {
        step.set(Step::Idle);
        picked.set(Vec::new());
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };
    let show = move |text: String| {
        status.set(String::new());
        match read_file(&text, utc_offset_minutes()) {
            Err(e) => step.set(Step::Failed(e)),
            Ok(file) => {
                let rows = journal.with_untracked(|j| preview(j, &file.items, today()));
                picked.set(rows.iter().map(|r| r.picked).collect());
                step.set(Step::Preview(Arc::new(file), Arc::new(rows)));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = web::chosen_file(&ev) else {
            step.set(Step::Idle);
            return;
        };
        // Checked before reading, so a huge file is never loaded into memory.
        if file.size() > MAX_FILE_BYTES as f64 {
            step.set(Step::Failed(FeedError::TooLarge));
            return;
        }
        web::read_text(&file, move |text| match text {
            Some(text) => show(text),
            None => step.set(Step::Failed(FeedError::NotAFeed)),
        });
    };
    let confirm = move || {
        let Step::Preview(file, _) = step.get_untracked() else {
            return;
        };
        let ticks = picked.get_untracked();
        let entries = journal
            .with_untracked(|j| entries_for(j, &file.items, &ticks, js_sys::Date::now() as i64));
        let n = entries.len();
        if n == 0 {
            status.set(i18n.t(Key::FeedsNothingPicked).to_string());
            return;
        }
        if add.run(entries) {
            reset();
            status.set(fill(i18n.t(Key::FeedsAdded), &[("n", &n.to_string())]));
        } else {
            status.set(i18n.t(Key::FeedsSaveFailed).to_string());
        }
    };
    let failed = move || matches!(step.get(), Step::Failed(_));

    view! {
        <section class="feed-import" aria-labelledby="feeds-heading">
            <h2 id="feeds-heading">{t(Key::FeedsHeading)}</h2>
            <p>{t(Key::FeedsLead)}</p>
            <ul class="feed-import__where">
                <li>{t(Key::FeedsWhereBlog)}</li>
                <li>{t(Key::FeedsWhereYoutube)}</li>
                <li>{t(Key::FeedsWherePodcast)}</li>
                <li>{t(Key::FeedsWhereCalendar)}</li>
            </ul>
            <div class="field">
                <label for="feed-file">{t(Key::FeedsFile)}</label>
                <input id="feed-file" node_ref=file_input type="file"
                    accept=".xml,.rss,.atom,.ics,.ical,application/rss+xml,application/atom+xml,application/xml,text/xml,text/calendar"
                    on:change=on_file
                    aria-describedby=move || failed().then_some("feed-file-error")
                    aria-invalid=move || failed().then_some("true")/>
                {move || match step.get() {
                    Step::Failed(e) => Some(view! { <p class="field__error" id="feed-file-error" role="alert">{i18n.t(e.key())}</p> }),
                    _ => None,
                }}
            </div>
            <p role="status" data-testid="feed-status">{move || status.get()}</p>
            {move || match step.get() {
                Step::Preview(file, rows) => Some(view! {
                    <FeedPreview file rows picked on_confirm=Callback::new(move |_| confirm()) on_cancel=Callback::new(move |_| { reset(); status.set(String::new()); })/>
                }),
                _ => None,
            }}
        </section>
    }
}

/// Every item of the file with its checkbox, guessed type and marks.
#[component]
fn FeedPreview(
    file: Arc<FeedFile>,
    rows: Arc<Vec<PreviewRow>>,
    picked: RwSignal<Vec<bool>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let shown = file.items.len();
    let (total, skipped, cut, source) = (file.total, file.skipped, file.cut(), file.source);
    let duplicates = rows
        .iter()
        .filter(|r| r.standing == Standing::Duplicate)
        .count();
    let nothing_new = duplicates == rows.len();
    let count = move |n: usize| format_count(n as u64, i18n.lang.get());
    let ticked = Memo::new(move |_| picked.with(|p| p.iter().filter(|x| **x).count()));
    let items = file
        .items
        .iter()
        .zip(rows.iter())
        .enumerate()
        .map(|(i, (item, row))| {
            let id = format!("feed-item-{i}");
            let meta_id = format!("feed-item-{i}-meta");
            let kind = item.kind;
            let (start, end) = (item.date, item.end_date);
            let date = move || crate::intl::long_date_range(i18n.lang.get(), start, end);
            let views = item.views;
            let url = item.url.clone();
            let (duplicate, old, future) =
                (row.standing == Standing::Duplicate, row.old, row.future);
            view! {
                <li class="feed-item" class:feed-item--duplicate=duplicate>
                    <div class="check">
                        <input type="checkbox" id=id.clone()
                            aria-describedby=meta_id.clone()
                            prop:checked=move || picked.with(|p| p.get(i).copied().unwrap_or(false))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                picked.update(|p| if let Some(x) = p.get_mut(i) { *x = on });
                            }/>
                        <label for=id class="journal-preview__title">{item.title.clone()}</label>
                    </div>
                    <p class="feed-item__meta" id=meta_id>
                        <span>{move || i18n.t(kind.key())}</span>
                        " · " <span>{date}</span>
                        {views.map(|v| view! { " · " <span>{move || fill(i18n.t(Key::FeedsViews), &[("n", &format_count(v, i18n.lang.get()))])}</span> })}
                        {duplicate.then(|| view! { " " <strong class="badge">{t(Key::FeedsDuplicate)}</strong> })}
                        {old.then(|| view! { " " <strong class="badge">{t(Key::FeedsOld)}</strong> })}
                        {future.then(|| view! { " " <strong class="badge">{t(Key::FeedsFuture)}</strong> })}
                    </p>
                    {url.map(|u| view! { <p class="feed-item__url">{u}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="journal-preview" aria-labelledby="feed-preview-heading" data-testid="feed-preview">
            <h3 id="feed-preview-heading">
                {move || fill(i18n.t(Key::FeedsPreviewHeading), &[("n", &count(shown)), ("source", i18n.t(source.key()))])}
            </h3>
            <ul>
                {cut.then(|| view! { <li>{move || fill(i18n.t(Key::FeedsCut), &[("total", &count(total)), ("n", &count(shown))])}</li> })}
                {(skipped > 0).then(|| view! { <li>{move || fill(i18n.t(Key::FeedsSkipped), &[("n", &count(skipped))])}</li> })}
                {(duplicates > 0 && !nothing_new).then(|| view! { <li>{move || fill(i18n.t(Key::FeedsDuplicates), &[("n", &count(duplicates))])}</li> })}
            </ul>
            {nothing_new.then(|| view! {
                <div class="notice notice--info" data-testid="feed-nothing-new"><p>{t(Key::FeedsNothingNew)}</p></div>
            })}
            <ul class="feed-items" role="list">{items}</ul>
            <div class="form-actions">
                <button type="button" class="button" on:click=move |_| on_confirm.run(())>
                    {move || fill(i18n.t(Key::FeedsAddGo), &[("n", &count(ticked.get()))])}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| on_cancel.run(())>{t(Key::JournalCancel)}</button>
            </div>
        </section>
    }
}
