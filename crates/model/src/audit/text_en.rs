//! The audit events in English, for people (the CLI, the English UI).

use super::*;

impl AuditEvent {
    /// The event in English, for people (the CLI, the English UI). The same
    /// sentences the log held before events were typed.
    pub fn text_en(&self) -> String {
        match self {
            AuditEvent::ChannelAdded { name } => format!("added channel '{name}'"),
            AuditEvent::ChannelImported { name, source } => {
                format!("imported channel '{name}' from {source}")
            }
            AuditEvent::ChannelEdited { fields } => format!(
                "changed {}",
                fields
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            AuditEvent::ClosureStarted {
                from,
                to,
                decision,
                diary_number,
            } => {
                let mut s = format!("status {from} → {to}");
                if let Some(d) = decision {
                    s.push_str(&format!("; decision: {d}"));
                }
                if let Some(n) = diary_number {
                    s.push_str(&format!("; diary number: {n}"));
                }
                s
            }
            AuditEvent::ClosureCompleted { from, to } => format!("status {from} → {to}"),
            AuditEvent::ClosedOn {
                snapshot_id,
                package_objid,
                package_path,
            } => format!(
                "{CLOSED_ON}{snapshot_id} and verified package {package_objid} ({package_path})"
            ),
            AuditEvent::ClosureNote { text } => text.clone(),
            AuditEvent::ClosureReviewed { snapshot_id } => format!("{REVIEWED}{snapshot_id}"),
            AuditEvent::SettingsSet { key } => format!("set {key}"),
            AuditEvent::SnapshotStored {
                snapshot_id,
                status,
                reason,
                pages,
                single_address,
            } => {
                let of = single_address
                    .as_ref()
                    .map(|a| format!(" of the single address {a}"))
                    .unwrap_or_default();
                format!("stored snapshot {snapshot_id} ({status}, {reason}, {pages} page(s)){of}")
            }
            AuditEvent::LoginBrowserOpened { url } => format!("{LOGIN}{url}"),
            AuditEvent::PackageExported {
                objid,
                path,
                sha256,
                size,
                snapshot_ids,
            } => format!(
                "package {objid} written to {path} (sha256 {sha256}, {size} bytes) with snapshots {}",
                snapshot_ids.join(", ")
            ),
            AuditEvent::PackageVerified {
                objid,
                path,
                ok,
                problems,
            } => format!(
                "package {} at {path}: {}",
                objid.as_deref().unwrap_or("?"),
                if *ok {
                    VERIFIED_OK.to_string()
                } else {
                    format!("{problems} problem(s)")
                }
            ),
            AuditEvent::RegisterExported { channels, path } => {
                format!("exported {channels} channel(s) to {path}")
            }
            AuditEvent::RegisterRebuilt {
                channels,
                snapshots,
                audit_entries,
                warnings,
            } => format!(
                "rebuilt the register: {channels} channel(s), {snapshots} snapshot(s), {audit_entries} audit entries, {warnings} warning(s)"
            ),
            AuditEvent::RemovalRecorded {
                removal_id,
                item,
                action,
                ground,
                evidence,
                supplied_by_hand,
            } => format!(
                "recorded removal {removal_id} ({item}, {action}, ground {ground}) with {} {evidence}",
                if *supplied_by_hand { "the file supplied by hand, sha256" } else { "snapshot" }
            ),
            AuditEvent::RemovalCorrected { removal_id, version } => {
                format!("corrected removal {removal_id}: version {version}")
            }
            AuditEvent::RemovalCertified { removal_id, version, by } => {
                format!("removal {removal_id} certified by {by} (version {version})")
            }
            AuditEvent::DiaryNumberSet { number, snapshot_ids, removal_ids } => format!(
                "{} for snapshots [{}] and removals [{}]",
                match number {
                    Some(n) => format!("diary number set to {n}"),
                    None => "diary number removed".to_string(),
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
                "marked {} {item_id} as holding {}{}",
                item_kind.as_str(),
                crate::MarkFlags {
                    personal_data: *personal_data,
                    secrecy: secrecy.clone(),
                    note: None
                }
                .labels()
                .1,
                note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
            ),
            AuditEvent::MarkCleared { item_kind, item_id } => {
                format!("cleared the mark of {} {item_id}", item_kind.as_str())
            }
            AuditEvent::Legacy { detail, .. } => detail.clone(),
            AuditEvent::HoldSet { item_id, reason } => {
                format!("put {item_id} on hold (no disposal): {reason}")
            }
            AuditEvent::HoldCleared { item_id } => format!("lifted the hold on {item_id}"),
            AuditEvent::DiaryKept { number, keep } => match keep {
                true => format!("the documents of diary number {number} are to be kept"),
                false => format!("the documents of diary number {number} are no longer kept"),
            },
            AuditEvent::ItemDisposed {
                item_kind,
                item_id,
                disposal_id,
                decision,
                files,
            } => format!(
                "disposed of {item_kind} {item_id} under disposal decision {decision} ({files} file(s), disposal {disposal_id})"
            ),
            AuditEvent::RemovalReportMade {
                from,
                to,
                channel,
                board,
                records,
                path,
            } => format!(
                "removal report {from} to {to}{}{} with {records} record(s) written to {path}",
                channel.map(|c| format!(", channel {c}")).unwrap_or_default(),
                board.as_ref().map(|b| format!(", board {b}")).unwrap_or_default()
            ),
            AuditEvent::RemovalRecaptured {
                removal_id,
                version,
                snapshot_id,
            } => format!("removal {removal_id} captured again: snapshot {snapshot_id} (version {version})"),
            AuditEvent::RemovalGroundChanged { code, change } => match change {
                GroundChange::Added => format!("removal ground {code} added"),
                GroundChange::Edited => format!("removal ground {code} reworded"),
                GroundChange::Retired => format!("removal ground {code} retired"),
            },
            AuditEvent::TimestampAdded {
                snapshot_id,
                authority,
                token,
                time,
            } => format!(
                "timestamped snapshot {snapshot_id} by {authority} at {} UTC ({token})",
                time.format("%Y-%m-%d %H:%M:%S")
            ),
            AuditEvent::TimestampPending {
                snapshot_id,
                authority,
                cause,
            } => format!("timestamp of snapshot {snapshot_id} pending: {authority} gave no token ({cause})"),
            AuditEvent::ChangeRegistered {
                snapshot_id,
                new_snapshot_id,
                note,
            } => format!(
                "suggested major change of snapshot {snapshot_id} registered: snapshot {new_snapshot_id} ({note})"
            ),
            AuditEvent::ChangeDismissed { snapshot_id, note } => match note {
                Some(n) => format!("suggested major change of snapshot {snapshot_id} dismissed ({n})"),
                None => format!("suggested major change of snapshot {snapshot_id} dismissed"),
            },
            AuditEvent::RoleSet {
                login,
                roles,
                units,
            } => {
                let roles: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                if units.is_empty() {
                    format!("roles of {login} set: {}", roles.join(", "))
                } else {
                    format!(
                        "roles of {login} set: {} (units {})",
                        roles.join(", "),
                        units.join(", ")
                    )
                }
            }
            AuditEvent::RoleRemoved { login } => format!("roles of {login} removed"),
            AuditEvent::AccessRefused { login, action } => {
                format!("{login} was refused {action}: no role allows it")
            }
            AuditEvent::ClosureUndone { from, to } => {
                format!("closure undone: status {from} → {to}")
            }
            AuditEvent::AccountDeleted { date } => {
                format!("the account was deleted on the platform on {date}")
            }
            AuditEvent::OrgUnitAdded { board, unit } => match unit {
                Some(u) => format!("unit {u} of board {board} added to the organisation's list"),
                None => format!("board {board} added to the organisation's list"),
            },
            AuditEvent::OrgUnitRenamed { board, unit, to } => match unit {
                Some(u) => format!("unit {u} of board {board} renamed to {to}"),
                None => format!("board {board} renamed to {to}"),
            },
            AuditEvent::OrgUnitRemoved { board, unit } => match unit {
                Some(u) => format!("unit {u} of board {board} removed from the organisation's list"),
                None => format!("board {board} removed from the organisation's list"),
            },
        }
    }
}
