//! Roles and the organisation's list of boards and units through the
//! storage interface, on both backends: shared between connections, the
//! rule that roles keep an administrator (also against two desktops at
//! once), and the audit entries each change writes.

use ogonblick_model::{AuditEvent, ChannelField, Message, OrgUnits, PersonRoles, Role};
use ogonblick_store::{OrgChange, Register, RegisterExt, StoreError};

use super::backends::{self, Backend};
use super::given_channel;
use crate::common::t0;

conformance!(
    role_set_on_one_connection_is_read_on_another,
    last_administrator_cannot_be_removed_and_nothing_is_audited,
    two_desktops_removing_the_two_last_administrators_at_once_leave_one,
    boards_and_units_added_on_one_connection_are_listed_on_another,
    two_desktops_adding_boards_at_once_keep_both,
);

fn logins(people: &[PersonRoles]) -> Vec<(&str, &[Role])> {
    people
        .iter()
        .map(|p| (p.login.as_str(), p.roles.as_slice()))
        .collect()
}

/// The audit log as (actor, action, event), the same on both backends.
fn log(r: &dyn Register) -> Vec<(String, String, Option<i64>, AuditEvent)> {
    r.audit_log(None)
        .unwrap()
        .into_iter()
        .map(|e| (e.actor, e.action, e.channel_id, e.event))
        .collect()
}

fn role_set_on_one_connection_is_read_on_another(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    assert!(other.roles().unwrap().is_empty(), "no roles configured");
    let units = [
        "Biblioteken".to_string(),
        "Arkivet".into(),
        "Arkivet".into(),
    ];
    // The first role set makes the one who sets it an administrator.
    let all = a
        .set_roles(
            "örjan",
            &[Role::Handlaggare],
            &units,
            "Anna Admin",
            Some("anna"),
        )
        .unwrap();
    let seen = other.roles().unwrap();
    assert_eq!(seen, all);
    use Role::{Administrator, Arkivarie, Handlaggare};
    assert_eq!(
        logins(&seen),
        [
            ("anna", &[Administrator][..]),
            ("örjan", &[Handlaggare][..])
        ]
    );
    assert_eq!(seen[1].units, ["Arkivet", "Biblioteken"]);
    assert_eq!(
        (seen[1].set_at, seen[1].set_by.as_str()),
        (t0(), "Anna Admin")
    );
    // Setting again replaces; an administrator setting their own roles.
    a.set_roles("Bo", &[Arkivarie, Arkivarie], &[], "anna", Some("anna"))
        .unwrap();
    let seen = other.roles().unwrap();
    assert_eq!(
        logins(&seen),
        [
            ("Bo", &[Arkivarie][..]),
            ("anna", &[Administrator][..]),
            ("örjan", &[Handlaggare][..])
        ],
        "by login, byte for byte"
    );
    other.remove_roles("Bo", "anna").unwrap();
    assert_eq!(a.roles().unwrap().len(), 2);
    assert!(matches!(
        a.remove_roles("Bo", "anna"),
        Err(StoreError::NotFound(Message::RoleNotSet { .. }))
    ));
    let set = |login: &str, roles: Vec<Role>, units: &[&str]| AuditEvent::RoleSet {
        login: login.into(),
        roles,
        units: units.iter().map(|u| u.to_string()).collect(),
    };
    assert_eq!(
        log(&*other),
        [
            (
                "Anna Admin".into(),
                "role.set".into(),
                None,
                set("örjan", vec![Handlaggare], &["Arkivet", "Biblioteken"])
            ),
            (
                "Anna Admin".into(),
                "role.set".into(),
                None,
                set("anna", vec![Administrator], &[])
            ),
            (
                "anna".into(),
                "role.set".into(),
                None,
                set("Bo", vec![Arkivarie], &[])
            ),
            (
                "anna".into(),
                "role.remove".into(),
                None,
                AuditEvent::RoleRemoved { login: "Bo".into() }
            ),
        ]
    );
}

fn last_administrator_cannot_be_removed_and_nothing_is_audited(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    a.set_roles("bo", &[Role::Arkivarie], &[], "anna", Some("anna"))
        .unwrap();
    let before = (other.roles().unwrap(), log(&*other));
    assert!(matches!(
        other.remove_roles("anna", "anna"),
        Err(StoreError::Conflict(Message::RoleLastAdministrator { .. }))
    ));
    // Nor by taking the role away.
    assert!(matches!(
        other.set_roles("anna", &[Role::Chef], &[], "anna", None),
        Err(StoreError::Conflict(Message::RoleLastAdministrator { .. }))
    ));
    assert_eq!((a.roles().unwrap(), log(&*a)), before);
    // The last person's roles may go: roles are off again.
    a.remove_roles("bo", "anna").unwrap();
    assert!(other.remove_roles("anna", "anna").unwrap().is_empty());
}

fn two_desktops_removing_the_two_last_administrators_at_once_leave_one(b: &dyn Backend) {
    let (first, second) = (b.connect(), b.connect());
    for round in 0..8 {
        // cilla (chef) and two administrators, anna and bo.
        for (login, role) in [
            ("cilla", Role::Administrator),
            ("anna", Role::Administrator),
            ("bo", Role::Administrator),
            ("cilla", Role::Chef),
        ] {
            first.set_roles(login, &[role], &[], "cilla", None).unwrap();
        }
        let entries = first.audit_log(None).unwrap().len();
        let barrier = std::sync::Barrier::new(2);
        let results: Vec<_> = std::thread::scope(|s| {
            let hs: Vec<_> = [(&first, "anna"), (&second, "bo")]
                .map(|(r, login)| {
                    let barrier = &barrier;
                    s.spawn(move || {
                        barrier.wait();
                        r.remove_roles(login, "cilla")
                    })
                })
                .into_iter()
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let won = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "round {round}: {results:?}");
        let refused = results.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert!(
            matches!(
                refused,
                StoreError::Conflict(Message::RoleLastAdministrator { .. })
            ),
            "round {round}: {refused:?}"
        );
        let left = second.roles().unwrap();
        let admins = left.iter().filter(|p| p.has(Role::Administrator)).count();
        assert_eq!(admins, 1, "round {round}: {left:?}");
        assert_eq!(
            first.audit_log(None).unwrap().len(),
            entries + 1,
            "round {round}: only the removal that stood is audited"
        );
        // The next round starts again from two administrators.
        second
            .set_roles("cilla", &[Role::Administrator], &[], "cilla", None)
            .unwrap();
        for p in left.iter().filter(|p| p.login != "cilla") {
            second.remove_roles(&p.login, "cilla").unwrap();
        }
    }
}

/// Adds `board` (and `unit` when given) as the application does, with the
/// channels' boards taken in first when the list is new.
pub(super) fn add(r: &dyn Register, board: &str, unit: Option<&str>) -> OrgUnits {
    let (board, unit) = (board.to_string(), unit.map(str::to_string));
    r.change_org_units(
        "anna",
        Box::new(move |list: &mut OrgUnits, _channels| {
            list.take_in(&board, unit.as_deref());
            Ok(OrgChange {
                events: vec![AuditEvent::OrgUnitAdded { board, unit }],
                channels: Vec::new(),
            })
        }),
    )
    .unwrap()
}

fn boards_and_units_added_on_one_connection_are_listed_on_another(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    assert_eq!(other.setting::<OrgUnits>().unwrap(), OrgUnits::default());
    add(&*a, "Kommunstyrelsen", None);
    add(&*a, "Kommunstyrelsen", Some("Kommunikationsenheten"));
    let list = add(&*other, "Kulturnämnden", None);
    let seen = a.setting::<OrgUnits>().unwrap();
    assert_eq!(seen, list);
    let names: Vec<_> = seen
        .boards
        .iter()
        .map(|b| (b.name.as_str(), b.units.clone()))
        .collect();
    assert_eq!(
        names,
        [
            ("Kommunstyrelsen", vec!["Kommunikationsenheten".to_string()]),
            ("Kulturnämnden", vec![])
        ]
    );
    // A rename moves the channel that uses the unit, in the same change.
    let renamed = a
        .change_org_units(
            "bo",
            Box::new(|list: &mut OrgUnits, channels| {
                let board = list.board_mut("kommunstyrelsen").unwrap();
                board.units = vec!["Kommunikation".into()];
                let moved = channels
                    .iter()
                    .filter(|ch| ch.unit.as_deref() == Some("Kommunikationsenheten"))
                    .map(|ch| {
                        let mut ch = ch.clone();
                        ch.unit = Some("Kommunikation".into());
                        ch
                    })
                    .collect();
                Ok(OrgChange {
                    events: vec![AuditEvent::OrgUnitRenamed {
                        board: "Kommunstyrelsen".into(),
                        unit: Some("Kommunikationsenheten".into()),
                        to: "Kommunikation".into(),
                    }],
                    channels: moved,
                })
            }),
        )
        .unwrap();
    assert_eq!(other.setting::<OrgUnits>().unwrap(), renamed);
    let moved = other.channel(c.id).unwrap();
    assert_eq!(moved.unit.as_deref(), Some("Kommunikation"));
    assert_eq!(moved.board, c.board);
    assert_eq!(moved.urls, c.urls);
    // A change without events writes nothing.
    let entries = log(&*a);
    let unchanged = other
        .change_org_units(
            "bo",
            Box::new(|list: &mut OrgUnits, _| {
                list.boards.clear();
                Ok(OrgChange::default())
            }),
        )
        .unwrap();
    assert!(unchanged.boards.is_empty(), "what the change saw");
    assert_eq!(a.setting::<OrgUnits>().unwrap(), renamed);
    assert_eq!(log(&*a), entries);
    let org: Vec<_> = entries.into_iter().skip(1).collect();
    let added = |board: &str, unit: Option<&str>| AuditEvent::OrgUnitAdded {
        board: board.into(),
        unit: unit.map(Into::into),
    };
    assert_eq!(
        org,
        [
            (
                "anna".into(),
                "org.add".into(),
                None,
                added("Kommunstyrelsen", None)
            ),
            (
                "anna".into(),
                "org.add".into(),
                None,
                added("Kommunstyrelsen", Some("Kommunikationsenheten"))
            ),
            (
                "anna".into(),
                "org.add".into(),
                None,
                added("Kulturnämnden", None)
            ),
            (
                "bo".into(),
                "channel.edit".into(),
                Some(c.id),
                AuditEvent::ChannelEdited {
                    fields: vec![ChannelField::Unit]
                }
            ),
            (
                "bo".into(),
                "org.rename".into(),
                None,
                AuditEvent::OrgUnitRenamed {
                    board: "Kommunstyrelsen".into(),
                    unit: Some("Kommunikationsenheten".into()),
                    to: "Kommunikation".into(),
                }
            ),
        ]
    );
}

fn two_desktops_adding_boards_at_once_keep_both(b: &dyn Backend) {
    let desktops = [b.connect(), b.connect()];
    for round in 0..6 {
        let barrier = std::sync::Barrier::new(2);
        std::thread::scope(|s| {
            for (i, r) in desktops.iter().enumerate() {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    let board = format!("Nämnd {round}.{i}");
                    r.change_org_units(
                        "anna",
                        Box::new(|list: &mut OrgUnits, _| {
                            // A change that takes a moment between reading
                            // the list and writing it.
                            std::thread::sleep(std::time::Duration::from_millis(20));
                            list.take_in(&board, None);
                            Ok(OrgChange {
                                events: vec![AuditEvent::OrgUnitAdded {
                                    board: board.clone(),
                                    unit: None,
                                }],
                                channels: Vec::new(),
                            })
                        }),
                    )
                    .unwrap();
                });
            }
        });
        let list = desktops[0].setting::<OrgUnits>().unwrap();
        assert_eq!(
            list.boards.len(),
            2 * (round + 1),
            "round {round}: {list:?}"
        );
    }
    assert_eq!(log(&*desktops[1]).len(), 12, "each addition audited once");
}
