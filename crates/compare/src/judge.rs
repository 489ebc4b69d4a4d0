//! Two pages' features → what changed, and whether the channel's identity
//! changed: the title, the final address (same address asked), the text of
//! the top band, or its picture. New posts further down, a cookie notice
//! and other changes below the top band are changed regions and text, but
//! no signal. On an about or rules page (a channel's address but the
//! first), a change of the whole page's text is one too.

use ogonblick_model::{ChangeSignal, ChangedRegion, ComparisonSettings, PageComparison};

use crate::text::{norm, only_in, similarity};
use crate::{PageFeatures, Tiles};

/// The most lines of added or removed text kept in a comparison.
const MAX_LINES: usize = 50;
/// The most changed regions kept (a page that changed all over has one per
/// run of tiles in a row).
const MAX_REGIONS: usize = 400;

/// Compares `next` with `prev` (an earlier capture, of the snapshot
/// `previous_snapshot_id`).
pub fn compare(
    previous_snapshot_id: &str,
    prev: &PageFeatures,
    next: &PageFeatures,
    settings: &ComparisonSettings,
) -> PageComparison {
    let header = settings.header_height as f32;
    let lines = |p: &PageFeatures, top: bool| -> Vec<String> {
        p.lines
            .iter()
            .filter(|l| !top || l.y < header)
            .map(|l| norm(&l.text))
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (a, b) = (lines(prev, false), lines(next, false));
    let (ha, hb) = (lines(prev, true), lines(next, true));
    let text_similarity = round3(similarity(&a, &b));
    let header_text_similarity = round3(similarity(&ha, &hb));
    let changed_regions = changed_regions(&prev.tiles, &next.tiles, settings);

    let mut signals = Vec::new();
    let title = |p: &PageFeatures| p.title.as_deref().map(norm).unwrap_or_default();
    if title(prev) != title(next) {
        signals.push(ChangeSignal::Title);
    }
    if prev.url == next.url && prev.final_url.is_some() && prev.final_url != next.final_url {
        signals.push(ChangeSignal::Address);
    }
    if header_text_similarity < settings.header_text_similarity {
        signals.push(ChangeSignal::HeaderText);
    }
    if next.identity_page && text_similarity < settings.rules_page_text_similarity {
        signals.push(ChangeSignal::RulesPage);
    }
    let header_tiles: u32 = changed_regions
        .iter()
        .filter(|r| r.header)
        .map(|r| r.width.div_ceil(prev.tiles.size.max(1)))
        .sum();
    if header_tiles >= settings.header_tiles.max(1) {
        signals.push(ChangeSignal::HeaderImage);
    }
    PageComparison {
        previous_snapshot_id: previous_snapshot_id.to_string(),
        previous_url: prev.url.clone(),
        text_similarity,
        header_text_similarity,
        changed_regions,
        text_removed: only_in(&a, &b, MAX_LINES),
        text_added: only_in(&b, &a, MAX_LINES),
        suggests_major_change: !signals.is_empty(),
        signals,
    }
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// Runs of changed tiles in each row of tiles, in px of the newer page; the
/// rows only one page has are one region each.
fn changed_regions(
    prev: &Tiles,
    next: &Tiles,
    settings: &ComparisonSettings,
) -> Vec<ChangedRegion> {
    let size = next.size;
    let header_rows = settings.header_height.div_ceil(size);
    let mut out = Vec::new();
    let rows = prev.rows.min(next.rows);
    let cols = next.cols.max(prev.cols);
    'rows: for row in 0..rows {
        let mut run: Option<(u32, u32)> = None; // first col, max distance
        for col in 0..=cols {
            let changed = if col == cols {
                None
            } else {
                match (prev.get(row, col), next.get(row, col)) {
                    (Some(a), Some(b)) => {
                        let d = (a.hash ^ b.hash).count_ones();
                        let c = (0..3)
                            .map(|i| a.mean[i].abs_diff(b.mean[i]) as u32)
                            .max()
                            .unwrap_or(0);
                        (d > settings.tile_distance || c > settings.colour_distance)
                            .then_some(d.max(1))
                    }
                    _ => Some(64),
                }
            };
            match (changed, run) {
                (Some(d), None) => run = Some((col, d)),
                (Some(d), Some((first, m))) => run = Some((first, m.max(d))),
                (None, Some((first, m))) => {
                    let y = row * size;
                    let x = first * size;
                    out.push(ChangedRegion {
                        x,
                        y,
                        width: (col * size).min(next.width.max(prev.width)) - x,
                        height: size.min(next.height.saturating_sub(y)).max(1),
                        header: row < header_rows,
                        distance: m,
                    });
                    run = None;
                    if out.len() >= MAX_REGIONS {
                        break 'rows;
                    }
                }
                (None, None) => {}
            }
        }
    }
    if prev.height != next.height && out.len() < MAX_REGIONS {
        // The page grew or shrank: what is below the shorter one.
        let y = rows * size;
        let bottom = next.height.max(prev.height);
        if bottom > y {
            out.push(ChangedRegion {
                x: 0,
                y,
                width: next.width,
                height: bottom - y,
                header: y < settings.header_height,
                distance: 64,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TextLine;

    fn page(lines: &[&str], identity_page: bool) -> PageFeatures {
        PageFeatures {
            url: "https://example.org/regler".into(),
            final_url: None,
            title: Some("Regler".into()),
            tiles: Tiles {
                width: 0,
                height: 0,
                size: 64,
                cols: 0,
                rows: 0,
                tiles: Vec::new(),
            },
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, t)| TextLine {
                    y: 1000.0 + 20.0 * i as f32,
                    text: t.to_string(),
                })
                .collect(),
            identity_page,
        }
    }

    #[test]
    fn the_rules_page_signal_has_its_own_threshold() {
        let prev = page(&["Var vänlig", "Inga personangrepp", "Inga annonser"], true);
        let next = page(&["Var vänlig", "Allt är tillåtet", "Inga annonser"], true);
        let with = |header: f64, rules: f64| {
            let s = ComparisonSettings {
                header_text_similarity: header,
                rules_page_text_similarity: rules,
                ..ComparisonSettings::default()
            };
            compare("s0", &prev, &next, &s).signals
        };
        // The rules changed by a third: below 0.9, above 0.1.
        assert_eq!(with(0.0, 0.9), vec![ChangeSignal::RulesPage]);
        assert_eq!(with(1.0, 0.1), Vec::<ChangeSignal>::new());
    }
}
