//! The bounds of the comparison thresholds ([`ComparisonSettings`]): a value
//! outside them is refused before anything is stored, naming the setting and
//! the values it may take.

use ogonblick_model::{ComparisonSettings, ErrorCode, Message};

use crate::{AppError, Result};

/// Each threshold's stored name, value and bounds (inclusive).
fn bounds(s: &ComparisonSettings) -> [(&'static str, f64, f64, f64); 7] {
    [
        ("header_height", f64::from(s.header_height), 16.0, 4000.0),
        ("tile_size", f64::from(s.tile_size), 8.0, 512.0),
        ("tile_distance", f64::from(s.tile_distance), 0.0, 64.0),
        ("colour_distance", f64::from(s.colour_distance), 0.0, 255.0),
        ("header_tiles", f64::from(s.header_tiles), 1.0, 1000.0),
        ("header_text_similarity", s.header_text_similarity, 0.0, 1.0),
        (
            "rules_page_text_similarity",
            s.rules_page_text_similarity,
            0.0,
            1.0,
        ),
    ]
}

/// Refuses the first threshold outside its bounds (`comparison-bad-setting`).
pub fn check_comparison_settings(s: &ComparisonSettings) -> Result<()> {
    for (setting, value, min, max) in bounds(s) {
        // NaN is outside every range.
        if !(min..=max).contains(&value) {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ComparisonBadSetting {
                    setting: setting.to_string(),
                    value: value.to_string(),
                    min: min.to_string(),
                    max: max.to_string(),
                },
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_pass_and_each_bound_is_inclusive() {
        let d = ComparisonSettings::default();
        assert!(check_comparison_settings(&d).is_ok());
        for s in [
            ComparisonSettings {
                header_height: 16,
                tile_size: 512,
                ..d.clone()
            },
            ComparisonSettings {
                tile_distance: 0,
                colour_distance: 255,
                ..d.clone()
            },
            ComparisonSettings {
                header_tiles: 1,
                header_text_similarity: 1.0,
                ..d.clone()
            },
        ] {
            assert!(check_comparison_settings(&s).is_ok(), "{s:?}");
        }
    }

    #[test]
    fn a_value_out_of_bounds_is_refused_with_the_setting_and_its_bounds() {
        let d = ComparisonSettings::default();
        let cases = [
            (
                ComparisonSettings {
                    tile_size: 0,
                    ..d.clone()
                },
                "tile_size",
                "8",
                "512",
            ),
            (
                ComparisonSettings {
                    tile_distance: 65,
                    ..d.clone()
                },
                "tile_distance",
                "0",
                "64",
            ),
            (
                ComparisonSettings {
                    header_tiles: 0,
                    ..d.clone()
                },
                "header_tiles",
                "1",
                "1000",
            ),
            (
                ComparisonSettings {
                    header_text_similarity: 1.5,
                    ..d.clone()
                },
                "header_text_similarity",
                "0",
                "1",
            ),
            (
                ComparisonSettings {
                    header_text_similarity: f64::NAN,
                    ..d.clone()
                },
                "header_text_similarity",
                "0",
                "1",
            ),
            (
                ComparisonSettings {
                    rules_page_text_similarity: -0.1,
                    ..d.clone()
                },
                "rules_page_text_similarity",
                "0",
                "1",
            ),
        ];
        for (s, name, lo, hi) in cases {
            let e = check_comparison_settings(&s).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidInput);
            match e.message() {
                Message::ComparisonBadSetting {
                    setting, min, max, ..
                } => {
                    assert_eq!(
                        (setting.as_str(), min.as_str(), max.as_str()),
                        (name, lo, hi)
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
