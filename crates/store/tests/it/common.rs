use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use ogonblick_model::{
    CompletenessReport, FileRecord, FileRole, FixedClock, NewChannel, PageRecord, Platform,
    Provenance, Snapshot, SnapshotReason, SnapshotStatus, Timestamp,
};
use ogonblick_store::Store;
use sha2::{Digest, Sha256};

pub fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 15, 9, 30, 0).unwrap()
}

pub fn open(dir: &Path) -> (Store, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(t0()));
    (Store::open(dir, clock.clone()).expect("open store"), clock)
}

pub fn new_channel(name: &str, urls: &[&str]) -> NewChannel {
    NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: urls.iter().map(|s| s.to_string()).collect(),
        board: Some("Kommunstyrelsen".into()),
        unit: Some("Kommunikationsenheten".into()),
        responsible: Some("Åsa Öberg".into()),
        substitute: Some("Pär Ähl".into()),
        purpose: Some("Information till invånare".into()),
        audience: Some("Invånare".into()),
        policy: None,
        notes: Some("Kommentarsregler på sidan Om".into()),
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

/// A real, valid RGB PNG of `w`×`h` pixels (stored deflate blocks).
pub fn png(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0u8);
        for x in 0..w {
            raw.extend_from_slice(&[seed.wrapping_add(x as u8), (y as u8).wrapping_mul(7), 200]);
        }
    }
    let mut z = vec![0x78, 0x01];
    let chunks: Vec<&[u8]> = raw.chunks(65535).collect();
    for (i, c) in chunks.iter().enumerate() {
        z.push(if i + 1 == chunks.len() { 1 } else { 0 });
        let len = c.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(c);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut c = kind.to_vec();
        c.extend_from_slice(data);
        out.extend_from_slice(&c);
        out.extend_from_slice(&crc32(&c).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &z);
    chunk(b"IEND", &[]);
    out
}

/// A small one-page PDF with a text line.
pub fn pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objs = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

pub fn record(role: FileRole, path: &str, bytes: &[u8]) -> FileRecord {
    FileRecord {
        role,
        path: path.into(),
        sha256: hex::encode(Sha256::digest(bytes)),
        size: bytes.len() as u64,
        media_type: match role {
            FileRole::Png => "image/png".into(),
            FileRole::Pdf | FileRole::Original => "application/pdf".into(),
            FileRole::WebArchive => "application/x-wacz".into(),
            FileRole::Text => "application/json".into(),
        },
    }
}

pub fn provenance(at: Timestamp) -> Provenance {
    Provenance {
        started_at: at,
        finished_at: at + chrono::Duration::seconds(12),
        operator: "Åsa".into(),
        tool: "ogonblick".into(),
        tool_version: "0.1.0".into(),
        browser_version: "Chromium 140".into(),
        user_agent: "Mozilla/5.0".into(),
        viewport_width: 1280,
        viewport_height: 800,
        tls_certificates: vec![],
        tls_protocol: Some("TLS 1.3".into()),
    }
}

/// Captures a "snapshot" of a channel by writing real PNG and PDF files into
/// a staging folder and committing it.
pub fn commit_real_snapshot(
    store: &Store,
    channel_id: i64,
    id: &str,
    urls: &[String],
    at: Timestamp,
) -> Snapshot {
    commit_snapshot_as(
        store,
        channel_id,
        id,
        urls,
        (at, at + chrono::Duration::seconds(30)),
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
    )
}

/// [`commit_real_snapshot`] with its start and finish, reason and status:
/// a failed snapshot's pages failed (no files), a partial one's first page
/// only was taken. A one-address capture (`SnapshotReason::SingleItem`)
/// records its first address as `single_address`.
pub fn commit_snapshot_as(
    store: &Store,
    channel_id: i64,
    id: &str,
    urls: &[String],
    (at, finished_at): (Timestamp, Timestamp),
    reason: SnapshotReason,
    status: SnapshotStatus,
) -> Snapshot {
    let staging = store.begin_snapshot(channel_id, id).expect("begin");
    let mut pages = Vec::new();
    for (i, url) in urls.iter().enumerate() {
        let ok = match status {
            SnapshotStatus::Complete => true,
            SnapshotStatus::Partial => i == 0,
            SnapshotStatus::Failed => false,
        };
        let mut files = Vec::new();
        if ok {
            let png_bytes = png(16 + i as u32, 9, i as u8);
            let pdf_bytes = pdf(&format!("Sida {i} av {url}"));
            let dir = staging.path().join(format!("page-{i}"));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("page.png"), &png_bytes).unwrap();
            std::fs::write(dir.join("page.pdf"), &pdf_bytes).unwrap();
            files = vec![
                record(FileRole::Png, &format!("page-{i}/page.png"), &png_bytes),
                record(FileRole::Pdf, &format!("page-{i}/page.pdf"), &pdf_bytes),
            ];
        }
        pages.push(PageRecord {
            url: url.clone(),
            ok,
            error: (!ok).then(|| "HTTP 503".into()),
            error_sv: None,
            message: None,
            files,
            report: CompletenessReport {
                final_url: Some(url.clone()),
                http_status: Some(if ok { 200 } else { 503 }),
                title: Some("Nacka kommun".into()),
                page_width: 1280,
                page_height: 4000,
                slices: 5,
                pdf_pages: 3,
                ..Default::default()
            },
            provenance: provenance(at),
        });
    }
    let snap = Snapshot {
        id: id.into(),
        channel_id,
        reason,
        reason_note: None,
        reason_message: None,
        status,
        started_at: at,
        finished_at,
        operator: "Åsa".into(),
        pages,
        diary_number: Some("KS-2026/123".into()),
        single_address: (reason == SnapshotReason::SingleItem).then(|| urls[0].clone()),
        files: Vec::new(),
    };
    store
        .commit_snapshot(staging, snap.clone())
        .expect("commit");
    snap
}
