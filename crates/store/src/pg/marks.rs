//! Personal-data / secrecy marks of snapshots and removal records on
//! PostgreSQL, as in the SQLite store (`store/marks.rs`): the current mark
//! of each item in `marks`, every change audited (`mark.set`,
//! `mark.clear`). `marks.jsonl` is not mirrored (see `pg/mod.rs`): the
//! audit log holds the history.

use ogonblick_model::{Mark, MarkFlags, MarkedKind};
use postgres::GenericClient;

use super::removals::load_removal;
use super::PgRegister;
use crate::store::mark_change;
use crate::{Result, StoreError};
use ogonblick_model::Message;

fn load_mark(c: &mut impl GenericClient, item_id: &str) -> Result<Option<Mark>> {
    c.query_opt("SELECT mark FROM marks WHERE item_id = $1", &[&item_id])?
        .map(|r| Ok(serde_json::from_str(r.get::<_, &str>(0))?))
        .transpose()
}

impl PgRegister {
    pub(super) fn pg_set_mark(
        &self,
        kind: MarkedKind,
        item_id: &str,
        flags: Option<MarkFlags>,
        actor: &str,
    ) -> Result<Option<Mark>> {
        let now = self.clock.now();
        let mut client = self.client();
        let mut tx = client.transaction()?;
        let channel = match kind {
            MarkedKind::Snapshot => tx
                .query_opt(
                    "SELECT channel_id FROM snapshots WHERE id = $1",
                    &[&item_id],
                )?
                .ok_or_else(|| {
                    StoreError::NotFound(Message::StoreNoSnapshot {
                        id: item_id.to_string(),
                    })
                })?
                .get(0),
            MarkedKind::Removal => {
                let (v, _) = load_removal(&mut tx, item_id)?;
                v.last().map(|r| r.channel_id).unwrap_or_default()
            }
        };
        // One change of the marks at a time, so that two desktops clearing
        // the same mark at once clear (and audit) it once.
        tx.execute("LOCK TABLE marks IN SHARE ROW EXCLUSIVE MODE", &[])?;
        let current = load_mark(&mut tx, item_id)?;
        let (mark, event) = mark_change(kind, item_id, flags, current, now, actor)?;
        match &mark {
            Some(m) => {
                tx.execute(
                    "INSERT INTO marks (item_id, kind, mark) VALUES ($1, $2, $3)
                     ON CONFLICT (item_id) DO UPDATE SET kind = excluded.kind, mark = excluded.mark",
                    &[&item_id, &kind.as_str(), &serde_json::to_string(m)?],
                )?;
            }
            None => {
                tx.execute("DELETE FROM marks WHERE item_id = $1", &[&item_id])?;
            }
        }
        super::audit::append_in(&mut tx, now, actor, Some(channel), event)?;
        tx.commit()?;
        Ok(mark)
    }

    pub(super) fn pg_mark(&self, item_id: &str) -> Result<Option<Mark>> {
        load_mark(&mut *self.client(), item_id)
    }

    pub(super) fn pg_marks(&self) -> Result<Vec<Mark>> {
        let rows = self
            .client()
            .query("SELECT mark FROM marks ORDER BY item_id", &[])?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(r.get::<_, &str>(0))?))
            .collect()
    }
}
