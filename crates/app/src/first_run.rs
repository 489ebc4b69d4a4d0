//! The first run: what a new data folder still lacks, and the setup that
//! fills it in one step (the organisation, the schedule windows, automatic
//! capture), with a check that the browser and the emoji font are installed.
//!
//! The desktop shows its setup while [`FirstRunStatus::needed`]: on a new
//! data folder, one whose organisation has no name (which every export
//! needs) and whose register is empty. A folder already in use (channels
//! registered, e.g. by the CLI) opens as before; its export says where the
//! name is filled in.

use ogonblick_model::RoleAction;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use ogonblick_capture::locate::{self, Os};
use ogonblick_model::{ErrorCode, Message, ScheduleSettingsForm};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, ChannelFilter, Result, SchedulerSettings};

/// One thing the machine must have, and what to do when it is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetupCheck {
    pub ok: bool,
    /// Where it was found.
    #[serde(default)]
    pub path: Option<String>,
    /// Found where, or what to install (`setup-browser-*`, `setup-font-*`).
    pub message: Message,
}

/// What a data folder and the machine still lack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FirstRunStatus {
    /// The setup is to be shown: the organisation has no name yet and the
    /// register is empty.
    pub needed: bool,
    /// The organisation's settings as they are (defaults on a new folder).
    pub organisation: ogonblick_model::OrgSettings,
    /// Channels in the register.
    pub channels: u32,
    /// Whether the desktop captures due channels by itself.
    pub auto_capture: bool,
    /// Chromium, Chrome or Edge.
    pub browser: SetupCheck,
    /// The colour emoji font pages' emoji are drawn with.
    pub emoji_font: SetupCheck,
}

/// What the setup asks for, saved at once by [`App::complete_first_run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FirstRunForm {
    pub name: String,
    #[serde(default)]
    pub org_number: Option<String>,
    #[serde(default)]
    pub e_archive_name: Option<String>,
    #[serde(default)]
    pub submission_agreement: Option<String>,
    /// The schedule windows (the days as written); `None` keeps the
    /// defaults.
    #[serde(default)]
    pub schedule: Option<ScheduleSettingsForm>,
    #[serde(default)]
    pub auto_capture: bool,
}

/// The places the colour emoji font is installed on `os`.
pub fn emoji_font_candidates(os: Os, env: &dyn Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    match os {
        Os::Linux => vec![
            PathBuf::from("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),
            PathBuf::from("/usr/share/fonts/noto/NotoColorEmoji.ttf"),
            PathBuf::from("/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf"),
        ],
        Os::Windows => {
            let root = env("SystemRoot")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| OsString::from(r"C:\Windows"));
            let mut p = PathBuf::from(root);
            p.push("Fonts");
            p.push("seguiemj.ttf");
            vec![p]
        }
        Os::MacOs => vec![PathBuf::from("/System/Library/Fonts/Apple Color Emoji.ttc")],
    }
}

/// The browser and emoji font checks for `os`, from an injected environment
/// and file test.
pub fn environment_checks(
    os: Os,
    env: &dyn Fn(&str) -> Option<OsString>,
    exists: &dyn Fn(&Path) -> bool,
) -> (SetupCheck, SetupCheck) {
    let browser = match locate::find_browser(os, env, exists).filter(|p| exists(p)) {
        Some(p) => found(&p, |path| Message::SetupBrowserFound { path }),
        None => SetupCheck {
            ok: false,
            path: None,
            message: Message::SetupBrowserMissing {},
        },
    };
    let font = match emoji_font_candidates(os, env)
        .into_iter()
        .find(|p| exists(p))
    {
        Some(p) => found(&p, |path| Message::SetupFontFound { path }),
        None => SetupCheck {
            ok: false,
            path: None,
            message: Message::SetupFontMissing {},
        },
    };
    (browser, font)
}

fn found(p: &Path, message: impl Fn(String) -> Message) -> SetupCheck {
    let path = p.display().to_string();
    SetupCheck {
        ok: true,
        path: Some(path.clone()),
        message: message(path),
    }
}

fn trimmed(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl App {
    /// What this data folder and this machine still lack.
    pub fn first_run_status(&self) -> Result<FirstRunStatus> {
        let (browser, emoji_font) =
            environment_checks(Os::current(), &|k| std::env::var_os(k), &|p| p.is_file());
        self.first_run_status_with(browser, emoji_font)
    }

    /// [`App::first_run_status`] with the machine's checks given.
    pub fn first_run_status_with(
        &self,
        browser: SetupCheck,
        emoji_font: SetupCheck,
    ) -> Result<FirstRunStatus> {
        let organisation = self.settings()?;
        let channels = self.list_channels(&ChannelFilter::default())?.len() as u32;
        Ok(FirstRunStatus {
            needed: organisation.name.trim().is_empty() && channels == 0,
            organisation,
            channels,
            auto_capture: self.scheduler_settings()?.auto_capture,
            browser,
            emoji_font,
        })
    }

    /// Saves the setup: the organisation, the schedule windows and whether
    /// capture runs by itself. Every check comes first: a form without the
    /// organisation's name, or with windows the schedule refuses, saves
    /// nothing.
    pub fn complete_first_run(&self, form: &FirstRunForm) -> Result<FirstRunStatus> {
        self.require(RoleAction::Settings, None)?;
        let name = form.name.trim();
        if name.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::SetupNameMissing {},
            ));
        }
        let schedule = form
            .schedule
            .clone()
            .map(crate::due::read_schedule_form)
            .transpose()?;
        if let Some(s) = &schedule {
            ogonblick_schedule::Schedule::new(s.clone())
                .map_err(|e| AppError::said(ErrorCode::InvalidInput, e.message()))?;
        }
        let mut org = self.settings()?;
        org.name = name.to_string();
        org.org_number = trimmed(&form.org_number);
        org.e_archive_name = trimmed(&form.e_archive_name);
        org.submission_agreement = trimmed(&form.submission_agreement);
        if let Some(s) = schedule {
            org.default_policy = s.default_policy;
            org.schedule_windows = Some(s);
        }
        self.set_settings(org)?;
        if self.scheduler_settings()?.auto_capture != form.auto_capture {
            self.set_scheduler_settings(SchedulerSettings {
                auto_capture: form.auto_capture,
            })?;
        }
        self.first_run_status()
    }
}

#[cfg(test)]
mod tests;
