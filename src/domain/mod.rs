//! Plain Rust model of the app: no browser APIs (but `case`, see there), tested natively
//! with `cargo test`.

pub mod activity;
pub mod backup;
pub mod bidi;
pub mod case;
pub mod checklist;
pub mod date_text;
pub mod embed;
pub mod events;
pub mod explainer;
pub mod faq;
pub mod feeds;
pub mod ics;
pub mod journal;
pub mod markdown;
pub mod order;
pub mod peer;
pub mod reminder;
pub mod settings;
pub mod story;

/// The text of a file's `bytes` as browsers read a text file (`FileReader.readAsText`,
/// WHATWG "decode"): a byte-order mark picks UTF-8, UTF-16LE or UTF-16BE and is dropped;
/// without one it is UTF-8. Invalid sequences become U+FFFD. Reading the bytes and decoding
/// them here costs one copy into Wasm memory, where the text read by the browser had to be
/// converted from a JS string character by character.
pub fn decode_file_text(mut bytes: Vec<u8>) -> String {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|pair| match pair {
                [a, b] => unit([*a, *b]),
                // An odd last byte: not a whole code unit.
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, ..] => {
            bytes.drain(..3);
        }
        _ => {}
    }
    // Valid UTF-8 (the usual case) is taken as it is, without a copy.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `n`'s digits in groups of three from the right, joined by `separator`, when it has at
/// least `min_grouping` digits more than one group (CLDR's `minimumGroupingDigits`).
pub fn group_digits(n: u64, separator: &str, min_grouping: usize) -> String {
    let digits = n.to_string();
    if digits.len() < 3 + min_grouping {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{decode_file_text, group_digits};

    #[test]
    fn digits_are_grouped_in_threes_from_the_right() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (4_321, "4,321"),
            (54_321, "54,321"),
            (654_321, "654,321"),
            (7_654_321, "7,654,321"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ] {
            assert_eq!(group_digits(n, ",", 1), text);
        }
        // Spanish: no separator in four digits.
        assert_eq!(group_digits(4_321, ".", 2), "4321");
        assert_eq!(group_digits(54_321, ".", 2), "54.321");
        assert_eq!(group_digits(7_654_321, ".", 2), "7.654.321");
        assert_eq!(group_digits(1_000, "\u{202f}", 1), "1\u{202f}000");
    }

    #[test]
    fn file_text_is_decoded_as_browsers_read_text_files() {
        assert_eq!(decode_file_text(b"{\"a\": 1}".to_vec()), "{\"a\": 1}");
        assert_eq!(
            decode_file_text("caf\u{e9}".as_bytes().to_vec()),
            "caf\u{e9}"
        );
        // A UTF-8 byte-order mark is dropped.
        assert_eq!(decode_file_text(b"\xEF\xBB\xBFtitle".to_vec()), "title");
        // Spreadsheet apps save "Unicode text" as UTF-16 with a byte-order mark.
        assert_eq!(decode_file_text(b"\xFF\xFEa\0\xE9\0".to_vec()), "a\u{e9}");
        assert_eq!(decode_file_text(b"\xFE\xFF\0a\0\xE9".to_vec()), "a\u{e9}");
        assert_eq!(decode_file_text(b"\xFF\xFEa\0b".to_vec()), "a\u{fffd}");
        // Bytes that are not UTF-8 become replacement characters, and the rest is kept.
        assert_eq!(decode_file_text(b"ok \xFF end".to_vec()), "ok \u{fffd} end");
        assert_eq!(decode_file_text(b"".to_vec()), "");
    }
}
