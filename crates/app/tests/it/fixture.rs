//! Shared helpers of the appext tests (coverage, files, scheduler, major
//! change): an app on a fixed clock, channels, and snapshots stored through
//! the store's normal staging + commit path with real files.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::{App, AppConfig, EvidenceSource, NewRemoval};
use ogonblick_model::{
    ChannelId, CompletenessReport, FileRecord, FileRole, FixedClock, NewChannel, PageRecord,
    Platform, Provenance, RemovedKind, SchedulePolicy, SequentialIds, Snapshot, SnapshotReason,
    SnapshotStatus, Timestamp,
};

pub fn t(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub fn open_at(dir: &Path, clock: Arc<FixedClock>) -> App {
    App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Testare".into(),
        },
        clock,
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
}

pub fn add(
    app: &App,
    name: &str,
    board: Option<&str>,
    unit: Option<&str>,
    policy: Option<SchedulePolicy>,
) -> ChannelId {
    app.add_channel(NewChannel {
        name: name.into(),
        platform: Some(Platform::Instagram),
        urls: vec![format!(
            "https://example.org/{}",
            name.to_lowercase().replace(' ', "-")
        )],
        board: board.map(Into::into),
        unit: unit.map(Into::into),
        responsible: Some(format!("Ansvarig för {name}")),
        substitute: Some(format!("Ersättare för {name}")),
        policy,
        ..Default::default()
    })
    .unwrap()
    .id
}

/// A real PNG: `width` x `height`, RGB, rows below `split` blue, above red.
pub fn png_bytes(width: u32, height: u32, split: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut w = enc.write_header().unwrap();
        let mut s = w.stream_writer().unwrap();
        use std::io::Write;
        let red: Vec<u8> = (0..width).flat_map(|_| [220u8, 20, 30]).collect();
        let blue: Vec<u8> = (0..width).flat_map(|_| [10u8, 40, 200]).collect();
        for y in 0..height {
            s.write_all(if y < split { &red } else { &blue }).unwrap();
        }
        s.finish().unwrap();
    }
    out
}

/// Stores a snapshot finished at `at` (started 3 minutes before) through
/// `begin_snapshot` / `commit_snapshot`. Captured pages get `page-01.png`
/// with `png` as content (or a small real PNG).
pub fn store_snapshot(
    app: &App,
    clock: &FixedClock,
    channel: ChannelId,
    at: &str,
    reason: SnapshotReason,
    status: SnapshotStatus,
    png: Option<Vec<u8>>,
) -> Snapshot {
    clock.set(t(at));
    let id = app.ids().new_id();
    let store = app.store();
    let staging = store.begin_snapshot(channel, &id).unwrap();
    let url = store.channel(channel).unwrap().urls[0].clone();
    let captured = status != SnapshotStatus::Failed;
    let mut files = Vec::new();
    if captured {
        let path = staging.path().join("page-01.png");
        std::fs::write(&path, png.unwrap_or_else(|| png_bytes(40, 60, 30))).unwrap();
        let (sha256, size) = sha256_file(&path).unwrap();
        files.push(FileRecord {
            role: FileRole::Png,
            path: "page-01.png".into(),
            sha256,
            size,
            media_type: "image/png".into(),
        });
    }
    let prov = Provenance {
        started_at: t(at),
        finished_at: t(at),
        operator: "Testare".into(),
        ..Default::default()
    };
    let mut pages = vec![PageRecord {
        url: url.clone(),
        ok: captured,
        error: (!captured).then(|| "the page did not load".to_string()),
        error_sv: None,
        message: None,
        files,
        report: CompletenessReport::default(),
        provenance: prov.clone(),
    }];
    if status == SnapshotStatus::Partial {
        pages.push(PageRecord {
            url: format!("{url}/about"),
            ok: false,
            error: Some("a login wall".into()),
            error_sv: None,
            message: None,
            files: vec![],
            report: CompletenessReport::default(),
            provenance: prov,
        });
    }
    let snap = Snapshot {
        id,
        channel_id: channel,
        reason,
        reason_note: None,
        reason_message: None,
        status,
        started_at: t(at) - chrono::Duration::minutes(3),
        finished_at: t(at),
        operator: "Testare".into(),
        pages,
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    };
    store.commit_snapshot(staging, snap.clone()).unwrap();
    snap
}

/// A removal record of a comment at `url` on `channel_id`, removed on
/// 1 April 2026 as "hot", with `evidence`.
pub fn removal(channel_id: ChannelId, url: &str, evidence: EvidenceSource) -> NewRemoval {
    NewRemoval {
        channel_id,
        url: url.into(),
        kind: RemovedKind::Comment,
        ground: "hot".into(),
        ground_text: None,
        action: None,
        author: None,
        published_at: None,
        text: None,
        removed_at: Some(t("2026-04-01T09:00:00Z")),
        removed_by: None,
        police_report: None,
        police_report_date: None,
        police_reported: None,
        contacted_at: None,
        contact_how: None,
        contact_message: None,
        rules_page: None,
        forwarded_to: None,
        forwarded_at: None,
        diary_number: None,
        evidence,
    }
}
