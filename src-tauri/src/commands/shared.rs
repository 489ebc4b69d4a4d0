//! Inställningar → Delat register (issue 15): which register the window is
//! on, a test of a shared register's address, and the address saved for
//! the next start (`ogonblick_app::choose_register`: `OGONBLICK_DATABASE`
//! before the saved address before the local register; never a password).

use std::sync::Arc;

use ogonblick_app::{short_address, RegisterSource};
use ogonblick_model::{ErrorPayload, Message, SystemClock};
use serde::Serialize;
use ts_rs::TS;

use crate::state::Desktop;

/// The register the window is on and the address saved for the next start.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SharedRegisterInfo {
    /// Where the register this window opened was named.
    pub source: RegisterSource,
    /// `host/database` of the shared register the window is on; null: the
    /// local register.
    pub current: Option<String>,
    /// The address saved in Inställningar (applies at the next start).
    pub saved: Option<String>,
    /// Why the saved address cannot be read (a damaged file): it counts as
    /// none here, so that a new address can be saved over it or cleared.
    pub problem: Option<Message>,
    /// Whether `OGONBLICK_DATABASE` is set (it wins over the saved address).
    pub environment: bool,
}

pub fn shared_register(d: &Desktop) -> Result<SharedRegisterInfo, ErrorPayload> {
    let saved = ogonblick_app::saved_address_for_settings()?;
    Ok(SharedRegisterInfo {
        source: d.register.source,
        current: d.register.database.as_deref().map(short_address),
        saved: saved.saved,
        problem: saved.problem,
        environment: std::env::var(ogonblick_app::DATABASE_ENV).is_ok_and(|v| !v.trim().is_empty()),
    })
}

/// Connects to `database` (which creates or upgrades its schema, as every
/// connection does), checks the data directory's identity (writing nothing
/// in it), and says how it went.
pub fn test_shared_register(d: &Desktop, database: String) -> Result<Message, ErrorPayload> {
    Ok(ogonblick_app::test_shared_register(
        database.trim(),
        &d.data_dir,
        Arc::new(SystemClock),
    )?)
}

/// Saves `database` (null or empty: removes the saved address) for the next
/// start; a password in it is refused.
pub fn save_shared_register(
    d: &Desktop,
    database: Option<String>,
) -> Result<SharedRegisterInfo, ErrorPayload> {
    ogonblick_app::save_shared_register(database.as_deref())?;
    shared_register(d)
}
