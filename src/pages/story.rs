//! "What's your MVP story?" (`/story`): reflection prompts, the journal's strongest entries
//! to pick from, and a Markdown draft to copy or download.

use crate::components::meta::Title;
use crate::components::rendered_html::Markdown;
use crate::domain::activity::StoryHighlight;
use crate::domain::journal::Journal;
use crate::domain::story::{
    build_markdown_at, highlight_id, strongest, Prompt, StoryDraft, StoryText, ANSWER_MAX_CHARS,
    HIGHLIGHT_LIMIT,
};
use crate::i18n::{fill, tr, Key, Lang};
use crate::intl;
use crate::state::{use_i18n, use_storage};
use crate::storage::StoredStory;
use crate::web;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

/// File name of the downloaded draft.
const DRAFT_FILE: &str = "my-mvp-story.md";

/// The journal's entries offered to the story.
///
/// The strongest entries of the last 12 months, with type names in the current language.
/// `None` while the journal is being read: its storage code is a chunk of its own, which
/// the page does not wait for (nor download when nothing may be saved).
fn journal_highlights() -> Signal<Option<Vec<StoryHighlight>>> {
    let storage = use_storage();
    let i18n = use_i18n();
    let journal = RwSignal::new(None::<Journal>);
    crate::journal_state::with_saved_journal(storage, true, move |read| {
        journal.try_set(Some(read));
    });
    let today = crate::journal_state::today();
    Signal::derive(move || {
        journal.with(|j| {
            j.as_ref()
                .map(|j| j.highlights_in(today, 10, i18n.lang.get()))
        })
    })
}

fn prompt_keys(prompt: Prompt) -> (Key, Key) {
    match prompt {
        Prompt::WhyStarted => (Key::StoryPromptWhy, Key::StoryPromptWhyHint),
        Prompt::WhoHelped => (Key::StoryPromptHelped, Key::StoryPromptHelpedHint),
        Prompt::Learned => (Key::StoryPromptLearned, Key::StoryPromptLearnedHint),
        Prompt::Next => (Key::StoryPromptNext, Key::StoryPromptNextHint),
    }
}

/// What the last copy or download did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Copied,
    CopyFailed,
    Downloaded,
}

/// The story page, fed by the journal.
/// The draft's fixed texts (title, headings, highlight labels) in `lang`.
pub fn story_text(lang: Lang) -> StoryText<'static> {
    StoryText {
        title: tr(lang, Key::StoryMdTitle),
        headings: [
            tr(lang, Key::StoryMdWhy),
            tr(lang, Key::StoryMdHelped),
            tr(lang, Key::StoryMdLearned),
            tr(lang, Key::StoryMdNext),
        ],
        highlights_heading: tr(lang, Key::StoryMdHighlights),
        reach: tr(lang, Key::StoryHighlightReach),
        high_impact: tr(lang, Key::StoryHighlightHighImpact),
    }
}

#[component]
pub fn StoryPage() -> impl IntoView {
    view! { <StoryEditor highlights=journal_highlights()/> }
}

/// Prompts, highlight picker and draft, for the given journal highlights.
#[component]
pub fn StoryEditor(highlights: Signal<Option<Vec<StoryHighlight>>>) -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let t = move |key: Key| move || i18n.t(key);
    let draft = RwSignal::new(StoryDraft::from(storage.load::<StoredStory>()));
    storage.keep_saved::<StoredStory, _>(draft);
    let loading = Memo::new(move |_| highlights.with(Option::is_none));
    let offered = Memo::new(move |_| {
        highlights.with(|h| strongest(h.as_deref().unwrap_or_default(), HIGHLIGHT_LIMIT))
    });
    // The draft's Markdown at `level`: 1 for the file, 4 for the preview under this page's h3.
    let draft_at = move |level: usize| {
        let text = story_text(i18n.lang.get());
        draft.with(|d| offered.with(|o| build_markdown_at(d, o, &text, level)))
    };
    let markdown = Memo::new(move |_| draft_at(1));
    let preview = Memo::new(move |_| draft_at(4));
    let has_content = Memo::new(move |_| {
        draft.with(|d| {
            Prompt::ALL.iter().any(|p| !d.answer(*p).trim().is_empty())
                || offered.with(|o| o.iter().any(|h| d.is_picked(h)))
        })
    });
    let outcome = RwSignal::new(None::<Outcome>);
    let source_ref = NodeRef::<html::Textarea>::new();
    let copy = move |_| {
        let text = markdown.get_untracked();
        let failed = move || {
            outcome.try_set(Some(Outcome::CopyFailed));
            // Select the Markdown so that the person can copy it with the keyboard.
            if let Some(area) = source_ref.get_untracked() {
                let _ = area.focus();
                area.select();
            }
        };
        match web::write_clipboard(&text) {
            Some(promise) => web::when_settled(promise, move |r| match r {
                Ok(_) => {
                    outcome.try_set(Some(Outcome::Copied));
                }
                Err(_) => failed(),
            }),
            None => failed(),
        }
    };
    let download = move |_| {
        if web::download(DRAFT_FILE, "text/markdown", &markdown.get_untracked()).is_ok() {
            outcome.set(Some(Outcome::Downloaded));
        }
    };
    let prompts = Prompt::ALL
        .into_iter()
        .map(|prompt| {
            let (question, hint) = prompt_keys(prompt);
            let id = format!("story-{}", prompt.code());
            let hint_id = format!("{id}-hint");
            let initial = draft.with_untracked(|d| d.answer(prompt).to_string());
            view! {
                <div class="field">
                    <label for=id.clone()>{t(question)}</label>
                    <p class="hint" id=hint_id.clone()>{t(hint)}</p>
                    <textarea
                        id=id
                        rows="4"
                        maxlength=ANSWER_MAX_CHARS.to_string()
                        aria-describedby=format!("{hint_id} story-saved-hint")
                        prop:value=initial
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            draft.update(|d| d.set_answer(prompt, &text));
                        }
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=t(Key::StoryTitle)/>
        <h1>{t(Key::StoryTitle)}</h1>
        <p class="lead">{t(Key::StoryLead)}</p>
        <p><a href=web::app_href("/peer")>{t(Key::StoryLinkPeer)}</a></p>
        <section class="story-section" aria-labelledby="story-prompts-heading">
            <h2 id="story-prompts-heading">{t(Key::StoryPromptsHeading)}</h2>
            <p class="hint" id="story-saved-hint">{t(Key::StorySavedHint)}</p>
            {prompts}
        </section>
        <section class="story-section" aria-labelledby="story-highlights-heading">
            <h2 id="story-highlights-heading">{t(Key::StoryHighlightsHeading)}</h2>
            {move || {
                if loading.get() {
                    view! { <p role="status">{t(Key::RouteLoading)}</p> }.into_any()
                } else if offered.with(Vec::is_empty) {
                    view! {
                        <p>{t(Key::StoryHighlightsEmpty)}</p>
                        <p>
                            <A href=web::app_href("/journal")>
                                {t(Key::StoryHighlightsJournalLink)}
                            </A>
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <p>{t(Key::StoryHighlightsIntro)}</p>
                        <ul class="story-highlights" role="list">
                            <For
                                each=move || offered.get().into_iter().enumerate()
                                key=|(i, h)| (*i, highlight_id(h))
                                let:item
                            >
                                <HighlightChoice index=item.0 highlight=item.1 draft=draft/>
                            </For>
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        <section class="story-section" aria-labelledby="story-draft-heading">
            <h2 id="story-draft-heading">{t(Key::StoryDraftHeading)}</h2>
            <Show when=move || !has_content.get()>
                <p>{t(Key::StoryDraftEmpty)}</p>
            </Show>
            <div class="story-actions">
                <button type="button" class="button" on:click=copy>{t(Key::StoryCopy)}</button>
                <button type="button" class="button button--quiet" on:click=download>
                    {t(Key::StoryDownload)}
                </button>
            </div>
            <p role="status" class="story-outcome" data-testid="story-outcome">
                {move || {
                    outcome
                        .get()
                        .map(|o| match o {
                            Outcome::Copied => i18n.t(Key::StoryCopied).to_string(),
                            Outcome::CopyFailed => i18n.t(Key::StoryCopyFailed).to_string(),
                            Outcome::Downloaded => {
                                fill(i18n.t(Key::StoryDownloaded), &[("file", DRAFT_FILE)])
                            }
                        })
                }}
            </p>
            <div class="story-draft">
                <article class="story-preview" aria-labelledby="story-preview-heading">
                    <h3 id="story-preview-heading">{t(Key::StoryPreviewHeading)}</h3>
                    <Markdown class="story-preview__body" source=preview/>
                </article>
                <div class="field story-source">
                    <label for="story-markdown">{t(Key::StoryMarkdownLabel)}</label>
                    <textarea
                        id="story-markdown"
                        readonly
                        rows="14"
                        node_ref=source_ref
                        prop:value=move || markdown.get()
                    ></textarea>
                </div>
            </div>
        </section>
    }
}

/// One journal entry with its checkbox.
#[component]
fn HighlightChoice(
    index: usize,
    highlight: StoryHighlight,
    draft: RwSignal<StoryDraft>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("story-highlight-{index}");
    let picked = {
        let h = highlight.clone();
        move || draft.with(|d| d.is_picked(&h))
    };
    let toggle = {
        let h = highlight.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            draft.update(|d| d.set_picked(&h, on));
        }
    };
    let details = {
        let h = highlight.clone();
        move || {
            let lang = i18n.lang.get();
            let date = crate::domain::journal::parse_iso_date(&h.date)
                .map_or_else(|| h.date.clone(), |d| intl::long_date(lang, d));
            let mut parts = vec![h.kind.clone(), date];
            if h.reach > 0 {
                parts.push(fill(
                    i18n.t(Key::StoryHighlightReach),
                    &[("n", &intl::number(lang, h.reach))],
                ));
            }
            if h.high_impact {
                parts.push(i18n.t(Key::StoryHighlightHighImpact).to_string());
            }
            parts.retain(|p| !p.trim().is_empty());
            parts.join(" · ")
        }
    };
    view! {
        <li class="story-highlight">
            <input type="checkbox" id=id.clone() prop:checked=picked on:change=toggle/>
            <label for=id>
                <bdi class="story-highlight__title">{highlight.title.clone()}</bdi>
                <span class="story-highlight__details">{details}</span>
            </label>
        </li>
    }
}
