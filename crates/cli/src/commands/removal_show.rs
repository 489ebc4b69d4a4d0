//! `ogonblick removal list` and `removal show`: the records as a table or
//! JSON, one record with its versions.

use std::process::ExitCode;

use ogonblick_app::{App, AppError};
use ogonblick_model::{Evidence, RemovalRecord, SnapshotStatus, Timestamp};

use super::removal::{when, ListArgs, ShowArgs};
use super::{parse_id, Ctx};
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
        output::line("No removal records.")?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.channel_id.to_string(),
                time(&r.removed_at),
                r.kind.to_string(),
                r.action.to_string(),
                r.ground.code.clone(),
                if r.police_report.reported { "yes" } else { "" }.into(),
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
        "RECORD",
        "CHANNEL",
        "REMOVED",
        "KIND",
        "ACTION",
        "GROUND",
        "POLICE",
        "DIARY",
        "CERTIFIED",
        "ADDRESS",
        "MARK",
    ];
    let mut rows = rows;
    // The mark column only when something is marked (h-pkg).
    if marks.is_empty() {
        head.pop();
        rows.iter_mut().for_each(|r| {
            r.pop();
        });
    }
    output::table(&head, &rows)?;
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
            "Mark:          {}{} (set {} by {})",
            super::mark::words(&m.flags),
            m.flags
                .note
                .as_ref()
                .map(|n| format!(", {n}"))
                .unwrap_or_default(),
            time(&m.set_at),
            m.set_by
        ))?;
    }
    output::line("Versions:")?;
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

fn print_record(app: &App, r: &RemovalRecord) -> anyhow::Result<()> {
    let channel = app
        .store()
        .channel(r.channel_id)
        .map(|c| c.name)
        .unwrap_or_default();
    let mut lines = vec![
        format!("Record:        {} (version {})", r.id, r.version),
        format!("Channel:       {} {channel}", r.channel_id),
        format!("Address:       {}", r.url),
        format!("Kind:          {}", r.kind),
        format!("Author:        {}", opt(&r.author)),
        format!(
            "Published at:  {}",
            r.published_at.as_ref().map(time).unwrap_or_default()
        ),
        format!("Text:          {}", opt(&r.text)),
        format!("Removed at:    {} by {}", time(&r.removed_at), r.removed_by),
        format!("Action:        {}", r.action),
        format!(
            "Ground:        {} ({}){}",
            r.ground.code,
            r.ground.label_en,
            r.ground
                .text
                .as_ref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        ),
        format!(
            "Police report: {}",
            if r.police_report.reported {
                format!(
                    "yes {} {}",
                    opt(&r.police_report.reference),
                    r.police_report
                        .date
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                )
            } else {
                "no".into()
            }
        ),
        format!(
            "Diary number:  {}",
            r.diary_number.as_deref().unwrap_or("none")
        ),
    ];
    if let Some(c) = &r.contact {
        lines.push(format!(
            "Contacted:     {} {} {}",
            time(&c.at),
            opt(&c.how),
            c.message
        ));
    }
    if let Some(f) = &r.forwarded {
        lines.push(format!("Forwarded:     to {} at {}", f.to, time(&f.at)));
    }
    lines.push(match &r.certified {
        Some(c) => format!("Certified:     by {} at {}", c.by, time(&c.at)),
        None => "Certified:     not yet".into(),
    });
    lines.push(match &r.evidence {
        Evidence::Snapshot { snapshot_id } => {
            // A capture that did not succeed is said, with how to capture again.
            let status = app.store().snapshot(snapshot_id).map(|(s, _)| s.status);
            match status {
                Ok(SnapshotStatus::Complete) => format!("Evidence:      snapshot {snapshot_id}"),
                Ok(st) => format!(
                    "Evidence:      snapshot {snapshot_id}, capture failed ({st}); capture it again with `ogonblick removal recapture {}` or record your own screenshot",
                    r.id
                ),
                Err(_) => format!(
                    "Evidence:      snapshot {snapshot_id}, no longer in the register; capture it again with `ogonblick removal recapture {}`",
                    r.id
                ),
            }
        }
        Evidence::File(f) => format!(
            "Evidence:      file supplied by hand {} ({}, {} bytes, sha256 {}), was {}",
            f.path, f.media_type, f.size, f.sha256, f.original_name
        ),
    });
    for l in lines {
        output::line(l)?;
    }
    Ok(())
}
