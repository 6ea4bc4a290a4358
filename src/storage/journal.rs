//! Stored shape of the contribution journal (format 1): `{"entries": [EntryRecord...]}`.
//!
//! Reading checks every entry with the same rules as the entry form; one unreadable entry
//! makes the whole document unreadable, so the store sets the text aside under a backup
//! key (nothing is dropped silently) and the user is offered recovery.

use super::Document;
use crate::domain::journal::formats::EntryRecord;
use crate::domain::journal::{Entry, Journal};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The journal as saved under `mvp-pathway:journal`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredJournal(pub Journal);

#[derive(Serialize)]
struct Out {
    entries: Vec<EntryRecord>,
}

#[derive(Deserialize)]
struct In {
    entries: Vec<EntryRecord>,
}

impl Serialize for StoredJournal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Out {
            entries: self.0.entries().iter().map(EntryRecord::from).collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for StoredJournal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = In::deserialize(d)?;
        let entries = raw
            .entries
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                Entry::try_from(r)
                    .map_err(|e| serde::de::Error::custom(format!("entry {}: {e}", i + 1)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(StoredJournal(Journal::from_entries(entries)))
    }
}

impl Document for StoredJournal {
    const KEY: &'static str = "journal";
    const VERSION: u32 = 1;
}

impl From<&Journal> for StoredJournal {
    fn from(j: &Journal) -> Self {
        StoredJournal(j.clone())
    }
}

impl From<StoredJournal> for Journal {
    fn from(s: StoredJournal) -> Self {
        s.0
    }
}
