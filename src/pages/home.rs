//! Home page: the program's message and the ways into the app.

use crate::components::meta::Title;
use crate::i18n::Key;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;

/// The ways into the app, in the order a newcomer would take them.
const ENTRY_POINTS: [(&str, Key, Key); 7] = [
    ("/explainer", Key::HomeExplainerLink, Key::HomeExplainerBody),
    ("/checklist", Key::HomeChecklistLink, Key::HomeChecklistBody),
    ("/journal", Key::HomeJournalLink, Key::HomeJournalBody),
    ("/story", Key::HomeStoryLink, Key::HomeStoryBody),
    ("/faq", Key::HomeFaqLink, Key::HomeFaqBody),
    ("/events", Key::HomeEventsLink, Key::HomeEventsBody),
    ("/about", Key::HomeAboutLink, Key::HomeAboutBody),
];

/// The landing page.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let messages = [
        (Key::HomeImpactTitle, Key::HomeImpactBody),
        (Key::HomeSustainedTitle, Key::HomeSustainedBody),
        (Key::HomeLocalTitle, Key::HomeLocalBody),
        (Key::HomeJourneyTitle, Key::HomeJourneyBody),
    ];
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{t(Key::HomeTitle)}</h1>
            <p class="lead">{t(Key::HomeLead)}</p>
        </section>
        <section aria-labelledby="message-heading">
            <h2 id="message-heading">{t(Key::HomeMessageHeading)}</h2>
            <ul class="cards" role="list">
                {messages
                    .into_iter()
                    .map(|(title, body)| {
                        view! {
                            <li class="card">
                                <h3>{t(title)}</h3>
                                <p>{t(body)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="callout">{t(Key::HomeNoPromise)}</p>
        </section>
        <section aria-labelledby="start-heading">
            <h2 id="start-heading">{t(Key::HomeStartHeading)}</h2>
            <ul class="entry-points" role="list">
                {ENTRY_POINTS
                    .into_iter()
                    .map(|(path, title, body)| {
                        view! {
                            <li>
                                <A href=web::app_href(path) attr:class="entry-point">
                                    <span class="entry-point__title">{t(title)}</span>
                                    <span class="entry-point__body">{t(body)}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
