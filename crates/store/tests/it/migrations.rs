use ogonblick_model::{AuditEvent, ChannelStatus, Platform, SchedulePolicy};
use ogonblick_store::migrations::{migrate_to, version, LATEST, MIGRATIONS};
use ogonblick_store::rusqlite::{params, Connection};
use ogonblick_store::DB_FILE_NAME;

use crate::common::{commit_real_snapshot, open};

/// Writes rows typical for schema version `k` with plain SQL, as a database
/// of that version would hold them. Every earlier version needs a fixture.
fn populate(conn: &Connection, k: u32) {
    match k {
        0 => {}
        // 11 adds an index only: the rows of 10; 12 the reports' summary,
        // filled from the snapshot rows (`tests/it/summary.rs`); 13 the
        // channels' claims, empty: the rows of 12; 14 (h-pgrev) an index
        // only: the rows of 13.
        1..=14 => {
            conn.execute(
                "INSERT INTO boards (id, name) VALUES (1, 'Kultur- och fritidsnämnden')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO units (id, board_id, name) VALUES (1, 1, 'Biblioteken')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO channels (id, name, platform, board_id, unit_id, responsible, substitute, purpose,
                    audience, policy, status, created_at, closing_started_at, closed_at, notes)
                 VALUES (7, 'Biblioteken på Instagram', 'instagram', 1, 1, 'Märta', 'Örjan', 'Läsfrämjande',
                    'Unga', 'yearly', 'closing', '2025-01-02T03:04:05.000000000Z', '2025-06-01T00:00:00.000000000Z', NULL, 'anteckning')",
                [],
            )
            .unwrap();
            for (i, u) in [
                "https://www.instagram.com/biblioteken/",
                "https://www.instagram.com/biblioteken/about",
            ]
            .iter()
            .enumerate()
            {
                conn.execute(
                    "INSERT INTO channel_urls (channel_id, position, url, normalised) VALUES (7, ?1, ?2, ?3)",
                    params![i as i64, u, ogonblick_store::normalise_url(u).unwrap()],
                )
                .unwrap();
            }
            // A person's roles (0009_roles, h-roles).
            if k >= 9 {
                conn.execute(
                    "INSERT INTO roles (login, role, set_at, set_by) VALUES ('marta', 'handlaggare', '2025-06-03T00:00:00Z', 'IT'),
                        ('marta', 'administrator', '2025-06-03T00:00:00Z', 'IT')",
                    [],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO role_units (login, unit) VALUES ('marta', 'Biblioteken')",
                    [],
                )
                .unwrap();
            }
            // A personal-data / secrecy mark (0007_marks).
            if k >= 7 {
                conn.execute(
                    "INSERT INTO marks (item_id, kind, mark) VALUES ('s-1', 'snapshot',
                        '{\"item_id\":\"s-1\",\"kind\":\"snapshot\",\"flags\":{\"personal_data\":true,\"secrecy\":null,\"note\":null},\"set_at\":\"2025-06-03T00:00:00Z\",\"set_by\":\"Märta\"}')",
                    [],
                )
                .unwrap();
            }
            if k >= 3 {
                conn.execute(
                    "INSERT INTO audit_log (seq, at, actor, action, channel_id, detail, event)
                     VALUES (3, '2025-06-02T00:00:00.000000000Z', 'Märta', 'closure.review', 7,
                        'reviewed the pre-closure snapshot s-1',
                        '{\"v\":1,\"kind\":\"closure-reviewed\",\"snapshot_id\":\"s-1\"}')",
                    [],
                )
                .unwrap();
            }
            if k >= 2 {
                conn.execute(
                    "INSERT INTO audit_log (seq, at, actor, action, channel_id, detail)
                     VALUES (1, '2025-01-02T03:04:05.000000000Z', 'Märta', 'channel.add', 7, 'added')",
                    [],
                )
                .unwrap();
                // As versions before typed events wrote it.
                conn.execute(
                    "INSERT INTO audit_log (seq, at, actor, action, channel_id, detail)
                     VALUES (2, '2025-06-01T00:00:00.000000000Z', 'Märta', 'closure.start', 7, 'status active → closing')",
                    [],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES ('organisation', '{\"name\":\"Vetlanda kommun\",\"default_policy\":\"yearly\"}')",
                    [],
                )
                .unwrap();
            }
        }
        _ => panic!("add a fixture for schema version {k} to this test"),
    }
}

#[test]
fn migrates_empty_and_populated_databases_from_every_earlier_version() {
    assert_eq!(LATEST as usize, MIGRATIONS.len());
    for k in 0..LATEST {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
            assert_eq!(migrate_to(&mut conn, k).unwrap(), k);
            populate(&conn, k);
        }
        let (store, _) = open(dir.path());
        assert_eq!(store.schema_version().unwrap(), LATEST, "from version {k}");
        assert_eq!(
            store.removal_grounds().unwrap().len(),
            13,
            "from version {k}"
        );
        if k == 0 {
            assert!(store.channels().unwrap().is_empty());
        } else {
            let c = store.channel(7).unwrap();
            assert_eq!(c.name, "Biblioteken på Instagram");
            assert_eq!(c.platform, Platform::Instagram);
            assert_eq!(c.board.as_deref(), Some("Kultur- och fritidsnämnden"));
            assert_eq!(c.unit.as_deref(), Some("Biblioteken"));
            assert_eq!(c.responsible.as_deref(), Some("Märta"));
            assert_eq!(c.substitute.as_deref(), Some("Örjan"));
            assert_eq!(c.policy, Some(SchedulePolicy::Yearly));
            assert_eq!(c.status, ChannelStatus::Closing);
            assert_eq!(c.urls.len(), 2);
            assert_eq!(c.created_at.to_rfc3339(), "2025-01-02T03:04:05+00:00");
            // The tables of later migrations work with the old rows.
            commit_real_snapshot(
                &store,
                7,
                "snap-after-migration",
                &c.urls,
                crate::common::t0(),
            );
            assert_eq!(store.snapshots(Some(7)).unwrap().len(), 1);
        }
        if k >= 2 {
            // Rows of the log from before typed events: read from their
            // English detail, or kept as recorded when it is not a known format.
            let log = store.audit_log(Some(7)).unwrap();
            assert_eq!(
                log.iter().take(2).map(|e| &e.event).collect::<Vec<_>>(),
                [
                    &AuditEvent::Legacy {
                        action: "channel.add".into(),
                        detail: "added".into()
                    },
                    &AuditEvent::ClosureStarted {
                        from: ChannelStatus::Active,
                        to: ChannelStatus::Closing,
                        decision: None,
                        diary_number: None,
                    },
                ]
            );
            assert_eq!(log[1].detail, "status active → closing");
            // and the new rows beside them are typed
            assert!(matches!(
                &log.last().unwrap().event,
                AuditEvent::SnapshotStored { snapshot_id, .. } if snapshot_id == "snap-after-migration"
            ));
        }
        // The register works after migrating: add, and the duplicate check
        // sees the migrated addresses.
        let added = store
            .add_channel(
                &crate::common::new_channel("Ny", &["https://example.se/ny"]),
                "test",
            )
            .unwrap();
        assert!(added.id > if k == 0 { 0 } else { 7 });
        if k > 0 {
            let dup = store.add_channel(
                &crate::common::new_channel("Dubblett", &["http://instagram.com/biblioteken"]),
                "test",
            );
            assert!(
                matches!(dup, Err(ogonblick_store::StoreError::Conflict(_))),
                "{dup:?}"
            );
        }
        drop(store);
        // Reopening the latest version changes nothing.
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        assert_eq!(version(&conn).unwrap(), LATEST);
    }
}

#[test]
fn latest_populated_database_reopens_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        migrate_to(&mut conn, LATEST).unwrap();
        populate(&conn, LATEST);
    }
    let (store, _) = open(dir.path());
    assert_eq!(store.settings().unwrap().name, "Vetlanda kommun");
    let log = store.audit_log(Some(7)).unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(
        log[2].event,
        AuditEvent::ClosureReviewed {
            snapshot_id: "s-1".into()
        }
    );
    // 0005: the grounds read with retired = false.
    assert!(store.removal_grounds().unwrap().iter().all(|g| !g.retired));
    // 0009: a person's roles and units.
    let roles = store.roles().unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(
        roles[0].roles,
        [
            ogonblick_model::Role::Handlaggare,
            ogonblick_model::Role::Administrator
        ]
    );
    assert_eq!(roles[0].units, ["Biblioteken"]);
    let before = store.channels().unwrap();
    drop(store);
    let (store, _) = open(dir.path());
    assert_eq!(store.channels().unwrap(), before);
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    {
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        conn.pragma_update(None, "user_version", LATEST + 1)
            .unwrap();
    }
    let clock = std::sync::Arc::new(ogonblick_model::FixedClock::new(crate::common::t0()));
    let err = ogonblick_store::Store::open(dir.path(), clock).unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
}
