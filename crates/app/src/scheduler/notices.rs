//! The notices of the background scheduler: what is due, overdue or
//! needed before closure, and how an automatic run ended.

use ogonblick_model::messages::Names;
use ogonblick_model::{ChannelId, Language, Message, SnapshotStatus};

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
                .unwrap_or_else(|_| {
                    Message::NoticeChannelNumber {
                        id: snapshot.channel_id,
                    }
                    .render(Language::Sv)
                });
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
                    .find_map(|p| match (&p.message, &p.error) {
                        (Some(m), _) => Some(m.clone()),
                        (None, Some(e)) => Some(Message::Text { text: e.clone() }),
                        (None, None) => None,
                    })
                    .unwrap_or_else(|| Message::NoticeSnapshotStatus {
                        status: snapshot.status.to_string(),
                    });
                failed.push((snapshot.channel_id, name, why));
            }
        }
        state.pending.clear();
        self.save_scheduler_state(state)?;
        let mut notices = Vec::new();
        if !done.is_empty() {
            notices.push(SchedulerNotice {
                kind: SchedulerNoticeKind::Done,
                title: Message::NoticeDoneTitle {},
                body: Message::NoticeDoneBody {
                    count: done.len(),
                    names: Names::new(done.iter().map(|(_, n)| n.clone())),
                },
                channel_ids: done.iter().map(|(id, _)| *id).collect(),
                hint: None,
            });
        }
        if !failed.is_empty() {
            let why = failed[0].2.clone();
            notices.push(SchedulerNotice {
                kind: SchedulerNoticeKind::Failed,
                title: Message::NoticeFailedTitle {},
                body: Message::NoticeFailedBody {
                    count: failed.len(),
                    names: Names::new(failed.iter().map(|(_, n, _)| n.clone())),
                    why: Box::new(why),
                },
                channel_ids: failed.iter().map(|(id, _, _)| *id).collect(),
                hint: None,
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
            title: Message::NoticeRunFailedTitle {},
            body: Message::NoticeRunFailedBody {
                error: Box::new(error.message()),
            },
            channel_ids: ids,
            hint: None,
        }])
    }
}

/// A channel to announce: id, name, and the schedule's explanation.
pub(super) type Announce = (ChannelId, String, Message);

pub(super) fn schedule_notice(
    kind: SchedulerNoticeKind,
    closure: bool,
    items: &[Announce],
    auto_capture: bool,
) -> SchedulerNotice {
    let names = Names::new(items.iter().map(|i| i.1.clone()));
    let count = items.len();
    let (title, mut body) = match (kind, closure) {
        (SchedulerNoticeKind::Overdue, _) => (
            Message::NoticeOverdueTitle {},
            Message::NoticeOverdueBody { count, names },
        ),
        (_, true) => (
            Message::NoticeClosureTitle {},
            Message::NoticeClosureBody { count, names },
        ),
        _ => (
            Message::NoticeDueTitle {},
            Message::NoticeDueBody { count, names },
        ),
    };
    if count == 1 {
        body = Message::NoticeOneChannel {
            name: items[0].1.clone(),
            explanation: Box::new(items[0].2.clone()),
        };
    }
    let hint = if auto_capture {
        None
    } else {
        Some(Message::NoticeOpenHint {})
    };
    SchedulerNotice {
        kind,
        title,
        body,
        hint,
        channel_ids: items.iter().map(|i| i.0).collect(),
    }
}
