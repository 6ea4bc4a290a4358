//! Lower case for comparing and searching text (journal search, duplicate detection).
//!
//! The one place `domain` asks the browser: in the Wasm build, text that is not ASCII is
//! lower-cased by JavaScript's `String.prototype.toLowerCase`, which applies the same
//! Unicode mapping as `str::to_lowercase` (final sigma included) without bringing Rust's
//! case tables (about 12 KB) into the journal's download. Native builds (`cargo test`) use
//! `str::to_lowercase`. ASCII text, the usual case, never leaves Rust.

/// `text` in lower case.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lowercases_ascii_and_other_scripts() {
        assert_eq!(lowercase("Azure MVP"), "azure mvp");
        assert_eq!(lowercase("ÉTÉ À Paris"), "été à paris");
        assert_eq!(lowercase("ΟΔΟΣ"), "οδος");
        assert_eq!(lowercase("日本語"), "日本語");
    }
}
