//! The applying checklist: the program post's four steps before applying, plus joining a
//! live session and sharing one's journey. The steps are data ([`STEPS`]); what the person
//! has ticked, when, and their notes are the model ([`Checklist`]).

use crate::i18n::Key;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Longest note kept per step, in characters.
pub const NOTE_MAX_CHARS: usize = 4000;

/// Where a step's helper link points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    /// A route of this app, such as `/journal`.
    App(&'static str),
    /// The official MVP site.
    Official,
}

/// A link that helps with a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepLink {
    pub target: LinkTarget,
    pub label: Key,
}

/// One sub-task of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Task {
    /// Stable id used in storage; never reuse one for a different task.
    pub id: &'static str,
    pub label: Key,
}

/// One step of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Stable id used in storage and element ids.
    pub id: &'static str,
    pub title: Key,
    pub intro: Key,
    pub tasks: &'static [Task],
    pub links: &'static [StepLink],
}

/// The checklist, in order: the post's four steps, then a live session and sharing.
pub static STEPS: [Step; 6] = [
    Step {
        id: "reflect",
        title: Key::ChecklistReflectTitle,
        intro: Key::ChecklistReflectIntro,
        tasks: &[
            Task {
                id: "reflect-forms",
                label: Key::ChecklistReflectForms,
            },
            Task {
                id: "reflect-people",
                label: Key::ChecklistReflectPeople,
            },
            Task {
                id: "reflect-consistency",
                label: Key::ChecklistReflectConsistency,
            },
        ],
        links: &[StepLink {
            target: LinkTarget::App("/explainer"),
            label: Key::ChecklistLinkExplainer,
        }],
    },
    Step {
        id: "gather",
        title: Key::ChecklistGatherTitle,
        intro: Key::ChecklistGatherIntro,
        tasks: &[
            Task {
                id: "gather-links",
                label: Key::ChecklistGatherLinks,
            },
            Task {
                id: "gather-figures",
                label: Key::ChecklistGatherFigures,
            },
            Task {
                id: "gather-small",
                label: Key::ChecklistGatherSmall,
            },
        ],
        links: &[StepLink {
            target: LinkTarget::App("/journal"),
            label: Key::ChecklistLinkJournal,
        }],
    },
    Step {
        id: "feedback",
        title: Key::ChecklistFeedbackTitle,
        intro: Key::ChecklistFeedbackIntro,
        tasks: &[
            Task {
                id: "feedback-helped",
                label: Key::ChecklistFeedbackHelped,
            },
            Task {
                id: "feedback-review",
                label: Key::ChecklistFeedbackReview,
            },
            Task {
                id: "feedback-notes",
                label: Key::ChecklistFeedbackNotes,
            },
        ],
        links: &[StepLink {
            target: LinkTarget::App("/peer"),
            label: Key::ChecklistLinkPeer,
        }],
    },
    Step {
        id: "nomination",
        title: Key::ChecklistNominationTitle,
        intro: Key::ChecklistNominationIntro,
        tasks: &[
            Task {
                id: "nomination-how",
                label: Key::ChecklistNominationHow,
            },
            Task {
                id: "nomination-conduct",
                label: Key::ChecklistNominationConduct,
            },
            Task {
                id: "nomination-area",
                label: Key::ChecklistNominationArea,
            },
        ],
        links: &[
            StepLink {
                target: LinkTarget::App("/faq"),
                label: Key::ChecklistLinkFaq,
            },
            StepLink {
                target: LinkTarget::Official,
                label: Key::ChecklistLinkOfficial,
            },
        ],
    },
    Step {
        id: "session",
        title: Key::ChecklistSessionTitle,
        intro: Key::ChecklistSessionIntro,
        tasks: &[
            Task {
                id: "session-find",
                label: Key::ChecklistSessionFind,
            },
            Task {
                id: "session-calendar",
                label: Key::ChecklistSessionCalendar,
            },
            Task {
                id: "session-questions",
                label: Key::ChecklistSessionQuestions,
            },
        ],
        links: &[StepLink {
            target: LinkTarget::App("/events"),
            label: Key::ChecklistLinkEvents,
        }],
    },
    Step {
        id: "share",
        title: Key::ChecklistShareTitle,
        intro: Key::ChecklistShareIntro,
        tasks: &[
            Task {
                id: "share-story",
                label: Key::ChecklistShareStory,
            },
            Task {
                id: "share-help",
                label: Key::ChecklistShareHelp,
            },
            Task {
                id: "share-keep",
                label: Key::ChecklistShareKeep,
            },
        ],
        links: &[StepLink {
            target: LinkTarget::App("/story"),
            label: Key::ChecklistLinkStory,
        }],
    },
];

/// How many tasks are done out of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Whole percent done, rounded down (0 when there is nothing to do).
    pub fn percent(self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        (self.done.min(self.total) * 100 / self.total) as u8
    }

    /// True when every task is done.
    pub fn complete(self) -> bool {
        self.total > 0 && self.done >= self.total
    }
}

/// What the person has done: the date each ticked task was ticked, and notes per step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklist {
    /// Task id -> the date it was ticked.
    pub done: BTreeMap<String, NaiveDate>,
    /// Step id -> the person's notes.
    pub notes: BTreeMap<String, String>,
}

impl Checklist {
    /// Ticks (`true`) or unticks a task. Ticking records `today` unless the task was already
    /// done (its first date stays); unticking clears the date.
    pub fn set_done(&mut self, task_id: &str, done: bool, today: NaiveDate) {
        if done {
            self.done.entry(task_id.to_string()).or_insert(today);
        } else {
            self.done.remove(task_id);
        }
    }

    /// The date a task was ticked, if it is done.
    pub fn done_on(&self, task_id: &str) -> Option<NaiveDate> {
        self.done.get(task_id).copied()
    }

    /// The notes of a step ("" when none).
    pub fn note(&self, step_id: &str) -> &str {
        self.notes.get(step_id).map_or("", String::as_str)
    }

    /// Replaces a step's notes, cut to [`NOTE_MAX_CHARS`]; empty notes are removed.
    pub fn set_note(&mut self, step_id: &str, text: &str) {
        let text: String = text.chars().take(NOTE_MAX_CHARS).collect();
        if text.trim().is_empty() {
            self.notes.remove(step_id);
        } else {
            self.notes.insert(step_id.to_string(), text);
        }
    }

    /// Progress of one step (tasks that no longer exist are not counted).
    pub fn step_progress(&self, step: &Step) -> Progress {
        Progress {
            done: step
                .tasks
                .iter()
                .filter(|t| self.done.contains_key(t.id))
                .count(),
            total: step.tasks.len(),
        }
    }

    /// Progress over the whole checklist.
    pub fn progress(&self) -> Progress {
        STEPS
            .iter()
            .map(|s| self.step_progress(s))
            .fold(Progress { done: 0, total: 0 }, |a, p| Progress {
                done: a.done + p.done,
                total: a.total + p.total,
            })
    }
}

/// Every task id of [`STEPS`], in order.
pub fn task_ids() -> impl Iterator<Item = &'static str> {
    STEPS.iter().flat_map(|s| s.tasks.iter().map(|t| t.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn the_post_steps_come_first_then_session_and_sharing() {
        let ids: Vec<&str> = STEPS.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "reflect",
                "gather",
                "feedback",
                "nomination",
                "session",
                "share"
            ]
        );
        assert!(STEPS.iter().all(|s| !s.tasks.is_empty()));
    }

    #[test]
    fn ids_are_unique_so_saved_ticks_cannot_collide() {
        let tasks: BTreeSet<&str> = task_ids().collect();
        assert_eq!(tasks.len(), task_ids().count());
        let steps: BTreeSet<&str> = STEPS.iter().map(|s| s.id).collect();
        assert_eq!(steps.len(), STEPS.len());
    }

    #[test]
    fn steps_link_to_the_parts_that_help() {
        let targets: Vec<LinkTarget> = STEPS
            .iter()
            .flat_map(|s| s.links.iter().map(|l| l.target))
            .collect();
        for path in ["/journal", "/faq", "/events"] {
            assert!(targets.contains(&LinkTarget::App(path)), "{path}");
        }
        assert!(targets.contains(&LinkTarget::Official));
    }

    #[test]
    fn ticking_records_today_and_unticking_clears_it() {
        let mut c = Checklist::default();
        c.set_done("gather-links", true, day(17));
        assert_eq!(c.done_on("gather-links"), Some(day(17)));
        c.set_done("gather-links", false, day(18));
        assert_eq!(c.done_on("gather-links"), None);
        c.set_done("gather-links", true, day(19));
        assert_eq!(c.done_on("gather-links"), Some(day(19)));
    }

    #[test]
    fn ticking_again_keeps_the_first_date() {
        let mut c = Checklist::default();
        c.set_done("gather-links", true, day(1));
        c.set_done("gather-links", true, day(9));
        assert_eq!(c.done_on("gather-links"), Some(day(1)));
    }

    #[test]
    fn progress_counts_known_tasks_only() {
        let mut c = Checklist::default();
        let total = task_ids().count();
        assert_eq!(c.progress(), Progress { done: 0, total });
        assert_eq!(c.progress().percent(), 0);
        c.set_done("reflect-forms", true, day(1));
        c.set_done("reflect-people", true, day(1));
        c.set_done("share-keep", true, day(2));
        // A task removed in a later version of the list must not inflate the count.
        c.set_done("retired-task", true, day(2));
        assert_eq!(c.progress(), Progress { done: 3, total });
        assert_eq!(c.step_progress(&STEPS[0]), Progress { done: 2, total: 3 });
        assert_eq!(c.step_progress(&STEPS[1]), Progress { done: 0, total: 3 });
        assert_eq!(c.progress().percent(), (300 / total) as u8);
        assert!(!c.progress().complete());
        for id in task_ids() {
            c.set_done(id, true, day(3));
        }
        assert!(c.progress().complete());
        assert_eq!(c.progress().percent(), 100);
    }

    #[test]
    fn notes_are_kept_cut_to_the_limit_and_removed_when_empty() {
        let mut c = Checklist::default();
        c.set_note("reflect", "Ran the local meetup\nsince May");
        assert_eq!(c.note("reflect"), "Ran the local meetup\nsince May");
        c.set_note("reflect", &"é".repeat(NOTE_MAX_CHARS + 10));
        assert_eq!(c.note("reflect").chars().count(), NOTE_MAX_CHARS);
        c.set_note("reflect", "  \n ");
        assert_eq!(c.note("reflect"), "");
        assert!(c.notes.is_empty());
    }

    #[test]
    fn empty_progress_is_zero_not_a_division_by_zero() {
        let p = Progress { done: 0, total: 0 };
        assert_eq!(p.percent(), 0);
        assert!(!p.complete());
    }
}
