//! Plain Rust model of the app: no browser APIs, tested natively with `cargo test`.

pub mod activity;
pub mod backup;
pub mod bidi;
pub mod checklist;
pub mod embed;
pub mod events;
pub mod explainer;
pub mod faq;
pub mod feeds;
pub mod ics;
pub mod journal;
pub mod markdown;
pub mod peer;
pub mod reminder;
pub mod settings;
pub mod story;
