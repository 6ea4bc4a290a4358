//! The "add to calendar" file checked against the RFC 5545 rules calendar apps rely on.

use chrono::{NaiveDate, NaiveTime};
use mvp_pathway::content::events::shipped;
use mvp_pathway::domain::events::{Session, SessionTime};
use mvp_pathway::domain::ics::{file_name, session_calendar};
use mvp_pathway::i18n::Lang;

fn stamp() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(18, 5, 9)
        .unwrap()
}

/// Checks line ends, folding and structure; returns the unfolded content lines.
fn validate(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"), "must end with CRLF");
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let physical: Vec<&str> = ics.trim_end_matches("\r\n").split("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "empty line");
    }
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("continuation first").push_str(rest),
            None => lines.push(line.to_string()),
        }
    }
    let mut stack = Vec::new();
    for line in &lines {
        let (name, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("no ':' in {line}"));
        assert!(
            name.split(';')
                .next()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '-'),
            "{name}"
        );
        match name {
            "BEGIN" => stack.push(value.to_string()),
            "END" => assert_eq!(
                stack.pop().as_deref(),
                Some(value),
                "unbalanced END:{value}"
            ),
            _ => assert!(!stack.is_empty(), "{line} outside a component"),
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    for required in [
        "VERSION:2.0",
        "PRODID:",
        "BEGIN:VEVENT",
        "UID:",
        "DTSTAMP:",
        "DTSTART",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(required)),
            "missing {required}"
        );
    }
    lines
}

fn value<'a>(lines: &'a [String], name: &str) -> &'a str {
    lines
        .iter()
        .find_map(|l| l.strip_prefix(name))
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn the_essentials_session_is_an_all_day_event_with_no_invented_time() {
    for lang in Lang::ALL {
        let session = shipped(*lang).1.into_iter().next().expect("a session");
        let ics = session_calendar(&session, stamp());
        let lines = validate(&ics);
        assert_eq!(value(&lines, "DTSTART;VALUE=DATE:"), "20270317");
        assert_eq!(value(&lines, "DTEND;VALUE=DATE:"), "20270318");
        assert_eq!(value(&lines, "DTSTAMP:"), "20261127T180509Z");
        assert_eq!(
            value(&lines, "UID:"),
            "mvp-program-essentials-20270317@mvp-pathway.invalid"
        );
        assert_eq!(value(&lines, "URL:"), "https://mvp.microsoft.com");
        assert!(
            !lines.iter().any(|l| l.starts_with("DTSTART:")),
            "no time may be invented"
        );
        assert_eq!(
            value(&lines, "SUMMARY:"),
            "MVP Program Essentials: What You Need to Know"
        );
        assert_eq!(file_name(&session), "mvp-program-essentials-2027-03-17.ics");
    }
}

#[test]
fn text_is_escaped_and_long_lines_fold_without_splitting_characters() {
    let session = Session {
        id: "test".into(),
        title: "Q&A; tips, tricks \\ more".into(),
        description: "Línea uno\nLínea dos, con «comillas»; y más. ".repeat(6),
        link: "https://mvp.microsoft.com".into(),
        date: NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
        year_confirmed: true,
        time: None,
    };
    let ics = session_calendar(&session, stamp());
    let lines = validate(&ics);
    assert_eq!(value(&lines, "SUMMARY:"), "Q&A\\; tips\\, tricks \\\\ more");
    let description = value(&lines, "DESCRIPTION:");
    assert!(description.starts_with("Línea uno\\nLínea dos\\, con «comillas»\\; y más."));
    assert!(!description.contains('\n'));
    // Year end: the all-day event ends on the first day of the next year.
    assert_eq!(value(&lines, "DTEND;VALUE=DATE:"), "20280101");
    // Folding happened (the description is long) and every physical line is valid UTF-8.
    assert!(ics.contains("\r\n "));
    for line in ics.split("\r\n") {
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
}

#[test]
fn a_timed_session_is_written_in_utc() {
    let session = Session {
        id: "timed".into(),
        title: "Timed".into(),
        description: "x".into(),
        link: "https://mvp.microsoft.com".into(),
        date: NaiveDate::from_ymd_opt(2027, 3, 17).unwrap(),
        year_confirmed: true,
        time: Some(SessionTime {
            start: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            duration_minutes: 90,
            utc_offset_minutes: -420,
            zone_label: "PDT".into(),
        }),
    };
    let lines = validate(&session_calendar(&session, stamp()));
    assert_eq!(value(&lines, "DTSTART:"), "20270317T163000Z");
    assert_eq!(value(&lines, "DTEND:"), "20270317T180000Z");
    assert!(!lines.iter().any(|l| l.contains("VALUE=DATE")));
}
