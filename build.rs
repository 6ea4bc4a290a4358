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
    out.push_str("];\n\n    /// BCP 47 code, as used in `lang` attributes and stored settings.\n    pub fn code(self) -> &'static str {\n        match self {\n");
    for (lang, _) in &tables {
        let _ = writeln!(out, "            Lang::{} => {lang:?},", camel(lang));
    }
    out.push_str("        }\n    }\n\n    /// The string table of this language.\n    pub fn table(self) -> &'static [&'static str; KEY_COUNT] {\n        match self {\n");
    for (lang, _) in &tables {
        let _ = writeln!(
            out,
            "            Lang::{} => &TABLE_{},",
            camel(lang),
            lang.to_uppercase()
        );
    }
    out.push_str("        }\n    }\n}\n\n");
    for (lang, table) in &tables {
        let _ = writeln!(
            out,
            "static TABLE_{}: [&str; KEY_COUNT] = [",
            lang.to_uppercase()
        );
        for key in &keys {
            let _ = writeln!(out, "    {:?},", table[*key]);
        }
        out.push_str("];\n\n");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("i18n_tables.rs");
    fs::write(dest, out).expect("write i18n tables");
}

/// Reads every `*.txt` file of one language folder: `key = text` lines, `#` comments.
fn read_lang(dir: &Path) -> BTreeMap<String, String> {
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
            let key = key.trim();
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
            if table.insert(key.to_string(), value).is_some() {
                panic!("{}:{}: key `{key}` defined twice", file.display(), n + 1);
            }
        }
    }
    table
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
