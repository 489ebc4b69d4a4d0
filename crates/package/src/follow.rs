//! The package's own SHA-256 (its `.sha256` sidecar), computed while the
//! package is written instead of in a second pass over the finished file.
//!
//! [`Tracked`] sits under the container's buffer and sees every write and
//! seek that reaches the file. A zip writer goes back once per entry, after
//! the entry's data, to patch that entry's local header (CRC-32 and sizes);
//! bytes are final only once that patch is done. So `Tracked` marks the file
//! final up to its end each time a seek returns to the end after a patch (a
//! tar writer never seeks: `eager` marks every write final at once). A second
//! thread hashes the final part as it grows, reading it back from the page
//! cache while the next entry is being written, so the sidecar's hash runs
//! beside the entries' own hashes on the other core and is done when the
//! package is. A write into a part already marked final (a writer that
//! patches differently than assumed) voids the running hash, and the caller
//! then hashes the finished file as before: the sidecar is never wrong.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use crate::container::COPY_BUF;
use crate::fixity::Fingerprint;

#[derive(Default)]
struct State {
    /// Bytes before this offset are final and may be hashed.
    stable: u64,
    /// No more writes: hash up to `stable` and stop.
    finished: bool,
    /// The export failed or was cancelled: stop without a result.
    abort: bool,
    /// A write landed below `stable`: the running hash is void.
    void: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

impl Shared {
    fn update(&self, f: impl FnOnce(&mut State)) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut s);
        drop(s);
        self.wake.notify_one();
    }
}

/// The file under the container's buffer; reports what is final.
pub struct Tracked {
    file: File,
    pos: u64,
    end: u64,
    /// A seek went below the end (a header patch is under way).
    patching: bool,
    eager: bool,
    stable: u64,
    shared: Arc<Shared>,
}

/// The thread hashing the file behind its writer.
pub struct Follower {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<io::Result<(String, u64)>>>,
}

/// Creates (truncates) `path` for writing and starts the thread that hashes
/// it, through a handle of its own. `eager`: every written byte is final (a
/// writer that never seeks back).
pub fn follow(path: &Path, eager: bool) -> io::Result<(Tracked, Follower)> {
    let file = File::create(path)?;
    let reader = File::open(path)?;
    let shared = Arc::new(Shared::default());
    let s2 = shared.clone();
    let thread = std::thread::Builder::new()
        .name("package-sha256".into())
        .spawn(move || hash_behind(&reader, &s2))?;
    Ok((
        Tracked {
            file,
            pos: 0,
            end: 0,
            patching: false,
            eager,
            stable: 0,
            shared: shared.clone(),
        },
        Follower {
            shared,
            thread: Some(thread),
        },
    ))
}

fn hash_behind(f: &File, shared: &Shared) -> io::Result<(String, u64)> {
    let mut fp = Fingerprint::new();
    let mut buf = vec![0u8; COPY_BUF];
    loop {
        let (upto, finished) = {
            let mut s = shared.state.lock().unwrap_or_else(|e| e.into_inner());
            while !s.abort && !s.finished && s.stable <= fp.size() {
                s = shared.wake.wait(s).unwrap_or_else(|e| e.into_inner());
            }
            if s.abort || s.void {
                return Err(io::Error::other("package hash stopped"));
            }
            (s.stable, s.finished)
        };
        while fp.size() < upto {
            let want = (upto - fp.size()).min(buf.len() as u64) as usize;
            let n = read_at(f, &mut buf[..want], fp.size())?;
            if n == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            fp.feed(&buf[..n]);
        }
        if finished {
            return Ok(fp.finish());
        }
    }
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(f, buf, at)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    // Moves this handle's position only: the reader was opened on its own.
    std::os::windows::fs::FileExt::seek_read(f, buf, at)
}

impl Tracked {
    fn advance(&mut self, to: u64) {
        if to > self.stable {
            self.stable = to;
            self.shared.update(|s| s.stable = to);
        }
    }

    /// Marks everything written final; returns the file (for its fsync).
    pub fn finish(mut self) -> File {
        let end = self.end;
        self.advance(end);
        self.shared.update(|s| s.finished = true);
        self.file
    }
}

impl Write for Tracked {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pos < self.stable {
            self.shared.update(|s| s.void = true);
        }
        let n = self.file.write(buf)?;
        self.pos += n as u64;
        self.end = self.end.max(self.pos);
        if self.eager {
            self.advance(self.end);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Seek for Tracked {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let at = self.file.seek(to)?;
        if at < self.end {
            self.patching = true;
        } else if at == self.end && self.patching {
            // Back at the end after a patch: the entry before is complete.
            self.patching = false;
            self.advance(at);
        }
        self.pos = at;
        Ok(at)
    }
}

impl Follower {
    /// The file's SHA-256 and size once [`Tracked::finish`] was called;
    /// `None` when the running hash is void (hash the file instead).
    pub fn result(mut self) -> Option<(String, u64)> {
        self.thread.take()?.join().ok()?.ok()
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        if let Some(t) = self.thread.take() {
            self.shared.update(|s| s.abort = true);
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn sha(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))
    }

    /// A zip with stored, deflated and zip64-sized entries, written through
    /// `Tracked` the way the export does: the running hash is the file's.
    #[test]
    fn the_running_hash_of_a_zip_is_the_finished_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.zip");
        let (t, follower) = follow(&path, false).unwrap();
        let mut z = zip::ZipWriter::new(io::BufWriter::with_capacity(COPY_BUF, t));
        let big: Vec<u8> = (0..3 * COPY_BUF as u32 + 17)
            .map(|i| (i * 7) as u8)
            .collect();
        for (i, (method, large)) in [
            (zip::CompressionMethod::Stored, false),
            (zip::CompressionMethod::Deflated, false),
            (zip::CompressionMethod::Stored, true),
            (zip::CompressionMethod::Stored, false),
        ]
        .into_iter()
        .enumerate()
        {
            let o = zip::write::SimpleFileOptions::default()
                .compression_method(method)
                .large_file(large);
            z.start_file(format!("e{i}"), o).unwrap();
            z.write_all(&big[..big.len() - i]).unwrap();
        }
        let t = z.finish().unwrap().into_inner().map_err(|e| e.into_error());
        let _file = t.unwrap().finish();
        let got = follower.result().expect("a running hash");
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(got, (sha(&bytes), bytes.len() as u64));
    }

    /// A write into the part already hashed voids the result instead of
    /// giving a wrong one.
    #[test]
    fn a_write_into_the_hashed_part_voids_the_hash() {
        let dir = tempfile::tempdir().unwrap();
        let (mut t, follower) = follow(&dir.path().join("f"), true).unwrap();
        t.write_all(b"0123456789").unwrap();
        t.seek(SeekFrom::Start(2)).unwrap();
        t.write_all(b"xx").unwrap();
        t.seek(SeekFrom::End(0)).unwrap();
        let _f = t.finish();
        assert_eq!(follower.result(), None);
    }

    /// An export that fails drops the follower: its thread ends (checked
    /// within a time, so that a thread left waiting fails the test instead
    /// of hanging it).
    #[test]
    fn dropping_the_follower_stops_its_thread() {
        let dir = tempfile::tempdir().unwrap();
        let (mut t, follower) = follow(&dir.path().join("f"), false).unwrap();
        t.write_all(b"abc").unwrap();
        let (done, dropped) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            drop(follower);
            let _ = done.send(());
        });
        dropped
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("dropping the follower ends its thread");
        // The thread's handle on the shared state is gone with it.
        assert_eq!(Arc::strong_count(&t.shared), 1);
        drop(t);
    }
}
