use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use ogonblick_capture::{Browser, CaptureOptions, PageRecord};
use ogonblick_model::{CancelToken, CollectProgress};
use ogonblick_testsite::TestSite;

pub fn site() -> &'static TestSite {
    static SITE: OnceLock<TestSite> = OnceLock::new();
    SITE.get_or_init(|| TestSite::start().expect("start fixture site"))
}

/// Chromium runs one page at a time per browser; tests run in parallel, so
/// each test launches its own browser.
pub fn opts() -> CaptureOptions {
    CaptureOptions {
        operator: "test-operator".into(),
        page_timeout: std::time::Duration::from_secs(20),
        ..Default::default()
    }
}

pub fn capture(browser: &Browser, url: &str, dir: &Path, stem: &str) -> PageRecord {
    let sink = CollectProgress::default();
    let rec = browser
        .capture_page(url, dir, stem, &sink, 0, &CancelToken::new())
        .unwrap_or_else(|e| panic!("capture of {url} failed with an environment error: {e}"));
    eprintln!("{url}: {}", serde_json::to_string_pretty(&rec).unwrap());
    rec
}

pub struct Rgb {
    pub w: u32,
    pub h: u32,
    pub data: Vec<u8>,
}

impl Rgb {
    pub fn px(&self, x: u32, y: u32) -> [u8; 3] {
        let i = (y as usize * self.w as usize + x as usize) * 3;
        [self.data[i], self.data[i + 1], self.data[i + 2]]
    }
}

pub fn read_png(path: &Path) -> Rgb {
    let dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut r = dec.read_info().unwrap();
    let mut buf = vec![0u8; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    Rgb {
        w: info.width,
        h: info.height,
        data: buf,
    }
}

pub fn close(a: [u8; 3], b: [u8; 3], tol: i32) -> bool {
    (0..3).all(|i| (a[i] as i32 - b[i] as i32).abs() <= tol)
}

/// Runs of `colour` at least `min_len` rows long down column `x`.
pub fn runs(img: &Rgb, x: u32, colour: [u8; 3], min_len: u32) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for y in 0..img.h {
        let hit = close(img.px(x, y), colour, 2);
        match (hit, start) {
            (true, None) => start = Some(y),
            (false, Some(s)) => {
                if y - s >= min_len {
                    out.push((s, y - s));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        if img.h - s >= min_len {
            out.push((s, img.h - s));
        }
    }
    out
}

pub fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn qpdf_check(pdf: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf");
    assert!(
        out.status.success(),
        "qpdf --check {}: {}{}",
        pdf.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The number of processes whose parent chain leads to this test process and
/// whose command is Chromium.
#[allow(dead_code)]
pub fn chromium_descendants() -> Vec<u32> {
    let me = std::process::id();
    let mut parent = std::collections::HashMap::new();
    let mut comm = std::collections::HashMap::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let name = stat[stat.find('(').unwrap_or(0) + 1..close].to_string();
        let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        if rest.first() == Some(&"Z") {
            continue;
        }
        let ppid: u32 = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        parent.insert(pid, ppid);
        comm.insert(pid, name);
    }
    let mut out = Vec::new();
    for (&pid, name) in &comm {
        if !name.contains("chrom") {
            continue;
        }
        let mut p = pid;
        for _ in 0..64 {
            match parent.get(&p) {
                Some(&pp) if pp == me => {
                    out.push(pid);
                    break;
                }
                Some(&pp) if pp > 1 => p = pp,
                _ => break,
            }
        }
    }
    out
}

/// Pids of the process `root` and every process below it.
pub fn process_tree(root: u32) -> Vec<u32> {
    let mut parent = std::collections::HashMap::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        let ppid: u32 = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        parent.insert(pid, ppid);
    }
    let mut out = vec![root];
    loop {
        let before = out.len();
        for (&pid, &pp) in &parent {
            if out.contains(&pp) && !out.contains(&pid) {
                out.push(pid);
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

/// True if `pid` is a live (not zombie) process.
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rfind(')')
            .map(|c| !stat[c + 2..].starts_with('Z'))
            .unwrap_or(false),
        Err(_) => false,
    }
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs tests/validators/pdfa-validate.cjs (asposepdfnodejs, offline).
pub fn aspose_validate(pdf: &Path) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/validators");
    assert!(
        root.join("node_modules/asposepdfnodejs").exists(),
        "tests/validators/node_modules is missing: run `npm install` in tests/validators"
    );
    let out = Command::new("node")
        .arg(root.join("pdfa-validate.cjs"))
        .arg(pdf)
        .output()
        .expect("node");
    let s = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(s.trim())
        .unwrap_or_else(|e| panic!("validator output is not JSON ({e}): {s}"))
}
