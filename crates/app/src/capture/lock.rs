//! A channel's capture claim (issue 15): the channel is claimed in the
//! register ([`ogonblick_store::Register::claim_channel`]) with a lease that
//! runs out, instead of an OS lock file in the data directory, which a
//! network share may not pass on to another desktop. A desktop that dies
//! mid-capture frees its channels when the lease runs out; one whose
//! process is gone from this machine (a crash on a single desktop) is taken
//! over at once. While the claim is held a thread renews it every third of
//! the lease; a renewal that finds it lost marks the claim lost, and the
//! capture stops before its next page and never commits
//! ([`Message::CaptureClaimLost`]). Dropping the claim stops the renewals
//! and releases it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use ogonblick_model::{ChannelId, ErrorCode, Message};
use ogonblick_store::Register;

use crate::{App, AppError, Result};

/// How long a claim holds without a renewal: a desktop that died frees its
/// channels after this.
pub const CLAIM_LEASE: Duration = Duration::from_secs(300);

/// A held capture claim on one channel; released when dropped.
pub struct ChannelLock {
    channel_id: ChannelId,
    holder: String,
    lease: Duration,
    store: Arc<dyn Register>,
    lost: Arc<AtomicBool>,
    stop: Option<mpsc::Sender<()>>,
    renewer: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for ChannelLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChannelLock")
            .field("channel_id", &self.channel_id)
            .field("holder", &self.holder)
            .finish_non_exhaustive()
    }
}

impl ChannelLock {
    /// Who holds the claim in the register: this process's writer id
    /// (`<host>.<pid>.<nonce>`, [`ogonblick_store::staging_owner`]) and the
    /// claim's number in the process, so that two runs of one process
    /// exclude each other too.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// Whether a renewal found the claim taken over by another.
    pub fn lost(&self) -> bool {
        self.lost.load(Ordering::SeqCst)
    }

    /// `CaptureClaimLost` once the claim is lost.
    pub fn check(&self) -> Result<()> {
        if self.lost() {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::CaptureClaimLost {
                    id: self.channel_id,
                },
            ));
        }
        Ok(())
    }

    /// Renews the claim now and fails unless it is still ours: called just
    /// before the commit, so a run whose renewals could not reach the
    /// register (a network outage, a suspended laptop) while another run took
    /// the channel over never stores a second snapshot. The renewal gives a
    /// whole lease for the commit.
    pub fn confirm(&self) -> Result<()> {
        self.check()?;
        if !self
            .store
            .renew_claim(self.channel_id, &self.holder, self.lease)?
        {
            self.lost.store(true, Ordering::SeqCst);
        }
        self.check()
    }

    fn start(
        store: Arc<dyn Register>,
        channel_id: ChannelId,
        holder: String,
        lease: Duration,
    ) -> Self {
        let (stop, wait) = mpsc::channel::<()>();
        let lost = Arc::new(AtomicBool::new(false));
        let renewer = {
            let (store, holder, lost) = (store.clone(), holder.clone(), lost.clone());
            std::thread::spawn(move || loop {
                match wait.recv_timeout(lease / 3) {
                    Err(RecvTimeoutError::Timeout) => {
                        match store.renew_claim(channel_id, &holder, lease) {
                            Ok(true) => {}
                            Ok(false) => {
                                lost.store(true, Ordering::SeqCst);
                                return;
                            }
                            // The register out of reach for a moment: the
                            // next renewal tries again within the lease.
                            Err(_) => {}
                        }
                    }
                    _ => return,
                }
            })
        };
        ChannelLock {
            channel_id,
            holder,
            lease,
            store,
            lost,
            stop: Some(stop),
            renewer: Some(renewer),
        }
    }
}

impl Drop for ChannelLock {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(r) = self.renewer.take() {
            let _ = r.join();
        }
        // Not released (the register out of reach): the lease runs out.
        let _ = self.store.release_claim(self.channel_id, &self.holder);
    }
}

/// A new holder name for one claim of this process.
fn new_holder() -> String {
    static SEQ: AtomicU64 = AtomicU64::new(1);
    format!(
        "{}.{}",
        ogonblick_store::staging_owner(),
        SEQ.fetch_add(1, Ordering::SeqCst)
    )
}

/// Whether `holder` is a process of this machine that no longer runs: its
/// claim is then taken over at once rather than when its lease runs out.
/// Another machine's holder is never judged (its pids are not ours).
fn holder_gone(holder: &str) -> bool {
    let me = ogonblick_store::staging_owner();
    let mut mine = me.splitn(3, '.');
    let mut theirs = holder.splitn(4, '.');
    let (Some(my_host), Some(host), Some(pid), Some(nonce)) =
        (mine.next(), theirs.next(), theirs.next(), theirs.next())
    else {
        return false;
    };
    if host != my_host {
        return false;
    }
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    if pid == std::process::id() {
        // This pid with another start's nonce: an earlier process whose
        // pid this one got.
        return format!("{host}.{pid}.{nonce}") != me;
    }
    ogonblick_capture::process_gone(pid)
}

/// The computer of a claim's holder, `<host>.<pid>.<nonce>` (the host's
/// name holds no dot: [`ogonblick_store::staging_owner`]).
pub(crate) fn holder_host(holder: &str) -> &str {
    holder.split('.').next().unwrap_or_default()
}

impl App {
    /// The lease of this app's capture claims ([`CLAIM_LEASE`] unless
    /// changed); renewed every third of it.
    pub fn with_claim_lease(mut self, lease: Duration) -> App {
        self.claim_lease = lease.max(Duration::from_millis(30));
        self
    }

    /// Why a channel cannot be claimed now: another run of this machine
    /// holds it (`address-busy`), or one on another machine, named
    /// (`channel-busy-on`), so that the user knows whom to wait for.
    pub fn busy_message(&self, channel_id: ChannelId) -> Message {
        let my_host = holder_host(ogonblick_store::staging_owner());
        let holder = self.store.claims().ok().and_then(|claims| {
            claims
                .into_iter()
                .find(|c| c.channel_id == channel_id)
                .map(|c| c.holder)
        });
        match holder.as_deref().map(holder_host) {
            Some(host) if host != my_host => Message::ChannelBusyOn {
                id: channel_id,
                host: host.to_string(),
            },
            _ => Message::AddressBusy { id: channel_id },
        }
    }

    /// Tries to claim a channel for a capture. `Ok(None)`: another run
    /// holds it (on this desktop or another).
    pub fn try_lock_channel(&self, channel_id: ChannelId) -> Result<Option<ChannelLock>> {
        // NotFound for a channel that does not exist, before the claim's
        // reference to it would refuse it less clearly.
        self.store.channel(channel_id)?;
        let holder = new_holder();
        let lease = self.claim_lease;
        if !self.store.claim_channel(channel_id, &holder, lease)? {
            let gone = self
                .store
                .claims()?
                .into_iter()
                .find(|c| c.channel_id == channel_id && holder_gone(&c.holder));
            let Some(gone) = gone else {
                return Ok(None);
            };
            self.store.release_claim(channel_id, &gone.holder)?;
            if !self.store.claim_channel(channel_id, &holder, lease)? {
                return Ok(None);
            }
        }
        Ok(Some(ChannelLock::start(
            self.store.clone(),
            channel_id,
            holder,
            lease,
        )))
    }
}
