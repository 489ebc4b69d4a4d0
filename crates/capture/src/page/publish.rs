//! The end of a capture: the files (PNG, PDF/A, text) hashed (after fsync) and given their
//! final names, and the verdict (a wall on the page fails it).

use ogonblick_model::{FileRole, Message, Stage};

use super::failure::Flow;
use super::shots::OutFiles;
use super::PageRun;
use crate::error::io_err;
use crate::files::{hash_and_sync, sync_dir};

impl PageRun<'_> {
    /// Hashes the PNG and the PDF/A, renames them to their final names and
    /// judges the page.
    pub(super) fn publish(&mut self, files: &OutFiles) -> Result<(), Flow> {
        self.job.stage(Stage::Hashing, None);
        let stem = self.job.stem;
        let png_rec = hash_and_sync(
            &files.png_tmp,
            FileRole::Png,
            &format!("{stem}.png"),
            "image/png",
        )?;
        let pdf_rec = hash_and_sync(
            &files.pdf_tmp,
            FileRole::Pdf,
            &format!("{stem}.pdf"),
            "application/pdf",
        )?;
        let text_rec = hash_and_sync(
            &files.text_tmp,
            FileRole::Text,
            &format!("{stem}.text.json"),
            "application/json",
        )?;
        std::fs::rename(&files.png_tmp, &files.png_final)
            .map_err(|e| io_err(&files.png_final, e))?;
        if let Err(e) = std::fs::rename(&files.pdf_tmp, &files.pdf_final) {
            let _ = std::fs::remove_file(&files.png_final);
            return Err(io_err(&files.pdf_final, e).into());
        }
        if let Err(e) = std::fs::rename(&files.text_tmp, &files.text_final) {
            let _ = std::fs::remove_file(&files.png_final);
            let _ = std::fs::remove_file(&files.pdf_final);
            return Err(io_err(&files.text_final, e).into());
        }
        sync_dir(self.job.out_dir);
        self.rec.files = vec![png_rec, pdf_rec, text_rec];
        self.judge_walls();
        Ok(())
    }

    /// A page a wall covered keeps its files as evidence but is not ok.
    fn judge_walls(&mut self) {
        let rec = &mut *self.rec;
        if rec.report.walls_detected.is_empty() {
            rec.ok = true;
        } else {
            rec.fail_with(Message::PageWall {
                walls: rec.report.walls_detected.join("; "),
            });
        }
    }
}
