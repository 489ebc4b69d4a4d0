//! Benchmark: Ögonblick's capture (full-page PNG + PDF/A) of the fixture
//! channels against raw Chromium's capture of the same full page
//! (`bench/capture/raw-cdp.mjs`: scrolled to the bottom, the whole height
//! shot in slices of at most 16,384 px, and printed to PDF, on a fresh
//! profile each run), the two run interleaved page by page (ours, raw, ours,
//! raw …; `--runs N`, medians), the ratio with raw's whole process and
//! without its Node start and Chromium launch and close (`raw-l`, `ratio-l`);
//! also our PNG's size against Chromium's own PNG of the page, and the
//! stitcher's encoder on Chromium's pixels against Chromium's encoder.
//! Run through `bash bench/capture/run.sh` (`--png-trials` re-encodes each
//! PNG with other DEFLATE levels and filters and prints size and time).

mod png_size;
mod raw;

use std::time::{Duration, Instant};

use ogonblick_capture::{Browser, CaptureOptions};
use ogonblick_model::{CancelToken, ProgressEvent};
use ogonblick_testsite::{TestSite, PLATFORMS};

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// One run of our capture: its time, PNG bytes, height and stage times.
struct OursRun {
    time: Duration,
    png_bytes: u64,
    png: Option<std::path::PathBuf>,
    height: u32,
    detail: String,
}

fn ours(browser: &Browser, url: &str, work: &std::path::Path, stem: &str, i: u32) -> OursRun {
    let stages = std::sync::Mutex::new(Vec::<(String, Instant)>::new());
    let sink = |e: ProgressEvent| {
        if let ProgressEvent::Stage {
            stage,
            detail: None,
            ..
        } = e
        {
            stages
                .lock()
                .unwrap()
                .push((format!("{stage:?}"), Instant::now()));
        }
    };
    let t0 = Instant::now();
    let rec = browser
        .capture_page(url, work, stem, &sink, i, &CancelToken::new())
        .expect("capture");
    let time = t0.elapsed();
    assert!(rec.ok, "{url}: {:?}", rec.error);
    let st = stages.lock().unwrap().clone();
    let mut detail = String::new();
    for (k, (name, at)) in st.iter().enumerate() {
        let end = st.get(k + 1).map(|x| x.1).unwrap_or(t0 + time);
        detail.push_str(&format!("{name}={:.2} ", (end - *at).as_secs_f64()));
    }
    detail.push_str(&format!(
        "slices={} pdf_pages={} expand={}ms/{} clicks",
        rec.report.slices,
        rec.report.pdf_pages,
        rec.report.expansion.duration_ms,
        rec.report.expansion.clicks
    ));
    let png = rec.files.iter().find(|f| f.path.ends_with(".png"));
    OursRun {
        time,
        png_bytes: png.map(|f| f.size).unwrap_or(0),
        png: png.map(|f| work.join(&f.path)),
        height: rec.report.page_height,
        detail,
    }
}

fn main() {
    let site = TestSite::start().expect("fixture site");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = CaptureOptions {
        operator: "bench".into(),
        ..CaptureOptions::default()
    };
    // `--no-expand`: without expanding collapsed content (the comparison).
    opts.expand.enabled = !args.iter().any(|a| a == "--no-expand");
    // `--slice PX`: our slice height (the default is the capture's).
    if let Some(h) = args
        .iter()
        .position(|a| a == "--slice")
        .and_then(|i| args.get(i + 1)?.parse().ok())
    {
        opts.slice_height = h;
    }
    // `--band PX`: the most rows shot at once beyond the window (0: a window at a time).
    if let Some(h) = args
        .iter()
        .position(|a| a == "--band")
        .and_then(|i| args.get(i + 1)?.parse().ok())
    {
        opts.shot_band = h;
    }
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(1)
        .max(1);
    let chromium = opts.chromium.display().to_string();
    let work = std::env::temp_dir().join(format!("ogonblick-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let mut pages: Vec<String> = PLATFORMS.iter().map(|p| format!("/{p}")).collect();
    if args.iter().any(|a| a == "--tall") {
        pages.push("/tall?h=200000".into());
    }
    // `--expand`: adds a post with clipped text and comment threads to expand.
    if args.iter().any(|a| a == "--expand") {
        pages.push("/expand/post?run=bench".into());
    }
    if let Some(i) = args.iter().position(|a| a == "--only") {
        pages = args[i + 1..].to_vec();
    }
    // `--png-trials`: re-encodes each page's PNG with other settings (size, time).
    let encode_trials = args.iter().any(|a| a == "--png-trials");
    let t_launch = Instant::now();
    let browser = Browser::launch(&opts).expect("launch");
    let launch = t_launch.elapsed();
    println!(
        "browser launch: {:.2} s ({}); {runs} run(s) a page, interleaved, medians",
        launch.as_secs_f64(),
        browser.version().product
    );
    println!(
        "{:<16} {:>7} {:>7} {:>6} {:>7} {:>7} {:>9} {:>9} {:>8} {:>7}  heights ours/raw",
        "page",
        "ours s",
        "raw s",
        "ratio",
        "raw-l s",
        "ratio-l",
        "png file",
        "png same",
        "enc s",
        "equal"
    );
    let (mut sum_ours, mut sum_raw, mut sum_raw_page) = (0.0, 0.0, 0.0);
    let (mut worst_file, mut worst_same, mut worst_ratio) = (0.0f64, 0.0f64, 0.0f64);
    let mut worst_page_ratio = 0.0f64;
    for (i, p) in pages.iter().enumerate() {
        let url = site.url(p);
        let (mut t_ours, mut t_raw, mut file_r, mut same_r, mut enc_s, mut eq) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        let mut t_raw_page = vec![];
        let mut last = None;
        for r in 0..runs {
            let o = ours(&browser, &url, &work, &format!("p{i}r{r}"), i as u32);
            let raw = raw::capture(&chromium, &url, o.height, &work.join("raw"));
            let (same_bytes, enc) = png_size::ours_on(&raw.pngs);
            t_ours.push(o.time.as_secs_f64());
            t_raw.push(raw.time.as_secs_f64());
            t_raw_page.push(raw.page_time.as_secs_f64());
            file_r.push(o.png_bytes as f64 / raw.png_bytes as f64);
            same_r.push(same_bytes as f64 / raw.png_bytes as f64);
            enc_s.push(enc.as_secs_f64());
            if let (Some(png), true, true) = (&o.png, encode_trials, r == 0) {
                png_size::trials(png);
            }
            if let Some(png) = &o.png {
                eq.push(png_size::equal_pixels(png, &raw.pngs));
                let _ = std::fs::remove_file(png);
            }
            last = Some((o, raw));
        }
        let (o, raw) = last.unwrap();
        let (mo, mr, mp) = (median(t_ours), median(t_raw), median(t_raw_page));
        let (mf, ms) = (median(file_r), median(same_r));
        sum_ours += mo;
        sum_raw += mr;
        sum_raw_page += mp;
        worst_ratio = worst_ratio.max(mo / mr);
        worst_page_ratio = worst_page_ratio.max(mo / mp);
        worst_file = worst_file.max(mf);
        worst_same = worst_same.max(ms);
        println!(
            "{:<16} {:>7.2} {:>7.2} {:>6.2} {:>7.2} {:>7.2} {:>8.2}x {:>8.2}x {:>8.2} {:>6.1}%  {}/{} px",
            p.chars().take(16).collect::<String>(),
            mo,
            mr,
            mo / mr,
            mp,
            mo / mp,
            mf,
            ms,
            median(enc_s),
            median(eq) * 100.0,
            o.height,
            raw.height,
        );
        println!("    ours: {}", o.detail);
        println!(
            "    raw:  {} ({} PNG slices, {} kB)",
            raw.stages,
            raw.pngs.len(),
            raw.png_bytes / 1024
        );
    }
    println!(
        "TOTAL ours {:.2} s (+{:.2} s one launch) vs raw chromium {:.2} s (a launch each): ratio {:.2}; \
         worst page {:.2}; target <= 1.2 on every page",
        sum_ours,
        launch.as_secs_f64(),
        sum_raw,
        sum_ours / sum_raw,
        worst_ratio
    );
    println!(
        "without raw's Node start and Chromium launch and close (raw-l): raw {:.2} s, ratio {:.2}; \
         worst page {:.2}",
        sum_raw_page,
        sum_ours / sum_raw_page,
        worst_page_ratio
    );
    println!(
        "PNG size vs Chromium's own PNG of the page: max {worst_file:.2}x (our file); \
         max {worst_same:.2}x (our encoder on Chromium's pixels); target <= 1.1"
    );
    println!(
        "peak RSS of the capture process (stitching, PDF/A, the PNG comparison): {} MB",
        vm_hwm_kb() / 1024
    );
    drop(browser);
    let _ = std::fs::remove_dir_all(&work);
}
