//! The audit log in Swedish. Each entry is a typed event
//! (`model::AuditEvent`); its text in either language is its message of the
//! catalogue (`AuditEvent::message`, an exhaustive match, so a new variant
//! cannot compile without its key), rendered in Swedish by [`text_sv`]. A
//! test performs every audited action through [`App`] and requires a Swedish
//! text for each entry, and another one for an example of every variant.
//!
//! [`App`]: crate::App

use ogonblick_model::{AuditEntry, AuditEvent, Language, Message};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An audit entry as the desktop shows it: the record plus its message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditLine {
    /// As recorded (`detail` in English).
    #[serde(flatten)]
    #[ts(flatten)]
    pub entry: AuditEntry,
    /// The event as a message of the catalogue (render it in the window's
    /// language); `None` for an entry this version cannot read
    /// (`AuditEvent::Legacy`): show `detail`.
    pub message: Option<Message>,
}

impl From<AuditEntry> for AuditLine {
    fn from(entry: AuditEntry) -> Self {
        let message = match &entry.event {
            AuditEvent::Legacy { .. } => None,
            e => Some(e.message()),
        };
        AuditLine { entry, message }
    }
}

impl AuditLine {
    /// The event in `lang`; `None` for an entry this version cannot read.
    pub fn text(&self, lang: Language) -> Option<String> {
        self.message.as_ref().map(|m| m.render(lang))
    }
}

/// The Swedish text of an event (its message of the catalogue, as
/// [`AuditEvent::text_en`] writes the English); `None` for
/// [`AuditEvent::Legacy`] (an entry of a format this version does not know,
/// shown as recorded).
pub fn text_sv(event: &AuditEvent) -> Option<String> {
    match event {
        AuditEvent::Legacy { .. } => None,
        e => Some(e.text(Language::Sv)),
    }
}

#[cfg(test)]
#[path = "audit_text_tests.rs"]
mod tests;
