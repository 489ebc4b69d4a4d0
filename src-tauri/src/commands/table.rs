// The command contract of the desktop shell: every command the window may
// call, with the arguments it sends (their names as in Rust; the window
// sends them in camelCase) and what it gets back. Each failure is an
// `ErrorPayload` `{code, message}`.
//
// This file is the one source of that contract. It is read by
// - build.rs, which makes an `allow-<command>` permission of each name
//   (capabilities/main.json grants them to the main window);
// - commands/mod.rs, which makes the Tauri handler of each command, calling
//   `<group>::<name>` with the same arguments (so the compiler checks that the
//   function and this table agree), and the invoke handler of all of them;
// - a test (`export_bindings_commands`), which writes the TypeScript wrappers
//   ui/src/bindings/commands.ts; scripts/check-bindings.sh fails when they
//   drift.
//
// Each line: `<kind> <group>::<name>(<arg>: <type>, …) -> <result>;` where
// kind says where the command runs:
// - `quick`: no I/O (an atomic, a lock); runs on the thread that received
//   the call. `<group>::<name>(&Desktop, args…)`.
// - `blocking`: SQLite, files, PNG decoding, launching Chromium; runs on
//   Tauri's blocking thread pool (`spawn_blocking`), never on the async
//   runtime's worker threads. `<group>::<name>(&Desktop, args…)`.
// - `async`: awaits a dialog or a long job (which runs on the blocking pool
//   itself). `<group>::<name>(Cx, args…).await`.
// `=> "ts"` gives the TypeScript type where ts-rs would say otherwise (ids
// are `i64` in Rust and `number` in the UI, as in the generated types).
commands! {
    // The installation
    /// Facts about this installation, shown in the window's footer.
    quick settings::app_info() -> AppInfo;

    // The register of channels
    /// The channels of the register, with their latest snapshot; all when `filter` is null.
    blocking register::list_channels(filter: Option<ChannelFilter>) -> Vec<ChannelSummary>;
    /// A page of the register as Kanaler shows it: the query's filters, order and rows, the counts and the filters' choices.
    blocking register::channel_page(query: ChannelQuery) -> ChannelPage;
    blocking register::get_channel(id: ChannelId => "number") -> Channel;
    blocking register::add_channel(channel: NewChannel) -> Channel;
    /// A channel with its revision, for an edit form (send the revision back with `edit_channel`).
    blocking register::channel_for_edit(id: ChannelId => "number") -> EditableChannel;
    /// Changes a channel; with `revision` (from `channel_for_edit`) refused (`conflict`, who changed it and when) when it changed since.
    blocking register::edit_channel(id: ChannelId => "number", patch: ChannelPatch, revision: Option<i64> => "number | null") -> EditableChannel;
    /// Reads channels from a CSV file into the register.
    blocking register::import_register(path: String) -> RegisterImport;
    /// Writes the register to a CSV file.
    blocking register::export_register(path: String, delimiter: CsvDelimiter) -> RegisterExport;
    /// Opens a visible Chromium on the organisation's profile at the channel's first address, so staff can sign in once.
    blocking register::open_login_browser(channel_id: ChannelId => "number") -> ();

    // Records
    /// Snapshots, newest first; one channel's when given.
    blocking records::history(channel_id: Option<ChannelId> => "number | null") -> Vec<Snapshot>;
    /// The audit log, each entry with its Swedish text; one channel's when given.
    blocking records::audit_log(channel_id: Option<ChannelId> => "number | null") -> Vec<AuditLine>;
    /// What is due and overdue at `at` (`YYYY-MM-DD` or RFC 3339; null: now), per board and unit.
    blocking records::due(at: Option<String>) -> DueReport;
    /// A page of Att göra at `at` (null: now): the channels to capture now that the query keeps, per board and unit.
    blocking records::due_page(at: Option<String>, query: DueQuery) -> DuePage;
    /// One channel's entry of the due report at `at` (null: now); null when there is no such channel.
    blocking records::channel_due(at: Option<String>, channel_id: ChannelId => "number") -> Option<DueEntry>;
    /// Writes Översikt (every board, or `board`'s) as PDF/A or CSV (by the name's extension), in the window's language.
    blocking records::write_overview(path: String, board: Option<String>) -> DocumentFormat;

    // Snapshot files
    /// Whether a snapshot is timestamped (by whom, when) or pending, as a catalogue message.
    blocking records::timestamp_status(snapshot_id: String) -> Message;
    /// A page's screenshot, scaled to at most `max_width` pixels, as a `data:image/png;base64,…` URL.
    blocking files::thumbnail(snapshot_id: String, page_index: usize, max_width: u32) -> String;
    /// Opens a file of a snapshot (path relative to its folder) in the system viewer.
    async files::open_snapshot_file(snapshot_id: String, rel_path: String) -> ();
    /// Shows a file of a snapshot (path relative to its folder) in the file manager.
    async files::reveal_snapshot_file(snapshot_id: String, rel_path: String) -> ();
    /// Where to save a package or CSV file (a native dialog); null when the user cancelled.
    async files::choose_save_path(kind: FileKind, default_name: String) -> Option<String>;
    /// Which package or CSV file to read (a native dialog); null when the user cancelled.
    async files::choose_open_path(kind: FileKind) -> Option<String>;

    // Long jobs: a job id from the window, progress on a channel, `cancel_job` stops them
    /// Asks a running job to stop; false when it has already finished.
    quick work::cancel_job(job_id: String) -> bool;
    /// Captures the channels of the request.
    async work::capture(job_id: String, request: CaptureRequest, on_progress: Progress) -> Vec<ChannelCapture>;
    /// Captures one address for a channel (a post, a comment thread, an image), e.g. right before it is removed.
    async work::capture_address(job_id: String, request: AddressCaptureRequest, on_progress: Progress) -> Snapshot;
    /// Captures every due channel; a conflict while the scheduler's run (or another one) takes them.
    async work::capture_due(job_id: String, on_progress: Progress) -> Vec<ChannelCapture>;
    /// Writes an archive package (zip) to `out_path`.
    async work::export_package(job_id: String, request: ExportRequest, out_path: String, on_progress: Progress) -> PackageSummary;
    /// Writes the packages of a request that puts marked items in a package of their own, into the folder `out_dir`.
    async work::export_packages(job_id: String, request: ExportRequest, out_dir: String, on_progress: Progress) -> Vec<PackageSummary>;
    /// What an export would write, package by package, and the channels of its channel or board without a complete snapshot in the period; writes nothing.
    blocking archive::export_preview(request: ExportRequest) -> ExportPreview;
    /// Checks an archive package.
    async work::verify_package(job_id: String, path: String, on_progress: Progress) -> VerifyReport;

    // Removal records (borttaget innehåll)
    /// The current version of every record the filter lets through, newest removal first.
    blocking removals::list_removals(filter: RemovalFilter) -> Vec<RemovalRecord>;
    /// Every version of a record, oldest first.
    blocking removals::removal_versions(id: String) -> Vec<RemovalRecord>;
    /// The organisation's removal grounds.
    blocking removals::removal_grounds() -> Vec<RemovalGround>;
    /// Records a removal; unless the form names a snapshot or a file, the item's address is captured first.
    async removals::record_removal(job_id: String, form: RemovalForm, on_progress: Progress) -> RemovalRecord;
    /// A second person certifies the record (a new version).
    blocking removals::certify_removal(id: String, by: String) -> RemovalRecord;
    /// Sets the diary number of snapshots and removal records (ids, or a channel's or board's of a year; empty number: removes it); how many of each were set.
    blocking removals::set_diary_number(targets: DiaryTargets, number: String) -> (usize, usize);
    /// Adds a removal ground to the organisation's list.
    blocking removals::add_removal_ground(code: String, label_sv: String, label_en: Option<String>) -> RemovalGround;
    /// Changes a removal ground's wording (for new records).
    blocking removals::edit_removal_ground(code: String, label_sv: Option<String>, label_en: Option<String>) -> RemovalGround;
    /// Retires a removal ground: no longer offered for new records.
    blocking removals::retire_removal_ground(code: String) -> RemovalGround;
    /// Opens the screenshot staff supplied for a record in the system viewer.
    async removals::open_removal_file(removal_id: String) -> ();
    /// Writes the period report of removals (PDF/A or CSV by the name's extension).
    blocking removals::removal_report(request: RemovalReportRequest) -> ReportSummary;
    /// Captures a record's item again; a new version links the new snapshot.
    blocking removals::recapture_removal(id: String) -> RemovalRecord;
    // h-rem3: corrections in the desktop, the message template's preview.
    /// Corrects a record (Rätta): a new version with the changed fields and why.
    blocking removals::correct_removal(id: String, correction: RemovalCorrectionForm) -> RemovalRecord;
    /// The message to the author the form would write when left empty (the template naming the rules page).
    blocking removals::removal_contact_preview(form: RemovalForm) -> String;

    // Retention and disposal (gallring), holds, marks
    blocking archive::retention_rules() -> RetentionRules;
    /// Replaces the retention rules (an archivist's change in Inställningar).
    blocking archive::set_retention_rules(rules: RetentionRules) -> RetentionRules;
    /// A legal hold: the snapshot or record is never disposed of.
    blocking archive::set_hold(item_id: String, reason: String) -> Hold;
    blocking archive::clear_hold(item_id: String) -> ();
    /// The dry run: what is due for disposal, and what is due but kept and why.
    blocking archive::disposal_plan() -> DisposalPlan;
    /// Disposes of exactly what the dry run lists now, logged; `by` is the archivist.
    blocking archive::dispose(by: String, reference: Option<String>) -> DisposalOutcome;
    /// The disposal log (gallringsprotokoll), oldest first.
    blocking archive::disposal_log() -> Vec<DisposalLogEntry>;
    /// Writes the disposal log as PDF/A or CSV (by the name's extension), in the window's language.
    blocking archive::write_disposal_log(path: String) -> DocumentFormat;
    /// Every personal-data / secrecy mark.
    blocking archive::marks() -> Vec<Mark>;
    /// Marks a snapshot or removal record (replacing its mark).
    blocking archive::set_mark(id: String, flags: MarkFlags) -> Mark;
    blocking archive::clear_mark(id: String) -> ();

    // Closing a channel
    /// Starts the closure with the decision to close the account and its diary number.
    blocking closure::start_closure(channel_id: ChannelId => "number", decision: ClosureDecision) -> ClosureStarted;
    /// The closure checklist of a channel, read from the register and the audit log.
    blocking closure::closure_status(channel_id: ChannelId => "number") -> ClosureStatus;
    /// Records (in the audit log) that the final snapshot was reviewed.
    blocking closure::review_closure(channel_id: ChannelId => "number", snapshot_id: String) -> ClosureStatus;
    /// The last step of closing a channel: checks the package at `package_path` (a long job), then the channel is closed.
    async closure::complete_closure(job_id: String, channel_id: ChannelId => "number", package_path: String, on_progress: Progress) -> ClosureCompleted;
    // h-close
    /// Undoes a started closure before its final snapshot (the channel is active again).
    blocking closure::undo_closure(channel_id: ChannelId => "number") -> ClosureStatus;
    /// Records the day (YYYY-MM-DD) the account of a closed channel was deleted on the platform.
    blocking closure::record_account_deleted(channel_id: ChannelId => "number", date: String) -> ClosureStatus;

    // Settings
    blocking settings::get_settings() -> OrgSettings;
    blocking settings::set_settings(settings: OrgSettings) -> OrgSettings;
    blocking settings::get_schedule_settings() -> ScheduleSettings;
    blocking settings::set_schedule_settings(settings: ScheduleSettingsForm) -> ScheduleSettings;
    blocking settings::get_package_settings() -> PackageOrg;
    blocking settings::set_package_settings(settings: PackageOrg) -> PackageOrg;
    /// Whether the background scheduler captures due channels by itself (default: only notifies).
    blocking settings::get_scheduler_settings() -> SchedulerSettings;
    blocking settings::set_scheduler_settings(settings: SchedulerSettings) -> SchedulerSettings;
    /// The background scheduler's status (reads the settings when it is off).
    blocking settings::scheduler_status() -> SchedulerStatus;
    /// The time-stamping authorities (RFC 3161) and their root certificates.
    blocking settings::get_timestamp_settings() -> TimestampSettings;
    /// Sets the authorities (empty: no timestamps) and copies in root certificate files (empty: keep the roots).
    blocking settings::set_timestamp_settings(authorities: Vec<String>, ca_files: Vec<String>) -> TimestampSettings;
    /// How long each time-stamping authority is given to answer, in seconds (1 to 120).
    blocking settings::set_tsa_timeout(seconds: u32) -> TimestampSettings;
    /// The language of the desktop's own texts (dialogs, notifications; default Swedish).
    quick settings::set_language(language: Language) -> ();

    // The first run (h-deb)
    /// What a new data folder still needs (the organisation's name) and whether the browser and the emoji font are installed.
    blocking settings::first_run_status() -> FirstRunStatus;
    /// Saves the first run's setup at once: the organisation, the schedule windows, automatic capture.
    blocking settings::complete_first_run(form: FirstRunForm) -> FirstRunStatus;
    // h-diff: what changed between snapshots
    /// The suggested major changes not yet registered or dismissed (Att göra).
    blocking changes::change_suggestions() -> Vec<ChangeSuggestion>;
    /// Dismisses a suggested major change (audited).
    blocking changes::dismiss_change(snapshot_id: String, note: Option<String>) -> ();
    /// Registers a suggested major change: captures the channel now as a major change described by `note`.
    async changes::register_change(job_id: String, snapshot_id: String, note: String, on_progress: Progress) -> Snapshot;
    /// Compares two snapshots page by page (text, changed regions, identity).
    blocking changes::compare_snapshots(older: String, newer: String) -> SnapshotComparison;
    // h-win: the comparison thresholds
    /// When a comparison suggests a major change: the thresholds (defaults when never set).
    blocking settings::get_comparison_settings() -> ComparisonSettings;
    /// Sets the thresholds (audited); a value out of its bounds is refused and nothing is stored.
    blocking settings::set_comparison_settings(settings: ComparisonSettings) -> ComparisonSettings;
    // h-roles: who may do what
    /// What the person working may do (their login's roles), so the window hides the rest.
    blocking settings::current_access() -> CurrentAccess;
    /// Every person with a role (Inställningar); empty while roles are off.
    blocking settings::list_roles() -> Vec<PersonRoles>;
    // h-roles2: role editing for administrators
    /// Sets the roles (and a case officer's units) of a login, replacing theirs; only an administrator (audited).
    blocking settings::set_role(login: String, roles: Vec<Role>, units: Vec<String>) -> Vec<PersonRoles>;
    /// Removes every role of a login; refused for the last administrator (audited).
    blocking settings::remove_role(login: String) -> Vec<PersonRoles>;
    // h-ui19: the organisation's boards and units; Kanaler's bulk actions
    /// The organisation's boards and their units (empty: no list yet, any board may be given).
    blocking org::org_units() -> OrgUnits;
    /// Adds a board, or with `unit` a unit of the board (audited).
    blocking org::add_org_entry(board: String, unit: Option<String>) -> OrgUnits;
    /// Renames a board, or with `unit` a unit of it; its channels move with it (audited).
    blocking org::rename_org_entry(board: String, unit: Option<String>, to: String) -> OrgUnits;
    /// Removes a board, or with `unit` a unit of it; refused while a channel uses it (audited).
    blocking org::remove_org_entry(board: String, unit: Option<String>) -> OrgUnits;
    /// Sets the responsible person and/or substitute ("" clears) of many channels in one change, audited per channel.
    blocking org::set_channels_responsible(ids: Vec<ChannelId> => "Array<number>", responsible: Option<String>, substitute: Option<String>, revisions: Option<Vec<i64>> => "Array<number> | null") -> Vec<Channel>;
    // h-reg2: a view's page of snapshots
    /// The snapshots of the given channels (a view's page of them), each channel's oldest first, from the register's summary (no full record).
    blocking records::snapshot_lines(channel_ids: Vec<ChannelId> => "Array<number>") -> Vec<SnapshotLine>;
    // h-ov: the channels as Export's choosers list them
    /// Every channel's id, name and board (Export's choosers), from the channel rows alone (no history, no schedule).
    blocking records::channel_choices() -> Vec<ChannelChoice>;
    // h-ov2: Översikt's table and a page of a cell's channels (issue 18)
    /// Översikt's table at `at` (null: now): the channels per board and unit in each state after the filter, the totals and the filters' choices; no channel's row.
    blocking records::coverage_summary(at: Option<String>, filter: CoverageFilter) -> CoverageSummary;
    /// A page of the channels of a cell of Översikt's table (a line's key and a column; none: every channel the filter keeps).
    blocking records::coverage_rows(at: Option<String>, query: CoverageQuery) -> CoveragePage;
    /// Översikt opened or filtered: its table for `query.filter` and the page `query` asks for, from one report.
    blocking records::coverage_view(at: Option<String>, query: CoverageQuery) -> CoverageView;
    // h-desk: the shared register (Inställningar → Delat register)
    /// Which register the window is on (shared on PostgreSQL or local) and the address saved for the next start.
    blocking shared::shared_register() -> SharedRegisterInfo;
    /// Connects to a shared register's address (creating or upgrading its schema, as every connection does), checks the data folder's identity (writes nothing to the folder); a sentence saying how it went.
    blocking shared::test_shared_register(database: String) -> Message;
    /// Saves the address of the shared register used from the next start (null or empty: the local register again); refuses a password.
    blocking shared::save_shared_register(database: Option<String>) -> SharedRegisterInfo;
}
