//! The archival package defaults, stored in the register's settings.

use ogonblick_model::RoleAction;
use ogonblick_package::PackageOrg;
use ogonblick_store::RegisterExt;

use crate::{App, AppError, Result};

impl App {
    /// The package metadata defaults, with the organisation settings filled in.
    pub fn package_settings(&self) -> Result<PackageOrg> {
        let mut p: PackageOrg = self.store().setting()?;
        let org = self.store().settings()?;
        p.organisation_name = org.name;
        p.organisation_number = org.org_number.unwrap_or_default();
        p.e_archive_name = org.e_archive_name.unwrap_or_default();
        p.submission_agreement = org.submission_agreement.unwrap_or_default();
        Ok(p)
    }

    /// Stores the archival package defaults. The organisation's own fields
    /// (name, number, e-archive, agreement) are set with the organisation
    /// settings and ignored here.
    pub fn set_package_settings(&self, p: &PackageOrg) -> Result<PackageOrg> {
        self.require(RoleAction::Settings, None)?;
        if let ogonblick_package::Retention::DisposeAfter { decision, .. } = &p.retention {
            if decision.trim().is_empty() {
                return Err(AppError::said(
                    ogonblick_model::ErrorCode::InvalidInput,
                    ogonblick_model::Message::PackageRetentionNeedsDecision {},
                ));
            }
        }
        let stored = PackageOrg {
            organisation_name: String::new(),
            organisation_number: String::new(),
            e_archive_name: String::new(),
            submission_agreement: String::new(),
            ..p.clone()
        };
        self.store().set_setting(&stored, self.operator())?;
        self.package_settings()
    }
}
