use std::path::PathBuf;

use ogonblick_model::messages::IoAction;
use ogonblick_model::{Blocks, ErrorCode, Language, Message};

/// The errors of one CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row number as a spreadsheet shows it (the header is row 1).
    pub row: u64,
    /// What is wrong with the row, each a sentence of the catalogue.
    pub messages: Vec<Message>,
}

impl RowError {
    /// The row's problems as one sentence of the catalogue.
    pub fn message(&self) -> Message {
        Message::CsvRow {
            row: self.row,
            problems: self.messages.clone(),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Language::En))
    }
}

/// Everything that can go wrong in the store. Messages are sentences that
/// say what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Bad input: the message says what to change.
    #[error("{}", .0.render(Language::En))]
    Invalid(Message),
    #[error("{}", .0.render(Language::En))]
    NotFound(Message),
    /// The input conflicts with the register (duplicate address, a status
    /// change out of order, a locked database).
    #[error("{}", .0.render(Language::En))]
    Conflict(Message),
    /// Another program holds the register's write lock longer than we
    /// waited; retrying later helps.
    #[error(
        "the register is busy: another Ögonblick program is writing to it; try again in a moment"
    )]
    Busy,
    /// A CSV import where some rows are wrong; nothing was imported.
    #[error("{} of the rows in the file are wrong and nothing was imported; fix them and import again: {}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" | "))]
    ImportRows(Vec<RowError>),
    /// A file or directory could not be read or written.
    #[error("{}", io_text(*.action, .path, .source))]
    Io {
        action: IoAction,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// No space is left on the disk of the data directory.
    #[error("the disk is full: {0} cannot be written (no space left on the device); make room on the disk, then try again")]
    DiskFull(String),
    /// A snapshot or manifest does not match its files.
    #[error("{}", .0.render(Language::En))]
    Integrity(Message),
    #[error("the register database failed: {0}; if this persists, run `ogonblick reindex` to rebuild it from the files")]
    Sqlite(rusqlite::Error),
    #[error("a JSON file is unreadable: {0}")]
    Json(String),
    /// The PostgreSQL server refused a statement (its sentence).
    #[error("{}", self.message().render(Language::En))]
    Postgres(String),
    /// The machine's problem (a full disk, a folder that cannot be
    /// written), not Ögonblick's: the message says what to do.
    #[error("{}", .0.render(Language::En))]
    Environment(Message),
    /// The PostgreSQL server cannot be reached (or the connection broke).
    #[error("{}", .0.render(Language::En))]
    Unreachable(Message),
}

impl StoreError {
    /// Bad input given as a list of problems (register validation), each a
    /// sentence of its own.
    pub fn invalid_list(problems: Vec<Message>) -> Self {
        StoreError::Invalid(Message::StoreInvalid { problems })
    }

    /// A settings document that no longer reads as its type.
    pub(crate) fn setting_unreadable(key: impl std::fmt::Display, e: serde_json::Error) -> Self {
        StoreError::Integrity(Message::StoreSettingUnreadable {
            key: key.to_string(),
            detail: e.to_string(),
        })
    }

    pub fn io(action: IoAction, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// The sentence as a catalogue message, for the reader's language (an
    /// OS error's text stays a detail).
    pub fn message(&self) -> Message {
        match self {
            StoreError::Invalid(m)
            | StoreError::NotFound(m)
            | StoreError::Conflict(m)
            | StoreError::Integrity(m)
            | StoreError::Unreachable(m)
            | StoreError::Environment(m) => m.clone(),
            StoreError::Busy => Message::StoreBusy {},
            StoreError::ImportRows(rows) => Message::StoreImportRows {
                count: rows.len(),
                rows: Blocks {
                    list: rows.iter().map(RowError::message).collect(),
                },
            },
            StoreError::Io {
                action,
                path,
                source,
            } => Message::StoreIoOf {
                action: *action,
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            StoreError::DiskFull(what) => Message::StoreDiskFull { what: what.clone() },
            StoreError::Sqlite(e) => Message::StoreSqlite {
                detail: e.to_string(),
            },
            StoreError::Json(d) => Message::StoreJson { detail: d.clone() },
            StoreError::Postgres(d) => Message::StorePostgres { detail: d.clone() },
        }
    }

    /// The machine-readable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Invalid(_) | StoreError::ImportRows(_) => ErrorCode::InvalidInput,
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Conflict(_) | StoreError::Busy => ErrorCode::Conflict,
            StoreError::Io { .. }
            | StoreError::DiskFull(_)
            | StoreError::Unreachable(_)
            | StoreError::Environment(_) => ErrorCode::Environment,
            StoreError::Integrity(_)
            | StoreError::Sqlite(_)
            | StoreError::Json(_)
            | StoreError::Postgres(_) => ErrorCode::Internal,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                C::DatabaseBusy | C::DatabaseLocked => return StoreError::Busy,
                // SQLITE_FULL, and SQLITE_IOERR_SHMSIZE: the shared-memory
                // file of the write-ahead log cannot grow, which on Unix
                // means no space is left (without it not even reads work).
                C::DiskFull => return disk_full(),
                C::SystemIoFailure if f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE => {
                    return disk_full()
                }
                // Any other I/O failure is the machine's (a failing or
                // vanished disk), not a fault of Ögonblick's.
                C::SystemIoFailure => {
                    return StoreError::Io {
                        action: IoAction::ReadOrWrite,
                        path: PathBuf::from(crate::store::DB_FILE_NAME),
                        source: std::io::Error::other(format!("{e} ({})", f.extended_code)),
                    }
                }
                C::ReadOnly | C::CannotOpen | C::PermissionDenied => {
                    return StoreError::Io {
                        action: IoAction::Open,
                        path: PathBuf::from(crate::store::DB_FILE_NAME),
                        source: std::io::Error::other(e.to_string()),
                    }
                }
                _ => {}
            }
        }
        StoreError::Sqlite(e)
    }
}

fn disk_full() -> StoreError {
    StoreError::DiskFull(crate::store::DB_FILE_NAME.into())
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Json(e.to_string())
    }
}

fn io_text(action: IoAction, path: &std::path::Path, source: &std::io::Error) -> String {
    Message::StoreIoOf {
        action,
        path: path.display().to_string(),
        detail: source.to_string(),
    }
    .render(Language::En)
}
