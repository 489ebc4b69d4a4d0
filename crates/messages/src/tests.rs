//! The catalogue against its two `.ftl` files.

use std::collections::BTreeSet;

use super::*;

use crate::english::{words, ENGLISH};

#[test]
fn every_key_has_a_text_in_both_languages_with_the_same_parameters() {
    let mut problems = Vec::new();
    for lang in Language::ALL {
        let res = ftl::Resource::parse(lang.source());
        let Ok(res) = res else {
            panic!("{lang:?}: {}", res.unwrap_err());
        };
        let mut known = BTreeSet::new();
        for (key, params) in Message::KEYS.iter().chain(CliLine::KEYS).chain(HELPER_KEYS) {
            known.insert(*key);
            let want: BTreeSet<String> = params.iter().map(|p| p.to_string()).collect();
            match Message::params_in(lang, key) {
                None => problems.push(format!("{lang:?}: no text for {key}")),
                Some(used) => {
                    let used: BTreeSet<String> = used.into_iter().collect();
                    for p in want.difference(&used) {
                        problems.push(format!("{lang:?} {key}: does not use ${p}"));
                    }
                    for p in used.difference(&want) {
                        problems.push(format!("{lang:?} {key}: uses ${p}, which it is not given"));
                    }
                }
            }
        }
        for key in res.messages.keys() {
            if !known.contains(key.as_str()) {
                problems.push(format!("{lang:?}: {key} is not a key of the catalogue"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_renders_in_both_languages() {
    let samples = Message::samples();
    assert_eq!(samples.len(), Message::KEYS.len());
    for m in &samples {
        let sv = m.render(Language::Sv);
        let en = m.render(Language::En);
        for (lang, text) in [("sv", &sv), ("en", &en)] {
            assert!(!text.trim().is_empty(), "{lang} {}: empty", m.key());
            assert!(
                !text.contains("{$"),
                "{lang} {}: a parameter is missing: {text}",
                m.key()
            );
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{lang} {}: {text}",
                m.key()
            );
        }
        if m.key() != "text" && m.key() != "notice-snapshot-status" {
            assert_ne!(sv, en, "{} is the same in both languages", m.key());
        }
    }
}

/// h-cli11: the CLI's lines, as the catalogue's messages above.
#[test]
fn every_cli_line_renders_in_both_languages_and_swedish_holds_no_english() {
    let samples = CliLine::samples();
    assert_eq!(samples.len(), CliLine::KEYS.len());
    let mut found = Vec::new();
    for m in &samples {
        let sv = m.render(Language::Sv);
        let en = m.render(Language::En);
        for text in [&sv, &en] {
            assert!(!text.trim().is_empty(), "{}: empty", m.key());
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{}: {text}",
                m.key()
            );
        }
        let prose: String = sv.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        for w in words(&prose) {
            if ENGLISH.contains(&w.as_str()) {
                found.push(format!("{}: \"{w}\" in: {sv}", m.key()));
            }
        }
    }
    for word in [
        CliWord::Never,
        CliWord::Yes,
        CliWord::Skipped,
        CliWord::Failed,
    ] {
        let m = CliLine::CliWordText { word };
        assert_ne!(m.render(Language::Sv), m.render(Language::En), "{word:?}");
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn swedish_renderings_hold_no_english() {
    let mut found = Vec::new();
    for m in Message::samples() {
        if m.key() == "text" {
            continue; // shown as it is, by definition
        }
        let sv = m.render(Language::Sv);
        // A command to type (`ogonblick channel close 2`) is not prose.
        let prose: String = sv.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        for w in words(&prose) {
            if ENGLISH.contains(&w.as_str()) {
                found.push(format!("{}: \"{w}\" in: {sv}", m.key()));
            }
        }
    }
    // The check sees English: the English renderings are full of it.
    let en_hits = Message::samples()
        .iter()
        .filter(|m| words(&m.render(Language::En)).any(|w| ENGLISH.contains(&w.as_str())))
        .count();
    assert!(en_hits > Message::KEYS.len() / 2, "{en_hits}");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn stored_as_key_and_arguments() {
    let m = Message::PageNavigated {
        url: "https://a.se/".into(),
        to: "https://b.se/".into(),
    };
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"key": "page-navigated", "args": {"url": "https://a.se/", "to": "https://b.se/"}})
    );
    assert_eq!(serde_json::from_value::<Message>(json).unwrap(), m);
    let unit = serde_json::to_value(Message::CaptureCancelled {}).unwrap();
    assert_eq!(
        serde_json::from_value::<Message>(unit).unwrap(),
        Message::CaptureCancelled {}
    );
    for m in Message::samples() {
        let back: Message = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back, m);
    }
}

#[test]
fn typed_parameters_read_naturally() {
    let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let span = |a, b| Span { from: a, to: b };
    assert_eq!(
        span(d(2027, 10, 1), d(2027, 11, 30)).text(Language::Sv),
        "1 oktober–30 november 2027"
    );
    assert_eq!(
        span(d(2027, 12, 15), d(2028, 1, 7)).text(Language::Sv),
        "15 december 2027–7 januari 2028"
    );
    assert_eq!(
        Day::new(d(2028, 2, 29)).text(Language::En),
        "29 February 2028"
    );
    let names = |n: &[&str]| Names::new(n.iter().copied());
    assert_eq!(names(&["A"]).text(Language::Sv), "A");
    assert_eq!(names(&["A", "B", "C"]).text(Language::Sv), "A, B och C");
    assert_eq!(
        names(&["A", "B", "C", "D", "E"]).text(Language::En),
        "A, B, C and 2 more"
    );
    let n = |count, names| Message::NoticeDoneBody { count, names };
    assert_eq!(
        n(1, Names::new(["Å"])).render(Language::Sv),
        "1 kanal dokumenterad: Å."
    );
    assert_eq!(
        n(2, Names::new(["Å", "Ö"])).render(Language::En),
        "2 channels documented: Å and Ö."
    );
    assert_eq!(
        NetCause::of("net::ERR_CERT_AUTHORITY_INVALID"),
        NetCause::Tls
    );
    assert_eq!(Language::parse("sv_SE.UTF-8"), Some(Language::Sv));
    assert_eq!(Language::parse("EN"), Some(Language::En));
    assert_eq!(Language::parse("de"), None);
}

/// Writes both catalogue files for the UI's renderer (`ui/src/lib/messages.ts`)
/// as `ui/src/bindings/locales.ts`, beside the ts-rs bindings (same folder,
/// same drift check).
#[test]
fn export_bindings_locales() {
    let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "./bindings".into());
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let mut ts = String::from(
        "// Generated from crates/messages/locales/*.ftl by the messages crate's tests. Do not edit this file manually.\n\n",
    );
    for (name, lang) in [("sv", Language::Sv), ("en", Language::En)] {
        ts.push_str(&format!(
            "export const {name} = {};\n",
            serde_json::to_string(lang.source()).unwrap()
        ));
    }
    // h-voc7: the parameters whose JSON does not say how to write them
    // (times, durations, choices written by a helper key).
    let mut hints = serde_json::Map::new();
    for (key, param, hint) in Message::hints() {
        let of_key = hints
            .entry(key)
            .or_insert_with(|| serde_json::Value::Object(Default::default()));
        of_key[param] = serde_json::Value::String(hint);
    }
    ts.push_str(&format!(
        "export const hints: Record<string, Record<string, string>> = {};\n",
        serde_json::Value::Object(hints)
    ));
    std::fs::write(dir.join("locales.ts"), ts).unwrap();
    // A sample of every key with its two renderings: the UI's renderer is
    // held to them (`ui/src/tests/messages.test.ts`).
    let samples: Vec<serde_json::Value> = Message::samples()
        .iter()
        .map(|m| {
            serde_json::json!({
                "message": m,
                "sv": m.render(Language::Sv),
                "en": m.render(Language::En),
            })
        })
        .collect();
    std::fs::write(
        dir.join("messageSamples.ts"),
        format!(
            "// Generated by the messages crate's tests. Do not edit this file manually.\n\nexport const samples: {{ message: unknown; sv: string; en: string }}[] = {};\n",
            serde_json::Value::Array(samples)
        ),
    )
    .unwrap();
}

#[test]
fn every_text_field_has_its_name_in_both_languages() {
    for f in TextField::ALL {
        let key = format!("field-{}", f.name());
        assert!(
            HELPER_KEYS.iter().any(|(k, _)| *k == key),
            "{key} is not among the helper keys"
        );
        for lang in Language::ALL {
            let text = Field::from(*f).text(lang);
            assert!(
                !text.is_empty() && text != key,
                "{lang:?}: {key} renders as '{text}'"
            );
        }
    }
    let m = Message::TextDirection {
        field: TextField::Unit.into(),
        value: "a".into(),
        code: "U+202E".into(),
    };
    assert!(
        m.render(Language::Sv).starts_with("enheten ”a”"),
        "{}",
        m.render(Language::Sv)
    );
    assert!(
        m.render(Language::En).starts_with("the unit 'a'"),
        "{}",
        m.render(Language::En)
    );
}

/// h-voc7: a parameter that is a choice, where a text selects on it, has a
/// variant for every value (a value without one would fall to the default
/// and read wrong).
#[test]
fn every_select_on_a_choice_names_every_value() {
    fn selects<'a>(elems: &'a [ftl::Elem], param: &str, out: &mut Vec<Vec<&'a str>>) {
        for e in elems {
            if let ftl::Elem::Select { var, variants, .. } = e {
                if var == param {
                    out.push(variants.iter().map(|(k, _)| k.as_str()).collect());
                }
                for (_, p) in variants {
                    selects(p, param, out);
                }
            }
        }
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    for lang in Language::ALL {
        let res = ftl::Resource::parse(lang.source()).unwrap();
        for (key, param, names) in Message::choice_params()
            .into_iter()
            .chain(CliLine::choice_params())
        {
            let Some(elems) = res.messages.get(key) else {
                continue;
            };
            let mut found = Vec::new();
            selects(elems, param, &mut found);
            for variants in found {
                checked += 1;
                for n in &names {
                    if !variants.contains(&n.as_str()) {
                        problems.push(format!("{lang:?} {key}: ${param} has no [{n}]"));
                    }
                }
            }
        }
    }
    assert!(checked >= 6, "{checked} selects checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_contact_template_says_a_blocked_account_was_blocked() {
    let m = |kind| Message::RemovalContactTemplate {
        named: true,
        author: "Anna".into(),
        kind: RemovedName(kind),
        rules_page: "https://nacka.se/regler".into(),
        sender: "Bo".into(),
    };
    let sv = m(RemovedWhat::AccountBlocked).render(Language::Sv);
    assert!(sv.contains("Ditt konto har blockerats"), "{sv}");
    assert!(!sv.contains("tagits bort"), "{sv}");
    let en = m(RemovedWhat::AccountBlocked).render(Language::En);
    assert!(en.contains("Your account has been blocked"), "{en}");
    let sv = m(RemovedWhat::Comment).render(Language::Sv);
    assert!(
        sv.contains("Din kommentar går emot") && sv.contains("tagits bort"),
        "{sv}"
    );
}

/// h-fix (issue 11): a timestamp failure stored before h-voc9 holds an
/// English `detail`; its key keeps the sentence it had then (45a5cc9), with
/// the detail in parentheses at the end, and new failures use the new keys.
#[test]
fn a_stored_timestamp_failure_reads_as_it_did_and_new_ones_use_the_new_sentence() {
    let stored: Message = serde_json::from_value(serde_json::json!({
        "key": "timestamp-failed",
        "args": {
            "url": "http://tsa.example/",
            "reason": "timeout",
            "detail": "the authority did not answer within 30 s"
        }
    }))
    .unwrap();
    assert_eq!(
        stored.render(Language::Sv),
        "Ingen tidsstämpel från http://tsa.example/: tjänsten svarade inte i tid \
         (the authority did not answer within 30 s). Ögonblicksbilden är sparad och \
         markerad att tidsstämpeln saknas; `ogonblick timestamp --pending` försöker igen"
    );
    let token: Message = serde_json::from_value(serde_json::json!({
        "key": "timestamp-token-invalid",
        "args": {
            "token": "manifest-sha256.txt.1.tsr",
            "reason": "expired",
            "detail": "the certificate expired 2026-01-01"
        }
    }))
    .unwrap();
    assert_eq!(
        token.render(Language::Sv),
        "Tidsstämpeln manifest-sha256.txt.1.tsr håller inte: certifikatet var inte giltigt \
         vid tidsstämplingen (the certificate expired 2026-01-01)"
    );
    // Every reason the code before h-voc9 stored reads as a sentence of its
    // own there (`malformed` had none then either: the default, "the reply
    // cannot be read").
    for reason in [
        "url",
        "unreachable",
        "http",
        "nonce",
        "timeout",
        "imprint",
        "unsupported",
        "signature",
        "untrusted",
        "expired",
        "usage",
        "no-roots",
        "signing-cert",
    ] {
        let m = Message::TimestampFailed {
            url: "u".into(),
            reason: reason.into(),
            detail: "d".into(),
        };
        assert!(
            !m.render(Language::Sv).contains("svaret går inte att läsa"),
            "{reason} falls to the default"
        );
    }
    let new = Message::TimestampFailedWhy {
        url: "http://tsa.example/".into(),
        reason: "timeout".into(),
        detail: "30".into(),
    };
    assert_eq!(
        new.render(Language::Sv),
        "Ingen tidsstämpel från http://tsa.example/: tjänsten svarade inte inom 30 sekunder. \
         Ögonblicksbilden är sparad och markerad att tidsstämpeln saknas; \
         `ogonblick timestamp --pending` försöker igen"
    );
    let refused = Message::TimestampTokenRefused {
        token: "manifest-sha256.txt.1.tsr".into(),
        reason: "http".into(),
        detail: "503".into(),
    };
    assert_eq!(
        refused.render(Language::En),
        "The timestamp manifest-sha256.txt.1.tsr does not hold: the authority answered HTTP status 503"
    );
}

#[test]
fn a_failed_snapshot_is_never_said_to_be_stored() {
    for (status, lang, said) in [
        (
            SnapshotState::Complete,
            Language::Sv,
            "Ögonblicksbild s1 sparad, fullständig (halvårsvis, 2 sidor).",
        ),
        (
            SnapshotState::Partial,
            Language::Sv,
            "Ögonblicksbild s1 sparad, ofullständig (halvårsvis, 2 sidor).",
        ),
        (
            SnapshotState::Failed,
            Language::Sv,
            "Ögonblicksbild s1 misslyckades (halvårsvis, 2 sidor).",
        ),
        (
            SnapshotState::Partial,
            Language::En,
            "stored snapshot s1 (partial, half-yearly, 2 page(s))",
        ),
        (
            SnapshotState::Failed,
            Language::En,
            "snapshot s1 failed (half-yearly, 2 page(s))",
        ),
    ] {
        let stored = Message::AuditSnapshotStored {
            snapshot: "s1".into(),
            status,
            reason: SnapshotWhy::HalfYearly,
            pages: 2,
            single: None,
        };
        assert_eq!(stored.render(lang), said);
    }
}

#[test]
fn counts_in_the_cli_lines_take_the_singular_for_one() {
    assert_eq!(
        CliLine::CliReindexDone {
            channels: 1,
            snapshots: 1,
            audit_entries: 1
        }
        .render(Language::Sv),
        "Registret är återuppbyggt: 1 kanal, 1 ögonblicksbild, 1 händelse i loggen."
    );
    assert_eq!(
        CliLine::CliCaptureIncomplete { count: 1, total: 3 }.render(Language::Sv),
        "1 av 3 ögonblicksbilder är inte fullständig: se `ogonblick history` för vad som misslyckades, och fånga sedan igen"
    );
}
