//! The channels as a chooser lists them (Export's channel and board
//! choosers): id, name and board, read from the register's channel rows
//! alone, without the history summary or the schedule, so a list of 2,000
//! channels costs what their names hold.

use ogonblick_model::{swedish_key, ChannelId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, Result};

/// A channel as a chooser names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelChoice {
    #[ts(type = "number")]
    pub id: ChannelId,
    pub name: String,
    pub board: Option<String>,
}

impl App {
    /// Every channel of the register (closed ones too), in Swedish order of
    /// their names (ties by id).
    pub fn channel_choices(&self) -> Result<Vec<ChannelChoice>> {
        let mut out: Vec<ChannelChoice> = self
            .store()
            .channels()?
            .into_iter()
            .map(|c| ChannelChoice {
                id: c.id,
                name: c.name,
                board: c.board,
            })
            .collect();
        out.sort_by_cached_key(|c| (swedish_key(&c.name), c.id));
        Ok(out)
    }
}
