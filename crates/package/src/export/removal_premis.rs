//! The PREMIS events and agents of removal records.

use super::premis::{Ev, SOFTWARE_AGENT};
use super::removals::{evidence_entries, RemPlan};
use super::{Entry, Group};
use crate::names::one_line as l;
use ogonblick_model::{Language, Message};
use std::collections::BTreeSet;

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
    lang: Language,
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
                detail: Message::PremisRemovalSupplied {
                    url: l(&first.url),
                    record: l(&rp.current.id),
                    file: Box::new(Message::PremisSuppliedFile {
                        name: l(&f.original_name),
                        media_type: f.media_type.to_string(),
                        sha256: f.sha256.clone(),
                    }),
                }
                .render(lang),
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
            detail: Message::PremisRemoval {
                kind: first.kind.into(),
                url: l(&first.url),
                action: first.action.into(),
                code: l(&first.ground.code),
                ground: l(match lang {
                    Language::Sv => &first.ground.label_sv,
                    Language::En => &first.ground.label_en,
                }),
                record: l(&rp.current.id),
            }
            .render(lang),
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
                    detail: l(&Message::PremisRemovalCorrection {
                        version: v.version,
                        record: l(&v.id),
                        note: v.change_note.as_ref().map(|c| {
                            Box::new(Message::PremisCorrectionNote {
                                note: Box::new(c.clone()),
                            })
                        }),
                    }
                    .render(lang)),
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
                        detail: Message::PremisRemovalCertified {
                            record: l(&v.id),
                            by: l(&c.by),
                        }
                        .render(lang),
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
