//! What a capture expanded on a page (clipped post text, more comments,
//! replies), what it left, and whether its budget ran out: part of the
//! completeness report.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Message;

/// What an expander opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ExpanderKind {
    /// Clipped post or comment text ("Visa mer", "See more", "Läs mer").
    Text,
    /// More comments of a thread ("Visa fler kommentarer", "View more comments").
    Comments,
    /// Replies to a comment ("Visa svar", "View replies").
    Replies,
}

/// Expanders of one kind and text that were clicked, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Expanded {
    pub kind: ExpanderKind,
    /// The text that was clicked, as the page showed it.
    pub text: String,
    pub count: u32,
}

/// Collapsed content on one page: what was expanded before the pictures were
/// taken, what was left, and the budget (a click count and a time per page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExpansionReport {
    #[serde(default)]
    pub expanded: Vec<Expanded>,
    /// Clicks made in all.
    #[serde(default)]
    pub clicks: u32,
    /// Expanders still on the page when it was captured (not clicked: the
    /// budget ran out, or clicking did not open them).
    #[serde(default)]
    pub left: u32,
    /// Elements that looked like expanders but would have left the page,
    /// opened a window or acted on the platform (like, follow, share, reply,
    /// report, send): never clicked.
    #[serde(default)]
    pub skipped: u32,
    /// Windows an expander tried to open; each was refused.
    #[serde(default)]
    pub windows_refused: u32,
    /// The budget of the page: at most this many clicks…
    #[serde(default)]
    pub max_clicks: u32,
    /// …and this much time (ms) spent expanding.
    #[serde(default)]
    #[ts(type = "number")]
    pub time_budget_ms: u64,
    /// Time spent expanding (ms), waiting for what the clicks loaded included.
    #[serde(default)]
    #[ts(type = "number")]
    pub duration_ms: u64,
    #[serde(default)]
    pub click_budget_hit: bool,
    #[serde(default)]
    pub time_budget_hit: bool,
}

impl ExpansionReport {
    /// Nothing was found to expand or skip (not written into `snapshot.json`).
    pub fn is_empty(&self) -> bool {
        self.expanded.is_empty()
            && self.clicks == 0
            && self.left == 0
            && self.skipped == 0
            && self.windows_refused == 0
            && !self.click_budget_hit
            && !self.time_budget_hit
    }

    /// The warning when the budget ran out with expanders left.
    pub fn budget_warning(&self) -> Option<Message> {
        let (clicks, left) = (self.clicks, self.left);
        if self.click_budget_hit {
            Some(Message::WarnExpandClicks {
                max_clicks: self.max_clicks,
                clicks,
                left,
            })
        } else if self.time_budget_hit {
            Some(Message::WarnExpandTime {
                secs: (self.time_budget_ms as f64 / 1000.0).to_string(),
                clicks,
                left,
            })
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    #[test]
    fn a_budget_warning_in_both_languages_only_when_a_budget_was_hit() {
        let mut r = ExpansionReport {
            clicks: 10,
            left: 20,
            max_clicks: 10,
            time_budget_ms: 60_000,
            ..Default::default()
        };
        assert!(r.budget_warning().is_none());
        r.click_budget_hit = true;
        let w = r.budget_warning().unwrap();
        let (en, sv) = (w.render(Language::En), w.render(Language::Sv));
        assert!(en.contains("click budget of 10") && en.contains("20 expanders"));
        assert!(sv.contains("klickbudgeten på 10") && sv.contains("20 knappar"));
        r.click_budget_hit = false;
        r.time_budget_hit = true;
        let w = r.budget_warning().unwrap();
        let (en, sv) = (w.render(Language::En), w.render(Language::Sv));
        assert!(en.contains("60 s") && sv.contains("60 s"));
    }

    #[test]
    fn a_report_without_expansion_reads_and_writes_as_before() {
        let old: crate::CompletenessReport = serde_json::from_str(
            r#"{"final_url":null,"http_status":200,"title":null,"page_width":1,"page_height":1,
                "slices":1,"pdf_pages":1,"images_failed":[],"requests_failed":[],
                "walls_detected":[],"consent_clicked":[],"truncated":null,"duration_ms":5,"warnings":[]}"#,
        )
        .unwrap();
        assert!(old.expansion.is_empty());
        let json = serde_json::to_string(&old).unwrap();
        assert!(!json.contains("expansion"), "{json}");
    }
}
