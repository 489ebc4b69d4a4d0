//! Roles (h-roles, issue 15): who may change what. Every use case that
//! changes something calls [`App::require`] first, with its [`RoleAction`]
//! (and the channel, for the actions a *handläggare* may take on their own
//! units' channels); the table [`grants`] says which role may do what. The
//! CLI and the desktop call the same use cases, so they refuse the same
//! things with the same sentence (`ErrorCode::Forbidden`, a `role-*` key),
//! and every refusal is audited (`access.refused`).
//!
//! A person is the login name the front-end gives ([`App::with_login`]:
//! `$USER` / `%USERNAME%`, as the audit log records it); `--operator` names
//! who is working for the log and never grants anything. A register without
//! roles checks nothing: everyone may do everything, as before roles. The
//! first `role set` on such a register also makes the person doing it an
//! administrator, so nobody locks themselves out; the store keeps an
//! administrator among the roles from then on.
//!
//! Reading (lists, history, the audit log, overviews) is not checked here:
//! every role reads the whole register (the guidelines make it public
//! record). On a shared register the same table holds in the database too:
//! group roles with grants, and row-level security on a unit's channels'
//! rows for a handläggare's writes (`migrations-pg/0007_role_grants.sql`).

use ogonblick_model::messages::{Names, RoleNames};
use ogonblick_model::{
    AuditEvent, Channel, ChannelId, ErrorCode, Message, PersonRoles, Role, RoleAction,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// What a role gets of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    No,
    /// On every channel.
    Any,
    /// Only on the channels of the person's units (a *handläggare*).
    OwnUnits,
}

/// The table: what each role may do, in the order handläggare, arkivarie,
/// chef, administratör ([`Role::ALL`]). An arkivarie may also capture any
/// channel (a pre-closure snapshot, a missing one before an export, a major
/// change) and certify removal records as the second person, but records no
/// removals: moderating a channel is its unit's work. An administratör sets
/// roles and settings and may rebuild the register, but keeps no archive
/// rights of their own: they give themselves a role for that, which the log
/// records. Retrying pending timestamps and verifying a package are no
/// decisions of anyone's and are not checked.
pub fn grants(action: RoleAction) -> [Grant; 4] {
    use Grant::{Any, No, OwnUnits};
    use RoleAction as A;
    match action {
        //                      handläggare arkivarie chef administratör
        A::Capture => [OwnUnits, Any, No, No],
        A::MajorChange => [OwnUnits, Any, No, No],
        A::RemovalRecord => [OwnUnits, No, No, No],
        A::CertifyRemoval => [OwnUnits, Any, No, No],
        A::RegisterEdit => [No, Any, No, No],
        A::Export => [No, Any, No, No],
        A::Closure => [No, Any, No, No],
        A::DiaryNumber => [No, Any, No, No],
        A::Mark => [No, Any, No, No],
        A::Retention => [No, Any, No, No],
        A::RemovalGrounds => [No, Any, No, No],
        A::Disposal => [No, Any, No, No],
        A::Report => [Any, Any, Any, Any],
        A::Reindex => [No, Any, No, Any],
        A::Settings => [No, No, No, Any],
        A::Roles => [No, No, No, Any],
    }
}

/// What `role` gets of `action`.
pub fn grant(role: Role, action: RoleAction) -> Grant {
    let i = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
    grants(action)[i]
}

/// What the person working may do, for the UI to hide the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CurrentAccess {
    /// The login name the roles are looked up by (null: unknown).
    pub login: Option<String>,
    /// False while the register has no roles: everyone may do everything.
    pub configured: bool,
    pub roles: Vec<Role>,
    /// A *handläggare*'s units.
    pub units: Vec<String>,
    /// Allowed on every channel.
    pub may: Vec<RoleAction>,
    /// Allowed only on the channels of `units`.
    pub own_units: Vec<RoleAction>,
}

/// Whether `unit` (a channel's) is one of `units`: trimmed, any case.
fn unit_matches(units: &[String], unit: Option<&str>) -> bool {
    let Some(unit) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
        return false;
    };
    let unit = unit.to_lowercase();
    units.iter().any(|u| u.trim().to_lowercase() == unit)
}

fn needed(action: RoleAction) -> RoleNames {
    RoleNames::new(
        Role::ALL
            .iter()
            .filter(|r| grant(**r, action) != Grant::No)
            .map(|r| r.as_str()),
    )
}

fn action_message(action: RoleAction) -> Box<Message> {
    Box::new(Message::RoleActionName {
        action: action.as_str().to_string(),
    })
}

/// The decision, pure: `None` when allowed, else the refusal's sentence.
pub fn decide(
    people: &[PersonRoles],
    login: Option<&str>,
    action: RoleAction,
    channel: Option<&Channel>,
) -> Option<Message> {
    if people.is_empty() {
        return None;
    }
    let Some(login) = login else {
        return Some(Message::RoleNoLogin {
            action: action_message(action),
        });
    };
    let Some(person) = people.iter().find(|p| p.login == login) else {
        return Some(Message::RoleNone {
            login: login.to_string(),
            action: action_message(action),
            needed: needed(action),
        });
    };
    let mut unit_bound = false;
    for role in &person.roles {
        match grant(*role, action) {
            Grant::Any => return None,
            Grant::OwnUnits => {
                unit_bound = true;
                if channel.is_some_and(|c| unit_matches(&person.units, c.unit.as_deref())) {
                    return None;
                }
            }
            Grant::No => {}
        }
    }
    match channel {
        Some(c) if unit_bound => Some(Message::RoleRefusedUnit {
            login: login.to_string(),
            action: action_message(action),
            channel: c.name.clone(),
            unit: Box::new(match c.unit.as_deref().map(str::trim) {
                Some(u) if !u.is_empty() => Message::RoleChannelUnit { unit: u.into() },
                _ => Message::RoleChannelNoUnit {},
            }),
            units: Names::new(person.units.iter().cloned()),
        }),
        _ => Some(Message::RoleRefused {
            login: login.to_string(),
            has: RoleNames::new(person.roles.iter().map(|r| r.as_str())),
            action: action_message(action),
            needed: needed(action),
        }),
    }
}

/// Checks a login name given to `role set`/`role remove`.
fn check_login(login: &str) -> Result<String> {
    let l = login.trim();
    let bad = l.is_empty()
        || l.chars().count() > 128
        || l.chars().any(|c| c.is_whitespace() || c.is_control())
        || ogonblick_model::text::check_text(ogonblick_model::TextField::Login, l, false).is_err();
    if bad {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::RoleBadLogin {
                login: login.to_string(),
            },
        ));
    }
    Ok(l.to_string())
}

impl App {
    /// The role check: `Ok` when the person working may do `action` (on
    /// `channel`, for the actions bound to a *handläggare*'s units), else a
    /// `Forbidden` refusal that names who, their roles and what is needed,
    /// recorded in the audit log. Every state-changing use case calls it
    /// first.
    pub(crate) fn require(&self, action: RoleAction, channel: Option<&Channel>) -> Result<()> {
        self.require_among(&self.store().roles()?, action, channel)
    }

    /// [`App::require`] with the roles already read (each check reads them
    /// once).
    fn require_among(
        &self,
        people: &[PersonRoles],
        action: RoleAction,
        channel: Option<&Channel>,
    ) -> Result<()> {
        let Some(message) = decide(people, self.login(), action, channel) else {
            return Ok(());
        };
        let event = AuditEvent::AccessRefused {
            login: self.login().unwrap_or_default().to_string(),
            action,
        };
        // Refused whatever happens to the log entry: nothing was changed.
        let _ = self
            .store()
            .append_audit(self.operator(), channel.map(|c| c.id), event);
        Err(AppError::said(ErrorCode::Forbidden, message))
    }

    /// [`App::require`] for an action on a channel given by id. An unknown
    /// id passes: the use case then says it does not exist.
    pub(crate) fn require_channel(&self, action: RoleAction, id: ChannelId) -> Result<()> {
        let people = self.store().roles()?;
        self.require_channel_among(&people, action, id)
    }

    fn require_channel_among(
        &self,
        people: &[PersonRoles],
        action: RoleAction,
        id: ChannelId,
    ) -> Result<()> {
        if people.is_empty() {
            return Ok(());
        }
        match self.store().channel(id) {
            Ok(c) => self.require_among(people, action, Some(&c)),
            Err(_) => Ok(()),
        }
    }

    /// [`App::require`] for an action on a removal record (its channel's
    /// unit). An unknown id passes: the use case then says it does not exist.
    pub(crate) fn require_removal(&self, action: RoleAction, id: &str) -> Result<()> {
        let people = self.store().roles()?;
        if people.is_empty() {
            return Ok(());
        }
        match self.store().removal(id.trim()) {
            Ok((versions, _)) => match versions.last() {
                Some(r) => self.require_channel_among(&people, action, r.channel_id),
                None => Ok(()),
            },
            Err(_) => Ok(()),
        }
    }

    /// Whether the person may do `action` on `channel`, without a refusal
    /// (a due run leaves out the channels a person may not capture).
    pub(crate) fn may(
        &self,
        people: &[PersonRoles],
        action: RoleAction,
        channel: &Channel,
    ) -> bool {
        decide(people, self.login(), action, Some(channel)).is_none()
    }

    /// Every person with a role, by login (empty: roles are off).
    pub fn roles(&self) -> Result<Vec<PersonRoles>> {
        Ok(self.store().roles()?)
    }

    /// What the person working may do (the UI hides the rest).
    pub fn current_access(&self) -> Result<CurrentAccess> {
        let people = self.store().roles()?;
        let login = self.login().map(str::to_string);
        let configured = !people.is_empty();
        let person = people
            .iter()
            .find(|p| Some(p.login.as_str()) == login.as_deref());
        let mut may = Vec::new();
        let mut own_units = Vec::new();
        for action in RoleAction::ALL {
            if !configured {
                may.push(*action);
                continue;
            }
            let Some(p) = person else { continue };
            let g: Vec<Grant> = p.roles.iter().map(|r| grant(*r, *action)).collect();
            if g.contains(&Grant::Any) {
                may.push(*action);
            } else if g.contains(&Grant::OwnUnits) {
                own_units.push(*action);
            }
        }
        Ok(CurrentAccess {
            login,
            configured,
            roles: person.map(|p| p.roles.clone()).unwrap_or_default(),
            units: person.map(|p| p.units.clone()).unwrap_or_default(),
            may,
            own_units,
        })
    }

    /// Sets the roles of `login` (replacing theirs): `units` for a
    /// *handläggare* (at least one), none for the other roles. Only an
    /// administrator (or anyone, while the register has no roles: then the
    /// person doing it becomes an administrator too). Audited.
    pub fn set_role(
        &self,
        login: &str,
        roles: &[Role],
        units: &[String],
    ) -> Result<Vec<PersonRoles>> {
        self.require(RoleAction::Roles, None)?;
        let login = check_login(login)?;
        if roles.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RoleNothingGiven { login },
            ));
        }
        let mut clean = Vec::new();
        for u in units {
            let u = u.trim();
            if u.is_empty() {
                continue;
            }
            ogonblick_model::text::check_text(ogonblick_model::TextField::Unit, u, false)
                .map_err(|m| AppError::said(ErrorCode::InvalidInput, m))?;
            clean.push(u.to_string());
        }
        let handlaggare = roles.contains(&Role::Handlaggare);
        if handlaggare && clean.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RoleHandlaggareWithoutUnit { login },
            ));
        }
        if !handlaggare && !clean.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RoleUnitsWithoutHandlaggare { login },
            ));
        }
        // The first role also makes the person giving it administrator:
        // without a login, nobody would be.
        if self.login().is_none()
            && !roles.contains(&Role::Administrator)
            && self.store().roles()?.is_empty()
        {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RoleFirstWithoutLogin { login },
            ));
        }
        Ok(self
            .store()
            .set_roles(&login, roles, &clean, self.operator(), self.login())?)
    }

    /// Removes every role of `login` (only an administrator). Removing the
    /// last person's roles turns roles off. Audited.
    pub fn remove_role(&self, login: &str) -> Result<Vec<PersonRoles>> {
        self.require(RoleAction::Roles, None)?;
        let login = check_login(login)?;
        Ok(self.store().remove_roles(&login, self.operator())?)
    }
}

/// The role check of a rebuild that runs before the register is open (its
/// database may be damaged): the roles are read from their mirror
/// `roles.json`; a refusal is audited when the register still opens.
pub(crate) fn require_offline(
    config: &crate::AppConfig,
    login: Option<&str>,
    clock: &std::sync::Arc<dyn ogonblick_model::Clock>,
    action: RoleAction,
) -> Result<()> {
    let path = config.data_dir.join(ogonblick_store::ROLES_FILE);
    let people: Vec<PersonRoles> = match std::fs::read(&path) {
        Ok(b) => serde_json::from_slice(&b).map_err(|e| {
            AppError::said(
                ErrorCode::Environment,
                Message::RolesUnreadable {
                    path: path.display().to_string(),
                    detail: e.to_string(),
                },
            )
        })?,
        Err(_) => Vec::new(),
    };
    let Some(message) = decide(&people, login, action, None) else {
        return Ok(());
    };
    if let Ok(store) = ogonblick_store::Store::open(&config.data_dir, clock.clone()) {
        let event = AuditEvent::AccessRefused {
            login: login.unwrap_or_default().to_string(),
            action,
        };
        let _ = store.append_audit(&config.operator, None, event);
    }
    Err(AppError::said(ErrorCode::Forbidden, message))
}
