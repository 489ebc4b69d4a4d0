//! The keys of the catalogue and their typed parameters: one line each.
//! The texts are in `locales/*.ftl`; the tests hold them to this list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::{Arg, Blocks, Day, Field, Names, NetCause, RoleNames, Span};
use crate::choices::{CaptureFault, Fault, FixityRecord, InventoryPart, IoAction, RemovedName};
use crate::choices::{
    ChangeColumn, ChannelState, Column, GroundEdit, ItemKind, OverviewColumn, PathKind, Picture,
    RegisterField, RemovalDone, RemovedWhat, SignalName, SnapshotState, SnapshotWhy, StepName,
    StepState,
};
use crate::format::{Millis, UtcTime};
use crate::Language;

mod define;
pub(crate) use define::catalogue;
mod keys_first;
mod keys_second;

// The list of keys: `keys_first.rs`, then `keys_second.rs`, then the keys
// below (add new blocks at the end), made into the enum by `define.rs`.
keys_first::keys_first! {
    // h-voc: the use cases' last refusals in plain text, a capture's cut feed, a skipped channel.
    AppFault = "app-fault" { detail: String },
    RegisterNothingToChange = "register-nothing-to-change" {},
    RegisterNoSuchAddress = "register-no-such-address" { id: i64, url: String, urls: String },
    RegisterCsvIsFolder = "register-csv-is-folder" { path: String },
    RegisterCsvNoFolder = "register-csv-no-folder" { folder: String },
    ClosureNotFinal = "closure-not-final" { snapshot: String, id: i64 },
    ClosurePackageUnverified = "closure-package-unverified" { package: String, problems: Vec<Message> },
    VerifyProblemAt = "verify-problem-at" { path: String, what: Box<Message> },
    ReindexNoDataDir = "reindex-no-data-dir" { path: String },
    ConfigBadTestNow = "config-bad-test-now" { var: String, value: String },
    ConfigNoHome = "config-no-home" {},
    ConfigOperatorEmpty = "config-operator-empty" {},
    ConfigDataDirEmpty = "config-data-dir-empty" {},
    ConfigDataDirFile = "config-data-dir-file" { path: String },
    ExportManifestUnreadable = "export-manifest-unreadable" { folder: String, file: String },
    ExportManifestOther = "export-manifest-other" { folder: String, file: String },
    ExportInsideDataDir = "export-inside-data-dir" { path: String, data_dir: String },
    ExportNoMatch = "export-no-match" {},
    ExportNoArchiveCreator = "export-no-archive-creator" {},
    PackageRetentionNeedsDecision = "package-retention-needs-decision" {},
    LoginBrowserWatch = "login-browser-watch" { detail: String },
    CaptureNoChannels = "capture-no-channels" {},
    ScheduleSettingsUnusable = "schedule-settings-unusable" { why: Box<Message> },
    ScheduleSettingsJson = "schedule-settings-json" { detail: String },
    ScheduleBadDay = "schedule-bad-day" { given: String, detail: Box<Message> },
    ScheduleWindowCount = "schedule-window-count" { policy: String, expected: u64, got: u64 },
    ScheduleWindowInBlackout = "schedule-window-in-blackout" { policy: String, window: String, blackout: String },
    ScheduleWindowSplit = "schedule-window-split" { policy: String, window: String, blackout: String },
    ScheduleWindowsOverlap = "schedule-windows-overlap" { policy: String, a: String, b: String },
    ScheduleUnknownTimezone = "schedule-unknown-timezone" { timezone: String },
    ScheduleBadInstant = "schedule-bad-instant" { given: String, timezone: String },
    RolesUnreadable = "roles-unreadable" { path: String, detail: String },
    SchedulerStateUnreadable = "scheduler-state-unreadable" { path: String, detail: String },
    TruncatedTall = "truncated-tall" { height: u64, kept: u64 },
    TruncatedHeightCap = "truncated-height-cap" { cap: u64 },
    TruncatedTimeCap = "truncated-time-cap" { secs: u64, at: u64 },
    CaptureDoneMeanwhile = "capture-done-meanwhile" { id: i64 },
    DesktopNoPath = "desktop-no-path" { what: PathKind },
    CliUrlsBoth = "cli-urls-both" {},
    CliUrlOneChannel = "cli-url-one-channel" {},
    CliPolicyOrDefault = "cli-policy-or-default" { why: Box<Message> },
    CliBadChannelId = "cli-bad-channel-id" { given: String },
    CliBadDate = "cli-bad-date" { given: String },
    CliBadFormat = "cli-bad-format" { given: String },
    CliBadRemovals = "cli-bad-removals" { given: String },
    CliTimestampsPending = "cli-timestamps-pending" { count: u64 },
    CliBadSettingKey = "cli-bad-setting-key" { given: String, known: String },
    CliSettingsNothing = "cli-settings-nothing" {},
    // h-review
    TimestampStateDamaged = "timestamp-state-damaged" { snapshot: String, given: String },

    // h-ui19: the organisation's list of boards and units; bulk edits.
    OrgBoardUnknown = "org-board-unknown" { board: String, known: String },
    OrgUnitUnknown = "org-unit-unknown" { board: String, unit: String, known: String },
    OrgUnitNeedsBoard = "org-unit-needs-board" { unit: String },
    OrgNoSuchBoard = "org-no-such-board" { board: String, known: String },
    OrgNoSuchUnit = "org-no-such-unit" { board: String, unit: String, known: String },
    OrgBoardExists = "org-board-exists" { board: String },
    OrgUnitExists = "org-unit-exists" { board: String, unit: String },
    OrgBoardInUse = "org-board-in-use" { board: String, channels: u64 },
    OrgUnitInUse = "org-unit-in-use" { board: String, unit: String, channels: u64 },
    OrgNameEmpty = "org-name-empty" {},
    BulkNoChannels = "bulk-no-channels" {},

    // h-rem3: removal records' change notes (`RemovalRecord.change_note`), the
    // police report "yes" alone, a capture-first that failed.
    RemovalNoteCertified = "removal-note-certified" { by: String },
    RemovalNoteCorrected = "removal-note-corrected" {},
    RemovalNoteCorrectedBecause = "removal-note-corrected-because" { reason: String },
    RemovalNoteRecaptured = "removal-note-recaptured" { snapshot: String },
    RemovalNoteDiarySet = "removal-note-diary-set" { number: String },
    RemovalNoteDiaryRemoved = "removal-note-diary-removed" {},
    RemovalPoliceContradicts = "removal-police-contradicts" {},
    RemovalCaptureFirstFailed = "removal-capture-first-failed" { id: String, url: String, snapshot: String, why: String },

    // h-docs: the packages' human-readable documents (the inventory and
    // how-the-snapshots-were-taken.md), in the organisation's language.
    DocRetentionPreserve = "doc-retention-preserve" {},
    DocRetentionDispose = "doc-retention-dispose" { years: u32, decision: String },
    /// `platform`, `reason`, `status`: the words of `Platform`, `SnapshotReason`, `SnapshotStatus`.
    DocPlatform = "doc-platform" { platform: String },
    DocReason = "doc-reason" { reason: String },
    DocStatus = "doc-status" { status: String },
    DocHowTitle = "doc-how-title" {},
    DocHowMade = "doc-how-made" { software: String, organisation: String },
    DocHowMethod = "doc-how-method" {},
    DocHowSnapshots = "doc-how-snapshots" {},
    DocHowSnapshot = "doc-how-snapshot" { channel: String, id: String, reason: Box<Message>, status: Box<Message>, at: UtcTime, took: Millis, operator: String },
    DocSingleAddress = "doc-single-address" { url: String },
    DocHowPage = "doc-how-page" { url: String, ok: bool, tool: String, at: UtcTime, browser: String },
    DocPageFigures = "doc-page-figures" { width: u32, height: u32, slices: u32, pdf_pages: u32, took: Millis },
    DocPageWhy = "doc-page-why" { why: String },
    DocHowRetention = "doc-how-retention" {},
    DocInvTitle = "doc-inv-title" { objid: String },
    DocInvPage = "doc-inv-page" { title: String, n: usize, of: usize },
    DocInvLabel = "doc-inv-label" { label: String },
    DocInvMade = "doc-inv-made" { at: UtcTime, software: String },
    DocInvOrganisation = "doc-inv-organisation" { name: String, number: String },
    DocInvCreator = "doc-inv-creator" { creator: String, unit: String },
    DocInvEArchive = "doc-inv-e-archive" { archive: String, agreement: String },
    DocInvClassification = "doc-inv-classification" { code: String, row: String },
    DocInvRetention = "doc-inv-retention" { retention: String },
    DocInvSnapshots = "doc-inv-snapshots" {},
    DocInvSnapshot = "doc-inv-snapshot" { channel: String, at: UtcTime, reason: Box<Message>, status: Box<Message>, diary: String },
    DocDiaryNumber = "doc-diary-number" { number: String },
    DocNotRegistered = "doc-not-registered" {},
    DocProtection = "doc-protection" { marks: String },
    DocInvPageLine = "doc-inv-page-line" { ok: bool, url: String },
    DocInvFiles = "doc-inv-files" {},
    DocInvFile = "doc-inv-file" { sha256: String, bytes: String, size: String, format: String },
    DocFormatUnknown = "doc-format-unknown" {},
    DocInvAlso = "doc-inv-also" { files: String },
    DocInvWebArchives = "doc-inv-web-archives" { path: String },
    DocRemovals = "doc-removals" {},
    DocInvRemoval = "doc-inv-removal" { id: String, channel: String, at: UtcTime, kind: String, action: String },
    DocGround = "doc-ground" { ground: String },
    DocInvRemovalDetail = "doc-inv-removal-detail" { url: String, versions: Box<Message>, notes: String, evidence: String },
    DocCertifiedBy = "doc-certified-by" { by: String },
    DocPoliceReported = "doc-police-reported" {},
    DocEvidenceSnapshot = "doc-evidence-snapshot" { id: String },
    DocEvidenceFile = "doc-evidence-file" { name: String },
    DocHowRemovalsIntro = "doc-how-removals-intro" {},
    DocHowRemoval = "doc-how-removal" { id: String, channel: String, what: String, at: UtcTime, by: String },
    DocVersions = "doc-versions" { versions: usize },

    // h-voc3: a day of the year, the package's refusals, a closure started,
    // the CLI's reports (export, its preview, verify, the closure checklist,
    // disposal).
    DayForm = "day-form" {},
    DayNoMonth = "day-no-month" { month: u32 },
    DayNoDay = "day-no-day" { month: u32, max: u32 },
    PackageNothing = "package-nothing" {},
    PackageNoOrganisation = "package-no-organisation" {},
    PackageNoArchiveCreator = "package-no-archive-creator" {},
    PackageNoFolder = "package-no-folder" { folder: String },
    PackageExists = "package-exists" { path: String },
    PackageSnapshotFormat = "package-snapshot-format" { snapshot: String, format: String, expected: String },
    PackageSnapshotFolderMissing = "package-snapshot-folder-missing" { folder: String },
    PackageSnapshotFileOutside = "package-snapshot-file-outside" { snapshot: String, path: String },
    PackageSnapshotBadPath = "package-snapshot-bad-path" { snapshot: String, path: String },
    PackageNotAFile = "package-not-a-file" { path: String },
    PackageEvidenceNameTaken = "package-evidence-name-taken" { snapshot: String, name: String },
    PackageRemovalNoVersion = "package-removal-no-version" { folder: String },
    PackageRemovalFormat = "package-removal-format" { id: String, format: String, expected: String },
    PackageRemovalTwice = "package-removal-twice" { id: String },
    PackageRemovalEvidenceMissing = "package-removal-evidence-missing" { id: String, snapshot: String },
    PackageRemovalFileOutside = "package-removal-file-outside" { id: String, path: String },
    ClosureStartedNote = "closure-started" { id: i64 },
    ClosureStepName = "closure-step-name" { step: StepName },
    ClosureStepState = "closure-step-state" { state: StepState },
    CliColumn = "cli-column" { column: Column },
    CliPackageWritten = "cli-package-written" { objid: String, path: String, files: u64, snapshots: u64, bytes: u64 },
    CliPackageSha = "cli-package-sha" { sha256: String, sidecar: String },
    CliPreviewPackage = "cli-preview-package" { marked: bool, snapshots: u64, removals: u64, marks: u64, bytes: u64 },
    CliPreviewSnapshotPages = "cli-preview-snapshot-pages" { pages: u64 },
    CliPreviewRemoval = "cli-preview-removal" {},
    CliPreviewNothing = "cli-preview-nothing" {},
    CliPreviewWithoutSnapshot = "cli-preview-without-snapshot" { count: u64 },
    CliVerifyOk = "cli-verify-ok" { objid: String, files: u64, schemas: bool },
    CliVerifyNotOk = "cli-verify-not-ok" { count: u64, package: String },
    CliClosureComplete = "cli-closure-complete" { id: i64, name: String, snapshot: String, package: String },
    CliClosureUndone = "cli-closure-undone" { id: i64, name: String, status: String },
    CliClosureChannel = "cli-closure-channel" { id: i64, name: String, status: String },
    CliClosureDecision = "cli-closure-decision" { decision: String },
    CliClosureDiary = "cli-closure-diary" { number: String },
    CliClosureDeletedOn = "cli-closure-deleted-on" { date: String },
    CliClosureCanUndo = "cli-closure-can-undo" { id: i64 },
    CliDisposeDue = "cli-dispose-due" { count: u64 },
    CliDisposeKept = "cli-dispose-kept" { count: u64 },
    CliDisposedOf = "cli-disposed-of" { count: u64 },
    CliDisposedItem = "cli-disposed-item" { kind: String, id: String, files: u64, decision: String },
    DesktopJobNoId = "desktop-job-no-id" {},
    DesktopJobRunning = "desktop-job-running" { job: String },
    DesktopScheduledCaptureRunning = "desktop-scheduled-capture-running" {},
    DesktopDueCaptureRunning = "desktop-due-capture-running" {},
    DesktopJobKindRunning = "desktop-job-kind-running" { job: String },
    DesktopSchedulerStart = "desktop-scheduler-start" { detail: String },
    CliHoldSet = "cli-hold-set" { id: String, reason: String },
    CliHoldLifted = "cli-hold-lifted" { id: String },
    CliDiaryKept = "cli-diary-kept" { number: String, keep: bool },
    CliDisposalLogWritten = "cli-disposal-log-written" { path: String },

    // h-voc4: the audit log's events (`AuditEvent::message`), one key each;
    // the optional parts (`decision`, `diary`, `single`, `channel`, `board`)
    // are messages of their own, written with their separator.
    AuditChannelAdded = "audit-channel-added" { name: String },
    AuditChannelImported = "audit-channel-imported" { name: String, source: String },
    AuditChannelEdited = "audit-channel-edited" { fields: Vec<RegisterField> },
    AuditStatus = "audit-status" { from: ChannelState, to: ChannelState, decision: Option<Box<Message>>, diary: Option<Box<Message>> },
    AuditDecision = "audit-decision" { decision: String },
    AuditDiaryNumber = "audit-diary-number" { number: String },
    AuditClosedOn = "audit-closed-on" { snapshot: String, objid: String, path: String },
    AuditClosureReviewed = "audit-closure-reviewed" { snapshot: String },
    /// `key`: `organisation`, `package`, `scheduler` or another setting's name.
    AuditSettingsSet = "audit-settings-set" { key: String },
    AuditSnapshotStored = "audit-snapshot-stored" { snapshot: String, status: SnapshotState, reason: SnapshotWhy, pages: u32, single: Option<Box<Message>> },
    AuditSingleAddress = "audit-single-address" { url: String },
    AuditLoginBrowser = "audit-login-browser" { url: String },
    /// `snapshots`: the ids, joined by ", ".
    AuditPackageExported = "audit-package-exported" { objid: String, path: String, sha256: String, size: u64, snapshots: String },
    AuditPackageVerified = "audit-package-verified" { objid: String, path: String, ok: bool, problems: u32 },
    AuditRegisterExported = "audit-register-exported" { channels: u32, path: String },
    AuditRegisterRebuilt = "audit-register-rebuilt" { channels: u32, snapshots: u32, entries: u32, warnings: u32 },
    AuditRemovalRecorded = "audit-removal-recorded" { removal: String, item: RemovedWhat, action: RemovalDone, ground: String, evidence: String, by_hand: bool },
    AuditRemovalCorrected = "audit-removal-corrected" { removal: String, version: u32 },
    AuditRemovalCertified = "audit-removal-certified" { removal: String, version: u32, by: String },
    AuditDiarySet = "audit-diary-set" { number: String, snapshots: String, removals: String },
    AuditDiaryRemoved = "audit-diary-removed" { snapshots: String, removals: String },
    AuditMarkSet = "audit-mark-set" { kind: ItemKind, id: String, mark: Vec<Message> },
    AuditMarkSetNote = "audit-mark-set-note" { kind: ItemKind, id: String, mark: Vec<Message>, note: String },
    AuditMarkCleared = "audit-mark-cleared" { kind: ItemKind, id: String },
    AuditHoldSet = "audit-hold-set" { id: String, reason: String },
    AuditHoldCleared = "audit-hold-cleared" { id: String },
    AuditDiaryKept = "audit-diary-kept" { number: String, keep: bool },
    AuditItemDisposed = "audit-item-disposed" { kind: ItemKind, id: String, disposal: String, decision: String, files: u32 },
    AuditRemovalReport = "audit-removal-report" { from: String, to: String, channel: Option<Box<Message>>, board: Option<Box<Message>>, records: u32, path: String },
    AuditReportChannel = "audit-report-channel" { id: i64 },
    AuditReportBoard = "audit-report-board" { board: String },
    AuditRemovalRecaptured = "audit-removal-recaptured" { removal: String, version: u32, snapshot: String },
    AuditGroundChanged = "audit-ground-changed" { code: String, change: GroundEdit },
    /// `time`: `YYYY-MM-DD HH:MM:SS`, UTC.
    AuditTimestampAdded = "audit-timestamp-added" { snapshot: String, authority: String, token: String, time: String },
    AuditTimestampPending = "audit-timestamp-pending" { snapshot: String, authority: String, cause: Box<Message> },
    AuditChangeRegistered = "audit-change-registered" { snapshot: String, new_snapshot: String, note: String },
    AuditChangeDismissed = "audit-change-dismissed" { snapshot: String },
    AuditChangeDismissedNote = "audit-change-dismissed-note" { snapshot: String, note: String },
    AuditRoleSet = "audit-role-set" { login: String, roles: RoleNames },
    AuditRoleSetUnits = "audit-role-set-units" { login: String, roles: RoleNames, units: Names },
    AuditRoleRemoved = "audit-role-removed" { login: String },
    AuditAccessRefused = "audit-access-refused" { login: String, action: Box<Message> },
    AuditClosureUndone = "audit-closure-undone" { from: ChannelState, to: ChannelState },
    /// `date`: `YYYY-MM-DD`.
    AuditAccountDeleted = "audit-account-deleted" { date: String },
    AuditBoardAdded = "audit-board-added" { board: String },
    AuditUnitAdded = "audit-unit-added" { board: String, unit: String },
    AuditBoardRenamed = "audit-board-renamed" { board: String, to: String },
    AuditUnitRenamed = "audit-unit-renamed" { board: String, unit: String, to: String },
    AuditBoardRemoved = "audit-board-removed" { board: String },
    AuditUnitRemoved = "audit-unit-removed" { board: String, unit: String },
    // h-pg: the register on PostgreSQL (issue 15)
    StorePgAddress = "store-pg-address" { detail: String },
    StorePgUnreachable = "store-pg-unreachable" { address: String, detail: String },
    StorePgLost = "store-pg-lost" { detail: String },
    StorePostgres = "store-postgres" { detail: String },
    StoreChannelChangedBy = "store-channel-changed-by" { id: i64, name: String, by: String, at: UtcTime },

    // h-voc5: the message to the author of removed content (the guidelines'
    // example; `kind` the model's `RemovedKind` word, `named` whether
    // `author` is known, `sender` the operator and organisation).
    RemovalContactTemplate = "removal-contact-template" { named: bool, author: String, kind: RemovedName, rules_page: String, sender: String },
    // h-doc11: the package's last texts in the organisation's language (the
    // default label, METS's content types, PREMIS's details and rights, the
    // inventory's subject).
    /// `removals`: a package of removal records alone; `period`: the days of its snapshots, or empty.
    PackageLabel = "package-label" { removals: bool, names: String, period: String },
    PackageLabelMarked = "package-label-marked" { label: String },
    DocInvSubject = "doc-inv-subject" { objid: String, at: UtcTime },
    /// `single`: `premis-single-address` or nothing; `with`: `premis-capture-with`.
    PremisCapture = "premis-capture" { url: String, snapshot: String, reason: SnapshotWhy, single: Option<Box<Message>>, with: Box<Message> },
    PremisCaptureWith = "premis-capture-with" { tool: String, version: String, browser: String, width: u32, height: u32 },
    PremisSingleAddress = "premis-single-address" { url: String },
    PremisCreatedWith = "premis-created-with" { tool: String, browser: String },
    PremisDigest = "premis-digest" {},
    PremisValidation = "premis-validation" { path: String, format: String, version: String, puid: String },
    PremisValidationUnidentified = "premis-validation-unidentified" { path: String, format: String, version: String },
    PremisAgentOperator = "premis-agent-operator" {},
    PremisOrgNumber = "premis-org-number" { number: String },
    /// `file`: `premis-supplied-file`.
    PremisRemovalSupplied = "premis-removal-supplied" { url: String, record: String, file: Box<Message> },
    PremisSuppliedFile = "premis-supplied-file" { name: String, media_type: String, sha256: String },
    /// `ground`: the ground's label in the package's language.
    PremisRemoval = "premis-removal" { kind: RemovedWhat, url: String, action: RemovalDone, code: String, ground: String, record: String },
    PremisRemovalCorrection = "premis-removal-correction" { version: u32, record: String, note: Option<Box<Message>> },
    PremisCorrectionNote = "premis-correction-note" { note: Box<Message> },
    PremisRemovalCertified = "premis-removal-certified" { record: String, by: String },
    /// `at`: RFC 3339, as PREMIS writes times.
    PremisMarkNote = "premis-mark-note" { kind: ItemKind, id: String, at: String, by: String },
    PremisRightsGdpr = "premis-rights-gdpr" {},
    PremisRestrictionPersonalData = "premis-restriction-personal-data" {},
    PremisRestrictionSecret = "premis-restriction-secret" {},

    // h-voc6: the engine's own snapshot notes (`Snapshot::reason_message`)
    // and why a PNG gets no thumbnail.
    SnapshotNoteBeforeRemoval = "snapshot-note-before-removal" {},
    SnapshotNoteRecaptured = "snapshot-note-recaptured" { removal: String },
    FileBadImageWhy = "file-bad-image-why" { path: String, why: Box<Message> },
    PngNoPixels = "png-no-pixels" {},
    PngBitDepth = "png-bit-depth" { depth: String },
    PngPalette = "png-palette" {},
    PngInterlacedLarge = "png-interlaced-large" {},
    PngNoRows = "png-no-rows" {},

    // h-fix3: a snapshot's row points at its own folder only.
    StoreBadSnapshotFolder = "store-bad-snapshot-folder" { folder: String, expected: String },
    // h-pg6, h-pg5: a PostgreSQL register used without the shared data
    // directory (snapshot folders, removal records' folders).
    StorePgNoDataDir = "store-pg-no-data-dir" { address: String },
    // h-voc7: the last English a Swedish user met. Chromium gone (why, in
    // place of Chromium's English), the PNG library's errors (named as a
    // technical detail), the format check's findings (PREMIS's validation
    // notes), the PDF/A subject of a captured page, the app's faults.
    CaptureBrowserStopped = "capture-browser-stopped" { why: Box<Message> },
    ChromiumNotRunning = "chromium-not-running" {},
    ChromiumPipeClosed = "chromium-pipe-closed" {},
    ChromiumNoAnswer = "chromium-no-answer" { method: String, secs: u64 },
    PngRead = "png-read" { detail: String },
    PngWrite = "png-write" { detail: String },
    PngInterlaced = "png-interlaced" {},
    FileThumbnailFailed = "file-thumbnail-failed" { why: Box<Message> },
    FormatPngOk = "format-png-ok" { chunks: String },
    FormatPngBroken = "format-png-broken" { problems: Vec<Message> },
    FormatPngBadChunk = "format-png-bad-chunk" { offset: u64 },
    FormatPngNotIhdrFirst = "format-png-not-ihdr-first" {},
    FormatPngNoIend = "format-png-no-iend" {},
    FormatPngNoIdat = "format-png-no-idat" {},
    FormatPngAfterIend = "format-png-after-iend" {},
    /// `claim`: `format-pdf-claims` or `format-pdf-no-claim`.
    FormatPdfOk = "format-pdf-ok" { version: String, claim: Box<Message> },
    FormatPdfClaims = "format-pdf-claims" { level: String },
    FormatPdfNoClaim = "format-pdf-no-claim" {},
    FormatPdfBroken = "format-pdf-broken" { problems: Vec<Message> },
    FormatPdfNoHeader = "format-pdf-no-header" {},
    FormatPdfNoEof = "format-pdf-no-eof" {},
    FormatZip = "format-zip" { warc_first: bool, eocd: bool, package: bool },
    FormatText = "format-text" {},
    FormatUnknown = "format-unknown" {},
    FormatXmlOk = "format-xml-ok" {},
    FormatXmlLarge = "format-xml-large" {},
    FormatXmlNotUtf8 = "format-xml-not-utf8" { detail: String },
    FormatXmlBroken = "format-xml-broken" { detail: String },
    FormatCheckFailed = "format-check-failed" { path: String, why: Box<Message> },
    PdfPageSubject = "pdf-page-subject" { url: String, at: UtcTime },
    AppFaultOf = "app-fault-of" { fault: Fault },
    StoreFolderGone = "store-folder-gone" { folder: String },
    StoreBadFolder = "store-bad-folder" { folder: String },
    StoreRemovalWrongFolder = "store-removal-wrong-folder" { id: String, folder: String },
    // h-pg9: reindex on PostgreSQL keeps a row whose folder lacks a file.
    ReindexRecordedFileMissing = "reindex-recorded-file-missing" { snapshot: String, folder: String, file: String },
    // h-voc8: the last English we wrote ourselves. Chromium's launch, the
    // capture's faults (the library's or Chromium's words a detail), why a
    // page could not be compared, a package's fixity and inventory, the
    // file operation a system error is about.
    CaptureChromiumMissing = "capture-chromium-missing" { path: String },
    CaptureChromiumSpawn = "capture-chromium-spawn" { path: String, detail: String },
    /// `why`: `chromium-*`; `said`: the end of Chromium's own output.
    CaptureChromiumSilent = "capture-chromium-silent" { why: Box<Message>, profile_in_use: bool, said: String },
    CaptureNoProfile = "capture-no-profile" {},
    CaptureFaultOf = "capture-fault-of" { what: CaptureFault, detail: String },
    ChromiumRefused = "chromium-refused" { method: String, detail: String },
    CompareUnreadable = "compare-unreadable" { path: String, detail: String },
    /// `why`: `png-*`.
    CompareNotPng = "compare-not-png" { path: String, why: Box<Message> },
    /// `why`: `text-file-*`.
    CompareNotText = "compare-not-text" { path: String, why: Box<Message> },
    TextFileTooLarge = "text-file-too-large" { size: u64, max: u64 },
    TextFileFormat = "text-file-format" { format: String },
    TextFileJson = "text-file-json" { detail: String },
    PngRowsShort = "png-rows-short" { read: u32, height: u32 },
    /// `why`: `compare-*`.
    WarnComparisonFailedWhy = "warn-comparison-failed-why" { snapshot: String, why: Box<Message> },
    ChangePageUnreadableWhy = "change-page-unreadable-why" { url: String, why: Box<Message> },
    FixitySize = "fixity-size" { actual: u64, recorded: u64, by: FixityRecord },
    FixitySha256 = "fixity-sha256" { actual: String, recorded: String, by: FixityRecord },
    FixityShort = "fixity-short" { detail: String },
    /// `why`: `fixity-*`.
    PackageFixityWhy = "package-fixity-why" { path: String, why: Box<Message> },
    PackageInventoryOf = "package-inventory-of" { part: InventoryPart, detail: String },
    StoreIoOf = "store-io-of" { action: IoAction, path: String, detail: String },
    StoreSettingUnreadable = "store-setting-unreadable" { key: String, detail: String },
    StoreRolesFileUnreadable = "store-roles-file-unreadable" { path: String, detail: String },
    /// `why`: the store's error writing the entries.
    StoreImportEntriesLater = "store-import-entries-later" { folder: String, count: usize, why: Box<Message> },
    /// `next_start`: the register could not be written at all (a full disk),
    /// so the next start records the folder; else `reindex` does.
    StoreCommitNoRoom = "store-commit-no-room" { cause: Box<Message>, folder: String, next_start: bool },
    /// `mode`: the journal mode SQLite kept (`delete`, `memory`, …).
    StoreWalRefused = "store-wal-refused" { path: String, mode: String },
    StorePgUnreadableValue = "store-pg-unreadable-value" { value: String, detail: String },
    // h-claim
    CaptureClaimLost = "capture-claim-lost" { id: i64 },
    // h-desk: the shared data directory's identity (its marker file), and
    // the desktop's saved connection to a shared register.
    StorePgDataDirOther = "store-pg-data-dir-other" { address: String, path: String, marker: String },
    StorePgDataDirUnmarked = "store-pg-data-dir-unmarked" { address: String, path: String, marker: String },
    StorePgDataDirForeign = "store-pg-data-dir-foreign" { address: String, path: String, marker: String },
    StorePgMarkerUnreadable = "store-pg-marker-unreadable" { path: String, detail: String },
    SharedRegisterPassword = "shared-register-password" {},
    SharedRegisterNotPostgres = "shared-register-not-postgres" { address: String },
    SharedRegisterFileUnreadable = "shared-register-file-unreadable" { path: String, detail: String },
    /// `adopted`: the folder gets the register's marker at the next start.
    SharedRegisterTestOk = "shared-register-test-ok" { address: String, path: String, adopted: bool },
    // h-voc9: the timestamp's and the package's last English become typed
    // reasons with data only. `reason` (ca): `CaError::reason` of
    // ogonblick-timestamp; (token): `VerifyError::reason`, `detail` its
    // `detail()`; `problem`: `ManifestProblem::name`.
    TimestampCaRefused = "timestamp-ca-refused" { path: String, reason: String },
    VerifyTokenRefused = "verify-token-refused" { reason: String, detail: String },
    VerifyTsaRootRefused = "verify-tsa-root-refused" { reason: String },
    ManifestLineBad = "manifest-line-bad" { line: u64, problem: String },
    ManifestNotText = "manifest-not-text" {},
    /// `fields`: `zip-local-field`, each a field (`name`, `method`, `crc`,
    /// `compressed`, `size`) and the local header's value.
    VerifyLocalHeaderDiffers = "verify-local-header-differs" { fields: Vec<Message> },
    ZipLocalField = "zip-local-field" { field: String, value: String },
    PackageHashStopped = "package-hash-stopped" { path: String },
    SnapshotManifestFormat = "snapshot-manifest-format" { path: String, format: String, expected: String },
    // h-fix (issue 11): the timestamp failures with `detail` inside each
    // reason's sentence. `timestamp-failed` and `timestamp-token-invalid`
    // keep their earlier sentences (the detail in parentheses at the end):
    // rows stored before hold an English `detail` that only reads right there.
    TimestampFailedWhy = "timestamp-failed-why" { url: String, reason: String, detail: String },
    TimestampTokenRefused = "timestamp-token-refused" { token: String, reason: String, detail: String },
    // h-migrate (issue 15): `ogonblick migrate --to postgres://…`, a SQLite
    // register moved into an empty PostgreSQL database. `tables`: `name (rows)`
    // of the target's tables that hold rows; `table` of a difference may be
    // `snapshots (<id>)` (the snapshot's recorded files; then the counts are
    // its files').
    StorePgMigrateNoSource = "store-pg-migrate-no-source" { path: String },
    StorePgMigrateSourceOld = "store-pg-migrate-source-old" { path: String },
    StorePgMigrateMarked = "store-pg-migrate-marked" { path: String },
    StorePgMigrateNotEmpty = "store-pg-migrate-not-empty" { address: String, tables: String },
    StorePgMigrateValue = "store-pg-migrate-value" { table: String, column: String },
    StorePgMigrateDiffers = "store-pg-migrate-differs" { table: String, sqlite: u64, postgres: u64 },
    StorePgMigrateFile = "store-pg-migrate-file" { snapshot: String, folder: String, cause: Box<Message> },
    // h-pgroles (issue 15): `role set`/`role remove` on PostgreSQL, when the
    // connection's role (`user`) may not grant `login` its group roles.
    RolePgGrantRefused = "role-pg-grant-refused" { login: String, user: String, detail: String },
    // Lead (issue 15): a PostgreSQL login the grants do not let read the
    // register (no role given), and an older schema met by a role that is
    // not the schema's owner.
    StorePgNoRole = "store-pg-no-role" { user: String },
    StorePgUpgradeOwner = "store-pg-upgrade-owner" { user: String, current: u64, known: u64 },
    StorePgCreateOwner = "store-pg-create-owner" { user: String },
    // h-pgsec (issue 15's review): another register's group role met by
    // migration 0007 (SQLSTATE 42710); a data directory whose register
    // moved to PostgreSQL (`ogonblick-register.json`) opened without it
    // (`database`: the address the marker names, or `?` for a marker
    // written before it named one); `migrate` while another process
    // writes to the SQLite register (`what`: the work found under way).
    StorePgGroupTaken = "store-pg-group-taken" { role: String, database: String },
    StoreMovedToPostgres = "store-moved-to-postgres" { path: String, database: String, marker: String },
    StorePgMigrateBusy = "store-pg-migrate-busy" { path: String, what: String },
    // Kanaler's bulk change of the responsible person refused, all of it,
    // when `channels` (names) changed after the list was read.
    StoreChannelsChangedSince = "store-channels-changed-since" { channels: String },
    // Lead (issue 15): this machine's clock (`local`) differs from the
    // PostgreSQL server's (`server`) by `seconds`, more than `limit`.
    StorePgClockSkew = "store-pg-clock-skew" { local: String, server: String, seconds: u64, limit: u64, address: String },
    // Lead (issue 15): a disposal run's lock was let go of while it ran
    // (PostgreSQL's connection holding it broke); `DisposeLockLost` from the
    // store, `DisposeStopped` from the run (`done` documents disposed of
    // before it stopped, each logged).
    DisposeLockLost = "dispose-lock-lost" {},
    DisposeStopped = "dispose-stopped" { done: u64, run: String },
    // Lead (issue 15): a channel whose capture claim another machine
    // (`host`, the claim holder's host name) holds.
    ChannelBusyOn = "channel-busy-on" { id: i64, host: String },
    // h-pgrev (issue 15's review): a bulk change whose revisions are not
    // one per chosen channel; a channel changed, on PostgreSQL, by a login
    // other than the name its entry claims (`login`: the entry's db_role);
    // `migrate` while another process has the SQLite register open.
    StoreChannelsRevisionsCount = "store-channels-revisions-count" {},
    StoreChannelChangedByLogin = "store-channel-changed-by-login" { id: i64, name: String, by: String, login: String, at: UtcTime },
    StorePgMigrateOpen = "store-pg-migrate-open" { path: String },
    // `reindex` while another process has the SQLite register open (it
    // would go on writing the database the rebuild replaces).
    StoreReindexOpen = "store-reindex-open" { path: String },
    // An open that waited `minutes` for a move or a rebuild of the SQLite
    // register which held it alone, and gave up.
    StoreOpenBusy = "store-open-busy" { path: String, minutes: u64 },
}
