//! The eligibility explainer as data: its questions, the criteria they inform, the rules
//! that turn answers into a state per criterion, and the flow between questions.
//!
//! Adding a question is adding a row to [`QUESTIONS`] (and its text in `locales/`);
//! adding a criterion is adding a row to [`CRITERIA`]. Nothing here knows the browser.
//!
//! Usage:
//!
//! ```
//! use mvp_pathway::domain::explainer::{evaluate, Answers, CriterionId, QuestionId, State};
//! let mut answers = Answers::default();
//! answers.set(QuestionId::Employee, ["yes"]).unwrap();
//! let result = evaluate(&answers);
//! assert_eq!(result.state_of(CriterionId::Employee), State::NotYet);
//! ```

use crate::domain::activity::{ActivitySummary, ContributionForm};
use crate::i18n::Key;
use std::collections::{BTreeMap, BTreeSet};

/// Answer code meaning "Not sure", valid for every question.
pub const NOT_SURE: &str = "not-sure";

/// One allowed answer of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Stable code, used in storage.
    pub code: &'static str,
    pub label: Key,
    /// In a multiple-choice question: cannot be picked together with other answers.
    pub exclusive: bool,
}

const fn choice(code: &'static str, label: Key) -> Choice {
    Choice {
        code,
        label,
        exclusive: false,
    }
}

const fn only(code: &'static str, label: Key) -> Choice {
    Choice {
        code,
        label,
        exclusive: true,
    }
}

const YES_NO: &[Choice] = &[
    choice("yes", Key::ExplainerOptYes),
    choice("no", Key::ExplainerOptNo),
    choice(NOT_SURE, Key::ExplainerOptNotSure),
];

/// Date the technology areas below were last compared with their source.
pub const TECH_AREAS_REVIEWED: (i32, u32, u32) = (2026, 11, 27);

/// The program's current award categories (from a third-party copy of the MVP portal,
/// so they may change), then "other" and "not sure". Update here when the program does.
pub const TECH_AREAS: &[Choice] = &[
    choice("developer-technologies", Key::ExplainerAreaDevTech),
    choice("m365", Key::ExplainerAreaM365),
    choice("business-applications", Key::ExplainerAreaBizApps),
    choice("data-platform", Key::ExplainerAreaData),
    choice("azure", Key::ExplainerAreaAzure),
    choice("iot", Key::ExplainerAreaIot),
    choice("windows-devices", Key::ExplainerAreaWindowsDevices),
    choice("security", Key::ExplainerAreaSecurity),
    choice("cloud-datacenter", Key::ExplainerAreaCloudDatacenter),
    choice("foundry", Key::ExplainerAreaFoundry),
    choice("windows-development", Key::ExplainerAreaWindowsDev),
    choice("other", Key::ExplainerAreaOther),
    choice(NOT_SURE, Key::ExplainerOptNotSure),
];

const MONTHS: &[Choice] = &[
    choice("1-2", Key::ExplainerOptMonths12),
    choice("3-5", Key::ExplainerOptMonths35),
    choice("6-9", Key::ExplainerOptMonths69),
    choice("10-12", Key::ExplainerOptMonths1012),
    choice(NOT_SURE, Key::ExplainerOptNotSure),
];

const FORMS: &[Choice] = &[
    choice("writing", Key::ExplainerFormWriting),
    choice("speaking", Key::ExplainerFormSpeaking),
    choice("video", Key::ExplainerFormVideo),
    choice("open-source", Key::ExplainerFormOpenSource),
    choice("forums", Key::ExplainerFormForums),
    choice("mentoring", Key::ExplainerFormMentoring),
    choice("organising", Key::ExplainerFormOrganising),
    choice("translation", Key::ExplainerFormTranslation),
    choice("product-feedback", Key::ExplainerFormProductFeedback),
    only("none", Key::ExplainerOptNoneOfThese),
    only(NOT_SURE, Key::ExplainerOptNotSure),
];

const VERSIONS: &[Choice] = &[
    choice("current", Key::ExplainerOptVersionsCurrent),
    choice("mixed", Key::ExplainerOptVersionsMixed),
    choice("older", Key::ExplainerOptVersionsOlder),
    choice(NOT_SURE, Key::ExplainerOptNotSure),
];

const COMMUNITY: &[Choice] = &[
    choice("lead", Key::ExplainerOptCommunityLead),
    choice("inclusive", Key::ExplainerOptCommunityInclusive),
    choice("language", Key::ExplainerOptCommunityLanguage),
    only("none", Key::ExplainerOptNoneOfThese),
    only(NOT_SURE, Key::ExplainerOptNotSure),
];

const EXAMPLES: &[Choice] = &[
    choice("yes", Key::ExplainerOptYes),
    choice("started", Key::ExplainerOptStarted),
    choice("no", Key::ExplainerOptNotYet),
    choice(NOT_SURE, Key::ExplainerOptNotSure),
];

const FEEDBACK: &[Choice] = &[
    choice("yes", Key::ExplainerOptYes),
    choice("no", Key::ExplainerOptNotYet),
    choice(NOT_SURE, Key::ExplainerOptNotSure),
];

/// Every question, by a stable id used in URLs and storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionId {
    Age,
    Employee,
    Conduct,
    Active,
    Months,
    Forms,
    Reach,
    Area,
    Versions,
    Community,
    Recommender,
    Examples,
    Feedback,
}

impl QuestionId {
    /// Stable code for URLs (`/explainer/q/<code>`) and storage.
    pub fn code(self) -> &'static str {
        match self {
            QuestionId::Age => "age",
            QuestionId::Employee => "employee",
            QuestionId::Conduct => "conduct",
            QuestionId::Active => "active",
            QuestionId::Months => "months",
            QuestionId::Forms => "forms",
            QuestionId::Reach => "reach",
            QuestionId::Area => "area",
            QuestionId::Versions => "versions",
            QuestionId::Community => "community",
            QuestionId::Recommender => "recommender",
            QuestionId::Examples => "examples",
            QuestionId::Feedback => "feedback",
        }
    }

    /// Parses [`QuestionId::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        QUESTIONS.iter().map(|q| q.id).find(|id| id.code() == code)
    }

    /// The question's row in [`QUESTIONS`].
    pub fn question(self) -> &'static Question {
        // Every id has exactly one row (checked by a test); the first row is a safe fallback.
        QUESTIONS
            .iter()
            .find(|q| q.id == self)
            .unwrap_or(&QUESTIONS[0])
    }
}

/// One screen of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub text: Key,
    pub help: Key,
    /// Several answers may be picked.
    pub multiple: bool,
    pub choices: &'static [Choice],
    /// The criteria this answer feeds.
    pub informs: &'static [CriterionId],
    /// This answer means a hard requirement is not met: later questions cannot change the
    /// outcome and are skipped.
    pub ends_if: Option<&'static str>,
    /// Skip this question when an earlier question has this answer.
    pub skip_if: &'static [(QuestionId, &'static str)],
}

const NO_ACTIVITY: &[(QuestionId, &str)] = &[(QuestionId::Active, "no")];

/// The questionnaire, in the order it is asked.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: QuestionId::Age,
        text: Key::ExplainerQAge,
        help: Key::ExplainerQAgeHelp,
        multiple: false,
        choices: YES_NO,
        informs: &[CriterionId::Age],
        ends_if: Some("no"),
        skip_if: &[],
    },
    Question {
        id: QuestionId::Employee,
        text: Key::ExplainerQEmployee,
        help: Key::ExplainerQEmployeeHelp,
        multiple: false,
        choices: YES_NO,
        informs: &[CriterionId::Employee],
        ends_if: Some("yes"),
        skip_if: &[],
    },
    Question {
        id: QuestionId::Conduct,
        text: Key::ExplainerQConduct,
        help: Key::ExplainerQConductHelp,
        multiple: false,
        choices: YES_NO,
        informs: &[CriterionId::Conduct],
        ends_if: Some("no"),
        skip_if: &[],
    },
    Question {
        id: QuestionId::Active,
        text: Key::ExplainerQActive,
        help: Key::ExplainerQActiveHelp,
        multiple: false,
        choices: YES_NO,
        informs: &[CriterionId::Activity],
        ends_if: None,
        skip_if: &[],
    },
    Question {
        id: QuestionId::Months,
        text: Key::ExplainerQMonths,
        help: Key::ExplainerQMonthsHelp,
        multiple: false,
        choices: MONTHS,
        informs: &[CriterionId::Consistency],
        ends_if: None,
        skip_if: NO_ACTIVITY,
    },
    Question {
        id: QuestionId::Forms,
        text: Key::ExplainerQForms,
        help: Key::ExplainerQFormsHelp,
        multiple: true,
        choices: FORMS,
        informs: &[CriterionId::Forms],
        ends_if: None,
        skip_if: NO_ACTIVITY,
    },
    Question {
        id: QuestionId::Reach,
        text: Key::ExplainerQReach,
        help: Key::ExplainerQReachHelp,
        multiple: false,
        choices: YES_NO,
        informs: &[CriterionId::Reach],
        ends_if: None,
        skip_if: NO_ACTIVITY,
    },
    Question {
        id: QuestionId::Area,
        text: Key::ExplainerQArea,
        help: Key::ExplainerQAreaHelp,
        multiple: false,
        choices: TECH_AREAS,
        informs: &[CriterionId::Area],
        ends_if: None,
        skip_if: &[],
    },
    Question {
        id: QuestionId::Versions,
        text: Key::ExplainerQVersions,
        help: Key::ExplainerQVersionsHelp,
        multiple: false,
        choices: VERSIONS,
        informs: &[CriterionId::Versions],
        ends_if: None,
        skip_if: &[],
    },
    Question {
        id: QuestionId::Community,
        text: Key::ExplainerQCommunity,
        help: Key::ExplainerQCommunityHelp,
        multiple: true,
        choices: COMMUNITY,
        informs: &[CriterionId::Leadership],
        ends_if: None,
        skip_if: &[],
    },
    Question {
        id: QuestionId::Recommender,
        text: Key::ExplainerQRecommender,
        help: Key::ExplainerQRecommenderHelp,
        multiple: false,
        choices: YES_NO,
        informs: &[CriterionId::Recommendation],
        ends_if: None,
        skip_if: &[],
    },
    Question {
        id: QuestionId::Examples,
        text: Key::ExplainerQExamples,
        help: Key::ExplainerQExamplesHelp,
        multiple: false,
        choices: EXAMPLES,
        informs: &[CriterionId::Preparation],
        ends_if: None,
        skip_if: &[],
    },
    Question {
        id: QuestionId::Feedback,
        text: Key::ExplainerQFeedback,
        help: Key::ExplainerQFeedbackHelp,
        multiple: false,
        choices: FEEDBACK,
        informs: &[CriterionId::Preparation],
        ends_if: None,
        skip_if: &[],
    },
];

impl Question {
    /// The choice with `code`, if this question offers it.
    pub fn choice(&self, code: &str) -> Option<&'static Choice> {
        self.choices.iter().find(|c| c.code == code)
    }

    /// Whether answering this question can change which questions come next.
    pub fn branches(&self) -> bool {
        self.ends_if.is_some()
            || QUESTIONS
                .iter()
                .any(|q| q.skip_if.iter().any(|(id, _)| *id == self.id))
    }
}

/// Why an answer could not be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    /// Nothing was picked.
    Empty,
    /// A code the question does not offer.
    Unknown,
    /// More than one answer to a single-choice question.
    TooMany,
    /// "Not sure" or "None of these" picked together with other answers.
    ExclusiveMixed,
}

impl AnswerError {
    /// The message shown next to the question.
    pub fn message(self, question: &Question) -> Key {
        match (self, question.multiple) {
            (AnswerError::Empty, true) => Key::ExplainerErrorChooseSome,
            (AnswerError::ExclusiveMixed, _) => Key::ExplainerErrorExclusive,
            _ => Key::ExplainerErrorChooseOne,
        }
    }
}

/// The person's answers so far: chosen codes per question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<QuestionId, BTreeSet<&'static str>>);

impl Answers {
    /// Checks and records the answer to `id`, replacing an earlier one.
    pub fn set<'a>(
        &mut self,
        id: QuestionId,
        codes: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), AnswerError> {
        let question = id.question();
        let mut chosen = BTreeSet::new();
        for code in codes {
            let choice = question.choice(code).ok_or(AnswerError::Unknown)?;
            chosen.insert(choice.code);
        }
        if chosen.is_empty() {
            return Err(AnswerError::Empty);
        }
        if !question.multiple && chosen.len() > 1 {
            return Err(AnswerError::TooMany);
        }
        let has_exclusive = chosen
            .iter()
            .any(|c| question.choice(c).is_some_and(|ch| ch.exclusive));
        if has_exclusive && chosen.len() > 1 {
            return Err(AnswerError::ExclusiveMixed);
        }
        self.0.insert(id, chosen);
        Ok(())
    }

    /// The chosen codes for `id` (empty when unanswered).
    pub fn get(&self, id: QuestionId) -> Option<&BTreeSet<&'static str>> {
        self.0.get(&id)
    }

    /// Whether `id` was answered with `code`.
    pub fn is(&self, id: QuestionId, code: &str) -> bool {
        self.0.get(&id).is_some_and(|set| set.contains(code))
    }

    /// Whether nothing has been answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every answer, in question order.
    pub fn iter(&self) -> impl Iterator<Item = (QuestionId, &BTreeSet<&'static str>)> {
        self.0.iter().map(|(id, set)| (*id, set))
    }

    /// Fills the activity questions from the journal's summary; returns how many were
    /// filled (0 when the journal has no contribution in the last 12 months).
    pub fn prefill_from_journal(&mut self, summary: &ActivitySummary) -> usize {
        let filled = activity_answers(summary);
        let count = filled.len();
        for (id, codes) in filled {
            // Codes come from the tables above, so they are always accepted.
            let _ = self.set(id, codes);
        }
        count
    }
}

/// The activity answers that the journal's summary implies: the same inputs the person
/// would give by hand, so the rules treat both alike.
pub fn activity_answers(summary: &ActivitySummary) -> Vec<(QuestionId, Vec<&'static str>)> {
    if summary.contributions_last_12 == 0 {
        return Vec::new();
    }
    let months = match summary.active_months_last_12 {
        0..=2 => "1-2",
        3..=5 => "3-5",
        6..=9 => "6-9",
        _ => "10-12",
    };
    let mut out = vec![
        (QuestionId::Active, vec!["yes"]),
        (QuestionId::Months, vec![months]),
    ];
    let forms: Vec<&'static str> = summary.forms.iter().map(|f| form_code(*f)).collect();
    if !forms.is_empty() {
        out.push((QuestionId::Forms, forms));
    }
    let reach = if summary.reach_recorded { "yes" } else { "no" };
    out.push((QuestionId::Reach, vec![reach]));
    out
}

/// The explainer's answer code for a journal form of contribution.
pub fn form_code(form: ContributionForm) -> &'static str {
    // The codes are shared with the journal's own names on purpose.
    form.code()
}

// ---- flow ----

/// Where the person goes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Question(QuestionId),
    /// Every question on the path is answered: check your answers.
    Check,
}

impl Step {
    /// The app path of this step.
    pub fn path(self) -> String {
        match self {
            Step::Question(id) => question_path(id),
            Step::Check => "/explainer/check".to_string(),
        }
    }
}

/// The app path of a question.
pub fn question_path(id: QuestionId) -> String {
    format!("/explainer/q/{}", id.code())
}

fn skipped(question: &Question, answers: &Answers) -> bool {
    question
        .skip_if
        .iter()
        .any(|(id, code)| answers.is(*id, code))
}

/// The questions that will be asked given the answers so far, in order. Questions that
/// can no longer change the outcome are left out.
pub fn path(answers: &Answers) -> Vec<QuestionId> {
    let mut out = Vec::new();
    for question in QUESTIONS {
        if skipped(question, answers) {
            continue;
        }
        out.push(question.id);
        if question
            .ends_if
            .is_some_and(|code| answers.is(question.id, code))
        {
            break;
        }
    }
    out
}

/// Whether `id` is asked, given the answers so far.
pub fn is_on_path(answers: &Answers, id: QuestionId) -> bool {
    path(answers).contains(&id)
}

/// The step after answering `current`.
pub fn next_step(answers: &Answers, current: QuestionId) -> Step {
    let path = path(answers);
    path.iter()
        .skip_while(|id| **id != current)
        .nth(1)
        .map_or(Step::Check, |id| Step::Question(*id))
}

/// The question before `current` on the path (`None` for the first).
pub fn previous(answers: &Answers, current: QuestionId) -> Option<QuestionId> {
    let path = path(answers);
    let pos = path.iter().position(|id| *id == current)?;
    pos.checked_sub(1).map(|p| path[p])
}

/// Where to continue: the first unanswered question, or the check page.
pub fn resume(answers: &Answers) -> Step {
    path(answers)
        .into_iter()
        .find(|id| answers.get(*id).is_none())
        .map_or(Step::Check, Step::Question)
}

/// Whether every question on the path is answered.
pub fn is_complete(answers: &Answers) -> bool {
    resume(answers) == Step::Check
}

/// Position of `current` on the path (1-based), and the total when it is reliable: only
/// once no answer still to give (or to change, here) can add or remove questions.
pub fn progress(answers: &Answers, current: QuestionId) -> Option<(usize, Option<usize>)> {
    let path = path(answers);
    let pos = path.iter().position(|id| *id == current)? + 1;
    let reliable = !current.question().branches()
        && path
            .iter()
            .all(|id| !id.question().branches() || answers.get(*id).is_some());
    Some((pos, reliable.then_some(path.len())))
}

// ---- criteria ----

/// Every criterion the result explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CriterionId {
    Age,
    Employee,
    Conduct,
    Activity,
    Consistency,
    Forms,
    Reach,
    Area,
    Versions,
    Leadership,
    Recommendation,
    Preparation,
}

/// Hard requirement or a signal that reviewers weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Requirement,
    Signal,
}

/// Where a person stands on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    Met,
    NotSure,
    /// For a requirement: not possible right now.
    NotYet,
    DoesNotApply,
}

impl State {
    /// Stable code for styling and tests.
    pub fn code(self) -> &'static str {
        match self {
            State::Met => "met",
            State::NotSure => "not-sure",
            State::NotYet => "not-yet",
            State::DoesNotApply => "does-not-apply",
        }
    }
}

/// Where a fact comes from (see shared FACTS.md); every card also links the official site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    OfficialFaq,
    NominationFaq,
    BecomingMvp,
    CodeOfConduct,
    WidelyReported,
    FormerMvps,
    ProgramPost,
}

impl Source {
    /// The source's name as shown on the card.
    pub fn label(self) -> Key {
        match self {
            Source::OfficialFaq => Key::ExplainerSourceFaq,
            Source::NominationFaq => Key::ExplainerSourceNomination,
            Source::BecomingMvp => Key::ExplainerSourceBecoming,
            Source::CodeOfConduct => Key::ExplainerSourceConduct,
            Source::WidelyReported => Key::ExplainerSourceWidely,
            Source::FormerMvps => Key::ExplainerSourceFormer,
            Source::ProgramPost => Key::ExplainerSourcePost,
        }
    }
}

/// The part of the app (or the official site) a next step leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Checklist,
    Journal,
    Faq,
    Events,
    Official,
}

impl Destination {
    /// App path, or `None` for the official site.
    pub fn app_path(self) -> Option<&'static str> {
        match self {
            Destination::Checklist => Some("/checklist"),
            Destination::Journal => Some("/journal"),
            Destination::Faq => Some("/faq"),
            Destination::Events => Some("/events"),
            Destination::Official => None,
        }
    }
}

/// How one question's answer maps to a state: listed codes, else `other`.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub question: QuestionId,
    pub map: &'static [(&'static str, State)],
    pub other: State,
}

const fn yes_met(question: QuestionId) -> Rule {
    Rule {
        question,
        map: &[("yes", State::Met), ("no", State::NotYet)],
        other: State::NotSure,
    }
}

const fn no_met(question: QuestionId) -> Rule {
    Rule {
        question,
        map: &[("no", State::Met), ("yes", State::NotYet)],
        other: State::NotSure,
    }
}

const fn any_met(question: QuestionId) -> Rule {
    Rule {
        question,
        map: &[("none", State::NotYet), (NOT_SURE, State::NotSure)],
        other: State::Met,
    }
}

/// One row of the result: texts, source, next step and the rules that decide its state.
#[derive(Debug, Clone, Copy)]
pub struct Criterion {
    pub id: CriterionId,
    pub kind: Kind,
    pub title: Key,
    /// Why it matters.
    pub why: Key,
    pub met: Key,
    pub not_yet: Key,
    pub not_sure: Key,
    pub source: Source,
    /// One concrete next step and where it leads.
    pub next: Key,
    pub next_to: Destination,
    /// Each rule gives a state; the criterion takes the least favourable one.
    pub rules: &'static [Rule],
}

/// Every criterion, requirements first, in the order of the result page.
pub const CRITERIA: &[Criterion] = &[
    Criterion {
        id: CriterionId::Age,
        kind: Kind::Requirement,
        title: Key::ExplainerCAgeTitle,
        why: Key::ExplainerCAgeWhy,
        met: Key::ExplainerCAgeMet,
        not_yet: Key::ExplainerCAgeNotYet,
        not_sure: Key::ExplainerCAgeNotSure,
        source: Source::WidelyReported,
        next: Key::ExplainerCAgeNext,
        next_to: Destination::Faq,
        rules: &[yes_met(QuestionId::Age)],
    },
    Criterion {
        id: CriterionId::Employee,
        kind: Kind::Requirement,
        title: Key::ExplainerCEmployeeTitle,
        why: Key::ExplainerCEmployeeWhy,
        met: Key::ExplainerCEmployeeMet,
        not_yet: Key::ExplainerCEmployeeNotYet,
        not_sure: Key::ExplainerCEmployeeNotSure,
        source: Source::FormerMvps,
        next: Key::ExplainerCEmployeeNext,
        next_to: Destination::Faq,
        rules: &[no_met(QuestionId::Employee)],
    },
    Criterion {
        id: CriterionId::Conduct,
        kind: Kind::Requirement,
        title: Key::ExplainerCConductTitle,
        why: Key::ExplainerCConductWhy,
        met: Key::ExplainerCConductMet,
        not_yet: Key::ExplainerCConductNotYet,
        not_sure: Key::ExplainerCConductNotSure,
        source: Source::CodeOfConduct,
        next: Key::ExplainerCConductNext,
        next_to: Destination::Official,
        rules: &[yes_met(QuestionId::Conduct)],
    },
    Criterion {
        id: CriterionId::Activity,
        kind: Kind::Signal,
        title: Key::ExplainerCActivityTitle,
        why: Key::ExplainerCActivityWhy,
        met: Key::ExplainerCActivityMet,
        not_yet: Key::ExplainerCActivityNotYet,
        not_sure: Key::ExplainerCActivityNotSure,
        source: Source::OfficialFaq,
        next: Key::ExplainerCActivityNext,
        next_to: Destination::Journal,
        rules: &[yes_met(QuestionId::Active)],
    },
    Criterion {
        id: CriterionId::Consistency,
        kind: Kind::Signal,
        title: Key::ExplainerCConsistencyTitle,
        why: Key::ExplainerCConsistencyWhy,
        met: Key::ExplainerCConsistencyMet,
        not_yet: Key::ExplainerCConsistencyNotYet,
        not_sure: Key::ExplainerCConsistencyNotSure,
        source: Source::ProgramPost,
        next: Key::ExplainerCConsistencyNext,
        next_to: Destination::Journal,
        rules: &[Rule {
            question: QuestionId::Months,
            map: &[
                ("1-2", State::NotYet),
                ("3-5", State::NotYet),
                ("6-9", State::Met),
                ("10-12", State::Met),
            ],
            other: State::NotSure,
        }],
    },
    Criterion {
        id: CriterionId::Forms,
        kind: Kind::Signal,
        title: Key::ExplainerCFormsTitle,
        why: Key::ExplainerCFormsWhy,
        met: Key::ExplainerCFormsMet,
        not_yet: Key::ExplainerCFormsNotYet,
        not_sure: Key::ExplainerCFormsNotSure,
        source: Source::NominationFaq,
        next: Key::ExplainerCFormsNext,
        next_to: Destination::Faq,
        rules: &[any_met(QuestionId::Forms)],
    },
    Criterion {
        id: CriterionId::Reach,
        kind: Kind::Signal,
        title: Key::ExplainerCReachTitle,
        why: Key::ExplainerCReachWhy,
        met: Key::ExplainerCReachMet,
        not_yet: Key::ExplainerCReachNotYet,
        not_sure: Key::ExplainerCReachNotSure,
        source: Source::NominationFaq,
        next: Key::ExplainerCReachNext,
        next_to: Destination::Journal,
        rules: &[yes_met(QuestionId::Reach)],
    },
    Criterion {
        id: CriterionId::Area,
        kind: Kind::Signal,
        title: Key::ExplainerCAreaTitle,
        why: Key::ExplainerCAreaWhy,
        met: Key::ExplainerCAreaMet,
        not_yet: Key::ExplainerCAreaNotYet,
        not_sure: Key::ExplainerCAreaNotSure,
        source: Source::NominationFaq,
        next: Key::ExplainerCAreaNext,
        next_to: Destination::Official,
        rules: &[Rule {
            question: QuestionId::Area,
            map: &[("other", State::NotSure), (NOT_SURE, State::NotSure)],
            other: State::Met,
        }],
    },
    Criterion {
        id: CriterionId::Versions,
        kind: Kind::Signal,
        title: Key::ExplainerCVersionsTitle,
        why: Key::ExplainerCVersionsWhy,
        met: Key::ExplainerCVersionsMet,
        not_yet: Key::ExplainerCVersionsNotYet,
        not_sure: Key::ExplainerCVersionsNotSure,
        source: Source::BecomingMvp,
        next: Key::ExplainerCVersionsNext,
        next_to: Destination::Faq,
        rules: &[Rule {
            question: QuestionId::Versions,
            map: &[
                ("current", State::Met),
                ("mixed", State::Met),
                ("older", State::NotYet),
            ],
            other: State::NotSure,
        }],
    },
    Criterion {
        id: CriterionId::Leadership,
        kind: Kind::Signal,
        title: Key::ExplainerCLeadershipTitle,
        why: Key::ExplainerCLeadershipWhy,
        met: Key::ExplainerCLeadershipMet,
        not_yet: Key::ExplainerCLeadershipNotYet,
        not_sure: Key::ExplainerCLeadershipNotSure,
        source: Source::ProgramPost,
        next: Key::ExplainerCLeadershipNext,
        next_to: Destination::Checklist,
        rules: &[any_met(QuestionId::Community)],
    },
    Criterion {
        id: CriterionId::Recommendation,
        kind: Kind::Signal,
        title: Key::ExplainerCRecommendationTitle,
        why: Key::ExplainerCRecommendationWhy,
        met: Key::ExplainerCRecommendationMet,
        not_yet: Key::ExplainerCRecommendationNotYet,
        not_sure: Key::ExplainerCRecommendationNotSure,
        source: Source::NominationFaq,
        next: Key::ExplainerCRecommendationNext,
        next_to: Destination::Events,
        rules: &[yes_met(QuestionId::Recommender)],
    },
    Criterion {
        id: CriterionId::Preparation,
        kind: Kind::Signal,
        title: Key::ExplainerCPreparationTitle,
        why: Key::ExplainerCPreparationWhy,
        met: Key::ExplainerCPreparationMet,
        not_yet: Key::ExplainerCPreparationNotYet,
        not_sure: Key::ExplainerCPreparationNotSure,
        source: Source::ProgramPost,
        next: Key::ExplainerCPreparationNext,
        next_to: Destination::Checklist,
        rules: &[
            Rule {
                question: QuestionId::Examples,
                map: &[
                    ("yes", State::Met),
                    ("started", State::NotYet),
                    ("no", State::NotYet),
                ],
                other: State::NotSure,
            },
            yes_met(QuestionId::Feedback),
        ],
    },
];

impl CriterionId {
    /// The criterion's row in [`CRITERIA`].
    pub fn criterion(self) -> &'static Criterion {
        // Every id has exactly one row (checked by a test); the first row is a safe fallback.
        CRITERIA
            .iter()
            .find(|c| c.id == self)
            .unwrap_or(&CRITERIA[0])
    }
}

/// Where the person stands on one criterion, with the text that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub id: CriterionId,
    pub state: State,
    pub explanation: Key,
}

impl Finding {
    /// The criterion's data row.
    pub fn criterion(&self) -> &'static Criterion {
        self.id.criterion()
    }

    /// The label of the state; a requirement that is not met is "not possible right now".
    pub fn state_label(&self) -> Key {
        match (self.state, self.criterion().kind) {
            (State::Met, Kind::Requirement) => Key::ExplainerStateMetRequirement,
            (State::Met, Kind::Signal) => Key::ExplainerStateMet,
            (State::NotYet, Kind::Requirement) => Key::ExplainerStateNotPossible,
            (State::NotYet, Kind::Signal) => Key::ExplainerStateNotYet,
            (State::NotSure, _) => Key::ExplainerStateNotSure,
            (State::DoesNotApply, _) => Key::ExplainerStateDoesNotApply,
        }
    }
}

/// The overall picture, in plain words; never a promise of an award.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A hard requirement is not met.
    NotPossibleNow,
    /// A hard requirement is unknown: find that out first.
    CheckRequirements,
    /// Requirements are in place; counts of the signals.
    Signals {
        met: usize,
        not_yet: usize,
        not_sure: usize,
    },
}

/// The result: one finding per criterion and the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub findings: Vec<Finding>,
    pub outcome: Outcome,
}

impl Evaluation {
    /// The state of one criterion.
    pub fn state_of(&self, id: CriterionId) -> State {
        self.findings
            .iter()
            .find(|f| f.id == id)
            .map_or(State::NotSure, |f| f.state)
    }

    /// The findings of one kind, in result order.
    pub fn of_kind(&self, kind: Kind) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| f.criterion().kind == kind)
            .copied()
            .collect()
    }
}

fn rule_state(rule: &Rule, answers: &Answers) -> State {
    let Some(chosen) = answers.get(rule.question) else {
        return State::NotSure;
    };
    // With several answers (a multiple-choice question), the most favourable one counts.
    chosen
        .iter()
        .map(|code| {
            rule.map
                .iter()
                .find(|(c, _)| c == code)
                .map_or(rule.other, |(_, s)| *s)
        })
        .min()
        .unwrap_or(State::NotSure)
}

/// Applies every rule to the answers.
pub fn evaluate(answers: &Answers) -> Evaluation {
    let asked = path(answers);
    let requirement_failed = QUESTIONS
        .iter()
        .any(|q| q.ends_if.is_some_and(|code| answers.is(q.id, code)));
    let findings: Vec<Finding> = CRITERIA
        .iter()
        .map(|c| {
            let applicable: Vec<&Rule> = c
                .rules
                .iter()
                .filter(|r| asked.contains(&r.question))
                .collect();
            if applicable.is_empty() {
                let explanation = if requirement_failed {
                    Key::ExplainerNaRequirement
                } else {
                    Key::ExplainerNaNoActivity
                };
                return Finding {
                    id: c.id,
                    state: State::DoesNotApply,
                    explanation,
                };
            }
            // The least favourable rule decides: NotYet over NotSure over Met.
            let state = applicable
                .iter()
                .map(|r| rule_state(r, answers))
                .max()
                .unwrap_or(State::NotSure);
            let explanation = match state {
                State::Met => c.met,
                State::NotYet => c.not_yet,
                _ => c.not_sure,
            };
            Finding {
                id: c.id,
                state,
                explanation,
            }
        })
        .collect();
    let requirements: Vec<State> = findings
        .iter()
        .filter(|f| f.criterion().kind == Kind::Requirement)
        .map(|f| f.state)
        .collect();
    let outcome = if requirements.contains(&State::NotYet) {
        Outcome::NotPossibleNow
    } else if requirements.contains(&State::NotSure) {
        Outcome::CheckRequirements
    } else {
        let count = |s: State| {
            findings
                .iter()
                .filter(|f| f.criterion().kind == Kind::Signal && f.state == s)
                .count()
        };
        Outcome::Signals {
            met: count(State::Met),
            not_yet: count(State::NotYet),
            not_sure: count(State::NotSure),
        }
    };
    Evaluation { findings, outcome }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(pairs: &[(QuestionId, &[&str])]) -> Answers {
        let mut a = Answers::default();
        for (id, codes) in pairs {
            a.set(*id, codes.iter().copied()).expect("valid answer");
        }
        a
    }

    /// A contributor who answers every question favourably.
    fn strong() -> Answers {
        use QuestionId::*;
        answered(&[
            (Age, &["yes"]),
            (Employee, &["no"]),
            (Conduct, &["yes"]),
            (Active, &["yes"]),
            (Months, &["10-12"]),
            (Forms, &["writing", "speaking"]),
            (Reach, &["yes"]),
            (Area, &["azure"]),
            (Versions, &["current"]),
            (Community, &["lead", "language"]),
            (Recommender, &["yes"]),
            (Examples, &["yes"]),
            (Feedback, &["yes"]),
        ])
    }

    fn all_not_sure() -> Answers {
        let mut a = Answers::default();
        for q in QUESTIONS {
            a.set(q.id, [NOT_SURE]).expect("not sure is always allowed");
        }
        a
    }

    #[test]
    fn tables_are_consistent() {
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert_eq!(QuestionId::from_code(q.id.code()), Some(q.id));
            assert_eq!(q.id.question().id, q.id);
            assert!(q.choice(NOT_SURE).is_some(), "{:?} lacks Not sure", q.id);
            assert!(!q.informs.is_empty());
            for c in q.informs {
                assert!(
                    c.criterion().rules.iter().any(|r| r.question == q.id),
                    "{:?} informs {:?} but no rule reads it",
                    q.id,
                    c
                );
            }
            for (earlier, code) in q.skip_if {
                let pos = QUESTIONS.iter().position(|x| x.id == *earlier).unwrap();
                assert!(pos < i, "{:?} skips on a later question", q.id);
                assert!(earlier.question().choice(code).is_some());
            }
            if let Some(code) = q.ends_if {
                assert!(q.choice(code).is_some());
            }
            let mut codes: Vec<_> = q.choices.iter().map(|c| c.code).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), q.choices.len(), "duplicate code in {:?}", q.id);
        }
        for c in CRITERIA {
            assert_eq!(c.id.criterion().id, c.id);
            for r in c.rules {
                for (code, _) in r.map {
                    assert!(r.question.question().choice(code).is_some(), "{code}");
                }
                assert!(r.question.question().informs.contains(&c.id));
            }
        }
        assert_eq!(QuestionId::from_code("nope"), None);
    }

    #[test]
    fn answers_are_validated() {
        let mut a = Answers::default();
        assert_eq!(
            a.set(QuestionId::Age, Vec::<&str>::new()),
            Err(AnswerError::Empty)
        );
        assert_eq!(a.set(QuestionId::Age, ["maybe"]), Err(AnswerError::Unknown));
        assert_eq!(
            a.set(QuestionId::Age, ["yes", "no"]),
            Err(AnswerError::TooMany)
        );
        assert_eq!(
            a.set(QuestionId::Forms, ["writing", NOT_SURE]),
            Err(AnswerError::ExclusiveMixed)
        );
        assert_eq!(
            a.set(QuestionId::Community, ["none", "lead"]),
            Err(AnswerError::ExclusiveMixed)
        );
        assert!(a.is_empty(), "a refused answer changes nothing");
        a.set(QuestionId::Forms, ["writing", "mentoring"]).unwrap();
        assert_eq!(a.get(QuestionId::Forms).map(|s| s.len()), Some(2));
        a.set(QuestionId::Forms, ["speaking"]).unwrap();
        assert!(a.is(QuestionId::Forms, "speaking") && !a.is(QuestionId::Forms, "writing"));
    }

    #[test]
    fn error_messages_fit_the_question() {
        let single = QuestionId::Age.question();
        let multi = QuestionId::Forms.question();
        assert_eq!(
            AnswerError::Empty.message(single),
            Key::ExplainerErrorChooseOne
        );
        assert_eq!(
            AnswerError::Empty.message(multi),
            Key::ExplainerErrorChooseSome
        );
        assert_eq!(
            AnswerError::ExclusiveMixed.message(multi),
            Key::ExplainerErrorExclusive
        );
    }

    #[test]
    fn contributor_who_meets_the_signals() {
        let a = strong();
        assert!(is_complete(&a));
        assert_eq!(path(&a).len(), QUESTIONS.len());
        let e = evaluate(&a);
        for f in &e.findings {
            assert_eq!(f.state, State::Met, "{:?}", f.id);
            assert_eq!(f.explanation, f.criterion().met);
        }
        assert_eq!(
            e.outcome,
            Outcome::Signals {
                met: 9,
                not_yet: 0,
                not_sure: 0
            }
        );
        assert_eq!(
            e.findings[0].state_label(),
            Key::ExplainerStateMetRequirement
        );
        assert_eq!(e.findings[4].state_label(), Key::ExplainerStateMet);
    }

    #[test]
    fn microsoft_employee_is_not_possible_right_now_and_skips_the_rest() {
        use QuestionId::*;
        let a = answered(&[(Age, &["yes"]), (Employee, &["yes"])]);
        assert_eq!(path(&a), vec![Age, Employee]);
        assert_eq!(next_step(&a, Employee), Step::Check);
        assert!(is_complete(&a));
        let e = evaluate(&a);
        assert_eq!(e.outcome, Outcome::NotPossibleNow);
        assert_eq!(e.state_of(CriterionId::Age), State::Met);
        let emp = e.findings[1];
        assert_eq!(emp.state, State::NotYet);
        assert_eq!(emp.state_label(), Key::ExplainerStateNotPossible);
        assert_eq!(emp.explanation, Key::ExplainerCEmployeeNotYet);
        for f in &e.findings[2..] {
            assert_eq!(f.state, State::DoesNotApply, "{:?}", f.id);
            assert_eq!(f.explanation, Key::ExplainerNaRequirement);
        }
    }

    #[test]
    fn under_18_and_conduct_refusal_end_the_questions() {
        use QuestionId::*;
        let young = answered(&[(Age, &["no"])]);
        assert_eq!(path(&young), vec![Age]);
        assert_eq!(evaluate(&young).outcome, Outcome::NotPossibleNow);
        assert_eq!(evaluate(&young).state_of(CriterionId::Age), State::NotYet);
        let conduct = answered(&[(Age, &["yes"]), (Employee, &["no"]), (Conduct, &["no"])]);
        assert_eq!(path(&conduct).len(), 3);
        let e = evaluate(&conduct);
        assert_eq!(e.state_of(CriterionId::Conduct), State::NotYet);
        assert_eq!(e.state_of(CriterionId::Activity), State::DoesNotApply);
    }

    #[test]
    fn not_sure_to_everything() {
        let a = all_not_sure();
        assert!(is_complete(&a));
        let e = evaluate(&a);
        for f in &e.findings {
            assert_eq!(f.state, State::NotSure, "{:?}", f.id);
            assert_eq!(f.explanation, f.criterion().not_sure);
            assert_eq!(f.state_label(), Key::ExplainerStateNotSure);
        }
        assert_eq!(e.outcome, Outcome::CheckRequirements);
    }

    #[test]
    fn no_recent_activity_skips_the_activity_details() {
        use QuestionId::*;
        let mut a = strong();
        a.set(Active, ["no"]).unwrap();
        let p = path(&a);
        assert!(!p.contains(&Months) && !p.contains(&Forms) && !p.contains(&Reach));
        assert_eq!(next_step(&a, Active), Step::Question(Area));
        assert_eq!(previous(&a, Area), Some(Active));
        let e = evaluate(&a);
        assert_eq!(e.state_of(CriterionId::Activity), State::NotYet);
        for id in [
            CriterionId::Consistency,
            CriterionId::Forms,
            CriterionId::Reach,
        ] {
            let f = e.findings.iter().find(|f| f.id == id).unwrap();
            assert_eq!(f.state, State::DoesNotApply);
            assert_eq!(f.explanation, Key::ExplainerNaNoActivity);
        }
        assert_eq!(
            e.outcome,
            Outcome::Signals {
                met: 5,
                not_yet: 1,
                not_sure: 0
            }
        );
    }

    #[test]
    fn each_signal_rule_maps_answers_to_states() {
        use QuestionId::*;
        let cases: &[(QuestionId, &[&str], CriterionId, State)] = &[
            (Active, &["no"], CriterionId::Activity, State::NotYet),
            (Months, &["1-2"], CriterionId::Consistency, State::NotYet),
            (Months, &["3-5"], CriterionId::Consistency, State::NotYet),
            (Months, &["6-9"], CriterionId::Consistency, State::Met),
            (
                Months,
                &[NOT_SURE],
                CriterionId::Consistency,
                State::NotSure,
            ),
            (Forms, &["none"], CriterionId::Forms, State::NotYet),
            (Forms, &[NOT_SURE], CriterionId::Forms, State::NotSure),
            (Forms, &["translation"], CriterionId::Forms, State::Met),
            (Reach, &["no"], CriterionId::Reach, State::NotYet),
            (Area, &["other"], CriterionId::Area, State::NotSure),
            (Area, &["security"], CriterionId::Area, State::Met),
            (Versions, &["older"], CriterionId::Versions, State::NotYet),
            (Versions, &["mixed"], CriterionId::Versions, State::Met),
            (Community, &["none"], CriterionId::Leadership, State::NotYet),
            (
                Community,
                &["inclusive"],
                CriterionId::Leadership,
                State::Met,
            ),
            (
                Recommender,
                &["no"],
                CriterionId::Recommendation,
                State::NotYet,
            ),
            (
                Recommender,
                &[NOT_SURE],
                CriterionId::Recommendation,
                State::NotSure,
            ),
            (
                Examples,
                &["started"],
                CriterionId::Preparation,
                State::NotYet,
            ),
            (Feedback, &["no"], CriterionId::Preparation, State::NotYet),
            (
                Feedback,
                &[NOT_SURE],
                CriterionId::Preparation,
                State::NotSure,
            ),
            (Employee, &[NOT_SURE], CriterionId::Employee, State::NotSure),
            (Age, &[NOT_SURE], CriterionId::Age, State::NotSure),
            (Conduct, &[NOT_SURE], CriterionId::Conduct, State::NotSure),
        ];
        for (q, codes, c, expected) in cases {
            let mut a = strong();
            a.set(*q, codes.iter().copied()).unwrap();
            let f = *evaluate(&a).findings.iter().find(|f| f.id == *c).unwrap();
            assert_eq!(f.state, *expected, "{q:?} = {codes:?}");
            let want = match expected {
                State::Met => c.criterion().met,
                State::NotYet => c.criterion().not_yet,
                _ => c.criterion().not_sure,
            };
            assert_eq!(f.explanation, want);
        }
    }

    #[test]
    fn the_least_favourable_rule_decides_a_shared_criterion() {
        use QuestionId::*;
        let mut a = strong();
        a.set(Examples, [NOT_SURE]).unwrap();
        a.set(Feedback, ["no"]).unwrap();
        assert_eq!(
            evaluate(&a).state_of(CriterionId::Preparation),
            State::NotYet
        );
        a.set(Feedback, ["yes"]).unwrap();
        assert_eq!(
            evaluate(&a).state_of(CriterionId::Preparation),
            State::NotSure
        );
    }

    #[test]
    fn unanswered_questions_count_as_not_sure_and_block_completion() {
        let a = answered(&[(QuestionId::Age, &["yes"])]);
        assert!(!is_complete(&a));
        assert_eq!(resume(&a), Step::Question(QuestionId::Employee));
        assert_eq!(resume(&Answers::default()), Step::Question(QuestionId::Age));
        assert_eq!(evaluate(&a).state_of(CriterionId::Employee), State::NotSure);
        assert_eq!(evaluate(&a).outcome, Outcome::CheckRequirements);
    }

    #[test]
    fn signal_counts_summarise_a_mixed_picture() {
        use QuestionId::*;
        let mut a = strong();
        a.set(Reach, ["no"]).unwrap();
        a.set(Recommender, [NOT_SURE]).unwrap();
        assert_eq!(
            evaluate(&a).outcome,
            Outcome::Signals {
                met: 7,
                not_yet: 1,
                not_sure: 1
            }
        );
    }

    #[test]
    fn flow_moves_forward_and_back_along_the_path() {
        use QuestionId::*;
        let a = Answers::default();
        assert_eq!(previous(&a, Age), None);
        assert_eq!(previous(&a, Employee), Some(Age));
        assert_eq!(next_step(&a, Age), Step::Question(Employee));
        assert_eq!(next_step(&strong(), Feedback), Step::Check);
        assert_eq!(Step::Question(Months).path(), "/explainer/q/months");
        assert_eq!(Step::Check.path(), "/explainer/check");
        let no_activity = answered(&[(Active, &["no"])]);
        assert!(!is_on_path(&no_activity, Months));
        assert_eq!(previous(&no_activity, Months), None);
    }

    #[test]
    fn total_is_shown_only_when_reliable() {
        use QuestionId::*;
        let empty = Answers::default();
        assert_eq!(progress(&empty, Age), Some((1, None)));
        assert_eq!(progress(&empty, Area), Some((8, None)));
        let mut a = answered(&[
            (Age, &["yes"]),
            (Employee, &["no"]),
            (Conduct, &["yes"]),
            (Active, &["yes"]),
        ]);
        assert_eq!(
            progress(&a, Active),
            Some((4, None)),
            "its answer can change the total"
        );
        assert_eq!(progress(&a, Months), Some((5, Some(13))));
        a.set(Active, ["no"]).unwrap();
        assert_eq!(progress(&a, Area), Some((5, Some(10))));
        assert_eq!(
            progress(&a, Months),
            None,
            "skipped question has no position"
        );
        a.set(Active, [NOT_SURE]).unwrap();
        assert_eq!(progress(&a, Feedback), Some((13, Some(13))));
    }

    #[test]
    fn journal_summary_fills_the_activity_questions() {
        let mut summary = ActivitySummary {
            contributions_last_12: 14,
            active_months_last_12: 7,
            forms: [ContributionForm::Writing, ContributionForm::Mentoring]
                .into_iter()
                .collect(),
            reach_recorded: true,
        };
        let mut a = Answers::default();
        assert_eq!(a.prefill_from_journal(&summary), 4);
        assert!(a.is(QuestionId::Active, "yes"));
        assert!(a.is(QuestionId::Months, "6-9"));
        assert!(a.is(QuestionId::Forms, "writing") && a.is(QuestionId::Forms, "mentoring"));
        assert!(a.is(QuestionId::Reach, "yes"));
        let e = evaluate(&a);
        assert_eq!(e.state_of(CriterionId::Consistency), State::Met);
        assert_eq!(e.state_of(CriterionId::Forms), State::Met);

        for (months, band) in [
            (1, "1-2"),
            (2, "1-2"),
            (3, "3-5"),
            (5, "3-5"),
            (9, "6-9"),
            (12, "10-12"),
            (13, "10-12"),
        ] {
            summary.active_months_last_12 = months;
            let filled = activity_answers(&summary);
            assert!(
                filled.contains(&(QuestionId::Months, vec![band])),
                "{months}"
            );
        }
        summary.forms.clear();
        summary.reach_recorded = false;
        let filled = activity_answers(&summary);
        assert!(filled.iter().all(|(id, _)| *id != QuestionId::Forms));
        assert!(filled.contains(&(QuestionId::Reach, vec!["no"])));

        let empty = ActivitySummary::default();
        let mut b = strong();
        assert_eq!(b.prefill_from_journal(&empty), 0);
        assert_eq!(b, strong(), "an empty journal changes nothing");
    }

    #[test]
    fn every_journal_form_is_an_answer_of_the_forms_question() {
        for form in ContributionForm::ALL {
            assert!(QuestionId::Forms
                .question()
                .choice(form_code(form))
                .is_some());
        }
    }

    #[test]
    fn next_steps_lead_to_parts_of_the_app_or_the_official_site() {
        assert_eq!(Destination::Checklist.app_path(), Some("/checklist"));
        assert_eq!(Destination::Journal.app_path(), Some("/journal"));
        assert_eq!(Destination::Faq.app_path(), Some("/faq"));
        assert_eq!(Destination::Events.app_path(), Some("/events"));
        assert_eq!(Destination::Official.app_path(), None);
        assert_eq!(
            CriterionId::Age.criterion().source.label(),
            Key::ExplainerSourceWidely
        );
    }
}
