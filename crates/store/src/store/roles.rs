//! Roles (h-roles): each person's roles and units, in `roles` and
//! `role_units`, mirrored in `roles.json` (written atomically inside the
//! transaction, as `settings.json` is) so `reindex` restores them. The store
//! keeps one rule itself, in the same transaction as the change: a register
//! with roles always has an administrator. Who may change roles, and what a
//! role allows, is the application's (`crates/app/src/roles.rs`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use ogonblick_model::messages::IoAction;
use ogonblick_model::{AuditEvent, Message, PersonRoles, Role};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};

use super::{parse_ts, parse_word, ts, Store};
use crate::fsutil::write_json_atomic;
use crate::{Result, StoreError};

/// The mirror of the roles in the data directory.
pub const ROLES_FILE: &str = "roles.json";

impl Store {
    /// Every person with a role, by login. Empty: no roles configured.
    pub fn roles(&self) -> Result<Vec<PersonRoles>> {
        load_roles(&self.conn())
    }

    /// Sets the roles and units of `person.login` (replacing what they had),
    /// audited as `role.set` by `actor`. When the register had no roles yet
    /// and `first_admin` is given, that person becomes an administrator in
    /// the same transaction (keeping any role given here). Refused when the
    /// change leaves roles without an administrator.
    pub fn set_roles(
        &self,
        login: &str,
        roles: &[Role],
        units: &[String],
        actor: &str,
        first_admin: Option<&str>,
    ) -> Result<Vec<PersonRoles>> {
        let now = self.clock.now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let had_roles = !load_roles(&tx)?.is_empty();
        for (who, roles, units) in role_writes(had_roles, login, roles, units, first_admin) {
            write_person(&tx, &who, &roles, &units, &ts(&now), actor)?;
            let event = AuditEvent::RoleSet {
                login: who,
                roles,
                units,
            };
            self.audit_in(&tx, now, actor, None, event)?;
        }
        let all = self.finish_role_change(&tx, login)?;
        tx.commit()?;
        Ok(all)
    }

    /// Removes every role of `login`, audited as `role.remove`. Removing the
    /// last person's roles turns roles off; removing the last administrator
    /// while others keep roles is refused.
    pub fn remove_roles(&self, login: &str, actor: &str) -> Result<Vec<PersonRoles>> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute("DELETE FROM roles WHERE login = ?1", [login])?;
        tx.execute("DELETE FROM role_units WHERE login = ?1", [login])?;
        if n == 0 {
            return Err(StoreError::NotFound(Message::RoleNotSet {
                login: login.to_string(),
            }));
        }
        let event = AuditEvent::RoleRemoved {
            login: login.to_string(),
        };
        self.audit_in(&tx, self.clock.now(), actor, None, event)?;
        let all = self.finish_role_change(&tx, login)?;
        tx.commit()?;
        Ok(all)
    }

    /// Holds the rule (roles, then an administrator among them) and writes
    /// the mirror, before the caller commits.
    fn finish_role_change(&self, tx: &Transaction<'_>, login: &str) -> Result<Vec<PersonRoles>> {
        let all = load_roles(tx)?;
        check_administrator(&all, login)?;
        write_json_atomic(&self.data_dir.join(ROLES_FILE), &all)?;
        Ok(all)
    }
}

/// What a `set_roles` writes, in order: the person's roles and units
/// (sorted, without repeats) and, when the register had no roles yet and
/// `first_admin` names someone else, that person as administrator. When
/// `first_admin` is the person, they get the administrator role too.
pub(crate) fn role_writes(
    had_roles: bool,
    login: &str,
    roles: &[Role],
    units: &[String],
    first_admin: Option<&str>,
) -> Vec<(String, Vec<Role>, Vec<String>)> {
    let mut roles = roles.to_vec();
    let mut extra_admin = None;
    if let (false, Some(admin)) = (had_roles, first_admin) {
        if admin == login {
            roles.push(Role::Administrator);
        } else {
            extra_admin = Some(admin);
        }
    }
    roles.sort();
    roles.dedup();
    let mut units: Vec<String> = units.to_vec();
    units.sort();
    units.dedup();
    let mut writes = vec![(login.to_string(), roles, units)];
    if let Some(admin) = extra_admin {
        writes.push((admin.to_string(), vec![Role::Administrator], Vec::new()));
    }
    writes
}

/// The refusal when `all` (the roles after a change of `login`) has roles
/// but no administrator.
pub(crate) fn check_administrator(all: &[PersonRoles], login: &str) -> Result<()> {
    if !all.is_empty() && !all.iter().any(|p| p.has(Role::Administrator)) {
        return Err(StoreError::Conflict(Message::RoleLastAdministrator {
            login: login.to_string(),
        }));
    }
    Ok(())
}

fn write_person(
    tx: &Transaction<'_>,
    login: &str,
    roles: &[Role],
    units: &[String],
    at: &str,
    by: &str,
) -> Result<()> {
    tx.execute("DELETE FROM roles WHERE login = ?1", [login])?;
    tx.execute("DELETE FROM role_units WHERE login = ?1", [login])?;
    for r in roles {
        tx.execute(
            "INSERT INTO roles (login, role, set_at, set_by) VALUES (?1, ?2, ?3, ?4)",
            params![login, r.as_str(), at, by],
        )?;
    }
    for u in units {
        tx.execute(
            "INSERT INTO role_units (login, unit) VALUES (?1, ?2)",
            params![login, u],
        )?;
    }
    Ok(())
}

fn load_roles(conn: &Connection) -> Result<Vec<PersonRoles>> {
    let mut people: BTreeMap<String, PersonRoles> = BTreeMap::new();
    let mut stmt =
        conn.prepare("SELECT login, role, set_at, set_by FROM roles ORDER BY login, role")?;
    let rows = stmt.query_map([], |r| {
        Ok(PersonRoles {
            login: r.get(0)?,
            roles: vec![parse_word::<Role>(&r.get::<_, String>(1)?)?],
            units: Vec::new(),
            set_at: parse_ts(&r.get::<_, String>(2)?)?,
            set_by: r.get(3)?,
        })
    })?;
    for row in rows {
        let p = row?;
        match people.get_mut(&p.login) {
            Some(q) => q.roles.extend(p.roles),
            None => {
                people.insert(p.login.clone(), p);
            }
        }
    }
    let mut stmt = conn.prepare("SELECT login, unit FROM role_units ORDER BY login, unit")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (login, unit) = row?;
        if let Some(p) = people.get_mut(&login) {
            p.units.push(unit);
        }
    }
    let mut out: Vec<PersonRoles> = people.into_values().collect();
    for p in &mut out {
        p.roles.sort();
        p.roles.dedup();
    }
    Ok(out)
}

/// Restores the roles from `roles.json` into the rebuilt register. An
/// unreadable file stops the rebuild: going on without it would turn roles
/// off, and everyone would be allowed everything.
pub(super) fn restore_roles(tx: &Transaction<'_>, data_dir: &Path) -> Result<()> {
    let path = data_dir.join(ROLES_FILE);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(IoAction::Read, &path, e)),
    };
    let people: Vec<PersonRoles> = serde_json::from_slice(&bytes).map_err(|e| {
        StoreError::Integrity(Message::StoreRolesFileUnreadable {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
    })?;
    for p in people {
        write_person(tx, &p.login, &p.roles, &p.units, &ts(&p.set_at), &p.set_by)?;
    }
    Ok(())
}
