//! The organisation profile for one run: held, or copied when in use.

use std::fs::{self, File, OpenOptions};
use std::path::PathBuf;

use ogonblick_capture::CaptureOptions;
use ogonblick_model::messages::IoAction;
use ogonblick_model::IdGen;

use crate::{AppError, Result};

/// The organisation profile held for one run: its lock, or a temporary copy
/// that is removed when the run ends.
pub(super) enum ProfileUse {
    None,
    Held(#[allow(dead_code)] File),
    Copy(PathBuf),
}

impl ProfileUse {
    pub(super) fn take(opts: &mut CaptureOptions) -> Result<ProfileUse> {
        let Some(dir) = opts.profile_dir.clone() else {
            return Ok(ProfileUse::None);
        };
        let env = |action: IoAction, p: &std::path::Path, e: std::io::Error| {
            AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::StoreIoOf {
                    action,
                    path: p.display().to_string(),
                    detail: e.to_string(),
                },
            )
        };
        fs::create_dir_all(&dir).map_err(|e| env(IoAction::Create, &dir, e))?;
        let lock_path = dir.with_extension("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| env(IoAction::Lock, &lock_path, e))?;
        // Another run of ours holds the profile, or a sign-in window is still
        // open on it: capture with a copy (the cookies as they are on disk).
        if lock.try_lock().is_ok() && !ogonblick_capture::profile_in_use(&dir) {
            return Ok(ProfileUse::Held(lock));
        }
        let copy = std::env::temp_dir().join(format!(
            "ogonblick-profile-{}-{}",
            std::process::id(),
            ogonblick_model::RandomIds.new_id()
        ));
        copy_profile(&dir, &copy).map_err(|e| env(IoAction::Copy, &dir, e))?;
        opts.profile_dir = Some(copy.clone());
        Ok(ProfileUse::Copy(copy))
    }
}

impl Drop for ProfileUse {
    fn drop(&mut self) {
        if let ProfileUse::Copy(p) = self {
            let _ = fs::remove_dir_all(p);
        }
    }
}

/// Copies a Chromium profile without its caches and singleton files.
fn copy_profile(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    const SKIP: &[&str] = &[
        "Cache",
        "Code Cache",
        "GPUCache",
        "GrShaderCache",
        "ShaderCache",
        "GraphiteDawnCache",
        "Service Worker",
        "SingletonLock",
        "SingletonSocket",
        "SingletonCookie",
        "Crashpad",
    ];
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if SKIP.iter().any(|s| name == *s) {
            continue;
        }
        let ty = entry.file_type()?;
        let target = to.join(&name);
        if ty.is_dir() {
            copy_profile(&entry.path(), &target)?;
        } else if ty.is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
