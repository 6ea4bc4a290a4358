//! What the entry form holds while the user types ([`Draft`], plain strings so that
//! nothing typed is lost), and the rules that turn it into an [`Entry`].

use super::areas::area;
use super::{
    ActivityType, Audience, Entry, Figure, Figures, MsEvent, Role, DESCRIPTION_MAX, NOTES_MAX,
    TITLE_MAX,
};
use crate::i18n::Key;
use chrono::NaiveDate;

/// A form field that can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Kind,
    Title,
    Description,
    Notes,
    Date,
    EndDate,
    Url,
    Areas,
    Role,
    Event,
    Quantity,
    Figure(Figure),
}

/// Why a field is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    InvalidDate,
    EndBeforeStart,
    UrlNotWeb,
    /// The address holds invisible characters that change the reading direction.
    UrlHiddenCharacters,
    NotANumber,
    /// A figure above [`EXACT_MAX`](super::EXACT_MAX).
    TooLarge,
    NotAllowed,
    UnknownArea,
}

impl Field {
    /// The field's name in a stored entry or a backup (a figure by its code), for messages
    /// about an entry read from storage or a file.
    pub fn name(self) -> &'static str {
        match self {
            Field::Kind => "type",
            Field::Title => "title",
            Field::Description => "description",
            Field::Notes => "private_notes",
            Field::Date => "date",
            Field::EndDate => "end_date",
            Field::Url => "url",
            Field::Areas => "areas",
            Field::Role => "role",
            Field::Event => "event",
            Field::Quantity => "quantity",
            Field::Figure(f) => f.code(),
        }
    }
}

impl Problem {
    /// What is wrong, in a few plain words, for messages about an entry read from storage
    /// or a file (the form shows the translated message of [`Problem::key`]).
    pub fn describe(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong { .. } => "too long",
            Problem::InvalidDate => "not a valid date",
            Problem::EndBeforeStart => "ends before it starts",
            Problem::UrlNotWeb => "not a web address",
            Problem::UrlHiddenCharacters => "hidden characters in the address",
            Problem::NotANumber => "not a whole number",
            Problem::TooLarge => "number too large",
            Problem::NotAllowed => "not allowed for this type",
            Problem::UnknownArea => "unknown area",
        }
    }

    /// The translation key of its message (`{max}` is filled by the caller).
    pub fn key(self) -> Key {
        match self {
            Problem::Required => Key::JournalErrRequired,
            Problem::TooLong { .. } => Key::JournalErrTooLong,
            Problem::InvalidDate => Key::JournalErrDate,
            Problem::EndBeforeStart => Key::JournalErrEndBeforeStart,
            Problem::UrlNotWeb => Key::JournalErrUrl,
            Problem::UrlHiddenCharacters => Key::JournalErrUrlHidden,
            Problem::NotANumber => Key::JournalErrNumber,
            Problem::TooLarge => Key::JournalErrTooLarge,
            Problem::NotAllowed => Key::JournalErrNotAllowed,
            Problem::UnknownArea => Key::JournalErrArea,
        }
    }
}

/// The entry form's content, exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub notes: String,
    /// `YYYY-MM-DD`, as `<input type="date">` gives it.
    pub date: String,
    pub end_date: String,
    pub url: String,
    /// Area codes; the first is the primary area.
    pub areas: Vec<String>,
    pub audiences: Vec<Audience>,
    pub role: String,
    pub event: String,
    pub quantity: String,
    /// One text per [`Figure`], in [`Figure::ALL`] order.
    pub figures: [String; 7],
    pub high_impact: bool,
}

impl Draft {
    /// An empty form dated `today`.
    pub fn blank(today: NaiveDate) -> Self {
        Draft {
            kind: ActivityType::Blog.code().into(),
            title: String::new(),
            description: String::new(),
            notes: String::new(),
            date: today.to_string(),
            end_date: String::new(),
            url: String::new(),
            areas: Vec::new(),
            audiences: Vec::new(),
            role: String::new(),
            event: String::new(),
            quantity: "1".into(),
            figures: Default::default(),
            high_impact: false,
        }
    }

    /// The form filled from `entry`.
    pub fn from_entry(entry: &Entry) -> Self {
        let mut figures: [String; 7] = Default::default();
        for (f, v) in entry.figures.iter() {
            figures[f as usize] = v.to_string();
        }
        Draft {
            kind: entry.kind.code().into(),
            title: entry.title.clone(),
            description: entry.description.clone(),
            notes: entry.private_notes.clone(),
            date: entry.date.to_string(),
            end_date: entry.end_date.map(|d| d.to_string()).unwrap_or_default(),
            url: entry.url.clone().unwrap_or_default(),
            areas: entry.areas.clone(),
            audiences: entry.audiences.clone(),
            role: entry.role.map(|r| r.code().to_string()).unwrap_or_default(),
            event: entry
                .event
                .map(|e| e.code().to_string())
                .unwrap_or_default(),
            quantity: entry.quantity.to_string(),
            figures,
            high_impact: entry.high_impact,
        }
    }

    /// The activity type chosen (Blog when the text is unknown).
    pub fn activity_type(&self) -> ActivityType {
        ActivityType::from_code(&self.kind).unwrap_or(ActivityType::Blog)
    }

    /// Checks every rule; on success the entry (with `id` and times left to the caller).
    pub fn validate(&self) -> Result<Entry, Vec<(Field, Problem)>> {
        let mut problems = Vec::new();
        let kind = ActivityType::from_code(&self.kind);
        if kind.is_none() {
            problems.push((Field::Kind, Problem::Required));
        }
        let kind = kind.unwrap_or(ActivityType::Blog);
        let title = self.title.trim();
        if title.is_empty() {
            problems.push((Field::Title, Problem::Required));
        } else if title.chars().count() > TITLE_MAX {
            problems.push((Field::Title, Problem::TooLong { max: TITLE_MAX }));
        }
        let description = self.description.trim_end();
        if description.chars().count() > DESCRIPTION_MAX {
            problems.push((
                Field::Description,
                Problem::TooLong {
                    max: DESCRIPTION_MAX,
                },
            ));
        }
        if self.notes.chars().count() > NOTES_MAX {
            problems.push((Field::Notes, Problem::TooLong { max: NOTES_MAX }));
        }
        let date = parse_date(&self.date);
        match date {
            Err(p) => problems.push((Field::Date, p)),
            Ok(None) => problems.push((Field::Date, Problem::Required)),
            Ok(Some(_)) => {}
        }
        let end_date = match parse_date(&self.end_date) {
            Err(p) => {
                problems.push((Field::EndDate, p));
                None
            }
            Ok(end) => end,
        };
        if let (Ok(Some(start)), Some(end)) = (date, end_date) {
            if end < start {
                problems.push((Field::EndDate, Problem::EndBeforeStart));
            }
        }
        let url = self.url.trim();
        let url = if url.is_empty() {
            None
        } else if is_web_url(url) {
            Some(url.to_string())
        } else if url.chars().any(is_bidi_control) {
            problems.push((Field::Url, Problem::UrlHiddenCharacters));
            None
        } else {
            problems.push((Field::Url, Problem::UrlNotWeb));
            None
        };
        let mut areas: Vec<String> = Vec::new();
        for code in &self.areas {
            if area(code).is_none() {
                problems.push((Field::Areas, Problem::UnknownArea));
            } else if !areas.contains(code) {
                areas.push(code.clone());
            }
        }
        let role = match self.role.trim() {
            "" => None,
            code => match Role::from_code(code).filter(|r| kind.roles().contains(r)) {
                Some(r) => Some(r),
                None => {
                    problems.push((Field::Role, Problem::NotAllowed));
                    None
                }
            },
        };
        let event = match (kind.has_event(), self.event.trim()) {
            (false, _) | (true, "") => None,
            (true, code) => match MsEvent::from_code(code) {
                Some(e) => Some(e),
                None => {
                    problems.push((Field::Event, Problem::NotAllowed));
                    None
                }
            },
        };
        let quantity = match self.quantity.trim() {
            "" => 1,
            q => match q.parse::<u32>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    problems.push((Field::Quantity, Problem::NotANumber));
                    1
                }
            },
        };
        let mut figures = Figures::default();
        for figure in kind.figures() {
            match parse_count(&self.figures[*figure as usize]) {
                Ok(v) => figures.set(*figure, v),
                Err(p) => problems.push((Field::Figure(*figure), p)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let Ok(Some(date)) = date else {
            return Err(vec![(Field::Date, Problem::Required)]);
        };
        let mut audiences = self.audiences.clone();
        crate::domain::order::sort_by(&mut audiences, Ord::cmp);
        audiences.dedup();
        Ok(Entry {
            id: String::new(),
            kind,
            title: title.to_string(),
            description: description.to_string(),
            private_notes: self.notes.clone(),
            date,
            end_date,
            url,
            areas,
            audiences,
            role,
            event,
            quantity,
            figures,
            high_impact: self.high_impact,
            created_ms: 0,
            updated_ms: 0,
        })
    }
}

/// Checks one stored or imported entry against the same rules as the form (the first
/// problem found). Direct rather than through a [`Draft`]: it runs for every entry on load.
pub fn check_entry(entry: &Entry) -> Result<(), (Field, Problem)> {
    let title = entry.title.trim();
    if title.is_empty() {
        return Err((Field::Title, Problem::Required));
    }
    if title.len() > TITLE_MAX && title.chars().count() > TITLE_MAX {
        return Err((Field::Title, Problem::TooLong { max: TITLE_MAX }));
    }
    if entry.description.len() > DESCRIPTION_MAX
        && entry.description.chars().count() > DESCRIPTION_MAX
    {
        return Err((
            Field::Description,
            Problem::TooLong {
                max: DESCRIPTION_MAX,
            },
        ));
    }
    if entry.private_notes.len() > NOTES_MAX && entry.private_notes.chars().count() > NOTES_MAX {
        return Err((Field::Notes, Problem::TooLong { max: NOTES_MAX }));
    }
    if !(1900..=9999).contains(&chrono::Datelike::year(&entry.date)) {
        return Err((Field::Date, Problem::InvalidDate));
    }
    if entry.end_date.is_some_and(|end| end < entry.date) {
        return Err((Field::EndDate, Problem::EndBeforeStart));
    }
    if entry.url.as_deref().is_some_and(|u| !is_web_url(u)) {
        return Err((Field::Url, Problem::UrlNotWeb));
    }
    if entry.areas.iter().any(|a| area(a).is_none()) {
        return Err((Field::Areas, Problem::UnknownArea));
    }
    if entry.role.is_some_and(|r| !entry.kind.roles().contains(&r)) {
        return Err((Field::Role, Problem::NotAllowed));
    }
    if entry.event.is_some() && !entry.kind.has_event() {
        return Err((Field::Event, Problem::NotAllowed));
    }
    if entry.quantity == 0 {
        return Err((Field::Quantity, Problem::NotANumber));
    }
    if let Some((figure, _)) = entry.figures.iter().find(|(_, v)| *v > super::EXACT_MAX) {
        return Err((Field::Figure(figure), Problem::TooLarge));
    }
    Ok(())
}

fn parse_date(text: &str) -> Result<Option<NaiveDate>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    super::parse_iso_date(text)
        .filter(|d| (1900..=9999).contains(&chrono::Datelike::year(d)))
        .map(Some)
        .ok_or(Problem::InvalidDate)
}

/// A whole number, allowing thousands separators people type ("1,200", "1 200", "1.200").
fn parse_count(text: &str) -> Result<Option<u64>, Problem> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<u64>() {
        Ok(n) if n <= super::EXACT_MAX => Ok(Some(n)),
        Ok(_) => Err(Problem::TooLarge),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => Err(Problem::TooLarge),
        Err(_) => Err(Problem::NotANumber),
    }
}

/// Characters that change the direction of the text after them; in a link they could make
/// it read as another address.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// True for an absolute http or https URL with a host, and no spaces or direction controls.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && !url.chars().any(|c| {
                    c.is_whitespace()
                        || c.is_control()
                        || is_bidi_control(c)
                        || c == '<'
                        || c == '>'
                        || c == '"'
                })
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        let mut d = Draft::blank(NaiveDate::from_ymd_opt(2026, 5, 4).unwrap());
        d.title = "Intro to Bicep".into();
        d
    }

    fn problems(d: &Draft) -> Vec<(Field, Problem)> {
        d.validate().err().unwrap_or_default()
    }

    #[test]
    fn a_minimal_draft_is_valid() {
        let e = draft().validate().unwrap();
        assert_eq!(e.title, "Intro to Bicep");
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2026, 5, 4).unwrap());
        assert_eq!(e.quantity, 1);
        assert_eq!(e.url, None);
    }

    #[test]
    fn title_is_required_and_at_most_100_characters() {
        let mut d = draft();
        d.title = "   ".into();
        assert_eq!(problems(&d), [(Field::Title, Problem::Required)]);
        d.title = "é".repeat(100);
        assert!(
            d.validate().is_ok(),
            "100 characters, counted as characters"
        );
        d.title = "é".repeat(101);
        assert_eq!(
            problems(&d),
            [(Field::Title, Problem::TooLong { max: 100 })]
        );
    }

    #[test]
    fn description_is_at_most_1000_characters() {
        let mut d = draft();
        d.description = "a".repeat(1000);
        assert!(d.validate().is_ok());
        d.description.push('b');
        assert_eq!(
            problems(&d),
            [(Field::Description, Problem::TooLong { max: 1000 })]
        );
    }

    #[test]
    fn only_http_and_https_urls() {
        let mut d = draft();
        for ok in [
            "https://example.org",
            "http://x.y/p?q=1#f",
            "HTTPS://EXAMPLE.ORG/",
        ] {
            d.url = ok.into();
            assert!(d.validate().is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://x.org",
            "example.org",
            "https://",
            "https:// x.org",
            "data:text/html,hi",
            "https://x.org/\"><script>",
        ] {
            d.url = bad.into();
            assert_eq!(problems(&d), [(Field::Url, Problem::UrlNotWeb)], "{bad}");
        }
        d.url = "https://example.org/\u{202e}gnp.exe".into();
        assert_eq!(problems(&d), [(Field::Url, Problem::UrlHiddenCharacters)]);
    }

    #[test]
    fn dates_must_be_real_and_in_order() {
        let mut d = draft();
        d.date = "2026-02-30".into();
        assert_eq!(problems(&d), [(Field::Date, Problem::InvalidDate)]);
        d.date = "".into();
        assert_eq!(problems(&d), [(Field::Date, Problem::Required)]);
        d.date = "2028-02-29".into();
        d.end_date = "2028-02-28".into();
        assert_eq!(problems(&d), [(Field::EndDate, Problem::EndBeforeStart)]);
        d.end_date = "2028-03-01".into();
        assert!(d.validate().is_ok());
    }

    #[test]
    fn figures_follow_the_type_and_accept_separators() {
        let mut d = draft();
        d.kind = ActivityType::Video.code().into();
        d.figures[Figure::LiveViews as usize] = "1,200".into();
        d.figures[Figure::OnDemandViews as usize] = "3 400".into();
        d.figures[Figure::Attendees as usize] = "999".into(); // not a video figure: ignored
        let e = d.validate().unwrap();
        assert_eq!(e.figures.get(Figure::LiveViews), Some(1200));
        assert_eq!(e.figures.get(Figure::OnDemandViews), Some(3400));
        assert_eq!(e.figures.get(Figure::Attendees), None);
        d.figures[Figure::Sessions as usize] = "-3".into();
        assert_eq!(
            problems(&d),
            [(Field::Figure(Figure::Sessions), Problem::NotANumber)]
        );
    }

    /// A figure is kept up to the largest number every JSON reader keeps exactly; a larger
    /// one, however it is typed, says so (not "enter a whole number").
    #[test]
    fn figures_above_what_json_keeps_exactly_are_too_large() {
        let mut d = draft();
        d.kind = ActivityType::Video.code().into();
        d.figures[Figure::LiveViews as usize] = "9,007,199,254,740,991".into();
        let e = d.validate().unwrap();
        assert_eq!(
            e.figures.get(Figure::LiveViews),
            Some(super::super::EXACT_MAX)
        );
        assert!(check_entry(&e).is_ok());
        for too_large in [
            "9007199254740992",
            "18446744073709551615",
            "99999999999999999999999",
        ] {
            d.figures[Figure::LiveViews as usize] = too_large.into();
            assert_eq!(
                problems(&d),
                [(Field::Figure(Figure::LiveViews), Problem::TooLarge)]
            );
        }
        let mut e = e;
        e.figures
            .set(Figure::LiveViews, Some(super::super::EXACT_MAX + 1));
        assert_eq!(
            check_entry(&e),
            Err((Field::Figure(Figure::LiveViews), Problem::TooLarge))
        );
    }

    #[test]
    fn roles_and_events_follow_the_type() {
        let mut d = draft();
        d.kind = ActivityType::Mentorship.code().into();
        d.role = "speaker".into();
        assert_eq!(problems(&d), [(Field::Role, Problem::NotAllowed)]);
        d.role = "mentor".into();
        assert!(d.validate().is_ok());
        d.kind = ActivityType::SpeakerMicrosoft.code().into();
        d.role = "speaker".into();
        d.event = "build".into();
        assert_eq!(d.validate().unwrap().event, Some(MsEvent::Build));
        d.kind = ActivityType::Blog.code().into();
        assert_eq!(
            d.validate().unwrap().event,
            None,
            "only Microsoft events keep it"
        );
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let mut d = draft();
        d.title = String::new();
        d.url = "nope".into();
        d.quantity = "zero".into();
        d.areas = vec!["made-up".into()];
        let fields: Vec<Field> = problems(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [Field::Title, Field::Url, Field::Areas, Field::Quantity]
        );
    }

    #[test]
    fn stored_entries_are_checked_like_the_form() {
        let good = draft().validate().unwrap();
        assert_eq!(check_entry(&good), Ok(()));
        let mut bad = good.clone();
        bad.url = Some("javascript:alert(1)".into());
        assert_eq!(check_entry(&bad), Err((Field::Url, Problem::UrlNotWeb)));
        let mut bad = good.clone();
        bad.title = "x".repeat(101);
        assert_eq!(
            check_entry(&bad),
            Err((Field::Title, Problem::TooLong { max: 100 }))
        );
        let mut bad = good.clone();
        bad.role = Some(Role::Other);
        assert_eq!(check_entry(&bad), Err((Field::Role, Problem::NotAllowed)));
        let mut bad = good;
        bad.end_date = NaiveDate::from_ymd_opt(2020, 1, 1);
        assert_eq!(
            check_entry(&bad),
            Err((Field::EndDate, Problem::EndBeforeStart))
        );
    }

    #[test]
    fn an_entry_survives_the_form_unchanged() {
        let mut d = draft();
        d.kind = ActivityType::SpeakerThirdParty.code().into();
        d.description = "**Bold** talk".into();
        d.notes = "paid travel".into();
        d.end_date = "2026-05-05".into();
        d.url = "https://conf.example/talk".into();
        d.areas = vec!["azure".into(), "security".into()];
        d.audiences = vec![Audience::ItPro, Audience::Developer];
        d.role = "speaker".into();
        d.figures[Figure::Attendees as usize] = "150".into();
        d.high_impact = true;
        let e = d.validate().unwrap();
        assert_eq!(e.audiences, [Audience::Developer, Audience::ItPro]);
        assert_eq!(Draft::from_entry(&e).validate().unwrap(), e);
    }
}
