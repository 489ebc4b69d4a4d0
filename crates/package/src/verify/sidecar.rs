//! Step 1 of verify: the `.sha256` sidecar names the package and holds its
//! SHA-256 (`sha256sum` format).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::SIDECAR_MAX;
use crate::export::sidecar_of;
use crate::{PackageError, Problem};
use ogonblick_model::fixity::sha256_file;
use ogonblick_model::Message;

/// Checks the sidecar next to `path`; `Err` only when the package itself
/// cannot be read.
pub(super) fn check(
    path: &Path,
    pkg_name: &str,
    problems: &mut Vec<Problem>,
) -> Result<(), PackageError> {
    let sidecar = sidecar_of(path);
    let side_name = sidecar
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let side_text = File::open(&sidecar).and_then(|f| {
        let mut t = String::new();
        f.take(SIDECAR_MAX).read_to_string(&mut t).map(|_| t)
    });
    match side_text {
        Err(_) => problems.push(Problem {
            path: side_name.clone(),
            what: Message::VerifySidecarMissing {},
            expected: None,
            found: None,
        }),
        Ok(text) => {
            // `sha256sum` format: 64 hex digits, a space, a space or `*`
            // (binary mode), then the file name, which may hold spaces.
            let line = text.lines().next().unwrap_or("");
            let (want, name) = match line.split_once(' ') {
                Some((h, rest)) => {
                    let rest = rest
                        .strip_prefix(' ')
                        .or_else(|| rest.strip_prefix('*'))
                        .unwrap_or(rest);
                    (
                        h.trim().to_ascii_lowercase(),
                        rest.trim_end_matches('\r').to_string(),
                    )
                }
                None => (line.trim().to_ascii_lowercase(), String::new()),
            };
            let (got, _) = sha256_file(path).map_err(|e| PackageError::Read {
                path: path.into(),
                source: e,
            })?;
            if want != got {
                problems.push(Problem {
                    path: pkg_name.to_string(),
                    what: Message::VerifyPackageShaMismatch {
                        sidecar: side_name.clone(),
                    },
                    expected: Some(want),
                    found: Some(got),
                });
            }
            if name != pkg_name {
                problems.push(Problem {
                    path: side_name.clone(),
                    what: Message::VerifySidecarOtherFile {},
                    expected: Some(pkg_name.to_string()),
                    found: Some(name),
                });
            }
        }
    }
    Ok(())
}
