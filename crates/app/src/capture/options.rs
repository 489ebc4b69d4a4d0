//! The capture options of this installation, the organisation's browser
//! profile and the visible sign-in browser.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::fs;
use std::path::PathBuf;

use ogonblick_capture::CaptureOptions;
use ogonblick_model::ChannelId;

use super::capture_error;
use crate::{App, AppError, Result};

impl App {
    /// The capture options of this installation: Debian's Chromium (or
    /// `$OGONBLICK_CHROMIUM`), the organisation's persistent browser profile
    /// under `<data>/profiles/organisation`, the operator, and the app's
    /// clock (which stamps the pages' provenance), and whether a web archive
    /// (WACZ) is kept (`OrgSettings::web_archive`).
    pub fn capture_options(&self) -> CaptureOptions {
        CaptureOptions {
            operator: self.operator().to_string(),
            profile_dir: Some(self.profile_dir()),
            clock: self.clock().clone().into(),
            // The organisation may turn the web archive off (on by default).
            web_archive: self.store().settings().map_or(true, |s| s.web_archive),
            // The texts written into the pages' files (the PDF/A's subject)
            // are in the organisation's language.
            language: self
                .package_settings()
                .map_or(ogonblick_model::Language::Sv, |p| p.language),
            ..CaptureOptions::default()
        }
    }

    /// The organisation's persistent Chromium profile (cookies of staff who
    /// signed in with [`App::open_login_browser`]).
    pub fn profile_dir(&self) -> PathBuf {
        self.data_dir().join("profiles").join("organisation")
    }

    /// Opens a visible Chromium on the organisation's profile at the
    /// channel's first address, so staff can sign in once; later headless
    /// captures reuse the session.
    pub fn open_login_browser(&self, channel_id: ChannelId) -> Result<()> {
        self.require_channel(RoleAction::Capture, channel_id)?;
        let channel = self.store().channel(channel_id)?;
        let url = channel.urls.first().cloned().unwrap_or_default();
        let opts = self.capture_options();
        if let Some(dir) = &opts.profile_dir {
            fs::create_dir_all(dir).map_err(|e| {
                AppError::said(
                    ogonblick_model::ErrorCode::Environment,
                    ogonblick_model::Message::StoreIoOf {
                        action: ogonblick_model::messages::IoAction::Create,
                        path: dir.display().to_string(),
                        detail: e.to_string(),
                    },
                )
            })?;
        }
        let mut child =
            ogonblick_capture::open_login_browser(&opts, &url).map_err(capture_error)?;
        // Reaped when the user closes the window, so it leaves no zombie
        // behind (which would count as a browser still using the profile).
        std::thread::Builder::new()
            .name("ogonblick-sign-in-browser".into())
            .spawn(move || {
                let _ = child.wait();
            })
            .map_err(|e| {
                AppError::said(
                    ogonblick_model::ErrorCode::Environment,
                    ogonblick_model::Message::LoginBrowserWatch {
                        detail: e.to_string(),
                    },
                )
            })?;
        self.store().append_audit(
            self.operator(),
            Some(channel_id),
            ogonblick_model::AuditEvent::LoginBrowserOpened { url },
        )?;
        Ok(())
    }
}
