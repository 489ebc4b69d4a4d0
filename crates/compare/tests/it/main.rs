//! The fixture pairs of issue 17, captured by a real Chromium (one browser,
//! nine small pages): which changes suggest a major change, and the false
//! positives and negatives of the default thresholds on them (none).

mod unreadable;

use std::path::Path;

use ogonblick_capture::{Browser, CaptureOptions, PageRecord};
use ogonblick_compare::{compare, ChangeSignal, ComparisonSettings, PageFeatures};
use ogonblick_model::{CancelToken, CollectProgress, FileRole};
use ogonblick_testsite::{TestSite, CHANGE_VARIANTS, MAJOR_CHANGES, RULES_VARIANTS};

fn features(rec: &PageRecord, dir: &Path, s: &ComparisonSettings) -> PageFeatures {
    let file = |role| {
        rec.files
            .iter()
            .find(|f| f.role == role)
            .map(|f| dir.join(&f.path))
    };
    PageFeatures::read(
        &rec.url,
        rec.report.final_url.as_deref(),
        rec.report.title.as_deref(),
        &file(FileRole::Png).expect("a PNG"),
        file(FileRole::Text).as_deref(),
        s,
    )
    .unwrap()
}

#[test]
fn identity_changes_suggest_a_major_change_and_new_posts_or_a_cookie_text_do_not() {
    let site = TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::launch(&CaptureOptions {
        operator: "test-operator".into(),
        page_timeout: std::time::Duration::from_secs(20),
        ..Default::default()
    })
    .unwrap();
    let s = ComparisonSettings::default();
    let mut pages = Vec::new();
    for (i, v) in CHANGE_VARIANTS.iter().chain(RULES_VARIANTS).enumerate() {
        let url = site.url(&format!("/changes/{v}"));
        let rec = browser
            .capture_page(
                &url,
                dir.path(),
                &format!("page-{i:02}"),
                &CollectProgress::default(),
                0,
                &CancelToken::new(),
            )
            .unwrap();
        assert!(rec.ok, "{v}: {:?}", rec.error);
        // The rules page is one of the channel's other addresses.
        let rules = RULES_VARIANTS.contains(v);
        pages.push((*v, features(&rec, dir.path(), &s).identity_page(rules)));
    }
    let base = &pages[0].1;
    let rules_base = &pages[CHANGE_VARIANTS.len()].1;
    // The same page compared with itself: nothing changed.
    let same = compare("s0", base, base, &s);
    assert_eq!(same.text_similarity, 1.0);
    assert!(same.changed_regions.is_empty(), "{same:?}");
    assert!(!same.suggests_major_change);

    let mut false_positives = Vec::new();
    let mut false_negatives = Vec::new();
    let mut pairs = 0;
    for (v, page) in pages.iter().filter(|(v, _)| *v != "base" && *v != "rules") {
        pairs += 1;
        let rules = RULES_VARIANTS.contains(v);
        let c = compare("s0", if rules { rules_base } else { base }, page, &s);
        eprintln!("{v}: {}", serde_json::to_string(&c).unwrap());
        let major = MAJOR_CHANGES.contains(v);
        match (major, c.suggests_major_change) {
            (true, false) => false_negatives.push(*v),
            (false, true) => false_positives.push(*v),
            _ => {}
        }
        // Every variant changed something a reader can see.
        assert!(
            !c.changed_regions.is_empty() || c.text_similarity < 1.0,
            "{v}: no change seen: {c:?}"
        );
        match *v {
            "picture" => assert!(c.signals.contains(&ChangeSignal::HeaderImage), "{c:?}"),
            "description" => {
                assert!(c.signals.contains(&ChangeSignal::HeaderText), "{c:?}");
                assert!(c
                    .text_added
                    .iter()
                    .any(|l| l.contains("kultur- och fritidsnämnden")));
            }
            "renamed" => assert!(c.signals.contains(&ChangeSignal::Title), "{c:?}"),
            "rules-changed" => {
                assert_eq!(c.signals, vec![ChangeSignal::RulesPage], "{c:?}");
                assert!(c.text_added.iter().any(|l| l.contains("blockeras")));
                // The rules changed below the top band: on the channel's
                // first address the same change would signal nothing.
                let first = page.clone().identity_page(false);
                let plain = compare("s0", rules_base, &first, &s);
                assert!(!plain.suggests_major_change, "{plain:?}");
            }
            "rules-cookie" => assert!(c.text_similarity < 1.0, "{c:?}"),
            "posts" => {
                assert!(
                    c.text_added.iter().any(|l| l.contains("changeword6")),
                    "{c:?}"
                );
                assert!(c.text_similarity < 1.0 && c.text_similarity > 0.5, "{c:?}");
            }
            _ => {}
        }
    }
    eprintln!(
        "fixture pairs: {pairs}, false positives: {}, false negatives: {}",
        false_positives.len(),
        false_negatives.len()
    );
    assert_eq!(pairs, 7);
    assert_eq!(
        (false_positives.clone(), false_negatives.clone()),
        (Vec::<&str>::new(), Vec::<&str>::new()),
        "false positives {false_positives:?}, false negatives {false_negatives:?}"
    );
}
