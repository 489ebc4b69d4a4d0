//! Integration tests of the store: real SQLite, real files.

mod channels;
mod common;
mod csv_io;
mod disposal;
mod migrations;
mod recovery;
mod removals;
mod snapshots;
