//! h-cli11: every text report of the CLI follows `--lang` (issue 11): the
//! channel list, history, due, coverage, removal list and show, roles,
//! marks, the register's import and export, reindex, timestamp, settings,
//! changes, diary numbers, holds, the disposal log and capture's summary;
//! (h-voc5) removal certify, correct, grounds and report, retention, the
//! audit log, channel responsible and org list. Swedish holds no English
//! word; `--lang en` is English; `--json` is the same data in both; the
//! labels of `removal show` and `settings show` are padded to the widest
//! label of the language.

use ogonblick_model::SnapshotReason;

use super::dispose_fixtures::{biblioteket, data_dir, kommunen, open_then, record, snapshot};
use super::vocabulary_cli_checks::{
    aligned, english, english_in, ok_quiet, run_as, same_json, speaks, swedish, without_actions,
};

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
    // h-voc5: certify, correct (forwarded: the longest Swedish label).
    speaks(
        &d,
        &["removal", "certify", "r-reklam", "--by", "Berit"],
        0,
        "bestyrkt (version",
        "certified (version",
    );
    swedish(
        &d,
        &["removal", "correct", "r-reklam", "--forwarded-to", "Sara"],
        0,
        "rättad (version",
    );
    english(
        &d,
        &["removal", "correct", "r-reklam", "--author", "Bo"],
        0,
        "corrected (version",
    );
    let shown = speaks(
        &d,
        &["removal", "show", "r-reklam"],
        0,
        "Bevis:",
        "Evidence:",
    );
    assert!(shown.contains("Vidarebefordrad:"), "{shown}");
    aligned(shown.split("Versioner:").next().unwrap());
    for args in [
        &["removal", "show", "r-reklam", "--json"][..],
        &["removal", "list", "--json"],
    ] {
        same_json(&d, args);
    }

    // The organisation's removal grounds: added, reworded, retired, listed.
    swedish(
        &d,
        &[
            "removal", "grounds", "add", "--short", "spam", "--sv", "Skräp",
        ],
        0,
        "har lagts till",
    );
    english(
        &d,
        &[
            "removal", "grounds", "add", "--short", "spam2", "--sv", "Skräp 2",
        ],
        0,
        "added",
    );
    swedish(
        &d,
        &["removal", "grounds", "edit", "spam", "--sv", "Skräppost"],
        0,
        "ny lydelse",
    );
    english(
        &d,
        &["removal", "grounds", "edit", "spam2", "--sv", "Skräppost 2"],
        0,
        "reworded",
    );
    swedish(&d, &["removal", "grounds", "retire", "spam"], 0, "ur bruk");
    english(&d, &["removal", "grounds", "retire", "spam2"], 0, "retired");
    // The list holds each ground's English wording: its headings and
    // words are Swedish.
    let grounds = run_as(&d, "sv", &["removal", "grounds"]);
    assert_eq!(grounds.code, 0, "{}", grounds.stderr);
    let head = grounds.stdout.lines().next().unwrap_or_default();
    assert!(
        head.contains("GRUND") && head.contains("PÅ SVENSKA") && head.contains("PÅ ENGELSKA"),
        "{head}"
    );
    assert!(english_in(head).is_empty(), "{head}");
    let spam = grounds
        .stdout
        .lines()
        .find(|l| l.starts_with("spam "))
        .unwrap();
    assert!(spam.ends_with("ur bruk"), "{spam}");
    english(&d, &["removal", "grounds"], 0, "IN ENGLISH");
    same_json(&d, &["removal", "grounds", "--json"]);

    // The period report's line (the report itself: issue 11's documents).
    let report = |lang: &str| {
        let out = tmp.path().join(format!("rapport-{lang}.csv"));
        [
            "removal",
            "report",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--out",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([out.to_str().unwrap().to_string()])
        .collect::<Vec<_>>()
    };
    let (sv, en) = (report("sv"), report("en"));
    let sv: Vec<&str> = sv.iter().map(String::as_str).collect();
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    swedish(&d, &sv, 0, "Rapporten om borttaget innehåll är skriven");
    english(&d, &en, 0, "Removal report with 1 record written");
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

    // h-voc5: the retention rules, the audit log, responsible people in
    // bulk, the organisation's boards.
    for rule in [
        &["--kind", "snapshot:half-yearly", "--dispose-after", "2y"][..],
        &["--kind", "removal-action:raderad", "--keep"],
        &["--kind", "report", "--dispose-after", "18m"],
    ] {
        let mut args = vec![
            "retention",
            "set",
            "--decision",
            "KS 2019/233",
            "--deliver-first",
        ];
        args.extend(rule);
        ok_quiet(&d, &args);
    }
    let rules = speaks(
        &d,
        &["retention", "show"],
        0,
        "gallras efter 2 år",
        "dispose after 2y",
    );
    for want in [
        "BEVARANDE OCH GALLRING",
        "LEVERERAS FÖRE GALLRING",
        "ögonblicksbilder (halvårsvis)",
        "borttaget innehåll (raderad)",
        "gallras efter 18 månader",
        "bevaras",
    ] {
        assert!(rules.contains(want), "no '{want}' in:\n{rules}");
    }
    english(&d, &["retention", "show"], 0, "snapshot:half-yearly");
    english(&d, &["retention", "show"], 0, "DELIVER FIRST");
    same_json(&d, &["retention", "show", "--json"]);
    let audit = run_as(&d, "sv", &["audit"]);
    assert_eq!(audit.code, 0, "{}", audit.stderr);
    for want in [
        "HÄNDELSE",
        "UTFÖRD AV",
        "Grunden spam för borttagning togs ur bruk",
    ] {
        assert!(
            audit.stdout.contains(want),
            "no '{want}' in:\n{}",
            audit.stdout
        );
    }
    let english_words = english_in(&without_actions(&audit.stdout));
    assert!(
        english_words.is_empty(),
        "{english_words:?} in:\n{}",
        audit.stdout
    );
    english(&d, &["audit"], 0, "removal ground spam retired");
    english(&d, &["audit"], 0, "DETAIL");
    same_json(&d, &["audit", "--json"]);
    swedish(
        &d,
        &[
            "channel",
            "responsible",
            &ks,
            &other,
            "--responsible",
            "Karin",
        ],
        0,
        "ANSVARIG",
    );
    english(
        &d,
        &["channel", "responsible", &ks, "--substitute", "Ola"],
        0,
        "SUBSTITUTE",
    );
    speaks(
        &d,
        &["org", "list"],
        0,
        "ingen lista över nämnder",
        "no list of boards",
    );

    // Changes, settings, timestamps, capture with nothing to capture.
    speaks(&d, &["changes", "list"], 0, "JÄMFÖRD MED", "COMPARED WITH");
    ok_quiet(
        &d,
        &["settings", "set", "--submission-agreement", "LÖ 2025/1"],
    );
    let settings = speaks(
        &d,
        &["settings", "show"],
        0,
        "standardintervall",
        "default policy",
    );
    // Two blocks (the organisation, the timestamps), each padded to its
    // widest Swedish label ("leveransöverenskommelse", "rotcertifikat för
    // tidsstämplar"), counted in characters.
    let lines: Vec<&str> = settings.lines().collect();
    aligned(&lines[..6].join("\n"));
    aligned(&lines[6..].join("\n"));
    same_json(&d, &["settings", "show", "--json"]);
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
