//! Use case: capture one address for a channel, now (*enskild adress*).
//!
//! Staff capture a single post, comment thread or image, above all right
//! before they remove it. The address need not be one of the channel's
//! registered addresses, but the same address rules apply
//! (`model::text::validate_url`: http(s) only, no sign-in details), a closed
//! channel is refused as [`App::capture`] refuses it, and content behind a
//! login is reached with the organisation's browser profile, as in every
//! capture. The snapshot is an ordinary one (PNG + PDF/A + completeness
//! report, committed with its fixity) whose [`Snapshot::single_address`]
//! records the address it was given; the audit entry (`snapshot.commit`)
//! carries it too. Such a snapshot never counts as the channel's regular
//! or final snapshot ([`Snapshot::counts_for_channel`]).

use ogonblick_capture::CaptureOptions;
use ogonblick_model::RoleAction;
use ogonblick_model::{
    CancelToken, ChannelId, ChannelStatus, ErrorCode, Language, Message, ProgressEvent,
    ProgressSink, Snapshot, SnapshotReason, SnapshotStatus,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::browser::SharedBrowser;
use super::profile::ProfileUse;
use super::CaptureRequest;
use crate::{App, AppError, Result};

/// One address to capture for a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddressCaptureRequest {
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    /// The page address: a post, a comment thread, an image.
    pub url: String,
    /// Why: `single-item` (the default), `ad-hoc` or `major-change`. The
    /// regular and final reasons (`half-yearly`, `yearly`, `pre-closure`)
    /// are refused: a single address is never the channel's snapshot.
    pub reason: SnapshotReason,
    /// Free text, e.g. why the post is about to be removed.
    pub reason_note: Option<String>,
    /// The engine's own note instead (e.g. captured before a removal), a
    /// key of the message catalogue; set by the engine only, never sent.
    #[serde(skip)]
    #[ts(skip)]
    pub reason_message: Option<Message>,
}

impl AddressCaptureRequest {
    /// The reason a one-address capture gets when none is given.
    pub const DEFAULT_REASON: SnapshotReason = SnapshotReason::SingleItem;
}

/// Why a one-address capture was refused before anything was done (keys of
/// the message catalogue, `address-*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressRefusal {
    /// The address breaks the address rules (the validator's sentence).
    BadAddress(Message),
    /// A regular or final reason was asked for.
    RegularReason(SnapshotReason),
    /// The channel is closed.
    Closed { channel_id: ChannelId, name: String },
}

impl AddressRefusal {
    /// The sentence as a key of the message catalogue.
    pub fn message(&self) -> Message {
        match self {
            AddressRefusal::BadAddress(why) => Message::AddressBad {
                why: Box::new(why.clone()),
            },
            AddressRefusal::RegularReason(r) => Message::AddressRegularReason {
                reason: r.to_string(),
            },
            AddressRefusal::Closed { channel_id, name } => Message::RefusedChannelClosed {
                id: *channel_id,
                name: name.clone(),
            },
        }
    }

    /// The sentence in English.
    pub fn text_en(&self) -> String {
        self.message().render(Language::En)
    }

    /// The same sentence in Swedish.
    pub fn text_sv(&self) -> String {
        self.message().render(Language::Sv)
    }

    fn into_error(self) -> AppError {
        let code = match self {
            AddressRefusal::BadAddress(_) | AddressRefusal::RegularReason(_) => {
                ErrorCode::InvalidInput
            }
            AddressRefusal::Closed { .. } => ErrorCode::Conflict,
        };
        AppError::said(code, self.message())
    }
}

impl App {
    /// Captures one address for a channel now and stores it as a snapshot
    /// of that channel whose `single_address` is the address. Progress goes
    /// to `sink` (one item); `cancel` stops it (nothing is stored). A page
    /// that fails is stored as a `failed` snapshot that says why, like any
    /// capture; a refused request stores nothing.
    pub fn capture_address(
        &self,
        request: &AddressCaptureRequest,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Snapshot> {
        self.capture_address_with(request, &self.capture_options(), sink, cancel)
    }

    /// [`App::capture_address`] with explicit capture options.
    pub fn capture_address_with(
        &self,
        request: &AddressCaptureRequest,
        opts: &CaptureOptions,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Snapshot> {
        self.require_channel(RoleAction::Capture, request.channel_id)?;
        if matches!(
            request.reason,
            SnapshotReason::HalfYearly | SnapshotReason::Yearly | SnapshotReason::PreClosure
        ) {
            return Err(AddressRefusal::RegularReason(request.reason).into_error());
        }
        let url = ogonblick_model::text::validate_url(&request.url)
            .map_err(|why| AddressRefusal::BadAddress(why).into_error())?;
        let channel = self.store().channel(request.channel_id)?;
        if channel.status == ChannelStatus::Closed {
            return Err(AddressRefusal::Closed {
                channel_id: channel.id,
                name: channel.name.clone(),
            }
            .into_error());
        }
        let mut opts = opts.clone();
        let _profile = ProfileUse::take(&mut opts)?;
        let Some(claim) = self.try_lock_channel(channel.id)? else {
            return Err(AppError::said(
                ErrorCode::Conflict,
                self.busy_message(channel.id),
            ));
        };
        sink.event(ProgressEvent::Started {
            total: 1,
            label: url.clone(),
        });
        let browser = SharedBrowser::launch(&opts)?;
        let as_request = CaptureRequest {
            channel_ids: vec![channel.id],
            reason: request.reason,
            reason_note: request.reason_note.clone(),
            reason_message: request.reason_message.clone(),
        };
        let mut index = 0;
        let at = super::channel::ChannelAt {
            claim: &claim,
            index: &mut index,
        };
        let stored = self.capture_channel(
            &channel,
            &as_request,
            Some(&url),
            &browser,
            at,
            sink,
            cancel,
        );
        let snapshot = match stored {
            Ok(s) => s,
            Err(e) => {
                sink.event(ProgressEvent::Finished {
                    ok: false,
                    message: (e.code() == ogonblick_model::ErrorCode::Cancelled)
                        .then_some(Message::ProgressCancelled {}),
                });
                return Err(e);
            }
        };
        sink.event(ProgressEvent::Finished {
            ok: snapshot.status == SnapshotStatus::Complete,
            message: None,
        });
        Ok(snapshot)
    }
}
