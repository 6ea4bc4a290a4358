//! The applying checklist (`/checklist`): steps and sub-tasks from
//! [`crate::domain::checklist::STEPS`], ticks with their dates, notes and progress.

use crate::components::meta::Title;
use crate::components::reminder::ReminderDownload;
use crate::components::shell::OFFICIAL_SITE;
use crate::domain::checklist::{Checklist, LinkTarget, Progress, Step, NOTE_MAX_CHARS, STEPS};
use crate::i18n::{fill, Key, Lang};
use crate::intl;
use crate::state::{use_i18n, use_storage};
use crate::storage::StoredChecklist;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
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

/// `{done}` and `{total}` of `template` filled, numbers as `lang` writes them.
fn fill_progress(lang: Lang, template: &str, p: Progress) -> String {
    fill(
        template,
        &[
            ("done", &intl::number(lang, p.done as u64)),
            ("total", &intl::number(lang, p.total as u64)),
        ],
    )
}

/// "1 of 18 tasks done": plural by the number of tasks.
pub fn progress_text(lang: Lang, p: Progress) -> String {
    fill_progress(
        lang,
        intl::plural(lang, Key::ChecklistProgressText, p.total as u64),
        p,
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
                {move || progress_text(i18n.lang.get(), progress.get())}
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
                            fill_progress(i18n.lang.get(), i18n.t(Key::ChecklistStepProgress), p)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_text_is_plural_by_the_number_of_tasks() {
        let p = |done, total| Progress { done, total };
        assert_eq!(progress_text(Lang::En, p(0, 18)), "0 of 18 tasks done");
        assert_eq!(progress_text(Lang::En, p(1, 18)), "1 of 18 tasks done");
        assert_eq!(progress_text(Lang::En, p(1, 1)), "1 of 1 task done");
        assert_eq!(progress_text(Lang::Es, p(1, 18)), "1 de 18 tareas hechas");
        assert_eq!(
            progress_text(Lang::Fr, p(1, 18)),
            "Tâches terminées : 1 sur 18"
        );
        assert_eq!(
            progress_text(Lang::Ar, p(2, 18)),
            "المهام المنجزة: \u{2068}2\u{2069} من \u{2068}18\u{2069}"
        );
    }
}
