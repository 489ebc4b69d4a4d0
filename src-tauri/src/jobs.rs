//! Long jobs (capture, export, verify): progress over a Tauri channel, and
//! cancellation by job id.
//!
//! The pattern for a long command:
//!
//! ```ignore
//! // table.rs: async work::capture(job_id: String, request: CaptureRequest,
//! //                               on_progress: Progress) -> Vec<ChannelCapture>;
//! pub async fn capture(cx: Cx, job_id: String, request: CaptureRequest,
//!                      on_progress: Progress) -> Result<Vec<ChannelCapture>, ErrorPayload> {
//!     cx.desktop().run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
//!         app.capture(&request, sink, cancel)
//!     }).await
//! }
//! ```
//!
//! The UI makes the job id (a UUID), passes a `Channel` whose `onmessage`
//! receives the [`ProgressEvent`]s, and calls `cancel_job(jobId)` to stop it.
//!
//! A job may belong to an exclusive *group*: at most one job of a group runs
//! at a time. The background scheduler's run (job id [`SCHEDULER_JOB_ID`])
//! and a manual "capture everything due" share the group [`CAPTURE_DUE_GROUP`].

use std::collections::HashMap;
use std::sync::Mutex;

use ogonblick_model::{CancelToken, ErrorCode, ErrorPayload, Message, ProgressEvent, ProgressSink};

/// The job id of the background scheduler's capture run.
pub const SCHEDULER_JOB_ID: &str = "scheduler";
/// The group of runs that capture every due channel (never two at once).
pub const CAPTURE_DUE_GROUP: &str = "capture-due";

#[derive(Debug)]
struct Job {
    token: CancelToken,
    group: Option<String>,
}

/// The running jobs, each with its cancel token.
#[derive(Debug, Default)]
pub struct JobRegistry {
    jobs: Mutex<HashMap<String, Job>>,
}

impl JobRegistry {
    /// Registers a job and returns its token, or a `conflict` error when a job
    /// with that id runs already. The job leaves the registry when the guard
    /// is dropped (also on panic or early return).
    pub fn start(&self, job_id: &str) -> Result<JobGuard<'_>, ErrorPayload> {
        self.start_in(job_id, None)
    }

    /// [`JobRegistry::start`] for a job of an exclusive group: a `conflict`
    /// error also when another job of `group` runs.
    pub fn start_in(
        &self,
        job_id: &str,
        group: Option<&str>,
    ) -> Result<JobGuard<'_>, ErrorPayload> {
        let job_id = job_id.trim();
        if job_id.is_empty() {
            return Err(said(ErrorCode::InvalidInput, Message::DesktopJobNoId {}));
        }
        let mut jobs = self.lock();
        if jobs.contains_key(job_id) {
            return Err(said(
                ErrorCode::Conflict,
                Message::DesktopJobRunning {
                    job: job_id.to_string(),
                },
            ));
        }
        if let Some(group) = group {
            if let Some((other, _)) = jobs.iter().find(|(_, j)| j.group.as_deref() == Some(group)) {
                return Err(said(ErrorCode::Conflict, busy_message(group, other)));
            }
        }
        let token = CancelToken::new();
        jobs.insert(
            job_id.to_string(),
            Job {
                token: token.clone(),
                group: group.map(str::to_string),
            },
        );
        Ok(JobGuard {
            registry: self,
            job_id: job_id.to_string(),
            token,
        })
    }

    /// Asks a running job to stop. Returns false when no such job runs (it
    /// has finished already, or never started): that is not an error.
    pub fn cancel(&self, job_id: &str) -> bool {
        match self.lock().get(job_id.trim()) {
            Some(job) => {
                job.token.cancel();
                true
            }
            None => false,
        }
    }

    /// Asks every running job to stop (the app is closing).
    pub fn cancel_all(&self) {
        for job in self.lock().values() {
            job.token.cancel();
        }
    }

    /// Whether a job with this id runs now.
    pub fn is_running(&self, job_id: &str) -> bool {
        self.lock().contains_key(job_id.trim())
    }

    /// Ids of the jobs that run now, sorted.
    pub fn running(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.lock().keys().cloned().collect();
        ids.sort();
        ids
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Job>> {
        // A panic while holding this lock cannot leave the map inconsistent.
        self.jobs.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn busy_message(group: &str, running: &str) -> Message {
    match (group, running) {
        (CAPTURE_DUE_GROUP, SCHEDULER_JOB_ID) => Message::DesktopScheduledCaptureRunning {},
        (CAPTURE_DUE_GROUP, _) => Message::DesktopDueCaptureRunning {},
        _ => Message::DesktopJobKindRunning {
            job: running.to_string(),
        },
    }
}

/// A refusal of the job registry: the catalogue message and its English text.
fn said(code: ErrorCode, m: Message) -> ErrorPayload {
    ErrorPayload {
        code,
        message: m.to_string(),
        key: Some(Box::new(m)),
    }
}

/// A registered job; removes it from the registry when dropped.
#[derive(Debug)]
pub struct JobGuard<'a> {
    registry: &'a JobRegistry,
    job_id: String,
    token: CancelToken,
}

impl JobGuard<'_> {
    pub fn token(&self) -> &CancelToken {
        &self.token
    }
    pub fn job_id(&self) -> &str {
        &self.job_id
    }
}

impl Drop for JobGuard<'_> {
    fn drop(&mut self) {
        self.registry.lock().remove(&self.job_id);
    }
}

/// Forwards progress events to the window over a Tauri IPC channel. A window
/// that went away does not stop the job.
pub struct ChannelSink(pub tauri::ipc::Channel<ProgressEvent>);

impl ProgressSink for ChannelSink {
    fn event(&self, event: ProgressEvent) {
        let _ = self.0.send(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tauri::ipc::{Channel, InvokeResponseBody};

    #[test]
    fn cancel_reaches_the_running_job_and_the_job_leaves_when_done() {
        let jobs = JobRegistry::default();
        let guard = jobs.start("job-1").unwrap();
        assert_eq!(jobs.running(), vec!["job-1".to_string()]);
        assert!(!guard.token().is_cancelled());
        assert!(jobs.cancel("job-1"));
        assert!(guard.token().is_cancelled());
        drop(guard);
        assert!(jobs.running().is_empty());
        assert!(!jobs.cancel("job-1"), "a finished job cannot be cancelled");
    }

    #[test]
    fn a_second_job_with_the_same_id_is_a_conflict_and_an_empty_id_is_refused() {
        let jobs = JobRegistry::default();
        let _guard = jobs.start("same").unwrap();
        assert_eq!(jobs.start("same").unwrap_err().code, ErrorCode::Conflict);
        assert_eq!(jobs.start("  ").unwrap_err().code, ErrorCode::InvalidInput);
        // Another id runs alongside.
        let other = jobs.start("other").unwrap();
        assert_eq!(
            jobs.running(),
            vec!["other".to_string(), "same".to_string()]
        );
        drop(other);
    }

    #[test]
    fn one_job_per_group_at_a_time() {
        let jobs = JobRegistry::default();
        let sched = jobs
            .start_in(SCHEDULER_JOB_ID, Some(CAPTURE_DUE_GROUP))
            .unwrap();
        let err = jobs
            .start_in("manual-1", Some(CAPTURE_DUE_GROUP))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);
        assert!(err.message.contains("scheduled"), "{}", err.message);
        // A job outside the group is not affected.
        let capture = jobs.start("capture-1").unwrap();
        drop(sched);
        let manual = jobs.start_in("manual-1", Some(CAPTURE_DUE_GROUP)).unwrap();
        let err = jobs
            .start_in(SCHEDULER_JOB_ID, Some(CAPTURE_DUE_GROUP))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);
        assert!(jobs.is_running("manual-1"));
        jobs.cancel_all();
        assert!(manual.token().is_cancelled() && capture.token().is_cancelled());
    }

    #[test]
    fn progress_events_arrive_on_the_channel_as_tagged_json() {
        let seen: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink_seen = seen.clone();
        let channel: Channel<ProgressEvent> = Channel::new(move |body| {
            if let InvokeResponseBody::Json(json) = body {
                sink_seen.lock().unwrap().push(json);
            }
            Ok(())
        });
        let sink = ChannelSink(channel);
        sink.event(ProgressEvent::Started {
            total: 2,
            label: "Kanal".into(),
        });
        sink.event(ProgressEvent::Finished {
            ok: true,
            message: None,
        });
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        let first: serde_json::Value = serde_json::from_str(&seen[0]).unwrap();
        assert_eq!(first["kind"], "started");
        assert_eq!(first["total"], 2);
        let last: serde_json::Value = serde_json::from_str(&seen[1]).unwrap();
        assert_eq!(last["kind"], "finished");
    }
}
