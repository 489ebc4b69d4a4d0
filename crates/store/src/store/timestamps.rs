//! Trusted timestamps of snapshots: the manifest written at commit, the
//! stamping state (`timestamp.json` in the snapshot's folder, mirrored in the
//! `snapshot_timestamps` table), and tokens added to a committed snapshot
//! (each written atomically, then the state, then the row and its audit
//! entry in one transaction).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ogonblick_model::messages::IoAction;
use ogonblick_model::{
    AuditEvent, AuthorityStamp, FileRecord, Message, SnapshotTimestamp, Timestamp,
    TimestampSettings,
};
use ogonblick_timestamp::{render_manifest, token_file_name, ManifestLine, MANIFEST_FILE};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{retry_busy, Store};
use crate::fsutil::{write_atomic, write_atomic_existing, write_json_atomic_existing};
use crate::{Result, StoreError};
use ogonblick_model::fixity::sha256_file;

/// The folder of the trusted root certificates, in the data directory.
pub const TSA_CA_DIR: &str = "tsa-ca";

/// Writes `manifest-sha256.txt` into a snapshot's (staging) folder: every
/// recorded file (the pages' PNG, PDF/A and originals, the web archive).
/// `snapshot.json` is not in it: it is the register's description of the
/// snapshot, and a diary number set later rewrites it; the files it lists
/// are the captured content, and those never change. Returns its SHA-256.
pub(crate) fn write_manifest(dir: &Path, recorded: &[&FileRecord]) -> Result<String> {
    let lines: Vec<ManifestLine> = recorded
        .iter()
        .map(|f| ManifestLine {
            sha256: f.sha256.to_ascii_lowercase(),
            path: f.path.clone(),
        })
        .collect();
    let text = render_manifest(&lines).map_err(|e| {
        StoreError::Integrity(Message::ManifestLineBad {
            line: e.line as u64,
            problem: e.problem.name().to_string(),
        })
    })?;
    let path = dir.join(MANIFEST_FILE);
    write_atomic(&path, text.as_bytes())?;
    Ok(sha256_file(&path)
        .map_err(|e| StoreError::io(IoAction::Read, &path, e))?
        .0)
}

/// The stamping state of a new snapshot when authorities are configured.
pub(crate) fn new_state(
    settings: &TimestampSettings,
    snapshot_id: &str,
    manifest_sha256: &str,
) -> Option<SnapshotTimestamp> {
    (!settings.authorities.is_empty()).then(|| SnapshotTimestamp {
        format: SnapshotTimestamp::FORMAT.to_string(),
        snapshot_id: snapshot_id.to_string(),
        manifest_sha256: manifest_sha256.to_string(),
        authorities: settings
            .authorities
            .iter()
            .map(|url| AuthorityStamp {
                url: url.clone(),
                token: None,
                time: None,
                signer: None,
                last_error: None,
                attempts: 0,
            })
            .collect(),
    })
}

pub(crate) fn upsert_state_row(conn: &Connection, state: &SnapshotTimestamp) -> Result<()> {
    conn.execute(
        "INSERT INTO snapshot_timestamps (snapshot_id, pending, state) VALUES (?1, ?2, ?3)
         ON CONFLICT(snapshot_id) DO UPDATE SET pending = excluded.pending, state = excluded.state",
        params![
            state.snapshot_id,
            state.is_pending(),
            serde_json::to_string(state)?
        ],
    )?;
    Ok(())
}

/// A snapshot's state row, `None` when there is none.
fn state_row(conn: &Connection, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT state FROM snapshot_timestamps WHERE snapshot_id = ?1",
            [snapshot_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match json {
        Some(j) => Some(serde_json::from_str(&j)?),
        None => None,
    })
}

/// The stamping state a snapshot folder describes (`timestamp.json`), if any.
pub(crate) fn read_state(dir: &Path) -> Option<SnapshotTimestamp> {
    let bytes = fs::read(dir.join(SnapshotTimestamp::FILE_NAME)).ok()?;
    let s: SnapshotTimestamp = serde_json::from_slice(&bytes).ok()?;
    (s.format == SnapshotTimestamp::FORMAT).then_some(s)
}

/// Records a folder's stamping state in the register (reindex, recovery).
pub(crate) fn restore_state_row(conn: &Connection, dir: &Path, snapshot_id: &str) -> Result<()> {
    if let Some(s) = read_state(dir).filter(|s| s.snapshot_id == snapshot_id) {
        upsert_state_row(conn, &s)?;
    }
    Ok(())
}

impl Store {
    /// The folder of the trusted root certificates (`<data>/tsa-ca`).
    pub fn tsa_ca_dir(&self) -> PathBuf {
        self.data_dir.join(TSA_CA_DIR)
    }

    /// The stamping state of a snapshot; `None` when no authority was
    /// configured when it was stored (or an older version stored it).
    pub fn timestamp_state(&self, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>> {
        state_row(&self.conn(), snapshot_id)
    }

    /// Every snapshot's stamping state, by snapshot id.
    pub fn timestamp_states(&self) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT snapshot_id, state FROM snapshot_timestamps")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (id, json) = row?;
            out.insert(id, serde_json::from_str(&json)?);
        }
        Ok(out)
    }

    /// One channel's snapshots' stamping states, by snapshot id (read
    /// through the channel's index, never another channel's rows).
    pub fn timestamp_states_of_channel(
        &self,
        channel: ogonblick_model::ChannelId,
    ) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT t.snapshot_id, t.state FROM snapshots s
             JOIN snapshot_timestamps t ON t.snapshot_id = s.id WHERE s.channel_id = ?1",
        )?;
        let rows = stmt.query_map([channel], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (id, json) = row?;
            out.insert(id, serde_json::from_str(&json)?);
        }
        Ok(out)
    }

    /// The snapshots whose timestamp is pending, oldest first.
    pub fn pending_timestamps(&self) -> Result<Vec<String>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT t.snapshot_id FROM snapshot_timestamps t JOIN snapshots s ON s.id = t.snapshot_id
             WHERE t.pending = 1 ORDER BY s.started_at, s.id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Adds the token of authority `index` (0-based) to a committed
    /// snapshot: the reply is written atomically as
    /// `manifest-sha256.txt.<index+1>.tsr`, then `timestamp.json`, then the
    /// register row and an audit entry. The caller has verified the token.
    pub fn add_timestamp_token(
        &self,
        snapshot_id: &str,
        index: usize,
        reply: &[u8],
        time: Timestamp,
        signer: &str,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        let (snapshot, dir) = self.snapshot(snapshot_id)?;
        let token = Token {
            index,
            reply,
            time,
            signer,
        };
        add_token(self, snapshot.channel_id, snapshot_id, &dir, token, actor)
    }

    /// Records that authority `index` gave no token this time: the snapshot
    /// stays pending with `why`. Audited at the first failure of a run of
    /// failures (not at every retry).
    pub fn record_timestamp_failure(
        &self,
        snapshot_id: &str,
        index: usize,
        why: Message,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        let (snapshot, dir) = self.snapshot(snapshot_id)?;
        record_failure(
            self,
            snapshot.channel_id,
            snapshot_id,
            &dir,
            index,
            why,
            actor,
        )
    }
}

impl StampRows for Store {
    fn update_row<'a>(
        &self,
        snapshot_id: &str,
        change: &mut dyn FnMut(Option<SnapshotTimestamp>) -> Result<Changed<'a>>,
    ) -> Result<SnapshotTimestamp> {
        retry_busy(|| {
            let mut conn = self.conn();
            // IMMEDIATE: the write lock is taken before the state is read.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let (state, audit) = change(state_row(&tx, snapshot_id)?)?;
            upsert_state_row(&tx, &state)?;
            if let Some((actor, channel, event)) = audit {
                self.audit_in(&tx, self.clock.now(), actor, Some(channel), event)?;
            }
            tx.commit()?;
            Ok::<_, StoreError>(state)
        })
    }
}

/// An audit entry to write with a state's row: who, which channel, what.
pub(crate) type Audited<'a> = (&'a str, ogonblick_model::ChannelId, AuditEvent);

/// A state changed by [`StampRows::update_row`]'s caller, with the audit
/// entry to write with its row.
pub(crate) type Changed<'a> = (SnapshotTimestamp, Option<Audited<'a>>);

/// Where a register keeps the stamping states' rows (SQLite's table or
/// PostgreSQL's); the rules of a token and a failure are the same on both
/// ([`add_token`], [`record_failure`]).
pub(crate) trait StampRows {
    /// Changes a snapshot's state with it held: no other connection (nor,
    /// on PostgreSQL, another desktop) changes it between the read and the
    /// write. `change` gets the row's state (`None` when there is none),
    /// writes the folder's files and returns the new state and its audit
    /// entry, which are written in the same transaction; it may run again
    /// when the register was busy.
    fn update_row<'a>(
        &self,
        snapshot_id: &str,
        change: &mut dyn FnMut(Option<SnapshotTimestamp>) -> Result<Changed<'a>>,
    ) -> Result<SnapshotTimestamp>;
}

/// An authority's verified reply to add: the authority's index (0-based),
/// the token's bytes, its time and its signer.
pub(crate) struct Token<'a> {
    pub index: usize,
    pub reply: &'a [u8],
    pub time: Timestamp,
    pub signer: &'a str,
}

/// [`Store::add_timestamp_token`] on any register: with the state held
/// ([`StampRows::update_row`]), the token file in the snapshot's folder
/// `dir`, then `timestamp.json`, then the row and the audit entry.
pub(crate) fn add_token(
    rows: &impl StampRows,
    channel: ogonblick_model::ChannelId,
    snapshot_id: &str,
    dir: &Path,
    token: Token<'_>,
    actor: &str,
) -> Result<SnapshotTimestamp> {
    rows.update_row(snapshot_id, &mut |row| {
        let mut state = state_for_update(row, snapshot_id, dir)?;
        let name = token_file_name(token.index + 1);
        let entry = authority(&mut state, snapshot_id, token.index)?;
        write_atomic_existing(&dir.join(&name), token.reply)?;
        entry.token = Some(name.clone());
        entry.time = Some(token.time);
        entry.signer = Some(token.signer.to_string());
        entry.last_error = None;
        entry.attempts += 1;
        let event = AuditEvent::TimestampAdded {
            snapshot_id: snapshot_id.to_string(),
            authority: entry.url.clone(),
            token: name,
            time: token.time,
        };
        write_json_atomic_existing(&dir.join(SnapshotTimestamp::FILE_NAME), &state)?;
        Ok((state, Some((actor, channel, event))))
    })
}

/// [`Store::record_timestamp_failure`] on any register, with the state
/// held as [`add_token`] holds it.
pub(crate) fn record_failure(
    rows: &impl StampRows,
    channel: ogonblick_model::ChannelId,
    snapshot_id: &str,
    dir: &Path,
    index: usize,
    why: Message,
    actor: &str,
) -> Result<SnapshotTimestamp> {
    rows.update_row(snapshot_id, &mut |row| {
        let mut state = state_for_update(row, snapshot_id, dir)?;
        let entry = authority(&mut state, snapshot_id, index)?;
        let first = entry.last_error.is_none();
        entry.last_error = Some(why.clone());
        entry.attempts += 1;
        let event = first.then(|| AuditEvent::TimestampPending {
            snapshot_id: snapshot_id.to_string(),
            authority: entry.url.clone(),
            cause: why.render(ogonblick_model::Language::En),
            why: Some(why.clone()),
        });
        write_json_atomic_existing(&dir.join(SnapshotTimestamp::FILE_NAME), &state)?;
        Ok((state, event.map(|e| (actor, channel, e))))
    })
}

/// The state to change: the row's, else the folder's `timestamp.json`.
fn state_for_update(
    row: Option<SnapshotTimestamp>,
    snapshot_id: &str,
    dir: &Path,
) -> Result<SnapshotTimestamp> {
    match row.or_else(|| read_state(dir)) {
        Some(s) => Ok(s),
        None => Err(StoreError::NotFound(Message::StoreNotPending {
            id: snapshot_id.to_string(),
        })),
    }
}

fn authority<'a>(
    state: &'a mut SnapshotTimestamp,
    snapshot_id: &str,
    index: usize,
) -> Result<&'a mut AuthorityStamp> {
    state.authorities.get_mut(index).ok_or_else(|| {
        StoreError::Invalid(Message::StoreNoAuthority {
            id: snapshot_id.to_string(),
            n: index as u64 + 1,
        })
    })
}
