//! About page: unofficial status, privacy, sources, and how to report a translation mistake.

use crate::components::meta::Title;
use crate::components::shell::OFFICIAL_SITE;
use crate::i18n::Key;
use crate::state::use_i18n;
use leptos::prelude::*;

/// What the app is, what it does with data, where its facts come from, and how to report
/// a translation mistake.
#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let sources = [
        Key::AboutSourceFaq,
        Key::AboutSourceConduct,
        Key::AboutSourceBlog,
        Key::AboutSourcePost,
        Key::AboutSourceThird,
    ];
    view! {
        <Title text=t(Key::AboutTitle)/>
        <h1>{t(Key::AboutTitle)}</h1>
        <section aria-labelledby="unofficial-heading">
            <h2 id="unofficial-heading">{t(Key::AboutUnofficialHeading)}</h2>
            <p>{t(Key::AboutUnofficialBody)}</p>
            <p><a href=OFFICIAL_SITE rel="noopener">{t(Key::AboutOfficialLink)}</a></p>
        </section>
        <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{t(Key::AboutPrivacyHeading)}</h2>
            <p>{t(Key::AboutPrivacyBody)}</p>
            <p>{t(Key::AboutPrivacyClear)}</p>
        </section>
        <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t(Key::AboutSourcesHeading)}</h2>
            <p>{t(Key::AboutSourcesIntro)}</p>
            <ul>{sources.into_iter().map(|k| view! { <li>{t(k)}</li> }).collect_view()}</ul>
            <p class="reviewed">{t(Key::AboutReviewed)}</p>
        </section>
        <section aria-labelledby="report-heading">
            <h2 id="report-heading">{t(Key::AboutReportHeading)}</h2>
            <p>{t(Key::AboutReportBody)}</p>
        </section>
    }
}
