//! WebKit's memory pressure settings for the web process (issue 18), which
//! wry gives no way to pass: [`watch_web_memory`], called at start before
//! the window's web context is made.
//!
//! Every [`Pressure::poll_secs`] the web process measures its own memory
//! (the dirty pages of its heap, stacks and anonymous mappings). Above
//! [`Pressure::conservative`] of [`Pressure::limit_mb`] it drops what it can
//! make again (font and glyph caches, style caches, resources no page uses);
//! above [`Pressure::strict`] it also collects and drops decoded images and
//! compiled scripts; it is never killed ([`Pressure::kill`] 0).
//!
//! Measured with `bench/desktop` at 2,000 channels / 50,000 snapshots, one
//! round of every view, at rest on Att göra: the web process 135.5 to 135.7
//! MiB without, 132.1 with these settings (debug build, two runs each); the
//! app's whole tree 228 to 230 MB against 231 to 232 (desktop build, two runs
//! each). The web process's own measure is 25 MiB at rest after the start,
//! 39.5 after the views and 52.7 with Översikt shown, so after a large view
//! it releases at every check until it is below 30 MB again (at rest after
//! the views it stays above: a release every 5 s, about 20 ms of the web
//! process's time each). A release at 20 MB, or every 2 s, saved no more; at
//! 45 MB (strict at 50) nothing. WebKit refuses a conservative threshold not
//! below the strict one it already has, so the strict one is set first.
//!
//! The settings are a construct-only property of `WebKitWebContext`, and
//! Tauri makes that context itself (wry's `WebContext::new`). So the class's
//! `constructed` is wrapped: before WebKit's own runs, it sets the property
//! through the class's own `set_property`, as GObject does for a property
//! given to `g_object_new`. `OGONBLICK_WEB_MEMORY=off` leaves WebKit's own
//! settings; `LIMIT_MB:CONSERVATIVE:STRICT:POLL_SECS` (e.g. `100:0.3:0.95:5`)
//! other values, for measuring.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use webkit2gtk::ffi;
use webkit2gtk::glib::gobject_ffi as gobject;

/// `off`, or other settings (`LIMIT_MB:CONSERVATIVE:STRICT:POLL_SECS`).
pub const WEB_MEMORY_ENV: &str = "OGONBLICK_WEB_MEMORY";

/// What the web process is told ([`watch_web_memory`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pressure {
    /// The memory the thresholds are fractions of, in MB.
    pub limit_mb: u32,
    /// Above this fraction: caches that can be made again are dropped.
    pub conservative: f64,
    /// Above this fraction: also a collection, decoded images and compiled scripts.
    pub strict: f64,
    /// 0: never killed, whatever it takes.
    pub kill: f64,
    /// How often the web process measures itself, in seconds.
    pub poll_secs: f64,
}

/// The settings the app uses (see the module's figures).
pub const PRESSURE: Pressure = Pressure {
    limit_mb: 100,
    conservative: 0.3,
    strict: 0.95,
    kill: 0.0,
    poll_secs: 5.0,
};

/// The settings for the value of [`WEB_MEMORY_ENV`] (`None`: WebKit's own).
/// A value that cannot be read gives the app's settings.
pub fn pressure_choice(value: Option<&str>) -> Option<Pressure> {
    let Some(value) = value.map(str::trim) else {
        return Some(PRESSURE);
    };
    if value.eq_ignore_ascii_case("off") {
        return None;
    }
    let parts: Vec<f64> = value
        .split(':')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    match parts[..] {
        [limit, conservative, strict, poll]
            if limit >= 1.0
                && 0.0 < conservative
                && conservative < strict
                && strict < 1.0
                && poll > 0.0 =>
        {
            Some(Pressure {
                limit_mb: limit as u32,
                conservative,
                strict,
                kill: 0.0,
                poll_secs: poll,
            })
        }
        _ => {
            eprintln!(
                "ogonblick-desktop: {WEB_MEMORY_ENV}={value} is neither off nor \
                 LIMIT_MB:CONSERVATIVE:STRICT:POLL_SECS (e.g. 100:0.3:0.95:5); the app's settings are used"
            );
            Some(PRESSURE)
        }
    }
}

/// WebKit's `constructed` of the web context, called after the settings are set.
static ORIGINAL: OnceLock<Option<unsafe extern "C" fn(*mut gobject::GObject)>> = OnceLock::new();
/// The settings given to each web context (a `WebKitMemoryPressureSettings*`, never freed).
static SETTINGS: AtomicUsize = AtomicUsize::new(0);
/// How many web contexts were given the settings ([`contexts_given`]).
static GIVEN: AtomicUsize = AtomicUsize::new(0);

/// Gives every web context made from now on the settings of
/// [`WEB_MEMORY_ENV`] ([`pressure_choice`]). Call once at start, before the
/// window is made; later calls do nothing.
pub fn watch_web_memory() {
    let value = std::env::var(WEB_MEMORY_ENV).ok();
    if let Some(p) = pressure_choice(value.as_deref()) {
        install(p);
    }
}

/// How many web contexts were given the settings so far.
pub fn contexts_given() -> usize {
    GIVEN.load(Ordering::SeqCst)
}

fn install(p: Pressure) {
    if ORIGINAL.get().is_some() {
        return;
    }
    // SAFETY: plain calls of WebKit's and GObject's API on the main thread
    // before any web context exists. The class is referenced for good (never
    // unreferenced), so the pointer to it and its `constructed` stay valid.
    unsafe {
        let settings = ffi::webkit_memory_pressure_settings_new();
        ffi::webkit_memory_pressure_settings_set_memory_limit(settings, p.limit_mb);
        // Strict first: WebKit refuses a conservative threshold not below
        // the strict one it has (0.5 by default).
        ffi::webkit_memory_pressure_settings_set_strict_threshold(settings, p.strict);
        ffi::webkit_memory_pressure_settings_set_conservative_threshold(settings, p.conservative);
        ffi::webkit_memory_pressure_settings_set_kill_threshold(settings, p.kill);
        ffi::webkit_memory_pressure_settings_set_poll_interval(settings, p.poll_secs);
        SETTINGS.store(settings as usize, Ordering::SeqCst);
        let class = gobject::g_type_class_ref(ffi::webkit_web_context_get_type())
            as *mut gobject::GObjectClass;
        if ORIGINAL.set((*class).constructed).is_ok() {
            (*class).constructed = Some(constructed);
        }
    }
}

/// The web context's `constructed`: the settings first, then WebKit's own.
unsafe extern "C" fn constructed(object: *mut gobject::GObject) {
    let class = (*object).g_type_instance.g_class as *mut gobject::GObjectClass;
    let settings = SETTINGS.load(Ordering::SeqCst) as *const ffi::WebKitMemoryPressureSettings;
    let pspec = gobject::g_object_class_find_property(class, c"memory-pressure-settings".as_ptr());
    if !pspec.is_null() && !settings.is_null() {
        if let Some(set_property) = (*class).set_property {
            let mut value: gobject::GValue = std::mem::zeroed();
            gobject::g_value_init(&mut value, ffi::webkit_memory_pressure_settings_get_type());
            gobject::g_value_set_boxed(&mut value, settings as *const _);
            set_property(object, (*pspec).param_id, &mut value, pspec);
            gobject::g_value_unset(&mut value);
            GIVEN.fetch_add(1, Ordering::SeqCst);
        }
    }
    if let Some(Some(original)) = ORIGINAL.get() {
        original(object);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::{install, pressure_choice, Pressure, PRESSURE, SETTINGS};

    #[test]
    fn the_settings_are_the_apps_unless_off_or_given() {
        assert_eq!(pressure_choice(None), Some(PRESSURE));
        assert_eq!(pressure_choice(Some("off")), None);
        assert_eq!(pressure_choice(Some(" OFF ")), None);
        assert_eq!(
            pressure_choice(Some("200:0.3:0.9:2")),
            Some(Pressure {
                limit_mb: 200,
                conservative: 0.3,
                strict: 0.9,
                kill: 0.0,
                poll_secs: 2.0
            })
        );
        // Unreadable, or thresholds out of order: the app's.
        assert_eq!(pressure_choice(Some("lots")), Some(PRESSURE));
        assert_eq!(pressure_choice(Some("100:0.9:0.5:5")), Some(PRESSURE));
        // Never a kill threshold, whatever is given.
        assert_eq!(PRESSURE.kill, 0.0);
    }

    #[test]
    fn webkit_takes_every_threshold_as_given() {
        use webkit2gtk::ffi;
        install(PRESSURE);
        let settings = SETTINGS.load(Ordering::SeqCst) as *mut ffi::WebKitMemoryPressureSettings;
        assert!(!settings.is_null());
        // SAFETY: the installed settings, never freed; getters only.
        unsafe {
            assert_eq!(
                ffi::webkit_memory_pressure_settings_get_memory_limit(settings),
                PRESSURE.limit_mb
            );
            // Set before the strict one, WebKit would have refused it (0.5 by default).
            assert_eq!(
                ffi::webkit_memory_pressure_settings_get_conservative_threshold(settings),
                PRESSURE.conservative
            );
            assert_eq!(
                ffi::webkit_memory_pressure_settings_get_strict_threshold(settings),
                PRESSURE.strict
            );
            assert_eq!(
                ffi::webkit_memory_pressure_settings_get_kill_threshold(settings),
                0.0
            );
            assert_eq!(
                ffi::webkit_memory_pressure_settings_get_poll_interval(settings),
                PRESSURE.poll_secs
            );
        }
    }
}
