//! One module per route.

pub mod about;
pub mod checklist;
pub mod home;
pub mod not_found;
pub mod settings;
pub mod story;
