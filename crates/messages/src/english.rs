//! The check that a Swedish text holds no English: words that are English
//! and never Swedish, matched as whole words. Used by the catalogue's tests
//! and by the tests of documents written in Swedish (the packages').

/// Words that are English and never Swedish.
pub const ENGLISH: &[&str] = &[
    "the",
    "and",
    "could",
    "not",
    "snapshot",
    "snapshots",
    "channel",
    "channels",
    "page",
    "failed",
    "please",
    "error",
    "found",
    "was",
    "were",
    "is",
    "are",
    "of",
    "to",
    "check",
    "try",
    "again",
    "window",
    "due",
    "overdue",
    "taken",
    "closed",
    "save",
    "choose",
    "file",
    "package",
    "archive",
    "by",
    "with",
    "this",
    "that",
    "no",
    "none",
    "run",
    "cancelled",
    "address",
    "server",
    "site",
];

/// The words of `s`, lower-cased.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// The English words in `s` (as [`ENGLISH`] lists them), in order.
pub fn english_words(s: &str) -> Vec<String> {
    words(s).filter(|w| ENGLISH.contains(&w.as_str())).collect()
}
