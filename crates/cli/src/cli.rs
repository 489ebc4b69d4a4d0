//! The command line, declared with clap. Each command group has its argument
//! types in its module under `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::{channel::ChannelCmd, records, register::RegisterCmd, settings::SettingsCmd};

/// Ögonblick keeps a municipality's social-media channels on the public
/// record: the channel register, snapshots and archive packages.
#[derive(Debug, Parser)]
#[command(name = "ogonblick", version, about, propagate_version = true)]
pub struct Cli {
    /// The data directory (default: $OGONBLICK_DATA_DIR, else the operating
    /// system's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Who is working, for the audit log (default: $OGONBLICK_OPERATOR, else
    /// the login name).
    #[arg(long, global = true, value_name = "NAME")]
    pub operator: Option<String>,
    /// A register shared on PostgreSQL
    /// (`postgres://user[:password]@host[:port]/database`); the data
    /// directory is then the folder every desktop shares for the snapshot
    /// files (default: $OGONBLICK_DATABASE, else the address saved in the
    /// desktop's Inställningar, else the SQLite register in the data
    /// directory).
    #[arg(
        long,
        global = true,
        env = "OGONBLICK_DATABASE",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub database: Option<String>,
    /// The language of messages, errors and warnings: sv or en (default:
    /// Swedish when $LANG starts with sv, else English).
    #[arg(long, global = true, env = "OGONBLICK_LANG", value_name = "sv|en", value_parser = crate::lang::parse)]
    pub lang: Option<ogonblick_model::Language>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once
pub enum Command {
    /// Add, list, show, edit and close channels.
    #[command(subcommand)]
    Channel(ChannelCmd),
    /// Import or export the register as CSV.
    #[command(subcommand)]
    Register(RegisterCmd),
    /// Rebuild the register database from the files in the data directory.
    Reindex(records::ReindexArgs),
    /// Take snapshots of channels now, or of every channel that is due (--due).
    Capture(crate::commands::capture::CaptureArgs),
    /// List snapshots.
    History(records::HistoryArgs),
    /// Show the audit log: who did what, when.
    Audit(records::AuditArgs),
    /// Trusted timestamps (RFC 3161): retry the pending ones, or check a
    /// snapshot's manifest and tokens offline.
    Timestamp(crate::commands::timestamp::TimestampArgs),
    /// Which channels are being captured now, and from which computer (the
    /// register's claims, on a shared register every desktop's).
    Claims(crate::commands::claims::ClaimsArgs),
    /// What is due and overdue, per board and unit.
    Due(crate::commands::due::DueArgs),
    /// Overview for managers: last good snapshot, next due, failures, per board and unit.
    Coverage(crate::commands::coverage::CoverageArgs),
    /// Show or change the organisation settings.
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Export snapshots as an archive package (FGS 2.0 / E-ARK SIP), zip or tar.
    Export(crate::commands::package::ExportArgs),
    /// Verify an archive package: checksums, sizes, references, schemas, sidecar.
    Verify(crate::commands::package::VerifyArgs),
    /// Mark a closing channel closed, given the verified package of its pre-closure snapshot.
    CloseComplete(crate::commands::package::CloseCompleteArgs),
    /// Removal records (borttaget innehåll): what was removed, hidden or blocked, and why.
    #[command(subcommand)]
    Removal(crate::commands::removal::RemovalCmd),
    /// Diary numbers (diarienummer) of snapshots and removal records.
    #[command(subcommand)]
    Diary(crate::commands::removal::DiaryCmd),
    /// Retention rules (bevaras / gallras) per document kind and board.
    #[command(subcommand)]
    Retention(crate::commands::dispose::RetentionCmd),
    /// Legal holds: snapshots and removal records that are not disposed of.
    #[command(subcommand)]
    Hold(crate::commands::dispose::HoldCmd),
    /// Disposal (gallring): --dry-run lists what is due, --confirm disposes of it; `log` shows the log.
    Dispose(crate::commands::dispose::DisposeArgs),
    /// Personal-data / secrecy marks (skyddsmarkering) of snapshots and removal records.
    #[command(subcommand)]
    Mark(crate::commands::mark::MarkCmd),
    /// What changed between two snapshots (text, changed regions, identity).
    Compare(crate::commands::changes::CompareArgs),
    /// Suggested major changes: list them, dismiss one, or register one (capture now).
    #[command(subcommand)]
    Changes(crate::commands::changes::ChangesCmd),
    /// Roles: who may do what (handlaggare, arkivarie, chef, administrator).
    #[command(subcommand)]
    Role(crate::commands::role::RoleCmd),
    /// The organisation's boards and units, which channels pick theirs from.
    #[command(subcommand)]
    Org(crate::commands::org::OrgCmd),
    /// Move the local register (SQLite in the data directory) into an empty
    /// PostgreSQL database, checked row by row and file by file; the data
    /// directory then belongs to that shared register.
    Migrate(crate::commands::migrate::MigrateArgs),
}
