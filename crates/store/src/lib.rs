//! The channel register (embedded SQLite) and the self-describing file store.
//!
//! # The data directory
//!
//! ```text
//! <data>/
//!   ogonblick.sqlite                  the register database (WAL mode); an index
//!                                     that `reindex` can rebuild from the files
//!   settings.json                     the organisation settings (mirror)
//!   audit.jsonl                       append-only mirror of the audit log, one
//!                                     model::AuditEntry as JSON per line (with
//!                                     its typed `event`; lines of older versions
//!                                     have none and are read from `detail`)
//!   channels/<id>/channel.json        the channel's register entry
//!                                     (model::Channel), rewritten atomically on
//!                                     every change
//!   imports/<first>-<last>.json       the entries of channels imported together
//!                                     (a channel's own channel.json, once
//!                                     written, takes precedence)
//!   imports/<first>-<last>.lock       held while an import writes that file
//!   channels/<id>/snapshots/<snapshot-id>/
//!       snapshot.json                 model::SnapshotManifest: the snapshot, its
//!                                     pages, files with SHA-256, and the channel
//!                                     entry as it was at the time
//!       <files>                       the PNG/PDF files named in snapshot.json
//!       manifest-sha256.txt           every file above with its SHA-256
//!                                     (sha256sum format), written at commit
//!       manifest-sha256.txt.<n>.tsr   RFC 3161 replies over the manifest
//!       timestamp.json                model::SnapshotTimestamp, when
//!                                     authorities were configured
//!   channels/<id>/removals/<record-id>/
//!       removal.json                  model::RemovalManifest: every version of
//!                                     the removal record, oldest first
//!       screenshot.<png|jpg|pdf>      a screenshot supplied by hand, if any
//!   removal-grounds.json              the organisation's removal grounds (mirror)
//!   disposal-log.jsonl                the disposal log (gallringsprotokoll), one
//!                                     model::DisposalLogLine per line: append-only,
//!                                     kept for ever (mirrored in `disposal_log`)
//!   staging/dispose-<disposal-id>/    a document being disposed of; the next
//!                                     open finishes it (see `store/disposal.rs`)
//!   tsa-ca/ca-<n>.pem                 the time-stamping authorities' roots
//!   staging/<snapshot-id>@<writer>/   a snapshot being captured (never final),
//!                                     <writer> = <host>.<pid>.<nonce> of its process
//!   staging/removal-<record-id>/      a removal record being written
//!   staging/<snapshot-id>@<writer>.lock  held (OS file lock) while a capture runs
//! ```
//!
//! # Invariants
//!
//! * The store never holds a snapshot file without its record, and no record
//!   points at a missing file: captures write into `staging/`, and
//!   [`Store::commit_snapshot`] verifies every file's size and SHA-256, writes
//!   `snapshot.json`, fsyncs, and only then renames the folder into
//!   `channels/<id>/snapshots/` and inserts the database row (waiting while
//!   another program holds the write lock). If the insert fails, the folder
//!   is complete and self-describing; the next open records it, and so does
//!   `reindex`.
//! * A register import is all rows or none, also when killed: one
//!   transaction, then one set file (see `import.rs`).
//! * Every file under a final name was written to a temporary name in the
//!   same directory, fsynced and renamed.
//! * The database can always be rebuilt from the files ([`Store::reindex`]):
//!   channel ids, snapshot ids, history and audit log survive.
//! * The audit log is append-only (database triggers refuse UPDATE and DELETE).
//! * The schedule's summary of a snapshot (its row's `whole_channel`, reason,
//!   status and times) is written by the same INSERT as the row, so `due` and
//!   `coverage` read it instead of the manifests (see `store/summary.rs`).
//! * A disposed document is gone with all its files or kept whole, also when
//!   killed: the intent (every file's SHA-256) is logged first, the folder
//!   leaves in one rename, the rows go with the log row in one transaction,
//!   and the next open finishes or rolls back ([`Store::dispose`]).
//! * A page address (normalised, see [`normalise_url`]) belongs to at most
//!   one channel, and passes [`validate_url`], the same check the capture
//!   makes.

mod channel_query;
mod error;
pub mod fsutil;
mod import;
pub mod migrations;
pub mod pg;
mod recover;
mod register;
mod register_csv;
mod register_ext;
mod register_sqlite;
mod report_rows;
mod store;
mod validate;

pub use error::{RowError, StoreError};
pub use import::{Import, ImportRow, OrgTakeIn, UrlOwners};
pub use register::{Backend, ChangeStamp, ChannelRevision, DisposalLock, OrgChangeFn, Register};
pub use register_csv::{Delimiter, ImportReport};
pub use register_ext::RegisterExt;
pub use report_rows::{GoodTimes, ReportRow};
pub use store::{
    sniff_screenshot, staging_owner, ChannelFilter, ChannelHistorySummary, Claim, LatestGood,
    OrgChange, ReindexReport, ResponsibleEdit, SnapshotBrief, SnapshotLine, Staging, Store,
    SuppliedSource, DB_FILE_NAME, MAX_SUPPLIED_FILE, OPEN_LOCK_FILE, ROLES_FILE, TSA_CA_DIR,
};
pub use validate::{normalise_url, validate_url};

/// Re-exported so that tests and tools can reach the PostgreSQL server directly.
pub use postgres;
/// Re-exported so that tests and tools can open the database directly.
pub use rusqlite;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
