//! Live sessions as data: when they happen, whether they are past, and the countdown to
//! the next one. "Now" and "today" come from the caller, so tests can fix them.

use super::date_text::{parse_hours_minutes, parse_iso_date};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// A start time with the zone it was announced in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionTime {
    pub start: NaiveTime,
    pub duration_minutes: u32,
    /// Offset of the announced zone from UTC, in minutes (e.g. -420 for UTC−07:00).
    pub utc_offset_minutes: i32,
    /// How the announcement names the zone, e.g. "PDT".
    pub zone_label: String,
}

/// One live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Stable identifier, also the base of the calendar UID.
    pub id: String,
    pub title: String,
    pub description: String,
    /// Where the session is announced.
    pub link: String,
    pub date: NaiveDate,
    /// False when the source gave the day and month but not the year.
    pub year_confirmed: bool,
    /// `None` when no time has been announced: the session is then an all-day entry.
    pub time: Option<SessionTime>,
}

/// Where a session stands relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Upcoming,
    /// An all-day session on today's date, or a timed one in progress.
    Now,
    Past,
}

/// Time left until a session, at the precision its data allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// Whole days until an all-day session (1 = tomorrow).
    Days(i64),
    /// Days, hours and minutes until a timed session starts.
    Exact { days: i64, hours: i64, minutes: i64 },
    /// It is on now (today, for an all-day session).
    Now,
}

impl SessionTime {
    /// Start and end as UTC date-times, for a session on `date`.
    pub fn utc_range(&self, date: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        let start =
            date.and_time(self.start) - Duration::minutes(i64::from(self.utc_offset_minutes));
        (
            start,
            start + Duration::minutes(i64::from(self.duration_minutes)),
        )
    }
}

impl Session {
    /// Status given the user's local date and the current UTC time.
    pub fn status(&self, today: NaiveDate, now_utc: NaiveDateTime) -> Status {
        match &self.time {
            None if self.date > today => Status::Upcoming,
            None if self.date == today => Status::Now,
            None => Status::Past,
            Some(t) => {
                let (start, end) = t.utc_range(self.date);
                if now_utc < start {
                    Status::Upcoming
                } else if now_utc < end {
                    Status::Now
                } else {
                    Status::Past
                }
            }
        }
    }

    /// Time left before the session; `None` once it is over.
    pub fn countdown(&self, today: NaiveDate, now_utc: NaiveDateTime) -> Option<Countdown> {
        match self.status(today, now_utc) {
            Status::Past => None,
            Status::Now => Some(Countdown::Now),
            Status::Upcoming => Some(match &self.time {
                None => Countdown::Days((self.date - today).num_days()),
                Some(t) => {
                    let left = t.utc_range(self.date).0 - now_utc;
                    let minutes = (left.num_seconds() + 59) / 60;
                    Countdown::Exact {
                        days: minutes / (24 * 60),
                        hours: minutes / 60 % 24,
                        minutes: minutes % 60,
                    }
                }
            }),
        }
    }
}

/// Upcoming (soonest first) and past (latest first) sessions.
pub fn split_by_status(
    sessions: &[Session],
    today: NaiveDate,
    now_utc: NaiveDateTime,
) -> (Vec<&Session>, Vec<&Session>) {
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    // One sort for both lists.
    let key = |s: &Session| (s.date, s.time.as_ref().map(|t| t.utc_range(s.date).0));
    super::order::sort_by(&mut sorted, |a, b| key(a).cmp(&key(b)));
    let (upcoming, mut past): (Vec<&Session>, Vec<&Session>) = sorted
        .into_iter()
        .partition(|s| s.status(today, now_utc) != Status::Past);
    past.reverse();
    (upcoming, past)
}

/// The first `month`/`day` on or after `reference`: how a date announced without a year
/// is placed. The reference is the date the events list was last reviewed, not today, so
/// a session does not silently move to next year once it is over.
pub fn next_on_or_after(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    use chrono::Datelike;
    (reference.year()..reference.year() + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= reference)
}

/// The sessions file (`content/events.json`, served as `events.json` so that a site
/// owner can update the dates without a Rust toolchain): when the list was last checked,
/// and the sessions with their texts per language (English required, used where a
/// language has none).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionsFile {
    /// `YYYY-MM-DD`: a date given without a year is placed on or after this day.
    pub reviewed: String,
    pub sessions: Vec<SessionEntry>,
}

/// One session as written in the sessions file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionEntry {
    pub id: String,
    /// Title per language code; `en` is required.
    pub title: std::collections::BTreeMap<String, String>,
    /// Description per language code; `en` is required.
    pub description: std::collections::BTreeMap<String, String>,
    /// `https://` page where the session is announced.
    pub link: String,
    /// `null` when the announcement gives no year.
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    /// `null` until a time is announced.
    pub time: Option<SessionTimeEntry>,
}

/// A start time as written in the sessions file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionTimeEntry {
    /// `HH:MM`, in the announced zone.
    pub start: String,
    pub duration_minutes: u32,
    pub utc_offset_minutes: i32,
    pub zone_label: String,
}

/// Reads a sessions file, with texts in language `lang` (a code such as `pt-BR`),
/// English where that language has none. Every rule is checked: a file with a problem is
/// refused whole, with every problem listed.
pub fn parse_sessions(json: &str, lang: &str) -> Result<(NaiveDate, Vec<Session>), String> {
    let file: SessionsFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    let reviewed = parse_iso_date(&file.reviewed).unwrap_or_else(|| {
        problems.push(format!("reviewed: `{}` is not YYYY-MM-DD", file.reviewed));
        NaiveDate::MIN
    });
    let mut sessions = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for entry in file.sessions {
        let id = entry.id;
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(format!(
                "id `{id}`: use lower-case letters, digits and hyphens"
            ));
        }
        if !seen.insert(id.clone()) {
            problems.push(format!("id `{id}` is used twice"));
        }
        if !entry.link.starts_with("https://") || entry.link.contains(char::is_whitespace) {
            problems.push(format!("{id}: link must be an https:// address"));
        }
        let text = |map: &std::collections::BTreeMap<String, String>, what: &str| match map
            .get(lang)
            .or_else(|| map.get("en"))
        {
            Some(t) if !t.trim().is_empty() => Ok(t.trim().to_string()),
            _ => Err(format!("{id}: {what} needs an English (`en`) text")),
        };
        let (title, description) = match (
            text(&entry.title, "title"),
            text(&entry.description, "description"),
        ) {
            (Ok(t), Ok(d)) => (t, d),
            (t, d) => {
                problems.extend(t.err());
                problems.extend(d.err());
                continue;
            }
        };
        let date = match entry.year {
            Some(y) => NaiveDate::from_ymd_opt(y, entry.month, entry.day),
            None => next_on_or_after(reviewed, entry.month, entry.day),
        };
        let Some(date) = date else {
            problems.push(format!("{id}: {}-{} is not a date", entry.month, entry.day));
            continue;
        };
        let time = match entry.time {
            None => None,
            Some(t) => match parse_hours_minutes(&t.start) {
                Some(start)
                    if t.duration_minutes > 0
                        && t.duration_minutes <= 24 * 60
                        && t.utc_offset_minutes.abs() <= 14 * 60
                        && !t.zone_label.trim().is_empty() =>
                {
                    Some(SessionTime {
                        start,
                        duration_minutes: t.duration_minutes,
                        utc_offset_minutes: t.utc_offset_minutes,
                        zone_label: t.zone_label,
                    })
                }
                _ => {
                    problems.push(format!(
                        "{id}: time needs start HH:MM, a duration of 1 to 1440 minutes, an offset within ±14 h and a zone label"
                    ));
                    continue;
                }
            },
        };
        sessions.push(Session {
            id,
            title,
            description,
            link: entry.link,
            date,
            year_confirmed: entry.year.is_some(),
            time,
        });
    }
    if problems.is_empty() {
        Ok((reviewed, sessions))
    } else {
        Err(problems.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    fn all_day(on: NaiveDate) -> Session {
        Session {
            id: "essentials".into(),
            title: "Essentials".into(),
            description: String::new(),
            link: "https://mvp.microsoft.com".into(),
            date: on,
            year_confirmed: false,
            time: None,
        }
    }

    #[test]
    fn all_day_session_counts_days_and_becomes_past_the_day_after() {
        let s = all_day(date(2027, 3, 17));
        let now = at(2026, 11, 27, 12, 0);
        assert_eq!(s.status(date(2026, 11, 27), now), Status::Upcoming);
        assert_eq!(
            s.countdown(date(2026, 11, 27), now),
            Some(Countdown::Days(110))
        );
        assert_eq!(
            s.countdown(date(2027, 3, 16), now),
            Some(Countdown::Days(1))
        );
        assert_eq!(s.countdown(date(2027, 3, 17), now), Some(Countdown::Now));
        assert_eq!(s.status(date(2027, 3, 18), now), Status::Past);
        assert_eq!(s.countdown(date(2027, 3, 18), now), None);
    }

    #[test]
    fn timed_session_uses_its_zone() {
        let mut s = all_day(date(2027, 3, 17));
        s.time = Some(SessionTime {
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            duration_minutes: 60,
            utc_offset_minutes: -420,
            zone_label: "PDT".into(),
        });
        // 09:00 at UTC−07:00 is 16:00 UTC.
        let today = date(2027, 3, 17);
        assert_eq!(s.status(today, at(2027, 3, 17, 15, 59)), Status::Upcoming);
        assert_eq!(
            s.countdown(today, at(2027, 3, 16, 14, 30)),
            Some(Countdown::Exact {
                days: 1,
                hours: 1,
                minutes: 30
            })
        );
        assert_eq!(s.status(today, at(2027, 3, 17, 16, 30)), Status::Now);
        assert_eq!(s.status(today, at(2027, 3, 17, 17, 0)), Status::Past);
    }

    #[test]
    fn sessions_split_into_upcoming_and_past() {
        let a = all_day(date(2027, 3, 17));
        let b = all_day(date(2026, 12, 1));
        let c = all_day(date(2026, 6, 1));
        let list = [a.clone(), b.clone(), c.clone()];
        let (up, past) = split_by_status(&list, date(2026, 11, 27), at(2026, 11, 27, 0, 0));
        assert_eq!(up, vec![&b, &a]);
        assert_eq!(past, vec![&c]);
    }

    #[test]
    fn a_date_without_year_is_the_next_one_after_the_reference() {
        assert_eq!(
            next_on_or_after(date(2026, 11, 27), 3, 17),
            Some(date(2027, 3, 17))
        );
        assert_eq!(
            next_on_or_after(date(2026, 3, 17), 3, 17),
            Some(date(2026, 3, 17))
        );
        assert_eq!(
            next_on_or_after(date(2025, 3, 1), 2, 29),
            Some(date(2028, 2, 29))
        );
        assert_eq!(next_on_or_after(date(2025, 3, 1), 2, 30), None);
    }
}
