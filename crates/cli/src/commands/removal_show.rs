//! `ogonblick removal list` and `removal show`: the records as a table or
//! JSON, one record with its versions.

use std::process::ExitCode;

use ogonblick_app::{App, AppError};
use ogonblick_model::{Evidence, RemovalRecord, SnapshotStatus, Timestamp};

use super::removal::{when, ListArgs, ShowArgs};
use ogonblick_model::messages::{CliLine, CliWord, Column, Label};

use super::{parse_id, Ctx};
use crate::lang;
use crate::output::{self, cut, opt, time};

/// The end of a period: a date alone means to the end of that day.
fn period_end(s: &Option<String>) -> Result<Option<Timestamp>, AppError> {
    let t = when(s)?;
    let date_only = s.as_deref().is_some_and(|v| v.trim().len() == 10);
    Ok(t.map(|t| {
        if date_only {
            t + chrono::Duration::days(1) - chrono::Duration::nanoseconds(1)
        } else {
            t
        }
    }))
}

pub(super) fn list(ctx: &Ctx, a: ListArgs) -> anyhow::Result<ExitCode> {
    let channel = a.channel.as_deref().map(parse_id).transpose()?;
    let (from, to) = (when(&a.from)?, period_end(&a.to)?);
    let app = ctx.open()?;
    let list = app.removals(channel, from, to)?;
    let marks = app.marks()?;
    if a.json {
        output::json(&super::mark::json_with_marks(&list, |r| &r.id, &marks)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        output::line(lang::line(CliLine::CliRemovalsNone {}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.channel_id.to_string(),
                time(&r.removed_at),
                r.kind.text(lang::get()),
                r.action.text(lang::get()),
                r.ground.code.clone(),
                if r.police_report.reported {
                    lang::word(CliWord::Yes)
                } else {
                    String::new()
                },
                r.diary_number.clone().unwrap_or_default(),
                r.certified
                    .as_ref()
                    .map(|c| cut(&c.by, 20))
                    .unwrap_or_default(),
                cut(&r.url, 50),
                super::mark::cell(&r.id, &marks),
            ]
        })
        .collect();
    let mut head = vec![
        Column::Record,
        Column::Channel,
        Column::Removed,
        Column::Kind,
        Column::Action,
        Column::Ground,
        Column::Police,
        Column::Diary,
        Column::Certified,
        Column::Address,
        Column::Mark,
    ];
    let mut rows = rows;
    // The mark column only when something is marked (h-pkg).
    if marks.is_empty() {
        head.pop();
        rows.iter_mut().for_each(|r| {
            r.pop();
        });
    }
    output::table_of(&head, &rows)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn show(ctx: &Ctx, a: ShowArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let versions = app.removal(&a.id)?;
    let mark = app.mark(&a.id)?;
    if a.json {
        let marks: Vec<_> = mark.into_iter().collect();
        output::json(&super::mark::json_with_marks(&versions, |r| &r.id, &marks)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let r = versions.last().expect("a record has a version");
    print_record(&app, r)?;
    if let Some(m) = &mark {
        output::line(format!(
            "{}{}{} {}",
            label(Label::Mark),
            super::mark::words(&m.flags),
            m.flags
                .note
                .as_ref()
                .map(|n| format!(", {n}"))
                .unwrap_or_default(),
            lang::line(CliLine::CliMarkSetAt {
                at: time(&m.set_at),
                by: m.set_by.clone(),
            })
        ))?;
    }
    output::line(format!(
        "{}:",
        lang::line(CliLine::CliLabelText {
            label: Label::Versions
        })
    ))?;
    for v in &versions {
        output::line(format!(
            "  {}  {}  {}  {}",
            v.version,
            time(&v.recorded_at),
            v.recorded_by,
            v.change_note
                .as_ref()
                .map(crate::lang::render)
                .unwrap_or_default()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The labels of a record's lines.
const LABELS: [Label; 17] = [
    Label::Record,
    Label::Channel,
    Label::Address,
    Label::Kind,
    Label::Author,
    Label::PublishedAt,
    Label::Text,
    Label::RemovedAt,
    Label::Action,
    Label::Ground,
    Label::PoliceReport,
    Label::DiaryNumber,
    Label::Contacted,
    Label::Forwarded,
    Label::Certified,
    Label::Evidence,
    Label::Mark,
];

/// `Label:` padded to the widest label of the record's lines in the
/// chosen language.
fn label(l: Label) -> String {
    lang::label(l, lang::label_width(&LABELS))
}

fn print_record(app: &App, r: &RemovalRecord) -> anyhow::Result<()> {
    let channel = app
        .store()
        .channel(r.channel_id)
        .map(|c| c.name)
        .unwrap_or_default();
    let ground_label = match lang::get() {
        ogonblick_model::Language::Sv => &r.ground.label_sv,
        ogonblick_model::Language::En => &r.ground.label_en,
    };
    let mut lines = vec![
        format!(
            "{}{}",
            label(Label::Record),
            lang::line(CliLine::CliVersion {
                id: r.id.clone(),
                version: u64::from(r.version),
            })
        ),
        format!("{}{} {channel}", label(Label::Channel), r.channel_id),
        format!("{}{}", label(Label::Address), r.url),
        format!("{}{}", label(Label::Kind), r.kind.text(lang::get())),
        format!("{}{}", label(Label::Author), opt(&r.author)),
        format!(
            "{}{}",
            label(Label::PublishedAt),
            r.published_at.as_ref().map(time).unwrap_or_default()
        ),
        format!("{}{}", label(Label::Text), opt(&r.text)),
        format!(
            "{}{}",
            label(Label::RemovedAt),
            lang::line(CliLine::CliAtBy {
                at: time(&r.removed_at),
                by: r.removed_by.clone(),
            })
        ),
        format!("{}{}", label(Label::Action), r.action.text(lang::get())),
        format!(
            "{}{} ({}){}",
            label(Label::Ground),
            r.ground.code,
            ground_label,
            r.ground
                .text
                .as_ref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        ),
        format!(
            "{}{}",
            label(Label::PoliceReport),
            if r.police_report.reported {
                format!(
                    "{} {} {}",
                    lang::word(CliWord::Yes),
                    opt(&r.police_report.reference),
                    r.police_report
                        .date
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                )
            } else {
                lang::word(CliWord::No)
            }
        ),
        format!(
            "{}{}",
            label(Label::DiaryNumber),
            r.diary_number
                .clone()
                .unwrap_or_else(|| lang::word(CliWord::None))
        ),
    ];
    if let Some(c) = &r.contact {
        lines.push(format!(
            "{}{} {} {}",
            label(Label::Contacted),
            time(&c.at),
            opt(&c.how),
            c.message
        ));
    }
    if let Some(f) = &r.forwarded {
        lines.push(format!(
            "{}{}",
            label(Label::Forwarded),
            lang::line(CliLine::CliForwardedTo {
                to: f.to.clone(),
                at: time(&f.at),
            })
        ));
    }
    lines.push(format!(
        "{}{}",
        label(Label::Certified),
        match &r.certified {
            Some(c) => lang::line(CliLine::CliCertifiedBy {
                by: c.by.clone(),
                at: time(&c.at),
            }),
            None => lang::word(CliWord::NotYet),
        }
    ));
    let evidence = match &r.evidence {
        Evidence::Snapshot { snapshot_id } => {
            // A capture that did not succeed is said, with how to capture again.
            let status = app.store().snapshot(snapshot_id).map(|(s, _)| s.status);
            let id = snapshot_id.clone();
            lang::line(match status {
                Ok(SnapshotStatus::Complete) => CliLine::CliEvidenceSnapshot { id },
                Ok(st) => CliLine::CliEvidenceFailed {
                    id,
                    status: lang::snapshot_status(st),
                    record: r.id.clone(),
                },
                Err(_) => CliLine::CliEvidenceGone {
                    id,
                    record: r.id.clone(),
                },
            })
        }
        Evidence::File(f) => lang::line(CliLine::CliEvidenceFile {
            path: f.path.clone(),
            media_type: f.media_type.clone(),
            size: f.size,
            sha256: f.sha256.clone(),
            original: f.original_name.clone(),
        }),
    };
    lines.push(format!("{}{evidence}", label(Label::Evidence)));
    for l in lines {
        output::line(l)?;
    }
    Ok(())
}
