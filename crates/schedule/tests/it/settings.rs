use ogonblick_model::SchedulePolicy;
use ogonblick_schedule::{Schedule, ScheduleSettings, SettingsError, ValidSettings};

fn err(json: &str) -> String {
    ScheduleSettings::from_json(json).unwrap_err().to_string()
}

#[test]
fn empty_document_gives_the_guideline_defaults() {
    let s = ScheduleSettings::from_json("{}").unwrap();
    assert_eq!(s, ScheduleSettings::default());
    assert_eq!(s.default_policy, SchedulePolicy::HalfYearly);
    assert_eq!(s.timezone, "Europe/Stockholm");
    assert!(!s.major_change_resets_schedule);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["half_yearly_windows"][0]["start"], "03-01");
    assert_eq!(json["half_yearly_windows"][1]["end"], "11-30");
    assert_eq!(json["yearly_windows"][0]["start"], "10-01");
    assert_eq!(json["blackouts"][1]["start"], "12-15");
    assert_eq!(json["blackouts"][1]["end"], "01-07");
    assert_eq!(json["default_policy"], "half-yearly");
    // Round trip through the stored JSON form.
    assert_eq!(ScheduleSettings::from_json(&s.to_json()).unwrap(), s);
}

#[test]
fn partial_documents_keep_other_defaults() {
    let s = ScheduleSettings::from_json(
        r#"{"default_policy":"yearly","major_change_resets_schedule":true,"yearly_windows":[{"label":"vår","start":"03-01","end":"04-30"}]}"#,
    )
    .unwrap();
    assert_eq!(s.default_policy, SchedulePolicy::Yearly);
    assert!(s.major_change_resets_schedule);
    assert_eq!(s.yearly_windows[0].start.to_string(), "03-01");
    assert_eq!(
        s.half_yearly_windows,
        ScheduleSettings::default().half_yearly_windows
    );
}

#[test]
fn bad_days_are_rejected_with_the_day_named() {
    let e = err(r#"{"blackouts":[{"start":"02-30","end":"03-01"}]}"#);
    assert!(e.contains("02-30") && e.contains("01–29"), "{e}");
    let e = err(r#"{"blackouts":[{"start":"13-01","end":"03-01"}]}"#);
    assert!(e.contains("month 13"), "{e}");
    let e = err(r#"{"blackouts":[{"start":"1 mars","end":"03-01"}]}"#);
    assert!(e.contains("MM-DD"), "{e}");
    // 29 February is a valid bound.
    ScheduleSettings::from_json(r#"{"yearly_windows":[{"start":"02-01","end":"02-29"}]}"#).unwrap();
}

#[test]
fn unknown_fields_policies_and_zones_are_rejected() {
    let e = err(r#"{"blackout":[]}"#);
    assert!(e.contains("blackout"), "{e}");
    let e = err(r#"{"default_policy":"monthly"}"#);
    assert!(e.contains("monthly"), "{e}");
    let e = err(r#"{"timezone":"Europe/Stokholm"}"#);
    assert!(e.contains("Europe/Stokholm") && e.contains("IANA"), "{e}");
    ScheduleSettings::from_json(r#"{"timezone":"Europe/Helsinki"}"#).unwrap();
}

#[test]
fn window_counts_are_checked() {
    let e = err(r#"{"half_yearly_windows":[]}"#);
    assert!(e.contains("exactly 2") && e.contains("have 0"), "{e}");
    let e = err(
        r#"{"yearly_windows":[{"start":"03-01","end":"03-31"},{"start":"10-01","end":"10-31"}]}"#,
    );
    assert!(e.contains("exactly 1"), "{e}");
}

#[test]
fn windows_inside_or_split_by_blackouts_are_rejected() {
    let mut s = ScheduleSettings {
        yearly_windows: vec![ogonblick_schedule::Period::new("sommar", (6, 20), (8, 1)).unwrap()],
        ..Default::default()
    };
    let e = Schedule::new(s.clone()).unwrap_err();
    assert!(matches!(e, SettingsError::WindowInBlackout { .. }), "{e}");
    assert!(e.to_string().contains("sommar"), "{e}");

    s.yearly_windows = vec![ogonblick_schedule::Period::new("vinter", (12, 1), (1, 31)).unwrap()];
    let e = Schedule::new(s.clone()).unwrap_err();
    assert!(matches!(e, SettingsError::WindowSplit { .. }), "{e}");
    assert!(e.to_string().contains("jul"), "{e}");

    // Clipping at one end is fine.
    s.yearly_windows = vec![ogonblick_schedule::Period::new("sensommar", (8, 1), (9, 30)).unwrap()];
    Schedule::new(s).unwrap();
}

#[test]
fn overlapping_windows_are_rejected() {
    let e = err(
        r#"{"half_yearly_windows":[{"label":"a","start":"03-01","end":"05-31"},{"label":"b","start":"05-01","end":"06-10"}]}"#,
    );
    assert!(
        e.contains("overlap") && e.contains("'a'") && e.contains("'b'"),
        "{e}"
    );
    // Two windows wrapping into each other over New Year.
    let e = err(
        r#"{"blackouts":[],"half_yearly_windows":[{"start":"11-01","end":"02-15"},{"start":"02-01","end":"05-01"}]}"#,
    );
    assert!(e.contains("overlap"), "{e}");
    // Adjacent windows are fine.
    ScheduleSettings::from_json(
        r#"{"blackouts":[],"half_yearly_windows":[{"start":"03-28","end":"10-30"},{"start":"10-31","end":"03-27"}]}"#,
    )
    .unwrap();
}

#[test]
fn organisation_settings_feed_the_schedule() {
    let mut org = ogonblick_model::OrgSettings::default();
    let s = ScheduleSettings::from_org(&org).unwrap();
    assert_eq!(s, ScheduleSettings::default());
    org.default_policy = SchedulePolicy::Yearly;
    org.schedule_windows = Some(
        serde_json::from_value(serde_json::json!({
            "default_policy": "manual",
            "blackouts": [{"label": "sportlov", "start": "02-20", "end": "02-28"}]
        }))
        .unwrap(),
    );
    let s = ScheduleSettings::from_org(&org).unwrap();
    assert_eq!(
        s.default_policy,
        SchedulePolicy::Yearly,
        "the top-level policy wins"
    );
    assert_eq!(s.blackouts.len(), 1);
    org.schedule_windows =
        Some(serde_json::from_value(serde_json::json!({"yearly_windows": []})).unwrap());
    let e = ScheduleSettings::from_org(&org).unwrap_err().to_string();
    assert!(e.contains("exactly 1"), "{e}");
}
