//! Shared UI pieces.

pub mod backup;
pub mod embed;
pub mod entry_card;
pub mod feed_import;
pub mod journal_form;
pub mod meta;
pub mod print_summary;
pub mod reminder;
pub mod rendered_html;
pub mod shell;
