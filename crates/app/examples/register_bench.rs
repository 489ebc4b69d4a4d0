//! The register benchmark's tool for the schedule reports
//! (`bench/register/run.sh`):
//!
//! ```text
//! register_bench gen DATA CHANNELS SNAPSHOTS [AT]
//!                                               build a store of CHANNELS channels
//!                                               and SNAPSHOTS snapshots in DATA, as
//!                                               of AT (RFC 3339; default the fixed
//!                                               moment the reports are timed at)
//! register_bench time DATA RUNS                 time `due`, `coverage` and one
//!                                               channel's `history`; prints JSON
//! ```
//!
//! `gen` imports the channels with the call the CLI and the desktop make
//! (`Store::import_register`), writes every snapshot as a folder with its
//! `snapshot.json` (two pages, PNG and PDF each, a completeness report and
//! provenance, as a capture writes them; the page files are hard links to
//! one small file, sized and hashed as recorded) and records the folders
//! with `App::reindex`, so the rows are the real code's rows. The history
//! varies: half-yearly, ad hoc and major-change snapshots, failed and
//! partial ones, one-address captures, some finished after the moment the
//! reports are asked for.
//!
//! `time` opens the store as the CLI does and calls the same `App` methods
//! the CLI's `due --json`, `coverage --json` and `history --channel N
//! --json` call (history also reads the marks and stamping states, as the
//! CLI does), and Översikt's as the desktop asks when it opens
//! (`coverage_view`: the table and the first page of rows from one report;
//! `overview_ms`, and the bytes of JSON the window gets, `overview_bytes`,
//! against the whole report's `coverage_bytes`), each RUNS times after one
//! warm-up, and prints the medians in
//! milliseconds with a SHA-256 of each report's JSON (equal before and after
//! a change that must not change the answers).

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use ogonblick_app::store::RegisterExt;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    ChannelId, CompletenessReport, FileRecord, FileRole, FixedClock, PageRecord, Provenance,
    SequentialIds, Snapshot, SnapshotManifest, SnapshotReason, SnapshotStatus, Timestamp,
};
use sha2::{Digest, Sha256};

/// The moment the reports are asked for: in the spring window.
const AT: &str = "2027-03-20T10:00:00Z";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen", data, channels, snapshots] => generate(
            Path::new(data),
            channels.parse().expect("CHANNELS"),
            snapshots.parse().expect("SNAPSHOTS"),
            at(),
        ),
        // The desktop benchmark (bench/desktop) builds its stores as of the
        // real now: the desktop reads the system clock.
        ["gen", data, channels, snapshots, when] => generate(
            Path::new(data),
            channels.parse().expect("CHANNELS"),
            snapshots.parse().expect("SNAPSHOTS"),
            DateTime::parse_from_rfc3339(when)
                .expect("AT (RFC 3339)")
                .with_timezone(&Utc),
        ),
        ["time", data, runs] => time(Path::new(data), runs.parse().expect("RUNS")),
        _ => {
            eprintln!(
                "usage: register_bench gen DATA CHANNELS SNAPSHOTS [AT] | register_bench time DATA RUNS"
            );
            std::process::exit(2);
        }
    }
}

fn at() -> Timestamp {
    DateTime::parse_from_rfc3339(AT)
        .unwrap()
        .with_timezone(&Utc)
}

fn open(data: &Path) -> App {
    open_at(data, at())
}

fn open_at(data: &Path, at: Timestamp) -> App {
    App::open(
        AppConfig {
            data_dir: data.to_path_buf(),
            operator: "bench".into(),
        },
        Arc::new(FixedClock::new(at)),
        Arc::new(SequentialIds::default()),
    )
    .expect("open the store")
}

fn generate(data: &Path, channels: usize, snapshots: usize, at: Timestamp) {
    std::fs::create_dir_all(data).expect("create DATA");
    let app = open_at(data, at);
    let csv = data.join("bench-register.csv");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&csv).expect("create"));
        writeln!(out, "\u{feff}namn;plattform;adresser;nämnd;enhet;ansvarig;ersättare;syfte;målgrupp;intervall;status;anteckningar").unwrap();
        for i in 0..channels {
            let policy = if i % 10 == 9 { "år" } else { "halvår" };
            writeln!(
                out,
                "Kanal {i} i Växjö;facebook;https://www.facebook.com/kanal{i} | https://www.facebook.com/kanal{i}/about;Nämnd {};Enhet {};Åsa Öberg;Pär Ähl;Information till invånare;Invånare;{policy};aktiv;Rad {i}",
                i % 20,
                i % 7
            )
            .unwrap();
        }
    }
    let imported = app
        .store()
        .import_register(&csv, "bench")
        .expect("import")
        .imported;
    std::fs::remove_file(&csv).ok();

    // One small file stands for every page's PNG and PDF (hard links).
    let blob = data.join("bench-page.bin");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&blob, &bytes).unwrap();
    let sha = hex::encode(Sha256::digest(&bytes));
    let file = |role, path: String, media: &str| FileRecord {
        role,
        path,
        sha256: sha.clone(),
        size: bytes.len() as u64,
        media_type: media.into(),
    };

    let per = snapshots / channels.max(1);
    let mut extra = snapshots - per * channels;
    let last = at + Duration::days(5);
    let mut n = 0usize;
    for (i, ch) in imported.iter().enumerate() {
        let count = per + usize::from(extra > 0);
        extra = extra.saturating_sub(1);
        for k in 0..count {
            let back = (count - 1 - k) as i64;
            let finished = last - Duration::days(back * 45 + (i % 9) as i64)
                + Duration::seconds((i * 37 + k) as i64)
                + Duration::nanoseconds(123_456_789 + (i * 1_000 + k) as i64);
            let started = finished - Duration::minutes(3);
            let single = k % 13 == 7;
            let reason = if single {
                SnapshotReason::SingleItem
            } else if k % 17 == 5 {
                SnapshotReason::MajorChange
            } else if k % 10 == 3 {
                SnapshotReason::AdHoc
            } else {
                SnapshotReason::HalfYearly
            };
            let status = if (i + k) % 11 == 0 {
                SnapshotStatus::Failed
            } else if (i + k) % 7 == 0 {
                SnapshotStatus::Partial
            } else {
                SnapshotStatus::Complete
            };
            let urls: Vec<String> = if single {
                vec![format!("https://www.facebook.com/kanal{i}/posts/{k}")]
            } else {
                ch.urls.clone()
            };
            let pages: Vec<PageRecord> = urls
                .iter()
                .enumerate()
                .map(|(p, url)| {
                    let ok = match status {
                        SnapshotStatus::Complete => true,
                        SnapshotStatus::Partial => p == 0,
                        SnapshotStatus::Failed => false,
                    };
                    page(url, p + 1, ok, started, finished, &file)
                })
                .collect();
            let id = format!("s{:06}-{:04}", ch.id, k);
            let snapshot = Snapshot {
                id: id.clone(),
                channel_id: ch.id,
                reason,
                reason_note: None,
                reason_message: None,
                status,
                started_at: started,
                finished_at: finished,
                operator: "Åsa Öberg".into(),
                pages,
                diary_number: None,
                single_address: single.then(|| urls[0].clone()),
                files: Vec::new(),
            };
            let dir = app
                .store()
                .folder_path(&format!("channels/{}/snapshots/{id}", ch.id))
                .unwrap();
            std::fs::create_dir_all(&dir).unwrap();
            // A file system allows so many links to one file: a copy per 5,000 snapshots.
            let source = data.join(format!("bench-page-{}.bin", n / 5_000));
            if !source.exists() {
                std::fs::copy(&blob, &source).unwrap();
            }
            for f in snapshot.all_files() {
                std::fs::hard_link(&source, dir.join(&f.path)).unwrap();
            }
            let manifest = SnapshotManifest {
                format: SnapshotManifest::FORMAT.to_string(),
                snapshot,
                channel: ch.clone(),
            };
            std::fs::write(
                dir.join(SnapshotManifest::FILE_NAME),
                serde_json::to_vec_pretty(&manifest).unwrap(),
            )
            .unwrap();
            n += 1;
        }
    }
    let t = Instant::now();
    let r = app.reindex().expect("reindex");
    assert_eq!(r.snapshots as usize, n, "{:?}", r.warnings);
    assert_eq!(r.channels as usize, channels, "{:?}", r.warnings);
    for i in 0..=n / 5_000 {
        std::fs::remove_file(data.join(format!("bench-page-{i}.bin"))).ok();
    }
    std::fs::remove_file(&blob).ok();
    eprintln!(
        "built {channels} channels, {n} snapshots in {} (reindex {:.1} s)",
        data.display(),
        t.elapsed().as_secs_f64()
    );
}

fn page(
    url: &str,
    n: usize,
    ok: bool,
    started: Timestamp,
    finished: Timestamp,
    file: &dyn Fn(FileRole, String, &str) -> FileRecord,
) -> PageRecord {
    PageRecord {
        url: url.into(),
        ok,
        error: (!ok).then(|| "The page answered with HTTP status 503.".into()),
        error_sv: None,
        message: None,
        files: if ok {
            vec![
                file(FileRole::Png, format!("page-{n:02}.png"), "image/png"),
                file(FileRole::Pdf, format!("page-{n:02}.pdf"), "application/pdf"),
            ]
        } else {
            Vec::new()
        },
        report: CompletenessReport {
            final_url: Some(url.into()),
            http_status: Some(if ok { 200 } else { 503 }),
            title: Some("Växjö kommun – Facebook".into()),
            page_width: 1280,
            page_height: 14_200,
            slices: 8,
            pdf_pages: 12,
            images_failed: vec![],
            requests_failed: vec!["https://static.xx.fbcdn.net/rsrc.php/v3/y4/r/abc.js".into()],
            walls_detected: vec![],
            consent_clicked: vec!["Tillåt alla cookies".into()],
            truncated: None,
            duration_ms: 41_250,
            ..Default::default()
        },
        provenance: Provenance {
            started_at: started,
            finished_at: finished,
            operator: "Åsa Öberg".into(),
            tool: "Ögonblick".into(),
            tool_version: "0.1.0".into(),
            browser_version: "Chromium 131.0.6778.85".into(),
            user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36".into(),
            viewport_width: 1280,
            viewport_height: 900,
            tls_certificates: vec!["CN=*.facebook.com, O=Meta Platforms, Inc.".into()],
            tls_protocol: Some("TLS 1.3".into()),
        },
    }
}

/// The CPU time this thread has used (Linux: `/proc/thread-self/schedstat`),
/// in nanoseconds: on a shared machine the wall time also counts the time
/// other processes held the cores.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The length of a value's JSON, as the desktop sends it to the window.
fn json_len<T: serde::Serialize>(v: &T) -> usize {
    serde_json::to_vec(v).unwrap().len()
}

fn digest<T: serde::Serialize>(v: &T) -> String {
    hex::encode(Sha256::digest(serde_json::to_vec(v).unwrap()))[..16].to_string()
}

fn time(data: &Path, runs: usize) {
    let app = open(data);
    let at = Some(at());
    let channels = app.store().channels().expect("channels");
    let one: ChannelId = channels[channels.len() / 2].id;
    let timed = |f: &mut dyn FnMut() -> String| {
        let check = f();
        let (mut ms, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let (t, c0) = (Instant::now(), cpu_ns());
            let c = f();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            if let (Some(c0), Some(c1)) = (c0, cpu_ns()) {
                cpu.push(c1.saturating_sub(c0) as f64 / 1e6);
            }
            assert_eq!(c, check);
        }
        let cpu = if cpu.is_empty() { -1.0 } else { median(cpu) };
        (median(ms), cpu, check)
    };
    let (due_ms, due_cpu, due) = timed(&mut || {
        let r = app.due(at).expect("due");
        assert_eq!(r.channels.len(), channels.len());
        digest(&r)
    });
    let (coverage_ms, coverage_cpu, coverage) =
        timed(&mut || digest(&app.coverage(at).expect("coverage")));
    // Översikt in the desktop: the table's counts and its first page of rows
    // from one report, as the view asks when it opens.
    let query = ogonblick_app::CoverageQuery {
        limit: 50,
        ..Default::default()
    };
    let (overview_ms, _, _) =
        timed(&mut || digest(&app.coverage_view(at, &query).expect("coverage view")));
    let coverage_bytes = json_len(&app.coverage(at).expect("coverage"));
    let overview_bytes = json_len(&app.coverage_view(at, &query).expect("coverage view"));
    let (history_ms, history_cpu, history) = timed(&mut || {
        let h = app.history(Some(one)).expect("history");
        let marks = app.marks().expect("marks");
        let stamps = app
            .timestamp_states_of(Some(one))
            .expect("timestamp states");
        assert!(!h.is_empty());
        digest(&(h, marks, stamps))
    });
    println!(
        "{{\"channels\": {}, \"due_ms\": {due_ms:.2}, \"coverage_ms\": {coverage_ms:.2}, \"history_ms\": {history_ms:.2}, \"overview_ms\": {overview_ms:.2}, \"coverage_bytes\": {coverage_bytes}, \"overview_bytes\": {overview_bytes}, \"due_cpu_ms\": {due_cpu:.2}, \"coverage_cpu_ms\": {coverage_cpu:.2}, \"history_cpu_ms\": {history_cpu:.2}, \"due_sha\": \"{due}\", \"coverage_sha\": \"{coverage}\", \"history_sha\": \"{history}\"}}",
        channels.len()
    );
}
