//! WebKitGTK's renderer, chosen for a lean window (issue 18), measured by
//! `bench/desktop` (PSS of the app and WebKit's processes at rest):
//! [`choose_renderer`], called first thing at start, before GTK and before
//! any other thread, so the processes WebKit starts inherit it.
//!
//! - WebKitGTK's DMA-BUF renderer and GDK's GL off
//!   (`WEBKIT_DISABLE_DMABUF_RENDERER=1`, `GDK_GL=disable`): about 100 MB
//!   less at rest (a bare WebKit window alone falls from 282 to 206 MB).
//! - No EGL in the app's own process ([`no_egl_in_this_process`]): with the
//!   renderer off the window draws without GL, but WebKit still opened an EGL
//!   display there, which loads Mesa and its LLVM (about 30 MB of the app's
//!   PSS). The web process, which needs EGL, still gets it.
//!
//! - JavaScriptCore without its JIT compilers (`JSC_useJIT=false`: the
//!   interpreter only): the web process keeps no compiled code. Release
//!   build, 2,000 channels / 50,000 snapshots, against the optimising
//!   compilers alone off (`JSC_useDFGJIT=false`, the previous setting): 7 MB
//!   less at rest and 51 MB less after every view (251 against 302 MB),
//!   Översikt opened in 485 against 392 ms, the other views within 25 ms of
//!   before (`bench/desktop`). Raising the baseline JIT's threshold instead
//!   (`JSC_thresholdForJITAfterWarmUp=5000`) saved nothing.
//!
//! `OGONBLICK_GPU_RENDERER=1` keeps WebKit's own choice (the renderer on, EGL
//! everywhere; the JIT setting stays); a variable the user set himself is
//! never overwritten.
//! Linux only; elsewhere it does nothing.

use std::ffi::OsString;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub mod pressure;

/// Set to `1`: WebKitGTK's own choice of renderer (the DMA-BUF renderer and
/// GL), e.g. on a machine where the window is slow without it.
pub const GPU_RENDERER_ENV: &str = "OGONBLICK_GPU_RENDERER";

/// libglvnd's list of EGL vendors: set to a file that does not exist, it
/// makes EGL find none ([`no_egl_in_this_process`]).
const EGL_VENDORS_ENV: &str = "__EGL_VENDOR_LIBRARY_FILENAMES";

/// The variables that turn the renderer off, with their values.
const RENDERER_OFF: [(&str, &str); 2] = [
    // WebKitGTK 2.42+: the web process draws into shared memory, not DMA-BUFs.
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    // GTK 3: no GL context for the window.
    ("GDK_GL", "disable"),
];

/// The variables for a lean JavaScript engine, with their values, whatever
/// the renderer.
const LEAN_SCRIPTS: [(&str, &str); 1] = [
    // JavaScriptCore: its interpreter only (no baseline JIT, DFG or FTL).
    ("JSC_useJIT", "false"),
];

/// What [`choose_renderer`] does, given the environment (`get`).
#[derive(Debug, PartialEq, Eq)]
pub struct RendererChoice {
    /// The variables to set (each of [`LEAN_SCRIPTS`] and [`RENDERER_OFF`]
    /// not already set).
    pub set: Vec<(&'static str, &'static str)>,
    /// Whether this process goes without EGL.
    pub no_egl_here: bool,
}

/// The variables of [`LEAN_SCRIPTS`] the user did not set; with
/// [`GPU_RENDERER_ENV`] `1` nothing else, else also those of
/// [`RENDERER_OFF`] the user did not set, and no EGL in this process unless
/// the user chose the EGL vendors himself.
pub fn renderer_choice(get: impl Fn(&str) -> Option<OsString>) -> RendererChoice {
    let gpu = get(GPU_RENDERER_ENV).is_some_and(|v| v == "1");
    let renderer: &[(&'static str, &'static str)] = if gpu { &[] } else { &RENDERER_OFF };
    RendererChoice {
        set: LEAN_SCRIPTS
            .iter()
            .chain(renderer)
            .copied()
            .filter(|(name, _)| get(name).is_none())
            .collect(),
        no_egl_here: !gpu && get(EGL_VENDORS_ENV).is_none(),
    }
}

/// Turns the renderer off ([`renderer_choice`]). Call once at start, before
/// GTK starts and before any other thread (it changes the environment).
pub fn choose_renderer() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let choice = renderer_choice(|name| std::env::var_os(name));
    for (name, value) in choice.set {
        std::env::set_var(name, value);
    }
    if choice.no_egl_here {
        no_egl_in_this_process();
    }
}

/// libglvnd reads its list of EGL vendors once, at the first EGL call of a
/// process: that first call is made here, with the list pointing at nothing,
/// so every later EGL call of this process (WebKit's, GTK's) finds no display;
/// then the variable is removed again, so the web process, started later with
/// this process's environment, reads the real list and has its EGL.
fn no_egl_in_this_process() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        std::env::set_var(EGL_VENDORS_ENV, "/nonexistent/ogonblick-no-egl.json");
        // SAFETY: libEGL is loaded for good (never closed); eglGetDisplay of
        // the default display only makes libglvnd load its (empty) vendor
        // list and answer EGL_NO_DISPLAY.
        unsafe {
            let lib = libc::dlopen(c"libEGL.so.1".as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
            if !lib.is_null() {
                let f = libc::dlsym(lib, c"eglGetDisplay".as_ptr());
                if !f.is_null() {
                    let get_display: unsafe extern "C" fn(*mut libc::c_void) -> *mut libc::c_void =
                        std::mem::transmute(f);
                    get_display(std::ptr::null_mut());
                }
            }
        }
        std::env::remove_var(EGL_VENDORS_ENV);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::ffi::OsString;

    use super::{renderer_choice, GPU_RENDERER_ENV};

    /// An environment of `vars` alone, as the choices read it (also
    /// `nospeech`'s tests).
    pub(crate) fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_renderer_is_off_by_default() {
        let choice = renderer_choice(env(&[]));
        assert_eq!(
            choice.set,
            [
                ("JSC_useJIT", "false"),
                ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
                ("GDK_GL", "disable")
            ]
        );
        assert!(choice.no_egl_here);
    }

    #[test]
    fn the_override_keeps_webkits_own_choice() {
        let choice = renderer_choice(env(&[(GPU_RENDERER_ENV, "1")]));
        // The JavaScript engine stays lean.
        assert_eq!(choice.set, [("JSC_useJIT", "false")]);
        assert!(!choice.no_egl_here);
        // Any other value is no override.
        assert_eq!(
            renderer_choice(env(&[(GPU_RENDERER_ENV, "0")])).set.len(),
            3
        );
    }

    #[test]
    fn what_the_user_set_is_kept() {
        let choice = renderer_choice(env(&[
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "0"),
            ("__EGL_VENDOR_LIBRARY_FILENAMES", "/etc/mine.json"),
            ("JSC_useJIT", "true"),
        ]));
        assert_eq!(choice.set, [("GDK_GL", "disable")]);
        assert!(!choice.no_egl_here);
    }
}
