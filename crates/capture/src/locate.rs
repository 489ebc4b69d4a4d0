//! Where the browser and the sRGB profile are on each operating system.
//!
//! Chromium, Chrome and Edge (Edge is Chromium) are all driven the same way;
//! the first that exists in its usual install place is used, after
//! `$OGONBLICK_CHROMIUM`. The search is a pure function of the environment
//! and the file system it is given, so Windows' and macOS' rules are tested
//! on Linux too.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The operating systems whose install places are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    Windows,
    MacOs,
}

impl Os {
    /// The system this program was built for.
    pub fn current() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Linux
        }
    }
}

/// The environment variable that names the browser to use.
pub const CHROMIUM_ENV: &str = "OGONBLICK_CHROMIUM";

/// The places a Chromium-based browser is installed on `os`, in the order
/// they are preferred: Chromium first (Debian's package), then Chrome, then
/// Edge. Places under a folder named by an environment variable
/// (`%ProgramFiles%`, `%LOCALAPPDATA%`, `$HOME`) are left out when `env`
/// does not have it.
pub fn browser_candidates(os: Os, env: &dyn Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    let under = |var: &str, rel: &[&str]| -> Option<PathBuf> {
        let base = env(var).filter(|v| !v.is_empty())?;
        let mut p = PathBuf::from(base);
        for part in rel {
            p.push(part);
        }
        Some(p)
    };
    match os {
        Os::Linux => [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/snap/bin/chromium",
            "/usr/bin/google-chrome-stable",
            "/usr/bin/google-chrome",
            "/usr/bin/microsoft-edge-stable",
            "/usr/bin/microsoft-edge",
        ]
        .iter()
        .map(PathBuf::from)
        .collect(),
        Os::Windows => {
            let chrome = ["Google", "Chrome", "Application", "chrome.exe"];
            let edge = ["Microsoft", "Edge", "Application", "msedge.exe"];
            let chromium = ["Chromium", "Application", "chrome.exe"];
            [
                under("LOCALAPPDATA", &chromium),
                under("ProgramFiles", &chrome),
                under("ProgramFiles(x86)", &chrome),
                under("LOCALAPPDATA", &chrome),
                under("ProgramFiles(x86)", &edge),
                under("ProgramFiles", &edge),
            ]
            .into_iter()
            .flatten()
            .collect()
        }
        Os::MacOs => {
            let apps = [
                "Chromium.app/Contents/MacOS/Chromium",
                "Google Chrome.app/Contents/MacOS/Google Chrome",
                "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            ];
            let mut v: Vec<PathBuf> = apps
                .iter()
                .map(|a| Path::new("/Applications").join(a))
                .collect();
            v.extend(
                apps.iter()
                    .filter_map(|a| under("HOME", &["Applications", a])),
            );
            v
        }
    }
}

/// The browser to use: `$OGONBLICK_CHROMIUM` when set (even if it does not
/// exist, so the launch error names it), else the first of
/// [`browser_candidates`] that `exists`, else `None`.
pub fn find_browser(
    os: Os,
    env: &dyn Fn(&str) -> Option<OsString>,
    exists: &dyn Fn(&Path) -> bool,
) -> Option<PathBuf> {
    if let Some(v) = env(CHROMIUM_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(v));
    }
    browser_candidates(os, env).into_iter().find(|p| exists(p))
}

/// The browser on this machine, from the real environment and file system;
/// when none is found, Debian's `/usr/bin/chromium` (whose absence the
/// launch reports with what to install).
pub fn default_browser() -> PathBuf {
    find_browser(Os::current(), &|k| std::env::var_os(k), &|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Where the operating system keeps an sRGB ICC profile: Debian's
/// `icc-profiles-free`, Windows' colour folder, macOS' ColorSync profiles.
pub fn srgb_profile(os: Os, env: &dyn Fn(&str) -> Option<OsString>) -> PathBuf {
    match os {
        Os::Linux => PathBuf::from(crate::options::DEFAULT_SRGB_ICC),
        Os::Windows => {
            let root = env("SystemRoot")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| OsString::from(r"C:\Windows"));
            let mut p = PathBuf::from(root);
            for part in [
                "System32",
                "spool",
                "drivers",
                "color",
                "sRGB Color Space Profile.icm",
            ] {
                p.push(part);
            }
            p
        }
        Os::MacOs => PathBuf::from("/System/Library/ColorSync/Profiles/sRGB Profile.icc"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let m: BTreeMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |k| m.get(k).cloned()
    }

    fn files(paths: &[PathBuf]) -> impl Fn(&Path) -> bool {
        let set: BTreeSet<PathBuf> = paths.iter().cloned().collect();
        move |p| set.contains(p)
    }

    fn win_env() -> impl Fn(&str) -> Option<OsString> {
        env_of(&[
            ("ProgramFiles", r"C:\Program Files"),
            ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            ("LOCALAPPDATA", r"C:\Users\anna\AppData\Local"),
        ])
    }

    fn joined(base: &str, rel: &[&str]) -> PathBuf {
        let mut p = PathBuf::from(base);
        for r in rel {
            p.push(r);
        }
        p
    }

    #[test]
    fn windows_finds_edge_when_it_is_the_only_browser() {
        let edge = joined(
            r"C:\Program Files (x86)",
            &["Microsoft", "Edge", "Application", "msedge.exe"],
        );
        let env = win_env();
        let found = find_browser(Os::Windows, &env, &files(std::slice::from_ref(&edge)));
        assert_eq!(found, Some(edge));
    }

    #[test]
    fn windows_prefers_chrome_over_edge_and_finds_a_per_user_chrome() {
        let env = win_env();
        let edge = joined(
            r"C:\Program Files (x86)",
            &["Microsoft", "Edge", "Application", "msedge.exe"],
        );
        let user_chrome = joined(
            r"C:\Users\anna\AppData\Local",
            &["Google", "Chrome", "Application", "chrome.exe"],
        );
        let found = find_browser(Os::Windows, &env, &files(&[edge, user_chrome.clone()]));
        assert_eq!(found, Some(user_chrome));
    }

    #[test]
    fn windows_without_the_folder_variables_looks_nowhere_else() {
        let env = env_of(&[]);
        assert!(browser_candidates(Os::Windows, &env).is_empty());
        assert_eq!(find_browser(Os::Windows, &env, &|_| true), None);
    }

    #[test]
    fn macos_finds_chrome_in_applications_and_in_the_users_own() {
        let env = env_of(&[("HOME", "/Users/anna")]);
        let own = PathBuf::from(
            "/Users/anna/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        );
        assert_eq!(
            find_browser(Os::MacOs, &env, &files(std::slice::from_ref(&own))),
            Some(own)
        );
        let system =
            PathBuf::from("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
        assert_eq!(
            find_browser(Os::MacOs, &env, &files(std::slice::from_ref(&system))),
            Some(system)
        );
    }

    #[test]
    fn linux_prefers_debians_chromium_then_chrome() {
        let env = env_of(&[]);
        let chrome = PathBuf::from("/usr/bin/google-chrome-stable");
        assert_eq!(
            find_browser(Os::Linux, &env, &files(std::slice::from_ref(&chrome))),
            Some(chrome.clone())
        );
        let chromium = PathBuf::from("/usr/bin/chromium");
        assert_eq!(
            find_browser(Os::Linux, &env, &files(&[chrome, chromium.clone()])),
            Some(chromium)
        );
        assert_eq!(find_browser(Os::Linux, &env, &files(&[])), None);
    }

    #[test]
    fn the_environment_variable_wins_even_when_the_file_is_missing() {
        let env = env_of(&[(CHROMIUM_ENV, "/opt/my/chrome")]);
        assert_eq!(
            find_browser(Os::Linux, &env, &|_| true),
            Some(PathBuf::from("/opt/my/chrome"))
        );
        let empty = env_of(&[(CHROMIUM_ENV, "")]);
        assert_eq!(
            find_browser(Os::Linux, &empty, &|p| p == Path::new("/usr/bin/chromium")),
            Some(PathBuf::from("/usr/bin/chromium")),
            "an empty variable counts as unset"
        );
    }

    #[test]
    fn srgb_profiles_per_system() {
        let env = env_of(&[("SystemRoot", r"D:\WINDOWS")]);
        assert_eq!(
            srgb_profile(Os::Windows, &env),
            joined(
                r"D:\WINDOWS",
                &[
                    "System32",
                    "spool",
                    "drivers",
                    "color",
                    "sRGB Color Space Profile.icm"
                ]
            )
        );
        assert_eq!(
            srgb_profile(Os::Linux, &env),
            PathBuf::from("/usr/share/color/icc/sRGB.icc")
        );
        assert!(srgb_profile(Os::MacOs, &env).ends_with("sRGB Profile.icc"));
    }

    #[test]
    fn this_machine_finds_its_chromium() {
        // The test machines have Debian's chromium (scripts/setup.sh).
        if std::env::var_os(CHROMIUM_ENV).is_none() {
            assert_eq!(default_browser(), PathBuf::from("/usr/bin/chromium"));
        }
        assert!(default_browser().is_file());
    }
}
