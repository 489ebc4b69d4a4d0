//! Slices taller than the window: a page that removes nothing as it scrolls
//! is shot in bands of up to 16,384 px beyond its window (which keeps its
//! height), and the PNG and the PDF/A's text are what slices a window tall
//! give: the same pixels, `vh` units measured against the window.

use std::path::Path;

use ogonblick_capture::{Browser, CaptureOptions, PageRecord};
use ogonblick_testsite::{band_colour, HERO_COLOUR};

use crate::common::*;

/// Captures `path` with `shot_band` (0: slices a window tall).
fn capture_with(path: &str, shot_band: u32, dir: &Path, stem: &str) -> PageRecord {
    let o = CaptureOptions {
        shot_band,
        ..opts()
    };
    let browser = Browser::launch(&o).unwrap();
    let rec = capture(&browser, &site().url(path), dir, stem);
    assert!(rec.ok, "{path}: {:?}", rec.error);
    rec
}

/// The first row where two images of the same size differ.
fn first_difference(a: &Rgb, b: &Rgb) -> Option<u32> {
    let row = a.w as usize * 3;
    (0..a.h).find(|&y| {
        let r = y as usize * row..(y as usize + 1) * row;
        a.data[r.clone()] != b.data[r]
    })
}

/// The tall page with a block 25vh tall above its bands: three bands of
/// 16,384 px instead of eleven slices of the 4,000 px window, the block
/// 1,000 px (25 % of the window, not of a band), and every pixel and the
/// text as the window slices have them.
#[test]
fn bands_beyond_the_window_are_what_window_slices_show() {
    let dir = tempfile::tempdir().unwrap();
    let path = "/tall?h=40000&band=1000&hero=25";
    let banded = capture_with(path, ogonblick_capture::MAX_SHOT_BAND, dir.path(), "band");
    let windowed = capture_with(path, 0, dir.path(), "window");
    assert_eq!(banded.report.page_height, 41_000);
    assert_eq!(windowed.report.page_height, 41_000);
    assert_eq!(banded.report.slices, 3);
    assert_eq!(windowed.report.slices, 11);
    let a = read_png(&dir.path().join("band.png"));
    let b = read_png(&dir.path().join("window.png"));
    assert_eq!((a.w, a.h), (1280, 41_000));
    assert_eq!((b.w, b.h), (a.w, a.h));
    // 25vh of the 4,000 px window, in both.
    assert_eq!(runs(&a, 1000, HERO_COLOUR, 100), [(0, 1000)]);
    for i in 0..40 {
        let y = 1000 + i * 1000 + 500;
        assert!(close(a.px(640, y), band_colour(i), 1), "band {i}");
    }
    assert_eq!(first_difference(&a, &b), None, "banded vs windowed PNG");
    let (ta, tb) = (
        pdftotext(&dir.path().join("band.pdf")),
        pdftotext(&dir.path().join("window.pdf")),
    );
    assert!(
        ta.contains("Band 39") && ta.contains("Överst, 25 vh"),
        "{ta}"
    );
    assert_eq!(ta, tb);
}

/// A channel page (fixed header, sticky tab bar, lazy images of both kinds,
/// infinite scroll): banded, the same pixels as in window slices.
#[test]
fn a_channel_page_banded_has_the_window_slices_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let banded = capture_with(
        "/linkedin",
        ogonblick_capture::MAX_SHOT_BAND,
        dir.path(),
        "band",
    );
    let windowed = capture_with("/linkedin", 0, dir.path(), "window");
    let h = windowed.report.page_height;
    assert_eq!(banded.report.page_height, h);
    assert_eq!(windowed.report.slices, h.div_ceil(4000));
    assert_eq!(banded.report.slices, h.div_ceil(16_384), "shot in bands");
    let a = read_png(&dir.path().join("band.png"));
    let b = read_png(&dir.path().join("window.png"));
    assert_eq!((a.w, a.h), (b.w, b.h));
    assert_eq!(first_difference(&a, &b), None, "banded vs windowed PNG");
}
