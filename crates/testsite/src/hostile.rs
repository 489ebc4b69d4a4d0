//! Hostile pages of the fixture site (`/hostile/...`): what a captured page
//! may try against the computer that captures it.
//!
//! * `/hostile/download-header`: answers with `Content-Disposition: attachment`
//!   (a file named [`DOWNLOAD_HEADER_NAME`]) instead of a page;
//! * `/hostile/download-click`: a page that clicks an `<a download>` link to
//!   `/hostile/payload` (also an attachment, [`PAYLOAD_NAME`]) and one to a
//!   blob (`ogonblick-blob.txt`) when it has loaded;
//! * `/hostile/pdf`: a three-page PDF ([`fixture_pdf`]) instead of a page;
//! * `/hostile/navigate-timer`: sets `location.href` to `/hostile/elsewhere`
//!   600 ms after its load event; `/hostile/meta-refresh`: a one-second
//!   `<meta http-equiv=refresh>` to the same place;
//! * `/hostile/dialogs`: `alert`, `confirm`, `prompt` while loading, another
//!   `alert` after it, and a `beforeunload` handler that asks to stay;
//! * `/hostile/popups`: `window.open` while loading, after it, on a click
//!   and on the first scroll (that one to the download);
//!   `/hostile/popup-child`: the pop-up's page (word `popupchildword`).
//!
//! The endless feed is `/endless` (see the crate documentation).

use crate::{ok, Resp};

/// The file name `/hostile/download-header` asks the browser to save under.
pub const DOWNLOAD_HEADER_NAME: &str = "ogonblick-evil.txt";
/// The file name `/hostile/payload` asks the browser to save under.
pub const PAYLOAD_NAME: &str = "ogonblick-payload.txt";

const DOWNLOAD_CLICK_HTML: &str =
    include_str!("../../../tests/fixture-site/hostile/download-click.html");
const NAVIGATE_TIMER_HTML: &str =
    include_str!("../../../tests/fixture-site/hostile/navigate-timer.html");
const META_REFRESH_HTML: &str =
    include_str!("../../../tests/fixture-site/hostile/meta-refresh.html");
const ELSEWHERE_HTML: &str = include_str!("../../../tests/fixture-site/hostile/elsewhere.html");
const DIALOGS_HTML: &str = include_str!("../../../tests/fixture-site/hostile/dialogs.html");
const POPUPS_HTML: &str = include_str!("../../../tests/fixture-site/hostile/popups.html");
const POPUP_CHILD_HTML: &str = include_str!("../../../tests/fixture-site/hostile/popup-child.html");

const HTML: &str = "text/html; charset=utf-8";

fn attachment(name: &str, body: &str) -> Resp {
    let mut r = ok("text/plain; charset=utf-8", body);
    r.headers.push((
        "Content-Disposition",
        format!("attachment; filename=\"{name}\""),
    ));
    r
}

/// The routes under `/hostile/`; `None` for an unknown one.
pub(crate) fn route(path: &str) -> Option<Resp> {
    Some(match path.strip_prefix("/hostile/")? {
        "download-header" => attachment(
            DOWNLOAD_HEADER_NAME,
            "A file the page wants on your computer (download by header).\n",
        ),
        "payload" => attachment(
            PAYLOAD_NAME,
            "A file the page wants on your computer (download by click).\n",
        ),
        "download-click" => ok(HTML, DOWNLOAD_CLICK_HTML),
        "pdf" => ok("application/pdf", fixture_pdf()),
        "navigate-timer" => ok(HTML, NAVIGATE_TIMER_HTML),
        "meta-refresh" => ok(HTML, META_REFRESH_HTML),
        "elsewhere" => ok(HTML, ELSEWHERE_HTML),
        "dialogs" => ok(HTML, DIALOGS_HTML),
        "popups" => ok(HTML, POPUPS_HTML),
        "popup-child" => ok(HTML, POPUP_CHILD_HTML),
        _ => return None,
    })
}

/// The three-page PDF `/hostile/pdf` serves, byte for byte: page `n` shows
/// "pdffixtureword page n of 3".
pub fn fixture_pdf() -> Vec<u8> {
    let pages = 3;
    let mut objs: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Count {pages} /Kids [{}] >>",
            (0..pages)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    for i in 0..pages {
        let content = format!(
            "BT /F1 24 Tf 72 720 Td (pdffixtureword page {} of {pages}) Tj ET",
            i + 1
        );
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objs.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}
