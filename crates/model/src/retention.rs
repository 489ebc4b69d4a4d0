//! Retention (*bevarande och gallring*): the rules that say, per kind of
//! document and optionally per board, whether it is kept (*bevaras*) or
//! disposed of (*gallras*) after a period under a disposal decision
//! (*gallringsbeslut*); the legal holds and kept diary numbers that stop
//! disposal; and the disposal log (*gallringsprotokoll*), kept forever.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    ChannelId, RemovalAction, Setting, SettingKey, SnapshotReason, Timestamp, UnknownWord,
};

/// What a rule applies to: a kind of document, narrowed by a snapshot's
/// reason or a removal record's ground or action.
///
/// Written (CLI, settings) as `snapshot`, `snapshot:<reason>`, `removal`,
/// `removal-ground:<code>`, `removal-action:<action>` or `report`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RetentionKind {
    /// Every snapshot (`None`), or those taken for one reason.
    Snapshot(Option<SnapshotReason>),
    /// Every removal record.
    Removal,
    /// Removal records removed on this ground (its short name).
    RemovalGround(String),
    /// Removal records whose item was handled so.
    RemovalAction(RemovalAction),
    /// Reports made from the register (such as the removal period report).
    Report,
}

impl RetentionKind {
    /// How specific the kind is (a narrowed kind beats its whole kind; a
    /// ground beats an action).
    pub fn specificity(&self) -> u8 {
        match self {
            RetentionKind::Snapshot(Some(_)) | RetentionKind::RemovalGround(_) => 2,
            RetentionKind::RemovalAction(_) => 1,
            _ => 0,
        }
    }
}

impl fmt::Display for RetentionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetentionKind::Snapshot(None) => f.write_str("snapshot"),
            RetentionKind::Snapshot(Some(r)) => write!(f, "snapshot:{r}"),
            RetentionKind::Removal => f.write_str("removal"),
            RetentionKind::RemovalGround(g) => write!(f, "removal-ground:{g}"),
            RetentionKind::RemovalAction(a) => write!(f, "removal-action:{a}"),
            RetentionKind::Report => f.write_str("report"),
        }
    }
}

/// A kind that is not one of the forms [`RetentionKind`] takes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a document kind: use snapshot, snapshot:<reason>, removal, removal-ground:<ground>, removal-action:<action> or report")]
pub struct UnknownRetentionKind(pub String);

impl FromStr for RetentionKind {
    type Err = UnknownRetentionKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UnknownRetentionKind(s.to_string());
        let t = s.trim();
        let (head, tail) = match t.split_once(':') {
            Some((h, rest)) => (h.trim().to_lowercase(), Some(rest.trim())),
            None => (t.to_lowercase(), None),
        };
        let ground_ok = |g: &str| {
            !g.is_empty()
                && g.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        match (head.as_str(), tail) {
            ("snapshot" | "ögonblicksbild", None) => Ok(RetentionKind::Snapshot(None)),
            ("snapshot" | "ögonblicksbild", Some(r)) => r
                .parse()
                .map(|r| RetentionKind::Snapshot(Some(r)))
                .map_err(|_| bad()),
            ("removal" | "borttaget", None) => Ok(RetentionKind::Removal),
            ("removal-ground" | "grund", Some(g)) if ground_ok(&g.to_lowercase()) => {
                Ok(RetentionKind::RemovalGround(g.to_lowercase()))
            }
            ("removal-action" | "åtgärd", Some(a)) => a
                .parse()
                .map(RetentionKind::RemovalAction)
                .map_err(|_| bad()),
            ("report" | "rapport", None) => Ok(RetentionKind::Report),
            _ => Err(bad()),
        }
    }
}

impl Serialize for RetentionKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for RetentionKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Kept for ever (*bevaras*), or disposed of (*gallras*) a number of months
/// after the document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum RetentionPeriod {
    Keep,
    DisposeAfter { months: u32 },
}

impl fmt::Display for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetentionPeriod::Keep => f.write_str("keep"),
            RetentionPeriod::DisposeAfter { months } if months % 12 == 0 => {
                write!(f, "dispose after {}y", months / 12)
            }
            RetentionPeriod::DisposeAfter { months } => write!(f, "dispose after {months}m"),
        }
    }
}

/// One retention rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetentionRule {
    #[ts(type = "string")]
    pub kind: RetentionKind,
    /// Only the channels of this board (*nämnd*); `None`: every board.
    #[serde(default)]
    pub board: Option<String>,
    pub period: RetentionPeriod,
    /// The disposal decision's reference (*gallringsbeslut*), e.g. "KS
    /// 2019/233 § 4". Nothing is disposed under a rule without one.
    #[serde(default)]
    pub decision: Option<String>,
    /// The document must be in a verified archive package before it may be
    /// disposed of (delivered to the e-archive first).
    #[serde(default)]
    pub deliver_first: bool,
}

impl RetentionRule {
    /// Whether the rule is for this kind and board (case and spaces of the
    /// board's name aside).
    pub fn same_target(&self, kind: &RetentionKind, board: Option<&str>) -> bool {
        self.kind == *kind && norm(self.board.as_deref()) == norm(board)
    }
}

fn norm(s: Option<&str>) -> Option<String> {
    s.map(|b| b.trim().to_lowercase()).filter(|b| !b.is_empty())
}

/// The retention rules of the organisation (a settings document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetentionRules {
    pub rules: Vec<RetentionRule>,
}

impl Setting for RetentionRules {
    const KEY: SettingKey = SettingKey::Retention;
}

impl Default for RetentionRules {
    /// Chosen from the guidelines (see README "Gallring"): the regular
    /// snapshots preserve the channel itself and are kept (the national
    /// association's memo: "själva fenomenet bör bevaras" by regular
    /// extracts; Vetlanda and Nacka take them yearly/half-yearly and
    /// register them); one-address captures and removal records are
    /// documents of passing interest that may be disposed of "tidigast efter
    /// ett år" (Tillväxtverket) under the organisation's disposal decision,
    /// which the defaults cannot know: until an archivist names it, nothing
    /// is disposed. Removals on criminal grounds (threats, agitation,
    /// incitement to crime, violence) are kept: the guidelines have them
    /// reported to the police and registered. Reports are kept.
    fn default() -> Self {
        let dispose_year = |kind| RetentionRule {
            kind,
            board: None,
            period: RetentionPeriod::DisposeAfter { months: 12 },
            decision: None,
            deliver_first: false,
        };
        let keep = |kind| RetentionRule {
            kind,
            board: None,
            period: RetentionPeriod::Keep,
            decision: None,
            deliver_first: false,
        };
        RetentionRules {
            rules: vec![
                keep(RetentionKind::Snapshot(None)),
                dispose_year(RetentionKind::Snapshot(Some(SnapshotReason::SingleItem))),
                dispose_year(RetentionKind::Removal),
                keep(RetentionKind::RemovalGround("hot".into())),
                keep(RetentionKind::RemovalGround("hets".into())),
                keep(RetentionKind::RemovalGround("brott".into())),
                keep(RetentionKind::RemovalGround("vald".into())),
                keep(RetentionKind::Report),
            ],
        }
    }
}

impl RetentionRules {
    /// The rule for a document: among the rules whose kind is one of
    /// `kinds` (the document's kinds, whole and narrowed) and whose board is
    /// none or `board`, the most specific (a board's rule beats every rule
    /// for all boards; then a narrowed kind beats the whole kind).
    pub fn rule_for(&self, kinds: &[RetentionKind], board: Option<&str>) -> Option<&RetentionRule> {
        let board = norm(board);
        self.rules
            .iter()
            .filter(|r| kinds.contains(&r.kind))
            .filter(|r| match norm(r.board.as_deref()) {
                None => true,
                b => b == board,
            })
            .max_by_key(|r| (r.board.is_some() as u8) * 4 + r.kind.specificity())
    }
}

/// A legal hold (or any reason to stop disposal) on one snapshot or record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hold {
    /// The snapshot's or removal record's id.
    pub item_id: String,
    pub reason: String,
    pub by: String,
    #[ts(type = "string")]
    pub at: Timestamp,
}

/// A diary number whose documents are kept (not disposed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeptDiaryNumber {
    pub number: String,
    pub by: String,
    #[ts(type = "string")]
    pub at: Timestamp,
}

/// What stops disposal: holds and kept diary numbers (a settings document).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DisposalHolds {
    #[serde(default)]
    pub holds: Vec<Hold>,
    #[serde(default)]
    pub kept_diary_numbers: Vec<KeptDiaryNumber>,
}

impl Setting for DisposalHolds {
    const KEY: SettingKey = SettingKey::DisposalHolds;
}

impl DisposalHolds {
    pub fn hold_on(&self, item_id: &str) -> Option<&Hold> {
        self.holds.iter().find(|h| h.item_id == item_id)
    }
    /// The kept diary number equal to `number` (case and spaces aside).
    pub fn kept(&self, number: &str) -> Option<&KeptDiaryNumber> {
        let n = diary_norm(number);
        self.kept_diary_numbers
            .iter()
            .find(|k| diary_norm(&k.number) == n)
    }
}

/// A diary number compared without case and runs of spaces.
pub fn diary_norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

vocabulary!(
    /// What kind of document was disposed of.
    DisposedKind, "disposed kind" {
        Snapshot = "snapshot",
        Removal = "removal",
    }
);

/// A file deleted by a disposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DisposedFile {
    /// Path relative to the data directory, `/`-separated.
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    /// Lower-case hex SHA-256 of the file as it was deleted.
    pub sha256: String,
}

/// One disposed document in the disposal log (*gallringsprotokoll*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DisposalLogEntry {
    /// This disposal's own id.
    pub disposal_id: String,
    /// The confirmed run it was part of.
    pub run_id: String,
    pub item_kind: DisposedKind,
    /// The snapshot's or removal record's id.
    pub item_id: String,
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub channel_name: String,
    pub board: Option<String>,
    /// The page addresses of a snapshot, the item's address of a record.
    pub address: String,
    /// The document's date (a snapshot's end of capture, a record's removal).
    #[ts(type = "string")]
    pub item_date: Timestamp,
    /// The document's kind as the rule named it (e.g. `snapshot:single-item`).
    #[ts(type = "string")]
    pub rule_kind: RetentionKind,
    pub rule_board: Option<String>,
    pub rule_period: RetentionPeriod,
    /// The disposal decision (*gallringsbeslut*) it was disposed under.
    pub decision: String,
    /// A reference the archivist gave the run (e.g. a protocol number).
    pub run_reference: Option<String>,
    pub diary_number: Option<String>,
    #[ts(type = "string")]
    pub disposed_at: Timestamp,
    pub disposed_by: String,
    pub files: Vec<DisposedFile>,
}

/// A line of `disposal-log.jsonl`: an intent (with every file's SHA-256)
/// written before anything is deleted, then `done` once the document is
/// gone, or `rolled-back` when a killed disposal had not moved it yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
#[allow(clippy::large_enum_variant)] // one line at a time
pub enum DisposalLogLine {
    Begun { entry: DisposalLogEntry },
    Done { disposal_id: String },
    RolledBack { disposal_id: String },
}

impl DisposalLogLine {
    pub const FILE_NAME: &'static str = "disposal-log.jsonl";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_and_write_the_same() {
        for s in [
            "snapshot",
            "snapshot:single-item",
            "removal",
            "removal-ground:hot",
            "removal-action:raderad",
            "report",
        ] {
            assert_eq!(s.parse::<RetentionKind>().unwrap().to_string(), s);
        }
        assert_eq!(
            "Snapshot: enskild".parse::<RetentionKind>().unwrap(),
            RetentionKind::Snapshot(Some(SnapshotReason::SingleItem))
        );
        for bad in ["", "post", "snapshot:x", "removal-ground:", "removal:hot"] {
            assert!(bad.parse::<RetentionKind>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_most_specific_rule_wins() {
        let mut rules = RetentionRules::default();
        rules.rules.push(RetentionRule {
            kind: RetentionKind::Removal,
            board: Some("Kulturnämnden".into()),
            period: RetentionPeriod::Keep,
            decision: None,
            deliver_first: false,
        });
        let kinds = [
            RetentionKind::Removal,
            RetentionKind::RemovalGround("hot".into()),
            RetentionKind::RemovalAction(RemovalAction::Deleted),
        ];
        // The ground's rule beats the whole kind's.
        assert_eq!(
            rules.rule_for(&kinds, None).unwrap().kind,
            RetentionKind::RemovalGround("hot".into())
        );
        // A board's rule beats every rule for all boards.
        let r = rules.rule_for(&kinds, Some(" kulturnämnden ")).unwrap();
        assert_eq!(r.board.as_deref(), Some("Kulturnämnden"));
        let snap = [
            RetentionKind::Snapshot(None),
            RetentionKind::Snapshot(Some(SnapshotReason::SingleItem)),
        ];
        assert_eq!(
            rules.rule_for(&snap, None).unwrap().period,
            RetentionPeriod::DisposeAfter { months: 12 }
        );
        assert_eq!(
            rules.rule_for(&snap[..1], None).unwrap().period,
            RetentionPeriod::Keep
        );
    }
}
