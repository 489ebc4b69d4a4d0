//! What the desktop does to stay lean at rest (issue 18), measured by
//! `bench/desktop` (PSS of the app and WebKit's processes):
//!
//! - [`limit_arenas`]: glibc gives each thread that allocates an arena of
//!   its own (up to 8 per core); the window's commands run on a pool of
//!   blocking threads, so freed memory is scattered over many arenas and
//!   never returned. Two arenas: the app's own share after opening every
//!   view at 2,000 channels / 50,000 snapshots fell from 135 to 114 MB.
//!   glibc's threshold for blocks mapped on their own is held at 128 KiB
//!   (see [`limit_arenas`]).
//! - [`Idle`]: when the last running command (or the scheduler's tick)
//!   ends, the register's page cache is released ([`release_before_trim`]:
//!   SQLite keeps up to 2 MB of the pages the views read; after every view
//!   at 2,000 / 50,000 the app's heap and second arena held 1.7 MB less
//!   with it; with the threshold above too, the app's process took 67 MB
//!   in two runs, against 68 to 71 before) and the free
//!   memory of each arena is handed back to the system
//!   (`malloc_trim`), on a thread of its own ([`trim_soon`]), so the
//!   command's answer never waits for it, and [`TRIM_DELAY`] later, once the
//!   answer has been serialised, handed to the window and freed: trimmed at
//!   once, the answer's memory (a due list or an overview page at 2,000
//!   channels) stayed with the app: its process at rest at 2,000 / 50,000
//!   took 78 MiB, against 74 MiB with the delay (release build).
//!
//! Both do nothing outside Linux with glibc. WebKit's share (its renderer,
//! no EGL in this process) is chosen in [`crate::webkit`], and the web
//! process's memory pressure settings in `webkit::pressure` (a release of
//! its caches above 30 MiB of its own, checked every 5 s: about 3.5 MiB less
//! after every view). Tried and not kept: the web context's cache model
//! `DocumentViewer` (no change at rest, nor after every view); an earlier
//! trial of the pressure settings (a 64 MB limit, WebKit's own thresholds)
//! made its strict release, which also drops compiled scripts, at every check
//! while in use; the strict threshold is now 95 MiB.
//!
//! Where the rest went before flite was kept out (`bench/desktop`'s
//! breakdown by kind of mapping, desktop profile, 2,000 channels / 50,000
//! snapshots, after every view: 250 MB in all): libwebkit2gtk 65 MB, anonymous memory 58 (38 on the
//! empty store), other libraries 45, Mesa's LLVM in the web process 27,
//! JavaScriptCore 17, **flite 17** (WebKit's speech synthesis: libwebkit2gtk
//! links its 13 libraries, whose relocated voice data costs 5.4 MiB in each
//! of the three processes, though no page here speaks), the app's binary 16.
//! flite is now kept out by `nospeech.rs` (a stand-in found first through
//! `LD_LIBRARY_PATH`, checked in a child process before the app runs again
//! with it).
//!
//! The web process after every view (141 MB at 2,000 / 50,000, against 125
//! after Att göra alone) was probed with variables set for the whole app, and
//! none changed it (session 24, one run each): JavaScriptCore's heap sizes
//! (`JSC_largeHeapSize` 8 or 2 MiB), full collections only
//! (`JSC_alwaysDoFullCollection`), libpas scavenging continuously,
//! `WEBKIT_DISABLE_COMPOSITING_MODE`, Skia's CPU rendering, and Översikt's
//! page at 10 channels instead of 20. WebKit's sampler
//! (`WEBKIT_SAMPLE_MEMORY=1`) put JavaScript's share at 16 MB committed
//! (12 after Att göra alone); the rest is WebCore's. Without EGL the web
//! process does not start. Opening the views four times over, Kanaler and a
//! channel's page stay flat; Översikt, Export and Inställningar grow the web
//! process by 1 to 5 MiB a round, not yet explained. Also without effect
//! (session 25): `GLIBC_TUNABLES` for the web process (one arena, 64 KiB
//! mmap and trim thresholds: its glibc heap is 5 MB), JavaScriptCore's
//! `useUnlinkedCodeBlockJettisoning`, `forceCodeBlockToJettisonDueToOldAge`
//! and `forceRAMSize` (256 MB), Mesa's softpipe, a longer rest (70 s), and
//! the app built with `opt-level = "z"` (1.2 MB smaller, the same PSS). What
//! each view leaves in the web process on return to Att göra (one round, before
//! Översikt folded its units): Kanaler and a channel's page 8.5 MiB, Översikt 10, Export 2.6,
//! Inställningar 3.5; Översikt shown takes 29 MiB more than Att göra (4,378
//! elements, the table's 162 lines 15 MiB of them).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::OnceLock;
use std::time::Duration;

/// How long after the last command ends the trim waits: long enough for
/// the command's answer to reach the window and be freed.
pub const TRIM_DELAY: Duration = Duration::from_secs(1);

/// Blocks at least this large are mapped on their own and unmapped when
/// freed ([`limit_arenas`]): glibc's own starting value, held there.
const MMAP_THRESHOLD: i32 = 128 * 1024;

/// Caps glibc's malloc arenas at two and holds the size from which a block
/// is mapped on its own at [`MMAP_THRESHOLD`]. Call once at start, before
/// threads.
///
/// Left to itself glibc raises that size each time a large block is freed
/// (up to 32 MiB), so the window's large answers (a page of 2,000 channels'
/// JSON) came from the arenas afterwards, spread them to 39 MiB and left
/// small blocks scattered over it that no trim can hand back. With the size
/// held, that arena after every view at 2,000 / 50,000 spans 19 MiB, of
/// which 2.8 MB resident (39 MiB and 3.8 MB before).
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of the allocator; called at start.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// What else is handed back before each trim ([`release_before_trim`]).
static RELEASE: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

/// Sets what is freed before each trim, once (the register's page cache:
/// SQLite keeps up to 2 MB of the pages a command read, which at 2,000
/// channels is full after the views and stays so at rest).
pub fn release_before_trim(release: impl Fn() + Send + Sync + 'static) {
    let _ = RELEASE.set(Box::new(release));
}

/// Hands free memory back to the system.
fn trim() {
    if let Some(release) = RELEASE.get() {
        release();
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim is thread-safe; it only releases free pages.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Asks the trimming thread (started on first use, named `malloc-trim`) for
/// a trim and returns at once ([`Trimmer`], [`TRIM_DELAY`]). Trims in place
/// if the thread could not be started.
fn trim_soon() {
    static TRIMMER: OnceLock<Option<Trimmer>> = OnceLock::new();
    match TRIMMER.get_or_init(|| Trimmer::spawn("malloc-trim", TRIM_DELAY, trim)) {
        Some(t) => t.ask(),
        None => trim(),
    }
}

/// A thread (named `name`) that trims `delay` after it is asked; asks made
/// while it waits or trims come to one more trim.
struct Trimmer(SyncSender<()>);

impl Trimmer {
    /// None when the thread could not be started.
    fn spawn(name: &str, delay: Duration, trim: fn()) -> Option<Trimmer> {
        let (tx, rx) = sync_channel::<()>(1);
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                rx.iter().for_each(|()| {
                    std::thread::sleep(delay);
                    // Asks made while waiting are answered by this trim.
                    while rx.try_recv().is_ok() {}
                    trim()
                })
            })
            .ok()
            .map(|_| Trimmer(tx))
    }

    fn ask(&self) {
        // Full: a trim is already asked for and will see this memory too.
        let _ = self.0.try_send(());
    }
}

/// Counts the commands running; the last one to end trims.
pub struct Idle {
    running: AtomicUsize,
    trim: fn(),
}

/// The window's commands and jobs (`commands::off_runtime`, the jobs of
/// `state.rs`) and the scheduler's ticks.
pub static COMMANDS: Idle = Idle::with_trim(trim_soon);

impl Default for Idle {
    fn default() -> Self {
        Idle::with_trim(trim_soon)
    }
}

impl Idle {
    /// With another trim, for tests.
    pub const fn with_trim(trim: fn()) -> Idle {
        Idle {
            running: AtomicUsize::new(0),
            trim,
        }
    }

    /// Marks a command running until the guard drops.
    pub fn busy(&self) -> Busy<'_> {
        self.running.fetch_add(1, Ordering::SeqCst);
        Busy(self)
    }
}

/// A running command; dropping the last one trims.
pub struct Busy<'a>(&'a Idle);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        if self.0.running.fetch_sub(1, Ordering::SeqCst) == 1 {
            (self.0.trim)();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use std::time::{Duration, Instant};

    use super::{release_before_trim, trim, trim_soon, Idle, Trimmer};

    static RELEASES: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn a_trim_also_releases_what_was_set() {
        release_before_trim(|| {
            RELEASES.fetch_add(1, Ordering::SeqCst);
        });
        // Only the first setting counts.
        release_before_trim(|| panic!("a second setting is ignored"));
        let before = RELEASES.load(Ordering::SeqCst);
        trim();
        assert!(RELEASES.load(Ordering::SeqCst) > before);
    }

    static TRIMS: AtomicUsize = AtomicUsize::new(0);

    fn count() {
        TRIMS.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn only_the_last_command_to_end_trims() {
        let idle = Idle::with_trim(count);
        let a = idle.busy();
        let b = idle.busy();
        drop(a);
        assert_eq!(
            TRIMS.load(Ordering::SeqCst),
            0,
            "another command still runs"
        );
        drop(b);
        assert_eq!(TRIMS.load(Ordering::SeqCst), 1);
        drop(idle.busy());
        assert_eq!(TRIMS.load(Ordering::SeqCst), 2);
    }

    static DELAYED: AtomicUsize = AtomicUsize::new(0);

    fn count_delayed() {
        DELAYED.fetch_add(1, Ordering::SeqCst);
    }

    /// Waits up to 10 s for `n` delayed trims.
    fn delayed_trims_reach(n: usize) -> usize {
        let until = Instant::now() + Duration::from_secs(10);
        while DELAYED.load(Ordering::SeqCst) < n && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        DELAYED.load(Ordering::SeqCst)
    }

    #[test]
    fn the_trim_waits_for_the_answer_and_asks_meanwhile_come_to_one() {
        let delay = Duration::from_millis(300);
        let trimmer = Trimmer::spawn("trim-test", delay, count_delayed).expect("a thread");
        let asked = Instant::now();
        for _ in 0..50 {
            trimmer.ask();
        }
        assert_eq!(delayed_trims_reach(1), 1);
        assert!(asked.elapsed() >= delay, "trimmed only after the delay");
        // Nothing more comes of the 50 asks.
        std::thread::sleep(delay * 2);
        assert_eq!(
            DELAYED.load(Ordering::SeqCst),
            1,
            "one trim for the asks made while waiting"
        );
        // A later ask is a later trim.
        trimmer.ask();
        assert_eq!(delayed_trims_reach(2), 2);
    }

    #[test]
    fn trimming_for_real_keeps_the_heap_usable() {
        let idle = Idle::default();
        let big: Vec<Vec<u8>> = (0..64).map(|i| vec![i as u8; 1 << 16]).collect();
        drop(big);
        drop(idle.busy());
        let again = vec![7u8; 1 << 20];
        assert_eq!(again.iter().map(|&b| b as usize).sum::<usize>(), 7 << 20);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_trim_runs_on_a_thread_of_its_own() {
        for _ in 0..100 {
            trim_soon();
        }
        let trimmers = || {
            std::fs::read_dir("/proc/self/task")
                .unwrap()
                .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
                .filter(|n| n.trim() == "malloc-trim")
                .count()
        };
        // The thread names itself once it runs.
        let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while trimmers() == 0 && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(
            trimmers(),
            1,
            "one trimming thread, whatever the number of asks"
        );
    }
}
