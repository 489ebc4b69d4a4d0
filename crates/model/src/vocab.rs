//! The vocabularies: closed sets of words with Swedish/English aliases, and
//! the `vocabulary!` macro that declares them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Error for a vocabulary word that is not known; the message lists the words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{given}': use one of {allowed}")]
pub struct UnknownWord {
    pub what: &'static str,
    pub given: String,
    pub allowed: String,
}

impl UnknownWord {
    /// The refusal as a sentence of the catalogue (the vocabulary's name in
    /// kebab case picks its word in each language).
    pub fn message(&self) -> ogonblick_messages::Message {
        ogonblick_messages::Message::UnknownWord {
            what: self.what.replace(' ', "-"),
            given: self.given.clone(),
            allowed: self.allowed.clone(),
        }
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $word:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in the CLI, CSV files, JSON and metadata.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // The stored word as written (every row of the register):
                // no copy.
                $(
                    if s == $word {
                        return Ok($name::$variant);
                    }
                )+
                let norm = s.trim().to_lowercase();
                $(
                    if norm == $word $(|| norm == $alias)* {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownWord {
                    what: $what,
                    given: s.to_string(),
                    allowed: [$($word),+].join(", "),
                })
            }
        }
    };
}

vocabulary!(
    /// The platform a channel lives on.
    Platform, "platform" {
        Facebook = "facebook",
        Instagram = "instagram",
        X = "x" | "twitter",
        YouTube = "youtube",
        LinkedIn = "linkedin",
        TikTok = "tiktok",
        Threads = "threads",
        Mastodon = "mastodon",
        Flickr = "flickr",
        Blog = "blog",
        Other = "other" | "annan" | "övrig",
    }
);

vocabulary!(
    /// How often a channel must be snapshotted (the guidelines: every half
    /// year, or once a year; `manual` means only on request).
    SchedulePolicy, "schedule policy" {
        HalfYearly = "half-yearly" | "halvår" | "halvårsvis",
        Yearly = "yearly" | "år" | "årsvis",
        Manual = "manual" | "manuell",
    }
);

vocabulary!(
    /// Life cycle of a channel. `closing` is set when the pre-closure flow is
    /// started; only a verified package lets it become `closed`.
    ChannelStatus, "channel status" {
        Active = "active" | "aktiv",
        // The app's words (under avveckling, avvecklad) and the older ones (avslutas, avslutad) are all read.
        Closing = "closing" | "under avveckling" | "avvecklas" | "avslutas",
        Closed = "closed" | "avvecklad" | "avslutad",
    }
);

vocabulary!(
    /// Why a snapshot was taken. `single-item` (*enskild adress*): one
    /// address captured on its own, e.g. a post right before it is removed.
    SnapshotReason, "snapshot reason" {
        HalfYearly = "half-yearly",
        Yearly = "yearly",
        MajorChange = "major-change",
        PreClosure = "pre-closure",
        AdHoc = "ad-hoc",
        SingleItem = "single-item" | "enskild" | "enskild-adress",
    }
);

vocabulary!(
    /// Outcome of a snapshot. `partial`: some pages were captured, some not;
    /// only `complete` counts as a good snapshot for schedules and closure.
    SnapshotStatus, "snapshot status" {
        Complete = "complete",
        Partial = "partial",
        Failed = "failed",
    }
);

vocabulary!(
    /// The kind of a stored file. `original`: the document exactly as the
    /// server sent it, kept byte for byte where the address served no web
    /// page but a PDF (`<stem>.original.pdf`). `web-archive`: the
    /// snapshot's web archive (`web-archive.wacz`, WACZ 1.1.1 with a WARC
    /// 1.1 per page). `text`: the page's text lines as the capture read
    /// them (`<stem>.text.json`, the PDF/A's text layer), which comparisons
    /// of snapshots read.
    FileRole, "file role" {
        Png = "png",
        Pdf = "pdf",
        Original = "original",
        WebArchive = "web-archive" | "webbarkiv",
        Text = "text",
    }
);
