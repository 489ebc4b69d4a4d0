//! The baseline: raw Chromium's full-page capture of the same address by
//! `bench/capture/raw-cdp.mjs` (Chromium over the DevTools protocol, none of
//! our code), timed as a whole process, Chromium's launch included.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One raw run: its time, the height it shot, its PNG slices and their bytes.
pub struct RawRun {
    pub time: Duration,
    pub height: u64,
    pub pngs: Vec<PathBuf>,
    pub png_bytes: u64,
    pub stages: String,
}

/// The driver script, beside `run.sh`.
fn driver() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/capture/raw-cdp.mjs")
}

/// Runs the driver on `url` into `out` (emptied first), scrolling until the
/// page is `height` px tall (our capture's height) or stops growing.
pub fn capture(chromium: &str, url: &str, height: u32, out: &Path, profile: &Path) -> RawRun {
    let _ = std::fs::remove_dir_all(out);
    let t0 = Instant::now();
    let o = Command::new("node")
        .arg(driver())
        .args(["--chromium", chromium, "--url", url, "--height"])
        .arg(height.to_string())
        .arg("--out")
        .arg(out)
        .arg("--profile")
        .arg(profile)
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
    RawRun {
        time,
        height: line["height"].as_u64().unwrap_or(0),
        pngs,
        png_bytes,
        stages,
    }
}
