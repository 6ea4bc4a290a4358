//! Settings and your data (`/settings`): language and theme, storage used, persistent
//! storage, export everything, import, backups, delete everything.

use crate::components::backup::{
    download_everything, provide_backup_state_from_storage, BackupFacts, BackupReminder,
};
use crate::components::meta::Title;
use crate::components::shell::{LanguageSwitch, ThemeSwitch};
use crate::i18n::{fill, Key};
use crate::intl;
use crate::state::{use_i18n, use_settings, use_storage, AppStorage, I18n};
use crate::storage::{
    apply_import, parse_import, used_kb, ImportError, ImportPlan, BACKUP_PREFIX, IMPORT_MAX_BYTES,
    PREFIX,
};
use crate::web;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `navigator.storage`, where the browser has it (secure contexts only).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| navigator.storage())
}

/// Reloads the app at `path`, so that every part starts again from what is saved.
fn reload_at(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(&web::app_href(path));
    }
}

/// The name of a saved document in the user's words, where this part of the app knows it.
fn document_name(key: &str) -> Option<Key> {
    match key {
        "settings" => Some(Key::SettingsDocSettings),
        "checklist" => Some(Key::SettingsDocChecklist),
        "story" => Some(Key::SettingsDocStory),
        "journal" => Some(Key::SettingsDocJournal),
        "explainer" => Some(Key::SettingsDocExplainer),
        _ => None,
    }
}

fn shown_name(i18n: I18n, key: &str) -> String {
    document_name(key).map_or_else(|| key.to_string(), |k| i18n.t(k).to_string())
}

/// Whether the browser keeps this site's data through clean-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Persistence {
    Checking,
    On,
    Off,
    Unsupported,
}

/// Why an import did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ImportProblem {
    File(ImportError),
    Read,
    Write,
}

fn import_message(i18n: I18n, problem: &ImportProblem) -> String {
    let key = match problem {
        ImportProblem::File(ImportError::TooLarge) => Key::SettingsImportErrorSize,
        ImportProblem::File(ImportError::NotJson) => Key::SettingsImportErrorJson,
        ImportProblem::File(ImportError::WrongApp) => Key::SettingsImportErrorApp,
        ImportProblem::File(ImportError::NewerFormat(_)) => Key::SettingsImportErrorFormat,
        ImportProblem::File(ImportError::Malformed(_)) => Key::SettingsImportErrorMalformed,
        ImportProblem::File(ImportError::NewerDocument(doc) | ImportError::BadDocument(doc)) => {
            return fill(
                i18n.t(Key::SettingsImportErrorDocument),
                &[("key", &shown_name(i18n, doc))],
            );
        }
        ImportProblem::File(ImportError::NothingToImport) => Key::SettingsImportErrorEmpty,
        ImportProblem::Read => Key::SettingsImportErrorRead,
        ImportProblem::Write => Key::SettingsImportFailed,
    };
    i18n.t(key).to_string()
}

/// The settings and data page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    provide_backup_state_from_storage(use_storage());
    let t = move |key: Key| move || i18n.t(key);
    let query = use_query_map();
    let arrival = move || {
        query.with(|q| {
            if let Some(n) = q.get("imported") {
                let n: u64 = n.parse().unwrap_or(0);
                Some(intl::count(
                    i18n.lang.get(),
                    Key::SettingsImportDone,
                    "count",
                    n,
                ))
            } else {
                q.get("cleared")
                    .map(|_| i18n.t(Key::SettingsDeleteDone).to_string())
            }
        })
    };
    view! {
        <Title text=t(Key::SettingsTitle)/>
        <h1>{t(Key::SettingsTitle)}</h1>
        <p class="lead">{t(Key::SettingsLead)}</p>
        <div role="status" class="settings-arrival">
            {move || arrival().map(|text| view! { <p class="notice notice--info">{text}</p> })}
        </div>
        <section class="settings-section" aria-labelledby="settings-prefs-heading">
            <h2 id="settings-prefs-heading">{t(Key::SettingsPrefsHeading)}</h2>
            <div class="settings-prefs">
                <LanguageSwitch id="settings-language"/>
                <ThemeSwitch id="settings-theme"/>
            </div>
        </section>
        <StorageSection/>
        <ExportSection/>
        <ImportSection/>
        <BackupsSection/>
        <DeleteSection/>
    }
}

/// Storage used, and the request for persistent storage.
#[component]
fn StorageSection() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let settings = use_settings();
    let t = move |key: Key| move || i18n.t(key);
    let used = move || {
        // Settings are saved from this page, so the figure follows them.
        settings.track();
        intl::number(
            i18n.lang.get(),
            used_kb(storage.with_store(|s| s.used_chars())) as u64,
        )
    };
    let persistence = RwSignal::new(Persistence::Checking);
    let answer = RwSignal::new(None::<bool>);
    match storage_manager().and_then(|m| m.persisted().ok()) {
        Some(promise) => web::when_settled(promise, move |r| {
            persistence.try_set(match r {
                Ok(v) if v.as_bool() == Some(true) => Persistence::On,
                Ok(_) => Persistence::Off,
                Err(_) => Persistence::Unsupported,
            });
        }),
        None => persistence.set(Persistence::Unsupported),
    }
    let ask = move |_| {
        if let Some(promise) = storage_manager().and_then(|m| m.persist().ok()) {
            web::when_settled(promise, move |r| {
                let granted = matches!(r, Ok(v) if v.as_bool() == Some(true));
                answer.try_set(Some(granted));
                if granted {
                    persistence.try_set(Persistence::On);
                }
            });
        }
    };
    view! {
        <section class="settings-section" aria-labelledby="settings-storage-heading">
            <h2 id="settings-storage-heading">{t(Key::SettingsStorageHeading)}</h2>
            <p data-testid="storage-used">
                {move || fill(i18n.t(Key::SettingsStorageUsed), &[("used", &used())])}
            </p>
            <Show when=move || storage.memory_only.with(Option::is_some)>
                <p>{t(Key::SettingsStorageMemory)}</p>
            </Show>
            <h3>{t(Key::SettingsPersistHeading)}</h3>
            <p>{t(Key::SettingsPersistExplain)}</p>
            <p data-testid="persist-state">
                {move || {
                    i18n.t(
                        match persistence.get() {
                            Persistence::Checking => Key::SettingsPersistChecking,
                            Persistence::On => Key::SettingsPersistOn,
                            Persistence::Off => Key::SettingsPersistOff,
                            Persistence::Unsupported => Key::SettingsPersistUnsupported,
                        },
                    )
                }}
            </p>
            <Show when=move || persistence.get() == Persistence::Off>
                <button type="button" class="button" on:click=ask>
                    {t(Key::SettingsPersistButton)}
                </button>
            </Show>
            <p role="status" data-testid="persist-answer">
                {move || {
                    answer
                        .get()
                        .map(|granted| {
                            i18n.t(
                                if granted {
                                    Key::SettingsPersistGranted
                                } else {
                                    Key::SettingsPersistRefused
                                },
                            )
                        })
                }}
            </p>
        </section>
    }
}

lazy_fn! {
    /// Reads an import file, from its own chunk (serde_json and every document's format).
    fn read_import(text: String) -> Result<ImportPlan, ImportError> {
        parse_import(&text)
    }
}

lazy_fn! {
    /// Writes an import plan, from its own chunk (the journal's chunked storage); the number
    /// of documents written, or `None` when nothing was (storage refused it).
    fn write_import(storage: AppStorage, plan: ImportPlan) -> Option<usize> {
        storage.with_store(|s| apply_import(s, &plan)).ok()
    }
}

/// "Download all my data".
#[component]
fn ExportSection() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let t = move |key: Key| move || i18n.t(key);
    // Some(file name) after a download, Some("") after a failure.
    let result = RwSignal::new(None::<Result<String, ()>>);
    let backup = crate::components::backup::use_backup();
    let export = move |_| {
        leptos::task::spawn_local(async move {
            let outcome = download_everything(storage).await.ok_or(());
            if let Ok((_, journal)) = outcome {
                backup.record_fingerprint(storage, journal);
            }
            result.try_set(Some(outcome.map(|(file, _)| file)));
        });
    };
    view! {
        <section class="settings-section" aria-labelledby="settings-export-heading">
            <h2 id="settings-export-heading">{t(Key::SettingsExportHeading)}</h2>
            <p>{t(Key::SettingsExportExplain)}</p>
            <BackupFacts/>
            <BackupReminder/>
            <button type="button" class="button" on:click=export>
                {t(Key::SettingsExportButton)}
            </button>
            <p role="status" data-testid="export-status">
                {move || {
                    result
                        .get()
                        .map(|r| match r {
                            Ok(file) => fill(i18n.t(Key::SettingsExportDone), &[("file", &file)]),
                            Err(()) => i18n.t(Key::SettingsExportFailed).to_string(),
                        })
                }}
            </p>
        </section>
    }
}

/// Import a file: pick, preview, confirm.
#[component]
fn ImportSection() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let t = move |key: Key| move || i18n.t(key);
    let problem = RwSignal::new(None::<ImportProblem>);
    let plan = RwSignal::new(None::<ImportPlan>);
    let input_ref = NodeRef::<html::Input>::new();
    let chosen = move |ev: leptos::ev::Event| {
        plan.set(None);
        problem.set(None);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        if file.size() > IMPORT_MAX_BYTES as f64 {
            problem.set(Some(ImportProblem::File(ImportError::TooLarge)));
            return;
        }
        web::when_settled(file.text(), move |r| {
            let Some(text) = r.ok().and_then(|v| v.as_string()) else {
                problem.try_set(Some(ImportProblem::Read));
                return;
            };
            leptos::task::spawn_local(async move {
                match read_import(text).await {
                    Ok(p) => {
                        plan.try_set(Some(p));
                    }
                    Err(e) => {
                        problem.try_set(Some(ImportProblem::File(e)));
                    }
                }
            });
        });
    };
    let cancel = move |_| {
        plan.set(None);
        if let Some(input) = input_ref.get() {
            input.set_value("");
            let _ = input.focus();
        }
    };
    let confirm = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match write_import(storage, p).await {
                Some(n) => reload_at(&format!("/settings?imported={n}")),
                None => {
                    plan.try_set(None);
                    problem.try_set(Some(ImportProblem::Write));
                }
            }
        });
    };
    view! {
        <section class="settings-section" aria-labelledby="settings-import-heading">
            <h2 id="settings-import-heading">{t(Key::SettingsImportHeading)}</h2>
            <p id="import-hint">{t(Key::SettingsImportExplain)}</p>
            <div class="field">
                <label for="import-file">{t(Key::SettingsImportLabel)}</label>
                <input
                    type="file"
                    id="import-file"
                    accept=".json,application/json"
                    node_ref=input_ref
                    aria-describedby="import-hint import-error"
                    aria-invalid=move || problem.with(Option::is_some).then_some("true")
                    on:change=chosen
                />
                <p id="import-error" class="field-error" role="alert">
                    {move || problem.get().map(|p| import_message(i18n, &p))}
                </p>
            </div>
            {move || {
                plan.get()
                    .map(|p| {
                        let names: Vec<String> = p.keys().map(|k| shown_name(i18n, k)).collect();
                        let ignored = (!p.ignored.is_empty())
                            .then(|| {
                                fill(
                                    i18n.t(Key::SettingsImportIgnored),
                                    &[("keys", &p.ignored.join(", "))],
                                )
                            });
                        let backups = (p.backups > 0)
                            .then(|| {
                                fill(
                                    i18n.t(Key::SettingsImportBackups),
                                    &[("count", &p.backups.to_string())],
                                )
                            });
                        let exported = p
                            .exported_at
                            .map(|d| fill(i18n.t(Key::SettingsImportExportedAt), &[("date", &d)]));
                        view! {
                            <div
                                class="import-preview"
                                role="region"
                                aria-labelledby="import-preview-heading"
                                data-testid="import-preview"
                            >
                                <h3 id="import-preview-heading">
                                    {t(Key::SettingsImportPreviewHeading)}
                                </h3>
                                {exported.map(|e| view! { <p>{e}</p> })}
                                <p>{t(Key::SettingsImportWillReplace)}</p>
                                <ul>
                                    {names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                                </ul>
                                {ignored.map(|text| view! { <p class="hint" data-testid="import-ignored">{text}</p> })}
                                {backups.map(|text| view! { <p class="hint">{text}</p> })}
                                <div class="settings-actions">
                                    <button type="button" class="button" on:click=confirm>
                                        {t(Key::SettingsImportConfirm)}
                                    </button>
                                    <button type="button" class="button button--quiet" on:click=cancel>
                                        {t(Key::SettingsImportCancel)}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// Copies of unreadable data, each downloadable.
#[component]
fn BackupsSection() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let t = move |key: Key| move || i18n.t(key);
    let backups = storage.with_store(|s| s.backups());
    let empty = backups.is_empty();
    let items = backups
        .into_iter()
        .map(|(key, raw)| {
            let name = key.strip_prefix(BACKUP_PREFIX).unwrap_or(&key).to_string();
            let file = format!("mvp-pathway-backup-{}.txt", name.replace(':', "-"));
            let label = name.clone();
            view! {
                <li>
                    <code>{name}</code>
                    " "
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| {
                            let _ = web::download(&file, "text/plain", &raw);
                        }
                    >
                        {move || fill(i18n.t(Key::SettingsBackupDownload), &[("key", &label)])}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="settings-section" aria-labelledby="settings-backups-heading">
            <h2 id="settings-backups-heading">{t(Key::SettingsBackupsHeading)}</h2>
            <p>{t(Key::SettingsBackupsExplain)}</p>
            {if empty {
                view! { <p>{t(Key::SettingsBackupsNone)}</p> }.into_any()
            } else {
                view! { <ul class="settings-backups" data-testid="backups">{items}</ul> }.into_any()
            }}
        </section>
    }
}

/// "Delete everything", with a confirmation step that names what will be lost.
#[component]
fn DeleteSection() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let t = move |key: Key| move || i18n.t(key);
    let confirming = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let panel_ref = NodeRef::<html::Div>::new();
    let open_button = NodeRef::<html::Button>::new();
    // What is saved now: document names, and how many backup copies.
    let saved = move || {
        let keys = storage.with_store(|s| s.app_keys()).unwrap_or_default();
        let backups = keys.iter().filter(|k| k.starts_with(BACKUP_PREFIX)).count();
        let names: Vec<String> = keys
            .iter()
            .filter(|k| !k.starts_with(BACKUP_PREFIX))
            .filter_map(|k| k.strip_prefix(PREFIX))
            .map(|k| shown_name(i18n, k))
            .collect();
        (names, backups)
    };
    let open = move |_| {
        failed.set(false);
        confirming.set(true);
        request_animation_frame(move || {
            if let Some(panel) = panel_ref.get() {
                let _ = panel.focus();
            }
        });
    };
    let cancel = move |_| {
        confirming.set(false);
        if let Some(button) = open_button.get() {
            let _ = button.focus();
        }
    };
    let confirm = move |_| match storage.with_store(|s| s.clear_all()) {
        Ok(()) => {
            crate::components::backup::forget_backup_record();
            reload_at("/settings?cleared=1")
        }
        Err(_) => failed.set(true),
    };
    view! {
        <section class="settings-section settings-danger" aria-labelledby="settings-delete-heading">
            <h2 id="settings-delete-heading">{t(Key::SettingsDeleteHeading)}</h2>
            <p>{t(Key::SettingsDeleteExplain)}</p>
            <button
                type="button"
                class="button button--danger"
                node_ref=open_button
                aria-expanded=move || confirming.get().to_string()
                aria-controls="delete-confirm"
                on:click=open
            >
                {t(Key::SettingsDeleteButton)}
            </button>
            <div id="delete-confirm">
                <Show when=move || confirming.get()>
                    {move || {
                        let (names, backups) = saved();
                        let nothing = names.is_empty() && backups == 0;
                        view! {
                            <div
                                class="delete-confirm"
                                tabindex="-1"
                                node_ref=panel_ref
                                role="group"
                                aria-labelledby="delete-confirm-intro"
                                data-testid="delete-confirm"
                            >
                                {if nothing {
                                    view! {
                                        <p id="delete-confirm-intro">
                                            {t(Key::SettingsDeleteConfirmNone)}
                                        </p>
                                    }
                                        .into_any()
                                } else {
                                    let backups_line = (backups > 0)
                                        .then(|| {
                                            fill(
                                                i18n.t(Key::SettingsDeleteBackups),
                                                &[("count", &backups.to_string())],
                                            )
                                        });
                                    view! {
                                        <p id="delete-confirm-intro">
                                            {t(Key::SettingsDeleteConfirmIntro)}
                                        </p>
                                        <ul>
                                            {names
                                                .into_iter()
                                                .map(|n| view! { <li>{n}</li> })
                                                .collect_view()}
                                            {backups_line.map(|b| view! { <li>{b}</li> })}
                                        </ul>
                                        <button
                                            type="button"
                                            class="button button--danger"
                                            on:click=confirm
                                        >
                                            {t(Key::SettingsDeleteConfirm)}
                                        </button>
                                        " "
                                    }
                                        .into_any()
                                }}
                                <button type="button" class="button button--quiet" on:click=cancel>
                                    {t(Key::SettingsDeleteCancel)}
                                </button>
                            </div>
                        }
                    }}
                </Show>
            </div>
            <p role="alert" class="field-error">
                {move || failed.get().then(|| i18n.t(Key::SettingsDeleteFailed))}
            </p>
        </section>
    }
}
