//! The organisation's removal grounds (*grunder*): the table in their
//! order, mirrored in `removal-grounds.json`; records keep the ground as it
//! was listed when they were made.

use ogonblick_model::{AuditEvent, Message, RemovalGround};
use rusqlite::{params, Connection, TransactionBehavior};

use super::Store;
use crate::fsutil::write_json_atomic;
use crate::{Result, StoreError};

/// The organisation's removal grounds (mirror of the table).
pub(crate) const GROUNDS_FILE: &str = "removal-grounds.json";

impl Store {
    /// The organisation's removal grounds, in their order.
    pub fn removal_grounds(&self) -> Result<Vec<RemovalGround>> {
        load_grounds(&self.conn())
    }

    /// Replaces the list of removal grounds (mirrored in
    /// `removal-grounds.json`). Records keep the ground as it was listed.
    pub fn set_removal_grounds(&self, grounds: &[RemovalGround], actor: &str) -> Result<()> {
        let event = AuditEvent::SettingsSet {
            key: "removal_grounds".into(),
        };
        self.set_removal_grounds_for(grounds, actor, event)
    }

    /// [`Store::set_removal_grounds`], audited as `event` (one ground's change).
    pub fn set_removal_grounds_for(
        &self,
        grounds: &[RemovalGround],
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        check_grounds(grounds)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        replace_grounds(&tx, grounds)?;
        write_json_atomic(&self.data_dir.join(GROUNDS_FILE), &grounds)?;
        self.audit_in(&tx, self.clock.now(), actor, None, event)?;
        tx.commit()?;
        Ok(())
    }
}

/// Refuses a list with a code that is not lowercase letters, digits and
/// `-`, an empty label, or a code listed twice.
pub(crate) fn check_grounds(grounds: &[RemovalGround]) -> Result<()> {
    for (i, g) in grounds.iter().enumerate() {
        let ok = !g.code.is_empty()
            && g.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok || g.label_sv.trim().is_empty() || g.label_en.trim().is_empty() {
            return Err(StoreError::Invalid(Message::StoreBadGround {
                n: (i + 1) as u64,
                code: g.code.clone(),
            }));
        }
        if grounds[..i].iter().any(|o| o.code == g.code) {
            return Err(StoreError::Invalid(Message::StoreGroundTwice {
                code: g.code.clone(),
            }));
        }
    }
    Ok(())
}

pub(crate) fn load_grounds(conn: &Connection) -> Result<Vec<RemovalGround>> {
    let mut stmt = conn.prepare(
        "SELECT code, label_sv, label_en, needs_text, retired FROM removal_grounds ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RemovalGround {
            code: r.get(0)?,
            label_sv: r.get(1)?,
            label_en: r.get(2)?,
            needs_text: r.get(3)?,
            retired: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn replace_grounds(conn: &Connection, grounds: &[RemovalGround]) -> Result<()> {
    conn.execute("DELETE FROM removal_grounds", [])?;
    for (i, g) in grounds.iter().enumerate() {
        conn.execute(
            "INSERT INTO removal_grounds (code, position, label_sv, label_en, needs_text, retired) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![g.code, i as i64 + 1, g.label_sv, g.label_en, g.needs_text, g.retired],
        )?;
    }
    Ok(())
}
