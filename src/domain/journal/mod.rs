//! The contribution journal: entries shaped like the MVP portal's activities, and the
//! rules around them (validation, the rolling 12-month window, exports and import).
//!
//! ```
//! use chrono::NaiveDate;
//! use mvp_pathway::domain::journal::{ActivityType, Entry, Journal};
//! let mut journal = Journal::default();
//! let mut entry = Entry::new("e1", ActivityType::Blog, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
//! entry.title = "Minimal APIs in .NET 10".into();
//! journal.insert(entry);
//! let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
//! assert_eq!(journal.activity_summary(today).contributions_last_12, 1);
//! ```

#[cfg(all(test, not(target_arch = "wasm32")))]
pub mod arbitrary;
pub mod areas;
pub mod formats;
pub mod query;
pub mod stash;
pub mod stats;
pub mod validation;

use crate::domain::case::lowercase;
use crate::i18n::Key;
use chrono::NaiveDate;

/// Most characters in a title (the portal's limit).
pub const TITLE_MAX: usize = 100;
/// Most characters in a description (the portal's limit).
pub const DESCRIPTION_MAX: usize = 1_000;
/// Most characters in private notes (a sanity limit of ours; the portal states none).
pub const NOTES_MAX: usize = 5_000;
/// The largest whole number every JSON reader keeps exactly (2^53 - 1). An entry's figures
/// and timestamps stay within it, so the browser's JSON parser, which reads the journal,
/// and any program that opens a backup read them back as they were written.
pub const EXACT_MAX: u64 = 9_007_199_254_740_991;

pub use super::date_text::parse_iso_date;

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal / $key:ident,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant,)+ }

        impl $name {
            /// Every value, in the order forms list them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Stable name used in storage, backups and URLs.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// Parses [`Self::code`].
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// The translation key of its label.
            pub fn key(self) -> Key {
                match self { $($name::$variant => Key::$key,)+ }
            }
        }
    };
}

coded_enum! {
    /// Activity types of the current MVP portal.
    ActivityType {
        Blog = "blog" / JournalTypeBlog,
        Article = "article" / JournalTypeArticle,
        Podcast = "podcast" / JournalTypePodcast,
        Video = "video" / JournalTypeVideo,
        ContentFeedback = "content-feedback" / JournalTypeContentFeedback,
        OnlineSupport = "online-support" / JournalTypeOnlineSupport,
        OpenSource = "open-source" / JournalTypeOpenSource,
        ProductFeedback = "product-feedback" / JournalTypeProductFeedback,
        Mentorship = "mentorship" / JournalTypeMentorship,
        SpeakerMicrosoft = "speaker-microsoft" / JournalTypeSpeakerMicrosoft,
        SpeakerThirdParty = "speaker-third-party" / JournalTypeSpeakerThirdParty,
        UserGroupOwner = "user-group-owner" / JournalTypeUserGroupOwner,
    }
}

coded_enum! {
    /// The figures an activity type records besides the common fields.
    Figure {
        Views = "views" / JournalFigureViews,
        Subscribers = "subscribers" / JournalFigureSubscribers,
        Sessions = "sessions" / JournalFigureSessions,
        Listens = "listens" / JournalFigureListens,
        LiveViews = "live-views" / JournalFigureLiveViews,
        OnDemandViews = "on-demand-views" / JournalFigureOnDemandViews,
        Attendees = "attendees" / JournalFigureAttendees,
    }
}

coded_enum! {
    /// Target audiences of the portal.
    Audience {
        Developer = "developer" / JournalAudienceDeveloper,
        ItPro = "it-pro" / JournalAudienceItPro,
        TechnicalDecisionMaker = "tdm" / JournalAudienceTdm,
        BusinessDecisionMaker = "bdm" / JournalAudienceBdm,
        Student = "student" / JournalAudienceStudent,
        EndUser = "end-user" / JournalAudienceEndUser,
    }
}

coded_enum! {
    /// Roles of the portal ("Other" only where a type offers it).
    Role {
        Host = "host" / JournalRoleHost,
        Presenter = "presenter" / JournalRolePresenter,
        Speaker = "speaker" / JournalRoleSpeaker,
        Panelist = "panelist" / JournalRolePanelist,
        Author = "author" / JournalRoleAuthor,
        Contributor = "contributor" / JournalRoleContributor,
        Moderator = "moderator" / JournalRoleModerator,
        Organizer = "organizer" / JournalRoleOrganizer,
        Mentor = "mentor" / JournalRoleMentor,
        Reviewer = "reviewer" / JournalRoleReviewer,
        Other = "other" / JournalRoleOther,
    }
}

coded_enum! {
    /// Microsoft events a "Speaker/Presenter at Microsoft event" activity can name.
    MsEvent {
        MlsaSummit = "mlsa-summit" / JournalEventMlsa,
        MvpSummit = "mvp-summit" / JournalEventMvp,
        RdSummit = "rd-summit" / JournalEventRd,
        Build = "build" / JournalEventBuild,
        Ignite = "ignite" / JournalEventIgnite,
        Inspire = "inspire" / JournalEventInspire,
        Other = "other" / JournalEventOther,
    }
}

impl ActivityType {
    /// The type's own figures, in the portal's order.
    pub fn figures(self) -> &'static [Figure] {
        use Figure::*;
        match self {
            ActivityType::Blog | ActivityType::Article => &[Views, Subscribers],
            ActivityType::Podcast => &[Sessions, Listens],
            ActivityType::Video => &[Sessions, LiveViews, OnDemandViews],
            ActivityType::ContentFeedback
            | ActivityType::OnlineSupport
            | ActivityType::OpenSource => &[Views],
            ActivityType::ProductFeedback => &[],
            ActivityType::Mentorship => &[Sessions],
            ActivityType::SpeakerMicrosoft => &[Sessions],
            ActivityType::SpeakerThirdParty => &[Attendees, Sessions],
            ActivityType::UserGroupOwner => &[Views, Attendees],
        }
    }

    /// Roles the portal offers for this type.
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            ActivityType::Mentorship => &[Organizer, Mentor, Other],
            ActivityType::UserGroupOwner => &[Organizer, Other],
            _ => &[
                Host,
                Presenter,
                Speaker,
                Panelist,
                Author,
                Contributor,
                Moderator,
                Organizer,
                Mentor,
                Reviewer,
            ],
        }
    }

    /// Whether the type names a Microsoft event.
    pub fn has_event(self) -> bool {
        self == ActivityType::SpeakerMicrosoft
    }

    /// The form of contribution the explainer asks about.
    pub fn form(self) -> crate::domain::activity::ContributionForm {
        use crate::domain::activity::ContributionForm as F;
        match self {
            ActivityType::Blog | ActivityType::Article | ActivityType::ContentFeedback => {
                F::Writing
            }
            ActivityType::Podcast | ActivityType::Video => F::VideoOrPodcast,
            ActivityType::OnlineSupport => F::ForumAnswers,
            ActivityType::OpenSource => F::OpenSource,
            ActivityType::ProductFeedback => F::ProductFeedback,
            ActivityType::Mentorship => F::Mentoring,
            ActivityType::SpeakerMicrosoft | ActivityType::SpeakerThirdParty => F::Speaking,
            ActivityType::UserGroupOwner => F::Organising,
        }
    }
}

impl Figure {
    /// Whether the figure measures people reached (rather than a count of sessions or a
    /// subscriber base), and so counts as reach.
    pub fn is_reach(self) -> bool {
        matches!(
            self,
            Figure::Views
                | Figure::Listens
                | Figure::LiveViews
                | Figure::OnDemandViews
                | Figure::Attendees
        )
    }
}

/// The figures of one entry, one optional number per [`Figure`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures([Option<u64>; 7]);

impl Figures {
    /// The value of `figure`, if recorded.
    pub fn get(&self, figure: Figure) -> Option<u64> {
        self.0[figure as usize]
    }

    /// Records (or clears) `figure`.
    pub fn set(&mut self, figure: Figure, value: Option<u64>) {
        self.0[figure as usize] = value;
    }

    /// Recorded figures, in [`Figure::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Figure, u64)> + '_ {
        Figure::ALL
            .iter()
            .filter_map(|f| self.get(*f).map(|v| (*f, v)))
    }
}

/// One contribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable identifier, kept across export and import.
    pub id: String,
    pub kind: ActivityType,
    pub title: String,
    /// Markdown, rendered only through `domain::markdown`.
    pub description: String,
    /// Never exported to the Markdown summary.
    pub private_notes: String,
    pub date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// http or https only.
    pub url: Option<String>,
    /// Technology area codes (see [`areas`]); the first is the primary area.
    pub areas: Vec<String>,
    pub audiences: Vec<Audience>,
    pub role: Option<Role>,
    pub event: Option<MsEvent>,
    pub quantity: u32,
    /// Only the figures of `kind` are kept.
    pub figures: Figures,
    pub high_impact: bool,
    /// Milliseconds since 1970 (UTC).
    pub created_ms: i64,
    pub updated_ms: i64,
}

impl Entry {
    /// An empty entry of `kind` on `date`.
    pub fn new(id: impl Into<String>, kind: ActivityType, date: NaiveDate) -> Self {
        Entry {
            id: id.into(),
            kind,
            title: String::new(),
            description: String::new(),
            private_notes: String::new(),
            date,
            end_date: None,
            url: None,
            areas: Vec::new(),
            audiences: Vec::new(),
            role: None,
            event: None,
            quantity: 1,
            figures: Figures::default(),
            high_impact: false,
            created_ms: 0,
            updated_ms: 0,
        }
    }

    /// The largest reach figure (views, listens, attendees...), 0 when none.
    pub fn reach(&self) -> u64 {
        self.figures
            .iter()
            .filter(|(f, _)| f.is_reach())
            .map(|(_, v)| v)
            .max()
            .unwrap_or(0)
    }

    /// The last day of the activity.
    pub fn last_date(&self) -> NaiveDate {
        self.end_date.unwrap_or(self.date).max(self.date)
    }

    /// Whether `other` looks like the same contribution: same title and same URL.
    pub fn same_title_and_url(&self, title: &str, url: Option<&str>) -> bool {
        normalise_title(&self.title) == normalise_title(title)
            && self.url.as_deref().map(normalise_url) == url.map(normalise_url)
    }
}

fn normalise_title(title: &str) -> String {
    lowercase(
        title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    )
}

fn normalise_url(url: &str) -> String {
    lowercase(trimmed_url(url))
}

/// A link without surrounding spaces and trailing slashes: what [`normalise_url`] lower-cases.
fn trimmed_url(url: &str) -> &str {
    url.trim().trim_end_matches('/')
}

/// Whether `url` normalises to `wanted` (already normalised).
fn same_url(url: Option<&str>, wanted: Option<&str>) -> bool {
    match (url, wanted) {
        (None, None) => true,
        (Some(url), Some(wanted)) => {
            let url = trimmed_url(url);
            if url.is_ascii() {
                // `wanted` is lower-cased: equal to this URL lower-cased exactly when equal
                // ignoring ASCII case.
                url.eq_ignore_ascii_case(wanted)
            } else {
                lowercase(url) == wanted
            }
        }
        _ => false,
    }
}

/// A calendar month: the unit in which the journal is saved (one storage chunk per month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month of `date`.
    pub fn of(date: NaiveDate) -> Month {
        use chrono::Datelike;
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        let month: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
        let year: i32 = y.parse().ok().filter(|y| (0..=9999).contains(y))?;
        (y.len() == 4 && m.len() == 2).then_some(Month { year, month })
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Every entry, newest first by date, with each entry's lower-cased search text kept
/// beside it (updated entry by entry, never rebuilt for the whole journal), and the months
/// changed since the last save.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    entries: Vec<Entry>,
    /// `search[i]` is the search text of `entries[i]`.
    search: Vec<String>,
    /// Months whose entries changed since [`Journal::take_changed`] was last called.
    changed: std::collections::BTreeSet<Month>,
    /// Changes whenever the entries change; equal versions mean equal entries.
    version: u64,
}

/// Journals are equal when their entries are (not their change tracking).
impl PartialEq for Journal {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for Journal {}

fn next_version() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static VERSION: AtomicU64 = AtomicU64::new(1);
    VERSION.fetch_add(1, Ordering::Relaxed)
}

/// Lower-cased title, description and URL: what the search box looks through.
pub fn search_text(e: &Entry) -> String {
    let url = e.url.as_deref().unwrap_or("");
    let mut s = String::with_capacity(e.title.len() + e.description.len() + url.len() + 2);
    push_lowercase(&mut s, &e.title);
    s.push('\n');
    push_lowercase(&mut s, &e.description);
    s.push('\n');
    push_lowercase(&mut s, url);
    s
}

/// Appends `text` in lower case (as `str::to_lowercase` writes it), in place for the usual
/// ASCII text: a new string for each made up most of indexing 5,000 imported entries.
pub fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&lowercase(text));
    }
}

impl Journal {
    /// A journal holding `entries` (sorted newest first); every month counts as changed.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut j = Journal::from_saved(entries);
        j.changed = j.entries.iter().map(|e| Month::of(e.date)).collect();
        j
    }

    /// A journal of entries just read from storage: nothing counts as changed.
    pub fn from_saved(mut entries: Vec<Entry>) -> Self {
        sort_entries(&mut entries);
        let search = entries.iter().map(search_text).collect();
        Journal {
            entries,
            search,
            changed: Default::default(),
            version: next_version(),
        }
    }

    /// Every entry, newest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The search text of the entry at `position` (see [`search_text`]).
    pub fn search_text_at(&self, position: usize) -> &str {
        self.search.get(position).map_or("", String::as_str)
    }

    /// A number that changes whenever the entries change.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the journal is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with `id`.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Adds `entry`, or replaces the entry with the same id. A replaced entry moves only
    /// past the entries between its old and new places (an edit that keeps the date moves
    /// none), rather than every entry after it twice: removing and inserting the first of
    /// 20,000 entries moved megabytes on each save.
    pub fn insert(&mut self, entry: Entry) {
        self.changed.insert(Month::of(entry.date));
        let text = search_text(&entry);
        let Some(old) = self.entries.iter().position(|e| e.id == entry.id) else {
            let at = self
                .entries
                .partition_point(|e| entry_order(e, &entry).is_lt());
            self.search.insert(at, text);
            self.entries.insert(at, entry);
            self.version = next_version();
            return;
        };
        self.changed.insert(Month::of(self.entries[old].date));
        // Its place among the other entries (all sorted): before the old place if an entry
        // there comes after it, else after the entries past the old place that come before it.
        let before = self.entries[..old].partition_point(|e| entry_order(e, &entry).is_lt());
        let at = if before < old {
            self.entries[before..=old].rotate_right(1);
            self.search[before..=old].rotate_right(1);
            before
        } else {
            let at =
                old + self.entries[old + 1..].partition_point(|e| entry_order(e, &entry).is_lt());
            self.entries[old..=at].rotate_left(1);
            self.search[old..=at].rotate_left(1);
            at
        };
        self.entries[at] = entry;
        self.search[at] = text;
        self.version = next_version();
    }

    /// Adds many entries at once (replacing those with the same ids): one sort instead of
    /// one insertion each.
    pub fn insert_many(&mut self, incoming: Vec<Entry>) {
        if incoming.is_empty() {
            return;
        }
        let ids: std::collections::BTreeSet<&str> =
            incoming.iter().map(|e| e.id.as_str()).collect();
        if self.entries.iter().any(|e| ids.contains(e.id.as_str())) {
            let mut kept = Vec::with_capacity(self.entries.len());
            let entries = std::mem::take(&mut self.entries);
            let search = std::mem::take(&mut self.search);
            for (e, s) in entries.into_iter().zip(search) {
                if ids.contains(e.id.as_str()) {
                    self.changed.insert(Month::of(e.date));
                } else {
                    kept.push((e, s));
                }
            }
            (self.entries, self.search) = kept.into_iter().unzip();
        }
        let mut pairs: Vec<(Entry, String)> = std::mem::take(&mut self.entries)
            .into_iter()
            .zip(std::mem::take(&mut self.search))
            .collect();
        for e in incoming {
            self.changed.insert(Month::of(e.date));
            let s = search_text(&e);
            pairs.push((e, s));
        }
        super::order::sort_by(&mut pairs, |a, b| entry_order(&a.0, &b.0));
        (self.entries, self.search) = pairs.into_iter().unzip();
        self.version = next_version();
    }

    /// Removes every entry; every month that had entries counts as changed.
    pub fn clear(&mut self) {
        self.changed
            .extend(self.entries.iter().map(|e| Month::of(e.date)));
        self.entries.clear();
        self.search.clear();
        self.version = next_version();
    }

    /// Removes and returns the entry with `id`.
    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        let at = self.entries.iter().position(|e| e.id == id)?;
        self.search.remove(at);
        let entry = self.entries.remove(at);
        self.changed.insert(Month::of(entry.date));
        self.version = next_version();
        Some(entry)
    }

    /// Adds entries read from storage that are all older than every entry held (a month
    /// loaded later); falls back to a full sort if they are not. Nothing counts as changed.
    pub fn append_saved(&mut self, mut older: Vec<Entry>) {
        if older.is_empty() {
            return;
        }
        sort_entries(&mut older);
        let in_order = match (self.entries.last(), older.first()) {
            (Some(last), Some(first)) => entry_order(last, first).is_lt(),
            _ => true,
        };
        self.search.extend(older.iter().map(search_text));
        self.entries.extend(older);
        if !in_order {
            let mut pairs: Vec<(Entry, String)> = std::mem::take(&mut self.entries)
                .into_iter()
                .zip(std::mem::take(&mut self.search))
                .collect();
            super::order::sort_by(&mut pairs, |a, b| entry_order(&a.0, &b.0));
            (self.entries, self.search) = pairs.into_iter().unzip();
        }
        self.version = next_version();
    }

    /// Replaces the entries of `month` with `entries` as read from storage (another tab
    /// saved that month). Nothing counts as changed.
    pub fn replace_saved_month(&mut self, month: Month, entries: Vec<Entry>) {
        let range = self.month_range(month);
        self.entries.drain(range.clone());
        self.search.drain(range);
        self.append_saved(entries);
    }

    /// Positions of the entries of `month` (they are next to each other).
    pub fn month_range(&self, month: Month) -> std::ops::Range<usize> {
        let start = self.entries.partition_point(|e| Month::of(e.date) > month);
        let end = start + self.entries[start..].partition_point(|e| Month::of(e.date) == month);
        start..end
    }

    /// The entries of `month`, newest first.
    pub fn month_entries(&self, month: Month) -> &[Entry] {
        &self.entries[self.month_range(month)]
    }

    /// Months that hold entries, newest first.
    pub fn months(&self) -> Vec<Month> {
        let mut months: Vec<Month> = self.entries.iter().map(|e| Month::of(e.date)).collect();
        months.dedup();
        months
    }

    /// Marks every month that holds entries as changed (to save the whole journal again).
    pub fn mark_all_changed(&mut self) {
        let months = self.months();
        self.changed.extend(months);
    }

    /// Marks `months` as changed again (a save of them failed).
    pub fn mark_changed(&mut self, months: impl IntoIterator<Item = Month>) {
        self.changed.extend(months);
    }

    /// The months changed since the last call; the tracking starts again empty.
    pub fn take_changed(&mut self) -> std::collections::BTreeSet<Month> {
        std::mem::take(&mut self.changed)
    }

    /// Whether any month changed since [`Journal::take_changed`].
    pub fn has_changes(&self) -> bool {
        !self.changed.is_empty()
    }

    /// Entries other than `except` with the same title and URL.
    pub fn duplicates_of<'a>(
        &'a self,
        title: &'a str,
        url: Option<&'a str>,
        except: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        // Normalised once; each entry's link is compared first, without a copy when it is
        // ASCII, so the form's check after every change does not copy every title.
        let wanted =
            (!title.trim().is_empty()).then(|| (normalise_title(title), url.map(normalise_url)));
        self.entries.iter().filter(move |e| {
            let Some((title, url)) = &wanted else {
                return false;
            };
            Some(e.id.as_str()) != except
                && same_url(e.url.as_deref(), url.as_deref())
                && normalise_title(&e.title) == *title
        })
    }

    /// A new id, unique in this journal: derived from the time and a counter.
    pub fn new_id(&self, now_ms: i64) -> String {
        (0u32..)
            .map(|n| format!("e{now_ms:x}{n:x}"))
            .find(|id| self.get(id).is_none())
            .unwrap_or_default()
    }
}

/// Newest date first; the same date by most recently created first, then id.
fn entry_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.created_ms.cmp(&a.created_ms))
        .then(a.id.cmp(&b.id))
}

fn sort_entries(entries: &mut [Entry]) {
    super::order::sort_by(entries, entry_order);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_type_maps_to_a_form_and_codes_round_trip() {
        for t in ActivityType::ALL {
            assert_eq!(ActivityType::from_code(t.code()), Some(*t));
            assert!(!t.roles().is_empty());
        }
        assert_eq!(ActivityType::ALL.len(), 12);
        assert_eq!(Role::ALL.len(), 11);
        assert_eq!(Audience::ALL.len(), 6);
        assert_eq!(MsEvent::ALL.len(), 7);
        assert_eq!(ActivityType::from_code("tweet"), None);
    }

    #[test]
    fn types_carry_the_portals_figures() {
        assert_eq!(
            ActivityType::Video.figures(),
            &[Figure::Sessions, Figure::LiveViews, Figure::OnDemandViews]
        );
        assert!(ActivityType::ProductFeedback.figures().is_empty());
        assert_eq!(
            ActivityType::Mentorship.roles(),
            &[Role::Organizer, Role::Mentor, Role::Other]
        );
        assert!(!ActivityType::Blog.roles().contains(&Role::Other));
        assert!(ActivityType::SpeakerMicrosoft.has_event());
    }

    #[test]
    fn reach_is_the_largest_reach_figure() {
        let mut e = Entry::new("a", ActivityType::Video, day(2026, 1, 1));
        assert_eq!(e.reach(), 0);
        e.figures.set(Figure::Sessions, Some(900));
        assert_eq!(e.reach(), 0, "sessions are not reach");
        e.figures.set(Figure::LiveViews, Some(120));
        e.figures.set(Figure::OnDemandViews, Some(450));
        assert_eq!(e.reach(), 450);
    }

    #[test]
    fn insert_keeps_newest_first_and_replaces_by_id() {
        let mut j = Journal::default();
        j.insert(Entry::new("a", ActivityType::Blog, day(2026, 1, 1)));
        j.insert(Entry::new("b", ActivityType::Blog, day(2026, 3, 1)));
        j.insert(Entry::new("c", ActivityType::Blog, day(2026, 2, 1)));
        let ids: Vec<_> = j.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
        let mut moved = Entry::new("a", ActivityType::Blog, day(2026, 4, 1));
        moved.title = "moved".into();
        j.insert(moved);
        assert_eq!(j.len(), 3);
        assert_eq!(j.entries()[0].title, "moved");
        assert_eq!(j.remove("c").map(|e| e.id), Some("c".to_string()));
        assert_eq!(j.remove("c"), None);
    }

    #[test]
    fn duplicates_match_title_and_url_loosely() {
        let mut j = Journal::default();
        let mut e = Entry::new("a", ActivityType::Blog, day(2026, 1, 1));
        e.title = "Hello  World".into();
        e.url = Some("https://x.org/post/".into());
        j.insert(e);
        assert_eq!(
            j.duplicates_of("hello world", Some("HTTPS://x.org/post"), None)
                .count(),
            1
        );
        assert_eq!(
            j.duplicates_of("hello world", Some("https://x.org/other"), None)
                .count(),
            0
        );
        assert_eq!(j.duplicates_of("hello world", None, None).count(), 0);
        assert_eq!(
            j.duplicates_of("hello world", Some("https://x.org/post"), Some("a"))
                .count(),
            0
        );
    }

    #[test]
    fn iso_dates_parse_strictly() {
        assert_eq!(parse_iso_date("2028-02-29"), Some(day(2028, 2, 29)));
        assert_eq!(parse_iso_date("2027-02-29"), None);
        for bad in [
            "2026-1-01",
            "2026/01/01",
            "+026-01-01",
            "2026-01-0x",
            "",
            "2026-01-011",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert_eq!(day(2026, 3, 5).to_string(), "2026-03-05");
    }

    #[test]
    fn lower_case_is_the_same_with_and_without_the_ascii_shortcut() {
        for text in [
            "Rust On WASM",
            "",
            "Ünïcode İstanbul ΣΑΣ",
            "MiXeD ascii then Ä",
        ] {
            let mut out = String::from("x");
            push_lowercase(&mut out, text);
            assert_eq!(out, format!("x{}", text.to_lowercase()));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::domain::journal::arbitrary::{entry, journal};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Replacing an entry in place gives the same journal as removing it and
            /// adding it again: the same order, search texts beside their entries, and
            /// the months of both the old and the new date marked changed.
            #[test]
            fn insert_in_place_is_remove_then_insert(
                j in journal(12),
                pick in any::<prop::sample::Index>(),
                new in entry(100),
                keep_date in any::<bool>(),
            ) {
                let mut fast = j.clone();
                fast.take_changed();
                let mut edited = new;
                if let Some(old) = (!fast.is_empty()).then(|| pick.get(fast.entries()).clone()) {
                    edited.id = old.id.clone();
                    if keep_date {
                        edited.date = old.date;
                        edited.created_ms = old.created_ms;
                    }
                }
                let mut plain = fast.clone();
                if let Some(at) = plain.entries.iter().position(|e| e.id == edited.id) {
                    let gone = plain.entries.remove(at);
                    plain.search.remove(at);
                    plain.changed.insert(Month::of(gone.date));
                }
                plain.entries.push(edited.clone());
                plain.search.push(search_text(&edited));
                plain.changed.insert(Month::of(edited.date));
                let mut pairs: Vec<(Entry, String)> =
                    plain.entries.drain(..).zip(plain.search.drain(..)).collect();
                pairs.sort_by(|a, b| entry_order(&a.0, &b.0));
                (plain.entries, plain.search) = pairs.into_iter().unzip();

                fast.insert(edited);
                let ids = |j: &Journal| j.entries().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
                prop_assert_eq!(ids(&fast), ids(&plain));
                prop_assert_eq!(fast.entries(), plain.entries());
                for (i, e) in fast.entries().iter().enumerate() {
                    prop_assert_eq!(fast.search_text_at(i), search_text(e));
                }
                prop_assert_eq!(fast.take_changed(), plain.take_changed());
            }
        }
    }

    #[test]
    fn search_text_and_months_follow_every_change() {
        let mut j = Journal::from_saved(vec![
            Entry::new("a", ActivityType::Blog, day(2026, 1, 5)),
            Entry::new("b", ActivityType::Blog, day(2026, 3, 1)),
        ]);
        assert!(!j.has_changes());
        let mut c = Entry::new("c", ActivityType::Blog, day(2026, 2, 9));
        c.title = "Rust On Wasm".into();
        j.insert(c);
        assert_eq!(j.search_text_at(1), "rust on wasm\n\n");
        let mut moved = Entry::new("a", ActivityType::Blog, day(2025, 12, 31));
        moved.title = "Moved".into();
        j.insert(moved);
        let months: Vec<String> = j.take_changed().iter().map(Month::to_string).collect();
        assert_eq!(months, ["2025-12", "2026-01", "2026-02"]);
        assert_eq!(j.months().len(), 3);
        assert_eq!(j.month_entries(Month::of(day(2026, 2, 1)))[0].id, "c");
        for (i, e) in j.entries().iter().enumerate() {
            assert_eq!(j.search_text_at(i), search_text(e));
        }
        j.insert_many(vec![
            Entry::new("d", ActivityType::Blog, day(2026, 3, 2)),
            Entry::new("c", ActivityType::Podcast, day(2024, 1, 1)),
        ]);
        let ids: Vec<_> = j.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["d", "b", "a", "c"]);
        for (i, e) in j.entries().iter().enumerate() {
            assert_eq!(j.search_text_at(i), search_text(e));
        }
        let months: Vec<String> = j.take_changed().iter().map(Month::to_string).collect();
        assert_eq!(months, ["2024-01", "2026-02", "2026-03"]);
        j.append_saved(vec![Entry::new("old", ActivityType::Blog, day(2020, 1, 1))]);
        j.replace_saved_month(
            Month::of(day(2026, 3, 1)),
            vec![Entry::new("x", ActivityType::Blog, day(2026, 3, 30))],
        );
        let ids: Vec<_> = j.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["x", "a", "c", "old"]);
        assert!(!j.has_changes());
        assert_eq!(
            Month::parse("2026-03"),
            Some(Month {
                year: 2026,
                month: 3
            })
        );
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("26-03"), None);
    }

    #[test]
    fn new_ids_are_unique() {
        let mut j = Journal::default();
        let first = j.new_id(1000);
        j.insert(Entry::new(
            first.clone(),
            ActivityType::Blog,
            day(2026, 1, 1),
        ));
        let second = j.new_id(1000);
        assert_ne!(first, second);
    }
}
