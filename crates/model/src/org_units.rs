//! The organisation's list of boards (nämnder) and their units (förvaltningar,
//! enheter), kept as a settings document (h-ui19, issue 19): a channel's
//! board and unit are picked from it, so a typo cannot make a new group.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Setting, SettingKey};

/// The boards and their units. Empty: the organisation has no list yet, and
/// a channel may name any board and unit (registers of earlier versions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgUnits {
    #[serde(default)]
    pub boards: Vec<OrgBoard>,
}

/// A board and its units, in the order they were added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgBoard {
    pub name: String,
    #[serde(default)]
    pub units: Vec<String>,
}

/// Names are compared as people read them: case and surrounding space do
/// not count.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl OrgUnits {
    /// The board of that name (case-insensitive).
    pub fn board(&self, name: &str) -> Option<&OrgBoard> {
        self.boards.iter().find(|b| same_name(&b.name, name))
    }

    /// The board of that name, to change.
    pub fn board_mut(&mut self, name: &str) -> Option<&mut OrgBoard> {
        self.boards.iter_mut().find(|b| same_name(&b.name, name))
    }

    /// Adds the board and (when given) its unit where missing; whether
    /// anything was added.
    pub fn take_in(&mut self, board: &str, unit: Option<&str>) -> bool {
        let board = board.trim();
        if board.is_empty() {
            return false;
        }
        let mut added = false;
        if self.board(board).is_none() {
            self.boards.push(OrgBoard {
                name: board.to_string(),
                units: Vec::new(),
            });
            added = true;
        }
        if let Some(u) = unit.map(str::trim).filter(|u| !u.is_empty()) {
            let b = self.board_mut(board).expect("added above");
            if b.unit(u).is_none() {
                b.units.push(u.to_string());
                added = true;
            }
        }
        added
    }
}

impl OrgBoard {
    /// The unit of that name as the list spells it (case-insensitive).
    pub fn unit(&self, name: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|u| same_name(u, name))
            .map(String::as_str)
    }
}

impl Setting for OrgUnits {
    const KEY: SettingKey = SettingKey::OrgUnits;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_in_adds_what_is_missing_once_whatever_the_case() {
        let mut o = OrgUnits::default();
        assert!(o.take_in("Kulturnämnden", Some("Bibliotek")));
        assert!(!o.take_in(" kulturnämnden ", Some("BIBLIOTEK")));
        assert!(o.take_in("KULTURNÄMNDEN", Some("Fritid")));
        assert!(!o.take_in("", Some("x")));
        assert_eq!(o.boards.len(), 1);
        assert_eq!(o.boards[0].name, "Kulturnämnden");
        assert_eq!(o.boards[0].units, vec!["Bibliotek", "Fritid"]);
    }
}
