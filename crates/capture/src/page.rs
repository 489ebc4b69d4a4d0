//! The capture of one page, as a sequence of named stages over the page's
//! state ([`PageRun`]): open the address (navigate, wait for the load),
//! consent, wall detection, expanding collapsed content (again at every
//! scroll step), scroll and settle, final check, unfix bars, screenshot in
//! slices (stitched into the PNG and cut into the PDF/A's pages, with the
//! text layer read slice by slice), hash and rename. Each stage lives in
//! a module of its own under `page/`.

use ogonblick_model::messages::CaptureFault;
use ogonblick_model::Message;
use std::path::Path;
use std::time::Instant;

use ogonblick_model::{
    CancelToken, PageRecord, Platform, ProgressEvent, ProgressSink, Provenance, Stage,
};

use crate::files::TempFiles;
use crate::{validate_url, Browser, CaptureError, TOOL_NAME, TOOL_VERSION};

mod assemble;
mod consent;
mod coverage;
mod expand;
mod failure;
mod image_pdf;
mod load;
mod print;
mod publish;
mod recorder;
mod scroll;
mod shots;
mod steps;
mod tab;
mod text_file;

use failure::{Flow, PageFailure};
use load::Opened;
use steps::keep_served;
use tab::Tab;

/// What one capture is asked for; fixed for the whole page.
#[derive(Clone, Copy)]
struct Job<'a> {
    url: &'a str,
    out_dir: &'a Path,
    stem: &'a str,
    sink: &'a dyn ProgressSink,
    index: u32,
    cancel: &'a CancelToken,
    /// The channel's platform, if the caller named it (else the address's host says).
    platform: Option<Platform>,
}

impl Job<'_> {
    /// Reports that the page entered `stage`.
    fn stage(&self, stage: Stage, detail: Option<Message>) {
        self.sink.event(ProgressEvent::Stage {
            index: self.index,
            label: self.url.to_string(),
            stage,
            detail,
        });
    }

    fn check_cancel(&self) -> Result<(), Flow> {
        if self.cancel.is_cancelled() {
            Err(Flow::Fatal(CaptureError::Cancelled))
        } else {
            Ok(())
        }
    }
}

/// The state of one page while its stages run: its tab, what was asked,
/// the record being filled in, and the temporary files to remove unless
/// they get their final names.
struct PageRun<'a> {
    tab: Tab<'a>,
    job: Job<'a>,
    rec: &'a mut PageRecord,
    temps: &'a mut TempFiles,
    /// The posts seen while scrolling and shooting.
    coverage: coverage::Coverage,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn capture(
    b: &Browser,
    platform: Option<Platform>,
    url: &str,
    out_dir: &Path,
    stem: &str,
    sink: &dyn ProgressSink,
    index: u32,
    cancel: &CancelToken,
) -> Result<PageRecord, CaptureError> {
    let o = b.opts();
    let started = o.clock.now();
    let t0 = Instant::now();
    let mut rec = PageRecord {
        url: url.to_string(),
        ok: false,
        error: None,
        error_sv: None,
        message: None,
        files: Vec::new(),
        report: Default::default(),
        provenance: Provenance {
            started_at: started,
            finished_at: started,
            operator: o.operator.clone(),
            tool: TOOL_NAME.to_string(),
            tool_version: TOOL_VERSION.to_string(),
            browser_version: b.version().product.clone(),
            user_agent: b.page_user_agent(),
            viewport_width: o.viewport_width,
            viewport_height: o.viewport_height,
            tls_certificates: Vec::new(),
            tls_protocol: None,
        },
    };
    if stem.is_empty() || stem.starts_with('.') || stem.contains(['/', '\\', '\0']) {
        return Err(CaptureError::internal(CaptureFault::FileStem, stem));
    }
    if let Err(why) = validate_url(url) {
        rec.fail_with(Message::PageAddressBad {
            url: url.to_string(),
            why: Box::new(why),
        });
        rec.provenance.finished_at = o.clock.now();
        return Ok(rec);
    }
    if !b.is_alive() {
        return Err(CaptureError::BrowserGone(Message::ChromiumNotRunning {}));
    }
    let job = Job {
        url,
        out_dir,
        stem,
        sink,
        index,
        cancel,
        platform,
    };
    let mut temps = TempFiles(Vec::new());
    let result = run(b, job, &mut rec, &mut temps);
    rec.report.duration_ms = t0.elapsed().as_millis() as u64;
    rec.provenance.finished_at = o.clock.now();
    match result {
        Ok(()) => Ok(rec),
        Err(Flow::Page(PageFailure(message))) => {
            rec.fail_with(message);
            rec.files.clear();
            Ok(rec)
        }
        Err(Flow::Fatal(e)) => Err(e),
    }
}

/// Opens the page's tab, runs the stages in it, and records what its guard
/// blocked; the tab is closed when this returns.
fn run(b: &Browser, job: Job, rec: &mut PageRecord, temps: &mut TempFiles) -> Result<(), Flow> {
    job.stage(Stage::Navigating, None);
    let tab = Tab::open(b, job.out_dir, job.stem)?;
    let mut page = PageRun {
        tab,
        job,
        rec,
        temps,
        coverage: Default::default(),
    };
    let result = page.stages();
    page.tab.pump();
    // What was received is kept, also when the page failed; a WARC that
    // cannot be written (a full disk) costs the page its web archive only.
    if let Some(r) = page.tab.recorder.take() {
        if let Err(e) = r.finish(job.url) {
            let m = ogonblick_model::Message::WebArchiveNotWritten {
                path: job.out_dir.display().to_string(),
                error: e.to_string(),
            };
            page.rec.report.warnings.push(m);
        }
    }
    page.tab.guard.record_into(page.rec);
    expand::record_warnings(&mut page.rec.report);
    match result {
        // A page that replaced itself under the capture's scripts.
        Err(Flow::Fatal(CaptureError::Internal { .. }))
            if !page.rec.report.navigated_away.is_empty() =>
        {
            let m = failure::navigated_sentence(job.url, &page.rec.report.navigated_away[0]);
            Err(Flow::Page(PageFailure(m)))
        }
        r => r,
    }
}

impl PageRun<'_> {
    /// The stages of a capture, in order.
    fn stages(&mut self) -> Result<(), Flow> {
        if let Opened::Served = self.open_address()? {
            return keep_served(
                &mut self.tab,
                self.job.out_dir,
                self.job.stem,
                self.rec,
                self.temps,
            );
        }
        self.check_response()?;
        self.record_tls();
        self.job.check_cancel()?;
        self.dismiss_consent()?;
        let mut walls = self.detect_walls()?;
        self.expand()?;
        self.job.check_cancel()?;
        self.scroll_through()?;
        self.final_check(&mut walls)?;
        let size = self.unfix()?;
        self.job.check_cancel()?;
        let files = self.slices(size)?;
        self.job.check_cancel()?;
        self.finish_tab()?;
        self.publish(&files)
    }
}
