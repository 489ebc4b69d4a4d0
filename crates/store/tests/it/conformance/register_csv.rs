//! The register's CSV import and export through the storage interface, on
//! both backends: a round trip keeps every field, a bad row refuses the
//! whole file, a row the database refuses takes the rows before it along,
//! and the organisation's list takes the import's boards in the import's
//! transaction. (The file's own checks, which no backend sees, are in
//! `tests/it/csv_io.rs`.)

use ogonblick_model::{
    AuditEvent, Channel, ChannelStatus, OrgSettings, OrgUnits, Platform, SchedulePolicy,
};
use ogonblick_store::{Delimiter, Import, ImportRow, OrgTakeIn, Register, RegisterExt, StoreError};

use super::backends::{self, Backend};
use crate::common::new_channel;

conformance!(
    export_then_import_into_an_empty_register_keeps_every_field,
    one_bad_row_imports_nothing_and_every_problem_is_reported,
    a_row_the_database_refuses_takes_the_whole_import_back,
    the_import_takes_its_boards_into_the_list_in_its_transaction,
    org_settings_are_cleaned_and_shared,
);

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Channels with every field the file carries: quotes, delimiters, line
/// breaks, formulas, Swedish letters, a policy, a closing one, empty fields.
fn every_field(r: &dyn Register) -> Vec<Channel> {
    let mut n = new_channel(
        "Nacka; \"citat\" på Facebook",
        &[
            "https://facebook.com/nacka",
            "https://facebook.com/nacka/about",
        ],
    );
    n.notes = Some("rad ett\nrad två".into());
    n.policy = Some(SchedulePolicy::Manual);
    let a = r.add_channel(&n, "t").unwrap();
    let mut m = new_channel(
        "=HYPERLINK(\"https://evil.example\";\"klicka\")",
        &["https://tiktok.com/@strom"],
    );
    m.responsible = Some("@Ström".into());
    m.substitute = None;
    m.purpose = None;
    m.audience = None;
    m.notes = Some("-".into());
    m.platform = Some(Platform::TikTok);
    m.board = None;
    m.unit = None;
    let b = r.add_channel(&m, "t").unwrap();
    let mut k = new_channel("Kultur, Ängby", &["https://instagram.com/kultur_angby"]);
    k.platform = Some(Platform::Instagram);
    k.board = Some("Kultur- och fritidsnämnden".into());
    k.unit = Some("Biblioteket".into());
    k.policy = Some(SchedulePolicy::HalfYearly);
    let c = r.add_channel(&k, "t").unwrap();
    let c = r.start_closure(c.id, "t").unwrap();
    vec![a, b, c]
}

fn export_then_import_into_an_empty_register_keeps_every_field(b: &dyn Backend) {
    let r = b.connect();
    let want = every_field(&*r);
    assert_eq!(r.channels().unwrap(), want);
    for (delim, name) in [
        (Delimiter::Semicolon, "semi.csv"),
        (Delimiter::Comma, "comma.csv"),
    ] {
        let path = b.data_dir().join(name);
        assert_eq!(r.export_register(&path, delim).unwrap(), 3);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("\u{feff}id"), "{text}");
        assert!(
            text.contains("'=HYPERLINK") && text.contains("'@Ström"),
            "formulas are defused: {text}"
        );
        // Into an empty register of the same backend, at the same moment.
        let twin = b.empty_twin();
        let other = twin.connect();
        let report = other.import_register(&path, "t").unwrap();
        assert_eq!(report.imported, want);
        assert_eq!(other.channels().unwrap(), want, "{delim:?}");
        let log = other.audit_log(None).unwrap();
        assert_eq!(log.len(), 3);
        // Each an addition from the file (audited as `channel.add`).
        for (e, c) in log.iter().zip(&want) {
            assert_eq!(
                (e.action.as_str(), e.channel_id),
                ("channel.add", Some(c.id))
            );
            assert!(
                matches!(&e.event, AuditEvent::ChannelImported { source, name: n } if source == name && *n == c.name),
                "{e:?}"
            );
        }
    }
}

fn one_bad_row_imports_nothing_and_every_problem_is_reported(b: &dyn Backend) {
    let r = b.connect();
    r.add_channel(&new_channel("Finns", &["https://youtube.com/@finns"]), "t")
        .unwrap();
    let before = r.audit_log(None).unwrap();
    let csv = "name,platform,urls\n\
        Bra kanal,facebook,https://facebook.com/bra\n\
        ,myspace,javascript:alert(1)\n\
        Dubblett,youtube,https://www.youtube.com/@finns/\n\
        Samma som rad 2,facebook,http://facebook.com/bra\n";
    let p = write(b.data_dir(), "bad.csv", csv);
    let err = r.import_register(&p, "t").unwrap_err();
    let StoreError::ImportRows(rows) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        vec![3, 4, 5]
    );
    let msg = err.to_string();
    assert!(msg.contains("row 3:") && msg.contains("myspace"), "{msg}");
    assert!(msg.contains("row 4:") && msg.contains("channel 1"), "{msg}");
    assert!(
        msg.contains("row 5:") && msg.contains("also in row 2"),
        "{msg}"
    );
    assert!(msg.contains("nothing was imported"), "{msg}");
    // Nothing added, nothing logged, on another connection too.
    let other = b.connect();
    assert_eq!(other.channels().unwrap().len(), 1);
    assert_eq!(other.audit_log(None).unwrap(), before);
}

fn a_row_the_database_refuses_takes_the_whole_import_back(b: &dyn Backend) {
    let r = b.connect();
    let row = |n: u64, name: &str, url: &str| ImportRow {
        row: n,
        channel: new_channel(name, &[url]),
        status: ChannelStatus::Active,
    };
    // Checked rows whose third takes the first's address as the database
    // compares them (the file's checks would have caught it; the
    // transaction must not depend on that).
    let rows = [
        row(2, "Första", "https://facebook.com/forsta"),
        row(3, "Andra", "https://x.com/andra"),
        row(4, "Tredje", "https://www.facebook.com/forsta/"),
    ];
    let org: OrgTakeIn<'_> = &|list, _, imported| take_in(list, imported);
    let import = Import {
        rows: &rows,
        actor: "t",
        source: "x.csv",
        org: Some(org),
    };
    assert!(r.import_channels(import).is_err());
    let other = b.connect();
    assert!(other.channels().unwrap().is_empty());
    assert!(other.audit_log(None).unwrap().is_empty());
    assert_eq!(other.setting::<OrgUnits>().unwrap(), OrgUnits::default());
    // Without the third, both go in, with ids of their own.
    let import = Import {
        rows: &rows[..2],
        org: None,
        ..import
    };
    let added = r.import_channels(import).unwrap();
    assert_eq!(other.channels().unwrap(), added);
    assert!(added[0].id < added[1].id);
}

/// Takes every imported channel's board and unit into the list.
fn take_in(list: &mut OrgUnits, imported: &[Channel]) -> Vec<AuditEvent> {
    let mut events = Vec::new();
    for c in imported {
        if let Some(board) = &c.board {
            if list.take_in(board, c.unit.as_deref()) {
                events.push(AuditEvent::OrgUnitAdded {
                    board: board.clone(),
                    unit: c.unit.clone(),
                });
            }
        }
    }
    events
}

fn the_import_takes_its_boards_into_the_list_in_its_transaction(b: &dyn Backend) {
    let r = b.connect();
    let first = r
        .add_channel(&new_channel("Finns", &["https://youtube.com/@finns"]), "t")
        .unwrap();
    let csv = "namn;plattform;adresser;nämnd;enhet\n\
        Bibblan;instagram;https://instagram.com/bibblan;Kulturnämnden;Biblioteket\n";
    let p = write(b.data_dir(), "org.csv", csv);
    // An empty list takes in every channel's board, the earlier ones too.
    let org = |list: &mut OrgUnits, all: &[Channel], imported: &[Channel]| {
        let mut events = take_in(list, all);
        events.extend(take_in(list, imported));
        events
    };
    let report = r.import_register_with(&p, "t", &org).unwrap();
    assert_eq!(report.imported.len(), 1);
    let list = b.connect().setting::<OrgUnits>().unwrap();
    let boards: Vec<_> = list.boards.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(boards, [first.board.as_deref().unwrap(), "Kulturnämnden"]);
    assert_eq!(list.boards[1].units, ["Biblioteket"]);
    let log = r.audit_log(None).unwrap();
    let actions: Vec<_> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["channel.add", "channel.add", "org.add", "org.add"]
    );
}

fn org_settings_are_cleaned_and_shared(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    assert_eq!(a.settings().unwrap(), OrgSettings::default());
    let s = OrgSettings {
        name: "  Nacka kommun ".into(),
        org_number: Some("  ".into()),
        e_archive_name: Some(" Nacka e-arkiv ".into()),
        ..Default::default()
    };
    let stored = a.set_settings(&s, "admin").unwrap();
    assert_eq!(stored.name, "Nacka kommun");
    assert_eq!(stored.org_number, None);
    assert_eq!(stored.e_archive_name.as_deref(), Some("Nacka e-arkiv"));
    assert_eq!(other.settings().unwrap(), stored);
    let log = other.audit_log(None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].action.as_str(), log[0].actor.as_str()),
        ("settings.set", "admin")
    );
}
