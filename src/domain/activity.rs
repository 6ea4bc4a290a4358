//! What the contribution journal knows about a person's activity, in the shape other parts
//! consume: the explainer prefills its activity questions from [`ActivitySummary`], and
//! the story builder offers [`StoryHighlight`]s.

use std::collections::BTreeSet;

/// Forms of contribution, as the explainer asks about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContributionForm {
    Writing,
    Speaking,
    VideoOrPodcast,
    OpenSource,
    ForumAnswers,
    Mentoring,
    Organising,
    Translation,
    ProductFeedback,
}

impl ContributionForm {
    /// Every form, in the order they are shown.
    pub const ALL: [ContributionForm; 9] = [
        ContributionForm::Writing,
        ContributionForm::Speaking,
        ContributionForm::VideoOrPodcast,
        ContributionForm::OpenSource,
        ContributionForm::ForumAnswers,
        ContributionForm::Mentoring,
        ContributionForm::Organising,
        ContributionForm::Translation,
        ContributionForm::ProductFeedback,
    ];

    /// Stable name for storage and URLs.
    pub fn code(self) -> &'static str {
        match self {
            ContributionForm::Writing => "writing",
            ContributionForm::Speaking => "speaking",
            ContributionForm::VideoOrPodcast => "video",
            ContributionForm::OpenSource => "open-source",
            ContributionForm::ForumAnswers => "forums",
            ContributionForm::Mentoring => "mentoring",
            ContributionForm::Organising => "organising",
            ContributionForm::Translation => "translation",
            ContributionForm::ProductFeedback => "product-feedback",
        }
    }

    /// Parses [`ContributionForm::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The journal's view of the rolling last 12 months.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivitySummary {
    /// Entries dated within the last 12 months.
    pub contributions_last_12: usize,
    /// Distinct calendar months (of the last 12) with at least one entry.
    pub active_months_last_12: u8,
    /// Forms of contribution used in the last 12 months.
    pub forms: BTreeSet<ContributionForm>,
    /// Whether any entry in the last 12 months records a reach figure (views, attendees...).
    pub reach_recorded: bool,
}

/// A journal entry offered to the story builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryHighlight {
    pub title: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// Translated or plain label of the activity type.
    pub kind: String,
    pub url: Option<String>,
    /// Largest reach figure of the entry (views, attendees, ...), 0 when none.
    pub reach: u64,
    pub high_impact: bool,
}
