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
//! assert_eq!(unstash("not json"), None);
//! ```

use super::validation::Draft;
use super::Audience;
use serde::{Deserialize, Serialize};

/// The stash format this app writes; others are ignored.
const STASH_VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Stashed {
    v: u32,
    kind: String,
    title: String,
    description: String,
    notes: String,
    date: String,
    end_date: String,
    url: String,
    areas: Vec<String>,
    audiences: Vec<String>,
    role: String,
    event: String,
    quantity: String,
    figures: Vec<String>,
    high_impact: bool,
}

/// The draft as text.
pub fn stash(draft: &Draft) -> String {
    let stashed = Stashed {
        v: STASH_VERSION,
        kind: draft.kind.clone(),
        title: draft.title.clone(),
        description: draft.description.clone(),
        notes: draft.notes.clone(),
        date: draft.date.clone(),
        end_date: draft.end_date.clone(),
        url: draft.url.clone(),
        areas: draft.areas.clone(),
        audiences: draft
            .audiences
            .iter()
            .map(|a| a.code().to_string())
            .collect(),
        role: draft.role.clone(),
        event: draft.event.clone(),
        quantity: draft.quantity.clone(),
        figures: draft.figures.to_vec(),
        high_impact: draft.high_impact,
    };
    serde_json::to_string(&stashed).unwrap_or_default()
}

/// The draft back from [`stash`]'s text; `None` for anything else. Unknown audience codes
/// are dropped; the form's own checks still run when it is saved.
pub fn unstash(text: &str) -> Option<Draft> {
    let s: Stashed = serde_json::from_str(text).ok()?;
    if s.v != STASH_VERSION {
        return None;
    }
    let mut figures: [String; 7] = Default::default();
    for (slot, value) in figures.iter_mut().zip(s.figures) {
        *slot = value;
    }
    Some(Draft {
        kind: s.kind,
        title: s.title,
        description: s.description,
        notes: s.notes,
        date: s.date,
        end_date: s.end_date,
        url: s.url,
        areas: s.areas,
        audiences: s
            .audiences
            .iter()
            .filter_map(|c| Audience::from_code(c))
            .collect(),
        role: s.role,
        event: s.event,
        quantity: s.quantity,
        figures,
        high_impact: s.high_impact,
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
        assert_eq!(unstash(r#"{"v":2,"title":"x"}"#), None);
        let partial = unstash(r#"{"v":1,"title":"x","audiences":["nobody"],"figures":["1"]}"#);
        let d = partial.expect("a partial stash still restores");
        assert_eq!(d.title, "x");
        assert!(d.audiences.is_empty());
        assert_eq!(d.figures[0], "1");
    }
}
