//! Removal records in the inventory and in
//! `how-the-snapshots-were-taken.md`.

use ogonblick_model::Evidence;

use super::removals::RemPlan;
use crate::inventory::Line;
use crate::names::one_line as l;
use crate::xml::ts;
use crate::PackageRequest;

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
