//! A read that takes several statements sees one moment: while another
//! desktop edits a channel over and over, every listing and every read of
//! the channel shows its name with its own addresses, never one edit's name
//! with another's addresses.

use std::sync::atomic::{AtomicBool, Ordering};

use ogonblick_model::ChannelPatch;
use ogonblick_store::ChannelFilter;

use super::backends::{self, Backend};
use super::given_channel;

conformance!(listing_during_edits_shows_each_channel_as_one_edit_left_it);

/// The name and addresses of edit `n`.
fn edit(n: usize) -> ChannelPatch {
    ChannelPatch {
        name: Some(format!("Nacka {}", n % 2)),
        urls: Some(vec![format!("https://facebook.com/nacka{}", n % 2)]),
        ..Default::default()
    }
}

fn listing_during_edits_shows_each_channel_as_one_edit_left_it(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    a.edit_channel(c.id, &edit(0), "anna").unwrap();
    let done = AtomicBool::new(false);
    let check = |name: &str, urls: &[String]| {
        let n = name.strip_prefix("Nacka ").unwrap();
        assert_eq!(urls, [format!("https://facebook.com/nacka{n}")], "{name}");
    };
    std::thread::scope(|s| {
        s.spawn(|| {
            // Done also when an edit fails and the thread unwinds, so that
            // the reads stop and the failure is reported, not waited for.
            let _done = SetOnDrop(&done);
            for n in 1..=150 {
                a.edit_channel(c.id, &edit(n), "anna").unwrap();
            }
        });
        let mut reads = 0;
        while !done.load(Ordering::SeqCst) || reads < 10 {
            let listed = other.list_channels(&ChannelFilter::default()).unwrap();
            check(&listed[0].channel.name, &listed[0].channel.urls);
            let one = other.channel(c.id).unwrap();
            check(&one.name, &one.urls);
            reads += 1;
        }
    });
}

/// Sets its flag when dropped, whether the thread ended or unwound.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}
