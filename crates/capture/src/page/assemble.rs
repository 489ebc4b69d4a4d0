//! The slices' assembly beside the capture: each screenshot slice is
//! decoded, stitched into the PNG and cut into the PDF/A's pages on a
//! thread of its own while the capture thread scrolls to, shoots and reads
//! the next slice (a slice queued at most, so memory stays bounded).

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use ogonblick_model::messages::CaptureFault;

use super::image_pdf::{DocLine, PdfPages};
use crate::error::io_err;
use crate::stitch::{StitchError, Stitcher};
use crate::CaptureError;

/// One screenshot slice as taken: its PNG, the rows of it to keep, and the
/// text lines read while it was on screen.
pub(super) struct Slice {
    pub png: Vec<u8>,
    pub rows: u32,
    pub lines: Vec<DocLine>,
}

/// What the assembly made: the PDF/A's page count and the lines put on its
/// pages (y and text).
pub(super) struct Assembled {
    pub pdf_pages: u32,
    pub emitted: Vec<(f32, String)>,
}

/// Stitches and cuts the slices received, in order; finishes the PNG and
/// the PDF/A once `n_slices` came. Fewer (the capture stopped): the files
/// are left unfinished (they are removed as temporary files) and `None`.
pub(super) fn assemble(
    mut st: Stitcher,
    mut pages: PdfPages,
    png_tmp: PathBuf,
    n_slices: u32,
    rx: Receiver<Slice>,
) -> Result<Option<Assembled>, CaptureError> {
    let mut received = 0;
    for slice in rx {
        received += 1;
        pages.add_lines(slice.lines);
        let mut pdf_err = None;
        st.push_slice_with(&slice.png, slice.rows, |row| {
            if pdf_err.is_none() {
                pdf_err = pages.push_row(row).err();
            }
        })
        .map_err(|e| stitch_err(&png_tmp, e))?;
        if let Some(e) = pdf_err {
            return Err(e);
        }
    }
    if received < n_slices {
        return Ok(None);
    }
    st.finish().map_err(|e| stitch_err(&png_tmp, e))?;
    let (pdf_pages, emitted) = pages.finish()?;
    Ok(Some(Assembled { pdf_pages, emitted }))
}

/// A stitching error as the capture's: an I/O error names the file.
pub(super) fn stitch_err(path: &Path, e: StitchError) -> CaptureError {
    match e {
        StitchError::Io(source) => io_err(path, source),
        StitchError::Encoding(png::EncodingError::IoError(source)) => io_err(path, source),
        other => CaptureError::internal(CaptureFault::Stitch, other),
    }
}
