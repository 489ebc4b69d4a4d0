//! What changed between two snapshots of a page (issue 17): the comparison
//! kept in a page's completeness report, and the thresholds that decide when
//! a change suggests a major change (*större förändring*) of the channel.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Setting, SettingKey};

/// One page compared with the same address in an earlier snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageComparison {
    /// The snapshot compared with (the channel's previous complete one, or
    /// the one asked for).
    pub previous_snapshot_id: String,
    /// The address of the page compared with.
    pub previous_url: String,
    /// How alike the pages' texts are, 0 (nothing in common) to 1 (the same
    /// lines).
    pub text_similarity: f64,
    /// The same for the text in the top band (name, description).
    pub header_text_similarity: f64,
    /// Regions of the page whose picture changed (tiles of the PNG whose
    /// perceptual hashes differ), in CSS px of the newer page.
    pub changed_regions: Vec<ChangedRegion>,
    /// Lines of text only the earlier page had (at most 50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub text_removed: Vec<String>,
    /// Lines of text only the newer page has (at most 50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub text_added: Vec<String>,
    /// What changed in the channel's identity.
    pub signals: Vec<ChangeSignal>,
    /// Whether the identity changed enough to suggest a major change.
    pub suggests_major_change: bool,
}

/// A changed region of a page, in CSS px of the newer page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangedRegion {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    /// In the top band of the page (the channel's name, pictures, description).
    pub header: bool,
    /// Bits of the tile's 64-bit perceptual hash that differ.
    pub distance: u32,
}

/// A change in the channel's identity that a comparison saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ChangeSignal {
    /// The page's title changed (often the channel's name).
    Title,
    /// The same address now ends at another final address.
    Address,
    /// The text in the top band changed (name, description, about text).
    HeaderText,
    /// The picture of the top band changed (profile or cover picture).
    HeaderImage,
    /// The text of one of the channel's other addresses (its about or rules
    /// page: any address but the first) changed below
    /// `rules_page_text_similarity`, anywhere on the page.
    RulesPage,
}

impl ChangeSignal {
    /// The signal's name, a word of the catalogue (`change-signal-name`).
    pub fn name(self) -> crate::messages::SignalName {
        use crate::messages::SignalName;
        match self {
            ChangeSignal::Title => SignalName::Title,
            ChangeSignal::Address => SignalName::Address,
            ChangeSignal::HeaderText => SignalName::HeaderText,
            ChangeSignal::HeaderImage => SignalName::HeaderImage,
            ChangeSignal::RulesPage => SignalName::RulesPage,
        }
    }
}

/// When a comparison suggests a major change: the thresholds, tuned on the
/// fixture pairs of `ogonblick_testsite::changes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ComparisonSettings {
    /// Height in CSS px of the top band compared as the channel's identity.
    pub header_height: u32,
    /// Side in CSS px of the square tiles whose hashes are compared.
    pub tile_size: u32,
    /// Bits (of 64) a tile's hash may differ before it counts as changed.
    pub tile_distance: u32,
    /// How far (0–255, the largest of the three channels) a tile's mean
    /// colour may move before it counts as changed: the hash sees shapes,
    /// not colours (a picture swapped for one of another colour).
    pub colour_distance: u32,
    /// Changed tiles in the top band that suggest a major change.
    pub header_tiles: u32,
    /// Below this similarity of the top band's text, a major change is
    /// suggested.
    pub header_text_similarity: f64,
    /// Below this similarity of the whole text of an about or rules page
    /// (one of the channel's other addresses), a major change is suggested.
    /// Stored settings from before it existed read the default.
    pub rules_page_text_similarity: f64,
}

impl Default for ComparisonSettings {
    fn default() -> Self {
        ComparisonSettings {
            header_height: 400,
            tile_size: 64,
            tile_distance: 8,
            colour_distance: 24,
            header_tiles: 2,
            header_text_similarity: 0.9,
            rules_page_text_similarity: 0.9,
        }
    }
}

impl Setting for ComparisonSettings {
    const KEY: SettingKey = SettingKey::Comparison;
}
