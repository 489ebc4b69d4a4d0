//! Large bodies, generated on the fly (never held whole): what the web
//! archive must stream rather than take in one DevTools call.
//!
//! * `/large/body?bytes=N&seed=S`: `N` bytes of [`large_bytes`] with a
//!   `Content-Length`;
//! * `/large/chunked?bytes=N&seed=S`: the same bytes with
//!   `Transfer-Encoding: chunked` (no length known in advance);
//! * `/large/page?body=N&chunked=M&over=K`: a page whose script fetches
//!   `/large/body` (seed 1, `N` bytes), `/large/chunked` (seed 2, `M`
//!   bytes) and `/large/body` (seed 3, `K` bytes; meant to be over the web
//!   archive's per-response limit), then, once it has all three,
//!   `/large/gzip` (seed 4, 20000 bytes), and then says `large bodies
//!   loaded` with the four lengths;
//! * `/large/gzip?bytes=N&seed=S`: the same bytes gzip-encoded
//!   (`Content-Encoding: gzip`, the encoded `Content-Length`), at once.
//!
//! Each body waits [`BODY_DELAY`] after its head and comes at most a MiB
//! per [`PACE`], as from a real server far away, so the recorder sees the
//! response begin before it ends.

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use crate::query;

/// Time between a large response's head and its body.
pub const BODY_DELAY: Duration = Duration::from_millis(150);
/// Time per MiB of a body.
pub const PACE: Duration = Duration::from_millis(15);
/// Bytes per write (and per chunk of the chunked route).
const BLOCK: usize = 64 << 10;
/// The largest body served (a bound on a typo's cost).
const MAX_BYTES: u64 = 1 << 30;

/// The `len` bytes of the body with `seed`, block by block into `sink`:
/// xorshift64* output (incompressible, so gzip cannot hide a loss).
pub fn large_bytes(seed: u64, len: u64, mut sink: impl FnMut(&[u8])) {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut block = vec![0u8; BLOCK];
    let mut left = len;
    while left > 0 {
        let n = left.min(BLOCK as u64) as usize;
        for word in block[..n].chunks_mut(8) {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let v = x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes();
            word.copy_from_slice(&v[..word.len()]);
        }
        sink(&block[..n]);
        left -= n as u64;
    }
}

fn page(q: &str) -> String {
    let n = |k: &str| query(q, k).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    format!(
        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Stora svar</title></head>\
         <body><h1>Stora svar</h1><p id=\"s\">laddar</p><script>\
         const urls = ['/large/body?bytes={}&seed=1', '/large/chunked?bytes={}&seed=2', '/large/body?bytes={}&seed=3'];\
         Promise.all(urls.map(u => fetch(u).then(r => r.arrayBuffer()))).then(bs => \
           fetch('/large/gzip?bytes=20000&seed=4').then(r => r.arrayBuffer()).then(g => {{\
             document.getElementById('s').textContent = 'large bodies loaded: ' + bs.concat([g]).map(b => b.byteLength).join(' ');\
           }}));\
         </script></body></html>",
        n("body"),
        n("chunked"),
        n("over")
    )
}

/// Serves `/large/...` on `conn`; false for an unknown path.
pub(crate) fn serve(conn: &mut TcpStream, path: &str, q: &str) -> bool {
    let bytes = query(q, "bytes")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        .min(MAX_BYTES);
    let seed = query(q, "seed")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(1);
    let head = |framing: String, ctype: &str| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n{framing}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n"
        )
    };
    match path {
        "/large/page" => {
            let body = page(q);
            // A cookie: only the raw response headers carry it.
            let h = head(
                format!(
                    "Content-Length: {}\r\nSet-Cookie: ogonblick-raw=not-for-the-archive; Path=/",
                    body.len()
                ),
                "text/html; charset=utf-8",
            );
            let _ = conn.write_all(h.as_bytes());
            let _ = conn.write_all(body.as_bytes());
        }
        "/large/gzip" => {
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            large_bytes(seed, bytes.min(1 << 20), |b| {
                let _ = z.write_all(b);
            });
            let body = z.finish().unwrap_or_default();
            let framing = format!("Content-Length: {}\r\nContent-Encoding: gzip", body.len());
            let h = head(framing, "application/octet-stream");
            let _ = conn.write_all(h.as_bytes());
            let _ = conn.write_all(&body);
        }
        "/large/body" | "/large/chunked" => {
            let chunked = path == "/large/chunked";
            let framing = if chunked {
                "Transfer-Encoding: chunked".to_string()
            } else {
                format!("Content-Length: {bytes}")
            };
            if conn
                .write_all(head(framing, "application/octet-stream").as_bytes())
                .and_then(|_| conn.flush())
                .is_err()
            {
                return true;
            }
            std::thread::sleep(BODY_DELAY);
            let mut failed = false;
            let mut sent = 0u64;
            large_bytes(seed, bytes, |b| {
                if failed {
                    return;
                }
                sent += b.len() as u64;
                if sent.is_multiple_of(1 << 20) {
                    std::thread::sleep(PACE);
                }
                let r = if chunked {
                    write!(conn, "{:x}\r\n", b.len())
                        .and_then(|_| conn.write_all(b))
                        .and_then(|_| conn.write_all(b"\r\n"))
                } else {
                    conn.write_all(b)
                };
                failed = r.is_err();
            });
            if chunked && !failed {
                let _ = conn.write_all(b"0\r\n\r\n");
            }
        }
        _ => return false,
    }
    let _ = conn.flush();
    true
}
