//! Dates and times written as text, read by hand: chrono's general format parser (which
//! `parse_from_str`, `FromStr` and its `Deserialize` use) adds about 5 KB to every page's
//! code that calls it, for formats this app reads in one shape each.
//! Also compiled into `build.rs` (it checks `content/events.json` with `events.rs`).

use chrono::{NaiveDate, NaiveTime};

/// Parses an ISO date, `YYYY-MM-DD` (what `<input type="date">` gives). Hand-written
/// rather than chrono's format parser, which would add to the download for one format.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// `H:MM` or `HH:MM`: one or two digits each, as chrono's `%H:%M` reads them, but no
/// spaces (chrono skips them before each number).
pub fn parse_hours_minutes(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.split_once(':')?;
    let number = |s: &str| -> Option<u32> {
        if s.is_empty() || s.len() > 2 || !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    NaiveTime::from_hms_opt(number(hours)?, number(minutes)?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    /// What it reads, chrono reads the same; it refuses the spaces chrono skips.
    #[test]
    fn hours_minutes_read_as_chrono_reads_them() {
        let hours = [
            "", "0", "9", "09", "23", "24", "099", "+1", " 1", "1 ", "-1", "a",
        ];
        let minutes = ["", "0", "5", "05", "59", "60", "005", " 5", "5 ", "+5"];
        let mut read = 0;
        for h in hours {
            for m in minutes {
                let text = format!("{h}:{m}");
                let chrono = NaiveTime::parse_from_str(&text, "%H:%M").ok();
                match parse_hours_minutes(&text) {
                    Some(time) => {
                        assert_eq!(Some(time), chrono, "{text:?}");
                        read += 1;
                    }
                    None => assert!(chrono.is_none() || text.contains(' '), "{text:?}"),
                }
            }
        }
        // 0, 9, 09, 23 with 0, 5, 05, 59.
        assert_eq!(read, 16);
        for text in ["", "12", "12:30:00", "12.30", "１2:30"] {
            assert_eq!(parse_hours_minutes(text), None, "{text:?}");
        }
    }

    /// Every day of four years as chrono writes it; any other shape is refused (chrono's
    /// `%Y-%m-%d` would also take one-digit months and days).
    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        let mut day = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        while day.year() < 2027 {
            assert_eq!(parse_iso_date(&day.to_string()), Some(day));
            day = day.succ_opt().unwrap();
        }
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-05",
            "26-01-05",
            "2026-01-05 ",
            " 2026-01-05",
            "2026/01/05",
            "",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text:?}");
        }
    }
}
