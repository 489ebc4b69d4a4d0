//! Scrolling through the page until its height is stable (or a cap is
//! reached), letting it settle at each step, and the final check of what
//! it shows (title, failed images and fonts, walls, address).

use ogonblick_model::Message;
use std::time::{Duration, Instant};

use ogonblick_model::Stage;
use serde_json::{json, Value};

use super::consent::Walls;
use super::failure::Flow;
use super::steps::check_navigation;
use super::tab::{Tab, CALL};
use super::PageRun;
use crate::js;

/// At the bottom, how long the network must be quiet before the page is
/// taken to have loaded all it will (an endless feed's loader may start its
/// request a moment after it sees the end), and the most time waited there.
const BOTTOM_QUIET: Duration = Duration::from_millis(400);
const BOTTOM_CAP: Duration = Duration::from_secs(5);
/// How often the page's height is looked at while waiting at the bottom.
const BOTTOM_POLL: Duration = Duration::from_millis(40);

/// The most time spent revisiting images a lazy loader left unset.
const LAZY_CATCH_UP: Duration = Duration::from_secs(15);

impl PageRun<'_> {
    /// Scrolls through the page until its height is stable; an endless feed
    /// is cut at the height or time cap (`report.truncated`).
    pub(super) fn scroll_through(&mut self) -> Result<(), Flow> {
        self.job.stage(Stage::Scrolling, None);
        let url = self.job.url;
        let b = self.tab.b;
        let o = b.opts();
        let tab = &mut self.tab;
        let deadline = Instant::now() + o.max_duration;
        // Scrolled in a window as tall as a slice (the one the page is shot
        // in): a step shows as much as a slice, so a tall page takes a few
        // steps instead of one per screen, and every part of the page is
        // still in view once, lazy loaders' observers included.
        set_window_height(tab, scroll_height(o))?;
        // Whether the page removes content as it scrolls decides how tall
        // its slices are shot (`shots.rs`); a page that cannot be watched
        // is taken to remove.
        let _ = tab.eval(js::WATCH_REMOVALS, false, CALL);
        // The capture scrolls; the browser must not move the page as well.
        let _ = tab.eval(js::NO_SCROLL_ANCHORING, false, CALL);
        let mut y: u64 = 0;
        let settle = js::with_cfg(js::SETTLE, &json!(1500));
        let mut steps = 0u32;
        loop {
            self.job.check_cancel()?;
            check_navigation(tab, url)?;
            let m = tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(y)), false, CALL)?;
            let h = m["height"].as_u64().unwrap_or(0);
            let vh = m["vh"]
                .as_u64()
                .unwrap_or(o.viewport_height as u64)
                .max(100);
            // scrollTo clamps at the bottom: continue from where the page really is.
            y = m["y"]
                .as_f64()
                .map(|v| v.max(0.0) as u64)
                .unwrap_or(y)
                .min(y);
            let before = tab.requests_started;
            tab.eval(&settle, true, CALL)?;
            tab.pump();
            if tab.requests_started != before || tab.fresh_inflight() > 0 {
                tab.wait_network_quiet(Duration::from_millis(50), Duration::from_secs(2))?;
            }
            super::expand::step(tab, &self.job, &mut self.rec.report)?;
            self.coverage.look(tab, y, y + vh)?;
            steps += 1;
            if steps.is_multiple_of(25) {
                self.job.stage(
                    Stage::Scrolling,
                    Some(Message::ProgressScrolled { y, height: h }),
                );
            }
            if h >= o.max_height_px as u64 {
                self.rec.report.truncated = Some(Message::TruncatedHeightCap {
                    cap: o.max_height_px as u64,
                });
                break;
            }
            if Instant::now() >= deadline {
                self.rec.report.truncated = Some(Message::TruncatedTimeCap {
                    secs: o.max_duration.as_secs(),
                    at: h,
                });
                break;
            }
            if y + vh >= h {
                // At the bottom: an endless feed loads more when it sees the end.
                wait_at_bottom(tab, h)?;
                tab.eval(&settle, true, CALL)?;
                let h2 = tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(y)), false, CALL)?["height"]
                    .as_u64()
                    .unwrap_or(h);
                if h2 > h {
                    y += vh;
                    continue;
                }
                break;
            }
            y += vh;
        }
        if self.rec.report.truncated.is_none() {
            self.catch_up_lazy(deadline)?;
        }
        // The final check looks for walls in the reader's window.
        set_window_height(&mut self.tab, o.viewport_height)?;
        Ok(())
    }

    /// Revisits the images a lazy loader left unset. A loader that waits for
    /// an image to be seen (an IntersectionObserver) can miss it when the
    /// browser is busy and paints less often than the capture scrolls; the
    /// page is scrolled back to each such image, once, and let settle. What
    /// is still unset after this is reported by the final check.
    fn catch_up_lazy(&mut self, deadline: Instant) -> Result<(), Flow> {
        let tab = &mut self.tab;
        let vh = scroll_height(tab.b.opts()) as u64;
        let deadline = deadline.min(Instant::now() + LAZY_CATCH_UP);
        let unset = tab.eval(js::LAZY_UNSET, false, CALL)?;
        let tops: Vec<u64> = unset
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default();
        let settle = js::with_cfg(js::SETTLE, &json!(1500));
        let wait = js::with_cfg(js::LAZY_WAIT, &json!(2000));
        let mut shown_to: Option<u64> = None;
        for top in tops {
            // One stop shows every unset image within the viewport's height.
            if shown_to.is_some_and(|end| top < end) {
                continue;
            }
            if Instant::now() >= deadline {
                break;
            }
            self.job.check_cancel()?;
            check_navigation(tab, self.job.url)?;
            let y = top.saturating_sub(vh / 4);
            tab.eval(&js::with_cfg(js::SCROLL_TO, &json!(y)), false, CALL)?;
            let before = tab.requests_started;
            tab.eval(&wait, true, CALL)?;
            tab.eval(&settle, true, CALL)?;
            tab.pump();
            if tab.requests_started != before || tab.fresh_inflight() > 0 {
                tab.wait_network_quiet(Duration::from_millis(50), Duration::from_secs(2))?;
            }
            shown_to = Some(y + vh * 3 / 4);
        }
        Ok(())
    }

    /// What the scrolled page shows: its title, images and fonts that
    /// failed, the walls on it (also those seen before scrolling), and the
    /// address it ended at.
    pub(super) fn final_check(&mut self, walls: &mut Walls) -> Result<(), Flow> {
        let tab = &mut self.tab;
        let report = &mut self.rec.report;
        let fin = tab.eval(&js::with_cfg(js::FINAL_CHECK, &json!(10_000)), true, CALL)?;
        report.title = fin["title"]
            .as_str()
            .map(str::to_string)
            .filter(|s| !s.is_empty());
        for k in ["failed", "fonts"] {
            if let Some(a) = fin[k].as_array() {
                report
                    .images_failed
                    .extend(a.iter().filter_map(Value::as_str).map(str::to_string));
            }
        }
        walls.look(tab)?;
        report.walls_detected = std::mem::take(&mut walls.seen);
        if let Ok(href) = tab.eval("location.href", false, CALL) {
            if let Some(h) = href.as_str() {
                report.final_url = Some(h.to_string());
            }
        }
        Ok(())
    }
}

/// Waits at the bottom of a page `h` px tall until it grows (a feed
/// appended what it loaded: scrolling goes on at once, not after the
/// network's quiet) or the network has been quiet for [`BOTTOM_QUIET`]
/// (the page loads nothing more), at most [`BOTTOM_CAP`].
fn wait_at_bottom(tab: &mut Tab, h: u64) -> Result<(), Flow> {
    let end = Instant::now() + BOTTOM_CAP;
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() || tab.wait_network_quiet(BOTTOM_QUIET, left.min(BOTTOM_POLL))? {
            return Ok(());
        }
        let now = tab.eval(js::HEIGHT, false, CALL)?.as_u64().unwrap_or(0);
        if now > h {
            return Ok(());
        }
    }
}

/// The window's height while scrolling: a slice's, at least the reader's.
fn scroll_height(o: &crate::CaptureOptions) -> u32 {
    o.slice_height.max(o.viewport_height).max(100)
}

/// Makes the tab's window `height` px tall (the width the reader's).
fn set_window_height(tab: &mut Tab, height: u32) -> Result<(), Flow> {
    let width = tab.b.opts().viewport_width;
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
    )?;
    Ok(())
}
