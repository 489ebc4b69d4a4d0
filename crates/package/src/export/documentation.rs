//! Documentation: `how-the-snapshots-were-taken.md` and the lines of the
//! PDF/A inventory (`documentation/inventory.pdf`, drawn by `inventory.rs`),
//! in the organisation's language (`PackageOrg::language`): every sentence
//! is a key of the message catalogue, numbers, sizes and times are written
//! by `ogonblick_messages::format`. The XML keeps its schemas' vocabulary.

use ogonblick_messages::format::{integer, size, Millis, UtcTime};
use ogonblick_model::{Language, Message, Timestamp};

use super::{retention_text, Entry, SnapPlan};
use crate::inventory::Line;
use crate::names::one_line as l;
use crate::{PackageRequest, SOFTWARE_NAME, SOFTWARE_VERSION};

/// The language of the package's human-readable documents.
pub(super) fn lang(req: &PackageRequest) -> Language {
    req.org.language
}

/// An instant in the documents: "10 mars 2026 kl. 10:05 UTC".
pub(super) fn at(t: &Timestamp) -> UtcTime {
    UtcTime(*t)
}

fn software() -> String {
    format!("{SOFTWARE_NAME} {SOFTWARE_VERSION}")
}

/// The channel as "name (platform)", the snapshot's reason and status, in
/// the documents' language.
fn words(
    req: &PackageRequest,
    sn: &ogonblick_model::SnapshotManifest,
    name: String,
) -> (String, Box<Message>, Box<Message>) {
    let platform = Message::DocPlatform {
        platform: sn.channel.platform.to_string(),
    }
    .render(lang(req));
    let reason = Box::new(Message::DocReason {
        reason: sn.snapshot.reason.to_string(),
    });
    let status = Box::new(Message::DocStatus {
        status: sn.snapshot.status.to_string(),
    });
    (format!("{name} ({platform})"), reason, status)
}

pub(super) fn how_taken(req: &PackageRequest, snaps: &[SnapPlan]) -> String {
    let lang = lang(req);
    let say = |m: Message| m.render(lang);
    let mut s = String::new();
    s.push_str(&format!("# {}\n\n", say(Message::DocHowTitle {})));
    s.push_str(&say(Message::DocHowMade {
        software: software(),
        organisation: l(&req.org.organisation_name),
    }));
    s.push_str("\n\n");
    s.push_str(&say(Message::DocHowMethod {}));
    s.push_str("\n\n");
    s.push_str(&format!("## {}\n\n", say(Message::DocHowSnapshots {})));
    for sp in snaps {
        let sn = &sp.manifest.snapshot;
        let (channel, reason, status) = words(req, sp.manifest, l(&sp.manifest.channel.name));
        let took = (sn.finished_at - sn.started_at).num_milliseconds().max(0) as u64;
        s.push_str(&format!(
            "- {}\n",
            say(Message::DocHowSnapshot {
                channel,
                id: l(&sn.id),
                reason,
                status,
                at: at(&sn.started_at),
                took: Millis(took),
                operator: l(&sn.operator),
            })
        ));
        if let Some(address) = &sn.single_address {
            s.push_str(&format!(
                "  - {}\n",
                say(Message::DocSingleAddress { url: l(address) })
            ));
        }
        for p in &sn.pages {
            let pv = &p.provenance;
            s.push_str(&format!(
                "  - {}, {}\n",
                say(Message::DocHowPage {
                    url: l(&p.url),
                    ok: p.ok,
                    tool: l(&format!("{} {}", pv.tool, pv.tool_version)),
                    at: at(&pv.started_at),
                    browser: l(&pv.browser_version),
                }),
                say(Message::DocPageFigures {
                    width: pv.viewport_width,
                    height: pv.viewport_height,
                    slices: p.report.slices,
                    pdf_pages: p.report.pdf_pages,
                    took: Millis(p.report.duration_ms),
                })
            ));
            if let Some(why) = p.error_text(lang) {
                s.push_str(&format!(
                    "    - {}\n",
                    say(Message::DocPageWhy { why: l(&why) })
                ));
            }
            if let Some(cut) = &p.report.truncated {
                s.push_str(&format!("    - {}\n", l(&cut.render(lang))));
            }
        }
    }
    s.push_str(&format!("\n## {}\n\n", say(Message::DocHowRetention {})));
    s.push_str(&l(&retention_text(req)));
    s.push('\n');
    s
}

pub(super) fn inventory_lines(
    req: &PackageRequest,
    title: &str,
    snaps: &[SnapPlan],
    removal_lines: Vec<Line>,
    entries: &[Entry],
    now: Timestamp,
) -> Vec<Line> {
    let lang = lang(req);
    let say = |m: Message| m.render(lang);
    let mut l = Vec::new();
    let h = |t: String| Line {
        text: t,
        heading: true,
    };
    let t = |t: String| Line {
        text: t,
        heading: false,
    };
    let o = &req.org;
    l.push(h(title.to_string()));
    l.push(t(say(Message::DocInvLabel {
        label: req.label.clone(),
    })));
    l.push(t(say(Message::DocInvMade {
        at: at(&now),
        software: software(),
    })));
    l.push(t(say(Message::DocInvOrganisation {
        name: o.organisation_name.clone(),
        number: o.organisation_number.clone(),
    })));
    l.push(t(say(Message::DocInvCreator {
        creator: o.archive_creator.clone(),
        unit: o.submitting_unit.clone(),
    })));
    l.push(t(say(Message::DocInvEArchive {
        archive: o.e_archive_name.clone(),
        agreement: o.submission_agreement.clone(),
    })));
    l.push(t(say(Message::DocInvClassification {
        code: o.classification_code.clone(),
        row: o.document_plan_row.clone(),
    })));
    l.push(t(say(Message::DocInvRetention {
        retention: retention_text(req),
    })));
    l.push(t(String::new()));
    l.push(h(say(Message::DocInvSnapshots {})));
    for sp in snaps {
        let sn = &sp.manifest.snapshot;
        let (channel, reason, status) = words(req, sp.manifest, sp.manifest.channel.name.clone());
        // The protection column (skydd) appears when the export has marks.
        let protection = if req.marks.is_empty() {
            String::new()
        } else {
            format!(
                " – {}",
                say(Message::DocProtection {
                    marks: super::marks::protection_text(req, &sn.id)
                })
            )
        };
        l.push(t(format!(
            "{}{protection}",
            say(Message::DocInvSnapshot {
                channel,
                at: at(&sn.started_at),
                reason,
                status,
                diary: diary(req, sn.diary_number.as_deref()),
            })
        )));
        if let Some(address) = &sn.single_address {
            l.push(t(format!(
                "   {}",
                say(Message::DocSingleAddress {
                    url: address.clone()
                })
            )));
        }
        for p in &sn.pages {
            l.push(t(format!(
                "   {}",
                say(Message::DocInvPageLine {
                    ok: p.ok,
                    url: p.url.clone()
                })
            )));
        }
    }
    l.push(t(String::new()));
    l.extend(removal_lines);
    l.push(h(say(Message::DocInvFiles {})));
    for e in entries {
        l.push(t(e.path.clone()));
        let format = match &e.format.puid {
            Some(puid) => format!("{puid} {}", e.format.version.clone().unwrap_or_default())
                .trim_end()
                .to_string(),
            None => say(Message::DocFormatUnknown {}),
        };
        l.push(t(format!(
            "      {}",
            say(Message::DocInvFile {
                sha256: e.sha256.clone(),
                bytes: integer(lang, e.size),
                size: size(lang, e.size),
                format,
            })
        )));
    }
    l.push(t(String::new()));
    let web_prefix = format!("representations/{}/", super::WEB_ARCHIVE_REP);
    let mut also = vec![
        "METS.xml".to_string(),
        "representations/rep1/METS.xml".into(),
    ];
    if entries.iter().any(|e| e.path.starts_with(&web_prefix)) {
        also.push(say(Message::DocInvWebArchives {
            path: format!("{web_prefix}METS.xml"),
        }));
    }
    also.push("metadata/preservation/premis.xml".into());
    l.push(t(say(Message::DocInvAlso {
        files: also.join(", "),
    })));
    l
}

/// "dnr 2026/12" or "ej diarieförd", in the documents' language.
pub(super) fn diary(req: &PackageRequest, number: Option<&str>) -> String {
    match number {
        Some(n) => Message::DocDiaryNumber { number: l(n) },
        None => Message::DocNotRegistered {},
    }
    .render(lang(req))
}

/// What a PREMIS capture event adds for a one-address capture (*enskild
/// adress*): `premis-single-address`, or nothing.
pub(super) fn single_address_note(sn: &ogonblick_model::Snapshot) -> Option<Box<Message>> {
    sn.single_address
        .as_ref()
        .map(|a| Box::new(Message::PremisSingleAddress { url: a.clone() }))
}
