//! The journal's stored texts (its months, its index, a format-1 journal, the backup
//! record) read with the browser's JSON parser, as the Wasm build reads them, agree with
//! the serde_json path that the native build and the native tests use: the same entries,
//! or a refusal for the same texts.

use chrono::NaiveDate;
use mvp_pathway::domain::journal::{ActivityType, Audience, Entry, Figure, Month, EXACT_MAX};
use mvp_pathway::storage::browser_json::{
    decode_backup_record, decode_journal_index, decode_legacy_journal, decode_month,
};
use mvp_pathway::storage::json_out::{index_text, legacy_text, month_text};
use mvp_pathway::storage::{
    decode, month_via_serde, ChunkRef, JournalIndex, StorageError, StoredBackupStatus,
    StoredJournal,
};
use wasm_bindgen_test::wasm_bindgen_test;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Entries of March 2026 using every kind of field.
fn entries() -> Vec<Entry> {
    let mut full = Entry::new("id-1", ActivityType::Video, day(2026, 3, 9));
    full.title = "Quote \" backslash \\ tab \t bell \u{7} é 😀 \u{2028}".into();
    full.description = "**bold**\nline".into();
    full.private_notes = "private".into();
    full.end_date = Some(day(2026, 3, 10));
    full.url = Some("https://example.org/a?b=c".into());
    full.areas = vec!["azure".into()];
    full.audiences = vec![Audience::ALL[0], Audience::ALL[2]];
    full.quantity = 3;
    full.figures.set(Figure::LiveViews, Some(EXACT_MAX));
    full.figures.set(Figure::OnDemandViews, Some(0));
    full.high_impact = true;
    full.created_ms = 1_700_000_000_000;
    full.updated_ms = EXACT_MAX as i64;
    let mut plain = Entry::new("id-2", ActivityType::Blog, day(2026, 3, 1));
    plain.title = "Plain".into();
    plain.created_ms = -(EXACT_MAX as i64);
    vec![full, plain]
}

/// The outcome without the wording of the error.
fn outcome<T>(result: Result<T, StorageError>) -> Result<T, String> {
    result.map_err(|e| match e {
        StorageError::FutureVersion { found, supported } => format!("future {found}>{supported}"),
        StorageError::DecodeFailed(_) => "unreadable".into(),
        other => format!("{other:?}"),
    })
}

/// Stored months: as this app writes them, then changed by hand, damaged, or from other
/// versions. `{E}` is the first entry's JSON, `{P}` the second's.
fn months() -> Vec<String> {
    let written = month_text(&entries());
    let full = written
        .split_once("\"entries\":[")
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default();
    let (first, _) = full.split_once("},{\"id\":\"id-2\"").unwrap_or_default();
    let first = format!("{first}}}");
    let month =
        |entries: &str| format!(r#"{{"v":2,"data":{{"month":"2026-03","entries":[{entries}]}}}}"#);
    let minimal = r#"{"id":"m","type":"blog","title":"T","date":"2026-03-05"}"#;
    // `"type":"video",` first in `extra` makes the entry a video (whose figures count).
    let with = |extra: &str| {
        let (entry, extra) = match extra.strip_prefix(r#""type":"video","#) {
            Some(rest) => (minimal.replacen(r#""blog""#, r#""video""#, 1), rest),
            None => (minimal.to_string(), extra),
        };
        month(&entry.replacen('}', &format!(",{extra}}}"), 1))
    };
    let without = |field: &str| month(&first.replacen(&format!("\"{field}\":"), "\"ignored\":", 1));
    let mut texts = vec![written.clone(), month(&first), month(minimal), month("")];
    for field in [
        "id",
        "type",
        "title",
        "date",
        "description",
        "areas",
        "quantity",
        "figures",
        "created_ms",
        "high_impact",
    ] {
        texts.push(without(field));
    }
    for extra in [
        r#""end_date":null"#,
        r#""url":null"#,
        r#""role":null,"event":null"#,
        r#""url":"""#,
        r#""description":null"#,
        r#""areas":null"#,
        r#""areas":"azure""#,
        r#""areas":["azure",1]"#,
        r#""audiences":["developer","nobody"]"#,
        r#""quantity":0"#,
        r#""quantity":-1"#,
        r#""quantity":2.5"#,
        r#""quantity":"2""#,
        r#""quantity":4294967295"#,
        r#""quantity":4294967296"#,
        r#""figures":{"sessions":5}"#,
        r#""figures":{"nope":5}"#,
        r#""figures":{"sessions":-5}"#,
        r#""figures":{"sessions":9007199254740991}"#,
        r#""figures":{"sessions":9007199254740993}"#,
        r#""figures":{"sessions":18446744073709551615}"#,
        r#""type":"video","figures":{"live-views":9007199254740993}"#,
        r#""type":"video","figures":{"live-views":18446744073709551615}"#,
        r#""type":"video","figures":{"live-views":9007199254740991}"#,
        r#""created_ms":-9007199254740993"#,
        r#""updated_ms":9223372036854775807"#,
        r#""figures":[]"#,
        r#""high_impact":1"#,
        r#""high_impact":null"#,
        r#""created_ms":-5"#,
        r#""created_ms":9007199254740993"#,
        r#""created_ms":"5""#,
        r#""extra":{"deep":[1,{"x":null}]}"#,
        r#""date":"2026-04-01""#,
        r#""date":"2026-02-30""#,
        r#""end_date":"2026-03-01""#,
        r#""type":"nope""#,
        r#""id":"""#,
    ] {
        texts.push(with(extra));
    }
    texts.extend([
        r#"{"v":2,"data":{"month":"2026-13","entries":[]}}"#.to_string(),
        r#"{"v":2,"data":{"month":"2026-03"}}"#.into(),
        r#"{"v":2,"data":{"entries":[]}}"#.into(),
        r#"{"v":2,"data":{"month":"2026-03","entries":{}}}"#.into(),
        r#"{"v":2,"data":{"month":"2026-03","entries":[null]}}"#.into(),
        r#"{"v":2,"data":{"month":"2026-03","entries":[[]]}}"#.into(),
        written.replacen("\"v\":2", "\"v\":1", 1),
        written.replacen("\"v\":2", "\"v\":3", 1),
        written.replacen("\"v\":2", "\"v\":0", 1),
        written.replacen("\"v\":2", "\"v\":\"2\"", 1),
        written.replacen("\"v\":2,", "", 1),
        r#"{"v":3,"data":"not a month"}"#.into(),
        written[..written.len() - 1].to_string(),
        format!("{written} trailing"),
        "null".into(),
        String::new(),
    ]);
    texts
}

#[wasm_bindgen_test]
fn months_read_like_serde_json() {
    let texts = months();
    assert!(texts.len() > 60);
    let mut read = 0;
    for raw in &texts {
        let ours = outcome(decode_month(raw));
        read += usize::from(ours.is_ok());
        assert_eq!(ours, outcome(month_via_serde(raw)), "stored month: {raw}");
    }
    // Both kinds are there: months read, and months refused.
    assert!(
        read > 10 && read < texts.len() - 20,
        "{read} of {} read",
        texts.len()
    );
    assert_eq!(decode_month(&month_text(&entries())).ok(), Some(entries()));
}

#[wasm_bindgen_test]
fn the_index_reads_like_serde_json() {
    let chunk = ChunkRef {
        month: Month::of(day(2026, 3, 1)),
        generation: 4,
        count: 2,
        last: day(2026, 3, 10),
        types: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    };
    let older = ChunkRef {
        month: Month::of(day(2025, 12, 1)),
        generation: 1,
        ..chunk.clone()
    };
    let index = JournalIndex {
        generation: 5,
        chunks: vec![chunk, older],
        legacy: Vec::new(),
    };
    let partial = JournalIndex {
        legacy: vec![Month::of(day(2020, 1, 1))],
        ..index.clone()
    };
    let written = index_text(&index);
    let mut texts = vec![
        written.clone(),
        index_text(&partial),
        index_text(&JournalIndex::default()),
    ];
    for (from, to) in [
        ("\"v\":2", "\"v\":3"),
        ("\"v\":2", "\"v\":1"),
        ("\"v\":2", "\"v\":4"),
        ("\"generation\":5", "\"generation\":-5"),
        ("\"generation\":5", "\"generation\":5.5"),
        ("\"generation\":5,", ""),
        ("\"gen\":4", "\"gen\":null"),
        ("\"count\":2", "\"count\":0"),
        ("\"count\":2", "\"count\":\"2\""),
        ("\"last\":\"2026-03-10\"", "\"last\":\"2026-3-10\""),
        ("\"month\":\"2025-12\"", "\"month\":\"2026-03\""),
        ("\"month\":\"2025-12\"", "\"month\":\"December\""),
        ("[1,0,0,0,1,0,0,0,0,0,0,0]", "[1,0,0]"),
        ("[1,0,0,0,1,0,0,0,0,0,0,0]", "[1,0,0,0,1,0,0,0,0,0,0,-1]"),
        ("\"chunks\":[", "\"legacy\":[\"2026-03\"],\"chunks\":["),
        (
            "\"chunks\":[",
            "\"legacy\":[\"2019-01\",\"2019-01\"],\"chunks\":[",
        ),
        ("\"chunks\":[", "\"legacy\":null,\"chunks\":["),
        ("\"chunks\":[", "\"extra\":true,\"chunks\":["),
        ("\"chunks\":[{", "\"chunks\":[7,{"),
    ] {
        texts.push(written.replacen(from, to, 1));
    }
    texts.extend([
        r#"{"v":2,"data":{"generation":1}}"#.into(),
        r#"{"v":2,"data":[]}"#.into(),
        "{}".into(),
    ]);
    for raw in &texts {
        assert_eq!(
            outcome(decode_journal_index(raw)),
            outcome(decode::<JournalIndex>(raw)),
            "stored index: {raw}"
        );
    }
    assert_eq!(decode_journal_index(&written).ok(), Some(index));
    assert_eq!(
        decode_journal_index(&index_text(&partial)).ok(),
        Some(partial)
    );
}

#[wasm_bindgen_test]
fn a_format_1_journal_reads_like_serde_json() {
    let written = legacy_text(entries().iter());
    for raw in [
        written.clone(),
        written.replacen("\"v\":1", "\"v\":2", 1),
        written.replacen("\"entries\":", "\"rows\":", 1),
        written.replacen("\"type\":\"video\"", "\"type\":\"nope\"", 1),
        r#"{"v":1,"data":{"entries":[]}}"#.into(),
        r#"{"v":1,"data":{"entries":null}}"#.into(),
    ] {
        assert_eq!(
            outcome(decode_legacy_journal(&raw)),
            outcome(decode::<StoredJournal>(&raw)),
            "stored journal: {raw}"
        );
    }
    let read = decode_legacy_journal(&written).map(|j| j.0.entries().to_vec());
    let mut expected = entries();
    expected.sort_by_key(|e| std::cmp::Reverse(e.date));
    assert_eq!(read.ok(), Some(expected));
}

#[wasm_bindgen_test]
fn the_backup_record_reads_like_serde_json() {
    for raw in [
        r#"{"v":1,"last_backup_ms":1700000000000,"fingerprint":"00ff00ff00ff00ff","reminded_ms":null}"#,
        r#"{"v":1,"last_backup_ms":null,"fingerprint":null,"reminded_ms":5}"#,
        r#"{"v":1}"#,
        r#"{"v":2,"last_backup_ms":1}"#,
        r#"{"last_backup_ms":1}"#,
        r#"{"v":1,"last_backup_ms":"1"}"#,
        r#"{"v":1,"fingerprint":7}"#,
        r#"{"v":null}"#,
        "not json",
    ] {
        assert_eq!(
            decode_backup_record(raw),
            serde_json::from_str::<StoredBackupStatus>(raw).ok(),
            "stored record: {raw}"
        );
    }
    // serde's derive also reads a record written as a list; the app never writes one, and
    // the browser's reader counts it as no record (one reminder too many at worst).
    assert!(serde_json::from_str::<StoredBackupStatus>("[1]").is_ok());
    assert_eq!(decode_backup_record("[1]"), None);
}
