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
//! it releases at every check until it is below 30 MiB again (at rest after
//! the views it stays above: a release every 5 s, about 20 ms of the web
//! process's time each). A release at 20 MB, or every 2 s, saved no more; at
//! 45 MB (strict at 50) nothing. WebKit refuses a conservative threshold not
//! below the strict one it holds, and a strict one not above the
//! conservative one, so they are set in an order that suits both
//! ([`settings_of`]) and read back. (WebKit's MB here are MiB.)
//!
//! The settings are a construct-only property of `WebKitWebContext`, and
//! Tauri makes that context itself (through wry's `WebContext` builder). So the class's
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
    let parts: Option<Vec<f64>> = value.split(':').map(|p| p.trim().parse().ok()).collect();
    match parts.as_deref().unwrap_or_default() {
        &[limit, conservative, strict, poll]
            if (1.0..=u32::MAX as f64).contains(&limit)
                && limit.fract() == 0.0
                && 0.0 < conservative
                && conservative < strict
                && strict < 1.0
                && poll > 0.0
                && poll.is_finite() =>
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

/// What the wrapped `constructed` needs, found once on `WebKitWebContext`'s
/// own class ([`install`]).
struct Hook {
    /// WebKit's `constructed`, run after the settings are set.
    original: unsafe extern "C" fn(*mut gobject::GObject),
    /// WebKit's `set_property` and the property, as `g_object_new` would use them.
    set_property: unsafe extern "C" fn(
        *mut gobject::GObject,
        u32,
        *mut gobject::GValue,
        *mut gobject::GParamSpec,
    ),
    pspec: usize,
    /// The settings given to each web context (a `WebKitMemoryPressureSettings*`,
    /// never freed; WebKit copies it).
    settings: usize,
}

static HOOK: OnceLock<Option<Hook>> = OnceLock::new();
/// How many web contexts were given the settings ([`contexts_given`]).
static GIVEN: AtomicUsize = AtomicUsize::new(0);

/// Gives every web context made from now on the settings of
/// [`WEB_MEMORY_ENV`] ([`pressure_choice`]). Call once at start, on the main
/// thread, before the window is made; later calls do nothing. A context that
/// is given settings of its own gets these instead (and the copy it was given
/// is not freed); a subclass of the web context made before this call keeps
/// WebKit's `constructed` and gets none.
pub fn watch_web_memory() {
    let value = std::env::var(WEB_MEMORY_ENV).ok();
    if let Some(p) = pressure_choice(value.as_deref()) {
        HOOK.get_or_init(|| install(p));
    }
}

/// How many web contexts were given the settings so far.
pub fn contexts_given() -> usize {
    GIVEN.load(Ordering::SeqCst)
}

/// The settings as WebKit holds them (`None`, said on stderr, when it
/// refused one of the values).
fn settings_of(p: Pressure) -> Option<*mut ffi::WebKitMemoryPressureSettings> {
    // SAFETY: a new boxed value of WebKit's, set and read with its own calls.
    unsafe {
        let settings = ffi::webkit_memory_pressure_settings_new();
        ffi::webkit_memory_pressure_settings_set_memory_limit(settings, p.limit_mb);
        // WebKit takes a conservative threshold only below the strict one it
        // holds, and a strict one only above the conservative one: the
        // strict one out of the way first, then conservative, then strict.
        ffi::webkit_memory_pressure_settings_set_strict_threshold(settings, 0.999);
        ffi::webkit_memory_pressure_settings_set_conservative_threshold(settings, p.conservative);
        ffi::webkit_memory_pressure_settings_set_strict_threshold(settings, p.strict);
        ffi::webkit_memory_pressure_settings_set_kill_threshold(settings, p.kill);
        ffi::webkit_memory_pressure_settings_set_poll_interval(settings, p.poll_secs);
        let held = Pressure {
            limit_mb: ffi::webkit_memory_pressure_settings_get_memory_limit(settings),
            conservative: ffi::webkit_memory_pressure_settings_get_conservative_threshold(settings),
            strict: ffi::webkit_memory_pressure_settings_get_strict_threshold(settings),
            kill: ffi::webkit_memory_pressure_settings_get_kill_threshold(settings),
            poll_secs: ffi::webkit_memory_pressure_settings_get_poll_interval(settings),
        };
        if held == p {
            Some(settings)
        } else {
            eprintln!(
                "ogonblick-desktop: WebKit refused the web process's memory settings {p:?} \
                 (it holds {held:?}); its own are used"
            );
            ffi::webkit_memory_pressure_settings_free(settings);
            None
        }
    }
}

fn install(p: Pressure) -> Option<Hook> {
    let settings = settings_of(p)?;
    // SAFETY: GObject's API on the main thread before any web context
    // exists. The class is referenced for good (never unreferenced), so it,
    // its property and its functions stay valid.
    unsafe {
        let context_type = ffi::webkit_web_context_get_type();
        let class = gobject::g_type_class_ref(context_type) as *mut gobject::GObjectClass;
        let pspec =
            gobject::g_object_class_find_property(class, c"memory-pressure-settings".as_ptr());
        let fits = !pspec.is_null()
            && (*pspec).owner_type == context_type
            && (*pspec).value_type == ffi::webkit_memory_pressure_settings_get_type();
        let (Some(original), Some(set_property), true) =
            ((*class).constructed, (*class).set_property, fits)
        else {
            eprintln!(
                "ogonblick-desktop: this WebKit's web context takes no memory pressure settings; \
                 its own are used"
            );
            ffi::webkit_memory_pressure_settings_free(settings);
            return None;
        };
        (*class).constructed = Some(constructed);
        Some(Hook {
            original,
            set_property,
            pspec: pspec as usize,
            settings: settings as usize,
        })
    }
}

/// The web context's `constructed`: the settings first, then WebKit's own.
unsafe extern "C" fn constructed(object: *mut gobject::GObject) {
    let Some(Some(hook)) = HOOK.get() else {
        return;
    };
    let mut value: gobject::GValue = std::mem::zeroed();
    gobject::g_value_init(&mut value, ffi::webkit_memory_pressure_settings_get_type());
    gobject::g_value_set_boxed(&mut value, hook.settings as *const _);
    let pspec = hook.pspec as *mut gobject::GParamSpec;
    (hook.set_property)(object, (*pspec).param_id, &mut value, pspec);
    gobject::g_value_unset(&mut value);
    GIVEN.fetch_add(1, Ordering::SeqCst);
    (hook.original)(object);
}

#[cfg(test)]
mod tests {
    use super::{pressure_choice, settings_of, Pressure, PRESSURE};

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
        // Unreadable, a part too many or not a number, a limit that is not
        // a whole number, or thresholds out of order: the app's.
        for bad in [
            "lots",
            "100:x:0.3:0.95:5",
            "100:0.3:0.95:5:1",
            "inf:0.3:0.95:5",
            "100.5:0.3:0.95:5",
            "100:0.9:0.5:5",
        ] {
            assert_eq!(pressure_choice(Some(bad)), Some(PRESSURE), "{bad}");
        }
        // Never a kill threshold, whatever is given.
        assert_eq!(PRESSURE.kill, 0.0);
    }

    #[test]
    fn webkit_holds_every_threshold_as_given_whatever_its_defaults() {
        // The app's, thresholds below WebKit's defaults (0.33, 0.5), and above them.
        for p in [
            PRESSURE,
            pressure_choice(Some("100:0.1:0.2:5")).unwrap(),
            pressure_choice(Some("300:0.6:0.8:1")).unwrap(),
        ] {
            let settings = settings_of(p).expect("WebKit holds them as given");
            // SAFETY: made by settings_of for this test, freed once.
            unsafe { webkit2gtk::ffi::webkit_memory_pressure_settings_free(settings) };
        }
    }
}
