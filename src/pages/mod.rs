//! One module per route.

pub mod about;
pub mod home;
pub mod journal;
pub mod not_found;
