//! Writing a package. Order inside the container: representation data first
//! (streamed, hashed, sniffed), then descriptive metadata, schemas,
//! documentation, PREMIS, the representation METS and last the root METS,
//! which can then carry every checksum. The container is written to a
//! temporary name in the target directory and renamed when complete; the
//! `.sha256` sidecar likewise.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io;
use std::path::{Component, Path, PathBuf};

use ogonblick_model::{
    CancelToken, Clock, FileRole, IdGen, PageRecord, ProgressEvent, ProgressSink, SnapshotManifest,
    Stage, Timestamp,
};

use crate::container::{sha256_file, Copied, Writer};
use crate::inventory::{self, Line};
use crate::names::{one_line as l, sanitize_name, sanitize_rel_path};
use crate::partial::Partial;
use crate::sniff::FormatId;
use crate::xml::{a, ts, Xml};
use crate::{
    PackageError, PackageRequest, PackageSummary, Retention, CAPTURE_RECORD_NS,
    DEFAULT_ICC_PROFILE, SIP_PROFILE, SOFTWARE_NAME, SOFTWARE_VERSION,
};

/// The schemas shipped in every package (official copies, see
/// `schemas/README.md`) and ours.
pub(crate) const SCHEMAS: &[(&str, &[u8])] = &[
    ("mets.xsd", include_bytes!("../schemas/mets.xsd")),
    ("xlink.xsd", include_bytes!("../schemas/xlink.xsd")),
    (
        "DILCISExtensionMETS.xsd",
        include_bytes!("../schemas/DILCISExtensionMETS.xsd"),
    ),
    (
        "DILCISExtensionSIPMETS.xsd",
        include_bytes!("../schemas/DILCISExtensionSIPMETS.xsd"),
    ),
    (
        "ogonblick-capture-record.xsd",
        include_bytes!("../schemas/ogonblick-capture-record.xsd"),
    ),
];

pub(crate) const SCHEMA_LOCATION_ROOT: &str = "http://www.loc.gov/METS/ schemas/mets.xsd http://www.w3.org/1999/xlink schemas/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS schemas/DILCISExtensionMETS.xsd https://DILCIS.eu/XML/METS/SIPExtensionMETS schemas/DILCISExtensionSIPMETS.xsd";
pub(crate) const SCHEMA_LOCATION_REP: &str = "http://www.loc.gov/METS/ ../../schemas/mets.xsd http://www.w3.org/1999/xlink ../../schemas/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS ../../schemas/DILCISExtensionMETS.xsd https://DILCIS.eu/XML/METS/SIPExtensionMETS ../../schemas/DILCISExtensionSIPMETS.xsd";

pub(crate) const OTHER_TYPE: &str = "Social media snapshots";
pub(crate) const OTHER_CIT: &str = "Ögonblick snapshots (PNG + PDF/A-2b with capture record)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Data,
    Descriptive,
    Schemas,
    Documentation,
    Preservation,
}

/// A file written into the package, with everything METS and PREMIS say.
struct Entry {
    /// Path below the root folder.
    path: String,
    group: Group,
    sha256: String,
    size: u64,
    created: Timestamp,
    format: FormatId,
    /// Original name (data files: the path in the snapshot folder).
    original: Option<String>,
    /// (snapshot index, page index) for data files.
    page: Option<(usize, usize)>,
    /// The PREMIS object id.
    premis_id: String,
}

struct SnapPlan<'a> {
    manifest: &'a SnapshotManifest,
    folder: &'a Path,
    /// Sanitised folder name inside `representations/rep1/data/`.
    dir: String,
}

struct DataFile<'a> {
    snap: usize,
    page: usize,
    source: PathBuf,
    target: String,
    record: &'a ogonblick_model::FileRecord,
}

/// Writes a package for `req` to `out`: a file path, or an existing
/// directory (the package is then named `<OBJID>.zip`/`.tar` inside it).
/// Never overwrites; on error or cancellation nothing remains under the
/// final name.
pub fn export_package(
    req: &PackageRequest,
    out: &Path,
    clock: &dyn Clock,
    ids: &dyn IdGen,
    sink: &dyn ProgressSink,
    cancel: &CancelToken,
) -> Result<PackageSummary, PackageError> {
    let now = clock.now();
    let objid = format!("uuid-{}", ids.new_id());
    let root = objid.clone();

    // ---- validate and plan -------------------------------------------------
    if req.snapshots.is_empty() {
        return Err(PackageError::InvalidInput(
            "no snapshots to package: choose a channel or period that has snapshots".into(),
        ));
    }
    if req.org.organisation_name.trim().is_empty() {
        return Err(PackageError::InvalidInput(
            "the organisation's name is not set: set it in the settings (organisation) before exporting".into(),
        ));
    }
    if req.org.archive_creator.trim().is_empty() {
        return Err(PackageError::InvalidInput(
            "the archive creator (board, arkivbildare) is not set: give the board that owns the records".into(),
        ));
    }
    if let Retention::DisposeAfter { decision, .. } = &req.org.retention {
        if decision.trim().is_empty() {
            return Err(PackageError::InvalidInput(
                "retention 'dispose after N years' needs the retention decision's reference (gallringsbeslut)".into(),
            ));
        }
    }
    let out_path = if out.is_dir() {
        out.join(format!("{objid}.{}", req.format.extension()))
    } else {
        out.to_path_buf()
    };
    let out_dir = match out_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !out_dir.is_dir() {
        return Err(PackageError::InvalidInput(format!(
            "the folder {} does not exist: create it or choose another",
            out_dir.display()
        )));
    }
    let sidecar_path = sidecar_of(&out_path);
    if out_path.exists() || sidecar_path.exists() {
        return Err(PackageError::InvalidInput(format!(
            "{} already exists: choose another name (packages are never overwritten)",
            out_path.display()
        )));
    }

    let mut snaps = Vec::new();
    let mut used_dirs = BTreeSet::new();
    for (m, folder) in &req.snapshots {
        if m.format != SnapshotManifest::FORMAT {
            return Err(PackageError::InvalidInput(format!(
                "snapshot {} has format '{}', expected '{}'",
                m.snapshot.id,
                m.format,
                SnapshotManifest::FORMAT
            )));
        }
        if !folder.is_dir() {
            return Err(PackageError::InvalidInput(format!(
                "the snapshot folder {} does not exist",
                folder.display()
            )));
        }
        let base = format!(
            "{}_{}_{}",
            sanitize_name(&m.channel.name),
            m.snapshot.started_at.format("%Y%m%dT%H%M%SZ"),
            sanitize_name(&m.snapshot.id)
        );
        let mut dir = base.clone();
        let mut k = 2;
        while !used_dirs.insert(dir.clone()) {
            dir = format!("{base}-{k}");
            k += 1;
        }
        snaps.push(SnapPlan {
            manifest: m,
            folder,
            dir,
        });
    }
    let mut data = Vec::new();
    let mut targets = BTreeSet::new();
    let mut total_bytes = 0u64;
    for (si, s) in snaps.iter().enumerate() {
        for (pi, page) in s.manifest.snapshot.pages.iter().enumerate() {
            for rec in &page.files {
                let rel = sanitize_rel_path(&rec.path).ok_or_else(|| {
                    PackageError::InvalidInput(format!(
                        "snapshot {} names the file '{}', which is outside its folder; the snapshot.json is damaged",
                        s.manifest.snapshot.id, rec.path
                    ))
                })?;
                let source = safe_join(s.folder, &rec.path).ok_or_else(|| {
                    PackageError::InvalidInput(format!(
                        "snapshot {}: bad file path '{}'",
                        s.manifest.snapshot.id, rec.path
                    ))
                })?;
                let meta = std::fs::metadata(&source).map_err(|e| PackageError::Read {
                    path: source.clone(),
                    source: e,
                })?;
                if !meta.is_file() {
                    return Err(PackageError::InvalidInput(format!(
                        "{} is not a file",
                        source.display()
                    )));
                }
                let mut target = format!("representations/rep1/data/{}/{}", s.dir, rel);
                let mut k = 2;
                while !targets.insert(target.clone()) {
                    target = format!("representations/rep1/data/{}/{}-{k}", s.dir, rel);
                    k += 1;
                }
                total_bytes += meta.len();
                data.push(DataFile {
                    snap: si,
                    page: pi,
                    source,
                    target,
                    record: rec,
                });
            }
        }
    }

    // ---- write ------------------------------------------------------------
    // Partial files of killed exports go first, so the folder never holds
    // more than one.
    crate::partial::clean_stale_partials(&out_dir);
    let file_name = out_path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, file) = Partial::create(&out_dir, &file_name).map_err(|e| PackageError::Write {
        path: out_dir.clone(),
        source: e,
    })?;
    drop(file);
    let tmp_path = tmp.path().to_path_buf();
    let werr = |e: io::Error| -> PackageError {
        if cancel.is_cancelled() {
            PackageError::Cancelled
        } else {
            PackageError::Write {
                path: tmp_path.clone(),
                source: e,
            }
        }
    };
    let mut w = Writer::create(&tmp_path, req.format, now).map_err(werr)?;

    let n_items = data.len() as u32 + 4;
    sink.event(ProgressEvent::Started {
        total: n_items,
        label: format!("export {objid}"),
    });
    let mut entries: Vec<Entry> = Vec::new();
    let mut done_bytes = 0u64;
    let mut last_report = 0u64;
    for (i, df) in data.iter().enumerate() {
        if cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        sink.event(ProgressEvent::Stage {
            index: i as u32,
            label: df.target.clone(),
            stage: Stage::Packaging,
            detail: None,
        });
        let mut f = File::open(&df.source).map_err(|e| PackageError::Read {
            path: df.source.clone(),
            source: e,
        })?;
        let size = df.record.size;
        let compress = !matches!(
            df.record.role,
            FileRole::Png | FileRole::Pdf | FileRole::Original
        );
        let mut on_chunk = |n: usize| -> io::Result<()> {
            done_bytes += n as u64;
            if done_bytes - last_report >= 8 * 1024 * 1024 || done_bytes == total_bytes {
                last_report = done_bytes;
                sink.event(ProgressEvent::Bytes {
                    done: done_bytes,
                    total: total_bytes,
                });
            }
            if cancel.is_cancelled() {
                return Err(io::Error::other("cancelled"));
            }
            Ok(())
        };
        let actual = std::fs::metadata(&df.source).map(|m| m.len()).unwrap_or(0);
        if actual != size {
            return Err(PackageError::Fixity {
                path: df.source.clone(),
                what: format!("size {actual} bytes, the manifest says {size}"),
            });
        }
        let c: Copied = w
            .add_stream(
                &format!("{root}/{}", df.target),
                size,
                compress,
                &mut f,
                &mut on_chunk,
            )
            .map_err(|e| {
                if cancel.is_cancelled() {
                    PackageError::Cancelled
                } else if e.kind() == io::ErrorKind::UnexpectedEof {
                    PackageError::Fixity {
                        path: df.source.clone(),
                        what: e.to_string(),
                    }
                } else {
                    PackageError::Write {
                        path: tmp_path.clone(),
                        source: e,
                    }
                }
            })?;
        if !c.sha256.eq_ignore_ascii_case(&df.record.sha256) {
            return Err(PackageError::Fixity {
                path: df.source.clone(),
                what: format!(
                    "SHA-256 {}, the manifest says {}",
                    c.sha256, df.record.sha256
                ),
            });
        }
        let page = &snaps[df.snap].manifest.snapshot.pages[df.page];
        entries.push(Entry {
            path: df.target.clone(),
            group: Group::Data,
            sha256: c.sha256,
            size: c.size,
            created: page.provenance.finished_at,
            format: c.format,
            original: Some(df.record.path.clone()),
            page: Some((df.snap, df.page)),
            premis_id: String::new(),
        });
        sink.event(ProgressEvent::ItemDone {
            index: i as u32,
            label: df.target.clone(),
            ok: true,
            message: None,
        });
    }

    let add_gen = |w: &mut Writer,
                   entries: &mut Vec<Entry>,
                   path: String,
                   group: Group,
                   bytes: &[u8]|
     -> Result<(), PackageError> {
        if cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        // PDFs (already compressed inside) are stored, text is deflated.
        let compress = !(path.ends_with(".pdf") || path.ends_with(".png"));
        let c = w
            .add_bytes(&format!("{root}/{path}"), bytes, compress)
            .map_err(|e| PackageError::Write {
                path: tmp_path.clone(),
                source: e,
            })?;
        if !c.format.valid {
            return Err(PackageError::Internal(format!(
                "generated {path} failed its own format check: {}",
                c.format.check
            )));
        }
        entries.push(Entry {
            path,
            group,
            sha256: c.sha256,
            size: c.size,
            created: now,
            format: c.format,
            original: None,
            page: None,
            premis_id: String::new(),
        });
        Ok(())
    };

    // Descriptive metadata, one per snapshot.
    sink.event(ProgressEvent::Stage {
        index: data.len() as u32,
        label: "metadata".into(),
        stage: Stage::Packaging,
        detail: None,
    });
    for (si, s) in snaps.iter().enumerate() {
        let files: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.page.map(|p| p.0) == Some(si))
            .collect();
        let xml = capture_record(req, s, &files);
        let path = format!("metadata/descriptive/{}.xml", s.dir);
        add_gen(&mut w, &mut entries, path, Group::Descriptive, &xml)?;
    }
    for (name, bytes) in SCHEMAS {
        add_gen(
            &mut w,
            &mut entries,
            format!("schemas/{name}"),
            Group::Schemas,
            bytes,
        )?;
    }
    let howto = how_taken(req, &snaps);
    add_gen(
        &mut w,
        &mut entries,
        "documentation/how-the-snapshots-were-taken.md".into(),
        Group::Documentation,
        howto.as_bytes(),
    )?;

    // Inventory PDF/A (lists everything written so far).
    sink.event(ProgressEvent::Stage {
        index: data.len() as u32 + 1,
        label: "inventory".into(),
        stage: Stage::PdfA,
        detail: None,
    });
    let inv_lines = inventory_lines(req, &objid, &snaps, &entries, now);
    let icc = req
        .icc_profile
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_ICC_PROFILE));
    let pdf = inventory::build(
        &format!("Förteckning över leveranspaket {objid}"),
        &inv_lines,
        now,
        &objid,
        &icc,
    )
    .map_err(PackageError::Inventory)?;
    add_gen(
        &mut w,
        &mut entries,
        "documentation/inventory.pdf".into(),
        Group::Documentation,
        &pdf,
    )?;

    // PREMIS.
    for (i, e) in entries.iter_mut().enumerate() {
        e.premis_id = format!("obj-{:05}", i + 1);
    }
    let premis = premis_xml(req, &snaps, &entries, now);
    add_gen(
        &mut w,
        &mut entries,
        "metadata/preservation/premis.xml".into(),
        Group::Preservation,
        &premis,
    )?;

    // Representation METS, then the root METS.
    sink.event(ProgressEvent::Stage {
        index: data.len() as u32 + 2,
        label: "METS".into(),
        stage: Stage::Packaging,
        detail: None,
    });
    let rep = rep_mets(req, &objid, &entries, now);
    let c = w
        .add_bytes(&format!("{root}/representations/rep1/METS.xml"), &rep, true)
        .map_err(|e| PackageError::Write {
            path: tmp_path.clone(),
            source: e,
        })?;
    let rep_entry = Entry {
        path: "representations/rep1/METS.xml".into(),
        group: Group::Data,
        sha256: c.sha256,
        size: c.size,
        created: now,
        format: c.format,
        original: None,
        page: None,
        premis_id: String::new(),
    };
    let root_xml = root_mets(req, &objid, &entries, &rep_entry, now);
    w.add_bytes(&format!("{root}/METS.xml"), &root_xml, true)
        .map_err(|e| PackageError::Write {
            path: tmp_path.clone(),
            source: e,
        })?;
    let files = entries.len() as u32 + 2;
    if cancel.is_cancelled() {
        return Err(PackageError::Cancelled);
    }
    w.finish().map_err(werr)?;

    // Sidecar and rename.
    sink.event(ProgressEvent::Stage {
        index: data.len() as u32 + 3,
        label: "sha256".into(),
        stage: Stage::Hashing,
        detail: None,
    });
    let (sha, size) = sha256_file(&tmp_path).map_err(|e| PackageError::Read {
        path: tmp_path.clone(),
        source: e,
    })?;
    let (side_tmp, mut side_file) = Partial::create(&out_dir, &format!("{file_name}.sha256"))
        .map_err(|e| PackageError::Write {
            path: out_dir.clone(),
            source: e,
        })?;
    {
        use std::io::Write;
        side_file
            .write_all(format!("{sha}  {file_name}\n").as_bytes())
            .map_err(|e| PackageError::Write {
                path: sidecar_path.clone(),
                source: e,
            })?;
        side_file.sync_all().map_err(|e| PackageError::Write {
            path: sidecar_path.clone(),
            source: e,
        })?;
    }
    drop(side_file);
    if cancel.is_cancelled() {
        return Err(PackageError::Cancelled);
    }
    // The sidecar first: a package under its final name always has its
    // sidecar, so it can be verified the moment it appears.
    side_tmp
        .persist_noclobber(&sidecar_path)
        .map_err(|e| PackageError::Write {
            path: sidecar_path.clone(),
            source: e,
        })?;
    if let Err(e) = tmp.persist_noclobber(&out_path) {
        let _ = std::fs::remove_file(&sidecar_path);
        return Err(PackageError::Write {
            path: out_path.clone(),
            source: e,
        });
    }
    if let Ok(d) = File::open(&out_dir) {
        let _ = d.sync_all();
    }
    sink.event(ProgressEvent::Finished {
        ok: true,
        message: Some(format!("{} ({} files)", out_path.display(), files)),
    });
    Ok(PackageSummary {
        objid,
        path: out_path,
        sidecar: sidecar_path,
        sha256: sha,
        size,
        files,
        snapshots: snaps.len() as u32,
        created: now,
    })
}

/// `<package>.sha256` next to the package.
pub fn sidecar_of(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(".sha256");
    PathBuf::from(s)
}

/// Joins a manifest-relative path to its folder, refusing anything that
/// could leave the folder.
fn safe_join(folder: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    let mut out = folder.to_path_buf();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn retention_text(r: &Retention) -> String {
    match r {
        Retention::Preserve => "Bevaras (preserve)".into(),
        Retention::DisposeAfter { years, decision } => {
            format!("Gallras efter {years} år (dispose after {years} years), beslut {decision}")
        }
    }
}

fn opt(s: &str) -> Option<&str> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}

// ---------------------------------------------------------------------------
// Descriptive metadata: our capture record
// ---------------------------------------------------------------------------

fn capture_record(req: &PackageRequest, s: &SnapPlan, files: &[&Entry]) -> Vec<u8> {
    let m = s.manifest;
    let snap = &m.snapshot;
    let ch = &m.channel;
    let mut x = Xml::new();
    x.open(
        "captureRecord",
        &[
            a("xmlns", CAPTURE_RECORD_NS),
            a("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            a(
                "xsi:schemaLocation",
                format!("{CAPTURE_RECORD_NS} ../../schemas/ogonblick-capture-record.xsd"),
            ),
            a("version", "1"),
        ],
    );
    x.leaf("snapshotId", &[], &snap.id);
    x.leaf("reason", &[], snap.reason.as_str());
    x.opt("reasonNote", snap.reason_note.as_deref());
    x.leaf("status", &[], snap.status.as_str());
    x.leaf("startedAt", &[], &ts(&snap.started_at));
    x.leaf("finishedAt", &[], &ts(&snap.finished_at));
    x.leaf("operator", &[], &snap.operator);
    x.opt("diaryNumber", snap.diary_number.as_deref());
    x.open("channel", &[a("id", ch.id.to_string())]);
    x.leaf("name", &[], &ch.name);
    x.leaf("platform", &[], ch.platform.as_str());
    for u in &ch.urls {
        x.leaf("address", &[], u);
    }
    x.opt("board", ch.board.as_deref());
    x.opt("unit", ch.unit.as_deref());
    x.opt("responsible", ch.responsible.as_deref());
    x.opt("substitute", ch.substitute.as_deref());
    x.opt("purpose", ch.purpose.as_deref());
    x.opt("audience", ch.audience.as_deref());
    x.leaf("status", &[], ch.status.as_str());
    x.close();
    x.open("archival", &[]);
    x.leaf("organisation", &[], &req.org.organisation_name);
    x.opt("organisationNumber", opt(&req.org.organisation_number));
    x.leaf("archiveCreator", &[], &req.org.archive_creator);
    x.opt("submittingUnit", opt(&req.org.submitting_unit));
    x.opt("classificationCode", opt(&req.org.classification_code));
    x.opt("documentPlanRow", opt(&req.org.document_plan_row));
    match &req.org.retention {
        Retention::Preserve => {
            x.empty("retention", &[a("kind", "preserve")]);
        }
        Retention::DisposeAfter { years, decision } => {
            x.empty(
                "retention",
                &[
                    a("kind", "dispose-after"),
                    a("years", years.to_string()),
                    a("decision", decision.clone()),
                ],
            );
        }
    }
    x.close();
    for (pi, p) in snap.pages.iter().enumerate() {
        page_record(
            &mut x,
            p,
            files
                .iter()
                .filter(|e| e.page.map(|q| q.1) == Some(pi))
                .copied(),
        );
    }
    x.finish()
}

fn page_record<'a>(x: &mut Xml, p: &PageRecord, files: impl Iterator<Item = &'a Entry>) {
    x.open("page", &[a("ok", p.ok.to_string())]);
    x.leaf("url", &[], &p.url);
    x.opt("error", p.error.as_deref());
    let r = &p.report;
    x.opt("finalUrl", r.final_url.as_deref());
    if let Some(s) = r.http_status {
        x.leaf("httpStatus", &[], &s.to_string());
    }
    x.opt("title", r.title.as_deref());
    x.leaf("pageWidth", &[], &r.page_width.to_string());
    x.leaf("pageHeight", &[], &r.page_height.to_string());
    x.leaf("slices", &[], &r.slices.to_string());
    x.leaf("pdfPages", &[], &r.pdf_pages.to_string());
    for (name, list) in [
        ("imageFailed", &r.images_failed),
        ("requestFailed", &r.requests_failed),
        ("wallDetected", &r.walls_detected),
        ("consentClicked", &r.consent_clicked),
        ("warning", &r.warnings),
    ] {
        for v in list.iter() {
            x.leaf(name, &[], v);
        }
    }
    x.opt("truncated", r.truncated.as_deref());
    x.leaf("durationMs", &[], &r.duration_ms.to_string());
    let pv = &p.provenance;
    x.open("provenance", &[]);
    x.leaf("startedAt", &[], &ts(&pv.started_at));
    x.leaf("finishedAt", &[], &ts(&pv.finished_at));
    x.leaf("operator", &[], &pv.operator);
    x.leaf("tool", &[], &pv.tool);
    x.leaf("toolVersion", &[], &pv.tool_version);
    x.leaf("browserVersion", &[], &pv.browser_version);
    x.leaf("userAgent", &[], &pv.user_agent);
    x.leaf("viewportWidth", &[], &pv.viewport_width.to_string());
    x.leaf("viewportHeight", &[], &pv.viewport_height.to_string());
    x.opt("tlsProtocol", pv.tls_protocol.as_deref());
    for c in &pv.tls_certificates {
        x.leaf("tlsCertificate", &[], c);
    }
    x.close();
    for e in files {
        x.empty(
            "file",
            &[
                a("href", format!("../../{}", e.path)),
                a("originalName", e.original.clone().unwrap_or_default()),
                a("mimeType", e.format.mime.clone()),
                a("size", e.size.to_string()),
                a("sha256", e.sha256.clone()),
            ],
        );
    }
    x.close();
}

// ---------------------------------------------------------------------------
// Documentation
// ---------------------------------------------------------------------------

fn how_taken(req: &PackageRequest, snaps: &[SnapPlan]) -> String {
    let mut s = String::new();
    s.push_str("# Hur ögonblicksbilderna togs / How the snapshots were taken\n\n");
    s.push_str(&format!(
        "This package was made by {SOFTWARE_NAME} {SOFTWARE_VERSION} for {}. It follows FGS Paketstruktur 2.0 \
         (E-ARK CSIP 2.1.0 and E-ARK SIP 2.1.0).\n\n",
        l(&req.org.organisation_name)
    ));
    s.push_str(
        "Each page address of a channel was opened in a headless Chromium browser with a fixed viewport. \
         Consent dialogs were dismissed where the tool recognised them (what was clicked is recorded per page), \
         login or consent walls that could not be passed are recorded as such. The page was scrolled to its end \
         (endless feeds are cut at a height or time cap, recorded as `truncated`), captured as full-page \
         screenshot slices stitched into one PNG, and printed by the browser to PDF, which was then finished to \
         PDF/A-2b (XMP identification, sRGB output intent, embedded fonts). Every file was hashed with SHA-256 \
         when it was stored; the export re-hashed every file while copying it into this package and refused to \
         continue on any mismatch.\n\n",
    );
    s.push_str("## Snapshots\n\n");
    for sp in snaps {
        let sn = &sp.manifest.snapshot;
        s.push_str(&format!(
            "- {} ({}), snapshot {}: reason {}, status {}, {} – {}, operator {}\n",
            l(&sp.manifest.channel.name),
            sp.manifest.channel.platform,
            l(&sn.id),
            sn.reason,
            sn.status,
            ts(&sn.started_at),
            ts(&sn.finished_at),
            l(&sn.operator)
        ));
        for p in &sn.pages {
            s.push_str(&format!(
                "  - {} — {} with {} {} ({}), browser {}, viewport {}×{}{}\n",
                l(&p.url),
                if p.ok { "captured" } else { "FAILED" },
                l(&p.provenance.tool),
                l(&p.provenance.tool_version),
                ts(&p.provenance.started_at),
                l(&p.provenance.browser_version),
                p.provenance.viewport_width,
                p.provenance.viewport_height,
                p.error
                    .as_ref()
                    .map(|e| format!(": {}", l(e)))
                    .unwrap_or_default()
            ));
        }
    }
    s.push_str("\n## Retention / gallring\n\n");
    s.push_str(&l(&retention_text(&req.org.retention)));
    s.push('\n');
    s
}

fn inventory_lines(
    req: &PackageRequest,
    objid: &str,
    snaps: &[SnapPlan],
    entries: &[Entry],
    now: Timestamp,
) -> Vec<Line> {
    let mut l = Vec::new();
    let h = |t: String| Line {
        text: t,
        heading: true,
    };
    let t = |t: String| Line {
        text: t,
        heading: false,
    };
    l.push(h(format!("Förteckning / Inventory: {objid}")));
    l.push(t(format!("Etikett: {}", req.label)));
    l.push(t(format!(
        "Skapad: {}  av {SOFTWARE_NAME} {SOFTWARE_VERSION}",
        ts(&now)
    )));
    l.push(t(format!(
        "Organisation: {} {}",
        req.org.organisation_name, req.org.organisation_number
    )));
    l.push(t(format!(
        "Arkivbildare: {}   Levererande enhet: {}",
        req.org.archive_creator, req.org.submitting_unit
    )));
    l.push(t(format!(
        "E-arkiv: {}   Leveransöverenskommelse: {}",
        req.org.e_archive_name, req.org.submission_agreement
    )));
    l.push(t(format!(
        "Klassificering: {}   Dokumenthanteringsplan: {}",
        req.org.classification_code, req.org.document_plan_row
    )));
    l.push(t(format!(
        "Gallring: {}",
        retention_text(&req.org.retention)
    )));
    l.push(t(String::new()));
    l.push(h("Ögonblicksbilder".into()));
    for sp in snaps {
        let sn = &sp.manifest.snapshot;
        l.push(t(format!(
            "{} ({}) – {} – {} – {} – {}",
            sp.manifest.channel.name,
            sp.manifest.channel.platform,
            ts(&sn.started_at),
            sn.reason,
            sn.status,
            sn.diary_number
                .clone()
                .map(|d| format!("dnr {d}"))
                .unwrap_or_else(|| "ej diarieförd".into())
        )));
        for p in &sn.pages {
            l.push(t(format!(
                "   {} {}",
                if p.ok { "OK " } else { "FEL" },
                p.url
            )));
        }
    }
    l.push(t(String::new()));
    l.push(h("Filer (SHA-256, storlek, format)".into()));
    for e in entries {
        l.push(t(e.path.clone()));
        l.push(t(format!(
            "      {}  {} byte  {} {}",
            e.sha256,
            e.size,
            e.format.puid.clone().unwrap_or_else(|| "okänt".into()),
            e.format.version.clone().unwrap_or_default()
        )));
    }
    l.push(t(String::new()));
    l.push(t("Dessutom: METS.xml, representations/rep1/METS.xml, metadata/preservation/premis.xml och documentation/inventory.pdf (denna fil);".into()));
    l.push(t(
        "deras kontrollsummor står i METS.xml och i paketets .sha256-fil.".into(),
    ));
    l
}

// ---------------------------------------------------------------------------
// PREMIS 3
// ---------------------------------------------------------------------------

fn premis_xml(
    req: &PackageRequest,
    snaps: &[SnapPlan],
    entries: &[Entry],
    now: Timestamp,
) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "premis:premis",
        &[
            a("xmlns:premis", "http://www.loc.gov/premis/v3"),
            a("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            a("version", "3.0"),
        ],
    );
    let software_agent = "agent-software";
    let org_agent = "agent-organisation";
    // operators and browsers
    let mut operators: BTreeSet<String> = BTreeSet::new();
    let mut browsers: BTreeSet<String> = BTreeSet::new();
    for sp in snaps {
        operators.insert(sp.manifest.snapshot.operator.clone());
        for p in &sp.manifest.snapshot.pages {
            operators.insert(p.provenance.operator.clone());
            if !p.provenance.browser_version.is_empty() {
                browsers.insert(p.provenance.browser_version.clone());
            }
        }
    }
    if !req.exported_by.trim().is_empty() {
        operators.insert(req.exported_by.clone());
    }
    operators.retain(|o| !o.trim().is_empty());
    let op_id: BTreeMap<String, String> = operators
        .iter()
        .enumerate()
        .map(|(i, o)| (o.clone(), format!("agent-operator-{}", i + 1)))
        .collect();
    let br_id: BTreeMap<String, String> = browsers
        .iter()
        .enumerate()
        .map(|(i, b)| (b.clone(), format!("agent-browser-{}", i + 1)))
        .collect();

    // Events first gathered, so objects can link to them.
    struct Ev {
        id: String,
        typ: &'static str,
        at: Timestamp,
        detail: String,
        outcome: &'static str,
        outcome_detail: Option<String>,
        agents: Vec<(String, &'static str)>,
        objects: Vec<String>,
    }
    let mut events: Vec<Ev> = Vec::new();
    let mut obj_events: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (si, sp) in snaps.iter().enumerate() {
        for (pi, p) in sp.manifest.snapshot.pages.iter().enumerate() {
            let objs: Vec<String> = entries
                .iter()
                .filter(|e| e.page == Some((si, pi)))
                .map(|e| e.premis_id.clone())
                .collect();
            let id = format!("event-capture-{}-{}", si + 1, pi + 1);
            let mut agents = vec![(software_agent.to_string(), "executing program")];
            if let Some(b) = br_id.get(&p.provenance.browser_version) {
                agents.push((b.clone(), "executing program"));
            }
            if let Some(o) = op_id.get(&p.provenance.operator) {
                agents.push((o.clone(), "implementer"));
            }
            for o in &objs {
                obj_events.entry(o.clone()).or_default().push(id.clone());
            }
            events.push(Ev {
                id,
                typ: "capture",
                at: p.provenance.started_at,
                detail: format!(
                    "Capture of {} (snapshot {}, reason {}) with {} {}, browser {}, viewport {}x{}",
                    p.url,
                    sp.manifest.snapshot.id,
                    sp.manifest.snapshot.reason,
                    p.provenance.tool,
                    p.provenance.tool_version,
                    p.provenance.browser_version,
                    p.provenance.viewport_width,
                    p.provenance.viewport_height
                ),
                outcome: if p.ok { "success" } else { "failure" },
                outcome_detail: p.error.clone(),
                agents,
                objects: objs,
            });
        }
    }
    let all: Vec<String> = entries.iter().map(|e| e.premis_id.clone()).collect();
    let mut digest_agents = vec![(software_agent.to_string(), "executing program")];
    if let Some(o) = op_id.get(&req.exported_by) {
        digest_agents.push((o.clone(), "implementer"));
    }
    events.push(Ev {
        id: "event-digest".into(),
        typ: "message digest calculation",
        at: now,
        detail: "SHA-256 computed for every file while it was copied into the package; for captured files it matched the fixity recorded at capture".into(),
        outcome: "success",
        outcome_detail: None,
        agents: digest_agents.clone(),
        objects: all.clone(),
    });
    for o in &all {
        obj_events
            .entry(o.clone())
            .or_default()
            .push("event-digest".into());
    }
    for e in entries {
        let id = format!("event-validation-{}", e.premis_id);
        obj_events
            .entry(e.premis_id.clone())
            .or_default()
            .push(id.clone());
        events.push(Ev {
            id,
            typ: "validation",
            at: now,
            detail: format!(
                "Format identification and validation of {}: {} {} ({})",
                e.path,
                e.format.name,
                e.format.version.clone().unwrap_or_default(),
                e.format
                    .puid
                    .clone()
                    .unwrap_or_else(|| "not identified".into())
            ),
            outcome: if e.format.valid { "success" } else { "failure" },
            outcome_detail: Some(e.format.check.clone()),
            agents: vec![(software_agent.to_string(), "executing program")],
            objects: vec![e.premis_id.clone()],
        });
    }

    for e in entries {
        x.open("premis:object", &[a("xsi:type", "premis:file")]);
        x.open("premis:objectIdentifier", &[]);
        x.leaf("premis:objectIdentifierType", &[], "local");
        x.leaf("premis:objectIdentifierValue", &[], &e.premis_id);
        x.close();
        x.open("premis:objectCharacteristics", &[]);
        x.leaf("premis:compositionLevel", &[], "0");
        x.open("premis:fixity", &[]);
        x.leaf("premis:messageDigestAlgorithm", &[], "SHA-256");
        x.leaf("premis:messageDigest", &[], &e.sha256);
        x.leaf("premis:messageDigestOriginator", &[], SOFTWARE_NAME);
        x.close();
        x.leaf("premis:size", &[], &e.size.to_string());
        x.open("premis:format", &[]);
        x.open("premis:formatDesignation", &[]);
        x.leaf("premis:formatName", &[], &e.format.name);
        x.opt("premis:formatVersion", e.format.version.as_deref());
        x.close();
        if let Some(p) = &e.format.puid {
            x.open("premis:formatRegistry", &[]);
            x.leaf("premis:formatRegistryName", &[], "PRONOM");
            x.leaf("premis:formatRegistryKey", &[], p);
            x.leaf("premis:formatRegistryRole", &[], "specification");
            x.close();
        }
        x.close();
        x.open("premis:creatingApplication", &[]);
        match e.page {
            Some((si, pi)) => {
                let pv = &snaps[si].manifest.snapshot.pages[pi].provenance;
                x.leaf(
                    "premis:creatingApplicationName",
                    &[],
                    &format!("{} with {}", pv.tool, pv.browser_version),
                );
                x.leaf("premis:creatingApplicationVersion", &[], &pv.tool_version);
                x.leaf("premis:dateCreatedByApplication", &[], &ts(&pv.finished_at));
            }
            None => {
                x.leaf("premis:creatingApplicationName", &[], SOFTWARE_NAME);
                x.leaf("premis:creatingApplicationVersion", &[], SOFTWARE_VERSION);
                x.leaf("premis:dateCreatedByApplication", &[], &ts(&e.created));
            }
        }
        x.close();
        x.close(); // objectCharacteristics
        x.leaf(
            "premis:originalName",
            &[],
            e.original.as_deref().unwrap_or(&e.path),
        );
        x.open("premis:storage", &[]);
        x.open("premis:contentLocation", &[]);
        x.leaf("premis:contentLocationType", &[], "URI");
        x.leaf(
            "premis:contentLocationValue",
            &[],
            &format!("../../{}", e.path),
        );
        x.close();
        x.close();
        for ev in obj_events.get(&e.premis_id).into_iter().flatten() {
            x.open("premis:linkingEventIdentifier", &[]);
            x.leaf("premis:linkingEventIdentifierType", &[], "local");
            x.leaf("premis:linkingEventIdentifierValue", &[], ev);
            x.close();
        }
        x.close();
    }
    for ev in &events {
        x.open("premis:event", &[]);
        x.open("premis:eventIdentifier", &[]);
        x.leaf("premis:eventIdentifierType", &[], "local");
        x.leaf("premis:eventIdentifierValue", &[], &ev.id);
        x.close();
        x.leaf("premis:eventType", &[], ev.typ);
        x.leaf("premis:eventDateTime", &[], &ts(&ev.at));
        x.open("premis:eventDetailInformation", &[]);
        x.leaf("premis:eventDetail", &[], &ev.detail);
        x.close();
        x.open("premis:eventOutcomeInformation", &[]);
        x.leaf("premis:eventOutcome", &[], ev.outcome);
        if let Some(d) = &ev.outcome_detail {
            x.open("premis:eventOutcomeDetail", &[]);
            x.leaf("premis:eventOutcomeDetailNote", &[], d);
            x.close();
        }
        x.close();
        for (ag, role) in &ev.agents {
            x.open("premis:linkingAgentIdentifier", &[]);
            x.leaf("premis:linkingAgentIdentifierType", &[], "local");
            x.leaf("premis:linkingAgentIdentifierValue", &[], ag);
            x.leaf("premis:linkingAgentRole", &[], role);
            x.close();
        }
        for o in &ev.objects {
            x.open("premis:linkingObjectIdentifier", &[]);
            x.leaf("premis:linkingObjectIdentifierType", &[], "local");
            x.leaf("premis:linkingObjectIdentifierValue", &[], o);
            x.close();
        }
        x.close();
    }
    let agent = |x: &mut Xml,
                 id: &str,
                 name: &str,
                 typ: &str,
                 version: Option<&str>,
                 note: Option<&str>| {
        x.open("premis:agent", &[]);
        x.open("premis:agentIdentifier", &[]);
        x.leaf("premis:agentIdentifierType", &[], "local");
        x.leaf("premis:agentIdentifierValue", &[], id);
        x.close();
        x.leaf("premis:agentName", &[], name);
        x.leaf("premis:agentType", &[], typ);
        x.opt("premis:agentVersion", version);
        x.opt("premis:agentNote", note);
        x.close();
    };
    agent(
        &mut x,
        software_agent,
        SOFTWARE_NAME,
        "software",
        Some(SOFTWARE_VERSION),
        None,
    );
    for (b, id) in &br_id {
        agent(&mut x, id, "Chromium (headless)", "software", Some(b), None);
    }
    let org_note = opt(&req.org.organisation_number).map(|n| format!("Organisationsnummer {n}"));
    agent(
        &mut x,
        org_agent,
        &req.org.organisation_name,
        "organization",
        None,
        org_note.as_deref(),
    );
    for (o, id) in &op_id {
        agent(&mut x, id, o, "person", None, Some("operator"));
    }
    x.finish()
}

// ---------------------------------------------------------------------------
// METS
// ---------------------------------------------------------------------------

fn mets_open(x: &mut Xml, objid: &str, label: &str, schema_location: &str) {
    x.open(
        "mets:mets",
        &[
            a("xmlns:mets", "http://www.loc.gov/METS/"),
            a("xmlns:xlink", "http://www.w3.org/1999/xlink"),
            a("xmlns:csip", "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"),
            a("xmlns:sip", "https://DILCIS.eu/XML/METS/SIPExtensionMETS"),
            a("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            a("xsi:schemaLocation", schema_location),
            a("OBJID", objid),
            a("LABEL", label),
            a("TYPE", "Other"),
            a("csip:OTHERTYPE", OTHER_TYPE),
            a("csip:CONTENTINFORMATIONTYPE", "OTHER"),
            a("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CIT),
            a("PROFILE", SIP_PROFILE),
        ],
    );
}

fn mets_hdr(x: &mut Xml, req: &PackageRequest, now: Timestamp, full: bool) {
    x.open(
        "mets:metsHdr",
        &[
            a("CREATEDATE", ts(&now)),
            a("LASTMODDATE", ts(&now)),
            a("RECORDSTATUS", "NEW"),
            a("csip:OAISPACKAGETYPE", "SIP"),
        ],
    );
    x.open(
        "mets:agent",
        &[
            a("ROLE", "CREATOR"),
            a("TYPE", "OTHER"),
            a("OTHERTYPE", "SOFTWARE"),
        ],
    );
    x.leaf("mets:name", &[], SOFTWARE_NAME);
    x.leaf(
        "mets:note",
        &[a("csip:NOTETYPE", "SOFTWARE VERSION")],
        SOFTWARE_VERSION,
    );
    x.close();
    if full {
        let org_note = opt(&req.org.organisation_number);
        x.open(
            "mets:agent",
            &[a("ROLE", "ARCHIVIST"), a("TYPE", "ORGANIZATION")],
        );
        x.leaf("mets:name", &[], &req.org.archive_creator);
        if let Some(n) = org_note {
            x.leaf("mets:note", &[a("csip:NOTETYPE", "IDENTIFICATIONCODE")], n);
        }
        x.close();
        let submitter = if req.org.submitting_unit.trim().is_empty() {
            req.org.organisation_name.clone()
        } else {
            format!("{}, {}", req.org.organisation_name, req.org.submitting_unit)
        };
        x.open(
            "mets:agent",
            &[a("ROLE", "CREATOR"), a("TYPE", "ORGANIZATION")],
        );
        x.leaf("mets:name", &[], &submitter);
        if let Some(n) = org_note {
            x.leaf("mets:note", &[a("csip:NOTETYPE", "IDENTIFICATIONCODE")], n);
        }
        x.close();
        if let Some(e) = opt(&req.org.e_archive_name) {
            x.open(
                "mets:agent",
                &[a("ROLE", "PRESERVATION"), a("TYPE", "ORGANIZATION")],
            );
            x.leaf("mets:name", &[], e);
            x.close();
        }
        if let Some(s) = opt(&req.org.submission_agreement) {
            x.leaf("mets:altRecordID", &[a("TYPE", "SUBMISSIONAGREEMENT")], s);
        }
        if let Some(c) = opt(&req.org.classification_code) {
            x.leaf("mets:altRecordID", &[a("TYPE", "REFERENCECODE")], c);
        }
    }
    x.close();
}

fn file_attrs(id: String, e: &Entry, with_format: bool) -> Vec<(&'static str, String)> {
    let mut v = vec![
        a("ID", id),
        a("MIMETYPE", e.format.mime.clone()),
        a("SIZE", e.size.to_string()),
        a("CREATED", ts(&e.created)),
        a("CHECKSUM", e.sha256.clone()),
        a("CHECKSUMTYPE", "SHA-256"),
    ];
    if with_format {
        v.push(a("sip:FILEFORMATNAME", e.format.name.clone()));
        if let Some(ver) = &e.format.version {
            v.push(a("sip:FILEFORMATVERSION", ver.clone()));
        }
        if let Some(p) = &e.format.puid {
            v.push(a("sip:FORMATREGISTRY", "PRONOM"));
            v.push(a("sip:FORMATREGISTRYKEY", p.clone()));
        }
    }
    v
}

fn flocat(x: &mut Xml, href: &str) {
    x.empty(
        "mets:FLocat",
        &[
            a("LOCTYPE", "URL"),
            a("xlink:type", "simple"),
            a("xlink:href", href),
        ],
    );
}

fn md_ref(x: &mut Xml, e: &Entry, href: &str, mdtype: &str, other: Option<&str>) {
    let mut at = vec![
        a("LOCTYPE", "URL"),
        a("xlink:type", "simple"),
        a("xlink:href", href),
        a("MDTYPE", mdtype),
    ];
    if let Some(o) = other {
        at.push(a("OTHERMDTYPE", o));
    }
    at.extend([
        a("MIMETYPE", e.format.mime.clone()),
        a("SIZE", e.size.to_string()),
        a("CREATED", ts(&e.created)),
        a("CHECKSUM", e.sha256.clone()),
        a("CHECKSUMTYPE", "SHA-256"),
    ]);
    x.empty("mets:mdRef", &at);
}

fn rep_mets(req: &PackageRequest, objid: &str, entries: &[Entry], now: Timestamp) -> Vec<u8> {
    let mut x = Xml::new();
    mets_open(
        &mut x,
        &format!("{objid}/representations/rep1"),
        &format!("{} – rep1", req.label),
        SCHEMA_LOCATION_REP,
    );
    mets_hdr(&mut x, req, now, false);
    x.open("mets:fileSec", &[a("ID", "rep1-filesec")]);
    x.open(
        "mets:fileGrp",
        &[
            a("ID", "rep1-data"),
            a("USE", "Data"),
            a("csip:CONTENTINFORMATIONTYPE", "OTHER"),
            a("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CIT),
        ],
    );
    let data: Vec<&Entry> = entries.iter().filter(|e| e.group == Group::Data).collect();
    for (i, e) in data.iter().enumerate() {
        x.open(
            "mets:file",
            &file_attrs(format!("rep1-file-{:05}", i + 1), e, true),
        );
        flocat(
            &mut x,
            e.path
                .strip_prefix("representations/rep1/")
                .unwrap_or(&e.path),
        );
        x.close();
    }
    x.close();
    x.close();
    x.open(
        "mets:structMap",
        &[
            a("ID", "rep1-structmap"),
            a("TYPE", "PHYSICAL"),
            a("LABEL", "CSIP"),
        ],
    );
    x.open("mets:div", &[a("ID", "rep1-div"), a("LABEL", "rep1")]);
    x.open("mets:div", &[a("ID", "rep1-div-data"), a("LABEL", "Data")]);
    for i in 0..data.len() {
        x.empty(
            "mets:fptr",
            &[a("FILEID", format!("rep1-file-{:05}", i + 1))],
        );
    }
    x.close();
    x.close();
    x.close();
    x.finish()
}

fn root_mets(
    req: &PackageRequest,
    objid: &str,
    entries: &[Entry],
    rep: &Entry,
    now: Timestamp,
) -> Vec<u8> {
    let mut x = Xml::new();
    mets_open(&mut x, objid, &req.label, SCHEMA_LOCATION_ROOT);
    mets_hdr(&mut x, req, now, true);
    let dmds: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.group == Group::Descriptive)
        .collect();
    let mut dmd_ids = Vec::new();
    for (i, e) in dmds.iter().enumerate() {
        let id = format!("dmd-{:03}", i + 1);
        x.open(
            "mets:dmdSec",
            &[
                a("ID", id.clone()),
                a("CREATED", ts(&e.created)),
                a("STATUS", "CURRENT"),
            ],
        );
        md_ref(
            &mut x,
            e,
            &e.path,
            "OTHER",
            Some("OGONBLICK-CAPTURE-RECORD"),
        );
        x.close();
        dmd_ids.push(id);
    }
    x.open("mets:amdSec", &[a("ID", "amd-1")]);
    if let Some(p) = entries.iter().find(|e| e.group == Group::Preservation) {
        x.open(
            "mets:digiprovMD",
            &[a("ID", "digiprov-premis"), a("STATUS", "CURRENT")],
        );
        md_ref(&mut x, p, &p.path, "PREMIS", None);
        x.close();
    }
    x.close();
    x.open("mets:fileSec", &[a("ID", "filesec")]);
    let groups = [
        ("Documentation", Group::Documentation, "doc"),
        ("Schemas", Group::Schemas, "schema"),
    ];
    let mut ids_by_group: Vec<Vec<String>> = Vec::new();
    for (use_, g, prefix) in groups {
        x.open(
            "mets:fileGrp",
            &[a("ID", format!("grp-{prefix}")), a("USE", use_)],
        );
        let mut ids = Vec::new();
        for (i, e) in entries.iter().filter(|e| e.group == g).enumerate() {
            let id = format!("{prefix}-{:03}", i + 1);
            x.open("mets:file", &file_attrs(id.clone(), e, false));
            flocat(&mut x, &e.path);
            x.close();
            ids.push(id);
        }
        x.close();
        ids_by_group.push(ids);
    }
    x.open(
        "mets:fileGrp",
        &[
            a("ID", "grp-rep1"),
            a("USE", "Representations/rep1"),
            a("csip:CONTENTINFORMATIONTYPE", "OTHER"),
            a("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CIT),
        ],
    );
    x.open("mets:file", &file_attrs("rep1-mets".into(), rep, false));
    flocat(&mut x, &rep.path);
    x.close();
    x.close();
    x.close(); // fileSec

    x.open(
        "mets:structMap",
        &[
            a("ID", "structmap-csip"),
            a("TYPE", "PHYSICAL"),
            a("LABEL", "CSIP"),
        ],
    );
    x.open("mets:div", &[a("ID", "div-root"), a("LABEL", objid)]);
    x.empty(
        "mets:div",
        &[
            a("ID", "div-metadata"),
            a("LABEL", "Metadata"),
            a("ADMID", "digiprov-premis"),
            a("DMDID", dmd_ids.join(" ")),
        ],
    );
    for ((label, _, prefix), ids) in groups.iter().zip(&ids_by_group) {
        x.open(
            "mets:div",
            &[a("ID", format!("div-{prefix}")), a("LABEL", *label)],
        );
        for id in ids {
            x.empty("mets:fptr", &[a("FILEID", id.clone())]);
        }
        x.close();
    }
    x.open(
        "mets:div",
        &[a("ID", "div-rep1"), a("LABEL", "Representations/rep1")],
    );
    x.empty(
        "mets:mptr",
        &[
            a("xlink:title", "rep1-mets"),
            a("xlink:type", "simple"),
            a("xlink:href", rep.path.clone()),
            a("LOCTYPE", "URL"),
        ],
    );
    x.close();
    x.close();
    x.close();
    x.finish()
}
