//! Changes to many channels at once on PostgreSQL (Kanaler's bulk
//! actions): the responsible person and substitute of the chosen channels,
//! by the SQLite store's rules (`store/channels_bulk.rs`,
//! `ResponsibleChange`), in one transaction, audited per channel.

use ogonblick_model::{AuditEvent, Channel};

use super::channels::{load, update_row};
use super::PgRegister;
use crate::store::{changed_fields, ResponsibleChange, ResponsibleEdit};
use crate::Result;

impl PgRegister {
    pub(super) fn pg_set_channels_responsible(
        &self,
        edit: ResponsibleEdit<'_>,
        actor: &str,
    ) -> Result<Vec<Channel>> {
        let change = ResponsibleChange::new(&edit)?;
        let ids = edit.ids;
        let now = self.clock.now();
        let mut client = self.client();
        let mut tx = client.transaction()?;
        // The rows locked in id order, so that two bulk changes of
        // overlapping channels take turns rather than deadlock.
        tx.execute(
            "SELECT id FROM channels WHERE id = ANY($1) ORDER BY id FOR UPDATE",
            &[&ids],
        )?;
        let (out, changed) = change.plan(ids, |id| Ok(load(&mut tx, Some(id), false)?.pop()))?;
        change.refuse_changed(&out, |id| super::channels::revision(&mut tx, id))?;
        for (old, c) in &changed {
            update_row(&mut tx, c)?;
            let event = AuditEvent::ChannelEdited {
                fields: changed_fields(old, c),
            };
            super::audit::append_in(&mut tx, now, actor, Some(c.id), event)?;
        }
        tx.commit()?;
        Ok(out)
    }
}
