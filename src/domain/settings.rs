//! The user's preferences.

use crate::i18n::Lang;

/// Colour theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Every choice, in the order the switch offers them.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// Stable name used in storage, URLs and the `data-theme` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a stored or URL value; anything unknown is `None`.
    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL
            .into_iter()
            .find(|t| t.code() == code.trim().to_ascii_lowercase())
    }
}

/// Preferences kept between visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    pub theme: Theme,
    /// `None` until the user picks one: then the browser's languages decide.
    pub lang: Option<Lang>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_codes_round_trip_and_reject_unknown() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_code(theme.code()), Some(theme));
        }
        assert_eq!(Theme::from_code(" DARK "), Some(Theme::Dark));
        assert_eq!(Theme::from_code("sepia"), None);
    }
}
