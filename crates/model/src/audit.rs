//! The audit log's vocabulary: [`AuditEvent`], one variant per thing that can
//! happen, with typed fields. Code that reads the log (the closure
//! checklist, the Swedish log, reports) matches on the variant and reads its
//! fields; its text for people, in Swedish or English, is a message of the
//! catalogue ([`AuditEvent::message`], `audit/message.rs`).
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
    ChannelId, ChannelStatus, DisposedKind, MarkedKind, RemovalAction, RemovedKind, Role,
    RoleAction, SnapshotReason, SnapshotStatus, Timestamp, UnknownWord,
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
    /// `closure.start`; with the decision to close the account and its
    /// diary number when given (h-close; absent in older entries).
    ClosureStarted {
        from: ChannelStatus,
        to: ChannelStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        decision: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        diary_number: Option<String>,
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
        /// Why, in English as recorded (entries of every version).
        cause: String,
        /// h-voc4: why, as a message (absent in older entries): the
        /// Swedish log writes it in Swedish.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        why: Option<ogonblick_messages::Message>,
    },
    // h-diff: comparisons of snapshots.
    /// `change.register`: a suggested major change (the comparison of
    /// `snapshot_id` with its previous snapshot) registered: the channel was
    /// captured as a major change, `new_snapshot_id`, described by `note`.
    ChangeRegistered {
        snapshot_id: String,
        new_snapshot_id: String,
        note: String,
    },
    /// `change.dismiss`: a suggested major change dismissed (no major change).
    ChangeDismissed {
        snapshot_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        note: Option<String>,
    },
    // h-roles: roles and the role check.
    /// `role.set`: a person's roles (and, for a *handläggare*, units) set.
    RoleSet {
        login: String,
        roles: Vec<Role>,
        units: Vec<String>,
    },
    /// `role.remove`: a person's roles removed.
    RoleRemoved { login: String },
    /// `access.refused`: the role check refused `login` the `action`.
    AccessRefused { login: String, action: RoleAction },
    // h-close: undoing a closure, and the account deleted on the platform.
    /// `closure.undo`: a started closure undone before its final snapshot
    /// (`from` closing, `to` active); the steps taken before no longer count.
    ClosureUndone {
        from: ChannelStatus,
        to: ChannelStatus,
    },
    /// `closure.deleted`: the account was deleted on the platform on `date`
    /// (a calendar day, as the person recorded it), after the closure.
    AccountDeleted {
        #[ts(type = "string")]
        date: chrono::NaiveDate,
    },
    // h-ui19: the organisation's list of boards and units.
    /// `org.add`: a board (or, with `unit`, a unit of the board) added to the
    /// organisation's list.
    OrgUnitAdded {
        board: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        unit: Option<String>,
    },
    /// `org.rename`: a board (or a unit of it) renamed to `to`.
    OrgUnitRenamed {
        board: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        unit: Option<String>,
        to: String,
    },
    /// `org.remove`: a board (or a unit of it) removed from the list.
    OrgUnitRemoved {
        board: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        unit: Option<String>,
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
            AuditEvent::ChangeRegistered { .. } => "change.register",
            AuditEvent::ChangeDismissed { .. } => "change.dismiss",
            AuditEvent::RoleSet { .. } => "role.set",
            AuditEvent::RoleRemoved { .. } => "role.remove",
            AuditEvent::AccessRefused { .. } => "access.refused",
            AuditEvent::ClosureUndone { .. } => "closure.undo",
            AuditEvent::AccountDeleted { .. } => "closure.deleted",
            AuditEvent::OrgUnitAdded { .. } => "org.add",
            AuditEvent::OrgUnitRenamed { .. } => "org.rename",
            AuditEvent::OrgUnitRemoved { .. } => "org.remove",
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
                | AuditEvent::ChangeRegistered { .. }
                | AuditEvent::ChangeDismissed { .. }
                | AuditEvent::RoleSet { .. }
                | AuditEvent::RoleRemoved { .. }
                | AuditEvent::AccessRefused { .. }
                | AuditEvent::ClosureUndone { .. }
                | AuditEvent::AccountDeleted { .. }
                | AuditEvent::OrgUnitAdded { .. }
                | AuditEvent::OrgUnitRenamed { .. }
                | AuditEvent::OrgUnitRemoved { .. }
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
}

impl fmt::Display for AuditEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_en())
    }
}

mod entry;
pub use entry::AuditEntry;
use entry::Stored;
mod examples;
mod message;
#[cfg(test)]
mod tests;
