//! Verifying a package: from a file alone, or recorded in the register.

use std::collections::BTreeSet;
use std::path::Path;

use ogonblick_model::{AuditEvent, CancelToken, ProgressSink};
use ogonblick_package::VerifyReport;

use super::package_error;
use crate::{App, Result};

/// Verifies a package file without a register: reads the package and its
/// sidecar and nothing else, writes nothing (works on read-only media and
/// without a data folder). [`App::verify_package`] also records the result.
pub fn verify_package_file(
    path: &Path,
    sink: &dyn ProgressSink,
    cancel: &CancelToken,
) -> Result<VerifyReport> {
    let opts = ogonblick_package::VerifyOptions {
        cancel: cancel.clone(),
        ..Default::default()
    };
    ogonblick_package::verify_package_with(path, sink, &opts).map_err(package_error)
}

impl App {
    /// Verifies a package and records the result in the audit log of every
    /// channel whose snapshots it holds (or the global log).
    pub fn verify_package(
        &self,
        path: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<VerifyReport> {
        let report = verify_package_file(path, sink, cancel)?;
        let event = AuditEvent::PackageVerified {
            objid: report.objid.clone(),
            path: path.display().to_string(),
            ok: report.ok,
            problems: report.problems.len() as u32,
        };
        let mut channels = BTreeSet::new();
        for id in &report.snapshot_ids {
            if let Ok((s, _)) = self.store().snapshot(id) {
                channels.insert(s.channel_id);
            }
        }
        if channels.is_empty() {
            self.store()
                .append_audit(self.operator(), None, event.clone())?;
        }
        for ch in channels {
            self.store()
                .append_audit(self.operator(), Some(ch), event.clone())?;
        }
        Ok(report)
    }
}
