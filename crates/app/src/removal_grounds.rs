//! Editing the organisation's removal grounds: add one, change its wording,
//! retire it. A retired ground is no longer offered for new records; records
//! made on it keep the wording they were made with (`GroundChoice`). Each
//! change is one audit entry (`removal.grounds`).

use ogonblick_model::RoleAction;
use ogonblick_model::{AuditEvent, ErrorCode, GroundChange, Message, RemovalGround};

use crate::{App, AppError, Result};

fn said(m: Message) -> AppError {
    AppError::said(ErrorCode::InvalidInput, m)
}

fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn check_label(v: &str) -> Result<()> {
    ogonblick_model::text::check_text(ogonblick_model::TextField::Ground, v, false).map_err(
        |reason| {
            said(Message::RemovalBadText {
                reason: Box::new(reason),
            })
        },
    )
}

impl App {
    fn ground_index(&self, grounds: &[RemovalGround], code: &str) -> Result<usize> {
        let code = code.trim().to_lowercase();
        grounds.iter().position(|g| g.code == code).ok_or_else(|| {
            said(Message::GroundsUnknown {
                code,
                known: grounds
                    .iter()
                    .map(|g| g.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        })
    }

    /// Adds a ground with the short name `code` (a–z, 0–9, `-`), its Swedish
    /// wording and (default: the Swedish) English wording; it goes before
    /// "annat".
    pub fn add_removal_ground(
        &self,
        code: &str,
        sv: &str,
        en: Option<&str>,
    ) -> Result<RemovalGround> {
        self.require(RoleAction::RemovalGrounds, None)?;
        let code = code.trim().to_lowercase();
        let ok = !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            return Err(said(Message::GroundsBadCode { code }));
        }
        let sv = clean(Some(sv)).ok_or_else(|| said(Message::GroundsEmptyLabel {}))?;
        let en = clean(en).unwrap_or_else(|| sv.clone());
        check_label(&sv)?;
        check_label(&en)?;
        let mut grounds = self.removal_grounds()?;
        if grounds.iter().any(|g| g.code == code) {
            return Err(said(Message::GroundsDuplicate { code }));
        }
        let g = RemovalGround {
            code: code.clone(),
            label_sv: sv,
            label_en: en,
            needs_text: false,
            retired: false,
        };
        let at = grounds
            .iter()
            .position(|g| g.code == RemovalGround::OTHER)
            .unwrap_or(grounds.len());
        grounds.insert(at, g.clone());
        self.save_grounds(&grounds, code, GroundChange::Added)?;
        Ok(g)
    }

    /// Changes a ground's wording (for new records; old records keep theirs).
    pub fn edit_removal_ground(
        &self,
        code: &str,
        sv: Option<&str>,
        en: Option<&str>,
    ) -> Result<RemovalGround> {
        self.require(RoleAction::RemovalGrounds, None)?;
        let mut grounds = self.removal_grounds()?;
        let i = self.ground_index(&grounds, code)?;
        let before = grounds[i].clone();
        let g = &mut grounds[i];
        if let Some(sv) = clean(sv) {
            check_label(&sv)?;
            g.label_sv = sv;
        }
        if let Some(en) = clean(en) {
            check_label(&en)?;
            g.label_en = en;
        }
        if *g == before {
            return Err(said(Message::GroundsNoChange { code: before.code }));
        }
        let g = g.clone();
        self.save_grounds(&grounds, g.code.clone(), GroundChange::Edited)?;
        Ok(g)
    }

    /// Retires a ground: no longer offered for new records. "annat" (other)
    /// stays, so there is always a ground in use.
    pub fn retire_removal_ground(&self, code: &str) -> Result<RemovalGround> {
        self.require(RoleAction::RemovalGrounds, None)?;
        let mut grounds = self.removal_grounds()?;
        let i = self.ground_index(&grounds, code)?;
        let g = &mut grounds[i];
        if g.code == RemovalGround::OTHER || g.needs_text {
            return Err(said(Message::GroundsRetireOther {
                code: g.code.clone(),
            }));
        }
        if g.retired {
            return Err(said(Message::GroundsAlreadyRetired {
                code: g.code.clone(),
            }));
        }
        g.retired = true;
        let g = g.clone();
        self.save_grounds(&grounds, g.code.clone(), GroundChange::Retired)?;
        Ok(g)
    }

    fn save_grounds(
        &self,
        grounds: &[RemovalGround],
        code: String,
        change: GroundChange,
    ) -> Result<()> {
        Ok(self.store().set_removal_grounds_for(
            grounds,
            self.operator(),
            AuditEvent::RemovalGroundChanged { code, change },
        )?)
    }
}
