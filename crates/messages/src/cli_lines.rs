//! h-cli11: the lines and words of the CLI's own reports (tables, lists,
//! summaries, progress), keys of the catalogue like [`crate::Message`]'s
//! and tested with them, in an enum of their own so that `catalogue.rs`
//! does not grow. Never stored: the CLI renders them in its language.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::{Arg, Day};
use crate::catalogue::catalogue;
use crate::choices::{CliWord, Column, GroundEdit, Label, RetentionWhat, Tally};
use crate::{render_key, Language, Message};

catalogue! {
    CliLine;
    CliWordText = "cli-word" { word: CliWord },
    CliLabelText = "cli-label" { label: Label },
    CliHeader = "cli-header" { column: Column },
    CliChannelStatus = "cli-channel-status" { status: String },
    CliPolicy = "cli-policy" { policy: String },
    CliMarkedKind = "cli-marked-kind" { kind: String },
    CliDisposedKind = "cli-disposed-kind" { kind: String },
    CliStage = "cli-stage" { stage: String },
    CliWarning = "cli-warning" { what: Box<Message> },
    CliRegisterEmpty = "cli-register-empty" {},
    CliChannelsNone = "cli-channels-none" {},
    CliHistoryNone = "cli-history-none" {},
    CliReindexDone = "cli-reindex-done" { channels: u64, snapshots: u64, audit_entries: u64 },
    CliCount = "cli-count" { count: u64, what: Tally },
    CliGroup = "cli-group" { board: String, unit: String, counts: String },
    CliDueHeader = "cli-due-header" { date: Day, timezone: String, local: String },
    CliDueBlackout = "cli-due-blackout" { label: String, from: Day, to: Day },
    CliDueTotal = "cli-due-total" { channels: u64, counts: String, now: u64 },
    CliCoverageHeader = "cli-coverage-header" { date: Day, timezone: String },
    CliCoverageAllClosed = "cli-coverage-all-closed" {},
    CliCoverageChannels = "cli-coverage-channels" { channels: u64, good: u64 },
    CliCoverageTotal = "cli-coverage-total" { counts: String },
    CliNextOverdue = "cli-next-overdue" {},
    CliNextFinal = "cli-next-final" {},
    CliNextBy = "cli-next-by" { day: String },
    CliNextFrom = "cli-next-from" { day: String },
    CliRemovalsNone = "cli-removals-none" {},
    CliVersion = "cli-version" { id: String, version: u64 },
    CliAtBy = "cli-at-by" { at: String, by: String },
    CliForwardedTo = "cli-forwarded-to" { to: String, at: String },
    CliCertifiedBy = "cli-certified-by" { by: String, at: String },
    CliEvidenceSnapshot = "cli-evidence-snapshot" { id: String },
    CliEvidenceFailed = "cli-evidence-failed" { id: String, status: String, record: String },
    CliEvidenceGone = "cli-evidence-gone" { id: String, record: String },
    CliEvidenceFile = "cli-evidence-file" { path: String, media_type: String, size: u64, sha256: String, original: String },
    CliMarkSetAt = "cli-mark-set-at" { at: String, by: String },
    CliRoleUnits = "cli-role-units" { roles: String, units: String },
    CliRoleFirst = "cli-role-first" {},
    CliRolesNone = "cli-roles-none" {},
    // issue 15: `ogonblick claims` with no claim in force.
    CliClaimsNone = "cli-claims-none" {},
    CliRoleRemoved = "cli-role-removed" { login: String, last: bool },
    CliMarked = "cli-marked" { kind: String, id: String, words: String },
    CliMarkCleared = "cli-mark-cleared" { id: String },
    CliImported = "cli-imported" { count: u64, ids: String },
    CliExported = "cli-exported" { count: u64, path: String },
    CliTimestampNone = "cli-timestamp-none" {},
    CliTsaNone = "cli-tsa-none" {},
    CliChangeDismissed = "cli-change-dismissed" { snapshot: String },
    CliChangeRegistered = "cli-change-registered" { snapshot: String, status: String },
    CliChangedSignals = "cli-changed-signals" { signals: String },
    CliComparePage = "cli-compare-page" { url: String, text: String, header: String, regions: u64 },
    CliDiarySet = "cli-diary-set" { number: String, removed: bool, snapshots: u64, removals: u64 },
    CliDisposalLogDocument = "cli-disposal-log-document" { count: u64, path: String },
    CliCaptureNothing = "cli-capture-nothing" {},
    CliCaptureIncomplete = "cli-capture-incomplete" { count: u64, total: u64 },
    /// A channel's state in the due and coverage tables (`DueState::as_str`).
    CliState = "cli-state" { state: String },
    /// A platform and a snapshot's reason in tables: English keeps the
    /// words the CLI takes (`youtube`, `pre-closure`).
    CliPlatform = "cli-platform" { platform: String },
    CliReason = "cli-reason" { reason: String },
    /// A role in tables: English keeps the word the CLI takes (`handlaggare`).
    CliRole = "cli-role" { role: String },
    CliCompareVerdict = "cli-compare-verdict" { older: String, newer: String, major: bool },

    // h-voc5: `removal certify|correct`, `removal grounds add|edit|retire`,
    // `retention show` (a rule's kind, `detail` a word of the language: a
    // snapshot's reason, a ground's short name, an action).
    CliRemovalCertified = "cli-removal-certified" { id: String, version: u64 },
    CliRemovalCorrected = "cli-removal-corrected" { id: String, version: u64 },
    CliGroundChanged = "cli-ground-changed" { code: String, change: GroundEdit },
    CliRetentionKind = "cli-retention-kind" { kind: RetentionWhat, detail: String },
    CliRetentionKeep = "cli-retention-keep" {},
    CliRetentionYears = "cli-retention-years" { years: u64 },
    CliRetentionMonths = "cli-retention-months" { months: u64 },
    CliRemovalReportWritten = "cli-removal-report-written" { count: u64, path: String },
    CliRemovalRecaptured = "cli-removal-recaptured" { id: String, snapshot: String, version: u64 },
    CliOrgNoBoards = "cli-org-no-boards" {},
    // h-voc7: `--lang` given something that is not a language.
    CliLangUnknown = "cli-lang-unknown" { value: String },
    // h-migrate (issue 15): `ogonblick migrate`'s summary. `tables`: `name rows`
    // of every table moved.
    CliMigrated = "cli-migrated" { address: String, channels: u64, snapshots: u64, files: u64, audit_entries: u64, removals: u64 },
    CliMigratedTables = "cli-migrated-tables" { tables: String },
    CliMigratedNext = "cli-migrated-next" { path: String },
}

impl CliLine {
    /// The line in `lang`.
    pub fn render(&self, lang: Language) -> String {
        render_key(lang, self.key(), &|name| self.arg(name, lang))
    }
}
