//! Filling the journal from what people already publish: a blog's RSS or Atom feed, a
//! YouTube channel's or a podcast's feed, a meetup or conference calendar (`.ics`).
//!
//! [`read_file`] turns the file into draft items (nothing is saved), [`preview`] marks
//! what the journal already holds and what is outside the 12-month window, and
//! [`entries_for`] makes journal entries of the items the person ticked.
//!
//! ```
//! use chrono::NaiveDate;
//! use mvp_pathway::domain::feeds::{preview, read_file};
//! use mvp_pathway::domain::journal::Journal;
//! let rss = r#"<rss version="2.0"><channel><title>Blog</title><item>
//!   <title>Minimal APIs &amp; you</title><link>https://blog.example/minimal</link>
//!   <pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"#;
//! let file = read_file(rss, 0).unwrap();
//! assert_eq!(file.items[0].title, "Minimal APIs & you");
//! let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
//! let rows = preview(&Journal::default(), &file.items, today);
//! assert!(rows[0].picked);
//! ```

pub mod ical;
pub mod text;
pub mod xml;

use crate::domain::case::lowercase;
use crate::domain::journal::stats::rolling_window;
use crate::domain::journal::{ActivityType, Entry, Figure, Journal, DESCRIPTION_MAX, TITLE_MAX};
use crate::i18n::Key;
use chrono::NaiveDate;
use std::collections::HashSet;

/// Largest file read (the same limit as a journal backup).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most items offered from one file: the newest ones.
pub const MAX_ITEMS: usize = 500;

/// What kind of file the items came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Rss,
    Atom,
    YouTube,
    Podcast,
    Calendar,
}

impl Source {
    /// The translation key of its name.
    pub fn key(self) -> Key {
        match self {
            Source::Rss => Key::FeedsSourceRss,
            Source::Atom => Key::FeedsSourceAtom,
            Source::YouTube => Key::FeedsSourceYoutube,
            Source::Podcast => Key::FeedsSourcePodcast,
            Source::Calendar => Key::FeedsSourceCalendar,
        }
    }
}

/// Why a file cannot be read at all. Nothing is changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("the file is not a feed or a calendar")]
    NotAFeed,
    #[error("the file is cut short or broken")]
    Malformed,
    #[error("the file declares entities, which are refused")]
    EntityDeclarations,
    #[error("the file has no item with a title and a date")]
    Empty,
}

impl FeedError {
    /// The translation key of its message.
    pub fn key(self) -> Key {
        match self {
            FeedError::TooLarge => Key::FeedsErrTooLarge,
            FeedError::NotAFeed => Key::FeedsErrNotAFeed,
            FeedError::Malformed => Key::FeedsErrMalformed,
            FeedError::EntityDeclarations => Key::FeedsErrEntities,
            FeedError::Empty => Key::FeedsErrEmpty,
        }
    }
}

/// One published item as a journal draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// One line of plain text.
    pub title: String,
    pub date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// http or https only.
    pub url: Option<String>,
    /// Plain text (HTML already stripped).
    pub description: String,
    /// The activity type guessed from the feed.
    pub kind: ActivityType,
    /// A view count the feed carries (YouTube's `media:statistics`).
    pub views: Option<u64>,
}

/// What a file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFile {
    pub source: Source,
    /// Newest first, at most [`MAX_ITEMS`].
    pub items: Vec<FeedItem>,
    /// How many usable items the file had (more than `items.len()` when cut to the newest).
    pub total: usize,
    /// Items left out because they had no date or no title.
    pub skipped: usize,
}

impl FeedFile {
    /// Whether only the newest [`MAX_ITEMS`] are offered.
    pub fn cut(&self) -> bool {
        self.total > self.items.len()
    }
}

/// Reads a feed or calendar file. `utc_offset_minutes` (east positive) places UTC times
/// of calendar events on the user's day.
pub fn read_file(text: &str, utc_offset_minutes: i32) -> Result<FeedFile, FeedError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FeedError::TooLarge);
    }
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let (source, mut items, skipped) = if start.starts_with('<') {
        xml::parse(text)?
    } else if start.to_ascii_uppercase().starts_with("BEGIN:VCALENDAR") {
        let (items, skipped) = ical::parse(text, utc_offset_minutes)?;
        (Source::Calendar, items, skipped)
    } else {
        return Err(FeedError::NotAFeed);
    };
    if items.is_empty() {
        return Err(FeedError::Empty);
    }
    // Stable: items of the same day keep the file's order.
    crate::domain::order::sort_by(&mut items, |a, b| b.date.cmp(&a.date));
    let total = items.len();
    items.truncate(MAX_ITEMS);
    Ok(FeedFile {
        source,
        items,
        total,
        skipped,
    })
}

/// How one item stands against the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    New,
    /// The journal (or an earlier item of the same file) holds it: same URL, or same
    /// title and date.
    Duplicate,
}

/// One row of the import preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    pub standing: Standing,
    /// Before the 12-month window.
    pub old: bool,
    /// After today (an upcoming event).
    pub future: bool,
    /// Ticked at first: new items that have happened.
    pub picked: bool,
}

fn url_key(url: &str) -> String {
    lowercase(url.trim().trim_end_matches('/'))
}

fn title_key(title: &str, date: NaiveDate) -> (String, NaiveDate) {
    (lowercase(&text::one_line(title)), date)
}

/// One row per item: duplicates marked and unticked, items before the window marked.
pub fn preview(journal: &Journal, items: &[FeedItem], today: NaiveDate) -> Vec<PreviewRow> {
    let (window_start, _) = rolling_window(today);
    let mut urls: HashSet<String> = HashSet::new();
    let mut titles: HashSet<(String, NaiveDate)> = HashSet::new();
    for e in journal.entries() {
        if let Some(u) = &e.url {
            urls.insert(url_key(u));
        }
        titles.insert(title_key(&e.title, e.date));
    }
    items
        .iter()
        .map(|item| {
            let by_url = item.url.as_deref().map(url_key);
            let by_title = title_key(&truncated_title(&item.title), item.date);
            let seen = by_url.as_ref().is_some_and(|u| urls.contains(u))
                || titles.contains(&by_title)
                || titles.contains(&title_key(&item.title, item.date));
            if let Some(u) = by_url {
                urls.insert(u);
            }
            titles.insert(by_title);
            let standing = if seen {
                Standing::Duplicate
            } else {
                Standing::New
            };
            let future = item.date > today;
            PreviewRow {
                standing,
                old: item.date < window_start,
                future,
                picked: standing == Standing::New && !future,
            }
        })
        .collect()
}

fn truncated_title(title: &str) -> String {
    text::truncate(title, TITLE_MAX)
}

/// The journal entry for an item: title and description cut to the portal's limits, the
/// view count as the video's on-demand views.
pub fn entry_for(item: &FeedItem, id: String, now_ms: i64) -> Entry {
    let mut entry = Entry::new(id, item.kind, item.date);
    entry.title = truncated_title(&item.title);
    entry.description = text::truncate(&item.description, DESCRIPTION_MAX);
    entry.end_date = item.end_date;
    entry.url = item.url.clone();
    if let Some(views) = item.views {
        let figure = if item.kind.figures().contains(&Figure::OnDemandViews) {
            Figure::OnDemandViews
        } else {
            Figure::Views
        };
        if item.kind.figures().contains(&figure) {
            entry.figures.set(figure, Some(views));
        }
    }
    entry.created_ms = now_ms;
    entry.updated_ms = now_ms;
    entry
}

/// Entries for the ticked items (`picked[i]` for `items[i]`), with ids new to `journal`.
pub fn entries_for(
    journal: &Journal,
    items: &[FeedItem],
    picked: &[bool],
    now_ms: i64,
) -> Vec<Entry> {
    let mut taken: HashSet<String> = journal.entries().iter().map(|e| e.id.clone()).collect();
    let mut n = 0u32;
    let mut out = Vec::new();
    for (item, _) in items
        .iter()
        .zip(picked.iter().chain(std::iter::repeat(&false)))
        .filter(|(_, p)| **p)
    {
        let id = loop {
            let id = format!("f{now_ms:x}{n:x}");
            n += 1;
            if taken.insert(id.clone()) {
                break id;
            }
        };
        out.push(entry_for(item, id, now_ms));
    }
    out
}
