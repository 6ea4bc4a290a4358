//! Text typed by a person, isolated from the text around it.
//!
//! A title may hold bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE reverses everything after
//! it): shown inside a sentence, it could reorder the sentence. Views show such text in
//! `<bdi>`; where it goes into a string (status messages), it is wrapped in FIRST STRONG
//! ISOLATE ... POP DIRECTIONAL ISOLATE, the plain-text form of `<bdi>`, which also closes
//! any override left open inside.

/// `text` between U+2068 and U+2069, so its direction cannot leak into the text around it.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_in_a_title_is_closed_where_the_title_ends() {
        let title = "abc\u{202e}txt.exe";
        let message = format!("Deleted {}. Undo?", isolate(title));
        assert_eq!(message, "Deleted \u{2068}abc\u{202e}txt.exe\u{2069}. Undo?");
        let after = message.split('\u{2069}').nth(1).unwrap_or_default();
        assert_eq!(after, ". Undo?");
    }
}
