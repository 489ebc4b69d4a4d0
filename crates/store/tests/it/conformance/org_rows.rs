//! The organisation's list against concurrent writers and the register's
//! own board and unit rows, on both backends: a rename leaves no row with
//! the old name, and a change of the list and a settings write at once
//! are serialised (the change's list is never written over by a write that
//! came before it).

use std::sync::mpsc;
use std::time::Duration;

use ogonblick_model::{AuditEvent, OrgUnits, Setting};
use ogonblick_store::{OrgChange, Register, RegisterExt};

use super::backends::{self, Backend};
use super::given_two_channels;
use super::roles_org::add;

conformance!(
    a_renamed_board_or_unit_leaves_no_row_with_its_old_name,
    channels_added_with_a_unit_while_it_is_renamed_keep_their_rows,
    a_change_of_the_boards_list_and_a_settings_write_at_once_are_serialised,
);

/// Renames `from` to `to` (a board, or a unit of `board`) as the
/// application does: the list and the channels that use it.
fn rename(r: &dyn Register, board: &str, unit: Option<&str>, to: &str) {
    let (board, unit, to) = (board.to_string(), unit.map(str::to_string), to.to_string());
    r.change_org_units(
        "anna",
        Box::new(move |list: &mut OrgUnits, channels| {
            let b = list.board_mut(&board).unwrap();
            let moved = match &unit {
                None => {
                    b.name = to.clone();
                    channels
                        .iter()
                        .filter(|c| c.board.as_deref() == Some(board.as_str()))
                        .map(|c| {
                            let mut c = c.clone();
                            c.board = Some(to.clone());
                            c
                        })
                        .collect()
                }
                Some(u) => {
                    for name in b.units.iter_mut().filter(|n| *n == u) {
                        *name = to.clone();
                    }
                    channels
                        .iter()
                        .filter(|c| c.unit.as_deref() == Some(u.as_str()))
                        .map(|c| {
                            let mut c = c.clone();
                            c.unit = Some(to.clone());
                            c
                        })
                        .collect()
                }
            };
            Ok(OrgChange {
                events: vec![AuditEvent::OrgUnitRenamed { board, unit, to }],
                channels: moved,
            })
        }),
    )
    .unwrap();
}

fn a_renamed_board_or_unit_leaves_no_row_with_its_old_name(b: &dyn Backend) {
    let r = b.connect();
    // Both channels: Kommunstyrelsen / Kommunikationsenheten.
    let (c, d) = given_two_channels(&*r);
    add(&*r, "Kommunstyrelsen", Some("Kommunikationsenheten"));
    let ks = || Some("Kommunstyrelsen".to_string());
    assert_eq!(
        b.org_rows(),
        (
            vec!["Kommunstyrelsen".into()],
            vec![(ks(), "Kommunikationsenheten".into())]
        )
    );
    rename(
        &*r,
        "Kommunstyrelsen",
        Some("Kommunikationsenheten"),
        "Kommunikation",
    );
    assert_eq!(
        b.org_rows(),
        (
            vec!["Kommunstyrelsen".into()],
            vec![(ks(), "Kommunikation".into())]
        ),
        "the unit's old name is gone"
    );
    rename(&*r, "Kommunstyrelsen", None, "KS");
    assert_eq!(
        b.org_rows(),
        (
            vec!["KS".into()],
            vec![(Some("KS".into()), "Kommunikation".into())]
        ),
        "the board's old name is gone, with its unit row"
    );
    for id in [c.id, d.id] {
        let ch = r.channel(id).unwrap();
        assert_eq!(
            (ch.board.as_deref(), ch.unit.as_deref()),
            (Some("KS"), Some("Kommunikation"))
        );
    }
    // A channel that moves back takes the name again.
    let patch = ogonblick_model::ChannelPatch {
        unit: Some("Kommunikationsenheten".into()),
        ..Default::default()
    };
    let moved = r.edit_channel(d.id, &patch, "anna").unwrap();
    assert_eq!(moved.unit.as_deref(), Some("Kommunikationsenheten"));
    assert_eq!(
        r.channel(c.id).unwrap().unit.as_deref(),
        Some("Kommunikation")
    );
}

fn channels_added_with_a_unit_while_it_is_renamed_keep_their_rows(b: &dyn Backend) {
    let (renamer, adder) = (b.connect(), b.connect());
    given_two_channels(&*renamer);
    add(&*renamer, "Kommunstyrelsen", Some("Kommunikationsenheten"));
    let names = ["Kommunikationsenheten", "Kommunikation"];
    for round in 0..6 {
        let (from, to) = (names[round % 2], names[(round + 1) % 2]);
        let barrier = std::sync::Barrier::new(2);
        std::thread::scope(|s| {
            s.spawn(|| {
                barrier.wait();
                rename(&*renamer, "Kommunstyrelsen", Some(from), to);
            });
            s.spawn(|| {
                barrier.wait();
                // A channel with the name being renamed away.
                let mut n = crate::common::new_channel(
                    &format!("Kanal {round}"),
                    &[&format!("https://x.com/kanal{round}")],
                );
                n.unit = Some(from.into());
                adder.add_channel(&n, "bo").unwrap();
            });
        });
        // Every channel's unit has its row, and only the names in use do.
        let mut used: Vec<_> = adder
            .list_channels(&Default::default())
            .unwrap()
            .into_iter()
            .map(|c| (c.channel.board, c.channel.unit.unwrap()))
            .collect();
        used.sort();
        used.dedup();
        let (_, units) = b.org_rows();
        let unused: Vec<_> = units.iter().filter(|u| !used.contains(u)).collect();
        assert!(
            used.iter().all(|u| units.contains(u)),
            "round {round}: {used:?} in {units:?}"
        );
        assert!(unused.is_empty(), "round {round}: {unused:?}");
    }
}

fn a_change_of_the_boards_list_and_a_settings_write_at_once_are_serialised(b: &dyn Backend) {
    let (first, second) = (b.connect(), b.connect());
    let written = OrgUnits { boards: Vec::new() };
    let mut written = written;
    written.take_in("Socialnämnden", None);
    let (started, wait) = mpsc::channel();
    std::thread::scope(|s| {
        s.spawn(|| {
            first
                .change_org_units(
                    "anna",
                    Box::new(move |list: &mut OrgUnits, _| {
                        started.send(()).unwrap();
                        // The other desktop writes meanwhile.
                        std::thread::sleep(Duration::from_millis(300));
                        list.take_in("Kulturnämnden", None);
                        Ok(OrgChange {
                            events: vec![AuditEvent::OrgUnitAdded {
                                board: "Kulturnämnden".into(),
                                unit: None,
                            }],
                            channels: Vec::new(),
                        })
                    }),
                )
                .unwrap();
        });
        wait.recv().unwrap();
        let event = AuditEvent::SettingsSet {
            key: OrgUnits::KEY.as_str().into(),
        };
        second
            .store_setting(
                OrgUnits::KEY,
                &serde_json::to_value(&written).unwrap(),
                "bo",
                event,
            )
            .unwrap();
    });
    // The write waited for the change: it came last, and the change never
    // wrote a list read before it over it.
    let actions: Vec<_> = first
        .audit_log(None)
        .unwrap()
        .into_iter()
        .map(|e| (e.actor, e.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("anna".to_string(), "org.add".to_string()),
            ("bo".into(), "settings.set".into())
        ]
    );
    assert_eq!(second.setting::<OrgUnits>().unwrap(), written);
}
