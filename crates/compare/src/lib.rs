//! Compares two captures of a page (issue 17): what changed, and whether the
//! channel's identity changed enough to suggest a major change.
//!
//! - [`PageFeatures::read`]: a captured page's features from its files: a
//!   perceptual hash (dHash, 64 bits) and mean colour of every square tile of
//!   the PNG (`tiles.rs`, streamed row by row: memory ≈ one row of tiles),
//!   and the text lines the capture kept (`<stem>.text.json`, `text.rs`).
//! - [`compare`]: two pages' features → a [`PageComparison`] (text
//!   similarity 0–1 of the whole page and of its top band, changed regions,
//!   the lines only one of them has, the identity signals, and whether they
//!   suggest a major change under [`ComparisonSettings`]).
//!
//! Pure: no register, no clock. The app compares each page of a new
//! snapshot with the same address in the channel's previous complete
//! snapshot before the commit, so the comparison is kept in `snapshot.json`.

mod error;
mod judge;
mod text;
mod tiles;

pub use error::CompareError;
pub use judge::compare;
pub use ogonblick_model::{ChangeSignal, ChangedRegion, ComparisonSettings, PageComparison};
pub use text::{read_text_file, TextLine};
pub use tiles::{read_tiles, Tiles};

use std::path::Path;

/// What a comparison needs of one captured page.
#[derive(Debug, Clone)]
pub struct PageFeatures {
    /// The address asked for.
    pub url: String,
    pub final_url: Option<String>,
    pub title: Option<String>,
    pub tiles: Tiles,
    /// The page's text lines in reading order (empty when the capture kept
    /// no text: a record of an older version).
    pub lines: Vec<TextLine>,
    /// The page is one of the channel's other addresses (its about or rules
    /// page), whose whole text is part of the channel's identity.
    pub identity_page: bool,
}

impl PageFeatures {
    /// Reads the features of a page from its PNG and (when there is one)
    /// its text file, hashing tiles of `settings.tile_size` px.
    pub fn read(
        url: &str,
        final_url: Option<&str>,
        title: Option<&str>,
        png: &Path,
        text: Option<&Path>,
        settings: &ComparisonSettings,
    ) -> Result<PageFeatures, CompareError> {
        Ok(PageFeatures {
            url: url.to_string(),
            final_url: final_url.map(str::to_string),
            title: title.map(str::to_string),
            tiles: read_tiles(png, settings.tile_size)?,
            lines: match text {
                Some(t) => read_text_file(t)?,
                None => Vec::new(),
            },
            identity_page: false,
        })
    }

    /// The same features, marked as (or not as) an about or rules page.
    pub fn identity_page(mut self, yes: bool) -> PageFeatures {
        self.identity_page = yes;
        self
    }
}
