//! The personal-data / secrecy mark (*skyddsmarkering*): a snapshot or a
//! removal record can be marked as holding sensitive personal data
//! (*känsliga personuppgifter*) and/or secret information (*sekretess*, with
//! the reference to the Public Access to Information and Secrecy Act, OSL,
//! as text, e.g. "OSL 21 kap. 7 §"), with a note.
//!
//! Snapshot folders are immutable once committed, so marks live in the
//! register (table `marks`) with an append-only mirror `marks.jsonl` in the
//! data folder (one [`MarkChange`] a line), from which `reindex` restores
//! them. Removal records take their marks the same way (one mechanism for
//! both kinds of item; a mark is an access decision about the item, not a
//! correction of what the record says).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Language, Message, Timestamp};

/// What kind of item a mark is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum MarkedKind {
    Snapshot,
    Removal,
}

impl MarkedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MarkedKind::Snapshot => "snapshot",
            MarkedKind::Removal => "removal",
        }
    }
}

/// What a mark says. At least one of `personal_data` and `secrecy` is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarkFlags {
    /// Holds sensitive personal data (känsliga personuppgifter).
    pub personal_data: bool,
    /// Holds secret information: the OSL reference as written, e.g.
    /// "OSL 21 kap. 7 §".
    pub secrecy: Option<String>,
    pub note: Option<String>,
}

impl MarkFlags {
    /// Whether the flags mark anything (a mark needs one of the two).
    pub fn is_valid(&self) -> bool {
        self.personal_data
            || self
                .secrecy
                .as_deref()
                .is_some_and(|s| !s.trim().is_empty())
    }

    /// The mark in words, as messages of the catalogue (`mark-label-*`),
    /// shown one after the other with "; ".
    pub fn label(&self) -> Vec<Message> {
        let mut out = Vec::new();
        if self.personal_data {
            out.push(Message::MarkLabelPersonalData {});
        }
        if let Some(r) = &self.secrecy {
            out.push(Message::MarkLabelSecret { osl: r.clone() });
        }
        out
    }

    /// The mark in words in `lang`, e.g. "känsliga personuppgifter;
    /// sekretess enligt OSL 21 kap. 7 §".
    pub fn text(&self, lang: Language) -> String {
        self.label()
            .iter()
            .map(|m| m.render(lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A mark on one item, with who set it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Mark {
    pub item_id: String,
    pub kind: MarkedKind,
    pub flags: MarkFlags,
    #[ts(type = "string")]
    pub set_at: Timestamp,
    pub set_by: String,
}

/// One line of `marks.jsonl`: a mark set (`mark`) or cleared (`None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkChange {
    pub item_id: String,
    pub kind: MarkedKind,
    pub at: Timestamp,
    pub by: String,
    pub mark: Option<MarkFlags>,
}

impl MarkChange {
    pub const FILE_NAME: &'static str = "marks.jsonl";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_needs_personal_data_or_secrecy() {
        let mut f = MarkFlags {
            personal_data: false,
            secrecy: Some("  ".into()),
            note: Some("x".into()),
        };
        assert!(!f.is_valid());
        f.secrecy = Some("OSL 21 kap. 7 §".into());
        assert!(f.is_valid());
        assert_eq!(f.text(Language::Sv), "sekretess enligt OSL 21 kap. 7 §");
    }
}
