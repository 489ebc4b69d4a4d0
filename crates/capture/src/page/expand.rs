//! Collapsed content expanded before the pictures are taken: clipped post
//! text ("Visa mer", "See more", "Läs mer"), more comments ("Visa fler
//! kommentarer") and replies ("Visa svar"), by the texts and selectors of
//! the page's platform and the generic ones (`CaptureOptions::expand`).
//!
//! Runs once after consent ([`PageRun::expand`]) and again at every scroll
//! step on what came into view ([`step`]). Clicks are made in rounds; after
//! each, the stage waits by condition for what they load: the page's network
//! quiet, then its DOM unchanged for a moment (both capped by the time left),
//! never a fixed sleep. Bounded per page by a click count and a time budget;
//! when one runs out with expanders left, the report says so
//! (`report.expansion`, a warning in English and Swedish).
//!
//! Never clicked (decided in the page by `js_expand::EXPAND_ROUND`): links to
//! another document and anything inside one, `target` other than `_self`,
//! downloads, form submits, inline handlers that open, navigate or submit,
//! toggles (`aria-pressed`, like buttons), menus, and elements whose text,
//! `aria-label`, `title`, `data-testid` or name is an action word (like,
//! follow, share, reply, report, send, Gilla, Dela, Svara, Rapportera, Följ,
//! Skicka, …), whatever the configured texts say. Behind that: `window.open`
//! answers null while the clicks are made (a click that tried is recorded
//! and the element never clicked again), a pop-up that opens anyway is
//! closed by the guard, and a main-frame navigation is held back by the
//! guard and fails the page (`check_navigation` after every round).

use ogonblick_model::Message;
use std::time::{Duration, Instant};

use ogonblick_model::{CompletenessReport, Expanded, ExpanderKind, Platform};
use serde_json::{json, Value};

use super::failure::Flow;
use super::steps::check_navigation;
use super::tab::{Tab, CALL};
use super::{Job, PageRun};
use crate::js;
use crate::js_expand::{EXPAND_ROUND, EXPAND_SETTLE};
use crate::options::platform_of_host;

/// At most this many clicks in one round, so the time budget is looked at
/// between them.
const ROUND: u32 = 20;

impl PageRun<'_> {
    /// Expands what the page shows collapsed after consent, before scrolling.
    pub(super) fn expand(&mut self) -> Result<(), Flow> {
        step(&mut self.tab, &self.job, &mut self.rec.report)
    }
}

/// The page's platform: the one the caller named, else its address's host's.
fn platform(job: &Job) -> Option<Platform> {
    job.platform.or_else(|| platform_of_host(job.url))
}

/// Expands what is collapsed on the page now (within what is left of the
/// page's budget) and records it in `report.expansion`. Cheap on a page with
/// nothing to expand: one script call.
pub(super) fn step(tab: &mut Tab, job: &Job, report: &mut CompletenessReport) -> Result<(), Flow> {
    let cfg = &tab.b.opts().expand;
    if !cfg.enabled {
        return Ok(());
    }
    let rules = cfg.rules_for(platform(job));
    let x = &mut report.expansion;
    x.max_clicks = cfg.max_clicks;
    x.time_budget_ms = cfg.time_budget.as_millis() as u64;
    let spent = Duration::from_millis(x.duration_ms);
    let t0 = Instant::now();
    let kind_name = |k: ExpanderKind| match k {
        ExpanderKind::Text => "text",
        ExpanderKind::Comments => "comments",
        ExpanderKind::Replies => "replies",
    };
    let mut page_cfg = json!({
        "texts": {"text": rules.text, "comments": rules.comments, "replies": rules.replies},
        "selectors": rules.selectors.iter().map(|(k, s)| json!([kind_name(*k), s])).collect::<Vec<_>>(),
        "max": 0,
    });
    let result = loop {
        let time_left = cfg.time_budget.saturating_sub(spent + t0.elapsed());
        let clicks_left = cfg.max_clicks.saturating_sub(x.clicks);
        page_cfg["max"] = json!(if time_left.is_zero() {
            0
        } else {
            clicks_left.min(ROUND)
        });
        let before = tab.requests_started;
        let r = match tab.eval(&js::with_cfg(EXPAND_ROUND, &page_cfg), false, CALL) {
            Ok(r) => r,
            Err(e) => break Err(Flow::from(e)),
        };
        let n = |k: &str| r[k].as_u64().unwrap_or(0) as u32;
        x.left = n("left");
        x.skipped = n("skipped");
        x.windows_refused = n("windows");
        let clicked = r["clicked"].as_array().cloned().unwrap_or_default();
        for c in &clicked {
            record(&mut x.expanded, c);
            x.clicks += 1;
        }
        if clicked.is_empty() {
            if x.left > 0 && clicks_left == 0 {
                x.click_budget_hit = true;
            } else if x.left > 0 && time_left.is_zero() {
                x.time_budget_hit = true;
            }
            break Ok(());
        }
        if let Err(e) = settle(tab, before, time_left.saturating_sub(t0.elapsed())) {
            break Err(e);
        }
        if let Err(e) = check_navigation(tab, job.url) {
            break Err(e);
        }
    };
    x.duration_ms = (spent + t0.elapsed()).as_millis() as u64;
    result
}

/// Waits for what the clicks load: the DOM quiet, then, if the clicks asked
/// the network for something, the network quiet and the DOM quiet again.
fn settle(tab: &mut Tab, requests_before: u64, cap: Duration) -> Result<(), Flow> {
    let cap = cap.min(Duration::from_secs(15));
    let dom = |cap: Duration| {
        js::with_cfg(
            EXPAND_SETTLE,
            &json!({"quiet": 120, "cap": cap.as_millis().min(3000) as u64}),
        )
    };
    let t0 = Instant::now();
    tab.eval(&dom(cap), true, CALL)?;
    tab.pump();
    if tab.requests_started != requests_before || tab.fresh_inflight() > 0 {
        tab.wait_network_quiet(Duration::from_millis(100), cap.saturating_sub(t0.elapsed()))?;
        tab.eval(&dom(cap.saturating_sub(t0.elapsed())), true, CALL)?;
    }
    Ok(())
}

fn record(expanded: &mut Vec<Expanded>, c: &Value) {
    let kind = match c["kind"].as_str() {
        Some("comments") => ExpanderKind::Comments,
        Some("replies") => ExpanderKind::Replies,
        _ => ExpanderKind::Text,
    };
    let text: String = c["text"].as_str().unwrap_or("").chars().take(100).collect();
    if let Some(e) = expanded
        .iter_mut()
        .find(|e| e.kind == kind && e.text == text)
    {
        e.count += 1;
    } else if expanded.len() < 200 {
        expanded.push(Expanded {
            kind,
            text,
            count: 1,
        });
    }
}

/// The warnings of the expansion, into the page's report (once, when the
/// page's capture ends): the budget, and windows an expander tried to open.
pub(super) fn record_warnings(report: &mut CompletenessReport) {
    if let Some(w) = report.expansion.budget_warning() {
        report.warnings.push(w);
    }
    if report.expansion.windows_refused > 0 {
        report.warnings.push(Message::WarnExpandWindows {
            count: report.expansion.windows_refused,
        });
    }
}
