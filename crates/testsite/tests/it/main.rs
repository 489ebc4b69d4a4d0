//! The fixture-site binary serves what the capture tests and the CLI/desktop
//! end-to-end tests rely on.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn get(base: &str, path: &str) -> (u16, String, String) {
    let hostport = base.trim_start_matches("http://");
    let port: u16 = hostport.rsplit(':').next().unwrap().parse().unwrap();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {hostport}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head.to_string(), body.to_string())
}

#[test]
fn binary_prints_its_urls_and_serves_the_fixture() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ogonblick-testsite"))
        .arg("--until-stdin-closes")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    let base = v["base"].as_str().unwrap().to_string();
    let cross = v["cross_origin_base"].as_str().unwrap().to_string();
    assert!(base.starts_with("http://127.0.0.1:"));
    assert!(cross.starts_with("http://localhost:"));
    assert_eq!(v["channels"].as_array().unwrap().len(), 5);

    let (st, _, body) = get(&base, "/facebook");
    assert_eq!(st, 200);
    assert!(body.contains("Räksmörgås åäö ÅÄÖ") && body.contains("Tillåt alla cookies"));
    let (_, _, body) = get(&base, "/instagram");
    assert!(body.contains(&format!("{cross}/consent-frame")));
    let (st, _, body) = get(&cross, "/consent-frame");
    assert_eq!(st, 200);
    assert!(body.contains("Godkänn alla"));
    assert_eq!(get(&base, "/status/404").0, 404);
    assert_eq!(get(&base, "/status/500").0, 500);
    let (st, head, _) = get(&base, "/loop");
    assert_eq!(st, 302);
    assert!(head.contains(&format!("Location: {base}/loop")));
    let (_, _, body) = get(&base, "/tall?h=3000&band=1000");
    assert_eq!(body.matches("<div").count(), 3);
    let (_, _, body) = get(&base, "/api/feed/x?page=1");
    assert_eq!(body.matches("<article").count(), 5);
    let (_, _, body) = get(&base, "/api/feed/x?page=4");
    assert_eq!(
        body.matches("<article").count(),
        0,
        "x has three feed pages"
    );

    drop(child.stdin.take());
    let status = child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn tracked_fixture_files_are_small() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixture-site");
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        assert!(
            e.metadata().unwrap().len() < 1_000_000,
            "{:?} is over 1 MB",
            e.path()
        );
    }
}
