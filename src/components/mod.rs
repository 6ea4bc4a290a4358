//! Shared UI pieces.

pub mod shell;
