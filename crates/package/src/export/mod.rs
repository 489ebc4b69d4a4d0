//! Writing a package. Order inside the container: representation data first
//! (streamed, hashed, sniffed), then descriptive metadata, schemas,
//! documentation, PREMIS, the representation METS and last the root METS,
//! which can then carry every checksum. The container is written to a
//! temporary name in the target directory and renamed when complete; the
//! `.sha256` sidecar likewise.
//!
//! The seams: `plan.rs` validates the request and names every file before
//! anything is written, `write.rs` streams the data files and writes the
//! generated ones, the sidecar and the renames; `records.rs` (capture
//! records), `documentation.rs` (how the snapshots were taken, inventory
//! lines), `premis.rs` and `mets.rs` render the metadata from the entries.

mod documentation;
mod marks;
mod mets;
mod plan;
mod premis;
mod records;
mod removal_inventory;
mod removal_premis;
mod removal_xml;
mod removals;
mod write;

use ogonblick_model::Message;
pub(crate) use removals::REMOVAL_SCHEMA;

use std::io;
use std::path::{Path, PathBuf};

use ogonblick_model::{
    CancelToken, Clock, FileRecord, IdGen, ProgressEvent, ProgressSink, SnapshotManifest, Stage,
    Timestamp,
};

use crate::container::Writer;
use crate::inventory;
use crate::partial::Partial;
use crate::sniff::FormatId;
use crate::{PackageError, PackageRequest, PackageSummary, Retention, DEFAULT_ICC_PROFILE};

/// The schemas shipped in every package (official copies, see
/// `schemas/README.md`) and ours.
pub(crate) const SCHEMAS: &[(&str, &[u8])] = &[
    ("mets.xsd", include_bytes!("../../schemas/mets.xsd")),
    ("xlink.xsd", include_bytes!("../../schemas/xlink.xsd")),
    (
        "DILCISExtensionMETS.xsd",
        include_bytes!("../../schemas/DILCISExtensionMETS.xsd"),
    ),
    (
        "DILCISExtensionSIPMETS.xsd",
        include_bytes!("../../schemas/DILCISExtensionSIPMETS.xsd"),
    ),
    (
        "ogonblick-capture-record.xsd",
        include_bytes!("../../schemas/ogonblick-capture-record.xsd"),
    ),
    (
        "premis-v3-0.xsd",
        include_bytes!("../../schemas/premis-v3-0.xsd"),
    ),
];

pub(crate) const SCHEMA_LOCATION_ROOT: &str = "http://www.loc.gov/METS/ schemas/mets.xsd http://www.w3.org/1999/xlink schemas/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS schemas/DILCISExtensionMETS.xsd https://DILCIS.eu/XML/METS/SIPExtensionMETS schemas/DILCISExtensionSIPMETS.xsd";
pub(crate) const SCHEMA_LOCATION_REP: &str = "http://www.loc.gov/METS/ ../../schemas/mets.xsd http://www.w3.org/1999/xlink ../../schemas/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS ../../schemas/DILCISExtensionMETS.xsd https://DILCIS.eu/XML/METS/SIPExtensionMETS ../../schemas/DILCISExtensionSIPMETS.xsd";

/// The representation that holds the snapshots' web archives (WACZ), one
/// folder per snapshot as in rep1; absent when no snapshot has one.
pub(crate) const WEB_ARCHIVE_REP: &str = "rep2";

/// Where a package carries the time-stamping authorities' root certificates.
pub(crate) const TSA_CA_FOLDER: &str = "documentation/tsa-ca";

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
    /// The removal record (index into the planned records) whose XML or
    /// supplied screenshot this is.
    removal: Option<usize>,
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
    /// The page whose file it is; `None`: the snapshot's own files (its WACZ)
    /// and its evidence files.
    page: Option<usize>,
    source: PathBuf,
    target: String,
    /// The page file's record (checked while copied); `None` for evidence.
    record: Option<&'a FileRecord>,
    /// An evidence file of the snapshot (`snapshot.json`, the manifest and
    /// its timestamp tokens): its name in the folder and size, hashed while
    /// copied and checked against the manifest by verify.
    evidence: Option<(String, u64)>,
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

    let plan = plan::plan(req, out, &objid)?;
    let rplans = removals::plan(req, &plan.snaps)?;
    let (out_path, out_dir) = (&plan.out_path, &plan.out_dir);

    // ---- write ------------------------------------------------------------
    // Partial files of killed exports go first, so the folder never holds
    // more than one.
    crate::partial::clean_stale_partials(out_dir);
    let file_name = out_path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, file) = Partial::create(out_dir, &file_name).map_err(|e| PackageError::Write {
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
    let n_items = plan.data.len() as u32 + 4;
    sink.event(ProgressEvent::Started {
        total: n_items,
        label: format!("export {objid}"),
    });
    let mut entries = write::copy_data(&mut w, &root, &plan, &tmp_path, sink, cancel)?;
    removals::copy_supplied(&mut w, &root, &rplans, &tmp_path, cancel, &mut entries)?;
    let gen = write::Gen {
        root: &root,
        tmp_path: &tmp_path,
        cancel,
        now,
    };

    // Descriptive metadata, one per snapshot.
    sink.event(ProgressEvent::Stage {
        index: plan.data.len() as u32,
        label: "metadata".into(),
        stage: Stage::Packaging,
        detail: None,
    });
    for (si, s) in plan.snaps.iter().enumerate() {
        let files: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.page.map(|p| p.0) == Some(si))
            .collect();
        let xml = records::capture_record(req, s, &files);
        let path = format!("metadata/descriptive/{}.xml", s.dir);
        gen.add(&mut w, &mut entries, path, Group::Descriptive, &xml)?;
    }
    for (ri, r) in rplans.iter().enumerate() {
        let xml = removals::removal_xml(req, r, ri, &plan.snaps, &entries);
        gen.add(&mut w, &mut entries, r.xml_path(), Group::Descriptive, &xml)?;
        if let Some(e) = entries.last_mut() {
            e.removal = Some(ri);
        }
    }
    let removal_schema = (!rplans.is_empty()).then_some(&removals::REMOVAL_SCHEMA);
    for (name, bytes) in SCHEMAS.iter().chain(removal_schema) {
        gen.add(
            &mut w,
            &mut entries,
            format!("schemas/{name}"),
            Group::Schemas,
            bytes,
        )?;
    }
    let mut howto = documentation::how_taken(req, &plan.snaps);
    howto.push_str(&removals::how_text(req, &rplans));
    gen.add(
        &mut w,
        &mut entries,
        "documentation/how-the-snapshots-were-taken.md".into(),
        Group::Documentation,
        howto.as_bytes(),
    )?;

    // The roots the snapshots' timestamp tokens chain to.
    for (i, ca) in req.tsa_roots.iter().enumerate() {
        let bytes = std::fs::read(ca).map_err(|e| PackageError::Read {
            path: ca.clone(),
            source: e,
        })?;
        gen.add(
            &mut w,
            &mut entries,
            format!("{TSA_CA_FOLDER}/ca-{}.pem", i + 1),
            Group::Documentation,
            &bytes,
        )?;
    }

    // Inventory PDF/A (lists everything written so far).
    sink.event(ProgressEvent::Stage {
        index: plan.data.len() as u32 + 1,
        label: "inventory".into(),
        stage: Stage::PdfA,
        detail: None,
    });
    let title = Message::DocInvTitle {
        objid: objid.clone(),
    }
    .render(req.org.language);
    let inv_lines = documentation::inventory_lines(
        req,
        &title,
        &plan.snaps,
        removals::inventory_lines(req, &rplans),
        &entries,
        now,
    );
    let icc = req
        .icc_profile
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_ICC_PROFILE));
    let pdf = inventory::build(&title, &inv_lines, now, &objid, &icc, req.org.language)?;
    gen.add(
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
    let premis = premis::premis_xml(req, &plan.snaps, &rplans, &entries, now);
    gen.add(
        &mut w,
        &mut entries,
        "metadata/preservation/premis.xml".into(),
        Group::Preservation,
        &premis,
    )?;

    // Representation METS, then the root METS.
    sink.event(ProgressEvent::Stage {
        index: plan.data.len() as u32 + 2,
        label: "METS".into(),
        stage: Stage::Packaging,
        detail: None,
    });
    let mut rep_entries = Vec::new();
    for rep in ["rep1", WEB_ARCHIVE_REP] {
        let prefix = format!("representations/{rep}/");
        let has_data = entries
            .iter()
            .any(|e| e.group == Group::Data && e.path.starts_with(&prefix));
        if rep != "rep1" && !has_data {
            continue;
        }
        let xml = mets::rep_mets(req, &objid, rep, &entries, now);
        let path = format!("{prefix}METS.xml");
        let c = gen.add_raw(&mut w, &path, &xml)?;
        rep_entries.push(Entry {
            path,
            group: Group::Data,
            sha256: c.sha256,
            size: c.size,
            created: now,
            format: c.format,
            original: None,
            page: None,
            removal: None,
            premis_id: String::new(),
        });
    }
    let root_xml = mets::root_mets(req, &objid, &entries, &rep_entries, now);
    gen.add_raw(&mut w, "METS.xml", &root_xml)?;
    let files = (entries.len() + rep_entries.len()) as u32 + 1;
    if cancel.is_cancelled() {
        return Err(PackageError::Cancelled);
    }
    let hashed = w.finish().map_err(werr)?;

    // Sidecar and rename.
    sink.event(ProgressEvent::Stage {
        index: plan.data.len() as u32 + 3,
        label: "sha256".into(),
        stage: Stage::Hashing,
        detail: None,
    });
    let (sha, size) = write::publish(tmp, &tmp_path, &plan, &file_name, hashed, cancel)?;
    sink.event(ProgressEvent::Finished {
        ok: true,
        message: Some(Message::ProgressExported {
            path: plan.out_path.display().to_string(),
            files: files as usize,
        }),
    });
    Ok(PackageSummary {
        objid,
        snapshots: plan.snaps.len() as u32,
        path: plan.out_path,
        sidecar: plan.sidecar_path,
        sha256: sha,
        size,
        files,
        created: now,
    })
}

/// `<package>.sha256` next to the package.
pub fn sidecar_of(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(".sha256");
    PathBuf::from(s)
}

/// The retention in the documents' language: "Bevaras" or "Gallras efter 10 år …".
fn retention_text(req: &PackageRequest) -> String {
    match &req.org.retention {
        Retention::Preserve => Message::DocRetentionPreserve {},
        Retention::DisposeAfter { years, decision } => Message::DocRetentionDispose {
            years: *years,
            decision: decision.clone(),
        },
    }
    .render(req.org.language)
}

fn opt(s: &str) -> Option<&str> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}
