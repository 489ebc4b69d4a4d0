use ogonblick_capture::Browser;
use ogonblick_model::{CancelToken, CollectProgress, Message, ProgressEvent};
use ogonblick_testsite::band_colour;

use crate::common::*;

/// A 200,000 px page: every 1,000 px colour band is where it belongs (one
/// Chromium screenshot would turn white past ~86,600 px).
#[test]
fn page_of_200000_px_is_right_band_by_band() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let sink = CollectProgress::default();
    let url = site().url("/tall?h=200000&band=1000");
    let rec = browser
        .capture_page(&url, dir.path(), "tall", &sink, 0, &CancelToken::new())
        .unwrap();
    assert!(rec.ok, "{:?}", rec.error);
    assert_eq!(rec.report.page_height, 200_000);
    // Scrolled in a window as tall as a slice: about 50 steps (progress is
    // told every 25), not one per 900 px screen (222 steps, 8 reports).
    let scrolled = sink
        .events()
        .iter()
        .filter(|e| {
            matches!(
                e,
                ProgressEvent::Stage {
                    detail: Some(Message::ProgressScrolled { .. }),
                    ..
                }
            )
        })
        .count();
    assert!(scrolled <= 3, "{scrolled} progress reports of scrolling");
    // Shot in bands of 16,384 px beyond the 4,000 px window: 13 slices,
    // not 50 of the window's height.
    assert_eq!(rec.report.slices, 13);
    assert!(rec.report.truncated.is_none());
    let img = read_png(&dir.path().join("tall.png"));
    assert_eq!((img.w, img.h), (1280, 200_000));
    for i in 0..200 {
        for (x, dy) in [(640, 500), (1270, 5), (900, 995)] {
            let y = i * 1000 + dy;
            assert!(
                close(img.px(x, y), band_colour(i), 1),
                "band {i} at ({x},{y}): {:?} != {:?}",
                img.px(x, y),
                band_colour(i)
            );
        }
    }
    let pdf = dir.path().join("tall.pdf");
    qpdf_check(&pdf);
    // Paginated: no page taller than PDF/A's 14,400 units.
    let info = std::process::Command::new("pdfinfo")
        .arg("-f")
        .arg("1")
        .arg("-l")
        .arg("1")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let size = info
        .lines()
        .find(|l| l.starts_with("Page    1 size:"))
        .unwrap_or("")
        .to_string();
    let h: f64 = size
        .split_whitespace()
        .nth(5)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::MAX);
    assert!(h <= 14_400.0, "{size}");
    assert!(rec.report.pdf_pages > 100, "{}", rec.report.pdf_pages);
    assert!(pdftotext(&pdf).contains("Band 199"));
}

/// An endless feed stops at the height cap and says so.
#[test]
fn endless_feed_is_truncated_at_the_height_cap() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = opts();
    o.max_height_px = 15_000;
    let browser = Browser::launch(&o).unwrap();
    let rec = capture(&browser, &site().url("/endless"), dir.path(), "endless");
    assert!(rec.ok, "{:?}", rec.error);
    let t = rec
        .report
        .truncated
        .clone()
        .expect("truncation recorded")
        .to_string();
    assert!(t.contains("15000"), "{t}");
    assert!(
        rec.report.page_height <= 15_000 && rec.report.page_height > 10_000,
        "{}",
        rec.report.page_height
    );
    assert_eq!(
        read_png(&dir.path().join("endless.png")).h,
        rec.report.page_height
    );
}

/// ... and at the time cap.
#[test]
fn endless_feed_is_truncated_at_the_time_cap() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = opts();
    o.max_duration = std::time::Duration::from_secs(3);
    let browser = Browser::launch(&o).unwrap();
    let t0 = std::time::Instant::now();
    let rec = capture(&browser, &site().url("/endless"), dir.path(), "endless");
    assert!(rec.ok, "{:?}", rec.error);
    let t = rec
        .report
        .truncated
        .clone()
        .expect("truncation recorded")
        .to_string();
    assert!(t.contains("time cap of 3 s"), "{t}");
    assert!(t0.elapsed().as_secs() < 60);
}
