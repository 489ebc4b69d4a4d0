//! The one browser of a run.

use ogonblick_capture::{Browser, CaptureError, CaptureOptions};

use super::capture_error;
use crate::Result;

/// The one browser of a run, shared by its workers. A page that fails with
/// the browser (crashed, unwritable output) retires it: the next page gets a
/// fresh one, while pages still running on the old one finish on it (it ends
/// when the last of them lets go).
pub(super) struct SharedBrowser<'a> {
    opts: &'a CaptureOptions,
    current: std::sync::Mutex<Option<std::sync::Arc<Browser>>>,
}

impl<'a> SharedBrowser<'a> {
    pub(super) fn launch(opts: &'a CaptureOptions) -> Result<Self> {
        let b = Browser::launch(opts).map_err(capture_error)?;
        Ok(SharedBrowser {
            opts,
            current: std::sync::Mutex::new(Some(std::sync::Arc::new(b))),
        })
    }

    pub(super) fn get(&self) -> std::result::Result<std::sync::Arc<Browser>, CaptureError> {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(b) = current.as_ref() {
            return Ok(b.clone());
        }
        let b = std::sync::Arc::new(Browser::launch(self.opts)?);
        *current = Some(b.clone());
        Ok(b)
    }

    pub(super) fn discard(&self, b: &std::sync::Arc<Browser>) {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if current
            .as_ref()
            .is_some_and(|c| std::sync::Arc::ptr_eq(c, b))
        {
            *current = None;
        }
    }
}
