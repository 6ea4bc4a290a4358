//! The contribution journal (`/journal`, `/journal/overview`, `/journal/data`,
//! `/journal/new`, `/journal/:id/edit`): entries, the 12-month overview, export and import.

use crate::components::backup::{BackupFacts, BackupReminder, BackupState};
use crate::components::entry_card::EntryCard;
use crate::components::feed_import::FeedImport;
use crate::components::journal_form::EntryForm;
use crate::components::meta::Title;
use crate::components::print_summary::PrintSummary;
use crate::components::reminder::ReminderDownload;
use crate::components::shell::save_error_key;
use crate::domain::backup::fingerprint;
use crate::domain::bidi::isolate;
use crate::domain::journal::areas::{area, AREAS, AREAS_LAST_REVIEWED};
use crate::domain::journal::formats::{
    export_csv, export_json, markdown_summary, parse_backup, plan_import, ImportError, ImportMode,
    ImportPlan, MAX_IMPORT_BYTES,
};
use crate::domain::journal::query::{Filter, Selection, Sort};
use crate::domain::journal::stats::{calendar, rolling_window, totals};
use crate::domain::journal::validation::Draft;
use crate::domain::journal::{ActivityType, Entry, Journal};
use crate::i18n::{fill, tr, Key};
use crate::intl;
pub use crate::journal_state::{now_ms, today, use_journal, JournalState, Undo, PAGE};
use crate::state::{use_i18n, use_storage};
use crate::web;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The entries list, kept mounted by the layout once opened: leaving it for the entry form,
/// the overview or the data page hides it, and coming back shows it again with only what
/// changed updated, instead of building the whole list page again (the save's cost).
///
/// The list's code stays in its own route's chunk: its route hands the layout a pointer to
/// the function that builds it ([`JournalList`]), and the layout counts the list routes
/// mounted to know when to show it.
#[derive(Clone, Copy)]
struct KeptList {
    build: RwSignal<Option<fn() -> AnyView>>,
    shown: RwSignal<usize>,
}

/// Frame of every journal page: section links, the page, the status and Undo region.
#[component]
pub fn JournalLayout() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let storage = use_storage();
    let state = JournalState::new(storage);
    provide_context(state);
    let kept = KeptList {
        build: RwSignal::new(None),
        shown: RwSignal::new(0),
    };
    provide_context(kept);
    provide_context(JournalBackup {
        owner: Owner::current().unwrap_or_default(),
        state: StoredValue::new(None),
    });
    let undo_message = move || {
        state.undo.with(|u| {
            u.as_ref().map(|u| {
                fill(
                    i18n.t(Key::JournalDeleted),
                    &[("title", &isolate(&u.entry.title))],
                )
            })
        })
    };
    view! {
        <nav class="journal-tabs" aria-label=t(Key::JournalSectionsLabel)>
            <ul>
                <li><A href=web::app_href("/journal") exact=true>{t(Key::JournalTabEntries)}</A></li>
                <li><A href=web::app_href("/journal/overview")>{t(Key::JournalTabOverview)}</A></li>
                <li><A href=web::app_href("/journal/data")>{t(Key::JournalTabData)}</A></li>
            </ul>
        </nav>
        <Outlet/>
        <div class="journal-kept" hidden=move || kept.shown.get() == 0>
            {move || kept.build.get().map(|build| build())}
        </div>
        <div class="journal-toast" id="journal-undo" role="status" data-testid="journal-status">
            {move || undo_message().map(|message| view! {
                <p>
                    {message} " "
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            let title = state.undo.with_untracked(|u| u.as_ref().map(|u| isolate(&u.entry.title)).unwrap_or_default());
                            if let Err(error) = state.undo(storage, fill(i18n.t(Key::JournalRestored), &[("title", &title)])) {
                                state.announce(i18n.t(save_error_key(&error)).to_string());
                            }
                        }
                    >
                        {t(Key::JournalUndo)}
                    </button>
                    " "
                    <button type="button" class="button button--quiet" on:click=move |_| state.undo.set(None)>
                        {t(Key::Dismiss)}
                    </button>
                </p>
            })}
            // Set after the offer (a failed save of the deletion) or instead of it.
            {move || {
                let s = state.status.get();
                (!s.is_empty()).then(|| view! { <p>{s}</p> })
            }}
        </div>
    }
}

/// The journal's backup record and reminder, kept by the layout but made by the first page
/// that shows them (the entries or Data), so the new-entry form and the overview carry
/// none of their code. The reminder is decided then, once per visit to the journal.
#[derive(Clone)]
struct JournalBackup {
    owner: Owner,
    state: StoredValue<Option<BackupState>>,
}

/// The journal's [`BackupState`], provided to this page for its backup components.
fn journal_backup() -> BackupState {
    let slot = expect_context::<JournalBackup>();
    let backup = match slot.state.get_value() {
        Some(backup) => backup,
        None => {
            let storage = use_storage();
            let journal = use_journal().journal;
            let (print, count) = journal.with_untracked(|j| (fingerprint(j), j.len()));
            // Owned by the layout, so it outlives this page.
            let backup = slot.owner.with(|| BackupState::open(storage, print, count));
            slot.state.set_value(Some(backup));
            backup
        }
    };
    provide_context(backup);
    backup
}

/// A date as the user's language writes it in the list (ISO, unambiguous everywhere).
fn iso(d: NaiveDate) -> String {
    d.to_string()
}

/// `/journal`'s route: shows the layout's kept list (built on the first visit), and hides it
/// again when left.
#[component]
pub fn JournalList() -> impl IntoView {
    let kept = expect_context::<KeptList>();
    if kept.build.with_untracked(Option::is_none) {
        kept.build
            .set(Some(|| view! { <JournalEntries/> }.into_any()));
    }
    kept.shown.update(|n| *n += 1);
    on_cleanup(move || kept.shown.update(|n| *n = n.saturating_sub(1)));
}

/// `/journal`: its heading, the backup reminder, and either the first steps of an empty
/// journal or the entries with their search and filters ([`journal_list`]).
#[component]
fn JournalEntries() -> impl IntoView {
    journal_backup();
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    let total = Memo::new(move |_| state.journal.with(Journal::len) + state.unread.get().0);
    view! {
        <Title text=t(Key::JournalTitle)/>
        <div class="journal-head">
            <h1>{t(Key::JournalTitle)}</h1>
            <A href=web::app_href("/journal/new") attr:class="button">{t(Key::JournalAdd)}</A>
        </div>
        <p class="lead">{t(Key::JournalLead)}</p>
        <BackupReminder link="/journal/data"/>
        <Show
            when=move || { total.get() > 0 }
            fallback=move || view! {
                <section class="journal-empty" aria-labelledby="journal-empty-heading">
                    <h2 id="journal-empty-heading">{t(Key::JournalEmptyHeading)}</h2>
                    <p>{t(Key::JournalEmptyBody)}</p>
                    <ul>
                        <li>{t(Key::JournalEmptyIdea1)}</li>
                        <li>{t(Key::JournalEmptyIdea2)}</li>
                        <li>{t(Key::JournalEmptyIdea3)}</li>
                        <li>{t(Key::JournalEmptyIdea4)}</li>
                    </ul>
                    <p>{t(Key::JournalEmptyFigures)}</p>
                    <p>
                        <A href=web::app_href("/journal/new") attr:class="button">{t(Key::JournalAddFirst)}</A>
                        " "
                        <A href=web::app_href("/journal/data")>{t(Key::JournalEmptyImport)}</A>
                    </p>
                </section>
            }
        >
            <Suspense fallback=crate::components::shell::part_loading>
                {Suspend::new(async { journal_list().await })}
            </Suspense>
        </Show>
    }
}

lazy_fn! {
    /// The entries with their search, filters and sort, from a chunk of their own: a first
    /// visit, whose journal is empty, downloads none of their code. index.html downloads it
    /// with the page when a journal is saved (scripts/build/split.mjs, `/journal+list`).
    fn journal_list() -> AnyView {
        view! { <JournalFilteredList/> }.into_any()
    }
}

/// Search, filters, sort and the entry list of a journal that has entries.
#[component]
fn JournalFilteredList() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    let storage = use_storage();
    let today = today();
    let filter = state.filter;
    // Hits and type counts in one pass; a keystroke that adds to the search text looks only
    // through the previous hits.
    let selection = Memo::new(move |previous: Option<&Selection>| {
        filter.with(|f| state.journal.with(|j| f.select(j, today, previous)))
    });
    // Months not read yet count as matching while no filter is set (then none is pending).
    let unread = move || {
        if filter.with(Filter::is_active) {
            (0, [0usize; 12])
        } else {
            state.unread.get()
        }
    };
    let type_counts = Memo::new(move |_| {
        let (_, more) = unread();
        selection.with(|s| {
            s.counts
                .iter()
                .map(|(k, n)| (*k, n + more[*k as usize]))
                .collect::<Vec<_>>()
        })
    });
    let matching = Memo::new(move |_| selection.with(|s| s.hits.len()) + unread().0);
    let total = Memo::new(move |_| state.journal.with(Journal::len) + state.unread.get().0);
    let visible = Memo::new(move |_| {
        let n = state.shown.get();
        selection.with(|s| {
            state.journal.with(|j| {
                s.hits
                    .iter()
                    .take(n)
                    .filter_map(|i| j.entries().get(*i).cloned())
                    .collect::<Vec<Entry>>()
            })
        })
    });
    let set_filter = move |f: Box<dyn FnOnce(&mut Filter)>| {
        // Filters and sorting look at every entry: read the months not read yet first.
        state.ensure_all();
        filter.update(f);
        state.shown.set(PAGE);
    };
    let parse_date = |s: String| crate::domain::journal::parse_iso_date(&s);

    view! {
        <search class="journal-filters" aria-label=t(Key::JournalFiltersLabel)>
            <div class="field field--search">
                <label for="jl-search">{t(Key::JournalSearch)}</label>
                <input
                    id="jl-search"
                    type="search"
                    aria-describedby="jl-search-hint"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set_filter(Box::new(move |f| f.text = v)) }
                />
                <p class="field__hint" id="jl-search-hint">{t(Key::JournalSearchHint)}</p>
            </div>
            <div class="field">
                <label for="jl-type">{t(Key::JournalFieldType)}</label>
                // One effect per select keeps its value with the filter ("Clear filters"
                // included); its options are plain, built again with the language (and the
                // type counts), each marked `selected` as the filter stands when built.
                <select
                    id="jl-type"
                    prop:value=move || filter.with(|f| f.kind.map(ActivityType::code).unwrap_or_default())
                    on:change=move |ev| {
                        let v = ActivityType::from_code(&event_target_value(&ev));
                        set_filter(Box::new(move |f| f.kind = v))
                    }
                >
                    {move || {
                        let lang = i18n.lang.get();
                        let kind = filter.with_untracked(|f| f.kind);
                        let counts = type_counts.get();
                        view! {
                            <option value="" selected=kind.is_none()>{tr(lang, Key::JournalAllTypes)}</option>
                            {counts.into_iter().map(|(k, n)| view! {
                                <option value=k.code() selected=kind == Some(k)>
                                    {format!("{} ({n})", tr(lang, k.key()))}
                                </option>
                            }).collect_view()}
                        }
                    }}
                </select>
            </div>
            <div class="field">
                <label for="jl-area">{t(Key::JournalFilterArea)}</label>
                <select
                    id="jl-area"
                    prop:value=move || filter.with(|f| f.area.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_filter(Box::new(move |f| f.area = (!v.is_empty()).then_some(v)))
                    }
                >
                    {move || {
                        let lang = i18n.lang.get();
                        let current = filter.with_untracked(|f| f.area.clone());
                        view! {
                            <option value="" selected=current.is_none()>{tr(lang, Key::JournalAllAreas)}</option>
                            {AREAS.iter().map(|a| view! {
                                <option value=a.code selected=current.as_deref() == Some(a.code)>{tr(lang, a.key)}</option>
                            }).collect_view()}
                        }
                    }}
                </select>
            </div>
            <div class="field">
                <label for="jl-from">{t(Key::JournalFilterFrom)}</label>
                <input id="jl-from" type="date"
                    prop:value=move || filter.with(|f| f.from.map(iso).unwrap_or_default())
                    on:change=move |ev| { let v = parse_date(event_target_value(&ev)); set_filter(Box::new(move |f| f.from = v)) }/>
            </div>
            <div class="field">
                <label for="jl-to">{t(Key::JournalFilterTo)}</label>
                <input id="jl-to" type="date"
                    prop:value=move || filter.with(|f| f.to.map(iso).unwrap_or_default())
                    on:change=move |ev| { let v = parse_date(event_target_value(&ev)); set_filter(Box::new(move |f| f.to = v)) }/>
            </div>
            <div class="field">
                <label for="jl-sort">{t(Key::JournalSort)}</label>
                <select
                    id="jl-sort"
                    prop:value=move || filter.with(|f| f.sort.code())
                    on:change=move |ev| {
                        let v = Sort::from_code(&event_target_value(&ev)).unwrap_or_default();
                        set_filter(Box::new(move |f| f.sort = v))
                    }
                >
                    {move || {
                        let lang = i18n.lang.get();
                        let current = filter.with_untracked(|f| f.sort);
                        Sort::ALL.into_iter().map(|s| {
                            let key = match s { Sort::Newest => Key::JournalSortNewest, Sort::Oldest => Key::JournalSortOldest, Sort::Reach => Key::JournalSortReach };
                            view! { <option value=s.code() selected=current == s>{tr(lang, key)}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <div class="field check">
                <input id="jl-last12" type="checkbox"
                    prop:checked=move || filter.with(|f| f.last_12)
                    on:change=move |ev| { let v = event_target_checked(&ev); set_filter(Box::new(move |f| f.last_12 = v)) }/>
                <label for="jl-last12">{t(Key::JournalFilterLast12)}</label>
            </div>
            <Show when=move || filter.with(Filter::is_active)>
                <button type="button" class="button button--quiet" on:click=move |_| set_filter(Box::new(|f| *f = Filter { sort: f.sort, ..Filter::default() }))>
                    {t(Key::JournalClearFilters)}
                </button>
            </Show>
        </search>
        <p class="journal-count" role="status" data-testid="journal-count">
            {move || {
                let lang = i18n.lang.get();
                let total = total.get() as u64;
                fill(intl::plural(lang, Key::JournalCount, total), &[("shown", &intl::number(lang, matching.get() as u64)), ("total", &intl::number(lang, total))])
            }}
        </p>
        <Show when=move || matching.get() == 0>
            <div class="journal-empty">
                <p>{t(Key::JournalNoMatch)}</p>
                <button type="button" class="button" on:click=move |_| set_filter(Box::new(|f| *f = Filter { sort: f.sort, ..Filter::default() }))>
                    {t(Key::JournalClearFilters)}
                </button>
            </div>
        </Show>
        <ol class="journal-list" role="list">
            <For
                each=move || visible.get()
                key=|e: &Entry| (e.id.clone(), e.updated_ms)
                children=move |e: Entry| view! { <EntryCard entry=e i18n=i18n state=state storage=storage/> }
            />
        </ol>
        <Show when=move || { matching.get() > state.shown.get() }>
            <button type="button" class="button button--quiet journal-more" on:click=move |_| { state.ensure_all(); state.shown.update(|n| *n += PAGE) }>
                {move || fill(i18n.t(Key::JournalShowMore), &[("n", &intl::number(i18n.lang.get(), matching.get().saturating_sub(state.shown.get()).min(PAGE) as u64))])}
            </button>
        </Show>
    }
}

/// `/journal/new` (optionally `?from=<id>` to duplicate an entry).
#[component]
pub fn JournalNew() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    state.ensure_all();
    let query = use_query_map();
    // Read once: the form keeps its own draft from here on.
    let from = query.with_untracked(|q| q.get("from"));
    let source = from.and_then(|id| state.journal.with_untracked(|j| j.get(&id).cloned()));
    let duplicating = source.is_some();
    let draft = match source {
        Some(e) => Draft::from_entry(&e),
        None => Draft::blank(today()),
    };
    view! {
        <Title text=t(Key::JournalNewTitle)/>
        <h1>{move || if duplicating { i18n.t(Key::JournalDuplicateTitle) } else { i18n.t(Key::JournalNewTitle) }}</h1>
        <EntryForm initial=draft editing=None/>
    }
}

/// `/journal/:id/edit`.
#[component]
pub fn JournalEdit() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    state.ensure_all();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    // Read once, untracked: a change from another tab must not reset what is being typed.
    let entry = state.journal.with_untracked(|j| j.get(&id).cloned());
    view! {
        <Title text=t(Key::JournalEditTitle)/>
        <h1>{t(Key::JournalEditTitle)}</h1>
        {match entry {
            Some(e) => view! { <EntryForm initial=Draft::from_entry(&e) editing=Some(e)/> }.into_any(),
            None => view! {
                <p>{t(Key::JournalNotFound)}</p>
                <p><A href=web::app_href("/journal")>{t(Key::JournalBackToList)}</A></p>
            }.into_any(),
        }}
    }
}

/// `/journal/overview`: the last 12 months at a glance.
#[component]
pub fn JournalOverview() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    let today = today();
    let (start, end) = rolling_window(today);
    // The overview needs only the months that reach into the last 12.
    state.ensure_since(start.with_day(1).unwrap_or(start));
    let summary = Memo::new(move |_| state.journal.with(|j| j.activity_summary(today)));
    let months = Memo::new(move |_| state.journal.with(|j| calendar(j, today)));
    let sums = Memo::new(move |_| state.journal.with(|j| totals(j, today)));
    let peak = move || {
        months
            .with(|m| m.iter().map(|m| m.count).max().unwrap_or(0))
            .max(1)
    };
    let month_name = move |m: u32| i18n.t(MONTH_KEYS[(m as usize).saturating_sub(1) % 12]);
    view! {
        <Title text=t(Key::JournalOverviewTitle)/>
        <h1>{t(Key::JournalOverviewTitle)}</h1>
        <p class="lead">
            {move || fill(i18n.t(Key::JournalWindow), &[("from", &intl::long_date(i18n.lang.get(), start)), ("to", &intl::long_date(i18n.lang.get(), end))])}
        </p>
        <ul class="journal-stats" role="list">
            <li class="card">
                <span class="journal-stats__value" data-testid="stat-contributions">{move || intl::number(i18n.lang.get(), summary.with(|s| s.contributions_last_12) as u64)}</span>
                <span>{t(Key::JournalStatContributions)}</span>
            </li>
            <li class="card">
                <span class="journal-stats__value" data-testid="stat-months">{move || fill("{n}/{of}", &[("n", &intl::number(i18n.lang.get(), summary.with(|s| s.active_months_last_12) as u64)), ("of", &intl::number(i18n.lang.get(), 12))])}</span>
                <span>{t(Key::JournalStatMonths)}</span>
            </li>
        </ul>
        <p>{t(Key::JournalConsistencyNote)}</p>
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{t(Key::JournalCalendarHeading)}</h2>
            <div class="journal-calendar" aria-hidden="true">
                {move || months.get().into_iter().map(|m| {
                    let height = format!("{}%", m.count * 100 / peak());
                    view! {
                        <div class="journal-calendar__month" class:journal-calendar__month--empty=m.count == 0>
                            <span class="journal-calendar__count">{m.count}</span>
                            <span class="journal-calendar__bar" style:block-size=height></span>
                            <span class="journal-calendar__label">{move || month_name(m.month).chars().take(3).collect::<String>()}</span>
                        </div>
                    }
                }).collect_view()}
            </div>
            <table class="visually-hidden" data-testid="calendar-table">
                <caption>{t(Key::JournalCalendarCaption)}</caption>
                <thead><tr><th scope="col">{t(Key::JournalMonth)}</th><th scope="col">{t(Key::JournalContributions)}</th></tr></thead>
                <tbody>
                    {move || months.get().into_iter().map(|m| view! {
                        <tr><th scope="row">{move || format!("{} {}", month_name(m.month), m.year)}</th><td>{m.count}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <div class="journal-totals">
            <section aria-labelledby="by-type-heading">
                <h2 id="by-type-heading">{t(Key::JournalByType)}</h2>
                {move || totals_table(sums.with(|s| s.by_type.iter().map(|(k, n)| (i18n.t(k.key()).to_string(), intl::number(i18n.lang.get(), *n as u64))).collect()), i18n.t(Key::JournalFieldType), i18n.t(Key::JournalContributions), i18n.t(Key::JournalNothingYet))}
            </section>
            <section aria-labelledby="by-area-heading">
                <h2 id="by-area-heading">{t(Key::JournalByArea)}</h2>
                {move || totals_table(sums.with(|s| s.by_area.iter().map(|(c, n)| (area(c).map(|a| i18n.t(a.key).to_string()).unwrap_or_else(|| c.clone()), intl::number(i18n.lang.get(), *n as u64))).collect()), i18n.t(Key::JournalFilterArea), i18n.t(Key::JournalContributions), i18n.t(Key::JournalNothingYet))}
                <p class="reviewed">{move || fill(i18n.t(Key::JournalAreasReviewed), &[("date", AREAS_LAST_REVIEWED)])}</p>
            </section>
        </div>
        <PrintSummary journal=state.journal today/>
    }
}

const MONTH_KEYS: [Key; 12] = [
    Key::JournalMonth1,
    Key::JournalMonth2,
    Key::JournalMonth3,
    Key::JournalMonth4,
    Key::JournalMonth5,
    Key::JournalMonth6,
    Key::JournalMonth7,
    Key::JournalMonth8,
    Key::JournalMonth9,
    Key::JournalMonth10,
    Key::JournalMonth11,
    Key::JournalMonth12,
];

fn totals_table(
    rows: Vec<(String, String)>,
    head: &'static str,
    count: &'static str,
    empty: &'static str,
) -> AnyView {
    if rows.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <table class="journal-table">
            <thead><tr><th scope="col">{head}</th><th scope="col">{count}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, n)| view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// What the import part of `/journal/data` is showing.
#[derive(Clone, Debug, Default)]
enum ImportStep {
    #[default]
    Idle,
    Failed(ImportError),
    Preview {
        /// Shared, not copied: every part of the page that looks at the step reads it, and
        /// a plan of 5,000 entries is slow to clone.
        plan: std::sync::Arc<ImportPlan>,
        mode: ImportMode,
        confirm: bool,
    },
}

/// `/journal/data`: export (JSON, CSV, Markdown) and import of a JSON backup.
#[component]
pub fn JournalData() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    state.ensure_all();
    let storage = use_storage();
    let today = today();
    let summary_open = RwSignal::new(false);
    let summary = Memo::new(move |_| {
        state
            .journal
            .with(|j| markdown_summary(j, today, i18n.lang.get()))
    });
    let stamp = iso(today);
    let (s1, s2, s3) = (stamp.clone(), stamp.clone(), stamp.clone());
    let download_failed = RwSignal::new(false);
    let download = move |name: String, mime: &'static str, text: String| {
        download_failed.set(web::download(&name, mime, &text).is_err());
    };
    let backup = journal_backup();
    let download_backup = move || {
        let text = state.journal.with_untracked(|j| export_json(j, today));
        download(
            format!("mvp-pathway-journal-{s1}.json"),
            "application/json",
            text,
        );
        if !download_failed.get_untracked() {
            state.journal.with_untracked(|j| backup.record(storage, j));
        }
    };
    let step = RwSignal::new(ImportStep::Idle);
    let mode = RwSignal::new(ImportMode::Merge);
    let file_text: StoredValue<Option<String>, LocalStorage> = StoredValue::new_local(None);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    // Forget the chosen file, so that choosing the same file again is noticed.
    let reset = move || {
        file_text.set_value(None);
        step.set(ImportStep::Idle);
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };

    let replan = move || {
        let parsed = file_text.with_value(|t| t.as_deref().map(parse_backup));
        match parsed {
            None => step.set(ImportStep::Idle),
            Some(Err(e)) => step.set(ImportStep::Failed(e)),
            Some(Ok(entries)) => {
                let m = mode.get_untracked();
                let plan = state.journal.with_untracked(|j| plan_import(j, entries, m));
                step.set(ImportStep::Preview {
                    plan: std::sync::Arc::new(plan),
                    mode: m,
                    confirm: false,
                });
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = web::chosen_file(&ev) else {
            file_text.set_value(None);
            step.set(ImportStep::Idle);
            return;
        };
        // Checked before reading, so a huge file is never loaded into memory.
        if file.size() > MAX_IMPORT_BYTES as f64 {
            file_text.set_value(None);
            step.set(ImportStep::Failed(ImportError::TooLarge));
            return;
        }
        web::read_text(&file, move |text| match text {
            Some(text) => {
                file_text.set_value(Some(text));
                replan();
            }
            None => step.set(ImportStep::Failed(ImportError::NotJson(
                "unreadable".into(),
            ))),
        });
    };
    let run_import = move || {
        let ImportStep::Preview { plan, mode: m, .. } = step.get_untracked() else {
            return;
        };
        if m == ImportMode::Replace {
            // A copy of what is about to be replaced, downloaded before anything changes.
            let backup = state.journal.with_untracked(|j| export_json(j, today));
            if web::download(
                &format!("mvp-pathway-journal-before-replace-{}.json", iso(today)),
                "application/json",
                &backup,
            )
            .is_err()
            {
                download_failed.set(true);
                return;
            }
        }
        let (added, updated) = (plan.added.len(), plan.updated.len());
        reset();
        // The journal changes at once; the months it touches are written a few at a time.
        state.import(storage, &plan, m, move |result| {
            if let Err(error) = &result {
                // The storage banner says so at the top of the page; the person is down
                // here, at the import: say it where they are too.
                state.announce(i18n.t(save_error_key(error)).to_string());
            } else {
                state.announce(fill(
                    i18n.t(Key::JournalImported),
                    &[
                        (
                            "added",
                            &intl::number(i18n.lang.get_untracked(), added as u64),
                        ),
                        (
                            "updated",
                            &intl::number(i18n.lang.get_untracked(), updated as u64),
                        ),
                    ],
                ));
            }
        });
    };

    view! {
        <Title text=t(Key::JournalDataTitle)/>
        <h1>{t(Key::JournalDataTitle)}</h1>
        <p class="lead">{t(Key::JournalDataLead)}</p>
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{t(Key::JournalExportHeading)}</h2>
            <BackupFacts/>
            <BackupReminder/>
            <ul class="journal-exports" role="list">
                <li>
                    <button type="button" class="button" on:click=move |_| download_backup()>
                        {t(Key::JournalExportJson)}
                    </button>
                    <p class="field__hint">{t(Key::JournalExportJsonHint)}</p>
                </li>
                <li>
                    <button type="button" class="button" on:click=move |_| download(format!("mvp-pathway-journal-{s2}.csv"), "text/csv;charset=utf-8", state.journal.with_untracked(export_csv))>
                        {t(Key::JournalExportCsv)}
                    </button>
                    <p class="field__hint">{t(Key::JournalExportCsvHint)}</p>
                </li>
                <li>
                    <button type="button" class="button" on:click=move |_| download(format!("mvp-pathway-summary-{s3}.md"), "text/markdown;charset=utf-8", summary.get_untracked())>
                        {t(Key::JournalExportMarkdown)}
                    </button>
                    <p class="field__hint">{t(Key::JournalExportMarkdownHint)}</p>
                </li>
            </ul>
            <Show when=move || download_failed.get()>
                <div class="notice notice--error" role="alert"><p>{t(Key::JournalDownloadFailed)}</p></div>
            </Show>
            // Shut until asked for: the summary of a large journal is long, and the text
            // area laid it out again on every change (40 ms of an import of 5,000 entries).
            // While it is shut, the summary is not even worked out.
            <details class="journal-summary" on:toggle=move |ev| {
                let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
                summary_open.set(open);
            }>
                <summary id="jd-summary-toggle">{t(Key::JournalSummaryLabel)}</summary>
                <Show when=move || summary_open.get()>
                    <div class="field field--wide">
                        <textarea id="jd-summary" aria-labelledby="jd-summary-toggle" rows="10" readonly=true prop:value=move || summary.get()></textarea>
                    </div>
                </Show>
            </details>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{t(Key::JournalImportHeading)}</h2>
            <p>{t(Key::JournalImportLead)}</p>
            <fieldset class="field">
                <legend>{t(Key::JournalImportMode)}</legend>
                <div class="check">
                    <input type="radio" id="jd-merge" name="jd-mode" prop:checked=move || mode.get() == ImportMode::Merge
                        on:change=move |_| { mode.set(ImportMode::Merge); replan(); }/>
                    <label for="jd-merge">{t(Key::JournalImportMerge)}</label>
                </div>
                <div class="check">
                    <input type="radio" id="jd-replace" name="jd-mode" prop:checked=move || mode.get() == ImportMode::Replace
                        on:change=move |_| { mode.set(ImportMode::Replace); replan(); }/>
                    <label for="jd-replace">{t(Key::JournalImportReplace)}</label>
                </div>
            </fieldset>
            <div class="field">
                <label for="jd-file">{t(Key::JournalImportFile)}</label>
                <input id="jd-file" node_ref=file_input type="file" accept=".json,application/json" on:change=on_file
                    aria-describedby=move || step.with(|s| matches!(s, ImportStep::Failed(_))).then_some("jd-file-error")
                    aria-invalid=move || step.with(|s| matches!(s, ImportStep::Failed(_))).then_some("true")/>
                {move || step.with(|s| match s { ImportStep::Failed(e) => Some(e.key()), _ => None }).map(|key| view! {
                    <p class="field__error" id="jd-file-error" role="alert">{i18n.t(key)}</p>
                })}
            </div>
            {move || state.progress.get().map(|(done, total)| view! {
                <div class="field journal-progress" data-testid="import-progress">
                    <label for="jd-progress">{t(Key::JournalImportSaving)}</label>
                    <progress id="jd-progress" max=total value=done>{format!("{done}/{total}")}</progress>
                </div>
            })}
            {move || match step.get() {
                ImportStep::Preview { plan, mode: m, confirm } => Some(view! {
                    <ImportPreview plan=plan mode=m confirm=confirm
                        on_import=Callback::new(move |_| {
                            if m == ImportMode::Replace && !confirm {
                                step.update(|s| if let ImportStep::Preview { confirm, .. } = s { *confirm = true });
                            } else {
                                run_import();
                            }
                        })
                        on_cancel=Callback::new(move |_| reset())/>
                }),
                _ => None,
            }}
        </section>
        <FeedImport journal=state.journal add=Callback::new(move |entries: Vec<Entry>| {
            state.commit(storage, |j| entries.into_iter().for_each(|e| j.insert(e))).is_ok()
        })/>
        <ReminderDownload/>
    }
}

/// What an import will do, before it does it.
#[component]
fn ImportPreview(
    plan: std::sync::Arc<ImportPlan>,
    mode: ImportMode,
    confirm: bool,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let (added, updated, skipped, removed) = (
        plan.added.len(),
        plan.updated.len(),
        plan.skipped.len(),
        plan.removed,
    );
    let skipped_list: Vec<(String, Key)> = plan
        .skipped
        .iter()
        .take(50)
        .map(|s| (s.title.clone(), s.reason.key()))
        .collect();
    let more = skipped.saturating_sub(50);
    let count = move |key: Key, n: usize| intl::count(i18n.lang.get(), key, "n", n as u64);
    view! {
        <section class="journal-preview" aria-labelledby="preview-heading" data-testid="import-preview">
            <h3 id="preview-heading">{t(Key::JournalPreviewHeading)}</h3>
            <ul>
                <li>{move || count(Key::JournalPreviewAdded, added)}</li>
                {(mode == ImportMode::Merge).then(|| view! { <li>{move || count(Key::JournalPreviewUpdated, updated)}</li> })}
                <li>{move || count(Key::JournalPreviewSkipped, skipped)}</li>
                {(mode == ImportMode::Replace).then(|| view! { <li><strong>{move || count(Key::JournalPreviewRemoved, removed)}</strong></li> })}
            </ul>
            {(!skipped_list.is_empty()).then(|| view! {
                <details>
                    <summary>{t(Key::JournalPreviewSkippedList)}</summary>
                    <ul>
                        {skipped_list.into_iter().map(|(title, key)| view! { <li><bdi class="journal-preview__title">{title}</bdi> ": " {move || i18n.t(key)}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li>{move || fill(i18n.t(Key::JournalPreviewMore), &[("n", &intl::number(i18n.lang.get(), more as u64))])}</li> })}
                    </ul>
                </details>
            })}
            {confirm.then(|| view! {
                <div class="notice notice--warning" role="alert">
                    <p>{move || count(Key::JournalReplaceConfirm, removed)}</p>
                </div>
            })}
            <div class="form-actions">
                <button type="button" class="button" on:click=move |_| on_import.run(())>
                    {move || match (mode, confirm) {
                        (ImportMode::Merge, _) => i18n.t(Key::JournalImportGo),
                        (ImportMode::Replace, false) => i18n.t(Key::JournalReplaceGo),
                        (ImportMode::Replace, true) => i18n.t(Key::JournalReplaceYes),
                    }}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| on_cancel.run(())>{t(Key::JournalCancel)}</button>
            </div>
        </section>
    }
}
