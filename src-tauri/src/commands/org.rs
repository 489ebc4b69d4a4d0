//! The organisation's list of boards and units (h-ui19), and Kanaler's bulk
//! change of the responsible person: thin adapters over the app.

use ogonblick_app::OrgEntry;
use ogonblick_model::{Channel, ChannelId, ErrorPayload, OrgUnits};

use crate::state::Desktop;

fn entry<'a>(board: &'a str, unit: &'a Option<String>) -> OrgEntry<'a> {
    match unit {
        Some(u) => OrgEntry::Unit(board, u),
        None => OrgEntry::Board(board),
    }
}

pub fn org_units(d: &Desktop) -> Result<OrgUnits, ErrorPayload> {
    Ok(d.app()?.org_units()?)
}

pub fn add_org_entry(
    d: &Desktop,
    board: String,
    unit: Option<String>,
) -> Result<OrgUnits, ErrorPayload> {
    Ok(d.app()?.add_org_entry(entry(&board, &unit))?)
}

pub fn rename_org_entry(
    d: &Desktop,
    board: String,
    unit: Option<String>,
    to: String,
) -> Result<OrgUnits, ErrorPayload> {
    Ok(d.app()?.rename_org_entry(entry(&board, &unit), &to)?)
}

pub fn remove_org_entry(
    d: &Desktop,
    board: String,
    unit: Option<String>,
) -> Result<OrgUnits, ErrorPayload> {
    Ok(d.app()?.remove_org_entry(entry(&board, &unit))?)
}

/// `revisions`: each chosen channel's revision as the list read it, in the
/// order of `ids` (`ChannelPage::revisions`); a chosen channel changed
/// since refuses the change (`conflict`).
pub fn set_channels_responsible(
    d: &Desktop,
    ids: Vec<ChannelId>,
    responsible: Option<String>,
    substitute: Option<String>,
    revisions: Option<Vec<i64>>,
) -> Result<Vec<Channel>, ErrorPayload> {
    Ok(d.app()?.set_channels_responsible(
        &ids,
        responsible.as_deref(),
        substitute.as_deref(),
        revisions.as_deref(),
    )?)
}
