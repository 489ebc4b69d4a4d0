//! The screenshot: fixed and sticky bars unfixed (painted once, at the top),
//! then the page shot in slices (bands beyond the window on a page that
//! removed nothing as it was scrolled, else a window at a time) and
//! stitched into one PNG while streaming;
//! the same rows are cut into the PDF/A's pages, and each slice's text lines
//! and posts are read while it is on screen (`image_pdf.rs`, `coverage.rs`).

use ogonblick_model::messages::CaptureFault;
use ogonblick_model::Message;
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::time::Duration;

use base64::Engine as _;
use ogonblick_model::Stage;
use serde_json::json;

use super::assemble::{assemble, stitch_err, Assembled, Slice};
use super::coverage::coverage_warning;
use super::failure::Flow;
use super::image_pdf::{text_lines, PdfPages};
use super::steps::check_navigation;
use super::tab::{Tab, CALL};
use super::PageRun;
use crate::error::io_err;
use crate::stitch::Stitcher;
use crate::{js, CaptureError};

/// The size of the capture in CSS px, and of one slice.
#[derive(Clone, Copy)]
pub(super) struct ShotSize {
    width: u32,
    height: u32,
    slice_h: u32,
    /// Whether a slice taller than the window is shot beyond it.
    beyond: bool,
}

/// The page's output files: final names and the temporary ones written first.
pub(super) struct OutFiles {
    pub png_final: PathBuf,
    pub pdf_final: PathBuf,
    pub png_tmp: PathBuf,
    pub pdf_tmp: PathBuf,
    pub text_final: PathBuf,
    pub text_tmp: PathBuf,
}

impl PageRun<'_> {
    /// Makes the window as tall as it was scrolled in, unfixes fixed and
    /// sticky bars, measures the page and chooses the slices' height: a
    /// window's on a page that removed content while it was scrolled (a
    /// virtualised feed keeps only what is near the window), else a band of
    /// `shot_band` px shot beyond the window, the window's height unchanged
    /// (`vh` units and the page's layout stay as scrolled).
    pub(super) fn unfix(&mut self) -> Result<ShotSize, Flow> {
        let b = self.tab.b;
        let o = b.opts();
        let tab = &mut self.tab;
        let report = &mut self.rec.report;
        let window_h = o.slice_height.max(100);
        let removed = tab.eval(js::REMOVALS, false, CALL).ok();
        let still = removed.as_ref().and_then(|v| v.as_u64()) == Some(0);
        let band = o.shot_band.min(crate::MAX_SHOT_BAND);
        let (slice_h, beyond) = if still && band > window_h {
            (band, true)
        } else {
            (window_h, false)
        };
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": o.viewport_width, "height": window_h, "deviceScaleFactor": 1, "mobile": false}),
        )?;
        // Fixed and sticky bars: paint them once, at the top.
        let m = tab.eval(js::UNFIX, false, CALL)?;
        tab.eval(&js::with_cfg(js::SETTLE, &json!(500)), true, CALL)?;
        let full_h = m["height"].as_u64().unwrap_or(0).max(1);
        let full_w = m["width"].as_u64().unwrap_or(0);
        let width = o.viewport_width;
        if full_w > width as u64 + 1 {
            tab.warnings.push(Message::WarnTooWide {
                width: full_w,
                kept: width,
            });
        }
        let height = full_h.min(o.max_height_px as u64) as u32;
        if full_h > o.max_height_px as u64 && report.truncated.is_none() {
            report.truncated = Some(Message::TruncatedTall {
                height: full_h,
                kept: o.max_height_px as u64,
            });
        }
        report.page_width = width;
        report.page_height = height;
        Ok(ShotSize {
            width,
            height,
            slice_h,
            beyond,
        })
    }

    /// Names the output files (temporary ones removed unless published).
    fn out_files(&mut self) -> Result<OutFiles, Flow> {
        let (out_dir, stem) = (self.job.out_dir, self.job.stem);
        std::fs::create_dir_all(out_dir).map_err(|e| io_err(out_dir, e))?;
        let files = OutFiles {
            png_final: out_dir.join(format!("{stem}.png")),
            pdf_final: out_dir.join(format!("{stem}.pdf")),
            png_tmp: out_dir.join(format!(".{stem}.png.partial")),
            pdf_tmp: out_dir.join(format!(".{stem}.pdf.partial")),
            text_final: out_dir.join(format!("{stem}.text.json")),
            text_tmp: out_dir.join(format!(".{stem}.text.json.partial")),
        };
        self.temps.0.extend([
            files.png_tmp.clone(),
            files.pdf_tmp.clone(),
            files.text_tmp.clone(),
        ]);
        Ok(files)
    }

    /// Screenshots the page in slices; each is stitched into the PNG and cut
    /// into the PDF/A's pages beside the capture (`assemble.rs`) while the
    /// next one is taken.
    pub(super) fn slices(&mut self, size: ShotSize) -> Result<OutFiles, Flow> {
        let files = self.out_files()?;
        let ShotSize {
            width,
            height,
            slice_h,
            ..
        } = size;
        let png_tmp = &files.png_tmp;
        let n_slices = height.div_ceil(slice_h);
        self.job.stage(Stage::Slicing, None);
        let st = Stitcher::create(png_tmp, width, height, slice_h)
            .map_err(|e| stitch_err(png_tmp, e))?;
        let pages = PdfPages::create(&files.pdf_tmp, &self.pdfa_meta(), width, height)?;
        // One slice queued while one is assembled.
        let (tx, rx) = sync_channel::<Slice>(1);
        let (shot, assembled) = std::thread::scope(|sc| {
            let png_tmp = png_tmp.clone();
            let worker = std::thread::Builder::new()
                .name("slice-assembly".into())
                .spawn_scoped(sc, move || assemble(st, pages, png_tmp, n_slices, rx));
            let worker = match worker {
                Ok(w) => w,
                Err(e) => return (Err(io_err(&files.png_tmp, e).into()), Ok(None)),
            };
            let shot = self.shoot_slices(size, &tx);
            drop(tx);
            let assembled = worker.join().unwrap_or_else(|_| {
                Err(CaptureError::internal(
                    CaptureFault::Stitch,
                    "the slice assembly stopped",
                ))
            });
            (shot, assembled)
        });
        // The assembly's own error says more than the capture's "it stopped".
        let assembled = assembled?;
        shot?;
        let Some(Assembled { pdf_pages, emitted }) = assembled else {
            return Err(CaptureError::internal(CaptureFault::Stitch, "slices missing").into());
        };
        self.job.stage(Stage::PdfA, None);
        super::text_file::write_text_file(&files.text_tmp, width, height, &emitted)?;
        let report = &mut self.rec.report;
        report.slices = n_slices;
        report.pdf_pages = pdf_pages;
        let mut cov = std::mem::take(&mut self.coverage).finish(emitted);
        if let Some(w) = coverage_warning(&cov) {
            report.warnings.push(w.clone());
            cov.warning = Some(w);
        }
        report.coverage = Some(cov);
        Ok(files)
    }

    /// Scrolls to each slice, shoots it, reads its text and posts while it
    /// is on screen (its top, for a band shot beyond the window), and hands
    /// it to the assembly.
    fn shoot_slices(&mut self, size: ShotSize, tx: &SyncSender<Slice>) -> Result<(), Flow> {
        let ShotSize {
            width,
            height,
            slice_h,
            beyond,
        } = size;
        let n_slices = height.div_ceil(slice_h);
        for i in 0..n_slices {
            self.job.check_cancel()?;
            let tab = &mut self.tab;
            check_navigation(tab, self.job.url)?;
            let sy = i * slice_h;
            let sh = slice_h.min(height - sy);
            tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(sy)), false, CALL)?;
            tab.eval(&js::with_cfg(js::SETTLE, &json!(2000)), true, CALL)?;
            let in_view_before = beyond || settled_in_view(tab, sy, sh)?;
            // The clip is in document coordinates; the viewport holds it
            // after the scroll, or its top and the rest is shot beyond it.
            let shot = tab.call_t(
                "Page.captureScreenshot",
                json!({"format": "png", "clip": {"x": 0, "y": sy, "width": width, "height": sh, "scale": 1},
                       "captureBeyondViewport": beyond, "optimizeForSpeed": true, "fromSurface": true}),
                Duration::from_secs(120),
            )?;
            // Still there after the shot, or the page moved during it.
            if !(in_view_before && (beyond || in_view(tab, sy, sh)?)) {
                tab.warnings.push(Message::WarnSliceMoved {
                    from: sy,
                    to: sy + sh,
                });
            }
            let data = shot["data"].as_str().unwrap_or("");
            let png = base64::engine::general_purpose::STANDARD
                .decode(data)
                .map_err(|e| CaptureError::internal(CaptureFault::ScreenshotData, e))?;
            // What the slice shows, while it is on screen.
            let lines = match text_lines(tab, sy, sy + sh, width) {
                Ok(lines) => lines,
                Err(e) => {
                    tab.warnings.push(Message::WarnTextUnread {
                        from: sy,
                        to: sy + sh,
                        detail: e.to_string(),
                    });
                    Vec::new()
                }
            };
            self.coverage.shot(tab, sy, sy + sh)?;
            let slice = Slice {
                png,
                rows: sh,
                lines,
            };
            if tx.send(slice).is_err() {
                // The assembly stopped; its error is the page's.
                return Ok(());
            }
            if n_slices > 1 {
                self.job.stage(
                    Stage::Stitching,
                    Some(Message::ProgressSlice {
                        n: i + 1,
                        of: n_slices,
                    }),
                );
            }
        }
        Ok(())
    }
}

/// A window slice is shot from the screen, so the page must still be
/// scrolled to it once it has settled: a page that moved (a script, or
/// anything the browser did) is scrolled back and settled once more.
/// Whether it is in view then is the answer.
fn settled_in_view(tab: &mut Tab, sy: u32, sh: u32) -> Result<bool, Flow> {
    for again in [true, false] {
        if in_view(tab, sy, sh)? {
            return Ok(true);
        }
        if again {
            tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(sy)), false, CALL)?;
            tab.eval(&js::with_cfg(js::SETTLE, &json!(2000)), true, CALL)?;
        }
    }
    Ok(false)
}

/// Whether the window shows rows `sy` to `sy + sh` of the page, from the
/// browser's layout metrics (the page's own scripts cannot answer for it),
/// scrolled to the left edge, as the clip is.
fn in_view(tab: &mut Tab, sy: u32, sh: u32) -> Result<bool, Flow> {
    let m = tab.call("Page.getLayoutMetrics", json!({}))?;
    let v = &m["cssLayoutViewport"];
    let (x, y, vh) = (
        v["pageX"].as_f64().unwrap_or(0.0),
        v["pageY"].as_f64().unwrap_or(f64::from(sy)),
        v["clientHeight"].as_f64().unwrap_or(0.0),
    );
    // Half a pixel either way: a scroll position may be fractional.
    Ok(x.abs() <= 0.5 && y <= f64::from(sy) + 0.5 && f64::from(sy + sh) <= y + vh + 0.5)
}
