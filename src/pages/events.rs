//! Live sessions page (`/events`): the next "MVP Program Essentials" session with a
//! countdown and an .ics file made in the browser; past sessions marked as past.

use crate::components::meta::Title;
use crate::components::shell::OFFICIAL_SITE;
use crate::content::events;
use crate::domain::events::{split_by_status, Countdown, Session};
use crate::domain::ics;
use crate::i18n::{fill, tr, Key, Lang};
use crate::intl;
use crate::state::use_i18n;
use crate::web;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use leptos::prelude::*;
use std::time::Duration;

/// The user's local date and the current UTC time, from the browser's clock.
fn clock() -> (NaiveDate, NaiveDateTime) {
    let now = js_sys::Date::new_0();
    let today = NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default();
    let utc = NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            now.get_utc_hours(),
            now.get_utc_minutes(),
            now.get_utc_seconds(),
        )
    })
    .unwrap_or_default();
    (today, utc)
}

/// The live sessions list.
#[component]
pub fn Events() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let now = RwSignal::new(clock());
    // Keeps the countdown current while the page stays open.
    if let Ok(handle) = set_interval_with_handle(move || now.set(clock()), Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    // The list is a static file of the site (`events.json`), which its owner may edit.
    let file = RwSignal::new(None::<Result<String, String>>);
    leptos::task::spawn_local(async move {
        file.set(Some(web::fetch_text(&web::app_href("/events.json")).await));
    });
    let parsed = Memo::new(move |_| {
        file.with(|f| match f {
            None => None,
            Some(Err(reason)) => Some(Err(reason.clone())),
            Some(Ok(json)) => Some(events::parse(json, i18n.lang.get())),
        })
    });
    let sessions = Memo::new(move |_| {
        parsed.with(|p| match p {
            Some(Ok((_, list))) => list.clone(),
            _ => Vec::new(),
        })
    });
    let lists = Memo::new(move |_| {
        let (today, utc) = now.get();
        sessions.with(|all| {
            let (up, past) = split_by_status(all, today, utc);
            (
                up.into_iter().cloned().collect::<Vec<_>>(),
                past.into_iter().cloned().collect::<Vec<_>>(),
            )
        })
    });
    let reviewed = move || {
        parsed.with(|p| match p {
            Some(Ok((d, _))) => Some(fill(
                i18n.t(Key::EventsReviewed),
                &[("date", &intl::long_date(i18n.lang.get(), *d))],
            )),
            _ => None,
        })
    };
    let problem = move || {
        parsed.with(|p| match p {
            None => Some(view! { <p role="status">{i18n.t(Key::RouteLoading)}</p> }.into_any()),
            Some(Err(reason)) => Some(
                view! {
                    <div class="notice notice--error" role="alert" data-testid="events-error">
                        <p>{fill(i18n.t(Key::EventsLoadFailed), &[("reason", reason)])}</p>
                        <button type="button" class="button" on:click=|_| web::reload()>
                            {i18n.t(Key::Reload)}
                        </button>
                    </div>
                }
                .into_any(),
            ),
            Some(Ok(_)) => None,
        })
    };
    view! {
        <Title text=t(Key::EventsTitle)/>
        <h1>{t(Key::EventsTitle)}</h1>
        <div class="notice notice--info unofficial-notice" data-testid="unofficial-notice">
            <p>
                {t(Key::EventsUnofficial)} " "
                <a href=OFFICIAL_SITE rel="noopener">{t(Key::EventsOfficialLink)}</a>
            </p>
        </div>
        <p class="lead">{t(Key::EventsLead)}</p>
        {problem}
        <Show when=move || parsed.with(|p| matches!(p, Some(Ok(_))))>
        <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{t(Key::EventsUpcomingHeading)}</h2>
            {move || {
                // Rebuilt when the language changes (via `lists`): cards take plain texts.
                let lang = i18n.lang.get();
                let upcoming = lists.with(|l| l.0.clone());
                if upcoming.is_empty() {
                    view! { <p>{t(Key::EventsNoneUpcoming)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="sessions" role="list">
                            {upcoming
                                .into_iter()
                                .enumerate()
                                .map(|(i, session)| view! { <SessionCard session next=i == 0 past=false now lang/> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        <section aria-labelledby="past-heading">
            <h2 id="past-heading">{t(Key::EventsPastHeading)}</h2>
            {move || {
                let lang = i18n.lang.get();
                let past = lists.with(|l| l.1.clone());
                if past.is_empty() {
                    view! { <p>{t(Key::EventsNonePast)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="sessions" role="list">
                            {past
                                .into_iter()
                                .map(|session| view! { <SessionCard session next=false past=true now lang/> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        </Show>
        <p class="reviewed">{reviewed}</p>
    }
}

/// "Starts in 1 day, 2 hours and 1 minute.": the exact countdown, each count in its own
/// plural unit phrase (`events_unit_*`), its number written as `lang` writes numbers.
pub fn exact_countdown(lang: Lang, days: u64, hours: u64, minutes: u64) -> String {
    fill(
        tr(lang, Key::EventsCountdownExact),
        &[
            ("days", &intl::count(lang, Key::EventsUnitDays, "n", days)),
            (
                "hours",
                &intl::count(lang, Key::EventsUnitHours, "n", hours),
            ),
            (
                "minutes",
                &intl::count(lang, Key::EventsUnitMinutes, "n", minutes),
            ),
        ],
    )
}

/// One session: title, date, time (or where it is announced), countdown and calendar file.
#[component]
fn SessionCard(
    session: Session,
    next: bool,
    past: bool,
    now: RwSignal<(NaiveDate, NaiveDateTime)>,
    lang: Lang,
) -> AnyView {
    let t = move |key: Key| tr(lang, key);
    let d = session.date;
    let date = intl::long_date(lang, d);
    let time_text = match &session.time {
        None => t(Key::EventsTimeTba).to_string(),
        Some(st) => fill(
            t(Key::EventsTimeValue),
            &[
                (
                    "time",
                    &format!("{:02}:{:02}", st.start.hour(), st.start.minute()),
                ),
                ("zone", &st.zone_label),
            ],
        ),
    };
    let countdown = {
        let session = session.clone();
        move || {
            let (today, utc) = now.get();
            session.countdown(today, utc).map(|c| match c {
                Countdown::Now => t(Key::EventsCountdownNow).to_string(),
                Countdown::Days(1) => t(Key::EventsCountdownTomorrow).to_string(),
                Countdown::Days(n) => {
                    intl::count(lang, Key::EventsCountdownDays, "days", n.max(0) as u64)
                }
                Countdown::Exact {
                    days,
                    hours,
                    minutes,
                } => exact_countdown(
                    lang,
                    days.max(0) as u64,
                    hours.max(0) as u64,
                    minutes.max(0) as u64,
                ),
            })
        }
    };
    let calendar_status = RwSignal::new(None::<Result<String, ()>>);
    let add_to_calendar = {
        let session = session.clone();
        move |_| {
            let content = ics::session_calendar(&session, now.get_untracked().1);
            let file = ics::file_name(&session);
            let result = web::download(&file, "text/calendar;charset=utf-8", &content);
            calendar_status.set(Some(result.map(|_| file).map_err(|_| ())));
        }
    };
    let heading_id = format!("session-{}", session.id);
    let year_note = !session.year_confirmed;
    view! {
        <li class="session" class:session--past=past>
            {next.then(|| view! { <p class="session__badge">{t(Key::EventsNextBadge)}</p> })}
            {past.then(|| view! { <p class="session__badge session__badge--past">{t(Key::EventsPastBadge)}</p> })}
            <h3 id=heading_id>{session.title.clone()}</h3>
            <dl class="session__facts">
                <dt>{t(Key::EventsDateLabel)}</dt>
                <dd>
                    <time datetime=ics::iso_date(session.date)>{date}</time>
                    {year_note.then(|| view! { <span class="session__note">{t(Key::EventsYearUnconfirmed)}</span> })}
                </dd>
                <dt>{t(Key::EventsTimeLabel)}</dt>
                <dd>{time_text}</dd>
            </dl>
            {(!past).then(|| view! { <p class="session__countdown" data-testid="countdown">{countdown}</p> })}
            <p>{session.description.clone()}</p>
            <div class="session__actions">
                {(!past)
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=add_to_calendar>
                                {t(Key::EventsAddCalendar)}
                            </button>
                        }
                    })}
                <a href=session.link.clone() rel="noopener">{t(Key::EventsDetailsLink)}</a>
            </div>
            <p class="session__status" role="status">
                {move || {
                    calendar_status
                        .get()
                        .map(|r| match r {
                            Ok(file) => fill(t(Key::EventsCalendarDone), &[("file", &file)]),
                            Err(()) => t(Key::EventsCalendarFailed).to_string(),
                        })
                }}
            </p>
        </li>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_countdown_agrees_with_each_count() {
        let en = |d, h, m| exact_countdown(Lang::En, d, h, m);
        assert_eq!(en(0, 1, 1), "Starts in 0 days, 1 hour and 1 minute.");
        assert_eq!(en(1, 2, 3), "Starts in 1 day, 2 hours and 3 minutes.");
        assert_eq!(en(11, 0, 59), "Starts in 11 days, 0 hours and 59 minutes.");
        assert_eq!(en(100, 23, 1), "Starts in 100 days, 23 hours and 1 minute.");
        assert_eq!(
            exact_countdown(Lang::De, 3, 1, 0),
            "Beginnt in 3 Tagen, 1 Stunde und 0 Minuten."
        );
        assert_eq!(
            exact_countdown(Lang::Fr, 0, 1, 2),
            "Commence dans 0 jour, 1 heure et 2 minutes."
        );
        assert_eq!(
            exact_countdown(Lang::Ja, 1, 2, 3),
            "開始まであと1日2時間3分。"
        );
        let n = |n: u64| format!("\u{2068}{n}\u{2069}");
        let ar = |d, h, m| exact_countdown(Lang::Ar, d, h, m);
        assert_eq!(
            ar(0, 1, 2),
            format!("تبدأ الجلسة بعد {} يوم وساعة واحدة ودقيقتين.", n(0))
        );
        assert_eq!(
            ar(2, 3, 11),
            format!("تبدأ الجلسة بعد يومين و{} ساعات و{} دقيقة.", n(3), n(11))
        );
        assert_eq!(
            ar(100, 0, 1),
            format!(
                "تبدأ الجلسة بعد {} يوم و{} ساعة ودقيقة واحدة.",
                n(100),
                n(0)
            )
        );
        assert_eq!(
            ar(11, 2, 3),
            format!("تبدأ الجلسة بعد {} يوما وساعتين و{} دقائق.", n(11), n(3))
        );
    }
}
