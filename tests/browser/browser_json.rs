//! The settings and language files read with the browser's JSON parser (what the main Wasm
//! module does) agree with the serde_json path (what the rest of the app and the native
//! tests use).

use mvp_pathway::storage::browser_json::{decode_settings, encode_settings, string_array};
use mvp_pathway::storage::{decode, Document, StorageError, StoredSettings};
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
fn outcome(result: Result<StoredSettings, StorageError>) -> Result<StoredSettings, String> {
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
