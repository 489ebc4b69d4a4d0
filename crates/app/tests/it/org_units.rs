//! The organisation's list of boards and units (h-ui19): a channel's board
//! and unit must come from it once it exists; an import adds to it; a board
//! in use cannot be removed; a rename moves the channels; bulk changes of the
//! responsible person are all or none and audited per channel.

use std::sync::Arc;

use ogonblick_app::{App, OrgEntry};
use ogonblick_model::{
    AuditEvent, ChannelPatch, ErrorCode, FixedClock, Message, NewChannel, Platform, Role,
};

use crate::fixture::{add, open_at, t};

fn setup() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2027-03-02T09:00:00Z")));
    let app = open_at(dir.path(), clock);
    (dir, app)
}

fn new(name: &str, board: &str, unit: Option<&str>) -> NewChannel {
    NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![format!("https://facebook.com/{}", name.to_lowercase())],
        board: Some(board.into()),
        unit: unit.map(Into::into),
        ..Default::default()
    }
}

/// A list holding Kulturnämnden, and a CSV file of a channel of a board not
/// in it (Vård- och omsorgsnämnden, Hemtjänst) followed by `more` rows.
fn listed_and_csv(more: &str) -> (tempfile::TempDir, App, std::path::PathBuf) {
    let (d, app) = setup();
    app.add_org_entry(OrgEntry::Board("Kulturnämnden")).unwrap();
    let csv = d.path().join("in.csv");
    std::fs::write(&csv, format!("namn;plattform;adress;nämnd;enhet\r\nÄldreomsorgen;facebook;https://facebook.com/aldre;Vård- och omsorgsnämnden;Hemtjänst\r\n{more}")).unwrap();
    (d, app, csv)
}

fn org_events(app: &App) -> Vec<AuditEvent> {
    app.audit_log(None)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .filter(|e| {
            matches!(
                e,
                AuditEvent::OrgUnitAdded { .. }
                    | AuditEvent::OrgUnitRenamed { .. }
                    | AuditEvent::OrgUnitRemoved { .. }
            )
        })
        .collect()
}

#[test]
fn without_a_list_any_board_goes_and_the_first_entry_takes_in_the_channels_boards() {
    let (_d, app) = setup();
    // An old register: no list, any board and unit.
    let id = add(
        &app,
        "Biblioteket",
        Some("Kulturnämnden"),
        Some("Bibliotek"),
        None,
    );
    assert!(app.org_units().unwrap().boards.is_empty());
    let list = app
        .add_org_entry(OrgEntry::Board("Barn- och utbildningsnämnden"))
        .unwrap();
    let names: Vec<&str> = list.boards.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Kulturnämnden", "Barn- och utbildningsnämnden"]);
    assert_eq!(list.boards[0].units, ["Bibliotek"]);
    assert_eq!(org_events(&app).len(), 3, "each addition audited");
    // The old channel stays editable.
    app.edit_channel(
        id,
        ChannelPatch {
            name: Some("Stadsbiblioteket".into()),
            ..Default::default()
        },
    )
    .unwrap();
    // Stored as a settings document, mirrored in settings.json.
    let json = std::fs::read_to_string(app.data_dir().join("settings.json")).unwrap();
    assert!(json.contains("Barn- och utbildningsnämnden"), "{json}");
}

#[test]
fn a_board_or_unit_not_in_the_list_is_refused_with_how_to_add_it() {
    let (_d, app) = setup();
    app.add_org_entry(OrgEntry::Board("Kulturnämnden")).unwrap();
    app.add_org_entry(OrgEntry::Unit("kulturnämnden", "Bibliotek"))
        .unwrap();
    let before = app.list_channels(&Default::default()).unwrap().len();
    let e = app
        .add_channel(new("Typo", "Kulturnämden", None))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    match e.message() {
        Message::OrgBoardUnknown { board, known } => {
            assert_eq!(
                (board.as_str(), known.as_str()),
                ("Kulturnämden", "Kulturnämnden")
            );
        }
        m => panic!("{m:?}"),
    }
    assert!(e.to_string().contains("ogonblick org board add"), "{e}");
    let e = app
        .add_channel(new("Typo", "Kulturnämnden", Some("Bibliotk")))
        .unwrap_err();
    assert!(matches!(e.message(), Message::OrgUnitUnknown { .. }), "{e}");
    assert_eq!(
        app.list_channels(&Default::default()).unwrap().len(),
        before
    );
    // Case does not count; the list's spelling is kept.
    let c = app
        .add_channel(new("Bibblan", "KULTURNÄMNDEN", Some("bibliotek")))
        .unwrap();
    assert_eq!(c.board.as_deref(), Some("Kulturnämnden"));
    assert_eq!(c.unit.as_deref(), Some("Bibliotek"));
    // An edit that changes the board is checked too, and changes nothing.
    let e = app
        .edit_channel(
            c.id,
            ChannelPatch {
                board: Some("Fritidsnämnden".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(
        matches!(e.message(), Message::OrgBoardUnknown { .. }),
        "{e}"
    );
    assert_eq!(
        app.get_channel(c.id).unwrap().board.as_deref(),
        Some("Kulturnämnden")
    );
}

#[test]
fn removal_is_refused_while_used_and_a_rename_moves_the_channels() {
    let (_d, app) = setup();
    app.add_org_entry(OrgEntry::Board("Kulturnämden")).unwrap();
    app.add_org_entry(OrgEntry::Unit("Kulturnämden", "Bibliotek"))
        .unwrap();
    let c = app
        .add_channel(new("Bibblan", "Kulturnämden", Some("Bibliotek")))
        .unwrap();
    let e = app
        .remove_org_entry(OrgEntry::Board("Kulturnämden"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(
        matches!(e.message(), Message::OrgBoardInUse { channels: 1, .. }),
        "{e}"
    );
    let e = app
        .remove_org_entry(OrgEntry::Unit("Kulturnämden", "Bibliotek"))
        .unwrap_err();
    assert!(matches!(e.message(), Message::OrgUnitInUse { .. }), "{e}");
    assert_eq!(app.org_units().unwrap().boards[0].units, ["Bibliotek"]);
    let list = app
        .rename_org_entry(OrgEntry::Board("Kulturnämden"), "Kulturnämnden")
        .unwrap();
    assert_eq!(list.boards[0].name, "Kulturnämnden");
    assert_eq!(
        app.get_channel(c.id).unwrap().board.as_deref(),
        Some("Kulturnämnden")
    );
    let edits = app.audit_log(Some(c.id)).unwrap();
    assert!(
        matches!(
            edits.last().unwrap().event,
            AuditEvent::ChannelEdited { .. }
        ),
        "the moved channel's edit is audited"
    );
    // Unused: removed, audited.
    app.add_org_entry(OrgEntry::Unit("Kulturnämnden", "Fritid"))
        .unwrap();
    let list = app
        .remove_org_entry(OrgEntry::Unit("Kulturnämnden", "fritid"))
        .unwrap();
    assert_eq!(list.boards[0].units, ["Bibliotek"]);
    assert!(matches!(
        org_events(&app).last().unwrap(),
        AuditEvent::OrgUnitRemoved { unit: Some(u), .. } if u == "Fritid"
    ));
    // Duplicates are refused.
    let e = app
        .add_org_entry(OrgEntry::Board(" kulturnämnden "))
        .unwrap_err();
    assert!(matches!(e.message(), Message::OrgBoardExists { .. }), "{e}");
}

#[test]
fn an_import_adds_the_boards_and_units_it_meets() {
    let (_d, app, csv) =
        listed_and_csv("Bibblan;facebook;https://facebook.com/bibblan;kulturnämnden;Bibliotek\r\n");
    app.import_register(&csv).unwrap();
    let list = app.org_units().unwrap();
    let names: Vec<(&str, Vec<String>)> = list
        .boards
        .iter()
        .map(|b| (b.name.as_str(), b.units.clone()))
        .collect();
    assert_eq!(
        names,
        [
            ("Kulturnämnden", vec!["Bibliotek".to_string()]),
            ("Vård- och omsorgsnämnden", vec!["Hemtjänst".to_string()]),
        ]
    );
}

#[test]
fn bulk_responsible_is_all_or_none_audited_per_channel_and_role_checked() {
    let (d, app) = setup();
    let a = add(&app, "Ett", None, None, None);
    let b = add(&app, "Två", None, None, None);
    let log = app.audit_log(None).unwrap().len();
    let out = app
        .set_channels_responsible(&[a, b], Some("Karin Berg"), None, None)
        .unwrap();
    assert!(out
        .iter()
        .all(|c| c.responsible.as_deref() == Some("Karin Berg")));
    assert_eq!(
        app.get_channel(b).unwrap().substitute.as_deref(),
        Some("Ersättare för Två"),
        "the substitute is kept"
    );
    let edits: Vec<_> = app.audit_log(None).unwrap()[log..]
        .iter()
        .map(|e| (e.channel_id, e.action.clone()))
        .collect();
    assert_eq!(
        edits,
        [
            (Some(a), "channel.edit".into()),
            (Some(b), "channel.edit".into())
        ]
    );
    // An unknown channel refuses the whole change.
    let e = app
        .set_channels_responsible(&[a, 999], Some("Per"), Some(""), None)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(
        app.get_channel(a).unwrap().responsible.as_deref(),
        Some("Karin Berg")
    );
    assert!(matches!(
        app.set_channels_responsible(&[], Some("Per"), None, None)
            .unwrap_err()
            .message(),
        Message::BulkNoChannels {}
    ));
    // A chef may not edit the register, in bulk neither.
    let as_login = |l: &str| {
        open_at(
            d.path(),
            Arc::new(FixedClock::new(t("2027-03-02T09:00:00Z"))),
        )
        .with_login(Some(l.into()))
    };
    let admin = as_login("admin");
    admin
        .set_role("admin", &[Role::Administrator], &[])
        .unwrap();
    admin.set_role("chef", &[Role::Chef], &[]).unwrap();
    let chef = as_login("chef");
    let e = chef
        .set_channels_responsible(&[a], Some("Per"), None, None)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden);
}

#[test]
fn an_import_whose_boards_cannot_be_stored_imports_nothing() {
    let (d, app, csv) = listed_and_csv("");
    // The list's mirror cannot be written (a folder where settings.json goes):
    // the import fails, and neither its channels nor its boards are kept.
    let mirror = d.path().join("settings.json");
    std::fs::remove_file(&mirror).unwrap();
    std::fs::create_dir(&mirror).unwrap();
    let before = app.audit_log(None).unwrap().len();
    app.import_register(&csv).unwrap_err();
    assert!(app
        .list_channels(&ogonblick_app::ChannelFilter::default())
        .unwrap()
        .is_empty());
    assert_eq!(app.org_units().unwrap().boards.len(), 1);
    assert_eq!(app.audit_log(None).unwrap().len(), before);
    // Mended, the same file imports channels and boards together.
    std::fs::remove_dir(&mirror).unwrap();
    app.import_register(&csv).unwrap();
    assert_eq!(app.org_units().unwrap().boards.len(), 2);
    assert_eq!(
        app.list_channels(&ogonblick_app::ChannelFilter::default())
            .unwrap()
            .len(),
        1
    );
}
