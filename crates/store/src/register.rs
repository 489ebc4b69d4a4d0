//! The storage interface of the register: what the SQLite [`Store`](crate::Store) and the
//! PostgreSQL [`crate::pg::PgRegister`] both do, so that one conformance
//! suite (`tests/it/conformance/`) holds them to the same behaviour.
//!
//! It covers channels (add, read, list, edit, closure start and undo), the
//! typed settings documents, the audit log and the snapshot index (a
//! snapshot's row: recording it, the history, the latest good snapshots,
//! the overview's summary per channel, one snapshot by id, the lines a
//! view draws for a page of channels), the roles (who may do what, with the
//! rule that roles keep an administrator), the organisation's list of
//! boards and units, the stamping states of trusted timestamps, disposal
//! with its log and its run's lock, the removal records with their
//! grounds, the personal-data / secrecy marks, a snapshot's lifecycle
//! (begin, commit, discard) and `reindex`, the channel lists of Kanaler and
//! Att göra ([`Register::channel_page`], `channel_query.rs`) and the
//! register's CSV import ([`Register::import_channels`], all rows in one
//! transaction; the file read and checked by `register_csv.rs` through
//! [`RegisterExt`]).
//! The snapshot files stay in the data directory ([`Register::commit_snapshot`]
//! writes them and records the row in one call, the files' side shared by
//! both backends; a timestamp token and a
//! disposal work in the snapshot's folder there), and so do a removal
//! record's files ([`Register::add_removal`] writes its folder, then its
//! rows, and a new version rewrites its `removal.json` before its row);
//! with the closure's steps and diary numbers (h-app1) the app needs nothing
//! else, and holds an `Arc<dyn Register>`.
//!
//! A trait rather than an enum of the two backends: the use cases hold an
//! `Arc<dyn Register>` without knowing the backend, the conformance suite is
//! generic over it, and a backend can move into a crate of its own without
//! touching the other (an enum would need every backend in this crate and a
//! `match` in every method).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelBrief, ChannelId, ChannelPage, ChannelPatch,
    ChannelQuery, ChannelSummary, DisposalLogEntry, Mark, MarkFlags, MarkedKind, Message,
    NewChannel, OrgUnits, PersonRoles, RemovalGround, RemovalRecord, Role, SettingKey, Snapshot,
    SnapshotTimestamp, Timestamp,
};

use crate::import::{Import, UrlOwners};
use crate::{
    ChannelFilter, ChannelHistorySummary, LatestGood, OrgChange, ReindexReport, ResponsibleEdit,
    Result, SnapshotLine, Staging, SuppliedSource,
};

/// A change of the organisation's list ([`Register::change_org_units`]):
/// gets the stored list to change and every channel, says what it did.
pub type OrgChangeFn<'a> = Box<dyn FnOnce(&mut OrgUnits, &[Channel]) -> Result<OrgChange> + 'a>;

/// Which database holds the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded SQLite file of one desktop's data directory.
    Sqlite,
    /// A shared PostgreSQL database.
    Postgres,
}

/// The latest change of a channel's register entry: its audit entry
/// (`channel.add`, `channel.edit` or a closure step). A window that shows a
/// channel keeps `seq` and hands it back with its edit
/// ([`Register::edit_channel_if`]), so that an edit made meanwhile on
/// another desktop is never silently overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRevision {
    /// The audit entry's sequence number (0: no change recorded).
    pub seq: i64,
    /// Who made the change, as its entry claims (the app's operator).
    pub by: String,
    /// On PostgreSQL, the login the server recorded for the entry
    /// (`db_role`) when it is not `by`: an entry written with SQL in
    /// another's name shows who wrote it. `None` on SQLite.
    pub login: Option<String>,
    pub at: Option<Timestamp>,
}

/// A stamp of the register's changes ([`Register::change_stamp`]): every
/// change is audited in its own transaction, so a new audit entry is a
/// change. `last` is the newest entry's sequence number; `after` the number
/// of entries after the `since` the caller gave. On PostgreSQL two
/// transactions may commit out of their numbers' order (the later number
/// first), so `last` alone could miss the earlier one; the count after a
/// `since` some way back does not. Two stamps read with the same `since`
/// differ exactly when an entry was committed in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChangeStamp {
    pub last: i64,
    pub after: i64,
}

/// One register, whichever database holds it. Every change is audited in
/// the same transaction as the change.
pub trait Register: Send + Sync {
    fn backend(&self) -> Backend;
    /// The schema version of the database (migrations of this backend's dialect).
    fn schema_version(&self) -> Result<u32>;
    /// The person the database itself knows: on PostgreSQL the connection's
    /// role (`current_user`), whose grants hold whatever program opens the
    /// register, and so the login the roles are looked up by; `None` on
    /// SQLite (the front-end's OS login is used).
    fn connection_login(&self) -> Option<String> {
        None
    }
    /// Hands back what the connection caches but no statement needs now
    /// (SQLite's page cache, up to 2 MB), unless another thread is using the
    /// connection; nothing on PostgreSQL. For a program at rest (the desktop
    /// calls it when its last command has ended): the next read fills the
    /// cache again from the system's file cache.
    fn release_memory(&self) {}

    /// Validates and adds a channel (audited `channel.add`).
    fn add_channel(&self, new: &NewChannel, actor: &str) -> Result<Channel>;
    /// One channel, or `NotFound`.
    fn channel(&self, id: ChannelId) -> Result<Channel>;
    /// The channels matching `filter`, by id, each with its history's state.
    fn list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>>;
    /// Applies a patch (audited `channel.edit` with the changed fields);
    /// the channel unchanged, and nothing logged, when nothing changes.
    fn edit_channel(&self, id: ChannelId, patch: &ChannelPatch, actor: &str) -> Result<Channel>;
    /// The latest change of a channel's entry.
    fn channel_revision(&self, id: ChannelId) -> Result<ChannelRevision>;
    /// [`Register::edit_channel`], refused (`StoreChannelChangedBy`: who
    /// changed it and when, reload) when the channel changed after the
    /// revision `seen` was read.
    fn edit_channel_if(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
        seen: i64,
    ) -> Result<Channel>;
    /// The register's change stamp, counting the audit entries after
    /// `since` (one indexed query: a desktop polls it every few seconds to
    /// see changes made elsewhere, issue 15).
    fn change_stamp(&self, since: i64) -> Result<ChangeStamp>;
    /// Active → closing.
    fn start_closure(&self, id: ChannelId, actor: &str) -> Result<Channel>;
    /// Closing → active.
    fn undo_closure(&self, id: ChannelId, actor: &str) -> Result<Channel>;

    /// A settings document as stored (JSON), `None` when never set. Use
    /// [`RegisterExt::setting`] for the typed document.
    fn stored_setting(&self, key: SettingKey) -> Result<Option<serde_json::Value>>;
    /// Replaces a settings document, audited as `event`.
    fn store_setting(
        &self,
        key: SettingKey,
        value: &serde_json::Value,
        actor: &str,
        event: AuditEvent,
    ) -> Result<()>;

    /// Appends an audit entry.
    fn append_audit(
        &self,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry>;
    /// The audit log, oldest first; only one channel's entries when given.
    fn audit_log(&self, channel: Option<ChannelId>) -> Result<Vec<AuditEntry>>;
    /// The entries of one action (a stable verb, [`AuditEvent::action`]),
    /// oldest first.
    fn audit_log_of_action(&self, action: &str) -> Result<Vec<AuditEntry>>;

    /// Records a committed snapshot (complete, partial or failed) in the
    /// index: its row, pointing at `folder` (relative to the data
    /// directory, `/`-separated), and its audit entry `snapshot.commit`, in
    /// one transaction. The caller has already put the folder in place
    /// (the commit protocol: staging, hash check, rename, then the row).
    /// Refused: an id already recorded (`StoreSnapshotExists`), a channel
    /// not in the register, a status its pages contradict, a folder other
    /// than the snapshot's own, `channels/<channel id>/snapshots/<snapshot
    /// id>` (`StoreBadSnapshotFolder`: no `..`, no absolute path, no other
    /// snapshot's folder).
    fn record_snapshot(&self, snapshot: &Snapshot, folder: &str) -> Result<()>;
    /// Snapshots, oldest first (start time, then id); only one channel's
    /// when given.
    fn snapshots(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>>;
    /// One snapshot and its folder as recorded (relative to the data
    /// directory, `/`-separated); `NotFound` (`StoreNoSnapshot`) when no
    /// snapshot has that id.
    fn snapshot(&self, id: &str) -> Result<(Snapshot, String)>;
    /// Per channel and reason, when the latest good snapshot finished:
    /// status `complete`, of the whole channel, finished at or before `at`.
    /// Ordered by channel, then reason.
    fn latest_good_snapshots(&self, at: Timestamp) -> Result<Vec<LatestGood>>;
    /// Per channel with at least one snapshot of the whole channel finished
    /// at or before `at`: counts, failures, the latest and the latest good
    /// one (the overview's history). Ordered by channel.
    fn history_summaries(&self, at: Timestamp) -> Result<Vec<ChannelHistorySummary>>;
    /// Every channel as the due list and the overview read it at `at`
    /// ([`crate::ReportRow`]), in the order of [`Register::channel_briefs`]:
    /// its brief, its [`Register::latest_good_snapshots`] and, when
    /// `with_history`, its [`Register::history_summaries`] row. By default
    /// those reads joined; a backend may read them together.
    fn report_rows(&self, at: Timestamp, with_history: bool) -> Result<Vec<crate::ReportRow>> {
        crate::report_rows::read_separately(self, at, with_history)
    }
    /// The snapshots of the given channels as a view draws them (Översikt's
    /// calendar and timeline, the channel page): each channel's in history
    /// order (start time, then id), the channels in the order given, one
    /// set per mention; none for a channel without snapshots or not in the
    /// register. Summary columns only, no record read.
    fn snapshot_lines(&self, channels: &[ChannelId]) -> Result<Vec<SnapshotLine>>;

    /// Every person with a role, by login. Empty: no roles configured.
    fn roles(&self) -> Result<Vec<PersonRoles>>;
    /// Sets the roles and units of `login` (replacing what they had),
    /// audited `role.set`; when the register had no roles yet, `first_admin`
    /// becomes an administrator in the same transaction. Refused
    /// (`RoleLastAdministrator`, nothing written) when roles would be left
    /// without an administrator. Returns everyone's roles afterwards.
    fn set_roles(
        &self,
        login: &str,
        roles: &[Role],
        units: &[String],
        actor: &str,
        first_admin: Option<&str>,
    ) -> Result<Vec<PersonRoles>>;
    /// Removes every role of `login` (audited `role.remove`; `RoleNotSet`
    /// when they had none). Removing the last person's roles turns roles
    /// off; removing the last administrator while others keep roles is
    /// refused, nothing written, also when two desktops try it at once.
    fn remove_roles(&self, login: &str, actor: &str) -> Result<Vec<PersonRoles>>;

    /// Changes the organisation's list of boards and units (the settings
    /// document [`OrgUnits`], read with [`RegisterExt::setting`]) under the
    /// register's write lock: `change` gets the stored list and every
    /// channel and says what it did; its events are audited and the
    /// channels it moves get their new board or unit (each audited
    /// `channel.edit`), in one transaction. No events: nothing is written.
    /// Returns the list as stored afterwards.
    fn change_org_units(&self, actor: &str, change: OrgChangeFn<'_>) -> Result<OrgUnits>;

    /// A snapshot's stamping state (trusted timestamps); `None` when no
    /// authority was configured when it was stored.
    fn timestamp_state(&self, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>>;
    /// Every snapshot's stamping state, by snapshot id.
    fn timestamp_states(&self) -> Result<BTreeMap<String, SnapshotTimestamp>>;
    /// One channel's snapshots' stamping states, by snapshot id.
    fn timestamp_states_of_channel(
        &self,
        channel: ChannelId,
    ) -> Result<BTreeMap<String, SnapshotTimestamp>>;
    /// The snapshots whose timestamp is pending, oldest first (start time,
    /// then id).
    fn pending_timestamps(&self) -> Result<Vec<String>>;
    /// Records that authority `index` (0-based) gave no token this time:
    /// `timestamp.json` in the snapshot's folder, then the row; audited
    /// `timestamp.pending` at the first failure of a run of failures.
    fn record_timestamp_failure(
        &self,
        snapshot_id: &str,
        index: usize,
        why: Message,
        actor: &str,
    ) -> Result<SnapshotTimestamp>;
    /// Adds a verified token of authority `index` (0-based): the token file
    /// `manifest-sha256.txt.<index+1>.tsr` in the snapshot's folder, then
    /// `timestamp.json`, then the row and its audit entry `timestamp.add`.
    fn add_timestamp_token(
        &self,
        snapshot_id: &str,
        index: usize,
        reply: &[u8],
        time: Timestamp,
        signer: &str,
        actor: &str,
    ) -> Result<SnapshotTimestamp>;

    /// Takes the lock of a disposal run, which holds across desktops
    /// (`None`: another run holds it); held until dropped.
    fn disposal_lock(&self) -> Result<Option<DisposalLock>>;
    /// Disposes of one snapshot or removal record, crash-safe
    /// (`store/disposal.rs`): its files leave the data directory, its rows
    /// the register, and the disposal log and the audit log (`dispose.item`)
    /// keep what it was, in one transaction. `NotFound` when it is gone
    /// already. Hold the run's lock.
    fn dispose(&self, entry: DisposalLogEntry) -> Result<DisposalLogEntry>;
    /// The disposal log, oldest first.
    fn disposal_log(&self) -> Result<Vec<DisposalLogEntry>>;

    /// Stores a new removal record (its version 1): its folder
    /// `channels/<id>/removals/<record-id>/` in the data directory (with
    /// `file`, the screenshot copied in and hashed and the evidence that
    /// file; otherwise the evidence must name a snapshot of the same
    /// channel), then its rows and the audit entry `removal.add`.
    /// Refused: a bad id, a record id already used, a channel not in the
    /// register, a snapshot of another channel.
    fn add_removal(
        &self,
        record: RemovalRecord,
        file: Option<&SuppliedSource>,
    ) -> Result<RemovalRecord>;
    /// Adds one version to a removal record (a correction, a certification,
    /// the item captured again): the record's `removal.json` rewritten with
    /// every version first, then the version's row and the audit entry
    /// `event_of(version)`. The record keeps the id, channel and evidence
    /// of the one it follows, but for a new snapshot of the same channel
    /// (`StoreRemovalFixed` otherwise); versions are never changed.
    fn add_removal_version(
        &self,
        record: RemovalRecord,
        event_of: &dyn Fn(u32) -> AuditEvent,
    ) -> Result<RemovalRecord>;
    /// [`Register::add_removal_version`] for several records, all or none,
    /// audited as one `event` (of `channel`, if one).
    fn add_removal_versions(
        &self,
        new: Vec<RemovalRecord>,
        actor: &str,
        event: AuditEvent,
        channel: Option<ChannelId>,
    ) -> Result<Vec<RemovalRecord>>;
    /// Every version of a removal record, oldest first, and its folder as
    /// recorded (relative to the data directory, `/`-separated);
    /// `StoreNoRemoval` when no record has that id.
    fn removal(&self, id: &str) -> Result<(Vec<RemovalRecord>, String)>;
    /// The current version of every removal record, in the order they were
    /// removed (then by id); one channel's when given.
    fn removals(&self, channel: Option<ChannelId>) -> Result<Vec<RemovalRecord>>;
    /// The organisation's removal grounds, in their order.
    fn removal_grounds(&self) -> Result<Vec<RemovalGround>>;
    /// Replaces the list of removal grounds, audited as `event`; records
    /// keep the ground as it was listed. Refused: a bad code or label, a
    /// code twice.
    fn set_removal_grounds_for(
        &self,
        grounds: &[RemovalGround],
        actor: &str,
        event: AuditEvent,
    ) -> Result<()>;

    /// Sets (`Some`) or clears (`None`) the personal-data / secrecy mark of
    /// a snapshot or removal record (audited `mark.set` or `mark.clear`
    /// under the item's channel). The item must exist; a mark needs
    /// personal data or a secrecy reference; clearing an unmarked item is
    /// refused.
    fn set_mark(
        &self,
        kind: MarkedKind,
        item_id: &str,
        flags: Option<MarkFlags>,
        actor: &str,
    ) -> Result<Option<Mark>>;
    /// The mark of one item, if any.
    fn mark(&self, item_id: &str) -> Result<Option<Mark>>;
    /// Every mark, by item id.
    fn marks(&self) -> Result<Vec<Mark>>;

    // h-pg9: the snapshot lifecycle and reindex (issue 15). The files are
    // in the data directory (on PostgreSQL the shared one given with
    // `PgRegister::with_data_dir`; without it each of these is refused with
    // `store-pg-no-data-dir`).

    /// Starts a snapshot of `channel_id`: a fresh, locked staging folder of
    /// this process's own, `staging/<snapshot-id>@<writer>/` (two desktops
    /// sharing the data directory never write the same one). Refused: a
    /// bad id, a channel not in the register, an id already recorded or
    /// whose final folder exists.
    fn begin_snapshot(&self, channel_id: ChannelId, snapshot_id: &str) -> Result<Staging>;
    /// Verifies and commits a snapshot: every recorded file in the staging
    /// folder with its size and SHA-256 and no other file; `snapshot.json`,
    /// the timestamp manifest (and `timestamp.json` when authorities are
    /// configured) written, fsynced, the folder renamed into
    /// `channels/<id>/snapshots/<snapshot id>/`, then its row, its stamping
    /// state and `snapshot.commit` in one transaction. When the row cannot
    /// be written the folder is complete and the next open, or `reindex`,
    /// records it.
    fn commit_snapshot(&self, staging: Staging, snapshot: Snapshot) -> Result<()>;
    /// Throws a staging folder away (nothing is left of it).
    fn discard(&self, staging: Staging) -> Result<()>;
    /// The path of a folder a row records relative to the data directory
    /// (a snapshot's, a removal record's); refused when it holds `..` or is
    /// absolute.
    fn folder_path(&self, folder: &str) -> Result<PathBuf>;
    /// The folder of the time-stamping authorities' trusted roots
    /// (`<data>/tsa-ca`).
    fn tsa_ca_dir(&self) -> Result<PathBuf>;
    /// Brings the register in line with the files of the data directory.
    /// SQLite rebuilds its database from them (channels, snapshots, the
    /// audit log, settings, …; run it while no other program uses the data
    /// directory); a snapshot folder that lacks a file is reported
    /// (`reindex-snapshot-file-missing`) and not recorded. PostgreSQL,
    /// whose database is the register every desktop shares, records the
    /// snapshot and removal folders that have no row and reports
    /// (`reindex-recorded-file-missing`) a row whose folder lacks a file,
    /// keeping the row, in one transaction while desktops keep working.
    /// Neither deletes a file.
    fn reindex(&self) -> Result<ReindexReport>;

    // h-pg10: channel lists, settings, CSV
    /// Every channel, by id, with its addresses (read at one moment).
    fn channels(&self) -> Result<Vec<Channel>>;
    /// Every channel, by id, as the schedule and the reports read it
    /// (`due`, `coverage`): no addresses, purpose, audience or notes, one
    /// statement; each equals `ChannelBrief::from` its entry in
    /// [`Register::channels`].
    fn channel_briefs(&self) -> Result<Vec<ChannelBrief>>;
    /// A page of the register for Kanaler and Att göra (`channel_query.rs`):
    /// the channels `q` matches in its order (Swedish, empty values last,
    /// ties by name), the page's rows with their history, the counts and
    /// the filters' choices, all as of one moment.
    fn channel_page(&self, q: &ChannelQuery) -> Result<ChannelPage>;
    /// The channels whose latest snapshot failed.
    fn failed_channels(&self) -> Result<HashSet<ChannelId>>;
    /// Every registered address (normalised) with its channel's id and name.
    fn url_owners(&self) -> Result<UrlOwners>;
    /// Adds checked rows of an import (`register_csv.rs`), all or none:
    /// under the register's address lock, refused (`ImportRows`, naming
    /// each row) when an address is registered meanwhile; each channel
    /// audited as imported from `source` (`channel.add`); `org` (if given)
    /// takes the import's boards and units into the organisation's list in
    /// the same transaction. Returns the channels as added, in the rows'
    /// order.
    fn import_channels(&self, import: Import<'_>) -> Result<Vec<Channel>>;
    /// Sets the responsible person and/or substitute (`Some("")` clears) of
    /// every channel of `edit` (Kanaler's bulk action): all or none, each
    /// changed channel audited `channel.edit`. A closed or unknown channel
    /// refuses the whole change; a channel that already has these values
    /// is left as it is (no audit entry). Returns the channels as stored.
    fn set_channels_responsible(
        &self,
        edit: ResponsibleEdit<'_>,
        actor: &str,
    ) -> Result<Vec<Channel>>;

    // h-app1: the rest of what the app calls
    /// [`Register::start_closure`] with the decision to close the account
    /// and its diary number (checked text), kept in the `closure.start`
    /// event.
    fn start_closure_with(
        &self,
        id: ChannelId,
        actor: &str,
        decision: Option<String>,
        diary_number: Option<String>,
    ) -> Result<Channel>;
    /// Closing → closed, with `closed_at` (audited `closure.complete`), and
    /// `note` (e.g. [`AuditEvent::ClosedOn`]) audited after it. Only the
    /// package workflow (after a verified pre-closure package) calls this.
    fn mark_closed_with(
        &self,
        id: ChannelId,
        actor: &str,
        note: Option<AuditEvent>,
    ) -> Result<Channel>;
    /// Sets (or with `None` removes) the diary number of these snapshots
    /// and removal records. Every id is checked before anything is
    /// written; then each `snapshot.json` is rewritten and each removal
    /// record gets a new version, and the rows and one audit entry
    /// (`diary.set`) are written in one transaction (the snapshot files put
    /// back when that fails). `DiaryNoTargets` when both lists are empty.
    fn set_diary_number(
        &self,
        snapshot_ids: &[String],
        removal_ids: &[String],
        number: Option<&str>,
        actor: &str,
    ) -> Result<()>;

    // h-claim: claims of channels being captured (issue 15)
    /// Claims `channel_id` for `holder` (a process, `<host>.<pid>.<nonce>`)
    /// until `lease` from the register's clock, in one atomic statement:
    /// `true` when the channel was free, its lease had run out, or
    /// `holder` held it already (then the lease is extended); `false` when
    /// another holds it. Leases are capped at a week.
    fn claim_channel(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: std::time::Duration,
    ) -> Result<bool>;
    /// Extends `holder`'s claim to `lease` from now; `false` when it is no
    /// longer `holder`'s (released, or taken over after its lease ran out).
    fn renew_claim(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: std::time::Duration,
    ) -> Result<bool>;
    /// Gives up `holder`'s claim of `channel_id`; nothing when it is not
    /// `holder`'s.
    fn release_claim(&self, channel_id: ChannelId, holder: &str) -> Result<()>;
    /// Every claim row, by channel, those whose lease has run out too.
    fn claims(&self) -> Result<Vec<crate::Claim>>;
}

/// A disposal run's lock ([`Register::disposal_lock`]): a lock file in the
/// data directory on SQLite, an advisory lock of the register on
/// PostgreSQL. Let go of when dropped.
pub struct DisposalLock(Box<dyn HeldLock>);

/// What holds a disposal run's lock, and can tell whether it still does.
pub(crate) trait HeldLock: Send {
    /// `Ok` while the lock is held; `Err` when it was let go of.
    fn check(&mut self) -> Result<()>;
}

impl DisposalLock {
    pub(crate) fn new(held: impl HeldLock + 'static) -> DisposalLock {
        DisposalLock(Box::new(held))
    }

    /// Whether the lock still holds. A lock file is held for as long as it
    /// is open; PostgreSQL's advisory lock dies with its connection (a
    /// network cut, a server restart), and then another desktop may start
    /// a run: a run checks before each document and stops when it is gone
    /// (`dispose-lock-lost`).
    pub fn check(&mut self) -> Result<()> {
        self.0.check()
    }
}

impl std::fmt::Debug for DisposalLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DisposalLock")
    }
}
