//! Search, filters and sort of the entry list.

use super::stats::rolling_window;
use super::{ActivityType, Journal};
use crate::domain::case::lowercase;
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

/// The result of a filter: matching positions in the chosen order, and the per-type
/// counts of the type menu. Kept so that the next keystroke can search only within it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The filter it was computed for.
    pub filter: Filter,
    /// [`Journal::version`] it was computed on.
    pub version: u64,
    /// Positions matching every filter except the type, in journal order.
    base: Vec<usize>,
    /// Positions matching every filter, in the chosen order.
    pub hits: Vec<usize>,
    /// How many entries of each type match every filter except the type one.
    pub counts: Vec<(ActivityType, usize)>,
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

    /// Whether every entry matching `self` also matches `previous`: only the search text
    /// changed, by adding to its end. Then a search can look only at `previous`'s matches.
    pub fn narrows(&self, previous: &Filter) -> bool {
        let same_rest = Filter {
            text: String::new(),
            kind: None,
            sort: Sort::Newest,
            ..self.clone()
        } == Filter {
            text: String::new(),
            kind: None,
            sort: Sort::Newest,
            ..previous.clone()
        };
        same_rest && lowercase(&self.text).starts_with(&lowercase(&previous.text))
    }

    /// Positions (in `journal.entries()`) of the matching entries, in the chosen order.
    pub fn apply(&self, journal: &Journal, today: NaiveDate) -> Vec<usize> {
        self.select(journal, today, None).hits
    }

    /// How many entries of each type match every filter except the type one.
    pub fn counts_by_type(
        &self,
        journal: &Journal,
        today: NaiveDate,
    ) -> Vec<(ActivityType, usize)> {
        self.select(journal, today, None).counts
    }

    /// Hits and type counts in one pass. With the `previous` selection of the same journal
    /// version, a filter that [narrows](Filter::narrows) it only looks at its matches: a
    /// keystroke then costs what the previous results hold, not what the journal holds.
    pub fn select(
        &self,
        journal: &Journal,
        today: NaiveDate,
        previous: Option<&Selection>,
    ) -> Selection {
        let words: Vec<String> = self.text.split_whitespace().map(lowercase).collect();
        let window = self.last_12.then(|| rolling_window(today));
        let entries = journal.entries();
        let keep = |i: usize| {
            let e = &entries[i];
            self.area.as_ref().is_none_or(|a| e.areas.contains(a))
                && self.from.is_none_or(|from| e.last_date() >= from)
                && self.to.is_none_or(|to| e.date <= to)
                && window.is_none_or(|(start, end)| e.date <= end && e.last_date() >= start)
                && (words.is_empty() || {
                    let hay = journal.search_text_at(i);
                    words.iter().all(|w| hay.contains(w.as_str()))
                })
        };
        let base: Vec<usize> = match previous {
            Some(p) if p.version == journal.version() && self.narrows(&p.filter) => {
                p.base.iter().copied().filter(|i| keep(*i)).collect()
            }
            _ => (0..entries.len()).filter(|i| keep(*i)).collect(),
        };
        let mut counts = [0usize; 12];
        for i in &base {
            counts[entries[*i].kind as usize] += 1;
        }
        let mut hits: Vec<usize> = match self.kind {
            Some(k) => base
                .iter()
                .copied()
                .filter(|i| entries[*i].kind == k)
                .collect(),
            None => base.clone(),
        };
        match self.sort {
            Sort::Newest => {}
            Sort::Oldest => hits.reverse(),
            Sort::Reach => crate::domain::order::sort_by(&mut hits, |a, b| {
                entries[*b].reach().cmp(&entries[*a].reach()).then(a.cmp(b))
            }),
        }
        Selection {
            filter: self.clone(),
            version: journal.version(),
            base,
            hits,
            counts: ActivityType::ALL
                .iter()
                .map(|t| (*t, counts[*t as usize]))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::Entry;
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
        f.apply(j, day(2026, 11, 27))
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
        let f = Filter {
            kind: Some(ActivityType::Podcast),
            area: Some("azure".into()),
            ..Filter::default()
        };
        let counts = f.counts_by_type(&j, day(2026, 11, 27));
        assert_eq!(counts[ActivityType::Blog as usize], (ActivityType::Blog, 2));
        assert_eq!(
            counts[ActivityType::Podcast as usize],
            (ActivityType::Podcast, 0)
        );
    }

    #[test]
    fn a_keystroke_searches_only_the_previous_matches_and_gives_the_same_answer() {
        let j = journal();
        let today = day(2026, 11, 27);
        let f = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        let first = f("t").select(&j, today, None);
        assert_eq!(first.hits.len(), 3);
        for text in ["ta", "tal", "talking r", "Talking Rust", "tips"] {
            assert!(f(text).narrows(&first.filter), "{text}");
            let narrowed = f(text).select(&j, today, Some(&first));
            assert_eq!(narrowed, f(text).select(&j, today, None), "{text}");
        }
        assert!(!f("").narrows(&f("t")));
        let by_area = Filter {
            area: Some("azure".into()),
            ..f("ti")
        };
        assert!(!by_area.narrows(&f("t")));
        // After a change to the journal the previous selection is not used.
        let mut changed = j.clone();
        let mut e = crate::domain::journal::Entry::new("d", ActivityType::Blog, day(2026, 5, 1));
        e.title = "Tall tales".into();
        changed.insert(e);
        let again = f("ta").select(&changed, today, Some(&first));
        assert_eq!(again.hits.len(), 2);
    }
}
