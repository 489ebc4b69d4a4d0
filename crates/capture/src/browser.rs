//! [`Browser`]: one running Chromium, driven over its DevTools pipe, and
//! the tabs' shared connection to it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use ogonblick_model::{CancelToken, Message, PageRecord, Platform, ProgressSink};
use serde_json::{json, Value};

use crate::cdp::Cdp;
use crate::error::cdp_message;
use crate::os::{spawn_with_pipe, ProcessTree};
use crate::process::{base_args, drain_stderr, temp_root_dir};
use crate::{page, CaptureError, CaptureOptions};

/// Version information from `Browser.getVersion`.
#[derive(Debug, Clone, Default)]
pub struct BrowserVersion {
    pub product: String,
    pub user_agent: String,
    pub protocol: String,
}

/// One running Chromium. Each page is captured in a fresh tab that is closed
/// afterwards; several threads may capture pages with one browser at once.
pub struct Browser {
    child: Child,
    /// Chromium and every process it started (its process group on Unix,
    /// its Job Object on Windows).
    tree: ProcessTree,
    cdp: Arc<Cdp>,
    opts: CaptureOptions,
    version: BrowserVersion,
    /// This browser's own temporary folder: Chromium's `TMPDIR` (`tmp/`) and,
    /// without a profile folder, its profile (`profile/`); removed on drop.
    temp_root: PathBuf,
}

impl Browser {
    /// Starts Chromium headless and connects to it.
    pub fn launch(opts: &CaptureOptions) -> Result<Browser, CaptureError> {
        if !opts.chromium.exists() {
            return Err(CaptureError::Launch(Message::CaptureChromiumMissing {
                path: opts.chromium.display().to_string(),
            }));
        }
        let temp_root = temp_root_dir().map_err(|e| CaptureError::Io {
            path: std::env::temp_dir(),
            source: e,
        })?;
        // Removes the folder again if the launch fails below.
        struct Cleanup(Option<PathBuf>);
        impl Drop for Cleanup {
            fn drop(&mut self) {
                if let Some(p) = &self.0 {
                    let _ = std::fs::remove_dir_all(p);
                }
            }
        }
        let mut cleanup = Cleanup(Some(temp_root.clone()));
        let profile = match &opts.profile_dir {
            Some(p) => {
                std::fs::create_dir_all(p).map_err(|e| CaptureError::Io {
                    path: p.clone(),
                    source: e,
                })?;
                p.clone()
            }
            None => temp_root.join("profile"),
        };
        let mut cmd = Command::new(&opts.chromium);
        cmd.arg("--headless")
            .arg("--remote-debugging-pipe")
            .args(base_args(opts, &profile))
            .arg(format!(
                "--window-size={},{}",
                opts.viewport_width, opts.viewport_height
            ))
            .arg("about:blank")
            // Chromium's own temporary files (org.chromium.Chromium.*) go
            // into this browser's folder, which Drop removes even when
            // Chromium had no time to clean up after itself.
            .env("TMPDIR", temp_root.join("tmp"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        crate::process::without_nospeech(&mut cmd);
        // Windows programs take their temporary folder from TEMP and TMP.
        #[cfg(windows)]
        cmd.env("TEMP", temp_root.join("tmp"))
            .env("TMP", temp_root.join("tmp"));
        let (mut child, tree, from_chrome, to_chrome) =
            spawn_with_pipe(&mut cmd).map_err(|e| spawn_failed(opts, e))?;
        let stderr_tail = drain_stderr(&mut child);
        let cdp = Arc::new(Cdp::new(from_chrome, to_chrome));
        let mut browser = Browser {
            child,
            tree,
            cdp,
            opts: opts.clone(),
            version: BrowserVersion::default(),
            temp_root,
        };
        cleanup.0 = None;
        let v = browser
            .cdp
            .call(
                "Browser.getVersion",
                json!({}),
                None,
                Duration::from_secs(30),
            )
            .map_err(|e| {
                std::thread::sleep(Duration::from_millis(100));
                let tail = stderr_tail.lock().map(|t| t.clone()).unwrap_or_default();
                CaptureError::Launch(Message::CaptureChromiumSilent {
                    why: Box::new(cdp_message(&e)),
                    profile_in_use: tail.contains("SingletonLock")
                        || tail.contains("profile appears to be in use"),
                    said: tail.trim().to_string(),
                })
            })?;
        let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        browser.version = BrowserVersion {
            product: s("product"),
            user_agent: s("userAgent"),
            protocol: s("protocolVersion"),
        };
        // A captured page must never write a file on this computer: every
        // download is refused (and reported to the tab that started it), and
        // new targets are announced so a page's pop-ups can be closed.
        let t = Duration::from_secs(30);
        browser.cdp.call(
            "Browser.setDownloadBehavior",
            json!({"behavior": "deny", "eventsEnabled": true,
                   "downloadPath": browser.temp_root.join("downloads")}),
            None,
            t,
        )?;
        browser.cdp.call(
            "Target.setDiscoverTargets",
            json!({"discover": true}),
            None,
            t,
        )?;
        Ok(browser)
    }

    /// `Browser.getVersion` as read at launch, e.g. product "Chrome/156.0.8078.79".
    pub fn version(&self) -> &BrowserVersion {
        &self.version
    }

    /// The process id of Chromium's main process (leader of its process
    /// group on Unix).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// False once Chromium has exited or closed its connection.
    pub fn is_alive(&self) -> bool {
        self.cdp.is_alive()
    }

    /// The user agent pages see: the configured one, else Chromium's own
    /// with "HeadlessChrome" replaced by "Chrome".
    pub(crate) fn page_user_agent(&self) -> String {
        self.opts
            .user_agent
            .clone()
            .unwrap_or_else(|| self.version.user_agent.replace("HeadlessChrome", "Chrome"))
    }

    /// Captures one page; see the crate documentation for what is returned.
    pub fn capture_page(
        &self,
        url: &str,
        out_dir: &Path,
        stem: &str,
        sink: &dyn ProgressSink,
        index: u32,
        cancel: &CancelToken,
    ) -> Result<PageRecord, CaptureError> {
        page::capture(self, None, url, out_dir, stem, sink, index, cancel)
    }

    /// [`Browser::capture_page`] of a page of a channel on `platform`: the
    /// expanders of that platform are used besides the generic ones (without
    /// it, the platform is read from the address's host).
    #[allow(clippy::too_many_arguments)]
    pub fn capture_page_as(
        &self,
        platform: Platform,
        url: &str,
        out_dir: &Path,
        stem: &str,
        sink: &dyn ProgressSink,
        index: u32,
        cancel: &CancelToken,
    ) -> Result<PageRecord, CaptureError> {
        page::capture(
            self,
            Some(platform),
            url,
            out_dir,
            stem,
            sink,
            index,
            cancel,
        )
    }

    /// The addresses of the tabs and windows open in this browser (a
    /// capture closes its tab and the pop-ups its page opened).
    pub fn open_pages(&self) -> Result<Vec<String>, CaptureError> {
        let r = self.cdp.call(
            "Target.getTargets",
            json!({}),
            None,
            Duration::from_secs(30),
        )?;
        Ok(r["targetInfos"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|t| t["type"] == "page")
                    .map(|t| t["url"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default())
    }

    pub(crate) fn cdp(&self) -> &Cdp {
        &self.cdp
    }
    pub(crate) fn opts(&self) -> &CaptureOptions {
        &self.opts
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ask politely over the protocol, then kill Chromium and every
        // process it started, and wait until they are gone.
        let _ = self
            .cdp
            .call("Browser.close", json!({}), None, Duration::from_millis(500));
        self.tree.kill(&mut self.child);
        let _ = std::fs::remove_dir_all(&self.temp_root);
    }
}

/// Chromium's program could not be run (`detail`: the system's words).
pub(crate) fn spawn_failed(opts: &CaptureOptions, e: std::io::Error) -> CaptureError {
    CaptureError::Launch(Message::CaptureChromiumSpawn {
        path: opts.chromium.display().to_string(),
        detail: e.to_string(),
    })
}
