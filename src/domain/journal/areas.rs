//! Technology areas (award categories) as data. The list follows a third-party copy of
//! the current portal and may change: update this table, its texts in `locales/*/journal.txt`
//! and [`AREAS_LAST_REVIEWED`] together.

use crate::i18n::Key;

/// When the list below was last compared with its source.
pub const AREAS_LAST_REVIEWED: &str = "2026-11-27";

/// One technology area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// Stable name used in storage, backups and URLs.
    pub code: &'static str,
    /// Its name, translated.
    pub key: Key,
}

/// The award categories of the current portal, in the portal's order.
pub const AREAS: &[Area] = &[
    Area {
        code: "developer-technologies",
        key: Key::JournalAreaDeveloperTechnologies,
    },
    Area {
        code: "m365",
        key: Key::JournalAreaM365,
    },
    Area {
        code: "business-applications",
        key: Key::JournalAreaBusinessApplications,
    },
    Area {
        code: "data-platform",
        key: Key::JournalAreaDataPlatform,
    },
    Area {
        code: "azure",
        key: Key::JournalAreaAzure,
    },
    Area {
        code: "iot",
        key: Key::JournalAreaIot,
    },
    Area {
        code: "windows-devices",
        key: Key::JournalAreaWindowsDevices,
    },
    Area {
        code: "security",
        key: Key::JournalAreaSecurity,
    },
    Area {
        code: "cloud-datacenter",
        key: Key::JournalAreaCloudDatacenter,
    },
    Area {
        code: "foundry",
        key: Key::JournalAreaFoundry,
    },
    Area {
        code: "windows-development",
        key: Key::JournalAreaWindowsDevelopment,
    },
];

/// The area with `code`.
pub fn area(code: &str) -> Option<&'static Area> {
    AREAS.iter().find(|a| a.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_found() {
        for a in AREAS {
            assert_eq!(area(a.code), Some(a));
            assert_eq!(AREAS.iter().filter(|b| b.code == a.code).count(), 1);
        }
        assert_eq!(area("sharepoint"), None);
        assert!(super::super::parse_iso_date(AREAS_LAST_REVIEWED).is_some());
    }
}
