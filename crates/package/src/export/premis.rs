//! PREMIS 3 (`metadata/preservation/premis.xml`): an object per file with
//! its fixity, format and creating application, the capture, digest and
//! validation events, and the agents (software, browsers, organisation,
//! operators).

use std::collections::{BTreeMap, BTreeSet};

use ogonblick_model::{Language, Message, Timestamp};

use super::documentation::single_address_note;
use super::removals::RemPlan;
use super::{marks, opt, removals, Entry, SnapPlan};
use crate::xml::{a, ts, Xml};
use crate::{PackageRequest, SOFTWARE_NAME, SOFTWARE_VERSION};

pub(super) const SOFTWARE_AGENT: &str = "agent-software";
const ORG_AGENT: &str = "agent-organisation";

/// PREMIS agent ids of the operators and browsers, in name order.
struct Agents {
    op_id: BTreeMap<String, String>,
    br_id: BTreeMap<String, String>,
}

/// A PREMIS event, gathered before the objects so they can link to it.
pub(super) struct Ev {
    pub id: String,
    pub typ: &'static str,
    pub at: Timestamp,
    pub detail: String,
    pub outcome: &'static str,
    pub outcome_detail: Option<String>,
    pub agents: Vec<(String, &'static str)>,
    pub objects: Vec<String>,
}

pub(super) fn premis_xml(
    req: &PackageRequest,
    snaps: &[SnapPlan],
    rplans: &[RemPlan],
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
    let ag = agents(req, snaps, rplans);
    let (mut events, mut obj_events) = events(req, snaps, entries, &ag, now);
    // The removal records' events (h-pkg): capture of a supplied file,
    // removal, certification, correction.
    let op = |name: &str| ag.op_id.get(name).cloned();
    for ev in removals::premis_events(rplans, entries, &op, req.org.language) {
        for o in &ev.objects {
            obj_events.entry(o.clone()).or_default().push(ev.id.clone());
        }
        events.push(ev);
    }
    let rights = marks::rights(req, snaps, rplans, entries);
    let rights_of = marks::by_object(&rights);
    for e in entries {
        object(&mut x, req.org.language, snaps, e, &obj_events, &rights_of);
    }
    for ev in &events {
        event(&mut x, ev);
    }
    write_agents(&mut x, req, &ag);
    marks::write_rights(&mut x, &rights);
    x.finish()
}

/// Every operator (of the snapshots, their pages and the export) and every
/// browser version.
fn agents(req: &PackageRequest, snaps: &[SnapPlan], rplans: &[RemPlan]) -> Agents {
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
    operators.extend(removals::people(rplans));
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
    Agents { op_id, br_id }
}

/// The capture event of every page, the digest event and a validation event
/// per file; and for each object the events that name it.
fn events(
    req: &PackageRequest,
    snaps: &[SnapPlan],
    entries: &[Entry],
    ag: &Agents,
    now: Timestamp,
) -> (Vec<Ev>, BTreeMap<String, Vec<String>>) {
    let lang = req.org.language;
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
            let mut agents = vec![(SOFTWARE_AGENT.to_string(), "executing program")];
            if let Some(b) = ag.br_id.get(&p.provenance.browser_version) {
                agents.push((b.clone(), "executing program"));
            }
            if let Some(o) = ag.op_id.get(&p.provenance.operator) {
                agents.push((o.clone(), "implementer"));
            }
            for o in &objs {
                obj_events.entry(o.clone()).or_default().push(id.clone());
            }
            events.push(Ev {
                id,
                typ: "capture",
                at: p.provenance.started_at,
                detail: Message::PremisCapture {
                    url: p.url.clone(),
                    snapshot: sp.manifest.snapshot.id.clone(),
                    reason: sp.manifest.snapshot.reason.into(),
                    single: single_address_note(&sp.manifest.snapshot),
                    with: Box::new(Message::PremisCaptureWith {
                        tool: p.provenance.tool.clone(),
                        version: p.provenance.tool_version.clone(),
                        browser: p.provenance.browser_version.clone(),
                        width: p.provenance.viewport_width,
                        height: p.provenance.viewport_height,
                    }),
                }
                .render(lang),
                outcome: if p.ok { "success" } else { "failure" },
                outcome_detail: p.error_text(lang),
                agents,
                objects: objs,
            });
        }
    }
    let all: Vec<String> = entries.iter().map(|e| e.premis_id.clone()).collect();
    let mut digest_agents = vec![(SOFTWARE_AGENT.to_string(), "executing program")];
    if let Some(o) = ag.op_id.get(&req.exported_by) {
        digest_agents.push((o.clone(), "implementer"));
    }
    events.push(Ev {
        id: "event-digest".into(),
        typ: "message digest calculation",
        at: now,
        detail: Message::PremisDigest {}.render(lang),
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
            detail: validation_detail(e).render(lang),
            outcome: if e.format.valid { "success" } else { "failure" },
            outcome_detail: Some(e.format.check.render(lang)),
            agents: vec![(SOFTWARE_AGENT.to_string(), "executing program")],
            objects: vec![e.premis_id.clone()],
        });
    }
    (events, obj_events)
}

/// What the validation event of a file says: its format, and its PRONOM id
/// when it has one.
fn validation_detail(e: &Entry) -> Message {
    let (path, format) = (e.path.clone(), e.format.name.clone());
    let version = e.format.version.clone().unwrap_or_default();
    match e.format.puid.clone() {
        Some(puid) => Message::PremisValidation {
            path,
            format,
            version,
            puid,
        },
        None => Message::PremisValidationUnidentified {
            path,
            format,
            version,
        },
    }
}

fn object(
    x: &mut Xml,
    lang: Language,
    snaps: &[SnapPlan],
    e: &Entry,
    obj_events: &BTreeMap<String, Vec<String>>,
    rights_of: &BTreeMap<String, Vec<String>>,
) {
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
                &Message::PremisCreatedWith {
                    tool: pv.tool.clone(),
                    browser: pv.browser_version.clone(),
                }
                .render(lang),
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
    if let Some(r) = rights_of.get(&e.premis_id) {
        marks::link(x, r);
    }
    x.close();
}

fn event(x: &mut Xml, ev: &Ev) {
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

fn write_agents(x: &mut Xml, req: &PackageRequest, ag: &Agents) {
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
        x,
        SOFTWARE_AGENT,
        SOFTWARE_NAME,
        "software",
        Some(SOFTWARE_VERSION),
        None,
    );
    for (b, id) in &ag.br_id {
        agent(x, id, "Chromium (headless)", "software", Some(b), None);
    }
    let lang = req.org.language;
    let org_note = opt(&req.org.organisation_number).map(|n| {
        Message::PremisOrgNumber {
            number: n.to_string(),
        }
        .render(lang)
    });
    agent(
        x,
        ORG_AGENT,
        &req.org.organisation_name,
        "organization",
        None,
        org_note.as_deref(),
    );
    let operator = Message::PremisAgentOperator {}.render(lang);
    for (o, id) in &ag.op_id {
        agent(x, id, o, "person", None, Some(&operator));
    }
}
