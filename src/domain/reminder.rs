//! The monthly reminder: a calendar file (RFC 5545) with one all-day event on the last day
//! of every month, "Log this month's contributions", linking to the journal's new-entry
//! page on the address the app is served from.
//!
//! ```
//! use chrono::NaiveDate;
//! use mvp_pathway::domain::reminder::{monthly_reminder, ReminderText};
//! let text = ReminderText { summary: "Log this month's contributions", description: "Add them here: {link}" };
//! let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
//! let ics = monthly_reminder("https://example.org/pathway/", today, today.and_hms_opt(9, 0, 0).unwrap(), &text);
//! assert!(ics.contains("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1\r\n"));
//! assert!(ics.contains("URL:https://example.org/pathway/journal/new\r\n"));
//! ```

use crate::domain::ics::{escape_text, fold_line};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, Timelike};

/// The event's stable UID: importing a newer file updates the same event.
pub const UID: &str = "monthly-reminder@mvp-pathway.invalid";
/// Product identifier of the reminder file.
pub const PRODID: &str = "-//MVP Pathway//Monthly reminder//EN";
/// The file name offered for download.
pub const FILE_NAME: &str = "mvp-pathway-monthly-reminder.ics";

/// The reminder's text in the user's language; `{link}` in `description` becomes the
/// new-entry address.
pub struct ReminderText<'a> {
    pub summary: &'a str,
    pub description: &'a str,
}

/// The last day of `date`'s month.
pub fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.checked_sub_days(Days::new(1)))
        .unwrap_or(date)
}

fn basic(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The new-entry page under `app_url` (which ends with `/`, as `web::app_url` gives it).
pub fn new_entry_link(app_url: &str) -> String {
    format!("{}/journal/new", app_url.trim_end_matches('/'))
}

/// The calendar file. The first reminder is on the last day of `today`'s month;
/// `dtstamp` is the current UTC time.
pub fn monthly_reminder(
    app_url: &str,
    today: NaiveDate,
    dtstamp: NaiveDateTime,
    text: &ReminderText<'_>,
) -> String {
    let first = last_day_of_month(today);
    let link = new_entry_link(app_url);
    let description = text.description.replace("{link}", &link);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{UID}"),
        format!(
            "DTSTAMP:{}T{:02}{:02}{:02}Z",
            basic(dtstamp.date()),
            dtstamp.hour(),
            dtstamp.minute(),
            dtstamp.second()
        ),
        format!("DTSTART;VALUE=DATE:{}", basic(first)),
        format!("DTEND;VALUE=DATE:{}", basic(first + Days::new(1))),
        // The last day of every month, whatever its length.
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1".into(),
        "TRANSP:TRANSPARENT".into(),
        format!("SUMMARY:{}", escape_text(text.summary)),
        format!("DESCRIPTION:{}", escape_text(&description)),
        format!("URL:{link}"),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", escape_text(text.summary)),
        // 09:00 on the day.
        "TRIGGER:PT9H".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    lines.iter().map(|l| fold_line(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::feeds::ical::{parse_line, unescape_text, unfold};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn last_days_of_months() {
        assert_eq!(last_day_of_month(day(2027, 2, 3)), day(2027, 2, 28));
        assert_eq!(last_day_of_month(day(2028, 2, 29)), day(2028, 2, 29));
        assert_eq!(last_day_of_month(day(2026, 12, 31)), day(2026, 12, 31));
    }

    #[test]
    fn the_file_reads_back_with_the_link_on_the_apps_own_address() {
        let text = ReminderText {
            summary: "Registra las contribuciones de este mes",
            description: "Abre tu diario, añade lo que hiciste (charlas, posts; vídeos): {link}",
        };
        let ics = monthly_reminder(
            "https://example.org/pathway/",
            day(2026, 11, 12),
            day(2026, 11, 12).and_hms_opt(8, 5, 0).unwrap(),
            &text,
        );
        assert!(
            ics.lines().all(|l| l.len() <= 76),
            "folded at 75 octets + CR"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let lines: Vec<_> = unfold(&ics).iter().filter_map(|l| parse_line(l)).collect();
        let value = |name: &str| {
            lines
                .iter()
                .find(|l| l.name == name)
                .map(|l| l.value.clone())
                .unwrap()
        };
        assert_eq!(value("DTSTART"), "20261130");
        assert_eq!(value("DTEND"), "20261201");
        assert_eq!(value("RRULE"), "FREQ=MONTHLY;BYMONTHDAY=-1");
        assert_eq!(value("URL"), "https://example.org/pathway/journal/new");
        assert_eq!(
            unescape_text(&value("DESCRIPTION")),
            "Abre tu diario, añade lo que hiciste (charlas, posts; vídeos): https://example.org/pathway/journal/new"
        );
        assert_eq!(
            new_entry_link("http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/journal/new"
        );
    }
}
