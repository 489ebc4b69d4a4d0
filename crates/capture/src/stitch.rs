//! Stitches screenshot slices into one PNG, streaming rows into the encoder
//! so memory stays at about one slice however tall the page is.

use std::fs::File;
use std::io::Write;
use std::path::Path;

pub(crate) struct Stitcher {
    writer: png::StreamWriter<'static, File>,
    width: u32,
    height: u32,
    rows_written: u32,
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
    pub fn create(path: &Path, width: u32, height: u32) -> Result<Stitcher, StitchError> {
        let file = File::create(path)?;
        let mut enc = png::Encoder::new(file, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
        let writer = enc.write_header()?.into_stream_writer_with_size(1 << 20)?;
        Ok(Stitcher {
            writer,
            width,
            height,
            rows_written: 0,
        })
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
            self.writer.write_all(&row)?;
            tee(&row);
        }
        self.rows_written += want;
        Ok(())
    }

    #[allow(dead_code)]
    pub fn rows_written(&self) -> u32 {
        self.rows_written
    }

    /// Pads the remaining rows with white (if a slice came short) and closes the file.
    pub fn finish(mut self) -> Result<(), StitchError> {
        let row = vec![255u8; self.width as usize * 3];
        while self.rows_written < self.height {
            self.writer.write_all(&row)?;
            self.rows_written += 1;
        }
        self.writer.finish()?;
        Ok(())
    }
}
