//! `ogonblick mark set|clear|list` (h-pkg): the personal-data / secrecy mark
//! of a snapshot or removal record.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::AppError;
use ogonblick_model::messages::CliLine;
use ogonblick_model::{ErrorCode, MarkFlags, Message};

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Subcommand)]
pub enum MarkCmd {
    /// Mark a snapshot or removal record as holding sensitive personal data
    /// and/or secret information (replaces any mark it had).
    Set(SetArgs),
    /// Remove the mark of a snapshot or removal record.
    Clear(ClearArgs),
    /// List the marked items.
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The snapshot or removal record id.
    #[arg(value_name = "ID")]
    pub id: String,
    /// It holds sensitive personal data (känsliga personuppgifter).
    #[arg(long)]
    pub personal_data: bool,
    /// It holds secret information (sekretess); give --osl.
    #[arg(long)]
    pub secret: bool,
    /// The OSL reference, e.g. "OSL 21 kap. 7 §".
    #[arg(long, value_name = "REF")]
    pub osl: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ClearArgs {
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, cmd: MarkCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        MarkCmd::Set(a) => {
            let osl = a.osl.filter(|o| !o.trim().is_empty());
            if a.secret && osl.is_none() {
                return Err(
                    AppError::said(ErrorCode::InvalidInput, Message::MarkOslMissing {}).into(),
                );
            }
            if osl.is_some() && !a.secret {
                return Err(
                    AppError::said(ErrorCode::InvalidInput, Message::MarkNothing {}).into(),
                );
            }
            let app = ctx.open()?;
            let m = app.set_mark(
                &a.id,
                MarkFlags {
                    personal_data: a.personal_data,
                    secrecy: osl,
                    note: a.note,
                },
            )?;
            if a.json {
                output::json(&m)?;
            } else {
                output::line(lang::line(CliLine::CliMarked {
                    kind: kind(m.kind),
                    id: m.item_id.clone(),
                    words: words(&m.flags),
                }))?;
            }
        }
        MarkCmd::Clear(a) => {
            ctx.open()?.clear_mark(&a.id)?;
            output::line(lang::line(CliLine::CliMarkCleared {
                id: a.id.trim().to_string(),
            }))?;
        }
        MarkCmd::List(a) => {
            let marks = ctx.open()?.marks()?;
            if a.json {
                output::json(&marks)?;
            } else {
                for m in marks {
                    output::line(format!(
                        "{}  {}  {}{}",
                        kind(m.kind),
                        m.item_id,
                        words(&m.flags),
                        m.flags.note.map(|n| format!(" ({n})")).unwrap_or_default()
                    ))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The items of a `--json` list with each one's current mark (`"mark"`:
/// the mark, or null) added: the list keeps its shape, a reader of the old
/// shape sees one more key.
pub fn json_with_marks<T: serde::Serialize>(
    list: &[T],
    id_of: impl Fn(&T) -> &str,
    marks: &[ogonblick_model::Mark],
) -> anyhow::Result<serde_json::Value> {
    let mut out = Vec::new();
    for item in list {
        let mut v = serde_json::to_value(item)?;
        let m = marks.iter().find(|m| m.item_id == id_of(item));
        if let serde_json::Value::Object(o) = &mut v {
            o.insert("mark".into(), serde_json::to_value(m)?);
        }
        out.push(v);
    }
    Ok(serde_json::Value::Array(out))
}

/// The mark column of a table: the mark in words, or empty.
pub fn cell(id: &str, marks: &[ogonblick_model::Mark]) -> String {
    marks
        .iter()
        .find(|m| m.item_id == id)
        .map(|m| words(&m.flags))
        .unwrap_or_default()
}

/// A mark in words (catalogue keys `mark-label-*`), in the CLI's language.
pub fn words(f: &MarkFlags) -> String {
    let mut parts = Vec::new();
    if f.personal_data {
        parts.push(lang::render(&Message::MarkLabelPersonalData {}));
    }
    if let Some(osl) = &f.secrecy {
        parts.push(lang::render(&Message::MarkLabelSecret { osl: osl.clone() }));
    }
    parts.join("; ")
}

/// What is marked (`snapshot`, `removal`), in the CLI's language.
fn kind(k: ogonblick_model::MarkedKind) -> String {
    lang::line(CliLine::CliMarkedKind {
        kind: k.as_str().into(),
    })
}
