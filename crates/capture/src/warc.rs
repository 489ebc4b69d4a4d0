//! WARC 1.1 records, written by us (the format is simple): every record is
//! its own gzip member, so an index can point at its offset and a reader
//! can start there. Record ids are derived deterministically from a seed
//! (`urn:uuid:` of its SHA-256), dates come from the injected clock.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
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

/// The record's WARC head (ending in its empty line) for a block of `len`
/// bytes with the given digests.
fn record_head(r: &Record, len: u64, payload_digest: Option<&str>, block_digest: &str) -> String {
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
    if let Some(d) = payload_digest {
        head.push_str(&format!("WARC-Payload-Digest: {d}\r\n"));
    }
    head.push_str(&format!(
        "WARC-Block-Digest: {block_digest}\r\nContent-Type: {}\r\nContent-Length: {len}\r\n\r\n",
        r.content_type
    ));
    head
}

/// The record, uncompressed.
pub fn record_bytes(r: &Record) -> Vec<u8> {
    let len = r.http_head.len() + r.payload.len();
    let payload_digest = (!r.http_head.is_empty()).then(|| digest(&[r.payload]));
    let head = record_head(
        r,
        len as u64,
        payload_digest.as_deref(),
        &digest(&[r.http_head, r.payload]),
    );
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

    /// Appends `r` (its `payload` empty) with the payload read from the
    /// file at `payload` (`payload_digest` its `sha256:` digest), streamed:
    /// the file is read twice (the block digest, then the record) and never
    /// held in memory. Compressed fast: such large bodies are mostly media,
    /// compressed already. Returns the record's offset.
    pub fn write_file_payload(
        &mut self,
        r: &Record,
        payload: &Path,
        payload_digest: &str,
    ) -> std::io::Result<u64> {
        let mut h = Sha256::new();
        h.update(r.http_head);
        let len = std::io::copy(&mut File::open(payload)?, &mut h)?;
        let block = format!("sha256:{}", hex::encode(h.finalize()));
        let total = r.http_head.len() as u64 + len;
        let head = record_head(r, total, Some(payload_digest), &block);
        let at = self.written;
        let mut counted = Counted {
            out: &mut self.out,
            n: 0,
        };
        let mut gz = GzEncoder::new(&mut counted, Compression::fast());
        gz.write_all(head.as_bytes())?;
        gz.write_all(r.http_head)?;
        let copied = std::io::copy(&mut File::open(payload)?.take(len), &mut gz)?;
        if copied != len {
            return Err(std::io::Error::other(
                "a streamed body changed while it was written",
            ));
        }
        gz.write_all(b"\r\n\r\n")?;
        gz.finish()?;
        self.written += counted.n;
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

/// A writer that counts what passes through it.
struct Counted<'a, W: Write> {
    out: &'a mut W,
    n: u64,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.n += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
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

    #[test]
    fn a_payload_from_a_file_makes_the_same_record_as_one_in_memory() {
        use std::io::Read;
        let dir = tempfile::tempdir().unwrap();
        let body: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let file = dir.path().join("body");
        std::fs::write(&file, &body).unwrap();
        let rec = |payload| Record {
            kind: "response",
            id: record_id("x"),
            date: chrono::DateTime::UNIX_EPOCH,
            target: Some("http://example.test/"),
            content_type: "application/http;msgtype=response",
            fields: vec![("WARC-Truncated", "length".into())],
            http_head: b"HTTP/1.1 200 OK\r\nContent-Length: 300000\r\n\r\n",
            payload,
        };
        let out = dir.path().join("a.warc.gz");
        let mut w = WarcFile::create(&out).unwrap();
        w.write_file_payload(&rec(&[]), &file, &digest(&[&body]))
            .unwrap();
        let n = w.written;
        w.finish().unwrap();
        let gz = std::fs::read(&out).unwrap();
        assert_eq!(gz.len() as u64, n, "offsets count what was written");
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, record_bytes(&rec(&body)));
    }
}
