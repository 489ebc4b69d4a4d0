//! A virtualised feed (posts far out of view removed from the DOM): every
//! post is in the PNG's pixels and in the PDF/A's text, in order.

use ogonblick_capture::Browser;
use ogonblick_testsite::feed::{
    virtual_page_height, virtual_post_colour, virtual_post_top, virtual_post_word, VIRTUAL_POSTS,
};

use crate::common::*;

#[test]
#[ignore = "fails until the PDF/A is cut from the slices (issue 12)"]
fn virtualised_feed_keeps_every_post_in_png_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/virtual/feed"), dir.path(), "feed");
    assert!(rec.ok, "{:?}", rec.error);
    let n = VIRTUAL_POSTS;
    assert_eq!(rec.report.page_height, virtual_page_height(n));
    if let Ok(keep) = std::env::var("OGONBLICK_TEST_KEEP") {
        for ext in ["png", "pdf"] {
            let _ = std::fs::copy(
                dir.path().join(format!("feed.{ext}")),
                format!("{keep}/virtual-feed.{ext}"),
            );
        }
    }

    // The PNG: every post's colour where it belongs, beside its text.
    let img = read_png(&dir.path().join("feed.png"));
    assert_eq!((img.w, img.h), (1280, virtual_page_height(n)));
    for i in 0..n {
        for dy in [30, 150, 260] {
            let y = virtual_post_top(i) + dy;
            assert!(
                close(img.px(1100, y), virtual_post_colour(i), 2),
                "post {i} at y {y}: {:?} != {:?}",
                img.px(1100, y),
                virtual_post_colour(i)
            );
        }
    }

    // The PDF/A: every post's word once, in reading order, with åäö and emoji.
    let pdf = dir.path().join("feed.pdf");
    qpdf_check(&pdf);
    let text = pdftotext(&pdf);
    let mut at = 0;
    for i in 0..n {
        let w = virtual_post_word(i);
        let found = text[at..]
            .find(&w)
            .unwrap_or_else(|| panic!("{w} missing from the PDF text after byte {at}"));
        at += found + w.len();
    }
    assert_eq!(
        text.matches("virtpost").count(),
        n as usize,
        "every post once"
    );
    assert_eq!(text.matches("Räksmörgås åäö ÅÄÖ").count(), n as usize);
    assert_eq!(text.matches('🎉').count(), n as usize);
    assert_eq!(text.matches('😀').count(), n as usize);
    let v = aspose_validate(&pdf);
    assert_eq!(
        v["compliant"],
        serde_json::json!(true),
        "PDF/A-2u validation: {v}"
    );
}
