//! The settings, checklist and explainer documents and the language files read with the
//! browser's JSON parser (what the Wasm build does) agree with the serde_json path (what
//! the native tests use).

use mvp_pathway::storage::browser_json::{
    decode_checklist, decode_explainer, decode_settings, encode_checklist, encode_explainer,
    encode_settings, string_array,
};
use mvp_pathway::storage::{
    decode, Document, StorageError, StoredChecklist, StoredExplainer, StoredSettings,
};
use wasm_bindgen_test::wasm_bindgen_test;

/// Stored texts a browser may hold: written by this app, older or newer apps, by hand, or
/// damaged.
const STORED: &[&str] = &[
    r#"{"v":1,"data":{"theme":"dark","lang":"es"}}"#,
    r#"{"v":1,"data":{"theme":"light","lang":null}}"#,
    r#"{"v":1,"data":{}}"#,
    r#"{"v":1,"data":{"theme":"dark"}}"#,
    r#"{"v":1,"data":{"lang":"pt-BR","extra":[1,2,{"x":null}]},"more":true}"#,
    r#"{ "v" : 1 , "data" : { "theme" : "sépia \"q\" \u0007 😀" } }"#,
    r#"{"v":2,"data":{"theme":"dark"}}"#,
    r#"{"v":0,"data":{}}"#,
    r#"{"v":1.5,"data":{}}"#,
    r#"{"v":-1,"data":{}}"#,
    r#"{"v":"1","data":{}}"#,
    r#"{"data":{}}"#,
    r#"{"v":1}"#,
    r#"{"v":1,"data":null}"#,
    r#"{"v":1,"data":"dark"}"#,
    r#"{"v":1,"data":{"theme":3}}"#,
    r#"{"v":1,"data":{"theme":null}}"#,
    r#"{"v":1,"data":{"lang":["es"]}}"#,
    r#"null"#,
    r#""settings""#,
    r#"{"v":1,"data":{"theme":"dark"}"#,
    r#"{"v":1,"data":{"theme":"dark"}} trailing"#,
    "",
];

/// The envelope as the serde path writes it (`storage::Envelope` is private).
#[derive(serde::Serialize)]
struct Envelope<'a> {
    v: u32,
    data: &'a StoredSettings,
}

/// The outcome without the wording of the error.
fn outcome<T>(result: Result<T, StorageError>) -> Result<T, String> {
    result.map_err(|e| match e {
        StorageError::FutureVersion { found, supported } => format!("future {found}>{supported}"),
        StorageError::DecodeFailed(_) => "unreadable".into(),
        other => format!("{other:?}"),
    })
}

#[wasm_bindgen_test]
fn settings_decode_like_serde_json() {
    for raw in STORED {
        assert_eq!(
            outcome(decode_settings(raw)),
            outcome(decode::<StoredSettings>(raw)),
            "stored text: {raw}"
        );
    }
    // serde's derive also reads an envelope written as a list (`[1, {...}]`); the app never
    // writes one, and the browser's reader sets it aside like any other unreadable text.
    assert!(decode_settings(r#"[1,{"theme":"dark"}]"#).is_err());
    // And the store uses the browser's decoder for the settings.
    assert_eq!(
        StoredSettings::from_stored(STORED[0]).ok(),
        decode_settings(STORED[0]).ok()
    );
}

#[wasm_bindgen_test]
fn settings_encode_byte_for_byte_like_serde_json() {
    for (theme, lang) in [
        ("dark", Some("es")),
        ("", None),
        (
            "quote \" backslash \\ slash / tab \t nl \n bell \u{7} del \u{7f}",
            Some("zh-Hans"),
        ),
        ("é 😀 \u{2028} \u{200f}", None),
    ] {
        let settings = StoredSettings {
            theme: theme.into(),
            lang: lang.map(String::from),
        };
        let serde = serde_json::to_string(&Envelope {
            v: 1,
            data: &settings,
        })
        .expect("serialisable");
        assert_eq!(encode_settings(&settings), serde);
        assert_eq!(settings.to_stored().ok(), Some(serde.clone()));
        assert_eq!(decode_settings(&serde).ok(), Some(settings));
    }
}

#[wasm_bindgen_test]
fn language_files_are_lists_of_texts() {
    assert_eq!(
        string_array(r#"["MVP Pathway","¿Es para mí?","\u0041"]"#),
        Ok(vec![
            "MVP Pathway".into(),
            "¿Es para mí?".into(),
            "A".into()
        ])
    );
    for bad in [
        r#"{"0":"a"}"#,
        r#"["a",1]"#,
        r#"["a",null]"#,
        "[",
        "<!doctype html>",
    ] {
        assert!(string_array(bad).is_err(), "{bad} is not a language file");
    }
}

/// Stored checklists: written by this app, by hand, older or newer apps, or damaged.
const CHECKLISTS: &[&str] = &[
    r#"{"v":1,"data":{"done":{"session-find":"2026-03-17","apply":"2025-12-31"},"notes":{"session":"Ask \"why\" 😀"}}}"#,
    r#"{"v":1,"data":{"done":{},"notes":{}}}"#,
    r#"{"v":1,"data":{}}"#,
    r#"{"v":1,"data":{"notes":{"a":"b"},"extra":[1]},"more":null}"#,
    r#"{"v":1,"data":{"done":{"x":"2026-02-30"}}}"#,
    r#"{"v":1,"data":{"done":{"x":"17/03/2026"}}}"#,
    r#"{"v":1,"data":{"done":{"x":20260317}}}"#,
    r#"{"v":1,"data":{"done":null}}"#,
    r#"{"v":1,"data":{"done":["2026-03-17"]}}"#,
    r#"{"v":1,"data":{"notes":{"a":null}}}"#,
    r#"{"v":1,"data":{"notes":"text"}}"#,
    r#"{"v":1,"data":{"done":{"a":"2026-01-01","a":"2026-01-02"}}}"#,
    r#"{"v":2,"data":{}}"#,
    r#"{"v":0,"data":{}}"#,
    r#"{"v":1,"data":null}"#,
    r#"{"v":1}"#,
    r#"[]"#,
    r#"{"v":1,"data":{"done":{}}"#,
    "",
];

/// Stored explainer answers, likewise.
const ANSWERS: &[&str] = &[
    r#"{"v":1,"data":{"answers":{"age":["yes"],"forms":["writing","mentoring"]}}}"#,
    r#"{"v":1,"data":{"answers":{}}}"#,
    r#"{"v":1,"data":{}}"#,
    r#"{"v":1,"data":{"answers":{"nope":["maybe"],"age":[]},"x":1}}"#,
    r#"{"v":1,"data":{"answers":{"age":"yes"}}}"#,
    r#"{"v":1,"data":{"answers":{"age":[1]}}}"#,
    r#"{"v":1,"data":{"answers":{"age":[null]}}}"#,
    r#"{"v":1,"data":{"answers":null}}"#,
    r#"{"v":1,"data":{"answers":[["age"]]}}"#,
    r#"{"v":3,"data":{"answers":{}}}"#,
    r#"{"v":1,"data":"answers"}"#,
    r#"{"answers":{}}"#,
    "not json",
];

#[wasm_bindgen_test]
fn checklist_and_answers_decode_like_serde_json() {
    for raw in CHECKLISTS {
        assert_eq!(
            outcome(decode_checklist(raw)),
            outcome(decode::<StoredChecklist>(raw)),
            "stored checklist: {raw}"
        );
    }
    for raw in ANSWERS {
        assert_eq!(
            outcome(decode_explainer(raw)),
            outcome(decode::<StoredExplainer>(raw)),
            "stored answers: {raw}"
        );
    }
    // The store uses the browser's decoders for both: serde's derive also reads a document
    // written as a list, which the browser's reader refuses (the app never writes one).
    let as_list = r#"{"v":1,"data":[{},{}]}"#;
    assert!(decode::<StoredChecklist>(as_list).is_ok());
    assert!(StoredChecklist::from_stored(as_list).is_err());
    let as_list = r#"{"v":1,"data":[{}]}"#;
    assert!(decode::<StoredExplainer>(as_list).is_ok());
    assert!(StoredExplainer::from_stored(as_list).is_err());
}

/// Text that is not ASCII is lower-cased by the browser in the Wasm build: the same as
/// Rust's `str::to_lowercase`, which the native build uses.
#[wasm_bindgen_test]
fn lower_case_from_the_browser_matches_rust() {
    use mvp_pathway::domain::case::lowercase;
    for text in [
        "ΟΔΟΣ ΟΔΟΣ. Σ",
        "İstanbul",
        "STRASSE ẞ",
        "ÉTÉ À PARIS, ÇA VA",
        "ᲐᲑᲒ",
        "ᎠᎡᎢ",
        "ДОБРЫЙ ДЕНЬ",
        "ＡＢＣ",
        "Ǆ ǅ",
        "日本語 와 العربية",
        "mixed ASCII and Ω",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
}

#[wasm_bindgen_test]
fn checklist_and_answers_encode_byte_for_byte_like_serde_json() {
    #[derive(serde::Serialize)]
    struct Envelope<'a, T> {
        v: u32,
        data: &'a T,
    }
    let odd = "quote \" backslash \\ tab \t nl \n bell \u{7} é 😀 \u{2028}";
    let mut checklist = StoredChecklist::default();
    assert_eq!(
        encode_checklist(&checklist),
        serde_json::to_string(&Envelope {
            v: 1,
            data: &checklist
        })
        .expect("serialisable")
    );
    for (id, day) in [("session-find", (2026, 3, 17)), (odd, (1999, 12, 31))] {
        let date = chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2).expect("a date");
        checklist.done.insert(id.into(), date);
        checklist.notes.insert(id.into(), format!("{odd} {id}"));
    }
    let serde = serde_json::to_string(&Envelope {
        v: 1,
        data: &checklist,
    })
    .expect("serialisable");
    assert_eq!(encode_checklist(&checklist), serde);
    assert_eq!(checklist.to_stored().ok(), Some(serde.clone()));
    assert_eq!(decode_checklist(&serde).ok(), Some(checklist));

    let mut explainer = StoredExplainer::default();
    assert_eq!(
        encode_explainer(&explainer),
        serde_json::to_string(&Envelope {
            v: 1,
            data: &explainer
        })
        .expect("serialisable")
    );
    explainer.answers.insert("age".into(), vec!["yes".into()]);
    explainer
        .answers
        .insert("forms".into(), vec!["writing".into(), odd.into()]);
    explainer.answers.insert(odd.into(), vec![]);
    let serde = serde_json::to_string(&Envelope {
        v: 1,
        data: &explainer,
    })
    .expect("serialisable");
    assert_eq!(encode_explainer(&explainer), serde);
    assert_eq!(explainer.to_stored().ok(), Some(serde.clone()));
    assert_eq!(decode_explainer(&serde).ok(), Some(explainer));
}
