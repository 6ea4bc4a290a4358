//! The live sessions list, compiled in. Dates announced without a year are placed with
//! [`next_on_or_after`] from [`REVIEWED`], the day this list was last checked.

use crate::domain::events::{next_on_or_after, Session};
use crate::i18n::{tr, Key, Lang};
use chrono::NaiveDate;

/// When the sessions list was last checked against its source: year, month, day.
pub const REVIEWED: (i32, u32, u32) = (2026, 11, 27);

/// The review date as a date.
pub fn reviewed() -> NaiveDate {
    NaiveDate::from_ymd_opt(REVIEWED.0, REVIEWED.1, REVIEWED.2).unwrap_or_default()
}

/// Every known session, with texts in `lang`.
pub fn sessions(lang: Lang) -> Vec<Session> {
    let mut list = Vec::new();
    // The program's post: "MVP Program Essentials" on March 17, no year and no time given.
    if let Some(date) = next_on_or_after(reviewed(), 3, 17) {
        list.push(Session {
            id: "mvp-program-essentials",
            title: tr(lang, Key::EventsEssentialsTitle).to_string(),
            description: tr(lang, Key::EventsEssentialsDescription).to_string(),
            link: "https://mvp.microsoft.com",
            date,
            year_confirmed: false,
            time: None,
        });
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_essentials_session_is_on_17_march_with_no_invented_time() {
        let list = sessions(Lang::En);
        let s = list
            .iter()
            .find(|s| s.id == "mvp-program-essentials")
            .expect("listed");
        assert_eq!(s.date, NaiveDate::from_ymd_opt(2027, 3, 17).unwrap());
        assert!(s.time.is_none());
        assert!(!s.year_confirmed);
        assert_eq!(s.link, "https://mvp.microsoft.com");
    }
}
