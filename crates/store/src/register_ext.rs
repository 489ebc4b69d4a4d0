//! [`RegisterExt`]: what every [`Register`] does with the trait's methods
//! alone, the same on both backends.

use std::path::Path;

use ogonblick_model::{AuditEvent, Channel, ChannelId, OrgSettings, RemovalGround, Setting};

use crate::import::OrgTakeIn;
use crate::register::Register;
use crate::register_csv::{self, Delimiter, ImportReport};
use crate::validate::clean;
use crate::{Result, StoreError};

/// What every [`Register`] does with its methods alone: the typed settings
/// documents, the organisation settings, and the register's CSV import and
/// export (`register_csv.rs`).
pub trait RegisterExt: Register {
    /// A settings document (its default when never set).
    fn setting<T: Setting>(&self) -> Result<T> {
        match self.stored_setting(T::KEY)? {
            Some(v) => {
                serde_json::from_value(v).map_err(|e| StoreError::setting_unreadable(T::KEY, e))
            }
            None => Ok(T::default()),
        }
    }

    /// Replaces a settings document (audited `settings.set`).
    fn set_setting<T: Setting>(&self, value: &T, actor: &str) -> Result<()> {
        let event = AuditEvent::SettingsSet {
            key: T::KEY.as_str().into(),
        };
        self.set_setting_audited(value, actor, event)
    }

    /// Replaces a settings document, audited as `event` rather than
    /// `settings.set`.
    fn set_setting_audited<T: Setting>(
        &self,
        value: &T,
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        self.store_setting(T::KEY, &serde_json::to_value(value)?, actor, event)
    }

    /// The organisation settings (defaults when never set).
    fn settings(&self) -> Result<OrgSettings> {
        self.setting()
    }

    /// Replaces the organisation settings (trimmed; empty fields cleared),
    /// audited `settings.set`; returns them as stored.
    fn set_settings(&self, settings: &OrgSettings, actor: &str) -> Result<OrgSettings> {
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

    /// Imports a register CSV file, all rows or nothing (`register_csv.rs`).
    fn import_register(&self, path: &Path, actor: &str) -> Result<ImportReport> {
        register_csv::import_rows(self, path, actor, None)
    }

    /// [`RegisterExt::import_register`] that also takes the import's boards
    /// and units into the organisation's list in its transaction (`org`,
    /// see [`OrgTakeIn`]).
    fn import_register_with(
        &self,
        path: &Path,
        actor: &str,
        org: OrgTakeIn<'_>,
    ) -> Result<ImportReport> {
        register_csv::import_rows(self, path, actor, Some(org))
    }

    /// Replaces the list of removal grounds, audited `settings.set` (key
    /// `removal_grounds`).
    fn set_removal_grounds(&self, grounds: &[RemovalGround], actor: &str) -> Result<()> {
        let event = AuditEvent::SettingsSet {
            key: "removal_grounds".into(),
        };
        self.set_removal_grounds_for(grounds, actor, event)
    }

    /// Closing → closed, with `note` (a person's words, when not empty) as
    /// a `closure.note` ([`Register::mark_closed_with`]).
    fn mark_closed(&self, id: ChannelId, actor: &str, note: &str) -> Result<Channel> {
        let note = (!note.is_empty()).then(|| AuditEvent::ClosureNote { text: note.into() });
        self.mark_closed_with(id, actor, note)
    }

    /// Writes the register as CSV (UTF-8 with BOM) to `path`, atomically;
    /// returns the number of channels written.
    fn export_register(&self, path: &Path, delimiter: Delimiter) -> Result<usize> {
        register_csv::export_register(self, path, delimiter)
    }
}

impl<R: Register + ?Sized> RegisterExt for R {}
