//! proptest strategies for the journal's property tests: valid entries and journals whose
//! text holds what hostile or unlucky files hold (quotes, commas, line breaks, formula
//! starts, markup, byte-order marks, bidi overrides, control characters, any code point).

use super::areas::AREAS;
use super::{ActivityType, Audience, Entry, Journal, MsEvent};
use chrono::NaiveDate;
use proptest::prelude::*;

/// Characters that break naive CSV, JSON, Markdown or HTML handling, or reorder text.
const TRICKY: &[char] = &[
    '"', ',', '\n', '\r', '\t', '=', '+', '-', '@', '<', '>', '&', '*', '[', ']', '\\', '`', '#',
    '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{feff}', '\u{200b}', '\u{202e}', '\u{2066}',
    '\u{2069}', '\u{fffd}', 'é', '日', '😀',
];

/// Any text up to `max` characters: mostly tricky characters, sometimes any code point.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(TRICKY),
            1 => any::<char>(),
            2 => prop::char::range('a', 'z'),
        ],
        0..=max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// A valid entry (as the form would accept it) with index `i` in its journal, so that ids
/// and titles are unique and the journal has no duplicates.
pub fn entry(i: usize) -> impl Strategy<Value = Entry> {
    let kind = prop::sample::select(ActivityType::ALL);
    let texts = (text(90), text(160), text(60));
    // Every day from 1900 to 9999 (the form's range).
    let dates = (0u64..2_950_000, prop::option::of(0u64..400));
    let links = (
        prop::option::of(text(30)),
        prop::sample::subsequence(AREAS.iter().map(|a| a.code).collect::<Vec<_>>(), 0..4),
    );
    let codes = (
        prop::sample::subsequence(Audience::ALL, 0..Audience::ALL.len()),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<(bool, bool, bool)>(),
    );
    let numbers = (
        1u32..1000,
        prop::collection::vec(prop::option::of(0..=super::EXACT_MAX), 7),
        0i64..super::EXACT_MAX as i64,
        0i64..1000,
    );
    (kind, texts, dates, links, codes, numbers).prop_map(
        move |(
            kind,
            (title, description, notes),
            (day, end),
            (url, areas),
            (audiences, role, event, (has_role, has_event, high)),
            (quantity, figures, created, edited),
        )| {
            let date =
                NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() + chrono::Days::new(day);
            let mut e = Entry::new(format!("id-{i}"), kind, date);
            e.title = format!("T{i} {title}");
            e.description = description;
            e.private_notes = notes;
            e.end_date = end.map(|d| date + chrono::Days::new(d));
            e.url = url.map(|path| {
                let path: String = path
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || "-._~%!$&'()*+,;=:@/?#".contains(*c))
                    .collect();
                format!("https://example.org/{i}/{path}")
            });
            e.areas = areas.into_iter().map(str::to_string).collect();
            e.audiences = audiences;
            if has_role && !kind.roles().is_empty() {
                e.role = Some(*role.get(kind.roles()));
            }
            if has_event && kind.has_event() {
                e.event = Some(*event.get(MsEvent::ALL));
            }
            e.quantity = quantity;
            for (figure, value) in kind.figures().iter().zip(figures) {
                e.figures.set(*figure, value);
            }
            e.high_impact = high;
            e.created_ms = created;
            e.updated_ms = created + edited;
            e
        },
    )
}

/// A valid journal of up to `max` entries.
pub fn journal(max: usize) -> impl Strategy<Value = Journal> {
    (0..=max)
        .prop_flat_map(|n| (0..n).map(entry).collect::<Vec<_>>())
        .prop_map(Journal::from_entries)
}

/// Object keys: the names the app's files use, and anything else.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "app",
                "format",
                "version",
                "exported",
                "exported_at",
                "documents",
                "backups",
                "entries",
                "id",
                "type",
                "title",
                "description",
                "date",
                "end_date",
                "url",
                "areas",
                "figures",
                "quantity",
                "v",
                "data",
                "settings",
                "journal",
                "checklist",
                "story",
                "explainer",
                "theme",
                "lang",
                "__proto__",
            ][..]
        )
        .prop_map(str::to_string),
        text(8),
    ]
}

/// Any JSON value, nested a few levels deep, with the app's field names as likely keys.
pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0u32..3).prop_map(Value::from),
        prop::sample::select(
            &[
                "blog",
                "2026-03-01",
                "https://example.org",
                "mvp-pathway",
                "mvp-pathway-journal"
            ][..]
        )
        .prop_map(Value::from),
        text(12).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// `text` damaged: cut at `cut` (a character position) and `insert` put there.
pub fn damage(text: &str, cut: prop::sample::Index, insert: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = if chars.is_empty() {
        0
    } else {
        cut.index(chars.len())
    };
    chars[..at]
        .iter()
        .chain(insert.chars().collect::<Vec<_>>().iter())
        .chain(chars[at..].iter().skip(1))
        .collect()
}
