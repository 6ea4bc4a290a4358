//! Shared UI pieces.

pub mod embed;
pub mod feed_import;
pub mod journal_form;
pub mod print_summary;
pub mod reminder;
pub mod shell;
