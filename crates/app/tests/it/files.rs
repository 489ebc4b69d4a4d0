//! `App::snapshot_file_path` and `App::thumbnail` on snapshots stored
//! through the store's commit path, with real PNG files.

use std::sync::Arc;

use ogonblick_app::App;
use ogonblick_model::{ErrorCode, FixedClock, SnapshotReason as R, SnapshotStatus as S};

use crate::fixture::{add, open_at, png_bytes, store_snapshot, t};

fn decode(bytes: &[u8]) -> (u32, u32, png::ColorType, Vec<u8>) {
    let mut r = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    (info.width, info.height, info.color_type, buf)
}

fn pixel(img: &(u32, u32, png::ColorType, Vec<u8>), x: u32, y: u32) -> [u8; 3] {
    let c = match img.2 {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected colour type {other:?}"),
    };
    let i = ((y * img.0 + x) * c) as usize;
    [img.3[i], img.3[i + 1], img.3[i + 2]]
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 2)
}

const RED: [u8; 3] = [220, 20, 30];
const BLUE: [u8; 3] = [10, 40, 200];

fn app_with(png: Vec<u8>) -> (tempfile::TempDir, App, String, i64, Arc<FixedClock>) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let ch = add(&app, "Bilder", Some("KS"), None, None);
    let s = store_snapshot(
        &app,
        &clock,
        ch,
        "2026-10-05T09:00:00Z",
        R::AdHoc,
        S::Complete,
        Some(png),
    );
    (dir, app, s.id, ch, clock)
}

#[test]
fn thumbnail_scales_and_crops_the_top_of_the_page() {
    // 1000 x 5000: red on top (300 rows), blue below.
    let (_d, app, id, _, _) = app_with(png_bytes(1000, 5000, 300));
    let img = decode(&app.thumbnail(&id, 0, 200).unwrap());
    assert_eq!(
        (img.0, img.1),
        (200, 300),
        "200 wide, cropped to 1.5 x 200 rows"
    );
    assert!(close(pixel(&img, 10, 10), RED), "{:?}", pixel(&img, 10, 10));
    // Source rows 0..300 are red = thumbnail rows 0..60; row 70 is blue.
    assert!(close(pixel(&img, 199, 55), RED));
    assert!(
        close(pixel(&img, 100, 70), BLUE),
        "{:?}",
        pixel(&img, 100, 70)
    );
    assert!(close(pixel(&img, 0, 299), BLUE));

    // A narrow image is not enlarged, and a short one not padded.
    let (_d, app, id, _, _) = app_with(png_bytes(120, 90, 45));
    let img = decode(&app.thumbnail(&id, 0, 400).unwrap());
    assert_eq!((img.0, img.1), (120, 90));
    assert!(close(pixel(&img, 5, 10), RED) && close(pixel(&img, 5, 80), BLUE));
}

#[test]
fn thumbnail_of_a_200000_pixel_page_decodes_only_its_top() {
    // A real 400 x 200,000 PNG, cut off after its first 64 KiB: a decoder
    // that read the whole image would fail; the thumbnail needs only the top.
    let mut bytes = png_bytes(400, 200_000, 100);
    assert!(bytes.len() > 100_000, "{}", bytes.len());
    bytes.truncate(64 * 1024);
    let (_d, app, id, _, _) = app_with(bytes);
    let img = decode(&app.thumbnail(&id, 0, 100).unwrap());
    assert_eq!((img.0, img.1), (100, 150));
    assert!(close(pixel(&img, 50, 10), RED));
    assert!(close(pixel(&img, 50, 100), BLUE));
}

#[test]
fn thumbnail_refuses_bad_requests_with_what_to_do() {
    let (_d, app, id, ch, clock) = app_with(png_bytes(50, 50, 25));
    let code = |r: Result<Vec<u8>, ogonblick_app::AppError>| r.unwrap_err().code();
    assert_eq!(code(app.thumbnail(&id, 0, 0)), ErrorCode::InvalidInput);
    assert_eq!(
        code(app.thumbnail(&id, 0, 100_000)),
        ErrorCode::InvalidInput
    );
    let e = app.thumbnail(&id, 3, 100).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert!(e.to_string().contains("give 0 to 0"), "{e}");
    assert_eq!(
        code(app.thumbnail("no-such-snapshot", 0, 100)),
        ErrorCode::NotFound
    );
    // A failed page has no PNG.
    let failed = store_snapshot(
        &app,
        &clock,
        ch,
        "2026-10-06T09:00:00Z",
        R::AdHoc,
        S::Failed,
        None,
    );
    let e = app.thumbnail(&failed.id, 0, 100).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert!(e.to_string().contains("the page did not load"), "{e}");
    // A damaged file gives an environment error, not a panic.
    let path = app.snapshot_file_path(&id, "page-01.png").unwrap();
    std::fs::write(&path, b"garbage").unwrap();
    assert_eq!(code(app.thumbnail(&id, 0, 100)), ErrorCode::Environment);
}

/// A PNG the thumbnail cannot use says why in the chosen language: an
/// interlaced 20000 x 20000 header (1.6 GB to decode) is refused.
#[test]
fn an_unusable_png_says_why_in_swedish() {
    const HUGE_INTERLACED: &str =
        "89504e470d0a1a0a0000000d4948445200004e2000004e200806000001947776af\
        0000000c49444154789c6360a00c000000400001b7347cef0000000049454e44ae426082";
    let bytes: Vec<u8> = (0..HUGE_INTERLACED.len() / 2)
        .map(|i| u8::from_str_radix(&HUGE_INTERLACED[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    let (_d, app, id, _, _) = app_with(bytes);
    let e = app.thumbnail(&id, 0, 100).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Environment);
    let sv = e.message().render(ogonblick_model::Language::Sv);
    assert!(
        sv.contains("(den är radvis sammanflätad och för stor för en miniatyrbild)")
            && sv.starts_with("bilden "),
        "{sv}"
    );
    let en = e.message().render(ogonblick_model::Language::En);
    assert!(
        en.contains("(it is interlaced and too large for a thumbnail)"),
        "{en}"
    );
}

#[test]
fn snapshot_file_path_resolves_only_recorded_files_inside_the_folder() {
    let (dir, app, id, ch, _) = app_with(png_bytes(20, 20, 10));
    let folder = dir
        .path()
        .join("channels")
        .join(ch.to_string())
        .join("snapshots")
        .join(&id);
    let p = app.snapshot_file_path(&id, "page-01.png").unwrap();
    assert_eq!(p, folder.join("page-01.png").canonicalize().unwrap());
    assert!(p.is_file());

    for (bad, code) in [
        ("../../../../ogonblick.sqlite", ErrorCode::InvalidInput),
        ("/etc/passwd", ErrorCode::InvalidInput),
        ("./page-01.png", ErrorCode::InvalidInput),
        ("sub\\..\\page-01.png", ErrorCode::InvalidInput),
        ("", ErrorCode::InvalidInput),
        ("snapshot.json", ErrorCode::NotFound),
        ("page-02.png", ErrorCode::NotFound),
    ] {
        let e = app.snapshot_file_path(&id, bad).unwrap_err();
        assert_eq!(e.code(), code, "{bad}: {e}");
        assert!(
            e.to_string().contains(": give"),
            "{bad}: the message says what to do: {e}"
        );
    }
    assert_eq!(
        app.snapshot_file_path("x", "page-01.png")
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );

    // A recorded file replaced by a link to a file outside the folder.
    let outside = dir.path().join("secret.txt");
    std::fs::write(&outside, "not part of any snapshot").unwrap();
    std::fs::remove_file(folder.join("page-01.png")).unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("page-01.png")).unwrap();
    let e = app.snapshot_file_path(&id, "page-01.png").unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    assert!(e.to_string().contains("outside its snapshot folder"), "{e}");
    assert_eq!(
        app.thumbnail(&id, 0, 10).unwrap_err().code(),
        ErrorCode::InvalidInput
    );

    // A recorded file that has gone missing.
    std::fs::remove_file(folder.join("page-01.png")).unwrap();
    let e = app.snapshot_file_path(&id, "page-01.png").unwrap_err();
    assert_eq!(e.code(), ErrorCode::Environment, "{e}");
}
