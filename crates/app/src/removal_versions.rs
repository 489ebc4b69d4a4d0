//! New versions of a removal record (records are append-only): a
//! correction of its fields, and certification by a second person.

use ogonblick_model::{
    AuditEvent, AuthorContact, Certification, Forwarded, Message, RemovalAction, RemovalRecord,
    RemovedKind, RoleAction, TextField, Timestamp,
};

use chrono::NaiveDate;

use crate::removal_text::Problem;
use crate::removals::{check_texts, clean};
use crate::{App, Result};

/// A correction: the fields to change (others stay), and why.
#[derive(Debug, Clone, Default)]
pub struct RemovalCorrection {
    pub url: Option<String>,
    pub kind: Option<RemovedKind>,
    pub ground: Option<String>,
    pub ground_text: Option<String>,
    pub action: Option<RemovalAction>,
    pub author: Option<String>,
    pub published_at: Option<Timestamp>,
    pub text: Option<String>,
    pub removed_at: Option<Timestamp>,
    pub removed_by: Option<String>,
    pub police_report: Option<String>,
    pub police_report_date: Option<NaiveDate>,
    /// Reported to the police (yes/no) without a reference or date; a
    /// reference or date means yes, and "no" clears both.
    pub police_reported: Option<bool>,
    pub contacted_at: Option<Timestamp>,
    pub contact_how: Option<String>,
    pub contact_message: Option<String>,
    pub forwarded_to: Option<String>,
    pub forwarded_at: Option<Timestamp>,
    pub note: Option<String>,
}

impl App {
    /// A second person certifies the record: a new version.
    pub fn certify_removal(&self, id: &str, by: &str) -> Result<RemovalRecord> {
        self.require_removal(RoleAction::CertifyRemoval, id)?;
        let by = by.trim();
        if by.is_empty() {
            return Err(Problem::EmptyName {
                field: "certified by",
            }
            .into());
        }
        check_texts(&[(TextField::CertifiedBy, &Some(by.to_string()), false)])?;
        let mut r = self.current(id)?;
        let now = self.clock().now();
        r.certified = Some(Certification {
            by: by.into(),
            at: now,
        });
        r.recorded_at = now;
        r.recorded_by = self.operator().to_string();
        r.change_note = Some(Message::RemovalNoteCertified { by: by.into() });
        let (rid, by) = (r.id.clone(), by.to_string());
        Ok(self
            .store()
            .add_removal_version(r, &|version| AuditEvent::RemovalCertified {
                removal_id: rid.clone(),
                version,
                by: by.clone(),
            })?)
    }

    /// A correction: a new version with the changed fields.
    pub fn correct_removal(&self, id: &str, c: RemovalCorrection) -> Result<RemovalRecord> {
        self.require_removal(RoleAction::RemovalRecord, id)?;
        let mut r = self.current(id)?;
        let before = r.clone();
        let channel = self.store().channel(r.channel_id)?;
        let now = self.clock().now();
        if let Some(u) = &c.url {
            r.url = u.trim().to_string();
        }
        if let Some(k) = c.kind {
            r.kind = k;
        }
        if c.ground.is_some() || c.ground_text.is_some() {
            let code = c.ground.clone().unwrap_or_else(|| r.ground.code.clone());
            let text = clean(&c.ground_text).or(r.ground.text.clone());
            r.ground = self.ground_choice(&code, text)?;
        }
        if let Some(a) = c.action {
            r.action = a;
        }
        if c.author.is_some() {
            r.author = clean(&c.author);
        }
        if c.published_at.is_some() {
            r.published_at = c.published_at;
        }
        if c.text.is_some() {
            r.text = c.text.clone();
        }
        if let Some(t) = c.removed_at {
            r.removed_at = t;
        }
        if let Some(b) = clean(&c.removed_by) {
            r.removed_by = b;
        }
        if let Some(p) = clean(&c.police_report) {
            r.police_report.reported = true;
            r.police_report.reference = Some(p);
        }
        if let Some(d) = c.police_report_date {
            r.police_report.reported = true;
            r.police_report.date = Some(d);
        }
        match c.police_reported {
            Some(false) if clean(&c.police_report).is_some() || c.police_report_date.is_some() => {
                return Err(Problem::PoliceContradicts.into())
            }
            Some(false) => r.police_report = Default::default(),
            Some(true) => r.police_report.reported = true,
            None => {}
        }
        if c.contacted_at.is_some() || c.contact_message.is_some() || c.contact_how.is_some() {
            let old = r.contact.clone();
            r.contact = Some(AuthorContact {
                at: c.contacted_at.or(old.as_ref().map(|o| o.at)).unwrap_or(now),
                how: clean(&c.contact_how).or(old.as_ref().and_then(|o| o.how.clone())),
                message: clean(&c.contact_message)
                    .or(old.map(|o| o.message))
                    .unwrap_or_default(),
            });
        }
        if let Some(to) = clean(&c.forwarded_to) {
            r.forwarded = Some(Forwarded {
                to,
                at: c.forwarded_at.unwrap_or(now),
            });
        }
        if r == before {
            return Err(Problem::NoChange.into());
        }
        r.recorded_at = now;
        r.recorded_by = self.operator().to_string();
        r.change_note = Some(match clean(&c.note) {
            Some(reason) => Message::RemovalNoteCorrectedBecause { reason },
            None => Message::RemovalNoteCorrected {},
        });
        self.check_record(&r, channel.created_at)?;
        let rid = r.id.clone();
        Ok(self
            .store()
            .add_removal_version(r, &|version| AuditEvent::RemovalCorrected {
                removal_id: rid.clone(),
                version,
            })?)
    }

    pub(crate) fn current(&self, id: &str) -> Result<RemovalRecord> {
        Ok(self
            .removal(id)?
            .pop()
            .expect("a stored record has a version"))
    }
}
