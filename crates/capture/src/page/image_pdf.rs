//! The PDF/A built from the screenshot: the stitched rows are cut into
//! A4-proportioned pages as they stream past (memory ≈ one page), and each
//! page carries the text lines collected slice by slice while the page was
//! shot, as an invisible text layer (`ogonblick_pdfa::ImagePdf`).

use std::path::Path;

use ogonblick_model::messages::CaptureFault;
use ogonblick_pdfa::{ImagePdf, PdfAError, PdfAMeta, TextLine};
use serde_json::json;

use super::tab::{Tab, CALL};
use crate::error::io_err;
use crate::{js, js_text, CaptureError};

/// The text lines whose top is in the document band `[top, bottom)`, left of
/// `width`, in reading (DOM) order; read while that band is on screen.
pub(super) fn text_lines(
    tab: &mut Tab,
    top: u32,
    bottom: u32,
    width: u32,
) -> Result<Vec<DocLine>, String> {
    let cfg = json!({"top": top, "bottom": bottom, "width": width});
    let v = tab
        .eval(&js::with_cfg(js_text::TEXT_LINES, &cfg), false, CALL)
        .map_err(|e| e.to_string())?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|l| {
                    Some(DocLine {
                        x: l.get(0)?.as_f64()? as f32,
                        y: l.get(1)?.as_f64()? as f32,
                        w: l.get(2)?.as_f64()? as f32,
                        h: l.get(3)?.as_f64()? as f32,
                        text: l.get(4)?.as_str()?.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default())
}

/// Where `ImagePdf` puts a line's baseline, as a share of its height.
const BASELINE: f32 = 0.8;

/// One line of the page's text in document CSS px.
#[derive(Debug, Clone)]
pub(super) struct DocLine {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub text: String,
}

/// Pages of the PDF/A as the stitched rows come.
pub(super) struct PdfPages {
    pdf: ImagePdf,
    width: u32,
    height: u32,
    page_h: u32,
    /// Rows of the page being filled.
    buf: Vec<u8>,
    /// Document y of the page being filled.
    page_top: u32,
    /// Lines collected but not yet on a page, in reading order.
    pending: Vec<DocLine>,
    /// Every line put on a page (y and text), for the coverage count.
    pub emitted: Vec<(f32, String)>,
}

impl PdfPages {
    /// Pages `width` px wide and `width` × √2 tall (A4 proportions), the
    /// last one shorter, for a page of `height` px.
    pub fn create(
        path: &Path,
        meta: &PdfAMeta,
        width: u32,
        height: u32,
    ) -> Result<PdfPages, CaptureError> {
        let pdf = ImagePdf::create(path, meta).map_err(pdfa_err)?;
        let page_h = ((width as f64 * 297.0 / 210.0).round() as u32).max(1);
        Ok(PdfPages {
            pdf,
            width,
            height,
            page_h,
            buf: Vec::with_capacity(width as usize * 3 * page_h.min(height) as usize),
            page_top: 0,
            pending: Vec::new(),
            emitted: Vec::new(),
        })
    }

    /// Adds lines collected from the page (in reading order).
    pub fn add_lines(&mut self, lines: Vec<DocLine>) {
        self.pending.extend(lines);
    }

    /// Takes one stitched row (RGB, `width` px).
    pub fn push_row(&mut self, row: &[u8]) -> Result<(), CaptureError> {
        self.buf.extend_from_slice(row);
        let rows = (self.buf.len() / (self.width as usize * 3)) as u32;
        if rows >= self.page_h || self.page_top + rows >= self.height {
            self.emit(rows)?;
        }
        Ok(())
    }

    fn emit(&mut self, rows: u32) -> Result<(), CaptureError> {
        let (top, bottom) = (self.page_top as f32, (self.page_top + rows) as f32);
        let last = self.page_top + rows >= self.height;
        let mut here = Vec::new();
        let mut rest = Vec::new();
        for l in self.pending.drain(..) {
            // A line belongs to the page that holds its baseline (the text
            // layer puts it at 0.8 of the line's height): readers leave out
            // glyphs whose origin lies off the page.
            if l.y + l.h * BASELINE < bottom - 0.5 || last {
                here.push(l);
            } else {
                rest.push(l);
            }
        }
        self.pending = rest;
        let text: Vec<TextLine> = here
            .iter()
            .map(|l| TextLine {
                x: l.x,
                y: l.y - top,
                w: l.w,
                h: l.h,
                text: l.text.clone(),
            })
            .collect();
        self.pdf
            .add_page(self.width, rows, &self.buf, &text)
            .map_err(pdfa_err)?;
        self.emitted.extend(here.into_iter().map(|l| (l.y, l.text)));
        self.buf.clear();
        self.page_top += rows;
        Ok(())
    }

    /// Writes what is left (white rows if the stitched image came short) and
    /// finishes the file; returns the number of pages.
    pub fn finish(mut self) -> Result<(u32, Vec<(f32, String)>), CaptureError> {
        let white = vec![255u8; self.width as usize * 3];
        let buffered = (self.buf.len() / white.len()) as u32;
        for _ in self.page_top + buffered..self.height {
            self.push_row(&white)?;
        }
        let rep = self.pdf.finish().map_err(pdfa_err)?;
        Ok((rep.pages, self.emitted))
    }
}

fn pdfa_err(e: PdfAError) -> CaptureError {
    match e {
        PdfAError::Io { path, source } => io_err(&path, source),
        other => CaptureError::internal(CaptureFault::PdfA, other),
    }
}
