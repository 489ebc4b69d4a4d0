//! WARC 1.1 records, written by us (the format is simple): every record is
//! its own gzip member, so an index can point at its offset and a reader
//! can start there. Record ids are derived deterministically from a seed
//! (`urn:uuid:` of its SHA-256), dates come from the injected clock.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use ogonblick_model::Timestamp;
use sha2::{Digest, Sha256};

/// The WARC version every record declares.
pub const WARC_VERSION: &str = "WARC/1.1";

/// One record before it is written.
pub struct Record<'a> {
    /// `warcinfo`, `request`, `response`, `metadata`, `resource`.
    pub kind: &'a str,
    pub id: String,
    pub date: Timestamp,
    pub target: Option<&'a str>,
    pub content_type: &'a str,
    /// Further named fields (`WARC-Concurrent-To`, `WARC-Truncated`, …).
    pub fields: Vec<(&'static str, String)>,
    /// The HTTP head (status or request line and headers, ending in an
    /// empty line), for `request` and `response` records; empty otherwise.
    pub http_head: &'a [u8],
    /// The payload (the HTTP body, or the whole block of other records).
    pub payload: &'a [u8],
}

/// `<urn:uuid:…>` derived from `seed` (a name-based UUID, version 8).
pub fn record_id(seed: &str) -> String {
    let h = Sha256::digest(seed.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let x = hex::encode(b);
    format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &x[..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..]
    )
}

/// `sha256:<hex>`, the digest form browsertrix-crawler writes.
pub fn digest(bytes: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for b in bytes {
        h.update(b);
    }
    format!("sha256:{}", hex::encode(h.finalize()))
}

/// A WARC date: UTC, seconds.
pub fn warc_date(t: &Timestamp) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A field value on one line: line breaks and other controls become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The record, uncompressed.
pub fn record_bytes(r: &Record) -> Vec<u8> {
    let len = r.http_head.len() + r.payload.len();
    let mut head = format!(
        "{WARC_VERSION}\r\nWARC-Type: {}\r\nWARC-Record-ID: {}\r\nWARC-Date: {}\r\n",
        r.kind,
        r.id,
        warc_date(&r.date)
    );
    if let Some(t) = r.target {
        head.push_str(&format!("WARC-Target-URI: {}\r\n", one_line(t)));
    }
    for (k, v) in &r.fields {
        head.push_str(&format!("{k}: {}\r\n", one_line(v)));
    }
    if !r.http_head.is_empty() {
        head.push_str(&format!(
            "WARC-Payload-Digest: {}\r\n",
            digest(&[r.payload])
        ));
    }
    head.push_str(&format!(
        "WARC-Block-Digest: {}\r\nContent-Type: {}\r\nContent-Length: {len}\r\n\r\n",
        digest(&[r.http_head, r.payload]),
        r.content_type
    ));
    let mut out = Vec::with_capacity(head.len() + len + 4);
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(r.http_head);
    out.extend_from_slice(r.payload);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// The record as one gzip member.
pub fn gzip_record(r: &Record) -> std::io::Result<Vec<u8>> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&record_bytes(r))?;
    gz.finish()
}

/// A WARC file being written, record by record.
pub struct WarcFile {
    out: BufWriter<File>,
    /// Bytes written so far (the offset of the next record).
    pub written: u64,
}

impl WarcFile {
    pub fn create(path: &Path) -> std::io::Result<WarcFile> {
        Ok(WarcFile {
            out: BufWriter::new(File::create(path)?),
            written: 0,
        })
    }

    /// Appends `r`; returns its offset.
    pub fn write(&mut self, r: &Record) -> std::io::Result<u64> {
        let member = gzip_record(r)?;
        let at = self.written;
        self.out.write_all(&member)?;
        self.written += member.len() as u64;
        Ok(at)
    }

    /// Appends members written elsewhere (another WARC's records).
    pub fn append(&mut self, from: &Path) -> std::io::Result<()> {
        let mut f = File::open(from)?;
        self.written += std::io::copy(&mut f, &mut self.out)?;
        Ok(())
    }

    /// Flushes and fsyncs.
    pub fn finish(self) -> std::io::Result<()> {
        let f = self.out.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()
    }
}

/// The `warcinfo` record that opens a WARC: `fields` as `application/warc-fields`.
pub fn warcinfo<'a>(
    id: String,
    date: Timestamp,
    filename: &str,
    fields: &[(&str, String)],
    block: &'a mut Vec<u8>,
) -> Record<'a> {
    block.clear();
    for (k, v) in fields {
        block.extend_from_slice(format!("{k}: {}\r\n", one_line(v)).as_bytes());
    }
    Record {
        kind: "warcinfo",
        id,
        date,
        target: None,
        content_type: "application/warc-fields",
        fields: vec![("WARC-Filename", filename.to_string())],
        http_head: &[],
        payload: block,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuids_and_differ_by_seed() {
        let a = record_id("a");
        assert_eq!(a.len(), "<urn:uuid:>".len() + 36);
        assert_ne!(a, record_id("b"));
        assert_eq!(a, record_id("a"));
    }
}
