//! The message catalogue: every sentence the engine shows a user is a
//! [`Message`], a key with typed parameters, rendered in Swedish or English
//! from one Fluent file per language (`locales/sv.ftl`, `locales/en.ftl`,
//! embedded). Records store the message (`{"key": "...", "args": {...}}`),
//! never the rendered text; the CLI and the desktop render it in their
//! language, and the UI renders the same files itself (`ui/src/lib/messages.ts`).
//!
//! ```
//! use ogonblick_messages::{Language, Message};
//! let m = Message::PageCrashed { url: "https://x.se/a".into() };
//! assert!(m.render(Language::Sv).starts_with("Sidan https://x.se/a kunde inte fångas"));
//! ```
//!
//! `catalogue.rs` lists the keys and their parameters; `args.rs` the typed
//! parameters (dates, lists of names) and how each becomes text; `ftl.rs`
//! the Fluent renderer.

mod args;
mod catalogue;
mod choices;
mod cli_lines;
pub mod english;
pub mod format;
mod ftl;
pub mod lenient;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use args::{Arg, Blocks, Day, Field, Names, NetCause, RoleNames, Span, TextField};
pub use catalogue::Message;
pub use choices::{
    CaptureFault, Fault, FixityRecord, InventoryPart, IoAction, RemovedName, RetentionWhat,
};
pub use choices::{
    ChangeColumn, ChannelState, CliWord, Column, GroundEdit, ItemKind, Label, OverviewColumn,
    PathKind, Picture, RegisterField, RemovalDone, RemovedWhat, SignalName, SnapshotState,
    SnapshotWhy, StepName, StepState, Tally,
};
pub use cli_lines::CliLine;

/// The UI languages (Swedish by default, English); the desktop's dialogs and
/// notifications follow it, and the catalogue renders in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Sv,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Sv, Language::En];

    /// `sv` or `en` (also accepts `sv-SE`, `en_GB.UTF-8`, any case).
    pub fn parse(s: &str) -> Option<Language> {
        let s = s.trim().to_ascii_lowercase();
        match s.get(..2) {
            Some("sv") => Some(Language::Sv),
            Some("en") => Some(Language::En),
            _ => None,
        }
    }

    /// The catalogue file's text.
    pub fn source(self) -> &'static str {
        match self {
            Language::Sv => include_str!("../locales/sv.ftl"),
            Language::En => include_str!("../locales/en.ftl"),
        }
    }

    fn resource(self) -> &'static ftl::Resource {
        static SV: OnceLock<ftl::Resource> = OnceLock::new();
        static EN: OnceLock<ftl::Resource> = OnceLock::new();
        let cell = match self {
            Language::Sv => &SV,
            Language::En => &EN,
        };
        // The tests parse both files, so this cannot fail in a build that passed them.
        cell.get_or_init(|| ftl::Resource::parse(self.source()).expect("catalogue parses"))
    }
}

/// Keys used by the typed parameters ([`Day`], [`Span`], [`Names`],
/// [`TextField`]), not by
/// a [`Message`] itself, with their parameters.
pub const HELPER_KEYS: &[(&str, &[&str])] = &[
    ("date", &["day", "month", "year"]),
    ("date-time-utc", &["day", "time"]),
    ("date-span-same-year", &["from_day", "from_month", "to"]),
    ("date-span", &["from", "to"]),
    ("list-and", &["first", "last"]),
    ("list-and-more", &["shown", "more"]),
    ("month-1", &[]),
    ("month-2", &[]),
    ("month-3", &[]),
    ("month-4", &[]),
    ("month-5", &[]),
    ("month-6", &[]),
    ("month-7", &[]),
    ("month-8", &[]),
    ("month-9", &[]),
    ("month-10", &[]),
    ("month-11", &[]),
    ("month-12", &[]),
    ("field-name", &[]),
    ("field-board", &[]),
    ("field-unit", &[]),
    ("field-responsible", &[]),
    ("field-substitute", &[]),
    ("field-purpose", &[]),
    ("field-audience", &[]),
    ("field-notes", &[]),
    ("field-author", &[]),
    ("field-removed-by", &[]),
    ("field-text", &[]),
    ("field-diary-number", &[]),
    ("field-police-report", &[]),
    ("field-ground-text", &[]),
    ("field-contact-message", &[]),
    ("field-forwarded-to", &[]),
    ("field-certified-by", &[]),
    ("field-ground", &[]),
    ("field-secrecy", &[]),
    ("field-mark-note", &[]),
    ("field-login", &[]),
    ("field-decision", &[]),
    // h-voc4: the audit log's words.
    ("channel-state", &["state"]),
    ("register-field", &["field"]),
    ("removed-kind", &["kind"]),
    ("removal-action", &["action"]),
];

/// Renders `key` of `lang` with the named parameters (already text).
pub(crate) fn render_key(
    lang: Language,
    key: &str,
    arg: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::new();
    match lang.resource().messages.get(key) {
        Some(elems) => ftl::render(elems, arg, &mut out),
        // The tests hold both files to the catalogue; never reached.
        None => out.push_str(key),
    }
    out
}

impl Message {
    /// The sentence in `lang`.
    pub fn render(&self, lang: Language) -> String {
        render_key(lang, self.key(), &|name| self.arg(name, lang))
    }

    /// Every parameter the `.ftl` text of `key` uses in `lang`, sorted, once each.
    pub fn params_in(lang: Language, key: &str) -> Option<Vec<String>> {
        let elems = lang.resource().messages.get(key)?;
        let mut out = Vec::new();
        ftl::params(elems, &mut out);
        out.sort();
        out.dedup();
        Some(out)
    }

    /// Every key in the `.ftl` file of `lang`.
    pub fn keys_in(lang: Language) -> Vec<&'static str> {
        lang.resource()
            .messages
            .keys()
            .map(|k| k.as_str())
            .collect()
    }
}

impl std::fmt::Display for Message {
    /// English, for logs and the CLI's default.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

#[cfg(test)]
mod tests;
