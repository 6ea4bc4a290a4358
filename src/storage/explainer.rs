//! Stored shape of the explainer's answers (a versioned DTO) and its conversion.

use super::Document;
use crate::domain::explainer::{Answers, QuestionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Stored form of [`Answers`], format 1: answer codes per question code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredExplainer {
    #[serde(default)]
    pub answers: BTreeMap<String, Vec<String>>,
}

impl Document for StoredExplainer {
    const KEY: &'static str = "explainer";
    const VERSION: u32 = 1;

    /// In the browser, read with its JSON parser (`browser_json`), so the explainer widget
    /// downloads no serde_json; the browser tests check it against the serde_json path.
    #[cfg(target_arch = "wasm32")]
    fn from_stored(raw: &str) -> Result<Self, super::StorageError> {
        super::browser_json::decode_explainer(raw)
    }

    #[cfg(target_arch = "wasm32")]
    fn to_stored(&self) -> Result<String, super::StorageError> {
        Ok(super::browser_json::encode_explainer(self))
    }
}

impl From<&Answers> for StoredExplainer {
    fn from(a: &Answers) -> Self {
        StoredExplainer {
            answers: crate::domain::order::map_of(a.iter().map(|(id, codes)| {
                (
                    id.code().to_string(),
                    codes.iter().map(|c| c.to_string()).collect(),
                )
            })),
        }
    }
}

impl From<StoredExplainer> for Answers {
    /// Unknown questions or answers (from a newer app, or edited by hand) are dropped.
    fn from(s: StoredExplainer) -> Self {
        let mut answers = Answers::default();
        for (code, values) in &s.answers {
            if let Some(id) = QuestionId::from_code(code) {
                let _ = answers.set(id, values.iter().map(String::as_str));
            }
        }
        answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{decode, Loaded, MemoryBackend, Store};

    #[test]
    fn answers_round_trip_through_storage() {
        let mut a = Answers::default();
        a.set(QuestionId::Age, ["yes"]).unwrap();
        a.set(QuestionId::Forms, ["writing", "mentoring"]).unwrap();
        let store = Store::new(MemoryBackend::default());
        store.save(&StoredExplainer::from(&a)).unwrap();
        let Loaded::Stored(loaded) = store.load::<StoredExplainer>() else {
            panic!("stored value expected");
        };
        assert_eq!(Answers::from(loaded), a);
    }

    #[test]
    fn unknown_or_invalid_stored_answers_are_dropped() {
        let raw = r#"{"v":1,"data":{"answers":{
            "age":["yes"],"nope":["yes"],"employee":["maybe"],"reach":["yes","no"]}}}"#;
        let stored: StoredExplainer = decode(raw).unwrap();
        let a = Answers::from(stored);
        assert!(a.is(QuestionId::Age, "yes"));
        assert_eq!(a.iter().count(), 1);
    }

    #[test]
    fn stored_format_is_stable() {
        let mut a = Answers::default();
        a.set(QuestionId::Employee, ["no"]).unwrap();
        let json = serde_json::to_string(&StoredExplainer::from(&a)).unwrap();
        assert_eq!(json, r#"{"answers":{"employee":["no"]}}"#);
        let missing: StoredExplainer = decode(r#"{"v":1,"data":{}}"#).unwrap();
        assert!(Answers::from(missing).is_empty());
    }
}
