//! Use cases of the channel register.

use ogonblick_model::RoleAction;
use ogonblick_model::{ErrorCode, Message};
use ogonblick_store::RegisterExt;
use std::path::Path;

use ogonblick_model::text::{escape_unsafe, same_address};
use ogonblick_model::{
    Channel, ChannelId, ChannelPatch, ChannelStatus, ChannelSummary, NewChannel, Platform,
};
use ogonblick_store::Delimiter;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// Which channels to list; every given criterion must match.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ChannelFilter {
    pub status: Option<ChannelStatus>,
    pub platform: Option<Platform>,
    /// Board (nämnd) name, case-insensitive.
    pub board: Option<String>,
    /// Case-insensitive text in name, address, board, unit or responsible.
    pub text: Option<String>,
}

/// The result of starting the closure of a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClosureStarted {
    pub channel: Channel,
    /// What remains before the channel can be closed (`closure-started`).
    pub remaining: Message,
}

/// The result of a CSV import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterImport {
    pub imported: Vec<Channel>,
}

/// The delimiter of an exported CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum CsvDelimiter {
    /// What Excel with Swedish settings opens (the default).
    #[default]
    Semicolon,
    Comma,
}

/// The result of a CSV export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterExport {
    pub path: String,
    pub channels: u32,
    pub delimiter: CsvDelimiter,
}

impl App {
    /// Adds a channel to the register.
    pub fn add_channel(&self, mut new: NewChannel) -> Result<Channel> {
        self.require(RoleAction::RegisterEdit, None)?;
        self.check_new_channel_org(&mut new)?;
        Ok(self.store().add_channel(&new, self.operator())?)
    }

    /// The channels matching `filter`, with the state of their history.
    pub fn list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>> {
        let f = ogonblick_store::ChannelFilter {
            status: filter.status,
            platform: filter.platform,
            board: filter.board.clone(),
            text: filter.text.clone(),
        };
        Ok(self.store().list_channels(&f)?)
    }

    /// A page of the register as Kanaler shows it (see
    /// [`ogonblick_model::ChannelQuery`]); the summary rows, no snapshot record.
    pub fn channel_page(
        &self,
        q: &ogonblick_model::ChannelQuery,
    ) -> Result<ogonblick_model::ChannelPage> {
        Ok(self.store().channel_page(q)?)
    }

    pub fn get_channel(&self, id: ChannelId) -> Result<Channel> {
        Ok(self.store().channel(id)?)
    }

    /// Changes a channel. A patch that changes nothing is an input error.
    /// The CLI edits at once; a window that shows the channel first uses
    /// [`App::edit_channel_seen`].
    pub fn edit_channel(&self, id: ChannelId, patch: ChannelPatch) -> Result<Channel> {
        let patch = self.checked_patch(id, patch)?;
        Ok(self.store().edit_channel(id, &patch, self.operator())?)
    }

    /// The channel's addresses with `remove` taken away and `add` appended,
    /// for an edit that adds or removes single addresses (hand the result to
    /// [`App::edit_channel`] as `urls`). An address to remove is matched as
    /// the register compares addresses (scheme, `www.` and a trailing `/`
    /// do not count); one the channel does not have is an input error.
    pub fn urls_after_change(
        &self,
        id: ChannelId,
        add: &[String],
        remove: &[String],
    ) -> Result<Vec<String>> {
        let current = self.store().channel(id)?;
        let mut urls = current.urls.clone();
        for r in remove {
            let before = urls.len();
            urls.retain(|u| !same_address(u, r));
            if urls.len() == before {
                return Err(AppError::said(
                    ErrorCode::InvalidInput,
                    Message::RegisterNoSuchAddress {
                        id,
                        url: escape_unsafe(r, false).into_owned(),
                        urls: current.urls.join(", "),
                    },
                ));
            }
        }
        urls.extend(add.iter().cloned());
        Ok(urls)
    }

    /// Starts the closure of a channel: status `closing`, with the decision
    /// and its diary number (h-close). The channel becomes `closed` only
    /// after a pre-closure snapshot and a verified package.
    pub fn start_closure(&self, id: ChannelId) -> Result<ClosureStarted> {
        self.start_closure_with(id, &crate::ClosureDecision::default())
    }

    /// [`App::start_closure`] with the decision and its diary number.
    pub fn start_closure_with(
        &self,
        id: ChannelId,
        decision: &crate::ClosureDecision,
    ) -> Result<ClosureStarted> {
        self.require(RoleAction::Closure, None)?;
        let channel = self.start_closure_decided(id, decision)?;
        Ok(ClosureStarted {
            remaining: Message::ClosureStartedNote { id },
            channel,
        })
    }

    /// Imports channels from a CSV file: all rows or none.
    pub fn import_register(&self, path: &Path) -> Result<RegisterImport> {
        self.require(RoleAction::RegisterEdit, None)?;
        // The boards and units come in the import's own transaction: with
        // its channels or not at all.
        let r = self.store().import_register_with(
            path,
            self.operator(),
            &crate::org_units::import_take_in,
        )?;
        Ok(RegisterImport {
            imported: r.imported,
        })
    }

    /// Exports the register as CSV (UTF-8 with BOM).
    pub fn export_register(&self, path: &Path, delimiter: CsvDelimiter) -> Result<RegisterExport> {
        self.require(RoleAction::Report, None)?;
        if path.is_dir() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RegisterCsvIsFolder {
                    path: path.display().to_string(),
                },
            ));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(AppError::said(
                    ErrorCode::InvalidInput,
                    Message::RegisterCsvNoFolder {
                        folder: parent.display().to_string(),
                    },
                ));
            }
        }
        let d = match delimiter {
            CsvDelimiter::Semicolon => Delimiter::Semicolon,
            CsvDelimiter::Comma => Delimiter::Comma,
        };
        let n = self.store().export_register(path, d)?;
        self.store().append_audit(
            self.operator(),
            None,
            ogonblick_model::AuditEvent::RegisterExported {
                channels: n as u32,
                path: path.display().to_string(),
            },
        )?;
        Ok(RegisterExport {
            path: path.display().to_string(),
            channels: n as u32,
            delimiter,
        })
    }
}
