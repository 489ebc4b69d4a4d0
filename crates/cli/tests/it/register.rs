use crate::{add_facebook, json, ok, user_error};

#[test]
fn swedish_excel_csv_with_semicolons_bom_and_aao_imports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("data");
    let csv = dir.path().join("kanaler.csv");
    let text = "\u{feff}Namn;Plattform;Adresser;Nämnd;Enhet;Ansvarig;Ersättare;Syfte;Målgrupp;Intervall;Status;Anteckningar\r\n\
        Äldreomsorgen i Växjö;Facebook;https://www.facebook.com/aldre;Vård- och omsorgsnämnden;Äldreenheten;Örjan Åberg;Åsa;Information;Anhöriga;halvår;aktiv;\"Svarar; vardagar\"\r\n\
        Fritidsgården;TikTok;\"https://www.tiktok.com/@fritid\r\nhttps://www.tiktok.com/@fritid/about\";Kultur- och fritidsnämnden;;;;;Unga;årsvis;;\r\n";
    std::fs::write(&csv, text).unwrap();
    let r = json(&d, &["register", "import", csv.to_str().unwrap(), "--json"]);
    assert_eq!(r["imported"].as_array().unwrap().len(), 2);
    let a = json(&d, &["channel", "show", "1", "--json"]);
    assert_eq!(a["name"], "Äldreomsorgen i Växjö");
    assert_eq!(a["responsible"], "Örjan Åberg");
    assert_eq!(a["notes"], "Svarar; vardagar");
    let b = json(&d, &["channel", "show", "2", "--json"]);
    assert_eq!(b["platform"], "tiktok");
    assert_eq!(b["urls"].as_array().unwrap().len(), 2);
    assert_eq!(b["policy"], "yearly");

    // Export (semicolons + BOM by default) and import into a fresh register.
    let out = dir.path().join("export.csv");
    let msg = ok(&d, &["register", "export", out.to_str().unwrap()]);
    assert!(msg.contains("Exported 2"), "{msg}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}id;name;platform;urls".as_bytes()));
    let d2 = dir.path().join("data2");
    ok(&d2, &["register", "import", out.to_str().unwrap()]);
    let strip = |v: serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let mut c = s["channel"].clone();
                c.as_object_mut().unwrap().remove("created_at");
                c.as_object_mut().unwrap().remove("closing_started_at");
                c
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(json(&d2, &["channel", "list", "--json"])),
        strip(json(&d, &["channel", "list", "--json"]))
    );
    let out2 = dir.path().join("export-comma.csv");
    ok(
        &d,
        &["register", "export", out2.to_str().unwrap(), "--comma"],
    );
    assert!(std::fs::read(&out2)
        .unwrap()
        .starts_with("\u{feff}id,name,platform,urls".as_bytes()));
}

#[test]
fn csv_with_one_bad_row_among_good_ones_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("data");
    add_facebook(&d, "Finns", "https://www.facebook.com/finns");
    let before = json(&d, &["channel", "list", "--json"]);
    let csv = dir.path().join("blandat.csv");
    std::fs::write(
        &csv,
        "name,platform,urls\nGod ett,facebook,https://facebook.com/ett\nGod två,youtube,https://youtube.com/@tva\nDålig,myspace,https://myspace.com/x\nGod tre,x,https://x.com/tre\n",
    )
    .unwrap();
    let msg = user_error(&d, &["register", "import", csv.to_str().unwrap()]);
    assert!(
        msg.contains("row 4") && msg.contains("myspace") && msg.contains("nothing was imported"),
        "{msg}"
    );
    assert_eq!(json(&d, &["channel", "list", "--json"]), before);
    assert!(!d.join("channels/2").exists());

    // Not UTF-8 (Excel's legacy "CSV (semikolonavgränsad)" in Windows-1252).
    std::fs::write(
        &csv,
        b"namn;plattform;adress\nV\xe4xj\xf6;facebook;https://facebook.com/vaxjo\n",
    )
    .unwrap();
    let msg = user_error(&d, &["register", "import", csv.to_str().unwrap()]);
    assert!(msg.contains("CSV UTF-8"), "{msg}");
    assert_eq!(json(&d, &["channel", "list", "--json"]), before);
}
