//! Tokens from a local authority (`openssl ts -reply` on 127.0.0.1),
//! verified by our code and cross-checked by `openssl ts -verify` and PyPI
//! `rfc3161-client`; the refusals each name their cause.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use ogonblick_testsite::tsa::{LocalPki, LocalTsa, TsaMode};
use ogonblick_timestamp::{
    load_ca_pem, request_token, token_certificates, verify_token, RequestError, TrustedRoots,
    VerifyError,
};
use sha2::{Digest, Sha256};

fn roots(p: &Path) -> TrustedRoots {
    TrustedRoots(load_ca_pem(&std::fs::read(p).unwrap()).unwrap())
}

fn digest(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

const T: Duration = Duration::from_secs(20);

/// `openssl ts -verify -data DATA -in TOKEN -CAfile CA`.
fn openssl_verifies(data: &Path, reply: &Path, ca: &Path) -> bool {
    Command::new("openssl")
        .args(["ts", "-verify", "-data"])
        .arg(data)
        .arg("-in")
        .arg(reply)
        .arg("-CAfile")
        .arg(ca)
        .output()
        .unwrap()
        .status
        .success()
}

const PY: &str = r#"
import sys
from cryptography import x509
from rfc3161_client import decode_timestamp_response, VerifierBuilder
reply = decode_timestamp_response(open(sys.argv[1], "rb").read())
root = x509.load_pem_x509_certificate(open(sys.argv[3], "rb").read())
leaf = [x509.load_der_x509_certificate(c) for c in reply.signed_data.certificates]
b = VerifierBuilder().add_root_certificate(root)
ok = b.build().verify_message(reply, open(sys.argv[2], "rb").read())
print(reply.tst_info.gen_time.isoformat())
sys.exit(0 if ok else 1)
"#;

/// PyPI `rfc3161-client` verifies the reply over the data with the root.
fn rfc3161_client_verifies(data: &Path, reply: &Path, ca: &Path) -> bool {
    let out = Command::new("python3")
        .args(["-c", PY])
        .arg(reply)
        .arg(data)
        .arg(ca)
        .output()
        .expect("python3 with rfc3161-client (scripts/setup.sh installs it)");
    if !out.status.success() {
        eprintln!("rfc3161-client: {}", String::from_utf8_lossy(&out.stderr));
    }
    out.status.success()
}

#[test]
fn a_good_token_verifies_here_in_openssl_and_in_rfc3161_client() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let tsa = LocalTsa::start(&pki, TsaMode::Good);
    let data = tmp.path().join("manifest-sha256.txt");
    std::fs::write(&data, "abc  page-01.png\n").unwrap();
    let d = digest(&std::fs::read(&data).unwrap());
    let (reply, info) = request_token(&tsa.url, &d, &roots(&pki.ca_pem()), T).unwrap();
    assert_eq!(info.signer, "Test TSA");
    assert_eq!(info.imprint, hex::encode(d));
    let again = verify_token(&reply, &d, &roots(&pki.ca_pem())).unwrap();
    assert_eq!(again.time, info.time);
    let tsr = tmp.path().join("manifest-sha256.txt.1.tsr");
    std::fs::write(&tsr, &reply).unwrap();
    assert!(openssl_verifies(&data, &tsr, &pki.ca_pem()));
    assert!(rfc3161_client_verifies(&data, &tsr, &pki.ca_pem()));

    // Another root: refused by us and by openssl.
    let err = verify_token(&reply, &d, &roots(&pki.other_ca_pem())).unwrap_err();
    assert!(matches!(err, VerifyError::Untrusted(_)), "{err:?}");
    assert!(!openssl_verifies(&data, &tsr, &pki.other_ca_pem()));

    // Other data: the imprint differs, refused by all three.
    let other = tmp.path().join("other.txt");
    std::fs::write(&other, "abc  page-02.png\n").unwrap();
    let err = verify_token(
        &reply,
        &digest(b"abc  page-02.png\n"),
        &roots(&pki.ca_pem()),
    )
    .unwrap_err();
    assert!(
        matches!(err, VerifyError::ImprintMismatch { .. }),
        "{err:?}"
    );
    assert!(!openssl_verifies(&other, &tsr, &pki.ca_pem()));
    assert!(!rfc3161_client_verifies(&other, &tsr, &pki.ca_pem()));

    // One flipped byte in the signature or the signed content: refused.
    let mut flipped = reply.clone();
    let at = flipped.len() - 10;
    flipped[at] ^= 1;
    assert!(verify_token(&flipped, &d, &roots(&pki.ca_pem())).is_err());
}

#[test]
fn a_reply_whose_certificates_are_not_in_der_order_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let tsa = LocalTsa::start(&pki, TsaMode::ExtraCerts);
    let d = digest(b"the manifest");
    let (reply, _) = request_token(&tsa.url, &d, &roots(&pki.ca_pem()), T).unwrap();
    let certs = token_certificates(&reply).unwrap();
    assert!(certs.len() >= 3, "the reply carries its extra certificates");
    let mut sorted = certs.clone();
    sorted.sort();
    assert_ne!(
        certs, sorted,
        "the certificate set is not in DER (sorted) order"
    );
    verify_token(&reply, &d, &roots(&pki.ca_pem())).unwrap();
    let (data, tsr) = (tmp.path().join("m"), tmp.path().join("m.tsr"));
    std::fs::write(&data, "the manifest").unwrap();
    std::fs::write(&tsr, &reply).unwrap();
    assert!(openssl_verifies(&data, &tsr, &pki.ca_pem()));
}

#[test]
fn a_reply_for_another_hash_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let tsa = LocalTsa::start(&pki, TsaMode::OtherHash);
    let err = request_token(&tsa.url, &digest(b"x"), &roots(&pki.ca_pem()), T).unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Refused(VerifyError::ImprintMismatch { .. })
        ),
        "{err:?}"
    );
}

#[test]
fn an_expired_or_wrong_usage_certificate_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let d = digest(b"the manifest");
    let expired = LocalTsa::start(&pki, TsaMode::Expired);
    let err = request_token(&expired.url, &d, &roots(&pki.ca_pem()), T).unwrap_err();
    assert!(
        matches!(err, RequestError::Refused(VerifyError::NotValidAtTime(_))),
        "{err:?}"
    );

    let good = LocalTsa::start(&pki, TsaMode::Good);
    let (reply, _) = request_token(&good.url, &d, &roots(&pki.ca_pem()), T).unwrap();
    // The same signed content signed again by the TSA's certificate verifies
    // (so the re-signing itself is sound) …
    let control = pki.resign(&reply, "tsa.pem");
    verify_token(&control, &d, &roots(&pki.ca_pem())).unwrap();
    // … and by a certificate of the same CA and key without timeStamping, not.
    let wrong = pki.resign(&reply, "server.pem");
    let err = verify_token(&wrong, &d, &roots(&pki.ca_pem())).unwrap_err();
    assert_eq!(err, VerifyError::WrongUsage);
    // timeStamping, but not critical (RFC 3161 2.3): refused too.
    let lax = pki.resign(&reply, "noncritical.pem");
    let err = verify_token(&lax, &d, &roots(&pki.ca_pem())).unwrap_err();
    assert_eq!(err, VerifyError::WrongUsage);
}

/// The reply with its certificate set's elements reversed (the signer
/// last): the same bytes, another order; nothing signed changes.
fn reversed_certificates(reply: &[u8]) -> Vec<u8> {
    let certs = token_certificates(reply).unwrap();
    let original: Vec<u8> = certs.concat();
    let reversed: Vec<u8> = certs.iter().rev().flatten().copied().collect();
    let at = reply
        .windows(original.len())
        .position(|w| w == original.as_slice())
        .expect("the certificates lie together in the reply");
    let mut out = reply.to_vec();
    out[at..at + original.len()].copy_from_slice(&reversed);
    out
}

#[test]
fn the_signer_is_found_wherever_it_lies_among_the_certificates() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let tsa = LocalTsa::start(&pki, TsaMode::ExtraCerts);
    let d = digest(b"the manifest");
    let (reply, _) = request_token(&tsa.url, &d, &roots(&pki.ca_pem()), T).unwrap();
    let moved = reversed_certificates(&reply);
    let before = token_certificates(&reply).unwrap();
    let after = token_certificates(&moved).unwrap();
    assert!(before[0] != after[0], "the signer no longer comes first");
    verify_token(&moved, &d, &roots(&pki.ca_pem())).unwrap();
    let (data, tsr) = (tmp.path().join("m"), tmp.path().join("m.tsr"));
    std::fs::write(&data, "the manifest").unwrap();
    std::fs::write(&tsr, &moved).unwrap();
    assert!(openssl_verifies(&data, &tsr, &pki.ca_pem()));
}

#[test]
fn an_unreachable_authority_is_named() {
    let port = ogonblick_testsite::tsa::free_port();
    let err = request_token(
        &format!("http://127.0.0.1:{port}/tsa"),
        &digest(b"x"),
        &TrustedRoots::default(),
        T,
    )
    .unwrap_err();
    assert!(matches!(err, RequestError::Unreachable(_)), "{err:?}");
}

/// `openssl ts -verify` of a bare token (no reply around it).
fn openssl_verifies_token(data: &Path, token: &Path, ca: &Path) -> (bool, String) {
    let out = Command::new("openssl")
        .args(["ts", "-verify", "-token_in", "-data"])
        .arg(data)
        .arg("-in")
        .arg(token)
        .arg("-CAfile")
        .arg(ca)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn run_openssl(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_token_whose_signer_certificate_is_not_the_one_its_ess_attribute_names_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let tsa = LocalTsa::start(&pki, TsaMode::Good);
    let (data, tok) = (tmp.path().join("m"), tmp.path().join("m.tok"));
    std::fs::write(&data, "the manifest").unwrap();
    let d = digest(b"the manifest");
    let ca = pki.ca_pem();
    let (reply, _) = request_token(&tsa.url, &d, &roots(&ca), T).unwrap();

    // The TSA's certificate issued again by the same CA, for the same key,
    // with the same serial number (so the token's signer identifier still
    // names it) but other validity: another certificate.
    let dir = &pki.dir;
    let serial = run_openssl(dir, &["x509", "-in", "tsa.pem", "-noout", "-serial"]);
    let serial = format!("0x{}", serial.trim().trim_start_matches("serial="));
    run_openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "tsa.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            &serial,
            "-days",
            "400",
            "-extfile",
            "tsa.cnf",
            "-extensions",
            "tsa_ext",
            "-out",
            "tsa-again.pem",
        ],
    );
    let again = load_ca_pem(&std::fs::read(dir.join("tsa-again.pem")).unwrap()).unwrap();
    let first = load_ca_pem(&std::fs::read(dir.join("tsa.pem")).unwrap()).unwrap();
    assert_ne!(again, first);

    // Control: signed by tsa.pem, carrying tsa.pem: verifies here and in openssl.
    let control = pki.resign(&reply, "tsa.pem");
    verify_token(&control, &d, &roots(&ca)).unwrap();
    std::fs::write(&tok, &control).unwrap();
    let (ok, said) = openssl_verifies_token(&data, &tok, &ca);
    assert!(ok, "{said}");

    // The same signature and ESS attribute (naming tsa.pem), but the
    // certificate set carries the re-issued certificate instead: the
    // signature still verifies with its key and its chain holds, yet it is
    // not the certificate that was signed for.
    run_openssl(
        dir,
        &[
            "cms",
            "-sign",
            "-binary",
            "-nodetach",
            "-econtent_type",
            "1.2.840.113549.1.9.16.1.4",
            "-in",
            "resign.tst",
            "-signer",
            "tsa.pem",
            "-inkey",
            "tsa.key",
            "-md",
            "sha256",
            "-outform",
            "DER",
            "-out",
            "swapped.tok",
            "-nosmimecap",
            "-cades",
            "-nocerts",
            "-certfile",
            "tsa-again.pem",
        ],
    );
    let swapped = std::fs::read(dir.join("swapped.tok")).unwrap();
    assert_eq!(token_certificates(&swapped).unwrap(), again);
    let err = verify_token(&swapped, &d, &roots(&ca)).unwrap_err();
    assert!(matches!(err, VerifyError::SigningCertificate(_)), "{err:?}");
    assert_eq!(err.reason(), "signing-cert");
    std::fs::write(&tok, &swapped).unwrap();
    let (ok, said) = openssl_verifies_token(&data, &tok, &ca);
    assert!(!ok, "openssl accepted it: {said}");
}

/// The good reply's TSTInfo signed by tsa.pem with RSASSA-PSS (`openssl
/// cms -sign -keyopt rsa_padding_mode:pss`, salt length `salt`), with the
/// ESS attribute; `openssl ts -reply` of OpenSSL 3.0 has no `-sigopt`.
fn pss_token(pki: &LocalPki, reply: &[u8], salt: &str, out: &str) -> Vec<u8> {
    pki.resign(reply, "tsa.pem"); // leaves resign.tst, the TSTInfo
    run_openssl(
        &pki.dir,
        &[
            "cms",
            "-sign",
            "-binary",
            "-nodetach",
            "-econtent_type",
            "1.2.840.113549.1.9.16.1.4",
            "-in",
            "resign.tst",
            "-signer",
            "tsa.pem",
            "-inkey",
            "tsa.key",
            "-md",
            "sha256",
            "-keyopt",
            "rsa_padding_mode:pss",
            "-keyopt",
            &format!("rsa_pss_saltlen:{salt}"),
            "-outform",
            "DER",
            "-out",
            out,
            "-nosmimecap",
            "-cades",
        ],
    );
    std::fs::read(pki.dir.join(out)).unwrap()
}

/// `openssl cms -verify` of a token's signature and chain (timeStamping
/// purpose): OpenSSL 3.0's `ts -verify` goes through its PKCS#7 code, which
/// knows only PKCS#1 v1.5 signatures, so it cannot check a PSS token.
fn openssl_cms_verifies(token: &Path, ca: &Path) -> (bool, String) {
    let out = Command::new("openssl")
        .args([
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-purpose",
            "timestampsign",
        ])
        .arg("-in")
        .arg(token)
        .arg("-CAfile")
        .arg(ca)
        .args(["-out", "/dev/null"])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_rsa_pss_token_verifies_here_and_in_openssl_and_a_changed_signature_does_not() {
    let tmp = tempfile::tempdir().unwrap();
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let tsa = LocalTsa::start(&pki, TsaMode::Good);
    let (data, tok) = (tmp.path().join("m"), tmp.path().join("m.tok"));
    std::fs::write(&data, "the manifest").unwrap();
    let d = digest(b"the manifest");
    let ca = pki.ca_pem();
    let (reply, _) = request_token(&tsa.url, &d, &roots(&ca), T).unwrap();

    let pss = pss_token(&pki, &reply, "digest", "pss.tok");
    // It is PSS: the signature algorithm id-RSASSA-PSS (1.2.840.113549.1.1.10).
    let pss_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a,
    ];
    assert!(pss.windows(pss_oid.len()).any(|w| w == pss_oid));
    std::fs::write(&tok, &pss).unwrap();
    let (ok, said) = openssl_cms_verifies(&tok, &ca);
    assert!(ok, "{said}");
    let info = verify_token(&pss, &d, &roots(&ca)).unwrap();
    assert_eq!(info.signer, "Test TSA");

    // The signature's last byte changed: refused as a bad signature, by both.
    let mut bad = pss.clone();
    *bad.last_mut().unwrap() ^= 1;
    assert_eq!(
        verify_token(&bad, &d, &roots(&ca)).unwrap_err(),
        VerifyError::BadSignature
    );
    std::fs::write(&tok, &bad).unwrap();
    assert!(!openssl_cms_verifies(&tok, &ca).0);

    // Another salt length than the hash's (OpenSSL's "max"): openssl takes
    // it; we cannot check it and say so, rather than call it forged.
    let max = pss_token(&pki, &reply, "max", "pss-max.tok");
    std::fs::write(&tok, &max).unwrap();
    assert!(openssl_cms_verifies(&tok, &ca).0);
    let err = verify_token(&max, &d, &roots(&ca)).unwrap_err();
    assert!(
        matches!(&err, VerifyError::Unsupported(w) if w.contains("salt")),
        "{err:?}"
    );
}
