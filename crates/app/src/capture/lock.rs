//! A channel's capture lock: an OS file lock in the data directory
//! (`locks/channel-<id>.lock`), released by the OS even if the process dies.

use std::fs::{self, File, OpenOptions};

use ogonblick_model::ChannelId;

use crate::{App, AppError, Result};

/// A held capture lock on one channel.
pub struct ChannelLock {
    _file: File,
}

impl App {
    /// Tries to take the capture lock of a channel. `Ok(None)`: another run
    /// holds it.
    pub fn try_lock_channel(&self, channel_id: ChannelId) -> Result<Option<ChannelLock>> {
        let dir = self.data_dir().join("locks");
        fs::create_dir_all(&dir).map_err(|e| {
            AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::StoreIoOf {
                    action: ogonblick_model::messages::IoAction::Create,
                    path: dir.display().to_string(),
                    detail: e.to_string(),
                },
            )
        })?;
        let path = dir.join(format!("channel-{channel_id}.lock"));
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                AppError::said(
                    ogonblick_model::ErrorCode::Environment,
                    ogonblick_model::Message::StoreIoOf {
                        action: ogonblick_model::messages::IoAction::Open,
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    },
                )
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(ChannelLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::StoreIoOf {
                    action: ogonblick_model::messages::IoAction::Lock,
                    path: path.display().to_string(),
                    detail: e.to_string(),
                },
            )),
        }
    }
}
