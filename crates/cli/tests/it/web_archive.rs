//! The web archive of a capture (WARC 1.1 per page in a WACZ 1.1.1), checked
//! with the independent tools an outsider would use: `warcio check` (PyPI
//! `warcio`), `wacz validate` (PyPI `wacz`) and an offline replay with
//! `pywb` on 127.0.0.1. One real capture (a fixture page and a page that
//! answers 404) serves every assertion; a second, cheap one has the
//! setting off.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::{json, ok, run};

fn folder(dir: &Path, s: &Value) -> PathBuf {
    dir.join("channels")
        .join(s["channel_id"].as_i64().unwrap().to_string())
        .join("snapshots")
        .join(s["id"].as_str().unwrap())
}

fn tool(cmd: &str, args: &[&str]) -> std::process::Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (scripts/setup.sh installs it): {e}"))
}

/// The WACZ's entries, extracted into `to`; their names.
fn unzip(wacz: &Path, to: &Path) -> Vec<String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(wacz).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let name = e.name().to_string();
        let path = to.join(&name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut out = std::fs::File::create(&path).unwrap();
        std::io::copy(&mut e, &mut out).unwrap();
        names.push(name);
    }
    names
}

fn gunzip_all(path: &Path) -> String {
    let mut s = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut s)
        .unwrap();
    String::from_utf8_lossy(&s).into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// GET over plain HTTP/1.0; the whole answer.
fn get(port: u16, path: &str) -> Option<String> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[test]
fn every_capture_leaves_a_web_archive_that_independent_tools_check_and_replay() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let good = site.url("/youtube");
    let missing = site.url("/status/404");
    let id: i64 = ok(
        dir,
        &[
            "channel",
            "add",
            "--name",
            "Kommunens YouTube",
            "--platform",
            "youtube",
            "--url",
            &good,
            "--url",
            &missing,
        ],
    )
    .trim()
    .parse()
    .unwrap();
    let r = run(dir, &["capture", &id.to_string(), "--json"]);
    assert_eq!(r.code, 1, "one page answered 404: {}", r.stderr);
    let results: Value = serde_json::from_str(&r.stdout).unwrap();
    let s = &results[0]["snapshot"];
    assert_eq!(s["status"], "partial");
    let title = s["pages"][0]["report"]["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!title.is_empty());

    // The snapshot records its WACZ with its SHA-256 like every file.
    let files = s["files"].as_array().expect("the snapshot's own files");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["role"], "web-archive");
    assert_eq!(files[0]["path"], "web-archive.wacz");
    let wacz = folder(dir, s).join("web-archive.wacz");
    let (sha, size) = ogonblick_app::model::fixity::sha256_file(&wacz).unwrap();
    assert_eq!(sha, files[0]["sha256"].as_str().unwrap());
    assert_eq!(size, files[0]["size"].as_u64().unwrap());

    // wacz validate passes it.
    let v = tool("wacz", &["validate", "-f", wacz.to_str().unwrap()]);
    let said =
        String::from_utf8_lossy(&v.stdout).into_owned() + &String::from_utf8_lossy(&v.stderr);
    assert!(v.status.success(), "wacz validate: {said}");

    let x = tempfile::tempdir().unwrap();
    let names = unzip(&wacz, x.path());
    for n in [
        "indexes/index.cdx",
        "pages/pages.jsonl",
        "datapackage.json",
        "datapackage-digest.json",
    ] {
        assert!(names.iter().any(|e| e == n), "{n} missing from {names:?}");
    }
    let warcs: Vec<PathBuf> = names
        .iter()
        .filter(|n| n.starts_with("archive/") && n.ends_with(".warc.gz"))
        .map(|n| x.path().join(n))
        .collect();
    assert_eq!(warcs.len(), 2, "one WARC per page: {names:?}");

    // pages.jsonl lists every captured address.
    let pages = std::fs::read_to_string(x.path().join("pages/pages.jsonl")).unwrap();
    let mut lines = pages.lines();
    let header: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["format"], "json-pages-1.0");
    let urls: Vec<String> = lines
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["url"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(urls, [good.clone(), missing.clone()]);

    // warcio check passes every WARC, and fails one with a changed byte.
    for w in &warcs {
        let c = tool("warcio", &["check", "-v", w.to_str().unwrap()]);
        assert!(
            c.status.success(),
            "warcio check {}: {}{}",
            w.display(),
            String::from_utf8_lossy(&c.stdout),
            String::from_utf8_lossy(&c.stderr)
        );
        let text = gunzip_all(w);
        assert!(
            text.starts_with("WARC/1.1\r\nWARC-Type: warcinfo"),
            "{}",
            &text[..100]
        );
        for field in [
            "snapshot-id: ",
            "operator: Testare",
            "browser: ",
            "software: Ögonblick",
        ] {
            assert!(text.contains(field), "warcinfo lacks {field}");
        }
        assert!(
            text.contains("WARC-Type: metadata"),
            "the page's status record"
        );
    }
    // A changed byte of the page's content (gzip kept valid) fails the
    // record's digest (checked on the WARC uncompressed); a changed byte of the file fails gzip's own check
    // (warcio stops at a broken member and says "digest present but not
    // checked", with exit status 0: README says to run `gzip -t` too).
    let text = std::fs::read(&warcs[0]).unwrap();
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&text[..])
        .read_to_end(&mut plain)
        .unwrap();
    let at = find(&plain, title.as_bytes()).expect("the title in the WARC");
    plain[at] ^= 0x01;
    let bad = x.path().join("changed.warc");
    std::fs::write(&bad, &plain).unwrap();
    let c = tool("warcio", &["check", "-v", bad.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&c.stdout);
    assert!(
        !c.status.success(),
        "warcio check passed a changed byte: {out}"
    );
    assert!(out.contains("digest failed"), "{out}");
    let mut raw = text.clone();
    let mid = raw.len() / 2;
    raw[mid] ^= 0x01;
    let bad = x.path().join("changed.warc.gz");
    std::fs::write(&bad, &raw).unwrap();
    let g = tool("gzip", &["-t", bad.to_str().unwrap()]);
    assert!(
        !g.status.success(),
        "gzip -t passed a changed byte at {mid}"
    );
    let c = tool("warcio", &["check", "-v", bad.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&c.stdout);
    assert!(
        !c.status.success() || out.contains("not checked"),
        "warcio check saw nothing wrong with a changed byte at {mid}: {out}"
    );

    // The page that answered 404 left a WARC with what was received.
    let failed = warcs
        .iter()
        .map(|w| gunzip_all(w))
        .find(|t| t.contains(&format!("page: {missing}")))
        .expect("a WARC for the failed page");
    assert!(failed.contains("WARC-Type: response"), "{failed}");
    assert!(failed.contains("HTTP/1.1 404"), "{failed}");

    // An offline replay (pywb on 127.0.0.1) of the captured page shows its text.
    let root = x.path().join("pywb");
    let coll = root.join("collections").join("snap");
    std::fs::create_dir_all(coll.join("archive")).unwrap();
    std::fs::create_dir_all(coll.join("indexes")).unwrap();
    for w in &warcs {
        std::fs::copy(w, coll.join("archive").join(w.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        x.path().join("indexes/index.cdx"),
        coll.join("indexes/index.cdx"),
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Server(
        Command::new("wayback")
            .args(["-p", &port.to_string(), "-b", "127.0.0.1"])
            .current_dir(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pywb's wayback (scripts/setup.sh installs it)"),
    );
    let end = Instant::now() + Duration::from_secs(60);
    let replay = loop {
        if let Some(r) = get(port, &format!("/snap/mp_/{good}")) {
            break r;
        }
        assert!(Instant::now() < end, "pywb did not start");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        replay.starts_with("HTTP/1.0 200") || replay.starts_with("HTTP/1.1 200"),
        "{}",
        &replay[..replay.len().min(500)]
    );
    assert!(
        replay.contains(&title),
        "the replay holds the page's title {title:?}"
    );

    // The package carries the WACZ, and `ogonblick verify` passes it.
    ok(
        dir,
        &[
            "settings",
            "set",
            "--name",
            "Nacka kommun",
            "--org-number",
            "212000-0167",
            "--e-archive",
            "Nacka e-arkiv",
        ],
    );
    let pkg = x.path().join("paket.zip");
    ok(
        dir,
        &[
            "export",
            "--channel",
            &id.to_string(),
            "--include-incomplete",
            "--archive-creator",
            "Kommunstyrelsen",
            "--out",
            pkg.to_str().unwrap(),
        ],
    );
    let names: Vec<String> = {
        let z = zip::ZipArchive::new(std::fs::File::open(&pkg).unwrap()).unwrap();
        z.file_names().map(str::to_string).collect()
    };
    assert!(
        names
            .iter()
            .any(|n| n.contains("/representations/rep2/data/") && n.ends_with("/web-archive.wacz")),
        "{names:?}"
    );
    ok(dir, &["verify", pkg.to_str().unwrap()]);

    // The setting off: no web archive.
    ok(dir, &["settings", "set", "--web-archive", "off"]);
    let shown = json(dir, &["settings", "show", "--json"]);
    assert_eq!(shown["web_archive"], false);
    let one: i64 = ok(
        dir,
        &[
            "channel",
            "add",
            "--name",
            "Utan webbarkiv",
            "--platform",
            "x",
            "--url",
            &site.url("/x"),
        ],
    )
    .trim()
    .parse()
    .unwrap();
    let r = json(dir, &["capture", &one.to_string(), "--json"]);
    let s = &r[0]["snapshot"];
    assert_eq!(s["status"], "complete");
    assert!(s.get("files").is_none(), "{s}");
    let mut in_folder: Vec<String> = std::fs::read_dir(folder(dir, s))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    in_folder.sort();
    assert_eq!(
        in_folder,
        [
            "manifest-sha256.txt",
            "page-01.pdf",
            "page-01.png",
            "page-01.text.json",
            "snapshot.json"
        ]
    );
}
