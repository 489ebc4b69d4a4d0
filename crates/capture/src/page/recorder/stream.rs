//! Response bodies streamed into the web archive, for bodies too big (or of
//! unknown size) for one `Network.getResponseBody` call.
//!
//! When a response's head arrives and its body may be large (no
//! `Content-Length`, one over [`STREAM_ABOVE`], or an encoded one over
//! [`STREAM_ENCODED_ABOVE`]: its decoded size is not known), the recorder
//! asks Chromium to stream
//! it (`Network.streamResourceContent`): the answer holds what Chromium had
//! buffered so far, and every later `Network.dataReceived` event carries
//! the next piece. Each piece is decoded and appended to a temporary file
//! (`.<stem>.body-<n>.partial` beside the WARC) while its SHA-256 is
//! computed, so memory holds pieces, never the body; when the body ends
//! its file is closed, and when the page is done the WARC record is written
//! from it (see `WarcFile::write_file_payload`) and the file removed. At
//! most [`MAX_OPEN_STREAMS`] bodies stream at once; the others, like a body
//! Chromium no longer streams (it had ended), are taken in one call.
//!
//! Why not `Fetch.takeResponseBodyAsStream` with `IO.read`, as
//! browsertrix-crawler does: it *takes* the body from the page, which then
//! gets it only if it is handed back whole in one `Fetch.fulfillRequest`
//! (base64 in one message: the whole body in memory again) or not at all
//! (browsertrix gives a page large media empty and fetches them apart; a
//! screenshot would then show a page the visitor never saw). Streaming
//! from `Network` watches the body on its way to the page: nothing is
//! paused, so nothing can stall the page, on errors and cancels too.
//!
//! The limits stay: a body is kept up to
//! [`WebArchiveLimits::per_response`](crate::WebArchiveLimits) bytes and
//! within what is left of the page's `per_page`; the rest is dropped as it
//! arrives and the record says `WARC-Truncated: length`. A page that sends
//! data for a request it never announced, or after a body ended, has it
//! ignored.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine as _;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::{Open, Recorder};
use crate::cdp::Cdp;

/// A body whose declared size is above this is streamed (bytes).
pub(crate) const STREAM_ABOVE: u64 = 1 << 20;
/// An encoded body (`Content-Encoding`: its `Content-Length` is the encoded
/// size, Chromium hands over the decoded body) whose declared size is above
/// this is streamed. Text compresses about 3 to 10 times, so one below it
/// decodes to about [`STREAM_ABOVE`] at most as a rule; one that decodes to
/// more (a crafted body) is still bounded by Chromium's buffer of
/// `per_response` bytes, the same as any body taken in one call. Every
/// other encoded response (most pages' HTML, scripts and styles) is taken
/// in one call: no temporary file, no streaming call.
pub(crate) const STREAM_ENCODED_ABOVE: u64 = STREAM_ABOVE / 16;
/// Bodies streamed at once at most (each holds a file open): a page that
/// opens more gets the others taken in one call, within Chromium's buffers.
pub(crate) const MAX_OPEN_STREAMS: usize = 64;
const STREAM_CALL: Duration = Duration::from_secs(10);

/// Whether the body of the response `resp` (DevTools' `Response`) may be
/// too large for one call: it is then streamed.
pub(crate) fn worth_streaming(resp: &Value) -> bool {
    let status = resp.get("status").and_then(Value::as_u64).unwrap_or(0);
    if (300..400).contains(&status) || status == 204 || status == 304 || status < 200 {
        return false;
    }
    let mut length = None;
    let mut encoded = false;
    if let Some(h) = resp.get("headers").and_then(Value::as_object) {
        for (k, v) in h {
            let v = v.as_str().unwrap_or("").trim();
            if k.eq_ignore_ascii_case("content-length") {
                length = v.parse::<u64>().ok();
            } else if k.eq_ignore_ascii_case("content-encoding")
                && !v.is_empty()
                && !v.eq_ignore_ascii_case("identity")
            {
                encoded = true;
            }
        }
    }
    let above = if encoded {
        STREAM_ENCODED_ABOVE
    } else {
        STREAM_ABOVE
    };
    length.is_none_or(|n| n > above)
}

impl Recorder {
    /// Room left for one more byte of the body `o`: its own limit and what
    /// is left of the page's.
    fn room(&self, kept: u64) -> u64 {
        let page = self.limits.per_page.saturating_sub(self.body_bytes);
        self.limits.per_response.saturating_sub(kept).min(page)
    }

    /// At a response's head: streams its body if it may be large.
    pub(super) fn start_stream(&mut self, cdp: &Cdp, id: &str) {
        let Some(o) = self.open.get(id) else { return };
        // Not asked for when the request starts: a navigation is paused
        // then (see guard.rs), and the call would wait on it.
        if o.stream.is_some() || !o.response.as_ref().is_some_and(worth_streaming) {
            return;
        }
        let streaming = self.open.values().filter(|o| o.stream.is_some()).count();
        if streaming >= MAX_OPEN_STREAMS {
            return;
        }
        self.streams += 1;
        let path = body_path(&self.out_dir, &self.stem, self.streams);
        let session = o.session.clone();
        let Some((mut file, buffered)) = BodyFile::start(cdp, id, session.as_deref(), path) else {
            return;
        };
        self.body_bytes += file.append(&buffered, self.room(0));
        if let Some(o) = self.open.get_mut(id) {
            if let Some(e) = self.entries.get_mut(o.entry) {
                e.streamed = true;
            }
            o.stream = Some(file);
        }
    }

    /// A piece of a streamed body (`Network.dataReceived` with `data`).
    pub(super) fn on_data(&mut self, id: &str, p: &Value) {
        let Some(data) = p.get("data") else { return };
        let kept = match self.open.get(id).and_then(|o| o.stream.as_ref()) {
            Some(f) => f.len,
            None => return,
        };
        let room = self.room(kept);
        let bytes = decode(Some(data));
        let Some(f) = self.open.get_mut(id).and_then(|o| o.stream.as_mut()) else {
            return;
        };
        self.body_bytes += f.append(&bytes, room);
    }

    /// A streamed response ended (`why`: as in [`Recorder::write_streamed`]):
    /// its file is closed now and its record written when the page is done
    /// (so the tab's events are not held up while a large body is compressed).
    pub(super) fn stream_ended(&mut self, mut o: Open, why: Option<&'static str>) {
        if let Some(f) = &mut o.stream {
            let _ = f.close(); // an error stays in `f` for write_streamed
        }
        // Dated when it came, not when the page is done.
        o.ended_at = Some(self.clock.now());
        self.ended.push((o, why));
    }

    pub(super) fn write_streamed(&mut self, mut o: Open, why: Option<&'static str>) {
        let Some(mut file) = o.stream.take() else {
            return;
        };
        let cut = if file.cut { Some("length") } else { why };
        match file.close() {
            Ok(digest) => {
                let body = Body::File {
                    path: &file.path,
                    len: file.len,
                    digest,
                };
                self.write_response_body(o, body, cut);
            }
            Err(e) => {
                if self.failed.is_none() {
                    self.failed = Some(e);
                }
            }
        }
    }
}

/// A response's body for its record: in memory, or in a file (streamed).
pub(super) enum Body<'a> {
    Bytes(&'a [u8]),
    File {
        path: &'a Path,
        len: u64,
        digest: String,
    },
}

impl Body<'_> {
    pub(super) fn len(&self) -> u64 {
        match self {
            Body::Bytes(b) => b.len() as u64,
            Body::File { len, .. } => *len,
        }
    }
}

/// One body being streamed into its temporary file.
pub(crate) struct BodyFile {
    pub path: PathBuf,
    out: Option<BufWriter<File>>,
    hash: Sha256,
    /// Bytes kept.
    pub len: u64,
    /// Bytes were dropped over a limit.
    pub cut: bool,
    pub failed: Option<std::io::Error>,
    /// `sha256:<hex>` once closed.
    digest: Option<String>,
}

impl BodyFile {
    /// Asks Chromium to stream the body of request `id` (on `session`) and
    /// opens `path` for it; `None` when Chromium will not (the body has
    /// already ended: the caller takes it in one call), or the file cannot
    /// be made (`failed`).
    pub fn start(
        cdp: &Cdp,
        id: &str,
        session: Option<&str>,
        path: PathBuf,
    ) -> Option<(BodyFile, Vec<u8>)> {
        // The file first: when it cannot be made (e.g. too many open), the
        // body is taken in one call instead, and Chromium never starts
        // streaming a body nobody reads.
        let out = File::create(&path).ok()?;
        let r = match cdp.call(
            "Network.streamResourceContent",
            json!({"requestId": id}),
            session,
            STREAM_CALL,
        ) {
            Ok(r) => r,
            Err(_) => {
                drop(out);
                let _ = std::fs::remove_file(&path);
                return None;
            }
        };
        let buffered = decode(r.get("bufferedData"));
        let file = BodyFile {
            path,
            out: Some(BufWriter::with_capacity(1 << 16, out)),
            hash: Sha256::new(),
            len: 0,
            cut: false,
            failed: None,
            digest: None,
        };
        Some((file, buffered))
    }

    /// Appends `bytes`, keeping at most `room` of them (the rest is cut).
    /// Returns how many were kept.
    pub fn append(&mut self, bytes: &[u8], room: u64) -> u64 {
        let keep = (bytes.len() as u64).min(room) as usize;
        if keep < bytes.len() {
            self.cut = true;
        }
        if keep == 0 || self.failed.is_some() {
            return 0;
        }
        let Some(out) = &mut self.out else { return 0 };
        if let Err(e) = out.write_all(&bytes[..keep]) {
            self.failed = Some(e);
            return 0;
        }
        self.hash.update(&bytes[..keep]);
        self.len += keep as u64;
        keep as u64
    }

    /// Flushes and closes the file (once); `sha256:<hex>` of what it
    /// holds. A write error is kept and returned by every call.
    pub fn close(&mut self) -> Result<String, std::io::Error> {
        if let Some(d) = &self.digest {
            return Ok(d.clone());
        }
        if let Some(mut out) = self.out.take() {
            if let Err(e) = out.flush() {
                self.failed.get_or_insert(e);
            }
        }
        if let Some(e) = &self.failed {
            return Err(std::io::Error::new(e.kind(), e.to_string()));
        }
        let h = std::mem::take(&mut self.hash);
        let d = format!("sha256:{}", hex::encode(h.finalize()));
        self.digest = Some(d.clone());
        Ok(d)
    }
}

impl Drop for BodyFile {
    fn drop(&mut self) {
        self.out = None;
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The temporary file of the `n`th streamed body of the page `stem`.
pub(crate) fn body_path(dir: &Path, stem: &str, n: u64) -> PathBuf {
    dir.join(format!(".{stem}.body-{n}.partial"))
}

/// The bytes of a DevTools `binary` value (base64); empty if it is none.
pub(crate) fn decode(v: Option<&Value>) -> Vec<u8> {
    let s = v.and_then(Value::as_str).unwrap_or("");
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_known_bodies_are_taken_in_one_call_others_streamed() {
        let r = |status: u64, h: Value| json!({"status": status, "headers": h});
        assert!(!worth_streaming(&r(200, json!({"Content-Length": "1000"}))));
        assert!(worth_streaming(&r(
            200,
            json!({"content-length": "2000000"})
        )));
        assert!(worth_streaming(&r(200, json!({}))));
        // Encoded: a small one in one call, a larger or unknown one streamed.
        assert!(!worth_streaming(&r(
            200,
            json!({"Content-Length": "10", "Content-Encoding": "gzip"})
        )));
        assert!(!worth_streaming(&r(
            200,
            json!({"content-length": "65536", "content-encoding": "br"})
        )));
        assert!(worth_streaming(&r(
            200,
            json!({"Content-Length": "65537", "Content-Encoding": "gzip"})
        )));
        assert!(worth_streaming(&r(
            200,
            json!({"Content-Encoding": "gzip"})
        )));
        assert!(!worth_streaming(&r(
            200,
            json!({"Content-Length": "65537", "Content-Encoding": "identity"})
        )));
        assert!(!worth_streaming(&r(302, json!({}))));
        assert!(!worth_streaming(&r(304, json!({}))));
    }

    #[test]
    fn a_body_keeps_what_fits_and_says_it_was_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = body_path(dir.path(), "p", 1);
        let mut b = BodyFile {
            path: path.clone(),
            out: Some(BufWriter::new(File::create(&path).unwrap())),
            hash: Sha256::new(),
            len: 0,
            cut: false,
            failed: None,
            digest: None,
        };
        assert_eq!(b.append(b"abcdef", 10), 6);
        assert_eq!(b.append(b"ghijkl", 4), 4);
        assert!(b.cut);
        let d = b.close().unwrap();
        assert_eq!(b.close().unwrap(), d, "closing twice");
        assert_eq!(std::fs::read(&path).unwrap(), b"abcdefghij");
        assert_eq!(
            d,
            format!("sha256:{}", hex::encode(Sha256::digest(b"abcdefghij")))
        );
        drop(b);
        assert!(!path.exists(), "the temporary file is removed");
    }
}
