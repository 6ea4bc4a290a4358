//! Home page: the program's message and the ways into the app.

use crate::i18n::Key;
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

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
                <li>
                    <A href=web::app_href("/about") attr:class="entry-point">
                        <span class="entry-point__title">{t(Key::HomeAboutLink)}</span>
                        <span class="entry-point__body">{t(Key::HomeAboutBody)}</span>
                    </A>
                </li>
                <li>
                    <A href=web::app_href("/checklist") attr:class="entry-point">
                        <span class="entry-point__title">{t(Key::HomeChecklistLink)}</span>
                        <span class="entry-point__body">{t(Key::HomeChecklistBody)}</span>
                    </A>
                </li>
                <li>
                    <A href=web::app_href("/story") attr:class="entry-point">
                        <span class="entry-point__title">{t(Key::HomeStoryLink)}</span>
                        <span class="entry-point__body">{t(Key::HomeStoryBody)}</span>
                    </A>
                </li>
            </ul>
        </section>
    }
}
