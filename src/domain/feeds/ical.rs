//! A reader for iCalendar files (RFC 5545), enough to turn events into journal drafts:
//! unfolded lines (3.1), parameters with quoted values (3.2), TEXT escapes (3.3.11),
//! `DTSTART`/`DTEND` as DATE, local DATE-TIME with `TZID`, floating or UTC (3.3.4, 3.3.5),
//! and `SUMMARY`, `DESCRIPTION`, `URL`, `STATUS`. Recurrence rules are not expanded: a
//! recurring event counts once, on its first date.

use super::text::{first_web_url, one_line, tidy};
use super::{FeedError, FeedItem};
use crate::domain::journal::validation::is_web_url;
use crate::domain::journal::ActivityType;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

/// One content line: `NAME;PARAM=VALUE:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLine {
    /// Upper-cased.
    pub name: String,
    /// Parameter names upper-cased; values without their quotes.
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl ContentLine {
    /// The value of parameter `name` (upper case).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Joins folded lines: a line break followed by a space or a tab continues the line.
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => lines.push(raw.to_string()),
        }
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

/// Splits one unfolded line into name, parameters and value; `None` when there is no
/// name or no colon.
pub fn parse_line(line: &str) -> Option<ContentLine> {
    let name_end = line.find([';', ':'])?;
    let name = line[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &line[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after.find('=')?;
        let pname = after[..eq].trim().to_ascii_uppercase();
        let mut value_part = &after[eq + 1..];
        let value;
        if let Some(quoted) = value_part.strip_prefix('"') {
            let close = quoted.find('"')?;
            value = quoted[..close].to_string();
            value_part = &quoted[close + 1..];
            // A list of values after a quoted one ("a","b"): keep the first.
            let end = value_part.find([';', ':'])?;
            value_part = &value_part[end..];
        } else {
            let end = value_part.find([';', ':'])?;
            value = value_part[..end].to_string();
            value_part = &value_part[end..];
        }
        params.push((pname, value));
        rest = value_part;
    }
    let value = rest.strip_prefix(':')?.to_string();
    Some(ContentLine {
        name,
        params,
        value,
    })
}

/// Undoes TEXT escaping: `\\`, `\;`, `\,`, `\n` and `\N`.
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// A DATE (`20260317`) or the date part of a DATE-TIME (`20260317T190000`, with `Z` for UTC).
/// A UTC time is moved to the user's day with `utc_offset_minutes`; a local time (with
/// `TZID`, or floating) keeps the day it was held on where it was held.
pub fn event_date(value: &str, utc_offset_minutes: i32) -> Option<NaiveDate> {
    let value = value.trim();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        value
            .get(r)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(4..6)?, num(6..8)?)?;
    if value.len() == 8 {
        return Some(date);
    }
    if value.as_bytes().get(8) != Some(&b'T') {
        return None;
    }
    let time = NaiveTime::from_hms_opt(num(9..11)?, num(11..13)?, num(13..15)?.min(59))?;
    if value.ends_with(['Z', 'z']) {
        let local = NaiveDateTime::new(date, time).checked_add_signed(
            chrono::TimeDelta::try_minutes(i64::from(utc_offset_minutes))?,
        )?;
        return Some(local.date());
    }
    Some(date)
}

#[derive(Debug, Default)]
struct RawEvent {
    summary: String,
    description: String,
    url: String,
    start: Option<NaiveDate>,
    end: Option<(NaiveDate, bool)>,
    cancelled: bool,
}

/// Reads a calendar file: one draft per event (cancelled events left out). Returns the
/// drafts and how many events had no usable date or summary.
pub fn parse(text: &str, utc_offset_minutes: i32) -> Result<(Vec<FeedItem>, usize), FeedError> {
    let lines = unfold(text.trim_start_matches('\u{feff}'));
    let first = lines.first().and_then(|l| parse_line(l));
    if !first.is_some_and(|l| l.name == "BEGIN" && l.value.trim().eq_ignore_ascii_case("VCALENDAR"))
    {
        return Err(FeedError::NotAFeed);
    }
    let mut items = Vec::new();
    let mut skipped = 0;
    let mut event: Option<RawEvent> = None;
    // Components inside an event (alarms) have their own DESCRIPTION and SUMMARY.
    let mut nested = 0usize;
    for line in &lines {
        let Some(line) = parse_line(line) else {
            continue;
        };
        let value_upper = line.value.trim().to_ascii_uppercase();
        match (line.name.as_str(), event.as_mut()) {
            ("BEGIN", None) if value_upper == "VEVENT" => event = Some(RawEvent::default()),
            ("BEGIN", Some(_)) => nested += 1,
            ("END", Some(_)) if nested > 0 => nested -= 1,
            ("END", Some(_)) if value_upper == "VEVENT" => {
                if let Some(raw) = event.take() {
                    match finish(raw) {
                        Some(item) => items.push(item),
                        None => skipped += 1,
                    }
                }
            }
            (_, Some(_)) if nested > 0 => {}
            ("SUMMARY", Some(e)) => e.summary = unescape_text(&line.value),
            ("DESCRIPTION", Some(e)) => e.description = unescape_text(&line.value),
            ("URL", Some(e)) => e.url = line.value.trim().to_string(),
            ("STATUS", Some(e)) => e.cancelled = value_upper == "CANCELLED",
            ("DTSTART", Some(e)) => e.start = event_date(&line.value, utc_offset_minutes),
            ("DTEND", Some(e)) => {
                let all_day = line.param("VALUE") == Some("DATE") || line.value.trim().len() == 8;
                e.end = event_date(&line.value, utc_offset_minutes).map(|d| (d, all_day));
            }
            _ => {}
        }
    }
    if event.is_some() {
        return Err(FeedError::Malformed);
    }
    Ok((items, skipped))
}

fn finish(raw: RawEvent) -> Option<FeedItem> {
    if raw.cancelled {
        return None;
    }
    let date = raw.start?;
    let title = one_line(&raw.summary);
    if title.is_empty() {
        return None;
    }
    // An all-day DTEND is the day after the last day (RFC 5545, 3.6.1).
    let end_date = raw
        .end
        .map(|(d, all_day)| if all_day { d - Days::new(1) } else { d })
        .filter(|d| *d > date);
    let description = tidy(&raw.description);
    let url = Some(raw.url)
        .filter(|u| is_web_url(u))
        .or_else(|| first_web_url(&description));
    Some(FeedItem {
        title,
        date,
        end_date,
        url,
        description,
        kind: ActivityType::SpeakerThirdParty,
        views: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolds_continuation_lines() {
        let text = "DESCRIPTION:Line one and\r\n  a continued\r\n\tpart\r\nSUMMARY:x\n";
        assert_eq!(
            unfold(text),
            vec!["DESCRIPTION:Line one and a continuedpart", "SUMMARY:x"]
        );
    }

    #[test]
    fn parses_parameters_with_quotes_and_colons() {
        let line =
            parse_line(r#"DTSTART;TZID="America/New_York:odd";VALUE=DATE-TIME:20260317T190000"#)
                .unwrap();
        assert_eq!(line.name, "DTSTART");
        assert_eq!(line.param("TZID"), Some("America/New_York:odd"));
        assert_eq!(line.param("VALUE"), Some("DATE-TIME"));
        assert_eq!(line.value, "20260317T190000");
        let url = parse_line("url:https://x.example/a?b=c:d").unwrap();
        assert_eq!(
            (url.name.as_str(), url.value.as_str()),
            ("URL", "https://x.example/a?b=c:d")
        );
        assert_eq!(parse_line("no colon here"), None);
        assert_eq!(parse_line(":value"), None);
    }

    #[test]
    fn unescapes_text() {
        assert_eq!(
            unescape_text(r"Tea\, cake\; and a \\ backslash\nnew line\N"),
            "Tea, cake; and a \\ backslash\nnew line\n"
        );
    }

    #[test]
    fn dates_of_every_form() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(event_date("20260317", 0), d(2026, 3, 17));
        assert_eq!(event_date("20260317T190000", 0), d(2026, 3, 17));
        // 23:30 UTC is already the next day at UTC+2, still the same day at UTC-5.
        assert_eq!(event_date("20260317T233000Z", 120), d(2026, 3, 18));
        assert_eq!(event_date("20260317T233000Z", -300), d(2026, 3, 17));
        assert_eq!(event_date("20260230", 0), None);
        assert_eq!(event_date("2026-03-17", 0), None);
        assert_eq!(event_date("20260317X190000", 0), None);
    }
}
