//! PDF/A finishing of real Chromium output, checked with qpdf, poppler and
//! the offline asposepdfnodejs PDF/A validator.

use std::path::{Path, PathBuf};
use std::process::Command;

use ogonblick_pdfa::{finish, finish_file, PdfAMeta};

mod image_pdf;

fn chromium_pdf(dir: &Path, html: &str) -> PathBuf {
    let page = dir.join("in.html");
    std::fs::write(&page, html).unwrap();
    let out = dir.join("chromium.pdf");
    let profile = dir.join("profile");
    let st = Command::new(
        std::env::var("OGONBLICK_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    )
    .args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--no-pdf-header-footer",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--print-to-pdf={}", out.display()))
    .arg(&page)
    .output()
    .expect("run chromium");
    assert!(
        out.exists(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&st.stderr)
    );
    out
}

fn meta() -> PdfAMeta {
    PdfAMeta {
        title: "Ögonblicks kommun – test <&>".into(),
        source_url: "https://example.org/sida?a=1&b=2".into(),
        created: "2026-03-15T10:20:30Z".parse().unwrap(),
        producer: "Ögonblick 0.1.0".into(),
        creator_tool: "Ögonblick 0.1.0 with Chrome".into(),
        icc_profile: "/usr/share/color/icc/sRGB.icc".into(),
        subject: None,
    }
}

const HTML: &str = "<!doctype html><html lang=sv><meta charset=utf-8><title>t</title>\
<body style=\"font-family:'DejaVu Sans'\"><h1>Räksmörgås åäö ÅÄÖ</h1><p>Emoji: 😀 🎉</p>\
<p style=\"opacity:.5;background:#c00\">Halvgenomskinlig</p><a href=\"https://example.org/\">länk</a>\
<script>document.title='Titel';</script></body></html>";

/// Runs the offline validator script; returns its JSON.
pub fn aspose_validate(pdf: &Path) -> Option<serde_json::Value> {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/validators/pdfa-validate.cjs");
    let modules = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/validators/node_modules/asposepdfnodejs");
    if !modules.exists() {
        return None;
    }
    let out = Command::new("node")
        .arg(&script)
        .arg(pdf)
        .output()
        .expect("node");
    let s = String::from_utf8_lossy(&out.stdout);
    Some(serde_json::from_str(s.trim()).unwrap_or_else(|e| {
        panic!(
            "validator output is not JSON ({e}): {s} {}",
            String::from_utf8_lossy(&out.stderr)
        )
    }))
}

#[test]
fn chromium_pdf_becomes_pdfa_2b() {
    let dir = tempfile::tempdir().unwrap();
    let raw = chromium_pdf(dir.path(), HTML);
    let out = dir.path().join("out.pdf");
    let rep = finish_file(&raw, &out, &meta()).unwrap();
    assert_eq!(rep.pages, 1);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7\n%"));
    assert!(
        bytes[10..14].iter().all(|b| *b > 127),
        "binary comment after the header"
    );
    let text = String::from_utf8_lossy(&bytes);
    for needle in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "GTS_PDFA1",
        "https://example.org/sida?a=1&amp;b=2",
        "Ögonblicks kommun – test &lt;&amp;&gt;",
        "/ID",
    ] {
        assert!(text.contains(needle), "missing {needle}");
    }
    let q = Command::new("qpdf")
        .arg("--check")
        .arg(&out)
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stdout));
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Ögonblicks kommun – test <&>"), "{info}");
    assert!(info.contains("Producer:        Ögonblick 0.1.0"), "{info}");
    let t = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let t = String::from_utf8_lossy(&t.stdout);
    assert!(t.contains("Räksmörgås åäö ÅÄÖ"), "{t}");
    let fonts = Command::new("pdffonts").arg(&out).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    for line in fonts.lines().skip(2) {
        assert!(line.contains(" yes "), "font not embedded: {line}");
    }
    match aspose_validate(&out) {
        Some(v) => assert_eq!(
            v["compliant"],
            serde_json::json!(true),
            "PDF/A validation: {v}"
        ),
        None => panic!(
            "tests/validators/node_modules is missing: run `npm install` in tests/validators"
        ),
    }
    // Chromium's own output is not PDF/A (the validator is not a rubber stamp).
    let v = aspose_validate(&raw).unwrap();
    assert_eq!(v["compliant"], serde_json::json!(false), "{v}");
}

#[test]
fn same_input_gives_same_output() {
    let dir = tempfile::tempdir().unwrap();
    let raw = std::fs::read(chromium_pdf(dir.path(), HTML)).unwrap();
    let (a, _) = finish(&raw, &meta()).unwrap();
    let (b, _) = finish(&raw, &meta()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn bad_inputs_give_clear_errors() {
    let e = finish(b"not a pdf", &meta()).unwrap_err().to_string();
    assert!(e.contains("could not be read"), "{e}");
    let mut m = meta();
    m.icc_profile = "/nonexistent/sRGB.icc".into();
    let e = finish(b"%PDF-1.4", &m).unwrap_err().to_string();
    assert!(e.contains("/nonexistent/sRGB.icc"), "{e}");
    m.icc_profile = "/usr/share/color/icc/Gray.icc".into();
    let e = finish(b"%PDF-1.4", &m).unwrap_err().to_string();
    assert!(e.contains("not an RGB ICC profile"), "{e}");
}
