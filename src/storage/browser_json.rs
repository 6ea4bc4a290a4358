//! The browser's own JSON parser and printer (`JSON.parse`, `JSON.stringify`), for the
//! little JSON the main Wasm module reads and writes: the settings document, the language
//! files and the recovery download. Using them there keeps serde_json (and its number
//! formatting) in the lazily loaded code of the pages that need it. These call into the
//! browser: native code only compiles them.

use super::{check_version, StorageError, StoredSettings};
use js_sys::{Reflect, JSON};
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

// The decoder below reads format 1 only: a new format needs its upgrade here too.
const _: () = assert!(<StoredSettings as super::Document>::VERSION == 1);

/// Reads the settings envelope as [`super::decode`] does with serde_json: the version
/// checked, `theme` a string (default empty), `lang` a string or null (default none),
/// other fields ignored.
pub fn decode_settings(raw: &str) -> Result<StoredSettings, StorageError> {
    let root = parse(raw).map_err(StorageError::DecodeFailed)?;
    if !is_object(&root) {
        return Err(StorageError::DecodeFailed("expected an envelope".into()));
    }
    let version = field(&root, "v")
        .and_then(|v| v.as_f64())
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= f64::from(u32::MAX))
        .ok_or_else(|| StorageError::DecodeFailed("missing or invalid format version".into()))?;
    check_version(version as u32, 1)?;
    let data = field(&root, "data")
        .filter(is_object)
        .ok_or_else(|| StorageError::DecodeFailed("expected the settings".into()))?;
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
