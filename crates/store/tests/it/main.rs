//! Integration tests of the store: real SQLite, real files.

mod channels;
mod common;
mod conformance;
mod csv_io;
mod disposal;
mod memory;
mod migrations;
mod pg_clock;
mod pg_disposal_lock;
mod pg_migrations;
mod recovery;
mod removals;
mod snapshots;
mod summary;
