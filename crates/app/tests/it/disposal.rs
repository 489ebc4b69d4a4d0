//! Retention rules as the settings page writes them (the whole list), and
//! the audit entries of holds and kept diary numbers.

use ogonblick_model::{
    AuditEvent, ErrorCode, RetentionKind, RetentionPeriod, RetentionRule, RetentionRules,
};

use super::open;

#[test]
fn the_whole_list_of_rules_is_checked_before_it_replaces_the_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path(), "Arkivarie");
    let defaults = app.retention_rules().unwrap();
    assert_eq!(defaults, RetentionRules::default());
    let dispose = |kind: RetentionKind, decision: Option<&str>| RetentionRule {
        kind,
        board: Some("  Kulturnämnden ".into()),
        period: RetentionPeriod::DisposeAfter { months: 24 },
        decision: decision.map(str::to_string),
        deliver_first: true,
    };
    // A rule with a period of no months: refused, nothing changed.
    let mut zero = dispose(RetentionKind::Report, Some("KS 1"));
    zero.period = RetentionPeriod::DisposeAfter { months: 0 };
    let bad = RetentionRules {
        rules: vec![dispose(RetentionKind::Removal, Some("KFN 2020/12")), zero],
    };
    let err = app.set_retention_rules(&bad).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(app.retention_rules().unwrap(), defaults);
    // A disposing rule still without its decision is stored, as the defaults
    // are (the whole list comes back from the settings page that way);
    // nothing is disposed of under it until a decision is recorded. A single
    // rule set from the command line needs its decision.
    let undecided = RetentionRules {
        rules: vec![dispose(RetentionKind::Report, None)],
    };
    assert_eq!(
        app.set_retention_rules(&undecided).unwrap().rules[0].decision,
        None
    );
    let err = app
        .set_retention_rule(
            "report",
            None,
            RetentionPeriod::DisposeAfter { months: 12 },
            None,
            false,
        )
        .unwrap_err();
    assert!(err.to_string().contains("--decision"), "{err}");
    // A good list: trimmed, and a later rule for the same target wins.
    let good = RetentionRules {
        rules: vec![
            dispose(RetentionKind::Removal, Some("KFN 2020/12")),
            dispose(RetentionKind::Removal, Some(" KFN 2021/3 ")),
        ],
    };
    let stored = app.set_retention_rules(&good).unwrap();
    assert_eq!(stored.rules.len(), 1);
    assert_eq!(stored.rules[0].board.as_deref(), Some("Kulturnämnden"));
    assert_eq!(stored.rules[0].decision.as_deref(), Some("KFN 2021/3"));
    assert_eq!(app.retention_rules().unwrap(), stored);

    app.keep_diary_number("KS 2027/12", true).unwrap();
    app.keep_diary_number("ks 2027/12", false).unwrap();
    let events: Vec<AuditEvent> = app
        .audit_log(None)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert!(events.contains(&AuditEvent::DiaryKept {
        number: "KS 2027/12".into(),
        keep: true
    }));
    assert!(events.contains(&AuditEvent::DiaryKept {
        number: "ks 2027/12".into(),
        keep: false
    }));
    assert!(app.disposal_holds().unwrap().kept_diary_numbers.is_empty());
}
