//! Compiles the translation files in `locales/<lang>/*.txt` into string tables.
//!
//! Every language must define exactly the keys that English defines; otherwise the
//! build (and so every test run) fails with the list of missing or extra keys.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const REFERENCE: &str = "en";

fn main() {
    println!("cargo:rerun-if-changed=locales");
    // The split build (scripts/build/wasm.sh) needs the linker's relocations in the final
    // binary only; setting them through RUSTFLAGS would rebuild every dependency.
    println!("cargo:rerun-if-env-changed=MVP_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var("MVP_SPLIT").is_ok_and(|v| v == "1") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    let root = Path::new("locales");
    let mut langs: Vec<String> = fs::read_dir(root)
        .expect("locales/ folder is missing")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    langs.sort();
    // English first: it is the reference and the fallback.
    langs.retain(|l| l != REFERENCE);
    langs.insert(0, REFERENCE.to_string());

    let tables: Vec<(String, BTreeMap<String, String>)> = langs
        .iter()
        .map(|lang| (lang.clone(), read_lang(&root.join(lang))))
        .collect();

    let reference = &tables[0].1;
    let mut problems = Vec::new();
    for (lang, table) in &tables[1..] {
        for (key, text) in table.iter().filter(|(k, _)| reference.contains_key(*k)) {
            if text.contains(PLURAL_SEPARATOR) != reference[key].contains(PLURAL_SEPARATOR) {
                problems.push(format!(
                    "locales/{lang}: `{key}` must have plural variants (`{key}[other] = …`) in every language or in none"
                ));
            }
        }
        for key in reference.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("locales/{lang}: missing key `{key}`"));
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!(
                "locales/{lang}: key `{key}` is not in locales/{REFERENCE}"
            ));
        }
    }
    if !problems.is_empty() {
        panic!("translation tables disagree:\n  {}", problems.join("\n  "));
    }

    let keys: Vec<&String> = reference.keys().collect();
    let core = core_keys(&keys);
    let mut out = String::new();
    out.push_str("/// Every translatable text of the app; one variant per key in `locales/en`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in &keys {
        let _ = writeln!(out, "    {},", camel(key));
    }
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "/// Number of keys in every table.\npub const KEY_COUNT: usize = {};\n",
        keys.len()
    );
    out.push_str("/// Key names as written in the locale files, in table order.\npub static KEY_NAMES: [&str; KEY_COUNT] = [\n");
    for key in &keys {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n\n");
    out.push_str("/// The shipped languages, in the order the language switcher lists them.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Lang {\n");
    for (lang, _) in &tables {
        let _ = writeln!(out, "    {},", camel(lang));
    }
    out.push_str("}\n\nimpl Lang {\n    /// Every shipped language.\n    pub const ALL: &'static [Lang] = &[");
    for (lang, _) in &tables {
        let _ = write!(out, "Lang::{}, ", camel(lang));
    }
    out.push_str("];\n\n    /// BCP 47 code, as used in `lang` attributes, stored settings and file names.\n    pub const fn code(self) -> &'static str {\n        match self {\n");
    for (lang, _) in &tables {
        let _ = writeln!(out, "            Lang::{} => {lang:?},", camel(lang));
    }
    // The switcher names every language in itself, and `dir` is needed before a table
    // arrives: both are compiled in (a few bytes), the tables are not.
    out.push_str("        }\n    }\n\n    /// The language's own name for itself (its `lang_name` key).\n    pub const fn native_name(self) -> &'static str {\n        match self {\n");
    for (lang, table) in &tables {
        let _ = writeln!(
            out,
            "            Lang::{} => {:?},",
            camel(lang),
            table["lang_name"]
        );
    }
    out.push_str("        }\n    }\n\n    /// Text direction, `ltr` or `rtl` (its `lang_dir` key).\n    pub const fn dir(self) -> &'static str {\n        match self {\n");
    for (lang, table) in &tables {
        let dir = if table["lang_dir"] == "rtl" {
            "rtl"
        } else {
            "ltr"
        };
        let _ = writeln!(out, "            Lang::{} => {dir:?},", camel(lang));
    }
    out.push_str("        }\n    }\n}\n\n");
    // Compiled-in tables: native code (tests, build tools) and the `eager` wasm build. The
    // split release build loads one language's table at run time (`text/<lang>.json`).
    out.push_str("/// Every language's table, compiled in (native builds and the `eager` feature).\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"eager\"))]\npub static COMPILED: [&[&str; KEY_COUNT]; ");
    let _ = writeln!(out, "{}] = [", tables.len());
    for (lang, _) in &tables {
        let _ = writeln!(out, "    &TABLE_{},", ident(lang));
    }
    out.push_str("];\n\n");
    for (lang, table) in &tables {
        let _ = writeln!(
            out,
            "#[cfg(any(not(target_arch = \"wasm32\"), feature = \"eager\"))]\nstatic TABLE_{}: [&str; KEY_COUNT] = [",
            ident(lang)
        );
        for key in &keys {
            let _ = writeln!(out, "    {:?},", table[*key]);
        }
        out.push_str("];\n\n");
    }
    let out_dir = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    fs::write(out_dir.join("i18n_tables.rs"), out).expect("write i18n tables");
    write_every_page(&out_dir);

    // The split build's language files (scripts/build/wasm.sh copies `text/` next to the
    // Wasm): per language, `<lang>.json` with the texts of the main module, loaded before
    // the app mounts, and `page-<module>-<lang>.json` per lazy page module with the texts
    // that page shows. Each is a JSON array: first the key ranges it holds
    // (`start+count,…`, key indices), then their texts in key order (`i18n::install`).
    let text_dir = out_dir.join("text");
    fs::create_dir_all(&text_dir).expect("create text dir");
    let parts = page_parts(&keys, &core);
    for (lang, table) in &tables {
        let main: Vec<&String> = keys
            .iter()
            .copied()
            .filter(|k| core.contains(k.as_str()))
            .collect();
        write_part(&text_dir.join(format!("{lang}.json")), &keys, &main, table);
        for (module, part) in &parts {
            write_part(
                &text_dir.join(format!("page-{module}-{lang}.json")),
                &keys,
                part,
                table,
            );
        }
    }

    let names: Vec<[&str; 2]> = tables
        .iter()
        .map(|(lang, t)| [lang.as_str(), t["lang_name"].as_str()])
        .collect();
    write_boot(&text_dir.join("boot.json"), &keys, &core, &parts, &names);

    faq_content::generate();
    check_events(&tables.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>());
}

#[path = "src/domain/date_text.rs"]
mod date_text;

#[path = "src/domain/events.rs"]
#[allow(dead_code)]
mod events;

#[path = "src/domain/order.rs"]
#[allow(dead_code)]
mod order;

/// `content/events.json` is copied to the site as `events.json`; the build fails when it
/// does not pass the same checks as the events page applies, in every language.
fn check_events(langs: &[&str]) {
    const FILE: &str = "content/events.json";
    println!("cargo:rerun-if-changed={FILE}");
    println!("cargo:rerun-if-changed=src/domain/events.rs");
    println!("cargo:rerun-if-changed=src/domain/order.rs");
    let json = fs::read_to_string(FILE).unwrap_or_else(|e| panic!("{FILE}: {e}"));
    for lang in langs {
        if let Err(problems) = events::parse_sessions(&json, lang) {
            panic!("{FILE} is not valid: {problems}");
        }
    }
}

/// The source files of the main module that show texts (everything but the lazy pages).
/// Their keys go into the first language file; a new such file must be listed here, or
/// its texts are empty until the first lazy page has loaded the rest.
const CORE_SOURCES: &[&str] = &[
    "src/lib.rs",
    "src/state.rs",
    "src/web.rs",
    "src/pwa.rs",
    "src/components/shell.rs",
    "src/components/embed.rs",
    "src/components/meta.rs",
    "src/components/rendered_html.rs",
    "src/pages/home.rs",
    "src/pages/not_found.rs",
];

/// Keys named in [`CORE_SOURCES`] (see [`named_keys`]), as locale keys.
fn core_keys(keys: &[&String]) -> std::collections::BTreeSet<String> {
    let by_variant = variants(keys);
    CORE_SOURCES
        .iter()
        .flat_map(|file| named_keys(file, &by_variant))
        .collect()
}

/// Locale keys by their `Key` variant name.
fn variants<'a>(keys: &[&'a String]) -> BTreeMap<String, &'a String> {
    keys.iter().map(|k| (camel(k), *k)).collect()
}

/// The lazy pages' own language files: for each page module that `src/routes.rs` makes
/// lazy (`lazy_page!(Name => module::Page)`), the other source files whose texts that
/// page shows (its own `src/pages/<module>.rs` is implied; a path ending in `/` is a
/// folder). A page downloads only its file, so a file missing here shows empty texts;
/// `tr` reports such a text on the console, and the e2e journeys fail on it.
const PAGE_SOURCES: &[(&str, &[&str])] = &[
    ("about", &[]),
    ("embed", &[]),
    ("faq", &[]),
    ("events", &[]),
    (
        "explainer",
        &["src/domain/explainer.rs", "src/domain/journal/"],
    ),
    (
        "checklist",
        &[
            "src/domain/checklist.rs",
            "src/components/reminder.rs",
            "src/domain/journal/",
        ],
    ),
    (
        "settings",
        &["src/components/backup.rs", "src/domain/journal/"],
    ),
    ("story", &["src/domain/story.rs", "src/domain/journal/"]),
    (
        "journal",
        &[
            "src/components/backup.rs",
            "src/components/entry_card.rs",
            "src/components/feed_import.rs",
            "src/components/journal_form.rs",
            "src/components/print_summary.rs",
            "src/components/reminder.rs",
            "src/domain/journal/",
            "src/domain/feeds/",
        ],
    ),
    (
        "peer",
        &[
            "src/pages/story.rs",
            "src/domain/story.rs",
            "src/domain/peer.rs",
            "src/domain/checklist.rs",
            "src/domain/journal/",
        ],
    ),
];

/// Source files that name keys only in documentation and tests.
const KEYS_IN_TESTS_ONLY: &[&str] = &["src/i18n/mod.rs", "src/intl.rs"];

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

/// The keys a source file names: every identifier that is a `Key` variant (so keys passed
/// to a macro as bare names count too).
fn named_keys(
    file: &str,
    by_variant: &BTreeMap<String, &String>,
) -> std::collections::BTreeSet<String> {
    println!("cargo:rerun-if-changed={file}");
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter_map(|word| by_variant.get(word))
        .map(|key| (*key).clone())
        .collect()
}

/// Each lazy page module's keys (see [`PAGE_SOURCES`]): those its files name, less the
/// main module's, plus every key that no source file names (shown through some other
/// path, so every page carries it).
fn page_parts<'a>(
    keys: &[&'a String],
    core: &std::collections::BTreeSet<String>,
) -> Vec<(&'static str, Vec<&'a String>)> {
    println!("cargo:rerun-if-changed=src");
    let by_variant = variants(keys);
    let modules = lazy_modules();
    for module in &modules {
        assert!(
            PAGE_SOURCES.iter().any(|(m, _)| m == module),
            "src/routes.rs makes `pages::{module}` lazy: list its texts' source files in build.rs (PAGE_SOURCES)"
        );
    }
    let files = rust_files(Path::new("src"));
    let mut named_anywhere = core.clone();
    let mut covered: std::collections::BTreeSet<String> = CORE_SOURCES
        .iter()
        .chain(KEYS_IN_TESTS_ONLY)
        .map(|f| f.to_string())
        .collect();
    let mut per_page = Vec::new();
    for (module, extra) in PAGE_SOURCES {
        assert!(
            modules.iter().any(|m| m == module),
            "build.rs PAGE_SOURCES lists `{module}`, which src/routes.rs does not make lazy"
        );
        let own = format!("src/pages/{module}.rs");
        let mut named = std::collections::BTreeSet::new();
        for file in files.iter().filter(|f| {
            **f == own
                || extra
                    .iter()
                    .any(|e| *f == e || (e.ends_with('/') && f.starts_with(e)))
        }) {
            named.extend(named_keys(file, &by_variant));
            covered.insert(file.clone());
        }
        named_anywhere.extend(named.iter().cloned());
        per_page.push((*module, named));
    }
    let unlisted: Vec<&String> = files
        .iter()
        .filter(|f| !covered.contains(*f))
        .filter(|f| fs::read_to_string(f).is_ok_and(|t| t.contains("Key::")))
        .collect();
    assert!(
        unlisted.is_empty(),
        "these files show texts but are in no page's list (build.rs PAGE_SOURCES or CORE_SOURCES): {unlisted:?}"
    );
    per_page
        .into_iter()
        .map(|(module, named)| {
            let part = keys
                .iter()
                .copied()
                .filter(|k| !core.contains(k.as_str()))
                .filter(|k| named.contains(k.as_str()) || !named_anywhere.contains(k.as_str()))
                .collect();
            (module, part)
        })
        .collect()
}

/// The page modules that `src/routes.rs` makes lazy: `lazy_page!(… Name => module::Page)`.
fn lazy_modules() -> Vec<String> {
    let mut modules: Vec<String> = lazy_pages().into_iter().map(|(_, m)| m).collect();
    modules.sort();
    modules.dedup();
    modules
}

/// Each `lazy_page!(… Name => module::Page)` of `src/routes.rs`: the struct and the module.
fn lazy_pages() -> Vec<(String, String)> {
    const ROUTES: &str = "src/routes.rs";
    println!("cargo:rerun-if-changed={ROUTES}");
    let text = fs::read_to_string(ROUTES).unwrap_or_else(|e| panic!("{ROUTES}: {e}"));
    let pages: Vec<(String, String)> = text
        .lines()
        .filter_map(|line| line.trim().split_once(" => "))
        .filter_map(|(name, page)| {
            let (module, page) = page.split_once("::")?;
            let ident =
                |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            (ident(name) && ident(module) && ident(page))
                .then(|| (name.to_string(), module.to_string()))
        })
        .collect();
    assert!(
        !pages.is_empty(),
        "{ROUTES}: no `lazy_page!(Name => module::Page)` found"
    );
    pages
}

/// `every_page.rs`, included by `src/routes.rs`: every lazy page's view as a future, never
/// polled, which the widgets' binary references without calling (see `routes::every_page`).
fn write_every_page(out_dir: &Path) {
    let mut out = String::from(
        "/// Every lazy page's view, as a future (generated by build.rs from the `lazy_page!`\n\
         /// lines).\n\
         pub fn every_page() -> Vec<std::pin::Pin<Box<dyn std::future::Future<Output = AnyView>>>> {\n\
         \x20   vec![\n",
    );
    for (name, _) in lazy_pages() {
        writeln!(
            out,
            "        Box::pin(<{name} as LazyRoute>::view({name})),"
        )
        .expect("write");
    }
    out.push_str("    ]\n}\n");
    fs::write(out_dir.join("every_page.rs"), out).expect("write every_page.rs");
}

/// What the loader in `index.html` draws before the app arrives, for the addresses whose
/// page is opened directly most (its first paint, and Lighthouse's largest one): the top
/// of the page as the page itself shows it, down to its lead paragraph. Each row: the
/// address, the lazy page module whose language file holds the texts (empty: the main
/// module's), and the elements in order with their keys: `h1`, `h2`, `p`, `lead` (a
/// `<p class="lead">`), `link` (a paragraph that is a link), `head` (the journal's heading
/// and its add button), `notice` (an unofficial notice: text, link), `tabs` (the
/// journal's, `key@address` each) and `section` (no key: what follows goes into a new
/// `<section>`).
/// The e2e test "each page's first paint…" compares every row with the page the app
/// then shows, text and place.
type BootRow = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static [&'static str])],
);
const JOURNAL_TABS: (&str, &[&str]) = (
    "tabs",
    &[
        "journal_tab_entries@/journal",
        "journal_tab_overview@/journal/overview",
        "journal_tab_data@/journal/data",
    ],
);
const BOOT: &[BootRow] = &[
    (
        "/",
        "",
        &[("h1", &["home_title"]), ("lead", &["home_lead"])],
    ),
    (
        "/explainer",
        "explainer",
        &[
            ("h1", &["explainer_title"]),
            ("lead", &["explainer_intro_lead"]),
        ],
    ),
    (
        "/checklist",
        "checklist",
        &[("h1", &["checklist_title"]), ("lead", &["checklist_lead"])],
    ),
    (
        "/journal",
        "journal",
        &[
            JOURNAL_TABS,
            ("head", &["journal_title", "journal_add"]),
            ("lead", &["journal_lead"]),
        ],
    ),
    (
        "/journal/new",
        "journal",
        &[JOURNAL_TABS, ("h1", &["journal_new_title"])],
    ),
    (
        "/journal/data",
        "journal",
        &[
            JOURNAL_TABS,
            ("h1", &["journal_data_title"]),
            ("lead", &["journal_data_lead"]),
            ("section", &[]),
            ("h2", &["journal_export_heading"]),
            ("p", &["backup_eviction"]),
        ],
    ),
    (
        "/story",
        "story",
        &[("h1", &["story_title"]), ("lead", &["story_lead"])],
    ),
    ("/faq", "faq", FAQ_TOP),
    (
        "/events",
        "events",
        &[
            ("h1", &["events_title"]),
            ("notice", &["events_unofficial", "events_official_link"]),
            ("lead", &["events_lead"]),
        ],
    ),
    (
        "/settings",
        "settings",
        &[("h1", &["settings_title"]), ("lead", &["settings_lead"])],
    ),
    (
        "/about",
        "about",
        &[
            ("h1", &["about_title"]),
            ("section", &[]),
            ("h2", &["about_unofficial_heading"]),
            ("p", &["about_unofficial_body"]),
            ("link", &["about_official_link"]),
            ("section", &[]),
            ("h2", &["about_privacy_heading"]),
            ("p", &["about_privacy_body"]),
            ("p", &["about_privacy_clear"]),
        ],
    ),
    (
        "/embed",
        "embed",
        &[("h1", &["embed_title"]), ("lead", &["embed_intro"])],
    ),
    ("/embed/faq", "faq", FAQ_TOP),
    (
        "/embed/explainer",
        "explainer",
        &[
            ("h1", &["explainer_title"]),
            ("lead", &["explainer_intro_lead"]),
        ],
    ),
    (
        "/embed/checklist",
        "checklist",
        &[("h1", &["checklist_title"]), ("lead", &["checklist_lead"])],
    ),
];
const FAQ_TOP: &[(&str, &[&str])] = &[
    ("h1", &["faq_title"]),
    ("notice", &["faq_unofficial", "faq_official_link"]),
    ("lead", &["faq_lead"]),
];

/// The header's texts that the first paint repeats, so that the page's heading is drawn
/// where the app then shows it: the language and theme labels, and the theme choices in
/// `Theme::ALL`'s order. The navigation's are read from `NAV_ITEMS` (see [`nav_items`]).
const BOOT_HEADER: [&str; 5] = [
    "pref_language",
    "pref_theme",
    "theme_auto",
    "theme_light",
    "theme_dark",
];

/// `(address, key)` of each `NAV_ITEMS` entry in src/components/shell.rs.
fn nav_items(by_variant: &BTreeMap<String, &String>) -> Vec<(String, String)> {
    const SHELL: &str = "src/components/shell.rs";
    let text = fs::read_to_string(SHELL).unwrap_or_else(|e| panic!("{SHELL}: {e}"));
    let start = text
        .find("const NAV_ITEMS")
        .unwrap_or_else(|| panic!("{SHELL}: no `const NAV_ITEMS`"));
    let block = &text[start..];
    let block = &block[..block.find("];").unwrap_or(block.len())];
    let items: Vec<(String, String)> = block
        .split("(\"")
        .skip(1)
        .filter_map(|item| {
            let (address, rest) = item.split_once("\", Key::")?;
            let variant: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            Some((address.to_string(), by_variant.get(&variant)?.to_string()))
        })
        .collect();
    assert!(
        !items.is_empty(),
        "{SHELL}: no `(\"/…\", Key::…)` in NAV_ITEMS"
    );
    items
}

/// `text/boot.json`, which scripts/build/split.mjs puts into `index.html` (and deletes):
/// key indices of the product's name and of the header's texts, each language's code
/// and own name (the language switch's choices), and per [`BOOT`] row its module and its
/// elements as `[tag, key index…]` (`[key index, address]` for a `key@address`). Fails
/// the build when a key does not exist or is not in the language file the loader reads
/// it from.
fn write_boot(
    path: &Path,
    keys: &[&String],
    core: &std::collections::BTreeSet<String>,
    parts: &[(&str, Vec<&String>)],
    names: &[[&str; 2]],
) {
    let index = |key: &str, module: &str| {
        let found = keys.iter().position(|k| k.as_str() == key);
        let found = found.unwrap_or_else(|| panic!("build.rs BOOT: no key `{key}` in locales/en"));
        let in_file = core.contains(key)
            || parts
                .iter()
                .any(|(m, part)| *m == module && part.iter().any(|k| k.as_str() == key));
        assert!(
            in_file,
            "build.rs BOOT: `{key}` is neither in the main language file nor in page `{module}`'s"
        );
        found
    };
    let pages: serde_json::Map<String, serde_json::Value> = BOOT
        .iter()
        .map(|(address, module, elements)| {
            let elements: Vec<serde_json::Value> = elements
                .iter()
                .map(|(tag, keys)| {
                    let mut element = vec![serde_json::json!(tag)];
                    element.extend(keys.iter().map(|key| match key.split_once('@') {
                        Some((key, address)) => serde_json::json!([index(key, module), address]),
                        None => serde_json::json!(index(key, module)),
                    }));
                    serde_json::Value::Array(element)
                })
                .collect();
            (address.to_string(), serde_json::json!([module, elements]))
        })
        .collect();
    let nav: Vec<serde_json::Value> = nav_items(&variants(keys))
        .iter()
        .map(|(address, key)| serde_json::json!([address, index(key, "")]))
        .collect();
    let header: Vec<usize> = BOOT_HEADER.iter().map(|key| index(key, "")).collect();
    let boot = serde_json::json!({
        "app": index("app_name", ""),
        "nav": nav,
        "header": header,
        "names": names,
        "pages": pages,
    });
    fs::write(path, boot.to_string()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Writes one language file of the split build: the key ranges, then the texts.
fn write_part(path: &Path, keys: &[&String], part: &[&String], table: &BTreeMap<String, String>) {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for key in part {
        let index = keys
            .iter()
            .position(|k| k == key)
            .expect("a part's key is a key");
        match ranges.last_mut() {
            Some((start, count)) if *start + *count == index => *count += 1,
            _ => ranges.push((index, 1)),
        }
    }
    let header = ranges
        .iter()
        .map(|(start, count)| format!("{start}+{count}"))
        .collect::<Vec<_>>()
        .join(",");
    let mut items = vec![header.as_str()];
    items.extend(part.iter().map(|k| table[*k].as_str()));
    let json = serde_json::to_string(&items).expect("language file as JSON");
    fs::write(path, json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// CLDR plural categories, in the order a plural text's variants are stored (joined by
/// [`PLURAL_SEPARATOR`], an empty variant where the language does not use the category).
/// `src/i18n` reads them in the same order (`Plural`).
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Separates the variants of a plural text in the tables and language files.
const PLURAL_SEPARATOR: char = '\u{1f}';

/// The CLDR plural categories of a language's cardinal numbers (whole numbers here). A new
/// language needs its line here and its rule in `i18n::Plural::of`.
fn plural_categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" | "de" => &["one", "other"],
        "es" | "fr" | "pt-BR" => &["one", "many", "other"],
        "ja" | "zh-Hans" => &["other"],
        "ar" => &CATEGORIES,
        _ => panic!("locales/{lang}: add its CLDR plural categories to build.rs (`plural_categories`) and its rule to `i18n::Plural::of`"),
    }
}

/// Reads every `*.txt` file of one language folder: `key = text` lines, `#` comments.
/// A plural text has one line per CLDR category, `key[one] = …`, `key[other] = …`: it
/// must have `other`, and only categories the language has (`plural_categories`).
fn read_lang(dir: &Path) -> BTreeMap<String, String> {
    let lang = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let allowed = plural_categories(&lang);
    let mut plurals: BTreeMap<String, BTreeMap<&str, String>> = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut table = BTreeMap::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                panic!("{}:{}: expected `key = text`", file.display(), n + 1);
            };
            let (key, category) = match key.trim().split_once('[') {
                Some((key, rest)) => {
                    let category = rest.strip_suffix(']').unwrap_or_else(|| {
                        panic!(
                            "{}:{}: expected `key[category] = text`",
                            file.display(),
                            n + 1
                        )
                    });
                    let category = CATEGORIES
                        .iter()
                        .copied()
                        .find(|c| *c == category)
                        .unwrap_or_else(|| {
                            panic!(
                                "{}:{}: `{category}` is not a CLDR plural category ({})",
                                file.display(),
                                n + 1,
                                CATEGORIES.join(", ")
                            )
                        });
                    assert!(
                        allowed.contains(&category),
                        "{}:{}: {lang} has no plural category `{category}` (it has {})",
                        file.display(),
                        n + 1,
                        allowed.join(", ")
                    );
                    (key.trim(), Some(category))
                }
                None => (key.trim(), None),
            };
            assert!(
                !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}:{}: keys are lower_snake_case, found `{key}`",
                file.display(),
                n + 1
            );
            let value = value.trim().replace("\\n", "\n");
            assert!(
                !value.is_empty(),
                "{}:{}: `{key}` has no text",
                file.display(),
                n + 1
            );
            assert!(
                !value.contains(PLURAL_SEPARATOR),
                "{}:{}: `{key}` holds U+001F",
                file.display(),
                n + 1
            );
            let twice = match category {
                Some(category) => plurals
                    .entry(key.to_string())
                    .or_default()
                    .insert(category, value)
                    .is_some(),
                None => table.insert(key.to_string(), value).is_some(),
            };
            if twice || (table.contains_key(key) && plurals.contains_key(key)) {
                panic!("{}:{}: key `{key}` defined twice", file.display(), n + 1);
            }
        }
    }
    for (key, variants) in plurals {
        assert!(
            variants.contains_key("other"),
            "locales/{lang}: plural `{key}` has no `{key}[other]` (the fallback of every count)"
        );
        let joined: Vec<&str> = CATEGORIES
            .iter()
            .map(|c| variants.get(c).map_or("", String::as_str))
            .collect();
        table.insert(key, joined.join(&PLURAL_SEPARATOR.to_string()));
    }
    table
}

/// A Rust identifier suffix for a language code (`pt-BR` -> `PT_BR`).
fn ident(lang: &str) -> String {
    lang.to_uppercase().replace('-', "_")
}

fn camel(key: &str) -> String {
    key.split(['_', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

// ---- FAQ content -------------------------------------------------------------------
//
// Compiles `content/faq/<lang>/*.md` (front matter, `---`, Markdown answer) into static
// entries. Answers are rendered here with the app's own safe renderer, so the Markdown
// parser stays out of the Wasm. The build fails on a missing source or review date, a
// source without a link (`source: <name> | https://…` or `| /<path>`), a bad or duplicate
// anchor, or languages that disagree on the set of anchors or on an answer's source links.
// `MVP_FAQ_RENDER=runtime` keeps the Markdown instead (to measure the other way; the page
// then renders it in the browser).

#[path = "src/domain/markdown.rs"]
mod markdown;

#[path = "src/domain/faq.rs"]
#[allow(dead_code)]
mod faq;

mod faq_content {
    use super::{faq, markdown};
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    use std::fs;
    use std::path::Path;

    const ROOT: &str = "content/faq";

    struct Compiled {
        source: faq::FaqSource,
        answer: String,
        text: String,
    }

    pub fn generate() {
        println!("cargo:rerun-if-changed={ROOT}");
        println!("cargo:rerun-if-changed=src/domain/markdown.rs");
        println!("cargo:rerun-if-changed=src/domain/faq.rs");
        println!("cargo:rerun-if-env-changed=MVP_FAQ_RENDER");
        println!("cargo::rustc-check-cfg=cfg(faq_runtime_markdown)");
        let runtime = std::env::var("MVP_FAQ_RENDER").is_ok_and(|v| v == "runtime");
        if runtime {
            println!("cargo:rustc-cfg=faq_runtime_markdown");
        }

        let mut langs: Vec<String> = fs::read_dir(ROOT)
            .unwrap_or_else(|e| panic!("{ROOT}: {e}"))
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        langs.sort();
        let mut problems = Vec::new();
        let mut all: BTreeMap<String, Vec<Compiled>> = BTreeMap::new();
        for lang in &langs {
            let dir = Path::new(ROOT).join(lang);
            let mut files: Vec<_> = fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect();
            files.sort();
            let mut entries = Vec::new();
            for file in files {
                let text =
                    fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                match faq::parse_entry(&text) {
                    Ok(source) => {
                        let answer = if runtime {
                            source.body.clone()
                        } else {
                            markdown::render_markdown(&source.body)
                        };
                        let text = plain_text(&source.body);
                        entries.push(Compiled {
                            source,
                            answer,
                            text,
                        });
                    }
                    Err(e) => problems.push(format!("{}: {e}", file.display())),
                }
            }
            for id in faq::duplicate_ids(entries.iter().map(|e| e.source.id.as_str())) {
                problems.push(format!("{ROOT}/{lang}: anchor `{id}` is used twice"));
            }
            all.insert(lang.clone(), entries);
        }
        let english = all
            .get("en")
            .unwrap_or_else(|| panic!("{ROOT}/en is missing"));
        let reference: BTreeMap<&str, &str> = english
            .iter()
            .map(|e| (e.source.id.as_str(), e.source.topic.as_str()))
            .collect();
        // Source names may be translated; their links and their order may not.
        let links = |e: &Compiled| -> Vec<String> {
            e.source.sources.iter().map(|s| s.url.clone()).collect()
        };
        let reference_links: BTreeMap<&str, Vec<String>> = english
            .iter()
            .map(|e| (e.source.id.as_str(), links(e)))
            .collect();
        for (lang, entries) in &all {
            for e in entries {
                if let Some(en) = reference_links.get(e.source.id.as_str()) {
                    if &links(e) != en {
                        problems.push(format!(
                            "{ROOT}/{lang}: `{}` links its sources to {:?}, English to {en:?}",
                            e.source.id,
                            links(e)
                        ));
                    }
                }
            }
        }
        for (lang, entries) in &all {
            let ids: BTreeMap<&str, &str> = entries
                .iter()
                .map(|e| (e.source.id.as_str(), e.source.topic.as_str()))
                .collect();
            for (id, topic) in &reference {
                if let Some(t) = ids.get(id) {
                    if t != topic {
                        problems.push(format!(
                            "{ROOT}/{lang}: `{id}` has topic `{t}`, English has `{topic}`"
                        ));
                    }
                }
            }
            for id in ids.keys().filter(|id| !reference.contains_key(*id)) {
                problems.push(format!("{ROOT}/{lang}: `{id}` is not in {ROOT}/en"));
            }
        }
        if !problems.is_empty() {
            panic!("FAQ content is not valid:\n  {}", problems.join("\n  "));
        }

        // Every language lists every English entry in English order; an answer not yet
        // translated is the English one, marked `fallback` (shown with lang="en").
        let mut out = String::new();
        let text_dir = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("text");
        fs::create_dir_all(&text_dir).expect("create text dir");
        let mut codes = Vec::new();
        for (lang, entries) in &all {
            let merged: Vec<(&Compiled, bool)> = english
                .iter()
                .map(|en| {
                    entries
                        .iter()
                        .find(|e| e.source.id == en.source.id)
                        .map_or((en, true), |e| (e, false))
                })
                .collect();
            let json: Vec<serde_json::Value> = merged
                .iter()
                .map(|(e, fallback)| {
                    let s = &e.source;
                    let sources: Vec<serde_json::Value> = s
                        .sources
                        .iter()
                        .map(|x| serde_json::json!({ "name": x.name, "url": x.url }))
                        .collect();
                    serde_json::json!({
                        "id": s.id, "topic": s.topic, "question": s.question,
                        "answer": e.answer, "text": e.text, "sources": sources,
                        "reviewed": s.reviewed, "fallback": fallback,
                    })
                })
                .collect();
            fs::write(
                text_dir.join(format!("faq-{lang}.json")),
                serde_json::to_string(&json).expect("FAQ as JSON"),
            )
            .expect("write FAQ file");

            let _ = writeln!(
                out,
                "#[cfg(any(not(target_arch = \"wasm32\"), feature = \"eager\"))]\nstatic FAQ_{}: [FaqEntry; {}] = [",
                lang.to_uppercase().replace('-', "_"),
                merged.len()
            );
            for (e, fallback) in &merged {
                let s = &e.source;
                let sources: String = s
                    .sources
                    .iter()
                    .map(|x| format!("SourceLink {{ name: {:?}, url: {:?} }}, ", x.name, x.url))
                    .collect();
                let _ = writeln!(
                    out,
                    "    FaqEntry {{ id: {:?}, topic: {:?}, question: {:?}, answer: {:?}, answer_text: {:?}, sources: &[{sources}], reviewed: {:?}, fallback: {fallback} }},",
                    s.id, s.topic, s.question, e.answer, e.text, s.reviewed
                );
            }
            out.push_str("];\n\n");
            codes.push(lang.clone());
        }
        out.push_str("/// Compiled-in entries of the language with this code, if it has any.\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"eager\"))]\nfn compiled_entries(code: &str) -> Option<&'static [FaqEntry]> {\n    match code {\n");
        for lang in &codes {
            let _ = writeln!(
                out,
                "        {lang:?} => Some(&FAQ_{}),",
                lang.to_uppercase().replace('-', "_")
            );
        }
        out.push_str("        _ => None,\n    }\n}\n");
        let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("faq_content.rs");
        fs::write(dest, out).expect("write FAQ content");
    }

    /// The answer's words without Markdown syntax, for search.
    fn plain_text(source: &str) -> String {
        use pulldown_cmark::{Event, Parser, TagEnd};
        let mut out = String::new();
        for event in Parser::new(source) {
            match event {
                Event::Text(t) | Event::Code(t) => out.push_str(&t),
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}
