//! The live sessions list: `content/events.json`, copied to the site as `events.json` so
//! that a site owner can update the dates without a Rust toolchain. `build.rs` checks the
//! file with [`parse_sessions`]; the events page fetches it and checks it again. Dates
//! announced without a year are placed on or after the file's `reviewed` day.

use crate::domain::events::{parse_sessions, Session};
use crate::i18n::Lang;
use chrono::NaiveDate;

/// The sessions file as shipped, for tests and tools (the app fetches `events.json`).
pub const SHIPPED: &str = include_str!("../../content/events.json");

/// The shipped sessions with texts in `lang`, and the day the list was last checked.
pub fn shipped(lang: Lang) -> (NaiveDate, Vec<Session>) {
    parse(SHIPPED, lang).expect("build.rs checked content/events.json")
}

/// Reads a sessions file with texts in `lang`.
pub fn parse(json: &str, lang: Lang) -> Result<(NaiveDate, Vec<Session>), String> {
    parse_sessions(json, lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_essentials_session_is_on_17_march_with_no_invented_time() {
        let (reviewed, list) = shipped(Lang::En);
        assert_eq!(reviewed, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        let s = list
            .iter()
            .find(|s| s.id == "mvp-program-essentials")
            .expect("listed");
        assert_eq!(s.date, NaiveDate::from_ymd_opt(2027, 3, 17).unwrap());
        assert!(s.time.is_none());
        assert!(!s.year_confirmed);
        assert_eq!(s.link, "https://mvp.microsoft.com");
    }

    #[test]
    fn every_language_has_a_title_and_falls_back_to_english() {
        for lang in Lang::ALL {
            let (_, list) = shipped(*lang);
            assert!(list
                .iter()
                .all(|s| !s.title.is_empty() && !s.description.is_empty()));
        }
        let json = r#"{"reviewed":"2026-11-27","sessions":[{"id":"a","title":{"en":"Hello"},
            "description":{"en":"Text","es":"Texto"},"link":"https://example.org","year":2027,
            "month":2,"day":30,"time":null}]}"#;
        let err = parse(json, Lang::Es).expect_err("30 February");
        assert!(err.contains("not a date"), "{err}");
        let ok = json.replace("\"day\":30", "\"day\":28");
        let (_, list) = parse(&ok, Lang::Es).expect("valid");
        assert_eq!(list[0].title, "Hello");
        assert_eq!(list[0].description, "Texto");
        assert!(list[0].year_confirmed);
    }

    #[test]
    fn a_bad_file_is_refused_with_every_problem() {
        let json = r#"{"reviewed":"2026-13-01","sessions":[{"id":"Bad Id","title":{"es":"x"},
            "description":{"en":"d"},"link":"http://x","year":null,"month":3,"day":17,"time":null}]}"#;
        let err = parse(json, Lang::En).expect_err("refused");
        for part in ["reviewed", "Bad Id", "https", "English"] {
            assert!(err.contains(part), "{part} in {err}");
        }
        assert!(parse("not json", Lang::En).is_err());
        assert!(parse(
            r#"{"reviewed":"2026-11-27","sessions":[],"extra":1}"#,
            Lang::En
        )
        .is_err());
    }
}
