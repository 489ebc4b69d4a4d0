//! A virtualised feed (posts far out of view removed from the DOM): every
//! post is in the PNG's pixels and in the PDF/A's text, in order.

use ogonblick_capture::Browser;
use ogonblick_model::{Message, PageRecord};
use ogonblick_testsite::feed::{
    virtual_page_height, virtual_post_colour, virtual_post_top, virtual_post_word, VIRTUAL_POSTS,
};

use crate::common::*;

#[test]
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
    every_post_in_place(&dir.path().join("feed.png"), n, &[30, 150, 260]);

    // The feed removes posts as it scrolls: shot a window (4,000 px) at a
    // time, never in bands beyond it (which would show only its placeholders).
    assert_eq!(rec.report.slices, virtual_page_height(n).div_ceil(4000));

    // The PDF/A: every post's word once, in reading order, with åäö and emoji.
    let pdf = dir.path().join("feed.pdf");
    qpdf_check(&pdf);
    let text = pdftotext(&pdf);
    every_word_in_order(&text, n);
    assert_eq!(
        text.matches("virtpost").count(),
        n as usize,
        "every post once"
    );
    assert_eq!(text.matches("Räksmörgås åäö ÅÄÖ").count(), n as usize);
    assert_eq!(text.matches('🎉').count(), n as usize);
    assert_eq!(text.matches('😀').count(), n as usize);
    // The report counts every post seen, in the PNG and in the PDF's text.
    let cov = rec.report.coverage.clone().expect("coverage in the report");
    assert_eq!(
        (cov.seen, cov.in_png, cov.in_pdf_text),
        (n, n, n),
        "{cov:?}"
    );
    assert!(cov.missing.is_empty() && cov.warning.is_none(), "{cov:?}");
    let v = aspose_validate(&pdf);
    assert_eq!(
        v["compliant"],
        serde_json::json!(true),
        "PDF/A-2u validation: {v}"
    );
}

/// A list that recycles its rows (a pool never removed, each row's colour and
/// text rewritten for the post it now shows): shot a window at a time too,
/// so every post is in the PNG where it belongs and in the PDF's text; shot
/// in bands beyond the window, the rows below it would show other posts.
#[test]
fn a_feed_that_rewrites_its_rows_is_shot_a_window_at_a_time() {
    every_post_in_window_slices("/virtual/feed?recycle=1");
}

/// The same list with the browser's scroll anchoring left on, as a page
/// that does not turn it off has it: Chromium would keep a rewritten row
/// where it was and move the scroll position with it, so the window slices
/// would be shot elsewhere. The capture turns anchoring off: every post is
/// in place and no slice moved.
#[test]
fn a_feed_that_rewrites_its_rows_with_scroll_anchoring_keeps_every_post() {
    every_post_in_window_slices("/virtual/feed?recycle=1&anchor=1");
}

/// A feed whose every scroll is animated (`scroll-behavior: smooth`, as many
/// sites' CSS asks): the capture's own scrolls are instant, so each window
/// slice is shot where it was scrolled to, not midway, and none is named as
/// moved.
#[test]
fn a_feed_that_scrolls_smoothly_is_shot_where_it_was_scrolled_to() {
    every_post_in_window_slices("/virtual/feed?smooth=1");
}

/// A page that moves itself (back to its top a frame after every scroll):
/// a window slice is out of view when it is about to be shot, again after
/// it is scrolled to once more, and the report names each such slice, so
/// nobody takes its rows for that part of the page. The first slice, at the
/// top, stays in view.
#[test]
fn a_page_that_moves_itself_while_shot_is_named_in_a_warning() {
    let (_dir, rec) = shoot("/virtual/feed?jump=1");
    let h = virtual_page_height(VIRTUAL_POSTS);
    let below_top: Vec<(u32, u32)> = (1..h.div_ceil(4000))
        .map(|i| (i * 4000, ((i + 1) * 4000).min(h)))
        .collect();
    assert_eq!(moved_slices(&rec), below_top);
}

/// The feed at `path`: shot a window (4,000 px) at a time, not in
/// bands beyond it, no slice moved, every post in place in the PNG and in
/// order in the PDF's text.
fn every_post_in_window_slices(path: &str) {
    let (dir, rec) = shoot(path);
    let n = VIRTUAL_POSTS;
    assert_eq!(rec.report.slices, virtual_page_height(n).div_ceil(4000));
    assert_eq!(moved_slices(&rec), []);
    every_post_in_place(&dir.path().join("feed.png"), n, &[150]);
    every_word_in_order(&pdftotext(&dir.path().join("feed.pdf")), n);
}

/// The capture of the testsite's `path` as `feed.*` in a folder of its own.
fn shoot(path: &str) -> (tempfile::TempDir, PageRecord) {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url(path), dir.path(), "feed");
    assert!(rec.ok, "{:?}", rec.error);
    (dir, rec)
}

/// The slices the report names as moved while shot (`warn-slice-moved`).
fn moved_slices(rec: &PageRecord) -> Vec<(u32, u32)> {
    rec.report
        .warnings
        .iter()
        .filter_map(|w| match w {
            Message::WarnSliceMoved { from, to } => Some((*from, *to)),
            _ => None,
        })
        .collect()
}

/// The PNG is as tall as the feed and shows each of its `n` posts' colour
/// where the post belongs (`dys` px below its top).
fn every_post_in_place(png: &std::path::Path, n: u32, dys: &[u32]) {
    let img = read_png(png);
    assert_eq!((img.w, img.h), (1280, virtual_page_height(n)));
    for i in 0..n {
        for dy in dys {
            let y = virtual_post_top(i) + dy;
            assert!(
                close(img.px(1100, y), virtual_post_colour(i), 2),
                "post {i} at y {y}: {:?} != {:?}",
                img.px(1100, y),
                virtual_post_colour(i)
            );
        }
    }
}

/// Each of the `n` posts' unique word is in `text`, in the feed's order.
fn every_word_in_order(text: &str, n: u32) {
    let mut at = 0;
    for i in 0..n {
        let w = virtual_post_word(i);
        let found = text[at..]
            .find(&w)
            .unwrap_or_else(|| panic!("{w} missing from the PDF text after byte {at}"));
        at += found + w.len();
    }
}

/// A feed that drops old posts for good (they never come back when the page
/// is scrolled up again): the posts seen while scrolling but gone when their
/// slice was shot are counted as missing, with a warning in both languages.
#[test]
fn posts_gone_before_the_shot_are_counted_and_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(
        &browser,
        &site().url("/virtual/feed?n=40&gone=12"),
        dir.path(),
        "gone",
    );
    assert!(rec.ok, "{:?}", rec.error);
    let cov = rec.report.coverage.clone().expect("coverage in the report");
    assert_eq!(cov.seen, 40, "{cov:?}");
    assert!(cov.in_png <= 30 && cov.in_png >= 20, "{cov:?}");
    assert_eq!(cov.in_pdf_text, cov.in_png, "{cov:?}");
    assert!(
        cov.missing[0].contains("Inlägg 1 av 40"),
        "the first post is named first: {:?}",
        cov.missing
    );
    let w = cov.warning.clone().expect("a warning");
    let en = w.to_string();
    let sv = cov
        .warning_text(ogonblick_model::Language::Sv)
        .expect("Swedish warning");
    assert!(en.contains("of the 40 posts seen while scrolling"), "{en}");
    assert!(
        sv.contains("av de 40 inlägg som syntes vid rullningen"),
        "{sv}"
    );
    assert!(rec.report.warnings.contains(&w));
    // What the PDF's text holds agrees with the count.
    let text = pdftotext(&dir.path().join("gone.pdf"));
    assert_eq!(
        text.matches("virtpost").count(),
        cov.in_pdf_text as usize,
        "{text}"
    );
}
