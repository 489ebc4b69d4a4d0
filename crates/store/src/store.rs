//! The [`Store`]: the register database plus the file tree beside it.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::SecondsFormat;
use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelField, ChannelId, ChannelPatch, ChannelStatus,
    ChannelSummary, Clock, FileRecord, NewChannel, OrgSettings, Platform, SchedulePolicy, Snapshot,
    SnapshotManifest, SnapshotStatus, Timestamp,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::fsutil::{self, append_line, sha256_file, sync_dir, sync_tree, write_json_atomic};
use crate::validate::{check_field, check_new_channel, check_urls, clean, normalise_url};
use crate::{migrations, Result, StoreError};

/// The database file name inside the data directory.
pub const DB_FILE_NAME: &str = "ogonblick.sqlite";
pub(crate) const AUDIT_FILE: &str = "audit.jsonl";
const SETTINGS_FILE: &str = "settings.json";
const CHANNEL_FILE: &str = "channel.json";
const REINDEX_TMP: &str = "ogonblick.sqlite.reindex-tmp";
const ORG_KEY: &str = "organisation";

/// Which channels to list. Every given criterion must match.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelFilter {
    pub status: Option<ChannelStatus>,
    pub platform: Option<Platform>,
    /// Board name, case-insensitive.
    pub board: Option<String>,
    /// Case-insensitive substring of name, address, board, unit or
    /// responsible person.
    pub text: Option<String>,
}

/// What a rebuild of the database found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReindexReport {
    pub channels: u32,
    pub snapshots: u32,
    pub audit_entries: u32,
    /// Things that could not be restored, one sentence each.
    pub warnings: Vec<String>,
}

/// A snapshot being captured: a fresh directory under `staging/` that only
/// this capture writes to. Hand it to [`Store::commit_snapshot`] or
/// [`Store::discard`]. While it lives, an OS lock on
/// `staging/<snapshot-id>.lock` keeps other processes from removing it.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    lock_path: PathBuf,
    lock: Option<File>,
    channel_id: ChannelId,
    snapshot_id: String,
}

impl Staging {
    /// The directory the capture writes its files into.
    pub fn path(&self) -> &Path {
        &self.dir
    }
    pub fn channel_id(&self) -> ChannelId {
        self.channel_id
    }
    pub fn snapshot_id(&self) -> &str {
        &self.snapshot_id
    }
    fn release(&mut self) {
        self.lock.take();
        let _ = fs::remove_file(&self.lock_path);
    }
}

/// The register and the file store of one data directory. `Send + Sync`:
/// the connection sits behind a mutex.
pub struct Store {
    data_dir: PathBuf,
    conn: Mutex<Connection>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

pub(crate) fn ts(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

fn parse_ts(s: &str) -> rusqlite::Result<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&chrono::Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn parse_word<T: std::str::FromStr>(s: &str) -> rusqlite::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    s.parse::<T>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn open_connection(path: &Path, wal: bool) -> Result<Connection> {
    let conn = Connection::open(path).map_err(|e| match StoreError::from(e) {
        StoreError::Sqlite(e) => StoreError::io(
            "open the register database",
            path,
            std::io::Error::other(e.to_string()),
        ),
        other => other,
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if wal {
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Io {
                action: "use write-ahead logging on",
                path: path.to_path_buf(),
                source: std::io::Error::other(format!("journal mode stayed '{mode}'")),
            });
        }
    } else {
        let _: String = conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// How long a statement waits for another program's write lock.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a write that must not be lost (the row of a stored snapshot)
/// keeps trying while another program holds the register's write lock.
pub(crate) const BUSY_RETRY_FOR: Duration = Duration::from_secs(120);

/// Runs `f` again, with growing pauses, while it fails because the register
/// is busy, for up to [`BUSY_RETRY_FOR`]. Each attempt already waits up to
/// the connection's busy timeout.
pub(crate) fn retry_busy<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let start = std::time::Instant::now();
    let mut pause = Duration::from_millis(50);
    loop {
        match f() {
            Err(StoreError::Busy) if start.elapsed() < BUSY_RETRY_FOR => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_secs(2));
            }
            other => return other,
        }
    }
}

fn channel_dir(data_dir: &Path, id: ChannelId) -> PathBuf {
    data_dir.join("channels").join(id.to_string())
}

fn not_found(id: ChannelId) -> StoreError {
    StoreError::NotFound(format!(
        "no channel has id {id}: run `ogonblick channel list` to see the ids"
    ))
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir`: creates the
    /// folders, applies migrations and removes stale staging folders left by
    /// crashed captures.
    pub fn open(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        for d in [
            data_dir.to_path_buf(),
            data_dir.join("channels"),
            data_dir.join("staging"),
        ] {
            fs::create_dir_all(&d).map_err(|e| StoreError::io("create the folder", &d, e))?;
        }
        let mut conn = open_connection(&data_dir.join(DB_FILE_NAME), true)?;
        migrations::migrate(&mut conn)?;
        let store = Store {
            data_dir: data_dir.to_path_buf(),
            conn: Mutex::new(conn),
            clock,
        };
        store.clean_staging()?;
        let _ = fs::remove_file(data_dir.join(REINDEX_TMP));
        // Best effort: what is left undone now is tried again at the next
        // open, and `reindex` does the same from the files.
        let _ = store.recover();
        Ok(store)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave the connection in a
        // half state SQLite does not roll back, so a poisoned lock is usable.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` with the raw database connection (for crates that add their
    /// own queries; they must not write the tables this crate owns).
    pub fn with_connection<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.conn())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        migrations::version(&self.conn())
    }

    fn clean_staging(&self) -> Result<()> {
        let staging = self.data_dir.join("staging");
        let entries = fs::read_dir(&staging).map_err(|e| StoreError::io("read", &staging, e))?;
        let mut names: Vec<String> = Vec::new();
        for e in entries.flatten() {
            names.push(e.file_name().to_string_lossy().into_owned());
        }
        for name in &names {
            let id = name.strip_suffix(".lock").unwrap_or(name);
            let lock_path = staging.join(format!("{id}.lock"));
            let held = match OpenOptions::new().write(true).open(&lock_path) {
                Ok(f) => f.try_lock().is_err(),
                Err(_) => false,
            };
            if !held {
                let dir = staging.join(id);
                if dir.is_dir() {
                    let _ = fs::remove_dir_all(&dir);
                } else if dir.exists() {
                    let _ = fs::remove_file(&dir);
                }
                let _ = fs::remove_file(&lock_path);
            }
        }
        Ok(())
    }

    // -----------------------------------------------------------------
    // Channels
    // -----------------------------------------------------------------

    /// Validates and adds a channel; writes `channel.json` and an audit entry.
    pub fn add_channel(&self, new: &NewChannel, actor: &str) -> Result<Channel> {
        let new = check_new_channel(new).map_err(|errs| StoreError::Invalid(errs.join("; ")))?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        check_url_conflicts(&tx, None, &new.urls)?;
        let id = next_channel_id(&tx, &self.data_dir)?;
        let now = self.clock.now();
        let channel = channel_from_new(id, &new, ChannelStatus::Active, now);
        insert_channel_row(&tx, &channel, false)?;
        let written = self.write_channel_file(&channel);
        let result = written.and_then(|_| {
            self.audit_in(
                &tx,
                now,
                actor,
                Some(id),
                AuditEvent::ChannelAdded {
                    name: channel.name.clone(),
                },
            )
        });
        match result.and_then(|_| tx.commit().map_err(StoreError::from)) {
            Ok(()) => Ok(channel),
            Err(e) => {
                let _ = fs::remove_dir_all(channel_dir(&self.data_dir, id));
                Err(e)
            }
        }
    }

    /// One channel.
    pub fn channel(&self, id: ChannelId) -> Result<Channel> {
        load_channel(&self.conn(), id)?.ok_or_else(|| not_found(id))
    }

    /// Every channel, by id.
    pub fn channels(&self) -> Result<Vec<Channel>> {
        load_channels(&self.conn())
    }

    /// The channels matching `filter`, each with the state of its history.
    pub fn list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>> {
        let conn = self.conn();
        let channels = load_channels(&conn)?;
        // count, last start, last status, last complete start
        type Stats = (
            u32,
            Option<Timestamp>,
            Option<SnapshotStatus>,
            Option<Timestamp>,
        );
        let mut stats: HashMap<ChannelId, Stats> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT channel_id, started_at, status FROM snapshots ORDER BY channel_id, started_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                parse_ts(&r.get::<_, String>(1)?)?,
                parse_word::<SnapshotStatus>(&r.get::<_, String>(2)?)?,
            ))
        })?;
        for row in rows {
            let (cid, at, status) = row?;
            let e = stats.entry(cid).or_default();
            e.0 += 1;
            e.1 = Some(at);
            e.2 = Some(status);
            if status == SnapshotStatus::Complete {
                e.3 = Some(at);
            }
        }
        let text = filter
            .text
            .as_ref()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty());
        let board = filter
            .board
            .as_ref()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty());
        Ok(channels
            .into_iter()
            .filter(|c| filter.status.is_none_or(|s| c.status == s))
            .filter(|c| filter.platform.is_none_or(|p| c.platform == p))
            .filter(|c| {
                board
                    .as_ref()
                    .is_none_or(|b| c.board.as_ref().is_some_and(|cb| cb.to_lowercase() == *b))
            })
            .filter(|c| {
                text.as_ref().is_none_or(|t| {
                    let hay = [
                        Some(&c.name),
                        c.board.as_ref(),
                        c.unit.as_ref(),
                        c.responsible.as_ref(),
                    ]
                    .into_iter()
                    .flatten()
                    .chain(c.urls.iter());
                    hay.into_iter()
                        .any(|h| h.to_lowercase().contains(t.as_str()))
                })
            })
            .map(|c| {
                let (count, last, status, complete) = stats.remove(&c.id).unwrap_or_default();
                ChannelSummary {
                    channel: c,
                    last_snapshot_at: last,
                    last_snapshot_status: status,
                    last_complete_at: complete,
                    snapshot_count: count,
                }
            })
            .collect())
    }

    /// Applies a patch. Returns the channel unchanged (and logs nothing) when
    /// the patch changes nothing. A closed channel cannot be edited.
    pub fn edit_channel(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
    ) -> Result<Channel> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old = load_channel(&tx, id)?.ok_or_else(|| not_found(id))?;
        if old.status == ChannelStatus::Closed {
            return Err(StoreError::Conflict(format!(
                "channel {id} is closed and its register entry is archived: it cannot be changed"
            )));
        }
        let mut c = old.clone();
        let mut errors = Vec::new();
        if let Some(name) = &patch.name {
            check_field("name", Some(name), &mut errors);
            let name = name.trim();
            if name.is_empty() {
                errors.push("the name is empty: give the channel's display name".to_string());
            } else {
                c.name = name.to_string();
            }
        }
        if let Some(p) = patch.platform {
            c.platform = p;
        }
        if let Some(urls) = &patch.urls {
            c.urls = check_urls(urls, &mut errors);
        }
        for (label, field, value) in [
            ("board", &mut c.board, &patch.board),
            ("unit", &mut c.unit, &patch.unit),
            ("responsible person", &mut c.responsible, &patch.responsible),
            ("substitute", &mut c.substitute, &patch.substitute),
            ("purpose", &mut c.purpose, &patch.purpose),
            ("audience", &mut c.audience, &patch.audience),
            ("notes", &mut c.notes, &patch.notes),
        ] {
            check_field(label, value.as_deref(), &mut errors);
            if value.is_some() {
                *field = clean(value);
            }
        }
        if let Some(policy) = patch.policy {
            c.policy = policy;
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors.join("; ")));
        }
        if c == old {
            return Ok(old);
        }
        check_url_conflicts(&tx, Some(id), &c.urls)?;
        update_channel_row(&tx, &c)?;
        let event = AuditEvent::ChannelEdited {
            fields: changed_fields(&old, &c),
        };
        let now = self.clock.now();
        self.write_channel_file(&c)?;
        let r = self
            .audit_in(&tx, now, actor, Some(id), event)
            .and_then(|_| tx.commit().map_err(StoreError::from));
        if let Err(e) = r {
            let _ = self.write_channel_file(&old);
            return Err(e);
        }
        Ok(c)
    }

    /// Active → closing, with `closing_started_at`.
    pub fn start_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        self.change_status(id, actor, ChannelStatus::Active, ChannelStatus::Closing)
    }

    /// Closing → closed, with `closed_at`, and `note` (a person's words,
    /// when not empty) as a `closure.note`. Only the package workflow (after
    /// a verified pre-closure package) should call this.
    pub fn mark_closed(&self, id: ChannelId, actor: &str, note: &str) -> Result<Channel> {
        let note = (!note.is_empty()).then(|| AuditEvent::ClosureNote { text: note.into() });
        self.mark_closed_with(id, actor, note)
    }

    /// [`Store::mark_closed`] with the note as an event (e.g.
    /// [`AuditEvent::ClosedOn`]).
    pub fn mark_closed_with(
        &self,
        id: ChannelId,
        actor: &str,
        note: Option<AuditEvent>,
    ) -> Result<Channel> {
        let c = self.change_status(id, actor, ChannelStatus::Closing, ChannelStatus::Closed)?;
        if let Some(note) = note {
            self.append_audit(actor, Some(id), note)?;
        }
        Ok(c)
    }

    fn change_status(
        &self,
        id: ChannelId,
        actor: &str,
        from: ChannelStatus,
        to: ChannelStatus,
    ) -> Result<Channel> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old = load_channel(&tx, id)?.ok_or_else(|| not_found(id))?;
        if old.status != from {
            let since = match old.status {
                ChannelStatus::Closing => old
                    .closing_started_at
                    .map(|t| format!(" since {}", t.format("%Y-%m-%d"))),
                ChannelStatus::Closed => old
                    .closed_at
                    .map(|t| format!(" since {}", t.format("%Y-%m-%d"))),
                ChannelStatus::Active => None,
            }
            .unwrap_or_default();
            let what = match (from, to) {
                (ChannelStatus::Active, ChannelStatus::Closing) => "only an active channel can start closing",
                _ => "only a closing channel can be closed, after its pre-closure package is verified",
            };
            return Err(StoreError::Conflict(format!(
                "channel {id} is {}{since}: {what}",
                old.status
            )));
        }
        let now = self.clock.now();
        let mut c = old.clone();
        c.status = to;
        match to {
            ChannelStatus::Closing => c.closing_started_at = Some(now),
            ChannelStatus::Closed => c.closed_at = Some(now),
            ChannelStatus::Active => {}
        }
        update_channel_row(&tx, &c)?;
        self.write_channel_file(&c)?;
        let from = old.status;
        let event = match to {
            ChannelStatus::Closed => AuditEvent::ClosureCompleted { from, to },
            _ => AuditEvent::ClosureStarted { from, to },
        };
        let r = self
            .audit_in(&tx, now, actor, Some(id), event)
            .and_then(|_| tx.commit().map_err(StoreError::from));
        if let Err(e) = r {
            let _ = self.write_channel_file(&old);
            return Err(e);
        }
        Ok(c)
    }

    fn write_channel_file(&self, c: &Channel) -> Result<()> {
        write_json_atomic(&channel_dir(&self.data_dir, c.id).join(CHANNEL_FILE), c)
    }

    // -----------------------------------------------------------------
    // Audit log
    // -----------------------------------------------------------------

    fn audit_in(
        &self,
        tx: &Transaction<'_>,
        at: Timestamp,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry> {
        let stored = event.to_stored_json();
        let entry = AuditEntry::new(0, at, actor, channel_id, event);
        tx.execute(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail, event) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![ts(&at), actor, entry.action, channel_id, entry.detail, stored],
        )?;
        let entry = AuditEntry {
            seq: tx.last_insert_rowid(),
            ..entry
        };
        // The mirror is written before the commit: it may hold an entry of a
        // change whose commit then failed, but never misses one.
        append_line(
            &self.data_dir.join(AUDIT_FILE),
            &serde_json::to_string(&entry)?,
        )?;
        Ok(entry)
    }

    /// Appends an audit entry (for use cases of other crates: captures,
    /// packages, schedules).
    pub fn append_audit(
        &self,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let e = self.audit_in(&tx, self.clock.now(), actor, channel_id, event)?;
        tx.commit()?;
        Ok(e)
    }

    /// The audit log, oldest first; only one channel's entries when given.
    /// Rows written before events were typed are read from their English
    /// detail ([`AuditEvent::read`]).
    pub fn audit_log(&self, channel: Option<ChannelId>) -> Result<Vec<AuditEntry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT seq, at, actor, action, channel_id, detail, event FROM audit_log
             WHERE ?1 IS NULL OR channel_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([channel], |r| {
            let (action, detail): (String, String) = (r.get(3)?, r.get(5)?);
            let event = r
                .get::<_, Option<String>>(6)?
                .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok());
            Ok(AuditEntry {
                seq: r.get(0)?,
                at: parse_ts(&r.get::<_, String>(1)?)?,
                actor: r.get(2)?,
                event: AuditEvent::read(&action, &detail, event.as_ref()),
                action,
                channel_id: r.get(4)?,
                detail,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    // -----------------------------------------------------------------
    // Settings
    // -----------------------------------------------------------------

    /// The organisation settings (defaults when never set).
    pub fn settings(&self) -> Result<OrgSettings> {
        match self.setting_json(ORG_KEY)? {
            Some(v) => Ok(serde_json::from_value(v)?),
            None => Ok(OrgSettings::default()),
        }
    }

    /// Replaces the organisation settings.
    pub fn set_settings(&self, settings: &OrgSettings, actor: &str) -> Result<OrgSettings> {
        let mut s = settings.clone();
        s.name = s.name.trim().to_string();
        for f in [
            &mut s.org_number,
            &mut s.e_archive_name,
            &mut s.submission_agreement,
        ] {
            *f = clean(f);
        }
        self.set_setting_json(ORG_KEY, &serde_json::to_value(&s)?, actor)?;
        Ok(s)
    }

    /// A raw setting (JSON) by key, for other crates' settings.
    pub fn setting_json(&self, key: &str) -> Result<Option<serde_json::Value>> {
        let conn = self.conn();
        let v: Option<String> = conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(match v {
            Some(s) => Some(serde_json::from_str(&s)?),
            None => None,
        })
    }

    /// Sets a raw setting; mirrors all settings into `settings.json`.
    pub fn set_setting_json(
        &self,
        key: &str,
        value: &serde_json::Value,
        actor: &str,
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, serde_json::to_string(value)?],
        )?;
        let all = load_settings(&tx)?;
        write_json_atomic(&self.data_dir.join(SETTINGS_FILE), &all)?;
        self.audit_in(
            &tx,
            self.clock.now(),
            actor,
            None,
            AuditEvent::SettingsSet { key: key.into() },
        )?;
        tx.commit()?;
        Ok(())
    }

    // -----------------------------------------------------------------
    // Snapshots
    // -----------------------------------------------------------------

    /// The final folder of a snapshot.
    pub fn snapshot_dir(&self, channel_id: ChannelId, snapshot_id: &str) -> PathBuf {
        channel_dir(&self.data_dir, channel_id)
            .join("snapshots")
            .join(snapshot_id)
    }

    /// Starts a snapshot: a fresh, locked staging folder.
    pub fn begin_snapshot(&self, channel_id: ChannelId, snapshot_id: &str) -> Result<Staging> {
        check_snapshot_id(snapshot_id)?;
        {
            let conn = self.conn();
            if load_channel(&conn, channel_id)?.is_none() {
                return Err(not_found(channel_id));
            }
            let exists: bool = conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM snapshots WHERE id = ?1)",
                [snapshot_id],
                |r| r.get(0),
            )?;
            if exists || self.snapshot_dir(channel_id, snapshot_id).exists() {
                return Err(StoreError::Conflict(format!(
                    "a snapshot with id {snapshot_id} already exists: use a new id"
                )));
            }
        }
        let staging = self.data_dir.join("staging");
        let lock_path = staging.join(format!("{snapshot_id}.lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::io("create", &lock_path, e))?;
        if lock.try_lock().is_err() {
            return Err(StoreError::Conflict(format!(
                "snapshot {snapshot_id} is already being captured by another run: wait for it to finish"
            )));
        }
        let dir = staging.join(snapshot_id);
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| StoreError::io("remove", &dir, e))?;
        }
        fs::create_dir(&dir).map_err(|e| StoreError::io("create", &dir, e))?;
        Ok(Staging {
            dir,
            lock_path,
            lock: Some(lock),
            channel_id,
            snapshot_id: snapshot_id.to_string(),
        })
    }

    /// Throws a staging folder away.
    pub fn discard(&self, mut staging: Staging) -> Result<()> {
        let r = fs::remove_dir_all(&staging.dir);
        staging.release();
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io("remove", &staging.dir, e)),
        }
    }

    /// Verifies and commits a snapshot: every recorded file must exist in the
    /// staging folder with its recorded size and SHA-256, and no other file
    /// may be there. Writes `snapshot.json`, fsyncs, renames the folder to
    /// its final place, then records it in the database. If that last step
    /// fails, the folder is complete and self-describing and
    /// `ogonblick reindex` records it.
    pub fn commit_snapshot(&self, mut staging: Staging, snapshot: Snapshot) -> Result<()> {
        if snapshot.id != staging.snapshot_id || snapshot.channel_id != staging.channel_id {
            return Err(StoreError::Invalid(format!(
                "the snapshot (id {}, channel {}) does not belong to this staging folder (id {}, channel {})",
                snapshot.id, snapshot.channel_id, staging.snapshot_id, staging.channel_id
            )));
        }
        check_snapshot_consistency(&snapshot)?;
        let mut recorded: Vec<&FileRecord> = Vec::new();
        for p in &snapshot.pages {
            for f in &p.files {
                check_relative_path(&f.path)?;
                if recorded.iter().any(|r| r.path == f.path) {
                    return Err(StoreError::Integrity(format!(
                        "the file {} is recorded twice",
                        f.path
                    )));
                }
                recorded.push(f);
            }
        }
        for f in &recorded {
            let path = staging.dir.join(&f.path);
            if !path.is_file() {
                return Err(StoreError::Integrity(format!(
                    "the recorded file {} is not in the staging folder {}",
                    f.path,
                    staging.dir.display()
                )));
            }
            let (sha, size) = sha256_file(&path)?;
            if size != f.size || !sha.eq_ignore_ascii_case(&f.sha256) {
                return Err(StoreError::Integrity(format!(
                    "the file {} has size {size} and SHA-256 {sha}, but its record says size {} and SHA-256 {}",
                    f.path, f.size, f.sha256
                )));
            }
        }
        let on_disk = fsutil::list_files(&staging.dir)?;
        let extra: Vec<&String> = on_disk
            .iter()
            .filter(|p| !recorded.iter().any(|r| &r.path == *p))
            .collect();
        if !extra.is_empty() {
            return Err(StoreError::Integrity(format!(
                "the staging folder holds files without a record: {}",
                extra
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let channel = self.channel(snapshot.channel_id)?;
        let manifest = SnapshotManifest {
            format: SnapshotManifest::FORMAT.to_string(),
            snapshot: snapshot.clone(),
            channel,
        };
        write_json_atomic(&staging.dir.join(SnapshotManifest::FILE_NAME), &manifest)?;
        sync_tree(&staging.dir)?;
        let final_dir = self.snapshot_dir(snapshot.channel_id, &snapshot.id);
        let parent = final_dir
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        fs::create_dir_all(&parent).map_err(|e| StoreError::io("create", &parent, e))?;
        if final_dir.exists() {
            return Err(StoreError::Conflict(format!(
                "the snapshot folder {} already exists: use a new snapshot id",
                final_dir.display()
            )));
        }
        fs::rename(&staging.dir, &final_dir)
            .map_err(|e| StoreError::io("move the snapshot into", &final_dir, e))?;
        sync_dir(&parent)?;
        if let Some(ch) = parent.parent() {
            sync_dir(ch)?;
        }
        sync_dir(&self.data_dir.join("staging"))?;

        // The staging lock is held until the row is in, so that another
        // program's open (which records complete folders without a row)
        // leaves this one to us. A busy register is waited for, not given up.
        let folder = self.relative(&final_dir);
        let record = retry_busy(|| {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            insert_snapshot_row(&tx, &snapshot, &folder)?;
            self.audit_in(
                &tx,
                self.clock.now(),
                &snapshot.operator,
                Some(snapshot.channel_id),
                AuditEvent::SnapshotStored {
                    snapshot_id: snapshot.id.clone(),
                    status: snapshot.status,
                    reason: snapshot.reason,
                    pages: snapshot.pages.len() as u32,
                },
            )?;
            tx.commit()?;
            Ok::<(), StoreError>(())
        });
        staging.release();
        record.map_err(|e| match e {
            StoreError::Busy => StoreError::Conflict(format!(
                "the register stayed busy for {} minutes (another Ögonblick program is writing to it); the snapshot folder {folder} is stored and complete, and the next start of Ögonblick records it (or run `ogonblick reindex`)",
                BUSY_RETRY_FOR.as_secs() / 60
            )),
            StoreError::Conflict(m) => StoreError::Conflict(format!(
                "{m} (the snapshot folder {folder} is stored and complete; run `ogonblick reindex` to record it)"
            )),
            // A full disk or an unwritable database is the machine's
            // problem, not Ögonblick's: say what to do (exit 1, not 2).
            StoreError::DiskFull(what) => StoreError::DiskFull(format!(
                "{what} (the snapshot folder {folder} is stored and complete: once there is room, the next start of Ögonblick records it, or run `ogonblick reindex`)"
            )),
            StoreError::Io { action, path, source } => StoreError::Io {
                action,
                path,
                source: std::io::Error::new(
                    source.kind(),
                    format!(
                        "{source}; the snapshot folder {folder} is stored and complete: once there is room, run `ogonblick reindex` to record it"
                    ),
                ),
            },
            other => StoreError::Integrity(format!(
                "the snapshot folder {folder} is stored and complete, but the register could not record it ({other}): run `ogonblick reindex`"
            )),
        })
    }

    /// The audit entry of a snapshot folder that the open found without its
    /// row and recorded; the same words as [`Store::commit_snapshot`]'s.
    pub(crate) fn audit_snapshot_stored(&self, tx: &Transaction<'_>, s: &Snapshot) -> Result<()> {
        self.audit_in(
            tx,
            self.clock.now(),
            &s.operator,
            Some(s.channel_id),
            AuditEvent::SnapshotStored {
                snapshot_id: s.id.clone(),
                status: s.status,
                reason: s.reason,
                pages: s.pages.len() as u32,
            },
        )?;
        Ok(())
    }

    fn relative(&self, p: &Path) -> String {
        let rel = p.strip_prefix(&self.data_dir).unwrap_or(p);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Snapshots, oldest first; only one channel's when given.
    pub fn snapshots(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT manifest FROM snapshots WHERE ?1 IS NULL OR channel_id = ?1 ORDER BY started_at, id",
        )?;
        let rows = stmt.query_map([channel], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for json in rows {
            out.push(serde_json::from_str::<Snapshot>(&json?)?);
        }
        Ok(out)
    }

    /// One snapshot and its folder.
    pub fn snapshot(&self, id: &str) -> Result<(Snapshot, PathBuf)> {
        let conn = self.conn();
        let row: Option<(String, String)> = conn
            .query_row(
                "SELECT manifest, folder FROM snapshots WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (json, folder) = row.ok_or_else(|| {
            StoreError::NotFound(format!(
                "no snapshot has id {id}: run `ogonblick history` to see the snapshots"
            ))
        })?;
        let mut path = self.data_dir.clone();
        for part in folder.split('/') {
            path.push(part);
        }
        Ok((serde_json::from_str(&json)?, path))
    }

    // -----------------------------------------------------------------
    // Reindex
    // -----------------------------------------------------------------

    /// Rebuilds the database from the files (channel.json, snapshot.json,
    /// audit.jsonl, settings.json) and swaps it in atomically. Run it while
    /// no other Ögonblick program uses the data directory.
    pub fn reindex(&self) -> Result<ReindexReport> {
        // First the files get everything the database holds that a killed
        // process did not write yet (an import's channel entries).
        self.restore_channel_files()?;
        let report = Store::build_index(&self.data_dir)?;
        let mut guard = self.conn();
        let old = std::mem::replace(&mut *guard, Connection::open_in_memory()?);
        let _ = old.close();
        let result = Store::swap_in_index(&self.data_dir);
        // Reopen whatever is there now, even when the swap failed.
        let mut conn = open_connection(&self.data_dir.join(DB_FILE_NAME), true)?;
        migrations::migrate(&mut conn)?;
        *guard = conn;
        result.map(|_| report)
    }

    /// Rebuilds the database of `data_dir` without opening the old one (for
    /// a database too damaged to open). Then [`Store::open`] it.
    pub fn rebuild(data_dir: &Path) -> Result<ReindexReport> {
        let report = Store::build_index(data_dir)?;
        Store::swap_in_index(data_dir)?;
        Ok(report)
    }

    fn swap_in_index(data_dir: &Path) -> Result<()> {
        let db = data_dir.join(DB_FILE_NAME);
        for suffix in ["-wal", "-shm", "-journal"] {
            let p = data_dir.join(format!("{DB_FILE_NAME}{suffix}"));
            match fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::io("remove", &p, e)),
            }
        }
        let tmp = data_dir.join(REINDEX_TMP);
        fs::rename(&tmp, &db)
            .map_err(|e| StoreError::io("move the rebuilt database to", &db, e))?;
        sync_dir(data_dir)
    }

    fn build_index(data_dir: &Path) -> Result<ReindexReport> {
        let tmp = data_dir.join(REINDEX_TMP);
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = fs::remove_file(data_dir.join(format!("{REINDEX_TMP}{suffix}")));
        }
        let mut report = ReindexReport::default();
        {
            let mut conn = open_connection(&tmp, false)?;
            migrations::migrate(&mut conn)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            restore_settings(&tx, data_dir, &mut report)?;
            restore_channels(&tx, data_dir, &mut report)?;
            restore_audit(&tx, data_dir, &mut report)?;
            tx.commit()?;
            conn.close().map_err(|(_, e)| StoreError::from(e))?;
        }
        let f = File::open(&tmp).map_err(|e| StoreError::io("open", &tmp, e))?;
        f.sync_all().map_err(|e| StoreError::io("sync", &tmp, e))?;
        Ok(report)
    }
}

// ---------------------------------------------------------------------
// Row helpers
// ---------------------------------------------------------------------

pub(crate) fn channel_from_new(
    id: ChannelId,
    n: &NewChannel,
    status: ChannelStatus,
    now: Timestamp,
) -> Channel {
    Channel {
        id,
        name: n.name.clone(),
        platform: n.platform.unwrap_or(Platform::Other),
        urls: n.urls.clone(),
        board: n.board.clone(),
        unit: n.unit.clone(),
        responsible: n.responsible.clone(),
        substitute: n.substitute.clone(),
        purpose: n.purpose.clone(),
        audience: n.audience.clone(),
        policy: n.policy,
        status,
        created_at: now,
        closing_started_at: (status != ChannelStatus::Active).then_some(now),
        closed_at: (status == ChannelStatus::Closed).then_some(now),
        notes: n.notes.clone(),
    }
}

fn changed_fields(a: &Channel, b: &Channel) -> Vec<ChannelField> {
    let mut out = Vec::new();
    macro_rules! cmp {
        ($($f:ident = $v:ident),*) => { $( if a.$f != b.$f { out.push(ChannelField::$v); } )* };
    }
    cmp!(
        name = Name,
        platform = Platform,
        urls = Urls,
        board = Board,
        unit = Unit,
        responsible = Responsible,
        substitute = Substitute,
        purpose = Purpose,
        audience = Audience,
        policy = Policy,
        notes = Notes
    );
    out
}

pub(crate) fn next_channel_id(conn: &Connection, data_dir: &Path) -> Result<ChannelId> {
    let max_db: i64 =
        conn.query_row("SELECT ifnull(max(id), 0) FROM channels", [], |r| r.get(0))?;
    // Never reuse the id of a channel folder or set entry on disk that the
    // database does not know (a database lost without reindex).
    let mut max_dir = crate::import::import_folder(data_dir).max_id();
    if let Ok(entries) = fs::read_dir(data_dir.join("channels")) {
        for e in entries.flatten() {
            if let Some(n) = e.file_name().to_str().and_then(|s| s.parse::<i64>().ok()) {
                max_dir = max_dir.max(n);
            }
        }
    }
    Ok(max_db.max(max_dir) + 1)
}

fn ensure_board(conn: &Connection, name: &str) -> Result<i64> {
    conn.prepare_cached("INSERT OR IGNORE INTO boards (name) VALUES (?1)")?
        .execute([name])?;
    Ok(conn
        .prepare_cached("SELECT id FROM boards WHERE name = ?1")?
        .query_row([name], |r| r.get(0))?)
}

fn ensure_unit(conn: &Connection, board_id: Option<i64>, name: &str) -> Result<i64> {
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM units WHERE ifnull(board_id, 0) = ifnull(?1, 0) AND name = ?2",
        )?
        .query_row(params![board_id, name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO units (board_id, name) VALUES (?1, ?2)",
        params![board_id, name],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn insert_channel_row(
    conn: &Connection,
    c: &Channel,
    lenient_urls: bool,
) -> Result<Vec<String>> {
    let (board_id, unit_id) = org_ids(conn, c)?;
    conn.prepare_cached(
        "INSERT INTO channels (id, name, platform, board_id, unit_id, responsible, substitute, purpose,
            audience, policy, status, created_at, closing_started_at, closed_at, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
            c.id,
            c.name,
            c.platform.as_str(),
            board_id,
            unit_id,
            c.responsible,
            c.substitute,
            c.purpose,
            c.audience,
            c.policy.map(SchedulePolicy::as_str),
            c.status.as_str(),
            ts(&c.created_at),
            c.closing_started_at.as_ref().map(ts),
            c.closed_at.as_ref().map(ts),
            c.notes,
        ],
    )?;
    insert_urls(conn, c, lenient_urls)
}

fn org_ids(conn: &Connection, c: &Channel) -> Result<(Option<i64>, Option<i64>)> {
    let board_id = match &c.board {
        Some(b) => Some(ensure_board(conn, b)?),
        None => None,
    };
    let unit_id = match &c.unit {
        Some(u) => Some(ensure_unit(conn, board_id, u)?),
        None => None,
    };
    Ok((board_id, unit_id))
}

/// Inserts the addresses; with `lenient`, an address already owned by
/// another channel is skipped and returned instead of failing.
fn insert_urls(conn: &Connection, c: &Channel, lenient: bool) -> Result<Vec<String>> {
    let mut skipped = Vec::new();
    for (i, u) in c.urls.iter().enumerate() {
        let key = normalise_url(u).unwrap_or_else(|| u.trim().to_string());
        let sql = if lenient {
            "INSERT OR IGNORE INTO channel_urls (channel_id, position, url, normalised) VALUES (?1, ?2, ?3, ?4)"
        } else {
            "INSERT INTO channel_urls (channel_id, position, url, normalised) VALUES (?1, ?2, ?3, ?4)"
        };
        let n = conn
            .prepare_cached(sql)?
            .execute(params![c.id, i as i64, u, key])?;
        if n == 0 {
            skipped.push(u.clone());
        }
    }
    Ok(skipped)
}

fn update_channel_row(conn: &Connection, c: &Channel) -> Result<()> {
    let (board_id, unit_id) = org_ids(conn, c)?;
    conn.execute(
        "UPDATE channels SET name = ?2, platform = ?3, board_id = ?4, unit_id = ?5, responsible = ?6,
            substitute = ?7, purpose = ?8, audience = ?9, policy = ?10, status = ?11,
            closing_started_at = ?12, closed_at = ?13, notes = ?14
         WHERE id = ?1",
        params![
            c.id,
            c.name,
            c.platform.as_str(),
            board_id,
            unit_id,
            c.responsible,
            c.substitute,
            c.purpose,
            c.audience,
            c.policy.map(SchedulePolicy::as_str),
            c.status.as_str(),
            c.closing_started_at.as_ref().map(ts),
            c.closed_at.as_ref().map(ts),
            c.notes,
        ],
    )?;
    conn.execute("DELETE FROM channel_urls WHERE channel_id = ?1", [c.id])?;
    insert_urls(conn, c, false)?;
    Ok(())
}

fn url_owner(
    conn: &Connection,
    key: &str,
    except: Option<ChannelId>,
) -> Result<Option<(ChannelId, String)>> {
    Ok(conn
        .query_row(
            "SELECT c.id, c.name FROM channel_urls u JOIN channels c ON c.id = u.channel_id
             WHERE u.normalised = ?1 AND (?2 IS NULL OR u.channel_id != ?2)",
            params![key, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn check_url_conflicts(
    conn: &Connection,
    except: Option<ChannelId>,
    urls: &[String],
) -> Result<()> {
    let mut msgs = Vec::new();
    for u in urls {
        let Some(key) = normalise_url(u) else {
            continue;
        };
        if let Some((id, name)) = url_owner(conn, &key, except)? {
            msgs.push(format!(
                "the address '{u}' is already registered on channel {id} ('{name}'): each address belongs to one channel, so edit that channel or give another address"
            ));
        }
    }
    if msgs.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Conflict(msgs.join("; ")))
    }
}

pub(crate) fn load_channels(conn: &Connection) -> Result<Vec<Channel>> {
    load_channels_where(conn, None)
}

fn load_channel(conn: &Connection, id: ChannelId) -> Result<Option<Channel>> {
    Ok(load_channels_where(conn, Some(id))?.into_iter().next())
}

fn load_channels_where(conn: &Connection, id: Option<ChannelId>) -> Result<Vec<Channel>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.platform, b.name, u.name, c.responsible, c.substitute, c.purpose,
                c.audience, c.policy, c.status, c.created_at, c.closing_started_at, c.closed_at, c.notes
         FROM channels c LEFT JOIN boards b ON b.id = c.board_id LEFT JOIN units u ON u.id = c.unit_id
         WHERE ?1 IS NULL OR c.id = ?1 ORDER BY c.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        let opt_ts = |s: Option<String>| s.map(|s| parse_ts(&s)).transpose();
        Ok(Channel {
            id: r.get(0)?,
            name: r.get(1)?,
            platform: parse_word(&r.get::<_, String>(2)?)?,
            urls: Vec::new(),
            board: r.get(3)?,
            unit: r.get(4)?,
            responsible: r.get(5)?,
            substitute: r.get(6)?,
            purpose: r.get(7)?,
            audience: r.get(8)?,
            policy: r
                .get::<_, Option<String>>(9)?
                .map(|s| parse_word(&s))
                .transpose()?,
            status: parse_word(&r.get::<_, String>(10)?)?,
            created_at: parse_ts(&r.get::<_, String>(11)?)?,
            closing_started_at: opt_ts(r.get(12)?)?,
            closed_at: opt_ts(r.get(13)?)?,
            notes: r.get(14)?,
        })
    })?;
    let mut channels = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut ustmt = conn.prepare_cached(
        "SELECT channel_id, url FROM channel_urls WHERE ?1 IS NULL OR channel_id = ?1 ORDER BY channel_id, position",
    )?;
    let mut by_channel: HashMap<ChannelId, Vec<String>> = HashMap::new();
    for row in ustmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (cid, url) = row?;
        by_channel.entry(cid).or_default().push(url);
    }
    for c in &mut channels {
        c.urls = by_channel.remove(&c.id).unwrap_or_default();
    }
    Ok(channels)
}

fn load_settings(conn: &Connection) -> Result<BTreeMap<String, serde_json::Value>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (k, v) = row?;
        out.insert(k, serde_json::from_str(&v)?);
    }
    Ok(out)
}

pub(crate) fn insert_snapshot_row(conn: &Connection, s: &Snapshot, folder: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO snapshots (id, channel_id, reason, status, started_at, finished_at, operator, folder, manifest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            s.id,
            s.channel_id,
            s.reason.as_str(),
            s.status.as_str(),
            ts(&s.started_at),
            ts(&s.finished_at),
            s.operator,
            folder,
            serde_json::to_string(s)?,
        ],
    )?;
    Ok(())
}

fn check_snapshot_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "'{id}' cannot be a snapshot id: use letters, digits, '-', '_' and '.' only"
        )))
    }
}

fn check_relative_path(p: &str) -> Result<()> {
    let bad = p.is_empty()
        || p.starts_with('/')
        || p.contains('\\')
        || p.contains(':')
        || p.split('/').any(|c| c.is_empty() || c == "." || c == "..")
        || p == SnapshotManifest::FILE_NAME;
    if bad {
        Err(StoreError::Integrity(format!(
            "the file path '{p}' is not a plain relative path inside the snapshot folder"
        )))
    } else {
        Ok(())
    }
}

fn check_snapshot_consistency(s: &Snapshot) -> Result<()> {
    let files: usize = s.pages.iter().map(|p| p.files.len()).sum();
    let all_ok = !s.pages.is_empty() && s.pages.iter().all(|p| p.ok);
    let problem = match s.status {
        SnapshotStatus::Complete if !all_ok => {
            Some("a complete snapshot needs every page captured")
        }
        SnapshotStatus::Complete if s.pages.iter().any(|p| p.files.is_empty()) => {
            Some("a complete snapshot needs files for every page")
        }
        SnapshotStatus::Failed if files > 0 => Some("a failed snapshot holds no files"),
        SnapshotStatus::Failed if s.pages.iter().any(|p| p.ok) => {
            Some("a failed snapshot has no captured page; call it partial")
        }
        _ => None,
    };
    match problem {
        Some(m) => Err(StoreError::Invalid(format!("snapshot {}: {m}", s.id))),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------
// Rebuild from files
// ---------------------------------------------------------------------

fn restore_settings(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let path = data_dir.join(SETTINGS_FILE);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io("read", &path, e)),
    };
    match serde_json::from_slice::<BTreeMap<String, serde_json::Value>>(&bytes) {
        Ok(map) => {
            for (k, v) in map {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                    params![k, serde_json::to_string(&v)?],
                )?;
            }
        }
        Err(e) => report.warnings.push(format!(
            "{} is unreadable ({e}); the settings are back to defaults",
            path.display()
        )),
    }
    Ok(())
}

pub(crate) fn read_manifest(path: &Path) -> std::result::Result<SnapshotManifest, String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    let m: SnapshotManifest = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if m.format != SnapshotManifest::FORMAT {
        return Err(format!("unknown format '{}'", m.format));
    }
    Ok(m)
}

fn restore_channels(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let root = data_dir.join("channels");
    let (mut sets, unreadable) = crate::import::read_channel_sets(data_dir);
    report.warnings.extend(unreadable);
    let mut ids: Vec<(ChannelId, PathBuf)> = Vec::new();
    if let Ok(entries) = fs::read_dir(&root) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            match name.parse::<ChannelId>() {
                Ok(id) if e.path().is_dir() => ids.push((id, e.path())),
                _ => report.warnings.push(format!(
                    "{} is not a channel folder; skipped",
                    e.path().display()
                )),
            }
        }
    }
    // Channels imported in a set and never changed since have no folder.
    for id in sets.keys() {
        if !ids.iter().any(|(i, _)| i == id) {
            ids.push((*id, root.join(id.to_string())));
        }
    }
    ids.sort();
    for (id, dir) in ids {
        // Snapshots first: their manifests also carry the channel entry.
        let mut manifests: Vec<(PathBuf, SnapshotManifest)> = Vec::new();
        let sdir = dir.join("snapshots");
        if let Ok(entries) = fs::read_dir(&sdir) {
            for e in entries.flatten() {
                let folder = e.path();
                if !folder.is_dir() {
                    continue;
                }
                let mpath = folder.join(SnapshotManifest::FILE_NAME);
                match read_manifest(&mpath) {
                    Ok(m) => {
                        let name = e.file_name().to_string_lossy().into_owned();
                        if m.snapshot.id != name || m.snapshot.channel_id != id {
                            report.warnings.push(format!(
                                "{} describes snapshot {} of channel {}, not this folder; skipped",
                                mpath.display(),
                                m.snapshot.id,
                                m.snapshot.channel_id
                            ));
                            continue;
                        }
                        let missing =
                            m.snapshot
                                .pages
                                .iter()
                                .flat_map(|p| &p.files)
                                .find_map(|f| {
                                    let p = f
                                        .path
                                        .split('/')
                                        .fold(folder.clone(), |acc, c| acc.join(c));
                                    match fs::metadata(&p) {
                                        Ok(md) if md.is_file() && md.len() == f.size => None,
                                        _ => Some(f.path.clone()),
                                    }
                                });
                        if let Some(f) = missing {
                            report.warnings.push(format!(
                                "snapshot folder {} lacks the file {f} (or its size differs); not recorded, so no record points at a missing file",
                                folder.display()
                            ));
                            continue;
                        }
                        manifests.push((folder, m));
                    }
                    Err(err) => report.warnings.push(format!(
                        "{} is missing or unreadable ({err}); that folder was not recorded",
                        mpath.display()
                    )),
                }
            }
        }
        manifests.sort_by(|a, b| {
            (a.1.snapshot.started_at, &a.1.snapshot.id)
                .cmp(&(b.1.snapshot.started_at, &b.1.snapshot.id))
        });
        let cpath = dir.join(CHANNEL_FILE);
        let from_set = sets.remove(&id);
        let read = match (fs::read(&cpath), from_set) {
            // Its own file is newer than the set it was imported in.
            (Err(e), Some(c)) if e.kind() == std::io::ErrorKind::NotFound => Ok(c),
            (r, _) => r
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice::<Channel>(&b).map_err(|e| e.to_string())),
        };
        let channel = match read {
            Ok(c) if c.id == id => Some(c),
            Ok(c) => {
                report.warnings.push(format!(
                    "{} holds channel {} instead of {id}",
                    cpath.display(),
                    c.id
                ));
                None
            }
            Err(e) => {
                report.warnings.push(format!(
                    "{} is missing or unreadable ({e})",
                    cpath.display()
                ));
                None
            }
        };
        let channel = match channel {
            Some(c) => c,
            None => match manifests.last() {
                Some((_, m)) => {
                    report.warnings.push(format!(
                        "channel {id} was restored from its newest snapshot's entry; changes made after that snapshot are lost"
                    ));
                    m.channel.clone()
                }
                None => {
                    report.warnings.push(format!(
                        "channel {id} could not be restored and was skipped"
                    ));
                    continue;
                }
            },
        };
        let skipped = insert_channel_row(tx, &channel, true)?;
        for u in skipped {
            report.warnings.push(format!(
                "the address '{u}' of channel {id} is also on another channel; it was kept there only"
            ));
        }
        report.channels += 1;
        for (folder, m) in manifests {
            let rel = folder.strip_prefix(data_dir).unwrap_or(&folder);
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            insert_snapshot_row(tx, &m.snapshot, &rel)?;
            report.snapshots += 1;
        }
    }
    Ok(())
}

fn restore_audit(tx: &Transaction<'_>, data_dir: &Path, report: &mut ReindexReport) -> Result<()> {
    let path = data_dir.join(AUDIT_FILE);
    let text = match fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io("read", &path, e)),
    };
    // A line whose commit failed may be followed by another with the same
    // seq: the later one is the real entry.
    let mut entries: BTreeMap<i64, AuditEntry> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<AuditEntry>(line) {
            Ok(e) => {
                entries.insert(e.seq, e);
            }
            Err(err) => report.warnings.push(format!(
                "{} line {} is unreadable ({err}); skipped",
                path.display(),
                i + 1
            )),
        }
    }
    for e in entries.into_values() {
        // An entry read as Legacy keeps no event, so it is read again (by a
        // later version, perhaps better) from its detail.
        let event = match &e.event {
            AuditEvent::Legacy { .. } => None,
            typed => Some(typed.to_stored_json()),
        };
        tx.execute(
            "INSERT INTO audit_log (seq, at, actor, action, channel_id, detail, event) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![e.seq, ts(&e.at), e.actor, e.action, e.channel_id, e.detail, event],
        )?;
        report.audit_entries += 1;
    }
    Ok(())
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Store>();
}
