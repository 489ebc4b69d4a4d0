//! Benchmark: Ögonblick's capture (full-page PNG + PDF/A) of the fixture
//! channels against raw Chromium (`chromium --headless --screenshot` of the
//! full page, the window as tall as the page, and `--print-to-pdf` of the
//! same address), in one run; also the size of our PNG against Chromium's
//! own. Run through `bash bench/capture/run.sh` (`--png-trials` re-encodes
//! each PNG with other DEFLATE levels and filters and prints size and time).

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

/// The tallest window Chromium's command line shoots in reasonable time.
const RAW_FULL_MAX: u32 = 16_384;

/// Decodes `png` and encodes it again with each candidate setting, printing
/// the time and size of each.
fn trials(png: &std::path::Path) {
    let dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut r = dec.read_info().unwrap();
    let mut buf = vec![0u8; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    use png::{DeflateCompression as D, Filter as F};
    for (name, d, f) in [
        ("fdeflate/adaptive", D::FdeflateUltraFast, F::Adaptive),
        ("fdeflate/up", D::FdeflateUltraFast, F::Up),
        ("fdeflate/paeth", D::FdeflateUltraFast, F::Paeth),
        ("zlib1/adaptive", D::Level(1), F::Adaptive),
        ("zlib1/up", D::Level(1), F::Up),
        ("zlib1/paeth", D::Level(1), F::Paeth),
        ("zlib3/up", D::Level(3), F::Up),
        ("zlib3/adaptive", D::Level(3), F::Adaptive),
        ("zlib6/adaptive", D::Level(6), F::Adaptive),
    ] {
        let t0 = Instant::now();
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, info.width, info.height);
        e.set_color(info.color_type);
        e.set_depth(info.bit_depth);
        e.set_deflate_compression(d);
        e.set_filter(f);
        let mut wh = e.write_header().unwrap();
        let mut w = wh.stream_writer_with_size(1 << 20).unwrap();
        std::io::Write::write_all(&mut w, &buf[..info.buffer_size()]).unwrap();
        w.finish().unwrap();
        wh.finish().unwrap();
        println!(
            "    {name:<18} {:>7.3} s {:>8} kB",
            t0.elapsed().as_secs_f64(),
            out.len() / 1024
        );
    }
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
    let mut png_ratios: Vec<f64> = Vec::new();
    // `--png-trials`: re-encodes each page's PNG with other settings (size, time).
    let encode_trials = args.iter().any(|a| a == "--png-trials");
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
        // Raw Chromium: a full-page screenshot (the window as tall as the
        // page, so everything is laid out and loaded as when scrolled) and a
        // PDF, each a fresh headless run. Chromium's command line cannot shoot
        // a page taller than RAW_FULL_MAX (it hangs); such a page is shot
        // at RAW_FULL_MAX and marked `*` (the ratio is then not fair).
        let prof = work.join("raw-profile");
        let full = rec.report.page_height.clamp(1, RAW_FULL_MAX);
        let raw_png = work.join("raw.png");
        let _ = std::fs::remove_file(&raw_png);
        let shot = raw(
            &chromium,
            &[
                format!("--screenshot={}", raw_png.display()),
                format!("--window-size=1280,{full}"),
            ],
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
        let our_png = rec.files.iter().find(|f| f.path.ends_with(".png"));
        let raw_size = std::fs::metadata(&raw_png).map(|m| m.len()).unwrap_or(0);
        let png_ratio = match our_png {
            Some(f) if raw_size > 0 => f.size as f64 / raw_size as f64,
            _ => f64::NAN,
        };
        let fair = rec.report.page_height <= RAW_FULL_MAX;
        if fair {
            png_ratios.push(png_ratio);
        }
        if let (Some(f), true) = (our_png, encode_trials) {
            trials(&work.join(&f.path));
        }
        let raw_s = (shot + pdf).as_secs_f64();
        let ours_s = ours.as_secs_f64();
        sum_ours += ours_s;
        sum_raw += raw_s;
        println!(
            "{:<22} {:>9.2} {:>9.2} {:>9} {:>6.2}{} png {:.2}x  {detail}h={}px slices={} pdf_pages={} expand={}ms/{} clicks {}",
            p.chars().take(22).collect::<String>(),
            ours_s,
            raw_s,
            "",
            ours_s / raw_s,
            if fair { " " } else { "*" },
            png_ratio,
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
        "PNG size vs Chromium's own full-page PNG: max {:.2}x over {} pages (target <= 1.1)",
        png_ratios.iter().cloned().fold(0.0, f64::max),
        png_ratios.len()
    );
    println!(
        "peak RSS of the capture process (stitching, PDF/A): {} MB",
        vm_hwm_kb() / 1024
    );
    drop(browser);
    let _ = std::fs::remove_dir_all(&work);
}
