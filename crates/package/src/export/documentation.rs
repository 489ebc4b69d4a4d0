//! Documentation: `how-the-snapshots-were-taken.md` and the lines of the
//! PDF/A inventory (`documentation/inventory.pdf`, drawn by `inventory.rs`).

use ogonblick_model::Timestamp;

use super::{retention_text, Entry, SnapPlan};
use crate::inventory::Line;
use crate::names::one_line as l;
use crate::xml::ts;
use crate::{PackageRequest, SOFTWARE_NAME, SOFTWARE_VERSION};

pub(super) fn how_taken(req: &PackageRequest, snaps: &[SnapPlan]) -> String {
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
            "- {} ({}), snapshot {}: reason {}{}, status {}, {} – {}, operator {}\n",
            l(&sp.manifest.channel.name),
            sp.manifest.channel.platform,
            l(&sn.id),
            sn.reason,
            l(&single_address_note(sn)),
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

pub(super) fn inventory_lines(
    req: &PackageRequest,
    objid: &str,
    snaps: &[SnapPlan],
    removal_lines: Vec<Line>,
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
        // The protection column (skydd) appears when the export has marks.
        let protection = if req.marks.is_empty() {
            String::new()
        } else {
            format!(" – skydd: {}", super::marks::protection_text(req, &sn.id))
        };
        l.push(t(format!(
            "{} ({}) – {} – {} – {} – {}{protection}",
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
        if let Some(address) = &sn.single_address {
            l.push(t(format!(
                "   Enskild adress / One-address capture: {address}"
            )));
        }
        for p in &sn.pages {
            l.push(t(format!(
                "   {} {}",
                if p.ok { "OK " } else { "FEL" },
                p.url
            )));
        }
    }
    l.push(t(String::new()));
    l.extend(removal_lines);
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
    let web_prefix = format!("representations/{}/", super::WEB_ARCHIVE_REP);
    if entries.iter().any(|e| e.path.starts_with(&web_prefix)) {
        l.push(t(format!("Dessutom: METS.xml, representations/rep1/METS.xml, {web_prefix}METS.xml (webbarkiven, WACZ), metadata/preservation/premis.xml och documentation/inventory.pdf (denna fil);")));
    } else {
        l.push(t("Dessutom: METS.xml, representations/rep1/METS.xml, metadata/preservation/premis.xml och documentation/inventory.pdf (denna fil);".into()));
    }
    l.push(t(
        "deras kontrollsummor står i METS.xml och i paketets .sha256-fil.".into(),
    ));
    l
}

/// `", one-address capture of URL"` for a one-address capture (*enskild
/// adress*), else empty: the words PREMIS and the how-taken text use.
pub(super) fn single_address_note(sn: &ogonblick_model::Snapshot) -> String {
    sn.single_address
        .as_ref()
        .map(|a| format!(", one-address capture of {a}"))
        .unwrap_or_default()
}
