//! The archivist's records work: retention rules, holds, the disposal run
//! (*gallring*: the dry run, the confirmed run, the log and its document),
//! the personal-data / secrecy marks, and the preview of an export.

use ogonblick_app::package::{ExportPreview, ExportRequest};
use ogonblick_app::{DisposalOutcome, DisposalPlan, DocumentFormat};
use ogonblick_model::{DisposalLogEntry, ErrorPayload, Hold, Mark, MarkFlags, RetentionRules};

use super::path_arg;
use crate::state::Desktop;

pub fn retention_rules(d: &Desktop) -> Result<RetentionRules, ErrorPayload> {
    Ok(d.app()?.retention_rules()?)
}

pub fn set_retention_rules(
    d: &Desktop,
    rules: RetentionRules,
) -> Result<RetentionRules, ErrorPayload> {
    Ok(d.app()?.set_retention_rules(&rules)?)
}

pub fn set_hold(d: &Desktop, item_id: String, reason: String) -> Result<Hold, ErrorPayload> {
    Ok(d.app()?.set_hold(&item_id, &reason)?)
}

pub fn clear_hold(d: &Desktop, item_id: String) -> Result<(), ErrorPayload> {
    Ok(d.app()?.clear_hold(&item_id)?)
}

pub fn disposal_plan(d: &Desktop) -> Result<DisposalPlan, ErrorPayload> {
    Ok(d.app()?.disposal_plan()?)
}

pub fn dispose(
    d: &Desktop,
    by: String,
    reference: Option<String>,
) -> Result<DisposalOutcome, ErrorPayload> {
    Ok(d.app()?.dispose(&by, reference.as_deref())?)
}

pub fn disposal_log(d: &Desktop) -> Result<Vec<DisposalLogEntry>, ErrorPayload> {
    Ok(d.app()?.disposal_log()?)
}

/// Writes the disposal log to `path` (`.pdf` PDF/A-2b, `.csv`) in the
/// window's language.
pub fn write_disposal_log(d: &Desktop, path: String) -> Result<DocumentFormat, ErrorPayload> {
    let out = path_arg(&path, ogonblick_model::messages::PathKind::DisposalLog)?;
    let lang = d.language.get();
    Ok(d.app()?.write_disposal_log(&out, lang)?.0)
}

pub fn marks(d: &Desktop) -> Result<Vec<Mark>, ErrorPayload> {
    Ok(d.app()?.marks()?)
}

pub fn set_mark(d: &Desktop, id: String, flags: MarkFlags) -> Result<Mark, ErrorPayload> {
    Ok(d.app()?.set_mark(&id, flags)?)
}

pub fn clear_mark(d: &Desktop, id: String) -> Result<(), ErrorPayload> {
    Ok(d.app()?.clear_mark(&id)?)
}

pub fn export_preview(d: &Desktop, request: ExportRequest) -> Result<ExportPreview, ErrorPayload> {
    Ok(d.app()?.export_preview(&request)?)
}
