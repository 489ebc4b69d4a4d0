//! Coverage: the posts seen while scrolling (and while shooting), and how
//! many of them are in the PNG and in the PDF/A's text layer. A difference
//! is a warning ([`coverage_warning`], a catalogue message).

use ogonblick_model::Message;
use std::collections::{BTreeMap, HashSet};

use ogonblick_model::PostCoverage;
use serde_json::{json, Value};

use super::failure::Flow;
use super::tab::{Tab, CALL};
use crate::js;
use crate::js_text;

/// What a post is, generically and on the platforms Ögonblick knows: the
/// outermost element matching this is one post.
pub(super) const POST_SELECTOR: &str = "article, [role=article], [data-testid=tweet], \
     [data-pagelet^=FeedUnit], .feed-shared-update-v2, ytd-rich-item-renderer, \
     ytd-video-renderer, ytd-comment-thread-renderer";

/// The posts missing from the PNG or the PDF text named in the report.
const MISSING_LISTED: usize = 20;

/// A post on screen when its part of the PNG was shot.
struct ShotPost {
    y: f32,
    h: f32,
    key: String,
    words: Vec<String>,
}

/// The posts seen so far, keyed by their text (first seen first).
#[derive(Default)]
pub(super) struct Coverage {
    seen: BTreeMap<String, u32>,
    order: u32,
    shot: Vec<ShotPost>,
    shot_keys: HashSet<String>,
}

impl Coverage {
    fn parse(v: &Value) -> Vec<(f32, f32, String, Vec<String>)> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| {
                        let y = p.get(0)?.as_f64()? as f32;
                        let h = p.get(1)?.as_f64()? as f32;
                        let key = p.get(2)?.as_str()?.to_string();
                        let words = p
                            .get(3)?
                            .as_array()?
                            .iter()
                            .filter_map(|w| w.as_str().map(str::to_string))
                            .collect();
                        Some((y, h, key, words))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn see(&mut self, key: &str) {
        if !self.seen.contains_key(key) {
            self.order += 1;
            self.seen.insert(key.to_string(), self.order);
        }
    }

    /// Notes the posts whose top is in the document band `[top, bottom)`
    /// while scrolling through the page. A page whose script fails here
    /// loses nothing but the count.
    pub fn look(&mut self, tab: &mut Tab, top: u64, bottom: u64) -> Result<(), Flow> {
        let cfg = json!({"top": top, "bottom": bottom, "selector": POST_SELECTOR});
        let v = match tab.eval(&js::with_cfg(js_text::POSTS, &cfg), false, CALL) {
            Ok(v) => v,
            Err(_) => return Ok(()),
        };
        for (_, _, key, _) in Self::parse(&v) {
            self.see(&key);
        }
        Ok(())
    }

    /// Notes the posts whose top is in the slice `[top, bottom)` being shot.
    pub fn shot(&mut self, tab: &mut Tab, top: u32, bottom: u32) -> Result<(), Flow> {
        let cfg = json!({"top": top, "bottom": bottom, "selector": POST_SELECTOR});
        let v = match tab.eval(&js::with_cfg(js_text::POSTS, &cfg), false, CALL) {
            Ok(v) => v,
            Err(_) => return Ok(()),
        };
        for (y, h, key, words) in Self::parse(&v) {
            self.see(&key);
            if self.shot_keys.insert(key.clone()) {
                self.shot.push(ShotPost { y, h, key, words });
            }
        }
        Ok(())
    }

    /// The counts, given the lines the PDF's text layer holds (document y
    /// and text).
    pub fn finish(self, mut pdf_lines: Vec<(f32, String)>) -> PostCoverage {
        pdf_lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut in_pdf = HashSet::new();
        for p in &self.shot {
            let from = pdf_lines.partition_point(|l| l.0 < p.y - 1.0);
            let text: String = pdf_lines[from..]
                .iter()
                .take_while(|l| l.0 < p.y + p.h)
                .flat_map(|l| l.1.chars())
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            if p.words.iter().all(|w| text.contains(w.as_str())) {
                in_pdf.insert(p.key.clone());
            }
        }
        let mut missing: Vec<(u32, &String)> = self
            .seen
            .iter()
            .filter(|(k, _)| !in_pdf.contains(*k))
            .map(|(k, o)| (*o, k))
            .collect();
        missing.sort();
        PostCoverage {
            seen: self.seen.len() as u32,
            in_png: self.shot_keys.len() as u32,
            in_pdf_text: in_pdf.len() as u32,
            missing: missing
                .into_iter()
                .take(MISSING_LISTED)
                .map(|(_, k)| k.chars().take(80).collect())
                .collect(),
            ..Default::default()
        }
    }
}

/// The warning when the PNG or the PDF/A's text holds fewer posts than were
/// seen, or `None` when they hold all.
pub fn coverage_warning(c: &PostCoverage) -> Option<Message> {
    if c.in_png >= c.seen && c.in_pdf_text >= c.seen {
        return None;
    }
    Some(Message::WarnCoverage {
        seen: c.seen,
        in_png: c.in_png,
        in_pdf_text: c.in_pdf_text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_missing_from_the_pdf_text_is_counted_and_warned_of() {
        let mut c = Coverage::default();
        for (i, key) in ["Inlägg ett åäö", "Inlägg två 🎉"].iter().enumerate() {
            c.see(key);
            c.shot_keys.insert(key.to_string());
            c.shot.push(ShotPost {
                y: i as f32 * 100.0,
                h: 90.0,
                key: key.to_string(),
                words: key.to_lowercase().split(' ').map(str::to_string).collect(),
            });
        }
        c.see("Inlägg tre");
        let cov = c.finish(vec![(10.0, "Inlägg ett".into()), (30.0, "ÅÄÖ".into())]);
        assert_eq!((cov.seen, cov.in_png, cov.in_pdf_text), (3, 2, 1));
        assert_eq!(cov.missing, vec!["Inlägg två 🎉", "Inlägg tre"]);
        let w = coverage_warning(&cov).unwrap();
        let (en, sv) = (
            w.render(ogonblick_model::Language::En),
            w.render(ogonblick_model::Language::Sv),
        );
        assert!(en.contains("3 posts") && en.contains("PNG holds 2"), "{en}");
        assert!(
            sv.contains("3 inlägg") && sv.contains("2 i PNG-filen"),
            "{sv}"
        );
        let all = PostCoverage {
            seen: 2,
            in_png: 2,
            in_pdf_text: 2,
            missing: vec![],
            ..Default::default()
        };
        assert!(coverage_warning(&all).is_none());
    }
}
