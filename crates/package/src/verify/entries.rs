//! Steps 2 and 3 of verify: every entry of the container read once, through
//! a limit of its declared size, hashed and format-sniffed (XML kept in
//! memory within limits), with the zip's structure checked against the file
//! itself; then the entries' names and the one root folder.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::{Item, VerifyOptions, KEEP_TOTAL_MAX, KEEP_XML_MAX};
use crate::container::COPY_BUF;
use crate::fixity::Fingerprint;
use crate::zipcheck::{self, DEFLATE_MAX_RATIO};
use crate::{PackageError, Problem};
use ogonblick_model::Message;

/// Whether `path` is a zip (`Ok(true)`) or a tar (`Ok(false)`), from its
/// first bytes; anything else is unreadable.
pub(super) fn is_zip(path: &Path) -> Result<bool, PackageError> {
    let mut magic = [0u8; 512];
    let n = {
        let mut f = File::open(path).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?;
        read_up_to(&mut f, &mut magic).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?
    };
    let is_zip = n >= 4 && &magic[..4] == b"PK\x03\x04";
    let is_tar = n >= 262 && &magic[257..262] == b"ustar";
    if !is_zip && !is_tar {
        return Err(PackageError::NotZipOrTar(path.to_path_buf()));
    }
    Ok(is_zip)
}

/// Reads every entry of the package into [`Item`]s.
pub(super) fn read_all(
    path: &Path,
    zip: bool,
    pkg_name: &str,
    opts: &VerifyOptions,
    problems: &mut Vec<Problem>,
) -> Result<BTreeMap<String, Item>, PackageError> {
    let mut rd = EntryReader::default();
    if zip {
        read_zip(path, pkg_name, opts, &mut rd, problems)?;
    } else {
        read_tar(path, pkg_name, opts, &mut rd, problems)?;
    }
    Ok(rd.items)
}

#[derive(Default)]
struct EntryReader {
    items: BTreeMap<String, Item>,
    /// XML kept in memory for the METS/PREMIS/record checks, in all.
    kept_total: u64,
}

impl EntryReader {
    /// Reads one entry, never more than `declared` bytes (+1, to see a lie)
    /// and keeps it only within KEEP_XML_MAX and KEEP_TOTAL_MAX.
    fn add(&mut self, name: String, r: &mut dyn Read, declared: u64, problems: &mut Vec<Problem>) {
        // Small evidence files too: timestamp tokens, their root
        // certificates and the manifests they stamp (h-tsa).
        let evidence = (name.ends_with(".tsr")
            || name.ends_with(".pem")
            || name.ends_with(ogonblick_timestamp::MANIFEST_FILE))
            && declared <= super::timestamps::EVIDENCE_MAX;
        let keep = (name.ends_with(".xml") && declared <= KEEP_XML_MAX || evidence)
            && self.kept_total + declared <= KEEP_TOTAL_MAX;
        if name.ends_with(".xml") && !keep {
            problems.push(Problem {
                path: name.clone(),
                what: Message::VerifyXmlTooLarge {
                    file_mib: KEEP_XML_MAX >> 20,
                    total_mib: KEEP_TOTAL_MAX >> 20,
                },
                expected: None,
                found: Some(format!("{declared} B")),
            });
        }
        let mut h = Fingerprint::new();
        let mut sniff = crate::sniff::Sniffer::new(&name);
        let mut buf = vec![0u8; COPY_BUF];
        let mut kept = if keep {
            self.kept_total += declared;
            Some(Vec::with_capacity(declared as usize))
        } else {
            None
        };
        let mut size = 0u64;
        let mut broke = false;
        let mut r = r.take(declared.saturating_add(1));
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(k) => {
                    if size + k as u64 > declared {
                        problems.push(Problem {
                            path: name.clone(),
                            what: Message::VerifyEntryLonger {},
                            expected: Some(format!("{declared} B")),
                            found: None,
                        });
                        kept = None;
                        broke = true;
                        break;
                    }
                    h.feed(&buf[..k]);
                    sniff.feed(&buf[..k]);
                    size += k as u64;
                    if let Some(v) = kept.as_mut() {
                        v.extend_from_slice(&buf[..k]);
                    }
                }
                Err(e) => {
                    problems.push(Problem {
                        path: name.clone(),
                        what: Message::VerifyEntryUnreadable {
                            detail: e.to_string(),
                        },
                        expected: None,
                        found: None,
                    });
                    kept = None;
                    broke = true;
                    break;
                }
            }
        }
        if !broke && size < declared {
            problems.push(Problem {
                path: name.clone(),
                what: Message::VerifyEntryShorter {},
                expected: Some(format!("{declared} B")),
                found: Some(format!("{size} B")),
            });
        }
        if self.items.contains_key(&name) {
            problems.push(Problem {
                path: name.clone(),
                what: Message::VerifyEntryTwice {},
                expected: None,
                found: None,
            });
        }
        let puid = sniff.finish().puid;
        self.items.insert(
            name,
            Item {
                sha256: h.finish().0,
                size,
                bytes: kept,
                puid,
            },
        );
    }
}

fn read_zip(
    path: &Path,
    pkg_name: &str,
    opts: &VerifyOptions,
    rd: &mut EntryReader,
    problems: &mut Vec<Problem>,
) -> Result<(), PackageError> {
    let f = File::open(path).map_err(|e| PackageError::Read {
        path: path.into(),
        source: e,
    })?;
    let mut z = zip::ZipArchive::new(f).map_err(|e| PackageError::Unreadable {
        format: "zip",
        message: e.to_string(),
    })?;
    let raw = File::open(path).map_err(|e| PackageError::Read {
        path: path.into(),
        source: e,
    })?;
    zip_structure(&z, &raw, pkg_name, problems);
    for i in 0..z.len() {
        if opts.cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        let mut e = match z.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem {
                    path: format!("{pkg_name} #{i}"),
                    what: Message::VerifyZipEntryUnopenable {
                        detail: e.to_string(),
                    },
                    expected: None,
                    found: None,
                });
                continue;
            }
        };
        let name = e.name().to_string();
        if e.is_symlink() {
            problems.push(Problem {
                path: name,
                what: Message::VerifyEntrySymlink {},
                expected: None,
                found: None,
            });
            continue;
        }
        if e.is_dir() {
            continue;
        }
        if let Some(p) = entry_header_problem(&e, &raw) {
            problems.push(p);
        }
        let declared = e.size();
        if e.compression() != zip::CompressionMethod::Stored
            && declared > e.compressed_size().saturating_mul(DEFLATE_MAX_RATIO)
        {
            problems.push(Problem {
                path: name,
                what: Message::VerifyEntryBomb {},
                expected: Some(format!(
                    "≤ {} B",
                    e.compressed_size().saturating_mul(DEFLATE_MAX_RATIO)
                )),
                found: Some(format!("{declared} B")),
            });
            continue;
        }
        rd.add(name, &mut e, declared, problems);
    }
    Ok(())
}

fn read_tar(
    path: &Path,
    pkg_name: &str,
    opts: &VerifyOptions,
    rd: &mut EntryReader,
    problems: &mut Vec<Problem>,
) -> Result<(), PackageError> {
    let f = File::open(path).map_err(|e| PackageError::Read {
        path: path.into(),
        source: e,
    })?;
    let mut t = tar::Archive::new(f);
    let entries = t.entries().map_err(|e| PackageError::Unreadable {
        format: "tar",
        message: e.to_string(),
    })?;
    for e in entries {
        if opts.cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        let mut e = match e {
            Ok(e) => e,
            Err(err) => {
                problems.push(Problem {
                    path: pkg_name.to_string(),
                    what: Message::VerifyTarDamaged {
                        detail: err.to_string(),
                    },
                    expected: None,
                    found: None,
                });
                break;
            }
        };
        let name = match e.path() {
            Ok(p) => p.to_string_lossy().into_owned(),
            Err(err) => {
                problems.push(Problem {
                    path: pkg_name.to_string(),
                    what: Message::VerifyTarBadName {
                        detail: err.to_string(),
                    },
                    expected: None,
                    found: None,
                });
                continue;
            }
        };
        let kind = e.header().entry_type();
        if kind.is_dir() {
            continue;
        }
        if !(kind.is_file() || kind == tar::EntryType::Continuous) {
            problems.push(Problem {
                path: name,
                what: Message::VerifyEntrySpecial {
                    kind: tar_kind(kind).into(),
                },
                expected: None,
                found: None,
            });
            continue;
        }
        let size = e.size();
        rd.add(name, &mut e, size, problems);
    }
    Ok(())
}

/// Every name stays inside one root folder and uses safe characters;
/// returns the root folder (empty when there is not exactly one).
pub(super) fn check_names(
    items: &BTreeMap<String, Item>,
    pkg_name: &str,
    problems: &mut Vec<Problem>,
) -> String {
    let mut roots = BTreeSet::new();
    for name in items.keys() {
        if name.starts_with('/')
            || name.split('/').any(|s| s == ".." || s.is_empty())
            || name.contains('\\')
        {
            problems.push(Problem {
                path: name.clone(),
                what: Message::VerifyNameEscapes {},
                expected: None,
                found: None,
            });
        }
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c))
        {
            problems.push(Problem {
                path: name.clone(),
                what: Message::VerifyNameCharacters {},
                expected: None,
                found: None,
            });
        }
        roots.insert(name.split('/').next().unwrap_or("").to_string());
    }
    let root = if roots.len() == 1 {
        roots.into_iter().next().unwrap_or_default()
    } else {
        problems.push(Problem {
            path: pkg_name.to_string(),
            what: Message::VerifyRootFolders {},
            expected: Some("1".into()),
            found: Some(format!(
                "{} ({})",
                roots.len(),
                roots.into_iter().collect::<Vec<_>>().join(", ")
            )),
        });
        String::new()
    };
    root
}

/// Duplicate names in the central directory (the zip crate keeps only the
/// last of them, so they are counted here from the file itself).
fn zip_structure(
    z: &zip::ZipArchive<File>,
    raw: &File,
    pkg_name: &str,
    problems: &mut Vec<Problem>,
) {
    let cap = z.len().saturating_mul(4).saturating_add(1024);
    match zipcheck::central_names(raw, z.central_directory_start(), cap) {
        Ok(names) => {
            for (name, n) in zipcheck::duplicates(&names) {
                problems.push(Problem {
                    path: name,
                    what: Message::VerifyZipDuplicate { count: n },
                    expected: Some("1".into()),
                    found: Some(n.to_string()),
                });
            }
        }
        Err(e) => problems.push(Problem {
            path: pkg_name.to_string(),
            what: Message::VerifyCentralUnreadable {
                detail: e.to_string(),
            },
            expected: None,
            found: None,
        }),
    }
}

/// The entry's local header must exist and agree with the central directory.
fn entry_header_problem<R: Read>(e: &zip::read::ZipFile<'_, R>, raw: &File) -> Option<Problem> {
    let method = match e.compression() {
        zip::CompressionMethod::Stored => 0,
        zip::CompressionMethod::Deflated => 8,
        _ => u16::MAX,
    };
    let what = match zipcheck::local_header(raw, e.header_start()) {
        Err(err) => Message::VerifyLocalHeaderUnreadable {
            detail: err.to_string(),
        },
        Ok(None) => Message::VerifyLocalHeaderMissing {},
        Ok(Some(l)) => zipcheck::disagreement(
            &l,
            e.name_raw(),
            method,
            e.crc32(),
            e.compressed_size(),
            e.size(),
        )
        .map(|fields| Message::VerifyLocalHeaderDiffers {
            fields: fields
                .into_iter()
                .map(|(field, value)| Message::ZipLocalField {
                    field: field.to_string(),
                    value,
                })
                .collect(),
        })?,
    };
    Some(Problem {
        path: e.name().to_string(),
        what,
        expected: None,
        found: None,
    })
}

fn tar_kind(k: tar::EntryType) -> &'static str {
    match k {
        tar::EntryType::Symlink => "symlink",
        tar::EntryType::Link => "hard-link",
        tar::EntryType::Char => "char-device",
        tar::EntryType::Block => "block-device",
        tar::EntryType::Fifo => "fifo",
        _ => "other",
    }
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        let k = f.read(&mut buf[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    Ok(n)
}
