//! One module per route.

pub mod about;
pub mod embed;
pub mod home;
pub mod not_found;
