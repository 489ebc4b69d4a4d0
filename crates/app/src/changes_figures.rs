//! The pictures of a comparison report (issue 17: "the same as a PDF/A
//! report"): for each compared page, the top of the older and of the newer
//! picture side by side (thumbnails of the PNGs, as `data:` PNGs), the
//! changed regions of the comparison drawn as boxes on the newer one. Made
//! of the engine's own thumbnails and numbers; every text escaped.

use base64::Engine as _;
use ogonblick_model::messages::Picture;
use ogonblick_model::{ChangedRegion, Language, Message, Snapshot};

use crate::changes::SnapshotComparison;
use crate::documents::escape_html;
use crate::region_boxes::region_boxes;
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
            let boxes = boxes_html(&k.changed_regions, page_width);
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
        Some(format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&png)
        ))
    }
}

/// The changed regions as boxes on the newer picture (HTML): the boxes the
/// desktop's overlay draws too (joined rows, see `region_boxes.rs`).
fn boxes_html(regions: &[ChangedRegion], page_width: u32) -> String {
    let boxes = region_boxes(regions, page_width as f64, WIDTH as f64, HEIGHT as f64);
    boxes
        .iter()
        .map(|b| {
            format!(
                "<div class=\"box{}\" style=\"left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px\"></div>",
                if b.header { " h" } else { "" },
                b.left,
                b.top,
                b.width,
                b.height,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use ogonblick_model::ChangedRegion;

    #[test]
    fn the_rows_of_one_changed_picture_are_one_box_as_in_the_window() {
        let r = |y: u32| ChangedRegion {
            x: 64,
            y,
            width: 128,
            height: 64,
            header: false,
            distance: 10,
        };
        // A 1280 px page shown 320 px wide: three rows of tiles, one box.
        let h = super::boxes_html(&[r(128), r(192), r(256)], 1280);
        assert_eq!(
            h,
            "<div class=\"box\" style=\"left:16.0px;top:32.0px;width:32.0px;height:48.0px\"></div>"
        );
    }
}
