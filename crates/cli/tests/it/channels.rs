use crate::{add_facebook, finish, json, ok, run, user_error};

#[test]
fn add_list_show_edit_close() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = ok(
        d,
        &[
            "channel",
            "add",
            "--name",
            "Nacka kommun",
            "--platform",
            "facebook",
            "--url",
            "https://www.facebook.com/nackakommun",
            "--url",
            "https://www.facebook.com/nackakommun/about",
            "--board",
            "Kommunstyrelsen",
            "--unit",
            "Kommunikationsenheten",
            "--responsible",
            "Åsa Öberg",
            "--substitute",
            "Pär",
            "--purpose",
            "Information",
            "--audience",
            "Invånare",
            "--policy",
            "half-yearly",
            "--notes",
            "Regler på Om-sidan",
        ],
    );
    assert_eq!(out, "1\n", "only the id on stdout");
    let c = json(
        d,
        &[
            "channel",
            "add",
            "--name",
            "Biblioteken",
            "--platform",
            "Instagram",
            "--url",
            "https://instagram.com/bibblan",
            "--json",
        ],
    );
    assert_eq!(c["id"], 2);
    assert_eq!(c["platform"], "instagram");
    assert_eq!(c["status"], "active");

    let table = ok(d, &["channel", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[0].starts_with("ID") && lines[0].contains("NAME"));
    assert!(
        lines[1].contains("Nacka kommun")
            && lines[1].contains("Kommunstyrelsen")
            && lines[1].contains("never")
    );
    let list = json(d, &["channel", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(
        list[0]["channel"]["urls"][1],
        "https://www.facebook.com/nackakommun/about"
    );
    assert_eq!(list[0]["snapshot_count"], 0);
    let only = json(d, &["channel", "list", "--platform", "instagram", "--json"]);
    assert_eq!(only.as_array().unwrap().len(), 1);

    let show = ok(d, &["channel", "show", "1"]);
    assert!(
        show.contains("Åsa Öberg") && show.contains("half-yearly"),
        "{show}"
    );
    let s = json(d, &["channel", "show", "1", "--json"]);
    assert_eq!(s["responsible"], "Åsa Öberg");

    let e = json(
        d,
        &[
            "channel",
            "edit",
            "1",
            "--name",
            "Nacka kommun på Facebook",
            "--remove-url",
            "http://facebook.com/nackakommun/about/",
            "--add-url",
            "https://www.facebook.com/nackakommun/events",
            "--substitute",
            "",
            "--policy",
            "default",
            "--json",
        ],
    );
    assert_eq!(e["name"], "Nacka kommun på Facebook");
    assert_eq!(
        e["urls"],
        serde_json::json!([
            "https://www.facebook.com/nackakommun",
            "https://www.facebook.com/nackakommun/events"
        ])
    );
    assert_eq!(e["substitute"], serde_json::Value::Null);
    assert_eq!(e["policy"], serde_json::Value::Null);
    assert_eq!(json(d, &["channel", "show", "1", "--json"]), e);

    let closed = ok(d, &["channel", "close", "2"]);
    assert!(closed.contains("pre-closure snapshot"), "{closed}");
    assert_eq!(
        json(d, &["channel", "show", "2", "--json"])["status"],
        "closing"
    );
    let msg = user_error(d, &["channel", "close", "2"]);
    assert!(msg.contains("closing since"), "{msg}");

    let audit = json(d, &["audit", "--channel", "1", "--json"]);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["channel.add", "channel.edit"]);
    assert!(audit
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["actor"] == "Testare"));
    // Each entry carries its typed event beside the English detail.
    assert_eq!(audit[0]["event"]["v"], 1);
    assert_eq!(audit[0]["event"]["kind"], "channel-added");
    assert_eq!(audit[1]["event"]["kind"], "channel-edited");
    assert!(audit[1]["event"]["fields"].is_array(), "{}", audit[1]);
    assert!(audit[1]["detail"].as_str().unwrap().starts_with("changed "));
    assert_eq!(json(d, &["history", "--json"]), serde_json::json!([]));
    assert!(ok(d, &["history"]).contains("No snapshots"));
    assert!(ok(d, &["audit"]).contains("closure.start"));
}

#[test]
fn data_dir_from_environment_and_flag_wins() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    let mut cmd = crate::ogonblick();
    cmd.env("OGONBLICK_DATA_DIR", env_dir.path())
        .env("OGONBLICK_OPERATOR", "Miljö-Märta");
    cmd.args([
        "channel",
        "add",
        "--name",
        "Env",
        "--platform",
        "blog",
        "--url",
        "https://blogg.example.se",
    ]);
    let r = finish(cmd.output().unwrap());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(env_dir.path().join("ogonblick.sqlite").is_file());
    assert!(env_dir.path().join("channels/1/channel.json").is_file());
    let audit = json(env_dir.path(), &["audit", "--json"]);
    assert_eq!(audit[0]["actor"], "Miljö-Märta");

    let mut cmd = crate::ogonblick();
    cmd.env("OGONBLICK_DATA_DIR", env_dir.path())
        .arg("--data-dir")
        .arg(flag_dir.path())
        .args(["channel", "list", "--json"]);
    let r = finish(cmd.output().unwrap());
    assert_eq!(r.code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn reindex_restores_the_register_after_the_database_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    add_facebook(d, "A", "https://facebook.com/a");
    add_facebook(d, "B", "https://facebook.com/b");
    ok(d, &["channel", "close", "2"]);
    let before = json(d, &["channel", "list", "--json"]);
    let audit_before = json(d, &["audit", "--json"]);
    for f in [
        "ogonblick.sqlite",
        "ogonblick.sqlite-wal",
        "ogonblick.sqlite-shm",
    ] {
        let _ = std::fs::remove_file(d.join(f));
    }
    let r = json(d, &["reindex", "--json"]);
    assert_eq!(r["channels"], 2);
    assert_eq!(r["warnings"], serde_json::json!([]));
    assert_eq!(json(d, &["channel", "list", "--json"]), before);
    let audit_after = json(d, &["audit", "--json"]);
    let n = audit_before.as_array().unwrap().len();
    assert_eq!(
        audit_after.as_array().unwrap()[..n],
        audit_before.as_array().unwrap()[..]
    );
    assert_eq!(audit_after[n]["action"], "store.reindex");
}

#[test]
fn damaged_database_is_an_internal_fault_with_exit_2_and_reindex_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    add_facebook(d, "A", "https://facebook.com/a");
    for f in ["ogonblick.sqlite-wal", "ogonblick.sqlite-shm"] {
        let _ = std::fs::remove_file(d.join(f));
    }
    std::fs::write(d.join("ogonblick.sqlite"), vec![7u8; 4096]).unwrap();
    let r = run(d, &["channel", "list"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1);
    assert!(r.stderr.contains("ogonblick reindex"), "{}", r.stderr);
    ok(d, &["reindex"]);
    assert_eq!(json(d, &["channel", "show", "1", "--json"])["name"], "A");
}

#[test]
fn concurrent_processes_add_channels_without_losing_any() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    crate::ok(d, &["channel", "list"]); // create the store first
    let children: Vec<_> = (0..6)
        .map(|i| {
            crate::ogonblick()
                .arg("--data-dir")
                .arg(d)
                .args([
                    "channel",
                    "add",
                    "--name",
                    &format!("Kanal {i}"),
                    "--platform",
                    "youtube",
                    "--url",
                ])
                .arg(format!("https://youtube.com/@kanal{i}"))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids: Vec<i64> = Vec::new();
    for c in children {
        let r = finish(c.wait_with_output().unwrap());
        assert_eq!(r.code, 0, "{}", r.stderr);
        ids.push(r.stdout.trim().parse().unwrap());
    }
    ids.sort();
    assert_eq!(ids, vec![1, 2, 3, 4, 5, 6]);
    let list = json(d, &["channel", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 6);
    let audit = json(d, &["audit", "--json"]);
    assert_eq!(audit.as_array().unwrap().len(), 6);
    let mirror = std::fs::read_to_string(d.join("audit.jsonl")).unwrap();
    assert_eq!(mirror.lines().count(), 6);
}
