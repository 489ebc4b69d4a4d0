//! The language the CLI writes the engine's messages in (errors, warnings,
//! verify problems, page failures, explanations): `--lang sv|en`, else
//! `$OGONBLICK_LANG` (both read by clap), else Swedish when `$LANG` starts
//! with `sv`, else English. Set once in `main`, read where a message is printed.

use std::sync::OnceLock;

use ogonblick_model::messages::{CliLine, CliWord, Column, Label};
use ogonblick_model::{Language, Message};

static CHOSEN: OnceLock<Language> = OnceLock::new();

/// `--lang`'s parser: `sv` or `en` (also `sv_SE.UTF-8` and the like).
pub fn parse(s: &str) -> Result<Language, String> {
    // The language is not chosen yet: the refusal is in `$LANG`'s.
    Language::parse(s).ok_or_else(|| {
        CliLine::CliLangUnknown {
            value: s.to_string(),
        }
        .render(choose(None))
    })
}

/// Picks the language from the flag (or `$OGONBLICK_LANG`) and `$LANG`.
pub fn choose(flag: Option<Language>) -> Language {
    flag.unwrap_or_else(|| match std::env::var("LANG") {
        Ok(l) if l.to_ascii_lowercase().starts_with("sv") => Language::Sv,
        _ => Language::En,
    })
}

pub fn set(lang: Language) {
    let _ = CHOSEN.set(lang);
}

static EXPLICIT: std::sync::OnceLock<Option<Language>> = std::sync::OnceLock::new();

/// Records what `--lang` (or `$OGONBLICK_LANG`) said, before `$LANG` is consulted.
pub fn set_explicit(flag: Option<Language>) {
    let _ = EXPLICIT.set(flag);
}

/// The language `--lang` (or `$OGONBLICK_LANG`) asked for, if any: documents
/// for people other than the operator (the period report) are Swedish
/// unless asked otherwise.
pub fn explicit() -> Option<Language> {
    EXPLICIT.get().copied().flatten()
}

/// The chosen language (English before `main` chose one).
pub fn get() -> Language {
    CHOSEN.get().copied().unwrap_or(Language::En)
}

/// `message` in the chosen language.
pub fn render(message: &Message) -> String {
    message.render(get())
}

/// The word before an error line: `error` / `fel`.
pub fn error_word() -> String {
    word(CliWord::Error)
}

/// h-cli11: a line of the CLI's own reports in the chosen language.
pub fn line(l: CliLine) -> String {
    l.render(get())
}

/// A word of the CLI's tables (`never`, `yes`, …) in the chosen language.
pub fn word(word: CliWord) -> String {
    line(CliLine::CliWordText { word })
}

/// The header cells of a table.
pub fn header(columns: &[Column]) -> Vec<String> {
    columns
        .iter()
        .map(|&column| line(CliLine::CliHeader { column }))
        .collect()
}

/// `label:` padded with spaces to `width` characters (at least one space).
pub fn label(label: Label, width: usize) -> String {
    let l = format!("{}:", line(CliLine::CliLabelText { label }));
    let pad = width.saturating_sub(l.chars().count()).max(1);
    format!("{l}{}", " ".repeat(pad))
}

/// A snapshot's status (`complete`, …) as a word of the language.
pub fn snapshot_status(status: ogonblick_model::SnapshotStatus) -> String {
    render(&Message::DocStatus {
        status: status.as_str().into(),
    })
}

/// A snapshot's reason (`half-yearly`, …) as a word of the language.
pub fn reason(reason: ogonblick_model::SnapshotReason) -> String {
    line(CliLine::CliReason {
        reason: reason.as_str().into(),
    })
}

/// A platform (`youtube`, …) as the language writes it.
pub fn platform(platform: ogonblick_model::Platform) -> String {
    line(CliLine::CliPlatform {
        platform: platform.as_str().into(),
    })
}

/// h-voc5: the width of a block of `labels` (as [`label`] pads them): the
/// widest `label:` in the chosen language and a space, counted in
/// characters (so åäö count once).
pub fn label_width(labels: &[Label]) -> usize {
    labels
        .iter()
        .map(|&label| line(CliLine::CliLabelText { label }).chars().count() + 2)
        .max()
        .unwrap_or(0)
}

/// A retention rule's period ("bevaras", "gallras efter 2 år") in the
/// chosen language.
pub fn period(p: ogonblick_model::RetentionPeriod) -> String {
    use ogonblick_model::RetentionPeriod;
    line(match p {
        RetentionPeriod::Keep => CliLine::CliRetentionKeep {},
        RetentionPeriod::DisposeAfter { months } if months % 12 == 0 => {
            CliLine::CliRetentionYears {
                years: u64::from(months / 12),
            }
        }
        RetentionPeriod::DisposeAfter { months } => CliLine::CliRetentionMonths {
            months: u64::from(months),
        },
    })
}

/// A retention rule's kind of document in the chosen language (English
/// keeps the form `retention set --kind` takes: `snapshot:half-yearly`).
pub fn retention_kind(k: &ogonblick_model::RetentionKind) -> String {
    use ogonblick_model::messages::RetentionWhat as W;
    use ogonblick_model::RetentionKind;
    let (kind, detail) = match k {
        RetentionKind::Snapshot(None) => (W::Snapshot, String::new()),
        RetentionKind::Snapshot(Some(r)) => (W::SnapshotReason, reason(*r)),
        RetentionKind::Removal => (W::Removal, String::new()),
        RetentionKind::RemovalGround(g) => (W::RemovalGround, g.clone()),
        RetentionKind::RemovalAction(a) => (W::RemovalAction, a.text(get())),
        RetentionKind::Report => (W::Report, String::new()),
    };
    line(CliLine::CliRetentionKind { kind, detail })
}
