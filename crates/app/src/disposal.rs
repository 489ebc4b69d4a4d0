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
//!
//! The retention rules are set in `retention.rs`, holds and kept diary
//! numbers in `disposal_holds.rs`, the log read and written in
//! `disposal_log.rs`.

use ogonblick_model::RoleAction;
use std::collections::{HashMap, HashSet};

use chrono::Months;
use ogonblick_model::{
    AuditEvent, Channel, ChannelId, DisposalLogEntry, DisposedKind, ErrorCode, Evidence, Message,
    RetentionKind, RetentionPeriod, RetentionRule, Timestamp,
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

pub(crate) fn said(m: Message) -> AppError {
    AppError::said(ErrorCode::InvalidInput, m)
}

pub(crate) fn clean(s: Option<&str>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

impl App {
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
        let Some(mut lock) = self.store().disposal_lock()? else {
            return Err(AppError::said(ErrorCode::Conflict, Message::DisposeBusy {}));
        };
        let plan = self.disposal_plan()?;
        let run_id = self.ids().new_id();
        let reference = clean(reference);
        let mut disposed = Vec::new();
        for item in plan.due {
            // The lock may be gone (PostgreSQL's connection broke): stop
            // before another run's documents could be ours too.
            if lock.check().is_err() {
                return Err(AppError::said(
                    ErrorCode::Conflict,
                    Message::DisposeStopped {
                        done: disposed.len() as u64,
                        run: run_id,
                    },
                ));
            }
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
}
