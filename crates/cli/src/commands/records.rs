//! `ogonblick reindex`, `history`, `audit`.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use ogonblick_app::App;
use ogonblick_model::RandomIds;

use ogonblick_model::messages::{CliLine, Column};

use super::{parse_id, Ctx};
use crate::lang;
use crate::output::{self, cut, time};

#[derive(Debug, Args)]
pub struct ReindexArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this channel's snapshots.
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only this channel's entries.
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn reindex(ctx: &Ctx, a: ReindexArgs) -> anyhow::Result<ExitCode> {
    let r = match ctx.database {
        // The shared register: its folders checked against the database.
        Some(_) => ctx.open()?.reindex()?,
        // Works even when the database is too damaged to open.
        None => {
            App::reindex_data_dir_as(
                ctx.config.clone(),
                ctx.login.clone(),
                ogonblick_app::clock_from_env()?,
                Arc::new(RandomIds),
            )?
            .1
        }
    };
    if a.json {
        output::json(&r)?;
    } else {
        output::line(lang::line(CliLine::CliReindexDone {
            channels: r.channels as u64,
            snapshots: r.snapshots as u64,
            audit_entries: r.audit_entries as u64,
        }))?;
        for w in &r.warnings {
            output::err_line(lang::line(CliLine::CliWarning {
                what: Box::new(w.clone()),
            }));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn history(ctx: &Ctx, a: HistoryArgs) -> anyhow::Result<ExitCode> {
    let channel = a.channel.as_deref().map(parse_id).transpose()?;
    let app = ctx.open()?;
    let list = app.history(channel)?;
    let marks = app.marks()?;
    let stamps = app.timestamp_states_of(channel)?;
    if a.json {
        // Each snapshot with its timestamp: the state (`null` when no
        // authority was configured) and the sentence shown for it; its
        // mark (`null` when unmarked); and per page its `comparison`.
        #[derive(serde::Serialize)]
        struct Row<'a> {
            #[serde(flatten)]
            snapshot: &'a ogonblick_model::Snapshot,
            timestamp: Option<&'a ogonblick_model::SnapshotTimestamp>,
            timestamp_status: ogonblick_model::Message,
        }
        let rows: Vec<Row<'_>> = list
            .iter()
            .map(|s| Row {
                snapshot: s,
                timestamp: stamps.get(&s.id),
                timestamp_status: ogonblick_app::timestamp_status(stamps.get(&s.id)),
            })
            .collect();
        let mut v = super::mark::json_with_marks(&rows, |r| &r.snapshot.id, &marks)?;
        lift_comparisons(&mut v);
        output::json(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        output::line(lang::line(CliLine::CliHistoryNone {}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.channel_id.to_string(),
                time(&s.started_at),
                lang::snapshot_status(s.status),
                match &s.single_address {
                    Some(a) => format!("{} {}", lang::reason(s.reason), cut(a, 40)),
                    None => lang::reason(s.reason),
                },
                s.pages.len().to_string(),
                cut(&s.operator, 20),
                s.diary_number.clone().unwrap_or_default(),
                cut(
                    &lang::render(&ogonblick_app::timestamp_status(stamps.get(&s.id))),
                    60,
                ),
                super::mark::cell(&s.id, &marks),
            ]
        })
        .collect();
    let mut head = vec![
        Column::Snapshot,
        Column::Channel,
        Column::Started,
        Column::Status,
        Column::Reason,
        Column::Pages,
        Column::Operator,
        Column::Diary,
        Column::Timestamp,
        Column::Mark,
    ];
    let mut rows = rows;
    // The mark column only when something is marked.
    if marks.is_empty() {
        head.pop();
        rows.iter_mut().for_each(|r| {
            r.pop();
        });
    }
    output::table_of(&head, &rows)?;
    Ok(ExitCode::SUCCESS)
}

pub fn audit(ctx: &Ctx, a: AuditArgs) -> anyhow::Result<ExitCode> {
    let channel = a.channel.as_deref().map(parse_id).transpose()?;
    let app = ctx.open()?;
    let list = app.audit_log(channel)?;
    if a.json {
        output::json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|e| {
            vec![
                e.seq.to_string(),
                time(&e.at),
                // The database role that wrote the entry when it is not
                // the person recorded (a shared register, migration 0008).
                match &e.db_role {
                    Some(role) => format!("{} ({})", cut(&e.actor, 20), cut(role, 20)),
                    None => cut(&e.actor, 20),
                },
                e.action.clone(),
                e.channel_id.map(|c| c.to_string()).unwrap_or_default(),
                // The event in the chosen language (an entry of a format
                // this version cannot read: as recorded).
                cut(&lang::render(&e.event.message()), 80),
            ]
        })
        .collect();
    output::table_of(
        &[
            Column::Seq,
            Column::At,
            Column::Actor,
            Column::Action,
            Column::Channel,
            Column::Detail,
        ],
        &rows,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Each page's comparison with the previous snapshot (kept in its report in
/// `snapshot.json`, so older snapshots read as before) shown beside the
/// page as `comparison` (issue 17), `null` when it was not compared.
fn lift_comparisons(rows: &mut serde_json::Value) {
    use serde_json::Value;
    let Value::Array(rows) = rows else { return };
    for row in rows {
        let Some(Value::Array(pages)) = row.get_mut("pages") else {
            continue;
        };
        for page in pages {
            let comparison = page
                .get_mut("report")
                .and_then(Value::as_object_mut)
                .and_then(|r| r.remove("comparison"))
                .unwrap_or(Value::Null);
            if let Value::Object(p) = page {
                p.insert("comparison".into(), comparison);
            }
        }
    }
}
