//! A WACZ (Web Archive Collection Zipped): a ZIP whose first entry is a WARC
//! under `archive/` and whose central directory, at the end, names
//! `datapackage.json`. PRONOM has no PUID for WACZ we could confirm, so it
//! is identified as what it is on disk, a ZIP (x-fmt/263), with the name
//! and version of WACZ; the WARCs inside are WARC 1.1 (ISO 28500:2017).

use ogonblick_model::Message;

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
            check: Message::FormatZip {
                warc_first: first_is_warc,
                eocd,
                package,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use crate::sniff::detect_format;

    fn zip_of(names: &[&str]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for n in names {
            z.start_file(*n, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"x").unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    #[test]
    fn a_wacz_is_a_zip_with_its_warcs_first_and_a_datapackage() {
        let good = zip_of(&["archive/a.warc.gz", "indexes/index.cdx", "datapackage.json"]);
        let f = detect_format("web-archive.wacz", &good);
        assert_eq!(f.puid.as_deref(), Some("x-fmt/263"));
        assert_eq!(f.version.as_deref(), Some("1.1.1"));
        assert_eq!(f.mime, "application/x-wacz");
        assert!(f.valid, "{}", f.check);
        let f = detect_format("web-archive.wacz", &zip_of(&["archive/a.warc.gz"]));
        assert!(!f.valid, "no datapackage.json: {}", f.check);
        let f = detect_format(
            "web-archive.wacz",
            &zip_of(&["notes.txt", "datapackage.json"]),
        );
        assert!(!f.valid, "no WARC first: {}", f.check);
    }
}
