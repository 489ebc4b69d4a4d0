//! The notices of the background scheduler: what is due, overdue or
//! needed before closure, and how an automatic run ended.

use ogonblick_model::{ChannelId, SnapshotStatus};

use super::{SchedulerNotice, SchedulerNoticeKind, SchedulerState};
use crate::{App, AppError, CaptureAttempt, ChannelCapture, Result};

impl App {
    /// The done/failed notices for the results of an automatic run, which
    /// are also remembered for the back-off. Saves `state`.
    pub fn scheduler_after_run(
        &self,
        state: &mut SchedulerState,
        results: &[ChannelCapture],
    ) -> Result<Vec<SchedulerNotice>> {
        let now = self.clock().now();
        let mut done = Vec::new();
        let mut failed = Vec::new();
        for r in results {
            let ChannelCapture::Stored { snapshot } = r else {
                continue;
            };
            let name = self
                .store()
                .channel(snapshot.channel_id)
                .map(|c| c.name)
                .unwrap_or_else(|_| format!("kanal {}", snapshot.channel_id));
            let ok = snapshot.status == SnapshotStatus::Complete;
            state.attempts.push(CaptureAttempt {
                channel_id: snapshot.channel_id,
                at: now,
                ok,
            });
            if ok {
                done.push((snapshot.channel_id, name));
            } else {
                let why = snapshot
                    .pages
                    .iter()
                    .find_map(|p| p.error.clone())
                    .unwrap_or_else(|| snapshot.status.to_string());
                failed.push((snapshot.channel_id, name, why));
            }
        }
        state.pending.clear();
        self.save_scheduler_state(state)?;
        let mut notices = Vec::new();
        if !done.is_empty() {
            let names: Vec<&str> = done.iter().map(|(_, n)| n.as_str()).collect();
            notices.push(SchedulerNotice {
                kind: SchedulerNoticeKind::Done,
                title_sv: "Ögonblicksbilder tagna".into(),
                body_sv: format!(
                    "{} dokumenterad(e): {}.",
                    count_sv(done.len()),
                    list(&names, "och")
                ),
                title_en: "Snapshots taken".into(),
                body_en: format!(
                    "{} documented: {}.",
                    count_en(done.len()),
                    list(&names, "and")
                ),
                channel_ids: done.iter().map(|(id, _)| *id).collect(),
                hint_sv: None,
                hint_en: None,
            });
        }
        if !failed.is_empty() {
            let names: Vec<&str> = failed.iter().map(|(_, n, _)| n.as_str()).collect();
            let why = &failed[0].2;
            notices.push(SchedulerNotice {
                kind: SchedulerNoticeKind::Failed,
                title_sv: "Ögonblicksbild misslyckades".into(),
                body_sv: format!(
                    "{} kunde inte dokumenteras helt: {} ({why}). Se kanalens historik och försök igen.",
                    count_sv(failed.len()),
                    list(&names, "och")
                ),
                title_en: "Snapshot failed".into(),
                body_en: format!(
                    "{} could not be documented completely: {} ({why}). See the channel's history and try again.",
                    count_en(failed.len()),
                    list(&names, "and")
                ),
                channel_ids: failed.iter().map(|(id, _, _)| *id).collect(),
                hint_sv: None,
                hint_en: None,
            });
        }
        Ok(notices)
    }

    /// The failed notice when an automatic run failed as a whole (e.g. no
    /// browser): every channel the tick planned counts as a failed attempt.
    /// Saves `state`.
    pub fn scheduler_after_error(
        &self,
        state: &mut SchedulerState,
        error: &AppError,
    ) -> Result<Vec<SchedulerNotice>> {
        let now = self.clock().now();
        let ids = std::mem::take(&mut state.pending);
        for id in &ids {
            state.attempts.push(CaptureAttempt {
                channel_id: *id,
                at: now,
                ok: false,
            });
        }
        self.save_scheduler_state(state)?;
        Ok(vec![SchedulerNotice {
            kind: SchedulerNoticeKind::Failed,
            title_sv: "Automatisk ögonblicksbild misslyckades".into(),
            body_sv: format!("Körningen kunde inte genomföras: {error}"),
            title_en: "Automatic snapshot failed".into(),
            body_en: format!("The run could not be done: {error}"),
            channel_ids: ids,
            hint_sv: None,
            hint_en: None,
        }])
    }
}

fn count_sv(n: usize) -> String {
    if n == 1 {
        "1 kanal".into()
    } else {
        format!("{n} kanaler")
    }
}

fn count_en(n: usize) -> String {
    if n == 1 {
        "1 channel".into()
    } else {
        format!("{n} channels")
    }
}

/// "A", "A och B", "A, B och C", "A, B, C och 2 till".
fn list(names: &[&str], and: &str) -> String {
    const SHOWN: usize = 3;
    let more_word = if and == "och" { "till" } else { "more" };
    match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        n if n <= SHOWN => format!("{} {and} {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!(
            "{} {and} {} {more_word}",
            names[..SHOWN].join(", "),
            n - SHOWN
        ),
    }
}

/// A channel to announce: id, name, Swedish and English explanation.
pub(super) type Announce = (ChannelId, String, String, String);

pub(super) fn schedule_notice(
    kind: SchedulerNoticeKind,
    closure: bool,
    items: &[Announce],
    auto_capture: bool,
) -> SchedulerNotice {
    let names: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
    let n = items.len();
    let (title_sv, title_en, mut body_sv, mut body_en) = match (kind, closure) {
        (SchedulerNoticeKind::Overdue, _) => (
            "Försenade ögonblicksbilder",
            "Overdue snapshots",
            format!("{} är försenad(e): {}.", count_sv(n), list(&names, "och")),
            format!("{} overdue: {}.", count_en(n), list(&names, "and")),
        ),
        (_, true) => (
            "Slutlig ögonblicksbild krävs",
            "Final snapshot needed",
            format!(
                "{} ska avslutas och behöver en slutlig ögonblicksbild: {}.",
                count_sv(n),
                list(&names, "och")
            ),
            format!(
                "{} being closed need a final snapshot: {}.",
                count_en(n),
                list(&names, "and")
            ),
        ),
        _ => (
            "Dags för ögonblicksbilder",
            "Snapshots due",
            format!(
                "{} ska dokumenteras nu: {}.",
                count_sv(n),
                list(&names, "och")
            ),
            format!("{} due now: {}.", count_en(n), list(&names, "and")),
        ),
    };
    if n == 1 {
        body_sv = items[0].2.clone();
        body_en = items[0].3.clone();
        body_sv = format!("{}: {body_sv}", items[0].1);
        body_en = format!("{}: {body_en}", items[0].1);
    }
    let (hint_sv, hint_en) = if auto_capture {
        (None, None)
    } else {
        (
            Some("Öppna Ögonblick för att ta bilderna.".to_owned()),
            Some("Open Ögonblick to take them.".to_owned()),
        )
    };
    SchedulerNotice {
        kind,
        title_sv: title_sv.into(),
        body_sv,
        title_en: title_en.into(),
        body_en,
        hint_sv,
        hint_en,
        channel_ids: items.iter().map(|i| i.0).collect(),
    }
}
