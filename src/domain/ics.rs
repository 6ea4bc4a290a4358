//! iCalendar (RFC 5545) files for "add to calendar": CRLF line ends, lines folded at 75
//! octets without splitting a character, TEXT values escaped, an all-day event when no
//! time is known.
//!
//! ```
//! use mvp_pathway::domain::ics::escape_text;
//! assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
//! ```

use crate::domain::events::Session;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

/// Product identifier written into every file.
pub const PRODID: &str = "-//MVP Pathway//Live sessions//EN";

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line into CRLF-terminated lines of at most 75 octets; continuation
/// lines start with a space (which counts towards their 75).
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

// Written by hand: chrono's `format` machinery would add kilobytes to the Wasm.
fn basic_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn utc_stamp(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A calendar with one event for `session`. `dtstamp` is the current UTC time.
pub fn session_calendar(session: &Session, dtstamp: NaiveDateTime) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!(
            "UID:{}-{}@mvp-pathway.invalid",
            session.id,
            basic_date(session.date)
        ),
        format!("DTSTAMP:{}", utc_stamp(dtstamp)),
    ];
    match &session.time {
        None => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", basic_date(session.date)));
            let next = session.date + Duration::days(1);
            lines.push(format!("DTEND;VALUE=DATE:{}", basic_date(next)));
            // An all-day placeholder should not block the day in the person's calendar.
            lines.push("TRANSP:TRANSPARENT".into());
        }
        Some(t) => {
            let (start, end) = t.utc_range(session.date);
            lines.push(format!("DTSTART:{}", utc_stamp(start)));
            lines.push(format!("DTEND:{}", utc_stamp(end)));
        }
    }
    lines.push(format!("SUMMARY:{}", escape_text(&session.title)));
    lines.push(format!("DESCRIPTION:{}", escape_text(&session.description)));
    lines.push(format!("URL:{}", session.link));
    lines.push("END:VEVENT".into());
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold_line(l)).collect()
}

/// `YYYY-MM-DD`, as in a `datetime` attribute.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A file name for the session's calendar file.
pub fn file_name(session: &Session) -> String {
    format!("{}-{}.ics", session.id, iso_date(session.date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(escape_text("x\r\ny\rz"), "x\\ny\\nz");
        assert_eq!(escape_text("tab\there"), "tabhere");
    }

    #[test]
    fn folds_at_75_octets_and_never_inside_a_character() {
        let long = "D".repeat(74) + "é" + &"x".repeat(80);
        let folded = fold_line(&long);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        // "é" (2 octets) would end at octet 76, so it starts the next line.
        assert!(folded.starts_with(&("D".repeat(74) + "\r\n é")));
        assert_eq!(folded.replace("\r\n ", ""), long + "\r\n");
        assert_eq!(fold_line("short"), "short\r\n");
    }
}
