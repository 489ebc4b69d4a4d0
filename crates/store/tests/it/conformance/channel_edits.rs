//! A channel's fields through the storage interface, on both backends
//! (moved from the SQLite-only `tests/it/channels.rs` and
//! `tests/it/migrations.rs`): what an add trims and audits, the refusals of
//! a bad channel with their advice, an edit of every field and the closure
//! steps up to closed, every organisation setting kept, an unreadable
//! setting said in Swedish, and the audit log refusing a change. The JSON
//! mirrors (`channel.json`, `audit.jsonl`, `settings.json`) are SQLite's
//! alone and checked there only.

use ogonblick_model::{
    AuditEvent, Channel, ChannelPatch, ChannelStatus, Language, NewChannel, OrgSettings, Period,
    Platform, SchedulePolicy, ScheduleSettings,
};
use ogonblick_store::{Backend as Kind, RegisterExt, StoreError};

use super::backends::{self, Backend};
use crate::common::{new_channel, t0};

conformance!(
    an_added_channel_is_trimmed_and_audited,
    bad_channels_are_refused_with_advice_and_change_nothing,
    an_edit_of_every_field_then_the_closure_to_closed,
    every_org_setting_is_kept_and_an_empty_one_cleared,
    an_unreadable_setting_is_said_in_swedish,
    the_audit_log_refuses_update_and_delete,
);

/// The JSON file `name` of the data directory, read as `T`.
fn mirror<T: serde::de::DeserializeOwned>(b: &dyn Backend, name: &str) -> T {
    serde_json::from_slice(&std::fs::read(b.data_dir().join(name)).unwrap()).unwrap()
}

fn an_added_channel_is_trimmed_and_audited(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let c = r
        .add_channel(
            &new_channel(
                "  Nacka kommun på Facebook ",
                &[
                    "https://www.facebook.com/nackakommun",
                    " https://www.facebook.com/nackakommun/about ",
                ],
            ),
            "Åsa",
        )
        .unwrap();
    assert_eq!(c.name, "Nacka kommun på Facebook");
    assert_eq!(
        c.urls,
        vec![
            "https://www.facebook.com/nackakommun",
            "https://www.facebook.com/nackakommun/about"
        ]
    );
    assert_eq!(c.status, ChannelStatus::Active);
    assert_eq!(c.created_at, t0());
    assert_eq!(other.channel(c.id).unwrap(), c);
    let log = other.audit_log(Some(c.id)).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].actor.as_str(), log[0].action.as_str()),
        ("Åsa", "channel.add")
    );
    if r.backend() == Kind::Sqlite {
        let on_disk: Channel = mirror(b, &format!("channels/{}/channel.json", c.id));
        assert_eq!(on_disk, c);
        let text = std::fs::read_to_string(b.data_dir().join("audit.jsonl")).unwrap();
        assert_eq!(text.lines().count(), 1);
        assert!(text.contains("channel.add"));
    }
}

fn bad_channels_are_refused_with_advice_and_change_nothing(b: &dyn Backend) {
    let r = b.connect();
    let first = r
        .add_channel(
            &new_channel("Första", &["https://www.facebook.com/nacka"]),
            "t",
        )
        .unwrap();
    let cases: Vec<(NewChannel, &str)> = vec![
        (new_channel("   ", &["https://a.se/x"]), "name is empty"),
        (
            new_channel("Ingen adress", &[]),
            "at least one page address",
        ),
        (
            new_channel("Fil", &["file:///etc/passwd"]),
            "only http:// and https://",
        ),
        (
            new_channel("JS", &["javascript:alert(1)"]),
            "only http:// and https://",
        ),
        (
            new_channel("Utan schema", &["www.nacka.se"]),
            "start it with https://",
        ),
        (
            new_channel("Två gånger", &["https://a.se/x", "https://a.se/x/"]),
            "given twice",
        ),
        (
            NewChannel {
                platform: None,
                ..new_channel("Plattform", &["https://b.se"])
            },
            "facebook, instagram",
        ),
    ];
    for (n, expect) in cases {
        let err = r.add_channel(&n, "t").unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
        assert!(
            err.to_string().contains(expect),
            "{err} should contain {expect}"
        );
    }
    let dup = r
        .add_channel(
            &new_channel("Dubblett", &["http://facebook.com/nacka/"]),
            "t",
        )
        .unwrap_err();
    assert!(matches!(dup, StoreError::Conflict(_)), "{dup:?}");
    assert!(
        dup.to_string().contains(&format!("channel {}", first.id)),
        "{dup}"
    );
    let other = b.connect();
    assert_eq!(other.channels().unwrap(), std::slice::from_ref(&first));
    assert_eq!(other.audit_log(None).unwrap().len(), 1);
    assert!(!b
        .data_dir()
        .join(format!("channels/{}", first.id + 1))
        .exists());
}

fn an_edit_of_every_field_then_the_closure_to_closed(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let c = r
        .add_channel(&new_channel("Kanal", &["https://x.com/kanal"]), "t")
        .unwrap();
    let annan = r
        .add_channel(&new_channel("Annan", &["https://x.com/annan"]), "t")
        .unwrap();
    b.clock().advance(chrono::Duration::days(1));
    let patch = ChannelPatch {
        name: Some("Kanal X".into()),
        platform: Some(Platform::X),
        urls: Some(vec![
            "https://x.com/kanal".into(),
            "https://x.com/kanal/about".into(),
        ]),
        board: Some("Utbildningsnämnden".into()),
        substitute: Some("".into()),
        policy: Some(Some(SchedulePolicy::Yearly)),
        ..Default::default()
    };
    let e = r.edit_channel(c.id, &patch, "Bo").unwrap();
    assert_eq!(e.name, "Kanal X");
    assert_eq!(e.platform, Platform::X);
    assert_eq!(e.urls.len(), 2);
    assert_eq!(e.board.as_deref(), Some("Utbildningsnämnden"));
    assert_eq!(e.substitute, None);
    assert_eq!(e.responsible, c.responsible);
    assert_eq!(e.policy, Some(SchedulePolicy::Yearly));
    assert_eq!(other.channel(c.id).unwrap(), e);
    let log = other.audit_log(Some(c.id)).unwrap();
    assert_eq!(log.last().unwrap().action, "channel.edit");
    assert!(
        log.last().unwrap().detail.contains("urls"),
        "{}",
        log.last().unwrap().detail
    );

    // Taking another channel's address is a conflict; nothing changes.
    let steal = ChannelPatch {
        urls: Some(vec!["https://x.com/annan".into()]),
        ..Default::default()
    };
    assert!(matches!(
        other.edit_channel(c.id, &steal, "Bo"),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(r.channel(c.id).unwrap(), e);
    assert_eq!(r.channel(annan.id).unwrap(), annan);
    // A no-op patch logs nothing.
    let n = r.audit_log(None).unwrap().len();
    let same_name = ChannelPatch {
        name: Some("Kanal X".into()),
        ..Default::default()
    };
    r.edit_channel(c.id, &same_name, "Bo").unwrap();
    assert_eq!(other.audit_log(None).unwrap().len(), n);
    let nowhere = annan.id + 100;
    assert!(matches!(
        r.edit_channel(nowhere, &patch, "Bo"),
        Err(StoreError::NotFound(_))
    ));

    let closing = r.start_closure(c.id, "Bo").unwrap();
    assert_eq!(closing.status, ChannelStatus::Closing);
    assert_eq!(
        closing.closing_started_at,
        Some(t0() + chrono::Duration::days(1))
    );
    let again = other.start_closure(c.id, "Bo").unwrap_err();
    // The refusal is a catalogue message: Swedish in a Swedish window.
    let sv = again.message().render(Language::Sv);
    assert!(
        sv.contains("är under avveckling sedan")
            && sv.contains("bara en aktiv kanal kan börja avvecklas"),
        "{sv}"
    );
    let missing = r.channel(nowhere).unwrap_err();
    assert_eq!(
        missing.message().render(Language::Sv),
        format!("Ingen kanal har id {nowhere}: kör `ogonblick channel list` för att se id:na.")
    );
    assert!(
        matches!(again, StoreError::Conflict(_)) && again.to_string().contains("closing since"),
        "{again}"
    );
    let closed = other.mark_closed(c.id, "Bo", "package verified").unwrap();
    assert_eq!(closed.status, ChannelStatus::Closed);
    assert_eq!(r.channel(c.id).unwrap(), closed);
    assert!(matches!(
        r.edit_channel(c.id, &patch, "Bo"),
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        r.mark_closed(annan.id, "Bo", ""),
        Err(StoreError::Conflict(_))
    ));
    if r.backend() == Kind::Sqlite {
        let json: Channel = mirror(b, &format!("channels/{}/channel.json", c.id));
        assert_eq!(json, closed);
    }
}

fn every_org_setting_is_kept_and_an_empty_one_cleared(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    assert_eq!(r.settings().unwrap(), OrgSettings::default());
    let s = OrgSettings {
        name: "Nacka kommun".into(),
        org_number: Some("212000-0167".into()),
        e_archive_name: Some("Nacka e-arkiv".into()),
        submission_agreement: Some("".into()),
        default_policy: SchedulePolicy::Yearly,
        schedule_windows: Some(ScheduleSettings {
            blackouts: vec![Period::new("sommar", (6, 15), (8, 15)).unwrap()],
            ..Default::default()
        }),
        web_archive: true,
    };
    let saved = r.set_settings(&s, "t").unwrap();
    assert_eq!(saved.submission_agreement, None);
    assert_eq!(
        saved,
        OrgSettings {
            submission_agreement: None,
            ..s
        }
    );
    assert_eq!(other.settings().unwrap(), saved);
    if r.backend() == Kind::Sqlite {
        let json: serde_json::Value = mirror(b, "settings.json");
        assert_eq!(json["organisation"]["name"], "Nacka kommun");
    }
}

/// A settings document that no longer reads as its type is said in the
/// catalogue's words, its key named, the parser's words a detail.
fn an_unreadable_setting_is_said_in_swedish(b: &dyn Backend) {
    let r = b.connect();
    b.try_sql(
        "DELETE FROM settings WHERE key = 'organisation';
         INSERT INTO settings (key, value) VALUES ('organisation', '[1,2]');",
    )
    .unwrap();
    let e = r.setting::<OrgSettings>().unwrap_err();
    let sv = e.message().render(Language::Sv);
    assert!(
        sv.starts_with("De sparade inställningarna organisation går inte att läsa ("),
        "{sv}"
    );
    assert!(sv.ends_with("): ange dem igen."), "{sv}");
    assert!(e.to_string().contains("set them again"), "{e}");
}

fn the_audit_log_refuses_update_and_delete(b: &dyn Backend) {
    let r = b.connect();
    let entry = r
        .append_audit(
            "tester",
            None,
            AuditEvent::SettingsSet { key: "test".into() },
        )
        .unwrap();
    // Another tool on the database can neither rewrite nor delete it.
    let upd = b
        .try_sql("UPDATE audit_log SET detail = 'changed'")
        .unwrap_err();
    assert!(upd.contains("append-only"), "{upd}");
    let del = b.try_sql("DELETE FROM audit_log").unwrap_err();
    assert!(del.contains("append-only"), "{del}");
    assert_eq!(b.connect().audit_log(None).unwrap(), [entry]);
}
