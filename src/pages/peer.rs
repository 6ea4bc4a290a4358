//! Peer feedback by link (`/peer`, `/peer/view`, `/peer/reply`): the owner picks what to
//! show and gets a link whose fragment carries it ([`crate::domain::peer`]); the peer reads
//! it on a page that saves nothing and answers with a reply link; the owner opens the reply
//! and can save it to the checklist's "Ask for peer feedback" step.

use crate::components::meta::Title;
use crate::components::rendered_html::Markdown;
use crate::compress::{deflate, inflate, CodecError};
use crate::domain::checklist::{Checklist, NOTE_MAX_CHARS};
use crate::domain::date_text::parse_iso_date;
use crate::domain::journal::stats::{in_window, local_date};
use crate::domain::journal::{ActivityType, Entry};
use crate::domain::peer::{
    append_note, base64url_decode, base64url_encode, link, Fragment, Kind, LinkError, PeerReply,
    PeerRequest, SharedEntry, CHAT_LIMIT, MAX_ENTRIES, MAX_FEEDBACK, MAX_JSON_BYTES, MAX_NAME,
    MAX_QUESTION, MAX_STORY,
};
use crate::domain::story::{build_markdown_at, StoryDraft};
use crate::i18n::{fill, Key};
use crate::pages::not_found::NotFound;
use crate::state::{use_i18n, use_storage};
use crate::storage::{StoredChecklist, StoredStory};
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Every `/peer/...` address (one route keeps the router in the main module small, as for
/// the explainer): `/peer` builds a link, `/peer/view` shows one, `/peer/reply` opens a
/// peer's answer.
#[component]
pub fn Peer() -> impl IntoView {
    let params = use_params_map();
    move || {
        let rest = params.with(|p| p.get("rest").unwrap_or_default());
        match rest.trim_matches('/') {
            "" => view! { <PeerBuilder/> }.into_any(),
            "view" => view! { <PeerView/> }.into_any(),
            "reply" => view! { <PeerReplyPage/> }.into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Entries first ticked in a new request.
const FIRST_PICKED: usize = 10;
/// The checklist step that peer feedback is saved to.
const FEEDBACK_STEP: &str = "feedback";

fn today() -> NaiveDate {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    local_date(js_sys::Date::now() as i64, offset).unwrap_or_default()
}

/// Compresses `json` and encodes it for a fragment.
async fn encode(json: String) -> Result<String, CodecError> {
    deflate(json.as_bytes())
        .await
        .map(|bytes| base64url_encode(&bytes))
}

/// The JSON carried by this page's fragment, if it is a link of `kind`.
async fn decode_fragment(kind: Kind) -> Result<Vec<u8>, LinkError> {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let fragment = Fragment::parse(&hash)?;
    if fragment.kind != kind {
        return Err(LinkError::Missing);
    }
    let bytes = base64url_decode(&fragment.data)?;
    inflate(&bytes, MAX_JSON_BYTES).await.map_err(|e| match e {
        CodecError::TooLarge => LinkError::TooLong,
        CodecError::Corrupt => LinkError::Damaged,
        CodecError::Unsupported => LinkError::Unsupported,
    })
}

/// Opens the new link when only the fragment changes (another link pasted in the same tab
/// is a same-page navigation, so the page is not loaded again).
fn reload_on_hash_change(load: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| load());
    on_cleanup(move || handle.remove());
}

/// What the address's fragment of `kind` holds, read with `parse`; read again when only the
/// fragment changes.
fn open_fragment<T: Clone + Send + Sync + 'static>(
    kind: Kind,
    parse: fn(&[u8]) -> Result<T, LinkError>,
) -> RwSignal<Opened<T>> {
    let opened = RwSignal::new(Opened::Loading);
    let load = move || {
        spawn_local(async move {
            let result = decode_fragment(kind).await.and_then(|bytes| parse(&bytes));
            opened.set(match result {
                Ok(value) => Opened::Ready(value),
                Err(e) => Opened::Failed(e),
            });
        })
    };
    load();
    reload_on_hash_change(load);
    opened
}

/// What a page opened from a link is showing.
#[derive(Clone, Debug)]
enum Opened<T> {
    Loading,
    Failed(LinkError),
    Ready(T),
}

fn shared(e: &Entry) -> SharedEntry {
    SharedEntry {
        title: e.title.clone(),
        date: e.date.to_string(),
        kind: e.kind.code().to_string(),
        url: e.url.clone(),
        reach: e.reach(),
        high_impact: e.high_impact,
    }
}

/// A link ready to send: the text box, its length and a copy button.
#[component]
fn LinkBox(link: String, label: Key) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let copied = RwSignal::new(String::new());
    let length = link.chars().count();
    let long = length > CHAT_LIMIT;
    let text = link.clone();
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let key = match web::copy_text(&text).await {
                Ok(()) => Key::PeerCopied,
                Err(_) => Key::PeerCopyFailed,
            };
            copied.set(i18n.t(key).to_string());
        });
    };
    view! {
        <div class="peer-link" data-testid="peer-link">
            <label for="peer-link-text">{t(label)}</label>
            <textarea id="peer-link-text" rows="4" readonly=true aria-describedby="peer-link-length" prop:value=link></textarea>
            <p id="peer-link-length" data-testid="peer-link-length">
                {move || fill(i18n.t(Key::PeerLength), &[("n", &length.to_string())])}
            </p>
            {long.then(|| view! {
                <div class="notice notice--warning" data-testid="peer-link-long">
                    <p>{move || fill(i18n.t(Key::PeerTooLong), &[("max", &CHAT_LIMIT.to_string())])}</p>
                </div>
            })}
            <div class="form-actions">
                <button type="button" class="button" on:click=copy>{t(Key::PeerCopy)}</button>
            </div>
            <p role="status" class="peer-status">{move || copied.get()}</p>
        </div>
    }
}

/// `/peer`: pick what to show a peer and build the read-only link.
#[component]
pub fn PeerBuilder() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let storage = use_storage();
    let today = today();
    let journal = crate::journal_state::load_whole_journal(storage);
    let mut candidates: Vec<Entry> = journal
        .entries()
        .iter()
        .filter(|e| in_window(e, today))
        .cloned()
        .collect();
    crate::domain::order::sort_by(&mut candidates, |a, b| {
        b.high_impact
            .cmp(&a.high_impact)
            .then(b.reach().cmp(&a.reach()))
            .then(b.date.cmp(&a.date))
    });
    candidates.truncate(MAX_ENTRIES);
    let draft = StoryDraft::from(storage.load::<StoredStory>());
    let story_text = crate::pages::story::story_text(i18n.lang.get());
    let has_story = draft.answers.iter().any(|a| !a.trim().is_empty());
    let initial_story = if has_story {
        build_markdown_at(&draft, &[], &story_text, 2)
            .chars()
            .take(MAX_STORY)
            .collect()
    } else {
        String::new()
    };
    let name = RwSignal::new(String::new());
    let question = RwSignal::new(String::new());
    let story = RwSignal::new(initial_story);
    let picked = RwSignal::new(
        (0..candidates.len())
            .map(|i| i < FIRST_PICKED)
            .collect::<Vec<bool>>(),
    );
    let made: RwSignal<Option<String>> = RwSignal::new(None);
    let failed = RwSignal::new(false);
    let candidates = StoredValue::new(candidates);
    let request = move || PeerRequest {
        name: name.get_untracked().trim().chars().take(MAX_NAME).collect(),
        question: question
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_QUESTION)
            .collect(),
        story: story
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_STORY)
            .collect(),
        entries: candidates.with_value(|c| {
            picked.with_untracked(|p| {
                c.iter()
                    .zip(p.iter())
                    .filter(|(_, on)| **on)
                    .map(|(e, _)| shared(e))
                    .collect()
            })
        }),
    };
    // Builds the link; with `shrink`, unticks the last ticked entries until it fits chat apps.
    let make = move |shrink: bool| {
        spawn_local(async move {
            loop {
                match encode(request().to_json()).await {
                    Err(_) => {
                        failed.set(true);
                        return;
                    }
                    Ok(data) => {
                        let l = link(&web::app_url(), Kind::Request, &data);
                        let last = picked.with_untracked(|p| p.iter().rposition(|on| *on));
                        if shrink && l.chars().count() > CHAT_LIMIT {
                            if let Some(i) = last {
                                picked.update(|p| p[i] = false);
                                continue;
                            }
                        }
                        failed.set(false);
                        made.set(Some(l));
                        return;
                    }
                }
            }
        });
    };
    let stale = move || made.set(None);
    let count = candidates.with_value(Vec::len);
    view! {
        <Title text=t(Key::PeerBuilderTitle)/>
        <h1>{t(Key::PeerBuilderTitle)}</h1>
        <p class="lead">{t(Key::PeerBuilderLead)}</p>
        <div class="notice notice--warning" data-testid="peer-anyone"><p>{t(Key::PeerAnyone)}</p></div>
        <form class="peer-form" on:submit=move |ev| { ev.prevent_default(); make(false); }>
            <div class="field">
                <label for="peer-name">{t(Key::PeerYourName)}</label>
                <input id="peer-name" type="text" autocomplete="name" maxlength=MAX_NAME.to_string()
                    prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); stale(); }/>
            </div>
            <div class="field">
                <label for="peer-question">{t(Key::PeerQuestion)}</label>
                <textarea id="peer-question" rows="2" maxlength=MAX_QUESTION.to_string()
                    prop:value=move || question.get() on:input=move |ev| { question.set(event_target_value(&ev)); stale(); }></textarea>
            </div>
            <div class="field">
                <label for="peer-story">{t(Key::PeerStory)}</label>
                <p class="hint" id="peer-story-hint">{t(Key::PeerStoryHint)}</p>
                <textarea id="peer-story" rows="8" maxlength=MAX_STORY.to_string() aria-describedby="peer-story-hint"
                    prop:value=move || story.get() on:input=move |ev| { story.set(event_target_value(&ev)); stale(); }></textarea>
            </div>
            <fieldset class="field">
                <legend>{t(Key::PeerEntries)}</legend>
                {(count == 0).then(|| view! { <p>{t(Key::PeerNoEntries)}</p> })}
                <ul class="peer-entries" role="list">
                    {candidates.with_value(|c| c.iter().enumerate().map(|(i, e)| {
                        let id = format!("peer-entry-{i}");
                        let kind = e.kind;
                        let date = e.date;
                        let meta = move || format!(" · {}", crate::intl::long_date(i18n.lang.get(), date));
                        view! {
                            <li class="check">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || picked.with(|p| p.get(i).copied().unwrap_or(false))
                                    on:change=move |ev| { let on = event_target_checked(&ev); picked.update(|p| p[i] = on); stale(); }/>
                                <label for=id>
                                    <span class="journal-preview__title">{e.title.clone()}</span>
                                    <span class="peer-entry__meta">" · " {move || i18n.t(kind.key())} {meta}</span>
                                </label>
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button">{t(Key::PeerMake)}</button>
            </div>
        </form>
        <Show when=move || failed.get()>
            <p class="field__error" role="alert">{t(Key::PeerErrUnsupported)}</p>
        </Show>
        {move || made.get().map(|l| {
            let long = l.chars().count() > CHAT_LIMIT;
            view! {
                <LinkBox link=l label=Key::PeerLinkLabel/>
                {long.then(|| view! {
                    <button type="button" class="button button--quiet" on:click=move |_| make(true)>{t(Key::PeerFewer)}</button>
                })}
            }
        })}
    }
}

/// The type label of an entry code from a link (unknown codes never get this far).
fn kind_label(code: &str) -> Option<Key> {
    ActivityType::from_code(code).map(ActivityType::key)
}

/// `/peer/view#r=...`: the peer's read-only page. It writes nothing to storage (the app
/// opens it with a read-only backend) and loads nothing from elsewhere.
#[component]
pub fn PeerView() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let opened = open_fragment(Kind::Request, PeerRequest::from_json);
    view! {
        <Title text=t(Key::PeerViewTitle)/>
        {move || match opened.get() {
            Opened::Loading => view! { <h1>{t(Key::PeerViewTitle)}</h1><p>{t(Key::PeerOpening)}</p> }.into_any(),
            Opened::Failed(e) => view! { <LinkFailed error=e/> }.into_any(),
            Opened::Ready(request) => view! { <PeerRequestView request/> }.into_any(),
        }}
    }
}

/// Why a link cannot be shown, and what to do.
#[component]
fn LinkFailed(error: LinkError) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    view! {
        <h1>{t(Key::PeerFailedTitle)}</h1>
        <div class="notice notice--error" role="alert" data-testid="peer-error">
            <p>{t(error.key())}</p>
            <p>{t(Key::PeerFailedNext)}</p>
        </div>
    }
}

/// The request's content and the feedback form.
#[component]
fn PeerRequestView(request: PeerRequest) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let owner = request.name.clone();
    let heading_owner = owner.clone();
    let story = (!request.story.trim().is_empty()).then(|| request.story.clone());
    let question = request.question.clone();
    let entries = request.entries.clone();
    let from = RwSignal::new(String::new());
    let feedback = RwSignal::new(String::new());
    let empty = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let reply: RwSignal<Option<String>> = RwSignal::new(None);
    let to = owner.clone();
    let make = move || {
        let text = feedback.get_untracked();
        if text.trim().is_empty() {
            empty.set(true);
            return;
        }
        empty.set(false);
        let body = PeerReply {
            from: from.get_untracked().trim().chars().take(MAX_NAME).collect(),
            to: to.clone(),
            feedback: text.trim().chars().take(MAX_FEEDBACK).collect(),
        };
        spawn_local(async move {
            match encode(body.to_json()).await {
                Ok(data) => {
                    failed.set(false);
                    reply.set(Some(link(&web::app_url(), Kind::Reply, &data)));
                }
                Err(_) => failed.set(true),
            }
        });
    };
    view! {
        <h1>{move || if heading_owner.is_empty() { i18n.t(Key::PeerViewTitle).to_string() } else { fill(i18n.t(Key::PeerViewTitleNamed), &[("name", &heading_owner)]) }}</h1>
        <div class="notice notice--warning" data-testid="peer-anyone"><p>{t(Key::PeerViewNotice)}</p></div>
        {(!question.trim().is_empty()).then(|| view! {
            <section aria-labelledby="peer-question-heading">
                <h2 id="peer-question-heading">{t(Key::PeerTheirQuestion)}</h2>
                <p class="peer-text" data-testid="peer-question">{question}</p>
            </section>
        })}
        {story.map(|story| view! {
            <section aria-labelledby="peer-story-heading">
                <h2 id="peer-story-heading">{t(Key::PeerTheirStory)}</h2>
                <Markdown class="md story-preview" testid="peer-story" source=story/>
            </section>
        })}
        {(!entries.is_empty()).then(|| view! {
            <section aria-labelledby="peer-entries-heading">
                <h2 id="peer-entries-heading">{t(Key::PeerTheirEntries)}</h2>
                <ul class="peer-shared" data-testid="peer-entries">
                    {entries.into_iter().map(|e| {
                        let kind = kind_label(&e.kind);
                        let reach = e.reach;
                        let date = parse_iso_date(&e.date);
                        let raw_date = e.date.clone();
                        view! {
                            <li>
                                <span class="journal-preview__title">{e.title}</span>
                                " · " {move || kind.map(|k| i18n.t(k))} " · " <time datetime=e.date.clone()>{move || date.map_or_else(|| raw_date.clone(), |d| crate::intl::long_date(i18n.lang.get(), d))}</time>
                                {(reach > 0).then(|| view! { " · " {move || fill(i18n.t(Key::StoryHighlightReach), &[("n", &crate::intl::number(i18n.lang.get(), reach))])} })}
                                {e.high_impact.then(|| view! { " " <strong class="badge">{t(Key::JournalHighImpact)}</strong> })}
                                {e.url.map(|u| { let href = u.clone(); view! { <br/><a href=href rel="noopener noreferrer nofollow" class="peer-url">{u}</a> } })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="peer-feedback-heading">
            <h2 id="peer-feedback-heading">{t(Key::PeerYourFeedback)}</h2>
            <form on:submit=move |ev| { ev.prevent_default(); make(); }>
                <div class="field">
                    <label for="peer-from">{t(Key::PeerYourName)}</label>
                    <input id="peer-from" type="text" autocomplete="name" maxlength=MAX_NAME.to_string()
                        prop:value=move || from.get() on:input=move |ev| { from.set(event_target_value(&ev)); reply.set(None); }/>
                </div>
                <div class="field">
                    <label for="peer-feedback">{t(Key::PeerFeedbackLabel)}</label>
                    <textarea id="peer-feedback" rows="8" maxlength=MAX_FEEDBACK.to_string()
                        aria-invalid=move || empty.get().then_some("true")
                        aria-describedby=move || empty.get().then_some("peer-feedback-error")
                        prop:value=move || feedback.get() on:input=move |ev| { feedback.set(event_target_value(&ev)); reply.set(None); }></textarea>
                    <Show when=move || empty.get()>
                        <p class="field__error" id="peer-feedback-error" role="alert">{t(Key::PeerFeedbackEmpty)}</p>
                    </Show>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button">{t(Key::PeerMakeReply)}</button>
                </div>
            </form>
            <Show when=move || failed.get()>
                <p class="field__error" role="alert">{t(Key::PeerErrUnsupported)}</p>
            </Show>
            {move || reply.get().map(|l| view! { <LinkBox link=l label=Key::PeerReplyLabel/> })}
        </section>
    }
}

/// `/peer/reply#f=...`: the owner reads a peer's feedback and can keep it in the checklist.
#[component]
pub fn PeerReplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let opened = open_fragment(Kind::Reply, PeerReply::from_json);
    view! {
        <Title text=t(Key::PeerReplyTitle)/>
        {move || match opened.get() {
            Opened::Loading => view! { <h1>{t(Key::PeerReplyTitle)}</h1><p>{t(Key::PeerOpening)}</p> }.into_any(),
            Opened::Failed(e) => view! { <LinkFailed error=e/> }.into_any(),
            Opened::Ready(reply) => view! { <ReplyView reply/> }.into_any(),
        }}
    }
}

/// What the owner does with a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Saving {
    NotYet,
    Saved,
    TooLong,
    Failed,
}

#[component]
fn ReplyView(reply: PeerReply) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let storage = use_storage();
    let outcome = RwSignal::new(Saving::NotYet);
    let from = reply.from.clone();
    let heading_from = from.clone();
    let to = reply.to.clone();
    let feedback = reply.feedback.clone();
    let save = move |_| {
        let date = today().to_string();
        let heading = if reply.from.is_empty() {
            fill(i18n.t(Key::PeerNoteHeading), &[("date", &date)])
        } else {
            fill(
                i18n.t(Key::PeerNoteHeadingNamed),
                &[("name", &reply.from), ("date", &date)],
            )
        };
        let mut checklist = Checklist::from(storage.load::<StoredChecklist>());
        let Some(notes) = append_note(
            checklist.note(FEEDBACK_STEP),
            &reply.note(&heading),
            NOTE_MAX_CHARS,
        ) else {
            outcome.set(Saving::TooLong);
            return;
        };
        checklist.set_note(FEEDBACK_STEP, &notes);
        outcome.set(match storage.save(&StoredChecklist::from(&checklist)) {
            Ok(()) => Saving::Saved,
            Err(_) => Saving::Failed,
        });
    };
    view! {
        <h1>{move || if heading_from.is_empty() { i18n.t(Key::PeerReplyTitle).to_string() } else { fill(i18n.t(Key::PeerReplyTitleNamed), &[("name", &heading_from)]) }}</h1>
        <div class="notice notice--warning" data-testid="peer-anyone"><p>{t(Key::PeerReplyNotice)}</p></div>
        {(!to.is_empty()).then(|| view! { <p>{move || fill(i18n.t(Key::PeerReplyTo), &[("name", &to)])}</p> })}
        <blockquote class="peer-feedback peer-text" data-testid="peer-feedback">{feedback}</blockquote>
        <Show when=move || outcome.get() != Saving::Saved>
            <div class="form-actions">
                <button type="button" class="button" on:click=save.clone()>{t(Key::PeerSave)}</button>
            </div>
        </Show>
        <div role="status" data-testid="peer-saved">
            {move || match outcome.get() {
                Saving::NotYet => None,
                Saving::Saved => Some(view! {
                    <p>{t(Key::PeerSaved)} " " <A href=web::app_href("/checklist")>{t(Key::PeerOpenChecklist)}</A></p>
                }.into_any()),
                Saving::TooLong => Some(view! { <p class="field__error">{move || fill(i18n.t(Key::PeerSaveTooLong), &[("max", &NOTE_MAX_CHARS.to_string())])}</p> }.into_any()),
                Saving::Failed => Some(view! { <p class="field__error">{t(Key::PeerSaveFailed)}</p> }.into_any()),
            }}
        </div>
    }
}
