//! A page of the register (Kanaler, Att göra) on both backends: filters,
//! order, rows, counts and the filters' choices, the same rows in the same
//! order on SQLite and PostgreSQL (whose database collation is Swedish ICU
//! here, so an order left to it would show), and the failed channels.

use std::collections::HashSet;

use chrono::Duration;
use ogonblick_model::{
    ChannelQuery, ChannelSort, ChannelStatus, Platform, SnapshotReason, SnapshotStatus,
};
use ogonblick_store::Register;

use super::backends::{self, Backend};
use super::snapshots::{record_it, snapshot};
use crate::common::{new_channel, t0};

conformance!(
    a_page_holds_its_rows_in_swedish_order_with_the_counts,
    every_filter_keeps_only_what_it_says,
    columns_sort_both_ways_with_empty_values_last,
    the_filters_choices_come_from_the_register,
    an_empty_register_is_one_empty_page,
    failed_channels_are_those_whose_latest_snapshot_failed,
);

/// Seven channels: names in Swedish order alfa, Bravo, Zeta, Åby, Ängby,
/// Östra (and "charlie", closing); two boards, three units; one failed last
/// snapshot, one without a substitute.
fn register(r: &dyn Register) -> Vec<i64> {
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
    let mut ids = Vec::new();
    for (i, (name, board, unit, substitute, platform)) in specs.into_iter().enumerate() {
        let url = format!("https://example.org/kanal-{i}");
        let mut n = new_channel(name, &[&url]);
        n.board = Some(board.into());
        n.unit = Some(unit.into());
        n.substitute = substitute.map(str::to_string);
        n.platform = Some(platform);
        ids.push(r.add_channel(&n, "t").expect("add").id);
    }
    r.start_closure(ids[6], "t").expect("closing");
    let snap = |i: usize, id: &str, d: i64, status| {
        let s = snapshot(
            ids[i],
            id,
            SnapshotReason::AdHoc,
            status,
            t0() + Duration::days(d),
        );
        record_it(r, &s);
    };
    snap(0, "s-1", 1, SnapshotStatus::Complete);
    snap(3, "s-2", 2, SnapshotStatus::Complete);
    snap(3, "s-3", 3, SnapshotStatus::Failed);
    snap(5, "s-4", 4, SnapshotStatus::Complete);
    ids
}

fn names(r: &dyn Register, q: &ChannelQuery) -> Vec<String> {
    let page = r.channel_page(q).expect("page");
    page.rows.iter().map(|r| r.channel.name.clone()).collect()
}

fn query(limit: u32) -> ChannelQuery {
    ChannelQuery {
        limit,
        ..ChannelQuery::default()
    }
}

fn a_page_holds_its_rows_in_swedish_order_with_the_counts(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let ids = register(&*r);
    let page = other.channel_page(&query(3)).unwrap();
    assert_eq!((page.total, page.matching, page.offset), (7, 7, 0));
    let first: Vec<_> = page.rows.iter().map(|r| r.channel.name.as_str()).collect();
    assert_eq!(first, ["alfa", "Bravo", "charlie"]);
    assert_eq!(page.matching_ids.len(), 7);
    assert_eq!(page.matching_ids[6], ids[0], "Östra last: å, ä, ö after z");
    let q = ChannelQuery {
        offset: 3,
        ..query(3)
    };
    assert_eq!(names(&*other, &q), ["Zeta", "Åby", "Ängby"]);
    // The last page has one row; a page beyond it is held to the last.
    let q = ChannelQuery {
        offset: 6,
        ..query(3)
    };
    assert_eq!(names(&*other, &q), ["Östra"]);
    let beyond = other
        .channel_page(&ChannelQuery {
            offset: 60,
            ..query(3)
        })
        .unwrap();
    assert_eq!(beyond.offset, 6);
    assert_eq!(beyond.rows.len(), 1);
    // The rows carry their history from the summary, and the channel whole.
    let zeta = other
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
    assert_eq!(
        zeta.rows[0].last_snapshot_at,
        Some(t0() + Duration::days(3))
    );
    assert_eq!(
        zeta.rows[0].last_complete_at,
        Some(t0() + Duration::days(2))
    );
    assert_eq!(zeta.rows[0].channel, other.channel(ids[3]).unwrap());
    // The same rows as the full list has.
    let listed = other.list_channels(&Default::default()).unwrap();
    let all = other.channel_page(&query(50)).unwrap();
    for row in &all.rows {
        assert!(listed.contains(row), "{row:?}");
    }
}

fn every_filter_keeps_only_what_it_says(b: &dyn Backend) {
    let r = b.connect();
    let ids = register(&*r);
    let q = |f: fn(&mut ChannelQuery)| {
        let mut q = query(50);
        f(&mut q);
        names(&*r, &q)
    };
    assert_eq!(
        q(|q| q.board = Some("Kommunstyrelsen".into())),
        ["Bravo", "Ängby", "Östra"]
    );
    assert_eq!(q(|q| q.unit = Some("Museet".into())), ["alfa", "charlie"]);
    assert_eq!(q(|q| q.person = Some("Pär Ähl".into())), ["Ängby", "Östra"]);
    assert_eq!(q(|q| q.person = Some("Åsa Öberg".into())).len(), 7);
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
    let page = r.channel_page(&both).unwrap();
    assert_eq!((page.matching, page.total, page.rows.len()), (4, 7, 1));
    assert_eq!(page.matching_ids, [ids[5], ids[6], ids[3], ids[2]]);
    let failed_in_board = ChannelQuery {
        board: Some("Kommunstyrelsen".into()),
        failed: true,
        ..query(5)
    };
    assert_eq!(r.channel_page(&failed_in_board).unwrap().matching, 0);
}

fn columns_sort_both_ways_with_empty_values_last(b: &dyn Backend) {
    let r = b.connect();
    register(&*r);
    let by = |sort, descending| {
        names(
            &*r,
            &ChannelQuery {
                sort,
                descending,
                ..query(50)
            },
        )
    };
    // Latest snapshot: the newest first when descending; never taken last
    // either way, by name. Ties by name, ascending either way.
    let orders = [
        (
            ChannelSort::Name,
            true,
            "Östra Ängby Åby Zeta charlie Bravo alfa",
        ),
        (
            ChannelSort::Last,
            true,
            "alfa Zeta Östra Bravo charlie Åby Ängby",
        ),
        (
            ChannelSort::Last,
            false,
            "Östra Zeta alfa Bravo charlie Åby Ängby",
        ),
        (
            ChannelSort::Owner,
            false,
            "Bravo Ängby Östra Zeta Åby alfa charlie",
        ),
        (
            ChannelSort::Platform,
            false,
            "alfa charlie Zeta Åby Östra Ängby Bravo",
        ),
        (
            ChannelSort::Status,
            true,
            "charlie alfa Bravo Zeta Åby Ängby Östra",
        ),
    ];
    for (sort, descending, want) in orders {
        let got = by(sort, descending).join(" ");
        assert_eq!(got, want, "{sort:?} descending: {descending}");
    }
    assert_eq!(by(ChannelSort::Responsible, false).len(), 7);
}

fn the_filters_choices_come_from_the_register(b: &dyn Backend) {
    let r = b.connect();
    register(&*r);
    let page = r.channel_page(&query(0)).unwrap();
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
        r.channel_page(&kultur).unwrap().units,
        ["Biblioteket", "Museet"]
    );
}

fn an_empty_register_is_one_empty_page(b: &dyn Backend) {
    let r = b.connect();
    let page = r
        .channel_page(&ChannelQuery {
            offset: 50,
            ..query(50)
        })
        .unwrap();
    assert_eq!(
        (page.total, page.matching, page.offset, page.rows.len()),
        (0, 0, 0, 0)
    );
    assert!(page.boards.is_empty() && page.units.is_empty() && page.people.is_empty());
    assert!(r.failed_channels().unwrap().is_empty());
}

fn failed_channels_are_those_whose_latest_snapshot_failed(b: &dyn Backend) {
    let (r, other) = (b.connect(), b.connect());
    let ids = register(&*r);
    assert_eq!(other.failed_channels().unwrap(), HashSet::from([ids[3]]));
    // A complete one after the failure clears it; a failure elsewhere adds.
    let day5 = t0() + Duration::days(5);
    for (i, id, status) in [
        (3, "s-5", SnapshotStatus::Complete),
        (0, "s-6", SnapshotStatus::Failed),
    ] {
        record_it(
            &*r,
            &snapshot(ids[i], id, SnapshotReason::AdHoc, status, day5),
        );
    }
    assert_eq!(other.failed_channels().unwrap(), HashSet::from([ids[0]]));
}
