//! The disposal tests' data directory: channels, snapshots and removal
//! records made (with real files) a year and a half ago, and the files'
//! hashes to compare before and after.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::store::fsutil::list_files;
use ogonblick_app::store::SuppliedSource;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    CompletenessReport, Evidence, FileRecord, FileRole, FixedClock, GroundChoice, NewChannel,
    PageRecord, Platform, PoliceReport, Provenance, RemovalAction, RemovalRecord, RemovedKind,
    SequentialIds, Snapshot, SnapshotReason, SnapshotStatus, Timestamp,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub(super) fn then() -> Timestamp {
    Utc.with_ymd_and_hms(2025, 3, 3, 10, 0, 0).unwrap()
}

/// The data directory `data` under `tmp`, and a screenshot `s.png` beside it.
pub(super) fn data_dir(tmp: &Path) -> (PathBuf, PathBuf) {
    let shot = tmp.join("s.png");
    std::fs::write(&shot, b"\x89PNG\r\n\x1a\nskarmbild").unwrap();
    (tmp.join("data"), shot)
}

/// The application on `d` as Åsa, with the clock at [`then`] and
/// sequential ids.
pub(super) fn open_then(d: &Path) -> App {
    App::open(
        AppConfig {
            data_dir: d.to_path_buf(),
            operator: "Åsa".into(),
        },
        Arc::new(FixedClock::new(then())),
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
}

/// The channel Kommunen of Kommunstyrelsen.
pub(super) fn kommunen(app: &App) -> i64 {
    channel(
        app,
        "Kommunen",
        "Kommunstyrelsen",
        "https://www.facebook.com/k",
    )
}

/// The channel Biblioteket of Kulturnämnden.
pub(super) fn biblioteket(app: &App) -> i64 {
    channel(
        app,
        "Biblioteket",
        "Kulturnämnden",
        "https://www.facebook.com/b",
    )
}

pub(super) fn channel(app: &App, name: &str, board: &str, url: &str) -> i64 {
    app.add_channel(NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![url.into()],
        board: Some(board.into()),
        unit: None,
        responsible: None,
        substitute: None,
        purpose: None,
        audience: None,
        policy: None,
        notes: None,
    })
    .unwrap()
    .id
}

fn file(role: FileRole, path: &str, bytes: &[u8], media: &str) -> FileRecord {
    FileRecord {
        role,
        path: path.into(),
        sha256: hex::encode(Sha256::digest(bytes)),
        size: bytes.len() as u64,
        media_type: media.into(),
    }
}

/// A snapshot with a PNG and a PDF of one page, stored as a capture stores it.
pub(super) fn snapshot(app: &App, ch: i64, id: &str, reason: SnapshotReason, url: &str) {
    let store = app.store();
    let staging = store.begin_snapshot(ch, id).unwrap();
    let png = [b"\x89PNG\r\n\x1a\n".as_slice(), id.as_bytes()].concat();
    let pdf = format!("%PDF-1.7\n% {id}\n%%EOF\n").into_bytes();
    std::fs::write(staging.path().join("page-01.png"), &png).unwrap();
    std::fs::write(staging.path().join("page-01.pdf"), &pdf).unwrap();
    let snap = Snapshot {
        id: id.into(),
        channel_id: ch,
        reason,
        reason_note: None,
        reason_message: None,
        status: SnapshotStatus::Complete,
        started_at: then(),
        finished_at: then(),
        operator: "Åsa".into(),
        pages: vec![PageRecord {
            url: url.into(),
            ok: true,
            error: None,
            error_sv: None,
            message: None,
            files: vec![
                file(FileRole::Png, "page-01.png", &png, "image/png"),
                file(FileRole::Pdf, "page-01.pdf", &pdf, "application/pdf"),
            ],
            report: CompletenessReport::default(),
            provenance: Provenance::default(),
        }],
        diary_number: None,
        single_address: (reason == SnapshotReason::SingleItem).then(|| url.to_string()),
        files: Vec::new(),
    };
    store.commit_snapshot(staging, snap).unwrap();
}

pub(super) fn record(
    app: &App,
    ch: i64,
    id: &str,
    ground: &str,
    diary: Option<&str>,
    evidence: Option<&str>,
    shot: &Path,
) {
    let r = RemovalRecord {
        id: id.into(),
        version: 1,
        channel_id: ch,
        url: format!("https://www.facebook.com/post/{id}"),
        kind: RemovedKind::Comment,
        author: Some("Någon".into()),
        published_at: None,
        text: Some("Köp billiga klockor".into()),
        removed_at: then(),
        removed_by: "Åsa".into(),
        action: RemovalAction::Deleted,
        ground: GroundChoice {
            code: ground.into(),
            label_sv: ground.into(),
            label_en: ground.into(),
            text: None,
        },
        police_report: PoliceReport::default(),
        contact: None,
        forwarded: None,
        diary_number: diary.map(str::to_string),
        certified: None,
        evidence: Evidence::Snapshot {
            snapshot_id: evidence.unwrap_or("").into(),
        },
        supplied_by_hand: false,
        recorded_at: then(),
        recorded_by: "Åsa".into(),
        change_note: None,
    };
    let src = SuppliedSource {
        path: shot.to_path_buf(),
        original_name: "skärmbild.png".into(),
    };
    let file = evidence.is_none().then_some(&src);
    app.store().add_removal(r, file).unwrap();
}

/// Every file of every folder under `channels/` with its SHA-256.
pub(super) fn hashes(d: &Path) -> HashMap<String, String> {
    let root = d.join("channels");
    list_files(&root)
        .unwrap()
        .into_iter()
        .map(|f| {
            let (sha, _) = sha256_file(&root.join(&f)).unwrap();
            (format!("channels/{f}"), sha)
        })
        .collect()
}

pub(super) fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i.get("item_id")
                .or_else(|| i["item"].get("item_id"))
                .or_else(|| i.get("id"))
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}
