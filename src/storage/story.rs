//! Stored shape of the story draft (format 1), and its conversion to the model.

use super::Document;
use crate::domain::story::{Prompt, StoryDraft};
use serde::{Deserialize, Serialize};

/// Stored form of [`StoryDraft`], format 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredStory {
    #[serde(default)]
    pub why_started: String,
    #[serde(default)]
    pub who_helped: String,
    #[serde(default)]
    pub learned: String,
    #[serde(default)]
    pub next: String,
    /// Ids of the picked journal highlights.
    #[serde(default)]
    pub picked: Vec<String>,
}

impl Document for StoredStory {
    const KEY: &'static str = "story";
    const VERSION: u32 = 1;
}

impl From<&StoryDraft> for StoredStory {
    fn from(d: &StoryDraft) -> Self {
        StoredStory {
            why_started: d.answer(Prompt::WhyStarted).to_string(),
            who_helped: d.answer(Prompt::WhoHelped).to_string(),
            learned: d.answer(Prompt::Learned).to_string(),
            next: d.answer(Prompt::Next).to_string(),
            picked: d.picked.iter().cloned().collect(),
        }
    }
}

impl From<StoredStory> for StoryDraft {
    fn from(s: StoredStory) -> Self {
        let mut d = StoryDraft {
            picked: crate::domain::order::set_of(s.picked),
            ..StoryDraft::default()
        };
        d.set_answer(Prompt::WhyStarted, &s.why_started);
        d.set_answer(Prompt::WhoHelped, &s.who_helped);
        d.set_answer(Prompt::Learned, &s.learned);
        d.set_answer(Prompt::Next, &s.next);
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::StoryHighlight;
    use crate::storage::{decode, MemoryBackend, Store};

    #[test]
    fn round_trips_through_the_envelope() {
        let mut d = StoryDraft::default();
        d.set_answer(Prompt::WhoHelped, "Students at the *uni* club");
        d.set_picked(
            &StoryHighlight {
                title: "Talk".into(),
                date: "2026-01-01".into(),
                kind: "Talk".into(),
                url: None,
                reach: 40,
                high_impact: false,
            },
            true,
        );
        let store = Store::new(MemoryBackend::default());
        store.save(&StoredStory::from(&d)).unwrap();
        assert_eq!(
            StoryDraft::from(store.load::<StoredStory>().into_value()),
            d
        );
    }

    #[test]
    fn wrong_types_are_refused() {
        assert!(decode::<StoredStory>(r#"{"v":1,"data":{"learned":42}}"#).is_err());
        assert!(decode::<StoredStory>(r#"{"v":1,"data":{"picked":"all"}}"#).is_err());
    }
}
