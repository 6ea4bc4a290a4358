//! The applying checklist (`/checklist`): steps and sub-tasks from
//! [`crate::domain::checklist::STEPS`], ticks with their dates, notes and progress.

use crate::components::reminder::ReminderDownload;
use crate::components::shell::OFFICIAL_SITE;
use crate::domain::checklist::{Checklist, LinkTarget, Progress, Step, NOTE_MAX_CHARS, STEPS};
use crate::i18n::{fill, Key};
use crate::intl;
use crate::state::{use_i18n, use_storage};
use crate::storage::StoredChecklist;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Today in the browser's time zone.
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

fn progress_text(template: &str, p: Progress) -> String {
    fill(
        template,
        &[
            ("done", &p.done.to_string()),
            ("total", &p.total.to_string()),
        ],
    )
}

/// The checklist page.
#[component]
pub fn ChecklistPage() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let t = move |key: Key| move || i18n.t(key);
    let checklist = RwSignal::new(Checklist::from(storage.load::<StoredChecklist>()));
    storage.keep_saved::<StoredChecklist, _>(checklist);
    let progress = Memo::new(move |_| checklist.with(Checklist::progress));
    view! {
        <Title text=t(Key::ChecklistTitle)/>
        <h1>{t(Key::ChecklistTitle)}</h1>
        <p class="lead">{t(Key::ChecklistLead)}</p>
        <section class="checklist-progress" aria-labelledby="checklist-progress-heading">
            <h2 id="checklist-progress-heading">{t(Key::ChecklistProgressHeading)}</h2>
            <progress
                max=move || progress.get().total
                value=move || progress.get().done
                aria-labelledby="checklist-progress-heading"
                aria-describedby="checklist-progress-text"
            ></progress>
            <p id="checklist-progress-text" role="status" data-testid="progress-text">
                {move || progress_text(i18n.t(Key::ChecklistProgressText), progress.get())}
                <Show when=move || progress.get().complete()>
                    " " {t(Key::ChecklistAllDone)}
                </Show>
            </p>
        </section>
        <ol class="checklist-steps" role="list">
            {STEPS
                .iter()
                .map(|step| view! { <li><StepCard step=step checklist=checklist/></li> })
                .collect_view()}
        </ol>
        <ReminderDownload/>
    }
}

/// One step: its tasks with done dates, helpful links, and the notes field.
#[component]
fn StepCard(step: &'static Step, checklist: RwSignal<Checklist>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let heading_id = format!("step-{}", step.id);
    let notes_id = format!("notes-{}", step.id);
    let hint_id = format!("notes-{}-hint", step.id);
    let initial_note = checklist.with_untracked(|c| c.note(step.id).to_string());
    let step_progress = Memo::new(move |_| checklist.with(|c| c.step_progress(step)));
    let tasks = step
        .tasks
        .iter()
        .map(|task| {
            let id = format!("task-{}", task.id);
            let date_id = format!("task-{}-date", task.id);
            let done_on = Memo::new(move |_| checklist.with(|c| c.done_on(task.id)));
            let described = date_id.clone();
            view! {
                <li class="checklist-task">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || done_on.get().is_some()
                        aria-describedby=move || done_on.get().map(|_| described.clone())
                        on:change=move |ev| {
                            let done = event_target_checked(&ev);
                            checklist.update(|c| c.set_done(task.id, done, today()));
                        }
                    />
                    <label for=id>{t(task.label)}</label>
                    {move || {
                        done_on
                            .get()
                            .map(|date| {
                                let shown = intl::long_date(i18n.lang.get(), date);
                                view! {
                                    <span class="checklist-task__date" id=date_id.clone()>
                                        <time datetime=date.to_string()>
                                            {fill(i18n.t(Key::ChecklistDoneOn), &[("date", &shown)])}
                                        </time>
                                    </span>
                                }
                            })
                    }}
                </li>
            }
        })
        .collect_view();
    let links = step
        .links
        .iter()
        .map(|link| {
            let label = t(link.label);
            let anchor = match link.target {
                LinkTarget::App(path) => {
                    view! { <A href=web::app_href(path)>{label}</A> }.into_any()
                }
                LinkTarget::Official => {
                    view! { <a href=OFFICIAL_SITE rel="noopener">{label}</a> }.into_any()
                }
            };
            view! { <li>{anchor}</li> }
        })
        .collect_view();
    let has_links = !step.links.is_empty();
    view! {
        <section class="checklist-step" aria-labelledby=heading_id.clone() data-step=step.id>
            <div class="checklist-step__head">
                <h2 id=heading_id.clone()>{t(step.title)}</h2>
                <p class="checklist-step__progress">
                    {move || {
                        let p = step_progress.get();
                        if p.complete() {
                            i18n.t(Key::ChecklistStepComplete).to_string()
                        } else {
                            progress_text(i18n.t(Key::ChecklistStepProgress), p)
                        }
                    }}
                </p>
            </div>
            <p>{t(step.intro)}</p>
            <ul class="checklist-tasks" role="list" aria-label=t(Key::ChecklistTasksLabel)>
                {tasks}
            </ul>
            {has_links
                .then(|| {
                    view! {
                        <div class="checklist-links">
                            <span>{t(Key::ChecklistLinksLabel)}</span>
                            <ul role="list">{links}</ul>
                        </div>
                    }
                })}
            <div class="checklist-notes">
                <label for=notes_id.clone()>{t(Key::ChecklistNotesLabel)}</label>
                <p class="hint" id=hint_id.clone()>{t(Key::ChecklistNotesHint)}</p>
                <textarea
                    id=notes_id
                    rows="3"
                    maxlength=NOTE_MAX_CHARS.to_string()
                    aria-describedby=hint_id
                    prop:value=initial_note
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        checklist.update(|c| c.set_note(step.id, &text));
                    }
                ></textarea>
            </div>
        </section>
    }
}
