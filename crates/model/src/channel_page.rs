//! A page of the register as Kanaler shows it: which channels (the
//! filters), in which order (a sortable column), which rows, and what the
//! list's header and filters need (counts, the choices of the filters).
//! At 2,000 channels the window fetches one page, never the register.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ChannelId, ChannelStatus, ChannelSummary, Platform};

/// The column that orders a page of channels; ties by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ChannelSort {
    #[default]
    Name,
    Platform,
    /// Board, then unit.
    Owner,
    Responsible,
    Status,
    /// Start of the latest snapshot.
    Last,
}

/// Which channels, in which order, which rows. Every given criterion must
/// match; the text (any case) in name, address, board, unit, responsible
/// or substitute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ChannelQuery {
    pub text: String,
    pub board: Option<String>,
    pub unit: Option<String>,
    /// Responsible person or substitute ("mina kanaler").
    pub person: Option<String>,
    pub platform: Option<Platform>,
    pub status: Option<ChannelStatus>,
    /// Only channels whose latest snapshot failed.
    pub failed: bool,
    /// Only channels, not closed, without a substitute.
    pub no_substitute: bool,
    /// Only these channels (e.g. the names of a batch's results).
    #[ts(type = "number[] | null")]
    pub ids: Option<Vec<ChannelId>>,
    pub sort: ChannelSort,
    pub descending: bool,
    /// Rows to skip, then at most `limit` rows (0: none).
    pub offset: u32,
    pub limit: u32,
}

/// One page of channels and what the list's header and filters need.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelPage {
    /// The rows of the page, in the query's order.
    pub rows: Vec<ChannelSummary>,
    /// Where the page starts among the matching channels (0-based; held
    /// to the last page when the query asked beyond it).
    pub offset: u32,
    /// Channels the query matches.
    pub matching: u32,
    /// Channels in the register.
    pub total: u32,
    /// Every matching channel, in order: "choose all that match".
    #[ts(type = "number[]")]
    pub matching_ids: Vec<ChannelId>,
    /// The filters' choices: boards, the units (of the chosen board) and
    /// people (responsible and substitutes) of the register, sorted.
    pub boards: Vec<String>,
    pub units: Vec<String>,
    pub people: Vec<String>,
    /// Each matching channel's revision as the page read it (in the order
    /// of `matching_ids`; 0: no change recorded): a bulk change sends the
    /// chosen channels' back, and a channel changed since is refused rather
    /// than overwritten (a revision per channel, not the log's last number,
    /// which on PostgreSQL misses an edit whose number is lower but whose
    /// commit came later).
    #[ts(type = "number[]")]
    pub revisions: Vec<i64>,
}

/// A key that sorts text as Swedish does (any case; å, ä, ö after z).
pub fn swedish_key(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'á' | 'à' => 'a',
            'ü' => 'y',
            c => c,
        })
        .collect()
}

/// "Without a substitute" as every list counts it (the filter of Kanaler
/// and of Att göra, Översikt's column): no substitute named (a blank one is
/// none) and not closed down (a closed channel needs none).
pub fn lacks_substitute(substitute: Option<&str>, closed: bool) -> bool {
    !closed && substitute.is_none_or(|s| s.trim().is_empty())
}

/// A filter's choices from `values`: trimmed, blank ones left out, each
/// once whatever its case (the first spelling met), in Swedish order.
pub fn filter_choices<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = values
        .into_iter()
        .map(|v| v.as_ref().trim().to_string())
        .filter(|v| !v.is_empty() && seen.insert(v.to_lowercase()))
        .collect();
    out.sort_by_cached_key(|v| swedish_key(v));
    out
}

/// Where a page of `limit` rows starts among `matching` rows: `offset`
/// held to the last page (a list that shrank under it shows its last page).
pub fn page_start(offset: u32, limit: u32, matching: u32) -> u32 {
    if limit == 0 || offset < matching {
        return offset.min(matching);
    }
    matching.saturating_sub(1) / limit * limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_channel_never_lacks_a_substitute() {
        assert!(lacks_substitute(None, false));
        assert!(lacks_substitute(Some("  "), false));
        assert!(!lacks_substitute(Some("Eva"), false));
        assert!(!lacks_substitute(None, true));
        assert!(!lacks_substitute(Some(""), true));
    }

    #[test]
    fn choices_are_trimmed_once_each_in_any_case_in_swedish_order() {
        let got = filter_choices([" Örjan", "anna", "", "Anna", "Åsa ", "  ", "Zoe", "örjan"]);
        assert_eq!(got, ["anna", "Zoe", "Åsa", "Örjan"]);
    }
}
