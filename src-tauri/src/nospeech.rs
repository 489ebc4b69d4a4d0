//! WebKit's speech synthesis kept out of the desktop's processes (issue 18):
//! libwebkit2gtk-4.1 links flite's thirteen libraries, and their relocated
//! voice data costs 5.4 MiB in each of the app's three processes (17 MB of
//! the 231 at rest at 2,000 channels, `bench/desktop`'s breakdown), though
//! no page of the app speaks. [`keep_flite_out`], called first at start,
//! puts a 15 kB library that defines the functions WebKit imports
//! (`nospeech/nospeech.c`, compiled by `build.rs` and embedded here) under
//! each `libflite*.so.1` name in a private folder, checks in a child
//! process that the loader binds this build's WebKit to it and to nothing
//! of flite ([`check`]), and then runs the app again in the same process
//! (`exec`) with that folder first in `LD_LIBRARY_PATH`; WebKit's web and
//! network processes inherit it. Chromium, started for a capture, does not
//! (`ogonblick-capture` takes the folder out of its library path).
//!
//! Before the check passes, whatever goes wrong keeps the real flite and
//! the app starts as before, saying why on stderr: no private folder (the
//! folder and every folder above it, links followed, must be this user's
//! or root's, and none writable by others unless sticky; missing folders
//! are made only inside a folder of this user), a WebKit that imports a
//! function the stand-in lacks (the check, with every symbol bound at load,
//! fails: the app itself would not start), an `exec` that fails. A passed
//! check is remembered for the libraries it was made with (each one's path,
//! size and change time): a change to any of them checks again. A failed
//! one is not: the next start checks again. Folders of other versions'
//! stand-ins are removed. Known limit: programs the app opens through the
//! system (a PDF viewer, the file manager) inherit the library path too; a
//! WebKitGTK program among them gets the same silent stand-in.
//! `OGONBLICK_SPEECH=1` keeps flite (speech synthesis for a page that asks
//! for it). Linux with glibc only (the module is not built elsewhere).

use std::ffi::OsString;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

/// Set to `1`: WebKit keeps its flite (speech synthesis).
pub const KEEP_SPEECH_ENV: &str = "OGONBLICK_SPEECH";

/// Set in the app run again with the stand-in: the folder it is in (and
/// so that it is not run a third time). Defined where Chromium is started,
/// which is given the library path without that folder.
pub use ogonblick_app::NOSPEECH_DIR_ENV;

/// The start of the names of flite's libraries.
const FLITE: &str = "libflite";

/// The child's argument: it checks what the loader bound, and ends.
pub const PROBE_ARG: &str = "--ogonblick-nospeech-probe";

/// The child's exit code when every flite name was bound to the stand-in.
pub const PROBE_BOUND: i32 = 77;

/// The stand-in's own file name; each flite name is a link to it.
pub const STUB_FILE: &str = "libogonblick-nospeech.so";

/// The stand-in, as `build.rs` compiled it (empty when it could not).
pub static STUB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/libogonblick-nospeech.so"));

/// The file that says the check passed, for which libraries.
const CHECKED_FILE: &str = "checked";

/// The private folder for this stand-in: under `XDG_RUNTIME_DIR` when it
/// is this user's alone (as the XDG specification has it), else under
/// `XDG_CACHE_HOME` or `~/.cache`; named after the stand-in's contents, so
/// two versions of the app never share one. `None`: no folder fit for a
/// library path (relative, or with `:`, `;` or `$` in it, which the loader
/// would read as a separator or a variable).
pub fn folder(get: impl Fn(&str) -> Option<OsString>, stub: &[u8]) -> Option<PathBuf> {
    let fit = |v: OsString| {
        let p = PathBuf::from(v);
        let text = p.to_str()?;
        (p.is_absolute() && !text.contains([':', ';', '$'])).then_some(p)
    };
    let name = format!("ogonblick-nospeech-{:016x}", fnv1a(stub));
    let run = get("XDG_RUNTIME_DIR")
        .and_then(fit)
        .filter(|d| std::fs::metadata(d).is_ok_and(|m| m.uid() == uid() && m.mode() & 0o077 == 0));
    if let Some(run) = run {
        return Some(run.join(name));
    }
    let cache = get("XDG_CACHE_HOME")
        .and_then(fit)
        .or_else(|| get("HOME").and_then(fit).map(|h| h.join(".cache")))?;
    Some(cache.join(name))
}

fn uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// FNV-1a, 64 bits: a name for contents.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether to try at all: a stand-in was built, the user did not keep
/// speech, and this is not the app run again already ([`rerun`]).
pub fn wanted(get: impl Fn(&str) -> Option<OsString>, stub: &[u8]) -> bool {
    !stub.is_empty() && get(KEEP_SPEECH_ENV).is_none_or(|v| v != "1") && !rerun(&get, stub)
}

/// Whether this is the app run again with its own stand-in: the variable
/// names this stand-in's folder (as [`prepare`] gave it) and the library
/// path starts with it. One inherited from elsewhere (a program the app
/// opened, which started the app) does not count.
pub fn rerun(get: &impl Fn(&str) -> Option<OsString>, stub: &[u8]) -> bool {
    let Some(set) = get(NOSPEECH_DIR_ENV) else {
        return false;
    };
    let first = get("LD_LIBRARY_PATH").and_then(|p| std::env::split_paths(&p).next());
    let ours = folder(get, stub).and_then(|f| std::fs::canonicalize(f).ok());
    ours.is_some_and(|o| o.as_os_str() == set && first.as_deref() == Some(o.as_path()))
}

/// `LD_LIBRARY_PATH` with `dir` first.
pub fn library_path(dir: &Path, old: Option<OsString>) -> OsString {
    let mut v = dir.as_os_str().to_os_string();
    if let Some(old) = old.filter(|o| !o.is_empty()) {
        v.push(":");
        v.push(old);
    }
    v
}

/// Whether no one but this user (or root) may change folder `d`: it is
/// theirs and not writable by others unless sticky (as `/tmp`: others may
/// not replace what is ours in it).
fn safe(d: &Path) -> bool {
    std::fs::metadata(d).is_ok_and(|m| {
        let owner = m.uid() == uid() || m.uid() == 0;
        let others_write = m.mode() & 0o022 != 0 && m.mode() & 0o1000 == 0;
        m.is_dir() && owner && !others_write
    })
}

/// Whether no one but this user (or root) can change what `dir` holds:
/// it is this user's alone, and every folder above it, links followed, is
/// [`safe`].
pub fn private(dir: &Path) -> bool {
    let Ok(real) = std::fs::canonicalize(dir) else {
        return false;
    };
    real.ancestors().all(safe)
        && std::fs::symlink_metadata(dir).is_ok_and(|m| m.uid() == uid() && m.mode() & 0o077 == 0)
}

/// Puts the stand-in into `dir`, with a link to it for each of `names`, and
/// nothing else: any other entry goes (every library is looked for there
/// first). The folders made for it are made only in a folder of this user
/// (never, say, by root in a user's home under `sudo`), for this user
/// alone, and `dir` must then be [`private`]; the stand-in is written whole
/// before it gets its name. Returns the folder with links resolved, as the
/// library path must name it.
pub fn prepare(dir: &Path, names: &[String], stub: &[u8]) -> std::io::Result<PathBuf> {
    let refused = |what: &Path| {
        std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "{} or a folder above it is not this user's alone",
                what.display()
            ),
        )
    };
    let base = dir
        .ancestors()
        .find(|a| a.exists())
        .unwrap_or(Path::new("/"));
    let base_real = std::fs::canonicalize(base)?;
    let mine = std::fs::metadata(&base_real).is_ok_and(|m| m.uid() == uid());
    if !(base_real.ancestors().all(safe) && (base == dir || mine)) {
        return Err(refused(base));
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    if !private(dir) {
        return Err(refused(dir));
    }
    let dir = std::fs::canonicalize(dir)?;
    let dir = dir.as_path();
    let pid = std::process::id();
    let file = dir.join(STUB_FILE);
    if std::fs::read(&file).ok().as_deref() != Some(stub) {
        write_atomic(&file, stub)?;
    }
    for name in names {
        let link = dir.join(name);
        if std::fs::read_link(&link).ok().as_deref() != Some(Path::new(STUB_FILE)) {
            // Made aside and renamed: two first starts at once both succeed.
            let tmp = dir.join(format!(".{name}.{pid}"));
            let _ = std::fs::remove_file(&tmp);
            std::os::unix::fs::symlink(STUB_FILE, &tmp)?;
            std::fs::rename(&tmp, &link)?;
        }
    }
    let ours = |n: &std::ffi::OsStr| {
        n == CHECKED_FILE || n == STUB_FILE || names.iter().any(|m| n == m.as_str())
    };
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let n = entry.file_name();
        // A temporary entry of another start is left to it.
        if !ours(&n) && !n.to_string_lossy().starts_with('.') {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(dir.to_path_buf())
}

/// Removes the folders of other stand-ins (other versions of the app)
/// beside `dir` that belong to this user. One still in use by a running
/// app only makes WebKit processes it starts later load flite.
fn remove_others(dir: &Path) {
    let (Some(parent), Some(own)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name();
        let theirs =
            std::fs::symlink_metadata(e.path()).is_ok_and(|m| m.is_dir() && m.uid() == uid());
        if n != own && n.to_string_lossy().starts_with("ogonblick-nospeech-") && theirs {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// `ogonblick_store::fsutil::write_atomic`, its error as an I/O error.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    ogonblick_app::store::fsutil::write_atomic(path, bytes).map_err(std::io::Error::other)
}

/// The libraries loaded into this process, each by its path, in load order.
pub fn loaded() -> Vec<PathBuf> {
    unsafe extern "C" fn each(
        info: *mut libc::dl_phdr_info,
        _size: libc::size_t,
        out: *mut libc::c_void,
    ) -> libc::c_int {
        // SAFETY: the loader hands a valid info whose name is a C string or
        // null, and `out` is the vector passed below.
        let (info, out) = unsafe { (&*info, &mut *(out as *mut Vec<PathBuf>)) };
        if !info.dlpi_name.is_null() {
            use std::os::unix::ffi::OsStrExt;
            let name = unsafe { std::ffi::CStr::from_ptr(info.dlpi_name) };
            if !name.is_empty() {
                out.push(PathBuf::from(std::ffi::OsStr::from_bytes(name.to_bytes())));
            }
        }
        0
    }
    let mut all: Vec<PathBuf> = Vec::new();
    // SAFETY: the callback only reads the info and pushes into `all`.
    unsafe {
        libc::dl_iterate_phdr(
            Some(each),
            &mut all as *mut Vec<PathBuf> as *mut libc::c_void,
        )
    };
    all
}

/// The paths of `libs` whose file names start with `prefix`.
fn with_prefix<'a>(libs: &'a [PathBuf], prefix: &'a str) -> impl Iterator<Item = &'a PathBuf> {
    libs.iter().filter(move |p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    })
}

/// The file names of `libs` that start with `prefix`.
fn named(libs: &[PathBuf], prefix: &str) -> Vec<String> {
    with_prefix(libs, prefix)
        .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
        .collect()
}

/// The file names of the loaded libraries that start with `prefix`.
pub fn loaded_named(prefix: &str) -> Vec<String> {
    named(&loaded(), prefix)
}

/// What a passed check holds for: the app's binary and the loaded
/// libraries `libs`, each by path, size and change time.
fn identity(exe: &Path, libs: &[PathBuf]) -> String {
    let mut id = String::new();
    for p in std::iter::once(exe).chain(libs.iter().map(PathBuf::as_path)) {
        let m = std::fs::metadata(p).ok();
        id.push_str(&format!(
            "{} {} {}.{}\n",
            p.display(),
            m.as_ref().map_or(0, |m| m.size()),
            m.as_ref().map_or(0, |m| m.ctime()),
            m.as_ref().map_or(0, |m| m.ctime_nsec())
        ));
    }
    id
}

/// In the child ([`PROBE_ARG`]): whether every flite library loaded is the
/// stand-in in `dir` (the loader bound WebKit to it, since the process got
/// this far, and took nothing of flite from elsewhere).
pub fn bound_to(dir: &Path) -> bool {
    let libs = loaded();
    let mut flite = with_prefix(&libs, FLITE).peekable();
    flite.peek().is_some() && flite.all(|p| p.parent() == Some(dir))
}

/// Starts `exe` as the child that checks the stand-in in `dir` with
/// library path `path`: `Ok` when it bound, else why not (the loader's
/// first line).
pub fn check(exe: &Path, dir: &Path, path: &OsString) -> Result<(), String> {
    let out = std::process::Command::new(exe)
        .arg(PROBE_ARG)
        .env("LD_LIBRARY_PATH", path)
        // Every symbol bound at load, as Debian's WebKit asks anyway: a
        // function the stand-in lacks fails here, not later in the app.
        .env("LD_BIND_NOW", "1")
        .env(NOSPEECH_DIR_ENV, dir)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.code() == Some(PROBE_BOUND) {
        return Ok(());
    }
    let err = String::from_utf8_lossy(&out.stderr);
    Err(match err.lines().next() {
        Some(line) => line.to_string(),
        None => format!("the check ended with {}", out.status),
    })
}

/// Runs the app again with the stand-in when it may (see the module); a
/// child started with [`PROBE_ARG`] ends here at once. Call first at start,
/// before any other thread; returns only when the app goes on as it is.
pub fn keep_flite_out() {
    let mut args = std::env::args_os();
    let arg0 = args.next();
    let rest: Vec<OsString> = args.collect();
    if rest.first().is_some_and(|a| a == PROBE_ARG) {
        let dir = std::env::var_os(NOSPEECH_DIR_ENV).map(PathBuf::from);
        std::process::exit(match dir {
            Some(d) if bound_to(&d) => PROBE_BOUND,
            _ => 1,
        });
    }
    let get = |name: &str| std::env::var_os(name);
    if !wanted(get, STUB) {
        return;
    }
    let libs = loaded();
    let names = named(&libs, FLITE);
    if names.is_empty() {
        return;
    }
    let keep = |why: &dyn std::fmt::Display| {
        eprintln!("ogonblick-desktop: WebKit keeps its speech synthesis (flite): {why}");
    };
    let Some(dir) = folder(get, STUB) else {
        return keep(
            &"no folder for the stand-in (HOME and XDG_RUNTIME_DIR unset, relative, or with : ; $)",
        );
    };
    let dir = match prepare(&dir, &names, STUB) {
        Ok(real) => real,
        Err(e) => return keep(&e),
    };
    remove_others(&dir);
    // The binary by its own name, so the process keeps it (`ps`, `top`).
    let exe = std::env::current_exe()
        .ok()
        .filter(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("/proc/self/exe"));
    let path = library_path(&dir, get("LD_LIBRARY_PATH"));
    let marker = dir.join(CHECKED_FILE);
    let id = identity(&exe, &libs);
    if std::fs::read_to_string(&marker).ok().as_deref() != Some(id.as_str()) {
        if let Err(why) = check(&exe, &dir, &path) {
            return keep(&format!("the check with {} failed: {why}", dir.display()));
        }
        // Not remembered: the next start checks again.
        let _ = write_atomic(&marker, id.as_bytes());
    }
    use std::os::unix::process::CommandExt;
    let mut again = std::process::Command::new(&exe);
    if let Some(arg0) = arg0 {
        again.arg0(arg0);
    }
    let e = again
        .args(rest)
        .env("LD_LIBRARY_PATH", &path)
        .env(NOSPEECH_DIR_ENV, &dir)
        .exec();
    keep(&e);
}

#[cfg(test)]
#[path = "nospeech_tests.rs"]
mod tests;
