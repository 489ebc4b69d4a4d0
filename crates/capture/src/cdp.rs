//! A small, synchronous Chrome DevTools Protocol client over Chromium's
//! `--remote-debugging-pipe` transport: NUL-terminated JSON messages on file
//! descriptors 3 (to Chromium) and 4 (from Chromium). No network port is
//! opened, so no other local process can drive the browser.
//!
//! One reader thread parses every message: command responses are routed to
//! the waiting caller, events are broadcast to every subscriber. JavaScript
//! dialogs (`alert()`, `confirm()`, `beforeunload`) are accepted by the
//! reader thread itself, because a dialog blocks the renderer and would
//! otherwise dead-lock a caller waiting on `Runtime.evaluate`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub method: String,
    pub params: Value,
    pub session: Option<String>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub(crate) enum CdpError {
    /// The pipe closed: Chromium exited or crashed.
    #[error("Chromium closed its DevTools connection (it exited or crashed)")]
    Gone,
    #[error("Chromium did not answer {method} within {secs} s")]
    Timeout { method: String, secs: u64 },
    /// Chromium answered with a protocol error.
    #[error("{method}: {message}")]
    Remote { method: String, message: String },
}

type Pending = Arc<Mutex<HashMap<u64, Sender<Result<Value, String>>>>>;
/// `(session id, message)` of dismissed JavaScript dialogs.
type Dialogs = Arc<Mutex<Vec<(Option<String>, String)>>>;

pub(crate) struct Cdp {
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    next_id: Arc<AtomicU64>,
    pending: Pending,
    subscribers: Arc<Mutex<Vec<Sender<Event>>>>,
    alive: Arc<AtomicBool>,
    /// `(session id, message)` of every JavaScript dialog that was dismissed.
    pub dialogs: Dialogs,
}

impl Cdp {
    pub fn new(reader: impl Read + Send + 'static, writer: impl Write + Send + 'static) -> Cdp {
        let cdp = Cdp {
            writer: Arc::new(Mutex::new(Box::new(writer))),
            next_id: Arc::new(AtomicU64::new(1)),
            pending: Arc::new(Mutex::new(HashMap::new())),
            subscribers: Arc::new(Mutex::new(Vec::new())),
            alive: Arc::new(AtomicBool::new(true)),
            dialogs: Arc::new(Mutex::new(Vec::new())),
        };
        let pending = cdp.pending.clone();
        let subs = cdp.subscribers.clone();
        let alive = cdp.alive.clone();
        let writer = cdp.writer.clone();
        let next_id = cdp.next_id.clone();
        let dialogs = cdp.dialogs.clone();
        std::thread::Builder::new()
            .name("cdp-reader".into())
            .spawn(move || {
                let mut r = BufReader::with_capacity(1 << 20, reader);
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match r.read_until(0, &mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {}
                    }
                    if buf.last() == Some(&0) {
                        buf.pop();
                    }
                    let Ok(msg) = serde_json::from_slice::<Value>(&buf) else {
                        continue;
                    };
                    if let Some(id) = msg.get("id").and_then(Value::as_u64) {
                        let tx = pending.lock().ok().and_then(|mut p| p.remove(&id));
                        if let Some(tx) = tx {
                            let res = match msg.get("error") {
                                Some(e) => Err(e
                                    .get("message")
                                    .and_then(Value::as_str)
                                    .unwrap_or("unknown protocol error")
                                    .to_string()),
                                None => Ok(msg.get("result").cloned().unwrap_or(Value::Null)),
                            };
                            let _ = tx.send(res);
                        }
                        continue;
                    }
                    let Some(method) = msg.get("method").and_then(Value::as_str) else {
                        continue;
                    };
                    let session = msg
                        .get("sessionId")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    let params = msg.get("params").cloned().unwrap_or(Value::Null);
                    if method == "Page.javascriptDialogOpening" {
                        let text = params.get("message").and_then(Value::as_str).unwrap_or("");
                        let kind = params
                            .get("type")
                            .and_then(Value::as_str)
                            .unwrap_or("dialog");
                        if let Ok(mut d) = dialogs.lock() {
                            d.push((session.clone(), format!("{kind}: {text}")));
                        }
                        let id = next_id.fetch_add(1, Ordering::SeqCst);
                        let mut m = json!({"id": id, "method": "Page.handleJavaScriptDialog",
                                           "params": {"accept": true}});
                        if let Some(s) = &session {
                            m["sessionId"] = json!(s);
                        }
                        if let Ok(mut w) = writer.lock() {
                            let mut bytes = m.to_string().into_bytes();
                            bytes.push(0);
                            let _ = w.write_all(&bytes);
                            let _ = w.flush();
                        }
                    }
                    let ev = Event {
                        method: method.to_string(),
                        params,
                        session,
                    };
                    if let Ok(mut s) = subs.lock() {
                        s.retain(|tx| tx.send(ev.clone()).is_ok());
                    }
                }
                alive.store(false, Ordering::SeqCst);
                if let Ok(mut p) = pending.lock() {
                    p.clear(); // dropping the senders wakes every waiter
                }
                if let Ok(mut s) = subs.lock() {
                    s.clear();
                }
            })
            .expect("spawn cdp reader thread");
        cdp
    }

    pub fn is_alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    /// Every event from now on, with a sender into the same queue (to wake
    /// its reader).
    pub fn subscribe(&self) -> (Sender<Event>, Receiver<Event>) {
        let (tx, rx) = mpsc::channel();
        if let Ok(mut s) = self.subscribers.lock() {
            s.push(tx.clone());
        }
        (tx, rx)
    }

    /// Sends a command and waits for its answer.
    pub fn call(
        &self,
        method: &str,
        params: Value,
        session: Option<&str>,
        timeout: Duration,
    ) -> Result<Value, CdpError> {
        self.call_unless(method, params, session, timeout, &|| false)
            .map(|v| v.unwrap_or(Value::Null))
    }

    /// Like [`Cdp::call`], but gives up waiting (`Ok(None)`) as soon as
    /// `stop()` says so, e.g. when the user cancels a navigation to a server
    /// that does not answer.
    pub fn call_unless(
        &self,
        method: &str,
        params: Value,
        session: Option<&str>,
        timeout: Duration,
        stop: &dyn Fn() -> bool,
    ) -> Result<Option<Value>, CdpError> {
        if !self.is_alive() {
            return Err(CdpError::Gone);
        }
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = mpsc::channel();
        self.pending
            .lock()
            .map_err(|_| CdpError::Gone)?
            .insert(id, tx);
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = msg.to_string().into_bytes();
        bytes.push(0);
        {
            let mut w = self.writer.lock().map_err(|_| CdpError::Gone)?;
            if w.write_all(&bytes).and_then(|_| w.flush()).is_err() {
                return Err(CdpError::Gone);
            }
        }
        let end = std::time::Instant::now() + timeout;
        let answer = loop {
            let left = end.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left.min(Duration::from_millis(100))) {
                Err(mpsc::RecvTimeoutError::Timeout) if !left.is_zero() => {
                    if stop() {
                        if let Ok(mut p) = self.pending.lock() {
                            p.remove(&id);
                        }
                        return Ok(None);
                    }
                }
                other => break other,
            }
        };
        match answer {
            Ok(Ok(v)) => Ok(Some(v)),
            Ok(Err(message)) => Err(CdpError::Remote {
                method: method.to_string(),
                message,
            }),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if let Ok(mut p) = self.pending.lock() {
                    p.remove(&id);
                }
                if self.is_alive() {
                    Err(CdpError::Timeout {
                        method: method.to_string(),
                        secs: timeout.as_secs(),
                    })
                } else {
                    Err(CdpError::Gone)
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(CdpError::Gone),
        }
    }
}
