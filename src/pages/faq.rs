//! FAQ page (`/faq`, one anchor per question: `/faq#<id>`): instant search with
//! highlighted matches, a copy-link button per question, and deep links that open and
//! scroll to their answer.

use crate::components::meta::Title;
use crate::components::rendered_html::RenderedHtml;
use crate::components::shell::OFFICIAL_SITE;
use crate::content::faq::{by_topic, entries, entry_matches, is_ready, FaqEntry, SourceLink};
use crate::domain::faq::{excerpt, highlight, parse_iso_date, query_terms, Segment};
use crate::i18n::{fill, tr, Key, Lang};
use crate::intl;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The search query's words, folded for matching.
type Terms = Memo<Vec<Vec<char>>>;

/// The frequently asked questions, grouped by topic.
#[component]
pub fn Faq() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let query = RwSignal::new(String::new());
    let terms: Terms = Memo::new(move |_| query.with(|q| query_terms(q)));
    let copied = RwSignal::new(None::<Result<String, String>>);
    let (loaded, load_error) = use_faq_file(i18n.lang);
    let count = Memo::new(move |_| {
        loaded.track();
        terms.with(|terms| {
            entries(i18n.lang.get())
                .iter()
                .filter(|e| entry_matches(e, terms))
                .count()
        })
    });
    let status = move || {
        let lang = i18n.lang.get();
        let n = count.get() as u64;
        let q = query.with(|q| q.trim().to_string());
        let key = match (terms.with(Vec::is_empty), n) {
            (true, _) => Key::FaqCountAll,
            (false, 0) => Key::FaqNoResults,
            _ => Key::FaqCountMatches,
        };
        fill(
            intl::plural(lang, key, n),
            &[("count", &intl::number(lang, n)), ("query", &q)],
        )
    };

    // Opening /faq#<id> (on load or by an in-app link) opens that answer and scrolls to it.
    // A fragment is handled once, as soon as the language's answers are loaded: a later
    // load (another language) must not clear what the reader has typed.
    let location = use_location();
    let handled = StoredValue::new(None::<String>);
    let last_load = StoredValue::new(0u32);
    Effect::watch(
        move || (location.hash.get(), loaded.get()),
        move |(hash, version), _, _| {
            if !is_ready(i18n.lang.get_untracked()) {
                return;
            }
            // Woken by a file arriving rather than by a navigation: only a fragment not
            // yet handled is acted on.
            let from_load = last_load.with_value(|v| v != version);
            last_load.set_value(*version);
            if from_load && handled.with_value(|h| h.as_deref() == Some(hash.as_str())) {
                return;
            }
            handled.set_value(Some(hash.clone()));
            let id = hash.trim_start_matches('#').to_string();
            if id.is_empty() {
                return;
            }
            if !query.with_untracked(String::is_empty) {
                query.set(String::new());
            }
            // After the list has rendered and after the route's own focus handling.
            request_animation_frame(move || request_animation_frame(move || open_answer(&id)));
        },
        true,
    );

    let search_input = NodeRef::<leptos::html::Input>::new();
    let suggest = move |word: String| {
        query.set(word);
        if let Some(input) = search_input.get_untracked() {
            let _ = input.focus();
        }
    };

    view! {
        <Title text=t(Key::FaqTitle)/>
        <h1>{t(Key::FaqTitle)}</h1>
        <div class="notice notice--info unofficial-notice" data-testid="unofficial-notice">
            <p>
                {t(Key::FaqUnofficial)} " "
                <a href=OFFICIAL_SITE rel="noopener">{t(Key::FaqOfficialLink)}</a>
            </p>
        </div>
        <p class="lead">{t(Key::FaqLead)}</p>
        <search class="faq-search">
            <label for="faq-search" class="faq-search__label">{t(Key::FaqSearchLabel)}</label>
            <input
                id="faq-search"
                type="search"
                autocomplete="off"
                aria-describedby="faq-search-hint faq-status"
                node_ref=search_input
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        query.set(String::new());
                    }
                }
            />
            <p id="faq-search-hint" class="faq-search__hint">{t(Key::FaqSearchHint)}</p>
            <p id="faq-status" class="faq-status" role="status">{status}</p>
        </search>
        {move || {
            load_error
                .get()
                .map(|reason| {
                    view! {
                        <div class="notice notice--error" role="alert" data-testid="faq-load-error">
                            <p>{fill(i18n.t(Key::FaqLoadFailed), &[("reason", &reason)])}</p>
                            <button type="button" class="button" on:click=|_| web::reload()>
                                {i18n.t(Key::Reload)}
                            </button>
                        </div>
                    }
                })
        }}
        <Show when=move || { loaded.track(); !is_ready(i18n.lang.get()) && load_error.with(Option::is_none) }>
            <p class="faq-loading" role="status">{t(Key::FaqLoading)}</p>
        </Show>
        <Show when=move || { loaded.track(); count.get() == 0 && is_ready(i18n.lang.get()) }>
            <div class="faq-empty" data-testid="faq-empty">
                <p>{t(Key::FaqNoResultsHint)}</p>
                <ul class="faq-suggestions" role="list">
                    {move || {
                        i18n.t(Key::FaqSuggestions)
                            .split('|')
                            .map(|word| {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="button button--quiet"
                                            on:click=move |_| suggest(word.to_string())
                                        >
                                            {word}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <button type="button" class="button" on:click=move |_| suggest(String::new())>
                    {t(Key::FaqClear)}
                </button>
            </div>
        </Show>
        {move || {
            // The whole list is rebuilt when the language changes, so the items below
            // take plain texts of `lang` (fewer reactive closures, a smaller Wasm).
            loaded.track();
            let lang = i18n.lang.get();
            by_topic(lang)
                .into_iter()
                .map(|(topic, list)| view! { <TopicSection topic list terms copied lang/> })
                .collect_view()
        }}
        <p class="faq-copy-status" role="status" data-testid="copy-status">
            {move || {
                copied
                    .get()
                    .map(|result| match result {
                        Ok(url) => fill(i18n.t(Key::FaqLinkCopied), &[("url", &url)]),
                        Err(url) => fill(i18n.t(Key::FaqCopyFailed), &[("url", &url)]),
                    })
            }}
        </p>
    }
}

fn topic_key(topic: &str) -> Key {
    match topic {
        "program" => Key::FaqTopicProgram,
        "eligibility" => Key::FaqTopicEligibility,
        "contributions" => Key::FaqTopicContributions,
        "nomination" => Key::FaqTopicNomination,
        "award" => Key::FaqTopicAward,
        "related" => Key::FaqTopicRelated,
        _ => Key::FaqTopicApp,
    }
}

/// One topic's heading and questions; hidden while no question in it matches the search.
#[component]
fn TopicSection(
    topic: &'static str,
    list: Vec<&'static FaqEntry>,
    terms: Terms,
    copied: RwSignal<Option<Result<String, String>>>,
    lang: Lang,
) -> AnyView {
    let heading_id = format!("topic-{topic}");
    let labelled_by = heading_id.clone();
    let any_visible = {
        let list = list.clone();
        Memo::new(move |_| terms.with(|t| list.iter().any(|e| entry_matches(e, t))))
    };
    view! {
        <section class="faq-topic" aria-labelledby=labelled_by hidden=move || !any_visible.get()>
            <h2 id=heading_id>{tr(lang, topic_key(topic))}</h2>
            {list.into_iter().map(|entry| view! { <FaqItem entry terms copied lang/> }).collect_view()}
        </section>
    }
    .into_any()
}

/// Text with its search matches wrapped in `<mark>` elements (built as nodes, never HTML).
fn marked(segments: Vec<Segment<'_>>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            let text = s.text.to_string();
            if s.matched {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}

/// One question: a disclosure with the answer, its sources, review date and a copy-link button.
#[component]
fn FaqItem(
    entry: &'static FaqEntry,
    terms: Terms,
    copied: RwSignal<Option<Result<String, String>>>,
    lang: Lang,
) -> AnyView {
    let visible = Memo::new(move |_| terms.with(|t| entry_matches(entry, t)));
    let question = move || terms.with(|t| marked(highlight(entry.question, t)));
    // Where the answer (not the question) matched, a highlighted excerpt shows why.
    let answer_excerpt = move || {
        terms.with(|t| {
            if t.is_empty() {
                return None;
            }
            excerpt(entry.answer_text, t, 120).map(|text| {
                let segments: Vec<Segment<'_>> = highlight(&text, t);
                view! { <span class="faq-excerpt">{marked(segments)}</span> }
            })
        })
    };
    let reviewed = {
        let date = parse_iso_date(entry.reviewed)
            .and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d))
            .map(|date| intl::long_date(lang, date))
            .unwrap_or_else(|| entry.reviewed.to_string());
        fill(tr(lang, Key::FaqReviewed), &[("date", &date)])
    };
    let copy = move |_| {
        let url = absolute_link(entry.id);
        copy_to_clipboard(url, copied);
    };
    // An answer not yet translated is the English one, marked and announced as English.
    let fallback_lang = entry.fallback.then_some("en");
    view! {
        <details class="faq-item" id=entry.id hidden=move || !visible.get() lang=fallback_lang>
            <summary>
                <span class="faq-question">{question}</span>
                {answer_excerpt}
                {entry.fallback.then(|| view! {
                    <span class="faq-untranslated" lang=lang.code()>{tr(lang, Key::FaqNotTranslated)}</span>
                })}
            </summary>
            <RenderedHtml class="faq-answer" html=entry.answer_html().into_owned()/>
            <div class="faq-meta">
                <p class="faq-sources">
                    {tr(lang, Key::FaqSources)} " "
                    {entry
                        .sources
                        .iter()
                        .enumerate()
                        .map(|(i, source)| view! { {(i > 0).then_some("; ")} {source_link(source)} })
                        .collect_view()}
                </p>
                <p class="faq-sources">
                    {tr(lang, Key::FaqOfficialCheck)} " "
                    <a href=OFFICIAL_SITE rel="noopener">"mvp.microsoft.com"</a>
                </p>
                <p class="reviewed">{reviewed}</p>
                <button type="button" class="button button--quiet faq-copy" on:click=copy>
                    {tr(lang, Key::FaqCopyLink)}
                </button>
            </div>
        </details>
    }
    .into_any()
}

/// A source as a link: another site's page opens without telling it where the reader came
/// from; a page of this app goes through the base path the site is served under.
fn source_link(source: &'static SourceLink) -> AnyView {
    if source.is_app_path() {
        view! { <a href=web::app_href(source.url)>{source.name}</a> }.into_any()
    } else {
        view! { <a href=source.url rel="noopener noreferrer">{source.name}</a> }.into_any()
    }
}

/// Loads the FAQ file of the current language when it is not there yet. Returns a
/// counter that changes when a file has been installed, and the last failure.
fn use_faq_file(lang: RwSignal<Lang>) -> (RwSignal<u32>, RwSignal<Option<String>>) {
    let loaded = RwSignal::new(0u32);
    let error = RwSignal::new(None::<String>);
    Effect::watch(
        move || lang.get(),
        move |lang, _, _| {
            let lang = *lang;
            if is_ready(lang) {
                return;
            }
            leptos::task::spawn_local(async move {
                let url = web::pkg_url(&format!("text/faq-{}.json", lang.code()));
                // The loader in index.html started the request when the page opened was
                // the FAQ, in the reader's language.
                let result = web::prefetched_text_or_fetch(lang.code(), "faq", &url)
                    .await
                    .and_then(|text| crate::content::faq::install(lang, &text));
                match result {
                    Ok(()) => {
                        error.set(None);
                        loaded.update(|n| *n += 1);
                    }
                    Err(reason) => error.set(Some(reason)),
                }
            });
        },
        true,
    );
    (loaded, error)
}

/// The full address of a question, including any sub-path the site is served under.
fn absolute_link(id: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}#{id}", web::app_href("/faq"))
}

/// Writes `url` to the clipboard and reports the outcome in `copied`.
fn copy_to_clipboard(url: String, copied: RwSignal<Option<Result<String, String>>>) {
    leptos::task::spawn_local(async move {
        let outcome = crate::web::copy_text(&url).await;
        copied.set(Some(outcome.map(|()| url.clone()).map_err(|_| url)));
    });
}

/// Opens the answer with this id, scrolls it into view and focuses its question.
fn open_answer(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(details) = document.get_element_by_id(id) else {
        return;
    };
    if !details.class_list().contains("faq-item") {
        return;
    }
    let _ = details.set_attribute("open", "");
    if let Ok(Some(summary)) = details.query_selector("summary") {
        if let Some(summary) = summary.dyn_ref::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
    }
    details.scroll_into_view();
}
