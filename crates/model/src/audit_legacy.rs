//! The reader of audit entries written before events were typed: an
//! `action` and an English `detail` in one of the formats below (the
//! writers' `format!` strings of those versions, reproduced by
//! [`AuditEvent::text_en`]). Used only for entries without a stored event.

use crate::audit::{AuditEvent, ChannelField, CLOSED_ON, LOGIN, REVIEWED, VERIFIED_OK};

/// The event of an old entry, or `None` for a format this reader does not know.
pub(crate) fn read(action: &str, detail: &str) -> Option<AuditEvent> {
    Some(match action {
        "channel.add" => {
            if let Some(name) = detail
                .strip_prefix("added channel '")
                .and_then(|r| r.strip_suffix('\''))
            {
                return Some(AuditEvent::ChannelAdded { name: name.into() });
            }
            let rest = detail.strip_prefix("imported channel '")?;
            let (name, source) = rest.rsplit_once("' from ")?;
            AuditEvent::ChannelImported {
                name: name.into(),
                source: source.into(),
            }
        }
        "channel.edit" => AuditEvent::ChannelEdited {
            fields: detail
                .strip_prefix("changed ")?
                .split(", ")
                .map(|f| ChannelField::ALL.iter().copied().find(|c| c.as_str() == f))
                .collect::<Option<_>>()?,
        },
        "closure.start" | "closure.complete" => {
            let (from, to) = detail.strip_prefix("status ")?.split_once(" → ")?;
            let (from, to) = (from.parse().ok()?, to.parse().ok()?);
            if action == "closure.start" {
                AuditEvent::ClosureStarted {
                    from,
                    to,
                    decision: None,
                    diary_number: None,
                }
            } else {
                AuditEvent::ClosureCompleted { from, to }
            }
        }
        "closure.note" => match detail.strip_prefix(CLOSED_ON) {
            // The user's own words.
            None => AuditEvent::ClosureNote {
                text: detail.into(),
            },
            Some(rest) => {
                let (id, rest) = rest.split_once(" and verified package ")?;
                let (objid, path) = rest.split_once(" (")?;
                AuditEvent::ClosedOn {
                    snapshot_id: id.into(),
                    package_objid: objid.into(),
                    package_path: path.strip_suffix(')')?.into(),
                }
            }
        },
        "closure.review" => AuditEvent::ClosureReviewed {
            snapshot_id: detail.strip_prefix(REVIEWED)?.into(),
        },
        "settings.set" => AuditEvent::SettingsSet {
            key: detail.strip_prefix("set ")?.into(),
        },
        "snapshot.commit" => {
            let rest = detail.strip_prefix("stored snapshot ")?;
            let (id, rest) = rest.split_once(" (")?;
            let (rest, single_address) = match rest.split_once(" page(s)) of the single address ") {
                Some((counts, address)) => (counts, Some(address.to_string())),
                None => (rest.strip_suffix(" page(s))")?, None),
            };
            let inner = rest;
            let mut parts = inner.split(", ");
            let (status, reason, pages) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            AuditEvent::SnapshotStored {
                snapshot_id: id.into(),
                status: status.parse().ok()?,
                reason: reason.parse().ok()?,
                pages: pages.parse().ok()?,
                single_address,
            }
        }
        "browser.login" => AuditEvent::LoginBrowserOpened {
            url: detail.strip_prefix(LOGIN)?.into(),
        },
        "package.export" => {
            let rest = detail.strip_prefix("package ")?;
            let (objid, rest) = rest.split_once(" written to ")?;
            let (path, rest) = rest.rsplit_once(" (sha256 ")?;
            let (sha256, rest) = rest.split_once(", ")?;
            let (size, ids) = rest.split_once(" bytes) with snapshots ")?;
            AuditEvent::PackageExported {
                objid: objid.into(),
                path: path.into(),
                sha256: sha256.into(),
                size: size.parse().ok()?,
                snapshot_ids: ids.split(", ").map(str::to_string).collect(),
            }
        }
        "package.verify" => {
            let rest = detail.strip_prefix("package ")?;
            let (objid, rest) = rest.split_once(" at ")?;
            let (path, verdict) = rest.rsplit_once(": ")?;
            let (ok, problems) = if verdict == VERIFIED_OK {
                (true, 0)
            } else {
                (false, verdict.strip_suffix(" problem(s)")?.parse().ok()?)
            };
            AuditEvent::PackageVerified {
                objid: (objid != "?").then(|| objid.to_string()),
                path: path.into(),
                ok,
                problems,
            }
        }
        "register.export" => {
            let rest = detail.strip_prefix("exported ")?;
            let (n, path) = rest.split_once(" channel(s) to ")?;
            AuditEvent::RegisterExported {
                channels: n.parse().ok()?,
                path: path.into(),
            }
        }
        "store.reindex" => {
            let rest = detail.strip_prefix("rebuilt the register: ")?;
            let mut it = rest.split(", ");
            let mut next =
                |suffix: &str| -> Option<u32> { it.next()?.strip_suffix(suffix)?.parse().ok() };
            let event = AuditEvent::RegisterRebuilt {
                channels: next(" channel(s)")?,
                snapshots: next(" snapshot(s)")?,
                audit_entries: next(" audit entries")?,
                warnings: next(" warning(s)")?,
            };
            if it.next().is_some() {
                return None;
            }
            event
        }
        _ => return None,
    })
}
