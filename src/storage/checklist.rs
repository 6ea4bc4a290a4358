//! Stored shape of the applying checklist (format 1), and its conversion to the model.

use super::Document;
use crate::domain::checklist::Checklist;
use crate::domain::date_text::parse_iso_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Stored form of [`Checklist`], format 1: `{"done": {"task-id": "YYYY-MM-DD"}, "notes": {"step-id": "..."}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredChecklist {
    #[serde(default, deserialize_with = "iso_dates")]
    pub done: BTreeMap<String, NaiveDate>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// The ticks' dates, read with the app's own `YYYY-MM-DD` reader: chrono's general
/// parser (which its `Deserialize` uses) added 5 KB to the checklist's code.
fn iso_dates<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, NaiveDate>, D::Error> {
    let done = BTreeMap::<String, String>::deserialize(d)?
        .into_iter()
        .map(|(task, day)| match parse_iso_date(&day) {
            Some(date) => Ok((task, date)),
            None => Err(serde::de::Error::custom(format!(
                "{task}: {day:?} is not YYYY-MM-DD"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::domain::order::map_of(done))
}

impl Document for StoredChecklist {
    const KEY: &'static str = "checklist";
    const VERSION: u32 = 1;

    /// In the browser, read with its JSON parser (`browser_json`), so the checklist widget
    /// downloads no serde_json; the browser tests check it against the serde_json path.
    #[cfg(target_arch = "wasm32")]
    fn from_stored(raw: &str) -> Result<Self, super::StorageError> {
        super::browser_json::decode_checklist(raw)
    }

    #[cfg(target_arch = "wasm32")]
    fn to_stored(&self) -> Result<String, super::StorageError> {
        Ok(super::browser_json::encode_checklist(self))
    }
}

impl From<&Checklist> for StoredChecklist {
    fn from(c: &Checklist) -> Self {
        StoredChecklist {
            done: c.done.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl From<StoredChecklist> for Checklist {
    /// Ids the current list does not know are kept, so a newer list's ticks survive a
    /// round trip; notes go through the model's length rule.
    fn from(s: StoredChecklist) -> Self {
        let mut c = Checklist {
            done: s.done,
            notes: BTreeMap::new(),
        };
        for (step, text) in &s.notes {
            c.set_note(step, text);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{decode, MemoryBackend, Store};

    #[test]
    fn round_trips_through_the_envelope() {
        let mut c = Checklist::default();
        let day = NaiveDate::from_ymd_opt(2026, 3, 17).unwrap();
        c.set_done("session-find", true, day);
        c.set_note("session", "Ask about categories");
        let store = Store::new(MemoryBackend::default());
        store.save(&StoredChecklist::from(&c)).unwrap();
        let back = Checklist::from(store.load::<StoredChecklist>().into_value());
        assert_eq!(back, c);
    }

    #[test]
    fn stored_text_has_the_documented_shape() {
        let mut c = Checklist::default();
        c.set_done(
            "gather-links",
            true,
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
        );
        let text = serde_json::to_string(&StoredChecklist::from(&c)).unwrap();
        assert_eq!(text, r#"{"done":{"gather-links":"2026-01-02"},"notes":{}}"#);
    }

    #[test]
    fn a_bad_date_is_refused_so_the_foundation_sets_the_data_aside() {
        let raw = r#"{"v":1,"data":{"done":{"gather-links":"yesterday"}}}"#;
        assert!(decode::<StoredChecklist>(raw).is_err());
        let raw = r#"{"v":1,"data":{"done":{"gather-links":"2026-02-30"}}}"#;
        assert!(decode::<StoredChecklist>(raw).is_err());
    }

    #[test]
    fn missing_fields_default_to_empty() {
        let c = decode::<StoredChecklist>(r#"{"v":1,"data":{}}"#).unwrap();
        assert_eq!(c, StoredChecklist::default());
    }
}
