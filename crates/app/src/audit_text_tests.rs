//! The register's actions through a real [`App`] (SQLite, files), read
//! back in Swedish. The closure flow's entries are checked in
//! `package.rs`'s closure test.
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use ogonblick_model::Language;
use ogonblick_model::{ChannelPatch, FixedClock, NewChannel, Platform, SequentialIds};

use super::*;
use crate::{App, AppConfig, CsvDelimiter, SchedulerSettings};

#[test]
fn every_register_action_reads_in_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    ));
    let app = App::open(
        AppConfig {
            data_dir: tmp.path().join("data"),
            operator: "åsa".into(),
        },
        clock,
        Arc::new(SequentialIds::default()),
    )
    .unwrap();
    let ch = app
        .add_channel(NewChannel {
            name: "Biblioteket på Instagram".into(),
            platform: Some(Platform::Instagram),
            urls: vec!["https://www.instagram.com/biblioteket".into()],
            ..Default::default()
        })
        .unwrap();
    app.edit_channel(
        ch.id,
        ChannelPatch {
            unit: Some("Biblioteken".into()),
            purpose: Some("Evenemang".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let csv = tmp.path().join("register.csv");
    app.export_register(&csv, CsvDelimiter::Semicolon).unwrap();
    let other = tmp.path().join("other.csv");
    std::fs::write(
        &other,
        "namn;plattform;adress\nMusikskolan;youtube;https://www.youtube.com/@musikskolan\n",
    )
    .unwrap();
    app.import_register(&other).unwrap();
    let mut pkg = app.package_settings().unwrap();
    pkg.classification_code = "2.3.1".into();
    app.set_package_settings(&pkg).unwrap();
    app.set_scheduler_settings(SchedulerSettings { auto_capture: true })
        .unwrap();
    // h-ui19: the organisation's list of boards and units.
    app.add_org_entry(crate::OrgEntry::Board("Kulturnämnden"))
        .unwrap();
    app.rename_org_entry(
        crate::OrgEntry::Board("Kulturnämnden"),
        "Kultur- och fritidsnämnden",
    )
    .unwrap();
    app.remove_org_entry(crate::OrgEntry::Board("Kultur- och fritidsnämnden"))
        .unwrap();
    app.reindex().unwrap();

    let lines = app.audit_lines(None).unwrap();
    for l in &lines {
        assert!(
            !matches!(l.entry.event, AuditEvent::Legacy { .. }),
            "{:?} was written untyped",
            l.entry
        );
    }
    let sv: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            let text = l.text(Language::Sv).unwrap_or_else(|| {
                panic!(
                    "no Swedish text for {} {:?}",
                    l.entry.action, l.entry.detail
                )
            });
            (l.entry.action.clone(), text)
        })
        .collect();
    let has = |action: &str, text: &str| {
        assert!(
            sv.iter().any(|(a, t)| a == action && t == text),
            "{action}: {text:?} not in {sv:#?}"
        );
    };
    has(
        "channel.add",
        "Kanalen ”Biblioteket på Instagram” registrerades.",
    );
    has("channel.edit", "Ändrade uppgifter: enhet, syfte.");
    has(
        "register.export",
        &format!("Exporterade 1 kanal till {}.", csv.display()),
    );
    has(
        "channel.add",
        "Kanalen ”Musikskolan” importerades från other.csv.",
    );
    has("settings.set", "Ändrade arkivpaketens standardvärden.");
    has("settings.set", "Ändrade automatiska ögonblicksbilder.");
    has(
        "org.add",
        "Nämnden Kulturnämnden lades till i organisationens lista.",
    );
    has(
        "org.rename",
        "Nämnden Kulturnämnden bytte namn till Kultur- och fritidsnämnden.",
    );
    has(
        "org.remove",
        "Nämnden Kultur- och fritidsnämnden togs bort ur organisationens lista.",
    );
    assert!(
        sv.iter().any(|(a, t)| a == "store.reindex"
            && t.starts_with("Återskapade registret: 2 kanaler, 0 ögonblicksbilder, ")),
        "{sv:#?}"
    );
}

/// Both texts of an old entry, read by the legacy reader.
fn old_sv(action: &str, detail: &str) -> Option<String> {
    text_sv(&AuditEvent::from_legacy(action, detail))
}

#[test]
fn the_sign_in_window_and_unknown_formats() {
    let url = "https://www.facebook.com/kommunen";
    let login = AuditEvent::LoginBrowserOpened { url: url.into() };
    assert_eq!(
        text_sv(&login).as_deref(),
        Some("Öppnade en synlig webbläsare med organisationens profil på https://www.facebook.com/kommunen.")
    );
    assert_eq!(
        old_sv("browser.login", &login.text_en()),
        text_sv(&login),
        "an entry written before events were typed reads the same"
    );
    assert_eq!(
        old_sv("closure.note", "Kontot stängs efter beslut KS 2026-45").as_deref(),
        Some("Kontot stängs efter beslut KS 2026-45")
    );
    // A format of another version: shown as recorded.
    assert_eq!(old_sv("channel.add", "created channel X"), None);
    assert_eq!(old_sv("channel.edit", "changed colour"), None);
    assert_eq!(old_sv("something.new", "whatever"), None);
}

/// Every variant has an English and (but for `Legacy`, shown as
/// recorded) a Swedish text without English words in it. The examples
/// cover every variant (the model's tests check that).
#[test]
fn every_variant_has_an_english_and_a_swedish_text() {
    let english = [
        "stored",
        "written",
        "reviewed",
        "verified",
        "added",
        "changed",
        "status ",
        "package ",
        "snapshot ",
        "channel",
        "opened",
        "exported",
        "rebuilt",
        "imported",
        "problem",
    ];
    for e in AuditEvent::examples() {
        assert!(!e.text_en().trim().is_empty(), "no English text for {e:?}");
        match (&e, text_sv(&e)) {
            (AuditEvent::Legacy { .. }, sv) => assert_eq!(sv, None),
            (_, None) => panic!("no Swedish text for {e:?}"),
            // A person's own words, in whatever language they wrote.
            (AuditEvent::ClosureNote { text }, sv) => assert_eq!(sv.as_ref(), Some(text)),
            (_, Some(sv)) => {
                assert_ne!(sv, e.text_en(), "{e:?}");
                let words = sv.to_lowercase();
                for w in english {
                    assert!(!words.contains(w), "English '{w}' in {sv:?}");
                }
            }
        }
    }
}

/// h-voc4: the Swedish text of every event (an example of each variant)
/// holds no English word, by the catalogue's own check: not in the
/// sentence, nor in a cause the event carries (a person's own words, a
/// closure note, are theirs and not checked).
#[test]
fn the_swedish_text_of_every_event_holds_no_english() {
    let mut found = Vec::new();
    for e in AuditEvent::examples() {
        let Some(sv) = text_sv(&e) else { continue };
        if matches!(e, AuditEvent::ClosureNote { .. }) {
            continue;
        }
        // The examples' path is data, awkward on purpose ("with snapshots").
        let prose = sv.replace(EXAMPLE_PATH, "");
        let english = ogonblick_model::messages::english::english_words(&prose);
        if !english.is_empty() {
            found.push(format!("{}: {english:?} in {sv:?}", e.action()));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The path the examples use (`AuditEvent::examples`).
const EXAMPLE_PATH: &str = "/home/anna/Mina paket (2026): with snapshots, at x/x.zip";
