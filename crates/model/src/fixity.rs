//! The one file hash of the engine: the SHA-256 (lower-case hex) and the size
//! of a file, which the store, the packager and the capture all record. The
//! only I/O of this crate: it reads the one file it is given.

use std::fs::File;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The lower-case hex SHA-256 and the size in bytes of the file at `path`,
/// read in chunks.
pub fn sha256_file(path: &Path) -> io::Result<(String, u64)> {
    let mut f = File::open(path)?;
    let mut h = Sha256::new();
    let size = io::copy(&mut f, &mut h)?;
    Ok((hex::encode(h.finalize()), size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_a_file_and_counts_its_bytes() {
        let dir = std::env::temp_dir().join(format!("ogonblick-fixity-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("abc.txt");
        std::fs::write(&path, b"abc").unwrap();
        let (sha, size) = sha256_file(&path).unwrap();
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(size, 3);
        assert!(sha256_file(&dir.join("missing")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
