//! The PostgreSQL dialect's migrations (`pg/migrations.rs`): a register
//! written at every earlier schema version, upgraded by a client that
//! connects, keeps its channels, audit entries and settings, and takes
//! new ones after them (roles too, which start off; removal records and
//! marks, empty before version 4, with the guidelines' removal grounds),
//! and answers the reports from the summary tables the upgrade filled.
//! Runs on the server `OGONBLICK_TEST_POSTGRES` names, as the conformance
//! suite does.

use ogonblick_model::{
    AuditEvent, ChannelStatus, DisposedKind, Evidence, FixedClock, Mark, MarkFlags, MarkedKind,
    OrgSettings, Platform, RemovalRecord, Role, SchedulePolicy, SnapshotReason, SnapshotStatus,
};
use ogonblick_store::pg::migrations::{migrate_to, version, LATEST, MIGRATIONS};
use ogonblick_store::pg::PgRegister;
use ogonblick_store::postgres::{Client, NoTls};
use ogonblick_store::{ChannelFilter, Register, RegisterExt};

use crate::common::{new_channel, t0};
use crate::conformance::backends::Postgres;
use crate::conformance::snapshots::snapshot;
use crate::disposal::entry_of;
use crate::removals::record;

/// A time as the register stores it (RFC 3339, nanoseconds, `Z`).
fn ts(t: ogonblick_model::Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// Writes what a client of schema version `k` wrote, with plain SQL:
/// a closing channel with a board, a unit and two addresses, an active one,
/// their audit entries (one typed, one as an entry without its event
/// reads) and the organisation's settings. Every earlier version needs a
/// fixture.
fn populate(c: &mut Client, k: u32) {
    match k {
        0 => {}
        // 2 adds the snapshot index, 3 the roles, 4 the removal records and
        // marks, 5 the reports' summary, the stamping states and the
        // disposal log: the rows of 1, from 2 on two snapshots of the town's
        // channel, and at 4 a removal record naming one of them, a ground
        // of the organisation's own and two marks; 6 the channels' claims,
        // empty: at 5 the rows of 4 with the town's summary refreshed, as a
        // client of 5 wrote it with each snapshot; 8 (h-pgroles) the
        // group roles and their grants: at 6 the rows of 5; 8 (h-pgsec)
        // the audit log's database role: at 7 the rows of 6, whose entries
        // then have none; 9 (h-loadperf) each channel's latest history step
        // in its summary row: at 8 the rows of 7, the summary without it
        // (the upgrade fills it); 10 (h-pgrev) the revisions' index and the
        // entries' server time: at 9 the rows of 8, whose entries then have
        // no server time; 11 (issue 15) the units compared as the
        // application compares them: at 10 the rows of 9; 12 (issue 15's
        // load) each channel's good snapshots in its summary row: at 11 the
        // rows of 10, the summary without them (the upgrade fills them).
        1..=11 => {
            let board: i64 = c
                .query_one(
                    "INSERT INTO boards (name) VALUES ('Kultur- och fritidsnämnden') RETURNING id",
                    &[],
                )
                .unwrap()
                .get(0);
            let unit: i64 = c
                .query_one(
                    "INSERT INTO units (board_id, name) VALUES ($1, 'Biblioteken') RETURNING id",
                    &[&board],
                )
                .unwrap()
                .get(0);
            let library: i64 = c
                .query_one(
                    "INSERT INTO channels (name, platform, board_id, unit_id, responsible,
                        substitute, purpose, audience, policy, status, created_at,
                        closing_started_at, notes)
                     VALUES ('Biblioteken på Instagram', 'instagram', $1, $2, 'Märta', 'Örjan',
                        'Läsfrämjande', 'Unga', 'yearly', 'closing',
                        '2025-01-02T03:04:05.000000000Z', '2025-06-01T00:00:00.000000000Z',
                        'anteckning')
                     RETURNING id",
                    &[&board, &unit],
                )
                .unwrap()
                .get(0);
            let town: i64 = c
                .query_one(
                    "INSERT INTO channels (name, platform, status, created_at)
                     VALUES ('Vetlanda kommun', 'facebook', 'active',
                        '2025-02-01T00:00:00.000000000Z')
                     RETURNING id",
                    &[],
                )
                .unwrap()
                .get(0);
            for (id, pos, url, key) in [
                (
                    library,
                    0,
                    "https://www.instagram.com/biblioteken/",
                    "instagram.com/biblioteken",
                ),
                (
                    library,
                    1,
                    "https://www.instagram.com/biblioteken/about",
                    "instagram.com/biblioteken/about",
                ),
                (
                    town,
                    0,
                    "https://www.facebook.com/vetlanda",
                    "facebook.com/vetlanda",
                ),
            ] {
                c.execute(
                    "INSERT INTO channel_urls (channel_id, position, url, normalised)
                     VALUES ($1, $2, $3, $4)",
                    &[&id, &pos, &url, &key],
                )
                .unwrap();
            }
            let added = AuditEvent::ChannelAdded {
                name: "Biblioteken på Instagram".into(),
            };
            c.execute(
                "INSERT INTO audit_log (at, actor, action, channel_id, detail, event)
                 VALUES ('2025-01-02T03:04:05.000000000Z', 'Märta', 'channel.add', $1, 'added',
                    CAST($2::TEXT AS JSONB)),
                    ('2025-06-01T00:00:00.000000000Z', 'Märta', 'closure.start', $1,
                    'status active → closing', NULL)",
                &[&library, &added.to_stored_json()],
            )
            .unwrap();
            if k >= 2 {
                for (id, status, hour) in [
                    ("v-1", SnapshotStatus::Complete, 0),
                    ("v-2", SnapshotStatus::Failed, 1),
                ] {
                    let at = t0() + chrono::Duration::hours(hour);
                    let s = snapshot(town, id, SnapshotReason::HalfYearly, status, at);
                    c.execute(
                        "INSERT INTO snapshots (id, channel_id, reason, status, started_at,
                            finished_at, operator, folder, manifest, whole_channel)
                         VALUES ($1, $2, 'half-yearly', $3, $4, $5, 'Åsa', $6, $7, TRUE)",
                        &[
                            &id,
                            &town,
                            &status.as_str(),
                            &ts(at),
                            &ts(s.finished_at),
                            &format!("channels/{town}/snapshots/{id}"),
                            &serde_json::to_string(&s).unwrap(),
                        ],
                    )
                    .unwrap();
                }
            }
            if k >= 4 {
                given_removal_and_marks(c, town);
            }
            if k >= 5 {
                c.execute("SELECT ogonblick_refresh_summary($1)", &[&town])
                    .unwrap();
            }
            c.batch_execute(
                "INSERT INTO settings (key, value)
                 VALUES ('organisation', '{\"name\":\"Vetlanda kommun\",\"default_policy\":\"yearly\"}')",
            )
            .unwrap();
        }
        _ => panic!("add a fixture for schema version {k} to this test"),
    }
}

/// What a client of version 4 wrote of removal records and marks: the
/// record `rem-0` of the town's channel naming snapshot `v-1` (its rows;
/// its folder is not needed to read it), a removal ground added after the
/// guidelines' ones, and marks of the record and of the snapshot.
fn given_removal_and_marks(c: &mut Client, town: i64) {
    let r = old_removal(town);
    c.execute(
        "INSERT INTO removals (id, channel_id, folder, created_at) VALUES ($1, $2, $3, $4)",
        &[
            &r.id,
            &town,
            &format!("channels/{town}/removals/rem-0"),
            &ts(r.recorded_at),
        ],
    )
    .unwrap();
    c.execute(
        "INSERT INTO removal_versions (removal_id, version, recorded_at, recorded_by, removed_at,
            ground, diary_number, record)
         VALUES ($1, 1, $2, $3, $4, 'hot', NULL, $5)",
        &[
            &r.id,
            &ts(r.recorded_at),
            &r.recorded_by,
            &ts(r.removed_at),
            &serde_json::to_string(&r).unwrap(),
        ],
    )
    .unwrap();
    c.batch_execute(
        "INSERT INTO removal_grounds (code, position, label_sv, label_en)
         VALUES ('spam', 14, 'Skräppost', 'Spam')",
    )
    .unwrap();
    for (item, kind) in [
        ("rem-0", MarkedKind::Removal),
        ("v-1", MarkedKind::Snapshot),
    ] {
        let mark = Mark {
            item_id: item.into(),
            kind,
            flags: personal_data(),
            set_at: t0(),
            set_by: "Åsa".into(),
        };
        c.execute(
            "INSERT INTO marks (item_id, kind, mark) VALUES ($1, $2, $3)",
            &[
                &item,
                &kind.as_str(),
                &serde_json::to_string(&mark).unwrap(),
            ],
        )
        .unwrap();
    }
}

/// The removal record a client of version 4 wrote.
fn old_removal(town: i64) -> RemovalRecord {
    let evidence = Evidence::Snapshot {
        snapshot_id: "v-1".into(),
    };
    record("rem-0", town, evidence)
}

fn personal_data() -> MarkFlags {
    MarkFlags {
        personal_data: true,
        secrecy: None,
        note: None,
    }
}

#[test]
fn upgrading_from_every_earlier_version_keeps_channels_audit_and_settings() {
    assert_eq!(LATEST as usize, MIGRATIONS.len());
    for k in 0..LATEST {
        let Some(db) = Postgres::new(&format!("pg_upgrade_from_{k}")) else {
            return;
        };
        let files = tempfile::tempdir().unwrap();
        {
            let mut c = db.config().connect(NoTls).unwrap();
            assert_eq!(migrate_to(&mut c, k).unwrap(), k);
            populate(&mut c, k);
            // The shared folder of those snapshots (from before the folder's
            // identity marker): its first use after the upgrade adopts it.
            if k >= 2 {
                for r in c.query("SELECT folder FROM snapshots", &[]).unwrap() {
                    std::fs::create_dir_all(files.path().join(r.get::<_, &str>(0))).unwrap();
                }
            }
        }
        let clock = std::sync::Arc::new(FixedClock::new(t0()));
        let reg = PgRegister::connect_with(db.config().clone(), clock)
            .unwrap()
            .with_data_dir(files.path())
            .unwrap();
        assert_eq!(reg.schema_version().unwrap(), LATEST, "from version {k}");
        let before = if k == 0 { 0 } else { 2 };
        let listed = reg.list_channels(&ChannelFilter::default()).unwrap();
        assert_eq!(listed.len(), before, "from version {k}");
        let log = reg.audit_log(None).unwrap();
        assert_eq!(log.len(), before, "from version {k}");
        // Entries written before 0008 have no database role; from 8 on the
        // server gives each the fixture's login (not the recorded person).
        assert!(
            log.iter().all(|e| e.db_role.is_none() == (k < 8)),
            "from version {k}: {:?}",
            log.iter().map(|e| &e.db_role).collect::<Vec<_>>()
        );
        if k >= 1 {
            let lib = &listed[0].channel;
            assert_eq!(lib.name, "Biblioteken på Instagram");
            assert_eq!(lib.platform, Platform::Instagram);
            assert_eq!(
                lib.urls,
                [
                    "https://www.instagram.com/biblioteken/",
                    "https://www.instagram.com/biblioteken/about"
                ]
            );
            assert_eq!(lib.board.as_deref(), Some("Kultur- och fritidsnämnden"));
            assert_eq!(lib.unit.as_deref(), Some("Biblioteken"));
            assert_eq!(
                (lib.responsible.as_deref(), lib.substitute.as_deref()),
                (Some("Märta"), Some("Örjan"))
            );
            assert_eq!(lib.policy, Some(SchedulePolicy::Yearly));
            assert_eq!(lib.status, ChannelStatus::Closing);
            assert_eq!(lib.created_at.to_rfc3339(), "2025-01-02T03:04:05+00:00");
            assert_eq!(lib.notes.as_deref(), Some("anteckning"));
            assert_eq!(reg.channel(lib.id).unwrap(), *lib);
            assert_eq!(listed[1].channel.name, "Vetlanda kommun");
            assert_eq!(listed[1].channel.status, ChannelStatus::Active);
            let seen: Vec<_> = log
                .iter()
                .map(|e| (e.seq, e.actor.as_str(), e.action.as_str(), e.channel_id))
                .collect();
            assert_eq!(
                seen,
                [
                    (1, "Märta", "channel.add", Some(lib.id)),
                    (2, "Märta", "closure.start", Some(lib.id)),
                ]
            );
            assert_eq!(
                log[0].event,
                AuditEvent::ChannelAdded {
                    name: "Biblioteken på Instagram".into()
                }
            );
            assert!(
                matches!(log[1].event, AuditEvent::ClosureStarted { .. }),
                "an entry without its event reads from its words: {:?}",
                log[1].event
            );
            assert_eq!(
                reg.setting::<OrgSettings>().unwrap().name,
                "Vetlanda kommun"
            );
            // The reports answer from the summary the upgrade filled.
            let town = &listed[1];
            let end = t0() + chrono::Duration::days(1);
            if k >= 2 {
                assert_eq!(town.snapshot_count, 2, "from version {k}");
                let h = reg.history_summaries(end).unwrap();
                assert_eq!(h.len(), 1, "from version {k}");
                assert_eq!(
                    (h[0].channel_id, h[0].snapshots, h[0].failures),
                    (town.channel.id, 2, 1)
                );
                assert_eq!(h[0].last.id, "v-2");
                assert_eq!(h[0].last_good.as_ref().map(|g| g.id.as_str()), Some("v-1"));
                assert_eq!(reg.latest_good_snapshots(end).unwrap().len(), 1);
                // The reports' one read answers from the summary row the
                // upgrade filled (0012's good snapshots, 0009's step).
                let rows = reg.report_rows(end, true).unwrap();
                let row = rows.iter().find(|r| r.brief.id == town.channel.id).unwrap();
                let good = reg.latest_good_snapshots(end).unwrap();
                assert_eq!(
                    row.good.each().collect::<Vec<_>>(),
                    [(good[0].reason, good[0].finished_at)]
                );
                assert_eq!(row.history.as_ref(), h.first());
                assert_eq!(reg.snapshot_lines(&[town.channel.id]).unwrap().len(), 2);
                // Filled by the upgrade, not computed on the fly.
                let mut c = db.config().connect(NoTls).unwrap();
                let row = c
                    .query_one(
                        "SELECT snapshots, last_status FROM channel_summary WHERE channel_id = $1",
                        &[&town.channel.id],
                    )
                    .unwrap();
                assert_eq!(row.get::<_, i64>(0), 2, "from version {k}");
                assert_eq!(row.get::<_, &str>(1), "failed", "from version {k}");
            } else {
                assert_eq!(town.snapshot_count, 0);
                assert!(reg.history_summaries(end).unwrap().is_empty());
            }
            // The removal record and the marks of version 4 are kept.
            if k >= 4 {
                let old = old_removal(town.channel.id);
                assert_eq!(
                    reg.removals(None).unwrap(),
                    std::slice::from_ref(&old),
                    "from version {k}"
                );
                let (versions, folder) = reg.removal("rem-0").unwrap();
                assert_eq!(versions, [old]);
                assert_eq!(
                    folder,
                    format!("channels/{}/removals/rem-0", town.channel.id)
                );
                let marked: Vec<_> = reg
                    .marks()
                    .unwrap()
                    .into_iter()
                    .map(|m| m.item_id)
                    .collect();
                assert_eq!(marked, ["rem-0", "v-1"], "from version {k}");
                assert_eq!(reg.mark("v-1").unwrap().unwrap().flags, personal_data());
                let grounds = reg.removal_grounds().unwrap();
                assert_eq!(grounds.last().map(|g| g.code.as_str()), Some("spam"));
            }
            // The closure goes on where it stood.
            assert_eq!(
                reg.undo_closure(lib.id, "Märta").unwrap().status,
                ChannelStatus::Active
            );
        }
        // New rows come after the old ones: ids and the log go on, the
        // old channels take snapshots, the log stays append-only.
        let added = reg
            .add_channel(
                &new_channel("Nacka", &["https://facebook.com/nacka"]),
                "anna",
            )
            .unwrap();
        assert!(
            listed.iter().all(|c| c.channel.id < added.id),
            "from version {k}"
        );
        let log = reg.audit_log(None).unwrap();
        assert!(
            log.windows(2).all(|w| w[0].seq < w[1].seq),
            "from version {k}"
        );
        assert_eq!(
            log.len(),
            before + 1 + usize::from(k >= 1),
            "from version {k}"
        );
        if let Some(old) = listed.first() {
            let s = snapshot(
                old.channel.id,
                "s-1",
                SnapshotReason::HalfYearly,
                SnapshotStatus::Complete,
                t0(),
            );
            reg.record_snapshot(&s, "channels/1/snapshots/s-1").unwrap();
            assert_eq!(reg.snapshots(Some(old.channel.id)).unwrap(), [s]);
        }
        let mut c = db.config().connect(NoTls).unwrap();
        assert!(
            c.execute("DELETE FROM audit_log", &[]).is_err(),
            "from version {k}"
        );
        assert_eq!(version(&mut c).unwrap(), LATEST);
        // Roles start off (none configured) and can be set.
        assert!(reg.roles().unwrap().is_empty(), "from version {k}");
        let roles = reg
            .set_roles("Märta", &[Role::Arkivarie], &[], "Märta", Some("Märta"))
            .unwrap();
        assert_eq!(roles[0].roles, [Role::Arkivarie, Role::Administrator]);
        let last = reg.audit_log(None).unwrap().pop().unwrap();
        assert_eq!(last.action, "role.set", "from version {k}");
        // Removal records start empty before version 4, with the guidelines'
        // grounds, and take a record and a mark.
        let (old_records, old_marks) = if k >= 4 { (1, 2) } else { (0, 0) };
        assert_eq!(
            reg.removals(None).unwrap().len(),
            old_records,
            "from version {k}"
        );
        assert_eq!(
            reg.removal_grounds().unwrap().len(),
            13 + old_records,
            "from version {k}"
        );
        assert_eq!(reg.marks().unwrap().len(), old_marks, "from version {k}");
        let evidence = Evidence::Snapshot {
            snapshot_id: "s-1".into(),
        };
        let channel = listed.first().map(|c| c.channel.id).unwrap_or(added.id);
        if k == 0 {
            let s = snapshot(
                channel,
                "s-1",
                SnapshotReason::AdHoc,
                SnapshotStatus::Complete,
                t0(),
            );
            reg.record_snapshot(&s, "channels/1/snapshots/s-1").unwrap();
        }
        let r = reg
            .add_removal(record("rem-1", channel, evidence), None)
            .unwrap();
        assert_eq!(reg.removals(Some(channel)).unwrap(), [r]);
        reg.set_mark(MarkedKind::Removal, "rem-1", Some(personal_data()), "Märta")
            .unwrap();
        assert_eq!(
            reg.marks().unwrap().len(),
            old_marks + 1,
            "from version {k}"
        );
        // The old removal record can be disposed of (its rows; it has no
        // folder here), and the log takes it.
        if k >= 4 {
            let town = listed[1].channel.id;
            let mut entry = entry_of(town, "rem-0", "d-rem-0", Vec::new());
            entry.item_kind = DisposedKind::Removal;
            let done = reg.dispose(entry).unwrap();
            assert!(done.files.is_empty());
            assert!(reg.removals(Some(town)).unwrap().is_empty());
            assert_eq!(reg.disposal_log().unwrap(), [done]);
        }
    }
}
