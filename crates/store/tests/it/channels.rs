use ogonblick_model::{ChannelPatch, ChannelStatus, OrgSettings, Platform, SchedulePolicy};
use ogonblick_store::{ChannelFilter, StoreError};

use crate::common::{new_channel, open, t0};

#[test]
fn database_runs_in_wal_mode_with_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    store
        .with_connection(|c| {
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            assert_eq!(fk, 1);
            let bad = c.execute(
                "INSERT INTO snapshots (id, channel_id, reason, status, started_at, finished_at, operator, folder, manifest)
                 VALUES ('x', 999, 'ad-hoc', 'failed', 'a', 'b', 'c', 'd', '{}')",
                [],
            );
            assert!(bad.is_err(), "a snapshot of a missing channel must be refused");
            Ok(())
        })
        .unwrap();
}

#[test]
fn add_writes_row_channel_json_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let c = store
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
    assert_eq!(c.id, 1);
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
    assert_eq!(store.channel(1).unwrap(), c);
    let on_disk: ogonblick_model::Channel =
        serde_json::from_slice(&std::fs::read(dir.path().join("channels/1/channel.json")).unwrap())
            .unwrap();
    assert_eq!(on_disk, c);
    let log = store.audit_log(Some(1)).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].actor.as_str(), log[0].action.as_str()),
        ("Åsa", "channel.add")
    );
    let mirror = std::fs::read_to_string(dir.path().join("audit.jsonl")).unwrap();
    assert_eq!(mirror.lines().count(), 1);
    assert!(mirror.contains("channel.add"));
}

#[test]
fn bad_channels_are_refused_with_advice_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    store
        .add_channel(
            &new_channel("Första", &["https://www.facebook.com/nacka"]),
            "t",
        )
        .unwrap();
    let cases: Vec<(ogonblick_model::NewChannel, &str)> = vec![
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
            ogonblick_model::NewChannel {
                platform: None,
                ..new_channel("Plattform", &["https://b.se"])
            },
            "facebook, instagram",
        ),
    ];
    for (n, expect) in cases {
        let err = store.add_channel(&n, "t").unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
        assert!(
            err.to_string().contains(expect),
            "{err} should contain {expect}"
        );
    }
    let dup = store
        .add_channel(
            &new_channel("Dubblett", &["http://facebook.com/nacka/"]),
            "t",
        )
        .unwrap_err();
    assert!(matches!(dup, StoreError::Conflict(_)), "{dup:?}");
    assert!(dup.to_string().contains("channel 1"), "{dup}");
    assert_eq!(store.channels().unwrap().len(), 1);
    assert_eq!(store.audit_log(None).unwrap().len(), 1);
    assert!(!dir.path().join("channels/2").exists());
}

#[test]
fn edit_and_closure() {
    let dir = tempfile::tempdir().unwrap();
    let (store, clock) = open(dir.path());
    let c = store
        .add_channel(&new_channel("Kanal", &["https://x.com/kanal"]), "t")
        .unwrap();
    let other = store
        .add_channel(&new_channel("Annan", &["https://x.com/annan"]), "t")
        .unwrap();
    clock.advance(chrono::Duration::days(1));
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
    let e = store.edit_channel(c.id, &patch, "Bo").unwrap();
    assert_eq!(e.name, "Kanal X");
    assert_eq!(e.platform, Platform::X);
    assert_eq!(e.urls.len(), 2);
    assert_eq!(e.board.as_deref(), Some("Utbildningsnämnden"));
    assert_eq!(e.substitute, None);
    assert_eq!(e.responsible, c.responsible);
    assert_eq!(e.policy, Some(SchedulePolicy::Yearly));
    assert_eq!(store.channel(c.id).unwrap(), e);
    let log = store.audit_log(Some(c.id)).unwrap();
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
        store.edit_channel(c.id, &steal, "Bo"),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(store.channel(c.id).unwrap(), e);
    assert_eq!(store.channel(other.id).unwrap(), other);
    // A no-op patch logs nothing.
    let n = store.audit_log(None).unwrap().len();
    store
        .edit_channel(
            c.id,
            &ChannelPatch {
                name: Some("Kanal X".into()),
                ..Default::default()
            },
            "Bo",
        )
        .unwrap();
    assert_eq!(store.audit_log(None).unwrap().len(), n);
    assert!(matches!(
        store.edit_channel(99, &patch, "Bo"),
        Err(StoreError::NotFound(_))
    ));

    let closing = store.start_closure(c.id, "Bo").unwrap();
    assert_eq!(closing.status, ChannelStatus::Closing);
    assert_eq!(closing.closing_started_at, Some(clock.now_for_test()));
    let again = store.start_closure(c.id, "Bo").unwrap_err();
    // The refusal is a catalogue message: Swedish in a Swedish window.
    let sv = again.message().render(ogonblick_model::Language::Sv);
    assert!(
        sv.contains("är under avveckling sedan")
            && sv.contains("bara en aktiv kanal kan börja avvecklas"),
        "{sv}"
    );
    let missing = store.channel(99).unwrap_err();
    assert_eq!(
        missing.message().render(ogonblick_model::Language::Sv),
        "Ingen kanal har id 99: kör `ogonblick channel list` för att se id:na."
    );
    assert!(
        matches!(again, StoreError::Conflict(_)) && again.to_string().contains("closing since"),
        "{again}"
    );
    let closed = store.mark_closed(c.id, "Bo", "package verified").unwrap();
    assert_eq!(closed.status, ChannelStatus::Closed);
    assert!(matches!(
        store.edit_channel(c.id, &patch, "Bo"),
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.mark_closed(other.id, "Bo", ""),
        Err(StoreError::Conflict(_))
    ));
    let json: ogonblick_model::Channel = serde_json::from_slice(
        &std::fs::read(dir.path().join(format!("channels/{}/channel.json", c.id))).unwrap(),
    )
    .unwrap();
    assert_eq!(json, closed);
}

trait NowForTest {
    fn now_for_test(&self) -> ogonblick_model::Timestamp;
}
impl NowForTest for ogonblick_model::FixedClock {
    fn now_for_test(&self) -> ogonblick_model::Timestamp {
        ogonblick_model::Clock::now(self)
    }
}

#[test]
fn list_filters_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    store
        .add_channel(
            &new_channel("Nacka Facebook", &["https://facebook.com/nacka"]),
            "t",
        )
        .unwrap();
    let mut yt = new_channel("Nacka YouTube", &["https://youtube.com/@nacka"]);
    yt.platform = Some(Platform::YouTube);
    yt.board = Some("Miljönämnden".into());
    store.add_channel(&yt, "t").unwrap();
    let all = store.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all
        .iter()
        .all(|s| s.snapshot_count == 0 && s.last_snapshot_at.is_none()));
    let f = ChannelFilter {
        platform: Some(Platform::YouTube),
        ..Default::default()
    };
    assert_eq!(
        store.list_channels(&f).unwrap()[0].channel.name,
        "Nacka YouTube"
    );
    let f = ChannelFilter {
        board: Some("miljönämnden".into()),
        ..Default::default()
    };
    assert_eq!(store.list_channels(&f).unwrap().len(), 1);
    let f = ChannelFilter {
        text: Some("FACEBOOK.com".into()),
        ..Default::default()
    };
    assert_eq!(store.list_channels(&f).unwrap().len(), 1);

    assert_eq!(store.settings().unwrap(), OrgSettings::default());
    let s = OrgSettings {
        name: "Nacka kommun".into(),
        org_number: Some("212000-0167".into()),
        e_archive_name: Some("Nacka e-arkiv".into()),
        submission_agreement: Some("".into()),
        default_policy: SchedulePolicy::Yearly,
        schedule_windows: Some(ogonblick_model::ScheduleSettings {
            blackouts: vec![ogonblick_model::Period::new("sommar", (6, 15), (8, 15)).unwrap()],
            ..Default::default()
        }),
        web_archive: true,
    };
    let saved = store.set_settings(&s, "t").unwrap();
    assert_eq!(saved.submission_agreement, None);
    assert_eq!(store.settings().unwrap(), saved);
    let mirror: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("settings.json")).unwrap()).unwrap();
    assert_eq!(mirror["organisation"]["name"], "Nacka kommun");
}

/// A settings document that no longer reads as its type is said in the
/// catalogue's words, its key named, the parser's words a detail.
#[test]
fn unreadable_settings_are_said_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    store
        .with_connection(|c| {
            c.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('organisation', '[1,2]')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let e = store.setting::<OrgSettings>().unwrap_err();
    let sv = e.message().render(ogonblick_model::Language::Sv);
    assert!(
        sv.starts_with("De sparade inställningarna organisation går inte att läsa ("),
        "{sv}"
    );
    assert!(sv.ends_with("): ange dem igen."), "{sv}");
    assert!(e.to_string().contains("set them again"), "{e}");
}
