//! Removal records (*borttaget innehåll*) in a package, as their own kind:
//! each record's every version as `metadata/descriptive/removals/<record>/removal.xml`
//! (schema `schemas/ogonblick-removal-record.xsd`, shipped only in packages
//! that hold records), its evidence (the linked snapshot, which the package
//! holds as any snapshot, or the screenshot staff supplied, copied into
//! `representations/rep1/data/removals/<record>/`), the PREMIS events
//! (capture of a supplied file, removal, certification, correction) and the
//! inventory's lines.

use std::collections::BTreeSet;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use ogonblick_model::{CancelToken, Evidence, RemovalManifest, RemovalRecord, SuppliedFile};

use super::premis::{Ev, SOFTWARE_AGENT};
use super::{Entry, Group, SnapPlan};
use crate::container::Writer;
use crate::inventory::Line;
use crate::names::{one_line as l, sanitize_name, sanitize_rel_path};
use crate::xml::{a, ts, Xml};
use crate::{PackageError, PackageRequest, RemovalItem, REMOVAL_RECORD_NS};

/// Our removal-record schema, shipped in packages that hold records.
pub(crate) const REMOVAL_SCHEMA: (&str, &[u8]) = (
    "ogonblick-removal-record.xsd",
    include_bytes!("../../schemas/ogonblick-removal-record.xsd"),
);

/// One record's place in the package.
pub(super) struct RemPlan<'a> {
    pub item: &'a RemovalItem,
    pub current: &'a RemovalRecord,
    /// Folder name below `removals/`.
    pub dir: String,
    /// Index into the plan's snapshots of the evidence snapshot.
    pub snap: Option<usize>,
    /// A supplied screenshot: its source and its target in the package.
    pub supplied: Option<(PathBuf, String, &'a SuppliedFile)>,
}

impl RemPlan<'_> {
    pub fn xml_path(&self) -> String {
        format!("metadata/descriptive/removals/{}/removal.xml", self.dir)
    }
}

/// Checks every record of the request and names its files.
pub(super) fn plan<'a>(
    req: &'a PackageRequest,
    snaps: &[SnapPlan],
) -> Result<Vec<RemPlan<'a>>, PackageError> {
    let mut out = Vec::new();
    let mut dirs = BTreeSet::new();
    for item in &req.removals {
        let m = &item.manifest;
        let Some(current) = m.current() else {
            return Err(PackageError::InvalidInput(format!(
                "a removal record in {} has no version; its removal.json is damaged",
                item.folder.display()
            )));
        };
        if m.format != RemovalManifest::FORMAT {
            return Err(PackageError::InvalidInput(format!(
                "removal record {} has format '{}', expected '{}'",
                current.id,
                m.format,
                RemovalManifest::FORMAT
            )));
        }
        let dir = sanitize_name(&current.id);
        if !dirs.insert(dir.clone()) {
            return Err(PackageError::InvalidInput(format!(
                "removal record {} is named twice in the export",
                current.id
            )));
        }
        let (snap, supplied) = match &current.evidence {
            Evidence::Snapshot { snapshot_id } => {
                let i = snaps
                    .iter()
                    .position(|s| &s.manifest.snapshot.id == snapshot_id)
                    .ok_or_else(|| {
                        PackageError::InvalidInput(format!(
                            "removal record {}: its evidence, snapshot {snapshot_id}, is not in the package; package the snapshot with the record",
                            current.id
                        ))
                    })?;
                (Some(i), None)
            }
            Evidence::File(f) => {
                let rel = sanitize_rel_path(&f.path).ok_or_else(|| {
                    PackageError::InvalidInput(format!(
                        "removal record {} names the file '{}', which is outside its folder; the removal.json is damaged",
                        current.id, f.path
                    ))
                })?;
                let source = item.folder.join(&rel);
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
                let target = format!("representations/rep1/data/removals/{dir}/{rel}");
                (None, Some((source, target, f)))
            }
        };
        out.push(RemPlan {
            item,
            current,
            dir,
            snap,
            supplied,
        });
    }
    Ok(out)
}

/// Streams the supplied screenshots in, refusing one whose size or SHA-256
/// is not what its record says.
pub(super) fn copy_supplied(
    w: &mut Writer,
    root: &str,
    plans: &[RemPlan],
    tmp_path: &Path,
    cancel: &CancelToken,
    entries: &mut Vec<Entry>,
) -> Result<(), PackageError> {
    for (ri, rp) in plans.iter().enumerate() {
        let Some((source, target, f)) = &rp.supplied else {
            continue;
        };
        if cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        let actual = std::fs::metadata(source).map(|m| m.len()).unwrap_or(0);
        if actual != f.size {
            return Err(PackageError::Fixity {
                path: source.clone(),
                what: format!("size {actual} bytes, the removal record says {}", f.size),
            });
        }
        let mut file = File::open(source).map_err(|e| PackageError::Read {
            path: source.clone(),
            source: e,
        })?;
        let c = w
            .add_stream(
                &format!("{root}/{target}"),
                f.size,
                false,
                &mut file,
                &mut |_| {
                    if cancel.is_cancelled() {
                        Err(io::Error::other("cancelled"))
                    } else {
                        Ok(())
                    }
                },
            )
            .map_err(|e| {
                if cancel.is_cancelled() {
                    PackageError::Cancelled
                } else if e.kind() == io::ErrorKind::UnexpectedEof {
                    PackageError::Fixity {
                        path: source.clone(),
                        what: e.to_string(),
                    }
                } else {
                    PackageError::Write {
                        path: tmp_path.to_path_buf(),
                        source: e,
                    }
                }
            })?;
        if !c.sha256.eq_ignore_ascii_case(&f.sha256) {
            return Err(PackageError::Fixity {
                path: source.clone(),
                what: format!("SHA-256 {}, the removal record says {}", c.sha256, f.sha256),
            });
        }
        entries.push(Entry {
            path: target.clone(),
            group: Group::Data,
            sha256: c.sha256,
            size: c.size,
            created: rp.item.manifest.versions[0].recorded_at,
            format: c.format,
            original: Some(f.original_name.clone()),
            page: None,
            removal: Some(ri),
            premis_id: String::new(),
        });
    }
    Ok(())
}

/// The entries that show record `ri` as it was: its supplied file, or every
/// file of its evidence snapshot.
pub(super) fn evidence_entries<'e>(
    rp: &RemPlan,
    ri: usize,
    entries: &'e [Entry],
) -> Vec<&'e Entry> {
    entries
        .iter()
        .filter(|e| {
            (e.group == Group::Data && e.removal == Some(ri))
                || (rp.snap.is_some() && e.page.map(|p| p.0) == rp.snap)
        })
        .collect()
}

/// `removal.xml`: every version of the record, its evidence files with their
/// fixity, and its mark.
pub(super) fn removal_xml(
    req: &PackageRequest,
    rp: &RemPlan,
    ri: usize,
    snaps: &[SnapPlan],
    entries: &[Entry],
) -> Vec<u8> {
    let cur = rp.current;
    let mut x = Xml::new();
    x.open(
        "removalRecord",
        &[
            a("xmlns", REMOVAL_RECORD_NS),
            a("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            a(
                "xsi:schemaLocation",
                format!(
                    "{REMOVAL_RECORD_NS} ../../../../schemas/{}",
                    REMOVAL_SCHEMA.0
                ),
            ),
            a("version", "1"),
        ],
    );
    x.leaf("recordId", &[], &cur.id);
    x.open("channel", &[a("id", cur.channel_id.to_string())]);
    x.leaf("name", &[], &rp.item.channel_name);
    x.close();
    if let Some(m) = super::marks::mark_of(req, &cur.id) {
        x.open("protection", &[]);
        x.leaf("personalData", &[], &m.flags.personal_data.to_string());
        x.opt("secrecy", m.flags.secrecy.as_deref());
        x.opt("note", m.flags.note.as_deref());
        x.leaf("setAt", &[], &ts(&m.set_at));
        x.leaf("setBy", &[], &m.set_by);
        x.close();
    }
    let mut ev_attrs = vec![a(
        "kind",
        if rp.snap.is_some() {
            "snapshot"
        } else {
            "supplied-file"
        },
    )];
    if let Some(si) = rp.snap {
        ev_attrs.push(a("snapshotId", snaps[si].manifest.snapshot.id.clone()));
        ev_attrs.push(a("captureRecord", format!("../../{}.xml", snaps[si].dir)));
    }
    x.open("evidence", &ev_attrs);
    for e in evidence_entries(rp, ri, entries) {
        x.empty(
            "file",
            &[
                a("href", format!("../../../../{}", e.path)),
                a("originalName", e.original.clone().unwrap_or_default()),
                a("mimeType", e.format.mime.clone()),
                a("size", e.size.to_string()),
                a("sha256", e.sha256.clone()),
            ],
        );
    }
    x.close();
    for v in &rp.item.manifest.versions {
        version(&mut x, v);
    }
    x.finish()
}

fn version(x: &mut Xml, v: &RemovalRecord) {
    x.open("version", &[a("number", v.version.to_string())]);
    x.leaf("url", &[], &v.url);
    x.leaf("kind", &[], v.kind.as_str());
    x.opt("author", v.author.as_deref());
    if let Some(p) = &v.published_at {
        x.leaf("publishedAt", &[], &ts(p));
    }
    x.opt("text", v.text.as_deref());
    x.leaf("removedAt", &[], &ts(&v.removed_at));
    x.leaf("removedBy", &[], &v.removed_by);
    x.leaf("action", &[], v.action.as_str());
    x.open("ground", &[a("code", v.ground.code.clone())]);
    x.leaf("labelSv", &[], &v.ground.label_sv);
    x.leaf("labelEn", &[], &v.ground.label_en);
    x.opt("text", v.ground.text.as_deref());
    x.close();
    x.open(
        "policeReport",
        &[a("reported", v.police_report.reported.to_string())],
    );
    x.opt("reference", v.police_report.reference.as_deref());
    if let Some(d) = v.police_report.date {
        x.leaf("date", &[], &d.format("%Y-%m-%d").to_string());
    }
    x.close();
    if let Some(c) = &v.contact {
        x.open("contact", &[]);
        x.leaf("at", &[], &ts(&c.at));
        x.opt("how", c.how.as_deref());
        x.leaf("message", &[], &c.message);
        x.close();
    }
    if let Some(f) = &v.forwarded {
        x.open("forwarded", &[]);
        x.leaf("to", &[], &f.to);
        x.leaf("at", &[], &ts(&f.at));
        x.close();
    }
    x.opt("diaryNumber", v.diary_number.as_deref());
    if let Some(c) = &v.certified {
        x.open("certified", &[]);
        x.leaf("by", &[], &c.by);
        x.leaf("at", &[], &ts(&c.at));
        x.close();
    }
    let (kind, r) = match &v.evidence {
        Evidence::Snapshot { snapshot_id } => ("snapshot", snapshot_id.clone()),
        Evidence::File(f) => ("supplied-file", f.sha256.clone()),
    };
    x.empty("evidence", &[a("kind", kind), a("ref", r)]);
    x.leaf("suppliedByHand", &[], &v.supplied_by_hand.to_string());
    x.leaf("recordedAt", &[], &ts(&v.recorded_at));
    x.leaf("recordedBy", &[], &v.recorded_by);
    x.opt("changeNote", v.change_note.as_deref());
    x.close();
}

/// The people a record names (for the PREMIS agents).
pub(super) fn people(plans: &[RemPlan]) -> Vec<String> {
    let mut out = Vec::new();
    for rp in plans {
        for v in &rp.item.manifest.versions {
            out.push(v.removed_by.clone());
            out.push(v.recorded_by.clone());
            if let Some(c) = &v.certified {
                out.push(c.by.clone());
            }
        }
    }
    out
}

/// The PREMIS events of every record: the capture of a supplied screenshot,
/// the removal, each certification and each correction (a version after
/// the first). `op` gives a person's agent id.
pub(super) fn premis_events(
    plans: &[RemPlan],
    entries: &[Entry],
    op: &dyn Fn(&str) -> Option<String>,
) -> Vec<Ev> {
    let mut events = Vec::new();
    for (ri, rp) in plans.iter().enumerate() {
        let n = ri + 1;
        let xml_obj: Vec<String> = entries
            .iter()
            .filter(|e| e.group == Group::Descriptive && e.removal == Some(ri))
            .map(|e| e.premis_id.clone())
            .collect();
        let evidence: Vec<String> = evidence_entries(rp, ri, entries)
            .iter()
            .map(|e| e.premis_id.clone())
            .collect();
        let first = &rp.item.manifest.versions[0];
        let person = |name: &str, role: &'static str| -> Vec<(String, &'static str)> {
            op(name).map(|id| vec![(id, role)]).unwrap_or_default()
        };
        if let Some((_, _, f)) = &rp.supplied {
            let mut agents = vec![(SOFTWARE_AGENT.to_string(), "executing program")];
            agents.extend(person(&first.recorded_by, "implementer"));
            events.push(Ev {
                id: format!("event-removal-{n}-capture"),
                typ: "capture",
                at: first.recorded_at,
                detail: format!(
                    "Screenshot of {} supplied by hand for removal record {} (the item was already gone): {} ({}), SHA-256 {}",
                    l(&first.url),
                    l(&rp.current.id),
                    l(&f.original_name),
                    f.media_type,
                    f.sha256
                ),
                outcome: "success",
                outcome_detail: None,
                agents,
                objects: evidence.clone(),
            });
        }
        let mut objects = xml_obj.clone();
        objects.extend(evidence.iter().cloned());
        events.push(Ev {
            id: format!("event-removal-{n}-removal"),
            typ: "removal",
            at: first.removed_at,
            detail: format!(
                "The {} at {} was {} on the platform on the ground {} ({}); removal record {}",
                first.kind.labels().1,
                l(&first.url),
                first.action.labels().1,
                l(&first.ground.code),
                l(&first.ground.label_en),
                l(&rp.current.id)
            ),
            outcome: "success",
            outcome_detail: None,
            agents: person(&first.removed_by, "implementer"),
            objects: objects.clone(),
        });
        let mut certified = BTreeSet::new();
        for v in &rp.item.manifest.versions {
            if v.version > 1 {
                let mut agents = vec![(SOFTWARE_AGENT.to_string(), "executing program")];
                agents.extend(person(&v.recorded_by, "implementer"));
                events.push(Ev {
                    id: format!("event-removal-{n}-correction-{}", v.version),
                    typ: "correction",
                    at: v.recorded_at,
                    detail: format!(
                        "Version {} of removal record {}{}",
                        v.version,
                        l(&v.id),
                        v.change_note
                            .as_ref()
                            .map(|c| format!(": {}", l(c)))
                            .unwrap_or_default()
                    ),
                    outcome: "success",
                    outcome_detail: None,
                    agents,
                    objects: xml_obj.clone(),
                });
            }
            if let Some(c) = &v.certified {
                if certified.insert((c.by.clone(), c.at)) {
                    events.push(Ev {
                        id: format!("event-removal-{n}-certification-{}", certified.len()),
                        typ: "certification",
                        at: c.at,
                        detail: format!(
                            "Removal record {} certified by a second person, {}",
                            l(&v.id),
                            l(&c.by)
                        ),
                        outcome: "success",
                        outcome_detail: None,
                        agents: person(&c.by, "authorizer"),
                        objects: xml_obj.clone(),
                    });
                }
            }
        }
    }
    events
}

/// The inventory's section of removal records, with the protection column.
pub(super) fn inventory_lines(req: &PackageRequest, plans: &[RemPlan]) -> Vec<Line> {
    let mut out = Vec::new();
    if plans.is_empty() {
        return out;
    }
    out.push(Line {
        text: "Borttaget innehåll / Removal records".into(),
        heading: true,
    });
    for rp in plans {
        let c = rp.current;
        out.push(Line {
            text: format!(
                "{} – {} – {} – {} {} – grund {} – {} – skydd: {}",
                l(&c.id),
                l(&rp.item.channel_name),
                ts(&c.removed_at),
                c.kind.labels().0,
                c.action.labels().0,
                l(&c.ground.code),
                c.diary_number
                    .as_ref()
                    .map(|d| format!("dnr {}", l(d)))
                    .unwrap_or_else(|| "ej diarieförd".into()),
                super::marks::protection_text(req, &c.id)
            ),
            heading: false,
        });
        out.push(Line {
            text: format!(
                "   {} – {} version(er){}{} – bevis: {}",
                l(&c.url),
                rp.item.manifest.versions.len(),
                c.certified
                    .as_ref()
                    .map(|b| format!(", bestyrkt av {}", l(&b.by)))
                    .unwrap_or_default(),
                if c.police_report.reported {
                    ", polisanmäld"
                } else {
                    ""
                },
                match &c.evidence {
                    Evidence::Snapshot { snapshot_id } =>
                        format!("ögonblicksbild {}", l(snapshot_id)),
                    Evidence::File(f) => format!("egen skärmbild {}", l(&f.original_name)),
                }
            ),
            heading: false,
        });
    }
    out.push(Line {
        text: String::new(),
        heading: false,
    });
    out
}

/// The removal records' paragraph of `how-the-snapshots-were-taken.md`.
pub(super) fn how_text(plans: &[RemPlan]) -> String {
    if plans.is_empty() {
        return String::new();
    }
    let mut s = String::from(
        "\n## Borttaget innehåll / Removal records\n\n\
         Each removal record documents an item staff removed, hid or blocked on the channel, outside the platform: \
         every version of the record (it is append-only) is in `metadata/descriptive/removals/<record>/removal.xml` \
         (schema `schemas/ogonblick-removal-record.xsd`). Its evidence is a snapshot of the item in this package, or a \
         screenshot staff supplied by hand when the item was already gone, kept with its SHA-256.\n\n",
    );
    for rp in plans {
        let c = rp.current;
        s.push_str(&format!(
            "- {} ({}): {} {} at {} by {}, ground {}, {} version(s)\n",
            l(&c.id),
            l(&rp.item.channel_name),
            c.kind.labels().1,
            c.action.labels().1,
            ts(&c.removed_at),
            l(&c.removed_by),
            l(&c.ground.code),
            rp.item.manifest.versions.len()
        ));
    }
    s
}
