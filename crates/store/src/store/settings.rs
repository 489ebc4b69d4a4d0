//! The settings documents, typed by their [`Setting`] key (mirrored in
//! `settings.json`): the organisation settings and other crates' settings.

use std::collections::BTreeMap;

use ogonblick_model::{AuditEvent, OrgSettings, Setting, SettingKey};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Store, SETTINGS_FILE};
use crate::fsutil::write_json_atomic;
use crate::validate::clean;
use crate::{Result, StoreError};

impl Store {
    /// The organisation settings (defaults when never set).
    pub fn settings(&self) -> Result<OrgSettings> {
        self.setting()
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
        self.set_setting(&s, actor)?;
        Ok(s)
    }

    /// A settings document (its default when never set).
    pub fn setting<T: Setting>(&self) -> Result<T> {
        match self.stored_setting(T::KEY)? {
            Some(v) => {
                serde_json::from_value(v).map_err(|e| StoreError::setting_unreadable(T::KEY, e))
            }
            None => Ok(T::default()),
        }
    }

    /// Replaces a settings document; mirrors all settings into `settings.json`.
    pub fn set_setting<T: Setting>(&self, value: &T, actor: &str) -> Result<()> {
        let event = AuditEvent::SettingsSet {
            key: T::KEY.as_str().into(),
        };
        self.store_setting(T::KEY, &serde_json::to_value(value)?, actor, event)
    }

    /// Replaces a settings document, recorded in the audit log as `event`.
    pub fn set_setting_audited<T: Setting>(
        &self,
        value: &T,
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        self.store_setting(T::KEY, &serde_json::to_value(value)?, actor, event)
    }

    pub(crate) fn stored_setting(&self, key: SettingKey) -> Result<Option<serde_json::Value>> {
        let conn = self.conn();
        let v: Option<String> = conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [key.as_str()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match v {
            Some(s) => Some(serde_json::from_str(&s)?),
            None => None,
        })
    }

    pub(crate) fn store_setting(
        &self,
        key: SettingKey,
        value: &serde_json::Value,
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key.as_str(), serde_json::to_string(value)?],
        )?;
        let all = load_settings(&tx)?;
        write_json_atomic(&self.data_dir.join(SETTINGS_FILE), &all)?;
        self.audit_in(&tx, self.clock.now(), actor, None, event)?;
        tx.commit()?;
        Ok(())
    }
}

pub(super) fn load_settings(conn: &Connection) -> Result<BTreeMap<String, serde_json::Value>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (k, v) = row?;
        out.insert(k, serde_json::from_str(&v)?);
    }
    Ok(out)
}
