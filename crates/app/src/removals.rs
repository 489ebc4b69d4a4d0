//! Use cases of the removal records (*borttaget innehåll*): the record as
//! staff enter it, capture first, adding and listing. Every check runs before
//! anything is written, so bad input changes nothing (the checks are in
//! `removal_checks.rs`, corrections and certification in
//! `removal_versions.rs`, diary numbers in `diary.rs`).

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use ogonblick_model::TextField;
use ogonblick_model::{
    AuthorContact, ChannelId, Evidence, Forwarded, PoliceReport, RemovalAction, RemovalGround,
    RemovalRecord, RemovedKind, Timestamp,
};
use ogonblick_model::{
    CancelToken, Message, NoProgress, ProgressSink, Snapshot, SnapshotReason, SnapshotStatus,
};

use crate::removal_checks::check_file;
use crate::removal_text::{contact_template, Problem};
use crate::{AddressCaptureRequest, App, AppError, Result};

/// What shows the removed item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceSource {
    /// A snapshot of the channel already taken.
    Snapshot(String),
    /// Staff's own screenshot (the item is already gone).
    File(PathBuf),
    /// Capture the item's address first ([`App::capture_first`]): a
    /// one-address snapshot of the channel.
    CaptureFirst,
}

/// A new removal record, as staff enter it.
#[derive(Debug, Clone)]
pub struct NewRemoval {
    pub channel_id: ChannelId,
    pub url: String,
    pub kind: RemovedKind,
    pub ground: String,
    pub ground_text: Option<String>,
    /// Default: `blockerad` for a blocked account, else `raderad`.
    pub action: Option<RemovalAction>,
    pub author: Option<String>,
    pub published_at: Option<Timestamp>,
    pub text: Option<String>,
    /// Default: now.
    pub removed_at: Option<Timestamp>,
    /// Default: the operator.
    pub removed_by: Option<String>,
    pub police_report: Option<String>,
    pub police_report_date: Option<NaiveDate>,
    /// Reported to the police (yes) even without a reference or date; a
    /// reference or date means yes, and `Some(false)` with either is refused.
    pub police_reported: Option<bool>,
    pub contacted_at: Option<Timestamp>,
    pub contact_how: Option<String>,
    /// Default (when contacted): the Swedish template naming `rules_page`.
    pub contact_message: Option<String>,
    /// The channel's rules page for the template (default: its first address).
    pub rules_page: Option<String>,
    pub forwarded_to: Option<String>,
    pub forwarded_at: Option<Timestamp>,
    pub diary_number: Option<String>,
    pub evidence: EvidenceSource,
}

/// Reads a date as staff write it: `YYYY-MM-DD` (midnight, Swedish time),
/// `YYYY-MM-DD HH:MM` (Swedish time) or RFC 3339.
pub fn parse_when(s: &str) -> Result<Timestamp> {
    let t = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(d.with_timezone(&chrono::Utc));
    }
    let local = NaiveDateTime::parse_from_str(&t.replace('T', " "), "%Y-%m-%d %H:%M")
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .ok_or_else(|| Problem::BadDate { value: s.into() })?;
    chrono_tz::Europe::Stockholm
        .from_local_datetime(&local)
        .earliest()
        .map(|d| d.with_timezone(&chrono::Utc))
        .ok_or_else(|| Problem::BadDate { value: s.into() }.into())
}

/// Reads a date alone (`YYYY-MM-DD`, or the day of a time, Swedish time).
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        return Ok(d);
    }
    Ok(parse_when(s)?
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive())
}

pub(crate) fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

pub(crate) fn check_texts(fields: &[(TextField, &Option<String>, bool)]) -> Result<()> {
    for (name, v, multiline) in fields {
        if let Some(v) = v {
            ogonblick_model::text::check_text(*name, v, *multiline)
                .map_err(|reason| Problem::BadText { reason })?;
        }
    }
    Ok(())
}

impl App {
    /// The organisation's removal grounds.
    pub fn removal_grounds(&self) -> Result<Vec<RemovalGround>> {
        Ok(self.store().removal_grounds()?)
    }

    /// Replaces the organisation's removal grounds.
    pub fn set_removal_grounds(&self, grounds: Vec<RemovalGround>) -> Result<()> {
        self.require(RoleAction::RemovalGrounds, None)?;
        Ok(self
            .store()
            .set_removal_grounds(&grounds, self.operator())?)
    }

    /// Capture first: the item's address as a one-address snapshot of the
    /// channel ([`App::capture_address`], reason `single-item`, with the
    /// organisation profile where the item sits behind a login); returns the
    /// snapshot's id. A capture that did not succeed is kept as the failed
    /// snapshot it is (what was tried is on the record) and refused here: the
    /// sentence says to try again or to give staff's own screenshot with
    /// `--file`. ([`App::add_removal`] instead makes the record, linked to
    /// the failed snapshot, and [`App::removal_capture_failed`] says so.)
    pub fn capture_first(&self, channel_id: ChannelId, url: &str) -> Result<String> {
        self.capture_first_with(channel_id, url, &NoProgress, &CancelToken::new())
    }

    /// [`App::capture_first`], reporting to `sink` and stopped by `cancel`.
    pub fn capture_first_with(
        &self,
        channel_id: ChannelId,
        url: &str,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<String> {
        self.require_channel(RoleAction::RemovalRecord, channel_id)?;
        let snapshot = self.capture_item(channel_id, url, sink, cancel)?;
        if snapshot.status != SnapshotStatus::Complete {
            let why = snapshot
                .pages
                .iter()
                .find_map(|p| p.error.clone())
                .unwrap_or_else(|| snapshot.status.to_string());
            return Err(Problem::CaptureFailed {
                url: url.to_string(),
                snapshot: snapshot.id,
                why,
            }
            .into());
        }
        Ok(snapshot.id)
    }

    fn capture_item(
        &self,
        channel_id: ChannelId,
        url: &str,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Snapshot> {
        let request = AddressCaptureRequest {
            channel_id,
            url: url.to_string(),
            reason: SnapshotReason::SingleItem,
            reason_note: None,
            reason_message: Some(Message::SnapshotNoteBeforeRemoval {}),
        };
        self.capture_address(&request, sink, cancel)
    }

    /// Records a removal: checks everything, then stores the record with
    /// its evidence (a snapshot of the channel, or staff's own screenshot).
    pub fn add_removal(&self, n: NewRemoval) -> Result<RemovalRecord> {
        self.add_removal_with(n, &NoProgress, &CancelToken::new())
    }

    /// [`App::add_removal`]; a capture first reports to `sink` and is
    /// stopped by `cancel` (then no record is made). A capture first that
    /// fails still makes the record (nothing staff typed is lost), linked to
    /// the failed snapshot: [`App::removal_capture_failed`] says so, and
    /// [`App::recapture_removal`] captures it again.
    pub fn add_removal_with(
        &self,
        n: NewRemoval,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<RemovalRecord> {
        self.require_channel(RoleAction::RemovalRecord, n.channel_id)?;
        let channel = self.store().channel(n.channel_id)?;
        let ground = self.ground_choice(&n.ground, clean(&n.ground_text))?;
        let now = self.clock().now();
        let author = clean(&n.author);
        let contact = match (n.contacted_at, clean(&n.contact_message)) {
            (None, None) => None,
            (at, message) => Some(AuthorContact {
                at: at.unwrap_or(now),
                how: clean(&n.contact_how),
                message: message.unwrap_or_else(|| {
                    let rules = clean(&n.rules_page)
                        .or_else(|| channel.urls.first().cloned())
                        .unwrap_or_default();
                    let org = self.store().settings().map(|s| s.name).unwrap_or_default();
                    contact_template(author.as_deref(), n.kind, &rules, self.operator(), &org)
                }),
            }),
        };
        let police_ref = clean(&n.police_report);
        let mut record = RemovalRecord {
            id: self.ids().new_id(),
            version: 1,
            channel_id: channel.id,
            url: n.url.trim().to_string(),
            kind: n.kind,
            author,
            published_at: n.published_at,
            text: n.text.clone().filter(|t| !t.trim().is_empty()),
            removed_at: n.removed_at.unwrap_or(now),
            removed_by: clean(&n.removed_by).unwrap_or_else(|| self.operator().to_string()),
            action: n.action.unwrap_or(match n.kind {
                RemovedKind::AccountBlocked => RemovalAction::Blocked,
                _ => RemovalAction::Deleted,
            }),
            ground,
            police_report: PoliceReport {
                reported: police_ref.is_some()
                    || n.police_report_date.is_some()
                    || n.police_reported == Some(true),
                reference: police_ref,
                date: n.police_report_date,
            },
            contact,
            forwarded: clean(&n.forwarded_to).map(|to| Forwarded {
                to,
                at: n.forwarded_at.unwrap_or(now),
            }),
            diary_number: clean(&n.diary_number),
            certified: None,
            evidence: Evidence::Snapshot {
                snapshot_id: String::new(),
            },
            supplied_by_hand: false,
            recorded_at: now,
            recorded_by: self.operator().to_string(),
            change_note: None,
        };
        if n.police_reported == Some(false) && record.police_report.reported {
            return Err(Problem::PoliceContradicts.into());
        }
        self.check_record(&record, channel.created_at)?;
        let file = match &n.evidence {
            EvidenceSource::Snapshot(id) => {
                record.evidence = Evidence::Snapshot {
                    snapshot_id: id.trim().to_string(),
                };
                None
            }
            EvidenceSource::File(path) => Some(check_file(path)?),
            EvidenceSource::CaptureFirst => {
                let snapshot = self.capture_item(channel.id, &record.url, sink, cancel)?;
                if cancel.is_cancelled() && snapshot.status != SnapshotStatus::Complete {
                    return Err(AppError::said(
                        ogonblick_model::ErrorCode::Cancelled,
                        Message::CaptureCancelled {},
                    ));
                }
                record.evidence = Evidence::Snapshot {
                    snapshot_id: snapshot.id,
                };
                None
            }
        };
        Ok(self.store().add_removal(record, file.as_ref())?)
    }

    /// When record `r`'s evidence is a snapshot whose capture did not
    /// succeed: the sentence that says so and how to capture it again.
    pub fn removal_capture_failed(&self, r: &RemovalRecord) -> Option<Message> {
        let Evidence::Snapshot { snapshot_id } = &r.evidence else {
            return None;
        };
        let (snapshot, _) = self.store().snapshot(snapshot_id).ok()?;
        (snapshot.status != SnapshotStatus::Complete).then(|| Message::RemovalCaptureFirstFailed {
            id: r.id.clone(),
            url: r.url.clone(),
            snapshot: snapshot.id.clone(),
            why: snapshot
                .pages
                .iter()
                .find_map(|p| p.error.clone())
                .unwrap_or_else(|| snapshot.status.to_string()),
        })
    }

    /// Removal records (current versions), in the order removed; filtered by
    /// channel and by the period `from`..`to` (removed at, inclusive).
    pub fn removals(
        &self,
        channel: Option<ChannelId>,
        from: Option<Timestamp>,
        to: Option<Timestamp>,
    ) -> Result<Vec<RemovalRecord>> {
        if let Some(id) = channel {
            self.store().channel(id)?;
        }
        Ok(self
            .store()
            .removals(channel)?
            .into_iter()
            .filter(|r| {
                from.is_none_or(|f| r.removed_at >= f) && to.is_none_or(|t| r.removed_at <= t)
            })
            .collect())
    }

    /// Every version of a record, oldest first.
    pub fn removal(&self, id: &str) -> Result<Vec<RemovalRecord>> {
        Ok(self.store().removal(id.trim())?.0)
    }
}
