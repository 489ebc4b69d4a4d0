//! The boxes of a comparison's changed regions on a picture of the top of a
//! page, for the comparison report's figures. The desktop's overlay draws
//! the same boxes (`ui/src/lib/overlay.ts`): both are checked against one
//! set of cases, `tests/fixtures/region-boxes.json`, so the PDF and the
//! window never disagree.

use ogonblick_model::ChangedRegion;

/// A box to draw, in px of the shown picture (rounded to tenths).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RegionBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// In the top band (the channel's name, pictures, description).
    pub header: bool,
}

/// Joins regions that continue each other downwards (same left edge and
/// width, the next one starting where the last ends) into one, so a changed
/// picture is one box and not one per row of tiles. Keeps the order of the
/// first region of each box; `header` when any joined one was.
pub(crate) fn merge_regions(regions: &[ChangedRegion]) -> Vec<ChangedRegion> {
    let mut out: Vec<ChangedRegion> = Vec::new();
    for r in regions {
        let above = out
            .iter_mut()
            .find(|o| o.x == r.x && o.width == r.width && o.y.saturating_add(o.height) == r.y);
        match above {
            Some(o) => {
                o.height = o.height.saturating_add(r.height);
                o.header |= r.header;
                o.distance = o.distance.max(r.distance);
            }
            None => out.push(*r),
        }
    }
    out
}

/// The boxes of `regions` on a picture of a page `page_width` CSS px wide
/// shown `shown_width` px wide and `shown_height` px tall: scaled, joined,
/// cut at the picture's bottom, and those wholly below it left out.
pub(crate) fn region_boxes(
    regions: &[ChangedRegion],
    page_width: f64,
    shown_width: f64,
    shown_height: f64,
) -> Vec<RegionBox> {
    if !(page_width > 0.0 && shown_width > 0.0 && shown_height > 0.0) {
        return Vec::new();
    }
    let scale = shown_width / page_width;
    let mut boxes = Vec::new();
    for r in merge_regions(regions) {
        let top = r.y as f64 * scale;
        if top >= shown_height {
            continue;
        }
        let left = (r.x as f64 * scale).min(shown_width);
        boxes.push(RegionBox {
            left: round(left),
            top: round(top),
            width: round((r.width as f64 * scale).min(shown_width - left)),
            height: round((r.height as f64 * scale).min(shown_height - top)),
            header: r.header,
        });
    }
    boxes
}

/// To tenths of a px, halves up (as JavaScript's `Math.round`).
fn round(v: f64) -> f64 {
    (v * 10.0 + 0.5).floor() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn the_boxes_are_those_of_the_shared_cases_the_desktop_draws_too() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/region-boxes.json"
        );
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let cases = doc["cases"].as_array().unwrap();
        assert!(cases.len() >= 5);
        for c in cases {
            let regions: Vec<ChangedRegion> = serde_json::from_value(c["regions"].clone()).unwrap();
            let f = |k: &str| c[k].as_f64().unwrap();
            let got = region_boxes(
                &regions,
                f("page_width"),
                f("shown_width"),
                f("shown_height"),
            );
            let want: Vec<RegionBox> = c["boxes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| RegionBox {
                    left: b["left"].as_f64().unwrap(),
                    top: b["top"].as_f64().unwrap(),
                    width: b["width"].as_f64().unwrap(),
                    height: b["height"].as_f64().unwrap(),
                    header: b["header"].as_bool().unwrap(),
                })
                .collect();
            assert_eq!(got, want, "{}", c["name"]);
        }
    }
}
