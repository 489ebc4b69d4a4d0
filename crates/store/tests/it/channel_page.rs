//! A page of the register (Kanaler): filters, order, rows, counts and the
//! filters' choices, from real SQLite.

use chrono::Duration;
use ogonblick_model::{
    ChannelQuery, ChannelSort, ChannelStatus, Platform, SnapshotReason, SnapshotStatus,
};
use ogonblick_store::Store;

use crate::common::{commit_snapshot_as, new_channel, open, t0};

/// Seven channels: names in Swedish order alfa, Bravo, Zeta, Åby, Ängby,
/// Östra (and "charlie", closing); two boards, three units; one failed last
/// snapshot, one without a substitute.
fn register(store: &Store) -> Vec<i64> {
    let mut ids = Vec::new();
    let specs: [(&str, &str, &str, Option<&str>, Platform); 7] = [
        (
            "Östra",
            "Kommunstyrelsen",
            "Kommunikationsenheten",
            Some("Pär Ähl"),
            Platform::Facebook,
        ),
        (
            "Ängby",
            "Kommunstyrelsen",
            "HR",
            Some("Pär Ähl"),
            Platform::Instagram,
        ),
        (
            "Åby",
            "Kulturnämnden",
            "Biblioteket",
            None,
            Platform::Facebook,
        ),
        (
            "Zeta",
            "Kulturnämnden",
            "Biblioteket",
            Some("Eva Ek"),
            Platform::Facebook,
        ),
        (
            "Bravo",
            "Kommunstyrelsen",
            "HR",
            Some("Eva Ek"),
            Platform::YouTube,
        ),
        (
            "alfa",
            "Kulturnämnden",
            "Museet",
            Some("Eva Ek"),
            Platform::Facebook,
        ),
        (
            "charlie",
            "Kulturnämnden",
            "Museet",
            Some("Eva Ek"),
            Platform::Facebook,
        ),
    ];
    for (i, (name, board, unit, substitute, platform)) in specs.into_iter().enumerate() {
        let url = format!("https://example.org/kanal-{i}");
        let mut n = new_channel(name, &[&url]);
        n.board = Some(board.into());
        n.unit = Some(unit.into());
        n.substitute = substitute.map(str::to_string);
        n.platform = Some(platform);
        ids.push(store.add_channel(&n, "t").expect("add").id);
    }
    store.start_closure(ids[6], "t").expect("closing");
    let day = |d: i64| {
        (
            t0() + Duration::days(d),
            t0() + Duration::days(d) + Duration::minutes(3),
        )
    };
    let snap = |i: usize, id: &str, d: i64, status| {
        let url = vec![format!("https://example.org/kanal-{i}")];
        commit_snapshot_as(
            store,
            ids[i],
            id,
            &url,
            day(d),
            SnapshotReason::AdHoc,
            status,
        );
    };
    snap(0, "s-1", 1, SnapshotStatus::Complete);
    snap(3, "s-2", 2, SnapshotStatus::Complete);
    snap(3, "s-3", 3, SnapshotStatus::Failed);
    snap(5, "s-4", 4, SnapshotStatus::Complete);
    ids
}

fn names(store: &Store, q: &ChannelQuery) -> Vec<String> {
    let page = store.channel_page(q).expect("page");
    page.rows.iter().map(|r| r.channel.name.clone()).collect()
}

fn query(limit: u32) -> ChannelQuery {
    ChannelQuery {
        limit,
        ..ChannelQuery::default()
    }
}

#[test]
fn a_page_holds_its_rows_in_swedish_order_with_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let ids = register(&store);
    let page = store.channel_page(&query(3)).unwrap();
    assert_eq!((page.total, page.matching, page.offset), (7, 7, 0));
    let first: Vec<_> = page.rows.iter().map(|r| r.channel.name.as_str()).collect();
    assert_eq!(first, ["alfa", "Bravo", "charlie"]);
    assert_eq!(page.matching_ids.len(), 7);
    assert_eq!(page.matching_ids[6], ids[0], "Östra last: å, ä, ö after z");
    let q = ChannelQuery {
        offset: 3,
        ..query(3)
    };
    assert_eq!(names(&store, &q), ["Zeta", "Åby", "Ängby"]);
    // The last page has one row; a page beyond it is held to the last.
    let q = ChannelQuery {
        offset: 6,
        ..query(3)
    };
    assert_eq!(names(&store, &q), ["Östra"]);
    let beyond = store
        .channel_page(&ChannelQuery {
            offset: 60,
            ..query(3)
        })
        .unwrap();
    assert_eq!(beyond.offset, 6);
    assert_eq!(beyond.rows.len(), 1);
    // The rows carry their history from the summary.
    let zeta = store
        .channel_page(&ChannelQuery {
            ids: Some(vec![ids[3]]),
            ..query(5)
        })
        .unwrap();
    assert_eq!(zeta.rows[0].snapshot_count, 2);
    assert_eq!(
        zeta.rows[0].last_snapshot_status,
        Some(SnapshotStatus::Failed)
    );
    assert!(zeta.rows[0].last_complete_at.is_some());
    assert_eq!(zeta.rows[0].channel.urls, ["https://example.org/kanal-3"]);
}

#[test]
fn every_filter_keeps_only_what_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let ids = register(&store);
    let q = |f: fn(&mut ChannelQuery)| {
        let mut q = query(50);
        f(&mut q);
        names(&store, &q)
    };
    assert_eq!(
        q(|q| q.board = Some("Kommunstyrelsen".into())),
        ["Bravo", "Ängby", "Östra"]
    );
    assert_eq!(q(|q| q.unit = Some("Museet".into())), ["alfa", "charlie"]);
    assert_eq!(q(|q| q.person = Some("Pär Ähl".into())), ["Ängby", "Östra"]);
    assert_eq!(q(|q| q.platform = Some(Platform::YouTube)), ["Bravo"]);
    assert_eq!(q(|q| q.status = Some(ChannelStatus::Closing)), ["charlie"]);
    assert_eq!(q(|q| q.failed = true), ["Zeta"]);
    assert_eq!(q(|q| q.no_substitute = true), ["Åby"]);
    // Live text: any case, Swedish letters too, and the addresses.
    assert_eq!(q(|q| q.text = "ÄNGB".into()), ["Ängby"]);
    assert_eq!(q(|q| q.text = "kanal-4".into()), ["Bravo"]);
    assert_eq!(q(|q| q.text = "biblio".into()), ["Zeta", "Åby"]);
    // Together: every criterion must match, and the counts follow.
    let both = ChannelQuery {
        board: Some("Kulturnämnden".into()),
        text: "a".into(),
        ..query(1)
    };
    let page = store.channel_page(&both).unwrap();
    assert_eq!((page.matching, page.total, page.rows.len()), (4, 7, 1));
    assert_eq!(page.matching_ids, [ids[5], ids[6], ids[3], ids[2]]);
}

#[test]
fn columns_sort_both_ways_with_empty_values_last() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    register(&store);
    let by = |sort, descending| {
        names(
            &store,
            &ChannelQuery {
                sort,
                descending,
                ..query(50)
            },
        )
    };
    assert_eq!(
        by(ChannelSort::Name, true),
        ["Östra", "Ängby", "Åby", "Zeta", "charlie", "Bravo", "alfa"]
    );
    // Latest snapshot: the newest first when descending; never taken last
    // either way, by name.
    assert_eq!(
        by(ChannelSort::Last, true),
        ["alfa", "Zeta", "Östra", "Bravo", "charlie", "Åby", "Ängby"]
    );
    assert_eq!(
        by(ChannelSort::Last, false),
        ["Östra", "Zeta", "alfa", "Bravo", "charlie", "Åby", "Ängby"]
    );
    assert_eq!(
        by(ChannelSort::Owner, false)[..3],
        ["Bravo", "Ängby", "Östra"]
    );
    assert_eq!(by(ChannelSort::Platform, false)[..2], ["alfa", "charlie"]);
}

#[test]
fn the_filters_choices_come_from_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    register(&store);
    let page = store.channel_page(&query(0)).unwrap();
    assert!(page.rows.is_empty());
    assert_eq!(page.boards, ["Kommunstyrelsen", "Kulturnämnden"]);
    assert_eq!(
        page.units,
        ["Biblioteket", "HR", "Kommunikationsenheten", "Museet"]
    );
    assert_eq!(page.people, ["Eva Ek", "Pär Ähl", "Åsa Öberg"]);
    let kultur = ChannelQuery {
        board: Some("Kulturnämnden".into()),
        ..query(0)
    };
    assert_eq!(
        store.channel_page(&kultur).unwrap().units,
        ["Biblioteket", "Museet"]
    );
}

#[test]
fn an_empty_register_is_one_empty_page() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let page = store
        .channel_page(&ChannelQuery {
            offset: 50,
            ..query(50)
        })
        .unwrap();
    assert_eq!(
        (page.total, page.matching, page.offset, page.rows.len()),
        (0, 0, 0, 0)
    );
}
