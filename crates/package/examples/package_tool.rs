//! Helper for bench/export/run.sh and for poking at packages by hand:
//!
//!   package_tool gen DIR TOTAL_MB FILE_MB   snapshot folders of real PNGs (random pixels, stored)
//!   package_tool export DIR OUT             package every snapshot under DIR into OUT (zip)
//!   package_tool verify PACKAGE             print the verify report as JSON

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use ogonblick_model::*;
use ogonblick_package::*;
use sha2::{Digest, Sha256};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let r = match args.get(1).map(String::as_str) {
        Some("gen") => gen(
            Path::new(&args[2]),
            args[3].parse().unwrap(),
            args[4].parse().unwrap(),
        ),
        Some("export") => export(Path::new(&args[2]), Path::new(&args[3])),
        Some("verify") => {
            let r = verify_package(Path::new(&args[2]), &NoProgress).unwrap();
            println!("{}", serde_json::to_string_pretty(&r).unwrap());
            Ok(())
        }
        _ => Err(
            "usage: package_tool gen DIR TOTAL_MB FILE_MB | export DIR OUT | verify PACKAGE"
                .to_string(),
        ),
    };
    match r {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// xorshift: cheap incompressible bytes
fn fill(buf: &mut [u8], state: &mut u64) {
    for c in buf.chunks_mut(8) {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let b = state.to_le_bytes();
        c.copy_from_slice(&b[..c.len()]);
    }
}

fn gen(dir: &Path, total_mb: u64, file_mb: u64) -> Result<(), String> {
    let n_files = (total_mb / file_mb).max(1);
    let width = 2000u32;
    let height = ((file_mb * 1024 * 1024) / (width as u64 * 3)) as u32;
    let mut state = 0x9E3779B97F4A7C15u64;
    let per_snapshot = 4u64;
    let mut idx = 0u64;
    let mut s = 0;
    while idx < n_files {
        s += 1;
        let id = format!("22222222-0000-4000-8000-{s:012}");
        let sdir = dir.join(&id);
        let mut pages = Vec::new();
        for _ in 0..per_snapshot.min(n_files - idx) {
            idx += 1;
            let rel = format!("page-{idx:03}/screenshot.png");
            let p = sdir.join(&rel);
            std::fs::create_dir_all(p.parent().unwrap()).map_err(|e| e.to_string())?;
            let f = std::io::BufWriter::new(std::fs::File::create(&p).map_err(|e| e.to_string())?);
            let mut enc = png::Encoder::new(f, width, height);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            enc.set_compression(png::Compression::NoCompression);
            let mut w = enc.write_header().map_err(|e| e.to_string())?;
            let mut sw = w.stream_writer().map_err(|e| e.to_string())?;
            let mut row = vec![0u8; width as usize * 3];
            for _ in 0..height {
                fill(&mut row, &mut state);
                sw.write_all(&row).map_err(|e| e.to_string())?;
            }
            sw.finish().map_err(|e| e.to_string())?;
            w.finish().map_err(|e| e.to_string())?;
            let bytes = std::fs::read(&p).map_err(|e| e.to_string())?;
            let t = Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap();
            pages.push(PageRecord {
                url: format!("https://example.org/page{idx}"),
                ok: true,
                error: None,
                error_sv: None,
                message: None,
                files: vec![FileRecord {
                    role: FileRole::Png,
                    path: rel,
                    sha256: hex::encode(Sha256::digest(&bytes)),
                    size: bytes.len() as u64,
                    media_type: "image/png".into(),
                }],
                report: CompletenessReport::default(),
                provenance: Provenance {
                    started_at: t,
                    finished_at: t,
                    operator: "bench".into(),
                    tool: "Ögonblick".into(),
                    tool_version: "0.1.0".into(),
                    ..Default::default()
                },
            });
        }
        let t = Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap();
        let m = SnapshotManifest {
            format: SnapshotManifest::FORMAT.into(),
            snapshot: Snapshot {
                id: id.clone(),
                channel_id: 1,
                reason: SnapshotReason::AdHoc,
                reason_note: None,
                reason_message: None,
                status: SnapshotStatus::Complete,
                started_at: t,
                finished_at: t,
                operator: "bench".into(),
                pages,
                diary_number: None,
                single_address: None,
                files: Vec::new(),
            },
            channel: Channel {
                id: 1,
                name: "Bänk".into(),
                platform: Platform::Other,
                urls: vec!["https://example.org".into()],
                board: None,
                unit: None,
                responsible: None,
                substitute: None,
                purpose: None,
                audience: None,
                policy: None,
                status: ChannelStatus::Active,
                created_at: t,
                closing_started_at: None,
                closed_at: None,
                notes: None,
            },
        };
        std::fs::write(
            sdir.join(SnapshotManifest::FILE_NAME),
            serde_json::to_vec_pretty(&m).unwrap(),
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn export(dir: &Path, out: &Path) -> Result<(), String> {
    let mut snaps = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for sdir in entries {
        let j = sdir.join(SnapshotManifest::FILE_NAME);
        if let Ok(b) = std::fs::read(&j) {
            let m: SnapshotManifest = serde_json::from_slice(&b).map_err(|e| e.to_string())?;
            snaps.push((m, sdir));
        }
    }
    let req = PackageRequest {
        snapshots: snaps,
        org: PackageOrg {
            organisation_name: "Bänkkommun".into(),
            archive_creator: "Kommunstyrelsen".into(),
            ..Default::default()
        },
        label: "bench".into(),
        format: PackageFormat::Zip,
        exported_by: "bench".into(),
        icc_profile: None,
        removals: Vec::new(),
        marks: Vec::new(),
        tsa_roots: Vec::new(),
    };
    let s = export_package(
        &req,
        out,
        &SystemClock,
        &RandomIds,
        &NoProgress,
        &CancelToken::new(),
    )
    .map_err(|e| e.to_string())?;
    println!("{} {} bytes {} files", s.path.display(), s.size, s.files);
    Ok(())
}
