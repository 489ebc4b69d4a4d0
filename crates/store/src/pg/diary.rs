//! Diary numbers on PostgreSQL: the files' side shared with SQLite
//! (`store/diary.rs`, [`set_diary_number_with`]), then the removal records'
//! new versions, the snapshots' rows and the audit entry `diary.set` in one
//! transaction.

use super::PgRegister;
use crate::store::{set_diary_number_with, DiaryRows};
use crate::Result;

impl PgRegister {
    pub(super) fn pg_set_diary_number(
        &self,
        snapshot_ids: &[String],
        removal_ids: &[String],
        number: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        let now = self.clock.now();
        set_diary_number_with(
            self,
            snapshot_ids,
            removal_ids,
            number,
            actor,
            now,
            |rows: DiaryRows| {
                let also = |tx: &mut postgres::Transaction<'_>| -> Result<()> {
                    for s in &rows.snapshots {
                        tx.execute(
                            "UPDATE snapshots SET manifest = $2 WHERE id = $1",
                            &[&s.id, &serde_json::to_string(s)?],
                        )?;
                    }
                    Ok(())
                };
                self.pg_add_removal_versions(
                    rows.versions,
                    actor,
                    rows.channel,
                    &|_| rows.event.clone(),
                    Some(&also),
                )
                .map(|_| ())
            },
        )
    }
}
