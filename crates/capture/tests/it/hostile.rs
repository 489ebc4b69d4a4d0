//! Hostile pages (`/hostile/...` of the fixture site): what a user checks is
//! that nothing landed on their computer, that the report says what the page
//! tried, and that the snapshot holds the page it claims to hold.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use ogonblick_capture::{Browser, CaptureOptions};
use ogonblick_model::{FileRole, PageRecord};
use ogonblick_testsite::hostile::{fixture_pdf, DOWNLOAD_HEADER_NAME, PAYLOAD_NAME};
use sha2::{Digest, Sha256};

use crate::common::*;

/// Options whose Chromium runs with `HOME` (so `~/Downloads`) and its
/// working folder inside `root`, so a file a page manages to save shows up
/// there, whatever its name.
fn isolated(root: &Path) -> CaptureOptions {
    let mut o = opts();
    let (home, cwd) = (root.join("home"), root.join("cwd"));
    std::fs::create_dir_all(home.join("Downloads")).unwrap();
    std::fs::create_dir_all(&cwd).unwrap();
    let script = root.join("chromium.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncd '{}' || exit 1\nHOME='{}' XDG_CONFIG_HOME='{}/.config' exec '{}' \"$@\"\n",
            cwd.display(),
            home.display(),
            home.display(),
            o.chromium.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    o.chromium = script;
    o
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() && !p.is_symlink() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// No file under `root` carries a name or the content a page chose.
fn assert_nothing_saved(root: &Path) {
    let mut files = Vec::new();
    all_files(root, &mut files);
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&f).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !name.contains("ogonblick-")
                && !name.contains(".crdownload")
                && !text.contains("A file the page wants on your computer")
                && !text.contains("blob payload from the page"),
            "a page saved a file on the computer: {}",
            f.display()
        );
    }
}

fn names(rec: &PageRecord) -> Vec<String> {
    rec.report
        .downloads_blocked
        .iter()
        .map(|d| d.suggested_filename.clone())
        .collect()
}

#[test]
fn an_address_that_answers_with_a_download_saves_nothing_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&isolated(root.path())).unwrap();
    let rec = capture(
        &browser,
        &site().url("/hostile/download-header"),
        out.path(),
        "dl",
    );
    drop(browser);
    assert!(!rec.ok);
    assert!(rec.files.is_empty());
    let err = rec.error.clone().unwrap_or_default();
    assert!(
        err.contains("a file to download") && err.contains(DOWNLOAD_HEADER_NAME),
        "{err}"
    );
    let sv = rec
        .error_text(ogonblick_model::Language::Sv)
        .unwrap_or_default();
    assert!(sv.contains("en fil att ladda ner"), "{sv}");
    assert_eq!(names(&rec), [DOWNLOAD_HEADER_NAME]);
    assert_eq!(files_in(out.path()), Vec::<String>::new());
    assert_nothing_saved(root.path());
}

#[test]
fn a_page_that_clicks_download_links_is_captured_and_saves_nothing() {
    let root = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&isolated(root.path())).unwrap();
    let rec = capture(
        &browser,
        &site().url("/hostile/download-click"),
        out.path(),
        "click",
    );
    drop(browser);
    assert!(rec.ok, "{:?}", rec.error);
    // One record per attempt: the link (named by the server's header or by
    // the link) and the blob.
    let d = &rec.report.downloads_blocked;
    assert_eq!(d.len(), 2, "{d:?}");
    let link = d.iter().find(|d| d.url.ends_with("/hostile/payload"));
    assert!(
        link.is_some_and(
            |l| [PAYLOAD_NAME, "ogonblick-clicked.txt"].contains(&l.suggested_filename.as_str())
        ),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|d| d.url.starts_with("blob:") && d.suggested_filename == "ogonblick-blob.txt"),
        "{d:?}"
    );
    assert_eq!(
        rec.report
            .warnings
            .iter()
            .filter(|w| w.to_string().contains("tried to download a file"))
            .count(),
        2,
        "{:?}",
        rec.report.warnings
    );
    assert_eq!(
        files_in(out.path()),
        ["click.pdf", "click.png", "click.text.json"]
    );
    assert!(pdftotext(&out.path().join("click.pdf")).contains("downloadclickword"));
    assert_nothing_saved(root.path());
}

#[test]
fn a_pdf_address_is_kept_as_the_server_sent_it_not_as_a_viewer_picture() {
    let out = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/hostile/pdf"), out.path(), "doc");
    assert!(rec.ok, "{:?}", rec.error);
    let served = fixture_pdf();
    assert_eq!(rec.files.len(), 1, "{:?}", rec.files);
    let f = &rec.files[0];
    assert_eq!(f.role, FileRole::Original);
    assert_eq!(f.path, "doc.original.pdf");
    assert_eq!(f.media_type, "application/pdf");
    assert_eq!(f.size, served.len() as u64);
    assert_eq!(f.sha256, hex(&Sha256::digest(&served)));
    assert_eq!(
        std::fs::read(out.path().join("doc.original.pdf")).unwrap(),
        served
    );
    // No picture of Chromium's PDF viewer pretends to be the page.
    assert_eq!(files_in(out.path()), ["doc.original.pdf"]);
    assert_eq!(rec.report.http_status, Some(200));
    assert!(
        rec.report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("not a web page")
                && w.to_string().contains("doc.original.pdf")),
        "{:?}",
        rec.report.warnings
    );
    assert!(pdftotext(&out.path().join("doc.original.pdf")).contains("pdffixtureword page 3 of 3"));
    // The browser goes on with ordinary pages.
    let rec = capture(&browser, &site().url("/alert"), out.path(), "next");
    assert!(rec.ok, "{:?}", rec.error);
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn a_page_that_goes_elsewhere_during_the_capture_fails_and_says_where() {
    for path in ["/hostile/navigate-timer", "/hostile/meta-refresh"] {
        let out = tempfile::tempdir().unwrap();
        let browser = Browser::launch(&opts()).unwrap();
        let rec = capture(&browser, &site().url(path), out.path(), "nav");
        assert!(!rec.ok, "{path} was called good although it left the page");
        let elsewhere = site().url("/hostile/elsewhere");
        assert_eq!(rec.report.navigated_away, vec![elsewhere.clone()], "{path}");
        let err = rec.error.clone().unwrap_or_default();
        assert!(
            err.contains("went on to another address") && err.contains(&elsewhere),
            "{path}: {err}"
        );
        let sv = rec
            .error_text(ogonblick_model::Language::Sv)
            .unwrap_or_default();
        assert!(
            sv.contains("gick sidan själv vidare") && sv.contains(&elsewhere),
            "{path}: {sv}"
        );
        assert!(rec.files.is_empty());
        assert_eq!(files_in(out.path()), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn dialogs_neither_hang_the_capture_nor_reach_the_snapshot() {
    let out = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/hostile/dialogs"), out.path(), "d");
    assert!(rec.ok, "{:?}", rec.error);
    for kind in [
        "alert: dialog-alert",
        "confirm: dialog-confirm",
        "prompt: dialog-prompt",
    ] {
        assert!(
            rec.report
                .warnings
                .iter()
                .any(|w| w.to_string().contains(kind)),
            "{kind} not reported: {:?}",
            rec.report.warnings
        );
    }
    let text = pdftotext(&out.path().join("d.pdf"));
    assert!(text.contains("dialogsword"), "{text}");
    // The beforeunload handler does not keep the tab open.
    let rec = capture(&browser, &site().url("/alert"), out.path(), "after");
    assert!(rec.ok, "{:?}", rec.error);
    let open = browser.open_pages().unwrap();
    assert!(
        !open.iter().any(|u| u.contains("/hostile/")),
        "tabs left open: {open:?}"
    );
}

#[test]
fn pop_ups_are_closed_recorded_and_not_captured() {
    let root = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&isolated(root.path())).unwrap();
    let rec = capture(&browser, &site().url("/hostile/popups"), out.path(), "p");
    assert!(rec.ok, "{:?}", rec.error);
    let popups: Vec<&ogonblick_model::Message> = rec
        .report
        .warnings
        .iter()
        .filter(|w| w.to_string().contains("opened a pop-up window"))
        .collect();
    // Chromium's own blocker stops those opened without a user's gesture;
    // the one opened from a scroll handler gets through and is closed.
    assert!(!popups.is_empty(), "{:?}", rec.report.warnings);
    // Chromium closes a target asynchronously (`Target.closeTarget` answers
    // before the target is gone): wait up to 10 s for the list to follow.
    let mut open = browser.open_pages().unwrap();
    for _ in 0..100 {
        if !open.iter().any(|u| u.contains("/hostile/")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        open = browser.open_pages().unwrap();
    }
    assert!(
        !open.iter().any(|u| u.contains("/hostile/")),
        "pop-ups left open: {open:?}"
    );
    drop(browser);
    let text = pdftotext(&out.path().join("p.pdf"));
    assert!(
        text.contains("popupsword") && text.contains("popupsendword"),
        "{text}"
    );
    assert!(!text.contains("popupchildword"), "{text}");
    assert_eq!(files_in(out.path()), ["p.pdf", "p.png", "p.text.json"]);
    assert_nothing_saved(root.path());
}
