//! A virtualised feed (`/virtual/feed`), as X and Facebook render theirs: the
//! page knows [`VIRTUAL_POSTS`] posts but keeps only those within about a
//! screen above and two below the viewport in the DOM; the others are
//! replaced by spacer height above and below. Post `i` (0-based) is an
//! `<article>` [`VIRTUAL_POST_H`] px tall at document y
//! [`virtual_post_top`]`(i)`, painted [`virtual_post_colour`]`(i)`, with the
//! unique word [`virtual_post_word`]`(i)`, åäö and two emoji in its text.
//! `?n=COUNT` changes the number of posts (at most 5,000); `?gone=K` makes
//! the first `K` posts gone for good once they have left the window (a feed
//! that drops old posts: they are seen while scrolling down, but not when
//! the page is shot); `?recycle=1` makes it a pool of rows rewritten in
//! place (none removed), without the browser's scroll anchoring unless
//! `&anchor=1`; `?jump=1` makes it scroll back to its top after every scroll;
//! `?smooth=1` animates every scroll (`scroll-behavior: smooth`).

use crate::{ok, Resp};

/// The number of posts of `/virtual/feed`.
pub const VIRTUAL_POSTS: u32 = 240;
/// The height of one post (with its gap), CSS px.
pub const VIRTUAL_POST_H: u32 = 300;
/// The height of the page header above the feed, CSS px.
pub const VIRTUAL_HEADER_H: u32 = 100;
/// The height of the footer below the feed, CSS px.
pub const VIRTUAL_FOOTER_H: u32 = 100;

/// The document y of post `i`'s top.
pub fn virtual_post_top(i: u32) -> u32 {
    VIRTUAL_HEADER_H + i * VIRTUAL_POST_H
}

/// The background colour of post `i` (unique for `i < 256`: the red channel
/// alone is a bijection there).
pub fn virtual_post_colour(i: u32) -> [u8; 3] {
    [
        ((i * 37 + 40) % 256) as u8,
        ((i * 83 + 60) % 256) as u8,
        ((i * 139 + 90) % 256) as u8,
    ]
}

/// The word only post `i` holds.
pub fn virtual_post_word(i: u32) -> String {
    format!("virtpost{i:04}")
}

/// The page's height for `n` posts.
pub fn virtual_page_height(n: u32) -> u32 {
    VIRTUAL_HEADER_H + n * VIRTUAL_POST_H + VIRTUAL_FOOTER_H
}

const PAGE: &str = r#"<!doctype html>
<html lang="sv"><head><meta charset="utf-8">
<title>Virtualiserat flöde – fixtur</title>
<style>
html, body { margin: 0; padding: 0; background: #fff; font: 18px 'DejaVu Sans', sans-serif; color: #111; }
header { height: {{HEADER}}px; box-sizing: border-box; padding: 20px; background: #eee; }
header h1 { margin: 0; font-size: 28px; }
footer { height: {{FOOTER}}px; box-sizing: border-box; padding: 20px; background: #eee; }
article { height: {{POST_H}}px; box-sizing: border-box; padding: 0 0 20px 0; margin: 0; }
article .card { height: 100%; box-sizing: border-box; padding: 20px 24px; }
article h2 { margin: 0 0 12px 0; font-size: 22px; width: 760px; background: #fff; }
article p { margin: 0; width: 760px; background: #fff; }
</style></head>
<body>
<header><h1>Ögonblicks kommun – virtualiserat flöde</h1></header>
<main id="feed" role="feed"><div id="above"></div><div id="posts"></div><div id="below"></div></main>
<footer>Slut på flödet.</footer>
<script>
(function () {
  const N = {{N}}, H = {{POST_H}}, TOP = {{HEADER}}, GONE = {{GONE}}, RECYCLE = {{RECYCLE}}, ANCHOR = {{ANCHOR}}, JUMP = {{JUMP}}, SMOOTH = {{SMOOTH}};
  const gone = new Set();
  const above = document.getElementById('above'), below = document.getElementById('below');
  const box = document.getElementById('posts');
  const pad = i => String(i).padStart(4, '0');
  const colour = i => 'rgb(' + ((i * 37 + 40) % 256) + ',' + ((i * 83 + 60) % 256) + ',' + ((i * 139 + 90) % 256) + ')';
  function post(i) {
    const a = document.createElement('article');
    a.dataset.i = i;
    const c = document.createElement('div');
    c.className = 'card';
    c.style.background = colour(i);
    c.innerHTML = '<h2>Inlägg ' + (i + 1) + ' av ' + N + ': Räksmörgås åäö ÅÄÖ 🎉</h2>' +
      '<p>virtpost' + pad(i) + ' – kommunen informerar om Östersjön, Älvsbyn och Åre, ' +
      'så att alla invånare vet vad som händer i veckan 😀</p>';
    a.appendChild(c);
    return a;
  }
  // Recycling (`?recycle=1`), as some lists do: a pool of rows that is never
  // removed, each row's colour and texts rewritten in place for the post it
  // now shows (the text nodes' data, no node removed).
  function fill(a, i) {
    a.dataset.i = i;
    const c = a.firstChild;
    c.style.background = colour(i);
    c.firstChild.firstChild.data = 'Inlägg ' + (i + 1) + ' av ' + N + ': Räksmörgås åäö ÅÄÖ 🎉';
    c.lastChild.firstChild.data = 'virtpost' + pad(i) + ' – kommunen informerar om Östersjön, Älvsbyn och Åre, ' +
      'så att alla invånare vet vad som händer i veckan 😀';
  }
  // As such lists mostly do, no scroll anchoring (`&anchor=1` keeps it, as
  // the browser's default: it keeps a rewritten row where it was and moves
  // the scroll position with it).
  if (RECYCLE && !ANCHOR) document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none';
  // `&smooth=1`: every scroll of the page animated, as many sites' CSS asks.
  if (SMOOTH) document.documentElement.style.scrollBehavior = 'smooth';
  function recycle(first, last) {
    while (box.children.length < last - first) box.appendChild(post(first + box.children.length));
    [...box.children].forEach((a, k) => {
      a.style.display = k < last - first ? '' : 'none';
      if (k < last - first && +a.dataset.i !== first + k) fill(a, first + k);
    });
  }
  let lo = 0, hi = 0;
  function render() {
    const y = window.scrollY, vh = window.innerHeight;
    const first = Math.max(0, Math.floor((y - TOP - vh) / H));
    const last = Math.min(N, Math.ceil((y - TOP + 2 * vh) / H));
    if (first === lo && last === hi) return;
    if (RECYCLE) recycle(first, last);
    else replace(first, last);
    lo = first; hi = last;
    above.style.height = (first * H) + 'px';
    below.style.height = ((N - last) * H) + 'px';
  }
  // Removes what left the window, adds what entered it, in document order.
  function replace(first, last) {
    for (const a of [...box.children]) {
      const i = +a.dataset.i;
      if (i < first || i >= last) { a.remove(); if (i < GONE && a.tagName === 'ARTICLE') gone.add(i); }
    }
    const have = new Set([...box.children].map(a => +a.dataset.i));
    for (let i = first; i < last; i++) {
      if (have.has(i)) continue;
      // A post gone for good leaves its space empty.
      const a = gone.has(i) ? Object.assign(document.createElement('div'), { className: 'gone' }) : post(i);
      if (gone.has(i)) { a.dataset.i = i; a.style.height = H + 'px'; }
      const after = [...box.children].find(c => +c.dataset.i > i) || null;
      box.insertBefore(a, after);
    }
  }
  window.addEventListener('scroll', render, { passive: true });
  // `&jump=1`: a page that moves itself, back to its top a frame after
  // every scroll.
  if (JUMP) window.addEventListener('scroll', () => {
    if (window.scrollY > 0) requestAnimationFrame(() => window.scrollTo(0, 0));
  }, { passive: true });
  window.addEventListener('resize', render);
  render();
})();
</script>
</body></html>
"#;

/// The page of `/virtual/feed` with `n` posts, the first `gone` of them
/// dropped for good once scrolled past (not when `recycle`: a pool of rows
/// rewritten in place, none removed; with the browser's scroll anchoring
/// left on when `anchor`; back at its top a frame after every scroll when
/// `jump`; every scroll animated when `smooth`).
pub fn virtual_feed_page(
    n: u32,
    gone: u32,
    recycle: bool,
    anchor: bool,
    jump: bool,
    smooth: bool,
) -> String {
    PAGE.replace("{{N}}", &n.to_string())
        .replace("{{RECYCLE}}", if recycle { "true" } else { "false" })
        .replace("{{ANCHOR}}", if anchor { "true" } else { "false" })
        .replace("{{JUMP}}", if jump { "true" } else { "false" })
        .replace("{{SMOOTH}}", if smooth { "true" } else { "false" })
        .replace("{{GONE}}", &gone.to_string())
        .replace("{{POST_H}}", &VIRTUAL_POST_H.to_string())
        .replace("{{HEADER}}", &VIRTUAL_HEADER_H.to_string())
        .replace("{{FOOTER}}", &VIRTUAL_FOOTER_H.to_string())
}

/// Routes `/virtual/...` (`q` is the query string).
pub(crate) fn route(path: &str, q: &str) -> Option<Resp> {
    match path {
        "/virtual/feed" => {
            let n = crate::query(q, "n")
                .and_then(|v| v.parse().ok())
                .unwrap_or(VIRTUAL_POSTS)
                .min(5_000);
            let gone = crate::query(q, "gone")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let recycle = crate::query(q, "recycle").is_some_and(|v| v == "1");
            let anchor = crate::query(q, "anchor").is_some_and(|v| v == "1");
            let jump = crate::query(q, "jump").is_some_and(|v| v == "1");
            let smooth = crate::query(q, "smooth").is_some_and(|v| v == "1");
            Some(ok(
                "text/html; charset=utf-8",
                virtual_feed_page(n, gone, recycle, anchor, jump, smooth),
            ))
        }
        _ => None,
    }
}
