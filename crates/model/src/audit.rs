//! The audit log's vocabulary: [`AuditEvent`], one variant per thing that can
//! happen, with typed fields. Code that reads the log (the closure
//! checklist, the Swedish log, reports) matches on the variant and reads its
//! fields; the English text ([`AuditEvent::text_en`]) is for people only.
//!
//! Stored form (the `event` column of the database and of every
//! `audit.jsonl` line): the event as JSON, tagged by `kind`, with the schema
//! version `v` ([`AUDIT_EVENT_VERSION`]). Entries written before typed events
//! (no `event`) are read by [`AuditEvent::from_legacy`], which knows every
//! English format those versions wrote; what it cannot read, and events of
//! another version, become [`AuditEvent::Legacy`]: never lost, shown as
//! recorded.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    ChannelId, ChannelStatus, DisposedKind, MarkedKind, RemovalAction, RemovedKind, SnapshotReason,
    SnapshotStatus, Timestamp, UnknownWord,
};

/// The version of the stored event JSON this build writes and reads.
pub const AUDIT_EVENT_VERSION: u32 = 1;

vocabulary!(
    /// A field of a register entry (named in `ChannelEdited`).
    ChannelField, "channel field" {
        Name = "name",
        Platform = "platform",
        Urls = "urls",
        Board = "board",
        Unit = "unit",
        Responsible = "responsible",
        Substitute = "substitute",
        Purpose = "purpose",
        Audience = "audience",
        Policy = "policy",
        Notes = "notes",
    }
);

/// What happened, one variant per kind of audited action. `action()` is the
/// stable verb stored beside it (several variants may share one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AuditEvent {
    /// `channel.add`: a channel entered in the register by hand.
    ChannelAdded { name: String },
    /// `channel.add`: a channel imported from a CSV file (`source`: its name).
    ChannelImported { name: String, source: String },
    /// `channel.edit`: these fields of the register entry changed.
    ChannelEdited { fields: Vec<ChannelField> },
    /// `closure.start`.
    ClosureStarted {
        from: ChannelStatus,
        to: ChannelStatus,
    },
    /// `closure.complete`.
    ClosureCompleted {
        from: ChannelStatus,
        to: ChannelStatus,
    },
    /// `closure.note`: on what the channel was closed.
    ClosedOn {
        snapshot_id: String,
        package_objid: String,
        package_path: String,
    },
    /// `closure.note`: a person's own words on the closure.
    ClosureNote { text: String },
    /// `closure.review`: a person found the final snapshot fit to archive.
    ClosureReviewed { snapshot_id: String },
    /// `settings.set`: the setting `key` (`organisation`, `package`,
    /// `scheduler`) was replaced.
    SettingsSet { key: String },
    /// `snapshot.commit`.
    SnapshotStored {
        snapshot_id: String,
        status: SnapshotStatus,
        reason: SnapshotReason,
        pages: u32,
        /// The address of a one-address capture (absent for a capture of the
        /// channel's registered addresses, and in entries of older versions).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        single_address: Option<String>,
    },
    /// `browser.login`: the sign-in window on the organisation's profile.
    LoginBrowserOpened { url: String },
    /// `package.export`.
    PackageExported {
        objid: String,
        path: String,
        sha256: String,
        #[ts(type = "number")]
        size: u64,
        snapshot_ids: Vec<String>,
    },
    /// `package.verify`: `ok` when it verified without problems.
    PackageVerified {
        objid: Option<String>,
        path: String,
        ok: bool,
        problems: u32,
    },
    /// `register.export`: the register written as CSV.
    RegisterExported { channels: u32, path: String },
    /// `store.reindex`: the database rebuilt from the files.
    RegisterRebuilt {
        channels: u32,
        snapshots: u32,
        audit_entries: u32,
        warnings: u32,
    },
    /// `removal.add`: a removal record made (`evidence`: a snapshot id, or
    /// the SHA-256 of a file supplied by hand).
    RemovalRecorded {
        removal_id: String,
        item: RemovedKind,
        action: RemovalAction,
        ground: String,
        evidence: String,
        supplied_by_hand: bool,
    },
    /// `removal.correct`: a new version of a removal record.
    RemovalCorrected { removal_id: String, version: u32 },
    /// `removal.certify`: a second person certified the record.
    RemovalCertified {
        removal_id: String,
        version: u32,
        by: String,
    },
    /// `diary.set`: the diary number (none: removed) of these snapshots and
    /// removal records.
    DiaryNumberSet {
        number: Option<String>,
        snapshot_ids: Vec<String>,
        removal_ids: Vec<String>,
    },
    /// `mark.set` (h-pkg): a personal-data / secrecy mark set on a snapshot
    /// or removal record (replacing any mark it had).
    MarkSet {
        item_kind: MarkedKind,
        item_id: String,
        personal_data: bool,
        secrecy: Option<String>,
        note: Option<String>,
    },
    /// `mark.clear` (h-pkg): the mark of a snapshot or removal record removed.
    MarkCleared {
        item_kind: MarkedKind,
        item_id: String,
    },
    /// An entry this version cannot read as one of the above (an unknown
    /// format of an older version, or an event of a newer one), as recorded.
    Legacy { action: String, detail: String },
    /// `hold.set`: a snapshot or removal record may not be disposed of.
    HoldSet { item_id: String, reason: String },
    /// `hold.clear`: the hold is lifted.
    HoldCleared { item_id: String },
    /// `diary.keep`: the documents of a diary number are kept (`keep`), or
    /// no longer.
    DiaryKept { number: String, keep: bool },
    /// `dispose.item`: a document was disposed of (*gallrad*) under a
    /// disposal decision; the disposal log holds its files.
    ItemDisposed {
        item_kind: DisposedKind,
        item_id: String,
        disposal_id: String,
        decision: String,
        files: u32,
    },
    // h-report
    /// `removal.report`: the period report of removals written (`from`/`to`
    /// days, Swedish time; `records` in it).
    RemovalReportMade {
        from: String,
        to: String,
        channel: Option<ChannelId>,
        board: Option<String>,
        records: u32,
        path: String,
    },
    /// `removal.recapture`: the item captured again; a new version links it.
    RemovalRecaptured {
        removal_id: String,
        version: u32,
        snapshot_id: String,
    },
    /// `removal.grounds`: a removal ground added, its wording changed, or retired.
    RemovalGroundChanged { code: String, change: GroundChange },
    // h-tsa: trusted timestamps.
    /// `timestamp.add`: an authority's RFC 3161 token over the snapshot's
    /// manifest, stored beside it as `token` (verified before it was kept).
    TimestampAdded {
        snapshot_id: String,
        authority: String,
        token: String,
        #[ts(type = "string")]
        time: Timestamp,
    },
    /// `timestamp.pending`: an authority gave no token (unreachable, or its
    /// reply was refused); the snapshot is marked pending and retried.
    TimestampPending {
        snapshot_id: String,
        authority: String,
        cause: String,
    },
}

/// What was done to a removal ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum GroundChange {
    Added,
    Edited,
    Retired,
}

pub(crate) const CLOSED_ON: &str = "closed on pre-closure snapshot ";
pub(crate) const REVIEWED: &str = "reviewed the pre-closure snapshot ";
pub(crate) const LOGIN: &str = "opened a visible browser on the organisation profile at ";
pub(crate) const VERIFIED_OK: &str = "verified, no problems";

impl AuditEvent {
    /// The verb of [`AuditEvent::PackageExported`].
    pub const PACKAGE_EXPORT: &'static str = "package.export";

    /// The stable verb stored with the event (and filtered on in SQL).
    pub fn action(&self) -> &str {
        match self {
            AuditEvent::ChannelAdded { .. } | AuditEvent::ChannelImported { .. } => "channel.add",
            AuditEvent::ChannelEdited { .. } => "channel.edit",
            AuditEvent::ClosureStarted { .. } => "closure.start",
            AuditEvent::ClosureCompleted { .. } => "closure.complete",
            AuditEvent::ClosedOn { .. } | AuditEvent::ClosureNote { .. } => "closure.note",
            AuditEvent::ClosureReviewed { .. } => "closure.review",
            AuditEvent::SettingsSet { .. } => "settings.set",
            AuditEvent::SnapshotStored { .. } => "snapshot.commit",
            AuditEvent::LoginBrowserOpened { .. } => "browser.login",
            AuditEvent::PackageExported { .. } => Self::PACKAGE_EXPORT,
            AuditEvent::PackageVerified { .. } => "package.verify",
            AuditEvent::RegisterExported { .. } => "register.export",
            AuditEvent::RegisterRebuilt { .. } => "store.reindex",
            AuditEvent::RemovalRecorded { .. } => "removal.add",
            AuditEvent::RemovalCorrected { .. } => "removal.correct",
            AuditEvent::RemovalCertified { .. } => "removal.certify",
            AuditEvent::DiaryNumberSet { .. } => "diary.set",
            AuditEvent::MarkSet { .. } => "mark.set",
            AuditEvent::MarkCleared { .. } => "mark.clear",
            AuditEvent::Legacy { action, .. } => action,
            AuditEvent::HoldSet { .. } => "hold.set",
            AuditEvent::HoldCleared { .. } => "hold.clear",
            AuditEvent::DiaryKept { .. } => "diary.keep",
            AuditEvent::ItemDisposed { .. } => "dispose.item",
            AuditEvent::RemovalReportMade { .. } => "removal.report",
            AuditEvent::RemovalRecaptured { .. } => "removal.recapture",
            AuditEvent::RemovalGroundChanged { .. } => "removal.grounds",
            AuditEvent::TimestampAdded { .. } => "timestamp.add",
            AuditEvent::TimestampPending { .. } => "timestamp.pending",
        }
    }

    /// The event in English, for people (the CLI, the English UI). The same
    /// sentences the log held before events were typed.
    pub fn text_en(&self) -> String {
        match self {
            AuditEvent::ChannelAdded { name } => format!("added channel '{name}'"),
            AuditEvent::ChannelImported { name, source } => {
                format!("imported channel '{name}' from {source}")
            }
            AuditEvent::ChannelEdited { fields } => format!(
                "changed {}",
                fields
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            AuditEvent::ClosureStarted { from, to } | AuditEvent::ClosureCompleted { from, to } => {
                format!("status {from} → {to}")
            }
            AuditEvent::ClosedOn {
                snapshot_id,
                package_objid,
                package_path,
            } => format!(
                "{CLOSED_ON}{snapshot_id} and verified package {package_objid} ({package_path})"
            ),
            AuditEvent::ClosureNote { text } => text.clone(),
            AuditEvent::ClosureReviewed { snapshot_id } => format!("{REVIEWED}{snapshot_id}"),
            AuditEvent::SettingsSet { key } => format!("set {key}"),
            AuditEvent::SnapshotStored {
                snapshot_id,
                status,
                reason,
                pages,
                single_address,
            } => {
                let of = single_address
                    .as_ref()
                    .map(|a| format!(" of the single address {a}"))
                    .unwrap_or_default();
                format!("stored snapshot {snapshot_id} ({status}, {reason}, {pages} page(s)){of}")
            }
            AuditEvent::LoginBrowserOpened { url } => format!("{LOGIN}{url}"),
            AuditEvent::PackageExported {
                objid,
                path,
                sha256,
                size,
                snapshot_ids,
            } => format!(
                "package {objid} written to {path} (sha256 {sha256}, {size} bytes) with snapshots {}",
                snapshot_ids.join(", ")
            ),
            AuditEvent::PackageVerified {
                objid,
                path,
                ok,
                problems,
            } => format!(
                "package {} at {path}: {}",
                objid.as_deref().unwrap_or("?"),
                if *ok {
                    VERIFIED_OK.to_string()
                } else {
                    format!("{problems} problem(s)")
                }
            ),
            AuditEvent::RegisterExported { channels, path } => {
                format!("exported {channels} channel(s) to {path}")
            }
            AuditEvent::RegisterRebuilt {
                channels,
                snapshots,
                audit_entries,
                warnings,
            } => format!(
                "rebuilt the register: {channels} channel(s), {snapshots} snapshot(s), {audit_entries} audit entries, {warnings} warning(s)"
            ),
            AuditEvent::RemovalRecorded {
                removal_id,
                item,
                action,
                ground,
                evidence,
                supplied_by_hand,
            } => format!(
                "recorded removal {removal_id} ({item}, {action}, ground {ground}) with {} {evidence}",
                if *supplied_by_hand { "the file supplied by hand, sha256" } else { "snapshot" }
            ),
            AuditEvent::RemovalCorrected { removal_id, version } => {
                format!("corrected removal {removal_id}: version {version}")
            }
            AuditEvent::RemovalCertified { removal_id, version, by } => {
                format!("removal {removal_id} certified by {by} (version {version})")
            }
            AuditEvent::DiaryNumberSet { number, snapshot_ids, removal_ids } => format!(
                "{} for snapshots [{}] and removals [{}]",
                match number {
                    Some(n) => format!("diary number set to {n}"),
                    None => "diary number removed".to_string(),
                },
                snapshot_ids.join(", "),
                removal_ids.join(", ")
            ),
            AuditEvent::MarkSet {
                item_kind,
                item_id,
                personal_data,
                secrecy,
                note,
            } => format!(
                "marked {} {item_id} as holding {}{}",
                item_kind.as_str(),
                crate::MarkFlags {
                    personal_data: *personal_data,
                    secrecy: secrecy.clone(),
                    note: None
                }
                .labels()
                .1,
                note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
            ),
            AuditEvent::MarkCleared { item_kind, item_id } => {
                format!("cleared the mark of {} {item_id}", item_kind.as_str())
            }
            AuditEvent::Legacy { detail, .. } => detail.clone(),
            AuditEvent::HoldSet { item_id, reason } => {
                format!("put {item_id} on hold (no disposal): {reason}")
            }
            AuditEvent::HoldCleared { item_id } => format!("lifted the hold on {item_id}"),
            AuditEvent::DiaryKept { number, keep } => match keep {
                true => format!("the documents of diary number {number} are to be kept"),
                false => format!("the documents of diary number {number} are no longer kept"),
            },
            AuditEvent::ItemDisposed {
                item_kind,
                item_id,
                disposal_id,
                decision,
                files,
            } => format!(
                "disposed of {item_kind} {item_id} under disposal decision {decision} ({files} file(s), disposal {disposal_id})"
            ),
            AuditEvent::RemovalReportMade {
                from,
                to,
                channel,
                board,
                records,
                path,
            } => format!(
                "removal report {from} to {to}{}{} with {records} record(s) written to {path}",
                channel.map(|c| format!(", channel {c}")).unwrap_or_default(),
                board.as_ref().map(|b| format!(", board {b}")).unwrap_or_default()
            ),
            AuditEvent::RemovalRecaptured {
                removal_id,
                version,
                snapshot_id,
            } => format!("removal {removal_id} captured again: snapshot {snapshot_id} (version {version})"),
            AuditEvent::RemovalGroundChanged { code, change } => match change {
                GroundChange::Added => format!("removal ground {code} added"),
                GroundChange::Edited => format!("removal ground {code} reworded"),
                GroundChange::Retired => format!("removal ground {code} retired"),
            },
            AuditEvent::TimestampAdded {
                snapshot_id,
                authority,
                token,
                time,
            } => format!(
                "timestamped snapshot {snapshot_id} by {authority} at {} UTC ({token})",
                time.format("%Y-%m-%d %H:%M:%S")
            ),
            AuditEvent::TimestampPending {
                snapshot_id,
                authority,
                cause,
            } => format!("timestamp of snapshot {snapshot_id} pending: {authority} gave no token ({cause})"),
        }
    }

    /// Whether older versions could have written this event as English text
    /// only (events added after the log was typed never were).
    pub fn predates_typed_log(&self) -> bool {
        !matches!(
            self,
            AuditEvent::RemovalRecorded { .. }
                | AuditEvent::RemovalCorrected { .. }
                | AuditEvent::RemovalCertified { .. }
                | AuditEvent::DiaryNumberSet { .. }
                | AuditEvent::HoldSet { .. }
                | AuditEvent::HoldCleared { .. }
                | AuditEvent::DiaryKept { .. }
                | AuditEvent::ItemDisposed { .. }
                | AuditEvent::RemovalReportMade { .. }
                | AuditEvent::RemovalRecaptured { .. }
                | AuditEvent::RemovalGroundChanged { .. }
                | AuditEvent::MarkSet { .. }
                | AuditEvent::MarkCleared { .. }
                | AuditEvent::TimestampAdded { .. }
                | AuditEvent::TimestampPending { .. }
        )
    }

    /// Reads an entry written before events were typed (an `action` and an
    /// English `detail`): every format those versions wrote becomes its
    /// event, anything else [`AuditEvent::Legacy`].
    pub fn from_legacy(action: &str, detail: &str) -> AuditEvent {
        crate::audit_legacy::read(action, detail).unwrap_or_else(|| AuditEvent::Legacy {
            action: action.to_string(),
            detail: detail.to_string(),
        })
    }

    /// The stored form: `{"v":1,"kind":…,…}`.
    pub fn to_stored(&self) -> serde_json::Value {
        serde_json::to_value(Stored::from(self)).expect("an audit event serialises")
    }

    /// The stored form as JSON text (`v` first), as the database keeps it.
    pub fn to_stored_json(&self) -> String {
        serde_json::to_string(&Stored::from(self)).expect("an audit event serialises")
    }

    /// Reads the stored form; `None` for another version or an unknown kind
    /// (then keep the entry as [`AuditEvent::Legacy`]).
    pub fn from_stored(value: &serde_json::Value) -> Option<AuditEvent> {
        if value.get("v")?.as_u64()? != u64::from(AUDIT_EVENT_VERSION) {
            return None;
        }
        AuditEvent::deserialize(value).ok()
    }

    /// The event of a stored entry: from its `event` when it has one,
    /// otherwise (an older entry) from its English `detail`.
    pub fn read(action: &str, detail: &str, event: Option<&serde_json::Value>) -> AuditEvent {
        match event {
            None | Some(serde_json::Value::Null) => AuditEvent::from_legacy(action, detail),
            Some(v) => AuditEvent::from_stored(v).unwrap_or_else(|| AuditEvent::Legacy {
                action: action.to_string(),
                detail: detail.to_string(),
            }),
        }
    }

    /// One event of every variant (with awkward values: paths with spaces,
    /// brackets and the separators of the old text formats), for tests that
    /// must cover every variant. A test in this crate fails when a variant
    /// has no example here.
    #[doc(hidden)]
    pub fn examples() -> Vec<AuditEvent> {
        let path = "/home/anna/Mina paket (2026): with snapshots, at x/x.zip".to_string();
        vec![
            AuditEvent::ChannelAdded {
                name: "Biblioteket på Instagram".into(),
            },
            AuditEvent::ChannelImported {
                name: "Musik' from skolan".into(),
                source: "register (1).csv".into(),
            },
            AuditEvent::ChannelEdited {
                fields: vec![ChannelField::Unit, ChannelField::Purpose],
            },
            AuditEvent::ClosureStarted {
                from: ChannelStatus::Active,
                to: ChannelStatus::Closing,
            },
            AuditEvent::ClosureCompleted {
                from: ChannelStatus::Closing,
                to: ChannelStatus::Closed,
            },
            AuditEvent::ClosedOn {
                snapshot_id: "snap-1".into(),
                package_objid: "uuid-1".into(),
                package_path: path.clone(),
            },
            AuditEvent::ClosureNote {
                text: "Kontot stängs efter beslut KS 2026-45".into(),
            },
            AuditEvent::ClosureReviewed {
                snapshot_id: "snap-1".into(),
            },
            AuditEvent::SettingsSet {
                key: "package".into(),
            },
            AuditEvent::SnapshotStored {
                snapshot_id: "snap-1".into(),
                status: SnapshotStatus::Partial,
                reason: SnapshotReason::PreClosure,
                pages: 1,
                single_address: None,
            },
            AuditEvent::SnapshotStored {
                snapshot_id: "snap-2".into(),
                status: SnapshotStatus::Complete,
                reason: SnapshotReason::SingleItem,
                pages: 1,
                single_address: Some("https://www.facebook.com/kommunen/posts/1".into()),
            },
            AuditEvent::LoginBrowserOpened {
                url: "https://www.facebook.com/kommunen".into(),
            },
            AuditEvent::PackageExported {
                objid: "uuid-1".into(),
                path: path.clone(),
                sha256: "ab12".into(),
                size: 42,
                snapshot_ids: vec!["a-1".into(), "b-2".into()],
            },
            AuditEvent::PackageVerified {
                objid: Some("uuid-1".into()),
                path: path.clone(),
                ok: false,
                problems: 3,
            },
            AuditEvent::RegisterExported {
                channels: 2,
                path: path.clone(),
            },
            AuditEvent::RegisterRebuilt {
                channels: 2,
                snapshots: 1,
                audit_entries: 14,
                warnings: 0,
            },
            AuditEvent::RemovalRecorded {
                removal_id: "rem-1".into(),
                item: RemovedKind::Comment,
                action: RemovalAction::Hidden,
                ground: "hot".into(),
                evidence: "snap-1".into(),
                supplied_by_hand: false,
            },
            AuditEvent::RemovalCorrected {
                removal_id: "rem-1".into(),
                version: 2,
            },
            AuditEvent::RemovalCertified {
                removal_id: "rem-1".into(),
                version: 3,
                by: "Pär Ähl".into(),
            },
            AuditEvent::DiaryNumberSet {
                number: Some("KS 2027/12".into()),
                snapshot_ids: vec!["snap-1".into()],
                removal_ids: vec!["rem-1".into()],
            },
            AuditEvent::MarkSet {
                item_kind: MarkedKind::Snapshot,
                item_id: "snap-1".into(),
                personal_data: true,
                secrecy: Some("OSL 21 kap. 7 §".into()),
                note: Some("namn på barn".into()),
            },
            AuditEvent::MarkCleared {
                item_kind: MarkedKind::Removal,
                item_id: "rem-1".into(),
            },
            AuditEvent::Legacy {
                action: "something.new".into(),
                detail: "whatever".into(),
            },
            AuditEvent::HoldSet {
                item_id: "snap-1".into(),
                reason: "Begäran om utlämnande".into(),
            },
            AuditEvent::HoldCleared {
                item_id: "snap-1".into(),
            },
            AuditEvent::DiaryKept {
                number: "KS 2027/12".into(),
                keep: true,
            },
            AuditEvent::ItemDisposed {
                item_kind: DisposedKind::Snapshot,
                item_id: "snap-1".into(),
                disposal_id: "d-1".into(),
                decision: "KS 2019/233".into(),
                files: 3,
            },
            AuditEvent::RemovalReportMade {
                from: "2026-01-01".into(),
                to: "2026-06-30".into(),
                channel: Some(1),
                board: Some("Kommunstyrelsen".into()),
                records: 3,
                path: "/tmp/rapport.pdf".into(),
            },
            AuditEvent::RemovalRecaptured {
                removal_id: "rem-1".into(),
                version: 4,
                snapshot_id: "snap-2".into(),
            },
            AuditEvent::RemovalGroundChanged {
                code: "spam".into(),
                change: GroundChange::Retired,
            },
            AuditEvent::TimestampAdded {
                snapshot_id: "snap-1".into(),
                authority: "http://127.0.0.1:3161/tsa".into(),
                token: "manifest-sha256.txt.1.tsr".into(),
                time: chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a time"),
            },
            AuditEvent::TimestampPending {
                snapshot_id: "snap-1".into(),
                authority: "http://127.0.0.1:3161/tsa".into(),
                cause: "the authority could not be reached".into(),
            },
        ]
    }
}

impl fmt::Display for AuditEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_en())
    }
}

/// One line of the append-only audit log: who did what, when.
///
/// JSON (an `audit.jsonl` line, the CLI's `audit --json`): the fields below,
/// `event` in its stored form (with `v`). A line without `event` (written
/// before events were typed) is read with [`AuditEvent::from_legacy`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    #[ts(type = "string")]
    pub at: Timestamp,
    pub actor: String,
    /// The stable verb of `event` such as `channel.add`, `snapshot.commit`,
    /// `closure.start` (`AuditEvent::action`).
    pub action: String,
    #[ts(type = "number | null")]
    pub channel_id: Option<ChannelId>,
    /// The event in English as recorded, for people; code reads `event`.
    pub detail: String,
    /// What happened.
    #[serde(serialize_with = "serialize_stored")]
    pub event: AuditEvent,
}

impl AuditEntry {
    /// An entry of `event`, with its action and English text.
    pub fn new(
        seq: i64,
        at: Timestamp,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> AuditEntry {
        AuditEntry {
            seq,
            at,
            actor: actor.to_string(),
            action: event.action().to_string(),
            channel_id,
            detail: event.text_en(),
            event,
        }
    }
}

/// An event with its version, as stored.
#[derive(Serialize)]
struct Stored<'a> {
    v: u32,
    #[serde(flatten)]
    event: &'a AuditEvent,
}

impl<'a> From<&'a AuditEvent> for Stored<'a> {
    fn from(event: &'a AuditEvent) -> Self {
        Stored {
            v: AUDIT_EVENT_VERSION,
            event,
        }
    }
}

fn serialize_stored<S: serde::Serializer>(e: &AuditEvent, s: S) -> Result<S::Ok, S::Error> {
    Stored::from(e).serialize(s)
}

impl<'de> Deserialize<'de> for AuditEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            seq: i64,
            at: Timestamp,
            actor: String,
            action: String,
            channel_id: Option<ChannelId>,
            #[serde(default)]
            detail: String,
            #[serde(default)]
            event: Option<serde_json::Value>,
        }
        let w = Wire::deserialize(d)?;
        let event = AuditEvent::read(&w.action, &w.detail, w.event.as_ref());
        Ok(AuditEntry {
            seq: w.seq,
            at: w.at,
            actor: w.actor,
            action: w.action,
            channel_id: w.channel_id,
            detail: w.detail,
            event,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exhaustive: a new variant does not compile until it is listed here,
    /// and then the test below fails until it has an example.
    fn variant(e: &AuditEvent) -> usize {
        match e {
            AuditEvent::ChannelAdded { .. } => 0,
            AuditEvent::ChannelImported { .. } => 1,
            AuditEvent::ChannelEdited { .. } => 2,
            AuditEvent::ClosureStarted { .. } => 3,
            AuditEvent::ClosureCompleted { .. } => 4,
            AuditEvent::ClosedOn { .. } => 5,
            AuditEvent::ClosureNote { .. } => 6,
            AuditEvent::ClosureReviewed { .. } => 7,
            AuditEvent::SettingsSet { .. } => 8,
            AuditEvent::SnapshotStored { .. } => 9,
            AuditEvent::LoginBrowserOpened { .. } => 10,
            AuditEvent::PackageExported { .. } => 11,
            AuditEvent::PackageVerified { .. } => 12,
            AuditEvent::RegisterExported { .. } => 13,
            AuditEvent::RegisterRebuilt { .. } => 14,
            AuditEvent::Legacy { .. } => 15,
            AuditEvent::RemovalRecorded { .. } => 16,
            AuditEvent::RemovalCorrected { .. } => 17,
            AuditEvent::RemovalCertified { .. } => 18,
            AuditEvent::DiaryNumberSet { .. } => 19,
            AuditEvent::HoldSet { .. } => 20,
            AuditEvent::HoldCleared { .. } => 21,
            AuditEvent::DiaryKept { .. } => 22,
            AuditEvent::ItemDisposed { .. } => 23,
            AuditEvent::RemovalReportMade { .. } => 24,
            AuditEvent::RemovalRecaptured { .. } => 25,
            AuditEvent::RemovalGroundChanged { .. } => 26,
            AuditEvent::MarkSet { .. } => 27,
            AuditEvent::MarkCleared { .. } => 28,
            AuditEvent::TimestampAdded { .. } => 29,
            AuditEvent::TimestampPending { .. } => 30,
        }
    }
    const VARIANTS: usize = 31;

    #[test]
    fn the_examples_cover_every_variant() {
        let mut seen: Vec<usize> = AuditEvent::examples().iter().map(variant).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
    }

    #[test]
    fn every_event_reads_back_from_the_english_text_older_versions_wrote() {
        for e in AuditEvent::examples() {
            let text = e.text_en();
            assert!(!text.is_empty(), "{e:?}");
            if !e.predates_typed_log() {
                continue;
            }
            assert_eq!(AuditEvent::from_legacy(e.action(), &text), e, "{text}");
        }
        // verified, and a package without OBJID
        let v = AuditEvent::PackageVerified {
            objid: None,
            path: "/tmp/a: b.zip".into(),
            ok: true,
            problems: 0,
        };
        assert_eq!(
            v.text_en(),
            "package ? at /tmp/a: b.zip: verified, no problems"
        );
        assert_eq!(AuditEvent::from_legacy("package.verify", &v.text_en()), v);
    }

    #[test]
    fn what_the_legacy_reader_cannot_read_is_kept_as_recorded() {
        for (action, detail) in [
            ("channel.add", "created channel X"),
            ("channel.edit", "changed colour"),
            ("closure.start", "status active → gone"),
            ("package.export", "package x written to /y"),
            ("package.verify", "package x at /y: maybe"),
            (
                "snapshot.commit",
                "stored snapshot s (complete, yearly, many page(s))",
            ),
            ("closure.note", "closed on pre-closure snapshot s"),
            ("something.new", "whatever"),
        ] {
            assert_eq!(
                AuditEvent::from_legacy(action, detail),
                AuditEvent::Legacy {
                    action: action.into(),
                    detail: detail.into()
                }
            );
        }
        // A closure note that is not the closing sentence is a person's words.
        assert_eq!(
            AuditEvent::from_legacy("closure.note", "Kontot stängs efter beslut"),
            AuditEvent::ClosureNote {
                text: "Kontot stängs efter beslut".into()
            }
        );
    }

    #[test]
    fn the_stored_form_is_tagged_and_versioned() {
        for e in AuditEvent::examples() {
            let v = e.to_stored();
            assert_eq!(v["v"], 1);
            assert!(v["kind"].is_string(), "{v}");
            assert_eq!(AuditEvent::from_stored(&v), Some(e));
        }
        let e = AuditEvent::ClosureReviewed {
            snapshot_id: "s-1".into(),
        };
        assert_eq!(
            e.to_stored(),
            serde_json::json!({"v": 1, "kind": "closure-reviewed", "snapshot_id": "s-1"})
        );
        let newer = serde_json::json!({"v": 2, "kind": "closure-reviewed", "snapshot_id": "s-1"});
        assert_eq!(AuditEvent::from_stored(&newer), None);
        let unknown = serde_json::json!({"v": 1, "kind": "teleported"});
        assert_eq!(
            AuditEvent::read("x.y", "teleported", Some(&unknown)),
            AuditEvent::Legacy {
                action: "x.y".into(),
                detail: "teleported".into()
            }
        );
    }

    #[test]
    fn an_entry_reads_in_the_new_and_the_old_form() {
        let at: Timestamp = "2026-05-04T09:00:00Z".parse().unwrap();
        let e = AuditEntry::new(
            3,
            at,
            "anna",
            Some(1),
            AuditEvent::ClosureReviewed {
                snapshot_id: "s-1".into(),
            },
        );
        assert_eq!(e.action, "closure.review");
        assert_eq!(e.detail, "reviewed the pre-closure snapshot s-1");
        let line = serde_json::to_string(&e).unwrap();
        assert!(
            line.contains(r#""event":{"v":1,"kind":"closure-reviewed""#),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<AuditEntry>(&line).unwrap(), e);
        // An audit.jsonl line of an older version.
        let old = r#"{"seq":3,"at":"2026-05-04T09:00:00Z","actor":"anna","action":"closure.review","channel_id":1,"detail":"reviewed the pre-closure snapshot s-1"}"#;
        assert_eq!(serde_json::from_str::<AuditEntry>(old).unwrap(), e);
    }
}
