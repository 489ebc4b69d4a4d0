//! Removal records (*borttaget innehåll*): what staff removed, hid or blocked
//! on a channel, why, and what they did about it, documented outside the
//! platform as the guidelines require.
//!
//! A record is append-only: every change (a correction, a certification, a
//! diary number) is a new [`RemovalRecord`] version with who and when; all
//! versions stay. The folder `channels/<id>/removals/<record-id>/` holds
//! `removal.json` ([`RemovalManifest`]: every version) and, where staff
//! supplied their own screenshot, that file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::fmt;
use std::str::FromStr;

use crate::messages::{Arg, RemovalDone, RemovedWhat};
use crate::{ChannelId, Language, Message, Timestamp, UnknownWord};

vocabulary!(
    /// What kind of item was removed.
    RemovedKind, "kind of removed item" {
        Post = "post" | "inlägg",
        Comment = "comment" | "kommentar",
        Reply = "reply" | "svar",
        Image = "image" | "bild",
        PrivateMessage = "private-message" | "privat-meddelande" | "direktmeddelande",
        AccountBlocked = "account-blocked" | "konto-blockerat" | "blockerat-konto",
    }
);

vocabulary!(
    /// What was done to the item (the guidelines' words).
    RemovalAction, "removal action" {
        Unpublished = "avpublicerad" | "unpublished",
        Deleted = "raderad" | "deleted",
        Hidden = "dold" | "hidden",
        Blocked = "blockerad" | "blocked",
    }
);

impl RemovedKind {
    /// The kind as the catalogue names it (`removed-kind`).
    pub fn what(self) -> RemovedWhat {
        match self {
            RemovedKind::Post => RemovedWhat::Post,
            RemovedKind::Comment => RemovedWhat::Comment,
            RemovedKind::Reply => RemovedWhat::Reply,
            RemovedKind::Image => RemovedWhat::Image,
            RemovedKind::PrivateMessage => RemovedWhat::PrivateMessage,
            RemovedKind::AccountBlocked => RemovedWhat::AccountBlocked,
        }
    }

    /// The kind in words in `lang` ("privat meddelande", "private message"),
    /// the catalogue's `removed-kind`.
    pub fn text(self, lang: Language) -> String {
        self.what().text(lang)
    }
}

impl RemovalAction {
    /// The action as the catalogue names it (`removal-action`).
    pub fn done(self) -> RemovalDone {
        match self {
            RemovalAction::Unpublished => RemovalDone::Unpublished,
            RemovalAction::Deleted => RemovalDone::Deleted,
            RemovalAction::Hidden => RemovalDone::Hidden,
            RemovalAction::Blocked => RemovalDone::Blocked,
        }
    }

    /// The action in words in `lang` ("raderad", "deleted"), the
    /// catalogue's `removal-action`.
    pub fn text(self, lang: Language) -> String {
        self.done().text(lang)
    }
}

/// A ground for removal (*grund*), as the organisation lists them. `code` is
/// the short name the CLI takes; the list is stored per organisation and can
/// be edited (the defaults are [`RemovalGround::defaults`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemovalGround {
    pub code: String,
    pub label_sv: String,
    pub label_en: String,
    /// The ground needs a text of its own ("other").
    pub needs_text: bool,
    /// Retired: no longer offered for new records; records made on it keep
    /// their wording (`GroundChoice`).
    #[serde(default)]
    pub retired: bool,
}

impl RemovalGround {
    /// The code of the "other" ground, which needs a text.
    pub const OTHER: &'static str = "annat";

    /// The categories the guidelines list (Norrköping, Tillväxtverket, the
    /// law on electronic bulletin boards 1998:112), plus "other".
    pub fn defaults() -> Vec<RemovalGround> {
        [
            (
                "personangrepp",
                "Personangrepp eller förtal",
                "Personal attack or defamation",
            ),
            (
                "hets",
                "Hets mot folkgrupp",
                "Agitation against a population group",
            ),
            (
                "sexism",
                "Sexism eller trakasserier",
                "Sexism or harassment",
            ),
            (
                "vald",
                "Våldsskildring eller pornografi",
                "Depiction of violence or pornography",
            ),
            ("brott", "Uppmaning till brott", "Incitement to crime"),
            ("hot", "Hot", "Threat"),
            (
                "upphovsratt",
                "Upphovsrättsintrång",
                "Copyright infringement",
            ),
            (
                "reklam",
                "Kommersiellt budskap eller reklam",
                "Commercial message or advertising",
            ),
            (
                "svordomar",
                "Svordomar eller obscena ord",
                "Swearing or obscene words",
            ),
            (
                "sekretess",
                "Sekretessbelagda uppgifter",
                "Confidential information",
            ),
            (
                "personuppgifter",
                "Kränkande personuppgifter",
                "Offensive personal data",
            ),
            (
                "irrelevant",
                "Irrelevant för kanalen",
                "Irrelevant to the channel",
            ),
            (Self::OTHER, "Annat", "Other"),
        ]
        .into_iter()
        .map(|(code, sv, en)| RemovalGround {
            code: code.into(),
            label_sv: sv.into(),
            label_en: en.into(),
            needs_text: code == Self::OTHER,
            retired: false,
        })
        .collect()
    }
}

/// The ground a record was removed on, as it was listed when recorded (so a
/// later edit of the list does not change old records).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroundChoice {
    pub code: String,
    pub label_sv: String,
    pub label_en: String,
    /// The text of an "other" ground (or a note on any ground).
    pub text: Option<String>,
}

/// A police report (*polisanmälan*).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PoliceReport {
    pub reported: bool,
    pub reference: Option<String>,
    #[ts(type = "string | null")]
    pub date: Option<chrono::NaiveDate>,
}

/// The author was contacted: when, how, with what message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuthorContact {
    #[ts(type = "string")]
    pub at: Timestamp,
    /// How (e.g. "privat meddelande", "e-post").
    pub how: Option<String>,
    pub message: String,
}

/// The record was sent on to the social-media lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Forwarded {
    pub to: String,
    #[ts(type = "string")]
    pub at: Timestamp,
}

/// A second person certified the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Certification {
    pub by: String,
    #[ts(type = "string")]
    pub at: Timestamp,
}

/// A screenshot file staff supplied by hand, kept in the record's folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SuppliedFile {
    /// Path relative to the record's folder.
    pub path: String,
    /// Lower-case hex SHA-256.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    /// `image/png`, `image/jpeg` or `application/pdf` (from the bytes).
    pub media_type: String,
    /// The file's name where staff had it.
    pub original_name: String,
}

/// What shows the item as it was: a snapshot of the channel, or a file
/// supplied by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Evidence {
    Snapshot { snapshot_id: String },
    File(SuppliedFile),
}

/// One version of a removal record. Version 1 is the record as first made;
/// each later version is the whole record after a change, with who made the
/// change and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemovalRecord {
    /// Globally unique, also the folder name.
    pub id: String,
    pub version: u32,
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    /// The address of the removed item.
    pub url: String,
    pub kind: RemovedKind,
    /// The author as the platform showed them.
    pub author: Option<String>,
    /// When the item was published, as the platform showed it.
    #[ts(type = "string | null")]
    pub published_at: Option<Timestamp>,
    /// The item's text as captured.
    pub text: Option<String>,
    #[ts(type = "string")]
    pub removed_at: Timestamp,
    /// The operator who removed, hid or blocked it.
    pub removed_by: String,
    pub action: RemovalAction,
    pub ground: GroundChoice,
    pub police_report: PoliceReport,
    pub contact: Option<AuthorContact>,
    pub forwarded: Option<Forwarded>,
    /// Diary (or case) number (*diarienummer*).
    pub diary_number: Option<String>,
    pub certified: Option<Certification>,
    pub evidence: Evidence,
    /// True when the evidence is a file staff supplied by hand (the item
    /// was already gone), false for a snapshot.
    pub supplied_by_hand: bool,
    /// When this version was recorded, and by whom.
    #[ts(type = "string")]
    pub recorded_at: Timestamp,
    pub recorded_by: String,
    /// Why this version was made, as a catalogue message (`removal-note-*`:
    /// certified, corrected and why, captured again, diary number); none for
    /// version 1. Records of older versions held a Swedish sentence, which
    /// reads as `Message::Text`.
    #[serde(default, deserialize_with = "crate::messages::lenient::option")]
    pub change_note: Option<Message>,
}

/// The self-describing file of a record's folder: every version, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovalManifest {
    /// Format marker, see [`RemovalManifest::FORMAT`].
    pub format: String,
    pub versions: Vec<RemovalRecord>,
}

impl RemovalManifest {
    pub const FORMAT: &'static str = "ogonblick-removal/1";
    pub const FILE_NAME: &'static str = "removal.json";

    /// The current version.
    pub fn current(&self) -> Option<&RemovalRecord> {
        self.versions.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_actions_are_the_catalogues_words() {
        use Language::{En, Sv};
        assert_eq!(RemovedKind::PrivateMessage.text(Sv), "privat meddelande");
        assert_eq!(RemovedKind::PrivateMessage.text(En), "private message");
        assert_eq!(RemovedKind::AccountBlocked.text(Sv), "blockerat konto");
        assert_eq!(RemovedKind::Post.text(Sv), "inlägg");
        assert_eq!(RemovalAction::Unpublished.text(Sv), "avpublicerad");
        assert_eq!(RemovalAction::Deleted.text(En), "deleted");
        // Every word is the catalogue's own, never its key: both languages
        // differ where the words do, and each is one the CLI takes back.
        for k in RemovedKind::ALL {
            for lang in Language::ALL {
                let word = k.text(lang).replace(' ', "-");
                assert_eq!(word.parse::<RemovedKind>().ok(), Some(*k), "{k:?} {lang:?}");
            }
        }
        for a in RemovalAction::ALL {
            for lang in Language::ALL {
                assert_eq!(
                    a.text(lang).parse::<RemovalAction>().ok(),
                    Some(*a),
                    "{a:?}"
                );
            }
        }
    }

    #[test]
    fn an_old_prose_change_note_reads_as_text_and_a_typed_one_as_itself() {
        let old: Option<Message> = serde_json::from_value::<Wrap>(serde_json::json!({
            "note": "bestyrkt av Berit"
        }))
        .unwrap()
        .note;
        assert_eq!(
            old,
            Some(Message::Text {
                text: "bestyrkt av Berit".into()
            })
        );
        let typed = Message::RemovalNoteCertified { by: "Berit".into() };
        let json = serde_json::json!({ "note": typed });
        assert_eq!(json["note"]["key"], "removal-note-certified");
        let back: Wrap = serde_json::from_value(json).unwrap();
        assert_eq!(back.note, Some(typed));
        let none: Wrap = serde_json::from_value(serde_json::json!({})).unwrap();
        assert_eq!(none.note, None);
    }

    #[derive(serde::Deserialize)]
    struct Wrap {
        #[serde(default, deserialize_with = "crate::messages::lenient::option")]
        note: Option<Message>,
    }

    #[test]
    fn kinds_and_actions_read_in_swedish_and_english() {
        assert_eq!(
            "kommentar".parse::<RemovedKind>().unwrap(),
            RemovedKind::Comment
        );
        assert_eq!("Inlägg".parse::<RemovedKind>().unwrap(), RemovedKind::Post);
        assert_eq!(
            "hidden".parse::<RemovalAction>().unwrap(),
            RemovalAction::Hidden
        );
        assert_eq!(RemovalAction::Hidden.as_str(), "dold");
        let err = "gömd".parse::<RemovalAction>().unwrap_err().to_string();
        assert!(
            err.contains("avpublicerad, raderad, dold, blockerad"),
            "{err}"
        );
        let grounds = RemovalGround::defaults();
        assert_eq!(grounds.len(), 13);
        assert!(grounds
            .iter()
            .filter(|g| g.needs_text)
            .all(|g| g.code == RemovalGround::OTHER));
    }
}
