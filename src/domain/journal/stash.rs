//! An unsaved entry form as text, so the browser tab can keep it through a reload (the
//! "new version" Reload button, or an accidental one). Kept per tab in sessionStorage by
//! the form; this module only turns a [`Draft`] into text and back.
//!
//! Usage:
//!
//! ```
//! use mvp_pathway::domain::journal::stash::{stash, unstash};
//! use mvp_pathway::domain::journal::validation::Draft;
//! let mut draft = Draft::blank(chrono::NaiveDate::default());
//! draft.title = "Half-typed".into();
//! assert_eq!(unstash(&stash(&draft)), Some(draft));
//! assert_eq!(unstash("not a draft"), None);
//! ```

use super::validation::Draft;
use super::Audience;
use std::fmt::Write;

/// The first line of the stash format this app writes; other texts are ignored.
const HEADER: &str = "mvp-pathway draft 2\n";

/// Appends a text as `<length in bytes>:<text>`.
fn push(out: &mut String, text: &str) {
    let _ = write!(out, "{}:{text}", text.len());
}

/// Appends a list as `<count>#` and its texts.
fn push_list<'a>(out: &mut String, items: impl ExactSizeIterator<Item = &'a str>) {
    let _ = write!(out, "{}#", items.len());
    for item in items {
        push(out, item);
    }
}

/// The draft as text: each field's length, then the field, so no text needs escaping and
/// no JSON code is needed to read it back.
pub fn stash(draft: &Draft) -> String {
    let mut out = String::from(HEADER);
    for text in [&draft.kind, &draft.title, &draft.description, &draft.notes] {
        push(&mut out, text);
    }
    for text in [&draft.date, &draft.end_date, &draft.url] {
        push(&mut out, text);
    }
    push_list(&mut out, draft.areas.iter().map(String::as_str));
    push_list(&mut out, draft.audiences.iter().map(|a| a.code()));
    for text in [&draft.role, &draft.event, &draft.quantity] {
        push(&mut out, text);
    }
    push_list(&mut out, draft.figures.iter().map(String::as_str));
    push(&mut out, if draft.high_impact { "1" } else { "" });
    out
}

/// Reads [`stash`]'s text back, field by field.
struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    /// The number before `end`.
    fn number(&mut self, end: char) -> Option<usize> {
        let (digits, rest) = self.0.split_once(end)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.0 = rest;
        digits.parse().ok()
    }

    fn text(&mut self) -> Option<String> {
        let len = self.number(':')?;
        let text = self.0.get(..len)?;
        self.0 = self.0.get(len..)?;
        Some(text.to_string())
    }

    fn list(&mut self) -> Option<Vec<String>> {
        let count = self.number('#')?;
        (0..count).map(|_| self.text()).collect()
    }
}

/// The draft back from [`stash`]'s text; `None` for anything else (another format, or
/// damaged text). Unknown audience codes are dropped; the form's own checks still run when
/// it is saved.
pub fn unstash(text: &str) -> Option<Draft> {
    let mut r = Reader(text.strip_prefix(HEADER)?);
    let (kind, title, description, notes) = (r.text()?, r.text()?, r.text()?, r.text()?);
    let (date, end_date, url) = (r.text()?, r.text()?, r.text()?);
    let (areas, audiences) = (r.list()?, r.list()?);
    let (role, event, quantity) = (r.text()?, r.text()?, r.text()?);
    let stashed_figures = r.list()?;
    let high_impact = r.text()?;
    if !r.0.is_empty() {
        return None;
    }
    let mut figures: [String; 7] = Default::default();
    for (slot, value) in figures.iter_mut().zip(stashed_figures) {
        *slot = value;
    }
    Some(Draft {
        kind,
        title,
        description,
        notes,
        date,
        end_date,
        url,
        areas,
        audiences: audiences
            .iter()
            .filter_map(|c| Audience::from_code(c))
            .collect(),
        role,
        event,
        quantity,
        figures,
        high_impact: high_impact == "1",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips() {
        let mut d = Draft::blank(chrono::NaiveDate::default());
        d.title = "Talk <b>".into();
        d.description = "**bold**\nline".into();
        d.notes = "private".into();
        d.end_date = "2026-11-02".into();
        d.url = "https://example.org".into();
        d.areas = vec!["azure".into(), "m365".into()];
        d.audiences = Audience::ALL.to_vec();
        d.role = "speaker".into();
        d.event = "ignite".into();
        d.quantity = "abc".into();
        d.figures[6] = "12".into();
        d.high_impact = true;
        assert_eq!(unstash(&stash(&d)), Some(d));
    }

    #[test]
    fn other_text_is_not_a_draft() {
        assert_eq!(unstash(""), None);
        assert_eq!(unstash("[]"), None);
        // The JSON stash of earlier versions is another format.
        assert_eq!(unstash(r#"{"v":1,"title":"x"}"#), None);
        let mut d = Draft::blank(chrono::NaiveDate::default());
        d.title = "Half-typed, é 日".into();
        let text = stash(&d);
        // Cut anywhere, or with more after it, it is not a draft.
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(unstash(&text[..end]), None, "{:?}", &text[..end]);
        }
        assert_eq!(unstash(&format!("{text}0:")), None);
        // A length that ends inside a character is refused, not a panic.
        let inside = text.replacen("18:Half-typed", "13:Half-typed", 1);
        assert_eq!(unstash(&inside), None);
    }

    #[test]
    fn short_figure_lists_and_unknown_audiences_still_restore() {
        let mut text = String::from(HEADER);
        for field in ["blog", "x", "", "", "2020-01-01", "", ""] {
            push(&mut text, field);
        }
        push_list(&mut text, [].into_iter());
        push_list(&mut text, ["nobody", "tdm"].into_iter());
        for field in ["", "", "1"] {
            push(&mut text, field);
        }
        push_list(&mut text, ["5"].into_iter());
        push(&mut text, "1");
        let back = unstash(&text).expect("restores");
        assert_eq!(back.title, "x");
        assert_eq!(back.audiences, [Audience::TechnicalDecisionMaker]);
        assert_eq!(back.figures[0], "5");
        assert!(back.figures[1..].iter().all(String::is_empty));
        assert!(back.high_impact);
    }
}

/// Property tests, natively only (proptest does not build for wasm32).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;

    proptest::proptest! {
        /// Any texts come back as they were typed.
        #[test]
        fn any_text_round_trips(
            texts in proptest::collection::vec(crate::domain::journal::arbitrary::text(30), 11),
            areas in proptest::collection::vec(crate::domain::journal::arbitrary::text(8), 0..4),
            high_impact in proptest::bool::ANY,
        ) {
            let mut d = Draft::blank(chrono::NaiveDate::default());
            for (field, text) in [&mut d.kind, &mut d.title, &mut d.description, &mut d.notes, &mut d.date, &mut d.end_date, &mut d.url, &mut d.role, &mut d.event, &mut d.quantity, &mut d.figures[3]].into_iter().zip(texts) {
                *field = text;
            }
            d.areas = areas;
            d.audiences = Audience::ALL.to_vec();
            d.high_impact = high_impact;
            proptest::prop_assert_eq!(unstash(&stash(&d)), Some(d));
        }

        /// Any other text is not a draft, and never a panic.
        #[test]
        fn any_other_text_is_refused_calmly(text in crate::domain::journal::arbitrary::text(60)) {
            proptest::prop_assert_eq!(unstash(&text), None);
            let _ = unstash(&format!("{HEADER}{text}"));
        }
    }
}
