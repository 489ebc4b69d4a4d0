//! Opening the address: navigate, see what came back (a served document, a
//! download, a network or HTTP error), wait for the load, and record the
//! TLS provenance of the main response.

use std::time::{Duration, Instant};

use ogonblick_model::Message;
use serde_json::{json, Value};

use super::failure::{
    download_sentence, http_status_sentence, net_error_sentence, Flow, PageFailure,
};
use super::steps::navigate;
use super::tab::Tab;
use super::PageRun;
use crate::address::origin_of;
use crate::cdp::CdpError;
use crate::CaptureError;

/// What the address turned out to be.
pub(super) enum Opened {
    /// A page, loaded (or loaded as far as it would in time).
    Page,
    /// A document (a PDF) the guard kept as it came.
    Served,
}

impl PageRun<'_> {
    /// Navigates to the address and waits for the page to load.
    pub(super) fn open_address(&mut self) -> Result<Opened, Flow> {
        let (url, cancel) = (self.job.url, self.job.cancel);
        let b = self.tab.b;
        let o = b.opts();
        let tab = &mut self.tab;
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
                return Err(Flow::Page(PageFailure(Message::PageNoAnswer {
                    url: url.to_string(),
                    secs,
                })));
            }
            Err(CdpError::Remote { message, .. }) => {
                return Err(Flow::Page(PageFailure(Message::PageAddressRefused {
                    url: url.to_string(),
                    detail: message,
                })))
            }
            Err(e) => return Err(e.into()),
        };
        if let Some(e) = tab.guard.served_error.take() {
            return Err(e.into());
        }
        if tab.guard.served.is_some() {
            return Ok(Opened::Served);
        }
        if tab.guard.main_download || nav.get("isDownload").and_then(Value::as_bool) == Some(true) {
            tab.wait_until(Duration::from_secs(3), |t| !t.guard.downloads.is_empty())?;
            let name = tab
                .guard
                .downloads
                .first()
                .map(|d| d.suggested_filename.clone())
                .unwrap_or_default();
            return Err(Flow::Page(PageFailure(download_sentence(url, &name))));
        }
        if let Some(err) = nav
            .get("errorText")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        {
            tab.pump();
            return Err(Flow::Page(PageFailure(net_error_sentence(err, url))));
        }
        let remaining = o.page_timeout.saturating_sub(nav_start.elapsed());
        let loaded = tab.wait_until(remaining, |t| {
            t.loaded || t.crashed || cancel.is_cancelled()
        })?;
        self.job.check_cancel()?;
        wait_outcome(tab, url, loaded, o.page_timeout)?;
        Ok(Opened::Page)
    }

    /// Records the main response and fails the page on an HTTP error.
    pub(super) fn check_response(&mut self) -> Result<(), Flow> {
        let tab = &self.tab;
        self.rec.report.http_status = tab.main.status;
        self.rec.report.final_url = tab.main.url.clone();
        if let Some(st) = tab.main.status.filter(|s| *s >= 400) {
            return Err(Flow::Page(PageFailure(http_status_sentence(
                st,
                &tab.main.status_text,
                self.job.url,
            ))));
        }
        Ok(())
    }

    /// Provenance: the TLS protocol and certificate chain of the main response.
    pub(super) fn record_tls(&mut self) {
        let Some(sec) = self.tab.main.security.clone() else {
            return;
        };
        let prov = &mut self.rec.provenance;
        prov.tls_protocol = sec
            .get("protocol")
            .and_then(Value::as_str)
            .map(str::to_string);
        let origin = self
            .tab
            .main
            .url
            .as_deref()
            .and_then(origin_of)
            .unwrap_or_default();
        if let Ok(c) = self
            .tab
            .call("Network.getCertificate", json!({"origin": origin}))
        {
            if let Some(names) = c.get("tableNames").and_then(Value::as_array) {
                prov.tls_certificates = names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(der_to_pem)
                    .collect();
            }
        }
        if prov.tls_certificates.is_empty() {
            let subj = sec.get("subjectName").and_then(Value::as_str).unwrap_or("");
            let iss = sec.get("issuer").and_then(Value::as_str).unwrap_or("");
            prov.tls_certificates
                .push(format!("subject={subj}; issuer={iss}"));
        }
    }
}

/// After the wait for the load: fails a crashed page or one that never
/// answered; a page still loading is captured as far as it got, with a
/// warning.
fn wait_outcome(tab: &mut Tab, url: &str, loaded: bool, timeout: Duration) -> Result<(), Flow> {
    if tab.crashed {
        return Err(Flow::Page(PageFailure(Message::PageCrashed {
            url: url.to_string(),
        })));
    }
    if !loaded {
        if tab.main.status.is_none() {
            let secs = timeout.as_secs();
            return Err(Flow::Page(PageFailure(Message::PageLoadTimeout {
                url: url.to_string(),
                secs,
            })));
        }
        let _ = tab.call_t("Page.stopLoading", json!({}), Duration::from_secs(5));
        tab.warnings.push(Message::WarnSlowLoad {
            secs: timeout.as_secs(),
        });
    }
    Ok(())
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
