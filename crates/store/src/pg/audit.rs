//! The audit log and the settings documents on PostgreSQL, and the
//! [`Register`] implementation that ties the backend together.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelBrief, ChannelId, ChannelPage, ChannelPatch,
    ChannelQuery, ChannelStatus, ChannelSummary, DisposalLogEntry, Mark, MarkFlags, MarkedKind,
    Message, NewChannel, OrgUnits, PersonRoles, RemovalGround, RemovalRecord, Role, SettingKey,
    Snapshot, SnapshotTimestamp, Timestamp,
};

pub(super) use super::audit_log::{append_all_in, append_in};
use super::audit_log::{audit_columns, entry_of};
use super::PgRegister;
use crate::import::{Import, UrlOwners};
use crate::register::{Backend, ChangeStamp, ChannelRevision, DisposalLock, OrgChangeFn, Register};
use crate::store::Token;
use crate::{
    ChannelFilter, ChannelHistorySummary, LatestGood, ReindexReport, ResponsibleEdit, Result,
    SnapshotLine, Staging, SuppliedSource,
};
impl Register for PgRegister {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn connection_login(&self) -> Option<String> {
        Some(self.user.clone())
    }

    fn schema_version(&self) -> Result<u32> {
        super::migrations::version(&mut self.client())
    }

    fn add_channel(&self, new: &NewChannel, actor: &str) -> Result<Channel> {
        self.pg_add_channel(new, actor)
    }

    fn channel(&self, id: ChannelId) -> Result<Channel> {
        self.pg_channel(id)
    }

    fn list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>> {
        self.pg_list_channels(filter)
    }

    fn edit_channel(&self, id: ChannelId, patch: &ChannelPatch, actor: &str) -> Result<Channel> {
        self.pg_edit_channel(id, patch, actor, None)
    }

    fn channel_revision(&self, id: ChannelId) -> Result<ChannelRevision> {
        self.pg_channel_revision(id)
    }

    fn edit_channel_if(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
        seen: i64,
    ) -> Result<Channel> {
        self.pg_edit_channel(id, patch, actor, Some(seen))
    }

    fn change_stamp(&self, since: i64) -> Result<ChangeStamp> {
        self.pg_change_stamp(since)
    }

    fn start_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        self.start_closure_with(id, actor, None, None)
    }

    fn undo_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        let (from, to) = (ChannelStatus::Closing, ChannelStatus::Active);
        let event = AuditEvent::ClosureUndone { from, to };
        self.pg_change_status(id, actor, from, to, event, None)
    }

    fn stored_setting(&self, key: SettingKey) -> Result<Option<serde_json::Value>> {
        // Typed: one round trip (the reports read the schedule's each time).
        let row = self.client().query_typed_opt(
            "SELECT value::TEXT FROM settings WHERE key = $1",
            &[(&key.as_str(), postgres::types::Type::TEXT)],
        )?;
        Ok(match row {
            Some(r) => Some(serde_json::from_str(r.get::<_, &str>(0))?),
            None => None,
        })
    }

    fn store_setting(
        &self,
        key: SettingKey,
        value: &serde_json::Value,
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        // The lock that a change of the boards list takes
        // (`pg/org_units.rs`): one writer of the settings at a time, as
        // SQLite's write lock has it.
        tx.execute("LOCK TABLE settings IN SHARE ROW EXCLUSIVE MODE", &[])?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ($1, CAST($2::TEXT AS JSONB))
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key.as_str(), &serde_json::to_string(value)?],
        )?;
        append_in(&mut tx, self.clock.now(), actor, None, event)?;
        tx.commit()?;
        Ok(())
    }

    fn append_audit(
        &self,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        let e = append_in(&mut tx, self.clock.now(), actor, channel_id, event)?;
        tx.commit()?;
        Ok(e)
    }

    fn audit_log(&self, channel: Option<ChannelId>) -> Result<Vec<AuditEntry>> {
        let rows = self.client().query(
            &format!(
                "{} WHERE $1::BIGINT IS NULL OR channel_id = $1 ORDER BY seq",
                audit_columns()
            ),
            &[&channel],
        )?;
        rows.iter().map(entry_of).collect()
    }

    fn audit_log_of_action(&self, action: &str) -> Result<Vec<AuditEntry>> {
        let rows = self.client().query(
            &format!("{} WHERE action = $1 ORDER BY seq", audit_columns()),
            &[&action],
        )?;
        rows.iter().map(entry_of).collect()
    }

    fn record_snapshot(&self, snapshot: &Snapshot, folder: &str) -> Result<()> {
        self.pg_record_snapshot(snapshot, folder)
    }

    fn snapshots(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>> {
        self.pg_snapshots(channel)
    }

    fn snapshot(&self, id: &str) -> Result<(Snapshot, String)> {
        self.pg_snapshot(id)
    }

    fn latest_good_snapshots(&self, at: Timestamp) -> Result<Vec<LatestGood>> {
        self.pg_latest_good(at)
    }

    fn history_summaries(&self, at: Timestamp) -> Result<Vec<ChannelHistorySummary>> {
        self.pg_history_summaries(at)
    }

    fn report_rows(&self, at: Timestamp, with_history: bool) -> Result<Vec<crate::ReportRow>> {
        self.pg_report_rows(at, with_history)
    }

    fn snapshot_lines(&self, channels: &[ChannelId]) -> Result<Vec<SnapshotLine>> {
        self.pg_snapshot_lines(channels)
    }

    fn roles(&self) -> Result<Vec<PersonRoles>> {
        self.pg_roles()
    }

    fn set_roles(
        &self,
        login: &str,
        roles: &[Role],
        units: &[String],
        actor: &str,
        first_admin: Option<&str>,
    ) -> Result<Vec<PersonRoles>> {
        self.pg_set_roles(login, roles, units, actor, first_admin)
    }

    fn remove_roles(&self, login: &str, actor: &str) -> Result<Vec<PersonRoles>> {
        self.pg_remove_roles(login, actor)
    }

    fn change_org_units(&self, actor: &str, change: OrgChangeFn<'_>) -> Result<OrgUnits> {
        self.pg_change_org_units(actor, change)
    }

    fn timestamp_state(&self, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>> {
        self.pg_timestamp_state(snapshot_id)
    }

    fn timestamp_states(&self) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        self.pg_timestamp_states()
    }

    fn timestamp_states_of_channel(
        &self,
        channel: ChannelId,
    ) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        self.pg_timestamp_states_of_channel(channel)
    }

    fn pending_timestamps(&self) -> Result<Vec<String>> {
        self.pg_pending_timestamps()
    }

    fn record_timestamp_failure(
        &self,
        snapshot_id: &str,
        index: usize,
        why: Message,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        self.pg_record_timestamp_failure(snapshot_id, index, why, actor)
    }

    fn add_timestamp_token(
        &self,
        snapshot_id: &str,
        index: usize,
        reply: &[u8],
        time: Timestamp,
        signer: &str,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        let token = Token {
            index,
            reply,
            time,
            signer,
        };
        self.pg_add_timestamp_token(snapshot_id, token, actor)
    }

    fn disposal_lock(&self) -> Result<Option<DisposalLock>> {
        Ok(self.pg_disposal_lock()?.map(DisposalLock::new))
    }

    fn dispose(&self, entry: DisposalLogEntry) -> Result<DisposalLogEntry> {
        self.pg_dispose(entry)
    }

    fn disposal_log(&self) -> Result<Vec<DisposalLogEntry>> {
        self.pg_disposal_log()
    }

    fn add_removal(
        &self,
        record: RemovalRecord,
        file: Option<&SuppliedSource>,
    ) -> Result<RemovalRecord> {
        self.pg_add_removal(record, file)
    }

    fn add_removal_version(
        &self,
        record: RemovalRecord,
        event_of: &dyn Fn(u32) -> AuditEvent,
    ) -> Result<RemovalRecord> {
        let (actor, channel) = (record.recorded_by.clone(), record.channel_id);
        let event_of = |new: &[RemovalRecord]| event_of(new[0].version);
        let mut v =
            self.pg_add_removal_versions(vec![record], &actor, Some(channel), &event_of, None)?;
        Ok(v.remove(0))
    }

    fn add_removal_versions(
        &self,
        new: Vec<RemovalRecord>,
        actor: &str,
        event: AuditEvent,
        channel: Option<ChannelId>,
    ) -> Result<Vec<RemovalRecord>> {
        self.pg_add_removal_versions(new, actor, channel, &|_| event.clone(), None)
    }

    fn removal(&self, id: &str) -> Result<(Vec<RemovalRecord>, String)> {
        self.pg_removal(id)
    }

    fn removals(&self, channel: Option<ChannelId>) -> Result<Vec<RemovalRecord>> {
        self.pg_removals(channel)
    }

    fn removal_grounds(&self) -> Result<Vec<RemovalGround>> {
        self.pg_removal_grounds()
    }

    fn set_removal_grounds_for(
        &self,
        grounds: &[RemovalGround],
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        self.pg_set_removal_grounds(grounds, actor, event)
    }

    fn set_mark(
        &self,
        kind: MarkedKind,
        item_id: &str,
        flags: Option<MarkFlags>,
        actor: &str,
    ) -> Result<Option<Mark>> {
        self.pg_set_mark(kind, item_id, flags, actor)
    }

    fn mark(&self, item_id: &str) -> Result<Option<Mark>> {
        self.pg_mark(item_id)
    }

    fn marks(&self) -> Result<Vec<Mark>> {
        self.pg_marks()
    }

    // h-pg9: the snapshot lifecycle and reindex.
    fn begin_snapshot(&self, channel_id: ChannelId, snapshot_id: &str) -> Result<Staging> {
        self.pg_begin_snapshot(channel_id, snapshot_id)
    }

    fn commit_snapshot(&self, staging: Staging, snapshot: Snapshot) -> Result<()> {
        self.pg_commit_snapshot(staging, snapshot)
    }

    fn discard(&self, staging: Staging) -> Result<()> {
        staging.discard()
    }

    fn folder_path(&self, folder: &str) -> Result<PathBuf> {
        self.pg_folder_path(folder)
    }

    fn tsa_ca_dir(&self) -> Result<PathBuf> {
        self.pg_tsa_ca_dir()
    }

    fn reindex(&self) -> Result<ReindexReport> {
        self.pg_reindex()
    }

    // h-pg10: channel lists, settings, CSV
    fn channels(&self) -> Result<Vec<Channel>> {
        self.pg_channels()
    }

    fn channel_briefs(&self) -> Result<Vec<ChannelBrief>> {
        self.pg_channel_briefs()
    }

    fn channel_page(&self, q: &ChannelQuery) -> Result<ChannelPage> {
        self.pg_channel_page(q)
    }

    fn failed_channels(&self) -> Result<HashSet<ChannelId>> {
        self.pg_failed_channels()
    }

    fn url_owners(&self) -> Result<UrlOwners> {
        self.pg_url_owners()
    }

    fn set_channels_responsible(
        &self,
        edit: ResponsibleEdit<'_>,
        actor: &str,
    ) -> Result<Vec<Channel>> {
        self.pg_set_channels_responsible(edit, actor)
    }
    fn import_channels(&self, import: Import<'_>) -> Result<Vec<Channel>> {
        self.pg_import_channels(import)
    }
    // h-app1
    fn start_closure_with(
        &self,
        id: ChannelId,
        actor: &str,
        decision: Option<String>,
        diary_number: Option<String>,
    ) -> Result<Channel> {
        let (from, to) = (ChannelStatus::Active, ChannelStatus::Closing);
        let event = AuditEvent::ClosureStarted {
            from,
            to,
            decision,
            diary_number,
        };
        self.pg_change_status(id, actor, from, to, event, None)
    }
    fn mark_closed_with(
        &self,
        id: ChannelId,
        actor: &str,
        note: Option<AuditEvent>,
    ) -> Result<Channel> {
        let (from, to) = (ChannelStatus::Closing, ChannelStatus::Closed);
        let event = AuditEvent::ClosureCompleted { from, to };
        self.pg_change_status(id, actor, from, to, event, note)
    }
    fn set_diary_number(
        &self,
        snapshot_ids: &[String],
        removal_ids: &[String],
        number: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        self.pg_set_diary_number(snapshot_ids, removal_ids, number, actor)
    }
    // h-claim
    fn claim_channel(&self, id: ChannelId, holder: &str, lease: Duration) -> Result<bool> {
        self.pg_claim_channel(id, holder, lease)
    }
    fn renew_claim(&self, id: ChannelId, holder: &str, lease: Duration) -> Result<bool> {
        self.pg_renew_claim(id, holder, lease)
    }
    fn release_claim(&self, id: ChannelId, holder: &str) -> Result<()> {
        self.pg_release_claim(id, holder)
    }
    fn claims(&self) -> Result<Vec<crate::Claim>> {
        self.pg_claims()
    }
}
