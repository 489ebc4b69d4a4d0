//! The period report of removals (*borttaget innehåll*) for the social-media
//! lead and the board: the "documentation outside the platform". One row per
//! record (its latest version) removed in the period, with counts per ground
//! and per action, as PDF/A-2b or CSV ([`crate::documents`]).

use ogonblick_model::RoleAction;
use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use ogonblick_model::{
    AuditEvent, ChannelId, ErrorCode, Evidence, Language, Message, RemovalRecord, Timestamp,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::documents::{
    check_document_path, DocumentFormat, RowLayout, SummaryTable, TableDocument,
};
use crate::removals::parse_date;
use crate::{App, AppError, Result};

/// What the report covers and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemovalReportRequest {
    /// First day (`YYYY-MM-DD`, Swedish time), inclusive.
    pub from: String,
    /// Last day, inclusive.
    pub to: String,
    #[ts(type = "number | null")]
    pub channel: Option<ChannelId>,
    pub board: Option<String>,
    pub language: Language,
    /// `.pdf` (PDF/A-2b) or `.csv`.
    #[ts(type = "string")]
    pub out: PathBuf,
}

/// A count of records under one label (a ground's wording, an action).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportCount {
    pub label: String,
    #[ts(type = "number")]
    pub count: usize,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportSummary {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub format: DocumentFormat,
    #[ts(type = "number")]
    pub records: usize,
    /// Pages of the PDF (none for CSV).
    pub pages: Option<u32>,
    pub by_ground: Vec<ReportCount>,
    pub by_action: Vec<ReportCount>,
}

fn said(m: Message) -> AppError {
    AppError::said(ErrorCode::InvalidInput, m)
}

fn local(t: &Timestamp) -> chrono::DateTime<chrono_tz::Tz> {
    t.with_timezone(&chrono_tz::Europe::Stockholm)
}

/// A time as the report shows it: Swedish time to the minute.
fn shown(t: &Timestamp) -> String {
    local(t).format("%Y-%m-%d %H:%M").to_string()
}

impl App {
    /// Writes the period report of removals: checks the request (dates,
    /// channel, board, the file's name and folder) before anything is made,
    /// then writes the report atomically and records it in the audit log.
    /// An empty period is a report saying no removals were recorded.
    pub fn removal_report(&self, req: &RemovalReportRequest) -> Result<ReportSummary> {
        self.require(RoleAction::Report, None)?;
        let from = parse_date(&req.from)?;
        let to = parse_date(&req.to)?;
        if from > to {
            return Err(said(Message::RemovalReportFromAfterTo {
                from: from.to_string(),
                to: to.to_string(),
            }));
        }
        let channels = self.store().channels()?;
        let board = req
            .board
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty());
        if let Some(id) = req.channel {
            if !channels.iter().any(|c| c.id == id) {
                return Err(said(Message::RemovalReportUnknownChannel { id }));
            }
        }
        if let Some(b) = board {
            if !channels.iter().any(|c| c.board.as_deref() == Some(b)) {
                let mut known: Vec<&str> =
                    channels.iter().filter_map(|c| c.board.as_deref()).collect();
                known.sort();
                known.dedup();
                return Err(said(Message::RemovalReportUnknownBoard {
                    board: b.to_string(),
                    known: if known.is_empty() {
                        "–".into()
                    } else {
                        known.join(", ")
                    },
                }));
            }
        }
        check_document_path(&req.out)?;
        let in_scope = |id: ChannelId| {
            channels.iter().any(|c| {
                c.id == id
                    && req.channel.is_none_or(|want| want == id)
                    && board.is_none_or(|b| c.board.as_deref() == Some(b))
            })
        };
        let in_period = |t: &Timestamp| (from..=to).contains(&local(t).date_naive());
        let mut records: Vec<RemovalRecord> = self
            .store()
            .removals(None)?
            .into_iter()
            .filter(|r| in_scope(r.channel_id) && in_period(&r.removed_at))
            .collect();
        records.sort_by(|a, b| (a.removed_at, &a.id).cmp(&(b.removed_at, &b.id)));
        let (doc, by_ground, by_action) = self.report_document(req, from, to, board, &records)?;
        let (format, pages) = self.write_document(&doc, &req.out)?;
        self.store().append_audit(
            self.operator(),
            req.channel,
            AuditEvent::RemovalReportMade {
                from: from.to_string(),
                to: to.to_string(),
                channel: req.channel,
                board: board.map(str::to_string),
                records: records.len() as u32,
                path: req.out.display().to_string(),
            },
        )?;
        Ok(ReportSummary {
            path: req.out.clone(),
            format,
            records: records.len(),
            pages,
            by_ground,
            by_action,
        })
    }

    fn report_document(
        &self,
        req: &RemovalReportRequest,
        from: NaiveDate,
        to: NaiveDate,
        board: Option<&str>,
        records: &[RemovalRecord],
    ) -> Result<(TableDocument, Vec<ReportCount>, Vec<ReportCount>)> {
        let lang = req.language;
        let t = |m: Message| m.render(lang);
        let sv = lang == Language::Sv;
        let now = self.clock().now();
        let mut lines = vec![t(Message::RemovalReportPeriod {
            from: from.to_string(),
            to: to.to_string(),
        })];
        if let Some(id) = req.channel {
            let name = self.store().channel(id)?.name;
            lines.push(t(Message::RemovalReportFilterChannel { id, name }));
        }
        if let Some(b) = board {
            lines.push(t(Message::RemovalReportFilterBoard {
                board: b.to_string(),
            }));
        }
        if req.channel.is_none() && board.is_none() {
            lines.push(t(Message::RemovalReportFilterAll {}));
        }
        lines.push(t(Message::RemovalReportMade {
            at: shown(&now),
            by: self.operator().to_string(),
        }));
        lines.push(t(Message::RemovalReportTotal {
            count: records.len(),
        }));

        let ground_label = |r: &RemovalRecord| {
            if sv {
                r.ground.label_sv.clone()
            } else {
                r.ground.label_en.clone()
            }
        };
        let action_label = |r: &RemovalRecord| r.action.text(lang);
        let count = |label: &dyn Fn(&RemovalRecord) -> String| {
            let mut m: BTreeMap<String, usize> = BTreeMap::new();
            for r in records {
                *m.entry(label(r)).or_default() += 1;
            }
            let mut v: Vec<ReportCount> = m
                .into_iter()
                .map(|(label, count)| ReportCount { label, count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
            v
        };
        let by_ground = count(&ground_label);
        let by_action = count(&action_label);
        let summary = |heading: Message, first: Message, v: &[ReportCount]| SummaryTable {
            heading: t(heading),
            columns: vec![t(first), t(Message::RemovalReportColCount {})],
            rows: v
                .iter()
                .map(|c| vec![c.label.clone(), c.count.to_string()])
                .collect(),
        };
        let mut summaries = Vec::new();
        if !records.is_empty() {
            summaries.push(summary(
                Message::RemovalReportByGround {},
                Message::RemovalReportColGround {},
                &by_ground,
            ));
            summaries.push(summary(
                Message::RemovalReportByAction {},
                Message::RemovalReportColAction {},
                &by_action,
            ));
        }
        let columns = [
            Message::RemovalReportColRecord {},
            Message::RemovalReportColChannel {},
            Message::RemovalReportColBoard {},
            Message::RemovalReportColAddress {},
            Message::RemovalReportColKind {},
            Message::RemovalReportColAction {},
            Message::RemovalReportColGround {},
            Message::RemovalReportColRemovedAt {},
            Message::RemovalReportColRemovedBy {},
            Message::RemovalReportColAuthor {},
            Message::RemovalReportColText {},
            Message::RemovalReportColPolice {},
            Message::RemovalReportColContacted {},
            Message::RemovalReportColForwarded {},
            Message::RemovalReportColDiary {},
            Message::RemovalReportColCertified {},
            Message::RemovalReportColEvidence {},
            Message::RemovalReportColSha256 {},
        ]
        .into_iter()
        .map(t)
        .collect();
        let mut rows = Vec::new();
        for r in records {
            let channel = self.store().channel(r.channel_id)?;
            let ground = match &r.ground.text {
                Some(text) => format!("{}: {text}", ground_label(r)),
                None => ground_label(r),
            };
            let police = if r.police_report.reported {
                let mut parts = vec![t(Message::RemovalReportYes {})];
                parts.extend(r.police_report.reference.clone());
                parts.extend(r.police_report.date.map(|d| d.to_string()));
                parts.join(", ")
            } else {
                t(Message::RemovalReportNo {})
            };
            let contacted = match &r.contact {
                Some(c) => match &c.how {
                    Some(how) => format!("{} ({how})", shown(&c.at)),
                    None => shown(&c.at),
                },
                None => t(Message::RemovalReportNo {}),
            };
            let (evidence, sha) = match &r.evidence {
                Evidence::Snapshot { snapshot_id } => {
                    let files = self
                        .store()
                        .snapshot(snapshot_id)
                        .map(|s| {
                            s.0.pages
                                .iter()
                                .flat_map(|p| p.files.iter())
                                .map(|f| format!("{}: {}", f.path, f.sha256))
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .unwrap_or_default();
                    (
                        t(Message::RemovalReportEvidenceSnapshot {
                            id: snapshot_id.clone(),
                        }),
                        files,
                    )
                }
                Evidence::File(f) => (
                    t(Message::RemovalReportEvidenceFile {
                        name: f.original_name.clone(),
                    }),
                    f.sha256.clone(),
                ),
            };
            rows.push(vec![
                r.id.clone(),
                channel.name,
                channel.board.unwrap_or_default(),
                r.url.clone(),
                r.kind.text(lang),
                action_label(r),
                ground,
                shown(&r.removed_at),
                r.removed_by.clone(),
                r.author.clone().unwrap_or_default(),
                r.text.clone().unwrap_or_default(),
                police,
                contacted,
                r.forwarded
                    .as_ref()
                    .map(|f| format!("{}, {}", f.to, shown(&f.at)))
                    .unwrap_or_default(),
                r.diary_number.clone().unwrap_or_default(),
                r.certified
                    .as_ref()
                    .map(|c| format!("{}, {}", c.by, shown(&c.at)))
                    .unwrap_or_default(),
                evidence,
                sha,
            ]);
        }
        let doc = TableDocument {
            language: lang,
            title: t(Message::RemovalReportTitle {}),
            lines,
            summaries,
            rows_heading: t(Message::RemovalReportRecords {}),
            columns,
            rows,
            empty: t(Message::RemovalReportNone {}),
            layout: RowLayout::Cards,
            source: "ogonblick:removal-report".into(),
            created: now,
        };
        Ok((doc, by_ground, by_action))
    }
}
