//! Peer feedback links: what the owner shares ([`PeerRequest`]) and what the peer sends
//! back ([`PeerReply`]), carried in a URL fragment that browsers never send to a server.
//!
//! The fragment is `r=1.<data>.<check>` (a request) or `f=1.<data>.<check>` (a reply):
//! `<data>` is the JSON compressed by the browser (deflate-raw, see `src/compress.rs`) and
//! base64url-encoded, `<check>` an FNV-1a checksum of `<data>` so that a link cut short by
//! a chat app or edited by hand is told apart from a good one before anything is decoded.
//! Everything from a link is untrusted: sizes are limited at every step and every field is
//! checked before it is shown (as text, or through the one safe Markdown renderer).
//!
//! ```
//! use mvp_pathway::domain::peer::{base64url_decode, base64url_encode, Fragment, Kind};
//! let data = base64url_encode(b"hello");
//! let fragment = Fragment::new(Kind::Request, &data).to_string();
//! let read = Fragment::parse(&fragment).unwrap();
//! assert_eq!(base64url_decode(&read.data).unwrap(), b"hello");
//! ```

use crate::domain::journal::validation::is_web_url;
use crate::domain::journal::{parse_iso_date, ActivityType, TITLE_MAX};
use crate::i18n::Key;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest fragment read from a link, in characters.
pub const MAX_FRAGMENT: usize = 48 * 1024;
/// Most bytes a link may decompress to (also enforced while decompressing).
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// Most entries in one request.
pub const MAX_ENTRIES: usize = 50;
/// Longest story draft carried, in characters.
pub const MAX_STORY: usize = 6_000;
/// Longest question to the peer and longest name, in characters.
pub const MAX_QUESTION: usize = 500;
pub const MAX_NAME: usize = 80;
/// Longest feedback, in characters.
pub const MAX_FEEDBACK: usize = 4_000;
/// Links longer than this may be cut or refused by common chat apps (Discord's message
/// limit is 2,000 characters; SMS and some email clients break long lines sooner).
pub const CHAT_LIMIT: usize = 2_000;
/// Format version written in every fragment.
pub const VERSION: u32 = 1;

/// One contribution as the peer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedEntry {
    #[serde(rename = "t")]
    pub title: String,
    /// ISO date.
    #[serde(rename = "d")]
    pub date: String,
    /// Activity type code.
    #[serde(rename = "k")]
    pub kind: String,
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The largest reach figure, 0 when none.
    #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
    pub reach: u64,
    #[serde(rename = "h", default, skip_serializing_if = "is_false")]
    pub high_impact: bool,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What the owner shares: a name, a question, the story draft (Markdown) and entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerRequest {
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "q", default, skip_serializing_if = "String::is_empty")]
    pub question: String,
    #[serde(rename = "s", default, skip_serializing_if = "String::is_empty")]
    pub story: String,
    #[serde(rename = "e", default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<SharedEntry>,
}

/// What the peer sends back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerReply {
    /// The peer's name, as they typed it.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// The owner's name from the request, so the owner knows which request it answers.
    #[serde(rename = "o", default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    #[serde(rename = "f")]
    pub feedback: String,
}

/// Why a link cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link has no shared data")]
    Missing,
    #[error("the link is longer than the app reads")]
    TooLong,
    #[error("the link was made by a newer version")]
    FutureVersion,
    #[error("the link is cut short or was changed")]
    Damaged,
    #[error("the link's content is not valid")]
    Invalid,
    #[error("this browser cannot decompress the link")]
    Unsupported,
}

impl LinkError {
    /// The translation key of its message.
    pub fn key(self) -> Key {
        match self {
            LinkError::Missing => Key::PeerErrMissing,
            LinkError::TooLong => Key::PeerErrTooLong,
            LinkError::FutureVersion => Key::PeerErrVersion,
            LinkError::Damaged => Key::PeerErrDamaged,
            LinkError::Invalid => Key::PeerErrInvalid,
            LinkError::Unsupported => Key::PeerErrUnsupported,
        }
    }
}

/// Which of the two links a fragment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request,
    Reply,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Request => "r",
            Kind::Reply => "f",
        }
    }

    /// The app route that opens this kind of link.
    pub fn route(self) -> &'static str {
        match self {
            Kind::Request => "/peer/view",
            Kind::Reply => "/peer/reply",
        }
    }
}

/// A parsed fragment: its kind and its (checked) base64url data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub kind: Kind,
    pub data: String,
}

/// FNV-1a (32 bits) of `bytes`, as 8 hex digits: catches truncation and edits, not forgery.
pub fn checksum(bytes: &[u8]) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

impl Fragment {
    /// A fragment for already-encoded `data`.
    pub fn new(kind: Kind, data: &str) -> Self {
        Fragment {
            kind,
            data: data.to_string(),
        }
    }

    /// Reads `#r=1.<data>.<check>` (with or without the `#`).
    pub fn parse(fragment: &str) -> Result<Fragment, LinkError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
        if fragment.is_empty() {
            return Err(LinkError::Missing);
        }
        if fragment.len() > MAX_FRAGMENT {
            return Err(LinkError::TooLong);
        }
        let (kind, rest) = if let Some(rest) = fragment.strip_prefix("r=") {
            (Kind::Request, rest)
        } else if let Some(rest) = fragment.strip_prefix("f=") {
            (Kind::Reply, rest)
        } else {
            return Err(LinkError::Missing);
        };
        let mut parts = rest.split('.');
        let (Some(version), Some(data), Some(check), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(LinkError::Damaged);
        };
        match version.parse::<u32>() {
            Ok(VERSION) => {}
            Ok(v) if v > VERSION => return Err(LinkError::FutureVersion),
            _ => return Err(LinkError::Damaged),
        }
        if data.is_empty() || checksum(data.as_bytes()) != check {
            return Err(LinkError::Damaged);
        }
        Ok(Fragment {
            kind,
            data: data.to_string(),
        })
    }
}

impl fmt::Display for Fragment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}={VERSION}.{}.{}",
            self.kind.prefix(),
            self.data,
            checksum(self.data.as_bytes())
        )
    }
}

/// The full link: `app_url` (ending with `/`) + the kind's route + `#` + fragment.
pub fn link(app_url: &str, kind: Kind, data: &str) -> String {
    format!(
        "{}{}#{}",
        app_url.trim_end_matches('/'),
        kind.route(),
        Fragment::new(kind, data)
    )
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648, section 5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url without padding; `Err(Damaged)` on any other character or length.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let value = |c: u8| -> Result<u32, LinkError> {
        ALPHABET
            .iter()
            .position(|a| *a == c)
            .map(|p| p as u32)
            .ok_or(LinkError::Damaged)
    };
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(LinkError::Damaged);
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

impl PeerRequest {
    /// The JSON that gets compressed.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads and checks decompressed JSON: sizes, dates, types; unsafe URLs are dropped.
    pub fn from_json(bytes: &[u8]) -> Result<PeerRequest, LinkError> {
        if bytes.len() > MAX_JSON_BYTES {
            return Err(LinkError::TooLong);
        }
        let mut request: PeerRequest =
            serde_json::from_slice(bytes).map_err(|_| LinkError::Invalid)?;
        let too_long = chars(&request.name) > MAX_NAME
            || chars(&request.question) > MAX_QUESTION
            || chars(&request.story) > MAX_STORY
            || request.entries.len() > MAX_ENTRIES;
        if too_long {
            return Err(LinkError::Invalid);
        }
        for e in &mut request.entries {
            let valid = !e.title.trim().is_empty()
                && chars(&e.title) <= TITLE_MAX
                && parse_iso_date(&e.date).is_some()
                && ActivityType::from_code(&e.kind).is_some();
            if !valid {
                return Err(LinkError::Invalid);
            }
            if e.url
                .as_deref()
                .is_some_and(|u| !is_web_url(u) || u.len() > 2_048)
            {
                e.url = None;
            }
        }
        Ok(request)
    }
}

impl PeerReply {
    /// The JSON that gets compressed.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads and checks decompressed JSON.
    pub fn from_json(bytes: &[u8]) -> Result<PeerReply, LinkError> {
        if bytes.len() > MAX_JSON_BYTES {
            return Err(LinkError::TooLong);
        }
        let reply: PeerReply = serde_json::from_slice(bytes).map_err(|_| LinkError::Invalid)?;
        if reply.feedback.trim().is_empty()
            || chars(&reply.feedback) > MAX_FEEDBACK
            || chars(&reply.from) > MAX_NAME
            || chars(&reply.to) > MAX_NAME
        {
            return Err(LinkError::Invalid);
        }
        Ok(reply)
    }

    /// The text added to the checklist's feedback notes.
    pub fn note(&self, heading: &str) -> String {
        format!("{heading}\n{}", self.feedback.trim())
    }
}

/// `existing` notes with `addition` after a blank line, if the result fits in `max`
/// characters.
pub fn append_note(existing: &str, addition: &str, max: usize) -> Option<String> {
    let joined = if existing.trim().is_empty() {
        addition.to_string()
    } else {
        format!("{}\n\n{addition}", existing.trim_end())
    };
    (chars(&joined) <= max).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..70u8 {
            let bytes: Vec<u8> = (0..n)
                .map(|i| i.wrapping_mul(37).wrapping_add(200))
                .collect();
            let text = base64url_encode(&bytes);
            assert!(text.bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(base64url_decode(&text).unwrap(), bytes);
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("ab+c"), Err(LinkError::Damaged));
        assert_eq!(base64url_decode("abcde"), Err(LinkError::Damaged));
    }

    #[test]
    fn fragments_detect_cuts_edits_and_versions() {
        let data = base64url_encode(b"some compressed bytes");
        let good = Fragment::new(Kind::Reply, &data).to_string();
        assert!(good.starts_with("f=1."));
        assert_eq!(
            Fragment::parse(&format!("#{good}")).unwrap().kind,
            Kind::Reply
        );
        let cut = &good[..good.len() - 12];
        assert_eq!(Fragment::parse(cut), Err(LinkError::Damaged));
        let edited = good.replacen(&data[..3], "AAA", 1);
        assert_eq!(Fragment::parse(&edited), Err(LinkError::Damaged));
        let future = good.replacen("f=1.", "f=9.", 1);
        assert_eq!(Fragment::parse(&future), Err(LinkError::FutureVersion));
        assert_eq!(Fragment::parse(""), Err(LinkError::Missing));
        assert_eq!(Fragment::parse("#top"), Err(LinkError::Missing));
        let long = format!("r=1.{}.x", "A".repeat(MAX_FRAGMENT));
        assert_eq!(Fragment::parse(&long), Err(LinkError::TooLong));
    }

    #[test]
    fn links_live_under_the_apps_address() {
        let l = link("https://example.org/pathway/", Kind::Request, "abc");
        assert_eq!(
            l,
            format!(
                "https://example.org/pathway/peer/view#r=1.abc.{}",
                checksum(b"abc")
            )
        );
    }

    #[test]
    fn requests_are_checked_and_unsafe_links_dropped() {
        let request = PeerRequest {
            name: "Ana".into(),
            question: "Is my story clear?".into(),
            story: "# My story\n\nI <script>run</script> a meetup.".into(),
            entries: vec![SharedEntry {
                title: "Talk".into(),
                date: "2026-10-01".into(),
                kind: "speaker-third-party".into(),
                url: Some("javascript:alert(1)".into()),
                reach: 120,
                high_impact: true,
            }],
        };
        let back = PeerRequest::from_json(request.to_json().as_bytes()).unwrap();
        assert_eq!(back.entries[0].url, None);
        assert_eq!(back.story, request.story, "kept as text; rendered safely");
        for bad in [
            r#"{"e":[{"t":"x","d":"2026-13-01","k":"blog"}]}"#,
            r#"{"e":[{"t":"x","d":"2026-01-01","k":"tweet"}]}"#,
            r#"{"e":[{"t":"","d":"2026-01-01","k":"blog"}]}"#,
            r#"{"e":"nope"}"#,
            "not json",
        ] {
            assert_eq!(
                PeerRequest::from_json(bad.as_bytes()),
                Err(LinkError::Invalid),
                "{bad}"
            );
        }
        let long_story = format!(r#"{{"s":"{}"}}"#, "x".repeat(MAX_STORY + 1));
        assert_eq!(
            PeerRequest::from_json(long_story.as_bytes()),
            Err(LinkError::Invalid)
        );
    }

    #[test]
    fn replies_are_checked_and_become_notes() {
        let reply = PeerReply {
            from: "Luis".into(),
            to: "Ana".into(),
            feedback: "Lead with the meetup numbers.".into(),
        };
        let back = PeerReply::from_json(reply.to_json().as_bytes()).unwrap();
        assert_eq!(back, reply);
        assert_eq!(
            PeerReply::from_json(br#"{"f":"   "}"#),
            Err(LinkError::Invalid)
        );
        assert_eq!(append_note("", "B", 10), Some("B".into()));
        assert_eq!(append_note("A\n", "B", 10), Some("A\n\nB".into()));
        assert_eq!(append_note("AAAAAAAA", "B", 10), None);
    }
}
