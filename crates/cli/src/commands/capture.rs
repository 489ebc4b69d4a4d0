//! `ogonblick capture ID... | capture --due | capture ID --url URL`: take
//! snapshots of channels, or capture one address for a channel (a post right
//! before it is removed).
//! Progress is drawn as a bar on a terminal and as one line per page
//! otherwise (logs of scheduled runs); a summary follows at the end.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use ogonblick_app::{AddressCaptureRequest, AppError, CaptureRequest, ChannelCapture};
use ogonblick_model::messages::{CliLine, CliWord, Column};
use ogonblick_model::{CancelToken, ProgressEvent, ProgressSink, SnapshotReason, SnapshotStatus};

use super::{parse_id, Ctx};
use crate::{lang, output};

#[derive(Debug, Args)]
pub struct CaptureArgs {
    /// The channels to capture (ids from `ogonblick channel list`).
    #[arg(
        value_name = "ID",
        required_unless_present = "due",
        conflicts_with = "due"
    )]
    pub ids: Vec<String>,
    /// Capture every channel that is due (see `ogonblick due`), as a scheduled run does.
    #[arg(long)]
    pub due: bool,
    /// With --due: assess at this moment instead of now (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_name = "DATE", requires = "due")]
    pub at: Option<String>,
    /// Capture only this one address for the channel (a post, a comment thread, an
    /// image; it need not be one of the channel's addresses), e.g. before removing it.
    #[arg(long, value_name = "URL", conflicts_with = "due")]
    pub url: Option<String>,
    /// Why the snapshot is taken: half-yearly, yearly, major-change, pre-closure, ad-hoc
    /// (the default), or single-item (the default with --url).
    #[arg(long, conflicts_with = "due")]
    pub reason: Option<String>,
    /// A note on the reason, e.g. what the major change was.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// How many channels to capture side by side in the one browser (1 to 8).
    #[arg(long, value_name = "N", default_value_t = ogonblick_app::DEFAULT_PAGES_AT_ONCE as u8,
          value_parser = clap::value_parser!(u8).range(1..=8))]
    pub parallel: u8,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Draws progress: a bar on a terminal, plain lines on stderr otherwise.
pub(crate) struct CliProgress {
    bar: Option<ProgressBar>,
    total: Mutex<u32>,
}

impl CliProgress {
    pub(crate) fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = ProgressBar::new(0);
            b.set_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} [{{bar:30}}] {{pos}}/{{len}} {} {{wide_msg}}",
                    lang::word(CliWord::Pages)
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(200));
            b
        });
        CliProgress {
            bar,
            total: Mutex::new(0),
        }
    }
}

impl ProgressSink for CliProgress {
    fn event(&self, event: ProgressEvent) {
        match (&self.bar, event) {
            (Some(b), ProgressEvent::Started { total, .. }) => b.inc_length(total as u64),
            (None, ProgressEvent::Started { total, .. }) => {
                *self.total.lock().unwrap() += total;
            }
            (
                Some(b),
                ProgressEvent::Stage {
                    label,
                    stage,
                    detail,
                    ..
                },
            ) => {
                let d = detail
                    .map(|d| format!(" ({})", crate::lang::render(&d)))
                    .unwrap_or_default();
                let stage = lang::line(CliLine::CliStage {
                    stage: serde_json::to_value(stage)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                });
                b.set_message(format!("{label}: {stage}{d}"));
            }
            (
                Some(b),
                ProgressEvent::ItemDone {
                    label,
                    ok,
                    message,
                    why,
                    ..
                },
            ) => {
                b.inc(1);
                if !ok {
                    let why = why.map(|m| crate::lang::render(&m)).or(message);
                    b.println(format!(
                        "{}: {label}: {}",
                        crate::lang::error_word(),
                        why.unwrap_or_default()
                    ));
                }
            }
            (
                None,
                ProgressEvent::ItemDone {
                    index,
                    label,
                    ok,
                    message,
                    why,
                    ..
                },
            ) => {
                let total = *self.total.lock().unwrap();
                let verdict = lang::word(if ok { CliWord::Ok } else { CliWord::Failed });
                let why = why
                    .map(|m| crate::lang::render(&m))
                    .or(message)
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default();
                output::err_line(format!("[{}/{total}] {verdict} {label}{why}", index + 1));
            }
            (Some(b), ProgressEvent::Finished { .. }) => b.finish_and_clear(),
            _ => {}
        }
    }
}

pub fn run(ctx: &Ctx, a: CaptureArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let progress = CliProgress::new();
    let cancel = CancelToken::new();
    let mut opts = app.capture_options();
    opts.pages_at_once = usize::from(a.parallel);
    let results = if a.due {
        let at = a.at.as_deref().map(|s| app.parse_at(s)).transpose()?;
        app.capture_due_with(at, &opts, &progress, &cancel)?
    } else if let Some(url) = &a.url {
        let [id] = a.ids.as_slice() else {
            return Err(AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::CliUrlOneChannel {},
            )
            .into());
        };
        let reason = match &a.reason {
            Some(r) => r.parse().map_err(|e: ogonblick_model::UnknownWord| {
                AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message())
            })?,
            None => AddressCaptureRequest::DEFAULT_REASON,
        };
        let request = AddressCaptureRequest {
            channel_id: parse_id(id)?,
            url: url.clone(),
            reason,
            reason_note: a.note.clone(),
            reason_message: None,
        };
        let snapshot = app.capture_address_with(&request, &opts, &progress, &cancel)?;
        vec![ChannelCapture::Stored { snapshot }]
    } else {
        let reason: SnapshotReason = a
            .reason
            .as_deref()
            .unwrap_or(SnapshotReason::AdHoc.as_str())
            .parse()
            .map_err(|e: ogonblick_model::UnknownWord| {
                AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message())
            })?;
        let channel_ids = a
            .ids
            .iter()
            .map(|s| parse_id(s))
            .collect::<Result<Vec<_>, _>>()?;
        let request = CaptureRequest {
            channel_ids,
            reason,
            reason_note: a.note.clone(),
            reason_message: None,
        };
        app.capture_with(&request, &opts, &progress, &cancel, |_| Ok(true))?
    };
    if let Some(b) = &progress.bar {
        b.finish_and_clear();
    }
    if a.json {
        output::json(&results)?;
    } else {
        print_summary(&results)?;
    }
    let not_complete = results
        .iter()
        .filter(|r| matches!(r, ChannelCapture::Stored { snapshot } if snapshot.status != SnapshotStatus::Complete))
        .count();
    if not_complete > 0 {
        output::err_line(format!(
            "{}: {}",
            lang::error_word(),
            lang::line(CliLine::CliCaptureIncomplete {
                count: not_complete as u64,
                total: results.len() as u64,
            })
        ));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summary(results: &[ChannelCapture]) -> anyhow::Result<()> {
    if results.is_empty() {
        return output::line(lang::line(CliLine::CliCaptureNothing {}));
    }
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|r| match r {
            ChannelCapture::Stored { snapshot } => {
                let ok = snapshot.pages.iter().filter(|p| p.ok).count();
                let failures: Vec<String> = snapshot
                    .pages
                    .iter()
                    .filter_map(|p| {
                        p.error_text(crate::lang::get())
                            .map(|e| format!("{}: {e}", p.url))
                    })
                    .collect();
                vec![
                    snapshot.channel_id.to_string(),
                    lang::snapshot_status(snapshot.status),
                    format!("{ok}/{}", snapshot.pages.len()),
                    lang::reason(snapshot.reason),
                    snapshot.id.clone(),
                    failures.join("; "),
                ]
            }
            ChannelCapture::Skipped {
                channel_id,
                message,
            } => vec![
                channel_id.to_string(),
                lang::word(CliWord::Skipped),
                String::new(),
                String::new(),
                String::new(),
                crate::lang::render(message),
            ],
        })
        .collect();
    output::table_of(
        &[
            Column::Channel,
            Column::Status,
            Column::Pages,
            Column::Reason,
            Column::Snapshot,
            Column::Problems,
        ],
        &rows,
    )
}
