//! The reports of the summary test (`summary.rs`) computed again from the
//! full records, to compare with what the register's summary answers
//! (moved out of `summary.rs`, which had reached 540 lines).

use std::collections::HashMap;

use ogonblick_app::schedule::{Assessment, ChannelScheduleInput};
use ogonblick_app::{
    App, ChannelChoice, CoverageReport, CoverageSnapshot, DueReport, SnapshotLine,
};
use ogonblick_model::{ChannelId, Snapshot, SnapshotStatus as S, Timestamp};

use crate::fixture::t;

/// What the overview shows of one channel's history, from the full records
/// (the rules of the overview: whole-channel snapshots finished by `at`;
/// the latest good by finish time, then history order; failures since it).
type Facts = (Option<CoverageSnapshot>, Option<CoverageSnapshot>, u32, u32);

pub fn reference(
    app: &App,
    at: Timestamp,
) -> (HashMap<ChannelId, Assessment>, HashMap<ChannelId, Facts>) {
    let schedule = app.schedule().unwrap();
    let all = app.history(None).unwrap();
    let mut due = HashMap::new();
    let mut cov = HashMap::new();
    for ch in app.store().channels().unwrap() {
        let input = ChannelScheduleInput::from_channel(&ch, &all);
        due.insert(ch.id, schedule.assess(&input, at));
        let snaps: Vec<&Snapshot> = all
            .iter()
            .filter(|s| s.channel_id == ch.id && s.counts_for_channel() && s.finished_at <= at)
            .collect();
        let good = snaps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.status == S::Complete)
            .max_by_key(|(i, s)| (s.finished_at, *i))
            .map(|(_, s)| CoverageSnapshot::from(*s));
        let failures = snaps
            .iter()
            .filter(|s| s.status != S::Complete)
            .filter(|s| good.as_ref().is_none_or(|g| s.started_at >= g.finished_at))
            .count() as u32;
        let last = snaps
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (s.started_at, *i))
            .map(|(_, s)| CoverageSnapshot::from(*s));
        cov.insert(ch.id, (good, last, failures, snaps.len() as u32));
    }
    (due, cov)
}

pub const MOMENTS: &[&str] = &[
    "2026-01-15T12:00:00Z",
    "2026-03-06T12:00:00Z",
    "2026-04-01T09:03:00Z", // the moment the tied pair finished
    "2026-10-01T10:00:00Z", // the moment a short capture finished
    "2026-10-01T11:30:00Z",
    "2026-10-15T12:00:00Z",
    "2026-12-01T12:00:00Z",
    "2027-05-01T12:00:00Z",
];

/// Every report at every moment, checked against the full records.
pub fn reports(app: &App) -> Vec<(DueReport, CoverageReport)> {
    let mut out = Vec::new();
    for at in MOMENTS {
        let at = t(at);
        let (due_ref, cov_ref) = reference(app, at);
        let due = app.due(Some(at)).unwrap();
        assert_eq!(due.channels.len(), due_ref.len());
        for e in &due.channels {
            assert_eq!(e.assessment, due_ref[&e.assessment.channel_id], "at {at}");
        }
        let cov = app.coverage_with(Some(at), true).unwrap();
        let mut rows = 0;
        for row in cov.groups.iter().flat_map(|g| &g.rows) {
            rows += 1;
            let got = (
                row.last_good.clone(),
                row.last_snapshot.clone(),
                row.failures,
                row.snapshot_count,
            );
            assert_eq!(got, cov_ref[&row.channel_id], "{} at {at}", row.name);
        }
        assert_eq!(rows, cov_ref.len());
        out.push((due, cov));
    }
    list_equals_the_full_records(app);
    out
}

/// The channel list's facts (count, latest by start, its status, the latest
/// complete start), read from the summary, equal those of the full records:
/// every snapshot counts, one-address captures too, whenever it finished.
pub fn list_equals_the_full_records(app: &App) {
    let all = app.history(None).unwrap();
    let listed = app.list_channels(&Default::default()).unwrap();
    assert_eq!(listed.len(), app.store().channels().unwrap().len());
    // Export's choosers: every channel of the list, named as there (id,
    // name, board), without the history, in Swedish order of the names.
    let mut choices: Vec<ChannelChoice> = listed
        .iter()
        .map(|s| ChannelChoice {
            id: s.channel.id,
            name: s.channel.name.clone(),
            board: s.channel.board.clone(),
        })
        .collect();
    assert!(choices.iter().any(|c| c.board.is_some()));
    choices.sort_by_cached_key(|c| (ogonblick_model::swedish_key(&c.name), c.id));
    assert_eq!(app.channel_choices().unwrap(), choices);
    for s in listed {
        let snaps: Vec<&Snapshot> = all
            .iter()
            .filter(|x| x.channel_id == s.channel.id)
            .collect();
        let last = snaps
            .iter()
            .enumerate()
            .max_by_key(|(i, x)| (x.started_at, *i))
            .map(|(_, x)| *x);
        let complete = snaps
            .iter()
            .filter(|x| x.status == S::Complete)
            .map(|x| x.started_at)
            .max();
        let want = (
            snaps.len() as u32,
            last.map(|x| x.started_at),
            last.map(|x| x.status),
            complete,
        );
        let got = (
            s.snapshot_count,
            s.last_snapshot_at,
            s.last_snapshot_status,
            s.last_complete_at,
        );
        assert_eq!(got, want, "{}", s.channel.name);
    }
    // The lines a page of Översikt draws: the same snapshots, in the order
    // of each channel's history, the channels in the order asked for.
    let mut ids: Vec<ChannelId> = app
        .store()
        .channels()
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    ids.reverse();
    let want: Vec<SnapshotLine> = ids
        .iter()
        .flat_map(|id| all.iter().filter(move |x| x.channel_id == *id))
        .map(|x| SnapshotLine {
            id: x.id.clone(),
            channel_id: x.channel_id,
            started_at: x.started_at,
            finished_at: x.finished_at,
            reason: x.reason,
            status: x.status,
            single_address: x.single_address.is_some(),
        })
        .collect();
    assert!(want.iter().any(|l| l.single_address));
    assert_eq!(app.snapshot_lines(&ids).unwrap(), want);
    assert_eq!(
        app.snapshot_lines(&ids[..1]).unwrap().len(),
        want.iter().filter(|l| l.channel_id == ids[0]).count()
    );
}
