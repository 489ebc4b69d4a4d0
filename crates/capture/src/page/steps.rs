//! Steps of a capture that deal with what a hostile page does (see
//! `guard.rs`): the navigation that lets intercepted responses through, the
//! check that the page did not try to leave, and keeping a served document.

use ogonblick_model::Message;
use std::path::Path;
use std::time::Duration;

use ogonblick_model::{FileRole, PageRecord};
use serde_json::{json, Value};

use super::failure::{navigated_sentence, Flow, PageFailure};
use super::tab::Tab;
use crate::cdp::CdpError;
use crate::error::io_err;
use crate::files::{hash_and_sync, sync_dir, TempFiles};

/// `Page.navigate` answers only once the main document's response has been
/// let through, so it runs on a helper thread while this one handles the
/// tab's events (and so the intercepted response).
pub(super) fn navigate(
    tab: &mut Tab,
    url: &str,
    timeout: Duration,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Value>, CdpError> {
    let b = tab.b;
    let session = tab.session.clone();
    std::thread::scope(|sc| {
        let h = sc.spawn(|| {
            b.cdp().call_unless(
                "Page.navigate",
                json!({"url": url}),
                Some(&session),
                timeout,
                stop,
            )
        });
        while !h.is_finished() {
            if tab
                .wait_until(Duration::from_millis(20), |_| false)
                .is_err()
            {
                break;
            }
        }
        h.join().unwrap_or(Err(CdpError::Gone))
    })
}

/// Fails the page if its main frame went on to another address.
pub(super) fn check_navigation(tab: &mut Tab, url: &str) -> Result<(), Flow> {
    tab.pump();
    match tab.guard.navigated_away.first() {
        Some(to) => Err(Flow::Page(PageFailure(navigated_sentence(url, to)))),
        None => Ok(()),
    }
}

/// Keeps the document the address served (a PDF) as it came, as the page's
/// only file: no screenshot of Chromium's viewer pretends to be the page.
pub(super) fn keep_served(
    tab: &mut Tab,
    out_dir: &Path,
    stem: &str,
    rec: &mut PageRecord,
    temps: &mut TempFiles,
) -> Result<(), Flow> {
    let Some(served) = tab.guard.served.take() else {
        return Ok(());
    };
    temps.0.push(served.tmp.clone());
    let name = format!("{stem}.original.pdf");
    let file = hash_and_sync(&served.tmp, FileRole::Original, &name, &served.media_type)?;
    let fin = out_dir.join(&name);
    std::fs::rename(&served.tmp, &fin).map_err(|e| io_err(&fin, e))?;
    sync_dir(out_dir);
    rec.report.http_status = Some(served.status);
    rec.report.final_url = Some(served.url);
    rec.report.warnings.push(Message::WarnDocumentKept {
        media_type: served.media_type.clone(),
        name: name.to_string(),
        size: file.size,
        sha256: file.sha256.clone(),
    });
    rec.files = vec![file];
    rec.ok = true;
    Ok(())
}
