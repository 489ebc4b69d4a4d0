//! Issue 15's review of the shared register (h-pgrev), PostgreSQL only:
//! a sequence number is handed out at insert, not at commit, so an edit
//! whose number is lower than the list's newest may commit after the list
//! was read; Kanaler's bulk change compares each chosen channel's own
//! revision and so refuses it rather than overwriting it. And an edit
//! refused because the channel changed names the login the server
//! recorded for the change when its entry claims another person; the
//! server records its own time beside the claimed one.

use ogonblick_model::{ChannelPatch, Message};
use ogonblick_store::postgres::NoTls;
use ogonblick_store::{ResponsibleEdit, StoreError};

use super::backends::{Backend, Postgres};
use super::channels_bulk::revisions_of;
use super::given_two_channels;

fn notes(n: &str) -> ChannelPatch {
    ChannelPatch {
        notes: Some(n.into()),
        ..Default::default()
    }
}

#[test]
fn an_edit_committed_after_a_later_numbered_change_still_refuses_the_bulk_change() {
    let Some(b) = Postgres::new("bulk_interleaved") else {
        return;
    };
    let (r, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*r);
    // A desktop's edit of Kultur under way, as the register writes one:
    // the row locked and changed, its entry numbered, not yet committed.
    let mut slow = b.config().connect(NoTls).unwrap();
    let mut tx = slow.transaction().unwrap();
    tx.execute("SELECT id FROM channels WHERE id = $1 FOR UPDATE", &[&d.id])
        .unwrap();
    tx.execute(
        "UPDATE channels SET notes = 'långsam' WHERE id = $1",
        &[&d.id],
    )
    .unwrap();
    let slow_seq: i64 = tx
        .query_one(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail)
             VALUES ('2026-03-15T10:00:00.000000000Z', 'bo', 'channel.edit', $1, 'notes')
             RETURNING seq",
            &[&d.id],
        )
        .unwrap()
        .get(0);
    // Another desktop's change, numbered after it, commits first; then
    // the list is read, and then the slow edit commits.
    other
        .edit_channel(c.id, &notes("snabb"), "cecilia")
        .unwrap();
    let newest = r.change_stamp(0).unwrap().last;
    assert!(slow_seq < newest, "{slow_seq} < {newest}");
    let ids = [c.id, d.id];
    let seen = revisions_of(&*r, &ids);
    tx.commit().unwrap();
    assert_eq!(r.channel(d.id).unwrap().notes.as_deref(), Some("långsam"));

    // The list did not show the slow edit: the bulk change refuses Kultur,
    // though its entry's number is below every number the list had seen.
    let before = r.audit_log(None).unwrap().len();
    let edit = ResponsibleEdit {
        ids: &ids,
        responsible: Some("Per Holm"),
        substitute: None,
        seen: Some(&seen),
    };
    let err = r.set_channels_responsible(edit, "anna").unwrap_err();
    assert!(
        matches!(&err, StoreError::Conflict(Message::StoreChannelsChangedSince { channels })
                 if *channels == d.name),
        "{err:?}"
    );
    assert_eq!(r.audit_log(None).unwrap().len(), before);
    assert_eq!(r.channel(c.id).unwrap().responsible, c.responsible);

    // Read again, the change goes through.
    let seen = revisions_of(&*r, &ids);
    let edit = ResponsibleEdit {
        seen: Some(&seen),
        ..edit
    };
    r.set_channels_responsible(edit, "anna").unwrap();
    assert_eq!(
        r.channel(d.id).unwrap().responsible.as_deref(),
        Some("Per Holm")
    );
}
