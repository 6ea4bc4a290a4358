//! The browser's own JSON parser and printer (`JSON.parse`, `JSON.stringify`), for the
//! little JSON the main Wasm module reads and writes: the settings document, the language
//! files and the recovery download. Using them there keeps serde_json (and its number
//! formatting) in the lazily loaded code of the pages that need it. The checklist and
//! explainer documents are read and written here too, so those widgets download no
//! serde_json. These call into the browser: native code only compiles them.

use super::journal::{ChunkIn, ChunkRefDto, IndexDto, PARTIAL_INDEX_VERSION};
use super::{
    check_version, JournalIndex, StorageError, StoredBackupStatus, StoredChecklist,
    StoredExplainer, StoredJournal, StoredSettings, CHUNKED_VERSION,
};
use crate::domain::date_text::parse_iso_date;
use crate::domain::journal::formats::EntryRecord;
use crate::domain::journal::{Entry, EXACT_MAX};
use js_sys::{Reflect, JSON};
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};

/// Parses `text`, or says why it is not JSON.
pub fn parse(text: &str) -> Result<JsValue, String> {
    JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "not JSON".into())
    })
}

/// `name` of a plain object; `None` when absent (or `undefined`).
pub fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// True for a JSON object (not an array, not null).
pub fn is_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// A string as a JSON string literal: the same escapes serde_json writes (`\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`, nothing else).
/// The browser's `JSON.stringify` is less code in the main module than the journal's
/// writer ([`super::json_out::quoted`]), which writes the same.
pub fn quote(text: &str) -> String {
    JSON::stringify(&JsValue::from_str(text))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "\"\"".into())
}

/// A plain object with these fields, in this order.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// `value` as JSON indented by two spaces.
pub fn pretty(value: &JsValue) -> String {
    JSON::stringify_with_replacer_and_space(value, &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A JSON array of strings as its strings (a language file).
pub fn string_array(text: &str) -> Result<Vec<String>, String> {
    let value = parse(text)?;
    if !js_sys::Array::is_array(&value) {
        return Err("expected a list of texts".into());
    }
    js_sys::Array::from(&value)
        .iter()
        .map(|item| {
            item.as_string()
                .ok_or_else(|| "expected a text".to_string())
        })
        .collect()
}

/// A string or absent field; `Err` for any other type (what serde_json refuses too).
fn optional_string(object: &JsValue, name: &str) -> Result<Option<String>, StorageError> {
    match field(object, name) {
        None => Ok(None),
        Some(v) => v.as_string().map(Some).ok_or_else(|| {
            StorageError::DecodeFailed(format!("invalid type for `{name}`, expected a string"))
        }),
    }
}

// The decoders below read format 1 only: a new format needs its upgrade here too.
const _: () = assert!(<StoredSettings as super::Document>::VERSION == 1);
const _: () = assert!(<StoredChecklist as super::Document>::VERSION == 1);
const _: () = assert!(<StoredExplainer as super::Document>::VERSION == 1);

/// The `data` object of an envelope in format 1 (the version checked as
/// [`super::decode`] does); `what` names the document in the message.
fn envelope_data(raw: &str, what: &str) -> Result<JsValue, StorageError> {
    let root = parse(raw).map_err(StorageError::DecodeFailed)?;
    if !is_object(&root) {
        return Err(StorageError::DecodeFailed("expected an envelope".into()));
    }
    let version = field(&root, "v")
        .and_then(|v| v.as_f64())
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= f64::from(u32::MAX))
        .ok_or_else(|| StorageError::DecodeFailed("missing or invalid format version".into()))?;
    check_version(version as u32, 1)?;
    field(&root, "data")
        .filter(is_object)
        .ok_or_else(|| StorageError::DecodeFailed(format!("expected the {what}")))
}

/// Reads the settings envelope as [`super::decode`] does with serde_json: the version
/// checked, `theme` a string (default empty), `lang` a string or null (default none),
/// other fields ignored.
pub fn decode_settings(raw: &str) -> Result<StoredSettings, StorageError> {
    let data = envelope_data(raw, "settings")?;
    let lang = match field(&data, "lang") {
        Some(v) if v.is_null() => None,
        _ => optional_string(&data, "lang")?,
    };
    Ok(StoredSettings {
        theme: optional_string(&data, "theme")?.unwrap_or_default(),
        lang,
    })
}

/// The settings envelope, byte for byte what serde_json writes.
pub fn encode_settings(settings: &StoredSettings) -> String {
    let lang = settings.lang.as_deref().map_or("null".into(), quote);
    format!(
        "{{\"v\":1,\"data\":{{\"theme\":{},\"lang\":{lang}}}}}",
        quote(&settings.theme)
    )
}

/// The entries of object `name` of `data` (absent: none), each value read by `value`.
fn object_map<T>(
    data: &JsValue,
    name: &str,
    value: impl Fn(&str, JsValue) -> Result<T, String>,
) -> Result<BTreeMap<String, T>, String> {
    let Some(object) = field(data, name) else {
        return Ok(BTreeMap::new());
    };
    if !is_object(&object) {
        return Err(format!("invalid type for `{name}`, expected a map"));
    }
    let pairs = js_sys::Object::entries(object.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = value(&key, pair.get(1))?;
            Ok((key, value))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(crate::domain::order::map_of(pairs))
}

/// A string value of a map, or why not.
fn text_in(name: &str, key: &str, value: JsValue) -> Result<String, String> {
    value
        .as_string()
        .ok_or_else(|| format!("invalid type in `{name}` for `{key}`, expected a string"))
}

/// A JSON object with these entries (keys in order), as serde_json writes a map.
fn json_object<'a>(entries: impl Iterator<Item = (&'a String, String)>) -> String {
    let items: Vec<String> = entries
        .map(|(key, value)| format!("{}:{value}", quote(key)))
        .collect();
    format!("{{{}}}", items.join(","))
}

/// Reads the checklist envelope as [`super::decode`] does with serde_json: the version
/// checked, `done` a map of `YYYY-MM-DD` dates and `notes` a map of texts (each absent:
/// empty), other fields ignored.
pub fn decode_checklist(raw: &str) -> Result<StoredChecklist, StorageError> {
    let data = envelope_data(raw, "checklist")?;
    Ok(StoredChecklist {
        done: object_map(&data, "done", |task, value| {
            let day = text_in("done", task, value)?;
            parse_iso_date(&day).ok_or_else(|| format!("{task}: {day:?} is not YYYY-MM-DD"))
        })
        .map_err(StorageError::DecodeFailed)?,
        notes: object_map(&data, "notes", |step, value| text_in("notes", step, value))
            .map_err(StorageError::DecodeFailed)?,
    })
}

/// The checklist envelope, byte for byte what serde_json writes.
pub fn encode_checklist(checklist: &StoredChecklist) -> String {
    let done = json_object(
        checklist
            .done
            .iter()
            .map(|(k, d)| (k, quote(&format!("{d:?}")))),
    );
    let notes = json_object(checklist.notes.iter().map(|(k, t)| (k, quote(t))));
    format!("{{\"v\":1,\"data\":{{\"done\":{done},\"notes\":{notes}}}}}")
}

/// Reads the explainer envelope as [`super::decode`] does with serde_json: the version
/// checked, `answers` a map of lists of texts (absent: empty), other fields ignored.
pub fn decode_explainer(raw: &str) -> Result<StoredExplainer, StorageError> {
    let data = envelope_data(raw, "answers")?;
    Ok(StoredExplainer {
        answers: object_map(&data, "answers", |question, value| {
            if !js_sys::Array::is_array(&value) {
                return Err(format!("invalid type for `{question}`, expected a list"));
            }
            js_sys::Array::from(&value)
                .iter()
                .map(|code| text_in("answers", question, code))
                .collect()
        })
        .map_err(StorageError::DecodeFailed)?,
    })
}

/// The explainer envelope, byte for byte what serde_json writes.
pub fn encode_explainer(explainer: &StoredExplainer) -> String {
    let answers = json_object(explainer.answers.iter().map(|(question, codes)| {
        let codes: Vec<String> = codes.iter().map(|c| quote(c)).collect();
        (question, format!("[{}]", codes.join(",")))
    }));
    format!("{{\"v\":1,\"data\":{{\"answers\":{answers}}}}}")
}

/// The largest whole number the browser's parser reads exactly ([`EXACT_MAX`]): an entry's
/// figures and timestamps stay within it, so every number the app writes reads back as it
/// was. A larger one may have been rounded: the index refuses it, an entry reads it as too
/// large (see [`whole_or_beyond`]).
const EXACT: f64 = EXACT_MAX as f64;

/// Field `name` of `object` read by `read`; absent (or `undefined`) is `Ok(None)`.
fn read_field<T>(
    object: &JsValue,
    name: &str,
    read: impl FnOnce(JsValue) -> Option<T>,
    expected: &str,
) -> Result<Option<T>, String> {
    match field(object, name) {
        None => Ok(None),
        Some(value) => read(value)
            .map(Some)
            .ok_or_else(|| format!("invalid type for `{name}`, expected {expected}")),
    }
}

/// A field that must be there.
fn required<T>(found: Result<Option<T>, String>, name: &str) -> Result<T, String> {
    found?.ok_or_else(|| format!("missing field `{name}`"))
}

/// A whole number from `min` to `max` (both within [`EXACT`]).
fn whole(value: JsValue, min: f64, max: f64) -> Option<f64> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (min..=max).contains(n))
}

/// An entry's figure or timestamp: a whole number within [`EXACT`] as it is, and one beyond
/// it (which the parser may have rounded) as `beyond`, which the entry's own checks
/// refuse when the number matters, as they refuse the exact number serde_json reads.
fn whole_or_beyond(value: JsValue, min: f64, beyond: f64) -> Option<f64> {
    let n = value.as_f64().filter(|n| n.fract() == 0.0 && *n >= min)?;
    Some(if n.abs() <= EXACT {
        n
    } else {
        beyond.copysign(n)
    })
}

fn text(object: &JsValue, name: &str) -> Result<Option<String>, String> {
    read_field(object, name, |v| v.as_string(), "a string")
}

/// A value read by `read`, `null` or absent (an `Option<T>`).
fn nullable<T>(
    object: &JsValue,
    name: &str,
    read: impl FnOnce(JsValue) -> Option<T>,
    expected: &str,
) -> Result<Option<T>, String> {
    read_field(
        object,
        name,
        |v| {
            if v.is_null() {
                Some(None)
            } else {
                read(v).map(Some)
            }
        },
        expected,
    )
    .map(Option::flatten)
}

/// A string, `null` or absent (an `Option<String>`).
fn nullable_text(object: &JsValue, name: &str) -> Result<Option<String>, String> {
    nullable(object, name, |v| v.as_string(), "a string")
}

fn unsigned(object: &JsValue, name: &str, max: f64) -> Result<Option<f64>, String> {
    read_field(object, name, |v| whole(v, 0.0, max), "a whole number")
}

/// A list of `name` whose items `item` reads or refuses with its reason (absent:
/// `Ok(None)`).
fn list<T>(
    object: &JsValue,
    name: &str,
    item: impl Fn(JsValue) -> Result<T, String>,
) -> Result<Option<Vec<T>>, String> {
    let Some(value) = field(object, name) else {
        return Ok(None);
    };
    if !js_sys::Array::is_array(&value) {
        return Err(format!("invalid type for `{name}`, expected a list"));
    }
    js_sys::Array::from(&value)
        .iter()
        .map(item)
        .collect::<Result<Vec<T>, String>>()
        .map(Some)
}

/// A list of texts (absent: empty).
fn texts(object: &JsValue, name: &str) -> Result<Vec<String>, String> {
    let text = |v: JsValue| {
        v.as_string()
            .ok_or_else(|| format!("invalid type in `{name}`, expected a list of texts"))
    };
    Ok(list(object, name, text)?.unwrap_or_default())
}

/// One entry as serde's derive reads an [`EntryRecord`]: required and defaulted fields,
/// `null` for the optional texts, other fields ignored.
fn entry_record(value: &JsValue) -> Result<EntryRecord, String> {
    if !is_object(value) {
        return Err("invalid type, expected an entry".into());
    }
    let timestamp = |name| {
        let read = |v| whole_or_beyond(v, f64::NEG_INFINITY, i64::MAX as f64);
        read_field(value, name, read, "a whole number").map(|n| n.map_or(0, |n| n as i64))
    };
    Ok(EntryRecord {
        id: required(text(value, "id"), "id")?,
        kind: required(text(value, "type"), "type")?,
        title: required(text(value, "title"), "title")?,
        description: text(value, "description")?.unwrap_or_default(),
        private_notes: text(value, "private_notes")?.unwrap_or_default(),
        date: required(text(value, "date"), "date")?,
        end_date: nullable_text(value, "end_date")?,
        url: nullable_text(value, "url")?,
        areas: texts(value, "areas")?,
        audiences: texts(value, "audiences")?,
        role: nullable_text(value, "role")?,
        event: nullable_text(value, "event")?,
        quantity: unsigned(value, "quantity", f64::from(u32::MAX))?.map_or(1, |n| n as u32),
        figures: object_map(value, "figures", |code, v| {
            whole_or_beyond(v, 0.0, u64::MAX as f64)
                .map(|n| n as u64)
                .ok_or_else(|| format!("invalid type in `figures` for `{code}`"))
        })?,
        high_impact: read_field(value, "high_impact", |v| v.as_bool(), "true or false")?
            .unwrap_or(false),
        created_ms: timestamp("created_ms")?,
        updated_ms: timestamp("updated_ms")?,
    })
}

/// The entry records of list `entries` of `data` (which must be there).
fn entry_records(data: &JsValue) -> Result<Vec<EntryRecord>, String> {
    required(
        list(data, "entries", |entry| entry_record(&entry)),
        "entries",
    )
}

/// The `data` object of one of the journal's envelopes, in a format from `oldest` to
/// `supported` (the version checked as [`super::decode`] checks it for a document whose
/// `DIRECT_FROM` is `oldest`). [`envelope_data`] is the main module's, for format 1; this
/// one stays in the journal's code.
fn journal_data(
    raw: &str,
    what: &str,
    oldest: u32,
    supported: u32,
) -> Result<JsValue, StorageError> {
    let root = parse(raw).map_err(StorageError::DecodeFailed)?;
    if !is_object(&root) {
        return Err(StorageError::DecodeFailed("expected an envelope".into()));
    }
    let version = unsigned(&root, "v", f64::from(u32::MAX))
        .ok()
        .flatten()
        .ok_or_else(|| StorageError::DecodeFailed("missing or invalid format version".into()))?
        as u32;
    check_version(version, supported)?;
    if version < oldest {
        return Err(StorageError::DecodeFailed(format!(
            "no upgrade from format {version}"
        )));
    }
    field(&root, "data")
        .filter(is_object)
        .ok_or_else(|| StorageError::DecodeFailed(format!("expected the {what}")))
}

/// Reads a month of the journal as [`super::decode`] reads it with serde_json.
pub fn decode_month(raw: &str) -> Result<Vec<Entry>, StorageError> {
    let data = journal_data(raw, "month", CHUNKED_VERSION, CHUNKED_VERSION)?;
    let month = ChunkIn {
        month: required(text(&data, "month"), "month").map_err(StorageError::DecodeFailed)?,
        entries: entry_records(&data).map_err(StorageError::DecodeFailed)?,
    };
    month.entries().map_err(StorageError::DecodeFailed)
}

/// Reads the journal's index as [`super::decode`] reads it with serde_json (formats 2
/// and 3).
pub fn decode_journal_index(raw: &str) -> Result<JournalIndex, StorageError> {
    let data = journal_data(raw, "index", CHUNKED_VERSION, PARTIAL_INDEX_VERSION)?;
    let chunk = |c: JsValue| -> Result<ChunkRefDto, String> {
        if !is_object(&c) {
            return Err("invalid type in `chunks`, expected a chunk".into());
        }
        let count = |v: JsValue| whole(v, 0.0, f64::from(u32::MAX)).map(|n| n as usize);
        Ok(ChunkRefDto {
            month: required(text(&c, "month"), "month")?,
            generation: required(unsigned(&c, "gen", EXACT), "gen")? as u64,
            count: required(read_field(&c, "count", count, "a whole number"), "count")?,
            last: required(text(&c, "last"), "last")?,
            types: required(
                list(&c, "types", |v| {
                    count(v).ok_or_else(|| "invalid type in `types`, expected a count".into())
                }),
                "types",
            )?,
        })
    };
    let dto = (|| {
        let chunks = required(list(&data, "chunks", chunk), "chunks")?;
        Ok::<_, String>(IndexDto {
            generation: required(unsigned(&data, "generation", EXACT), "generation")? as u64,
            chunks,
            legacy: texts(&data, "legacy")?,
        })
    })();
    dto.and_then(IndexDto::index)
        .map_err(StorageError::DecodeFailed)
}

/// Reads a format-1 journal as [`super::decode`] reads it with serde_json.
pub fn decode_legacy_journal(raw: &str) -> Result<StoredJournal, StorageError> {
    let data = journal_data(raw, "journal", 1, 1)?;
    entry_records(&data)
        .and_then(StoredJournal::from_records)
        .map_err(StorageError::DecodeFailed)
}

/// The backup record, as serde_json reads it; `None` for anything it refuses. The caller
/// (`StoredBackupStatus::decode`) keeps it only when it is of this app's format.
pub fn decode_backup_record(text: &str) -> Option<StoredBackupStatus> {
    let root = parse(text).ok().filter(is_object)?;
    let moment = |name| {
        let read = |v| whole(v, -EXACT, EXACT).map(|n| n as i64);
        nullable(&root, name, read, "a whole number")
    };
    Some(StoredBackupStatus {
        v: unsigned(&root, "v", f64::from(u32::MAX))
            .ok()?
            .map_or(0, |v| v as u32),
        last_backup_ms: moment("last_backup_ms").ok()?,
        fingerprint: nullable_text(&root, "fingerprint").ok()?,
        reminded_ms: moment("reminded_ms").ok()?,
    })
}
