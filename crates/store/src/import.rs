//! The register import: all rows or none, even when the process is killed,
//! and fast enough for 100,000 rows.
//!
//! 1. Every row is parsed and checked in memory first (`register_csv.rs`).
//! 2. One short IMMEDIATE transaction checks the addresses against the
//!    register (one read of all of them), allocates the ids, inserts the rows
//!    and their audit entries (the audit mirror gets them in one write), adds
//!    the boards and units the rows name to the organisation's list (the
//!    app says how; `Store::import_register_with`) and, before the commit,
//!    takes an OS lock on `imports/<first>-<last>.lock`.
//!    The commit is the decision.
//! 3. Then the channel entries are written as one file,
//!    `imports/<first>-<last>.json` (a temporary name, fsync, rename): the
//!    files hold all of the import or none of it. One file instead of one
//!    `channels/<id>/channel.json` per channel, because creating 100,000
//!    files costs minutes on a busy disk; a channel's own `channel.json`,
//!    written at its first change, takes precedence over its entry here.
//! 4. The lock goes.
//!
//! What a kill leaves: before the commit, nothing (an unheld lock file and a
//! temporary file are removed at the next open). After it, the rows; if the
//! file is not in place yet, the next open writes the entries of every
//! channel row that no file describes from the database (`recover.rs`), and
//! `reindex` does the same first when the database still opens.

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelId, ChannelStatus, NewChannel, OrgUnits, Timestamp,
};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::fsutil::{append_line, write_json_atomic, LockFile};
use crate::store::{
    channel_from_new, insert_channel_row, load_channels, next_channel_id, stored_org_units, ts,
    AUDIT_FILE,
};
use crate::validate::normalise_url;
use crate::{Result, RowError, Store, StoreError};

/// The folder of the channel entries written in sets (imports, restores).
pub(crate) const IMPORTS_DIR: &str = "imports";
const LOCK: &str = ".lock";

/// What an import adds to the organisation's list: given the list, every
/// channel when the list is empty (none otherwise) and the imported ones,
/// it returns the audit events of what it added.
pub type OrgTakeIn<'a> = &'a dyn Fn(&mut OrgUnits, &[Channel], &[Channel]) -> Vec<AuditEvent>;

/// One checked row of an import ([`crate::Register::import_channels`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// The row number as a spreadsheet shows it.
    pub row: u64,
    pub channel: NewChannel,
    pub status: ChannelStatus,
}

/// An import as a backend adds it ([`crate::Register::import_channels`]):
/// checked rows, all or none.
#[derive(Clone, Copy)]
pub struct Import<'a> {
    pub rows: &'a [ImportRow],
    /// Who imports, for the audit log.
    pub actor: &'a str,
    /// The file's name, for the audit entries.
    pub source: &'a str,
    /// What the organisation's list takes in, in the import's transaction.
    pub org: Option<OrgTakeIn<'a>>,
}

/// Audit entries to write: (channel, event).
pub(crate) type AuditItems = Vec<(Option<ChannelId>, AuditEvent)>;

impl Import<'_> {
    /// The channels the rows become, with the ids `first..` in order, and
    /// their audit entries.
    pub(crate) fn channels(&self, first: ChannelId, now: Timestamp) -> (Vec<Channel>, AuditItems) {
        let channels: Vec<Channel> = self
            .rows
            .iter()
            .zip(first..)
            .map(|(r, id)| channel_from_new(id, &r.channel, r.status, now))
            .collect();
        let audit = channels
            .iter()
            .map(|c| {
                let event = AuditEvent::ChannelImported {
                    name: c.name.clone(),
                    source: self.source.to_string(),
                };
                (Some(c.id), event)
            })
            .collect();
        (channels, audit)
    }

    /// What the organisation's list `list` (as stored) takes in of the
    /// imported `channels`: the audit events of what it added (none: the
    /// list is not to be written). `all` reads every channel, the imported
    /// ones included; it is called only for a list still empty (the first
    /// list takes them all in).
    pub(crate) fn org_events(
        &self,
        list: &mut OrgUnits,
        all: impl FnOnce() -> Result<Vec<Channel>>,
        channels: &[Channel],
    ) -> Result<Vec<AuditEvent>> {
        let Some(org) = self.org else {
            return Ok(Vec::new());
        };
        let all = if list.boards.is_empty() {
            all()?
        } else {
            Vec::new()
        };
        Ok(org(list, &all, channels))
    }
}

/// Every registered address (normalised) with its channel's id and name,
/// on both backends.
pub(crate) const URL_OWNERS: &str =
    "SELECT u.normalised, c.id, c.name FROM channel_urls u JOIN channels c ON c.id = u.channel_id";

/// The address owners a register holds (normalised address → channel id and name).
pub type UrlOwners = HashMap<String, (ChannelId, String)>;

/// [`URL_OWNERS`] on SQLite.
pub(crate) fn url_owners(conn: &Connection) -> Result<UrlOwners> {
    let mut stmt = conn.prepare(URL_OWNERS)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The errors of rows whose addresses the register already holds.
pub(crate) fn register_conflicts(rows: &[ImportRow], owners: &UrlOwners) -> Vec<RowError> {
    let mut out = Vec::new();
    for r in rows {
        let messages: Vec<Message> = r
            .channel
            .urls
            .iter()
            .filter_map(|u| {
                let (id, name) = owners.get(&normalise_url(u)?)?;
                Some(Message::CsvAddressRegistered {
                    url: u.clone(),
                    id: *id,
                    name: name.clone(),
                })
            })
            .collect();
        if !messages.is_empty() {
            out.push(RowError {
                row: r.row,
                messages,
            });
        }
    }
    out
}

impl Store {
    /// Adds checked rows all or none (see the module documentation).
    pub(crate) fn import_channels(&self, import: Import<'_>) -> Result<Vec<Channel>> {
        let rows = import.rows;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let now = self.clock().now();
        let imports = self.data_dir().join(IMPORTS_DIR);
        fs::create_dir_all(&imports).map_err(|e| StoreError::io(IoAction::Create, &imports, e))?;
        let (name, channels, lock) = {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // The rows were checked against the register before; check again
            // under the write lock, in case another program added since.
            let conflicts = register_conflicts(rows, &url_owners(&tx)?);
            if !conflicts.is_empty() {
                return Err(StoreError::ImportRows(conflicts));
            }
            let first = next_channel_id(&tx, self.data_dir())?;
            let last = first + rows.len() as i64 - 1;
            let name = format!("{first}-{last}");
            let lock = LockFile::try_acquire(&imports.join(format!("{name}{LOCK}")))?.ok_or_else(
                || {
                    StoreError::Conflict(Message::StoreImportBusy {
                        channels: name.clone(),
                    })
                },
            )?;
            let (channels, mut audit) = import.channels(first, now);
            for c in &channels {
                insert_channel_row(&tx, c, false)?;
            }
            // The organisation's list takes in the import's boards and units
            // in this transaction: with the channels or not at all.
            if import.org.is_some() {
                let mut list = stored_org_units(&tx)?;
                let events = import.org_events(&mut list, || load_channels(&tx), &channels)?;
                if !events.is_empty() {
                    self.write_org_units_in(&tx, &list)?;
                    audit.extend(events.into_iter().map(|e| (None, e)));
                }
            }
            self.audit_batch_in(&tx, now, import.actor, &audit)?;
            tx.commit()?;
            (name, channels, lock)
        };
        write_channel_set(self.data_dir(), &name, &channels, lock).map_err(|e| {
            StoreError::Environment(Message::StoreImportEntriesLater {
                folder: self.data_dir().join(IMPORTS_DIR).display().to_string(),
                count: channels.len(),
                why: Box::new(e.message()),
            })
        })?;
        Ok(channels)
    }

    /// Audit entries of many changes in one transaction, as `audit_in` writes
    /// one, with one write of the mirror (written before the commit, like
    /// `audit_in`'s).
    fn audit_batch_in(
        &self,
        tx: &Transaction<'_>,
        at: ogonblick_model::Timestamp,
        actor: &str,
        items: &AuditItems,
    ) -> Result<()> {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail, event) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let at_text = ts(&at);
        let mut lines = Vec::with_capacity(items.len());
        for (channel_id, event) in items {
            let stored = event.to_stored_json();
            let entry = AuditEntry::new(0, at, actor, *channel_id, event.clone());
            stmt.execute(params![
                at_text,
                actor,
                entry.action,
                channel_id,
                entry.detail,
                stored
            ])?;
            let entry = AuditEntry {
                seq: tx.last_insert_rowid(),
                ..entry
            };
            lines.push(serde_json::to_string(&entry)?);
        }
        append_line(&self.data_dir().join(AUDIT_FILE), &lines.join("\n"))
    }
}

/// A set of channel entries written together: `imports/<first>-<last>.json`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ChannelSet {
    /// `ogonblick-channels/1`.
    pub format: String,
    pub channels: Vec<Channel>,
}

impl ChannelSet {
    pub const FORMAT: &'static str = "ogonblick-channels/1";
}

/// Writes `channels` as the set `imports/<name>.json`, atomically; `lock`
/// (held on `imports/<name>.lock`) is released at the end.
pub(crate) fn write_channel_set(
    data_dir: &Path,
    name: &str,
    channels: &[Channel],
    lock: LockFile,
) -> Result<()> {
    let set = ChannelSet {
        format: ChannelSet::FORMAT.to_string(),
        channels: channels.to_vec(),
    };
    write_json_atomic(
        &data_dir.join(IMPORTS_DIR).join(format!("{name}.json")),
        &set,
    )?;
    drop(lock);
    Ok(())
}

/// The id range a set's file name (`<first>-<last>.json`) covers.
fn set_range(file_name: &str) -> Option<(ChannelId, ChannelId)> {
    let (a, b) = file_name.strip_suffix(".json")?.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// What `imports/` holds.
pub(crate) struct ImportFolder {
    /// The id ranges of the sets written (`<first>-<last>.json`).
    pub sets: Vec<(ChannelId, ChannelId, PathBuf)>,
    /// The id ranges of imports a live process is working on.
    pub held: Vec<(ChannelId, ChannelId)>,
    /// Lock and temporary files that a killed process left.
    pub leftovers: Vec<PathBuf>,
}

impl ImportFolder {
    /// Whether a set file or a live import covers `id`.
    pub fn covers(&self, id: ChannelId) -> bool {
        self.sets.iter().any(|(a, b, _)| *a <= id && id <= *b)
            || self.held.iter().any(|(a, b)| *a <= id && id <= *b)
    }

    /// The highest id a set or a live import covers (0 when none).
    pub fn max_id(&self) -> ChannelId {
        self.sets
            .iter()
            .map(|s| s.1)
            .chain(self.held.iter().map(|h| h.1))
            .max()
            .unwrap_or(0)
    }
}

/// Looks at `imports/` (names only; no file is read).
pub(crate) fn import_folder(data_dir: &Path) -> ImportFolder {
    let imports = data_dir.join(IMPORTS_DIR);
    let mut out = ImportFolder {
        sets: Vec::new(),
        held: Vec::new(),
        leftovers: Vec::new(),
    };
    let Ok(entries) = fs::read_dir(&imports) else {
        return out;
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut held_names = Vec::new();
    for n in &names {
        if let Some(set) = n.strip_suffix(LOCK) {
            if LockFile::is_held(&imports.join(n)) {
                held_names.push(set.to_string());
                if let Some((a, b)) = set_range(&format!("{set}.json")) {
                    out.held.push((a, b));
                }
            } else {
                out.leftovers.push(imports.join(n));
            }
        } else if let Some((a, b)) = set_range(n) {
            out.sets.push((a, b, imports.join(n)));
        }
    }
    // A temporary file (`.<first>-<last>.json.tmp-…`) of a set nobody holds.
    for n in &names {
        if let Some(rest) = n.strip_prefix('.') {
            if let Some((target, _)) = rest.split_once(".tmp-") {
                let set = target.strip_suffix(".json").unwrap_or(target);
                if !held_names.iter().any(|h| h == set) {
                    out.leftovers.push(imports.join(n));
                }
            }
        }
    }
    out.sets.sort();
    out
}

/// Removes what killed imports left (their lock and temporary files) and
/// returns what `imports/` holds.
pub(crate) fn settle_imports(data_dir: &Path) -> Result<ImportFolder> {
    let mut found = import_folder(data_dir);
    for p in found.leftovers.drain(..) {
        match fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(IoAction::Remove, &p, e)),
        }
    }
    Ok(found)
}

/// Every channel entry of every set, the first set's where two name the same
/// id; with a sentence per unreadable set.
pub(crate) fn read_channel_sets(data_dir: &Path) -> (HashMap<ChannelId, Channel>, Vec<Message>) {
    let mut out = HashMap::new();
    let mut warnings = Vec::new();
    for (_, _, path) in import_folder(data_dir).sets {
        let set = fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice::<ChannelSet>(&b).map_err(|e| e.to_string()))
            .and_then(|s| {
                if s.format == ChannelSet::FORMAT {
                    Ok(s)
                } else {
                    Err(format!("format '{}'", s.format))
                }
            });
        match set {
            Ok(set) => {
                for c in set.channels {
                    out.entry(c.id).or_insert(c);
                }
            }
            Err(e) => warnings.push(Message::ReindexSetUnreadable {
                path: path.display().to_string(),
                detail: e,
            }),
        }
    }
    (out, warnings)
}
