//! The organisation settings and other crates' raw settings (mirrored in `settings.json`).

use std::collections::BTreeMap;

use ogonblick_model::{AuditEvent, OrgSettings};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Store, SETTINGS_FILE};
use crate::fsutil::write_json_atomic;
use crate::validate::clean;
use crate::Result;

const ORG_KEY: &str = "organisation";

impl Store {
    /// The organisation settings (defaults when never set).
    pub fn settings(&self) -> Result<OrgSettings> {
        match self.setting_json(ORG_KEY)? {
            Some(v) => Ok(serde_json::from_value(v)?),
            None => Ok(OrgSettings::default()),
        }
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
        self.set_setting_json(ORG_KEY, &serde_json::to_value(&s)?, actor)?;
        Ok(s)
    }

    /// A raw setting (JSON) by key, for other crates' settings.
    pub fn setting_json(&self, key: &str) -> Result<Option<serde_json::Value>> {
        let conn = self.conn();
        let v: Option<String> = conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(match v {
            Some(s) => Some(serde_json::from_str(&s)?),
            None => None,
        })
    }

    /// Sets a raw setting; mirrors all settings into `settings.json`.
    pub fn set_setting_json(
        &self,
        key: &str,
        value: &serde_json::Value,
        actor: &str,
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, serde_json::to_string(value)?],
        )?;
        let all = load_settings(&tx)?;
        write_json_atomic(&self.data_dir.join(SETTINGS_FILE), &all)?;
        self.audit_in(
            &tx,
            self.clock.now(),
            actor,
            None,
            AuditEvent::SettingsSet { key: key.into() },
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn load_settings(conn: &Connection) -> Result<BTreeMap<String, serde_json::Value>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (k, v) = row?;
        out.insert(k, serde_json::from_str(&v)?);
    }
    Ok(out)
}
