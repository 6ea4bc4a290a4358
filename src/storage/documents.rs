//! Stored shapes (versioned DTOs) of the app's documents, and their conversion to the model.

use super::Document;
use crate::domain::settings::{Settings, Theme};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Stored form of [`Settings`], format 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredSettings {
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub lang: Option<String>,
}

impl Document for StoredSettings {
    const KEY: &'static str = "settings";
    const VERSION: u32 = 1;

    /// The main Wasm module reads the settings with the browser's JSON parser (see
    /// `browser_json`); the browser tests check it against the serde_json path.
    #[cfg(target_arch = "wasm32")]
    fn from_stored(raw: &str) -> Result<Self, super::StorageError> {
        super::browser_json::decode_settings(raw)
    }

    #[cfg(target_arch = "wasm32")]
    fn to_stored(&self) -> Result<String, super::StorageError> {
        Ok(super::browser_json::encode_settings(self))
    }
}

impl From<&Settings> for StoredSettings {
    fn from(s: &Settings) -> Self {
        StoredSettings {
            theme: s.theme.code().to_string(),
            lang: s.lang.map(|l| l.code().to_string()),
        }
    }
}

impl From<StoredSettings> for Settings {
    /// Unknown values (from a newer app, or edited by hand) fall back to defaults.
    fn from(s: StoredSettings) -> Self {
        Settings {
            theme: Theme::from_code(&s.theme).unwrap_or_default(),
            lang: s.lang.as_deref().and_then(Lang::from_code),
        }
    }
}
