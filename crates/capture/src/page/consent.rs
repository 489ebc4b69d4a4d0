//! Consent dialogs, dismissed in every frame (same-process frames through
//! isolated worlds, out-of-process frames through their own sessions), and
//! the login and consent walls that may still cover the page.

use std::time::Duration;

use serde_json::{json, Value};

use super::failure::Flow;
use super::steps::check_navigation;
use super::tab::{Tab, CALL};
use super::PageRun;
use crate::js;
use ogonblick_model::Stage;

/// The walls seen on the page, and the script that looks for them.
pub(super) struct Walls {
    script: String,
    pub seen: Vec<String>,
}

impl Walls {
    /// Looks for walls once more; new ones are added.
    pub fn look(&mut self, tab: &mut Tab) -> Result<(), Flow> {
        for w in self.detect(tab)? {
            if !self.seen.contains(&w) {
                self.seen.push(w);
            }
        }
        Ok(())
    }

    fn detect(&self, tab: &mut Tab) -> Result<Vec<String>, Flow> {
        Ok(tab
            .eval(&self.script, false, CALL)?
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default())
    }
}

impl PageRun<'_> {
    /// Clicks consent buttons, up to three rounds, while the site may reload.
    pub(super) fn dismiss_consent(&mut self) -> Result<(), Flow> {
        self.job.stage(Stage::Consent, None);
        let b = self.tab.b;
        let o = b.opts();
        let tab = &mut self.tab;
        let report = &mut self.rec.report;
        let cfg = json!({"selectors": o.consent.selectors, "texts": o.consent.button_texts});
        let script = js::with_cfg(js::CONSENT_CLICK, &cfg);
        tab.guard.tolerate_navigation = true;
        for _round in 0..3 {
            tab.pump();
            let clicked = consent_round(tab, &script);
            let new: Vec<String> = clicked
                .into_iter()
                .filter(|c| !report.consent_clicked.contains(c))
                .collect();
            if new.is_empty() {
                break;
            }
            report.consent_clicked.extend(new);
            tab.wait_network_quiet(Duration::from_millis(300), Duration::from_secs(3))?;
            // A site that reloads after the click destroys the script's context.
            let _ = tab.eval(&js::with_cfg(js::SETTLE, &json!(1000)), true, CALL);
            tab.pump();
            if !tab.loaded {
                tab.wait_until(o.page_timeout, |t| t.loaded || t.crashed)?;
            }
        }
        tab.guard.tolerate_navigation = false;
        check_navigation(tab, self.job.url)
    }

    /// The walls covering the page before it is scrolled.
    pub(super) fn detect_walls(&mut self) -> Result<Walls, Flow> {
        let b = self.tab.b;
        let wall_cfg = json!({"login": b.opts().walls.texts});
        let mut walls = Walls {
            script: js::with_cfg(js::DETECT_WALLS, &wall_cfg),
            seen: Vec::new(),
        };
        walls.seen = walls.detect(&mut self.tab)?;
        Ok(walls)
    }
}

fn consent_round(tab: &Tab, script: &str) -> Vec<String> {
    let cdp = tab.b.cdp();
    let t = Duration::from_secs(10);
    let mut out = Vec::new();
    let mut sessions = vec![tab.session.clone()];
    sessions.extend(tab.children.iter().cloned());
    for sid in sessions {
        let Ok(tree) = cdp.call("Page.getFrameTree", json!({}), Some(&sid), t) else {
            continue;
        };
        let mut frames = Vec::new();
        collect_frames(&tree["frameTree"], true, &mut frames);
        for (fid, is_root) in frames {
            let mut params =
                json!({"expression": script, "returnByValue": true, "userGesture": true});
            if !is_root {
                let Ok(w) = cdp.call(
                    "Page.createIsolatedWorld",
                    json!({"frameId": fid, "worldName": "ogonblick-consent", "grantUniveralAccess": false}),
                    Some(&sid),
                    t,
                ) else {
                    continue;
                };
                params["contextId"] = w["executionContextId"].clone();
            }
            if let Ok(r) = cdp.call("Runtime.evaluate", params, Some(&sid), t) {
                if let Some(a) = r.pointer("/result/value").and_then(Value::as_array) {
                    out.extend(a.iter().filter_map(Value::as_str).map(str::to_string));
                }
            }
        }
    }
    out
}

fn collect_frames(node: &Value, root: bool, out: &mut Vec<(String, bool)>) {
    if let Some(id) = node.pointer("/frame/id").and_then(Value::as_str) {
        out.push((id.to_string(), root));
    }
    if let Some(children) = node.get("childFrames").and_then(Value::as_array) {
        for c in children {
            collect_frames(c, false, out);
        }
    }
}
