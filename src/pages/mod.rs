//! One module per route.

pub mod about;
pub mod checklist;
pub mod embed;
pub mod events;
pub mod explainer;
pub mod faq;
pub mod home;
pub mod journal;
pub mod not_found;
pub mod peer;
pub mod settings;
pub mod story;
