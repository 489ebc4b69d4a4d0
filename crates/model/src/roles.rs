//! Roles (h-roles, issue 15): who may do what in the register. A person is
//! the login name of whoever runs the program (as the audit log records it);
//! `--operator` names who is working for the log but never grants anything.
//! The table of which role may do which [`RoleAction`] is the application's
//! (`crates/app/src/roles.rs`); this module is the vocabulary.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Timestamp, UnknownWord};

vocabulary!(
    /// A role of a person. *handläggare*: unit staff, for the channels of
    /// their units; *arkivarie*: the register and the archive; *chef*: reads
    /// everything and writes reports; *administratör*: roles and settings.
    Role, "role" {
        Handlaggare = "handlaggare" | "handläggare" | "case-officer",
        Arkivarie = "arkivarie" | "archivist",
        Chef = "chef" | "manager",
        Administrator = "administrator" | "administratör" | "admin",
    }
);

vocabulary!(
    /// What a state-changing use case does, as the role check names it.
    RoleAction, "action" {
        Capture = "capture",
        MajorChange = "major-change",
        RemovalRecord = "removal-record",
        CertifyRemoval = "certify-removal",
        RegisterEdit = "register-edit",
        Export = "export",
        Closure = "closure",
        DiaryNumber = "diary-number",
        Mark = "mark",
        Retention = "retention",
        RemovalGrounds = "removal-grounds",
        Disposal = "disposal",
        Report = "report",
        Reindex = "reindex",
        Settings = "settings",
        Roles = "roles",
    }
);

/// The roles of one person, as the register keeps them (`roles.json` is
/// their mirror in the data directory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonRoles {
    /// The login name (`$USER` / `%USERNAME%`).
    pub login: String,
    /// At least one; sorted, each once.
    pub roles: Vec<Role>,
    /// The units (as the register names them, a channel's `unit`) whose
    /// channels a *handläggare* works on; empty for the other roles.
    pub units: Vec<String>,
    #[ts(type = "string")]
    pub set_at: Timestamp,
    /// The operator who set them.
    pub set_by: String,
}

impl PersonRoles {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}
