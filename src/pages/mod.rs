//! One module per route.

pub mod about;
pub mod explainer;
pub mod home;
pub mod not_found;
