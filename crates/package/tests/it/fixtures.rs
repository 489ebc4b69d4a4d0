//! Synthetic snapshot folders made of real files: PNGs written by the `png`
//! crate, PDFs drawn with lopdf and (for the captures) finished to PDF/A-2b by
//! ogonblick-pdfa, exactly as the capture pipeline stores them.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use lopdf::{dictionary, Document, Object, Stream};
use ogonblick_model::*;
use ogonblick_package::{
    PackageError, PackageFormat, PackageOrg, PackageRequest, PackageSummary, Retention,
};
use sha2::{Digest, Sha256};

pub const ICC: &str = "/usr/share/color/icc/sRGB.icc";

pub fn t(h: u32, m: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 10, h, m, 0).unwrap()
}

#[derive(Clone, Copy)]
pub enum PngKind {
    Plain,
    Srgb,
    Itxt,
}

pub fn png_bytes(w: u32, h: u32, kind: PngKind, seed: u8) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        match kind {
            PngKind::Plain => {}
            PngKind::Srgb => enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual),
            PngKind::Itxt => enc
                .add_itxt_chunk("Source".into(), "https://example.org/åäö".into())
                .unwrap(),
        }
        let mut wr = enc.write_header().unwrap();
        let data: Vec<u8> = (0..(w * h * 3))
            .map(|i| (i as u8).wrapping_mul(seed).wrapping_add(seed))
            .collect();
        wr.write_image_data(&data).unwrap();
    }
    out
}

/// A one-page PDF 1.4 with a filled rectangle (no fonts).
pub fn plain_pdf(seed: u8) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let content = format!(
        "0.{} 0.2 0.6 rg 50 50 {} 200 re f\n",
        seed % 10,
        100 + seed as i64
    );
    let cid = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![Object::Integer(0), Object::Integer(0), Object::Integer(595), Object::Integer(842)],
        "Contents" => cid,
    });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![Object::Reference(page)], "Count" => 1 }));
    let cat = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", cat);
    let mut v = Vec::new();
    doc.save_to(&mut v).unwrap();
    v
}

pub fn pdfa_pdf(seed: u8, url: &str) -> Vec<u8> {
    let meta = ogonblick_pdfa::PdfAMeta {
        title: format!("Capture {seed}"),
        source_url: url.into(),
        created: t(10, 5),
        producer: "Ögonblick test".into(),
        creator_tool: "Ögonblick test with Chrome/156".into(),
        icc_profile: ICC.into(),
        subject: None,
    };
    ogonblick_pdfa::finish(&plain_pdf(seed), &meta).unwrap().0
}

pub fn file_record(dir: &Path, rel: &str, role: FileRole, bytes: &[u8]) -> FileRecord {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    FileRecord {
        role,
        path: rel.into(),
        sha256: hex::encode(Sha256::digest(bytes)),
        size: bytes.len() as u64,
        media_type: if role == FileRole::Png {
            "image/png".into()
        } else {
            "application/pdf".into()
        },
    }
}

pub fn channel(id: i64, name: &str) -> Channel {
    Channel {
        id,
        name: name.into(),
        platform: Platform::Facebook,
        urls: vec![
            "https://www.facebook.com/kulturnamnden".into(),
            "https://www.facebook.com/kulturnamnden/about".into(),
        ],
        board: Some("Kultur- och fritidsnämnden".into()),
        unit: Some("Kulturförvaltningen".into()),
        responsible: Some("Anna Andersson".into()),
        substitute: Some("Bo Berg".into()),
        purpose: Some("Information om kulturlivet".into()),
        audience: Some("Invånare".into()),
        policy: Some(SchedulePolicy::HalfYearly),
        status: ChannelStatus::Active,
        created_at: t(8, 0),
        closing_started_at: None,
        closed_at: None,
        notes: None,
    }
}

pub fn provenance(h: u32) -> Provenance {
    Provenance {
        started_at: t(h, 0),
        finished_at: t(h, 1),
        operator: "anna.andersson".into(),
        tool: "Ögonblick".into(),
        tool_version: "0.1.0".into(),
        browser_version: "Chrome/156.0.8078.79".into(),
        user_agent: "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156".into(),
        viewport_width: 1280,
        viewport_height: 900,
        tls_certificates: vec!["CN=*.facebook.com".into()],
        tls_protocol: Some("TLS 1.3".into()),
    }
}

/// A snapshot folder with `pages` pages (PNG + PDF each); `kinds` rotate
/// through plain / sRGB / iTXt PNGs and PDF/A vs plain PDF for page 3.
pub fn snapshot(
    root: &Path,
    id: &str,
    channel_name: &str,
    pages: usize,
) -> (SnapshotManifest, PathBuf) {
    let dir = root.join(id);
    std::fs::create_dir_all(&dir).unwrap();
    let mut recs = Vec::new();
    for i in 0..pages {
        let url = format!("https://www.facebook.com/kulturnamnden/sida{i}");
        let kind = [PngKind::Plain, PngKind::Srgb, PngKind::Itxt][i % 3];
        let png = png_bytes(40 + i as u32, 60, kind, (i + 3) as u8);
        let pdf = if i == 2 {
            plain_pdf(i as u8)
        } else {
            pdfa_pdf(i as u8, &url)
        };
        let f1 = file_record(
            &dir,
            &format!("page-{:02}/screenshot.png", i + 1),
            FileRole::Png,
            &png,
        );
        let f2 = file_record(
            &dir,
            &format!("page-{:02}/page.pdf", i + 1),
            FileRole::Pdf,
            &pdf,
        );
        recs.push(PageRecord {
            url: url.clone(),
            ok: true,
            error: None,
            error_sv: None,
            message: None,
            files: vec![f1, f2],
            report: CompletenessReport {
                final_url: Some(url),
                http_status: Some(200),
                title: Some("Kulturnämnden <&> \"citat\"".into()),
                page_width: 1280,
                page_height: 4000,
                slices: 5,
                pdf_pages: 3,
                consent_clicked: vec!["Tillåt alla cookies".into()],
                duration_ms: 5230,
                ..Default::default()
            },
            provenance: provenance(10 + i as u32),
        });
    }
    let snapshot = Snapshot {
        id: id.into(),
        channel_id: 7,
        reason: SnapshotReason::HalfYearly,
        reason_note: None,
        reason_message: None,
        status: SnapshotStatus::Complete,
        started_at: t(10, 0),
        finished_at: t(10, 30),
        operator: "anna.andersson".into(),
        pages: recs,
        diary_number: Some("KFN 2026/42".into()),
        single_address: None,
        files: Vec::new(),
    };
    let m = SnapshotManifest {
        format: SnapshotManifest::FORMAT.into(),
        snapshot,
        channel: channel(7, channel_name),
    };
    std::fs::write(
        dir.join(SnapshotManifest::FILE_NAME),
        serde_json::to_vec_pretty(&m).unwrap(),
    )
    .unwrap();
    (m, dir)
}

pub fn org() -> PackageOrg {
    PackageOrg {
        organisation_name: "Nacka kommun".into(),
        organisation_number: "212000-0167".into(),
        e_archive_name: "Nacka e-arkiv".into(),
        submission_agreement: "LÖ 2026:3".into(),
        archive_creator: "Kultur- och fritidsnämnden".into(),
        submitting_unit: "Kommunikationsenheten".into(),
        classification_code: "1.4.2".into(),
        document_plan_row: "KFN 4.2.1 Ögonblicksbilder av sociala medier".into(),
        retention: Retention::Preserve,
        language: Language::Sv,
    }
}

pub fn request(root: &Path, format: PackageFormat) -> PackageRequest {
    let a = snapshot(
        root,
        "11111111-aaaa-4aaa-8aaa-000000000001",
        "Kulturnämnden på Facebook",
        3,
    );
    let b = snapshot(
        root,
        "11111111-aaaa-4aaa-8aaa-000000000002",
        "../../etc/passwd <Fritid & Idrott>: \"Öppet\" 😀",
        1,
    );
    PackageRequest {
        snapshots: vec![a, b],
        org: org(),
        label: "Ögonblicksbilder Kultur- och fritidsnämnden 2026".into(),
        format,
        exported_by: "bo.berg".into(),
        icc_profile: Some(ICC.into()),
        removals: Vec::new(),
        marks: Vec::new(),
        tsa_roots: Vec::new(),
    }
}

pub fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 3, 11, 9, 0, 0).unwrap())
}

/// Exports `req` to `out` with the fixed [`clock`], sequential ids, no
/// progress and no cancellation.
pub fn export(req: &PackageRequest, out: &Path) -> Result<PackageSummary, PackageError> {
    export_with(req, out, &NoProgress, &CancelToken::new())
}

/// [`export`] with a progress sink and a cancel token of the test's own.
pub fn export_with(
    req: &PackageRequest,
    out: &Path,
    sink: &dyn ProgressSink,
    cancel: &CancelToken,
) -> Result<PackageSummary, PackageError> {
    ogonblick_package::export_package(req, out, &clock(), &SequentialIds::default(), sink, cancel)
}
