//! A local time-stamping authority for the tests: a CA and TSA certificates
//! made with `openssl` in a folder, and `openssl ts -reply` behind a tiny
//! HTTP server on 127.0.0.1 (RFC 3161 over HTTP: POST a query, get a reply).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

const CONFIG: &str = r#"
[ca]
default_ca = ca_default
[ca_default]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = pol
unique_subject = no
copy_extensions = none
[pol]
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[tsa_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[noncritical_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = timeStamping
[server_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
[tsa]
default_tsa = tsa_good
[tsa_good]
dir = .
serial = tsaserial
crypto_device = builtin
signer_cert = tsa.pem
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[tsa_chain]
dir = .
serial = tsaserial
crypto_device = builtin
signer_cert = tsa.pem
signer_key = tsa.key
certs = chain.pem
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[tsa_expired]
dir = .
serial = tsaserial
crypto_device = builtin
signer_cert = expired.pem
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"#;

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run openssl");
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA and its certificates, made with `openssl` in `dir`: `ca.pem` (the
/// root), `tsa.pem` (extended key usage critical,timeStamping), `expired.pem`
/// (the same key, valid only in 2020), `server.pem` (serverAuth only: not
/// for time-stamping), `noncritical.pem` (timeStamping, but not marked
/// critical as RFC 3161 requires), and a second CA `other-ca.pem` that signed nothing
/// here. `chain.pem` holds extra certificates for the `certs=` replies.
pub struct LocalPki {
    pub dir: PathBuf,
}

impl LocalPki {
    pub fn create(dir: &Path) -> LocalPki {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("tsa.cnf"), CONFIG).unwrap();
        std::fs::write(dir.join("index.txt"), "").unwrap();
        std::fs::write(dir.join("serial"), "01\n").unwrap();
        std::fs::write(dir.join("tsaserial"), "01\n").unwrap();
        let ca = |name: &str, cn: &str| {
            openssl(
                dir,
                &[
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    &format!("{name}.key"),
                    "-out",
                    &format!("{name}.pem"),
                    "-subj",
                    &format!("/CN={cn}"),
                    "-days",
                    "3650",
                    "-config",
                    "tsa.cnf",
                    "-extensions",
                    "v3_ca",
                ],
            )
        };
        ca("ca", "Test Root CA");
        ca("other-ca", "Another Root CA");
        openssl(
            dir,
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "tsa.key",
                "-out",
                "tsa.csr",
                "-subj",
                "/CN=Test TSA",
            ],
        );
        let sign = |out: &str, ext: &str, dates: &[&str]| {
            let mut args = vec![
                "ca",
                "-batch",
                "-config",
                "tsa.cnf",
                "-cert",
                "ca.pem",
                "-keyfile",
                "ca.key",
                "-in",
                "tsa.csr",
                "-out",
                out,
                "-extensions",
                ext,
                "-notext",
            ];
            args.extend_from_slice(dates);
            openssl(dir, &args);
        };
        sign("tsa.pem", "tsa_ext", &["-days", "365"]);
        sign(
            "expired.pem",
            "tsa_ext",
            &[
                "-startdate",
                "20200101000000Z",
                "-enddate",
                "20210101000000Z",
            ],
        );
        sign("server.pem", "server_ext", &["-days", "365"]);
        sign("noncritical.pem", "noncritical_ext", &["-days", "365"]);
        // Extra certificates in a reply, the root before the other CA.
        let mut chain = std::fs::read(dir.join("ca.pem")).unwrap();
        chain.extend(std::fs::read(dir.join("other-ca.pem")).unwrap());
        std::fs::write(dir.join("chain.pem"), chain).unwrap();
        LocalPki {
            dir: dir.to_path_buf(),
        }
    }

    pub fn ca_pem(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    pub fn other_ca_pem(&self) -> PathBuf {
        self.dir.join("other-ca.pem")
    }

    /// A token (CMS SignedData, no reply around it) with the TSTInfo of
    /// `good_reply` signed by `cert` (`"server.pem"`, `"tsa.pem"`, …) with
    /// the TSA's key, made with `openssl cms -sign -cades` (so its ESS
    /// signing-certificate attribute names `cert`).
    pub fn resign(&self, good_reply: &[u8], cert: &str) -> Vec<u8> {
        let d = &self.dir;
        std::fs::write(d.join("resign.tsr"), good_reply).unwrap();
        openssl(
            d,
            &[
                "ts",
                "-reply",
                "-in",
                "resign.tsr",
                "-token_out",
                "-out",
                "resign.tok",
            ],
        );
        openssl(
            d,
            &[
                "cms",
                "-verify",
                "-noverify",
                "-inform",
                "DER",
                "-in",
                "resign.tok",
                "-binary",
                "-out",
                "resign.tst",
            ],
        );
        openssl(
            d,
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
                cert,
                "-inkey",
                "tsa.key",
                "-md",
                "sha256",
                "-outform",
                "DER",
                "-out",
                "resign.out",
                "-nosmimecap",
                // The ESS signing-certificate attribute RFC 3161 requires.
                "-cades",
            ],
        );
        std::fs::read(d.join("resign.out")).unwrap()
    }
}

/// How the local authority answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TsaMode {
    /// A reply from `tsa.pem`.
    Good,
    /// A reply with extra certificates (`certs=`), not in DER order.
    ExtraCerts,
    /// A reply signed with `expired.pem`.
    Expired,
    /// A reply for another hash than the one asked for.
    OtherHash,
}

/// `openssl ts -reply` behind an HTTP server on 127.0.0.1.
pub struct LocalTsa {
    pub url: String,
    port: u16,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

/// A free port on 127.0.0.1 with nothing listening (for an unreachable
/// authority that is started later on the same address).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl LocalTsa {
    pub fn start(pki: &LocalPki, mode: TsaMode) -> LocalTsa {
        Self::start_on(pki, mode, 0)
    }

    pub fn start_on(pki: &LocalPki, mode: TsaMode, port: u16) -> LocalTsa {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the local authority");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(AtomicUsize::new(0));
        let dir = pki.dir.clone();
        let (stop2, served2) = (stop.clone(), served.clone());
        let thread = std::thread::spawn(move || {
            for (n, conn) in listener.incoming().enumerate() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(c) = conn {
                    if serve(&dir, mode, c, n).is_ok() {
                        served2.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        });
        LocalTsa {
            url: format!("http://127.0.0.1:{port}/tsa"),
            port,
            stop,
            served,
            thread: Some(thread),
        }
    }

    /// The replies sent so far.
    pub fn served(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }
}

impl Drop for LocalTsa {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(dir: &Path, mode: TsaMode, mut c: TcpStream, n: usize) -> std::io::Result<()> {
    let mut reader = BufReader::new(c.try_clone()?);
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body)?;
    let q = dir.join(format!("q-{}-{n}.tsq", c.local_addr()?.port()));
    let r = q.with_extension("tsr");
    if mode == TsaMode::OtherHash {
        std::fs::write(dir.join("other.txt"), format!("not what was asked {n}"))?;
        openssl(
            dir,
            &[
                "ts",
                "-query",
                "-data",
                "other.txt",
                "-sha256",
                "-cert",
                "-out",
                q.to_str().unwrap(),
            ],
        );
    } else {
        std::fs::write(&q, &body)?;
    }
    let section = match mode {
        TsaMode::Good | TsaMode::OtherHash => "tsa_good",
        TsaMode::ExtraCerts => "tsa_chain",
        TsaMode::Expired => "tsa_expired",
    };
    let out = Command::new("openssl")
        .args([
            "ts",
            "-reply",
            "-config",
            "tsa.cnf",
            "-section",
            section,
            "-queryfile",
        ])
        .arg(&q)
        .arg("-out")
        .arg(&r)
        .current_dir(dir)
        .output()?;
    let (status, reply) = if out.status.success() {
        ("200 OK", std::fs::read(&r)?)
    } else {
        ("500 Internal Server Error", out.stderr)
    };
    write!(
        c,
        "HTTP/1.1 {status}\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.len()
    )?;
    c.write_all(&reply)?;
    c.flush()
}
