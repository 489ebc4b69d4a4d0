//! h-voc9: what a Swedish user reads of a timestamp that was refused, an
//! authority that could not give one, and a damaged token in a package is
//! Swedish: the reason is a select of the catalogue and the detail is data
//! (a date, a SHA-256, a status, a certificate's subject, the operating
//! system's own text), never the English `Display` of the timestamp errors.

use std::io::{Read, Write};
use std::net::TcpListener;

use ogonblick_model::{Language, Message};
use ogonblick_testsite::tsa::{free_port, LocalTsa, TsaMode};

use crate::timestamp::{setup, snapshot, stamped};

/// Fragments of the timestamp errors' English `Display` (and of the DER's).
const ENGLISH: &[&str] = &[
    "the token",
    "the authority",
    "the signer",
    "certificate",
    "malformed",
    "verify",
    "does not",
    "could not",
    "answered",
    "was not valid",
];

fn swedish(m: &Message) -> String {
    let text = m.render(Language::Sv);
    for e in ENGLISH {
        assert!(!text.contains(e), "English {e:?} in {text:?}");
    }
    text
}

/// An authority of a test.
enum Authority {
    /// `openssl ts` behind a local server.
    Local(TsaMode),
    /// Nothing listens on the port.
    Down,
    /// A server that answers HTTP status 500.
    Http500,
}

/// The Swedish text of each authority's last error after one try of a new
/// snapshot; the roots are the test PKI's own unless `other_root`.
fn failures(authorities: &[Authority], other_root: bool) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let mut running = Vec::new();
    let urls = authorities
        .iter()
        .map(|a| match a {
            Authority::Local(mode) => {
                running.push(LocalTsa::start(&pki, *mode));
                running.last().unwrap().url.clone()
            }
            Authority::Down => format!("http://127.0.0.1:{}/tsa", free_port()),
            Authority::Http500 => http_500(),
        })
        .collect();
    let root = if other_root {
        pki.other_ca_pem()
    } else {
        pki.ca_pem()
    };
    app.set_timestamp_settings(urls, vec![root]).unwrap();
    let snap = snapshot(&app, &clock);
    let state = app.stamp_snapshot(&snap.id).unwrap().unwrap();
    assert!(state.is_pending());
    state
        .authorities
        .iter()
        .map(|a| swedish(a.last_error.as_ref().expect("an error")))
        .collect()
}

/// An HTTP server on 127.0.0.1 that answers every request with status 500.
fn http_500() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/tsa", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut seen = Vec::new();
            let mut buf = [0u8; 4096];
            // The headers and the body (a request is a few hundred bytes).
            while let Ok(n) = s.read(&mut buf) {
                seen.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&seen);
                if let Some(end) = text.find("\r\n\r\n") {
                    let len = text[..end]
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    if seen.len() >= end + 4 + len {
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            let _ = s.write_all(
                b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    url
}

#[test]
fn a_refused_reply_is_told_in_swedish_with_its_data() {
    let texts = failures(
        &[
            Authority::Local(TsaMode::OtherHash),
            Authority::Local(TsaMode::Expired),
        ],
        false,
    );
    assert!(
        texts[0].contains("tidsstämpeln gäller en annan kontrollsumma än manifestets (SHA-256 "),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains("certifikatet hade gått ut vid tidsstämplingen (giltigt till 20"),
        "{}",
        texts[1]
    );
    assert!(texts[1].contains(" UTC)"), "{}", texts[1]);
}

#[test]
fn a_reply_signed_under_an_untrusted_root_names_the_signer_in_swedish() {
    let texts = failures(&[Authority::Local(TsaMode::Good)], true);
    assert!(
        texts[0].contains("certifikatet ”Test TSA” leder inte till något betrott rotcertifikat"),
        "{}",
        texts[0]
    );
}

#[test]
fn an_authority_that_cannot_answer_is_told_in_swedish() {
    let texts = failures(&[Authority::Down, Authority::Http500], false);
    // The operating system's own words of the refused connection are data.
    assert!(
        texts[0].contains(": tjänsten kunde inte nås ("),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains(": tjänsten svarade med HTTP-status 500. "),
        "{}",
        texts[1]
    );
}

#[test]
fn a_damaged_token_in_a_package_is_named_in_swedish() {
    use ogonblick_app::package::ExportRequest;
    use ogonblick_model::{CancelToken, NoProgress};
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let (_tsa, snap) = stamped(&app, &clock, &pki, TsaMode::Good);
    // The token's last byte is its signature's: changed, the signature fails.
    let (_, stored) = app.snapshot_folder(&snap.id).unwrap();
    let token = stored.join("manifest-sha256.txt.1.tsr");
    let mut bytes = std::fs::read(&token).unwrap();
    *bytes.last_mut().unwrap() ^= 1;
    std::fs::write(&token, bytes).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let req = ExportRequest {
        snapshot_ids: vec![snap.id.clone()],
        ..Default::default()
    };
    let pkg = app
        .export_package(&req, &out.join("p.zip"), &NoProgress, &CancelToken::new())
        .unwrap();
    let report =
        ogonblick_app::package::verify_package_file(&pkg.path, &NoProgress, &CancelToken::new())
            .unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0]
        .path
        .ends_with("manifest-sha256.txt.1.tsr"));
    let text = swedish(&report.problems[0].what);
    assert_eq!(text, "tidsstämpeln håller inte: signaturen stämmer inte");
    // The desktop's own check of the snapshot says the same.
    let check = app.verify_snapshot_timestamp(&snap.id).unwrap();
    assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
    assert_eq!(
        swedish(&check.problems[0]),
        "Tidsstämpeln manifest-sha256.txt.1.tsr håller inte: signaturen stämmer inte"
    );
}

/// A root certificate file that is not one says why in Swedish; a file that
/// cannot be read says so with the operating system's words.
#[test]
fn a_root_certificate_file_that_is_none_is_told_in_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, _clock, _pki) = setup(tmp.path());
    let url = format!("http://127.0.0.1:{}/tsa", free_port());
    let refused = |bytes: &[u8]| {
        let path = tmp.path().join("root.pem");
        std::fs::write(&path, bytes).unwrap();
        let err = app
            .set_timestamp_settings(vec![url.clone()], vec![path])
            .unwrap_err();
        swedish(&err.message())
    };
    let empty = refused(b"no certificate here\n");
    assert!(
        empty.contains("går inte att använda som rotcertifikat: filen innehåller inget certifikat"),
        "{empty}"
    );
    let pem = refused(b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
    assert!(pem.contains("filen går inte att läsa som PEM"), "{pem}");
    let missing = app
        .set_timestamp_settings(vec![url.clone()], vec![tmp.path().join("none.pem")])
        .unwrap_err();
    let missing = swedish(&missing.message());
    assert!(missing.starts_with("Kan inte läsa "), "{missing}");
}
