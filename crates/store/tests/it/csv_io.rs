//! The register CSV file's own checks (encoding, header, quotes, statuses,
//! text), on SQLite; what goes through the storage interface (the round
//! trip, a bad row against the register, all or none) is in
//! `conformance/register_csv.rs`, on both backends.

use ogonblick_model::{ChannelStatus, Platform, SchedulePolicy};
use ogonblick_store::StoreError;

use crate::common::open;

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn imports_swedish_excel_semicolons_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(&dir.path().join("data"));
    let csv = "\u{feff}Namn;Plattform;Adresser;Nämnd;Enhet;Ansvarig;Ersättare;Syfte;Målgrupp;Intervall;Status;Anteckningar\r\n\
        Nacka på Facebook;Facebook;\"https://www.facebook.com/nacka\nhttps://www.facebook.com/nacka/about\";Kommunstyrelsen;Kommunikationsenheten;Åsa Öberg;Pär Ähl;Information; Invånare ;halvår;aktiv;\"Regler; se Om-sidan\"\r\n\
        Biblioteket;instagram;https://instagram.com/bibblan | https://instagram.com/bibblan/om;Kultur- och fritidsnämnden;;Märta;;;;årsvis;avslutas;\r\n";
    let p = write(dir.path(), "register.csv", csv.as_bytes());
    let rep = store.import_register(&p, "Åsa").unwrap();
    assert_eq!(rep.imported.len(), 2);
    let a = store.channel(1).unwrap();
    assert_eq!(a.name, "Nacka på Facebook");
    assert_eq!(a.platform, Platform::Facebook);
    assert_eq!(
        a.urls,
        vec![
            "https://www.facebook.com/nacka",
            "https://www.facebook.com/nacka/about"
        ]
    );
    assert_eq!(a.board.as_deref(), Some("Kommunstyrelsen"));
    assert_eq!(a.substitute.as_deref(), Some("Pär Ähl"));
    assert_eq!(a.audience.as_deref(), Some("Invånare"));
    assert_eq!(a.policy, Some(SchedulePolicy::HalfYearly));
    assert_eq!(a.notes.as_deref(), Some("Regler; se Om-sidan"));
    let b = store.channel(2).unwrap();
    assert_eq!(b.urls.len(), 2);
    assert_eq!(b.status, ChannelStatus::Closing);
    assert!(b.closing_started_at.is_some());
    assert_eq!(b.unit, None);
    // The entries are in the files: a rebuild from the files alone (one set
    // file for the import, no channel.json yet) gives them back.
    drop(store);
    ogonblick_store::Store::rebuild(&dir.path().join("data")).unwrap();
    let (store, _) = open(&dir.path().join("data"));
    assert_eq!(store.channel(2).unwrap(), b);
    assert_eq!(store.channel(1).unwrap(), a);
}

#[test]
fn unreadable_and_malformed_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(&dir.path().join("data"));
    let missing = store
        .import_register(&dir.path().join("nope.csv"), "t")
        .unwrap_err();
    assert_eq!(missing.code(), ogonblick_model::ErrorCode::Environment);
    let latin1 = write(
        dir.path(),
        "latin1.csv",
        b"name;platform;urls\nV\xe4xj\xf6;facebook;https://a.se\n",
    );
    assert!(store
        .import_register(&latin1, "t")
        .unwrap_err()
        .to_string()
        .contains("CSV UTF-8"));
    let hdr = write(dir.path(), "hdr.csv", b"namn;foo;adress\nA;B;C\n");
    let e = store.import_register(&hdr, "t").unwrap_err().to_string();
    assert!(
        e.contains("'foo' is unknown") && e.contains("'platform' is missing"),
        "{e}"
    );
    let empty = write(dir.path(), "empty.csv", b"\xef\xbb\xbf");
    assert!(store
        .import_register(&empty, "t")
        .unwrap_err()
        .to_string()
        .contains("empty"));
    assert!(store.channels().unwrap().is_empty());
}

#[test]
fn an_unclosed_quote_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(&dir.path().join("data"));
    let csv = "namn;plattform;adresser;anteckningar\n\
        Nacka;facebook;https://facebook.com/nacka;ok\n\
        Värmdö;facebook;https://facebook.com/varmdo;\"Svarar vardagar\n\
        Tyresö;facebook;https://facebook.com/tyreso;\n";
    let p = write(dir.path(), "citat.csv", csv.as_bytes());
    let err = store.import_register(&p, "t").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("quote") && msg.contains("line 3") && msg.contains("never closed"),
        "{msg}"
    );
    assert!(
        !msg.contains("platform"),
        "not blamed on the platform: {msg}"
    );
    assert!(store.channels().unwrap().is_empty());
    // A quote inside a field, and quotes doubled inside a quoted field, are fine.
    let csv = "namn;plattform;adresser;anteckningar\n\
        Nacka \"Sjöstaden\";facebook;https://facebook.com/nacka;\"Säger \"\"hej\"\";\nrad två\"\n";
    let p = write(dir.path(), "citat2.csv", csv.as_bytes());
    store.import_register(&p, "t").unwrap();
    let c = store.channel(1).unwrap();
    assert_eq!(c.name, "Nacka \"Sjöstaden\"");
    assert_eq!(c.notes.as_deref(), Some("Säger \"hej\";\nrad två"));
}

#[test]
fn a_closed_status_is_refused_because_closing_needs_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(&dir.path().join("data"));
    for word in ["closed", "avvecklad", "avslutad", "Stängd"] {
        let csv = format!(
            "namn;plattform;adresser;status\nGamla kontot;facebook;https://facebook.com/gammal;{word}\n"
        );
        let p = write(dir.path(), "stangd.csv", csv.as_bytes());
        let err = store.import_register(&p, "t").unwrap_err();
        let msg = err.to_string();
        if word == "Stängd" {
            // Not a status word at all: the usual unknown-word error.
            assert!(msg.contains("row 2"), "{msg}");
            continue;
        }
        assert!(
            msg.contains("row 2") && msg.contains("'closing'") && msg.contains("verified"),
            "{word}: {msg}"
        );
    }
    assert!(store.channels().unwrap().is_empty());
}

#[test]
fn text_and_addresses_are_checked_as_the_register_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(&dir.path().join("data"));
    let csv = "namn;plattform;adresser;nämnd\n\
        Nacka\u{1b}[31m;facebook;https://facebook.com/nacka;KS\n\
        Värmdö;facebook;https://facebook.com/varmdo kommun;KS\n\
        Tyresö;facebook;https://anna:hemligt@facebook.com/tyreso;KS\u{202e}\n";
    let p = write(dir.path(), "text.csv", csv.as_bytes());
    let err = store.import_register(&p, "t").unwrap_err();
    let StoreError::ImportRows(rows) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 3, 4]);
    let msg = err.to_string();
    assert!(msg.contains("U+001B") && msg.contains("a space"), "{msg}");
    assert!(
        msg.contains("Logga in på plattformen") && msg.contains("U+202E"),
        "{msg}"
    );
    assert!(!msg.contains("hemligt") && !msg.contains('\u{1b}'), "{msg}");
}

#[test]
fn closing_is_read_in_the_app_s_words_and_the_older_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(&dir.path().join("data"));
    let words = ["under avveckling", "Avvecklas", "avslutas", "closing"];
    let rows: String = words
        .iter()
        .enumerate()
        .map(|(i, w)| format!("Kanal {i};facebook;https://facebook.com/k{i};{w}\n"))
        .collect();
    let p = write(
        dir.path(),
        "avveckling.csv",
        format!("namn;plattform;adresser;status\n{rows}").as_bytes(),
    );
    assert_eq!(
        store.import_register(&p, "t").unwrap().imported.len(),
        words.len()
    );
    for id in 1..=words.len() as i64 {
        assert_eq!(
            store.channel(id).unwrap().status,
            ChannelStatus::Closing,
            "{}",
            words[id as usize - 1]
        );
    }
}
