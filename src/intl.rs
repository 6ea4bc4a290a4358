//! Counts, numbers and dates in the reader's language, at the view edge.
//!
//! In the browser the choice of a plural variant, number grouping and date wording come
//! from `Intl` (`PluralRules`, `Number.toLocaleString`, `Date.toLocaleDateString`), so the
//! app carries no locale data of its own. Native builds (`cargo test`) use the small rule
//! table in `i18n::Plural::of`, digits without grouping and ISO dates instead. `src/domain/`
//! never calls this module: it returns numbers and dates, views format them here.
//!
//! In a right-to-left language a number or date that goes into a sentence is isolated
//! (FSI…PDI, the plain-text `<bdi>`), so digits, separators and Latin text around them
//! keep their order; left-to-right texts are left byte for byte as they are.

use crate::domain::bidi::isolate;
use crate::i18n::{fill, tr_plural, Key, Lang, Plural};
#[cfg(target_arch = "wasm32")]
use chrono::Datelike;
use chrono::NaiveDate;

/// The CLDR plural category of `n` in `lang`.
pub fn plural_category(lang: Lang, n: u64) -> Plural {
    #[cfg(target_arch = "wasm32")]
    {
        browser::plural_category(lang, n)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Plural::of(lang, n)
    }
}

/// The variant of plural `key` for the count `n` (falls back to its `other` text).
pub fn plural(lang: Lang, key: Key, n: u64) -> &'static str {
    tr_plural(lang, key, plural_category(lang, n))
}

/// Plural `key` for the count `n`, with its placeholder `name` filled with `n` as `lang`
/// writes numbers: `count(lang, Key::JournalPreviewAdded, "n", 1)` is "1 entry will be
/// added." in English.
pub fn count(lang: Lang, key: Key, name: &str, n: u64) -> String {
    fill(plural(lang, key, n), &[(name, &number(lang, n))])
}

/// A whole number as `lang` writes it ("12,345", "12.345", "12 345"), isolated in
/// right-to-left languages.
pub fn number(lang: Lang, n: u64) -> String {
    #[cfg(target_arch = "wasm32")]
    let text = browser::remembered(&browser::NUMBERS, (lang, n), || {
        js_sys::Number::from(n as f64)
            .to_locale_string(lang.code())
            .into()
    });
    #[cfg(not(target_arch = "wasm32"))]
    let text = n.to_string();
    in_sentence(lang, text)
}

/// A date written out as `lang` writes it ("March 17, 2027", "17 de marzo de 2027",
/// "2027年3月17日"), isolated in right-to-left languages.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    let text = browser::remembered(&browser::DATES, (lang, date), || {
        browser::long_date(
            lang,
            js_sys::Date::new_with_year_month_day(
                date.year().max(0) as u32,
                date.month0() as i32,
                date.day() as i32,
            ),
        )
    });
    // Native builds (tests) have no locale data: the ISO date.
    #[cfg(not(target_arch = "wasm32"))]
    let text = date.to_string();
    in_sentence(lang, text)
}

/// The local date of a moment (milliseconds since 1970) written out as `lang` writes dates.
pub fn long_date_of_ms(lang: Lang, ms: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        in_sentence(lang, browser::long_date(lang, date))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let date = chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.date_naive())
            .unwrap_or_default();
        long_date(lang, date)
    }
}

fn in_sentence(lang: Lang, text: String) -> String {
    if lang.dir() == "rtl" {
        isolate(&text)
    } else {
        text
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::i18n::{Lang, Plural};
    use js_sys::Intl::PluralRules;
    use std::cell::RefCell;
    use std::collections::HashMap;

    thread_local! {
        /// One `Intl.PluralRules` per language, made on first use.
        static RULES: RefCell<Vec<(Lang, PluralRules)>> = const { RefCell::new(Vec::new()) };
        /// Dates and numbers already written: each `toLocale...String` call builds a new
        /// formatter inside the browser, which made up much of drawing a page of entries.
        pub static DATES: RefCell<HashMap<(Lang, chrono::NaiveDate), String>> = RefCell::new(HashMap::new());
        pub static NUMBERS: RefCell<HashMap<(Lang, u64), String>> = RefCell::new(HashMap::new());
    }

    /// Most texts each cache keeps (it starts again empty beyond that).
    const REMEMBERED: usize = 4_096;

    /// The text `make` gives for `key`, made once.
    pub fn remembered<K: std::hash::Hash + Eq>(
        cache: &'static std::thread::LocalKey<RefCell<HashMap<K, String>>>,
        key: K,
        make: impl FnOnce() -> String,
    ) -> String {
        if let Some(text) = cache.with(|c| c.borrow().get(&key).cloned()) {
            return text;
        }
        let text = make();
        cache.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= REMEMBERED {
                c.clear();
            }
            c.insert(key, text.clone());
        });
        text
    }

    pub fn plural_category(lang: Lang, n: u64) -> Plural {
        RULES.with(|rules| {
            let mut rules = rules.borrow_mut();
            let index = match rules.iter().position(|(l, _)| *l == lang) {
                Some(i) => i,
                None => {
                    let locales = js_sys::Array::of1(&lang.code().into());
                    rules.push((lang, PluralRules::new(&locales, &js_sys::Object::new())));
                    rules.len() - 1
                }
            };
            let name: String = rules[index].1.select(n as f64).into();
            Plural::from_name(&name)
        })
    }

    pub fn long_date(lang: Lang, date: js_sys::Date) -> String {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        date.to_locale_date_string(lang.code(), &options).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_is_singular_and_arabic_isolates_numbers() {
        assert_eq!(
            count(Lang::En, Key::JournalPreviewAdded, "n", 1),
            "1 entry will be added."
        );
        assert_eq!(
            count(Lang::En, Key::JournalPreviewAdded, "n", 3),
            "3 entries will be added."
        );
        assert_eq!(number(Lang::Ar, 12), "\u{2068}12\u{2069}");
    }

    #[test]
    fn dates_are_iso_natively_and_isolated_in_arabic() {
        let date = NaiveDate::from_ymd_opt(2027, 3, 17).unwrap_or_default();
        assert_eq!(long_date(Lang::En, date), "2027-03-17");
        assert_eq!(long_date(Lang::Ar, date), "\u{2068}2027-03-17\u{2069}");
        assert_eq!(long_date_of_ms(Lang::En, 1_805_000_000_000), "2027-03-14");
    }
}
