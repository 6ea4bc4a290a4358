//! Every text in `locales/en` is shown somewhere: each key's `Key` variant (`CamelCase`)
//! must be named in `src/` (or the key be on the list below, with the reason). A text nobody
//! shows still costs every reader bytes and every translator time.

use mvp_pathway::i18n::KEY_NAMES;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Keys read without a `Key::` in `src/`, and why.
const USED_BY_NAME: &[(&str, &str)] = &[
    (
        "lang_name",
        "build.rs compiles it into `Lang::native_name` for the switcher",
    ),
    ("lang_dir", "build.rs compiles it into `Lang::dir`"),
];

/// The `Key::` names of build.rs (`camel`): `journal_type_blog` is `JournalTypeBlog`.
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

fn named_keys(dir: &Path, found: &mut BTreeSet<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            named_keys(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap_or_default();
            // Every identifier: most keys are written `Key::Name`, some reach `Key::` through
            // a macro (`Blog = "blog" / JournalTypeBlog` in domain/journal/mod.rs).
            found.extend(
                text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                    .map(str::to_string),
            );
        }
    }
}

#[test]
fn every_english_key_is_used_in_src() {
    let mut found = BTreeSet::new();
    named_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    let unused: Vec<&str> = KEY_NAMES
        .iter()
        .copied()
        .filter(|k| !found.contains(&camel(k)))
        .filter(|k| !USED_BY_NAME.iter().any(|(name, _)| name == k))
        .collect();
    assert!(
        unused.is_empty(),
        "keys in locales/en that src/ never names (remove them from every language, or list them in USED_BY_NAME with the reason): {unused:?}"
    );
    for (name, _) in USED_BY_NAME {
        assert!(KEY_NAMES.contains(name), "`{name}` is no longer a key");
    }
}
