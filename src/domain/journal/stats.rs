//! The rolling 12-month window, the month-by-month calendar and totals: what the
//! overview shows and what the explainer and the story builder read.

use super::{ActivityType, Entry, Journal};
use crate::domain::activity::{ActivitySummary, StoryHighlight};
use crate::i18n::{tr, Lang};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::BTreeMap;

/// The rolling window: the 12 months up to and including `today`
/// (for 2026-11-27: 2025-11-28 to 2026-11-27).
pub fn rolling_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = today
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap_or(today);
    (start, today)
}

/// Whether `entry` took place (at least in part) within the window ending `today`.
pub fn in_window(entry: &Entry, today: NaiveDate) -> bool {
    let (start, end) = rolling_window(today);
    entry.date <= end && entry.last_date() >= start
}

/// The local calendar date of an instant, given the offset from UTC in minutes (east
/// positive; JavaScript's `getTimezoneOffset()` is the negative of this).
pub fn local_date(epoch_ms: i64, offset_minutes: i32) -> Option<NaiveDate> {
    let local_ms = epoch_ms.checked_add(i64::from(offset_minutes) * 60_000)?;
    let days = local_ms.div_euclid(86_400_000);
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

/// One month of the activity calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthActivity {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// Entries that took place in this month (up to `today`).
    pub count: usize,
}

/// The 12 calendar months ending with `today`'s month, oldest first, with how many
/// entries fall in each. An entry spanning several months counts in each of them.
pub fn calendar(journal: &Journal, today: NaiveDate) -> Vec<MonthActivity> {
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let mut months: Vec<MonthActivity> = (0..12u32)
        .rev()
        .filter_map(|back| this_month.checked_sub_months(Months::new(back)))
        .map(|d| MonthActivity {
            year: d.year(),
            month: d.month(),
            count: 0,
        })
        .collect();
    let first = months
        .first()
        .and_then(|m| NaiveDate::from_ymd_opt(m.year, m.month, 1))
        .unwrap_or(this_month);
    for entry in journal.entries() {
        if entry.date > today || entry.last_date() < first {
            continue;
        }
        let from = entry.date.max(first);
        let to = entry.last_date().min(today);
        let index = |d: NaiveDate| month_index(first, d);
        for i in index(from)..=index(to) {
            if let Some(m) = months.get_mut(i) {
                m.count += 1;
            }
        }
    }
    months
}

fn month_index(first: NaiveDate, d: NaiveDate) -> usize {
    let months = (d.year() - first.year()) * 12 + d.month() as i32 - first.month() as i32;
    usize::try_from(months).unwrap_or(0)
}

/// Entries of the last 12 months by type and by area, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub by_type: Vec<(ActivityType, usize)>,
    /// Area codes; an entry counts once in each of its areas.
    pub by_area: Vec<(String, usize)>,
}

/// Totals of the entries within the window ending `today`.
pub fn totals(journal: &Journal, today: NaiveDate) -> Totals {
    let mut by_type: BTreeMap<ActivityType, usize> = BTreeMap::new();
    let mut by_area: BTreeMap<String, usize> = BTreeMap::new();
    for e in journal.entries().iter().filter(|e| in_window(e, today)) {
        *by_type.entry(e.kind).or_default() += 1;
        for a in &e.areas {
            *by_area.entry(a.clone()).or_default() += 1;
        }
    }
    let mut by_type: Vec<_> = by_type.into_iter().collect();
    crate::domain::order::sort_by(&mut by_type, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_area: Vec<_> = by_area.into_iter().collect();
    crate::domain::order::sort_by(&mut by_area, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Totals { by_type, by_area }
}

impl Journal {
    /// What the explainer prefills from: activity in the 12 months up to and including `today`.
    pub fn activity_summary(&self, today: NaiveDate) -> ActivitySummary {
        let recent: Vec<&Entry> = self
            .entries()
            .iter()
            .filter(|e| in_window(e, today))
            .collect();
        let active = calendar(self, today).iter().filter(|m| m.count > 0).count();
        ActivitySummary {
            contributions_last_12: recent.len(),
            active_months_last_12: u8::try_from(active).unwrap_or(12),
            forms: crate::domain::order::set_of(recent.iter().map(|e| e.kind.form())),
            reach_recorded: recent.iter().any(|e| e.reach() > 0),
        }
    }

    /// The `n` strongest entries of the last 12 months (high impact first, then reach,
    /// then the most recent), with English type labels.
    pub fn highlights(&self, today: NaiveDate, n: usize) -> Vec<StoryHighlight> {
        self.highlights_in(today, n, Lang::En)
    }

    /// [`Journal::highlights`] with type labels in `lang`.
    pub fn highlights_in(&self, today: NaiveDate, n: usize, lang: Lang) -> Vec<StoryHighlight> {
        let mut recent: Vec<&Entry> = self
            .entries()
            .iter()
            .filter(|e| in_window(e, today))
            .collect();
        crate::domain::order::sort_by(&mut recent, |a, b| {
            b.high_impact
                .cmp(&a.high_impact)
                .then(b.reach().cmp(&a.reach()))
                .then(b.date.cmp(&a.date))
        });
        recent
            .into_iter()
            .take(n)
            .map(|e| StoryHighlight {
                title: e.title.clone(),
                date: e.date.to_string(),
                kind: tr(lang, e.kind.key()).to_string(),
                url: e.url.clone(),
                reach: e.reach(),
                high_impact: e.high_impact,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::ContributionForm;
    use crate::domain::journal::Figure;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn entry(id: &str, kind: ActivityType, date: NaiveDate) -> Entry {
        let mut e = Entry::new(id, kind, date);
        e.title = id.to_string();
        e
    }

    #[test]
    fn window_is_twelve_months_including_today() {
        assert_eq!(
            rolling_window(day(2026, 11, 27)),
            (day(2025, 11, 28), day(2026, 11, 27))
        );
        assert_eq!(
            rolling_window(day(2026, 1, 1)),
            (day(2025, 1, 2), day(2026, 1, 1))
        );
        // Leap day: a year back is 2027-02-28, so the window opens on 1 March.
        assert_eq!(
            rolling_window(day(2028, 2, 29)),
            (day(2027, 3, 1), day(2028, 2, 29))
        );
        assert_eq!(
            rolling_window(day(2029, 3, 1)),
            (day(2028, 3, 2), day(2029, 3, 1))
        );
        assert_eq!(
            rolling_window(day(2026, 3, 31)),
            (day(2025, 4, 1), day(2026, 3, 31))
        );
    }

    #[test]
    fn window_edges() {
        let today = day(2026, 11, 27);
        let at = |d| in_window(&entry("x", ActivityType::Blog, d), today);
        assert!(at(day(2026, 11, 27)));
        assert!(at(day(2025, 11, 28)));
        assert!(!at(day(2025, 11, 27)));
        assert!(!at(day(2026, 11, 28)), "future entries are not counted yet");
        let mut long = entry("y", ActivityType::Mentorship, day(2025, 6, 1));
        long.end_date = Some(day(2025, 12, 31));
        assert!(
            in_window(&long, today),
            "a span reaching into the window counts"
        );
    }

    #[test]
    fn local_dates_follow_the_time_zone() {
        // 2026-03-01T02:30:00Z
        let ms = 1_772_332_200_000;
        assert_eq!(local_date(ms, 0), Some(day(2026, 3, 1)));
        assert_eq!(
            local_date(ms, -5 * 60),
            Some(day(2026, 2, 28)),
            "New York: still February"
        );
        assert_eq!(local_date(ms, 9 * 60), Some(day(2026, 3, 1)));
        // 2024-02-29T23:30:00Z: leap day in London, 1 March in Tokyo.
        let leap = 1_709_249_400_000;
        assert_eq!(local_date(leap, 0), Some(day(2024, 2, 29)));
        assert_eq!(local_date(leap, 9 * 60), Some(day(2024, 3, 1)));
        assert_eq!(local_date(-1, 0), Some(day(1969, 12, 31)));
    }

    #[test]
    fn calendar_covers_twelve_months_across_a_year_boundary() {
        let today = day(2026, 2, 10);
        let mut j = Journal::default();
        j.insert(entry("a", ActivityType::Blog, day(2025, 3, 31)));
        j.insert(entry("b", ActivityType::Blog, day(2025, 12, 1)));
        j.insert(entry("c", ActivityType::Blog, day(2025, 12, 31)));
        j.insert(entry("d", ActivityType::Blog, day(2026, 2, 10)));
        j.insert(entry("future", ActivityType::Blog, day(2026, 2, 11)));
        j.insert(entry("old", ActivityType::Blog, day(2025, 2, 28)));
        let cal = calendar(&j, today);
        assert_eq!(cal.len(), 12);
        assert_eq!((cal[0].year, cal[0].month), (2025, 3));
        assert_eq!((cal[11].year, cal[11].month), (2026, 2));
        let counts: Vec<usize> = cal.iter().map(|m| m.count).collect();
        assert_eq!(counts, [1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1]);
    }

    #[test]
    fn a_span_counts_in_each_month_it_covers() {
        let mut j = Journal::default();
        let mut e = entry("m", ActivityType::Mentorship, day(2024, 1, 15));
        e.end_date = Some(day(2024, 3, 2));
        j.insert(e);
        let cal = calendar(&j, day(2024, 2, 29));
        let counts: Vec<usize> = cal.iter().map(|m| m.count).collect();
        assert_eq!(
            &counts[10..],
            &[1, 1],
            "January and February, not the future March"
        );
    }

    #[test]
    fn summary_for_the_explainer() {
        let today = day(2026, 11, 27);
        let mut j = Journal::default();
        let mut talk = entry("t", ActivityType::SpeakerThirdParty, day(2026, 10, 2));
        talk.figures.set(Figure::Attendees, Some(80));
        j.insert(talk);
        j.insert(entry("b1", ActivityType::Blog, day(2026, 10, 20)));
        j.insert(entry("b2", ActivityType::Article, day(2026, 1, 5)));
        j.insert(entry("old", ActivityType::Mentorship, day(2025, 1, 5)));
        let s = j.activity_summary(today);
        assert_eq!(s.contributions_last_12, 3);
        assert_eq!(s.active_months_last_12, 2);
        assert_eq!(
            s.forms.into_iter().collect::<Vec<_>>(),
            [ContributionForm::Writing, ContributionForm::Speaking]
        );
        assert!(s.reach_recorded);
        assert_eq!(
            Journal::default().activity_summary(today),
            ActivitySummary::default()
        );
    }

    #[test]
    fn highlights_put_high_impact_first_then_reach() {
        let today = day(2026, 11, 27);
        let mut j = Journal::default();
        let mut big = entry("big", ActivityType::Video, day(2026, 3, 1));
        big.figures.set(Figure::OnDemandViews, Some(10_000));
        let mut impact = entry("impact", ActivityType::Mentorship, day(2026, 2, 1));
        impact.high_impact = true;
        let mut small = entry("small", ActivityType::Blog, day(2026, 9, 1));
        small.figures.set(Figure::Views, Some(40));
        let mut old = entry("old", ActivityType::Blog, day(2024, 9, 1));
        old.high_impact = true;
        for e in [
            big,
            impact,
            small,
            old,
            entry("none", ActivityType::Blog, day(2026, 10, 1)),
        ] {
            j.insert(e);
        }
        let h = j.highlights(today, 3);
        let titles: Vec<&str> = h.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["impact", "big", "small"]);
        assert_eq!(h[1].reach, 10_000);
        assert_eq!(h[1].kind, "Webinar, online training, video or livestream");
        assert_eq!(h[0].date, "2026-02-01");
        assert_eq!(
            j.highlights_in(today, 1, Lang::Es)[0].kind,
            "Mentoría o coaching"
        );
    }

    #[test]
    fn totals_by_type_and_area() {
        let today = day(2026, 11, 27);
        let mut j = Journal::default();
        let mut a = entry("a", ActivityType::Blog, day(2026, 5, 1));
        a.areas = vec!["azure".into(), "security".into()];
        let mut b = entry("b", ActivityType::Blog, day(2026, 6, 1));
        b.areas = vec!["azure".into()];
        let c = entry("c", ActivityType::Podcast, day(2026, 7, 1));
        let old = entry("old", ActivityType::Podcast, day(2020, 7, 1));
        for e in [a, b, c, old] {
            j.insert(e);
        }
        let t = totals(&j, today);
        assert_eq!(
            t.by_type,
            [(ActivityType::Blog, 2), (ActivityType::Podcast, 1)]
        );
        assert_eq!(
            t.by_area,
            [("azure".to_string(), 2), ("security".to_string(), 1)]
        );
    }
}
