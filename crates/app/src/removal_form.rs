//! The removal records as the desktop sees them: a form that staff fill in
//! (dates as they type them, the evidence as a choice) and a filter for the
//! *Borttaget* list. Both end in the use cases of `removals.rs`; nothing here
//! checks anything those do not.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::path::PathBuf;

use ogonblick_model::{
    CancelToken, ChannelId, ErrorCode, Evidence, Message, ProgressSink, RemovalAction,
    RemovalRecord, RemovedKind, Timestamp,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::removals::{parse_date, parse_when, EvidenceSource, NewRemoval};
use crate::{App, AppError, Result};

/// What shows the removed item, as chosen in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EvidenceChoice {
    /// Capture the item's address first (the default: the item is still there).
    Capture,
    /// A snapshot of the channel already taken.
    Snapshot { snapshot_id: String },
    /// Staff's own screenshot file (PNG, JPEG or PDF): the item is already gone.
    File { path: String },
}

/// A new removal record as the form sends it. Dates are text as staff type
/// them (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM` Swedish time, or RFC 3339); an empty
/// text is no value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemovalForm {
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub url: String,
    pub kind: RemovedKind,
    /// The ground's short name (`RemovalGround.code`).
    pub ground: String,
    pub ground_text: Option<String>,
    pub action: Option<RemovalAction>,
    pub author: Option<String>,
    pub published_at: Option<String>,
    pub text: Option<String>,
    /// Default: now.
    pub removed_at: Option<String>,
    pub police_report: Option<String>,
    pub police_report_date: Option<String>,
    /// The *Polisanmälan gjord* checkbox: reported even without a reference or date.
    #[serde(default)]
    pub police_reported: bool,
    pub contacted_at: Option<String>,
    pub contact_how: Option<String>,
    /// Default (when contacted): the Swedish template naming the channel's rules page.
    pub contact_message: Option<String>,
    /// The channel's rules page named in the template (default: its first address).
    #[serde(default)]
    pub rules_page: Option<String>,
    pub forwarded_to: Option<String>,
    pub forwarded_at: Option<String>,
    pub diary_number: Option<String>,
    pub evidence: EvidenceChoice,
}

/// Which records the *Borttaget* list shows; every field narrows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemovalFilter {
    #[ts(type = "number | null")]
    pub channel_id: Option<ChannelId>,
    /// The owning board (*nämnd*) of the record's channel, as written in the register.
    pub board: Option<String>,
    /// Removed on or after this day (`YYYY-MM-DD`, Swedish time).
    pub from: Option<String>,
    /// Removed on or before this day (inclusive).
    pub to: Option<String>,
    /// A ground's short name.
    pub ground: Option<String>,
    /// Only records with (true) or without (false) a police report.
    pub police_report: Option<bool>,
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn when(s: &Option<String>) -> Result<Option<Timestamp>> {
    given(s).map(parse_when).transpose()
}

/// The last instant of a day in Swedish time, for an inclusive `to`.
fn end_of_day(s: &str) -> Result<Timestamp> {
    let next = parse_date(s)?.succ_opt().unwrap_or(chrono::NaiveDate::MAX);
    Ok(parse_when(&next.to_string())? - chrono::Duration::nanoseconds(1))
}

impl App {
    /// Records a removal from the form: the capture first (reporting to
    /// `sink`, stopped by `cancel`) unless a snapshot or a file is given.
    pub fn record_removal(
        &self,
        form: &RemovalForm,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<RemovalRecord> {
        self.require_channel(RoleAction::RemovalRecord, form.channel_id)?;
        let n = NewRemoval {
            channel_id: form.channel_id,
            url: form.url.clone(),
            kind: form.kind,
            ground: form.ground.clone(),
            ground_text: form.ground_text.clone(),
            action: form.action,
            author: form.author.clone(),
            published_at: when(&form.published_at)?,
            text: form.text.clone(),
            removed_at: when(&form.removed_at)?,
            removed_by: None,
            police_report: form.police_report.clone(),
            police_report_date: given(&form.police_report_date)
                .map(parse_date)
                .transpose()?,
            police_reported: form.police_reported.then_some(true),
            contacted_at: when(&form.contacted_at)?,
            contact_how: form.contact_how.clone(),
            contact_message: form.contact_message.clone(),
            rules_page: form.rules_page.clone(),
            forwarded_to: form.forwarded_to.clone(),
            forwarded_at: when(&form.forwarded_at)?,
            diary_number: form.diary_number.clone(),
            evidence: match &form.evidence {
                EvidenceChoice::Capture => EvidenceSource::CaptureFirst,
                EvidenceChoice::Snapshot { snapshot_id } => {
                    EvidenceSource::Snapshot(snapshot_id.clone())
                }
                EvidenceChoice::File { path } => EvidenceSource::File(PathBuf::from(path)),
            },
        };
        self.add_removal_with(n, sink, cancel)
    }

    /// The message to the author that recording `form` would write when
    /// staff leave it empty: the Swedish template naming the channel's rules
    /// page (the form's, or the channel's first address), for the form to
    /// show before it is sent.
    pub fn contact_preview(&self, form: &RemovalForm) -> Result<String> {
        self.require_channel(RoleAction::RemovalRecord, form.channel_id)?;
        let channel = self.store().channel(form.channel_id)?;
        let rules = given(&form.rules_page)
            .map(str::to_string)
            .or_else(|| channel.urls.first().cloned())
            .unwrap_or_default();
        let org = self.store().settings().map(|s| s.name).unwrap_or_default();
        Ok(crate::removal_text::contact_template(
            given(&form.author),
            form.kind,
            &rules,
            self.operator(),
            &org,
        ))
    }

    /// The current version of every record the filter lets through, newest
    /// removal first.
    pub fn find_removals(&self, f: &RemovalFilter) -> Result<Vec<RemovalRecord>> {
        let from = given(&f.from).map(parse_when).transpose()?;
        let to = given(&f.to).map(end_of_day).transpose()?;
        let board = given(&f.board).map(str::to_lowercase);
        let ground = given(&f.ground).map(str::to_lowercase);
        let boards: Option<Vec<ChannelId>> = match &board {
            None => None,
            Some(b) => Some(
                self.store()
                    .channels()?
                    .into_iter()
                    .filter(|c| {
                        c.board
                            .as_deref()
                            .is_some_and(|x| x.trim().to_lowercase() == *b)
                    })
                    .map(|c| c.id)
                    .collect(),
            ),
        };
        let mut rows: Vec<RemovalRecord> = self
            .removals(f.channel_id, from, to)?
            .into_iter()
            .filter(|r| {
                boards
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&r.channel_id))
            })
            .filter(|r| ground.as_ref().is_none_or(|g| r.ground.code == *g))
            .filter(|r| {
                f.police_report
                    .is_none_or(|want| r.police_report.reported == want)
            })
            .collect();
        rows.sort_by(|a, b| b.removed_at.cmp(&a.removed_at).then(b.id.cmp(&a.id)));
        Ok(rows)
    }

    /// Where the screenshot staff supplied for record `id` is (its latest
    /// version's file); an error when the record shows a snapshot instead.
    pub fn removal_file_path(&self, id: &str) -> Result<PathBuf> {
        let (versions, dir) = self.store().removal(id.trim())?;
        let file = versions.iter().rev().find_map(|r| match &r.evidence {
            Evidence::File(f) => Some(f.path.clone()),
            Evidence::Snapshot { .. } => None,
        });
        match file {
            // The name was made by the store (`screenshot.<ext>`), never by staff.
            Some(name) if !name.contains(['/', '\\']) && !name.starts_with('.') => {
                Ok(self.store().folder_path(&dir)?.join(name))
            }
            _ => Err(AppError::said(
                ErrorCode::NotFound,
                Message::RemovalNoSuppliedFile {
                    id: id.trim().into(),
                },
            )),
        }
    }
}
