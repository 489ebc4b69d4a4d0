//! Stitches screenshot slices into one PNG, streaming rows into the encoder
//! so memory stays at about three slices however tall the page is (one
//! being encoded, one queued, one being cut).
//!
//! The encoder runs on a thread of its own, a slice behind the capture, so
//! its DEFLATE (zlib level 3 with adaptive row filters: about the size of
//! Chromium's own PNG of the page, where the fastest setting made about
//! twice that) runs while the next slice is being taken.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

/// The PNG's DEFLATE level and row filter (measured on the fixture pages:
/// `capture-bench --png-trials`).
const LEVEL: u8 = 3;
const FILTER: png::Filter = png::Filter::Adaptive;

/// A PNG encoder of a `width` × `height` 8-bit RGB image with the settings
/// of the stitched PNG (the capture benchmark encodes Chromium's pixels with
/// it, to compare encoders on the same pixels).
pub fn png_encoder<W: Write>(w: W, width: u32, height: u32) -> png::Encoder<'static, W> {
    let mut enc = png::Encoder::new(w, width, height);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_deflate_compression(png::DeflateCompression::Level(LEVEL));
    enc.set_filter(FILTER);
    enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    enc
}

pub(crate) struct Stitcher {
    rows: Option<SyncSender<Vec<u8>>>,
    encoder: Option<JoinHandle<Result<(), StitchError>>>,
    width: u32,
    height: u32,
    rows_written: u32,
    /// A slice's height: the most rows handed to the encoder at once.
    slice_rows: u32,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum StitchError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("PNG: {0}")]
    Encoding(#[from] png::EncodingError),
    #[error("screenshot slice is not a readable PNG: {0}")]
    Decoding(#[from] png::DecodingError),
}

impl Stitcher {
    /// A stitcher of a `width` × `height` PNG taken in slices of at most
    /// `slice_rows` rows.
    pub fn create(
        path: &Path,
        width: u32,
        height: u32,
        slice_rows: u32,
    ) -> Result<Stitcher, StitchError> {
        let file = File::create(path)?;
        let mut writer = png_encoder(file, width, height)
            .write_header()?
            .into_stream_writer_with_size(1 << 20)?;
        // One slice queued while one is encoded.
        let (tx, rx) = sync_channel::<Vec<u8>>(1);
        let encoder = std::thread::Builder::new()
            .name("png-encoder".into())
            .spawn(move || -> Result<(), StitchError> {
                for rows in rx {
                    writer.write_all(&rows)?;
                }
                writer.finish()?;
                Ok(())
            })?;
        Ok(Stitcher {
            rows: Some(tx),
            encoder: Some(encoder),
            width,
            height,
            rows_written: 0,
            slice_rows: slice_rows.max(1),
        })
    }

    /// Hands rows to the encoder; its error, if it stopped.
    fn send(&mut self, rows: Vec<u8>) -> Result<(), StitchError> {
        let sent = self.rows.as_ref().map(|tx| tx.send(rows).is_ok());
        if sent == Some(true) {
            return Ok(());
        }
        self.rows = None;
        match self.encoder.take().map(|t| t.join()) {
            Some(Ok(Err(e))) => Err(e),
            _ => Err(StitchError::Io(std::io::Error::other(
                "the PNG encoder stopped",
            ))),
        }
    }

    /// Appends the first `rows` rows of a PNG slice (RGB or RGBA), cropping or
    /// padding with white to the stitched width.
    /// Every row written is handed to `tee` too (the PDF/A's pages are cut
    /// from the same rows).
    pub fn push_slice_with(
        &mut self,
        png_bytes: &[u8],
        rows: u32,
        mut tee: impl FnMut(&[u8]),
    ) -> Result<(), StitchError> {
        let mut dec = png::Decoder::new(std::io::Cursor::new(png_bytes));
        dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = dec.read_info()?;
        let info = reader.info();
        let (sw, sh) = (info.width, info.height);
        let mut buf = vec![0u8; reader.output_buffer_size().unwrap_or(0)];
        let frame = reader.next_frame(&mut buf)?;
        let channels = frame.color_type.samples();
        let stride = frame.line_size;
        let mut row = vec![255u8; self.width as usize * 3];
        let want = rows.min(self.height - self.rows_written);
        let mut out = Vec::with_capacity(row.len() * want as usize);
        for y in 0..want {
            row.fill(255);
            if y < sh {
                let src = &buf[y as usize * stride..(y as usize + 1) * stride];
                let n = self.width.min(sw) as usize;
                for x in 0..n {
                    let s = &src[x * channels..x * channels + channels];
                    let d = &mut row[x * 3..x * 3 + 3];
                    if channels >= 3 {
                        d.copy_from_slice(&s[..3]);
                    } else {
                        d.fill(s[0]);
                    }
                }
            }
            out.extend_from_slice(&row);
            tee(&row);
        }
        self.rows_written += want;
        self.send(out)
    }

    #[allow(dead_code)]
    pub fn rows_written(&self) -> u32 {
        self.rows_written
    }

    /// Pads the remaining rows with white (if a slice came short), a slice
    /// at most at a time, waits for the encoder and closes the file.
    pub fn finish(mut self) -> Result<(), StitchError> {
        let missing = self.height - self.rows_written;
        for rows in padding(missing, self.slice_rows) {
            self.send(vec![255u8; self.width as usize * 3 * rows as usize])?;
        }
        self.rows_written = self.height;
        self.rows = None;
        match self.encoder.take().map(|t| t.join()) {
            Some(Ok(r)) => r,
            _ => Err(StitchError::Io(std::io::Error::other(
                "the PNG encoder stopped",
            ))),
        }
    }
}

/// `missing` rows in chunks of at most `slice_rows` rows.
fn padding(missing: u32, slice_rows: u32) -> impl Iterator<Item = u32> {
    let step = slice_rows.max(1);
    (0..missing.div_ceil(step)).map(move |i| step.min(missing - i * step))
}

impl Drop for Stitcher {
    /// A capture that fails mid-way: the encoder ends with the rows it has.
    fn drop(&mut self) {
        self.rows = None;
        if let Some(t) = self.encoder.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Padding comes a slice at most at a time, and all of it.
    #[test]
    fn padding_is_cut_into_slices() {
        assert_eq!(padding(0, 100).count(), 0);
        assert_eq!(padding(250, 100).collect::<Vec<_>>(), [100, 100, 50]);
        assert_eq!(padding(100, 100).collect::<Vec<_>>(), [100]);
        assert_eq!(padding(3, 0).collect::<Vec<_>>(), [1, 1, 1]);
    }

    /// The stitched PNG is byte for byte what `png_encoder` makes of the
    /// same rows (the capture benchmark's PNG comparison relies on it).
    #[test]
    fn the_stitched_png_is_png_encoders_encoding_of_its_rows() {
        let (w, h) = (300u32, 500u32);
        let rows: Vec<u8> = (0..w * h * 3)
            .map(|i| ((i / 3 % w) ^ (i / 3 / w) ^ (i % 3 * 85)) as u8)
            .collect();
        let slice_png = |from: u32, to: u32| {
            let mut out = Vec::new();
            let mut e = png::Encoder::new(&mut out, w, to - from);
            e.set_color(png::ColorType::Rgb);
            let mut wr = e.write_header().unwrap();
            wr.write_image_data(&rows[(from * w * 3) as usize..(to * w * 3) as usize])
                .unwrap();
            wr.finish().unwrap();
            out
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.png");
        let mut st = Stitcher::create(&path, w, h, 200).unwrap();
        for (from, to) in [(0, 200), (200, 400), (400, 500)] {
            st.push_slice_with(&slice_png(from, to), to - from, |_| {})
                .unwrap();
        }
        st.finish().unwrap();
        let mut direct = Vec::new();
        let mut wh = png_encoder(&mut direct, w, h).write_header().unwrap();
        let mut sw = wh.stream_writer_with_size(1 << 20).unwrap();
        sw.write_all(&rows).unwrap();
        sw.finish().unwrap();
        wh.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), direct);
    }

    /// A stitcher given no slice pads the whole image white, in slices,
    /// and the PNG reads back at full height.
    #[test]
    fn a_short_capture_is_padded_white_to_its_height() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.png");
        let st = Stitcher::create(&path, 7, 1000, 64).unwrap();
        st.finish().unwrap();
        let dec = png::Decoder::new(std::io::BufReader::new(File::open(&path).unwrap()));
        let mut reader = dec.read_info().unwrap();
        let mut buf = vec![0u8; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut buf).unwrap();
        assert_eq!((frame.width, frame.height), (7, 1000));
        assert!(buf[..frame.buffer_size()].iter().all(|&b| b == 255));
    }
}
