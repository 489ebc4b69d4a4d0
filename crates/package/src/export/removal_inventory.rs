//! Removal records in the inventory and in
//! `how-the-snapshots-were-taken.md`, in the organisation's language.

use ogonblick_model::{Evidence, Message};

use super::documentation::{at, diary, lang};
use super::removals::RemPlan;
use crate::inventory::Line;
use crate::names::one_line as l;
use crate::PackageRequest;

/// The inventory's section of removal records, with the protection column.
pub(super) fn inventory_lines(req: &PackageRequest, plans: &[RemPlan]) -> Vec<Line> {
    let mut out = Vec::new();
    if plans.is_empty() {
        return out;
    }
    let lang = lang(req);
    let say = |m: Message| m.render(lang);
    out.push(Line {
        text: say(Message::DocRemovals {}),
        heading: true,
    });
    for rp in plans {
        let c = rp.current;
        // The columns, " – " between them.
        let columns = [
            say(Message::DocInvRemoval {
                id: l(&c.id),
                channel: l(&rp.item.channel_name),
                at: at(&c.removed_at),
                kind: c.kind.text(lang),
                action: c.action.text(lang),
            }),
            say(Message::DocGround {
                ground: l(&c.ground.code),
            }),
            diary(req, c.diary_number.as_deref()),
            say(Message::DocProtection {
                marks: super::marks::protection_text(req, &c.id),
            }),
        ];
        out.push(Line {
            text: columns.join(" – "),
            heading: false,
        });
        let mut notes = String::new();
        if let Some(b) = &c.certified {
            notes.push_str(&say(Message::DocCertifiedBy { by: l(&b.by) }));
        }
        if c.police_report.reported {
            notes.push_str(&say(Message::DocPoliceReported {}));
        }
        out.push(Line {
            text: format!(
                "   {}",
                say(Message::DocInvRemovalDetail {
                    url: l(&c.url),
                    versions: Box::new(Message::DocVersions {
                        versions: rp.item.manifest.versions.len(),
                    }),
                    notes,
                    evidence: match &c.evidence {
                        Evidence::Snapshot { snapshot_id } =>
                            say(Message::DocEvidenceSnapshot { id: l(snapshot_id) }),
                        Evidence::File(f) => say(Message::DocEvidenceFile {
                            name: l(&f.original_name)
                        }),
                    },
                })
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
pub(super) fn how_text(req: &PackageRequest, plans: &[RemPlan]) -> String {
    if plans.is_empty() {
        return String::new();
    }
    let lang = lang(req);
    let say = |m: Message| m.render(lang);
    let mut s = format!(
        "\n## {}\n\n{}\n\n",
        say(Message::DocRemovals {}),
        say(Message::DocHowRemovalsIntro {})
    );
    for rp in plans {
        let c = rp.current;
        s.push_str(&format!(
            "- {}, {}, {}\n",
            say(Message::DocHowRemoval {
                id: l(&c.id),
                channel: l(&rp.item.channel_name),
                what: format!("{}, {}", c.kind.text(lang), c.action.text(lang)),
                at: at(&c.removed_at),
                by: l(&c.removed_by),
            }),
            say(Message::DocGround {
                ground: l(&c.ground.code),
            }),
            say(Message::DocVersions {
                versions: rp.item.manifest.versions.len(),
            })
        ));
    }
    s
}
