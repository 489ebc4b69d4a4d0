//! What disposal must leave: holds (*gallringsstopp*) on single documents
//! and diary numbers marked to keep.

use ogonblick_model::{
    AuditEvent, DisposalHolds, ErrorCode, Hold, KeptDiaryNumber, Message, RoleAction,
};
use ogonblick_store::RegisterExt;

use crate::disposal::{clean, said};
use crate::{App, AppError, Result};

impl App {
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
}
