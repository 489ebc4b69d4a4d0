//! Use cases of the removal records (*borttaget innehåll*) and diary numbers
//! (*diarienummer*). Every check runs before anything is written, so bad
//! input changes nothing.

use ogonblick_model::RoleAction;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use ogonblick_model::{
    AuditEvent, AuthorContact, Certification, ChannelId, Evidence, Forwarded, GroundChoice,
    PoliceReport, RemovalAction, RemovalGround, RemovalRecord, RemovedKind, Timestamp,
};
use ogonblick_model::{CancelToken, NoProgress, ProgressSink, SnapshotReason, SnapshotStatus};
use ogonblick_model::{ErrorCode, Message, TextField};
use ogonblick_store::{sniff_screenshot, SuppliedSource, MAX_SUPPLIED_FILE};

use crate::removal_text::{contact_template, Problem};
use crate::{AddressCaptureRequest, App, Result};

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

/// A correction: the fields to change (others stay), and why.
#[derive(Debug, Clone, Default)]
pub struct RemovalCorrection {
    pub url: Option<String>,
    pub kind: Option<RemovedKind>,
    pub ground: Option<String>,
    pub ground_text: Option<String>,
    pub action: Option<RemovalAction>,
    pub author: Option<String>,
    pub published_at: Option<Timestamp>,
    pub text: Option<String>,
    pub removed_at: Option<Timestamp>,
    pub removed_by: Option<String>,
    pub police_report: Option<String>,
    pub police_report_date: Option<NaiveDate>,
    pub contacted_at: Option<Timestamp>,
    pub contact_how: Option<String>,
    pub contact_message: Option<String>,
    pub forwarded_to: Option<String>,
    pub forwarded_at: Option<Timestamp>,
    pub note: Option<String>,
}

/// Which snapshots and records a diary number goes to: named ones, or (a
/// collecting case, *samlingsärende*) all of a channel's or a board's,
/// optionally of one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct DiaryTargets {
    /// Snapshot or removal record ids.
    pub ids: Vec<String>,
    #[ts(type = "number | null")]
    pub channel: Option<ChannelId>,
    pub board: Option<String>,
    /// With `channel` or `board`: the year (Swedish time) taken or removed.
    pub year: Option<i32>,
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

fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn check_texts(fields: &[(TextField, &Option<String>, bool)]) -> Result<()> {
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
    /// snapshot it is (what was tried is on the record), and the removal
    /// record is not made: the sentence says to try again or to give staff's
    /// own screenshot with `--file`. A record is never silently empty.
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
        let request = AddressCaptureRequest {
            channel_id,
            url: url.to_string(),
            reason: SnapshotReason::SingleItem,
            reason_note: Some("captured before removal (borttaget innehåll)".into()),
        };
        let snapshot = self.capture_address(&request, sink, cancel)?;
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

    fn ground_choice(&self, code: &str, text: Option<String>) -> Result<GroundChoice> {
        let grounds = self.removal_grounds()?;
        let code = code.trim().to_lowercase();
        let g = grounds
            .iter()
            .find(|g| g.code == code)
            .ok_or_else(|| Problem::UnknownGround {
                given: code.clone(),
                known: grounds
                    .iter()
                    .map(|g| g.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        if g.retired {
            return Err(crate::AppError::said(
                ErrorCode::InvalidInput,
                Message::RemovalGroundRetired { code },
            ));
        }
        if g.needs_text && text.is_none() {
            return Err(Problem::GroundNeedsText { code }.into());
        }
        Ok(GroundChoice {
            code: g.code.clone(),
            label_sv: g.label_sv.clone(),
            label_en: g.label_en.clone(),
            text,
        })
    }

    /// A date must not be in the future; with `since`, not before it.
    fn check_when(
        &self,
        field: &'static str,
        when: Option<Timestamp>,
        since: Option<(ChannelId, Timestamp)>,
    ) -> Result<()> {
        let Some(t) = when else { return Ok(()) };
        let value = t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        if t > self.clock().now() + chrono::Duration::minutes(5) {
            return Err(Problem::InFuture { field, value }.into());
        }
        if let Some((channel, created)) = since {
            // Compared by day (Swedish time): a channel registered today
            // takes today's removals.
            let day = |t: Timestamp| t.with_timezone(&chrono_tz::Europe::Stockholm).date_naive();
            if day(t) < day(created) {
                return Err(Problem::BeforeChannel {
                    field,
                    value,
                    channel,
                    created: day(created).to_string(),
                }
                .into());
            }
        }
        Ok(())
    }

    fn check_record(&self, r: &RemovalRecord, created: Timestamp) -> Result<()> {
        let since = Some((r.channel_id, created));
        // The item itself may be older than its channel's entry in the register.
        self.check_when("published at", r.published_at, None)?;
        self.check_when("removed at", Some(r.removed_at), since)?;
        self.check_when("contacted at", r.contact.as_ref().map(|c| c.at), since)?;
        self.check_when("forwarded at", r.forwarded.as_ref().map(|f| f.at), since)?;
        let police = r
            .police_report
            .date
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|d| d.and_utc());
        self.check_when("police report date", police, since)?;
        ogonblick_model::text::validate_url(&r.url)
            .map_err(|reason| Problem::BadAddress { reason })?;
        if r.removed_by.trim().is_empty() {
            return Err(Problem::EmptyName {
                field: "removed by",
            }
            .into());
        }
        check_texts(&[
            (TextField::Author, &r.author, false),
            (TextField::RemovedBy, &Some(r.removed_by.clone()), false),
            (TextField::Text, &r.text, true),
            (TextField::DiaryNumber, &r.diary_number, false),
            (TextField::PoliceReport, &r.police_report.reference, false),
            (TextField::GroundText, &r.ground.text, true),
            (
                TextField::ContactMessage,
                &r.contact.as_ref().map(|c| c.message.clone()),
                true,
            ),
            (
                TextField::ForwardedTo,
                &r.forwarded.as_ref().map(|f| f.to.clone()),
                false,
            ),
        ])
    }

    /// Records a removal: checks everything, then stores the record with
    /// its evidence (a snapshot of the channel, or staff's own screenshot).
    pub fn add_removal(&self, n: NewRemoval) -> Result<RemovalRecord> {
        self.add_removal_with(n, &NoProgress, &CancelToken::new())
    }

    /// [`App::add_removal`]; a capture first reports to `sink` and is
    /// stopped by `cancel` (then no record is made).
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
                reported: police_ref.is_some() || n.police_report_date.is_some(),
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
                let id = self.capture_first_with(channel.id, &record.url, sink, cancel)?;
                record.evidence = Evidence::Snapshot { snapshot_id: id };
                None
            }
        };
        Ok(self.store().add_removal(record, file.as_ref())?)
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

    /// A second person certifies the record: a new version.
    pub fn certify_removal(&self, id: &str, by: &str) -> Result<RemovalRecord> {
        self.require_removal(RoleAction::CertifyRemoval, id)?;
        let by = by.trim();
        if by.is_empty() {
            return Err(Problem::EmptyName {
                field: "certified by",
            }
            .into());
        }
        check_texts(&[(TextField::CertifiedBy, &Some(by.to_string()), false)])?;
        let mut r = self.current(id)?;
        let now = self.clock().now();
        r.certified = Some(Certification {
            by: by.into(),
            at: now,
        });
        r.recorded_at = now;
        r.recorded_by = self.operator().to_string();
        r.change_note = Some(format!("bestyrkt av {by}"));
        let (rid, by) = (r.id.clone(), by.to_string());
        Ok(self
            .store()
            .add_removal_version(r, |version| AuditEvent::RemovalCertified {
                removal_id: rid,
                version,
                by,
            })?)
    }

    /// A correction: a new version with the changed fields.
    pub fn correct_removal(&self, id: &str, c: RemovalCorrection) -> Result<RemovalRecord> {
        self.require_removal(RoleAction::RemovalRecord, id)?;
        let mut r = self.current(id)?;
        let before = r.clone();
        let channel = self.store().channel(r.channel_id)?;
        let now = self.clock().now();
        if let Some(u) = &c.url {
            r.url = u.trim().to_string();
        }
        if let Some(k) = c.kind {
            r.kind = k;
        }
        if c.ground.is_some() || c.ground_text.is_some() {
            let code = c.ground.clone().unwrap_or_else(|| r.ground.code.clone());
            let text = clean(&c.ground_text).or(r.ground.text.clone());
            r.ground = self.ground_choice(&code, text)?;
        }
        if let Some(a) = c.action {
            r.action = a;
        }
        if c.author.is_some() {
            r.author = clean(&c.author);
        }
        if c.published_at.is_some() {
            r.published_at = c.published_at;
        }
        if c.text.is_some() {
            r.text = c.text.clone();
        }
        if let Some(t) = c.removed_at {
            r.removed_at = t;
        }
        if let Some(b) = clean(&c.removed_by) {
            r.removed_by = b;
        }
        if let Some(p) = clean(&c.police_report) {
            r.police_report.reported = true;
            r.police_report.reference = Some(p);
        }
        if let Some(d) = c.police_report_date {
            r.police_report.reported = true;
            r.police_report.date = Some(d);
        }
        if c.contacted_at.is_some() || c.contact_message.is_some() || c.contact_how.is_some() {
            let old = r.contact.clone();
            r.contact = Some(AuthorContact {
                at: c.contacted_at.or(old.as_ref().map(|o| o.at)).unwrap_or(now),
                how: clean(&c.contact_how).or(old.as_ref().and_then(|o| o.how.clone())),
                message: clean(&c.contact_message)
                    .or(old.map(|o| o.message))
                    .unwrap_or_default(),
            });
        }
        if let Some(to) = clean(&c.forwarded_to) {
            r.forwarded = Some(Forwarded {
                to,
                at: c.forwarded_at.unwrap_or(now),
            });
        }
        if r == before {
            return Err(Problem::NoChange.into());
        }
        r.recorded_at = now;
        r.recorded_by = self.operator().to_string();
        r.change_note = clean(&c.note).or(Some("rättelse".into()));
        self.check_record(&r, channel.created_at)?;
        let rid = r.id.clone();
        Ok(self
            .store()
            .add_removal_version(r, |version| AuditEvent::RemovalCorrected {
                removal_id: rid,
                version,
            })?)
    }

    fn current(&self, id: &str) -> Result<RemovalRecord> {
        Ok(self
            .removal(id)?
            .pop()
            .expect("a stored record has a version"))
    }

    /// Sets (or with `None` removes) the diary number of the snapshots and
    /// removal records `t` names: all or none. Returns the ids it set.
    pub fn set_diary_number(
        &self,
        t: &DiaryTargets,
        number: Option<&str>,
    ) -> Result<(Vec<String>, Vec<String>)> {
        self.require(RoleAction::DiaryNumber, None)?;
        let number = number.map(str::trim).filter(|n| !n.is_empty());
        check_texts(&[(TextField::DiaryNumber, &number.map(str::to_string), false)])?;
        if t.year.is_some() && t.channel.is_none() && t.board.is_none() {
            return Err(Problem::NoDiaryTargets.into());
        }
        let (mut snaps, mut rems) = (Vec::new(), Vec::new());
        for id in &t.ids {
            let id = id.trim();
            if self.store().snapshot(id).is_ok() {
                snaps.push(id.to_string());
            } else if self.store().removal(id).is_ok() {
                rems.push(id.to_string());
            } else {
                return Err(Problem::UnknownDiaryTarget { id: id.into() }.into());
            }
        }
        if t.channel.is_some() || t.board.is_some() {
            let channels: Vec<ChannelId> = self
                .store()
                .channels()?
                .into_iter()
                .filter(|c| t.channel.is_none_or(|id| c.id == id))
                .filter(|c| {
                    t.board
                        .as_ref()
                        .is_none_or(|b| c.board.as_deref() == Some(b.trim()))
                })
                .map(|c| c.id)
                .collect();
            if let Some(id) = t.channel {
                self.store().channel(id)?;
            }
            let in_year = |at: &Timestamp| {
                t.year.is_none_or(|y| {
                    use chrono::Datelike;
                    at.with_timezone(&chrono_tz::Europe::Stockholm).year() == y
                })
            };
            for s in self.store().snapshots(None)? {
                if channels.contains(&s.channel_id) && in_year(&s.started_at) {
                    snaps.push(s.id);
                }
            }
            for r in self.store().removals(None)? {
                if channels.contains(&r.channel_id) && in_year(&r.removed_at) {
                    rems.push(r.id);
                }
            }
        }
        snaps.sort();
        snaps.dedup();
        rems.sort();
        rems.dedup();
        if snaps.is_empty() && rems.is_empty() {
            return Err(Problem::NoDiaryTargets.into());
        }
        self.store()
            .set_diary_number(&snaps, &rems, number, self.operator())?;
        Ok((snaps, rems))
    }
}

/// The screenshot file's checks before anything is written: it exists, is
/// not larger than the limit, and is a PNG, JPEG or PDF by its bytes.
fn check_file(path: &std::path::Path) -> Result<SuppliedSource> {
    let shown = path.display().to_string();
    let md = std::fs::metadata(path).map_err(|_| Problem::FileMissing {
        path: shown.clone(),
    })?;
    if !md.is_file() {
        return Err(Problem::FileMissing { path: shown }.into());
    }
    if md.len() > MAX_SUPPLIED_FILE {
        return Err(Problem::FileTooLarge {
            path: shown,
            limit_mib: MAX_SUPPLIED_FILE / 1024 / 1024,
        }
        .into());
    }
    let mut head = [0u8; 8];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|_| Problem::FileMissing {
            path: shown.clone(),
        })?;
        let mut n = 0;
        while n < head.len() {
            match f.read(&mut head[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        n
    };
    if sniff_screenshot(&head[..n]).is_none() {
        return Err(Problem::FileNotScreenshot { path: shown }.into());
    }
    Ok(SuppliedSource {
        path: path.to_path_buf(),
        original_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    })
}
