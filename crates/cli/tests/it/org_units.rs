//! `ogonblick org …` and `channel responsible` (h-ui19): a board not in the
//! organisation's list is refused with how to add it; an import adds to the
//! list; a board in use is not removed; many channels change responsible at
//! once.

use crate::sv_error;
use crate::{add_facebook, facebook_args, json, ok, user_error};

#[test]
fn the_list_guards_channels_and_grows_with_an_import() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = ok(d, &["org", "list"]);
    assert!(out.contains("no list of boards yet"), "{out}");
    ok(d, &["org", "board", "add", "Kulturnämnden"]);
    ok(d, &["org", "unit", "add", "Kulturnämnden", "Bibliotek"]);
    let err = user_error(
        d,
        &facebook_args("X", "https://facebook.com/x", &["--board", "Kulturnämden"]),
    );
    assert!(
        err.contains("'Kulturnämden'") && err.contains("ogonblick org board add"),
        "{err}"
    );
    let sv = sv_error(
        d,
        &facebook_args(
            "X",
            "https://facebook.com/x",
            &["--board", "Kulturnämnden", "--unit", "Fritid"],
        ),
    );
    assert!(
        sv.contains("Enheten ”Fritid” finns inte under Kulturnämnden"),
        "{sv}"
    );

    let csv = d.join("in.csv");
    std::fs::write(
        &csv,
        "namn;plattform;adress;nämnd;enhet\r\nÄldre;facebook;https://facebook.com/aldre;Vård- och omsorgsnämnden;Hemtjänst\r\n",
    )
    .unwrap();
    ok(d, &["register", "import", csv.to_str().unwrap()]);
    let list = json(d, &["org", "list", "--json"]);
    assert_eq!(list["boards"][1]["name"], "Vård- och omsorgsnämnden");
    assert_eq!(list["boards"][1]["units"][0], "Hemtjänst");
    let err = user_error(d, &["org", "board", "remove", "Vård- och omsorgsnämnden"]);
    assert!(err.contains("used by one channel"), "{err}");
    let kinds: Vec<String> = json(d, &["audit", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .filter(|a| a.starts_with("org."))
        .collect();
    assert_eq!(kinds, ["org.add", "org.add", "org.add", "org.add"]);
}

#[test]
fn channel_responsible_changes_many_channels_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let a = add_facebook(d, "Ett", "https://facebook.com/ett").to_string();
    let b = add_facebook(d, "Två", "https://facebook.com/tva").to_string();
    let out = json(
        d,
        &[
            "channel",
            "responsible",
            &a,
            &b,
            "--responsible",
            "Karin",
            "--substitute",
            "Ola",
            "--json",
        ],
    );
    assert_eq!(out.as_array().unwrap().len(), 2);
    let shown = json(d, &["channel", "show", &b, "--json"]);
    assert_eq!(shown["responsible"], "Karin");
    assert_eq!(shown["substitute"], "Ola");
    let err = user_error(
        d,
        &["channel", "responsible", &a, "--responsible", "Per", "x"],
    );
    assert!(err.contains("'x'"), "{err}");
    assert_eq!(
        json(d, &["channel", "show", &a, "--json"])["responsible"],
        "Karin"
    );
}
