//! Numbers, dates and plural categories from the browser's `Intl`, through the formatters
//! cached per language: the same text as `toLocaleString`, a second call and a switch of
//! language give the right language's text, and right-to-left languages isolate it.

use chrono::NaiveDate;
use mvp_pathway::i18n::{Lang, Plural};
use mvp_pathway::intl::{long_date, long_date_of_ms, number, plural_category};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn numbers_follow_each_language_across_calls() {
    for _ in 0..2 {
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::De, 1_234_567), "1.234.567");
        assert_eq!(number(Lang::Fr, 12_345), "12\u{202f}345");
        assert_eq!(number(Lang::Ja, 0), "0");
    }
    for n in [0u64, 7, 1_000, 98_765_432] {
        let browser: String = js_sys::Number::from(n as f64).to_locale_string("es").into();
        assert_eq!(number(Lang::Es, n), browser);
    }
    let arabic = number(Lang::Ar, 1_234);
    assert!(
        arabic.starts_with('\u{2068}') && arabic.ends_with('\u{2069}'),
        "{arabic:?}"
    );
}

#[wasm_bindgen_test]
fn long_dates_follow_each_language_across_calls() {
    let date = NaiveDate::from_ymd_opt(2027, 3, 17).expect("valid date");
    for _ in 0..2 {
        assert_eq!(long_date(Lang::En, date), "March 17, 2027");
        assert_eq!(long_date(Lang::Fr, date), "17 mars 2027");
        assert_eq!(long_date(Lang::Ja, date), "2027年3月17日");
        assert_eq!(long_date(Lang::Es, date), "17 de marzo de 2027");
    }
    // Noon UTC is the same calendar day in every time zone the test may run in.
    let ms = 1_805_284_800_000; // 2027-03-17T12:00:00Z
    assert_eq!(long_date_of_ms(Lang::De, ms), "17. März 2027");
}

#[wasm_bindgen_test]
fn long_dates_are_written_as_intl_writes_them() {
    // Most languages' long dates are written without `Intl` (month names in a fixed
    // pattern): every language must still match the browser, for every month and for days
    // of one and two digits, and for the local day of a moment.
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into()).expect("options");
    for lang in Lang::ALL {
        let locales = js_sys::Array::of1(&lang.code().into());
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        let intl = |date: &js_sys::Date| -> String {
            format
                .call1(&wasm_bindgen::JsValue::NULL, date)
                .expect("format")
                .as_string()
                .expect("text")
        };
        let bare = |text: String| {
            text.trim_start_matches('\u{2068}')
                .trim_end_matches('\u{2069}')
                .to_string()
        };
        for year in [1999, 2027] {
            for month in 1..=12 {
                for day in [1, 2, 9, 10, 28] {
                    let date = NaiveDate::from_ymd_opt(year, month, day).expect("valid date");
                    let browser = intl(&js_sys::Date::new_with_year_month_day(
                        year as u32,
                        month as i32 - 1,
                        day as i32,
                    ));
                    assert_eq!(bare(long_date(*lang, date)), browser, "{lang:?} {date}");
                }
            }
        }
        let ms = 1_805_284_800_000.0; // 2027-03-17T12:00:00Z
        let moment = js_sys::Date::new(&ms.into());
        assert_eq!(
            bare(long_date_of_ms(*lang, ms as i64)),
            intl(&moment),
            "{lang:?}"
        );
    }
}

#[wasm_bindgen_test]
fn a_moment_no_date_can_hold_is_written_as_nothing_rather_than_thrown() {
    // JavaScript dates end 8.64e15 ms either side of 1970; past that `Intl` and
    // `toISOString` throw, which would stop the page that writes the date.
    for lang in Lang::ALL {
        let text = long_date_of_ms(*lang, i64::MAX);
        assert_eq!(text.trim_matches(['\u{2068}', '\u{2069}']), "", "{lang:?}");
    }
    assert_eq!(
        long_date_of_ms(Lang::En, 8_640_000_000_000_000),
        "September 13, 275760"
    );
}

#[wasm_bindgen_test]
fn plural_categories_come_from_intl() {
    assert_eq!(plural_category(Lang::En, 1), Plural::One);
    assert_eq!(plural_category(Lang::En, 2), Plural::Other);
    assert_eq!(plural_category(Lang::Fr, 0), Plural::One);
    assert_eq!(plural_category(Lang::Ar, 106), Plural::Few);
    assert_eq!(plural_category(Lang::Ar, 11), Plural::Many);
    assert_eq!(plural_category(Lang::Ja, 1), Plural::Other);
}

#[wasm_bindgen_test]
fn numbers_are_written_as_each_language_writes_them() {
    // Where the language writes Western digits, numbers come grouped by our own table, without
    // a round trip through `Intl`: every language must still match the browser, around each
    // place a separator appears (Spanish groups only from five digits).
    for lang in Lang::ALL {
        for n in [
            0u64,
            5,
            42,
            999,
            1_000,
            4_321,
            9_999,
            10_000,
            54_321,
            100_000,
            654_321,
            1_000_000,
            7_654_321,
            123_456_789_012,
        ] {
            let browser: String = js_sys::Number::from(n as f64)
                .to_locale_string(lang.code())
                .into();
            let ours = number(*lang, n);
            assert_eq!(
                ours.trim_start_matches('\u{2068}')
                    .trim_end_matches('\u{2069}'),
                browser,
                "{lang:?} {n}"
            );
        }
    }
}
