//! Descriptive metadata: our capture record, one per snapshot
//! (`metadata/descriptive/<snapshot>.xml`, schema
//! `schemas/ogonblick-capture-record.xsd`).

use ogonblick_model::PageRecord;

use super::documentation::lang;
use super::{opt, Entry, SnapPlan};
use crate::xml::{a, ts, Xml};
use crate::{PackageRequest, Retention, CAPTURE_RECORD_NS};

pub(super) fn capture_record(req: &PackageRequest, s: &SnapPlan, files: &[&Entry]) -> Vec<u8> {
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
    x.opt("reasonNote", snap.note_text(lang(req)).as_deref());
    x.opt("singleAddress", snap.single_address.as_deref());
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
    ] {
        for v in list.iter() {
            x.leaf(name, &[], v);
        }
    }
    // The record's language is English, as the page error's.
    for w in &r.warnings {
        x.leaf("warning", &[], &w.to_string());
    }
    let truncated = r.truncated.as_ref().map(|m| m.to_string());
    x.opt("truncated", truncated.as_deref());
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
