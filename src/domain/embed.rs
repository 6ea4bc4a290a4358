//! Options of an embedded widget (`/embed/<widget>?lang=&theme=&accent=&compact=`), read
//! forgivingly: an invalid value falls back to its default and never breaks the page.

use crate::domain::settings::Theme;
use crate::i18n::Lang;

/// The parts of the app that can be embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widget {
    Explainer,
    Checklist,
    Faq,
}

impl Widget {
    /// Every widget, in the order the generator offers them.
    pub const ALL: [Widget; 3] = [Widget::Explainer, Widget::Checklist, Widget::Faq];

    /// Path segment after `/embed/`.
    pub fn slug(self) -> &'static str {
        match self {
            Widget::Explainer => "explainer",
            Widget::Checklist => "checklist",
            Widget::Faq => "faq",
        }
    }

    /// Parses [`Widget::slug`].
    pub fn from_slug(slug: &str) -> Option<Widget> {
        Widget::ALL.into_iter().find(|w| w.slug() == slug)
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// Parses `#rrggbb`, `rrggbb`, `#rgb` or `rgb` (case-insensitive).
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim().trim_start_matches('#');
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb(
                channel(&hex[0..2])?,
                channel(&hex[2..4])?,
                channel(&hex[4..6])?,
            )),
            3 => {
                let double = |i: usize| channel(&hex[i..i + 1]).map(|v| v * 17);
                Some(Rgb(double(0)?, double(1)?, double(2)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG 2 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour (always at least 4.5:1).
    pub fn readable_text(self) -> Rgb {
        if self.contrast(Rgb::BLACK) >= self.contrast(Rgb::WHITE) {
            Rgb::BLACK
        } else {
            Rgb::WHITE
        }
    }
}

/// Page backgrounds of the two themes (must match `--bg` in style/main.css).
pub const LIGHT_BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DARK_BACKGROUND: Rgb = Rgb(0x11, 0x14, 0x18);

/// What an embedding site asked for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedOptions {
    /// `None`: the visitor's browser languages decide.
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub accent: Option<Rgb>,
    pub compact: bool,
}

impl EmbedOptions {
    /// Reads query parameters; unknown parameters and invalid values are ignored.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        for (key, value) in pairs {
            match key {
                "lang" => options.lang = Lang::from_code(value),
                "theme" => options.theme = Theme::from_code(value).unwrap_or_default(),
                "accent" => options.accent = Rgb::parse_hex(value),
                "compact" => options.compact = matches!(value, "1" | "true" | "yes" | ""),
                _ => {}
            }
        }
        options
    }

    /// The query string that gives these options back (without `?`; empty for defaults).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.code()));
        }
        if let Some(accent) = self.accent {
            parts.push(format!("accent=%23{}", &accent.to_hex()[1..]));
        }
        if self.compact {
            parts.push("compact=1".into());
        }
        parts.join("&")
    }
}

/// Colours derived from an accent for one page background.
#[derive(Debug, Clone, PartialEq)]
pub struct AccentColours {
    /// Fill of buttons and highlights.
    pub accent: Rgb,
    /// Text on that fill: black or white, whichever keeps AA contrast.
    pub on_accent: Rgb,
    /// Colour of links and focus rings on the page background: the accent when it keeps
    /// 4.5:1 there, else `None` (the theme's own link colour stays).
    pub link: Option<Rgb>,
}

/// Colours to use for `accent` on a page whose background is `background`.
pub fn accent_colours(accent: Rgb, background: Rgb) -> AccentColours {
    AccentColours {
        accent,
        on_accent: accent.readable_text(),
        link: (accent.contrast(background) >= 4.5).then_some(accent),
    }
}

/// CSS that applies `accent` to a widget: buttons always, links and focus rings only on
/// the theme backgrounds where the accent keeps 4.5:1. Only validated hex values go in.
pub fn accent_css(accent: Rgb) -> String {
    let light = accent_colours(accent, LIGHT_BACKGROUND);
    let dark = accent_colours(accent, DARK_BACKGROUND);
    let mut css = format!(
        ":root{{--fill:{};--on-fill:{};}}",
        accent.to_hex(),
        light.on_accent.to_hex()
    );
    if let Some(link) = light.link {
        css += &format!(
            ":root:not([data-theme=dark]){{--accent:{0};--focus:{0};}}",
            link.to_hex()
        );
    }
    if let Some(link) = dark.link {
        let hex = link.to_hex();
        css += &format!(":root[data-theme=dark]{{--accent:{hex};--focus:{hex};}}");
        css += &format!(
            "@media (prefers-color-scheme: dark){{:root[data-theme=auto]{{--accent:{hex};--focus:{hex};}}}}"
        );
    } else if light.link.is_some() {
        // The light rule above also matched "auto"; undo it where auto turns dark.
        css += "@media (prefers-color-scheme: dark){:root[data-theme=auto]{--accent:#7cb8ff;--focus:#7cb8ff;}}";
    }
    css
}

/// The HTML a site owner pastes: the iframe, and the optional auto-height script.
/// `app_url` is the app's absolute URL with its base path and a trailing slash.
pub fn snippet(app_url: &str, widget: Widget, options: &EmbedOptions, title: &str) -> String {
    let query = options.to_query();
    let src = format!(
        "{app_url}embed/{}{}{}",
        widget.slug(),
        if query.is_empty() { "" } else { "?" },
        query
    );
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>\n\
         <script src=\"{}embed.js\" async></script>",
        escape_attr(&src),
        escape_attr(title),
        escape_attr(app_url)
    )
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse_in_long_and_short_forms() {
        assert_eq!(Rgb::parse_hex("#0B5CAD"), Some(Rgb(0x0b, 0x5c, 0xad)));
        assert_eq!(Rgb::parse_hex("0b5cad"), Some(Rgb(0x0b, 0x5c, 0xad)));
        assert_eq!(Rgb::parse_hex("#f80"), Some(Rgb(0xff, 0x88, 0x00)));
        for bad in [
            "", "#", "#12345", "#gggggg", "red", "#1234567", "+12345", "#12 456", "ééé",
        ] {
            assert_eq!(Rgb::parse_hex(bad), None, "{bad}");
        }
        assert_eq!(Rgb(1, 2, 255).to_hex(), "#0102ff");
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((Rgb::BLACK.contrast(Rgb::WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb::WHITE.contrast(Rgb::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = Rgb(0x76, 0x76, 0x76).contrast(Rgb::WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    #[test]
    fn text_on_any_accent_keeps_aa_contrast() {
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    let accent = Rgb(r as u8, g as u8, b as u8);
                    let ratio = accent.contrast(accent.readable_text());
                    assert!(ratio >= 4.5, "{accent:?}: {ratio}");
                }
            }
        }
        assert_eq!(
            Rgb::parse_hex("#ffd700").unwrap().readable_text(),
            Rgb::BLACK
        );
        assert_eq!(
            Rgb::parse_hex("#0b5cad").unwrap().readable_text(),
            Rgb::WHITE
        );
    }

    #[test]
    fn links_use_the_accent_only_where_it_is_readable() {
        let gold = Rgb::parse_hex("#ffd700").unwrap();
        assert_eq!(accent_colours(gold, LIGHT_BACKGROUND).link, None);
        assert_eq!(accent_colours(gold, DARK_BACKGROUND).link, Some(gold));
        let navy = Rgb::parse_hex("#0b5cad").unwrap();
        assert_eq!(accent_colours(navy, LIGHT_BACKGROUND).link, Some(navy));
        assert_eq!(accent_colours(navy, DARK_BACKGROUND).link, None);
    }

    #[test]
    fn options_parse_forgivingly() {
        let o = EmbedOptions::from_query([
            ("lang", "es-ES"),
            ("theme", "dark"),
            ("accent", "#c0ffee"),
            ("compact", "1"),
        ]);
        assert_eq!(
            o,
            EmbedOptions {
                lang: Some(Lang::Es),
                theme: Theme::Dark,
                accent: Rgb::parse_hex("c0ffee"),
                compact: true
            }
        );
        let bad = EmbedOptions::from_query([
            ("lang", "klingon"),
            ("theme", "neon"),
            ("accent", "javascript:alert(1)"),
            ("compact", "maybe"),
            ("other", "x"),
        ]);
        assert_eq!(bad, EmbedOptions::default());
    }

    #[test]
    fn options_round_trip_through_the_query_string() {
        let o = EmbedOptions {
            lang: Some(Lang::Es),
            theme: Theme::Light,
            accent: Rgb::parse_hex("#123abc"),
            compact: true,
        };
        assert_eq!(
            o.to_query(),
            "lang=es&theme=light&accent=%23123abc&compact=1"
        );
        let decoded = o.to_query().replace("%23", "#");
        let pairs = decoded.split('&').filter_map(|p| p.split_once('='));
        assert_eq!(EmbedOptions::from_query(pairs), o);
        assert_eq!(EmbedOptions::default().to_query(), "");
    }

    #[test]
    fn widgets_have_stable_slugs() {
        for w in Widget::ALL {
            assert_eq!(Widget::from_slug(w.slug()), Some(w));
        }
        assert_eq!(Widget::from_slug("journal"), None);
    }

    #[test]
    fn accent_css_keeps_readable_links_only() {
        let gold = accent_css(Rgb::parse_hex("#ffd700").unwrap());
        assert!(gold.contains("--fill:#ffd700;--on-fill:#000000;"), "{gold}");
        assert!(
            !gold.contains(":root:not([data-theme=dark]){--accent"),
            "gold links are unreadable on white: {gold}"
        );
        assert!(
            gold.contains(":root[data-theme=dark]{--accent:#ffd700;"),
            "{gold}"
        );
        let navy = accent_css(Rgb::parse_hex("#0b5cad").unwrap());
        assert!(navy.contains("--on-fill:#ffffff;"), "{navy}");
        assert!(
            navy.contains(":root:not([data-theme=dark]){--accent:#0b5cad;"),
            "{navy}"
        );
        assert!(!navy.contains(":root[data-theme=dark]{--accent"), "{navy}");
        assert!(
            navy.contains("[data-theme=auto]{--accent:#7cb8ff"),
            "auto in dark mode restores the readable default"
        );
    }

    #[test]
    fn the_snippet_names_the_widget_options_and_script() {
        let options = EmbedOptions {
            lang: Some(Lang::Es),
            compact: true,
            ..EmbedOptions::default()
        };
        let html = snippet(
            "https://example.org/pathway/",
            Widget::Faq,
            &options,
            "MVP Pathway: \"FAQ\" <x>",
        );
        assert_eq!(
            html,
            "<iframe src=\"https://example.org/pathway/embed/faq?lang=es&amp;compact=1\" title=\"MVP Pathway: &quot;FAQ&quot; &lt;x&gt;\" loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>\n<script src=\"https://example.org/pathway/embed.js\" async></script>"
        );
        let plain = snippet(
            "https://x.org/",
            Widget::Checklist,
            &EmbedOptions::default(),
            "t",
        );
        assert!(
            plain.starts_with("<iframe src=\"https://x.org/embed/checklist\" "),
            "{plain}"
        );
    }
}
