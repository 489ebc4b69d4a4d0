//! Collapsed content ("Visa mer", more comments, replies) is expanded before
//! the pictures are taken, within a click and a time budget; expander
//! look-alikes that would leave the page, open a window or act on the
//! platform are never clicked.

use std::time::Duration;

use ogonblick_capture::{Browser, CaptureOptions};
use ogonblick_model::ExpanderKind;
use ogonblick_testsite::expand::{hits, item_colour, many_word, DECOYS, ITEMS};

use crate::common::{capture, opts, pdftotext, read_png, runs, site};

/// Every piece of content of `/expand/post` in the PNG (its colour block) and
/// in the PDF's text (its word).
fn assert_every_item(dir: &std::path::Path, stem: &str) {
    let text = pdftotext(&dir.join(format!("{stem}.pdf")));
    let img = read_png(&dir.join(format!("{stem}.png")));
    let mut missing = Vec::new();
    for (i, (id, word)) in ITEMS.iter().enumerate() {
        if !text.contains(word) {
            missing.push(format!("{id}: word {word} not in the PDF text"));
        }
        if runs(&img, 120, item_colour(i), 50).is_empty() {
            missing.push(format!("{id}: colour {:?} not in the PNG", item_colour(i)));
        }
    }
    assert!(
        missing.is_empty(),
        "missing: {missing:#?}\nPDF text:\n{text}"
    );
}

#[test]
fn a_post_with_clipped_text_and_comment_threads_is_captured_whole() {
    let out = tempfile::tempdir().unwrap();
    let b = Browser::launch(&opts()).unwrap();
    let url = site().url("/expand/post?run=whole");
    let rec = capture(&b, &url, out.path(), "post");
    assert!(rec.ok, "{:?}", rec.error);
    assert_every_item(out.path(), "post");
    let x = &rec.report.expansion;
    let count = |k: ExpanderKind| -> u32 {
        x.expanded
            .iter()
            .filter(|e| e.kind == k)
            .map(|e| e.count)
            .sum()
    };
    // "Visa mer" on the post and "Läs mer" on comment five.
    assert_eq!(count(ExpanderKind::Text), 2, "{x:?}");
    // "Visa fler kommentarer", then "Visa 2 fler kommentarer".
    assert_eq!(count(ExpanderKind::Comments), 2, "{x:?}");
    // "Visa 2 svar", "Visa 1 svar", "View replies".
    assert_eq!(count(ExpanderKind::Replies), 3, "{x:?}");
    assert!(
        x.expanded.iter().any(|e| e.text == "Visa mer"),
        "the clicked text is recorded: {x:?}"
    );
    assert_eq!(x.left, 0, "{x:?}");
    assert!(!x.click_budget_hit && !x.time_budget_hit, "{x:?}");
    assert!(x.skipped > 0, "the decoys are counted as skipped: {x:?}");
}

#[test]
fn expander_look_alikes_that_leave_open_windows_or_act_are_left_alone() {
    let out = tempfile::tempdir().unwrap();
    let mut o = opts();
    // Even an organisation that lists action words as expander texts never
    // gets them clicked.
    let actions = [
        "Gilla",
        "Dela",
        "Svara",
        "Rapportera",
        "Följ",
        "Skicka",
        "Like",
        "Share",
        "Reply",
        "Report",
        "Follow",
        "Send",
    ];
    o.expand
        .generic
        .text
        .extend(actions.iter().map(|s| s.to_string()));
    let b = Browser::launch(&o).unwrap();
    let run = "decoys";
    let url = site().url(&format!("/expand/post?run={run}"));
    let rec = capture(&b, &url, out.path(), "post");
    assert!(rec.ok, "{:?}", rec.error);
    let touched: Vec<(&str, u32)> = DECOYS
        .iter()
        .map(|d| (*d, hits(run, d)))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert!(touched.is_empty(), "decoys were activated: {touched:?}");
    assert!(
        rec.report.navigated_away.is_empty(),
        "{:?}",
        rec.report.navigated_away
    );
    assert_eq!(rec.report.final_url.as_deref(), Some(url.as_str()));
    assert!(
        !rec.report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("pop-up")),
        "{:?}",
        rec.report.warnings
    );
    let open = b.open_pages().unwrap();
    assert!(
        !open.iter().any(|u| u.contains("/expand/")),
        "windows left open: {open:?}"
    );
    // The real expanders beside them were clicked.
    assert_every_item(out.path(), "post");
}

fn many(o: CaptureOptions, n: u32, stem: &str) -> (ogonblick_model::PageRecord, String) {
    let out = tempfile::tempdir().unwrap();
    let b = Browser::launch(&o).unwrap();
    let url = site().url(&format!("/expand/many?n={n}"));
    let rec = capture(&b, &url, out.path(), stem);
    assert!(rec.ok, "{:?}", rec.error);
    let text = pdftotext(&out.path().join(format!("{stem}.pdf")));
    (rec, text)
}

#[test]
fn more_expanders_than_the_click_budget_are_recorded_as_left() {
    let mut o = opts();
    o.expand.max_clicks = 10;
    let (rec, text) = many(o, 30, "many");
    let x = &rec.report.expansion;
    assert!(x.click_budget_hit, "{x:?}");
    assert!(!x.time_budget_hit, "{x:?}");
    assert_eq!(x.clicks, 10, "{x:?}");
    assert_eq!(x.max_clicks, 10, "{x:?}");
    assert_eq!(x.left, 20, "{x:?}");
    let shown = (0..30).filter(|n| text.contains(&many_word(*n))).count();
    assert_eq!(shown, 10, "ten posts expanded in the PDF:\n{text}");
    let w = x.budget_warning().expect("a budget warning");
    let (en, sv) = (w.to_string(), w.render(ogonblick_model::Language::Sv));
    assert!(en.contains("10") && en.contains("20"), "{en}");
    assert!(sv.contains("10") && sv.contains("20"), "{sv}");
    assert!(
        rec.report.warnings.contains(&w),
        "{:?}",
        rec.report.warnings
    );
}

#[test]
fn the_time_budget_is_recorded_when_hit() {
    let mut o = opts();
    o.expand.time_budget = Duration::from_millis(400);
    let (rec, _) = many(o, 300, "slow");
    let x = &rec.report.expansion;
    assert!(x.time_budget_hit, "{x:?}");
    assert!(x.left > 0, "{x:?}");
    assert!(x.clicks < 300, "{x:?}");
    assert!(x.budget_warning().is_some());
}

#[test]
fn a_page_with_nothing_to_expand_records_no_expansion() {
    let out = tempfile::tempdir().unwrap();
    let b = Browser::launch(&opts()).unwrap();
    let rec = capture(&b, &site().url("/tall?h=3000"), out.path(), "plain");
    assert!(rec.ok, "{:?}", rec.error);
    let x = &rec.report.expansion;
    assert_eq!((x.clicks, x.left, x.skipped), (0, 0, 0), "{x:?}");
    assert!(x.expanded.is_empty() && x.budget_warning().is_none());
}
