//! Personal-data / secrecy marks (h-pkg) of snapshots and removal records:
//! the current mark of each item in the register (`marks`), every change
//! appended to the mirror `marks.jsonl` before the commit (as the audit log
//! is), so `reindex` restores them by replaying the file. Snapshot folders
//! stay untouched: a committed snapshot is immutable.

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;
use std::fs;
use std::path::Path;

use ogonblick_model::{AuditEvent, Mark, MarkChange, MarkFlags, MarkedKind, Timestamp};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::{ReindexReport, Store};
use crate::fsutil::append_line;
use crate::{Result, StoreError};

impl Store {
    /// Sets (`Some`) or clears (`None`) the mark of a snapshot or removal
    /// record, with one audit entry. The item must exist; a mark needs
    /// personal data or a secrecy reference; clearing an unmarked item is
    /// refused (nothing to clear).
    pub fn set_mark(
        &self,
        kind: MarkedKind,
        item_id: &str,
        flags: Option<MarkFlags>,
        actor: &str,
    ) -> Result<Option<Mark>> {
        let channel = match kind {
            MarkedKind::Snapshot => self.snapshot(item_id)?.0.channel_id,
            MarkedKind::Removal => {
                let (v, _) = self.removal(item_id)?;
                v.last().map(|r| r.channel_id).unwrap_or_default()
            }
        };
        let now = self.clock.now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Checked under the write lock, so that two desktops clearing the
        // same mark at once clear (and audit) it once.
        let (mark, event) = mark_change(
            kind,
            item_id,
            flags.clone(),
            load_mark(&tx, item_id)?,
            now,
            actor,
        )?;
        match &mark {
            Some(m) => {
                tx.execute(
                    "INSERT OR REPLACE INTO marks (item_id, kind, mark) VALUES (?1, ?2, ?3)",
                    params![item_id, kind.as_str(), serde_json::to_string(m)?],
                )?;
            }
            None => {
                tx.execute("DELETE FROM marks WHERE item_id = ?1", [item_id])?;
            }
        }
        self.audit_in(&tx, now, actor, Some(channel), event)?;
        // The mirror before the commit: it may hold a change whose commit
        // then failed, but never misses one.
        append_line(
            &self.data_dir.join(MarkChange::FILE_NAME),
            &serde_json::to_string(&MarkChange {
                item_id: item_id.to_string(),
                kind,
                at: now,
                by: actor.to_string(),
                mark: flags,
            })?,
        )?;
        tx.commit()?;
        Ok(mark)
    }

    /// The mark of one item, if any.
    pub fn mark(&self, item_id: &str) -> Result<Option<Mark>> {
        load_mark(&self.conn(), item_id)
    }

    /// Every mark, by item id.
    pub fn marks(&self) -> Result<Vec<Mark>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT mark FROM marks ORDER BY item_id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for j in rows {
            out.push(serde_json::from_str(&j?)?);
        }
        Ok(out)
    }
}

fn load_mark(conn: &Connection, item_id: &str) -> Result<Option<Mark>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT mark FROM marks WHERE item_id = ?1",
            [item_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
}

/// A mark set (`Some`) or cleared (`None`) on an item whose mark is
/// `current`, and its audit event. Refused: a mark without personal data or
/// a secrecy reference, clearing an item without a mark.
pub(crate) fn mark_change(
    kind: MarkedKind,
    item_id: &str,
    flags: Option<MarkFlags>,
    current: Option<Mark>,
    now: Timestamp,
    actor: &str,
) -> Result<(Option<Mark>, AuditEvent)> {
    let event = match &flags {
        Some(f) if !f.is_valid() => return Err(StoreError::Invalid(Message::MarkNothing {})),
        Some(f) => AuditEvent::MarkSet {
            item_kind: kind,
            item_id: item_id.to_string(),
            personal_data: f.personal_data,
            secrecy: f.secrecy.clone(),
            note: f.note.clone(),
        },
        None if current.is_none() => {
            return Err(StoreError::NotFound(Message::MarkNoneToClear {
                id: item_id.to_string(),
            }))
        }
        None => AuditEvent::MarkCleared {
            item_kind: kind,
            item_id: item_id.to_string(),
        },
    };
    let mark = flags.map(|f| Mark {
        item_id: item_id.to_string(),
        kind,
        flags: f,
        set_at: now,
        set_by: actor.to_string(),
    });
    Ok((mark, event))
}

/// Replays `marks.jsonl` into the rebuilt register.
pub(super) fn restore_marks(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let path = data_dir.join(MarkChange::FILE_NAME);
    let text = match fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(IoAction::Read, &path, e)),
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<MarkChange>(line) {
            Ok(c) => match c.mark {
                Some(flags) => {
                    let m = Mark {
                        item_id: c.item_id.clone(),
                        kind: c.kind,
                        flags,
                        set_at: c.at,
                        set_by: c.by,
                    };
                    tx.execute(
                        "INSERT OR REPLACE INTO marks (item_id, kind, mark) VALUES (?1, ?2, ?3)",
                        params![c.item_id, c.kind.as_str(), serde_json::to_string(&m)?],
                    )?;
                }
                None => {
                    tx.execute("DELETE FROM marks WHERE item_id = ?1", [&c.item_id])?;
                }
            },
            Err(err) => report.warnings.push(Message::ReindexAuditLine {
                path: path.display().to_string(),
                line: i as u64 + 1,
                detail: err.to_string(),
            }),
        }
    }
    Ok(())
}
