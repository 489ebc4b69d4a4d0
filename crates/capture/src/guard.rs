//! What a hostile page may do to the computer or to the capture, and what the
//! capture does about it, per tab:
//!
//! * downloads (by a header, an `<a download>`, a script): the browser denies
//!   every one (`Browser.setDownloadBehavior` at launch); each attempt is
//!   recorded (`report.downloads_blocked`) with a warning;
//! * pop-up windows (`window.open`): closed as soon as they appear, recorded;
//! * the main frame going on to another address after it loaded (a timer, a
//!   meta refresh, a link): the new document's response is refused, so the
//!   page stays as it was, and the attempt recorded (`report.navigated_away`);
//!   the page fails, since a visitor would have been shown another page (a
//!   navigation that needs no response, e.g. to `about:blank`, is seen when
//!   it commits);
//! * an address that serves a PDF instead of a page: the document is taken
//!   from the response as it came (`Fetch` interception of the main frame's
//!   response while navigating) and kept as `<stem>.original.pdf`; Chromium's
//!   PDF viewer is never rendered and screenshotted as if it were the page.

use ogonblick_model::Message;
use std::path::PathBuf;
use std::time::Duration;

use ogonblick_model::{BlockedDownload, PageRecord};
use serde_json::{json, Value};

use crate::cdp::{Cdp, Event};
use crate::error::io_err;
use crate::files::write_stream;
use crate::CaptureError;
use ogonblick_model::messages::CaptureFault;

mod disposition;
use disposition::disposition_filename;

const T: Duration = Duration::from_secs(10);

/// The main frame's document as the server sent it, in a temporary file.
pub(crate) struct Served {
    pub tmp: PathBuf,
    pub media_type: String,
    pub url: String,
    pub status: u16,
}

/// Where an intercepted document goes: `<out_dir>/.<stem>.original.partial`.
pub(crate) struct ServedTarget {
    pub out_dir: PathBuf,
    pub stem: String,
}

pub(crate) struct Guard {
    /// The tab's target id, which is also its main frame's id.
    target_id: String,
    /// Every frame id seen in the tab (its own, its iframes', its pop-ups').
    frames: std::collections::HashSet<String>,
    pub downloads: Vec<BlockedDownload>,
    pub popups: Vec<String>,
    pub navigated_away: Vec<String>,
    /// Set once the main document's response was intercepted as a PDF.
    pub served: Option<Served>,
    pub served_error: Option<CaptureError>,
    /// While consent buttons are clicked: a main-frame navigation then is the
    /// site's answer to the click (many reload), not the page leaving.
    pub tolerate_navigation: bool,
    pub consent_navigations: Vec<String>,
    /// The main document was an attachment (refused).
    pub main_download: bool,
    target: ServedTarget,
}

impl Guard {
    pub fn new(target_id: &str, target: ServedTarget) -> Guard {
        let mut frames = std::collections::HashSet::new();
        frames.insert(target_id.to_string());
        Guard {
            target_id: target_id.to_string(),
            frames,
            downloads: Vec::new(),
            popups: Vec::new(),
            navigated_away: Vec::new(),
            served: None,
            served_error: None,
            tolerate_navigation: false,
            consent_navigations: Vec::new(),
            main_download: false,
            target,
        }
    }

    /// Events not tied to the tab's sessions (the browser's own): downloads
    /// and new targets. True if the event was one of them.
    pub fn handle_browser_event(&mut self, cdp: &Cdp, ev: &Event) -> bool {
        if ev.session.is_some() {
            return false;
        }
        let p = &ev.params;
        match ev.method.as_str() {
            "Browser.downloadWillBegin" => {
                let frame = p.get("frameId").and_then(Value::as_str).unwrap_or("");
                let url = str_of(p, "url");
                // One attempt may be seen twice: at its response and here.
                let seen = self.downloads.iter().any(|d| d.url == url);
                if self.frames.contains(frame) && !seen && self.downloads.len() < 100 {
                    self.downloads.push(BlockedDownload {
                        url: str_of(p, "url"),
                        suggested_filename: str_of(p, "suggestedFilename"),
                    });
                }
                true
            }
            "Target.targetCreated" => {
                let info = &p["targetInfo"];
                let opener = info.get("openerId").and_then(Value::as_str);
                if opener.is_some_and(|o| self.frames.contains(o)) {
                    let id = str_of(info, "targetId");
                    // Its frame is the pop-up's: a download it starts is the page's.
                    self.frames.insert(id.clone());
                    let _ = cdp.call("Target.closeTarget", json!({"targetId": id}), None, T);
                    if self.popups.len() < 100 {
                        self.popups.push(str_of(info, "url"));
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Events of the tab's own sessions (`ours`: the main one). True when
    /// the main frame loads a new document the capture accepts (after a
    /// consent click): the caller waits for its load again.
    pub fn handle_tab_event(
        &mut self,
        cdp: &Cdp,
        session: &str,
        ev: &Event,
        ours: bool,
        loaded: bool,
    ) -> bool {
        let p = &ev.params;
        match ev.method.as_str() {
            "Page.frameAttached" => {
                self.frames.insert(str_of(p, "frameId"));
            }
            "Page.frameNavigated" => {
                let frame = &p["frame"];
                let id = str_of(frame, "id");
                let main = ours && id == self.target_id && frame.get("parentId").is_none();
                self.frames.insert(id);
                if main && loaded {
                    let url = str_of(frame, "url");
                    if self.tolerate_navigation {
                        if self.consent_navigations.len() < 20 {
                            self.consent_navigations.push(url);
                        }
                        return true;
                    }
                    if self.navigated_away.len() < 20 {
                        self.navigated_away.push(url);
                    }
                }
            }
            "Fetch.requestPaused" if ours => self.paused(cdp, session, p, loaded),
            _ => {}
        }
        false
    }

    /// A document response held by the interception: the main frame's PDF is
    /// taken as it came and its navigation stopped; an attachment is refused;
    /// once the page has loaded, a new main document (the page going on to
    /// another address) is refused and recorded, so the page stays as it was
    /// (and a screenshot never waits on a page that is being replaced);
    /// everything else goes on.
    fn paused(&mut self, cdp: &Cdp, session: &str, p: &Value, loaded: bool) {
        let id = str_of(p, "requestId");
        let status = p
            .get("responseStatusCode")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let header = |name: &str| -> String {
            p.get("responseHeaders")
                .and_then(Value::as_array)
                .and_then(|hs| {
                    hs.iter().find(|h| {
                        h.get("name")
                            .and_then(Value::as_str)
                            .is_some_and(|n| n.eq_ignore_ascii_case(name))
                    })
                })
                .and_then(|h| h.get("value").and_then(Value::as_str))
                .unwrap_or("")
                .to_string()
        };
        let ctype = header("content-type");
        let media = ctype
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let main = str_of(p, "frameId") == self.target_id;
        let attachment = header("content-disposition")
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("attachment");
        if main && attachment {
            // The address answers with a download: refused before Chromium's
            // download machinery (which writes a temporary file first) sees it.
            let url = p
                .pointer("/request/url")
                .and_then(Value::as_str)
                .unwrap_or("");
            if !self.downloads.iter().any(|d| d.url == url) && self.downloads.len() < 100 {
                self.downloads.push(BlockedDownload {
                    url: p
                        .pointer("/request/url")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    suggested_filename: disposition_filename(&header("content-disposition")),
                });
            }
            self.main_download = true;
            let _ = cdp.call(
                "Fetch.failRequest",
                json!({"requestId": id, "errorReason": "Aborted"}),
                Some(session),
                T,
            );
            return;
        }
        if main && loaded && !self.tolerate_navigation {
            if self.navigated_away.len() < 20 {
                self.navigated_away.push(
                    p.pointer("/request/url")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                );
            }
            let _ = cdp.call(
                "Fetch.failRequest",
                json!({"requestId": id, "errorReason": "Aborted"}),
                Some(session),
                T,
            );
            return;
        }
        if main
            && self.served.is_none()
            && (200..300).contains(&status)
            && media == "application/pdf"
        {
            let url = p
                .pointer("/request/url")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            match self.take_body(cdp, session, &id, &media, url, status as u16) {
                Ok(served) => self.served = Some(served),
                Err(e) => self.served_error = Some(e),
            }
            let _ = cdp.call(
                "Fetch.failRequest",
                json!({"requestId": id, "errorReason": "Aborted"}),
                Some(session),
                T,
            );
            return;
        }
        let _ = cdp.call(
            "Fetch.continueRequest",
            json!({"requestId": id}),
            Some(session),
            T,
        );
    }

    fn take_body(
        &self,
        cdp: &Cdp,
        session: &str,
        id: &str,
        media: &str,
        url: String,
        status: u16,
    ) -> Result<Served, CaptureError> {
        let s = cdp.call(
            "Fetch.takeResponseBodyAsStream",
            json!({"requestId": id}),
            Some(session),
            T,
        )?;
        let handle = s["stream"].as_str().unwrap_or("").to_string();
        let tmp = self
            .target
            .out_dir
            .join(format!(".{}.original.partial", self.target.stem));
        std::fs::create_dir_all(&self.target.out_dir)
            .map_err(|e| io_err(&self.target.out_dir, e))?;
        let written = write_stream(&tmp, CaptureFault::ServedDocument, || {
            cdp.call(
                "IO.read",
                json!({"handle": handle, "size": 4 << 20}),
                Some(session),
                Duration::from_secs(60),
            )
        });
        let _ = cdp.call("IO.close", json!({"handle": handle}), Some(session), T);
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(Served {
            tmp,
            media_type: media.to_string(),
            url,
            status,
        })
    }

    /// Writes what was blocked into the page's report, with a warning each.
    pub fn record_into(&mut self, rec: &mut PageRecord) {
        for d in &self.downloads {
            rec.report.warnings.push(Message::WarnDownload {
                name: d.suggested_filename.clone(),
                url: d.url.clone(),
            });
        }
        rec.report.downloads_blocked.append(&mut self.downloads);
        for u in self.popups.drain(..) {
            rec.report.warnings.push(Message::WarnPopup {
                url: if u.is_empty() {
                    "about:blank".into()
                } else {
                    u
                },
            });
        }
        for u in self.consent_navigations.drain(..) {
            rec.report
                .warnings
                .push(Message::WarnConsentNavigated { url: u });
        }
        for u in &self.navigated_away {
            if !rec.report.navigated_away.contains(u) {
                rec.report.navigated_away.push(u.clone());
            }
        }
    }
}

fn str_of(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}
