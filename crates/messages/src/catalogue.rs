//! The keys of the catalogue and their typed parameters: one line each.
//! The texts are in `locales/*.ftl`; the tests hold them to this list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::{Arg, Blocks, Day, Field, Names, NetCause, RoleNames, Span};
use crate::Language;

macro_rules! catalogue {
    ($( $(#[$m:meta])* $variant:ident = $key:literal { $($field:ident : $ty:ty),* $(,)? } ),* $(,)?) => {
        /// A sentence the engine shows a user: a key of the catalogue with its
        /// parameters. Serialised `{"key": "page-http-status", "args": {...}}`.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[ts(export)]
        #[serde(tag = "key", content = "args")]
        pub enum Message {
            $( $(#[$m])* #[serde(rename = $key)] $variant { $($field: $ty),* }, )*
        }

        impl Message {
            /// Every key with its parameters, in catalogue order.
            pub const KEYS: &'static [(&'static str, &'static [&'static str])] =
                &[ $( ($key, &[$(stringify!($field)),*]), )* ];

            /// The key, e.g. `page-http-status`.
            pub fn key(&self) -> &'static str {
                match self { $( Message::$variant { .. } => $key, )* }
            }

            /// The text of parameter `name` in `lang`.
            #[allow(unused_variables)]
            pub(crate) fn arg(&self, name: &str, lang: Language) -> Option<String> {
                match self {
                    $( Message::$variant { $($field),* } => {
                        $( if name == stringify!($field) { return Some(Arg::text($field, lang)); } )*
                        None
                    } )*
                }
            }

            /// One message of every key, with sample parameters.
            pub fn samples() -> Vec<Message> {
                vec![ $( Message::$variant { $($field: <$ty as Arg>::sample()),* }, )* ]
            }
        }
    };
}

catalogue! {
    /// Text that is not (yet) a key of the catalogue, shown as it is: old
    /// records' sentences and details from outside (an operating-system error).
    Text = "text" { text: String },

    // A page that could not be captured (`PageRecord.message`).
    PageNetError = "page-net-error" { url: String, cause: NetCause, code: String },
    PageHttpStatus = "page-http-status" { url: String, status: u16, reason: String, server_fault: bool },
    PageNavigated = "page-navigated" { url: String, to: String },
    PageDownload = "page-download" { url: String, name: String },
    PageDownloadUnnamed = "page-download-unnamed" { url: String },
    PageWall = "page-wall" { walls: String },
    PageNoAnswer = "page-no-answer" { url: String, secs: u64 },
    PageAddressRefused = "page-address-refused" { url: String, detail: String },
    PageCrashed = "page-crashed" { url: String },
    PageLoadTimeout = "page-load-timeout" { url: String, secs: u64 },
    // Why a capture could not go on (`CaptureError`).
    CaptureLaunch = "capture-launch" { detail: String },
    CaptureBrowserGone = "capture-browser-gone" { detail: String },
    CaptureCancelled = "capture-cancelled" {},
    CaptureIo = "capture-io" { path: String, detail: String },
    CaptureInternal = "capture-internal" { detail: String },

    // The schedule's explanation of a channel (`Assessment.explanation`).
    DueNotYetCreated = "due-not-yet-created" {},
    DueClosed = "due-closed" {},
    DueFinalTaken = "due-final-taken" { taken: Day },
    DueClosureDue = "due-closure-due" {},
    DueManual = "due-manual" {},
    DueOverdue = "due-overdue" { window: String, span: Span, missed: u32, major_change_ignored: bool, in_blackout: bool },
    DueNow = "due-now" { window: String, by: Day },
    DueCovered = "due-covered" { window: String, next: Box<Message> },
    DueNothing = "due-nothing" { next: Box<Message> },
    ScheduleNextWindow = "schedule-next-window" { window: String, opens: Day },
    ScheduleNoNextWindow = "schedule-no-next-window" {},

    // The background scheduler's notifications (`SchedulerNotice`).
    NoticeDueTitle = "notice-due-title" {},
    NoticeDueBody = "notice-due-body" { count: usize, names: Names },
    NoticeOverdueTitle = "notice-overdue-title" {},
    NoticeOverdueBody = "notice-overdue-body" { count: usize, names: Names },
    NoticeClosureTitle = "notice-closure-title" {},
    NoticeClosureBody = "notice-closure-body" { count: usize, names: Names },
    NoticeOneChannel = "notice-one-channel" { name: String, explanation: Box<Message> },
    NoticeOpenHint = "notice-open-hint" {},
    NoticeDoneTitle = "notice-done-title" {},
    NoticeDoneBody = "notice-done-body" { count: usize, names: Names },
    NoticeFailedTitle = "notice-failed-title" {},
    NoticeFailedBody = "notice-failed-body" { count: usize, names: Names, why: Box<Message> },
    NoticeSnapshotStatus = "notice-snapshot-status" { status: String },
    NoticeRunFailedTitle = "notice-run-failed-title" {},
    NoticeRunFailedBody = "notice-run-failed-body" { error: Box<Message> },
    /// A channel whose name could not be read.
    NoticeChannelNumber = "notice-channel-number" { id: i64 },

    // Refusals and errors of the use cases (`AppError::Said`).
    RefusedChannelClosed = "refused-channel-closed" { id: i64, name: String },
    CaptureRunCancelled = "capture-run-cancelled" {},
    RefusedNotClosing = "refused-not-closing" { id: i64, status: String },
    RefusedNoFinalSnapshot = "refused-no-final-snapshot" { id: i64 },
    RefusedPackageLacksFinal = "refused-package-lacks-final" { id: i64, package: String, snapshot: String },

    // A one-address capture refused before anything was done.
    AddressBad = "address-bad" { why: Box<Message> },
    AddressRegularReason = "address-regular-reason" { reason: String },
    AddressBusy = "address-busy" { id: i64 },

    // Removal records and diary numbers refused (`removal_text::Problem`).
    RemovalUnknownGround = "removal-unknown-ground" { given: String, known: String },
    RemovalGroundNeedsText = "removal-ground-needs-text" { code: String },
    RemovalCaptureFailed = "removal-capture-failed" { url: String, snapshot: String, why: String },
    RemovalBothEvidence = "removal-both-evidence" {},
    RemovalFileMissing = "removal-file-missing" { path: String },
    RemovalFileNotScreenshot = "removal-file-not-screenshot" { path: String },
    RemovalFileTooLarge = "removal-file-too-large" { path: String, limit_mib: u64 },
    RemovalInFuture = "removal-in-future" { field: String, value: String },
    RemovalBeforeChannel = "removal-before-channel" { field: String, value: String, channel: i64, created: String },
    RemovalBadDate = "removal-bad-date" { value: String },
    RemovalBadAddress = "removal-bad-address" { reason: Box<Message> },
    RemovalBadText = "removal-bad-text" { reason: Box<Message> },
    RemovalEmptyName = "removal-empty-name" { field: String },
    RemovalNoChange = "removal-no-change" {},
    DiaryNoTargets = "diary-no-targets" {},
    DiaryUnknownTarget = "diary-unknown-target" { id: String },
    DiaryBadYear = "diary-bad-year" { value: String },

    // The desktop's file dialogs.
    DialogSavePackage = "dialog-save-package" {},
    DialogOpenPackage = "dialog-open-package" {},
    DialogSaveCsv = "dialog-save-csv" {},
    DialogOpenCsv = "dialog-open-csv" {},
    DialogFilterPackage = "dialog-filter-package" {},
    DialogFilterCsv = "dialog-filter-csv" {},
    DialogOpenScreenshot = "dialog-open-screenshot" {},
    DialogFilterScreenshot = "dialog-filter-screenshot" {},
    DialogSaveDocument = "dialog-save-document" {},
    DialogFilterDocument = "dialog-filter-document" {},
    DialogOpenCertificate = "dialog-open-certificate" {},
    DialogFilterCertificate = "dialog-filter-certificate" {},

    // lead: the desktop's removal records.
    RemovalNoSuppliedFile = "removal-no-supplied-file" { id: String },

    // h-dispose: retention rules, holds and disposal (gallring).
    RetentionBadKind = "retention-bad-kind" { given: String },
    RetentionBadPeriod = "retention-bad-period" { given: String },
    RetentionKeepOrDispose = "retention-keep-or-dispose" {},
    RetentionNeedsDecision = "retention-needs-decision" {},
    RetentionNoSuchRule = "retention-no-such-rule" { kind: String, board: String },
    HoldUnknownItem = "hold-unknown-item" { id: String },
    HoldEmptyReason = "hold-empty-reason" {},
    HoldNotHeld = "hold-not-held" { id: String },
    DiaryKeepEmpty = "diary-keep-empty" {},
    DiaryNotKept = "diary-not-kept" { number: String },
    DisposeNeedsConfirm = "dispose-needs-confirm" {},
    DisposeNeedsBy = "dispose-needs-by" {},
    DisposeBusy = "dispose-busy" {},
    DisposeKeptHold = "dispose-kept-hold" { reason: String, by: String },
    DisposeKeptDiary = "dispose-kept-diary" { number: String },
    DisposeKeptNotDelivered = "dispose-kept-not-delivered" {},
    DisposeKeptNoDecision = "dispose-kept-no-decision" { kind: String },
    DisposeKeptEvidence = "dispose-kept-evidence" { removal_id: String },

    // h-report: the period report of removals, capturing a record again, editing the grounds.
    RemovalReportTitle = "removal-report-title" {},
    RemovalReportPeriod = "removal-report-period" { from: String, to: String },
    RemovalReportFilterAll = "removal-report-filter-all" {},
    RemovalReportFilterChannel = "removal-report-filter-channel" { id: i64, name: String },
    RemovalReportFilterBoard = "removal-report-filter-board" { board: String },
    RemovalReportMade = "removal-report-made" { at: String, by: String },
    RemovalReportTotal = "removal-report-total" { count: usize },
    RemovalReportNone = "removal-report-none" {},
    RemovalReportByGround = "removal-report-by-ground" {},
    RemovalReportByAction = "removal-report-by-action" {},
    RemovalReportRecords = "removal-report-records" {},
    RemovalReportColRecord = "removal-report-col-record" {},
    RemovalReportColChannel = "removal-report-col-channel" {},
    RemovalReportColBoard = "removal-report-col-board" {},
    RemovalReportColAddress = "removal-report-col-address" {},
    RemovalReportColKind = "removal-report-col-kind" {},
    RemovalReportColAction = "removal-report-col-action" {},
    RemovalReportColGround = "removal-report-col-ground" {},
    RemovalReportColRemovedAt = "removal-report-col-removed-at" {},
    RemovalReportColRemovedBy = "removal-report-col-removed-by" {},
    RemovalReportColAuthor = "removal-report-col-author" {},
    RemovalReportColText = "removal-report-col-text" {},
    RemovalReportColPolice = "removal-report-col-police" {},
    RemovalReportColContacted = "removal-report-col-contacted" {},
    RemovalReportColForwarded = "removal-report-col-forwarded" {},
    RemovalReportColDiary = "removal-report-col-diary" {},
    RemovalReportColCertified = "removal-report-col-certified" {},
    RemovalReportColEvidence = "removal-report-col-evidence" {},
    RemovalReportColSha256 = "removal-report-col-sha256" {},
    RemovalReportColCount = "removal-report-col-count" {},
    RemovalReportYes = "removal-report-yes" {},
    RemovalReportNo = "removal-report-no" {},
    RemovalReportEvidenceSnapshot = "removal-report-evidence-snapshot" { id: String },
    RemovalReportEvidenceFile = "removal-report-evidence-file" { name: String },
    RemovalReportFromAfterTo = "removal-report-from-after-to" { from: String, to: String },
    RemovalReportUnknownChannel = "removal-report-unknown-channel" { id: i64 },
    RemovalReportUnknownBoard = "removal-report-unknown-board" { board: String, known: String },
    RemovalReportBadFormat = "removal-report-bad-format" { path: String },
    RemovalReportNoFolder = "removal-report-no-folder" { path: String },
    RemovalReportCannotWrite = "removal-report-cannot-write" { path: String, detail: String },
    RemovalRecaptureFailed = "removal-recapture-failed" { id: String, url: String, snapshot: String, why: String },
    RemovalGroundRetired = "removal-ground-retired" { code: String },
    GroundsDuplicate = "grounds-duplicate" { code: String },
    GroundsUnknown = "grounds-unknown" { code: String, known: String },
    GroundsBadCode = "grounds-bad-code" { code: String },
    GroundsEmptyLabel = "grounds-empty-label" {},
    GroundsRetireOther = "grounds-retire-other" { code: String },
    GroundsAlreadyRetired = "grounds-already-retired" { code: String },
    GroundsNoChange = "grounds-no-change" { code: String },

    // h-pkg: personal-data / secrecy marks and the export of removal records.
    MarkNothing = "mark-nothing" {},
    MarkOslMissing = "mark-osl-missing" {},
    MarkUnknownItem = "mark-unknown-item" { id: String },
    MarkNoneToClear = "mark-none-to-clear" { id: String },
    MarkLabelPersonalData = "mark-label-personal-data" {},
    MarkLabelSecret = "mark-label-secret" { osl: String },
    ExportMarkedModes = "export-marked-modes" {},
    ExportSeparateNeedsFolder = "export-separate-needs-folder" {},
    ExportNoRemovals = "export-no-removals" {},
    ExportAllMarked = "export-all-marked" {},

    // h-tsa: trusted timestamps (RFC 3161). `reason` is one of unreachable,
    // http, imprint, untrusted, expired, usage, signature, nonce, malformed,
    // unsupported, no-roots, url.
    TimestampStamped = "timestamp-stamped" { signer: String, time: String },
    TimestampPending = "timestamp-pending" {},
    TimestampNotConfigured = "timestamp-not-configured" {},
    TimestampFailed = "timestamp-failed" { url: String, reason: String, detail: String },
    TimestampBadUrl = "timestamp-bad-url" { url: String },
    TimestampNoCa = "timestamp-no-ca" {},
    TimestampBadCa = "timestamp-bad-ca" { path: String, detail: String },
    TimestampTokenInvalid = "timestamp-token-invalid" { token: String, reason: String, detail: String },
    TimestampManifestMissing = "timestamp-manifest-missing" { snapshot: String },
    TimestampManifestMismatch = "timestamp-manifest-mismatch" { path: String },
    TimestampVerified = "timestamp-verified" { token: String, signer: String, time: String },

    // h-warc: the web archive (WARC/WACZ) of a snapshot.
    WebArchiveNotWritten = "web-archive-not-written" { path: String, error: String },
    WebArchiveTitle = "web-archive-title" {},
    WebArchiveSettingOn = "web-archive-setting-on" {},
    WebArchiveSettingOff = "web-archive-setting-off" {},

    // h-msg: warnings of a page's capture (`CompletenessReport.warnings`).
    WarnCoverage = "warn-coverage" { seen: u32, in_png: u32, in_pdf_text: u32 },
    WarnExpandClicks = "warn-expand-clicks" { max_clicks: u32, clicks: u32, left: u32 },
    WarnExpandTime = "warn-expand-time" { secs: String, clicks: u32, left: u32 },
    WarnExpandWindows = "warn-expand-windows" { count: u32 },
    WarnTooWide = "warn-too-wide" { width: u64, kept: u32 },
    WarnTextUnread = "warn-text-unread" { from: u32, to: u32, detail: String },
    WarnJsDialog = "warn-js-dialog" { text: String },
    WarnDocumentKept = "warn-document-kept" { media_type: String, name: String, size: u64, sha256: String },
    WarnSlowLoad = "warn-slow-load" { secs: u64 },
    WarnDownload = "warn-download" { name: String, url: String },
    WarnPopup = "warn-popup" { url: String },
    WarnConsentNavigated = "warn-consent-navigated" { url: String },
    WarnRedirected = "warn-redirected" { status: u64, from: String, to: String },

    // h-msg: what `verify` found wrong with a package (`Problem.what`).
    VerifySidecarMissing = "verify-sidecar-missing" {},
    VerifyPackageShaMismatch = "verify-package-sha-mismatch" { sidecar: String },
    VerifySidecarOtherFile = "verify-sidecar-other-file" {},
    VerifyXmlTooLarge = "verify-xml-too-large" { file_mib: u64, total_mib: u64 },
    VerifyEntryLonger = "verify-entry-longer" {},
    VerifyEntryUnreadable = "verify-entry-unreadable" { detail: String },
    VerifyEntryShorter = "verify-entry-shorter" {},
    VerifyEntryTwice = "verify-entry-twice" {},
    VerifyZipEntryUnopenable = "verify-zip-entry-unopenable" { detail: String },
    VerifyEntrySymlink = "verify-entry-symlink" {},
    VerifyEntryBomb = "verify-entry-bomb" {},
    VerifyTarDamaged = "verify-tar-damaged" { detail: String },
    VerifyTarBadName = "verify-tar-bad-name" { detail: String },
    /// `kind`: `symlink`, `hard-link`, `char-device`, `block-device`, `fifo` or `other`.
    VerifyEntrySpecial = "verify-entry-special" { kind: String },
    VerifyNameEscapes = "verify-name-escapes" {},
    VerifyNameCharacters = "verify-name-characters" {},
    VerifyRootFolders = "verify-root-folders" {},
    VerifyZipDuplicate = "verify-zip-duplicate" { count: usize },
    VerifyCentralUnreadable = "verify-central-unreadable" { detail: String },
    VerifyLocalHeaderUnreadable = "verify-local-header-unreadable" { detail: String },
    VerifyLocalHeaderMissing = "verify-local-header-missing" {},
    VerifyLocalHeaderDisagrees = "verify-local-header-disagrees" { fields: String },
    VerifyRootMetsMissing = "verify-root-mets-missing" {},
    VerifyObjid = "verify-objid" {},
    VerifyProfile = "verify-profile" {},
    VerifyNoFileGrp = "verify-no-file-grp" { group: String },
    VerifyNoRepresentation = "verify-no-representation" {},
    VerifyRepMetsMissing = "verify-rep-mets-missing" {},
    VerifyNoHref = "verify-no-href" { element: String, id: String },
    VerifyRefLeaves = "verify-ref-leaves" { href: String },
    VerifyListedMissing = "verify-listed-missing" { listed_in: String },
    VerifyChecksumType = "verify-checksum-type" { href: String },
    VerifyShaMismatch = "verify-sha-mismatch" { source: String },
    VerifySizeMismatch = "verify-size-mismatch" { source: String },
    VerifyFormatMismatch = "verify-format-mismatch" { source: String },
    VerifyNoCreated = "verify-no-created" { href: String },
    VerifyPremisNoLocation = "verify-premis-no-location" {},
    VerifyPremisOutside = "verify-premis-outside" { location: String },
    VerifyDescribedMissing = "verify-described-missing" { described_in: String },
    VerifyPremisShaMismatch = "verify-premis-sha-mismatch" { premis: String },
    VerifyPremisNoFixity = "verify-premis-no-fixity" { file: String },
    VerifyPremisEmpty = "verify-premis-empty" {},
    VerifyRecordOutside = "verify-record-outside" { href: String },
    VerifyRecordShaMismatch = "verify-record-sha-mismatch" { record: String },
    VerifyRecordSizeMismatch = "verify-record-size-mismatch" { record: String },
    VerifySchemasNotRun = "verify-schemas-not-run" {},
    VerifySchemasCouldNotRun = "verify-schemas-could-not-run" { detail: String },
    /// `schema`: a schema file, or `wrapper` for METS with the DILCIS extensions.
    VerifySchemaInvalid = "verify-schema-invalid" { schema: String, detail: String },
    VerifyUnlisted = "verify-unlisted" {},
    VerifyNotUtf8 = "verify-not-utf8" { detail: String },
    VerifyNotXml = "verify-not-xml" { detail: String },
    /// What was expected and found, after a problem (`Problem::render`).
    VerifyExpectedFound = "verify-expected-found" { expected: String, found: String },
    VerifyExpected = "verify-expected" { expected: String },
    VerifyFound = "verify-found" { found: String },

    // h-msg: errors of the store, the packages and the use cases (`AppError`).
    StoreBusy = "store-busy" {},
    StoreImportRows = "store-import-rows" { count: usize, rows: Blocks },
    /// `action`: what could not be done, in English (`read`, `write`, `create`,
    /// `open`, `remove`, `sync`, … ; Swedish selects on the first four and those).
    StoreIo = "store-io" { action: String, path: String, detail: String },
    StoreDiskFull = "store-disk-full" { what: String },
    StoreSqlite = "store-sqlite" { detail: String },
    StoreJson = "store-json" { detail: String },
    PackageRead = "package-read" { path: String, detail: String },
    PackageWrite = "package-write" { path: String, detail: String },
    PackageFixity = "package-fixity" { path: String, what: String },
    PackageCancelled = "package-cancelled" {},
    PackageInventory = "package-inventory" { detail: String },
    PackageUnreadable = "package-unreadable" { format: String, detail: String },
    PackageInternal = "package-internal" { detail: String },
    CaptureCannotWrite = "capture-cannot-write" { path: String, detail: String },
    PackageNotZipOrTar = "package-not-zip-or-tar" { path: String },

    // h-msg: progress details of long jobs (`ProgressEvent`).
    ProgressScrolled = "progress-scrolled" { y: u64, height: u64 },
    ProgressSlice = "progress-slice" { n: u32, of: u32 },
    ProgressCancelled = "progress-cancelled" {},
    ProgressExported = "progress-exported" { path: String, files: usize },
    ProgressProblems = "progress-problems" { count: usize },

    // lead: verify's timestamp step (after merging h-tsa and h-msg).
    VerifyTsaRootUnreadable = "verify-tsa-root-unreadable" { detail: String },
    VerifyManifestTooLarge = "verify-manifest-too-large" {},
    VerifyManifestUnreadable = "verify-manifest-unreadable" { detail: String },
    VerifyManifestFileMissing = "verify-manifest-file-missing" { manifest: String },
    VerifyManifestShaMismatch = "verify-manifest-sha-mismatch" { manifest: String },
    VerifyTokenTooLarge = "verify-token-too-large" {},
    VerifyTokenNoRoots = "verify-token-no-roots" { folder: String },
    VerifyTokenInvalid = "verify-token-invalid" { detail: String },

    // lead: the disposal log as a document.
    DisposalLogTitle = "disposal-log-title" {},
    DisposalLogMade = "disposal-log-made" { organisation: String, at: String, by: String },
    DisposalLogCounts = "disposal-log-counts" { documents: u64, files: u64 },
    DisposalLogRows = "disposal-log-rows" {},
    DisposalLogEmpty = "disposal-log-empty" {},
    DisposalLogColumn = "disposal-log-column" { name: String },

    // lead: the desktop's surroundings.
    DesktopNoViewer = "desktop-no-viewer" { path: String, detail: String },
    DesktopNoFileManager = "desktop-no-file-manager" { path: String, detail: String },
    DialogChooseFolder = "dialog-choose-folder" {},

    // lead: the store's sentences (issue 11).
    // lead: the validators' sentences (issue 11): addresses, text fields,
    // the register's checks and the CSV import's rows.
    UrlEmpty = "url-empty" {},
    UrlSpace = "url-space" { url: String },
    UrlInvisible = "url-invisible" { url: String, code: String },
    UrlBackslash = "url-backslash" { url: String },
    UrlNoScheme = "url-no-scheme" { url: String },
    UrlInvalid = "url-invalid" { url: String, detail: String },
    UrlScheme = "url-scheme" { url: String, scheme: String },
    UrlNoHost = "url-no-host" { url: String },
    UrlSignIn = "url-sign-in" { url: String, clean: String },
    TextDirection = "text-direction" { field: Field, value: String, code: String },
    TextControl = "text-control" { field: Field, value: String, code: String, multiline: bool },
    ChannelNameEmpty = "channel-name-empty" {},
    ChannelPlatformMissing = "channel-platform-missing" { allowed: String },
    ChannelNoAddress = "channel-no-address" {},
    ChannelAddressTwice = "channel-address-twice" { url: String },
    UnknownWord = "unknown-word" { what: String, given: String, allowed: String },
    CsvRow = "csv-row" { row: u64, problems: Vec<Message> },
    CsvRowFields = "csv-row-fields" { fields: u64, header: u64 },
    CsvStatusClosed = "csv-status-closed" { status: String },
    CsvAddressInRow = "csv-address-in-row" { url: String, row: u64 },
    CsvAddressRegistered = "csv-address-registered" { url: String, id: i64, name: String },
    PageAddressBad = "page-address-bad" { url: String, why: Box<Message> },
    FileThumbnailWidth = "file-thumbnail-width" { width: u32, max: u32 },
    FileNoPage = "file-no-page" { snapshot: String, pages: usize, index: usize, last: usize },
    FileNoPng = "file-no-png" { page: usize, url: String, snapshot: String },
    FileNoPngFailed = "file-no-png-failed" { page: usize, url: String, snapshot: String, why: Box<Message> },
    FileBadPath = "file-bad-path" { path: String, snapshot: String },
    FileNotRecorded = "file-not-recorded" { path: String, snapshot: String },
    FileUnreadable = "file-unreadable" { folder: bool, path: String, snapshot: String, detail: String },
    FileOutside = "file-outside" { path: String, snapshot: String },
    FileBadImage = "file-bad-image" { path: String, detail: String },
    FileThumbnailEncode = "file-thumbnail-encode" { detail: String },
    ReindexSettingsUnreadable = "reindex-settings-unreadable" { path: String, detail: String },
    ReindexNotChannelFolder = "reindex-not-channel-folder" { path: String },
    ReindexSnapshotElsewhere = "reindex-snapshot-elsewhere" { path: String, snapshot: String, channel: i64 },
    ReindexSnapshotFileMissing = "reindex-snapshot-file-missing" { folder: String, file: String },
    ReindexManifestUnreadable = "reindex-manifest-unreadable" { path: String, detail: String },
    ReindexChannelOther = "reindex-channel-other" { path: String, found: i64, id: i64 },
    ReindexChannelUnreadable = "reindex-channel-unreadable" { path: String, detail: String },
    ReindexChannelFromSnapshot = "reindex-channel-from-snapshot" { id: i64 },
    ReindexChannelSkipped = "reindex-channel-skipped" { id: i64 },
    ReindexAddressElsewhere = "reindex-address-elsewhere" { url: String, id: i64 },
    ReindexGroundsUnreadable = "reindex-grounds-unreadable" { path: String, detail: String },
    ReindexAuditLine = "reindex-audit-line" { path: String, line: u64, detail: String },
    ReindexSetUnreadable = "reindex-set-unreadable" { path: String, detail: String },
    ReindexRemovalUnreadable = "reindex-removal-unreadable" { path: String, detail: String },
    ReindexRemovalElsewhere = "reindex-removal-elsewhere" { path: String, id: String, channel: i64 },
    ReindexRemovalFileMissing = "reindex-removal-file-missing" { folder: String, file: String },

    StoreInvalid = "store-invalid" { problems: Vec<Message> },
    CsvNotUtf8 = "csv-not-utf8" { path: String },
    CsvEmpty = "csv-empty" { path: String },
    CsvOpenQuote = "csv-open-quote" { path: String, line: u64 },
    CsvColumnTwice = "csv-column-twice" { column: String },
    CsvColumnUnknown = "csv-column-unknown" { column: String, known: String },
    CsvColumnMissing = "csv-column-missing" { column: String },
    CsvNoRows = "csv-no-rows" { path: String },
    CsvCannotWrite = "csv-cannot-write" { detail: String },
    CsvUnreadable = "csv-unreadable" { path: String, row: u64, detail: String },
    StoreSchemaNewer = "store-schema-newer" { current: u64, known: u64 },
    StoreNoParent = "store-no-parent" { path: String },
    StoreSymlink = "store-symlink" { path: String },
    StoreNoChannel = "store-no-channel" { id: i64 },
    StoreSnapshotExists = "store-snapshot-exists" { id: String },
    StoreSnapshotBusy = "store-snapshot-busy" { id: String },
    StoreStagingMismatch = "store-staging-mismatch" { id: String, channel: i64, staging_id: String, staging_channel: i64 },
    StoreFileTwice = "store-file-twice" { path: String },
    StoreFileNotStaged = "store-file-not-staged" { path: String, dir: String },
    StoreFileMismatch = "store-file-mismatch" { path: String, size: u64, sha256: String, recorded_size: u64, recorded_sha256: String },
    StoreSnapshotFolderExists = "store-snapshot-folder-exists" { path: String },
    StoreCommitBusy = "store-commit-busy" { minutes: u64, folder: String },
    StoreCommitConflict = "store-commit-conflict" { cause: Box<Message>, folder: String },
    StoreCommitUnrecorded = "store-commit-unrecorded" { folder: String, cause: Box<Message> },
    StoreNoSnapshot = "store-no-snapshot" { id: String },
    StoreBadSnapshotId = "store-bad-snapshot-id" { id: String },
    StoreBadFilePath = "store-bad-file-path" { path: String },
    StoreSnapshotInconsistent = "store-snapshot-inconsistent" { id: String, problem: String },
    StoreChannelClosed = "store-channel-closed" { id: i64 },
    CsvBadHeader = "csv-bad-header" { path: String, problems: Vec<Message> },
    StoreChannelStatusOrder = "store-channel-status-order" { id: i64, status: String, dated: bool, since: String, wanted: String },
    StoreUrlTaken = "store-url-taken" { url: String, id: i64, name: String },
    StoreUrlsTaken = "store-urls-taken" { problems: Vec<Message> },
    StoreRemovalBusy = "store-removal-busy" { id: String },
    StoreBadGround = "store-bad-ground" { n: u64, code: String },
    StoreGroundTwice = "store-ground-twice" { code: String },
    StoreRemovalExists = "store-removal-exists" { id: String },
    StoreRemovalUnrecorded = "store-removal-unrecorded" { folder: String, cause: Box<Message> },
    StoreRemovalFixed = "store-removal-fixed" { id: String },
    StoreNoRemoval = "store-no-removal" { id: String },
    StoreBadRemovalId = "store-bad-removal-id" { id: String },
    StoreRemovalNeedsFile = "store-removal-needs-file" {},
    StoreNoChannelSnapshot = "store-no-channel-snapshot" { id: String, channel: i64 },
    StoreSnapshotOtherChannel = "store-snapshot-other-channel" { id: String, of: i64, channel: i64 },
    StoreNotImage = "store-not-image" { path: String },
    StoreFileTooLarge = "store-file-too-large" { path: String, mib: u64 },
    StoreDisposalOtherChannel = "store-disposal-other-channel" { kind: String, id: String, channel: i64 },
    StoreDisposalWrongFolder = "store-disposal-wrong-folder" { kind: String, id: String, folder: String },
    StoreBadDisposalId = "store-bad-disposal-id" { id: String },
    StoreUnreadable = "store-unreadable" { path: String, detail: String },
    StoreStagingExtra = "store-staging-extra" { files: String },
    StoreManifest = "store-manifest" { detail: String },
    StoreNoAuthority = "store-no-authority" { id: String, n: u64 },
    StoreNotPending = "store-not-pending" { id: String },
    StoreImportBusy = "store-import-busy" { channels: String },

    // h-evid: the time-stamping authorities' timeout, the signer's certificate.
    TimestampBadTimeout = "timestamp-bad-timeout" { seconds: u64, min: u64, max: u64 },

    // h-deb: the first run (setup of a new data folder) and exporting without an organisation.
    ExportNoOrganisation = "export-no-organisation" {},
    SetupNameMissing = "setup-name-missing" {},
    SetupBrowserFound = "setup-browser-found" { path: String },
    SetupBrowserMissing = "setup-browser-missing" {},
    SetupFontFound = "setup-font-found" { path: String },
    SetupFontMissing = "setup-font-missing" {},

    // h-ui19: Översikt as a document for a board's report.
    OverviewDocTitle = "overview-doc-title" {},
    OverviewDocBoard = "overview-doc-board" { board: String },
    OverviewDocAllBoards = "overview-doc-all-boards" {},
    OverviewDocMade = "overview-doc-made" { organisation: String, at: String, by: String },
    OverviewDocCounts = "overview-doc-counts" {},
    OverviewDocRows = "overview-doc-rows" {},
    OverviewDocEmpty = "overview-doc-empty" {},
    OverviewDocNone = "overview-doc-none" {},
    OverviewDocTotal = "overview-doc-total" {},
    OverviewDocColumn = "overview-doc-column" { name: String },
    OverviewDocState = "overview-doc-state" { state: String },
    OverviewUnknownBoard = "overview-unknown-board" { board: String, known: String },

    // h-diff: comparisons of snapshots and suggested major changes.
    WarnComparisonFailed = "warn-comparison-failed" { snapshot: String, detail: String },
    ChangeSameSnapshot = "change-same-snapshot" {},
    ChangePageUnreadable = "change-page-unreadable" { url: String, detail: String },
    ChangeNothingInCommon = "change-nothing-in-common" { older: String, newer: String },
    ChangeNoSuggestion = "change-no-suggestion" { snapshot: String },
    ChangeNoteMissing = "change-note-missing" {},
    ChangeReportTitle = "change-report-title" { older: String, newer: String },
    ChangeReportMade = "change-report-made" { at: String, by: String },
    ChangeReportVerdict = "change-report-verdict" { major: String },
    ChangeReportRows = "change-report-rows" {},
    ChangeReportColumn = "change-report-column" { name: String },
    ChangeSimilarity = "change-similarity" { text: String, header: String },
    ChangeSignalName = "change-signal-name" { name: String },

    // h-win: setting the comparison thresholds.
    ComparisonBadSetting = "comparison-bad-setting" { setting: String, value: String, min: String, max: String },
    // h-roles: roles and the role check.
    RoleName = "role-name" { role: String },
    RoleActionName = "role-action" { action: String },
    RoleRefused = "role-refused" { login: String, has: RoleNames, action: Box<Message>, needed: RoleNames },
    RoleRefusedUnit = "role-refused-unit" { login: String, action: Box<Message>, channel: String, unit: Box<Message>, units: Names },
    RoleChannelUnit = "role-channel-unit" { unit: String },
    RoleChannelNoUnit = "role-channel-no-unit" {},
    RoleNone = "role-none" { login: String, action: Box<Message>, needed: RoleNames },
    RoleNoLogin = "role-no-login" { action: Box<Message> },
    RoleLastAdministrator = "role-last-administrator" { login: String },
    RoleNotSet = "role-not-set" { login: String },
    RoleNothingGiven = "role-nothing-given" { login: String },
    RoleUnitsWithoutHandlaggare = "role-units-without-handlaggare" { login: String },
    RoleHandlaggareWithoutUnit = "role-handlaggare-without-unit" { login: String },
    RoleBadLogin = "role-bad-login" { login: String },
    // lead: the export preview (issue 19)
    ExportNoOut = "export-no-out" {},

    // h-close: undoing a closure, and the account deleted on the platform.
    CloseUndoNotClosing = "close-undo-not-closing" { id: i64, status: String },
    CloseUndoTooLate = "close-undo-too-late" { id: i64, snapshot: String },
    CloseDeletedNotClosed = "close-deleted-not-closed" { id: i64, status: String },
    CloseDeletedBadDate = "close-deleted-bad-date" { value: String },
    CloseDeletedFuture = "close-deleted-future" { date: String, today: String },
    CloseDeletedBeforeStart = "close-deleted-before-start" { date: String, started: String },
    // h-diff: the comparison report's pictures.
    ChangeReportFigures = "change-report-figures" {},
    ChangeReportFigure = "change-report-figure" { which: String, url: String },

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
    ScheduleBadDay = "schedule-bad-day" { given: String, detail: String },
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
    DesktopNoPath = "desktop-no-path" { what: String },
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
}
