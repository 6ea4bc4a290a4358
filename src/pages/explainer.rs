//! The eligibility explainer: intro (`/explainer`), one question per address
//! (`/explainer/q/:id`), check your answers (`/explainer/check`) and the result
//! (`/explainer/result`). The rules live in `domain::explainer`; these views only show
//! them and record answers.

use crate::components::meta::Title;
use crate::components::shell::OFFICIAL_SITE;
use crate::domain::activity::ActivitySummary;
use crate::domain::explainer::{
    evaluate, is_complete, is_on_path, next_step, path, previous, progress, question_path, resume,
    AnswerError, Answers, Finding, Kind, Outcome, QuestionId, State, Step, TECH_AREAS_REVIEWED,
};
use crate::i18n::{fill, tr, Key, Lang};
use crate::intl;
use crate::pages::not_found::NotFound;
use crate::state::{use_i18n, use_storage, AppStorage};
use crate::storage::StoredExplainer;
use crate::web;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// Loads the saved answers. Every explainer page loads them when it opens (a few bytes of
/// JSON) and saves after each change, so pages share nothing but storage.
fn load_answers(storage: AppStorage) -> Answers {
    let before = storage.recoveries.with_untracked(Vec::len);
    let answers = Answers::from(storage.load::<StoredExplainer>());
    if storage.recoveries.with_untracked(Vec::len) > before {
        // The unreadable text was copied to a backup key: replace it so it is set aside once.
        let _ = storage.save(&StoredExplainer::default());
    }
    answers
}

/// The page's answers signal, loaded from storage.
fn use_answers() -> (AppStorage, RwSignal<Answers>) {
    let storage = use_storage();
    (storage, RwSignal::new(load_answers(storage)))
}

/// Changes the answers and saves them (a failed save is reported by the storage banner).
fn change(storage: AppStorage, answers: RwSignal<Answers>, new: Answers) {
    let _ = storage.save(&StoredExplainer::from(&new));
    answers.set(new);
}

/// What the contribution journal knows, for the prefill offer: `None` until it is read.
/// The journal's storage code is its own chunk, downloaded only when a journal is saved,
/// so the explainer's first visitors (who have none) never download it.
fn journal_summary() -> Signal<Option<ActivitySummary>> {
    let storage = use_storage();
    let summary = RwSignal::new(None);
    if storage.with_store(|s| s.may_have_journal()) {
        leptos::task::spawn_local(async move {
            summary.set(Some(journal_activity(storage).await));
        });
    }
    summary.into()
}

lazy_fn! {
    /// The journal's activity of the last 12 months, from its own chunk.
    fn journal_activity(storage: AppStorage) -> ActivitySummary {
        crate::journal_state::load_whole_journal(storage)
            .activity_summary(crate::journal_state::today())
    }
}

/// What the intro shows between its text and its actions, given the storage, the answers
/// and the status line: the journal prefill offer ([`journal_offer`]) in the app.
type Offer = fn(AppStorage, RwSignal<Answers>, RwSignal<Option<String>>) -> AnyView;

/// Every `/explainer/...` address. One route for the whole explainer keeps the router
/// (generic over every route's view) small; the sub-path picks the page here.
#[component]
pub fn Explainer() -> impl IntoView {
    explainer_pages(Some(journal_offer))
}

/// The explainer widget (`/embed/explainer/...`): the same pages without the journal
/// prefill offer. A community site's frame has storage of its own, where no journal is
/// kept, and the embed generator's preview should show what such a site shows; so the
/// widget's download holds none of the offer's code.
#[component]
pub fn ExplainerWidget() -> impl IntoView {
    explainer_pages(None)
}

fn explainer_pages(offer: Option<Offer>) -> impl IntoView {
    let params = use_params_map();
    move || {
        let rest = params.with(|p| p.get("rest").unwrap_or_default());
        match rest.trim_matches('/') {
            "" => {
                preload_steps();
                view! { <ExplainerIntro offer/> }.into_any()
            }
            step => {
                let step = step.to_string();
                view! {
                    <Suspense fallback=crate::components::shell::part_loading>
                        {Suspend::new(async move { explainer_step(step).await })}
                    </Suspense>
                }
                .into_any()
            }
        }
    }
}

lazy_fn! {
    /// A step of the explainer (a question, check your answers, the result), from its own
    /// chunk: the intro, where most visits start, downloads none of their code. A step's
    /// address opened directly downloads it with the page (scripts/build/split.mjs packs
    /// it for `/explainer/q`, `/check` and `/result`); `RouteFocus` waits for its heading.
    fn explainer_step(rest: String) -> AnyView {
        match rest.as_str() {
            "check" => view! { <ExplainerCheck/> }.into_any(),
            "result" => view! { <ExplainerResult/> }.into_any(),
            other => match other.strip_prefix("q/") {
                Some(code) => view! { <ExplainerQuestion code=code.to_string()/> }.into_any(),
                None => view! { <NotFound/> }.into_any(),
            },
        }
    }
}

/// Downloads the steps' code when the browser is idle after the intro is shown, so that
/// Start or Resume opens the question at once. Quietly: a failed download is tried again,
/// and reported, when a step is opened.
fn preload_steps() {
    leptos::task::spawn_local(async {
        web::idle().await;
        web::prefetch_helper("explainer_step");
    });
}

/// The journal prefill offer of the app's explainer intro: filling answers saves them and
/// says how many were filled in the status line.
fn journal_offer(
    storage: AppStorage,
    answers: RwSignal<Answers>,
    status: RwSignal<Option<String>>,
) -> AnyView {
    let i18n = use_i18n();
    let fill_from_journal = move |summary: ActivitySummary| {
        let mut next = answers.get_untracked();
        let count = next.prefill_from_journal(&summary) as u64;
        change(storage, answers, next);
        status.set(Some(intl::count(
            i18n.lang.get_untracked(),
            Key::ExplainerPrefillDone,
            "count",
            count,
        )));
    };
    view! { <JournalPrefillOffer summary=journal_summary() on_fill=fill_from_journal/> }.into_any()
}

/// `/explainer`: what the explainer does, and start, resume or clear; `offer` is shown
/// after the text.
#[component]
fn ExplainerIntro(offer: Option<Offer>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let (storage, answers) = use_answers();
    let status = RwSignal::new(None::<String>);
    let started = move || answers.with(|a| !a.is_empty());
    let clear = move |_| {
        change(storage, answers, Answers::default());
        status.set(Some(i18n.t(Key::ExplainerCleared).to_string()));
    };
    view! {
        <Title text=t(Key::ExplainerTitle)/>
        <h1>{t(Key::ExplainerTitle)}</h1>
        <p class="lead">{t(Key::ExplainerIntroLead)}</p>
        <p>{t(Key::ExplainerIntroKinds)}</p>
        <p>{t(Key::ExplainerIntroNotSure)}</p>
        <p>{t(Key::ExplainerIntroPrivacy)}</p>
        <p class="callout">{t(Key::ExplainerIntroNoPromise)}</p>
        {offer.map(|offer| offer(storage, answers, status))}
        <p role="status" class="explainer-status">{move || status.get()}</p>
        <div class="explainer-actions">
            {move || {
                (!started())
                    .then(|| {
                        view! {
                            <a href=web::app_href(&question_path(QuestionId::Age)) class="button">
                                {t(Key::ExplainerStart)}
                            </a>
                        }
                    })
            }}
            {move || {
                started()
                    .then(|| {
                        let n = answers.with(|a| a.iter().count()) as u64;
                        let complete = answers.with(is_complete);
                        view! {
                            <p class="explainer-saved">
                                {move || intl::count(i18n.lang.get(), Key::ExplainerSavedCount, "count", n)}
                            </p>
                            <a href=web::app_href(&answers.with(resume).path()) class="button">
                                {t(Key::ExplainerResume)}
                            </a>
                            {complete
                                .then(|| {
                                    view! {
                                        <a
                                            href=web::app_href("/explainer/result")
                                            class="button button--quiet"
                                        >
                                            {t(Key::ExplainerViewResult)}
                                        </a>
                                    }
                                })}
                            <button type="button" class="button button--quiet" on:click=clear>
                                {t(Key::ExplainerClear)}
                            </button>
                        }
                    })
            }}
        </div>
    }
}

/// The prefill offer's text: "Your journal has 1 contribution from the last 12 months, in
/// 1 month. …", each count in its own plural unit phrase.
pub fn prefill_body(lang: Lang, contributions: u64, months: u64) -> String {
    fill(
        tr(lang, Key::ExplainerPrefillBody),
        &[
            (
                "contributions",
                &intl::count(lang, Key::ExplainerPrefillContributions, "n", contributions),
            ),
            (
                "months",
                &intl::count(lang, Key::ExplainerPrefillMonths, "n", months),
            ),
        ],
    )
}

/// The signals and how many of them look in place, are not there yet or are unsure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalCounts {
    pub total: u64,
    pub met: u64,
    pub not_yet: u64,
    pub not_sure: u64,
}

/// The result's summary when the requirements are met: plural by the number of signals,
/// each count after its label ("In place: 1."), so every count reads right.
pub fn signals_summary(lang: Lang, c: SignalCounts) -> String {
    fill(
        intl::plural(lang, Key::ExplainerSummarySignals, c.total),
        &[
            ("total", &intl::number(lang, c.total)),
            ("met", &intl::number(lang, c.met)),
            ("not_yet", &intl::number(lang, c.not_yet)),
            ("not_sure", &intl::number(lang, c.not_sure)),
        ],
    )
}

/// Offers to fill the activity questions from the contribution journal; hidden when the
/// journal has nothing from the last 12 months.
#[component]
pub fn JournalPrefillOffer(
    summary: Signal<Option<ActivitySummary>>,
    /// Called with the summary when the person accepts the offer.
    #[prop(into)]
    on_fill: Callback<ActivitySummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let usable = move || summary.with(|s| s.as_ref().is_some_and(|s| s.contributions_last_12 > 0));
    let fill_answers = move |_| {
        if let Some(s) = summary.get_untracked() {
            on_fill.run(s);
        }
    };
    view! {
        {move || usable().then(|| view! {
            <section class="explainer-prefill" aria-labelledby="explainer-prefill-heading">
                <h2 id="explainer-prefill-heading">{t(Key::ExplainerPrefillHeading)}</h2>
                <p>
                    {move || {
                        let (count, months) = summary.with(|s| {
                            s.as_ref().map_or((0, 0), |s| (s.contributions_last_12, s.active_months_last_12))
                        });
                        prefill_body(i18n.lang.get(), count as u64, months as u64)
                    }}
                </p>
                <button type="button" class="button" on:click=fill_answers>
                    {t(Key::ExplainerPrefillButton)}
                </button>
            </section>
        })}
    }
}

/// `/explainer/q/:id`: one question.
#[component]
pub fn ExplainerQuestion(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let storage = use_storage();
    {
        let answers = load_answers(storage);
        match QuestionId::from_code(&code) {
            Some(id) if is_on_path(&answers, id) => view! { <QuestionForm id/> }.into_any(),
            Some(_) => view! {
                <Title text=t(Key::ExplainerSkippedTitle)/>
                <h1>{t(Key::ExplainerSkippedTitle)}</h1>
                <p>{t(Key::ExplainerSkippedBody)}</p>
                <p>
                    <a href=web::app_href(&resume(&answers).path())>
                        {t(Key::ExplainerGoOn)}
                    </a>
                </p>
            }
            .into_any(),
            None => view! {
                <Title text=t(Key::ExplainerUnknownTitle)/>
                <h1>{t(Key::ExplainerUnknownTitle)}</h1>
                <p>{t(Key::ExplainerUnknownBody)}</p>
                <p><a href=web::app_href("/explainer")>{t(Key::ExplainerTitle)}</a></p>
            }
            .into_any(),
        }
    }
}

/// The form of one question: choices, help, error, back link and "Continue".
#[component]
fn QuestionForm(id: QuestionId) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let (storage, answers) = use_answers();
    let navigate = use_navigate();
    let question = id.question();
    let from_check = use_query_map().with_untracked(|q| q.get("from").as_deref() == Some("check"));
    let selected = RwSignal::new(answers.with_untracked(|a| {
        a.get(id)
            .map(|set| set.iter().map(|c| c.to_string()).collect::<Vec<String>>())
            .unwrap_or_default()
    }));
    let error = RwSignal::new(None::<AnswerError>);
    let back = if from_check {
        "/explainer/check".to_string()
    } else {
        answers
            .with_untracked(|a| previous(a, id))
            .map_or_else(|| "/explainer".to_string(), question_path)
    };
    let position = answers.with_untracked(|a| progress(a, id));
    let base = format!("explainer-{}", id.code());
    let help_id = format!("{base}-help");
    let error_id = format!("{base}-error");
    let note_id = format!("{base}-note");
    let described = {
        let mut ids = vec![help_id.clone()];
        if id == QuestionId::Area {
            ids.push(note_id.clone());
        }
        let error_id = error_id.clone();
        move || {
            let mut ids = ids.clone();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let toggle = move |code: &'static str, exclusive: bool, on: bool| {
        error.set(None);
        selected.update(|s| {
            if !question.multiple {
                *s = vec![code.to_string()];
                return;
            }
            s.retain(|c| c != code);
            if on {
                if exclusive {
                    s.clear();
                } else {
                    s.retain(|c| question.choice(c).is_some_and(|ch| !ch.exclusive));
                }
                s.push(code.to_string());
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = answers.get_untracked();
        let chosen = selected.get_untracked();
        if let Err(e) = next.set(id, chosen.iter().map(String::as_str)) {
            error.set(Some(e));
            return;
        }
        change(storage, answers, next.clone());
        let target = match (from_check, resume(&next)) {
            (true, Step::Check) => Step::Check.path(),
            (true, step) => format!("{}?from=check", step.path()),
            (false, _) => next_step(&next, id).path(),
        };
        navigate(&web::widget_path(&target), Default::default());
    };
    let input_type = if question.multiple {
        "checkbox"
    } else {
        "radio"
    };
    let first_exclusive = question.choices.iter().position(|c| c.exclusive);
    let choices = question
        .choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let code = choice.code;
            let input_id = format!("{base}-{code}");
            let error_id = error_id.clone();
            let divider = (question.multiple && Some(i) == first_exclusive && i > 0).then(|| {
                view! { <p class="explainer-or">{t(Key::ExplainerOr)}</p> }
            });
            view! {
                {divider}
                <div class="explainer-choice">
                    <input
                        type=input_type
                        id=input_id.clone()
                        // One group name for every question: a page reused for the next
                        // question must not move a checked radio into another group.
                        name="answer"
                        value=code
                        prop:checked=move || selected.with(|s| s.iter().any(|c| c == code))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                        on:change=move |ev| toggle(code, choice.exclusive, event_target_checked(&ev))
                    />
                    <label for=input_id>{t(choice.label)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=t(question.text)/>
        <p class="explainer-back">
            <a href=web::app_href(&back) class="back-link">{t(Key::ExplainerBack)}</a>
        </p>
        {position.map(|(n, total)| {
            view! {
                <p class="explainer-progress">
                    {move || match total {
                        Some(total) => fill(
                            i18n.t(Key::ExplainerProgress),
                            &[("n", &n.to_string()), ("total", &total.to_string())],
                        ),
                        None => fill(i18n.t(Key::ExplainerProgressOpen), &[("n", &n.to_string())]),
                    }}
                </p>
            }
        })}
        <form class="explainer-form" on:submit=submit novalidate>
            <fieldset
                class="explainer-fieldset"
                class:explainer-fieldset--error=move || error.with(Option::is_some)
                aria-describedby=described
            >
                <legend><h1>{t(question.text)}</h1></legend>
                <p class="explainer-help" id=help_id>{t(question.help)}</p>
                {(id == QuestionId::Area).then(|| {
                    let (y, m, d) = TECH_AREAS_REVIEWED;
                    view! {
                        <p class="reviewed" id=note_id data-reviewed=format!("{y}-{m:02}-{d:02}")>
                            {t(Key::ExplainerAreasNote)}
                        </p>
                    }
                })}
                <p class="explainer-error" id=error_id.clone() role="alert">
                    {move || error.get().map(|e| i18n.t(e.message(question)))}
                </p>
                <div class="explainer-choices">{choices}</div>
            </fieldset>
            <button type="submit" class="button">{t(Key::ExplainerContinue)}</button>
        </form>
    }
}

/// `/explainer/check`: every answer on the path, each with a change link.
#[component]
pub fn ExplainerCheck() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let (_, answers) = use_answers();
    let rows = {
        answers.with_untracked(|a| {
            path(a)
                .into_iter()
                .map(|id| {
                    let question = id.question();
                    let labels: Vec<Key> = a
                        .get(id)
                        .map(|set| {
                            question
                                .choices
                                .iter()
                                .filter(|c| set.contains(c.code))
                                .map(|c| c.label)
                                .collect()
                        })
                        .unwrap_or_default();
                    let answer = if labels.is_empty() {
                        view! { <span class="explainer-muted">{t(Key::ExplainerNotAnswered)}</span> }
                            .into_any()
                    } else {
                        view! {
                            <ul class="explainer-answer-list">
                                {labels.into_iter().map(|k| view! { <li>{t(k)}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    };
                    let href = web::app_href(&format!("{}?from=check", question_path(id)));
                    view! {
                        <div class="summary-row" data-question=id.code()>
                            <dt>{t(question.text)}</dt>
                            <dd>{answer}</dd>
                            <dd class="summary-row__action">
                                <a href=href>
                                    {t(Key::ExplainerChange)}
                                    <span class="explainer-vh">
                                        " "
                                        {move || fill(
                                            i18n.t(Key::ExplainerChangeHidden),
                                            &[("question", i18n.t(question.text))],
                                        )}
                                    </span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Title text=t(Key::ExplainerCheckTitle)/>
        <p class="explainer-back">
            <a
                href=move || {
                    let last = answers.with(|a| path(a).last().copied()).unwrap_or(QuestionId::Age);
                    web::app_href(&question_path(last))
                }
                class="back-link"
            >
                {t(Key::ExplainerBack)}
            </a>
        </p>
        <h1>{t(Key::ExplainerCheckTitle)}</h1>
        <p>{t(Key::ExplainerCheckLead)}</p>
        <dl class="summary-list">{rows}</dl>
        {if answers.with_untracked(is_complete) {
            view! {
                <p>
                    <a href=web::app_href("/explainer/result") class="button">
                        {t(Key::ExplainerSeeResult)}
                    </a>
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="notice notice--info">{t(Key::ExplainerIncomplete)}</p>
                <p>
                    <a href=web::app_href(&answers.with_untracked(resume).path()) class="button">
                        {t(Key::ExplainerContinueAnswering)}
                    </a>
                </p>
            }
            .into_any()
        }}
    }
}

/// `/explainer/result`: the summary and one card per criterion.
#[component]
pub fn ExplainerResult() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let (storage, answers) = use_answers();
    let navigate = use_navigate();
    let evaluation = answers.with_untracked(evaluate);
    let signal_count = evaluation.of_kind(Kind::Signal).len();
    let outcome = evaluation.outcome;
    let summary = move || match outcome {
        Outcome::NotPossibleNow => i18n.t(Key::ExplainerSummaryNotPossible).to_string(),
        Outcome::CheckRequirements => i18n.t(Key::ExplainerSummaryCheckRequirements).to_string(),
        Outcome::Signals {
            met,
            not_yet,
            not_sure,
        } => {
            let counts = SignalCounts {
                total: signal_count as u64,
                met: met as u64,
                not_yet: not_yet as u64,
                not_sure: not_sure as u64,
            };
            signals_summary(i18n.lang.get(), counts)
        }
    };
    let cards = move |kind: Kind| {
        evaluation
            .of_kind(kind)
            .into_iter()
            .map(|finding| view! { <ResultCard finding/> })
            .collect_view()
    };
    let start_over = move |_| {
        change(storage, answers, Answers::default());
        navigate(
            &web::widget_path(&question_path(QuestionId::Age)),
            Default::default(),
        );
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <Title text=t(Key::ExplainerResultTitle)/>
        <h1>{t(Key::ExplainerResultTitle)}</h1>
        {(!answers.with_untracked(is_complete))
            .then(|| {
                view! {
                    <div class="notice notice--info">
                        <p>{t(Key::ExplainerIncomplete)}</p>
                        <p>
                            <a href=web::app_href(&answers.with_untracked(resume).path())>
                                {t(Key::ExplainerContinueAnswering)}
                            </a>
                        </p>
                    </div>
                }
            })}
        <section class="explainer-summary" aria-labelledby="explainer-summary-heading">
            <h2 id="explainer-summary-heading">{t(Key::ExplainerSummaryHeading)}</h2>
            <p data-testid="explainer-summary">{summary}</p>
            <p>{t(Key::ExplainerSummaryNoBenchmark)}</p>
        </section>
        <section aria-labelledby="explainer-requirements-heading">
            <h2 id="explainer-requirements-heading">{t(Key::ExplainerResultRequirements)}</h2>
            <p>{t(Key::ExplainerResultRequirementsIntro)}</p>
            <ul class="explainer-cards" role="list">{cards(Kind::Requirement)}</ul>
        </section>
        <section aria-labelledby="explainer-signals-heading">
            <h2 id="explainer-signals-heading">{t(Key::ExplainerResultSignals)}</h2>
            <p>{t(Key::ExplainerResultSignalsIntro)}</p>
            <ul class="explainer-cards" role="list">{cards(Kind::Signal)}</ul>
        </section>
        <p class="reviewed">{t(Key::ExplainerReviewed)}</p>
        <div class="explainer-actions explainer-no-print">
            <a href=web::app_href("/explainer/check") class="button button--quiet">
                {t(Key::ExplainerChangeAnswers)}
            </a>
            <button type="button" class="button button--quiet" on:click=print>
                {t(Key::ExplainerPrint)}
            </button>
            <button type="button" class="button" on:click=start_over>
                {t(Key::ExplainerStartOver)}
            </button>
        </div>
    }
}

/// One criterion of the result: state, explanation, why, source and next step.
#[component]
fn ResultCard(finding: Finding) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let criterion = finding.criterion();
    let mark = match finding.state {
        State::Met => "✓",
        State::NotYet => "✗",
        State::NotSure => "?",
        State::DoesNotApply => "–",
    };
    let next = match criterion.next_to.app_path() {
        Some(path) => view! { <a href=web::app_href(path)>{t(criterion.next)}</a> }.into_any(),
        None => view! { <a href=OFFICIAL_SITE rel="noopener">{t(criterion.next)}</a> }.into_any(),
    };
    view! {
        <li
            class=format!("explainer-card explainer-card--{}", finding.state.code())
            data-criterion=format!("{:?}", finding.id).to_ascii_lowercase()
            data-state=finding.state.code()
        >
            <h3>{t(criterion.title)}</h3>
            <p class="explainer-card__state">
                <span aria-hidden="true">{mark}</span>
                " "
                {t(finding.state_label())}
            </p>
            <p>{t(finding.explanation)}</p>
            <p>
                <strong>{t(Key::ExplainerWhy)}</strong>
                " "
                {t(criterion.why)}
            </p>
            <p class="explainer-card__source">
                {t(Key::ExplainerSource)}
                " "
                {t(criterion.source.label())}
                " · "
                <a href=OFFICIAL_SITE rel="noopener">{t(Key::ExplainerSourceLink)}</a>
            </p>
            <p class="explainer-card__next">
                <strong>{t(Key::ExplainerNext)}</strong>
                " "
                {next}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(n: u64) -> String {
        format!("\u{2068}{n}\u{2069}")
    }

    #[test]
    fn prefill_body_agrees_with_each_count() {
        let en = |c, m| prefill_body(Lang::En, c, m);
        assert!(en(1, 1)
            .starts_with("Your journal has 1 contribution from the last 12 months, in 1 month. "));
        assert!(en(3, 3).starts_with(
            "Your journal has 3 contributions from the last 12 months, in 3 different months. "
        ));
        assert!(en(100, 11).starts_with(
            "Your journal has 100 contributions from the last 12 months, in 11 different months. "
        ));
        assert!(en(0, 0).starts_with(
            "Your journal has 0 contributions from the last 12 months, in 0 different months. "
        ));
        assert!(prefill_body(Lang::De, 1, 1)
            .starts_with("Ihr Journal enthält 1 Beitrag aus den letzten 12 Monaten, in 1 Monat. "));
        let ar = |c, m| prefill_body(Lang::Ar, c, m);
        assert!(ar(1, 1).starts_with("يحتوي سجلك على مساهمة واحدة من آخر 12 شهرا، في شهر واحد. "));
        assert!(ar(2, 2).starts_with("يحتوي سجلك على مساهمتين من آخر 12 شهرا، في شهرين مختلفين. "));
        assert!(ar(3, 11).starts_with(&format!(
            "يحتوي سجلك على {} مساهمات من آخر 12 شهرا، في {} شهرا مختلفا. ",
            n(3),
            n(11)
        )));
        assert!(ar(100, 3).starts_with(&format!(
            "يحتوي سجلك على {} مساهمة من آخر 12 شهرا، في {} أشهر مختلفة. ",
            n(100),
            n(3)
        )));
    }

    #[test]
    fn signals_summary_reads_for_zero_one_and_more() {
        let counts = |total, met, not_yet, not_sure| SignalCounts {
            total,
            met,
            not_yet,
            not_sure,
        };
        assert_eq!(
            signals_summary(Lang::En, counts(9, 9, 0, 0)),
            "You meet the requirements. Reviewers weigh 9 things. In place: 9. Not there yet: 0. Not sure: 0."
        );
        assert_eq!(
            signals_summary(Lang::En, counts(1, 0, 1, 0)),
            "You meet the requirements. Reviewers weigh 1 thing. In place: 0. Not there yet: 1. Not sure: 0."
        );
        assert_eq!(
            signals_summary(Lang::En, counts(100, 2, 3, 11)),
            "You meet the requirements. Reviewers weigh 100 things. In place: 2. Not there yet: 3. Not sure: 11."
        );
        assert_eq!(
            signals_summary(Lang::Ar, counts(9, 2, 0, 1)),
            format!(
                "أنت تستوفي الشروط. الجوانب التي يزنها المراجعون: {}. ما يبدو متوفرا: {}. ما لم يتوفر بعد: {}. ما لست متأكدا منه: {}.",
                n(9), n(2), n(0), n(1)
            )
        );
    }
}
