//! Bodies too big for one DevTools call (issue 14): the web archive streams
//! them. One real capture of `/large/page` (a body with a length, a chunked
//! one, and one over the per-response limit) serves every assertion: each
//! WARC record holds the body the server sent (length and SHA-256), the one
//! over the limit holds its first `per_response` bytes and says it was cut
//! (`WARC-Truncated: length`, and `truncated` in the page's metadata
//! record), the page itself got every body (its script counted them), a
//! small gzip-encoded body is taken in one call (not streamed) and stored
//! decoded, a streamed response is dated when it came (before the request
//! the page made once it had it, not when the page was done), the
//! page's response head is the raw one from the wire (its `Set-Cookie`,
//! which only `Network.responseReceivedExtraInfo` carries, value left out),
//! and `warcio check` and `wacz validate` (PyPI) pass the WARC and its WACZ.

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use ogonblick_capture::wacz::{write_wacz, WaczInfo, WaczPage};
use ogonblick_capture::{Browser, CaptureClock, WebArchiveLimits};
use ogonblick_model::{Clock, Timestamp};
use ogonblick_testsite::large::large_bytes;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::*;

const MIB: u64 = 1 << 20;
const BODY: u64 = 8 * MIB + 12_345;
const CHUNKED: u64 = 8 * MIB + 777;
const OVER: u64 = 12 * MIB;
const LIMIT: u64 = 10 * MIB;
/// The gzip-encoded body the page fetches once it has the others.
const GZIP: u64 = 20_000;

/// A clock one second further at every reading: each WARC record's date
/// tells when, among the others, it was taken.
struct Ticking(AtomicI64);

impl Clock for Ticking {
    fn now(&self) -> Timestamp {
        let n = self.0.fetch_add(1, Ordering::SeqCst);
        chrono::DateTime::from_timestamp(1_800_000_000 + n, 0).unwrap()
    }
}

fn sha_of(seed: u64, len: u64) -> String {
    let mut h = Sha256::new();
    large_bytes(seed, len, |b| h.update(b));
    hex::encode(h.finalize())
}

struct WarcRecord {
    head: String,
    block: Vec<u8>,
}

impl WarcRecord {
    fn field(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    /// The HTTP body of a `response` record.
    fn payload(&self) -> &[u8] {
        let at = find(&self.block, b"\r\n\r\n").expect("an HTTP head") + 4;
        &self.block[at..]
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn records(path: &Path) -> Vec<WarcRecord> {
    let mut all = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut all)
        .unwrap();
    let mut out = Vec::new();
    let mut at = 0;
    while at < all.len() {
        let end = at + find(&all[at..], b"\r\n\r\n").expect("a WARC head");
        let head = String::from_utf8(all[at..end].to_vec()).unwrap();
        let len: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap()
            .parse()
            .unwrap();
        let block = all[end + 4..end + 4 + len].to_vec();
        assert_eq!(&all[end + 4 + len..end + 8 + len], b"\r\n\r\n");
        at = end + 8 + len;
        out.push(WarcRecord { head, block });
    }
    out
}

fn tool(cmd: &str, args: &[&str]) -> String {
    let o = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (scripts/setup.sh installs it): {e}"));
    let said =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{cmd} {args:?}: {said}");
    said
}

#[test]
fn bodies_too_big_for_one_call_are_streamed_whole_into_the_warc_and_cut_at_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut o = opts();
    o.web_archive = true;
    o.web_archive_limits = WebArchiveLimits {
        per_response: LIMIT,
        ..WebArchiveLimits::default()
    };
    o.clock = CaptureClock(Arc::new(Ticking(AtomicI64::new(0))));
    let browser = Browser::launch(&o).expect("launch");
    let url = site().url(&format!(
        "/large/page?body={BODY}&chunked={CHUNKED}&over={OVER}"
    ));

    let rec = capture(&browser, &url, dir, "page-01");
    assert!(rec.ok, "{:?}", rec.error);
    // The page was never held up: its script got every body whole.
    let text = std::fs::read_to_string(dir.join("page-01.text.json")).unwrap();
    assert!(
        text.contains(&format!(
            "large bodies loaded: {BODY} {CHUNKED} {OVER} {GZIP}"
        )),
        "{text}"
    );

    let warc = dir.join("page-01.warc.gz");
    // The streamed bodies' temporary files are gone once the page is done.
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "temporary body files left: {left:?}");
    let all = records(&warc);
    let response = |path: &str| {
        all.iter()
            .find(|r| {
                r.field("WARC-Type") == Some("response")
                    && r.field("WARC-Target-URI")
                        .is_some_and(|u| u.ends_with(path))
            })
            .unwrap_or_else(|| panic!("no response record for {path}"))
    };
    // The page's response head is the one on the wire (the raw headers):
    // its status line, its cookie (named, its value not archived), and its
    // framing kept under another name, the block's own length last.
    let page = response(&format!(
        "/large/page?body={BODY}&chunked={CHUNKED}&over={OVER}"
    ));
    let head = String::from_utf8_lossy(&page.block[..find(&page.block, b"\r\n\r\n").unwrap()]);
    let n = page.payload().len();
    assert_eq!(
        head,
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
             X-Archive-Orig-Content-Length: {n}\r\nSet-Cookie: ogonblick-raw=; Path=/\r\n\
             Connection: close\r\nCache-Control: no-store\r\nContent-Length: {n}"
        ),
        "the head as sent, in its order"
    );
    let chunked = response(&format!("/large/chunked?bytes={CHUNKED}&seed=2"));
    assert!(
        String::from_utf8_lossy(&chunked.block[..200])
            .contains("\r\nX-Archive-Orig-Transfer-Encoding: chunked\r\n"),
        "the body is stored whole: its framing is kept under another name"
    );
    for (path, seed, len) in [
        (format!("/large/body?bytes={BODY}&seed=1"), 1, BODY),
        (format!("/large/chunked?bytes={CHUNKED}&seed=2"), 2, CHUNKED),
    ] {
        let r = response(&path);
        let body = r.payload();
        assert_eq!(body.len() as u64, len, "{path}: the whole body");
        assert_eq!(
            hex::encode(Sha256::digest(body)),
            sha_of(seed, len),
            "{path}"
        );
        assert_eq!(r.field("WARC-Truncated"), None, "{path}");
    }
    // A small encoded body is taken in one call, stored decoded (its
    // encoding kept under another name, the block's length the decoded one).
    let gzip = response(&format!("/large/gzip?bytes={GZIP}&seed=4"));
    assert_eq!(gzip.payload().len() as u64, GZIP);
    assert_eq!(hex::encode(Sha256::digest(gzip.payload())), sha_of(4, GZIP));
    assert!(
        String::from_utf8_lossy(&gzip.block[..300])
            .contains("\r\nX-Archive-Orig-Content-Encoding: gzip\r\n"),
        "{}",
        String::from_utf8_lossy(&gzip.block[..300])
    );
    // A streamed response is dated when it came, as one taken in one call
    // is: before the request the page made only once it had every body
    // (its dates are the ticking clock's, so their order is theirs).
    let fetched_after = all
        .iter()
        .find(|r| {
            r.field("WARC-Type") == Some("request")
                && r.field("WARC-Target-URI")
                    .is_some_and(|u| u.ends_with("seed=4"))
        })
        .expect("the request made after the large bodies came");
    let after = fetched_after.field("WARC-Date").unwrap();
    for seed in ["seed=1", "seed=2", "seed=3"] {
        let r = all
            .iter()
            .find(|r| {
                r.field("WARC-Type") == Some("response")
                    && r.field("WARC-Target-URI")
                        .is_some_and(|u| u.ends_with(seed))
            })
            .unwrap();
        let date = r.field("WARC-Date").unwrap();
        assert!(date < after, "{seed}: dated {date}, after {after}");
    }
    let over = response(&format!("/large/body?bytes={OVER}&seed=3"));
    assert_eq!(over.field("WARC-Truncated"), Some("length"));
    assert_eq!(over.payload().len() as u64, LIMIT, "cut at the limit");
    assert_eq!(
        hex::encode(Sha256::digest(over.payload())),
        sha_of(3, LIMIT),
        "the body's beginning, as sent"
    );

    // The page's metadata record says which body was cut, and that the
    // large ones were streamed.
    let meta = all
        .iter()
        .find(|r| r.field("WARC-Type") == Some("metadata"))
        .expect("the page's metadata record");
    let meta: Value = serde_json::from_slice(&meta.block).unwrap();
    let entry = |path: &str| {
        meta["requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["url"].as_str().unwrap().ends_with(path))
            .unwrap_or_else(|| panic!("{path} in {meta}"))
            .clone()
    };
    let e = entry("seed=3");
    assert_eq!(e["truncated"], "length", "{e}");
    assert_eq!(e["streamed"], true, "{e}");
    assert_eq!(e["status"], 200, "{e}");
    for p in ["seed=1", "seed=2"] {
        let e = entry(p);
        assert_eq!(e["status"], 200, "{e}");
        assert!(e.get("truncated").is_none(), "{e}");
        assert_eq!(e["streamed"], true, "{e}");
    }
    let e = entry("seed=4");
    assert!(
        e.get("streamed").is_none() && e.get("truncated").is_none(),
        "a small encoded body is taken in one call: {e}"
    );

    // The independent tools pass the WARC and its WACZ.
    tool("warcio", &["check", "-v", warc.to_str().unwrap()]);
    let wacz = dir.join("web-archive.wacz");
    let info = WaczInfo {
        snapshot_id: "large",
        operator: "test-operator",
        software: "Ögonblick test",
        browser: "Chromium",
        created: rec.provenance.finished_at,
    };
    let page = WaczPage {
        url: url.clone(),
        title: None,
        ts: rec.provenance.started_at,
        warc: warc.clone(),
    };
    write_wacz(&wacz, &dir.join("work"), &info, &[page]).unwrap();
    tool("wacz", &["validate", "-f", wacz.to_str().unwrap()]);
}
