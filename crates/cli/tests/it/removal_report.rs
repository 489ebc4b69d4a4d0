//! `ogonblick removal report`: the period report as PDF/A (validated) and as
//! CSV (parsed back), its filters, hostile text in records, and bad input.

use std::io::Read;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serde_json::Value;

use super::{facebook_args, json, ok, user_error};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-rest-of-a-screenshot";

fn channel(d: &Path, name: &str, url: &str, board: &str) -> String {
    ok(d, &facebook_args(name, url, &["--board", board]))
        .trim()
        .to_string()
}

fn add(d: &Path, shot: &Path, ch: &str, url: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "removal",
        "add",
        "--channel",
        ch,
        "--url",
        url,
        "--kind",
        "kommentar",
        "--file",
        shot.to_str().unwrap(),
        "--json",
    ];
    args.extend(extra);
    json(d, &args)
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn aspose_validate(pdf: &Path) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/validators");
    assert!(
        root.join("node_modules/asposepdfnodejs").exists(),
        "tests/validators/node_modules is missing: run `npm install` in tests/validators"
    );
    let out = Command::new("node")
        .arg(root.join("pdfa-validate.cjs"))
        .arg(pdf)
        .output()
        .expect("node");
    let s = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(s.trim()).unwrap_or_else(|e| panic!("validator: {e}: {s}"))
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a BOM");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn the_period_report_as_pdfa_and_csv_with_filters() {
    // A server that counts what reaches it: the report must fetch nothing.
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = server.local_addr().unwrap().port();
    let hits = Arc::new(AtomicUsize::new(0));
    {
        let hits = hits.clone();
        std::thread::spawn(move || {
            for mut s in server.incoming().flatten() {
                hits.fetch_add(1, Ordering::SeqCst);
                let _ = s.read(&mut [0u8; 512]);
            }
        });
    }
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let out = tmp.path().join("ut");
    std::fs::create_dir(&out).unwrap();
    let shot = tmp.path().join("skärmbild.png");
    std::fs::write(&shot, PNG).unwrap();
    let nacka = channel(
        &d,
        "Nacka kommun",
        "https://www.facebook.com/nacka",
        "Kommunstyrelsen",
    );
    let bibl = channel(
        &d,
        "Biblioteket",
        "https://www.facebook.com/bibl",
        "Kulturnämnden",
    );
    let hostile_author = "<script>document.title='x'</script>Arg</td></tr>";
    let hostile_text = format!("<img src=http://127.0.0.1:{port}/spy.png> hej");
    let r1 = add(
        &d,
        &shot,
        &nacka,
        "https://www.facebook.com/nacka/posts/1?comment_id=11",
        &[
            "--ground",
            "hot",
            "--author",
            hostile_author,
            "--text",
            &hostile_text,
            "--police-report",
            "5000-K123-26",
        ],
    );
    let r2 = add(
        &d,
        &shot,
        &nacka,
        "https://www.facebook.com/nacka/posts/2?comment_id=22",
        &[
            "--ground",
            "annat",
            "--ground-text",
            "Spam om ölbryggeri på Åland",
            "--action",
            "dold",
        ],
    );
    let r3 = add(
        &d,
        &shot,
        &bibl,
        "https://www.facebook.com/bibl/posts/3?comment_id=33",
        &["--ground", "hot", "--diary", "KUN 2026/7"],
    );
    let ids: Vec<&str> = [&r1, &r2, &r3]
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    ok(&d, &["removal", "certify", ids[0], "--by", "Pär Ähl"]);
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive()
        .to_string();

    // PDF/A, Swedish, every channel.
    let pdf = out.join("rapport.pdf");
    let s = json(
        &d,
        &[
            "removal",
            "report",
            "--from",
            &today,
            "--to",
            &today,
            "--out",
            pdf.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(s["records"], 3);
    assert_eq!(s["format"], "pdf");
    assert_eq!(files_in(&out), ["rapport.pdf"]);
    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Rapport över borttaget innehåll",
        "Urval: alla kanaler",
        "Antal borttagningar: 3",
        "Per grund",
        "Per åtgärd",
        "Upprättad",
        "av Testare",
        "Annat: Spam om ölbryggeri på Åland",
        "5000-K123-26",
        "KUN 2026/7",
        "Pär Ähl",
        "Kommunstyrelsen",
        "Kulturnämnden",
        "egen skärmbild skärmbild.png",
        // The hostile text is shown as text.
        "<script>document.title='x'</script>Arg</td></tr>",
        "spy.png> hej",
    ] {
        assert!(flat.contains(want), "{want:?} not in {flat}");
    }
    for id in &ids {
        assert!(flat.contains(id), "{id} not in the PDF");
    }
    for n in ["comment_id=11", "comment_id=22", "comment_id=33"] {
        assert!(flat.contains(n), "{n} not in {flat}");
    }
    // The counts: two on "Hot", one "dold", two "raderad".
    assert!(flat.contains("Hot 2"), "{flat}");
    assert!(flat.contains("Annat 1"), "{flat}");
    assert!(
        flat.contains("raderad 2") && flat.contains("dold 1"),
        "{flat}"
    );
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "the report fetched something"
    );
    let v = aspose_validate(&pdf);
    assert_eq!(v["compliant"], Value::Bool(true), "PDF/A validation: {v}");

    // CSV: one row per record with the columns, in English.
    let csv = out.join("rapport.csv");
    ok(
        &d,
        &[
            "removal",
            "report",
            "--from",
            &today,
            "--to",
            &today,
            "--out",
            csv.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0][0], "Record");
    assert_eq!(rows[0].len(), 18);
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let first = rows.iter().find(|r| r[0] == ids[0]).unwrap();
    assert_eq!(first[col("Author (as shown)")], hostile_author);
    assert_eq!(first[col("Ground")], "Threat");
    assert_eq!(first[col("The item's text (as captured)")], hostile_text);
    assert_eq!(first[col("Police report")], "yes, 5000-K123-26");
    assert!(first[col("Certified by")].starts_with("Pär Ähl, "));
    assert_eq!(first[col("Channel")], "Nacka kommun");
    assert_eq!(first[col("Board")], "Kommunstyrelsen");
    assert_eq!(
        first[col("Checksum (SHA-256)")],
        r1["evidence"]["sha256"].as_str().unwrap()
    );
    let second = rows.iter().find(|r| r[0] == ids[1]).unwrap();
    assert_eq!(second[col("Ground")], "Other: Spam om ölbryggeri på Åland");
    assert_eq!(second[col("Action")], "hidden");

    // Filters: a channel, a board.
    let one = out.join("kanal.csv");
    ok(
        &d,
        &[
            "removal",
            "report",
            "--from",
            &today,
            "--to",
            &today,
            "--out",
            one.to_str().unwrap(),
            "--channel",
            &bibl,
        ],
    );
    let rows = read_csv(&one);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], ids[2]);
    let board = out.join("nämnd.csv");
    ok(
        &d,
        &[
            "removal",
            "report",
            "--from",
            &today,
            "--to",
            &today,
            "--out",
            board.to_str().unwrap(),
            "--board",
            "Kommunstyrelsen",
        ],
    );
    let rows = read_csv(&board);
    let mut got: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    got.sort();
    let mut want = vec![ids[0], ids[1]];
    want.sort();
    assert_eq!(got, want);

    // An earlier period: a report saying nothing was removed.
    let empty = out.join("tom.pdf");
    let s = json(
        &d,
        &[
            "removal",
            "report",
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--out",
            empty.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(s["records"], 0);
    let text = pdftotext(&empty);
    assert!(
        text.contains("Inga borttagningar registrerades under perioden."),
        "{text}"
    );
    let audit = json(&d, &["audit", "--json"]);
    let reports = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "removal.report")
        .count();
    assert_eq!(reports, 5);
}

#[test]
fn bad_report_requests_are_refused_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let out = tmp.path().join("ut");
    std::fs::create_dir(&out).unwrap();
    channel(
        &d,
        "Nacka",
        "https://www.facebook.com/nacka",
        "Kommunstyrelsen",
    );
    let pdf = out.join("r.pdf");
    let p = pdf.to_str().unwrap();
    let txt = out.join("r.txt");
    let nofolder = out.join("saknas").join("r.csv");
    let audit_before = json(&d, &["audit", "--json"]);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--from", "2026-02-01", "--to", "2026-01-01", "--out", p],
            "is after its end",
        ),
        (
            vec!["--from", "igår", "--to", "2026-01-01", "--out", p],
            "is not a date",
        ),
        (
            vec!["--from", "2026-01-01", "--to", "2026-13-01", "--out", p],
            "is not a date",
        ),
        (
            vec![
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--out",
                p,
                "--channel",
                "42",
            ],
            "no channel has id 42",
        ),
        (
            vec![
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--out",
                p,
                "--board",
                "Ingen",
            ],
            "the known boards are Kommunstyrelsen",
        ),
        (
            vec![
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--out",
                txt.to_str().unwrap(),
            ],
            "ends neither in .pdf nor in .csv",
        ),
        (
            vec![
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--out",
                nofolder.to_str().unwrap(),
            ],
            "does not exist",
        ),
    ];
    for (extra, want) in &cases {
        let mut args = vec!["removal", "report"];
        args.extend(extra);
        let msg = user_error(&d, &args);
        assert!(msg.contains(want), "{args:?}: {msg}");
    }
    // A folder without write permission (unless running as root).
    let ro = tmp.path().join("skrivskyddad");
    std::fs::create_dir(&ro).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    // Root writes anyway: then there is nothing to refuse.
    if std::fs::write(ro.join("probe"), b"").is_err() {
        let f = ro.join("r.csv");
        let msg = user_error(
            &d,
            &[
                "removal",
                "report",
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--out",
                f.to_str().unwrap(),
            ],
        );
        assert!(msg.contains("cannot write"), "{msg}");
    }
    assert!(files_in(&out).is_empty(), "{:?}", files_in(&out));
    assert_eq!(json(&d, &["audit", "--json"]), audit_before);
}
