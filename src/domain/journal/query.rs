//! Search, filters and sort of the entry list.

use super::stats::rolling_window;
use super::{ActivityType, Entry, Journal};
use chrono::NaiveDate;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Reach,
}

impl Sort {
    /// Every order, as the sort control lists them.
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Reach];

    /// Stable name for URLs and form values.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Reach => "reach",
        }
    }

    /// Parses [`Sort::code`].
    pub fn from_code(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What the user asked the list to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words searched in title, description and URL (all must appear, any case).
    pub text: String,
    pub kind: Option<ActivityType>,
    pub area: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only the rolling last 12 months.
    pub last_12: bool,
    pub sort: Sort,
}

/// Lower-cased search text of every entry, built once per journal change so that a
/// keystroke only scans strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex(Vec<String>);

impl SearchIndex {
    /// The index of `journal`, in its entry order.
    pub fn new(journal: &Journal) -> Self {
        SearchIndex(
            journal
                .entries()
                .iter()
                .map(|e| {
                    let mut s = String::with_capacity(e.title.len() + e.description.len() + 40);
                    s.push_str(&e.title.to_lowercase());
                    s.push('\n');
                    s.push_str(&e.description.to_lowercase());
                    s.push('\n');
                    s.push_str(&e.url.as_deref().unwrap_or("").to_lowercase());
                    s
                })
                .collect(),
        )
    }
}

impl Filter {
    /// Whether any filter (not the sort) is set.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || self.kind.is_some()
            || self.area.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.last_12
    }

    /// Positions (in `journal.entries()`) of the matching entries, in the chosen order.
    /// `index` must be `SearchIndex::new(journal)`.
    pub fn apply(&self, journal: &Journal, index: &SearchIndex, today: NaiveDate) -> Vec<usize> {
        let mut hits = self.matching(journal, index, today, true);
        let entries = journal.entries();
        match self.sort {
            Sort::Newest => {}
            Sort::Oldest => hits.reverse(),
            Sort::Reach => {
                hits.sort_by(|a, b| entries[*b].reach().cmp(&entries[*a].reach()).then(a.cmp(b)))
            }
        }
        hits
    }

    /// How many entries of each type match every filter except the type one.
    pub fn counts_by_type(
        &self,
        journal: &Journal,
        index: &SearchIndex,
        today: NaiveDate,
    ) -> Vec<(ActivityType, usize)> {
        let mut counts = [0usize; 12];
        for i in self.matching(journal, index, today, false) {
            counts[journal.entries()[i].kind as usize] += 1;
        }
        ActivityType::ALL
            .iter()
            .map(|t| (*t, counts[*t as usize]))
            .collect()
    }

    fn matching(
        &self,
        journal: &Journal,
        index: &SearchIndex,
        today: NaiveDate,
        with_kind: bool,
    ) -> Vec<usize> {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let window = self.last_12.then(|| rolling_window(today));
        journal
            .entries()
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                (!with_kind || self.kind.is_none_or(|k| e.kind == k))
                    && self.area.as_ref().is_none_or(|a| e.areas.contains(a))
                    && self.from.is_none_or(|from| e.last_date() >= from)
                    && self.to.is_none_or(|to| e.date <= to)
                    && window.is_none_or(|(start, end)| e.date <= end && e.last_date() >= start)
                    && matches_words(index, *i, &words, e)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

fn matches_words(index: &SearchIndex, i: usize, words: &[String], _e: &Entry) -> bool {
    if words.is_empty() {
        return true;
    }
    index
        .0
        .get(i)
        .is_some_and(|hay| words.iter().all(|w| hay.contains(w.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::Figure;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn journal() -> Journal {
        let mut a = Entry::new("a", ActivityType::Blog, day(2026, 1, 10));
        a.title = "Bicep modules".into();
        a.description = "Reusable *infrastructure*".into();
        a.areas = vec!["azure".into()];
        a.figures.set(Figure::Views, Some(500));
        let mut b = Entry::new("b", ActivityType::Podcast, day(2025, 6, 1));
        b.title = "Talking Rust".into();
        b.url = Some("https://pod.example/rust-wasm".into());
        b.figures.set(Figure::Listens, Some(2000));
        let mut c = Entry::new("c", ActivityType::Blog, day(2026, 11, 1));
        c.title = "Entra ID tips".into();
        c.areas = vec!["security".into(), "azure".into()];
        Journal::from_entries(vec![a, b, c])
    }

    fn ids(j: &Journal, f: &Filter) -> Vec<String> {
        let index = SearchIndex::new(j);
        f.apply(j, &index, day(2026, 11, 27))
            .into_iter()
            .map(|i| j.entries()[i].id.clone())
            .collect()
    }

    #[test]
    fn search_looks_in_title_description_and_url_any_case() {
        let j = journal();
        let f = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        assert_eq!(ids(&j, &f("BICEP")), ["a"]);
        assert_eq!(ids(&j, &f("infrastructure")), ["a"]);
        assert_eq!(ids(&j, &f("wasm")), ["b"]);
        assert_eq!(ids(&j, &f("tips entra")), ["c"]);
        assert!(ids(&j, &f("kubernetes")).is_empty());
        assert_eq!(ids(&j, &f("  ")), ["c", "a", "b"]);
    }

    #[test]
    fn filters_combine() {
        let j = journal();
        let f = Filter {
            kind: Some(ActivityType::Blog),
            area: Some("azure".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&j, &f), ["c", "a"]);
        let f = Filter {
            from: Some(day(2026, 1, 10)),
            to: Some(day(2026, 10, 31)),
            ..Filter::default()
        };
        assert_eq!(ids(&j, &f), ["a"]);
        let f = Filter {
            last_12: true,
            ..Filter::default()
        };
        assert_eq!(ids(&j, &f), ["c", "a"]);
        assert!(f.is_active());
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn sorts_by_date_or_reach() {
        let j = journal();
        assert_eq!(
            ids(
                &j,
                &Filter {
                    sort: Sort::Oldest,
                    ..Filter::default()
                }
            ),
            ["b", "a", "c"]
        );
        assert_eq!(
            ids(
                &j,
                &Filter {
                    sort: Sort::Reach,
                    ..Filter::default()
                }
            ),
            ["b", "a", "c"]
        );
    }

    #[test]
    fn type_counts_follow_the_other_filters() {
        let j = journal();
        let index = SearchIndex::new(&j);
        let f = Filter {
            kind: Some(ActivityType::Podcast),
            area: Some("azure".into()),
            ..Filter::default()
        };
        let counts = f.counts_by_type(&j, &index, day(2026, 11, 27));
        assert_eq!(counts[ActivityType::Blog as usize], (ActivityType::Blog, 2));
        assert_eq!(
            counts[ActivityType::Podcast as usize],
            (ActivityType::Podcast, 0)
        );
    }
}
