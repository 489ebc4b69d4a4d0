//! Hand-made zip files whose headers say what a test wants, true or not
//! (the zip crate refuses to write most of these). Also used by the CLI's
//! tests (`#[path]`), so it depends on std and flate2 only.

#![allow(dead_code)]

use std::io::Write;

/// One entry. `data` is written as is (already deflated when `method` is 8).
#[derive(Clone)]
pub struct Entry {
    pub name: Vec<u8>,
    pub method: u16,
    pub data: Vec<u8>,
    pub crc32: u32,
    /// Uncompressed size in the central directory.
    pub size: u32,
    /// What the local header says instead, when it lies differently.
    pub local_name: Option<Vec<u8>>,
    pub local_size: Option<u32>,
    /// Unix mode for the external attributes (e.g. 0o120777 for a symlink).
    pub unix_mode: u32,
}

impl Entry {
    /// A stored (uncompressed) regular file.
    pub fn stored(name: &str, data: &[u8]) -> Entry {
        Entry {
            name: name.as_bytes().to_vec(),
            method: 0,
            data: data.to_vec(),
            crc32: crc32(data),
            size: data.len() as u32,
            local_name: None,
            local_size: None,
            unix_mode: 0o100644,
        }
    }
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut h = flate2::Crc::new();
    h.update(data);
    h.sum()
}

/// Raw deflate of `n_mib` MiB of zeros, made cheaply: one full-flushed
/// block of 1 MiB of zeros (independent of what precedes it) repeated.
pub fn deflated_zeros(n_mib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let zeros = vec![0u8; 1 << 20];
    let mut c = Compress::new(Compression::best(), false);
    let mut block = Vec::with_capacity(8192);
    c.compress_vec(&zeros, &mut block, FlushCompress::Full)
        .unwrap();
    assert_eq!(c.total_in(), 1 << 20, "one call compresses the whole MiB");
    let mut end = Vec::with_capacity(64);
    c.compress_vec(&[], &mut end, FlushCompress::Finish)
        .unwrap();
    let mut out = Vec::with_capacity(block.len() * n_mib + end.len());
    for _ in 0..n_mib {
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(&end);
    out
}

/// A zip bomb: `name` inflates to `n_mib` MiB of zeros while both its
/// headers claim `claimed` bytes.
pub fn bomb(name: &str, n_mib: usize, claimed: u32) -> Entry {
    Entry {
        name: name.as_bytes().to_vec(),
        method: 8,
        data: deflated_zeros(n_mib),
        crc32: crc32(&vec![0u8; claimed as usize]),
        size: claimed,
        local_name: None,
        local_size: None,
        unix_mode: 0o100644,
    }
}

/// Writes the entries (local headers + data), the central directory and the
/// end record, in order; duplicates and lies are kept.
pub fn build(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for e in entries {
        offsets.push(out.len() as u32);
        let name = e.local_name.as_ref().unwrap_or(&e.name);
        out.write_all(&0x0403_4b50u32.to_le_bytes()).unwrap();
        out.write_all(&20u16.to_le_bytes()).unwrap(); // version needed
        out.write_all(&0u16.to_le_bytes()).unwrap(); // flags
        out.write_all(&e.method.to_le_bytes()).unwrap();
        out.write_all(&0u16.to_le_bytes()).unwrap(); // time
        out.write_all(&0x5c21u16.to_le_bytes()).unwrap(); // date
        out.write_all(&e.crc32.to_le_bytes()).unwrap();
        out.write_all(&(e.data.len() as u32).to_le_bytes()).unwrap();
        out.write_all(&e.local_size.unwrap_or(e.size).to_le_bytes())
            .unwrap();
        out.write_all(&(name.len() as u16).to_le_bytes()).unwrap();
        out.write_all(&0u16.to_le_bytes()).unwrap(); // extra
        out.write_all(name).unwrap();
        out.write_all(&e.data).unwrap();
    }
    let cd_start = out.len() as u32;
    for (e, off) in entries.iter().zip(&offsets) {
        out.write_all(&0x0201_4b50u32.to_le_bytes()).unwrap();
        out.write_all(&((3u16 << 8) | 20).to_le_bytes()).unwrap(); // made by Unix
        out.write_all(&20u16.to_le_bytes()).unwrap();
        out.write_all(&0u16.to_le_bytes()).unwrap();
        out.write_all(&e.method.to_le_bytes()).unwrap();
        out.write_all(&0u16.to_le_bytes()).unwrap();
        out.write_all(&0x5c21u16.to_le_bytes()).unwrap();
        out.write_all(&e.crc32.to_le_bytes()).unwrap();
        out.write_all(&(e.data.len() as u32).to_le_bytes()).unwrap();
        out.write_all(&e.size.to_le_bytes()).unwrap();
        out.write_all(&(e.name.len() as u16).to_le_bytes()).unwrap();
        out.write_all(&0u16.to_le_bytes()).unwrap(); // extra
        out.write_all(&0u16.to_le_bytes()).unwrap(); // comment
        out.write_all(&0u16.to_le_bytes()).unwrap(); // disk
        out.write_all(&0u16.to_le_bytes()).unwrap(); // internal attrs
        out.write_all(&(e.unix_mode << 16).to_le_bytes()).unwrap();
        out.write_all(&off.to_le_bytes()).unwrap();
        out.write_all(&e.name).unwrap();
    }
    let cd_len = out.len() as u32 - cd_start;
    out.write_all(&0x0605_4b50u32.to_le_bytes()).unwrap();
    out.write_all(&0u16.to_le_bytes()).unwrap();
    out.write_all(&0u16.to_le_bytes()).unwrap();
    out.write_all(&(entries.len() as u16).to_le_bytes())
        .unwrap();
    out.write_all(&(entries.len() as u16).to_le_bytes())
        .unwrap();
    out.write_all(&cd_len.to_le_bytes()).unwrap();
    out.write_all(&cd_start.to_le_bytes()).unwrap();
    out.write_all(&0u16.to_le_bytes()).unwrap();
    out
}

/// Writes `bytes` to `path` with a matching `.sha256` sidecar, so only the
/// inside of the package can be wrong.
pub fn write_with_sidecar(path: &std::path::Path, bytes: &[u8]) {
    use sha2::{Digest, Sha256};
    std::fs::write(path, bytes).unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    std::fs::write(
        format!("{}.sha256", path.display()),
        format!("{}  {name}\n", hex::encode(Sha256::digest(bytes))),
    )
    .unwrap();
}
