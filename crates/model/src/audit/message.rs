//! The audit events for people: each event is a [`Message`] of the
//! catalogue (keys `audit-*`), so the Swedish log and the English text
//! (`AuditEntry.detail`) come from one code path and the `.ftl` files.

use ogonblick_messages::{
    ChannelState, GroundEdit, ItemKind, Language, Message, Names, RegisterField, RemovalDone,
    RemovedWhat, RoleNames, SnapshotState, SnapshotWhy,
};

use super::*;
use crate::{DisposedKind, MarkFlags};

impl AuditEvent {
    /// The event as a message of the catalogue. A person's own words (a
    /// closure note) and an entry this version cannot read
    /// ([`AuditEvent::Legacy`]) are [`Message::Text`], shown as recorded.
    pub fn message(&self) -> Message {
        match self {
            AuditEvent::ChannelAdded { name } => Message::AuditChannelAdded { name: name.clone() },
            AuditEvent::ChannelImported { name, source } => Message::AuditChannelImported {
                name: name.clone(),
                source: source.clone(),
            },
            AuditEvent::ChannelEdited { fields } => Message::AuditChannelEdited {
                fields: fields.iter().map(|f| register_field(*f)).collect(),
            },
            AuditEvent::ClosureStarted {
                from,
                to,
                decision,
                diary_number,
            } => Message::AuditStatus {
                from: state(*from),
                to: state(*to),
                decision: decision.as_ref().map(|d| {
                    Box::new(Message::AuditDecision {
                        decision: d.clone(),
                    })
                }),
                diary: diary_number
                    .as_ref()
                    .map(|n| Box::new(Message::AuditDiaryNumber { number: n.clone() })),
            },
            AuditEvent::ClosureCompleted { from, to } => Message::AuditStatus {
                from: state(*from),
                to: state(*to),
                decision: None,
                diary: None,
            },
            AuditEvent::ClosedOn {
                snapshot_id,
                package_objid,
                package_path,
            } => Message::AuditClosedOn {
                snapshot: snapshot_id.clone(),
                objid: package_objid.clone(),
                path: package_path.clone(),
            },
            AuditEvent::ClosureNote { text } => Message::Text { text: text.clone() },
            AuditEvent::ClosureReviewed { snapshot_id } => Message::AuditClosureReviewed {
                snapshot: snapshot_id.clone(),
            },
            AuditEvent::SettingsSet { key } => Message::AuditSettingsSet { key: key.clone() },
            AuditEvent::SnapshotStored {
                snapshot_id,
                status,
                reason,
                pages,
                single_address,
            } => Message::AuditSnapshotStored {
                snapshot: snapshot_id.clone(),
                status: snapshot_state(*status),
                reason: snapshot_why(*reason),
                pages: *pages,
                single: single_address
                    .as_ref()
                    .map(|a| Box::new(Message::AuditSingleAddress { url: a.clone() })),
            },
            AuditEvent::LoginBrowserOpened { url } => {
                Message::AuditLoginBrowser { url: url.clone() }
            }
            AuditEvent::PackageExported {
                objid,
                path,
                sha256,
                size,
                snapshot_ids,
            } => Message::AuditPackageExported {
                objid: objid.clone(),
                path: path.clone(),
                sha256: sha256.clone(),
                size: *size,
                snapshots: snapshot_ids.join(", "),
            },
            AuditEvent::PackageVerified {
                objid,
                path,
                ok,
                problems,
            } => Message::AuditPackageVerified {
                objid: objid.clone().unwrap_or_else(|| "?".into()),
                path: path.clone(),
                ok: *ok,
                problems: *problems,
            },
            AuditEvent::RegisterExported { channels, path } => Message::AuditRegisterExported {
                channels: *channels,
                path: path.clone(),
            },
            AuditEvent::RegisterRebuilt {
                channels,
                snapshots,
                audit_entries,
                warnings,
            } => Message::AuditRegisterRebuilt {
                channels: *channels,
                snapshots: *snapshots,
                entries: *audit_entries,
                warnings: *warnings,
            },
            AuditEvent::RemovalRecorded {
                removal_id,
                item,
                action,
                ground,
                evidence,
                supplied_by_hand,
            } => Message::AuditRemovalRecorded {
                removal: removal_id.clone(),
                item: item.what(),
                action: action.done(),
                ground: ground.clone(),
                evidence: evidence.clone(),
                by_hand: *supplied_by_hand,
            },
            AuditEvent::RemovalCorrected {
                removal_id,
                version,
            } => Message::AuditRemovalCorrected {
                removal: removal_id.clone(),
                version: *version,
            },
            AuditEvent::RemovalCertified {
                removal_id,
                version,
                by,
            } => Message::AuditRemovalCertified {
                removal: removal_id.clone(),
                version: *version,
                by: by.clone(),
            },
            AuditEvent::DiaryNumberSet {
                number,
                snapshot_ids,
                removal_ids,
            } => {
                let (snapshots, removals) = (snapshot_ids.join(", "), removal_ids.join(", "));
                match number {
                    Some(n) => Message::AuditDiarySet {
                        number: n.clone(),
                        snapshots,
                        removals,
                    },
                    None => Message::AuditDiaryRemoved {
                        snapshots,
                        removals,
                    },
                }
            }
            AuditEvent::MarkSet {
                item_kind,
                item_id,
                personal_data,
                secrecy,
                note,
            } => {
                let mark = MarkFlags {
                    personal_data: *personal_data,
                    secrecy: secrecy.clone(),
                    note: None,
                }
                .label();
                let (kind, id) = (marked(*item_kind), item_id.clone());
                match note {
                    Some(note) => Message::AuditMarkSetNote {
                        kind,
                        id,
                        mark,
                        note: note.clone(),
                    },
                    None => Message::AuditMarkSet { kind, id, mark },
                }
            }
            AuditEvent::MarkCleared { item_kind, item_id } => Message::AuditMarkCleared {
                kind: marked(*item_kind),
                id: item_id.clone(),
            },
            AuditEvent::Legacy { detail, .. } => Message::Text {
                text: detail.clone(),
            },
            AuditEvent::HoldSet { item_id, reason } => Message::AuditHoldSet {
                id: item_id.clone(),
                reason: reason.clone(),
            },
            AuditEvent::HoldCleared { item_id } => Message::AuditHoldCleared {
                id: item_id.clone(),
            },
            AuditEvent::DiaryKept { number, keep } => Message::AuditDiaryKept {
                number: number.clone(),
                keep: *keep,
            },
            AuditEvent::ItemDisposed {
                item_kind,
                item_id,
                disposal_id,
                decision,
                files,
            } => Message::AuditItemDisposed {
                kind: match item_kind {
                    DisposedKind::Snapshot => ItemKind::Snapshot,
                    DisposedKind::Removal => ItemKind::Removal,
                },
                id: item_id.clone(),
                disposal: disposal_id.clone(),
                decision: decision.clone(),
                files: *files,
            },
            AuditEvent::RemovalReportMade {
                from,
                to,
                channel,
                board,
                records,
                path,
            } => Message::AuditRemovalReport {
                from: from.clone(),
                to: to.clone(),
                channel: channel.map(|id| Box::new(Message::AuditReportChannel { id })),
                board: board
                    .as_ref()
                    .map(|b| Box::new(Message::AuditReportBoard { board: b.clone() })),
                records: *records,
                path: path.clone(),
            },
            AuditEvent::RemovalRecaptured {
                removal_id,
                version,
                snapshot_id,
            } => Message::AuditRemovalRecaptured {
                removal: removal_id.clone(),
                version: *version,
                snapshot: snapshot_id.clone(),
            },
            AuditEvent::RemovalGroundChanged { code, change } => Message::AuditGroundChanged {
                code: code.clone(),
                change: match change {
                    GroundChange::Added => GroundEdit::Added,
                    GroundChange::Edited => GroundEdit::Edited,
                    GroundChange::Retired => GroundEdit::Retired,
                },
            },
            AuditEvent::TimestampAdded {
                snapshot_id,
                authority,
                token,
                time,
            } => Message::AuditTimestampAdded {
                snapshot: snapshot_id.clone(),
                authority: authority.clone(),
                token: token.clone(),
                time: time.format("%Y-%m-%d %H:%M:%S").to_string(),
            },
            AuditEvent::TimestampPending {
                snapshot_id,
                authority,
                cause,
                why,
            } => Message::AuditTimestampPending {
                snapshot: snapshot_id.clone(),
                authority: authority.clone(),
                // The cause as a message (entries of older builds: its
                // English text, as recorded).
                cause: Box::new(why.clone().unwrap_or_else(|| Message::Text {
                    text: cause.clone(),
                })),
            },
            AuditEvent::ChangeRegistered {
                snapshot_id,
                new_snapshot_id,
                note,
            } => Message::AuditChangeRegistered {
                snapshot: snapshot_id.clone(),
                new_snapshot: new_snapshot_id.clone(),
                note: note.clone(),
            },
            AuditEvent::ChangeDismissed { snapshot_id, note } => match note {
                Some(n) => Message::AuditChangeDismissedNote {
                    snapshot: snapshot_id.clone(),
                    note: n.clone(),
                },
                None => Message::AuditChangeDismissed {
                    snapshot: snapshot_id.clone(),
                },
            },
            AuditEvent::RoleSet {
                login,
                roles,
                units,
            } => {
                let roles = RoleNames::new(roles.iter().map(|r| r.as_str()));
                if units.is_empty() {
                    Message::AuditRoleSet {
                        login: login.clone(),
                        roles,
                    }
                } else {
                    Message::AuditRoleSetUnits {
                        login: login.clone(),
                        roles,
                        units: Names::new(units.iter().cloned()),
                    }
                }
            }
            AuditEvent::RoleRemoved { login } => Message::AuditRoleRemoved {
                login: login.clone(),
            },
            AuditEvent::AccessRefused { login, action } => Message::AuditAccessRefused {
                login: login.clone(),
                action: Box::new(Message::RoleActionName {
                    action: action.as_str().to_string(),
                }),
            },
            AuditEvent::ClosureUndone { from, to } => Message::AuditClosureUndone {
                from: state(*from),
                to: state(*to),
            },
            AuditEvent::AccountDeleted { date } => Message::AuditAccountDeleted {
                date: date.to_string(),
            },
            AuditEvent::OrgUnitAdded { board, unit } => match unit {
                Some(u) => Message::AuditUnitAdded {
                    board: board.clone(),
                    unit: u.clone(),
                },
                None => Message::AuditBoardAdded {
                    board: board.clone(),
                },
            },
            AuditEvent::OrgUnitRenamed { board, unit, to } => match unit {
                Some(u) => Message::AuditUnitRenamed {
                    board: board.clone(),
                    unit: u.clone(),
                    to: to.clone(),
                },
                None => Message::AuditBoardRenamed {
                    board: board.clone(),
                    to: to.clone(),
                },
            },
            AuditEvent::OrgUnitRemoved { board, unit } => match unit {
                Some(u) => Message::AuditUnitRemoved {
                    board: board.clone(),
                    unit: u.clone(),
                },
                None => Message::AuditBoardRemoved {
                    board: board.clone(),
                },
            },
        }
    }

    /// The event in `lang`.
    pub fn text(&self, lang: Language) -> String {
        self.message().render(lang)
    }

    /// The event in English, for people (the CLI, the English UI, the
    /// entry's `detail`). The events older versions wrote as text keep those
    /// versions' sentences (the legacy reader parses them).
    pub fn text_en(&self) -> String {
        self.text(Language::En)
    }
}

fn state(s: ChannelStatus) -> ChannelState {
    match s {
        ChannelStatus::Active => ChannelState::Active,
        ChannelStatus::Closing => ChannelState::Closing,
        ChannelStatus::Closed => ChannelState::Closed,
    }
}

fn snapshot_state(s: SnapshotStatus) -> SnapshotState {
    match s {
        SnapshotStatus::Complete => SnapshotState::Complete,
        SnapshotStatus::Partial => SnapshotState::Partial,
        SnapshotStatus::Failed => SnapshotState::Failed,
    }
}

impl From<SnapshotReason> for SnapshotWhy {
    fn from(r: SnapshotReason) -> SnapshotWhy {
        snapshot_why(r)
    }
}

fn snapshot_why(r: SnapshotReason) -> SnapshotWhy {
    match r {
        SnapshotReason::HalfYearly => SnapshotWhy::HalfYearly,
        SnapshotReason::Yearly => SnapshotWhy::Yearly,
        SnapshotReason::MajorChange => SnapshotWhy::MajorChange,
        SnapshotReason::PreClosure => SnapshotWhy::PreClosure,
        SnapshotReason::AdHoc => SnapshotWhy::AdHoc,
        SnapshotReason::SingleItem => SnapshotWhy::SingleItem,
    }
}

fn register_field(f: ChannelField) -> RegisterField {
    match f {
        ChannelField::Name => RegisterField::Name,
        ChannelField::Platform => RegisterField::Platform,
        ChannelField::Urls => RegisterField::Urls,
        ChannelField::Board => RegisterField::Board,
        ChannelField::Unit => RegisterField::Unit,
        ChannelField::Responsible => RegisterField::Responsible,
        ChannelField::Substitute => RegisterField::Substitute,
        ChannelField::Purpose => RegisterField::Purpose,
        ChannelField::Audience => RegisterField::Audience,
        ChannelField::Policy => RegisterField::Policy,
        ChannelField::Notes => RegisterField::Notes,
    }
}

fn marked(k: MarkedKind) -> ItemKind {
    match k {
        MarkedKind::Snapshot => ItemKind::Snapshot,
        MarkedKind::Removal => ItemKind::Removal,
    }
}

// The same words in other sentences (the package's PREMIS).
impl From<MarkedKind> for ItemKind {
    fn from(k: MarkedKind) -> Self {
        marked(k)
    }
}

impl From<RemovedKind> for RemovedWhat {
    fn from(k: RemovedKind) -> Self {
        k.what()
    }
}

impl From<RemovalAction> for RemovalDone {
    fn from(a: RemovalAction) -> Self {
        a.done()
    }
}
