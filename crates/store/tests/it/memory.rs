//! `Register::release_memory`: SQLite's page cache handed back at rest.

use ogonblick_store::{ChannelFilter, Register, Store};
use tempfile::tempdir;

use crate::common::{new_channel, open};

/// Bytes SQLite's page cache of connection `c` holds now.
fn cache_of(c: &rusqlite::Connection) -> i64 {
    let (mut now, mut high) = (0, 0);
    // SAFETY: the handle is the open connection's, used on this thread while
    // the store's lock is held; the outputs are plain integers.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_db_status(
            c.handle(),
            rusqlite::ffi::SQLITE_DBSTATUS_CACHE_USED,
            &mut now,
            &mut high,
            0,
        )
    };
    assert_eq!(rc, rusqlite::ffi::SQLITE_OK);
    i64::from(now)
}

/// Bytes the page cache of the store's connection holds now.
fn cache_used(store: &Store) -> i64 {
    store.with_connection(|c| Ok(cache_of(c))).unwrap()
}

#[test]
fn release_memory_empties_the_page_cache_and_the_register_still_reads() {
    let dir = tempdir().unwrap();
    let (store, _clock) = open(dir.path());
    for i in 0..300 {
        let url = format!("https://www.facebook.com/kanal{i}");
        let mut c = new_channel(&format!("Kanal {i}"), &[url.as_str()]);
        c.notes = Some("x".repeat(2000));
        Register::add_channel(&store, &c, "test").unwrap();
    }
    let all = Register::list_channels(&store, &ChannelFilter::default()).unwrap();
    assert_eq!(all.len(), 300);
    let before = cache_used(&store);
    assert!(
        before > 200_000,
        "the reads filled the cache ({before} bytes)"
    );

    Register::release_memory(&store);
    let after = cache_used(&store);
    assert!(after < before / 10, "{before} bytes before, {after} after");

    // The next read fills it again, from the file.
    let again = Register::list_channels(&store, &ChannelFilter::default()).unwrap();
    assert_eq!(again.len(), 300);
    assert!(cache_used(&store) > after);
}

#[test]
fn release_memory_returns_at_once_while_the_connection_is_in_use() {
    let dir = tempdir().unwrap();
    let (store, _clock) = open(dir.path());
    Register::add_channel(
        &store,
        &new_channel("Kanal", &["https://x.com/kanal"]),
        "test",
    )
    .unwrap();
    Register::list_channels(&store, &ChannelFilter::default()).unwrap();
    // The connection's lock held, as by a command on another thread: the
    // release neither waits for it (this would hang) nor frees anything under
    // the holder.
    let (held, inside) = store
        .with_connection(|c| {
            let held = cache_of(c);
            Register::release_memory(&store);
            Ok((held, cache_of(c)))
        })
        .unwrap();
    assert!(held > 0);
    assert_eq!(inside, held);
    Register::release_memory(&store);
    assert!(cache_used(&store) < held);
}
