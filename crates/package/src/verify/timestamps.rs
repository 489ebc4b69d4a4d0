//! Step 7b of verify: every snapshot folder's `manifest-sha256.txt` against
//! the files beside it, and every timestamp token beside the manifest
//! (`manifest-sha256.txt.<n>.tsr`) against the manifest's SHA-256 and the
//! root certificates the package carries (`documentation/tsa-ca/`): the
//! CMS signature, the chain at the time of stamping, the timeStamping usage
//! (`ogonblick_timestamp::verify_token`). Offline.

use std::collections::BTreeMap;

use ogonblick_timestamp::manifest::token_number;
use ogonblick_timestamp::{load_ca_pem, parse_manifest, verify_token, TrustedRoots, MANIFEST_FILE};

use super::{Item, State};
use crate::Problem;
use ogonblick_model::Message;

/// The largest manifest, token or certificate verify holds to check it.
pub(super) const EVIDENCE_MAX: u64 = 16 * 1024 * 1024;

fn problem(path: &str, what: Message) -> Problem {
    Problem {
        path: path.to_string(),
        what,
        expected: None,
        found: None,
    }
}

pub(super) fn check(items: &BTreeMap<String, Item>, root: &str, st: &mut State) {
    let ca_prefix = format!("{root}/{}/", crate::export::TSA_CA_FOLDER);
    let mut roots = Vec::new();
    for (name, item) in items.range(ca_prefix.clone()..) {
        if !name.starts_with(&ca_prefix) {
            break;
        }
        if let Some(bytes) = &item.bytes {
            match load_ca_pem(bytes) {
                Ok(c) => roots.extend(c),
                Err(e) => st.problems.push(problem(
                    name,
                    Message::VerifyTsaRootRefused {
                        reason: e.reason().to_string(),
                    },
                )),
            }
        }
    }
    let roots = TrustedRoots(roots);
    let suffix = format!("/{MANIFEST_FILE}");
    for (name, item) in items.iter().filter(|(n, _)| n.ends_with(&suffix)) {
        let base = &name[..name.len() - MANIFEST_FILE.len()];
        let Some(bytes) = &item.bytes else {
            st.problems
                .push(problem(name, Message::VerifyManifestTooLarge {}));
            continue;
        };
        let lines = match std::str::from_utf8(bytes)
            .map_err(|_| Message::ManifestNotText {})
            .and_then(|t| {
                parse_manifest(t).map_err(|e| Message::ManifestLineBad {
                    line: e.line as u64,
                    problem: e.problem.name().to_string(),
                })
            }) {
            Ok(l) => l,
            Err(what) => {
                st.problems.push(problem(name, what));
                continue;
            }
        };
        for l in &lines {
            let target = format!("{base}{}", l.path);
            // A snapshot's web archive lies in its own representation, in
            // the folder of the same name.
            let target = match (items.contains_key(&target), web_archive_twin(&target)) {
                (false, Some(twin)) if items.contains_key(&twin) => twin,
                _ => target,
            };
            match items.get(&target) {
                None => st.problems.push(problem(
                    &target,
                    Message::VerifyManifestFileMissing {
                        manifest: name.clone(),
                    },
                )),
                Some(i) if !i.sha256.eq_ignore_ascii_case(&l.sha256) => st.problems.push(Problem {
                    path: target,
                    what: Message::VerifyManifestShaMismatch {
                        manifest: name.clone(),
                    },
                    expected: Some(l.sha256.clone()),
                    found: Some(i.sha256.clone()),
                }),
                Some(_) => {}
            }
        }
        let mut digest = [0u8; 32];
        if hex::decode_to_slice(&item.sha256, &mut digest).is_err() {
            continue;
        }
        for (tname, titem) in items.range(name.clone()..) {
            if !tname.starts_with(name.as_str()) {
                break;
            }
            let Some(own) = tname.strip_prefix(base) else {
                continue;
            };
            if token_number(own).is_none() {
                continue;
            }
            let Some(tbytes) = &titem.bytes else {
                st.problems
                    .push(problem(tname, Message::VerifyTokenTooLarge {}));
                continue;
            };
            if roots.0.is_empty() {
                st.problems.push(problem(
                    tname,
                    Message::VerifyTokenNoRoots {
                        folder: crate::export::TSA_CA_FOLDER.to_string(),
                    },
                ));
                continue;
            }
            if let Err(e) = verify_token(tbytes, &digest, &roots) {
                st.problems.push(problem(
                    tname,
                    Message::VerifyTokenRefused {
                        reason: e.reason().to_string(),
                        detail: e.detail(),
                    },
                ));
            }
        }
    }
}

/// `<root>/representations/rep2/data/<snapshot>/<file>` for a path in rep1's
/// folder of that snapshot: where the export puts the snapshot's WACZ.
fn web_archive_twin(path: &str) -> Option<String> {
    let (root, rest) = path.split_once("/representations/rep1/data/")?;
    Some(format!(
        "{root}/representations/{}/data/{rest}",
        crate::export::WEB_ARCHIVE_REP
    ))
}
