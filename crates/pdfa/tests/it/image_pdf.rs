//! The PDF/A written from page images with an invisible text layer.

use std::process::Command;

use ogonblick_pdfa::{ImagePdf, TextLine};

use crate::{aspose_validate, meta};

fn line(x: f32, y: f32, text: &str) -> TextLine {
    TextLine {
        x,
        y,
        w: 12.0 * text.chars().count() as f32,
        h: 22.0,
        text: text.into(),
    }
}

/// Two pages of colour with text: extracted in order, with åäö and emoji
/// (outside the BMP), every font embedded, PDF/A-2u valid, and the same
/// input gives the same bytes.
#[test]
fn image_pages_with_text_layer_are_pdfa_with_unicode_text() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str| {
        let path = dir.path().join(name);
        let mut pdf = ImagePdf::create(&path, &meta()).unwrap();
        let (w, h) = (320u32, 452u32);
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        for y in 0..h {
            for _ in 0..w {
                rgb.extend_from_slice(&[(y % 256) as u8, 0x80, 0xc0]);
            }
        }
        pdf.add_page(
            w,
            h,
            &rgb,
            &[
                line(10.0, 10.0, "Räksmörgås åäö ÅÄÖ"),
                line(10.0, 40.0, "firstpageword 😀 🎉"),
            ],
        )
        .unwrap();
        pdf.add_page(
            w,
            100,
            &rgb[..(w * 100 * 3) as usize],
            &[line(10.0, 10.0, "secondpageword Östersjön")],
        )
        .unwrap();
        let rep = pdf.finish().unwrap();
        assert_eq!(rep.pages, 2);
        path
    };
    let out = write("a.pdf");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(write("b.pdf")).unwrap(),
        "same input, same bytes"
    );
    let q = Command::new("qpdf")
        .arg("--check")
        .arg(&out)
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stdout));
    let t = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let t = String::from_utf8_lossy(&t.stdout);
    let a = t.find("Räksmörgås åäö ÅÄÖ").expect(&t);
    let b = t.find("firstpageword 😀 🎉").expect(&t);
    let c = t.find("secondpageword Östersjön").expect(&t);
    assert!(a < b && b < c, "{t}");
    let fonts = Command::new("pdffonts").arg(&out).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.lines().count() > 2, "{fonts}");
    for l in fonts.lines().skip(2) {
        assert!(l.contains(" yes "), "font not embedded: {l}");
    }
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Ögonblicks kommun – test <&>"), "{info}");
    let v = aspose_validate(&out).expect("tests/validators/node_modules");
    assert_eq!(
        v["compliant"],
        serde_json::json!(true),
        "PDF/A validation: {v}"
    );
}

#[test]
fn a_page_image_of_the_wrong_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut pdf = ImagePdf::create(&dir.path().join("x.pdf"), &meta()).unwrap();
    let e = pdf.add_page(10, 10, &[0; 5], &[]).unwrap_err().to_string();
    assert!(e.contains("needs 300 bytes"), "{e}");
}
