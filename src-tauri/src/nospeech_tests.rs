use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::{
    folder, library_path, prepare, private, wanted, KEEP_SPEECH_ENV, NOSPEECH_DIR_ENV, STUB_FILE,
};
use crate::webkit::tests::env;

fn starts(p: Option<PathBuf>, prefix: &str) -> bool {
    p.is_some_and(|p| p.to_string_lossy().starts_with(prefix))
}

fn dir_with_mode(parent: &Path, name: &str, mode: u32) -> PathBuf {
    let d = parent.join(name);
    std::fs::create_dir(&d).unwrap();
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(mode)).unwrap();
    d
}

#[test]
fn the_folder_is_the_users_own_runtime_folder_else_the_cache_and_always_fit_for_a_path() {
    let tmp = tempfile::tempdir().unwrap();
    let own = dir_with_mode(tmp.path(), "run", 0o700);
    let shared = dir_with_mode(tmp.path(), "shared", 0o755);
    let own_s = own.to_str().unwrap();
    let got = folder(
        env(&[("XDG_RUNTIME_DIR", own_s), ("HOME", "/home/a")]),
        b"x",
    );
    assert!(starts(got, &format!("{own_s}/ogonblick-nospeech-")));
    // Not this user's alone, relative, missing: the cache.
    for run in [shared.to_str().unwrap(), "rel", "/no/such/folder"] {
        let got = folder(env(&[("XDG_RUNTIME_DIR", run), ("HOME", "/home/a")]), b"x");
        assert!(starts(got, "/home/a/.cache/ogonblick-nospeech-"), "{run}");
    }
    let xdg = folder(env(&[("XDG_CACHE_HOME", "/c"), ("HOME", "/home/a")]), b"x");
    assert!(starts(xdg, "/c/ogonblick-nospeech-"));
    // What the loader would read as a separator or a variable: none.
    for home in ["home", "/home/a:b", "/home/a;b", "/home/$ORIGIN"] {
        assert_eq!(folder(env(&[("HOME", home)]), b"x"), None, "{home}");
    }
    assert_ne!(
        folder(env(&[("HOME", "/h")]), b"one"),
        folder(env(&[("HOME", "/h")]), b"two"),
        "another stand-in, another folder"
    );
}

#[test]
fn it_is_wanted_unless_kept_already_done_or_not_built() {
    assert!(wanted(env(&[("HOME", "/h")]), b"elf"));
    assert!(
        !wanted(env(&[("HOME", "/h")]), b""),
        "no stand-in was built"
    );
    assert!(!wanted(
        env(&[("HOME", "/h"), (KEEP_SPEECH_ENV, "1")]),
        b"elf"
    ));
    assert!(wanted(
        env(&[("HOME", "/h"), (KEEP_SPEECH_ENV, "0")]),
        b"elf"
    ));
    // The app run again: its own folder, first in the library path.
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().to_str().unwrap();
    let dir = folder(env(&[("HOME", home)]), b"elf").unwrap();
    let real = prepare(&dir, &[], b"elf").unwrap();
    let real_s = real.to_str().unwrap();
    let again = [
        ("HOME", home),
        (NOSPEECH_DIR_ENV, real_s),
        ("LD_LIBRARY_PATH", real_s),
    ];
    assert!(!wanted(env(&again), b"elf"), "the app run again");
    // Inherited from elsewhere: not a run again.
    let path = format!("/opt/lib:{real_s}");
    let foreign = [
        ("HOME", home),
        (NOSPEECH_DIR_ENV, real_s),
        ("LD_LIBRARY_PATH", path.as_str()),
    ];
    assert!(wanted(env(&foreign), b"elf"), "not first in the path");
    let other = [
        ("HOME", home),
        (NOSPEECH_DIR_ENV, "/d"),
        ("LD_LIBRARY_PATH", "/d"),
    ];
    assert!(wanted(env(&other), b"elf"), "another folder");
}

#[test]
fn nothing_is_made_in_a_folder_of_another_user() {
    // SAFETY: getuid cannot fail.
    if unsafe { libc::getuid() } != 0 {
        return; // only root can give a folder to another user here
    }
    let tmp = tempfile::tempdir().unwrap();
    let theirs = dir_with_mode(tmp.path(), "home-of-nobody", 0o755);
    std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
    let dir = theirs.join(".cache/ogonblick-nospeech-1");
    assert!(prepare(&dir, &[], b"x").is_err());
    assert!(
        !theirs.join(".cache").exists(),
        "no folder made as root in a user's home"
    );
}

#[test]
fn the_folder_comes_first_in_the_library_path() {
    let d = Path::new("/d");
    assert_eq!(library_path(d, None), OsString::from("/d"));
    assert_eq!(library_path(d, Some("".into())), OsString::from("/d"));
    assert_eq!(
        library_path(d, Some("/a:/b".into())),
        OsString::from("/d:/a:/b")
    );
}

#[test]
fn a_folder_is_private_only_when_no_one_else_can_change_it_or_a_folder_above() {
    let tmp = tempfile::tempdir().unwrap();
    let base = dir_with_mode(tmp.path(), "base", 0o700);
    let mine = dir_with_mode(&base, "mine", 0o700);
    assert!(private(&mine));
    let open = dir_with_mode(&base, "open", 0o777);
    let under_open = dir_with_mode(&open, "ns", 0o700);
    assert!(
        !private(&under_open),
        "a folder above is writable by anyone"
    );
    let sticky = dir_with_mode(&base, "sticky", 0o1777);
    let under_sticky = dir_with_mode(&sticky, "ns", 0o700);
    assert!(private(&under_sticky), "as under /tmp");
    let loose = dir_with_mode(&base, "loose", 0o750);
    assert!(!private(&loose), "the folder itself is for this user alone");
    let link = base.join("link");
    std::os::unix::fs::symlink(&mine, &link).unwrap();
    assert!(!private(&link), "a link is not the folder");
}

#[test]
fn prepare_writes_the_stand_in_links_each_name_and_keeps_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a/nospeech");
    let names = vec![
        "libflite.so.1".to_string(),
        "libflite_cmulex.so.1".to_string(),
    ];
    prepare(&dir, &names, b"stub one").unwrap();
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "only this user");
    assert_eq!(std::fs::read(dir.join(STUB_FILE)).unwrap(), b"stub one");
    for n in &names {
        assert_eq!(
            std::fs::read_link(dir.join(n)).unwrap(),
            PathBuf::from(STUB_FILE)
        );
    }
    // Again with other contents, a name that became a file and a library
    // planted beside them: the stand-in and its links only.
    std::fs::remove_file(dir.join(&names[1])).unwrap();
    std::fs::write(dir.join(&names[1]), b"planted").unwrap();
    std::fs::write(dir.join("libc.so.6"), b"planted").unwrap();
    prepare(&dir, &names, b"stub two").unwrap();
    assert_eq!(std::fs::read(dir.join(&names[1])).unwrap(), b"stub two");
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["libflite.so.1", "libflite_cmulex.so.1", STUB_FILE]);
    // A folder others may write is refused, and nothing is written in it.
    let open = dir_with_mode(tmp.path(), "open", 0o777);
    assert!(prepare(&open, &names, b"x").is_err());
    assert_eq!(std::fs::read_dir(&open).unwrap().count(), 0);
}
