//! Use case: take a snapshot (ögonblicksbild) of one or more channels.
//!
//! Every page address of a channel is rendered by one shared headless
//! Chromium (`ogonblick-capture`) into the channel's staging folder; a run
//! over several channels takes `CaptureOptions::pages_at_once` of them side
//! by side in that browser (a worker thread each, a tab each page); the
//! snapshot is then committed to the store, which checks every file's size
//! and SHA-256 before the folder gets its final name and the history its row.
//! A failed page never stops the run: the other pages and channels carry on,
//! and the snapshot records what failed and why. A snapshot whose pages all
//! failed is committed as `failed` (no files), so the history shows it.
//!
//! Two runs at once never capture the same channel twice, on one desktop or
//! several: each channel is claimed in the register with a lease that a
//! thread renews (`lock.rs`, issue 15); a desktop that dies frees its
//! channels when the lease runs out, a process gone from this machine at
//! once, and a capture whose claim was taken over stores nothing.
//!
//! The use cases are split by seam: `options.rs` (the capture options, the
//! organisation profile and the sign-in browser), `lock.rs` (a channel's
//! capture claim), `run.rs` (a run over several channels, its workers),
//! `channel.rs` (one channel's pages into one snapshot), `browser.rs` (the
//! run's shared browser), `profile.rs` (the organisation profile held or
//! copied for a run), `due.rs` (capturing what is due), `address.rs`
//! (one address captured on its own, `App::capture_address`) and
//! `web_archive.rs` (the pages' WARCs packed into the snapshot's WACZ).

mod address;
mod browser;
mod channel;
mod claims;
mod due;
mod lock;
mod options;
mod profile;
mod run;
mod web_archive;

use ogonblick_capture::CaptureError;
use ogonblick_model::{ChannelId, ErrorCode, Message, Snapshot, SnapshotReason};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;

pub use address::{AddressCaptureRequest, AddressRefusal};
pub use claims::CaptureClaim;
pub use lock::{ChannelLock, CLAIM_LEASE};

/// What to capture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaptureRequest {
    #[ts(type = "number[]")]
    pub channel_ids: Vec<ChannelId>,
    pub reason: SnapshotReason,
    /// Free text, e.g. what the major change was.
    pub reason_note: Option<String>,
    /// The engine's own note instead (e.g. captured before a removal), a
    /// key of the message catalogue; set by the engine only, never sent.
    #[serde(skip)]
    #[ts(skip)]
    pub reason_message: Option<Message>,
}

/// How one channel's capture ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum ChannelCapture {
    /// A snapshot was stored (complete, partial or failed: see its status).
    Stored { snapshot: Snapshot },
    /// Another run holds this channel right now; nothing was done.
    Skipped {
        #[ts(type = "number")]
        channel_id: ChannelId,
        /// Why (a key of the catalogue; older values were English text).
        #[serde(deserialize_with = "ogonblick_model::messages::lenient::one")]
        message: Message,
    },
}

fn capture_error(e: CaptureError) -> AppError {
    match e {
        CaptureError::Launch(_) => AppError::said(ErrorCode::Environment, e.message()),
        CaptureError::BadAddress(m) => AppError::said(ErrorCode::InvalidInput, m),
        CaptureError::Cancelled => {
            AppError::said(ErrorCode::Cancelled, Message::CaptureCancelled {})
        }
        CaptureError::Io { path, source } => AppError::said(
            ErrorCode::Environment,
            Message::CaptureCannotWrite {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
        ),
        other => AppError::said(ErrorCode::Internal, other.message()),
    }
}
