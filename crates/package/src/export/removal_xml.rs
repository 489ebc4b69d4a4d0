//! A removal record's `removal.xml`: every version, its evidence files
//! with their fixity, and its mark.

use ogonblick_model::{Evidence, RemovalRecord};

use super::removals::{evidence_entries, RemPlan, REMOVAL_SCHEMA};
use super::{Entry, SnapPlan};
use crate::xml::{a, ts, Xml};
use crate::{PackageRequest, REMOVAL_RECORD_NS};

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
    // The note in Swedish (the archive's language), its catalogue key as `kind`.
    if let Some(n) = &v.change_note {
        x.leaf(
            "changeNote",
            &[a("kind", n.key())],
            &n.render(ogonblick_model::Language::Sv),
        );
    }
    x.close();
}
