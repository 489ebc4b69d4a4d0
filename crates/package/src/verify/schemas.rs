//! Step 9 of verify: the METS files, the capture records and the PREMIS
//! files validated with xmllint against the schemas embedded in this crate
//! (PREMIS: the official PREMIS 3.0 schema).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Item, State, VerifyOptions};
use crate::export::{REMOVAL_SCHEMA, SCHEMAS};
use crate::Problem;
use ogonblick_model::Message;

/// Runs the schema check; whether it ran.
pub(super) fn check(
    opts: &VerifyOptions,
    items: &BTreeMap<String, Item>,
    root_mets: &str,
    pkg_name: &str,
    st: &mut State,
) -> bool {
    let mut schemas_checked = false;
    match &opts.xmllint {
        None => st.problems.push(Problem {
            path: pkg_name.to_string(),
            what: Message::VerifySchemasNotRun {},
            expected: None,
            found: None,
        }),
        Some(x) => {
            let mut mets_files: Vec<(String, &[u8])> = Vec::new();
            for p in std::iter::once(root_mets).chain(st.rep_mets.iter().map(String::as_str)) {
                if let Some(b) = items.get(p).and_then(|i| i.bytes.as_deref()) {
                    mets_files.push((p.to_string(), b));
                }
            }
            let (removal_records, dmds): (Vec<Named>, Vec<Named>) = st
                .dmd_files
                .iter()
                .filter_map(|p| {
                    items
                        .get(p)
                        .and_then(|i| i.bytes.as_deref())
                        .map(|b| (p.clone(), b))
                })
                .partition(|(_, b)| is_removal_record(b));
            let premis: Vec<(String, &[u8])> = st
                .premis_files
                .iter()
                .filter_map(|p| {
                    items
                        .get(p)
                        .and_then(|i| i.bytes.as_deref())
                        .map(|b| (p.clone(), b))
                })
                .collect();
            match schema_check(x, &mets_files, &dmds, &removal_records, &premis) {
                Ok(mut ps) => {
                    schemas_checked = true;
                    st.problems.append(&mut ps);
                }
                Err(e) => st.problems.push(Problem {
                    path: pkg_name.to_string(),
                    what: Message::VerifySchemasCouldNotRun {
                        detail: e.to_string(),
                    },
                    expected: None,
                    found: None,
                }),
            }
        }
    }
    schemas_checked
}

/// A file of the package by its path, with its bytes.
type Named<'a> = (String, &'a [u8]);

/// Whether a descriptive-metadata file is a removal record (its root element
/// in our removal-record namespace); every other one is validated as a
/// capture record.
fn is_removal_record(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|t| roxmltree::Document::parse(t).ok())
        .is_some_and(|d| {
            d.root_element().tag_name().namespace() == Some(crate::REMOVAL_RECORD_NS)
                && d.root_element().tag_name().name() == "removalRecord"
        })
}

const WRAPPER_XSD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-ogonblick:validation-wrapper">
  <xsd:import namespace="http://www.w3.org/1999/xlink" schemaLocation="xlink.xsd"/>
  <xsd:import namespace="http://www.loc.gov/METS/" schemaLocation="mets.xsd"/>
  <xsd:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="DILCISExtensionMETS.xsd"/>
  <xsd:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS" schemaLocation="DILCISExtensionSIPMETS.xsd"/>
</xsd:schema>
"#;

/// Validates METS files against METS 1.12 + xlink + DILCIS extensions, the
/// capture records against our XSD and the PREMIS files against PREMIS 3.0,
/// with the schemas embedded in this crate (not the package's copies, which
/// could have been altered).
fn schema_check(
    xmllint: &Path,
    mets: &[(String, &[u8])],
    dmds: &[(String, &[u8])],
    removal_records: &[(String, &[u8])],
    premis: &[(String, &[u8])],
) -> Result<Vec<Problem>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for (name, bytes) in SCHEMAS.iter().chain([&REMOVAL_SCHEMA]) {
        std::fs::write(dir.path().join(name), bytes).map_err(|e| e.to_string())?;
    }
    std::fs::write(dir.path().join("wrapper.xsd"), WRAPPER_XSD).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for (schema, files) in [
        ("wrapper.xsd", mets),
        ("ogonblick-capture-record.xsd", dmds),
        (REMOVAL_SCHEMA.0, removal_records),
        ("premis-v3-0.xsd", premis),
    ] {
        if files.is_empty() {
            continue;
        }
        let mut args: Vec<PathBuf> = Vec::new();
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for (i, (name, bytes)) in files.iter().enumerate() {
            let p = dir.path().join(format!("doc-{i}.xml"));
            std::fs::write(&p, bytes).map_err(|e| e.to_string())?;
            names.insert(p.to_string_lossy().into_owned(), name.clone());
            args.push(p);
        }
        let out = Command::new(xmllint)
            .arg("--noout")
            .arg("--nonet")
            .arg("--schema")
            .arg(dir.path().join(schema))
            .args(&args)
            .output()
            .map_err(|e| format!("{}: {e}", xmllint.display()))?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("failed to compile") || stderr.contains("Schemas parser error") {
            return Err(format!(
                "the shipped schema {schema} did not compile: {}",
                stderr.lines().take(3).collect::<Vec<_>>().join(" | ")
            ));
        }
        for (tmp, name) in &names {
            let errs: Vec<&str> = stderr
                .lines()
                .filter(|l| l.starts_with(&format!("{tmp}:")))
                .collect();
            let failed = stderr
                .lines()
                .any(|l| l == format!("{tmp} fails to validate"));
            if failed || !errs.is_empty() {
                let detail: Vec<String> = errs
                    .iter()
                    .take(5)
                    .map(|l| l.replacen(tmp.as_str(), name, 1))
                    .collect();
                problems.push(Problem {
                    path: name.clone(),
                    what: Message::VerifySchemaInvalid {
                        schema: if schema == "wrapper.xsd" {
                            "wrapper".into()
                        } else {
                            schema.to_string()
                        },
                        detail: detail.join(" | "),
                    },
                    expected: None,
                    found: None,
                });
            }
        }
    }
    Ok(problems)
}
