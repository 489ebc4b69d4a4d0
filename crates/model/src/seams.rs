//! The seams every other crate injects: clock, ids, progress, cancellation.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Message, Timestamp};

/// The source of "now". Inject a [`FixedClock`] in tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Utc::now()
    }
}

/// A clock that stands still until moved.
#[derive(Debug)]
pub struct FixedClock(Mutex<Timestamp>);

impl FixedClock {
    pub fn new(at: Timestamp) -> Self {
        FixedClock(Mutex::new(at))
    }
    pub fn set(&self, at: Timestamp) {
        *self.0.lock().unwrap() = at;
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().unwrap();
        *t += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap()
    }
}

/// The source of unique ids (snapshots, packages).
pub trait IdGen: Send + Sync {
    /// A new lower-case hyphenated UUID string.
    fn new_id(&self) -> String;
}

/// Random (version 4) UUIDs from the operating system's random source.
#[derive(Debug, Default, Clone, Copy)]
pub struct RandomIds;

impl IdGen for RandomIds {
    fn new_id(&self) -> String {
        let mut b = [0u8; 16];
        fill_random(&mut b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        format_uuid(&b)
    }
}

fn fill_random(buf: &mut [u8]) {
    use std::io::Read;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(buf).is_ok() {
            return;
        }
    }
    // Fallback (non-Unix): hash time, pid and a counter.
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    for chunk in buf.chunks_mut(8) {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.write_u32(std::process::id());
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let v = h.finish().to_le_bytes();
        chunk.copy_from_slice(&v[..chunk.len()]);
    }
}

fn format_uuid(b: &[u8; 16]) -> String {
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Deterministic ids for tests: `00000000-0000-4000-8000-000000000001`, …
#[derive(Debug, Default)]
pub struct SequentialIds(AtomicU64);

impl IdGen for SequentialIds {
    fn new_id(&self) -> String {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        format!("00000000-0000-4000-8000-{n:012x}")
    }
}

/// A stage of the capture of one page, reported as progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Launching,
    Navigating,
    Consent,
    Scrolling,
    Slicing,
    Stitching,
    Printing,
    PdfA,
    Hashing,
    Storing,
    Packaging,
    Verifying,
    Done,
}

/// A progress event of a long job (capture, export, verify).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ProgressEvent {
    /// A job over `total` items (pages, files) started.
    Started { total: u32, label: String },
    /// Item `index` (0-based) entered `stage`.
    Stage {
        index: u32,
        label: String,
        stage: Stage,
        /// A detail, e.g. "slice 3 of 12", as a catalogue message.
        detail: Option<Message>,
    },
    /// Item `index` ended.
    ItemDone {
        index: u32,
        label: String,
        ok: bool,
        /// Why the item failed, in English.
        message: Option<String>,
        /// The same as a key of the message catalogue, for the UI's language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        why: Option<Message>,
    },
    /// Bytes processed so far of `total` (exports).
    Bytes {
        #[ts(type = "number")]
        done: u64,
        #[ts(type = "number")]
        total: u64,
    },
    Finished {
        ok: bool,
        /// What came of it (where the package went, how many problems).
        message: Option<Message>,
    },
}

/// Where long work reports its progress. The CLI draws a progress bar, the
/// desktop forwards events over a Tauri channel, tests collect them.
pub trait ProgressSink: Send + Sync {
    fn event(&self, event: ProgressEvent);
}

/// A sink that drops every event.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn event(&self, _event: ProgressEvent) {}
}

/// A sink that keeps every event (for tests).
#[derive(Debug, Default)]
pub struct CollectProgress(pub Mutex<Vec<ProgressEvent>>);

impl ProgressSink for CollectProgress {
    fn event(&self, event: ProgressEvent) {
        self.0.lock().unwrap().push(event);
    }
}

impl CollectProgress {
    pub fn events(&self) -> Vec<ProgressEvent> {
        self.0.lock().unwrap().clone()
    }
}

impl<F: Fn(ProgressEvent) + Send + Sync> ProgressSink for F {
    fn event(&self, event: ProgressEvent) {
        self(event)
    }
}

/// Cooperative cancellation of a background job. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}
