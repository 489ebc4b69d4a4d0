//! The end of the tab (what it collected goes into the report) and the
//! PDF/A's metadata. The PDF/A itself is cut from the screenshot's rows
//! (`image_pdf.rs`): Chromium's print is not used, since a virtualised feed
//! has only its last screens of posts left in the page by then.

use super::failure::Flow;
use super::steps::check_navigation;
use super::PageRun;
use crate::{TOOL_NAME, TOOL_VERSION};
use ogonblick_model::messages::format::UtcTime;
use ogonblick_model::Message;

impl PageRun<'_> {
    /// Takes what the tab collected into the report (dismissed dialogs,
    /// warnings, failed requests), after a last check that the page did not
    /// leave, and closes the tab.
    pub(super) fn finish_tab(&mut self) -> Result<(), Flow> {
        let tab = &mut self.tab;
        if let Ok(d) = tab.b.cdp().dialogs.lock() {
            for (s, msg) in d.iter() {
                if s.as_deref() == Some(tab.session.as_str()) {
                    tab.warnings
                        .push(Message::WarnJsDialog { text: msg.clone() });
                }
            }
        }
        check_navigation(tab, self.job.url)?;
        let report = &mut self.rec.report;
        report.requests_failed = std::mem::take(&mut tab.requests_failed);
        report.warnings.append(&mut tab.warnings);
        tab.close();
        Ok(())
    }

    /// The PDF/A's metadata: title, address, time, producer, output intent.
    pub(super) fn pdfa_meta(&self) -> ogonblick_pdfa::PdfAMeta {
        let url = self.job.url;
        let b = self.tab.b;
        let rec = &*self.rec;
        ogonblick_pdfa::PdfAMeta {
            title: rec.report.title.clone().unwrap_or_else(|| url.to_string()),
            source_url: rec
                .report
                .final_url
                .clone()
                .unwrap_or_else(|| url.to_string()),
            created: rec.provenance.started_at,
            producer: format!("{TOOL_NAME} {TOOL_VERSION}"),
            creator_tool: format!("{TOOL_NAME} {TOOL_VERSION} with {}", b.version().product),
            icc_profile: b.opts().srgb_icc.clone(),
            subject: Some(
                Message::PdfPageSubject {
                    url: url.to_string(),
                    at: UtcTime(rec.provenance.started_at),
                }
                .render(b.opts().language),
            ),
        }
    }
}
