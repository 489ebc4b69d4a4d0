use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ogonblick_capture::{Browser, CaptureError};
use ogonblick_model::{CancelToken, NoProgress};

use crate::common::*;

fn failed(
    url: &str,
    o: ogonblick_capture::CaptureOptions,
) -> (ogonblick_model::PageRecord, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&o).unwrap();
    let rec = capture(&browser, url, dir.path(), "page");
    assert!(!rec.ok, "{url} should fail");
    assert!(rec.files.is_empty());
    assert_eq!(
        files_in(dir.path()),
        Vec::<String>::new(),
        "nothing may be left behind for {url}"
    );
    (rec, dir)
}

fn err(rec: &ogonblick_model::PageRecord) -> String {
    rec.error.clone().unwrap_or_default()
}

/// The Swedish sentence the desktop shows.
fn err_sv(rec: &ogonblick_model::PageRecord) -> String {
    rec.error_text(ogonblick_model::Language::Sv)
        .unwrap_or_else(|| panic!("no Swedish sentence beside {:?}", rec.error))
}

#[test]
fn file_and_javascript_addresses_are_refused_before_chromium() {
    for (url, needle) in [
        ("file:///etc/passwd", "'file:' addresses cannot be captured"),
        ("javascript:alert(1)", "'javascript:' addresses"),
        ("data:text/html,hej", "'data:'"),
        ("ftp://example.org/", "'ftp:'"),
        ("example.org", "not a web address"),
    ] {
        let (rec, _d) = failed(url, opts());
        assert!(err(&rec).contains(needle), "{url}: {}", err(&rec));
        assert_eq!(rec.report.http_status, None);
    }
}

#[test]
fn unreachable_host_and_dns_failure() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (rec, _d) = failed(&format!("http://127.0.0.1:{port}/"), opts());
    assert!(
        err(&rec).contains("could not be reached") && err(&rec).contains("ERR_CONNECTION_REFUSED"),
        "{}",
        err(&rec)
    );
    assert!(
        err_sv(&rec).contains("servern gick inte att nå")
            && err_sv(&rec).contains("ERR_CONNECTION_REFUSED"),
        "{}",
        err_sv(&rec)
    );
    let (rec, _d) = failed("http://no-such-host.invalid/", opts());
    assert!(err(&rec).contains("DNS"), "{}", err(&rec));
    assert!(
        err_sv(&rec).contains("värdnamnet hittades inte (DNS)"),
        "{}",
        err_sv(&rec)
    );
}

#[test]
fn http_404_and_500() {
    let (rec, _d) = failed(&site().url("/status/404"), opts());
    assert!(err(&rec).contains("HTTP 404 (Not Found)"), "{}", err(&rec));
    assert!(
        err_sv(&rec).starts_with("Sidan ")
            && err_sv(&rec)
                .contains("servern svarade HTTP 404 (Not Found); kontrollera att adressen"),
        "{}",
        err_sv(&rec)
    );
    assert_eq!(rec.report.http_status, Some(404));
    let (rec, _d) = failed(&site().url("/status/500"), opts());
    assert!(err(&rec).contains("HTTP 500"), "{}", err(&rec));
}

#[test]
fn redirect_loop() {
    let (rec, _d) = failed(&site().url("/loop"), opts());
    assert!(err(&rec).contains("redirects in a loop"), "{}", err(&rec));
    assert!(err_sv(&rec).contains("i en slinga"), "{}", err_sv(&rec));
}

#[test]
fn hanging_server_times_out() {
    let mut o = opts();
    o.page_timeout = Duration::from_secs(3);
    let t0 = Instant::now();
    let (rec, _d) = failed(&site().url("/hang"), o);
    assert!(
        err(&rec).contains("did not answer within 3 s")
            || err(&rec).contains("did not load within 3 s"),
        "{}",
        err(&rec)
    );
    assert!(
        err_sv(&rec).contains("inom 3 s. Försök igen senare."),
        "{}",
        err_sv(&rec)
    );
    assert!(t0.elapsed() < Duration::from_secs(20), "{:?}", t0.elapsed());
}

#[test]
fn page_that_never_finishes_is_captured_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = opts();
    o.page_timeout = Duration::from_secs(4);
    let browser = Browser::launch(&o).unwrap();
    let rec = capture(&browser, &site().url("/never-finishes"), dir.path(), "p");
    assert!(rec.ok, "{:?}", rec.error);
    assert!(
        rec.report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("had not finished loading")),
        "{:?}",
        rec.report.warnings
    );
    assert!(
        rec.report
            .images_failed
            .iter()
            .any(|w| w.to_string().contains("/hang")),
        "{:?}",
        rec.report.images_failed
    );
    assert!(pdftotext(&dir.path().join("p.pdf")).contains("neverfinishesword"));
}

#[test]
fn missing_parts_of_a_page_are_reported_but_not_the_browsers_own_favicon() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/missing-parts"), dir.path(), "m");
    assert!(rec.ok, "{:?}", rec.error);
    let failed = &rec.report.requests_failed;
    assert!(
        failed
            .iter()
            .any(|r| r.starts_with("HTTP 404") && r.ends_with("/static/gone.css")),
        "{failed:?}"
    );
    assert!(
        rec.report
            .images_failed
            .iter()
            .any(|i| i.contains("/static/gone.png")),
        "{:?}",
        rec.report.images_failed
    );
    // The fixture site has no /favicon.ico either; Chromium asks for it on
    // its own, and that is no gap in the page.
    assert!(!failed.iter().any(|r| r.contains("favicon")), "{failed:?}");
    assert!(pdftotext(&dir.path().join("m.pdf")).contains("missingpartsword"));
}

#[test]
fn alert_dialog_is_dismissed_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/alert"), dir.path(), "alert");
    assert!(rec.ok, "{:?}", rec.error);
    assert!(
        rec.report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("Hej från fixturen")),
        "{:?}",
        rec.report.warnings
    );
    assert!(pdftotext(&dir.path().join("alert.pdf")).contains("alertfixtureword"));
}

#[test]
fn login_wall_is_recorded_not_archived_silently() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/login-wall"), dir.path(), "wall");
    assert!(!rec.ok);
    assert!(
        rec.report
            .walls_detected
            .iter()
            .any(|w| w.to_string().contains("login wall")),
        "{:?}",
        rec.report.walls_detected
    );
    assert!(err(&rec).contains("not a good snapshot"), "{}", err(&rec));
    assert!(
        err_sv(&rec).contains("\"Logga in på plattformen\""),
        "the Swedish button's name: {}",
        err_sv(&rec)
    );
    // The evidence is kept, complete, under final names (with the page's
    // text, kept for comparisons).
    assert_eq!(
        files_in(dir.path()),
        vec![
            "wall.pdf".to_string(),
            "wall.png".to_string(),
            "wall.text.json".to_string()
        ]
    );
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn self_signed_tls_certificate_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (key, cert) = (dir.path().join("k.pem"), dir.path().join("c.pem"));
    let st = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl");
    assert!(st.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _srv = Server(
        Command::new("openssl")
            .args(["s_server", "-quiet", "-www", "-accept"])
            .arg(port.to_string())
            .arg("-cert")
            .arg(&cert)
            .arg("-key")
            .arg(&key)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openssl s_server"),
    );
    let end = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(
        &browser,
        &format!("https://127.0.0.1:{port}/"),
        out.path(),
        "tls",
    );
    assert!(!rec.ok);
    assert!(
        err(&rec).contains("TLS certificate could not be verified")
            && err(&rec).contains("ERR_CERT"),
        "{}",
        err(&rec)
    );
    assert_eq!(files_in(out.path()), Vec::<String>::new());
}

#[test]
fn crashed_browser_gives_a_clear_error_and_the_next_launch_works() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let pid = browser.pid();
    unsafe {
        libc_kill(-(pid as i32), 9);
    }
    let end = Instant::now() + Duration::from_secs(10);
    while browser.is_alive() && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(20));
    }
    let e = browser
        .capture_page(
            &site().url("/x"),
            dir.path(),
            "x",
            &NoProgress,
            0,
            &CancelToken::new(),
        )
        .unwrap_err();
    assert!(matches!(e, CaptureError::BrowserGone(_)), "{e}");
    assert!(e.to_string().contains("start the capture again"), "{e}");
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
    drop(browser);
    let browser = Browser::launch(&opts()).unwrap();
    let rec = capture(&browser, &site().url("/x"), dir.path(), "x");
    assert!(rec.ok, "{:?}", rec.error);
}

extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn chromium_never_outlives_the_browser_value_even_on_panic() {
    // Normal drop.
    let browser = Browser::launch(&opts()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let _ = capture(&browser, &site().url("/alert"), dir.path(), "a");
    let tree = process_tree(browser.pid());
    assert!(tree.len() >= 3, "Chromium runs several processes: {tree:?}");
    drop(browser);
    let live: Vec<u32> = tree.iter().copied().filter(|p| alive(*p)).collect();
    assert!(
        live.is_empty(),
        "Chromium processes left after drop: {live:?}"
    );
    // Panic while a browser is open.
    let (tx, rx) = std::sync::mpsc::channel();
    let h = std::thread::spawn(move || {
        let browser = Browser::launch(&opts()).unwrap();
        tx.send(process_tree(browser.pid())).unwrap();
        panic!("deliberate panic with a browser open");
    });
    assert!(h.join().is_err());
    let tree = rx.recv().unwrap();
    let live: Vec<u32> = tree.iter().copied().filter(|p| alive(*p)).collect();
    assert!(
        live.is_empty(),
        "Chromium processes left after a panic: {live:?}"
    );
}

#[test]
fn cancelled_capture_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&opts()).unwrap();
    let cancel = CancelToken::new();
    cancel.cancel();
    let e = browser
        .capture_page(&site().url("/x"), dir.path(), "x", &NoProgress, 0, &cancel)
        .unwrap_err();
    assert!(matches!(e, CaptureError::Cancelled), "{e}");
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
    // The browser is still usable.
    let rec = capture(&browser, &site().url("/alert"), dir.path(), "a");
    assert!(rec.ok);
}

#[test]
fn cancel_stops_a_navigation_to_a_server_that_never_answers() {
    let dir = tempfile::tempdir().unwrap();
    let o = opts();
    let browser = Browser::launch(&o).unwrap();
    let cancel = CancelToken::new();
    let c = cancel.clone();
    let t0 = Instant::now();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(1));
        c.cancel();
    });
    let e = browser
        .capture_page(
            &site().url("/hang"),
            dir.path(),
            "h",
            &NoProgress,
            0,
            &cancel,
        )
        .unwrap_err();
    canceller.join().unwrap();
    assert!(matches!(e, CaptureError::Cancelled), "{e}");
    // Not after the page timeout: the wait for the server gives way to the user.
    assert!(
        t0.elapsed() < o.page_timeout / 2,
        "cancel took {:?}",
        t0.elapsed()
    );
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
}

#[test]
fn missing_chromium_is_a_clear_launch_error() {
    let mut o = opts();
    o.chromium = Path::new("/nonexistent/chromium").into();
    let e = Browser::launch(&o).err().expect("launch must fail");
    assert!(e.to_string().contains("apt-get install chromium"), "{e}");
    // The Swedish window says it in Swedish, with the path it looked at.
    let sv = e.message().render(ogonblick_model::Language::Sv);
    assert!(
        sv.starts_with("Chromium kunde inte startas: /nonexistent/chromium finns inte."),
        "{sv}"
    );
    assert!(sv.contains("OGONBLICK_CHROMIUM"), "{sv}");
}
