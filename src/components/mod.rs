//! Shared UI pieces.

pub mod journal_form;
pub mod shell;
