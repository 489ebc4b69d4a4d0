//! The package container (zip or tar), written entry by entry in one pass:
//! each file is read once, hashed and format-sniffed while it is copied.
//! PNG and PDF entries are stored (no recompression), XML and text deflated.
//! The whole package's SHA-256 (the sidecar) is computed beside, as the bytes
//! become final (`follow.rs`).

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use crate::fixity::Fingerprint;
use crate::follow::{follow, Follower, Tracked};
use crate::sniff::{FormatId, Sniffer};
use crate::PackageFormat;

pub const COPY_BUF: usize = 256 * 1024;

/// From this size on an entry's own SHA-256 (and format sniffing) runs on a
/// thread of its own beside the copy (`piped`).
const PIPE_MIN: u64 = 4 * COPY_BUF as u64;

pub struct Writer {
    inner: Inner,
    follower: Follower,
}

#[allow(clippy::large_enum_variant)] // one per export
enum Inner {
    Zip(zip::ZipWriter<BufWriter<Tracked>>, zip::DateTime),
    Tar(tar::Builder<BufWriter<Tracked>>, u64),
}

/// What copying one entry produced.
pub struct Copied {
    pub sha256: String,
    pub size: u64,
    pub format: FormatId,
}

impl Writer {
    pub fn create(
        path: &Path,
        format: PackageFormat,
        mtime: chrono::DateTime<chrono::Utc>,
    ) -> io::Result<Writer> {
        // A zip goes back to patch each entry's header; a tar never does.
        let (f, follower) = follow(path, format == PackageFormat::Tar)?;
        let w = BufWriter::with_capacity(COPY_BUF, f);
        let inner = match format {
            PackageFormat::Zip => {
                use chrono::{Datelike, Timelike};
                let dt = zip::DateTime::from_date_and_time(
                    mtime.year().clamp(1980, 2107) as u16,
                    mtime.month() as u8,
                    mtime.day() as u8,
                    mtime.hour() as u8,
                    mtime.minute() as u8,
                    (mtime.second() / 2 * 2) as u8,
                )
                .unwrap_or_default();
                Inner::Zip(zip::ZipWriter::new(w), dt)
            }
            PackageFormat::Tar => {
                let mut b = tar::Builder::new(w);
                b.mode(tar::HeaderMode::Deterministic);
                Inner::Tar(b, mtime.timestamp().max(0) as u64)
            }
        };
        Ok(Writer { inner, follower })
    }

    /// Copies `size` bytes from `reader` into entry `name`, hashing and
    /// sniffing them on the way. `on_chunk` sees every chunk's length (for
    /// progress and cancellation: an `Err` aborts the copy).
    pub fn add_stream(
        &mut self,
        name: &str,
        size: u64,
        compress: bool,
        reader: &mut dyn Read,
        on_chunk: &mut dyn FnMut(usize) -> io::Result<()>,
    ) -> io::Result<Copied> {
        let mut tee = Tee {
            inner: reader,
            fp: Fingerprint::new(),
            sniff: Sniffer::new(name),
            on_chunk,
        };
        match &mut self.inner {
            Inner::Zip(z, dt) => {
                let opts = zip::write::SimpleFileOptions::default()
                    .compression_method(if compress {
                        zip::CompressionMethod::Deflated
                    } else {
                        zip::CompressionMethod::Stored
                    })
                    .last_modified_time(*dt)
                    .unix_permissions(0o644)
                    .large_file(size >= 0xFFFF_FFFF);
                z.start_file(name, opts).map_err(zip_io)?;
                if size >= PIPE_MIN {
                    (tee.fp, tee.sniff) =
                        piped(tee.inner, tee.sniff, tee.on_chunk, &mut |b| z.write_all(b))?;
                } else {
                    let mut buf = vec![0u8; COPY_BUF];
                    loop {
                        let n = tee.read(&mut buf)?;
                        if n == 0 {
                            break;
                        }
                        z.write_all(&buf[..n])?;
                    }
                }
            }
            Inner::Tar(b, mtime) => {
                let mut h = tar::Header::new_gnu();
                h.set_size(size);
                h.set_mode(0o644);
                h.set_mtime(*mtime);
                h.set_uid(0);
                h.set_gid(0);
                h.set_entry_type(tar::EntryType::Regular);
                let mut limited = (&mut tee).take(size);
                b.append_data(&mut h, name, &mut limited)?;
                // append_data pads to the header size; a short read means the
                // source shrank while being copied.
            }
        }
        if tee.fp.size() != size {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{name}: expected {size} bytes, read {} (the file changed while it was being packaged)", tee.fp.size()),
            ));
        }
        let Tee { fp, sniff, .. } = tee;
        let (sha256, size) = fp.finish();
        Ok(Copied {
            sha256,
            size,
            format: sniff.finish(),
        })
    }

    pub fn add_bytes(&mut self, name: &str, bytes: &[u8], compress: bool) -> io::Result<Copied> {
        let mut r = bytes;
        self.add_stream(name, bytes.len() as u64, compress, &mut r, &mut |_| Ok(()))
    }

    /// Writes the central directory / end blocks, flushes and fsyncs;
    /// returns the package's SHA-256 and size, or `None` when they could not
    /// be computed on the way (then hash the file: `fixity::sha256_file`).
    pub fn finish(self) -> io::Result<Option<(String, u64)>> {
        let w = match self.inner {
            Inner::Zip(z, _) => z.finish().map_err(zip_io)?,
            Inner::Tar(b, _) => b.into_inner()?,
        };
        let f = w.into_inner().map_err(|e| e.into_error())?.finish();
        // The hash of the last part runs while the file goes to disk.
        f.sync_all()?;
        Ok(self.follower.result())
    }
}

/// The thread that hashes a copy stopped before the copy ended (a fault of
/// the program): an io error's source, told as `package-hash-stopped`.
#[derive(Debug, thiserror::Error)]
#[error("the hashing thread stopped")]
pub(crate) struct HashStopped;

/// Whether `e` is a stopped hashing thread's.
pub(crate) fn hash_stopped(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|e| e.is::<HashStopped>())
}

fn zip_io(e: zip::result::ZipError) -> io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// Copies `reader` to `write` while another thread hashes and sniffs the
/// same buffers (handed over, not copied): the copy, the entry's hash and the
/// package's hash (`follow.rs`) each run on their own core.
fn piped(
    reader: &mut dyn Read,
    sniff: Sniffer,
    on_chunk: &mut dyn FnMut(usize) -> io::Result<()>,
    write: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<(Fingerprint, Sniffer)> {
    use std::sync::mpsc::sync_channel;
    const BUFS: usize = 3;
    let (full_tx, full_rx) = sync_channel::<(Vec<u8>, usize)>(BUFS);
    let (free_tx, free_rx) = sync_channel::<Vec<u8>>(BUFS);
    for _ in 0..BUFS {
        let _ = free_tx.send(vec![0u8; COPY_BUF]);
    }
    std::thread::scope(|s| {
        let hasher = s.spawn(move || {
            let (mut fp, mut sniff) = (Fingerprint::new(), sniff);
            for (buf, n) in full_rx {
                fp.feed(&buf[..n]);
                sniff.feed(&buf[..n]);
                let _ = free_tx.send(buf);
            }
            (fp, sniff)
        });
        let copied = (|| -> io::Result<()> {
            loop {
                let mut buf = free_rx.recv().map_err(|_| io::Error::other(HashStopped))?;
                let n = reader.read(&mut buf)?;
                if n == 0 {
                    return Ok(());
                }
                on_chunk(n)?;
                write(&buf[..n])?;
                full_tx
                    .send((buf, n))
                    .map_err(|_| io::Error::other(HashStopped))?;
            }
        })();
        drop(full_tx);
        let hashed = hasher.join().map_err(|_| io::Error::other(HashStopped))?;
        copied.map(|()| hashed)
    })
}

struct Tee<'a> {
    inner: &'a mut dyn Read,
    fp: Fingerprint,
    sniff: Sniffer,
    on_chunk: &'a mut dyn FnMut(usize) -> io::Result<()>,
}

impl Read for Tee<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.fp.feed(&buf[..n]);
            self.sniff.feed(&buf[..n]);
            (self.on_chunk)(n)?;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod hash_stopped_tests {
    use ogonblick_model::Language;

    use super::HashStopped;
    use crate::PackageError;

    /// h-voc9: a stopped hashing thread is a key of its own, not an io
    /// error's English text inside a Swedish sentence.
    #[test]
    fn a_stopped_hashing_thread_is_told_in_swedish() {
        let e = PackageError::Write {
            path: "/tmp/p.zip".into(),
            source: std::io::Error::other(HashStopped),
        };
        let sv = e.message().render(Language::Sv);
        assert!(
            sv.starts_with("Kontrollsumman för /tmp/p.zip kunde inte beräknas"),
            "{sv}"
        );
        assert!(!sv.contains("thread"), "{sv}");
    }
}
