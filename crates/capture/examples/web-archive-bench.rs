//! Web archive benchmark: captures the fixture channel pages with or without
//! the web archive (`--web-archive`), and with it packs their WARCs into a
//! WACZ as the app does; prints the bytes of the WACZ beside those of the
//! PNGs and PDF/As. `bench/web-archive/run.sh` times both with `farm-bench`.

use ogonblick_capture::wacz::{write_wacz, WaczInfo, WaczPage};
use ogonblick_capture::{Browser, CaptureOptions};
use ogonblick_model::{CancelToken, NoProgress};
use ogonblick_testsite::{TestSite, PLATFORMS};

fn main() {
    let site = TestSite::start().expect("fixture site");
    let on = std::env::args().any(|a| a == "--web-archive");
    let opts = CaptureOptions {
        operator: "bench".into(),
        web_archive: on,
        ..CaptureOptions::default()
    };
    let work = std::env::temp_dir().join(format!("ogonblick-wa-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let browser = Browser::launch(&opts).expect("launch");
    let (mut shots, mut pages) = (0u64, Vec::new());
    for (i, p) in PLATFORMS.iter().enumerate() {
        let url = site.url(&format!("/{p}"));
        let stem = format!("page-{:02}", i + 1);
        let rec = browser
            .capture_page(
                &url,
                &work,
                &stem,
                &NoProgress,
                i as u32,
                &CancelToken::new(),
            )
            .expect("capture");
        assert!(rec.ok, "{p}: {:?}", rec.error);
        shots += rec.files.iter().map(|f| f.size).sum::<u64>();
        pages.push(WaczPage {
            url,
            title: rec.report.title.clone(),
            ts: rec.provenance.started_at,
            warc: work.join(format!("{stem}.warc.gz")),
        });
    }
    let mut line = format!("pages {} png+pdf {} bytes", pages.len(), shots);
    if on {
        let out = work.join("web-archive.wacz");
        let info = WaczInfo {
            snapshot_id: "bench",
            operator: "bench",
            software: "Ögonblick bench",
            browser: &browser.version().product,
            created: pages[0].ts,
        };
        write_wacz(&out, &work.join("build"), &info, &pages).expect("wacz");
        let wacz = std::fs::metadata(&out).unwrap().len();
        line.push_str(&format!(
            " wacz {wacz} bytes ({:.1} % of png+pdf)",
            100.0 * wacz as f64 / shots as f64
        ));
    }
    println!("{line}");
    drop(browser);
    let _ = std::fs::remove_dir_all(&work);
}
