//! Images a lazy loader sets only once they have been seen for a while: the
//! capture goes back to those it scrolled past too quickly, and reports the
//! ones no loader ever sets.

use ogonblick_capture::Browser;
use ogonblick_testsite::dwell::{dwell_image_top, DWELL_IMAGES, DWELL_PAGE_H};
use ogonblick_testsite::BLUE;

use crate::common::*;

#[test]
fn images_a_loader_sets_only_once_seen_are_in_the_png() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/lazy/dwell"), dir.path(), "dwell");
    assert!(rec.ok, "{:?}", rec.error);
    assert!(
        rec.report.images_failed.is_empty(),
        "{:?}",
        rec.report.images_failed
    );
    let img = read_png(&dir.path().join("dwell.png"));
    assert_eq!((img.w, img.h), (1280, DWELL_PAGE_H));
    for i in 0..DWELL_IMAGES {
        let top = dwell_image_top(i);
        for (x, dy) in [(20, 20), (320, 160), (620, 300)] {
            assert!(
                close(img.px(x, top + dy), BLUE, 2),
                "image {i} at ({x}, {}): {:?}",
                top + dy,
                img.px(x, top + dy)
            );
        }
        // Right of the image: the page's white, so the blue is the image.
        assert!(close(img.px(700, top + 160), [255, 255, 255], 2));
    }
}

#[test]
fn images_no_loader_ever_sets_are_reported_each() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let url = site().url("/lazy/dwell?loader=none");
    let rec = capture(&browser, &url, dir.path(), "none");
    assert!(rec.ok, "{:?}", rec.error);
    let mut failed = rec.report.images_failed.clone();
    failed.sort();
    let want: Vec<String> = (1..=DWELL_IMAGES)
        .map(|n| format!("/img/blue/{n}.svg?delay=120 (a lazy loader never set the image)"))
        .collect();
    assert_eq!(failed, want);
    // The PNG shows the page as it was: no image there.
    let img = read_png(&dir.path().join("none.png"));
    let top = dwell_image_top(0);
    assert!(!close(img.px(320, top + 160), BLUE, 40));
}
