//! `/lazy/dwell`: images a lazy loader sets only after they have been in
//! view for [`DWELL_MS`] without a break, as loaders that wait for an image
//! to be really seen do. A capture that scrolls by faster than that (as one
//! does when the browser is busy and paints seldom) leaves them unset unless
//! it goes back to them. [`DWELL_IMAGES`] blue images, 640×320 at x 0, the
//! `i`-th (0-based) at document y [`dwell_image_top`]`(i)`; the page is
//! [`DWELL_PAGE_H`] px tall, its last screens plain text. `?loader=none`
//! leaves the loader out: no image is ever set.

use crate::{ok, Resp};

/// How long an image must be in view before the loader sets it, ms.
pub const DWELL_MS: u32 = 1200;
/// The number of images on the page.
pub const DWELL_IMAGES: u32 = 5;
/// The page's height, CSS px.
pub const DWELL_PAGE_H: u32 = 100 + DWELL_IMAGES * SECTION_H + TAIL_H;
const SECTION_H: u32 = 1800;
const TAIL_H: u32 = 3000;

/// The document y of image `i`'s top.
pub fn dwell_image_top(i: u32) -> u32 {
    100 + i * SECTION_H
}

pub(crate) fn route(path: &str, q: &str) -> Option<Resp> {
    if path != "/lazy/dwell" {
        return None;
    }
    let loader = if crate::query(q, "loader").as_deref() == Some("none") {
        String::new()
    } else {
        LOADER.replace("{DWELL}", &DWELL_MS.to_string())
    };
    let sections: String = (0..DWELL_IMAGES)
        .map(|i| {
            format!(
                r#"<section><img data-src="/img/blue/{n}.svg?delay=120" alt="Bild {n}" width="640" height="320"><p>Avsnitt {n}</p></section>"#,
                n = i + 1
            )
        })
        .collect();
    let html = format!(
        r#"<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Bilder som laddas när de setts – fixtur</title>
<style>
html, body {{ margin: 0; padding: 0; background: #fff; font: 18px 'DejaVu Sans', sans-serif; }}
header {{ height: 100px; }}
h1, p {{ margin: 0; }}
section {{ height: {SECTION_H}px; }}
section img {{ display: block; width: 640px; height: 320px; background: #fff; }}
.tail {{ height: {TAIL_H}px; }}
</style></head><body>
<header><h1>Bilder som laddas när de setts</h1></header>
{sections}
<div class="tail"><p>Slut på sidan.</p></div>
{loader}
</body></html>"#
    );
    Some(ok("text/html; charset=utf-8", html))
}

const LOADER: &str = r#"<script>
const DWELL = {DWELL};
const timers = new Map();
const io = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const img = e.target;
    if (e.isIntersecting && !timers.has(img)) {
      timers.set(img, setTimeout(() => { img.src = img.dataset.src; io.unobserve(img); }, DWELL));
    } else if (!e.isIntersecting && timers.has(img)) {
      clearTimeout(timers.get(img)); timers.delete(img);
    }
  }
});
document.querySelectorAll('img[data-src]').forEach((i) => io.observe(i));
</script>"#;
