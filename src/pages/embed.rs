//! `/embed`: the snippet generator for site owners, with a live preview of the real widget.

use crate::components::meta::Title;
use crate::domain::embed::{snippet, EmbedOptions, Rgb, Widget};
use crate::domain::settings::Theme;
use crate::i18n::{fill, Key, Lang};
use crate::state::use_i18n;
use crate::web;
use leptos::prelude::*;

fn widget_name(widget: Widget) -> Key {
    match widget {
        Widget::Explainer => Key::EmbedWidgetExplainer,
        Widget::Checklist => Key::EmbedWidgetChecklist,
        Widget::Faq => Key::EmbedWidgetFaq,
    }
}

/// Options form, live preview and the snippet to copy.
#[component]
pub fn EmbedGenerator() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: Key| move || i18n.t(key);
    let widget = RwSignal::new(Widget::Faq);
    let lang = RwSignal::new(None::<Lang>);
    let theme = RwSignal::new(Theme::Auto);
    let accent_text = RwSignal::new(String::new());
    let compact = RwSignal::new(false);
    let copy_status = RwSignal::new(None::<Key>);

    let accent = Memo::new(move |_| accent_text.with(|text| Rgb::parse_hex(text)));
    let accent_invalid =
        move || accent_text.with(|text| !text.trim().is_empty()) && accent.get().is_none();
    let options = Memo::new(move |_| EmbedOptions {
        lang: lang.get(),
        theme: theme.get(),
        accent: accent.get(),
        compact: compact.get(),
    });
    let title = move || {
        fill(
            i18n.t(Key::EmbedIframeTitle),
            &[("widget", i18n.t(widget_name(widget.get())))],
        )
    };
    let code = Memo::new(move |_| snippet(&web::app_url(), widget.get(), &options.get(), &title()));
    let preview_src = move || {
        let query = options.get().to_query();
        let path = format!(
            "/embed/{}{}{}",
            widget.get().slug(),
            if query.is_empty() { "" } else { "?" },
            query
        );
        web::app_href(&path)
    };
    // The preview is a second copy of the app (its own Wasm, text and first render). On a
    // phone it sits below the options, so it loads when it comes near the screen instead of
    // competing with this page's own first render; beside the options it loads at once.
    let preview = NodeRef::<leptos::html::Iframe>::new();
    let preview_near = RwSignal::new(false);
    let preview_watch = StoredValue::new_local(None::<web::NearViewport>);
    Effect::new(move |_| {
        if let Some(frame) = preview.get() {
            let watch = web::when_near_viewport(&frame, "200px", move || preview_near.set(true));
            preview_watch.set_value(watch);
        }
    });
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = web::copy_text(&text).await.is_ok();
            copy_status.set(Some(if ok {
                Key::EmbedCopied
            } else {
                Key::EmbedCopyFailed
            }));
        });
    };
    // A stale "copied" message would be wrong once the snippet changes.
    Effect::watch(
        move || code.get(),
        move |_, _, _| copy_status.set(None),
        false,
    );

    view! {
        <Title text=t(Key::EmbedTitle)/>
        <h1>{t(Key::EmbedTitle)}</h1>
        <p class="lead">{t(Key::EmbedIntro)}</p>
        <div class="embed-generator">
            <section class="embed-generator__options" aria-labelledby="embed-options-heading">
                <h2 id="embed-options-heading">{t(Key::EmbedOptionsHeading)}</h2>
                <fieldset class="field">
                    <legend>{t(Key::EmbedWidgetLabel)}</legend>
                    {Widget::ALL
                        .into_iter()
                        .map(|w| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="embed-widget"
                                        value=w.slug()
                                        prop:checked=move || widget.get() == w
                                        on:change=move |_| widget.set(w)
                                    />
                                    {t(widget_name(w))}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="field">
                    <label for="embed-lang">{t(Key::EmbedLangLabel)}</label>
                    <select
                        id="embed-lang"
                        on:change=move |ev| lang.set(Lang::from_code(&event_target_value(&ev)))
                    >
                        <option value="">{t(Key::EmbedLangVisitor)}</option>
                        {Lang::ALL
                            .iter()
                            .map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="embed-theme">{t(Key::EmbedThemeLabel)}</label>
                    <select
                        id="embed-theme"
                        on:change=move |ev| theme.set(Theme::from_code(&event_target_value(&ev)).unwrap_or_default())
                    >
                        <option value="auto">{t(Key::ThemeAuto)}</option>
                        <option value="light">{t(Key::ThemeLight)}</option>
                        <option value="dark">{t(Key::ThemeDark)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="embed-accent">{t(Key::EmbedAccentLabel)}</label>
                    <p class="hint" id="embed-accent-hint">{t(Key::EmbedAccentHint)}</p>
                    <Show when=accent_invalid>
                        <p class="field-error" id="embed-accent-error">{t(Key::EmbedAccentInvalid)}</p>
                    </Show>
                    <div class="accent-input">
                        <input
                            id="embed-accent"
                            type="text"
                            inputmode="text"
                            autocomplete="off"
                            spellcheck="false"
                            placeholder="#0b5cad"
                            aria-describedby=move || {
                                if accent_invalid() { "embed-accent-hint embed-accent-error" } else { "embed-accent-hint" }
                            }
                            aria-invalid=move || accent_invalid().then_some("true")
                            prop:value=move || accent_text.get()
                            on:input=move |ev| accent_text.set(event_target_value(&ev))
                        />
                        <span
                            class="swatch"
                            aria-hidden="true"
                            style:background-color=move || accent.get().map(Rgb::to_hex).unwrap_or_else(|| "transparent".into())
                        ></span>
                    </div>
                </div>
                <div class="field">
                    <label class="choice">
                        <input
                            type="checkbox"
                            prop:checked=move || compact.get()
                            on:change=move |ev| compact.set(event_target_checked(&ev))
                        />
                        {t(Key::EmbedCompactLabel)}
                    </label>
                </div>
            </section>
            <section class="embed-generator__preview" aria-labelledby="embed-preview-heading">
                <h2 id="embed-preview-heading">{t(Key::EmbedPreviewHeading)}</h2>
                <iframe
                    class="embed-preview"
                    node_ref=preview
                    src=move || preview_near.get().then(preview_src)
                    title=title
                ></iframe>
            </section>
        </div>
        <section aria-labelledby="embed-snippet-heading">
            <h2 id="embed-snippet-heading">{t(Key::EmbedSnippetHeading)}</h2>
            <label for="embed-snippet">{t(Key::EmbedSnippetLabel)}</label>
            <textarea id="embed-snippet" class="snippet" readonly rows="4" prop:value=move || code.get()></textarea>
            <p>
                <button type="button" class="button" on:click=copy>{t(Key::EmbedCopy)}</button>
            </p>
            <p role="status" class="status">{move || copy_status.get().map(|k| i18n.t(k))}</p>
            <h3>{t(Key::EmbedNoscriptHeading)}</h3>
            <p>{t(Key::EmbedNoscriptBody)}</p>
            <h3>{t(Key::EmbedPrivacyHeading)}</h3>
            <p>{t(Key::EmbedPrivacyBody)}</p>
        </section>
    }
}
