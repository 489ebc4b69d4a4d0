//! Printing a self-contained HTML document the engine made (a period
//! report, a disposal log) to PDF/A-2b with Chromium's print
//! (`Page.printToPDF`), finished by `ogonblick-pdfa`.
//!
//! The document may hold captured text (authors, item texts), which is
//! hostile input. The caller escapes it; this printer is the second line:
//! a fresh temporary profile (no cookies of the organisation), JavaScript
//! disabled before the document is set, every request the document makes
//! failed by `Fetch` interception (and recorded in
//! [`PrintedDocument::blocked_requests`]), and a proxy that does not exist
//! for anything that would get past that. Downloads are refused browser-wide
//! as for every [`Browser`]. The document is given as content
//! (`Page.setDocumentContent`), never loaded from a file or an address.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

use ogonblick_model::messages::CaptureFault;
use ogonblick_model::Timestamp;
use serde_json::{json, Value};

use crate::cdp::{Cdp, CdpError, Event};
use crate::error::io_err;
use crate::files::{sync_dir, write_stream};
use crate::{Browser, CaptureError, CaptureOptions, TOOL_NAME, TOOL_VERSION};

/// What goes into the PDF/A's metadata.
#[derive(Debug, Clone)]
pub struct DocumentMeta {
    pub title: String,
    /// What the document is of (`dc:source`), e.g. `ogonblick:removal-report`.
    pub source: String,
    pub created: Timestamp,
}

/// A document printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintedDocument {
    pub pages: u32,
    /// The addresses the document tried to load (all refused).
    pub blocked_requests: Vec<String>,
}

const CALL: Duration = Duration::from_secs(60);
const PRINT: Duration = Duration::from_secs(300);
/// The event the printer sends itself to stop its event thread.
const STOP: &str = "ogonblick.stop";

/// Prints `html` (a complete, self-contained document: inline CSS, no
/// scripts, no external resources) to a PDF/A-2b at `out`. The file is
/// written under a temporary name in the same folder and renamed: on any
/// failure nothing is left under `out` (nor the temporary names).
/// Chromium is `opts.chromium`, started for this document and gone when
/// this returns; the page size comes from the document's `@page` rule (A4
/// when it has none).
pub fn print_html_to_pdfa(
    opts: &CaptureOptions,
    html: &str,
    meta: &DocumentMeta,
    out: &Path,
) -> Result<PrintedDocument, CaptureError> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.pdf".into());
    let pid = std::process::id();
    let raw = dir.join(format!(".{name}.ogonblick-print-{pid}"));
    let tmp = dir.join(format!(".{name}.ogonblick-partial-{pid}"));
    let result = print_to(opts, html, meta, &raw, &tmp, out);
    let _ = std::fs::remove_file(&raw);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn print_to(
    opts: &CaptureOptions,
    html: &str,
    meta: &DocumentMeta,
    raw: &Path,
    tmp: &Path,
    out: &Path,
) -> Result<PrintedDocument, CaptureError> {
    let mut o = opts.clone();
    // A fresh temporary profile: the organisation's cookies stay out.
    o.profile_dir = None;
    // Anything that gets past the interception goes to a proxy that is not there.
    o.extra_args
        .push("--proxy-server=http://127.0.0.1:9".into());
    o.extra_args.push("--proxy-bypass-list=<-loopback>".into());
    let browser = Browser::launch(&o)?;
    let cdp = browser.cdp();
    let (wake, events) = cdp.subscribe();
    let t = cdp.call(
        "Target.createTarget",
        json!({"url": "about:blank"}),
        None,
        CALL,
    )?;
    let target = t["targetId"].as_str().unwrap_or_default().to_string();
    let a = cdp.call(
        "Target.attachToTarget",
        json!({"targetId": target, "flatten": true}),
        None,
        CALL,
    )?;
    let session = a["sessionId"].as_str().unwrap_or_default().to_string();
    let blocked = Mutex::new(Vec::new());
    let (loaded_tx, loaded_rx) = mpsc::channel::<()>();
    let printed = std::thread::scope(|sc| {
        sc.spawn(|| refuse_requests(cdp, &session, events, &blocked, loaded_tx));
        let r = print_in_tab(cdp, &session, html, raw, &loaded_rx);
        let _ = wake.send(Event {
            method: STOP.into(),
            params: Value::Null,
            session: None,
        });
        r
    });
    printed?;
    let fr = ogonblick_pdfa::finish_file(
        raw,
        tmp,
        &ogonblick_pdfa::PdfAMeta {
            title: meta.title.clone(),
            source_url: meta.source.clone(),
            created: meta.created,
            producer: format!("{TOOL_NAME} {TOOL_VERSION}"),
            creator_tool: format!(
                "{TOOL_NAME} {TOOL_VERSION} with {}",
                browser.version().product
            ),
            icc_profile: o.srgb_icc.clone(),
            subject: None,
        },
    )
    .map_err(|e| match e {
        ogonblick_pdfa::PdfAError::Io { path, source } => CaptureError::Io { path, source },
        other => CaptureError::internal(CaptureFault::PdfA, other),
    })?;
    drop(browser);
    std::fs::rename(tmp, out).map_err(|e| io_err(out, e))?;
    if let Some(d) = out.parent() {
        sync_dir(if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        });
    }
    let mut blocked_requests = blocked.into_inner().unwrap_or_default();
    blocked_requests.sort();
    blocked_requests.dedup();
    Ok(PrintedDocument {
        pages: fr.pages,
        blocked_requests,
    })
}

/// Sets the document into the tab with scripts off, waits for its load (a
/// few seconds at most: nothing it asks for is given), and prints it.
fn print_in_tab(
    cdp: &Cdp,
    session: &str,
    html: &str,
    raw: &Path,
    loaded: &mpsc::Receiver<()>,
) -> Result<(), CaptureError> {
    let call = |m: &str, p: Value| cdp.call(m, p, Some(session), CALL);
    call(
        "Fetch.enable",
        json!({"patterns": [{"urlPattern": "*", "requestStage": "Request"}]}),
    )?;
    call(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": true}),
    )?;
    call("Page.enable", json!({}))?;
    let tree = call("Page.getFrameTree", json!({}))?;
    let frame = tree["frameTree"]["frame"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    call(
        "Page.setDocumentContent",
        json!({"frameId": frame, "html": html}),
    )?;
    let _ = loaded.recv_timeout(Duration::from_secs(10));
    let pr = cdp.call(
        "Page.printToPDF",
        json!({"printBackground": true, "preferCSSPageSize": true,
               "paperWidth": 8.27, "paperHeight": 11.69,
               "displayHeaderFooter": true,
               "headerTemplate": "<span></span>",
               "footerTemplate": "<div style=\"font-size:8px;width:100%;text-align:center;font-family:'DejaVu Sans',sans-serif\"><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
               "transferMode": "ReturnAsStream"}),
        Some(session),
        PRINT,
    )?;
    let handle = pr["stream"].as_str().unwrap_or("").to_string();
    write_stream(raw, CaptureFault::PdfStream, || {
        cdp.call(
            "IO.read",
            json!({"handle": handle, "size": 4 << 20}),
            Some(session),
            CALL,
        )
    })?;
    let _ = call("IO.close", json!({"handle": handle}));
    Ok(())
}

/// The tab's events until told to stop: every request the document makes
/// is failed and recorded; the load is announced.
fn refuse_requests(
    cdp: &Cdp,
    session: &str,
    events: mpsc::Receiver<Event>,
    blocked: &Mutex<Vec<String>>,
    loaded: mpsc::Sender<()>,
) {
    while let Ok(ev) = events.recv() {
        if ev.method == STOP {
            return;
        }
        if ev.session.as_deref() != Some(session) {
            continue;
        }
        match ev.method.as_str() {
            "Fetch.requestPaused" => {
                let url = ev.params["request"]["url"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                if let Ok(mut b) = blocked.lock() {
                    b.push(url);
                }
                let id = ev.params["requestId"].clone();
                let r: Result<Value, CdpError> = cdp.call(
                    "Fetch.failRequest",
                    json!({"requestId": id, "errorReason": "BlockedByClient"}),
                    Some(session),
                    CALL,
                );
                if matches!(r, Err(CdpError::Gone)) {
                    return;
                }
            }
            "Page.loadEventFired" => {
                let _ = loaded.send(());
            }
            _ => {}
        }
    }
}
