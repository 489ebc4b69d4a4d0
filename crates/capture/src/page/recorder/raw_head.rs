//! The response head as it came over the wire (issue 14): Chromium's
//! `Network.responseReceivedExtraInfo` carries the raw headers (with
//! `Set-Cookie`, which `Network.responseReceived` leaves out) and, for
//! HTTP/1, `headersText`, the status line and headers as sent. They are
//! kept per request id, in order (a redirect chain reuses the id), and a
//! response record's head is built from the first whose status matches:
//! `headersText` line by line, else the raw header map, else
//! `responseReceived`'s headers. The text is the page's: bounded, controls
//! dropped, never trusted to parse.
//!
//! Two rewrites keep the record valid and the archive safe: the body is
//! stored decoded and whole, so its framing headers
//! (`Content-Encoding`, `Transfer-Encoding`, `Content-Length`) are kept as
//! `X-Archive-Orig-*` and the block's own `Content-Length` comes last (as
//! warcio and browsertrix-crawler do); and a `Set-Cookie` keeps its name
//! and attributes but not its value (a signed-in profile's session must
//! not go into the archive, as with the request's cookies).

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::header_lines;

/// `headersText` longer than this is not used (the header map is).
const MAX_TEXT: usize = 64 * 1024;
/// Heads kept per request id (a redirect chain) and ids kept at most.
const MAX_PER_ID: usize = 32;
const MAX_IDS: usize = super::MAX_ENTRIES;
/// Header lines of one head at most.
const MAX_LINES: usize = 200;
/// Bytes of heads kept at once, for every request together: a hostile page
/// cannot make the recorder hold more than this.
const MAX_BYTES: usize = 8 << 20;

/// One `Network.responseReceivedExtraInfo`.
pub(super) struct RawHead {
    status: u16,
    /// The status line as sent (HTTP/1 only).
    status_line: Option<String>,
    headers: Vec<(String, String)>,
}

#[derive(Default)]
pub(super) struct RawHeads {
    by_id: HashMap<String, VecDeque<RawHead>>,
    /// The bytes of the heads in `by_id` ([`RawHead::size`]).
    bytes: usize,
}

impl RawHead {
    /// What the head holds, in bytes (its status line and headers).
    fn size(&self) -> usize {
        self.status_line.as_ref().map_or(0, String::len)
            + self
                .headers
                .iter()
                .map(|(k, v)| k.len() + v.len() + 4)
                .sum::<usize>()
    }
}

impl RawHeads {
    /// Keeps one `Network.responseReceivedExtraInfo`'s head.
    pub fn on_extra_info(&mut self, id: &str, p: &Value) {
        if id.is_empty() || (!self.by_id.contains_key(id) && self.by_id.len() >= MAX_IDS) {
            return;
        }
        let status = p
            .get("statusCode")
            .and_then(Value::as_u64)
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(0);
        let text = p
            .get("headersText")
            .and_then(Value::as_str)
            .filter(|t| t.len() <= MAX_TEXT)
            .and_then(|t| parse_text(t, status));
        let head = match text {
            Some((line, headers)) => RawHead {
                status,
                status_line: Some(line),
                headers,
            },
            None => RawHead {
                status,
                status_line: None,
                headers: header_lines(p.get("headers")),
            },
        };
        let size = head.size();
        if self.bytes + size > MAX_BYTES {
            return;
        }
        let q = self.by_id.entry(id.to_string()).or_default();
        if q.len() < MAX_PER_ID {
            q.push_back(head);
            self.bytes += size;
        }
    }

    /// The raw head of `id`'s next response with `status` (those before it
    /// in the chain that did not match are dropped).
    pub fn take(&mut self, id: &str, status: u16) -> Option<RawHead> {
        let q = self.by_id.get_mut(id)?;
        let at = q.iter().position(|h| h.status == status)?;
        let dropped: usize = q.drain(..at).map(|h| h.size()).sum();
        let head = q.pop_front();
        if q.is_empty() {
            self.by_id.remove(id);
        }
        self.bytes -= dropped + head.as_ref().map_or(0, RawHead::size);
        head
    }
}

/// The HTTP head of a `response` record for a body of `body_len` bytes:
/// from `raw` when there is one, else from `responseReceived`'s `resp`.
pub(super) fn response_head(resp: &Value, raw: Option<RawHead>, body_len: u64) -> String {
    let status = resp.get("status").and_then(Value::as_u64).unwrap_or(0) as u16;
    let built = || {
        let text: String = resp
            .get("statusText")
            .and_then(Value::as_str)
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_control())
            .take(100)
            .collect();
        format!("HTTP/1.1 {status} {text}")
    };
    let (line, headers) = match raw {
        Some(r) => (r.status_line.unwrap_or_else(built), r.headers),
        None => (built(), header_lines(resp.get("headers"))),
    };
    let mut head = format!("{line}\r\n");
    for (k, v) in headers {
        let lower = k.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "content-encoding" | "transfer-encoding" | "content-length"
        ) {
            head.push_str(&format!("X-Archive-Orig-{k}: {v}\r\n"));
        } else if lower == "set-cookie" {
            head.push_str(&format!("{k}: {}\r\n", without_value(&v)));
        } else {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str(&format!("Content-Length: {body_len}\r\n\r\n"));
    head
}

/// A `Set-Cookie` value with the cookie's value left out:
/// `name=secret; Path=/` becomes `name=; Path=/`.
fn without_value(v: &str) -> String {
    let (pair, attrs) = match v.split_once(';') {
        Some((p, a)) => (p, Some(a)),
        None => (v, None),
    };
    let name = pair.split_once('=').map(|x| x.0).unwrap_or(pair).trim();
    match attrs {
        Some(a) => format!("{name}=;{a}"),
        None => format!("{name}="),
    }
}

/// `headersText` as a status line and header lines, or `None` when it
/// is not an HTTP/1 head for `status`. Folded lines are joined; lines
/// without a name are dropped.
fn parse_text(t: &str, status: u16) -> Option<(String, Vec<(String, String)>)> {
    let clean = |s: &str, n: usize| -> String {
        s.chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .map(|c| if c == '\t' { ' ' } else { c })
            .take(n)
            .collect()
    };
    let mut lines = t.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let first = clean(lines.next()?, 200);
    let mut parts = first.split(' ');
    let version = parts.next()?;
    let code: u16 = parts.next()?.parse().ok()?;
    if !matches!(version, "HTTP/1.0" | "HTTP/1.1") || code != status {
        return None;
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    for l in lines {
        if l.is_empty() {
            break;
        }
        if l.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                if v.len() < 8192 {
                    v.push(' ');
                    v.push_str(&clean(l.trim(), 8192 - v.len()));
                }
            }
            continue;
        }
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let name: String = k
            .chars()
            .filter(|c| c.is_ascii_graphic())
            .take(100)
            .collect();
        if name.is_empty() || headers.len() >= MAX_LINES {
            continue;
        }
        headers.push((name, clean(v.trim(), 8192)));
    }
    Some((first, headers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_heads_kept_at_once_stay_under_their_byte_budget() {
        let mut h = RawHeads::default();
        let big = "x".repeat(60 * 1024);
        let text = format!("HTTP/1.1 200 OK\r\nX-Big: {}\r\n\r\n", &big[..8000]);
        let p = json!({"statusCode": 200, "headers": {"X-Big": big}, "headersText": text});
        for i in 0..MAX_IDS {
            h.on_extra_info(&i.to_string(), &p);
        }
        assert!(h.bytes <= MAX_BYTES, "{}", h.bytes);
        assert!(
            h.bytes > MAX_BYTES - 9000,
            "the budget is used: {}",
            h.bytes
        );
        // Taking a head gives its bytes back, so a new one fits.
        assert!(h.take("0", 200).is_some());
        let before = h.bytes;
        h.on_extra_info("new", &p);
        assert!(h.bytes > before && h.bytes <= MAX_BYTES);
        assert!(h.take("new", 200).is_some());
    }

    #[test]
    fn the_wire_head_is_kept_with_framing_renamed_and_cookie_values_left_out() {
        let mut h = RawHeads::default();
        h.on_extra_info(
            "1",
            &json!({"statusCode": 302, "headers": {"Location": "/b"},
                    "headersText": "HTTP/1.1 302 Found\r\nLocation: /b\r\n\r\n"}),
        );
        h.on_extra_info(
            "1",
            &json!({"statusCode": 200, "headers": {},
                    "headersText": "HTTP/1.1 200 OK\r\nSet-Cookie: a=s3cret; Path=/\r\nX-Long: one\r\n two\r\nContent-Length: 9\r\nbad line\u{1}\r\n\r\n"}),
        );
        let resp = json!({"status": 200, "statusText": "OK", "headers": {"X-Parsed": "1"}});
        let raw = h.take("1", 200);
        let head = response_head(&resp, raw, 4);
        assert_eq!(
            head,
            "HTTP/1.1 200 OK\r\nSet-Cookie: a=; Path=/\r\nX-Long: one two\r\n\
             X-Archive-Orig-Content-Length: 9\r\nContent-Length: 4\r\n\r\n"
        );
        // The redirect before it was passed over; nothing is left.
        assert!(h.take("1", 302).is_none());
        // Without a raw head, responseReceived's headers are used.
        assert_eq!(
            response_head(&resp, None, 0),
            "HTTP/1.1 200 OK\r\nX-Parsed: 1\r\nContent-Length: 0\r\n\r\n"
        );
    }

    #[test]
    fn hostile_or_http2_heads_fall_back_to_the_header_map() {
        let mut h = RawHeads::default();
        let big = format!("HTTP/1.1 200 OK\r\nX: {}\r\n\r\n", "a".repeat(MAX_TEXT));
        h.on_extra_info(
            "2",
            &json!({"statusCode": 200, "headers": {"set-cookie": "x=1\ny=2"}, "headersText": big}),
        );
        let resp = json!({"status": 200, "statusText": "OK"});
        let head = response_head(&resp, h.take("2", 200), 1);
        assert_eq!(
            head,
            "HTTP/1.1 200 OK\r\nset-cookie: x=\r\nset-cookie: y=\r\nContent-Length: 1\r\n\r\n"
        );
        for text in [
            "",
            "garbage",
            "HTTP/1.1 abc",
            "HTTP/2 200",
            "HTTP/1.1 404 No",
        ] {
            assert!(parse_text(text, 200).is_none(), "{text:?}");
        }
        // Without a status line from the wire, no head is invented.
        h.on_extra_info("3", &json!({"statusCode": "x"}));
        assert!(h.take("3", 200).is_none());
    }
}
