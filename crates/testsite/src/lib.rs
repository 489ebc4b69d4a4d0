//! The fixture site of Ögonblick's tests and benchmarks: imitations of the
//! channel pages of the main platforms and every bad case the capture must
//! survive, served over plain HTTP on 127.0.0.1 with ephemeral ports.
//!
//! Two listeners: the primary (`http://127.0.0.1:P`) and a second origin
//! (`http://localhost:Q`, a different *site* too, so Chromium's site isolation
//! puts frames from it into their own process, as with a real consent
//! provider). Static files live in `tests/fixture-site/` and are compiled in;
//! images and the tall page are generated.
//!
//! Routes (primary):
//! * `/facebook`, `/instagram`, `/x`, `/youtube`, `/linkedin`: channel pages
//!   with a fixed header, a sticky tab bar, native `loading=lazy` images (red
//!   `#e53935`) and IntersectionObserver images (blue `#1e88e5`), infinite
//!   scroll (see [`channel_spec`]), åäö and emoji; Facebook and LinkedIn have an
//!   in-page consent dialog, Instagram and YouTube one in a cross-origin frame;
//! * `/endless`: a feed that never ends;
//! * `/tall?h=200000&band=1000`: colour bands, band `i` painted [`band_colour`];
//!   `&hero=N` puts a block `N`vh tall ([`HERO_COLOUR`]) above them;
//! * `/login-wall`, `/alert`, `/never-finishes` (an image that never loads),
//!   `/missing-parts` (a stylesheet and an image that answer 404),
//!   `/hang` (never answers), `/loop` (redirects to itself), `/status/<code>`;
//! * `/virtual/feed`: a virtualised feed of 240 posts (`?recycle=1`: its rows
//!   rewritten in place, none removed; `&anchor=1`: with the browser's scroll
//!   anchoring; `?jump=1`: back at its top after every scroll; see [`feed`]);
//! * `/lazy/dwell`: images set only once seen for a while (see [`dwell`]);
//! * `/hostile/...`: pages that attack the capturing computer (downloads by
//!   header and by `<a download>`, a PDF instead of a page, navigation away
//!   during the capture, dialogs, pop-ups); see [`hostile`];
//! * `/large/...`: bodies of tens of MiB, with a length or chunked, and a
//!   page that loads them; see [`large`];
//! * `/img/<red|blue|green>/<n>.svg?delay=ms`, `/font/fixture.ttf?delay=ms`
//!   (DejaVu Sans from the system), `/api/feed/<platform>?page=n`.
//!
//! Second origin: `/consent-frame`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod changes;
pub mod dwell;
pub mod expand;
pub mod feed;
pub mod hostile;
pub mod large;
mod pages;

pub use changes::{set_live_variant, CHANGE_VARIANTS, MAJOR_CHANGES, RULES_VARIANTS};
pub use pages::{band_colour, channel_spec, ChannelSpec, HERO_COLOUR, PLATFORMS};
use pages::{channel_page, post_html, tall_page};
pub mod tsa;

const SITE_CSS: &str = include_str!("../../../tests/fixture-site/site.css");
const FEED_JS: &str = include_str!("../../../tests/fixture-site/feed.js");
const CONSENT_FRAME_HTML: &str = include_str!("../../../tests/fixture-site/consent-frame.html");
/// `/outage` while it is down (503), and after [`TestSite::end_outage`].
const OUTAGE_HTML: &str = "<!doctype html><title>Tillfälligt avbrott</title><h1>503</h1>";
const BACK_HTML: &str = "<!doctype html><html lang=sv><title>Inlägg</title><body><h1>Inlägget</h1><p>Ett inlägg som togs bort.</p></body></html>";
const LOGIN_WALL_HTML: &str = include_str!("../../../tests/fixture-site/login-wall.html");
const ALERT_HTML: &str = include_str!("../../../tests/fixture-site/alert.html");
const MISSING_PARTS_HTML: &str = include_str!("../../../tests/fixture-site/missing-parts.html");
const NEVER_FINISHES_HTML: &str = include_str!("../../../tests/fixture-site/never-finishes.html");
const INDEX_HTML: &str = include_str!("../../../tests/fixture-site/index.html");

/// Colour of native `loading=lazy` images.
pub const RED: [u8; 3] = [0xe5, 0x39, 0x35];
/// Colour of IntersectionObserver-loaded images.
pub const BLUE: [u8; 3] = [0x1e, 0x88, 0xe5];
/// The web font the channel pages load (`/font/fixture.ttf`).
pub const FONT_FILE: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// A running fixture site. Dropping it stops accepting connections.
pub struct TestSite {
    /// `http://127.0.0.1:P`, no trailing slash.
    pub base: String,
    /// `http://localhost:Q`: another origin and another site.
    pub cross_origin_base: String,
    stop: Arc<AtomicBool>,
    ports: (u16, u16),
    /// `/outage`: true while the page answers 503 (see [`TestSite::end_outage`]).
    outage: Arc<AtomicBool>,
}

impl TestSite {
    /// Starts on two ephemeral ports.
    pub fn start() -> std::io::Result<TestSite> {
        Self::start_on(0)
    }

    /// Starts with the primary listener on `port` (0: ephemeral).
    pub fn start_on(port: u16) -> std::io::Result<TestSite> {
        let primary = TcpListener::bind(("127.0.0.1", port))?;
        let second = TcpListener::bind(("127.0.0.1", 0))?;
        let p = primary.local_addr()?.port();
        let q = second.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let outage = Arc::new(AtomicBool::new(true));
        let site = TestSite {
            base: format!("http://127.0.0.1:{p}"),
            cross_origin_base: format!("http://localhost:{q}"),
            stop: stop.clone(),
            ports: (p, q),
            outage: outage.clone(),
        };
        let ctx = Arc::new(Ctx {
            cross: site.cross_origin_base.clone(),
            primary: site.base.clone(),
            outage,
        });
        for (l, is_primary) in [(primary, true), (second, false)] {
            let stop = stop.clone();
            let ctx = ctx.clone();
            std::thread::Builder::new()
                .name("testsite-accept".into())
                .spawn(move || {
                    for conn in l.incoming() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(conn) = conn else { continue };
                        let ctx = ctx.clone();
                        let stop = stop.clone();
                        let _ = std::thread::Builder::new()
                            .name("testsite-conn".into())
                            .spawn(move || serve(conn, &ctx, is_primary, &stop));
                    }
                })?;
        }
        Ok(site)
    }

    /// Ends the outage of `/outage`: from now on it answers with a page (a
    /// capture that failed there can be taken again).
    pub fn end_outage(&self) {
        self.outage.store(false, Ordering::SeqCst);
    }

    /// `base` + `path` (path starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The base URLs as JSON (what the binary prints).
    pub fn describe(&self) -> serde_json::Value {
        serde_json::json!({
            "base": self.base,
            "cross_origin_base": self.cross_origin_base,
            "channels": PLATFORMS.iter().map(|p| serde_json::json!({"platform": p, "url": self.url(&format!("/{p}"))})).collect::<Vec<_>>(),
            "tall": self.url("/tall?h=200000"),
            "endless": self.url("/endless"),
            "login_wall": self.url("/login-wall"),
            "alert": self.url("/alert"),
            "never_finishes": self.url("/never-finishes"),
            "hang": self.url("/hang"),
            "redirect_loop": self.url("/loop"),
            "not_found": self.url("/status/404"),
            "server_error": self.url("/status/500"),
            "hostile": {
                "download_header": self.url("/hostile/download-header"),
                "download_click": self.url("/hostile/download-click"),
                "pdf": self.url("/hostile/pdf"),
                "navigate_timer": self.url("/hostile/navigate-timer"),
                "meta_refresh": self.url("/hostile/meta-refresh"),
                "dialogs": self.url("/hostile/dialogs"),
                "popups": self.url("/hostile/popups"),
            },
        })
    }
}

impl Drop for TestSite {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.ports.0));
        let _ = TcpStream::connect(("127.0.0.1", self.ports.1));
    }
}

struct Ctx {
    cross: String,
    primary: String,
    outage: Arc<AtomicBool>,
}

pub(crate) struct Resp {
    status: u16,
    ctype: &'static str,
    body: Vec<u8>,
    location: Option<String>,
    delay_ms: u64,
    /// Further response headers.
    headers: Vec<(&'static str, String)>,
}

pub(crate) fn ok(ctype: &'static str, body: impl Into<Vec<u8>>) -> Resp {
    Resp {
        status: 200,
        ctype,
        body: body.into(),
        location: None,
        delay_ms: 0,
        headers: Vec::new(),
    }
}

pub(crate) fn query(q: &str, key: &str) -> Option<String> {
    q.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.to_string())
    })
}

fn route(path: &str, q: &str, ctx: &Ctx, primary: bool) -> Option<Resp> {
    if !primary {
        return match path {
            "/consent-frame" => Some(ok("text/html; charset=utf-8", CONSENT_FRAME_HTML)),
            _ => None,
        };
    }
    let delay = query(q, "delay").and_then(|d| d.parse().ok()).unwrap_or(0);
    let r = match path {
        "/" => ok("text/html; charset=utf-8", INDEX_HTML),
        "/static/site.css" => ok("text/css; charset=utf-8", SITE_CSS),
        "/static/feed.js" => ok("text/javascript; charset=utf-8", FEED_JS),
        "/outage" if ctx.outage.load(Ordering::SeqCst) => Resp {
            status: 503,
            ..ok("text/html; charset=utf-8", OUTAGE_HTML)
        },
        "/outage" => ok("text/html; charset=utf-8", BACK_HTML),
        "/login-wall" => ok("text/html; charset=utf-8", LOGIN_WALL_HTML),
        "/alert" => ok("text/html; charset=utf-8", ALERT_HTML),
        "/missing-parts" => ok("text/html; charset=utf-8", MISSING_PARTS_HTML),
        "/never-finishes" => ok("text/html; charset=utf-8", NEVER_FINISHES_HTML),
        "/loop" => Resp {
            status: 302,
            ctype: "text/plain",
            body: b"loop".to_vec(),
            location: Some(format!("{}/loop", ctx.primary)),
            delay_ms: 0,
            headers: Vec::new(),
        },
        "/tall" => {
            let h = query(q, "h")
                .and_then(|v| v.parse().ok())
                .unwrap_or(200_000u32)
                .min(2_000_000);
            let band = query(q, "band")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1000u32);
            let hero = query(q, "hero")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0u32);
            ok("text/html; charset=utf-8", tall_page(h, band, hero))
        }
        "/font/fixture.ttf" => match std::fs::read(FONT_FILE) {
            Ok(b) => Resp {
                delay_ms: delay,
                ..ok("font/ttf", b)
            },
            Err(_) => return None,
        },
        p if p.starts_with("/hostile/") => return hostile::route(p),
        p if p.starts_with("/expand/") => return expand::route(p, q),
        p if p.starts_with("/lazy/") => return dwell::route(p, q),
        p if p.starts_with("/virtual/") => return feed::route(p, q),
        p if p.starts_with("/changes/") => ok("text/html; charset=utf-8", changes::route(p)?),
        p if p.starts_with("/status/") => {
            let code: u16 = p["/status/".len()..].parse().ok()?;
            Resp {
                status: code,
                ctype: "text/html; charset=utf-8",
                body: format!("<!doctype html><title>Fel {code}</title><h1>Fel {code}</h1>")
                    .into_bytes(),
                location: None,
                delay_ms: 0,
                headers: Vec::new(),
            }
        }
        p if p.starts_with("/img/") => {
            let mut parts = p[5..].split('/');
            let colour = parts.next()?;
            let [r, g, b] = match colour {
                "red" => RED,
                "blue" => BLUE,
                "green" => [0x43, 0xa0, 0x47],
                _ => return None,
            };
            let svg = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"320\" viewBox=\"0 0 640 320\">\
                 <rect width=\"640\" height=\"320\" fill=\"rgb({r},{g},{b})\"/></svg>"
            );
            Resp {
                delay_ms: delay,
                ..ok("image/svg+xml", svg)
            }
        }
        p if p.starts_with("/api/feed/") => {
            let spec = channel_spec(&p["/api/feed/".len()..])?;
            let page: u32 = query(q, "page").and_then(|v| v.parse().ok()).unwrap_or(1);
            if !spec.endless && (page == 0 || page > spec.pages) {
                return Some(ok("text/html; charset=utf-8", ""));
            }
            let start = spec.initial_posts + (page - 1) * spec.per_page;
            let body: String = (start..start + spec.per_page)
                .map(|n| post_html(spec.platform, n))
                .collect();
            Resp {
                delay_ms: 150,
                ..ok("text/html; charset=utf-8", body)
            }
        }
        p => {
            let spec = channel_spec(p.trim_start_matches('/'))?;
            ok("text/html; charset=utf-8", channel_page(&spec, ctx))
        }
    };
    Some(r)
}

fn serve(mut conn: TcpStream, ctx: &Ctx, primary: bool, stop: &AtomicBool) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(clone) = conn.try_clone() else { return };
    let mut reader = BufReader::new(clone);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    loop {
        let mut h = String::new();
        match reader.read_line(&mut h) {
            Ok(0) | Err(_) => break,
            Ok(_) if h == "\r\n" || h == "\n" => break,
            Ok(_) => {}
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (path, q) = target.split_once('?').unwrap_or((&target, ""));
    if primary && path == "/hang" {
        // Never answer; give up after five minutes or when the site stops.
        let end = Instant::now() + Duration::from_secs(300);
        while Instant::now() < end && !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(100));
        }
        return;
    }
    if primary && path.starts_with("/large/") && large::serve(&mut conn, path, q) {
        return;
    }
    let resp = route(path, q, ctx, primary).unwrap_or(Resp {
        status: 404,
        ctype: "text/html; charset=utf-8",
        body: b"<!doctype html><title>Saknas</title><h1>404</h1>".to_vec(),
        location: None,
        delay_ms: 0,
        headers: Vec::new(),
    });
    if resp.delay_ms > 0 {
        std::thread::sleep(Duration::from_millis(resp.delay_ms.min(10_000)));
    }
    let reason = match resp.status {
        200 => "OK",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
        resp.status,
        resp.ctype,
        resp.body.len()
    );
    if let Some(l) = resp.location {
        head.push_str(&format!("Location: {l}\r\n"));
    }
    for (k, v) in &resp.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(&resp.body);
    let _ = conn.flush();
}
