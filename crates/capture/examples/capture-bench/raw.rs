//! The baseline: raw Chromium's full-page capture of the same address by
//! `bench/capture/raw-cdp.mjs` (Chromium over the DevTools protocol, none of
//! our code), on a fresh profile each run, timed as a whole process
//! (Node's start and Chromium's launch and close included) and without them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One raw run: its time, the height it shot, its PNG slices and their bytes.
pub struct RawRun {
    pub time: Duration,
    /// The time without Node's start and Chromium's launch and close: the
    /// page's load, scroll, screenshots and PDF (as ours, whose browser is
    /// launched once before the runs).
    pub page_time: Duration,
    pub height: u64,
    pub pngs: Vec<PathBuf>,
    pub png_bytes: u64,
    pub stages: String,
}

/// The driver script, beside `run.sh`.
fn driver() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/capture/raw-cdp.mjs")
}

/// Runs the driver on `url` into `out` (emptied first, the Chromium profile
/// in it too: a fresh one each run), scrolling until the page is `height` px
/// tall (our capture's height) or stops growing.
pub fn capture(chromium: &str, url: &str, height: u32, out: &Path) -> RawRun {
    let _ = std::fs::remove_dir_all(out);
    let profile = out.join("profile");
    let t0 = Instant::now();
    let o = Command::new("node")
        .arg(driver())
        .args(["--chromium", chromium, "--url", url, "--height"])
        .arg(height.to_string())
        .arg("--out")
        .arg(out)
        .arg("--profile")
        .arg(&profile)
        .output()
        .expect("run node bench/capture/raw-cdp.mjs");
    let time = t0.elapsed();
    assert!(
        o.status.success(),
        "raw-cdp.mjs failed on {url}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let line: serde_json::Value =
        serde_json::from_slice(&o.stdout).expect("raw-cdp.mjs prints one JSON line");
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pngs.sort();
    let png_bytes = pngs
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    let stages = line["stages"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let stage = |k: &str| line["stages"][k].as_f64().unwrap_or(0.0);
    let page_secs = stages_total(&line) - stage("launch") - stage("close");
    RawRun {
        time,
        page_time: Duration::from_secs_f64(page_secs.max(0.0)),
        height: line["height"].as_u64().unwrap_or(0),
        pngs,
        png_bytes,
        stages,
    }
}

/// The sum of the driver's stage times.
fn stages_total(line: &serde_json::Value) -> f64 {
    line["stages"]
        .as_object()
        .map(|m| m.values().filter_map(serde_json::Value::as_f64).sum())
        .unwrap_or(0.0)
}
