//! Roles on PostgreSQL: the rows of `roles` and `role_units` (migration
//! 0003), the same rule as the SQLite store (`store/roles.rs`: a register
//! with roles always has an administrator) and the same audit entries
//! (`role.set`, `role.remove`). Every change locks `roles` first, so two
//! desktops changing roles at once take turns: the second reads what the
//! first committed, and cannot remove the other last administrator.

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
        let mut client = self.client();
        let mut tx = client.transaction()?;
        lock_roles(&mut tx)?;
        let had_roles = !load_roles(&mut tx)?.is_empty();
        for (who, roles, units) in role_writes(had_roles, login, roles, units, first_admin) {
            write_person(&mut tx, &who, &roles, &units, &ts(&now), actor)?;
            let event = AuditEvent::RoleSet {
                login: who,
                roles,
                units,
            };
            super::audit::append_in(&mut tx, now, actor, None, event)?;
        }
        let all = load_roles(&mut tx)?;
        check_administrator(&all, login)?;
        tx.commit()?;
        Ok(all)
    }

    pub(super) fn pg_remove_roles(&self, login: &str, actor: &str) -> Result<Vec<PersonRoles>> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        lock_roles(&mut tx)?;
        let n = tx.execute("DELETE FROM roles WHERE login = $1", &[&login])?;
        tx.execute("DELETE FROM role_units WHERE login = $1", &[&login])?;
        if n == 0 {
            return Err(StoreError::NotFound(Message::RoleNotSet {
                login: login.to_string(),
            }));
        }
        let event = AuditEvent::RoleRemoved {
            login: login.to_string(),
        };
        super::audit::append_in(&mut tx, self.clock.now(), actor, None, event)?;
        let all = load_roles(&mut tx)?;
        check_administrator(&all, login)?;
        tx.commit()?;
        Ok(all)
    }
}
