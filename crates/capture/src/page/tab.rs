//! One tab of the browser, as a capture drives it: the DevTools session,
//! calls that keep handling the tab's events while they wait, and what those
//! events tell (requests in flight and failed, the main response, load,
//! crash, frames of other processes).

use ogonblick_model::Message;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::recorder::Recorder;
use crate::cdp::{CdpError, Event};
use crate::guard::{Guard, ServedTarget};
use crate::{Browser, CaptureError};

/// Time allowed for one DevTools call on the tab.
pub(super) const CALL: Duration = Duration::from_secs(60);
/// A request older than this is not waited for any more (long polls, hanging resources).
const STALE_REQUEST: Duration = Duration::from_secs(4);

#[derive(Default)]
pub(super) struct MainResponse {
    pub status: Option<u16>,
    pub status_text: String,
    pub url: Option<String>,
    pub security: Option<Value>,
}

pub(super) struct Tab<'a> {
    pub b: &'a Browser,
    pub target_id: String,
    pub session: String,
    pub events: Receiver<Event>,
    /// Into `events`: wakes the tab when a call made on a helper thread ends.
    pub wake: Sender<Event>,
    pub children: HashSet<String>,
    pub inflight: HashMap<String, (Instant, String)>,
    pub last_request: Instant,
    pub requests_started: u64,
    pub main: MainResponse,
    pub requests_failed: Vec<String>,
    pub warnings: Vec<Message>,
    pub loaded: bool,
    pub crashed: bool,
    pub guard: Guard,
    pub closed: bool,
    /// The page's web archive, when one is kept.
    pub recorder: Option<Recorder>,
}

impl<'a> Tab<'a> {
    pub fn open(b: &'a Browser, out_dir: &Path, stem: &str) -> Result<Tab<'a>, CaptureError> {
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
        let o = b.opts();
        let recorder = match o.web_archive {
            true => Some(Recorder::start(
                out_dir,
                stem,
                o.clock.clone(),
                o.web_archive_limits,
            )?),
            false => None,
        };
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
            recorder,
        };
        tab.call("Page.enable", json!({}))?;
        tab.call("Network.enable", network_params(o))?;
        tab.call("Runtime.enable", json!({}))?;
        tab.call("Inspector.enable", json!({}))?;
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": o.viewport_width, "height": o.viewport_height, "deviceScaleFactor": 1, "mobile": false}),
        )?;
        let ua = b.page_user_agent();
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
    pub fn close(&mut self) {
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

    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, CdpError> {
        self.call_t(method, params, CALL)
    }

    /// Sends a command on the tab's session and waits for its answer while
    /// handling the tab's events: a script or a screenshot may wait on the
    /// page, and the page on an intercepted response only this thread lets
    /// through (see guard.rs).
    pub fn call_t(&mut self, method: &str, params: Value, t: Duration) -> Result<Value, CdpError> {
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
    pub fn eval(
        &mut self,
        expr: &str,
        await_promise: bool,
        t: Duration,
    ) -> Result<Value, CdpError> {
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
        if let Some(r) = &mut self.recorder {
            r.on_event(self.b.cdp(), &ev);
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
                            self.warnings.push(Message::WarnRedirected {
                                status: st,
                                from: from.to_string(),
                                to: url.clone(),
                            });
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
                    let params = network_params(self.b.opts());
                    let _ = cdp.call("Network.enable", params, Some(sid), t);
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

    pub fn pump(&mut self) {
        while let Ok(ev) = self.events.try_recv() {
            self.handle(ev);
        }
    }

    /// Processes events until `cond` holds or `timeout` passes; true if it held.
    pub fn wait_until(
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

    pub fn fresh_inflight(&self) -> usize {
        self.inflight
            .values()
            .filter(|(t, _)| t.elapsed() < STALE_REQUEST)
            .count()
    }

    /// Waits until no fresh request is in flight and none started for `quiet`.
    pub fn wait_network_quiet(
        &mut self,
        quiet: Duration,
        cap: Duration,
    ) -> Result<bool, CaptureError> {
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

/// The icon the browser asks every site for on its own (`/favicon.ico`): not
/// part of the page, so its absence is no gap in the capture.
fn browser_favicon(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.splitn(4, '/').nth(3) == Some("favicon.ico")
}

/// `Network.enable`'s parameters: with a web archive, Chromium keeps the
/// bodies the recorder asks for, within its limits.
fn network_params(o: &crate::CaptureOptions) -> Value {
    if o.web_archive {
        json!({
            "maxResourceBufferSize": o.web_archive_limits.per_response,
            "maxTotalBufferSize": o.web_archive_limits.per_page,
        })
    } else {
        json!({})
    }
}
