//! The journal's files: the portable entry record (shared by storage and the JSON
//! backup), the versioned JSON backup and its import, CSV, and the Markdown summary.

use super::stats::{calendar, in_window, rolling_window};
use super::validation::check_entry;
use super::{
    areas::area, push_lowercase, ActivityType, Audience, Entry, Figure, Figures, Journal, MsEvent,
    Role, EXACT_MAX,
};
use crate::i18n::{fill, tr, tr_plural, Key, Lang, Plural};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Name written in every backup, so that other JSON files are recognised as such.
pub const BACKUP_FORMAT: &str = "mvp-pathway-journal";
/// Current backup version; bump it when [`EntryRecord`] changes shape.
pub const BACKUP_VERSION: u32 = 1;
/// Largest backup file the app reads (bytes).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Most entries one backup may hold.
pub const MAX_IMPORT_ENTRIES: usize = 20_000;

/// One entry as written to storage and backups: plain codes and ISO dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub private_notes: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    #[serde(default = "one")]
    pub quantity: u32,
    #[serde(default)]
    pub figures: BTreeMap<String, u64>,
    #[serde(default)]
    pub high_impact: bool,
    #[serde(default)]
    pub created_ms: i64,
    #[serde(default)]
    pub updated_ms: i64,
}

fn one() -> u32 {
    1
}

impl From<&Entry> for EntryRecord {
    fn from(e: &Entry) -> Self {
        EntryRecord {
            id: e.id.clone(),
            kind: e.kind.code().into(),
            title: e.title.clone(),
            description: e.description.clone(),
            private_notes: e.private_notes.clone(),
            date: e.date.to_string(),
            end_date: e.end_date.map(|d| d.to_string()),
            url: e.url.clone(),
            areas: e.areas.clone(),
            audiences: e.audiences.iter().map(|a| a.code().to_string()).collect(),
            role: e.role.map(|r| r.code().to_string()),
            event: e.event.map(|r| r.code().to_string()),
            quantity: e.quantity,
            figures: crate::domain::order::map_of(
                e.figures.iter().map(|(f, v)| (f.code().to_string(), v)),
            ),
            high_impact: e.high_impact,
            created_ms: e.created_ms,
            updated_ms: e.updated_ms,
        }
    }
}

impl TryFrom<EntryRecord> for Entry {
    type Error = String;

    /// Refuses unknown codes and anything the entry form would refuse.
    fn try_from(r: EntryRecord) -> Result<Self, String> {
        let date = |s: &str| super::parse_iso_date(s).ok_or_else(|| format!("bad date {s:?}"));
        let kind =
            ActivityType::from_code(&r.kind).ok_or_else(|| format!("unknown type {:?}", r.kind))?;
        let mut figures = Figures::default();
        for (code, value) in &r.figures {
            let figure =
                Figure::from_code(code).ok_or_else(|| format!("unknown figure {code:?}"))?;
            if kind.figures().contains(&figure) {
                figures.set(figure, Some(*value));
            }
        }
        let entry = Entry {
            id: r.id,
            kind,
            title: r.title,
            description: r.description,
            private_notes: r.private_notes,
            date: date(&r.date)?,
            end_date: r.end_date.as_deref().map(date).transpose()?,
            url: r.url.filter(|u| !u.is_empty()),
            areas: r.areas,
            audiences: r
                .audiences
                .iter()
                .map(|a| Audience::from_code(a).ok_or_else(|| format!("unknown audience {a:?}")))
                .collect::<Result<_, _>>()?,
            role: r
                .role
                .as_deref()
                .map(|c| Role::from_code(c).ok_or_else(|| format!("unknown role {c:?}")))
                .transpose()?,
            event: r
                .event
                .as_deref()
                .map(|c| MsEvent::from_code(c).ok_or_else(|| format!("unknown event {c:?}")))
                .transpose()?,
            quantity: r.quantity.max(1),
            figures,
            high_impact: r.high_impact,
            created_ms: r.created_ms,
            updated_ms: r.updated_ms,
        };
        if entry.id.trim().is_empty() || entry.id.len() > 64 {
            return Err("missing or overlong id".into());
        }
        if [entry.created_ms, entry.updated_ms]
            .iter()
            .any(|ms| ms.unsigned_abs() > EXACT_MAX)
        {
            return Err("timestamp out of range".into());
        }
        check_entry(&entry)
            .map_err(|(field, problem)| format!("{}: {}", field.name(), problem.describe()))?;
        Ok(entry)
    }
}

/// The JSON backup file.
#[derive(Debug, Serialize, Deserialize)]
struct Backup {
    format: String,
    version: u32,
    #[serde(default)]
    exported: String,
    entries: Vec<serde_json::Value>,
}

/// A versioned JSON backup of the whole journal.
pub fn export_json(journal: &Journal, today: NaiveDate) -> String {
    let backup = serde_json::json!({
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "exported": today.to_string(),
        "entries": journal.entries().iter().map(EntryRecord::from).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// Why a file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("the file is not valid JSON: {0}")]
    NotJson(String),
    #[error("the file is not a journal backup")]
    NotABackup,
    #[error("the backup comes from a newer version (format {0})")]
    FutureVersion(u32),
    #[error("the backup holds more entries than the app accepts")]
    TooManyEntries,
}

impl ImportError {
    /// The translation key of its message.
    pub fn key(&self) -> Key {
        match self {
            ImportError::TooLarge => Key::JournalImportErrTooLarge,
            ImportError::NotJson(_) => Key::JournalImportErrJson,
            ImportError::NotABackup => Key::JournalImportErrFormat,
            ImportError::FutureVersion(_) => Key::JournalImportErrVersion,
            ImportError::TooManyEntries => Key::JournalImportErrTooMany,
        }
    }
}

/// An entry of the file that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its title (shown as text), or its position when it has none.
    pub title: String,
    pub reason: SkipReason,
}

/// Why an entry of a backup is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The journal already holds exactly this entry.
    Unchanged,
    /// The journal holds a more recent edit of this entry.
    Older,
    /// Another entry has the same title and URL (or, without URL, title, type and date).
    Duplicate,
    /// The entry breaks a rule (unknown type, title too long, unsafe URL...).
    Invalid,
}

impl SkipReason {
    /// The translation key of its explanation.
    pub fn key(self) -> Key {
        match self {
            SkipReason::Unchanged => Key::JournalSkipUnchanged,
            SkipReason::Older => Key::JournalSkipOlder,
            SkipReason::Duplicate => Key::JournalSkipDuplicate,
            SkipReason::Invalid => Key::JournalSkipInvalid,
        }
    }
}

/// A backup read in one pass, each entry straight into an [`EntryRecord`] (a 5,000-entry
/// file read through `Value` twice took most of the import preview's time; keeping each
/// entry's text first and reading it after took a second pass over the file).
#[derive(Deserialize)]
struct DirectBackup {
    format: String,
    version: u32,
    #[serde(default)]
    #[allow(dead_code)]
    exported: String,
    entries: Vec<EntryRecord>,
}

/// Reads a backup: every entry, or why it cannot be used. Nothing is changed.
pub fn parse_backup(text: &str) -> Result<Vec<Result<Entry, Skipped>>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    // Editors on Windows start files with a byte-order mark; JSON has no place for one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if plain_json(text) {
        if let Some(read) = parse_backup_direct(text) {
            return read;
        }
    }
    parse_backup_values(text)
}

/// Checks a backup's header and entry count.
fn check_backup(format: &str, version: u32, entries: usize) -> Result<(), ImportError> {
    if format != BACKUP_FORMAT || version == 0 {
        return Err(ImportError::NotABackup);
    }
    if version > BACKUP_VERSION {
        return Err(ImportError::FutureVersion(version));
    }
    if entries > MAX_IMPORT_ENTRIES {
        return Err(ImportError::TooManyEntries);
    }
    Ok(())
}

/// The whole file read as a `Value` first, then each entry: what tells a file that is not
/// JSON from one that is not a backup, and reads any entry the direct way cannot.
fn parse_backup_values(text: &str) -> Result<Vec<Result<Entry, Skipped>>, ImportError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let backup: Backup = serde_json::from_value(value).map_err(|_| ImportError::NotABackup)?;
    check_backup(&backup.format, backup.version, backup.entries.len())?;
    Ok(backup
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, value)| entry_of_value(value, i))
        .collect())
}

/// The file read in one pass, each entry straight into an [`EntryRecord`]. `None` when the
/// file or any entry does not read this way (a repeated field, a wrong type...): then the
/// file goes through [`parse_backup_values`], whose answer is the reference.
fn parse_backup_direct(text: &str) -> Option<Result<Vec<Result<Entry, Skipped>>, ImportError>> {
    let backup = serde_json::from_str::<DirectBackup>(text).ok()?;
    if let Err(e) = check_backup(&backup.format, backup.version, backup.entries.len()) {
        return Some(Err(e));
    }
    let read = backup
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, record)| {
            let title = record.title.clone();
            Entry::try_from(record).map_err(|_| Skipped {
                title: skipped_title(Some(&title), i),
                reason: SkipReason::Invalid,
            })
        })
        .collect();
    Some(Ok(read))
}

/// Whether `text` holds nothing that reading it as a `Value` refuses but skipping over it
/// lets through (serde_json checks nesting depth, number range and `\u` escapes only when
/// it keeps a value): no deep nesting, no number with an exponent or many digits, no
/// escape but the simple ones, no control character in a string. Anything else is read
/// the reference way.
fn plain_json(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut depth, mut in_string, mut digits) = (0usize, false, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'"' => in_string = false,
                b'\\' => {
                    if !matches!(
                        bytes.get(i + 1),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't')
                    ) {
                        return false;
                    }
                    i += 1;
                }
                0..=0x1f => return false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > 32 {
                        return false;
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'e' | b'E' if digits > 0 => return false,
                b'0'..=b'9' => {
                    // A leading zero followed by a digit is not JSON.
                    if digits == 1 && i.checked_sub(1).and_then(|j| bytes.get(j)) == Some(&b'0') {
                        return false;
                    }
                    digits += 1;
                    if digits > 18 {
                        return false;
                    }
                    i += 1;
                    continue;
                }
                b'.' | b'-' | b'+' if digits > 0 => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            digits = 0;
        }
        i += 1;
    }
    true
}

/// The title a skipped entry is listed with: its own (at most 120 characters), else its
/// position.
fn title_of(value: &serde_json::Value, i: usize) -> String {
    skipped_title(value.get("title").and_then(|t| t.as_str()), i)
}

/// How a skipped entry (the `i`th) is named in the preview: its title, or its number.
fn skipped_title(title: Option<&str>, i: usize) -> String {
    title
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.chars().take(120).collect())
        .unwrap_or_else(|| format!("#{}", i + 1))
}

fn entry_of_value(value: serde_json::Value, i: usize) -> Result<Entry, Skipped> {
    let title = title_of(&value, i);
    serde_json::from_value::<EntryRecord>(value)
        .map_err(|e| e.to_string())
        .and_then(Entry::try_from)
        .map_err(|_| Skipped {
            title,
            reason: SkipReason::Invalid,
        })
}

/// How an import treats the current journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Keep current entries; add new ones, update older copies, skip duplicates.
    #[default]
    Merge,
    /// The backup's entries become the whole journal.
    Replace,
}

/// What an import will do, shown to the user before anything changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub added: Vec<Entry>,
    pub updated: Vec<Entry>,
    pub skipped: Vec<Skipped>,
    /// Entries of the current journal that a replace removes.
    pub removed: usize,
}

/// What makes two entries the same contribution: the title with its spaces collapsed, any
/// case, and the link (or, without one, the type and date).
fn dedup_key(e: &Entry) -> String {
    fn join<'a>(words: impl Iterator<Item = &'a str>, out: &mut String) {
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    // Pieces pushed one by one: `format!` costs more than the rest of this for a
    // 5,000-entry import.
    let mut key = String::with_capacity(e.title.len() + 64);
    key.push_str(if e.url.is_some() { "u\n" } else { "d\n" });
    // ASCII whitespace is Unicode whitespace there, but for the vertical tab.
    if e.title.is_ascii() && !e.title.contains('\u{b}') {
        let start = key.len();
        join(e.title.split_ascii_whitespace(), &mut key);
        key[start..].make_ascii_lowercase();
    } else {
        let mut title = String::with_capacity(e.title.len());
        join(e.title.split_whitespace(), &mut title);
        push_lowercase(&mut key, &title);
    }
    key.push('\n');
    match &e.url {
        Some(url) => push_lowercase(&mut key, url.trim().trim_end_matches('/')),
        None => {
            key.push_str(e.kind.code());
            key.push('\n');
            key.push_str(&e.date.to_string());
        }
    }
    key
}

/// Works out what importing `incoming` into `current` would do.
pub fn plan_import(
    current: &Journal,
    incoming: Vec<Result<Entry, Skipped>>,
    mode: ImportMode,
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    // Hash sets: only membership is asked, and 5,000 long keys sharing their start made
    // ordered sets slow.
    let by_id: HashMap<&str, &Entry> = match mode {
        ImportMode::Merge => current
            .entries()
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect(),
        ImportMode::Replace => HashMap::new(),
    };
    let mut seen_keys: HashSet<String> = match mode {
        ImportMode::Merge => current.entries().iter().map(dedup_key).collect(),
        ImportMode::Replace => HashSet::new(),
    };
    let mut seen_ids: HashSet<String> = HashSet::new();
    for item in incoming {
        let entry = match item {
            Ok(e) => e,
            Err(skipped) => {
                plan.skipped.push(skipped);
                continue;
            }
        };
        let skip = |reason| Skipped {
            title: entry.title.clone(),
            reason,
        };
        if !seen_ids.insert(entry.id.clone()) {
            plan.skipped.push(skip(SkipReason::Duplicate));
            continue;
        }
        if let Some(existing) = by_id.get(entry.id.as_str()) {
            if **existing == entry {
                plan.skipped.push(skip(SkipReason::Unchanged));
            } else if entry.updated_ms > existing.updated_ms {
                seen_keys.insert(dedup_key(&entry));
                plan.updated.push(entry);
            } else {
                plan.skipped.push(skip(SkipReason::Older));
            }
            continue;
        }
        if !seen_keys.insert(dedup_key(&entry)) {
            plan.skipped.push(skip(SkipReason::Duplicate));
            continue;
        }
        plan.added.push(entry);
    }
    if mode == ImportMode::Replace {
        plan.removed = current.len();
    }
    plan
}

/// The journal after carrying out `plan`.
pub fn apply_import(current: &Journal, plan: &ImportPlan, mode: ImportMode) -> Journal {
    let mut entries: Vec<Entry> = match mode {
        ImportMode::Replace => Vec::with_capacity(plan.added.len()),
        ImportMode::Merge => {
            let updated: BTreeSet<&str> = plan.updated.iter().map(|e| e.id.as_str()).collect();
            current
                .entries()
                .iter()
                .filter(|e| !updated.contains(e.id.as_str()))
                .cloned()
                .collect()
        }
    };
    entries.extend(plan.updated.iter().cloned());
    entries.extend(plan.added.iter().cloned());
    Journal::from_entries(entries)
}

impl Journal {
    /// Carries out `plan` in place (what [`apply_import`] returns, without copying the
    /// entries already held): the months it touches count as changed.
    pub fn apply_plan(&mut self, plan: &ImportPlan, mode: ImportMode) {
        if mode == ImportMode::Replace {
            self.clear();
        }
        let incoming: Vec<Entry> = plan.updated.iter().chain(&plan.added).cloned().collect();
        self.insert_many(incoming);
    }
}

/// CSV columns, named like the portal's fields.
const CSV_HEADER: [&str; 21] = [
    "Activity type",
    "Title",
    "Description",
    "Private description",
    "Date",
    "End date",
    "URL",
    "Primary technology area",
    "Additional technology areas",
    "Target audience",
    "Role",
    "Microsoft event",
    "Quantity",
    "Views",
    "Subscriber base",
    "Sessions",
    "Listens or views",
    "Live stream views",
    "On-demand views",
    "In-person attendees",
    "High impact",
];

/// One row per entry, RFC 4180 (CRLF, quoted where needed), UTF-8 with a byte-order mark
/// so that spreadsheet apps detect the encoding. Labels are the portal's (English) names.
pub fn export_csv(journal: &Journal) -> String {
    let en = |k: Key| tr(Lang::En, k).to_string();
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for e in journal.entries() {
        let area_name = |code: &String| {
            area(code)
                .map(|a| en(a.key))
                .unwrap_or_else(|| code.clone())
        };
        let figure = |f: Figure| e.figures.get(f).map(|v| v.to_string()).unwrap_or_default();
        let row = vec![
            en(e.kind.key()),
            e.title.clone(),
            e.description.clone(),
            e.private_notes.clone(),
            e.date.to_string(),
            e.end_date.map(|d| d.to_string()).unwrap_or_default(),
            e.url.clone().unwrap_or_default(),
            e.areas.first().map(area_name).unwrap_or_default(),
            e.areas
                .iter()
                .skip(1)
                .map(area_name)
                .collect::<Vec<_>>()
                .join("; "),
            e.audiences
                .iter()
                .map(|a| en(a.key()))
                .collect::<Vec<_>>()
                .join("; "),
            e.role.map(|r| en(r.key())).unwrap_or_default(),
            e.event.map(|v| en(v.key())).unwrap_or_default(),
            e.quantity.to_string(),
            figure(Figure::Views),
            figure(Figure::Subscribers),
            figure(Figure::Sessions),
            figure(Figure::Listens),
            figure(Figure::LiveViews),
            figure(Figure::OnDemandViews),
            figure(Figure::Attendees),
            if e.high_impact {
                "Yes".into()
            } else {
                "No".into()
            },
        ];
        push_row(&mut out, row.into_iter());
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

/// Quotes a cell where RFC 4180 needs it, and defuses text a spreadsheet would run as a
/// formula (a leading `=`, `+`, `-`, `@`) by starting it with an apostrophe.
fn csv_cell(cell: &str) -> String {
    let defused;
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        defused = format!("'{cell}");
        defused.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A whole number with the language's thousands separator.
pub fn format_count(n: u64, lang: Lang) -> String {
    crate::domain::group_digits(n, tr(lang, Key::JournalThousandsSep), 1)
}

/// Escapes text so that Markdown shows it as written.
fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '(' | ')'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The entries of the last 12 months grouped by type, with figures and links, ready to
/// paste into a nomination. Private notes are left out.
pub fn markdown_summary(journal: &Journal, today: NaiveDate, lang: Lang) -> String {
    let (start, end) = rolling_window(today);
    let t = |k: Key| tr(lang, k);
    let recent: Vec<&Entry> = journal
        .entries()
        .iter()
        .filter(|e| in_window(e, today))
        .collect();
    let active = calendar(journal, today)
        .iter()
        .filter(|m| m.count > 0)
        .count();
    let mut out = format!(
        "# {}\n\n",
        fill(
            t(Key::JournalSummaryTitle),
            &[("from", &start.to_string()), ("to", &end.to_string())]
        )
    );
    if recent.is_empty() {
        out.push_str(t(Key::JournalSummaryEmpty));
        out.push('\n');
        return out;
    }
    // A file, not a view: the plural rule comes from the Rust table, not the browser.
    out.push_str(&fill(
        tr_plural(
            lang,
            Key::JournalSummaryLead,
            Plural::of(lang, recent.len() as u64),
        ),
        &[
            ("count", &recent.len().to_string()),
            ("months", &active.to_string()),
        ],
    ));
    out.push('\n');
    for kind in ActivityType::ALL {
        let of_kind: Vec<&&Entry> = recent.iter().filter(|e| e.kind == *kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {} ({})\n\n",
            md_text(t(kind.key())),
            of_kind.len()
        ));
        for e in of_kind {
            let title = md_text(&e.title);
            match &e.url {
                Some(url) => out.push_str(&format!(
                    "- [{title}](<{}>)",
                    url.replace('<', "%3C").replace('>', "%3E")
                )),
                None => out.push_str(&format!("- {title}")),
            }
            out.push_str(&format!(" — {}", e.date));
            if let Some(end) = e.end_date.filter(|d| *d != e.date) {
                out.push_str(&format!(" – {end}"));
            }
            for (f, v) in e.figures.iter() {
                out.push_str(&format!(" · {}: {}", t(f.key()), format_count(v, lang)));
            }
            if e.high_impact {
                out.push_str(&format!(" · **{}**", t(Key::JournalHighImpact)));
            }
            out.push('\n');
            let description = e
                .description
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !description.is_empty() {
                out.push_str(&format!("  {description}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Four valid entries with distinct titles and links.
    fn sample_journal() -> Journal {
        let kinds = [
            ActivityType::Blog,
            ActivityType::Podcast,
            ActivityType::SpeakerThirdParty,
            ActivityType::Blog,
        ];
        Journal::from_entries(
            kinds
                .iter()
                .enumerate()
                .map(|(i, kind)| {
                    let mut e = Entry::new(format!("id{i}"), *kind, day(2026, 1 + i as u32, 3));
                    e.title = format!("Entry {i}");
                    e.url = Some(format!("https://example.org/{i}"));
                    e.created_ms = 1_700_000_000_000 + i as i64;
                    e.updated_ms = e.created_ms + 5;
                    e
                })
                .collect(),
        )
    }

    fn import(current: &Journal, text: &str, mode: ImportMode) -> (Journal, ImportPlan) {
        let parsed = parse_backup(text).unwrap();
        let plan = plan_import(current, parsed, mode);
        let copied = apply_import(current, &plan, mode);
        let mut in_place = current.clone();
        in_place.apply_plan(&plan, mode);
        assert_eq!(in_place, copied, "in place and copied imports agree");
        for (i, e) in in_place.entries().iter().enumerate() {
            assert_eq!(
                in_place.search_text_at(i),
                crate::domain::journal::search_text(e)
            );
        }
        (copied, plan)
    }

    /// Timestamps beyond what every JSON reader keeps exactly are refused with the entry,
    /// so storage never holds a number the browser would read back rounded.
    #[test]
    fn records_with_timestamps_beyond_exact_numbers_are_refused() {
        let e = &sample_journal().entries()[0].clone();
        let edge = EntryRecord {
            created_ms: -(EXACT_MAX as i64),
            updated_ms: EXACT_MAX as i64,
            ..EntryRecord::from(e)
        };
        assert!(Entry::try_from(edge).is_ok());
        for ms in [
            EXACT_MAX as i64 + 1,
            -(EXACT_MAX as i64) - 1,
            i64::MAX,
            i64::MIN,
        ] {
            let created = EntryRecord {
                created_ms: ms,
                ..EntryRecord::from(e)
            };
            assert_eq!(
                Entry::try_from(created),
                Err("timestamp out of range".to_string())
            );
            let updated = EntryRecord {
                updated_ms: ms,
                ..EntryRecord::from(e)
            };
            assert!(Entry::try_from(updated).is_err());
        }
    }

    #[test]
    fn merge_adds_updates_and_skips() {
        let base = sample_journal();
        let mut newer = base.entries()[0].clone();
        newer.title = "Edited on the laptop".into();
        newer.updated_ms += 10;
        let mut older = base.entries()[1].clone();
        older.title = "Stale copy".into();
        older.updated_ms -= 10;
        let mut dup = base.entries()[2].clone();
        dup.id = "other-id".into();
        let mut fresh = Entry::new("brand-new", ActivityType::Podcast, day(2026, 4, 4));
        fresh.title = "New episode".into();
        let incoming = Journal::from_entries(vec![
            newer.clone(),
            older,
            dup,
            base.entries()[3].clone(),
            fresh.clone(),
        ]);
        let text = export_json(&incoming, day(2026, 11, 27));
        let (merged, plan) = import(&base, &text, ImportMode::Merge);
        assert_eq!(plan.added, [fresh.clone()]);
        assert_eq!(plan.updated, [newer.clone()]);
        let reasons: Vec<SkipReason> = plan.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(reasons.len(), 3);
        for r in [
            SkipReason::Older,
            SkipReason::Duplicate,
            SkipReason::Unchanged,
        ] {
            assert!(reasons.contains(&r), "{reasons:?}");
        }
        assert_eq!(merged.len(), 5);
        assert_eq!(merged.get(&newer.id).unwrap().title, "Edited on the laptop");
        assert_eq!(merged.get(&base.entries()[1].id), Some(&base.entries()[1]));
    }

    /// The direct reading gives exactly what reading through `Value` gives, for ordinary
    /// backups and for every hostile file; files it cannot vouch for go the `Value` way.
    #[test]
    fn the_direct_reading_answers_as_the_value_reading() {
        let mut texts: Vec<(String, String)> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile");
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((path.display().to_string(), text));
            }
        }
        let export = export_json(&sample_journal(), day(2026, 11, 27));
        assert!(plain_json(&export) && parse_backup_direct(&export).is_some());
        let first = r#""entries": [
    {"#;
        let variants = [
            ("plain", export.clone()),
            (
                "duplicate field",
                export.replacen(first, &format!("{first}\"title\": \"first\","), 1),
            ),
            (
                "deep unknown field",
                export.replacen(
                    first,
                    &format!("{first}\"x\": {}1{},", "[".repeat(200), "]".repeat(200)),
                    1,
                ),
            ),
            (
                "exponent",
                export.replacen(first, &format!("{first}\"x\": 1e400,"), 1),
            ),
            (
                "long number",
                export.replacen(first, &format!("{first}\"x\": {},", "9".repeat(400)), 1),
            ),
            (
                "leading zero",
                export.replacen(first, &format!("{first}\"x\": 01,"), 1),
            ),
            (
                "lone surrogate",
                export.replacen(first, &format!("{first}\"x\": \"\\ud800\","), 1),
            ),
            (
                "unicode escape",
                export.replacen("\"Entry ", "\"\\u0045ntry ", 1),
            ),
            (
                "wrong type",
                export.replacen("\"quantity\": 1", "\"quantity\": \"1\"", 1),
            ),
            (
                "bad entry",
                export.replacen("\"type\": \"blog\"", "\"type\": \"tweet\"", 1),
            ),
            (
                "future",
                export.replacen("\"version\": 1", "\"version\": 9", 1),
            ),
        ];
        for (name, text) in variants {
            assert!(
                name == "plain" || text != export,
                "{name}: the variant must change the file"
            );
            texts.push((name.to_string(), text));
        }
        for (name, text) in texts {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            assert_eq!(
                format!("{:?}", parse_backup(text)),
                format!("{:?}", parse_backup_values(text)),
                "{name}"
            );
        }
    }

    #[test]
    fn bad_files_are_refused_whole() {
        assert!(matches!(parse_backup("{"), Err(ImportError::NotJson(_))));
        assert_eq!(parse_backup("[1,2]").unwrap_err(), ImportError::NotABackup);
        assert_eq!(
            parse_backup(r#"{"format":"other","version":1,"entries":[]}"#).unwrap_err(),
            ImportError::NotABackup
        );
        assert_eq!(
            parse_backup(r#"{"format":"mvp-pathway-journal","version":9,"entries":[]}"#)
                .unwrap_err(),
            ImportError::FutureVersion(9)
        );
        let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
        assert_eq!(parse_backup(&big).unwrap_err(), ImportError::TooLarge);
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(
            matches!(parse_backup(&deep), Err(ImportError::NotJson(_))),
            "deep nesting is refused, not a crash"
        );
    }

    #[test]
    fn hostile_entries_are_skipped_as_invalid() {
        let text = r#"{"format":"mvp-pathway-journal","version":1,"entries":[
            {"id":"a","type":"blog","title":"XSS","date":"2026-01-01","url":"javascript:alert(1)"},
            {"id":"b","type":"blog","title":"<img src=x onerror=alert(1)>","date":"2026-01-01"},
            {"id":"c","type":"rocket","title":"Unknown","date":"2026-01-01"},
            {"id":"d","type":"blog","title":"Bad date","date":"2026-13-01"},
            {"id":"e","type":"blog","title":"","date":"2026-01-01"},
            "not an object"
        ]}"#;
        let parsed = parse_backup(text).unwrap();
        let plan = plan_import(&Journal::default(), parsed, ImportMode::Merge);
        assert_eq!(plan.added.len(), 1, "a title is only text: kept as written");
        assert_eq!(plan.added[0].title, "<img src=x onerror=alert(1)>");
        let skipped: Vec<(&str, SkipReason)> = plan
            .skipped
            .iter()
            .map(|s| (s.title.as_str(), s.reason))
            .collect();
        assert_eq!(
            skipped,
            [
                ("XSS", SkipReason::Invalid),
                ("Unknown", SkipReason::Invalid),
                ("Bad date", SkipReason::Invalid),
                ("#5", SkipReason::Invalid),
                ("#6", SkipReason::Invalid),
            ]
        );
    }

    #[test]
    fn csv_follows_rfc_4180_and_defuses_formulas() {
        let mut e = Entry::new("x", ActivityType::SpeakerThirdParty, day(2026, 3, 5));
        e.title = "Talk, \"live\"".into();
        e.description = "line one\nline two".into();
        e.private_notes = "=HYPERLINK(\"http://evil\")".into();
        e.areas = vec!["azure".into(), "security".into(), "iot".into()];
        e.audiences = vec![Audience::Developer, Audience::Student];
        e.role = Some(Role::Speaker);
        e.figures.set(Figure::Attendees, Some(120));
        e.high_impact = true;
        let csv = export_csv(&Journal::from_entries(vec![e]));
        assert!(csv.starts_with("\u{feff}Activity type,Title,Description,"));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines.len(),
            3,
            "header, a row with a quoted line break, final CRLF: {lines:?}"
        );
        assert_eq!(lines[0].split(',').count(), 21);
        let row = lines[1];
        assert_eq!(
            row,
            "Speaker/Presenter at Third-party event,\"Talk, \"\"live\"\"\",\"line one\nline two\",\
             \"'=HYPERLINK(\"\"http://evil\"\")\",2026-03-05,,,Microsoft Azure,Security; Internet of Things,\
             Developer; Student,Speaker,,1,,,,,,,120,Yes"
        );
        assert_eq!(lines[2], "");
    }

    #[test]
    fn markdown_summary_groups_the_last_12_months_by_type() {
        let today = day(2026, 11, 27);
        let mut talk = Entry::new("t", ActivityType::SpeakerThirdParty, day(2026, 9, 14));
        talk.title = "Scaling *Rust* [fast]".into();
        talk.url = Some("https://conf.example/talk".into());
        talk.figures.set(Figure::Attendees, Some(1200));
        talk.high_impact = true;
        talk.private_notes = "SECRET".into();
        talk.description = "Slides\nand demo".into();
        let mut blog = Entry::new("b", ActivityType::Blog, day(2026, 2, 1));
        blog.title = "Post".into();
        let mut old = Entry::new("o", ActivityType::Blog, day(2024, 2, 1));
        old.title = "Old post".into();
        let md = markdown_summary(
            &Journal::from_entries(vec![talk, blog, old]),
            today,
            Lang::En,
        );
        assert!(
            md.starts_with("# Contributions from 2025-11-28 to 2026-11-27\n"),
            "{md}"
        );
        assert!(
            md.contains("\n## Blog (1)\n\n- Post — 2026-02-01\n"),
            "{md}"
        );
        assert!(
            md.contains("- [Scaling \\*Rust\\* \\[fast\\]](<https://conf.example/talk>) — 2026-09-14 · In-person attendees: 1,200 · **High impact**\n  Slides and demo\n"),
            "{md}"
        );
        assert!(!md.contains("Old post") && !md.contains("SECRET"), "{md}");
        let es = markdown_summary(&Journal::default(), today, Lang::Es);
        assert!(es.contains("2025-11-28"), "{es}");
        assert_eq!(format_count(1_234_567, Lang::Es), "1.234.567");
        assert_eq!(format_count(999, Lang::En), "999");
    }

    #[test]
    fn the_summary_renders_safely() {
        let mut e = Entry::new("x", ActivityType::Blog, day(2026, 5, 5));
        e.title = "<script>alert(1)</script>".into();
        e.description = "<img src=x onerror=alert(1)> [x](javascript:alert(1))".into();
        let md = markdown_summary(&Journal::from_entries(vec![e]), day(2026, 11, 27), Lang::En);
        let html = crate::domain::markdown::render_markdown(&md);
        assert!(
            !html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"),
            "{html}"
        );
    }
}

/// Property tests (proptest). Each property runs [`properties::CASES`] generated cases
/// (`PROPTEST_CASES=N cargo test` runs more); failures are shrunk to a minimal file.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::journal::arbitrary::{damage, journal, json_value, text};
    use proptest::prelude::*;

    pub const CASES: u32 = 256;
    const BOM: char = '\u{feff}';

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(CASES))]

        /// The duplicate key's shortcuts for ASCII change nothing: the same key as the
        /// plain definition (words joined by one space, lower case; the link or type and date).
        #[test]
        fn dedup_key_is_the_plain_definition(j in journal(6), title in text(20)) {
            let plain = |e: &Entry| {
                let title = e.title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                match &e.url {
                    Some(url) => format!("u\n{title}\n{}", url.trim().trim_end_matches('/').to_lowercase()),
                    None => format!("d\n{title}\n{}\n{}", e.kind.code(), e.date),
                }
            };
            for e in j.entries() {
                prop_assert_eq!(dedup_key(e), plain(e));
                let mut other = e.clone();
                other.title = format!(" A\u{b}b\t {title}  C ");
                prop_assert_eq!(dedup_key(&other), plain(&other));
            }
        }
    }

    fn import(current: &Journal, text: &str, mode: ImportMode) -> Option<(Journal, ImportPlan)> {
        let plan = plan_import(current, parse_backup(text).ok()?, mode);
        Some((apply_import(current, &plan, mode), plan))
    }

    /// A small RFC 4180 reader, to read back what the writer wrote.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut cell) = (Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    /// What a CSV cell holds for `text`: formula starts defused with an apostrophe.
    fn defused(text: &str) -> String {
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text.to_string()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(CASES))]

        #[test]
        fn export_then_import_is_the_identity(j in journal(8), other in journal(3)) {
            let file = export_json(&j, today());
            let (fresh, plan) = import(&Journal::default(), &file, ImportMode::Merge)
                .ok_or_else(|| TestCaseError::fail("own backup refused"))?;
            prop_assert_eq!(&fresh, &j);
            prop_assert!(plan.skipped.is_empty(), "{:?}", plan.skipped);
            let (replaced, _) = import(&other, &file, ImportMode::Replace)
                .ok_or_else(|| TestCaseError::fail("own backup refused"))?;
            prop_assert_eq!(&replaced, &j);
            // Importing the same file again changes nothing.
            let (again, plan) = import(&fresh, &file, ImportMode::Merge)
                .ok_or_else(|| TestCaseError::fail("own backup refused"))?;
            prop_assert_eq!(&again, &j);
            prop_assert!(plan.added.is_empty() && plan.updated.is_empty());
        }

        #[test]
        fn any_text_is_read_without_panicking(file in any::<String>(), tricky in text(200)) {
            let _ = parse_backup(&file);
            let _ = parse_backup(&tricky);
        }

        #[test]
        fn whatever_a_file_holds_only_valid_entries_get_in(
            entries in prop::collection::vec(json_value(), 0..8),
            version in prop_oneof![Just(1u32), any::<u32>()],
        ) {
            let file = serde_json::json!({
                "format": BACKUP_FORMAT, "version": version, "entries": entries,
            })
            .to_string();
            match parse_backup(&file) {
                Err(e) => prop_assert!(version != BACKUP_VERSION, "refused: {e}"),
                Ok(parsed) => {
                    prop_assert_eq!(parsed.len(), entries.len());
                    for entry in parsed.iter().flatten() {
                        prop_assert!(check_entry(entry).is_ok(), "{:?}", entry);
                    }
                }
            }
        }

        #[test]
        fn a_damaged_backup_never_loses_a_current_entry(
            current in journal(5),
            incoming in journal(5),
            cut in any::<prop::sample::Index>(),
            insert in text(4),
        ) {
            let file = damage(&export_json(&incoming, today()), cut, &insert);
            for mode in [ImportMode::Merge, ImportMode::Replace] {
                let Some((after, plan)) = import(&current, &file, mode) else {
                    continue; // refused whole: the page writes nothing
                };
                for e in after.entries() {
                    prop_assert!(check_entry(e).is_ok(), "{:?}", e);
                }
                if mode == ImportMode::Merge {
                    for e in current.entries() {
                        prop_assert!(after.get(&e.id).is_some(), "lost {:?}", e.id);
                    }
                    prop_assert_eq!(after.len(), current.len() + plan.added.len());
                }
            }
        }

        #[test]
        fn csv_reads_back_cell_for_cell(j in journal(6)) {
            let csv = export_csv(&j);
            prop_assert!(csv.starts_with(BOM), "no byte-order mark");
            let rows = read_csv(csv.trim_start_matches(BOM));
            prop_assert_eq!(rows.len(), j.len() + 1);
            for row in &rows {
                prop_assert_eq!(row.len(), CSV_HEADER.len());
            }
            for (row, e) in rows[1..].iter().zip(j.entries()) {
                prop_assert_eq!(&row[1], &defused(&e.title));
                prop_assert_eq!(&row[2], &defused(&e.description));
                prop_assert_eq!(&row[3], &defused(&e.private_notes));
                prop_assert_eq!(&row[4], &e.date.to_string());
            }
        }
    }
}
