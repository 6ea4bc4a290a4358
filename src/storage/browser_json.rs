//! The browser's own JSON parser and printer (`JSON.parse`, `JSON.stringify`), for the
//! little JSON the main Wasm module reads and writes: the settings document, the language
//! files and the recovery download. Using them there keeps serde_json (and its number
//! formatting) in the lazily loaded code of the pages that need it. The checklist and
//! explainer documents are read and written here too, so those widgets download no
//! serde_json. These call into the browser: native code only compiles them.

use super::{check_version, StorageError, StoredChecklist, StoredExplainer, StoredSettings};
use crate::domain::date_text::parse_iso_date;
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
) -> Result<BTreeMap<String, T>, StorageError> {
    let Some(object) = field(data, name) else {
        return Ok(BTreeMap::new());
    };
    if !is_object(&object) {
        return Err(StorageError::DecodeFailed(format!(
            "invalid type for `{name}`, expected a map"
        )));
    }
    let pairs = js_sys::Object::entries(object.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = value(&key, pair.get(1))?;
            Ok((key, value))
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(StorageError::DecodeFailed)?;
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
        })?,
        notes: object_map(&data, "notes", |step, value| text_in("notes", step, value))?,
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
        })?,
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
