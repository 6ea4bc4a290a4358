//! Shared UI pieces.

pub mod embed;
pub mod journal_form;
pub mod shell;
