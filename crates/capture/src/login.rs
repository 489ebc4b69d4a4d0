//! Signing in: the visible Chromium on the organisation's profile, and the
//! check whether one still holds that profile.

use std::path::Path;
use std::process::{Child, Command, Stdio};

use ogonblick_model::Message;

use crate::browser::spawn_failed;
use crate::process::base_args;
use crate::{validate_url, CaptureError, CaptureOptions};

/// Whether a running Chromium holds the profile folder `dir` (a sign-in
/// window left open): a second Chromium on it would hand its work to that
/// one and quit. Chromium marks a profile in use with `SingletonLock`, a
/// symbolic link to `host-pid` (Linux, macOS), or an open `lockfile`
/// (Windows). A lock of another host counts as in use.
pub fn profile_in_use(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        let Ok(target) = std::fs::read_link(dir.join("SingletonLock")) else {
            return false;
        };
        let target = target.to_string_lossy();
        let Some((host, pid)) = target.rsplit_once('-') else {
            return true;
        };
        let Ok(pid) = pid.parse::<i32>() else {
            return true;
        };
        let mut name = [0u8; 256];
        // SAFETY: gethostname writes at most name.len() bytes into the buffer.
        let ours = if unsafe { libc::gethostname(name.as_mut_ptr().cast(), name.len()) } == 0 {
            let end = name.iter().position(|b| *b == 0).unwrap_or(name.len());
            String::from_utf8_lossy(&name[..end]).into_owned()
        } else {
            String::new()
        };
        if host != ours {
            return true;
        }
        // SAFETY: signal 0 only checks that the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(windows)]
    {
        let lock = dir.join("lockfile");
        lock.exists() && std::fs::OpenOptions::new().write(true).open(&lock).is_err()
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = dir;
        false
    }
}

/// Opens a visible Chromium on the organisation's profile at `url` so a person
/// can sign in; the cookies stay in `opts.profile_dir` for later headless
/// captures. The caller owns the child (wait for it or kill it). Close it
/// before capturing: Chromium locks a profile while it runs.
pub fn open_login_browser(opts: &CaptureOptions, url: &str) -> Result<Child, CaptureError> {
    validate_url(url).map_err(CaptureError::BadAddress)?;
    let Some(profile) = &opts.profile_dir else {
        return Err(CaptureError::Launch(Message::CaptureNoProfile {}));
    };
    std::fs::create_dir_all(profile).map_err(|e| CaptureError::Io {
        path: profile.clone(),
        source: e,
    })?;
    let mut cmd = Command::new(&opts.chromium);
    cmd.args(base_args(opts, profile))
        .arg("--new-window")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    crate::process::without_nospeech(&mut cmd);
    cmd.spawn().map_err(|e| spawn_failed(opts, e))
}
