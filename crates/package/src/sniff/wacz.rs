//! A WACZ (Web Archive Collection Zipped): a ZIP whose first entry is a WARC
//! under `archive/` and whose central directory, at the end, names
//! `datapackage.json`. PRONOM has no PUID for WACZ we could confirm, so it
//! is identified as what it is on disk, a ZIP (x-fmt/263), with the name
//! and version of WACZ; the WARCs inside are WARC 1.1 (ISO 28500:2017).

use super::{FormatId, Sniffer};

/// The PUID given to a WACZ: PRONOM's ZIP Format.
pub const WACZ_PUID: &str = "x-fmt/263";

impl Sniffer {
    pub(super) fn finish_zip(self) -> FormatId {
        let first_is_warc = self.head.len() > 30 && {
            let n = u16::from_le_bytes([self.head[26], self.head[27]]) as usize;
            self.head
                .get(30..30 + n)
                .is_some_and(|name| name.starts_with(b"archive/"))
        };
        let eocd = self.tail.windows(4).any(|w| w == b"PK\x05\x06");
        let package = self
            .tail
            .windows(b"datapackage.json".len())
            .any(|w| w == b"datapackage.json");
        let wacz = self.name.to_ascii_lowercase().ends_with(".wacz");
        let valid = first_is_warc && eocd && package;
        FormatId {
            puid: Some(WACZ_PUID.into()),
            name: if wacz {
                "WACZ (Web Archive Collection Zipped) of WARC 1.1 files, a ZIP".into()
            } else {
                "ZIP Format".into()
            },
            version: wacz.then(|| "1.1.1".to_string()),
            mime: if wacz {
                "application/x-wacz".into()
            } else {
                "application/zip".into()
            },
            valid,
            check: format!(
                "ZIP local header first (its entry under archive/: {first_is_warc}), end of central directory at the end: {eocd}, datapackage.json in the central directory: {package}"
            ),
        }
    }
}
