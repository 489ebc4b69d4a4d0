//! The runs of `every_text_report_of_the_cli_speaks_the_chosen_language`
//! (`vocabulary_cli.rs`) in Swedish and in English, and the checks of their
//! output: no English word in Swedish, labels padded to one column, the same
//! `--json` in both.

use std::path::Path;

use ogonblick_model::messages::english::words;

use super::{finish, ogonblick, Run};

/// English words of the CLI's old reports, beside the catalogue's list.
pub(super) const ENGLISH_CLI: &[&str] = &[
    "never",
    "yes",
    "name",
    "platform",
    "board",
    "last",
    "reason",
    "pages",
    "operator",
    "diary",
    "removed",
    "kind",
    "action",
    "ground",
    "police",
    "certified",
    "record",
    "roles",
    "units",
    "login",
    "what",
    "disposed",
    "files",
    "coverage",
    "total",
    "rebuilt",
    "imported",
    "exported",
    "marked",
    "waiting",
    "authorities",
    "suggestion",
    "changed",
    "compared",
    "hold",
    "kept",
    "evidence",
    "versions",
    "published",
    "author",
    "responsible",
    "substitute",
    "why",
    "next",
    "failures",
    "started",
    "mark",
    "number",
    "policy",
    "roots",
    "timeout",
    "nothing",
    "capture",
    "everyone",
    "set",
    "at",
    "on",
    "yet",
    // h-voc5
    "certified",
    "corrected",
    "added",
    "reworded",
    "retired",
    "english",
    "swedish",
    "retention",
    "dispose",
    "after",
    "keep",
    "deliver",
    "first",
    "seq",
    "actor",
    "detail",
    "report",
    "written",
    "boards",
];

/// `ogonblick --lang LANG ARGS` as the login `provning`.
pub(super) fn run_as(d: &Path, lang: &str, args: &[&str]) -> Run {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir")
        .arg(d)
        .arg("--operator")
        .arg("Testare")
        .arg("--lang")
        .arg(lang)
        .args(args);
    cmd.env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .env("USER", "provning");
    finish(cmd.output().expect("run ogonblick"))
}

/// The English words in `text`, commands in backticks left out.
pub(super) fn english_in(text: &str) -> Vec<String> {
    let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    words(&prose)
        .filter(|w| {
            ogonblick_model::messages::english::ENGLISH.contains(&w.as_str())
                || ENGLISH_CLI.contains(&w.as_str())
        })
        .collect()
}

/// Runs `args` in Swedish and in English (each run must exit `code`):
/// the Swedish output (stdout and stderr) holds `sv_word` and no English
/// word, the English one holds `en_word`. Returns the Swedish stdout.
pub(super) fn speaks(d: &Path, args: &[&str], code: i32, sv_word: &str, en_word: &str) -> String {
    let sv = swedish(d, args, code, sv_word);
    english(d, args, code, en_word);
    sv
}

/// Runs `args` in Swedish: the output holds `word` and no English word.
pub(super) fn swedish(d: &Path, args: &[&str], code: i32, word: &str) -> String {
    let sv = run_as(d, "sv", args);
    assert_eq!(sv.code, code, "sv {args:?}: {}", sv.stderr);
    let all = format!("{}{}", sv.stdout, sv.stderr);
    assert!(all.contains(word), "sv {args:?}: no '{word}' in:\n{all}");
    let english = english_in(&all);
    assert!(
        english.is_empty(),
        "sv {args:?}: English {english:?} in:\n{all}"
    );
    sv.stdout
}

/// Runs `args` in English: the output holds `word`.
pub(super) fn english(d: &Path, args: &[&str], code: i32, word: &str) {
    let en = run_as(d, "en", args);
    assert_eq!(en.code, code, "en {args:?}: {}", en.stderr);
    let all = format!("{}{}", en.stdout, en.stderr);
    assert!(all.contains(word), "en {args:?}: no '{word}' in:\n{all}");
}

/// The text without the audit log's actions (`channel.add`, `mark.set`:
/// stable verbs, like ids, the same in both languages).
pub(super) fn without_actions(text: &str) -> String {
    text.split(' ')
        .filter(|t| {
            let parts: Vec<&str> = t.split('.').collect();
            parts.len() < 2
                || !parts.iter().all(|p| {
                    !p.is_empty()
                        && p.chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The column (in characters) at which the value of each `label: value`
/// line starts, for the lines of `text` that have a value.
fn value_columns(text: &str) -> Vec<(String, usize)> {
    text.lines()
        .filter_map(|l| {
            let (label, rest) = l.split_once(':')?;
            if label.starts_with(' ') || rest.trim().is_empty() {
                return None;
            }
            let pad = rest.chars().take_while(|c| *c == ' ').count();
            Some((label.to_string(), label.chars().count() + 1 + pad))
        })
        .collect()
}

/// The lines of `text` (a block of `label: value` lines) all start their
/// values in one column, past the widest label.
pub(super) fn aligned(text: &str) {
    let cols = value_columns(text);
    assert!(cols.len() > 1, "{text}");
    let first = cols[0].1;
    for (label, col) in &cols {
        assert_eq!(*col, first, "'{label}:' is not aligned in:\n{text}");
        assert!(label.chars().count() + 2 <= *col, "{label} in:\n{text}");
    }
}

/// `--json` is data: the same in both languages.
pub(super) fn same_json(d: &Path, args: &[&str]) {
    let sv = run_as(d, "sv", args);
    let en = run_as(d, "en", args);
    assert_eq!(sv.code, 0, "{args:?}: {}", sv.stderr);
    assert_eq!(sv.stdout, en.stdout, "{args:?}");
}

pub(super) fn ok_quiet(d: &Path, args: &[&str]) {
    let r = run_as(d, "en", args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
}
