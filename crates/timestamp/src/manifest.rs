//! `manifest-sha256.txt`: every file of a snapshot with its SHA-256, in the
//! format of `sha256sum` (`<hex>  <path>`, one a line, sorted by path), so
//! `sha256sum -c manifest-sha256.txt` in the snapshot's folder checks it.
//! The timestamp tokens over its SHA-256 lie beside it.

/// The manifest's file name in a snapshot folder (and in a package).
pub const MANIFEST_FILE: &str = "manifest-sha256.txt";

/// The mark of a snapshot whose timestamp is pending (JSON: the authorities
/// that have not answered yet). Not listed in the manifest; removed once
/// every configured authority has stamped it.
pub const PENDING_FILE: &str = "timestamp-pending.json";

/// The name of the `n`-th token (1-based): `manifest-sha256.txt.<n>.tsr`.
pub fn token_file_name(n: usize) -> String {
    format!("{MANIFEST_FILE}.{n}.tsr")
}

/// The number of a token's file name, if it is one.
pub fn token_number(name: &str) -> Option<usize> {
    let n = name
        .strip_prefix(MANIFEST_FILE)?
        .strip_prefix('.')?
        .strip_suffix(".tsr")?;
    if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// One line of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestLine {
    /// Lower-case hex SHA-256.
    pub sha256: String,
    /// `/`-separated path relative to the snapshot folder.
    pub path: String,
}

/// A manifest that cannot be read, or a path it cannot hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("manifest line {line}: {problem:?}")]
pub struct ManifestError {
    pub line: usize,
    pub problem: ManifestProblem,
}

/// What is wrong with a manifest's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestProblem {
    /// The path is not a plain relative path.
    NotPlainPath,
    /// The SHA-256 is not 64 hexadecimal digits.
    NotSha256,
    /// The line is shorter than a SHA-256 and a path.
    TooShort,
    /// The SHA-256 and the path are not separated by two spaces.
    NoSeparator,
    /// The path is listed twice.
    Twice,
}

impl ManifestProblem {
    /// The catalogue's name of the problem (`problem` of `verify-manifest-line`).
    pub fn name(&self) -> &'static str {
        match self {
            ManifestProblem::NotPlainPath => "not-plain-path",
            ManifestProblem::NotSha256 => "not-sha256",
            ManifestProblem::TooShort => "too-short",
            ManifestProblem::NoSeparator => "no-separator",
            ManifestProblem::Twice => "twice",
        }
    }
}

fn plain_path(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && !p.contains(['\\', '\n', '\r'])
        && p.split('/').all(|c| !c.is_empty() && c != "." && c != "..")
}

/// The manifest's text for these files (sorted by path).
pub fn render_manifest(files: &[ManifestLine]) -> Result<String, ManifestError> {
    let mut sorted: Vec<&ManifestLine> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = String::new();
    for (i, f) in sorted.iter().enumerate() {
        if !plain_path(&f.path) {
            return Err(ManifestError {
                line: i + 1,
                problem: ManifestProblem::NotPlainPath,
            });
        }
        if f.sha256.len() != 64 || !f.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ManifestError {
                line: i + 1,
                problem: ManifestProblem::NotSha256,
            });
        }
        out.push_str(&f.sha256.to_ascii_lowercase());
        out.push_str("  ");
        out.push_str(&f.path);
        out.push('\n');
    }
    Ok(out)
}

/// Reads a manifest: `<64 hex>  <path>` lines (or `<hex> *<path>`).
pub fn parse_manifest(text: &str) -> Result<Vec<ManifestLine>, ManifestError> {
    let mut out: Vec<ManifestLine> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let err = |problem| ManifestError {
            line: i + 1,
            problem,
        };
        let (hex, rest) = line
            .split_at_checked(64)
            .ok_or(err(ManifestProblem::TooShort))?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(err(ManifestProblem::NotSha256));
        }
        let path = rest
            .strip_prefix("  ")
            .or_else(|| rest.strip_prefix(" *"))
            .ok_or(err(ManifestProblem::NoSeparator))?;
        if !plain_path(path) {
            return Err(err(ManifestProblem::NotPlainPath));
        }
        if out.iter().any(|l| l.path == path) {
            return Err(err(ManifestProblem::Twice));
        }
        out.push(ManifestLine {
            sha256: hex.to_ascii_lowercase(),
            path: path.to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_token_names() {
        let files = vec![
            ManifestLine {
                sha256: "B".repeat(64),
                path: "snapshot.json".into(),
            },
            ManifestLine {
                sha256: "a".repeat(64),
                path: "page-01.png".into(),
            },
        ];
        let text = render_manifest(&files).unwrap();
        assert_eq!(
            text,
            format!(
                "{}  page-01.png\n{}  snapshot.json\n",
                "a".repeat(64),
                "b".repeat(64)
            )
        );
        assert_eq!(parse_manifest(&text).unwrap().len(), 2);
        assert!(parse_manifest(&format!("{}  ../x\n", "a".repeat(64))).is_err());
        assert_eq!(token_number(&token_file_name(12)), Some(12));
        assert_eq!(token_number("manifest-sha256.txt.01.tsr"), None);
        assert_eq!(token_number("manifest-sha256.txt"), None);
    }
}
