//! The load benchmark's clients (`bench/load`, issue 15): CLIENTS threads,
//! each with its own `App` and connection on one PostgreSQL register, each
//! running ROUNDS rounds of the reads the CLI's `history --channel N
//! --json`, `due --json` and `coverage --json` make (timed), and one
//! increment of a counter in a shared channel's notes with the optimistic
//! check (`App::channel_for_edit` then `App::edit_channel_seen`, retried
//! after a refusal). All clients write the same channel in the same round
//! (a barrier), so the refusals are real. `check` then proves that no
//! update was lost. Shared with the smoke test
//! (`crates/app/tests/it/load_clients.rs`).

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::Instant;

use chrono::{DateTime, Utc};
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    ChannelId, ChannelPatch, ErrorCode, FixedClock, IdGen, SequentialIds, Timestamp,
};

/// How many channels every client writes in turn (one a round).
pub const HOT: usize = 3;
/// A client gives up an increment after so many refusals in a row.
const MAX_TRIES: usize = 1_000;

/// What one phase measured: every query's time in ms, by kind, and the
/// writes.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    pub history_ms: Vec<f64>,
    pub due_ms: Vec<f64>,
    pub coverage_ms: Vec<f64>,
    pub edit_ms: Vec<f64>,
    /// Increments saved.
    pub successes: u64,
    /// Edits refused because another client changed the channel first.
    pub refusals: u64,
    /// Increments given up (MAX_TRIES refusals in a row).
    pub gave_up: u64,
    /// The shared channels' counters before the phase.
    pub start: Vec<(ChannelId, u64)>,
    /// `channel.edit` entries before the phase.
    pub edits_before: usize,
}

/// The result of [`check`]: the counters' total gain against the
/// successes, and the audit's new `channel.edit` entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub counted: u64,
    pub audited: usize,
    pub lost: i64,
}

/// The counter kept in a channel's notes (`load N`; anything else is 0).
pub fn counter(notes: &str) -> u64 {
    notes
        .strip_prefix("load ")
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Ids that do not collide between clients.
struct ClientIds(usize, SequentialIds);

impl IdGen for ClientIds {
    fn new_id(&self) -> String {
        format!("c{}-{}", self.0, self.1.new_id())
    }
}

pub fn open(url: &str, data: &Path, client: usize, at: Timestamp) -> App {
    App::open_postgres(
        AppConfig {
            data_dir: data.to_path_buf(),
            operator: format!("load client {client}"),
        },
        url,
        Arc::new(FixedClock::new(at)),
        Arc::new(ClientIds(client, SequentialIds::default())),
    )
    .expect("open the PostgreSQL register")
    .with_login(None)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// One client's rounds; `seed` picks its channels.
fn client(
    app: &App,
    channels: &[ChannelId],
    hot: &[ChannelId],
    rounds: usize,
    seed: u64,
    at: Timestamp,
    barrier: &Barrier,
) -> Outcome {
    let mut out = Outcome::default();
    let mut rng = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for round in 0..rounds {
        barrier.wait();
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let one = channels[(rng >> 33) as usize % channels.len()];
        // `history --channel N --json`: the history, the marks, the stamping states.
        let t = Instant::now();
        let h = app.history(Some(one)).expect("history");
        let marks = app.marks().expect("marks");
        let stamps = app.timestamp_states_of(Some(one)).expect("stamps");
        out.history_ms.push(ms(t));
        std::hint::black_box((h, marks, stamps));
        // `due --json`.
        let t = Instant::now();
        let due = app.due(Some(at)).expect("due");
        out.due_ms.push(ms(t));
        assert_eq!(due.channels.len(), channels.len());
        // `coverage --json` (Översikt's report).
        let t = Instant::now();
        let cov = app.coverage_with(Some(at), false).expect("coverage");
        out.coverage_ms.push(ms(t));
        std::hint::black_box(cov);
        // The writers: every client the same channel at once.
        let target = hot[round % hot.len()];
        barrier.wait();
        let t = Instant::now();
        let mut tries = 0;
        loop {
            let seen = app.channel_for_edit(target).expect("channel for edit");
            let next = counter(seen.channel.notes.as_deref().unwrap_or("")) + 1;
            let patch = ChannelPatch {
                notes: Some(format!("load {next}")),
                ..Default::default()
            };
            match app.edit_channel_seen(target, patch, seen.revision) {
                Ok(_) => {
                    out.successes += 1;
                    break;
                }
                Err(e) if e.code() == ErrorCode::Conflict => {
                    out.refusals += 1;
                    tries += 1;
                    if tries >= MAX_TRIES {
                        out.gave_up += 1;
                        break;
                    }
                }
                Err(e) => panic!("edit: {e}"),
            }
        }
        out.edit_ms.push(ms(t));
    }
    out
}

/// The counters of the shared channels and the `channel.edit` entries now.
fn state(app: &App, hot: &[ChannelId]) -> (Vec<(ChannelId, u64)>, usize) {
    let counters = hot
        .iter()
        .map(|&id| {
            (
                id,
                counter(
                    app.store()
                        .channel(id)
                        .expect("channel")
                        .notes
                        .as_deref()
                        .unwrap_or(""),
                ),
            )
        })
        .collect();
    let edits = app
        .store()
        .audit_log_of_action("channel.edit")
        .expect("audit log")
        .len();
    (counters, edits)
}

/// Runs `clients` clients of `rounds` rounds at once on the register at
/// `url` (its files in `data`), the reports asked as of `at`; the
/// outcomes merged.
pub fn run(url: &str, data: &Path, clients: usize, rounds: usize, at: Timestamp) -> Outcome {
    let first = open(url, data, 0, at);
    let channels: Vec<ChannelId> = first
        .store()
        .channels()
        .expect("channels")
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(channels.len() >= HOT, "too few channels");
    let hot: Vec<ChannelId> = channels[..HOT].to_vec();
    let (start, edits_before) = state(&first, &hot);
    let apps: Vec<App> = std::iter::once(first)
        .chain((1..clients).map(|c| open(url, data, c, at)))
        .collect();
    let barrier = Barrier::new(clients);
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = apps
            .iter()
            .enumerate()
            .map(|(c, app)| {
                let (channels, hot, barrier) = (&channels, &hot, &barrier);
                s.spawn(move || client(app, channels, hot, rounds, c as u64 + 1, at, barrier))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a client failed"))
            .collect()
    });
    let mut all = Outcome {
        start,
        edits_before,
        ..Default::default()
    };
    for o in outcomes {
        all.history_ms.extend(o.history_ms);
        all.due_ms.extend(o.due_ms);
        all.coverage_ms.extend(o.coverage_ms);
        all.edit_ms.extend(o.edit_ms);
        all.successes += o.successes;
        all.refusals += o.refusals;
        all.gave_up += o.gave_up;
    }
    all
}

/// No lost update: the shared counters grew by the number of successful
/// increments, and the audit log gained one `channel.edit` for each.
pub fn check(url: &str, data: &Path, o: &Outcome, at: Timestamp) -> Check {
    let app = open(url, data, 99, at);
    let hot: Vec<ChannelId> = o.start.iter().map(|(id, _)| *id).collect();
    let (end, edits) = state(&app, &hot);
    let counted: u64 = end.iter().zip(&o.start).map(|((_, e), (_, s))| e - s).sum();
    let audited = edits - o.edits_before;
    let lost = o.successes as i64 - counted as i64;
    let lost_audit = o.successes as i64 - audited as i64;
    Check {
        counted,
        audited,
        lost: lost.abs().max(lost_audit.abs()),
    }
}

/// The value at the `q` quantile (nearest rank), of times in ms.
pub fn quantile(v: &[f64], q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = ((q * s.len() as f64).ceil() as usize).clamp(1, s.len());
    s[rank - 1]
}

pub fn parse_at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s)
        .expect("AT (RFC 3339)")
        .with_timezone(&Utc)
}
