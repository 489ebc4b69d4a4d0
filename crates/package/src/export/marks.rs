//! Personal-data / secrecy marks in a package: a PREMIS `rightsStatement`
//! (basis "Statute") per mark and reason, linked to every object of the
//! marked item (its files and its record), the objects linking back; and the
//! inventory's protection column (*skydd*).

use std::collections::BTreeMap;

use ogonblick_model::{Mark, Message};

use super::removals::{evidence_entries, RemPlan};
use super::{Entry, Group, SnapPlan};
use crate::names::one_line as l;
use crate::xml::{ts, Xml};
use crate::PackageRequest;

/// The mark of an item (snapshot or removal record id), if any.
pub(super) fn mark_of<'a>(req: &'a PackageRequest, id: &str) -> Option<&'a Mark> {
    req.marks.iter().find(|m| m.item_id == id)
}

/// The inventory's protection column: the mark in the documents' language, or "–".
pub(super) fn protection_text(req: &PackageRequest, id: &str) -> String {
    match mark_of(req, id) {
        None => "–".into(),
        Some(m) => {
            let mut s = l(&m.flags.text(req.org.language));
            if let Some(n) = &m.flags.note {
                s.push_str(&format!(" ({})", l(n)));
            }
            s
        }
    }
}

/// One rights statement and the objects it covers.
pub(super) struct Rights {
    pub id: String,
    jurisdiction: &'static str,
    citation: String,
    notes: Vec<String>,
    restriction: String,
    objects: Vec<String>,
}

/// The rights statements of every marked item in the package.
pub(super) fn rights(
    req: &PackageRequest,
    snaps: &[SnapPlan],
    rplans: &[RemPlan],
    entries: &[Entry],
) -> Vec<Rights> {
    let lang = req.org.language;
    let mut out = Vec::new();
    let mut items: Vec<(&Mark, Vec<String>)> = Vec::new();
    for (si, s) in snaps.iter().enumerate() {
        if let Some(m) = mark_of(req, &s.manifest.snapshot.id) {
            let capture_record = format!("metadata/descriptive/{}.xml", s.dir);
            let objs = entries
                .iter()
                .filter(|e| e.page.map(|p| p.0) == Some(si) || e.path == capture_record)
                .map(|e| e.premis_id.clone())
                .collect();
            items.push((m, objs));
        }
    }
    for (ri, rp) in rplans.iter().enumerate() {
        if let Some(m) = mark_of(req, &rp.current.id) {
            let mut objs: Vec<String> = entries
                .iter()
                .filter(|e| e.group == Group::Descriptive && e.removal == Some(ri))
                .map(|e| e.premis_id.clone())
                .collect();
            objs.extend(
                evidence_entries(rp, ri, entries)
                    .iter()
                    .map(|e| e.premis_id.clone()),
            );
            items.push((m, objs));
        }
    }
    for (m, objects) in items {
        let mut notes = vec![Message::PremisMarkNote {
            kind: m.kind.into(),
            id: l(&m.item_id),
            at: ts(&m.set_at),
            by: l(&m.set_by),
        }
        .render(lang)];
        if let Some(n) = &m.flags.note {
            notes.push(l(n));
        }
        if m.flags.personal_data {
            out.push(Rights {
                id: format!("rights-{}", out.len() + 1),
                jurisdiction: "EU",
                citation: Message::PremisRightsGdpr {}.render(lang),
                notes: notes.clone(),
                restriction: Message::PremisRestrictionPersonalData {}.render(lang),
                objects: objects.clone(),
            });
        }
        if let Some(osl) = &m.flags.secrecy {
            out.push(Rights {
                id: format!("rights-{}", out.len() + 1),
                jurisdiction: "SE",
                citation: format!("Offentlighets- och sekretesslag (2009:400), {}", l(osl)),
                notes: notes.clone(),
                restriction: Message::PremisRestrictionSecret {}.render(lang),
                objects: objects.clone(),
            });
        }
    }
    out
}

/// For each PREMIS object, the rights statements that cover it.
pub(super) fn by_object(rights: &[Rights]) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rights {
        for o in &r.objects {
            m.entry(o.clone()).or_default().push(r.id.clone());
        }
    }
    m
}

/// Writes the `premis:rights` elements (after the agents).
pub(super) fn write_rights(x: &mut Xml, rights: &[Rights]) {
    for r in rights {
        x.open("premis:rights", &[]);
        x.open("premis:rightsStatement", &[]);
        x.open("premis:rightsStatementIdentifier", &[]);
        x.leaf("premis:rightsStatementIdentifierType", &[], "local");
        x.leaf("premis:rightsStatementIdentifierValue", &[], &r.id);
        x.close();
        x.leaf("premis:rightsBasis", &[], "Statute");
        x.open("premis:statuteInformation", &[]);
        x.leaf("premis:statuteJurisdiction", &[], r.jurisdiction);
        x.leaf("premis:statuteCitation", &[], &r.citation);
        for n in &r.notes {
            x.leaf("premis:statuteNote", &[], n);
        }
        x.close();
        x.open("premis:rightsGranted", &[]);
        x.leaf("premis:act", &[], "disseminate");
        x.leaf("premis:restriction", &[], &r.restriction);
        x.close();
        for o in &r.objects {
            x.open("premis:linkingObjectIdentifier", &[]);
            x.leaf("premis:linkingObjectIdentifierType", &[], "local");
            x.leaf("premis:linkingObjectIdentifierValue", &[], o);
            x.close();
        }
        x.close();
        x.close();
    }
}

/// `premis:linkingRightsStatementIdentifier` of one object.
pub(super) fn link(x: &mut Xml, ids: &[String]) {
    for id in ids {
        x.open("premis:linkingRightsStatementIdentifier", &[]);
        x.leaf("premis:linkingRightsStatementIdentifierType", &[], "local");
        x.leaf("premis:linkingRightsStatementIdentifierValue", &[], id);
        x.close();
    }
}
