//! Benchmark of the comparison's cost beside a capture's (issue 17: at most
//! 10 %). Captures the Facebook fixture page once (the previous snapshot),
//! then again (the new one); with `--compare`, the new page is then compared
//! with the previous one as the app does after every capture (features of
//! both pages read from their files, then `compare`). Prints the second
//! capture's and the comparison's own times; `bench/compare/run.sh` times
//! the whole process with and without `--compare` with farm-bench.

use std::time::Instant;

use ogonblick_capture::{Browser, CaptureOptions, PageRecord};
use ogonblick_compare::{compare, ComparisonSettings, PageFeatures};
use ogonblick_model::{CancelToken, FileRole, NoProgress};
use ogonblick_testsite::TestSite;

fn features(rec: &PageRecord, dir: &std::path::Path, s: &ComparisonSettings) -> PageFeatures {
    let file = |role| {
        rec.files
            .iter()
            .find(|f| f.role == role)
            .map(|f| dir.join(&f.path))
    };
    PageFeatures::read(
        &rec.url,
        rec.report.final_url.as_deref(),
        rec.report.title.as_deref(),
        &file(FileRole::Png).expect("a PNG"),
        file(FileRole::Text).as_deref(),
        s,
    )
    .expect("features")
}

fn main() {
    let with_compare = std::env::args().any(|a| a == "--compare");
    let site = TestSite::start().expect("fixture site");
    let dir = tempfile::tempdir().expect("temporary folder");
    let browser = Browser::launch(&CaptureOptions {
        operator: "bench".into(),
        ..Default::default()
    })
    .expect("Chromium");
    let url = site.url("/facebook");
    let cap = |stem: &str| {
        browser
            .capture_page(&url, dir.path(), stem, &NoProgress, 0, &CancelToken::new())
            .expect("capture")
    };
    let old = cap("page-01");
    let t = Instant::now();
    let new = cap("page-02");
    let capture_ms = t.elapsed().as_millis();
    if with_compare {
        let s = ComparisonSettings::default();
        let t = Instant::now();
        let c = compare(
            "previous",
            &features(&old, dir.path(), &s),
            &features(&new, dir.path(), &s),
            &s,
        );
        let compare_ms = t.elapsed().as_millis();
        println!(
            "page {} x {} px: capture {capture_ms} ms, comparison {compare_ms} ms ({:.1} %), text similarity {}, {} changed regions",
            new.report.page_width,
            new.report.page_height,
            100.0 * compare_ms as f64 / capture_ms.max(1) as f64,
            c.text_similarity,
            c.changed_regions.len()
        );
    } else {
        println!("capture {capture_ms} ms");
    }
}
