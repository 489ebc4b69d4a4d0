//! Kanaler's bulk action through the storage interface, on both backends:
//! the responsible person and substitute of many channels, all or none,
//! audited per changed channel; and a settings document audited as the
//! caller's event.

use ogonblick_model::{AuditEvent, ChannelField, ChannelPatch, ChannelQuery, Message, OrgSettings};
use ogonblick_store::{RegisterExt, ResponsibleEdit, StoreError};

use super::backends::{self, Backend};
use super::given_two_channels;

conformance!(
    responsible_of_many_channels_is_set_all_or_none,
    a_channel_changed_after_the_list_was_read_refuses_the_bulk_change,
    a_settings_document_is_audited_as_the_callers_event,
);

fn edit<'a>(
    ids: &'a [i64],
    responsible: &'a str,
    substitute: Option<&'a str>,
) -> ResponsibleEdit<'a> {
    ResponsibleEdit {
        ids,
        responsible: Some(responsible),
        substitute,
        seen: None,
    }
}

fn responsible_of_many_channels_is_set_all_or_none(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*r);
    let before = r.audit_log(None).unwrap().len();
    // An unknown channel refuses the whole change.
    let err = r
        .set_channels_responsible(edit(&[c.id, d.id + 100], "Bo Ek", None), "anna")
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound(Message::StoreNoChannel { .. })),
        "{err:?}"
    );
    // So does a value the register refuses.
    let err = r
        .set_channels_responsible(edit(&[c.id], "Bo\u{1b}Ek", None), "anna")
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert_eq!(other.channel(c.id).unwrap(), c);
    assert_eq!(other.audit_log(None).unwrap().len(), before);
    // Kultur already has Bo Ek after the first change: left as it is.
    r.set_channels_responsible(edit(&[d.id], "Bo Ek", None), "anna")
        .unwrap();
    let out = other
        .set_channels_responsible(edit(&[c.id, d.id, c.id], " Bo Ek ", Some("")), "bo")
        .unwrap();
    assert_eq!(out.len(), 3);
    for ch in [c.id, d.id] {
        let now = r.channel(ch).unwrap();
        assert_eq!(now.responsible.as_deref(), Some("Bo Ek"));
        assert_eq!(now.substitute, None);
        assert!(out.contains(&now));
    }
    let edits: Vec<_> = r
        .audit_log(None)
        .unwrap()
        .into_iter()
        .skip(before)
        .map(|e| (e.actor, e.channel_id, e.event))
        .collect();
    let edited = |who: &str, id, fields: &[ChannelField]| {
        let event = AuditEvent::ChannelEdited {
            fields: fields.to_vec(),
        };
        (who.to_string(), Some(id), event)
    };
    assert_eq!(
        edits,
        [
            edited("anna", d.id, &[ChannelField::Responsible]),
            edited(
                "bo",
                c.id,
                &[ChannelField::Responsible, ChannelField::Substitute]
            ),
            edited("bo", d.id, &[ChannelField::Substitute]),
        ]
    );
}

/// Kanaler sends each chosen channel's revision as its list read it: a
/// chosen channel another desktop changed since refuses the whole change,
/// naming it (all or none, as a closed channel does), and nothing is
/// written; read again, the list's new revisions let it through.
fn a_channel_changed_after_the_list_was_read_refuses_the_bulk_change(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*r);
    let ids = [c.id, d.id];
    let seen = revisions_of(&*r, &ids);
    let notes = ChannelPatch {
        notes: Some("ändrad".into()),
        ..Default::default()
    };
    other.edit_channel(d.id, &notes, "bo").unwrap();
    let before = r.audit_log(None).unwrap().len();
    let with = |seen| ResponsibleEdit {
        seen: Some(seen),
        ..edit(&ids, "Per Holm", None)
    };
    let err = r.set_channels_responsible(with(&seen), "anna").unwrap_err();
    assert!(
        matches!(&err, StoreError::Conflict(Message::StoreChannelsChangedSince { channels })
                 if *channels == d.name),
        "{err:?}"
    );
    assert_eq!(err.code(), ogonblick_model::ErrorCode::Conflict);
    assert_eq!(other.channel(c.id).unwrap().responsible, c.responsible);
    assert_eq!(other.audit_log(None).unwrap().len(), before);
    // Revisions that are not one per chosen channel refuse it too.
    let err = r
        .set_channels_responsible(with(&seen[..1]), "anna")
        .unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::Invalid(Message::StoreChannelsRevisionsCount {})
        ),
        "{err:?}"
    );

    let seen = revisions_of(&*r, &ids);
    assert!(seen.iter().all(|&s| s > 0), "{seen:?}");
    let out = r.set_channels_responsible(with(&seen), "anna").unwrap();
    assert!(out
        .iter()
        .all(|ch| ch.responsible.as_deref() == Some("Per Holm")));
}

/// The revisions of the channels `ids` as Kanaler's page reads them.
pub(super) fn revisions_of(r: &dyn ogonblick_store::Register, ids: &[i64]) -> Vec<i64> {
    let page = r.channel_page(&ChannelQuery::default()).unwrap();
    assert_eq!(page.revisions.len(), page.matching_ids.len());
    ids.iter()
        .map(|id| {
            let at = page.matching_ids.iter().position(|m| m == id).unwrap();
            page.revisions[at]
        })
        .collect()
}

fn a_settings_document_is_audited_as_the_callers_event(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let s = OrgSettings {
        name: "Nacka kommun".into(),
        ..Default::default()
    };
    let event = AuditEvent::ClosureNote {
        text: "satt vid import".into(),
    };
    r.set_setting_audited(&s, "admin", event.clone()).unwrap();
    assert_eq!(other.settings().unwrap(), s);
    let log = other.audit_log(None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].event, event);
}
