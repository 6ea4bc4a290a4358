//! The journal's stored texts written by hand: byte for byte what serde_json writes for
//! the same documents (the native tests compare them), without serde_json's code in the
//! download of the journal's pages. Plain Rust, so it runs the same in the browser and in
//! the native tests.

use super::journal::{ChunkRef, JournalIndex, CHUNKED_VERSION, PARTIAL_INDEX_VERSION};
use super::StoredBackupStatus;
use crate::domain::journal::{Entry, Month};
use chrono::NaiveDate;
use std::fmt::Write;

/// Appends `text` as a JSON string literal, escaped as serde_json escapes it: `\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`, nothing else.
pub fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

/// `text` as a JSON string literal ([`push_quoted`]).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text);
    out
}

/// Appends a JSON list of `items`, each appended by `push`.
fn push_list<T>(out: &mut String, items: impl Iterator<Item = T>, push: impl Fn(&mut String, T)) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push(out, item);
    }
    out.push(']');
}

/// Appends a list of strings.
fn push_strings<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    push_list(out, items, push_quoted);
}

/// Appends a date as `NaiveDate`'s `Display` writes it (quoted).
fn push_date(out: &mut String, date: NaiveDate) {
    use chrono::Datelike;
    let (y, m, d) = (date.year(), date.month(), date.day());
    if (0..=9999).contains(&y) {
        let _ = write!(out, "\"{y:04}-{m:02}-{d:02}\"");
    } else {
        let _ = write!(out, "\"{date}\"");
    }
}

/// Appends `"name":` after a comma (every field but an object's first).
fn push_key(out: &mut String, name: &str) {
    out.push(',');
    push_quoted(out, name);
    out.push(':');
}

/// Appends an entry as its [`EntryRecord`] is written: fields in the record's order, the
/// optional ones left out when absent, figures in the order of their codes.
///
/// [`EntryRecord`]: crate::domain::journal::formats::EntryRecord
pub fn push_entry(out: &mut String, e: &Entry) {
    out.push_str("{\"id\":");
    push_quoted(out, &e.id);
    push_key(out, "type");
    push_quoted(out, e.kind.code());
    push_key(out, "title");
    push_quoted(out, &e.title);
    push_key(out, "description");
    push_quoted(out, &e.description);
    push_key(out, "private_notes");
    push_quoted(out, &e.private_notes);
    push_key(out, "date");
    push_date(out, e.date);
    if let Some(end) = e.end_date {
        push_key(out, "end_date");
        push_date(out, end);
    }
    if let Some(url) = &e.url {
        push_key(out, "url");
        push_quoted(out, url);
    }
    push_key(out, "areas");
    push_strings(out, e.areas.iter().map(String::as_str));
    push_key(out, "audiences");
    push_strings(out, e.audiences.iter().map(|a| a.code()));
    if let Some(role) = e.role {
        push_key(out, "role");
        push_quoted(out, role.code());
    }
    if let Some(event) = e.event {
        push_key(out, "event");
        push_quoted(out, event.code());
    }
    let _ = write!(out, ",\"quantity\":{},\"figures\":{{", e.quantity);
    let mut figures: Vec<(&str, u64)> = e.figures.iter().map(|(f, v)| (f.code(), v)).collect();
    crate::domain::order::sort_by(&mut figures, |a, b| a.0.cmp(b.0));
    for (i, (code, value)) in figures.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_quoted(out, code);
        let _ = write!(out, ":{value}");
    }
    let _ = write!(
        out,
        "}},\"high_impact\":{},\"created_ms\":{},\"updated_ms\":{}}}",
        e.high_impact, e.created_ms, e.updated_ms
    );
}

/// Appends a list of entries.
fn push_entries<'a>(out: &mut String, entries: impl Iterator<Item = &'a Entry>) {
    push_list(out, entries, push_entry);
}

/// The envelope `{"v":version,"data":...}` around what `data` appends.
fn envelope(version: u32, capacity: usize, data: impl FnOnce(&mut String)) -> String {
    let mut out = String::with_capacity(capacity);
    let _ = write!(out, "{{\"v\":{version},\"data\":");
    data(&mut out);
    out.push('}');
    out
}

/// The stored text of one month's chunk: its month (that of the first entry) and entries.
pub fn month_text(entries: &[Entry]) -> String {
    let month = entries
        .first()
        .map(|e| Month::of(e.date).to_string())
        .unwrap_or_default();
    envelope(CHUNKED_VERSION, 64 + 400 * entries.len(), |out| {
        out.push_str("{\"month\":");
        push_quoted(out, &month);
        out.push_str(",\"entries\":");
        push_entries(out, entries.iter());
        out.push('}');
    })
}

/// The stored text of the index: format 2, or 3 while it lists months still read from the
/// format-1 key.
pub fn index_text(index: &JournalIndex) -> String {
    let version = if index.legacy.is_empty() {
        CHUNKED_VERSION
    } else {
        PARTIAL_INDEX_VERSION
    };
    envelope(version, 64 + 120 * index.chunks.len(), |out| {
        let _ = write!(out, "{{\"generation\":{},\"chunks\":", index.generation);
        push_list(out, index.chunks.iter(), push_chunk_ref);
        if !index.legacy.is_empty() {
            push_key(out, "legacy");
            let months: Vec<String> = index.legacy.iter().map(Month::to_string).collect();
            push_strings(out, months.iter().map(String::as_str));
        }
        out.push('}');
    })
}

fn push_chunk_ref(out: &mut String, c: &ChunkRef) {
    out.push_str("{\"month\":");
    push_quoted(out, &c.month.to_string());
    let _ = write!(
        out,
        ",\"gen\":{},\"count\":{},\"last\":",
        c.generation, c.count
    );
    push_date(out, c.last);
    out.push_str(",\"types\":");
    push_list(out, c.types.iter(), |out, n| {
        let _ = write!(out, "{n}");
    });
    out.push('}');
}

/// The stored text of a format-1 journal holding `entries`.
pub fn legacy_text<'a>(entries: impl ExactSizeIterator<Item = &'a Entry>) -> String {
    envelope(1, 32 + 400 * entries.len(), |out| {
        out.push_str("{\"entries\":");
        push_entries(out, entries);
        out.push('}');
    })
}

/// The backup record as saved.
pub fn backup_text(record: &StoredBackupStatus) -> String {
    let mut out = String::with_capacity(96);
    let number = |n: Option<i64>| n.map_or("null".to_string(), |n| n.to_string());
    let _ = write!(
        out,
        "{{\"v\":{},\"last_backup_ms\":{},\"fingerprint\":",
        record.v,
        number(record.last_backup_ms)
    );
    match &record.fingerprint {
        Some(f) => push_quoted(&mut out, f),
        None => out.push_str("null"),
    }
    let _ = write!(out, ",\"reminded_ms\":{}}}", number(record.reminded_ms));
    out
}

// Property tests run natively only (proptest does not build for wasm32).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::journal::arbitrary::{journal, text};
    use crate::domain::journal::formats::EntryRecord;
    use proptest::prelude::*;
    use serde::Serialize;

    /// An envelope as serde_json writes it (fields in declaration order).
    #[derive(Serialize)]
    struct Envelope<T> {
        v: u32,
        data: T,
    }

    #[derive(Serialize)]
    struct Format1 {
        entries: Vec<EntryRecord>,
    }

    #[derive(Serialize)]
    struct MonthRecords {
        month: String,
        entries: Vec<EntryRecord>,
    }

    fn serde_text<T: Serialize>(v: u32, data: T) -> String {
        serde_json::to_string(&Envelope { v, data }).unwrap_or_default()
    }

    proptest! {
        /// Any text is quoted as serde_json quotes it.
        #[test]
        fn quotes_as_serde_json(s in text(40)) {
            prop_assert_eq!(quoted(&s), serde_json::to_string(&s).unwrap_or_default());
        }

        /// Entries, a month's chunk and a format-1 journal are written as serde_json
        /// writes their records.
        #[test]
        fn entries_as_serde_json_writes_their_records(j in journal(6)) {
            for e in j.entries() {
                let mut ours = String::new();
                push_entry(&mut ours, e);
                prop_assert_eq!(ours, serde_json::to_string(&EntryRecord::from(e)).unwrap_or_default());
            }
            let records: Vec<EntryRecord> = j.entries().iter().map(EntryRecord::from).collect();
            prop_assert_eq!(legacy_text(j.entries().iter()), serde_text(1, Format1 { entries: records }));
            if let Some(first) = j.entries().first() {
                let month = j.month_entries(Month::of(first.date));
                let records: Vec<EntryRecord> = month.iter().map(EntryRecord::from).collect();
                let chunk = MonthRecords { month: Month::of(first.date).to_string(), entries: records };
                prop_assert_eq!(month_text(month), serde_text(2, chunk));
            }
        }

        /// The backup record as serde_json writes it.
        #[test]
        fn backup_record_as_serde_json(
            last in prop::option::of(any::<i64>()),
            fingerprint in prop::option::of(text(20)),
            reminded in prop::option::of(any::<i64>()),
        ) {
            let record = StoredBackupStatus { v: 1, last_backup_ms: last, fingerprint, reminded_ms: reminded };
            prop_assert_eq!(backup_text(&record), serde_json::to_string(&record).unwrap_or_default());
        }
    }

    /// The index as serde_json writes it through the index's `Serialize`, in both formats.
    #[test]
    fn index_as_serde_json() {
        use crate::domain::journal::parse_iso_date;
        let day = |s: &str| parse_iso_date(s).unwrap_or_default();
        let month = |s: &str| Month::parse(s).unwrap_or_else(|| Month::of(NaiveDate::default()));
        let chunk = ChunkRef {
            month: month("2025-03"),
            generation: 7,
            count: 3,
            last: day("2025-04-02"),
            types: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        };
        let mut index = JournalIndex {
            generation: 12,
            chunks: vec![
                chunk.clone(),
                ChunkRef {
                    month: month("1999-12"),
                    count: 1,
                    ..chunk
                },
            ],
            legacy: Vec::new(),
        };
        let serde = |v: u32, i: &JournalIndex| serde_text(v, i);
        assert_eq!(index_text(&index), serde(2, &index));
        index.legacy = vec![month("2020-01"), month("2019-11")];
        assert_eq!(index_text(&index), serde(3, &index));
        assert_eq!(
            index_text(&JournalIndex::default()),
            serde(2, &JournalIndex::default())
        );
    }
}
