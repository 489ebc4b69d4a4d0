//! Roles on PostgreSQL: the rows of `roles` and `role_units` (migration
//! 0003), the same rule as the SQLite store (`store/roles.rs`: a register
//! with roles always has an administrator) and the same audit entries
//! (`role.set`, `role.remove`). Every change locks `roles` first, so two
//! desktops changing roles at once take turns: the second reads what the
//! first committed, and cannot remove the other last administrator.
//!
//! A person's login is their PostgreSQL role (migration 0007): in the same
//! transaction `ogonblick_set_groups` (run as the schema owner, open to the
//! administratör group) creates that role (LOGIN, no password) if missing,
//! grants it the group roles of its roles and revokes the others; removing
//! a person's roles revokes them all.

use std::collections::BTreeMap;

use ogonblick_model::{AuditEvent, Message, PersonRoles, Role};
use postgres::{GenericClient, Transaction};

use super::channels::{parse_ts, parse_word};
use super::PgRegister;
use crate::store::{check_administrator, role_writes, ts};
use crate::{Result, StoreError};

/// Every person with a role, by login (byte order), roles sorted.
fn load_roles(c: &mut impl GenericClient) -> Result<Vec<PersonRoles>> {
    let mut people: BTreeMap<String, PersonRoles> = BTreeMap::new();
    for r in c.query(
        "SELECT login, role, set_at, set_by FROM roles ORDER BY login, role",
        &[],
    )? {
        let login: String = r.get(0);
        let role = parse_word::<Role>(r.get::<_, &str>(1))?;
        match people.get_mut(&login) {
            Some(p) => p.roles.push(role),
            None => {
                let p = PersonRoles {
                    login: login.clone(),
                    roles: vec![role],
                    units: Vec::new(),
                    set_at: parse_ts(r.get::<_, &str>(2))?,
                    set_by: r.get(3),
                };
                people.insert(login, p);
            }
        }
    }
    for r in c.query(
        "SELECT login, unit FROM role_units ORDER BY login, unit",
        &[],
    )? {
        if let Some(p) = people.get_mut(r.get::<_, &str>(0)) {
            p.units.push(r.get(1));
        }
    }
    let mut out: Vec<PersonRoles> = people.into_values().collect();
    for p in &mut out {
        p.roles.sort();
        p.roles.dedup();
    }
    Ok(out)
}

fn write_person(
    tx: &mut Transaction<'_>,
    login: &str,
    roles: &[Role],
    units: &[String],
    at: &str,
    by: &str,
) -> Result<()> {
    tx.execute("DELETE FROM roles WHERE login = $1", &[&login])?;
    tx.execute("DELETE FROM role_units WHERE login = $1", &[&login])?;
    for r in roles {
        tx.execute(
            "INSERT INTO roles (login, role, set_at, set_by) VALUES ($1, $2, $3, $4)",
            &[&login, &r.as_str(), &at, &by],
        )?;
    }
    for u in units {
        tx.execute(
            "INSERT INTO role_units (login, unit) VALUES ($1, $2)",
            &[&login, u],
        )?;
    }
    Ok(())
}

/// The PostgreSQL side of a person's roles: their login role in exactly
/// the group roles of `roles`.
fn set_groups(tx: &mut Transaction<'_>, login: &str, roles: &[Role]) -> Result<()> {
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    tx.execute("SELECT ogonblick_set_groups($1, $2)", &[&login, &names])?;
    Ok(())
}

/// A change of the roles that the server refused for lack of a grant
/// (the connection's role `user` is not in the administratör group, or
/// the schema owner lost CREATEROLE) as `RolePgGrantRefused`; a login too
/// long for a PostgreSQL role name as `RoleBadLogin`.
fn refused_as_roles(
    r: Result<Vec<PersonRoles>>,
    user: &str,
    login: &str,
) -> Result<Vec<PersonRoles>> {
    match r {
        Err(StoreError::Postgres(detail))
            if super::denied(&StoreError::Postgres(detail.clone())) =>
        {
            Err(StoreError::Conflict(Message::RolePgGrantRefused {
                login: login.to_string(),
                user: user.to_string(),
                detail,
            }))
        }
        // 42622: a login longer than PostgreSQL's 63 bytes for a role name.
        Err(StoreError::Postgres(detail)) if detail.ends_with("(SQLSTATE 42622)") => {
            Err(StoreError::Invalid(Message::RoleBadLogin {
                login: login.to_string(),
            }))
        }
        r => r,
    }
}

/// One writer of the roles at a time (readers go on). In READ COMMITTED
/// every statement after the lock sees what the previous holder committed.
fn lock_roles(tx: &mut Transaction<'_>) -> Result<()> {
    tx.execute("LOCK TABLE roles IN SHARE ROW EXCLUSIVE MODE", &[])?;
    Ok(())
}

impl PgRegister {
    pub(super) fn pg_roles(&self) -> Result<Vec<PersonRoles>> {
        load_roles(&mut *self.client())
    }

    pub(super) fn pg_set_roles(
        &self,
        login: &str,
        roles: &[Role],
        units: &[String],
        actor: &str,
        first_admin: Option<&str>,
    ) -> Result<Vec<PersonRoles>> {
        let now = self.clock.now();
        self.change_roles(login, |tx| {
            let had_roles = !load_roles(tx)?.is_empty();
            for (who, roles, units) in role_writes(had_roles, login, roles, units, first_admin) {
                write_person(tx, &who, &roles, &units, &ts(&now), actor)?;
                set_groups(tx, &who, &roles)?;
                let event = AuditEvent::RoleSet {
                    login: who,
                    roles,
                    units,
                };
                super::audit::append_in(tx, now, actor, None, event)?;
            }
            Ok(())
        })
    }

    pub(super) fn pg_remove_roles(&self, login: &str, actor: &str) -> Result<Vec<PersonRoles>> {
        self.change_roles(login, |tx| {
            let n = tx.execute("DELETE FROM roles WHERE login = $1", &[&login])?;
            tx.execute("DELETE FROM role_units WHERE login = $1", &[&login])?;
            if n == 0 {
                return Err(StoreError::NotFound(Message::RoleNotSet {
                    login: login.to_string(),
                }));
            }
            set_groups(tx, login, &[])?;
            let event = AuditEvent::RoleRemoved {
                login: login.to_string(),
            };
            super::audit::append_in(tx, self.clock.now(), actor, None, event)?;
            Ok(())
        })
    }

    /// A change of `login`'s roles in one transaction under the roles'
    /// lock: `change`, then the check that an administrator is left, then
    /// the commit; everyone's roles afterwards. A statement the server
    /// refuses for lack of a grant is [`refused_as_roles`].
    fn change_roles(
        &self,
        login: &str,
        change: impl FnOnce(&mut Transaction<'_>) -> Result<()>,
    ) -> Result<Vec<PersonRoles>> {
        let r = (|| {
            let mut client = self.client();
            let mut tx = client.transaction()?;
            lock_roles(&mut tx)?;
            change(&mut tx)?;
            let all = load_roles(&mut tx)?;
            check_administrator(&all, login)?;
            tx.commit()?;
            Ok(all)
        })();
        refused_as_roles(r, &self.user, login)
    }
}
