//! Shared UI pieces.

pub mod backup;
pub mod embed;
pub mod journal_form;
pub mod rendered_html;
pub mod shell;
