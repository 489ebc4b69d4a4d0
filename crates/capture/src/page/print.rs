//! The PDF: printed by Chromium (screen media, backgrounds, pages as wide as
//! the viewport and A4-proportioned), streamed to a file, then made PDF/A.

use std::time::Duration;

use ogonblick_model::Stage;
use serde_json::json;

use super::failure::Flow;
use super::shots::OutFiles;
use super::steps::check_navigation;
use super::PageRun;
use crate::files::write_stream;
use crate::{CaptureError, TOOL_NAME, TOOL_VERSION};

impl PageRun<'_> {
    /// Prints the page to Chromium's PDF (`files.raw_tmp`).
    pub(super) fn print(&mut self, files: &OutFiles) -> Result<(), Flow> {
        self.job.stage(Stage::Printing, None);
        let tab = &mut self.tab;
        tab.call("Emulation.setEmulatedMedia", json!({"media": "screen"}))?;
        // As wide as the screenshot (`unfix` set the page width).
        let paper_w = self.rec.report.page_width as f64 / 96.0;
        let paper_h = paper_w * 297.0 / 210.0;
        let pr = tab.call_t(
            "Page.printToPDF",
            json!({"printBackground": true, "paperWidth": paper_w, "paperHeight": paper_h,
                   "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
                   "preferCSSPageSize": false, "transferMode": "ReturnAsStream"}),
            Duration::from_secs(600),
        )?;
        let handle = pr["stream"].as_str().unwrap_or("").to_string();
        write_stream(&files.raw_tmp, "PDF stream", || {
            tab.call("IO.read", json!({"handle": handle, "size": 4 << 20}))
        })?;
        let _ = tab.call("IO.close", json!({"handle": handle}));
        Ok(())
    }

    /// Takes what the tab collected into the report (dismissed dialogs,
    /// warnings, failed requests), after a last check that the page did not
    /// leave, and closes the tab.
    pub(super) fn finish_tab(&mut self) -> Result<(), Flow> {
        let tab = &mut self.tab;
        if let Ok(d) = tab.b.cdp().dialogs.lock() {
            for (s, msg) in d.iter() {
                if s.as_deref() == Some(tab.session.as_str()) {
                    tab.warnings
                        .push(format!("a JavaScript dialog was dismissed ({msg})"));
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

    /// Makes Chromium's PDF a PDF/A-2b (`files.pdf_tmp`) with the page's metadata.
    pub(super) fn pdfa(&mut self, files: &OutFiles) -> Result<(), Flow> {
        self.job.stage(Stage::PdfA, None);
        let url = self.job.url;
        let b = self.tab.b;
        let rec = &mut *self.rec;
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
            icc_profile: b.opts().srgb_icc.clone(),
        };
        let fr = ogonblick_pdfa::finish_file(&files.raw_tmp, &files.pdf_tmp, &meta).map_err(
            |e| match e {
                ogonblick_pdfa::PdfAError::Io { path, source } => CaptureError::Io { path, source },
                other => CaptureError::Internal(other.to_string()),
            },
        )?;
        let _ = std::fs::remove_file(&files.raw_tmp);
        rec.report.pdf_pages = fr.pages;
        Ok(())
    }
}
