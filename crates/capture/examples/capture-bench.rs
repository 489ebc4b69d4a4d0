//! Benchmark: Ögonblick's capture (full-page PNG + PDF/A) of the fixture
//! channels against raw Chromium (`chromium --headless --screenshot` and
//! `--print-to-pdf` of the same address), in one run. Run through
//! `bash bench/capture/run.sh`.

use std::process::Command;
use std::time::{Duration, Instant};

use ogonblick_capture::{Browser, CaptureOptions};
use ogonblick_model::{CancelToken, ProgressEvent};
use ogonblick_testsite::{TestSite, PLATFORMS};

fn raw(chromium: &str, args: &[String], url: &str, profile: &std::path::Path) -> Duration {
    let t0 = Instant::now();
    let st = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
            "--hide-scrollbars",
            "--window-size=1280,900",
        ])
        .args(if unsafe_is_root() {
            vec!["--no-sandbox"]
        } else {
            vec![]
        })
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("run chromium");
    if !st.status.success() {
        eprintln!(
            "raw chromium failed: {}",
            String::from_utf8_lossy(&st.stderr)
        );
    }
    t0.elapsed()
}

fn unsafe_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

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

fn main() {
    let site = TestSite::start().expect("fixture site");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = CaptureOptions {
        operator: "bench".into(),
        ..CaptureOptions::default()
    };
    // `--no-expand`: without expanding collapsed content (the comparison).
    opts.expand.enabled = !args.iter().any(|a| a == "--no-expand");
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
    let t_launch = Instant::now();
    let browser = Browser::launch(&opts).expect("launch");
    let launch = t_launch.elapsed();
    println!(
        "browser launch: {:.2} s ({})",
        launch.as_secs_f64(),
        browser.version().product
    );
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>7}  stages (s)",
        "page", "ours s", "raw s", "raw+ s", "ratio"
    );
    let (mut sum_ours, mut sum_raw) = (0.0, 0.0);
    for (i, p) in pages.iter().enumerate() {
        let url = site.url(p);
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
            .capture_page(
                &url,
                &work,
                &format!("p{i}"),
                &sink,
                i as u32,
                &CancelToken::new(),
            )
            .expect("capture");
        let ours = t0.elapsed();
        assert!(rec.ok, "{p}: {:?}", rec.error);
        let st = stages.lock().unwrap().clone();
        let mut detail = String::new();
        for (k, (name, at)) in st.iter().enumerate() {
            let end = st.get(k + 1).map(|x| x.1).unwrap_or(t0 + ours);
            detail.push_str(&format!("{name}={:.2} ", (end - *at).as_secs_f64()));
        }
        // Raw Chromium: a screenshot of the first viewport and a PDF, each a fresh headless run.
        let prof = work.join("raw-profile");
        let shot = raw(
            &chromium,
            &[format!("--screenshot={}", work.join("raw.png").display())],
            &url,
            &prof,
        );
        let pdf = raw(
            &chromium,
            &[
                format!("--print-to-pdf={}", work.join("raw.pdf").display()),
                "--no-pdf-header-footer".into(),
            ],
            &url,
            &prof,
        );
        let raw_s = (shot + pdf).as_secs_f64();
        let ours_s = ours.as_secs_f64();
        sum_ours += ours_s;
        sum_raw += raw_s;
        println!(
            "{:<22} {:>9.2} {:>9.2} {:>9} {:>7.2}  {detail}h={}px slices={} pdf_pages={} expand={}ms/{} clicks {}",
            p.chars().take(22).collect::<String>(),
            ours_s,
            raw_s,
            "",
            ours_s / raw_s,
            rec.report.page_height,
            rec.report.slices,
            rec.report.pdf_pages,
            rec.report.expansion.duration_ms,
            rec.report.expansion.clicks
,
rec.files
                .iter()
                .map(|f| format!("{}={} kB", f.path, f.size / 1024))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    println!(
        "TOTAL ours {:.2} s (+{:.2} s one launch) vs raw chromium {:.2} s: ratio {:.2} (incl. launch {:.2}); target <= 1.2",
        sum_ours,
        launch.as_secs_f64(),
        sum_raw,
        sum_ours / sum_raw,
        (sum_ours + launch.as_secs_f64()) / sum_raw
    );
    println!(
        "peak RSS of the capture process (stitching, PDF/A): {} MB",
        vm_hwm_kb() / 1024
    );
    drop(browser);
    let _ = std::fs::remove_dir_all(&work);
}
