//! The capture of one page: navigate, dismiss consent, scroll through, detect
//! walls, unfix bars, screenshot in slices, print, finish PDF/A, hash, rename.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use base64::Engine as _;
use chrono::Utc;
use ogonblick_model::{
    CancelToken, FileRecord, FileRole, PageRecord, ProgressEvent, ProgressSink, Provenance, Stage,
};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::cdp::{CdpError, Event};
use crate::guard::{self, Guard, ServedTarget};
use crate::stitch::Stitcher;
use crate::{js, validate_url, Browser, CaptureError, TOOL_NAME, TOOL_VERSION};

mod steps;
use steps::{check_navigation, keep_served, navigate};

const CALL: Duration = Duration::from_secs(60);
/// A request older than this is not waited for any more (long polls, hanging resources).
const STALE_REQUEST: Duration = Duration::from_secs(4);

/// Why a page failed (not the browser): becomes `PageRecord.error`.
/// Why a page failed, for a person: in English (the record) and Swedish.
struct PageFailure(String, String);

enum Flow {
    Page(PageFailure),
    Fatal(CaptureError),
}

impl From<CaptureError> for Flow {
    fn from(e: CaptureError) -> Self {
        Flow::Fatal(e)
    }
}
impl From<CdpError> for Flow {
    fn from(e: CdpError) -> Self {
        Flow::Fatal(e.into())
    }
}

#[derive(Default)]
struct MainResponse {
    status: Option<u16>,
    status_text: String,
    url: Option<String>,
    security: Option<Value>,
}

struct Tab<'a> {
    b: &'a Browser,
    target_id: String,
    session: String,
    events: Receiver<Event>,
    /// Into `events`: wakes the tab when a call made on a helper thread ends.
    wake: Sender<Event>,
    children: HashSet<String>,
    inflight: HashMap<String, (Instant, String)>,
    last_request: Instant,
    requests_started: u64,
    main: MainResponse,
    requests_failed: Vec<String>,
    warnings: Vec<String>,
    loaded: bool,
    crashed: bool,
    guard: Guard,
    closed: bool,
}

impl<'a> Tab<'a> {
    fn open(b: &'a Browser, out_dir: &Path, stem: &str) -> Result<Tab<'a>, CaptureError> {
        let cdp = b.cdp();
        let (wake, events) = cdp.subscribe();
        let t = cdp.call(
            "Target.createTarget",
            json!({"url": "about:blank"}),
            None,
            CALL,
        )?;
        let target_id = t["targetId"].as_str().unwrap_or_default().to_string();
        let a = cdp.call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
            None,
            CALL,
        )?;
        let session = a["sessionId"].as_str().unwrap_or_default().to_string();
        let guard = Guard::new(
            &target_id,
            ServedTarget {
                out_dir: out_dir.to_path_buf(),
                stem: stem.to_string(),
            },
        );
        let mut tab = Tab {
            b,
            target_id,
            session,
            events,
            wake,
            children: HashSet::new(),
            inflight: HashMap::new(),
            last_request: Instant::now(),
            requests_started: 0,
            main: MainResponse::default(),
            requests_failed: Vec::new(),
            warnings: Vec::new(),
            loaded: false,
            crashed: false,
            guard,
            closed: false,
        };
        let o = b.opts();
        tab.call("Page.enable", json!({}))?;
        tab.call("Network.enable", json!({}))?;
        tab.call("Runtime.enable", json!({}))?;
        tab.call("Inspector.enable", json!({}))?;
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": o.viewport_width, "height": o.viewport_height, "deviceScaleFactor": 1, "mobile": false}),
        )?;
        let ua = tab.user_agent();
        tab.call(
            "Emulation.setUserAgentOverride",
            json!({"userAgent": ua, "acceptLanguage": "sv-SE,sv;q=0.9,en;q=0.8"}),
        )?;
        tab.call(
            "Target.setAutoAttach",
            json!({"autoAttach": true, "waitForDebuggerOnStart": false, "flatten": true}),
        )?;
        // Document responses are looked at before Chromium renders them (a
        // PDF is kept as it came, a page leaving after load is held): see guard.rs.
        tab.call(
            "Fetch.enable",
            json!({"patterns": [{"urlPattern": "*", "resourceType": "Document", "requestStage": "Response"}]}),
        )?;
        // The page keeps its focus when it opens pop-ups.
        let _ = tab.call(
            "Emulation.setFocusEmulationEnabled",
            json!({"enabled": true}),
        );
        Ok(tab)
    }

    /// Closes the tab (once); Drop closes it too.
    fn close(&mut self) {
        if !self.closed {
            self.closed = true;
            let _ = self.b.cdp().call(
                "Target.closeTarget",
                json!({"targetId": self.target_id}),
                None,
                Duration::from_secs(5),
            );
        }
    }

    fn user_agent(&self) -> String {
        self.b.opts().user_agent.clone().unwrap_or_else(|| {
            self.b
                .version()
                .user_agent
                .replace("HeadlessChrome", "Chrome")
        })
    }

    fn call(&mut self, method: &str, params: Value) -> Result<Value, CdpError> {
        self.call_t(method, params, CALL)
    }

    /// Sends a command on the tab's session and waits for its answer while
    /// handling the tab's events: a script or a screenshot may wait on the
    /// page, and the page on an intercepted response only this thread lets
    /// through (see guard.rs).
    fn call_t(&mut self, method: &str, params: Value, t: Duration) -> Result<Value, CdpError> {
        let b = self.b;
        let session = self.session.clone();
        let wake = self.wake.clone();
        std::thread::scope(|sc| {
            let h = sc.spawn(move || {
                let r = b.cdp().call(method, params, Some(&session), t);
                let _ = wake.send(Event {
                    method: String::new(),
                    params: Value::Null,
                    session: None,
                });
                r
            });
            while !h.is_finished() {
                if self
                    .wait_until(Duration::from_secs(1), |_| h.is_finished())
                    .is_err()
                {
                    break;
                }
            }
            h.join().unwrap_or(Err(CdpError::Gone))
        })
    }

    /// Evaluates an expression in the main frame and returns its value.
    fn eval(&mut self, expr: &str, await_promise: bool, t: Duration) -> Result<Value, CdpError> {
        let r = self.call_t(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": await_promise, "userGesture": true}),
            t,
        )?;
        if let Some(ex) = r.get("exceptionDetails") {
            let msg = ex
                .pointer("/exception/description")
                .and_then(Value::as_str)
                .or_else(|| ex.get("text").and_then(Value::as_str))
                .unwrap_or("script error");
            return Err(CdpError::Remote {
                method: "Runtime.evaluate".into(),
                message: msg.to_string(),
            });
        }
        Ok(r.pointer("/result/value").cloned().unwrap_or(Value::Null))
    }

    fn handle(&mut self, ev: Event) {
        if self.guard.handle_browser_event(self.b.cdp(), &ev) {
            return;
        }
        let ours = ev.session.as_deref() == Some(self.session.as_str());
        let child = ev
            .session
            .as_ref()
            .is_some_and(|s| self.children.contains(s));
        if !ours && !child {
            return;
        }
        if self
            .guard
            .handle_tab_event(self.b.cdp(), &self.session, &ev, ours, self.loaded)
        {
            self.loaded = false;
        }
        let p = &ev.params;
        let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        match ev.method.as_str() {
            "Network.requestWillBeSent" => {
                let url = p
                    .pointer("/request/url")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                if let Some(rr) = p.get("redirectResponse") {
                    if ours && s("type") == "Document" && s("frameId") == self.target_id {
                        let st = rr.get("status").and_then(Value::as_u64).unwrap_or(0);
                        let from = rr.get("url").and_then(Value::as_str).unwrap_or("");
                        if self.warnings.len() < 50 {
                            self.warnings
                                .push(format!("redirected ({st}) from {from} to {url}"));
                        }
                    }
                }
                if !url.starts_with("data:") {
                    self.inflight.insert(s("requestId"), (Instant::now(), url));
                    self.last_request = Instant::now();
                    self.requests_started += 1;
                }
            }
            "Network.responseReceived" => {
                let status = p
                    .pointer("/response/status")
                    .and_then(Value::as_u64)
                    .unwrap_or(0) as u16;
                let url = p
                    .pointer("/response/url")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                if ours && s("type") == "Document" && s("frameId") == self.target_id {
                    self.main.status = Some(status);
                    self.main.status_text = p
                        .pointer("/response/statusText")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string();
                    self.main.url = Some(url);
                    self.main.security = p.pointer("/response/securityDetails").cloned();
                } else if status >= 400
                    && self.requests_failed.len() < 500
                    && !browser_favicon(&url)
                {
                    self.requests_failed.push(format!("HTTP {status}: {url}"));
                }
            }
            "Network.loadingFinished" => {
                self.inflight.remove(&s("requestId"));
            }
            "Network.loadingFailed" => {
                let url = self
                    .inflight
                    .remove(&s("requestId"))
                    .map(|x| x.1)
                    .unwrap_or_default();
                let canceled = p.get("canceled").and_then(Value::as_bool).unwrap_or(false);
                if !canceled && self.requests_failed.len() < 500 && !browser_favicon(&url) {
                    self.requests_failed
                        .push(format!("{}: {url}", s("errorText")));
                }
            }
            "Page.loadEventFired" if ours => self.loaded = true,
            "Inspector.targetCrashed" if ours => self.crashed = true,
            "Target.attachedToTarget" => {
                if let Some(sid) = p.get("sessionId").and_then(Value::as_str) {
                    self.children.insert(sid.to_string());
                    let cdp = self.b.cdp();
                    let t = Duration::from_secs(5);
                    let _ = cdp.call("Network.enable", json!({}), Some(sid), t);
                    let _ = cdp.call("Page.enable", json!({}), Some(sid), t);
                    let _ = cdp.call(
                        "Target.setAutoAttach",
                        json!({"autoAttach": true, "waitForDebuggerOnStart": false, "flatten": true}),
                        Some(sid),
                        t,
                    );
                }
            }
            "Target.detachedFromTarget" => {
                if let Some(sid) = p.get("sessionId").and_then(Value::as_str) {
                    self.children.remove(sid);
                }
            }
            _ => {}
        }
    }

    fn pump(&mut self) {
        while let Ok(ev) = self.events.try_recv() {
            self.handle(ev);
        }
    }

    /// Processes events until `cond` holds or `timeout` passes; true if it held.
    fn wait_until(
        &mut self,
        timeout: Duration,
        mut cond: impl FnMut(&Tab) -> bool,
    ) -> Result<bool, CaptureError> {
        let end = Instant::now() + timeout;
        loop {
            self.pump();
            if cond(self) {
                return Ok(true);
            }
            if !self.b.cdp().is_alive() {
                return Err(CdpError::Gone.into());
            }
            let now = Instant::now();
            if now >= end {
                return Ok(false);
            }
            match self
                .events
                .recv_timeout((end - now).min(Duration::from_millis(25)))
            {
                Ok(ev) => self.handle(ev),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Err(CdpError::Gone.into()),
            }
        }
    }

    fn fresh_inflight(&self) -> usize {
        self.inflight
            .values()
            .filter(|(t, _)| t.elapsed() < STALE_REQUEST)
            .count()
    }

    /// Waits until no fresh request is in flight and none started for `quiet`.
    fn wait_network_quiet(&mut self, quiet: Duration, cap: Duration) -> Result<bool, CaptureError> {
        self.wait_until(cap, |t| {
            t.fresh_inflight() == 0 && t.last_request.elapsed() >= quiet
        })
    }
}

impl Drop for Tab<'_> {
    fn drop(&mut self) {
        self.close();
    }
}

/// Temporary output files, removed unless disarmed.
struct TempFiles(Vec<PathBuf>);
impl Drop for TempFiles {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn stage(sink: &dyn ProgressSink, index: u32, url: &str, stage: Stage, detail: Option<String>) {
    sink.event(ProgressEvent::Stage {
        index,
        label: url.to_string(),
        stage,
        detail,
    });
}

/// (English, Swedish) of a navigation error.
fn net_error_sentence(err: &str, url: &str) -> (String, String) {
    let e = err.trim_start_matches("net::");
    let (what, what_sv) = match e {
        "ERR_NAME_NOT_RESOLVED" | "ERR_NAME_RESOLUTION_FAILED" => (
            "the host name could not be found (DNS). Check the address for typing errors",
            "värdnamnet hittades inte (DNS). Kontrollera att adressen är rätt skriven",
        ),
        "ERR_CONNECTION_REFUSED"
        | "ERR_ADDRESS_UNREACHABLE"
        | "ERR_CONNECTION_TIMED_OUT"
        | "ERR_INTERNET_DISCONNECTED"
        | "ERR_CONNECTION_RESET"
        | "ERR_CONNECTION_CLOSED"
        | "ERR_EMPTY_RESPONSE"
        | "ERR_NETWORK_UNREACHABLE" => (
            "the server could not be reached. Check the network connection and try again later",
            "servern gick inte att nå. Kontrollera nätverksanslutningen och försök igen senare",
        ),
        "ERR_TOO_MANY_REDIRECTS" => (
            "the site redirects in a loop and never shows a page",
            "webbplatsen skickar vidare i en slinga och visar aldrig någon sida",
        ),
        "ERR_BLOCKED_BY_CLIENT" | "ERR_BLOCKED_BY_RESPONSE" => (
            "the site refused to show the page",
            "webbplatsen vägrade visa sidan",
        ),
        e if e.starts_with("ERR_CERT") || e.starts_with("ERR_SSL") || e.contains("CERTIFICATE") => {
            (
                "the site's TLS certificate could not be verified, so the page is not captured \
             (an unverifiable page cannot be proven authentic)",
                "webbplatsens TLS-certifikat kunde inte verifieras, så sidan fångas inte \
             (en sida som inte kan verifieras kan inte visas vara äkta)",
            )
        }
        _ => (
            "Chromium could not open the page",
            "Chromium kunde inte öppna sidan",
        ),
    };
    (
        format!("Could not capture {url}: {what} ({e})."),
        format!("Sidan {url} kunde inte fångas: {what_sv} ({e})."),
    )
}

/// (English, Swedish) of an HTTP error answer.
fn http_status_sentence(status: u16, text: &str, url: &str) -> (String, String) {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ if !text.is_empty() => text,
        _ => "error",
    };
    let (what, what_sv) = if status < 500 {
        (
            "check that the address is right and the page still exists",
            "kontrollera att adressen är rätt och att sidan finns kvar",
        )
    } else {
        (
            "the site had a fault; try again later",
            "webbplatsen hade ett fel. Försök igen senare",
        )
    };
    (
        format!("Could not capture {url}: the server answered HTTP {status} ({reason}); {what}."),
        format!(
            "Sidan {url} kunde inte fångas: servern svarade HTTP {status} ({reason}); {what_sv}."
        ),
    )
}

fn der_to_pem(b64: &str) -> String {
    let mut s = String::from("-----BEGIN CERTIFICATE-----\n");
    let bytes = b64.as_bytes();
    for chunk in bytes.chunks(64) {
        s.push_str(&String::from_utf8_lossy(chunk));
        s.push('\n');
    }
    s.push_str("-----END CERTIFICATE-----\n");
    s
}

pub(crate) fn capture(
    b: &Browser,
    url: &str,
    out_dir: &Path,
    stem: &str,
    sink: &dyn ProgressSink,
    index: u32,
    cancel: &CancelToken,
) -> Result<PageRecord, CaptureError> {
    let o = b.opts();
    let started = Utc::now();
    let t0 = Instant::now();
    let mut rec = PageRecord {
        url: url.to_string(),
        ok: false,
        error: None,
        error_sv: None,
        files: Vec::new(),
        report: Default::default(),
        provenance: Provenance {
            started_at: started,
            finished_at: started,
            operator: o.operator.clone(),
            tool: TOOL_NAME.to_string(),
            tool_version: TOOL_VERSION.to_string(),
            browser_version: b.version().product.clone(),
            user_agent: o
                .user_agent
                .clone()
                .unwrap_or_else(|| b.version().user_agent.replace("HeadlessChrome", "Chrome")),
            viewport_width: o.viewport_width,
            viewport_height: o.viewport_height,
            tls_certificates: Vec::new(),
            tls_protocol: None,
        },
    };
    if stem.is_empty() || stem.starts_with('.') || stem.contains(['/', '\\', '\0']) {
        return Err(CaptureError::Internal(format!(
            "invalid file stem '{stem}'"
        )));
    }
    if let Err(msg) = validate_url(url) {
        rec.error = Some(msg);
        rec.provenance.finished_at = Utc::now();
        return Ok(rec);
    }
    if !b.is_alive() {
        return Err(CaptureError::BrowserGone(
            "Chromium is no longer running".into(),
        ));
    }
    let mut temps = TempFiles(Vec::new());
    let result = run(
        b, url, out_dir, stem, sink, index, cancel, &mut rec, &mut temps,
    );
    rec.report.duration_ms = t0.elapsed().as_millis() as u64;
    rec.provenance.finished_at = Utc::now();
    match result {
        Ok(()) => Ok(rec),
        Err(Flow::Page(PageFailure(msg, msg_sv))) => {
            rec.ok = false;
            rec.error = Some(msg);
            rec.error_sv = Some(msg_sv);
            rec.files.clear();
            Ok(rec)
        }
        Err(Flow::Fatal(e)) => Err(e),
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    b: &Browser,
    url: &str,
    out_dir: &Path,
    stem: &str,
    sink: &dyn ProgressSink,
    index: u32,
    cancel: &CancelToken,
    rec: &mut PageRecord,
    temps: &mut TempFiles,
) -> Result<(), Flow> {
    stage(sink, index, url, Stage::Navigating, None);
    let mut tab = Tab::open(b, out_dir, stem)?;
    let result = run_tab(
        &mut tab, url, out_dir, stem, sink, index, cancel, rec, temps,
    );
    tab.pump();
    tab.guard.record_into(rec);
    match result {
        // A page that replaced itself under the capture's scripts.
        Err(Flow::Fatal(CaptureError::Internal(_))) if !rec.report.navigated_away.is_empty() => {
            let (en, sv) = guard::navigated_sentence(url, &rec.report.navigated_away[0]);
            Err(Flow::Page(PageFailure(en, sv)))
        }
        r => r,
    }
}

#[allow(clippy::too_many_arguments)]
fn run_tab(
    tab: &mut Tab,
    url: &str,
    out_dir: &Path,
    stem: &str,
    sink: &dyn ProgressSink,
    index: u32,
    cancel: &CancelToken,
    rec: &mut PageRecord,
    temps: &mut TempFiles,
) -> Result<(), Flow> {
    let b = tab.b;
    let o = b.opts();
    let check_cancel = || {
        if cancel.is_cancelled() {
            Err(Flow::Fatal(CaptureError::Cancelled))
        } else {
            Ok(())
        }
    };
    let nav_start = Instant::now();
    let stop = || cancel.is_cancelled();
    let nav = match navigate(tab, url, o.page_timeout, &stop) {
        Ok(Some(v)) => v,
        Ok(None) => {
            let _ = tab.call_t("Page.stopLoading", json!({}), Duration::from_secs(5));
            return Err(Flow::Fatal(CaptureError::Cancelled));
        }
        Err(CdpError::Timeout { .. }) => {
            let _ = tab.call_t("Page.stopLoading", json!({}), Duration::from_secs(5));
            let secs = o.page_timeout.as_secs();
            return Err(Flow::Page(PageFailure(
                format!("Could not capture {url}: the server did not answer within {secs} s; try again later."),
                format!("Sidan {url} kunde inte fångas: servern svarade inte inom {secs} s. Försök igen senare."),
            )));
        }
        Err(CdpError::Remote { message, .. }) => {
            return Err(Flow::Page(PageFailure(
                format!("Could not capture {url}: Chromium refused the address ({message})."),
                format!(
                    "Sidan {url} kunde inte fångas: Chromium godtog inte adressen ({message})."
                ),
            )))
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(e) = tab.guard.served_error.take() {
        return Err(e.into());
    }
    if tab.guard.served.is_some() {
        return keep_served(tab, out_dir, stem, rec, temps);
    }
    if tab.guard.main_download || nav.get("isDownload").and_then(Value::as_bool) == Some(true) {
        tab.wait_until(Duration::from_secs(3), |t| !t.guard.downloads.is_empty())?;
        let name = tab
            .guard
            .downloads
            .first()
            .map(|d| d.suggested_filename.clone())
            .unwrap_or_default();
        let (en, sv) = guard::download_sentence(url, &name);
        return Err(Flow::Page(PageFailure(en, sv)));
    }
    if let Some(err) = nav
        .get("errorText")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        tab.pump();
        let (en, sv) = net_error_sentence(err, url);
        return Err(Flow::Page(PageFailure(en, sv)));
    }
    let remaining = o.page_timeout.saturating_sub(nav_start.elapsed());
    let loaded = tab.wait_until(remaining, |t| {
        t.loaded || t.crashed || cancel.is_cancelled()
    })?;
    check_cancel()?;
    if tab.crashed {
        return Err(Flow::Page(PageFailure(
            format!("Could not capture {url}: the page crashed Chromium's renderer."),
            format!("Sidan {url} kunde inte fångas: sidan fick Chromium att krascha."),
        )));
    }
    if !loaded {
        if tab.main.status.is_none() {
            let secs = o.page_timeout.as_secs();
            return Err(Flow::Page(PageFailure(
                format!("Could not capture {url}: the page did not load within {secs} s; try again later."),
                format!("Sidan {url} kunde inte fångas: den laddades inte inom {secs} s. Försök igen senare."),
            )));
        }
        let _ = tab.call_t("Page.stopLoading", json!({}), Duration::from_secs(5));
        tab.warnings.push(format!(
            "the page had not finished loading after {} s (a resource kept loading); captured what had loaded",
            o.page_timeout.as_secs()
        ));
    }
    rec.report.http_status = tab.main.status;
    rec.report.final_url = tab.main.url.clone();
    if let Some(st) = tab.main.status.filter(|s| *s >= 400) {
        let (en, sv) = http_status_sentence(st, &tab.main.status_text, url);
        return Err(Flow::Page(PageFailure(en, sv)));
    }
    // Provenance: TLS.
    if let Some(sec) = tab.main.security.clone() {
        rec.provenance.tls_protocol = sec
            .get("protocol")
            .and_then(Value::as_str)
            .map(str::to_string);
        let origin = tab
            .main
            .url
            .as_deref()
            .and_then(origin_of)
            .unwrap_or_default();
        if let Ok(c) = tab.call("Network.getCertificate", json!({"origin": origin})) {
            if let Some(names) = c.get("tableNames").and_then(Value::as_array) {
                rec.provenance.tls_certificates = names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(der_to_pem)
                    .collect();
            }
        }
        if rec.provenance.tls_certificates.is_empty() {
            let subj = sec.get("subjectName").and_then(Value::as_str).unwrap_or("");
            let iss = sec.get("issuer").and_then(Value::as_str).unwrap_or("");
            rec.provenance
                .tls_certificates
                .push(format!("subject={subj}; issuer={iss}"));
        }
    }
    check_cancel()?;

    // Consent dialogs, in every frame (same-process frames through isolated
    // worlds, out-of-process frames through their own sessions).
    stage(sink, index, url, Stage::Consent, None);
    let cfg = json!({"selectors": o.consent.selectors, "texts": o.consent.button_texts});
    let script = js::with_cfg(js::CONSENT_CLICK, &cfg);
    tab.guard.tolerate_navigation = true;
    for _round in 0..3 {
        tab.pump();
        let clicked = consent_round(tab, &script);
        let new: Vec<String> = clicked
            .into_iter()
            .filter(|c| !rec.report.consent_clicked.contains(c))
            .collect();
        if new.is_empty() {
            break;
        }
        rec.report.consent_clicked.extend(new);
        tab.wait_network_quiet(Duration::from_millis(300), Duration::from_secs(3))?;
        // A site that reloads after the click destroys the script's context.
        let _ = tab.eval(&js::with_cfg(js::SETTLE, &json!(1000)), true, CALL);
        tab.pump();
        if !tab.loaded {
            tab.wait_until(o.page_timeout, |t| t.loaded || t.crashed)?;
        }
    }
    tab.guard.tolerate_navigation = false;
    check_navigation(tab, url)?;
    let wall_cfg = json!({"login": o.walls.texts});
    let wall_script = js::with_cfg(js::DETECT_WALLS, &wall_cfg);
    let mut walls: Vec<String> = tab
        .eval(&wall_script, false, CALL)?
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    check_cancel()?;

    // Scroll through the page until its height is stable.
    stage(sink, index, url, Stage::Scrolling, None);
    let deadline = Instant::now() + o.max_duration;
    let mut y: u64 = 0;
    let settle = js::with_cfg(js::SETTLE, &json!(1500));
    let mut steps = 0u32;
    loop {
        check_cancel()?;
        check_navigation(tab, url)?;
        let m = tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(y)), false, CALL)?;
        let h = m["height"].as_u64().unwrap_or(0);
        let vh = m["vh"]
            .as_u64()
            .unwrap_or(o.viewport_height as u64)
            .max(100);
        // scrollTo clamps at the bottom: continue from where the page really is.
        y = m["y"]
            .as_f64()
            .map(|v| v.max(0.0) as u64)
            .unwrap_or(y)
            .min(y);
        let before = tab.requests_started;
        tab.eval(&settle, true, CALL)?;
        tab.pump();
        if tab.requests_started != before || tab.fresh_inflight() > 0 {
            tab.wait_network_quiet(Duration::from_millis(50), Duration::from_secs(2))?;
        }
        steps += 1;
        if steps.is_multiple_of(25) {
            stage(
                sink,
                index,
                url,
                Stage::Scrolling,
                Some(format!("{y} of {h} px")),
            );
        }
        if h >= o.max_height_px as u64 {
            rec.report.truncated = Some(format!(
                "stopped scrolling at the height cap of {} px; the page may continue (endless feed)",
                o.max_height_px
            ));
            break;
        }
        if Instant::now() >= deadline {
            rec.report.truncated = Some(format!(
                "stopped scrolling after the time cap of {} s at {} px; the page may continue (endless feed)",
                o.max_duration.as_secs(),
                h
            ));
            break;
        }
        if y + vh >= h {
            // At the bottom: an endless feed loads more when it sees the end.
            tab.wait_network_quiet(Duration::from_millis(400), Duration::from_secs(5))?;
            tab.eval(&settle, true, CALL)?;
            let h2 = tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(y)), false, CALL)?["height"]
                .as_u64()
                .unwrap_or(h);
            if h2 > h {
                y += vh;
                continue;
            }
            break;
        }
        y += vh;
    }
    let fin = tab.eval(&js::with_cfg(js::FINAL_CHECK, &json!(10_000)), true, CALL)?;
    rec.report.title = fin["title"]
        .as_str()
        .map(str::to_string)
        .filter(|s| !s.is_empty());
    for k in ["failed", "fonts"] {
        if let Some(a) = fin[k].as_array() {
            rec.report
                .images_failed
                .extend(a.iter().filter_map(Value::as_str).map(str::to_string));
        }
    }
    for w in tab
        .eval(&wall_script, false, CALL)?
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    {
        if !walls.contains(&w) {
            walls.push(w);
        }
    }
    rec.report.walls_detected = walls;
    if let Ok(href) = tab.eval("location.href", false, CALL) {
        if let Some(h) = href.as_str() {
            rec.report.final_url = Some(h.to_string());
        }
    }

    // Screenshots are taken of a viewport as tall as a slice (cheaper than
    // captureBeyondViewport, which re-lays out the whole page per shot).
    let slice_h = o.slice_height.max(100);
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": o.viewport_width, "height": slice_h, "deviceScaleFactor": 1, "mobile": false}),
    )?;
    // Fixed and sticky bars: paint them once, at the top.
    let m = tab.eval(js::UNFIX, false, CALL)?;
    tab.eval(&js::with_cfg(js::SETTLE, &json!(500)), true, CALL)?;
    let full_h = m["height"].as_u64().unwrap_or(0).max(1);
    let full_w = m["width"].as_u64().unwrap_or(0);
    let width = o.viewport_width;
    if full_w > width as u64 + 1 {
        tab.warnings.push(format!(
            "the page is {full_w} px wide; the capture keeps the first {width} px"
        ));
    }
    let height = full_h.min(o.max_height_px as u64) as u32;
    if full_h > o.max_height_px as u64 && rec.report.truncated.is_none() {
        rec.report.truncated = Some(format!(
            "the page is {full_h} px tall; the capture keeps the first {} px",
            o.max_height_px
        ));
    }
    rec.report.page_width = width;
    rec.report.page_height = height;
    check_cancel()?;

    // Screenshot in slices, stitched while streaming.
    std::fs::create_dir_all(out_dir).map_err(|e| io_err(out_dir, e))?;
    let png_final = out_dir.join(format!("{stem}.png"));
    let pdf_final = out_dir.join(format!("{stem}.pdf"));
    let png_tmp = out_dir.join(format!(".{stem}.png.partial"));
    let raw_tmp = out_dir.join(format!(".{stem}.chromium.pdf.partial"));
    let pdf_tmp = out_dir.join(format!(".{stem}.pdf.partial"));
    temps
        .0
        .extend([png_tmp.clone(), raw_tmp.clone(), pdf_tmp.clone()]);
    let n_slices = height.div_ceil(slice_h);
    stage(sink, index, url, Stage::Slicing, None);
    let mut st = Stitcher::create(&png_tmp, width, height).map_err(|e| stitch_err(&png_tmp, e))?;
    for i in 0..n_slices {
        check_cancel()?;
        check_navigation(tab, url)?;
        let sy = i * slice_h;
        let sh = slice_h.min(height - sy);
        tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(sy)), false, CALL)?;
        tab.eval(&js::with_cfg(js::SETTLE, &json!(2000)), true, CALL)?;
        // The clip is in document coordinates; the viewport holds it after the scroll.
        let shot = tab.call_t(
            "Page.captureScreenshot",
            json!({"format": "png", "clip": {"x": 0, "y": sy, "width": width, "height": sh, "scale": 1},
                   "captureBeyondViewport": false, "optimizeForSpeed": true, "fromSurface": true}),
            Duration::from_secs(120),
        )?;
        let data = shot["data"].as_str().unwrap_or("");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| CaptureError::Internal(format!("screenshot data: {e}")))?;
        st.push_slice(&bytes, sh)
            .map_err(|e| stitch_err(&png_tmp, e))?;
        if n_slices > 1 {
            stage(
                sink,
                index,
                url,
                Stage::Stitching,
                Some(format!("slice {} of {n_slices}", i + 1)),
            );
        }
    }
    st.finish().map_err(|e| stitch_err(&png_tmp, e))?;
    rec.report.slices = n_slices;

    // PDF: screen media, backgrounds, pages as wide as the viewport and A4-proportioned.
    check_cancel()?;
    stage(sink, index, url, Stage::Printing, None);
    tab.call("Emulation.setEmulatedMedia", json!({"media": "screen"}))?;
    let paper_w = width as f64 / 96.0;
    let paper_h = paper_w * 297.0 / 210.0;
    let pr = tab.call_t(
        "Page.printToPDF",
        json!({"printBackground": true, "paperWidth": paper_w, "paperHeight": paper_h,
               "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
               "preferCSSPageSize": false, "transferMode": "ReturnAsStream"}),
        Duration::from_secs(600),
    )?;
    let handle = pr["stream"].as_str().unwrap_or("").to_string();
    {
        let mut f = File::create(&raw_tmp).map_err(|e| io_err(&raw_tmp, e))?;
        loop {
            let chunk = tab.call("IO.read", json!({"handle": handle, "size": 4 << 20}))?;
            let data = chunk["data"].as_str().unwrap_or("");
            if chunk["base64Encoded"].as_bool().unwrap_or(false) {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .map_err(|e| CaptureError::Internal(format!("PDF stream: {e}")))?;
                f.write_all(&bytes).map_err(|e| io_err(&raw_tmp, e))?;
            } else {
                f.write_all(data.as_bytes())
                    .map_err(|e| io_err(&raw_tmp, e))?;
            }
            if chunk["eof"].as_bool().unwrap_or(true) {
                break;
            }
        }
        let _ = tab.call("IO.close", json!({"handle": handle}));
    }
    // Dialogs and warnings collected so far.
    if let Ok(d) = b.cdp().dialogs.lock() {
        for (s, msg) in d.iter() {
            if s.as_deref() == Some(tab.session.as_str()) {
                tab.warnings
                    .push(format!("a JavaScript dialog was dismissed ({msg})"));
            }
        }
    }
    check_navigation(tab, url)?;
    rec.report.requests_failed = std::mem::take(&mut tab.requests_failed);
    rec.report.warnings.append(&mut tab.warnings);
    tab.close();

    stage(sink, index, url, Stage::PdfA, None);
    let meta = ogonblick_pdfa::PdfAMeta {
        title: rec.report.title.clone().unwrap_or_else(|| url.to_string()),
        source_url: rec
            .report
            .final_url
            .clone()
            .unwrap_or_else(|| url.to_string()),
        created: rec.provenance.started_at,
        producer: format!("{TOOL_NAME} {TOOL_VERSION}"),
        creator_tool: format!("{TOOL_NAME} {TOOL_VERSION} with {}", b.version().product),
        icc_profile: o.srgb_icc.clone(),
    };
    let fr = ogonblick_pdfa::finish_file(&raw_tmp, &pdf_tmp, &meta).map_err(|e| match e {
        ogonblick_pdfa::PdfAError::Io { path, source } => CaptureError::Io { path, source },
        other => CaptureError::Internal(other.to_string()),
    })?;
    let _ = std::fs::remove_file(&raw_tmp);
    rec.report.pdf_pages = fr.pages;

    stage(sink, index, url, Stage::Hashing, None);
    let png_rec = hash_and_sync(&png_tmp, FileRole::Png, &format!("{stem}.png"), "image/png")?;
    let pdf_rec = hash_and_sync(
        &pdf_tmp,
        FileRole::Pdf,
        &format!("{stem}.pdf"),
        "application/pdf",
    )?;
    std::fs::rename(&png_tmp, &png_final).map_err(|e| io_err(&png_final, e))?;
    if let Err(e) = std::fs::rename(&pdf_tmp, &pdf_final) {
        let _ = std::fs::remove_file(&png_final);
        return Err(io_err(&pdf_final, e).into());
    }
    if let Ok(d) = File::open(out_dir) {
        let _ = d.sync_all();
    }
    rec.files = vec![png_rec, pdf_rec];
    if rec.report.walls_detected.is_empty() {
        rec.ok = true;
    } else {
        rec.ok = false;
        rec.error = Some(format!(
            "A wall covered the page ({}). The files show what Chromium saw, but this is not a good snapshot: \
             sign in with \"Log in\" on the organisation's browser profile (or adjust the consent settings) and capture again.",
            rec.report.walls_detected.join("; ")
        ));
        rec.error_sv = Some(format!(
            "En spärr täckte sidan ({}). Filerna visar vad Chromium såg, men ögonblicksbilden duger inte: \
             logga in med \"Logga in på plattformen\" på kanalens sida (eller justera samtyckesinställningarna) och ta den igen.",
            rec.report.walls_detected.join("; ")
        ));
    }
    Ok(())
}

fn consent_round(tab: &Tab, script: &str) -> Vec<String> {
    let cdp = tab.b.cdp();
    let t = Duration::from_secs(10);
    let mut out = Vec::new();
    let mut sessions = vec![tab.session.clone()];
    sessions.extend(tab.children.iter().cloned());
    for sid in sessions {
        let Ok(tree) = cdp.call("Page.getFrameTree", json!({}), Some(&sid), t) else {
            continue;
        };
        let mut frames = Vec::new();
        collect_frames(&tree["frameTree"], true, &mut frames);
        for (fid, is_root) in frames {
            let mut params =
                json!({"expression": script, "returnByValue": true, "userGesture": true});
            if !is_root {
                let Ok(w) = cdp.call(
                    "Page.createIsolatedWorld",
                    json!({"frameId": fid, "worldName": "ogonblick-consent", "grantUniveralAccess": false}),
                    Some(&sid),
                    t,
                ) else {
                    continue;
                };
                params["contextId"] = w["executionContextId"].clone();
            }
            if let Ok(r) = cdp.call("Runtime.evaluate", params, Some(&sid), t) {
                if let Some(a) = r.pointer("/result/value").and_then(Value::as_array) {
                    out.extend(a.iter().filter_map(Value::as_str).map(str::to_string));
                }
            }
        }
    }
    out
}

fn collect_frames(node: &Value, root: bool, out: &mut Vec<(String, bool)>) {
    if let Some(id) = node.pointer("/frame/id").and_then(Value::as_str) {
        out.push((id.to_string(), root));
    }
    if let Some(children) = node.get("childFrames").and_then(Value::as_array) {
        for c in children {
            collect_frames(c, false, out);
        }
    }
}

fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{host}"))
}

fn io_err(path: &Path, source: std::io::Error) -> CaptureError {
    CaptureError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn stitch_err(path: &Path, e: crate::stitch::StitchError) -> CaptureError {
    match e {
        crate::stitch::StitchError::Io(source) => io_err(path, source),
        crate::stitch::StitchError::Encoding(png::EncodingError::IoError(source)) => {
            io_err(path, source)
        }
        other => CaptureError::Internal(other.to_string()),
    }
}

fn hash_and_sync(
    path: &Path,
    role: FileRole,
    name: &str,
    media: &str,
) -> Result<FileRecord, CaptureError> {
    let mut f = File::open(path).map_err(|e| io_err(path, e))?;
    f.sync_all().map_err(|e| io_err(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(|e| io_err(path, e))?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok(FileRecord {
        role,
        path: name.to_string(),
        sha256: hex::encode(h.finalize()),
        size,
        media_type: media.to_string(),
    })
}

/// The icon the browser asks every site for on its own (`/favicon.ico`): not
/// part of the page, so its absence is no gap in the capture.
fn browser_favicon(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.splitn(4, '/').nth(3) == Some("favicon.ico")
}
