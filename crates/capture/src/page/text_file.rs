//! The page's text as the capture read it, kept beside the PNG and the
//! PDF/A as `<stem>.text.json` (`FileRole::Text`): the lines of the PDF/A's
//! text layer with their place on the page, in reading order. Comparisons
//! of snapshots read it (`ogonblick-compare`), so the text is never
//! re-extracted from the PDF.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::error::io_err;
use crate::CaptureError;
use ogonblick_model::messages::CaptureFault;

/// The format name in the file.
pub const TEXT_FORMAT: &str = "ogonblick-page-text/1";

#[derive(Serialize)]
struct TextFile<'a> {
    format: &'static str,
    width: u32,
    height: u32,
    lines: Vec<Line<'a>>,
}

#[derive(Serialize)]
struct Line<'a> {
    y: f32,
    text: &'a str,
}

/// Writes `lines` (document y, text; in reading order) to `path`, flushed.
pub(super) fn write_text_file(
    path: &Path,
    width: u32,
    height: u32,
    lines: &[(f32, String)],
) -> Result<(), CaptureError> {
    let doc = TextFile {
        format: TEXT_FORMAT,
        width,
        height,
        lines: lines
            .iter()
            .map(|(y, text)| Line {
                y: (y * 10.0).round() / 10.0,
                text,
            })
            .collect(),
    };
    let bytes =
        serde_json::to_vec(&doc).map_err(|e| CaptureError::internal(CaptureFault::PageText, e))?;
    let mut f = std::fs::File::create(path).map_err(|e| io_err(path, e))?;
    f.write_all(&bytes).map_err(|e| io_err(path, e))?;
    f.sync_all().map_err(|e| io_err(path, e))?;
    Ok(())
}
