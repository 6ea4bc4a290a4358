//! Counts, numbers and dates in the reader's language, at the view edge.
//!
//! In the browser the choice of a plural variant comes from `Intl.PluralRules`. Numbers and
//! long dates come from small tables (digit grouping, CLDR's month names and date patterns)
//! in the languages whose forms are that simple, checked against `Intl` by browser tests,
//! because the first `Intl.NumberFormat` or `DateTimeFormat` of a page loads ICU data; the
//! other languages (Arabic) ask `Intl`, one formatter per language. Native builds (`cargo
//! test`) use the small rule table in `i18n::Plural::of`, the grouping table (plain digits
//! elsewhere) and ISO dates. `src/domain/`
//! never calls this module: it returns numbers and dates, views format them here.
//!
//! In a right-to-left language a number or date that goes into a sentence is isolated
//! (FSI…PDI, the plain-text `<bdi>`), so digits, separators and Latin text around them
//! keep their order; left-to-right texts are left byte for byte as they are.

use crate::domain::bidi::isolate;
use crate::i18n::{fill, tr_plural, Key, Lang, Plural};
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
    let text = match grouping(lang) {
        Some((separator, min_grouping)) => crate::domain::group_digits(n, separator, min_grouping),
        #[cfg(target_arch = "wasm32")]
        None => browser::number(lang, n),
        // Native builds (tests) have no locale data.
        #[cfg(not(target_arch = "wasm32"))]
        None => n.to_string(),
    };
    in_sentence(lang, text)
}

/// A date written out as `lang` writes it ("March 17, 2027", "17 de marzo de 2027",
/// "2027年3月17日"), isolated in right-to-left languages.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    let text = browser::day(lang, date);
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
        in_sentence(lang, browser::local_day(lang, date))
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

/// A day, or a span of days ("March 17, 2027 – March 19, 2027"), as `lang` writes dates.
pub fn long_date_range(lang: Lang, start: NaiveDate, end: Option<NaiveDate>) -> String {
    match end {
        Some(end) => format!("{} – {}", long_date(lang, start), long_date(lang, end)),
        None => long_date(lang, start),
    }
}

/// How `lang` groups the digits of a whole number, for the languages whose default
/// numbering system is Western digits in CLDR: the group separator, and the fewest digits
/// before the first separator (CLDR's `minimumGroupingDigits`: Spanish writes "4321" but
/// "54.321"). Their numbers never build an `Intl.NumberFormat`: the first one of a page
/// loads ICU's number data, which took 77 to 203 ms of the first long task of `/checklist`
/// and `/faq` at 4× CPU throttling (below 1,000; sampling profile, 2026-12-01), and 24 ms
/// of an import preview's 235 ms in a fresh page (4-digit counts; 2026-12-02). The browser
/// test `numbers_are_written_as_each_language_writes_them` compares them with `Intl`.
/// Arabic's default digits differ between browsers and ICU versions, so Arabic, and any
/// language not listed, asks `Intl`.
fn grouping(lang: Lang) -> Option<(&'static str, usize)> {
    match lang.code() {
        "en" | "ja" | "zh-Hans" => Some((",", 1)),
        "de" | "pt-BR" => Some((".", 1)),
        "es" => Some((".", 2)),
        // A narrow no-break space, as CLDR writes French groups.
        "fr" => Some(("\u{202f}", 1)),
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! One `Intl.PluralRules`, `Intl.NumberFormat` and `Intl.DateTimeFormat` per language,
    //! made on first use: `Number.toLocaleString` and `Date.toLocaleDateString` build a new
    //! formatter on every call, which made formatting a list's numbers and dates a visible
    //! share of a page's first long task (measured on `/faq` with 4× CPU throttling).
    use crate::i18n::{Lang, Plural};
    use chrono::{Datelike, NaiveDate};
    use js_sys::Intl::{DateTimeFormat, NumberFormat, PluralRules};
    use js_sys::{Array, Function, Object};
    use std::cell::RefCell;
    use std::thread::LocalKey;
    use wasm_bindgen::JsValue;

    type Cache<T> = RefCell<Vec<(Lang, T)>>;

    thread_local! {
        static RULES: Cache<PluralRules> = const { RefCell::new(Vec::new()) };
        /// The bound `format` functions of each language's formatters.
        static NUMBERS: Cache<Function> = const { RefCell::new(Vec::new()) };
        static DATES: Cache<Function> = const { RefCell::new(Vec::new()) };
        /// Whether the language writes 123 as "123": then a number below 1,000 (no group
        /// separator in any language) is its own digits, without a round trip through ICU
        /// (a page of journal cards writes up to 75 such figures).
        static PLAIN_SMALL: Cache<bool> = const { RefCell::new(Vec::new()) };
        /// Days already written out: a list built again (after a save, or going back to
        /// it) writes the same dates, and each `format` call is a round trip through ICU.
        /// A short list, not a hash map: a page shows a few dozen dates, and a map's
        /// hashing code would add 1.5 KB to the pages that format dates.
        static DAYS: Cache<(NaiveDate, String)> = const { RefCell::new(Vec::new()) };
    }

    /// The cached value for `lang`, made by `make` (given the language's locale list) the
    /// first time.
    fn cached<T: Clone + 'static>(
        cache: &'static LocalKey<Cache<T>>,
        lang: Lang,
        make: impl FnOnce(&Array) -> T,
    ) -> T {
        cache.with_borrow_mut(|values| {
            if let Some((_, value)) = values.iter().find(|(l, _)| *l == lang) {
                return value.clone();
            }
            let value = make(&Array::of1(&lang.code().into()));
            values.push((lang, value.clone()));
            value
        })
    }

    pub fn plural_category(lang: Lang, n: u64) -> Plural {
        let rules = cached(&RULES, lang, |locales| {
            PluralRules::new(locales, &Object::new())
        });
        let name: String = rules.select(n as f64).into();
        Plural::from_name(&name)
    }

    /// `n` in a language `grouping` has no table for.
    pub fn number(lang: Lang, n: u64) -> String {
        let plain = n < 1000
            && cached(&PLAIN_SMALL, lang, |_| {
                formatted(lang, 123).as_deref() == Some("123")
            });
        if plain {
            return n.to_string();
        }
        // Else the integer's own digits: formatting an f64 here would bring the float
        // formatting code into every page's chunk (+7 KB on the wire).
        formatted(lang, n).unwrap_or_else(|| n.to_string())
    }

    /// `n` as the language's `Intl.NumberFormat` writes it.
    fn formatted(lang: Lang, n: u64) -> Option<String> {
        let format = cached(&NUMBERS, lang, |locales| {
            NumberFormat::new(locales, &Object::new()).format()
        });
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
            .ok()
            .and_then(|text| text.as_string())
    }

    /// `date` written out as `lang` writes dates: from the month tables, or through `Intl`
    /// (from the cache when it was before).
    pub fn day(lang: Lang, date: NaiveDate) -> String {
        if let Some(text) = written_out(lang, date) {
            return text;
        }
        let known = DAYS.with_borrow(|days| {
            days.iter()
                .find(|(l, (d, _))| *l == lang && *d == date)
                .map(|(_, (_, text))| text.clone())
        });
        if let Some(text) = known {
            return text;
        }
        let text = long_date(
            lang,
            js_sys::Date::new_with_year_month_day(
                date.year().max(0) as u32,
                date.month0() as i32,
                date.day() as i32,
            ),
        );
        DAYS.with_borrow_mut(|days| {
            // A bound on memory and search time; a list shows 25 entries at first.
            if days.len() >= 200 {
                days.clear();
            }
            days.push((lang, (date, text.clone())));
        });
        text
    }

    /// `date` as the language's `Intl.DateTimeFormat` with `dateStyle: "long"` writes it,
    /// without `Intl`, for the languages whose long date is month names and Western digits
    /// in a fixed pattern (CLDR): the first `Intl.DateTimeFormat` of a page loads ICU's
    /// date data, which took 96 to 122 ms of the first long task of `/faq`, `/events` and
    /// `/embed/faq` at 4× CPU throttling (sampling profile, 2026-12-01). The browser test
    /// `long_dates_are_written_as_intl_writes_them` compares every month and several days
    /// of each of these languages with `Intl`. `None` for the others (Arabic), which ask
    /// `Intl`.
    fn written_out(lang: Lang, date: NaiveDate) -> Option<String> {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const ES: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        const DE: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const PT: [&str; 12] = [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ];
        let (y, m, d) = (date.year(), date.month0() as usize, date.day());
        if !(1..=9999).contains(&y) {
            return None;
        }
        Some(match lang.code() {
            "en" => format!("{} {d}, {y}", EN[m]),
            "es" => format!("{d} de {} de {y}", ES[m]),
            "de" => format!("{d}. {} {y}", DE[m]),
            "fr" => format!("{d} {} {y}", FR[m]),
            "pt-BR" => format!("{d} de {} de {y}", PT[m]),
            "ja" | "zh-Hans" => format!("{y}年{}月{d}日", m + 1),
            _ => return None,
        })
    }

    /// The local calendar day of `date` written out as `lang` writes dates.
    pub fn local_day(lang: Lang, date: js_sys::Date) -> String {
        NaiveDate::from_ymd_opt(
            date.get_full_year() as i32,
            date.get_month() + 1,
            date.get_date(),
        )
        .and_then(|day| written_out(lang, day))
        .unwrap_or_else(|| long_date(lang, date))
    }

    fn long_date(lang: Lang, date: js_sys::Date) -> String {
        let format = cached(&DATES, lang, |locales| {
            let options = Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
            DateTimeFormat::new(locales, &options).format()
        });
        format
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| {
                // `toISOString` throws on a date that holds no moment (out of range).
                if date.get_time().is_nan() {
                    return String::new();
                }
                String::from(date.to_iso_string())
                    .chars()
                    .take(10)
                    .collect()
            })
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
