//! The journal's entry form: every portal field, messages next to the wrong field, a live
//! Markdown preview and a warning when the same title and link are already logged.
//! It edits a draft of its own, so a change saved in another tab never clears it.

use crate::components::rendered_html::Markdown;
use crate::domain::bidi::isolate;
use crate::domain::journal::areas::AREAS;
use crate::domain::journal::stash::{stash, unstash};
use crate::domain::journal::validation::{Draft, Field, Problem};
use crate::domain::journal::{
    ActivityType, Audience, Entry, Figure, MsEvent, DESCRIPTION_MAX, TITLE_MAX,
};
use crate::i18n::{fill, Key};
use crate::intl;
use crate::journal_state::{now_ms, use_journal};
use crate::state::{use_i18n, use_storage};
use crate::web;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

fn field_id(field: Field) -> String {
    match field {
        Field::Kind => "jf-kind".into(),
        Field::Title => "jf-title".into(),
        Field::Description => "jf-description".into(),
        Field::Notes => "jf-notes".into(),
        Field::Date => "jf-date".into(),
        Field::EndDate => "jf-end-date".into(),
        Field::Url => "jf-url".into(),
        Field::Areas => "jf-area-primary".into(),
        Field::Role => "jf-role".into(),
        Field::Event => "jf-event".into(),
        Field::Quantity => "jf-quantity".into(),
        Field::Figure(f) => format!("jf-figure-{}", f.code()),
    }
}

/// The add/edit form. `editing` is the saved entry being changed, if any.
#[component]
pub fn EntryForm(initial: Draft, editing: Option<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    let storage = use_storage();
    let navigate = use_navigate();
    // What is typed is kept for this tab until it is saved or the form is left inside the
    // app, so a reload (the "new version" Reload button, or an accidental one) loses nothing.
    let stash_name = match &editing {
        Some(e) => format!("journal:edit:{}", e.id),
        None => "journal:new".to_string(),
    };
    let restored = web::stashed_draft(&stash_name).and_then(|text| unstash(&text));
    let was_restored = restored.is_some();
    let draft = RwSignal::new(restored.unwrap_or_else(|| initial.clone()));
    {
        let name = stash_name.clone();
        Effect::watch(
            move || draft.get(),
            move |d, _, _| {
                if *d == initial {
                    web::drop_draft(&name);
                } else {
                    web::stash_draft(&name, &stash(d));
                }
            },
            false,
        );
        let name = stash_name.clone();
        on_cleanup(move || web::drop_draft(&name));
    }
    let submitted = RwSignal::new(false);
    let editing_id = editing.as_ref().map(|e| e.id.clone());
    let created_ms = editing.as_ref().map(|e| e.created_ms);

    let problems = Memo::new(move |_| {
        if submitted.get() {
            draft.with(|d| d.validate().err().unwrap_or_default())
        } else {
            Vec::new()
        }
    });
    let error_of = move |field: Field| {
        problems.with(|p| {
            p.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, problem)| match problem {
                    Problem::TooLong { max } => {
                        fill(i18n.t(problem.key()), &[("max", &max.to_string())])
                    }
                    other => i18n.t(other.key()).to_string(),
                })
        })
    };
    let describedby = move |field: Field, hint: Option<&'static str>| {
        move || {
            let mut ids: Vec<String> = hint.map(str::to_string).into_iter().collect();
            if error_of(field).is_some() {
                ids.push(format!("{}-error", field_id(field)));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move |field: Field| move || error_of(field).is_some().then_some("true");
    let error_view = move |field: Field| {
        move || {
            error_of(field).map(|msg| {
                view! { <p class="field__error" id=format!("{}-error", field_id(field))>{msg}</p> }
            })
        }
    };
    let kind = Memo::new(move |_| draft.with(Draft::activity_type));
    let editing_for_dup = editing_id.clone();
    // Set as the entry is saved: the form is about to go, so the save's change to the
    // journal must not send it through every entry again.
    let saved = StoredValue::new(false);
    let duplicates = Memo::new(move |previous: Option<&usize>| {
        if saved.get_value() {
            return previous.copied().unwrap_or(0);
        }
        let (title, url) = draft.with(|d| (d.title.clone(), d.url.trim().to_string()));
        if url.is_empty() {
            return 0;
        }
        state.journal.with(|j| {
            j.duplicates_of(&title, Some(&url), editing_for_dup.as_deref())
                .count()
        })
    });
    let preview = Memo::new(move |_| draft.with(|d| d.description.clone()));
    let count = move |get: fn(&Draft) -> &String| move || draft.with(|d| get(d).chars().count());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        match draft.with_untracked(Draft::validate) {
            Err(list) => {
                // Move to the first wrong field so keyboard and screen reader users land on it.
                if let Some((field, _)) = list.first() {
                    let id = field_id(*field);
                    request_animation_frame(move || {
                        let el = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(&id))
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                        if let Some(el) = el {
                            let _ = el.focus();
                        }
                    });
                }
            }
            Ok(mut entry) => {
                let now = now_ms();
                entry.id = match &editing_id {
                    Some(id) => id.clone(),
                    None => state.journal.with_untracked(|j| j.new_id(now)),
                };
                entry.created_ms = created_ms.unwrap_or(now);
                entry.updated_ms = now;
                let title = entry.title.clone();
                saved.set_value(true);
                let _ = state.commit(storage, |j| j.insert(entry));
                web::drop_draft(&stash_name);
                state.announce(fill(
                    i18n.t(Key::JournalSaved),
                    &[("title", &isolate(&title))],
                ));
                navigate("/journal", Default::default());
            }
        }
    };

    let text_input = move |field: Field,
                           label: Key,
                           get: fn(&Draft) -> &String,
                           set: fn(&mut Draft, String),
                           input_type: &'static str| {
        let id = field_id(field);
        view! {
            <div class="field">
                <label for=id.clone()>{t(label)}</label>
                <input
                    id=id
                    type=input_type
                    prop:value=move || draft.with(|d| get(d).clone())
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=invalid(field)
                    aria-describedby=describedby(field, None)
                />
                {error_view(field)}
            </div>
        }
    };

    view! {
        <form class="journal-form" novalidate=true on:submit=on_submit>
            {was_restored.then(|| view! {
                <div class="notice notice--info" data-testid="draft-restored">
                    <p>{t(Key::JournalDraftRestored)}</p>
                </div>
            })}
            {move || {
                let n = problems.with(Vec::len);
                (n > 0).then(|| view! {
                    <div class="notice notice--error" role="alert">
                        <p>{intl::count(i18n.lang.get(), Key::JournalFormHasErrors, "count", n as u64)}</p>
                    </div>
                })
            }}
            <div class="field">
                <label for="jf-kind">{t(Key::JournalFieldType)}</label>
                <select
                    id="jf-kind"
                    on:change=move |ev| draft.update(|d| d.kind = event_target_value(&ev))
                    aria-invalid=invalid(Field::Kind)
                    aria-describedby=describedby(Field::Kind, None)
                >
                    {ActivityType::ALL.iter().map(|k| {
                        let code = k.code();
                        view! { <option value=code prop:selected=move || kind.get() == *k>{move || i18n.t(k.key())}</option> }
                    }).collect_view()}
                </select>
                {error_view(Field::Kind)}
            </div>
            <div class="field">
                <label for="jf-title">{t(Key::JournalFieldTitle)}</label>
                <input
                    id="jf-title"
                    type="text"
                    autocomplete="off"
                    prop:value=move || draft.with(|d| d.title.clone())
                    on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))
                    aria-invalid=invalid(Field::Title)
                    aria-describedby=describedby(Field::Title, Some("jf-title-count"))
                />
                <p class="field__hint" id="jf-title-count">
                    {move || fill(i18n.t(Key::JournalCharCount), &[("n", &count(|d| &d.title)().to_string()), ("max", &TITLE_MAX.to_string())])}
                </p>
                {error_view(Field::Title)}
            </div>
            <div class="field field--wide">
                <label for="jf-description">{t(Key::JournalFieldDescription)}</label>
                <div class="journal-form__md">
                    <div>
                        <textarea
                            id="jf-description"
                            rows="8"
                            prop:value=move || draft.with(|d| d.description.clone())
                            on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))
                            aria-invalid=invalid(Field::Description)
                            aria-describedby=describedby(Field::Description, Some("jf-description-hint"))
                        ></textarea>
                        <p class="field__hint" id="jf-description-hint">
                            {t(Key::JournalDescriptionHint)} " "
                            {move || fill(i18n.t(Key::JournalCharCount), &[("n", &count(|d| &d.description)().to_string()), ("max", &DESCRIPTION_MAX.to_string())])}
                        </p>
                        {error_view(Field::Description)}
                    </div>
                    <section class="md-preview" aria-labelledby="jf-preview-heading">
                        <h2 id="jf-preview-heading" class="md-preview__heading">{t(Key::JournalPreview)}</h2>
                        <Markdown class="md" testid="description-preview" source=preview/>
                    </section>
                </div>
            </div>
            <div class="field-row">
                {text_input(Field::Date, Key::JournalFieldDate, |d| &d.date, |d, v| d.date = v, "date")}
                {text_input(Field::EndDate, Key::JournalFieldEndDate, |d| &d.end_date, |d, v| d.end_date = v, "date")}
            </div>
            {text_input(Field::Url, Key::JournalFieldUrl, |d| &d.url, |d, v| d.url = v, "url")}
            {move || (duplicates.get() > 0).then(|| view! {
                <div class="notice notice--warning" role="status" data-testid="duplicate-warning">
                    <p>{t(Key::JournalDuplicateWarning)}</p>
                </div>
            })}
            <div class="field">
                <label for="jf-area-primary">{t(Key::JournalFieldPrimaryArea)}</label>
                <select
                    id="jf-area-primary"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        draft.update(|d| {
                            if code.is_empty() {
                                d.areas.clear();
                            } else {
                                let rest: Vec<String> =
                                    d.areas.iter().skip(1).filter(|a| **a != code).cloned().collect();
                                d.areas = std::iter::once(code).chain(rest).collect();
                            }
                        });
                    }
                    aria-invalid=invalid(Field::Areas)
                    aria-describedby=describedby(Field::Areas, None)
                >
                    <option value="" prop:selected=move || draft.with(|d| d.areas.is_empty())>{t(Key::JournalNone)}</option>
                    {AREAS.iter().map(|a| view! {
                        <option value=a.code prop:selected=move || draft.with(|d| d.areas.first().map(String::as_str) == Some(a.code))>
                            {move || i18n.t(a.key)}
                        </option>
                    }).collect_view()}
                </select>
                {error_view(Field::Areas)}
            </div>
            <fieldset class="field checks">
                <legend>{t(Key::JournalFieldMoreAreas)}</legend>
                {AREAS.iter().map(|a| {
                    let id = format!("jf-area-{}", a.code);
                    view! {
                        <div class="check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || draft.with(|d| d.areas.iter().skip(1).any(|c| c == a.code))
                                disabled=move || draft.with(|d| d.areas.first().map(String::as_str) == Some(a.code))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| {
                                        // Without a primary area, the first one ticked becomes it.
                                        if d.areas.first().is_some_and(|p| p == a.code) {
                                            return;
                                        }
                                        d.areas.retain(|c| c != a.code);
                                        if on {
                                            d.areas.push(a.code.to_string());
                                        }
                                    });
                                }
                            />
                            <label for=id>{move || i18n.t(a.key)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="field checks">
                <legend>{t(Key::JournalFieldAudience)}</legend>
                {Audience::ALL.iter().map(|a| {
                    let id = format!("jf-audience-{}", a.code());
                    view! {
                        <div class="check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || draft.with(|d| d.audiences.contains(a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| {
                                        d.audiences.retain(|x| x != a);
                                        if on { d.audiences.push(*a); }
                                    });
                                }
                            />
                            <label for=id>{move || i18n.t(a.key())}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="jf-role">{t(Key::JournalFieldRole)}</label>
                    <select
                        id="jf-role"
                        on:change=move |ev| draft.update(|d| d.role = event_target_value(&ev))
                        aria-invalid=invalid(Field::Role)
                        aria-describedby=describedby(Field::Role, None)
                    >
                        <option value="" prop:selected=move || draft.with(|d| d.role.is_empty())>{t(Key::JournalNone)}</option>
                        {move || kind.get().roles().iter().map(|r| view! {
                            <option value=r.code() prop:selected=move || draft.with(|d| d.role == r.code())>{move || i18n.t(r.key())}</option>
                        }).collect_view()}
                    </select>
                    {error_view(Field::Role)}
                </div>
                <Show when=move || kind.get().has_event()>
                    <div class="field">
                        <label for="jf-event">{t(Key::JournalFieldEvent)}</label>
                        <select
                            id="jf-event"
                            on:change=move |ev| draft.update(|d| d.event = event_target_value(&ev))
                            aria-invalid=invalid(Field::Event)
                        >
                            <option value="" prop:selected=move || draft.with(|d| d.event.is_empty())>{t(Key::JournalNone)}</option>
                            {MsEvent::ALL.iter().map(|e| view! {
                                <option value=e.code() prop:selected=move || draft.with(|d| d.event == e.code())>{move || i18n.t(e.key())}</option>
                            }).collect_view()}
                        </select>
                        {error_view(Field::Event)}
                    </div>
                </Show>
                <div class="field">
                    <label for="jf-quantity">{t(Key::JournalFieldQuantity)}</label>
                    <input
                        id="jf-quantity"
                        type="text"
                        inputmode="numeric"
                        prop:value=move || draft.with(|d| d.quantity.clone())
                        on:input=move |ev| draft.update(|d| d.quantity = event_target_value(&ev))
                        aria-invalid=invalid(Field::Quantity)
                        aria-describedby=describedby(Field::Quantity, None)
                    />
                    {error_view(Field::Quantity)}
                </div>
            </div>
            <div class="field-row">
                {move || kind.get().figures().iter().map(|f: &Figure| {
                    let f = *f;
                    let field = Field::Figure(f);
                    let id = field_id(field);
                    view! {
                        <div class="field">
                            <label for=id.clone()>{move || i18n.t(f.key())}</label>
                            <input
                                id=id
                                type="text"
                                inputmode="numeric"
                                prop:value=move || draft.with(|d| d.figures[f as usize].clone())
                                on:input=move |ev| draft.update(|d| d.figures[f as usize] = event_target_value(&ev))
                                aria-invalid=invalid(field)
                                aria-describedby=describedby(field, None)
                            />
                            {error_view(field)}
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="field check">
                <input
                    type="checkbox"
                    id="jf-high-impact"
                    prop:checked=move || draft.with(|d| d.high_impact)
                    on:change=move |ev| draft.update(|d| d.high_impact = event_target_checked(&ev))
                    aria-describedby="jf-high-impact-hint"
                />
                <label for="jf-high-impact">{t(Key::JournalFieldHighImpact)}</label>
                <p class="field__hint" id="jf-high-impact-hint">{t(Key::JournalHighImpactHint)}</p>
            </div>
            <div class="field field--wide">
                <label for="jf-notes">{t(Key::JournalFieldNotes)}</label>
                <textarea
                    id="jf-notes"
                    rows="3"
                    prop:value=move || draft.with(|d| d.notes.clone())
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))
                    aria-invalid=invalid(Field::Notes)
                    aria-describedby=describedby(Field::Notes, Some("jf-notes-hint"))
                ></textarea>
                <p class="field__hint" id="jf-notes-hint">{t(Key::JournalNotesHint)}</p>
                {error_view(Field::Notes)}
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{t(Key::JournalSave)}</button>
                <leptos_router::components::A href=crate::web::app_href("/journal") attr:class="button button--quiet">
                    {t(Key::JournalCancel)}
                </leptos_router::components::A>
            </div>
        </form>
    }
}
