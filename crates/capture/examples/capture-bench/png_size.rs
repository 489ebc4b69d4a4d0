//! PNG size on the same pixels: Chromium's own PNG of the page decoded and
//! encoded again with the stitcher's settings (`ogonblick_capture::png_encoder`),
//! so the encoders are compared and not two renderings; and `--png-trials`,
//! which encodes a PNG's pixels with other DEFLATE levels and filters.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Decodes a PNG into 8-bit RGB rows (width, height, rows).
fn rgb_rows(png: &Path) -> (u32, u32, Vec<u8>) {
    let mut dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut r = dec.read_info().unwrap();
    let mut buf = vec![0u8; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let ch = info.color_type.samples();
    if ch != 3 {
        buf = buf
            .chunks_exact(ch)
            .flat_map(|p| {
                if ch >= 3 {
                    [p[0], p[1], p[2]]
                } else {
                    [p[0]; 3]
                }
            })
            .collect();
    }
    (info.width, info.height, buf)
}

/// The bytes and time of the stitcher's encoder on the pixels of `slices`
/// (Chromium's PNG of the page, in slices top to bottom), as one PNG.
pub fn ours_on(slices: &[impl AsRef<Path>]) -> (u64, Duration) {
    let dims: Vec<(u32, u32)> = slices
        .iter()
        .map(|p| {
            let r = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(p).unwrap()))
                .read_info()
                .unwrap();
            (r.info().width, r.info().height)
        })
        .collect();
    let width = dims[0].0;
    let height = dims.iter().map(|d| d.1).sum();
    let mut out = Vec::new();
    let mut spent = Duration::ZERO;
    {
        let mut wh = ogonblick_capture::png_encoder(&mut out, width, height)
            .write_header()
            .unwrap();
        let mut w = wh.stream_writer_with_size(1 << 20).unwrap();
        for p in slices {
            let (sw, _, rows) = rgb_rows(p.as_ref());
            assert_eq!(sw, width, "Chromium's slices differ in width");
            let t0 = Instant::now();
            w.write_all(&rows).unwrap();
            spent += t0.elapsed();
        }
        let t0 = Instant::now();
        w.finish().unwrap();
        wh.finish().unwrap();
        spent += t0.elapsed();
    }
    (out.len() as u64, spent)
}

/// Decodes `png` and encodes it again with each candidate setting, printing
/// the time and size of each.
pub fn trials(png: &Path) {
    let (width, height, buf) = rgb_rows(png);
    use png::{DeflateCompression as D, Filter as F};
    for (name, d, f) in [
        ("fdeflate/adaptive", D::FdeflateUltraFast, F::Adaptive),
        ("fdeflate/up", D::FdeflateUltraFast, F::Up),
        ("fdeflate/paeth", D::FdeflateUltraFast, F::Paeth),
        ("zlib1/adaptive", D::Level(1), F::Adaptive),
        ("zlib1/up", D::Level(1), F::Up),
        ("zlib1/paeth", D::Level(1), F::Paeth),
        ("zlib2/adaptive", D::Level(2), F::Adaptive),
        ("zlib3/up", D::Level(3), F::Up),
        ("zlib3/adaptive", D::Level(3), F::Adaptive),
        ("zlib4/adaptive", D::Level(4), F::Adaptive),
        ("zlib6/adaptive", D::Level(6), F::Adaptive),
    ] {
        let t0 = Instant::now();
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, width, height);
        e.set_color(png::ColorType::Rgb);
        e.set_depth(png::BitDepth::Eight);
        e.set_deflate_compression(d);
        e.set_filter(f);
        let mut wh = e.write_header().unwrap();
        let mut w = wh.stream_writer_with_size(1 << 20).unwrap();
        w.write_all(&buf).unwrap();
        w.finish().unwrap();
        wh.finish().unwrap();
        println!(
            "    {name:<18} {:>7.3} s {:>8} kB",
            t0.elapsed().as_secs_f64(),
            out.len() / 1024
        );
    }
}

/// The share of pixels of our PNG equal to Chromium's at the same place (its
/// slices top to bottom), over the rows both have: whether the baseline shot
/// the same page (consent dialogs, lazy images, fixed bars differ).
pub fn equal_pixels(ours: &Path, slices: &[impl AsRef<Path>]) -> f64 {
    let mut dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(ours).unwrap()));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut r = dec.read_info().unwrap();
    let ch = r.output_color_type().0.samples();
    let (mut equal, mut total) = (0u64, 0u64);
    'slices: for p in slices {
        let (w, _, rows) = rgb_rows(p.as_ref());
        for raw_row in rows.chunks_exact(w as usize * 3) {
            let Ok(Some(row)) = r.next_row() else {
                break 'slices;
            };
            for (a, b) in row.data().chunks_exact(ch).zip(raw_row.chunks_exact(3)) {
                total += 1;
                equal += u64::from(a[..3] == *b);
            }
        }
    }
    equal as f64 / total.max(1) as f64
}
