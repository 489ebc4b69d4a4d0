//! The package's human-readable documents (the PDF/A inventory and
//! how-the-snapshots-were-taken.md) in the organisation's language
//! (`PackageOrg::language`, issue 19): in Swedish with no English inside and
//! Swedish numbers, sizes and dates; in English when English. One export per
//! language of the fixture with removal records, marks, a one-address
//! capture, a failed page and a cut feed; the inventory checked as PDF/A.

use std::path::Path;
use std::process::Command;

use ogonblick_messages::english::english_words;
use ogonblick_messages::format::{integer, size};
use ogonblick_model::{Language, Message, SnapshotManifest, SnapshotReason, SnapshotStatus};

use crate::fixtures::export;
use crate::package::zip_entries;
use crate::removals::request_with_removals;

/// The package's two documents as text (the inventory through pdftotext),
/// and the size of one data file (to find it in the inventory).
struct Docs {
    how: String,
    inventory: String,
    png_size: u64,
}

fn export_in(lang: Language, dir: &Path) -> Docs {
    let mut req = request_with_removals(&dir.join("store"));
    req.org.language = lang;
    // A cut feed and a diary number on the first snapshot; the second a
    // one-address capture whose page failed.
    {
        let (m, folder) = &mut req.snapshots[0];
        m.snapshot.pages[0].report.truncated = Some(Message::TruncatedHeightCap { cap: 20000 });
        m.snapshot.diary_number = Some("KFN 2026/7".into());
        write_manifest(m, folder);
    }
    {
        let (m, folder) = &mut req.snapshots[1];
        let url = m.snapshot.pages[0].url.clone();
        m.snapshot.single_address = Some(url.clone());
        m.snapshot.reason = SnapshotReason::SingleItem;
        m.snapshot.status = SnapshotStatus::Partial;
        m.snapshot.pages[0].ok = false;
        m.snapshot.pages[0].fail_with(Message::PageCrashed { url });
        write_manifest(m, folder);
    }
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(&req, &out).unwrap();
    let e = zip_entries(&s.path);
    let entry = |suffix: &str| {
        e.iter()
            .find(|(k, _)| k.ends_with(suffix))
            .map(|(_, (_, v))| v.clone())
            .unwrap_or_else(|| panic!("no {suffix} in the package"))
    };
    let how = String::from_utf8(entry("/documentation/how-the-snapshots-were-taken.md")).unwrap();
    let pdf = dir.join("inventory.pdf");
    std::fs::write(&pdf, entry("/documentation/inventory.pdf")).unwrap();
    assert_pdfa(&pdf);
    let text = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let png_size = entry("/page-01/screenshot.png").len() as u64;
    // The inventory's lines as one text: a line broken at a space reads on.
    let inventory = String::from_utf8_lossy(&text.stdout)
        .lines()
        .map(|l| l.trim_matches(' '))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Docs {
        how,
        inventory,
        png_size,
    }
}

fn write_manifest(m: &SnapshotManifest, folder: &Path) {
    std::fs::write(
        folder.join(SnapshotManifest::FILE_NAME),
        serde_json::to_vec_pretty(m).unwrap(),
    )
    .unwrap();
}

/// Offline PDF/A validation, as `package_forms` validates the inventory.
fn assert_pdfa(pdf: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/validators");
    let out = Command::new("node")
        .arg(root.join("pdfa-validate.cjs"))
        .arg(pdf)
        .output()
        .expect("node");
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    assert_eq!(v["compliant"], serde_json::json!(true), "{v}");
}

/// The English words of a document's prose: what a reader sees, without
/// paths and addresses (tokens with a `/`, such as the package's own file
/// names) and `code` spans (file names in the Markdown).
fn english_in(text: &str) -> Vec<String> {
    let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    prose
        .split_whitespace()
        .filter(|t| !t.contains('/'))
        .flat_map(english_words)
        .collect()
}

#[test]
fn the_documents_speak_the_organisations_language() {
    let tmp = tempfile::tempdir().unwrap();
    let sv = export_in(Language::Sv, &tmp.path().join("sv"));
    let en = export_in(Language::En, &tmp.path().join("en"));

    // Swedish: the check sees English (the English documents are full of it)…
    assert!(english_in(&en.how).len() > 10, "{}", en.how);
    assert!(english_in(&en.inventory).len() > 10, "{}", en.inventory);
    // …and finds none in the Swedish ones.
    assert_eq!(english_in(&sv.how), Vec::<String>::new(), "{}", sv.how);
    assert_eq!(
        english_in(&sv.inventory),
        Vec::<String>::new(),
        "{}",
        sv.inventory
    );
    for want in [
        "# Hur ögonblicksbilderna togs",
        "ögonblicksbild 11111111-aaaa-4aaa-8aaa-000000000001: anledning halvårsvis, status fullständig",
        "tagen 10 mars 2026 kl. 10:00 UTC av anna.andersson på 30 min",
        "5 delbilder, 3 PDF-sidor, 5,2 s",
        "visningsyta 1280 × 900 px",
        "rullningen stoppades vid höjdgränsen 20000 px",
        "anledning enskild adress, status ofullständig",
        "Enskild adress: https://",
        ": misslyckades med Ögonblick 0.1.0",
        "Orsak: Sidan https://",
        "## Gallring\n\nBevaras",
        "## Borttaget innehåll",
        "kommentar, dold",
    ] {
        assert!(sv.how.contains(want), "{want:?} not in:\n{}", sv.how);
    }
    let bytes = |lang, n| {
        let unit = if lang == Language::Sv {
            "byte"
        } else {
            "bytes"
        };
        format!("{} {unit} ({})", integer(lang, n), size(lang, n))
    };
    for want in [
        "Innehållsförteckning för leveranspaketet uuid-".to_string(),
        "(sida 1 av ".into(),
        "Skapad 11 mars 2026 kl. 09:00 UTC".into(),
        "Organisation: Nacka kommun, organisationsnummer 212000-0167".into(),
        "Gallring: Bevaras".into(),
        "tagen 10 mars 2026 kl. 10:00 UTC – anledning: halvårsvis – status: fullständig – dnr KFN 2026/7"
            .into(),
        "misslyckades: https://".into(),
        "Borttaget innehåll".into(),
        "skydd: känsliga personuppgifter".into(),
        "Filer (SHA-256, storlek, format)".into(),
        bytes(Language::Sv, sv.png_size),
        "Dessutom: METS.xml".into(),
    ] {
        assert!(
            sv.inventory.contains(&want),
            "{want:?} not in:\n{}",
            sv.inventory
        );
    }

    // English when English.
    for want in [
        "# How the snapshots were taken",
        "reason half-yearly, status complete",
        "taken 10 March 2026 at 10:00 UTC by anna.andersson in 30 min",
        "5 slices, 3 PDF pages, 5.2 s",
        "One-address capture: https://",
        "## Retention\n\nPreserved",
        "comment, hidden",
    ] {
        assert!(en.how.contains(want), "{want:?} not in:\n{}", en.how);
    }
    for want in [
        "Table of contents of the submission package uuid-".to_string(),
        "(page 1 of ".into(),
        "Retention: Preserved".into(),
        "reg. no. KFN 2026/7".into(),
        "protection: sensitive personal data".into(),
        bytes(Language::En, en.png_size),
    ] {
        assert!(
            en.inventory.contains(&want),
            "{want:?} not in:\n{}",
            en.inventory
        );
    }
    for sv_word in ["Förteckning", "Gallring", "delbilder", "ögonblicksbild "] {
        assert!(
            !en.how.contains(sv_word) && !en.inventory.contains(sv_word),
            "{sv_word}"
        );
    }
}
