//! Shared UI pieces.

pub mod embed;
pub mod shell;
