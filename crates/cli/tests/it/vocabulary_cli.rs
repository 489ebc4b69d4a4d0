//! h-cli11: every text report of the CLI follows `--lang` (issue 11): the
//! channel list, history, due, coverage, removal list and show, roles,
//! marks, the register's import and export, reindex, timestamp, settings,
//! changes, diary numbers, holds, the disposal log and capture's summary.
//! Swedish holds no English word; `--lang en` is English; `--json` is the
//! same data in both.

use std::path::Path;

use ogonblick_model::messages::english::words;
use ogonblick_model::SnapshotReason;

use super::dispose_fixtures::{biblioteket, data_dir, kommunen, open_then, record, snapshot};
use super::{finish, ogonblick, Run};

/// English words of the CLI's old reports, beside the catalogue's list.
const ENGLISH_CLI: &[&str] = &[
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
];

/// `ogonblick --lang LANG ARGS` as the login `provning`.
fn run_as(d: &Path, lang: &str, args: &[&str]) -> Run {
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
fn english_in(text: &str) -> Vec<String> {
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
fn speaks(d: &Path, args: &[&str], code: i32, sv_word: &str, en_word: &str) -> String {
    let sv = swedish(d, args, code, sv_word);
    english(d, args, code, en_word);
    sv
}

/// Runs `args` in Swedish: the output holds `word` and no English word.
fn swedish(d: &Path, args: &[&str], code: i32, word: &str) -> String {
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
fn english(d: &Path, args: &[&str], code: i32, word: &str) {
    let en = run_as(d, "en", args);
    assert_eq!(en.code, code, "en {args:?}: {}", en.stderr);
    let all = format!("{}{}", en.stdout, en.stderr);
    assert!(all.contains(word), "en {args:?}: no '{word}' in:\n{all}");
}

/// `--json` is data: the same in both languages.
fn same_json(d: &Path, args: &[&str]) {
    let sv = run_as(d, "sv", args);
    let en = run_as(d, "en", args);
    assert_eq!(sv.code, 0, "{args:?}: {}", sv.stderr);
    assert_eq!(sv.stdout, en.stdout, "{args:?}");
}

#[test]
fn every_text_report_of_the_cli_speaks_the_chosen_language() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, shot) = data_dir(tmp.path());
    let (ks, other) = {
        let app = open_then(&d);
        let ks = kommunen(&app);
        let other = biblioteket(&app);
        snapshot(
            &app,
            ks,
            "s-halvar",
            SnapshotReason::HalfYearly,
            "https://www.facebook.com/k",
        );
        snapshot(
            &app,
            other,
            "s-enskild",
            SnapshotReason::SingleItem,
            "https://www.facebook.com/p/1",
        );
        record(&app, ks, "r-reklam", "reklam", None, None, &shot);
        (ks.to_string(), other.to_string())
    };
    let at = ["--at", "2025-03-10"];

    // The register and what is due.
    let list = speaks(&d, &["channel", "list"], 0, "PLATTFORM", "PLATFORM");
    assert!(list.contains("fullständig"), "{list}");
    speaks(&d, &["channel", "show", &ks], 0, "nämnd:", "board:");
    speaks(&d, &["history"], 0, "ANLEDNING", "REASON");
    speaks(
        &d,
        &[&["due"][..], &at].concat(),
        0,
        "ANSVARIG",
        "RESPONSIBLE",
    );
    speaks(
        &d,
        &[&["coverage"][..], &at].concat(),
        0,
        "Totalt",
        "In total",
    );
    for args in [
        &["channel", "list", "--json"][..],
        &["history", "--json"],
        &["due", "--at", "2025-03-10", "--json"],
    ] {
        same_json(&d, args);
    }

    // Removal records, marks, diary numbers, holds, disposal.
    speaks(&d, &["removal", "list"], 0, "GRUND", "GROUND");
    speaks(
        &d,
        &["removal", "show", "r-reklam"],
        0,
        "Bevis:",
        "Evidence:",
    );
    speaks(
        &d,
        &["mark", "set", "s-halvar", "--personal-data"],
        0,
        "markerad",
        "marked",
    );
    speaks(&d, &["mark", "list"], 0, "ögonblicksbild", "snapshot");
    speaks(&d, &["history"], 0, "MARKERING", "MARK");
    swedish(&d, &["mark", "clear", "s-halvar"], 0, "borttagen");
    ok_quiet(&d, &["mark", "set", "s-halvar", "--personal-data"]);
    english(&d, &["mark", "clear", "s-halvar"], 0, "removed");
    speaks(
        &d,
        &["diary", "set", "s-enskild", "--number", "KS 2025/7"],
        0,
        "Diarienummer KS 2025/7",
        "Diary number KS 2025/7",
    );
    speaks(
        &d,
        &["hold", "set", "s-enskild", "--reason", "Tvist"],
        0,
        "Tvist",
        "Tvist",
    );
    speaks(&d, &["diary", "keep", "KS 2025/7"], 0, "bevaras", "kept");
    speaks(&d, &["hold", "list"], 0, "undantag", "hold");
    speaks(&d, &["dispose", "log"], 0, "GALLRAD", "DISPOSED");

    // Changes, settings, timestamps, capture with nothing to capture.
    speaks(&d, &["changes", "list"], 0, "JÄMFÖRD MED", "COMPARED WITH");
    speaks(
        &d,
        &["settings", "show"],
        0,
        "standardintervall",
        "default policy",
    );
    speaks(&d, &["timestamp", "--pending"], 0, "väntar", "waiting");
    for id in [&ks, &other] {
        ok_quiet(&d, &["channel", "edit", id, "--policy", "manual"]);
    }
    speaks(
        &d,
        &[&["capture", "--due"][..], &at].concat(),
        0,
        "Inget att fånga",
        "Nothing to capture",
    );

    // The register as CSV, out and into a new data directory; reindex.
    let csv = tmp.path().join("register.csv");
    let csv = csv.to_str().unwrap();
    speaks(
        &d,
        &["register", "export", csv],
        0,
        "exporterade",
        "Exported",
    );
    let fresh = tmp.path().join("ny");
    let sv = run_as(&fresh, "sv", &["register", "import", csv]);
    assert_eq!(sv.code, 0, "{}", sv.stderr);
    assert!(sv.stdout.contains("importerade"), "{}", sv.stdout);
    assert!(english_in(&sv.stdout).is_empty(), "{}", sv.stdout);
    speaks(&d, &["reindex"], 0, "återuppbyggt", "Rebuilt");

    // Roles, last: the first roles make `provning` an administrator.
    speaks(
        &d,
        &["role", "set", "annika", "--role", "arkivarie"],
        0,
        "arkivarie",
        "arkivarie",
    );
    speaks(&d, &["role", "list"], 0, "ROLLER", "ROLES");
    swedish(&d, &["role", "remove", "annika"], 0, "inga roller");
    ok_quiet(&d, &["role", "set", "annika", "--role", "arkivarie"]);
    english(&d, &["role", "remove", "annika"], 0, "no roles");
}

fn ok_quiet(d: &Path, args: &[&str]) {
    let r = run_as(d, "en", args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
}
