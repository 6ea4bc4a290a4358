//! The contribution journal (`/journal`, `/journal/overview`, `/journal/data`,
//! `/journal/new`, `/journal/:id/edit`): entries, the 12-month overview, export and import.

use crate::components::feed_import::FeedImport;
use crate::components::journal_form::EntryForm;
use crate::components::print_summary::PrintSummary;
use crate::components::reminder::ReminderDownload;
use crate::domain::journal::areas::{area, AREAS, AREAS_LAST_REVIEWED};
use crate::domain::journal::formats::{
    apply_import, export_csv, export_json, format_count, markdown_summary, parse_backup,
    plan_import, ImportError, ImportMode, ImportPlan, MAX_IMPORT_BYTES,
};
use crate::domain::journal::query::{Filter, SearchIndex, Sort};
use crate::domain::journal::stats::{calendar, local_date, rolling_window, totals};
use crate::domain::journal::validation::Draft;
use crate::domain::journal::{ActivityType, Entry, Journal};
use crate::domain::markdown::render_markdown;
use crate::i18n::{fill, Key};
use crate::state::{use_i18n, use_storage, AppStorage};
use crate::storage::{StorageError, StoredJournal};
use crate::sync::sync_from_other_tabs;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_params_map, use_query_map};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Entries shown at first, and added by each "Show more".
const PAGE: usize = 25;
/// How long the Undo offer stays (it stays longer while it has keyboard focus).
const UNDO_MS: u64 = 15_000;

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date where the user is.
pub fn today() -> NaiveDate {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    local_date(now_ms(), offset).unwrap_or_default()
}

/// An entry that was just deleted and can be brought back.
#[derive(Clone, Debug)]
pub struct Undo {
    pub entry: Entry,
    generation: u64,
}

/// State shared by the journal's pages.
#[derive(Clone, Copy)]
pub struct JournalState {
    pub journal: RwSignal<Journal>,
    pub index: Memo<SearchIndex>,
    pub filter: RwSignal<Filter>,
    pub shown: RwSignal<usize>,
    pub undo: RwSignal<Option<Undo>>,
    /// The latest message for the status region ("Saved ...").
    pub status: RwSignal<String>,
    generation: StoredValue<u64>,
}

impl JournalState {
    /// Loads the journal and keeps it in step with other tabs.
    fn new(storage: AppStorage) -> Self {
        let journal = RwSignal::new(Journal::from(storage.load::<StoredJournal>()));
        sync_from_other_tabs::<StoredJournal, _>(journal, Journal::from);
        JournalState {
            journal,
            index: Memo::new(move |_| journal.with(SearchIndex::new)),
            filter: RwSignal::new(Filter::default()),
            shown: RwSignal::new(PAGE),
            undo: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            generation: StoredValue::new(0),
        }
    }

    /// Changes the journal and saves it; a failed save is shown by the storage banner,
    /// and the change stays on screen.
    pub fn commit(
        &self,
        storage: AppStorage,
        change: impl FnOnce(&mut Journal),
    ) -> Result<(), StorageError> {
        self.journal.update(change);
        self.journal
            .with_untracked(|j| storage.save(&StoredJournal::from(j)))
    }

    /// Puts `message` in the status region.
    pub fn announce(&self, message: String) {
        self.status.set(message);
    }

    /// Deletes an entry and offers to undo it for at least [`UNDO_MS`].
    pub fn delete(&self, storage: AppStorage, id: &str) {
        let mut removed = None;
        let _ = self.commit(storage, |j| removed = j.remove(id));
        let Some(entry) = removed else { return };
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.status.set(String::new());
        self.undo.set(Some(Undo { entry, generation }));
        self.expire_undo_later(generation);
        // The Delete button is gone: keyboard focus goes to the Undo offer.
        request_animation_frame(|| {
            let button = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("#journal-undo button").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
        });
    }

    fn expire_undo_later(&self, generation: u64) {
        let state = *self;
        set_timeout(
            move || {
                if state.undo.is_disposed() {
                    return;
                }
                let current = state
                    .undo
                    .with_untracked(|u| u.as_ref().map(|u| u.generation));
                if current != Some(generation) {
                    return;
                }
                if focus_in("journal-undo") {
                    state.expire_undo_later(generation);
                } else {
                    state.undo.set(None);
                }
            },
            Duration::from_millis(UNDO_MS),
        );
    }

    /// Puts the deleted entry back.
    pub fn undo(&self, storage: AppStorage, message: String) {
        if let Some(undo) = self.undo.get_untracked() {
            let _ = self.commit(storage, |j| j.insert(undo.entry));
            self.undo.set(None);
            self.status.set(message);
            web::focus_main_heading();
        }
    }
}

fn focus_in(id: &str) -> bool {
    let doc = web_sys::window().and_then(|w| w.document());
    let (Some(active), Some(region)) = (
        doc.as_ref().and_then(|d| d.active_element()),
        doc.as_ref().and_then(|d| d.get_element_by_id(id)),
    ) else {
        return false;
    };
    region.contains(Some(active.unchecked_ref()))
}

/// The journal's state (inside `/journal` routes).
pub fn use_journal() -> JournalState {
    expect_context::<JournalState>()
}

/// Frame of every journal page: section links, the page, the status and Undo region.
#[component]
pub fn JournalLayout() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let storage = use_storage();
    let state = JournalState::new(storage);
    provide_context(state);
    let undo_message = move || {
        state.undo.with(|u| {
            u.as_ref()
                .map(|u| fill(i18n.t(Key::JournalDeleted), &[("title", &u.entry.title)]))
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
        <div class="journal-toast" id="journal-undo" role="status" data-testid="journal-status">
            {move || undo_message().map(|message| view! {
                <p>
                    {message} " "
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| state.undo(storage, fill(i18n.t(Key::JournalRestored), &[("title", &state.undo.with_untracked(|u| u.as_ref().map(|u| u.entry.title.clone()).unwrap_or_default()))]))
                    >
                        {t(Key::JournalUndo)}
                    </button>
                    " "
                    <button type="button" class="button button--quiet" on:click=move |_| state.undo.set(None)>
                        {t(Key::Dismiss)}
                    </button>
                </p>
            })}
            {move || {
                let s = state.status.get();
                (!s.is_empty() && state.undo.with(Option::is_none)).then(|| view! { <p>{s}</p> })
            }}
        </div>
    }
}

/// A date as the user's language writes it in the list (ISO, unambiguous everywhere).
fn iso(d: NaiveDate) -> String {
    d.to_string()
}

/// `/journal`: search, filters, sort and the entry list.
#[component]
pub fn JournalEntries() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    let storage = use_storage();
    let today = today();
    let filter = state.filter;
    let hits = Memo::new(move |_| {
        state.journal.with(|j| {
            state
                .index
                .with(|index| filter.with(|f| f.apply(j, index, today)))
        })
    });
    let type_counts = Memo::new(move |_| {
        state.journal.with(|j| {
            state
                .index
                .with(|index| filter.with(|f| f.counts_by_type(j, index, today)))
        })
    });
    let total = Memo::new(move |_| state.journal.with(Journal::len));
    let visible = Memo::new(move |_| {
        let n = state.shown.get();
        hits.with(|h| {
            state.journal.with(|j| {
                h.iter()
                    .take(n)
                    .filter_map(|i| j.entries().get(*i).cloned())
                    .collect::<Vec<Entry>>()
            })
        })
    });
    let set_filter = move |f: Box<dyn FnOnce(&mut Filter)>| {
        filter.update(f);
        state.shown.set(PAGE);
    };
    let parse_date = |s: String| crate::domain::journal::parse_iso_date(&s);

    view! {
        <Title text=t(Key::JournalTitle)/>
        <div class="journal-head">
            <h1>{t(Key::JournalTitle)}</h1>
            <A href=web::app_href("/journal/new") attr:class="button">{t(Key::JournalAdd)}</A>
        </div>
        <p class="lead">{t(Key::JournalLead)}</p>
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
                    <select id="jl-type" on:change=move |ev| {
                        let v = ActivityType::from_code(&event_target_value(&ev));
                        set_filter(Box::new(move |f| f.kind = v))
                    }>
                        <option value="" prop:selected=move || filter.with(|f| f.kind.is_none())>{t(Key::JournalAllTypes)}</option>
                        {move || type_counts.get().into_iter().map(|(k, n)| view! {
                            <option value=k.code() prop:selected=move || filter.with(|f| f.kind == Some(k))>
                                {format!("{} ({n})", i18n.t(k.key()))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="jl-area">{t(Key::JournalFilterArea)}</label>
                    <select id="jl-area" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_filter(Box::new(move |f| f.area = (!v.is_empty()).then_some(v)))
                    }>
                        <option value="" prop:selected=move || filter.with(|f| f.area.is_none())>{t(Key::JournalAllAreas)}</option>
                        {AREAS.iter().map(|a| view! {
                            <option value=a.code prop:selected=move || filter.with(|f| f.area.as_deref() == Some(a.code))>{move || i18n.t(a.key)}</option>
                        }).collect_view()}
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
                    <select id="jl-sort" on:change=move |ev| {
                        let v = Sort::from_code(&event_target_value(&ev)).unwrap_or_default();
                        set_filter(Box::new(move |f| f.sort = v))
                    }>
                        {Sort::ALL.into_iter().map(|s| {
                            let key = match s { Sort::Newest => Key::JournalSortNewest, Sort::Oldest => Key::JournalSortOldest, Sort::Reach => Key::JournalSortReach };
                            view! { <option value=s.code() prop:selected=move || filter.with(|f| f.sort == s)>{t(key)}</option> }
                        }).collect_view()}
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
                {move || fill(i18n.t(Key::JournalCount), &[("shown", &hits.with(Vec::len).to_string()), ("total", &total.get().to_string())])}
            </p>
            <Show when=move || hits.with(Vec::is_empty)>
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
                    children=move |e: Entry| view! { <EntryCard entry=e storage=storage/> }
                />
            </ol>
            <Show when=move || { hits.with(Vec::len) > state.shown.get() }>
                <button type="button" class="button button--quiet journal-more" on:click=move |_| state.shown.update(|n| *n += PAGE)>
                    {move || fill(i18n.t(Key::JournalShowMore), &[("n", &hits.with(Vec::len).saturating_sub(state.shown.get()).min(PAGE).to_string())])}
                </button>
            </Show>
        </Show>
    }
}

/// One entry in the list: title, facts, description (safe Markdown), actions.
#[component]
fn EntryCard(entry: Entry, storage: AppStorage) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
    let id = entry.id.clone();
    let heading_id = format!("entry-{}", entry.id);
    let labelled_by = heading_id.clone();
    let title = entry.title.clone();
    let description = render_markdown(&entry.description);
    let kind = entry.kind;
    let dates = match entry.end_date.filter(|d| *d != entry.date) {
        Some(end) => format!("{} – {}", iso(entry.date), iso(end)),
        None => iso(entry.date),
    };
    let areas = entry.areas.clone();
    let figures: Vec<_> = entry.figures.iter().collect();
    let url = entry.url.clone();
    let high_impact = entry.high_impact;
    let edit = web::app_href(&format!("/journal/{}/edit", entry.id));
    let duplicate = web::app_href(&format!("/journal/new?from={}", entry.id));
    let title_for = move || title.clone();
    let t1 = title_for.clone();
    let t2 = title_for.clone();
    let t3 = title_for.clone();
    view! {
        <li class="journal-entry">
            <article aria-labelledby=labelled_by>
                <h2 class="journal-entry__title" id=heading_id>{title_for}</h2>
                <p class="journal-entry__meta">
                    <span>{move || i18n.t(kind.key())}</span>
                    " · "
                    <span>{dates}</span>
                    {move || {
                        let names: Vec<&str> = areas.iter().filter_map(|c| area(c)).map(|a| i18n.t(a.key)).collect();
                        (!names.is_empty()).then(|| format!(" · {}", names.join(", ")))
                    }}
                    {high_impact.then(|| view! { " " <strong class="badge">{t(Key::JournalHighImpact)}</strong> })}
                </p>
                {(!figures.is_empty()).then(|| view! {
                    <ul class="journal-entry__figures" role="list">
                        {figures.into_iter().map(|(f, v)| view! {
                            <li>{move || i18n.t(f.key())} ": " <strong>{move || format_count(v, i18n.lang.get())}</strong></li>
                        }).collect_view()}
                    </ul>
                })}
                <div class="md journal-entry__description" inner_html=description></div>
                {url.map(|u| { let href = u.clone(); view! { <p class="journal-entry__url"><a href=href rel="noopener noreferrer">{u}</a></p> } })}
                <div class="journal-entry__actions">
                    <A href=edit>{t(Key::JournalEdit)} <span class="visually-hidden">{t1}</span></A>
                    <A href=duplicate>{t(Key::JournalDuplicate)} <span class="visually-hidden">{t2}</span></A>
                    <button type="button" class="button button--quiet" on:click=move |_| state.delete(storage, &id)>
                        {t(Key::JournalDelete)} <span class="visually-hidden">{t3}</span>
                    </button>
                </div>
            </article>
        </li>
    }
}

/// `/journal/new` (optionally `?from=<id>` to duplicate an entry).
#[component]
pub fn JournalNew() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let state = use_journal();
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
            {move || fill(i18n.t(Key::JournalWindow), &[("from", &iso(start)), ("to", &iso(end))])}
        </p>
        <ul class="journal-stats" role="list">
            <li class="card">
                <span class="journal-stats__value" data-testid="stat-contributions">{move || summary.with(|s| s.contributions_last_12)}</span>
                <span>{t(Key::JournalStatContributions)}</span>
            </li>
            <li class="card">
                <span class="journal-stats__value" data-testid="stat-months">{move || fill("{n}/12", &[("n", &summary.with(|s| s.active_months_last_12).to_string())])}</span>
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
                {move || totals_table(sums.with(|s| s.by_type.iter().map(|(k, n)| (i18n.t(k.key()).to_string(), *n)).collect()), i18n.t(Key::JournalFieldType), i18n.t(Key::JournalContributions), i18n.t(Key::JournalNothingYet))}
            </section>
            <section aria-labelledby="by-area-heading">
                <h2 id="by-area-heading">{t(Key::JournalByArea)}</h2>
                {move || totals_table(sums.with(|s| s.by_area.iter().map(|(c, n)| (area(c).map(|a| i18n.t(a.key).to_string()).unwrap_or_else(|| c.clone()), *n)).collect()), i18n.t(Key::JournalFilterArea), i18n.t(Key::JournalContributions), i18n.t(Key::JournalNothingYet))}
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
    rows: Vec<(String, usize)>,
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
        plan: ImportPlan,
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
    let storage = use_storage();
    let today = today();
    let summary = Memo::new(move |_| {
        state
            .journal
            .with(|j| markdown_summary(j, today, i18n.lang.get()))
    });
    let download_failed = RwSignal::new(false);
    let download = move |name: String, mime: &'static str, text: String| {
        download_failed.set(web::download(&name, mime, &text).is_err());
    };
    let stamp = iso(today);
    let (s1, s2, s3) = (stamp.clone(), stamp.clone(), stamp.clone());
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
                    plan,
                    mode: m,
                    confirm: false,
                });
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
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
        let Ok(reader) = web_sys::FileReader::new() else {
            return;
        };
        let r = reader.clone();
        let onload =
            wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
                match r.result().ok().and_then(|v| v.as_string()) {
                    Some(text) => {
                        file_text.set_value(Some(text));
                        replan();
                    }
                    None => step.set(ImportStep::Failed(ImportError::NotJson(
                        "unreadable".into(),
                    ))),
                }
            });
        reader.set_onload(Some(onload.unchecked_ref()));
        if reader.read_as_text(&file).is_err() {
            step.set(ImportStep::Failed(ImportError::NotJson(
                "unreadable".into(),
            )));
        }
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
        let _ = state.commit(storage, |j| *j = apply_import(j, &plan, m));
        reset();
        state.announce(fill(
            i18n.t(Key::JournalImported),
            &[
                ("added", &added.to_string()),
                ("updated", &updated.to_string()),
            ],
        ));
    };

    view! {
        <Title text=t(Key::JournalDataTitle)/>
        <h1>{t(Key::JournalDataTitle)}</h1>
        <p class="lead">{t(Key::JournalDataLead)}</p>
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{t(Key::JournalExportHeading)}</h2>
            <ul class="journal-exports" role="list">
                <li>
                    <button type="button" class="button" on:click=move |_| download(format!("mvp-pathway-journal-{s1}.json"), "application/json", state.journal.with_untracked(|j| export_json(j, today)))>
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
            <div class="field field--wide">
                <label for="jd-summary">{t(Key::JournalSummaryLabel)}</label>
                <textarea id="jd-summary" rows="10" readonly=true prop:value=move || summary.get()></textarea>
            </div>
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
                    aria-describedby=move || matches!(step.get(), ImportStep::Failed(_)).then_some("jd-file-error")
                    aria-invalid=move || matches!(step.get(), ImportStep::Failed(_)).then_some("true")/>
                {move || match step.get() {
                    ImportStep::Failed(e) => Some(view! { <p class="field__error" id="jd-file-error" role="alert">{i18n.t(e.key())}</p> }),
                    _ => None,
                }}
            </div>
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
    plan: ImportPlan,
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
    let n = |v: usize| v.to_string();
    view! {
        <section class="journal-preview" aria-labelledby="preview-heading" data-testid="import-preview">
            <h3 id="preview-heading">{t(Key::JournalPreviewHeading)}</h3>
            <ul>
                <li>{move || fill(i18n.t(Key::JournalPreviewAdded), &[("n", &n(added))])}</li>
                {(mode == ImportMode::Merge).then(|| view! { <li>{move || fill(i18n.t(Key::JournalPreviewUpdated), &[("n", &n(updated))])}</li> })}
                <li>{move || fill(i18n.t(Key::JournalPreviewSkipped), &[("n", &n(skipped))])}</li>
                {(mode == ImportMode::Replace).then(|| view! { <li><strong>{move || fill(i18n.t(Key::JournalPreviewRemoved), &[("n", &n(removed))])}</strong></li> })}
            </ul>
            {(!skipped_list.is_empty()).then(|| view! {
                <details>
                    <summary>{t(Key::JournalPreviewSkippedList)}</summary>
                    <ul>
                        {skipped_list.into_iter().map(|(title, key)| view! { <li><span class="journal-preview__title">{title}</span> ": " {move || i18n.t(key)}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li>{move || fill(i18n.t(Key::JournalPreviewMore), &[("n", &more.to_string())])}</li> })}
                    </ul>
                </details>
            })}
            {confirm.then(|| view! {
                <div class="notice notice--warning" role="alert">
                    <p>{move || fill(i18n.t(Key::JournalReplaceConfirm), &[("n", &removed.to_string())])}</p>
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
