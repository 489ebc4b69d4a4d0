//! The audit log in Swedish. An entry's `detail` is written once, in
//! English, by the code that did the work (the record, as delivered); the
//! desktop shows it in Swedish by reading the few formats this crate and the
//! store write. A test performs every audited action through [`App`] and
//! requires a Swedish text for each entry, so a new or changed format cannot
//! slip through untranslated.
//!
//! [`App`]: crate::App

use ogonblick_model::AuditEntry;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An audit entry as the desktop shows it: the record plus its Swedish text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditLine {
    /// As recorded (`detail` in English).
    #[serde(flatten)]
    #[ts(flatten)]
    pub entry: AuditEntry,
    /// `detail` in Swedish; `None` for a format this version does not know
    /// (an entry of an older or newer version): show `detail`.
    pub detail_sv: Option<String>,
}

impl From<AuditEntry> for AuditLine {
    fn from(entry: AuditEntry) -> Self {
        let detail_sv = detail_sv(&entry.action, &entry.detail);
        AuditLine { entry, detail_sv }
    }
}

/// The Swedish text of an audit detail, or `None` when its format is unknown.
pub fn detail_sv(action: &str, detail: &str) -> Option<String> {
    match action {
        "closure.note" => {
            let Some(rest) = detail.strip_prefix("closed on pre-closure snapshot ") else {
                // The user's own words.
                return Some(detail.to_string());
            };
            let (id, rest) = rest.split_once(" and verified package ")?;
            let (objid, path) = rest.split_once(" (")?;
            let path = path.strip_suffix(')')?;
            Some(format!(
                "Avslutad med ögonblicksbilden inför avslut {id} och det kontrollerade arkivpaketet {objid} ({path})."
            ))
        }
        "channel.add" => {
            if let Some(name) = quoted_after(detail, "added channel ") {
                return Some(format!("Kanalen ”{name}” registrerades."));
            }
            let rest = detail.strip_prefix("imported channel '")?;
            let (name, source) = rest.rsplit_once("' from ")?;
            Some(format!("Kanalen ”{name}” importerades från {source}."))
        }
        "channel.edit" => {
            let fields = detail.strip_prefix("changed ")?;
            let names: Vec<String> = fields
                .split(", ")
                .map(|f| field_sv(f).map(str::to_string))
                .collect::<Option<_>>()?;
            Some(format!("Ändrade uppgifter: {}.", names.join(", ")))
        }
        "closure.start" | "closure.complete" => {
            let (from, to) = detail.strip_prefix("status ")?.split_once(" → ")?;
            Some(format!(
                "Status: {} → {}.",
                channel_status_sv(from)?,
                channel_status_sv(to)?
            ))
        }
        "settings.set" => {
            let key = detail.strip_prefix("set ")?;
            let what = match key {
                "organisation" => "organisationens uppgifter och schemat",
                "package" => "arkivpaketens standardvärden",
                "scheduler" => "automatiska ögonblicksbilder",
                _ => return None,
            };
            Some(format!("Ändrade {what}."))
        }
        "snapshot.commit" => {
            let rest = detail.strip_prefix("stored snapshot ")?;
            let (id, rest) = rest.split_once(" (")?;
            let inner = rest.strip_suffix(" page(s))")?;
            let mut parts = inner.split(", ");
            let (status, reason, pages) = (parts.next()?, parts.next()?, parts.next()?);
            let pages: u32 = pages.parse().ok()?;
            Some(format!(
                "Ögonblicksbild {id} sparad ({}, {}, {pages} {}).",
                snapshot_status_sv(status)?,
                reason_sv(reason)?,
                if pages == 1 { "sida" } else { "sidor" }
            ))
        }
        "browser.login" => {
            let url =
                detail.strip_prefix("opened a visible browser on the organisation profile at ")?;
            Some(format!(
                "Öppnade en synlig webbläsare med organisationens profil på {url}."
            ))
        }
        "closure.review" => {
            let id = crate::closure::read_review_detail(detail)?;
            Some(format!("Granskade ögonblicksbilden inför avslut, {id}."))
        }
        "package.export" => {
            let d = crate::closure::read_export_detail(detail)?;
            Some(format!(
                "Arkivpaketet {} skrevs till {} (SHA-256 {}, {} byte) med ögonblicksbilderna {}.",
                d.objid, d.path, d.sha256, d.size, d.snapshot_ids
            ))
        }
        "package.verify" => {
            let d = crate::closure::read_verify_detail(detail)?;
            let verdict = match d.problems {
                None => "kontrollerat, inga fel".to_string(),
                Some(n) => format!("{n} fel"),
            };
            Some(format!("Arkivpaketet {} i {}: {verdict}.", d.objid, d.path))
        }
        "register.export" => {
            let rest = detail.strip_prefix("exported ")?;
            let (n, path) = rest.split_once(" channel(s) to ")?;
            let n: u32 = n.parse().ok()?;
            Some(format!(
                "Exporterade {n} {} till {path}.",
                if n == 1 { "kanal" } else { "kanaler" }
            ))
        }
        "store.reindex" => {
            let rest = detail.strip_prefix("rebuilt the register: ")?;
            let mut it = rest.split(", ");
            let channels: u32 = it.next()?.strip_suffix(" channel(s)")?.parse().ok()?;
            let snapshots: u32 = it.next()?.strip_suffix(" snapshot(s)")?.parse().ok()?;
            let audit: u32 = it.next()?.strip_suffix(" audit entries")?.parse().ok()?;
            let warnings: u32 = it.next()?.strip_suffix(" warning(s)")?.parse().ok()?;
            Some(format!(
                "Återskapade registret: {channels} {}, {snapshots} {}, {audit} {}, {warnings} {}.",
                if channels == 1 { "kanal" } else { "kanaler" },
                if snapshots == 1 {
                    "ögonblicksbild"
                } else {
                    "ögonblicksbilder"
                },
                if audit == 1 {
                    "logghändelse"
                } else {
                    "logghändelser"
                },
                if warnings == 1 {
                    "varning"
                } else {
                    "varningar"
                },
            ))
        }
        _ => None,
    }
}

/// `prefix'name'` → name.
fn quoted_after<'a>(detail: &'a str, prefix: &str) -> Option<&'a str> {
    detail
        .strip_prefix(prefix)?
        .strip_prefix('\'')?
        .strip_suffix('\'')
}

fn field_sv(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "namn",
        "platform" => "plattform",
        "urls" => "adresser",
        "board" => "nämnd",
        "unit" => "enhet",
        "responsible" => "ansvarig",
        "substitute" => "ersättare",
        "purpose" => "syfte",
        "audience" => "målgrupp",
        "policy" => "schema",
        "notes" => "anteckningar",
        _ => return None,
    })
}

fn channel_status_sv(s: &str) -> Option<&'static str> {
    Some(match s {
        "active" => "aktiv",
        "closing" => "avslutas",
        "closed" => "avslutad",
        _ => return None,
    })
}

fn snapshot_status_sv(s: &str) -> Option<&'static str> {
    Some(match s {
        "complete" => "fullständig",
        "partial" => "ofullständig",
        "failed" => "misslyckad",
        _ => return None,
    })
}

fn reason_sv(s: &str) -> Option<&'static str> {
    Some(match s {
        "half-yearly" => "halvårsvis",
        "yearly" => "årsvis",
        "major-change" => "större förändring",
        "pre-closure" => "inför avslut",
        "ad-hoc" => "vid behov",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    //! The register's actions through a real [`App`] (SQLite, files), read
    //! back in Swedish. The closure flow's entries are checked in
    //! `package.rs`'s closure test.
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};
    use ogonblick_model::{ChannelPatch, FixedClock, NewChannel, Platform, SequentialIds};

    use super::*;
    use crate::{App, AppConfig, CsvDelimiter, SchedulerSettings};

    #[test]
    fn every_register_action_reads_in_swedish() {
        let tmp = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
        ));
        let app = App::open(
            AppConfig {
                data_dir: tmp.path().join("data"),
                operator: "åsa".into(),
            },
            clock,
            Arc::new(SequentialIds::default()),
        )
        .unwrap();
        let ch = app
            .add_channel(NewChannel {
                name: "Biblioteket på Instagram".into(),
                platform: Some(Platform::Instagram),
                urls: vec!["https://www.instagram.com/biblioteket".into()],
                ..Default::default()
            })
            .unwrap();
        app.edit_channel(
            ch.id,
            ChannelPatch {
                unit: Some("Biblioteken".into()),
                purpose: Some("Evenemang".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let csv = tmp.path().join("register.csv");
        app.export_register(&csv, CsvDelimiter::Semicolon).unwrap();
        let other = tmp.path().join("other.csv");
        std::fs::write(
            &other,
            "namn;plattform;adress\nMusikskolan;youtube;https://www.youtube.com/@musikskolan\n",
        )
        .unwrap();
        app.import_register(&other).unwrap();
        let mut pkg = app.package_settings().unwrap();
        pkg.classification_code = "2.3.1".into();
        app.set_package_settings(&pkg).unwrap();
        app.set_scheduler_settings(SchedulerSettings { auto_capture: true })
            .unwrap();
        app.reindex().unwrap();

        let lines = app.audit_lines(None).unwrap();
        let sv: Vec<(String, String)> = lines
            .iter()
            .map(|l| {
                let text = l.detail_sv.clone().unwrap_or_else(|| {
                    panic!(
                        "no Swedish text for {} {:?}",
                        l.entry.action, l.entry.detail
                    )
                });
                (l.entry.action.clone(), text)
            })
            .collect();
        let has = |action: &str, text: &str| {
            assert!(
                sv.iter().any(|(a, t)| a == action && t == text),
                "{action}: {text:?} not in {sv:#?}"
            );
        };
        has(
            "channel.add",
            "Kanalen ”Biblioteket på Instagram” registrerades.",
        );
        has("channel.edit", "Ändrade uppgifter: enhet, syfte.");
        has(
            "register.export",
            &format!("Exporterade 1 kanal till {}.", csv.display()),
        );
        has(
            "channel.add",
            "Kanalen ”Musikskolan” importerades från other.csv.",
        );
        has("settings.set", "Ändrade arkivpaketens standardvärden.");
        has("settings.set", "Ändrade automatiska ögonblicksbilder.");
        assert!(
            sv.iter().any(|(a, t)| a == "store.reindex"
                && t.starts_with("Återskapade registret: 2 kanaler, 0 ögonblicksbilder, ")),
            "{sv:#?}"
        );
    }

    #[test]
    fn the_sign_in_window_and_unknown_formats() {
        let url = "https://www.facebook.com/kommunen";
        assert_eq!(
            detail_sv("browser.login", &crate::capture::login_detail(url)).as_deref(),
            Some("Öppnade en synlig webbläsare med organisationens profil på https://www.facebook.com/kommunen.")
        );
        assert_eq!(
            detail_sv("closure.note", "Kontot stängs efter beslut KS 2026-45").as_deref(),
            Some("Kontot stängs efter beslut KS 2026-45")
        );
        // A format of another version: shown as recorded.
        assert_eq!(detail_sv("channel.add", "created channel X"), None);
        assert_eq!(detail_sv("channel.edit", "changed colour"), None);
        assert_eq!(detail_sv("something.new", "whatever"), None);
    }
}
