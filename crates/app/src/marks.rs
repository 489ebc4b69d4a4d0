//! Personal-data / secrecy marks (h-pkg): a snapshot or a removal record is
//! marked as holding sensitive personal data and/or secret information (the
//! OSL reference as text), with a note; audited; kept in the register and
//! its mirror `marks.jsonl` (see `ogonblick_model::marks`). Exports carry
//! them into the package and can leave marked items out or package them
//! separately (`package/export.rs`).

use ogonblick_model::RoleAction;
use ogonblick_model::{ErrorCode, Mark, MarkFlags, MarkedKind, Message, TextField};

use crate::{App, AppError, Result};

impl App {
    /// What kind of item `id` is; a clear refusal when it is neither.
    fn marked_kind(&self, id: &str) -> Result<MarkedKind> {
        if self.store().snapshot(id).is_ok() {
            Ok(MarkedKind::Snapshot)
        } else if self.store().removal(id).is_ok() {
            Ok(MarkedKind::Removal)
        } else {
            Err(AppError::said(
                ErrorCode::NotFound,
                Message::MarkUnknownItem { id: id.to_string() },
            ))
        }
    }

    /// Marks a snapshot or removal record (replacing any mark it had).
    pub fn set_mark(&self, id: &str, flags: MarkFlags) -> Result<Mark> {
        self.require(RoleAction::Mark, None)?;
        let id = id.trim();
        let flags = MarkFlags {
            personal_data: flags.personal_data,
            secrecy: flags
                .secrecy
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            note: flags
                .note
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        };
        if !flags.is_valid() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::MarkNothing {},
            ));
        }
        for (field, t, multiline) in [
            (TextField::Secrecy, flags.secrecy.as_deref(), false),
            (TextField::MarkNote, flags.note.as_deref(), true),
        ] {
            if let Some(t) = t {
                ogonblick_model::text::check_text(field, t, multiline)
                    .map_err(|m| AppError::said(ErrorCode::InvalidInput, m))?;
            }
        }
        let kind = self.marked_kind(id)?;
        let m = self
            .store()
            .set_mark(kind, id, Some(flags), self.operator())?;
        m.ok_or_else(|| AppError::fault(ogonblick_model::messages::Fault::MarkNotStored))
    }

    /// Removes the mark of a snapshot or removal record.
    pub fn clear_mark(&self, id: &str) -> Result<()> {
        self.require(RoleAction::Mark, None)?;
        let id = id.trim();
        let kind = self.marked_kind(id)?;
        if self.store().mark(id)?.is_none() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::MarkNoneToClear { id: id.to_string() },
            ));
        }
        self.store().set_mark(kind, id, None, self.operator())?;
        Ok(())
    }

    /// The mark of one item, if any.
    pub fn mark(&self, id: &str) -> Result<Option<Mark>> {
        Ok(self.store().mark(id.trim())?)
    }

    /// Every mark.
    pub fn marks(&self) -> Result<Vec<Mark>> {
        Ok(self.store().marks()?)
    }
}
