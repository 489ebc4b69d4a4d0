use ogonblick_capture::Browser;
use ogonblick_testsite::{channel_spec, BLUE, RED};

use crate::common::*;

fn check_channel(platform: &str) {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let url = site().url(&format!("/{platform}"));
    let rec = capture(&browser, &url, dir.path(), platform);
    check_capture(platform, &rec, dir.path());
}

/// What a user checks of a channel page's capture (`<dir>/<platform>.png|pdf`).
fn check_capture(platform: &str, rec: &ogonblick_capture::PageRecord, dir: &std::path::Path) {
    let spec = channel_spec(platform).unwrap();
    assert!(rec.ok, "{platform}: {:?}", rec.error);
    assert_eq!(rec.report.http_status, Some(200));
    assert!(
        rec.report
            .title
            .as_deref()
            .unwrap_or("")
            .contains("Ögonblicks kommun"),
        "{:?}",
        rec.report.title
    );
    assert!(
        rec.report.images_failed.is_empty(),
        "{:?}",
        rec.report.images_failed
    );
    // Every request of the page is answered (the browser's own /favicon.ico,
    // which the fixture lacks, is not the page's).
    assert!(
        rec.report.requests_failed.is_empty(),
        "{:?}",
        rec.report.requests_failed
    );
    assert!(
        rec.report.walls_detected.is_empty(),
        "{:?}",
        rec.report.walls_detected
    );
    assert!(rec.report.truncated.is_none());
    if let Some(button) = spec.consent_button() {
        assert!(
            rec.report
                .consent_clicked
                .iter()
                .any(|c| c.starts_with(&format!("\"{button}\" – http"))),
            "{platform}: consent not dismissed with {button}: {:?}",
            rec.report.consent_clicked
        );
    }
    // Every image of the feed, both lazy kinds, is in the PNG.
    if let Ok(keep) = std::env::var("OGONBLICK_TEST_KEEP") {
        for ext in ["png", "pdf"] {
            let _ = std::fs::copy(
                dir.join(format!("{platform}.{ext}")),
                format!("{keep}/{platform}.{ext}"),
            );
        }
    }
    let img = read_png(&dir.join(format!("{platform}.png")));
    assert_eq!(img.w, 1280);
    assert_eq!(img.h, rec.report.page_height);
    let col = if platform == "youtube" {
        None
    } else {
        Some(640)
    };
    if let Some(x) = col {
        let red = runs(&img, x, RED, 250).len() as u32;
        let blue = runs(&img, x, BLUE, 250).len() as u32;
        assert_eq!(
            (red, blue),
            (spec.native_lazy(), spec.io_lazy()),
            "{platform}: lazy images in the PNG"
        );
    } else {
        // Grid of three: count over the three column centres.
        let mut red = 0;
        let mut blue = 0;
        for x in [640 - 376, 640, 640 + 376] {
            red += runs(&img, x, RED, 150).len() as u32;
            blue += runs(&img, x, BLUE, 150).len() as u32;
        }
        assert_eq!(
            (red, blue),
            (spec.native_lazy(), spec.io_lazy()),
            "{platform}: lazy images in the PNG"
        );
    }
    // The fixed header is painted once, at the top, in its own colour (no
    // consent backdrop over it), and not repeated down the page.
    let header = runs(&img, 5, spec.brand_rgb, 10);
    assert_eq!(header, vec![(0, 60)], "{platform}: header runs {header:?}");
    // The PDF: text with åäö, the feed's last post, PDF/A structure.
    let pdf = dir.join(format!("{platform}.pdf"));
    qpdf_check(&pdf);
    let text = pdftotext(&pdf);
    assert!(
        text.contains("Räksmörgås åäö ÅÄÖ"),
        "{platform}: åäö missing from PDF text"
    );
    // Emoji are drawn (colour glyphs) and mapped back to text, not .notdef boxes.
    assert!(
        text.contains('😀') && text.contains('🎉'),
        "{platform}: emoji missing from PDF text"
    );
    assert!(
        text.contains(&format!("postword{}", spec.total_posts() - 1)),
        "{platform}: last post missing"
    );
    assert!(rec.report.pdf_pages >= 2);
    if platform == "facebook" {
        // Independent PDF/A check (slow: about a minute per file).
        let v = aspose_validate(&pdf);
        assert_eq!(
            v["compliant"],
            serde_json::json!(true),
            "PDF/A-2u validation: {v}"
        );
        let fonts = std::process::Command::new("pdffonts")
            .arg(&pdf)
            .output()
            .unwrap();
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        for line in fonts.lines().skip(2) {
            assert!(line.contains(" yes "), "font not embedded: {line}");
        }
    }
    // PNG, PDF/A and the page's text (issue 17), which holds the words of
    // the PDF/A's text layer with their place on the page.
    assert_eq!(rec.files.len(), 3);
    let text = rec
        .files
        .iter()
        .find(|f| f.role == ogonblick_model::FileRole::Text)
        .expect("the page's text file");
    let text: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(&text.path)).unwrap()).unwrap();
    assert_eq!(text["format"], "ogonblick-page-text/1");
    assert!(text["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["text"].as_str().unwrap().contains("Räksmörgås")));
    assert!(rec.provenance.browser_version.contains("Chrome/"));
    assert_eq!(rec.provenance.operator, "test-operator");
    assert!(!rec.provenance.user_agent.contains("Headless"));
}

#[test]
fn facebook_page_with_in_page_consent() {
    check_channel("facebook");
}

#[test]
fn instagram_profile_with_cross_origin_consent_frame() {
    check_channel("instagram");
}

#[test]
fn x_profile() {
    check_channel("x");
}

#[test]
fn youtube_channel_grid_with_cross_origin_consent() {
    check_channel("youtube");
}

#[test]
fn linkedin_page() {
    check_channel("linkedin");
}

/// Several pages at a time in one browser (as `capture --due` does): each
/// in its own window, so none is a hidden background tab whose lazy images
/// never load. Every page is as whole as when captured alone.
#[test]
fn three_channel_pages_at_once_in_one_browser() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let platforms = ["instagram", "x", "linkedin"];
    let recs: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = platforms
            .iter()
            .map(|p| {
                let (browser, dir) = (&browser, dir.path());
                s.spawn(move || capture(browser, &site().url(&format!("/{p}")), dir, p))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (p, rec) in platforms.iter().zip(&recs) {
        check_capture(p, rec, dir.path());
    }
}
