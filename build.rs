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

    faq_content::generate();
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

// ---- FAQ content -------------------------------------------------------------------
//
// Compiles `content/faq/<lang>/*.md` (front matter, `---`, Markdown answer) into static
// entries. Answers are rendered here with the app's own safe renderer, so the Markdown
// parser stays out of the Wasm. The build fails on a missing source or review date, a bad
// or duplicate anchor, or languages that disagree on the set of anchors.
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
        let reference: BTreeMap<&str, &str> = all
            .get("en")
            .unwrap_or_else(|| panic!("{ROOT}/en is missing"))
            .iter()
            .map(|e| (e.source.id.as_str(), e.source.topic.as_str()))
            .collect();
        for (lang, entries) in &all {
            let ids: BTreeMap<&str, &str> = entries
                .iter()
                .map(|e| (e.source.id.as_str(), e.source.topic.as_str()))
                .collect();
            for (id, topic) in &reference {
                match ids.get(id) {
                    None => problems.push(format!("{ROOT}/{lang}: no entry with id `{id}`")),
                    Some(t) if t != topic => problems.push(format!(
                        "{ROOT}/{lang}: `{id}` has topic `{t}`, English has `{topic}`"
                    )),
                    _ => {}
                }
            }
            for id in ids.keys().filter(|id| !reference.contains_key(*id)) {
                problems.push(format!("{ROOT}/{lang}: `{id}` is not in {ROOT}/en"));
            }
        }
        if !problems.is_empty() {
            panic!("FAQ content is not valid:\n  {}", problems.join("\n  "));
        }

        let mut out = String::new();
        for (lang, entries) in &all {
            let _ = writeln!(
                out,
                "static FAQ_{}: [FaqEntry; {}] = [",
                lang.to_uppercase(),
                entries.len()
            );
            for e in entries {
                let s = &e.source;
                let _ = writeln!(
                    out,
                    "    FaqEntry {{ id: {:?}, topic: {:?}, question: {:?}, answer: {:?}, answer_text: {:?}, sources: &{:?}, reviewed: {:?} }},",
                    s.id, s.topic, s.question, e.answer, e.text, s.sources, s.reviewed
                );
            }
            out.push_str("];\n\n");
        }
        out.push_str("/// Entries of the language with this code, if it has any.\nfn entries_for(code: &str) -> Option<&'static [FaqEntry]> {\n    match code {\n");
        for lang in all.keys() {
            let _ = writeln!(
                out,
                "        {lang:?} => Some(&FAQ_{}),",
                lang.to_uppercase()
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
