//! The SQLite [`Store`] as a [`Register`]: every method delegates to the
//! store's own (`register.rs` holds the trait; `pg/` the PostgreSQL side).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelBrief, ChannelId, ChannelPage, ChannelPatch,
    ChannelQuery, ChannelSummary, DisposalLogEntry, Mark, MarkFlags, MarkedKind, Message,
    NewChannel, OrgUnits, PersonRoles, RemovalGround, RemovalRecord, Role, SettingKey, Snapshot,
    SnapshotTimestamp, Timestamp,
};

use crate::import::{Import, UrlOwners};
use crate::register::{Backend, ChangeStamp, ChannelRevision, DisposalLock, OrgChangeFn, Register};
use crate::{
    ChannelFilter, ChannelHistorySummary, LatestGood, ReindexReport, ResponsibleEdit, Result,
    SnapshotLine, Staging, Store, SuppliedSource,
};

/// Today's store, unchanged: every method delegates to its own.
impl Register for Store {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }
    fn schema_version(&self) -> Result<u32> {
        Store::schema_version(self)
    }
    fn release_memory(&self) {
        Store::release_memory(self)
    }
    fn add_channel(&self, new: &NewChannel, actor: &str) -> Result<Channel> {
        Store::add_channel(self, new, actor)
    }
    fn channel(&self, id: ChannelId) -> Result<Channel> {
        Store::channel(self, id)
    }
    fn list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>> {
        Store::list_channels(self, filter)
    }
    fn edit_channel(&self, id: ChannelId, patch: &ChannelPatch, actor: &str) -> Result<Channel> {
        Store::edit_channel(self, id, patch, actor)
    }
    fn channel_revision(&self, id: ChannelId) -> Result<ChannelRevision> {
        Store::channel_revision(self, id)
    }
    fn edit_channel_if(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
        seen: i64,
    ) -> Result<Channel> {
        Store::edit_channel_checked(self, id, patch, actor, Some(seen))
    }
    fn change_stamp(&self, since: i64) -> Result<ChangeStamp> {
        Store::change_stamp(self, since)
    }
    fn start_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        Store::start_closure(self, id, actor)
    }
    fn undo_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        Store::undo_closure(self, id, actor)
    }
    fn stored_setting(&self, key: SettingKey) -> Result<Option<serde_json::Value>> {
        Store::stored_setting(self, key)
    }
    fn store_setting(
        &self,
        key: SettingKey,
        value: &serde_json::Value,
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        Store::store_setting(self, key, value, actor, event)
    }
    fn append_audit(
        &self,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry> {
        Store::append_audit(self, actor, channel_id, event)
    }
    fn audit_log(&self, channel: Option<ChannelId>) -> Result<Vec<AuditEntry>> {
        Store::audit_log(self, channel)
    }
    fn audit_log_of_action(&self, action: &str) -> Result<Vec<AuditEntry>> {
        Store::audit_log_of_action(self, action)
    }
    fn record_snapshot(&self, snapshot: &Snapshot, folder: &str) -> Result<()> {
        Store::record_snapshot(self, snapshot, folder)
    }
    fn snapshots(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>> {
        Store::snapshots(self, channel)
    }
    fn snapshot(&self, id: &str) -> Result<(Snapshot, String)> {
        Store::snapshot(self, id).map(|(s, path)| (s, self.relative(&path)))
    }
    fn latest_good_snapshots(&self, at: Timestamp) -> Result<Vec<LatestGood>> {
        Store::latest_good_snapshots(self, at)
    }
    fn history_summaries(&self, at: Timestamp) -> Result<Vec<ChannelHistorySummary>> {
        Store::history_summaries(self, at)
    }
    fn snapshot_lines(&self, channels: &[ChannelId]) -> Result<Vec<SnapshotLine>> {
        Store::snapshot_lines(self, channels)
    }
    fn roles(&self) -> Result<Vec<PersonRoles>> {
        Store::roles(self)
    }
    fn set_roles(
        &self,
        login: &str,
        roles: &[Role],
        units: &[String],
        actor: &str,
        first_admin: Option<&str>,
    ) -> Result<Vec<PersonRoles>> {
        Store::set_roles(self, login, roles, units, actor, first_admin)
    }
    fn remove_roles(&self, login: &str, actor: &str) -> Result<Vec<PersonRoles>> {
        Store::remove_roles(self, login, actor)
    }
    fn change_org_units(&self, actor: &str, change: OrgChangeFn<'_>) -> Result<OrgUnits> {
        Store::change_org_units(self, actor, change)
    }
    fn timestamp_state(&self, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>> {
        Store::timestamp_state(self, snapshot_id)
    }
    fn timestamp_states(&self) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        Store::timestamp_states(self)
    }
    fn timestamp_states_of_channel(
        &self,
        channel: ChannelId,
    ) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        Store::timestamp_states_of_channel(self, channel)
    }
    fn pending_timestamps(&self) -> Result<Vec<String>> {
        Store::pending_timestamps(self)
    }
    fn record_timestamp_failure(
        &self,
        snapshot_id: &str,
        index: usize,
        why: Message,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        Store::record_timestamp_failure(self, snapshot_id, index, why, actor)
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
        Store::add_timestamp_token(self, snapshot_id, index, reply, time, signer, actor)
    }
    fn disposal_lock(&self) -> Result<Option<DisposalLock>> {
        Ok(Store::disposal_lock(self)?.map(DisposalLock::new))
    }
    fn dispose(&self, entry: DisposalLogEntry) -> Result<DisposalLogEntry> {
        Store::dispose(self, entry)
    }
    fn disposal_log(&self) -> Result<Vec<DisposalLogEntry>> {
        Store::disposal_log(self)
    }
    fn add_removal(
        &self,
        record: RemovalRecord,
        file: Option<&SuppliedSource>,
    ) -> Result<RemovalRecord> {
        Store::add_removal(self, record, file)
    }
    fn add_removal_version(
        &self,
        record: RemovalRecord,
        event_of: &dyn Fn(u32) -> AuditEvent,
    ) -> Result<RemovalRecord> {
        Store::add_removal_version(self, record, event_of)
    }
    fn add_removal_versions(
        &self,
        new: Vec<RemovalRecord>,
        actor: &str,
        event: AuditEvent,
        channel: Option<ChannelId>,
    ) -> Result<Vec<RemovalRecord>> {
        Store::add_removal_versions(self, new, actor, |_| event, channel, |_| Ok(()))
    }
    fn removal(&self, id: &str) -> Result<(Vec<RemovalRecord>, String)> {
        Store::removal(self, id)
    }
    fn removals(&self, channel: Option<ChannelId>) -> Result<Vec<RemovalRecord>> {
        Store::removals(self, channel)
    }
    fn removal_grounds(&self) -> Result<Vec<RemovalGround>> {
        Store::removal_grounds(self)
    }
    fn set_removal_grounds_for(
        &self,
        grounds: &[RemovalGround],
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        Store::set_removal_grounds_for(self, grounds, actor, event)
    }
    fn set_mark(
        &self,
        kind: MarkedKind,
        item_id: &str,
        flags: Option<MarkFlags>,
        actor: &str,
    ) -> Result<Option<Mark>> {
        Store::set_mark(self, kind, item_id, flags, actor)
    }
    fn mark(&self, item_id: &str) -> Result<Option<Mark>> {
        Store::mark(self, item_id)
    }
    fn marks(&self) -> Result<Vec<Mark>> {
        Store::marks(self)
    }

    // h-pg9: the snapshot lifecycle and reindex.
    fn begin_snapshot(&self, channel_id: ChannelId, snapshot_id: &str) -> Result<Staging> {
        Store::begin_snapshot(self, channel_id, snapshot_id)
    }
    fn commit_snapshot(&self, staging: Staging, snapshot: Snapshot) -> Result<()> {
        Store::commit_snapshot(self, staging, snapshot)
    }
    fn discard(&self, staging: Staging) -> Result<()> {
        Store::discard(self, staging)
    }
    fn folder_path(&self, folder: &str) -> Result<PathBuf> {
        Store::folder_path(self, folder)
    }
    fn tsa_ca_dir(&self) -> Result<PathBuf> {
        Ok(Store::tsa_ca_dir(self))
    }
    fn reindex(&self) -> Result<ReindexReport> {
        Store::reindex(self)
    }
    // h-pg10: channel lists, settings, CSV
    fn channels(&self) -> Result<Vec<Channel>> {
        Store::channels(self)
    }
    fn channel_briefs(&self) -> Result<Vec<ChannelBrief>> {
        Store::channel_briefs(self)
    }
    fn channel_page(&self, q: &ChannelQuery) -> Result<ChannelPage> {
        Store::channel_page(self, q)
    }
    fn failed_channels(&self) -> Result<HashSet<ChannelId>> {
        Store::failed_channels(self)
    }
    fn url_owners(&self) -> Result<UrlOwners> {
        crate::import::url_owners(&self.conn())
    }
    fn set_channels_responsible(
        &self,
        edit: ResponsibleEdit<'_>,
        actor: &str,
    ) -> Result<Vec<Channel>> {
        Store::set_channels_responsible(self, edit, actor)
    }
    fn import_channels(&self, import: Import<'_>) -> Result<Vec<Channel>> {
        Store::import_channels(self, import)
    }
    // h-app1
    fn start_closure_with(
        &self,
        id: ChannelId,
        actor: &str,
        decision: Option<String>,
        diary_number: Option<String>,
    ) -> Result<Channel> {
        Store::start_closure_with(self, id, actor, decision, diary_number)
    }
    fn mark_closed_with(
        &self,
        id: ChannelId,
        actor: &str,
        note: Option<AuditEvent>,
    ) -> Result<Channel> {
        Store::mark_closed_with(self, id, actor, note)
    }
    fn set_diary_number(
        &self,
        snapshot_ids: &[String],
        removal_ids: &[String],
        number: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        Store::set_diary_number(self, snapshot_ids, removal_ids, number, actor)
    }
    // h-claim
    fn claim_channel(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: std::time::Duration,
    ) -> Result<bool> {
        Store::claim_channel(self, channel_id, holder, lease)
    }
    fn renew_claim(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: std::time::Duration,
    ) -> Result<bool> {
        Store::renew_claim(self, channel_id, holder, lease)
    }
    fn release_claim(&self, channel_id: ChannelId, holder: &str) -> Result<()> {
        Store::release_claim(self, channel_id, holder)
    }
    fn claims(&self) -> Result<Vec<crate::Claim>> {
        Store::claims(self)
    }
}
