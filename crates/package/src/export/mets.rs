//! METS: the representation METS (`representations/rep1/METS.xml`, every
//! data file but the web archives; `representations/rep2/METS.xml`, the
//! snapshots' WACZ files, when any has one) and the root METS (CSIP + SIP: agents, descriptive and
//! preservation metadata, documentation and schemas, the representation).

use ogonblick_model::Timestamp;

use super::{opt, Entry, Group, SCHEMA_LOCATION_REP, SCHEMA_LOCATION_ROOT};
use crate::xml::{a, ts, Xml};
use crate::{PackageRequest, SIP_PROFILE, SOFTWARE_NAME, SOFTWARE_VERSION};

/// The package's type (`csip:OTHERTYPE`, with `TYPE="Other"`) and content
/// information type (`csip:OTHERCONTENTINFORMATIONTYPE`, with `OTHER`):
/// values an archive's systems read to sort and route packages (E-ARK
/// CSIP, FGS Paketstruktur 2.0), so fixed, whatever the organisation's
/// language; the label and the documents speak it.
pub(crate) const OTHER_TYPE: &str = "Social media snapshots";
pub(crate) const OTHER_CIT: &str = "Ögonblick snapshots (PNG + PDF/A-2b with capture record)";

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
        // The diary numbers (diarienummer) the snapshots were registered under.
        let mut diary: Vec<&str> = req
            .snapshots
            .iter()
            .filter_map(|(m, _)| m.snapshot.diary_number.as_deref())
            .collect();
        diary.sort();
        diary.dedup();
        for d in diary {
            x.leaf("mets:altRecordID", &[a("TYPE", "DIARYNUMBER")], d);
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

/// The METS of representation `rep` (`rep1`: the pages' files and the
/// evidence; `rep2`: the web archives): every data file below it.
pub(super) fn rep_mets(
    req: &PackageRequest,
    objid: &str,
    rep: &str,
    entries: &[Entry],
    now: Timestamp,
) -> Vec<u8> {
    let mut x = Xml::new();
    mets_open(
        &mut x,
        &format!("{objid}/representations/{rep}"),
        &format!("{} – {rep}", req.label),
        SCHEMA_LOCATION_REP,
    );
    mets_hdr(&mut x, req, now, false);
    x.open("mets:fileSec", &[a("ID", format!("{rep}-filesec"))]);
    x.open(
        "mets:fileGrp",
        &[
            a("ID", format!("{rep}-data")),
            a("USE", "Data"),
            a("csip:CONTENTINFORMATIONTYPE", "OTHER"),
            a("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CIT),
        ],
    );
    let prefix = format!("representations/{rep}/");
    let data: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.group == Group::Data && e.path.starts_with(&prefix))
        .collect();
    for (i, e) in data.iter().enumerate() {
        x.open(
            "mets:file",
            &file_attrs(format!("{rep}-file-{:05}", i + 1), e, true),
        );
        flocat(&mut x, e.path.strip_prefix(&prefix).unwrap_or(&e.path));
        x.close();
    }
    x.close();
    x.close();
    x.open(
        "mets:structMap",
        &[
            a("ID", format!("{rep}-structmap")),
            a("TYPE", "PHYSICAL"),
            a("LABEL", "CSIP"),
        ],
    );
    x.open(
        "mets:div",
        &[a("ID", format!("{rep}-div")), a("LABEL", rep)],
    );
    x.open(
        "mets:div",
        &[a("ID", format!("{rep}-div-data")), a("LABEL", "Data")],
    );
    for i in 0..data.len() {
        x.empty(
            "mets:fptr",
            &[a("FILEID", format!("{rep}-file-{:05}", i + 1))],
        );
    }
    x.close();
    x.close();
    x.close();
    x.finish()
}

/// The representation's name in a representation METS path
/// (`representations/<rep>/METS.xml`).
fn rep_name(path: &str) -> &str {
    path.strip_prefix("representations/")
        .and_then(|p| p.split('/').next())
        .unwrap_or("rep1")
}

pub(super) fn root_mets(
    req: &PackageRequest,
    objid: &str,
    entries: &[Entry],
    reps: &[Entry],
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
        let other = if e.removal.is_some() {
            "OGONBLICK-REMOVAL-RECORD"
        } else {
            "OGONBLICK-CAPTURE-RECORD"
        };
        md_ref(&mut x, e, &e.path, "OTHER", Some(other));
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
    for rep in reps {
        let name = rep_name(&rep.path);
        x.open(
            "mets:fileGrp",
            &[
                a("ID", format!("grp-{name}")),
                a("USE", format!("Representations/{name}")),
                a("csip:CONTENTINFORMATIONTYPE", "OTHER"),
                a("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CIT),
            ],
        );
        x.open("mets:file", &file_attrs(format!("{name}-mets"), rep, false));
        flocat(&mut x, &rep.path);
        x.close();
        x.close();
    }
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
    for rep in reps {
        let name = rep_name(&rep.path);
        x.open(
            "mets:div",
            &[
                a("ID", format!("div-{name}")),
                a("LABEL", format!("Representations/{name}")),
            ],
        );
        x.empty(
            "mets:mptr",
            &[
                a("xlink:title", format!("{name}-mets")),
                a("xlink:type", "simple"),
                a("xlink:href", rep.path.clone()),
                a("LOCTYPE", "URL"),
            ],
        );
        x.close();
    }
    x.close();
    x.close();
    x.finish()
}
