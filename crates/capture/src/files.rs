//! Output files: temporary names removed unless kept, a DevTools stream
//! written into a file, hashing after fsync, and syncing a folder after its
//! files were renamed.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use ogonblick_model::{FileRecord, FileRole};
use serde_json::Value;

use crate::cdp::CdpError;
use crate::error::io_err;
use crate::CaptureError;
use ogonblick_model::messages::CaptureFault;

/// Temporary output files, removed unless disarmed.
pub(crate) struct TempFiles(pub Vec<PathBuf>);
impl Drop for TempFiles {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Writes a DevTools stream into a new file at `path`: `read` fetches the
/// next `IO.read` answer until one says `eof`. `what` names the stream in
/// an error. The caller closes the stream.
pub(crate) fn write_stream(
    path: &Path,
    what: CaptureFault,
    mut read: impl FnMut() -> Result<Value, CdpError>,
) -> Result<(), CaptureError> {
    let mut f = File::create(path).map_err(|e| io_err(path, e))?;
    loop {
        let chunk = read()?;
        let data = chunk["data"].as_str().unwrap_or("");
        if chunk["base64Encoded"].as_bool().unwrap_or(false) {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data)
                .map_err(|e| CaptureError::internal(what, e))?;
            f.write_all(&bytes).map_err(|e| io_err(path, e))?;
        } else {
            f.write_all(data.as_bytes()).map_err(|e| io_err(path, e))?;
        }
        if chunk["eof"].as_bool().unwrap_or(true) {
            return Ok(());
        }
    }
}

/// Fsyncs the file at `path` and reads it back: its record as `name`.
pub(crate) fn hash_and_sync(
    path: &Path,
    role: FileRole,
    name: &str,
    media: &str,
) -> Result<FileRecord, CaptureError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_err(path, e))?;
    let (sha256, size) = ogonblick_model::fixity::sha256_file(path).map_err(|e| io_err(path, e))?;
    Ok(FileRecord {
        role,
        path: name.to_string(),
        sha256,
        size,
        media_type: media.to_string(),
    })
}

/// Makes renames in `dir` durable (best effort).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
