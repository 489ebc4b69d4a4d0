//! Retention rules, holds and disposal (*gallring*): what is due for
//! disposal and why ([`App::disposal_plan`], the dry run), the confirmed
//! disposal of exactly that ([`App::dispose`]), and the disposal log
//! ([`App::disposal_log`], *gallringsprotokoll*).
//!
//! A document is due when the most specific retention rule for its kind
//! (and its channel's board) disposes of it after a period, and that period
//! has run out since its date. It is due but kept when it is on hold, its
//! diary number is marked to keep, its rule names no disposal decision, its
//! rule needs it delivered first and no verified package holds it, or (a
//! snapshot) it shows the removed item of a record that is kept.

use ogonblick_model::RoleAction;
use std::collections::{HashMap, HashSet};

use chrono::Months;
use ogonblick_model::{
    AuditEvent, Channel, ChannelId, DisposalHolds, DisposalLogEntry, DisposedKind, ErrorCode,
    Evidence, Hold, KeptDiaryNumber, Message, RetentionKind, RetentionPeriod, RetentionRule,
    RetentionRules, Timestamp,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// A document that is due for disposal (or due but kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DisposalItem {
    pub item_kind: DisposedKind,
    pub item_id: String,
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub channel_name: String,
    pub board: Option<String>,
    /// The page addresses of a snapshot, the item's address of a record.
    pub address: String,
    /// A snapshot's end of capture, a record's time of removal.
    #[ts(type = "string")]
    pub item_date: Timestamp,
    pub diary_number: Option<String>,
    /// The rule that applies.
    pub rule: RetentionRule,
    /// When its period ran out.
    #[ts(type = "string")]
    pub due_since: Timestamp,
}

/// Why a document that is due is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum KeptBecause {
    Hold { reason: String, by: String },
    DiaryNumberKept { number: String },
    NoDecision,
    NotDelivered,
    EvidenceOfKeptRecord { removal_id: String },
}

impl KeptBecause {
    /// The reason as a sentence of the catalogue.
    pub fn message(&self, item: &DisposalItem) -> Message {
        match self.clone() {
            KeptBecause::Hold { reason, by } => Message::DisposeKeptHold { reason, by },
            KeptBecause::DiaryNumberKept { number } => Message::DisposeKeptDiary { number },
            KeptBecause::NoDecision => Message::DisposeKeptNoDecision {
                kind: item.rule.kind.to_string(),
            },
            KeptBecause::NotDelivered => Message::DisposeKeptNotDelivered {},
            KeptBecause::EvidenceOfKeptRecord { removal_id } => {
                Message::DisposeKeptEvidence { removal_id }
            }
        }
    }
}

/// A document that is due but kept, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeptItem {
    pub item: DisposalItem,
    pub because: KeptBecause,
    pub message: Message,
}

/// What a disposal would do now: the dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DisposalPlan {
    #[ts(type = "string")]
    pub as_of: Timestamp,
    /// Disposed of by a confirmed disposal now (records first).
    pub due: Vec<DisposalItem>,
    pub kept: Vec<KeptItem>,
}

/// What a confirmed disposal did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DisposalOutcome {
    pub run_id: String,
    pub disposed: Vec<DisposalLogEntry>,
    pub kept: Vec<KeptItem>,
}

fn said(m: Message) -> AppError {
    AppError::said(ErrorCode::InvalidInput, m)
}

/// Parses a retention period: `12m`, `18 mån`, `1y`, `2 år` (at least a month).
pub fn parse_period(s: &str) -> Result<u32> {
    let t = s.trim().to_lowercase();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: u32 = n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
        said(Message::RetentionBadPeriod {
            given: s.to_string(),
        })
    })?;
    let months = match unit.trim() {
        "m" | "mån" | "månad" | "månader" | "month" | "months" => Some(n),
        "y" | "å" | "år" | "year" | "years" => n.checked_mul(12),
        _ => None,
    };
    months.filter(|m| *m <= 1200).ok_or_else(|| {
        said(Message::RetentionBadPeriod {
            given: s.to_string(),
        })
    })
}

fn clean(s: Option<&str>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

impl App {
    /// The retention rules (the defaults when never set).
    pub fn retention_rules(&self) -> Result<RetentionRules> {
        Ok(self.store().setting()?)
    }

    /// Adds or replaces the rule for `kind` (and `board`). A rule that
    /// disposes needs a decision reference.
    pub fn set_retention_rule(
        &self,
        kind: &str,
        board: Option<&str>,
        period: RetentionPeriod,
        decision: Option<&str>,
        deliver_first: bool,
    ) -> Result<RetentionRules> {
        self.require(RoleAction::Retention, None)?;
        let rule = self.check_rule(
            RetentionRule {
                kind: parse_kind(kind)?,
                board: board.map(str::to_string),
                period,
                decision: decision.map(str::to_string),
                deliver_first,
            },
            true,
        )?;
        let mut rules = self.retention_rules()?;
        match rules
            .rules
            .iter_mut()
            .find(|r| r.same_target(&rule.kind, rule.board.as_deref()))
        {
            Some(r) => *r = rule,
            None => rules.rules.push(rule),
        }
        self.store().set_setting(&rules, self.operator())?;
        Ok(rules)
    }

    /// Replaces every retention rule (the settings page's whole list): each
    /// is checked as [`App::set_retention_rule`] checks it, but a disposing
    /// rule may still lack its decision (as the defaults do: nothing is
    /// disposed of under it until an archivist records one); a later rule for
    /// the same kind and board replaces an earlier one.
    pub fn set_retention_rules(&self, rules: &RetentionRules) -> Result<RetentionRules> {
        self.require(RoleAction::Retention, None)?;
        let mut out: Vec<RetentionRule> = Vec::new();
        for r in &rules.rules {
            let r = self.check_rule(r.clone(), false)?;
            out.retain(|o| !o.same_target(&r.kind, r.board.as_deref()));
            out.push(r);
        }
        let rules = RetentionRules { rules: out };
        self.store().set_setting(&rules, self.operator())?;
        Ok(rules)
    }

    /// A rule as it is stored: its board and decision trimmed; a ground the
    /// organisation lists; a period of at least a month and a decision when
    /// it disposes.
    fn check_rule(&self, mut rule: RetentionRule, need_decision: bool) -> Result<RetentionRule> {
        if let RetentionKind::RemovalGround(g) = &rule.kind {
            let grounds = self.store().removal_grounds()?;
            if !grounds.iter().any(|x| &x.code == g) {
                return Err(said(Message::RemovalUnknownGround {
                    given: g.clone(),
                    known: grounds
                        .iter()
                        .map(|x| x.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }));
            }
        }
        rule.decision = clean(rule.decision.as_deref());
        rule.board = clean(rule.board.as_deref());
        if let RetentionPeriod::DisposeAfter { months } = rule.period {
            if months == 0 || months > 1200 {
                return Err(said(Message::RetentionBadPeriod {
                    given: format!("{months}m"),
                }));
            }
            if need_decision && rule.decision.is_none() {
                return Err(said(Message::RetentionNeedsDecision {}));
            }
        }
        Ok(rule)
    }

    /// Removes the rule for `kind` (and `board`).
    pub fn remove_retention_rule(&self, kind: &str, board: Option<&str>) -> Result<RetentionRules> {
        self.require(RoleAction::Retention, None)?;
        let kind = parse_kind(kind)?;
        let board = clean(board);
        let mut rules = self.retention_rules()?;
        let before = rules.rules.len();
        rules
            .rules
            .retain(|r| !r.same_target(&kind, board.as_deref()));
        if rules.rules.len() == before {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::RetentionNoSuchRule {
                    kind: kind.to_string(),
                    board: board.unwrap_or_else(|| "*".into()),
                },
            ));
        }
        self.store().set_setting(&rules, self.operator())?;
        Ok(rules)
    }

    /// Holds and kept diary numbers.
    pub fn disposal_holds(&self) -> Result<DisposalHolds> {
        Ok(self.store().setting()?)
    }

    /// Puts a snapshot or removal record on hold (no disposal); a second
    /// hold on the same document replaces the reason.
    pub fn set_hold(&self, item_id: &str, reason: &str) -> Result<Hold> {
        self.require(RoleAction::Retention, None)?;
        let id = item_id.trim();
        let known = self.store().snapshot(id).is_ok() || self.store().removal(id).is_ok();
        if !known {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::HoldUnknownItem { id: id.into() },
            ));
        }
        let reason = clean(Some(reason)).ok_or_else(|| said(Message::HoldEmptyReason {}))?;
        let hold = Hold {
            item_id: id.into(),
            reason: reason.clone(),
            by: self.operator().into(),
            at: self.clock().now(),
        };
        let mut h = self.disposal_holds()?;
        h.holds.retain(|x| x.item_id != id);
        h.holds.push(hold.clone());
        let event = AuditEvent::HoldSet {
            item_id: id.into(),
            reason,
        };
        self.store()
            .set_setting_audited(&h, self.operator(), event)?;
        Ok(hold)
    }

    /// Lifts the hold on a document.
    pub fn clear_hold(&self, item_id: &str) -> Result<()> {
        self.require(RoleAction::Retention, None)?;
        let id = item_id.trim();
        let mut h = self.disposal_holds()?;
        if h.hold_on(id).is_none() {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::HoldNotHeld { id: id.into() },
            ));
        }
        h.holds.retain(|x| x.item_id != id);
        let event = AuditEvent::HoldCleared { item_id: id.into() };
        self.store()
            .set_setting_audited(&h, self.operator(), event)?;
        Ok(())
    }

    /// Marks a diary number's documents to keep (`keep`), or no longer.
    pub fn keep_diary_number(&self, number: &str, keep: bool) -> Result<DisposalHolds> {
        self.require(RoleAction::Retention, None)?;
        let number = number.split_whitespace().collect::<Vec<_>>().join(" ");
        if number.is_empty() {
            return Err(said(Message::DiaryKeepEmpty {}));
        }
        let mut h = self.disposal_holds()?;
        let norm = ogonblick_model::diary_norm(&number);
        let was = h.kept(&number).is_some();
        if !keep && !was {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::DiaryNotKept { number },
            ));
        }
        h.kept_diary_numbers
            .retain(|k| ogonblick_model::diary_norm(&k.number) != norm);
        if keep {
            h.kept_diary_numbers.push(KeptDiaryNumber {
                number: number.clone(),
                by: self.operator().into(),
                at: self.clock().now(),
            });
        }
        let event = AuditEvent::DiaryKept { number, keep };
        self.store()
            .set_setting_audited(&h, self.operator(), event)?;
        Ok(h)
    }

    /// The ids of the snapshots (and records) in a package that was
    /// exported and then verified without problems.
    fn delivered_ids(&self) -> Result<HashSet<String>> {
        let log = self.store().audit_log(None)?;
        let verified: HashSet<&str> = log
            .iter()
            .filter_map(|e| match &e.event {
                AuditEvent::PackageVerified {
                    objid: Some(o),
                    ok: true,
                    ..
                } => Some(o.as_str()),
                _ => None,
            })
            .collect();
        Ok(log
            .iter()
            .filter_map(|e| match &e.event {
                AuditEvent::PackageExported {
                    objid,
                    snapshot_ids,
                    ..
                } if verified.contains(objid.as_str()) => Some(snapshot_ids.clone()),
                _ => None,
            })
            .flatten()
            .collect())
    }

    /// The dry run: what a confirmed disposal would dispose of now, and what
    /// is due but kept, and why. Changes nothing.
    pub fn disposal_plan(&self) -> Result<DisposalPlan> {
        let now = self.clock().now();
        let rules = self.retention_rules()?;
        let holds = self.disposal_holds()?;
        let delivered = self.delivered_ids()?;
        let channels: HashMap<ChannelId, Channel> = self
            .store()
            .channels()?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let mut due = Vec::new();
        let mut kept = Vec::new();
        let judge = |item: &DisposalItem, extra: Option<KeptBecause>| {
            if let Some(h) = holds.hold_on(&item.item_id) {
                Some(KeptBecause::Hold {
                    reason: h.reason.clone(),
                    by: h.by.clone(),
                })
            } else if let Some(k) = item.diary_number.as_deref().and_then(|n| holds.kept(n)) {
                Some(KeptBecause::DiaryNumberKept {
                    number: k.number.clone(),
                })
            } else if item.rule.decision.is_none() {
                Some(KeptBecause::NoDecision)
            } else if item.rule.deliver_first && !delivered.contains(&item.item_id) {
                Some(KeptBecause::NotDelivered)
            } else {
                extra
            }
        };
        let mut place = |item: DisposalItem, because: Option<KeptBecause>| match because {
            Some(b) => {
                kept.push(KeptItem {
                    message: b.message(&item),
                    because: b,
                    item,
                });
                false
            }
            None => {
                due.push(item);
                true
            }
        };
        let item_of = |kind: DisposedKind,
                       id: &str,
                       channel: ChannelId,
                       address: String,
                       date: Timestamp,
                       diary: Option<String>,
                       kinds: &[RetentionKind]| {
            let ch = channels.get(&channel);
            let board = ch.and_then(|c| c.board.clone());
            let rule = rules.rule_for(kinds, board.as_deref())?;
            let RetentionPeriod::DisposeAfter { months } = rule.period else {
                return None;
            };
            let due_since = date.checked_add_months(Months::new(months))?;
            (due_since <= now).then(|| DisposalItem {
                item_kind: kind,
                item_id: id.into(),
                channel_id: channel,
                channel_name: ch.map(|c| c.name.clone()).unwrap_or_default(),
                board,
                address,
                item_date: date,
                diary_number: diary,
                rule: rule.clone(),
                due_since,
            })
        };
        let records = self.store().removals(None)?;
        let mut kept_evidence: HashMap<String, String> = HashMap::new();
        let mut due_records = HashSet::new();
        for r in &records {
            let kinds = [
                RetentionKind::Removal,
                RetentionKind::RemovalGround(r.ground.code.clone()),
                RetentionKind::RemovalAction(r.action),
            ];
            let item = item_of(
                DisposedKind::Removal,
                &r.id,
                r.channel_id,
                r.url.clone(),
                r.removed_at,
                r.diary_number.clone(),
                &kinds,
            );
            if let Some(item) = item {
                let because = judge(&item, None);
                if place(item, because) {
                    due_records.insert(r.id.clone());
                }
            }
        }
        for r in &records {
            if let Evidence::Snapshot { snapshot_id } = &r.evidence {
                if !due_records.contains(&r.id) {
                    kept_evidence.insert(snapshot_id.clone(), r.id.clone());
                }
            }
        }
        for s in self.store().snapshots(None)? {
            let kinds = [
                RetentionKind::Snapshot(None),
                RetentionKind::Snapshot(Some(s.reason)),
            ];
            let address = match &s.single_address {
                Some(a) => a.clone(),
                None => s
                    .pages
                    .iter()
                    .map(|p| p.url.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            if let Some(item) = item_of(
                DisposedKind::Snapshot,
                &s.id,
                s.channel_id,
                address,
                s.finished_at,
                s.diary_number.clone(),
                &kinds,
            ) {
                let extra = kept_evidence
                    .get(&s.id)
                    .map(|r| KeptBecause::EvidenceOfKeptRecord {
                        removal_id: r.clone(),
                    });
                let because = judge(&item, extra);
                place(item, because);
            }
        }
        Ok(DisposalPlan {
            as_of: now,
            due,
            kept,
        })
    }

    /// Disposes of exactly what the dry run lists as due at this moment
    /// (computed again here, under the run's lock), each document gone with
    /// all its files, and logged. `by` is who carries it out; `reference`
    /// an optional reference for the run (a protocol number), logged beside
    /// each document's decision.
    pub fn dispose(&self, by: &str, reference: Option<&str>) -> Result<DisposalOutcome> {
        self.require(RoleAction::Disposal, None)?;
        let by = clean(Some(by)).ok_or_else(|| said(Message::DisposeNeedsBy {}))?;
        let Some(_lock) = self.store().disposal_lock()? else {
            return Err(AppError::said(ErrorCode::Conflict, Message::DisposeBusy {}));
        };
        let plan = self.disposal_plan()?;
        let run_id = self.ids().new_id();
        let reference = clean(reference);
        let mut disposed = Vec::new();
        for item in plan.due {
            let entry = DisposalLogEntry {
                disposal_id: self.ids().new_id(),
                run_id: run_id.clone(),
                item_kind: item.item_kind,
                item_id: item.item_id,
                channel_id: item.channel_id,
                channel_name: item.channel_name,
                board: item.board,
                address: item.address,
                item_date: item.item_date,
                rule_kind: item.rule.kind,
                rule_board: item.rule.board,
                rule_period: item.rule.period,
                decision: item.rule.decision.unwrap_or_default(),
                run_reference: reference.clone(),
                diary_number: item.diary_number,
                disposed_at: self.clock().now(),
                disposed_by: by.clone(),
                files: Vec::new(),
            };
            disposed.push(self.store().dispose(entry)?);
        }
        Ok(DisposalOutcome {
            run_id,
            disposed,
            kept: plan.kept,
        })
    }

    /// The disposal log (*gallringsprotokoll*), oldest first.
    pub fn disposal_log(&self) -> Result<Vec<DisposalLogEntry>> {
        Ok(self.store().disposal_log()?)
    }

    /// The disposal log as CSV (`;`-separated, UTF-8 with BOM, for Excel):
    /// one row per deleted file, with its document's columns.
    pub fn disposal_log_csv(&self) -> Result<String> {
        let mut out = String::from("\u{feff}");
        out.push_str(&DISPOSAL_LOG_COLUMNS.join(";"));
        out.push_str("\r\n");
        for e in self.disposal_log()? {
            for f in &e.files {
                let cells = [
                    e.disposed_at.to_rfc3339(),
                    e.disposed_by.clone(),
                    e.item_kind.to_string(),
                    e.item_id.clone(),
                    e.channel_id.to_string(),
                    e.channel_name.clone(),
                    e.board.clone().unwrap_or_default(),
                    e.address.clone(),
                    e.item_date.to_rfc3339(),
                    e.diary_number.clone().unwrap_or_default(),
                    e.rule_kind.to_string(),
                    e.rule_period.to_string(),
                    e.decision.clone(),
                    e.run_reference.clone().unwrap_or_default(),
                    f.name.clone(),
                    f.size.to_string(),
                    f.sha256.clone(),
                ];
                let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
                out.push_str(&row.join(";"));
                out.push_str("\r\n");
            }
        }
        Ok(out)
    }
}

/// The columns of the disposal log's CSV (and of its PDF/A table).
pub const DISPOSAL_LOG_COLUMNS: [&str; 17] = [
    "disposed_at",
    "disposed_by",
    "kind",
    "id",
    "channel_id",
    "channel",
    "board",
    "address",
    "item_date",
    "diary_number",
    "rule",
    "period",
    "decision",
    "run_reference",
    "file",
    "size",
    "sha256",
];

/// A CSV cell: quoted when needed; a leading `=`, `+`, `-`, `@` is escaped
/// so that a spreadsheet does not run it as a formula.
fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn parse_kind(s: &str) -> Result<RetentionKind> {
    s.parse().map_err(|_| {
        said(Message::RetentionBadKind {
            given: s.to_string(),
        })
    })
}
