//! The web archive of one page: every HTTP request and response the tab
//! (and its out-of-process frames) makes, from the DevTools `Network`
//! events and `Network.getResponseBody`, written as WARC 1.1 records
//! (`request`, `response`, one gzip member each) into
//! `.<stem>.warc.gz.partial`, and at the end a `metadata` record (JSON)
//! with every address's status; renamed to `<stem>.warc.gz`, also when the
//! page failed (what was received is kept). The page's bytes go nowhere
//! else. Memory is bounded: Chromium keeps at most
//! [`WebArchiveLimits::per_response`] of one body and
//! [`WebArchiveLimits::per_page`] in all for us (`Network.enable` buffer
//! sizes), a body beyond either limit is cut (`WARC-Truncated: length`), and
//! at most [`MAX_ENTRIES`] requests are recorded. A body that may be too
//! large for one call is streamed into a temporary file instead, piece by
//! piece, within the same limits (`recorder/stream.rs`). A response's
//! head is the raw one from the wire when Chromium gives it
//! (`Network.responseReceivedExtraInfo`, `recorder/raw_head.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine as _;
use serde::Serialize;
use serde_json::{json, Value};

use crate::cdp::{Cdp, Event};
use crate::error::io_err;
use crate::options::{CaptureClock, WebArchiveLimits};
use crate::warc::{record_id, Record, WarcFile};
use crate::CaptureError;

mod raw_head;
mod stream;
use raw_head::RawHeads;
use stream::{Body, BodyFile};

/// Requests recorded per page at most (a hostile page may make endless ones).
pub(crate) const MAX_ENTRIES: usize = 5_000;
const BODY_CALL: Duration = Duration::from_secs(30);

/// One address the page asked for, in the page's metadata record.
#[derive(Serialize)]
struct Entry {
    url: String,
    method: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mime: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    /// Why the body is not whole (`length`: over a size limit; `unavailable`).
    #[serde(skip_serializing_if = "Option::is_none")]
    truncated: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    redirected_to: Option<String>,
    /// The body was streamed (it may have been too large for one call).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    streamed: bool,
}

struct Open {
    /// DevTools' `requestId` (it matches the raw response heads).
    request_id: String,
    request_record: String,
    url: String,
    entry: usize,
    response: Option<Value>,
    /// The session whose `Network` domain holds the body.
    session: Option<String>,
    /// The body, when it is streamed.
    stream: Option<BodyFile>,
    /// When a streamed response ended (its record is written later, and
    /// dated then, as one taken in one call is dated when it ended).
    ended_at: Option<ogonblick_model::Timestamp>,
}

pub(crate) struct Recorder {
    file: Option<WarcFile>,
    tmp: PathBuf,
    final_path: PathBuf,
    seed: String,
    seq: u64,
    clock: CaptureClock,
    limits: WebArchiveLimits,
    body_bytes: u64,
    open: HashMap<String, Open>,
    entries: Vec<Entry>,
    dropped: u64,
    failed: Option<std::io::Error>,
    /// Set once the WARC has its final name.
    renamed: bool,
    out_dir: PathBuf,
    stem: String,
    /// Bodies streamed so far (names their temporary files).
    streams: u64,
    /// Streamed responses that ended, written at [`Recorder::finish`] (so
    /// the tab's events are not held up while a large body is compressed).
    ended: Vec<(Open, Option<&'static str>)>,
    /// The raw response heads (`Network.responseReceivedExtraInfo`).
    raw: RawHeads,
}

impl Recorder {
    pub fn start(
        out_dir: &Path,
        stem: &str,
        clock: CaptureClock,
        limits: WebArchiveLimits,
    ) -> Result<Recorder, CaptureError> {
        std::fs::create_dir_all(out_dir).map_err(|e| io_err(out_dir, e))?;
        let tmp = out_dir.join(format!(".{stem}.warc.gz.partial"));
        let file = WarcFile::create(&tmp).map_err(|e| io_err(&tmp, e))?;
        Ok(Recorder {
            file: Some(file),
            tmp,
            final_path: out_dir.join(format!("{stem}.warc.gz")),
            seed: format!("{}/{stem}", out_dir.display()),
            seq: 0,
            clock,
            limits,
            body_bytes: 0,
            open: HashMap::new(),
            entries: Vec::new(),
            dropped: 0,
            failed: None,
            renamed: false,
            out_dir: out_dir.to_path_buf(),
            stem: stem.to_string(),
            streams: 0,
            ended: Vec::new(),
            raw: RawHeads::default(),
        })
    }

    fn next_id(&mut self) -> String {
        self.seq += 1;
        record_id(&format!("{}#{}", self.seed, self.seq))
    }

    fn write(&mut self, r: &Record) {
        if self.failed.is_some() {
            return;
        }
        if let Some(f) = &mut self.file {
            if let Err(e) = f.write(r) {
                self.failed = Some(e);
            }
        }
    }

    /// Handles one event of the tab's sessions.
    pub fn on_event(&mut self, cdp: &Cdp, ev: &Event) {
        let p = &ev.params;
        let id = p.get("requestId").and_then(Value::as_str).unwrap_or("");
        match ev.method.as_str() {
            "Network.requestWillBeSent" => {
                if let Some(rr) = p.get("redirectResponse") {
                    if let Some(mut o) = self.open.remove(id) {
                        o.response = Some(rr.clone());
                        let to = p.pointer("/request/url").and_then(Value::as_str);
                        if let Some(e) = self.entries.get_mut(o.entry) {
                            e.redirected_to = to.map(str::to_string);
                        }
                        self.write_response(o, Vec::new(), None);
                    }
                }
                self.request(id, p, ev.session.clone());
            }
            "Network.responseReceived" => {
                if let Some(o) = self.open.get_mut(id) {
                    o.response = p.get("response").cloned();
                    self.start_stream(cdp, id);
                }
            }
            // Kept only for a request still open: a head that comes after
            // its record was written, or for a request not recorded, is
            // never taken.
            "Network.responseReceivedExtraInfo" if self.open.contains_key(id) => {
                self.raw.on_extra_info(id, p)
            }
            "Network.dataReceived" => self.on_data(id, p),
            "Network.loadingFinished" => {
                if let Some(o) = self.open.remove(id) {
                    if o.stream.is_some() {
                        self.stream_ended(o, None);
                        return;
                    }
                    let encoded = p
                        .get("encodedDataLength")
                        .and_then(Value::as_f64)
                        .unwrap_or(0.0) as u64;
                    let (body, cut) = self.body(cdp, id, &o, encoded);
                    self.write_response(o, body, cut);
                }
            }
            "Network.loadingFailed" => {
                if let Some(o) = self.open.remove(id) {
                    let err = p.get("errorText").and_then(Value::as_str).unwrap_or("");
                    if let Some(e) = self.entries.get_mut(o.entry) {
                        e.error = Some(err.chars().take(200).collect());
                    }
                    if o.stream.is_some() {
                        self.stream_ended(o, Some("disconnect"));
                    } else if o.response.is_some() {
                        self.write_response(o, Vec::new(), Some("unavailable"));
                    }
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, id: &str, p: &Value, session: Option<String>) {
        let Some(req) = p.get("request") else { return };
        let url = req.get("url").and_then(Value::as_str).unwrap_or("");
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return;
        }
        if self.entries.len() >= MAX_ENTRIES {
            self.dropped += 1;
            return;
        }
        let method = req.get("method").and_then(Value::as_str).unwrap_or("GET");
        let method: String = method
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .take(16)
            .collect();
        let mut head = format!("{method} {} HTTP/1.1\r\n", path_of(url));
        let headers = header_lines(req.get("headers"));
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", host_of(url)));
        }
        for (k, v) in &headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        let body = req
            .get("postData")
            .and_then(Value::as_str)
            .unwrap_or("")
            .as_bytes()
            .to_vec();
        let rid = self.next_id();
        let date = self.clock.now();
        self.write(&Record {
            kind: "request",
            id: rid.clone(),
            date,
            target: Some(url),
            content_type: "application/http;msgtype=request",
            fields: Vec::new(),
            http_head: head.as_bytes(),
            payload: &body,
        });
        self.entries.push(Entry {
            url: url.to_string(),
            method,
            status: None,
            mime: None,
            error: None,
            truncated: None,
            redirected_to: None,
            streamed: false,
        });
        self.open.insert(
            id.to_string(),
            Open {
                request_id: id.to_string(),
                request_record: rid,
                url: url.to_string(),
                entry: self.entries.len() - 1,
                response: None,
                session,
                stream: None,
                ended_at: None,
            },
        );
    }

    /// The response's body from Chromium, within the limits.
    fn body(
        &mut self,
        cdp: &Cdp,
        id: &str,
        o: &Open,
        encoded: u64,
    ) -> (Vec<u8>, Option<&'static str>) {
        let Some(resp) = &o.response else {
            return (Vec::new(), None);
        };
        let status = resp.get("status").and_then(Value::as_u64).unwrap_or(0);
        if (300..400).contains(&status) || status == 204 || status == 304 {
            return (Vec::new(), None);
        }
        let left = self.limits.per_page.saturating_sub(self.body_bytes);
        if encoded > self.limits.per_response || encoded > left {
            return (Vec::new(), Some("length"));
        }
        let r = cdp.call(
            "Network.getResponseBody",
            json!({"requestId": id}),
            o.session.as_deref(),
            BODY_CALL,
        );
        let Ok(r) = r else {
            return (Vec::new(), Some("unavailable"));
        };
        let data = r.get("body").and_then(Value::as_str).unwrap_or("");
        let mut bytes = if r.get("base64Encoded").and_then(Value::as_bool) == Some(true) {
            match base64::engine::general_purpose::STANDARD.decode(data) {
                Ok(b) => b,
                Err(_) => return (Vec::new(), Some("unavailable")),
            }
        } else {
            data.as_bytes().to_vec()
        };
        let limit = self.limits.per_response.min(left) as usize;
        let cut = if bytes.len() > limit {
            bytes.truncate(limit);
            Some("length")
        } else {
            None
        };
        self.body_bytes += bytes.len() as u64;
        (bytes, cut)
    }

    fn write_response(&mut self, o: Open, body: Vec<u8>, cut: Option<&'static str>) {
        self.write_response_body(o, Body::Bytes(&body), cut);
    }

    fn write_response_body(&mut self, o: Open, body: Body, cut: Option<&'static str>) {
        let Some(resp) = &o.response else { return };
        let status = resp.get("status").and_then(Value::as_u64).unwrap_or(0) as u16;
        let raw = self.raw.take(&o.request_id, status);
        let head = raw_head::response_head(resp, raw, body.len());
        let mime = resp
            .get("mimeType")
            .and_then(Value::as_str)
            .map(|m| m.chars().take(100).collect::<String>());
        if let Some(e) = self.entries.get_mut(o.entry) {
            e.status = Some(status);
            e.mime = mime;
            e.truncated = cut.or(e.truncated);
        }
        let mut fields = vec![("WARC-Concurrent-To", o.request_record.clone())];
        if let Some(c) = cut {
            fields.push(("WARC-Truncated", c.to_string()));
        }
        let id = self.next_id();
        let date = o.ended_at.unwrap_or_else(|| self.clock.now());
        let mut r = Record {
            kind: "response",
            id,
            date,
            target: Some(&o.url),
            content_type: "application/http;msgtype=response",
            fields,
            http_head: head.as_bytes(),
            payload: &[],
        };
        match body {
            Body::Bytes(b) => {
                r.payload = b;
                self.write(&r);
            }
            Body::File { path, digest, .. } => {
                if self.failed.is_some() {
                    return;
                }
                if let Some(f) = &mut self.file {
                    if let Err(e) = f.write_file_payload(&r, path, &digest) {
                        self.failed = Some(e);
                    }
                }
            }
        }
    }

    /// Ends the WARC: what is still open is written as received, then the
    /// page's metadata record (every address's status); renamed into place.
    pub fn finish(mut self, page_url: &str) -> Result<(), CaptureError> {
        for (o, why) in std::mem::take(&mut self.ended) {
            self.write_streamed(o, why);
        }
        let open: Vec<Open> = self.open.drain().map(|(_, o)| o).collect();
        for o in open {
            if o.stream.is_some() {
                // The page was done before this body was: what came is kept.
                self.write_streamed(o, Some("unavailable"));
            } else if o.response.is_some() {
                self.write_response(o, Vec::new(), Some("unavailable"));
            } else if let Some(e) = self.entries.get_mut(o.entry) {
                e.error.get_or_insert_with(|| "no response".into());
            }
        }
        let doc = json!({
            "format": "ogonblick-page-requests/1",
            "page": page_url,
            "requests": self.entries,
            "requests_not_recorded": self.dropped,
            "body_bytes": self.body_bytes,
            "limits": {"per_response": self.limits.per_response, "per_page": self.limits.per_page},
        });
        let block = serde_json::to_vec_pretty(&doc).unwrap_or_default();
        let id = self.next_id();
        let date = self.clock.now();
        let target = format!("urn:ogonblick:page-requests:{page_url}");
        self.write(&Record {
            kind: "metadata",
            id,
            date,
            target: Some(&target),
            content_type: "application/json",
            fields: Vec::new(),
            http_head: &[],
            payload: &block,
        });
        if let Some(e) = self.failed.take() {
            return Err(io_err(&self.tmp, e));
        }
        if let Some(f) = self.file.take() {
            f.finish().map_err(|e| io_err(&self.tmp, e))?;
        }
        std::fs::rename(&self.tmp, &self.final_path).map_err(|e| io_err(&self.final_path, e))?;
        self.renamed = true;
        Ok(())
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Header `(name, value)` lines from DevTools' header object: names kept to
/// token characters, a value with line breaks split into one line each
/// (`Set-Cookie`), controls dropped.
fn header_lines(h: Option<&Value>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(obj) = h.and_then(Value::as_object) else {
        return out;
    };
    for (k, v) in obj.iter().take(200) {
        let name: String = k
            .chars()
            .filter(|c| c.is_ascii_graphic() && *c != ':')
            .take(100)
            .collect();
        // HTTP/2 pseudo-headers (`:status`) are not header lines.
        if name.is_empty() || k.starts_with(':') {
            continue;
        }
        let value = v.as_str().unwrap_or("");
        for line in value.split('\n').take(50) {
            let line: String = line
                .chars()
                .filter(|c| !c.is_control())
                .take(8192)
                .collect();
            out.push((name.clone(), line));
        }
    }
    out
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|x| x.1).unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or("")
}

fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map(|x| x.1).unwrap_or(url);
    let rest = rest.split('#').next().unwrap_or("");
    match rest.find(['/', '?']) {
        Some(i) if rest[i..].starts_with('/') => rest[i..].replace(' ', "%20"),
        Some(i) => format!("/{}", &rest[i..]).replace(' ', "%20"),
        None => "/".to_string(),
    }
}
