//! The organisation's list of boards and units (h-ui19, issue 19): listed,
//! added, renamed and removed here (each change audited), taken in by a
//! register import, and checked when a channel is added or edited so a typo
//! cannot make a new group.
//!
//! An empty list means the organisation has none yet: then a channel may
//! name any board and unit, as in earlier versions. The first change that
//! makes the list (an `org` command or an import) takes in the boards and
//! units the channels already use, so every channel stays valid.

use ogonblick_model::{
    same_name, AuditEvent, Channel, ChannelPatch, ErrorCode, Message, NewChannel, OrgUnits,
    RoleAction,
};
use ogonblick_store::RegisterExt;
use ogonblick_store::{OrgChange, StoreError};

use crate::{App, AppError, Result};

/// Which entry of the list: a board, or a unit of a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgEntry<'a> {
    Board(&'a str),
    Unit(&'a str, &'a str),
}

impl App {
    /// The organisation's boards and their units (empty: no list yet).
    pub fn org_units(&self) -> Result<OrgUnits> {
        Ok(self.store().setting::<OrgUnits>()?)
    }

    /// Adds a board, or a unit to a board already in the list.
    pub fn add_org_entry(&self, entry: OrgEntry<'_>) -> Result<OrgUnits> {
        self.require(RoleAction::RegisterEdit, None)?;
        self.change_org(|list, channels| {
            let mut events = seed(list, channels);
            match entry {
                OrgEntry::Board(board) => {
                    let board = name(board)?;
                    if list.board(board).is_some() {
                        return Err(invalid(Message::OrgBoardExists {
                            board: board.into(),
                        }));
                    }
                    list.take_in(board, None);
                    events.push(AuditEvent::OrgUnitAdded {
                        board: board.into(),
                        unit: None,
                    });
                }
                OrgEntry::Unit(board, unit) => {
                    let unit = name(unit)?;
                    let b = find_board(list, board)?;
                    if b.unit(unit).is_some() {
                        return Err(invalid(Message::OrgUnitExists {
                            board: b.name.clone(),
                            unit: unit.into(),
                        }));
                    }
                    let board = b.name.clone();
                    list.take_in(&board, Some(unit));
                    events.push(AuditEvent::OrgUnitAdded {
                        board,
                        unit: Some(unit.into()),
                    });
                }
            }
            Ok(OrgChange {
                events,
                channels: Vec::new(),
            })
        })
    }

    /// Renames a board or a unit; the channels that use it move with it
    /// (each audited as an edit of the channel).
    pub fn rename_org_entry(&self, entry: OrgEntry<'_>, to: &str) -> Result<OrgUnits> {
        self.require(RoleAction::RegisterEdit, None)?;
        self.change_org(|list, channels| {
            let to = name(to)?;
            let mut moved = Vec::new();
            let event = match entry {
                OrgEntry::Board(board) => {
                    let old = find_board(list, board)?.name.clone();
                    if !same_name(&old, to) && list.board(to).is_some() {
                        return Err(invalid(Message::OrgBoardExists { board: to.into() }));
                    }
                    list.board_mut(&old).expect("found").name = to.into();
                    for c in channels {
                        if c.board.as_deref().is_some_and(|b| same_name(b, &old)) {
                            let mut c = c.clone();
                            c.board = Some(to.into());
                            moved.push(c);
                        }
                    }
                    AuditEvent::OrgUnitRenamed {
                        board: old,
                        unit: None,
                        to: to.into(),
                    }
                }
                OrgEntry::Unit(board, unit) => {
                    let b = find_board(list, board)?;
                    let old = find_unit(b, unit)?;
                    if !same_name(&old, to) && b.unit(to).is_some() {
                        return Err(invalid(Message::OrgUnitExists {
                            board: b.name.clone(),
                            unit: to.into(),
                        }));
                    }
                    let board = b.name.clone();
                    let b = list.board_mut(&board).expect("found");
                    for u in b.units.iter_mut().filter(|u| same_name(u, &old)) {
                        *u = to.into();
                    }
                    for c in channels {
                        if uses(c, &board, Some(&old)) {
                            let mut c = c.clone();
                            c.unit = Some(to.into());
                            moved.push(c);
                        }
                    }
                    AuditEvent::OrgUnitRenamed {
                        board,
                        unit: Some(old),
                        to: to.into(),
                    }
                }
            };
            Ok(OrgChange {
                events: vec![event],
                channels: moved,
            })
        })
    }

    /// Removes a board (with its units) or a unit; refused while any
    /// channel, closed ones included, uses it.
    pub fn remove_org_entry(&self, entry: OrgEntry<'_>) -> Result<OrgUnits> {
        self.require(RoleAction::RegisterEdit, None)?;
        self.change_org(|list, channels| {
            let event = match entry {
                OrgEntry::Board(board) => {
                    let board = find_board(list, board)?.name.clone();
                    let users = channels.iter().filter(|c| uses(c, &board, None)).count();
                    if users > 0 {
                        return Err(StoreError::Conflict(Message::OrgBoardInUse {
                            board,
                            channels: users as u64,
                        }));
                    }
                    list.boards.retain(|b| !same_name(&b.name, &board));
                    AuditEvent::OrgUnitRemoved { board, unit: None }
                }
                OrgEntry::Unit(board, unit) => {
                    let b = find_board(list, board)?;
                    let unit = find_unit(b, unit)?;
                    let board = b.name.clone();
                    let users = channels
                        .iter()
                        .filter(|c| uses(c, &board, Some(&unit)))
                        .count();
                    if users > 0 {
                        return Err(StoreError::Conflict(Message::OrgUnitInUse {
                            board,
                            unit,
                            channels: users as u64,
                        }));
                    }
                    let b = list.board_mut(&board).expect("found");
                    b.units.retain(|u| !same_name(u, &unit));
                    AuditEvent::OrgUnitRemoved {
                        board,
                        unit: Some(unit),
                    }
                }
            };
            Ok(OrgChange {
                events: vec![event],
                channels: Vec::new(),
            })
        })
    }

    /// A new channel's board and unit checked against the list and spelt as
    /// the list spells them.
    pub(crate) fn check_new_channel_org(&self, new: &mut NewChannel) -> Result<()> {
        let list = self.org_units()?;
        let (board, unit) = checked(&list, new.board.as_deref(), new.unit.as_deref())?;
        new.board = board.or(new.board.take());
        new.unit = unit.or(new.unit.take());
        Ok(())
    }

    /// An edit's board and unit checked against the list, when it changes
    /// either (an unchanged channel is left as it is).
    pub(crate) fn check_patch_org(
        &self,
        current: &Channel,
        patch: &mut ChannelPatch,
    ) -> Result<()> {
        if patch.board.is_none() && patch.unit.is_none() {
            return Ok(());
        }
        let list = self.org_units()?;
        let board = patch.board.as_deref().or(current.board.as_deref());
        let unit = patch.unit.as_deref().or(current.unit.as_deref());
        // The list's spelling where it has one; the given value otherwise
        // (no list, or a value being cleared).
        let (b, u) = checked(&list, board, unit)?;
        if let (Some(b), true) = (b, patch.board.is_some()) {
            patch.board = Some(b);
        }
        if let (Some(u), true) = (u, patch.unit.is_some()) {
            patch.unit = Some(u);
        }
        Ok(())
    }

    fn change_org(
        &self,
        change: impl FnOnce(&mut OrgUnits, &[Channel]) -> ogonblick_store::Result<OrgChange>,
    ) -> Result<OrgUnits> {
        Ok(self
            .store()
            .change_org_units(self.operator(), Box::new(change))?)
    }
}

/// The board and unit as the list spells them (`None` where not given), or
/// the refusal naming what the list holds and how to add to it. An empty
/// list checks nothing.
fn checked(
    list: &OrgUnits,
    board: Option<&str>,
    unit: Option<&str>,
) -> Result<(Option<String>, Option<String>)> {
    let board = board.map(str::trim).filter(|s| !s.is_empty());
    let unit = unit.map(str::trim).filter(|s| !s.is_empty());
    if list.boards.is_empty() {
        return Ok((None, None));
    }
    let Some(board) = board else {
        return match unit {
            Some(u) => Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::OrgUnitNeedsBoard { unit: u.into() },
            )),
            None => Ok((None, None)),
        };
    };
    let Some(b) = list.board(board) else {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::OrgBoardUnknown {
                board: board.into(),
                known: known_boards(list),
            },
        ));
    };
    let unit = match unit {
        None => None,
        Some(u) => Some(
            b.unit(u)
                .ok_or_else(|| {
                    AppError::said(
                        ErrorCode::InvalidInput,
                        Message::OrgUnitUnknown {
                            board: b.name.clone(),
                            unit: u.into(),
                            known: b.units.join(", "),
                        },
                    )
                })?
                .to_string(),
        ),
    };
    Ok((Some(b.name.clone()), unit))
}

/// Takes into the list the boards and units of channels just imported
/// (and, when the list was empty, those of every channel, `all`, which the
/// store reads only then): the events of what it added. Run by the store
/// inside the import's transaction.
pub(crate) fn import_take_in(
    list: &mut OrgUnits,
    all: &[Channel],
    imported: &[Channel],
) -> Vec<AuditEvent> {
    let mut events = seed(list, all);
    for c in imported {
        events.extend(take_in(list, c.board.as_deref(), c.unit.as_deref()));
    }
    events
}

/// When the list is empty, takes in every channel's board and unit.
fn seed(list: &mut OrgUnits, channels: &[Channel]) -> Vec<AuditEvent> {
    if !list.boards.is_empty() {
        return Vec::new();
    }
    channels
        .iter()
        .flat_map(|c| take_in(list, c.board.as_deref(), c.unit.as_deref()))
        .collect()
}

/// Adds a board and unit where missing, with an event for each addition.
fn take_in(list: &mut OrgUnits, board: Option<&str>, unit: Option<&str>) -> Vec<AuditEvent> {
    let Some(board) = board.map(str::trim).filter(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let mut events = Vec::new();
    if list.board(board).is_none() {
        list.take_in(board, None);
        events.push(AuditEvent::OrgUnitAdded {
            board: board.into(),
            unit: None,
        });
    }
    if let Some(u) = unit.map(str::trim).filter(|s| !s.is_empty()) {
        if list.take_in(board, Some(u)) {
            events.push(AuditEvent::OrgUnitAdded {
                board: list.board(board).expect("taken in").name.clone(),
                unit: Some(u.into()),
            });
        }
    }
    events
}

fn uses(c: &Channel, board: &str, unit: Option<&str>) -> bool {
    c.board.as_deref().is_some_and(|b| same_name(b, board))
        && unit.is_none_or(|u| c.unit.as_deref().is_some_and(|cu| same_name(cu, u)))
}

fn name(s: &str) -> ogonblick_store::Result<&str> {
    let s = s.trim();
    if s.is_empty() {
        return Err(invalid(Message::OrgNameEmpty {}));
    }
    Ok(s)
}

fn invalid(m: Message) -> StoreError {
    StoreError::Invalid(m)
}

fn known_boards(list: &OrgUnits) -> String {
    list.boards
        .iter()
        .map(|b| b.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn find_board<'a>(
    list: &'a OrgUnits,
    board: &str,
) -> ogonblick_store::Result<&'a ogonblick_model::OrgBoard> {
    list.board(board).ok_or_else(|| {
        invalid(Message::OrgNoSuchBoard {
            board: board.trim().into(),
            known: known_boards(list),
        })
    })
}

fn find_unit(b: &ogonblick_model::OrgBoard, unit: &str) -> ogonblick_store::Result<String> {
    b.unit(unit).map(str::to_string).ok_or_else(|| {
        invalid(Message::OrgNoSuchUnit {
            board: b.name.clone(),
            unit: unit.trim().into(),
            known: b.units.join(", "),
        })
    })
}
