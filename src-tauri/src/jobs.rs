//! Long jobs (capture, export, verify): progress over a Tauri channel, and
//! cancellation by job id.
//!
//! The pattern for a long command (later issues):
//!
//! ```ignore
//! #[tauri::command]
//! async fn capture(state: State<'_, Desktop>, job_id: String, channel_id: ChannelId,
//!                  on_progress: Channel<ProgressEvent>) -> Result<Snapshot, ErrorPayload> {
//!     state.run_job(job_id, on_progress, move |app, sink, cancel| app.capture(channel_id, sink, cancel)).await
//! }
//! ```
//!
//! The UI makes the job id (a UUID), passes a `Channel` whose `onmessage`
//! receives the [`ProgressEvent`]s, and calls `cancel_job(jobId)` to stop it.

use std::collections::HashMap;
use std::sync::Mutex;

use ogonblick_model::{CancelToken, ErrorCode, ErrorPayload, ProgressEvent, ProgressSink};

/// The running jobs, each with its cancel token.
#[derive(Debug, Default)]
pub struct JobRegistry {
    jobs: Mutex<HashMap<String, CancelToken>>,
}

impl JobRegistry {
    /// Registers a job and returns its token, or a `conflict` error when a job
    /// with that id runs already. The job leaves the registry when the guard
    /// is dropped (also on panic or early return).
    pub fn start(&self, job_id: &str) -> Result<JobGuard<'_>, ErrorPayload> {
        let job_id = job_id.trim();
        if job_id.is_empty() {
            return Err(ErrorPayload {
                code: ErrorCode::InvalidInput,
                message: "A job needs an id; the window sends one with every long command.".into(),
            });
        }
        let mut jobs = self.lock();
        if jobs.contains_key(job_id) {
            return Err(ErrorPayload {
                code: ErrorCode::Conflict,
                message: format!("Job {job_id} is already running; wait for it or cancel it."),
            });
        }
        let token = CancelToken::new();
        jobs.insert(job_id.to_string(), token.clone());
        Ok(JobGuard { registry: self, job_id: job_id.to_string(), token })
    }

    /// Asks a running job to stop. Returns false when no such job runs (it
    /// has finished already, or never started): that is not an error.
    pub fn cancel(&self, job_id: &str) -> bool {
        match self.lock().get(job_id.trim()) {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }

    /// Ids of the jobs that run now, sorted.
    pub fn running(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.lock().keys().cloned().collect();
        ids.sort();
        ids
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, CancelToken>> {
        // A panic while holding this lock cannot leave the map inconsistent.
        self.jobs.lock().unwrap_or_else(|p| p.into_inner())
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
        assert_eq!(jobs.running(), vec!["other".to_string(), "same".to_string()]);
        drop(other);
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
        sink.event(ProgressEvent::Started { total: 2, label: "Kanal".into() });
        sink.event(ProgressEvent::Finished { ok: true, message: None });
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        let first: serde_json::Value = serde_json::from_str(&seen[0]).unwrap();
        assert_eq!(first["kind"], "started");
        assert_eq!(first["total"], 2);
        let last: serde_json::Value = serde_json::from_str(&seen[1]).unwrap();
        assert_eq!(last["kind"], "finished");
    }
}
