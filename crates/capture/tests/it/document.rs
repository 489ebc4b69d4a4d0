//! `print_html_to_pdfa`: a document with hostile content is printed with
//! scripts off and every request refused (a local server counts them).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use ogonblick_capture::{print_html_to_pdfa, DocumentMeta};

use super::common::{files_in, opts, pdftotext, qpdf_check};

#[test]
fn a_hostile_document_prints_without_scripts_or_requests() {
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = server.local_addr().unwrap().port();
    let hits = Arc::new(AtomicUsize::new(0));
    {
        let hits = hits.clone();
        std::thread::spawn(move || {
            for s in server.incoming().flatten() {
                hits.fetch_add(1, Ordering::SeqCst);
                let mut s = s;
                let mut buf = [0u8; 1024];
                let _ = s.read(&mut buf);
                let _ = s.write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        });
    }
    let base = format!("http://127.0.0.1:{port}");
    let html = format!(
        "<!doctype html><html lang=sv><meta charset=utf-8><title>t</title>\
         <link rel=stylesheet href=\"{base}/style.css\">\
         <body style=\"font-family:'DejaVu Sans'\"><h1>Räksmörgås åäö ÅÄÖ</h1>\
         <p id=p>Originaltext</p><img src=\"{base}/pixel.png\">\
         <iframe src=\"{base}/frame\"></iframe>\
         <script>document.getElementById('p').textContent='SKRIPTET KÖRDES';\
         fetch('{base}/fetch');</script></body></html>"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.pdf");
    let meta = DocumentMeta {
        title: "Rapport åäö".into(),
        source: "ogonblick:test".into(),
        created: "2026-11-28T10:00:00Z".parse().unwrap(),
    };
    let printed = print_html_to_pdfa(&opts(), &html, &meta, &out).unwrap();
    assert!(printed.pages >= 1);
    qpdf_check(&out);
    let text = pdftotext(&out);
    assert!(text.contains("Räksmörgås åäö ÅÄÖ"), "{text}");
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "the document reached the server"
    );
    assert!(!text.contains("SKRIPTET"), "the script ran: {text}");
    assert!(text.contains("Originaltext"), "{text}");
    assert!(
        printed
            .blocked_requests
            .iter()
            .any(|u| u.ends_with("/pixel.png")),
        "{:?}",
        printed.blocked_requests
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("<pdfaid:part>2</pdfaid:part>"));
    // Only the final file is left in the folder.
    assert_eq!(files_in(dir.path()), ["rapport.pdf"]);

    // A folder that does not exist: an error, nothing written.
    let gone = dir.path().join("nej").join("rapport.pdf");
    assert!(print_html_to_pdfa(&opts(), &html, &meta, &gone).is_err());
    assert_eq!(files_in(dir.path()), ["rapport.pdf"]);
}
