//! The crate's one hashing helper: SHA-256 and the byte count of a file's
//! bytes as they stream past (export's copy into the container, verify's read
//! of every entry, the whole package for its sidecar). Format sniffing, where
//! wanted, runs beside it on the same chunks (`sniff/mod.rs`).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::container::COPY_BUF;

/// SHA-256 and size, fed chunk by chunk.
#[derive(Default)]
pub struct Fingerprint {
    hash: Sha256,
    size: u64,
}

impl Fingerprint {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn feed(&mut self, data: &[u8]) {
        self.hash.update(data);
        self.size += data.len() as u64;
    }

    /// Bytes fed so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The lower-case hex SHA-256 and the size.
    pub fn finish(self) -> (String, u64) {
        (hex::encode(self.hash.finalize()), self.size)
    }
}

/// SHA-256 and size of a whole file, read in chunks (for the sidecar).
pub fn sha256_file(path: &Path) -> io::Result<(String, u64)> {
    let mut f = File::open(path)?;
    let mut fp = Fingerprint::new();
    let mut buf = vec![0u8; COPY_BUF];
    loop {
        let k = f.read(&mut buf)?;
        if k == 0 {
            break;
        }
        fp.feed(&buf[..k]);
    }
    Ok(fp.finish())
}
