//! Plain Rust model of the app: no browser APIs, tested natively with `cargo test`.

pub mod activity;
pub mod explainer;
pub mod markdown;
pub mod settings;
