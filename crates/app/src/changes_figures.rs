//! The pictures of a comparison report (issue 17: "the same as a PDF/A
//! report"): for each compared page, the top of the older and of the newer
//! picture side by side (thumbnails of the PNGs, as `data:` PNGs), the
//! changed regions of the comparison drawn as boxes on the newer one. Made
//! of the engine's own thumbnails and numbers; every text escaped.

use ogonblick_model::messages::Picture;
use ogonblick_model::{Language, Message, Snapshot};

use crate::changes::SnapshotComparison;
use crate::documents::escape_html;
use crate::App;

/// The shown width of each picture, in px of the PDF's HTML (two fit on A4).
const WIDTH: u32 = 320;
/// The shown height: the thumbnail's rows (the top of the page).
const HEIGHT: u32 = WIDTH * 3 / 2;
/// The most pages with pictures (the rows list every page).
const MAX_PAGES: usize = 12;

const CSS: &str =
    "<style>.figs{display:flex;gap:12px;break-inside:avoid;page-break-inside:avoid;margin:6pt 0}\
.figs figure{margin:0;width:320px}.figs figcaption{font-size:7.5pt;overflow-wrap:anywhere;min-height:3.6em}\
.pic{position:relative;overflow:hidden}.pic img{display:block;width:320px}\
.box{position:absolute;border:1.5px solid #b3261e}.box.h{border-color:#6a1b9a}</style>";

impl App {
    /// The figures' HTML for [`TableDocument::to_html_with`](crate::documents::TableDocument),
    /// empty when no page has pictures to show.
    pub(crate) fn comparison_figures(&self, c: &SnapshotComparison, lang: Language) -> String {
        let (Ok((old, _)), Ok((new, _))) = (
            self.store().snapshot(&c.older_snapshot_id),
            self.store().snapshot(&c.newer_snapshot_id),
        ) else {
            return String::new();
        };
        let t = |m: Message| escape_html(&m.render(lang));
        let mut h = String::new();
        for p in c.pages.iter().take(MAX_PAGES) {
            let k = &p.comparison;
            let (Some(older), Some(newer)) = (
                self.picture(&old, &k.previous_url),
                self.picture(&new, &p.url),
            ) else {
                continue;
            };
            let page_width = new
                .pages
                .iter()
                .find(|x| x.url == p.url)
                .map(|x| x.report.page_width)
                .filter(|w| *w > 0)
                .unwrap_or(1280);
            let scale = WIDTH as f64 / page_width as f64;
            let mut boxes = String::new();
            for r in &k.changed_regions {
                let top = r.y as f64 * scale;
                if top >= HEIGHT as f64 {
                    continue;
                }
                let left = (r.x as f64 * scale).min(WIDTH as f64);
                boxes.push_str(&format!(
                    "<div class=\"box{}\" style=\"left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px\"></div>",
                    if r.header { " h" } else { "" },
                    left,
                    top,
                    (r.width as f64 * scale).min(WIDTH as f64 - left),
                    (r.height as f64 * scale).min(HEIGHT as f64 - top),
                ));
            }
            let caption = |which: Picture, url: &str| {
                t(Message::ChangeReportFigure {
                    which,
                    url: url.to_string(),
                })
            };
            h.push_str(&format!(
                "<div class=\"figs\"><figure><figcaption>{}</figcaption><div class=\"pic\"><img src=\"{older}\" alt=\"\"></div></figure>\
                 <figure><figcaption>{}</figcaption><div class=\"pic\"><img src=\"{newer}\" alt=\"\">{boxes}</div></figure></div>",
                caption(Picture::Older, &k.previous_url),
                caption(Picture::Newer, &p.url),
            ));
        }
        if h.is_empty() {
            return h;
        }
        format!("{CSS}<h2>{}</h2>{h}", t(Message::ChangeReportFigures {}))
    }

    /// The top of the page at `url` of snapshot `s` as a `data:` PNG.
    fn picture(&self, s: &Snapshot, url: &str) -> Option<String> {
        let index = s.pages.iter().position(|p| p.url == url)?;
        let png = self.thumbnail(&s.id, index, WIDTH).ok()?;
        Some(format!("data:image/png;base64,{}", base64(&png)))
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_as_the_standard_says() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
