//! The crate's streaming hash: SHA-256 and the byte count of a file's bytes
//! as they stream past (export's copy into the container, verify's read of
//! every entry). A whole file on disk (the package for its sidecar) is hashed
//! by the engine's one helper, `model::fixity::sha256_file`. Format sniffing,
//! where wanted, runs beside it on the same chunks (`sniff/mod.rs`).

use sha2::{Digest, Sha256};

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
