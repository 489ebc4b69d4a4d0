//! The audit log in Swedish. Each entry is a typed event
//! (`model::AuditEvent`); its English text comes with the model
//! (`AuditEvent::text_en`), its Swedish one from [`text_sv`] here: both are
//! exhaustive matches, so a new variant cannot compile without its texts. A
//! test performs every audited action through [`App`] and requires a Swedish
//! text for each entry, and another one for an example of every variant.
//!
//! [`App`]: crate::App

use ogonblick_model::GroundChange;
use ogonblick_model::{
    AuditEntry, AuditEvent, ChannelField, ChannelStatus, SnapshotReason, SnapshotStatus,
};
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
    /// The event in Swedish; `None` for an entry this version cannot read
    /// (`AuditEvent::Legacy`): show `detail`.
    pub detail_sv: Option<String>,
}

impl From<AuditEntry> for AuditLine {
    fn from(entry: AuditEntry) -> Self {
        let detail_sv = text_sv(&entry.event);
        AuditLine { entry, detail_sv }
    }
}

/// The Swedish text of an event; `None` for [`AuditEvent::Legacy`] (an
/// entry of a format this version does not know, shown as recorded).
pub fn text_sv(event: &AuditEvent) -> Option<String> {
    Some(match event {
        AuditEvent::ChannelAdded { name } => format!("Kanalen ”{name}” registrerades."),
        AuditEvent::ChannelImported { name, source } => {
            format!("Kanalen ”{name}” importerades från {source}.")
        }
        AuditEvent::ChannelEdited { fields } => format!(
            "Ändrade uppgifter: {}.",
            fields
                .iter()
                .map(|f| field_sv(*f))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        AuditEvent::ClosureStarted {
            from,
            to,
            decision,
            diary_number,
        } => {
            let mut s = format!(
                "Status: {} → {}.",
                channel_status_sv(*from),
                channel_status_sv(*to)
            );
            if let Some(d) = decision {
                s.push_str(&format!(" Beslut: {d}."));
            }
            if let Some(n) = diary_number {
                s.push_str(&format!(" Diarienummer: {n}."));
            }
            s
        }
        AuditEvent::ClosureCompleted { from, to } => format!(
            "Status: {} → {}.",
            channel_status_sv(*from),
            channel_status_sv(*to)
        ),
        AuditEvent::ClosedOn {
            snapshot_id,
            package_objid,
            package_path,
        } => format!(
            "Avslutad med ögonblicksbilden inför avslut {snapshot_id} och det kontrollerade arkivpaketet {package_objid} ({package_path})."
        ),
        // The user's own words.
        AuditEvent::ClosureNote { text } => text.clone(),
        AuditEvent::ClosureReviewed { snapshot_id } => {
            format!("Granskade ögonblicksbilden inför avslut, {snapshot_id}.")
        }
        AuditEvent::SettingsSet { key } => match key.as_str() {
            "organisation" => "Ändrade organisationens uppgifter och schemat.".to_string(),
            "package" => "Ändrade arkivpaketens standardvärden.".to_string(),
            "scheduler" => "Ändrade automatiska ögonblicksbilder.".to_string(),
            other => format!("Ändrade inställningen {other}."),
        },
        AuditEvent::SnapshotStored {
            snapshot_id,
            status,
            reason,
            pages,
            single_address,
        } => format!(
            "Ögonblicksbild {snapshot_id} sparad ({}, {}, {pages} {}){}.",
            snapshot_status_sv(*status),
            reason_sv(*reason),
            if *pages == 1 { "sida" } else { "sidor" },
            single_address
                .as_ref()
                .map(|a| format!(" av den enskilda adressen {a}"))
                .unwrap_or_default()
        ),
        AuditEvent::LoginBrowserOpened { url } => {
            format!("Öppnade en synlig webbläsare med organisationens profil på {url}.")
        }
        AuditEvent::PackageExported {
            objid,
            path,
            sha256,
            size,
            snapshot_ids,
        } => format!(
            "Arkivpaketet {objid} skrevs till {path} (SHA-256 {sha256}, {size} byte) med ögonblicksbilderna {}.",
            snapshot_ids.join(", ")
        ),
        AuditEvent::PackageVerified {
            objid,
            path,
            ok,
            problems,
        } => format!(
            "Arkivpaketet {} i {path}: {}.",
            objid.as_deref().unwrap_or("?"),
            if *ok {
                "kontrollerat, inga fel".to_string()
            } else {
                format!("{problems} fel")
            }
        ),
        AuditEvent::RegisterExported { channels, path } => format!(
            "Exporterade {channels} {} till {path}.",
            if *channels == 1 { "kanal" } else { "kanaler" }
        ),
        AuditEvent::RegisterRebuilt {
            channels,
            snapshots,
            audit_entries,
            warnings,
        } => format!(
            "Återskapade registret: {channels} {}, {snapshots} {}, {audit_entries} {}, {warnings} {}.",
            if *channels == 1 { "kanal" } else { "kanaler" },
            if *snapshots == 1 {
                "ögonblicksbild"
            } else {
                "ögonblicksbilder"
            },
            if *audit_entries == 1 {
                "logghändelse"
            } else {
                "logghändelser"
            },
            if *warnings == 1 { "varning" } else { "varningar" },
        ),
        AuditEvent::RemovalRecorded {
            removal_id,
            item,
            action,
            ground,
            evidence,
            supplied_by_hand,
        } => format!(
            "Borttaget innehåll {removal_id} dokumenterades ({}, {}, grund {ground}) med {} {evidence}.",
            item.labels().0,
            action.labels().0,
            if *supplied_by_hand {
                "egen skärmbild, SHA-256"
            } else {
                "ögonblicksbild"
            }
        ),
        AuditEvent::RemovalCorrected {
            removal_id,
            version,
        } => format!("Borttaget innehåll {removal_id} rättades: version {version}."),
        AuditEvent::RemovalCertified {
            removal_id,
            version,
            by,
        } => format!("Borttaget innehåll {removal_id} bestyrktes av {by} (version {version})."),
        AuditEvent::DiaryNumberSet {
            number,
            snapshot_ids,
            removal_ids,
        } => format!(
            "{} för ögonblicksbilder [{}] och borttaget innehåll [{}].",
            match number {
                Some(n) => format!("Diarienumret sattes till {n}"),
                None => "Diarienumret togs bort".to_string(),
            },
            snapshot_ids.join(", "),
            removal_ids.join(", ")
        ),
        AuditEvent::MarkSet {
            item_kind,
            item_id,
            personal_data,
            secrecy,
            note,
        } => format!(
            "{} {item_id} markerades som innehållande {}{}.",
            match item_kind {
                ogonblick_model::MarkedKind::Snapshot => "Ögonblicksbilden",
                ogonblick_model::MarkedKind::Removal => "Borttaget innehåll",
            },
            ogonblick_model::MarkFlags {
                personal_data: *personal_data,
                secrecy: secrecy.clone(),
                note: None
            }
            .labels()
            .0,
            note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
        ),
        AuditEvent::MarkCleared { item_kind, item_id } => format!(
            "Skyddsmarkeringen togs bort från {} {item_id}.",
            match item_kind {
                ogonblick_model::MarkedKind::Snapshot => "ögonblicksbilden",
                ogonblick_model::MarkedKind::Removal => "borttaget innehåll",
            }
        ),
        AuditEvent::Legacy { .. } => return None,
        AuditEvent::HoldSet { item_id, reason } => {
            format!("{item_id} undantogs från gallring: {reason}.")
        }
        AuditEvent::HoldCleared { item_id } => {
            format!("Undantaget från gallring för {item_id} hävdes.")
        }
        AuditEvent::DiaryKept { number, keep } => match keep {
            true => format!("Handlingarna med diarienummer {number} ska bevaras."),
            false => format!("Handlingarna med diarienummer {number} ska inte längre bevaras."),
        },
        AuditEvent::ItemDisposed {
            item_kind,
            item_id,
            disposal_id,
            decision,
            files,
        } => format!(
            "{} {item_id} gallrades enligt gallringsbeslut {decision} ({files} fil(er), gallring {disposal_id}).",
            match item_kind {
                ogonblick_model::DisposedKind::Snapshot => "Ögonblicksbilden",
                ogonblick_model::DisposedKind::Removal => "Posten om borttaget innehåll",
            }
        ),
        AuditEvent::RemovalReportMade {
            from,
            to,
            channel,
            board,
            records,
            path,
        } => format!(
            "Rapport över borttaget innehåll {from} – {to}{}{} med {records} {} skrevs till {path}.",
            channel.map(|c| format!(", kanal {c}")).unwrap_or_default(),
            board.as_ref().map(|b| format!(", nämnd {b}")).unwrap_or_default(),
            if *records == 1 { "post" } else { "poster" }
        ),
        AuditEvent::RemovalRecaptured {
            removal_id,
            version,
            snapshot_id,
        } => format!(
            "Borttaget innehåll {removal_id} fångades på nytt: ögonblicksbild {snapshot_id} (version {version})."
        ),
        AuditEvent::RemovalGroundChanged { code, change } => match change {
            GroundChange::Added => format!("Grunden {code} för borttagning lades till."),
            GroundChange::Edited => format!("Grunden {code} för borttagning fick ny lydelse."),
            GroundChange::Retired => format!("Grunden {code} för borttagning togs ur bruk."),
        },
        AuditEvent::TimestampAdded {
            snapshot_id,
            authority,
            token,
            time,
        } => format!(
            "Tidsstämplade ögonblicksbilden {snapshot_id} av {authority} {} UTC ({token}).",
            time.format("%Y-%m-%d %H:%M:%S")
        ),
        AuditEvent::TimestampPending {
            snapshot_id,
            authority,
            cause,
        } => format!(
            "Tidsstämpeln för ögonblicksbilden {snapshot_id} väntar: {authority} gav ingen tidsstämpel ({cause})."
        ),
        AuditEvent::ChangeRegistered {
            snapshot_id,
            new_snapshot_id,
            note,
        } => format!(
            "Den föreslagna större förändringen i ögonblicksbilden {snapshot_id} registrerades: ögonblicksbilden {new_snapshot_id} ({note})."
        ),
        AuditEvent::ChangeDismissed { snapshot_id, note } => match note {
            Some(n) => format!(
                "Den föreslagna större förändringen i ögonblicksbilden {snapshot_id} avfärdades ({n})."
            ),
            None => format!(
                "Den föreslagna större förändringen i ögonblicksbilden {snapshot_id} avfärdades."
            ),
        },
        AuditEvent::RoleSet {
            login,
            roles,
            units,
        } => {
            let roles: Vec<String> = roles.iter().map(|r| crate::roles::role_sv(*r)).collect();
            if units.is_empty() {
                format!("{login} fick rollerna: {}.", roles.join(", "))
            } else {
                format!(
                    "{login} fick rollerna: {} (enheter: {}).",
                    roles.join(", "),
                    units.join(", ")
                )
            }
        }
        AuditEvent::RoleRemoved { login } => format!("{login} har inte längre någon roll."),
        AuditEvent::AccessRefused { login, action } => format!(
            "{login} nekades {}: ingen av personens roller tillåter det.",
            crate::roles::action_sv(*action)
        ),
        AuditEvent::ClosureUndone { from, to } => format!(
            "Avvecklingen ångrades. Status: {} → {}.",
            channel_status_sv(*from),
            channel_status_sv(*to)
        ),
        AuditEvent::AccountDeleted { date } => {
            format!("Kontot raderades på plattformen {date}.")
        }
        AuditEvent::OrgUnitAdded { board, unit } => match unit {
            Some(u) => format!("Enheten {u} i {board} lades till i organisationens lista."),
            None => format!("Nämnden {board} lades till i organisationens lista."),
        },
        AuditEvent::OrgUnitRenamed { board, unit, to } => match unit {
            Some(u) => format!("Enheten {u} i {board} bytte namn till {to}."),
            None => format!("Nämnden {board} bytte namn till {to}."),
        },
        AuditEvent::OrgUnitRemoved { board, unit } => match unit {
            Some(u) => format!("Enheten {u} i {board} togs bort ur organisationens lista."),
            None => format!("Nämnden {board} togs bort ur organisationens lista."),
        },
    })
}

fn field_sv(field: ChannelField) -> &'static str {
    match field {
        ChannelField::Name => "namn",
        ChannelField::Platform => "plattform",
        ChannelField::Urls => "adresser",
        ChannelField::Board => "nämnd",
        ChannelField::Unit => "enhet",
        ChannelField::Responsible => "ansvarig",
        ChannelField::Substitute => "ersättare",
        ChannelField::Purpose => "syfte",
        ChannelField::Audience => "målgrupp",
        ChannelField::Policy => "schema",
        ChannelField::Notes => "anteckningar",
    }
}

fn channel_status_sv(s: ChannelStatus) -> &'static str {
    match s {
        ChannelStatus::Active => "aktiv",
        ChannelStatus::Closing => "avslutas",
        ChannelStatus::Closed => "avslutad",
    }
}

fn snapshot_status_sv(s: SnapshotStatus) -> &'static str {
    match s {
        SnapshotStatus::Complete => "fullständig",
        SnapshotStatus::Partial => "ofullständig",
        SnapshotStatus::Failed => "misslyckad",
    }
}

fn reason_sv(s: SnapshotReason) -> &'static str {
    match s {
        SnapshotReason::HalfYearly => "halvårsvis",
        SnapshotReason::Yearly => "årsvis",
        SnapshotReason::MajorChange => "större förändring",
        SnapshotReason::PreClosure => "inför avslut",
        SnapshotReason::AdHoc => "vid behov",
        SnapshotReason::SingleItem => "enskild adress",
    }
}

#[cfg(test)]
#[path = "audit_text_tests.rs"]
mod tests;
