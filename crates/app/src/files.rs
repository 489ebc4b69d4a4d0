//! Use cases on the files of stored snapshots: resolve a file for the
//! system viewer, and make a small thumbnail of a page's PNG.
//!
//! Only files recorded in the snapshot's manifest are handed out, and only
//! when the resolved path (symbolic links followed) lies inside that
//! snapshot's folder. A full-page PNG may be hundreds of thousands of
//! pixels tall: the thumbnail decodes it row by row and stops as soon as it
//! has the rows it shows (the top `max_width * 1.5` rows of the scaled
//! image), so memory stays at a few rows of the source.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use ogonblick_model::messages::IoAction;
use ogonblick_model::{ErrorCode, FileRole, Message, Snapshot};

use crate::{App, AppError, Result};

/// The largest thumbnail width accepted.
pub const MAX_THUMBNAIL_WIDTH: u32 = 4096;

impl App {
    /// The path of a file of a stored snapshot, for a viewer. `rel_path` is
    /// the `/`-separated path recorded in the snapshot (`FileRecord.path`).
    /// Refuses paths the snapshot does not record and paths that resolve
    /// outside the snapshot folder (`..`, absolute, symbolic links).
    pub fn snapshot_file_path(&self, snapshot_id: &str, rel_path: &str) -> Result<PathBuf> {
        let (snapshot, dir) = self.snapshot_folder(snapshot_id)?;
        resolve_recorded(&snapshot, &dir, rel_path)
    }

    /// A PNG thumbnail, at most `max_width` pixels wide (never enlarged), of
    /// the top of page `page_index` (0-based, in the order of the snapshot's
    /// pages): at most `max_width * 3 / 2` rows.
    pub fn thumbnail(
        &self,
        snapshot_id: &str,
        page_index: usize,
        max_width: u32,
    ) -> Result<Vec<u8>> {
        if max_width == 0 || max_width > MAX_THUMBNAIL_WIDTH {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::FileThumbnailWidth {
                    width: max_width,
                    max: MAX_THUMBNAIL_WIDTH,
                },
            ));
        }
        let (snapshot, dir) = self.snapshot_folder(snapshot_id)?;
        let Some(page) = snapshot.pages.get(page_index) else {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::FileNoPage {
                    snapshot: snapshot_id.to_string(),
                    pages: snapshot.pages.len(),
                    index: page_index,
                    last: snapshot.pages.len().saturating_sub(1),
                },
            ));
        };
        let Some(png) = page.files.iter().find(|f| f.role == FileRole::Png) else {
            // Why the capture failed: its message, or an old record's text.
            let why = page.message.clone().or_else(|| {
                page.error
                    .as_ref()
                    .map(|text| Message::Text { text: text.clone() })
            });
            let (page_no, url, snapshot) = (page_index + 1, page.url.clone(), snapshot_id.into());
            return Err(AppError::said(
                ErrorCode::NotFound,
                match why {
                    Some(why) => Message::FileNoPngFailed {
                        page: page_no,
                        url,
                        snapshot,
                        why: Box::new(why),
                    },
                    None => Message::FileNoPng {
                        page: page_no,
                        url,
                        snapshot,
                    },
                },
            ));
        };
        let path = resolve_recorded(&snapshot, &dir, &png.path)?;
        let max_rows = (max_width as u64 * 3 / 2).max(1) as u32;
        thumbnail_of_file(&path, max_width, max_rows)
    }
}

/// The checked absolute path of a recorded file.
fn resolve_recorded(snapshot: &Snapshot, dir: &Path, rel_path: &str) -> Result<PathBuf> {
    let plain = !rel_path.is_empty()
        && !rel_path.starts_with('/')
        && !rel_path.contains('\\')
        && !rel_path.contains(':')
        && !rel_path.contains('\0')
        && rel_path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..");
    if !plain {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::FileBadPath {
                path: rel_path.to_string(),
                snapshot: snapshot.id.clone(),
            },
        ));
    }
    // A page's file or the snapshot's own (its web archive, `web-archive.wacz`).
    let recorded = snapshot.all_files().any(|f| f.path == rel_path);
    if !recorded {
        return Err(AppError::said(
            ErrorCode::NotFound,
            Message::FileNotRecorded {
                path: rel_path.to_string(),
                snapshot: snapshot.id.clone(),
            },
        ));
    }
    let missing = |folder: bool, e: std::io::Error| {
        AppError::said(
            ErrorCode::Environment,
            Message::FileUnreadable {
                folder,
                path: dir.join(rel_path).display().to_string(),
                snapshot: snapshot.id.clone(),
                detail: e.to_string(),
            },
        )
    };
    let root = dir.canonicalize().map_err(|e| missing(true, e))?;
    let path = dir
        .join(rel_path)
        .canonicalize()
        .map_err(|e| missing(false, e))?;
    if !path.starts_with(&root) || !path.is_file() {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::FileOutside {
                path: rel_path.to_string(),
                snapshot: snapshot.id.clone(),
            },
        ));
    }
    Ok(path)
}

/// The image file could not be opened (missing, no permission): the
/// system's words as the detail.
fn unopenable(path: &Path, e: std::io::Error) -> AppError {
    AppError::said(
        ErrorCode::Environment,
        Message::StoreIoOf {
            action: IoAction::Open,
            path: path.display().to_string(),
            detail: e.to_string(),
        },
    )
}

/// The PNG is readable but not one the thumbnail can use (`why` a `png-*` key).
fn unusable_png(path: &Path, why: Message) -> AppError {
    AppError::said(
        ErrorCode::Environment,
        Message::FileBadImageWhy {
            path: path.display().to_string(),
            why: Box::new(why),
        },
    )
}

/// Why a PNG's decoded rows are not 8 bits a sample: the depth as the
/// number of bits (16), not the decoder's name for it.
fn bit_depth_refused(depth: png::BitDepth) -> Message {
    Message::PngBitDepth {
        depth: (depth as u8).to_string(),
    }
}

/// An error of the PNG library: the catalogue's sentence, the library's
/// (English) words as its technical detail.
fn png_failed(path: &Path, e: png::DecodingError) -> AppError {
    unusable_png(
        path,
        Message::PngRead {
            detail: e.to_string(),
        },
    )
}

fn encode_failed(e: png::EncodingError) -> AppError {
    AppError::said(
        ErrorCode::Internal,
        Message::FileThumbnailFailed {
            why: Box::new(Message::PngWrite {
                detail: e.to_string(),
            }),
        },
    )
}

/// Decodes the top of a PNG file row by row and returns a PNG at most
/// `max_width` wide and `max_rows` tall (box-filtered, aspect kept).
pub(crate) fn thumbnail_of_file(path: &Path, max_width: u32, max_rows: u32) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| unopenable(path, e))?;
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| png_failed(path, e))?;
    let (src_w, src_h, interlaced) = {
        let info = reader.info();
        (info.width, info.height, info.interlaced)
    };
    if src_w == 0 || src_h == 0 {
        return Err(unusable_png(path, Message::PngNoPixels {}));
    }
    let (color, depth) = reader.output_color_type();
    if depth != png::BitDepth::Eight {
        return Err(unusable_png(path, bit_depth_refused(depth)));
    }
    let channels = match color {
        png::ColorType::Grayscale => 1usize,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(unusable_png(path, Message::PngPalette {})),
    };
    let has_alpha = channels == 2 || channels == 4;
    let out_w = src_w.min(max_width).max(1);
    // Scaled height of the whole image, then cropped to max_rows.
    let scaled_h = ((src_h as u64 * out_w as u64).div_ceil(src_w as u64)).max(1) as u32;
    let out_h = scaled_h.min(max_rows);
    let out_c = if has_alpha { 4usize } else { 3 };

    let to_rgba = |px: &[u8]| -> [u32; 4] {
        match channels {
            1 => [px[0] as u32, px[0] as u32, px[0] as u32, 255],
            2 => [px[0] as u32, px[0] as u32, px[0] as u32, px[1] as u32],
            3 => [px[0] as u32, px[1] as u32, px[2] as u32, 255],
            _ => [px[0] as u32, px[1] as u32, px[2] as u32, px[3] as u32],
        }
    };

    let mut out = Vec::with_capacity(out_w as usize * out_h as usize * out_c);
    let mut acc = vec![[0u32; 5]; out_w as usize]; // r, g, b, a, count
    let mut cur_oy = 0u32;
    let flush = |acc: &mut Vec<[u32; 5]>, out: &mut Vec<u8>| {
        for a in acc.iter_mut() {
            let n = a[4].max(1);
            let px = [a[0] / n, a[1] / n, a[2] / n, a[3] / n];
            out.extend(px[..out_c].iter().map(|v| *v as u8));
            *a = [0; 5];
        }
    };
    let feed_row = |y: u32,
                    row: &[u8],
                    acc: &mut Vec<[u32; 5]>,
                    out: &mut Vec<u8>,
                    cur_oy: &mut u32|
     -> bool {
        let oy = (y as u64 * out_w as u64 / src_w as u64) as u32;
        if oy != *cur_oy {
            flush(acc, out);
            *cur_oy = oy;
            if oy >= out_h {
                return false;
            }
        }
        for x in 0..src_w as usize {
            let Some(px) = row.get(x * channels..(x + 1) * channels) else {
                break;
            };
            let ox = (x as u64 * out_w as u64 / src_w as u64) as usize;
            let p = to_rgba(px);
            let a = &mut acc[ox.min(out_w as usize - 1)];
            for c in 0..4 {
                a[c] += p[c];
            }
            a[4] += 1;
        }
        true
    };

    if interlaced {
        // Adam7 rows cannot be streamed in order; such files are small in
        // practice (the capture never writes them). Guard the memory.
        let size = reader.output_buffer_size().unwrap_or(usize::MAX);
        if size > 256 * 1024 * 1024 {
            return Err(unusable_png(path, Message::PngInterlacedLarge {}));
        }
        let mut buf = vec![0u8; size];
        let frame = reader
            .next_frame(&mut buf)
            .map_err(|e| png_failed(path, e))?;
        let line = frame.line_size;
        for y in 0..src_h {
            let row = &buf[y as usize * line..(y as usize + 1) * line];
            if !feed_row(y, row, &mut acc, &mut out, &mut cur_oy) {
                break;
            }
        }
    } else {
        let mut y = 0u32;
        loop {
            let row = match reader.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => return Err(png_failed(path, e)),
            };
            if !feed_row(y, row.data(), &mut acc, &mut out, &mut cur_oy) {
                break;
            }
            y += 1;
        }
    }
    if (out.len() / (out_w as usize * out_c)) < out_h as usize && acc.iter().any(|a| a[4] > 0) {
        flush(&mut acc, &mut out);
    }
    let rows_done = (out.len() / (out_w as usize * out_c)) as u32;
    if rows_done == 0 {
        return Err(unusable_png(path, Message::PngNoRows {}));
    }
    let out_h = rows_done.min(out_h);
    out.truncate(out_w as usize * out_h as usize * out_c);

    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, out_w, out_h);
        enc.set_color(if has_alpha {
            png::ColorType::Rgba
        } else {
            png::ColorType::Rgb
        });
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().map_err(encode_failed)?;
        w.write_image_data(&out).map_err(encode_failed)?;
        w.finish().map_err(encode_failed)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use ogonblick_model::{Language, Message};

    #[test]
    fn an_unexpected_bit_depth_is_said_as_its_number_of_bits() {
        for (depth, bits) in [(png::BitDepth::Sixteen, "16"), (png::BitDepth::Four, "4")] {
            let said = super::bit_depth_refused(depth);
            assert_eq!(
                said,
                Message::PngBitDepth {
                    depth: bits.to_string()
                }
            );
            assert!(said
                .render(Language::Sv)
                .contains(&format!("bitdjup {bits} ")));
            assert!(said
                .render(Language::En)
                .contains(&format!("bit depth {bits} ")));
        }
    }

    /// A PNG that cannot be opened is said as a file that cannot be opened,
    /// not as a damaged image.
    #[test]
    fn a_missing_image_is_a_file_that_cannot_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sida-01.png");
        let e = super::thumbnail_of_file(&path, 100, 100).unwrap_err();
        let sv = e.message().render(Language::Sv);
        assert!(
            sv.starts_with(&format!("Kan inte öppna {}: ", path.display())),
            "{sv}"
        );
        assert!(!sv.contains("kan vara skadad"), "{sv}");
    }
}
