//! The checks of a removal record before anything is written: its ground
//! in the organisation's list, its dates (not in the future, not before the
//! channel existed), its address and texts, and a screenshot file supplied
//! by hand.

use ogonblick_model::{
    ChannelId, ErrorCode, GroundChoice, Message, RemovalRecord, TextField, Timestamp,
};
use ogonblick_store::{sniff_screenshot, SuppliedSource, MAX_SUPPLIED_FILE};

use crate::removal_text::Problem;
use crate::removals::check_texts;
use crate::{App, Result};

impl App {
    pub(crate) fn ground_choice(&self, code: &str, text: Option<String>) -> Result<GroundChoice> {
        let grounds = self.removal_grounds()?;
        let code = code.trim().to_lowercase();
        let g = grounds
            .iter()
            .find(|g| g.code == code)
            .ok_or_else(|| Problem::UnknownGround {
                given: code.clone(),
                known: grounds
                    .iter()
                    .map(|g| g.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        if g.retired {
            return Err(crate::AppError::said(
                ErrorCode::InvalidInput,
                Message::RemovalGroundRetired { code },
            ));
        }
        if g.needs_text && text.is_none() {
            return Err(Problem::GroundNeedsText { code }.into());
        }
        Ok(GroundChoice {
            code: g.code.clone(),
            label_sv: g.label_sv.clone(),
            label_en: g.label_en.clone(),
            text,
        })
    }

    /// A date must not be in the future; with `since`, not before it.
    fn check_when(
        &self,
        field: &'static str,
        when: Option<Timestamp>,
        since: Option<(ChannelId, Timestamp)>,
    ) -> Result<()> {
        let Some(t) = when else { return Ok(()) };
        let value = t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        if t > self.clock().now() + chrono::Duration::minutes(5) {
            return Err(Problem::InFuture { field, value }.into());
        }
        if let Some((channel, created)) = since {
            // Compared by day (Swedish time): a channel registered today
            // takes today's removals.
            let day = |t: Timestamp| t.with_timezone(&chrono_tz::Europe::Stockholm).date_naive();
            if day(t) < day(created) {
                return Err(Problem::BeforeChannel {
                    field,
                    value,
                    channel,
                    created: day(created).to_string(),
                }
                .into());
            }
        }
        Ok(())
    }

    pub(crate) fn check_record(&self, r: &RemovalRecord, created: Timestamp) -> Result<()> {
        let since = Some((r.channel_id, created));
        // The item itself may be older than its channel's entry in the register.
        self.check_when("published at", r.published_at, None)?;
        self.check_when("removed at", Some(r.removed_at), since)?;
        self.check_when("contacted at", r.contact.as_ref().map(|c| c.at), since)?;
        self.check_when("forwarded at", r.forwarded.as_ref().map(|f| f.at), since)?;
        let police = r
            .police_report
            .date
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|d| d.and_utc());
        self.check_when("police report date", police, since)?;
        ogonblick_model::text::validate_url(&r.url)
            .map_err(|reason| Problem::BadAddress { reason })?;
        if r.removed_by.trim().is_empty() {
            return Err(Problem::EmptyName {
                field: "removed by",
            }
            .into());
        }
        check_texts(&[
            (TextField::Author, &r.author, false),
            (TextField::RemovedBy, &Some(r.removed_by.clone()), false),
            (TextField::Text, &r.text, true),
            (TextField::DiaryNumber, &r.diary_number, false),
            (TextField::PoliceReport, &r.police_report.reference, false),
            (TextField::GroundText, &r.ground.text, true),
            (
                TextField::ContactMessage,
                &r.contact.as_ref().map(|c| c.message.clone()),
                true,
            ),
            (
                TextField::ForwardedTo,
                &r.forwarded.as_ref().map(|f| f.to.clone()),
                false,
            ),
        ])
    }
}

/// The screenshot file's checks before anything is written: it exists, is
/// not larger than the limit, and is a PNG, JPEG or PDF by its bytes.
pub(crate) fn check_file(path: &std::path::Path) -> Result<SuppliedSource> {
    let shown = path.display().to_string();
    let md = std::fs::metadata(path).map_err(|_| Problem::FileMissing {
        path: shown.clone(),
    })?;
    if !md.is_file() {
        return Err(Problem::FileMissing { path: shown }.into());
    }
    if md.len() > MAX_SUPPLIED_FILE {
        return Err(Problem::FileTooLarge {
            path: shown,
            limit_mib: MAX_SUPPLIED_FILE / 1024 / 1024,
        }
        .into());
    }
    let mut head = [0u8; 8];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|_| Problem::FileMissing {
            path: shown.clone(),
        })?;
        let mut n = 0;
        while n < head.len() {
            match f.read(&mut head[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        n
    };
    if sniff_screenshot(&head[..n]).is_none() {
        return Err(Problem::FileNotScreenshot { path: shown }.into());
    }
    Ok(SuppliedSource {
        path: path.to_path_buf(),
        original_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    })
}
