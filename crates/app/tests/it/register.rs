use ogonblick_app::{AppError, ChannelFilter, CsvDelimiter};
use ogonblick_model::{ChannelPatch, ChannelStatus, ErrorCode, Platform};

use crate::{channel, open};

#[test]
fn add_list_get_edit_close_with_operator_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), "Karin Ek");
    let c = app
        .add_channel(channel("Socialtjänsten", "https://facebook.com/soc"))
        .unwrap();
    let list = app.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].channel, c);
    assert_eq!(app.get_channel(c.id).unwrap(), c);

    let e = app
        .edit_channel(
            c.id,
            ChannelPatch {
                platform: Some(Platform::Instagram),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(e.platform, Platform::Instagram);
    let empty = app.edit_channel(c.id, ChannelPatch::default()).unwrap_err();
    assert_eq!(empty.code(), ErrorCode::InvalidInput);
    assert!(empty.to_string().contains("nothing to change"));

    let started = app.start_closure(c.id).unwrap();
    assert_eq!(started.channel.status, ChannelStatus::Closing);
    assert!(
        started
            .remaining
            .to_string()
            .contains("pre-closure snapshot"),
        "{}",
        started.remaining
    );
    let again = app.start_closure(c.id).unwrap_err();
    assert_eq!(again.code(), ErrorCode::Conflict);

    let log = app.audit_log(Some(c.id)).unwrap();
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["channel.add", "channel.edit", "closure.start"]
    );
    assert!(log.iter().all(|e| e.actor == "Karin Ek"));
    let f = ChannelFilter {
        status: Some(ChannelStatus::Active),
        ..Default::default()
    };
    assert!(app.list_channels(&f).unwrap().is_empty());
}

#[test]
fn errors_carry_codes_and_payloads() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), "K");
    let nf = app.get_channel(5).unwrap_err();
    assert_eq!(nf.code(), ErrorCode::NotFound);
    let p = nf.payload();
    assert_eq!(p.code, ErrorCode::NotFound);
    assert!(
        p.message.contains("ogonblick channel list"),
        "{}",
        p.message
    );
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["code"], "not_found");
    let bad = app
        .add_channel(channel("X", "javascript:alert(1)"))
        .unwrap_err();
    assert_eq!(bad.code(), ErrorCode::InvalidInput);
    app.add_channel(channel("A", "https://facebook.com/a"))
        .unwrap();
    let dup = app
        .add_channel(channel("B", "https://www.facebook.com/a/"))
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Conflict);
    assert!(matches!(dup, AppError::Store(_)));
    assert_eq!(
        app.history(Some(77)).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        app.audit_log(Some(77)).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn import_and_export_through_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir.path().join("data"), "K");
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "\u{feff}namn;plattform;adress;nämnd\r\nÄldreomsorgen;facebook;https://facebook.com/aldre;Vård- och omsorgsnämnden\r\n").unwrap();
    let r = app.import_register(&csv).unwrap();
    assert_eq!(
        r.imported[0].board.as_deref(),
        Some("Vård- och omsorgsnämnden")
    );
    let out = dir.path().join("out.csv");
    let ex = app.export_register(&out, CsvDelimiter::Comma).unwrap();
    assert_eq!(ex.channels, 1);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("Äldreomsorgen,facebook,https://facebook.com/aldre,Vård- och omsorgsnämnden"),
        "{text}"
    );
    let nowhere = app
        .export_register(
            &dir.path().join("no/such/dir/out.csv"),
            CsvDelimiter::Semicolon,
        )
        .unwrap_err();
    assert!(nowhere.to_string().contains("does not exist"), "{nowhere}");
    assert!(!dir.path().join("no").exists());
    let folder = app
        .export_register(dir.path(), CsvDelimiter::Semicolon)
        .unwrap_err();
    assert_eq!(folder.code(), ErrorCode::InvalidInput);
    assert_eq!(
        app.audit_log(None).unwrap().last().unwrap().action,
        "register.export"
    );
}
