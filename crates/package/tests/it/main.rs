//! Integration tests of ogonblick-package: real PNG/PDF files, real zip/tar
//! containers, real xmllint and E-ARK's own validator.

mod documents_language;
mod fixtures;
mod golden;
mod hardening;
mod hostile;
mod metadata_language;
mod package;
mod package_forms;
mod real_capture;
mod removals;
mod safety;
mod single_address;
mod tamper;
mod validators;
mod web_archive;
mod zipcraft;
